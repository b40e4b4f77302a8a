"""Database indexes that make substring search fast at 100,000 releases.

SQLite: an FTS5 trigram table per language over `search_<lang>`, kept in step by
triggers. PostgreSQL: a pg_trgm GIN index per language, which `LIKE '%word%'`
uses. Both are (re)made after every migrate: SQLite rebuilds a table on most
schema changes and silently drops its triggers with it.
"""

from django.db import connection

from pressroom.models import LANGUAGE_CODES

TABLE = "pressroom_pressrelease"


def fts_table(language):
    return f"pressroom_search_{language}"


def _sqlite_statements(language):
    fts, column = fts_table(language), f"search_{language}"
    insert = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});"
    delete = (
        f"INSERT INTO {fts}({fts}, rowid, {column}) "
        f"VALUES ('delete', old.id, old.{column});"
    )
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({column}, "
        f"content='{TABLE}', content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {TABLE} "
        f"BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {TABLE} "
        f"BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {column} ON {TABLE} "
        f"BEGIN {delete} {insert} END",
    ]


def _sqlite_triggers_present(cursor, language):
    cursor.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE %s",
        [f"{fts_table(language)}_%"],
    )
    return cursor.fetchone()[0] == 3


def ensure_search_indexes(**kwargs):
    """Create what is missing; rebuild an FTS table whose triggers were lost."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for language in LANGUAGE_CODES:
                intact = _sqlite_triggers_present(cursor, language)
                for statement in _sqlite_statements(language):
                    cursor.execute(statement)
                if not intact:
                    fts = fts_table(language)
                    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        elif connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for language in LANGUAGE_CODES:
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS release_search_{language}_trgm "
                    f"ON {TABLE} USING gin (search_{language} gin_trgm_ops)"
                )
