"""The press desk for journalists: who to call, how to get accredited, the request.

The request form posts without a CSRF token or a session, like the alerts'
subscription form (see `pressroom.alerts.views`): the page stays an ordinary
cached public page. A request grants nothing by itself: staff read it in the
back-office. Rate limits per client and per applicant's address, and a hidden
field, keep floods out.
"""

from http import HTTPStatus

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from pressroom.desk.forms import AccreditationForm
from pressroom.desk.models import PressOfficer
from pressroom.desk.tasks import notify_applicant
from pressroom.models import Topic
from pressroom.shell import limits

PER_CLIENT = (5, 3600)
# Each request mails its applicant: requests in one address's name, from any
# number of clients, are held at this many a day.
PER_ADDRESS = (5, 24 * 3600)


def officers(language):
    return PressOfficer.objects.available_in(language).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.named_in(language))
    )


def desk_page(request, form, status=HTTPStatus.OK, sent=None):
    language = get_language()
    response = render(
        request,
        "desk/desk.html",
        {"officers": officers(language), "form": form, "sent": sent},
        status=status,
    )
    if request.method == "POST":
        patch_cache_control(response, private=True, no_store=True)
    return response


def too_many(request, form, which="limited", seconds=PER_CLIENT[1]):
    response = desk_page(request, form, status=HTTPStatus.TOO_MANY_REQUESTS, sent=which)
    response["Retry-After"] = str(seconds)
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def desk(request):
    language = get_language()
    if request.method != "POST":
        return desk_page(request, AccreditationForm(language=language))
    form = AccreditationForm(request.POST, language=language)
    if not limits.allow("accreditation", limits.client_ip(request), *PER_CLIENT):
        return too_many(request, form)
    if not form.is_valid():
        return desk_page(request, form, status=HTTPStatus.BAD_REQUEST)
    email = form.cleaned_data["email"].lower()
    if not limits.allow("accreditation-address", email, *PER_ADDRESS):
        return too_many(request, form, "limited-address", PER_ADDRESS[1])
    if not form.is_robot:
        accreditation = form.save()
        notify_applicant.enqueue(accreditation.pk)
    return desk_page(request, AccreditationForm(language=language), sent="sent")
