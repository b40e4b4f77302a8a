"""Search at 100,000 releases: the search page against a bare Django view, the
admin's release search, and how long indexing everything takes.

    .venv/bin/python bench/search.py --db sqlite --db postgresql
    .venv/bin/python bench/search.py --db sqlite --duration 3 --runs 1   # a look
    .venv/bin/python bench/search.py --db sqlite --reindex               # + indexing
    .venv/bin/python bench/search.py --db sqlite --duration 1 --runs 1 \
        --releases 2000 --database-url sqlite:///$PWD/bench/out/small.sqlite3  # a try

Uses the dataset of bench/make_dataset.py (built if missing) and the servers of
bench/common.py, as run.py does: the site with production settings under
gunicorn, page cache off (every search runs its queries; a total is remembered
per content generation, as a list's is), a bare view beside it, wrk
alternating bare and page. Searches measured:

- a rare word: «универсиада», in ~1% of the releases (/ru/);
- a word in about half the releases: the commonest English word of the
  dataset on /en/ (English is in ~60% of the releases, and such a word in
  nearly every one of them); the share is reported;
- the same word "newest first", and a Russian word in nearly every release.

The admin's search is timed in-process (its get_search_results, the count and
the first page of 50, median of 5) for a rare and a common word. `--reindex` times
`manage.py rebuild_search_index` over the whole dataset (minutes).

Writes bench/results/search-<db>.json and bench/results/search.md, the "Search"
section that bench/RESULTS.md ends with (run.py keeps it there).
"""

import argparse
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from urllib.parse import quote

from common import (
    OUT,
    POSTGRES_URL,
    PYTHON,
    ROOT,
    SQLITE_URL,
    Server,
    git_revision,
    machine_notes,
    median,
    prepare_static,
    replace_section,
    site_env,
    stop_on_signals,
    wrk,
)
from run import build_dataset

RESULTS = ROOT / "bench" / "results"
BARE_PORT, SITE_PORT = 8730, 8731  # beside newsroom.py's 8740-8743
DATABASES = {"sqlite": SQLITE_URL, "postgresql": POSTGRES_URL}
# Targets (issue 16): against the bare view; p99 at 32 connections; indexing.
RARE_TARGET, COMMON_TARGET, P99_TARGET, INDEX_TARGET = 0.1, 0.03, 300.0, 300.0
ADMIN_TARGET = 300.0

PICK = r"""
import json, os, statistics, time
import django
django.setup()
from django.contrib.auth import get_user_model
from django.utils import translation
from pressroom.models import PressRelease
from pressroom.search import Search
from pressroom.search_terms import Query
import bench.make_dataset as dataset

def count(word, language):
    with translation.override(language):
        return Search(Query(word, language)).count()

listed = {code: PressRelease.objects.listed(code).count() for code in ("ru", "en")}
shares = sorted(
    ((count(word, "en") / listed["ru"], word) for word in dataset.WORDS["en"][:40]),
    key=lambda item: abs(item[0] - 0.5),
)
half_share, half = shares[0]
rare = "универсиада"
common_ru = dataset.WORDS["ru"][0]
# The admin's search as its release list runs it: the matches, their count
# and the first page (in-process; the pages around it are the back-office's).
from django.contrib import admin as django_admin
from django.test import RequestFactory
model_admin = django_admin.site.get_model_admin(PressRelease)
request = RequestFactory().get("/admin/pressroom/pressrelease/")
request.user = get_user_model()(is_staff=True, is_superuser=True)
admin = {}
for label, word in (("rare", rare), ("common", common_ru)):
    times = []
    for _ in range(5):
        start = time.perf_counter()
        found, _ = model_admin.get_search_results(
            request, model_admin.get_queryset(request), word
        )
        total = found.count()
        page = list(found.order_by(*model_admin.ordering)[:50])
        times.append((time.perf_counter() - start) * 1000)
    admin[label] = {"word": word, "ms": statistics.median(times), "hits": total}
print(json.dumps({
    "listed": listed,
    "rare": {"word": rare, "hits": count(rare, "ru")},
    "half": {"word": half, "hits": count(half, "en"), "share": half_share},
    "common_ru": {"word": common_ru, "hits": count(common_ru, "ru")},
    "admin": admin,
}))
"""


def pick(env):
    output = subprocess.run(
        [str(PYTHON), "-c", PICK],
        cwd=ROOT,
        env={
            **env,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "config.settings",
        },
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(bare, site, path, args):
    url = site.url(path)
    wrk(url, duration=2, connections=args.connections)  # warm-up, discarded
    bare_runs, page_runs = [], []
    for _ in range(args.runs):
        site.wait_idle()
        bare_runs.append(wrk(bare.url("/"), args.duration, args.connections))
        bare.wait_idle()
        page_runs.append(wrk(url, args.duration, args.connections))
    site.wait_idle()
    bare_rps = median(run["rps"] for run in bare_runs)
    page_rps = median(run["rps"] for run in page_runs)
    return {
        "path": path,
        "rps": page_rps,
        "bare_rps": bare_rps,
        "ratio": page_rps / bare_rps if bare_rps else 0.0,
        "p99": median(run.get("p99") for run in page_runs),
        "errors": sum(run["errors"] + run["non_2xx_3xx"] for run in page_runs),
    }


def reindex(env):
    start = time.monotonic()
    subprocess.run(
        [str(PYTHON), "manage.py", "rebuild_search_index"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return time.monotonic() - start


def run_database(name, args):
    database_url = args.database_url or DATABASES[name]
    build_dataset(database_url, args.releases)
    env = site_env(database_url, SITE_PORT, 0)
    result = {
        "database": name,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_notes(),
        "settings": {"duration": args.duration, "runs": args.runs},
        "revision": git_revision(),
    }
    if args.reindex:
        result["index_seconds"] = reindex(env)
    prepare_static(env)  # the admin's pages, timed in pick(), need it too
    picked = pick(env)
    result["picked"] = picked
    pages = {
        "rare word": f"/ru/search/?q={quote(picked['rare']['word'])}",
        "word in half": f"/en/search/?q={quote(picked['half']['word'])}",
        "word in half, newest first": (
            f"/en/search/?q={quote(picked['half']['word'])}&order=newest"
        ),
        "word in nearly all (ru)": (
            f"/ru/search/?q={quote(picked['common_ru']['word'])}"
        ),
    }
    bare_env = site_env(database_url, BARE_PORT, 0)
    bare_env["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"
    rows = {}
    bare = Server("bench.bare.wsgi:application", BARE_PORT, bare_env, "bare-search")
    site = Server("config.wsgi", SITE_PORT, env, f"site-search-{name}")
    with bare.start(), site.start("/ru/"):
        for page, path in pages.items():
            rows[page] = measure(bare, site, path, args)
            row = rows[page]
            print(
                f"  {name:10} {page:28} {row['rps']:7.0f} req/s  ratio "
                f"{row['ratio']:.3f}  p99 {row['p99']:.0f} ms",
                flush=True,
            )
    result["pages"] = rows
    result["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    result["load_after"] = machine_notes()["load"]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"search-{name}.json").write_text(
        json.dumps(result, indent=1, ensure_ascii=False)
    )
    return result


def target(page):
    return RARE_TARGET if page == "rare word" else COMMON_TARGET


def section():
    """The "Search" section of RESULTS.md, from the results of each database."""
    lines = [
        "## Search",
        "",
        "Generated by `bench/search.py` (its docstring says what is measured). "
        "Page cache off; ratios against the bare view measured alternately; "
        f"targets: rare word ≥ {RARE_TARGET}, word in half the releases ≥ "
        f"{COMMON_TARGET} of the bare view, p99 < {P99_TARGET:.0f} ms at 32 "
        f"connections; indexing 100,000 releases in three languages < "
        f"{INDEX_TARGET / 60:.0f} min; the admin's search < {ADMIN_TARGET:.0f} ms.",
    ]
    for name in DATABASES:
        path = RESULTS / f"search-{name}.json"
        if not path.exists():
            continue
        result = json.loads(path.read_text())
        picked, machine = result["picked"], result["machine"]
        lines += [
            "",
            f"### {name}",
            "",
            f"Run {result['started']} – {result['finished']} (UTC), revision "
            f"{result['revision']}, wrk {result['settings']['runs']} × "
            f"{result['settings']['duration']} s a page. Load average before "
            f"{machine['load'][0]:.2f}, after {result['load_after'][0]:.2f}. "
            f"Matches: «{picked['rare']['word']}» {picked['rare']['hits']:,}; "
            f'"{picked["half"]["word"]}" {picked["half"]["hits"]:,} '
            f"({picked['half']['share']:.0%} of the releases); "
            f"«{picked['common_ru']['word']}» {picked['common_ru']['hits']:,}.",
            "",
            "| search | req/s | ratio | p99 | target met? |",
            "|---|--:|--:|--:|---|",
        ]
        for page, row in result["pages"].items():
            misses = []
            if page in ("rare word", "word in half") and row["ratio"] < target(page):
                misses.append(f"{row['ratio']:.3f} < {target(page)}")
            if row["p99"] is not None and row["p99"] >= P99_TARGET:
                misses.append(f"p99 {row['p99']:.0f} ms")
            verdict = "yes" if not misses else "**no**: " + "; ".join(misses)
            lines.append(
                f"| {page} `{row['path']}` | {row['rps']:.0f} | {row['ratio']:.3f} "
                f"| {row['p99']:.0f} ms | {verdict} |"
            )
        admin = picked["admin"]
        lines += [
            "",
            "Admin release search (in-process, median of 5): "
            + "; ".join(
                f"«{item['word']}» {item['ms']:.0f} ms" for item in admin.values()
            )
            + ".",
        ]
        if "index_seconds" in result:
            lines.append(
                f"Indexing everything (`rebuild_search_index`): "
                f"{result['index_seconds'] / 60:.1f} min."
            )
    return "\n".join(lines) + "\n"


def write_report():
    (RESULTS / "search.md").write_text(section())
    replace_section("## Search", section())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", action="append", choices=list(DATABASES))
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--reindex", action="store_true")
    parser.add_argument(
        "--database-url",
        help="another dataset than the database's default (one --db only; a look "
        "at a small one: `--releases 2000 --database-url sqlite:///.../small.sqlite3`)",
    )
    args = parser.parse_args()
    if args.database_url and len(args.db or ["sqlite"]) > 1:
        parser.error("--database-url goes with one --db")
    stop_on_signals()
    OUT.mkdir(parents=True, exist_ok=True)
    for name in args.db or ["sqlite"]:
        run_database(name, args)
    write_report()
    print(f"wrote {RESULTS / 'search.md'} and the Search section of RESULTS.md")


if __name__ == "__main__":
    sys.exit(main())
