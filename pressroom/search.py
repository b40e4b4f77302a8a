"""Search over the releases available in one language.

Each release keeps a normalised search text per language (`search_ru`, ...), made
when it is saved; a query is normalised the same way and matched word by word, so
the database does the work and nothing is scanned in Python.
"""

import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from pressroom.search_index import fts_table
from pressroom.text import plain_text, search_normalize

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_CHARS = 220


def clean_query(raw):
    """The words to look for; ValidationError for a query no one could mean."""
    if "\x00" in raw:
        raise ValidationError(_("The search contains a character that is not allowed."))
    if len(raw) > MAX_QUERY_LENGTH:
        raise ValidationError(
            _("The search is too long: use at most %(limit)d characters."),
            params={"limit": MAX_QUERY_LENGTH},
        )
    terms = search_normalize(raw).split()
    if not terms:
        raise ValidationError(_("Type a word to search for."))
    return terms[:MAX_TERMS]


# Trigram indexes can only find words of three characters or more.
MIN_INDEXED_LENGTH = 3
# SQLite: a word found in most releases ("город") made it sort and count tens of
# thousands of matches, 14 s at 100,000 releases. The newest this many are
# searched; readers are told to add a word when a search may have been cut.
MAX_MATCHES = 2000


def may_be_cut(count):
    """Whether a search with `count` results may have left older matches out."""
    return connection.vendor == "sqlite" and count >= MAX_MATCHES


def search(queryset, language, terms):
    """Releases whose search text contains every term (terms are normalised)."""
    indexed = [term for term in terms if len(term) >= MIN_INDEXED_LENGTH]
    if connection.vendor == "sqlite" and indexed:
        table = fts_table(language)
        # Quoted FTS5 strings match as substrings under the trigram tokenizer.
        match = " AND ".join('"{}"'.format(term.replace('"', '""')) for term in indexed)
        queryset = queryset.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM {table} WHERE {table} MATCH %s "
                f"ORDER BY rowid DESC LIMIT {int(MAX_MATCHES)}",
                [match],
            )
        )
        terms = [term for term in terms if term not in indexed]
    # PostgreSQL's trigram GIN index serves these LIKE '%term%' filters.
    for term in terms:
        queryset = queryset.filter(**{f"search_{language}__contains": term})
    return queryset


def snippet(release, terms):
    """A short piece of the lead or body around the first word found."""
    text = plain_text(f"{release.lead} {release.body}")
    folded = search_normalize(text)
    # Folding can change lengths (ZWNJ, marks), so find the position roughly.
    position = min(
        (folded.find(term) for term in terms if folded.find(term) >= 0), default=0
    )
    start = max(0, position - SNIPPET_CHARS // 3)
    piece = text[start : start + SNIPPET_CHARS]
    if start > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    if start + SNIPPET_CHARS < len(text):
        piece = re.sub(r"\s+\S*$", "", piece) + "…"
    return piece
