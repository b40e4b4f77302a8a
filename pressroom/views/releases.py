"""A release's page, its short address and its "not available" page."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import truncatechars
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from pressroom import calendars
from pressroom.desk.models import PressOfficer
from pressroom.desk.page_tags import officer
from pressroom.models import Attachment, PressRelease, Topic
from pressroom.roles import can_preview
from pressroom.shell import page_tags
from pressroom.shell.addresses import archive_path, short_path
from pressroom.shell.alternates import absolute, alternates_for, language_urls
from pressroom.shell.cache import add_cache_tags, cache_tags, remembered
from pressroom.shell.identity import city_name
from pressroom.shell.listing import Query, card_query
from pressroom.views.common import canonical_redirect, first, is_canonical

RELEASE = Query(lambda pk: PressRelease.objects.for_reading().filter(pk=pk))
TOPICS_OF = Query(lambda pk: Topic.objects.filter(releases=pk))
ATTACHMENTS_OF = Query(lambda pk: Attachment.objects.filter(release=pk))
PRESS_CONTACT = Query(lambda pk: PressOfficer.objects.available_in().filter(pk=pk))
# EXISTS, not a join + DISTINCT: the newest listed releases are walked in index
# order and each is probed once, so it stops after three instead of sorting
# every release of the topics.
RELATED = card_query(
    lambda now, pk, topics: (
        PressRelease.objects.listed(now=now)
        .filter(
            Exists(
                PressRelease.topics.through.objects.filter(
                    pressrelease_id=OuterRef("pk"), topic_id__in=topics
                )
            )
        )
        .exclude(pk=pk)
    )
)


# The partner box: an app that links releases to partners registers a query
# (`register_partners`): a release's pk -> its partners in the order shown, each
# with `name`, `calendar` and `get_absolute_url()`. pressroom knows neither the
# app nor its relation; without one, a release has no partners.
partner_sources = []


def register_partners(query):
    if query not in partner_sources:
        partner_sources.append(query)


def partners_of(pk):
    return [partner for source in partner_sources for partner in source(pk)]


def release_data(pk):
    """A release and what its page shows of others (None if there is none)."""
    release = first(RELEASE(pk))
    if release is None:
        return None
    topics = TOPICS_OF(pk)
    related = (
        RELATED(timezone.now(), pk, [topic.pk for topic in topics], limit=3)
        if topics
        else []
    )
    return {
        "release": release,
        "topics": topics,
        "related": related,
        "attachments": ATTACHMENTS_OF(pk),
        "partners": partners_of(pk),
        "press_contact": release.press_contact_id
        and first(PRESS_CONTACT(release.press_contact_id)),
    }


def release_tags(data):
    """Its own and its topics' (related news, the topics' names)."""
    language = get_language()
    release = data["release"]
    tags = [page_tags.release(release.pk)]
    if release.press_contact_id:
        tags.append(officer(release.press_contact_id))
    return tags + [page_tags.topic(topic.pk, language) for topic in data["topics"]]


@require_safe
def release_detail(request, pk, slug):
    language = get_language()
    if pk >= 2**63:  # beyond any database id
        raise Http404("No such release.")
    data = remembered(
        f"release:{pk}:{language}",
        lambda: release_data(pk),
        release_tags,
        # A draft's changes are recorded nowhere: read afresh every time.
        keep_if=lambda data: data is not None and data["release"].is_public,
    )
    if data is None:
        raise Http404("No such release.")
    release = data["release"]
    preview = not release.is_public
    if preview and not can_preview(request.user):
        raise Http404("No such release.")
    if not release.is_available_in(language):
        return not_available(request, release)
    canonical = release.get_absolute_url(language)
    if not is_canonical(request, canonical):
        # An old or wrong slug, or a number written another way ("0042").
        return canonical_redirect(request, canonical)
    response = render_release(request, release, language, preview=preview, data=data)
    return add_cache_tags(response, *release_tags(data))


def render_release(
    request,
    release,
    language,
    *,
    preview,
    alternates=None,
    translations=None,
    data=None,
):
    """The release page; a preview gets the "not public" banner and noindex.

    `translations` ({language: path}, for schema.org's workTranslation) are the
    release's other languages unless given; a preview link gives none. `data`:
    what `release_data()` read (by default read now).
    """
    data = data or release_data(release.pk)
    topics, related = data["topics"], data["related"]
    # Only where it has a name in the reader's language.
    partners = [city for city in data["partners"] if city.name]
    # A date that concerns a partnership is shown in both sides' calendars: the
    # partner's and the press service's own (its default language's).
    other = {city.calendar for city in partners}
    if partners:
        other.add(calendars.calendar_for(settings.LANGUAGE_CODE))
    other.discard(calendars.calendar_for(language))
    if translations is None:
        translations = alternates_for(release)
    month = None
    if release.published_at:
        calendar = calendars.calendar_for(language)
        year, number = calendars.month_of(release.published_at, calendar)
        month = {
            "calendar": calendar,
            "year": year,
            "month": number,
            "url": archive_path(year, number, language),
        }
    # Where it has no translation, the switcher leads to its "not available"
    # page, which offers the languages it has.
    switch_to = {
        code: release.get_absolute_url(code)
        for code in language_urls()
        if alternates is None and code not in translations
    }
    response = render(
        request,
        "pressroom/pressrelease_detail.html",
        {
            "release": release,
            "preview": preview,
            "description": truncatechars(release.lead, 200),
            "published_iso": release.published_at
            and timezone.localtime(release.published_at).isoformat(),
            "attachments": data["attachments"],
            "related": related,
            # A topic without a name in this language would be an empty link.
            "topics": [topic for topic in topics if topic.name],
            "partners": partners,
            "press_contact": data["press_contact"],
            "dual_calendar": min(other) if other else None,
            "translations": translations,
            "alternates": translations if alternates is None else alternates,
            "switch_to": switch_to,
            "archive_month": month,
            "short_link": absolute(short_path(release.pk, language), request),
            # A story dated elsewhere names the zone of its time ("15:30 МСК").
            "zone": bool(release.dateline) and release.dateline.strip() != city_name(),
            "canonical": absolute(release.get_absolute_url(language), request),
            # A withdrawn release keeps its text and notice; its photo and
            # documents are no longer handed out (pressroom.shell.media), but to staff.
            "show_media": not release.is_withdrawn or can_preview(request.user),
        },
    )
    if preview:
        response["X-Robots-Tag"] = "noindex"
        # Never into a shared cache (the page cache keys on `private`).
        patch_cache_control(response, private=True, no_store=True)
    return response


def not_available(request, release):
    """404 in the reader's language, offering the languages the release has."""
    return render(
        request,
        "pressroom/not_available.html",
        {
            "release": release,
            "alternates": {},
            "offers": alternates_for(release),
            "switch_to": {
                code: release.get_absolute_url(code) for code in language_urls()
            },
        },
        status=404,
    )


@require_safe
@cache_tags(lambda request, pk: [page_tags.release(pk)])
def release_short(request, pk):
    """The short, slug-less address of a release: 301 to its canonical URL."""
    release = get_object_or_404(PressRelease.objects.reachable(), pk=pk)
    return redirect(release.get_absolute_url(), permanent=True)
