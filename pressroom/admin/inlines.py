"""A release's attachments and preview links, edited on its page."""

import datetime

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from pressroom import images, roles
from pressroom.admin.thumbnails import attachment_preview
from pressroom.backoffice import (
    BackOfficeMixin,
    UploadChecksForm,
)
from pressroom.models import (
    Attachment,
    PreviewLink,
)

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
    revoke = forms.BooleanField(label=_("revoke"), required=False)

    class Meta:
        model = PreviewLink
        fields = ("language", "expires_at")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["language"].disabled = True
        if not self.instance.pk or self.instance.revoked_at:
            self.fields["revoke"].disabled = True

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


class PreviewLinkInline(admin.TabularInline):
    """Publishers hand out and revoke preview links from the release page."""

    model = PreviewLink
    form = PreviewLinkForm
    extra = 0
    fields = (
        "language",
        "expires_at",
        "link_state",
        "created_by",
        "created_at",
        "last_used_at",
        "use_count",
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
        return roles.can_publish(request.user)

    def has_add_permission(self, request, obj=None):
        return roles.can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return roles.can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        # Kept as a record; a link is revoked, never deleted.
        return False
