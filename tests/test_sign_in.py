"""Signing in to the back-office: lock-outs behind the load balancer, the second
factor (authenticator app and recovery codes), session length, the sign-in page
for every staff page, and password rules."""

import datetime
import re
from http import HTTPStatus

import pytest
from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from pressroom.models import PressRelease
from tests.pressroom.factories import make_release, make_staff, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-correct-password-81"
BALANCER = "10.0.0.5"
LOGIN = "/admin/login/"
VERIFY = "/admin/second-factor/"
ENROL = "/admin/second-factor/enrol/"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fresh_axes(db):
    axes_reset()
    yield
    axes_reset()


# Lock-outs behind the load balancer


def via_balancer(client_address):
    """A browser at `client_address`, reaching the site through the balancer."""
    return Client(REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=client_address)


def fail_to_sign_in(client, username, times):
    for _attempt in range(times):
        client.post(LOGIN, {"username": username, "password": "a guess"})


def test_a_stranger_behind_the_balancer_cannot_lock_the_owner_out(settings, fresh_axes):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    make_user(username="editor", password=PASSWORD, is_staff=True)
    stranger = via_balancer("203.0.113.9")
    fail_to_sign_in(stranger, "editor", settings.AXES_FAILURE_LIMIT)
    refused = stranger.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    owner = via_balancer("198.51.100.7")
    response = owner.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" in owner.session


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("ru", "приостановлен на 60 минут"),
        ("fa", "۶۰ دقیقه"),
        ("en", "paused for 60 minutes"),
    ],
)
def test_a_refused_sign_in_is_a_page_saying_for_how_long(
    settings, fresh_axes, language, says
):
    make_user(username="editor", password=PASSWORD, is_staff=True)
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    fail_to_sign_in(client, "editor", settings.AXES_FAILURE_LIMIT)

    refused = client.post(LOGIN, {"username": "editor", "password": PASSWORD})

    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    page = refused.content.decode()
    assert f'<html lang="{language}"' in page
    assert says in page
    assert f'href="{LOGIN}"' in page


def test_forwarded_addresses_from_anyone_but_the_balancer_are_ignored(
    settings, fresh_axes
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    make_user(username="editor", password=PASSWORD, is_staff=True)
    for number in range(settings.AXES_FAILURE_LIMIT):
        # Straight to an app server, claiming a new address each time.
        forger = Client(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=f"1.1.1.{number}")
        fail_to_sign_in(forger, "editor", 1)
    forger = Client(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="1.1.1.200")
    response = forger.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        (BALANCER, "203.0.113.9", "203.0.113.9"),
        # A client's own forged entry stays on the left; the balancer's is last.
        (BALANCER, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        # Two layers of our own proxies.
        (BALANCER, "203.0.113.9, 10.0.0.7", "203.0.113.9"),
        ("192.0.2.1", "203.0.113.9", "192.0.2.1"),
        (BALANCER, "not an address", BALANCER),
        (BALANCER, "", BALANCER),
        (BALANCER, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_is_taken_from_the_balancer_only(
    rf, settings, remote, forwarded, expected
):
    from pressroom.shell.limits import client_ip

    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_without_trusted_proxies_the_connection_address_is_the_client(rf, settings):
    from pressroom.shell.limits import client_ip

    settings.TRUSTED_PROXIES = []
    request = rf.get("/", REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_ip(request) == BALANCER


# The second factor


@pytest.fixture
def required(settings, tmp_path):
    settings.SECOND_FACTOR_REQUIRED = True
    settings.MEDIA_ROOT = tmp_path


def signed_in_with_password(username="officer"):
    """A browser that has given the right password, and nothing more."""
    make_user(username=username, password=PASSWORD, is_staff=True, is_superuser=True)
    client = Client()
    response = client.post(
        f"{LOGIN}?next=/admin/", {"username": username, "password": PASSWORD}
    )
    assert response.status_code == HTTPStatus.FOUND
    return client


def code_for(device, steps_ahead=0):
    """What the app shows now (or `steps_ahead` steps of 30 s later)."""
    return str(
        totp(
            device.bin_key,
            step=device.step,
            t0=device.t0 - steps_ahead * device.step,
            digits=device.digits,
        )
    ).zfill(device.digits)


def enrol(client):
    """Connect an app through the enrolment page; return (device, codes)."""
    page = client.get(ENROL)
    assert page.status_code == HTTPStatus.OK
    device = TOTPDevice.objects.get(user__username="officer")
    response = client.post(ENROL, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page.text)
    return device, codes


def test_the_admin_asks_for_a_second_step_after_the_password(required):
    client = signed_in_with_password()
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    # No app yet: the second step starts by connecting one.
    response = client.get(response["Location"])
    assert response["Location"].startswith(ENROL)


def test_enrolment_shows_a_qr_code_and_the_key_as_text(required):
    client = signed_in_with_password()
    response = client.get(ENROL, HTTP_ACCEPT_LANGUAGE="fa")
    html = response.content.decode()
    assert 'src="data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns' in html
    device = TOTPDevice.objects.get(user__username="officer")
    assert not device.confirmed
    secret = re.search(r'class="second-factor-secret"[^>]*>([A-Z2-7 ]+)<', html)
    import base64

    assert base64.b32decode(secret.group(1).replace(" ", "")) == device.bin_key
    assert '<html lang="fa" dir="rtl">' in html
    assert "برنامه" in html  # the steps are in the admin's language


def test_enrolment_with_the_apps_code_signs_in_and_shows_recovery_codes(required):
    client = signed_in_with_password()
    device, codes = enrol(client)
    device.refresh_from_db()
    assert device.confirmed
    assert len(set(codes)) == 10
    assert StaticDevice.objects.get(user__username="officer").token_set.count() == 10
    assert client.get("/admin/").status_code == HTTPStatus.OK
    # Shown once: the page does not show them again.
    again = client.get(reverse("second-factor:recovery-codes"))
    assert codes[0] not in again.content.decode()


def test_a_wrong_code_connects_nothing(required):
    client = signed_in_with_password()
    client.get(ENROL)
    response = client.post(ENROL, {"code": "000000"})
    assert response.status_code == HTTPStatus.OK
    assert "errorlist" in response.content.decode()
    assert not TOTPDevice.objects.get(user__username="officer").confirmed
    assert client.get("/admin/").status_code == HTTPStatus.FOUND


def test_a_later_sign_in_needs_a_code_from_the_app(required):
    device, _codes = enrol(signed_in_with_password())
    client = Client()
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})
    response = client.post(VERIFY, {"code": "123456", "next": "/admin/"})
    assert response.status_code == HTTPStatus.OK
    assert client.get("/admin/").status_code == HTTPStatus.FOUND
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wait a wrong code costs, skipped
    device.throttling_failure_timestamp = None
    device.save()
    code = " ".join(code_for(device, steps_ahead=1)[i : i + 3] for i in (0, 3))
    response = client.post(VERIFY, {"code": code, "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_a_right_code_too_soon_after_a_wrong_one_says_to_wait(required):
    device, _codes = enrol(signed_in_with_password())
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})
    client.post(VERIFY, {"code": "123456"})
    response = client.post(VERIFY, {"code": code_for(device, 1)})
    assert response.status_code == HTTPStatus.OK
    assert "ثانیه" in response.content.decode()  # wait … seconds, in Persian
    assert client.get("/admin/").status_code == HTTPStatus.FOUND


def test_a_code_in_persian_digits_is_accepted(required):
    device, _codes = enrol(signed_in_with_password())
    client = Client()
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})
    persian = code_for(device, 1).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    response = client.post(VERIFY, {"code": persian})
    assert response.status_code == HTTPStatus.FOUND


def test_a_recovery_code_signs_in_once(required):
    _device, codes = enrol(signed_in_with_password())
    first = Client()
    first.post(LOGIN, {"username": "officer", "password": PASSWORD})
    response = first.post(VERIFY, {"code": codes[0].upper()})
    assert response.status_code == HTTPStatus.FOUND
    assert first.get("/admin/").status_code == HTTPStatus.OK
    second = Client()
    second.post(LOGIN, {"username": "officer", "password": PASSWORD})
    response = second.post(VERIFY, {"code": codes[0]})
    assert response.status_code == HTTPStatus.OK
    assert second.get("/admin/").status_code == HTTPStatus.FOUND


def test_the_second_step_never_sends_anyone_off_the_site(required):
    device, _codes = enrol(signed_in_with_password())
    client = Client()
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})
    response = client.post(
        VERIFY, {"code": code_for(device, 1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_until_the_second_step_staff_see_the_public_site_as_anyone(required):
    draft = make_release(status=PressRelease.Status.DRAFT)
    client = signed_in_with_password()
    assert client.get(draft.get_absolute_url("ru")).status_code == 404
    rosetta = client.get("/admin/rosetta/files/project/")
    assert rosetta["Location"].startswith(VERIFY)
    enrol(client)
    assert client.get(draft.get_absolute_url("ru")).status_code == HTTPStatus.OK


def test_public_pages_stay_cacheable_with_the_second_factor_on(required, client):
    response = client.get("/ru/")
    assert response.status_code == HTTPStatus.OK
    assert "cookie" not in response.get("Vary", "").lower()


def test_the_demo_accounts_are_exempt_in_the_local_demo_only(required, settings):
    make_user(username="demo", password=PASSWORD, is_staff=True, is_superuser=True)
    client = Client()
    client.post(LOGIN, {"username": "demo", "password": PASSWORD})
    assert client.get("/admin/").status_code == HTTPStatus.OK
    settings.DEMO = False
    assert client.get("/admin/").status_code == HTTPStatus.FOUND


def test_a_superuser_resets_a_lost_phone(required, settings):
    device, _codes = enrol(signed_in_with_password())
    admin = Client()
    admin.force_login(make_user(is_staff=True, is_superuser=True))
    settings.SECOND_FACTOR_REQUIRED = False
    response = admin.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [device.user_id]},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not TOTPDevice.objects.filter(user_id=device.user_id).exists()
    assert not StaticDevice.objects.filter(user_id=device.user_id).exists()


def test_fresh_recovery_codes_replace_the_old_ones(required):
    client = signed_in_with_password()
    _device, old = enrol(client)
    response = client.post(reverse("second-factor:renew-recovery-codes"))
    page = client.get(response["Location"]).content.decode()
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(new) == 10 and not set(new) & set(old)


# Sessions, the sign-in page, passwords


def test_a_staff_session_lasts_a_working_day_from_the_last_request(client):
    make_user(username="editor", password=PASSWORD, is_staff=True)
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60
    session = Session.objects.get()
    # An hour later, a request starts the working day again.
    Session.objects.update(
        expire_date=session.expire_date - datetime.timedelta(hours=1)
    )
    client.get("/admin/")
    assert Session.objects.get().expire_date > session.expire_date - datetime.timedelta(
        minutes=1
    )
    # A day without a request: signed out.
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/admin/")
    assert response["Location"].startswith(LOGIN)


def test_refused_staff_pages_send_to_the_admins_sign_in_page(client):
    response = client.get("/admin/rosetta/files/project/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(f"{LOGIN}?next=")
    assert client.get(response["Location"]).status_code == HTTPStatus.OK


@pytest.mark.parametrize("next_page", ["https://evil.example/", "//evil.example/"])
def test_signing_in_with_an_address_off_the_site_lands_in_the_admin(
    client, fresh_axes, next_page
):
    """Django refuses to follow `next` off the site; it then went to its default,
    /accounts/profile/, a page this site does not have."""
    make_user(username="officer", password=PASSWORD, is_staff=True)
    response = client.post(
        f"{LOGIN}?next={next_page}", {"username": "officer", "password": PASSWORD}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize(
    "password", ["kazan2025", "password1234", "1234567890123", "officer-officer"]
)
def test_weak_passwords_are_refused(password):
    user = make_user(username="officer-officer")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_the_admins_password_form_refuses_a_short_password(client):
    user = make_staff(username="officer")
    client.force_login(user)
    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": "",
            "new_password1": "Kz-2025!",
            "new_password2": "Kz-2025!",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "errorlist" in response.content.decode()
