from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _

# Apps whose content appears on public pages; `cities` is named, not imported.
CONTENT_APPS = {"pressroom", "cities", "events", "desk"}
# Models of those apps that no public page shows.
NOT_SHOWN = {"desk.accreditationrequest"}


def _content_changed(sender, **kwargs):
    if (
        sender._meta.app_label in CONTENT_APPS
        and sender._meta.label_lower not in NOT_SHOWN
    ):
        from pressroom.cache import invalidate_after_commit

        invalidate_after_commit()


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press releases")

    def ready(self):
        # Cache freshness only: no business rule hangs on these signals.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_content_changed, dispatch_uid=f"pages-{signal!r}")
        from pressroom.images import release_deleted
        from pressroom.search_index import ensure_search_indexes

        # The image itself goes with django-cleanup; its renditions with this.
        post_delete.connect(
            release_deleted, sender="pressroom.PressRelease", dispatch_uid="renditions"
        )
        post_migrate.connect(ensure_search_indexes, sender=self)
