"""Spec import against the real database: store, dedupe, parse, supersede, bad files, the command."""

import io

import pytest
from django.core.management import CommandError, call_command
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from specs.models import SpecClause, SpecDocument, active_documents, library_version
from specs.services import import_document, register_upload
from tests.shared_data import SHARED, needs_shared

pytestmark = [pytest.mark.django_db, needs_shared]

DEV_SPECS = sorted((SHARED / "eval" / "dev" / "specs").glob("*.pdf"))
ROBUST = SHARED / "corpus" / "pdf-robustness"
REAL = SHARED / "corpus" / "utility-real"


def spec_pdf(lines_per_page: list[list[str]]) -> bytes:
    """A text PDF drawn with fpdf2, one list of lines per page."""
    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", size=10)
    for lines in lines_per_page:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def guying_spec(revision: str, depth: str = "6 ft") -> bytes:
    return spec_pdf(
        [
            [
                "Document GY-100",
                "Guy Anchors",
                f"Revision: {revision}",
                "1 Anchors",
                f"1.1 Anchor rods shall be set not less than {depth} deep.",
            ]
        ]
    )


def imported(data: bytes, name: str = "spec.pdf") -> SpecDocument:
    reg = register_upload(data, name)
    assert reg.queued
    return import_document(reg.document.pk)


def test_dev_spec_imports_with_clauses_and_metadata():
    doc = imported((DEV_SPECS[0]).read_bytes(), "035010.pdf")
    assert doc.status == SpecDocument.Status.READY
    assert (doc.document_number, doc.revision, doc.page_count) == ("035010", "07", 2)
    assert doc.title == "Overhead Conductor Clearances"
    assert doc.effective_date.isoformat() == "2025-03-01"
    assert doc.imported_at is not None and doc.error_code == ""
    c = SpecClause.objects.get(document=doc, section="4.3")
    assert (c.kind, c.page) == ("exception", 2)
    row = SpecClause.objects.filter(document=doc, kind="table_row").first()
    assert row.data["columns"] == ["Surface under the span", "Secondary (0-750 V)", "Primary (750 V-22.5 kV)"]
    # stored under a generated name, never the client's
    assert doc.file.name.startswith("specs/") and "035010" not in doc.file.name
    assert doc.original_filename == "035010.pdf"


def test_same_bytes_are_a_duplicate_not_reimported():
    data = DEV_SPECS[1].read_bytes()
    first = imported(data, "a.pdf")
    count = SpecClause.objects.count()
    again = register_upload(data, "copy-of-a.pdf")
    assert again.duplicate_of == first and not again.queued and again.status == "duplicate"
    assert SpecDocument.objects.count() == 1 and SpecClause.objects.count() == count


def test_failed_document_with_same_bytes_is_retried(settings):
    data = guying_spec("02")
    settings.NEXA_MAX_UPLOAD_BYTES = 100
    doc = imported(data)
    assert (doc.status, doc.error_code) == ("FAILED", "too_large")
    settings.NEXA_MAX_UPLOAD_BYTES = 10_000_000
    reg = register_upload(data, "spec.pdf")
    assert reg.queued and reg.document.pk == doc.pk and reg.duplicate_of is None
    assert import_document(doc.pk).status == "READY"
    assert SpecDocument.objects.count() == 1


def test_newer_revision_supersedes_older_and_older_one_arriving_late_is_superseded():
    rev2 = imported(guying_spec("02", "5 ft"), "gy2.pdf")
    rev3 = imported(guying_spec("03", "6 ft"), "gy3.pdf")
    rev2.refresh_from_db()
    assert rev2.superseded_by == rev3 and rev3.superseded_by is None
    assert list(active_documents()) == [rev3]
    rev1 = imported(guying_spec("01", "4 ft"), "gy1.pdf")
    assert rev1.superseded_by == rev3
    assert set(SpecDocument.objects.filter(superseded_by=rev3)) == {rev1, rev2}
    assert list(active_documents()) == [rev3]


def test_library_version_changes_on_add_and_delete_and_clauses_go_with_the_document():
    empty = library_version()
    doc = imported(DEV_SPECS[2].read_bytes(), "x.pdf")
    with_doc = library_version()
    assert with_doc != empty
    assert SpecClause.objects.filter(document=doc).exists()
    other = imported(DEV_SPECS[3].read_bytes(), "y.pdf")
    assert library_version() not in (empty, with_doc)
    other.delete()
    assert library_version() == with_doc
    assert not SpecClause.objects.filter(document_id=other.pk).exists()
    clause_ids = set(SpecClause.objects.filter(document__in=active_documents()).values_list("pk", flat=True))
    assert clause_ids and all(SpecClause.objects.get(pk=i).document_id == doc.pk for i in clause_ids)


def test_failed_import_does_not_change_library_version():
    before = library_version()
    doc = imported(b"not a pdf at all", "notes.txt")
    assert doc.status == "FAILED" and library_version() == before


# --- bad files, built here -----------------------------------------------------------------------


def _encrypted(user_password: str) -> bytes:
    reader = PdfReader(io.BytesIO(guying_spec("01")))
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image_only() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(80, 80, 80)
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


@pytest.mark.parametrize(
    "make,code",
    [
        (lambda: b"PK\x03\x04 a zip file, not a PDF", "not_a_pdf"),
        (lambda: b"", "not_a_pdf"),
        (lambda: guying_spec("01")[:400], "corrupt_pdf"),
        (lambda: _encrypted("s3cret-user"), "encrypted"),
        (_image_only, "no_text_layer"),
    ],
    ids=["not_a_pdf", "empty", "truncated", "user_password", "image_only"],
)
def test_bad_files_fail_with_their_code_and_keep_the_row(make, code):
    doc = imported(make(), "bad.pdf")
    assert doc.status == SpecDocument.Status.FAILED
    assert doc.error_code == code and doc.error_message
    assert not doc.clauses.exists()
    assert SpecDocument.objects.filter(pk=doc.pk).exists()


def test_empty_user_password_opens():
    doc = imported(_encrypted(""), "owner-only.pdf")
    assert doc.status == "READY" and doc.document_number == "GY-100"


def test_size_and_page_limits(settings):
    settings.NEXA_MAX_UPLOAD_BYTES = 200
    assert imported(guying_spec("01"), "big.pdf").error_code == "too_large"
    settings.NEXA_MAX_UPLOAD_BYTES = 10_000_000
    settings.NEXA_MAX_SPEC_PAGES = 1
    two_pages = spec_pdf([["Document 77-1", "1 One", "1.1 First."], ["1.2 Second."]])
    doc = imported(two_pages, "long.pdf")
    assert (doc.error_code, doc.status) == ("too_many_pages", "FAILED")


@pytest.mark.parametrize(
    "name,code",
    [
        ("r2-user-password.pdf", "encrypted"),
        ("libreoffice-writer-password.pdf", "encrypted"),
        ("inline_missing_startxref.pdf", "corrupt_pdf"),
        ("inline_unknown_zero_pages.pdf", "corrupt_pdf"),
        ("inline_not_a_pdf_foo.bin", "not_a_pdf"),
        ("inline_empty.pdf", "not_a_pdf"),
        ("git.pdf", "no_text_layer"),
        ("grayscale-image.pdf", "no_text_layer"),
    ],
)
def test_robustness_corpus_files_fail_with_their_code(name, code):
    doc = imported((ROBUST / name).read_bytes(), name)
    assert (doc.status, doc.error_code) == ("FAILED", code)


@pytest.mark.parametrize("name", ["r6-empty-password.pdf", "r2-owner-password.pdf", "commented.pdf"])
def test_robustness_corpus_files_that_must_open(name):
    doc = imported((ROBUST / name).read_bytes(), name)
    assert doc.status == "READY" and doc.clauses.exists()


def test_real_utility_documents_import():
    for path in sorted(REAL.glob("*.pdf")):
        doc = imported(path.read_bytes(), path.name)
        assert doc.status == "READY", (path.name, doc.error_code, doc.error_message)
        assert doc.clauses.exists()
    paper = SpecDocument.objects.get(original_filename="hipas_vegetation_impact_analysis.pdf")
    sections = list(paper.clauses.order_by("order").values_list("section", flat=True))
    assert sections == ["1", "2", "3", "3.1", "3.2"]


def test_missing_document_is_not_an_error():
    assert import_document(987654) is None


# --- the command ---------------------------------------------------------------------------------


def test_import_specs_command_then_duplicates(capsys):
    call_command("import_specs", *map(str, DEV_SPECS))
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 6 and all(line.startswith("imported ") for line in out)
    assert 'imported 035010 Rev 07 "Overhead Conductor Clearances" (' in out[0]
    assert SpecDocument.objects.filter(status="READY").count() == 6
    call_command("import_specs", *map(str, DEV_SPECS))
    again = capsys.readouterr().out.splitlines()
    assert len(again) == 6 and all(line.startswith("duplicate of ") for line in again)
    assert SpecDocument.objects.count() == 6


def test_import_specs_reports_failures_and_exits_nonzero_only_when_nothing_imported(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"hello")
    call_command("import_specs", str(bad), str(DEV_SPECS[0]))
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("failed not_a_pdf: ") and out[1].startswith("imported 035010")
    with pytest.raises(CommandError):
        call_command("import_specs", str(tmp_path / "missing.pdf"), str(bad))


def test_seed_specs_import_with_stems(capsys):
    files = [
        SHARED / "eval" / "seed-a" / "specs" / "sample_spec_book.pdf",
        SHARED / "eval" / "seed-b" / "specs" / "test_spec.pdf",
    ]
    call_command("import_specs", *map(str, files))
    numbers = set(SpecDocument.objects.values_list("document_number", flat=True))
    assert numbers == {"sample_spec_book", "test_spec"}


def test_admin_lists_filters_and_searches(client, staff_user):
    imported(DEV_SPECS[0].read_bytes(), "035010.pdf")
    imported(b"junk", "junk.pdf")
    client.force_login(staff_user)
    res = client.get("/admin/specs/specdocument/", {"status": "FAILED", "superseded": "no"})
    assert res.status_code == 200 and b"junk.pdf" in res.content and b"Overhead Conductor" not in res.content
    res = client.get("/admin/specs/specdocument/", {"q": "Overhead"})
    assert res.status_code == 200 and b"035010" in res.content
    res = client.get("/admin/specs/specclause/", {"q": "residential driveways"})
    assert res.status_code == 200 and b"4.3" in res.content
    doc = SpecDocument.objects.get(document_number="035010")
    assert client.get(f"/admin/specs/specdocument/{doc.pk}/change/").status_code == 200


def _general_order(number: str, title: str, rule: str) -> bytes:
    return spec_pdf(
        [
            [
                "General Order No. 95",
                title,
                f"Document: {number}",
                "Revision: 1",
                f"{rule}  Clearances",
                f"{rule}-A  Above Ground",
                "Conductors shall be not less than 18 feet above thoroughfares.",
            ]
        ]
    )


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_shared_number_with_another_title_supersedes_nothing_in_either_order(order):
    """Real-standards class 1: two documents of one General Order whose numbers collide must both
    stay in the active library, each saying so; before, the second import silently retired the first."""
    docs = [
        _general_order("GO-95", "Section III - Requirements for All Lines", "37"),
        _general_order("GO-95", "Section V - Detailed Construction Requirements for Supply Lines", "54"),
    ]
    first = imported(docs[order[0]], "a.pdf")
    second = imported(docs[order[1]], "b.pdf")
    first.refresh_from_db()
    assert first.document_number == second.document_number == "GO-95"
    assert set(active_documents()) == {first, second}
    assert "both are kept" in second.import_note and "also used by" in second.import_note


def test_the_import_says_what_a_new_revision_supersedes():
    old = imported(guying_spec("03"), "gy3.pdf")
    new = imported(guying_spec("04"), "gy4.pdf")
    old.refresh_from_db()
    assert old.superseded_by == new
    assert new.import_note == f'Supersedes GY-100 Rev 03 "{old.title}".'
    out = io.StringIO()
    call_command(
        "import_specs", str(ROBUST.parent.parent / "eval" / "dev" / "specs" / "035010.pdf"), stdout=out
    )
    assert "imported 035010" in out.getvalue()
