from django import forms
from django.utils.translation import gettext_lazy as _

from pressroom.desk.models import AccreditationRequest
from pressroom.events.models import Event


class AccreditationForm(forms.ModelForm):
    # Left empty by people (the field is hidden); robots fill every field.
    website = forms.CharField(required=False)

    class Meta:
        model = AccreditationRequest
        fields = [
            "name",
            "outlet",
            "job_title",
            "email",
            "phone",
            "kind",
            "event",
            "message",
        ]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        events = (
            Event.objects.available_in(language)
            .upcoming()
            .filter(accreditation_required=True, cancelled=False)
        )
        self.fields["event"].queryset = events
        self.fields["event"].label_from_instance = lambda event: getattr(
            event, f"title_{language}"
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("kind") == AccreditationRequest.Kind.EVENT and not (
            cleaned_data.get("event")
        ):
            self.add_error("event", _("Choose the event."))
        return cleaned_data

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))

    def save(self, commit=True):
        self.instance.language = self.language
        if self.instance.kind != AccreditationRequest.Kind.EVENT:
            self.instance.event = None
        return super().save(commit)
