"""Make the search index again from every searchable page, with a progress bar.

    manage.py rebuild_search_index               # everything
    manage.py rebuild_search_index --if-empty    # only when the index is empty
    manage.py rebuild_search_index --processes 1 # in this process only

Pages are indexed as they are saved; this is for a new installation, after a
change to how text becomes terms (pressroom/search_terms.py), or when the index
was lost. Worker processes (one per core by default) read the pages and make
their documents, the slow, pure-Python part, as rows ready to write, and write
them in batches (PostgreSQL: COPY, from each worker; SQLite, one writer at a
time: executemany, from this process), each batch in its own transaction
replacing its pages' documents, so searches go on meanwhile and never find a
page twice. Documents of pages that no longer exist are removed at the end.

Into an empty index (a new installation, a benchmark's dataset), the structures
that keep the full-text indexes in step with the documents are dropped for the
load and made once at the end (`ensure_search_indexes`: FTS5 filled in one pass,
GIN indexes built from the table), which is cheaper than keeping them row by row;
there is nothing to search meanwhile.
"""

import multiprocessing
import os

from django.core.management.base import BaseCommand
from django.db import connection, connections, transaction
from tqdm import tqdm

from pressroom.models import SearchDocument
from pressroom.search_index import (
    INDEXES,
    KINDS,
    document_values,
    ensure_search_indexes,
    fts_table,
    objects_to_index,
    postgres_index,
)

BATCH = 500
# Every column a document is written with (PostgreSQL's vectors are generated
# from them).
FIELDS = SearchDocument._meta.concrete_fields


def make_rows(kind, ids):
    """The documents of a batch of pages of one kind, as rows of FIELDS' values
    ready for the database."""
    objects = objects_to_index(kind).filter(pk__in=ids)
    return [
        tuple(
            field.get_db_prep_save(values[field.attname], connection)
            for field in FIELDS
        )
        for obj in objects
        for values in document_values(kind, obj)
    ]


def index_batch(job):
    """Make one batch's documents (in a worker) and write them when the job says
    so: (ids, the rows left for the caller to write, or None)."""
    kind_name, ids, write_here = job
    rows = make_rows(KINDS[kind_name], ids)
    if not write_here:
        return ids, rows
    write_batch(kind_name, ids, rows)
    return ids, None


def write_batch(kind_name, ids, rows):
    """Replace the documents of a batch's pages, in one transaction."""
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind_name, object_id__in=ids).delete()
        insert_rows(rows)


def insert_rows(rows):
    """Write documents' rows in one statement (the caller's transaction)."""
    quote = connection.ops.quote_name
    table = quote(SearchDocument._meta.db_table)
    columns = ", ".join(quote(field.column) for field in FIELDS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(FIELDS))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows
            )


def drop_index_upkeep():
    """Drop what keeps the full-text indexes in step with the documents: the FTS5
    triggers on SQLite, the GIN indexes on PostgreSQL (ensure_search_indexes
    makes them again and, on SQLite, fills the FTS5 tables)."""
    with connection.cursor() as cursor:
        for name in INDEXES:
            if connection.vendor == "sqlite":
                for suffix in ("ai", "ad", "au"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {fts_table(name)}_{suffix}")
            elif connection.vendor == "postgresql":
                cursor.execute(f"DROP INDEX IF EXISTS {postgres_index(name)}")


class Command(BaseCommand):
    help = "Make the search index again from every searchable page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the index already holds documents",
        )
        parser.add_argument(
            "--processes",
            type=int,
            default=os.cpu_count() or 1,
            help="worker processes that make documents (default: one per core)",
        )

    def handle(self, *args, if_empty=False, processes=1, verbosity=1, **options):
        if if_empty and SearchDocument.objects.exists():
            return
        ensure_search_indexes()
        if not SearchDocument.objects.exists():
            drop_index_upkeep()
        try:
            for kind in KINDS.values():
                self.rebuild(kind, processes, quiet=verbosity == 0)
        finally:
            # Puts back what was dropped and fills what it keeps, in one
            # transaction: a page saved meanwhile is in the fill or written
            # after it through the triggers, never both.
            with transaction.atomic():
                ensure_search_indexes()
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # Merge each index's segments, as after any large write.
                for name in INDEXES:
                    fts = fts_table(name)
                    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
            cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}")

    def rebuild(self, kind, processes, quiet):
        ids = list(kind.objects().order_by("pk").values_list("pk", flat=True))
        # PostgreSQL: each worker writes its batches, so the server's part of a
        # write (the generated vectors, the GIN index) runs in as many backends
        # at once. SQLite writes one transaction at a time: this process does.
        write_here = connection.vendor == "postgresql"
        jobs = [
            (kind.name, ids[start : start + BATCH], write_here)
            for start in range(0, len(ids), BATCH)
        ]
        # tqdm redraws its line with "\r": the command's stderr must not end
        # each of its writes with a new line.
        self.stderr.ending = ""
        progress = tqdm(
            total=len(ids),
            desc=str(kind.label),
            unit=" pages",
            disable=quiet,
            file=self.stderr,
        )
        with progress:
            for batch, rows in self.batches(jobs, processes):
                if rows is not None:
                    write_batch(kind.name, batch, rows)
                progress.update(len(batch))
        # Each batch replaced its pages' documents; those of pages that are
        # gone remain.
        SearchDocument.objects.filter(kind=kind.name).exclude(
            object_id__in=kind.objects().values("pk")
        ).delete()

    def batches(self, jobs, processes):
        alone = (
            processes <= 1
            or len(jobs) <= 1
            # Other processes could not see what this one has not committed,
            # nor an in-memory database at all.
            or connection.in_atomic_block
            or (connection.vendor == "sqlite" and connection.is_in_memory_db())
        )
        if alone:
            yield from map(index_batch, jobs)
            return
        # Workers open their own connections: none may be shared across a fork.
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            yield from pool.imap(index_batch, jobs)
