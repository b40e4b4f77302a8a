"""Preview links shown again while valid (a seed the token is derived from), and
editors may make them (pressroom.roles)."""

from django.db import migrations, models


def widen_groups(apps, schema_editor):
    from pressroom.roles import ensure_groups

    ensure_groups(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("pressroom", "0010_presence"),
    ]

    operations = [
        migrations.AddField(
            model_name="previewlink",
            name="seed",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.RunPython(widen_groups, migrations.RunPython.noop),
    ]
