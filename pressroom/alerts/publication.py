"""Notice when a release becomes public in a language, whatever saved it.

Before and after each save of a release: in which languages it is public, or
scheduled to be, and from when. A language that is new to the list, or whose
time changed, gets its alert task enqueued for that time: at once for a release
published now, at its time for a scheduled one (the task checks again when it
runs, so a release unpublished or rescheduled meanwhile sends nothing). The
task is enqueued in the save's own transaction: a save that rolls back leaves
no task. The worker's periodic sweep (`tasks.sweep`) catches what no save
announced: a queue emptied by hand, a status changed by a bulk update.
"""

from django.utils import timezone

from pressroom.models import LANGUAGE_CODES, PressRelease

STATE_FIELDS = ("status", "published_at", *(f"in_{code}" for code in LANGUAGE_CODES))


def announced(state):
    """{language: published_at} where `state` is public or scheduled."""
    if state.get("status") != PressRelease.Status.PUBLISHED:
        return {}
    published_at = state.get("published_at")
    if published_at is None:
        return {}
    return {code: published_at for code in LANGUAGE_CODES if state.get(f"in_{code}")}


def state_of(release):
    """The fields that decide publicness, as the database will hold them (a
    value may still be a string, as loaddata and some callers set it)."""
    state = {
        name: release._meta.get_field(name).to_python(getattr(release, name))
        for name in STATE_FIELDS
    }
    published_at = state["published_at"]
    if published_at is not None and timezone.is_naive(published_at):
        state["published_at"] = timezone.make_aware(published_at)
    return state


def remember_before(sender, instance, **kwargs):
    """pre_save: the release as the database has it, before this save."""
    saved = None
    if instance.pk is not None:
        saved = sender._default_manager.filter(pk=instance.pk).values(*STATE_FIELDS)
        saved = saved.first()
    instance.alerts_state_before = saved or {}


def schedule_after(sender, instance, **kwargs):
    """post_save: enqueue the alert of each language it newly reaches."""
    from pressroom.alerts.tasks import announce

    before = announced(getattr(instance, "alerts_state_before", {}))
    after = announced(state_of(instance))
    changed = [code for code, when in after.items() if before.get(code) != when]
    if not changed:
        return
    when = after[changed[0]]
    task = announce if when <= timezone.now() else announce.using(run_after=when)
    task.enqueue(instance.pk)
