"""Cities and partnerships: the home-city rule, availability per language, checks."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from cities.models import AgreementDocument, City, Partnership

from .factories import make_city, make_document, make_home, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_database_refuses_a_second_home_city():
    make_home()

    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(is_home=True)


def test_validation_explains_there_is_already_a_home_city():
    make_home()
    city = City(slug="other", name_ru="Другой", country_ru="Страна", is_home=True)

    with pytest.raises(ValidationError) as error, translation.override("en"):
        city.full_clean()

    assert "There is already a home city." in str(error.value)


def test_many_cities_may_be_not_home():
    make_home()
    make_city()
    make_city()

    assert City.objects.filter(is_home=True).count() == 1
    assert City.objects.home().slug == "kazan"


def test_the_home_city_cannot_simply_stop_being_home():
    home = make_home()
    home.is_home = False

    with pytest.raises(ValidationError) as error:
        home.full_clean()

    assert "is_home" in error.value.message_dict


def test_without_a_home_city_home_is_none():
    make_city()

    assert City.objects.home() is None


def test_available_in_needs_name_and_country_in_that_language():
    both = make_city()
    russian_only = make_city(languages=("ru",))
    empty_strings = make_city(languages=("ru",), name_fa="", country_fa="")
    no_country = make_city(languages=("ru",), name_fa="شهر")

    assert set(City.objects.available_in("fa")) == {both}
    assert set(City.objects.available_in("ru")) == {
        both,
        russian_only,
        empty_strings,
        no_country,
    }
    assert russian_only.available_languages() == ["ru"]
    assert both.available_languages() == ["ru", "fa", "en"]


def test_partners_are_cities_with_a_partnership_of_any_status():
    make_home()
    active = make_partnership().partner
    ended = make_partnership(
        status=Partnership.Status.ENDED, status_since="2026-01-01"
    ).partner
    make_city()

    assert set(City.objects.partners()) == {active, ended}


def test_a_partnership_is_shown_on_its_partner_citys_page():
    city = make_city(slug="isfahan")
    partnership = make_partnership(partner=city)

    with translation.override("ru"):
        assert partnership.get_absolute_url() == "/ru/cities/isfahan/"
    assert partnership.get_absolute_url("fa") == "/fa/cities/isfahan/"
    assert city.get_absolute_url("en") == "/en/cities/isfahan/"


def test_the_home_city_cannot_be_its_own_partner():
    partnership = Partnership(partner=make_home())

    with pytest.raises(ValidationError) as error:
        partnership.full_clean()

    assert "partner" in error.value.message_dict


@pytest.mark.parametrize(
    ("status", "since", "field_in_error"),
    [
        (Partnership.Status.ACTIVE, "2026-01-01", "status_since"),
        (Partnership.Status.ENDED, "2020-01-01", "status_since"),
    ],
)
def test_status_date_must_make_sense(status, since, field_in_error):
    partnership = Partnership(
        partner=make_city(), status=status, status_since=since, signed_on="2025-04-09"
    )

    with pytest.raises(ValidationError) as error:
        partnership.full_clean()

    assert field_in_error in error.value.message_dict


def test_areas_and_languages_accept_only_known_choices():
    partnership = Partnership(
        partner=make_city(), areas=["culture", "astrology"], languages=["xx"]
    )

    with pytest.raises(ValidationError) as error:
        partnership.full_clean()

    assert set(error.value.message_dict) == {"areas", "languages"}


def test_area_and_language_names_follow_the_readers_language():
    partnership = make_partnership(areas=["culture", "youth"], languages=["fa"])

    with translation.override("en"):
        assert partnership.area_names() == ["Culture", "Youth"]
        assert partnership.language_names() == ["Persian"]
    with translation.override("fa"):
        # Django's own catalogue names the languages in Persian.
        assert partnership.language_names() == ["فارسی"]


def test_one_document_per_language_and_its_size_is_kept():
    partnership = make_partnership()
    document = make_document(partnership, language="fa")

    assert document.size == 3009
    assert document.extension == "PDF"
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(partnership, language="fa")
    assert AgreementDocument.objects.count() == 1


def test_every_change_is_kept_by_reversion():
    import reversion
    from reversion.models import Version

    city = make_city()
    with reversion.create_revision():
        city.name_en = "Renamed"
        city.save()
    partnership = make_partnership(partner=city)
    with reversion.create_revision():
        partnership.summary_en = "Changed"
        partnership.save()

    assert reversion.is_registered(City)
    assert reversion.is_registered(Partnership)
    assert Version.objects.get_for_object(city).count() == 1
    assert Version.objects.get_for_object(partnership).count() == 1
