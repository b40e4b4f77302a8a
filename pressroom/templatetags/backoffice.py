"""Template tags of the back-office's own templates (Django templates).

What a page offers follows what its views allow: a link the user may not follow
is not shown, so no button leads to a 403.
"""

import re

from django import template
from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language

from pressroom import calendars
from pressroom.history import describe, field_label, language_of
from pressroom.local_numbers import readonly_text

register = template.Library()


def model_admin_for(opts):
    return admin.site.get_model_admin(opts.model)


@register.simple_tag(takes_context=True)
def may_restore(context):
    """Whether the user may restore an earlier version of this model's objects.

    A model admin says so with `has_restore_permission(request)`; otherwise
    django-reversion's own rule applies (change permission).
    """
    request, model_admin = context["request"], model_admin_for(context["opts"])
    check = getattr(model_admin, "has_restore_permission", None)
    if check is not None:
        return check(request)
    return model_admin.has_change_permission(request)


@register.simple_tag(takes_context=True)
def may_recover(context):
    """Whether the user may recover deleted objects of this model."""
    request, model_admin = context["request"], model_admin_for(context["opts"])
    if not (
        model_admin.has_add_permission(request)
        and model_admin.has_change_permission(request)
    ):
        return False
    check = getattr(model_admin, "has_restore_permission", None)
    return check(request) if check is not None else True


@register.filter
def change_comment(comment):
    """A revision's comment in the reader's language (`pressroom.history`)."""
    return describe(comment)


@register.simple_tag
def language_attributes(field_name):
    """` lang=".." dir=".."` for a translated field's name (`title_ru`), else "".

    Read-only Russian inside the Persian admin then reads left to right (its
    full stop at the end of the line, not the start)."""
    code = language_of(field_name or "")
    if code is None:
        return ""
    return format_html(
        ' lang="{}" dir="{}"', code, "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    )


@register.filter
def field_heading(verbose_name):
    """A field's name as a heading: "Title in Persian" rather than "title [fa]"."""
    return capfirst(field_label(str(verbose_name)))


TEXT_BETWEEN_TAGS = re.compile(r">([^<]+)<")


@register.filter
def localized_digits(html):
    """Error messages with the admin language's digits (Persian ۱۲۳ on fa):
    only the text is changed, never an attribute (ids hold digits too)."""
    language = get_language()
    if not html or calendars.localize_digits("0", language) == "0":
        return html
    return mark_safe(
        TEXT_BETWEEN_TAGS.sub(
            lambda match: ">" + calendars.localize_digits(match[1], language) + "<",
            str(html),
        )
    )


@register.filter
def admin_datetime(value):
    """A moment as the admin's language writes it (Jalali, Persian digits on fa)."""
    if not value:
        return "—"
    return calendars.format_datetime(value, get_language())


@register.simple_tag
def readonly_contents(admin_field):
    """A read-only field's text; a date or a number in the admin's calendar
    and digits."""
    text = readonly_text(admin_field)
    return admin_field.contents() if text is None else text
