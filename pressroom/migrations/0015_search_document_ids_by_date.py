"""Search documents' ids now follow their dates (search_ids.document_id): the
documents made before are removed, and the first migrate that finds none makes
them all again (search_index.build_if_empty, after this migration)."""

from django.db import migrations


def remove_documents(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        # Without the full-text tables' triggers, rows go at once rather than
        # each taken out of each index; ensure_search_indexes, after every
        # migrate, puts the triggers back and refills the (empty) tables.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'pressroom_search_fts_%%'"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP TRIGGER "{name}"')
    apps.get_model("pressroom", "SearchDocument").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pressroom", "0014_desk_indexes"),
    ]

    operations = [
        migrations.RunPython(remove_documents, migrations.RunPython.noop),
    ]
