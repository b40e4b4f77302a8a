"""The messages: an alert of a release, a confirmation request.

An alert is rendered and written out once per release and language, with
stand-ins for what is each subscriber's own (`Alert`).
"""

import email.message
import textwrap
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from pressroom import calendars
from pressroom.alerts import tokens
from pressroom.shell.addresses import pattern
from pressroom.shell.identity import site_name

# Stand-ins in an alert's written-out message, replaced for each subscriber.
MANAGE_MARK = "@@manage-url@@"
UNSUBSCRIBE_MARK = "@@unsubscribe-url@@"
RECIPIENT_MARK = "subscriber@alerts.invalid"
DELIVERY_MARK = "delivery-mark"


# SMTP takes lines of up to 998 bytes; Django writes a part with a longer one
# as quoted-printable, which breaks every line at 76 characters, the stand-ins
# above too. Longer lines are wrapped at this many characters (at most four
# bytes each), so an alert always goes as it was written.
LINE_CHARACTERS = 200


def within_line_limit(text):
    """`text` with each line too long for SMTP wrapped between words (a
    lead's paragraph, say; HTML reads a line end as a space)."""
    lines = []
    for line in text.split("\n"):
        if len(line.encode()) <= 4 * LINE_CHARACTERS:
            lines.append(line)
        else:
            # A long address (a word to textwrap) stays whole on its own line.
            lines.extend(
                textwrap.wrap(
                    line,
                    LINE_CHARACTERS,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
    return "\n".join(lines)


def site_url(path):
    """An absolute address for a message: the worker has no request to go by."""
    return f"{settings.MAIL_SITE_URL}{path}"


def sender():
    """The From of every message: the service's name in the current language."""
    return formataddr((str(site_name()), settings.DEFAULT_FROM_EMAIL))


def mail_domain():
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"


def subscription_links(key, language):
    """A subscriber's own links (by the subscription's key): to manage, and to
    unsubscribe in one click."""
    token = tokens.token_for_key(key)
    links = {}
    for kind in ("manage", "unsubscribe"):
        # Reversed once per language, then filled in (pressroom.shell.addresses).
        head, tail = pattern(f"alerts:{kind}", 1, language)
        links[kind] = site_url(f"{head}{token}{tail}")
    return links


def envelope_address(address):
    """An address as SMTP and headers take it: an IDN domain in ASCII."""
    return address if address.isascii() else sanitize_address(address, "utf-8")


class WireMessage(email.message.Message):
    """A message already written out (what EmailMessage.message() gives a
    backend to write out)."""

    def __init__(self, data):
        super().__init__()
        self.data = data

    def as_bytes(self, unixfrom=False, policy=None, linesep="\n"):
        # Kept as SMTP sends it, with CRLF line ends.
        return self.data.replace(b"\r\n", linesep.encode())


class AlertMessage(EmailMultiAlternatives):
    """One subscriber's copy of an alert, filled in from the alert's bytes."""

    def __init__(self, data, **kwargs):
        kwargs.setdefault("from_email", settings.DEFAULT_FROM_EMAIL)
        super().__init__(**kwargs)
        self.data = data

    def message(self):
        return WireMessage(self.data)


class Alert:
    """An alert of one release in one language, written out once.

    Each subscriber's copy differs only in its address, its id and its own
    links: those are stand-ins in the written-out message, replaced in its
    bytes for each copy, as mass mailers do: writing a MIME message out for
    every subscriber cost the worker more than sending it.
    """

    def __init__(self, dispatch_id, language, subject, text, html):
        self.dispatch_id, self.language = dispatch_id, language
        domain = mail_domain()
        with translation.override(language):
            template = EmailMultiAlternatives(
                subject=subject,
                body=text,
                from_email=sender(),
                to=[RECIPIENT_MARK],
                headers={
                    # RFC 8058: mail programs offer a button that POSTs to this
                    # address, and the subscription ends with no further step.
                    "List-Unsubscribe": f"<{UNSUBSCRIBE_MARK}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    "List-Id": f"<press-releases.{language}.{domain}>",
                    # The same for every attempt at this delivery: a server
                    # that sees it twice may drop the copy.
                    "Message-ID": f"<alert-{dispatch_id}-{DELIVERY_MARK}@{domain}>",
                    "Content-Language": language,
                    "Auto-Submitted": "auto-generated",
                },
            )
            template.attach_alternative(html, "text/html")
            self.data = template.message().as_bytes()
        for mark in (RECIPIENT_MARK, DELIVERY_MARK, MANAGE_MARK, UNSUBSCRIBE_MARK):
            if mark.encode() not in self.data:
                raise ValueError(f"{mark} was encoded away in the alert")

    def copy(self, delivery_id, email, links):
        """The bytes of one subscriber's copy."""
        return (
            self.data.replace(RECIPIENT_MARK.encode(), envelope_address(email).encode())
            .replace(DELIVERY_MARK.encode(), str(delivery_id).encode())
            # The links' characters need no escaping in text, HTML or headers.
            .replace(MANAGE_MARK.encode(), links["manage"].encode())
            .replace(UNSUBSCRIBE_MARK.encode(), links["unsubscribe"].encode())
            .replace(b"\n", b"\r\n")
        )


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
            dispatch.pk,
            language,
            subject=getattr(release, f"title_{language}"),
            text=within_line_limit(render_to_string("alerts/email/alert.txt", context)),
            html=within_line_limit(
                render_to_string("alerts/email/alert.html", context)
            ),
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
