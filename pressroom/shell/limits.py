"""Rate limits for the public forms (subscriptions, accreditation requests).

The forms post without a session or CSRF token (their pages are cached like
any other), so abuse is held off by counting: per client address and per
e-mail address, in fixed windows, in the cache (shared by every app server
with Redis; per process without it). Keys are keyed hashes: the cache holds
no address. A cache that is down lets requests through: double opt-in still
keeps an address from being subscribed by someone else.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_ip(request):
    """The client's address; behind the site's proxy, the one it saw."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The last entry is the one our own proxy added.
            return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, value):
    mac = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256)
    return f"limit:{scope}:{mac.hexdigest()[:32]}"


def allow(scope, value, limit, seconds):
    """Count one more request of `value` in `scope`; False past `limit` a window."""
    key = _key(scope, value)
    try:
        if cache.add(key, 1, seconds):
            return True
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, seconds)
            return True
    except Exception:
        logger.warning("Rate limits unavailable (cache down)", exc_info=True)
        return True
    return count <= limit
