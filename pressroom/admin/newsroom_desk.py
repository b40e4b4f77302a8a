"""The newsroom desk: what needs attention, on the back-office's first page.

Not the press desk for journalists (`pressroom.desk`, public). Each role sees its
own work: an editor their drafts, a publisher what awaits publication, a
translator the translations missing or outdated in their languages; everyone
what comes out in the next seven days and what was withdrawn lately. Every
section is one query of at most `SHOWN + 1` rows (the extra row says "more"),
so the page costs the same whatever the number of releases.

An outdated translation links to `source_changes`: what changed in the Russian
since the translation was last saved, field by field, read from the history.
"""

import dataclasses
import datetime
import difflib

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from pressroom import roles
from pressroom.backoffice import LANGUAGE_NAMES, TRANSLATION_LANGUAGES
from pressroom.models import SOURCE_FIELDS, SOURCE_LANGUAGE, PressRelease
from pressroom.text import plain_text

SHOWN = 8
SCHEDULED_AHEAD = datetime.timedelta(days=7)
WITHDRAWN_LATELY = datetime.timedelta(days=30)
# How far back the history is searched for the text a translation followed.
HISTORY_DEPTH = 200
ROW_FIELDS = (
    "pk",
    "title_ru",
    "status",
    "published_at",
    "withdrawn_at",
    "updated_at",
    "source_digest",
    *(f"in_{code}" for code in ("ru", *TRANSLATION_LANGUAGES)),
    *(f"{code}_source_digest" for code in TRANSLATION_LANGUAGES),
)


@dataclasses.dataclass
class Section:
    key: str
    title: str
    empty: str
    rows: list
    more_url: str = ""
    more: bool = False

    @classmethod
    def of(cls, key, title, empty, queryset, list_query):
        """At most SHOWN releases of `queryset`, in one query, and whether there
        are more (then the list filtered by `list_query` shows them all)."""
        releases = list(queryset.only(*ROW_FIELDS)[: SHOWN + 1])
        more = len(releases) > SHOWN
        return cls(key, title, empty, releases[:SHOWN], list_url(list_query), more)


def change_url(pk):
    return reverse("admin:pressroom_pressrelease_change", args=[pk])


def list_url(query):
    return f"{reverse('admin:pressroom_pressrelease_changelist')}?{query}"


def needing_translation(code):
    return Q(**{f"in_{code}": False}) | ~Q(
        **{f"{code}_source_digest": F("source_digest")}
    )


def translation_tasks(release, languages):
    """[(language name, state, url)] for each language the release needs."""
    tasks = []
    for code in languages:
        state = release.translation_state(code)
        if state == "missing":
            tasks.append((LANGUAGE_NAMES[code], _("missing"), change_url(release.pk)))
        elif state == "outdated":
            url = reverse(
                "admin:pressroom_pressrelease_source_changes", args=[release.pk, code]
            )
            tasks.append((LANGUAGE_NAMES[code], _("outdated"), url))
    return tasks


def sections_for(user, now=None):
    """The desk's sections for this person, in the order shown."""
    now = now or timezone.now()
    if not user.has_perm("pressroom.view_pressrelease"):
        return []
    releases = PressRelease.objects.all()
    drafts = releases.filter(status=PressRelease.Status.DRAFT)
    sections = []
    if user.has_perm("pressroom.add_pressrelease"):
        sections.append(
            Section.of(
                "drafts",
                _("My drafts"),
                _("No drafts of yours."),
                drafts.filter(author=user).order_by("-updated_at"),
                "state=draft",
            )
        )
    if roles.can_publish(user):
        ready = drafts.filter(**{f"in_{SOURCE_LANGUAGE}": True})
        sections.append(
            Section.of(
                "awaiting",
                _("Awaiting publication"),
                _("No draft is ready to publish."),
                ready.order_by("-updated_at"),
                "state=draft",
            )
        )
    if roles.translates_only(user) or user.is_superuser:
        languages = roles.translation_languages(user, TRANSLATION_LANGUAGES)
        wanted = Q(pk__in=[])
        for code in languages:
            wanted |= needing_translation(code)
        translations = Section.of(
            "translations",
            _("Translations missing or outdated"),
            _("Every translation is up to date."),
            releases.filter(**{f"in_{SOURCE_LANGUAGE}": True})
            .exclude(status=PressRelease.Status.WITHDRAWN)
            .filter(wanted)
            .order_by("-updated_at"),
            f"needs_{languages[0]}=yes",
        )
        for release in translations.rows:
            release.tasks = translation_tasks(release, languages)
        sections.append(translations)
    sections.append(
        Section.of(
            "scheduled",
            _("Scheduled for the next 7 days"),
            _("Nothing is scheduled for the next 7 days."),
            releases.filter(
                status=PressRelease.Status.PUBLISHED,
                published_at__gt=now,
                published_at__lte=now + SCHEDULED_AHEAD,
            ).order_by("published_at"),
            "state=scheduled",
        )
    )
    sections.append(
        Section.of(
            "withdrawn",
            _("Withdrawn in the last 30 days"),
            _("Nothing was withdrawn in the last 30 days."),
            releases.filter(
                status=PressRelease.Status.WITHDRAWN,
                withdrawn_at__gte=now - WITHDRAWN_LATELY,
            ).order_by("-withdrawn_at"),
            "state=withdrawn",
        )
    )
    for section in sections:
        for release in section.rows:
            release.desk_url = change_url(release.pk)
    return sections


# What changed in the Russian since a translation was saved


def followed_version(release, language):
    """The newest version whose Russian is the one the translation followed."""
    digest = getattr(release, f"{language}_source_digest")
    versions = Version.objects.get_for_object(release).order_by("-pk")
    for version in versions[:HISTORY_DEPTH]:
        if version.field_dict.get("source_digest") == digest:
            return version
    return None


def word_diff(old, new):
    """Old and new text with removed words in <del> and added ones in <ins>."""
    before, after = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(("{}", " ".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(("<del>{}</del>", " ".join(before[a1:a2])))
        if b2 > b1:
            parts.append(("<ins>{}</ins>", " ".join(after[b1:b2])))
    return format_html_join(" ", "{}", ((format_html(t, v),) for t, v in parts))


def source_changes(release, language):
    """(version or None, [(field label, old text, new text, diff)]) of the
    Russian fields changed since the `language` translation was saved."""
    version = followed_version(release, language)
    if version is None:
        return None, []
    old_fields = version.field_dict
    changes = []
    for name in SOURCE_FIELDS:
        field = f"{name}_{SOURCE_LANGUAGE}"
        old = plain_text(old_fields.get(field) or "")
        new = plain_text(getattr(release, field) or "")
        if old != new:
            label = PressRelease._meta.get_field(name).verbose_name
            changes.append((label, old, new, word_diff(old, new)))
    return version, changes
