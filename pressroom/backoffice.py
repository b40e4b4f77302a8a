"""What every translated model's admin shares, in pressroom and the apps built on it.

Tabs in the order of the languages with Persian inputs right-to-left, the Russian
source shown beside each translation, translators limited to their languages, the
upload checks of `pressroom.images`, and the one inline script the prose editor
needs allowed by its hash under the Content-Security-Policy.
"""

import base64
import hashlib
import logging
import re

import reversion
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from pressroom import html, roles
from pressroom.history import ReadableHistory
from pressroom.local_numbers import (
    ERROR_DIGITS_RENDERER,
    with_localized_errors,
    with_moment_columns,
)
from pressroom.models import (
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    Attachment,
    PressRelease,
)
from pressroom.shell.middleware import STORAGE_FAILURE, is_storage_failure
from pressroom.shell.storage import discarded_on_failure

logger = logging.getLogger(__name__)
TRANSLATION_LANGUAGES = [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE]
LANGUAGE_NAMES = dict(settings.LANGUAGES)
STATE_LABELS = {
    "complete": _("complete"),
    "missing": _("missing"),
    "outdated": _("outdated"),
}
ADMIN_MEDIA = {
    # admin.css and a11y.js are on every admin page
    # (templates/backoffice/admin/base_site.html).
    "css": {"all": []},
    "js": [
        "pressroom-admin/admin.js",
        "pressroom-admin/jalali.js",
        "pressroom-admin/unsaved.js",
    ],
}
_IMPORTMAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.S)

# A release follows its attachments, so restoring it restores them too. Preview
# links are deliberately not followed: a restore must never revive a revoked link.
if not reversion.is_registered(PressRelease):
    reversion.register(PressRelease, follow=["attachments"])
if not reversion.is_registered(Attachment):
    reversion.register(Attachment)


def refusing_on_storage_failure(form_class):
    """The admin form, made invalid by the storage failure of the last try."""

    class NotStored(form_class):
        def clean(self):
            super().clean()
            raise ValidationError(STORAGE_FAILURE)

    return NotStored


def allow_inline_importmap(response, media):
    """Let the CSP (script-src 'self') admit the prose editor's inline import map.

    Browsers accept no external import map, so the one inline script on an admin
    form is allowed by its hash, for this response only.
    """
    digests = [
        base64.b64encode(hashlib.sha256(content.encode()).digest()).decode()
        for content in _IMPORTMAP.findall(str(media or ""))
    ]
    hashes = [f"'sha256-{digest}'" for digest in digests]
    if hashes:
        update = dict(getattr(response, "_csp_update", None) or {})
        update["script-src"] = [*update.get("script-src", []), *hashes]
        response._csp_update = update
    return response


class BackOfficeMixin(ReadableHistory):
    """What every translated model's admin shares; the apps built on pressroom reuse it.

    - the project's admin CSS and JavaScript (right-to-left Persian fields,
      Jalali dates beside date fields), and the CSP allowance for the editor;
    - Persian (and any right-to-left) inputs marked `dir="rtl" lang="fa"`;
    - beside each Persian or English field, the Russian text it translates;
    - translators (`roles.translates_only`) change only the non-Russian fields,
      and never add or delete.
    """

    class Media:
        css = ADMIN_MEDIA["css"]
        js = ADMIN_MEDIA["js"]

    def translation_field_names(self, languages=TRANSLATION_LANGUAGES):
        return {
            f"{name}_{code}"
            for name in self.trans_opts.all_fields
            for code in languages
        }

    def editable_model_fields(self):
        opts = self.model._meta
        fields = [*opts.fields, *opts.many_to_many]
        return [
            field.name
            for field in fields
            if field.editable
            and not field.auto_created
            and field.name not in self.trans_opts.all_fields
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if roles.translates_only(request.user):
            keep = self.translation_field_names(
                roles.translation_languages(request.user, TRANSLATION_LANGUAGES)
            )
            readonly += [
                name
                for name in self.editable_model_fields()
                if name not in keep and name not in readonly
            ]
        return readonly

    def has_add_permission(self, request, *args):
        if roles.translates_only(request.user):
            return False
        return super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        if roles.translates_only(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            widget = self._get_widget_from_field(field)
            widget.attrs["lang"] = language
            widget.attrs["dir"] = (
                "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
            )
        return field

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and not roles.translates_only(request.user):
            add_source_help(form, obj, self.trans_opts.all_fields)
        # A class of this request's own (modelform_factory makes one per call).
        form.default_renderer = ERROR_DIGITS_RENDERER
        if getattr(request, "storage_failed", False):
            return refusing_on_storage_failure(form)
        return form

    def get_list_display(self, request):
        return with_moment_columns(self.model, super().get_list_display(request))

    def get_formset(self, request, obj=None, **kwargs):
        # Inlines only (a model admin has no formset of its own): the rows'
        # errors and the formset's own in the admin language's digits.
        return with_localized_errors(super().get_formset(request, obj, **kwargs))

    def changeform_view(self, request, *args, **kwargs):
        """A full disk while saving: the form again, with what was typed.

        The admin saves in a transaction, so nothing is half-saved; the second
        pass shows the same data with the reason, and saves nothing (only the
        files must be chosen again: browsers never refill a file input).
        """
        try:
            # Files stored before the failure go too: nothing half-saved stays.
            with discarded_on_failure():
                return super().changeform_view(request, *args, **kwargs)
        except OSError as error:
            if request.method != "POST" or not is_storage_failure(error):
                raise
            logger.error("Could not store an upload: %s", error)
            request.storage_failed = True
            # Read to the end by the failed save: unrewound, the image check
            # of the second pass would call the photo corrupted.
            for _name, uploads in request.FILES.lists():
                for upload in uploads:
                    upload.seek(0)
            return super().changeform_view(request, *args, **kwargs)

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        return allow_inline_importmap(response, context.get("media"))


def add_source_help(form, obj, names):
    """Show the Russian text under each Persian and English field (in its tab)."""
    for name in names:
        source = getattr(obj, f"{name}_{SOURCE_LANGUAGE}", "") or ""
        if not source:
            continue
        if isinstance(obj._meta.get_field(name), ProseEditorField):
            # Stored sanitized; cleaned again, since help text is shown as HTML.
            text = format_html(
                '<div class="mt-source-body">{}</div>', mark_safe(html.sanitize(source))
            )
        else:
            text = format_html("{}", source)
        note = format_html(
            '<div class="mt-source" lang="{}" dir="ltr">'
            '<span class="mt-source-label">{}</span> {}</div>',
            SOURCE_LANGUAGE,
            gettext("Russian source:"),
            text,
        )
        for code in TRANSLATION_LANGUAGES:
            field = form.base_fields.get(f"{name}_{code}")
            if field is not None:
                help_text = (
                    format_html("{}", field.help_text) if field.help_text else ""
                )
                field.help_text = format_html("{}{}", help_text, note)


class UploadChecksForm(forms.ModelForm):
    """Check the files uploaded with this form against `pressroom.images` rules.

    Only new uploads: a file already stored was checked when it came, and
    editing a release must not fail because an old file is unreadable now.
    """

    upload_checks = {}  # field name: validator

    def clean(self):
        cleaned_data = super().clean()
        for name, check in self.upload_checks.items():
            upload = cleaned_data.get(name)
            if isinstance(upload, UploadedFile):
                try:
                    check(upload)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned_data
