"""The project's .po files: the markup rule their translations keep, and how
they are saved (only the edited entries rewritten) and compiled.

Translations are text: only a msgid that itself contains markup
(`<bdi>%(name)s</bdi>`) is shown as markup, and then its translation may hold no
tag the msgid does not (pressroom/shell/catalogs.py says where it is checked).
"""

import logging
import os
import re
import tempfile
from pathlib import Path

import polib
from django.utils import timezone

logger = logging.getLogger(__name__)

# GNU gettext's page width (`make messages`), for the entries a save rewrites.
WRAP_WIDTH = 79


# Markup

# Anything a browser would take for a tag, comment or declaration, cut short or
# not ("a < b" and "<5" are text to it).
TAG = re.compile(r"<[A-Za-z/!?][^<>]*>?")


def markup_in(text):
    """The tags of a text, as written (whitespace folded)."""
    return [" ".join(tag.split()) for tag in TAG.findall(text or "")]


def has_markup(text):
    return bool(markup_in(text))


def markup_problem(msgid, translation):
    """The first tag of `translation` that `msgid` does not have, or None: a
    translation may hold only the msgid's own tags, attributes and all."""
    allowed = set(markup_in(msgid))
    return next((tag for tag in markup_in(translation) if tag not in allowed), None)


def entry_problems(entry):
    """The tags a polib entry's translations may not have."""
    if not entry.msgid_plural:
        problem = markup_problem(entry.msgid, entry.msgstr)
        return [problem] if problem else []
    sources = f"{entry.msgid} {entry.msgid_plural}"
    found = (markup_problem(sources, text) for text in entry.msgstr_plural.values())
    return [problem for problem in found if problem]


PLACEHOLDER = re.compile(
    r"%\((?P<named>\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGa]"
    r"|%[-#0 +]*\d*(?:\.\d+)?(?P<positional>[sdifrxXeEgGa])"
    r"|\{(?P<brace>\w*)(?:[!:][^{}]*)?\}"
)


def placeholders(text):
    """(sorted named placeholders, positional ones in order) of a message."""
    named, positional = [], []
    for match in PLACEHOLDER.finditer((text or "").replace("%%", "")):
        if match["named"] is not None:
            named.append(f"%({match['named']})")
        elif match["positional"] is not None:
            positional.append(f"%{match['positional']}")
        else:
            named.append(f"{{{match['brace']}}}")
    return sorted(named), positional


def placeholders_kept(msgid, msgid_plural, index, text):
    """Whether a translation keeps its msgid's placeholders (a page filling
    them in would fail otherwise). Plural form 0 may follow the singular."""
    if not text:
        return True
    found = placeholders(text)
    if not msgid_plural:
        return found == placeholders(msgid)
    allowed = [placeholders(msgid_plural)]
    if index == 0:
        allowed.append(placeholders(msgid))
    return found in allowed


# Saving and compiling


def write_atomically(path, data):
    """Replace the file at `path` with `data` (bytes) in one step."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def compiled(catalog):
    """The .mo bytes of a catalog, entries whose markup breaks the rule left
    untranslated (so they never reach a page)."""
    clean = polib.POFile(wrapwidth=0)
    clean.metadata = dict(catalog.metadata)
    for entry in catalog:
        if entry_problems(entry):
            logger.warning("Not compiled (markup): %r", entry.msgid[:60])
            continue
        clean.append(entry)
    return clean.to_binary()


def compile_catalog(po_path):
    catalog = polib.pofile(str(po_path), wrapwidth=0)
    write_atomically(Path(po_path).with_suffix(".mo"), compiled(catalog))


def translator_name(user):
    name = user.get_full_name().strip() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


def blocks(text):
    """A .po file's text as its blank-line-separated blocks (header, entries)."""
    return text.split("\n\n")


def entry_key(entry):
    return (entry.msgctxt, entry.msgid, entry.obsolete)


def rewritten(original, catalog, translator):
    """The file's text with only what changed rewritten: the edited entries
    (wrapped as `make messages` wraps) and the header's translator and date.
    Every other line keeps its wrapping, so a save is a small diff."""
    parts = blocks(original)
    current = {entry_key(entry): entry for entry in catalog}
    for index, block in enumerate(parts):
        if index == 0 or not block.strip():
            continue
        try:
            parsed = polib.pofile(block + "\n", wrapwidth=0)
        except OSError:
            continue
        entries = list(parsed) + list(parsed.obsolete_entries())
        if len(entries) != 1:
            continue
        old = entries[0]
        new = current.get(entry_key(old))
        if new is not None and new.__unicode__(0) != old.__unicode__(0):
            parts[index] = new.__unicode__(WRAP_WIDTH).rstrip("\n")
    header = parts[0].splitlines()
    stamp = {
        "Last-Translator": translator,
        "PO-Revision-Date": timezone.localtime().strftime("%Y-%m-%d %H:%M%z"),
    }
    for number, line in enumerate(header):
        for field, value in stamp.items():
            if line.startswith(f'"{field}:'):
                header[number] = f'"{polib.escape(f"{field}: {value}")}\\n"'
    parts[0] = "\n".join(header)
    return "\n\n".join(parts)


class KeptWrappingPOFile(polib.POFile):
    """A catalog that Rosetta saves without re-wrapping the whole file."""

    translator = "Rosetta"

    def save(self, fpath=None, repr_method="__unicode__", newline=None):
        path = fpath or self.fpath
        original = Path(path).read_text(encoding="utf-8")
        text = rewritten(original, self, self.translator)
        write_atomically(path, text.encode("utf-8"))
