from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from cities.sitemaps import CitySitemap
from pressroom.shell import media, page_tags
from pressroom.shell.cache import cache_tags, query_parameters
from pressroom.shell.edges import read_only
from pressroom.shell.middleware import language_neutral
from pressroom.sitemaps import sitemaps as pressroom_sitemaps
from pressroom.views import site

sitemaps = {**pressroom_sitemaps, "cities": CitySitemap}


def sitemap_tags(request, sitemaps, section=None, **kwargs):
    """The cache tags of a sitemap page (pressroom.shell.page_tags, cities)."""
    if section == "releases":
        number = request.GET.get("p", "1")
        return [page_tags.sitemap_page(int(number) if number.isdigit() else 0)]
    return ["cities", "sitemap"] if section == "cities" else ["sitemap"]


sitemap_index = cache_tags(sitemap_tags)(sitemap_views.index)
sitemap_section = query_parameters("p")(cache_tags(sitemap_tags)(sitemap_views.sitemap))

handler403 = "pressroom.forbidden.permission_denied"
handler404 = "pressroom.views.site.page_not_found"
handler500 = "pressroom.views.site.server_error"

urlpatterns = [
    path("", read_only(site.choose_language), name="root"),
    path("robots.txt", read_only(language_neutral(site.robots_txt)), name="robots"),
    path(
        "sitemap.xml",
        language_neutral(read_only(sitemap_index)),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        language_neutral(read_only(sitemap_section)),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    # Rosetta's views, for the project's own catalogs only (pressroom/rosetta.py).
    path("admin/rosetta/", include("pressroom.rosetta")),
    path("admin/second-factor/", include("pressroom.second_factor")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("pressroom.urls")),
    path("cities/", include("cities.urls")),
    path("subscribe/", include("pressroom.alerts.urls")),
    path("events/", include("pressroom.events.urls")),
    path("press/", include("pressroom.desk.urls")),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    # Local media storage; with a bucket, media never passes through Django.
    urlpatterns += [path("media/<path:path>", read_only(media.serve), name="media")]
