from django.urls import path

from pressroom.events import views

app_name = "events"
urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("feed.ics", views.feed, name="feed"),
    path("<int:year>/<int:month>/", views.month, name="month"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
]
