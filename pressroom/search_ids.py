"""Search documents' ids, which follow the documents' dates.

A document's id says when its page is dated: the minutes since ALWAYS, then
its kind, object and language. So the full-text indexes, which hold documents
in id order, hold them newest last: "newest first" (and a date range) is a walk
of the index from its end that stops at the page, however many pages match, on
SQLite's FTS5 and on PostgreSQL's primary key alike; and a document's age, for
the recency boost, is read from its id.
"""

import datetime
import zlib

from pressroom.models import LANGUAGE_CODES

# `public_from` of a page that has always been public (a city's page), and
# the date of ids' minute 0.
ALWAYS = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
# Bits, low to high: language 2, object id 31, kind 3, minutes 27 (to 2155).
OBJECT_BITS, KIND_BITS, MINUTE_BITS = 31, 3, 27
DATE_SHIFT = 2 + OBJECT_BITS + KIND_BITS
LANGUAGE_NUMBERS = {code: number for number, code in enumerate(LANGUAGE_CODES)}


def kind_number(name):
    """A kind's number in its documents' ids: stable, whatever the order in
    which apps register their kinds."""
    return zlib.crc32(name.encode()) % (1 << KIND_BITS)


def date_key(date):
    """The high part of the ids of documents dated `date`: minute 0 for an
    undated page (the oldest of all), then 1 for ALWAYS and so on."""
    if date is None:
        return 0
    minutes = int((date - ALWAYS).total_seconds() // 60) + 1
    minutes = min(max(minutes, 1), (1 << MINUTE_BITS) - 1)
    return minutes << DATE_SHIFT


def document_id(kind_name, object_id, language, date):
    """The id of a page's document in one language (unique: a page has one per
    language, and a kind's objects have one id each)."""
    if object_id >= 1 << OBJECT_BITS:
        raise ValueError(f"object id {object_id} too large for a search document")
    low = (kind_number(kind_name) << OBJECT_BITS | object_id) << 2
    return date_key(date) | low | LANGUAGE_NUMBERS[language]
