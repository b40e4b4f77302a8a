"""History that reads well in every admin language.

A revision's comment is stored as the admin's change message (JSON, the field
labels in English, as Django keeps them in its LogEntry) and put into words
when shown, in the reader's language (`describe`). Comments written as text
(an action's, or one saved before) are shown as they are.

Rich text is compared as the text a reader sees, not as HTML (`text_diff`).
"""

import json
import re
from html import unescape

import reversion
from django.conf import settings
from django.utils.html import format_html, strip_tags
from django.utils.text import get_text_list
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from reversion_compare.compare import DOES_NOT_EXIST
from reversion_compare.helpers import html_diff

from pressroom import calendars

EMPTY = "—"
# modeltranslation names a language's field "<label> [<code>]".
LANGUAGE_LABEL = re.compile(r"(?P<label>.+) \[(?P<code>[a-z]{2})\]")
IN_LANGUAGE = {
    "ru": _("in Russian"),
    "fa": _("in Persian"),
    "en": _("in English"),
}
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.I)


def verbose_name(label):
    """A form label (the verbose name, capitalised) translated, for mid-sentence."""
    lowered = label[:1].lower() + label[1:]
    for msgid in (lowered, label):
        translated = gettext(msgid)
        if translated != msgid:
            return translated
    return lowered


def field_label(label):
    """A stored (English) field label in the reader's language."""
    match = LANGUAGE_LABEL.fullmatch(label)
    if match and match["code"] in IN_LANGUAGE:
        return gettext("{field} {in_language}").format(
            field=verbose_name(match["label"]),
            in_language=IN_LANGUAGE[match["code"]],
        )
    return verbose_name(label)


def describe(comment):
    """A revision's comment in words, in the active language."""
    try:
        parts = json.loads(comment)
    except (TypeError, ValueError):
        return comment
    if not isinstance(parts, list):
        return comment
    sentences = []
    for part in parts:
        if "added" in part:
            added = part["added"]
            sentences.append(
                gettext("Added: {name} «{object}».").format(
                    name=gettext(added["name"]), object=added["object"]
                )
                if added
                else gettext("Created.")
            )
        elif "changed" in part:
            changed = part["changed"]
            fields = get_text_list(
                [field_label(label) for label in changed["fields"]], gettext("and")
            )
            sentences.append(
                gettext("Changed: {fields} of {name} «{object}».").format(
                    fields=fields,
                    name=gettext(changed["name"]),
                    object=changed["object"],
                )
                if "name" in changed
                else gettext("Changed: {fields}.").format(fields=fields)
            )
        elif "deleted" in part:
            deleted = part["deleted"]
            sentences.append(
                gettext("Deleted: {name} «{object}».").format(
                    name=gettext(deleted["name"]), object=deleted["object"]
                )
            )
    return " ".join(sentences) or gettext("No fields changed.")


def as_text(html):
    """Rich text as a reader reads it: the text, a paragraph per line."""
    return unescape(strip_tags(BLOCK_END.sub("\n", html or ""))).strip()


def text_diff(value1, value2):
    """The difference between two values, "—" for an empty one."""
    if not value1 and not value2:
        return EMPTY
    if not value1 or not value2:
        return format_html(
            "<del>{}</del><br><ins>{}</ins>", value1 or EMPTY, value2 or EMPTY
        )
    return html_diff(value1, value2)


def language_of(field_name):
    """The language of a translated field's name (`body_fa`), or None."""
    code = field_name.rsplit("_", 1)[-1]
    return code if code in dict(settings.LANGUAGES) else None


def shown(compare_object_value, text):
    """A version's value as text, "" where it has none (never "None")."""
    if compare_object_value in (None, "", DOES_NOT_EXIST):
        return ""
    return text


class ReadableHistory:
    """A model admin's history in the reader's language (before reversion's
    VersionAdmin in the bases).

    - each revision keeps the change message itself, put into words when shown;
    - rich text is compared as text, an empty value shows as "—", never "None";
    - a translated field's difference is marked with its language and
      direction, so Russian reads left to right inside the Persian admin.
    """

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def compare(self, obj, version1, version2):
        diff, has_unfollowed_fields = super().compare(obj, version1, version2)
        # A difference that shows nothing ("" against None) is no difference.
        diff = [item for item in diff if item["diff"] != EMPTY]
        for item in diff:
            code = language_of(getattr(item["field"], "name", ""))
            if code:
                item["diff"] = format_html(
                    '<div class="history-diff" lang="{}" dir="{}">{}</div>',
                    code,
                    "rtl" if code in settings.LANGUAGES_BIDI else "ltr",
                    item["diff"],
                )
        return diff, has_unfollowed_fields

    def fallback_compare(self, obj_compare):
        value1, value2 = obj_compare.to_string()
        if isinstance(obj_compare.field, ProseEditorField):
            value1, value2 = as_text(value1), as_text(value2)
        return text_diff(
            shown(obj_compare.value1, value1), shown(obj_compare.value2, value2)
        )

    def compare_ForeignKey(self, obj_compare):
        related1, related2 = obj_compare.get_related()
        return text_diff(*(shown(value, str(value)) for value in (related1, related2)))

    def compare_DateTimeField(self, obj_compare):
        return text_diff(
            *(
                calendars.format_datetime(value, get_language()) if value else ""
                for value in (obj_compare.value1, obj_compare.value2)
            )
        )
