"""A field's value in a concurrent edit (pressroom/concurrent_edits.py): as
comparable JSON for the snapshot and the merge, and as staff read it on the
conflict page."""

import hashlib
import json

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django_prose_editor.fields import ProseEditorField

from pressroom import calendars, html

MINE, THEIRS = "mine", "theirs"


# Field values, as comparable JSON


def model_field(model, name):
    """The model field a form field edits, or None (a form-only field)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if not (field.concrete or field.many_to_many) or field.auto_created:
        return None
    return field


def dump(field, obj):
    """`obj`'s value of `field`, as JSON: None, a string, or a sorted id list."""
    if field.many_to_many:
        if obj.pk is None:
            return []
        return sorted(
            str(pk) for pk in getattr(obj, field.name).values_list("pk", flat=True)
        )
    if field.value_from_object(obj) is None:
        return None
    value = field.value_to_string(obj)
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def dump_cleaned(field, form, obj):
    """What this person's save would write to `field`."""
    if field.many_to_many:
        return sorted(str(item.pk) for item in form.cleaned_data.get(field.name, []))
    return dump(field, obj)


def digest(value):
    encoded = json.dumps(value, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


# Showing a value on the conflict page


def display(field, form, obj, side):
    """A value as staff read it: text, names, a date in their calendar."""
    language = get_language()
    if field.many_to_many:
        items = (
            form.cleaned_data.get(field.name, [])
            if side == MINE
            else getattr(obj, field.name).all()
        )
        return "; ".join(str(item) for item in items) or "—"
    value = getattr(obj, field.name)
    # The form's choices name what the model stores (a list of checkboxes too).
    labels = dict(getattr(form.fields[field.name], "choices", None) or ())
    if value in (None, "", []):
        text = ""
    elif isinstance(field, ProseEditorField):
        return mark_safe(html.sanitize(value))
    elif isinstance(value, list | tuple):
        text = "; ".join(str(labels.get(item, item)) for item in value)
    elif labels and not isinstance(value, models.Model):
        text = str(labels.get(value, value))
    elif isinstance(value, bool):
        text = gettext("yes") if value else gettext("no")
    elif hasattr(value, "tzinfo"):
        text = calendars.format_datetime(value, language)
    elif hasattr(value, "year"):
        text = calendars.format_date(value, language)
    elif isinstance(value, FieldFile):
        text = value.name or ""
    else:
        text = str(value)
    return text or "—"
