from modeltranslation.translator import TranslationOptions, register

from pressroom.models import Attachment, PressRelease, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ru",)


@register(PressRelease)
class PressReleaseTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "lead",
        "body",
        "dateline",
        "image_alt",
        "image_caption",
        "image_credit",
        "revision_note",
        "withdrawal_reason",
    )
    empty_values = ""


@register(Attachment)
class AttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("ru",)
