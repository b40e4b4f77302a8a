"""Topics: a name per language and the slug of their public address."""

from modeltranslation.admin import TabbedTranslationAdmin
from reversion_compare.admin import CompareVersionAdmin

from pressroom.backoffice import BackOfficeMixin


class TopicAdmin(BackOfficeMixin, CompareVersionAdmin, TabbedTranslationAdmin):
    list_display = ("name_ru", "name_fa", "name_en", "slug")
    search_fields = ("name_ru", "name_fa", "name_en", "slug")
    fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}

    def get_prepopulated_fields(self, request, obj=None):
        # Only while adding: a slug in use is part of public addresses.
        return super().get_prepopulated_fields(request, obj) if obj is None else {}
