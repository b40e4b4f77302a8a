"""The back-office at 100,000 releases: every admin list, filter, search,
history page and the desk, per role, in milliseconds and queries.

    .venv/bin/python bench/admin.py --db sqlite --db postgresql --write
    .venv/bin/python bench/admin.py --db sqlite \\
        --database-url sqlite:////tmp/bench.sqlite3 --repeat 3      # a look

Uses the dataset of bench/make_dataset.py (it must be there: build it first).
Each database is measured in a process of its own, with production settings
(DEBUG off, page cache off), through Django's test client as a signed-in staff
member of each role (superuser, editor, publisher, translator): a first request
(discarded: it compiles templates and fills the connection), then `--repeat`
requests; the median in milliseconds, the number of SQL queries and the status.
Every admin list the role sees on the admin index is opened; the release list
also at page 100 and its last page, sorted by publication time, with each of
its filters, with searches (a rare word, a word in nearly every release in
Russian and in Persian, a release's number), and a release's history.

The staff accounts (bench-<role>) and a few versions of one release for its
history are made on the first run; nothing else in the dataset changes.

Writes bench/results/admin-<db>.json and, with `--write`, the "Back-office"
section of bench/RESULTS.md.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    OUT,
    POSTGRES_URL,
    PYTHON,
    ROOT,
    SQLITE_URL,
    git_revision,
    machine_notes,
    prepare_static,
    replace_section,
    site_env,
)

RESULTS = ROOT / "bench" / "results"
DATABASES = {"sqlite": SQLITE_URL, "postgresql": POSTGRES_URL}
TARGET_MS = 300.0
ROLES = ("superuser", "editor", "publisher", "translator")
GROUPS = {"editor": "Editors", "publisher": "Publishers", "translator": "Translators"}
LIST = "/admin/pressroom/pressrelease/"
SEARCHES = {
    "search, rare word": "универсиада",
    "search, word in nearly all (ru)": "город",
    "search, word in most (fa)": "شهر",
    "search, a release's number": "#50000",
}


def staff(role):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(
        username=f"bench-{role}",
        defaults={"is_staff": True, "is_superuser": role == "superuser"},
    )
    if created and role in GROUPS:
        user.groups.add(Group.objects.get(name=GROUPS[role]))
    return user


def release_with_history():
    """A release in the middle of the dataset, with a few versions."""
    import reversion
    from reversion.models import Version

    from pressroom.models import PressRelease

    ids = PressRelease.objects.order_by("pk").values_list("pk", flat=True)
    release = PressRelease.objects.get(pk=ids[len(ids) // 2])
    if Version.objects.get_for_object(release).count() < 5:
        for number in range(5):
            with reversion.create_revision():
                release.revision_note_ru = f"Правка {number + 1}"
                release.save()
                reversion.set_comment(f"bench edit {number + 1}")
    return release


def pages_for(role, user, release):
    """(label, path) of every page the role is measured on."""
    from django.contrib import admin
    from django.test import RequestFactory

    from pressroom.models import PressRelease, Topic

    request = RequestFactory().get("/admin/")
    request.user = user
    pages = [("desk (admin index)", "/admin/")]
    for app in admin.site.get_app_list(request):
        for model in app["models"]:
            if model.get("admin_url") and model["admin_url"] != LIST:
                pages.append(
                    (
                        f"list: {app['app_label']}.{model['object_name']}",
                        model["admin_url"],
                    )
                )
    model_admin = admin.site.get_model_admin(PressRelease)
    request.user = user
    columns = list(model_admin.get_list_display(request))
    if model_admin.get_actions(request):
        columns.insert(0, "action_checkbox")
    sort = columns.index(
        next(c for c in columns if getattr(c, "__name__", "") == "publication_time")
    )
    total = PressRelease.objects.count()
    last = -(-total // model_admin.list_per_page)
    topic = Topic.objects.order_by("pk").first()
    year = release.published_at.year
    pages += [
        ("release list", LIST),
        ("release list, page 100", f"{LIST}?p=100"),
        (f"release list, last page ({last:,})", f"{LIST}?p={last}"),
        ("release list, oldest first", f"{LIST}?o={sort}"),
        ("filter: published", f"{LIST}?status__exact=published"),
        ("filter: drafts", f"{LIST}?status__exact=draft"),
        ("filter: published, page 100", f"{LIST}?status__exact=published&p=100"),
        ("filter: a topic", f"{LIST}?topic={topic.pk}"),
        ("filter: needs Persian", f"{LIST}?needs_fa=yes"),
        ("filter: needs English", f"{LIST}?needs_en=yes"),
        ("filter: outdated, any", f"{LIST}?outdated=any"),
        ("filter: featured", f"{LIST}?featured__exact=1"),
        ("filter: a year (date hierarchy)", f"{LIST}?published_at__year={year}"),
        ("filter: a Jalali month", f"{LIST}?jalali_month=1403-05"),
    ]
    for label, word in SEARCHES.items():
        pages.append((label, f"{LIST}?q={quote(word)}"))
    pages += [
        (
            "search + filter: rare word, published",
            f"{LIST}?q={quote('универсиада')}&status__exact=published",
        ),
        (
            "search, word in nearly all, page 20 (the last counted)",
            f"{LIST}?q={quote('город')}&p=20",
        ),
        ("release history", f"{LIST}{release.pk}/history/"),
        ("release change form", f"{LIST}{release.pk}/change/"),
    ]
    if model_admin.has_change_permission(request) and user.has_perm(
        "pressroom.publish_pressrelease"
    ):
        pages.append(("deleted releases (recover list)", f"{LIST}recover/"))
    return pages


def measure_one(database, repeat):
    """In the per-database process: every page of every role."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pressroom.models import PressRelease

    release = release_with_history()
    rows = []
    for role in ROLES:
        user = staff(role)
        client = Client(HTTP_ACCEPT_LANGUAGE="ru")
        client.force_login(user)
        for label, path in pages_for(role, user, release):
            client.get(path)  # templates compiled, connection open
            times, cpu, sql = [], [], []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as captured:
                    start, start_cpu = time.perf_counter(), time.process_time()
                    response = client.get(path)
                    times.append((time.perf_counter() - start) * 1000)
                    cpu.append((time.process_time() - start_cpu) * 1000)
                sql.append(
                    sum(float(query["time"]) for query in captured.captured_queries)
                    * 1000
                )
            rows.append(
                {
                    "role": role,
                    "page": label,
                    "path": path,
                    "status": response.status_code,
                    "ms": statistics.median(times),
                    "max_ms": max(times),
                    # This process's own processor time (Python, templates and,
                    # on SQLite, the database's work): what a busy machine's
                    # waiting for a core does not inflate.
                    "cpu_ms": statistics.median(cpu),
                    # Time in the database's answers (PostgreSQL's work is in
                    # its own process: here, not in cpu_ms).
                    "sql_ms": statistics.median(sql),
                    "queries": len(captured.captured_queries),
                }
            )
            print(
                f"{role:10} {rows[-1]['ms']:8.1f} ms {rows[-1]['queries']:3} q "
                f"{response.status_code} {label}",
                flush=True,
            )
    return {
        "database": database,
        "vendor": connection.vendor,
        "releases": PressRelease.objects.count(),
        "rows": rows,
    }


def run_database(name, url, args):
    env = site_env(url, 0, 0, static_root=OUT / "static-admin")
    env.update(
        DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1",
        DJANGO_SECOND_FACTOR_REQUIRED="0",
        DJANGO_SETTINGS_MODULE="config.settings",
        PYTHONPATH=str(ROOT),
    )
    env.pop("REDIS_URL", None)
    prepare_static(env)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    load_before = os.getloadavg()
    subprocess.run(
        [
            str(PYTHON),
            __file__,
            "--one",
            name,
            "--database-url",
            url,
            "--repeat",
            str(args.repeat),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    result = json.loads((OUT / f"admin-{name}.part.json").read_text())
    result.update(
        started=started,
        finished=datetime.now(UTC).isoformat(timespec="seconds"),
        revision=git_revision(),
        load_before=load_before,
        load_after=os.getloadavg(),
        machine=machine_notes(),
        repeat=args.repeat,
        database_url=url,
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"admin-{name}.json").write_text(
        json.dumps(result, indent=1, ensure_ascii=False)
    )
    return result


def cell(row):
    if row is None:
        return "—"
    text = f"{row['ms']:.0f}"
    if row["ms"] >= TARGET_MS:
        text = f"**{text}**"
    if "cpu_ms" in row:
        text += f" · {row['cpu_ms']:.0f} · {row['sql_ms']:.0f}"
    if row["status"] != 200:
        text += f" ({row['status']})"
    return text


def section():
    """The "Back-office" section of RESULTS.md, from each database's results."""
    lines = [
        "## Back-office",
        "",
        "Generated by `bench/admin.py` (its docstring says what is measured): "
        "Django's test client in-process, production settings, page cache off, "
        "the median of the repeated requests after a discarded first one. "
        f"Target: every page under {TARGET_MS:.0f} ms at 100,000 releases. "
        "Each cell: wall-clock ms · this process's processor ms · ms in SQL "
        "answers. On a machine shared with other work the wall clock includes "
        "waiting for a core; the processor time does not (on SQLite it includes "
        "the database's work; PostgreSQL works in its own process, counted in "
        "the SQL column).",
        "",
        "Before (issue 14, SQLite, test client): the release list 2.9–4.1 s, its "
        "page 100 5.4 s, the published filter 3.3 s, a search for «универсиада» "
        "14–16 s; «город» 44.5 s (bench/search.py). What changed: a page's ids "
        "first, then its rows by id without the long texts "
        "(`pressroom/admin/paginator.py`); the `release_admin_list` index (the "
        "list's order and every column its filters test) and partial indexes "
        "for outdated translations (migration 0013); the topic filter tested per "
        "release; date links from the first and last times "
        "(`pressroom/admin/date_hierarchy.py`); no counts per filter choice and "
        "no second count; the admin search narrow (a set of ids) or broad (each "
        "row tested in the list's order, counted up to 1,000) "
        "(`search.StaffSearch`, docs/search.md).",
        "",
        "Known, outside the release list: the e-mail alerts' dispatch list "
        "(`alerts.Dispatch`, the alerts app) spends most of its time in SQL on "
        "SQLite though the bench has no dispatches: with no statistics for the "
        "empty table SQLite joins from the 100,000 releases, and the list groups "
        "by every column of the release (its delivery counts are joined "
        "aggregates), which will cost more as dispatches accumulate. What would "
        "fix it: an index on the dispatches' (created_at, id) and the counts as "
        "subqueries, in the alerts app. On PostgreSQL the broad search (a word "
        "in nearly every release) is the slowest release page: its SQL is the "
        "test of each row as the list walks (one step of the documents' index "
        "and the tsvector match per release).",
    ]
    for name in DATABASES:
        path = RESULTS / f"admin-{name}.json"
        if not path.exists():
            continue
        result = json.loads(path.read_text())
        machine = result["machine"]
        rows = result["rows"]
        slow = [row for row in rows if row["ms"] >= TARGET_MS]
        busy = [
            row
            for row in rows
            if row.get("cpu_ms", 0) + (row.get("sql_ms", 0) if name != "sqlite" else 0)
            >= TARGET_MS
        ]
        lines += [
            "",
            f"### {name}",
            "",
            f"Run {result['started']} – {result['finished']} (UTC), revision "
            f"{result['revision']}, {result['releases']:,} releases, median of "
            f"{result['repeat']}. Machine: {machine['cores']} cores "
            f"({machine['cpu']}), load "
            f"average {result['load_before'][0]:.2f} before, "
            f"{result['load_after'][0]:.2f} after.",
            "",
            f"Wall clock under {TARGET_MS:.0f} ms: {len(rows) - len(slow)} of "
            f"{len(rows)} pages (slowest {max(row['ms'] for row in rows):.0f} ms). "
            f"Processor time{'' if name == 'sqlite' else ' + SQL'} under "
            f"{TARGET_MS:.0f} ms: {len(rows) - len(busy)} of {len(rows)}.",
            "",
            "| page | " + " | ".join(ROLES) + " | queries |",
            "|---|" + "--:|" * len(ROLES) + "--:|",
        ]
        by_page = {}
        for row in rows:
            by_page.setdefault(row["page"], {})[row["role"]] = row
        for page, cells in by_page.items():
            figures = [cell(cells.get(role)) for role in ROLES]
            counts = sorted({row["queries"] for row in cells.values()})
            queries = (
                str(counts[0])
                if counts[0] == counts[-1]
                else f"{counts[0]}–{counts[-1]}"
            )
            lines.append(f"| {page} | " + " | ".join(figures) + f" | {queries} |")
    return "\n".join(lines) + "\n"


def write_report():
    replace_section("## Back-office", section())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", action="append", choices=list(DATABASES))
    parser.add_argument("--database-url", help="instead of the bench's default")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--write",
        action="store_true",
        help="write the Back-office section of bench/RESULTS.md",
    )
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        result = measure_one(args.one, args.repeat)
        (OUT / f"admin-{args.one}.part.json").write_text(json.dumps(result))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    names = args.db or ["sqlite"]
    if args.database_url and len(names) > 1:
        parser.error("--database-url names one database: give one --db")
    for name in names:
        run_database(name, args.database_url or DATABASES[name], args)
    if args.write:
        write_report()
        print("wrote the Back-office section of bench/RESULTS.md")


if __name__ == "__main__":
    main()
