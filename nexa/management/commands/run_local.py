"""``manage.py run_local``: the whole product on one machine, for ``make run``.

Migrates, collects static files when needed, starts the embedded Redis (unless ``REDIS_URL`` is
set), creates a first staff account on an empty database, then supervises one RQ worker
(restarted whenever it exits after its ``--max-jobs``) and the web server (gunicorn). Ctrl-C or
SIGTERM stops everything: each child runs in its own process group, which gets SIGTERM, then
SIGKILL after a grace period; the embedded Redis is shut down last.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from nexa import embedded_redis

FIRST_RUN_USERNAME = "admin"
GUNICORN_CONF = Path(settings.BASE_DIR) / "gunicorn.conf.py"


def _die_with_parent() -> None:
    """In the child before exec: ask Linux for SIGTERM when the supervisor dies (even by SIGKILL),
    so a killed ``run_local`` leaves no orphan worker or web server behind. No-op elsewhere."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Child:
    """One supervised child process, started in its own process group (session).

    Args:
        name: a label for log lines ("web", "worker").
        argv: the command line.
        env: the environment of the child.
    """

    def __init__(self, name: str, argv: list[str], env: dict[str, str]):
        self.name = name
        self.argv = argv
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.started_at = 0.0

    def start(self) -> None:
        """Start the process in a new session, so terminal signals reach only the supervisor."""
        self.proc = subprocess.Popen(
            self.argv, env=self.env, start_new_session=True, preexec_fn=_die_with_parent
        )
        self.started_at = time.monotonic()

    def poll(self) -> int | None:
        """Return the exit code if the process has exited, else ``None``."""
        return None if self.proc is None else self.proc.poll()

    def signal_group(self, sig: int) -> None:
        """Send ``sig`` to the child's whole process group (its forks and helpers included)."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    def group_alive(self) -> bool:
        """True while any process of the child's group still exists."""
        if self.proc is None:
            return False
        self.proc.poll()  # reap the leader if it has exited
        try:
            os.killpg(self.proc.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def _health_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError):
        return None


class Command(BaseCommand):
    """Run migrations, Redis, one worker and the web server until Ctrl-C."""

    help = "Run Nexa locally: migrate, embedded Redis, one RQ worker and gunicorn on 127.0.0.1:8000."

    def add_arguments(self, parser):
        """Options: ``--host``, ``--port``, ``--max-jobs``, ``--web-workers``, ``--grace``, ``--runserver``."""
        parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port to bind (default 8000)")
        parser.add_argument(
            "--max-jobs",
            type=int,
            default=settings.NEXA_WORKER_MAX_JOBS,
            help="jobs a worker runs before it exits and is restarted (default NEXA_WORKER_MAX_JOBS)",
        )
        parser.add_argument("--web-workers", type=int, default=2, help="gunicorn worker processes")
        parser.add_argument(
            "--grace", type=float, default=10.0, help="seconds between SIGTERM and SIGKILL on stop"
        )
        parser.add_argument(
            "--runserver",
            action="store_true",
            help="serve with Django's runserver (--noreload) instead of gunicorn",
        )

    # --- set-up ---------------------------------------------------------------------------------
    def _say(self, text: str, style=None) -> None:
        self.stdout.write(style(text) if style else text)
        self.stdout.flush()

    def _prepare(self, options) -> None:
        if not _port_free(options["host"], options["port"]):
            raise CommandError(
                f"{options['host']}:{options['port']} is already in use; stop the other server "
                "or pass --port."
            )
        if settings.EMBEDDED_REDIS:
            path = embedded_redis.ensure_server(settings.DATA_DIR)
            self._say(f"Embedded Redis running on {path}")
            self._redis_started = True
        else:
            self._say(f"Using Redis at {settings.REDIS_URL}")
        call_command("migrate", interactive=False, verbosity=0)
        self._say("Database migrated.")
        static_root = Path(settings.STATIC_ROOT)
        if not settings.DEBUG or not (static_root / "admin").exists():
            call_command("collectstatic", interactive=False, verbosity=0)
            self._say(f"Static files collected in {static_root}")
        self._first_account()
        connections.close_all()  # children open their own connections

    def _first_account(self) -> None:
        User = get_user_model()
        if User.objects.exists():
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(FIRST_RUN_USERNAME, email="", password=password)
        self._say(
            f"First run: created staff account '{FIRST_RUN_USERNAME}' with password {password} "
            "(shown once; change it in the admin).",
            self.style.WARNING,
        )

    def _children(self, options) -> tuple[Child, Child]:
        env = {**os.environ, "NEXA_DATA_DIR": str(settings.DATA_DIR), "PYTHONUNBUFFERED": "1"}
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        worker = Child(
            "worker",
            [
                sys.executable,
                manage,
                "rqworker",
                "high",
                "default",
                "batch",
                "--with-scheduler",
                "--serializer",
                "rq.serializers.JSONSerializer",
                "--max-jobs",
                str(options["max_jobs"]),
            ],
            env,
        )
        bind = f"{options['host']}:{options['port']}"
        if options["runserver"]:
            web_argv = [sys.executable, manage, "runserver", "--noreload", bind]
        else:
            # gunicorn.conf.py (the Procfile's too) holds the settings; only these differ locally.
            web_argv = [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(GUNICORN_CONF),
                "--bind",
                bind,
                "--workers",
                str(options["web_workers"]),
                "--graceful-timeout",
                str(int(options["grace"])),
            ]
        return worker, Child("web", web_argv, env)

    # --- run ------------------------------------------------------------------------------------
    def handle(self, *args, **options):
        """Prepare, start the worker and web server, supervise them, and stop all on a signal."""
        self._redis_started = False
        self._stop_signal: int | None = None
        children: list[Child] = []

        def on_signal(signum, frame):
            self._stop_signal = signum

        old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
        exit_code = 0
        try:
            self._prepare(options)
            worker, web = self._children(options)
            children = [worker, web]
            worker.start()
            web.start()
            exit_code = self._supervise(worker, web, options)
        finally:
            self._shutdown(children, options["grace"])
            for s, handler in old.items():
                signal.signal(s, handler)
        if exit_code:
            raise CommandError(f"stopped: {self._reason}")

    def _supervise(self, worker: Child, web: Child, options) -> int:
        url = f"http://{options['host']}:{options['port']}/"
        announced = False
        fast_exits = 0
        self._reason = ""
        while self._stop_signal is None:
            if web.poll() is not None:
                self._reason = f"the web server exited with code {web.poll()}"
                self._say(self._reason, self.style.ERROR)
                return 1
            code = worker.poll()
            if code is not None:
                lived = time.monotonic() - worker.started_at
                fast_exits = fast_exits + 1 if lived < 5 else 0
                if fast_exits >= 5:
                    self._reason = f"the worker keeps exiting (code {code}); see its log above"
                    self._say(self._reason, self.style.ERROR)
                    return 1
                self._say(f"Worker exited (code {code}) after {lived:.0f} s; restarting it.")
                time.sleep(min(fast_exits, 3))
                worker.start()
            if not announced and _health_status(url + "health") is not None:
                announced = True
                self._say("")
                self._say(f"Nexa is running at {url}  (admin: {url}admin/)", self.style.SUCCESS)
                self._say(
                    "Create a login with: .venv/bin/python manage.py createsuperuser  "
                    "(API token: .venv/bin/python manage.py drf_create_token <username>)"
                )
                self._say("Press Ctrl-C to stop.")
            time.sleep(0.2)
        return 0

    def _shutdown(self, children: list[Child], grace: float) -> None:
        started = [c for c in children if c.proc is not None]
        if started:
            self._say("Stopping the web server and the worker...")
        for child in started:
            child.signal_group(signal.SIGTERM)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and any(c.group_alive() for c in started):
            time.sleep(0.1)
        for child in started:
            if child.group_alive():
                self._say(f"{child.name} did not stop within {grace:.0f} s; killing it.")
                child.signal_group(signal.SIGKILL)
        for child in started:
            try:
                child.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if settings.EMBEDDED_REDIS and self._redis_started:
            embedded_redis.stop_server(settings.DATA_DIR)
            self._say("Embedded Redis stopped.")
        if started:
            self._say("Stopped.")
