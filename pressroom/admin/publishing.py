"""Publishing in the back office: every path through `pressroom.publishing`.

- The change form: its status field offers the four states, and the buttons
  above it (publish, schedule, withdraw...) submit the same form, so what was
  typed is saved with the change. A change of state, or a publication time far
  in the past, is saved only after a confirmation page that carries the whole
  submitted form (every field and inline, as hidden inputs) and posts it again.
- Restoring a version and recovering a deleted release post the change form
  too: the same rules, against the state the release is in now.
- The list's bulk actions ask on an intermediate page, as deleting does
  (`publishing_bulk`).
- "Scheduled" has its own column and filter.

Only publishers (`roles.can_publish`) change a state; each change is a revision.
"""

import datetime
from http import HTTPStatus

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pressroom import publishing, roles
from pressroom.admin import newsroom_desk, staged_uploads
from pressroom.admin.publishing_bulk import BulkPublishingActions
from pressroom.admin.release_form import (
    BACK,
    CONFIRMED,
    NOT_CARRIED,
    SUBMIT_NAMES,
    PublishingForm,
    stored_state,
)
from pressroom.backoffice import LANGUAGE_NAMES, TRANSLATION_LANGUAGES
from pressroom.models import PressRelease, PreviewLink

CONFIRMATION_TEMPLATE = "admin/pressroom/pressrelease/publishing_confirmation.html"
SOURCE_CHANGES_TEMPLATE = "admin/pressroom/pressrelease/source_changes.html"


@admin.display(description=_("state"), ordering="status")
def state(release):
    """The state in words ("Scheduled" too), with a class for its colour."""
    current = publishing.release_state(release, timezone.now())
    return format_html(
        '<span class="publishing-state publishing-{}">{}</span>',
        current,
        publishing.STATE_LABELS[current],
    )


def state_filter_query(state, now):
    if state == publishing.SCHEDULED:
        return Q(status=PressRelease.Status.PUBLISHED, published_at__gt=now)
    if state == publishing.PUBLISHED:
        return Q(status=PressRelease.Status.PUBLISHED) & (
            Q(published_at__lte=now) | Q(published_at__isnull=True)
        )
    return Q(status=state)


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return list(publishing.STATE_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in publishing.STATES:
            return queryset.filter(state_filter_query(self.value(), timezone.now()))
        return queryset


class PublishingActions(BulkPublishingActions):
    """Buttons, the confirmation page, restores and bulk actions for
    PressReleaseAdmin (which puts this mixin first)."""

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    # What changed in the Russian since a translation was saved (from the desk)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/source-changes/<str:language>/",
                self.admin_site.admin_view(self.source_changes_view),
                name="{}_{}_source_changes".format(*info),
            ),
            *super().get_urls(),
        ]

    def source_changes_view(self, request, object_id, language):
        release = self.get_object(request, unquote(object_id))
        if release is None or language not in TRANSLATION_LANGUAGES:
            raise Http404
        if not self.has_view_or_change_permission(request, release):
            raise PermissionDenied
        version, changes = newsroom_desk.source_changes(release, language)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("What changed in the Russian text: %(language)s")
            % {"language": LANGUAGE_NAMES[language]},
            "release": release,
            "language": language,
            "language_name": LANGUAGE_NAMES[language],
            "version": version,
            "changes": changes,
            "change_url": reverse(
                f"{self.admin_site.name}:pressroom_pressrelease_change",
                args=[release.pk],
            ),
        }
        return TemplateResponse(request, SOURCE_CHANGES_TEMPLATE, context)

    # The change form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        staged = staged_uploads.restore(request) if request.method == "POST" else []
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if staged and response.status_code == HTTPStatus.FOUND:
            staged_uploads.discard(staged)  # saved where they belong by now
        return response

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if inline.model is PreviewLink:
            # The links' addresses are on the host the page was asked on.
            kwargs["form_kwargs"] = {
                **kwargs.get("form_kwargs", {}),
                "request": request,
            }
        return kwargs

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        attributes = {
            "publishing_before": getattr(request, "publishing_before", None),
            "opened_state": opened_state(request),
        }
        if not any(attributes.values()):
            return form
        return type(form.__name__, (form,), attributes)

    def transition_buttons(self, request, release, state=None):
        """The steps a publisher can take from `state` (the release's by default),
        as submit buttons of the form."""
        if release is None or not roles.can_publish(request.user):
            return []
        state = state or publishing.release_state(release, timezone.now())
        return [
            {"target": target, "label": publishing.TRANSITIONS[(state, target)]}
            for target in publishing.targets(state)
        ]

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        form = context["adminform"].form
        if (
            request.method == "POST"
            and isinstance(form, PublishingForm)
            and form.publishing_plan is not None
            and form.awaits_confirmation()
            and all(
                inline.formset.is_valid()
                for inline in context.get("inline_admin_formsets", [])
            )
        ):
            return self.confirmation_page(request, form, obj)
        # A form shown again holds the release as it would be saved.
        saved_state = getattr(form, "publishing_state", None)
        context.setdefault(
            "transition_buttons", self.transition_buttons(request, obj, saved_state)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def confirmation_page(self, request, form, release):
        change = form.publishing_plan
        submit = next((name for name in SUBMIT_NAMES if name in request.POST), None)
        carried = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in NOT_CARRIED
            for value in values
        ]
        # Chosen files too: stored, and carried as signed notes.
        carried += [
            (staged_uploads.FIELD, note) for note in staged_uploads.stage_all(request)
        ]
        edited = [
            str(form.fields[name].label or name)
            for name in form.changed_data
            if name not in ("status", "published_at", "withdrawn_at")
        ]
        title = (
            gettext("Confirm: %(action)s") % {"action": change.label}
            if change.label
            else gettext("Confirm the publication time")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "release": release,
            "release_title": form.cleaned_data.get("title_ru") or str(release or ""),
            "plan": change,
            "before_label": publishing.STATE_LABELS[change.before],
            "after_label": publishing.STATE_LABELS[change.after],
            "carried": carried,
            "submit_name": submit or "_continue",
            "edited": edited,
            "files": [
                upload.name
                for _field, uploads in request.FILES.lists()
                for upload in uploads
            ],
            "confirmed_name": CONFIRMED,
            "back_name": BACK,
        }
        response = TemplateResponse(request, CONFIRMATION_TEMPLATE, context)
        # Rendered now: a restore's view swaps the template of any page it gets
        # back, and leaves a rendered one as it is.
        return response.render()

    # Restoring a version and recovering a deletion post the change form with the
    # version's data; the database holds that version while the form is checked,
    # so the state it is in now is read first.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        release = PressRelease.objects.filter(pk=unquote(object_id)).first()
        request.publishing_before = stored_state(release, timezone.now())
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request.publishing_before = stored_state(None, timezone.now())
        return super().recover_view(request, version_id, extra_context)


def opened_state(request):
    """The publishing state the change form being saved showed when opened, from
    its snapshot; None without one."""
    edit = getattr(request, "concurrent_edit", None)
    if edit is None or edit.opened_value("status") is None:
        return None
    published_at = edit.opened_value("published_at")
    if published_at is not None:
        published_at = datetime.datetime.fromisoformat(published_at)
    return publishing.state_of(
        edit.opened_value("status"), published_at, timezone.now()
    )
