"""The site as a whole: languages, the root address, migrations, start-up, bad input."""

import os
import re
import subprocess
import sys
from http import HTTPStatus
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from pressroom.shell.alternates import page_alternates
from tests.pressroom.factories import make_release, switcher_links

BASE_DIR = Path(__file__).resolve().parent.parent
LANGUAGES = ("ru", "fa", "en")
CYRILLIC = re.compile("[\u0400-\u04ff]")
PERSIAN = re.compile("[\u0600-\u06ff]")


def html_lang(response):
    match = re.search(r'<html lang="(\w+)" dir="(\w+)">', response.content.decode())
    return match and match.groups()


# Languages


def test_languages_are_russian_first_then_persian_and_english():
    assert [code for code, _name in settings.LANGUAGES] == list(LANGUAGES)
    assert settings.LANGUAGE_CODE == "ru"
    assert translation.get_language_info("fa")["bidi"]
    assert not translation.get_language_info("ru")["bidi"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "direction"), [("ru", "ltr"), ("fa", "rtl"), ("en", "ltr")]
)
def test_home_page_declares_its_language_and_direction(client, language, direction):
    response = client.get(f"/{language}/")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Language"] == language
    assert html_lang(response) == (language, direction)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "script"), [("ru", CYRILLIC), ("fa", PERSIAN), ("en", None)]
)
def test_interface_strings_are_translated_in_each_language(client, language, script):
    with translation.override(language):
        news = gettext("News")
        search = gettext("Search")

    if script is None:
        assert (news, search) == ("News", "Search")
    else:
        assert script.search(news), news
        assert script.search(search), search
    html = client.get(f"/{language}/").content.decode()
    assert f">{news}</a>" in html
    assert f">{search}</a>" in html


# The root address


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "language"),
    [
        (None, "ru"),
        ("fa", "fa"),
        ("fa-IR,fa;q=0.9,en;q=0.5", "fa"),
        ("en-US,en;q=0.9", "en"),
        ("de-DE,de;q=0.9", "ru"),
        ("de, en;q=0.5", "en"),
        ("ru-RU", "ru"),
        ("*", "ru"),
    ],
)
def test_root_redirects_to_the_readers_best_language(client, accept_language, language):
    headers = {"accept-language": accept_language} if accept_language else {}

    response = client.get("/", headers=headers)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"/{language}/"
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept_language",
    [
        ";;;q=abc,,*-*-*",
        "x" * 10_000,
        "fa;q=" + "9" * 10_000,
        ",".join(["en;q=0.1"] * 2_000),
        "fa;q=NaN, en;q=-1, ru;q=2",
        "\u0444\u0430",
        "\x00\x01",
        "",
    ],
    ids=[
        "punctuation",
        "10kb-junk",
        "10kb-quality",
        "2000-entries",
        "bad-qualities",
        "non-latin",
        "control-chars",
        "empty",
    ],
)
def test_root_survives_garbage_accept_language(client, accept_language):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] in {"/ru/", "/fa/", "/en/"}


@pytest.mark.django_db
def test_root_accepts_only_safe_methods(client):
    assert client.head("/").status_code == HTTPStatus.FOUND
    assert client.post("/").status_code in (
        HTTPStatus.METHOD_NOT_ALLOWED,
        HTTPStatus.FORBIDDEN,
    )


@pytest.mark.django_db
def test_address_without_a_language_redirects_to_the_readers_language(client):
    response = client.get("/news/", headers={"accept-language": "fa"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/fa/news/"


# The language switcher


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["", "news/", "about/", "search/"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_leads_to_the_same_page_in_the_other_languages(client, page, language):
    response = client.get(f"/{language}/{page}")

    links = switcher_links(response)
    assert links == {
        other: f"/{other}/{page}" for other in LANGUAGES if other != language
    }
    for url in links.values():
        assert client.get(url).status_code == HTTPStatus.OK


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/ru/",
        "/fa/news/?page=2&topic=culture",
        "/en/topics/culture/",
        "/ru/search/?q=%D0%BC%D0%BE%D1%81%D1%82",
        "/fa/cities/",
        "/en/cities/isfahan/",
        "/ru/about/",
        "/fa/news/feed/",
    ],
)
def test_a_pages_alternates_are_what_translate_url_gives(rf, path):
    """The alternates swap the language prefix, which equals Django's
    translate_url() while no URL pattern is translated."""
    language = path.split("/")[1]
    request = rf.get(path)
    with translation.override(language):
        expected = {code: translate_url(path, code) for code in LANGUAGES}
        # Other languages get a list's first page (each has its own page count).
        expected = {
            code: url if code == language else url.replace("page=2&", "")
            for code, url in expected.items()
        }
        assert page_alternates(request) == expected


@pytest.mark.django_db
def test_switcher_names_each_language_in_itself(client):
    html = client.get("/en/").content.decode()

    assert 'hreflang="ru" lang="ru" dir="ltr">Русский</a>' in html
    assert 'hreflang="fa" lang="fa" dir="rtl">فارسی</a>' in html
    assert 'lang="en" dir="ltr">English</span>' in html


# Migrations and start-up


@pytest.mark.django_db
def test_models_have_no_pending_migrations():
    # Raises SystemExit when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DJANGO_DEBUG", "DJANGO_SECRET_KEY")
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
    assert "Traceback" in result.stderr  # a plain failure, not a silent default


# Bad addresses: the right 3xx or 4xx in a sensible language, never a 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "accept_language", "language"),
    [
        ("/xx/", None, "ru"),
        ("/xx/", "fa", "fa"),
        ("/de/news/", None, "ru"),
        ("/de/news/", "en", "en"),
        ("/ru/news/%00/", None, "ru"),
        ("/fa/news/%00/", None, "fa"),
        ("/ru/news/../", None, "ru"),
        ("/ru/%E0%A4%A/", None, "ru"),
        ("/fa/%E0%A4%A/", None, "fa"),
        ("/ru/news/%FF%FE/", None, "ru"),
        ("/ru/" + "a" * 5000, None, "ru"),
        ("/ru/news/" + "a" * 5000 + "/", None, "ru"),
        ("/" + "a" * 5000, None, "ru"),
        ("/fa/news/" + "%D8%A8" * 1000 + "/", None, "fa"),
        ("/ru/news/1" + "0" * 5000 + "-x/", None, "ru"),
        ("/ru/news/id" + "9" * 5000 + "/", None, "ru"),
        ("/ru/topics/%00/", None, "ru"),
        ("/en/news/2025/04/%3Cscript%3E/", None, "en"),
    ],
)
def test_bad_address_is_404_in_a_sensible_language(
    client, path, accept_language, language
):
    headers = {"accept-language": accept_language} if accept_language else {}

    response = client.get(path, headers=headers)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Language"] == language
    assert html_lang(response) == (language, "rtl" if language == "fa" else "ltr")


@pytest.mark.django_db
def test_overlong_slug_redirects_to_the_canonical_address(client):
    release = make_release()

    response = client.get(f"/ru/news/{release.pk}-{'я' * 5000}/")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == release.get_absolute_url("ru")
