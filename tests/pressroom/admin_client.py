"""Driving the admin as a member of staff: signed-in clients by role, submitting
a change form as the browser would, reading the errors a form shows."""

from http import HTTPStatus

from django.contrib.auth.models import Group
from django.test import Client

from .factories import change_url, form_data, make_user


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
