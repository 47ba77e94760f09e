"""Property-based tests (hypothesis): random bytes and mutated valid PDFs fed to the extraction
(``engine.pdftext.extract_pages``), the audit detection (``engine.audit.detection``) and the spec parsing
(``engine.spec.parsing.parse_spec``) give a result or a ``PdfError`` with a code, never another
exception or a hang. Example counts stay modest so the module runs in well under 30 s."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.audit.detection import detect_infractions, extract_metadata
from engine.pdftext import ERROR_CODES, PdfError, extract_pages
from engine.spec.parsing import parse_spec
from tests.jobs_support import AUDIT_LINES, audit_pdf

pytestmark = [
    pytest.mark.no_redis,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

# Each example must finish well inside the deadline: extraction is bounded at 1 s per page here.
FAST = settings(
    max_examples=30,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=False,
)


@functools.cache
def seed_pdf() -> bytes:
    return audit_pdf(pages=2, tag="property")


def run_all(data: bytes) -> None:
    """Extraction then detection then spec parsing; a PdfError must carry a known code."""
    try:
        text = extract_pages(data, max_bytes=2_000_000, max_pages=50, max_seconds=3, max_page_seconds=1)
    except PdfError as exc:
        assert exc.code in ERROR_CODES, exc.code
        assert exc.message
        return
    assert text.pages and all(isinstance(p, str) and "\x00" not in p for p in text.pages)
    check_text(text.pages)


def check_text(pages: list[str]) -> None:
    meta = extract_metadata(pages)
    assert isinstance(meta.as_dict(), dict)
    found, warnings = detect_infractions(pages)
    assert isinstance(found, list) and isinstance(warnings, list)
    for inf in found:
        assert inf.page >= 1 and isinstance(inf.description, str)
    parsed = parse_spec(pages, "random.pdf")
    assert isinstance(parsed.clauses, list)


@FAST
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    run_all(data)


@FAST
@given(st.binary(max_size=4096))
def test_random_bytes_behind_a_pdf_header(data):
    run_all(b"%PDF-1.7\n" + data)


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.integers(1, 400)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
    st.tuples(
        st.just("token"),
        st.integers(0, 10**6),
        st.sampled_from(
            [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"<<", b">>", b"R", b"[", b"0"]
        ),
    ),
)


def mutate(data: bytes, steps) -> bytes:
    buf = bytearray(data)
    for kind, pos, arg in steps:
        if not buf:
            break
        pos %= len(buf)
        if kind == "flip":
            buf[pos] = arg
        elif kind == "cut":
            del buf[pos : pos + arg]
        elif kind == "insert":
            buf[pos:pos] = arg
        elif kind == "truncate":
            del buf[pos:]
        else:
            buf[pos:pos] = b" " + arg + b" "
    return bytes(buf)


@settings(FAST, max_examples=60)
@given(st.lists(mutation, min_size=1, max_size=6))
def test_mutated_valid_pdf(steps):
    run_all(mutate(seed_pdf(), steps))


@FAST
@given(st.lists(st.text(max_size=400), max_size=5))
def test_random_page_text_through_detection_and_parsing(pages):
    check_text(pages)


@FAST
@given(
    st.lists(
        st.sampled_from(AUDIT_LINES + ["Infractions Found:", "1.", "Exception:", "4.3", "Rev. #13", ""]),
        max_size=30,
    )
)
def test_shuffled_audit_lines_through_detection_and_parsing(lines):
    check_text(["\n".join(lines)])
