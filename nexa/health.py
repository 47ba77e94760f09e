"""``GET /health``: liveness of the web process, the database and Redis."""

import logging

import django_rq
from django.db import connection
from django.http import JsonResponse

log = logging.getLogger(__name__)


def _check(name: str, probe, detail: bool) -> str:
    """``"ok"``, or ``"error: <exception class>"``; the exception's text (which can name hosts and ports)
    only for staff, and always in the log."""
    try:
        probe()
        return "ok"
    except Exception as exc:  # any failure means "down"
        log.warning("health: %s is down: %s: %s", name, exc.__class__.__name__, exc)
        text = f"error: {exc.__class__.__name__}"
        return f"{text}: {exc}"[:200] if detail else text


def _db_probe():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def health(request):
    """Answer 200 ``{"status": "ok", "database": "ok", "redis": "ok"}`` when both answer, else 503."""
    user = getattr(request, "user", None)
    detail = bool(user is not None and user.is_authenticated and user.is_staff)
    checks = {
        "database": _check("database", _db_probe, detail),
        "redis": _check("redis", lambda: django_rq.get_connection("default").ping(), detail),
    }
    ok = all(v == "ok" for v in checks.values())
    return JsonResponse({"status": "ok" if ok else "degraded", **checks}, status=200 if ok else 503)
