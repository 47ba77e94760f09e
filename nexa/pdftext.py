"""Text extraction from PDFs with pypdf, with coded errors for bad input.

Plain Python (no Django imports): used by the spec import and the audit analysis alike.
"""

from __future__ import annotations

import io
import logging
import os
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

log = logging.getLogger(__name__)

# Error codes shared by every path that reads a PDF (DESIGN.md §3).
NOT_A_PDF = "not_a_pdf"
CORRUPT_PDF = "corrupt_pdf"
ENCRYPTED = "encrypted"
NO_TEXT_LAYER = "no_text_layer"
TOO_LARGE = "too_large"
TOO_MANY_PAGES = "too_many_pages"


class PdfError(Exception):
    """A PDF that cannot be read, with a stable ``code`` and a message for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass
class PdfText:
    """The text of a PDF: ``pages[i]`` is page ``i + 1``."""

    pages: list[str]

    @property
    def page_count(self) -> int:
        return len(self.pages)


def looks_like_pdf(head: bytes) -> bool:
    """Cheap check on the first bytes of a file: a PDF has ``%PDF-`` within its first 1 KiB."""
    return b"%PDF-" in head[:1024]


def _clean(text: str) -> str:
    # NFKC turns ligatures (U+FB01 "fi") into letters; PostgreSQL rejects NUL in text columns.
    text = unicodedata.normalize("NFKC", text or "").replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def extract_pages(
    source: bytes | str | os.PathLike,
    *,
    max_bytes: int | None = None,
    max_pages: int | None = None,
    min_chars: int = 20,
) -> PdfText:
    """Extract the text of every page of a PDF.

    Args:
        source: the PDF's bytes or a path to it.
        max_bytes: refuse files larger than this (bytes); None for no limit.
        max_pages: refuse documents with more pages than this; None for no limit.
        min_chars: fewer non-blank characters than this in the whole document means no text layer.

    Returns:
        PdfText with one string per page (NFKC-normalised, no NUL characters).

    Raises:
        PdfError: code ``not_a_pdf``, ``corrupt_pdf``, ``encrypted`` (a user password is needed;
            an empty user password is tried and opens), ``no_text_layer`` (image-only: OCR
            needed), ``too_large`` or ``too_many_pages``.
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
    except (PdfReadError, RecursionError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise PdfError(
            CORRUPT_PDF, f"The PDF is damaged and cannot be read ({exc.__class__.__name__})."
        ) from exc
    except Exception as exc:  # pypdf raises many types on hostile files; all mean "damaged"
        raise PdfError(
            CORRUPT_PDF, f"The PDF is damaged and cannot be read ({exc.__class__.__name__})."
        ) from exc
    if count == 0:
        raise PdfError(CORRUPT_PDF, "The PDF has no pages.")
    if max_pages is not None and count > max_pages:
        raise PdfError(TOO_MANY_PAGES, f"The PDF has {count:,} pages; the limit is {max_pages:,}.")
    pages = []
    failed = 0
    for number in range(count):
        try:
            pages.append(_clean(reader.pages[number].extract_text()))
        except Exception as exc:  # a bad font or content stream spoils one page, not the file
            log.warning("page %s: text extraction failed: %s", number + 1, exc.__class__.__name__)
            pages.append("")
            failed += 1
    if failed == count:
        raise PdfError(CORRUPT_PDF, "No page of the PDF could be read.")
    if sum(len("".join(p.split())) for p in pages) < min_chars:
        raise PdfError(
            NO_TEXT_LAYER,
            "The PDF has no text layer (an image-only scan); run it through OCR and upload the result.",
        )
    return PdfText(pages=pages)
