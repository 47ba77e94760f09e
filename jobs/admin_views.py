"""The Nexa monitoring page in the admin (staff only): queues, workers, failures, cache, a 24 h chart.

The figures come from ``jobs.monitoring.queue_status()`` and ``cache_stats()`` (the same as
``GET /queue-status`` and ``GET /cache-stats``), plus per-queue oldest-job age from RQ and
per-queue failures in the last hour and the hourly chart from ``AnalysisJob`` rows.
Mounted by ``jobs.admin.AnalysisJobAdmin.get_urls`` as ``admin:nexa-monitoring``.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from django.db.models import Count
from django.db.models.functions import TruncHour
from django.utils import timezone
from django.views.generic import TemplateView

from jobs import monitoring
from jobs.models import AnalysisJob

log = logging.getLogger(__name__)

CHART_HOURS = 24
CHART_WIDTH, CHART_HEIGHT = 720, 180
CHART_LEFT, CHART_BOTTOM, CHART_TOP = 36, 24, 10


def format_seconds(seconds: float | None) -> str:
    """``75.2`` -> ``"1 min 15 s"``; ``None`` -> ``"-"``."""
    if seconds is None:
        return "-"
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min"
    return f"{seconds // 86400} d {seconds % 86400 // 3600} h"


def oldest_job_ages(queue_names=monitoring.QUEUE_NAMES, now: dt.datetime | None = None) -> dict:
    """Seconds since the job at the head of each RQ queue was enqueued (``None`` for an empty queue).

    Returns ``{"high": float | None, ...}``; every value is ``None`` when Redis does not answer.
    """
    import django_rq

    now = now or timezone.now()
    ages: dict[str, float | None] = dict.fromkeys(queue_names)
    try:
        for name in queue_names:
            queue = django_rq.get_queue(name)
            head = queue.get_job_ids(0, 1)
            job = queue.fetch_job(head[0]) if head else None
            if job is not None and job.enqueued_at:
                enq = job.enqueued_at
                if enq.tzinfo is None:
                    enq = enq.replace(tzinfo=dt.UTC)
                ages[name] = round(max(0.0, (now - enq).total_seconds()), 1)
    except Exception as exc:
        log.warning("monitoring: oldest job ages unavailable: %s", exc)
    return ages


def failures_last_hour(now: dt.datetime | None = None) -> dict:
    """``FAILURE`` jobs finished in the last hour, by queue: ``{"high": int, ..., "total": int}``."""
    now = now or timezone.now()
    counts = dict.fromkeys(monitoring.QUEUE_NAMES, 0)
    rows = (
        AnalysisJob.objects.filter(
            status=AnalysisJob.Status.FAILURE, finished_at__gte=now - dt.timedelta(hours=1)
        )
        .values("queue")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts[row["queue"]] = counts.get(row["queue"], 0) + row["n"]
    counts["total"] = sum(counts.values())
    return counts


def hourly_outcomes(hours: int = CHART_HOURS, now: dt.datetime | None = None) -> list[dict]:
    """Jobs finished (``SUCCESS``) and failed (``FAILURE``) per hour, oldest hour first.

    Args:
        hours: how many whole hours back, the current (partial) hour included.
        now: the current time (aware).

    Returns:
        ``[{"hour": aware datetime (start of the hour), "finished": int, "failed": int}, ...]``,
        ``hours`` items long.
    """
    now = now or timezone.now()
    current = now.replace(minute=0, second=0, microsecond=0)
    start = current - dt.timedelta(hours=hours - 1)
    buckets = {start + dt.timedelta(hours=i): {"finished": 0, "failed": 0} for i in range(hours)}
    rows = (
        AnalysisJob.objects.filter(
            finished_at__gte=start,
            status__in=[AnalysisJob.Status.SUCCESS, AnalysisJob.Status.FAILURE],
        )
        .annotate(hour=TruncHour("finished_at"))
        .values("hour", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        hour = row["hour"]
        if hour.tzinfo is None:
            hour = hour.replace(tzinfo=dt.UTC)
        bucket = buckets.get(hour)
        if bucket is not None:
            key = "finished" if row["status"] == AnalysisJob.Status.SUCCESS else "failed"
            bucket[key] += row["n"]
    return [{"hour": h, **v} for h, v in sorted(buckets.items())]


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is >= ``value`` (a round axis maximum)."""
    exp = 0
    while True:
        for mantissa in (1, 2, 5):
            if mantissa * 10**exp >= value:
                return mantissa * 10**exp
        exp += 1


def chart_geometry(series: list[dict]) -> dict:
    """Bar positions (SVG user units) for ``hourly_outcomes()``: two bars per hour, a y axis scale.

    Returns ``{"width", "height", "bars": [{"x", "y", "w", "h", "kind", "title"}], "ticks":
    [{"y", "label"}], "labels": [{"x", "label"}], "max": int, "baseline": float}``.
    """
    plot_w = CHART_WIDTH - CHART_LEFT - 8
    plot_h = CHART_HEIGHT - CHART_BOTTOM - CHART_TOP
    baseline = CHART_TOP + plot_h
    top = max([1] + [max(p["finished"], p["failed"]) for p in series])
    scale = nice_ceiling(top)
    slot = plot_w / max(1, len(series))
    bar_w = max(1.0, slot * 0.38)
    bars, labels = [], []
    for i, point in enumerate(series):
        x0 = CHART_LEFT + i * slot + slot * 0.1
        hour = timezone.localtime(point["hour"]).strftime("%H:00")
        for j, kind in enumerate(("finished", "failed")):
            n = point[kind]
            h = plot_h * n / scale
            bars.append(
                {
                    "x": round(x0 + j * bar_w, 1),
                    "y": round(baseline - h, 1),
                    "w": round(bar_w, 1),
                    "h": round(h, 1),
                    "kind": kind,
                    "n": n,
                    "title": f"{hour}: {n} {kind}",
                }
            )
        if i % 3 == 0 or i == len(series) - 1:
            labels.append({"x": round(x0 + bar_w, 1), "label": hour})
    ticks = [{"y": round(baseline - plot_h * f, 1), "label": f"{scale * f:g}"} for f in (0, 0.5, 1)]
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "right": CHART_WIDTH - 8,
        "baseline": baseline,
        "bars": bars,
        "labels": labels,
        "ticks": ticks,
        "max": scale,
    }


def _age_label(iso: str | None, now: dt.datetime) -> str:
    """``"12 s ago"`` for an ISO timestamp, ``"-"`` when missing or unreadable."""
    if not iso:
        return "-"
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return "-"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return f"{format_seconds((now - when).total_seconds())} ago"


def _job_admin_ids(worker_rows: list[dict]) -> set[str]:
    ids = set()
    for row in worker_rows:
        try:
            ids.add(str(uuid.UUID(str(row.get("current_job") or ""))))
        except ValueError:
            pass
    if not ids:
        return set()
    return {str(pk) for pk in AnalysisJob.objects.filter(pk__in=ids).values_list("pk", flat=True)}


class MonitoringView(TemplateView):
    """``GET /admin/jobs/analysisjob/monitoring/``: the Nexa monitoring page (staff; wrapped by
    ``admin_site.admin_view``)."""

    template_name = "admin/jobs/monitoring.html"
    admin_site = None

    def get_context_data(self, **kwargs):
        """Queue, worker, cache and chart figures plus the admin's own context (nav, user links)."""
        now = timezone.now()
        status = monitoring.queue_status()
        cache = monitoring.cache_stats()
        ages = oldest_job_ages(now=now)
        failures = failures_last_hour(now=now)
        queues = [
            {
                "name": name,
                "depth": status["queues"].get(name, 0),
                "started": status.get("started", {}).get(name, 0),
                "scheduled": status.get("scheduled", {}).get(name, 0),
                "failed_registry": status.get("failed_by_queue", {}).get(name, 0),
                "oldest_age": ages.get(name),
                "oldest_label": format_seconds(ages.get(name)),
                "failures_last_hour": failures.get(name, 0),
            }
            for name in monitoring.QUEUE_NAMES
        ]
        workers = status["workers"].get("list", [])
        known = _job_admin_ids(workers)
        for row in workers:
            row["job_in_admin"] = str(row.get("current_job") or "") in known
            row["heartbeat_age"] = _age_label(row.get("last_heartbeat"), now)
        series = hourly_outcomes(now=now)
        context = super().get_context_data(**kwargs)
        if self.admin_site is not None:
            context.update(self.admin_site.each_context(self.request))
        context.update(
            title="Nexa monitoring",
            now=now,
            queue_status=status,
            cache_stats=cache,
            queues=queues,
            workers=workers,
            failures=failures,
            series=series,
            chart=chart_geometry(series),
            totals={
                "finished": sum(p["finished"] for p in series),
                "failed": sum(p["failed"] for p in series),
            },
            prefixes=sorted(cache.get("keys", {}).get("by_prefix", {}).items()),
        )
        return context
