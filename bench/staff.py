"""The newsroom's staff at work, through the admin's HTTP forms, as a browser.

Each action GETs a change form, changes a field or two in what the form holds
and POSTs it all back (hidden fields, inline management forms, whatever the
form gains later: version checks, confirmation steps). A form answered with
another form (a confirmation page) is submitted once more. Adapt here when the
admin's forms change.
"""

import html
import http.cookies
import re
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class Form(HTMLParser):
    """The fields of the page's largest POST form (the change form, not the
    header's log-out form), as a browser sends them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.current, self.select, self.textarea = [], None, None, None

    @property
    def fields(self):
        return max(self.forms, key=len, default=[])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.current = []
            self.forms.append(self.current)
        if self.current is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image", "reset"):
                default = "on" if kind == "checkbox" else ""
                self.current.append([name, attrs.get("value", default)])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.current.append(self.textarea)
        elif tag == "select" and name and "multiple" in attrs:
            self.select = name  # each selected option is a field of its own
        elif tag == "select" and name:
            self.select = [name, None]
            self.current.append(self.select)
        elif tag == "option" and isinstance(self.select, str):
            if "selected" in attrs:
                self.current.append([self.select, attrs.get("value", "")])
        elif (
            tag == "option"
            and self.select is not None
            and (self.select[1] is None or "selected" in attrs)
        ):
            self.select[1] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


# The confirmation page's "Confirm and save": a button whose value is the
# signature of the change of state the person accepts.
CONFIRM_BUTTON = re.compile(
    r'<button type="submit" name="(?P<name>_publishing_confirmed)"'
    r' value="(?P<value>[^"]*)"'
)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One member of staff, signed in to the admin of `site`.

    Cookies are kept by hand: the site marks them Secure (production settings),
    which a cookie jar would not send back over the bench's plain HTTP.
    """

    def __init__(self, site, username, password):
        self.site, self.cookies = site, http.cookies.SimpleCookie()
        self.opener = urllib.request.build_opener(NoRedirect)
        self.submit("/admin/login/", {"username": username, "password": password})

    def open(self, path, data=None):
        """(status, the address it ended at, body), following redirects."""
        for _hop in range(5):
            body = None if data is None else urllib.parse.urlencode(data).encode()
            request = urllib.request.Request(self.site + path, data=body)
            cookie = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
            request.add_header("Cookie", cookie)
            if data is not None:
                request.add_header("Referer", self.site + path)
            try:
                response = self.opener.open(request, timeout=30)
            except urllib.error.HTTPError as error:
                response = error
            with response:
                for header in response.headers.get_all("Set-Cookie") or []:
                    self.cookies.load(header)
                page = response.read().decode()
                if response.status not in (301, 302, 303):
                    return response.status, path, page
                path = urllib.parse.urlsplit(response.headers["Location"]).path
                data = None
        return response.status, path, page

    def submit(self, path, changes, button="_save"):
        """GET the form at `path`, apply `changes`, POST it; True when saved."""
        _status, _url, page = self.open(path)
        for _step in range(2):  # the form, then a confirmation page if any
            form = Form()
            form.feed(page)
            fields = [(name, value or "") for name, value in form.fields]
            fields = [(n, v) for n, v in fields if n not in changes]
            fields += list(changes.items()) + ([(button, "1")] if button else [])
            _status, ended, answer = self.open(path, fields)
            if ended != urllib.parse.urlsplit(path).path:
                return True  # redirected: saved
            # A confirmation page carries the form: confirm what it shows.
            confirm = CONFIRM_BUTTON.search(answer)
            if confirm is None or 'class="errornote"' in answer:
                return False
            value = html.unescape(confirm["value"])
            page, changes, button = answer, {confirm["name"]: value}, None
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
