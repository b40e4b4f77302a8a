"""Who is signing in, and whether they have done so fully.

- The client's address, for django-axes' lock-outs (AXES_CLIENT_IP_CALLABLE),
  is `pressroom.shell.limits.client_ip`, the one the public forms' rate limits
  count by: behind the load balancer the `X-Forwarded-For` of a connection from
  an address in TRUSTED_PROXIES, never anyone else's. Lock-outs are by
  (address, username) together, so a stranger who fails five times locks out
  only that pair, not the account from everywhere. Behind a proxy with no
  trusted proxy named, `check --deploy` warns: every client would then have the
  balancer's address.
- The second factor. With SECOND_FACTOR_REQUIRED (production), a staff member
  who has given the right password is signed in to nothing until they also give
  a code from their authenticator app or a recovery code (`second_factor.py`);
  before that, the admin sends them to that step and the public site treats them
  as any anonymous reader (no previews, no media of drafts). The accounts of the
  local demo (`make run`) are exempt there, and only there.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.core import checks
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language, ngettext

from pressroom.calendars import localize_digits


@checks.register(checks.Tags.security, deploy=True)
def check_trusted_proxies(app_configs, **kwargs):
    """Behind a load balancer nobody named, every client has its address."""
    if settings.SECURE_PROXY_SSL_HEADER and not settings.TRUSTED_PROXIES:
        return [
            checks.Warning(
                "The site runs behind a proxy (DJANGO_BEHIND_PROXY) but "
                "DJANGO_TRUSTED_PROXIES is empty: every client seems to come from "
                "the load balancer's address, so a stranger's failed sign-ins "
                "lock an account out for everyone.",
                hint="Set DJANGO_TRUSTED_PROXIES to the load balancers' addresses "
                "or networks.",
                id="pressroom.W001",
            )
        ]
    return []


def demo_usernames():
    from pressroom.management.commands.demo_account import ROLE_ACCOUNTS, USERNAME

    return {USERNAME, *ROLE_ACCOUNTS}


def needs_second_factor(user):
    """Whether this signed-in user must still give a code."""
    if not (settings.SECOND_FACTOR_REQUIRED and user.is_authenticated):
        return False
    if not user.is_staff or user.is_verified():
        return False
    # DEMO is refused at start-up without DEBUG (config/settings.py).
    return not (settings.DEMO and user.username in demo_usernames())


class SecondFactorMiddleware:
    """Keep a staff member who has not given a code out of everything else.

    After django-otp's OTPMiddleware, which tells whether this session was
    verified by a device (`user.is_verified()`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    @cached_property
    def open_paths(self):
        """Where an unverified staff member may go: the step itself and out."""
        return (
            reverse("second-factor:verify"),
            reverse("second-factor:enrol"),
            reverse("admin:logout"),
            reverse("admin:login"),
            reverse("admin:jsi18n"),
        )

    def __call__(self, request):
        # Without a session cookie nobody is signed in; looking would mark the
        # answer `Vary: Cookie` and keep public pages out of shared caches.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        if needs_second_factor(request.user):
            path = request.path
            if path.startswith(self.admin_prefix):
                if not path.startswith(self.open_paths):
                    query = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse('second-factor:verify')}?{query}")
            else:
                request.user = AnonymousUser()
        return self.get_response(request)


def locked_out(request, response=None, credentials=None):
    """django-axes' answer to a sign-in it refuses (AXES_LOCKOUT_CALLABLE): a
    back-office page in the admin's language saying for how long, not a line
    of bare text."""
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    message = ngettext(
        "Too many wrong passwords for this name from your address: signing in "
        "with it from here is paused for %(minutes)d minute.",
        "Too many wrong passwords for this name from your address: signing in "
        "with it from here is paused for %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    context = admin.site.each_context(request) | {
        "message": localize_digits(message, get_language()),
    }
    return render(request, "admin/locked_out.html", context, status=429)
