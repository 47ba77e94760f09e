"""RQ entry points. Only job ids travel through Redis; everything else is read from the database.

``run_analysis(job_id)`` is enqueued by ``jobs.services.enqueue`` with ``job_id`` = the
``AnalysisJob`` UUID, and called directly (no RQ, with a ``deadline``) by ``POST /analyze-audit``.
The lifecycle (claim, progress, outcome, retries) is ``jobs.runner.run_job``'s, shared with spec
imports; this module supplies the analysis job's :class:`AnalysisLifecycle`.
"""

from __future__ import annotations

import logging
import os
import socket
import time

from django.conf import settings
from django.db import connections
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from audits.services import analyze_audit, failure_result, result_for
from engine import EXTRACTION_TIMEOUT, PdfError
from jobs.models import AnalysisJob
from jobs.runner import INTERNAL_ERROR, TIMEOUT, TRANSIENT_ERROR, TRANSIENT_ERRORS, current_rq_job, run_job

__all__ = ["INTERNAL_ERROR", "TIMEOUT", "TRANSIENT_ERROR", "TRANSIENT_ERRORS", "HandOff", "run_analysis"]

log = logging.getLogger(__name__)

RUNNING = (AnalysisJob.Status.PENDING, AnalysisJob.Status.PROCESSING)
TEST_DELAY_ENV = "NEXA_TEST_JOB_DELAY"  # seconds; honoured only under tests (settings.TESTING)


class HandOff(BaseException):  # noqa: N818 - not an error: the work moves to the queue
    """Raised in ``POST /analyze-audit``'s run when its time limit is reached: the view hands the
    job to the queue (``jobs.services.hand_off``). A BaseException, so the job runner's
    ``except Exception`` does not record it as a failure."""


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
    """Mark a job and its followers ``SUCCESS`` or ``FAILURE`` (traceback on the job itself only),
    then deliver the result callbacks of those that asked for one (``jobs.callbacks``)."""
    now = timezone.now()
    fields = {"status": status, "finished_at": now, "heartbeat_at": now, "error_code": code[:32]}
    fields["error_message"] = message
    if status == AnalysisJob.Status.SUCCESS:
        fields.update(stage="done", progress=100)
    else:
        fields.update(stage="failed")
    ended = list(
        AnalysisJob.objects.filter(Q(pk=job_id) | Q(leader_id=job_id), status__in=RUNNING).values_list(
            "pk", flat=True
        )
    )
    AnalysisJob.objects.filter(pk=job_id, status__in=RUNNING).update(**fields, traceback=traceback)
    AnalysisJob.objects.filter(leader_id=job_id, status__in=RUNNING).update(**fields)
    from jobs import callbacks

    callbacks.schedule(ended)


def _worker_name() -> str:
    current = current_rq_job()
    if current is not None and current.worker_name:
        return current.worker_name
    return f"sync:{socket.gethostname()}:{os.getpid()}"


def _test_delay() -> None:
    delay = float(os.environ.get(TEST_DELAY_ENV, "0") or 0) if settings.TESTING else 0.0
    if delay > 0:
        time.sleep(delay)


class AnalysisLifecycle:
    """The ``AnalysisJob`` row's side of ``jobs.runner.run_job``: writes go to the job and its
    followers (:func:`group`); the claim is the PENDING -> PROCESSING step of the leader row, so two
    workers handed the same job (a re-queue while the first run was alive) cannot both run it."""

    what = "The analysis"

    def __init__(self, job: AnalysisJob, *, deadline: float | None = None):
        self.job = job
        self.label = f"job {job.pk}"
        self.deadline = deadline

    def claim(self) -> bool:
        """PENDING -> PROCESSING (start time, worker, attempt + 1); False if another run has it."""
        now = timezone.now()
        claimed = AnalysisJob.objects.filter(pk=self.job.pk, status=AnalysisJob.Status.PENDING).update(
            status=AnalysisJob.Status.PROCESSING,
            stage="starting",
            progress=1,
            heartbeat_at=now,
            started_at=now,
            worker_name=_worker_name()[:200],
            attempts=F("attempts") + 1,
        )
        if not claimed:
            log.warning("%s is not PENDING (another run has it, or it ended); not run again", self.label)
            return False
        group(self.job.pk).update(status=AnalysisJob.Status.PROCESSING, stage="starting", progress=1)
        return True

    def progress(self, stage: str, percent: int) -> None:
        """Stage and percent on the job and its followers; past a sync deadline: :class:`HandOff`."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise HandOff(stage)
        group(self.job.pk).update(
            stage=stage[:32], progress=max(0, min(100, int(percent))), heartbeat_at=timezone.now()
        )

    def succeed(self) -> None:
        """SUCCESS for the job and its followers; the result goes into the analysis cache."""
        from jobs.services import remember_analysis

        finish(self.job.pk, AnalysisJob.Status.SUCCESS)
        self.job.audit.refresh_from_db()
        remember_analysis(self.job.audit)

    def fail(self, code: str, message: str, traceback: str = "") -> None:
        """FAILURE with ``code`` for the job and its followers."""
        finish(self.job.pk, AnalysisJob.Status.FAILURE, code=code, message=message, traceback=traceback)

    def back_to_pending(self, reason: str) -> None:
        """PENDING again (stage ``retrying``) before RQ's retry."""
        group(self.job.pk).update(status=AnalysisJob.Status.PENDING, stage="retrying", error_message=reason)

    def timeout_seconds(self) -> float:
        """The RQ job's own timeout, else ``settings.RQ_JOB_TIMEOUT``."""
        current = current_rq_job()
        timeout = getattr(current, "timeout", None) if current is not None else None
        return float(timeout or settings.RQ_JOB_TIMEOUT)


def run_analysis(job_id: str, deadline: float | None = None) -> dict:
    """Run the analysis of one ``AnalysisJob`` (RQ entry point) through ``jobs.runner.run_job``.

    Marks the job ``PROCESSING`` (``started_at``, ``worker_name``, ``attempts`` + 1) unless it is
    not ``PENDING`` (final, or another run has it: then nothing runs), writes stage and progress
    at each stage, then ``SUCCESS`` or ``FAILURE`` with ``error_code``/``error_message`` (and
    ``traceback`` for staff): ``timeout`` past the job's timeout, the ``PdfError`` code for bad
    input, ``transient_error`` once RQ's retries are spent, ``internal_error`` for a bug.
    Followers of the job (identical submissions) get the same outcome.

    Args:
        job_id: the ``AnalysisJob`` UUID as a string (also the RQ job id).
        deadline: ``time.monotonic()`` value by which a direct (``POST /analyze-audit``) run must
            end; None under RQ (the RQ job timeout bounds it).

    Returns:
        ``{"job_id", "status", "error"}`` (stored by RQ as the job's return value; the real
        result lives in the database). A finished job is not run again (its status is returned);
        ``status`` ``SKIPPED`` when another run holds it,
        ``MISSING`` when no such job exists.

    Raises:
        HandOff: (only with ``deadline``) the time limit was reached; the job is ``PROCESSING``
            and the caller hands it to the queue.
        One of ``jobs.runner.TRANSIENT_ERRORS`` while RQ retries are left.
    """
    _close_connections()
    try:
        job = AnalysisJob.objects.select_related("audit").filter(pk=job_id).first()
        if job is None:
            log.warning("run_analysis: no job %s in the database; nothing to do", job_id)
            return {"job_id": job_id, "status": "MISSING", "error": None}
        if job.is_final:
            return {"job_id": job_id, "status": job.status, "error": None}
        lifecycle = AnalysisLifecycle(job, deadline=deadline)

        def work(progress) -> None:
            _test_delay()
            try:
                analyze_audit(job.audit, progress, deadline=deadline)
            except PdfError as exc:
                if (
                    deadline is not None
                    and exc.code == EXTRACTION_TIMEOUT
                    and time.monotonic() >= deadline - 0.05
                ):
                    raise HandOff("extracting") from None
                raise

        return {"job_id": job_id, **run_job(lifecycle, work)}
    finally:
        _close_connections()


def job_result(job: AnalysisJob) -> dict | None:
    """The §3 ``result`` of a finished job: the analysis (SUCCESS) or the failure shape (FAILURE)."""
    if job.status == AnalysisJob.Status.SUCCESS:
        return {**result_for(job.audit), "file": job.file_name}
    if job.status == AnalysisJob.Status.FAILURE:
        return failure_result(job.file_name, job.error_code, job.error_message)
    return None


def warm_library() -> str:
    """Build (or find) the snapshot of the current spec library version (``audits.library.warm_library``),
    queued after each spec import so the next audit starts warm. Returns the version, or
    ``"deferred"`` while other imports are pending (the last one queues this again)."""
    from audits.library import warm_library as warm

    try:
        return warm()
    finally:
        _close_connections()
