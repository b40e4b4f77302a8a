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

import copy
import datetime
from http import HTTPStatus

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Q
from django.forms.models import construct_instance
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
from pressroom.backoffice import LANGUAGE_NAMES, TRANSLATION_LANGUAGES
from pressroom.models import PressRelease, PreviewLink

# Names the change form and the confirmation page post.
TRANSITION = "_transition"  # a button's target state
CONFIRMED = "_publishing_confirmed"  # the Plan.signature the person accepted
BACK = "_publishing_back"  # "back to the form", from the confirmation page
SUBMIT_NAMES = ("_save", "_continue", "_addanother", "_saveasnew")
NOT_CARRIED = {
    "csrfmiddlewaretoken",
    CONFIRMED,
    BACK,
    staged_uploads.FIELD,
    *SUBMIT_NAMES,
}
CONFIRMATION_CODE = "publishing-confirmation"
CONFIRMATION_TEMPLATE = "admin/pressroom/pressrelease/publishing_confirmation.html"
SOURCE_CHANGES_TEMPLATE = "admin/pressroom/pressrelease/source_changes.html"


def stored_state(release, now):
    """(state, publication time, withdrawal time) as saved, for plan()."""
    if release is None:
        return publishing.DRAFT, None, None
    return (
        publishing.state_of(release.status, release.published_at, now),
        release.published_at,
        release.withdrawn_at,
    )


class PublishingForm(forms.ModelForm):
    """The release form's side of the state machine (PressReleaseForm inherits it).

    `publishing_before` is what the release is now, when the form's own instance
    is not it: restoring a version fills the instance from the version first.
    """

    publishing_before = None

    # The state the form showed when it was opened, where known (the snapshot of
    # pressroom/concurrent_edits.py); None for forms opened without one.
    opened_state = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.publishing_plan = None
        self.publishing_state = None
        if "status" in self.fields:
            self.fields["status"] = forms.ChoiceField(
                label=self.fields["status"].label,
                choices=list(publishing.STATE_LABELS.items()),
                help_text=_(
                    "“Scheduled”: published at the publication time, which must be "
                    "in the future. Saving a new state asks for a confirmation."
                ),
            )
            state = publishing.release_state(self.instance, timezone.now())
            self.initial["status"] = state

    def requested_state(self, before):
        transition = self.data.get(TRANSITION)
        if transition is None:
            requested = self.cleaned_data.get("status")
            # A state left as the form showed it asks for nothing: someone
            # else's step meanwhile (published, withdrawn) stays.
            if self.opened_state is not None and requested == self.opened_state:
                return before
            return requested
        if transition not in publishing.STATES:
            raise ValidationError(_("Unknown state."), code="invalid")
        return transition

    def clean(self):
        cleaned = super().clean()
        if "status" not in self.fields:
            return cleaned  # not a publisher: the state is not theirs to change
        now = timezone.now()
        before, stored_time, withdrawn_at = self.publishing_before or stored_state(
            self.instance if self.instance.pk else None, now
        )
        # Saving changes the instance; the page shown again needs the state saved.
        self.publishing_state = before
        try:
            target = self.requested_state(before)
        except ValidationError as error:
            self.add_error("status", error)
            return cleaned
        if target is None:
            return cleaned  # the status field has its own error already
        # The model knows no "scheduled": what it stores for the state asked for.
        cleaned["status"] = publishing.STORED_STATUS[target]
        # The release as it will be saved, to check its languages and reasons.
        future = copy.copy(self.instance)
        construct_instance(self, future)
        future.published_at = cleaned.get("published_at")
        future.derive_fields()
        try:
            change = publishing.plan(
                future,
                before=before,
                target=target,
                now=now,
                stored_time=stored_time,
                withdrawn_at=withdrawn_at,
            )
        except publishing.Refused as refused:
            for field, errors in refused.errors.items():
                self.add_error(field if field in self.fields else None, errors)
            return cleaned
        cleaned["status"] = change.status
        cleaned["published_at"] = change.published_at
        if "withdrawn_at" in self.fields:
            cleaned["withdrawn_at"] = change.withdrawn_at
        self.publishing_plan = change
        if change.before != change.after:
            # Set by the step, not typed: a save merged with others' edits
            # (pressroom/concurrent_edits.py) writes them as this person's.
            self.decided_fields = {
                name
                for name in ("status", "published_at", "withdrawn_at")
                if name in self.fields
            }
        if BACK in self.data:
            raise ValidationError(
                _("Not saved yet: change what you need and save again."),
                code="publishing-back",
            )
        if change.needs_confirmation and self.data.get(CONFIRMED) != change.signature:
            raise ValidationError(
                _(
                    "Not saved yet: the state changes from “%(before)s” to "
                    "“%(after)s”; you confirm it once the form is correct."
                )
                % {
                    "before": publishing.STATE_LABELS[change.before],
                    "after": publishing.STATE_LABELS[change.after],
                },
                code=CONFIRMATION_CODE,
            )
        return cleaned

    def awaits_confirmation(self):
        """Valid but for the confirmation of its change of state."""
        errors = self.errors.as_data()
        return set(errors) == {NON_FIELD_ERRORS} and all(
            error.code == CONFIRMATION_CODE for error in errors[NON_FIELD_ERRORS]
        )


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
