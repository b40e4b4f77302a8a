"""Who may do what in the back office (docs/domain.md, Roles).

Three groups, made by a data migration (`0003_roles`) through `ensure_groups()`:

- Editors write releases and topics; they cannot publish and cannot delete what
  has been published.
- Editors and publishers hand out preview links.
- Publishers do what editors do, and publish, unpublish, withdraw, delete and
  restore earlier versions.
- Translators change only the Persian and English fields and the interface
  strings (`.po` files, through Rosetta); no status, dates, adding or deleting.
  A translator given "Translates into Persian" (or English) works in that
  language alone: the other's fields are read-only, the desk lists only its
  tasks.
- Events and press officers are managed by editors and publishers and
  translated by translators; both answer accreditation requests; only
  publishers see the e-mail subscribers and how sending went.

The admin checks the permission `pressroom.publish_pressrelease`, not a group
name, wherever it can, so a superuser or a custom group works as expected. Only
"translates only" is a matter of group membership: no permission says "only the
translation fields".
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

EDITORS = "Editors"
PUBLISHERS = "Publishers"
TRANSLATORS = "Translators"

PUBLISH = "pressroom.publish_pressrelease"

ALL = ("add", "change", "delete", "view")
# "app_label.model": actions; the permission codename is "<action>_<model>".
# An app built on pressroom adds its models' rows with `register_permissions()` in
# its AppConfig.ready(). Models of an app not migrated yet are skipped: such an app
# applies its rows by calling `ensure_groups()` from a migration of its own.
GROUP_PERMISSIONS = {
    EDITORS: {
        # Deleting is limited to drafts in the admin (PressReleaseAdmin).
        "pressroom.pressrelease": ALL,
        "pressroom.attachment": ALL,
        "pressroom.topic": ("add", "change", "view"),
        # Preview links for a partner's press office to check a draft.
        "pressroom.previewlink": ("add", "change", "view"),
        "events.event": ALL,
        "desk.pressofficer": ALL,
        "desk.accreditationrequest": ("change", "view"),
    },
    PUBLISHERS: {
        "pressroom.pressrelease": (*ALL, "publish"),
        "pressroom.attachment": ALL,
        "pressroom.topic": ALL,
        "pressroom.previewlink": ALL,
        "events.event": ALL,
        "desk.pressofficer": ALL,
        "desk.accreditationrequest": ("change", "delete", "view"),
        # Only publishers see who subscribed, and how sending went.
        "alerts.subscription": ("delete", "view"),
        "alerts.dispatch": ("view",),
        "alerts.delivery": ("view",),
    },
    TRANSLATORS: {
        "pressroom.pressrelease": ("change", "view"),
        "pressroom.attachment": ("change", "view"),
        "pressroom.topic": ("change", "view"),
        "events.event": ("change", "view"),
        "desk.pressofficer": ("change", "view"),
    },
}


def register_permissions(rows):
    """Add ``{group: {"app_label.model": actions}}`` to the role table."""
    for group, models in rows.items():
        GROUP_PERMISSIONS[group].update(models)


def ensure_groups(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the three groups and give them their permissions; safe to repeat.

    Permissions are only added, never taken away, so a group an operator has
    widened stays as it is. Works with a migration's historical `apps` too: the
    permissions rows are made first, since Django otherwise makes them only after
    every migration has run.
    """
    labels = {
        label.split(".")[0] for spec in GROUP_PERMISSIONS.values() for label in spec
    }
    for app_config in apps.get_app_configs():
        if app_config.label in labels:
            # Historical app configs have no models module; create_permissions
            # would skip them.
            models_module = getattr(app_config, "models_module", None)
            app_config.models_module = models_module or True
            try:
                create_permissions(app_config, verbosity=0, using=using, apps=apps)
            finally:
                app_config.models_module = models_module
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, spec in GROUP_PERMISSIONS.items():
        group, _created = group_model.objects.using(using).get_or_create(name=name)
        wanted = Q(pk__in=[])
        for label, actions in spec.items():
            app_label, model = label.split(".")
            wanted |= Q(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        group.permissions.add(*permission_model.objects.using(using).filter(wanted))


def group_names(user):
    """The names of the user's groups, read once per user object."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_pressroom_groups"):
        user._pressroom_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._pressroom_groups


def can_publish(user):
    return user.is_active and user.has_perm(PUBLISH)


def translates_only(user):
    """A translator and nothing more: may change only the non-Russian fields."""
    if not user.is_active or user.is_superuser:
        return False
    groups = group_names(user)
    return TRANSLATORS in groups and not groups & {EDITORS, PUBLISHERS}


def translation_languages(user, languages):
    """Which of `languages` a translator works in: those their account or a
    group of theirs is given ("Translates into Persian"...), or all of them
    when none is given, as for a superuser."""
    chosen = [
        code for code in languages if user.has_perm(f"pressroom.translate_into_{code}")
    ]
    return chosen or list(languages)


def can_translate_interface(user):
    """Rosetta's access check: superusers and the Translators group."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or (user.is_staff and TRANSLATORS in group_names(user))


def can_share_previews(user):
    """Editors and publishers: preview links for people without an account."""
    return user.is_active and user.has_perm("pressroom.add_previewlink")


def can_preview(user):
    """Staff who may see a release before it is public (and its files)."""
    return (
        user.is_authenticated
        and user.is_staff
        and user.has_perm("pressroom.view_pressrelease")
    )
