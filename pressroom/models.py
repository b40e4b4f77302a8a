import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from pressroom import html, images
from pressroom.addresses import release_path
from pressroom.text import make_slug, persian_letters, plain_text

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
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


def field_in(instance, name, language):
    return getattr(instance, f"{name}_{language}", None) or ""


class TopicQuerySet(models.QuerySet):
    def named_in(self, language=None):
        """Topics with a name in the language: only those are shown in it."""
        field = f"name_{language or translation.get_language()}"
        return self.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Latin letters; the same in every language."),
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name or self.name_ru or self.slug

    def get_absolute_url(self):
        return reverse("pressroom:topic", kwargs={"slug": self.slug})

    def named_languages(self):
        return [code for code in LANGUAGE_CODES if field_in(self, "name", code)]


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


# The admin's release list at 100,000 releases (pressroom/admin/release_list.py).
ADMIN_LIST_INDEXES = [
    # Its order, and every column its filters test, so a page and a count read
    # the index alone (the table's rows hold three bodies: a scan of them took
    # seconds on SQLite).
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

    # A search result's excerpt (SearchView sets it); cards show the lead
    # otherwise. Declared so the card's lookup never fails, which costs Django's
    # template engine a dir() of the whole model.
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


class Attachment(models.Model):
    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=images.attachment_upload_to)
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.file.name

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.file.url

    @property
    def extension(self):
        return (
            self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""
        )


def default_preview_expiry():
    return timezone.now() + datetime.timedelta(days=7)


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """An unguessable, expiring, revocable address showing one language of a
    release that is not public, to someone without an account (a partner city's
    press office). The token is not stored: it is derived from a stored random
    `seed` and SECRET_KEY (`token()`), so the release page can show the address
    again while the link is valid, and the database alone cannot give it away;
    it is looked up by its stored hash. Links made before seeds existed (no
    seed) keep working and are re-issued to be shown again.
    """

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    seed = models.CharField(max_length=64, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=default_preview_expiry)
    revoked_at = models.DateTimeField(
        _("revoked"), null=True, blank=True, editable=False
    )
    last_used_at = models.DateTimeField(
        _("last opened"), null=True, blank=True, editable=False
    )
    use_count = models.PositiveIntegerField(
        _("times opened"), default=0, editable=False
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.release} [{self.language}]"

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def derive_token(seed):
        return salted_hmac(
            "pressroom.PreviewLink", seed, algorithm="sha256"
        ).hexdigest()

    def issue_token(self):
        """Give the link a new token (the old one stops working); return it."""
        self.seed = secrets.token_urlsafe(32)
        token = self.derive_token(self.seed)
        self.token_hash = self.hash_token(token)
        return token

    def token(self):
        """The link's token, or None when it cannot be derived again (made
        before seeds, or under another SECRET_KEY): then it is re-issued."""
        if not self.seed:
            return None
        token = self.derive_token(self.seed)
        return token if self.hash_token(token) == self.token_hash else None

    def url(self, token):
        with translation.override(self.language):
            return reverse("pressroom:preview", kwargs={"token": token})

    @property
    def state(self):
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "active"


class PageChange(models.Model):
    """What a saved change outdated on the public pages (cache tags), and when:
    the page cache's durable record (pressroom/freshness.py)."""

    at = models.DateTimeField(db_index=True)
    tags = models.TextField()

    class Meta:
        ordering = ["at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S}: {self.tags}"


class Presence(models.Model):
    """Who has an admin change form open now (pressroom/presence.py): a row per
    person and object, refreshed by the form's heartbeat."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("user")
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE
    )
    object_id = models.CharField(max_length=64)
    opened_at = models.DateTimeField(_("opened"))
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        ordering = ["opened_at"]
        verbose_name = _("open form")
        verbose_name_plural = _("open forms")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="presence_once"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "seen_at"], name="presence_seen")
        ]

    def __str__(self):
        return f"{self.user} {self.content_type_id}:{self.object_id}"


class InterfaceCatalog(models.Model):
    """The last saved text of an interface catalog (a `.po` file in `locale/`),
    edited in Rosetta: how the other app servers get it (`pressroom.catalogs`)."""

    catalog = models.CharField(max_length=200, unique=True)
    content = models.TextField()
    saved_at = models.DateTimeField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    def __str__(self):
        return self.catalog


class SearchDocument(models.Model):
    """A page in one language as search finds it (pressroom/search_index.py).

    The short columns come first: SQLite reads a row's columns in order, and a
    search checks the date of many rows whose texts it never shows.
    """

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    date = models.DateTimeField(null=True)
    # From when it is listed in search (None: never, e.g. a draft).
    public_from = models.DateTimeField(null=True)
    title = models.CharField(max_length=300)
    # Percent-encoded: a Persian slug of 120 letters takes 720 characters.
    path = models.CharField(max_length=1000)
    tags = models.TextField(blank=True)
    title_terms = models.TextField(blank=True)
    lead_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # Plain text for snippets: the lead, then the body.
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="search_one_per_page"
            )
        ]
        indexes = [
            # Searches leave out what is not public yet: a handful of rows.
            models.Index(fields=["public_from"], name="search_public_from"),
            # "Newest first": walked from the newest while matches are many.
            models.Index(fields=["-date", "-id"], name="search_newest"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} [{self.language}]"
