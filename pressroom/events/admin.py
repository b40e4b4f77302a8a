"""Events in the back-office: translated like releases, with their releases and
(from the partner-city app, through `hooks.admin_inlines`) their partner city."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion_compare.admin import CompareVersionAdmin

from pressroom import calendars
from pressroom.backoffice import BackOfficeMixin
from pressroom.events import hooks
from pressroom.events.models import Event


class EventForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        starts_at, ends_at = cleaned_data.get("starts_at"), cleaned_data.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("An event cannot end before it starts."))
        return cleaned_data


@admin.register(Event)
class EventAdmin(BackOfficeMixin, CompareVersionAdmin, TabbedTranslationAdmin):
    form = EventForm
    list_display = (
        "__str__",
        "starts_at",
        "starts_jalali",
        "accreditation_required",
        "cancelled",
    )
    list_filter = ("accreditation_required", "cancelled")
    search_fields = ("title_ru", "title_fa", "title_en", "place_ru")
    date_hierarchy = "starts_at"
    fieldsets = [
        (None, {"fields": ["title", "place", "description"]}),
        (
            _("When"),
            {"fields": ["starts_at", "ends_at", "starts_jalali"]},
        ),
        (
            _("For journalists"),
            {"fields": ["accreditation_required", "cancelled", "releases"]},
        ),
    ]
    readonly_fields = ("starts_jalali",)
    autocomplete_fields = ("releases",)
    ordering = ("-starts_at",)

    @admin.display(description=_("starts (Jalali)"))
    def starts_jalali(self, event):
        if not event.starts_at:
            return "—"
        return format_html(
            '<span lang="fa" dir="rtl">{}</span>',
            calendars.format_datetime(event.starts_at, "fa"),
        )

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *hooks.admin_inlines]
