"""Give the back office's groups their permissions on events, the press desk and
e-mail alerts (pressroom.roles)."""

from django.db import migrations


def make_groups(apps, schema_editor):
    from pressroom.roles import ensure_groups

    ensure_groups(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("events", "0001_initial"),
        ("desk", "0001_initial"),
        ("pressroom", "0003_roles"),
    ]

    operations = [migrations.RunPython(make_groups, migrations.RunPython.noop)]
