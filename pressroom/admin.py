"""The back office: press releases, topics, attachments and preview links.

Every translated model is edited through modeltranslation's tabs (Russian first),
and every change is kept by django-reversion, with reversion-compare's history,
diff, restore and recover views. What each role may do is decided in
`pressroom.roles`; this module applies it to fields, buttons and actions.
"""

import datetime
from functools import update_wrapper

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion_compare.admin import CompareVersionAdmin

from pressroom import calendars, html, images, roles
from pressroom.alternates import absolute
from pressroom.backoffice import (
    LANGUAGE_NAMES,
    STATE_LABELS,
    TRANSLATION_LANGUAGES,
    BackOfficeMixin,
    UploadChecksForm,
)
from pressroom.models import (
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    Attachment,
    PressRelease,
    PreviewLink,
    Topic,
)
from pressroom.text import search_normalize
from pressroom.translation import PressReleaseTranslationOptions

PREVIEW_LINK_MAX_LIFETIME = datetime.timedelta(days=90)


class TopicAdmin(BackOfficeMixin, CompareVersionAdmin, TabbedTranslationAdmin):
    list_display = ("name_ru", "name_fa", "name_en", "slug")
    search_fields = ("name_ru", "name_fa", "name_en", "slug")
    fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}

    def get_prepopulated_fields(self, request, obj=None):
        # Only while adding: a slug in use is part of public addresses.
        return super().get_prepopulated_fields(request, obj) if obj is None else {}


class AttachmentForm(UploadChecksForm):
    upload_checks = {"file": images.validate_attachment}


class AttachmentInline(BackOfficeMixin, TranslationStackedInline):
    model = Attachment
    form = AttachmentForm
    fields = ("title", "file", "position")
    extra = 0


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


def language_state_column(code):
    """A changelist column: this language's translation state of a release."""

    def column(release):
        state = release.translation_state(code)
        return format_html(
            '<span class="translation-state translation-{}">{}</span>',
            state,
            STATE_LABELS[state],
        )

    column.short_description = LANGUAGE_NAMES[code]
    column.__name__ = f"state_{code}"
    return column


def needs_translation(code):
    """Q for releases whose `code` translation is missing or outdated."""
    return Q(**{f"in_{code}": False}) | ~Q(
        **{f"{code}_source_digest": F("source_digest")}
    )


def outdated_translation(code):
    return Q(**{f"in_{code}": True}) & ~Q(
        **{f"{code}_source_digest": F("source_digest")}
    )


NEEDS_TITLES = {"fa": _("needs Persian"), "en": _("needs English")}


def needs_language_filter(code):
    class NeedsLanguageFilter(admin.SimpleListFilter):
        title = NEEDS_TITLES[code]
        parameter_name = f"needs_{code}"

        def lookups(self, request, model_admin):
            return [("yes", _("Yes")), ("no", _("No"))]

        def queryset(self, request, queryset):
            if self.value() == "yes":
                return queryset.filter(needs_translation(code))
            if self.value() == "no":
                return queryset.exclude(needs_translation(code))
            return queryset

    NeedsLanguageFilter.__name__ = f"Needs{code.title()}Filter"
    return NeedsLanguageFilter


class OutdatedFilter(admin.SimpleListFilter):
    title = _("outdated translation")
    parameter_name = "outdated"

    def lookups(self, request, model_admin):
        return [("any", _("Any language"))] + [
            (code, LANGUAGE_NAMES[code]) for code in TRANSLATION_LANGUAGES
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            condition = Q(pk__in=[])
            for code in TRANSLATION_LANGUAGES:
                condition |= outdated_translation(code)
            return queryset.filter(condition)
        if value in TRANSLATION_LANGUAGES:
            return queryset.filter(outdated_translation(value))
        return queryset


class JalaliMonthFilter(admin.SimpleListFilter):
    """Releases published in a month of the Solar Hijri calendar (Moscow days)."""

    title = _("Jalali month")
    parameter_name = "jalali_month"
    months = 24

    def lookups(self, request, model_admin):
        year, month = calendars.month_of(timezone.localdate(), calendars.JALALI)
        choices = []
        for _step in range(self.months):
            label = calendars.format_month_year(
                calendars.JALALI, year, month, get_language()
            )
            choices.append((f"{year}-{month:02d}", label))
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year, month = (int(part) for part in self.value().split("-"))
            first, following = calendars.month_span(calendars.JALALI, year, month)
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        return queryset.filter(
            published_at__gte=calendars.local_day_start(first),
            published_at__lt=calendars.local_day_start(following),
        )


CONFIRM_HELP = _(
    "Tick after a Russian change that needs no new translation (a typo, say): "
    "the translation stops being marked outdated."
)


class PressReleaseForm(UploadChecksForm):
    upload_checks = {"image": images.validate_image}

    """The release form, with a way to say a translation still follows the source."""

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
# Only publishers set these; an editor's save can never publish.
PUBLISHING_FIELDS = ("status", "published_at", "featured", "withdrawn_at")


class PressReleaseAdmin(BackOfficeMixin, CompareVersionAdmin, TabbedTranslationAdmin):
    form = PressReleaseForm
    inlines = [AttachmentInline, PreviewLinkInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "dateline", "topics"]}),
        (
            _("Image"),
            {"fields": ["image", "image_alt", "image_caption", "image_credit"]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "published_at_jalali",
                    "featured",
                    "author",
                ]
            },
        ),
        (
            _("Translations"),
            {
                "fields": [
                    "translation_status",
                    *[f"confirm_{c}" for c in TRANSLATION_LANGUAGES],
                ]
            },
        ),
        (
            _("Corrections and withdrawal"),
            {
                "classes": ["collapse"],
                "fields": [
                    "revised_at",
                    "revision_note",
                    "withdrawn_at",
                    "withdrawal_reason",
                ],
            },
        ),
    ]
    readonly_fields = ("published_at_jalali", "translation_status")
    filter_horizontal = ("topics",)
    list_display = (
        "__str__",
        "status",
        "published_at",
        "published_at_jalali",
        *[language_state_column(code) for code in LANGUAGE_CODES],
        "view_on_site_links",
    )
    list_filter = (
        "status",
        "topics",
        needs_language_filter("fa"),
        needs_language_filter("en"),
        OutdatedFilter,
        JalaliMonthFilter,
        "featured",
    )
    search_fields = [
        f"{name}_{code}"
        for name in ("title", "lead", "body", "dateline", "slug")
        for code in LANGUAGE_CODES
    ]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish", "withdraw"]
    view_on_site = False
    list_per_page = 50
    history_latest_first = True
    compare_exclude = [
        # The untranslated column shows whichever language the admin is in.
        *PressReleaseTranslationOptions.fields,
        "image_width",
        "image_height",
        "image_renditions",
        "created_at",
        "updated_at",
        *[f"in_{code}" for code in LANGUAGE_CODES],
        *[f"search_{code}" for code in LANGUAGE_CODES],
        "source_digest",
        *[f"{code}_source_digest" for code in TRANSLATION_LANGUAGES],
        *[f"{code}_digest" for code in TRANSLATION_LANGUAGES],
    ]

    # Display

    @admin.display(description=_("publication time (Jalali)"))
    def published_at_jalali(self, release):
        if not release.published_at:
            return "—"
        return format_html(
            '<span lang="fa" dir="rtl">{}</span>',
            calendars.format_date(release.published_at, "fa"),
        )

    @admin.display(description=_("translation state"))
    def translation_status(self, release):
        if not release.pk:
            return "—"
        return format_html_join(
            mark_safe("<br>"),
            '{}: <span class="translation-state translation-{}">{}</span>',
            (
                (LANGUAGE_NAMES[code], state, STATE_LABELS[state])
                for code in LANGUAGE_CODES
                for state in [release.translation_state(code)]
            ),
        )

    @admin.display(description=_("view on site"))
    def view_on_site_links(self, release):
        return format_html_join(
            " ",
            '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>',
            (
                (release.get_absolute_url(code), code, code.upper())
                for code in release.available_languages()
            ),
        )

    # Fields by role

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not roles.can_publish(request.user):
            readonly += [name for name in PUBLISHING_FIELDS if name not in readonly]
        if roles.translates_only(request.user):
            readonly.append("source_body")
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = list(options["fields"])
            if obj is None and name == _("Translations"):
                continue
            fields = [
                field
                for field in fields
                if not field.startswith("confirm_")
                or (obj and obj.translation_state(field[-2:]) == "outdated")
            ]
            if roles.translates_only(request.user):
                # The Russian body, shown as formatted text rather than HTML.
                fields = [
                    "source_body" if field == f"body_{SOURCE_LANGUAGE}" else field
                    for field in fields
                ]
            fieldsets.append((name, {**options, "fields": fields}))
        return fieldsets

    @admin.display(description=_("body [ru]"))
    def source_body(self, release):
        return format_html(
            '<div class="mt-source-body" lang="{}">{}</div>',
            SOURCE_LANGUAGE,
            mark_safe(html.sanitize(getattr(release, f"body_{SOURCE_LANGUAGE}"))),
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            # Staff write releases; the list of every account is nobody's business.
            kwargs["queryset"] = db_field.remote_field.model._default_manager.filter(
                is_staff=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Permissions

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is not None and obj.status != PressRelease.Status.DRAFT:
            # Editors may delete drafts; only publishers delete what readers saw.
            return roles.can_publish(request.user)
        return True

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # A restore may change the status: a publisher's decision.
        if not roles.can_publish(request.user):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not roles.can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not roles.can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    # Saving

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        if not roles.can_publish(request.user):
            # The form has no publishing fields for them; hold the line anyway.
            if change:
                saved = type(obj).objects.get(pk=obj.pk)
                for name in PUBLISHING_FIELDS:
                    setattr(obj, name, getattr(saved, name))
            else:
                obj.status = PressRelease.Status.DRAFT
                obj.published_at = None
        confirmed = [
            code
            for code in TRANSLATION_LANGUAGES
            if form.cleaned_data.get(f"confirm_{code}")
        ]
        if confirmed:
            obj.derive_fields()
            for code in confirmed:
                setattr(obj, f"{code}_source_digest", obj.source_digest)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not PreviewLink:
            return super().save_formset(request, form, formset, change)
        for link in formset.save(commit=False):
            token = None
            if link._state.adding:
                link.created_by = request.user
                token = link.issue_token()
            link.save()
            if token:
                url = absolute(link.url(token))
                messages.success(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        gettext("Preview link (%(language)s), shown only now, copy it:")
                        % {"language": LANGUAGE_NAMES[link.language]},
                        url,
                        url,
                    ),
                )
                if not form.instance.is_available_in(link.language):
                    messages.warning(
                        request,
                        gettext(
                            "The release has no complete %(language)s text yet: "
                            "the link shows nothing until it has."
                        )
                        % {"language": LANGUAGE_NAMES[link.language]},
                    )
        formset.save_m2m()

    # Publishing: actions on the list, buttons on the release page

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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        release = self.get_object(request, unquote(object_id))
        if release is not None:
            extra_context["language_links"] = [
                {
                    "code": code,
                    "name": LANGUAGE_NAMES[code],
                    "url": release.get_absolute_url(code),
                }
                for code in release.available_languages()
            ]
            if roles.can_publish(request.user):
                extra_context["status_actions"] = [
                    {
                        "action": action,
                        "label": label,
                        "url": reverse(
                            f"{self.admin_site.name}:pressroom_pressrelease_status",
                            args=[release.pk, action],
                        ),
                    }
                    for action, (label, statuses) in STATUS_ACTIONS.items()
                    if release.status in statuses
                ]
        return super().change_view(request, object_id, form_url, extra_context)

    # Search: every language's fields, and the normalised search text

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        words = search_normalize(search_term).split()
        if words:
            normalized = queryset
            for word in words:
                match = Q(pk__in=[])
                for code in LANGUAGE_CODES:
                    match |= Q(**{f"search_{code}__contains": word})
                normalized = normalized.filter(match)
            results = results | normalized
        return results, may_have_duplicates


admin.site.register(Topic, TopicAdmin)
admin.site.register(PressRelease, PressReleaseAdmin)

# The back-office says whose it is, in the staff member's language.
admin.site.site_header = _("Press service back-office")
admin.site.site_title = _("Press service back-office")
admin.site.index_title = _("Press releases, topics and partner cities")
