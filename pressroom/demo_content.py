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
            "en": "Municipal services and economy",
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
    # The one real story (the press office's own text of the Kazan–Isfahan agreement).
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
                "<p>Стороны договорились о всестороннем развитии связей в сфере культуры, экономики и туризма. Соглашение является продолжением российско-иранского договора о стратегическом партнёрстве, подписанного 17 января 2025 года. В Генеральном консульстве России в Исфахане подчеркнули, что мэры договорились развивать отношения в духе стратегического партнёрства между Россией и Ираном.</p>"
                "<blockquote><p>«Многонациональная Россия и Иран сегодня переживают новый уровень отношений и развития. Президенты наших стран недавно встречались у нас в Казани на полях саммита БРИКС. Исфахан — один из древнейших городов мира. Казань немного моложе, ей всего тысяча лет. Тем не менее нас связывает Великий шелковый путь, и наши предки активно сотрудничали. Для меня большая честь открыть новую страницу в наших отношениях», — сказал Ильсур Метшин.</p></blockquote>"
                "<blockquote><p>«Казань сегодня — важный экономический, политический и культурный центр страны, где проходят различные мероприятия высокого уровня. Желаем вам развития и процветания. Исфахан — один из древнейших городов мира. У нас много исторических объектов и памятников культуры, мы развиваемся как туристический центр. Учитывая, что Россия — наш стратегический партнёр, я уверен, что у нас будет плодотворное и эффективное сотрудничество», — сказал Али Касемзаде.</p></blockquote>"
                "<p>Соглашение подписано на русском, персидском и английском языках 9 апреля (20 фарвардина 1404 года по иранскому календарю).</p>"
                "<p>Дворец Чехель Сотун, где прошла церемония, — памятник персидской архитектуры XVII века, он входит в объект Всемирного наследия ЮНЕСКО «Персидский сад». Иранская сторона традиционно проводит в этом дворце мероприятия, которым придает особый, почетный статус.</p>"
                "<p>В рамках церемонии Ильсур Метшин также принял участие в создании тугры, на которой изображены казанская мечеть Кул Шариф и символ Исфахана. Кроме того, мэр Казани как председатель Ассоциации городов и муниципалитетов стран БРИКС+ проведет её рабочее заседание в Тегеране.</p>"
            ),
            "dateline": "Исфахан",
        },
        "fa": {
            "title": "کازان و اصفهان خواهرخوانده شدند؛ توافق‌نامه در کاخ چهلستون اصفهان امضا شد",
            "lead": "ایلسور متشین، شهردار کازان، و علی قاسم‌زاده، شهردار اصفهان، توافق‌نامه برقراری روابط خواهرخواندگی میان دو شهر را امضا کردند.",
            "body": (
                "<p>کازان و اصفهان به‌طور رسمی روابط خواهرخواندگی برقرار کردند. به گزارش دفتر مطبوعاتی کمیته اجرایی شهر کازان، این توافق‌نامه را ایلسور متشین، شهردار کازان، و علی قاسم‌زاده، شهردار اصفهان، در کاخ چهلستون اصفهان امضا کردند.</p>"
                "<p>دو طرف بر توسعه همه‌جانبه روابط در حوزه‌های فرهنگی، اقتصادی و گردشگری توافق کردند. این توافق‌نامه در ادامه پیمان مشارکت راهبردی روسیه و ایران است که ۲۸ دی ۱۴۰۳ (۱۷ ژانویه ۲۰۲۵) امضا شد. سرکنسولگری روسیه در اصفهان تأکید کرد که شهرداران دو شهر توافق کرده‌اند روابط را در راستای مشارکت راهبردی میان روسیه و ایران گسترش دهند.</p>"
                "<blockquote><p>ایلسور متشین گفت: «روسیه چندملیتی و ایران امروز سطح تازه‌ای از روابط و توسعه را تجربه می‌کنند. رؤسای جمهور کشورهای ما به‌تازگی در حاشیه نشست سران بریکس در کازان، نزد ما، دیدار کردند. اصفهان یکی از کهن‌ترین شهرهای جهان است. کازان کمی جوان‌تر است و تنها هزار سال قدمت دارد. با این حال، جاده بزرگ ابریشم ما را به هم پیوند می‌دهد و نیاکان ما همکاری فعالی با یکدیگر داشتند. برای من افتخار بزرگی است که صفحه تازه‌ای در روابط‌مان بگشاییم.»</p></blockquote>"
                "<blockquote><p>علی قاسم‌زاده گفت: «شهر کازان امروز مرکز مهم اقتصادی، سیاسی و فرهنگی کشور است که رویدادهای گوناگونی در سطح عالی در آن برگزار می‌شود. برای شما آرزوی پیشرفت و شکوفایی داریم. اصفهان یکی از کهن‌ترین شهرهای جهان است. ما بناهای تاریخی و آثار فرهنگی فراوانی داریم و به‌عنوان یک مرکز گردشگری در حال توسعه هستیم. با توجه به اینکه روسیه شریک راهبردی ماست، اطمینان دارم که همکاری پربار و مؤثری خواهیم داشت.»</p></blockquote>"
                "<p>این توافق‌نامه به سه زبان روسی، فارسی و انگلیسی در تاریخ ۲۰ فروردین ۱۴۰۴ (۹ آوریل ۲۰۲۵) امضا شد.</p>"
                "<p>کاخ چهلستون، محل برگزاری مراسم امضا، از آثار معماری ایرانی قرن هفدهم میلادی است و بخشی از اثر ثبت‌شده «باغ ایرانی» در فهرست میراث جهانی یونسکو به شمار می‌رود. طرف ایرانی به‌طور سنتی رویدادهایی را در این کاخ برگزار می‌کند که برای آن‌ها جایگاهی ویژه و ارجمند قائل است.</p>"
                "<p>در جریان این مراسم، ایلسور متشین در ساخت طغرایی نیز مشارکت کرد که مسجد قل شریف کازان و نماد اصفهان بر آن نقش بسته است. شهردار کازان همچنین در مقام رئیس انجمن شهرها و شهرداری‌های کشورهای بریکس پلاس، نشست کاری این انجمن را در تهران برگزار خواهد کرد.</p>"
            ),
            "dateline": "اصفهان",
        },
        "en": {
            "title": "Kazan and Isfahan become sister cities: agreement signed at the Chehel Sotoun Palace",
            "lead": "The mayors Ilsur Metshin and Ali Ghasemzadeh have signed an agreement establishing sister-city relations between Kazan and Isfahan.",
            "body": (
                "<p>Kazan and Isfahan have officially established sister-city relations. The agreement was signed by the mayor of Kazan, Ilsur Metshin, and the mayor of Isfahan, Ali Ghasemzadeh, in Isfahan, at the Chehel Sotoun Palace, the press service of the Kazan city executive committee reports.</p>"
                "<p>The parties agreed on the comprehensive development of relations in the cultural, economic and tourism spheres. The agreement is a continuation of the Russian–Iranian Strategic Partnership Agreement signed on 17 January 2025. The Russian Consulate General in Isfahan stressed that the mayors agreed to develop relations in the spirit of strategic partnership between Russia and Iran.</p>"
                "<blockquote><p>“Multinational Russia and Iran are experiencing a new level of relations and development today. The presidents of our countries recently met with us in Kazan on the sidelines of the BRICS summit. Isfahan is one of the oldest cities in the world. Kazan is a little younger, it is only a thousand years old. Nevertheless, we are connected by the Great Silk Road, and our ancestors actively collaborated. It is a great honour for me to open a new page in our relationship,” said Ilsur Metshin.</p></blockquote>"
                "<blockquote><p>“The city of Kazan today is an important economic, political and cultural centre of the country, where various high-level events are held. We wish you development and prosperity. Isfahan is one of the oldest cities in the world. We have many historical sites and cultural monuments, and we are developing as a tourist centre. Considering that Russia is our strategic partner, I am confident that we will have fruitful and effective cooperation,” said Ali Ghasemzadeh.</p></blockquote>"
                "<p>The agreement was signed in Russian, Persian and English on 9 April (20 Farvardin 1404 in the Iranian calendar).</p>"
                "<p>The Chehel Sotoun Palace, where the signing ceremony took place, is a monument of 17th-century Persian architecture and part of the Persian Garden UNESCO World Heritage Site. The Iranian side traditionally holds events in this palace, to which it attaches a special, honorary status.</p>"
                "<p>As part of the ceremony, Ilsur Metshin also took part in making a tughra depicting Kazan’s Kul Sharif mosque and the symbol of Isfahan. As chairman of the Association of Cities and Municipalities of the BRICS+ countries, the mayor of Kazan will also hold a working meeting of the association in Tehran.</p>"
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
            "lead": "از ۲۳ مهر (۱۴ اکتبر)، تراموای خط ۵ در ساعات اوج صبح و عصر با فاصله کمتری حرکت می‌کند و آخرین حرکت ساعت ۲۳:۳۰ خواهد بود.",
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
                "<p>Все мероприятия бесплатные, на часть занятий нужна предварительная запись. Полная программа размещена на сайтах библиотек и на информационных стендах в филиалах. Читатели, которые посетят не менее трех мероприятий Недели, получат памятный книжный знак.</p>"
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
                "<p>All events are free; some classes require advance registration. The full programme is available on the library websites and on notice boards in every branch. Readers who attend at least three Reading Week events will receive a commemorative bookplate.</p>"
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
                "<p>На газонах вдоль пешеходных дорожек листву убирают полностью, а в природных зонах парков её частично оставляют — она защищает почву и служит укрытием для насекомых и мелких животных. Работы продлятся до середины ноября или до установления постоянного снежного покрова.</p>"
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
                "<p>О неубранных участках жители могут сообщать через городскую систему обращений. «Каждое обращение передается ответственной подрядной организации и остаётся на контроле до устранения», — пояснили в управлении.</p>"
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
            "lead": "این نمایشگاه از ۱۵ آذر (۵ دسامبر) به مدت چهار روز برپا خواهد بود و ورود برای بازدیدکنندگان آزاد است.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>نمایشگاه کتاب به زبان تاتاری از ۱۵ تا ۱۸ آذر (۵ تا ۸ دسامبر) در تالار نمایشگاهی مرکز فرهنگی شهر برگزار می‌شود. بیش از ۴۰ ناشر، از جمله ناشران کتاب کودک و کتاب درسی، و همچنین کتاب‌فروشان دست‌دوم و نویسندگان مستقل آثار خود را عرضه خواهند کرد.</p>"
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
            "title": "Kazan’s main New Year tree will be lit on 25 December: the holiday programme",
            "lead": "Over the holidays more than 100 free events for residents and visitors will take place in the city’s squares and parks.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The city’s main New Year tree will be lit at a ceremony on 25 December at 18:00. The 25-metre tree will be decorated with more than 3,000 baubles and LED garlands, surrounded by light arches and photo spots.</p>"
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
    {
        "key": "demo-embankment-public-consultation",
        "published_at": "2025-01-29T15:00:00+03:00",
        "topics": ["city-economy", "ecology-parks"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Жителей приглашают обсудить проект благоустройства набережной: голосование продлится месяц",
            "lead": "До 28 февраля горожане могут выбрать один из трех вариантов концепции и оставить свои предложения.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Управление архитектуры и градостроительства открыло общественное обсуждение проекта благоустройства участка речной набережной протяженностью 1,2 километра. Жителям предлагают выбрать один из трех вариантов концепции: «Прогулочный», «Спортивный» или «Семейный».</p>"
                "<p>Варианты различаются набором функций: в первом больше мест для отдыха и озеленения, во втором — велодорожки и площадки для воркаута, в третьем — детские игровые зоны и павильоны для кружков. Во всех вариантах предусмотрены освещение, доступная среда и общественные туалеты.</p>"
                "<p>Проголосовать и оставить предложения можно на городском портале, а также на открытых встречах с архитекторами, которые пройдут 8 и 15 февраля в районной библиотеке. Итоги обсуждения опубликуют в марте, их учтут при разработке проекта.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "نظرخواهی از شهروندان کازان درباره طرح بهسازی ساحل رودخانه آغاز شد؛ رأی‌گیری یک ماه ادامه دارد",
            "lead": "شهروندان تا ۱۰ اسفند (۲۸ فوریه) می‌توانند یکی از سه گزینه طرح را انتخاب کنند و پیشنهادهای خود را ثبت کنند.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>اداره معماری و شهرسازی کازان نظرخواهی عمومی درباره طرح بهسازی بخشی از ساحل رودخانه به طول ۱٫۲ کیلومتر را آغاز کرد. از ساکنان خواسته شده است یکی از سه گزینه «تفرجگاهی»، «ورزشی» یا «خانوادگی» را برگزینند.</p>"
                "<p>این گزینه‌ها از نظر کاربری با هم تفاوت دارند: در گزینه نخست فضای استراحت و فضای سبز بیشتری پیش‌بینی شده، در گزینه دوم مسیر دوچرخه و محوطه ورزش همگانی، و در گزینه سوم زمین بازی کودکان و غرفه‌هایی برای کلاس‌های فوق‌برنامه. در هر سه گزینه روشنایی، دسترسی مناسب برای افراد دارای معلولیت و سرویس بهداشتی عمومی در نظر گرفته شده است.</p>"
                "<p>رأی دادن و ثبت پیشنهاد از طریق درگاه اینترنتی شهر و نیز در جلسات حضوری با معماران ممکن است که ۲۰ و ۲۷ بهمن (۸ و ۱۵ فوریه) در کتابخانه منطقه برگزار می‌شود. نتایج نظرخواهی در ماه مارس منتشر و در تهیه طرح نهایی لحاظ خواهد شد.</p>"
            ),
            "dateline": "کازان",
        },
    },
    {
        "key": "demo-street-lighting-upgrade",
        "published_at": "2025-02-11T10:30:00+03:00",
        "topics": ["city-economy"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "На 120 улицах Казани заменят светильники на энергосберегающие: работы завершат до осени",
            "lead": "Модернизация уличного освещения позволит почти вдвое снизить потребление электроэнергии и сделать улицы светлее.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В 2025 году в городе планируется заменить около 9 тысяч устаревших натриевых светильников на светодиодные. Работы пройдут на 120 улицах во всех районах, в первую очередь — вблизи школ, пешеходных переходов и остановок общественного транспорта.</p>"
                "<p>Новые светильники потребляют почти в два раза меньше электроэнергии и служат дольше. Они подключаются к автоматизированной системе управления, которая включает и выключает освещение по астрономическому графику и позволяет диспетчерам быстро находить неисправности.</p>"
                "<p>Работы будут вестись преимущественно ночью и без полного перекрытия движения. Список улиц и график замены опубликованы на городском портале, о неработающих фонарях можно сообщить через систему обращений граждан.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "چراغ‌های ۱۲۰ خیابان کازان با چراغ‌های کم‌مصرف جایگزین می‌شود؛ پایان کار تا پاییز",
            "lead": "نوسازی روشنایی معابر، مصرف برق را نزدیک به نصف کاهش می‌دهد و خیابان‌ها را روشن‌تر می‌کند.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>در سال ۲۰۲۵ حدود ۹ هزار چراغ قدیمی سدیمی در شهر با چراغ‌های ال‌ای‌دی جایگزین می‌شود. این کار در ۱۲۰ خیابان در همه مناطق شهر انجام خواهد شد و اولویت با اطراف مدارس، گذرگاه‌های عابر پیاده و ایستگاه‌های حمل‌ونقل عمومی است.</p>"
                "<p>چراغ‌های جدید نزدیک به نصف برق کمتری مصرف می‌کنند و عمر طولانی‌تری دارند. آن‌ها به سامانه مدیریت خودکار متصل می‌شوند که روشنایی را بر اساس زمان طلوع و غروب آفتاب روشن و خاموش می‌کند و به کارشناسان امکان می‌دهد خرابی‌ها را به‌سرعت شناسایی کنند.</p>"
                "<p>عملیات بیشتر در ساعات شب و بدون بستن کامل مسیرها انجام می‌شود. فهرست خیابان‌ها و زمان‌بندی کار در درگاه اینترنتی شهر منتشر شده است و شهروندان می‌توانند چراغ‌های خاموش را از طریق سامانه درخواست‌های مردمی گزارش دهند.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Street lights on 120 Kazan streets to be replaced with energy-saving LEDs by the autumn",
            "lead": "The upgrade will cut the electricity used for street lighting almost by half and make the streets brighter.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>In 2025 the city plans to replace about 9,000 outdated sodium street lights with LED fittings. The work will cover 120 streets in every district, starting with the areas around schools, pedestrian crossings and public transport stops.</p>"
                "<p>The new lights use almost half as much electricity and last longer. They are connected to an automated control system that switches the lighting on and off according to sunset and sunrise times and helps dispatchers find faults quickly.</p>"
                "<p>The work will be carried out mostly at night and without full road closures. The list of streets and the replacement schedule are published on the city portal, and residents can report broken street lights through the city’s request system.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-city-ski-race",
        "published_at": "2025-02-24T16:00:00+03:00",
        "topics": ["sport"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Более 5 тысяч жителей вышли на старт городской лыжной гонки в минувшие выходные",
            "lead": "Участники соревновались на дистанциях от 1 до 10 километров, самым юным лыжникам было по пять лет.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В минувшие выходные в городском лесопарке прошла традиционная лыжная гонка. На старт вышли более 5 тысяч человек — школьники, студенты, семейные команды, сотрудники предприятий и ветераны спорта.</p>"
                "<p>Для участников подготовили трассы на 1, 3, 5 и 10 километров. Самым юным лыжникам было по пять лет, самому старшему — 82 года. Победители и призеры в каждой возрастной группе получили медали и памятные призы, а все финишировавшие — значки участника.</p>"
                "<p>В зоне старта работали пункты обогрева, горячего чая и бесплатного проката лыж. Организаторы благодарят волонтеров и медиков, которые обеспечивали безопасность соревнований.</p>"
            ),
            "dateline": "Казань",
        },
    },
    {
        "key": "demo-small-business-grants",
        "published_at": "2025-03-04T12:00:00+03:00",
        "topics": ["city-economy"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Предприниматели могут подать заявки на городские гранты для малого бизнеса до 4 апреля",
            "lead": "Гранты до 500 тысяч рублей получат проекты в сфере услуг для жителей, ремесел и городского туризма.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Управление экономического развития объявило прием заявок на конкурс городских грантов для малого и среднего бизнеса. Размер гранта — до 500 тысяч рублей, общий фонд конкурса — 30 миллионов рублей.</p>"
                "<p>Поддержку получат проекты в трех направлениях:</p>"
                "<ul><li>бытовые и социальные услуги для жителей районов;</li><li>народные ремесла и производство сувенирной продукции;</li><li>городской туризм, экскурсионные и гастрономические сервисы.</li></ul>"
                "<p>Заявку можно подать до 4 апреля через городской портал. Обязательное условие — софинансирование проекта за счет собственных средств в размере не менее <strong>20%</strong>. Для участников пройдут бесплатные консультации по подготовке документов.</p>"
            ),
            "dateline": "Казань",
        },
        "en": {
            "title": "Entrepreneurs can apply for city grants for small businesses until 4 April",
            "lead": "Grants of up to 500,000 roubles will go to projects in local services, crafts and urban tourism.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The economic development department has opened applications for the city’s grant competition for small and medium-sized businesses. Each grant is worth up to 500,000 roubles, and the total fund is 30 million roubles.</p>"
                "<p>Projects in three areas are eligible:</p>"
                "<ul><li>everyday and social services for residents of the districts;</li><li>traditional crafts and souvenir production;</li><li>urban tourism, guided tours and food services.</li></ul>"
                "<p>Applications can be submitted via the city portal until 4 April. Applicants must co-finance at least <strong>20%</strong> of the project from their own funds. Free consultations on preparing the documents will be held for participants.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-spring-clean-up-month",
        "published_at": "2025-03-19T11:00:00+03:00",
        "topics": ["ecology-parks"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "В Казани стартует месячник весенней уборки: к работам присоединятся предприятия и жители",
            "lead": "С 1 апреля по 1 мая коммунальные службы, организации и волонтеры приведут в порядок улицы, дворы и зеленые зоны.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Месячник весенней санитарной очистки пройдет в городе с 1 апреля по 1 мая. За это время коммунальные службы промоют улицы и остановки, уберут накопившийся за зиму мусор, покрасят ограждения и малые архитектурные формы, восстановят газоны.</p>"
                "<p>Предприятиям и организациям предлагают взять шефство над прилегающими территориями и участками парков. Управляющие компании подготовят для жителей инвентарь — перчатки, мешки и грабли — и организуют вывоз собранного мусора.</p>"
                "<p>Общегородской субботник запланирован на 19 апреля. Адреса сбора участников будут опубликованы на городском портале и на досках объявлений в подъездах.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "ماه پاکسازی بهاری در کازان آغاز می‌شود؛ شرکت‌ها و شهروندان هم به این کار می‌پیوندند",
            "lead": "از ۱۲ فروردین (۱ آوریل) تا ۱۱ اردیبهشت (۱ مه)، خدمات شهری، سازمان‌ها و داوطلبان خیابان‌ها، حیاط‌ها و فضاهای سبز شهر را پاکسازی می‌کنند.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>ماه پاکسازی بهاری از ۱۲ فروردین (۱ آوریل) تا ۱۱ اردیبهشت (۱ مه) در شهر برگزار می‌شود. در این مدت، خدمات شهری خیابان‌ها و ایستگاه‌ها را شست‌وشو می‌دهند، زباله‌های انباشته‌شده در طول زمستان را جمع‌آوری می‌کنند، نرده‌ها و مبلمان شهری را رنگ می‌زنند و چمن‌ها را ترمیم می‌کنند.</p>"
                "<p>از شرکت‌ها و سازمان‌ها خواسته شده است نگهداری محوطه‌های اطراف خود و بخش‌هایی از پارک‌ها را بر عهده بگیرند. شرکت‌های مدیریت ساختمان نیز برای ساکنان ابزار کار، از جمله دستکش، کیسه زباله و شن‌کش، فراهم می‌کنند و زباله‌های جمع‌آوری‌شده را حمل خواهند کرد.</p>"
                "<p>روز پاکسازی همگانی شهر ۳۰ فروردین (۱۹ آوریل) برگزار می‌شود. نشانی محل‌های تجمع شرکت‌کنندگان در درگاه اینترنتی شهر و تابلوهای اعلانات ساختمان‌ها منتشر خواهد شد.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Kazan launches a spring clean-up month, with businesses and residents joining in",
            "lead": "From 1 April to 1 May, city services, organisations and volunteers will tidy up streets, courtyards and green spaces.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The spring clean-up month will run in the city from 1 April to 1 May. During this time city services will wash streets and stops, clear the litter that has built up over the winter, repaint railings and street furniture, and restore lawns.</p>"
                "<p>Businesses and organisations are invited to adopt the areas around their premises and sections of parks. Property management companies will provide residents with gloves, bags and rakes and arrange for the collected rubbish to be taken away.</p>"
                "<p>The citywide clean-up day is planned for 19 April. Meeting points for volunteers will be published on the city portal and on notice boards in residential buildings.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-nowruz-festival-programme",
        "published_at": "2025-03-20T10:30:00+03:00",
        "topics": ["culture", "tourism"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Праздник весны Навруз: 21 марта в парках Казани пройдут концерты, ярмарки и народные игры",
            "lead": "Праздничные площадки откроются в пятницу, 21 марта, в 12:00, вход на них свободный.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>21 марта, в день весеннего равноденствия, в городе отметят Навруз — праздник прихода весны, который отмечают многие народы. В этом году он совпадает с 1 фарвардина 1404 года по иранскому календарю.</p>"
                "<p>Праздничные площадки откроются в пяти городских парках. В программе:</p>"
                "<ul><li>концерты фольклорных коллективов и национальных ансамблей;</li><li>ярмарка ремесел и угощений — от чак-чака до праздничной выпечки;</li><li>народные игры, состязания и мастер-классы для детей.</li></ul>"
                "<p>Площадки будут работать с 12:00 до 19:00. В управлении культуры рекомендуют добираться на общественном транспорте: количество парковочных мест у парков будет ограничено.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "جشن نوروز در کازان؛ کنسرت، بازارچه و بازی‌های سنتی در پارک‌های شهر در روز ۱ فروردین",
            "lead": "محل‌های برگزاری جشن روز جمعه ۱ فروردین ۱۴۰۴ (۲۱ مارس) از ساعت ۱۲ گشایش می‌یابد و ورود برای همه آزاد است.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>روز ۲۱ مارس، هم‌زمان با اعتدال بهاری، جشن نوروز در کازان برگزار می‌شود؛ جشن آمدن بهار که مردمان بسیاری آن را گرامی می‌دارند. امسال این روز با ۱ فروردین ۱۴۰۴ در تقویم ایرانی مصادف است.</p>"
                "<p>برنامه‌های جشن در پنج پارک شهر برگزار می‌شود:</p>"
                "<ul><li>اجرای گروه‌های موسیقی محلی و گروه‌های ملی؛</li><li>بازارچه صنایع دستی و خوراکی‌ها، از چک‌چک تا شیرینی‌های جشن؛</li><li>بازی‌ها و مسابقه‌های سنتی و کارگاه‌های ویژه کودکان.</li></ul>"
                "<p>محل‌های جشن از ساعت ۱۲ تا ۱۹ باز است. اداره فرهنگ توصیه می‌کند با حمل‌ونقل عمومی به محل برگزاری بروید، زیرا جای پارک خودرو در اطراف پارک‌ها محدود خواهد بود.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Nowruz spring festival: concerts, fairs and folk games in Kazan parks on 21 March",
            "lead": "The festival venues open on Friday, 21 March, at 12:00, and admission is free.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>On 21 March, the day of the spring equinox, the city will celebrate Nowruz, the festival of the arrival of spring observed by many peoples. This year it coincides with 1 Farvardin 1404 in the Iranian calendar.</p>"
                "<p>Festival venues will open in five city parks. The programme includes:</p>"
                "<ul><li>concerts by folk and national ensembles;</li><li>a crafts and food fair, from chak-chak to festive pastries;</li><li>folk games, contests and workshops for children.</li></ul>"
                "<p>The venues will be open from 12:00 to 19:00. The culture department recommends using public transport, as parking near the parks will be limited.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-overnight-water-main-repair",
        "published_at": "2025-03-20T23:30:00+03:00",
        "topics": ["transport", "city-economy"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Ночью в Приволжском районе ограничат движение из-за аварийного ремонта водовода",
            "lead": "Работы продлятся до 06:00 21 марта, автобусы трех маршрутов временно пойдут в объезд.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Вечером 20 марта на одном из участков водовода в Приволжском районе произошло повреждение трубы. Аварийные бригады уже работают на месте. Жители нескольких домов временно остались без холодной воды, к ним направлены машины с питьевой водой.</p>"
                "<p>На время ремонта движение транспорта на участке улицы будет ограничено до 06:00 21 марта. Автобусы трех маршрутов пойдут в объезд по соседним улицам, об изменениях пассажиров предупредят на остановках.</p>"
                "<p>«Подачу воды восстановят сразу после замены поврежденного участка трубы, ориентировочно к утру», — сообщили в городской аварийно-диспетчерской службе. Водителей просят заранее выбирать объездные пути.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "محدودیت تردد شبانه در منطقه پریولژسکی کازان به دلیل تعمیر اضطراری خط لوله آب",
            "lead": "عملیات تعمیر تا ساعت ۶ صبح ۱ فروردین (۲۱ مارس) ادامه دارد و اتوبوس‌های سه خط به‌طور موقت از مسیر جایگزین عبور می‌کنند.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>عصر ۳۰ اسفند (۲۰ مارس)، یکی از لوله‌های اصلی آب در منطقه پریولژسکی آسیب دید. گروه‌های امدادی در محل مشغول کار هستند. ساکنان چند ساختمان به‌طور موقت آب سرد ندارند و خودروهای حامل آب آشامیدنی به آنجا اعزام شده‌اند.</p>"
                "<p>در مدت تعمیر، تردد خودروها در بخشی از خیابان تا ساعت ۶ صبح ۱ فروردین (۲۱ مارس) محدود خواهد بود. اتوبوس‌های سه خط از خیابان‌های مجاور عبور می‌کنند و مسافران در ایستگاه‌ها از این تغییرات مطلع می‌شوند.</p>"
                "<p>به گفته مرکز امداد و حوادث شهری، «آب‌رسانی بلافاصله پس از تعویض بخش آسیب‌دیده لوله، به احتمال زیاد تا صبح، برقرار می‌شود.» از رانندگان خواسته شده است مسیرهای جایگزین را از پیش انتخاب کنند.</p>"
            ),
            "dateline": "کازان",
        },
    },
    {
        "key": "demo-nowruz-festival-results",
        "published_at": "2025-03-21T17:30:00+03:00",
        "topics": ["culture"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Навруз в парках Казани: праздничные площадки за день посетили более 20 тысяч человек",
            "lead": "Гости праздника смотрели концерты, участвовали в народных играх и мастер-классах, а ярмарка ремесел работала до самого вечера.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В пятницу, 21 марта, в пяти городских парках прошли праздничные программы, посвященные Наврузу — празднику весны. По оценке управления культуры, площадки за день посетили более 20 тысяч человек.</p>"
                "<p>На сценах выступили более 30 творческих коллективов, в том числе детские фольклорные ансамбли. Самыми популярными у детей стали перетягивание каната и бег в мешках, а взрослые выстраивались в очереди на мастер-классы по выпечке.</p>"
                "<p>На ярмарке ремесел свою продукцию представили около 80 мастеров. Праздник прошел без нарушений общественного порядка. Управление культуры благодарит волонтеров и всех, кто помогал в организации.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "جشن نوروز در پارک‌های کازان؛ بیش از ۲۰ هزار نفر در یک روز از محل‌های جشن دیدن کردند",
            "lead": "بازدیدکنندگان کنسرت‌ها را تماشا کردند، در بازی‌های سنتی و کارگاه‌ها شرکت کردند و بازارچه صنایع دستی تا شب باز بود.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>روز جمعه ۱ فروردین ۱۴۰۴ (۲۱ مارس)، برنامه‌های جشن نوروز در پنج پارک شهر برگزار شد. به برآورد اداره فرهنگ، بیش از ۲۰ هزار نفر در طول روز از محل‌های جشن بازدید کردند.</p>"
                "<p>بیش از ۳۰ گروه هنری، از جمله گروه‌های موسیقی محلی کودکان، روی صحنه رفتند. مسابقه طناب‌کشی و دوی گونی محبوب‌ترین برنامه‌ها برای کودکان بود و بزرگسالان برای شرکت در کارگاه‌های پخت شیرینی صف کشیده بودند.</p>"
                "<p>در بازارچه صنایع دستی حدود ۸۰ هنرمند محصولات خود را عرضه کردند. جشن بدون هیچ حادثه‌ای برگزار شد. اداره فرهنگ از داوطلبان و همه کسانی که در برگزاری جشن کمک کردند، قدردانی می‌کند.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Nowruz in Kazan parks: more than 20,000 people visited the festival venues in one day",
            "lead": "Visitors watched concerts, joined folk games and workshops, and the crafts fair stayed open until the evening.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>On Friday, 21 March, five city parks hosted festive programmes for Nowruz, the spring festival. According to the culture department, more than 20,000 people visited the venues during the day.</p>"
                "<p>More than 30 groups performed on stage, including children’s folk ensembles. Tug-of-war and sack races were the children’s favourites, while adults queued for baking workshops.</p>"
                "<p>About 80 craftspeople presented their work at the crafts fair. The festival passed without any breaches of public order. The culture department thanks the volunteers and everyone who helped organise it.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-first-grade-enrolment-opens",
        "published_at": "2025-04-01T10:00:00+03:00",
        "topics": ["education"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Запись детей в первые классы стартовала: заявления принимают онлайн и в центрах госуслуг",
            "lead": "До 30 июня родители могут подать заявление в школу по месту жительства, а с 6 июля — в любую школу, где есть свободные места.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>С 1 апреля в городе начался прием заявлений в первые классы на 2025/2026 учебный год. Подать заявление можно на портале государственных услуг или лично в центрах предоставления государственных и муниципальных услуг.</p>"
                "<p>Прием проходит в два этапа:</p>"
                "<ul><li>до 30 июня — для детей, проживающих на закрепленной за школой территории, а также для детей, имеющих право на первоочередное зачисление;</li><li>с 6 июля — для всех остальных детей при наличии свободных мест.</li></ul>"
                "<p>Время подачи заявления на первом этапе не влияет на зачисление: места гарантированы всем детям с закрепленной территории. «Торопиться в первые минуты не нужно», — подчеркнули в управлении образования. Списки закрепленных территорий опубликованы на городском портале.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "ثبت‌نام کودکان در کلاس اول مدارس کازان آغاز شد؛ درخواست‌ها به‌صورت اینترنتی و حضوری پذیرفته می‌شود",
            "lead": "والدین تا ۹ تیر (۳۰ ژوئن) می‌توانند برای مدرسه محل سکونت خود درخواست دهند و از ۱۵ تیر (۶ ژوئیه) برای هر مدرسه‌ای که جای خالی دارد.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>از ۱۲ فروردین (۱ آوریل) پذیرش درخواست برای کلاس اول سال تحصیلی ۲۰۲۵–۲۰۲۶ در شهر آغاز شده است. درخواست را می‌توان از طریق درگاه خدمات دولتی یا به‌صورت حضوری در دفاتر ارائه خدمات دولتی و شهری ثبت کرد.</p>"
                "<p>ثبت‌نام در دو مرحله انجام می‌شود:</p>"
                "<ul><li>تا ۳۰ ژوئن، برای کودکانی که در محدوده تعیین‌شده هر مدرسه زندگی می‌کنند و کودکانی که حق ثبت‌نام در اولویت را دارند؛</li><li>از ۶ ژوئیه، برای سایر کودکان، در صورت وجود جای خالی.</li></ul>"
                "<p>زمان ثبت درخواست در مرحله نخست تأثیری بر پذیرش ندارد و برای همه کودکان ساکن محدوده هر مدرسه جا تضمین شده است. اداره آموزش تأکید کرد: «نیازی به عجله در نخستین دقایق نیست.» فهرست محدوده مدارس در درگاه اینترنتی شهر منتشر شده است.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "School enrolment for first-year pupils opens: applications online and at public service centres",
            "lead": "Until 30 June parents can apply to their local catchment school, and from 6 July to any school with free places.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>Since 1 April the city has been accepting applications for first grade for the 2025/2026 school year. Parents can apply on the public services portal or in person at a public service centre.</p>"
                "<p>Enrolment takes place in two stages:</p>"
                "<ul><li>until 30 June, for children living in a school’s catchment area and for children with priority admission rights;</li><li>from 6 July, for all other children, subject to available places.</li></ul>"
                "<p>The time of application during the first stage does not affect admission: every child from the catchment area is guaranteed a place. “There is no need to hurry in the first minutes,” the education department stressed. Catchment area lists are published on the city portal.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-citywide-clean-up-day-results",
        "published_at": "2025-04-20T15:00:00+03:00",
        "topics": ["ecology-parks"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Общегородской субботник: более 40 тысяч жителей привели в порядок дворы, парки и набережные",
            "lead": "В субботу, 19 апреля, горожане убрали более 600 территорий и высадили около 2 тысяч деревьев и кустарников.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В субботу, 19 апреля, в городе прошел общегородской субботник. По данным управления городского хозяйства, в нём приняли участие более 40 тысяч человек — жители, сотрудники предприятий, студенты и старшеклассники.</p>"
                "<p>Участники убрали более 600 территорий: дворы, скверы, берега водоемов и лесопарковые зоны. Вместе с озеленителями горожане высадили около 2 тысяч деревьев и кустарников, а также покрасили скамейки и ограждения на детских площадках.</p>"
                "<p>За выходные с убранных территорий вывезено более 3 тысяч тонн мусора. Отдельно собирали пластик, макулатуру и металл — их передадут на переработку. Месячник весенней уборки продлится до 1 мая.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "روز پاکسازی همگانی کازان؛ بیش از ۴۰ هزار نفر حیاط‌ها، پارک‌ها و ساحل رودخانه را پاکیزه کردند",
            "lead": "شهروندان روز شنبه ۳۰ فروردین ۱۴۰۴ (۱۹ آوریل) بیش از ۶۰۰ محوطه را پاکسازی کردند و حدود ۲ هزار درخت و درختچه کاشتند.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>روز شنبه ۳۰ فروردین ۱۴۰۴ (۱۹ آوریل)، روز پاکسازی همگانی در کازان برگزار شد. به گزارش اداره خدمات شهری، بیش از ۴۰ هزار نفر، از جمله ساکنان، کارکنان شرکت‌ها، دانشجویان و دانش‌آموزان دبیرستانی، در آن شرکت کردند.</p>"
                "<p>شرکت‌کنندگان بیش از ۶۰۰ محوطه، از جمله حیاط‌ها، میدان‌ها، حاشیه دریاچه‌ها و جنگل‌های شهری را پاکسازی کردند. شهروندان همراه با کارکنان فضای سبز حدود ۲ هزار درخت و درختچه کاشتند و نیمکت‌ها و نرده‌های زمین‌های بازی کودکان را رنگ کردند.</p>"
                "<p>در پایان هفته بیش از ۳ هزار تن زباله از این محوطه‌ها جمع‌آوری شد. پلاستیک، کاغذ و فلز به‌طور جداگانه گردآوری شده و برای بازیافت فرستاده می‌شود. ماه پاکسازی بهاری تا ۱۱ اردیبهشت (۱ مه) ادامه دارد.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Citywide clean-up day: more than 40,000 residents tidied up courtyards, parks and riverbanks",
            "lead": "On Saturday, 19 April, residents cleaned up more than 600 sites and planted about 2,000 trees and shrubs.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The citywide clean-up day took place on Saturday, 19 April. According to the city services department, more than 40,000 people took part, including residents, employees of local businesses, students and secondary school pupils.</p>"
                "<p>Volunteers cleaned up more than 600 sites, including courtyards, squares, lakeshores and urban woodland. Together with the city’s landscaping teams they planted about 2,000 trees and shrubs and repainted benches and fences at playgrounds.</p>"
                "<p>Over the weekend more than 3,000 tonnes of rubbish were removed from the cleaned-up sites. Plastic, paper and metal were collected separately and will be sent for recycling. The spring clean-up month continues until 1 May.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-spring-street-washing",
        "published_at": "2025-04-21T10:00:00+03:00",
        "topics": ["transport", "ecology-parks"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Коммунальные службы начали весеннюю промывку улиц, тротуаров и остановок транспорта",
            "lead": "Промывка пройдет в ночные часы на всех магистралях города и продлится около четырех недель.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>После установления устойчивой плюсовой температуры коммунальные службы приступили к весенней промывке улично-дорожной сети. Ежедневно на линию выходят более 100 поливомоечных машин.</p>"
                "<p>В первую очередь промывают магистральные улицы, мосты, тоннели и остановочные павильоны. Затем работы переместятся на внутриквартальные проезды и тротуары. Для мойки остановок и ограждений используют специальные безопасные моющие средства.</p>"
                "<p>Основные работы ведутся с 22:00 до 06:00, когда на дорогах меньше транспорта. Водителей просят соблюдать дистанцию при объезде поливомоечной техники. Промывку всех магистралей планируется завершить к середине мая, после чего начнётся нанесение дорожной разметки.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "خدمات شهری کازان شست‌وشوی بهاری خیابان‌ها، پیاده‌روها و ایستگاه‌های اتوبوس را آغاز کرد",
            "lead": "شست‌وشو در ساعات شب در همه خیابان‌های اصلی شهر انجام می‌شود و حدود چهار هفته ادامه خواهد داشت.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>با پایدار شدن دمای هوا بالای صفر، خدمات شهری شست‌وشوی بهاری شبکه معابر را آغاز کرده‌اند. هر روز بیش از ۱۰۰ دستگاه خودروی آب‌پاش و شست‌وشو در سطح شهر فعالیت می‌کنند.</p>"
                "<p>ابتدا خیابان‌های اصلی، پل‌ها، تونل‌ها و سایبان ایستگاه‌ها شسته می‌شوند و سپس کار به خیابان‌های داخلی محله‌ها و پیاده‌روها می‌رسد. برای شست‌وشوی ایستگاه‌ها و نرده‌ها از مواد شوینده ویژه و بی‌خطر استفاده می‌شود.</p>"
                "<p>بخش اصلی کار از ساعت ۲۲ تا ۶ صبح انجام می‌شود که خیابان‌ها خلوت‌تر است. از رانندگان خواسته شده است هنگام عبور از کنار این خودروها فاصله مناسب را رعایت کنند. شست‌وشوی همه خیابان‌های اصلی تا اواسط ماه مه به پایان می‌رسد.</p>"
            ),
            "dateline": "کازان",
        },
    },
    {
        "key": "demo-museum-night",
        "published_at": "2025-05-15T11:00:00+03:00",
        "topics": ["culture", "tourism"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "«Ночь музеев» 17 мая: более 40 площадок, бесплатные автобусы и экскурсии до полуночи",
            "lead": "В субботу музеи, галереи и библиотеки города будут принимать посетителей с 18:00 до 00:00.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>17 мая в городе пройдет ежегодная акция «Ночь музеев». В ней примут участие более 40 площадок — муниципальные музеи, выставочные залы, галереи, библиотеки и дома культуры.</p>"
                "<p>Посетителей ждут ночные экскурсии, спектакли, лекции, квесты и мастер-классы. Для семей с детьми подготовлены специальные маршруты, а на нескольких площадках впервые пройдут экскурсии с сурдопереводом.</p>"
                "<p>С 18:00 до 01:00 между музеями будут курсировать бесплатные автобусы по двум кольцевым маршрутам. Вход на большинство площадок свободный, на отдельные мероприятия нужна предварительная регистрация. Программа и схема маршрутов опубликованы на городском портале.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "«شب موزه‌ها» در کازان در ۱۷ مه؛ بیش از ۴۰ مکان فرهنگی، اتوبوس رایگان و بازدید تا نیمه‌شب",
            "lead": "روز شنبه، موزه‌ها، نگارخانه‌ها و کتابخانه‌های شهر از ساعت ۱۸ تا نیمه‌شب پذیرای بازدیدکنندگان خواهند بود.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>رویداد سالانه «شب موزه‌ها» روز ۲۷ اردیبهشت (۱۷ مه) در شهر برگزار می‌شود. بیش از ۴۰ مکان، از جمله موزه‌های شهری، تالارهای نمایشگاهی، نگارخانه‌ها، کتابخانه‌ها و خانه‌های فرهنگ، در این رویداد شرکت دارند.</p>"
                "<p>بازدیدهای شبانه با راهنما، اجرای نمایش، سخنرانی، بازی‌های معمایی و کارگاه‌های آموزشی در انتظار بازدیدکنندگان است. برای خانواده‌های دارای کودک مسیرهای ویژه‌ای طراحی شده و در چند مکان برای نخستین بار بازدید با ترجمه زبان اشاره برگزار می‌شود.</p>"
                "<p>از ساعت ۱۸ تا ۱ بامداد، اتوبوس‌های رایگان در دو مسیر حلقوی میان موزه‌ها رفت‌وآمد می‌کنند. ورود به بیشتر مکان‌ها رایگان است و برای برخی برنامه‌ها ثبت‌نام قبلی لازم است. برنامه کامل و نقشه مسیرها در درگاه اینترنتی شهر منتشر شده است.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Museum Night on 17 May: more than 40 venues, free buses and guided tours until midnight",
            "lead": "On Saturday the city’s museums, galleries and libraries will welcome visitors from 18:00 to midnight.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The annual Museum Night will take place in the city on 17 May. More than 40 venues are taking part, including municipal museums, exhibition halls, galleries, libraries and community arts centres.</p>"
                "<p>Visitors can look forward to night-time guided tours, performances, talks, quests and workshops. Special routes have been prepared for families with children, and several venues will offer tours with sign language interpretation for the first time.</p>"
                "<p>From 18:00 to 01:00 free buses will run between the museums on two circular routes. Entry to most venues is free; some events require advance registration. The programme and route map are published on the city portal.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-new-cycle-lanes",
        "published_at": "2025-05-27T13:30:00+03:00",
        "topics": ["transport", "sport"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "В городе открыты 12 километров новых велодорожек, соединяющих парки и жилые кварталы",
            "lead": "Новые маршруты связали три крупных парка с жилыми районами, школами и станциями метро.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В городе завершено строительство 12 километров новых велодорожек. Они соединили три крупных парка с жилыми кварталами, школами и станциями метро. Общая протяженность велосипедной сети города превысила 100 километров.</p>"
                "<p>Дорожки отделены от проезжей части бордюром или газоном, на пересечениях с улицами обустроены велопереходы со светофорами. Вдоль маршрутов установлены 30 велопарковок и несколько станций самообслуживания с насосом и инструментами для мелкого ремонта.</p>"
                "<p>Управление транспорта напоминает велосипедистам о правилах: уступать дорогу пешеходам, не превышать безопасную скорость и пользоваться фонарями в темное время суток. Карта велосипедной сети доступна на городском портале.</p>"
            ),
            "dateline": "Казань",
        },
        "en": {
            "title": "Twelve kilometres of new cycle lanes now link Kazan parks with residential neighbourhoods",
            "lead": "The new routes connect three large parks with residential areas, schools and metro stations.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The city has finished building 12 kilometres of new cycle lanes. They connect three large parks with residential neighbourhoods, schools and metro stations. The city’s cycle network is now more than 100 kilometres long.</p>"
                "<p>The lanes are separated from the roadway by a kerb or a strip of grass, and there are signal-controlled cycle crossings where they meet streets. Thirty bike racks and several self-service stations with a pump and tools for minor repairs have been installed along the routes.</p>"
                "<p>The transport department reminds cyclists to give way to pedestrians, keep to a safe speed and use lights after dark. A map of the cycle network is available on the city portal.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-summer-festival-city-evenings",
        "published_at": "2025-06-10T10:00:00+03:00",
        "topics": ["culture", "tourism"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Летний фестиваль «Городские вечера» откроется 20 июня: концерты и кино под открытым небом",
            "lead": "Фестиваль продлится до конца августа, все его мероприятия бесплатные.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>С 20 июня по 31 августа в парках и на набережных города пройдет летний фестиваль «Городские вечера». По пятницам и субботам на открытых площадках будут выступать городские оркестры, джазовые и фольклорные коллективы, а по воскресеньям — проходить показы кино под открытым небом.</p>"
                "<p>В программе также танцевальные вечера для старшего поколения, уличные спектакли, лекции о городской архитектуре и семейные мастер-классы. Часть мероприятий пройдет с переводом на жестовый язык.</p>"
                "<p>Все мероприятия фестиваля бесплатные, вечерние программы начинаются в 19:00. В случае плохой погоды площадки могут перенести в дома культуры — об изменениях сообщат на городском портале и в социальных сетях управления культуры.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "جشنواره تابستانی «شب‌های شهر» از ۳۰ خرداد (۲۰ ژوئن) در کازان آغاز می‌شود؛ کنسرت و سینما در فضای باز",
            "lead": "این جشنواره تا پایان ماه اوت ادامه دارد و همه برنامه‌های آن رایگان است.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>جشنواره تابستانی «شب‌های شهر» از ۳۰ خرداد (۲۰ ژوئن) تا ۹ شهریور (۳۱ اوت) در پارک‌ها و کناره رودخانه برگزار می‌شود. جمعه‌ها و شنبه‌ها ارکسترهای شهری و گروه‌های جاز و موسیقی محلی در صحنه‌های روباز اجرا خواهند داشت و یکشنبه‌ها فیلم در فضای باز نمایش داده می‌شود.</p>"
                "<p>برنامه جشنواره همچنین شامل شب‌های رقص برای سالمندان، نمایش‌های خیابانی، سخنرانی درباره معماری شهر و کارگاه‌های خانوادگی است. بخشی از برنامه‌ها با ترجمه زبان اشاره همراه خواهد بود.</p>"
                "<p>همه برنامه‌های جشنواره رایگان است و برنامه‌های شبانه از ساعت ۱۹ آغاز می‌شود. در صورت نامساعد بودن هوا، ممکن است برنامه‌ها به خانه‌های فرهنگ منتقل شوند. تغییرات در درگاه اینترنتی شهر و صفحه‌های اداره فرهنگ در شبکه‌های اجتماعی اطلاع‌رسانی می‌شود.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "The City Evenings summer festival opens on 20 June with open-air concerts and films",
            "lead": "The festival runs until the end of August, and all of its events are free.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>From 20 June to 31 August the City Evenings summer festival will be held in the city’s parks and on its embankments. On Fridays and Saturdays city orchestras, jazz and folk groups will perform on open-air stages, and on Sundays there will be outdoor film screenings.</p>"
                "<p>The programme also includes dance evenings for older residents, street theatre, talks on the city’s architecture and family workshops. Some events will be interpreted into sign language.</p>"
                "<p>All festival events are free, and evening programmes start at 19:00. In bad weather events may move to community arts centres; any changes will be announced on the city portal and the culture department’s social media pages.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-school-summer-camps",
        "published_at": "2025-06-24T15:00:00+03:00",
        "topics": ["education"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Более 18 тысяч школьников отдохнут в пришкольных лагерях во второй летней смене",
            "lead": "Вторая смена лагерей дневного пребывания начнётся 30 июня и продлится три недели.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Во второй смене пришкольных лагерей, которая начнётся 30 июня, отдохнут более 18 тысяч школьников. Лагеря дневного пребывания откроются на базе 120 школ во всех районах города.</p>"
                "<p>Для детей подготовлены спортивные соревнования, экскурсии по городу, занятия в кружках робототехники, рисования и театра, а также беседы о безопасности на воде и на дорогах. Питание в лагерях двухразовое, для детей с особыми потребностями в питании предусмотрено отдельное меню.</p>"
                "<p>Перед открытием все лагеря прошли проверку надзорных органов. В управлении образования напоминают, что о наличии свободных мест можно узнать непосредственно в школах.</p>"
            ),
            "dateline": "Казань",
        },
    },
    {
        "key": "demo-district-park-reopens",
        "published_at": "2025-07-08T11:00:00+03:00",
        "topics": ["ecology-parks"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Районный парк открылся после реконструкции: новые аллеи, очищенный пруд и спортплощадки",
            "lead": "Реконструкция продолжалась два сезона: в парке сохранили все здоровые деревья и высадили более 500 новых.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>После двухлетней реконструкции для посетителей вновь открыт один из районных парков города площадью 14 гектаров. Проект выбрали сами жители на общественном обсуждении.</p>"
                "<p>В парке обустроены:</p>"
                "<ul><li>3 километра новых аллей с освещением и скамейками;</li><li>очищенный пруд с деревянным настилом и смотровыми площадками;</li><li>спортивные площадки для воркаута, настольного тенниса и баскетбола;</li><li>детский игровой городок с инклюзивным оборудованием.</li></ul>"
                "<p>При реконструкции сохранили все здоровые деревья и высадили более 500 новых деревьев и кустарников. В парке появились общественные туалеты, пункт проката и кафе. Парк открыт круглосуточно, уборку территории ведут ежедневно.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "بازگشایی پارک منطقه‌ای کازان پس از بازسازی؛ مسیرهای تازه، برکه لایروبی‌شده و زمین‌های ورزشی",
            "lead": "بازسازی دو فصل طول کشید؛ همه درختان سالم پارک حفظ شد و بیش از ۵۰۰ درخت تازه کاشته شد.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>پس از دو سال بازسازی، یکی از پارک‌های منطقه‌ای شهر با مساحت ۱۴ هکتار دوباره به روی بازدیدکنندگان باز شد. طرح این بازسازی را خود ساکنان در نظرخواهی عمومی انتخاب کرده بودند.</p>"
                "<p>امکانات تازه پارک:</p>"
                "<ul><li>۳ کیلومتر مسیر پیاده‌روی تازه با روشنایی و نیمکت؛</li><li>برکه لایروبی‌شده با سکوی چوبی و جایگاه‌های تماشا؛</li><li>زمین‌های ورزشی برای ورزش همگانی، تنیس روی میز و بسکتبال؛</li><li>شهربازی کودکان با تجهیزات مناسب برای همه کودکان، از جمله کودکان دارای معلولیت.</li></ul>"
                "<p>در جریان بازسازی همه درختان سالم حفظ شد و بیش از ۵۰۰ درخت و درختچه تازه کاشته شد. سرویس بهداشتی عمومی، مرکز کرایه وسایل و کافه نیز در پارک راه‌اندازی شده است. پارک شبانه‌روزی باز است و هر روز نظافت می‌شود.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "District park reopens after renovation with new paths, a restored pond and sports grounds",
            "lead": "The renovation took two seasons; all healthy trees were kept and more than 500 new ones were planted.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>After two years of renovation, one of the city’s district parks, covering 14 hectares, has reopened to visitors. The design was chosen by local residents in a public consultation.</p>"
                "<p>The park now has:</p>"
                "<ul><li>3 kilometres of new paths with lighting and benches;</li><li>a cleaned pond with a wooden boardwalk and viewing platforms;</li><li>sports grounds for street workout, table tennis and basketball;</li><li>an inclusive children’s playground.</li></ul>"
                "<p>All healthy trees were preserved during the works, and more than 500 new trees and shrubs were planted. Public toilets, an equipment hire point and a café have opened in the park. The park is open around the clock and is cleaned daily.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-river-cruises-extended",
        "published_at": "2025-07-22T12:00:00+03:00",
        "topics": ["tourism", "transport"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Прогулочные речные маршруты продлены до конца сентября из-за высокого спроса у пассажиров",
            "lead": "С начала навигации речными прогулками воспользовались более 60 тысяч жителей и туристов.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Городские прогулочные теплоходы будут курсировать по реке до 30 сентября — на две недели дольше, чем планировалось. Решение принято из-за высокого спроса: с начала навигации речными прогулками воспользовались более 60 тысяч пассажиров.</p>"
                "<p>Сейчас работают три маршрута: часовая прогулка по центру города, вечерний рейс с видом на подсвеченную набережную и экскурсионный маршрут с аудиогидом на трех языках. В выходные дни добавлены дополнительные рейсы.</p>"
                "<p>Билеты продаются в кассах на причале и онлайн. Дети до 7 лет перевозятся бесплатно, для школьников и пенсионеров действует скидка 50%. Расписание рейсов опубликовано на городском портале.</p>"
            ),
            "dateline": "Казань",
        },
        "en": {
            "title": "River sightseeing cruises extended until the end of September due to high demand",
            "lead": "More than 60,000 residents and visitors have taken a river cruise since the start of the season.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The city’s sightseeing boats will run on the river until 30 September, two weeks longer than planned. The decision was taken because of high demand: more than 60,000 passengers have taken a river cruise since the season opened.</p>"
                "<p>Three routes are currently in service: a one-hour cruise through the city centre, an evening cruise past the illuminated embankment, and a guided route with an audio guide in three languages. Extra sailings have been added at weekends.</p>"
                "<p>Tickets are sold at the pier and online. Children under 7 travel free, and schoolchildren and pensioners get a 50% discount. The timetable is published on the city portal.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-school-readiness-checks",
        "published_at": "2025-08-12T10:30:00+03:00",
        "topics": ["education", "city-economy"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Комиссии начали проверку готовности школ и детских садов к новому учебному году",
            "lead": "До 25 августа специалисты осмотрят более 400 образовательных учреждений города.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В городе начала работу межведомственная комиссия по приемке образовательных учреждений к новому учебному году. До 25 августа специалисты проверят более 400 школ и детских садов.</p>"
                "<p>Комиссия оценивает состояние зданий и территорий, работу систем отопления, вентиляции и пожарной сигнализации, оснащение пищеблоков и медицинских кабинетов, а также безопасность спортивных и игровых площадок. Особое внимание уделяется учреждениям, где летом прошел капитальный ремонт.</p>"
                "<p>В этом году ремонтные работы проведены в 35 школах и 20 детских садах. По итогам проверки каждое учреждение получит акт готовности, а выявленные замечания должны быть устранены до 1 сентября.</p>"
            ),
            "dateline": "Казань",
        },
    },
    {
        "key": "demo-city-marathon-road-closures",
        "published_at": "2025-09-05T11:00:00+03:00",
        "topics": ["sport", "tourism", "transport"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Городской марафон 7 сентября: перекрытия улиц, изменения в работе транспорта и зоны для болельщиков",
            "lead": "В воскресенье на старт выйдут около 10 тысяч бегунов, часть улиц в центре будет закрыта для движения с 06:00 до 15:00.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В воскресенье, 7 сентября, в городе пройдет ежегодный городской марафон. Участники побегут на дистанциях 42,2 км, 21,1 км и 10 км, а для детей проведут забег на 1 км. Всего зарегистрировано около 10 тысяч бегунов.</p>"
                "<h2>Перекрытия и транспорт</h2>"
                "<p>С 06:00 до 15:00 будет ограничено движение на улицах, по которым проходит трасса. Автобусы и трамваи нескольких маршрутов изменят схему движения, а метро в день забега начнет работу на час раньше обычного. Схема перекрытий опубликована на городском портале.</p>"
                "<p>Вдоль трассы организованы пять зон для болельщиков с музыкальными площадками. Управление по делам молодежи и спорта просит жителей заранее планировать поездки и по возможности пользоваться метро.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "ماراتن شهری کازان ۱۶ شهریور؛ محدودیت تردد در خیابان‌ها و تغییر مسیر حمل‌ونقل عمومی",
            "lead": "روز یکشنبه ۱۶ شهریور (۷ سپتامبر) حدود ۱۰ هزار دونده در مسابقه شرکت می‌کنند و برخی خیابان‌های مرکز شهر از ساعت ۶ تا ۱۵ بسته خواهد بود.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>ماراتن سالانه شهر روز یکشنبه ۱۶ شهریور ۱۴۰۴ (۷ سپتامبر) برگزار می‌شود. شرکت‌کنندگان در مسافت‌های ۴۲٫۲، ۲۱٫۱ و ۱۰ کیلومتر رقابت می‌کنند و دوی ویژه کودکان نیز به طول ۱ کیلومتر برگزار می‌شود. تاکنون حدود ۱۰ هزار دونده ثبت‌نام کرده‌اند.</p>"
                "<h2>محدودیت‌های تردد و حمل‌ونقل</h2>"
                "<p>از ساعت ۶ تا ۱۵، تردد خودروها در خیابان‌های مسیر مسابقه محدود می‌شود. اتوبوس‌ها و تراموای چند خط مسیر خود را تغییر می‌دهند و متروی شهر در روز مسابقه یک ساعت زودتر از همیشه کار خود را آغاز می‌کند. نقشه محدودیت‌ها در درگاه اینترنتی شهر منتشر شده است.</p>"
                "<p>در طول مسیر پنج محل ویژه تماشاگران با برنامه موسیقی آماده شده است. اداره امور جوانان و ورزش از شهروندان خواسته است سفرهای خود را از پیش برنامه‌ریزی کنند و در صورت امکان از مترو استفاده کنند.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "City marathon on 7 September: road closures, public transport changes and fan zones",
            "lead": "About 10,000 runners will start on Sunday, and some streets in the centre will be closed to traffic from 06:00 to 15:00.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The annual city marathon will take place on Sunday, 7 September. Runners will compete over 42.2 km, 21.1 km and 10 km, and there will be a 1 km race for children. About 10,000 runners have registered.</p>"
                "<h2>Road closures and transport</h2>"
                "<p>From 06:00 to 15:00 traffic will be restricted on the streets along the course. Several bus and tram routes will be diverted, and on race day the metro will open an hour earlier than usual. A map of the closures is published on the city portal.</p>"
                "<p>Five fan zones with music stages have been set up along the course. The youth and sports department asks residents to plan their journeys in advance and to use the metro where possible.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-heating-season-readiness",
        "published_at": "2025-09-22T14:00:00+03:00",
        "topics": ["city-economy"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Отопительный сезон начнётся после установления среднесуточной температуры ниже +8 °C",
            "lead": "Городские котельные и тепловые сети завершили подготовку к зиме, пробные пуски тепла уже проведены.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Подготовка городского хозяйства к отопительному сезону завершена. Тепловые сети прошли гидравлические испытания, в котельных проведен плановый ремонт оборудования, а на участках с повышенным износом заменено около 15 километров трубопроводов.</p>"
                "<p>Подача тепла начнётся после того, как среднесуточная температура воздуха в течение пяти дней подряд будет ниже +8 °C. В первую очередь тепло получат больницы, детские сады, школы и учреждения социального обслуживания, затем — жилые дома.</p>"
                "<p>Управляющие компании должны до начала сезона проверить внутридомовые системы отопления. Если после подачи тепла батареи в квартире остаются холодными, жителям следует обратиться в свою управляющую компанию или в городскую систему обращений.</p>"
            ),
            "dateline": "Казань",
        },
        "en": {
            "title": "Heating season to start once the average daily temperature falls below +8 °C",
            "lead": "The city’s boiler plants and heating networks have completed their preparations for winter, and trial start-ups have already been carried out.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The city’s utilities have finished preparing for the heating season. The heating networks have passed pressure tests, scheduled repairs have been carried out at the boiler plants, and about 15 kilometres of pipes have been replaced on the most worn sections.</p>"
                "<p>Heating will be switched on once the average daily air temperature stays below +8 °C for five days in a row. Hospitals, kindergartens, schools and social care facilities will be connected first, followed by residential buildings.</p>"
                "<p>Property management companies must check the heating systems inside buildings before the season starts. If radiators in a flat stay cold after the heating has been switched on, residents should contact their management company or use the city’s request system.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-tourist-information-points",
        "published_at": "2025-10-06T11:00:00+03:00",
        "topics": ["tourism"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "В центре города открылись пять новых пунктов туристической информации с картами на трех языках",
            "lead": "В пунктах можно бесплатно получить карту, узнать о маршрутах и событиях, а также зарядить телефон.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В центре города начали работу пять новых пунктов туристической информации. Они расположены рядом с основными пешеходными маршрутами, у вокзала и у речного причала.</p>"
                "<p>Консультанты помогут выбрать экскурсию, подскажут, как добраться до достопримечательностей, и расскажут о ближайших городских событиях. Бесплатные карты и путеводители доступны на русском, татарском и английском языках. В каждом пункте есть зарядные станции для телефонов и бесплатный доступ в интернет.</p>"
                "<p>Пункты работают ежедневно с 09:00 до 20:00. По данным управления по туризму, за летний сезон в справочные службы города обратились более 50 тысяч туристов, поэтому сеть пунктов решено расширить.</p>"
            ),
            "dateline": "Казань",
        },
        "en": {
            "title": "Five new tourist information points open in the city centre, with maps in three languages",
            "lead": "Visitors can pick up a free map, find out about routes and events, and charge their phones.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>Five new tourist information points have opened in the city centre. They are located along the main pedestrian routes, near the railway station and by the river pier.</p>"
                "<p>Staff will help visitors choose a tour, explain how to get to the sights and tell them about upcoming city events. Free maps and guides are available in Russian, Tatar and English. Each point has phone charging stations and free internet access.</p>"
                "<p>The points are open daily from 09:00 to 20:00. According to the tourism department, more than 50,000 visitors contacted the city’s information services over the summer season, which is why the network is being expanded.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-school-chess-tournament",
        "published_at": "2025-10-20T12:00:00+03:00",
        "topics": ["sport", "education"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Городской турнир по шахматам среди школьников собрал более 600 участников из всех районов",
            "lead": "Победители в трех возрастных группах представят город на республиканских соревнованиях.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>В городском дворце спорта завершился ежегодный турнир по шахматам среди школьников. За доской встретились более 600 юных шахматистов из всех районов — от первоклассников до выпускников.</p>"
                "<p>Соревнования проходили по швейцарской системе в трех возрастных группах. Самому юному участнику исполнилось шесть лет. Параллельно прошел командный турнир школ, в котором приняли участие 48 команд.</p>"
                "<p>Победители и призеры получили кубки, медали и шахматные наборы, а лучшие игроки каждой группы представят город на республиканских соревнованиях. В следующем году турнир планируют дополнить соревнованиями по быстрым шахматам для семейных команд.</p>"
            ),
            "dateline": "Казань",
        },
    },
    {
        "key": "demo-budget-2026-public-hearings",
        "published_at": "2025-11-10T10:00:00+03:00",
        "topics": ["city-economy"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "Публичные слушания по проекту городского бюджета на 2026 год пройдут 20 ноября: как участвовать",
            "lead": "Предложения к проекту бюджета принимаются до 18 ноября, слушания будут транслироваться онлайн.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Проект бюджета города на 2026 год и плановый период 2027–2028 годов опубликован на городском портале. Публичные слушания по нему состоятся 20 ноября в 15:00 в большом зале исполнительного комитета.</p>"
                "<p>Жители могут направить свои предложения и замечания до 18 ноября — через форму на городском портале, по почте или лично в общественной приемной. Все поступившие предложения рассмотрят на слушаниях, а их итоги опубликуют.</p>"
                "<p>Для участия в слушаниях нужна предварительная регистрация. Тем, кто не сможет прийти лично, доступна онлайн-трансляция. В управлении финансов подготовили краткий «бюджет для граждан» — наглядное описание основных доходов и расходов города.</p>"
            ),
            "dateline": "Казань",
        },
        "fa": {
            "title": "جلسه استماع عمومی درباره لایحه بودجه ۲۰۲۶ کازان روز ۲۹ آبان (۲۰ نوامبر) برگزار می‌شود؛ نحوه مشارکت",
            "lead": "پیشنهادها درباره لایحه بودجه تا ۲۷ آبان (۱۸ نوامبر) پذیرفته می‌شود و جلسه به‌صورت زنده در اینترنت پخش خواهد شد.",
            "body": (
                DEMO_NOTE["fa"]
                + "<p>لایحه بودجه شهر برای سال ۲۰۲۶ و دوره برنامه‌ریزی ۲۰۲۷–۲۰۲۸ در درگاه اینترنتی شهر منتشر شده است. جلسه استماع عمومی درباره آن روز ۲۹ آبان (۲۰ نوامبر) ساعت ۱۵ در تالار بزرگ کمیته اجرایی شهر برگزار می‌شود.</p>"
                "<p>ساکنان تا ۲۷ آبان (۱۸ نوامبر) می‌توانند پیشنهادها و نظرات خود را از طریق فرم درگاه اینترنتی شهر، با پست یا به‌صورت حضوری در دفتر پذیرش مردمی ارسال کنند. همه پیشنهادهای دریافتی در جلسه بررسی و نتایج آن منتشر خواهد شد.</p>"
                "<p>برای شرکت در جلسه ثبت‌نام قبلی لازم است. کسانی که نمی‌توانند حضوری شرکت کنند، می‌توانند جلسه را به‌صورت زنده در اینترنت دنبال کنند. اداره امور مالی همچنین «بودجه شهروندی» را آماده کرده است؛ شرحی ساده و گویا از درآمدها و هزینه‌های اصلی شهر.</p>"
            ),
            "dateline": "کازان",
        },
        "en": {
            "title": "Public hearings on the city’s draft 2026 budget will be held on 20 November: how to take part",
            "lead": "Proposals on the draft budget are accepted until 18 November, and the hearings will be streamed online.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The city’s draft budget for 2026 and the planning period 2027–2028 has been published on the city portal. Public hearings on it will be held on 20 November at 15:00 in the main hall of the executive committee.</p>"
                "<p>Residents can send their proposals and comments until 18 November using the form on the city portal, by post or in person at the public reception office. All proposals received will be considered at the hearings, and the results will be published.</p>"
                "<p>Advance registration is required to attend. Those who cannot come in person can follow an online stream. The finance department has also prepared a short “citizens’ budget”, a clear overview of the city’s main revenues and expenditures.</p>"
            ),
            "dateline": "Kazan",
        },
    },
    {
        "key": "demo-winter-readiness-inspection",
        "published_at": "2025-11-24T13:00:00+03:00",
        "topics": ["transport", "city-economy"],
        "featured": False,
        "demo": True,
        "ru": {
            "title": "К зиме готовы: коммунальные службы проверили снегоуборочную технику и запасы реагентов",
            "lead": "На смотре техники представлено более 650 машин, а запасов песко-соляной смеси хватит на весь сезон.",
            "body": (
                DEMO_NOTE["ru"]
                + "<p>Коммунальные службы завершили подготовку к зимнему сезону. На смотре снегоуборочной техники было представлено более 650 машин — от тяжелых комбинированных дорожных машин до компактных тракторов для уборки тротуаров и дворов. Всё оборудование прошло техническое обслуживание.</p>"
                "<p>На базах хранения создан запас противогололедных материалов: более 80 тысяч тонн песко-соляной смеси и 5 тысяч тонн реагентов для тротуаров и остановок. Подготовлены семь снегоплавильных пунктов и площадки для временного складирования снега.</p>"
                "<p>«Мы готовы выйти на уборку в любой момент, как только начнётся первый снегопад», — сообщили в управлении городского хозяйства. Диспетчерская служба в зимний период работает круглосуточно, сообщить о неубранном участке можно через городскую систему обращений.</p>"
            ),
            "dateline": "Казань",
        },
        "en": {
            "title": "Ready for winter: city services inspect snow-clearing vehicles and de-icing stocks",
            "lead": "More than 650 vehicles were presented at the inspection, and there is enough grit for the whole season.",
            "body": (
                DEMO_NOTE["en"]
                + "<p>The city’s utility services have completed their preparations for winter. More than 650 vehicles were presented at the inspection of snow-clearing equipment, from heavy combined road machines to compact tractors for pavements and courtyards. All of the equipment has been serviced.</p>"
                "<p>The depots hold stocks of de-icing materials: more than 80,000 tonnes of sand and salt mix and 5,000 tonnes of de-icer for pavements and stops. Seven snow-melting stations and temporary snow storage sites have been prepared.</p>"
                "<p>“We are ready to start clearing at any moment, as soon as the first snow falls,” the city services department said. The dispatch service works around the clock in winter, and uncleared areas can be reported through the city’s request system.</p>"
            ),
            "dateline": "Kazan",
        },
    },
]
