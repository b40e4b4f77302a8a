"""Uploads: safe file names, checks, and the responsive renditions of lead images.

Renditions are made once, when an image is uploaded, so a page only links to files
that already exist (`srcset`), and never resizes anything while a reader waits.
"""

import io
import os
import uuid
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

RENDITION_WIDTHS = (480, 800, 1200)
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024
# Far above any camera; an image claiming more is a decompression bomb.
MAX_IMAGE_PIXELS = 40_000_000
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
# What the bytes of a file must be (filetype's names) for each extension. Office
# formats come in families whose members look alike at the start (OLE2; ZIP with
# XML inside), so any member of the family is accepted.
OLE = {"doc", "xls", "ppt"}
OFFICE_ZIP = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"}
CONTENT_KINDS = {
    "pdf": {"pdf"},
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
    "docx": OFFICE_ZIP,
    "xlsx": OFFICE_ZIP,
    "pptx": OFFICE_ZIP,
    "odt": OFFICE_ZIP,
    "ods": OFFICE_ZIP,
    "zip": OFFICE_ZIP,
    "rtf": {"rtf"},
    "jpg": {"jpg"},
    "jpeg": {"jpg"},
    "png": {"png"},
    # Plain text has no signature: no known binary kind, no markup.
    "txt": None,
    "csv": None,
}
ATTACHMENT_EXTENSIONS = set(CONTENT_KINDS)
SNIFFED_BYTES = 64 * 1024


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
    if not content_matches(upload, extension):
        raise ValidationError(
            _(
                "The content of this file is not a “%(extension)s” file. Save it "
                "again in that format, or attach it with its real extension."
            ),
            code="attachment_content",
            params={"extension": extension},
        )


def content_matches(upload, extension):
    """Whether the file's first bytes are what its extension says (magic
    numbers, read by `filetype`), whatever name or type the browser sent."""
    position = upload.tell()
    try:
        upload.seek(0)
        head = upload.read(SNIFFED_BYTES)
    finally:
        upload.seek(position)
    if isinstance(head, str):
        head = head.encode()
    kind = filetype.guess(head)
    expected = CONTENT_KINDS.get(extension, set())
    if expected is None:
        return kind is None and b"\0" not in head and not looks_like_markup(head)
    return kind is not None and kind.extension in expected


def looks_like_markup(head):
    """HTML, XML or SVG, as a browser sniffing the bytes would take them."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\f").lower()
    return start.startswith(b"<")


def renditions_match(image_field, renditions):
    """Whether `renditions` were made from this image (none without one)."""
    if not image_field:
        return not renditions
    base = os.path.splitext(image_field.name)[0]
    return bool(renditions) and all(
        item["name"].startswith(f"{base}-") for item in renditions
    )


def delete_renditions_on_commit(renditions):
    """Remove rendition files once the transaction that dropped them commits."""
    names = [item["name"] for item in renditions or []]
    if names:
        transaction.on_commit(
            lambda: [default_storage.delete(name) for name in names], robust=True
        )


def release_deleted(sender, instance, **kwargs):
    delete_renditions_on_commit(instance.image_renditions)


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
