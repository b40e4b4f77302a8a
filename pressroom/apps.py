from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press releases")

    def ready(self):
        # Cache freshness only: no business rule hangs on these signals.
        from pressroom.shell import freshness, page_tags

        freshness.connect()
        page_tags.register()
        from pressroom import search_index
        from pressroom.images import release_deleted

        # The image itself goes with django-cleanup; its renditions with this.
        post_delete.connect(
            release_deleted, sender="pressroom.PressRelease", dispatch_uid="renditions"
        )
        # The search index is derived data too: made again when what it
        # copies changes, whatever path the change took (a form, a restore).
        search_index.connect_signals()
        post_migrate.connect(search_index.ensure_search_indexes, sender=self)
        post_migrate.connect(search_index.build_if_empty, sender=self)
        from pressroom import demo
        from pressroom.demo import releases

        demo.register("releases", releases.load)
        # Registers its `check --deploy` check of the proxy set-up.
        from pressroom import signin  # noqa: F401
