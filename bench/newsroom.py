"""The newsroom day: readers and crawlers while the staff work (bench/README.md).

    .venv/bin/python bench/newsroom.py --db sqlite        # one app server
    .venv/bin/python bench/newsroom.py --db postgresql    # two, behind HAProxy

wrk at 64 connections for 5 minutes: 75 % readers (a Zipf draw over the newest
500 releases' pages in three languages, home, news lists, topic pages, feeds),
25 % crawlers (uniform over every release page, archive month and sitemap
page). Meanwhile, through the admin's forms (bench/staff.py), an editor saves a
draft every 5 s, a translator a translation every 10 s and a publisher
publishes a release every 60 s; after each publish every app server is asked
until the release shows on home and the news list in each of its languages.
The bare Django view is measured in the same run. Results: bench/out/newsroom-
<db>.json, bench/results/newsroom-<db>.md (kept: a run on one database keeps
the other's) and the "Newsroom day" section of bench/RESULTS.md made of them.
"""

import argparse
import json
import re
import shlex
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markupsafe import escape

from bench.common import (
    HOST,
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
    manage,
    pick_urls,
    prepare_static,
    replace_section,
    rss_kib,
    site_env,
    wrk,
)
from bench.staff import Browser, now_fields, release_form

RESULTS = ROOT / "bench" / "results"
BARE_PORT, FRONT_PORT, SITE_PORTS = 8740, 8741, (8742, 8743)
PASSWORD = "bench-staff-password-not-a-secret"
LUA = OUT / "newsroom.lua"
SETUP = """
import json, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.contrib.auth import get_user_model
from pressroom.models import PressRelease
User = get_user_model()
user, _ = User.objects.get_or_create(username="bench-staff")
user.is_staff = user.is_superuser = True
user.set_password(%r)
user.save()
drafts = list(PressRelease.objects.filter(status="draft").values_list("pk", flat=True))
# What each draft will be titled in its other languages once published.
titles = {
    release.pk: {code: getattr(release, f"title_{code}") for code in ("fa", "en")
                 if getattr(release, f"in_{code}")}
    for release in PressRelease.objects.filter(pk__in=drafts)
}
untranslated = list(PressRelease.objects.listed("ru").filter(in_fa=False)
    .values_list("pk", flat=True)[:200])
print(json.dumps({"drafts": drafts, "untranslated": untranslated, "titles": titles}))
"""


def lua_script(readers, crawlers):
    """wrk: 3 of 4 requests a reader's (Zipf, s=1), 1 of 4 a crawler's."""
    quote = lambda paths: ",".join(json.dumps(p) for p in paths)  # noqa: E731
    return f"""
local readers = {{{quote(readers)}}}
local crawlers = {{{quote(crawlers)}}}
local cdf, total = {{}}, 0
for i = 1, #readers do total = total + 1 / i; cdf[i] = total end
hits, misses, bad = 0, 0, 0
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) math.randomseed(os.time() + math.random(1000)) end
local function zipf()
  local x, lo, hi = math.random() * total, 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < x then lo = mid + 1 else hi = mid end
  end
  return readers[lo]
end
function request()
  local path
  if math.random() < 0.75 then path = zipf()
  else path = crawlers[math.random(#crawlers)] end
  return wrk.format("GET", path)
end
function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
  -- HAProxy passes header names in lower case.
  local state = headers["X-Page-Cache"] or headers["x-page-cache"]
  if state == "hit" then hits = hits + 1 else misses = misses + 1 end
end
function done(summary, latency, requests)
  local h, m, b = 0, 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits"); m = m + t:get("misses"); b = b + t:get("bad")
  end
  io.write(string.format("NEWSROOM hits=%d misses=%d bad=%d\\n", h, m, b))
end
"""


class Staff(threading.Thread):
    """The editor, translator and publisher, each on its own beat."""

    def __init__(self, site, servers, targets, stop):
        super().__init__(daemon=True)
        self.site, self.servers, self.targets, self.stop = site, servers, targets, stop
        self.log = {"drafts": 0, "translations": 0, "publishes": [], "failed": 0}

    def run(self):
        browser = Browser(self.site, "bench-staff", PASSWORD)
        started, step = time.monotonic(), 0
        drafts, untranslated = self.targets["drafts"], self.targets["untranslated"]
        while not self.stop.wait(max(0.0, started + step * 5 - time.monotonic())):
            if step % 12 == 2 and drafts:  # 10 s in, then every minute
                self.publish(browser, drafts.pop())
            elif drafts:
                ok = browser.submit(
                    release_form(drafts[step % len(drafts)]),
                    {"lead_ru": f"Черновик, правка {step}."},
                )
                self.log["drafts" if ok else "failed"] += 1
            if step % 2 == 1 and untranslated:
                ok = browser.submit(
                    release_form(untranslated[step % len(untranslated)]),
                    {"title_fa": f"ترجمه در حال انجام {step}"},
                )
                self.log["translations" if ok else "failed"] += 1
            step += 1

    def publish(self, browser, pk):
        title = f"Опубликовано в ходе замера {pk}"
        changes = {"status": "published", "title_ru": title}
        changes |= now_fields(datetime.now().astimezone())
        if not browser.submit(release_form(pk), changes):
            self.log["failed"] += 1
            return
        saved, seen = time.monotonic(), {}
        titles = {"ru": title, **self.targets["titles"].get(str(pk), {})}

        def watch(port, path):
            marker = str(escape(titles[path.split("/")[1]])).encode()
            while time.monotonic() - saved < 30:
                page = fetch(f"http://{HOST}:{port}{path}", timeout=10)[1]
                if marker in page:
                    seen[f"{port}{path}"] = round(time.monotonic() - saved, 3)
                    return
                time.sleep(0.02)

        watchers = [
            threading.Thread(target=watch, args=(port, path))
            for port in self.servers
            for language in titles
            for path in (f"/{language}/", f"/{language}/news/")
        ]
        for watcher in watchers:
            watcher.start()
        for watcher in watchers:
            watcher.join()
        self.log["publishes"].append({"release": pk, "seconds": seen})


def haproxy(ports):
    config = OUT / "haproxy.cfg"
    backends = "\n".join(
        f"    server app{n} {HOST}:{port}" for n, port in enumerate(ports)
    )
    config.write_text(
        "defaults\n    mode http\n    timeout connect 5s\n    timeout client 60s\n"
        f"    timeout server 60s\nfrontend site\n    bind {HOST}:{FRONT_PORT}\n"
        f"    default_backend apps\nbackend apps\n    balance roundrobin\n{backends}\n"
    )
    return subprocess.Popen(["/usr/sbin/haproxy", "-f", str(config)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--database-url", help="another dataset (default: the bench's)")
    parser.add_argument("--redis-url", default=REDIS_URL, help="with --db postgresql")
    parser.add_argument("--duration", type=int, default=300)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    database_url = args.database_url or (
        SQLITE_URL if args.db == "sqlite" else POSTGRES_URL
    )
    if not args.database_url:
        subprocess.run(
            [
                str(PYTHON),
                "bench/make_dataset.py",
                "--database-url",
                database_url,
                "--if-missing",
            ],
            cwd=ROOT,
            check=True,
        )
    redis = args.redis_url if args.db == "postgresql" else None
    ports = SITE_PORTS if args.db == "postgresql" else SITE_PORTS[:1]
    env = site_env(database_url, ports[0], 600, redis=redis)
    env["DJANGO_CACHE_PREFIX"] = f"newsroom-{time.time_ns()}"
    # The bench's staff sign in with a password only (no authenticator app).
    env["DJANGO_SECOND_FACTOR_REQUIRED"] = "0"
    env["DJANGO_CSRF_TRUSTED_ORIGINS"] = f"http://{HOST}:{FRONT_PORT}," + ",".join(
        f"http://{HOST}:{port}" for port in ports
    )
    prepare_static(env)
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    setup = subprocess.run(
        [str(PYTHON), "-c", SETUP % PASSWORD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if setup.returncode:
        sys.exit(setup.stderr)
    targets = json.loads(setup.stdout.strip().splitlines()[-1])
    urls = pick_urls(database_url, "newsroom", env)
    LUA.write_text(lua_script(urls["readers"], urls["crawlers"]))
    bare_env = site_env(database_url, BARE_PORT, 0)
    bare_env["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"
    started = datetime.now(UTC).isoformat(timespec="seconds")
    servers = [
        Server("config.wsgi", port, dict(env, PORT=str(port)), f"newsroom-{port}")
        for port in ports
    ]
    balancer = None
    with Server("bench.bare.wsgi:application", BARE_PORT, bare_env, "bare").start():
        bare = wrk(f"http://{HOST}:{BARE_PORT}/", duration=min(30, args.duration))
    try:
        for server in servers:
            server.start()
        front = ports[0]
        if len(ports) > 1:
            balancer, front = haproxy(ports), FRONT_PORT
            time.sleep(1)
        # Warm the readers' pages once (a site that has been up for a while).
        wrk(f"http://{HOST}:{front}/", duration=10, connections=16, script=LUA)
        rss_before = {pid: rss_kib(pid) for s in servers for pid in s.workers()}
        stop = threading.Event()
        staff = Staff(f"http://{HOST}:{front}", ports, targets, stop)
        staff.start()
        day = wrk(
            f"http://{HOST}:{front}/",
            duration=args.duration,
            connections=args.connections,
            script=LUA,
        )
        stop.set()
        staff.join(timeout=60)
        rss_after = {pid: rss_kib(pid) for s in servers for pid in s.workers()}
    finally:
        if balancer:
            balancer.terminate()
        for server in servers:
            server.stop()
    result = {
        "database": args.db,
        "servers": len(ports),
        "started": started,
        "revision": git_revision(),
        "machine": machine_notes(),
        "command": shlex.join([".venv/bin/python", "bench/newsroom.py", *sys.argv[1:]]),
        "dataset": database_url.rsplit("/", 1)[-1],
        "addresses": {name: len(paths) for name, paths in urls.items()},
        "bare": bare,
        "day": day,
        "ratio": round(day["rps"] / bare["rps"], 3) if bare["rps"] else None,
        "cache": dict(
            zip(
                ("hits", "misses", "errors"),
                map(
                    int,
                    re.search(
                        r"NEWSROOM hits=(\d+) misses=(\d+) bad=(\d+)", day["raw"]
                    ).groups(),
                ),
                strict=True,
            )
        ),
        "staff": staff.log,
        "rss_kib": {"before": rss_before, "after": rss_after},
    }
    (OUT / f"newsroom-{args.db}.json").write_text(json.dumps(result, indent=2))
    # Each database's part is kept apart: a run on one keeps the other's.
    (RESULTS / f"newsroom-{args.db}.md").write_text(report_section(result))
    write_report()
    print(report_section(result))


def report_section(result):
    """One database's figures, as markdown."""
    day, bare, cache = result["day"], result["bare"], result["cache"]
    machine = result["machine"]
    served = cache["hits"] + cache["misses"]
    rss = result["rss_kib"]
    memory = ", ".join(
        f"{rss['before'][pid] / 1024:.0f} → {rss['after'].get(pid, 0) / 1024:.0f} MB"
        for pid in rss["before"]
    )
    lines = [
        f"### {result['database']} ({result['servers']} app server(s))",
        "",
        f"Run {result['started']} (UTC), revision {result['revision']}: "
        f"`{result['command']}`. Machine: {machine['cores']} cores "
        f"({machine['cpu']}), load average {machine['load'][0]:.1f} at the start. "
        f"Dataset `{result.get('dataset', '?')}`: "
        f"{result.get('addresses', {}).get('readers', 0):,} readers' and "
        f"{result.get('addresses', {}).get('crawlers', 0):,} crawlers' addresses.",
        "",
        "| throughput | bare view | ratio | p50 | p99 | page-cache hits | errors |",
        "|--:|--:|--:|--:|--:|--:|--:|",
        f"| {day['rps']:,.0f} req/s | {bare['rps']:,.0f} req/s | {result['ratio']} "
        f"| {day.get('p50', 0):.1f} ms | {day.get('p99', 0):.1f} ms "
        f"| {cache['hits'] / max(served, 1):.0%} "
        f"| {day['errors']} socket, {cache['errors']} 4xx/5xx |",
        "",
        f"Worker memory (RSS, after the warm-up → after the day): {memory}.",
        f"Staff: {result['staff']['drafts']} draft saves, "
        f"{result['staff']['translations']} translation saves, "
        f"{len(result['staff']['publishes'])} publishes, "
        f"{result['staff']['failed']} failed saves.",
        "",
    ]
    for publish in result["staff"]["publishes"]:
        seen = ", ".join(f"{page}: {s} s" for page, s in publish["seconds"].items())
        lines.append(f"- release {publish['release']} visible on {seen or 'nothing'}")
    return "\n".join(lines) + "\n"


def write_report():
    """The "Newsroom day" section of bench/RESULTS.md, from each database's
    latest run."""
    sections = [
        path.read_text().rstrip("\n") + "\n"
        for path in sorted(RESULTS.glob("newsroom-*.md"))
    ]
    body = (
        "## Newsroom day\n\n"
        "Readers and crawlers at 64 connections while the staff work through "
        "the admin's forms (bench/newsroom.py, bench/README.md). Targets: "
        "throughput ≥ 0.4 of the bare view, p99 < 100 ms, no errors, every "
        "publish visible on every app server's home and news list within 1 s. "
        "A run on another dataset than the bench's 100,000 releases, or shorter "
        "than 5 minutes, is a look at the script working, not a measurement; so "
        "is any run on a machine shared with other work (see its load average)."
        "\n\n"
    )
    replace_section("## Newsroom day", body + "\n".join(sections))


if __name__ == "__main__":
    main()
