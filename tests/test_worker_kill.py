"""A real ``manage.py rqworker`` process (the product's NexaWorker, which runs jobs in-process) is
killed with SIGKILL mid-job; the reconciler re-queues
the job and a fresh worker finishes it: no job stays PROCESSING forever."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from jobs import reconcile, services
from jobs.models import AnalysisJob
from jobs.tasks import TEST_DELAY_ENV
from tests.jobs_support import make_library, stub_engine, upload

ROOT = Path(__file__).resolve().parent.parent


def _database_url() -> str:
    """The URL of the database this test runs on (pytest-django's test database)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def _worker(log_path: Path, *extra: str, delay: float = 0.0) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "nexa.settings"}
    env.pop(TEST_DELAY_ENV, None)
    if delay:
        env[TEST_DELAY_ENV] = str(delay)
    cmd = [
        sys.executable,
        "manage.py",
        "rqworker",
        "high",
        "default",
        "batch",
        "--serializer",
        "rq.serializers.JSONSerializer",
        "--name",
        f"kill-test-{uuid.uuid4().hex[:8]}",
        *extra,
    ]
    log = open(log_path, "ab")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (Linux /proc): the work horse RQ forked for the job."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def _kill(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _wait_for(predicate, timeout: float, what: str, log_path: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}; worker log:\n{log_path.read_text()[-4000:]}")


def _wait_other_sessions_gone(timeout: float = 15.0) -> None:
    """PostgreSQL notices a killed client's connection a moment later; let the test database's
    teardown find it unused."""
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.2)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_sigkill_worker_mid_job_reconcile_requeues_and_job_succeeds(user, settings, tmp_path, monkeypatch):
    stub_engine(monkeypatch)  # the in-process part does not analyse; the workers use the real engine
    # The worker process reads media from $NEXA_DATA_DIR/media, so the upload must land there.
    settings.MEDIA_ROOT = Path(os.environ["NEXA_DATA_DIR"]) / "media"
    make_library()
    job = services.submit_audit(user, upload("kill.pdf", tag=uuid.uuid4().hex))  # enqueued on commit
    log_path = tmp_path / "worker.log"

    worker = _worker(log_path, delay=60)
    try:
        _wait_for(
            lambda: AnalysisJob.objects.filter(pk=job.pk, status="PROCESSING").exists(),
            90,
            "the worker to start the job",
            log_path,
        )
        time.sleep(0.5)  # well inside the job's deliberate 60 s pause
        # The worker and any process it started (a lost machine).
        _kill([worker.pid, *_children(worker.pid)])
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            horses = _children(worker.pid)
            _kill([worker.pid, *horses])
            worker.wait(timeout=10)
    job.refresh_from_db()
    assert job.status == "PROCESSING" and job.attempts == 1 and job.worker_name.startswith("kill-test-")

    report = reconcile.reconcile()
    assert report["requeued"] == [str(job.id)], report
    job.refresh_from_db()
    assert job.status == "PENDING" and "died" in job.error_message

    second = _worker(log_path, "--burst")
    try:
        second.wait(timeout=120)
    finally:
        if second.poll() is None:
            os.killpg(second.pid, signal.SIGKILL)
    job.refresh_from_db()
    assert job.status == "SUCCESS", (
        job.status,
        job.error_code,
        job.error_message,
        log_path.read_text()[-4000:],
    )
    assert job.attempts == 2 and job.progress == 100
    assert reconcile.reconcile()["requeued"] == []
    _wait_other_sessions_gone()
