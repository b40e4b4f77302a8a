"""Self-check of the demo data module (no database, no Django needed)."""

import re
from collections import Counter
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

import pytest

from pressroom.demo_content import (
    DATELINE,
    DEMO_NOTE,
    LANGUAGES,
    RELEASES,
    SEED_KEY,
    TOPICS,
)

FIELDS = ("title", "lead", "body", "dateline")
ALLOWED_TAGS = {"p", "h2", "ul", "li", "blockquote", "strong", "em"}
MOSCOW = timedelta(hours=3)
TAG = re.compile(r"<[^>]+>")
ARABIC_YEH_KAF = re.compile("[\u064a\u0643]")
NON_PERSIAN_DIGITS = re.compile("[0-9\u0660-\u0669]")
KEY_OR_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

DEMO = [item for item in RELEASES if item["key"] != SEED_KEY]
TOPIC_SLUGS = {topic["slug"] for topic in TOPICS}


def languages(item):
    return tuple(code for code in LANGUAGES if code in item)


def published(item):
    return datetime.fromisoformat(item["published_at"])


def plain(html):
    return TAG.sub(" ", html)


def fa_texts():
    for item in RELEASES:
        if "fa" in item:
            for name in FIELDS:
                yield item["key"], name, plain(item["fa"][name])
    for topic in TOPICS:
        yield topic["slug"], "name", topic["name"]["fa"]


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


def test_keys_are_unique_ascii_kebab():
    keys = [item["key"] for item in RELEASES]
    assert len(keys) == len(set(keys))
    assert all(KEY_OR_SLUG.match(key) for key in keys)


def test_enough_releases():
    assert len(RELEASES) >= 33
    assert len(DEMO) >= 32


def test_seed_is_first_trilingual_and_dated_9_april_2025():
    seed = RELEASES[0]
    assert seed["key"] == SEED_KEY == "kazan-isfahan-sister-cities"
    assert languages(seed) == ("ru", "fa", "en")
    assert seed["published_at"] == "2025-04-09T15:30:00+03:00"
    assert published(seed).date() == date(2025, 4, 9)
    assert seed["featured"] is True
    assert not seed.get("demo")
    assert "Ильсур Метшин" in seed["ru"]["body"]
    assert "Касемзаде" in seed["ru"]["body"]
    assert "Чехель Сотун" in seed["ru"]["body"]
    assert "20 фарвардина 1404" in seed["ru"]["body"]
    assert "۲۰ فروردین ۱۴۰۴" in seed["fa"]["body"]
    assert "کاخ چهلستون" in seed["fa"]["body"]
    assert "علی قاسم\u200cزاده" in seed["fa"]["body"]
    assert "20 Farvardin 1404" in seed["en"]["body"]
    assert [seed[code]["dateline"] for code in LANGUAGES] == [
        "Исфахан",
        "اصفهان",
        "Isfahan",
    ]


@pytest.mark.parametrize(("where", "field", "text"), list(fa_texts()))
def test_persian_text_uses_persian_letters_and_digits(where, field, text):
    assert not ARABIC_YEH_KAF.search(text), (where, field)
    assert not NON_PERSIAN_DIGITS.search(text), (where, field)
    assert not re.search("[A-Za-z]", text), (where, field)


def test_persian_text_keeps_zwnj():
    bodies = [item["fa"]["body"] for item in RELEASES if "fa" in item]
    assert any("می\u200cشود" in body for body in bodies)
    assert any("توافق\u200cنامه" in body for body in bodies)
    assert not any(re.search(r"(^|\s)می\s", plain(body)) for body in bodies)


def test_nowruz_edge_dates_exist_and_have_persian():
    stamps = {item["published_at"] for item in RELEASES}
    assert "2025-03-20T23:30:00+03:00" in stamps
    with_fa = {published(item).date() for item in RELEASES if "fa" in item}
    for day in (19, 20, 21):
        assert date(2025, 3, day) in with_fa
    assert date(2025, 4, 20) in with_fa  # last day of Farvardin 1404
    assert date(2025, 4, 21) in with_fa  # 1 Ordibehesht 1404


def test_times_are_moscow_and_demo_dates_in_range():
    for item in RELEASES:
        assert item["published_at"].endswith("+03:00"), item["key"]
        assert published(item).utcoffset() == MOSCOW, item["key"]
    for item in DEMO:
        moment = published(item)
        assert date(2024, 10, 1) <= moment.date() <= date(2025, 11, 30), item["key"]
        if item["published_at"] != "2025-03-20T23:30:00+03:00":
            assert 9 <= moment.hour < 18, item["key"]


def test_at_least_ten_distinct_months():
    months = {item["published_at"][:7] for item in RELEASES}
    assert len(months) >= 10


def test_demo_releases_are_marked():
    assert "demo" not in RELEASES[0] or RELEASES[0]["demo"] is False
    for item in DEMO:
        assert item["demo"] is True, item["key"]
        assert item["key"].startswith("demo-"), item["key"]
        for code in languages(item):
            assert item[code]["body"].startswith(DEMO_NOTE[code]), (item["key"], code)
    assert DEMO_NOTE == {
        "ru": "<p><em>Демонстрационный материал.</em></p>",
        "fa": "<p><em>محتوای نمایشی.</em></p>",
        "en": "<p><em>Demo content.</em></p>",
    }


def test_every_language_present_is_complete():
    for item in RELEASES:
        assert "ru" in item, item["key"]
        for code in languages(item):
            assert set(item[code]) == set(FIELDS), (item["key"], code)
            for name in FIELDS:
                value = item[code][name]
                assert isinstance(value, str), (item["key"], code, name)
                assert value.strip(), (item["key"], code, name)


def test_language_mix():
    mix = Counter("+".join(languages(item)) for item in DEMO)
    assert mix["ru+fa+en"] >= 12
    assert mix["ru+en"] >= 6
    assert mix["ru"] >= 4
    assert mix["ru+fa"] >= 3
    assert set(mix) == {"ru+fa+en", "ru+en", "ru", "ru+fa"}


def test_demo_text_sizes_and_datelines():
    for item in DEMO:
        for code in languages(item):
            text = item[code]
            where = (item["key"], code)
            assert 60 <= len(text["title"]) <= 110, where
            paragraphs = text["body"].count("<p>") - 1  # minus the demo note
            assert 2 <= paragraphs <= 5, where
            words = len(plain(text["body"]).split())
            assert 80 <= words <= 250, where
            assert text["dateline"] == DATELINE[code], where


def test_bodies_use_only_simple_html():
    for item in RELEASES:
        for code in languages(item):
            checker = TagChecker()
            checker.feed(item[code]["body"])
            checker.close()
            assert not checker.problems, (item["key"], code, checker.problems)
            assert not checker.stack, (item["key"], code, checker.stack)


def test_topics():
    slugs = [topic["slug"] for topic in TOPICS]
    assert len(slugs) == len(set(slugs)) >= 7
    for topic in TOPICS:
        assert KEY_OR_SLUG.match(topic["slug"])
        assert set(topic["name"]) == set(LANGUAGES)
    for item in RELEASES:
        assert 1 <= len(item["topics"]) <= 3, item["key"]
        assert len(set(item["topics"])) == len(item["topics"]), item["key"]
        assert set(item["topics"]) <= TOPIC_SLUGS, item["key"]


def test_featured():
    assert all(isinstance(item["featured"], bool) for item in RELEASES)
    # The one real story leads the home page; demo items never do.
    assert not any(item["featured"] for item in DEMO)


def test_russian_has_yo_for_search_normalisation():
    with_yo = [item for item in RELEASES if "ё" in item["ru"]["body"].lower()]
    assert len(with_yo) >= 2
