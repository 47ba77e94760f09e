"""Browser tests: headless Debian chromium (Playwright) against a live server and a real worker.

A real ``manage.py rqworker`` process (NexaWorker) runs on the same Redis and the same
test database as the live server. The test logs in, uploads a spec and two audits (one by
drag-and-drop), watches the progress bars reach the report links without a page reload,
filters the report by verdict, downloads the CSV and the repeal request PDF and checks them,
and sees the error for a non-PDF upload. Screenshots of the jobs page during the run and of the
report page go to a temporary folder; their paths are printed (to the terminal, also without ``-s``).

Skipped with a reason when Playwright or ``/usr/bin/chromium`` is missing
(``apt-get install -y chromium``).
"""

from __future__ import annotations

import base64
import csv
import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from tests.test_web_pages import make_pdf, pdf_text

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "pw-crew-123456"
JOB_DELAY = "2"  # seconds each analysis waits (tests only), so the page shows a running job

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPEC_LINES = [
    "Document 099101 Rev. 02",
    "Underground and Overhead Installation Test Standard",
    "4.1 Primary conduit shall have a minimum cover of 36 inches.",
    "4.2 Crossarms shall be level within 2 degrees of horizontal.",
    "4.3 Guy guards shall be installed on all anchor guys in pedestrian areas.",
    "4.4 Ground rod resistance shall not exceed 25 ohms.",
    "Exception: where two ground rods are installed, the resistance test is not required.",
]
AUDIT_LINES = [
    "QA Audit Report",
    "PM Number: 35125285",
    "Notification Number: 120045871",
    "Location: 1234 Main St, Fresno",
    "Contractor: Acme Line Co",
    "Auditor: R. Jones",
    "Audit Date: 10/08/2025",
    "Score: 82.35% (140/170)",
    "Go-back Infraction: Primary conduit cover measured 30 in at the driveway crossing.",
    "Go-back Infraction: Crossarm out of level by 1.5 degrees at pole 12.",
    "Go-back Infraction: Ground resistance not tested; 2 ground rods installed.",
]


def _database_url() -> str:
    """The URL of the database the tests use right now (the test database), for the worker."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = quote(db.get("USER") or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


@pytest.fixture
def chromium_browser(monkeypatch):
    """A headless Debian chromium driven by Playwright (skips when either is missing)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright's Python package is not installed"
    )
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # ORM calls beside Playwright's loop
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def worker(live_server, settings, tmp_path):
    """A real ``manage.py rqworker high default batch`` process on the test database and Redis.

    The worker reads uploaded files from the data dir's media root, so the test uses that one too.
    """
    settings.MEDIA_ROOT = settings.DATA_DIR / "media"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nexa.settings",
        "NEXA_DATA_DIR": str(settings.DATA_DIR),
        "DATABASE_URL": _database_url(),
        "NEXA_TEST_JOB_DELAY": JOB_DELAY,
        "PYTHONUNBUFFERED": "1",
    }
    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "rqworker",
                "high",
                "default",
                "batch",
                "--serializer",
                "rq.serializers.JSONSerializer",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        print(f"\nworker log: {log_path}")


@pytest.fixture
def shots_dir():
    """A temporary folder for screenshots (kept after the run so people can look at them)."""
    return Path(tempfile.mkdtemp(prefix="nexa-screenshots-"))


def _announce(capsys, text: str) -> None:
    """Print ``text`` to the terminal even when pytest captures output (screenshot paths)."""
    with capsys.disabled():
        print(text)


def _login(page, base_url: str, username: str):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def _drop_files(page, selector: str, files: dict[str, bytes]):
    """Drop ``files`` (name -> bytes) on the element at ``selector`` like a drag from the desktop."""
    payload = [{"name": name, "b64": base64.b64encode(data).decode()} for name, data in files.items()]
    page.eval_on_selector(
        selector,
        """(zone, files) => {
            const dt = new DataTransfer();
            for (const f of files) {
                const bytes = Uint8Array.from(atob(f.b64), c => c.charCodeAt(0));
                dt.items.add(new File([bytes], f.name, {type: "application/pdf"}));
            }
            zone.dispatchEvent(new DragEvent("dragenter", {dataTransfer: dt, bubbles: true}));
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true}));
        }""",
        payload,
    )


def _wait_spec_ready(page, base_url: str, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = page.locator("table.specs tbody tr").evaluate_all("rows => rows.map(r => r.dataset.state)")
        if states and all(s == "Active" for s in states):
            return
        assert "Failed" not in states, page.content()
        time.sleep(0.5)
        page.goto(f"{base_url}/specs/")
    raise AssertionError("the spec import did not finish")


def test_upload_watch_report_filter_export(chromium_browser, live_server, worker, user, shots_dir, capsys):
    from audits.models import Audit, Finding

    user.is_staff = True  # the tour adds a spec to the library, which staff do
    user.save(update_fields=["is_staff"])
    base = live_server.url
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)

    # every page needs a login
    page.goto(f"{base}/jobs/")
    assert "/accounts/login/" in page.url
    _login(page, base, user.username)
    assert page.url.endswith("/audits/upload/")

    # a spec through the spec upload form (file picker), imported by the worker
    page.goto(f"{base}/specs/upload/")
    page.get_by_label("Spec PDFs").set_input_files(
        [{"name": "099101.pdf", "mimeType": "application/pdf", "buffer": make_pdf(SPEC_LINES)}]
    )
    page.get_by_role("button", name="Import").click()
    page.wait_for_url(f"{base}/specs/")
    assert "099101.pdf was added and is being imported." in page.content()
    _wait_spec_ready(page, base)
    assert "099101" in page.locator("table.specs").inner_text()
    page.get_by_role("link", name="099101").click()
    page.wait_for_url(re.compile(r".*/specs/\d+/$"))
    clauses = page.locator("section[aria-labelledby=clauses-heading]").inner_text()
    assert "§4.1" in clauses and "minimum cover of 36 inches" in clauses and "page 1" in clauses
    page.screenshot(path=str(shots_dir / "spec-document.png"), full_page=True)

    # two audits dropped on the upload form's drop zone
    page.goto(f"{base}/audits/upload/")
    _drop_files(
        page,
        "[data-dropzone]",
        {
            "A1-field.pdf": make_pdf(AUDIT_LINES),
            "A2-field.pdf": make_pdf([*AUDIT_LINES, "Page 1 (copy two)"]),
        },
    )
    assert page.locator(".chosen-files li").count() == 2
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_url(f"{base}/jobs/")

    # the jobs page updates itself: no reload between "running" and "done"
    page.evaluate("window.__nexaNoReload = true")
    rows = page.locator("tr[data-job-id]")
    assert rows.count() == 2
    page.wait_for_function(
        "() => [...document.querySelectorAll('tr[data-job-id]')]"
        ".some(r => r.dataset.status === 'PROCESSING')",
        timeout=60_000,
    )
    jobs_shot = shots_dir / "jobs-running.png"
    page.screenshot(path=str(jobs_shot), full_page=True)
    _announce(capsys, f"\nscreenshot of the jobs page during a run: {jobs_shot}")
    page.wait_for_function(
        "() => [...document.querySelectorAll('tr[data-job-id]')].every(r => r.dataset.status === 'SUCCESS')",
        timeout=90_000,
    )
    assert page.evaluate("window.__nexaNoReload") is True, "the jobs page reloaded"
    for i in range(2):
        assert rows.nth(i).locator("progress").evaluate("p => p.value") == 100
        assert rows.nth(i).get_by_role("link", name="View report").is_visible()
        # a row updated live carries what a reload shows: the PM line and the verdict counts
        assert "PM 35125285" in rows.nth(i).locator('[data-field="ids"]').inner_text()
        counts = rows.nth(i).locator('[data-field="verdicts"]').inner_text()
        assert sum(int(n) for n in re.findall(r"(\d+) (?:repealable|valid|review)", counts)) == 3, counts
    page.screenshot(path=str(shots_dir / "jobs-done.png"), full_page=True)

    # the report
    rows.last.get_by_role("link", name="View report").click()
    page.wait_for_url(re.compile(r".*/audits/\d+/$"))
    audit = Audit.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    assert audit.owner_id == user.pk
    body = page.locator("main").inner_text()
    for text in ("35125285", "120045871", "Acme Line Co", "R. Jones", "82.35% (140/170)"):
        assert text in body, text
    infractions = list(audit.infractions.select_related("finding").order_by("order"))
    assert len(infractions) == 3
    print("verdicts:", [(i.code, i.finding.verdict) for i in infractions])
    assert page.locator("table.infractions tbody tr").count() == 3
    assert page.locator('[data-count="total"]').inner_text() == "3"
    report_shot = shots_dir / "report.png"
    page.screenshot(path=str(report_shot), full_page=True)
    _announce(capsys, f"screenshot of the report page: {report_shot}")

    # filter by verdict: the first verdict present, then back to all
    verdicts = [i.finding.verdict for i in infractions]
    chosen = verdicts[0]
    page.locator(f'a[data-filter="{chosen}"]').click()
    page.wait_for_url(re.compile(rf".*verdict={chosen}$"))
    shown = page.locator("table.infractions tbody tr").evaluate_all("rs => rs.map(r => r.dataset.verdict)")
    assert shown == [v for v in verdicts if v == chosen]

    # CSV of the filtered findings
    with page.expect_download() as info:
        page.locator('[data-export="csv"]').click()
    data = Path(info.value.path()).read_text(encoding="utf-8-sig")
    csv_rows = list(csv.DictReader(io.StringIO(data)))
    assert [r["verdict"] for r in csv_rows] == [v for v in verdicts if v == chosen]
    assert all(r["pm_number"] == "35125285" for r in csv_rows)
    page.locator('a[data-filter="ALL"]').click()
    page.wait_for_load_state()
    assert page.locator("table.infractions tbody tr").count() == 3

    # the repeal request PDF: one section per REPEALABLE infraction
    with page.expect_download() as info:
        page.locator('[data-export="repeal"]').click()
    assert info.value.suggested_filename == f"{Path(audit.original_filename).stem}-repeal-request.pdf"
    text = pdf_text(Path(info.value.path()).read_bytes())
    assert "Repeal request" in text and "35125285" in text and "120045871" in text
    repealable = [i for i in infractions if i.finding.verdict == Finding.Verdict.REPEALABLE]
    for inf in infractions:
        words = " ".join(inf.description.split()[:5])
        assert (words in text) == (inf in repealable), inf.description
    for inf in repealable:
        for cit in inf.finding.citations:
            assert str(cit["document"]) in text
    if not repealable:
        assert "No infraction in this audit was found repealable." in text

    # the report at a tablet width
    tablet = chromium_browser.new_context(viewport={"width": 820, "height": 1180})
    tablet.add_cookies(context.cookies())
    tab = tablet.new_page()
    tab.goto(page.url)
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    tablet_shot = shots_dir / "report-tablet.png"
    tab.screenshot(path=str(tablet_shot), full_page=True)
    _announce(capsys, f"screenshot of the report page at tablet width: {tablet_shot}")
    tablet.close()

    # a non-PDF upload gets a clear error next to the field, and nothing is queued
    page.goto(f"{base}/audits/upload/")
    page.get_by_label("Audit PDFs").set_input_files(
        [{"name": "notes.pdf", "mimeType": "application/pdf", "buffer": b"meeting notes, not a PDF"}]
    )
    page.get_by_role("button", name="Analyse").click()
    error = page.locator("#id_files-error")
    assert error.inner_text().strip() == "notes.pdf is not a PDF file."
    assert page.get_by_label("Audit PDFs").get_attribute("aria-invalid") == "true"
    # the form refused it: it is not stored and gets no job (the person sees why, at the field)
    assert not Audit.objects.filter(original_filename="notes.pdf").exists()
    error_shot = shots_dir / "upload-error.png"
    page.screenshot(path=str(error_shot), full_page=True)
    _announce(capsys, f"screenshot of the upload error: {error_shot}")
    context.close()


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _no_sideways_scroll(page) -> None:
    """Neither the page nor a table's scroll box scrolls sideways (a column pushed off-screen inside its box
    is as hidden as one off the page)."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px at {page.viewport_size['width']} px"
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.table-wrap')].map(b => b.scrollWidth - b.clientWidth)"
    )
    assert all(o <= 1 for o in boxes), f"a table on {page.url} scrolls sideways by {max(boxes)} px"


LONG_TOKEN = "PGE_FRESNO_POLE_0000123456789_ALDER_AVE_NORTH_SPAN_7_GUY_ANCHOR_ROD_ASSEMBLY"  # no break in it


def test_report_jobs_and_library_fit_a_phone_and_a_desktop(
    chromium_browser, live_server, user, shots_dir, capsys
):
    """Staff-pages issue, item 1: at 390 px the report's infractions are stacked cards with the verdict, reason and
    citation before the finding, jobs are a list, and no page scrolls sideways, not even with a long unbroken
    pole id in a finding, a reason and a quote; the same pages at desktop width, where they are tables.
    Screenshots of the report, jobs, library and spec pages at both widths are written and their paths printed."""
    from audits.models import Finding, Infraction
    from tests.test_web_pages import make_audit, make_job, make_spec

    user.is_staff = True  # the library page shows the staff controls too
    user.save(update_fields=["is_staff"])
    audit = make_audit(user, "Field audit with a rather long file name 2025-10-08 Alder Ave.pdf")
    make_job(audit)
    long_one = Infraction.objects.get(audit=audit, code="Item 2")
    long_one.description = f"Guy anchor rod at {LONG_TOKEN} set 5 ft deep."
    long_one.save()
    finding = Finding.objects.get(infraction=long_one)
    finding.reason = f"Measured 5 ft at {LONG_TOKEN}; clause 2.1 requires 6 ft."
    finding.citations = [
        {**finding.citations[0], "quote": f"Anchor rods ({LONG_TOKEN}) shall be set 6 ft deep."}
    ]
    finding.save()
    spec = make_spec(number="035010-" + LONG_TOKEN[:40], title="Overhead Construction " + LONG_TOKEN)
    pages = {
        "report": f"/audits/{audit.pk}/",
        "jobs": "/jobs/",
        "library": "/specs/",
        "spec": f"/specs/{spec.pk}/",
    }
    shots = []
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = chromium_browser.new_context(viewport=viewport)
        page = context.new_page()
        _login(page, live_server.url, user.username)
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            page.wait_for_load_state()
            _no_sideways_scroll(page)
            shot = shots_dir / f"{name}-{label}.png"
            page.screenshot(path=str(shot), full_page=True)
            shots.append(shot)
        page.goto(f"{live_server.url}{pages['report']}")
        cards = page.locator("table.infractions tbody tr")
        first = cards.first
        verdict, grounds, finding = (
            first.locator(f"td.{c}").bounding_box() for c in ("verdict", "grounds", "description")
        )
        if label == "phone":
            # a card: the verdict, then the reason and citation, then the finding, each the card's full width
            assert verdict["y"] < grounds["y"] < finding["y"], (verdict, grounds, finding)
            assert finding["width"] > 0.8 * PHONE["width"] - 40
            for i in range(cards.count()):
                box = cards.nth(i).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
                filled = sum(
                    cards.nth(i)
                    .locator("td")
                    .evaluate_all("tds => tds.map(td => td.getBoundingClientRect().height)")
                )
                assert box["height"] - filled < 60, (
                    f"card {i}: {box['height']:.0f} px tall, {filled:.0f} px of it text"
                )
                for cell in ("verdict", "grounds"):  # the verdict and reason are on screen
                    c = cards.nth(i).locator(f"td.{cell}").bounding_box()
                    assert c["x"] >= 0 and c["x"] + c["width"] <= PHONE["width"], (cell, c)
            assert not page.locator("table.infractions thead").is_visible() or (
                page.locator("table.infractions thead").bounding_box()["height"] <= 1
            )
            page.goto(f"{live_server.url}/jobs/")
            # jobs are a list of cards: no column headers, each row one card within the screen
            assert page.locator("table.jobs thead").bounding_box()["height"] <= 1
            jobs_row = page.locator("table.jobs tbody tr").first.bounding_box()
            assert jobs_row["x"] >= 0 and jobs_row["x"] + jobs_row["width"] <= PHONE["width"]
            status = page.locator("table.jobs tbody tr").first.locator('[data-field="status"]').bounding_box()
            name = page.locator("table.jobs tbody tr").first.locator("td.filename").bounding_box()
            assert status["y"] > name["y"], "stacked, not side by side"
        else:
            # a table row: the finding beside the verdict
            assert abs(verdict["y"] - finding["y"]) < 5 and finding["x"] < verdict["x"]
            assert page.locator("table.infractions thead").bounding_box()["height"] > 10
        context.close()
    for shot in shots:
        assert shot.stat().st_size > 0
        _announce(capsys, f"screenshot: {shot}")


def _gy_spec(revision: str = "01", extra: str = "") -> bytes:
    """A small numbered spec (GY-100 Guy Anchors): a heading-only section, a 'should' clause, sub-clauses."""
    return make_pdf(
        [
            "Document GY-100",
            "Guy Anchors",
            f"Revision: {revision}",
            "1 Anchors",
            "1.1 Anchor rods shall be set not less than 6 ft deep.",
            "1.2 Anchor rods should be installed in line with the guy.",
            "1.3 Guy markers shall be yellow.",
            *([extra] if extra else []),
        ]
    )


AUDIT_AS_SPEC = [
    "QA Audit Report",
    "PM #: 35578830",
    "Notification #: 121917552",
    "Go-back Infraction: Guy marker missing on the down guy at pole 12.",
    "Go-back Infraction: Riser guard missing at pole 14.",
]


def _messages(page) -> str:
    return page.locator(".messages").inner_text()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_staff_pages_items_at_phone_and_desktop_width(
    chromium_browser, live_server, user, shots_dir, viewport, settings, capsys
):
    """Staff-pages issue, items 2-8, in the browser at both widths (item 1 above): library upkeep (retire,
    restore, delete or retire when cited, retry, an audit refused as a spec, a re-saved copy that asks to
    replace, live status, staff only), a mixed upload, the jobs search, filters, pager and live rows, a
    citation's link and the spec page, one confidence rounding on the page, in the CSV and in the PDF, the
    repeal request's heading, the admin index links, the empty-library hint and a styled 404 (with DEBUG
    off and on); no page scrolls sideways."""
    from audits.models import Finding, Infraction
    from jobs.models import AnalysisJob
    from specs.models import SpecDocument
    from specs.services import import_document, register_upload
    from tests.test_web_pages import make_audit, make_job, make_spec

    user.is_staff = True
    user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    base = live_server.url
    width = viewport["width"]
    context = chromium_browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    _login(page, base, user.username)

    # 8. the first page says the library is empty
    page.goto(f"{base}/audits/upload/")
    assert page.locator("[data-library-empty]").is_visible()
    _no_sideways_scroll(page)

    # 3. four good audits and two bad files: the good ones go through, each bad one is listed with its reason
    # (the page's own check holds back only a choice with no good file, it lets the server list the others)
    files = [
        {
            "name": f"good-{i}.pdf",
            "mimeType": "application/pdf",
            "buffer": make_pdf([*AUDIT_LINES, f"copy {i}"]),
        }
        for i in range(4)
    ] + [
        {"name": "notes-renamed.pdf", "mimeType": "application/pdf", "buffer": b"PK\x03\x04 not a pdf"},
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"meeting notes"},
    ]
    page.get_by_label("Audit PDFs").set_input_files(files)
    hint = page.locator("#id_files-client-error")
    assert "notes.txt is not a PDF file." in hint.inner_text() and "will be sent" in hint.inner_text()
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_url(f"{base}/jobs/")
    body = page.locator("main").inner_text()
    assert "4 audits submitted for analysis." in body
    assert (
        "2 files were not accepted and not stored: notes-renamed.pdf is not a PDF file. notes.txt is not a PDF file."
        in body
    )
    assert page.locator("tr[data-job-id]").count() == 4  # no job row for a refused file
    _no_sideways_scroll(page)

    # 4. search, filters, sort, pager, the report link, verdict counts; a failed job shows no progress bar
    audit = make_audit(user, "Alder Ave field audit.pdf", pm="35999999")
    make_job(audit)
    Finding.objects.filter(infraction__audit=audit, verdict="REPEALABLE").update(confidence=0.825)
    Infraction.objects.filter(audit=audit, code="Item 1").update(code="Go-back Infraction 2")
    failed = make_job(
        make_audit(user, "Cedar Ct.pdf", pm="35333333", with_findings=False),
        AnalysisJob.Status.FAILURE,
        progress=5,
        error_code="not_a_pdf",
        error_message="Not a PDF.",
    )
    AnalysisJob.objects.bulk_create(
        AnalysisJob(audit=audit, owner=user, status=AnalysisJob.Status.SUCCESS, progress=100)
        for _ in range(20)
    )
    page.goto(f"{base}/jobs/")
    assert "Page 1 of 2" in page.locator("nav.pager").inner_text()  # 26 jobs, 25 a page
    page.locator(f'tr[data-job-id="{failed.id}"]').wait_for()
    assert not page.locator(f'tr[data-job-id="{failed.id}"] progress').is_visible()
    page.get_by_label("Status").select_option("FAILURE")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r".*status=FAILURE.*"))
    assert (
        page.locator("tr[data-job-id]").count() == 1
        and "Cedar Ct.pdf" in page.locator("table.jobs").inner_text()
    )
    page.goto(f"{base}/jobs/?sort=name")
    assert page.locator("tr[data-job-id] td.filename").first.inner_text().startswith("Alder Ave")
    page.goto(f"{base}/jobs/")
    page.get_by_role("searchbox", name="Search").fill("35999999")
    page.get_by_label("Has a verdict").select_option("REPEALABLE")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert "21 jobs match" in page.locator("main").inner_text()
    first_row = page.locator("tr[data-job-id]").first.inner_text()
    assert "1 repealable" in first_row and "1 valid" in first_row and "1 review" in first_row
    page.screenshot(path=str(shots_dir / f"jobs-search-{width}.png"), full_page=True)
    _announce(capsys, f"screenshot: {shots_dir / f'jobs-search-{width}.png'}")
    _no_sideways_scroll(page)
    page.get_by_role("link", name="Alder Ave field audit.pdf", exact=True).first.click()
    page.wait_for_url(re.compile(rf".*/audits/{audit.pk}/$"))

    # 6. one rounding rule: 0.825 is 0.83 on the page, in the CSV and in the repeal request, whose heading
    # names a coded infraction once
    assert "0.83 confidence" in page.locator("table.infractions").inner_text()
    with page.expect_download() as info:
        page.locator('[data-export="csv"]').click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert [r["confidence"] for r in rows if r["verdict"] == "REPEALABLE"] == ["0.83"]
    with page.expect_download() as info:
        page.locator('[data-export="repeal"]').click()
    text = pdf_text(Path(info.value.path()).read_bytes())
    assert "Confidence: 0.83" in text, text
    assert "1. Go-back Infraction 2 (audit page 1)" in text and "Infraction Go-back" not in text

    # 5. a citation links to the cited section of the spec page, which links its PDF
    doc = make_spec()
    page.reload()
    page.locator("figure.citation.governing a").first.click()
    page.wait_for_url(re.compile(rf".*/specs/{doc.pk}/#sec-4-3$"))
    assert page.get_by_role("link", name="Open the PDF").is_visible()
    _no_sideways_scroll(page)

    # 2. staff retire and restore the document from its page; deleting it retires it, findings cite it
    page.get_by_role("button", name="Retire").click()
    page.wait_for_load_state()
    assert "Retired 035010" in _messages(page)
    assert SpecDocument.objects.get(pk=doc.pk).retired_at is not None
    page.get_by_role("button", name="Restore").click()
    page.wait_for_load_state()
    assert "Restored 035010" in _messages(page)
    page.screenshot(path=str(shots_dir / f"spec-upkeep-{width}.png"), full_page=True)
    _announce(capsys, f"screenshot: {shots_dir / f'spec-upkeep-{width}.png'}")
    page.locator("details.danger summary").click()
    page.get_by_role("button", name="Retire instead").click()
    page.wait_for_load_state()
    assert "cited by 2 stored findings, so it was retired instead of deleted" in _messages(page)
    assert SpecDocument.objects.filter(pk=doc.pk, retired_at__isnull=False).exists()
    page.goto(f"{base}/specs/")
    assert page.locator(f'tr[data-spec-id="{doc.pk}"]').get_attribute("data-state") == "Retired"
    _no_sideways_scroll(page)

    # 5. the spec page: no heading-only clause, a 'should' clause is a recommendation, a sub-clause is not
    # shown under its parent's heading, each clause links its page of the PDF
    gy = import_document(register_upload(_gy_spec(), "gy-100.pdf", user).document.pk)
    page.goto(f"{base}/specs/{gy.pk}/")
    clauses = page.locator("section[aria-labelledby=clauses-heading]")
    assert clauses.locator(".clause").count() == 3, "the heading '1 Anchors' is no clause"
    assert clauses.locator(".badge-kind").all_inner_texts() == [
        "Requirement",
        "Recommendation",
        "Requirement",
    ]
    assert "§1.3 Anchors" not in clauses.inner_text() and "Under §1 Anchors" in clauses.inner_text()
    assert clauses.get_by_role("link", name="page 1").first.get_attribute("href").endswith("/pdf/#page=1")
    _no_sideways_scroll(page)

    # 2. live status on the library list: a re-saved copy turns from Importing to Duplicate without a reload
    # and asks whether to replace the active copy
    copy = register_upload(
        _gy_spec(extra="Printed from the document system."), "gy-100 (1).pdf", user
    ).document
    page.goto(f"{base}/specs/")
    page.evaluate("window.__nexaNoReload = true")
    row = page.locator(f'tr[data-spec-id="{copy.pk}"]')
    assert row.get_attribute("data-state") == "Importing"
    assert not row.locator('[data-field="ask-replace"]').is_visible()
    import_document(copy.pk)
    page.wait_for_function(
        f"() => document.querySelector('tr[data-spec-id=\"{copy.pk}\"]').dataset.state === 'Duplicate'"
    )
    assert page.evaluate("window.__nexaNoReload") is True, "the library list reloaded"
    assert row.get_by_text("Replace the active copy with this one?").is_visible()
    _no_sideways_scroll(page)
    page.screenshot(path=str(shots_dir / f"library-duplicate-{width}.png"), full_page=True)
    _announce(capsys, f"screenshot: {shots_dir / f'library-duplicate-{width}.png'}")
    row.get_by_role("button", name="Replace").click()
    page.wait_for_url(f"{base}/specs/")
    assert "is now the active copy" in _messages(page)
    assert SpecDocument.objects.get(pk=gy.pk).retired_at is not None

    # 2. an audit uploaded as a spec is refused with a clear message; staff retry a failed import, or delete it
    wrong = import_document(
        register_upload(make_pdf(AUDIT_AS_SPEC), "audit-by-mistake.pdf", user).document.pk
    )
    page.goto(f"{base}/specs/")
    wrong_row = page.locator(f'tr[data-spec-id="{wrong.pk}"]')
    assert wrong_row.get_attribute("data-state") == "Failed"
    assert "reads as a QA audit" in wrong_row.inner_text()
    wrong_row.get_by_role("link").first.click()
    page.get_by_role("button", name="Retry the import").click()
    page.wait_for_load_state()
    assert "Import of audit-by-mistake.pdf queued again." in _messages(page)
    import_document(wrong.pk)  # the worker's part, here
    page.reload()
    page.locator("details.danger summary").click()
    page.get_by_role("button", name="Delete for good").click()
    page.wait_for_url(f"{base}/specs/")
    assert "Deleted audit-by-mistake.pdf" in _messages(page)
    assert not SpecDocument.objects.filter(pk=wrong.pk).exists()

    # 2. everyone else reads the library and changes nothing
    django_user_model = type(user)
    django_user_model.objects.create_user("reader", password=PASSWORD)
    reader = chromium_browser.new_context(viewport=viewport)
    rpage = reader.new_page()
    _login(rpage, base, "reader")
    rpage.goto(f"{base}/specs/")
    assert rpage.get_by_role("link", name="Upload specs").count() == 0
    assert rpage.get_by_role("button", name="Replace").count() == 0
    rpage.goto(f"{base}/specs/{copy.pk}/")
    assert rpage.get_by_role("button", name="Retire").count() == 0
    assert rpage.goto(f"{base}/specs/upload/").status == 403
    assert "Only staff" in rpage.locator("main").inner_text()
    _no_sideways_scroll(rpage)
    reader.close()

    # 7. the admin index's monitoring links are one line each, not one letter per line
    page.goto(f"{base}/admin/")
    for name in ("Nexa monitoring", "RQ dashboard"):
        box = page.get_by_role("link", name=name).bounding_box()
        assert box["width"] > box["height"] * 3, (name, box)
    _no_sideways_scroll(page)

    # 8. a 404 page is styled: Nexa's own with DEBUG off, Django's debug page (make run) with DEBUG on,
    # whose inline style the strict CSP used to block
    resp = page.goto(f"{base}/no-such-page/")
    assert resp.status == 404 and page.locator("h1").inner_text() == "Not found"
    background = "() => getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) == "rgb(245, 246, 248)", "nexa.css applies"
    _no_sideways_scroll(page)
    settings.DEBUG = True
    resp = page.goto(f"{base}/no-such-page/")
    assert resp.status == 404 and "Page not found" in page.title()
    assert page.evaluate(background) == "rgb(238, 238, 238)", "the debug page's inline style applies"
    settings.DEBUG = False
    context.close()
