"""Uploads: safe file names, checks, and the responsive renditions of lead images.

Renditions are made once, when an image is uploaded, so a page only links to files
that already exist (`srcset`), and never resizes anything while a reader waits.
"""

import io
import os
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

RENDITION_WIDTHS = (480, 800, 1200)
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024
# Far above any camera; an image claiming more is a decompression bomb.
MAX_IMAGE_PIXELS = 40_000_000
ATTACHMENT_EXTENSIONS = {
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "ods",
    "csv",
    "ppt",
    "pptx",
    "zip",
    "jpg",
    "jpeg",
    "png",
}
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def safe_name(filename, default="file"):
    """An ASCII, unguessable file name that keeps the extension."""
    path = PurePath(filename)
    stem = get_valid_filename(path.stem.encode("ascii", "ignore").decode()) or default
    suffix = path.suffix.lower().encode("ascii", "ignore").decode()
    return f"{stem[:40]}-{uuid.uuid4().hex[:8]}{suffix}"


def upload_to(instance, filename):
    return f"releases/{timezone.now():%Y/%m}/{safe_name(filename, 'image')}"


def attachment_upload_to(instance, filename):
    return f"attachments/{timezone.now():%Y/%m}/{safe_name(filename)}"


def validate_image(upload):
    """Refuse what is not really an allowed image of a sane size and pixel count."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)d MB."),
            code="image_too_large",
            params={"limit": MAX_IMAGE_BYTES // (1024 * 1024)},
        )
    position = upload.tell()
    try:
        with Image.open(upload) as picture:
            width, height = picture.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The image has too many pixels (%(pixels)s)."),
                    code="image_too_many_pixels",
                    params={"pixels": f"{width}×{height}"},
                )
            if picture.format not in IMAGE_FORMATS:
                raise ValidationError(
                    _("Upload a JPEG, PNG or WebP image."), code="image_type"
                )
        # verify() does not decode JPEG data: decode it all, so a photo cut short
        # in transfer is refused here rather than stored broken.
        upload.seek(position)
        with Image.open(upload) as picture:
            picture.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not an image that can be read."), code="image_invalid"
        ) from error
    finally:
        upload.seek(position)


def validate_attachment(upload):
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            _("Files of type “%(extension)s” cannot be attached."),
            code="attachment_type",
            params={"extension": extension or "?"},
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)d MB."),
            code="attachment_too_large",
            params={"limit": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
        )


def make_renditions(image_field):
    """Write WebP copies at the standard widths; return [{'width', 'name'}]."""
    renditions = []
    try:
        image_field.open("rb")
        with Image.open(image_field) as original:
            original.load()
            picture = original.convert("RGB")
    except (OSError, UnidentifiedImageError):
        return renditions
    base = os.path.splitext(image_field.name)[0]
    for width in RENDITION_WIDTHS:
        if width > picture.width and renditions:
            break
        copy = picture.copy()
        # reducing_gap: a fast integer downscale first, then a fine resample.
        copy.thumbnail((min(width, picture.width), 10_000), reducing_gap=2.0)
        buffer = io.BytesIO()
        copy.save(buffer, "WEBP", quality=80, method=3)
        name = default_storage.save(
            f"{base}-{copy.width}w.webp", ContentFile(buffer.getvalue())
        )
        renditions.append({"width": copy.width, "height": copy.height, "name": name})
    return renditions
