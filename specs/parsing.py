"""Spec PDF text -> document number, title, revision and clauses. Plain Python, no Django.

STUB: the interface is fixed; the spec-library work fills in the rules.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field


@dataclass
class ParsedClause:
    """One citable clause. ``kind`` is requirement/exception/note/table_row/definition; ``page`` is 1-based."""

    section: str
    heading: str
    text: str
    kind: str
    page: int
    order: int
    data: dict = field(default_factory=dict)


@dataclass
class ParsedSpec:
    document_number: str
    title: str
    revision: str
    effective_date: dt.date | None
    clauses: list[ParsedClause]


def parse_spec(pages: list[str], filename: str) -> ParsedSpec:
    """Parse the page texts of a spec PDF (``pages[i]`` is page i+1); ``filename`` gives the fallback number."""
    stem = os.path.splitext(os.path.basename(filename))[0]
    clauses = [ParsedClause("", "", p, "requirement", i + 1, i) for i, p in enumerate(pages) if p.strip()]
    return ParsedSpec(stem, "", "", None, clauses)
