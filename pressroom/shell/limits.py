"""Rate limits for the public forms (subscriptions, accreditation requests).

The forms post without a session or CSRF token (their pages are cached like
any other), so abuse is held off by counting: per client address and per
e-mail address, in fixed windows, in the cache (shared by every app server
with Redis; per process without it). Keys are keyed hashes: the cache holds
no address. A cache that is down lets requests through: double opt-in still
keeps an address from being subscribed by someone else.

The client's address is the connection's, or behind the load balancer the one
it saw: `X-Forwarded-For` is believed only on a connection from an address in
TRUSTED_PROXIES (anyone else could write any address there). Sign-in lock-outs
count by the same address (pressroom/signin.py).
"""

import functools
import hashlib
import hmac
import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


@functools.cache
def parse_networks(values):
    """The networks of TRUSTED_PROXIES (a tuple), parsed once."""
    return [ipaddress.ip_network(value.strip(), strict=False) for value in values]


def trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request):
    """The address the request came from, through our own proxies only.

    Walks `X-Forwarded-For` from the right (each proxy appends the address it
    saw) past the trusted proxies; the first other address is the client's.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    networks = parse_networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not trusted(remote, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # not an address: the balancer did not write it
    return remote


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
