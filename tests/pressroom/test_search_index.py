"""The search index: documents per page and language, kept in step with every
change, rebuilt by a command; the admin's release search on it."""

import re
from http import HTTPStatus
from io import StringIO

import pytest
import reversion
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from pressroom.models import PressRelease, SearchDocument

from .factories import ago, make_release, make_releases, make_topic, make_user

pytestmark = pytest.mark.django_db


def documents(release):
    return {
        doc.language: doc
        for doc in SearchDocument.objects.filter(kind="release", object_id=release.pk)
    }


def test_a_release_has_a_document_per_language_it_has_text_in():
    release = make_release(languages=("ru", "fa"), title_en="Only a title")

    docs = documents(release)

    assert set(docs) == {"ru", "fa", "en"}
    assert docs["ru"].public_from == release.published_at
    assert docs["fa"].public_from == release.published_at
    assert {"lfa", "krelease"} <= set(docs["fa"].tags.split())
    # Not listed in English (no lead or body there), but staff find it.
    assert docs["en"].public_from is None
    assert docs["fa"].path == release.get_absolute_url("fa")


def test_drafts_are_indexed_but_never_listed():
    release = make_release(status=PressRelease.Status.DRAFT)

    assert {doc.public_from for doc in documents(release).values()} == {None}


def test_a_document_holds_stemmed_terms_by_field():
    release = make_release(
        languages=("ru",),
        title_ru="Городские марафоны",
        lead_ru="Листва",
        body_ru="<p>Ёлки</p>",
        dateline_ru="Исфахан",
    )

    doc = documents(release)["ru"]

    assert doc.title_terms == "городск марафон"
    assert doc.lead_terms.split()[0] == "листв"
    assert doc.body_terms == "елк"
    assert doc.text == "Листва Ёлки"


def test_topics_are_tags_of_a_release_documents():
    topic = make_topic()
    release = make_release(topics=[topic])

    assert f"t{topic.pk}" in documents(release)["ru"].tags.split()


def test_restoring_a_version_restores_what_search_finds():
    """django-reversion restores with a raw save (no save() of ours): the index
    follows it all the same."""
    release = make_release(languages=("ru",), title_ru="Первая правка")
    with reversion.create_revision():
        release.save()
    release.title_ru = "Ошибочная правка"
    with reversion.create_revision():
        release.save()
    assert "ошибочн" in documents(release)["ru"].title_terms

    Version.objects.get_for_object(release).order_by("pk").first().revert()

    assert "перв" in documents(release)["ru"].title_terms
    assert "ошибочн" not in documents(release)["ru"].title_terms


def test_the_rebuild_command_makes_every_document_again_with_a_progress_bar():
    kept = make_release(languages=("ru",), title_ru="Мост")
    SearchDocument.objects.filter(object_id=kept.pk).delete()
    # A document whose release is gone (deleted while the index was away).
    SearchDocument.objects.create(
        kind="release", object_id=kept.pk + 1000, language="ru", title="Мост"
    )
    output = StringIO()

    call_command("rebuild_search_index", stderr=output)

    assert set(documents(kept)) == {"ru"}
    assert not SearchDocument.objects.filter(object_id=kept.pk + 1000)
    assert "100%" in output.getvalue()
    assert Client().get("/ru/search/?q=мост").content.decode().count("card-title") == 1


def test_the_rebuild_command_if_empty_leaves_a_built_index_alone():
    release = make_release(languages=("ru",), title_ru="Мост")
    SearchDocument.objects.filter(object_id=release.pk).update(title_terms="")

    call_command("rebuild_search_index", "--if-empty", verbosity=0)

    assert documents(release)["ru"].title_terms == ""


def test_the_rebuild_command_writes_the_documents_saving_wrote():
    """On the demo's releases and partner cities: the rows a rebuild writes as
    rows (into an empty index, then over a full one) are those saving wrote."""
    call_command("load_demo", "releases", "partners", verbosity=0)
    fields = [field.attname for field in SearchDocument._meta.concrete_fields]

    def rows():
        return list(SearchDocument.objects.order_by("id").values_list(*fields))

    saved = rows()
    assert {row[1] for row in saved} == {"release", "city"}
    SearchDocument.objects.all().delete()

    call_command("rebuild_search_index", verbosity=0)
    assert rows() == saved
    call_command("rebuild_search_index", verbosity=0)
    assert rows() == saved


def index_upkeep():
    """How many of the structures that keep the full-text indexes in step with
    the documents exist (SQLite: FTS5 triggers, PostgreSQL: GIN indexes)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'pressroom_search_fts_%'"
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'search_vector_%'"
            )
        return cursor.fetchone()[0]


def test_the_rebuild_command_fills_an_empty_index_in_one_load_and_keeps_it_after(
    staff,
):
    """Into an empty index the documents are loaded without the full-text
    indexes' upkeep, which is made once at the end: every page is found, in
    every index, and pages saved afterwards are indexed as before."""
    upkeep = index_upkeep()
    make_release(languages=("ru", "en"), title_ru="Мост", title_en="Bridge")
    draft = make_release(
        languages=("ru",), title_ru="Фонтан", status=PressRelease.Status.DRAFT
    )
    SearchDocument.objects.all().delete()

    call_command("rebuild_search_index", verbosity=0)

    assert index_upkeep() == upkeep > 0
    for address in ("/ru/search/?q=мост", "/en/search/?q=bridge"):
        assert Client().get(address).content.decode().count("card-title") == 1
    assert listed(staff, "фонтаны") == {draft.pk}
    later = make_release(languages=("ru",), title_ru="Набережная")
    assert listed(staff, "набережной") == {later.pk}


# The back-office's release search


@pytest.fixture
def staff(db):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def listed(staff, query):
    response = staff.get(
        reverse("admin:pressroom_pressrelease_changelist"), {"q": query}
    )
    assert response.status_code == HTTPStatus.OK
    return {
        int(pk)
        for pk in re.findall(
            r'name="_selected_action" value="(\d+)"', response.content.decode()
        )
    }


def test_staff_find_drafts_scheduled_and_half_translated_releases_in_any_form(staff):
    draft = make_release(
        languages=("ru",),
        title_ru="Городской марафон",
        status=PressRelease.Status.DRAFT,
    )
    scheduled = make_release(
        languages=("en",), lead_en="Marathons in spring", published_at=ago(days=-3)
    )
    persian = make_release(languages=(), title_fa="ماراتن شهری")
    make_release(languages=("ru", "en"))

    assert listed(staff, "марафона") == {draft.pk}
    assert listed(staff, "marathon") == {scheduled.pk}
    assert listed(staff, "ماراتن") == {persian.pk}
    assert listed(staff, f"#{draft.pk}") == {draft.pk}
    assert listed(staff, "«»") == set()


def test_staff_search_runs_a_fixed_number_of_queries(staff):
    make_releases(3, languages=("ru",), lead_ru="Марафон")

    def count():
        with CaptureQueriesContext(connection) as context:
            assert len(listed(staff, "марафон")) >= 3
        return len(context.captured_queries)

    few = count()
    make_releases(60, languages=("ru",), lead_ru="Марафон")
    assert count() == few


def test_search_page_runs_a_fixed_number_of_queries(client):
    topic = make_topic(slug="sport")
    make_release(languages=("ru",), lead_ru="Марафон", topics=[topic])

    def count(query):
        # Each time from the database: the bulk insert below sends no signal
        # to outdate a kept total.
        for alias in settings.CACHES:
            caches[alias].clear()
        with CaptureQueriesContext(connection) as context:
            response = client.get("/ru/search/", {"q": query, "topic": "sport"})
        assert response.status_code == HTTPStatus.OK
        return len(context.captured_queries)

    found, nothing = count("марафон"), count("тоннель")
    make_releases(60, languages=("ru", "en"), lead_ru="Марафон")
    for release in PressRelease.objects.all():
        release.topics.add(topic)

    assert count("марафон") == found
    assert count("тоннель") == nothing
    # The topics, the cities, the count, the page's ids and its results; with
    # nothing found, the count in each other language instead of the page.
    assert (found, nothing) == (5, 5)
