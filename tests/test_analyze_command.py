"""``manage.py analyze_audit``: the whole analysis of audits built here with fpdf2, against a spec library
stored in the database; the result JSON of docs/architecture.md ("API and result contract"), FAILURE
objects for bad files, readable report."""

import datetime as dt
import hashlib
import io
import json
import uuid

import pytest
from django.core.management import call_command
from fpdf import FPDF

from audits.models import Audit

pytestmark = pytest.mark.django_db


def pdf(lines):
    doc = FPDF(format="Letter")
    doc.set_creation_date(dt.datetime(2025, 10, 8, tzinfo=dt.UTC))
    doc.set_font("Helvetica", size=10)
    doc.add_page()
    for line in lines:
        doc.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(doc.output())


AUDIT = [
    "Quality Assurance Field Audit Report",
    "PM Number: 35125285",
    "Notification: 120045871",
    "Location: Pole 12, Main St, Springfield",
    "Contractor: Test Line Builders",
    "Crew Foreman: J. Doe",
    "Auditor: QA Inspector 7",
    "Audit Date: 2025-10-08",
    "Score: 82.35% (140/170)",
    "FINDINGS",
    "Go-back Infraction: Primary conduit installed with 30 inches of cover at Station 2+40.",
    "Go-back Infraction: Secondary conduit measured at 26 inches of cover; auditor requires 36 inches.",
    "Go-back Infraction: Primary conduit at 25 inches of cover in a rock area; the conduit is encased in 3 inches of "
    "concrete per field photos.",
    "Go-back Infraction: Crew left the lunch cooler on the tailboard.",
]
WANT = ["VALID", "REPEALABLE", "REPEALABLE", "NEEDS_REVIEW"]


def make_spec():
    from specs.models import SpecClause, SpecDocument

    doc = SpecDocument.objects.create(
        document_number="UG-0310",
        title="Trenching and Conduit",
        revision="11",
        original_filename="UG-0310.pdf",
        file="specs/test/UG-0310.pdf",
        sha256=hashlib.sha256(uuid.uuid4().bytes).hexdigest(),
        status=SpecDocument.Status.READY,
        page_count=1,
    )
    table, cols = "Table 3-1 Minimum cover", ["Facility", "Minimum cover"]
    rows = [
        ("3", "Minimum Cover", "Minimum Cover", "requirement", {}),
        (
            "3.1",
            "Minimum Cover",
            "Conduit shall be installed with not less than the cover in Table 3-1.",
            "requirement",
            {},
        ),
        (
            "3.1",
            "Minimum Cover",
            f"{table} — Primary conduit 36 in",
            "table_row",
            {"table": table, "columns": cols, "cells": ["Primary conduit", "36 in"]},
        ),
        (
            "3.1",
            "Minimum Cover",
            f"{table} — Secondary conduit 24 in",
            "table_row",
            {"table": table, "columns": cols, "cells": ["Secondary conduit", "24 in"]},
        ),
        (
            "3.2",
            "Minimum Cover",
            "Exception: Where rock prevents excavation to the required depth, primary conduit may be installed with 24 in "
            "of cover if encased in not less than 3 in of concrete.",
            "exception",
            {},
        ),
        ("4.1", "Warning Tape", "Warning tape shall be placed 12 in above the conduit.", "requirement", {}),
    ]
    for order, (section, heading, text, kind, data) in enumerate(rows):
        SpecClause.objects.create(
            document=doc,
            section=section,
            heading=heading,
            text=text,
            kind=kind,
            data=data,
            page=1,
            order=order,
        )
    return doc


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("analyze_audit", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_whole_analysis_json(tmp_path):
    make_spec()
    path = tmp_path / "A1.pdf"
    path.write_bytes(pdf(AUDIT))
    result = json.loads(run("--json", str(path)))
    assert result["file"] == "A1.pdf" and result["status"] == "SUCCESS" and result["error"] is None
    assert result["audit"]["pm_number"] == "35125285"
    assert result["audit"]["notification_number"] == "120045871"
    assert result["infractions_found"] == 4
    assert [i["status"] for i in result["infractions"]] == WANT
    assert result["summary"] == {"repealable": 2, "valid": 1, "needs_review": 1}
    first, second, third, _ = result["infractions"]
    assert first["is_repealable"] is False and second["is_repealable"] is True
    assert first["spec_references"] == ["UG-0310"]
    top = first["citations"][0]
    assert (top["document"], top["section"], top["revision"], top["title"]) == (
        "UG-0310",
        "3.1",
        "11",
        "Trenching and Conduit",
    )
    assert third["citations"][0]["section"] == "3.2"  # the exception decides, so it is cited first
    assert "30 inches" in first["reason"] and "36 in" in first["reason"]
    for inf in result["infractions"]:
        assert 0 <= inf["confidence"] <= 1 and inf["page"] == 1 and inf["reason"]
    audit = Audit.objects.get()
    assert audit.owner.username == "cli" and not audit.owner.has_usable_password()


def test_several_files_give_an_array_and_bad_files_fail_alone(tmp_path):
    make_spec()
    good, bad, missing = tmp_path / "good.pdf", tmp_path / "bad.pdf", tmp_path / "missing.pdf"
    good.write_bytes(pdf(AUDIT))
    bad.write_bytes(b"this is not a pdf at all")
    out = run("--json", str(bad), str(good), str(missing))
    results = json.loads(out)  # the JSON is the only thing on stdout
    assert [r["status"] for r in results] == ["FAILURE", "SUCCESS", "FAILURE"]
    assert results[0]["error"]["code"] == "not_a_pdf"
    assert results[0]["infractions"] == [] and results[0]["summary"] == {
        "repealable": 0,
        "valid": 0,
        "needs_review": 0,
    }
    assert results[1]["infractions_found"] == 4
    assert results[2]["error"]["code"]


def test_empty_library_is_a_failure(tmp_path):
    path = tmp_path / "A1.pdf"
    path.write_bytes(pdf(AUDIT))
    result = json.loads(run("--json", str(path)))
    assert result["status"] == "FAILURE" and result["error"]["code"] == "empty_library"


def test_readable_report(tmp_path):
    make_spec()
    path = tmp_path / "A1.pdf"
    path.write_bytes(pdf(AUDIT))
    text = run(str(path))
    assert "== A1.pdf" in text and "pm number 35125285" in text
    assert "4 infraction(s): 2 repealable, 1 valid, 1 need review" in text
    assert "[VALID" in text and "cites UG-0310 rev 11 §3.1" in text


def test_a_year_dated_event_is_measured_to_the_audit_s_date(tmp_path):
    # the audit's date reaches the decision: "tested in 2019" at a 2025-10-08 audit is 6 years, past a 5-year
    # interval; "tested in 2023" is 2 years, within it
    from specs.models import SpecClause, SpecDocument

    doc = SpecDocument.objects.create(
        document_number="GO-165",
        title="Inspection Requirements",
        revision="2024",
        original_filename="GO-165.pdf",
        file="specs/test/GO-165.pdf",
        sha256=hashlib.sha256(uuid.uuid4().bytes).hexdigest(),
        status=SpecDocument.Status.READY,
        page_count=1,
    )
    SpecClause.objects.create(
        document=doc,
        section="4",
        heading="Underground Vault Testing",
        text="Underground vault ground grids shall be tested at intervals of not more than 5 years.",
        kind="requirement",
        data={},
        page=1,
        order=0,
    )
    lines = AUDIT[:9] + [
        "FINDINGS",
        "Go-back Infraction: Vault V-7 ground grid last tested in 2019.",
        "Go-back Infraction: Vault V-9 ground grid tested in 2023; auditor requires a test every year.",
    ]
    path = tmp_path / "A2.pdf"
    path.write_bytes(pdf(lines))
    result = json.loads(run("--json", str(path)))
    assert [i["status"] for i in result["infractions"]] == ["VALID", "REPEALABLE"], result["infractions"]
    assert "6 years since 2019" in result["infractions"][0]["reason"]
