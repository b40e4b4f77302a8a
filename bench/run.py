"""Load benchmark: the public pages at 100,000 releases, against a bare Django view.

    .venv/bin/python bench/run.py --db sqlite --db postgresql      # or: make bench

For each database: build the dataset if it is missing (bench/make_dataset.py),
serve the site with production settings under gunicorn (`-c config/gunicorn.py`)
and, beside it, a bare Django project (bench/bare/) returning 20 KB of HTML with
the same gunicorn settings. Each page is measured cold (page cache off) and warm
(page cache on, warmed first) with `wrk -t2 -c32 -d8s --latency`, alternating
bare, page, bare, page... three times; a page's ratio is its median req/s over the
bare view's median req/s from the same alternation, so what else the machine is
doing weighs on both. Writes bench/results/<db>.json and bench/RESULTS.md.
Only 127.0.0.1 is ever contacted; every server it starts, it stops.
"""

import argparse
import json
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from urllib.parse import unquote

from common import (
    OUT,
    POSTGRES_URL,
    PYTHON,
    REDIS_URL,
    ROOT,
    SQLITE_URL,
    Server,
    fetch,
    git_revision,
    machine_notes,
    median,
    pick_urls,
    prepare_static,
    replace_section,
    site_env,
    stop_on_signals,
    wrk,
)

RESULTS = ROOT / "bench" / "results"
BARE_PORT, SITE_PORT = 8710, 8711
WARM_SECONDS = 600
# Targets (issue 7): warm >= 0.8 of bare; cold >= 0.3 (release) or 0.15 (others);
# p99 under 100 ms at 32 connections.
WARM_TARGET, COLD_RELEASE_TARGET, COLD_TARGET, P99_TARGET = 0.8, 0.3, 0.15, 100.0
DATABASES = {"sqlite": SQLITE_URL, "postgresql": POSTGRES_URL}


def cold_target(page):
    return COLD_RELEASE_TARGET if page == "release" else COLD_TARGET


def build_dataset(database_url, releases):
    command = [
        str(PYTHON),
        "bench/make_dataset.py",
        "--releases",
        str(releases),
        "--database-url",
        database_url,
        "--if-missing",
    ]
    print("$", shlex.join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def measure(bare, site, path, args):
    """Alternate bare and page runs; medians of req/s and p99."""
    url = site.url(path)
    status, body, headers = fetch(url)
    if status != 200:
        raise RuntimeError(f"{url} answered {status}")
    # Warm-up, discarded: imports, templates, database and page caches.
    wrk(url, duration=2, connections=args.connections)
    bare_runs, page_runs = [], []
    for _ in range(args.runs):
        site.wait_idle()
        bare_runs.append(wrk(bare.url("/"), args.duration, args.connections))
        bare.wait_idle()
        page_runs.append(wrk(url, args.duration, args.connections))
    site.wait_idle()
    strip = [{k: v for k, v in run.items() if k != "raw"} for run in page_runs]
    bare_rps = median(run["rps"] for run in bare_runs)
    page_rps = median(run["rps"] for run in page_runs)
    return {
        "path": path,
        "bytes": len(body),
        "cache": headers.get("X-Page-Cache", ""),
        "bare_rps": bare_rps,
        "bare_p99": median(run.get("p99") for run in bare_runs),
        "rps": page_rps,
        "ratio": page_rps / bare_rps if bare_rps else 0.0,
        "p99": median(run.get("p99") for run in page_runs),
        "errors": sum(run["errors"] for run in page_runs),
        "non_2xx_3xx": sum(run["non_2xx_3xx"] for run in page_runs),
        "runs": strip,
        "bare_runs": [run["rps"] for run in bare_runs],
    }


def run_database(name, args):
    database_url = DATABASES[name]
    build_dataset(database_url, args.releases)
    redis = (
        REDIS_URL
        if (args.redis == "on" or (args.redis == "auto" and name == "postgresql"))
        else None
    )
    picked = pick_urls(database_url)
    pages = picked["urls"]
    if args.only:
        pages = {
            page: path
            for page, path in pages.items()
            if any(o in page for o in args.only)
        }
    print(
        f"{name}: {picked['releases']} listed ru releases, "
        f"search hits {picked['search_hits']}"
    )
    bare_env = site_env(database_url, BARE_PORT, 0)
    bare_env["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"
    result = {
        "database": name,
        "database_url": database_url,
        "redis": redis,
        "dataset": {k: v for k, v in picked.items() if k != "urls"},
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_notes(),
        "settings": {
            "duration": args.duration,
            "runs": args.runs,
            "connections": args.connections,
            "threads": 2,
        },
        "modes": {},
    }
    prepare_static(site_env(database_url, SITE_PORT, 0, redis))
    bare = Server("bench.bare.wsgi:application", BARE_PORT, bare_env, "bare").start()
    try:
        for mode in args.modes:
            seconds = 0 if mode == "cold" else WARM_SECONDS
            env = site_env(database_url, SITE_PORT, seconds, redis)
            with Server("config.wsgi", SITE_PORT, env, f"site-{name}").start(
                "/ru/"
            ) as site:
                rows = {}
                for page, path in pages.items():
                    print(f"  {mode:4} {page:24} {path}", flush=True)
                    rows[page] = measure(bare, site, path, args)
                    row = rows[page]
                    print(
                        f"       {row['rps']:8.0f} req/s  ratio {row['ratio']:.2f}  "
                        f"p99 {row['p99']:.1f} ms  (bare {row['bare_rps']:.0f})  "
                        f"{row['bytes']} bytes",
                        flush=True,
                    )
                result["modes"][mode] = rows
    finally:
        bare.stop()
    result["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    result["load_after"] = machine_notes()["load"]
    result["command"] = args.command
    result["revision"] = git_revision()
    if args.only:
        return result  # a partial run, for investigating: not a result to keep
    for mode in result["modes"]:
        result.setdefault("mode_runs", {})[mode] = {
            key: result[key] for key in ("started", "finished", "revision", "command")
        }
    path = RESULTS / f"{name}.json"
    if path.exists() and set(result["modes"]) != {"cold", "warm"}:
        # One mode measured again (--modes warm): the other is kept, and each
        # mode says when and at which revision it was measured.
        kept = json.loads(path.read_text())
        for mode, rows in kept["modes"].items():
            if mode not in result["modes"]:
                result["modes"][mode] = rows
                result["mode_runs"][mode] = kept.get("mode_runs", {}).get(
                    mode,
                    {key: kept[key] for key in ("started", "finished", "revision")}
                    | {"command": kept.get("command", "")},
                )
    RESULTS.mkdir(exist_ok=True)
    path.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return result


def verdict(page, cold, warm):
    misses = []
    if cold and cold["ratio"] < cold_target(page):
        misses.append(f"cold {cold['ratio']:.3f} < {cold_target(page)}")
    if warm and warm["ratio"] < WARM_TARGET:
        misses.append(f"warm {warm['ratio']:.2f} < {WARM_TARGET}")
    for label, row in (("cold", cold), ("warm", warm)):
        if row and row["p99"] is not None and row["p99"] >= P99_TARGET:
            misses.append(f"{label} p99 {row['p99']:.0f} ms")
        if row and (row["errors"] or row["non_2xx_3xx"]):
            misses.append(f"{label} errors")
    return "yes" if not misses else "**no**: " + "; ".join(misses)


def table(result):
    cold, warm = result["modes"].get("cold", {}), result["modes"].get("warm", {})
    lines = [
        "| page | size | cold req/s | cold ratio | cold p99 "
        "| warm req/s | warm ratio | warm p99 | target met? |",
        "|---|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for page in dict.fromkeys([*cold, *warm]):
        c, w = cold.get(page), warm.get(page)
        any_row = c or w

        def cell(row, key, fmt):
            if not row or row.get(key) is None:
                return "–"
            if key == "ratio" and row[key] < 0.01:
                return format(row[key], ".3f")
            return format(row[key], fmt)

        shown = unquote(any_row["path"])
        shown = shown if len(shown) <= 40 else shown[:38] + "…"

        lines.append(
            f"| {page} `{shown}` | {any_row['bytes'] / 1024:.0f} KB "
            f"| {cell(c, 'rps', '.0f')} | {cell(c, 'ratio', '.2f')} "
            f"| {cell(c, 'p99', '.1f')} ms "
            f"| {cell(w, 'rps', '.0f')} | {cell(w, 'ratio', '.2f')} "
            f"| {cell(w, 'p99', '.1f')} ms "
            f"| {verdict(page, c, w)} |"
        )
    bare = [row["bare_rps"] for mode in (cold, warm) for row in mode.values()]
    bare_p99 = [row["bare_p99"] for mode in (cold, warm) for row in mode.values()]
    if bare:
        lines.append("")
        lines.append(
            f"Bare view (20 KB): {min(bare):.0f}–{max(bare):.0f} req/s across the "
            f"alternations (median {median(bare):.0f}), "
            f"p99 median {median(bare_p99):.1f} ms."
        )
    return "\n".join(lines)


def runs_text(result):
    runs = result.get("mode_runs") or {
        "cold and warm": {
            key: result[key] for key in ("started", "finished", "revision", "command")
        }
    }
    return " ".join(
        f"{mode.capitalize()}: run {run['started']} – {run['finished']} (UTC), "
        f"revision {run['revision']}, command `{run['command']}`."
        for mode, run in runs.items()
    )


def write_report():
    sections = []
    for name in DATABASES:
        path = RESULTS / f"{name}.json"
        if not path.exists():
            continue
        result = json.loads(path.read_text())
        machine = result["machine"]
        versions = ", ".join(f"{k} {v}" for k, v in machine["versions"].items())
        dataset = result["dataset"]
        sections.append(
            "\n".join(
                [
                    f"## {name}"
                    + (" + Redis page cache" if result.get("redis") else ""),
                    "",
                    runs_text(result),
                    "",
                    f"Dataset: {dataset['releases']:,} releases listed in ru "
                    f"({dataset['list_pages']:,} list pages), search word hits "
                    f"{dataset['search_hits']:,}. Machine: {machine['cpu']}, "
                    f"{machine['cores']} cores, {machine['memory']}; {versions}. "
                    f"Load average before {machine['load'][0]:.2f}, after "
                    f"{result['load_after'][0]:.2f}.",
                    "",
                    table(result),
                ]
            )
        )
    header = f"""# Benchmark results

Generated by `bench/run.py` (see bench/README.md for what is measured and how to
read it). Each figure is the median of {3} wrk runs (`wrk -t2 -c32 -d8s --latency`);
a ratio is the page's req/s over a bare Django view's (20 KB of HTML, same
gunicorn settings) measured alternately in the same run. Cold: page cache off
(`DJANGO_PAGE_CACHE_SECONDS=0`): every request runs its queries and renders; a
list's total is the one figure not counted again (it is remembered per content
generation, as in production). Warm: page cache on and warmed. Targets: warm
≥ {WARM_TARGET}; cold ≥ {COLD_RELEASE_TARGET} for a release page and ≥
{COLD_TARGET} for the others; p99 < {P99_TARGET:.0f} ms. wrk and the server share
the machine's cores, and so does anything else running on it at the time (load
averages below).

Reproduce: `make bench` (both databases), or
`.venv/bin/python bench/run.py --db sqlite` / `--db postgresql`.
"""
    # The other scripts' sections (search, newsroom day, ...) stay as they are.
    replace_section("# Benchmark results", header)
    for section in sections:
        replace_section(section.split("\n", 1)[0].split(" + ")[0], section)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", action="append", choices=list(DATABASES))
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--modes", default="cold,warm")
    parser.add_argument(
        "--redis",
        choices=("auto", "on", "off"),
        default="auto",
        help="page cache in Redis (auto: with PostgreSQL only, as in production)",
    )
    parser.add_argument(
        "--only", action="append", help="only pages whose name has this"
    )
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args()
    stop_on_signals()
    args.modes = [mode for mode in args.modes.split(",") if mode]
    args.command = shlex.join([".venv/bin/python", "bench/run.py", *sys.argv[1:]])
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.report_only:
        for name in args.db or list(DATABASES):
            started = time.monotonic()
            run_database(name, args)
            print(f"{name}: {time.monotonic() - started:.0f} s", flush=True)
    write_report()
    print(f"wrote {ROOT / 'bench' / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
