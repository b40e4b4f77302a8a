"""The 403 page: in the back-office's look and language for staff, in the
site's for readers (Django's own is a bare English "403 Forbidden")."""

from django.contrib import admin
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext


def permission_denied(request, exception=None):
    if request.path.startswith(reverse("admin:index")):
        context = {
            **admin.site.each_context(request),
            "title": gettext("This page is not open to you"),
        }
        return render(request, "admin/403.html", context, status=403)
    return render(request, "403.html", {"alternates": {}}, status=403)
