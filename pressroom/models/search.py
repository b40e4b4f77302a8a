"""The search index's rows (pressroom/search_index.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
