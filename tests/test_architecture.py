"""The house's one rule of direction: `cities` builds on `pressroom`, never the
reverse (docs/architecture.md). `cities` adds itself through the hooks
`pressroom` offers; a `pressroom` module importing `cities` would tie them."""

import ast
import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module or ""


def test_pressroom_never_imports_cities():
    offending = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in sorted((ROOT / "pressroom").rglob("*.py"))
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if module == "cities" or module.startswith("cities.")
    ]
    assert offending == []


CITIES = re.compile(r"(?<![A-Za-z_])cities(?![A-Za-z_])", re.IGNORECASE)
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext"}


def cities_named(path):
    """Where a module names the cities app: in code, a string (a model label
    "cities.city", a URL name "cities:list") or a comment. A translatable
    msgid is reader-facing wording ("partner cities"), not a name of the app."""
    source = path.read_text()
    tree = ast.parse(source)
    wording = {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT
        for arg in node.args
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in wording and CITIES.search(node.value):
                yield node.lineno
        elif isinstance(node, ast.Name | ast.Attribute | ast.alias):
            name = getattr(node, "id", None) or getattr(node, "attr", None)
            if CITIES.search(name or getattr(node, "name", "")):
                yield node.lineno
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and CITIES.search(token.string):
            yield token.start[0]


def test_pressroom_never_names_cities():
    """Not even in a URL name, a permission or a comment: `cities` registers what
    it adds through hooks (its site page, sitemap section, role permissions…)."""
    offending = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "pressroom").rglob("*.py"))
        if "migrations" not in path.parts
        for line in cities_named(path)
    ]
    assert offending == []


def test_no_test_module_imports_another():
    """Shared helpers live in modules of their own (factories, admin_client,
    pages…): a test module imported by another runs its tests twice and hides
    where a helper lives."""
    offending = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                names += [f"{node.module or ''}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            if any(name.split(".")[-1].startswith("test_") for name in names):
                offending.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offending == []
