"""Press releases: editing in three languages, publishing, history and previews."""

import re

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import BooleanField, F, Q
from django.db.models.expressions import RawSQL
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion_compare.admin import CompareVersionAdmin

from pressroom import calendars, html, roles
from pressroom.admin.concurrency import ConcurrentEditAdmin
from pressroom.admin.inlines import (
    AttachmentInline,
    PreviewLinkInline,
    save_preview_links,
)
from pressroom.admin.paginator import IdsFirstPaginator, PagedChangeList
from pressroom.admin.publishing import PublishingActions, StateFilter, state
from pressroom.admin.release_form import PressReleaseForm
from pressroom.admin.release_list import (
    LONG_TEXTS,
    JalaliMonthFilter,
    OutdatedFilter,
    TopicFilter,
    languages,
    needs_language_filter,
    publication_time,
    state_badge,
)
from pressroom.admin.restoring import ImageSafeRestore
from pressroom.admin.thumbnails import image_preview, list_thumbnail
from pressroom.backoffice import (
    LANGUAGE_NAMES,
    TRANSLATION_LANGUAGES,
    BackOfficeMixin,
)
from pressroom.models import (
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    PressRelease,
    PreviewLink,
)
from pressroom.search import StaffSearch
from pressroom.translation import PressReleaseTranslationOptions

# A release's number, as staff may type it into the search box ("#42").
NUMBER = re.compile(r"#?\d{1,18}")

# A search matching more releases than this is counted only this far: the
# list says there are more, and how to narrow it.
SEARCH_COUNT_LIMIT = 1000

# Only publishers set these; an editor's save can never publish.
PUBLISHING_FIELDS = ("status", "published_at", "featured", "withdrawn_at")


class PressReleaseAdmin(
    ImageSafeRestore,
    ConcurrentEditAdmin,
    PublishingActions,
    BackOfficeMixin,
    CompareVersionAdmin,
    TabbedTranslationAdmin,
):
    form = PressReleaseForm
    inlines = [AttachmentInline, PreviewLinkInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "lead",
                    "body",
                    "dateline",
                    "topics",
                    "press_contact",
                ]
            },
        ),
        (
            _("Image"),
            {
                "fields": [
                    "image",
                    "image_preview",
                    "image_alt",
                    "image_caption",
                    "image_credit",
                ]
            },
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
    readonly_fields = ("published_at_jalali", "translation_status", "image_preview")
    filter_horizontal = ("topics",)
    list_display = (
        "__str__",
        list_thumbnail,
        state,
        publication_time,
        languages,
    )
    list_filter = (
        StateFilter,
        TopicFilter,
        needs_language_filter("fa"),
        needs_language_filter("en"),
        OutdatedFilter,
        JalaliMonthFilter,
        "featured",
    )
    # Searched through the search index (get_search_results); Django only needs
    # to know there is a search box.
    search_fields = ["title"]
    search_help_text = _(
        "Words in any language, in any form («марафона», "
        '«شهرها», "running"), or a release\'s number.'
    )
    date_hierarchy = "published_at"
    # Drafts with no time yet first, on every database: SQLite sorts NULL last
    # in a descending order, so a new draft was on the list's last page.
    ordering = (F("published_at").desc(nulls_first=True), "-pk")
    actions = ["publish", "unpublish", "withdraw"]
    view_on_site = False
    list_per_page = 50
    # At 100,000 releases (issue 14): the page's ids first, no second count of
    # the whole table under a filtered list, no count per filter choice.
    paginator = IdsFirstPaginator
    # reversion's list (its link to deleted releases) with the date links of
    # pressroom.admin.date_hierarchy and a word on a search counted in part.
    change_list_template = "admin/pressroom/pressrelease/change_list.html"
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
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
        "source_digest",
        *[f"{code}_source_digest" for code in TRANSLATION_LANGUAGES],
        *[f"{code}_digest" for code in TRANSLATION_LANGUAGES],
    ]

    # Display

    image_preview = staticmethod(image_preview)

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
            "{}: {}",
            (
                (LANGUAGE_NAMES[code], state_badge(release.translation_state(code)))
                for code in LANGUAGE_CODES
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
            '<div class="mt-source-body" lang="{}" dir="ltr">{}</div>',
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

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is not None and obj.status != PressRelease.Status.DRAFT:
            # Editors may delete drafts; only publishers delete what readers saw.
            return roles.can_publish(request.user)
        return True

    def has_restore_permission(self, request):
        # A restore may change the status: a publisher's decision. The history
        # and list templates link to restoring only where this allows it.
        return roles.can_publish(request.user)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_restore_permission(request):
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
        if formset.model is PreviewLink:
            return save_preview_links(request, form.instance, formset)
        return super().save_formset(request, form, formset, change)

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
        return super().change_view(request, object_id, form_url, extra_context)

    # Search: the search index, every language, drafts and scheduled ones too

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        number = int(term.lstrip("#")) if NUMBER.fullmatch(term) else None
        search = StaffSearch(term, "release")
        if search and search.is_broad():
            # The list walks its own order testing each row, and counts only
            # up to SEARCH_COUNT_LIMIT (get_paginator).
            request.release_search_is_broad = True
            column = ".".join(
                connection.ops.quote_name(name)
                for name in (self.model._meta.db_table, self.model._meta.pk.column)
            )
            match = Q(RawSQL(*search.exists(column), output_field=BooleanField()))
            if number is not None:
                match |= Q(pk=number)
            return queryset.filter(match), False
        if search:
            sql, params = search.ids()
            if number is not None:
                # One set of ids: `pk = n OR pk IN (...)` made PostgreSQL read
                # the whole table.
                sql, params = f"SELECT %s UNION ALL {sql}", [number, *params]
            return queryset.filter(pk__in=RawSQL(sql, params)), False
        if number is not None:
            return queryset.filter(pk=number), False
        return queryset.none(), False

    def response_action(self, request, queryset):
        if getattr(request, "release_search_is_broad", False):
            # "Select all 1,000" under a broad search means the 1,000 counted
            # and shown, in the list's order, never the uncounted rest.
            first = queryset.values_list("pk", flat=True)[:SEARCH_COUNT_LIMIT]
            queryset = queryset.filter(pk__in=list(first))
        return super().response_action(request, queryset)

    def get_changelist(self, request, **kwargs):
        return PagedChangeList

    def get_paginator(self, request, queryset, per_page, **kwargs):
        if getattr(request, "release_search_is_broad", False):
            kwargs["count_limit"] = SEARCH_COUNT_LIMIT
        return self.paginator(
            queryset,
            per_page,
            deferred=LONG_TEXTS,
            rows=lambda ids: self.get_queryset(request).filter(pk__in=ids),
            **kwargs,
        )
