from django.http import HttpResponse
from django.urls import path

# About 20 KB of HTML, the size of a list page of the site.
PARAGRAPH = (
    "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 6 + "</p>\n"
)
PAGE = (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
    "<title>bare</title></head><body>\n"
    + PARAGRAPH * (20_000 // len(PARAGRAPH))
    + "</body></html>\n"
).encode()


def bare(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", bare)]
