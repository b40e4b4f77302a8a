"""Remember the note each applicant was sent, so it goes once (desk.tasks).

Requests told of their status before this were told of the note they hold now:
it is marked as sent, not sent again with their next change."""

from django.db import migrations, models


def mark_told_notes(apps, schema_editor):
    AccreditationRequest = apps.get_model("desk", "AccreditationRequest")
    AccreditationRequest.objects.using(schema_editor.connection.alias).exclude(
        notified_status=""
    ).update(notified_reply=models.F("reply"))


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0002_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="accreditationrequest",
            name="notified_reply",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(mark_told_notes, migrations.RunPython.noop),
    ]
