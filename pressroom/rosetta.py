"""Rosetta, for the project's own catalogs only.

Rosetta's views, under Rosetta's URL names, with three differences:

- only the `.po` files in LOCALE_PATHS (`locale/`, `locale/third_party/`) are
  listed and editable, by language and catalog; Rosetta's "Django", "third
  party" and "all" lists (which reach the catalogs of Django and the installed
  apps, in site-packages) do not exist here;
- a save is refused, with the reasons and without losing what was typed, when a
  translation holds markup its msgid does not, or drops a placeholder;
- a save rewrites only the edited entries, names the translator, and reaches
  readers at once (`pressroom.shell.catalogs.catalog_saved`).
"""

import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.urls import re_path, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic.base import RedirectView
from polib import pofile
from rosetta import views as rosetta_views
from rosetta.access import can_translate_language
from rosetta.conf import settings as rosetta_settings

from pressroom.shell.catalogs import catalog_saved
from pressroom.shell.po_files import (
    KeptWrappingPOFile,
    markup_problem,
    placeholders_kept,
    translator_name,
)

DOMAIN = "django"
# What each folder of LOCALE_PATHS holds, in the order of settings.LOCALE_PATHS.
CATALOG_NAMES = [
    _("Site interface"),
    _("Back-office: additions to Django and its apps"),
]
SINGLE = re.compile(r"^m_([0-9a-f]+)$")
PLURAL = re.compile(r"^m_([0-9a-f]+)_([0-9]+)$")


def catalogs(language):
    """[(name, path)] of the language's editable catalogs, in a fixed order."""
    found = []
    for index, root in enumerate(settings.LOCALE_PATHS):
        path = Path(root) / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.is_file():
            name = CATALOG_NAMES[index] if index < len(CATALOG_NAMES) else root
            found.append((name, path))
    return found


def with_hashes(catalog):
    """Rosetta's way of naming each entry in its form: a hash of its text."""
    for entry in catalog:
        text = f"{entry.msgid}{entry.msgstr}{entry.msgctxt or ''}"
        entry.md5hash = hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
    return catalog


class ProjectCatalog:
    """The catalog a form or download is about: the project's, or 404."""

    @cached_property
    def catalog_name_and_path(self):
        if self.po_filter != "project":
            raise Http404("Only the project's own catalogs are translated here.")
        found = catalogs(self.language_id)
        index = int(self.kwargs["idx"])
        if index >= len(found):
            raise Http404("No such catalog.")
        return found[index]

    @cached_property
    def po_file_path(self):
        return str(self.catalog_name_and_path[1])

    @cached_property
    def po_file(self):
        catalog = pofile(
            self.po_file_path, wrapwidth=WRAP_WIDTH, klass=KeptWrappingPOFile
        )
        catalog.translator = translator_name(self.request.user)
        return with_hashes(catalog)


WRAP_WIDTH = 79


class CatalogListView(rosetta_views.TranslationFileListView):
    """Each language the translator may edit, with its catalogs by name."""

    def get_context_data(self, **kwargs):
        # Past Rosetta's own listing, which scans Django's and every app's catalogs.
        context = super(rosetta_views.TranslationFileListView, self).get_context_data(
            **kwargs
        )
        context["po_filter"] = self.po_filter
        languages = []
        for code, name in rosetta_settings.ROSETTA_LANGUAGES:
            if not can_translate_language(self.request.user, code):
                continue
            files = [
                (title, index, pofile(str(path)))
                for index, (title, path) in enumerate(catalogs(code))
            ]
            languages.append((code, gettext(name), files))
        context["languages"] = languages
        context["has_pos"] = any(files for _code, _name, files in languages)
        return context


class CatalogFormView(ProjectCatalog, rosetta_views.TranslationFormView):
    def post(self, request, *args, **kwargs):
        refused = self.refused_entries(request.POST)
        if refused:
            for message in refused:
                messages.error(request, message)
            # The form again, with what was typed and nothing saved.
            context = self.get_context_data(**kwargs)
            return self.render_to_response(context, status=400)
        before = Path(self.po_file_path).stat().st_mtime_ns
        response = super().post(request, *args, **kwargs)
        if Path(self.po_file_path).stat().st_mtime_ns != before:
            catalog_saved(self.po_file_path, request.user)
        return response

    def refused_entries(self, data):
        """What the posted translations break; the typed text is kept on the
        entries (unsaved) so the form shows it again."""
        problems = []
        for field, text in data.items():
            single, plural = SINGLE.match(field), PLURAL.match(field)
            match = single or plural
            if not match:
                continue
            entry = self.po_file.find(match[1], "md5hash")
            if entry is None:
                continue
            index = int(plural[2]) if plural else None
            sources = f"{entry.msgid} {entry.msgid_plural or ''}"
            tag = markup_problem(sources, text)
            kept = placeholders_kept(entry.msgid, entry.msgid_plural, index, text)
            if index is None:
                entry.msgstr = text
            else:
                entry.msgstr_plural[index] = text
            if tag:
                problems.append(
                    gettext(
                        "Not saved: the translation of “%(msgid)s” contains "
                        "“%(tag)s”, which the original does not. A translation "
                        "is text; it may keep only the original's own tags."
                    )
                    % {"msgid": entry.msgid[:80], "tag": tag}
                )
            elif not kept:
                problems.append(
                    gettext(
                        "Not saved: the translation of “%(msgid)s” must keep its "
                        "placeholders (such as %%(count)s or {date}) exactly."
                    )
                    % {"msgid": entry.msgid[:80]}
                )
        return problems

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The catalog's name, not the folder the checkout happens to be in.
        context["rosetta_i18n_app"] = self.catalog_name_and_path[0]
        return context


class CatalogDownloadView(ProjectCatalog, rosetta_views.TranslationFileDownload):
    pass


PROJECT = r"(?P<po_filter>project)"
urlpatterns = [
    re_path(
        r"^$",
        RedirectView.as_view(
            url=reverse_lazy("rosetta-file-list", kwargs={"po_filter": "project"})
        ),
        name="rosetta-old-home-redirect",
    ),
    re_path(
        r"^files/$",
        RedirectView.as_view(
            url=reverse_lazy("rosetta-file-list", kwargs={"po_filter": "project"})
        ),
        name="rosetta-file-list-redirect",
    ),
    re_path(
        rf"^files/{PROJECT}/$", CatalogListView.as_view(), name="rosetta-file-list"
    ),
    re_path(
        rf"^files/{PROJECT}/(?P<lang_id>[\w\-_\.@]+)/(?P<idx>\d+)/$",
        CatalogFormView.as_view(),
        name="rosetta-form",
    ),
    re_path(
        rf"^files/{PROJECT}/(?P<lang_id>[\w\-_\.@]+)/(?P<idx>\d+)/download/$",
        CatalogDownloadView.as_view(),
        name="rosetta-download-file",
    ),
    re_path(
        r"^translate/$", rosetta_views.translate_text, name="rosetta.translate_text"
    ),
]
