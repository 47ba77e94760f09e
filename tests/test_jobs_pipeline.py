"""The job pipeline below the API: submit_audit, run_analysis, retries, caching, followers."""

import django_rq
import pytest
from django.db import OperationalError

from audits.models import Audit
from jobs import services, tasks
from jobs.models import AnalysisJob, Batch
from jobs.monitoring import cache_stats
from tests.jobs_support import make_library, stub_engine, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(db):
    return make_library()


@pytest.fixture(autouse=True)
def _engine(monkeypatch):
    stub_engine(monkeypatch)


def _submit(user, commit, **kw):
    with commit(execute=True):
        return services.submit_audit(user, kw.pop("file", None) or upload(), **kw)


def _queued():
    return {q: django_rq.get_queue(q).count for q in ("high", "default", "batch")}


def test_submit_stores_file_hash_and_enqueues_on_commit(user, library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        job = services.submit_audit(user, upload("../../etc/Évil name.pdf"))
        assert _queued()["high"] == 0  # nothing in Redis before the commit
    assert len(callbacks) == 1
    callbacks[0]()
    assert _queued()["high"] == 1
    audit = job.audit
    assert audit.original_filename == "Évil name.pdf"
    assert audit.file.name.startswith("audits/") and "Evil" not in audit.file.name
    assert len(audit.sha256) == 64 and audit.size_bytes > 0
    assert job.status == "PENDING" and job.queue == "high" and job.stage == "queued"


def test_batch_members_go_to_batch_queue(user, library, django_capture_on_commit_callbacks):
    batch = Batch.objects.create(owner=user)
    job = _submit(user, django_capture_on_commit_callbacks, batch=batch)
    assert job.queue == "batch" and job.batch == batch and _queued()["batch"] == 1


def test_run_writes_stages_and_progress(
    user, library, run_jobs, django_capture_on_commit_callbacks, monkeypatch
):
    seen = []
    real = tasks.analyze_audit

    def spy(audit, progress, **kw):
        def recording(stage, percent):
            progress(stage, percent)
            row = AnalysisJob.objects.get(audit=audit)
            seen.append((row.status, row.stage, row.progress))

        return real(audit, recording)

    monkeypatch.setattr(tasks, "analyze_audit", spy)
    job = _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    stages = [s for _, s, _ in seen]
    assert stages == ["extracting", "detecting", "matching", "deciding", "saving"]
    assert all(status == "PROCESSING" for status, _, _ in seen)
    progress = [p for _, _, p in seen]
    assert progress == sorted(progress) and 0 < progress[0] < 100
    job.refresh_from_db()
    assert job.status == "SUCCESS" and job.progress == 100 and job.heartbeat_at


def test_empty_library_fails_with_code(user, run_jobs, django_capture_on_commit_callbacks):
    job = _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    job.refresh_from_db()
    assert job.status == "FAILURE" and job.error_code == "empty_library" and job.attempts == 1


def test_transient_error_retried_then_success(
    user, library, run_jobs, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEXA_JOB_RETRY_INTERVALS = [0, 0]
    real = tasks.analyze_audit
    calls = []

    def flaky(audit, progress, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(audit, progress)

    monkeypatch.setattr(tasks, "analyze_audit", flaky)
    job = _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    job.refresh_from_db()
    assert len(calls) == 2
    assert job.status == "SUCCESS" and job.attempts == 2


def test_transient_error_exhausted_fails(
    user, library, run_jobs, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEXA_JOB_RETRY_INTERVALS = [0]

    def down(audit, progress, **kw):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(tasks, "analyze_audit", down)
    job = _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    job.refresh_from_db()
    assert job.status == "FAILURE" and job.error_code == "transient_error" and job.attempts == 2


def test_unexpected_error_keeps_traceback_for_staff(
    user, staff_user, library, run_jobs, monkeypatch, api, django_capture_on_commit_callbacks
):
    def boom(audit, progress, **kw):
        raise ValueError("engine bug")

    monkeypatch.setattr(tasks, "analyze_audit", boom)
    job = _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    job.refresh_from_db()
    assert job.status == "FAILURE" and job.error_code == "internal_error"
    assert "engine bug" in job.traceback and "engine bug" not in job.error_message
    assert "traceback" not in api.get(f"/job-result/{job.id}").json()
    from rest_framework.test import APIClient

    staff = APIClient()
    staff.force_authenticate(staff_user)
    assert "engine bug" in staff.get(f"/job-result/{job.id}").json()["traceback"]


def test_cache_hit_same_user_only(user, other_user, library, run_jobs, django_capture_on_commit_callbacks):
    first = _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    first.refresh_from_db()
    assert first.status == "SUCCESS", (first.error_code, first.error_message, first.traceback)
    again = _submit(user, django_capture_on_commit_callbacks)
    assert again.status == "SUCCESS" and again.cached and again.audit_id == first.audit_id
    assert again.progress == 100 and again.finished_at
    theirs = _submit(other_user, django_capture_on_commit_callbacks)
    assert theirs.status == "PENDING" and not theirs.cached and theirs.audit.owner == other_user
    stats = cache_stats()["analysis_cache"]
    assert stats["hits"] == 1 and stats["misses"] == 2


def test_cache_survives_redis_flush_via_database(user, library, run_jobs, django_capture_on_commit_callbacks):
    _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    from django.core.cache import cache

    cache.clear()
    again = _submit(user, django_capture_on_commit_callbacks)
    assert again.cached and again.status == "SUCCESS"


def test_new_library_version_is_a_miss(user, library, run_jobs, django_capture_on_commit_callbacks):
    _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    library.sha256 = "0" * 64
    library.save()
    again = _submit(user, django_capture_on_commit_callbacks)
    assert not again.cached and again.status == "PENDING"


def test_identical_submissions_in_flight_share_one_analysis(
    user, library, run_jobs, django_capture_on_commit_callbacks, monkeypatch
):
    leader = _submit(user, django_capture_on_commit_callbacks)
    follower = _submit(user, django_capture_on_commit_callbacks, file=upload("copy.pdf"))
    assert follower.leader_id == leader.id and follower.audit_id == leader.audit_id
    assert sum(_queued().values()) == 1 and Audit.objects.count() == 1
    runs = []
    real = tasks.analyze_audit
    monkeypatch.setattr(tasks, "analyze_audit", lambda a, p, **kw: runs.append(1) or real(a, p, **kw))
    run_jobs()
    assert len(runs) == 1
    follower.refresh_from_db()
    assert follower.status == "SUCCESS" and follower.progress == 100
    assert cache_stats()["analysis_cache"]["shared_in_flight"] == 1


def test_enqueue_failure_leaves_pending_row(user, library, monkeypatch, django_capture_on_commit_callbacks):
    def refuse(name="default", **kw):
        raise ConnectionError("redis down")

    monkeypatch.setattr(django_rq, "get_queue", refuse)
    job = _submit(user, django_capture_on_commit_callbacks)  # no exception reaches the client
    job.refresh_from_db()
    assert job.status == "PENDING"


def test_job_already_final_is_not_rerun(user, library, run_jobs, django_capture_on_commit_callbacks):
    job = _submit(user, django_capture_on_commit_callbacks)
    run_jobs()
    assert tasks.run_analysis(str(job.id))["status"] == "SUCCESS"
    job.refresh_from_db()
    assert job.attempts == 1
    assert tasks.run_analysis("00000000-0000-0000-0000-000000000000")["status"] == "MISSING"


def test_first_outcome_wins_over_a_duplicate_run(user, library, django_capture_on_commit_callbacks):
    job = _submit(user, django_capture_on_commit_callbacks)
    tasks.finish(job.pk, AnalysisJob.Status.SUCCESS)
    tasks.finish(job.pk, AnalysisJob.Status.FAILURE, code="internal_error", message="late duplicate")
    tasks.group(job.pk).update(stage="deciding", progress=60)
    job.refresh_from_db()
    assert (job.status, job.stage, job.progress, job.error_code) == ("SUCCESS", "done", 100, "")
