"""A search's terms in the query languages of the indexes: FTS5's MATCH and
PostgreSQL's tsquery, each term quoted (terms hold only letters and digits, so
quoting is all the escaping either needs, and every operator a reader may type
is gone before this), a field's words by column filter or lexeme weight."""

from pressroom.search_index import VECTOR_WEIGHTS

# The fields of a document's text, in the indexes' order.
FIELDS = ("title", "lead", "body")


def _fts_term(term, prefix=False):
    return '"{}"{}'.format(term.replace('"', '""'), "*" if prefix else "")


def _ts_term(term, prefix=False, weights=""):
    # 'term', 'term':* (a prefix), 'term':AB (in those weights), 'term':*AB.
    label = ("*" if prefix else "") + weights
    quoted = "'{}'".format(term.replace("'", "''").replace("\\", ""))
    return f"{quoted}:{label}" if label else quoted


def _expression(query, quote, both, either):
    parts = []
    for index, group in enumerate(query.groups):
        last = index == len(query.groups) - 1
        if group[0] == "pair":
            _kind, first, second, joined = group
            parts.append(
                f"(({quote(first)} {both} {quote(second)}) {either} {quote(joined)})"
            )
        else:
            parts.append(quote(group[1], prefix=last and query.prefix is not None))
    return f" {both} ".join(parts)


def fts_match(query, tags, columns=FIELDS, without=None, expansions=None):
    """An FTS5 MATCH: the terms in `columns` (and not all in `without`), the
    tags in theirs; `expansions`: the indexed terms the last word's prefix
    stands for, asked by name."""

    def quote(term, prefix=False):
        if prefix and expansions:
            return "({})".format(" OR ".join(map(_fts_term, expansions)))
        return _fts_term(term, prefix)

    words = _expression(query, quote, "AND", "OR")

    def within(names):
        return "{{{}}} : ({})".format(
            " ".join(f"{name}_terms" for name in names), words
        )

    text = within(columns)
    if without:
        text = f"({text}) NOT ({within(without)})"
    if not tags:
        return text
    tagged = " AND ".join(_fts_term(tag) for tag in tags)
    return f"({text}) AND tags : ({tagged})"


def ts_queries(query, tags, columns=FIELDS, without=None):
    """PostgreSQL tsqueries (text): the terms (in `columns`, and not all in
    `without`: their vector's weights), and the tags."""

    def within(names):
        weights = "" if names == FIELDS else "".join(VECTOR_WEIGHTS[n] for n in names)
        return _expression(
            query,
            lambda term, prefix=False: _ts_term(term, prefix, weights),
            "&",
            "|",
        )

    text = within(columns)
    if without:
        text = f"({text}) & !({within(without)})"
    return text, " & ".join(_ts_term(tag) for tag in tags)
