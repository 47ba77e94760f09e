"""Result callbacks delivered to a real HTTP server on loopback (signed, retried, recorded), and
per-account priority, against the real database and Redis."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import django_rq
import pytest

from jobs import callbacks
from jobs.models import AnalysisJob, ClientAccount
from tests.jobs_support import make_library, upload

pytestmark = pytest.mark.django_db


class Receiver:
    """A loopback HTTP server; ``script`` lists the status of each answer (``"hang"``: no answer)."""

    def __init__(self, script):
        self.script = list(script)
        self.received: list[tuple[dict, bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.received.append((dict(self.headers), body))
                step = receiver.script.pop(0) if receiver.script else 200
                if step == "hang":
                    time.sleep(2)
                    return
                self.send_response(step)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/nexa-hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def library(db):
    return make_library()


@pytest.fixture
def hooks(settings):
    settings.NEXA_CALLBACK_HOSTS = ["127.0.0.1"]
    settings.NEXA_CALLBACK_RETRY_INTERVALS = [0, 0]  # three attempts, retried at once by the burst worker
    settings.NEXA_CALLBACK_TIMEOUT = 0.5
    made = []

    def make(script=()):
        receiver = Receiver(script)
        made.append(receiver)
        return receiver

    yield make
    for receiver in made:
        receiver.close()


def _submit(api, commit, url, **extra):
    with commit(execute=True):
        return api.post(
            "/analyze-audit-async", {"file": upload(**extra), "callback_url": url}, format="multipart"
        )


def test_result_is_pushed_signed_to_the_callback_url(
    api, user, library, run_jobs, hooks, django_capture_on_commit_callbacks
):
    receiver = hooks([200])
    res = _submit(api, django_capture_on_commit_callbacks, receiver.url, tag="cb1")
    assert res.status_code == 202, res.content
    with django_capture_on_commit_callbacks(execute=True):
        run_jobs()
    run_jobs()
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    sent = json.loads(body)
    assert sent["job_id"] == res.json()["job_id"] and sent["status"] == "SUCCESS"
    assert sent["result"]["file"] == "A1.pdf" and "infractions" in sent["result"]
    secret = ClientAccount.for_user(user).callback_secret
    stamp = headers["X-Nexa-Timestamp"]
    expected = hmac.new(secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    assert headers["X-Nexa-Signature"] == f"sha256={expected}"
    assert abs(int(stamp) - time.time()) < 120
    job = AnalysisJob.objects.get(pk=sent["job_id"])
    assert job.callback_state == "delivered" and [a["status_code"] for a in job.callback_attempts] == [200]


def test_a_receiver_failing_twice_gets_the_third_attempt(
    api, library, run_jobs, hooks, django_capture_on_commit_callbacks
):
    receiver = hooks([500, 503, 200])
    job_id = _submit(api, django_capture_on_commit_callbacks, receiver.url, tag="cb2").json()["job_id"]
    with django_capture_on_commit_callbacks(execute=True):
        run_jobs()
    run_jobs()
    job = AnalysisJob.objects.get(pk=job_id)
    assert [a["status_code"] for a in job.callback_attempts] == [500, 503, 200]
    assert job.callback_state == "delivered" and len(receiver.received) == 3
    bodies = {body for _, body in receiver.received}
    assert len(bodies) == 1  # the same result each time


def test_a_receiver_that_never_answers_ends_failed_with_every_attempt_recorded(
    api, library, run_jobs, hooks, django_capture_on_commit_callbacks
):
    receiver = hooks(["hang", "hang", "hang"])
    job_id = _submit(api, django_capture_on_commit_callbacks, receiver.url, tag="cb3").json()["job_id"]
    with django_capture_on_commit_callbacks(execute=True):
        run_jobs()
    run_jobs()
    job = AnalysisJob.objects.get(pk=job_id)
    assert job.status == "SUCCESS"  # the analysis itself is unaffected
    assert job.callback_state == "failed" and len(job.callback_attempts) == 3
    assert all("Timeout" in a["error"] and a["status_code"] is None for a in job.callback_attempts)


def test_refused_upload_and_batch_members_get_callbacks(
    api, library, run_jobs, hooks, django_capture_on_commit_callbacks
):
    receiver = hooks()
    with django_capture_on_commit_callbacks(execute=True):
        res = api.post(
            "/batch-analyze",
            {"files": [upload("ok.pdf", tag="b"), upload("bad.pdf", b"nope")], "callback_url": receiver.url},
            format="multipart",
        )
    assert res.status_code == 202
    with django_capture_on_commit_callbacks(execute=True):
        run_jobs()
    run_jobs()
    sent = sorted((json.loads(b)["result"]["file"], json.loads(b)["status"]) for _, b in receiver.received)
    assert sent == [("bad.pdf", "FAILURE"), ("ok.pdf", "SUCCESS")]


def test_callback_url_must_be_http_on_an_allowed_host(
    api, library, settings, django_capture_on_commit_callbacks
):
    settings.NEXA_CALLBACK_HOSTS = ["hooks.example.com"]
    for url in ("ftp://hooks.example.com/x", "http://169.254.169.254/latest", "https://evil.example.net/"):
        res = _submit(api, django_capture_on_commit_callbacks, url, tag=url)
        assert res.status_code == 400, url
        assert res.json()["error"]["code"] == "invalid" and "callback_url" in res.json()["error"]["fields"]
    assert AnalysisJob.objects.count() == 0
    assert callbacks.check_callback_url("https://hooks.example.com/nexa") is None


# --- priority ---------------------------------------------------------------------------------------


def test_priority_account_jobs_run_ahead_in_their_queue(
    api, user, other_user, staff_user, library, django_capture_on_commit_callbacks
):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    premium = APIClient()
    premium.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=other_user)[0].key}")
    ClientAccount.objects.create(user=other_user, priority=True)
    with django_capture_on_commit_callbacks(execute=True):
        first = api.post("/analyze-audit-async", {"file": upload(tag="p1")}).json()["job_id"]
        second = api.post("/analyze-audit-async", {"file": upload(tag="p2")}).json()["job_id"]
        urgent = premium.post("/analyze-audit-async", {"file": upload(tag="p3")}).json()["job_id"]
    assert django_rq.get_queue("high").job_ids == [urgent, first, second]
    staff = APIClient()
    staff.force_authenticate(staff_user)
    status = staff.get("/queue-status").json()
    assert status["priority"] == {"accounts": 1, "waiting": 1}
