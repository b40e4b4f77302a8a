"""Who else has a change form open, as Wagtail and WordPress show it.

Opening a change form records the person as present; the form's heartbeat
(static/pressroom-admin/presence.js) refreshes the record and gets back who else
is there; leaving the page removes it at once (a beacon from `pagehide`), and the
others' forms, beating faster while they are shared, stop showing the person.
A record not refreshed for `TIMEOUT` is someone whose page could not say so (a
crash, a lost connection), and counts for nothing. Presence only
informs: it never blocks a save (pressroom/concurrent_edits.py keeps both
people's work instead).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import get_language, gettext

from pressroom import calendars
from pressroom.models import Presence

# The heartbeat's period, and how long a silent record still counts: a tab in
# the background may be throttled to one timer a minute.
HEARTBEAT_SECONDS = 30
TIMEOUT = datetime.timedelta(seconds=150)
# While someone else has the form open, the beat comes this often: a person who
# leaves says so (the page's `pagehide`), and the other sees it within seconds
# rather than at the next slow beat. Only forms open to several people beat fast.
SHARED_HEARTBEAT_SECONDS = 2


def _key(obj):
    return ContentType.objects.get_for_model(obj), str(obj.pk)


def record(user, obj):
    """Note that `user` has `obj`'s form open now; a lapsed record starts anew."""
    content_type, object_id = _key(obj)
    now = timezone.now()
    updated = Presence.objects.filter(
        user=user,
        content_type=content_type,
        object_id=object_id,
        seen_at__gte=now - TIMEOUT,
    ).update(seen_at=now)
    if not updated:
        Presence.objects.update_or_create(
            user=user,
            content_type=content_type,
            object_id=object_id,
            defaults={"opened_at": now, "seen_at": now},
        )


def leave(user, obj):
    content_type, object_id = _key(obj)
    Presence.objects.filter(
        user=user, content_type=content_type, object_id=object_id
    ).delete()


def others(user, obj):
    """The other people who have `obj` open now, first come first."""
    content_type, object_id = _key(obj)
    return list(
        Presence.objects.filter(
            content_type=content_type,
            object_id=object_id,
            seen_at__gte=timezone.now() - TIMEOUT,
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at")
    )


def open_objects(user, model):
    """{object id: [other people's presence]} for every `model` open now: one query."""
    found = {}
    presences = (
        Presence.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            seen_at__gte=timezone.now() - TIMEOUT,
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at")
    )
    for presence in presences:
        found.setdefault(presence.object_id, []).append(presence)
    return found


def since(moment, language=None):
    """When someone opened the form, in the admin's calendar: a time today,
    a date and a time before."""
    language = language or get_language()
    time = calendars.format_time(moment, language)
    if calendars.local_date(moment) == calendars.local_date(timezone.now()):
        return time
    return gettext("{date}, {time}").format(
        date=calendars.format_date(moment, language), time=time
    )


def describe(presences, language=None):
    """ "Also open: translator, since 10:42" — or "" when nobody else is there."""
    if not presences:
        return ""
    people = gettext("; ").join(
        gettext("{user}, since {time}").format(
            user=presence.user.get_username(), time=since(presence.opened_at, language)
        )
        for presence in presences
    )
    return gettext("Also open: {people}").format(people=people)
