"""The house's one rule of direction: `cities` builds on `pressroom`, never the
reverse (docs/architecture.md). `cities` adds itself through the hooks
`pressroom` offers; a `pressroom` module importing `cities` would tie them."""

import ast
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
