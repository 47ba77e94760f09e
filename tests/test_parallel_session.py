"""``make test`` runs in parallel (pytest-xdist): each worker has its own data dir (so its own SQLite
files and embedded Redis) and, on an external Redis, its own databases; processes a test starts
inherit the worker's. An inner ``pytest -n 2 --dist each`` session records what each worker sees."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from nexa.settings import xdist_worker_queue_db

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.no_redis

PROBE = """
import json, os, subprocess, sys
import pytest
from django.conf import settings

pytestmark = pytest.mark.no_redis  # settings only: nothing is flushed, whatever REDIS_URL says

def test_record(tmp_path_factory):
    child = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings as s; "
         "print(s.DATA_DIR, s.REDIS_QUEUE_URL, s.REDIS_CACHE_URL)"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "nexa.settings"},
        cwd=%(root)r, capture_output=True, text=True, check=True,
    )
    record = {
        "worker": os.environ["PYTEST_XDIST_WORKER"],
        "data_dir": str(settings.DATA_DIR),
        "queue": settings.REDIS_QUEUE_URL,
        "cache": settings.REDIS_CACHE_URL,
        "child": child.stdout.split(),
    }
    with open(%(out)r, "a") as fh:
        fh.write(json.dumps(record) + "\\n")
"""


def _parallel_probe(tmp_path: Path, **env_extra: str) -> list[dict]:
    out = tmp_path / "records.jsonl"
    probe = tmp_path / "test_probe.py"
    probe.write_text(PROBE % {"root": str(ROOT), "out": str(out)})
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "NEXA_")) and k not in ("REDIS_URL", "DATABASE_URL")
    }
    env.update(TMPDIR=str(tmp_path), **env_extra)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "conftest",
            "-q",
            "-n",
            "2",
            "--dist",
            "each",
            "--rootdir",
            str(ROOT),
            "-c",
            str(ROOT / "pyproject.toml"),
            str(probe),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    records = sorted((json.loads(line) for line in out.read_text().splitlines()), key=lambda r: r["worker"])
    assert [r["worker"] for r in records] == ["gw0", "gw1"]
    return records


def test_each_worker_has_its_own_data_dir_and_embedded_redis(tmp_path):
    gw0, gw1 = _parallel_probe(tmp_path)
    root = Path(gw0["data_dir"]).parent
    assert root == Path(gw1["data_dir"]).parent and root.name.startswith("nexa-test-")
    assert [Path(r["data_dir"]).name for r in (gw0, gw1)] == ["xdist-gw0", "xdist-gw1"]
    assert gw0["queue"] != gw1["queue"] and gw0["queue"].startswith("unix://")
    for r in (gw0, gw1):
        assert r["child"] == [r["data_dir"], r["queue"], r["cache"]]  # a started process: the same
    assert not root.exists()  # the session removed its throw-away dir, workers' included


def test_each_worker_has_its_own_databases_on_an_external_redis(tmp_path):
    gw0, gw1 = _parallel_probe(tmp_path, REDIS_URL="redis://127.0.0.1:6379/4")
    assert (gw0["queue"], gw0["cache"]) == ("redis://127.0.0.1:6379/4", "redis://127.0.0.1:6379/5")
    assert (gw1["queue"], gw1["cache"]) == ("redis://127.0.0.1:6379/6", "redis://127.0.0.1:6379/7")
    for r in (gw0, gw1):
        assert r["child"] == [r["data_dir"], r["queue"], r["cache"]]


def test_worker_database_numbers_and_their_limits():
    assert [xdist_worker_queue_db(10, f"gw{i}") for i in range(3)] == [10, 12, 14]
    assert xdist_worker_queue_db(3, "gw1", "3, 6") == 6
    with pytest.raises(ImproperlyConfigured, match="past Redis' 0-15"):
        xdist_worker_queue_db(14, "gw1")
    with pytest.raises(ImproperlyConfigured, match="names 2 databases; worker gw2"):
        xdist_worker_queue_db(3, "gw2", "3,6")
