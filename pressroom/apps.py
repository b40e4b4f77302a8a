from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press releases")
