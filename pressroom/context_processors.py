from django.conf import settings
from django.utils import translation

from pressroom.addresses import site_paths
from pressroom.alternates import OG_LOCALES
from pressroom.identity import city_name, site_name

# What a tel: link keeps of the number as people write it.
PHONE_PUNCTUATION = str.maketrans("", "", " ()-")


def site(request):
    """What the shell of every page shows: identity, contacts, locale, menu."""
    language = translation.get_language()
    return {
        "site_name": site_name(),
        "city_name": city_name(),
        "press_email": settings.PRESS_CONTACT_EMAIL,
        "press_phone": settings.PRESS_CONTACT_PHONE,
        "press_phone_link": settings.PRESS_CONTACT_PHONE.translate(PHONE_PUNCTUATION),
        "og_locale": OG_LOCALES.get(language, language),
        "og_alternate_locales": [
            locale for code, locale in OG_LOCALES.items() if code != language
        ],
        "paths": site_paths(),
    }
