"""Headless chromium screenshot of the Nexa monitoring page with live data (issue 7).

Needs the Playwright Python package and Debian's chromium (``apt-get install -y chromium``);
skipped when either is missing. The screenshot is written to ``var/screenshots/`` and its path
printed (``pytest -s`` shows it; it is also in the test report's captured output).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import django_rq
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rq import Worker

from jobs import services
from jobs.models import AnalysisJob, Batch
from jobs.monitoring import queue_status
from tests.jobs_support import audit_pdf, make_library, upload

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOT_DIR = Path(settings.BASE_DIR) / "var" / "screenshots"


def _live_data(user, run_jobs) -> Worker:
    """Finished, failed and waiting jobs, a cache hit, a day of history and a busy worker."""
    make_library()
    first = audit_pdf(tag="done-0")
    services.submit_audit(user, upload("done-0.pdf", data=first))
    for i in range(1, 3):
        services.submit_audit(user, upload(f"done-{i}.pdf", tag=f"done-{i}"))
    run_jobs()
    services.submit_audit(user, upload("again.pdf", data=first))  # analysis cache hit
    waiting = [services.submit_audit(user, upload(f"wait-{i}.pdf", tag=f"wait-{i}")) for i in range(4)]
    batch = Batch.objects.create(owner=user)
    for i in range(2):
        services.submit_audit(user, upload(f"batch-{i}.pdf", tag=f"batch-{i}"), batch=batch)
    audit = waiting[0].audit
    now = timezone.now()
    history = []
    for hours_ago in range(24):
        for k in range((hours_ago * 7) % 5 + 1):
            history.append(
                AnalysisJob(
                    audit=audit,
                    owner=user,
                    status=AnalysisJob.Status.SUCCESS,
                    finished_at=now - dt.timedelta(hours=hours_ago, minutes=k),
                )
            )
        if hours_ago % 4 == 1 or hours_ago == 0:
            history.append(
                AnalysisJob(
                    audit=audit,
                    owner=user,
                    queue="default",
                    status=AnalysisJob.Status.FAILURE,
                    error_code="corrupt_pdf",
                    finished_at=now - dt.timedelta(hours=hours_ago, minutes=20),
                )
            )
    AnalysisJob.objects.bulk_create(history)
    queue = django_rq.get_queue("high")
    worker = Worker(
        [queue, django_rq.get_queue("default"), django_rq.get_queue("batch")],
        connection=queue.connection,
        name="nexa-worker-1",
    )
    worker.register_birth()
    worker.set_state("busy")
    worker.set_current_job_id(str(waiting[0].pk))
    worker.heartbeat()
    return worker


@pytest.mark.browser
@pytest.mark.slow
def test_monitoring_page_screenshot(live_server, client, staff_user, user, run_jobs):
    """Log in as staff in headless chromium, open the monitoring page, save a full-page screenshot."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    worker = _live_data(user, run_jobs)
    expected = queue_status()
    client.force_login(staff_user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    url = live_server.url + reverse("admin:nexa-monitoring")
    SHOT_DIR.mkdir(parents=True, exist_ok=True)
    shot = SHOT_DIR / "admin-monitoring.png"
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_cookies(
                    [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
                )
                page = context.new_page()
                response = page.goto(url)
                assert response is not None and response.status == 200
                assert page.title().startswith("Nexa monitoring")
                for name in ("high", "default", "batch"):
                    shown = page.locator(f'[data-figure="queue-{name}-depth"]').inner_text()
                    assert shown == str(expected["queues"][name])
                assert expected["queues"]["batch"] == 2
                assert page.locator('[data-figure="workers-count"]').inner_text() == "1"
                assert page.locator('[data-figure="worker-state"]').first.inner_text() == "busy"
                assert page.locator('[data-figure="analysis-hits"]').inner_text() == "1"
                assert page.locator("svg[data-chart=hourly] rect.failed").count() >= 6
                assert page.locator("svg[data-chart=hourly] rect.finished").count() == 24
                page.screenshot(path=str(shot), full_page=True)
            finally:
                browser.close()
    finally:
        worker.register_death()
    assert shot.exists() and shot.stat().st_size > 10_000
    print(f"\nmonitoring page screenshot: {shot}")
