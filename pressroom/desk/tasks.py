"""Telling applicants of their accreditation request, from the worker."""

import smtplib

from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from pressroom import calendars
from pressroom.alerts.messages import sender, site_url
from pressroom.desk.models import AccreditationRequest
from pressroom.shell.identity import site_name


def message_for(request):
    """The message telling the applicant where their request stands."""
    with translation.override(request.language):
        context = {
            "application": request,
            "note": new_note(request),
            "status": request.get_status_display(),
            "received": calendars.format_date(request.created_at, request.language),
            "event_title": request.event
            and getattr(request.event, f"title_{request.language}"),
            "site_name": site_name(),
            "desk_url": site_url(request_desk_path(request.language)),
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
        }
        message = EmailMultiAlternatives(
            subject=translation.gettext("Your accreditation request: {status}").format(
                status=context["status"]
            ),
            body=render_to_string("desk/email/status.txt", context),
            from_email=sender(),
            to=[request.email],
            headers={"Content-Language": request.language},
        )
        message.attach_alternative(
            render_to_string("desk/email/status.html", context), "text/html"
        )
        return message


def new_note(request):
    """The staff's note, unless the applicant was sent it already."""
    note = request.reply.strip()
    return note if note and note != request.notified_reply.strip() else ""


def request_desk_path(language):
    with translation.override(language):
        return reverse("desk:desk")


@task()
def notify_applicant(request_id):
    """Tell the applicant the request's status, once per status it reaches,
    with the staff's note if it is new since the last message.

    The status is marked as told before sending, and the mark undone if the
    server refuses: the sweep then tries again (`notify_outstanding`).
    """
    request = AccreditationRequest.objects.select_related("event").get(pk=request_id)
    status = request.status
    claimed = (
        AccreditationRequest.objects.filter(pk=request_id, status=status)
        .exclude(notified_status=status)
        .update(notified_status=status, notified_reply=request.reply)
    )
    if not claimed:
        return False
    try:
        message_for(request).send()
    except smtplib.SMTPRecipientsRefused:
        return False  # the address does not exist: trying again changes nothing
    except Exception:
        AccreditationRequest.objects.filter(
            pk=request_id, notified_status=status
        ).update(
            notified_status=request.notified_status,
            notified_reply=request.notified_reply,
        )
        raise
    return True


def notify_outstanding():
    """The sweep's job: tell applicants of changes no task told them of."""
    waiting = AccreditationRequest.objects.exclude(notified_status=F("status"))
    for pk in waiting.values_list("pk", flat=True)[:200]:
        notify_applicant.call(pk)
