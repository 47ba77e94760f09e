"""Nexa's analysis engine: plain Python, no Django (docs/architecture.md).

The Django apps reach it through this surface only:

* ``read_pdf(data, ...)`` -> ``PdfText`` (pages of text) or ``PdfError`` with an error code;
* ``detect(pages)`` -> ``(infractions, warnings)``; ``extract_metadata(pages)`` -> ``AuditMetadata``;
* ``parse_spec(pages, filename)`` -> ``ParsedSpec`` (document identity and clauses);
* ``ClauseRecord``, ``Library`` (the clauses and their retrieval index), ``decide(...)`` -> ``Decision``;
* ``ENGINE_VERSION``: cached results are keyed by it.
"""

from engine.audit.detection import DetectedInfraction
from engine.audit.detection import detect_infractions as detect
from engine.audit.metadata import extract_metadata
from engine.library import ENGINE_VERSION, ClauseRecord, Decision, Library
from engine.pdftext import PdfError, PdfText
from engine.pdftext import extract_pages as read_pdf
from engine.spec.parsing import ParsedSpec, parse_spec
from engine.verdicts import decide

__all__ = [
    "ENGINE_VERSION",
    "ClauseRecord",
    "Decision",
    "DetectedInfraction",
    "Library",
    "ParsedSpec",
    "PdfError",
    "PdfText",
    "decide",
    "detect",
    "extract_metadata",
    "parse_spec",
    "read_pdf",
]
