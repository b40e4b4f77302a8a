import errno
import logging
from functools import wraps

import csp.middleware
from django.conf import settings
from django.contrib import messages
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.urls import reverse
from django.utils.cache import cc_delim_re
from django.utils.functional import cached_property
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


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, the admin's pages widened by ADMIN_CSP_UPDATE
    (through `get_policy_parts`, django-csp's documented extension point)."""

    @cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    def is_admin_path(self, path):
        return path.startswith(self.admin_prefix)

    def get_policy_parts(self, request, response, report_only=False):
        """The site's policy, widened by ADMIN_CSP_UPDATE on the admin's pages."""
        parts = super().get_policy_parts(request, response, report_only)
        if self.is_admin_path(request.path) and not report_only:
            update = dict(parts.update or {})
            for directive, sources in settings.ADMIN_CSP_UPDATE.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts


def language_neutral(view):
    """Mark a view whose answer is the same in every language (robots.txt, sitemaps).

    Outside the language prefixes, LocaleMiddleware labels every answer with the
    reader's `Accept-Language`: `Vary` on it and a `Content-Language` of the
    reader's language. For these files both are false, and they would split
    shared caches by language for nothing.
    """

    @wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.language_neutral = True
        return response

    return marked


class LanguageNeutralMiddleware:
    """Take LocaleMiddleware's language labels off `language_neutral` answers.

    Must come before (outside) LocaleMiddleware, to see the answer after it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "language_neutral", False):
            del response["Content-Language"]
            kept = [
                field
                for field in cc_delim_re.split(response.get("Vary", ""))
                if field and field.lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


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
