"""What a change outdates, recorded where every app server sees it.

Pages name what they show as cache tags (`pressroom.cache.add_cache_tags`); a
page that names none is tagged ANY. Apps say what their models show by
registering a *face* per model, usually in `AppConfig.ready()`:

    freshness.register(Event, event_face)

`face(instance, now)` returns `{tag: fingerprint}`: for each tag of a page the
instance shows on at `now`, the values of it that page shows. On each save,
delete and many-to-many change the faces before and after are compared, and the
tags whose fingerprint differs are recorded. A draft has an empty face before
and after, so saving it outdates nothing; fixing a typo in a public body changes
the release's own tag, not the lists'. `due(instance)` may name a future moment
when the face changes by itself (a scheduled release): the tags it will have
then are recorded for that moment. `register(Model, None)` says a model shows
on no public page. A model of the project's own apps with nothing registered
outdates the ANY-tagged pages: the safe default for a page nobody tagged.
Changes made without signals (`QuerySet.update()`) go inside
`follow_changes(objects)`, which compares their faces around the block.

A change is a `PageChange` row written in the same transaction as the change
itself, so it is as durable as the change: however long Redis was away or a
worker was down, nothing is forgotten. Each process keeps when each tag last
changed (`clock`): its own changes at once, everyone's by reading the rows of
the last minute every `POLL_SECONDS` (one indexed query). A cached page is
current while none of its tags changed after it began to render.
`pages_changed` is sent after each commit with the tags, for a CDN purge.
"""

import contextlib
import datetime
import logging
import threading
import time

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.dispatch import Signal
from django.utils import timezone

logger = logging.getLogger(__name__)

ANY = "any-change"
# Every page has it: an interface translation saved changes every page.
EVERY_PAGE = "every-page"
# Rows are read again this long after their time: a transaction may commit a
# while after it wrote its row, which is then dated by the commit.
OVERLAP = 60.0


def keep_seconds():
    """How long rows are kept: longer than any cached copy lives (a page
    PAGE_CACHE_SECONDS, what pages read an hour)."""
    return max(2 * 3600, 2 * settings.PAGE_CACHE_SECONDS)


pages_changed = Signal()  # tags=[...], after each commit
_faces, _dues = {}, {}


def register(model, face, due=None):
    """Say what pages `model`'s instances show: `face(instance, now)`, added to
    the faces other apps registered for it; None: it shows on no page."""
    faces = _faces.setdefault(model, [])
    if face is None or faces == [_changes_any]:
        faces.clear()
    if face is not None:
        faces.append(face)
    if due is not None:
        _dues[model] = due


def face_of(instance, now=None):
    """The instance's face at `now` (by default now)."""
    now = now or timezone.now()
    face = {}
    for function in _face_function(type(instance)):
        face.update(function(instance, now))
    return face


def _face_function(model):
    return _faces.get(model._meta.concrete_model, ())


def _changes_any(instance, now):
    return {ANY: time.monotonic_ns()}  # never equal to its earlier self


def outdated(before, after):
    return {
        tag for tag in before.keys() | after.keys() if before.get(tag) != after.get(tag)
    }


def record(tags, at=None):
    """Outdate the pages tagged `tags` (and ANY) now, or at a future `at`."""
    from pressroom.models import PageChange

    now = timezone.now()
    at = at or now
    tags = sorted({*tags, ANY})
    row = PageChange.objects.create(at=at, tags=" ".join(tags))
    if row.pk % 100 == 0:  # now and then, forget what no cached copy can predate
        PageChange.objects.filter(
            at__lt=now - datetime.timedelta(seconds=keep_seconds())
        ).delete()
    if at > now:
        clock.expect(at.timestamp(), row.tags)
        return
    clock.note(tags, at.timestamp())

    def committed():
        # Dated again by the commit: a page rendered before it saw the old data.
        moment = timezone.now()
        PageChange.objects.filter(pk=row.pk).update(at=moment)
        clock.note(tags, moment.timestamp())
        pages_changed.send(sender=PageChange, tags=tags)

    transaction.on_commit(committed, robust=True)


def _record_difference(instance, before, now):
    tags = outdated(before, face_of(instance, now))
    if tags:
        record(tags)
    due = _dues.get(type(instance)._meta.concrete_model)
    moment = due and due(instance)
    if moment and moment > now:
        record(face_of(instance, moment).keys(), at=moment)


def _before_save(sender, instance, **kwargs):
    if instance.pk is None or not _face_function(sender):
        return
    old = type(instance)._default_manager.filter(pk=instance.pk).first()
    instance.page_face_before = face_of(old) if old else {}


def _after_save(sender, instance, **kwargs):
    """Also for raw saves: django-reversion restores a version with one."""
    if _face_function(sender):
        before = instance.__dict__.pop("page_face_before", {})
        # As stored: a value may have been given as text, say.
        saved = type(instance)._default_manager.filter(pk=instance.pk).first()
        _record_difference(saved or instance, before, timezone.now())


def _before_delete(sender, instance, **kwargs):
    if _face_function(sender):
        instance.page_face_before = face_of(instance)


def _after_delete(sender, instance, **kwargs):
    tags = instance.__dict__.pop("page_face_before", {}).keys()
    if tags:
        record(tags)


def _m2m_changed(sender, instance, action, model, pk_set, **kwargs):
    """Both sides' faces around an add, remove or clear."""
    if not (_face_function(type(instance)) or _face_function(model)):
        return
    stage, _, _kind = action.partition("_")
    related = list(model._default_manager.filter(pk__in=pk_set)) if pk_set else []
    objects = [instance, *related]
    if stage == "pre":
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
        (pre_save, _before_save),
        (post_save, _after_save),
        (pre_delete, _before_delete),
        (post_delete, _after_delete),
        (m2m_changed, _m2m_changed),
    ):
        signal.connect(receiver, dispatch_uid=f"freshness-{receiver.__name__}")


@contextlib.contextmanager
def follow_changes(objects):
    """Record what a change made without signals (`update()`) outdates."""
    objects = list(objects)
    before = [face_of(each) for each in objects]
    yield
    now = timezone.now()
    for each, face in zip(objects, before, strict=True):
        each.refresh_from_db()
        _record_difference(each, face, now)


class Clock:
    """When each tag last changed, as this process knows it (epoch seconds)."""

    def __init__(self):
        self.lock, self.syncing = threading.Lock(), threading.Lock()
        self.changed, self.upcoming = {}, set()
        self.next_due = float("inf")
        self.read_at, self.tried = None, -float("inf")

    def note(self, tags, at):
        with self.lock:
            for tag in tags:
                if self.changed.get(tag, 0.0) < at:
                    self.changed[tag] = at

    def current(self):
        """Whether it read the database's record lately."""
        return time.monotonic() - self.tried < settings.PAGE_CACHE_POLL_SECONDS

    def sync(self, force=False):
        """Read the changes recorded since the last time, if it is time."""
        if (self.current() and not force) or not self.syncing.acquire(blocking=False):
            return
        try:
            self.tried = time.monotonic()
            self.read(time.time())
        except DatabaseError:  # nothing can change while the database is away
            logger.warning("Could not read the page changes", exc_info=True)
        finally:
            self.syncing.release()

    def read(self, now):
        from pressroom.models import PageChange

        since = now - keep_seconds() if self.read_at is None else self.read_at - OVERLAP
        moment = datetime.datetime.fromtimestamp(since, datetime.UTC)
        rows = PageChange.objects.filter(at__gt=moment).values_list("at", "tags")
        for at, tags in rows:
            self.expect(at.timestamp(), tags)
        self.read_at = now

    def expect(self, at, tags):
        """A change recorded for `at` (in the past, or to come: a schedule)."""
        with self.lock:
            self.upcoming.add((at, tags))
            self.next_due = min(self.next_due, at)
        self.arrive(time.time())

    def arrive(self, now):
        """Apply the changes whose time has come."""
        with self.lock:
            due = {change for change in self.upcoming if change[0] <= now}
            self.upcoming -= due
            self.next_due = min(
                (at for at, _tags in self.upcoming), default=float("inf")
            )
        for at, tags in due:
            self.note(tags.split(), at)

    def outdates(self, tags, rendered):
        """Whether a copy made at `rendered` of a page tagged `tags` is out of date."""
        if self.next_due <= time.time():
            self.arrive(time.time())
        skew = settings.PAGE_CACHE_CLOCK_SKEW
        return any(
            self.changed.get(tag, 0.0) + skew >= rendered for tag in (*tags, EVERY_PAGE)
        )


clock = Clock()
