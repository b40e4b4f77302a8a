"""gunicorn settings for `make serve` and production; each can be overridden by env."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
# Threads let a worker overlap database and cache waits; pages are thread-safe.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak can never grow without bound;
# rarely: a new worker starts with an empty local page cache, and a worker serves
# cached pages so fast that a low limit would start a new one every minute or so
# at full load, each a spike of slow answers (bench/README.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000000"))
max_requests_jitter = 200000
# Django is imported once, before the workers fork: a replaced worker answers at
# once instead of spending its first second importing.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# What a request may be before Django sees it: its request line and headers
# (gunicorn answers 400 beyond these). Bodies are refused by their declared
# length in Django, with a 413 page (pressroom/shell/edges.py); gunicorn itself has no
# body limit, so the load balancer should have one as well.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
