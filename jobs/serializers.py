"""DRF serializers of the job API (docs/architecture.md): request bodies and response shapes for
drf-spectacular, plus ``job_payload`` which builds the ``GET /job-result`` answer."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from jobs.models import AnalysisJob


class UploadSerializer(serializers.Serializer):
    """``multipart/form-data`` with one PDF in ``file``."""

    file = serializers.FileField(help_text="The audit PDF.")
    callback_url = serializers.URLField(
        required=False,
        help_text="POST /analyze-audit-async only: where the signed result is POSTed when the job "
        "ends (http(s), host allowed by NEXA_CALLBACK_HOSTS).",
    )


class BatchUploadSerializer(serializers.Serializer):
    """``multipart/form-data`` with up to ``NEXA_BATCH_MAX_FILES`` (20) PDFs, each in ``files``."""

    files = serializers.ListField(child=serializers.FileField(), help_text="The audit PDFs (at most 20).")
    callback_url = serializers.URLField(
        required=False, help_text="Where each member's signed result is POSTed when it ends."
    )


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="not_a_pdf, corrupt_pdf, encrypted, no_text_layer, too_large, ...")
    message = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per-field messages of a 400 invalid request.",
    )


class ErrorResponseSerializer(serializers.Serializer):
    error = ErrorSerializer()


class SubmittedSerializer(serializers.Serializer):
    job_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=AnalysisJob.Status.choices)
    poll_url = serializers.CharField()
    cached = serializers.BooleanField(required=False)


class MovedToQueueSerializer(serializers.Serializer):
    """``POST /analyze-audit`` past ``NEXA_SYNC_TIMEOUT``: the job continues in the queue."""

    job_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=AnalysisJob.Status.choices)
    poll_url = serializers.CharField()
    moved_to_queue = serializers.BooleanField()
    message = serializers.CharField()


class RefusedSerializer(serializers.Serializer):
    """A 400/413 answer of ``POST /analyze-audit-async``: without a file only ``error``; a file
    refused by the cheap checks is recorded, so ``job_id``, ``status`` (``FAILURE``) and
    ``poll_url`` come with it."""

    job_id = serializers.UUIDField(required=False)
    status = serializers.ChoiceField(choices=AnalysisJob.Status.choices, required=False)
    error = ErrorSerializer()
    poll_url = serializers.CharField(required=False)


class CitationSerializer(serializers.Serializer):
    document = serializers.CharField()
    title = serializers.CharField()
    revision = serializers.CharField()
    section = serializers.CharField()
    page = serializers.IntegerField()
    quote = serializers.CharField()
    score = serializers.FloatField()


class InfractionResultSerializer(serializers.Serializer):
    code = serializers.CharField()
    description = serializers.CharField()
    page = serializers.IntegerField()
    status = serializers.CharField(help_text="VALID, REPEALABLE or NEEDS_REVIEW")
    is_repealable = serializers.BooleanField()
    confidence = serializers.FloatField()
    reason = serializers.CharField()
    spec_references = serializers.ListField(child=serializers.CharField())
    citations = CitationSerializer(many=True)


class SummarySerializer(serializers.Serializer):
    repealable = serializers.IntegerField()
    valid = serializers.IntegerField()
    needs_review = serializers.IntegerField()


class AuditMetadataSerializer(serializers.Serializer):
    pm_number = serializers.CharField()
    notification_number = serializers.CharField()
    location = serializers.CharField()
    contractor = serializers.CharField()
    foreman = serializers.CharField()
    auditor = serializers.CharField()
    audit_date = serializers.CharField()
    score = serializers.CharField()


class AnalysisResultSerializer(serializers.Serializer):
    """The §3 result of one file (also ``manage.py analyze_audit --json``)."""

    file = serializers.CharField()
    status = serializers.CharField(help_text="SUCCESS or FAILURE")
    error = ErrorSerializer(allow_null=True)
    audit = AuditMetadataSerializer(allow_null=True)
    infractions_found = serializers.IntegerField()
    summary = SummarySerializer()
    warnings = serializers.ListField(child=serializers.CharField(), required=False)
    infractions = InfractionResultSerializer(many=True)
    job_id = serializers.UUIDField(required=False)


class JobResultSerializer(serializers.Serializer):
    job_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=AnalysisJob.Status.choices)
    progress = serializers.IntegerField(min_value=0, max_value=100)
    stage = serializers.CharField()
    queue = serializers.CharField()
    cached = serializers.BooleanField()
    attempts = serializers.IntegerField()
    file = serializers.CharField()
    batch_id = serializers.UUIDField(allow_null=True)
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    result = AnalysisResultSerializer(required=False, help_text="Present when status is SUCCESS or FAILURE.")
    error = ErrorSerializer(required=False, help_text="Present when status is FAILURE.")
    traceback = serializers.CharField(required=False, help_text="Staff only.")


class BatchJobSerializer(serializers.Serializer):
    """One batch member; a member refused by the cheap checks is ``FAILURE`` with ``error``."""

    filename = serializers.CharField()
    job_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=AnalysisJob.Status.choices)
    poll_url = serializers.CharField()
    error = ErrorSerializer(
        required=False, help_text="Present when the file was refused (not_a_pdf, too_large)."
    )


class BatchSubmittedSerializer(serializers.Serializer):
    batch_id = serializers.UUIDField()
    jobs = BatchJobSerializer(many=True)


class QueueStatusSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="healthy, no_workers or redis_down")
    workers = serializers.DictField(help_text='{"count", "busy", "idle", "list": [...]}')
    queues = serializers.DictField(child=serializers.IntegerField(), help_text='{"high", "default", "batch"}')
    failed = serializers.IntegerField()
    oldest_queued_age_seconds = serializers.FloatField(allow_null=True)
    started = serializers.DictField(child=serializers.IntegerField())
    scheduled = serializers.DictField(child=serializers.IntegerField())
    jobs = serializers.DictField(child=serializers.IntegerField())
    priority = serializers.DictField(
        child=serializers.IntegerField(),
        required=False,
        help_text='{"accounts": priority accounts, "waiting": their PENDING jobs}',
    )


class CacheStatsSerializer(serializers.Serializer):
    redis = serializers.DictField(
        help_text="used_memory, used_memory_peak, keyspace_hits/misses, evicted_keys"
    )
    analysis_cache = serializers.DictField(help_text="hits, misses, shared_in_flight, hit_rate, entries")
    hits = serializers.IntegerField()
    misses = serializers.IntegerField()
    hit_rate = serializers.FloatField(allow_null=True)
    evictions = serializers.IntegerField()
    keys = serializers.DictField(help_text="cache_db, queue_db, by_prefix")


class JobListQuerySerializer(serializers.Serializer):
    """Query parameters of ``GET /jobs``."""

    status = serializers.ChoiceField(choices=AnalysisJob.Status.choices, required=False)
    batch = serializers.UUIDField(required=False, help_text="Only the jobs of this batch.")
    created_after = serializers.DateTimeField(required=False, help_text="ISO 8601; inclusive.")
    created_before = serializers.DateTimeField(required=False, help_text="ISO 8601; exclusive.")
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=200)


class JobSummarySerializer(serializers.Serializer):
    """One job in ``GET /jobs`` and ``GET /batch/{batch_id}`` (no result: poll ``poll_url``)."""

    job_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=AnalysisJob.Status.choices)
    progress = serializers.IntegerField(min_value=0, max_value=100)
    stage = serializers.CharField()
    queue = serializers.CharField()
    cached = serializers.BooleanField()
    file = serializers.CharField()
    batch_id = serializers.UUIDField(allow_null=True)
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    poll_url = serializers.CharField()
    error = ErrorSerializer(required=False, help_text="Present when status is FAILURE.")


class JobPageSerializer(serializers.Serializer):
    """A page of ``GET /jobs``, newest first."""

    count = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)
    results = JobSummarySerializer(many=True)


class StatusCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    PENDING = serializers.IntegerField()
    PROCESSING = serializers.IntegerField()
    SUCCESS = serializers.IntegerField()
    FAILURE = serializers.IntegerField()


class BatchDetailSerializer(serializers.Serializer):
    """``GET /batch/{batch_id}``: the batch's jobs (in submission order) and counts by status."""

    batch_id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    done = serializers.BooleanField(help_text="True once every job is SUCCESS or FAILURE.")
    counts = StatusCountsSerializer()
    jobs = JobSummarySerializer(many=True)


def job_summary(job: AnalysisJob) -> dict:
    """One entry of ``GET /jobs`` / ``GET /batch/{batch_id}`` (``JobSummarySerializer``)."""
    data = {
        "job_id": str(job.id),
        "status": job.status,
        "progress": job.progress,
        "stage": job.stage,
        "queue": job.queue,
        "cached": job.cached,
        "file": job.file_name,
        "batch_id": str(job.batch_id) if job.batch_id else None,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "poll_url": poll_url(job.id),
    }
    if job.status == AnalysisJob.Status.FAILURE:
        data["error"] = {"code": job.error_code, "message": job.error_message}
    return data


def poll_url(job_id) -> str:
    """The path a client polls for ``job_id``."""
    return reverse("jobs:job-result", args=[job_id])


def job_payload(job: AnalysisJob, *, staff: bool = False) -> dict:
    """The ``GET /job-result/{job_id}`` answer for ``job`` (result/error only once finished)."""
    from jobs.tasks import job_result

    data = {
        "job_id": str(job.id),
        "status": job.status,
        "progress": job.progress,
        "stage": job.stage,
        "queue": job.queue,
        "cached": job.cached,
        "attempts": job.attempts,
        "file": job.file_name,
        "batch_id": str(job.batch_id) if job.batch_id else None,
        "created_at": job.created_at.isoformat(),
        "started_at": job.started_at.isoformat() if job.started_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }
    if job.is_final:
        data["result"] = job_result(job)
        if job.status == AnalysisJob.Status.SUCCESS:
            data["result"]["cached"] = job.cached
    if job.status == AnalysisJob.Status.FAILURE:
        data["error"] = {"code": job.error_code, "message": job.error_message}
    if staff and job.traceback:
        data["traceback"] = job.traceback
    return data
