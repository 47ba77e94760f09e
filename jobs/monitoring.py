"""Queue and cache monitoring for ``GET /queue-status``, ``GET /cache-stats`` and the admin page.

Both functions read Redis (and, for job counts, the database) and return plain JSON-able dicts;
neither raises when Redis is down: the answer then says so (``status: "redis_down"`` / ``error``).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone

log = logging.getLogger(__name__)

QUEUE_NAMES = ("high", "default", "batch")
# Prefix of our own counters in the cache database (raw keys, outside django-redis' KEY_PREFIX).
STATS_PREFIX = "nexa:stats:"
ANALYSIS_HITS = STATS_PREFIX + "analysis_cache:hits"
ANALYSIS_MISSES = STATS_PREFIX + "analysis_cache:misses"
ANALYSIS_SHARED = STATS_PREFIX + "analysis_cache:shared"
MAX_SCANNED_KEYS = 20_000


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _job_counts() -> dict:
    from django.db.models import Count

    from jobs.models import AnalysisJob

    counts = {s: 0 for s in AnalysisJob.Status.values}
    for row in AnalysisJob.objects.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts


def queue_status() -> dict:
    """Workers, queue depths and registries of the RQ queues ``high``, ``default`` and ``batch``.

    Returns::

        {"status": "healthy" | "no_workers" | "redis_down",
         "workers": {"count": int, "busy": int, "idle": int,
                     "list": [{"name", "state", "current_job", "queues": [str], "hostname", "pid",
                               "last_heartbeat": iso str, "successful_jobs", "failed_jobs"}]},
         "queues": {"high": int, "default": int, "batch": int},      # jobs waiting
         "started": {"high": int, ...}, "scheduled": {...}, "failed_by_queue": {...},
         "failed": int,                                              # all failed registries
         "oldest_queued_age_seconds": float | None,                  # oldest waiting job, any queue
         "jobs": {"PENDING": int, "PROCESSING": int, "SUCCESS": int, "FAILURE": int},  # database rows
         "priority": {"accounts": int, "waiting": int},  # priority accounts, their PENDING jobs
         "checked_at": iso str}
    """
    import django_rq
    from rq import Worker
    from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

    answer: dict = {
        "status": "healthy",
        "workers": {"count": 0, "busy": 0, "idle": 0, "list": []},
        "queues": {q: 0 for q in QUEUE_NAMES},
        "started": {q: 0 for q in QUEUE_NAMES},
        "scheduled": {q: 0 for q in QUEUE_NAMES},
        "failed_by_queue": {q: 0 for q in QUEUE_NAMES},
        "failed": 0,
        "oldest_queued_age_seconds": None,
        "checked_at": timezone.now().isoformat(),
    }
    try:
        from jobs.models import AnalysisJob, ClientAccount

        answer["priority"] = {
            "accounts": ClientAccount.objects.filter(priority=True).count(),
            "waiting": AnalysisJob.objects.filter(priority=True, status=AnalysisJob.Status.PENDING).count(),
        }
        answer["jobs"] = _job_counts()
    except Exception as exc:  # the monitoring page must render even with the database in trouble
        log.warning("queue_status: job counts unavailable: %s", exc)
        answer["jobs"] = {}
    try:
        connection = django_rq.get_connection("default")
        oldest: dt.datetime | None = None
        for name in QUEUE_NAMES:
            queue = django_rq.get_queue(name)
            answer["queues"][name] = queue.count
            answer["started"][name] = StartedJobRegistry(queue=queue).count
            answer["scheduled"][name] = ScheduledJobRegistry(queue=queue).count
            failed = FailedJobRegistry(queue=queue).count
            answer["failed_by_queue"][name] = failed
            answer["failed"] += failed
            head = queue.get_job_ids(0, 1)
            if head:
                job = queue.fetch_job(head[0])
                if job is not None and job.enqueued_at:
                    enq = job.enqueued_at
                    if enq.tzinfo is None:
                        enq = enq.replace(tzinfo=dt.UTC)
                    oldest = enq if oldest is None or enq < oldest else oldest
        if oldest is not None:
            answer["oldest_queued_age_seconds"] = round((timezone.now() - oldest).total_seconds(), 3)
        workers = Worker.all(connection=connection)
        for w in workers:
            state = w.get_state()
            state = state.value if hasattr(state, "value") else str(state)
            answer["workers"]["list"].append(
                {
                    "name": w.name,
                    "state": state,
                    "current_job": w.get_current_job_id(),
                    "queues": w.queue_names(),
                    "hostname": w.hostname,
                    "pid": w.pid,
                    "last_heartbeat": _iso(w.last_heartbeat),
                    "successful_jobs": w.successful_job_count,
                    "failed_jobs": w.failed_job_count,
                }
            )
        busy = sum(1 for w in answer["workers"]["list"] if w["state"] == "busy")
        answer["workers"].update(count=len(workers), busy=busy, idle=len(workers) - busy)
        if not workers:
            answer["status"] = "no_workers"
    except Exception as exc:
        log.warning("queue_status: redis unavailable: %s", exc)
        answer["status"] = "redis_down"
        answer["error"] = str(exc)
    return answer


def _counter(client, key: str) -> int:
    value = client.get(key)
    return int(value) if value else 0


def cache_stats() -> dict:
    """Redis memory and keyspace figures, our analysis-cache counters and key counts by prefix.

    Returns::

        {"redis": {"used_memory": int bytes, "used_memory_human": str, "used_memory_peak": int,
                   "used_memory_peak_human": str, "maxmemory": int, "maxmemory_policy": str,
                   "keyspace_hits": int, "keyspace_misses": int, "keyspace_hit_rate": float | None,
                   "evicted_keys": int, "expired_keys": int},
         "analysis_cache": {"hits": int, "misses": int, "shared_in_flight": int,
                            "hit_rate": float | None, "entries": int},
         "hits": int, "misses": int, "hit_rate": float | None,   # = analysis_cache, for old clients
         "evictions": int,
         "keys": {"cache_db": int, "queue_db": int, "scanned": int, "truncated": bool,
                  "by_prefix": {"analysis": int, "stats": int, "rq": int, ...}},
         "checked_at": iso str}

    On a Redis error: ``{"error": str, "checked_at": ...}`` plus whatever was read before it.
    """
    from django_redis import get_redis_connection

    answer: dict = {"checked_at": timezone.now().isoformat()}
    try:
        client = get_redis_connection("default")
        info = client.info()
        hits, misses = int(info.get("keyspace_hits", 0)), int(info.get("keyspace_misses", 0))
        answer["redis"] = {
            "used_memory": int(info.get("used_memory", 0)),
            "used_memory_human": info.get("used_memory_human", ""),
            "used_memory_peak": int(info.get("used_memory_peak", 0)),
            "used_memory_peak_human": info.get("used_memory_peak_human", ""),
            "maxmemory": int(info.get("maxmemory", 0)),
            "maxmemory_policy": info.get("maxmemory_policy", ""),
            "keyspace_hits": hits,
            "keyspace_misses": misses,
            "keyspace_hit_rate": round(hits / (hits + misses), 4) if hits + misses else None,
            "evicted_keys": int(info.get("evicted_keys", 0)),
            "expired_keys": int(info.get("expired_keys", 0)),
        }
        answer["evictions"] = answer["redis"]["evicted_keys"]
        a_hits, a_misses = _counter(client, ANALYSIS_HITS), _counter(client, ANALYSIS_MISSES)
        by_prefix: dict[str, int] = {}
        scanned = 0
        truncated = False
        key_prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
        for raw in client.scan_iter(count=1000):
            scanned += 1
            if scanned > MAX_SCANNED_KEYS:
                truncated = True
                break
            prefix = _prefix_of(raw.decode(errors="replace"), key_prefix)
            by_prefix[prefix] = by_prefix.get(prefix, 0) + 1
        queue_db = 0
        try:
            import django_rq

            queue_conn = django_rq.get_connection("default")
            queue_db = queue_conn.dbsize()
            by_prefix["rq"] = by_prefix.get("rq", 0) + queue_db
        except Exception as exc:  # queue db unreachable: still report the cache db
            log.warning("cache_stats: queue db unavailable: %s", exc)
        answer["analysis_cache"] = {
            "hits": a_hits,
            "misses": a_misses,
            "shared_in_flight": _counter(client, ANALYSIS_SHARED),
            "hit_rate": round(a_hits / (a_hits + a_misses), 4) if a_hits + a_misses else None,
            "entries": by_prefix.get("analysis", 0),
        }
        answer.update(hits=a_hits, misses=a_misses, hit_rate=answer["analysis_cache"]["hit_rate"])
        answer["keys"] = {
            "cache_db": client.dbsize(),
            "queue_db": queue_db,
            "scanned": min(scanned, MAX_SCANNED_KEYS),
            "truncated": truncated,
            "by_prefix": dict(sorted(by_prefix.items())),
        }
    except Exception as exc:
        log.warning("cache_stats: redis unavailable: %s", exc)
        answer["error"] = str(exc)
    return answer


def _prefix_of(key: str, key_prefix: str) -> str:
    """``nexa:1:analysis:...`` -> ``analysis``; ``nexa:stats:...`` -> ``stats``; ``foo`` -> ``foo``."""
    parts = key.split(":")
    if key_prefix and parts[0] == key_prefix:
        parts = parts[1:]
        if parts and parts[0].isdigit():  # django-redis version segment
            parts = parts[1:]
    return parts[0] if parts else key
