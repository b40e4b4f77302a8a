"""A release's attachments and preview links, edited on its page."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from pressroom import images, roles
from pressroom.admin.thumbnails import attachment_preview
from pressroom.backoffice import (
    LANGUAGE_NAMES,
    BackOfficeMixin,
    UploadChecksForm,
)
from pressroom.models import (
    Attachment,
    PreviewLink,
)
from pressroom.shell.alternates import absolute

PREVIEW_LINK_MAX_LIFETIME = datetime.timedelta(days=90)


class AttachmentForm(UploadChecksForm):
    upload_checks = {"file": images.validate_attachment}


class AttachmentInline(BackOfficeMixin, TranslationStackedInline):
    model = Attachment
    form = AttachmentForm
    fields = ("title", "file", "preview", "position")
    readonly_fields = ("preview",)
    extra = 0

    preview = staticmethod(attachment_preview)


class PreviewLinkForm(forms.ModelForm):
    """A preview link; its address is shown (to copy) while it is valid."""

    address = forms.CharField(
        label=_("address"),
        required=False,
        widget=forms.TextInput(attrs={"readonly": True, "class": "preview-address"}),
    )
    reissue = forms.BooleanField(
        label=_("new address"),
        required=False,
        help_text=_("The old address stops working."),
    )
    revoke = forms.BooleanField(label=_("revoke"), required=False)

    class Meta:
        model = PreviewLink
        fields = ("language", "expires_at")

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        link = self.instance
        if link.pk:
            self.fields["language"].disabled = True
        if not link.pk or link.revoked_at:
            self.fields["revoke"].disabled = True
            self.fields["reissue"].disabled = True
        token = link.pk and link.state == "active" and link.token()
        if token and request is not None:
            self.initial["address"] = absolute(link.url(token), request)
            self.fields["address"].widget.attrs["aria-label"] = _("address")
        elif link.pk and link.state == "active":
            self.initial["address"] = gettext(
                "Not shown again: tick “new address” to get one."
            )
        # What is shown is never read back.
        self.fields["address"].disabled = not token

    def clean_address(self):
        return self.initial.get("address", "")

    def clean_expires_at(self):
        expires_at = self.cleaned_data["expires_at"]
        now = timezone.now()
        if "expires_at" in self.changed_data and expires_at <= now:
            raise forms.ValidationError(_("Choose a time in the future."))
        if expires_at > now + PREVIEW_LINK_MAX_LIFETIME:
            days = PREVIEW_LINK_MAX_LIFETIME.days
            raise forms.ValidationError(
                ngettext(
                    "A preview link may last %(days)d day at most.",
                    "A preview link may last %(days)d days at most.",
                    days,
                ),
                params={"days": days},
            )
        return expires_at

    def save(self, commit=True):
        link = super().save(commit=False)
        if self.cleaned_data.get("revoke") and not link.revoked_at:
            link.revoked_at = timezone.now()
        if commit:
            link.save()
        return link


def save_preview_links(request, release, formset):
    """Save the release page's preview links: new ones and re-issued ones get a
    token, and the message gives their address on this site."""
    links = formset.save(commit=False)
    reissued = {
        link.pk for link, fields in formset.changed_objects if "reissue" in fields
    }
    for link in links:
        new = link.pk is None
        renewed = new or (link.pk in reissued and not link.revoked_at)
        if new:
            link.created_by = request.user
        token = link.issue_token() if renewed else None
        link.save()
        if token:
            url = absolute(link.url(token), request)
            messages.success(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    gettext(
                        "Preview link (%(language)s), also shown on the release "
                        "page while it is valid:"
                    )
                    % {"language": LANGUAGE_NAMES[link.language]},
                    url,
                    url,
                ),
            )
            if not release.is_available_in(link.language):
                messages.warning(
                    request,
                    gettext(
                        "The release has no complete %(language)s text yet: "
                        "the link shows nothing until it has."
                    )
                    % {"language": LANGUAGE_NAMES[link.language]},
                )
    formset.save_m2m()


class PreviewLinkInline(admin.TabularInline):
    """Editors and publishers hand out, re-issue and revoke preview links from
    the release page."""

    model = PreviewLink
    form = PreviewLinkForm
    extra = 0
    fields = (
        "language",
        "expires_at",
        "link_state",
        "address",
        "created_by",
        "created_at",
        "last_used_at",
        "use_count",
        "reissue",
        "revoke",
    )
    readonly_fields = (
        "link_state",
        "created_by",
        "created_at",
        "last_used_at",
        "use_count",
    )
    verbose_name = _("preview link for someone without an account")
    verbose_name_plural = _("preview links for people without an account")

    @admin.display(description=_("state"))
    def link_state(self, link):
        if not link.pk:
            return ""
        labels = {
            "active": _("active"),
            "expired": _("expired"),
            "revoked": _("revoked"),
        }
        return format_html(
            '<span class="link-state link-{}">{}</span>', link.state, labels[link.state]
        )

    def has_view_permission(self, request, obj=None):
        return roles.can_share_previews(request.user)

    def has_add_permission(self, request, obj=None):
        return roles.can_share_previews(request.user)

    def has_change_permission(self, request, obj=None):
        return roles.can_share_previews(request.user)

    def has_delete_permission(self, request, obj=None):
        # Kept as a record; a link is revoked, never deleted.
        return False
