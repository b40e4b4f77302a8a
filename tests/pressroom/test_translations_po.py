"""The interface strings (`locale/*/LC_MESSAGES/django.po`) are complete and current.

Checked in Python with polib, so `make test` catches a bad catalog without GNU
gettext: Plural-Forms headers, untranslated and fuzzy entries (ru, fa), placeholder
and plural-form mismatches. Only the staleness check (are the msgids those the code
has?) needs xgettext, because Django's makemessages extracts through it; without
it that one test is skipped and says why.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
LOCALE = BASE_DIR / "locale"
LANGUAGES = ("ru", "fa", "en")
# Readers see these, so every string must be translated (en may fall back to msgid).
COMPLETE = ("ru", "fa")
PLURAL_FORMS = {
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "fa": "nplurals=2; plural=(n > 1);",
    "en": "nplurals=2; plural=(n != 1);",
}
NPLURALS = {"ru": 3, "fa": 2, "en": 2}
# The Makefile's `messages` target, which regenerates the catalogs.
MAKEMESSAGES = [
    "makemessages",
    *("--locale", "ru", "--locale", "fa", "--locale", "en"),
    "--add-location=file",
    "--no-obsolete",
    *("--ignore", ".venv/*", "--ignore", "staticfiles/*"),
    *("--ignore", "tests/*", "--ignore", "bench/*"),
]
NOT_COPIED = shutil.ignore_patterns(
    ".venv",
    ".git",
    "staticfiles",
    "media",
    "node_modules",
    "__pycache__",
    "tests",
    "bench",
    "*.sqlite3*",
    "*.mo",
)
PLACEHOLDER = re.compile(r"%\((?P<named>\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGa]|"
                         r"%[-#0 +]*\d*(?:\.\d+)?(?P<positional>[sdifrxXeEgGa])|"
                         r"\{(?P<brace>\w*)(?:[!:][^{}]*)?\}")  # fmt: skip


def po_path(language):
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def catalog(language, path=None):
    """A catalog: the site's own in `language`, or the one at `path`."""
    path = path or po_path(language)
    if not path.exists():
        pytest.fail(
            f"{path.relative_to(BASE_DIR)} is missing: run `make messages` and "
            "translate it.",
            pytrace=False,
        )
    return polib.pofile(str(path), wrapwidth=0)


def catalogs(languages):
    """(language, .po) of the site's catalogs and of locale/third_party's, the
    strings of Django and its apps that their own catalogs lack."""
    found = [(language, po_path(language)) for language in languages]
    found += [
        (path.parts[-3], path)
        for path in sorted((LOCALE / "third_party").glob("*/LC_MESSAGES/*.po"))
        if path.parts[-3] in languages
    ]
    return [
        pytest.param(language, path, id=str(path.relative_to(LOCALE)))
        for language, path in found
    ]


def placeholders(text):
    """(sorted named placeholders, positional ones in order) of a message."""
    named, positional = [], []
    for match in PLACEHOLDER.finditer(text.replace("%%", "")):
        if match.group("named") is not None:
            named.append(f"%({match.group('named')})")
        elif match.group("positional") is not None:
            positional.append(f"%{match.group('positional')}")
        else:
            named.append(f"{{{match.group('brace')}}}")
    return sorted(named), positional


def live_entries(po):
    return [entry for entry in po if not entry.obsolete and entry.msgid]


def describe(entry):
    return repr(entry.msgid[:60])


@pytest.mark.parametrize(("language", "path"), catalogs(LANGUAGES))
def test_plural_forms_header_is_exactly_the_agreed_one(language, path):
    po = catalog(language, path)
    assert po.metadata.get("Plural-Forms") == PLURAL_FORMS[language]
    assert po.metadata.get("Content-Type", "").lower().endswith("charset=utf-8")


@pytest.mark.parametrize(("language", "path"), catalogs(COMPLETE))
def test_every_string_is_translated_and_none_is_fuzzy(language, path):
    po = catalog(language, path)
    untranslated = [describe(e) for e in po.untranslated_entries()]
    fuzzy = [describe(e) for e in live_entries(po) if "fuzzy" in e.flags]
    # A plural entry with an empty form counts as untranslated too.
    partial = [
        describe(e)
        for e in live_entries(po)
        if e.msgid_plural and not all(e.msgstr_plural.values())
    ]
    problems = {
        "untranslated": untranslated,
        "fuzzy (compilemessages would skip them)": fuzzy,
        "plural forms missing": partial,
        "header": ["marked fuzzy"] if po.metadata_is_fuzzy else [],
    }
    assert not any(problems.values()), f"{language}: " + "; ".join(
        f"{problem}: {entries}" for problem, entries in problems.items() if entries
    )


@pytest.mark.parametrize(("language", "path"), catalogs(LANGUAGES))
def test_plural_entries_have_every_form(language, path):
    po = catalog(language, path)
    wrong = [
        (describe(entry), sorted(entry.msgstr_plural))
        for entry in live_entries(po)
        if entry.msgid_plural
        and any(entry.msgstr_plural.values())
        and sorted(entry.msgstr_plural) != list(range(NPLURALS[language]))
    ]
    assert not wrong, f"{language} needs {NPLURALS[language]} plural forms: {wrong}"


@pytest.mark.parametrize(("language", "path"), catalogs(LANGUAGES))
def test_translations_keep_the_placeholders(language, path):
    po = catalog(language, path)
    wrong = []
    for entry in live_entries(po):
        if entry.msgid_plural:
            plural, singular = (
                placeholders(entry.msgid_plural),
                placeholders(entry.msgid),
            )
            for index, text in entry.msgstr_plural.items():
                found = placeholders(text)
                # Form 0 may follow the singular msgid ("One release").
                allowed = [plural, singular] if index == 0 else [plural]
                if text and found not in allowed:
                    wrong.append((describe(entry), index, found, plural))
        elif entry.msgstr:
            expected, found = placeholders(entry.msgid), placeholders(entry.msgstr)
            if found != expected:
                wrong.append((describe(entry), found, expected))
    assert not wrong, f"placeholder mismatches in {language}: {wrong}"


def test_placeholder_parser():
    assert placeholders("%(count)d of %(total)s, %s and %d, {name}, 100%%") == (
        ["%(count)", "%(total)", "{name}"],
        ["%s", "%d"],
    )


def msgids(po):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in live_entries(po)}


def test_catalogs_hold_exactly_the_strings_of_the_code(tmp_path):
    """`make messages` would change nothing: no string missing, none left over."""
    for language in LANGUAGES:
        catalog(language)
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip(
            "GNU gettext (xgettext, msgmerge) is not installed, so the msgids of the "
            "code cannot be extracted: the staleness check is skipped (the other "
            ".po checks ran). apt-get install gettext to run it."
        )
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project, ignore=NOT_COPIED)
    environment = {**os.environ, "DJANGO_DEBUG": "1", "DJANGO_DEMO": "1"}
    environment.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES, "--verbosity", "0"],
        cwd=project,
        env=environment,
        check=True,
        capture_output=True,
        timeout=300,
    )
    problems = []
    for language in LANGUAGES:
        committed = msgids(catalog(language))
        regenerated = project / "locale" / language / "LC_MESSAGES" / "django.po"
        current = msgids(polib.pofile(str(regenerated)))
        missing = sorted(msgid for _ctx, msgid, _plural in current - committed)
        leftover = sorted(msgid for _ctx, msgid, _plural in committed - current)
        if missing:
            problems.append(f"{language}: not in the .po yet: {missing[:10]}")
        if leftover:
            problems.append(f"{language}: no longer in the code: {leftover[:10]}")
    assert not problems, "run `make messages` and translate:\n" + "\n".join(problems)


# Django and its apps in Russian and Persian (locale/third_party)

THIRD_PARTY = LOCALE / "third_party"


def installed_locale_roots():
    """The locale folders of Django and of every installed app."""
    import django
    from django.apps import apps

    roots = [Path(django.__file__).parent / "conf" / "locale"]
    roots += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    return [root for root in roots if root.is_dir() and root != LOCALE]


def translated(path):
    """(context, msgid) of each translated entry; no context is ""."""
    po = polib.pofile(str(path))
    return {(e.msgctxt or "", e.msgid) for e in po if e.translated()}


def offered(root, domain):
    """What an app asks to be translated: its English catalog's msgids, or any one's."""
    found = sorted(root.glob(f"*/LC_MESSAGES/{domain}.po"))
    if not found:
        return set()
    source = next((path for path in found if path.parts[-3] == "en"), found[0])
    po = polib.pofile(str(source))
    return {(e.msgctxt or "", e.msgid) for e in po if not e.obsolete}


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", COMPLETE)
def test_the_admin_has_every_string_of_django_and_its_apps(language, domain):
    """Else the admin shows it in English, or in Russian (LANGUAGE_CODE) for fa."""
    installed = installed_locale_roots()
    have = set()
    for root in [*installed, LOCALE, THIRD_PARTY]:
        path = root / language / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            have |= translated(path)
    missing = [
        (key[1], root.parent.name)
        for root in installed
        for key in sorted(offered(root, domain) - have)
    ]
    assert not missing, (
        f"Add these to locale/third_party/{language}/LC_MESSAGES/{domain}.po: "
        + "; ".join(f"{msgid!r} ({app})" for msgid, app in missing)
    )
