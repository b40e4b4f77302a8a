"""Back-office template tags of publishing: times in the staff member's language
and calendar, and the desk on the admin's first page (`pressroom.desk_admin`)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from pressroom import calendars

register = template.Library()


@register.simple_tag
def admin_moment(value):
    """A date and time as the admin's language writes it (Jalali in Persian)."""
    if not value:
        return "—"
    language = get_language()
    return format_html(
        '<time datetime="{}">{}</time>',
        calendars.iso(value),
        calendars.format_datetime(value, language),
    )


@register.inclusion_tag("admin/includes/newsroom_desk.html", takes_context=True)
def newsroom_desk(context):
    """The sections of the desk for the person signed in."""
    from pressroom.admin.newsroom_desk import sections_for

    return {"sections": sections_for(context["request"].user)}
