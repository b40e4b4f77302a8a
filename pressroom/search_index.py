"""The search index: one document per page and language, in a full-text index.

Each searchable page (a release, a partner city's page) has a `SearchDocument`
per language it has text in: its title and plain text to show, the date, when it
became public in that language (or never), and its stemmed terms
(`pressroom.search_terms`) by field. The database indexes the terms: an FTS5
table on SQLite (kept in step by triggers), a tsvector column with a GIN index on
PostgreSQL (generated from the same columns). Both are made after every migrate
(`ensure_search_indexes`).

Kinds of pages are registered (`register_kind`): pressroom registers releases;
other apps register theirs from their AppConfig, so pressroom names no other app.
A kind says how to make an object's documents, which objects to index, and when
its documents need remaking (`index_object` from its signal handlers).

`tags` holds filter tokens matched with the terms: `l<language>`, `k<kind>`,
`t<id>` (a topic), `c<id>` (a partner city). A document with a `public_from` is
in its language's full-text index, one without in the staff's (drafts); a
scheduled release is in its language's before its time comes, and searches leave
out documents whose `public_from` is still ahead.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from pressroom.models import (
    LANGUAGE_CODES,
    PressRelease,
    SearchDocument,
    Topic,
    field_in,
)

# ALWAYS is public here too (kinds of other apps date their pages by it).
from pressroom.search_ids import ALWAYS as ALWAYS
from pressroom.search_ids import document_id, kind_number
from pressroom.search_terms import index_terms
from pressroom.text import plain_text

TABLE = SearchDocument._meta.db_table
# Columns of the full-text index, in order; their weights are search.WEIGHTS.
TERM_COLUMNS = ("title_terms", "lead_terms", "body_terms", "tags")


@dataclass
class Entry:
    """What a kind says of one object in one language."""

    language: str
    title: str
    path: str
    lead: str = ""
    body: str = ""
    # Indexed with the lead but not shown (a dateline, a country).
    keywords: str = ""
    date: datetime.datetime | None = None
    public_from: datetime.datetime | None = None
    tags: list = field(default_factory=list)


@dataclass
class SearchKind:
    """A kind of searchable page.

    `entries(obj)` -> the object's Entry per language it has text in;
    `objects()` -> every object of the kind (for rebuilding), prefetched for
    `entries`; `label`: what a result of this kind is called.
    """

    name: str
    model: type
    label: str
    entries: object
    objects: object


@dataclass
class SearchFilter:
    """A filter of the search page: `?<name>=<value>`.

    `choices(language)` -> [(value, label, tag)] offered in that language: the
    value in the address, what the reader sees, the tag of the documents it keeps.
    """

    name: str
    label: str
    choices: object


KINDS = {}
FILTERS = {}
# More tags for a kind's documents, from other apps: name -> [tags(obj)].
TAGGERS = {}
PREFETCHES = {}


def register_kind(kind):
    taken = {kind_number(name): name for name in KINDS if name != kind.name}
    if kind_number(kind.name) in taken:
        raise ImproperlyConfigured(
            f"Search kinds {kind.name!r} and {taken[kind_number(kind.name)]!r} "
            "share a number in document ids (search_ids.document_id): rename one."
        )
    KINDS[kind.name] = kind


def register_filter(search_filter):
    FILTERS[search_filter.name] = search_filter


def register_tagger(kind_name, tagger, prefetch=()):
    """Let another app add tags to a kind's documents (`tagger(obj)` -> tags);
    `prefetch`: what rebuilding should prefetch for it."""
    TAGGERS.setdefault(kind_name, []).append(tagger)
    PREFETCHES.setdefault(kind_name, []).extend(prefetch)


def objects_to_index(kind):
    """Every object of a kind, with what its documents need prefetched."""
    return kind.objects().prefetch_related(*PREFETCHES.get(kind.name, ()))


def kind_of(obj):
    return next((kind for kind in KINDS.values() if isinstance(obj, kind.model)), None)


def document_values(kind, obj):
    """Each of an object's documents as {field name: value} (a rebuild writes
    these as rows, without making model instances)."""
    extra = [tag for tagger in TAGGERS.get(kind.name, ()) for tag in tagger(obj)]
    for entry in kind.entries(obj):
        terms = {
            "title_terms": index_terms(entry.title, entry.language),
            "lead_terms": index_terms(f"{entry.lead} {entry.keywords}", entry.language),
            "body_terms": index_terms(entry.body, entry.language),
        }
        yield dict(
            id=document_id(kind.name, obj.pk, entry.language, entry.date),
            kind=kind.name,
            object_id=obj.pk,
            language=entry.language,
            title=entry.title[:300],
            path=entry.path,
            text=" ".join(part for part in (entry.lead, entry.body) if part),
            date=entry.date,
            public_from=entry.public_from,
            tags=" ".join([f"l{entry.language}", f"k{kind.name}", *entry.tags, *extra]),
            **{name: " ".join(value) for name, value in terms.items()},
        )


def documents_for(kind, obj):
    return (SearchDocument(**values) for values in document_values(kind, obj))


def index_object(obj, kind=None):
    """Make the documents of one object again (after it or its links changed)."""
    kind = kind or kind_of(obj)
    if kind is None:
        return
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind.name, object_id=obj.pk).delete()
        SearchDocument.objects.bulk_create(documents_for(kind, obj))


def unindex_object(obj, kind=None):
    kind = kind or kind_of(obj)
    if kind is not None:
        SearchDocument.objects.filter(kind=kind.name, object_id=obj.pk).delete()


# Releases


def release_entries(release):
    """A release's documents: one per language it has any text in (the admin's
    search finds drafts and half-translated ones); listed where it is public."""
    published = (
        release.status == PressRelease.Status.PUBLISHED
        and release.published_at is not None
    )
    topics = [f"t{topic.pk}" for topic in release.topics.all()]
    for language in LANGUAGE_CODES:
        title, lead, body, dateline = (
            field_in(release, name, language)
            for name in ("title", "lead", "body", "dateline")
        )
        lead, body = plain_text(lead), plain_text(body)
        if not (title or lead or body):
            continue
        listed = published and bool(title and lead and body)
        yield Entry(
            language=language,
            title=title,
            path=release.get_absolute_url(language),
            lead=lead,
            body=body,
            keywords=dateline,
            date=release.published_at,
            public_from=release.published_at if listed else None,
            tags=topics,
        )


register_kind(
    SearchKind(
        name="release",
        model=PressRelease,
        label=_("Press release"),
        entries=release_entries,
        objects=lambda: PressRelease.objects.prefetch_related("topics"),
    )
)
register_filter(
    SearchFilter(
        name="topic",
        label=_("Topic"),
        choices=lambda language: [
            (topic.slug, field_in(topic, "name", language), f"t{topic.pk}")
            for topic in Topic.objects.named_in(language)
        ],
    )
)


def index_release(sender, instance, raw=False, **kwargs):
    index_object(instance)


def unindex_release(sender, instance, **kwargs):
    unindex_object(instance)


def index_topics_change(sender, instance, action, reverse, pk_set, **kwargs):
    """A release's topics changed (from either side): its tags did."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        index_object(instance)
        return
    releases = PressRelease.objects.filter(pk__in=pk_set or ())
    for release in objects_to_index(KINDS["release"]).filter(pk__in=releases):
        index_object(release)


def connect_signals():
    post_save.connect(index_release, sender=PressRelease, dispatch_uid="search-r")
    post_delete.connect(unindex_release, sender=PressRelease, dispatch_uid="search-d")
    m2m_changed.connect(
        index_topics_change,
        sender=PressRelease.topics.through,
        dispatch_uid="search-topics",
    )


# Database structures
#
# One full-text index per language holds the documents listed in it (public
# search asks only one of them, and never wades through the others' or the
# drafts' entries), and one more the unlisted documents of every language
# (drafts, half-translated releases: only staff search them).

STAFF = "staff"
INDEXES = (*LANGUAGE_CODES, STAFF)


def index_condition(name, row="new"):
    """SQL: whether a document row (`new.`, `old.` or none) is in index `name`."""
    prefix = f"{row}." if row else ""
    if name == STAFF:
        return f"{prefix}public_from IS NULL"
    assert name in LANGUAGE_CODES, name
    return f"{prefix}language = '{name}' AND {prefix}public_from IS NOT NULL"


def fts_table(name):
    """The SQLite FTS5 table of index `name` (a language, or STAFF)."""
    return f"pressroom_search_fts_{name}"


def _sqlite_statements(name):
    fts, columns = fts_table(name), ", ".join(TERM_COLUMNS)
    new = ", ".join(f"new.{column}" for column in TERM_COLUMNS)
    old = ", ".join(f"old.{column}" for column in TERM_COLUMNS)
    # INSERT ... SELECT ... WHERE: a trigger's statements cannot be conditional
    # otherwise, and an external-content table must be told to delete exactly
    # the rows it holds.
    insert = (
        f"INSERT INTO {fts}(rowid, {columns}) SELECT new.id, {new} "
        f"WHERE {index_condition(name, 'new')};"
    )
    delete = (
        f"INSERT INTO {fts}({fts}, rowid, {columns}) SELECT 'delete', old.id, {old} "
        f"WHERE {index_condition(name, 'old')};"
    )
    return [
        # unicode61 splits on what terms never hold: the terms are already
        # stemmed and folded, it only cuts at the spaces.
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({columns}, "
        f"content='{TABLE}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0')",
        # Its terms, for a prefix's words (search.Search._expansions).
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts}_vocab USING fts5vocab({fts}, 'row')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {TABLE} "
        f"BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {TABLE} "
        f"BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE ON {TABLE} "
        f"BEGIN {delete} {insert} END",
    ]


def _sqlite_fill(cursor, name):
    """Fill an FTS table from the documents (its triggers were lost)."""
    fts, columns = fts_table(name), ", ".join(TERM_COLUMNS)
    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('delete-all')")
    cursor.execute(
        f"INSERT INTO {fts}(rowid, {columns}) SELECT id, {columns} FROM {TABLE} "
        f"WHERE {index_condition(name, row=None)}"
    )


def _sqlite_triggers_present(cursor, name):
    cursor.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE %s",
        [f"{fts_table(name)}_%"],
    )
    return cursor.fetchone()[0] == 3


# PostgreSQL: the same columns, weighted A (title), B (lead), D (body); the tags
# get a vector of their own, so they never count in the rank.
POSTGRES_VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, title_terms), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, lead_terms), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, body_terms), 'D')"
)
VECTOR_WEIGHTS = {"title": "A", "lead": "B", "body": "D"}
POSTGRES_TAGS = "to_tsvector('simple'::regconfig, tags)"


def postgres_index(name):
    return f"search_vector_{name}"


def ensure_search_indexes(**kwargs):
    """Create what is missing; refill an FTS table whose triggers were lost
    (SQLite rebuilds a table on most schema changes and drops its triggers)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in INDEXES:
                intact = _sqlite_triggers_present(cursor, name)
                for statement in _sqlite_statements(name):
                    cursor.execute(statement)
                if not intact:
                    _sqlite_fill(cursor, name)
        elif connection.vendor == "postgresql":
            for column, expression in (
                ("vector", POSTGRES_VECTOR),
                ("tag_vector", POSTGRES_TAGS),
            ):
                cursor.execute(
                    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {column} tsvector "
                    f"GENERATED ALWAYS AS ({expression}) STORED"
                )
            for name in INDEXES:
                # Partial: a search states its index's condition literally
                # (search.Search), so the planner can prove it uses this one.
                condition = index_condition(name, None)
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {postgres_index(name)} ON {TABLE} "
                    f"USING gin (vector, tag_vector) WHERE {condition}"
                )


def build_if_empty(**kwargs):
    """Index every page once, on the first migrate that finds the index empty
    (a new installation, or an upgrade from before the index)."""
    from django.core.management import call_command

    if not SearchDocument.objects.exists():
        call_command("rebuild_search_index", verbosity=0)
