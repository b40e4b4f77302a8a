"""Leaving a change form ends one's presence at once, for the other person too:
no waiting for the heartbeat to lapse. Real heartbeat period, two Chromium
contexts under the site's CSP."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def change_form(page, live_server, release):
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/{release.pk}/change/")
    expect(page.locator("input[name=_opened]")).to_have_count(1)


@pytest.mark.parametrize("leave", ["link", "close"])
def test_the_other_sees_someone_leave_within_seconds(
    staff, session, live_server, leave
):
    from pressroom.models import Presence
    from tests.pressroom.factories import make_release

    release = make_release()
    editor = session("editor", "ru")
    change_form(editor, live_server, release)
    translator = session("translator", "fa")
    change_form(translator, live_server, release)
    expect(translator.locator("#presence")).to_be_visible()

    if leave == "link":
        editor.goto(f"{live_server.url}/admin/pressroom/pressrelease/")
    else:
        editor.close(run_before_unload=True)
    # Well within the heartbeat's period: the departure is told, not waited for.
    expect(translator.locator("#presence")).to_be_hidden(timeout=4000)
    screenshot(translator, f"presence-fa-after-leaving-{leave}")
    assert not Presence.objects.filter(user=staff["editor"]).exists()
    assert Presence.objects.filter(user=staff["translator"]).exists()
    if leave == "link":
        # The list no longer marks the release as open by anyone else.
        translator.goto(f"{live_server.url}/admin/pressroom/pressrelease/")
        expect(translator.locator(".presence-mark")).to_have_count(0)
    for person in (editor, translator):
        assert not person.csp_errors, person.csp_errors
        person.context.close()
