"""One job lifecycle for every background job: analysis jobs (``jobs.tasks``) and spec imports
(``specs.services``) alike (docs/architecture.md, "Jobs").

A job kind supplies a :class:`Lifecycle` (how to claim its row, record progress, success and
failure, and put it back for a retry); :func:`run_job` runs the work and maps every outcome to
that row the same way:

* the row cannot be claimed (it is final, or another run holds it): nothing runs;
* the job ran past its timeout (``jobs.worker.JobTimeout`` or RQ's ``JobTimeoutException``):
  ``FAILURE`` ``timeout``;
* bad input (``engine.pdftext.PdfError``): ``FAILURE`` with its code, at once;
* the database or Redis went away (``TRANSIENT_ERRORS``): re-raised while RQ retries are left
  (the row goes back to ``PENDING``), then ``FAILURE`` ``transient_error``;
* anything else: ``FAILURE`` ``internal_error`` with the traceback kept for staff.
"""

from __future__ import annotations

import logging
import traceback as tb
from collections.abc import Callable
from typing import Protocol

from django.db import DatabaseError, InterfaceError, OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq.timeouts import JobTimeoutException

from engine import PdfError
from jobs.worker import JobTimeout

log = logging.getLogger(__name__)

# Errors worth another attempt (with backoff, by RQ's Retry): the database or Redis went away.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
TRANSIENT_ERROR = "transient_error"
TIMEOUT = "timeout"
INTERNAL_ERROR = "internal_error"

Progress = Callable[[str, int], None]  # (stage, percent 0-100)


class Lifecycle(Protocol):
    """What :func:`run_job` needs from a job kind. ``label`` names the job in logs and messages
    (``"job 3f2a…"``, ``"spec import 12"``); ``what`` the work (``"The analysis"``)."""

    label: str
    what: str

    def claim(self) -> bool:
        """Mark the row running (worker, start time, attempt); False when it is final or another
        run holds it."""

    def progress(self, stage: str, percent: int) -> None:
        """Record a stage and a percentage (0-100) on the row."""

    def succeed(self) -> None:
        """Record success."""

    def fail(self, code: str, message: str, traceback: str = "") -> None:
        """Record failure with an error code, a message for the client and a traceback for staff."""

    def back_to_pending(self, reason: str) -> None:
        """Put the row back to pending before RQ retries the job."""

    def timeout_seconds(self) -> float:
        """The job's timeout in seconds (for the timeout message)."""


def current_rq_job():
    """The RQ job being run in this process, or None (called directly, e.g. ``POST /analyze-audit``)."""
    from rq import get_current_job

    return get_current_job()


def retries_left() -> int:
    """RQ retries left for the current job (0 outside RQ)."""
    current = current_rq_job()
    return int(current.retries_left or 0) if current is not None else 0


def run_job(lifecycle: Lifecycle, work: Callable[[Progress], object]) -> dict:
    """Claim the job, run ``work(progress)``, record the outcome (see the module docstring).

    Args:
        lifecycle: the job kind's :class:`Lifecycle` for one row.
        work: the job's work; receives ``lifecycle.progress``; its return value is ignored.

    Returns:
        ``{"status": "SUCCESS"|"FAILURE"|"SKIPPED", "error": {"code", "message"} | None}``.

    Raises:
        One of ``TRANSIENT_ERRORS`` while RQ retries are left (RQ runs the job again with backoff).
    """
    if not lifecycle.claim():
        return {"status": "SKIPPED", "error": None}
    try:
        work(lifecycle.progress)
    except (JobTimeout, JobTimeoutException):  # ours, or RQ's own under another worker class
        message = f"{lifecycle.what} took longer than its {lifecycle.timeout_seconds():g} s timeout."
        log.error("%s: %s", lifecycle.label, message)
        lifecycle.fail(TIMEOUT, message, tb.format_exc())
        return _failed(TIMEOUT, message)
    except PdfError as exc:
        lifecycle.fail(exc.code, exc.message)
        return _failed(exc.code, exc.message)
    except TRANSIENT_ERRORS as exc:
        if retries_left() > 0:
            log.warning("%s: transient error, RQ will retry: %s", lifecycle.label, exc)
            try:
                lifecycle.back_to_pending(f"retrying after: {exc}")
            except DatabaseError:
                pass  # the database is the thing that is down; the reconciler catches up
            raise
        message = f"Gave up after repeated database/Redis errors: {exc}"
        lifecycle.fail(TRANSIENT_ERROR, message, tb.format_exc())
        return _failed(TRANSIENT_ERROR, str(exc))
    except Exception as exc:
        message = f"{lifecycle.what} failed unexpectedly ({type(exc).__name__}); staff can see the traceback."
        log.exception("%s failed", lifecycle.label)
        lifecycle.fail(INTERNAL_ERROR, message, tb.format_exc())
        return _failed(INTERNAL_ERROR, message)
    lifecycle.succeed()
    return {"status": "SUCCESS", "error": None}


def _failed(code: str, message: str) -> dict:
    return {"status": "FAILURE", "error": {"code": code, "message": message}}
