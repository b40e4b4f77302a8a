"""Partner-city pages: every language, dates in both calendars, 404s, feeds, queries."""

import datetime
import io
import re
import xml.etree.ElementTree as ET
from http import HTTPStatus
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image

from cities.models import Partnership, TimelineEvent
from cities.sitemaps import CitySitemap
from pressroom.models import PressRelease
from tests.pressroom.factories import (
    hreflang_links,
    make_release,
    make_releases,
    visible_text,
)

from .factories import (
    make_city,
    make_document,
    make_event,
    make_home,
    make_isfahan,
    make_partnership,
    make_signatory,
)

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
LANGUAGES = ("ru", "fa", "en")
CYRILLIC = re.compile("[\u0400-\u04ff]")
# Latin and Arabic-Indic digits: a Persian page writes ۰–۹ only.
NON_PERSIAN_DIGITS = re.compile("[0-9\u0660-\u0669]")
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The signing of the Kazan–Isfahan agreement as each language's page shows it.
# A page's dates hold no-break spaces (each date stays on one line).
SIGNING = {
    "en": "April\xa09,\xa02025 (20\xa0Farvardin\xa01404)",
    "ru": "9\xa0апреля\xa02025\xa0г. (20\xa0фарвардина\xa01404\xa0г.)",
    "fa": "۲۰\xa0فروردین\xa0۱۴۰۴ (۹\xa0آوریل\xa0۲۰۲۵)",
}


@pytest.fixture(autouse=True)
def site(settings, tmp_path):
    settings.SITE_URL = SITE
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def isfahan():
    """Kazan at home, Isfahan its sister city, one release in three languages."""
    make_home()
    release = make_release(title_en="Kazan and Isfahan become sister cities")
    partnership = make_partnership(partner=make_isfahan(), releases=[release])
    make_signatory(partnership)
    make_event(partnership, kind=TimelineEvent.Kind.SIGNED, release=release)
    return partnership


def html_of(response):
    return response.content.decode()


# Every page in every language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["cities/", "cities/isfahan/"])
def test_pages_answer_in_their_language(client, isfahan, language, path):
    response = client.get(f"/{language}/{path}")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Language"] == language
    direction = "rtl" if language == "fa" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html_of(response)


@pytest.mark.parametrize("language", LANGUAGES)
def test_city_page_shows_the_signing_in_both_calendars(client, isfahan, language):
    html = html_of(client.get(f"/{language}/cities/isfahan/"))

    assert f'<time datetime="2025-04-09">{SIGNING[language]}</time>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_list_shows_kind_status_and_since(client, isfahan, language):
    html = html_of(client.get(f"/{language}/cities/"))

    assert isfahan.partner.get_absolute_url(language) in html
    with translation.override(language):
        assert str(Partnership.Kind.SISTER.label) in html
    assert '<span class="status status-active">' in html
    assert '<time datetime="2025-04-09">' in html


def test_list_groups_cities_by_country(client):
    make_home()
    for country, name in [("Иран", "Исфахан"), ("Армения", "Ереван")]:
        make_partnership(partner=make_city(country_ru=country, name_ru=name))
    make_partnership(partner=make_city(country_ru="Иран", name_ru="Тебриз"))

    html = html_of(client.get("/ru/cities/"))

    headings = re.findall(r'<h2 id="country-\d+"[^>]*>([^<]+)</h2>', html)
    assert headings == ["Армения", "Иран"]
    assert html.index("Исфахан") < html.index("Тебриз")


@pytest.mark.parametrize("language", LANGUAGES)
def test_release_appears_in_every_language_it_exists_in(client, language):
    make_home()
    both = make_release(languages=("ru", "en"))
    draft = make_release(status=PressRelease.Status.DRAFT)
    make_partnership(partner=make_isfahan(), releases=[both, draft])

    html = html_of(client.get(f"/{language}/cities/isfahan/"))

    assert (both.get_absolute_url(language) in html) is (language != "fa")
    assert draft.get_absolute_url(language) not in html
    if language == "fa":
        with translation.override(language):
            nothing = gettext(
                "There is no news about this partnership in this language yet."
            )
        assert nothing in html


def test_city_news_is_paginated(client, isfahan):
    isfahan.releases.add(*make_releases(25))

    assert client.get("/ru/cities/isfahan/?page=2").status_code == HTTPStatus.OK
    assert client.get("/ru/cities/isfahan/?page=3").status_code == HTTPStatus.NOT_FOUND


def test_city_page_shows_the_partnership_facts(client, isfahan):
    html = html_of(client.get("/en/cities/isfahan/"))

    assert "The palace" in html
    assert re.search(r"<bdi>Signatory \d+</bdi>, <bdi>Mayor</bdi>", html)
    for area in ("Culture", "Economy", "Tourism"):
        assert f"<li>{area}</li>" in html
    for language in ("Russian", "Persian", "English"):
        assert f"<li>{language}</li>" in html
    assert 'href="/en/cities/isfahan/feed/"' in html


def test_timeline_links_a_release_only_where_it_is_available(client, isfahan):
    russian = make_release(languages=("ru",))
    event = make_event(isfahan, release=russian)

    ru = html_of(client.get("/ru/cities/isfahan/"))
    en = html_of(client.get("/en/cities/isfahan/"))

    assert f'<a href="{russian.get_absolute_url("ru")}">{event.title_ru}</a>' in ru
    assert event.title_en in en
    assert f">{event.title_en}</a>" not in en


def test_upcoming_anniversary_is_shown(client, isfahan):
    html = html_of(client.get("/en/cities/isfahan/"))

    assert "Anniversaries of the signing" in html
    assert "Coming up" in html


def test_persian_page_writes_latin_names_isolated(client, isfahan):
    html = html_of(client.get("/fa/cities/isfahan/"))

    assert "<bdi>OpenStreetMap</bdi>" in html
    assert '<h1 dir="auto">اصفهان</h1>' in html


# What a Persian reader must never see


def test_persian_pages_carry_no_russian_text_and_only_persian_digits(client, isfahan):
    make_document(isfahan, language="fa", title_fa="متن توافق‌نامه ۱")
    make_partnership(partner=make_city(languages=("ru",)))
    ended = make_partnership(
        status=Partnership.Status.ENDED, status_since=datetime.date(2026, 1, 1)
    )
    make_event(ended)

    for url in [
        "/fa/cities/",
        "/fa/cities/isfahan/",
        ended.get_absolute_url("fa"),
        "/fa/cities/kazan/",
    ]:
        text = visible_text(client.get(url), skip_foreign=True)
        assert not CYRILLIC.search(text), (url, CYRILLIC.findall(text))
        assert not NON_PERSIAN_DIGITS.search(text), (url, text)


def test_city_without_a_persian_name_is_left_out_of_persian_pages(client):
    make_home()
    city = make_city(languages=("ru", "en"))
    make_partnership(partner=city)

    assert city.name_ru in html_of(client.get("/ru/cities/"))
    assert city.get_absolute_url("fa") not in html_of(client.get("/fa/cities/"))
    assert client.get(city.get_absolute_url("fa")).status_code == HTTPStatus.NOT_FOUND


def test_city_page_offers_only_the_languages_it_exists_in(client):
    city = make_city(languages=("ru", "en"))
    make_partnership(partner=city)

    links = hreflang_links(client.get(city.get_absolute_url("en")))

    assert links == {
        "ru": f"{SITE}{city.get_absolute_url('ru')}",
        "en": f"{SITE}{city.get_absolute_url('en')}",
        "x-default": f"{SITE}{city.get_absolute_url('ru')}",
    }


def test_texts_missing_in_a_language_are_left_out_not_replaced(client, isfahan):
    person = make_signatory(isfahan, name_fa="", office_fa="")
    event = make_event(isfahan, title_fa="")

    fa = html_of(client.get("/fa/cities/isfahan/"))
    ru = html_of(client.get("/ru/cities/isfahan/"))

    assert person.name_ru in ru
    assert event.title_ru in ru
    assert person.name_ru not in fa
    assert event.title_ru not in fa


# States that must render sensibly


def test_city_with_no_partnership(client):
    make_home()
    city = make_city()

    response = client.get(city.get_absolute_url("en"))

    assert response.status_code == HTTPStatus.OK
    assert "No partnership agreement with this city is on record." in html_of(response)
    assert city.get_absolute_url("en") not in html_of(client.get("/en/cities/"))


def test_home_city_page(client, isfahan):
    response = client.get("/en/cities/kazan/")

    assert response.status_code == HTTPStatus.OK
    # Translations are text, escaped as any text: the apostrophe is &#39;.
    assert "Kazan is the press service&#39;s own city." in html_of(response)


def test_ended_partnership(client):
    make_home()
    partnership = make_partnership(
        signed_on=datetime.date(2012, 5, 15),
        status=Partnership.Status.ENDED,
        status_since=datetime.date(2020, 12, 31),
    )

    response = client.get(partnership.get_absolute_url("en"))
    html = html_of(response)

    assert response.status_code == HTTPStatus.OK
    assert 'ended <time datetime="2020-12-31">December\xa031,\xa02020</time>' in html
    assert "Coming up" not in html
    assert "5 years" in html  # celebrated before it ended


def test_suspended_partnership(client):
    make_home()
    partnership = make_partnership(
        status=Partnership.Status.SUSPENDED, status_since=datetime.date(2026, 2, 1)
    )

    html = html_of(client.get(partnership.get_absolute_url("en")))

    assert 'suspended since <time datetime="2026-02-01">' in html


def test_partnership_with_no_document(client, isfahan):
    html = html_of(client.get("/en/cities/isfahan/"))

    assert "Not published on this site." in html


def test_partnership_with_documents_offers_each_language(client, isfahan):
    make_document(isfahan, language="fa")
    make_document(isfahan, language="en", title_en="Agreement (English)")

    html = html_of(client.get("/en/cities/isfahan/"))

    assert "Not published on this site." not in html
    assert re.search(r'hreflang="fa" download>The text in Persian</a>', html)
    assert re.search(r'hreflang="en" download><bdi>Agreement \(English\)</bdi>', html)
    assert "<bdi>PDF</bdi> · 3 KB" in html


def test_partnership_without_signing_date(client):
    make_home()
    partnership = make_partnership(signed_on=None)

    response = client.get(partnership.get_absolute_url("fa"))

    assert response.status_code == HTTPStatus.OK
    assert "Anniversaries of the signing" not in html_of(response)


# The map


def test_list_draws_an_accessible_map_from_the_coordinates(client, isfahan):
    make_partnership(partner=make_city())  # no coordinates: listed, not drawn

    html = html_of(client.get("/en/cities/"))
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)

    assert 'role="group" aria-labelledby="map-title" aria-describedby="map-desc"' in svg
    assert '<title id="map-title">Map of the partner cities</title>' in svg
    assert '<desc id="map-desc">' in svg
    assert svg.count("<circle") == 2
    assert svg.count('class="map-line"') == 1
    # Each city is a link to its page, the home city too.
    assert re.search(
        r'<a class="map-city map-home" href="/en/cities/kazan/">\s*<circle[^>]*/>'
        r"\s*<text[^>]*>Kazan",
        svg,
    )
    assert re.search(r'<a class="map-city" href="/en/cities/isfahan/">', svg)
    # Land and borders from Natural Earth, not a bare grid.
    assert svg.count("<path d=") >= 5
    assert "<script" not in html
    # Kazan lies north of Isfahan: a smaller y.
    ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', svg)]
    assert ys[0] < ys[1]
    # On phones (one column) the list comes first, then the map.
    assert html.index('class="cities-by-country"') < html.index('class="city-map"')


def test_map_coordinates_are_not_localized_in_russian(client, isfahan):
    html = html_of(client.get("/ru/cities/"))
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)

    # Russian writes a decimal comma; SVG needs a point.
    assert not re.search(r'(cx|cy|x|y)="\d+,\d', svg)


def test_no_map_without_coordinates(client):
    make_partnership(partner=make_city())

    html = html_of(client.get("/en/cities/"))

    assert "<svg" not in html


# Bad input


@pytest.mark.parametrize(
    "url",
    [
        "/ru/cities/nowhere/",
        "/ru/cities/казань/",
        f"/ru/cities/{quote('казань')}/",
        f"/fa/cities/{quote('اصفهان')}/",
        "/fa/cities/اصفهان/",
        "/en/cities/nowhere/feed/",
        f"/fa/cities/{quote('اصفهان')}/feed/",
        "/en/cities/isfahan/?page=0",
        "/en/cities/isfahan/?page=x",
    ],
)
def test_bad_addresses_are_404(client, isfahan, url):
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_feed_of_a_city_missing_in_the_language_is_404(client):
    city = make_city(languages=("ru",))

    assert (
        client.get(f"/en/cities/{city.slug}/feed/").status_code == HTTPStatus.NOT_FOUND
    )


# Feeds


@pytest.mark.parametrize("language", LANGUAGES)
def test_city_feed_is_atom_in_the_readers_language(client, isfahan, language):
    russian_only = make_release(languages=("ru",))
    isfahan.releases.add(russian_only)

    response = client.get(f"/{language}/cities/isfahan/feed/")
    root = ET.fromstring(response.content)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/atom+xml")
    assert root.tag == f"{ATOM}feed"
    assert root.get(XML_LANG) == language
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == (2 if language == "ru" else 1)
    assert all(entry.get(XML_LANG) == language for entry in entries)
    assert (
        root.find(f"{ATOM}link[@rel='self']")
        .get("href")
        .endswith(f"/{language}/cities/isfahan/feed/")
    )


# The release page links back


def test_release_page_links_to_its_partnership(client, isfahan):
    release = isfahan.releases.get()

    html = html_of(client.get(release.get_absolute_url("ru")))

    assert release.get_absolute_url("ru").startswith(f"/ru/news/{release.pk}-")
    assert '<a href="/ru/cities/isfahan/">Исфахан</a>' in html


# A fixed number of queries, whatever the amount of content


def populate_list(size):
    make_home()
    for _ in range(size):
        partnership = make_partnership(
            partner=make_city(latitude="40", longitude="45"),
            releases=make_releases(2),
        )
        make_partnership(
            partner=partnership.partner,
            status=Partnership.Status.ENDED,
            status_since=datetime.date(2026, 1, 1),
        )


def populate_city(size):
    make_home()
    releases = make_releases(size * 2)
    partnership = make_partnership(partner=make_isfahan(), releases=releases)
    for index in range(size):
        make_signatory(partnership)
        make_event(partnership, release=releases[index])
        make_document(partnership, language=LANGUAGES[index])
    make_partnership(partner=partnership.partner, releases=releases[:1])


@pytest.mark.parametrize("size", [1, 3])
def test_list_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, size
):
    populate_list(size)

    # The home city, the partner cities, their partnerships.
    with django_assert_num_queries(3):
        response = client.get("/fa/cities/")

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("size", [1, 3])
def test_city_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, size
):
    populate_city(size)

    # The city; its partnerships with their signatories, documents, events and the
    # events' releases; the home city; the releases counted and listed.
    with django_assert_num_queries(9):
        response = client.get("/en/cities/isfahan/")

    assert response.status_code == HTTPStatus.OK


# Emblem and sitemap


def test_emblem_is_shown_with_its_size_and_a_description(client):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (11, 92, 74)).save(buffer, "PNG")
    city = make_city(emblem=ContentFile(buffer.getvalue(), name="emblem.png"))

    html = html_of(client.get(city.get_absolute_url("en")))

    assert re.search(
        rf'<img class="city-emblem" src="[^"]+" width="60" height="80" '
        rf'alt="Emblem of {city.name_en}">',
        html,
    )


def test_sitemap_lists_each_city_in_the_languages_it_exists_in():
    full = make_city(slug="full")
    make_city(slug="partial", languages=("ru", "en"))

    urls = CitySitemap().get_urls()

    locations = sorted(url["location"] for url in urls)
    assert locations == [
        f"{SITE}/en/cities/full/",
        f"{SITE}/en/cities/partial/",
        f"{SITE}/fa/cities/full/",
        f"{SITE}/ru/cities/full/",
        f"{SITE}/ru/cities/partial/",
    ]
    first = next(url for url in urls if url["item"] == (full, "ru"))
    assert {link["lang_code"] for link in first["alternates"]} == {
        "ru",
        "fa",
        "en",
        "x-default",
    }
