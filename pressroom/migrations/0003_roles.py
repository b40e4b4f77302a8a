"""The back office's groups: Editors, Publishers, Translators (pressroom.roles)."""

from django.db import migrations


def make_groups(apps, schema_editor):
    from pressroom.roles import ensure_groups

    ensure_groups(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("pressroom", "0002_previewlink"),
    ]

    operations = [migrations.RunPython(make_groups, migrations.RunPython.noop)]
