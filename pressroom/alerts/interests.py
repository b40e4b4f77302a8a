"""What a subscriber may choose instead of every release: topics, and what the
apps built on pressroom register (each partner city, from the partner-city app).

A kind of interest names a key prefix ("topic"), the choices a reader sees in
their language, and the ids a release concerns. A subscription stores keys such
as "topic:3"; a release reaches it when they share one.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from pressroom.models import Topic


@dataclass(frozen=True)
class InterestKind:
    prefix: str
    label: str
    # language -> [(id, name)] the reader may choose from
    choices: Callable
    # release pk -> ids of that kind the release concerns
    of_release: Callable
    # ids -> {id: name}, for the back-office (names in the staff's language)
    names: Callable


KINDS = {}


def register(kind):
    """Offer `kind` on the subscription form; safe to repeat."""
    KINDS[kind.prefix] = kind


def key(prefix, pk):
    return f"{prefix}:{pk}"


def grouped_choices(language):
    """[(label, [(key, name)])] per kind that has any: the form's choices."""
    groups = []
    for kind in KINDS.values():
        options = [(key(kind.prefix, pk), name) for pk, name in kind.choices(language)]
        if options:
            groups.append((kind.label, options))
    return groups


def release_keys(release_pk):
    """Every interest key a release concerns."""
    return {
        key(kind.prefix, pk)
        for kind in KINDS.values()
        for pk in kind.of_release(release_pk)
    }


def describe(keys):
    """Readable names of `keys`, in the current language, grouped by kind."""
    parts = []
    for kind in KINDS.values():
        wanted = []
        for item in keys:
            prefix, _sep, pk = item.partition(":")
            if prefix == kind.prefix and pk.isdigit():
                wanted.append(int(pk))
        if wanted:
            names = kind.names(wanted)
            parts.append((kind.label, [names.get(pk, f"#{pk}") for pk in wanted]))
    return parts


def summary(everything, keys):
    """What a subscription brings, as a sentence of the current language:
    each kind's label and names ("Topics: Culture, Sport"), the kinds apart,
    in Persian with its own comma and semicolon (، ؛)."""
    if everything:
        return gettext("All press releases")
    # The same entry as the public pages' list separator (jinja2_helpers.pages).
    items = pgettext("list separator", ", ")
    groups = pgettext("separator between groups of a list", "; ")
    return groups.join(
        f"{label}: {items.join(names)}" for label, names in describe(keys)
    )


def topic_choices(language):
    return [
        (topic.pk, getattr(topic, f"name_{language}"))
        for topic in Topic.objects.named_in(language)
    ]


register(
    InterestKind(
        prefix="topic",
        label=_("Topics"),
        choices=topic_choices,
        of_release=lambda pk: Topic.objects.filter(releases=pk).values_list(
            "pk", flat=True
        ),
        names=lambda ids: {
            topic.pk: topic.name or str(topic)
            for topic in Topic.objects.filter(pk__in=ids)
        },
    )
)
