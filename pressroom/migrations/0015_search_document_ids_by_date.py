"""Search documents' ids now follow their dates (search_index.document_id): the
documents made before are removed, and the first migrate that finds none makes
them all again (search_index.build_if_empty, after this migration)."""

from django.db import migrations


def remove_documents(apps, schema_editor):
    apps.get_model("pressroom", "SearchDocument").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pressroom", "0014_desk_indexes"),
    ]

    operations = [
        migrations.RunPython(remove_documents, migrations.RunPython.noop),
    ]
