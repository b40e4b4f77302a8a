"""Previews: staff see a draft at its public address; a publisher hands someone
without an account a signed, expiring, revocable, recorded link."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.utils import timezone

from pressroom import roles
from pressroom.models import PressRelease, PreviewLink

from .admin_client import errors_of, logged_in, make_member
from .factories import change_url, form_data, make_release, make_staff

pytestmark = pytest.mark.django_db

BANNER = "banner-preview"


@pytest.fixture(autouse=True)
def setup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "http://testserver"
    roles.ensure_groups()


@pytest.fixture
def publisher():
    return logged_in(make_member(roles.PUBLISHERS))


def draft(**kwargs):
    kwargs.setdefault("status", PressRelease.Status.DRAFT)
    return make_release(**kwargs)


def post_link(client, release, language="fa", expires=None, follow=False):
    """Post the release page with one more preview link in its inline."""
    response = client.get(change_url(release))
    data = form_data(response)
    expires = expires or timezone.localtime() + datetime.timedelta(days=3)
    total = int(data["preview_links-TOTAL_FORMS"])
    prefix = f"preview_links-{total}"
    data.update(
        {
            "preview_links-TOTAL_FORMS": str(total + 1),
            f"{prefix}-language": language,
            f"{prefix}-expires_at_0": expires.date().isoformat(),
            f"{prefix}-expires_at_1": expires.strftime("%H:%M:%S"),
        }
    )
    return client.post(change_url(release), data, follow=follow)


def create_link(client, release, language="fa", expires=None):
    """Add a preview link through the release page; return (link, its URL)."""
    response = post_link(client, release, language, expires, follow=True)
    assert response.redirect_chain, errors_of(response)
    shown = " ".join(str(message) for message in response.context["messages"])
    url = re.search(r'href="http://testserver(/[^"]+/preview/[^"]+/)"', shown).group(1)
    return release.preview_links.latest("created_at"), url


def test_staff_open_a_draft_at_its_public_address_with_a_banner(client):
    release = draft()
    url = release.get_absolute_url("ru")
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    staff = make_staff()
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert BANNER in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"


def test_publisher_creates_a_link_that_shows_the_draft_to_anyone(publisher, client):
    release = draft(title_fa="پیش‌نویس برای اصفهان")
    link, url = create_link(publisher, release, "fa")
    assert url.startswith("/fa/preview/")
    assert link.created_by.groups.filter(name=roles.PUBLISHERS).exists()
    assert link.language == "fa"

    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "پیش‌نویس برای اصفهان" in html
    assert BANNER in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]
    # The other languages are not public: no alternates to them.
    assert 'hreflang="ru"' not in html.split("</head>")[0]
    # Recorded.
    client.get(url)
    link.refresh_from_db()
    assert link.use_count == 2
    assert link.last_used_at is not None
    # The page cache never keeps it.
    assert "X-Page-Cache" not in response


def test_only_a_hash_of_the_token_is_stored(publisher):
    link, url = create_link(publisher, draft())
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    assert token not in link.token_hash
    assert link.token_hash == PreviewLink.hash_token(token)


def test_an_expired_link_is_not_found(publisher, client):
    link, url = create_link(publisher, draft())
    PreviewLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    link.refresh_from_db()
    assert link.state == "expired"
    assert link.use_count == 0


def test_a_revoked_link_is_not_found(publisher, client):
    release = draft()
    link, url = create_link(publisher, release)
    assert client.get(url).status_code == HTTPStatus.OK
    response = publisher.get(change_url(release))
    data = form_data(response)
    data["preview_links-0-revoke"] = "on"
    response = publisher.post(change_url(release), data)
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert link.state == "revoked"
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    # Listed on the release page with its state, kept as a record.
    page = publisher.get(change_url(release)).content.decode()
    assert "link-revoked" in page
    assert PreviewLink.objects.filter(pk=link.pk).exists()


def test_a_link_opens_only_under_its_own_language(publisher, client):
    _link, url = create_link(publisher, draft(), "fa")
    assert client.get(url.replace("/fa/", "/en/", 1)).status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert client.get("/fa/preview/not-a-real-token/").status_code == (
        HTTPStatus.NOT_FOUND
    )


def test_a_link_to_a_language_without_text_is_not_found(publisher, client):
    release = draft(languages=("ru",))
    _link, url = create_link(publisher, release, "en")
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_a_link_to_a_release_published_since_leads_to_its_page(publisher, client):
    release = draft()
    _link, url = create_link(publisher, release, "ru")
    PressRelease.objects.filter(pk=release.pk).update(
        status=PressRelease.Status.PUBLISHED
    )
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == release.get_absolute_url("ru")


def test_a_link_must_expire_in_the_future_and_within_ninety_days(publisher):
    release = draft()
    response = publisher.get(change_url(release))
    for expires in (
        timezone.localtime() - datetime.timedelta(hours=1),
        timezone.localtime() + datetime.timedelta(days=91),
    ):
        data = form_data(response)
        data.update(
            {
                "preview_links-TOTAL_FORMS": "1",
                "preview_links-0-language": "ru",
                "preview_links-0-expires_at_0": expires.date().isoformat(),
                "preview_links-0-expires_at_1": expires.strftime("%H:%M:%S"),
            }
        )
        response = publisher.post(change_url(release), data)
        assert response.status_code == HTTPStatus.OK
        assert "expires_at" in errors_of(response) or "expires" in errors_of(response)
    assert not PreviewLink.objects.exists()


def test_translators_cannot_hand_out_links():
    release = draft()
    client = logged_in(make_member(roles.TRANSLATORS))
    response = client.get(change_url(release))
    assert "preview_links-TOTAL_FORMS" not in response.content.decode()
    data = form_data(response)
    data.update(
        {
            "preview_links-TOTAL_FORMS": "1",
            "preview_links-INITIAL_FORMS": "0",
            "preview_links-0-language": "ru",
            "preview_links-0-expires_at_0": "2099-01-01",
            "preview_links-0-expires_at_1": "00:00:00",
        }
    )
    client.post(change_url(release), data)
    assert not PreviewLink.objects.exists()


def test_editors_hand_out_links_too(client):
    editor = logged_in(make_member(roles.EDITORS))
    release = draft(title_ru="Черновик для партнёров")
    link, url = create_link(editor, release, "ru")
    assert link.created_by.groups.filter(name=roles.EDITORS).exists()
    assert "Черновик для партнёров" in client.get(url).content.decode()


def test_the_address_is_shown_again_on_the_form_while_valid(publisher, client):
    release = draft()
    link, url = create_link(publisher, release, "fa")
    page = publisher.get(change_url(release)).content.decode()
    assert f'value="http://testserver{url}"' in page
    # Expired: no longer shown.
    PreviewLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert url not in publisher.get(change_url(release)).content.decode()


def test_the_address_is_on_the_host_asked_when_no_site_url_is_set(settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    client = logged_in(make_member(roles.PUBLISHERS))
    client.defaults["HTTP_HOST"] = "127.0.0.1:8102"
    release = draft()
    response = post_link(client, release, "ru", follow=True)
    shown = " ".join(str(message) for message in response.context["messages"])
    assert 'href="http://127.0.0.1:8102/ru/preview/' in shown
    page = client.get(change_url(release)).content.decode()
    assert 'value="http://127.0.0.1:8102/ru/preview/' in page


def test_a_new_address_replaces_the_old_one(publisher, client):
    release = draft()
    _link, url = create_link(publisher, release, "ru")
    data = form_data(publisher.get(change_url(release)))
    data["preview_links-0-reissue"] = "on"
    response = publisher.post(change_url(release), data, follow=True)
    shown = " ".join(str(message) for message in response.context["messages"])
    new_url = re.search(r'href="http://testserver(/[^"]+/preview/[^"]+/)"', shown)[1]
    assert new_url != url
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.get(new_url).status_code == HTTPStatus.OK


def test_a_link_made_before_seeds_is_offered_a_new_address(publisher):
    release = draft()
    link, _url = create_link(publisher, release, "ru")
    PreviewLink.objects.filter(pk=link.pk).update(seed="")
    page = publisher.get(change_url(release)).content.decode()
    assert "/ru/preview/" not in page
    assert "preview_links-0-reissue" in page


def test_outsiders_are_told_it_is_an_unpublished_preview(publisher, client):
    _link, url = create_link(publisher, draft(), "fa")
    text = client.get(url).content.decode()
    assert "only staff" not in text
    assert "پیش‌نمایش" in text


def test_restoring_a_version_never_revives_a_revoked_link(publisher, client):
    from django.urls import reverse
    from reversion.models import Version

    release = draft()
    link, url = create_link(publisher, release)
    first = Version.objects.get_for_object(release).order_by("pk").first()
    PreviewLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    revision = reverse(
        "admin:pressroom_pressrelease_revision", args=[release.pk, first.pk]
    )
    response = publisher.get(revision)
    publisher.post(revision, form_data(response))
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_a_link_longer_than_allowed_is_refused_with_the_limit_in_words(publisher):
    release = draft()
    expires = timezone.localtime() + datetime.timedelta(days=91)
    response = post_link(publisher, release, "fa", expires)
    assert response.status_code == HTTPStatus.OK
    assert "не более 90 дней" in response.content.decode()
    assert not release.preview_links.exists()
