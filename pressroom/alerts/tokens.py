"""The signed links of e-mail alerts.

- Confirmation: the whole request (address, language, choices) signed and
  dated, so nothing is stored before the subscriber confirms. It expires after
  `ALERTS_CONFIRMATION_DAYS`; once used, its digest is kept until then, so it
  cannot subscribe anyone again.
- Managing and unsubscribing: the subscription's random key, signed. A new
  confirmation gives a new key, and older links stop working.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "pressroom.alerts.confirm"
MANAGE_SALT = "pressroom.alerts.manage"


class BadLink(Exception):
    """Not a link this site made (mistyped, cut, or forged)."""


class ExpiredLink(Exception):
    """A real link, too old to use."""


@dataclass(frozen=True)
class Request:
    email: str
    language: str
    everything: bool
    interests: tuple


def max_age():
    return settings.ALERTS_CONFIRMATION_DAYS * 24 * 3600


def confirmation_token(email, language, everything, interests):
    payload = {
        "e": email,
        "l": language,
        "a": bool(everything),
        "i": sorted(interests),
        # Two requests with the same choices still get two links.
        "n": secrets.token_urlsafe(8),
    }
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def read_confirmation(token):
    """The request a confirmation link carries; BadLink or ExpiredLink."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age())
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise BadLink from error
    try:
        return Request(
            email=str(payload["e"]),
            language=str(payload["l"]),
            everything=bool(payload["a"]),
            interests=tuple(str(item) for item in payload["i"]),
        )
    except (KeyError, TypeError) as error:
        raise BadLink from error


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def subscription_token(subscription):
    return token_for_key(subscription.key)


def token_for_key(key):
    return signing.Signer(salt=MANAGE_SALT).sign(key)


def read_subscription_token(token):
    """The subscription key a manage or unsubscribe link carries; BadLink."""
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadLink from error
