"""Search pages timed in-process: where a search's time goes, query by query.

    .venv/bin/python bench/search_profile.py [--database-url URL] [--runs 7]
    .venv/bin/python bench/search_profile.py --profile "/en/search/?q=metro"

Runs each page through Django's test client under the bench's settings (page
cache off, as bench/search.py serves it), and prints for each: the first
request (nothing remembered: the count is made too), the median of the next
`--runs`, and each SQL statement's time in the last one. `--profile PATH`
prints cProfile's top functions for that page instead. Needs the dataset of
make_dataset.py and the static files of bench/search.py (`prepare_static`).
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
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from common import SQLITE_URL, site_env  # noqa: E402

PAGES = [
    "/ru/search/?q=универсиада",
    "/en/search/?q=metro",
    "/en/search/?q=metro&order=newest",
    "/fa/search/?q=مترو",
    "/fa/search/?q=یونیورسیاد",
    "/ru/search/?q=город",
    "/ru/search/?q=город&page=40",
    "/en/search/?q=metro+tram",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=SQLITE_URL)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    os.environ.update(site_env(args.database_url, 8721, 0))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"

    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")

    def get(path):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response

    if args.profile:
        get(args.profile)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.runs):
            get(args.profile)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return
    for path in args.pages or PAGES:
        for name in ("default", "pages"):
            caches[name].clear()
        start = time.perf_counter()
        get(path)
        first = (time.perf_counter() - start) * 1000
        times = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                get(path)
                times.append((time.perf_counter() - start) * 1000)
        print(
            f"{path}: first {first:.1f} ms, then median {statistics.median(times):.1f}"
            f" ms (min {min(times):.1f}), {len(queries)} queries"
        )
        for query in queries.captured_queries:
            print(f"    {float(query['time']) * 1000:7.1f} ms  {query['sql'][:150]}")


if __name__ == "__main__":
    main()
