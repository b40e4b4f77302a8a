"""The second step of signing in to the admin: a code from an authenticator app.

Built on django-otp's devices: a TOTP device (the app) and a static device (ten
single-use recovery codes, for a lost phone). The steps, in the admin's look and
language:

- enrol (`enrol/`): a staff member without a confirmed app sees a QR code (an
  SVG in a `data:` address, which the admin's policy admits) and the same secret
  as text, types the code the app then shows, and receives recovery codes;
- verify (``): every later sign-in asks for a code from the app, or one of the
  recovery codes (each works once);
- recovery codes (`recovery-codes/`): shown once after enrolling, and a fresh
  set on request (the old ones stop working).

A lost phone: a superuser resets the person's second factor (the action on the
users' list), and they enrol again at their next sign-in. Wrong codes are
throttled by django-otp (each failure doubles the wait before the next try).
"""

import base64
import math

import segno
from django import forms
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pressroom.calendars import localize_digits
from pressroom.text import search_normalize

RECOVERY_CODES = 10
APP_DEVICE_NAME = "authenticator app"
RECOVERY_DEVICE_NAME = "recovery codes"
SHOW_CODES_KEY = "second_factor_codes"
WRONG_CODE = _("This code is wrong or has expired. Type the code your app shows now.")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "inputmode": "text",
                "dir": "ltr",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        ),
    )

    def clean_code(self):
        # Persian and Arabic digits from a Persian keyboard, spaces from copying.
        return search_normalize(self.cleaned_data["code"]).replace(" ", "")


def app_device(user, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


def recovery_device(user):
    return StaticDevice.objects.filter(user=user).first()


def safe_next(request, default=None):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("admin:index")


def signed_in_with(request, device):
    """Mark the session verified by `device`, under a new session key."""
    request.session.cycle_key()
    otp_login(request, device)


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones; return them."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_DEVICE_NAME}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def unused_codes(count):
    text = ngettext(
        "You have %(count)s unused recovery code. Codes are shown only once, "
        "when they are made.",
        "You have %(count)s unused recovery codes. Codes are shown only once, "
        "when they are made.",
        count,
    )
    return text % {"count": localize_digits(count, get_language())}


def throttled(device):
    """Why `device` takes no code now (too many wrong ones lately), or None.

    django-otp doubles the wait after each wrong code; it says so, rather
    than calling a right code wrong.
    """
    if device is None:
        return None
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    until = details.get("locked_until")
    seconds = (
        max(1, math.ceil((until - timezone.now()).total_seconds())) if until else 1
    )
    text = ngettext(
        "Too many wrong codes. Wait %(seconds)s second and try again.",
        "Too many wrong codes. Wait %(seconds)s seconds and try again.",
        seconds,
    )
    return text % {"seconds": localize_digits(seconds, get_language())}


def qr_code(url):
    """The otpauth:// address as an SVG image in a data: address."""
    return segno.make(url, error="m").svg_data_uri(scale=4, dark="#000", light="#fff")


def page(request, template, context, status=200):
    context = {
        **admin.site.each_context(request),
        "next": safe_next(request),
        **context,
    }
    return TemplateResponse(
        request, f"admin/second_factor/{template}", context, status=status
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    """A code from the app or a recovery code, after the password."""
    user = request.user
    if user.is_verified():
        return redirect(safe_next(request))
    app = app_device(user)
    if app is None:
        return redirect(f"{reverse('second-factor:enrol')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        code = form.cleaned_data["code"]
        recovery = recovery_device(user)
        # Six digits are the app's; anything else can only be a recovery code.
        device = app if code.isdigit() else recovery
        wait = throttled(device)
        verified = (
            not wait and device and verify_token(user, device.persistent_id, code)
        )
        if verified:
            signed_in_with(request, verified)
            return redirect(safe_next(request))
        form.add_error("code", wait or WRONG_CODE)
    return page(request, "verify.html", {"form": form, "title": _("Second step")})


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def enrol(request):
    """Connect an authenticator app: QR code, secret as text, first code."""
    user = request.user
    if app_device(user) is not None:
        return redirect(f"{reverse('second-factor:verify')}?{request.GET.urlencode()}")
    device = app_device(user, confirmed=False) or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=False
    )
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            wait = throttled(device)
            if not wait and device.verify_token(form.cleaned_data["code"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                request.session[SHOW_CODES_KEY] = new_recovery_codes(user)
                signed_in_with(request, device)
                codes_page = reverse("second-factor:recovery-codes")
                query = urlencode({"next": safe_next(request)})
                return redirect(f"{codes_page}?{query}")
        form.add_error("code", wait or WRONG_CODE)
    secret = base64.b32encode(device.bin_key).decode()
    return page(
        request,
        "enrol.html",
        {
            "form": form,
            "title": _("Set up the second step of signing in"),
            "qr_code": qr_code(device.config_url),
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD"])
def recovery_codes(request):
    """The recovery codes just made, shown this once (the session forgets them)."""
    codes = request.session.pop(SHOW_CODES_KEY, None)
    device = recovery_device(request.user)
    return page(
        request,
        "recovery_codes.html",
        {
            "codes": codes,
            "remaining": unused_codes(device.token_set.count() if device else 0),
            "title": _("Recovery codes"),
        },
    )


@never_cache
@login_required
@require_POST
def renew_recovery_codes(request):
    request.session[SHOW_CODES_KEY] = new_recovery_codes(request.user)
    return redirect("second-factor:recovery-codes")


app_name = "second-factor"
urlpatterns = [
    path("", verify, name="verify"),
    path("enrol/", enrol, name="enrol"),
    path("recovery-codes/", recovery_codes, name="recovery-codes"),
    path("recovery-codes/new/", renew_recovery_codes, name="renew-recovery-codes"),
]
