"""Who may download an uploaded file, and the addresses that say so.

A release's lead image, its renditions and its attachments are public once the
release is (published, and its time has come); before that, and once it is
withdrawn, only staff who may preview releases get them, or whoever holds a
preview link (its page carries addresses signed until the link expires). A file
that belongs to no release any more (a deleted attachment, a replaced image)
is not found at once, whatever is still on disk. Files of other kinds (a
city's emblem) are public.

This holds where Django serves media (`DJANGO_SERVE_MEDIA`, the local folder by
default). With an S3-compatible bucket served from its own domain, the bucket
answers every address it is asked for: there, files of releases that are not
public are protected only by their unguessable names, unless the bucket is
private and media go through Django (DJANGO_SERVE_MEDIA=1).
"""

import contextvars
import datetime
import mimetypes
import posixpath
import re
from contextlib import contextmanager
from urllib.parse import urlencode

from django.core import signing
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.static import serve as static_serve

from pressroom.models import Attachment, PressRelease
from pressroom.roles import can_preview

PUBLIC, PRIVATE, GONE = "public", "private", "gone"
# "photo-1a2b3c4d-800w.webp", and "…-800w_AbC1234.webp" if the storage renamed it.
RENDITION = re.compile(r"^(?P<base>.+)-\d+w(?:_[A-Za-z0-9]{7})?\.webp$")
SIGNER = signing.Signer(salt="pressroom.media")
# Set while a preview link's page is rendered: the moment its addresses expire.
_grant_until = contextvars.ContextVar("media_grant_until", default=None)


@contextmanager
def granted_until(moment):
    """Sign the media addresses made in this block, valid until `moment`."""
    token = _grant_until.set(int(moment.timestamp()))
    try:
        yield
    finally:
        _grant_until.reset(token)


def signature(name, until):
    return SIGNER.signature(f"{name}\n{until}")


def media_url(file):
    """The address of a stored file (a FieldFile or a name), signed in a preview."""
    name = getattr(file, "name", file)
    url = default_storage.url(name)
    until = _grant_until.get()
    if until is not None:
        url += "?" + urlencode({"until": until, "grant": signature(name, until)})
    return url


def has_grant(request, name):
    until = request.GET.get("until", "")
    grant = request.GET.get("grant", "")
    if not (until.isdigit() and len(until) < 12 and grant):
        return False
    if datetime.datetime.fromtimestamp(int(until), datetime.UTC) <= timezone.now():
        return False
    return constant_time_compare(grant, signature(name, until))


def release_of(name):
    """The release a stored file belongs to: (release, found), found False if the
    name is a release's kind of file that no release has (any more)."""
    if name.startswith("attachments/"):
        attachment = (
            Attachment.objects.filter(file=name).select_related("release").first()
        )
        return (attachment.release, True) if attachment else (None, False)
    if not name.startswith("releases/"):
        return None, True
    release = PressRelease.objects.filter(image=name).first()
    if release is not None:
        return release, True
    rendition = RENDITION.match(name)
    if rendition:
        for release in PressRelease.objects.filter(
            image__startswith=rendition["base"] + "."
        ):
            if any(item["name"] == name for item in release.image_renditions or []):
                return release, True
    return None, False


def visibility(name):
    """PUBLIC, PRIVATE (staff and preview links only) or GONE."""
    release, found = release_of(name)
    if not found:
        return GONE
    if release is None or (release.is_public and not release.is_withdrawn):
        return PUBLIC
    return PRIVATE


# Types a browser shows inline; anything else an upload contains is downloaded.
INLINE_MEDIA_TYPES = {
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/gif",
    "application/pdf",
}


def stored_file(request, name):
    """The file from the local media folder, or from the storage (a private
    bucket whose files only Django hands out)."""
    try:
        if isinstance(default_storage, FileSystemStorage):
            return static_serve(request, name, document_root=default_storage.location)
        if default_storage.exists(name):
            content_type = mimetypes.guess_type(name)[0]
            return FileResponse(
                default_storage.open(name),
                content_type=content_type or "application/octet-stream",
            )
    except OSError as error:  # a name too long for the file system, say
        raise Http404("No such file.") from error
    raise Http404("No such file.")


def serve(request, path):
    """Uploaded files, to those who may have them (`pressroom.shell.media`), never
    served as HTML or script. Names are unique, so a public file is cached for
    long; a file not public yet is never kept by a shared cache."""
    name = posixpath.normpath(path).lstrip("/")
    if name != path or name.startswith("."):
        raise Http404("No such file.")
    state = visibility(name)
    private = state == PRIVATE
    if state == GONE or (
        private and not (can_preview(request.user) or has_grant(request, name))
    ):
        raise Http404("No such file.")
    response = stored_file(request, name)
    content_type = response.get("Content-Type", "").split(";")[0]
    if content_type not in INLINE_MEDIA_TYPES:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if private:
        response["Cache-Control"] = "private, no-store"
    else:
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
