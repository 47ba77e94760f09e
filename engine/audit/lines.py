"""An audit's pages -> its content lines (running headers, footers and page marks dropped with
``engine.pagetext``), and the typical width of a wrapped line."""

from __future__ import annotations

import re

from engine.audit.patterns import (
    BULLET,
    GENERIC_LABEL,
    ID_LEAD,
    LEAD,
    NUMBERED,
    ROW_Q,
    SPACED_ID_LEAD,
    Line,
    ends_sentence,
)
from engine.pagetext import edge_indexes, edge_key, is_page_mark, repeated_edge_lines


def looks_like_content(text: str) -> bool:
    """An item line (lead, checklist row, list item, id) is never a running header."""
    return bool(
        LEAD.match(text)
        or ROW_Q.match(text)
        or NUMBERED.match(text)
        or BULLET.match(text)
        or ID_LEAD.match(text)
        or SPACED_ID_LEAD.match(text)
    )


def content_lines(pages: list[str]) -> list[Line]:
    """Lines of all pages with running headers/footers dropped; blanks at page edges removed."""
    split = [[ln.rstrip() for ln in (p or "").split("\n")] for p in pages]
    repeated = repeated_edge_lines(split, 3, 2)
    out: list[Line] = []
    for pno, lines in enumerate(split, start=1):
        edges = edge_indexes(lines, 3)
        if not edges:
            continue
        first, last = edges[0], edges[-1]
        for i in range(first, last + 1):
            ln = lines[i]
            if ln.strip() and is_page_mark(ln, i in (first, last)):
                continue
            if i in edges and edge_key(ln) in repeated and not looks_like_content(ln.strip()):
                continue
            out.append(Line(ln.strip(), pno))
    # A page break is not a paragraph break: drop blanks at page joins. When blank lines
    # are everywhere (double-spaced extraction) they mark nothing: drop them all.
    blanks = sum(1 for ln in out if not ln.text)
    if blanks > 0.35 * max(len(out), 1):
        return [ln for ln in out if ln.text]
    next_page: list[int | None] = [None] * len(out)
    upcoming: int | None = None
    for k in range(len(out) - 1, -1, -1):
        next_page[k] = upcoming
        if out[k].text:
            upcoming = out[k].page
    cleaned: list[Line] = []
    for k, line in enumerate(out):
        if not line.text:
            prev = cleaned[-1] if cleaned else None
            if prev is None or not prev.text or next_page[k] != prev.page:
                continue
        cleaned.append(line)
    return cleaned


def is_record_line(text: str) -> bool:
    """A complete ``label: text`` or ``ID: text`` line that is no lead (it ends a sentence)."""
    if not ends_sentence(text) or LEAD.match(text):
        return False
    m = ID_LEAD.match(text)
    return bool(m and m.group("sep")) or bool(GENERIC_LABEL.match(text))


FULL_STOP_REACH = 0.9
# A line ending on a conjunction, preposition, article or comma runs on to the next line.
DANGLING = re.compile(
    r"(?:,|\b(?:and|or|but|nor|of|the|a|an|to|at|in|on|for|by|from|with|into|onto|than|as|per|is|are|was"
    r"|were|be|been|that|which|where|while|whose|its|their|this|these|between|across|along|near|over|under)\s*)$",
    re.IGNORECASE,
)


def wrap_width(lines: list[Line]) -> int:
    """Typical length of a full line (a wrapped line runs close to it); 60+ for a few lines."""
    # Record lines ("CR-12: framing per drawing.") are short by nature, not wrapped.
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) >= 30 and not is_record_line(ln.text))
    if not lengths:
        return 80
    width = lengths[round(0.9 * (len(lengths) - 1))]
    return width if len(lengths) >= 5 else max(60, width)
