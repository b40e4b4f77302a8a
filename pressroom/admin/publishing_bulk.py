"""The release list's bulk actions (publish, unpublish, withdraw): an
intermediate page shows what each selected release would become and what is
refused, and only what it showed is changed, each through `pressroom.publishing`.
"""

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from pressroom import publishing, roles

BULK_TEMPLATE = "admin/pressroom/pressrelease/publishing_bulk.html"
BULK_TARGETS = {
    "publish": publishing.PUBLISHED,
    "unpublish": publishing.DRAFT,
    "withdraw": publishing.WITHDRAWN,
}


class BulkPublishingActions:
    """publish, unpublish and withdraw on the list, for PressReleaseAdmin."""

    def bulk_plans(self, queryset, target_name, now):
        """[(release, plan or None, refusal messages)] for each selected release."""
        rows = []
        for release in queryset:
            before = publishing.release_state(release, now)
            target = BULK_TARGETS[target_name]
            if (
                target == publishing.PUBLISHED
                and before == publishing.DRAFT
                and release.published_at
                and release.published_at > now
            ):
                target = publishing.SCHEDULED  # its time is set: schedule it
            if before == target:
                rows.append((release, None, [gettext("Already in this state.")]))
                continue
            try:
                change = publishing.plan(
                    release,
                    before=before,
                    target=target,
                    now=now,
                    stored_time=release.published_at,
                    withdrawn_at=release.withdrawn_at,
                )
            except publishing.Refused as refused:
                rows.append(
                    (
                        release,
                        None,
                        [str(m) for errors in refused.errors.values() for m in errors],
                    )
                )
            else:
                rows.append((release, change, []))
        return rows

    def run_status_action(self, request, queryset, target_name):
        if not roles.can_publish(request.user):
            raise PermissionDenied
        now = timezone.now()
        rows = self.bulk_plans(queryset, target_name, now)
        if request.POST.get("post") != "yes":
            return self.bulk_page(request, rows, target_name)
        confirmed = set(request.POST.getlist("confirmed"))
        changed = 0
        with self.create_revision(request):
            for release, change, _refusals in rows:
                if (
                    change is None
                    or f"{release.pk}:{change.signature}" not in confirmed
                ):
                    continue
                publishing.apply(release, change)
                release.save()
                self.log_change(request, release, [{"changed": {"fields": ["status"]}}])
                changed += 1
            reversion.set_comment(gettext("State changed from the list"))
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
        return None

    def bulk_page(self, request, rows, target_name):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Confirm the change of state"),
            "action": target_name,
            "rows": [
                {
                    "release": release,
                    "url": reverse(
                        f"{self.admin_site.name}:pressroom_pressrelease_change",
                        args=[release.pk],
                    ),
                    "plan": change,
                    "key": change and f"{release.pk}:{change.signature}",
                    "before": change and publishing.STATE_LABELS[change.before],
                    "after": change and publishing.STATE_LABELS[change.after],
                    "refusals": refusals,
                }
                for release, change, refusals in rows
            ],
            "selected": [release.pk for release, _change, _refusals in rows],
            "any_allowed": any(change for _release, change, _r in rows),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, BULK_TEMPLATE, context)

    @admin.action(
        description=_("Publish the selected press releases"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        return self.run_status_action(request, queryset, "publish")

    @admin.action(
        description=_("Unpublish the selected press releases"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        return self.run_status_action(request, queryset, "unpublish")

    @admin.action(
        description=_("Withdraw the selected press releases"), permissions=["publish"]
    )
    def withdraw(self, request, queryset):
        return self.run_status_action(request, queryset, "withdraw")
