"""Press releases: their languages, states and what each page loads of them
(docs/domain.md, Content and languages; docs/publishing.md)."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from pressroom import html, images
from pressroom.models.topics import Topic
from pressroom.models.translated import LANGUAGE_CODES, SOURCE_LANGUAGE, field_in
from pressroom.shell.addresses import release_path
from pressroom.text import make_slug, persian_letters, plain_text

# A release exists in a language when these are filled in it
# (docs/domain.md, Content and languages).
REQUIRED_FIELDS = ("title", "lead", "body")
# Fields whose Russian text a translation follows; a change makes it outdated.
SOURCE_FIELDS = ("title", "lead", "body", "dateline", "image_caption")
# What a card of a release (lists, search results, related news) shows, and
# what else some summaries need (a feed entry's update, the home page's picture).
SUMMARY_FIELDS = ("published_at", "title", "slug", "lead", "dateline")
PICTURE_FIELDS = (
    "image",
    "image_width",
    "image_height",
    "image_renditions",
    "image_alt",
    "image_caption",
    "image_credit",
)
# Registered with modeltranslation in translation.py.
TRANSLATED_FIELDS = (
    "title",
    "slug",
    "lead",
    "body",
    "dateline",
    "image_alt",
    "image_caption",
    "image_credit",
    "revision_note",
    "withdrawal_reason",
)


class PressReleaseQuerySet(models.QuerySet):
    def published(self, now=None):
        """Public now: published, and its time has come (scheduling needs no cron)."""
        return self.filter(
            status=PressRelease.Status.PUBLISHED,
            published_at__lte=now or timezone.now(),
        )

    def reachable(self, now=None):
        """Public at their URL: published ones and withdrawn ones (with a notice)."""
        return self.filter(
            status__in=[PressRelease.Status.PUBLISHED, PressRelease.Status.WITHDRAWN],
            published_at__lte=now or timezone.now(),
        )

    def available_in(self, language):
        return self.filter(**{f"in_{language}": True})

    def listed(self, language=None, now=None):
        """What lists, feeds, search and sitemaps in a language show."""
        language = language or translation.get_language()
        return self.published(now).available_in(language)

    def summaries(self, *also):
        """Only what a card shows, in the reader's language, and the fields
        `also` names ("body" for search snippets, PICTURE_FIELDS...): loading
        every language's texts made a list's query several times dearer, and each field
        loaded is a value converted on every row."""
        language = translation.get_language()
        return self.only(
            *(
                f"{name}_{language}" if name in TRANSLATED_FIELDS else name
                for name in (*SUMMARY_FIELDS, *also)
            )
        )

    def for_reading(self):
        """A release page: only the reader's body (the others are the bulk of
        a release, and the page never shows them)."""
        language = translation.get_language()
        return self.defer(
            *(f"body_{code}" for code in LANGUAGE_CODES if code != language)
        )

    def in_period(self, start, end):
        return self.filter(published_at__gte=start, published_at__lt=end)


# The admin's release list (pressroom/admin/release_list.py), fast at any size.
ADMIN_LIST_INDEXES = [
    # Its order, and every column its filters test, so a page and a count read
    # the index alone (the table's rows hold three bodies, too slow to scan).
    models.Index(
        fields=[
            "-published_at",
            "-id",
            "status",
            "featured",
            "in_fa",
            "in_en",
            "source_digest",
            "fa_source_digest",
            "en_source_digest",
        ],
        name="release_admin_list",
    ),
    # The "outdated translation" filter: a handful of rows that PostgreSQL,
    # unable to tell how few, otherwise found by reading the whole table.
    *[
        models.Index(
            fields=["-published_at", "-id"],
            condition=models.Q(**{f"in_{code}": True})
            & ~models.Q(**{f"{code}_source_digest": models.F("source_digest")}),
            name=f"release_outdated_{code}",
        )
        for code in ("fa", "en")
    ],
]


class PressRelease(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # A search result's excerpt; the card template shows the lead when it is
    # empty, and a release given to a card outside search has none.
    snippet = ""

    title = models.CharField(_("title"), max_length=250, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "Made from the title when left empty. Only decorative: the "
            "number in the address finds the release."
        ),
    )
    lead = models.TextField(_("lead"), blank=True)
    body = ProseEditorField(
        _("body"),
        blank=True,
        config={"extensions": html.EDITOR_EXTENSIONS},
        sanitize=html.sanitize,
    )
    dateline = models.CharField(
        _("dateline"), max_length=100, blank=True, help_text=_("Where it happened.")
    )
    image = models.ImageField(
        _("image"),
        upload_to=images.upload_to,
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_renditions = models.JSONField(default=list, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=150, blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="releases"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("A time in the future schedules the release."),
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    press_contact = models.ForeignKey(
        "desk.PressOfficer",
        verbose_name=_("press contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="releases",
        help_text=_(
            "Named under the text with phone and e-mail; without one, the press "
            "service's own contacts are given."
        ),
    )
    revised_at = models.DateTimeField(
        _("updated"),
        null=True,
        blank=True,
        help_text=_("Set after an edit that matters to readers; shown on the page."),
    )
    revision_note = models.CharField(
        _("note on what changed"), max_length=300, blank=True
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.CharField(
        _("why it was withdrawn"), max_length=300, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Derived on save, so public queries filter on plain indexed columns.
    in_ru = models.BooleanField(default=False, editable=False)
    in_fa = models.BooleanField(default=False, editable=False)
    in_en = models.BooleanField(default=False, editable=False)
    # Digest of the Russian source, and of the source each translation followed.
    source_digest = models.CharField(max_length=32, blank=True, editable=False)
    fa_source_digest = models.CharField(max_length=32, blank=True, editable=False)
    en_source_digest = models.CharField(max_length=32, blank=True, editable=False)
    fa_digest = models.CharField(max_length=32, blank=True, editable=False)
    en_digest = models.CharField(max_length=32, blank=True, editable=False)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        permissions = [
            ("publish_pressrelease", _("Can publish, unpublish and withdraw")),
            # Given to a translator's account (or a group of their own), these
            # narrow their work to those languages; without any, all of them.
            ("translate_into_fa", _("Translates into Persian")),
            ("translate_into_en", _("Translates into English")),
        ]
        indexes = [
            # Partial, in the lists' order: SQLite seeks no bare boolean column
            # but uses an index whose condition the query repeats; the trailing
            # columns make it covering, so counting a list reads no table rows.
            models.Index(
                fields=["-published_at", "-id", f"in_{code}", "status"],
                condition=models.Q(**{f"in_{code}": True}, status="published"),
                name=f"release_list_{code}",
            )
            for code in ("ru", "fa", "en")
        ] + [
            # The home page's lead: a handful of featured releases among many.
            models.Index(
                fields=["-published_at"],
                condition=models.Q(featured=True),
                name="release_featured",
            ),
            # The sitemap's last modification: walked from the newest edit.
            models.Index(fields=["-updated_at"], name="release_updated"),
            *ADMIN_LIST_INDEXES,
            # The desk's drafts, what is scheduled and what was withdrawn
            # lately: a few rows of a state, or a week, among many.
            models.Index(
                fields=["status", "-updated_at"], name="release_state_updated"
            ),
            models.Index(
                fields=["status", "-withdrawn_at"], name="release_state_withdrawn"
            ),
            models.Index(
                fields=["status", "published_at"], name="release_state_published"
            ),
        ]

    def __str__(self):
        return self.title_ru or self.title or f"#{self.pk}"

    def save(self, *args, **kwargs):
        self.derive_fields()
        super().save(*args, **kwargs)
        if not images.renditions_match(self.image, self.image_renditions):
            # A new image (or none): renditions of this one, and the old
            # renditions' files gone once the change is committed.
            old = self.image_renditions or []
            self.image_renditions = (
                images.make_renditions(self.image) if self.image else []
            )
            type(self).objects.filter(pk=self.pk).update(
                image_renditions=self.image_renditions
            )
            images.delete_renditions_on_commit(old)

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        return release_path(self.pk, self.slug_in(language), language)

    def derive_fields(self):
        """Clean and derive what readers and queries use from what staff typed."""
        for language in LANGUAGE_CODES:
            body = field_in(self, "body", language)
            setattr(self, f"body_{language}", html.sanitize(body))
        for name in (
            "title",
            "slug",
            "lead",
            "body",
            "dateline",
            "image_alt",
            "image_caption",
            "image_credit",
            "revision_note",
            "withdrawal_reason",
        ):
            value = getattr(self, f"{name}_fa", None)
            if value:
                setattr(self, f"{name}_fa", persian_letters(value))
        for language in LANGUAGE_CODES:
            available = all(
                plain_text(field_in(self, name, language)) for name in REQUIRED_FIELDS
            )
            setattr(self, f"in_{language}", available)
            title = field_in(self, "title", language)
            if available and not field_in(self, "slug", language):
                setattr(self, f"slug_{language}", make_slug(title, "news"))
        self.source_digest = self.digest(SOURCE_LANGUAGE)
        for language in LANGUAGE_CODES:
            if language == SOURCE_LANGUAGE:
                continue
            current = self.digest(language)
            if current != getattr(self, f"{language}_digest"):
                # The translation was edited: it now follows today's source.
                setattr(self, f"{language}_digest", current)
                setattr(self, f"{language}_source_digest", self.source_digest)
        if self.status == self.Status.WITHDRAWN and not self.withdrawn_at:
            self.withdrawn_at = timezone.now()

    def digest(self, language):
        text = "\x1f".join(field_in(self, name, language) for name in SOURCE_FIELDS)
        return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()

    def slug_in(self, language):
        return field_in(self, "slug", language) or "news"

    def available_languages(self):
        return [code for code in LANGUAGE_CODES if getattr(self, f"in_{code}")]

    def is_available_in(self, language):
        return bool(getattr(self, f"in_{language}", False))

    def translation_state(self, language):
        """'complete', 'missing' or 'outdated' against the Russian source."""
        if not self.is_available_in(language):
            return "missing"
        if language != SOURCE_LANGUAGE and (
            getattr(self, f"{language}_source_digest") != self.source_digest
        ):
            return "outdated"
        return "complete"

    @property
    def is_public(self):
        return (
            self.status in (self.Status.PUBLISHED, self.Status.WITHDRAWN)
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_withdrawn(self):
        return self.status == self.Status.WITHDRAWN
