"""Every file of ``../shared/corpus/pdf-robustness/`` (pypdf's hostile and odd test PDFs, see its
``INDEX.tsv``) runs through spec import and audit analysis: a result or a coded error, within its
time bound. Skipped when the corpus folder is absent."""

from __future__ import annotations

import time

import pytest

from audits.management.commands.analyze_audit import analyze_file, cli_user
from engine.pdftext import CORRUPT_PDF, ENCRYPTED, ERROR_CODES, NO_TEXT_LAYER, NOT_A_PDF
from specs.models import SpecDocument
from specs.services import import_document, register_upload
from tests import shared_data
from tests.jobs_support import make_library

CORPUS = shared_data.CORPUS / "pdf-robustness"
FILES = (
    sorted(p.name for p in CORPUS.glob("*") if p.is_file() and p.name != "INDEX.tsv")
    if CORPUS.is_dir()
    else []
)
SECONDS_PER_FILE = 15.0  # wall clock for one path; pypdf itself takes at most ~3 s on these

# What each path must say (no password is ever given); files not listed: a result or any coded error.
EXPECTED = {
    **dict.fromkeys(
        [
            "r2-user-password.pdf",
            "r4-aes-user-password.pdf",
            "libreoffice-writer-password.pdf",
            "encrypted-file.pdf",
        ],
        ENCRYPTED,
    ),
    "inline_empty.pdf": NOT_A_PDF,
    "inline_not_a_pdf_foo.bin": NOT_A_PDF,
    "inline_missing_startxref.pdf": CORRUPT_PDF,
    "inline_unknown_zero_pages.pdf": CORRUPT_PDF,
    **dict.fromkeys(
        ["git.pdf", "grayscale-image.pdf", "box.pdf", "inline_prev_0_trailer.pdf"], NO_TEXT_LAYER
    ),
    **dict.fromkeys(
        [
            "unencrypted.pdf",
            "r2-owner-password.pdf",  # empty user password: opens without one
            "r6-empty-password.pdf",
            "r5-user-password.pdf",  # qpdf-made: the user password opens as owner, user is empty
            "r6-user-password.pdf",
            "r4-aes-v2-no-key-length.pdf",
            "crazyones.pdf",
            "commented.pdf",
            "multilang.pdf",
            "GeoBase_NHNC1_Data_Model_UML_EN.pdf",
            "issue-914-xmp-data.pdf",
            "example.pdf",
            "with-attachment.pdf",
            "test Orient.pdf",
            "indirect-rotation.pdf",
            "outlines-with-invalid-destinations.pdf",
            "toy.pdf",
        ],
        None,  # readable: a result
    ),
}

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"robustness corpus not found at {CORPUS}"),
]


def _check(name: str, code: str | None) -> None:
    if name in EXPECTED:
        assert code == EXPECTED[name], (name, code)
    else:
        assert code is None or code in ERROR_CODES, (name, code)


@pytest.mark.parametrize("name", FILES)
def test_audit_analysis(name):
    make_library()
    started = time.monotonic()
    result = analyze_file(str(CORPUS / name), cli_user())
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS_PER_FILE, (name, elapsed)
    assert result["file"] == name
    if result["status"] == "SUCCESS":
        _check(name, None)
        assert isinstance(result["infractions"], list)
    else:
        assert result["status"] == "FAILURE" and result["error"]["message"], result
        _check(name, result["error"]["code"])


@pytest.mark.parametrize("name", FILES)
def test_spec_import(name):
    data = (CORPUS / name).read_bytes()
    started = time.monotonic()
    registration = register_upload(data, name)
    doc = import_document(registration.document.pk)
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS_PER_FILE, (name, elapsed)
    assert doc is not None and doc.original_filename == name
    if doc.status == SpecDocument.Status.READY:
        _check(name, None)
        assert doc.page_count >= 1 and doc.document_number  # the file name's stem at least
        assert "\x00" not in "".join(doc.clauses.values_list("text", flat=True))
    else:
        assert doc.status == SpecDocument.Status.FAILED and doc.error_message, (doc.status, doc.error_code)
        _check(name, doc.error_code)


def test_golden_text_survives_import():
    """crazyones.pdf's known-correct text (``expected/crazyones.txt``) reaches the clauses, its
    ``ﬁ`` ligatures (U+FB01 in the golden text) folded to letters."""
    data = (CORPUS / "crazyones.pdf").read_bytes()
    doc = import_document(register_upload(data, "crazyones.pdf").document.pk)
    text = " ".join(doc.clauses.values_list("text", flat=True))
    assert "crazy ones" in text.lower() and "misfits" in text.lower()
