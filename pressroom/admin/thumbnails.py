"""Small pictures of a release's lead image and image attachments in the admin,
so whoever writes the image's description sees what it shows.

The list reads the smallest rendition's name from the row itself (its
`image_renditions`): a thumbnail costs no query, whatever the number of rows.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pressroom.shell.media import media_url

IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "webp")


def smallest_rendition(release):
    """The smallest stored copy of the lead image (the image itself without one)."""
    renditions = sorted(release.image_renditions or [], key=lambda item: item["width"])
    if renditions:
        return renditions[0]["name"]
    return release.image.name if release.image else None


def picture(name, css_class):
    return format_html(
        '<img src="{}" alt="" class="{}" loading="lazy" decoding="async">',
        media_url(name),
        css_class,
    )


@admin.display(description=_("photo"))
def list_thumbnail(release):
    name = smallest_rendition(release)
    return picture(name, "thumbnail thumbnail-list") if name else "—"


@admin.display(description=_("preview"))
def image_preview(release):
    """The lead image in the change form, beside its description fields."""
    name = smallest_rendition(release) if release.pk else None
    return picture(name, "thumbnail thumbnail-form") if name else "—"


@admin.display(description=_("preview"))
def attachment_preview(attachment):
    """An attached picture, small; other files have no preview."""
    if not attachment.pk or not attachment.file:
        return "—"
    extension = attachment.file.name.rsplit(".", 1)[-1].lower()
    if extension not in IMAGE_EXTENSIONS:
        return "—"
    return picture(attachment.file.name, "thumbnail thumbnail-attachment")
