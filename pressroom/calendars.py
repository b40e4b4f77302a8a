"""Dates for readers: the one place that turns a date into text.

Russian and English pages show Gregorian dates; Persian pages show Solar Hijri
(Jalali) dates in Persian digits. Neither Django's `date` filter nor jdatetime can
do this: Django knows only the Gregorian calendar and prints Latin digits, and
jdatetime's names depend on a process-wide locale that is not thread-safe and
prints Latin digits too. So jdatetime is used here only for calendar arithmetic
(its 33-year rule matches the official Iranian calendar for 1925-2123), and the
names and patterns below are owned by this module.

Every date is first reduced to its local day in the site's time zone, so the
Russian, Persian and English pages of one release always show the same day.
"""

import datetime

import jdatetime
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

GREGORIAN = "gregorian"
JALALI = "jalali"
CALENDAR_CHOICES = [
    (GREGORIAN, _("Gregorian")),
    (JALALI, _("Solar Hijri (Jalali)")),
]

# Archive URLs take a bare year; these ranges must not overlap so a year alone
# says which calendar it belongs to.
YEAR_RANGES = {JALALI: range(1300, 1501), GREGORIAN: range(1900, 2201)}

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_PERSIAN_DIGITS = str.maketrans(
    "0123456789" + "٠١٢٣٤٥٦٧٨٩", PERSIAN_DIGITS + PERSIAN_DIGITS
)

# Name tables (docs/domain.md, Persian and Russian). Russian month names are
# lowercase as in running text; headings capitalise them.
MONTHS = {
    GREGORIAN: {
        "en": [
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December",
        ],
        "ru": [
            "январь", "февраль", "март", "апрель", "май", "июнь", "июль",
            "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
        ],
        "ru_gen": [
            "января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря",
        ],
        "fa": [
            "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
            "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
        ],
    },
    JALALI: {
        "en": [
            "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
            "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
        ],
        "ru": [
            "фарвардин", "ордибехешт", "хордад", "тир", "мордад", "шахривар",
            "мехр", "абан", "азар", "дей", "бахман", "эсфанд",
        ],
        "ru_gen": [
            "фарвардина", "ордибехешта", "хордада", "тира", "мордада", "шахривара",
            "мехра", "абана", "азара", "дея", "бахмана", "эсфанда",
        ],
        "fa": [
            "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
            "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
        ],
    },
}  # fmt: skip

# Indexed by date.weekday() (Monday = 0). Persian uses the CLDR spellings: a
# zero-width non-joiner, never a space, inside سه‌شنبه.
WEEKDAYS = {
    "en": [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday",
    ],
    "ru": [
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
        "воскресенье",
    ],
    "fa": ["دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"],
}  # fmt: skip

# Column heads of a month grid (CLDR "short" weekdays), and the day a week
# starts on: Saturday in Iran, Monday in Russia and in ISO 8601.
WEEKDAYS_SHORT = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "ru": ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
    "fa": ["د", "س", "چ", "پ", "ج", "ش", "ی"],
}
FIRST_WEEKDAY = {"en": 0, "ru": 0, "fa": 5}

# Date patterns are locale data, like Django's formats.py, not interface
# strings: kept here rather than in the .po files so a translation slip cannot
# change the shape of a date. `{month}` is genitive in Russian ("9 апреля").
DATE_PATTERNS = {
    ("ru", GREGORIAN): "{day} {month} {year}",
    ("ru", JALALI): "{day} {month} {year}",
    ("en", GREGORIAN): "{month} {day}, {year}",
    ("en", JALALI): "{day} {month} {year}",
    ("fa", GREGORIAN): "{day} {month} {year}",
    ("fa", JALALI): "{day} {month} {year}",
}
YEAR_SUFFIX = {"ru": " г."}
WEEKDAY_GLUE = {"ru": ", ", "en": ", ", "fa": " "}
# CLDR fa long date-time glue: Persian comma and "hour".
TIME_GLUE = {"ru": ", ", "en": ", ", "fa": "، ساعت "}
NBSP = "\u00a0"
# The press service's time zone named after a time, where a reader may think
# of another (a story dated elsewhere): "15:30 МСК", "۱۵:۳۰ به وقت مسکو".
ZONE_NAMES = {
    "Europe/Moscow": {"ru": "МСК", "en": "MSK", "fa": "به وقت مسکو"},
}


def _language(language):
    """Reduce a language code to one of ru/fa/en; anything else reads English."""
    code = (language or settings.LANGUAGE_CODE).lower().replace("_", "-")
    code = code.split("-")[0]
    return code if code in WEEKDAYS else "en"


def _check_calendar(calendar):
    if calendar not in YEAR_RANGES:
        raise ValueError(f"Unknown calendar: {calendar!r}")
    return calendar


def calendar_for(language):
    return JALALI if _language(language) == "fa" else GREGORIAN


def valid_year(calendar, year):
    return year in YEAR_RANGES[_check_calendar(calendar)]


def local_date(value):
    """Return the day `value` falls on in the site's time zone."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            return timezone.localdate(value)
        return value.date()
    return value


def to_jalali(d):
    d = local_date(d)
    j = jdatetime.date.fromgregorian(date=d)
    return j.year, j.month, j.day


def from_jalali(year, month, day):
    """Return the Gregorian date; ValueError if the Jalali date does not exist."""
    return jdatetime.date(year, month, day).togregorian()


def month_of(d, calendar):
    d = local_date(d)
    if _check_calendar(calendar) == JALALI:
        return to_jalali(d)[:2]
    return d.year, d.month


def _first_day(calendar, year, month):
    if calendar == JALALI:
        return from_jalali(year, month, 1)
    return datetime.date(year, month, 1)


def month_span(calendar, year, month):
    """Return (first day, first day of the next month): a half-open range.

    Years outside `valid_year` raise ValueError, like impossible months, so an
    archive URL such as /fa/news/2025/04/ cannot silently mean the year 2646.
    """
    if not valid_year(calendar, year) or not 1 <= month <= 12:
        raise ValueError(f"No month {year}-{month} in the {calendar} calendar")
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return (
        _first_day(calendar, year, month),
        _first_day(calendar, next_year, next_month),
    )


def year_span(calendar, year):
    if not valid_year(calendar, year):
        raise ValueError(f"No year {year} in the {calendar} calendar")
    return _first_day(calendar, year, 1), _first_day(calendar, year + 1, 1)


def local_day_start(d):
    """Return midnight starting day `d` in the site's time zone.

    Archives filter DateTimeFields with [local_day_start(first),
    local_day_start(next_first)) so a release published at 00:30 Moscow time
    lands in the month its page shows, not in the UTC one.
    """
    midnight = datetime.datetime.combine(d, datetime.time.min)
    if settings.USE_TZ:
        return timezone.make_aware(midnight)
    return midnight


def fa_digits(text):
    return str(text).translate(_TO_PERSIAN_DIGITS)


def localize_digits(text, language):
    if _language(language) == "fa":
        return fa_digits(text)
    return str(text)


def month_name(calendar, month, language, *, genitive=False):
    if not 1 <= month <= 12:
        raise ValueError(f"No month {month}")
    language = _language(language)
    key = "ru_gen" if genitive and language == "ru" else language
    return MONTHS[_check_calendar(calendar)][key][month - 1]


def week_days(language):
    """The weekdays in a week's order for `language`: (date.weekday(), name, short)."""
    language = _language(language)
    first = FIRST_WEEKDAY[language]
    return [
        (day, WEEKDAYS[language][day], WEEKDAYS_SHORT[language][day])
        for day in ((first + offset) % 7 for offset in range(7))
    ]


def month_weeks(calendar, year, month, language):
    """The weeks of a month of `calendar`, as a grid shows them: lists of seven
    days (Gregorian dates), None before the first and after the last."""
    first, following = month_span(calendar, year, month)
    lead = (first.weekday() - FIRST_WEEKDAY[_language(language)]) % 7
    days = [None] * lead + [
        first + datetime.timedelta(days=offset)
        for offset in range((following - first).days)
    ]
    days += [None] * (-len(days) % 7)
    return [days[start : start + 7] for start in range(0, len(days), 7)]


def day_of_month(d, calendar):
    """The number of day `d` in its month of `calendar` (Jalali 2025-04-09: 20)."""
    return to_jalali(d)[2] if _check_calendar(calendar) == JALALI else d.day


def _date_text(d, language, calendar, *, weekday, year_suffix, nbsp=False):
    if calendar == JALALI:
        year, month, day = to_jalali(d)
    else:
        year, month, day = d.year, d.month, d.day
    text = DATE_PATTERNS[language, calendar].format(
        day=day, month=month_name(calendar, month, language, genitive=True), year=year
    )
    if year_suffix:
        text += YEAR_SUFFIX.get(language, "")
    if nbsp:  # a date never breaks across lines ("2 / октября")
        text = text.replace(" ", NBSP)
    if weekday:
        text = WEEKDAYS[language][d.weekday()] + WEEKDAY_GLUE[language] + text
    return localize_digits(text, language)


def format_date(value, language, *, weekday=False, calendar=None, nbsp=False):
    """Return the date as running text, in the reader's calendar by default;
    `nbsp`: with no-break spaces inside the date, as a page shows it."""
    language = _language(language)
    calendar = _check_calendar(calendar or calendar_for(language))
    return _date_text(
        local_date(value),
        language,
        calendar,
        weekday=weekday,
        year_suffix=True,
        nbsp=nbsp,
    )


def _local_time(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_time(value, language, *, zone=False):
    """Return the 24-hour time in the site's time zone: "14:05", "9:05"; with
    `zone`, that zone named: "14:05 МСК"."""
    t = _local_time(value)
    text = f"{t.hour}:{t.minute:02d}"
    if zone:
        text += NBSP + zone_name(_language(language))
    return localize_digits(text, language)


def zone_name(language):
    """The site's time zone as readers of `language` name it ("MSK"), or its
    abbreviation (Europe/Moscow's names are written out here)."""
    names = ZONE_NAMES.get(settings.TIME_ZONE)
    if names:
        return names[language]
    return timezone.localtime().tzname() or settings.TIME_ZONE


def format_datetime(
    value, language, *, weekday=False, dual=None, zone=False, nbsp=False
):
    """Return date and time, e.g. "9 апреля 2025, 14:05".

    A plain date has no time and is formatted as a date. With `dual`, the date
    part is `format_dual(value, language, dual)`; `zone` names the time zone
    after the time, `nbsp` keeps the date and the time each on one line.
    """
    language = _language(language)
    if not isinstance(value, datetime.datetime):
        return format_dual(
            value, language, dual or calendar_for(language), weekday=weekday, nbsp=nbsp
        )
    if dual:
        date_text = format_dual(value, language, dual, weekday=weekday, nbsp=nbsp)
    else:
        # A time follows, so Russian drops "г.": "9 апреля 2025, 14:05".
        date_text = _date_text(
            local_date(value),
            language,
            calendar_for(language),
            weekday=weekday,
            year_suffix=False,
            nbsp=nbsp,
        )
    glue = TIME_GLUE[language]
    if nbsp and language == "fa":  # "ساعت ۱۴:۰۵" stays together
        glue = glue[:-1] + NBSP
    return date_text + glue + format_time(value, language, zone=zone)


def format_dual(value, language, other_calendar, *, weekday=False, nbsp=False):
    """Return the date in the reader's calendar, then in `other_calendar`.

    Both parts name the same local day in the reader's language:
    "April 9, 2025 (20 Farvardin 1404)".
    """
    language = _language(language)
    text = format_date(value, language, weekday=weekday, nbsp=nbsp)
    if _check_calendar(other_calendar) == calendar_for(language):
        return text
    other = format_date(value, language, calendar=other_calendar, nbsp=nbsp)
    return f"{text} ({other})"


def format_month_year(calendar, year, month, language):
    """Return a heading such as "Апрель 2025" or "فروردین ۱۴۰۴"."""
    name = month_name(calendar, month, language)
    return localize_digits(f"{name[:1].upper()}{name[1:]} {year}", language)


def iso(value):
    """Return ASCII ISO 8601 for a `<time datetime>` attribute."""
    if isinstance(value, datetime.datetime):
        return _local_time(value).replace(microsecond=0).isoformat()
    return value.isoformat()
