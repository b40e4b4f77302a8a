"""Third-party apps under names press officers understand, in their language.

Here, not in an app's apps.py: a second AppConfig there would stop Django from
choosing that app's own config by itself.
"""

import axes.apps
from django.utils.translation import gettext_lazy as _


class SignInProtectionConfig(axes.apps.AppConfig):
    # django-axes gives its app no verbose name: the admin's sidebar said "Axes".
    verbose_name = _("Sign-in protection")
