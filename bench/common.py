"""What the bench scripts share: servers under gunicorn, wrk, and the machine."""

import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
SQLITE_URL = f"sqlite:///{OUT / 'bench.sqlite3'}"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/pressroom_bench"
REDIS_URL = "redis://127.0.0.1:6379/0"
WRK = os.environ.get("WRK", "/usr/bin/wrk")


def site_env(database_url, port, cache_seconds, redis=None, static_root=None):
    """Production settings (DEBUG off) for a local trial, as `make serve` runs them."""
    env = dict(os.environ)
    for name in ("DJANGO_DEBUG", "DJANGO_DEMO", "REDIS_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    env.update(
        DJANGO_SECRET_KEY="bench-only-not-a-secret-" + "x" * 30,
        DJANGO_ALLOWED_HOSTS=f"{HOST},localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_BEHIND_PROXY="0",
        DATABASE_URL=database_url,
        DJANGO_PAGE_CACHE_SECONDS=str(cache_seconds),
        DJANGO_CACHE_PREFIX=f"bench{port}",
        DJANGO_STATIC_ROOT=str(static_root or OUT / "static"),
        DJANGO_SITE_URL=f"http://{HOST}:{port}",
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    if redis:
        env["REDIS_URL"] = redis
    return env


def manage(env, *args):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_static(env):
    """Translations compiled and static files collected into the bench's own root."""
    manage(env, "compile_translations", "--verbosity", "0")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


class Server:
    """A gunicorn with the project's config (`-c config/gunicorn.py`)."""

    def __init__(self, app, port, env, log_name):
        self.app, self.port, self.env = app, port, env
        self.log = OUT / f"{log_name}.log"
        self.process = None

    def start(self, probe="/"):
        OUT.mkdir(parents=True, exist_ok=True)
        env = dict(self.env, PORT=str(self.port))
        env.pop("GUNICORN_BIND", None)
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [
                    str(GUNICORN),
                    self.app,
                    "-c",
                    "config/gunicorn.py",
                    # Its own control socket: another gunicorn on the machine
                    # (a developer's `make serve`) keeps the default one.
                    "--control-socket",
                    str(OUT / f"gunicorn-{self.port}.ctl"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.app} exited; see {self.log}")
            try:
                fetch(self.url(probe), timeout=5)
                return self
            except (OSError, urllib.error.URLError):
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.app} did not answer on port {self.port}")

    def url(self, path):
        return f"http://{HOST}:{self.port}{path}"

    def workers(self):
        """Pids of the worker processes (children of the gunicorn master)."""
        if not self.process:
            return []
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command may hold spaces and parentheses: split after the last ')'.
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == self.process.pid:
                pids.append(int(entry.name))
        return sorted(pids)

    def cpu_seconds(self):
        """CPU time used so far by the workers (utime + stime)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
        return total / ticks

    def wait_idle(self, limit=120):
        """Wait until the workers are idle: wrk stops sending when its time is up,
        but the server still works through what it had accepted (slow pages), and
        that must not weigh on the next measurement."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            before = self.cpu_seconds()
            time.sleep(0.5)
            if self.cpu_seconds() - before >= 0.05:
                continue
            # Workers starved of CPU by other processes also look idle: a quick
            # answer to a cheap request says no backlog is queued.
            started = time.monotonic()
            try:
                fetch(self.url("/robots.txt"), timeout=limit)
            except (OSError, urllib.error.URLError):
                continue
            if time.monotonic() - started < 0.1:
                return True
        return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def fetch(url, timeout=120):
    """(status, body bytes, headers) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip()).groups()
    return float(number) * _UNITS[unit]


def parse_wrk(output):
    """Requests/s, latency percentiles (ms), errors and non-2xx/3xx from wrk."""
    result = {"rps": 0.0, "errors": 0, "non_2xx_3xx": 0, "requests": 0}
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match:
        result["rps"] = float(match.group(1))
    for percent in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{percent}%\s+(\S+)", output, re.MULTILINE)
        if match:
            result[f"p{percent}"] = _ms(match.group(1))
    match = re.search(r"(\d+) requests in", output)
    if match:
        result["requests"] = int(match.group(1))
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if match:
        result["socket_errors"] = dict(
            zip(
                ("connect", "read", "write", "timeout"),
                map(int, match.groups()),
                strict=True,
            )
        )
        result["errors"] = sum(result["socket_errors"].values())
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if match:
        result["non_2xx_3xx"] = int(match.group(1))
    return result


def wrk(url, duration=8, connections=32, threads=2, script=None, timeout="10s"):
    command = [
        WRK,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={timeout}",
        "--latency",
    ]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    ).stdout
    result = parse_wrk(output)
    result["raw"] = output
    return result


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def machine_notes():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import sqlite3

    versions = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    for name in ("django", "gunicorn"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:
            pass
    try:
        wrk_version = subprocess.run(
            [WRK, "--version"], capture_output=True, text=True
        ).stdout.split()[1]
    except (OSError, IndexError):
        wrk_version = "?"
    versions["wrk"] = wrk_version
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(terse=True),
        "versions": versions,
        "load": os.getloadavg(),
    }


def git_revision():
    try:
        revision = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        # The bench's own reports, written as it runs, are not changes.
        dirty = subprocess.run(
            [
                "git",
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":!bench/RESULTS.md",
                ":!bench/results",
                ":!bench/SOAK.md",
                ":!bench/LIGHTHOUSE.md",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return f"{revision}{' + uncommitted changes' if dirty else ''}"
    except OSError:
        return "?"


def pick_urls(database_url, kind=None, env=None):
    """Real addresses in the dataset (asked of the database by a subprocess)."""
    env = env or site_env(database_url, 0, 0)
    command = [str(PYTHON), str(ROOT / "bench" / "pick_urls.py")]
    if kind:
        command.append(f"--{kind}")
    output = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    import json

    return json.loads(output)


def stop_on_signals():
    """SIGTERM and SIGINT (ignored by background jobs) end the script through its
    `finally`/`with` blocks, so the servers it started are stopped."""

    def handler(number, frame):
        raise SystemExit(128 + number)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def die(message):
    print(message, file=sys.stderr)
    sys.exit(1)


RESULTS_MD = ROOT / "bench" / "RESULTS.md"


def replace_section(heading, body):
    """Put `body` (its own `## ` heading first) in bench/RESULTS.md in place of
    the section whose heading line starts with `heading`, or at the end; every
    other section stays as it is, so one script's report never loses another's."""
    text = RESULTS_MD.read_text() if RESULTS_MD.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(heading)}\b[^\n]*\n.*?(?=^## |\Z)", re.S | re.M)
    body = body.strip("\n") + "\n"
    if pattern.search(text):
        text = pattern.sub(lambda _match: body + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + body
    RESULTS_MD.write_text(text.rstrip("\n") + "\n")
