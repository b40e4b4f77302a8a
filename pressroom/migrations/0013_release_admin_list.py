from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pressroom", "0009_search_documents"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="pressrelease",
            index=models.Index(
                fields=[
                    "-published_at",
                    "-id",
                    "status",
                    "featured",
                    "in_fa",
                    "in_en",
                    "source_digest",
                    "fa_source_digest",
                    "en_source_digest",
                ],
                name="release_admin_list",
            ),
        ),
    ]
