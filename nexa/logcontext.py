"""Request and job ids on every log line (``LOG_FORMAT=json`` prints them as fields).

``RequestIdMiddleware`` gives each web request an id: the caller's ``X-Request-ID`` when it is a
plain token (letters, digits, ``.``, ``_``, ``-``; at most 64), else a new UUID hex. The id is
returned in the ``X-Request-ID`` response header. ``LogContextFilter`` (on the console handler,
``nexa/settings.py`` ``LOGGING``) sets ``record.request_id`` and ``record.job_id`` on each record:
the request being served in this thread, and the RQ job being run (its id is the
``AnalysisJob`` UUID, ``jobs.services.enqueue``); ``""`` outside either.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Callable

from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("nexa_request_id", default="")


def _current_job_id() -> str:
    try:
        from rq import get_current_job
    except ImportError:  # pragma: no cover - rq is a dependency
        return ""
    try:
        job = get_current_job()
    except Exception:  # no RQ context in this thread
        return ""
    return job.id if job is not None else ""


class LogContextFilter(logging.Filter):
    """Adds ``request_id`` and ``job_id`` (strings, ``""`` when none) to every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Annotate ``record``; never drops it."""
        if not getattr(record, "request_id", ""):
            record.request_id = request_id.get()
        if not getattr(record, "job_id", ""):
            record.job_id = _current_job_id()
        return True


class RequestIdMiddleware:
    """Sets the request id for the request's log lines and answers it in ``X-Request-ID``.

    First in ``MIDDLEWARE``, so every later middleware's lines carry the id.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Serve ``request`` with its id set; the id is also ``request.request_id``."""
        given = request.headers.get(REQUEST_ID_HEADER, "")
        rid = given if _VALID_ID.fullmatch(given) else uuid.uuid4().hex
        request.request_id = rid  # type: ignore[attr-defined]
        # Left set after the middleware returns: Django logs 4xx/5xx responses ("Not Found: /x")
        # after the middleware chain; cleared when the response is finished (request_finished).
        request_id.set(rid)
        response = self.get_response(request)
        response.headers[REQUEST_ID_HEADER] = rid
        return response


def _clear_request_id(**kwargs: object) -> None:
    request_id.set("")


request_finished.connect(_clear_request_id, dispatch_uid="nexa.logcontext.clear_request_id")
