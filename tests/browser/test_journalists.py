"""Events, the press desk and e-mail alerts in a real browser, in every language,
on a desktop and on a phone: language and direction, no sideways scrolling,
axe-core at zero, and a screenshot of every page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    assert_document_language,
    assert_no_axe_violations,
    assert_stylesheet_loaded,
    box,
    open_page,
    screenshot,
)

PERSIAN_DIGIT = re.compile("[\u06f0-\u06f9]")
ASCII_DIGIT = re.compile("[0-9]")
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture
def journalists_site(demo_site):
    """The demo site with the demo press officers and events, one of them
    linked to the Isfahan partnership and to the seed release."""
    from django.core.management import call_command

    from cities.models import Partnership
    from pressroom.events.models import Event
    from pressroom.models import PressRelease

    call_command("load_demo", "journalists", verbosity=0)
    event = Event.objects.get(title_en__startswith="Days of Isfahan culture")
    Partnership.objects.get(partner__slug="isfahan").calendar_events.add(event)
    event.releases.add(PressRelease.objects.filter(in_en=True).first())
    return demo_site, event


def this_month(language):
    from django.utils import timezone

    from pressroom import calendars

    calendar = calendars.calendar_for(language)
    year, month = calendars.month_of(timezone.localdate(), calendar)
    return f"/{language}/events/{year}/{month:02d}/"


def check_page(page, language, name, viewport):
    assert_document_language(page, language)
    assert_stylesheet_loaded(page)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"
    screenshot(page, f"{name}-{language}-{viewport}")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_events_pages(page, journalists_site, language, viewport):
    site, event = journalists_site
    page.set_viewport_size(VIEWPORTS[viewport])

    open_page(page, f"{site}/{language}/events/")
    expect(page.locator(".event-card").first).to_be_visible()
    check_page(page, language, "events", viewport)

    open_page(page, site + this_month(language))
    grid = page.locator("table.month-grid")
    expect(grid).to_be_visible()
    assert page.locator("table.month-grid thead th").count() == 7
    check_page(page, language, "events-month", viewport)
    if language == "fa":
        # Saturday is the first column, on the right of a right-to-left table.
        heads = page.locator("table.month-grid thead th")
        assert box(heads.first)["x"] > box(heads.last)["x"]
        assert heads.first.locator("abbr").get_attribute("title") == "شنبه"
        numbers = page.locator(".day-number").all_inner_texts()
        assert all(
            PERSIAN_DIGIT.search(n) and not ASCII_DIGIT.search(n) for n in numbers
        )

    open_page(page, site + event.get_absolute_url(language))
    expect(page.locator("article.event h1")).to_be_visible()
    expect(page.locator("article.event a[href$='/cities/isfahan/']")).to_be_visible()
    check_page(page, language, "event", viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_press_desk_and_subscription_pages(page, journalists_site, language, viewport):
    site, _event = journalists_site
    page.set_viewport_size(VIEWPORTS[viewport])

    open_page(page, f"{site}/{language}/press/")
    expect(page.locator(".officer").first).to_be_visible()
    check_page(page, language, "press", viewport)

    open_page(page, f"{site}/{language}/subscribe/")
    email = page.locator("#id_email")
    expect(email).to_have_attribute("dir", "ltr")
    check_page(page, language, "subscribe", viewport)

    open_page(page, f"{site}/{language}/")
    expect(page.locator(".announcements .event-card").first).to_be_visible()
    check_page(page, language, "home-announcements", viewport)


@pytest.mark.parametrize("language", ["fa", "en"])
def test_subscribing_in_the_browser_says_to_check_the_inbox(
    page, journalists_site, language
):
    site, _event = journalists_site
    open_page(page, f"{site}/{language}/subscribe/")
    page.locator("#id_email").fill("reader@example.org")
    page.locator("input[name=scope][value=chosen]").check()
    with page.expect_navigation():
        page.locator("form.stacked-form button[type=submit]").click()
    # Nothing chosen: the form comes back with the reason, and keeps the address.
    expect(page.locator("#interests-error")).to_be_visible()
    expect(page.locator("#id_email")).to_have_value("reader@example.org")
    check_page(page, language, "subscribe-error", "desktop")

    page.locator("input[name=interests]").first.check()
    with page.expect_navigation():
        page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator("main [role=status]")).to_contain_text("reader@example.org")
    check_page(page, language, "subscribe-sent", "desktop")


def test_a_release_names_its_press_contact_in_persian(page, journalists_site):
    from pressroom.desk.models import PressOfficer
    from pressroom.models import PressRelease

    site, _event = journalists_site
    release = PressRelease.objects.filter(in_fa=True).first()
    release.press_contact = PressOfficer.objects.first()
    release.save()

    open_page(page, site + release.get_absolute_url("fa"))
    contact = page.locator(".press-contact")
    expect(contact).to_be_visible()
    phone = contact.locator("bdi").first
    assert phone.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert PERSIAN_DIGIT.search(phone.inner_text())
    screenshot(page, "release-press-contact-fa")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_confirming_and_managing_a_subscription(page, journalists_site, language):
    from pressroom.alerts import tokens
    from pressroom.alerts.models import Subscription

    site, _event = journalists_site
    token = tokens.confirmation_token("reader@example.org", language, True, [])
    open_page(page, f"{site}/{language}/subscribe/confirm/{token}/")
    expect(page.locator("main dd bdi")).to_have_text("reader@example.org")
    check_page(page, language, "subscribe-confirm", "desktop")

    with page.expect_navigation():
        page.locator("main form button").click()
    expect(page.locator("main [role=status]")).to_contain_text("reader@example.org")
    check_page(page, language, "subscribe-confirmed", "desktop")

    with page.expect_navigation():
        page.locator("main p a").last.click()  # change your choices
    page.locator("input[name=scope][value=chosen]").check()
    page.locator("input[name=interests]").first.check()
    with page.expect_navigation():
        page.locator("form.stacked-form button").click()
    expect(page.locator(".banner-done")).to_be_visible()
    check_page(page, language, "subscribe-manage", "desktop")
    assert not Subscription.objects.get().everything

    with page.expect_navigation():
        page.locator("form.unsubscribe-form button").click()
    check_page(page, language, "subscribe-unsubscribed", "desktop")
    assert not Subscription.objects.exists()


LONG_TITLE_RU = (
    "Исполнительный комитет муниципального образования города Казани и мэрия "
    "Исфахана подписали программу культурного сотрудничества на 2026–2028 годы"
)


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_the_alerts_and_accreditation_lists_fit_a_laptop_screen(
    staff, session, live_server, language
):
    """The sending figures and the request's status stay in view at 1280 pixels
    when a release or an event has a long name (Django keeps a foreign key's
    column on one line)."""
    from pressroom.alerts.sending import announce_release, send_pending
    from pressroom.desk.models import AccreditationRequest
    from tests.pressroom.factories import make_event, make_release, make_subscription

    make_subscription()
    release = make_release(title_ru=LONG_TITLE_RU)
    announce_release(release.pk)
    send_pending()
    event = make_event(title_ru=LONG_TITLE_RU, accreditation_required=True)
    AccreditationRequest.objects.create(
        name="Мария Петрова",
        outlet="Казанские ведомости",
        email="maria@example.org",
        kind=AccreditationRequest.Kind.EVENT,
        event=event,
        language="ru",
    )
    page = session("publisher", language)
    page.set_viewport_size(DESKTOP)
    for path in ("alerts/dispatch", "alerts/delivery", "desk/accreditationrequest"):
        open_page(page, f"{live_server.url}/admin/{path}/")
        screenshot(page, f"backoffice-{path.replace('/', '-')}-{language}")
        results = page.locator("#changelist .results")
        assert results.evaluate("el => el.scrollWidth <= el.clientWidth"), (
            f"{path}: columns cut off"
        )
        expect(page.locator("#result_list thead th").last).to_be_in_viewport(ratio=1)
