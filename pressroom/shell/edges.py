"""What the site refuses at its edges, before a view is troubled with it.

- A request body larger than the sender may send: `413` before a byte of it is
  read. Anonymous senders (every public form, the admin's sign-in page) get a
  small allowance; signed-in staff, who upload photos and documents, a large one.
  Django reads a body only up to its `Content-Length` (a chunked body without
  one reads as empty), so the declared length is the length that matters.
- A method other than GET or HEAD on a page that only shows something: 405 with
  `Allow: GET, HEAD` (`read_only()`, on every public route), rather than a CSRF
  refusal that suggests the page takes forms.
- A list filter in the admin with a value no database or calendar can hold.
  Django sends a filter it cannot apply back to the plain list with `?e=1`; some
  values it hands on unchecked (a day 10^20, a year past 9999, an id past 64
  bits) and they fail later, as OverflowError or the database's DataError. Those
  are sent the same way, for every model's list, whichever filter carries them.
"""

import logging
from http import HTTPStatus

from django.conf import settings
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024
# What a bad filter value raises when Django passes it on unchecked.
LOOKUP_ERRORS = (OverflowError, ValueError, TypeError, DataError, ValidationError)


def read_only(view):
    """A public page or file: GET and HEAD, 405 for anything else.

    CSRF-exempt because it takes no unsafe method at all: without that,
    CsrfViewMiddleware would answer a POST with 403 before the view said 405.
    """
    return csrf_exempt(require_safe(view))


def declared_length(request):
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def body_limit(request):
    """The largest body this sender may send, in bytes."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return settings.STAFF_REQUEST_BODY_LIMIT
    return settings.ANONYMOUS_REQUEST_BODY_LIMIT


def too_large(request, limit):
    """The 413 page, in the language of the address (or the admin's)."""
    megabytes = max(1, round(limit / MEGABYTE))
    content = loader.get_template("413.html").render(
        {"limit": megabytes, "alternates": {}}, request
    )
    response = HttpResponse(content, status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    response["Cache-Control"] = "no-store"
    return response


class RequestBodyLimitMiddleware:
    """Refuse a body over the sender's allowance by its declared length.

    After AuthenticationMiddleware (staff get the larger allowance), before
    anything reads the body (CsrfViewMiddleware reads POST in process_view).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = declared_length(request)
        smallest = min(
            settings.ANONYMOUS_REQUEST_BODY_LIMIT, settings.STAFF_REQUEST_BODY_LIMIT
        )
        # Most requests have no body: the user is looked up only for a large one.
        if length > smallest:
            limit = body_limit(request)
            if length > limit:
                return too_large(request, limit)
        return self.get_response(request)


class AdminLookupErrorsMiddleware:
    """Send an admin list with an impossible filter value to `?e=1`, as Django
    does with the filters it can check itself, instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = request.resolver_match
        if not (
            isinstance(exception, LOOKUP_ERRORS)
            and request.method in ("GET", "HEAD")
            and request.GET
            and match is not None
            and (match.url_name or "").endswith("_changelist")
            and "admin" in match.namespaces
        ):
            return None
        logger.info("Refused an admin list filter: %r", exception)
        if ERROR_FLAG in request.GET:
            # Django's own page for a list it cannot show, with a 4xx.
            return TemplateResponse(
                request,
                "admin/invalid_setup.html",
                {"title": _("Database error")},
                status=HTTPStatus.BAD_REQUEST,
            )
        return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
