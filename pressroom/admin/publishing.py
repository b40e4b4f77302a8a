"""Publishing: actions on the release list and buttons on a release's page.

Only publishers (`roles.can_publish`) may run them; each change is one revision.
"""

from functools import update_wrapper

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from pressroom import roles
from pressroom.models import PressRelease

STATUS_ACTIONS = {
    # action: (label, statuses it applies to)
    "publish": (
        _("Publish"),
        {PressRelease.Status.DRAFT, PressRelease.Status.WITHDRAWN},
    ),
    "unpublish": (
        _("Unpublish"),
        {PressRelease.Status.PUBLISHED, PressRelease.Status.WITHDRAWN},
    ),
    "withdraw": (_("Withdraw"), {PressRelease.Status.PUBLISHED}),
}


class PublishingActions:
    """Publish, unpublish and withdraw, for PressReleaseAdmin."""

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def set_status(self, request, release, action):
        """Apply a publishing action to one release; return whether it changed."""
        now = timezone.now()
        if release.status not in STATUS_ACTIONS[action][1]:
            return False
        if action == "publish":
            if not release.available_languages():
                messages.warning(
                    request,
                    gettext("“%(release)s” has no complete text in any language.")
                    % {"release": release},
                )
                return False
            release.status = PressRelease.Status.PUBLISHED
            release.published_at = release.published_at or now
            release.withdrawn_at = None
        elif action == "unpublish":
            release.status = PressRelease.Status.DRAFT
            release.withdrawn_at = None
        elif action == "withdraw":
            release.status = PressRelease.Status.WITHDRAWN
            release.withdrawn_at = now
        release.save()
        self.log_change(request, release, [{"changed": {"fields": ["status"]}}])
        return True

    def run_status_action(self, request, queryset, action):
        if not roles.can_publish(request.user):
            raise PermissionDenied
        with self.create_revision(request):
            changed = sum(
                self.set_status(request, release, action) for release in queryset
            )
            reversion.set_comment(str(STATUS_ACTIONS[action][0]))
        self.message_user(
            request,
            ngettext(
                "%(count)d press release changed.",
                "%(count)d press releases changed.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS if changed else messages.WARNING,
        )

    @admin.action(
        description=_("Publish the selected press releases"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        self.run_status_action(request, queryset, "publish")

    @admin.action(
        description=_("Unpublish the selected press releases"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self.run_status_action(request, queryset, "unpublish")

    @admin.action(
        description=_("Withdraw the selected press releases"), permissions=["publish"]
    )
    def withdraw(self, request, queryset):
        self.run_status_action(request, queryset, "withdraw")

    def get_urls(self):
        def wrap(view):
            def wrapper(*args, **kwargs):
                return self.admin_site.admin_view(view)(*args, **kwargs)

            wrapper.model_admin = self
            return update_wrapper(wrapper, view)

        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/status/<str:action>/",
                wrap(require_POST(self.status_view)),
                name="{}_{}_status".format(*info),
            ),
            *super().get_urls(),
        ]

    def status_view(self, request, object_id, action):
        """Publish, unpublish or withdraw one release (the release page's buttons)."""
        if action not in STATUS_ACTIONS:
            raise PermissionDenied
        release = get_object_or_404(PressRelease, pk=unquote(object_id))
        self.run_status_action(
            request, PressRelease.objects.filter(pk=release.pk), action
        )
        return HttpResponseRedirect(
            reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
                args=[release.pk],
            )
        )
