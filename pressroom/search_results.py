"""Search results as a page shows them: a card's kind, title and snippet with
the matched words marked, and the offer of the same search in another
language ("В русской версии: 3 результата")."""

import re

from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from pressroom import calendars
from pressroom.models import SearchDocument
from pressroom.search_index import KINDS
from pressroom.search_terms import WORD
from pressroom.shell import listing

SNIPPET_CHARS = 220


class Result:
    """A search result as its card shows it."""

    __slots__ = ("date", "kind", "label", "path", "pk", "snippet", "text", "title")

    def __init__(self, pk, kind, title, path, text, date):
        self.pk, self.kind, self.title, self.path = pk, kind, title, path
        self.text, self.date = text, date
        self.label, self.snippet = "", ""

    def get_absolute_url(self):
        return self.path

    def prepare(self, query):
        kind = KINDS.get(self.kind)
        self.label = kind.label if kind else ""
        self.title = highlight(self.title, query)
        self.snippet = snippet(self.text, query)


RESULTS = listing.Query(
    lambda ids: SearchDocument.objects.filter(pk__in=ids).values_list(
        "pk", "kind", "title", "path", "text", "date"
    ),
    make=Result,
)


# "В русской версии: 3 результата": the version is named in the reader's
# language, and the number in their digits.
ELSEWHERE = {
    "ru": lambda count: ngettext(
        "In the Russian version: %(number)s result",
        "In the Russian version: %(number)s results",
        count,
    ),
    "fa": lambda count: ngettext(
        "In the Persian version: %(number)s result",
        "In the Persian version: %(number)s results",
        count,
    ),
    "en": lambda count: ngettext(
        "In the English version: %(number)s result",
        "In the English version: %(number)s results",
        count,
    ),
}


def results_elsewhere(language, count):
    reader = translation.get_language()
    return ELSEWHERE[language](count) % {
        "number": calendars.localize_digits(count, reader)
    }


def highlight(text, query):
    """Text, escaped, with the words the query found in <mark>."""
    out, position = [], 0
    for match in WORD.finditer(text):
        if query.matches_word(match.group()):
            out.append(escape(text[position : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


def snippet(text, query):
    """A short piece of the text around the first word found, highlighted."""
    start = 0
    for match in WORD.finditer(text):
        if query.matches_word(match.group()):
            start = max(0, match.start() - SNIPPET_CHARS // 3)
            break
    piece = text[start : start + SNIPPET_CHARS]
    if start > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    if start + SNIPPET_CHARS < len(text):
        piece = re.sub(r"\s+\S*$", "", piece) + "…"
    return highlight(piece, query)
