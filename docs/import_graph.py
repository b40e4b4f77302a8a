"""Print the house as a Mermaid graph: which module of the site imports which.

    python docs/import_graph.py > docs/imports.mmd

Modules of `config`, `pressroom` and `cities` (a sub-package such as
`pressroom.admin` is one box; migrations and management commands are left out),
and an arrow for each import between them. docs/architecture.md embeds the
output; regenerate it when the imports change.
"""

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "pressroom", "cities")
LEFT_OUT = ("migrations", "management")
SUBPACKAGES = {
    "admin",
    "alerts",
    "events",
    "desk",
    "templatetags",
    "jinja2_helpers",
    "models",
}


# The parts of the house; a module not named here belongs to its package's
# default ("press releases" for pressroom).
PARTS = {
    "the site's shell": ("config", "pressroom.shell"),
    "languages and dates": (
        "pressroom.calendars",
        "pressroom.text",
        "pressroom.html",
        "pressroom.jinja2_helpers",
    ),
    "search": (
        "pressroom.search",
        "pressroom.search_ids",
        "pressroom.search_index",
        "pressroom.search_results",
        "pressroom.search_syntax",
        "pressroom.search_terms",
    ),
    "back office": (
        "pressroom.admin",
        "pressroom.templatetags",
        "pressroom.backoffice",
        "pressroom.backoffice_templates",
        "pressroom.roles",
        "pressroom.rosetta",
        "pressroom.second_factor",
        "pressroom.signin",
        "pressroom.publishing",
        "pressroom.presence",
        "pressroom.history",
        "pressroom.forbidden",
        "pressroom.concurrent_edits",
        "pressroom.concurrent_rows",
        "pressroom.concurrent_values",
        "pressroom.local_numbers",
    ),
    "journalists": ("pressroom.alerts", "pressroom.events", "pressroom.desk"),
    "partner cities": ("cities",),
}
DEFAULT = "press releases"


def part(module):
    """The part of the house a dotted module name belongs to, or None."""
    if module.split(".")[0] not in PACKAGES:
        return None
    best = max(
        (
            (len(prefix), name)
            for name, prefixes in PARTS.items()
            for prefix in prefixes
            if module == prefix or module.startswith(prefix + ".")
        ),
        default=(0, DEFAULT),
    )
    return best[1]


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            if any(part in LEFT_OUT for part in relative.parts):
                continue
            name = ".".join(relative.parts).removesuffix(".__init__")
            yield name, path


def imports(name, path):
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def graph():
    """{part: [modules]} and {(part, part): how many imports}."""
    members = defaultdict(list)
    edges = defaultdict(int)
    for name, path in modules():
        source = part(name)
        members[source].append(name)
        for imported in set(map(part, imports(name, path))) - {None, source}:
            edges[source, imported] += 1
    return members, edges


def mermaid(members, edges):
    node = {name: f"p{index}" for index, name in enumerate(sorted(members))}
    lines = ["graph TD"]
    for name in sorted(members):
        lines.append(f'  {node[name]}["{name}<br/>{len(members[name])} modules"]')
    for (source, target), count in sorted(edges.items()):
        lines.append(f"  {node[source]} -- {count} --> {node[target]}")
    return "\n".join(lines)


if __name__ == "__main__":
    members, edges = graph()
    sys.stdout.write(mermaid(members, edges) + "\n")
    if "--members" in sys.argv:
        for name in sorted(members):
            sys.stdout.write(f"\n{name}: {', '.join(sorted(members[name]))}\n")
