# ruff: noqa
# fmt: off
# The verified reference values (docs/domain.md): the literals
# stay exactly as verified, so lint and the formatter leave this file alone.
"""Verified reference values for a ru / fa / en press site with Gregorian + Solar Hijri (Jalali) dates.

Every value in this file is a *literal* (tests must compare against literals, never against
values recomputed with the library under test). Run `python reference_dates.py` to re-verify
them against jdatetime, persiantools, convertdate (astronomical) and Django.

Provenance (checked 2025, jdatetime 6.1.1, persiantools 6.2.0, convertdate 2.5.1, Django 5.2.19,
Babel 2.19.0, GNU gettext 0.21):
* Jalali <-> Gregorian: jdatetime, persiantools, convertdate.persian (astronomical, PyMeeus) and a
  port of jalaali-js (Borkowski) agree on every day 1925-01-01 .. 2100-12-31 (64,283 days), and
  jdatetime matches the Iranian Calendar Center leap-year/Nowruz table 1206-1498 AP exactly.
* Dates marked "attested" were also seen printed in Iranian / standards sources (see EXTRA).
* fa_long uses Persian digits U+06F0..U+06F9 and CLDR weekday spellings (see FA_WEEKDAYS).
* ru is Django's ru DATE_FORMAT ("j E Y г.", plain U+0020 before "г."); en is Django "F j, Y".
"""

# (gregorian_iso, jalali_iso, fa_long_string, ru_string, en_string)
REFERENCE_DATES = [
    ("2025-04-09", "1404-01-20", "چهارشنبه ۲۰ فروردین ۱۴۰۴", "9 апреля 2025 г.", "April 9, 2025"),
    ("2025-04-19", "1404-01-30", "شنبه ۳۰ فروردین ۱۴۰۴", "19 апреля 2025 г.", "April 19, 2025"),
    ("2025-03-20", "1403-12-30", "پنجشنبه ۳۰ اسفند ۱۴۰۳", "20 марта 2025 г.", "March 20, 2025"),
    ("2025-03-21", "1404-01-01", "جمعه ۱ فروردین ۱۴۰۴", "21 марта 2025 г.", "March 21, 2025"),
    ("2024-03-19", "1402-12-29", "سه\u200cشنبه ۲۹ اسفند ۱۴۰۲", "19 марта 2024 г.", "March 19, 2024"),
    ("2024-03-20", "1403-01-01", "چهارشنبه ۱ فروردین ۱۴۰۳", "20 марта 2024 г.", "March 20, 2024"),
    ("2024-04-09", "1403-01-21", "سه\u200cشنبه ۲۱ فروردین ۱۴۰۳", "9 апреля 2024 г.", "April 9, 2024"),
    ("2024-05-09", "1403-02-20", "پنجشنبه ۲۰ اردیبهشت ۱۴۰۳", "9 мая 2024 г.", "May 9, 2024"),
    ("2021-03-20", "1399-12-30", "شنبه ۳۰ اسفند ۱۳۹۹", "20 марта 2021 г.", "March 20, 2021"),
    ("2021-03-21", "1400-01-01", "یکشنبه ۱ فروردین ۱۴۰۰", "21 марта 2021 г.", "March 21, 2021"),
    ("2026-03-20", "1404-12-29", "جمعه ۲۹ اسفند ۱۴۰۴", "20 марта 2026 г.", "March 20, 2026"),
    ("2026-03-21", "1405-01-01", "شنبه ۱ فروردین ۱۴۰۵", "21 марта 2026 г.", "March 21, 2026"),
    ("2026-03-11", "1404-12-20", "چهارشنبه ۲۰ اسفند ۱۴۰۴", "11 марта 2026 г.", "March 11, 2026"),
    ("2025-12-11", "1404-09-20", "پنجشنبه ۲۰ آذر ۱۴۰۴", "11 декабря 2025 г.", "December 11, 2025"),
    ("2029-03-20", "1408-01-01", "سه\u200cشنبه ۱ فروردین ۱۴۰۸", "20 марта 2029 г.", "March 20, 2029"),
    ("2030-03-20", "1408-12-30", "چهارشنبه ۳۰ اسفند ۱۴۰۸", "20 марта 2030 г.", "March 20, 2030"),
    ("2024-02-29", "1402-12-10", "پنجشنبه ۱۰ اسفند ۱۴۰۲", "29 февраля 2024 г.", "February 29, 2024"),
    ("2025-09-22", "1404-06-31", "دوشنبه ۳۱ شهریور ۱۴۰۴", "22 сентября 2025 г.", "September 22, 2025"),
    ("2025-09-23", "1404-07-01", "سه\u200cشنبه ۱ مهر ۱۴۰۴", "23 сентября 2025 г.", "September 23, 2025"),
    ("2026-01-01", "1404-10-11", "پنجشنبه ۱۱ دی ۱۴۰۴", "1 января 2026 г.", "January 1, 2026"),
    ("1979-02-11", "1357-11-22", "یکشنبه ۲۲ بهمن ۱۳۵۷", "11 февраля 1979 г.", "February 11, 1979"),
    ("2058-03-20", "1436-12-30", "چهارشنبه ۳۰ اسفند ۱۴۳۶", "20 марта 2058 г.", "March 20, 2058"),
    ("2000-03-20", "1379-01-01", "دوشنبه ۱ فروردین ۱۳۷۹", "20 марта 2000 г.", "March 20, 2000"),
]

# Per-date extras: English weekday, Jalali date rendered for the ru and en pages, the (wrong) answer
# of the 2820-year "Birashk" arithmetic algorithm where it differs, and why the date is in the set.
EXTRA = {
    "2025-04-09": dict(weekday_en="Wednesday", ru_jalali="20 фарвардина 1404 г.", en_jalali="20 Farvardin 1404",
                       birashk_wrong="1404-01-21", note="seed: press release 'April 9 (20 Farvardin, 1404 ...)'"),
    "2025-04-19": dict(weekday_en="Saturday", ru_jalali="30 фарвардина 1404 г.", en_jalali="30 Farvardin 1404",
                       birashk_wrong="1404-01-31", note="attested: tc39/test262 PR #4759"),
    "2025-03-20": dict(weekday_en="Thursday", ru_jalali="30 эсфанда 1403 г.", en_jalali="30 Esfand 1403",
                       birashk_wrong="1404-01-01", note="leap day of 1403; attested snn.ir (equinox 12:31:30 IRST on Thu 30 Esfand 1403)"),
    "2025-03-21": dict(weekday_en="Friday", ru_jalali="1 фарвардина 1404 г.", en_jalali="1 Farvardin 1404",
                       birashk_wrong="1404-01-02", note="Nowruz 1404; attested snn.ir (Friday 21 March 2025)"),
    "2024-03-19": dict(weekday_en="Tuesday", ru_jalali="29 эсфанда 1402 г.", en_jalali="29 Esfand 1402",
                       birashk_wrong=None, note="last day of common year 1402"),
    "2024-03-20": dict(weekday_en="Wednesday", ru_jalali="1 фарвардина 1403 г.", en_jalali="1 Farvardin 1403",
                       birashk_wrong=None, note="Nowruz 1403 on 20 March; attested (equinox 06:36:26 IRST Wed 1 Farvardin 1403)"),
    "2024-04-09": dict(weekday_en="Tuesday", ru_jalali="21 фарвардина 1403 г.", en_jalali="21 Farvardin 1403",
                       birashk_wrong=None, note="attested shahraranews.ir body text 'سه‌شنبه ۲۱ فروردین'"),
    "2024-05-09": dict(weekday_en="Thursday", ru_jalali="20 ордибехешта 1403 г.", en_jalali="20 Ordibehesht 1403",
                       birashk_wrong=None, note="attested: Iranian site header 'پنج شنبه - ۲۰ اردیبهشت - ۱۴۰۳ / Thursday - 9 May - 2024'"),
    "2021-03-20": dict(weekday_en="Saturday", ru_jalali="30 эсфанда 1399 г.", en_jalali="30 Esfand 1399",
                       birashk_wrong=None, note="leap day of 1399"),
    "2021-03-21": dict(weekday_en="Sunday", ru_jalali="1 фарвардина 1400 г.", en_jalali="1 Farvardin 1400",
                       birashk_wrong=None, note="Nowruz 1400"),
    "2026-03-20": dict(weekday_en="Friday", ru_jalali="29 эсфанда 1404 г.", en_jalali="29 Esfand 1404",
                       birashk_wrong="1404-12-30", note="last day of 1404 (NOT leap)"),
    "2026-03-21": dict(weekday_en="Saturday", ru_jalali="1 фарвардина 1405 г.", en_jalali="1 Farvardin 1405",
                       birashk_wrong=None, note="Nowruz 1405"),
    "2026-03-11": dict(weekday_en="Wednesday", ru_jalali="20 эсфанда 1404 г.", en_jalali="20 Esfand 1404",
                       birashk_wrong="1404-12-21", note="attested vista.ir header 'چهارشنبه / ۲۰ اسفند / ۱۴۰۴ - 11 March, 2026'"),
    "2025-12-11": dict(weekday_en="Thursday", ru_jalali="20 азара 1404 г.", en_jalali="20 Azar 1404",
                       birashk_wrong="1404-09-21", note="attested sharghdaily.com 'پنجشنبه ۲۰ آذر ۱۴۰۴'"),
    "2029-03-20": dict(weekday_en="Tuesday", ru_jalali="1 фарвардина 1408 г.", en_jalali="1 Farvardin 1408",
                       birashk_wrong=None, note="Nowruz of a 5-year-gap leap year (1403 -> 1408)"),
    "2030-03-20": dict(weekday_en="Wednesday", ru_jalali="30 эсфанда 1408 г.", en_jalali="30 Esfand 1408",
                       birashk_wrong=None, note="leap day of 1408"),
    "2024-02-29": dict(weekday_en="Thursday", ru_jalali="10 эсфанда 1402 г.", en_jalali="10 Esfand 1402",
                       birashk_wrong=None, note="Gregorian leap day"),
    "2025-09-22": dict(weekday_en="Monday", ru_jalali="31 шахривара 1404 г.", en_jalali="31 Shahrivar 1404",
                       birashk_wrong="1404-07-01", note="last day of the 31-day months"),
    "2025-09-23": dict(weekday_en="Tuesday", ru_jalali="1 мехра 1404 г.", en_jalali="1 Mehr 1404",
                       birashk_wrong="1404-07-02", note="first 30-day month"),
    "2026-01-01": dict(weekday_en="Thursday", ru_jalali="11 дея 1404 г.", en_jalali="11 Dey 1404",
                       birashk_wrong="1404-10-12", note="Gregorian new year inside Jalali year"),
    "1979-02-11": dict(weekday_en="Sunday", ru_jalali="22 бахмана 1357 г.", en_jalali="22 Bahman 1357",
                       birashk_wrong=None, note="well-known date (22 Bahman)"),
    "2058-03-20": dict(weekday_en="Wednesday", ru_jalali="30 эсфанда 1436 г.", en_jalali="30 Esfand 1436",
                       birashk_wrong="1437-01-01", note="next 33-year-rule vs 2820-year disagreement"),
    "2000-03-20": dict(weekday_en="Monday", ru_jalali="1 фарвардина 1379 г.", en_jalali="1 Farvardin 1379",
                       birashk_wrong=None, note="Nowruz on 20 March"),
}

# --- characters -----------------------------------------------------------------------------
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"          # U+06F0..U+06F9 EXTENDED ARABIC-INDIC (bidi class EN) - use these
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"     # U+0660..U+0669 ARABIC-INDIC (bidi class AN) - never output on fa pages
TO_PERSIAN_DIGITS = str.maketrans("0123456789", PERSIAN_DIGITS)
ZWNJ = "\u200c"
PERSIAN_COMMA = "\u060c"              # ،
FA_DECIMAL_SEPARATOR = "\u066b"       # ٫ (CLDR fa)
FA_GROUP_SEPARATOR = "\u066c"         # ٬ (CLDR fa)
# search/slug normalisation (apply after NFKC; NFKC maps presentation forms to U+064A/U+0643, not to Persian)
FA_CHAR_MAP = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}  # ي ى -> ی ; ك -> ک

# --- names ----------------------------------------------------------------------------------
FA_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
             "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
# indexed by Python date.weekday(): Monday=0 ... Sunday=6. CLDR/ICU/Babel spellings.
FA_WEEKDAYS = ["دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"]
# jdatetime 6.1.1 uses ZWNJ in three names (indexed by jdatetime weekday(): Saturday=0):
JDATETIME_FA_WEEKDAYS = ["شنبه", "یک\u200cشنبه", "دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنج\u200cشنبه", "جمعه"]
# Django's own fa catalog uses a plain space in Tuesday ("سه شنبه") - must not appear in output.
FA_GREGORIAN_MONTHS = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
                       "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"]  # Django fa == CLDR fa
EN_JALALI_MONTHS = ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
                    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"]  # == jdatetime, convertdate, CLDR en
RU_JALALI_MONTHS_NOM = ["фарвардин", "ордибехешт", "хордад", "тир", "мордад", "шахривар",
                        "мехр", "абан", "азар", "дей", "бахман", "эсфанд"]
RU_JALALI_MONTHS_GEN = ["фарвардина", "ордибехешта", "хордада", "тира", "мордада", "шахривара",
                        "мехра", "абана", "азара", "дея", "бахмана", "эсфанда"]
# CLDR ru (persian calendar) differs in two names: "шахривер", "азер".
RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня",
                 "июля", "августа", "сентября", "октября", "ноября", "декабря"]  # Django 'E' in ru

# --- official calendar data (Iranian Calendar Center table, via roozbehp/persiancalendar kabise.txt)
LEAP_YEARS_1300_1480 = [1300, 1304, 1309, 1313, 1317, 1321, 1325, 1329, 1333, 1337, 1342, 1346, 1350,
                        1354, 1358, 1362, 1366, 1370, 1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403,
                        1408, 1412, 1416, 1420, 1424, 1428, 1432, 1436, 1441, 1445, 1449, 1453, 1457,
                        1461, 1465, 1469, 1474, 1478]
NOWRUZ = {1395: "2016-03-20", 1396: "2017-03-21", 1397: "2018-03-21", 1398: "2019-03-21",
          1399: "2020-03-20", 1400: "2021-03-21", 1401: "2022-03-21", 1402: "2023-03-21",
          1403: "2024-03-20", 1404: "2025-03-21", 1405: "2026-03-21", 1406: "2027-03-21",
          1407: "2028-03-20", 1408: "2029-03-20", 1409: "2030-03-21", 1410: "2031-03-21"}
# Farvardin 1404 archive page: first and last Gregorian day
JALALI_MONTH_SPANS = {(1404, 1): ("2025-03-21", "2025-04-20"), (1403, 12): ("2025-02-19", "2025-03-20"),
                      (1404, 12): ("2026-02-20", "2026-03-20")}

# --- time zones: (utc instant, Europe/Moscow local, Gregorian date shown, Jalali date shown) ----
# The Jalali date must be derived from the *Moscow local* date, never from the UTC date.
TZ_BOUNDARY_CASES = [
    ("2025-04-09T20:59:00+00:00", "2025-04-09T23:59:00+03:00", "2025-04-09", "1404-01-20"),
    ("2025-04-09T21:00:00+00:00", "2025-04-10T00:00:00+03:00", "2025-04-10", "1404-01-21"),
    ("2025-03-20T20:59:00+00:00", "2025-03-20T23:59:00+03:00", "2025-03-20", "1403-12-30"),
    ("2025-03-20T21:00:00+00:00", "2025-03-21T00:00:00+03:00", "2025-03-21", "1404-01-01"),
]
# Same instant in Asia/Tehran (+03:30) is already the next day between 23:30 and 24:00 MSK:
TEHRAN_DIFFERS = ("2025-04-09T20:45:00+00:00", "2025-04-09T23:45:00+03:00", "2025-04-10T00:15:00+03:30")

# --- full datetime strings for 2025-04-09 14:05 Europe/Moscow (project formats) ---------------
DATETIME_REF = {
    "fa": "چهارشنبه ۲۰ فروردین ۱۴۰۴، ساعت ۱۴:۰۵",
    "fa_short": "۱۴۰۴/۰۱/۲۰",
    "fa_dual": "چهارشنبه ۲۰ فروردین ۱۴۰۴ (۹ آوریل ۲۰۲۵)",
    "ru": "9 апреля 2025, 14:05",
    "ru_dual": "9 апреля 2025 г. (20 фарвардина 1404 г. по иранскому календарю)",
    "en": "April 9, 2025, 14:05",
    "en_dual": "April 9, 2025 (20 Farvardin 1404 in the Iranian calendar)",
    "iso": "2025-04-09T14:05:00+03:00",  # <time datetime="..."> always ASCII ISO 8601
}

# --- what Django 5.2 itself produces for date(2025,4,9) / 14:05 MSK (documented, not the target) ---
DJANGO_DEFAULTS = {
    ("fa", "DATE_FORMAT"): "9 آوریل 2025",            # Gregorian month, Latin digits -> insufficient
    ("fa", "DATETIME_FORMAT"): "9 آوریل 2025، ساعت 14:05",
    ("fa", "SHORT_DATE_FORMAT"): "2025/4/9",
    ("ru", "DATE_FORMAT"): "9 апреля 2025 г.",
    ("ru", "DATETIME_FORMAT"): "9 апреля 2025 г. 14:05",
    ("ru", "SHORT_DATE_FORMAT"): "09.04.2025",
    ("ru", "MONTH_DAY_FORMAT"): "9 Апрель",          # wrong case: project must override with "j E"
    ("ru", "YEAR_MONTH_FORMAT"): "Апрель 2025 г.",
    ("en", "DATE_FORMAT"): "April 9, 2025",           # "N j, Y": Jan. 9, 2025 / Sept. 9, 2025 (AP style)
    ("en", "DATETIME_FORMAT"): "April 9, 2025, 2:05 p.m.",
    ("en", "SHORT_DATE_FORMAT"): "04/09/2025",
}
# jdatetime 6.1.1 strftime with locale="fa_IR" keeps LATIN digits:
JDATETIME_FA_STRFTIME = {"%A %d %B %Y": "چهارشنبه 20 فروردین 1404", "%x": "01/20/04", "%b": "فرو"}

# --- gettext plural forms -------------------------------------------------------------------
PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "fa": "nplurals=2; plural=(n > 1);",
    "en": "nplurals=2; plural=(n != 1);",
}
# Django's own ru catalogs use a Transifex 4-form header (4th form only for fractions):
DJANGO_RU_PLURAL_FORMS = ("nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                          "(n%100<12 || n%100>14) ? 1 : n%10==0 || (n%10>=5 && n%10<=9) || "
                          "(n%100>=11 && n%100<=14)? 2 : 3);")
RU_PLURAL_CASES = {0: "0 статей", 1: "1 статья", 2: "2 статьи", 4: "4 статьи", 5: "5 статей", 11: "11 статей",
                   12: "12 статей", 14: "14 статей", 21: "21 статья", 22: "22 статьи", 25: "25 статей",
                   101: "101 статья", 111: "111 статей", 112: "112 статей"}
FA_PLURAL_CASES = {0: "۰ خبر", 1: "۱ خبر", 2: "۲ خبر", 21: "۲۱ خبر", 1000: "۱۰۰۰ خبر"}  # noun stays singular
EN_PLURAL_CASES = {0: "0 articles", 1: "1 article", 2: "2 articles", 21: "21 articles"}

# --- slugs (Django 5.2 slugify) ---------------------------------------------------------------
SLUG_CASES = [
    # (title, slugify(allow_unicode=True), slugify() ascii)
    ("Казань и Исфахан подписали соглашение", "казань-и-исфахан-подписали-соглашение", ""),
    ("امضای توافق\u200cنامه کازان و اصفهان", "امضای-توافقنامه-کازان-و-اصفهان", ""),  # ZWNJ dropped
    ("Kazan & Isfahan: agreement signed!", "kazan-isfahan-agreement-signed", "kazan-isfahan-agreement-signed"),
    ("Ёлка в Казани", "ёлка-в-казани", ""),
    ("سال ۱۴۰۴", "سال-۱۴۰۴", ""),
]
REVERSED_FA_URL = ("/fa/news/42-%D8%A7%D9%85%D8%B6%D8%A7%DB%8C-%D8%AA%D9%88%D8%A7%D9%81%D9%82"
                   "%D9%86%D8%A7%D9%85%D9%87/")  # reverse() of <int:pk>-<str:slug> with slug "امضای-توافقنامه"

# --- page metadata ----------------------------------------------------------------------------
HTML_ATTRS = {"ru": ('lang="ru"', 'dir="ltr"'), "fa": ('lang="fa"', 'dir="rtl"'), "en": ('lang="en"', 'dir="ltr"')}
HREFLANG = ["ru", "fa", "en", "x-default"]
OG_LOCALE = {"ru": "ru_RU", "fa": "fa_IR", "en": "en_US"}


def to_fa_digits(s: str) -> str:
    return s.translate(TO_PERSIAN_DIGITS)


def _self_check() -> None:  # pragma: no cover - run manually
    import datetime as dt
    import jdatetime
    from persiantools.jdatetime import JalaliDate
    from convertdate import persian as cdp

    for g, j, fa, ru, en in REFERENCE_DATES:
        d = dt.date.fromisoformat(g)
        jd = jdatetime.date.fromgregorian(date=d)
        assert jd.isoformat() == j, (g, jd)
        assert jdatetime.date(*map(int, j.split("-"))).togregorian() == d
        pt = JalaliDate.to_jalali(d)
        assert "%04d-%02d-%02d" % (pt.year, pt.month, pt.day) == j
        assert "%04d-%02d-%02d" % cdp.from_gregorian(d.year, d.month, d.day) == j
        y, m, dd = map(int, j.split("-"))
        assert fa == to_fa_digits(f"{FA_WEEKDAYS[d.weekday()]} {dd} {FA_MONTHS[m - 1]} {y}"), g
        assert EXTRA[g]["en_jalali"] == f"{dd} {EN_JALALI_MONTHS[m - 1]} {y}"
        assert EXTRA[g]["ru_jalali"] == f"{dd} {RU_JALALI_MONTHS_GEN[m - 1]} {y} г."
        assert all(c not in fa for c in "0123456789" + ARABIC_INDIC_DIGITS + "\u064a\u0643")
    for y in range(1300, 1480):
        assert jdatetime.date(y, 1, 1).isleap() == (y in LEAP_YEARS_1300_1480), y
    for y, g in NOWRUZ.items():
        assert jdatetime.date(y, 1, 1).togregorian().isoformat() == g
    for (y, m), (a, b) in JALALI_MONTH_SPANS.items():
        assert jdatetime.date(y, m, 1).togregorian().isoformat() == a
        last = 29 if m == 12 and not jdatetime.date(y, 1, 1).isleap() else (31 if m <= 6 else 30)
        assert jdatetime.date(y, m, last).togregorian().isoformat() == b
    from zoneinfo import ZoneInfo
    for utc, local, gd, jd_ in TZ_BOUNDARY_CASES:
        t = dt.datetime.fromisoformat(utc).astimezone(ZoneInfo("Europe/Moscow"))
        assert t.isoformat() == local and t.date().isoformat() == gd
        assert jdatetime.date.fromgregorian(date=t.date()).isoformat() == jd_
    try:
        import django
        from django.conf import settings
        settings.configure(USE_I18N=True, LANGUAGES=[("ru", "Russian"), ("fa", "Persian"), ("en", "English")])
        django.setup()
        from django.utils import formats, translation
        from django.utils.text import slugify
        for g, _j, _fa, ru, en in REFERENCE_DATES:
            d = dt.date.fromisoformat(g)
            with translation.override("ru"):
                assert formats.date_format(d, "DATE_FORMAT") == ru, g
            with translation.override("en"):
                assert formats.date_format(d, "F j, Y") == en, g
                assert formats.date_format(d, "l") == EXTRA[g]["weekday_en"], g
        for title, uni, asc in SLUG_CASES:
            assert slugify(title, allow_unicode=True) == uni and slugify(title) == asc, title
        d = dt.date(2025, 4, 9)
        for (lang, fmt), expected in DJANGO_DEFAULTS.items():
            if "TIME" in fmt:
                continue
            with translation.override(lang):
                assert formats.date_format(d, fmt) == expected, (lang, fmt)
    except ImportError:
        pass
    print(f"OK: {len(REFERENCE_DATES)} reference dates verified")


if __name__ == "__main__":
    _self_check()
