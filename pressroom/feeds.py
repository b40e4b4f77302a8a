from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from pressroom.alternates import absolute
from pressroom.identity import site_name
from pressroom.models import PressRelease, Topic

FEED_SIZE = 30


class LanguageAtomFeed(Atom1Feed):
    """Atom with each entry's language marked (xml:lang), as readers and
    aggregators mixing feeds need it."""

    def root_attributes(self):
        attributes = super().root_attributes()
        attributes["xml:lang"] = self.feed["language"]
        return attributes

    def item_attributes(self, item):
        return {"xml:lang": item["language"]} if item.get("language") else {}


class ReleaseFeed(Feed):
    """Every release available in the reader's language, newest first."""

    feed_type = LanguageAtomFeed

    def title(self, obj=None):
        return site_name()

    def subtitle(self, obj=None):
        return _("Press releases")

    # Every address is on the configured site (DJANGO_SITE_URL), as the entry
    # ids are: Django would otherwise prefix the request's Host header.
    def link(self, obj=None):
        return absolute(reverse("pressroom:list"))

    def feed_url(self, obj=None):
        return absolute(reverse("pressroom:feed"))

    def releases(self):
        releases = PressRelease.objects.listed(translation.get_language())
        return releases.summaries("revised_at")

    def items(self, obj=None):
        return self.releases()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return absolute(item.get_absolute_url(translation.get_language()))

    def item_guid(self, item):
        # Stable across slug edits: the short address of the release.
        return absolute(reverse("pressroom:short", kwargs={"pk": item.pk}))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.revised_at or item.published_at

    def item_extra_kwargs(self, item):
        return {"language": translation.get_language()}


class TopicFeed(ReleaseFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic.objects.named_in(), slug=slug)

    def title(self, obj=None):
        return f"{site_name()}: {obj.name}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def feed_url(self, obj=None):
        return absolute(reverse("pressroom:topic-feed", kwargs={"slug": obj.slug}))

    def items(self, obj=None):
        return self.releases().filter(topics=obj)[:FEED_SIZE]
