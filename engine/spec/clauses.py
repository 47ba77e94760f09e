"""A spec's clauses: what ``parse_spec`` returns (``ParsedSpec``, ``ParsedClause``), the clause kinds, and
the clause being read (``OpenClause``) with the text shaping that closes it (wrapped lines joined, long
texts cut).

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from engine.spec.patterns import BULLET

REQUIREMENT = "requirement"
EXCEPTION = "exception"
NOTE = "note"
TABLE_ROW = "table_row"
DEFINITION = "definition"
MAX_CLAUSE_CHARS = 4000  # a clause longer than this is cut (numbered sections)
CHUNK_CHARS = 1200  # unnumbered prose is cut into pieces of about this many characters
HEADING_CHARS = 300  # a clause's heading is kept to this many characters


@dataclass
class ParsedClause:
    """One citable clause. ``kind`` is requirement/exception/note/table_row/definition; ``page`` is 1-based."""

    section: str
    heading: str
    text: str
    kind: str
    page: int
    order: int
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedSpec:
    """A parsed spec: its identity (number, title, revision, effective date) and its clauses in order."""

    document_number: str
    title: str
    revision: str
    effective_date: dt.date | None
    clauses: list[ParsedClause]


@dataclass
class OpenClause:
    """The clause being read: its section, heading, kind, first page and lines so far."""

    section: str
    heading: str
    kind: str
    page: int
    lines: list[str]
    data: dict[str, Any] = field(default_factory=dict)

    def close(self, order: int) -> list[ParsedClause]:
        """The clauses this one gives, numbered from ``order``: its lines joined (a section's title line
        kept on a line of its own), cut when long; none when it holds no text, or when it is unnumbered
        prose shorter than 20 characters. All pieces share one ``data`` dict."""
        if self.data.get("title_line") and len(self.lines) > 1:
            text = self.lines[0].strip() + "\n" + join_lines(self.lines[1:])
        else:
            text = join_lines(self.lines)
        self.data.pop("title_line", None)
        if not text or not (self.section or len(text) >= 20):
            return []
        pieces = cut_text(text, MAX_CLAUSE_CHARS if self.section else CHUNK_CHARS)
        return [
            ParsedClause(
                self.section, self.heading[:HEADING_CHARS], piece, self.kind, self.page, order + i, self.data
            )
            for i, piece in enumerate(pieces)
        ]


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into paragraphs; bullets and list items keep their own lines. A word broken
    with a hyphen at a line end ("require-" / "ment") is joined without a space."""
    out: list[str] = []
    for line in lines:
        line = re.sub(r"\s+", " ", line).strip()
        if not line:
            continue
        if out and not BULLET.match(line):
            prev = out[-1]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[:1].islower():
                out[-1] = prev + line
            else:
                out[-1] = prev + " " + line
        else:
            out.append(line)
    return "\n".join(out)


def cut_text(text: str, limit: int) -> list[str]:
    """Cut a long text at paragraph or sentence ends into pieces of at most about ``limit`` chars."""
    if len(text) <= limit:
        return [text]
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end))
            if cut > start + limit // 3:
                end = cut + 1
        pieces.append(text[start:end].strip())
        start = end
    return [p for p in pieces if p]
