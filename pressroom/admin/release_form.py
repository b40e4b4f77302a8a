"""The release's change form: its side of publishing (the state a save asks for,
checked by `pressroom.publishing.plan()`; the confirmation page is in
pressroom/admin/publishing.py), the names the form and that page post, and the
boxes that say a translation still follows the source."""

import copy

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.models import construct_instance
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pressroom import images, publishing
from pressroom.admin import staged_uploads
from pressroom.backoffice import UploadChecksForm

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


CONFIRM_HELP = _(
    "Tick after a Russian change that needs no new translation (a typo, say): "
    "the translation stops being marked outdated."
)


class PressReleaseForm(PublishingForm, UploadChecksForm):
    """The release form, with a way to say a translation still follows the source."""

    upload_checks = {"image": images.validate_image}

    # Shown only while that translation is outdated (PressReleaseAdmin.get_fieldsets).
    confirm_fa = forms.BooleanField(
        label=_("The Persian text still follows the Russian text"),
        required=False,
        help_text=CONFIRM_HELP,
    )
    confirm_en = forms.BooleanField(
        label=_("The English text still follows the Russian text"),
        required=False,
        help_text=CONFIRM_HELP,
    )
