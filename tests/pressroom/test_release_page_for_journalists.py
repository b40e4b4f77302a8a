"""What a journalist uses on a release page: where it sits, whom to call, how to
pass it on; and the feeds' labels readers understand."""

import re
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest

from pressroom.models import PressRelease

from .factories import make_image, make_release, make_staff

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_share_links_are_plain_links_with_the_releases_address(client, language):
    release = make_release(title_en="Bridge & tunnel")
    canonical = SITE + release.get_absolute_url(language)

    html = client.get(canonical).content.decode()

    share = re.search(r'<section class="share".*?</section>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)" rel="noopener noreferrer">', share)
    hosts = [urlsplit(link.replace("&amp;", "&")).netloc or "mailto" for link in links]
    assert hosts == ["vk.com", "t.me", "x.com", "mailto"]
    for link in links:
        query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
        assert canonical in (query.get("url") or query.get("body"))
    # No script but the site's own (the copy button), no frame, no pixel.
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html)
    assert scripts == ["/static/js/share.js"]
    assert "<iframe" not in html
    assert f'value="{SITE}/{language}/news/id{release.pk}/"' in share


def test_the_press_contact_and_the_print_address_are_on_the_page(client):
    release = make_release()

    html = client.get(release.get_absolute_url("en")).content.decode()

    assert '<section class="press-contact"' in html
    assert re.search(r'href="tel:\+7', html)
    assert f'data-address="{SITE}/en/news/id{release.pk}/"' in html


def test_a_preview_offers_no_sharing(client):
    release = make_release(status=PressRelease.Status.DRAFT)
    client.force_login(
        make_staff(), backend="django.contrib.auth.backends.ModelBackend"
    )

    html = client.get(release.get_absolute_url("en")).content.decode()

    assert 'class="share"' not in html
    assert "share.js" not in html


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("ru", "Подписка на новости (<bdi>RSS/Atom</bdi>)"),
        ("fa", "اشتراک خبرها (<bdi>RSS/Atom</bdi>)"),
        ("en", "News subscription (<bdi>RSS/Atom</bdi>)"),
    ],
)
def test_feeds_are_labelled_for_people(client, language, label):
    response = client.get(f"/{language}/news/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f'<a href="/{language}/news/feed/">{label}</a>' in html
    assert ">Atom feed<" not in html


def test_other_languages_are_separated(client):
    release = make_release()

    html = client.get(release.get_absolute_url("ru")).content.decode()

    also = re.search(r'<p class="also-in">.*?</p>', html, re.S).group(0)
    assert re.search(r"فارسی</a>, <a", also)


def test_news_cards_show_the_lead_images_thumbnail(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with_image = make_release(image=make_image())
    make_release()

    html = client.get("/en/news/").content.decode()

    thumbnails = re.findall(r'<img class="card-image" src="([^"]+)"[^>]*alt=""', html)
    assert thumbnails == [with_image.image.url]
