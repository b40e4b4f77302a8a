"""Every role × every admin page: each page the role may open answers 200, and
no link or button on it leads to a 403 (or an error).

The walk starts from what the admin offers the role (`AdminSite.get_app_list`):
each model's list, add form (where it may add), every object's change form,
history and delete page (where it may delete), a release's history compare and
the deleted releases' list. From each of those pages it follows every admin
link and form address, once, as the same user.
"""

import re
from html import unescape
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import reverse
from reversion.models import Version

from pressroom import roles
from tests.admin_content import make_content
from tests.pressroom.factories import (
    make_user,
)

pytestmark = pytest.mark.django_db

ROLES = (roles.EDITORS, roles.PUBLISHERS, roles.TRANSLATORS, "superuser")
# Links that end the session or leave the admin are not pages to check.
NOT_WALKED = ("/admin/logout/",)
LINK = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"]*)"', re.S)
# A form sent by GET needs its inputs (the history's "compare"): its page is
# opened with them among the pages to open; a POST form's address is followed.
FORM = re.compile(
    r'<form\b(?=[^>]*\bmethod="post")[^>]*?\baction="([^"]*)"', re.S | re.I
)


@pytest.fixture
def content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_content()


def member(role):
    if role == "superuser":
        return make_user(is_staff=True, is_superuser=True)
    user = make_user(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return get_user_model().objects.get(pk=user.pk)


def admin_links(html, base):
    """Every admin address a page links to or posts to, absolute paths."""
    found = set()
    for href in [*LINK.findall(html), *FORM.findall(html)]:
        href = unescape(href).strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = urljoin(base, href)
        parts = urlsplit(url)
        if parts.netloc and parts.netloc != "testserver":
            continue
        if not parts.path.startswith("/admin/") or parts.path in NOT_WALKED:
            continue
        if parts.path.startswith("/admin/jsi18n/"):
            continue
        found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def pages_to_open(user):
    """The pages the admin offers `user`: [(url, why)] that must answer 200."""
    request = RequestFactory().get("/admin/")
    request.user = user
    pages = [(reverse("admin:index"), "index")]
    for app in admin.site.get_app_list(request):
        for entry in app["models"]:
            model = entry["model"]
            model_admin = admin.site.get_model_admin(model)
            info = (model._meta.app_label, model._meta.model_name)
            pages.append((entry["admin_url"], "list"))
            if entry.get("add_url"):
                pages.append((entry["add_url"], "add"))
            for obj in model_admin.get_queryset(request)[:3]:
                pages.append(
                    (
                        reverse("admin:{}_{}_change".format(*info), args=[obj.pk]),
                        "change",
                    )
                )
                pages.append(
                    (
                        reverse("admin:{}_{}_history".format(*info), args=[obj.pk]),
                        "history",
                    )
                )
                if model_admin.has_delete_permission(request, obj):
                    pages.append(
                        (
                            reverse("admin:{}_{}_delete".format(*info), args=[obj.pk]),
                            "delete",
                        )
                    )
    return pages


def compare_url(release):
    versions = list(
        Version.objects.get_for_object(release)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    history = reverse("admin:pressroom_pressrelease_history", args=[release.pk])
    return f"{history}compare/?version_id1={versions[0]}&version_id2={versions[-1]}"


def walk(client, pages):
    """Open each page (200 expected), then every admin address it leads to.

    Returns the failures: [(url, status, where it was found)].
    """
    failures = []
    seen = {}
    followed = {}
    for url, why in pages:
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code != HTTPStatus.OK:
            failures.append((url, response.status_code, f"opening the {why} page"))
            continue
        for link in admin_links(response.content.decode(), url):
            followed.setdefault(link, url)
    for link, source in followed.items():
        status = seen.get(link)
        if status is None:
            status = seen[link] = client.get(link).status_code
        # A button's form may accept POST only (405): reaching it is allowed.
        if status == HTTPStatus.FORBIDDEN or status >= 500 or status == 404:
            failures.append((link, status, f"linked from {source}"))
    return failures, len(seen)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_is_offered_opens_and_leads_to_no_403(content, role):
    user = member(role)
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(user)
    pages = pages_to_open(user)
    release = content["release"]
    request = RequestFactory().get("/admin/")
    request.user = user
    pages.append((compare_url(release), "compare"))
    if roles.can_publish(user):
        pages.append((reverse("admin:pressroom_pressrelease_recoverlist"), "recover"))
    if roles.can_translate_interface(user):
        pages.append(
            (reverse("rosetta-file-list", kwargs={"po_filter": "project"}), "rosetta")
        )
    failures, opened = walk(client, pages)
    assert opened > len(pages)
    assert not failures, "\n".join(
        f"{status} {url} ({where})" for url, status, where in failures
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [("ru", "Ваша роль не позволяет"), ("fa", "نقش شما اجازهٔ")],
)
def test_a_refused_admin_page_is_the_admins_page_in_the_users_language(
    content, language, words
):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(member(roles.EDITORS))
    response = client.get(reverse("admin:pressroom_pressrelease_recoverlist"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    html = response.content.decode()
    assert words in html
    assert f'<html lang="{language}"' in html
    assert "403 Forbidden" not in html


def test_restoring_is_offered_only_to_those_who_may_restore(content):
    release = content["release"]
    history = reverse("admin:pressroom_pressrelease_history", args=[release.pk])
    for role, offered in [
        (roles.EDITORS, False),
        (roles.TRANSLATORS, False),
        (roles.PUBLISHERS, True),
    ]:
        client = Client(HTTP_ACCEPT_LANGUAGE="ru")
        client.force_login(member(role))
        links = admin_links(client.get(history).content.decode(), history)
        links |= admin_links(client.get(compare_url(release)).content.decode(), history)
        links |= admin_links(
            client.get(
                reverse("admin:pressroom_pressrelease_changelist")
            ).content.decode(),
            "/",
        )
        restoring = {
            link for link in links if re.search(r"/history/\d+/$|/recover/", link)
        }
        assert bool(restoring) is offered, (role, restoring)


def test_a_refused_public_page_is_the_sites_page_in_the_readers_language(rf):
    from django.utils import translation

    from pressroom.forbidden import permission_denied

    request = rf.get("/fa/news/")
    with translation.override("fa"):
        response = permission_denied(request)
    assert response.status_code == HTTPStatus.FORBIDDEN
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl"' in html
    assert "403 Forbidden" not in html
