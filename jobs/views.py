"""Web pages for analysis jobs: the jobs list and the small JSON endpoint its progress bars poll.

The page reads the database only (the job row is the system of record), so it shows the same
thing whether or not Redis still remembers the job. Users see their own jobs; staff see all.
"""

from __future__ import annotations

import datetime as dt
import uuid
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from audits.models import Finding
from audits.views import visible_to
from jobs.models import AnalysisJob

PAGE_SIZE = 25
MAX_POLL_IDS = 200
# Workers drain the queues in this order (docs/architecture.md), oldest first within a queue.
QUEUE_ORDER = ("high", "default", "batch")

STATUS_LABELS = {
    AnalysisJob.Status.PENDING: "Queued",
    AnalysisJob.Status.PROCESSING: "Running",
    AnalysisJob.Status.SUCCESS: "Done",
    AnalysisJob.Status.FAILURE: "Failed",
}
ACTIVE = (AnalysisJob.Status.PENDING, AnalysisJob.Status.PROCESSING)


def queue_positions() -> dict[uuid.UUID, int]:
    """``{job id: 1-based place}`` for every PENDING job, in the order the workers will take them.

    One query over the pending jobs (ids, queue, created time only).
    """
    rank = {name: i for i, name in enumerate(QUEUE_ORDER)}
    rows = AnalysisJob.objects.filter(status=AnalysisJob.Status.PENDING).values_list(
        "id", "queue", "created_at"
    )
    ordered = sorted(rows, key=lambda r: (rank.get(r[1], len(rank)), r[2]))
    return {row[0]: place for place, row in enumerate(ordered, start=1)}


def format_duration(delta: dt.timedelta | None) -> str:
    """``"0.4 s"``, ``"12 s"``, ``"3 min 5 s"`` or ``"1 h 2 min"``; empty for ``None``."""
    if delta is None:
        return ""
    seconds = max(delta.total_seconds(), 0.0)
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, sec = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {sec} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def job_state(job: AnalysisJob, positions: dict, now: dt.datetime | None = None) -> dict:
    """What the page shows for one job, shared by the HTML rows and the JSON the script polls.

    Returns ``{"id", "status", "status_label", "progress" (0-100), "stage", "info", "active",
    "report_url", "error", "pm_number", "notification_number", "verdicts"}``; ``info`` is the queued
    place, the running time or the duration, in words; ``verdicts`` is ``{"repealable", "valid",
    "review"}`` counts for a finished job whose query carried them (``with_verdict_counts``), else None.
    """
    now = now or timezone.now()
    status = job.status
    if status == AnalysisJob.Status.PENDING:
        place = positions.get(job.id)
        info = f"Queued, position {place}" if place else "Queued"
    elif status == AnalysisJob.Status.PROCESSING:
        info = f"Running for {format_duration(now - (job.started_at or job.created_at))}"
    else:
        start = job.started_at or job.created_at
        took = format_duration((job.finished_at - start) if job.finished_at else None)
        info = f"Took {took}" if took else ""
        if job.cached and status == AnalysisJob.Status.SUCCESS:
            info = (info + " (cached result)").strip()
    progress = 100 if status == AnalysisJob.Status.SUCCESS else int(job.progress or 0)
    if status == AnalysisJob.Status.FAILURE:
        progress = 0  # a failed job has no progress to show (its bar is hidden)
    error = ""
    if status == AnalysisJob.Status.FAILURE:
        error = job.error_message or "The analysis failed."
        if job.error_code:
            error = f"{error} ({job.error_code})"
    return {
        "id": str(job.id),
        "status": status,
        "status_label": STATUS_LABELS.get(status, status),
        "progress": max(0, min(progress, 100)),
        "stage": job.stage or "",
        "info": info,
        "active": status in ACTIVE,
        "report_url": reverse("audits:report", args=[job.audit_id])
        if status == AnalysisJob.Status.SUCCESS
        else "",
        "error": error,
        "pm_number": job.audit.pm_number if job.audit_id else "",
        "notification_number": job.audit.notification_number if job.audit_id else "",
        "verdicts": {
            "repealable": getattr(job, "n_repealable", 0),
            "valid": getattr(job, "n_valid", 0),
            "review": getattr(job, "n_review", 0),
        }
        if status == AnalysisJob.Status.SUCCESS and hasattr(job, "n_valid")
        else None,
    }


def _visible_jobs(user):
    return visible_to(user, AnalysisJob.objects.all()).select_related("audit", "owner")


# ?sort= -> ordering (the newest first by default; ties by creation time)
SORTS = {
    "newest": ("-created_at",),
    "oldest": ("created_at",),
    "name": ("audit__original_filename", "-created_at"),
    "status": ("status", "-created_at"),
}
SORT_LABELS = {"newest": "Newest first", "oldest": "Oldest first", "name": "File name", "status": "Status"}


def _verdict_count(verdict: str) -> Count:
    return Count("audit__infractions__finding", filter=Q(audit__infractions__finding__verdict=verdict))


def with_verdict_counts(jobs: QuerySet[AnalysisJob]) -> QuerySet[AnalysisJob]:
    """``jobs`` with ``n_valid``, ``n_repealable`` and ``n_review``: their audit's findings per verdict,
    counted in the same query (no query per row)."""
    return jobs.annotate(
        n_valid=_verdict_count(Finding.Verdict.VALID),
        n_repealable=_verdict_count(Finding.Verdict.REPEALABLE),
        n_review=_verdict_count(Finding.Verdict.NEEDS_REVIEW),
    )


def filtered_jobs(user, params) -> tuple[QuerySet[AnalysisJob], dict[str, str]]:
    """The jobs ``user`` may see, searched, filtered and sorted by the page's query ``params``.

    ``q`` searches the file name, PM number and notification number (case-insensitive, substring);
    ``status`` is a job status (PENDING, PROCESSING, SUCCESS, FAILURE); ``verdict`` keeps jobs whose audit
    has at least one finding with that verdict; ``sort`` is one of ``SORTS``. Unknown values are ignored.
    Each job carries ``n_valid``, ``n_repealable`` and ``n_review`` (one query with the page's rows).
    Returns the queryset and the filters in force (for the form and the pager links).
    """
    jobs = _visible_jobs(user)
    q = (params.get("q") or "").strip()[:100]
    status = params.get("status") or ""
    verdict = params.get("verdict") or ""
    sort = params.get("sort") or "newest"
    if q:
        jobs = jobs.filter(
            Q(filename__icontains=q)
            | Q(audit__original_filename__icontains=q)
            | Q(audit__pm_number__icontains=q)
            | Q(audit__notification_number__icontains=q)
        )
    if status in AnalysisJob.Status.values:
        jobs = jobs.filter(status=status)
    else:
        status = ""
    if verdict in Finding.Verdict.values:
        jobs = jobs.filter(
            Exists(Finding.objects.filter(infraction__audit=OuterRef("audit"), verdict=verdict))
        )
    else:
        verdict = ""
    if sort not in SORTS:
        sort = "newest"
    jobs = with_verdict_counts(jobs).order_by(*SORTS[sort])
    return jobs, {"q": q, "status": status, "verdict": verdict, "sort": sort}


@login_required
@require_GET
def job_list(request):
    """The user's jobs (staff: everyone's), searchable and filtered by status and verdict, sorted, 25 a page,
    with verdict counts and live progress bars."""
    jobs, current = filtered_jobs(request.user, request.GET)
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows_jobs = list(page.object_list)
    positions = queue_positions() if any(j.status == AnalysisJob.Status.PENDING for j in rows_jobs) else {}
    now = timezone.now()
    rows = [(job, job_state(job, positions, now)) for job in rows_jobs]
    keep = urlencode({k: v for k, v in current.items() if v and not (k == "sort" and v == "newest")})
    return render(
        request,
        "jobs/list.html",
        {
            "rows": rows,
            "page": page,
            "any_active": any(state["active"] for _, state in rows),
            "show_owner": request.user.is_staff,
            "current": current,
            "filtered": any(current[k] for k in ("q", "status", "verdict")),
            "keep": keep,
            "statuses": [(status.value, STATUS_LABELS[status]) for status in AnalysisJob.Status],
            "verdicts": [
                (Finding.Verdict.VALID, "Valid"),
                (Finding.Verdict.REPEALABLE, "Repealable"),
                (Finding.Verdict.NEEDS_REVIEW, "Needs review"),
            ],
            "sorts": list(SORT_LABELS.items()),
        },
    )


@never_cache
@login_required
@require_GET
def job_progress(request):
    """JSON for the jobs page's script: ``{"jobs": [job_state...], "active": bool}``.

    ``?ids=<uuid>,<uuid>`` picks the jobs (at most 200; unknown or other users' ids are left out).
    """
    ids = []
    for raw in (request.GET.get("ids") or "").split(",")[:MAX_POLL_IDS]:
        try:
            ids.append(uuid.UUID(raw.strip()))
        except ValueError:
            continue
    jobs = list(with_verdict_counts(_visible_jobs(request.user).filter(id__in=ids))) if ids else []
    positions = queue_positions() if any(j.status == AnalysisJob.Status.PENDING for j in jobs) else {}
    now = timezone.now()
    states = [job_state(job, positions, now) for job in jobs]
    return JsonResponse({"jobs": states, "active": any(s["active"] for s in states)})
