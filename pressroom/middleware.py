import errno
import logging

from django.conf import settings
from django.contrib import messages
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

# Storage faults an editor can only retry later or report: a full disk or quota,
# a file system gone read-only or failing.
STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}
STORAGE_FAILURE = gettext_lazy(
    "The file could not be saved: the server's storage is full or "
    "not writable. Nothing was saved. Please try again later or tell "
    "the site's administrator."
)


def is_storage_failure(exception):
    return isinstance(exception, OSError) and exception.errno in STORAGE_ERRNOS


class SecurityHeadersMiddleware:
    """Headers Django does not set itself (Permissions-Policy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """A translated 503 page instead of a traceback while the database is away.

    Django reconnects on the next request (CONN_HEALTH_CHECKS), so the site
    recovers by itself when the database returns.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable: %s", exception)
        response = HttpResponse(
            loader.get_template("503.html").render(request=None), status=503
        )
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response


class StorageFailureMiddleware:
    """A clear admin error, not a server error, when an upload cannot be stored.

    The admin saves inside a transaction, so the object is not half-saved; the
    editor is sent back to the form with the reason.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (
            is_storage_failure(exception)
            and request.method == "POST"
            and request.path.startswith("/admin/")
        ):
            return None
        logger.error("Could not store an upload: %s", exception)
        messages.error(request, STORAGE_FAILURE)
        return HttpResponseRedirect(request.get_full_path())
