"""Web pages for analysis jobs: the jobs list and the small JSON endpoint its progress bars poll.

The page reads the database only (the job row is the system of record), so it shows the same
thing whether or not Redis still remembers the job. Users see their own jobs; staff see all.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from audits.views import visible_to
from jobs.models import AnalysisJob

PAGE_SIZE = 50
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

    Returns ``{"id", "status", "status_label", "progress" (0-100), "stage", "info",
    "active", "report_url", "error"}``; ``info`` is the queued place, the running time or the
    duration, in words.
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
    }


def _visible_jobs(user):
    return visible_to(user, AnalysisJob.objects.all()).select_related("audit", "owner")


@login_required
@require_GET
def job_list(request):
    """The user's jobs (staff: everyone's), newest first, 50 a page, with live progress bars."""
    page = Paginator(_visible_jobs(request.user).order_by("-created_at"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    jobs = list(page.object_list)
    positions = queue_positions() if any(j.status == AnalysisJob.Status.PENDING for j in jobs) else {}
    now = timezone.now()
    rows = [(job, job_state(job, positions, now)) for job in jobs]
    return render(
        request,
        "jobs/list.html",
        {
            "rows": rows,
            "page": page,
            "any_active": any(state["active"] for _, state in rows),
            "show_owner": request.user.is_staff,
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
    jobs = list(_visible_jobs(request.user).filter(id__in=ids)) if ids else []
    positions = queue_positions() if any(j.status == AnalysisJob.Status.PENDING for j in jobs) else {}
    now = timezone.now()
    states = [job_state(job, positions, now) for job in jobs]
    return JsonResponse({"jobs": states, "active": any(s["active"] for s in states)})
