"""Driving the admin as a member of staff: signed-in clients by role, submitting
a change form as the browser would, reading the errors a form shows."""

import json
import re
from html import unescape
from http import HTTPStatus

from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.test import Client

from .factories import change_url, form_data, make_user

# The snapshot a change form carries of what it showed (pressroom/concurrent_edits.py).
OPENED = re.compile(r'<input type="hidden" name="_opened" value="([^"]+)">')


def make_member(group, **kwargs):
    user = make_user(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(user, language="ru"):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def edit(client, obj, **changes):
    """Load the change form, change some fields, submit it; return the response."""
    response = client.get(change_url(obj))
    assert response.status_code == HTTPStatus.OK
    data = form_data(response)
    data.update(changes)
    return client.post(change_url(obj), data)


def release_add_data(**fields):
    """POST data for a new release with empty inlines."""
    data = {
        "status": "draft",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "preview_links-TOTAL_FORMS": "0",
        "preview_links-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


def errors_of(response):
    """Every form error on an admin change page, as text."""
    context = response.context
    errors = [str(error) for error in context["adminform"].form.errors.values()]
    for inline in context["inline_admin_formsets"]:
        errors += [str(form.errors) for form in inline.formset.forms if form.errors]
    return " ".join(errors)


# Several people on one form: its snapshot, the conflict page, the history


def open_form(client, obj):
    """The change form's POST data as the browser would send it, snapshot included."""
    response = client.get(change_url(obj))
    assert response.status_code == HTTPStatus.OK
    data = form_data(response)
    data["_opened"] = unescape(OPENED.search(response.content.decode()).group(1))
    return data


def save(client, obj, data, **changes):
    return client.post(change_url(obj), {**data, **changes, "_continue": "1"})


def choices_of(response):
    """The conflict page's radio buttons: {name: {side: value}}."""
    found = {}
    for name, value in re.findall(
        r'type="radio" id="[^"]+" name="([^"]+)" value="([^"]+)"',
        response.content.decode(),
    ):
        found.setdefault(unescape(name), {})[value.split(":")[0]] = value
    return found


def carried(response):
    """The conflict page's hidden inputs: what it sends back."""
    data = {}
    for name, value in re.findall(
        r'<input type="hidden" name="([^"]+)" value="([^"]*)">',
        response.content.decode(),
    ):
        data.setdefault(unescape(name), []).append(unescape(value))
    return data


def history_fields(release):
    """The fields each log entry of the release names, latest first."""
    entries = LogEntry.objects.filter(object_id=str(release.pk)).order_by("-pk")
    names = []
    for entry in entries:
        for item in json.loads(entry.change_message or "[]"):
            names.append(item.get("changed", {}).get("fields", []))
    return names
