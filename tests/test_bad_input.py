"""Bad input on every path: web forms, ``POST /analyze-audit-async``, ``POST /batch-analyze``,
``POST /upload-specs``, ``manage.py import_specs`` and ``manage.py analyze_audit``.

Each bad file gets a clear error code and message; files refused at the door (empty, not a PDF,
over the size limit) get it in the response, files accepted get a recorded ``Audit`` +
``AnalysisJob`` (FAILURE) or ``SpecDocument`` (FAILED) with the code; the worker keeps serving the
next job; stored file names are generated, never the client's path. Real Redis and database.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import time
import zlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from pypdf import PdfWriter

from audits.models import Audit
from engine import pdftext
from jobs.models import AnalysisJob
from specs.models import SpecDocument
from tests.jobs_support import audit_pdf, make_library, upload

pytestmark = [
    pytest.mark.django_db,
    # an alarm that lands in a finalizer is reported as "ignored"; the repeat alarm does the job
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

GENERATED = re.compile(r"^(audits|specs)/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")


# --- hostile files, built cheaply --------------------------------------------------------------


def raw_pdf(content: bytes) -> bytes:
    """A one-page PDF whose content stream is ``content`` (Flate-compressed), with a real xref."""
    body = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _write(writer: PdfWriter) -> bytes:
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def encrypted(algorithm: str, user_password: str) -> bytes:
    """An audit encrypted by pypdf with ``algorithm``; an empty ``user_password`` opens without one."""
    writer = PdfWriter(clone_from=io.BytesIO(audit_pdf(tag=f"{algorithm}/{user_password}")))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    return _write(writer)


def broken_xref() -> bytes:
    data = audit_pdf(tag="broken-xref")
    return data[: data.rindex(b"startxref")] + b"startxref\n999999\n%%EOF\n"


def thousand_pages() -> bytes:
    """1,000 pages sharing one content stream (a few KB)."""
    writer = PdfWriter(clone_from=io.BytesIO(audit_pdf(tag="1000-pages")))
    for _ in range(999):
        writer.add_page(writer.pages[0])
    return _write(writer)


def image_only() -> bytes:
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("L", (200, 100), 200), x=10, y=10, w=100)
    return bytes(pdf.output())


def decompression_bomb() -> bytes:
    """245 KB that inflates to 84 MB of text operators (beyond ``pdftext.MAX_STREAM_BYTES``)."""
    return raw_pdf(b"BT /F1 12 Tf 10 10 Td (hello world) Tj ET\n" * 2_000_000)


def operator_flood() -> bytes:
    """13 KB that inflates to 400,000 text operators: pypdf would take ~45 s on it."""
    return raw_pdf(b"BT /F1 12 Tf 10 10 Td (hello world) Tj ET\n" * 100_000)


def deep_nesting() -> bytes:
    """200,000 nested ``q`` graphics-state saves around one text object."""
    return raw_pdf(b"q " * 200_000 + b"BT /F1 12 Tf (deep) Tj ET" + b" Q" * 200_000)


# (name, bytes builder, code at the door or None, code after reading: None means success)
REFUSED = [
    ("zero-byte", lambda: b"", "not_a_pdf"),
    ("renamed-zip", lambda: b"PK\x03\x04" + b"\x00" * 200 + b"not a pdf at all", "not_a_pdf"),
]
READ = [
    ("truncated", lambda: audit_pdf(tag="truncated")[:600], "corrupt_pdf"),
    ("broken-xref", broken_xref, None),
    ("aes128-user-password", lambda: encrypted("AES-128", "pw"), "encrypted"),
    ("aes256-user-password", lambda: encrypted("AES-256", "pw"), "encrypted"),
    ("rc4-128-user-password", lambda: encrypted("RC4-128", "pw"), "encrypted"),
    ("rc4-40-user-password", lambda: encrypted("RC4-40", "pw"), "encrypted"),
    ("aes128-empty-password", lambda: encrypted("AES-128", ""), None),
    ("aes256-empty-password", lambda: encrypted("AES-256", ""), None),
    ("rc4-128-empty-password", lambda: encrypted("RC4-128", ""), None),
    ("rc4-40-empty-password", lambda: encrypted("RC4-40", ""), None),
    ("image-only", image_only, "no_text_layer"),
    ("1000-pages", thousand_pages, "too_many_pages"),
    ("decompression-bomb", decompression_bomb, "too_complex"),
    ("operator-flood", operator_flood, "extraction_timeout"),
    ("deep-nesting", deep_nesting, "extraction_timeout"),
]
ODD_NAMES = ["../../etc/passwd.pdf", "..\\..\\boot.ini.pdf", "Prüfbericht №5 — 監査.pdf", "a" * 296 + ".pdf"]


@pytest.fixture(autouse=True)
def _bounds(settings, monkeypatch):
    """Small limits so the hostile files fail fast: 0.5 s per page, 999 spec pages, 64 KB files."""
    monkeypatch.setattr(pdftext, "DEFAULT_MAX_PAGE_SECONDS", 0.5)
    settings.NEXA_MAX_SPEC_PAGES = 999
    settings.NEXA_MAX_PAGES = 500
    settings.NEXA_MAX_UPLOAD_BYTES = 300_000


def too_large() -> bytes:
    return audit_pdf(tag="big") + b"%" + b"x" * 310_000


@pytest.fixture
def library(db):
    return make_library()


def _tag(name: str) -> str:
    """An ASCII tag from any name (the test audits use a Latin-1 font)."""
    return hashlib.sha256(name.encode()).hexdigest()[:16]


EXPLODES = ("extraction_timeout", "too_complex")


def same(expected: str | None, got: str | None) -> bool:
    """``got`` is the expected code; a file built to explode may hit either of its two bounds."""
    return got in EXPLODES if expected in EXPLODES else got == expected


def _no_job_running():
    assert not AnalysisJob.objects.filter(status__in=["PENDING", "PROCESSING"]).exists()


def _assert_good_job_after(api, run_jobs, capture):
    """The worker keeps serving: a good audit after the bad ones succeeds."""
    with capture(execute=True):
        response = api.post("/analyze-audit-async", {"file": upload("good-after.pdf", tag="after")})
    assert response.status_code == 202
    run_jobs()
    body = api.get(f"/job-result/{response.json()['job_id']}").json()
    assert body["status"] == "SUCCESS", body
    _no_job_running()


# --- extraction itself ---------------------------------------------------------------------------


@pytest.mark.no_redis
@pytest.mark.parametrize("name,build,code", REFUSED + READ + [("too-large", too_large, "too_large")])
def test_extract_pages_gives_a_code(name, build, code):
    data = build()
    if code is None:
        assert pdftext.extract_pages(data, max_pages=500).pages
        return
    with pytest.raises(pdftext.PdfError) as err:
        pdftext.extract_pages(data, max_pages=500, max_bytes=300_000)
    assert same(code, err.value.code) and err.value.message


# --- POST /analyze-audit-async and GET /job-result -----------------------------------------------


def test_async_api_every_bad_file(api, library, run_jobs, django_capture_on_commit_callbacks):
    for name, build, code in [*REFUSED, ("too-large", too_large, "too_large")]:
        data = build()
        response = api.post("/analyze-audit-async", {"file": upload(f"{name}.pdf", data)})
        assert response.status_code == (413 if code == "too_large" else 400), (name, response.content)
        body = response.json()
        assert body["error"]["code"] == code and body["error"]["message"]
        assert body["status"] == "FAILURE" and body["poll_url"] == f"/job-result/{body['job_id']}"
        job = AnalysisJob.objects.select_related("audit").get(pk=body["job_id"])  # recorded
        assert (job.status, job.error_code, job.error_message) == ("FAILURE", code, body["error"]["message"])
        assert job.audit.original_filename == f"{name}.pdf" and job.audit.size_bytes == len(data)
        assert job.audit.sha256 == hashlib.sha256(data).hexdigest()
        if code == "too_large":  # recorded, not stored
            assert not job.audit.file
        else:
            assert GENERATED.match(job.audit.file.name), job.audit.file.name
        assert api.get(body["poll_url"]).json()["error"]["code"] == code
    submitted = {}
    with django_capture_on_commit_callbacks(execute=True):
        for name, build, code in READ:
            response = api.post("/analyze-audit-async", {"file": upload(f"{name}.pdf", build())})
            assert response.status_code == 202, (name, response.content)
            submitted[name] = (response.json()["job_id"], code)
    run_jobs()
    for name, (job_id, code) in submitted.items():
        body = api.get(f"/job-result/{job_id}").json()
        job = AnalysisJob.objects.select_related("audit").get(pk=job_id)
        assert GENERATED.match(job.audit.file.name) and job.audit.original_filename == f"{name}.pdf"
        if code is None:
            assert body["status"] == "SUCCESS", (name, body)
            continue
        assert body["status"] == "FAILURE" and same(code, body["error"]["code"]), (name, body)
        assert body["error"]["message"] and same(code, body["result"]["error"]["code"])
        assert job.status == "FAILURE" and same(code, job.error_code) and job.progress < 100
    _assert_good_job_after(api, run_jobs, django_capture_on_commit_callbacks)


def test_sync_api_bad_file_is_422_with_code(api, library):
    response = api.post("/analyze-audit", {"file": upload("enc.pdf", encrypted("AES-256", "pw"))})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "encrypted"
    response = api.post("/analyze-audit", {"file": upload("flood.pdf", operator_flood())})
    assert response.status_code == 422 and same("extraction_timeout", response.json()["error"]["code"])


# --- POST /batch-analyze ------------------------------------------------------------------------


def test_batch_api_mixed_bad_files(api, library, run_jobs, django_capture_on_commit_callbacks):
    cases = [c for c in REFUSED + READ if c[0] not in ("operator-flood", "deep-nesting")]
    cases.append(("too-large", too_large, "too_large"))
    files = [upload(f"{name}.pdf", build()) for name, build, _ in cases]
    files.append(upload("good.pdf", tag="batch-good"))
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/batch-analyze", {"files": files}, format="multipart")
    assert response.status_code == 202, response.content
    entries = response.json()["jobs"]
    assert len(entries) == len(cases) + 1
    run_jobs()
    door = {"not_a_pdf", "too_large"}
    for (name, _, code), entry in zip(cases, entries, strict=False):
        assert entry["filename"] == f"{name}.pdf"
        job = AnalysisJob.objects.get(pk=entry["job_id"])  # every member recorded
        assert job.batch_id is not None
        if code in door and name in ("zero-byte", "renamed-zip", "too-large"):
            assert entry["status"] == "FAILURE" and entry["error"]["code"] == code, entry
            assert (job.status, job.error_code, job.attempts) == ("FAILURE", code, 0), name
            continue
        if code is None:
            assert job.status == "SUCCESS", (name, job.error_code, job.error_message)
        else:
            assert (job.status, job.error_code) == ("FAILURE", code), name
    assert AnalysisJob.objects.get(pk=entries[-1]["job_id"]).status == "SUCCESS"
    _no_job_running()


# --- POST /upload-specs -------------------------------------------------------------------------


# the readable files above are audits: uploaded as specs they are read, then refused as audits
AS_SPECS = [(name, build, code or "looks_like_audit") for name, build, code in READ]
SPEC_LINES = [
    "Document 900777",
    "Revision: 1",
    "1.1 Guy markers shall be yellow.",
    "1.2 Guy markers shall be at least 8 ft long.",
    "1.3 Anchor rods shall be set 6 ft deep.",
]


def test_upload_specs_every_bad_file(staff_api, run_jobs, django_capture_on_commit_callbacks):
    """Files the cheap checks refuse fail at once (as audits do); the others are imported and fail
    there with their codes; a good file afterwards still imports."""
    api = staff_api
    cases = [*REFUSED, *AS_SPECS, ("too-large", too_large, "too_large")]
    files = [upload(f"spec-{name}.pdf", build()) for name, build, _ in cases]
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/upload-specs", {"files": files}, format="multipart")
    assert response.status_code == 202, response.content
    listed = response.json()["files"]
    run_jobs(("default",))
    for (name, _, code), item in zip(cases, listed, strict=True):
        doc = SpecDocument.objects.get(pk=item["document_id"])
        if code is None:
            assert doc.status == "READY", (name, doc.error_code, doc.error_message)
        else:
            assert doc.status == "FAILED" and same(code, doc.error_code), (name, doc.error_message)
            assert doc.error_message
        if item["status"] == "failed":  # refused at once (not a PDF, too large): recorded, not stored
            assert item["error"]["code"] in ("not_a_pdf", "too_large") and doc.file.name == "", name
        else:
            assert GENERATED.match(doc.file.name), doc.file.name
    assert not SpecDocument.objects.filter(status__in=["PENDING", "PROCESSING"]).exists()
    refused = [
        upload(f"again-{name}.pdf", build())
        for name, build, code in cases
        if code in ("not_a_pdf", "too_large")
    ]
    answer = api.post("/upload-specs", {"files": refused}, format="multipart")
    assert answer.status_code == 400, answer.content  # every file refused: 400 at once, as for audits
    assert {f["status"] for f in answer.json()["files"]} <= {"failed", "duplicate"}
    # and the worker still imports a good one
    with django_capture_on_commit_callbacks(execute=True):
        api.post(
            "/upload-specs",
            {"files": [upload("good-spec.pdf", audit_pdf(SPEC_LINES, tag="spec-after"))]},
            format="multipart",
        )
    run_jobs(("default",))
    assert SpecDocument.objects.get(original_filename="good-spec.pdf").status == "READY"


# --- web forms ----------------------------------------------------------------------------------


def test_audit_upload_page_bad_files(client, user, library, run_jobs, django_capture_on_commit_callbacks):
    client.force_login(user)
    url = reverse("audits:upload")
    for name, build, _code in [*REFUSED, ("too-large", too_large, "too_large")]:
        response = client.post(url, {"files": [upload(f"{name}.pdf", build())]})
        assert response.status_code == 400, name
        assert f"{name}.pdf" in response.content.decode(), name  # the message names the file
    assert not AnalysisJob.objects.exists(), "a file the form refused is not stored and gets no job"
    _no_job_running()
    for name, build, code in [c for c in READ if c[2] in ("encrypted", "corrupt_pdf", "too_complex")]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"files": [upload(f"{name}.pdf", build())]})
        assert response.status_code == 302, name
        run_jobs()
        job = AnalysisJob.objects.get(audit__original_filename=f"{name}.pdf")
        assert (job.status, job.error_code) == ("FAILURE", code)
        page = client.get(reverse("jobs_web:list")).content.decode()
        assert f"{name}.pdf" in page


def test_spec_upload_page_bad_files(client, staff_user, run_jobs, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    url = reverse("specs_web:upload")
    for name, build, _ in [*REFUSED, ("too-large", too_large, "too_large")]:
        response = client.post(url, {"files": [upload(f"{name}.pdf", build())]})
        assert response.status_code == 400, name
    assert not SpecDocument.objects.exists()
    cases = [c for c in READ if c[2] in ("encrypted", "no_text_layer", "too_many_pages", "too_complex")]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"files": [upload(f"{n}.pdf", b()) for n, b, _ in cases]})
    assert response.status_code == 302
    run_jobs(("default",))
    for name, _, code in cases:
        doc = SpecDocument.objects.get(original_filename=f"{name}.pdf")
        assert (doc.status, doc.error_code) == ("FAILED", code), name
    page = client.get(reverse("specs_web:list")).content.decode()
    assert "FAILED" in page.upper()


# --- management commands ------------------------------------------------------------------------


def _files(tmp_path, cases, prefix=""):
    paths = []
    for name, build, _ in cases:
        path = tmp_path / f"{prefix}{name}.pdf"
        path.write_bytes(build())
        paths.append(str(path))
    return paths


def test_import_specs_command_bad_files(tmp_path, capsys):
    cases = [*REFUSED, *AS_SPECS, ("too-large", too_large, "too_large")]
    paths = _files(tmp_path, cases)
    good = tmp_path / "good-spec.pdf"
    good.write_bytes(audit_pdf(SPEC_LINES, tag="command"))
    call_command("import_specs", *paths, str(good))
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(cases) + 1 and lines[-1].startswith("imported 900777"), lines[-1]
    for (name, _, code), line in zip(cases, lines[:-1], strict=True):
        assert line.endswith(f"[{name}.pdf]"), line
        if code is None:
            assert line.startswith("imported "), line
        else:
            assert line.startswith("failed ") and same(code, line.split()[1].rstrip(":")), line
            doc = SpecDocument.objects.get(original_filename=f"{name}.pdf")
            assert doc.status == "FAILED" and same(code, doc.error_code)
    with pytest.raises(CommandError):  # only bad files: exit status 1
        call_command("import_specs", str(tmp_path / "missing.pdf"), paths[0])


def test_analyze_audit_command_bad_files(tmp_path, capsys, library):
    cases = [*REFUSED, *READ, ("too-large", too_large, "too_large")]
    paths = _files(tmp_path, cases, prefix="audit-")
    call_command("analyze_audit", "--json", *paths)
    results = json.loads(capsys.readouterr().out)
    assert len(results) == len(cases)
    for (name, _, code), result in zip(cases, results, strict=True):
        assert result["file"] == f"audit-{name}.pdf"
        if code is None:
            assert result["status"] == "SUCCESS", result
        else:
            assert result["status"] == "FAILURE" and same(code, result["error"]["code"]), result
            assert result["error"]["message"]
    for audit in Audit.objects.all():  # every file recorded, under a generated name
        assert GENERATED.match(audit.file.name), audit.file.name


# --- odd file names -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_file_names_async_api(name, api, library, run_jobs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/analyze-audit-async", {"file": upload(name, tag=_tag(name))})
    assert response.status_code == 202, response.content
    run_jobs()
    job = AnalysisJob.objects.select_related("audit").get(pk=response.json()["job_id"])
    assert job.status == "SUCCESS"
    audit = job.audit
    assert GENERATED.match(audit.file.name), audit.file.name
    assert "/" not in audit.original_filename and "\\" not in audit.original_filename
    assert len(audit.original_filename) <= 255 and audit.original_filename.endswith(".pdf")


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_file_names_services(name, user, library):
    """The services themselves (below the multipart parser, which already strips directories)."""
    from jobs.services import submit_audit
    from specs.services import register_upload

    job = submit_audit(user, upload(name, tag=_tag("svc" + name)), enqueue_job=False)
    doc = register_upload(audit_pdf(tag=_tag("spec" + name)), name, user).document
    for stored, shown in (
        (job.audit.file.name, job.audit.original_filename),
        (doc.file.name, doc.original_filename),
    ):
        assert GENERATED.match(stored), stored
        assert "/" not in shown and "\\" not in shown and shown.endswith(".pdf")
        assert len(shown) <= 255


def test_odd_file_names_upload_specs_and_commands(api, staff_api, tmp_path, capsys, library, run_jobs):
    names = ["../../etc/passwd.pdf", "Prüfbericht №5 — 監査.pdf", "b" * 296 + ".pdf"]
    files = [upload(n, audit_pdf(tag=_tag("odd-spec" + n))) for n in names]
    response = staff_api.post("/upload-specs", {"files": files}, format="multipart")
    assert response.status_code == 202
    for item in response.json()["files"]:
        doc = SpecDocument.objects.get(pk=item["document_id"])
        assert GENERATED.match(doc.file.name) and "/" not in doc.original_filename
    # on disk a name is at most 255 bytes: unicode and a 250-character name
    for disk_name in ["Prüfbericht №5 — 監査 cmd.pdf", "c" * 246 + ".pdf"]:
        path = tmp_path / disk_name
        path.write_bytes(audit_pdf(tag=_tag("cmd" + disk_name)))
        call_command("analyze_audit", "--json", str(path))
        result = json.loads(capsys.readouterr().out)
        assert result["status"] == "SUCCESS" and result["file"] == disk_name
        assert GENERATED.match(Audit.objects.get(original_filename=disk_name).file.name)


@pytest.mark.no_redis
def test_extraction_bound_keeps_an_outer_alarm():
    """RQ's job timeout is a SIGALRM too: the per-page alarm leaves it armed with its time left,
    and its handler in place."""
    import signal

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        with pytest.raises(pdftext.PdfError) as err:
            pdftext.extract_pages(operator_flood(), max_page_seconds=0.3)
        assert err.value.code in EXPLODES
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90 < remaining < 100
        assert signal.getsignal(signal.SIGALRM) is not previous and not fired
        # an outer alarm due before the page budget is left alone and fires as usual
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with pytest.raises(pdftext.PdfError):
            pdftext.extract_pages(operator_flood(), max_page_seconds=0.3, max_seconds=1)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.no_redis
def test_extraction_bound_in_a_thread():
    """No alarm in a non-main thread (threaded web servers): the page's content size is the bound."""
    import threading

    outcome = {}

    def run():
        started = time.monotonic()
        try:
            pdftext.extract_pages(operator_flood(), max_page_seconds=0.5)
        except pdftext.PdfError as exc:
            outcome["code"] = exc.code
        outcome["seconds"] = time.monotonic() - started
        outcome["good"] = pdftext.extract_pages(audit_pdf(tag="thread")).page_count

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    assert outcome.get("code") == "too_complex" and outcome["seconds"] < 2 and outcome["good"] == 1, outcome
