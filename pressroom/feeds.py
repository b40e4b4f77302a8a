"""Atom feeds in each language: all the news, and each topic's.

Each entry is marked with its language (xml:lang), as readers and aggregators
mixing feeds need it, and every address is on the configured site
(DJANGO_SITE_URL, else the host the request came to). Rendered from a template of the
latest releases (one query): Django's syndication framework introspects
every attribute of every entry, which cost more than the rest of the feed.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from pressroom.models import PressRelease, Topic
from pressroom.shell import page_tags
from pressroom.shell.addresses import short_path, site_paths
from pressroom.shell.alternates import absolute
from pressroom.shell.cache import add_cache_tags, remembered
from pressroom.shell.identity import site_name
from pressroom.shell.listing import Query

FEED_SIZE = 30
CONTENT_TYPE = "application/atom+xml; charset=utf-8"

LATEST = Query(lambda now: PressRelease.objects.listed(now=now).summaries("revised_at"))
LATEST_OF_TOPIC = Query(
    lambda now, topic: (
        PressRelease.objects.listed(now=now)
        .summaries("revised_at")
        .filter(topics=topic)
    )
)
NAMED_TOPIC = Query(lambda slug: Topic.objects.named_in().filter(slug=slug))


def atom_response(request, *, title, link, feed_url, releases):
    """The feed of `releases` (summaries with `revised_at`), newest first."""
    language = translation.get_language()
    entries = [
        {
            "title": release.title,
            "link": absolute(release.get_absolute_url(language), request),
            # Stable across slug edits: the release's short address.
            "id": absolute(short_path(release.pk, language), request),
            "published": release.published_at.isoformat(),
            "updated": release.revised_at or release.published_at,
            "summary": release.lead,
        }
        for release in releases
    ]
    updated = max((entry["updated"] for entry in entries), default=timezone.now())
    for entry in entries:
        entry["updated"] = entry["updated"].isoformat()
    content = loader.render_to_string(
        "pressroom/feed.xml",
        {
            "language": language,
            "title": title,
            "subtitle": _("Press releases"),
            "link": link,
            "feed_url": feed_url,
            "updated": updated.isoformat(),
            # RFC 4287 wants an author for every entry: the press service's,
            # given once for the feed.
            "author": {
                "name": site_name(),
                "uri": absolute(site_paths()["about"], request),
                "email": settings.PRESS_CONTACT_EMAIL,
            },
            "entries": entries,
        },
    )
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Last-Modified"] = http_date(updated.timestamp())
    return response


@require_safe
def release_feed(request):
    paths = site_paths()
    response = atom_response(
        request,
        title=site_name(),
        link=absolute(paths["list"], request),
        feed_url=absolute(paths["feed"], request),
        releases=remembered(
            f"feed:{translation.get_language()}",
            lambda: LATEST(timezone.now(), limit=FEED_SIZE),
            [page_tags.news(translation.get_language())],
        ),
    )
    return add_cache_tags(response, page_tags.news(translation.get_language()))


def topic_releases(slug):
    """The topic named in the reader's language, and its latest releases."""
    topic = next(iter(NAMED_TOPIC(slug)), None)
    if topic is None:
        return None, []
    return topic, LATEST_OF_TOPIC(timezone.now(), topic.pk, limit=FEED_SIZE)


@require_safe
def topic_feed(request, slug):
    language = translation.get_language()
    topic, releases = remembered(
        f"topic-feed:{language}:{slug[:100]}",
        lambda: topic_releases(slug[:100]),
        lambda found: (
            [f"topics:{language}"]
            + ([page_tags.topic(found[0].pk, language)] if found[0] else [])
        ),
    )
    if topic is None:
        raise Http404("No such topic in this language.")
    response = atom_response(
        request,
        title=f"{site_name()}: {topic.name}",
        link=absolute(topic.get_absolute_url(), request),
        feed_url=absolute(
            reverse("pressroom:topic-feed", kwargs={"slug": slug}), request
        ),
        releases=releases,
    )
    tag = page_tags.topic(topic.pk, translation.get_language())
    return add_cache_tags(response, tag)
