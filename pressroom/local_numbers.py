"""Numbers and dates as the admin's language writes them (docs/domain.md FA-2).

Django's admin prints Latin digits and Gregorian dates in every language. In
the Persian admin a member of staff sees Jalali dates in Persian digits, as a
reader of the Persian site does (`pressroom.calendars`); Russian and English
keep Django's own Gregorian text. Only text is changed, never a form's value
or an attribute: the digits a form posts back stay ASCII.
"""

import contextlib
import datetime
import re

from django.contrib import admin
from django.contrib.admin.utils import display_for_value
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorList
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

from pressroom import calendars

EMPTY = "—"
# The text of an HTML fragment: what follows its start or a tag's end.
TEXT = re.compile(r"(^|>)([^<]+)")
NUMBERS = (models.IntegerField, models.DecimalField, models.FloatField)


def in_jalali():
    return calendars.calendar_for(get_language()) == calendars.JALALI


def moment_text(value, empty=EMPTY):
    """A date or a moment in the admin language's calendar and digits."""
    if value is None or value == "":
        return empty
    if not in_jalali():
        return display_for_value(value, empty)
    if isinstance(value, datetime.datetime):
        return calendars.format_datetime(value, get_language())
    return calendars.format_date(value, get_language())


def digits(value):
    return calendars.localize_digits(value, get_language())


def digits_in_text(html):
    """Safe HTML with its text (never a tag or an attribute) in the admin
    language's digits."""
    return mark_safe(TEXT.sub(lambda match: match[1] + digits(match[2]), str(html)))


class LocalizedErrorList(ErrorList):
    """Error messages in the admin language's digits («حداکثر ۲۰۰ نویسه»)."""

    def get_context(self):
        context = super().get_context()
        context["errors"] = [
            digits_in_text(error) if isinstance(error, SafeData) else digits(error)
            for error in self
        ]
        return context


def with_localized_errors(formset_class):
    """`formset_class`, its own errors and its rows' listed by
    `LocalizedErrorList` (a formset hands its `error_class` to its forms)."""

    class Localized(formset_class):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("error_class", LocalizedErrorList)
            super().__init__(*args, **kwargs)

    Localized.__name__ = formset_class.__name__
    Localized.__qualname__ = formset_class.__qualname__
    Localized.__module__ = formset_class.__module__
    return Localized


class ErrorDigitsRenderer(DjangoTemplates):
    """Django's form renderer, error lists in the admin language's digits.

    A change form's own class: subclassing a model form to hand it
    `LocalizedErrorList` would build its fields again (and lose what the admin
    set on them), so the form keeps its class and is given this renderer."""

    def render(self, template_name, context, request=None):
        html = super().render(template_name, context, request)
        if not template_name.startswith("django/forms/errors/") or not in_jalali():
            return html
        return digits_in_text(html)


# One for every form: a renderer keeps its compiled templates.
ERROR_DIGITS_RENDERER = ErrorDigitsRenderer()


def readonly_text(admin_field):
    """A read-only field of a change form with a model's date in the admin's
    calendar and a model's number in its digits; None for any other field
    (Django's text is kept: a Russian source keeps its own digits)."""
    if not in_jalali():
        return None
    name = admin_field.field["name"]
    instance = getattr(admin_field.form, "instance", None)
    if not isinstance(name, str) or instance is None:
        return None
    try:
        model_field = type(instance)._meta.get_field(name)
    except FieldDoesNotExist:  # a method or a callable, not a model field
        return None
    if isinstance(model_field, models.DateField):  # DateTimeField too
        return moment_text(getattr(instance, name))
    if isinstance(model_field, NUMBERS):
        return digits(admin_field.contents())
    return None


def shown_column(field, text):
    """A change list's column for a model's field, its value shown by `text`."""

    @admin.display(description=field.verbose_name, ordering=field.name)
    def column(obj):
        return text(getattr(obj, field.name))

    column.__name__ = field.name
    return column


def moment_column(field):
    """A change list's column for a model's date field, in the admin's calendar."""
    return shown_column(field, moment_text)


def number_column(field):
    """A change list's column for a model's number field, in the admin's digits."""
    return shown_column(field, digits)


def with_moment_columns(model, list_display):
    """`list_display` with its model date fields shown by `moment_column`."""
    columns = []
    for name in list_display:
        field = None
        if isinstance(name, str):
            with contextlib.suppress(FieldDoesNotExist):
                field = model._meta.get_field(name)
        if isinstance(field, models.DateField):
            columns.append(moment_column(field))
        else:
            columns.append(name)
    return columns


class LocalDatesAdmin:
    """A model admin whose list shows its date columns in the admin's calendar
    (`BackOfficeMixin` does this for the translated models)."""

    def get_list_display(self, request):
        return with_moment_columns(self.model, super().get_list_display(request))
