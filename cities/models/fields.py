"""What the partner-city models share: a list of choices in one JSON column,
the languages an agreement may be written in, the translated-text helpers."""

from django import forms
from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

# Languages an agreement or its documents may be written in. Django's own
# catalogues translate these names, so every reader gets them in their language.
AGREEMENT_LANGUAGE_CODES = (
    "ru", "tt", "fa", "en", "ar", "az", "de", "es", "fr", "hy", "kk", "ky", "tg",
    "tk", "tr", "uz", "zh-hans",
)  # fmt: skip
AGREEMENT_LANGUAGES = [
    # global_settings only marks the names (gettext_noop): translated lazily
    # here, or the admin's checkboxes read "Persian" in every language.
    (code, _(name))
    for code, name in global_settings.LANGUAGES
    if code in AGREEMENT_LANGUAGE_CODES
]


def filled(field):
    """Match rows whose `field` holds text: translation columns may be NULL or ""."""
    return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


def localized(field, language=None):
    return f"{field}_{language or translation.get_language()}"


def language_name(code):
    """The name of a language in the reader's language ("Persian", "فارسی")."""
    return get_language_info(code)["name_translated"]


class ChoiceListField(models.JSONField):
    """A list of choices, stored as JSON (portable to SQLite and PostgreSQL) and
    edited as checkboxes."""

    def __init__(self, *args, options=(), **kwargs):
        # Not `choices`: Django would then treat the whole list as one choice.
        self.options = list(options)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # Migrations name it where the models package exports it (as Django's
        # ArrayField does), so moving it between modules changes no migration.
        path = "cities.models.ChoiceListField"
        # The options live in code; migrations need not follow every new one.
        kwargs.pop("default", None)
        kwargs.pop("blank", None)
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.options}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown choices: %(values)s"),
                code="invalid_choice",
                params={"values": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.options,
            required=not self.blank,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
