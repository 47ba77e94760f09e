"""The job API (docs/architecture.md, "API and result contract") against the real database and Redis
(burst SimpleWorker)."""

import hashlib

import django_rq
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from audits.models import Audit
from jobs.models import AnalysisJob, Batch
from tests.jobs_support import RESULT_KEYS, audit_pdf, make_library, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(db):
    return make_library()


def _client(user):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _submit(api, commit, **files):
    with commit(execute=True):
        return api.post("/analyze-audit-async", files or {"file": upload()}, format="multipart")


def test_submit_poll_pending_run_success(api, library, run_jobs, django_capture_on_commit_callbacks):
    res = _submit(api, django_capture_on_commit_callbacks)
    assert res.status_code == 202, res.content
    body = res.json()
    assert set(body) >= {"job_id", "status", "poll_url"}
    assert body["status"] == "PENDING"
    assert body["poll_url"] == f"/job-result/{body['job_id']}"

    poll = api.get(body["poll_url"]).json()
    assert poll["status"] == "PENDING" and poll["progress"] == 0
    assert "result" not in poll and "error" not in poll
    # The RQ job id is the AnalysisJob UUID, and only the id travels through Redis.
    rq_job = django_rq.get_queue("high").fetch_job(body["job_id"])
    assert rq_job is not None and rq_job.args == [body["job_id"]]

    assert run_jobs()
    poll = api.get(body["poll_url"]).json()
    assert poll["status"] == "SUCCESS", poll
    assert poll["progress"] == 100 and poll["stage"] == "done"
    result = poll["result"]
    assert RESULT_KEYS <= set(result)
    assert result["file"] == "A1.pdf" and result["status"] == "SUCCESS" and result["error"] is None
    assert set(result["summary"]) == {"repealable", "valid", "needs_review"}
    assert result["infractions_found"] == len(result["infractions"])
    assert set(result["audit"]) >= {"pm_number", "notification_number", "audit_date", "score"}
    job = AnalysisJob.objects.get(pk=body["job_id"])
    assert job.attempts == 1 and job.worker_name and job.started_at and job.finished_at
    assert job.audit.sha256 and job.audit.file.name.startswith("audits/")
    assert job.audit.original_filename == "A1.pdf"


def test_queue_choice_small_high_large_default(api, library, settings, django_capture_on_commit_callbacks):
    body = _submit(api, django_capture_on_commit_callbacks).json()
    assert AnalysisJob.objects.get(pk=body["job_id"]).queue == "high"
    settings.NEXA_HIGH_QUEUE_MAX_BYTES = 100
    body = _submit(api, django_capture_on_commit_callbacks, file=upload(tag="big")).json()
    assert AnalysisJob.objects.get(pk=body["job_id"]).queue == "default"
    assert django_rq.get_queue("default").count == 1 and django_rq.get_queue("high").count == 1


def _queued() -> int:
    return sum(django_rq.get_queue(q).count for q in ("high", "default", "batch"))


def test_not_a_pdf_is_recorded_as_a_failed_job(api, user, django_capture_on_commit_callbacks):
    data = b"hello, not a pdf"
    res = _submit(api, django_capture_on_commit_callbacks, file=SimpleUploadedFile("notes.pdf", data))
    assert res.status_code == 400
    body = res.json()
    assert set(body) == {"job_id", "status", "error", "poll_url"}
    assert body["status"] == "FAILURE" and body["poll_url"] == f"/job-result/{body['job_id']}"
    assert body["error"] == {"code": "not_a_pdf", "message": "The file is not a PDF (no %PDF- header)."}
    # recorded: the audit (name, size, SHA-256, bytes kept for staff) and a FAILURE job, never enqueued
    job = AnalysisJob.objects.select_related("audit").get()
    assert str(job.id) == body["job_id"] and job.owner == user
    assert (job.status, job.error_code, job.stage) == ("FAILURE", "not_a_pdf", "refused")
    assert job.error_message == body["error"]["message"] and job.finished_at and job.attempts == 0
    audit = job.audit
    assert audit.original_filename == "notes.pdf" and audit.size_bytes == len(data)
    assert audit.sha256 == hashlib.sha256(data).hexdigest()
    assert audit.file.name.startswith("audits/")
    with audit.file.open("rb") as fh:
        assert fh.read() == data
    assert _queued() == 0
    poll = api.get(body["poll_url"]).json()
    assert poll["status"] == "FAILURE" and poll["error"] == body["error"] and poll["file"] == "notes.pdf"
    assert poll["result"]["status"] == "FAILURE" and poll["result"]["error"]["code"] == "not_a_pdf"


def test_empty_file_is_recorded_as_not_a_pdf(api, django_capture_on_commit_callbacks):
    res = _submit(api, django_capture_on_commit_callbacks, file=SimpleUploadedFile("empty.pdf", b""))
    assert res.status_code == 400 and res.json()["error"]["code"] == "not_a_pdf"
    audit = Audit.objects.get()
    assert audit.size_bytes == 0 and audit.sha256 == hashlib.sha256(b"").hexdigest()
    assert audit.file.name.startswith("audits/") and audit.file.size == 0
    assert AnalysisJob.objects.get().status == "FAILURE" and _queued() == 0


def test_too_large_is_413_and_recorded_without_its_bytes(api, settings, django_capture_on_commit_callbacks):
    settings.NEXA_MAX_UPLOAD_BYTES = 200
    data = audit_pdf()
    res = _submit(api, django_capture_on_commit_callbacks, file=upload("big.pdf", data))
    assert res.status_code == 413
    body = res.json()
    assert set(body) == {"job_id", "status", "error", "poll_url"} and body["status"] == "FAILURE"
    assert body["error"]["code"] == "too_large"
    assert body["error"]["message"] == f"The file is {len(data)} bytes; the limit is 200 bytes."
    job = AnalysisJob.objects.select_related("audit").get(pk=body["job_id"])
    assert (job.status, job.error_code) == ("FAILURE", "too_large")
    audit = job.audit
    assert audit.original_filename == "big.pdf" and audit.size_bytes == len(data)
    assert audit.sha256 == hashlib.sha256(data).hexdigest()
    assert not audit.file  # the bytes above the limit are not stored
    assert _queued() == 0
    poll = api.get(body["poll_url"]).json()
    assert poll["status"] == "FAILURE" and poll["error"]["code"] == "too_large"


def test_missing_file_is_400(api):
    res = api.post("/analyze-audit-async", {}, format="multipart")
    assert res.status_code == 400 and res.json()["error"]["code"] == "no_file"


def test_anonymous_refused(client):
    for method, path in [
        ("post", "/analyze-audit-async"),
        ("post", "/analyze-audit"),
        ("post", "/batch-analyze"),
        ("get", "/job-result/00000000-0000-0000-0000-000000000000"),
    ]:
        assert getattr(client, method)(path).status_code in (401, 403), path


def test_bad_pdf_fails_with_its_code(api, library, run_jobs, django_capture_on_commit_callbacks):
    broken = b"%PDF-1.4\n" + b"garbage " * 200
    body = _submit(api, django_capture_on_commit_callbacks, file=upload("bad.pdf", broken)).json()
    assert body["status"] == "PENDING"
    run_jobs()
    poll = api.get(body["poll_url"]).json()
    assert poll["status"] == "FAILURE"
    assert poll["error"]["code"] == "corrupt_pdf" and poll["error"]["message"]
    assert poll["result"]["status"] == "FAILURE" and poll["result"]["error"]["code"] == "corrupt_pdf"
    assert AnalysisJob.objects.get(pk=body["job_id"]).attempts == 1  # bad input: no retry


def test_other_users_job_is_404_staff_sees_all(
    api, library, other_user, staff_user, run_jobs, django_capture_on_commit_callbacks
):
    body = _submit(api, django_capture_on_commit_callbacks).json()
    run_jobs()
    assert _client(other_user).get(body["poll_url"]).status_code == 404
    assert _client(staff_user).get(body["poll_url"]).json()["status"] == "SUCCESS"
    assert api.get("/job-result/7d0e8a52-5f0e-4a55-9d53-3c0f4a3e2b11").status_code == 404
    res = api.get("/job-result/not-a-uuid")
    assert res.status_code == 404 and res.json()["error"]["code"] == "not_found"


def test_resubmission_is_cache_hit(api, library, run_jobs, django_capture_on_commit_callbacks, staff_user):
    first = _submit(api, django_capture_on_commit_callbacks).json()
    run_jobs()
    second = _submit(api, django_capture_on_commit_callbacks, file=upload("A1-again.pdf")).json()
    assert second["status"] == "SUCCESS" and second["cached"] is True
    assert sum(django_rq.get_queue(q).count for q in ("high", "default", "batch")) == 0
    poll = api.get(second["poll_url"]).json()
    assert poll["status"] == "SUCCESS" and poll["cached"] is True and poll["result"]["cached"] is True
    first_result = api.get(first["poll_url"]).json()["result"]
    assert poll["result"]["infractions"] == first_result["infractions"]
    assert Audit.objects.count() == 1  # nothing stored twice
    stats = _client(staff_user).get("/cache-stats").json()
    assert stats["analysis_cache"]["hits"] == 1 and stats["analysis_cache"]["misses"] == 1
    assert stats["hit_rate"] == 0.5
    assert stats["keys"]["by_prefix"].get("analysis") == 1


def test_batch_of_three(api, library, run_jobs, django_capture_on_commit_callbacks):
    files = [upload(f"B{i}.pdf", tag=str(i)) for i in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        res = api.post("/batch-analyze", {"files": files}, format="multipart")
    assert res.status_code == 202, res.content
    body = res.json()
    assert len(body["jobs"]) == 3 and body["batch_id"]
    assert [j["filename"] for j in body["jobs"]] == ["B0.pdf", "B1.pdf", "B2.pdf"]
    assert all(j["status"] == "PENDING" for j in body["jobs"])
    assert django_rq.get_queue("batch").count == 3
    assert set(AnalysisJob.objects.values_list("queue", flat=True)) == {"batch"}
    run_jobs()
    for entry in body["jobs"]:
        poll = api.get(f"/job-result/{entry['job_id']}").json()
        assert poll["status"] == "SUCCESS" and poll["batch_id"] == body["batch_id"]
        assert poll["result"]["file"] == entry["filename"]


def test_batch_of_21_is_400_and_stores_nothing(api, library, django_capture_on_commit_callbacks):
    files = [upload(f"B{i}.pdf", tag=str(i)) for i in range(21)]
    with django_capture_on_commit_callbacks(execute=True):
        res = api.post("/batch-analyze", {"files": files}, format="multipart")
    assert res.status_code == 400
    err = res.json()["error"]
    assert err["code"] == "too_many_files" and "20" in err["message"] and "21" in err["message"]
    assert not (Audit.objects.exists() or AnalysisJob.objects.exists() or Batch.objects.exists())
    assert django_rq.get_queue("batch").count == 0


def test_batch_far_above_the_limit_is_a_clear_400(api, library):
    files = [upload(f"B{i}.pdf", tag=str(i)) for i in range(40)]
    res = api.post("/batch-analyze", {"files": files}, format="multipart")
    assert res.status_code == 400
    assert res.json()["error"]["code"] == "too_many_files"
    assert not (Audit.objects.exists() or Batch.objects.exists())


def test_batch_with_a_non_pdf_member(api, library, run_jobs, django_capture_on_commit_callbacks):
    files = [
        upload("ok1.pdf", tag="1"),
        SimpleUploadedFile("memo.docx", b"PK\x03\x04 not a pdf"),
        upload("ok2.pdf", tag="2"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        res = api.post("/batch-analyze", {"files": files}, format="multipart")
    assert res.status_code == 202
    body = res.json()
    jobs = body["jobs"]
    assert jobs[1]["filename"] == "memo.docx" and jobs[1]["status"] == "FAILURE"
    assert jobs[1]["error"] == {"code": "not_a_pdf", "message": "The file is not a PDF (no %PDF- header)."}
    assert jobs[1]["job_id"] and jobs[1]["poll_url"] == f"/job-result/{jobs[1]['job_id']}"
    assert [j["status"] for j in (jobs[0], jobs[2])] == ["PENDING", "PENDING"]
    assert all("error" not in j for j in (jobs[0], jobs[2]))
    refused = AnalysisJob.objects.select_related("audit").get(pk=jobs[1]["job_id"])
    assert (refused.status, refused.error_code) == ("FAILURE", "not_a_pdf")
    assert str(refused.batch_id) == body["batch_id"] and refused.queue == "batch"
    assert refused.audit.original_filename == "memo.docx" and refused.audit.file.name.startswith("audits/")
    assert django_rq.get_queue("batch").count == 2  # the refused member is never enqueued
    run_jobs()
    for entry in (jobs[0], jobs[2]):
        assert api.get(f"/job-result/{entry['job_id']}").json()["status"] == "SUCCESS"
    poll = api.get(jobs[1]["poll_url"]).json()
    assert poll["status"] == "FAILURE" and poll["error"]["code"] == "not_a_pdf"
    assert poll["batch_id"] == body["batch_id"]


def test_batch_with_an_oversized_member(api, library, settings, django_capture_on_commit_callbacks):
    settings.NEXA_MAX_UPLOAD_BYTES = 400
    big = upload("big.pdf", b"%PDF-1.4\n" + b"0" * 500)
    with django_capture_on_commit_callbacks(execute=True):
        res = api.post("/batch-analyze", {"files": [big]}, format="multipart")
    assert res.status_code == 202
    (entry,) = res.json()["jobs"]
    assert entry["status"] == "FAILURE" and entry["error"]["code"] == "too_large"
    job = AnalysisJob.objects.select_related("audit").get(pk=entry["job_id"])
    assert job.error_code == "too_large" and not job.audit.file and job.audit.size_bytes == 509
    assert django_rq.get_queue("batch").count == 0


def test_sync_analyze_returns_result(api, library):
    res = api.post("/analyze-audit", {"file": upload()}, format="multipart")
    assert res.status_code == 200, res.content
    body = res.json()
    assert RESULT_KEYS <= set(body) and body["status"] == "SUCCESS" and body["file"] == "A1.pdf"
    job = AnalysisJob.objects.get(pk=body["job_id"])
    assert job.status == "SUCCESS" and job.queue == "sync" and job.attempts == 1
    assert sum(django_rq.get_queue(q).count for q in ("high", "default", "batch")) == 0


def test_sync_analyze_too_large_points_to_async(api, library, settings):
    settings.NEXA_SYNC_MAX_BYTES = 100
    res = api.post("/analyze-audit", {"file": upload()}, format="multipart")
    assert res.status_code == 413
    body = res.json()
    assert (
        body["error"]["code"] == "use_async_endpoint" and "/analyze-audit-async" in body["error"]["message"]
    )
    assert not AnalysisJob.objects.exists()


def test_sync_analyze_not_a_pdf_is_422_and_recorded(api, library):
    res = api.post("/analyze-audit", {"file": upload("memo.pdf", b"just text")}, format="multipart")
    assert res.status_code == 422
    body = res.json()
    job = AnalysisJob.objects.select_related("audit").get()
    assert body == {
        "file": "memo.pdf",
        "status": "FAILURE",
        "error": {"code": "not_a_pdf", "message": "The file is not a PDF (no %PDF- header)."},
        "audit": None,
        "infractions_found": 0,
        "summary": {"repealable": 0, "valid": 0, "needs_review": 0},
        "infractions": [],
        "job_id": str(job.id),
    }
    assert (job.status, job.error_code, job.queue, job.attempts) == ("FAILURE", "not_a_pdf", "sync", 0)
    assert job.audit.size_bytes == 9 and job.audit.file.name.startswith("audits/")


def test_sync_analyze_bad_pdf_is_422_with_code(api, library):
    res = api.post(
        "/analyze-audit", {"file": upload("bad.pdf", b"%PDF-1.7\n" + b"x" * 500)}, format="multipart"
    )
    assert res.status_code == 422
    assert res.json()["status"] == "FAILURE" and res.json()["error"]["code"] == "corrupt_pdf"


def test_monitoring_endpoints_staff_only(api, staff_user):
    for path in ("/queue-status", "/cache-stats"):
        assert api.get(path).status_code == 403
    staff = _client(staff_user)
    qs = staff.get("/queue-status").json()
    assert qs["status"] == "no_workers" and qs["workers"]["count"] == 0
    assert set(qs["queues"]) == {"high", "default", "batch"} and "failed" in qs
    assert "oldest_queued_age_seconds" in qs
    cs = staff.get("/cache-stats").json()
    assert {"redis", "hits", "misses", "hit_rate", "keys", "evictions"} <= set(cs)
    assert cs["redis"]["used_memory"] > 0


def test_queue_status_sees_depth_and_age(api, library, staff_user, django_capture_on_commit_callbacks):
    _submit(api, django_capture_on_commit_callbacks)
    qs = _client(staff_user).get("/queue-status").json()
    assert qs["queues"]["high"] == 1 and qs["jobs"]["PENDING"] == 1
    assert qs["oldest_queued_age_seconds"] is not None and qs["oldest_queued_age_seconds"] >= 0


def test_openapi_schema_describes_every_endpoint(api):
    res = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert res.status_code == 200
    schema = res.json() if res["Content-Type"].startswith("application/json") else None
    if schema is None:
        import yaml

        schema = yaml.safe_load(res.content)
    paths = schema["paths"]
    for path in (
        "/analyze-audit-async",
        "/analyze-audit",
        "/batch-analyze",
        "/job-result/{job_id}",
        "/queue-status",
        "/cache-stats",
    ):
        assert path in paths, path
    assert "202" in paths["/analyze-audit-async"]["post"]["responses"]
    assert api.get("/api/docs/").status_code == 200


def test_poll_payload_has_no_audit_pdf_bytes(api, library, django_capture_on_commit_callbacks):
    body = _submit(api, django_capture_on_commit_callbacks).json()
    data = django_rq.get_connection("default").hgetall(f"rq:job:{body['job_id']}")
    assert audit_pdf()[:200] not in b"".join(data.values())


def test_a_large_submit_checks_the_token_once_and_stores_the_hash_it_streamed(
    api, library, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    """A body above the anonymous limit has its token checked before it is read (nexa.uploads); DRF then
    reuses that check, and the SHA-256 taken while the file streamed in is the one stored."""
    data = audit_pdf(tag="big") + b"\n%" + b"x" * (70 * 1024)  # past NEXA_ANON_MAX_BODY_BYTES (64 KiB)
    with django_assert_max_num_queries(9) as ctx:
        res = _submit(api, django_capture_on_commit_callbacks, file=SimpleUploadedFile("big.pdf", data))
    assert res.status_code == 202, res.content
    tokens = [q["sql"] for q in ctx.captured_queries if "authtoken_token" in q["sql"]]
    assert len(tokens) == 1, tokens
    audit = Audit.objects.get(pk=AnalysisJob.objects.get(pk=res.json()["job_id"]).audit_id)
    assert audit.sha256 == hashlib.sha256(data).hexdigest()
    assert audit.file.read() == data
