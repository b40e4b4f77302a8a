from django.urls import path, register_converter

from pressroom import feeds, previews, views


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
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ReleaseListView.as_view(), name="list"),
    path("news/feed/", feeds.release_feed, name="feed"),
    path("news/<int:year>/", views.archive_year, name="archive-year"),
    path(
        "news/<int:year>/<int:month>/",
        views.ArchiveMonthView.as_view(),
        name="archive-month",
    ),
    path("news/<int:pk>-<uslug:slug>/", views.release_detail, name="detail"),
    path("news/id<int:pk>/", views.release_short, name="short"),
    path("preview/<str:token>/", previews.release_preview, name="preview"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("topics/<slug:slug>/feed/", feeds.topic_feed, name="topic-feed"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("about/", views.AboutView.as_view(), name="about"),
]
