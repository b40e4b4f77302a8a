"""What every translated model shares: the site's languages, and a field's
value in one of them (modeltranslation names it `<field>_<language>`)."""

from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def field_in(instance, name, language):
    return getattr(instance, f"{name}_{language}", None) or ""
