"""A preview link shows one language of a release that is not public, and
nothing of its other languages: not their titles, not their addresses."""

import json
import re
from http import HTTPStatus
from urllib.parse import unquote

import pytest

from pressroom.models import PressRelease, PreviewLink

from .factories import make_release

pytestmark = pytest.mark.django_db

RUSSIAN_TITLE = "Секретный мост через Казанку"
PERSIAN_TITLE = "پل مخفی بر روی رود کازانکا"


def preview_url(release, language):
    link = PreviewLink(release=release, language=language)
    token = link.issue_token()
    link.save()
    return link.url(token)


@pytest.fixture
def draft(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_release(
        status=PressRelease.Status.DRAFT,
        title_ru=RUSSIAN_TITLE,
        title_fa=PERSIAN_TITLE,
        title_en="A bridge over the Kazanka",
    )


def json_ld(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_an_english_preview_names_no_other_language(client, draft):
    response = client.get(preview_url(draft, "en"))
    assert response.status_code == HTTPStatus.OK
    html = unquote(response.content.decode())
    assert "A bridge over the Kazanka" in html
    for secret in (RUSSIAN_TITLE, PERSIAN_TITLE, draft.slug_ru, draft.slug_fa):
        assert secret not in html
    assert "/ru/news/" not in html and "/fa/news/" not in html
    data = json_ld(response.content.decode())
    assert data["inLanguage"] == "en"
    assert not data.get("workTranslation")


def test_staff_still_see_the_other_languages_of_a_draft(client, draft):
    from .factories import make_staff

    client.force_login(make_staff())
    response = client.get(draft.get_absolute_url("en"))
    data = json_ld(response.content.decode())
    assert {item["inLanguage"] for item in data["workTranslation"]} == {"ru", "fa"}
