"""The publishing state machine: which state a release may go to, and on what terms.

Four states: draft → scheduled → published → withdrawn → (republished), and from
each of the last three back to draft. Every way of changing a release's state —
the change form (with its status field or its buttons), the list's bulk actions,
restoring an old version, recovering a deleted release — asks `plan()` and
applies what it answers; nothing else sets `status`, `published_at` or
`withdrawn_at` in the back office (`pressroom.admin.publishing`).

"Scheduled" is derived, not stored: a release is scheduled when it is published
and its publication time has not come. Readers' pages, feeds, e-mail alerts and
the page cache already treat "published with a future time" as not public until
that time and public from then on, with no job to run at the moment
(`PressRelease.objects.published()`); a stored "scheduled" would need one to flip
it, and a page served between the time and the flip would be wrong.

This module reads only what it is given (a release's fields, the time now): no
query, no request, so the rules are tested without a server.
"""

import dataclasses
import datetime

from django.utils.translation import gettext_lazy as _

from pressroom.models import SOURCE_LANGUAGE, PressRelease

DRAFT = "draft"
SCHEDULED = "scheduled"
PUBLISHED = "published"
WITHDRAWN = "withdrawn"

STATE_LABELS = {
    DRAFT: _("Draft"),
    SCHEDULED: _("Scheduled"),
    PUBLISHED: _("Published"),
    WITHDRAWN: _("Withdrawn"),
}
STATES = tuple(STATE_LABELS)

# (from, to): what the button for that step says. Anything not listed is refused.
TRANSITIONS = {
    (DRAFT, SCHEDULED): _("Schedule"),
    (DRAFT, PUBLISHED): _("Publish"),
    (SCHEDULED, PUBLISHED): _("Publish now"),
    (SCHEDULED, DRAFT): _("Unschedule"),
    (PUBLISHED, WITHDRAWN): _("Withdraw"),
    (PUBLISHED, DRAFT): _("Unpublish"),
    (WITHDRAWN, PUBLISHED): _("Republish"),
    (WITHDRAWN, DRAFT): _("Back to draft"),
}

# A publication time further back than this is taken only when confirmed: a
# release dated years ago never reaches the top of a list, and a typed year is
# easily wrong ("2020" for "2026").
PAST_LIMIT = datetime.timedelta(days=1)

# The model's stored status for each state.
STORED_STATUS = {
    DRAFT: PressRelease.Status.DRAFT,
    SCHEDULED: PressRelease.Status.PUBLISHED,
    PUBLISHED: PressRelease.Status.PUBLISHED,
    WITHDRAWN: PressRelease.Status.WITHDRAWN,
}


def state_of(status, published_at, now):
    """The state of a release with this stored status and publication time."""
    if status == PressRelease.Status.PUBLISHED and published_at and published_at > now:
        return SCHEDULED
    if status in (PressRelease.Status.PUBLISHED, PressRelease.Status.WITHDRAWN):
        return str(status)
    return DRAFT


def release_state(release, now):
    return state_of(release.status, release.published_at, now)


def same_time(first, second):
    """Equal as a form shows them: a form's time has no fractions of a second."""
    if first is None or second is None:
        return first is second
    return abs(first - second) < datetime.timedelta(seconds=1)


def targets(state):
    """The states a release in `state` may go to, in the buttons' order."""
    return [after for before, after in TRANSITIONS if before == state]


class Refused(Exception):
    """The change is not allowed; `errors` is {field name or None: [messages]}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclasses.dataclass(frozen=True)
class Plan:
    """What saving will do to the publishing fields, and what to confirm first."""

    before: str
    after: str
    status: str
    published_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    # Sentences the person must read and accept before it is saved.
    warnings: tuple = ()
    # Published at the moment it is saved ("publish now").
    at_once: bool = False

    @property
    def changes_state(self):
        return self.before != self.after

    @property
    def needs_confirmation(self):
        return self.changes_state or bool(self.warnings)

    @property
    def label(self):
        return TRANSITIONS.get((self.before, self.after))

    @property
    def signature(self):
        """Names exactly what was confirmed: another state or time asks again."""
        if self.at_once:
            time = "now"
        else:
            time = self.published_at.isoformat() if self.published_at else "-"
        return f"{self.before}>{self.after}@{time}"


def plan(release, *, before, target, now, stored_time=None, withdrawn_at=None):
    """Check a change of `release` (its fields as they will be saved) from state
    `before` to state `target`; return the Plan or raise Refused.

    `release.published_at` is the time asked for (None: none given);
    `stored_time` the time saved before this change, which tells a scheduled
    release published now (its old future time, untouched) from a future time
    typed in with "published" chosen (a mistake: that schedules it).
    """
    time = release.published_at
    if before != target and (before, target) not in TRANSITIONS:
        raise Refused(
            {
                "status": [
                    _("A release cannot go from “%(before)s” to “%(after)s”.")
                    % {"before": STATE_LABELS[before], "after": STATE_LABELS[target]}
                ]
            }
        )
    errors = {}
    warnings = []
    at_once = False
    if target in (SCHEDULED, PUBLISHED) and not release.is_available_in(
        SOURCE_LANGUAGE
    ):
        errors["status"] = [
            _(
                "The Russian text is not complete (title, lead and body): a release "
                "is published in Russian first."
            )
        ]
    if target == SCHEDULED:
        if time is None or time <= now:
            errors["published_at"] = [
                _("Choose a publication time in the future to schedule the release.")
            ]
    elif target == PUBLISHED:
        if time is None or (before == SCHEDULED and same_time(time, stored_time)):
            # "Publish now": a scheduled release keeps its place in no queue.
            time = now
            at_once = True
        elif time > now and before == PUBLISHED:
            errors["published_at"] = [
                _(
                    "A public release cannot be moved to a future time: unpublish "
                    "it first, then schedule it."
                )
            ]
        elif time > now:
            errors["published_at"] = [
                _(
                    "This time is in the future: choose “Scheduled” to publish "
                    "the release then, or clear the time to publish it now."
                )
            ]
        elif time < now - PAST_LIMIT and (
            before == DRAFT or not same_time(time, stored_time)
        ):
            warnings.append(
                _(
                    "The publication time is far in the past: readers will see the "
                    "release dated then, below everything published since."
                )
            )
    if target == WITHDRAWN:
        for language in release.available_languages():
            reason = getattr(release, f"withdrawal_reason_{language}", "") or ""
            if not reason.strip():
                errors.setdefault(f"withdrawal_reason_{language}", []).append(
                    _(
                        "Say why it is withdrawn in every language it is published "
                        "in: readers of that language see this reason."
                    )
                )
        withdrawn_at = withdrawn_at if before == WITHDRAWN and withdrawn_at else now
    else:
        withdrawn_at = None
    if errors:
        raise Refused(errors)
    return Plan(
        before=before,
        after=target,
        status=STORED_STATUS[target],
        published_at=time,
        withdrawn_at=withdrawn_at,
        warnings=tuple(warnings),
        at_once=at_once,
    )


def apply(release, change):
    """Set the publishing fields of `release` as `change` says (not saved)."""
    release.status = change.status
    release.published_at = change.published_at
    release.withdrawn_at = change.withdrawn_at
