"""What a change outdates, and what it leaves cached (pressroom/shell/freshness.py,
pressroom/shell/page_tags.py, cities/page_tags.py).

Each test caches a set of pages, makes one change, and asks each page again:
"hit" means the cached copy was still current, "miss" that it was made anew.
"""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from cities.models import Partnership
from pressroom import calendars, presence
from pressroom.models import PageChange, PressRelease, PreviewLink
from pressroom.shell import freshness
from tests.cities.factories import make_city, make_home, make_partnership
from tests.pressroom.factories import (
    make_attachment,
    make_release,
    make_staff,
    make_topic,
)

LANGUAGES = ("ru", "fa", "en")


@pytest.fixture
def page_cache(db, settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def site(page_cache):
    """A topic, a partner city, an old public release in every language and
    the release each test changes."""
    make_home()
    topic = make_topic(slug="culture")
    old = make_release(topics=[topic], published_at=ago(days=400))
    # The old release's archive year has years with news before and after it.
    make_release(published_at=ago(days=1100))
    make_release(published_at=ago(days=2))
    city = make_city(slug="yazd")
    make_partnership(partner=city, releases=[old])
    return {"topic": topic, "old": old, "city": city}


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


def pages(language, site, release=None):
    old = site["old"]
    calendar = calendars.calendar_for(language)
    year = calendars.month_of(calendars.local_date(old.published_at), calendar)[0]
    found = {
        "home": f"/{language}/",
        "list": f"/{language}/news/",
        "list page 2": f"/{language}/news/?page=1&topic=culture",
        "feed": f"/{language}/news/feed/",
        "topic": f"/{language}/topics/culture/",
        "topic feed": f"/{language}/topics/culture/feed/",
        "old release": old.get_absolute_url(language),
        "old year": f"/{language}/news/{year}/",
        "about": f"/{language}/about/",
        "cities": f"/{language}/cities/",
        "city": f"/{language}/cities/yazd/",
    }
    if release is not None:
        found["release"] = release.get_absolute_url(language)
    return found


def warm(client, urls):
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, (name, url, response)
        assert client.get(url)["X-Page-Cache"] == "hit", (name, url)


def states(client, urls):
    return {name: client.get(url).get("X-Page-Cache") for name, url in urls.items()}


def outdated(client, urls):
    return {name for name, state in states(client, urls).items() if state != "hit"}


def all_pages(site, release=None):
    return {
        "sitemap": "/sitemap.xml",
        **{
            f"{name} ({language})": url
            for language in LANGUAGES
            for name, url in pages(language, site, release).items()
        },
    }


def test_saving_a_draft_outdates_no_page(client, site):
    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    urls = all_pages(site)
    warm(client, urls)
    rows = PageChange.objects.count()

    draft.title_ru = "Черновик, правка"
    draft.save()
    draft.topics.add(site["topic"])
    make_attachment(draft)

    assert outdated(client, urls) == set()
    assert PageChange.objects.count() == rows


def test_a_preview_link_outdates_no_page(client, site):
    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    urls = all_pages(site)
    warm(client, urls)

    link = PreviewLink(release=draft, language="en", created_by=make_staff())
    link.issue_token()
    link.save()
    link.revoked_at = timezone.now()
    link.save()

    assert outdated(client, urls) == set()


def test_someone_opening_a_form_outdates_no_page(client, site):
    """Presence (who has a form open) is written at every heartbeat."""
    urls = all_pages(site)
    warm(client, urls)
    rows = PageChange.objects.count()

    presence.record(make_staff(), site["old"])
    presence.record(make_staff(), site["city"])

    assert outdated(client, urls) == set()
    assert PageChange.objects.count() == rows


def test_a_translation_not_yet_complete_outdates_no_page(client, site):
    """A translator's work in progress in a language the release is not in."""
    release = make_release(languages=("ru",), topics=[site["topic"]])
    urls = all_pages(site)
    warm(client, urls)

    release.title_fa = "ترجمه در حال انجام"
    release.lead_fa = "خلاصه‌ای که هنوز کامل نشده است."
    release.save()

    assert outdated(client, urls) == set()


def test_completing_a_translation_outdates_that_languages_lists_only(client, site):
    release = make_release(languages=("ru", "en"), topics=[site["topic"]])
    urls = {**all_pages(site), "release (ru)": release.get_absolute_url("ru")}
    warm(client, urls)

    release.title_fa = "کازان و اصفهان"
    release.lead_fa = "خلاصه خبر."
    release.body_fa = "<p>متن کامل خبر.</p>"
    release.save()

    assert outdated(client, urls) == {
        # The release itself: its pages now offer a Persian version.
        "release (ru)",
        "home (fa)",
        "list (fa)",
        "list page 2 (fa)",
        "feed (fa)",
        "topic (fa)",
        "topic feed (fa)",
        "old release (fa)",  # related news of the same topic
        "old year (fa)",  # it links on to this year
    }


def test_publishing_outdates_its_lists_in_its_languages(client, site):
    release = make_release(
        languages=("ru", "fa"),
        status=PressRelease.Status.DRAFT,
        published_at=None,
    )
    release.topics.add(site["topic"])
    urls = all_pages(site)
    warm(client, urls)

    release.status = PressRelease.Status.PUBLISHED
    release.published_at = ago(minutes=1)
    release.save()

    expected = {
        f"{name} ({language})"
        for language in ("ru", "fa")
        for name in (
            "home",
            "list",
            "list page 2",
            "feed",
            "topic",
            "topic feed",
            "old release",
            "old year",  # it links on to this year
        )
    }
    assert outdated(client, urls) == expected | {"sitemap"}


@pytest.mark.parametrize("change", ["edit the lead", "withdraw", "delete"])
def test_a_public_release_changed_outdates_its_pages_and_lists(client, site, change):
    release = make_release(topics=[site["topic"]])
    make_partnership(partner=site["city"], releases=[release])
    urls = all_pages(site, release)
    warm(client, urls)

    if change == "edit the lead":
        release.lead_en = "A corrected summary."
        release.save()
        languages, year = ("en",), ()
    elif change == "withdraw":
        release.status = PressRelease.Status.WITHDRAWN
        release.save()
        languages, year = LANGUAGES, ("old year",)
    else:
        release.delete()
        languages, year = LANGUAGES, ("old year",)

    expected = {
        f"{name} ({language})"
        for language in languages
        for name in (
            "home",
            "list",
            "list page 2",
            "feed",
            "topic",
            "topic feed",
            "old release",
            *year,
        )
    }
    # Its own page in every language (the others link to this one), its
    # partner city's page and feed, and the sitemap.
    expected |= {f"release ({language})" for language in LANGUAGES}
    expected |= {f"city ({language})" for language in LANGUAGES}
    if change != "edit the lead":  # the sitemap gives the day of the last edit
        expected.add("sitemap")
    assert outdated(client, urls) == expected


def test_a_body_edit_outdates_the_release_not_the_lists(client, site):
    release = make_release(topics=[site["topic"]])
    urls = all_pages(site, release)
    warm(client, urls)

    release.body_ru = "<p>Исправленный текст пресс-релиза.</p>"
    release.save()

    assert outdated(client, urls) == {f"release ({code})" for code in LANGUAGES}


def test_an_attachment_outdates_its_release_page_only(client, site):
    release = make_release(topics=[site["topic"]])
    urls = all_pages(site, release)
    warm(client, urls)

    make_attachment(release)

    assert outdated(client, urls) == {f"release ({code})" for code in LANGUAGES}


def test_an_old_release_edited_outdates_its_archive_year(client, site):
    urls = all_pages(site)
    warm(client, urls)

    old = site["old"]
    old.title_fa = "عنوان اصلاح‌شده"
    old.save()

    found = outdated(client, urls)
    assert "old year (fa)" not in found  # its month's count did not change
    assert {"old release (fa)", "list (fa)", "topic (fa)"} <= found
    # Elsewhere only the pages that show it in every language: itself (its
    # Persian version's link) and its partner city's.
    others = {name for name in found if name.endswith(("(ru)", "(en)"))}
    assert others == {
        f"{name} ({code})" for name in ("old release", "city") for code in ("ru", "en")
    }


def test_renaming_a_topic_outdates_the_pages_showing_it(client, site):
    urls = all_pages(site)
    warm(client, urls)

    topic = site["topic"]
    topic.name_en = "Arts and culture"
    topic.save()

    assert outdated(client, urls) == {
        "list (en)",
        "list page 2 (en)",
        "topic (en)",
        "topic feed (en)",
        "old release (en)",
    }


def test_editing_a_city_outdates_the_city_pages_and_its_releases(client, site):
    urls = all_pages(site)
    warm(client, urls)

    city = site["city"]
    city.description_en = "An old city in the heart of Iran."
    city.save()

    expected = {
        f"{name} ({language})"
        for language in LANGUAGES
        for name in ("cities", "city", "old release")
    }
    assert outdated(client, urls) == expected | {"sitemap"}


def test_a_partnerships_release_list_outdates_the_city_and_the_release(client, site):
    release = make_release()
    urls = all_pages(site, release)
    warm(client, urls)

    partnership = Partnership.objects.get(partner=site["city"])
    partnership.releases.add(release)

    expected = {
        f"{name} ({language})"
        for language in LANGUAGES
        for name in ("cities", "city", "release")
    }
    assert outdated(client, urls) == expected


def test_a_scheduled_release_outdates_nothing_until_its_time(client, site):
    urls = all_pages(site)
    warm(client, urls)

    make_release(published_at=timezone.now() + datetime.timedelta(days=1))

    assert outdated(client, urls) == set()
    later = PageChange.objects.filter(at__gt=timezone.now())
    assert "news:ru" in later.get().tags.split()


def test_every_public_page_names_its_tags(client, site):
    release = make_release(topics=[site["topic"]])
    for language in LANGUAGES:
        for name, url in pages(language, site, release).items():
            response = client.get(url)
            tags = response["Cache-Tag"].split(", ")
            assert tags and "any-change" not in tags, (name, url)
    assert f"release:{release.pk}" in client.get(release.get_absolute_url("fa"))[
        "Cache-Tag"
    ].split(", ")
    assert "news:fa" in client.get("/fa/news/")["Cache-Tag"]


def test_a_page_without_tags_is_outdated_by_any_change(client, page_cache):
    from django.http import HttpResponse

    from pressroom.shell.cache import tags_of

    assert tags_of(HttpResponse("untagged")) == (freshness.ANY,)
    make_release()
    change = PageChange.objects.latest("pk")
    assert freshness.ANY in change.tags.split()


def test_restoring_an_earlier_version_outdates_its_pages(client, site):
    """django-reversion restores with raw saves: followed all the same."""
    import reversion
    from reversion.models import Version

    with reversion.create_revision():
        release = make_release(topics=[site["topic"]])
    urls = all_pages(site, release)
    release.title_en = "A headline to be taken back"
    release.save()
    warm(client, urls)

    Version.objects.get_for_object(release).last().revision.revert()

    found = outdated(client, urls)
    assert {"release (en)", "list (en)", "home (en)", "feed (en)"} <= found
    assert "A headline to be taken back" not in client.get("/en/news/").content.decode()


def test_with_the_page_cache_off_what_pages_read_follows_changes_too(client, db):
    """The data kept for pages (a release, its related news, a list's cards)
    is outdated by the same tags as the pages."""
    topic = make_topic(slug="culture")
    release = make_release(topics=[topic])
    other = make_release(topics=[topic], published_at=ago(days=3))
    url = other.get_absolute_url("en")
    assert release.title_en in client.get(url).content.decode()  # related news
    release.title_en = "A new headline for the related card"
    release.save()
    assert "A new headline for the related card" in client.get(url).content.decode()
    assert "A new headline" in client.get("/en/news/").content.decode()
    assert "A new headline" in client.get("/en/news/feed/").content.decode()


def test_a_drafts_preview_shows_every_save(db):
    from django.test import Client

    staff = Client()
    staff.force_login(make_staff())
    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    url = draft.get_absolute_url("ru")
    assert staff.get(url).status_code == 200
    draft.title_ru = "Черновик после второй правки"
    draft.save()
    assert "Черновик после второй правки" in staff.get(url).content.decode()


def test_a_form_round_trip_of_the_publication_time_outdates_nothing(client, site):
    """The admin's form gives the time to the second; pages show no more."""
    release = make_release(published_at=ago(days=2, microseconds=123456))
    urls = all_pages(site, release)
    warm(client, urls)

    release.published_at = release.published_at.replace(microsecond=0)
    release.save()

    assert outdated(client, urls) == set()


def test_a_cdn_purge_hook_hears_the_tags_after_the_commit(
    db, django_capture_on_commit_callbacks
):
    heard = []

    def purge(sender, tags, **kwargs):
        heard.append(set(tags))

    freshness.pages_changed.connect(purge)
    try:
        release = make_release(status=PressRelease.Status.DRAFT, published_at=None)
        with django_capture_on_commit_callbacks(execute=True):
            release.status = PressRelease.Status.PUBLISHED
            release.published_at = ago(minutes=1)
            release.save()
            assert heard == []  # not before the commit
    finally:
        freshness.pages_changed.disconnect(purge)
    assert {f"release:{release.pk}", "news:ru", "news:fa", "news:en"} <= heard[0]


def test_a_page_made_from_kept_data_is_as_old_as_that_data(client, db, settings):
    """Data kept before a change this process has not heard of yet (another
    server's, read at the next poll) must not make a page look newer."""
    release = make_release()
    client.get("/en/news/")  # the page cache off: the list's data is kept
    PressRelease.objects.filter(pk=release.pk).update(title_en="Changed elsewhere")
    PageChange.objects.create(at=timezone.now(), tags="news:en any-change")
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/en/news/")  # made from the kept data, before the poll

    freshness.clock.sync(force=True)  # the poll: the change is heard of
    response = client.get("/en/news/")

    assert response["X-Page-Cache"] == "miss"
    assert "Changed elsewhere" in response.content.decode()


# The press office's services: announcements on the home page, press contacts


def test_an_upcoming_event_changed_outdates_the_home_page_and_the_events_pages(
    client, page_cache
):
    from tests.pressroom.factories import make_event

    event = make_event()
    release = make_release()
    urls = {
        "home": "/fa/",
        "events": "/fa/events/",
        "release": release.get_absolute_url("fa"),
    }
    warm(client, urls)

    event.title_fa = "نشست خبری تازه"
    event.save()

    assert client.get(urls["home"])["X-Page-Cache"] == "miss"
    assert "نشست خبری تازه" in client.get(urls["home"]).content.decode()
    assert client.get(urls["events"])["X-Page-Cache"] == "miss"
    assert client.get(urls["release"])["X-Page-Cache"] == "hit"


def test_a_press_officer_changed_outdates_the_releases_naming_them(client, page_cache):
    from tests.pressroom.factories import make_officer

    officer = make_officer()
    contact = make_release(press_contact=officer)
    other = make_release()
    urls = {
        "contact": contact.get_absolute_url("ru"),
        "other": other.get_absolute_url("ru"),
    }
    warm(client, urls)

    officer.phone = "+7 (843) 999-88-77"
    officer.save()

    response = client.get(urls["contact"])
    assert response["X-Page-Cache"] == "miss"
    assert "999-88-77" in response.content.decode()
    assert client.get(urls["other"])["X-Page-Cache"] == "hit"


def test_a_subscription_outdates_no_page(client, page_cache):
    from pressroom.alerts.models import Subscription

    urls = {"home": "/ru/", "subscribe": "/ru/subscribe/"}
    warm(client, urls)
    count = PageChange.objects.count()

    Subscription.objects.create(
        email="reader@example.org", language="ru", confirmed_at=timezone.now()
    )

    assert PageChange.objects.count() == count
    assert client.get(urls["home"])["X-Page-Cache"] == "hit"
