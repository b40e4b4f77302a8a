"""The release list: its columns, the translation filters, Jalali months."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import display_for_value
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pressroom import calendars, local_numbers
from pressroom.backoffice import (
    LANGUAGE_NAMES,
    STATE_LABELS,
    TRANSLATION_LANGUAGES,
)
from pressroom.models import LANGUAGE_CODES, PressRelease, Topic

# What no column of the list shows, and a page's rows are read without: the
# bodies alone are kilobytes a release, read for nothing fifty times a page.
LONG_TEXTS = [
    f"{name}{suffix}"
    for name in ("lead", "body")
    for suffix in ("", *(f"_{code}" for code in LANGUAGE_CODES))
]


def state_badge(state):
    """A translation state in words, with its colour as a second cue (admin.css)."""
    return format_html(
        '<span class="translation-state translation-{}">{}</span>',
        state,
        STATE_LABELS[state],
    )


def language_code(release, code):
    """A language's code, a link to the release's page where it has one."""
    name = LANGUAGE_NAMES[code]
    if not release.is_available_in(code):
        return format_html('<abbr title="{}">{}</abbr>', name, code.upper())
    return format_html(
        '<a href="{}" hreflang="{}" target="_blank" rel="noopener" title="{}">{}</a>',
        release.get_absolute_url(code),
        code,
        name,
        code.upper(),
    )


@admin.display(description=_("publication time"), ordering="published_at")
def publication_time(release):
    """When, as the admin shows a time, with the Jalali date under it."""
    if not release.published_at:
        return "—"
    if local_numbers.in_jalali():  # the Jalali date is the admin's own
        return local_numbers.moment_text(release.published_at)
    return format_html(
        '{}<br><span class="jalali-date" lang="fa" dir="rtl">{}</span>',
        display_for_value(release.published_at, "—"),
        calendars.format_date(release.published_at, "fa"),
    )


@admin.display(description=_("languages"))
def languages(release):
    """Each language's code and translation state, a line each.

    One column, not one per language: with the sidebar and the filters, a
    1280-pixel screen showed only the first of four.
    """
    return format_html_join(
        mark_safe("<br>"),
        '<span class="language-state">{} {}</span>',
        (
            (language_code(release, code), state_badge(release.translation_state(code)))
            for code in LANGUAGE_CODES
        ),
    )


def needs_translation(code):
    """Q for releases whose `code` translation is missing or outdated."""
    return Q(**{f"in_{code}": False}) | ~Q(
        **{f"{code}_source_digest": F("source_digest")}
    )


def outdated_translation(code):
    return Q(**{f"in_{code}": True}) & ~Q(
        **{f"{code}_source_digest": F("source_digest")}
    )


class TopicFilter(admin.SimpleListFilter):
    """Releases on a topic: each release tested by one step of the topics'
    table's index, as the list walks its own order.

    Django's own filter on a many-to-many field joins the topics' table inside
    an EXISTS (a release on two topics must not be listed twice), and SQLite
    read the topic's 30,000 rows for each of 100,000 releases; a set of the
    topic's release ids (`IN`) made it read every listed release's row.
    """

    title = _("topics")
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(str(topic.pk), str(topic)) for topic in Topic.objects.all()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            topic = int(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        on_topic = PressRelease.topics.through.objects.filter(
            pressrelease_id=OuterRef("pk"), topic_id=topic
        )
        return queryset.filter(Exists(on_topic))


NEEDS_TITLES = {"fa": _("needs Persian"), "en": _("needs English")}


def needs_language_filter(code):
    class NeedsLanguageFilter(admin.SimpleListFilter):
        title = NEEDS_TITLES[code]
        parameter_name = f"needs_{code}"

        def lookups(self, request, model_admin):
            return [("yes", _("Yes")), ("no", _("No"))]

        def queryset(self, request, queryset):
            if self.value() == "yes":
                return queryset.filter(needs_translation(code))
            if self.value() == "no":
                return queryset.exclude(needs_translation(code))
            return queryset

    NeedsLanguageFilter.__name__ = f"Needs{code.title()}Filter"
    return NeedsLanguageFilter


class OutdatedFilter(admin.SimpleListFilter):
    title = _("outdated translation")
    parameter_name = "outdated"

    def lookups(self, request, model_admin):
        return [("any", _("Any language"))] + [
            (code, LANGUAGE_NAMES[code]) for code in TRANSLATION_LANGUAGES
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            condition = Q(pk__in=[])
            for code in TRANSLATION_LANGUAGES:
                condition |= outdated_translation(code)
            return queryset.filter(condition)
        if value in TRANSLATION_LANGUAGES:
            return queryset.filter(outdated_translation(value))
        return queryset


class JalaliMonthFilter(admin.SimpleListFilter):
    """Releases published in a month of the Solar Hijri calendar (Moscow days)."""

    title = _("Jalali month")
    parameter_name = "jalali_month"
    months = 24

    def lookups(self, request, model_admin):
        year, month = calendars.month_of(timezone.localdate(), calendars.JALALI)
        choices = []
        for _step in range(self.months):
            label = calendars.format_month_year(
                calendars.JALALI, year, month, get_language()
            )
            choices.append((f"{year}-{month:02d}", label))
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year, month = (int(part) for part in self.value().split("-"))
            first, following = calendars.month_span(calendars.JALALI, year, month)
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        return queryset.filter(
            published_at__gte=calendars.local_day_start(first),
            published_at__lt=calendars.local_day_start(following),
        )
