"""The back-office's template engine: Django's, where a translation is text.

Django's {% translate "…" %} and {% blocktranslate %} put a translation into the
page as it is (a literal in a template is markup, so its translation is taken
for markup too). The compiler keeps tags a msgid lacks out of every catalog
(pressroom/shell/po_files.py), but a translation needs no tag to do harm: a
`"` ends the attribute it is shown in (`value="{% translate 'Search' %}"`) and
starts attributes of its own. Here, as on the public pages (config/jinja2.py),
a translation is escaped; only a msgid with markup of its own is markup, and
its translation only while it holds no tag the msgid does not.

Every back-office template, Django's and its apps' included, gets this module's
tags for `{% load i18n %}`: the engine (`BACKEND` in config/settings.py) puts
them in the place of Django's.
"""

from decimal import Decimal

from django import template
from django.template import TemplateSyntaxError
from django.template.backends.django import DjangoTemplates
from django.template.base import render_value_in_context
from django.templatetags import i18n
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeData, SafeString

from pressroom.shell.po_files import has_markup, markup_problem

register = template.Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)


def as_text(msgid, translated):
    """A translation as the page may show it: escaped, unless the msgid is
    markup and the translation holds none other than the msgid's."""
    if has_markup(msgid) and not markup_problem(msgid, translated):
        return translated
    return escape(translated)


class TextTranslateNode(i18n.TranslateNode):
    def render(self, context):
        shown = super().render(context)
        msgid = self.filter_expression.var.literal
        if self.noop or not isinstance(msgid, str) or not context.autoescape:
            return shown
        if self.asvar:
            context[self.asvar] = self.text(msgid, context[self.asvar])
            return ""
        return self.text(msgid, shown)

    @staticmethod
    def text(msgid, translated):
        # Not marked safe (by a literal msgid): Django has escaped it already.
        return (
            as_text(msgid, translated)
            if isinstance(translated, SafeData)
            else translated
        )


class TextBlockTranslateNode(i18n.BlockTranslateNode):
    """Django's BlockTranslateNode.render, with the translation escaped before
    the (escaped) values are put into it."""

    def render(self, context, nested=False):
        message_context = None
        if self.message_context:
            message_context = self.message_context.resolve(context)
        context.update(
            {name: value.resolve(context) for name, value in self.extra_context.items()}
        )
        try:
            msgid, names = self.render_token_list(self.singular)
            if self.plural and self.countervar and self.counter:
                count = self.counter.resolve(context)
                if not isinstance(count, (Decimal, float, int)):
                    raise TemplateSyntaxError(
                        f"{self.countervar!r} argument to {self.tag_name!r} tag "
                        "must be a number."
                    )
                context[self.countervar] = count
                plural, plural_names = self.render_token_list(self.plural)
                names += plural_names
                translated = (
                    translation.npgettext(message_context, msgid, plural, count)
                    if message_context
                    else translation.ngettext(msgid, plural, count)
                )
                msgid = f"{msgid} {plural}"
            else:
                translated = (
                    translation.pgettext(message_context, msgid)
                    if message_context
                    else translation.gettext(msgid)
                )
            data = {name: self.value(context, name) for name in names}
        finally:
            context.pop()
        if context.autoescape:
            translated = as_text(msgid, translated)
        try:
            result = translated % data
        except (KeyError, ValueError):
            if nested:
                raise TemplateSyntaxError(
                    f"{self.tag_name!r} is unable to format string returned by "
                    f"gettext: {translated!r} using {data!r}"
                ) from None
            with translation.override(None):
                result = self.render(context, nested=True)
        if self.asvar:
            context[self.asvar] = SafeString(result)
            return ""
        return result

    @staticmethod
    def value(context, name):
        if name in context:
            found = context[name]
        else:
            missing = context.template.engine.string_if_invalid
            found = missing % name if "%s" in missing else missing
        return render_value_in_context(found, context)


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    node = i18n.do_translate(parser, token)
    return TextTranslateNode(
        node.filter_expression, node.noop, node.asvar, node.message_context
    )


@register.tag("blocktranslate")
@register.tag("blocktrans")
def do_block_translate(parser, token):
    node = i18n.do_block_translate(parser, token)
    return TextBlockTranslateNode(
        node.extra_context,
        node.singular,
        node.plural,
        node.countervar,
        node.counter,
        node.message_context,
        node.trimmed,
        node.asvar,
        node.tag_name,
    )


class BackOfficeTemplates(DjangoTemplates):
    """Django's template engine, with the tags above as its `i18n` library."""

    def __init__(self, params):
        super().__init__(params)
        self.engine.template_libraries["i18n"] = register
