"""The analysis pipeline on Django models: audit PDF -> infractions and findings rows -> §3 result.

Thin orchestration over the plain-Python engine's surface (``engine.read_pdf``, ``engine.detect``,
``engine.decide``); used by ``manage.py analyze_audit``, ``POST /analyze-audit`` and the RQ task.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

import engine
from audits.confidence import round_confidence
from audits.library import load_library
from audits.models import Audit, Finding, Infraction
from engine import PdfError, read_pdf

EMPTY_LIBRARY = "empty_library"

Progress = Callable[[str, int], None]  # (stage, percent 0-100)


def _noop(stage: str, percent: int) -> None:
    pass


def analyze_audit(audit: Audit, progress: Progress = _noop, deadline: float | None = None) -> dict:
    """Run the whole analysis of ``audit`` and store its infractions and findings.

    Stages reported through ``progress``: extracting, detecting, matching, deciding, saving.
    ``deadline`` (a ``time.monotonic()`` value, or None) bounds text extraction as a whole
    (``extraction_timeout`` once it passes); ``progress`` may raise to stop between stages.

    Returns:
        The §3 result dict (see ``result_for``).

    Raises:
        PdfError: bad input (codes ``not_a_pdf``, ``corrupt_pdf``, ``encrypted``,
            ``no_text_layer``, ``too_large``, ``too_many_pages``) or ``empty_library``.
    """
    progress("extracting", 5)
    with audit.file.open("rb") as fh:
        data = fh.read()
    text = read_pdf(
        data, max_bytes=settings.NEXA_MAX_UPLOAD_BYTES, max_pages=settings.NEXA_MAX_PAGES, deadline=deadline
    )
    progress("detecting", 25)
    meta = engine.extract_metadata(text.pages)
    found, warnings = engine.detect(text.pages)
    progress("matching", 45)
    version, library = load_library()
    if not len(library):
        raise PdfError(EMPTY_LIBRARY, "The spec library has no READY documents; import specs first.")
    progress("deciding", 60)
    # the audit's date dates the finding's year-only events ("inspected in 2003")
    decisions = [
        engine.decide(inf.description, {**inf.fields, "audit_date": meta.audit_date}, library)
        for inf in found
    ]
    progress("saving", 90)
    with transaction.atomic():
        audit.page_count = text.page_count
        for name, value in meta.as_dict().items():
            if name == "audit_date":
                value = _parse_date(value)
            setattr(audit, name, value or ("" if name != "audit_date" else None))
        audit.warnings = warnings
        audit.library_version = version
        audit.engine_version = engine.ENGINE_VERSION
        audit.analyzed_at = timezone.now()
        audit.save()
        audit.infractions.all().delete()
        for order, (inf, dec) in enumerate(zip(found, decisions, strict=True)):
            row = Infraction.objects.create(
                audit=audit,
                order=order,
                code=inf.code[:64],
                description=inf.description,
                page=inf.page,
                layout=inf.layout,
                fields=inf.fields,
            )
            Finding.objects.create(
                infraction=row,
                verdict=dec.verdict,
                confidence=round_confidence(dec.confidence),
                reason=dec.reason,
                citations=dec.citations,
                details=dec.details,
            )
    return result_for(audit)


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def audit_metadata(audit: Audit) -> dict:
    """The ``audit`` object of the §3 result."""
    return {
        "pm_number": audit.pm_number,
        "notification_number": audit.notification_number,
        "location": audit.location,
        "contractor": audit.contractor,
        "foreman": audit.foreman,
        "auditor": audit.auditor,
        "audit_date": audit.audit_date.isoformat() if audit.audit_date else "",
        "score": audit.score,
    }


def infraction_dict(inf: Infraction) -> dict:
    """One entry of the §3 result's ``infractions`` list."""
    finding = getattr(inf, "finding", None)
    verdict = finding.verdict if finding else Finding.Verdict.NEEDS_REVIEW
    citations = finding.citations if finding else []
    return {
        "code": inf.code,
        "description": inf.description,
        "page": inf.page,
        "status": verdict,
        "is_repealable": verdict == Finding.Verdict.REPEALABLE,
        "confidence": round_confidence(finding.confidence) if finding else 0.0,
        "reason": finding.reason if finding else "",
        "spec_references": list(dict.fromkeys(c["document"] for c in citations)),
        "citations": citations,
    }


def result_for(audit: Audit) -> dict:
    """The §3 result of an analysed audit, built from its stored rows (so it outlives Redis)."""
    infractions = [infraction_dict(i) for i in audit.infractions.select_related("finding").order_by("order")]
    counts = {v: 0 for v in Finding.Verdict.values}
    for item in infractions:
        counts[item["status"]] += 1
    return {
        "file": audit.original_filename,
        "status": "SUCCESS",
        "error": None,
        "audit": audit_metadata(audit),
        "infractions_found": len(infractions),
        "summary": {
            "repealable": counts["REPEALABLE"],
            "valid": counts["VALID"],
            "needs_review": counts["NEEDS_REVIEW"],
        },
        "warnings": list(audit.warnings or []),
        "infractions": infractions,
    }


def failure_result(filename: str, code: str, message: str) -> dict:
    """The §3 result of a file that could not be analysed."""
    return {
        "file": filename,
        "status": "FAILURE",
        "error": {"code": code, "message": message},
        "audit": None,
        "infractions_found": 0,
        "summary": {"repealable": 0, "valid": 0, "needs_review": 0},
        "infractions": [],
    }
