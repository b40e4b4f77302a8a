"""Files chosen in a change form that stops at the publishing confirmation page
or at the conflict page (pressroom/admin/concurrency.py).

A page cannot fill a file input, so neither page can carry a chosen file the way
it carries the other fields. The file is stored instead, under
`releases/staged/<day>/<random>/` (a `releases/` name no release has: Django's
media view answers 404 for it, `pressroom.shell.media`), and the page carries a signed
note of it; the confirming post puts it back among the request's files, as if
chosen again. Notes are signed for the person who chose the file and expire;
the stored copies go once the form is saved, or with the periodic sweep.
"""

import datetime
import posixpath
import secrets

from django.core import signing
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from pressroom.shell import periodic

FIELD = "_staged_upload"
ROOT = "releases/staged"
SALT = "pressroom.staged-upload"
MAX_AGE = datetime.timedelta(days=1)


def stage(request, field, upload):
    """Store `upload` (chosen for `field`); return the signed note to carry."""
    folder = f"{ROOT}/{timezone.now():%Y-%m-%d}/{secrets.token_hex(16)}"
    name = default_storage.save(posixpath.join(folder, "upload"), upload)
    return signing.dumps(
        {
            "field": field,
            "name": name,
            "filename": upload.name,
            "type": upload.content_type,
            "user": request.user.pk,
        },
        salt=SALT,
    )


def restore(request):
    """Put the staged files of a confirming post back into `request.FILES`;
    return their stored names. A file chosen anew for a field wins."""
    names = []
    for note in request.POST.getlist(FIELD):
        try:
            data = signing.loads(note, salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature as error:
            raise SuspiciousOperation("A staged upload's note is not valid.") from error
        if data["user"] != request.user.pk or not data["name"].startswith(ROOT):
            raise SuspiciousOperation("A staged upload of someone else.")
        if data["field"] in request.FILES or not default_storage.exists(data["name"]):
            continue
        upload = UploadedFile(
            file=default_storage.open(data["name"]),
            name=data["filename"],
            content_type=data["type"],
            size=default_storage.size(data["name"]),
        )
        upload.staged_note = note
        request.FILES.appendlist(data["field"], upload)
        names.append(data["name"])
    return names


def stage_all(request):
    """Signed notes of every file of the request (restored ones keep theirs)."""
    notes = []
    for field, uploads in request.FILES.lists():
        for upload in uploads:
            notes.append(
                getattr(upload, "staged_note", None) or stage(request, field, upload)
            )
    return notes


def discard(names):
    for name in names:
        default_storage.delete(name)


@periodic.register
def discard_abandoned():
    """Staged files of confirmation and conflict pages nobody answered."""
    if not default_storage.exists(ROOT):
        return
    oldest = (timezone.now() - MAX_AGE - datetime.timedelta(days=1)).date()
    days, _files = default_storage.listdir(ROOT)
    for day in days:
        try:
            if datetime.date.fromisoformat(day) >= oldest:
                continue
        except ValueError:
            continue
        for folder in default_storage.listdir(f"{ROOT}/{day}")[0]:
            for name in default_storage.listdir(f"{ROOT}/{day}/{folder}")[1]:
                default_storage.delete(f"{ROOT}/{day}/{folder}/{name}")
