from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation

from pressroom.shell.addresses import site_paths
from pressroom.shell.alternates import OG_LOCALES
from pressroom.shell.identity import city_name, site_name

# What a tel: link keeps of the number as people write it.
PHONE_PUNCTUATION = str.maketrans("", "", " ()-")


@lru_cache(maxsize=32)
def _shell(language, urlconf, script_prefix):
    """The same for every page in a language, so worked out once per process."""
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
        "assets": {
            "stylesheet": static("css/site.css"),
            "emblem": static("img/emblem.svg"),
            "persian_font": static("fonts/vazirmatn/vazirmatn.woff2"),
        },
    }


@receiver(setting_changed)
def _forget_shell(**kwargs):
    _shell.cache_clear()


def site(request):
    """What the shell of every page shows: identity, contacts, locale, menu."""
    return _shell(translation.get_language(), get_urlconf(), get_script_prefix())
