"""The release list's date hierarchy (pressroom.admin.date_hierarchy)."""

from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

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
