"""Job services: submitting audits (store the upload, create the job row, enqueue on commit) and
the job actions the admin and the API call (re-queue, cancel, re-run, hand a sync run to the queue).

Only cheap checks happen here (size, ``%PDF-`` header); the PDF is read by the worker. The
database is the system of record: a job whose enqueue fails (Redis down) stays ``PENDING`` and
the reconciler (``jobs.reconcile``) queues it later. A file refused by the cheap checks is
recorded too (``record_refused``): its ``Audit`` row and an ``AnalysisJob`` already ``FAILURE``
with the error code, never enqueued.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

import engine
from audits.models import Audit
from engine import TOO_LARGE, PdfError
from jobs import callbacks, monitoring
from jobs.models import AnalysisJob, Batch, ClientAccount
from nexa.storage import clean_filename
from nexa.uploads import check_upload

log = logging.getLogger(__name__)

TASK = "jobs.tasks.run_analysis"
QUEUE_HIGH, QUEUE_DEFAULT, QUEUE_BATCH = "high", "default", "batch"
QUEUE_SYNC = "sync"  # run in the web process by ``POST /analyze-audit``; never enqueued
RUNNING = (AnalysisJob.Status.PENDING, AnalysisJob.Status.PROCESSING)
NO_FILE = "no_file"
CANCELED = "canceled"
STAGE_REFUSED = "refused"  # stage of a job refused by the cheap checks (never enqueued)


def _sha256(uploaded_file) -> str:
    # hashed as it streamed in (nexa.uploads.BoundedFileUploadHandler); an OversizeUpload kept no bytes
    streamed = getattr(uploaded_file, "streamed_sha256", None)
    if streamed:
        return streamed
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks() if hasattr(uploaded_file, "chunks") else [uploaded_file.read()]:
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


def choose_queue(size_bytes: int, *, batch: Batch | None = None) -> str:
    """The RQ queue for a submission: ``batch`` for batch members, ``high`` for small audits
    (below ``settings.NEXA_HIGH_QUEUE_MAX_BYTES``), else ``default``."""
    if batch is not None:
        return QUEUE_BATCH
    if size_bytes < settings.NEXA_HIGH_QUEUE_MAX_BYTES:
        return QUEUE_HIGH
    return QUEUE_DEFAULT


def cache_key(owner_id: int, sha256: str, library_version: str, engine_version: str) -> str:
    """Key (in the django-redis cache) of a user's finished analysis of one PDF against one library
    and engine version; its value is the analysed ``Audit`` pk."""
    return f"analysis:{owner_id}:{sha256}:{library_version}:{engine_version}"


def _count(key: str) -> None:
    try:
        from django_redis import get_redis_connection

        get_redis_connection("default").incr(key)
    except Exception as exc:  # counters are best effort
        log.warning("cache counter %s not updated: %s", key, exc)


def find_cached_audit(owner, sha256: str, library_version: str) -> Audit | None:
    """The user's audit with a finished (``SUCCESS``) analysis of this PDF against this library
    version and the current ``ENGINE_VERSION``, or None. Redis first, then the database."""
    from django.core.cache import cache

    key = cache_key(owner.pk, sha256, library_version, engine.ENGINE_VERSION)
    candidates = Audit.objects.filter(
        owner=owner,
        sha256=sha256,
        library_version=library_version,
        engine_version=engine.ENGINE_VERSION,
        analyzed_at__isnull=False,
        jobs__status=AnalysisJob.Status.SUCCESS,
    )
    try:
        audit_id = cache.get(key)
    except Exception as exc:
        log.warning("analysis cache unavailable: %s", exc)
        audit_id = None
    if audit_id:
        audit = candidates.filter(pk=audit_id).first()
        if audit is not None:
            return audit
    audit = candidates.order_by("-analyzed_at").first()
    if audit is not None:
        remember_analysis(audit)
    return audit


def remember_analysis(audit: Audit) -> None:
    """Record ``audit``'s finished analysis in the Redis cache (best effort)."""
    from django.core.cache import cache

    if not (audit.sha256 and audit.library_version and audit.engine_version):
        return
    try:
        cache.set(
            cache_key(audit.owner_id, audit.sha256, audit.library_version, audit.engine_version), audit.pk
        )
    except Exception as exc:
        log.warning("analysis cache not written: %s", exc)


def _in_flight_leader(owner, sha256: str) -> AnalysisJob | None:
    return (
        AnalysisJob.objects.filter(owner=owner, audit__sha256=sha256, status__in=RUNNING, leader__isnull=True)
        .exclude(queue=QUEUE_SYNC)
        .order_by("created_at")
        .first()
    )


def get_queue(name: str):
    """The RQ queue ``name``, enqueuing immediately (we call it from ``on_commit`` ourselves;
    django-rq's default would defer again inside an outer transaction)."""
    import django_rq

    return django_rq.get_queue(name, commit_mode="auto")


def enqueue(job: AnalysisJob, *, fresh: bool = False) -> bool:
    """Put ``job`` on its RQ queue now (job id = the job's UUID; only the id travels); a job of a
    priority account goes to the front of its queue (so ahead of standard jobs; among priority
    jobs the newest first).

    Any earlier RQ job with the same id (failed, finished, abandoned) is deleted first, unless
    ``fresh`` (a job just created: there is none, and the submit path saves a round trip).
    Returns False, logging why, when Redis refused; the reconciler retries later.
    """
    from rq import Retry

    try:
        queue = get_queue(job.queue if job.queue != QUEUE_SYNC else QUEUE_DEFAULT)
        old = None if fresh else queue.fetch_job(str(job.id))
        if old is not None:
            old.delete()
        intervals = list(getattr(settings, "NEXA_JOB_RETRY_INTERVALS", [5, 30, 120]))
        queue.enqueue_call(
            func=TASK,
            args=(str(job.id),),
            job_id=str(job.id),
            timeout=settings.RQ_JOB_TIMEOUT,
            result_ttl=settings.RQ_RESULT_TTL,
            failure_ttl=7 * 24 * 3600,
            retry=Retry(max=max(1, len(intervals)), interval=intervals) if intervals else None,
            at_front=job.priority,  # priority accounts run ahead of others in this queue
            description=f"analyze audit {job.audit_id} (job {job.id})",
        )
        return True
    except Exception as exc:
        log.error("enqueue of job %s failed; the reconciler will retry: %s", job.id, exc)
        return False


def _stored_name(uploaded_file) -> str:
    return clean_filename(getattr(uploaded_file, "name", "") or "")


def _save_bytes(audit: Audit, name: str, uploaded_file) -> None:
    uploaded_file.seek(0)
    audit.file.save(
        name, uploaded_file if hasattr(uploaded_file, "chunks") else File(uploaded_file), save=False
    )


def is_refused(job: AnalysisJob) -> bool:
    """True for a job recorded by :func:`record_refused` (the file failed the cheap checks)."""
    return job.status == AnalysisJob.Status.FAILURE and job.stage == STAGE_REFUSED


def record_refused(
    owner, uploaded_file, error: PdfError, *, batch: Batch | None = None, queue: str | None = None
) -> AnalysisJob:
    """Record an upload refused by :func:`check_upload`: an ``Audit`` row and a ``FAILURE`` job.

    Args:
        owner: the submitting user.
        uploaded_file: the Django ``UploadedFile`` that failed the cheap checks.
        error: the ``PdfError`` from :func:`check_upload` (``not_a_pdf`` or ``too_large``).
        batch: the ``Batch`` the file was sent in, if any.
        queue: the queue name recorded on the job (default: as :func:`choose_queue` would pick).

    Returns:
        The ``AnalysisJob``, ``FAILURE`` with ``error_code``/``error_message`` from ``error`` and
        stage ``refused``; it is never enqueued. The audit keeps the original name, size and
        SHA-256; its bytes are stored so staff can inspect them, except above
        ``NEXA_MAX_UPLOAD_BYTES`` (``too_large``), where the file field stays empty (as spec
        uploads do, ``specs.services.register_oversized``).
    """
    size = uploaded_file.size or 0
    name = _stored_name(uploaded_file)
    now = timezone.now()
    with transaction.atomic():
        audit = Audit(owner=owner, original_filename=name, sha256=_sha256(uploaded_file), size_bytes=size)
        if error.code != TOO_LARGE:
            _save_bytes(audit, name, uploaded_file)
        audit.save()
        return AnalysisJob.objects.create(
            audit=audit,
            owner=owner,
            batch=batch,
            filename=name,
            queue=queue or choose_queue(size, batch=batch),
            status=AnalysisJob.Status.FAILURE,
            stage=STAGE_REFUSED,
            error_code=error.code[:32],
            error_message=error.message,
            finished_at=now,
            heartbeat_at=now,
        )


def has_priority(owner) -> bool:
    """True when staff gave ``owner``'s account priority (``ClientAccount.priority``)."""
    return ClientAccount.objects.filter(user=owner, priority=True).exists()


def submit_audit(
    owner, uploaded_file, *, batch: Batch | None = None, enqueue_job: bool = True, callback_url: str = ""
) -> AnalysisJob:
    """Store an uploaded audit PDF and create its analysis job.

    Args:
        owner: the submitting user.
        uploaded_file: the Django ``UploadedFile`` (multipart ``file``).
        batch: the ``Batch`` this file belongs to; its job goes to the ``batch`` queue.
        enqueue_job: False for ``POST /analyze-audit``, which runs the job in the web process
            (queue ``sync``).
        callback_url: where to POST the result when the job ends (``jobs.callbacks``; checked
            by the caller with ``check_callback_url``); "" for none.

    Returns:
        The ``AnalysisJob``: ``PENDING`` (enqueued on commit), ``PENDING`` following an identical
        submission in flight (``leader`` set; nothing enqueued), ``SUCCESS`` at once with
        ``cached=True`` when this user's same PDF was already analysed against the current
        library and engine version (the job points at that audit; nothing stored or enqueued),
        or ``FAILURE`` at once (stage ``refused``, ``error_code`` ``too_large`` or ``not_a_pdf``)
        when the file fails the cheap checks: recorded by :func:`record_refused`, never
        enqueued. Bad input never raises here.
    """
    job = _submit(owner, uploaded_file, batch=batch, enqueue_job=enqueue_job, callback_url=callback_url)
    if callback_url and job.is_final:  # refused, or answered from the cache: deliver now
        callbacks.schedule([job.pk])
    return job


def _submit(owner, uploaded_file, *, batch, enqueue_job: bool, callback_url: str) -> AnalysisJob:
    from specs.models import library_version

    size = uploaded_file.size or 0
    queue = choose_queue(size, batch=batch) if enqueue_job else QUEUE_SYNC
    extra = {"callback_url": callback_url, "priority": has_priority(owner)}
    try:
        check_upload(uploaded_file)
    except PdfError as exc:
        job = record_refused(owner, uploaded_file, exc, batch=batch, queue=queue)
        if callback_url:
            AnalysisJob.objects.filter(pk=job.pk).update(**extra)
            job.callback_url = callback_url
        return job
    sha256 = _sha256(uploaded_file)
    name = _stored_name(uploaded_file)

    cached = find_cached_audit(owner, sha256, library_version())
    if cached is not None:
        _count(monitoring.ANALYSIS_HITS)
        now = timezone.now()
        return AnalysisJob.objects.create(
            audit=cached,
            owner=owner,
            batch=batch,
            filename=name,
            queue=queue,
            status=AnalysisJob.Status.SUCCESS,
            stage="cached",
            progress=100,
            cached=True,
            started_at=now,
            finished_at=now,
            **extra,
        )
    _count(monitoring.ANALYSIS_MISSES)

    with transaction.atomic():
        leader = _in_flight_leader(owner, sha256) if enqueue_job else None
        if leader is not None:
            _count(monitoring.ANALYSIS_SHARED)
            return AnalysisJob.objects.create(
                audit=leader.audit,
                owner=owner,
                batch=batch,
                filename=name,
                queue=queue,
                leader=leader,
                status=leader.status,
                stage=leader.stage or "waiting",
                progress=leader.progress,
                **extra,
            )
        audit = Audit(owner=owner, original_filename=name, sha256=sha256, size_bytes=size)
        _save_bytes(audit, name, uploaded_file)
        audit.save()
        job = AnalysisJob.objects.create(
            audit=audit, owner=owner, batch=batch, filename=name, queue=queue, stage="queued", **extra
        )
        if enqueue_job:
            transaction.on_commit(lambda: enqueue(job, fresh=True))
    return job


# --- job actions (admin, API) ------------------------------------------------------------------
def fetch_rq_job(job_id):
    """The RQ job with id ``job_id`` (JSON serializer, queue connection); raises ``NoSuchJobError``."""
    import django_rq
    from django.conf import settings
    from rq.job import Job
    from rq.utils import import_attribute

    serializer = import_attribute(settings.RQ_SERIALIZER)
    return Job.fetch(str(job_id), connection=django_rq.get_connection("default"), serializer=serializer)


def _cancel_rq_job(job_id) -> None:
    """Cancel the RQ job of ``job_id`` if Redis still holds it (best effort)."""
    from rq.exceptions import InvalidJobOperation, NoSuchJobError

    try:
        rq_job = fetch_rq_job(job_id)
    except NoSuchJobError:
        return
    try:
        rq_job.cancel()
    except InvalidJobOperation:
        pass  # already canceled or finished
    except Exception as exc:  # Redis trouble: the job row is final, the task will skip it
        log.warning("could not cancel RQ job %s: %s", job_id, exc)


def requeue_job(job: AnalysisJob) -> bool:
    """Put a ``FAILURE`` job back to ``PENDING`` and enqueue it once the transaction commits.

    The error fields are cleared (the previous error stays in the admin history via LogEntry), the
    attempt counter is kept, and a follower of an identical submission is detached so it runs on
    its own. Returns False when the job was no longer ``FAILURE``.
    """
    queue = QUEUE_DEFAULT if job.queue == QUEUE_SYNC else job.queue
    changed = AnalysisJob.objects.filter(pk=job.pk, status=AnalysisJob.Status.FAILURE).update(
        status=AnalysisJob.Status.PENDING,
        stage="requeued",
        progress=0,
        queue=queue,
        leader=None,
        error_code="",
        error_message="",
        traceback="",
        worker_name="",
        started_at=None,
        finished_at=None,
        callback_state="",  # the new outcome is delivered again (earlier attempts stay listed)
    )
    if not changed:
        return False
    job.refresh_from_db()
    transaction.on_commit(lambda: enqueue(job))
    return True


def cancel_job(job: AnalysisJob, username: str) -> bool:
    """End a ``PENDING`` job (and its followers) as ``FAILURE``/``canceled``; cancel its RQ job.

    Returns False when the job was no longer ``PENDING`` (a worker took it meanwhile).
    """
    from jobs.tasks import finish

    with transaction.atomic():
        locked = AnalysisJob.objects.select_for_update().filter(pk=job.pk, status=AnalysisJob.Status.PENDING)
        if not locked.exists():
            return False
        finish(job.pk, AnalysisJob.Status.FAILURE, code=CANCELED, message=f"Canceled by {username}.")
    _cancel_rq_job(job.pk)
    return True


def rerun_audit(audit, by_user=None) -> AnalysisJob:
    """Create and enqueue (on commit) a new job analysing ``audit`` again against the current library.

    Args:
        audit: an ``audits.Audit`` with its stored PDF.
        by_user: unused for ownership (the job belongs to the audit's owner, who sees it in their
            job list); kept for the caller's log message.

    Returns:
        The new ``PENDING`` AnalysisJob.
    """
    job = AnalysisJob.objects.create(
        audit=audit,
        owner_id=audit.owner_id,
        filename=audit.original_filename,
        queue=choose_queue(audit.size_bytes or 0),
        stage="queued",
    )
    transaction.on_commit(lambda: enqueue(job, fresh=True))
    return job


def hand_off(job: AnalysisJob, reason: str) -> bool:
    """Move a job that ``POST /analyze-audit`` started but could not finish in time to the queue.

    The job (``PROCESSING`` in the web process) goes back to ``PENDING`` on the ``default`` queue
    with stage ``moved_to_queue`` and is enqueued now; the client polls it like an async job.
    Returns False when the job was no longer ``PROCESSING``.

    Args:
        job: the sync job.
        reason: why (for ``error_message`` while it waits), e.g. "took longer than 20 s".
    """
    changed = AnalysisJob.objects.filter(pk=job.pk, status=AnalysisJob.Status.PROCESSING).update(
        status=AnalysisJob.Status.PENDING,
        stage="moved_to_queue",
        progress=0,
        queue=QUEUE_DEFAULT,
        worker_name="",
        error_message=reason,
    )
    if not changed:
        return False
    job.refresh_from_db()
    AnalysisJob.objects.filter(leader_id=job.pk, status=AnalysisJob.Status.PROCESSING).update(
        status=AnalysisJob.Status.PENDING, stage="moved_to_queue", progress=0
    )
    transaction.on_commit(lambda: enqueue(job, fresh=True))
    return True
