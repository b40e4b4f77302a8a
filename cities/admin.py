import reversion
from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
)
from reversion_compare.admin import CompareVersionAdmin

from cities.models import (
    AgreementDocument,
    City,
    Partnership,
    Signatory,
    TimelineEvent,
)
from pressroom import images, roles
from pressroom.admin.concurrency import ConcurrentEditAdmin
from pressroom.backoffice import BackOfficeMixin, UploadChecksForm


class CityForm(UploadChecksForm):
    upload_checks = {"emblem": images.validate_image}


class AgreementDocumentForm(UploadChecksForm):
    upload_checks = {"file": images.validate_attachment}


@admin.register(City)
class CityAdmin(
    ConcurrentEditAdmin, BackOfficeMixin, CompareVersionAdmin, TabbedTranslationAdmin
):
    form = CityForm
    list_display = ("__str__", "slug", "country", "calendar", "is_home", "is_demo")
    list_filter = ("calendar", "is_home", "is_demo")
    search_fields = ("name_ru", "name_fa", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    actions = ["make_home"]
    fieldsets = [
        (None, {"fields": ("name", "slug", "country", "region")}),
        (_("About the city"), {"fields": ("description", "founding", "emblem")}),
        (
            _("Map and calendar"),
            {"fields": ("latitude", "longitude", "calendar")},
        ),
        (None, {"fields": ("is_home", "is_demo")}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        # A translator's slug is read-only: nothing to fill in (and the admin
        # fails on a prepopulated field missing from the form).
        if roles.translates_only(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        # The site always has its home city; move the mark first.
        if obj is not None and obj.is_home:
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Make the home city"), permissions=["change"])
    def make_home(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, gettext("Choose exactly one city."), messages.ERROR
            )
            return
        city = queryset.get()
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(gettext("Made the home city."))
            for previous in City.objects.filter(is_home=True).exclude(pk=city.pk):
                previous.is_home = False
                previous.save(update_fields=["is_home"])
            city.is_home = True
            city.save(update_fields=["is_home"])
        self.message_user(
            request, gettext("{city} is now the home city.").format(city=city)
        )


class PartOfPartnership(BackOfficeMixin):
    """Rows that belong to a partnership (signatories, documents, events).

    Whoever may change a partnership may change its rows, as Django does for
    many-to-many rows: the roles in `pressroom.roles` then need no permissions
    for these models. Translators still only translate (BackOfficeMixin).
    """

    extra = 0

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("cities.view_partnership") or (
            self.has_change_permission(request, obj)
        )

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("cities.change_partnership")

    def has_add_permission(self, request, obj=None):
        return not roles.translates_only(request.user) and (
            self.has_change_permission(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)


class SignatoryInline(PartOfPartnership, TranslationStackedInline):
    model = Signatory


class AgreementDocumentInline(PartOfPartnership, TranslationStackedInline):
    model = AgreementDocument
    form = AgreementDocumentForm


class TimelineEventInline(PartOfPartnership, TranslationStackedInline):
    model = TimelineEvent
    autocomplete_fields = ["release"]


@admin.register(Partnership)
class PartnershipAdmin(
    ConcurrentEditAdmin, BackOfficeMixin, CompareVersionAdmin, TabbedTranslationAdmin
):
    list_display = ("__str__", "kind", "status", "signed_on")
    list_filter = ("kind", "status")
    list_select_related = ("partner",)
    search_fields = ("partner__name_ru", "partner__name_fa", "partner__name_en")
    autocomplete_fields = ["partner", "releases"]
    inlines = [SignatoryInline, AgreementDocumentInline, TimelineEventInline]
    fieldsets = [
        (None, {"fields": ("partner", "kind", "status", "status_since")}),
        (
            _("The agreement"),
            {"fields": ("signed_on", "signed_at", "areas", "languages", "summary")},
        ),
        (_("Press releases"), {"fields": ("releases",)}),
    ]
