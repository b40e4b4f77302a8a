"""Pages of the site itself: the language choice at `/`, about, robots.txt,
the error pages."""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from pressroom.shell.alternates import absolute
from pressroom.shell.cache import cache_tags
from pressroom.views.common import CacheTagsMixin


@require_safe
def choose_language(request):
    """Send `/` to the reader's best language (Accept-Language, else Russian)."""
    language = translation.get_language_from_request(request)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language"
    return response


class AboutView(CacheTagsMixin, TemplateView):
    template_name = "pressroom/about.html"

    def cache_tags(self):
        return ["site"]


@require_safe
@cache_tags(lambda request: ["site"])
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {absolute(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", {"alternates": {}}, status=404)


def server_error(request):
    # No context processors: whatever broke the page may break them too.
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
