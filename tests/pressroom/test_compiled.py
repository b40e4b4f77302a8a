"""Compiled queries answer exactly what their querysets answer, with new values."""

import datetime

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from pressroom.compiled import CompiledQuery, CompileError
from pressroom.models import PressRelease, Topic

from .factories import ago, make_release, make_releases, make_topic

pytestmark = pytest.mark.django_db

LISTED = CompiledQuery(
    lambda now: PressRelease.objects.listed(now=now).summaries("revised_at")
)
IDS = CompiledQuery(
    lambda now, start: (
        PressRelease.objects.listed(now=now)
        .filter(published_at__gte=start)
        .values_list("pk", flat=True)
    )
)
PAIRS = CompiledQuery(
    lambda ids: PressRelease.objects.filter(pk__in=ids).values_list(
        "published_at", "pk"
    )
)


def test_rows_are_the_querysets_rows_with_their_values_converted():
    make_releases(3)
    make_release(published_at=ago(hours=-1))  # scheduled: not listed yet
    now = timezone.now()
    expected = list(PressRelease.objects.listed(now=now))

    with translation.override("ru"):
        found = LISTED(now)
        assert [release.pk for release in found] == [r.pk for r in expected]
        for release, model in zip(found, expected, strict=True):
            assert release.title == model.title_ru
            assert release.published_at == model.published_at  # aware, converted
            assert release.get_absolute_url("ru") == model.get_absolute_url("ru")
            assert not release._state.adding


def test_the_same_compiled_sql_answers_for_other_values():
    old = make_release(published_at=ago(days=10))
    new = make_release(published_at=ago(days=1))
    now = timezone.now()

    assert IDS(now, ago(days=20)) == [new.pk, old.pk]
    assert IDS(now, ago(days=5)) == [new.pk]
    assert IDS(ago(days=5), ago(days=20)) == [old.pk]  # an earlier "now"


def test_a_page_of_rows_by_limit_and_offset():
    releases = make_releases(5)
    newest_first = sorted(releases, key=lambda r: (r.published_at, r.pk))[::-1]
    now = timezone.now()
    assert IDS(now, ago(days=400), limit=2, offset=1) == [
        release.pk for release in newest_first[1:3]
    ]


def test_lists_of_values_and_values_list_in_the_order_asked():
    releases = make_releases(3)
    ids = [release.pk for release in releases]

    assert sorted(PAIRS(ids)) == sorted((r.published_at, r.pk) for r in releases)
    assert PAIRS(ids[:1]) == [(releases[0].published_at, releases[0].pk)]
    assert PAIRS([]) == []


def test_loaded_fields_only_and_no_query_for_them():
    make_release()
    with translation.override("ru"):
        release = LISTED(timezone.now())[0]
        with CaptureQueriesContext(connection) as queries:
            assert release.title and release.lead and release.revised_at is None
    assert len(queries) == 0


def test_a_related_exists_query_with_a_list_value():
    topic, other = make_topic(), make_topic()
    tagged = make_release(topics=[topic])
    make_release(topics=[other])
    related = CompiledQuery(
        lambda topics: PressRelease.objects.filter(
            Exists(
                PressRelease.topics.through.objects.filter(
                    pressrelease_id=OuterRef("pk"), topic_id__in=topics
                )
            )
        ).values_list("pk", flat=True)
    )
    assert related([topic.pk]) == [tagged.pk]
    assert sorted(related([topic.pk, other.pk])) == sorted(
        PressRelease.objects.values_list("pk", flat=True)
    )


def test_a_value_folded_into_the_sql_is_refused():
    sliced = CompiledQuery(lambda n: Topic.objects.all()[:n])
    with pytest.raises((CompileError, TypeError)):
        sliced(3)


def test_an_integer_beyond_the_database_is_refused():
    with pytest.raises(ValueError):
        IDS(timezone.now(), 2**70)


def test_datetimes_keep_their_microseconds():
    moment = ago(days=2).replace(microsecond=123456)
    release = make_release(published_at=moment)
    assert IDS(timezone.now(), moment) == [release.pk]
    assert IDS(timezone.now(), moment + datetime.timedelta(microseconds=1)) == []
