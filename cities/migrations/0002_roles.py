"""Give the back office's groups their cities permissions (pressroom.roles)."""

from django.db import migrations


def make_groups(apps, schema_editor):
    from pressroom.roles import ensure_groups

    ensure_groups(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0001_initial"),
        ("pressroom", "0003_roles"),
    ]

    operations = [migrations.RunPython(make_groups, migrations.RunPython.noop)]
