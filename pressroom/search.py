"""Search over the releases available in one language.

Each release keeps a normalised search text per language (`search_ru`, ...), made
when it is saved; a query is normalised the same way and matched word by word, so
the database does the work and nothing is scanned in Python.
"""

import re

from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from pressroom.listing import CARDS_WITH_BODY, Query, cards_in_order
from pressroom.models import PressRelease
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


def _fts_match(terms):
    """An FTS5 query for the indexed terms: quoted strings match as substrings
    under the trigram tokenizer."""
    return " AND ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


def _contains(language, pattern):
    """`search_<language>` contains a LIKE pattern (the normalised text)."""
    operator = connection.operators["contains"]  # the backend's LIKE, escaped
    return RawSQL(
        f"{TABLE}.search_{language} {operator}", [pattern], output_field=BooleanField()
    )


def _matches(now, patterns, match=None, within=None):
    """Listed releases with every term.

    `patterns` are LIKE patterns of terms: the latest matches by id come
    first, as (id, published_at) for the caller to order. On SQLite, `match`
    is the FTS5 query of the terms its trigram table can find: the table gives
    the latest `within` matches, and the ids come in the lists' order.
    """
    language = translation.get_language()
    releases = PressRelease.objects.listed(language, now=now)
    for pattern in patterns:
        releases = releases.filter(_contains(language, pattern))
    if match is None:
        return releases.order_by("-pk").values_list("pk", "published_at")
    table = fts_table(language)
    return releases.filter(
        pk__in=RawSQL(
            f"SELECT rowid FROM {table} WHERE {table} MATCH %s "
            "ORDER BY rowid DESC LIMIT %s",
            [match, within],
        )
    ).values_list("pk", flat=True)


MATCHES = Query(lambda now, patterns: _matches(now, patterns))
FTS_MATCHES = Query(
    lambda now, patterns, match, within: _matches(now, patterns, match, within)
)


def latest_matches(terms, now):
    """Ids of the latest MAX_MATCHES listed releases that have every term
    (normalised) in the reader's language, newest first."""
    if connection.vendor == "postgresql":
        return _newest_first(_postgres_latest_matches(now, _patterns(terms)))
    indexed = [term for term in terms if len(term) >= MIN_INDEXED_LENGTH]
    if connection.vendor == "sqlite" and indexed:
        patterns = _patterns([term for term in terms if term not in indexed])
        return FTS_MATCHES(now, patterns, _fts_match(indexed), MAX_MATCHES)
    return _newest_first(MATCHES(now, _patterns(terms), limit=MAX_MATCHES))


def _newest_first(rows):
    """Ids of (id, published_at) rows in the lists' order."""
    rows.sort(key=lambda row: (row[1], row[0]), reverse=True)
    return [pk for pk, _published in rows]


def _patterns(terms):
    return [f"%{connection.ops.prep_for_like_query(term)}%" for term in terms]


def _postgres_latest_matches(now, patterns):
    """The trigram GIN index finds a rare word in milliseconds, but PostgreSQL
    cannot tell a common one from a rare one (it guesses 10 rows for any
    LIKE) and rechecks every candidate's long text: 2.5 s for a word in
    every release. Walking the releases from the newest finds 2,000 of those
    in 60 ms. So the index plan gets INDEX_PLAN_MS; if it runs out, the walk.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        if INDEX_PLAN_MS > 0:
            cursor.execute(f"SET LOCAL statement_timeout = {int(INDEX_PLAN_MS)}")
            try:
                with transaction.atomic():  # a savepoint to roll back to
                    return MATCHES(now, patterns, limit=MAX_MATCHES)
            except OperationalError:  # QueryCanceled: a common word
                pass
            cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        return MATCHES(now, patterns, limit=MAX_MATCHES)


class SearchResults:
    """The results of one search, as `ReleasePaginator` pages through them.

    One query finds the matches (at most MAX_MATCHES, so counting them is
    counting a list); they are shown newest first, as every list is.
    """

    ordered = True

    def __init__(self, terms):
        self.ids = latest_matches(terms, timezone.now()) if terms else []

    def count(self):
        return len(self.ids)

    def page(self, bottom, top, count):
        return cards_in_order(CARDS_WITH_BODY, self.ids[bottom:top])


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
