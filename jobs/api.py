"""The job API of docs/architecture.md (the seed system's paths), as thin DRF views over jobs.services.

``POST /analyze-audit-async``, ``POST /batch-analyze``, ``POST /analyze-audit``,
``GET /job-result/{job_id}``, ``GET /jobs``, ``GET /batch/{batch_id}``; staff only: ``GET /queue-status``, ``GET /cache-stats``.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid

from django.conf import settings
from django.core.exceptions import TooManyFilesSent
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.http import parse_etags, quote_etag
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from engine import TOO_LARGE
from jobs import monitoring
from jobs import serializers as s
from jobs.callbacks import check_callback_url
from jobs.models import AnalysisJob, Batch
from jobs.services import NO_FILE, hand_off, is_refused, submit_audit
from jobs.tasks import HandOff, job_result, run_analysis
from nexa.api_errors import error_body

TOO_MANY_FILES = "too_many_files"
USE_ASYNC = "use_async_endpoint"
NOT_FOUND = "not_found"


def _error(code: str, message: str, http_status: int, **extra) -> Response:
    return Response({"error": {"code": code, "message": message}, **extra}, status=http_status)


def _refused_status(job: AnalysisJob) -> int:
    """413 for a file above ``NEXA_MAX_UPLOAD_BYTES``, else 400 (not a PDF, empty)."""
    return (
        status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
        if job.error_code == TOO_LARGE
        else status.HTTP_400_BAD_REQUEST
    )


def _callback_url(request) -> tuple[str, Response | None]:
    """The optional ``callback_url`` field, checked (``jobs.callbacks.check_callback_url``):
    ``(url, None)``, or ``("", 400 invalid with fields.callback_url)``."""
    url = str(request.data.get("callback_url") or "").strip()
    problem = check_callback_url(url) if url else None
    if problem:
        body = error_body("invalid", f"callback_url: {problem}", {"callback_url": [problem]})
        return "", Response(body, status=status.HTTP_400_BAD_REQUEST)
    return url, None


def _no_file(field: str) -> Response:
    return _error(NO_FILE, f"Send the audit PDF as multipart/form-data field {field!r}.", 400)


def _one_file(request) -> UploadedFile | Response:
    """The single ``file`` of a request, or the 400 to answer when there is none or several (Django's
    ``FILES.get`` would keep the last and drop the others without a word)."""
    uploads = request.FILES.getlist("file")
    if not uploads:
        return _no_file("file")
    if len(uploads) > 1:
        names = ", ".join(u.name for u in uploads)
        return _error(
            TOO_MANY_FILES,
            f"This endpoint takes one file and got {len(uploads)} ({names}); nothing was stored. "
            "Send several audits to /batch-analyze as fields 'files'.",
            400,
        )
    return uploads[0]


class AnalyzeAuditAsyncView(APIView):
    """``POST /analyze-audit-async``: store the PDF, create the job, enqueue it; answer at once.

    A file refused by the cheap checks is recorded as a ``FAILURE`` job (never enqueued): 400
    (``not_a_pdf``) or 413 (``too_large``) with ``job_id``, ``status``, ``error``, ``poll_url``.
    """

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="analyze_audit_async",
        tags=["analysis"],
        summary="Submit an audit PDF for analysis (returns at once)",
        request={"multipart/form-data": s.UploadSerializer},
        responses={
            202: s.SubmittedSerializer,
            400: OpenApiResponse(
                s.RefusedSerializer,
                description="no file (error only), or not a PDF (recorded as a FAILURE job)",
            ),
            413: OpenApiResponse(
                s.RefusedSerializer, description="above NEXA_MAX_UPLOAD_BYTES (recorded as a FAILURE job)"
            ),
        },
    )
    def post(self, request):
        upload = _one_file(request)
        if isinstance(upload, Response):
            return upload
        callback_url, refused = _callback_url(request)
        if refused is not None:
            return refused
        job = submit_audit(request.user, upload, callback_url=callback_url)
        body = {"job_id": str(job.id), "status": job.status, "poll_url": s.poll_url(job.id)}
        if is_refused(job):
            body["error"] = {"code": job.error_code, "message": job.error_message}
            return Response(body, status=_refused_status(job))
        if job.cached:
            body["cached"] = True
        return Response(body, status=status.HTTP_202_ACCEPTED)


class BatchAnalyzeView(APIView):
    """``POST /batch-analyze``: one job per file on the ``batch`` queue.

    A member refused by the cheap checks is recorded as a ``FAILURE`` job (with ``error``) while
    the others run; more than ``NEXA_BATCH_MAX_FILES`` files: 400 and nothing stored.
    """

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="batch_analyze",
        tags=["analysis"],
        summary="Submit up to 20 audit PDFs; one job each",
        request={"multipart/form-data": s.BatchUploadSerializer},
        responses={
            202: s.BatchSubmittedSerializer,
            400: OpenApiResponse(s.ErrorResponseSerializer, description="no files, or more than 20"),
        },
    )
    def post(self, request):
        limit = settings.NEXA_BATCH_MAX_FILES
        try:
            files = request.FILES.getlist("files")
        except TooManyFilesSent:  # far above the limit: Django stops parsing the upload
            return _error(
                TOO_MANY_FILES,
                f"A batch takes at most {limit} files; this one has far more. "
                "Nothing was stored: split it into several batches.",
                400,
                max_files=limit,
            )
        if not files:
            return _error(NO_FILE, "Send the audit PDFs as multipart/form-data fields 'files'.", 400)
        if len(files) > limit:
            return _error(
                TOO_MANY_FILES,
                f"A batch takes at most {limit} files; this one has {len(files)}. "
                "Nothing was stored: split it into several batches.",
                400,
                max_files=limit,
            )
        callback_url, refused = _callback_url(request)
        if refused is not None:
            return refused
        entries = []
        with transaction.atomic():
            batch = Batch.objects.create(owner=request.user)
            for upload in files:
                job = submit_audit(request.user, upload, batch=batch, callback_url=callback_url)
                entry = {
                    "filename": job.file_name,
                    "job_id": str(job.id),
                    "status": job.status,
                    "poll_url": s.poll_url(job.id),
                }
                if is_refused(job):
                    entry["error"] = {"code": job.error_code, "message": job.error_message}
                entries.append(entry)
        return Response({"batch_id": str(batch.id), "jobs": entries}, status=status.HTTP_202_ACCEPTED)


class AnalyzeAuditView(APIView):
    """``POST /analyze-audit``: the same pipeline, run in this request; small files only.

    The run is bounded by ``NEXA_SYNC_TIMEOUT`` seconds (20, well under the web server's 60 s):
    an analysis that has not finished by then moves to the queue and the answer is ``202`` with
    ``job_id``, ``status`` ``PENDING``, ``poll_url`` and ``moved_to_queue: true``.

    Above ``NEXA_SYNC_MAX_BYTES``: 413 ``use_async_endpoint``, nothing stored. A file refused by
    the cheap checks (not a PDF) is recorded as a ``FAILURE`` job and answered 422 with the §3
    failure body, like a PDF the analysis could not read (413 if it is ``too_large``, which
    happens only when ``NEXA_SYNC_MAX_BYTES`` exceeds ``NEXA_MAX_UPLOAD_BYTES``).
    """

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="analyze_audit",
        tags=["analysis"],
        summary="Analyse an audit PDF and wait for the result",
        request={"multipart/form-data": s.UploadSerializer},
        responses={
            200: s.AnalysisResultSerializer,
            202: OpenApiResponse(
                s.MovedToQueueSerializer,
                description="not finished within NEXA_SYNC_TIMEOUT: moved to the queue; poll poll_url",
            ),
            400: OpenApiResponse(s.ErrorResponseSerializer, description="no file"),
            413: OpenApiResponse(
                s.ErrorResponseSerializer,
                description="above NEXA_SYNC_MAX_BYTES: use POST /analyze-audit-async",
            ),
            422: OpenApiResponse(
                s.AnalysisResultSerializer,
                description="not a PDF, or the PDF could not be analysed (the job is recorded)",
            ),
        },
    )
    def post(self, request):
        upload = _one_file(request)
        if isinstance(upload, Response):
            return upload
        if (upload.size or 0) > settings.NEXA_SYNC_MAX_BYTES:
            return _error(
                USE_ASYNC,
                f"The file is {upload.size} bytes; this endpoint waits only for files up to "
                f"{settings.NEXA_SYNC_MAX_BYTES} bytes. Use POST /analyze-audit-async and poll.",
                status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                async_url="/analyze-audit-async",
            )
        job = submit_audit(request.user, upload, enqueue_job=False)
        if not job.is_final:
            limit = float(settings.NEXA_SYNC_TIMEOUT)
            try:
                run_analysis(str(job.id), deadline=time.monotonic() + limit)
            except HandOff:
                hand_off(job, f"POST /analyze-audit waits at most {limit:g} s; moved to the queue.")
                return Response(
                    {
                        "job_id": str(job.id),
                        "status": AnalysisJob.Status.PENDING,
                        "poll_url": s.poll_url(job.id),
                        "moved_to_queue": True,
                        "message": f"The analysis takes longer than this endpoint waits ({limit:g} s); "
                        "it continues in the queue. Poll poll_url for the result.",
                    },
                    status=status.HTTP_202_ACCEPTED,
                )
        job = AnalysisJob.objects.select_related("audit").get(pk=job.pk)
        body = {**job_result(job), "job_id": str(job.id)}
        if job.status == AnalysisJob.Status.SUCCESS:
            body["cached"] = job.cached
            return Response(body, status=status.HTTP_200_OK)
        if job.error_code == TOO_LARGE:
            return Response(body, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        return Response(body, status=status.HTTP_422_UNPROCESSABLE_ENTITY)


class JobResultView(APIView):
    """``GET /job-result/{job_id}``: status, stage, progress; the result once finished."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="job_result",
        tags=["analysis"],
        summary="Poll a job",
        responses={
            200: s.JobResultSerializer,
            304: OpenApiResponse(description="unchanged since the ETag sent in If-None-Match (no body)"),
            404: s.ErrorResponseSerializer,
        },
    )
    def get(self, request, job_id: str):
        try:
            key = uuid.UUID(str(job_id))
        except ValueError:
            key = None
        jobs = AnalysisJob.objects.select_related("audit")
        if not request.user.is_staff:
            jobs = jobs.filter(owner=request.user)
        job = jobs.filter(pk=key).first() if key else None
        if job is None:
            return _error(NOT_FOUND, f"No job {job_id}.", status.HTTP_404_NOT_FOUND)
        return conditional(request, s.job_payload(job, staff=request.user.is_staff))


def conditional(request, body: dict) -> Response:
    """``body`` with an ``ETag`` (a digest of its JSON), or ``304 Not Modified`` with no body when the
    client's ``If-None-Match`` already names that tag: a poll of a finished job need not fetch its
    whole result again."""
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()[:32]
    etag = quote_etag(digest)
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(body, headers=headers)


class JobPagination(PageNumberPagination):
    """``?page=N`` (from 1) and ``?page_size=M`` (default 50, at most 200)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def _visible_jobs(request):
    jobs = AnalysisJob.objects.select_related("audit")
    return jobs if request.user.is_staff else jobs.filter(owner=request.user)


class JobListView(APIView):
    """``GET /jobs``: the caller's jobs (staff: everyone's), newest first, paginated; filter by
    ``status``, ``batch`` and ``created_after``/``created_before``."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="job_list",
        tags=["analysis"],
        summary="List jobs (own; staff: all), newest first",
        parameters=[s.JobListQuerySerializer],
        responses={
            200: s.JobPageSerializer,
            400: OpenApiResponse(s.ErrorResponseSerializer, description="a bad filter (error.fields)"),
            404: OpenApiResponse(s.ErrorResponseSerializer, description="a page past the last"),
        },
    )
    def get(self, request):
        query = s.JobListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = query.validated_data
        jobs = _visible_jobs(request).order_by("-created_at", "-pk")
        if "status" in filters:
            jobs = jobs.filter(status=filters["status"])
        if "batch" in filters:
            jobs = jobs.filter(batch_id=filters["batch"])
        if "created_after" in filters:
            jobs = jobs.filter(created_at__gte=filters["created_after"])
        if "created_before" in filters:
            jobs = jobs.filter(created_at__lt=filters["created_before"])
        paginator = JobPagination()
        page = paginator.paginate_queryset(jobs, request, view=self)
        return paginator.get_paginated_response([s.job_summary(job) for job in page])


class BatchDetailView(APIView):
    """``GET /batch/{batch_id}``: the batch's jobs and their counts by status (own; staff: all)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="batch_detail",
        tags=["analysis"],
        summary="A batch: its jobs and counts by status",
        responses={200: s.BatchDetailSerializer, 404: s.ErrorResponseSerializer},
    )
    def get(self, request, batch_id: str):
        try:
            key = uuid.UUID(str(batch_id))
        except ValueError:
            key = None
        batches = Batch.objects.all() if request.user.is_staff else Batch.objects.filter(owner=request.user)
        batch = batches.filter(pk=key).first() if key else None
        if batch is None:
            return _error(NOT_FOUND, f"No batch {batch_id}.", status.HTTP_404_NOT_FOUND)
        jobs = list(batch.jobs.select_related("audit").order_by("created_at", "pk"))
        counts = {name: 0 for name in AnalysisJob.Status.values}
        for job in jobs:
            counts[job.status] += 1
        body = {
            "batch_id": str(batch.id),
            "created_at": batch.created_at.isoformat(),
            "done": all(job.is_final for job in jobs),
            "counts": {"total": len(jobs), **counts},
            "jobs": [s.job_summary(job) for job in jobs],
        }
        return Response(body)


class QueueStatusView(APIView):
    """``GET /queue-status`` (staff): workers, queue depths, failed count."""

    permission_classes = [IsAdminUser]

    @extend_schema(
        operation_id="queue_status",
        tags=["monitoring"],
        summary="Workers and queue depths (staff)",
        responses={200: s.QueueStatusSerializer},
    )
    def get(self, request):
        return Response(monitoring.queue_status())


class CacheStatsView(APIView):
    """``GET /cache-stats`` (staff): Redis memory, hit rates, keys by prefix."""

    permission_classes = [IsAdminUser]

    @extend_schema(
        operation_id="cache_stats",
        tags=["monitoring"],
        summary="Cache and Redis statistics (staff)",
        responses={200: s.CacheStatsSerializer},
    )
    def get(self, request):
        return Response(monitoring.cache_stats())
