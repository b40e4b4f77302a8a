from modeltranslation.translator import TranslationOptions, register

from pressroom.events.models import TRANSLATED_FIELDS, Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = TRANSLATED_FIELDS
    required_languages = ("ru",)
