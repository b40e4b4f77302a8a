"""Partner cities in search: their pages are results, "partner city" a filter."""

import re
from http import HTTPStatus
from urllib.parse import urlencode

import pytest

from cities.models import Partnership
from pressroom.models import SearchDocument
from tests.pressroom.factories import make_release

from .factories import (
    make_event,
    make_home,
    make_isfahan,
    make_partnership,
    make_signatory,
)

pytestmark = pytest.mark.django_db


def found(client, language, query, **params):
    response = client.get(f"/{language}/search/?{urlencode({'q': query, **params})}")
    assert response.status_code == HTTPStatus.OK
    return re.findall(
        r'<h2 class="card-title"><a href="([^"]+)"', response.content.decode()
    )


def test_a_city_page_is_found_by_its_name_in_any_case_and_ranks_first(client):
    isfahan = make_isfahan()
    make_partnership(partner=isfahan)
    make_release(languages=("ru",), body_ru="<p>Делегация из Исфахана.</p>")

    for query in ("Исфахан", "Исфахане", "Исфахана"):
        assert found(client, "ru", query)[0] == "/ru/cities/isfahan/"
    assert found(client, "fa", "اصفهان")[0] == "/fa/cities/isfahan/"
    assert found(client, "en", "Esfahan")[0] == "/en/cities/isfahan/"


def test_a_city_page_is_found_by_its_partnerships(client):
    isfahan = make_isfahan()
    partnership = make_partnership(partner=isfahan, summary_en="Tourism and culture.")
    make_signatory(partnership, name_en="Ali Ghasemzadeh")
    make_event(partnership, title_en="Delegation visits the bazaar")

    for query in ("tourism", "Ghasemzadeh", "bazaar", "sister city"):
        assert found(client, "en", query) == ["/en/cities/isfahan/"], query


def test_a_city_result_says_it_is_a_city_with_its_signing_date(client):
    make_partnership(partner=make_isfahan())

    html = client.get("/fa/search/?q=" + "اصفهان").content.decode()

    assert '<p class="result-kind">شهر</p>' in html
    assert '<time datetime="2025-04-09">۲۰\xa0فروردین\xa0۱۴۰۴</time>' in html


def test_a_city_not_named_in_a_language_is_not_found_in_it(client):
    city = make_isfahan(name_fa="", country_fa="")
    make_partnership(partner=city)

    assert found(client, "fa", "اصفهان") == []
    assert found(client, "ru", "Исфахан") == ["/ru/cities/isfahan/"]


def test_editing_a_partnership_remakes_its_city_page_document(client):
    partnership = make_partnership(partner=make_isfahan())
    partnership.summary_en = "Carpets and tiles."
    partnership.save()

    assert found(client, "en", "carpets") == ["/en/cities/isfahan/"]
    partnership.delete()
    assert found(client, "en", "carpets") == []


def test_filters_by_partner_city_releases_about_it_and_its_page(client):
    make_home()
    isfahan = make_isfahan()
    about = make_release(languages=("en",), lead_en="A delegation arrives.")
    make_release(languages=("en",), lead_en="A delegation leaves.")
    partnership = make_partnership(partner=isfahan, releases=[about])
    partnership.summary_en = "A delegation signed it."
    partnership.save()

    urls = found(client, "en", "delegation", city="isfahan")

    assert sorted(urls) == sorted(["/en/cities/isfahan/", about.get_absolute_url("en")])
    assert len(found(client, "en", "delegation")) == 3
    # The home city is no partner: it is not among the choices.
    html = client.get("/en/search/?q=delegation").content.decode()
    assert '<option value="isfahan"' in html
    assert '<option value="kazan"' not in html


def test_unlinking_a_release_from_a_partnership_takes_it_out_of_the_filter(client):
    release = make_release(languages=("en",), lead_en="A delegation arrives.")
    isfahan = make_isfahan()
    partnership = make_partnership(partner=isfahan, releases=[release])
    assert release.get_absolute_url("en") in found(
        client, "en", "delegation", city="isfahan"
    )

    partnership.releases.clear()
    assert found(client, "en", "delegation", city="isfahan") == []
    partnership.releases.add(release)
    Partnership.objects.get(pk=partnership.pk).delete()
    assert (
        "cisfahan"
        not in SearchDocument.objects.get(
            kind="release", object_id=release.pk, language="en"
        ).tags
    )


def test_an_unknown_partner_city_is_400(client):
    make_partnership(partner=make_isfahan())

    response = client.get("/en/search/?q=delegation&city=atlantis")

    assert response.status_code == HTTPStatus.BAD_REQUEST
