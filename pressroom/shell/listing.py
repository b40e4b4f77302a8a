"""Lists of releases, page by page: the news, a topic, a month, search results.

A list is one question, `build(until, *values)` -> a queryset of releases, asked
for its total (remembered until a release it may count changes: counting the
whole index costs more than the rest of the page), the ids of one page (from the
index alone, counted from the nearer end, so a deep OFFSET stays short) and that
page's cards, by id.
"""

from django.core.paginator import Page, Paginator
from django.utils import timezone, translation

from pressroom.models import PressRelease
from pressroom.shell.addresses import release_path
from pressroom.shell.cache import remembered

PAGE_SIZE = 20
CARD_FIELDS = ("pk", "published_at", "title", "slug", "lead", "dateline", "image")
CARD_FIELDS += ("image_alt", "image_width", "image_height", "image_renditions")
TRANSLATED = {"title", "slug", "lead", "dateline", "image_alt"}


class Query:
    """`build(*values)` -> a queryset, asked with a slice; `make(*row)` turns
    each of a values_list()'s rows into what the page shows."""

    def __init__(self, build, make=None):
        self.build, self.make = build, make

    def __call__(self, *values, limit=None, offset=0):
        queryset = self.build(*values)
        if limit is not None:
            queryset = queryset[offset : offset + limit]
        return (
            list(queryset) if self.make is None else [self.make(*r) for r in queryset]
        )


class Card:
    """A release as its card shows it, in the reader's language: plain values,
    as a model instance reads each translated field through modeltranslation."""

    snippet = ""  # a search result's excerpt, shown instead of the lead

    def __init__(self, *row):
        self.__dict__.update(zip(CARD_FIELDS, row, strict=True))

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        return release_path(self.pk, self.slug or "news", language)


def card_query(build):
    """A query of cards: `build(*values)` -> a queryset of releases."""

    def rows(*values):
        language = translation.get_language()
        names = (f"{n}_{language}" if n in TRANSLATED else n for n in CARD_FIELDS)
        return build(*values).values_list(*names)

    return Query(rows, make=Card)


CARDS = card_query(lambda ids: PressRelease.objects.filter(pk__in=ids))


class ReleaseList:
    """A list of releases, defined once; `tags(language, *values)`: the cache
    tags whose change may change its total (pressroom.shell.page_tags)."""

    def __init__(self, name, build, tags):
        self.name, self.build, self.tags = name, build, tags

    def __call__(self, *values, until=None):
        """This list for these values, as listed at `until` (by default now)."""
        return Releases(self, (until or timezone.now(), *values))


class Releases:
    """One list with its values: what `ReleasePaginator` pages through."""

    ordered = True  # Paginator checks it; the list's queryset is ordered.

    def __init__(self, release_list, values):
        self.list, self.values = release_list, values

    def remembered(self, name, compute):
        # Keyed by the values but the time: a scheduled release records its change.
        language = translation.get_language()
        key = "\x1f".join(map(str, (name, self.list.name, language, *self.values[1:])))
        return remembered(key, compute, self.list.tags(language, *self.values[1:]))

    def count(self):
        return self.remembered("count", lambda: self.list.build(*self.values).count())

    def page(self, bottom, top, count):
        """The cards of releases `bottom` to `top` (newest first) of `count`."""
        return self.remembered(
            f"page:{bottom}:{top}:{count}", lambda: self.cards(bottom, top, count)
        )

    def cards(self, bottom, top, count):
        ids = self.list.build(*self.values).values_list("pk", flat=True)
        if bottom > count // 2:
            ids = list(ids.reverse()[count - top : count - bottom])[::-1]
        else:
            ids = list(ids[bottom:top])
        found = {card.pk: card for card in CARDS(ids)}
        return [found[pk] for pk in ids if pk in found]


class ReleasePaginator(Paginator):
    """Pages that stay cheap however deep: `?page=5000` of 100,000 releases."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        return Page(self.object_list.page(bottom, top, self.count), number, self)


class ReleasePages:
    """A ListView's pages of a `Releases` list (`get_queryset()` returns one)."""

    paginate_by = PAGE_SIZE
    paginator_class = ReleasePaginator
    context_object_name = "releases"
