"""Text extraction from PDFs with pypdf, with coded errors for bad input.

Plain Python (no Django imports): used by the spec import and the audit analysis alike.
"""

from __future__ import annotations

import io
import logging
import os
import re
import signal
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import TypedDict

from pypdf import PageObject, PdfReader, apply_configuration
from pypdf.errors import FileNotDecryptedError, LimitReachedError

from engine import headgrid, layout_tables, marks

log = logging.getLogger(__name__)

# Error codes shared by every path that reads a PDF (docs/architecture.md).
NOT_A_PDF = "not_a_pdf"
CORRUPT_PDF = "corrupt_pdf"
ENCRYPTED = "encrypted"
NO_TEXT_LAYER = "no_text_layer"
TOO_LARGE = "too_large"
TOO_MANY_PAGES = "too_many_pages"
EXTRACTION_TIMEOUT = "extraction_timeout"
TOO_COMPLEX = "too_complex"
ERROR_CODES = frozenset(
    {
        NOT_A_PDF,
        CORRUPT_PDF,
        ENCRYPTED,
        NO_TEXT_LAYER,
        TOO_LARGE,
        TOO_MANY_PAGES,
        EXTRACTION_TIMEOUT,
        TOO_COMPLEX,
    }
)

# Bounds per file. Real documents stay far below them (the utility and robustness corpora peak at
# ~4,500 content-stream operators and ~4,100 characters per page, ~0.3 s per page); a hostile file
# that loops or explodes (a tiny compressed stream with 100,000s of text operators, deep nesting,
# a decompression bomb) hits one of them and fails with ``extraction_timeout`` or ``too_complex``.
DEFAULT_MAX_SECONDS = 60.0  # wall-clock budget for opening a document, and for its pages ...
DEFAULT_SECONDS_PER_PAGE = 0.5  # ... plus this much per page (a 2,000-page spec: 60 + 1,000 s)
DEFAULT_MAX_PAGE_SECONDS = 5.0  # wall-clock budget for one page
MAX_PAGE_OPERATORS = 50_000  # content-stream operators per page (form XObjects included)
MAX_PAGE_CHARS = 200_000  # extracted characters per page
MAX_DOCUMENT_CHARS = 20_000_000  # extracted characters per document
MAX_STREAM_BYTES = 32_000_000  # decoded bytes per stream (pypdf's own default is 75 MB)
# Where no alarm can interrupt pypdf (a non-main thread), a page's content is parsed whole before
# any clock check: refuse pages whose decoded content exceeds this (real pages: < 200 KB; pypdf
# parses ~350 KB/s of dense text operators, so 2 MB stays within a few seconds).
MAX_PAGE_CONTENT_BYTES_UNALARMED = 2_000_000


class _PypdfLimits(TypedDict):
    """The keyword arguments of ``pypdf.apply_configuration`` that bound decoded stream sizes (bytes)."""

    zlib_maximum_output_length: int
    lzw_maximum_output_length: int
    run_length_maximum_output_length: int
    array_based_stream_maximum_output_length: int
    maximum_declared_stream_length: int


_PYPDF_LIMITS: _PypdfLimits = {
    "zlib_maximum_output_length": MAX_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
    "maximum_declared_stream_length": MAX_STREAM_BYTES,
}


class PdfError(Exception):
    """A PDF that cannot be read, with a stable ``code`` and a message for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass
class PdfText:
    """The text of a PDF: ``pages[i]`` is page ``i + 1``."""

    pages: list[str]

    @property
    def page_count(self) -> int:
        return len(self.pages)


class _OverBudget(BaseException):
    """Raised inside pypdf when a bound is crossed. A BaseException, so that pypdf's own
    ``except Exception`` fallbacks cannot swallow it."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _timeout(seconds: float, what: str) -> _OverBudget:
    return _OverBudget(
        EXTRACTION_TIMEOUT,
        f"Reading the text of {what} took longer than {seconds:g} s; the PDF is too complex "
        "(or built to loop). Simplify it (print to PDF) and upload it again.",
    )


def _can_alarm() -> bool:
    """True where a SIGALRM interval timer can interrupt this code (the main thread on Unix)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _content_bytes(page: PageObject) -> int:
    """Decoded size in bytes of a page's content stream(s) (decoded data is cached by pypdf)."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if contents is None:
        return 0
    streams = contents if isinstance(contents, list) else [contents]
    return sum(len(s.get_object().get_data()) for s in streams if hasattr(s.get_object(), "get_data"))


@contextmanager
def _alarm(seconds: float | None, what: str) -> Iterator[None]:
    """Interrupt the block after ``seconds`` with ``_OverBudget(extraction_timeout)``.

    Uses the real-time interval timer (SIGALRM), so even a loop inside pypdf that never comes
    back to our code is cut. Only possible in the main thread; elsewhere (threaded web servers)
    this is a no-op and the operator visitor's clock checks are the bound. An outer alarm (RQ's
    job timeout uses ``signal.alarm``) is kept: when it is due first, ours is not set, and
    otherwise it is re-armed with its remaining time afterwards.
    """
    if seconds is None or seconds <= 0 or not _can_alarm():
        yield
        return
    outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_remaining and outer_remaining <= seconds:
        yield  # the outer deadline (job timeout) comes first; let it fire as usual
        return

    def _on_alarm(signum: int, frame: FrameType | None) -> None:
        # Inside a finalizer or an unraisable-exception hook the exception would be swallowed (or
        # break the hook): skip this tick, the interval timer fires again 0.1 s later.
        f, depth = frame, 0
        while f is not None and depth < 8:
            code = f.f_code
            if code.co_name == "__del__" or "unraisable" in code.co_filename or "weakref" in code.co_filename:
                return
            f, depth = f.f_back, depth + 1
        raise _timeout(seconds, what)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    # Repeat every 0.1 s until cleared: an alarm landing in a finalizer is swallowed by Python.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_remaining:
            left = outer_remaining - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def extraction_allowance(pages: int, max_seconds: float | None = None) -> float:
    """Seconds :func:`extract_pages` may take on a document of ``pages`` pages: the opening
    budget ``max_seconds`` (default ``DEFAULT_MAX_SECONDS``) plus the same again and
    ``DEFAULT_SECONDS_PER_PAGE`` per page for the pages (a 2,000-page spec: 60 + 60 + 1,000 s)."""
    base = DEFAULT_MAX_SECONDS if max_seconds is None else max_seconds
    return base * 2 + DEFAULT_SECONDS_PER_PAGE * max(int(pages), 0)


def count_pages(data: bytes, max_seconds: float = 5.0) -> int | None:
    """The page count of a PDF without reading its pages, or None when it cannot be opened
    within ``max_seconds`` (damaged, encrypted, hostile). Never raises ``PdfError``."""
    try:
        with apply_configuration(**_PYPDF_LIMITS):
            with _alarm(max_seconds, "the document"):
                return _open(data)[1]
    except (PdfError, _OverBudget):
        return None


def looks_like_pdf(head: bytes) -> bool:
    """Cheap check on the first bytes of a file: a PDF has ``%PDF-`` within its first 1 KiB."""
    return b"%PDF-" in head[:1024]


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(text: str | None) -> str:
    """Page text ready to store and read, for audits and specs alike.

    NFKC turns ligatures (U+FB01 "fi") into letters; NUL (which PostgreSQL rejects in text columns) and
    lone UTF-16 surrogates (U+D800-U+DFFF, from a broken ToUnicode map; psycopg cannot encode them) are
    removed; line ends become ``\n``. Never raises.
    """
    text = _UNSTORABLE.sub("", text or "")
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def extract_pages(
    source: bytes | str | os.PathLike[str],
    *,
    max_bytes: int | None = None,
    max_pages: int | None = None,
    min_chars: int = 20,
    max_seconds: float | None = None,
    max_page_seconds: float | None = None,
    deadline: float | None = None,
    tables: bool = False,
) -> PdfText:
    """Extract the text of every page of a PDF, within a time and size bound.

    Args:
        source: the PDF's bytes or a path to it.
        max_bytes: refuse files larger than this (bytes); None for no limit.
        max_pages: refuse documents with more pages than this; None for no limit.
        min_chars: fewer non-blank characters than this in the whole document means no text layer.
        max_seconds: wall-clock budget (seconds) for opening the document, and for all its pages
            together plus ``DEFAULT_SECONDS_PER_PAGE`` per page; None: ``DEFAULT_MAX_SECONDS``
            (read at call time); 0 for no limit.
        max_page_seconds: wall-clock budget (seconds) for one page; None:
            ``DEFAULT_MAX_PAGE_SECONDS`` (read at call time); 0 for no limit.
        deadline: a ``time.monotonic()`` value by which the whole extraction must end (a caller
            that must answer in time, e.g. a web request); None for none. Past it:
            ``extraction_timeout``.
        tables: a spec: its titled tables are read by their layout, one line per header and row with the
            cells parted by " | " (``engine.layout_tables``).

    Returns:
        PdfText with one string per page (NFKC-normalised, no NUL characters).

    Raises:
        PdfError: code ``not_a_pdf``, ``corrupt_pdf``, ``encrypted`` (a user password is needed;
            an empty user password is tried and opens), ``no_text_layer`` (image-only: OCR
            needed), ``too_large``, ``too_many_pages``, ``extraction_timeout`` (a page or the
            document took longer than its budget) or ``too_complex`` (a page has more than
            ``MAX_PAGE_OPERATORS`` operators or ``MAX_PAGE_CHARS`` characters, the document more
            than ``MAX_DOCUMENT_CHARS``, or a stream decodes to more than ``MAX_STREAM_BYTES``).
    """
    if isinstance(source, bytes):
        data = source
    else:
        with open(source, "rb") as fh:
            data = fh.read()
    if max_bytes is not None and len(data) > max_bytes:
        raise PdfError(TOO_LARGE, f"File is {len(data):,} bytes; the limit is {max_bytes:,} bytes.")
    if not data:
        raise PdfError(NOT_A_PDF, "The file is empty.")
    if not looks_like_pdf(data):
        raise PdfError(NOT_A_PDF, "The file is not a PDF (no %PDF- header).")
    if max_seconds is None:
        max_seconds = DEFAULT_MAX_SECONDS
    if max_page_seconds is None:
        max_page_seconds = DEFAULT_MAX_PAGE_SECONDS
    started = time.monotonic()

    def left(limit: float) -> float:
        """``limit`` seconds (0: none) shortened to what the deadline leaves (at least 1 ms)."""
        if deadline is None:
            return limit
        remaining = max(deadline - time.monotonic(), 0.001)
        return min(limit, remaining) if limit else remaining

    try:
        with apply_configuration(**_PYPDF_LIMITS):
            with _alarm(left(max_seconds), "the document"):
                reader, count = _open(data)
            budget = max_seconds + DEFAULT_SECONDS_PER_PAGE * count if max_seconds else None
            if max_pages is not None and count > max_pages:
                raise PdfError(TOO_MANY_PAGES, f"The PDF has {count:,} pages; the limit is {max_pages:,}.")
            pages = []
            failed = total = 0
            carry = _TableCarry() if tables else None
            for number in range(count):
                if budget is not None and time.monotonic() - started > budget:
                    raise _timeout(budget, "the document")
                if deadline is not None and time.monotonic() >= deadline:
                    raise _timeout(round(time.monotonic() - started, 1), "the document")
                text = _page_text(reader, number, left(max_page_seconds), carry)
                if text is None and carry is not None:
                    carry.carry = None  # a page that could not be read ends any table running over it
                if text is None:
                    pages.append("")
                    failed += 1
                    continue
                total += len(text)
                if total > MAX_DOCUMENT_CHARS:
                    raise _OverBudget(
                        TOO_COMPLEX,
                        f"The PDF's text is longer than {MAX_DOCUMENT_CHARS:,} characters; split it.",
                    )
                pages.append(text)
    except _OverBudget as exc:
        raise PdfError(exc.code, exc.message) from None
    if failed == count:
        raise PdfError(CORRUPT_PDF, "No page of the PDF could be read.")
    if sum(len("".join(p.split())) for p in pages) < min_chars:
        raise PdfError(
            NO_TEXT_LAYER,
            "The PDF has no text layer (an image-only scan); run it through OCR and upload the result.",
        )
    return PdfText(pages=pages)


@dataclass
class _TableCarry:
    """A spec's table running from one page onto the next: its first header line."""

    carry: str | None = None


def _open(data: bytes) -> tuple[PdfReader, int]:
    """Open the PDF (trying the empty user password) and count its pages, with coded errors."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # unsupported algorithm, bad encryption dictionary
                raise PdfError(ENCRYPTED, f"The PDF is encrypted and could not be opened: {exc}") from exc
            if not opened:
                raise PdfError(
                    ENCRYPTED, "The PDF is protected by a user password; send an unprotected copy."
                )
        count = len(reader.pages)
    except PdfError:
        raise
    except FileNotDecryptedError as exc:
        raise PdfError(
            ENCRYPTED, "The PDF is protected by a user password; send an unprotected copy."
        ) from exc
    except LimitReachedError as exc:  # page tree too deep or too wide, oversized streams
        raise PdfError(
            TOO_COMPLEX, f"The PDF's structure is beyond the safety limits ({exc}); it cannot be read."
        ) from exc
    except Exception as exc:  # pypdf raises many types on hostile files; all mean "damaged"
        raise PdfError(
            CORRUPT_PDF, f"The PDF is damaged and cannot be read ({exc.__class__.__name__})."
        ) from exc
    if count == 0:
        raise PdfError(CORRUPT_PDF, "The PDF has no pages.")
    return reader, count


def _page_text(
    reader: PdfReader, number: int, max_seconds: float, tables: _TableCarry | None = None
) -> str | None:
    """The cleaned text of page ``number`` (0-based), or None when that page cannot be read; with ``tables``
    (a spec's pages, read in order), its titled tables rewritten by their layout (``engine.layout_tables``).

    Raises ``_OverBudget`` when the page crosses a bound (time, operators, characters, stream size).
    """
    what = f"page {number + 1}"
    operators = 0
    deadline = time.monotonic() + max_seconds if max_seconds else None

    def count_operator(operator: object, operands: object, cm: object, tm: object) -> None:
        nonlocal operators
        operators += 1
        if operators > MAX_PAGE_OPERATORS:
            raise _OverBudget(
                TOO_COMPLEX,
                f"Page {number + 1} has more than {MAX_PAGE_OPERATORS:,} drawing operators; "
                "the PDF is too complex to read (or built to explode). Simplify it (print to PDF).",
            )
        # The clock, for threads where no alarm can be set (cheap: once per 256 operators).
        if deadline is not None and not operators & 255 and time.monotonic() > deadline:
            raise _timeout(max_seconds, what)

    try:
        page = reader.pages[number]
        if max_seconds and not _can_alarm():
            size = _content_bytes(page)
            if size > MAX_PAGE_CONTENT_BYTES_UNALARMED:
                raise _OverBudget(
                    TOO_COMPLEX,
                    f"Page {number + 1} has {size:,} bytes of drawing instructions (the limit here is "
                    f"{MAX_PAGE_CONTENT_BYTES_UNALARMED:,}); the PDF is too complex to read here. "
                    "Submit it for background analysis, or simplify it (print to PDF).",
                )
        with _alarm(max_seconds, what):
            raw = page.extract_text(visitor_operand_before=count_operator)
            # a checklist's X marks stand under PASS / FAIL / N/A columns; a header grid's values under labels
            wants_tables = (
                tables is not None and bool(raw) and (tables.carry or layout_tables.needs_layout(raw))
            )
            # an audit's header grid stands on its first page
            grid = tables is None and number == 0 and bool(raw) and headgrid.needs_layout(raw)
            mark = bool(raw) and marks.needs_layout(raw)
            if raw and (mark or grid or wants_tables):
                layout = page.extract_text(extraction_mode="layout")
                if mark:
                    raw = marks.resolve_marks(raw, layout)
                if grid:
                    raw = headgrid.resolve_grids(raw, layout)
                if wants_tables and tables is not None:
                    raw, tables.carry = layout_tables.resolve_tables(raw, layout, tables.carry)
            elif tables is not None:
                tables.carry = None
    except LimitReachedError as exc:
        raise _OverBudget(
            TOO_COMPLEX, f"Page {number + 1} is beyond the safety limits ({exc}); the PDF cannot be read."
        ) from None
    except Exception as exc:  # a bad font or content stream spoils one page, not the file
        log.warning("page %s: text extraction failed: %s", number + 1, exc.__class__.__name__)
        return None
    if len(raw or "") > MAX_PAGE_CHARS:
        raise _OverBudget(
            TOO_COMPLEX, f"Page {number + 1} has more than {MAX_PAGE_CHARS:,} characters of text; split it."
        )
    return clean_text(raw)
