"""The edges: methods other than GET and HEAD on public pages, request bodies over
their allowance, and admin list filters with values no database can hold."""

import io
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation

from pressroom import calendars
from tests.cities.factories import make_isfahan, make_partnership
from tests.pressroom.factories import make_event, make_release, make_topic, make_user

pytestmark = pytest.mark.django_db

NOT_SAFE = ("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")
# Public routes answered by a redirect or a file rather than a page; each is
# still checked below, with an address of its own.
SPECIAL_ROUTES = {"root", "media", "pressroom:short", "pressroom:preview"}
# Public forms: a reader posts them (subscribing, an accreditation request, the
# signed links of a subscription); nothing else but GET and HEAD.
FORM_ROUTES = {
    "alerts:subscribe",
    "alerts:confirm",
    "alerts:manage",
    "alerts:unsubscribe",
    "desk:desk",
}


def route_names(patterns=None, namespace=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from route_names(entry.url_patterns, inner)
        elif entry.name:
            yield f"{namespace}{entry.name}"


def public_route_names():
    return {
        name
        for name in route_names()
        if not name.startswith(("admin:", "rosetta", "otp"))
        and not reverse_is_admin(name)
    }


def reverse_is_admin(name):
    try:
        return reverse(name).startswith("/admin/")
    except Exception:  # a route with parameters: not one of the admin's bare ones
        return False


@pytest.fixture
def public_pages(settings, tmp_path):
    """{route name: address} for a page of every public route, in Persian."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4\n")
    topic = make_topic(slug="culture")
    release = make_release(topics=[topic])
    make_partnership(partner=make_isfahan(), releases=[release])
    event = make_event()
    year, month = calendars.month_of(release.published_at, calendars.JALALI)
    with translation.override("fa"):
        pages = {
            "pressroom:home": reverse("pressroom:home"),
            "pressroom:list": reverse("pressroom:list"),
            "pressroom:feed": reverse("pressroom:feed"),
            # The release's own Jalali month: a period without news is a 404.
            "pressroom:archive-year": reverse("pressroom:archive-year", args=[year]),
            "pressroom:archive-month": reverse(
                "pressroom:archive-month", args=[year, month]
            ),
            "pressroom:detail": release.get_absolute_url("fa"),
            "pressroom:short": reverse("pressroom:short", args=[release.pk]),
            "pressroom:preview": reverse("pressroom:preview", args=["x" * 43]),
            "pressroom:topic": reverse("pressroom:topic", args=["culture"]),
            "pressroom:topic-feed": reverse("pressroom:topic-feed", args=["culture"]),
            "pressroom:search": reverse("pressroom:search") + "?q=x",
            "pressroom:about": reverse("pressroom:about"),
            "cities:list": reverse("cities:list"),
            "cities:detail": reverse("cities:detail", args=["isfahan"]),
            "cities:feed": reverse("cities:feed", args=["isfahan"]),
            "events:list": reverse("events:list"),
            "events:feed": reverse("events:feed"),
            "events:month": reverse("events:month", args=[1404, 1]),
            "events:detail": reverse("events:detail", args=[event.pk]),
            "events:ics": reverse("events:ics", args=[event.pk]),
        }
    pages |= {
        "root": "/",
        "robots": reverse("robots"),
        "sitemap": reverse("sitemap"),
        "sitemap-section": reverse("sitemap-section", args=["releases"]),
        "media": "/media/doc.pdf",
    }
    return pages


@pytest.fixture
def public_forms():
    """{route name: address} of every public form, in Persian."""
    with translation.override("fa"):
        forms = {
            "alerts:subscribe": reverse("alerts:subscribe"),
            "desk:desk": reverse("desk:desk"),
        }
        for name in ("alerts:confirm", "alerts:manage", "alerts:unsubscribe"):
            forms[name] = reverse(name, args=["x" * 40])
    return forms


def test_every_public_route_is_checked_for_methods(public_pages, public_forms):
    missing = (
        public_route_names()
        - set(public_pages)
        - set(public_forms)
        - {"rosetta.translate_text"}
    )
    assert not missing, f"add an address for {sorted(missing)} to public_pages"
    assert set(public_forms) == FORM_ROUTES


@pytest.mark.parametrize("method", ("PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"))
def test_public_forms_answer_only_get_head_and_post(public_forms, method):
    client = Client(enforce_csrf_checks=True)
    for name, path in public_forms.items():
        response = client.generic(method, path)
        assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED, (name, method)
        assert response["Allow"] == "GET, HEAD, POST", name


@pytest.mark.parametrize("method", NOT_SAFE)
def test_public_pages_answer_only_get_and_head(public_pages, method):
    client = Client(enforce_csrf_checks=True)  # as a browser meets the site
    for name, path in public_pages.items():
        response = client.generic(method, path)
        assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED, (name, method)
        assert response["Allow"] == "GET, HEAD", name


def test_public_pages_still_answer_get_and_head(client, public_pages):
    for name, path in public_pages.items():
        for method in ("GET", "HEAD"):
            response = client.generic(method, path)
            assert response.status_code < HTTPStatus.BAD_REQUEST or name in {
                "pressroom:preview"
            }, (name, method, response.status_code)


# Request bodies


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


FORTY_MEGABYTES = 40 * 1024 * 1024


def huge_post(client, path, **extra):
    """A multipart POST declaring 40 MB; its body cannot be read."""
    return client.generic(
        "POST",
        path,
        data=b"x",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(FORTY_MEGABYTES),
        **{"wsgi.input": Unreadable()},
        **extra,
    )


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_an_anonymous_huge_post_to_the_sign_in_page_is_refused_unread(language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    response = huge_post(client, reverse("admin:login"))
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    # An error: kept by no cache (the page cache adds `private` to it).
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "no-store" in directives
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    expected = {"ru": "Слишком много данных", "fa": "داده", "en": "Too much data"}
    assert expected[language] in html


def test_an_anonymous_huge_post_to_a_public_page_is_refused_unread(client):
    response = huge_post(client, "/en/search/")
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE


def test_staff_may_send_more_than_anonymous_senders(settings):
    settings.ANONYMOUS_REQUEST_BODY_LIMIT = 1000
    staff = Client()
    staff.force_login(make_user(is_staff=True, is_superuser=True))
    body = {"title_ru": "x" * 5000}
    response = staff.post(reverse("admin:pressroom_topic_add"), body)
    assert response.status_code == HTTPStatus.OK  # the form, with its errors
    assert Client().post(reverse("admin:login"), body).status_code == (
        HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    )


def test_staff_bodies_have_a_limit_too(settings):
    settings.STAFF_REQUEST_BODY_LIMIT = 10_000
    staff = Client()
    staff.force_login(make_user(is_staff=True, is_superuser=True))
    response = staff.post(reverse("admin:pressroom_topic_add"), {"x": "y" * 20_000})
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE


def test_a_content_length_that_is_no_number_is_no_server_error(client):
    response = client.generic("GET", "/en/", CONTENT_LENGTH="lots")
    assert response.status_code == HTTPStatus.OK


# Admin list filters


HUGE = "99999999999999999999"
BAD_VALUES = [HUGE, "-" + HUGE, "1e400", "%00", "x" * 300, "٣", "2025-13-45"]


@pytest.fixture
def superuser(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_user(is_staff=True, is_superuser=True)


@pytest.fixture
def superuser_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def changelists(user):
    """(model, address) of every list in the admin."""
    request = RequestFactory().get("/admin/")
    request.user = user
    for app in admin.site.get_app_list(request):
        for model in app["models"]:
            if model.get("admin_url"):
                yield model["model"], model["admin_url"]


def filter_queries(model):
    """Query strings with impossible values for the model's own fields."""
    queries = []
    for index, field in enumerate(model._meta.concrete_fields):
        value = BAD_VALUES[index % len(BAD_VALUES)]
        queries.append(f"{field.name}={value}")
        queries.append(f"{field.name}__exact={HUGE}")
        if field.get_internal_type() in ("DateTimeField", "DateField"):
            queries += [
                f"{field.name}__year=2025&{field.name}__month=1&{field.name}__day={HUGE}",
                f"{field.name}__year={HUGE}",
                f"{field.name}__year=2025&{field.name}__month={HUGE}",
                f"{field.name}__gte={HUGE}",
            ]
    return queries


def test_the_reported_day_filter_is_refused_like_any_bad_filter(superuser_client):
    path = reverse("admin:pressroom_pressrelease_changelist")
    query = "published_at__year=2025&published_at__month=1&published_at__day=" + HUGE
    response = superuser_client.get(f"{path}?{query}")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{path}?e=1"
    response = superuser_client.get(f"{path}?e=1&{query}")
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_every_admin_list_takes_any_filter_value_without_a_server_error(
    superuser, superuser_client
):
    make_release()
    checked = 0
    for model, path in changelists(superuser):
        for query in filter_queries(model):
            response = superuser_client.get(f"{path}?{query}")
            assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, (
                path,
                query,
            )
            checked += 1
    assert checked > 100
