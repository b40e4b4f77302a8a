from django.urls import path

from pressroom.events import views
from pressroom.shell.edges import read_only

app_name = "events"
urlpatterns = [
    path("", read_only(views.EventListView.as_view()), name="list"),
    path("feed.ics", read_only(views.feed), name="feed"),
    path("<int:year>/<int:month>/", read_only(views.month), name="month"),
    path("<int:pk>/", read_only(views.detail), name="detail"),
    path("<int:pk>/event.ics", read_only(views.event_ics), name="ics"),
]
