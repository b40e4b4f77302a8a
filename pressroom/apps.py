from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press releases")

    def ready(self):
        # Cache freshness only: no business rule hangs on these signals.
        from pressroom import freshness, page_tags

        freshness.connect()
        page_tags.register()
        from pressroom.images import release_deleted
        from pressroom.search_index import ensure_search_indexes

        # The image itself goes with django-cleanup; its renditions with this.
        post_delete.connect(
            release_deleted, sender="pressroom.PressRelease", dispatch_uid="renditions"
        )
        post_migrate.connect(ensure_search_indexes, sender=self)
