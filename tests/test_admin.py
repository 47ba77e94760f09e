"""Admin (issue 7): list pages without N+1, job actions against real Redis, monitoring, staff only."""

from __future__ import annotations

import datetime as dt
import re

import django_rq
import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from rq import Worker
from rq.job import Job
from rq.serializers import JSONSerializer

from audits.models import Audit, Finding, Infraction
from jobs import services
from jobs.admin_views import chart_geometry, hourly_outcomes, nice_ceiling
from jobs.models import AnalysisJob, Batch
from tests.jobs_support import audit_pdf, make_library, upload

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    "admin:audits_audit_changelist",
    "admin:audits_infraction_changelist",
    "admin:audits_finding_changelist",
    "admin:jobs_analysisjob_changelist",
    "admin:jobs_batch_changelist",
]
MONITORING = "admin:nexa-monitoring"


@pytest.fixture
def library(db):
    return make_library()


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def _submit(owner, capture, tag="", batch=None) -> AnalysisJob:
    """Submit an audit through the jobs service; the enqueue runs on commit."""
    with capture(execute=True):
        return services.submit_audit(owner, upload(f"audit-{tag or 'x'}.pdf", tag=tag), batch=batch)


def _make_rows(owner, n: int, start: int = 0) -> None:
    """``n`` analysed audits, each with 3 infractions and findings, one job, in a batch."""
    batch = Batch.objects.create(owner=owner)
    verdicts = list(Finding.Verdict)
    for i in range(start, start + n):
        audit = Audit.objects.create(
            owner=owner,
            original_filename=f"audit-{i}.pdf",
            file=f"audits/x/audit-{i}.pdf",
            sha256=f"{i:064x}",
            pm_number=f"4{i:07d}",
            notification_number=f"2{i:08d}",
            contractor="Summit Line Services",
            audit_date=dt.date(2026, 1, 1 + i % 28),
        )
        for k in range(3):
            inf = Infraction.objects.create(
                audit=audit, order=k, code=f"Item {k + 1}", description=f"go-back {k}"
            )
            Finding.objects.create(
                infraction=inf,
                verdict=verdicts[k % 3],
                confidence=0.5,
                reason="Measured 9 in; clause 2.4 allows 6 in to 12 in.",
                citations=[
                    {"document": "OH-GR-310", "section": "2.4", "page": 1, "quote": "q", "score": 0.9}
                ],
            )
        AnalysisJob.objects.create(
            audit=audit,
            owner=owner,
            batch=batch,
            status=AnalysisJob.Status.SUCCESS,
            finished_at=timezone.now(),
        )


def _figures(html: str) -> dict[str, str]:
    """``data-figure`` values of the monitoring page (tags stripped, whitespace trimmed)."""
    out = {}
    for name, body in re.findall(r'data-figure="([^"]+)"[^>]*>(.*?)</', html, re.S):
        out.setdefault(name, re.sub(r"<[^>]+>", "", body).strip())
    return out


# --- access -------------------------------------------------------------------------------------


def test_normal_user_and_anonymous_get_no_admin_or_monitoring(client, user):
    """Non-staff users are sent to the admin login for every admin page, the monitoring page and RQ."""
    urls = [reverse("admin:index"), reverse(MONITORING), reverse("django_rq:home")]
    urls += [reverse(name) for name in LIST_PAGES]
    for url in urls:
        res = client.get(url)
        assert res.status_code == 302 and "/login/" in res["Location"], url
    client.force_login(user)
    for url in urls:
        res = client.get(url)
        assert res.status_code == 302 and "/login/" in res["Location"], url
    assert client.get("/queue-status").status_code == 403
    assert client.get("/cache-stats").status_code == 403


def test_staff_index_links_monitoring_and_rq_dashboard(staff_client):
    """The admin index links the Nexa monitoring page and the django-rq dashboard."""
    res = staff_client.get(reverse("admin:index"))
    assert res.status_code == 200
    html = res.content.decode()
    assert reverse(MONITORING) in html
    assert reverse("django_rq:home") in html
    assert staff_client.get(reverse("django_rq:home")).status_code == 200


# --- list pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_have_no_n_plus_one(staff_client, staff_user, name, django_assert_max_num_queries):
    """Each list page runs the same number of queries for 3 and for 15 audits (bounded)."""
    _make_rows(staff_user, 3)
    url = reverse(name)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert staff_client.get(url).status_code == 200
    _make_rows(staff_user, 12, start=3)
    with django_assert_max_num_queries(len(small.captured_queries)):
        res = staff_client.get(url)
    assert res.status_code == 200
    assert len(small.captured_queries) <= 12


def test_list_pages_search_and_filter(staff_client, staff_user):
    """Search by PM number, notification and file name; filter by status, queue and verdict."""
    _make_rows(staff_user, 4)
    pm = Audit.objects.order_by("pk").first().pm_number
    res = staff_client.get(reverse("admin:audits_audit_changelist"), {"q": pm})
    assert res.status_code == 200 and res.context["cl"].result_count == 1
    res = staff_client.get(reverse("admin:audits_audit_changelist"), {"q": "200000002"})
    assert res.context["cl"].result_count == 1
    res = staff_client.get(reverse("admin:jobs_analysisjob_changelist"), {"q": "audit-3.pdf"})
    assert res.context["cl"].result_count == 1
    job = AnalysisJob.objects.order_by("created_at").first()
    res = staff_client.get(reverse("admin:jobs_analysisjob_changelist"), {"q": str(job.pk)})
    assert res.status_code == 200 and list(res.context["cl"].result_list) == [job]
    res = staff_client.get(reverse("admin:jobs_batch_changelist"), {"q": "audit-2.pdf"})
    assert res.status_code == 200 and res.context["cl"].result_count == 1
    res = staff_client.get(reverse("admin:jobs_analysisjob_changelist"), {"status__exact": "SUCCESS"})
    assert res.context["cl"].result_count == 4
    res = staff_client.get(reverse("admin:jobs_analysisjob_changelist"), {"queue__exact": "batch"})
    assert res.context["cl"].result_count == 0
    res = staff_client.get(reverse("admin:audits_finding_changelist"), {"verdict__exact": "REPEALABLE"})
    assert res.context["cl"].result_count == 4
    res = staff_client.get(reverse("admin:audits_infraction_changelist"), {"q": pm})
    assert res.context["cl"].result_count == 3
    html = staff_client.get(reverse("admin:audits_audit_changelist")).content.decode()
    assert "Summit Line Services" in html
    detail = staff_client.get(reverse("admin:audits_audit_change", args=[Audit.objects.first().pk]))
    assert detail.status_code == 200 and "REPEALABLE 1" in detail.content.decode()
    finding = Finding.objects.first()
    detail = staff_client.get(reverse("admin:audits_finding_change", args=[finding.pk]))
    assert "OH-GR-310" in detail.content.decode()


# --- failure visibility -----------------------------------------------------------------------------


def test_failed_job_page_shows_code_message_traceback_attempts_worker(
    staff_client, user, library, run_jobs, django_capture_on_commit_callbacks, monkeypatch
):
    """Jobs failing in a real worker show error code, message, traceback, attempts and worker."""
    bad = _submit(user, django_capture_on_commit_callbacks, tag="bad")
    # A corrupt PDF body behind a valid header fails at once with an error code.
    bad.audit.file.save("bad.pdf", upload("bad.pdf", data=b"%PDF-1.4\nnot really a pdf").file, save=True)
    run_jobs()
    bad.refresh_from_db()
    assert bad.status == AnalysisJob.Status.FAILURE and bad.error_code
    html = staff_client.get(reverse("admin:jobs_analysisjob_change", args=[bad.pk])).content.decode()
    assert bad.error_code in html and bad.error_message[:30] in html
    assert bad.worker_name and bad.worker_name in html

    # An unexpected exception inside the analysis: internal_error with the traceback (staff only).
    def boom(audit, progress, **kw):
        raise ValueError("boom in the engine")

    monkeypatch.setattr("jobs.tasks.analyze_audit", boom)
    job = _submit(user, django_capture_on_commit_callbacks, tag="tb")
    run_jobs()
    job.refresh_from_db()
    assert job.status == AnalysisJob.Status.FAILURE and job.traceback
    res = staff_client.get(reverse("admin:jobs_analysisjob_change", args=[job.pk]))
    assert res.status_code == 200
    html = res.content.decode()
    assert job.error_code in html
    assert job.error_message.split("(")[0][:30] in html
    assert "ValueError: boom in the engine" in html and "Traceback (most recent call last)" in html
    assert job.worker_name and job.worker_name in html
    assert re.search(r"Attempts:?</label>\s*<div class=\"readonly\">1<", html)


# --- actions -----------------------------------------------------------------------------------------


def _action(client, action: str, jobs, model="jobs_analysisjob"):
    return client.post(
        reverse(f"admin:{model}_changelist"),
        {"action": action, "_selected_action": [str(j.pk) for j in jobs]},
        follow=True,
    )


def test_requeue_failed_jobs(
    staff_client, staff_user, user, library, run_jobs, django_capture_on_commit_callbacks
):
    """Failed jobs go back to PENDING on their RQ queue, run again, and the change is logged."""
    job = _submit(user, django_capture_on_commit_callbacks, tag="rq1")
    other = _submit(user, django_capture_on_commit_callbacks, tag="rq2")
    run_jobs()
    AnalysisJob.objects.filter(pk=job.pk).update(
        status=AnalysisJob.Status.FAILURE, error_code="worker_lost", error_message="lost", traceback="tb"
    )
    with django_capture_on_commit_callbacks(execute=True):
        res = _action(staff_client, "requeue_failed", [job, other])
    assert res.status_code == 200
    text = res.content.decode()
    assert "Re-queued 1 job" in text and "Skipped 1 job" in text
    job.refresh_from_db()
    assert job.status == AnalysisJob.Status.PENDING and job.error_code == "" and job.traceback == ""
    queue = django_rq.get_queue(job.queue)
    assert str(job.pk) in queue.get_job_ids()
    entry = LogEntry.objects.get(object_id=str(job.pk))
    assert entry.user == staff_user and "Re-queued" in entry.get_change_message()
    assert not LogEntry.objects.filter(object_id=str(other.pk)).exists()
    run_jobs()
    job.refresh_from_db()
    assert job.status == AnalysisJob.Status.SUCCESS and job.attempts == 2


def test_cancel_pending_jobs(
    staff_client, staff_user, user, library, run_jobs, django_capture_on_commit_callbacks
):
    """Pending jobs end FAILURE/canceled, their RQ job is canceled and no worker runs them."""
    job = _submit(user, django_capture_on_commit_callbacks, tag="c1")
    assert str(job.pk) in django_rq.get_queue(job.queue).get_job_ids()
    res = _action(staff_client, "cancel_pending", [job])
    assert "Canceled 1 job" in res.content.decode()
    job.refresh_from_db()
    assert job.status == AnalysisJob.Status.FAILURE and job.error_code == "canceled"
    assert staff_user.username in job.error_message
    rq_job = Job.fetch(str(job.pk), connection=django_rq.get_connection("default"), serializer=JSONSerializer)
    assert rq_job.get_status().value == "canceled"
    assert str(job.pk) not in django_rq.get_queue(job.queue).get_job_ids()
    run_jobs()
    job.refresh_from_db()
    assert job.status == AnalysisJob.Status.FAILURE and job.attempts == 0
    entry = LogEntry.objects.get(object_id=str(job.pk))
    assert entry.user == staff_user and "Canceled" in entry.get_change_message()
    # A finished job is not canceled.
    res = _action(staff_client, "cancel_pending", [job])
    assert "Skipped 1 job" in res.content.decode()


def test_rerun_audit_against_current_library(
    staff_client, staff_user, user, library, run_jobs, django_capture_on_commit_callbacks
):
    """Re-run makes a new job for the same audit (from the job list and the audit list) that runs."""
    job = _submit(user, django_capture_on_commit_callbacks, tag="rr")
    run_jobs()
    with django_capture_on_commit_callbacks(execute=True):
        res = _action(staff_client, "rerun_audits", [job])
    assert "Queued a re-run as 1 job" in res.content.decode()
    new = AnalysisJob.objects.exclude(pk=job.pk).get(audit=job.audit)
    assert new.status == AnalysisJob.Status.PENDING and new.owner == user
    assert str(new.pk) in django_rq.get_queue(new.queue).get_job_ids()
    assert LogEntry.objects.filter(object_id=str(new.pk), user=staff_user).exists()
    assert LogEntry.objects.filter(object_id=str(job.audit_id), user=staff_user).exists()
    run_jobs()
    new.refresh_from_db()
    assert new.status == AnalysisJob.Status.SUCCESS and new.attempts == 1

    with django_capture_on_commit_callbacks(execute=True):
        res = _action(staff_client, "rerun_against_library", [job.audit], model="audits_audit")
    assert "Queued 1 re-run job" in res.content.decode()
    assert AnalysisJob.objects.filter(audit=job.audit).count() == 3
    run_jobs()
    assert AnalysisJob.objects.filter(audit=job.audit, status=AnalysisJob.Status.SUCCESS).count() == 3


# --- monitoring -------------------------------------------------------------------------------------


def test_monitoring_page_matches_queue_status_and_cache_stats(
    staff_client, user, library, run_jobs, django_capture_on_commit_callbacks
):
    """With queued, finished, failed jobs, a cache hit and a registered worker, the page shows the
    same figures as ``GET /queue-status`` and ``GET /cache-stats``."""
    data = audit_pdf(tag="m1")
    with django_capture_on_commit_callbacks(execute=True):
        done = services.submit_audit(user, upload("m1.pdf", data=data))
    run_jobs()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_audit(user, upload("again.pdf", data=data))  # cache hit
    for tag in ("m2", "m3", "m4"):
        _submit(user, django_capture_on_commit_callbacks, tag=tag)  # waiting on "high"
    failed = AnalysisJob.objects.create(
        audit=done.audit,
        owner=user,
        queue="default",
        status=AnalysisJob.Status.FAILURE,
        error_code="corrupt_pdf",
        finished_at=timezone.now(),
    )
    assert failed.pk
    queue = django_rq.get_queue("high")
    worker = Worker([queue], connection=queue.connection, name="nexa-test-worker")
    worker.register_birth()
    try:
        qs = staff_client.get("/queue-status").json()
        cs = staff_client.get("/cache-stats").json()
        res = staff_client.get(reverse(MONITORING))
    finally:
        worker.register_death()
    assert res.status_code == 200
    html = res.content.decode()
    fig = _figures(html)
    for name in ("high", "default", "batch"):
        assert fig[f"queue-{name}-depth"] == str(qs["queues"][name])
        assert fig[f"queue-{name}-failed"] == str(qs["failed_by_queue"][name])
    assert qs["queues"]["high"] == 3
    assert fig["queue-high-oldest"] != "-"
    assert fig["queue-default-failures-hour"] == "1" and fig["failures-last-hour"] == "1"
    assert fig["failed-total"] == str(qs["failed"])
    assert fig["workers-count"] == str(qs["workers"]["count"]) == "1"
    assert "nexa-test-worker" in html
    assert fig["status"] == qs["status"] == "healthy"
    assert fig["analysis-hits"] == str(cs["analysis_cache"]["hits"]) == "1"
    assert fig["analysis-misses"] == str(cs["analysis_cache"]["misses"])
    assert fig["analysis-hit-rate"] == f"{round(cs['analysis_cache']['hit_rate'] * 100)}%"
    assert fig["analysis-entries"] == str(cs["analysis_cache"]["entries"])
    assert fig["keys-cache-db"] == str(cs["keys"]["cache_db"])
    assert fig["keys-queue-db"] == str(cs["keys"]["queue_db"])
    assert fig["redis-memory"].endswith(("K", "M", "B", "G"))
    # The chart counts this hour's finished and failed jobs from the database.
    assert fig["chart-finished"] == str(AnalysisJob.objects.filter(status="SUCCESS").count())
    assert fig["chart-failed"] == "1"
    assert html.count('<rect class="failed"') == 1
    assert "<svg" in html


def test_monitoring_page_without_workers_says_so(staff_client):
    """No worker registered: status ``no_workers`` and a hint to start one."""
    html = staff_client.get(reverse(MONITORING)).content.decode()
    assert _figures(html)["status"] == "no_workers"
    assert "No worker is running" in html


def test_hourly_outcomes_buckets_the_last_24_hours(user, library):
    """Jobs are counted in the hour they finished; older than 24 h are left out."""
    now = timezone.now().replace(minute=30)
    audit = Audit.objects.create(owner=user, original_filename="h.pdf", file="audits/h.pdf", sha256="h" * 64)
    for hours_ago, status in (
        (0, "SUCCESS"),
        (0, "FAILURE"),
        (5, "SUCCESS"),
        (5, "SUCCESS"),
        (30, "SUCCESS"),
    ):
        AnalysisJob.objects.create(
            audit=audit, owner=user, status=status, finished_at=now - dt.timedelta(hours=hours_ago)
        )
    series = hourly_outcomes(now=now)
    assert len(series) == 24
    assert series[-1]["finished"] == 1 and series[-1]["failed"] == 1
    assert series[-6]["finished"] == 2
    assert sum(p["finished"] for p in series) == 3
    geo = chart_geometry(series)
    assert geo["max"] == 2 and len(geo["bars"]) == 48
    assert [nice_ceiling(v) for v in (0, 3, 7, 11, 60)] == [1, 5, 10, 20, 100]


def test_requeue_skips_uploads_refused_at_submit(staff_client, user):
    """A file refused at upload (not a PDF) is not re-queued: running it again cannot help."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jobs.services import submit_audit

    job = submit_audit(user, SimpleUploadedFile("notes.pdf", b"just text", content_type="application/pdf"))
    assert job.status == AnalysisJob.Status.FAILURE and job.error_code == "not_a_pdf"
    res = _action(staff_client, "requeue_failed", [job])
    assert "Skipped 1 job" in res.content.decode()
    job.refresh_from_db()
    assert job.status == AnalysisJob.Status.FAILURE and job.error_code == "not_a_pdf"
    assert str(job.pk) not in django_rq.get_queue(job.queue).get_job_ids()
