"""Real-browser tests: Playwright drives Debian's Chromium against `live_server`.

Enable them with `apt-get install chromium` (Debian) or by pointing `CHROMIUM_PATH`
at a Chromium binary; never `playwright install` (it downloads, and fails offline).
Without a browser every test here is skipped, unless `REQUIRE_BROWSER=1` (CI sets
it), in which case each one fails with the reason.

Reusable pieces for any `tests/browser/test_*.py`:

- fixtures
  - `demo_site`: the live server's base URL (no trailing slash) with the demo
    releases and partner cities loaded, the page cache cleared and media files
    written to a temporary folder. Function-scoped, because `live_server` runs on a
    transactional database that is flushed after every test.
  - `page`, `context`, `browser` (pytest-playwright): the context is made with
    `bypass_csp=True` so axe-core can be injected despite the site's strict CSP,
    and with a desktop viewport (`DESKTOP`).
  - `browser_context_args` / `browser_type_launch_args`: overridden below. For a
    phone, mark a test `@pytest.mark.browser_context_args(viewport=PHONE)`.
  - `live_server` alone (pytest-django) when a test makes its own data, e.g. staff
    users for the admin; then also clear the cache if pages are involved.
- helpers (import with `from tests.browser.conftest import ...`)
  - `open_page(page, url, status=200)`: goto and check the HTTP status.
  - `screenshot(page, name)`: full-page PNG in `tests/browser/screenshots/`.
  - `axe_violations(page)`: axe-core violations (list of dicts, every impact);
    `assert_no_axe_violations(page)` fails with a readable list
    (`format_violations`).
  - `assert_document_language(page, lang)`: `<html lang dir>`, computed direction,
    and on `fa` no Russian text unless marked `lang="ru"` (`untagged_text`).
  - `assert_stylesheet_loaded(page)`: site.css reached the page.
  - `box(locator)`: the element's bounding box, failing if it is not rendered.
- constants: `LANGUAGES`, `DIRECTION`, `DESKTOP`, `PHONE`, `SCREENSHOT_DIR`.

Translations: a session fixture compiles `locale/*.po` to `.mo` when they are missing
or stale (as `make test` does), so `pytest tests/browser` sees translated pages.

Every test in this folder gets the `browser` marker, so `pytest -m "not browser"`
leaves them out.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; without this, touching
# the database from a test (or a fixture) raises SynchronousOnlyOperation.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BROWSER_DIR = Path(__file__).resolve().parent
SCREENSHOT_DIR = BROWSER_DIR / "screenshots"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
BROWSER_MISSING = (
    f"Chromium not found at {CHROMIUM_PATH}: browser tests need it. "
    "apt-get install chromium (Debian) or set CHROMIUM_PATH; CI installs it "
    "(and sets REQUIRE_BROWSER=1 so these tests cannot silently skip there)."
)
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
LANGUAGES = ("ru", "fa", "en")
DIRECTION = {"ru": "ltr", "fa": "rtl", "en": "ltr"}
CYRILLIC = "[А-Яа-яЁё]"  # a JavaScript regular expression, for untagged_text()


def chromium_available():
    path = Path(CHROMIUM_PATH)
    return path.is_file() and os.access(path, os.X_OK)


def browser_required():
    return os.environ.get("REQUIRE_BROWSER", "") not in ("", "0", "false", "no")


def pytest_collection_modifyitems(config, items):
    """Mark the tests of this folder `browser`; skip them if there is no Chromium."""
    missing = not chromium_available()
    for item in items:
        if BROWSER_DIR not in Path(str(item.path)).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if missing and not browser_required():
            item.add_marker(pytest.mark.skip(reason=BROWSER_MISSING))


@pytest.fixture(scope="session", autouse=True)
def _require_chromium():
    """With REQUIRE_BROWSER=1 a missing browser is a failure, not a skip."""
    if not chromium_available():
        pytest.fail(f"REQUIRE_BROWSER is set. {BROWSER_MISSING}", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def _close_connections_opened_beside_playwright(playwright, django_db_setup):
    """Close the database connections opened while Playwright's loop runs.

    With an event loop running in this thread, Django keeps this thread's
    connections apart from its usual ones (asgiref's Local acts as a context
    variable), and the test database's teardown closes only the usual ones. The
    loop runs from the first browser test to the end of the session, so this
    is torn down before both Playwright and the test database.
    """
    yield
    from django.db import connections

    connections.close_all()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # bypass_csp: the site sends script-src 'self'; axe-core is injected by
    # page.evaluate, which the CSP would otherwise refuse.
    return {**browser_context_args, "bypass_csp": True, "viewport": DESKTOP}


@pytest.fixture(scope="session")
def _browser_media_root(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser-media")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _point_media_serving_at(root, monkeypatch):
    """The DEBUG `media/` route captured MEDIA_ROOT when urls.py was imported."""
    from django.urls import get_resolver
    from django.views.static import serve

    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "callback", None) is serve:
            monkeypatch.setitem(pattern.default_args, "document_root", str(root))


@pytest.fixture
def demo_site(live_server, settings, monkeypatch, _browser_media_root):
    """The live server's URL with the demo data loaded (per test: the DB is flushed).

    Media (the demo pictures and their renditions) go to a temporary folder rather
    than the project's `media/`, and the page cache is emptied before and after so
    a page cached by an earlier test (with other ids) is never served.
    """
    from django.core.cache import caches
    from django.core.management import call_command

    media = _browser_media_root / os.urandom(4).hex()
    media.mkdir()
    settings.MEDIA_ROOT = str(media)
    _point_media_serving_at(media, monkeypatch)
    for cache in caches.all():
        cache.clear()
    call_command("load_demo", "releases", "partners", verbosity=0)
    yield live_server.url
    for cache in caches.all():
        cache.clear()


def screenshot(page, name):
    """Save a full-page PNG as tests/browser/screenshots/<name>.png; return its path."""
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "-", name).strip("-")
    path = SCREENSHOT_DIR / f"{safe}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page, context=None, options=None):
    """Run axe-core on the page; returns its violations (every impact)."""
    from axe_playwright_python.sync_playwright import Axe

    run_options = {"resultTypes": ["violations"], **(options or {})}
    return Axe().run(page, context=context, options=run_options).response["violations"]


def format_violations(violations):
    """One readable block per violation: rule, impact, help and offending nodes."""
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation.get('helpUrl', '')})"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html'][:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + summary.replace("\n", "\n      "))
    return "\n".join(lines)


def open_page(page, url, status=200):
    """Go to `url` and check the HTTP status of the answer; returns the response."""
    response = page.goto(url)
    assert response is not None, f"no response from {url}"
    assert response.status == status, f"{url} answered {response.status}"
    return response


def assert_document_language(page, language):
    """`<html lang dir>` and the computed direction match `language`.

    On a Persian page, also no Russian text unless marked `lang="ru"` (DESIGN: a
    reader must never see Russian text inside a right-to-left Persian page).
    """
    from playwright.sync_api import expect

    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", DIRECTION[language])
    computed = page.evaluate("getComputedStyle(document.documentElement).direction")
    assert computed == DIRECTION[language], f"computed direction {computed}"
    if language == "fa":
        stray = untagged_text(page, CYRILLIC, "fa")
        assert not stray, f"Russian text not marked lang=ru on {page.url}: {stray}"


def assert_stylesheet_loaded(page):
    """site.css reached the page: the header has its background colour."""
    background = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), (
        "site.css did not load: the header has no background"
    )


def assert_no_axe_violations(page, **kwargs):
    """axe-core finds nothing, whatever the impact; the message lists each node."""
    violations = axe_violations(page, **kwargs)
    assert not violations, f"axe-core on {page.url}:\n" + format_violations(violations)


_UNTAGGED_TEXT_JS = """([selector, language, source]) => {
  const pattern = new RegExp(source, "u");
  const root = document.querySelector(selector);
  if (!root) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, template")) continue;
    const tagged = parent.closest("[lang]");
    if (tagged && tagged.lang !== language) continue;
    if (pattern.test(node.data)) found.push(node.data.trim().slice(0, 80));
  }
  return found;
}"""


def untagged_text(page, pattern, language, selector="body"):
    """Text matching `pattern` (a JS regex source) whose nearest `lang` is `language`.

    E.g. `untagged_text(page, "[а-яё]", "fa")`: Russian words on a Persian page that
    are not marked `lang="ru"` (a language switcher's "Русский" is, rightly).
    """
    return page.evaluate(_UNTAGGED_TEXT_JS, [selector, language, pattern])


def box(locator):
    """The bounding box of a visible element (x, y, width, height)."""
    rect = locator.bounding_box()
    assert rect is not None, f"{locator} is not rendered"
    return rect


# The back-office's people: an account per role and a browser for each

STAFF_PASSWORD = "a-long-test-password-42"


@pytest.fixture
def staff(live_server, settings, tmp_path):
    """The three roles' users, with the groups the data migration makes."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.cache import caches

    from pressroom import roles

    settings.MEDIA_ROOT = str(tmp_path)
    for cache in caches.all():
        cache.clear()
    # live_server's database is flushed between tests, data migrations included.
    roles.ensure_groups()
    users = {}
    for username, group in (
        ("editor", roles.EDITORS),
        ("translator", roles.TRANSLATORS),
        ("publisher", roles.PUBLISHERS),
    ):
        user = get_user_model().objects.create_user(
            username, password=STAFF_PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


@pytest.fixture
def session(browser, browser_context_args, live_server):
    """A new browser for each person, with the CSP enforced."""
    from playwright.sync_api import expect

    contexts = []

    def open_as(username, language="ru"):
        context = browser.new_context(
            **{**browser_context_args, "bypass_csp": False, "locale": language}
        )
        contexts.append(context)
        page = context.new_page()
        page.csp_errors = []
        page.on(
            "console",
            lambda message: (
                page.csp_errors.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        if username:
            page.goto(f"{live_server.url}/admin/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", STAFF_PASSWORD)
            with page.expect_navigation():
                page.click("input[type=submit]")
            expect(page.locator("#user-tools")).to_be_visible()
        return page

    yield open_as
    for context in contexts:
        context.close()


def editor_for(page, field):
    """The editable area of the prose editor that edits `field`."""
    return page.locator(
        f".prose-editor:has(textarea[name='{field}']) [contenteditable='true']"
    )


# The demo's seed release (pressroom/demo/releases.toml): the Kazan–Isfahan agreement.
SEED_TITLE_RU = "Казань и Исфахан стали городами-побратимами"


def seed_release_path(language):
    """The seed release's id and address in `language`, looked up in the live
    server's database (newer demo releases may be featured on the home page)."""
    from django.utils import translation

    from pressroom.models import PressRelease

    release = PressRelease.objects.get(title_ru__startswith=SEED_TITLE_RU)
    with translation.override(language):
        return release.pk, release.get_absolute_url()
