"""Test helpers for the job pipeline: small fpdf2 audits, a one-clause spec library, uploads."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

AUDIT_LINES = [
    "QA Audit Report",
    "PM Number: 35125285   Notification: 120045871",
    "Contractor: Test Crew Co.   Foreman: J. Doe   Auditor: A. Inspector",
    "Audit Date: 10/08/2025   Score: 82.35% (140/170)",
    "Go-back Infraction: Primary conduit cover measured 30 in at the driveway crossing.",
    "Go-back Infraction: Crossarm out of level by 1.5 degrees.",
]


def audit_pdf(lines: list[str] | None = None, pages: int = 1, tag: str = "") -> bytes:
    """A text-layer audit PDF; ``tag`` adds a line so the bytes (and SHA-256) differ."""
    pdf = FPDF(format="Letter")
    pdf.set_creation_date(dt.datetime(2025, 10, 8, tzinfo=dt.UTC))  # same text, same bytes
    pdf.set_font("Helvetica", size=10)
    for page in range(pages):
        pdf.add_page()
        for line in lines or AUDIT_LINES:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 5, f"Page {page + 1} {tag}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def upload(name: str = "A1.pdf", data: bytes | None = None, tag: str = "") -> SimpleUploadedFile:
    """A multipart upload of ``data`` (default: ``audit_pdf(tag=tag)``)."""
    return SimpleUploadedFile(
        name, data if data is not None else audit_pdf(tag=tag), content_type="application/pdf"
    )


def make_library():
    """One READY spec document with one clause, so analyses have a non-empty library."""
    from specs.models import SpecClause, SpecDocument

    doc = SpecDocument.objects.create(
        document_number="900001",
        title="Test Conduit Standard",
        revision="01",
        original_filename="900001.pdf",
        file="specs/test/900001.pdf",
        sha256=hashlib.sha256(b"test-library").hexdigest(),
        status=SpecDocument.Status.READY,
        page_count=1,
    )
    SpecClause.objects.create(
        document=doc,
        section="4.1",
        heading="Cover",
        text="Primary conduit shall have a minimum cover of 36 inches.",
        page=1,
        order=0,
    )
    return doc


RESULT_KEYS = {"file", "status", "error", "audit", "infractions_found", "summary", "infractions"}


def stub_engine(monkeypatch) -> None:
    """Replace the verdict engine with a fixed NEEDS_REVIEW decision: pipeline tests are about
    jobs, queues and workers, not about verdicts (the engine has its own tests)."""
    import engine

    def decide(description, fields, library):
        return engine.Decision("NEEDS_REVIEW", 0.0, "stub engine", [])

    monkeypatch.setattr(engine, "decide", decide)
