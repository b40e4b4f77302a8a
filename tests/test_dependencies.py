"""The lock files install exactly what requirements*.txt choose, every package
with its hash (`make lock` regenerates them after a change)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==([^\s;#]+)", re.M)


def pins(path):
    """{normalised name: version} of the `name==version` lines of a file."""
    return {
        re.sub(r"[-_.]+", "-", name).lower(): version
        for name, version in PIN.findall(path.read_text())
    }


@pytest.mark.parametrize(
    ("chosen", "lock"),
    [
        (["requirements.txt"], "requirements.lock"),
        (["requirements.txt", "requirements-dev.txt"], "requirements-dev.lock"),
    ],
)
def test_every_chosen_pin_is_locked_at_its_version(chosen, lock):
    locked = pins(ROOT / lock)
    for name in chosen:
        for package, version in pins(ROOT / name).items():
            assert locked.get(package) == version, f"{package} in {lock}"


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_has_a_hash(lock):
    entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / lock).read_text())
    packages = [entry for entry in entries if PIN.match(entry)]
    assert len(packages) > 30
    for entry in packages:
        assert "--hash=sha256:" in entry, entry.splitlines()[0]
