"""Make the search index again from every searchable page, with a progress bar.

    manage.py rebuild_search_index               # everything
    manage.py rebuild_search_index --if-empty    # only when the index is empty
    manage.py rebuild_search_index --processes 1 # in this process only

Pages are indexed as they are saved; this is for a new installation, after a
change to how text becomes terms (pressroom/search_terms.py), or when the index
was lost. Worker processes (one per core by default) read the pages and make
their documents, the slow, pure-Python part; this process writes them in
batches, each batch in its own transaction replacing its pages' documents, so
searches go on meanwhile and never find a page twice. Documents of pages that no
longer exist are removed at the end.
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
    documents_for,
    ensure_search_indexes,
    fts_table,
    objects_to_index,
)

BATCH = 500


def make_documents(job):
    """(ids, their documents) for one batch of one kind (in a worker)."""
    kind_name, ids = job
    kind = KINDS[kind_name]
    objects = objects_to_index(kind).filter(pk__in=ids)
    return ids, [doc for obj in objects for doc in documents_for(kind, obj)]


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
        for kind in KINDS.values():
            self.rebuild(kind, processes, quiet=verbosity == 0)
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # Merge each index's segments, as after any large write.
                for name in INDEXES:
                    fts = fts_table(name)
                    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
            cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}")

    def rebuild(self, kind, processes, quiet):
        ids = list(kind.objects().order_by("pk").values_list("pk", flat=True))
        jobs = [
            (kind.name, ids[start : start + BATCH])
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
            for batch, documents in self.batches(jobs, processes):
                self.write(kind, batch, documents)
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
            yield from map(make_documents, jobs)
            return
        # Workers open their own connections: none may be shared across a fork.
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            yield from pool.imap(make_documents, jobs)

    def write(self, kind, ids, documents):
        with transaction.atomic():
            SearchDocument.objects.filter(kind=kind.name, object_id__in=ids).delete()
            SearchDocument.objects.bulk_create(documents)
