from modeltranslation.translator import TranslationOptions, register

from cities.models import AgreementDocument, City, Partnership, Signatory, TimelineEvent


@register(City)
class CityTranslationOptions(TranslationOptions):
    fields = ("name", "country", "region", "description", "founding")
    required_languages = {"ru": ("name", "country"), "default": ()}
    empty_values = ""


@register(Partnership)
class PartnershipTranslationOptions(TranslationOptions):
    fields = ("signed_at", "summary")
    empty_values = ""


@register(Signatory)
class SignatoryTranslationOptions(TranslationOptions):
    fields = ("name", "office")
    required_languages = {"ru": ("name",), "default": ()}
    empty_values = ""


@register(AgreementDocument)
class AgreementDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    empty_values = ""


@register(TimelineEvent)
class TimelineEventTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"ru": ("title",), "default": ()}
    empty_values = ""
