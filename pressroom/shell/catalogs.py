"""Interface translations (`locale/`): text, never markup, and live once saved.

Translations are text. A translator's string is shown as text wherever it
appears; only a msgid that itself contains markup (`<bdi>%(name)s</bdi>`) is
shown as markup, and then its translation may hold no tag the msgid does not.
That rule is checked when Rosetta saves (`pressroom/rosetta.py`), by the test
suite over every catalog, and when the catalogs are compiled (an entry that
breaks it is compiled untranslated). The public pages' `_()` applies it again
as they render (config/jinja2.py).

A saved translation reaches readers without a restart:

- in every worker process of the server that saved it: each process looks at
  the compiled catalogs' modification times before it handles a request, and
  makes every string of a changed catalog what a process started now would
  show (a translation cleared or marked fuzzy included);
- on every other app server: the saved catalog is also kept in the database
  (`InterfaceCatalog`); a thread in each worker process looks there every
  CATALOG_POLL_SECONDS and writes a newer catalog into its server's `locale/`
  (compiled), where that server's processes then load it;
- the pages that show them are refreshed: `refresh_pages()` is the one place
  that tells the page cache.
"""

import datetime
import gettext as gettext_module
import io
import logging
import os
import re
import threading
import time
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import to_locale, trans_real

from pressroom.shell.po_files import compile_catalog, write_atomically

logger = logging.getLogger(__name__)

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
# The catalogs Django's gettext reads (Rosetta edits these only).
DOMAIN = "django"


# Keeping every process current


def catalog_files():
    """The compiled catalogs of the project (locale/ and locale/third_party/)."""
    return sorted(
        path
        for directory in settings.LOCALE_PATHS
        for path in Path(directory).glob("*/LC_MESSAGES/*.mo")
    )


def catalog_entries(path):
    """(context, msgid, plural msgid) of each string a compiled catalog holds."""
    try:
        compiled = polib.mofile(str(path))
    except (OSError, ValueError):  # gone, or cut short mid-copy
        return set()
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in compiled}


class CatalogWatch:
    """The catalogs' modification times and strings as this process loaded
    them, and its poller of the catalogs other servers saved."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seen = None  # the newest InterfaceCatalog.saved_at written here
        self.poller = None  # the process id the poller thread runs in
        self.reset()

    def reset(self):
        """Take the catalogs as they are now as the ones this process holds.

        Done when the app is loaded (before gunicorn forks its workers): a
        catalog changed since is loaded at a worker's first request.
        """
        self.files = catalog_files()
        self.stamps = self.stamps_now()
        self.entries = {path: catalog_entries(path) for path in self.files}

    def stamps_now(self):
        stamps = {}
        for path in self.files:
            try:
                stamps[path] = path.stat().st_mtime_ns
            except FileNotFoundError:
                continue
        return stamps

    def ensure_poller(self):
        """One thread per worker process asks the database for catalogs saved
        on other servers (never a request: a slow database or cache must not
        slow a page, and a page's queries stay its own)."""
        if not settings.CATALOG_POLL_SECONDS or self.poller == os.getpid():
            return
        with self.lock:
            if self.poller == os.getpid():
                return
            self.poller = os.getpid()
            threading.Thread(
                target=self.poll_forever, name="catalog-poller", daemon=True
            ).start()

    def poll_forever(self):
        while True:
            time.sleep(settings.CATALOG_POLL_SECONDS)
            try:
                poll_once()
            except Exception:  # the database is away: try again later
                logger.warning("Could not look for saved catalogs", exc_info=True)
            finally:
                connection.close()


watch = CatalogWatch()


def reload_languages(paths):
    """Make every string of the catalogs at `paths`, as they are now and as
    this process last loaded them, what a process started now would show.

    Django keeps one translation object per language for the life of the
    process, and every thread's active language points at it: it is updated in
    place (merged), never replaced. Merging a changed catalog alone would keep
    what it no longer holds (a translation cleared or marked fuzzy) and put it
    above the catalogs it should yield to (locale/ over locale/third_party/).
    So the strings' texts are read again from every catalog (`read_now`), for
    every language: a string Persian lacks shows the Russian text, which may
    just have changed.
    """
    strings = set()
    for path in paths:
        if path.name != f"{DOMAIN}.mo":
            continue
        strings |= watch.entries.get(path, set())
        watch.entries[path] = catalog_entries(path)
        strings |= watch.entries[path]
    strings.discard((None, "", ""))  # the header
    if not strings:
        return
    # The default language first: the others fall back to it.
    languages = sorted(
        (code for code, _name in settings.LANGUAGES),
        key=lambda code: code != settings.LANGUAGE_CODE,
    )
    for language in languages:
        texts = texts_in(read_now(language), strings, plural_forms(language))
        trans_real.translation(language).merge(
            gettext_module.GNUTranslations(io.BytesIO(texts.to_binary()))
        )


def read_now(language):
    """The language's translation as the files say now, in Django's documented
    order: LOCALE_PATHS, the installed apps' catalogs, Django's own; then, as
    Django does, the default language's (unless English). Read from the files:
    gettext keeps what it once read of a file for the life of the process."""
    locale = to_locale(language)
    directories = [
        *settings.LOCALE_PATHS,
        *(Path(app.path) / "locale" for app in apps.get_app_configs()),
        Path(django.__file__).parent / "conf" / "locale",
    ]
    found = gettext_module.NullTranslations()
    for directory in directories:
        for path in gettext_module.find(DOMAIN, str(directory), [locale], all=True):
            with open(path, "rb") as file:
                found.add_fallback(gettext_module.GNUTranslations(file))
    if language != settings.LANGUAGE_CODE and not language.startswith("en"):
        found.add_fallback(trans_real.translation(settings.LANGUAGE_CODE))
    return found


def plural_forms(language):
    """The language's Plural-Forms header, from the project's catalogs."""
    for directory in settings.LOCALE_PATHS:
        path = Path(directory) / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.is_file():
            forms = polib.pofile(str(path)).metadata.get("Plural-Forms")
            if forms:
                return forms
    return "nplurals=2; plural=(n != 1);"


def texts_in(translation, strings, forms):
    """A catalog of `strings` with the texts `translation` gives them."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": forms,
    }
    count = int(re.search(r"nplurals\s*=\s*(\d+)", forms)[1])
    form_of = gettext_module.c2py(re.search(r"plural\s*=\s*([^;]+)", forms)[1])
    for context, msgid, plural in sorted(strings, key=str):
        if not plural:
            text = (
                translation.pgettext(context, msgid)
                if context
                else translation.gettext(msgid)
            )
            catalog.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=text))
            continue
        texts = {}
        for index in range(count):
            number = next((n for n in range(1000) if form_of(n) == index), index)
            texts[index] = (
                translation.npgettext(context, msgid, plural, number)
                if context
                else translation.ngettext(msgid, plural, number)
            )
        catalog.append(
            polib.POEntry(
                msgctxt=context, msgid=msgid, msgid_plural=plural, msgstr_plural=texts
            )
        )
    return catalog


def refresh_pages():
    """The one call into the page cache: pages made before the change are stale."""
    from pressroom.shell.cache import invalidate_pages

    invalidate_pages()


def catalog_id(po_path):
    """A catalog's name on every server: its place under a LOCALE_PATHS entry
    ("0:fa/LC_MESSAGES/django.po"), whatever folder the checkout is in."""
    path = Path(po_path).resolve()
    for index, root in enumerate(settings.LOCALE_PATHS):
        if path.is_relative_to(Path(root).resolve()):
            return f"{index}:{path.relative_to(Path(root).resolve()).as_posix()}"
    raise ValueError(f"{po_path} is not one of the project's catalogs")


def catalog_path(identity):
    index, _colon, relative = identity.partition(":")
    roots = settings.LOCALE_PATHS
    if not index.isdigit() or int(index) >= len(roots) or ".." in relative:
        return None
    return Path(roots[int(index)]) / relative


def poll_once():
    """Write here the catalogs saved on another server since we last looked
    (and newer than our own files); the next request loads them. Returns
    whether any was written."""
    from pressroom.models import InterfaceCatalog

    newest = (
        InterfaceCatalog.objects.order_by("-saved_at")
        .values_list("saved_at", flat=True)
        .first()
    )
    if newest is None or newest == watch.seen:
        return False
    applied = False
    for saved in InterfaceCatalog.objects.filter(saved_at__gt=watch.seen or EPOCH):
        target = catalog_path(saved.catalog)
        if target is None or not target.parent.is_dir():
            continue
        if target.exists() and target.stat().st_mtime >= saved.saved_at.timestamp():
            continue  # ours is as new (saved here, or deployed since)
        write_atomically(target, saved.content.encode("utf-8"))
        compile_catalog(target)
        applied = True
    watch.seen = newest
    if applied:
        refresh_pages()
    return applied


def keep_current():
    """Load the catalogs changed since this process last looked; called before
    every request (a few stat() calls)."""
    watch.ensure_poller()
    stamps = watch.stamps_now()
    if stamps == watch.stamps:
        return
    with watch.lock:
        changed = [path for path in stamps if stamps[path] != watch.stamps.get(path)]
        if changed:
            reload_languages(changed)
        watch.stamps = stamps


def catalog_saved(po_path, user):
    """After a translator's save: keep it for the other servers, load it here,
    refresh the pages."""
    from pressroom.models import InterfaceCatalog

    path = Path(po_path)
    compile_catalog(path)
    saved = InterfaceCatalog.objects.update_or_create(
        catalog=catalog_id(path),
        defaults={
            "content": path.read_text(encoding="utf-8"),
            "saved_at": timezone.now(),
            "saved_by": user if user.is_authenticated else None,
        },
    )[0]
    keep_current()
    watch.seen = max(watch.seen or saved.saved_at, saved.saved_at)
    refresh_pages()


class CatalogRefreshMiddleware:
    """Before each request: translations saved since are loaded (`keep_current`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        keep_current()
        return self.get_response(request)
