"""``manage.py run_local`` (what ``make run`` calls): starts everything, stops everything on Ctrl-C."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import psutil
import pytest

from nexa import embedded_redis

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD_LINE = re.compile(r"created staff account 'admin' with password (\S+)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


class _Run:
    """``run_local`` as a subprocess with its output collected by a reader thread."""

    def __init__(self, data_dir, port):
        # Its own SQLite and embedded Redis, whatever the test session uses.
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        env.update(NEXA_DATA_DIR=str(data_dir), DEBUG="1", PYTHONUNBUFFERED="1")
        env.pop("PYTEST_VERSION", None)
        self.port = port
        self.proc = subprocess.Popen(
            [sys.executable, "manage.py", "run_local", "--port", str(port), "--max-jobs", "5"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_healthy(self, timeout=60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"run_local exited early:\n{self.output}"
            if _get(f"http://127.0.0.1:{self.port}/health") == 200 and "Nexa is running at" in self.output:
                return
            time.sleep(0.2)
        raise AssertionError(f"/health never answered 200:\n{self.output}")

    def stop(self, timeout=20.0):
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)

    def kill(self):
        """After a failure: stop politely, then kill whatever of the process tree is left."""
        if self.proc.poll() is not None:
            return
        tree = [psutil.Process(self.proc.pid)]
        try:
            tree += tree[0].children(recursive=True)
        except psutil.NoSuchProcess:
            pass
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            pass
        for p in _alive(tree):
            p.kill()
        self.proc.wait(5)


def _alive(procs):
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


def _redis_process(data_dir):
    pid_file = data_dir / "redis.pid"
    if not pid_file.exists():
        return None
    try:
        return psutil.Process(int(pid_file.read_text().strip()))
    except (psutil.NoSuchProcess, ValueError):
        return None


@pytest.mark.slow
@pytest.mark.no_redis
def test_run_local_serves_and_stops_cleanly(tmp_path):
    """Start, check /health with a worker, Ctrl-C, no process left; a second run prints no password."""
    data_dir = tmp_path / "data"
    run = _Run(data_dir, _free_port())
    try:
        run.wait_healthy()
        assert _get(f"http://127.0.0.1:{run.port}/admin/login/") == 200
        # The worker has registered with the embedded Redis.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "Listening on high, default, batch" not in run.output:
            time.sleep(0.2)
        assert "Listening on high, default, batch" in run.output
        children = psutil.Process(run.proc.pid).children(recursive=True)
        names = " ".join(" ".join(c.cmdline()) for c in children)
        assert "gunicorn" in names and "rqworker" in names
        redis_proc = _redis_process(data_dir)
        assert redis_proc is not None and redis_proc.is_running()
        run.stop()
    finally:
        run.kill()
    assert run.proc.returncode == 0, run.output
    time.sleep(0.3)
    assert _alive(children) == [], f"left behind: {_alive(children)}"
    assert _alive([redis_proc]) == []
    assert not os.path.exists(embedded_redis.socket_path(data_dir)) or not embedded_redis._answers(
        embedded_redis.socket_path(data_dir)
    )
    passwords = PASSWORD_LINE.findall(run.output)
    assert len(passwords) == 1 and len(passwords[0]) >= 12
    assert "createsuperuser" in run.output
    assert f"http://127.0.0.1:{run.port}/" in run.output

    # Second run on the same data dir, stopped right after its set-up (a Ctrl-C during start-up
    # stops cleanly too): the account exists, so no password is printed again.
    again = _Run(data_dir, _free_port())
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "Database migrated." not in again.output:
            assert again.proc.poll() is None, again.output
            time.sleep(0.1)
        again.stop()
    finally:
        again.kill()
    assert again.proc.returncode == 0, again.output
    assert "Database migrated." in again.output and "Stopped." in again.output
    assert PASSWORD_LINE.findall(again.output) == []
    assert passwords[0] not in again.output
    left = _redis_process(data_dir)
    assert left is None or _alive([left]) == []
