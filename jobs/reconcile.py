"""The reconciler: no job stays ``PENDING`` or ``PROCESSING`` forever.

The database says what should be happening, Redis says what is. ``reconcile()`` compares them:

* ``PENDING`` jobs whose RQ job is missing (Redis restarted or flushed, enqueue failed) are
  queued again; ones whose RQ job failed before the task could record anything are re-queued
  up to the attempt limit.
* ``PROCESSING`` jobs whose worker died are *lost*: RQ moved the job to a failed registry
  (the work horse died, or the started registry's heartbeat expired: "abandoned"), the RQ job
  is gone, the worker's registration is gone, the worker process on this host no longer exists,
  or the heartbeat (RQ's or the job row's) is stale. A lost job is re-queued while it has
  attempts left (``settings.NEXA_JOB_MAX_ATTEMPTS``, default 3), then ends ``FAILURE`` with code
  ``worker_lost``.
* Followers of a finished job (identical submissions in flight) take its outcome.
* Spec imports: a ``PENDING`` document whose import job is missing from Redis is queued again;
  a ``PROCESSING`` one whose import job died or vanished ends ``FAILED`` with ``worker_lost``
  (uploading the same file again retries it).

Run by ``manage.py reconcile_jobs`` and every ``NEXA_RECONCILE_INTERVAL`` seconds (default 60) by
the workers' scheduler (``periodic_reconcile``, started by ``jobs.worker.NexaWorker``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from jobs import callbacks
from jobs.models import AnalysisJob
from jobs.services import QUEUE_DEFAULT, QUEUE_SYNC, enqueue, get_queue
from jobs.tasks import finish

log = logging.getLogger(__name__)

WORKER_LOST = "worker_lost"
QUEUE_NAMES = ("high", "default", "batch")
RECONCILE_TASK = "jobs.reconcile.periodic_reconcile"
NEXT_KEY = "nexa:reconcile:next"  # id of the next scheduled periodic run (queue db)
LOCK_KEY = "nexa:reconcile:lock"
DEAD_RQ_STATES = {"failed", "stopped", "canceled", "finished"}
ALIVE_RQ_STATES = {"queued", "scheduled", "deferred"}


def _setting(name: str, default):
    return getattr(settings, name, default)


def max_attempts() -> int:
    """Runs a job may start before a lost worker fails it (``settings.NEXA_JOB_MAX_ATTEMPTS``, 3)."""
    return int(_setting("NEXA_JOB_MAX_ATTEMPTS", 3))


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _sync_job_lost(job: AnalysisJob, now: dt.datetime) -> str | None:
    """A job run in a web process (``POST /analyze-audit``): lost if that process is gone."""
    parts = job.worker_name.split(":")
    if len(parts) == 3 and parts[1] == socket.gethostname() and parts[2].isdigit():
        if not _pid_alive(int(parts[2])):
            return f"the web process {parts[2]} running it exited"
    return None


def _exc_string(rq_job) -> str:
    """The last error RQ recorded for ``rq_job`` ("" when none)."""
    try:
        result = rq_job.latest_result()
    except Exception:  # partial job data: no reason to give
        return ""
    return (getattr(result, "exc_string", "") or "") if result else ""


HARD_KILL_MARGIN = 60  # seconds RQ's forking worker waits past a job's timeout before killing it


def heartbeat_stale_seconds() -> float:
    """Seconds without a heartbeat after which a started job counts as lost: the workers beat every
    ``settings.NEXA_JOB_MONITORING_INTERVAL`` seconds (10), and ``NEXA_HEARTBEAT_MISSED`` (3)
    beats in a row must be missing, plus ``NEXA_JOB_STALE_GRACE`` (30 s) for a slow Redis."""
    interval = int(_setting("NEXA_JOB_MONITORING_INTERVAL", 10))
    return interval * int(_setting("NEXA_HEARTBEAT_MISSED", 3)) + int(_setting("NEXA_JOB_STALE_GRACE", 30))


def run_limit_seconds(timeout: float | None) -> float:
    """Seconds after its start by which a job with RQ ``timeout`` (seconds; None or <= 0: the
    default ``settings.RQ_JOB_TIMEOUT``) must have ended: the timeout, RQ's hard-kill margin and
    ``NEXA_JOB_STALE_GRACE``. A job still ``PROCESSING`` after that was lost."""
    timeout = timeout if timeout and timeout > 0 else settings.RQ_JOB_TIMEOUT
    return float(timeout) + HARD_KILL_MARGIN + int(_setting("NEXA_JOB_STALE_GRACE", 30))


def lost_reason(job: AnalysisJob, connection, now: dt.datetime | None = None) -> str | None:
    """Why the ``PROCESSING`` ``job`` is lost (its worker died), or None while it may be running.

    The thresholds come from the job itself: it is lost when it has run longer than its own RQ
    timeout allows (:func:`run_limit_seconds`), or its worker missed several heartbeats in a row
    (:func:`heartbeat_stale_seconds`); never merely because it is old.

    Args:
        job: a ``PROCESSING`` AnalysisJob.
        connection: the queues' Redis connection.
        now: the current time (aware), for the heartbeat checks.
    """
    from rq import Worker
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    now = now or timezone.now()
    started = job.started_at or job.heartbeat_at or job.created_at
    if job.queue == QUEUE_SYNC:
        limit = dt.timedelta(seconds=run_limit_seconds(float(_setting("NEXA_SYNC_TIMEOUT", 20.0))))
        if started and now - started > limit:
            return f"running since {started.isoformat()}, past its time limit"
        return _sync_job_lost(job, now)
    try:
        rq_job = Job.fetch(str(job.id), connection=connection)
    except NoSuchJobError:
        return "its RQ job is missing from Redis"
    limit = dt.timedelta(seconds=run_limit_seconds(rq_job.timeout))
    if started and now - started > limit:
        return f"running since {started.isoformat()}, past its {rq_job.timeout or settings.RQ_JOB_TIMEOUT} s timeout"
    status = rq_job.get_status(refresh=False)
    status = getattr(status, "value", status)
    if status in ALIVE_RQ_STATES:
        return None  # queued again (RQ retry, or re-queued by someone): it will run
    if status in DEAD_RQ_STATES:
        info = (_exc_string(rq_job) or "").strip().splitlines()
        return f"RQ reports the job {status}" + (f": {info[-1]}" if info else "")
    # started: is its worker still there?
    worker_name = rq_job.worker_name or job.worker_name
    worker = (
        Worker.find_by_key(Worker.redis_worker_namespace_prefix + worker_name, connection=connection)
        if worker_name
        else None
    )
    if worker is None:
        return f"its worker {worker_name or '?'} is gone"
    if worker.hostname == socket.gethostname() and not _pid_alive(worker.pid):
        try:
            worker.register_death()
        except Exception as exc:  # cleanup of the dead worker's registration is best effort
            log.warning("could not unregister dead worker %s: %s", worker.name, exc)
        return f"its worker {worker.name} (pid {worker.pid}) died"
    beat = _aware(rq_job.last_heartbeat)
    if beat and (now - beat).total_seconds() > heartbeat_stale_seconds():
        return f"its worker stopped sending heartbeats at {beat.isoformat()}"
    return None


def _requeue_or_fail(job: AnalysisJob, reason: str, report: dict) -> None:
    """Re-queue a lost or failed job while attempts are left, else FAILURE ``worker_lost``."""
    current = AnalysisJob.objects.filter(pk=job.pk, status=job.status, attempts=job.attempts)
    if job.attempts >= max_attempts():
        if current.exists():
            finish(
                job.pk,
                AnalysisJob.Status.FAILURE,
                code=WORKER_LOST,
                message=f"The analysis was lost {job.attempts} times; last: {reason}.",
            )
            report["failed"].append(str(job.id))
        return
    queue = QUEUE_DEFAULT if job.queue == QUEUE_SYNC else job.queue
    # Committed before the enqueue, so the worker that picks it up sees PENDING.
    changed = current.update(
        status=AnalysisJob.Status.PENDING,
        stage="requeued",
        progress=0,
        queue=queue,
        worker_name="",
        error_message=f"re-queued: {reason}",
    )
    if not changed:
        return  # the job moved on meanwhile
    AnalysisJob.objects.filter(leader_id=job.pk, status=AnalysisJob.Status.PROCESSING).update(
        status=AnalysisJob.Status.PENDING, stage="requeued", progress=0
    )
    job.queue = queue
    enqueue(job)  # if Redis refuses, the row is PENDING and the next run queues it
    report["requeued"].append(str(job.id))
    log.warning("job %s: %s; re-queued (attempt %s of %s)", job.id, reason, job.attempts + 1, max_attempts())


def reconcile(*, pending_grace: float | None = None, now: dt.datetime | None = None) -> dict:
    """Compare job rows with RQ and repair the difference (see the module docstring).

    Args:
        pending_grace: seconds a ``PENDING`` job may wait for its on-commit enqueue before a
            missing RQ job counts (``settings.NEXA_PENDING_GRACE``, default 30).
        now: the current time (aware); tests pass it to age jobs.

    Returns:
        ``{"requeued": [job ids], "failed": [job ids], "followers": [job ids], "checked": int,
        "abandoned": int}``; ``abandoned`` counts RQ jobs that RQ's own cleanup moved from a
        started registry to a failed one (heartbeat expired).
    """
    import django_rq
    from rq.exceptions import NoSuchJobError
    from rq.job import Job
    from rq.registry import StartedJobRegistry

    now = now or timezone.now()
    grace = dt.timedelta(
        seconds=pending_grace if pending_grace is not None else int(_setting("NEXA_PENDING_GRACE", 30))
    )
    report: dict = {"requeued": [], "failed": [], "followers": [], "checked": 0, "abandoned": 0}
    connection = django_rq.get_connection("default")
    for name in QUEUE_NAMES:
        registry = StartedJobRegistry(queue=django_rq.get_queue(name))
        report["abandoned"] += len(registry.get_expired_job_ids())
        registry.cleanup()

    leaders = AnalysisJob.objects.filter(leader__isnull=True)
    for job in leaders.filter(status=AnalysisJob.Status.PENDING, created_at__lt=now - grace):
        report["checked"] += 1
        try:
            rq_job = Job.fetch(str(job.id), connection=connection)
        except NoSuchJobError:
            rq_job = None
        if rq_job is None:
            if job.queue == QUEUE_SYNC:
                AnalysisJob.objects.filter(pk=job.pk, status=job.status).update(queue=QUEUE_DEFAULT)
                job.queue = QUEUE_DEFAULT
            if enqueue(job):
                report["requeued"].append(str(job.id))
                log.warning("job %s was PENDING with no RQ job; queued again", job.id)
            continue
        status = getattr(rq_job.get_status(refresh=False), "value", rq_job.get_status(refresh=False))
        if status in DEAD_RQ_STATES:
            # The RQ job ended without the task recording an outcome: count it as an attempt.
            AnalysisJob.objects.filter(pk=job.pk, status=job.status).update(attempts=F("attempts") + 1)
            job.refresh_from_db()
            _requeue_or_fail(job, f"RQ reports the job {status}", report)

    for job in leaders.filter(status=AnalysisJob.Status.PROCESSING):
        report["checked"] += 1
        reason = lost_reason(job, connection, now)
        if reason:
            _requeue_or_fail(job, reason, report)

    followers = AnalysisJob.objects.filter(
        leader__isnull=False, status__in=(AnalysisJob.Status.PENDING, AnalysisJob.Status.PROCESSING)
    ).select_related("leader")
    for job in followers:
        leader = job.leader
        if leader.is_final:
            AnalysisJob.objects.filter(pk=job.pk).update(
                status=leader.status,
                stage=leader.stage,
                progress=leader.progress,
                error_code=leader.error_code,
                error_message=leader.error_message,
                finished_at=leader.finished_at or now,
            )
            callbacks.schedule([job.pk])
            report["followers"].append(str(job.id))
    _reconcile_spec_imports(connection, now - grace, report)
    return report


def _reconcile_spec_imports(connection, before: dt.datetime, report: dict) -> None:
    """Spec documents stuck in ``PENDING`` or ``PROCESSING`` (see the module docstring)."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    from specs.models import SpecDocument
    from specs.services import enqueue_import_now, import_job_id

    report.setdefault("specs_requeued", [])
    report.setdefault("specs_failed", [])
    stuck = SpecDocument.objects.filter(
        status__in=(SpecDocument.Status.PENDING, SpecDocument.Status.PROCESSING), uploaded_at__lt=before
    )
    for doc in stuck:
        try:
            rq_job = Job.fetch(import_job_id(doc.pk), connection=connection)
            state = getattr(rq_job.get_status(refresh=False), "value", None)
        except NoSuchJobError:
            state = None
        if doc.status == SpecDocument.Status.PENDING and state in (None, *DEAD_RQ_STATES):
            if enqueue_import_now(doc.pk):
                report["specs_requeued"].append(doc.pk)
                log.warning("spec import %s was PENDING with no live RQ job; queued again", doc.pk)
        elif doc.status == SpecDocument.Status.PROCESSING and state in (None, *DEAD_RQ_STATES):
            changed = SpecDocument.objects.filter(pk=doc.pk, status=SpecDocument.Status.PROCESSING).update(
                status=SpecDocument.Status.FAILED,
                error_code=WORKER_LOST,
                error_message="The import stopped when its worker died; upload the file again to retry.",
            )
            if changed:
                report["specs_failed"].append(doc.pk)


def schedule_next(connection=None, interval: int | None = None) -> str:
    """Schedule the next ``periodic_reconcile`` run on the ``high`` queue in ``interval`` seconds
    (``settings.NEXA_RECONCILE_INTERVAL``, default 60) and return its RQ job id. Needs a worker
    started ``--with-scheduler`` to fire."""

    queue = get_queue("high")
    connection = connection or queue.connection
    interval = interval or int(_setting("NEXA_RECONCILE_INTERVAL", 60))
    job_id = f"nexa-reconcile-{uuid.uuid4().hex}"
    queue.enqueue_in(dt.timedelta(seconds=interval), RECONCILE_TASK, job_id=job_id, result_ttl=interval * 5)
    connection.set(NEXT_KEY, job_id)
    return job_id


def ensure_scheduled(connection=None) -> str | None:
    """Schedule the periodic reconciler unless a run is already scheduled, queued or running.

    Called by every worker at start-up; a short Redis lock keeps simultaneous starts from
    scheduling twice. Returns the new RQ job id, or None when one was already pending.
    """
    import django_rq
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    connection = connection or django_rq.get_connection("high")
    if not connection.set(LOCK_KEY, "1", nx=True, ex=10):
        return None
    try:
        current = connection.get(NEXT_KEY)
        if current:
            try:
                job = Job.fetch(current.decode(), connection=connection)
                status = getattr(job.get_status(refresh=False), "value", job.get_status(refresh=False))
                if status in ("scheduled", "queued", "started", "deferred"):
                    return None
            except NoSuchJobError:
                pass
        return schedule_next(connection)
    finally:
        connection.delete(LOCK_KEY)


def periodic_reconcile() -> dict:
    """RQ entry point: ``reconcile()`` now, then schedule the next run (even after an error).

    Only the run recorded as the current one (``NEXT_KEY``) extends the chain; a stray extra
    run (scheduled by hand) just makes sure one is pending, so chains never multiply.
    """
    from rq import get_current_job

    try:
        return reconcile()
    finally:
        current = get_current_job()
        connection = get_queue("high").connection
        recorded = connection.get(NEXT_KEY)
        if current is None or recorded is None or recorded.decode() == current.id:
            schedule_next(connection)
        else:
            ensure_scheduled(connection)
