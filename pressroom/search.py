"""Search: a reader's words, matched against the index, ranked, a page at a time.

A query becomes terms (`pressroom.search_terms.Query`), every word must match
(its stem; the last word also as the start of a longer one), in the title, lead
or body of a page in the reader's language that is listed now. The database
ranks: SQLite FTS5's bm25 and PostgreSQL's ts_rank, with the title weighing
most and the body least, times a gentle boost for recent pages (RECENCY_BOOST:
a page of today weighs up to that much more than an old one, half of it after
RECENCY_DAYS). "Newest first" is the other order. Every match is counted and
can be paged to: nothing is cut. What a result shows is search_results'.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from pressroom.models import LANGUAGE_CODES
from pressroom.search_ids import ALWAYS, DATE_SHIFT, date_key
from pressroom.search_index import (
    STAFF,
    TABLE,
    fts_table,
    index_condition,
)
from pressroom.search_results import RESULTS
from pressroom.search_syntax import FIELDS, fts_match, ts_queries
from pressroom.search_terms import Query
from pressroom.shell.cache import remembered

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# Field weights: title, lead (and dateline), body; the tags never count.
WEIGHTS = {"title": 10.0, "lead": 4.0, "body": 1.0}
# The tiers of a word in more than RANKED_ALL pages: (the fields every word is
# in, those where not every word is), in order.
TIERS = (
    (("title",), None),
    (("title", "lead"), ("title",)),
    (FIELDS, ("title", "lead")),
)
RANKED_ALL = 2000
# A walk asks a prefix as the words it stands for, up to this many (Persian
# pairs make many: «مترو» starts seventy words at 100,000 releases).
MAX_EXPANSIONS = 100
RECENCY_BOOST = 0.3
RECENCY_DAYS = 365
ORDERS = ("relevance", "newest")
# The back-office's search (StaffSearch): past this many matching documents, a
# list tests its rows in its own order instead of making the set of matches.
BROAD = 10_000
# PostgreSQL's ts_rank weights, in its order: D (body), C, B (lead), A (title).
POSTGRES_WEIGHTS = "{{{}, 0, {}, 1.0}}".format(
    WEIGHTS["body"] / WEIGHTS["title"], WEIGHTS["lead"] / WEIGHTS["title"]
)


# PostgreSQL ranks with ts_rank, not ts_rank_cd: ts_rank counts each further
# occurrence of a word for less (as bm25 does on SQLite), ts_rank_cd for as
# much as the first, so a long release naming Isfahan ten times outranked the
# page about Isfahan. Both divide by 1 + the log of the document's length (1).
POSTGRES_NORMALIZATION = 1


def clean_query(raw, language=None):
    """The reader's query as terms; ValidationError for one no one could mean."""
    if "\x00" in raw:
        raise ValidationError(_("The search contains a character that is not allowed."))
    if len(raw) > MAX_QUERY_LENGTH:
        raise ValidationError(
            _("The search is too long: use at most %(limit)d characters."),
            params={"limit": MAX_QUERY_LENGTH},
        )
    query = Query(raw, language or translation.get_language(), MAX_WORDS)
    if not query:
        raise ValidationError(_("Type a word to search for."))
    return query


class Search:
    """One search: the query, the reader's language, filters, an order.

    `tags`: filter tags every result carries (a topic, a partner city); `since`
    and `until`: a date range (datetimes, to the minute); `order`: "relevance"
    or "newest".

    A document's id follows its date (search_ids.document_id), so the
    index's own order is the date's: newest first, a date range and the
    recency boost need no read of a document. Up to RANKED_ALL matches are
    ranked by relevance (bm25, ts_rank) times the boost; past that a word is
    in too many pages to tell them apart (bm25's idf of a word in half of them
    is nil), and results come in tiers: every word in the title, then in the
    title or lead, then the rest, each newest first. Each page of either is a
    walk of the index that stops at the page.
    """

    ordered = True  # Paginator checks it.

    def __init__(self, query, tags=(), since=None, until=None, order="relevance"):
        self.query = query
        self.language = query.language
        self.tags = list(tags)
        self.since, self.until = since, until
        self.order = order
        self.now = timezone.now()

    def _bounds(self, column):
        """SQL conditions (and parameters) of the date range on ids."""
        sql, params = [], []
        if self.since or self.until:
            # Undated pages (key 0) are in no range.
            sql.append(f"{column} >= %s")
            params.append(max(date_key(self.since), date_key(ALWAYS)))
        if self.until:
            sql.append(f"{column} < %s")
            params.append(date_key(self.until))
        return sql, params

    def _select(self, columns=FIELDS, without=None, walk=False, ranked=False):
        """SQL selecting the ids (as `id`) of this search's documents whose
        every word is in `columns` (and not all in `without`: a tier), and its
        parameters; `walk`: for a walk in id order that stops at a page,
        `ranked`: for ranking every match."""
        if connection.vendor == "postgresql":
            words, tags = ts_queries(self.query, self.tags, columns, without)
            # The partial index's condition, literally (search_index.py).
            sql = [
                index_condition(self.language, row=None),
                "vector @@ to_tsquery('simple', %s)",
                "public_from <= %s",
            ]
            params = [words, _db(self.now)]
            if tags:
                sql.append("tag_vector @@ to_tsquery('simple', %s)")
                params.append(tags)
            bounds, values = self._bounds("id")
            where = " AND ".join(sql + bounds)
            return f"SELECT id FROM {TABLE} WHERE {where}", params + values
        fts = fts_table(self.language)
        bounds, values = self._bounds("rowid")
        where = " AND ".join(
            [
                f"{fts} MATCH %s",
                *bounds,
                f"rowid NOT IN (SELECT id FROM {TABLE} WHERE public_from > %s)",
            ]
        )
        # FTS5 makes a prefix's list of documents whole before giving the
        # first (every match of "metro*", each time it is named: ~10 ms at
        # 50,000), where the words it stands for are walked lazily.
        expansions = self._expansions() if walk or ranked else None
        if not walk and expansions and len(expansions) > 1:
            # bm25 weighs each word named apart: ranked, a prefix stays one.
            expansions = None
        match = fts_match(self.query, self.tags, columns, without, expansions)
        params = [match, *values, _db(self.now)]
        return f"SELECT rowid AS id FROM {fts} WHERE {where}", params

    def _tiers(self):
        """(SQL, parameters) selecting each tier's matches."""
        return [self._select(*tier, walk=True) for tier in TIERS]

    def _expansions(self):
        """SQLite: the indexed terms that start with the last word's prefix
        (None past MAX_EXPANSIONS, or without a prefix): read with the count."""
        return self._counted()[1]

    def count(self):
        return self._counted()[0]

    def _counted(self):
        """(every match counted, the prefix's terms): remembered until a page
        of the reader's language changes in search."""
        key = "\x1f".join(
            map(
                str,
                (
                    "search-counted",
                    self.query.key(),
                    *self.tags,
                    self.since,
                    self.until,
                ),
            )
        )
        return remembered(key, self._count, [f"search:{self.language}"])

    def _count(self):
        select, params = self._select()
        sql = [f"(SELECT count(*) FROM ({select}) AS m)"]
        prefix = self.query.prefix
        if connection.vendor == "sqlite" and prefix is not None:
            # From the index's vocabulary, in the same query.
            sql.append(
                f"(SELECT group_concat(term, ' ') FROM (SELECT term FROM "
                f"{fts_table(self.language)}_vocab WHERE term >= %s AND term < %s "
                "LIMIT %s))"
            )
            params += [prefix, prefix + "\U0010ffff", MAX_EXPANSIONS + 1]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(sql)}", params)
            row = cursor.fetchone()
        terms = row[1].split(" ") if len(row) > 1 and row[1] else []
        return row[0], (terms if len(terms) <= MAX_EXPANSIONS else None) or None

    def ids(self, limit, offset):
        """The ids of one page of results, in order."""
        if self.order == "newest":
            select, params = self._select(walk=True)
            statement = f"{select} ORDER BY id DESC LIMIT %s OFFSET %s"
            params = [*params, limit, offset]
        elif self.count() > RANKED_ALL:
            statement, params = self._tiered(limit, offset)
        else:
            statement, params = self._ranked(limit, offset)
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return [row[0] for row in cursor.fetchall()]

    def _tiered(self, limit, offset):
        """One page of the tiers, newest first in each. A page's rows are among
        the first offset + limit of each tier: each tier's walk stops there,
        and no tier needs counting."""
        parts, params = [], []
        for number, (select, values) in enumerate(self._tiers()):
            parts.append(
                f"SELECT * FROM (SELECT {number} AS tier, id FROM ({select}) AS m "
                f"ORDER BY id DESC LIMIT %s) AS t{number}"
            )
            params += [*values, offset + limit]
        statement = " UNION ALL ".join(parts)
        return (
            f"SELECT id FROM ({statement}) AS p ORDER BY tier, id DESC "
            "LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )

    def _ranked(self, limit, offset):
        """Every match ranked: relevance times the recency boost, whose age
        in days comes from the id (search_ids.date_key)."""
        select, params = self._select(ranked=True)
        days = f"CAST(id >> {DATE_SHIFT} AS DOUBLE PRECISION) / 1440"
        greatest = "GREATEST" if connection.vendor == "postgresql" else "max"
        boost = f"(1 + %s / (1 + {greatest}(0, %s - {days}) / %s))"
        age = [RECENCY_BOOST, (self.now - ALWAYS).total_seconds() / 86400, RECENCY_DAYS]
        if connection.vendor == "postgresql":
            # ts_rank: the higher the better.
            rank = "ts_rank(%s, vector, to_tsquery('simple', %s), %s)"
            select = select.replace("SELECT id", f"SELECT id, {rank} AS score", 1)
            params = [POSTGRES_WEIGHTS, params[0], POSTGRES_NORMALIZATION, *params]
            order = f"score * {boost} DESC"
        else:
            # bm25() is negative, the better the lower; the boost deepens it.
            fts = fts_table(self.language)
            weights = ", ".join(str(WEIGHTS[name]) for name in FIELDS)
            select = select.replace(
                "SELECT rowid AS id",
                f"SELECT rowid AS id, bm25({fts}, {weights}, 0) AS score",
                1,
            )
            order = f"score * {boost}"
        statement = f"SELECT id FROM ({select}) AS m ORDER BY {order}, id DESC"
        return f"{statement} LIMIT %s OFFSET %s", [*params, *age, limit, offset]

    def page(self, bottom, top, count):
        ids = self.ids(top - bottom, bottom) if top > bottom else []
        found = {result.pk: result for result in RESULTS(ids)}
        results = [found[pk] for pk in ids if pk in found]
        for result in results:
            result.prepare(self.query)
        return results


class StaffSearch:
    """The back-office's search of one kind of object: every language, drafts
    included (the staff's index holds the unlisted documents).

    Two ways to keep a list's rows, chosen by how many documents match
    (`is_broad`, one query that stops counting at BROAD):

    - `ids()`: SQL for the matching objects' ids, for `pk IN (...)`. The
      database makes that set once per query; cheap while it is small.
    - `exists(column)`: SQL for "this row matches", correlated to the list's id
      `column`: the list walks its own order (its index) and tests each row (one
      index step to its documents), so a page of a word in nearly every release
      reads about a page of rows, where `IN` first made a set of 100,000 ids.
    """

    def __init__(self, raw, kind):
        self.kind = kind
        self.queries = [
            (language, query)
            for language in LANGUAGE_CODES
            if (query := Query(raw[:MAX_QUERY_LENGTH], language, MAX_WORDS))
        ]

    def __bool__(self):
        return bool(self.queries)

    def _documents(self):
        """SQL (and parameters) of the ids of the matching documents."""
        if connection.vendor == "postgresql":
            # One select per partial index (each language's, and the staff's
            # for the unlisted), so each can use its own.
            selects, params = [], []
            for condition, extra, words in self._postgres_parts():
                selects.append(
                    f"SELECT id FROM {TABLE} WHERE kind = %s AND {condition} "
                    "AND vector @@ to_tsquery('simple', %s)"
                )
                params += [self.kind, *extra, words]
            return " UNION ALL ".join(selects), params
        selects, params = [], []
        for language, query in self.queries:
            fts = fts_table(language)
            selects.append(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s")
            params.append(fts_match(query, [f"k{self.kind}"]))
        staff = fts_table(STAFF)
        selects.append(f"SELECT rowid FROM {staff} WHERE {staff} MATCH %s")
        params.append(
            " OR ".join(
                "({})".format(fts_match(query, [f"l{language}", f"k{self.kind}"]))
                for language, query in self.queries
            )
        )
        return " UNION ALL ".join(selects), params

    def _postgres_parts(self):
        for language, query in self.queries:
            words = ts_queries(query, [])[0]
            yield index_condition(language, None), [], words
            yield f"{index_condition(STAFF, None)} AND language = %s", [language], words

    def is_broad(self):
        """Whether more than BROAD documents match (counted no further)."""
        sql, params = self._documents()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM ({sql} LIMIT {BROAD + 1}) AS found", params
            )
            return cursor.fetchone()[0] > BROAD

    def ids(self):
        """SQL (and parameters) of the ids of the matching objects."""
        sql, params = self._documents()
        return (
            f"SELECT object_id FROM {TABLE} WHERE kind = %s AND id IN ({sql})",
            [self.kind, *params],
        )

    def exists(self, column):
        """SQL (and parameters): whether the object of id `column` matches."""
        if connection.vendor == "postgresql":
            conditions, params = [], [self.kind]
            for condition, extra, words in self._postgres_parts():
                conditions.append(
                    f"({condition} AND vector @@ to_tsquery('simple', %s))"
                )
                params += [*extra, words]
            return (
                f"EXISTS (SELECT 1 FROM {TABLE} WHERE kind = %s AND object_id = "
                f"{column} AND ({' OR '.join(conditions)}))",
                params,
            )
        sql, params = self._documents()
        # The documents' set is made once; each row then costs an index step.
        return (
            f"EXISTS (SELECT 1 FROM {TABLE} WHERE kind = %s AND object_id = "
            f"{column} AND id IN ({sql}))",
            [self.kind, *params],
        )


def _db(value):
    """A value as the database adapter takes it (datetimes in SQLite's text)."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def counts_elsewhere(raw, language, tags=(), since=None, until=None):
    """{language: count} of the same search's results in the other languages."""
    found = {}
    for other in LANGUAGE_CODES:
        if other == language:
            continue
        query = Query(raw[:MAX_QUERY_LENGTH], other, MAX_WORDS)
        if query:
            count = Search(query, tags, since, until).count()
            if count:
                found[other] = count
    return found
