"""The partner-city models, a module per subject; `from cities.models import X`
names each of them here (migrations name `ChoiceListField` and the upload_to
functions by this path)."""

from cities.models.city import City, CityQuerySet, emblem_upload_to
from cities.models.fields import (
    AGREEMENT_LANGUAGE_CODES,
    AGREEMENT_LANGUAGES,
    ChoiceListField,
    filled,
    language_name,
    localized,
)
from cities.models.partnerships import (
    AgreementDocument,
    Partnership,
    PartnershipQuerySet,
    Signatory,
    SignatoryQuerySet,
    TimelineEvent,
    TranslatedTextQuerySet,
    document_upload_to,
)

__all__ = [
    "AGREEMENT_LANGUAGES",
    "AGREEMENT_LANGUAGE_CODES",
    "AgreementDocument",
    "ChoiceListField",
    "City",
    "CityQuerySet",
    "Partnership",
    "PartnershipQuerySet",
    "Signatory",
    "SignatoryQuerySet",
    "TimelineEvent",
    "TranslatedTextQuerySet",
    "document_upload_to",
    "emblem_upload_to",
    "filled",
    "language_name",
    "localized",
]
