"""Restoring a release's version, or recovering a deleted release, never brings
back a broken image.

A version names the lead image and renditions the release had then. Replacing
the image removes the old files (pressroom/images.py, django-cleanup), so an
older version may name files that are gone. Restoring it keeps the image the
release has now, and says so; recovering a deleted release whose image is gone
recovers it without one. Where the version's image is still there but its
renditions are not, they are made again when the restore is saved.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.files.storage import default_storage
from django.utils.translation import gettext
from reversion.models import Version

from pressroom.models import PressRelease


def stored(name):
    return bool(name) and default_storage.exists(name)


class ImageSafeRestore:
    """A release admin's restore and recover views, minding the lead image."""

    def revision_view(self, request, object_id, version_id, extra_context=None):
        pk = unquote(object_id)
        version = Version.objects.filter(pk=version_id, object_id=pk).first()
        current = PressRelease.objects.filter(pk=pk).first()
        self.check_restored_image(request, version, current)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id).first()
        self.check_restored_image(request, version, None)
        return super().recover_view(request, version_id, extra_context)

    def check_restored_image(self, request, version, current):
        """Note on the request the image the restored release is to have."""
        if version is None:
            return
        fields = version.field_dict
        image = fields.get("image")
        name = getattr(image, "name", image) or ""
        renditions = fields.get("image_renditions") or []
        if not name:
            return
        if stored(name):
            if not all(stored(item["name"]) for item in renditions):
                request.restored_image = (name, [])  # made again on saving
            return
        if current is not None:
            request.restored_image = (
                current.image.name or "",
                current.image_renditions,
            )
            text = gettext(
                "The lead image of this version was replaced since and its file "
                "is gone: the release keeps the image it has now."
            )
        else:
            request.restored_image = ("", [])
            text = gettext(
                "The lead image of this version is gone: the release is "
                "recovered without an image."
            )
        messages.warning(request, text)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        restored = getattr(request, "restored_image", None)
        if obj is not None and restored is not None:
            obj.image, obj.image_renditions = restored
        return obj
