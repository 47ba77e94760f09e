"""The reconciler: jobs whose RQ job vanished or whose worker died are re-queued or failed."""

import datetime as dt
import json
import subprocess
from types import SimpleNamespace

import django_rq
import pytest
from django.core.management import call_command
from django.utils import timezone
from rq import Worker
from rq.job import JobStatus
from rq.registry import FailedJobRegistry, ScheduledJobRegistry

from jobs import reconcile, services
from jobs.models import AnalysisJob
from tests.jobs_support import make_library, stub_engine, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _engine(monkeypatch):
    stub_engine(monkeypatch)


@pytest.fixture
def job(user, django_capture_on_commit_callbacks):
    """A submitted (queued) job of ``user`` on the ``high`` queue, with a one-clause library."""
    make_library()
    with django_capture_on_commit_callbacks(execute=True):
        return services.submit_audit(user, upload())


def _later(seconds=3600):
    return timezone.now() + dt.timedelta(seconds=seconds)


def _processing(job, attempts=1, worker_name="w-1", **extra):
    now = timezone.now()
    AnalysisJob.objects.filter(pk=job.pk).update(
        status="PROCESSING",
        stage="detecting",
        progress=25,
        attempts=attempts,
        started_at=now,
        heartbeat_at=now,
        worker_name=worker_name,
        **extra,
    )
    job.refresh_from_db()


def _rq_job(job):
    return django_rq.get_queue(job.queue).fetch_job(str(job.id))


def _fail_in_rq(job, message="Work-horse terminated unexpectedly; waitpid returned 9"):
    """What RQ leaves behind when the work horse is killed: the job in the failed registry."""
    queue = django_rq.get_queue(job.queue)
    rq_job = queue.fetch_job(str(job.id))
    queue.remove(rq_job)
    rq_job.set_status(JobStatus.FAILED)
    FailedJobRegistry(queue=queue).add(rq_job, exc_string=message)


def _dead_pid():
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def _started_by(job, worker_name, pid):
    """The RQ job as a worker ``worker_name`` (process ``pid``) leaves it while running."""
    queue = django_rq.get_queue(job.queue)
    worker = Worker([queue], connection=queue.connection, name=worker_name)
    worker.register_birth()
    queue.connection.hset(worker.key, "pid", pid)
    rq_job = queue.fetch_job(str(job.id))
    queue.remove(rq_job)
    worker.prepare_job_execution(rq_job)
    return worker


def test_pending_job_missing_from_redis_is_requeued(job, run_jobs):
    django_rq.get_connection("default").flushdb()  # Redis restarted empty
    report = reconcile.reconcile(now=_later())
    assert report["requeued"] == [str(job.id)]
    assert _rq_job(job) is not None
    run_jobs()
    job.refresh_from_db()
    assert job.status == "SUCCESS"


def test_fresh_pending_job_is_left_alone(job):
    django_rq.get_connection("default").flushdb()
    assert reconcile.reconcile()["requeued"] == []  # its on-commit enqueue may still be coming
    assert reconcile.reconcile(pending_grace=0, now=_later(1))["requeued"] == [str(job.id)]


def test_queued_pending_job_is_left_alone(job):
    report = reconcile.reconcile(now=_later())
    assert report["requeued"] == [] and report["failed"] == []
    assert django_rq.get_queue("high").count == 1


def test_processing_job_with_failed_rq_job_is_requeued_and_succeeds(job, run_jobs):
    _processing(job)
    _fail_in_rq(job)
    report = reconcile.reconcile()
    assert report["requeued"] == [str(job.id)]
    job.refresh_from_db()
    assert job.status == "PENDING" and job.stage == "requeued" and "failed" in job.error_message
    assert FailedJobRegistry(queue=django_rq.get_queue("high")).count == 0
    run_jobs()
    job.refresh_from_db()
    assert job.status == "SUCCESS" and job.attempts == 2


def test_processing_job_missing_from_redis_is_requeued(job, run_jobs):
    _processing(job)
    _rq_job(job).delete()
    assert reconcile.reconcile()["requeued"] == [str(job.id)]
    run_jobs()
    job.refresh_from_db()
    assert job.status == "SUCCESS"


def test_worker_lost_after_retry_limit(job, settings):
    settings.NEXA_JOB_MAX_ATTEMPTS = 3
    _processing(job, attempts=3)
    _fail_in_rq(job)
    report = reconcile.reconcile()
    assert report["failed"] == [str(job.id)] and report["requeued"] == []
    job.refresh_from_db()
    assert job.status == "FAILURE" and job.error_code == "worker_lost"
    assert "3 times" in job.error_message and job.finished_at


def test_started_job_of_dead_local_worker_is_requeued(job, run_jobs):
    _started_by(job, "ghost-worker", _dead_pid())
    assert _rq_job(job).get_status() == "started"
    _processing(job, worker_name="ghost-worker")
    report = reconcile.reconcile()
    assert report["requeued"] == [str(job.id)]
    assert "ghost-worker" in AnalysisJob.objects.get(pk=job.pk).error_message
    assert "ghost-worker" not in [w.name for w in Worker.all(connection=django_rq.get_connection())]
    run_jobs()
    job.refresh_from_db()
    assert job.status == "SUCCESS"


def test_started_job_of_live_worker_is_left_alone(job):
    import os

    _started_by(job, "busy-worker", os.getpid())
    _processing(job, worker_name="busy-worker")
    report = reconcile.reconcile()
    assert report["requeued"] == [] and report["failed"] == []
    assert AnalysisJob.objects.get(pk=job.pk).status == "PROCESSING"


def test_started_job_whose_worker_registration_is_gone(job):
    import os

    worker = _started_by(job, "vanished-worker", os.getpid())
    worker.register_death()
    queue = django_rq.get_queue("high")
    queue.connection.delete(worker.key)
    _processing(job, worker_name="vanished-worker")
    assert reconcile.reconcile()["requeued"] == [str(job.id)]


def test_stale_heartbeat_counts_as_lost(job, settings):
    import os

    _started_by(job, "stuck-worker", os.getpid())
    _processing(job, worker_name="stuck-worker")
    later = timezone.now() + dt.timedelta(seconds=settings.RQ_JOB_TIMEOUT + 600)
    assert reconcile.reconcile(now=later)["requeued"] == [str(job.id)]


def test_rq_retry_in_progress_is_left_alone(job):
    _processing(job)  # row still PROCESSING, but RQ has the job queued again (a retry)
    assert reconcile.reconcile()["requeued"] == []


def test_pending_job_whose_rq_job_failed_counts_an_attempt(job, settings, run_jobs):
    _fail_in_rq(job)  # e.g. the task could not even be imported
    report = reconcile.reconcile(now=_later())
    assert report["requeued"] == [str(job.id)]
    assert AnalysisJob.objects.get(pk=job.pk).attempts == 1
    settings.NEXA_JOB_MAX_ATTEMPTS = 1
    _fail_in_rq(AnalysisJob.objects.get(pk=job.pk))
    AnalysisJob.objects.filter(pk=job.pk).update(status="PENDING")
    assert reconcile.reconcile(now=_later())["failed"] == [str(job.id)]


def test_sync_job_of_dead_web_process_is_requeued_on_default(user, run_jobs):
    make_library()
    job = services.submit_audit(user, upload(), enqueue_job=False)
    _processing(job, worker_name=f"sync:{__import__('socket').gethostname()}:{_dead_pid()}")
    assert reconcile.reconcile()["requeued"] == [str(job.id)]
    job.refresh_from_db()
    assert job.queue == "default"
    run_jobs()
    job.refresh_from_db()
    assert job.status == "SUCCESS"


def test_follower_takes_outcome_of_finished_leader(job, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        follower = services.submit_audit(user, upload("copy.pdf"))
    assert follower.leader_id == job.id
    AnalysisJob.objects.filter(pk=job.pk).update(
        status="FAILURE", error_code="worker_lost", error_message="lost", finished_at=timezone.now()
    )
    assert reconcile.reconcile()["followers"] == [str(follower.id)]
    follower.refresh_from_db()
    assert follower.status == "FAILURE" and follower.error_code == "worker_lost"


def test_command_prints_json(job):
    _processing(job)
    _rq_job(job).delete()
    from io import StringIO

    out = StringIO()
    call_command("reconcile_jobs", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["requeued"] == [str(job.id)]
    out = StringIO()
    call_command("reconcile_jobs", stdout=out)
    assert "re-queued 0" in out.getvalue()


def test_periodic_schedule_once_and_reschedules(db):
    conn = django_rq.get_connection("high")
    first = reconcile.ensure_scheduled(conn)
    assert first and first.startswith("nexa-reconcile-")
    assert reconcile.ensure_scheduled(conn) is None  # a run is already scheduled
    scheduled = ScheduledJobRegistry(queue=django_rq.get_queue("high"))
    assert first in scheduled.get_job_ids()
    report = reconcile.periodic_reconcile()
    assert set(report) >= {"requeued", "failed", "checked"}
    next_id = conn.get(reconcile.NEXT_KEY).decode()
    assert next_id != first and next_id in scheduled.get_job_ids()


def test_worker_class_schedules_reconciler(db):
    from jobs.worker import NexaWorker

    queue = django_rq.get_queue("high")
    worker = NexaWorker([queue], connection=queue.connection)
    assert worker.job_monitoring_interval == 10
    worker.work(burst=True)  # burst: no scheduling
    assert not queue.connection.get(reconcile.NEXT_KEY)
    alive = SimpleNamespace(is_alive=lambda: True)
    worker.scheduler = SimpleNamespace(_process=alive)  # as with --with-scheduler
    worker.run_maintenance_tasks()  # e.g. after Redis restarted empty: the chain is re-made
    assert queue.connection.get(reconcile.NEXT_KEY)


def test_stray_periodic_run_does_not_fork_the_chain(db, run_jobs):
    queue = django_rq.get_queue("high")
    conn = queue.connection
    chain = reconcile.ensure_scheduled(conn)
    queue.enqueue(reconcile.RECONCILE_TASK, job_id="nexa-reconcile-stray")  # e.g. started by hand
    run_jobs(["high"])
    scheduled = ScheduledJobRegistry(queue=queue).get_job_ids()
    assert scheduled == [chain] and conn.get(reconcile.NEXT_KEY).decode() == chain


# --- spec imports ------------------------------------------------------------------------------


def _spec_pdf(tag: str) -> bytes:
    from tests.jobs_support import audit_pdf

    return audit_pdf(["1 Scope", "1.1 Guy guards shall be not less than 8 ft long."], tag=tag)


def test_spec_import_pending_without_rq_job_is_queued_again_and_imports(run_jobs, redis_conn):
    """Redis lost the import job (enqueue failed or Redis flushed): the reconciler queues it again."""
    from specs.models import SpecDocument
    from specs.services import import_job_id, register_upload

    doc = register_upload(_spec_pdf("lost-spec"), "guying.pdf").document  # no on-commit enqueue ran
    assert doc.status == SpecDocument.Status.PENDING
    assert not redis_conn.exists(f"rq:job:{import_job_id(doc.pk)}")
    report = reconcile.reconcile(now=_later())
    assert report["specs_requeued"] == [doc.pk]
    run_jobs()
    doc.refresh_from_db()
    assert doc.status == SpecDocument.Status.READY and doc.clauses.exists()


def test_spec_import_processing_with_dead_job_fails_worker_lost():
    """An import whose worker died mid-way ends FAILED with worker_lost, not PROCESSING forever."""
    from specs.models import SpecDocument
    from specs.services import register_upload

    doc = register_upload(_spec_pdf("dead-spec"), "guying.pdf").document
    SpecDocument.objects.filter(pk=doc.pk).update(status=SpecDocument.Status.PROCESSING)
    report = reconcile.reconcile(now=_later())
    assert report["specs_failed"] == [doc.pk]
    doc.refresh_from_db()
    assert doc.status == SpecDocument.Status.FAILED and doc.error_code == "worker_lost"


def test_spec_import_queued_is_left_alone(django_capture_on_commit_callbacks):
    """A PENDING import whose RQ job is still queued is not queued twice."""
    from specs.services import enqueue_import, register_upload

    doc = register_upload(_spec_pdf("queued-spec"), "guying.pdf").document
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_import(doc)
    assert django_rq.get_queue("default").count == 1
    report = reconcile.reconcile(now=_later())
    assert report["specs_requeued"] == [] and report["specs_failed"] == []
    assert django_rq.get_queue("default").count == 1
