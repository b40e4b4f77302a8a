from django.urls import path

from cities import feeds, views
from pressroom.shell.edges import read_only

app_name = "cities"
urlpatterns = [
    path("", read_only(views.CityListView.as_view()), name="list"),
    # `slug` is ASCII-only: a Cyrillic or Persian address simply finds nothing.
    path("<slug:slug>/", read_only(views.CityDetailView.as_view()), name="detail"),
    path("<slug:slug>/feed/", read_only(feeds.city_feed), name="feed"),
]
