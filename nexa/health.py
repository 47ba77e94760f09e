"""``GET /health``: liveness of the web process, the database and Redis."""

import django_rq
from django.db import connection
from django.http import JsonResponse


def _check(probe) -> str:
    try:
        probe()
        return "ok"
    except Exception as exc:  # any failure means "down"; the message says why
        return f"error: {exc.__class__.__name__}: {exc}"[:200]


def _db_probe():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def health(request):
    """Answer 200 ``{"status": "ok", "database": "ok", "redis": "ok"}`` when both answer, else 503."""
    checks = {
        "database": _check(_db_probe),
        "redis": _check(lambda: django_rq.get_connection("default").ping()),
    }
    ok = all(v == "ok" for v in checks.values())
    return JsonResponse({"status": "ok" if ok else "degraded", **checks}, status=200 if ok else 503)
