"""A production server in a subprocess: its environment, a deployment of its
files in a directory, and running code or commands under it.

The test process itself runs the DEBUG settings, and settings are read once per
process, so production is always exercised in a fresh Python."""

import json
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "press.example.org"
# What a deployment sets on top of its secrets (see .env.example).
NOT_INHERITED = ("DATABASE_URL", "REDIS_URL")


def production_env(directory, **overrides):
    """The environment of a production server whose files live in `directory`."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in NOT_INHERITED
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SITE_URL": f"https://{HOST}",
        "DJANGO_TRUSTED_PROXIES": "10.0.0.0/24",
        "DATABASE_URL": f"sqlite:///{directory}/db.sqlite3",
        "DJANGO_STATIC_ROOT": str(directory / "static"),
        "DJANGO_MEDIA_ROOT": str(directory / "media"),
        "PYTHONPATH": str(ROOT),
    }
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run(args, env, timeout=120):
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def manage(*args, env):
    return run([sys.executable, "manage.py", *args], env)


def run_script(script, env, timeout=120):
    """Run Python code under `env`; return what it printed last, as JSON."""
    result = run([sys.executable, "-c", textwrap.dedent(script)], env, timeout)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def deploy(directory):
    """Migrate a database and collect static files in `directory`, as a deployment
    does; return `directory`."""
    env = production_env(directory)
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        result = manage(*command, "--verbosity", "0", env=env)
        assert result.returncode == 0, result.stderr
    return directory
