from modeltranslation.translator import TranslationOptions, register

from pressroom.models import TRANSLATED_FIELDS, Attachment, PressRelease, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ru",)


@register(PressRelease)
class PressReleaseTranslationOptions(TranslationOptions):
    fields = TRANSLATED_FIELDS
    empty_values = ""


@register(Attachment)
class AttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("ru",)
