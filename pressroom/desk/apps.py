from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The press desk: press officers, accreditation of journalists."""

    name = "pressroom.desk"
    label = "desk"
    verbose_name = _("Press desk")

    def ready(self):
        from pressroom.desk import page_tags, tasks
        from pressroom.shell import periodic

        periodic.register(tasks.notify_outstanding)
        page_tags.register()
        from pressroom import demo
        from pressroom.desk import demo as desk_demo

        demo.register("journalists", desk_demo.load)
