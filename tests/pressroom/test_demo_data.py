"""The demo's data files: what the loader and the pages rely on (no database).

Editorial choices (lengths, hours, word counts) are the writers' business; these
check what would break a page or a rule of the site if it were wrong.
"""

import re
from collections import Counter
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

from pressroom import demo
from pressroom.demo.releases import FIELDS

LANGUAGES = ("ru", "fa", "en")
DATA = demo.read("releases")
RELEASES, TOPICS = DATA["release"], DATA["topic"]
SEED_KEY = "kazan-isfahan-sister-cities"
DEMO = RELEASES[1:]
ALLOWED_TAGS = {"p", "h2", "ul", "li", "blockquote", "strong", "em"}
DEMO_NOTE = {
    "ru": "<p><em>Демонстрационный материал.</em></p>",
    "fa": "<p><em>محتوای نمایشی.</em></p>",
    "en": "<p><em>Demo content.</em></p>",
}
TAG = re.compile(r"<[^>]+>")
KEY_OR_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Words the Russian text writes with ё (demo/releases.toml's rule: ё wherever the
# word has it), each as the е-spelling that must not come back.
WITHOUT_YO = re.compile(
    r"\b(еще|ее|придает|почетн\w*|проведет|шелков\w*|партнер\w*|зелен(ые|ых)"
    r"|прием\w*|пройдет|начнет|трех|четырех|счет|лед|молодеж\w*)\b",
    re.IGNORECASE,
)


def languages(item):
    return tuple(code for code in LANGUAGES if code in item)


def plain(value):
    return TAG.sub(" ", demo.text(value))


class TagChecker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS or attrs:
            self.problems.append(f"<{tag} {attrs}>")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.problems.append(f"</{tag}> out of order")


def test_keys_and_slugs_are_unique_ascii_kebab():
    keys = [item["key"] for item in RELEASES]
    slugs = [topic["slug"] for topic in TOPICS]
    for names in (keys, slugs):
        assert len(names) == len(set(names))
        assert all(KEY_OR_SLUG.match(name) for name in names), names


def test_the_seed_story_is_first_trilingual_and_dated_9_april_2025():
    seed = RELEASES[0]
    assert seed["key"] == SEED_KEY == "kazan-isfahan-sister-cities"
    assert languages(seed) == LANGUAGES
    assert seed["published_at"] == datetime.fromisoformat("2025-04-09T15:30:00+03:00")
    assert seed["featured"] is True
    assert seed["demo"] is False
    body = {code: demo.text(seed[code]["body"]) for code in LANGUAGES}
    for name in ("Ильсур Метшин", "Касемзаде", "Чехель Сотун", "20 фарвардина 1404"):
        assert name in body["ru"]
    for name in ("۲۰ فروردین ۱۴۰۴", "کاخ چهلستون", "علی قاسم\u200cزاده"):
        assert name in body["fa"]
    assert "20 Farvardin 1404" in body["en"]
    assert [seed[code]["dateline"] for code in LANGUAGES] == [
        "Исфахан",
        "اصفهان",
        "Isfahan",
    ]


def test_persian_text_uses_persian_letters_and_digits():
    texts = [
        (item["key"], name, plain(item["fa"][name]))
        for item in RELEASES
        if "fa" in item
        for name in FIELDS
    ] + [(topic["slug"], "name", topic["name"]["fa"]) for topic in TOPICS]
    wrong = [
        (where, field)
        for where, field, text in texts
        if re.search("[\u064a\u0643]|[0-9\u0660-\u0669]|[A-Za-z]", text)
    ]
    assert wrong == []
    bodies = [plain(item["fa"]["body"]) for item in RELEASES if "fa" in item]
    assert any("می\u200cشود" in body for body in bodies)
    assert not any(re.search(r"(^|\s)می\s", body) for body in bodies)


def test_russian_writes_yo_where_the_word_has_it():
    texts = [plain(item["ru"][name]) for item in RELEASES for name in FIELDS]
    assert [m.group() for text in texts for m in WITHOUT_YO.finditer(text)] == []
    assert sum("ё" in text for text in texts) >= 2


def test_dates_are_moscow_time_and_cover_the_nowruz_edges():
    for item in RELEASES:
        assert item["published_at"].utcoffset() == timedelta(hours=3), item["key"]
    stamps = {item["published_at"].isoformat() for item in RELEASES}
    assert "2025-03-20T23:30:00+03:00" in stamps
    with_fa = {item["published_at"].date() for item in RELEASES if "fa" in item}
    for day in (19, 20, 21):
        assert date(2025, 3, day) in with_fa
    assert date(2025, 4, 20) in with_fa  # last day of Farvardin 1404
    assert date(2025, 4, 21) in with_fa  # 1 Ordibehesht 1404


def test_demo_releases_are_marked_as_demo():
    for item in DEMO:
        assert item["demo"] is True, item["key"]
        assert item["key"].startswith("demo-"), item["key"]
        assert item["featured"] is False, item["key"]
        for code in languages(item):
            assert item[code]["body"][0] == DEMO_NOTE[code], (item["key"], code)


def test_every_language_present_is_complete_and_every_mix_is_shown():
    for item in RELEASES:
        assert "ru" in item, item["key"]
        for code in languages(item):
            assert set(item[code]) == set(FIELDS), (item["key"], code)
            assert all(plain(item[code][name]).strip() for name in FIELDS), (
                item["key"],
                code,
            )
    mix = Counter("+".join(languages(item)) for item in DEMO)
    assert set(mix) == {"ru+fa+en", "ru+en", "ru", "ru+fa"}


def test_bodies_use_only_the_html_the_admin_allows():
    for item in RELEASES:
        for code in languages(item):
            checker = TagChecker()
            checker.feed(demo.text(item[code]["body"]))
            checker.close()
            assert not checker.problems, (item["key"], code, checker.problems)
            assert not checker.stack, (item["key"], code, checker.stack)


def test_every_release_names_known_topics():
    slugs = {topic["slug"] for topic in TOPICS}
    for topic in TOPICS:
        assert set(topic["name"]) == set(LANGUAGES), topic["slug"]
    for item in RELEASES:
        assert item["topics"], item["key"]
        assert set(item["topics"]) <= slugs, item["key"]
