"""The press office's models, a module per subject; `from pressroom.models
import X` names each of them here."""

from pressroom.models.attachments import Attachment
from pressroom.models.previews import (
    PreviewLink,
    PreviewLinkQuerySet,
    default_preview_expiry,
)
from pressroom.models.releases import (
    ADMIN_LIST_INDEXES,
    PICTURE_FIELDS,
    REQUIRED_FIELDS,
    SOURCE_FIELDS,
    SUMMARY_FIELDS,
    TRANSLATED_FIELDS,
    PressRelease,
    PressReleaseQuerySet,
)
from pressroom.models.search import SearchDocument
from pressroom.models.site import InterfaceCatalog, PageChange, Presence
from pressroom.models.topics import Topic, TopicQuerySet
from pressroom.models.translated import LANGUAGE_CODES, SOURCE_LANGUAGE, field_in

__all__ = [
    "ADMIN_LIST_INDEXES",
    "LANGUAGE_CODES",
    "PICTURE_FIELDS",
    "REQUIRED_FIELDS",
    "SOURCE_FIELDS",
    "SOURCE_LANGUAGE",
    "SUMMARY_FIELDS",
    "TRANSLATED_FIELDS",
    "Attachment",
    "InterfaceCatalog",
    "PageChange",
    "Presence",
    "PressRelease",
    "PressReleaseQuerySet",
    "PreviewLink",
    "PreviewLinkQuerySet",
    "SearchDocument",
    "Topic",
    "TopicQuerySet",
    "default_preview_expiry",
    "field_in",
]
