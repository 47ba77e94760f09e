"""The job-pipeline issue's bugs 3, 4 and 6 and the shared job lifecycle, against the real database and
Redis: the synchronous endpoint's time bound, the spec import's job timeout, a batch member's file
name, and the lifecycle that analysis jobs and spec imports share."""

from __future__ import annotations

import time

import django_rq
import pytest
from fpdf import FPDF

from engine.pdftext import extraction_allowance
from jobs.models import AnalysisJob
from specs.models import SpecDocument
from specs.services import enqueue_import_now, import_document, import_job_id, register_upload
from tests.jobs_support import audit_pdf, make_library, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(db):
    return make_library()


def many_pages(pages: int, lines: int = 3) -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", size=8)
    for p in range(pages):
        pdf.add_page()
        for line in range(lines):
            pdf.cell(0, 4, f"Page {p + 1} line {line}: Go-back Infraction: guy guard missing on pole {line}.")
            pdf.ln(4)
    return bytes(pdf.output())


# --- bug 6: a batch member following an identical in-flight upload keeps its own file name -----------


def test_batch_member_following_an_identical_upload_reports_its_own_file_name(
    api, library, run_jobs, django_capture_on_commit_callbacks
):
    data = audit_pdf(tag="same-bytes")
    files = [upload("first.pdf", data), upload("second.pdf", data)]
    with django_capture_on_commit_callbacks(execute=True):
        res = api.post("/batch-analyze", {"files": files}, format="multipart")
    assert res.status_code == 202, res.content
    jobs = res.json()["jobs"]
    assert [j["filename"] for j in jobs] == ["first.pdf", "second.pdf"]
    follower = AnalysisJob.objects.get(pk=jobs[1]["job_id"])
    assert follower.leader_id is not None  # it did follow the first one
    run_jobs()
    polls = [api.get(j["poll_url"]).json() for j in jobs]
    assert [p["status"] for p in polls] == ["SUCCESS", "SUCCESS"]
    assert [p["file"] for p in polls] == ["first.pdf", "second.pdf"]
    assert [p["result"]["file"] for p in polls] == ["first.pdf", "second.pdf"]


# --- bug 3: POST /analyze-audit is bounded, longer work moves to the queue --------------------------


def test_sync_analysis_past_its_time_limit_moves_to_the_queue(
    api, library, settings, run_jobs, django_capture_on_commit_callbacks
):
    data = many_pages(400, lines=40)
    settings.NEXA_SYNC_TIMEOUT = 0.5
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        res = api.post("/analyze-audit", {"file": upload("long.pdf", data)}, format="multipart")
    answered = time.monotonic() - started
    assert res.status_code == 202, res.content
    body = res.json()
    assert body["status"] == "PENDING" and body["moved_to_queue"] is True and body["poll_url"]
    assert "0.5 s" in body["message"]
    job = AnalysisJob.objects.get(pk=body["job_id"])
    assert (job.status, job.queue, job.stage) == ("PENDING", "default", "moved_to_queue")
    assert django_rq.get_queue("default").count == 1
    run_jobs()
    poll = api.get(body["poll_url"]).json()
    assert poll["status"] == "SUCCESS" and poll["result"]["file"] == "long.pdf", poll
    # the queued run read every page the request gave up on, and took longer than the request waited
    job.refresh_from_db()
    run_seconds = (job.finished_at - job.started_at).total_seconds()
    assert run_seconds > settings.NEXA_SYNC_TIMEOUT and answered < run_seconds


def test_sync_analysis_within_its_time_limit_answers_200(api, library, settings):
    settings.NEXA_SYNC_TIMEOUT = 30
    res = api.post("/analyze-audit", {"file": upload()}, format="multipart")
    assert res.status_code == 200 and res.json()["status"] == "SUCCESS"


# --- bug 4: a spec import's job timeout follows the extraction allowance of its pages ---------------


def test_spec_import_job_timeout_follows_its_page_count(settings, redis_conn):
    settings.NEXA_MAX_SPEC_PAGES = 2000
    reg = register_upload(many_pages(700, lines=1), "big-spec.pdf")
    assert enqueue_import_now(reg.document.pk)
    rq_job = django_rq.get_queue("default").fetch_job(import_job_id(reg.document.pk))
    assert rq_job.timeout >= extraction_allowance(700) > settings.RQ_JOB_TIMEOUT
    small = register_upload(many_pages(2, lines=1), "small-spec.pdf")
    assert enqueue_import_now(small.document.pk)
    rq_small = django_rq.get_queue("default").fetch_job(import_job_id(small.document.pk))
    assert rq_small.timeout == settings.RQ_JOB_TIMEOUT


# --- one lifecycle for analysis jobs and spec imports ----------------------------------------------


def test_spec_import_runs_once_even_if_delivered_twice(monkeypatch):
    from specs import services

    reg = register_upload(many_pages(1, lines=3), "once.pdf")
    runs = []
    real = services._import

    def nested(document_id):
        runs.append(document_id)
        # a second delivery of the same import while this one runs finds it PROCESSING: skipped
        assert import_document(document_id).status == "PROCESSING"
        return real(document_id)

    monkeypatch.setattr(services, "_import", nested)
    doc = import_document(reg.document.pk)
    assert runs == [reg.document.pk]
    assert doc.status in ("READY", "FAILED")


def test_spec_import_unexpected_error_is_internal_error(monkeypatch):
    from specs import services

    reg = register_upload(many_pages(1, lines=3), "boom.pdf")
    monkeypatch.setattr(services, "parse_spec", lambda pages, name: 1 / 0)
    doc = import_document(reg.document.pk)
    assert (doc.status, doc.error_code) == ("FAILED", "internal_error")
    assert "ZeroDivisionError" in doc.error_message
    assert SpecDocument.objects.filter(pk=doc.pk).exists()


def test_analysis_job_delivered_while_running_is_not_run_twice(user, library, monkeypatch):
    from jobs import services, tasks

    job = services.submit_audit(user, upload(tag="twice"), enqueue_job=False)
    runs = []
    real = tasks.analyze_audit

    def nested(audit, progress, **kw):
        runs.append(1)
        assert tasks.run_analysis(str(job.id))["status"] == "SKIPPED"
        return real(audit, progress, **kw)

    monkeypatch.setattr(tasks, "analyze_audit", nested)
    assert tasks.run_analysis(str(job.id))["status"] == "SUCCESS"
    job.refresh_from_db()
    assert runs == [1] and job.attempts == 1
