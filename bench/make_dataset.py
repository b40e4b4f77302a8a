"""Build a benchmark dataset of press releases in bulk (not through the admin).

    DJANGO_SETTINGS_MODULE=config.settings .venv/bin/python bench/make_dataset.py \
        --releases 100000 --database-url sqlite:///bench/out/bench.sqlite3

Releases are made in memory with varied Russian, Persian and English text (every
release in ru, ~70% also in fa, ~60% also in en; bodies ~1.5 KB in ru; dates over
~10 years; plus ~0.3% drafts, withdrawn and scheduled ones), `derive_fields()`
fills the derived columns, and `bulk_create` writes them in batches inside
transactions. Search indexes are dropped during the load
and rebuilt once at the end (faster than the per-row triggers; see README.md).

Only ever point it at a benchmark database: it refuses the developer's
db.sqlite3 and the test databases, and `--reset` deletes what is there.
"""

import argparse
import multiprocessing
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BATCH = 2000
SEED = 7

TOPICS = [
    (
        "international",
        "Международные связи",
        "روابط بین‌الملل",
        "International relations",
    ),
    ("culture", "Культура", "فرهنگ", "Culture"),
    ("transport", "Транспорт", "حمل‌ونقل", "Transport"),
    ("education", "Образование", "آموزش", "Education"),
    ("economy", "Экономика", "اقتصاد", "Economy"),
    ("tourism", "Туризм", "گردشگری", "Tourism"),
    ("city-services", "Городское хозяйство", "خدمات شهری", "City services"),
    ("sport", "Спорт", "ورزش", "Sport"),
    ("health", "Здравоохранение", "بهداشت", "Health"),
    ("youth", "Молодёжь", "جوانان", "Youth"),
]

WORDS = {
    language: text.split()
    for language, text in {
        "ru": (
            "город мэрия делегация соглашение сотрудничество культура фестиваль школа "
            "транспорт метро трамвай парк набережная мост библиотека музей театр "
            "выставка форум студенты университет инвестиции предприятие строительство "
            "ремонт дорога жители район программа развитие туризм гости побратим "
            "партнёр встреча визит заседание исполком решение бюджет конкурс проект "
            "молодёжь спорт стадион турнир здоровье поликлиника экология деревья "
            "праздник концерт традиции история архитектура мечеть кремль площадь улица "
            "весна лето осень зима новости отчёт итоги планы уборка освещение вода"
        ),
        "fa": (
            "شهر شهرداری هیئت توافق همکاری فرهنگ جشنواره مدرسه حمل‌ونقل مترو "
            "تراموا پارک ساحل پل کتابخانه موزه تئاتر نمایشگاه همایش دانشجویان "
            "دانشگاه سرمایه‌گذاری کارخانه ساختمان تعمیر جاده ساکنان منطقه برنامه "
            "توسعه گردشگری مهمانان خواهرخوانده شریک دیدار بازدید نشست تصمیم بودجه "
            "مسابقه طرح جوانان ورزش ورزشگاه جام سلامت درمانگاه محیط‌زیست درختان "
            "جشن کنسرت سنت تاریخ معماری مسجد میدان خیابان بهار تابستان پاییز زمستان "
            "اخبار گزارش نتایج آب روشنایی اصفهان قازان کاشی باغ"
        ),
        "en": (
            "city council delegation agreement cooperation culture festival school "
            "transport metro tram park embankment bridge library museum theatre "
            "exhibition forum students university investment factory construction "
            "repair road residents district programme development tourism guests "
            "sister partner meeting visit session committee decision budget contest "
            "project youth sport stadium tournament health clinic ecology trees "
            "holiday concert traditions history architecture mosque kremlin square "
            "street spring summer autumn winter news report results plans water light"
        ),
    }.items()
}
PLACES = {
    "ru": ["Казань", "Исфахан", "Москва", "Елабуга", "Набережные Челны", "Тегеран"],
    "fa": ["قازان", "اصفهان", "مسکو", "تهران", "شیراز", "تبریز"],
    "en": ["Kazan", "Isfahan", "Moscow", "Tehran", "Yelabuga", "Shiraz"],
}
# Names a reader searches for; each is in ~1% of releases (the common words above
# are in nearly all of them), so a search finds a realistic few hundred.
ENTITIES = [
    dict(zip(("ru", "fa", "en"), names, strict=True))
    for names in (
        ("Универсиада", "یونیورسیاد", "Universiade"),
        ("Чехель Сотун", "چهل‌ستون", "Chehel Sotoun"),
        ("Кул Шариф", "قول شریف", "Qolsharif"),
        ("Нагше Джахан", "نقش جهان", "Naqsh-e Jahan"),
        ("Сабантуй", "سابان‌توی", "Sabantuy"),
        ("Иннополис", "اینوپولیس", "Innopolis"),
        ("Старо-Татарская слобода", "محله تاتارهای قدیم", "Old Tatar Quarter"),
        ("Хаджу", "پل خواجو", "Khaju Bridge"),
        ("Казанка", "رود قازانکا", "Kazanka river"),
        ("Зилант", "زیلانت", "Zilant"),
    )
]
ENTITY_SHARE = 0.1
BODY_CHARS = {"ru": 1500, "fa": 1300, "en": 1200}
# Share of releases that also exist in the language (all exist in Russian).
SHARE = {"ru": 1.0, "fa": 0.7, "en": 0.6}


def sentence(rng, language, low=6, high=14):
    words = rng.choices(WORDS[language], k=rng.randint(low, high))
    text = " ".join(words)
    if language != "fa":
        text = text[0].upper() + text[1:]
    return text + "."


def text_for(rng, language, number, entity=None):
    title = sentence(rng, language, 5, 10).rstrip(".")
    title = f"{title} {number}"
    lead = " ".join(sentence(rng, language) for _ in range(2))
    if entity is not None:
        lead = f"{lead} {ENTITIES[entity][language]}."
    paragraphs, size = [], 0
    while size < BODY_CHARS[language]:
        paragraph = " ".join(sentence(rng, language) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.2:
            paragraph = f"<strong>{paragraph}</strong>"
        paragraphs.append(f"<p>{paragraph}</p>")
        size += len(paragraph) + 7
    return {
        "title": title,
        "lead": lead,
        "body": "".join(paragraphs),
        "dateline": rng.choice(PLACES[language]),
    }


def make_batch(job):
    """Releases (with derived fields) and their topic indexes for one batch."""
    from pressroom.models import LANGUAGE_CODES, PressRelease

    first, moments, topic_count = job
    rng = random.Random(SEED * 1_000_003 + first)
    releases, topic_sets = [], []
    for offset, moment in enumerate(moments):
        number = first + offset + 1
        release = PressRelease(
            status=PressRelease.Status.PUBLISHED,
            published_at=moment,
            featured=rng.random() < 0.005,
        )
        entity = rng.randrange(len(ENTITIES)) if rng.random() < ENTITY_SHARE else None
        for language in LANGUAGE_CODES:
            if language == "ru" or rng.random() < SHARE[language]:
                for name, value in text_for(rng, language, number, entity).items():
                    setattr(release, f"{name}_{language}", value)
        release.derive_fields()
        releases.append(release)
        topic_sets.append(rng.sample(range(topic_count), rng.randint(1, 3)))
    return releases, topic_sets


def guard(url):
    """Refuse anything but a benchmark database."""
    import dj_database_url

    config = dj_database_url.parse(url)
    name = str(config["NAME"])
    if config["ENGINE"].endswith("sqlite3"):
        path = Path(name).resolve()
        if path == (ROOT / "db.sqlite3").resolve() or "test" in path.name:
            sys.exit(f"refusing to touch {path}: use a benchmark database file")
        return "sqlite", path
    if name in ("", "postgres", "pressroom") or name.startswith("test"):
        sys.exit(f"refusing to touch database {name!r}: use e.g. pressroom_bench")
    return "postgresql", name


def prepare_database(url, reset):
    vendor, where = guard(url)
    if vendor == "sqlite":
        where.parent.mkdir(parents=True, exist_ok=True)
        if reset:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{where}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    admin = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [where]
        ).fetchone()
        if exists and reset:
            connection.execute(f'DROP DATABASE "{where}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{where}"')


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("DJANGO_SITE_URL", "http://127.0.0.1")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def drop_search_indexes(cursor, vendor):
    from pressroom.search_index import INDEXES, fts_table, postgres_index

    for name in INDEXES:
        if vendor == "sqlite":
            for suffix in ("ai", "ad", "au"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {fts_table(name)}_{suffix}")
        else:
            cursor.execute(f"DROP INDEX IF EXISTS {postgres_index(name)}")


def build(total, keep_indexes):
    from django.core.management import call_command
    from django.db import connection, transaction

    from pressroom.models import LANGUAGE_CODES, PressRelease, Topic
    from pressroom.search_index import ensure_search_indexes

    rng = random.Random(SEED)
    topics = []
    for slug, *names in TOPICS:
        topic, _created = Topic.objects.update_or_create(
            slug=slug,
            defaults={
                f"name_{code}": name
                for code, name in zip(LANGUAGE_CODES, names, strict=True)
            },
        )
        topics.append(topic)
    vendor = connection.vendor
    if not keep_indexes:
        with connection.cursor() as cursor:
            drop_search_indexes(cursor, vendor)

    now = datetime.now(UTC)
    start = now - timedelta(days=3650)
    span = (now - start).total_seconds() - 3600
    # Sorted, so ids grow with publication time as they do on a real site.
    moments = sorted(
        start + timedelta(seconds=rng.random() * span) for _ in range(total)
    )
    Through = PressRelease.topics.through
    made = 0
    timings = {"write": 0.0}
    started = time.monotonic()
    # Two processes make and derive releases (the slow, pure-Python part) while
    # this one writes: the machine has two cores.
    connection.close()
    batches = [
        (first, moments[first : first + BATCH], len(topics))
        for first in range(0, total, BATCH)
    ]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        for releases, topic_sets in pool.imap(make_batch, batches):
            tick = time.monotonic()
            with transaction.atomic():
                PressRelease.objects.bulk_create(releases, batch_size=500)
                if any(release.pk is None for release in releases):
                    sys.exit("bulk_create returned no ids (SQLite older than 3.35?)")
                Through.objects.bulk_create(
                    [
                        Through(pressrelease_id=release.pk, topic_id=topics[index].pk)
                        for release, chosen in zip(releases, topic_sets, strict=True)
                        for index in chosen
                    ],
                    batch_size=2000,
                )
            timings["write"] += time.monotonic() - tick
            made += len(releases)
            if made % 20000 == 0 or made == total:
                elapsed = time.monotonic() - started
                print(f"  {made:>7} releases  {elapsed:6.1f} s", flush=True)

    # Besides the `total` public ones: drafts, withdrawn releases and one scheduled
    # far enough ahead not to expire cached pages during a run.
    extra = []
    for index in range(max(3, total // 300)):
        release = PressRelease(
            status=PressRelease.Status.DRAFT, published_at=rng.choice(moments)
        )
        if index % 3 == 1:
            release.status = PressRelease.Status.WITHDRAWN
            release.withdrawal_reason_ru = "Отозван по просьбе организаторов."
        elif index % 3 == 2:
            release.status = PressRelease.Status.PUBLISHED
            release.published_at = now + timedelta(days=60 + index)
        for name, value in text_for(rng, "ru", total + index + 1).items():
            setattr(release, f"{name}_ru", value)
        release.derive_fields()
        extra.append(release)
    PressRelease.objects.bulk_create(extra)

    tick = time.monotonic()
    # bulk_create sends no signals: the search index is built in one pass, as
    # `manage.py rebuild_search_index` builds it (its triggers were dropped
    # for the load; ensure_search_indexes puts them back and fills the table).
    ensure_search_indexes()
    call_command("rebuild_search_index")
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if vendor == "postgresql":
        # As autovacuum leaves a live table: the visibility map set, so index-only
        # scans (counts) need not visit every row.
        # (Django runs in autocommit mode outside atomic blocks, as VACUUM needs.)
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {PressRelease._meta.db_table}")
            cursor.execute(f"VACUUM ANALYZE {Through._meta.db_table}")
    timings["index"] = time.monotonic() - tick
    return timings


def existing():
    from pressroom.models import PressRelease

    return PressRelease.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument(
        "--database-url",
        default=f"sqlite:///{ROOT / 'bench/out/bench.sqlite3'}",
        help="a benchmark database (never db.sqlite3 or a test database)",
    )
    parser.add_argument(
        "--reset", action="store_true", help="delete the database and start again"
    )
    parser.add_argument(
        "--if-missing",
        action="store_true",
        help="do nothing when the database already holds that many releases",
    )
    parser.add_argument(
        "--keep-indexes",
        action="store_true",
        help="keep the search triggers/indexes during the load (slower; to compare)",
    )
    args = parser.parse_args()
    prepare_database(args.database_url, args.reset)
    setup_django(args.database_url)
    have = existing()
    if args.if_missing and have >= args.releases:
        print(f"dataset present: {have} releases")
        return
    if have:
        sys.exit(f"the database already holds {have} releases: use --reset")
    started = time.monotonic()
    timings = build(args.releases, args.keep_indexes)
    print(
        f"built {args.releases} releases in {time.monotonic() - started:.1f} s "
        f"(writing {timings['write']:.1f} s, "
        f"search indexes {timings['index']:.1f} s)"
    )


if __name__ == "__main__":
    main()
