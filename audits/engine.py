"""Retrieval and verdicts: infraction + spec library -> VALID / REPEALABLE / NEEDS_REVIEW. Plain Python.

STUB: the interface is fixed; the analysis-engine work fills in the rules (see DESIGN.md §1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENGINE_VERSION = "0.1"


@dataclass
class ClauseRecord:
    """A clause as the engine sees it (no Django model)."""

    id: int | None
    document: str
    title: str
    revision: str
    section: str
    heading: str
    text: str
    kind: str
    page: int
    data: dict = field(default_factory=dict)


class Library:
    """The active clauses of the spec library with a ranking index, built once per library version."""

    def __init__(self, clauses: list[ClauseRecord]):
        self.clauses = clauses

    def __len__(self) -> int:
        return len(self.clauses)


@dataclass
class Decision:
    verdict: str  # "VALID" | "REPEALABLE" | "NEEDS_REVIEW"
    confidence: float
    reason: str
    citations: list[dict]  # [{"document","title","revision","section","page","quote","score"}], best first
    details: dict = field(default_factory=dict)


def decide(description: str, fields: dict, library: Library) -> Decision:
    """Decide one infraction (its text and layout fields) against the library."""
    return Decision("NEEDS_REVIEW", 0.0, "No governing clause found in the spec library.", [])
