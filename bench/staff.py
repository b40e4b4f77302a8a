"""The newsroom's staff at work, through the admin's HTTP forms, as a browser.

Each action GETs a change form, changes a field or two in what the form holds
and POSTs it all back (hidden fields, inline management forms, whatever the
form gains later: version checks, confirmation steps). A form answered with
another form (a confirmation page) is submitted once more. Adapt here when the
admin's forms change.
"""

import http.cookiejar
import re
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class Form(HTMLParser):
    """The fields of the first form with method=post, as a browser sends them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields, self.inside, self.select, self.textarea = [], False, None, None
        self.done = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.inside = not self.done
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image", "reset"):
                self.fields.append(
                    [name, attrs.get("value", "on" if kind == "checkbox" else "")]
                )
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.fields.append(self.textarea)
        elif tag == "select" and name:
            self.select = [name, None]
            self.fields.append(self.select)
        elif (
            tag == "option"
            and self.select is not None
            and (self.select[1] is None or "selected" in attrs)
        ):
            self.select[1] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


class Browser:
    """One member of staff, signed in to the admin of `site`."""

    def __init__(self, site, username, password):
        self.site = site
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )
        self.submit(
            "/admin/login/?next=/admin/", {"username": username, "password": password}
        )

    def open(self, path, data=None):
        body = None if data is None else urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.site + path, data=body)
        if data is not None:
            request.add_header("Referer", self.site + path)
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()

    def submit(self, path, changes, button="_save"):
        """GET the form at `path`, apply `changes`, POST it; True when saved."""
        for _step in range(2):  # the form, then a confirmation page if any
            _status, _url, page = self.open(path)
            form = Form()
            form.feed(page)
            fields = [(name, value or "") for name, value in form.fields]
            fields = [(n, v) for n, v in fields if n not in changes]
            fields += [*list(changes.items()), (button, "1")]
            _status, url, answer = self.open(path, fields)
            if (
                urllib.parse.urlsplit(url).path
                != urllib.parse.urlsplit(self.site + path).path
            ):
                return True  # redirected: saved
            if 'class="errornote"' in answer or "errorlist" in answer:
                return False
            changes = {}  # a confirmation step: submit what it holds
        return False


def release_form(pk):
    return f"/admin/pressroom/pressrelease/{pk}/change/"


def now_fields(moment):
    """The admin's split date/time widget, in the site's time zone."""
    return {
        "published_at_0": moment.strftime("%Y-%m-%d"),
        "published_at_1": moment.strftime("%H:%M:%S"),
    }


def title_of(page):
    match = re.search(r'name="title_ru"[^>]*value="([^"]*)"', page)
    return match and match.group(1)
