"""Result callbacks: when a job ends, its §3 result is POSTed to the client's ``callback_url``
(docs/architecture.md, "Result callbacks"), so clients need not poll.

* Only ``http``/``https`` URLs whose host is in ``settings.NEXA_CALLBACK_HOSTS`` are accepted
  (:func:`check_callback_url`, at submit: 400 ``invalid`` with ``fields.callback_url``).
* The body is ``{"job_id", "status", "result"}`` (``result`` as ``GET /job-result`` gives it). It is
  signed with the owner's ``ClientAccount.callback_secret``: header ``X-Nexa-Timestamp`` (Unix
  seconds) and ``X-Nexa-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">``; a receiver
  recomputes it and refuses stale timestamps (replay).
* Delivery is an RQ job (``deliver``) on the ``high`` queue; an answer other than 2xx, a refused
  connection or no answer within ``NEXA_CALLBACK_TIMEOUT`` seconds is retried after
  ``NEXA_CALLBACK_RETRY_INTERVALS`` seconds (RQ ``Retry``), then ``callback_state`` is ``failed``.
  Every attempt is recorded on the job (``callback_attempts``) and shown in the admin.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jobs.models import AnalysisJob, ClientAccount

log = logging.getLogger(__name__)

TASK = "jobs.callbacks.deliver"
PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
SIGNATURE_HEADER = "X-Nexa-Signature"
TIMESTAMP_HEADER = "X-Nexa-Timestamp"


class CallbackRefused(Exception):
    """An attempt that did not deliver (status code or network error); RQ retries it."""


def check_callback_url(url: str) -> str | None:
    """Why ``url`` cannot be a callback URL, or None when it can (``http(s)``, host allowed by
    ``settings.NEXA_CALLBACK_HOSTS``, a list of host names; empty: callbacks are off)."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "The callback URL must be an http:// or https:// URL."
    allowed = [h.lower() for h in getattr(settings, "NEXA_CALLBACK_HOSTS", [])]
    if parts.hostname.lower() not in allowed:
        return f"Callbacks to host {parts.hostname!r} are not allowed (NEXA_CALLBACK_HOSTS)."
    return None


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 with ``secret`` of ``b"<timestamp>." + body``."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def schedule(job_ids) -> None:
    """Enqueue (on commit) the delivery of every job among ``job_ids`` that has a callback URL
    and no delivery yet; marks them ``pending``."""
    ids = list(
        AnalysisJob.objects.filter(pk__in=list(job_ids), callback_state="")
        .exclude(callback_url="")
        .values_list("pk", flat=True)
    )
    if not ids:
        return
    AnalysisJob.objects.filter(pk__in=ids).update(callback_state=PENDING)
    transaction.on_commit(lambda: [_enqueue(str(pk)) for pk in ids])


def _enqueue(job_id: str) -> None:
    from rq import Retry

    from jobs.services import get_queue

    intervals = list(getattr(settings, "NEXA_CALLBACK_RETRY_INTERVALS", [10, 60, 300]))
    try:
        get_queue("high").enqueue_call(
            func=TASK,
            args=(job_id,),
            job_id=f"callback-{job_id}",
            timeout=int(getattr(settings, "NEXA_CALLBACK_TIMEOUT", 10)) + 30,
            retry=Retry(max=len(intervals), interval=intervals) if intervals else None,
            result_ttl=3600,
            failure_ttl=7 * 24 * 3600,
        )
    except Exception as exc:  # Redis down: the job keeps callback_state "pending" (visible in the admin)
        log.error("callback of job %s not queued: %s", job_id, exc)


def payload(job: AnalysisJob) -> bytes:
    """The callback body of a finished ``job`` (compact JSON, UTF-8)."""
    from jobs.tasks import job_result

    body = {"job_id": str(job.id), "status": job.status, "result": job_result(job)}
    return json.dumps(body, separators=(",", ":"), default=str).encode()


def deliver(job_id: str) -> str:
    """RQ entry point: one delivery attempt of ``job_id``'s result; records it on the job.

    Returns ``delivered``; raises ``CallbackRefused`` (RQ retries) while retries are left, and on
    the last attempt records ``callback_state`` ``failed`` and returns ``failed``.
    """
    import httpx

    from jobs.runner import retries_left

    job = AnalysisJob.objects.select_related("audit").filter(pk=job_id).first()
    if job is None or not job.callback_url or job.callback_state == DELIVERED:
        return "skipped"
    body = payload(job)
    stamp = int(time.time())
    secret = ClientAccount.for_user(job.owner).callback_secret
    headers = {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: str(stamp),
        SIGNATURE_HEADER: sign(secret, stamp, body),
        "X-Nexa-Job-Id": str(job.id),
        "User-Agent": "Nexa-Callback/1",
    }
    attempt = {"at": timezone.now().isoformat(), "status_code": None, "error": ""}
    started = time.monotonic()
    try:
        response = httpx.post(
            job.callback_url,
            content=body,
            headers=headers,
            timeout=float(getattr(settings, "NEXA_CALLBACK_TIMEOUT", 10)),
            follow_redirects=False,
        )
        attempt["status_code"] = response.status_code
        ok = 200 <= response.status_code < 300
        if not ok:
            attempt["error"] = f"answered {response.status_code}"
    except httpx.HTTPError as exc:
        ok = False
        attempt["error"] = f"{type(exc).__name__}: {exc}"[:300]
    attempt["seconds"] = round(time.monotonic() - started, 3)
    last = not ok and retries_left() == 0
    state = DELIVERED if ok else (FAILED if last else PENDING)
    job.callback_attempts = [*job.callback_attempts, attempt]
    AnalysisJob.objects.filter(pk=job.pk).update(
        callback_attempts=job.callback_attempts, callback_state=state
    )
    if ok or last:
        return state
    raise CallbackRefused(f"callback of job {job_id}: {attempt['error']}")
