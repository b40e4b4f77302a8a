"""The press service's name, as gettext msgids the settings can replace.

`CITY_NAME` and `SITE_NAME` in settings are msgids: these marks put the defaults
into `locale/` so translators see them; another city adds its own names there.
"""

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

gettext_noop("Kazan")
gettext_noop("Press service of the Kazan City Executive Committee")


def city_name():
    return gettext(settings.CITY_NAME)


def site_name():
    return gettext(settings.SITE_NAME)
