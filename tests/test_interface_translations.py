"""Interface translations: text wherever shown, Rosetta limited to the project's
catalogs, and a translator's save reaching readers at once, in every process.

Each test works on a copy of `locale/` (LOCALE_PATHS pointed at it), never on
the repository's catalogs.
"""

import shutil
from http import HTTPStatus
from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from pressroom import roles
from pressroom.models import InterfaceCatalog
from pressroom.shell import catalogs, po_files
from tests.pressroom.factories import make_releases, make_user

pytestmark = pytest.mark.django_db

LOCALE = Path(django_settings.BASE_DIR) / "locale"
EVIL = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
PAGE_OF = "Page %(number)s of %(total)s"


@pytest.fixture
def locale(settings, tmp_path):
    """A copy of locale/, compiled, that the site reads instead."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy, ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [copy, copy / "third_party"]
    for po in copy.rglob("*.po"):
        po_files.compile_catalog(po)
    catalogs.watch.reset()
    catalogs.watch.seen = None
    yield copy
    catalogs.watch.reset()


def po_of(locale, language, third_party=False):
    folder = locale / "third_party" if third_party else locale
    return folder / language / "LC_MESSAGES" / "django.po"


def set_translation(path, msgid, text, compile_raw=False):
    """Write a translation into a .po; compile it as a careless tool would
    (polib, no checks) if `compile_raw`, else through the project's compiler."""
    catalog = polib.pofile(str(path), wrapwidth=0)
    catalog.find(msgid).msgstr = text
    catalog.save()
    if compile_raw:
        catalog.save_as_mofile(str(path.with_suffix(".mo")))
    else:
        po_files.compile_catalog(path)


# Translations are text


def test_markup_in_a_translation_of_plain_text_is_shown_as_text(client, locale):
    evil = EVIL + " %(number)s / %(total)s"
    set_translation(po_of(locale, "en"), PAGE_OF, evil, compile_raw=True)
    make_releases(25)
    html = client.get("/en/news/").content.decode()
    assert "<meta http-equiv" not in html
    assert "&lt;meta http-equiv=&#34;refresh&#34;" in html


def test_a_translation_of_markup_may_hold_only_the_msgids_tags(client, locale):
    from cities.models import Signatory
    from tests.cities.factories import make_isfahan, make_partnership

    msgid = "<bdi>%(name)s</bdi>, <bdi>%(office)s</bdi>"
    foreign = "<b onclick=alert(1)>%(name)s</b>, %(office)s"
    set_translation(po_of(locale, "en"), msgid, foreign, compile_raw=True)
    partnership = make_partnership(partner=make_isfahan())
    Signatory.objects.create(
        partnership=partnership, name_en="Ilsur Metshin", office_en="Mayor"
    )
    html = client.get("/en/cities/isfahan/").content.decode()
    assert "onclick" not in html
    assert "<bdi>Ilsur Metshin</bdi>, <bdi>Mayor</bdi>" in html


def test_the_compiler_leaves_a_translation_with_foreign_markup_untranslated(locale):
    path = po_of(locale, "ru")
    set_translation(path, "Press service back-office", f"{EVIL}Админка")
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    assert compiled.find("Press service back-office") is None
    assert compiled.find("News") is not None


@pytest.mark.parametrize(
    ("msgid", "text", "problem"),
    [
        ("Page %(number)s", "<script>x</script>", "<script>"),
        ("Page", '<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">'),
        ("<bdi>%(name)s</bdi>", "<bdi>%(name)s</bdi>", None),
        ("<bdi>%(name)s</bdi>", '<bdi dir="rtl">%(name)s</bdi>', '<bdi dir="rtl">'),
        ('Read <a href="%(url)s">it</a>', 'Читайте <a href="%(url)s">здесь</a>', None),
        ("a < b", "а < б", None),
        ("Page", "<!-- x -->", "<!-- x -->"),
        ("Page", "text <scr", "<scr"),
    ],
)
def test_the_markup_rule(msgid, text, problem):
    assert po_files.markup_problem(msgid, text) == problem


def test_every_catalog_keeps_to_the_markup_rule():
    """What `make test` checks: no translation with tags its msgid lacks."""
    wrong = []
    for path in sorted(LOCALE.rglob("*.po")):
        for entry in polib.pofile(str(path)):
            for problem in po_files.entry_problems(entry):
                wrong.append(
                    (path.relative_to(LOCALE).as_posix(), entry.msgid, problem)
                )
    assert not wrong


def test_the_catalogs_keep_their_source_references():
    """`make messages` keeps the file of each string, for the translators."""
    for language in ("ru", "fa", "en"):
        catalog = polib.pofile(str(po_of(LOCALE, language)))
        with_place = [entry for entry in catalog if entry.occurrences]
        assert len(with_place) > 0.9 * len(catalog)
        files = {name for entry in with_place for name, _line in entry.occurrences}
        assert "templates/site/pressroom/pressrelease_detail.html" in files
        # Files only: line numbers would change with every edit of the code.
        assert all(
            not line for entry in with_place for _name, line in entry.occurrences
        )


# Rosetta: the project's catalogs only


@pytest.fixture
def translator(locale):
    roles.ensure_groups()
    user = make_user(
        username="maryam",
        first_name="Maryam",
        last_name="Karimi",
        email="maryam@example.org",
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=roles.TRANSLATORS))
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    client.force_login(user)
    return client


@pytest.mark.parametrize("po_filter", ["django", "all", "third-party"])
def test_rosetta_never_opens_a_librarys_catalog(translator, po_filter):
    for path in (
        f"/admin/rosetta/files/{po_filter}/",
        f"/admin/rosetta/files/{po_filter}/ru/0/",
        f"/admin/rosetta/files/{po_filter}/ru/0/download/",
    ):
        response = translator.get(path)
        assert response.status_code == HTTPStatus.NOT_FOUND, path
        response = translator.post(path, {"m_0": "x"})
        assert response.status_code == HTTPStatus.NOT_FOUND, path


def test_rosetta_lists_the_catalogs_by_language_and_name(translator, locale):
    response = translator.get("/admin/rosetta/files/project/")
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert '<html lang="fa" dir="rtl">' in html
    assert html.count('href="/admin/rosetta/files/project/fa/') == 2
    assert "site-packages" not in html
    folder = Path(django_settings.BASE_DIR).name
    assert f">{folder.title()}<" not in html and f">{folder}<" not in html
    assert 'href="/admin/"' in html  # back to the back-office


def form_fields(client, url, msgid):
    """The Rosetta form's field for `msgid`, and the rest of what it posts."""
    response = client.get(url, {"query": msgid})
    catalog = polib.pofile(str(response.context["rosetta_i18n_pofile"].fpath))
    messages = response.context["rosetta_messages"]
    entry = next(message for message in messages if message.msgid == msgid)
    assert catalog.find(msgid) is not None
    return f"m_{entry.md5hash}", {"query": msgid}


def save_in_rosetta(client, language, msgid, text, index=0):
    url = f"/admin/rosetta/files/project/{language}/{index}/"
    field, data = form_fields(client, url, msgid)
    return client.post(f"{url}?query={msgid}", {field: text, **data})


def test_rosetta_refuses_markup_and_keeps_what_was_typed(translator, locale):
    path = po_of(locale, "fa")
    before = path.read_bytes()
    response = save_in_rosetta(translator, "fa", PAGE_OF, f"{EVIL} %(number)s")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert "&lt;meta" in html  # the message, and the typed text again
    assert path.read_bytes() == before


def test_rosetta_refuses_a_dropped_placeholder(translator, locale):
    path = po_of(locale, "fa")
    before = path.read_bytes()
    response = save_in_rosetta(translator, "fa", PAGE_OF, "صفحهٔ %(number)s")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert path.read_bytes() == before


def test_a_translation_saved_in_rosetta_is_text_in_the_back_office(translator, locale):
    """Django's {% translate %} and {% blocktranslate %} put a translation into
    the page as it is: a `"` with no tag at all would end the attribute it is in
    (the search button's `value="…"`) and add attributes of its own."""
    attribute = '" autofocus onfocus="alert(1)'
    save_in_rosetta(translator, "fa", "Search", f"جست‌وجو{attribute}")
    save_in_rosetta(translator, "fa", "Recover deleted %(name)s", '"%(name)s" <')
    superuser = Client(HTTP_ACCEPT_LANGUAGE="fa")
    superuser.force_login(make_user(is_staff=True, is_superuser=True))
    html = superuser.get("/admin/pressroom/pressrelease/").content.decode()
    assert 'onfocus="alert(1)"' not in html
    assert 'value="جست‌وجو&quot; autofocus onfocus=&quot;alert(1)"' in html
    assert 'recoverlink">&quot;بیانیه‌های مطبوعاتی&quot; &lt;</a>' in html


def test_a_rosetta_save_changes_only_the_edited_entry_and_names_the_translator(
    translator, locale
):
    path = po_of(locale, "fa")
    before = path.read_text().splitlines()
    response = save_in_rosetta(translator, "fa", PAGE_OF, "برگ %(number)s از %(total)s")
    assert response.status_code == HTTPStatus.FOUND
    after = path.read_text().splitlines()
    changed = [line for line in after if line not in before]
    assert changed == [
        '"PO-Revision-Date: ' + changed[0].split(": ", 1)[1],
        '"Last-Translator: Maryam Karimi <maryam@example.org>\\n"',
        'msgstr "برگ %(number)s از %(total)s"',
    ]
    assert len(after) == len(before)


def test_a_rosetta_save_reaches_readers_at_once(translator, locale, settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    make_releases(25)
    reader = Client()
    assert "برگ" not in reader.get("/fa/news/").content.decode()
    assert reader.get("/fa/news/")["X-Page-Cache"] == "hit"
    save_in_rosetta(translator, "fa", PAGE_OF, "برگ %(number)s از %(total)s")
    html = reader.get("/fa/news/").content.decode()
    assert "برگ ۱ از ۲" in html


def test_a_process_that_did_not_save_loads_the_new_catalog(client, locale):
    """Another worker of the same server: the files change under it."""
    make_releases(25)
    assert "Sheet 1 of 2" not in client.get("/en/news/").content.decode()
    set_translation(po_of(locale, "en"), PAGE_OF, "Sheet %(number)s of %(total)s")
    assert "Sheet 1 of 2" in client.get("/en/news/").content.decode()


@pytest.mark.parametrize("how", ["cleared", "fuzzy"])
def test_a_translation_taken_back_is_gone_without_a_restart(client, locale, how):
    """Cleared, or marked as needing revision: no longer compiled, and so no
    longer shown, as a process started now would show it."""
    make_releases(25)
    path = po_of(locale, "en")
    set_translation(path, PAGE_OF, "Sheet %(number)s of %(total)s")
    assert "Sheet 1 of 2" in client.get("/en/news/").content.decode()
    catalog = polib.pofile(str(path), wrapwidth=0)
    if how == "cleared":
        catalog.find(PAGE_OF).msgstr = ""
    else:
        catalog.find(PAGE_OF).flags.append("fuzzy")
    catalog.save()
    po_files.compile_catalog(path)
    html = client.get("/en/news/").content.decode()
    assert "Sheet 1 of 2" not in html
    assert "Page 1 of 2" in html


def test_after_a_save_every_string_is_what_a_new_process_would_give(locale):
    """A save in the back-office additions (locale/third_party/) leaves the
    site's own catalog first wherever both translate a string."""
    from django.utils import translation
    from django.utils.translation.trans_real import DjangoTranslation

    set_translation(po_of(locale, "fa"), "Comment", "یادداشت")
    catalogs.keep_current()
    set_translation(po_of(locale, "fa", third_party=True), "Comment", "شرح")
    catalogs.keep_current()
    now = DjangoTranslation("fa")
    with translation.override("fa"):
        for path in (po_of(locale, "fa"), po_of(locale, "fa", third_party=True)):
            for entry in polib.pofile(str(path)):
                if not entry.msgid_plural:
                    assert translation.gettext(entry.msgid) == now.gettext(
                        entry.msgid
                    ), entry.msgid
        assert translation.gettext("Comment") == "یادداشت"


def test_another_server_gets_the_catalog_through_the_database(client, locale):
    """A save on another app server: its catalog in the database; this server's
    poller writes it here, and the next request loads it."""
    make_releases(25)
    path = po_of(locale, "en")
    catalog = polib.pofile(str(path), wrapwidth=0)
    catalog.find(PAGE_OF).msgstr = "Leaf %(number)s of %(total)s"
    InterfaceCatalog.objects.create(
        catalog=catalogs.catalog_id(path),
        content=catalog.__unicode__(),
        saved_at=timezone.now() + timezone.timedelta(seconds=5),
    )
    assert "Leaf 1 of 2" not in client.get("/en/news/").content.decode()
    assert catalogs.poll_once()
    assert "Leaf 1 of 2" in client.get("/en/news/").content.decode()
    assert not catalogs.poll_once()  # once only
    assert "Leaf %(number)s" in path.read_text()
