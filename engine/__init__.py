"""Nexa's analysis engine: plain Python, no Django (docs/architecture.md).

The Django apps reach it through this surface only:

* ``read_pdf(data, ...)`` -> ``PdfText`` (pages of text) or ``PdfError`` with an error code;
* ``detect(pages)`` -> ``(infractions, warnings)``; ``extract_metadata(pages)`` -> ``AuditMetadata``;
* ``parse_spec(pages, filename)`` -> ``ParsedSpec`` (document identity and clauses);
* ``ClauseRecord``, ``Library`` (the clauses and their retrieval index), ``decide(...)`` -> ``Decision``;
* ``ENGINE_VERSION``: cached results are keyed by it;
* upload and import helpers: ``looks_like_pdf``, ``count_pages``, ``extraction_allowance``, the error codes
  ``NOT_A_PDF``, ``TOO_LARGE``, ``EXTRACTION_TIMEOUT``, ``audit_not_spec`` / ``LOOKS_LIKE_AUDIT`` (a PDF that
  reads as a QA audit), ``modality`` (how a clause binds: shall / should / may) and ``snapshot`` (saving and
  loading a built library).

``tests/test_engine_boundary.py`` checks that the apps import nothing else from the engine.
"""

from engine import snapshot
from engine.audit.detection import DetectedInfraction
from engine.audit.detection import detect_infractions as detect
from engine.audit.metadata import extract_metadata
from engine.library import ENGINE_VERSION, ClauseRecord, Decision, Library
from engine.pdftext import (
    EXTRACTION_TIMEOUT,
    NOT_A_PDF,
    TOO_LARGE,
    PdfError,
    PdfText,
    count_pages,
    extraction_allowance,
    looks_like_pdf,
)
from engine.pdftext import extract_pages as read_pdf
from engine.requirements import modality
from engine.spec.parsing import ParsedSpec, parse_spec
from engine.spec.screen import LOOKS_LIKE_AUDIT, audit_not_spec
from engine.verdicts import decide

__all__ = [
    "ENGINE_VERSION",
    "EXTRACTION_TIMEOUT",
    "LOOKS_LIKE_AUDIT",
    "NOT_A_PDF",
    "TOO_LARGE",
    "ClauseRecord",
    "Decision",
    "DetectedInfraction",
    "Library",
    "ParsedSpec",
    "PdfError",
    "PdfText",
    "audit_not_spec",
    "count_pages",
    "decide",
    "detect",
    "extract_metadata",
    "extraction_allowance",
    "looks_like_pdf",
    "modality",
    "parse_spec",
    "read_pdf",
    "snapshot",
]
