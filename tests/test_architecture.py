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
