from modeltranslation.translator import TranslationOptions, register

from pressroom.desk.models import PressOfficer


@register(PressOfficer)
class PressOfficerTranslationOptions(TranslationOptions):
    fields = ("name", "role")
    required_languages = ("ru",)
