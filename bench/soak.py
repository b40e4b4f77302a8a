"""Soak: minutes of mixed public URLs at 64 connections; errors and worker memory.

    .venv/bin/python bench/soak.py                  # 300 s on SQLite, cache on
    .venv/bin/python bench/soak.py --duration 60 --db postgresql

Serves the benchmark dataset (bench/make_dataset.py; built if missing) with
production settings under gunicorn, fetches every address until a whole pass
comes from the page cache (each worker's own cache warm), then runs wrk with
a Lua script that rotates through ~200 public addresses in ru, fa and en (home,
lists at random pages, releases, old-slug redirects, archive months, topics,
search, feeds, sitemaps, cities, robots.txt) and counts responses by status.
Reports socket errors, non-2xx/3xx and 5xx responses, and the RSS of every
gunicorn worker (from /proc) after the warm-up and at the end, sampled every 10 s
in between. Workers are not recycled during a soak (GUNICORN_MAX_REQUESTS=0) so
that what the memory does over the run is seen, not reset; `--recycle` keeps the
production setting. Writes bench/SOAK.md. Exits non-zero when the verdict fails:
zero errors, zero 5xx, every worker within 10% of its start.
"""

import argparse
import json
import shlex
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from common import (
    OUT,
    POSTGRES_URL,
    REDIS_URL,
    ROOT,
    SQLITE_URL,
    Server,
    fetch,
    git_revision,
    machine_notes,
    pick_urls,
    prepare_static,
    rss_kib,
    site_env,
    stop_on_signals,
    wrk,
)
from run import build_dataset

PORT = 8712
MEMORY_TOLERANCE = 0.10

LUA = """
local paths = %(paths)s
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  counter = (id - 1) * 7
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do
      total[status] = (total[status] or 0) + n
    end
  end
  io.write("STATUS")
  for status, n in pairs(total) do
    io.write(string.format(" %%d=%%d", status, n))
  end
  io.write("\\n")
end
"""


def lua_list(paths):
    quoted = ", ".join(
        '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"' for path in paths
    )
    return "{" + quoted + "}"


def sample_memory(server, samples, stop):
    while not stop.wait(10):
        samples.append(
            {
                "t": time.monotonic(),
                "rss": {pid: rss_kib(pid) for pid in server.workers()},
            }
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=300, help="seconds")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--cache-seconds", type=int, default=600)
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--recycle", action="store_true", help="keep max_requests")
    parser.add_argument(
        "--exclude", action="append", default=[], help="leave out paths with this"
    )
    parser.add_argument("--report", default=str(ROOT / "bench" / "SOAK.md"))
    args = parser.parse_args()
    stop_on_signals()
    command = shlex.join([".venv/bin/python", "bench/soak.py", *sys.argv[1:]])
    database_url = SQLITE_URL if args.db == "sqlite" else POSTGRES_URL
    redis = REDIS_URL if args.db == "postgresql" else None
    OUT.mkdir(parents=True, exist_ok=True)
    build_dataset(database_url, args.releases)
    paths = pick_urls(database_url, "soak")["urls"]
    paths = [p for p in paths if not any(part in p for part in args.exclude)]
    script = OUT / "soak.lua"
    script.write_text(LUA % {"paths": lua_list(paths)})
    env = site_env(database_url, PORT, args.cache_seconds, redis)
    prepare_static(env)
    if not args.recycle:
        env["GUNICORN_MAX_REQUESTS"] = "0"
    started = datetime.now(UTC)
    machine = machine_notes()
    with Server("config.wsgi", PORT, env, "soak").start("/ru/") as server:
        # Every address until a whole pass comes from the page cache: each worker
        # has a cache of its own (without Redis), and a worker still rendering
        # misses would make the first seconds of the soak a queue and its memory
        # a cache filling up, not a steady state.
        statuses = {}
        for _round in range(12):
            misses = 0
            for path in paths:
                status, _body, headers = fetch(server.url(path))
                if _round == 0:
                    statuses.setdefault(status, []).append(path)
                misses += headers.get("X-Page-Cache") == "miss"
            if not misses:
                break
        bad = {status: found for status, found in statuses.items() if status >= 400}
        if bad:
            print("addresses that do not answer 2xx/3xx:", bad, file=sys.stderr)
        wrk(server.url("/"), duration=20, connections=args.connections, script=script)
        server.wait_idle()
        start_rss = {pid: rss_kib(pid) for pid in server.workers()}
        samples, stop = [], threading.Event()
        sampler = threading.Thread(
            target=sample_memory, args=(server, samples, stop), daemon=True
        )
        sampler.start()
        result = wrk(
            server.url("/"),
            duration=args.duration,
            connections=args.connections,
            script=script,
        )
        stop.set()
        sampler.join()
        end_rss = {pid: rss_kib(pid) for pid in server.workers()}
    counts = {}
    for line in result["raw"].splitlines():
        if line.startswith("STATUS"):
            for pair in line.split()[1:]:
                status, count = pair.split("=")
                counts[int(status)] = int(count)
    five_xx = sum(count for status, count in counts.items() if status >= 500)
    growth = {
        pid: (end_rss[pid] - start_rss[pid]) / start_rss[pid]
        for pid in start_rss
        if pid in end_rss and start_rss[pid] and end_rss[pid]
    }
    same_workers = set(start_rss) == set(end_rss)
    ok = (
        result["errors"] == 0
        and five_xx == 0
        and result["non_2xx_3xx"] == 0
        and same_workers
        and all(abs(change) <= MEMORY_TOLERANCE for change in growth.values())
    )
    peak = {}
    for sample in samples:
        for pid, rss in sample["rss"].items():
            if rss:
                peak[pid] = max(peak.get(pid, 0), rss)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "command": command,
        "revision": git_revision(),
        "database": args.db,
        "redis": redis,
        "duration": args.duration,
        "connections": args.connections,
        "addresses": len(paths),
        "requests": result["requests"],
        "rps": result["rps"],
        "p50": result.get("p50"),
        "p99": result.get("p99"),
        "socket_errors": result.get("socket_errors", {}),
        "errors": result["errors"],
        "non_2xx_3xx": result["non_2xx_3xx"],
        "five_xx": five_xx,
        "statuses": counts,
        "warmup_statuses": {status: len(found) for status, found in statuses.items()},
        "start_rss": start_rss,
        "end_rss": end_rss,
        "peak_rss": peak,
        "growth": growth,
        "samples": samples,
        "same_workers": same_workers,
        "recycle": args.recycle,
        "excluded": args.exclude,
        "machine": machine,
        "ok": ok,
    }
    (OUT / "soak.json").write_text(json.dumps(report, indent=1, default=str))
    write_markdown(report, Path(args.report))
    print(Path(args.report).read_text())
    sys.exit(0 if ok else 1)


def write_markdown(report, path):
    rows = []
    for pid, start in report["start_rss"].items():
        end = report["end_rss"].get(pid)
        change = report["growth"].get(pid)
        rows.append(
            f"| {pid} | {start / 1024:.1f} MiB | "
            f"{end / 1024 if end else float('nan'):.1f} MiB | "
            f"{report['peak_rss'].get(pid, 0) / 1024:.1f} MiB | "
            f"{change * 100:+.1f}% |"
            if change is not None
            else f"| {pid} | {start / 1024:.1f} MiB | gone | – | – |"
        )
    statuses = ", ".join(
        f"{status}: {count:,}" for status, count in sorted(report["statuses"].items())
    )
    errors = report["socket_errors"] or {}
    machine = report["machine"]
    recycling = (
        "recycled as in production (max_requests)"
        if report["recycle"]
        else "not recycled (GUNICORN_MAX_REQUESTS=0)"
    )
    excluded = (
        " (left out: " + ", ".join(report["excluded"]) + ")"
        if report.get("excluded")
        else ""
    )
    text = f"""# Soak results

Generated by `bench/soak.py` (see bench/README.md). Verdict wanted: zero errors,
zero 5xx, every gunicorn worker's memory within {MEMORY_TOLERANCE:.0%} of its start.

**Verdict: {"met" if report["ok"] else "NOT met"}.**

- Run: {report["started"]} (UTC), revision {report["revision"]}; command
  `{report["command"]}`
- {report["database"]}{" + Redis" if report["redis"] else ""}, page cache on,
  {report["duration"]} s at {report["connections"]} connections, {report["addresses"]}
  public addresses in rotation (ru, fa, en){excluded}; workers
  {recycling}
- Requests: {report["requests"]:,} ({report["rps"]:.0f} req/s), latency p50
  {report["p50"]:.1f} ms, p99 {report["p99"]:.1f} ms
- Socket errors: {report["errors"]} (connect {errors.get("connect", 0)}, read
  {errors.get("read", 0)}, write {errors.get("write", 0)}, timeout
  {errors.get("timeout", 0)})
- Non-2xx/3xx responses: {report["non_2xx_3xx"]}; 5xx: {report["five_xx"]}
- Responses by status: {statuses}
- Machine: {machine["cpu"]}, {machine["cores"]} cores; load average at start
  {machine["load"][0]:.2f}

| worker pid | RSS after warm-up | RSS at end | peak (10 s samples) | change |
|---|--:|--:|--:|--:|
{chr(10).join(rows)}
"""
    path.write_text(text)


if __name__ == "__main__":
    main()
