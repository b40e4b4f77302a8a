"""The search page's form: the words, the filters, a date range, the order.

Read from the address (a GET form, so a search can be linked and cached); not
rendered by Django, only checked: whatever is wrong is a 400 that says what.
Dates are typed in the reader's calendar: on /fa/ «۱۴۰۴/۰۱/۲۰» is 20 Farvardin
1404; Persian and Latin digits alike; a year or a year and month alone means all
of it ("from 1403" starts on its first day, "until 1403" ends on its last).
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from pressroom import calendars
from pressroom.search import MAX_QUERY_LENGTH, ORDERS, clean_query
from pressroom.search_index import FILTERS
from pressroom.shell.cache import remembered

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
DATE = re.compile(r"(\d{1,4})(?:\s*[-./]\s*(\d{1,2}))?(?:\s*[-./]\s*(\d{1,4}))?")
# How a date is written in each language, for the reader's example.
DATE_EXAMPLES = {"ru": "09.04.2025", "en": "2025-04-09", "fa": "1404/01/20"}


def date_example(language):
    return calendars.localize_digits(
        DATE_EXAMPLES.get(language, "2025-04-09"), language
    )


def parse_period(text, calendar):
    """(first day, day after the last) of a day, month or year written in
    `calendar`: year first (1404/01/20) or day first (09.04.2025)."""
    match = DATE.fullmatch(text.translate(_DIGITS).strip())
    if not match:
        raise ValueError(text)
    first, middle, last = match.groups()
    if len(first) == 4:
        year, month, day = first, middle, last
    elif last and len(last) == 4 and middle:
        day, month, year = first, middle, last
    else:
        raise ValueError(text)
    year = int(year)
    if month is None:
        return calendars.year_span(calendar, year)
    start, end = calendars.month_span(calendar, year, int(month))
    if day is None:
        return start, end
    day = int(day)
    if not 1 <= day <= (end - start).days:
        raise ValueError(text)
    start += datetime.timedelta(days=day - 1)
    return start, start + datetime.timedelta(days=1)


class CalendarDateField(forms.Field):
    """A date (or month, or year) in the reader's calendar; `end` takes the
    day after its last day, so a range is half-open."""

    def __init__(self, *, end=False, **kwargs):
        self.end = end
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        language = translation.get_language()
        try:
            if len(value) > 20:
                raise ValueError(value)
            start, end = parse_period(value, calendars.calendar_for(language))
        except ValueError:
            raise ValidationError(
                _("Write a date as %(example)s."),
                code="invalid",
                params={"example": date_example(language)},
            ) from None
        return calendars.local_day_start(end if self.end else start)


def filter_choices(language):
    """The registered filters (topic, partner city...) with the choices that
    exist in `language`, kept until a topic or the search's pages change."""
    return remembered(
        f"search-filters:{language}",
        lambda: {name: f.choices(language) for name, f in FILTERS.items()},
        [f"search:{language}", f"topics:{language}"],
    )


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=False)
    order = forms.ChoiceField(choices=[(name, name) for name in ORDERS], required=False)
    since = CalendarDateField()
    until = CalendarDateField(end=True)

    def __init__(self, data, language):
        super().__init__(data)
        self.language = language
        self.filter_choices = filter_choices(language)
        for name, choices in self.filter_choices.items():
            self.fields[name] = forms.ChoiceField(
                label=FILTERS[name].label,
                choices=[("", "")] + [(value, label) for value, label, _t in choices],
                required=False,
                error_messages={
                    "invalid_choice": _("There is no such choice: %(value)s.")
                },
            )

    def clean_q(self):
        raw = self.cleaned_data["q"]
        if len(raw) > MAX_QUERY_LENGTH * 5:
            # Never stem a page of text only to refuse it.
            raw = raw[: MAX_QUERY_LENGTH + 1]
        return clean_query(raw, self.language)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since >= until:
            raise ValidationError(_("The end of the period is before its start."))
        return cleaned

    def tags(self):
        """The filter tags of the chosen filters."""
        chosen = []
        for name, choices in self.filter_choices.items():
            value = self.cleaned_data.get(name)
            chosen += [
                tag for choice, _label, tag in choices if value and choice == value
            ]
        return chosen


class SearchParameters:
    """The query parameters the search page reads: the form's own fields and the
    filters apps registered (the page cache sends any other away)."""

    FIELDS = ("q", "page", "order", "since", "until")

    def __contains__(self, name):
        return name in self.FIELDS or name in FILTERS
