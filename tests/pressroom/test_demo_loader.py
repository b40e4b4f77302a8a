"""The demo loader: idempotent, complete, and every page it makes answers."""

import datetime
import io
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from pressroom import demo
from pressroom.demo.releases import loaded_release
from pressroom.models import PressRelease, Topic

pytestmark = pytest.mark.django_db

DATA = demo.read("releases")
RELEASES, TOPICS = DATA["release"], DATA["topic"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def load_demo():
    out = io.StringIO()
    call_command("load_demo", "releases", stdout=out)
    return out.getvalue()


def test_loading_the_demo_twice_adds_nothing_the_second_time():
    load_demo()
    releases, topics = PressRelease.objects.count(), Topic.objects.count()

    output = load_demo()

    assert (PressRelease.objects.count(), Topic.objects.count()) == (releases, topics)
    assert "none added" in output


def test_a_demo_release_an_editor_retitled_or_deleted_is_not_added_again():
    load_demo()
    count = PressRelease.objects.count()
    retitled, deleted = PressRelease.objects.order_by("pk")[:2]
    retitled.title_ru = "Новый заголовок от редактора"
    retitled.save()
    deleted.delete()

    load_demo()

    assert PressRelease.objects.count() == count - 1


def test_demo_has_every_topic_and_enough_releases_in_their_languages():
    load_demo()

    assert PressRelease.objects.count() == len(RELEASES) >= 33
    assert set(Topic.objects.values_list("slug", flat=True)) == {
        topic["slug"] for topic in TOPICS
    }
    assert not PressRelease.objects.filter(topics=None).exists()
    for item in RELEASES:
        release = PressRelease.objects.get(title_ru=item["ru"]["title"])
        expected = [code for code in ("ru", "fa", "en") if code in item]
        assert release.available_languages() == expected, item["key"]
        assert release.is_public, item["key"]
    seed = loaded_release()
    assert seed.available_languages() == ["ru", "fa", "en"]
    assert seed.published_at == datetime.datetime(
        2025, 4, 9, 15, 30, tzinfo=ZoneInfo("Europe/Moscow")
    )
    assert seed.featured
    assert seed.image
    assert seed.image_renditions


def test_every_demo_release_page_answers_in_its_languages_only(client):
    load_demo()

    for release in PressRelease.objects.all():
        for code in ("ru", "fa", "en"):
            url = f"/{code}/news/{release.pk}-{release.slug_in(code)}/"
            expected = (
                HTTPStatus.OK if release.is_available_in(code) else HTTPStatus.NOT_FOUND
            )
            assert client.get(url).status_code == expected, url
    for code in ("ru", "fa", "en"):
        home = client.get(f"/{code}/")
        assert home.status_code == HTTPStatus.OK
        assert 'class="featured"' in home.content.decode()


def test_a_topic_staff_renamed_keeps_its_name():
    load_demo()
    Topic.objects.filter(slug="culture").update(name_ru="Культура и искусство")

    load_demo()

    assert Topic.objects.get(slug="culture").name_ru == "Культура и искусство"


def test_the_whole_demo_twice_adds_nothing_and_a_wrong_part_is_refused():
    from cities.models import City, Partnership
    from pressroom.desk.models import PressOfficer
    from pressroom.events.models import Event

    models = (PressRelease, Topic, PressOfficer, Event, City, Partnership)
    call_command("load_demo", stdout=io.StringIO())
    counts = [model.objects.count() for model in models]

    call_command("load_demo", stdout=io.StringIO())

    assert [model.objects.count() for model in models] == counts
    assert all(counts), counts
    with pytest.raises(CommandError, match="No demo part"):
        call_command("load_demo", "nothing")


def test_the_seed_story_keeps_its_addresses():
    load_demo()
    seed = loaded_release()

    assert seed.slug_in("en").startswith("kazan-and-isfahan-become-sister-cities")
    assert seed.slug_in("ru").startswith("казань-и-исфахан-стали-городами-побратимами")
