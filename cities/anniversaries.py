"""Round anniversaries of a partnership: 1, 5, 10, 15… years after its signing,
in each calendar it counts in (docs/domain.md). Pure date arithmetic: the
models and the events calendar ask it."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from pressroom import calendars
from pressroom.calendars import GREGORIAN, JALALI

CALENDAR_NOTES = {
    GREGORIAN: _("by the Gregorian calendar"),
    JALALI: _("by the Solar Hijri calendar"),
}


@dataclass(frozen=True)
class Anniversary:
    years: int
    date: datetime.date
    # The calendars in which it falls on this day: one, or both when they agree.
    calendars: tuple
    # Whether the partnership counts in two calendars, so each date says which.
    compared: bool = True

    @property
    def calendar_note(self):
        """Which calendar it is counted in, or "" when that goes without saying."""
        if self.compared and len(self.calendars) == 1:
            return CALENDAR_NOTES[self.calendars[0]]
        return ""


def is_round(years):
    return years == 1 or (years > 0 and years % 5 == 0)


def anniversary_date(start, years, calendar):
    """The day `years` after `start` in `calendar`.

    A day missing in the target year becomes the month's last day: 29 February
    becomes 28 February, 30 Esfand of a leap year becomes 29 Esfand.
    """
    if calendar == JALALI:
        year, month, day = calendars.to_jalali(start)
        try:
            return calendars.from_jalali(year + years, month, day)
        except ValueError:
            return calendars.from_jalali(year + years, month, day - 1)
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def round_anniversaries(start, calendar_list, until):
    """Every round anniversary of `start` up to `until`, in each calendar."""
    found = []
    for calendar in calendar_list:
        years = 1
        while (day := anniversary_date(start, years, calendar)) <= until:
            if is_round(years):
                found.append(Anniversary(years, day, (calendar,)))
            years += 1
    return sorted(found, key=lambda item: (item.date, item.years))


def next_round_anniversary(start, calendar, today):
    """The first round anniversary of `start` in `calendar` on or after today."""
    years = 1
    while True:
        day = anniversary_date(start, years, calendar)
        if is_round(years) and day >= today:
            return Anniversary(years, day, (calendar,))
        years += 1


def merge_same_days(items, compared=True):
    """One entry for an anniversary that falls on the same day in both calendars."""
    merged = {}
    for item in items:
        key = (item.years, item.date)
        found = merged.get(key)
        calendars = (found.calendars if found else ()) + item.calendars
        merged[key] = Anniversary(item.years, item.date, calendars, compared)
    return sorted(merged.values(), key=lambda item: (item.date, item.years))
