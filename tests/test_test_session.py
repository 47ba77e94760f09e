"""A test session cleans up after itself: the throw-away data dir settings.py makes under pytest
(``/tmp/nexa-test-*``) is gone when the session ends; a ``NEXA_DATA_DIR`` the user set is kept."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Uses Redis (the autouse flush) but no database, so it can run beside this session's test DB.
INNER_TEST = "tests/test_foundation.py::test_settings_split_queue_and_cache_db"

pytestmark = pytest.mark.no_redis


def _run_session(tmpdir: Path, **extra) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NEXA_DATA_DIR", "PYTEST_VERSION", "PYTEST_CURRENT_TEST", "PYTEST_ADDOPTS")
    }
    env.update(TMPDIR=str(tmpdir), **extra)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", INNER_TEST],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_session_removes_its_throw_away_data_dir(tmp_path):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    result = _run_session(tmpdir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nexa data dir: " + str(tmpdir.resolve()) + "/nexa-test-" in result.stdout
    assert list(tmpdir.glob("nexa-test-*")) == []


def test_session_keeps_a_data_dir_the_user_set(tmp_path):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    mine = tmp_path / "mine"
    result = _run_session(tmpdir, NEXA_DATA_DIR=str(mine))
    assert result.returncode == 0, result.stdout + result.stderr
    assert mine.is_dir() and any(mine.iterdir())
    assert list(tmpdir.glob("nexa-test-*")) == []
