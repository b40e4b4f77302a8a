"""The back office: press releases, topics, attachments and preview links.

Every translated model is edited through modeltranslation's tabs (Russian first),
and every change is kept by django-reversion, with reversion-compare's history,
diff, restore and recover views. What each role may do is decided in
`pressroom.roles`; these modules apply it to fields, buttons and actions:
releases (the form and its views), release_list (its columns and filters),
inlines (attachments, preview links), topics, and concurrency (several people on
one change form: merged saves, the conflict page, presence).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pressroom.admin import accounts  # noqa: F401  (the users' list)
from pressroom.admin.releases import PressReleaseAdmin
from pressroom.admin.topics import TopicAdmin
from pressroom.models import PressRelease, Topic

admin.site.register(Topic, TopicAdmin)
admin.site.register(PressRelease, PressReleaseAdmin)

# The back-office says whose it is, in the staff member's language.
admin.site.site_header = _("Press service back-office")
admin.site.site_title = _("Press service back-office")
admin.site.index_title = _("Press releases, topics and partner cities")
# An empty value reads as a dash, not a hyphen (or "None").
admin.site.empty_value_display = "—"
