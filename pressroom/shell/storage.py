"""Uploads are whole or absent.

`AtomicFileSystemStorage` writes each file under a temporary name in its folder
and gives it its real name only once every byte is on disk, so a full disk
mid-upload leaves no truncated file behind (Django's own storage writes in
place). `discarded_on_failure()` goes one step further for a form that saves
several files: if saving the form fails after some of them were stored (the
photo fits, the attachment does not), the ones already stored are removed too.

An S3-compatible bucket (django-storages) is atomic by itself: an object
appears when its upload completes. Files stored before a later failure stay
there, to be found by the bucket's lifecycle rules.
"""

import errno
import os
import tempfile
import threading
from contextlib import contextmanager, suppress

from django.core.files.storage import FileSystemStorage, default_storage

_journals = threading.local()
NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


def _record(name):
    for journal in getattr(_journals, "open", ()):
        journal.append(name)


@contextmanager
def discarded_on_failure(storage=None):
    """Delete every file this thread stores in the block if the block raises."""
    stored = []
    journals = _journals.__dict__.setdefault("open", [])
    journals.append(stored)
    try:
        yield stored
    except BaseException:
        for name in stored:
            # The disk that failed the upload may fail this too.
            with suppress(OSError):
                (storage or default_storage).delete(name)
        raise
    finally:
        journals.remove(stored)


class AtomicFileSystemStorage(FileSystemStorage):
    """Django's local storage, writing each file whole or not at all."""

    def save(self, name, content, max_length=None):
        name = super().save(name, content, max_length=max_length)
        _record(name)
        return name

    def _save(self, name, content):
        """Write to a hidden temporary file, then link it to its name.

        A link, not a rename: it fails if another upload took the name in the
        meantime (and a new name is chosen), as Django's exclusive open does.
        """
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        if self.directory_permissions_mode is not None:
            os.chmod(directory, self.directory_permissions_mode)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".upload-")
        try:
            with os.fdopen(descriptor, "wb") as file:
                if hasattr(content, "temporary_file_path"):
                    with open(content.temporary_file_path(), "rb") as source:
                        while chunk := source.read(1024 * 1024):
                            file.write(chunk)
                else:
                    for chunk in content.chunks():
                        file.write(
                            chunk if isinstance(chunk, bytes) else chunk.encode()
                        )
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, self.file_permissions_mode or 0o644)
            while True:
                try:
                    os.link(temporary, full_path)
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
                except OSError as error:
                    if error.errno not in NO_LINKS or os.path.exists(full_path):
                        raise
                    # A file system without hard links (some network shares).
                    os.replace(temporary, full_path)
                    temporary = None
                    break
        finally:
            if temporary is not None:
                os.unlink(temporary)
        return str(name).replace("\\", "/")
