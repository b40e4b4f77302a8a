"""Demo content for the press-service site (ru / fa / en).

A plain data module: no Django imports. A loader (management command / data
migration) turns it into topics and releases.

* ``TOPICS``: ``{"slug", "name": {lang: str}}``.
* ``RELEASES``: the first entry is the one real story (Kazan and Isfahan become
  sister cities, 9 April 2025); all others are plainly fictional demo news,
  marked ``"demo": True`` and opening with the ``DEMO_NOTE`` paragraph.
  ``"key"`` is stable and unique (the loader uses it to avoid duplicates).
  A language is available when its key is present (title, lead, body, dateline).
  ``published_at`` is ISO 8601 with the Moscow offset (+03:00).
* Bodies use only ``<p> <h2> <ul> <li> <blockquote> <strong> <em>``.
* Persian text uses Persian letters (U+06CC, U+06A9), Persian digits
  (U+06F0-U+06F9) and ZWNJ (U+200C) where orthography needs it.
"""

LANGUAGES = ("ru", "fa", "en")

TOPICS = [
    {
        "slug": "international",
        "name": {
            "ru": "Международные связи",
            "fa": "روابط بین‌الملل",
            "en": "International relations",
        },
    },
    {"slug": "culture", "name": {"ru": "Культура", "fa": "فرهنگ", "en": "Culture"}},
    {
        "slug": "transport",
        "name": {"ru": "Транспорт", "fa": "حمل‌ونقل", "en": "Transport"},
    },
    {
        "slug": "city-economy",
        "name": {
            "ru": "Городское хозяйство и экономика",
            "fa": "اقتصاد و خدمات شهری",
            "en": "City economy",
        },
    },
    {
        "slug": "education",
        "name": {"ru": "Образование", "fa": "آموزش", "en": "Education"},
    },
    {
        "slug": "ecology-parks",
        "name": {
            "ru": "Экология и парки",
            "fa": "محیط زیست و پارک‌ها",
            "en": "Ecology and parks",
        },
    },
    {"slug": "sport", "name": {"ru": "Спорт", "fa": "ورزش", "en": "Sport"}},
    {"slug": "tourism", "name": {"ru": "Туризм", "fa": "گردشگری", "en": "Tourism"}},
]

# First paragraph of every demo release body, per language.
DEMO_NOTE = {
    "ru": "<p><em>Демонстрационный материал.</em></p>",
    "fa": "<p><em>محتوای نمایشی.</em></p>",
    "en": "<p><em>Demo content.</em></p>",
}

DATELINE = {"ru": "Казань", "fa": "کازان", "en": "Kazan"}

SEED_KEY = "kazan-isfahan-sister-cities"

RELEASES = [
    # ------------------------------------------------------------------
    # The one real story (source: shared/seed/kazan-isfahan-sister-cities.txt).
    # Russian is the source language; fa and en are translations.
    # ------------------------------------------------------------------
    {
        "key": SEED_KEY,
        "published_at": "2025-04-09T15:30:00+03:00",
        "topics": ["international", "tourism", "culture"],
        "featured": True,
        "demo": False,
        "ru": {
            "title": "Казань и Исфахан стали городами-побратимами: соглашение подписано во дворце Чехель Сотун",
            "lead": "Мэр Казани Ильсур Метшин и мэр Исфахана Али Касемзаде подписали соглашение об установлении побратимских отношений между двумя городами.",
            "body": (
                "<p>Казань и Исфахан официально установили побратимские отношения. Соответствующее соглашение подписали мэр Казани Ильсур Метшин и мэр Исфахана Али Касемзаде. Церемония прошла в Исфахане, во дворце Чехель Сотун.</p>"
                "<p>Стороны договорились о всестороннем развитии связей в сфере культуры, экономики и туризма. Соглашение является продолжением российско-иранского договора о стратегическом партнерстве, подписанного 17 января 2025 года. В Генеральном консульстве России в Исфахане подчеркнули, что мэры договорились развивать отношения в духе стратегического партнерства между Россией и Ираном.</p>"
                "<blockquote><p>«Многонациональная Россия и Иран сегодня переживают новый уровень отношений и развития. Президенты наших стран недавно встречались у нас в Казани на полях саммита БРИКС. Исфахан — один из древнейших городов мира. Казань немного моложе, ей всего тысяча лет. Тем не менее нас связывает Великий шелковый путь, и наши предки активно сотрудничали. Для меня большая честь открыть новую страницу в наших отношениях», — сказал Ильсур Метшин.</p></blockquote>"
                "<blockquote><p>«Казань сегодня — важный экономический, политический и культурный центр страны, где проходят различные мероприятия высокого уровня. Желаем вам развития и процветания. Исфахан — один из древнейших городов мира. У нас много исторических объектов и памятников культуры, мы развиваемся как туристический центр. Учитывая, что Россия — наш стратегический партнер, я уверен, что у нас будет плодотворное и эффективное сотрудничество», — сказал Али Касемзаде.</p></blockquote>"
                "<p>Соглашение подписано на русском, персидском и английском языках 9 апреля (20 фарвардина 1404 года по иранскому календарю).</p>"
                "<p>Дворец Чехель Сотун, где прошла церемония, — памятник персидской архитектуры XVII века, он входит в объект Всемирного наследия ЮНЕСКО «Персидский сад». Иранская сторона традиционно проводит в этом дворце мероприятия, которым придает особый, почетный статус.</p>"
                "<p>В рамках церемонии Ильсур Метшин также принял участие в создании тугры, на которой изображены казанская мечеть Кул Шариф и символ Исфахана. Кроме того, мэр Казани как председатель Ассоциации городов и муниципалитетов стран БРИКС+ проведет ее рабочее заседание в Тегеране.</p>"
            ),
            "dateline": "Исфахан",
        },
        "fa": {
            "title": "کازان و اصفهان خواهرخوانده شدند؛ توافق‌نامه در کاخ چهلستون اصفهان امضا شد",
            "lead": "ایلسور متشین، شهردار کازان، و علی قاسم‌زاده، شهردار اصفهان، توافق‌نامه برقراری روابط خواهرخواندگی میان دو شهر را امضا کردند.",
            "body": (
                "<p>کازان و اصفهان به‌طور رسمی روابط خواهرخواندگی برقرار کردند. به گزارش دفتر مطبوعاتی کمیته اجرایی شهر کازان، این توافق‌نامه را ایلسور متشین، شهردار کازان، و علی قاسم‌زاده، شهردار اصفهان، در کاخ چهلستون اصفهان امضا کردند.</p>"
                "<p>دو طرف بر توسعه همه‌جانبه روابط در حوزه‌های فرهنگی، اقتصادی و گردشگری توافق کردند. این توافق‌نامه در ادامه پیمان مشارکت راهبردی روسیه و ایران است که ۲۸ دی ۱۴۰۳ (۱۷ ژانویه ۲۰۲۵) امضا شد. سرکنسولگری روسیه در اصفهان تأکید کرد که شهرداران دو شهر توافق کرده‌اند روابط را با روحیه مشارکت راهبردی میان روسیه و ایران گسترش دهند.</p>"
                "<blockquote><p>ایلسور متشین گفت: «روسیه چندملیتی و ایران امروز سطح تازه‌ای از روابط و توسعه را تجربه می‌کنند. رؤسای جمهور کشورهای ما به‌تازگی در حاشیه نشست سران بریکس در کازان، نزد ما، دیدار کردند. اصفهان یکی از کهن‌ترین شهرهای جهان است. کازان کمی جوان‌تر است و تنها هزار سال قدمت دارد. با این حال، جاده بزرگ ابریشم ما را به هم پیوند می‌دهد و نیاکان ما همکاری فعالی با یکدیگر داشتند. برای من افتخار بزرگی است که صفحه تازه‌ای در روابط‌مان بگشاییم.»</p></blockquote>"
                "<blockquote><p>علی قاسم‌زاده گفت: «شهر کازان امروز مرکز مهم اقتصادی، سیاسی و فرهنگی کشور است که رویدادهای گوناگونی در سطح عالی در آن برگزار می‌شود. برای شما آرزوی پیشرفت و شکوفایی داریم. اصفهان یکی از کهن‌ترین شهرهای جهان است. ما بناهای تاریخی و آثار فرهنگی فراوانی داریم و به‌عنوان یک مرکز گردشگری در حال توسعه هستیم. با توجه به اینکه روسیه شریک راهبردی ماست، اطمینان دارم که همکاری پربار و مؤثری خواهیم داشت.»</p></blockquote>"
                "<p>این توافق‌نامه به سه زبان روسی، فارسی و انگلیسی در تاریخ ۲۰ فروردین ۱۴۰۴ (۹ آوریل ۲۰۲۵) امضا شد.</p>"
                "<p>کاخ چهلستون، محل برگزاری مراسم امضا، از آثار معماری ایرانی قرن هفدهم میلادی است و بخشی از اثر ثبت‌شده «باغ ایرانی» در فهرست میراث جهانی یونسکو به شمار می‌رود. طرف ایرانی به‌طور سنتی رویدادهایی را در این کاخ برگزار می‌کند که برای آن‌ها جایگاهی ویژه و محترم قائل است.</p>"
                "<p>در جریان این مراسم، ایلسور متشین در ساخت طغرایی نیز مشارکت کرد که مسجد قل شریف کازان و نماد اصفهان بر آن نقش بسته است. شهردار کازان همچنین در مقام رئیس انجمن شهرها و شهرداری‌های کشورهای بریکس پلاس، نشست کاری این انجمن را در تهران برگزار خواهد کرد.</p>"
            ),
            "dateline": "اصفهان",
        },
        "en": {
            "title": "Kazan and Isfahan become sister cities: agreement signed at the Chehel Sotoun Palace",
            "lead": "The mayors Ilsur Metshin and Ali Kasemzade have signed an agreement establishing sister-city relations between Kazan and Isfahan.",
            "body": (
                "<p>Kazan and Isfahan have officially established sister-city relations. The agreement was signed by the mayor of Kazan, Ilsur Metshin, and the mayor of Isfahan, Ali Kasemzade, in Isfahan, at the Chehel Sotoun Palace, the press service of the Kazan city executive committee reports.</p>"
                "<p>The parties agreed on the comprehensive development of relations in the cultural, economic and tourism spheres. The agreement is a continuation of the Russian–Iranian Strategic Partnership Agreement signed on 17 January 2025. The Russian Consulate General in Isfahan stressed that the mayors agreed to develop relations in the spirit of strategic partnership between Russia and Iran.</p>"
                "<blockquote><p>“Multinational Russia and Iran are experiencing a new level of relations and development today. The presidents of our countries recently met with us in Kazan on the sidelines of the BRICS summit. Isfahan is one of the oldest cities in the world. Kazan is a little younger, it is only a thousand years old. Nevertheless, we are connected by the Great Silk Road, and our ancestors actively collaborated. It is a great honour for me to open a new page in our relationship,” said Ilsur Metshin.</p></blockquote>"
                "<blockquote><p>“The city of Kazan today is an important economic, political and cultural centre of the country, where various high-level events are held. We wish you development and prosperity. Isfahan is one of the oldest cities in the world. We have many historical sites and cultural monuments, and we are developing as a tourist centre. Considering that Russia is our strategic partner, I am confident that we will have fruitful and effective cooperation,” said Ali Kasemzade.</p></blockquote>"
                "<p>The agreement was signed in Russian, Persian and English on 9 April (20 Farvardin 1404 in the Iranian calendar).</p>"
                "<p>The Chehel Sotoun Palace, where the signing ceremony took place, is a monument of 17th-century Persian architecture and part of the Persian Garden UNESCO World Heritage Site. The Iranian side traditionally holds events in this palace, to which it attaches a special, honorary status.</p>"
                "<p>As part of the ceremony, Ilsur Metshin also took part in making a tugra depicting Kazan’s Kul Sharif mosque and the symbol of Isfahan. As chairman of the Association of Cities and Municipalities of the BRICS+ countries, the mayor of Kazan will also hold a working meeting of the association in Tehran.</p>"
            ),
            "dateline": "Isfahan",
        },
    },
    # ------------------------------------------------------------------
    # Demo releases: fictional city news. No real people are quoted.
    # ------------------------------------------------------------------
    {
        "key": "demo-tram-route-5-new-timetable",
        "published_at": "2024-10-08T10:00:00+03:00",
        "topics": ["transport"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Трамвайный маршрут № 5 переходит на новое расписание с интервалом 7 минут в часы пик",
            "lead": "С 14 октября трамваи маршрута № 5 будут ходить чаще в утренние и вечерние часы пик, а последний рейс отправится в 23:30.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Управление транспорта утвердило новое расписание трамвайного маршрута № 5. В утренние и вечерние часы пик интервал движения сократится с 10 до 7 минут, в дневное время он составит 12 минут. Последний вагон будет отправляться от конечной остановки в 23:30 — на полчаса позже, чем сейчас.</p>"
                "<p>Изменения подготовлены по итогам обследования пассажиропотока, которое проводилось в сентябре. По его данным, число поездок на маршруте за год заметно выросло, особенно утром в будние дни.</p>"
                "<p>Новое расписание разместят на остановочных павильонах и в мобильных сервисах городского транспорта. «Просим пассажиров в первые дни работы по новому графику заранее уточнять время отправления», — сообщили в управлении транспорта.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "خط تراموای شماره ۵ کازان با برنامه زمانی جدید و فاصله حرکت ۷ دقیقه در ساعات اوج کار می‌کند",
            "lead": "از ۱۴ اکتبر، تراموای خط ۵ در ساعات اوج صبح و عصر با فاصله کمتری حرکت می‌کند و آخرین حرکت ساعت ۲۳:۳۰ خواهد بود.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>اداره حمل‌ونقل کازان برنامه زمانی جدید خط تراموای شماره ۵ را تصویب کرد. در ساعات اوج صبح و عصر، فاصله حرکت قطارها از ۱۰ به ۷ دقیقه کاهش می‌یابد و در طول روز ۱۲ دقیقه خواهد بود. آخرین واگن ساعت ۲۳:۳۰ از ایستگاه پایانی حرکت می‌کند؛ یعنی نیم ساعت دیرتر از اکنون.</p>"
                "<p>این تغییرات بر اساس بررسی تعداد مسافران که در ماه سپتامبر انجام شد، تهیه شده است. طبق این بررسی، شمار سفرها در این خط طی یک سال گذشته به‌طور محسوسی افزایش یافته است، به‌ویژه صبح روزهای کاری.</p>"
                "<p>برنامه جدید در ایستگاه‌ها و سرویس‌های تلفن همراه حمل‌ونقل شهری منتشر می‌شود. اداره حمل‌ونقل از مسافران خواسته است در نخستین روزهای اجرای برنامه جدید، ساعت حرکت را از پیش بررسی کنند.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Tram route No. 5 moves to a new timetable with a tram every 7 minutes at peak hours",
            "lead": "From 14 October, route 5 trams will run more often during the morning and evening rush hours, and the last departure will be at 23:30.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The city transport department has approved a new timetable for tram route No. 5. During the morning and evening peaks the interval between trams will fall from 10 to 7 minutes; in the daytime it will be 12 minutes. The last tram will leave the terminus at 23:30, half an hour later than now.</p>"
                "<p>The changes follow a passenger survey carried out in September, which showed that the number of journeys on the route has grown noticeably over the year, especially on weekday mornings.</p>"
                "<p>The new timetable will be posted at stops and in the city’s public transport apps. “During the first days of the new schedule we ask passengers to check departure times in advance,” the transport department said.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-library-reading-week",
        "published_at": "2024-10-21T12:30:00+03:00",
        "topics": ["culture", "education"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "В городских библиотеках пройдет Неделя чтения с лекциями, квестами и мастер-классами",
            "lead": "С 28 октября по 3 ноября муниципальные библиотеки приглашают жителей всех возрастов на бесплатные встречи и занятия.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Неделя чтения объединит 25 филиалов городской библиотечной системы. В программе — лекции о книжной истории Казани, литературные квесты для школьников, громкие чтения для малышей и мастер-классы по переплетному делу.</p>"
                "<p>Для старшего поколения библиотеки проведут занятия по цифровой грамотности: участники научатся пользоваться электронным каталогом и записываться на мероприятия онлайн. Подростков ждут встречи с молодыми авторами и турнир по настольным играм.</p>"
                "<p>Все мероприятия бесплатные, на часть занятий нужна предварительная запись. Полная программа размещена на сайтах библиотек и на информационных стендах в филиалах.</p>"
            ),
            "dateline": "Казань",
        },
        "en": {
            "title": "City libraries hold a Reading Week with lectures, quests and workshops for all ages",
            "lead": "From 28 October to 3 November, the municipal libraries invite residents of all ages to free talks and classes.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>Reading Week brings together 25 branches of the city library system. The programme includes talks on the history of books in Kazan, literary quests for schoolchildren, read-aloud sessions for toddlers and bookbinding workshops.</p>"
                "<p>For older residents the libraries will run digital skills classes, where participants will learn to use the online catalogue and sign up for events on the internet. Teenagers can meet young authors and take part in a board game tournament.</p>"
                "<p>All events are free; some classes require advance registration. The full programme is available on the library websites and on notice boards in every branch.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-autumn-leaf-collection",
        "published_at": "2024-10-30T11:00:00+03:00",
        "topics": ["ecology-parks"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Коммунальные службы собрали более 3 тысяч кубометров опавшей листвы в парках и скверах",
            "lead": "Уборка листвы в зеленых зонах города продлится до середины ноября, часть собранной листвы отправят на компостирование.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>С начала октября в парках, скверах и на бульварах города собрано более 3 тысяч кубометров опавшей листвы. Ежедневно на уборке работают около 400 сотрудников подрядных организаций и 60 единиц малой техники.</p>"
                "<p>В этом году часть листвы впервые не вывозится на полигон, а отправляется на площадку компостирования. Полученный компост весной используют при посадке цветов и кустарников в городских парках.</p>"
                "<p>На газонах вдоль пешеходных дорожек листву убирают полностью, а в природных зонах парков ее частично оставляют — она защищает почву и служит укрытием для насекомых и мелких животных. Работы продлятся до середины ноября или до установления постоянного снежного покрова.</p>"
            ),
            "dateline": "Казань",
        },
    },
    {
        "key": "demo-winter-road-maintenance-plan",
        "published_at": "2024-11-12T14:00:00+03:00",
        "topics": ["transport", "city-economy"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Утвержден план зимнего содержания дорог: на уборку выйдут более 600 единиц техники",
            "lead": "Во время снегопадов улицы будут убирать круглосуточно, в первую очередь магистрали, остановки и подходы к социальным объектам.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Управление городского хозяйства утвердило план зимнего содержания улично-дорожной сети на сезон 2024–2025 годов. К уборке будут привлечены более 600 единиц техники: комбинированные дорожные машины, погрузчики, самосвалы и малогабаритные тракторы для тротуаров и дворов.</p>"
                "<p>В первую очередь снег будут убирать с магистральных улиц, мостов, остановок общественного транспорта и подходов к школам, детским садам и поликлиникам. Вывоз снега планируется вести преимущественно ночью, чтобы не мешать движению.</p>"
                "<h2>Как сообщить о проблеме</h2>"
                "<p>О неубранных участках жители могут сообщать через городскую систему обращений. «Каждое обращение передается ответственной подрядной организации и остается на контроле до устранения», — пояснили в управлении.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "برنامه نگهداری زمستانی معابر کازان تصویب شد؛ بیش از ۶۰۰ دستگاه ماشین‌آلات به کار گرفته می‌شود",
            "lead": "برف‌روبی خیابان‌ها هنگام بارش برف به‌صورت شبانه‌روزی انجام می‌شود و اولویت با خیابان‌های اصلی، ایستگاه‌ها و مسیرهای منتهی به مراکز عمومی است.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>اداره خدمات شهری کازان برنامه نگهداری زمستانی شبکه معابر شهر را برای فصل ۲۰۲۴–۲۰۲۵ تصویب کرد. بیش از ۶۰۰ دستگاه ماشین‌آلات، از جمله خودروهای چندمنظوره راهداری، لودر، کامیون کمپرسی و تراکتورهای کوچک برای پیاده‌روها و حیاط‌ها، در این کار به کار گرفته می‌شوند.</p>"
                "<p>برف ابتدا از خیابان‌های اصلی، پل‌ها، ایستگاه‌های حمل‌ونقل عمومی و مسیرهای منتهی به مدارس، مهدکودک‌ها و درمانگاه‌ها پاک می‌شود. حمل برف بیشتر در ساعات شب انجام خواهد شد تا مزاحمتی برای ترافیک ایجاد نشود.</p>"
                "<h2>گزارش مشکلات</h2>"
                "<p>شهروندان می‌توانند نقاطی را که برف آن‌ها روبیده نشده است، از طریق سامانه شهری ثبت درخواست‌ها گزارش دهند. به گفته این اداره، «هر درخواست به پیمانکار مسئول ارجاع داده می‌شود و تا رفع مشکل پیگیری خواهد شد.»</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Winter road maintenance plan approved: more than 600 vehicles will clear the streets",
            "lead": "During snowfalls streets will be cleared around the clock, with priority for main roads, stops and access routes to schools and clinics.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The city services department has approved the winter maintenance plan for the road network for the 2024–2025 season. More than 600 vehicles will be used, including combined road machines, loaders, dump trucks and compact tractors for pavements and courtyards.</p>"
                "<p>Main streets, bridges, public transport stops and access routes to schools, kindergartens and clinics will be cleared first. Snow will be hauled away mostly at night to avoid disrupting traffic.</p>"
                "<h2>How to report a problem</h2>"
                "<p>Residents can report uncleared areas through the city’s online request system. “Every request is passed to the responsible contractor and monitored until the problem is fixed,” the department explained.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-tatar-book-fair",
        "published_at": "2024-11-26T11:30:00+03:00",
        "topics": ["culture", "education"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "В Казани пройдет ярмарка книг на татарском языке: более 40 издательств и детская программа",
            "lead": "Ярмарка откроется 5 декабря и продлится четыре дня, вход для посетителей свободный.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Ярмарка книг на татарском языке пройдет с 5 по 8 декабря в выставочном зале городского культурного центра. Свои книги представят более 40 издательств, в том числе детские и учебные, а также букинисты и независимые авторы.</p>"
                "<p>Для детей подготовлена отдельная программа: громкие чтения сказок, мастер-классы по иллюстрации и игры на знание татарского языка. Для взрослых пройдут презентации новых переводов, встречи с писателями и круглый стол о школьной литературе на родных языках.</p>"
                "<p>Книги на ярмарке можно будет купить по ценам издательств, часть изданий участники передадут в фонды городских библиотек. Программа по дням будет опубликована на сайте управления культуры.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "نمایشگاه کتاب به زبان تاتاری با حضور بیش از ۴۰ ناشر و برنامه ویژه کودکان در کازان برگزار می‌شود",
            "lead": "این نمایشگاه از ۵ دسامبر به مدت چهار روز برپا خواهد بود و ورود برای بازدیدکنندگان آزاد است.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>نمایشگاه کتاب به زبان تاتاری از ۵ تا ۸ دسامبر در تالار نمایشگاهی مرکز فرهنگی شهر برگزار می‌شود. بیش از ۴۰ ناشر، از جمله ناشران کتاب کودک و کتاب درسی، و همچنین کتاب‌فروشان دست‌دوم و نویسندگان مستقل آثار خود را عرضه خواهند کرد.</p>"
                "<p>برای کودکان برنامه جداگانه‌ای در نظر گرفته شده است: قصه‌خوانی، کارگاه تصویرگری و بازی‌های آموزشی زبان تاتاری. برای بزرگسالان نیز رونمایی از ترجمه‌های تازه، دیدار با نویسندگان و میزگردی درباره ادبیات مدرسه به زبان‌های بومی برگزار می‌شود.</p>"
                "<p>کتاب‌ها در نمایشگاه با قیمت ناشر به فروش می‌رسد و بخشی از آن‌ها به کتابخانه‌های شهری اهدا خواهد شد. برنامه روزانه نمایشگاه در وبگاه اداره فرهنگ منتشر می‌شود.</p>"
            ),
            "dateline": "کازان",
        },
    },
    {
        "key": "demo-new-year-tree-lighting",
        "published_at": "2024-12-16T13:00:00+03:00",
        "topics": ["culture", "tourism"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Главная городская ёлка загорится 25 декабря: программа новогодних праздников в Казани",
            "lead": "В праздничные дни на площадях и в парках города пройдет более 100 бесплатных мероприятий для жителей и гостей.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Торжественное открытие главной городской ёлки состоится 25 декабря в 18:00. Высота лесной красавицы — 25 метров, её украсят более 3 тысяч шаров и светодиодные гирлянды, а вокруг установят световые арки и фотозоны.</p>"
                "<p>С 25 декабря по 8 января на площадях и в парках всех районов пройдут концерты, театрализованные представления, мастер-классы по изготовлению ёлочных игрушек и спортивные эстафеты. Программа рассчитана и на детей, и на взрослых, и всё в ней бесплатно.</p>"
                "<p>В новогоднюю ночь общественный транспорт будет работать до 02:00. Подробное расписание праздничных мероприятий по районам опубликовано на городском портале.</p>"
            ),
            "dateline": "Казань",
        },
        "en": {
            "title": "The main city New Year tree will be lit on 25 December: Kazan’s holiday programme",
            "lead": "Over the holidays more than 100 free events for residents and visitors will take place in the city’s squares and parks.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The main city New Year tree will be lit at a ceremony on 25 December at 18:00. The 25-metre tree will be decorated with more than 3,000 baubles and LED garlands, surrounded by light arches and photo spots.</p>"
                "<p>From 25 December to 8 January, squares and parks in every district will host concerts, street theatre, workshops on making tree decorations and sports relays. The programme is designed for children and adults alike, and everything in it is free.</p>"
                "<p>On New Year’s Eve public transport will run until 02:00. A detailed schedule of holiday events by district is available on the city portal.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-snow-removal-round-the-clock",
        "published_at": "2024-12-27T09:30:00+03:00",
        "topics": ["transport"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "После сильного снегопада коммунальные службы перешли на круглосуточный режим работы",
            "lead": "За сутки с улиц вывезено более 20 тысяч кубометров снега, уборка продолжается во всех районах города.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>После снегопада, который продолжался почти сутки, коммунальные службы города работают в усиленном режиме. На линии — более 700 единиц техники и свыше 2 тысяч дорожных рабочих. За ночь с улиц вывезено более 20 тысяч кубометров снега.</p>"
                "<p>В первую очередь расчищены магистрали, мосты и остановки общественного транспорта. Сейчас основные силы переброшены на внутриквартальные проезды, тротуары и подходы к социальным объектам. Ещё одна смена выйдет на уборку дворов вечером.</p>"
                "<p>Водителей просят по возможности не оставлять автомобили у обочин, чтобы техника могла пройти без помех. «Мы делаем всё, чтобы к утру понедельника основные пешеходные маршруты были полностью очищены», — сообщили в управлении городского хозяйства.</p>"
            ),
            "dateline": "Казань",
        },
    },
    {
        "key": "demo-winter-ice-rinks",
        "published_at": "2025-01-10T11:00:00+03:00",
        "topics": ["sport", "ecology-parks"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "В парках и дворах Казани работают более 150 бесплатных катков, прокат открыт до 22:00",
            "lead": "Катки открыты ежедневно, на крупных площадках есть пункты проката, раздевалки и теплые павильоны.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Этой зимой в городе залито более 150 катков: 20 крупных площадок в парках и скверах и около 130 дворовых и школьных катков. Вход на все катки бесплатный, лед обновляют ежедневно в утренние часы.</p>"
                "<p>На крупных катках работают пункты проката коньков, раздевалки и теплые павильоны. Прокат открыт ежедневно с 10:00 до 22:00, для детей до 7 лет и людей с инвалидностью он бесплатный. По выходным проходят открытые тренировки с инструкторами.</p>"
                "<p>Карта катков с режимом работы опубликована на городском портале. В управлении по делам молодежи и спорта напоминают: катание на льду водоемов за пределами оборудованных площадок запрещено.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "بیش از ۱۵۰ پیست اسکیت رایگان در پارک‌ها و محله‌های کازان فعال است؛ کرایه اسکیت تا ساعت ۲۲",
            "lead": "پیست‌ها هر روز باز هستند و در پیست‌های بزرگ، کرایه کفش اسکیت، رختکن و غرفه گرم فراهم است.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>امسال زمستان بیش از ۱۵۰ پیست اسکیت روی یخ در شهر آماده شده است: ۲۰ پیست بزرگ در پارک‌ها و میدان‌ها و حدود ۱۳۰ پیست در محله‌ها و مدارس. ورود به همه پیست‌ها رایگان است و یخ هر روز صبح تجدید می‌شود.</p>"
                "<p>در پیست‌های بزرگ، مراکز کرایه کفش اسکیت، رختکن و غرفه‌های گرم دایر است. کرایه هر روز از ساعت ۱۰ تا ۲۲ انجام می‌شود و برای کودکان زیر ۷ سال و افراد دارای معلولیت رایگان است. در روزهای تعطیل نیز تمرین‌های آزاد با حضور مربی برگزار می‌شود.</p>"
                "<p>نقشه پیست‌ها و ساعات کار آن‌ها در درگاه اینترنتی شهر منتشر شده است. اداره امور جوانان و ورزش یادآوری می‌کند که اسکیت روی یخ دریاچه‌ها و رودخانه‌ها، خارج از محوطه‌های مجهز، ممنوع است.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "More than 150 free ice rinks open in Kazan parks and courtyards, skate hire until 22:00",
            "lead": "The rinks are open every day, and the larger ones have skate hire, changing rooms and heated pavilions.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>This winter the city has flooded more than 150 ice rinks: 20 large rinks in parks and squares and about 130 in courtyards and school grounds. Entry to every rink is free, and the ice is resurfaced each morning.</p>"
                "<p>The large rinks offer skate hire, changing rooms and heated pavilions. Skate hire is open daily from 10:00 to 22:00 and is free for children under 7 and people with disabilities. At weekends instructors run open training sessions.</p>"
                "<p>A map of the rinks with opening hours is available on the city portal. The youth and sports department reminds residents that skating on frozen lakes and rivers outside the prepared rinks is prohibited.</p>"
            ),
            "dateline": "Kazan",
        },
    },
]
