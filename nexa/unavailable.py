"""Middleware: a database or Redis outage, or a full disk, answers 503/507 with a clear error,
never a 500 traceback page.

API clients (anything that does not ask for HTML) get JSON
``{"error": {"code": "service_unavailable" | "storage_full", "message": ...}}``; browsers get a
short HTML page. Both carry ``Retry-After``. Wired in ``settings.MIDDLEWARE``.
"""

from __future__ import annotations

import errno
import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from nexa.storage import discard_orphans, track_stored_files

log = logging.getLogger(__name__)

SERVICE_UNAVAILABLE = "service_unavailable"
STORAGE_FULL = "storage_full"
RETRY_AFTER_SECONDS = 30
OUTAGES = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


def classify(exc: BaseException) -> tuple[int, str, str] | None:
    """``(status, code, message)`` for an outage or a full disk, else None (a real bug: 500)."""
    if isinstance(exc, OUTAGES):
        what = "database" if isinstance(exc, OperationalError | InterfaceError) else "queue (Redis)"
        return (
            503,
            SERVICE_UNAVAILABLE,
            f"The {what} is unavailable right now; nothing was lost. Try again in a moment.",
        )
    if isinstance(exc, OSError) and exc.errno in DISK_FULL:
        return (
            507,
            STORAGE_FULL,
            "The server has no room to store the upload; nothing was saved. Try again later.",
        )
    return None


def _wants_html(request) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return "text/html" in accept and "application/json" not in accept


class ServiceUnavailableMiddleware:
    """Turn outages raised by views (database, Redis) and a full disk into 503/507 answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with track_stored_files() as stored:
            request.nexa_stored_files = stored
            return self.get_response(request)

    def process_exception(self, request, exception):
        # The view failed: its transactions rolled back, so files it stored without a row are orphans.
        try:
            removed = discard_orphans(getattr(request, "nexa_stored_files", []))
        except Exception as exc:  # the database is down too: keep the files (never lose data)
            log.warning("stored files not checked for orphans: %s", exc.__class__.__name__)
            removed = []
        if removed:
            log.warning(
                "%s %s: removed %d stored file(s) left without a row",
                request.method,
                request.path,
                len(removed),
            )
        found = classify(exception)
        if found is None:
            return None
        status, code, message = found
        log.error("%s %s: %s (%s)", request.method, request.path, code, exception.__class__.__name__)
        if _wants_html(request):
            body = f"<!doctype html><title>{status}</title><h1>Temporarily unavailable</h1><p>{message}</p>"
            response = HttpResponse(body, status=status, content_type="text/html; charset=utf-8")
        else:
            response = JsonResponse({"error": {"code": code, "message": message}}, status=status)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
