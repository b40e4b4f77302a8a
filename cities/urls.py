from django.urls import path

from cities import feeds, views

app_name = "cities"
urlpatterns = [
    path("", views.CityListView.as_view(), name="list"),
    # `slug` is ASCII-only: a Cyrillic or Persian address simply finds nothing.
    path("<slug:slug>/", views.CityDetailView.as_view(), name="detail"),
    path("<slug:slug>/feed/", feeds.city_feed, name="feed"),
]
