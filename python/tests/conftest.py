"""Shared fixtures of the Python tests: the engine, the `dateline` command
(to compare with), the repository's demo corpus and ../shared/data.

Run from the repository as `ctest --test-dir build -R python` (which sets
PYTHONPATH to build/python), or by hand:
    PYTHONPATH=build/python /usr/bin/python3 -m pytest python/tests
"""
import json
import os
import subprocess
from pathlib import Path

import pytest

import dateline

def pytest_configure(config):
    # distributed 2022.12 on Debian's tornado: not ours to fix.
    config.addinivalue_line("filterwarnings",
                            "ignore:make_current is deprecated:DeprecationWarning")


SOURCE_DIR = Path(os.environ.get("DATELINE_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def _binary() -> Path:
    given = os.environ.get("DATELINE_BINARY")
    return Path(given) if given else SOURCE_DIR / "build" / "dateline"


@pytest.fixture(scope="session")
def engine():
    return dateline.Engine()


@pytest.fixture(scope="session")
def command():
    """Runs `dateline ARGS...`; returns the completed process (text)."""
    binary = _binary()
    if not binary.exists():
        pytest.skip(f"the dateline command is not built ({binary})")

    def run(*args, input=None, check=True):
        done = subprocess.run([str(binary), *map(str, args)], input=input, capture_output=True,
                              text=True, timeout=600)
        if check and done.returncode != 0:
            raise AssertionError(f"dateline {' '.join(map(str, args))}: exit {done.returncode}\n"
                                 f"{done.stderr}")
        return done

    return run


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return SOURCE_DIR / "demo"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    root = Path(os.environ.get("DATELINE_SHARED", SOURCE_DIR.parent / "shared")) / "data"
    if not root.is_dir():
        pytest.skip(f"{root} is absent: the shared data sets are not here")
    return root


def demo_records(demo: Path) -> list:
    """The demo corpus as JSONL records: pages as `html`, texts as `text`,
    the DCT from the file name's date."""
    records = []
    for path in sorted(demo.rglob("*")):
        if path.suffix not in (".html", ".txt"):
            continue
        record = {"id": str(path.relative_to(demo)), "time": path.name[:10]}
        record["html" if path.suffix == ".html" else "text"] = path.read_text(encoding="utf-8")
        records.append(record)
    return records


def jsonl(text: str) -> list:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
