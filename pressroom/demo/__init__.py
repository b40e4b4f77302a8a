"""The demo content of `make run`: TOML files in this folder, loaded by
`manage.py load_demo`.

The content is data, not code: one TOML file per part of the demo
(``releases.toml``, ``journalists.toml``, …), each explained by the comment at
its top, editable without reading Python. A translated field is a table of
languages (``name = {ru = "…", fa = "…", en = "…"}``); a language left out is
not translated. A long text may be a list of paragraphs (``text()`` joins them).

Each app registers the part it loads, in its ``AppConfig.ready()``, with
``register(name, load)``: ``name`` is both the part's name on the command line
and its file, ``load(data)`` turns the file's data into rows and returns a line
for the console. Registering, rather than the loader naming each app, keeps the
imports pointing one way: the apps built on ``pressroom`` (the partner-city app)
add their part without ``pressroom`` knowing them. Django readies the apps in the
order of ``INSTALLED_APPS``, so the press releases load first and a later part
may rely on them (``releases.loaded_release()`` finds a release by its key).

What every part promises: loading again adds nothing, and what staff have since
edited or deleted is left as it is. A part adds an item only where none with the
same natural key exists (a topic's or a city's slug), or only into a site that
has none of its kind (releases, which have no natural key an editor cannot
change).
"""

import tomllib
from pathlib import Path

from django.conf import settings

FOLDER = Path(__file__).resolve().parent

parts = {}


def register(name, load):
    """Load ``<name>.toml`` with ``load(data)`` when the demo is loaded."""
    parts[name] = load


def read(name):
    """The data of one part's file."""
    with (FOLDER / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def text(value):
    """A text, written whole or as a list of paragraphs."""
    return "".join(value) if isinstance(value, list) else value


def translated(field, texts):
    """Model field values (``title_ru``, ``title_fa``, …) from a table of languages;
    a language the table leaves out is left empty (not translated)."""
    return {
        f"{field}_{code}": text(texts.get(code, ""))
        for code, _name in settings.LANGUAGES
    }
