"""The demo loader: idempotent, true to the seed story, with its demo towns marked."""

import re
from http import HTTPStatus

import pytest
from django.core.management import call_command

from cities.models import AgreementDocument, City, Partnership, Signatory, TimelineEvent
from pressroom import demo as demo_data
from pressroom.demo.releases import loaded_release
from pressroom.models import PressRelease
from tests.pressroom.factories import make_release

pytestmark = pytest.mark.django_db

MODELS = (City, Partnership, Signatory, AgreementDocument, TimelineEvent)
# The strings issue 5 asks the Isfahan page to show, each in <time datetime>.
SIGNING = {
    "en": ["20 Farvardin 1404"],
    "ru": ["20 фарвардина 1404"],
    "fa": ["۲۰ فروردین ۱۴۰۴", "۹ آوریل ۲۰۲۵"],
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def make_seed_release():
    """The seed story's release as pressroom's `load_demo` makes it, minus the
    pictures and the other demo news that make that command slow."""
    item = demo_data.read("releases")["release"][0]
    fields = {
        f"{name}_{code}": demo_data.text(item[code][name])
        for code in ("ru", "fa", "en")
        for name in ("title", "lead", "body", "dateline")
    }
    return make_release(published_at=item["published_at"], **fields)


def load_cities():
    call_command("load_demo", "partners")


@pytest.fixture
def demo():
    make_seed_release()
    load_cities()


def counts():
    return {
        model.__name__: model.objects.count() for model in (*MODELS, PressRelease)
    } | {"releases": Partnership.releases.through.objects.count()}


def test_loading_twice_after_the_real_load_demo_adds_nothing():
    call_command("load_demo", "releases")
    load_cities()
    before = counts()

    load_cities()

    assert counts() == before
    assert Partnership.objects.get(partner__slug="isfahan").releases.count() == 1


def test_loading_twice_adds_nothing(demo):
    before = counts()

    load_cities()

    assert counts() == before
    assert before["City"] == 4
    assert before["Partnership"] == 3


def test_kazan_is_home_and_isfahan_its_sister_city(demo):
    seed = loaded_release()
    isfahan = Partnership.objects.get(partner__slug="isfahan")

    assert City.objects.home().slug == "kazan"
    assert isfahan.kind == Partnership.Kind.SISTER
    assert isfahan.status == Partnership.Status.ACTIVE
    assert isfahan.signed_on.isoformat() == "2025-04-09"
    assert isfahan.partner.calendar == "jalali"
    assert isfahan.areas == ["culture", "economy", "tourism"]
    assert isfahan.languages == ["ru", "fa", "en"]
    assert "Chehel Sotoun" in isfahan.signed_at_en
    assert [person.name_en for person in isfahan.signatories.all()] == [
        "Ilsur Metshin",
        "Ali Ghasemzadeh",
    ]
    assert list(isfahan.releases.all()) == [seed]
    assert not isfahan.documents.exists()
    assert not isfahan.partner.is_demo


def test_every_other_city_is_marked_demo(demo):
    others = City.objects.exclude(slug__in=["kazan", "isfahan"])

    assert others.count() == 2
    assert all(city.is_demo and city.country_en == "Demo" for city in others)
    statuses = set(
        Partnership.objects.filter(partner__in=others).values_list("status", flat=True)
    )
    assert statuses == {Partnership.Status.ENDED, Partnership.Status.SUSPENDED}


def test_loading_cities_before_the_releases_still_works():
    load_cities()
    make_seed_release()
    load_cities()

    isfahan = Partnership.objects.get(partner__slug="isfahan")
    assert isfahan.releases.count() == 1
    assert isfahan.events.get().release is not None


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_isfahan_page_from_the_demo(client, demo, language):
    seed = loaded_release()

    response = client.get(f"/{language}/cities/isfahan/")
    html = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    times = re.findall(r'<time datetime="2025-04-09">([^<]*)</time>', html)
    for text in SIGNING[language]:
        # A page's dates hold no-break spaces.
        assert any(text.replace(" ", "\xa0") in time for time in times), (text, times)
    assert seed.get_absolute_url(language) in html


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
@pytest.mark.parametrize("slug", ["", "isfahan/", "demo-town/", "second-demo-town/"])
def test_demo_pages_answer(client, demo, language, slug):
    response = client.get(f"/{language}/cities/{slug}")

    assert response.status_code == HTTPStatus.OK
    if slug.startswith("demo") or slug.startswith("second"):
        assert 'class="banner banner-demo"' in response.content.decode()


def test_what_staff_changed_is_not_loaded_back(demo):
    City.objects.filter(slug="isfahan").update(name_en="Esfahan")
    TimelineEvent.objects.filter(release__isnull=False).update(title_en="Signed")

    load_cities()

    assert City.objects.get(slug="isfahan").name_en == "Esfahan"
    assert TimelineEvent.objects.get(release__isnull=False).title_en == "Signed"
