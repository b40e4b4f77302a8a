"""Plain helpers that make test data; every default can be overridden.

Each language's default text is written in that language only: Persian text in
Persian letters and digits, so a page scan for Latin digits or Cyrillic letters
finds only what the site itself put there.
"""

import datetime
import io
import itertools
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from pressroom.calendars import fa_digits
from pressroom.models import Attachment, PressRelease, Topic
from pressroom.search_index import index_object

_numbers = itertools.count(1)

TEXTS = {
    "ru": {
        "title": "Новости Казани, выпуск {n}",
        "lead": "Краткое содержание пресс-релиза.",
        "body": "<p>Текст пресс-релиза о жизни города.</p>",
        "dateline": "Казань",
    },
    "fa": {
        "title": "خبر کازان، شماره {n}",
        "lead": "خلاصه این خبر.",
        "body": "<p>متن خبر درباره زندگی شهر.</p>",
        "dateline": "کازان",
    },
    "en": {
        "title": "Kazan news, issue {n}",
        "lead": "A summary of the press release.",
        "body": "<p>The text of the press release about city life.</p>",
        "dateline": "Kazan",
    },
}


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


def make_topic(**kwargs):
    n = next(_numbers)
    kwargs.setdefault("slug", f"topic-{n}")
    kwargs.setdefault("name_ru", f"Тема {n}")
    kwargs.setdefault("name_fa", f"موضوع {fa_digits(n)}")
    kwargs.setdefault("name_en", f"Topic {n}")
    return Topic.objects.create(**kwargs)


def build_release(languages=("ru", "fa", "en"), **kwargs):
    """An unsaved published release with text in `languages` (fields derived)."""
    n = next(_numbers)
    for language in languages:
        for name, text in TEXTS[language].items():
            number = fa_digits(n) if language == "fa" else n
            kwargs.setdefault(f"{name}_{language}", text.format(n=number))
    kwargs.setdefault("status", PressRelease.Status.PUBLISHED)
    kwargs.setdefault("published_at", ago(hours=1))
    release = PressRelease(**kwargs)
    release.derive_fields()
    return release


def make_release(languages=("ru", "fa", "en"), topics=(), **kwargs):
    release = build_release(languages, **kwargs)
    release.save()
    if topics:
        release.topics.set(topics)
    return release


def make_releases(count, languages=("ru", "fa", "en"), **kwargs):
    """Many releases at once, one minute apart, newest first (bulk insert, then
    indexed for search as saving each would)."""
    start = kwargs.pop("published_at", ago(hours=1))
    releases = [
        build_release(
            languages, published_at=start - datetime.timedelta(minutes=i), **kwargs
        )
        for i in range(count)
    ]
    made = PressRelease.objects.bulk_create(releases)
    for release in made:
        index_object(release)
    return made


def make_attachment(release, **kwargs):
    kwargs.setdefault("title_ru", "Текст соглашения")
    kwargs.setdefault("title_fa", "متن توافق‌نامه")
    kwargs.setdefault("title_en", "The agreement")
    kwargs.setdefault("file", ContentFile(b"%PDF-1.4\n" + b"x" * 3000, name="doc.pdf"))
    return Attachment.objects.create(release=release, **kwargs)


def make_image(name="photo.jpg", size=(640, 360)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 92, 74)).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


def make_user(**kwargs):
    n = next(_numbers)
    kwargs.setdefault("username", f"user{n}")
    # No password: tests log in with force_login, and hashing one is slow.
    return get_user_model().objects.create_user(**kwargs)


def make_staff(**kwargs):
    """A staff user who may view press releases (and so preview drafts)."""
    kwargs.setdefault("is_staff", True)
    user = make_user(**kwargs)
    user.user_permissions.add(
        Permission.objects.get(
            codename="view_pressrelease", content_type__app_label="pressroom"
        )
    )
    return user


class _VisibleText(HTMLParser):
    """Collect what a reader sees: text nodes, without scripts, styles or attributes.

    With `skip_foreign`, text inside an element that declares another language
    (`lang="ru"` on the language switcher, say) is left out too.
    """

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link"}
    VOID |= {"meta", "source", "track", "wbr"}

    def __init__(self, language=None):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack = []
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        hidden = tag in ("script", "style", "template") or bool(
            self.language and lang and lang != self.language
        )
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not any(hidden for _tag, hidden in self.stack):
            self.parts.append(data)


def visible_text(response_or_html, skip_foreign=False):
    """The text nodes of a page, joined by spaces."""
    html = getattr(response_or_html, "content", response_or_html)
    if isinstance(html, bytes):
        html = html.decode()
    language = None
    if skip_foreign:
        match = re.search(r'<html lang="([^"]+)"', html)
        language = match and match.group(1)
    parser = _VisibleText(language)
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def hreflang_links(response):
    """{hreflang: href} from the page's `<link rel="alternate" hreflang>` tags."""
    pattern = r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">'
    return dict(re.findall(pattern, response.content.decode()))


def switcher_links(response):
    """{language: href} of the language switcher (the current language has none)."""
    html = response.content.decode()
    nav = re.search(r'<nav class="lang-switcher".*?</nav>', html, re.S).group(0)
    return {
        lang: href
        for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)
    }


def canonical_url(response):
    match = re.search(
        r'<link rel="canonical" href="([^"]+)">', response.content.decode()
    )
    return match and match.group(1)


def meta_property(response, name):
    """Every `content` of `<meta property=name>`, in page order."""
    pattern = rf'<meta property="{re.escape(name)}" content="([^"]*)">'
    return re.findall(pattern, response.content.decode())


def sitemap_pages(client, section):
    """The XML of every page of a sitemap section, as the index lists them."""
    index = client.get("/sitemap.xml").content.decode()
    pages = []
    for location in re.findall(r"<loc>([^<]+)</loc>", index):
        parts = urlsplit(unescape(location))
        if parts.path == f"/sitemap-{section}.xml":
            query = f"?{parts.query}" if parts.query else ""
            pages.append(client.get(parts.path + query).content.decode())
    return pages


# The admin's forms, as a browser submits them


def change_url(obj):
    return reverse(
        f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]
    )


def add_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _widget_values(key, widget, value):
    """The POST items a browser would send for `widget` showing `value`."""
    if isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return {}
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        items = {}
        for index, (sub, part) in enumerate(zip(widget.widgets, parts, strict=False)):
            items.update(_widget_values(f"{key}_{index}", sub, part))
        return items
    if isinstance(widget, forms.CheckboxInput):
        return {key: "on"} if widget.check_test(value) else {}
    if isinstance(widget, forms.SelectMultiple):
        return {key: [str(getattr(item, "pk", item)) for item in value or []]}
    if isinstance(widget, forms.Select):
        return {key: "" if value is None else str(getattr(value, "pk", value))}
    if isinstance(value, datetime.datetime | datetime.time):
        value = (
            value.strftime("%H:%M:%S") if isinstance(value, datetime.time) else value
        )
    if isinstance(value, datetime.date | datetime.datetime):
        value = value.isoformat()
    formatted = widget.format_value(value)
    return {key: "" if formatted is None else str(formatted)}


def _form_values(form):
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        bound = form[name]
        key = form.add_prefix(name)
        data.update(_widget_values(key, field.widget, bound.value()))
        if field.show_hidden_initial:
            data.update(
                _widget_values(
                    form.add_initial_prefix(name), field.hidden_widget(), bound.initial
                )
            )
    return data


def form_data(response):
    """The POST data of an admin change form as the browser would submit it."""
    data = _form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in formset.forms:
            data.update(_form_values(form))
    return data


EVENT_TEXTS = {
    "ru": {"title": "Брифинг {n}", "place": "Казанская ратуша"},
    "fa": {"title": "نشست خبری {n}", "place": "تالار شهر کازان"},
    "en": {"title": "Briefing {n}", "place": "Kazan City Hall"},
}


def make_event(languages=("ru", "fa", "en"), releases=(), **kwargs):
    """An event in `languages`, by default tomorrow at 11:00 for an hour."""
    from pressroom.events.models import Event

    n = next(_numbers)
    for language in languages:
        for name, text in EVENT_TEXTS[language].items():
            number = fa_digits(n) if language == "fa" else n
            kwargs.setdefault(f"{name}_{language}", text.format(n=number))
    start = timezone.localtime().replace(hour=11, minute=0, second=0, microsecond=0)
    kwargs.setdefault("starts_at", start + datetime.timedelta(days=1))
    kwargs.setdefault("ends_at", kwargs["starts_at"] + datetime.timedelta(hours=1))
    event = Event.objects.create(**kwargs)
    if releases:
        event.releases.set(releases)
    return event


def make_officer(**kwargs):
    from pressroom.desk.models import PressOfficer

    n = next(_numbers)
    kwargs.setdefault("name_ru", f"Анна Иванова {n}")
    kwargs.setdefault("name_fa", f"آنا ایوانووا {fa_digits(n)}")
    kwargs.setdefault("name_en", f"Anna Ivanova {n}")
    kwargs.setdefault("role_ru", "Пресс-секретарь")
    kwargs.setdefault("role_fa", "سخنگو")
    kwargs.setdefault("role_en", "Press officer")
    kwargs.setdefault("phone", "+7 (843) 111-22-33")
    kwargs.setdefault("email", f"officer{n}@example.org")
    topics = kwargs.pop("topics", ())
    officer = PressOfficer.objects.create(**kwargs)
    if topics:
        officer.topics.set(topics)
    return officer


def make_subscription(**kwargs):
    """A confirmed subscription (made as confirming a link makes it)."""
    from pressroom.alerts.models import Subscription

    n = next(_numbers)
    kwargs.setdefault("email", f"reader{n}@example.org")
    kwargs.setdefault("language", "ru")
    kwargs.setdefault("everything", True)
    kwargs.setdefault("confirmation", f"{n:064d}")
    kwargs.setdefault("confirmed_at", timezone.now())
    return Subscription.objects.create(**kwargs)


def confirm_publishing(client, response):
    """Press "Confirm and save" on the publishing confirmation page `response`."""
    html = response.content.decode()
    assert 'name="_publishing_confirmed"' in html, "not the confirmation page"
    form = re.search(r'<form method="post" action="([^"]*)">(.*?)</form>', html, re.S)
    data = {}
    for name, value in re.findall(
        r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(2)
    ):
        if name != "csrfmiddlewaretoken":
            data.setdefault(unescape(name), []).append(unescape(value))
    button = re.search(
        r'<button type="submit" name="_publishing_confirmed" value="([^"]*)"', html
    )
    data["_publishing_confirmed"] = unescape(button.group(1))
    return client.post(unescape(form.group(1)), data)


def photo(size=(1400, 900), color=(11, 92, 74), noise=False, name="photo.jpg"):
    """A JPEG upload: plain colour, or noise (which compresses badly: a big file)."""
    picture = (
        Image.effect_noise(size, 90).convert("RGB")
        if noise
        else Image.new("RGB", size, color)
    )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=95)
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")
