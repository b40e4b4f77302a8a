"""Lists of releases, page by page: the news, a topic, a month, search results.

A list is one question, `build(until, *values)` -> a queryset of releases, asked
three ways: its total (remembered until a release it may count changes:
counting 100,000 index entries costs more than the rest of the page), the ids
of one page (from the list's index alone, so a deep OFFSET skips index entries
rather than rows; a page in the older half is counted from the other end), and
that page's cards, by id.
"""

from django.core.paginator import Paginator
from django.utils import timezone, translation

from pressroom.addresses import release_path
from pressroom.cache import remembered
from pressroom.freshness import ANY
from pressroom.models import PressRelease

PAGE_SIZE = 20


class Query:
    """A public question: `build(*values)` -> a queryset, asked with the
    request's values and, for a list, a slice (`limit`, `offset`); `make(*row)`
    turns each of a values_list()'s rows into what the page shows."""

    def __init__(self, build, make=None):
        self.build, self.make = build, make

    def __call__(self, *values, limit=None, offset=0):
        queryset = self.build(*values)
        if limit is not None:
            queryset = queryset[offset : offset + limit]
        if self.make is None:
            return list(queryset)
        return [self.make(*row) for row in queryset]


class Card:
    """A release as its card shows it (lists, search results, related news).

    Plain attributes in the reader's language, read by values_list(): a
    model instance reads each translated field through modeltranslation
    (~2.5 µs, four or five times a card, twenty cards a page).
    """

    # `snippet`: a search result's excerpt, shown instead of the lead.
    __slots__ = (
        "body",
        "dateline",
        "image",
        "image_alt",
        "image_height",
        "image_renditions",
        "image_width",
        "lead",
        "pk",
        "published_at",
        "slug",
        "snippet",
        "title",
    )

    def __init__(
        self, pk, published_at, title, slug, lead, dateline, *picture, body=""
    ):
        self.pk, self.published_at = pk, published_at
        self.title, self.slug, self.lead, self.dateline = title, slug, lead, dateline
        # The lead image, for the card's thumbnail (its renditions' srcset).
        (
            self.image,
            self.image_alt,
            self.image_width,
            self.image_height,
            self.image_renditions,
        ) = picture or ("", "", None, None, [])
        self.body, self.snippet = body, ""

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        return release_path(self.pk, self.slug or "news", language)


def card_rows(releases, *also):
    """`releases` as values for Card: its fields in the reader's language, its
    lead image, then `also`."""
    language = translation.get_language()
    names = ("title", "slug", "lead", "dateline")
    return releases.values_list(
        "pk",
        "published_at",
        *(f"{name}_{language}" for name in names),
        "image",
        f"image_alt_{language}",
        "image_width",
        "image_height",
        "image_renditions",
        *(f"{name}_{language}" for name in also),
    )


def card_query(build, *also):
    """A query of cards: `build(*values)` -> a queryset of releases;
    `also`: more of their fields ("body")."""
    count = 11  # card_rows' fields before `also`

    def make(*row):
        return Card(*row[:count], **dict(zip(also, row[count:], strict=True)))

    return Query(lambda *values: card_rows(build(*values), *also), make=make)


CARDS = card_query(lambda ids: PressRelease.objects.filter(pk__in=ids))
# Search results show a snippet of the body.
CARDS_WITH_BODY = card_query(
    lambda ids: PressRelease.objects.filter(pk__in=ids), "body"
)


def cards_in_order(cards, ids):
    """The cards of releases `ids`, in that order (`cards`: CARDS or another)."""
    found = {card.pk: card for card in cards(ids)}
    return [found[pk] for pk in ids if pk in found]


class ReleaseList:
    """A list of releases, defined once (at import) and asked with values.

    `tags(language, *values)`: the cache tags whose change may change its total
    (pressroom.page_tags); by default any change of content.
    """

    def __init__(self, name, build, cards=CARDS, tags=None):
        self.name, self.build, self.cards = name, build, cards
        self.tags = tags or (lambda language, *values: (ANY,))
        self.ids = Query(lambda *values: build(*values).values_list("pk", flat=True))
        self.ids_from_oldest = Query(
            lambda *values: build(*values).reverse().values_list("pk", flat=True)
        )

    def __call__(self, *values, until=None):
        """This list for these values, as listed at `until` (by default now)."""
        return Releases(self, (until or timezone.now(), *values))


class Releases:
    """One list with its values: what `ReleasePaginator` pages through."""

    ordered = True  # Paginator checks it; the list's queryset is ordered.

    def __init__(self, release_list, values):
        self.list, self.values = release_list, values

    def remembered(self, name, compute):
        """`compute()`, kept until a release the list may show changes. Keyed
        by the values but the time: a scheduled release records its change."""
        language = translation.get_language()
        key = "\x1f".join(map(str, (self.list.name, language, *self.values[1:])))
        tags = self.list.tags(language, *self.values[1:])
        return remembered(f"{name}:{key}", compute, tags)

    def count(self):
        return self.remembered("count", lambda: self.list.build(*self.values).count())

    def page(self, bottom, top, count):
        """The cards of releases `bottom` to `top` (newest first) of `count`."""
        return self.remembered(
            f"page:{bottom}:{top}:{count}", lambda: self.cards(bottom, top, count)
        )

    def cards(self, bottom, top, count):
        if bottom > count // 2:
            ids = self.list.ids_from_oldest(
                *self.values, limit=top - bottom, offset=count - top
            )[::-1]
        else:
            ids = self.list.ids(*self.values, limit=top - bottom, offset=bottom)
        return cards_in_order(self.list.cards, ids)


class ReleasePaginator(Paginator):
    """Pages that stay cheap however deep: `?page=5000` of 100,000 releases."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        cards = self.object_list.page(bottom, top, self.count)
        return self._get_page(cards, number, self)


class ReleasePages:
    """A ListView's pages of a `Releases` list (`get_queryset()` returns one)."""

    paginate_by = PAGE_SIZE
    paginator_class = ReleasePaginator
    context_object_name = "releases"
