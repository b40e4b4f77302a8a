"""The lists of releases: the home page, the news and a topic's news."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import ListView, TemplateView

from pressroom.archive import Archive
from pressroom.events.cards import UPCOMING
from pressroom.events.page_tags import events
from pressroom.models import PICTURE_FIELDS, PressRelease, Topic
from pressroom.shell import page_tags
from pressroom.shell.addresses import pattern
from pressroom.shell.alternates import absolute, language_urls
from pressroom.shell.cache import remembered
from pressroom.shell.listing import Query, ReleaseList, ReleasePages, card_query
from pressroom.views.common import CacheTagsMixin, first

# The public questions (pressroom/shell/listing.py).
FEATURED = Query(
    lambda now: (
        PressRelease.objects.listed(now=now)
        .summaries(*PICTURE_FIELDS)
        .filter(featured=True)
    )
)
LATEST = card_query(
    lambda now, skip: PressRelease.objects.listed(now=now).exclude(pk=skip)
)
NEWS = ReleaseList(
    "news",
    lambda now: PressRelease.objects.listed(now=now),
    tags=lambda language: [page_tags.news(language)],
)
TOPIC_NEWS = ReleaseList(
    "topic",
    lambda now, topic: PressRelease.objects.listed(now=now).filter(topics=topic),
    tags=lambda language, topic: [page_tags.topic(topic, language)],
)


NAMED_TOPICS = Query(lambda: Topic.objects.named_in())


class HomeView(CacheTagsMixin, TemplateView):
    template_name = "pressroom/home.html"

    def cache_tags(self):
        return [page_tags.news(get_language()), events(get_language())]

    def get_context_data(self, **kwargs):
        featured, latest = remembered(
            f"home:{get_language()}", home_releases, [page_tags.news(get_language())]
        )
        return super().get_context_data(
            featured=featured,
            latest=latest,
            events=UPCOMING(timezone.now(), limit=3),
            **kwargs,
        )


def home_releases():
    now = timezone.now()
    featured = first(FEATURED(now, limit=1))
    return featured, LATEST(now, featured.pk if featured else 0, limit=12)


def named_topics():
    """The topics named in the reader's language (the topics menu)."""
    tag = f"topics:{get_language()}"
    return remembered(tag, NAMED_TOPICS, [tag])


def topic_path(slug, language):
    head, tail = pattern("pressroom:topic", 1, language)
    return f"{head}{slug}{tail}"


def topic_addresses(request, topic, context):
    """A topic's one canonical address (`/ru/topics/culture/`, which the news
    list filtered by `?topic=culture` points to), its languages, and the news
    list for the languages it has no name in."""
    path = topic_path(topic.slug, get_language())
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        path = f"{path}?page={page.number}"
    named = topic.named_languages()
    return {
        "canonical": absolute(path, request),
        "alternates": {code: topic_path(topic.slug, code) for code in named},
        "switch_to": {
            code: pattern("pressroom:list", 0, code)[0]
            for code in language_urls()
            if code not in named
        },
    }


def named_topic(topics, slug):
    """The topic of that slug among those named in the reader's language, or 404."""
    found = next((topic for topic in topics if topic.slug == slug), None)
    if found is None:
        raise Http404("No such topic in this language.")
    return found


class ReleaseListView(CacheTagsMixin, ReleasePages, ListView):
    template_name = "pressroom/pressrelease_list.html"
    query_parameters = ("page", "topic")
    topic = None

    def get(self, request, *args, **kwargs):
        self.topics = named_topics()
        slug = request.GET.get("topic")
        if slug:
            self.topic = named_topic(self.topics, slug)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return TOPIC_NEWS(self.topic.pk) if self.topic else NEWS()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            topic=self.topic, topics=self.topics, **kwargs
        )
        if self.topic:
            context.update(topic_addresses(self.request, self.topic, context))
        else:
            archive = Archive()
            context.update(archive=archive.navigator(), calendar=archive.calendar)
        return context

    def cache_tags(self):
        language = get_language()
        if self.topic:
            return [f"topics:{language}", page_tags.topic(self.topic.pk, language)]
        return [f"topics:{language}", page_tags.news(language)]


class TopicView(ReleaseListView):
    template_name = "pressroom/topic_detail.html"
    query_parameters = ("page",)

    def get(self, request, *args, **kwargs):
        self.topics = named_topics()
        self.topic = named_topic(self.topics, kwargs["slug"])
        return ListView.get(self, request, *args, **kwargs)
