"""The release list's date hierarchy (pressroom.admin.date_hierarchy) and digits."""

from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.utils.translation import get_language

from pressroom import calendars
from pressroom.admin.date_hierarchy import date_hierarchy

register = template.Library()


@register.tag(name="release_date_hierarchy")
def release_date_hierarchy_tag(parser, token):
    return InclusionAdminNode(
        parser,
        token,
        func=date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=False,
    )


@register.filter
def digits(value):
    """A number in the admin language's digits (Persian digits in fa)."""
    return calendars.localize_digits(value, get_language())
