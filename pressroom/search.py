"""Search over the releases available in one language.

Each release keeps a normalised search text per language (`search_ru`, ...), made
when it is saved; a query is normalised the same way and matched word by word, so
the database does the work and nothing is scanned in Python.
"""

import re

from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from pressroom.search_index import TABLE, fts_table
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
# A word found in most releases ("театр") made the database read and sort tens of
# thousands of long texts: 14 s on SQLite, 6 s on PostgreSQL at 100,000 releases.
# The latest this many matches are searched, and readers are told to add a word
# when a search may have been cut.
MAX_MATCHES = 2000
# PostgreSQL: how long the trigram index may take before the common-word plan
# (0: the common-word plan at once).
INDEX_PLAN_MS = 300


def may_be_cut(count):
    """Whether a search with `count` results may have left older matches out."""
    return count >= MAX_MATCHES


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
    if connection.vendor == "postgresql" and terms:
        return queryset.filter(pk__in=_postgres_latest_matches(language, terms))
    for term in terms:
        queryset = queryset.filter(**{f"search_{language}__contains": term})
    return queryset


def _postgres_latest_matches(language, terms):
    """Ids of the latest MAX_MATCHES releases whose search text has every term.

    The trigram GIN index finds a rare word in milliseconds, but PostgreSQL
    cannot tell a common one from a rare one (it guesses 10 rows for any
    LIKE) and rechecks every candidate's long text: 2.5 s for a word in
    every release. Walking the releases from the newest finds 2,000 of those
    in 60 ms. So the index plan gets INDEX_PLAN_MS; if it runs out, the walk.
    """
    column = f"search_{language}"
    conditions = " AND ".join(f"{column} LIKE %s" for _term in terms)
    params = [f"%{connection.ops.prep_for_like_query(term)}%" for term in terms]
    query = (
        f"SELECT id FROM {TABLE} WHERE {conditions} "
        f"ORDER BY id DESC LIMIT {int(MAX_MATCHES)}"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if INDEX_PLAN_MS > 0:
            cursor.execute(f"SET LOCAL statement_timeout = {int(INDEX_PLAN_MS)}")
            try:
                with transaction.atomic():  # a savepoint to roll back to
                    cursor.execute(query, params)
                    return [row[0] for row in cursor.fetchall()]
            except OperationalError:  # QueryCanceled: a common word
                pass
            cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(query, params)
        return [row[0] for row in cursor.fetchall()]


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
