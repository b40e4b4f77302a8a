"""The messages: an alert of a release, a confirmation request.

An alert is rendered once per release and language, with stand-ins for the
subscriber's own links, which are filled in for each message: rendering it for
each of thousands of subscribers would cost the worker more than sending.
"""

from dataclasses import dataclass
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from pressroom import calendars
from pressroom.alerts import tokens
from pressroom.identity import site_name

MANAGE_MARK = "@@manage-url@@"
UNSUBSCRIBE_MARK = "@@unsubscribe-url@@"


def site_url(path):
    """An absolute address for a message: the worker has no request to go by."""
    return f"{settings.MAIL_SITE_URL}{path}"


def sender():
    """The From of every message: the service's name in the current language."""
    return formataddr((str(site_name()), settings.DEFAULT_FROM_EMAIL))


def mail_domain():
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"


def subscription_links(subscription):
    token = tokens.subscription_token(subscription)
    with translation.override(subscription.language):
        return {
            "manage": site_url(reverse("alerts:manage", kwargs={"token": token})),
            "unsubscribe": site_url(
                reverse("alerts:unsubscribe", kwargs={"token": token})
            ),
        }


@dataclass(frozen=True)
class Alert:
    """An alert rendered for one release and language, links still to fill in."""

    dispatch_id: int
    language: str
    subject: str
    text: str
    html: str

    def message(self, delivery_id, subscription):
        links = subscription_links(subscription)
        text = self.text.replace(MANAGE_MARK, links["manage"]).replace(
            UNSUBSCRIBE_MARK, links["unsubscribe"]
        )
        html = self.html.replace(MANAGE_MARK, escape(links["manage"])).replace(
            UNSUBSCRIBE_MARK, escape(links["unsubscribe"])
        )
        with translation.override(self.language):
            from_email = sender()
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=text,
            from_email=from_email,
            to=[subscription.email],
            headers={
                # RFC 8058: mail programs offer a button that POSTs to this
                # address, and the subscription ends with no further step.
                "List-Unsubscribe": f"<{links['unsubscribe']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"<press-releases.{self.language}.{mail_domain()}>",
                # The same for every attempt at this delivery: a server that
                # sees it twice may drop the copy.
                "Message-ID": f"<alert-{self.dispatch_id}-{delivery_id}"
                f"@{mail_domain()}>",
                "Content-Language": self.language,
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(html, "text/html")
        return message


def render_alert(dispatch):
    """The alert of `dispatch.release` in `dispatch.language`."""
    release, language = dispatch.release, dispatch.language
    with translation.override(language):
        context = {
            "release": release,
            "url": site_url(release.get_absolute_url(language)),
            "published": calendars.format_datetime(
                release.published_at, language, weekday=True
            ),
            "site_name": site_name(),
            "manage_url": MANAGE_MARK,
            "unsubscribe_url": UNSUBSCRIBE_MARK,
            "subscribe_url": site_url(reverse("alerts:subscribe")),
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
        }
        return Alert(
            dispatch_id=dispatch.pk,
            language=language,
            subject=getattr(release, f"title_{language}"),
            text=render_to_string("alerts/email/alert.txt", context),
            html=render_to_string("alerts/email/alert.html", context),
        )


def confirmation_message(email, language, url, summary):
    """The message asking to confirm a subscription (sent by the worker)."""
    with translation.override(language):
        context = {
            "url": url,
            "summary": summary,
            "days": calendars.localize_digits(
                settings.ALERTS_CONFIRMATION_DAYS, language
            ),
            "site_name": site_name(),
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
        }
        message = EmailMultiAlternatives(
            subject=translation.gettext("Confirm your subscription to press releases"),
            body=render_to_string("alerts/email/confirm.txt", context),
            from_email=sender(),
            to=[email],
            headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(
            render_to_string("alerts/email/confirm.html", context), "text/html"
        )
        return message
