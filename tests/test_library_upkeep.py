"""Library upkeep by staff (the staff-pages issue, item 2): retire, restore, delete (or retire when cited),
retry a failed import, a re-saved copy of the same number and revision waits for staff to replace, an audit
uploaded as a spec is refused, live status on the list, citations link to the cited section."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from fpdf import FPDF

from audits.models import Finding, Infraction
from specs.models import SpecDocument, active_documents
from specs.services import import_document, register_upload
from tests.test_web_pages import make_audit

pytestmark = pytest.mark.django_db


def spec_pdf(revision: str, depth: str = "6 ft", extra: str = "") -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for line in [
        "Document GY-100",
        "Guy Anchors",
        f"Revision: {revision}",
        "1 Anchors",
        f"1.1 Anchor rods shall be set not less than {depth} deep.",
        "1.2 Anchor rods should be installed in line with the guy.",
        "1.3 Guy markers shall be yellow.",
        extra,
    ]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def imported(data: bytes, name: str = "gy-100.pdf") -> SpecDocument:
    reg = register_upload(data, name)
    return import_document(reg.document.pk)


def act(client, doc, action):
    return client.post(reverse("specs_web:action", args=[doc.pk, action]), follow=True)


def test_staff_retire_and_restore_a_document(boss):
    old, new = imported(spec_pdf("01")), imported(spec_pdf("02", "7 ft"), "gy-100-r2.pdf")
    assert list(active_documents()) == [new]
    page = act(boss, new, "retire").content.decode()
    assert "Retired GY-100 Rev 02 &quot;Guy Anchors&quot;: analyses no longer cite it" in page
    assert list(active_documents()) == [old], "retiring the newest revision brings back the one before"
    assert "Retired" in boss.get(reverse("specs_web:list")).content.decode()
    page = act(boss, new, "restore").content.decode()
    assert "Restored GY-100 Rev 02 &quot;Guy Anchors&quot; to the active library." in page
    assert list(active_documents()) == [new]
    old.refresh_from_db()
    assert old.superseded_by_id == new.pk


def test_delete_removes_an_uncited_document_and_retires_a_cited_one(boss, user):
    doc = imported(spec_pdf("01"))
    audit = make_audit(user, with_findings=False)
    inf = Infraction.objects.create(
        audit=audit, order=0, code="1", description="Anchor rod 5 ft deep.", page=1
    )
    Finding.objects.create(
        infraction=inf, verdict="VALID", confidence=0.9, reason="r",
        citations=[{"document": "GY-100", "revision": "01", "section": "1.1", "page": 1, "quote": "q", "score": 0.9}],
    )  # fmt: skip
    page = act(boss, doc, "delete").content.decode()
    assert "cited by 1 stored finding, so it was retired instead of deleted" in page
    doc.refresh_from_db()
    assert doc.retired_at is not None and not active_documents().exists()
    other = imported(spec_pdf("01", extra="1.4 Anchor eyes shall be closed."), "other.pdf")
    other.document_number = "GY-200"
    other.save()
    page = act(boss, other, "delete").content.decode()
    assert "Deleted GY-200" in page and not SpecDocument.objects.filter(pk=other.pk).exists()


def test_retry_a_failed_import(boss):
    doc = imported(b"%PDF-1.4 this is not really a pdf", "broken.pdf")
    assert doc.status == SpecDocument.Status.FAILED
    detail = boss.get(reverse("specs_web:detail", args=[doc.pk])).content.decode()
    assert "Retry the import" in detail
    page = act(boss, doc, "retry").content.decode()
    assert "Import of broken.pdf queued again." in page
    doc.refresh_from_db()
    assert doc.status in (SpecDocument.Status.PENDING, SpecDocument.Status.FAILED)  # the worker may have run
    assert act(boss, imported(spec_pdf("01")), "retry").status_code == 200  # "nothing to retry", no crash


def test_a_resaved_copy_of_the_same_revision_waits_for_staff_to_replace(boss):
    first = imported(spec_pdf("01"))
    copy = imported(spec_pdf("01", extra="Printed from the document system."), "gy-100 (1).pdf")
    assert copy.status == SpecDocument.Status.READY and copy.duplicate_of_id == first.pk
    assert list(active_documents()) == [first], "one READY row per number and revision, not two"
    assert "Same number and revision as GY-100 Rev 01" in copy.import_note
    detail = boss.get(reverse("specs_web:detail", args=[copy.pk])).content.decode()
    assert "Replace the active copy with this one" in detail and "Duplicate" in detail
    page = act(boss, copy, "replace").content.decode()
    assert "is now the active copy" in page
    assert list(active_documents()) == [copy]
    first.refresh_from_db()
    assert first.retired_at is not None


def test_an_audit_uploaded_as_a_spec_is_refused_with_a_clear_message():
    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for line in [
        "QA Audit Report",
        "PM #: 35578830",
        "Notification #: 121917552",
        "Go-back Infraction: Guy marker missing on the down guy at pole 12.",
        "Go-back Infraction: Riser guard missing at pole 14.",
    ]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    doc = imported(bytes(pdf.output()), "audit-by-mistake.pdf")
    assert doc.status == SpecDocument.Status.FAILED and doc.error_code == "looks_like_audit"
    assert "reads as a QA audit" in doc.error_message and "PM number 35578830" in doc.error_message
    assert not active_documents().exists()


def test_only_staff_act_on_the_library(crew):
    doc = imported(spec_pdf("01"))
    for action in ("retire", "delete", "retry", "restore", "replace"):
        assert crew.post(reverse("specs_web:action", args=[doc.pk, action])).status_code == 403
    assert "Retire" not in crew.get(reverse("specs_web:detail", args=[doc.pk])).content.decode()
    assert list(active_documents()) == [doc]


def test_library_status_json_and_clause_badges(crew):
    doc = imported(spec_pdf("01"))
    data = crew.get(reverse("specs_web:status"), {"ids": f"{doc.pk},abc,999"}).json()
    assert data["documents"] == [
        {"id": doc.pk, "status": "READY", "state": "Active", "number": "GY-100", "title": doc.title,
         "revision": "01", "pages": 1, "clauses": doc.clauses.count(), "note": "", "error": ""}
    ]  # fmt: skip
    detail = crew.get(reverse("specs_web:detail", args=[doc.pk])).content.decode()
    assert "Recommendation" in detail, "a 'should' clause is a recommendation, as the analysis reads it"
    assert f'href="{reverse("specs_web:pdf", args=[doc.pk])}#page=1"' in detail
    assert crew.get(reverse("specs_web:pdf", args=[doc.pk]))["Content-Type"] == "application/pdf"


def test_a_citation_links_to_the_cited_section(crew):
    doc = imported(spec_pdf("01"))
    resp = crew.get(reverse("specs_web:cite"), {"document": "GY-100", "revision": "01", "section": "1.1"})
    assert (
        resp.status_code == 302
        and resp["Location"] == reverse("specs_web:detail", args=[doc.pk]) + "#sec-1-1"
    )
    assert 'id="sec-1-1"' in crew.get(resp["Location"]).content.decode()
    assert crew.get(reverse("specs_web:cite"), {"document": "NOPE"}).status_code == 404


def test_every_supersession_is_recorded_with_who_when_and_what_and_shown(boss, staff_user, django_user_model):
    """Hostile-input issue, item 2: a supersession changes what every user's analyses cite, so each one
    is recorded (who, when, what it replaced) and shown on both documents' pages."""
    from specs.models import Supersession

    uploader = django_user_model.objects.create_user("uploader", password="pw-upl-123456", is_staff=True)
    old = import_document(register_upload(spec_pdf("01"), "gy-rev1.pdf", uploader).document.pk)
    new = import_document(register_upload(spec_pdf("02", "7 ft"), "gy-rev2.pdf", uploader).document.pk)
    (record,) = Supersession.objects.all()
    assert (record.document, record.superseded_by, record.by) == (old, new, uploader)
    assert "gy-rev2.pdf" in record.cause and record.at is not None
    act(boss, new, "retire")
    back = Supersession.objects.first()
    assert (back.document, back.superseded_by, back.by) == (old, None, staff_user)
    page = boss.get(reverse("specs_web:detail", args=[old.pk])).content.decode()
    assert "Revision history" in page and "the active revision again" in page
    assert f"by {staff_user.username}" in page and "by uploader" in page and "superseded by" in page
    newer = boss.get(reverse("specs_web:detail", args=[new.pk])).content.decode()
    assert "Revision history" in newer and "replaced" in newer


def test_a_sub_clause_is_not_shown_under_its_parents_heading(crew):
    """Staff-pages issue, item 5: the parser hands '1.1.1' the heading of '1.1', and the spec page showed
    '§1.1.1 Anchors', '§1.3 Anchors' (guy markers under the anchors heading); now a section shows only its
    own heading and names the section it sits under."""
    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for line in [
        "Document GY-300",
        "Guys and Anchors",
        "Revision: 01",
        "1 General",
        "1.1 Anchors",
        "1.1.1 Anchor rods shall be set not less than 6 ft deep.",
        "1.2 Guy Markers",
        "1.2.1 Guy markers shall be yellow.",
    ]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    doc = imported(bytes(pdf.output()), "gy-300.pdf")
    assert doc.clauses.get(section="1.1.1").heading == "Anchors"  # what the parser stores
    html = crew.get(reverse("specs_web:detail", args=[doc.pk])).content.decode()
    assert "§1.1.1 Anchors" not in html and "§1.2.1 Guy Markers" not in html
    texts = re.findall(r'<p class="clause-text">([^<]*)</p>', html)
    assert texts == ["Anchor rods shall be set not less than 6 ft deep.", "Guy markers shall be yellow."], (
        "the headings '1 General', '1.1 Anchors', '1.2 Guy Markers' are no clauses"
    )
    assert re.search(r"<h3>§1\.1\.1</h3>\s*<p[^>]*>Under §1\.1 Anchors</p>", html)
    assert re.search(r"<h3>§1\.2\.1</h3>\s*<p[^>]*>Under §1\.2 Guy Markers</p>", html)
    two = crew.get(reverse("specs_web:detail", args=[imported(spec_pdf("01")).pk])).content.decode()
    assert re.search(r"<h3>§1\.3</h3>\s*<p[^>]*>Under §1 Anchors</p>", two), "guy markers are no anchors"


def test_the_library_list_asks_staff_whether_a_resaved_copy_replaces_the_active_one(boss, crew):
    """Must have: re-uploading the same number and revision asks whether to replace. The list said only
    "Staff can replace it with this one" and the question was a page away; now the row asks, with the answer
    buttons, and the answer lands back on the list."""
    first = imported(spec_pdf("01"))
    copy = imported(spec_pdf("01", extra="Printed from the document system."), "gy-100 (1).pdf")
    listing = boss.get(reverse("specs_web:list")).content.decode()
    row = listing[listing.index(f'data-spec-id="{copy.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "Replace the active copy with this one?" in row and 'data-field="ask-replace" hidden' not in row
    assert reverse("specs_web:action", args=[copy.pk, "replace"]) in row
    assert reverse("specs_web:action", args=[copy.pk, "delete"]) in row
    active = listing[listing.index(f'data-spec-id="{first.pk}"') :]
    assert 'data-field="ask-replace" hidden' in active[: active.index("</tr>")], "only a duplicate asks"
    assert "Replace the active copy" not in crew.get(reverse("specs_web:list")).content.decode()
    resp = boss.post(reverse("specs_web:action", args=[copy.pk, "replace"]), {"next": "list"})
    assert resp.status_code == 302 and resp["Location"] == reverse("specs_web:list")
    assert list(active_documents()) == [copy]
    assert "is now the active copy" in boss.get(resp["Location"]).content.decode()
