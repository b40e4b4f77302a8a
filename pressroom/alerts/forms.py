from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from pressroom.alerts import interests

SCOPES = [
    ("all", _("All press releases")),
    ("chosen", _("Only the topics and partner cities I choose")),
]


class PreferencesForm(forms.Form):
    """What a subscriber receives: everything, or chosen topics and partners."""

    scope = forms.ChoiceField(
        label=_("What to receive"),
        choices=SCOPES,
        initial="all",
        widget=forms.RadioSelect,
    )
    interests = forms.MultipleChoiceField(
        label=_("Topics and partner cities"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = interests.grouped_choices(language)
        self.fields["interests"].choices = self.groups

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("scope") == "chosen" and not cleaned_data.get("interests"):
            self.add_error("interests", _("Choose at least one topic or partner city."))
        return cleaned_data

    @property
    def everything(self):
        return self.cleaned_data["scope"] == "all"

    @property
    def chosen(self):
        return [] if self.everything else sorted(self.cleaned_data["interests"])


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the messages"),
        choices=[
            (code, get_language_info(code)["name_local"])
            for code, _name in settings.LANGUAGES
        ],
    )
    # Left empty by people (the field is hidden); robots fill every field.
    website = forms.CharField(required=False)

    field_order = ["email", "language", "scope", "interests"]

    def clean_email(self):
        local, _at, domain = self.cleaned_data["email"].strip().rpartition("@")
        if "." not in domain:
            # Django allows "localhost"; no reader's mailbox is there.
            raise ValidationError(EmailValidator.message, code="invalid")
        return f"{local}@{domain.lower()}"

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))
