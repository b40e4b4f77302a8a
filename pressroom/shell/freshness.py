"""What a change outdates, recorded where every app server sees it.

Apps register a *face* per model (`register(Event, event_face)`, in `ready()`):
`face(instance, now)` -> `{tag: what the pages tagged so show of it}`. Each save,
delete and many-to-many change compares the faces before and after and records
the tags that differ: a draft's face is empty, so saving it outdates nothing.
`due(instance)` names a moment the face changes by itself (a schedule);
`register(Model, None)`: it shows on no page; a model of our own apps with
nothing registered outdates the untagged pages (ANY).

A change is a `PageChange` row written in the change's own transaction, so no
Redis outage or worker restart can lose it. Each process (`clock`) notes its own
changes at once and reads everyone's every PAGE_CACHE_POLL_SECONDS.
`pages_changed` is sent after each commit with the tags, for a CDN purge.
"""

import datetime
import logging
import math
import threading
import time

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import signals
from django.dispatch import Signal
from django.utils import timezone

logger = logging.getLogger(__name__)

ANY = "any-change"
EVERY_PAGE = "every-page"  # interface translations: every page shows them
# Rows are read again this long after their time: a transaction may commit a
# while after it wrote its row, which is then dated by the commit.
OVERLAP = 60.0

pages_changed = Signal()  # tags=[...], after each commit
_faces, _dues = {}, {}


def keep_seconds():
    """How long rows are kept: longer than any cached copy lives."""
    return max(2 * 3600, 2 * settings.PAGE_CACHE_SECONDS)


def register(model, face, due=None):
    """Add `face(instance, now)` to what `model` shows; None: it shows nothing."""
    faces = _faces.setdefault(model, [])
    if face is None or faces == [_changes_any]:
        faces.clear()
    if face is not None:
        faces.append(face)
    if due is not None:
        _dues[model] = due


def _faces_of(model):
    return _faces.get(model._meta.concrete_model, ())


def face_of(instance, now=None):
    now, face = now or timezone.now(), {}
    for function in _faces_of(type(instance)):
        face.update(function(instance, now))
    return face


def _changes_any(instance, now):
    return {ANY: time.monotonic_ns()}  # never equal to its earlier self


def record(tags, at=None):
    """Outdate the pages tagged `tags` (and ANY) now, or at a future `at`."""
    from pressroom.models import PageChange

    now = timezone.now()
    at, tags = at or now, sorted({*tags, ANY})
    row = PageChange.objects.create(at=at, tags=" ".join(tags))
    if row.pk % 100 == 0:  # now and then, forget what no cached copy can predate
        old = now - datetime.timedelta(seconds=keep_seconds())
        PageChange.objects.filter(at__lt=old).delete()
    clock.note(tags, at.timestamp())
    if at > now:
        return

    def committed():
        # Dated again by the commit: a page rendered before it saw the old data.
        moment = timezone.now()
        PageChange.objects.filter(pk=row.pk).update(at=moment)
        clock.note(tags, moment.timestamp())
        pages_changed.send(sender=PageChange, tags=tags)

    transaction.on_commit(committed, robust=True)


def _record_difference(instance, before, now):
    after = face_of(instance, now)
    tags = {
        tag for tag in before.keys() | after.keys() if before.get(tag) != after.get(tag)
    }
    if tags:
        record(tags)
    due = _dues.get(type(instance)._meta.concrete_model)
    moment = due and due(instance)
    if moment and moment > now:
        record(face_of(instance, moment).keys(), at=moment)


def _before_save(sender, instance, **kwargs):
    if instance.pk is not None and _faces_of(sender):
        old = type(instance)._default_manager.filter(pk=instance.pk).first()
        instance.page_face_before = face_of(old) if old else {}


def _after_save(sender, instance, **kwargs):
    """Also for raw saves: django-reversion restores a version with one."""
    if _faces_of(sender):
        before = instance.__dict__.pop("page_face_before", {})
        # As stored: a value may have been given as text, say.
        saved = type(instance)._default_manager.filter(pk=instance.pk).first()
        _record_difference(saved or instance, before, timezone.now())


def _before_delete(sender, instance, **kwargs):
    # Inside the delete's transaction: a delete that fails leaves no row.
    tags = face_of(instance).keys() if _faces_of(sender) else ()
    if tags:
        record(tags)


def _m2m_changed(sender, instance, action, model, pk_set, **kwargs):
    """Both sides' faces around an add, remove or clear."""
    if not (_faces_of(type(instance)) or _faces_of(model)):
        return
    related = list(model._default_manager.filter(pk__in=pk_set)) if pk_set else []
    objects = [instance, *related]
    if action.startswith("pre_"):
        instance.page_faces_before = [face_of(each) for each in objects]
        return
    now = timezone.now()
    befores = instance.__dict__.pop("page_faces_before", [])
    for each, before in zip(objects, befores, strict=False):
        _record_difference(each, before, now)


def connect():
    """Follow every model's changes (from `AppConfig.ready()`, before `register`)."""
    for model in apps.get_models():
        path = apps.get_app_config(model._meta.app_label).path
        ours = path.startswith(str(settings.BASE_DIR)) and "-packages" not in path
        _faces.setdefault(model, [_changes_any] if ours else [])
    for signal, receiver in (
        (signals.pre_save, _before_save),
        (signals.post_save, _after_save),
        (signals.pre_delete, _before_delete),
        (signals.m2m_changed, _m2m_changed),
    ):
        signal.connect(receiver, dispatch_uid=f"freshness-{receiver.__name__}")


class Clock:
    """When each tag last changed, as this process knows it (epoch seconds)."""

    def __init__(self):
        self.lock, self.syncing = threading.Lock(), threading.Lock()
        self.changed, self.upcoming = {}, set()
        self.next_due, self.read_at, self.tried = math.inf, None, -math.inf

    def current(self):
        """Whether it read the database's record lately."""
        return time.monotonic() - self.tried < settings.PAGE_CACHE_POLL_SECONDS

    def sync(self, force=False):
        """Read the changes recorded since the last time, if it is time."""
        if (self.current() and not force) or not self.syncing.acquire(blocking=False):
            return
        try:
            from pressroom.models import PageChange

            self.tried, now = time.monotonic(), time.time()
            since = (
                now - keep_seconds() if self.read_at is None else self.read_at - OVERLAP
            )
            moment = datetime.datetime.fromtimestamp(since, datetime.UTC)
            rows = PageChange.objects.filter(at__gt=moment).values_list("at", "tags")
            for at, tags in rows:
                self.note(tags.split(), at.timestamp())
            self.read_at = now
        except DatabaseError:  # nothing can change while the database is away
            logger.warning("Could not read the page changes", exc_info=True)
        finally:
            self.syncing.release()

    def note(self, tags, at):
        """`tags` changed at `at`, or will then (a schedule)."""
        with self.lock:
            self.upcoming.add((at, tuple(tags)))
            self.next_due = min(self.next_due, at)
        self.arrive()

    def arrive(self):
        """Apply the changes whose time has come."""
        now = time.time()
        if self.next_due > now:
            return
        with self.lock:
            due = {change for change in self.upcoming if change[0] <= now}
            self.upcoming -= due
            self.next_due = min((at for at, _tags in self.upcoming), default=math.inf)
            for at, tags in due:
                for tag in tags:
                    self.changed[tag] = max(self.changed.get(tag, 0.0), at)

    def outdates(self, tags, rendered):
        """Whether a copy of a page tagged `tags` made at `rendered` is outdated."""
        self.arrive()
        skew = settings.PAGE_CACHE_CLOCK_SKEW
        return any(
            self.changed.get(tag, 0.0) + skew >= rendered for tag in (*tags, EVERY_PAGE)
        )


clock = Clock()
