from django.urls import path, register_converter

from pressroom import feeds, previews
from pressroom.shell.edges import read_only
from pressroom.views import archive, lists, releases, search, site


class UnicodeSlugConverter:
    """Cyrillic and Persian slugs; the built-in `slug` converter is ASCII-only."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")

app_name = "pressroom"
urlpatterns = [
    path("", read_only(lists.HomeView.as_view()), name="home"),
    path("news/", read_only(lists.ReleaseListView.as_view()), name="list"),
    path("news/feed/", read_only(feeds.release_feed), name="feed"),
    path("news/<int:year>/", read_only(archive.archive_year), name="archive-year"),
    path(
        "news/<int:year>/<int:month>/",
        read_only(archive.ArchiveMonthView.as_view()),
        name="archive-month",
    ),
    path(
        "news/<int:pk>-<uslug:slug>/", read_only(releases.release_detail), name="detail"
    ),
    path("news/id<int:pk>/", read_only(releases.release_short), name="short"),
    path("preview/<str:token>/", read_only(previews.release_preview), name="preview"),
    path("topics/<slug:slug>/", read_only(lists.TopicView.as_view()), name="topic"),
    path("topics/<slug:slug>/feed/", read_only(feeds.topic_feed), name="topic-feed"),
    path("search/", read_only(search.SearchView.as_view()), name="search"),
    path("about/", read_only(site.AboutView.as_view()), name="about"),
]
