"""RQ entry points. Only job ids travel through Redis; everything else is read from the database.

``run_analysis(job_id)`` is enqueued by ``jobs.services.enqueue`` with ``job_id`` = the
``AnalysisJob`` UUID, and called directly (no RQ) by ``POST /analyze-audit``.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import traceback as tb

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq.timeouts import JobTimeoutException

from audits.services import analyze_audit, failure_result, result_for
from engine.pdftext import PdfError
from jobs.models import AnalysisJob
from jobs.worker import JobTimeout

log = logging.getLogger(__name__)

# Errors worth another attempt (with backoff, by RQ's Retry): the database or Redis went away.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
TRANSIENT_ERROR = "transient_error"
TIMEOUT = "timeout"
INTERNAL_ERROR = "internal_error"
RUNNING = (AnalysisJob.Status.PENDING, AnalysisJob.Status.PROCESSING)
TEST_DELAY_ENV = "NEXA_TEST_JOB_DELAY"  # seconds; honoured only under tests (settings.TESTING)


def _close_connections() -> None:
    """Close the DB connections between jobs, unless a surrounding transaction owns them (tests)."""
    if any(conn.in_atomic_block for conn in connections.all(initialized_only=True)):
        return
    connections.close_all()


def group(job_id) -> QuerySet:
    """The job and the jobs following it (identical submissions in flight), while not finished.

    Every write of a run goes through this, so the first outcome recorded wins: a duplicate run
    (a re-queued job whose old work horse was still alive) cannot overwrite a finished job.
    """
    return AnalysisJob.objects.filter(Q(pk=job_id) | Q(leader_id=job_id), status__in=RUNNING)


def finish(job_id, status: str, *, code: str = "", message: str = "", traceback: str = "") -> None:
    """Mark a job and its followers ``SUCCESS`` or ``FAILURE`` (traceback on the job itself only)."""
    now = timezone.now()
    fields = {"status": status, "finished_at": now, "heartbeat_at": now, "error_code": code[:32]}
    fields["error_message"] = message
    if status == AnalysisJob.Status.SUCCESS:
        fields.update(stage="done", progress=100)
    else:
        fields.update(stage="failed")
    AnalysisJob.objects.filter(pk=job_id, status__in=RUNNING).update(**fields, traceback=traceback)
    AnalysisJob.objects.filter(leader_id=job_id, status__in=RUNNING).update(**fields)


def _worker_name() -> str:
    from rq import get_current_job

    current = get_current_job()
    if current is not None and current.worker_name:
        return current.worker_name
    return f"sync:{socket.gethostname()}:{os.getpid()}"


def _retries_left() -> int:
    from rq import get_current_job

    current = get_current_job()
    return int(current.retries_left or 0) if current is not None else 0


def _test_delay() -> None:
    delay = float(os.environ.get(TEST_DELAY_ENV, "0") or 0) if settings.TESTING else 0.0
    if delay > 0:
        time.sleep(delay)


def run_analysis(job_id: str) -> dict:
    """Run the analysis of one ``AnalysisJob`` (RQ entry point).

    Marks the job ``PROCESSING`` (``started_at``, ``worker_name``, ``attempts`` + 1), writes stage
    and progress (and a heartbeat) at each stage, then ``SUCCESS`` or ``FAILURE`` with
    ``error_code``/``error_message`` (and ``traceback`` for staff). Bad input (``PdfError``) fails
    at once with its code. Transient database/Redis errors are re-raised while RQ retries are
    left, so RQ's ``Retry`` runs the job again with backoff; the last attempt fails with
    ``transient_error``. Followers of the job (identical submissions) get the same outcome.

    Args:
        job_id: the ``AnalysisJob`` UUID as a string (also the RQ job id).

    Returns:
        ``{"job_id", "status", "error"}`` (stored by RQ as the job's return value; the real
        result lives in the database).
    """
    _close_connections()
    try:
        return _run(job_id)
    finally:
        _close_connections()


def _run(job_id: str) -> dict:
    job = AnalysisJob.objects.select_related("audit").filter(pk=job_id).first()
    if job is None:
        log.warning("run_analysis: no job %s in the database; nothing to do", job_id)
        return {"job_id": job_id, "status": "MISSING", "error": None}
    if job.is_final:
        return {"job_id": job_id, "status": job.status, "error": None}
    now = timezone.now()
    group(job.pk).update(status=AnalysisJob.Status.PROCESSING, stage="starting", progress=1, heartbeat_at=now)
    AnalysisJob.objects.filter(pk=job.pk, status__in=RUNNING).update(
        started_at=now, worker_name=_worker_name()[:200], attempts=F("attempts") + 1
    )
    _test_delay()

    def progress(stage: str, percent: int) -> None:
        group(job.pk).update(
            stage=stage[:32], progress=max(0, min(100, int(percent))), heartbeat_at=timezone.now()
        )

    try:
        analyze_audit(job.audit, progress)
    except (JobTimeout, JobTimeoutException):  # ours, or RQ's own under another worker class
        message = f"The analysis took longer than {settings.RQ_JOB_TIMEOUT} s."
        log.error("job %s: %s", job_id, message)
        finish(job.pk, AnalysisJob.Status.FAILURE, code=TIMEOUT, message=message, traceback=tb.format_exc())
        return {"job_id": job_id, "status": "FAILURE", "error": {"code": TIMEOUT, "message": message}}
    except PdfError as exc:
        finish(job.pk, AnalysisJob.Status.FAILURE, code=exc.code, message=exc.message)
        return {"job_id": job_id, "status": "FAILURE", "error": exc.as_dict()}
    except TRANSIENT_ERRORS as exc:
        if _retries_left() > 0:
            log.warning("job %s: transient error, RQ will retry: %s", job_id, exc)
            try:
                group(job.pk).update(
                    status=AnalysisJob.Status.PENDING,
                    stage="retrying",
                    error_message=f"retrying after: {exc}",
                )
            except DatabaseError:
                pass  # the database is the thing that is down; the reconciler catches up
            raise
        finish(
            job.pk,
            AnalysisJob.Status.FAILURE,
            code=TRANSIENT_ERROR,
            message=f"Gave up after repeated database/Redis errors: {exc}",
            traceback=tb.format_exc(),
        )
        return {
            "job_id": job_id,
            "status": "FAILURE",
            "error": {"code": TRANSIENT_ERROR, "message": str(exc)},
        }
    except Exception as exc:
        message = f"The analysis failed unexpectedly ({type(exc).__name__}); staff can see the traceback."
        log.exception("job %s failed", job_id)
        finish(
            job.pk,
            AnalysisJob.Status.FAILURE,
            code=INTERNAL_ERROR,
            message=message,
            traceback=tb.format_exc(),
        )
        return {"job_id": job_id, "status": "FAILURE", "error": {"code": INTERNAL_ERROR, "message": message}}
    finish(job.pk, AnalysisJob.Status.SUCCESS)
    from jobs.services import remember_analysis

    job.audit.refresh_from_db()
    remember_analysis(job.audit)
    return {"job_id": job_id, "status": "SUCCESS", "error": None}


def job_result(job: AnalysisJob) -> dict | None:
    """The §3 ``result`` of a finished job: the analysis (SUCCESS) or the failure shape (FAILURE)."""
    if job.status == AnalysisJob.Status.SUCCESS:
        return result_for(job.audit)
    if job.status == AnalysisJob.Status.FAILURE:
        return failure_result(job.audit.original_filename, job.error_code, job.error_message)
    return None
