"""The cold pages' own cost, in-process: the test client, production settings,
the page cache off (what pages read stays remembered, as in run.py's cold mode).

    .venv/bin/python bench/cold.py [--runs 50] [--profile "sitemap page"]

Prints the median and least milliseconds of each page of `pick_urls.main_urls()` on the
SQLite dataset in bench/out; with --profile, cProfile's top functions of one.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import HOST, SQLITE_URL, prepare_static, site_env  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--profile", help="a page's name, as printed")
    parser.add_argument("--static", action="store_true", help="collect static first")
    parser.add_argument("--database-url", default=SQLITE_URL)
    parser.add_argument("--only", help="one page's name, as printed")
    args = parser.parse_args()
    env = site_env(args.database_url, 8000, cache_seconds=0)
    if args.static:
        prepare_static(env)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"

    from django.test import Client

    from bench.pick_urls import main_urls

    client = Client(HTTP_HOST=HOST)
    urls = main_urls()["urls"]
    for name, url in urls.items():
        if (args.profile or args.only or name) != name:
            continue
        assert client.get(url).status_code == 200, url  # what pages read, kept
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        median, least = statistics.median(times), min(times)
        print(f"{name:24} {median:7.2f} ms median {least:7.2f} ms least", flush=True)
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(lambda u=url: [client.get(u) for _ in range(args.runs)])
            pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
