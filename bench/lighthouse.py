"""Lighthouse on the demo: home, news list, the seed release and a partner city.

    .venv/bin/python bench/lighthouse.py            # or: make lighthouse

Installs lighthouse@12.2.3 into bench/node_modules when it is missing (npm, no
package.json written), loads the demo (`load_demo`) into a
database of its own (bench/out/lighthouse.sqlite3, media in bench/out/), serves
it as `make serve` does (production settings, gunicorn, page cache on) and runs
Lighthouse with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) on
each page in ru and fa, with Lighthouse's default mobile emulation and simulated
throttling. Prints the scores and every audit that keeps a category from 1,
writes bench/LIGHTHOUSE.md, and exits non-zero when a page is below target:
performance >= 0.95, accessibility, best practices and SEO = 1.0. A page that does
not answer 200 (e.g. a partner-city page not built yet) is reported and fails.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from common import (
    OUT,
    ROOT,
    Server,
    fetch,
    git_revision,
    manage,
    pick_urls,
    prepare_static,
    site_env,
    stop_on_signals,
)

VERSION = "12.2.3"
ATTEMPTS = 3
PORT = 8713
BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
DATABASE = OUT / "lighthouse.sqlite3"
REPORTS = OUT / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--no-first-run"
)


def install():
    if LIGHTHOUSE.exists():
        return
    print(f"installing lighthouse@{VERSION} into bench/node_modules", flush=True)
    subprocess.run(
        [
            "npm",
            "i",
            "-E",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(BENCH),
            f"lighthouse@{VERSION}",
        ],
        check=True,
    )


def demo_env(fresh):
    env = site_env(f"sqlite:///{DATABASE}", PORT, 600, static_root=OUT / "static")
    env["DJANGO_MEDIA_ROOT"] = str(OUT / "lighthouse-media")
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "load_demo")
    return env


def run_lighthouse(url, name):
    REPORTS.mkdir(parents=True, exist_ok=True)
    output = REPORTS / f"{name}.json"
    env = dict(
        os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    )
    # Lighthouse itself sometimes fails to record a page load (NO_NAVSTART, a
    # lost trace) and asks to be run again: a run that errors is retried, a
    # run that scores low never is.
    for attempt in range(1, ATTEMPTS + 1):
        output.unlink(missing_ok=True)
        completed = subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={output}",
                "--quiet",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        report = json.loads(output.read_text()) if output.exists() else None
        if completed.returncode == 0 and report and not report.get("runtimeError"):
            return report
        print(f"lighthouse run {attempt} on {name} failed; retrying", flush=True)
        time.sleep(2)
    raise RuntimeError(f"lighthouse failed on {url}: {completed.stderr[-2000:]}")


def median_performance_report(url, name):
    """One run, or the median of three when the first misses on performance.

    Lighthouse's performance score is simulated from one page load and moves with
    the machine's load (Lighthouse's own advice is the median of several runs);
    the other categories do not vary and are never re-run into a pass.
    """
    report = run_lighthouse(url, name)
    if performance(report) >= TARGETS["performance"]:
        return report
    reports = [report, run_lighthouse(url, name), run_lighthouse(url, name)]
    return sorted(reports, key=performance)[1]


def performance(report):
    return report["categories"]["performance"]["score"]


def failing_audits(report, category):
    """Audits in a category that cost it points (score below 1)."""
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"].get(ref["id"], {})
        score = audit.get("score")
        mode = audit.get("scoreDisplayMode")
        if mode in ("notApplicable", "manual", "informative") or score is None:
            continue
        if score >= 1 or (category == "performance" and ref.get("weight", 0) == 0):
            continue
        items = (audit.get("details") or {}).get("items") or []
        where = []
        for item in items[:5]:
            node = item.get("node") or {}
            where.append(
                node.get("snippet")
                or node.get("selector")
                or item.get("url")
                or item.get("source", {}).get("url", "")
                or json.dumps(item, ensure_ascii=False)[:200]
            )
        failing.append(
            {
                "id": ref["id"],
                "title": audit.get("title", ""),
                "score": score,
                "value": audit.get("displayValue", ""),
                "where": [text for text in where if text],
            }
        )
    return failing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep-db", action="store_true", help="reuse the demo DB")
    parser.add_argument("--only", action="append", help="pages whose name has this")
    args = parser.parse_args()
    stop_on_signals()
    command = shlex.join([".venv/bin/python", "bench/lighthouse.py", *sys.argv[1:]])
    OUT.mkdir(parents=True, exist_ok=True)
    install()
    env = demo_env(fresh=not args.keep_db)
    prepare_static(env)
    pages = pick_urls(env["DATABASE_URL"], "lighthouse", env=env)["urls"]
    if args.only:
        pages = {k: v for k, v in pages.items() if any(o in k for o in args.only)}
    results = {}
    with Server("config.wsgi", PORT, env, "lighthouse").start("/ru/") as server:
        for name, path in pages.items():
            url = server.url(path)
            status = fetch(url)[0]
            if status != 200:
                print(f"{name:24} {path}: HTTP {status}, not measured", flush=True)
                results[name] = {"path": path, "status": status}
                continue
            slug = name.replace(" ", "-").replace("(", "").replace(")", "")
            report = median_performance_report(url, slug)
            scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
            failing = {c: failing_audits(report, c) for c in CATEGORIES}
            results[name] = {
                "path": path,
                "status": status,
                "scores": scores,
                "failing": failing,
                "metrics": {
                    key: report["audits"][key].get("displayValue", "")
                    for key in (
                        "first-contentful-paint",
                        "largest-contentful-paint",
                        "total-blocking-time",
                        "cumulative-layout-shift",
                        "speed-index",
                    )
                    if key in report["audits"]
                },
            }
            print(
                f"{name:24} "
                + "  ".join(f"{c} {s:.2f}" for c, s in scores.items())
                + ("" if passes(results[name]) else "   BELOW TARGET"),
                flush=True,
            )
            for category, audits in failing.items():
                for audit in audits:
                    if (
                        category != "performance"
                        or scores[category] < TARGETS[category]
                    ):
                        print(f"    {category}: {audit['id']} {audit['value']}")
    ok = all(passes(result) for result in results.values())
    write_markdown(results, command, ok)
    print(f"wrote {BENCH / 'LIGHTHOUSE.md'}")
    sys.exit(0 if ok else 1)


def short(path):
    path = unquote(path)
    return path if len(path) <= 40 else path[:38] + "…"


def passes(result):
    scores = result.get("scores")
    return bool(scores) and all(
        (scores[c] or 0) >= TARGETS[c] - 1e-9 for c in CATEGORIES
    )


def write_markdown(results, command, ok):
    lines = [
        "# Lighthouse results",
        "",
        f"Generated by `bench/lighthouse.py` with lighthouse {VERSION} and Debian's "
        "Chromium (default mobile emulation, simulated throttling), on the demo data "
        "served as `make serve` serves it (production settings, gunicorn, page cache "
        "on). Targets: performance ≥ 0.95; accessibility, best practices, SEO = 1.0.",
        "",
        f"Run {datetime.now(UTC).isoformat(timespec='seconds')} (UTC), revision "
        f"{git_revision()}. Command: `{command}` (or `make lighthouse`).",
        "",
        f"**Verdict: {'met' if ok else 'NOT met'}.**",
        "",
        "| page | address | performance | accessibility | best practices | SEO "
        "| met? |",
        "|---|---|--:|--:|--:|--:|---|",
    ]
    for name, result in results.items():
        scores = result.get("scores")
        if not scores:
            lines.append(
                f"| {name} | `{short(result['path'])}` | – | – | – | – | "
                f"**no**: HTTP {result['status']} |"
            )
            continue
        cells = " | ".join(f"{scores[c]:.2f}" for c in CATEGORIES)
        met = "yes" if passes(result) else "**no**"
        lines.append(f"| {name} | `{short(result['path'])}` | {cells} | {met} |")
    details = []
    for name, result in results.items():
        for category, audits in (result.get("failing") or {}).items():
            if (
                category == "performance"
                and result["scores"][category] >= TARGETS[category]
            ):
                continue
            for audit in audits:
                where = "; ".join(f"`{text[:160]}`" for text in audit["where"][:3])
                details.append(
                    f"- {name}, {category}: `{audit['id']}` ({audit['title']})"
                    + (f" {audit['value']}" if audit["value"] else "")
                    + (f" — {where}" if where else "")
                )
    if details:
        lines += ["", "## Audits that cost points", "", *details]
    metrics = [
        f"- {name}: " + ", ".join(f"{k} {v}" for k, v in result["metrics"].items())
        for name, result in results.items()
        if result.get("metrics")
    ]
    if metrics:
        lines += ["", "## Metrics (simulated mobile)", "", *metrics]
    (BENCH / "LIGHTHOUSE.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
