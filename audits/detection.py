"""Audit text -> job metadata and infractions (go-backs). Plain Python, no Django.

STUB: the interface is fixed; the detection work fills in the rules.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class AuditMetadata:
    pm_number: str = ""
    notification_number: str = ""
    location: str = ""
    contractor: str = ""
    foreman: str = ""
    auditor: str = ""
    audit_date: str = ""  # ISO 8601 (YYYY-MM-DD) or ""
    score: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class DetectedInfraction:
    """One go-back: ``code`` as the audit names it ("Item 1", "INFRACTION #2", "NCI-01"), 1-based page."""

    code: str
    description: str
    page: int
    layout: str = ""
    fields: dict = field(default_factory=dict)


def extract_metadata(pages: list[str]) -> AuditMetadata:
    """Read PM number, notification number, location, contractor, foreman, auditor, date, score."""
    return AuditMetadata()


def detect_infractions(pages: list[str]) -> tuple[list[DetectedInfraction], list[str]]:
    """Find every infraction; returns (infractions in document order, warnings such as count mismatches)."""
    return [], []
