"""Real ``manage.py rqworker`` processes (both worker classes of jobs/worker.py): a job that runs longer than the
reconciler's heartbeat threshold is not taken for lost and runs once with two workers (the
job-pipeline issue, bug 2); a job past its timeout ends FAILURE ``timeout`` and stays recorded."""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
import uuid
from pathlib import Path

import pytest
from django.utils import timezone

from jobs import reconcile, services
from jobs.models import AnalysisJob
from tests.jobs_support import make_library, stub_engine, upload
from tests.test_worker_kill import _children, _kill, _wait_for, _wait_other_sessions_gone, _worker

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _stop(procs) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except Exception:
            _kill([proc.pid, *_children(proc.pid)])
            proc.wait(timeout=10)


def _rq_heartbeat(job_id):
    import django_rq
    from rq.job import Job

    rq_job = Job.fetch(str(job_id), connection=django_rq.get_connection("default"))
    beat = rq_job.last_heartbeat
    return beat.replace(tzinfo=dt.UTC) if beat and beat.tzinfo is None else beat


@pytest.mark.parametrize("worker_class", ["jobs.worker.NexaSimpleWorker", "jobs.worker.NexaWorker"])
def test_long_job_with_two_workers_heartbeats_and_runs_once(
    user, settings, tmp_path, monkeypatch, worker_class
):
    stub_engine(monkeypatch)
    settings.MEDIA_ROOT = Path(os.environ["NEXA_DATA_DIR"]) / "media"
    # Heartbeat every second; lost after 3 missed beats + 1 s. The job runs 9 s, so a worker that
    # did not heartbeat (the old in-process worker) would look lost to every reconcile below.
    monkeypatch.setenv("NEXA_JOB_MONITORING_INTERVAL", "1")
    monkeypatch.setenv("NEXA_WORKER_CLASS", worker_class)
    settings.NEXA_JOB_MONITORING_INTERVAL = 1
    settings.NEXA_HEARTBEAT_MISSED = 3
    settings.NEXA_JOB_STALE_GRACE = 1
    settings.NEXA_HEARTBEAT_STALE_SECONDS = 4  # the old fixed threshold's setting, set as low
    make_library()
    job = services.submit_audit(user, upload("long.pdf", tag=uuid.uuid4().hex))
    log_path = tmp_path / "workers.log"
    workers = [_worker(log_path, delay=9), _worker(log_path, delay=9)]
    requeued = []
    try:
        _wait_for(
            lambda: AnalysisJob.objects.filter(pk=job.pk, status="PROCESSING").exists(),
            90,
            "a worker to start the job",
            log_path,
        )
        first_beat = _rq_heartbeat(job.pk)
        latest_beat = first_beat
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.is_final:
                break
            requeued += reconcile.reconcile()["requeued"]
            latest_beat = max(latest_beat, _rq_heartbeat(job.pk) or latest_beat)
            time.sleep(1)
    finally:
        _stop(workers)
    job.refresh_from_db()
    assert job.status == "SUCCESS", (
        job.status,
        job.error_code,
        job.error_message,
        log_path.read_text()[-3000:],
    )
    assert requeued == [], requeued
    assert job.attempts == 1, job.attempts  # one run, by one of the two workers
    assert (job.finished_at - job.started_at).total_seconds() > reconcile.heartbeat_stale_seconds()
    assert (latest_beat - first_beat).total_seconds() >= 3, (first_beat, latest_beat)
    _wait_other_sessions_gone()


def test_job_past_its_timeout_ends_failure_timeout_and_stays_recorded(user, settings, tmp_path, monkeypatch):
    stub_engine(monkeypatch)
    settings.MEDIA_ROOT = Path(os.environ["NEXA_DATA_DIR"]) / "media"
    settings.RQ_JOB_TIMEOUT = 2  # the RQ job is enqueued with this timeout
    make_library()
    job = services.submit_audit(user, upload("slow.pdf", tag=uuid.uuid4().hex))
    log_path = tmp_path / "worker.log"
    worker = _worker(
        log_path, "--burst", delay=30
    )  # the default worker class  # the job would sleep 30 s; its timeout is 2 s
    started = time.monotonic()
    try:
        worker.wait(timeout=90)
    finally:
        _stop([worker])
    assert time.monotonic() - started < 30
    job.refresh_from_db()
    assert (job.status, job.error_code, job.stage) == ("FAILURE", "timeout", "failed"), (
        job.status,
        job.error_code,
        log_path.read_text()[-3000:],
    )
    assert "2 s timeout" in job.error_message and "JobTimeout" in job.traceback
    assert job.finished_at and job.audit.file.storage.exists(job.audit.file.name)
    assert reconcile.reconcile(now=timezone.now() + dt.timedelta(hours=1))["requeued"] == []
    _wait_other_sessions_gone()
