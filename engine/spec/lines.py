"""A spec's page lines: running headers, footers and page marks removed (``engine.pagetext``, shared
with the audit side). Inline "Exception:" and "Note:" are split onto lines of their own by
``engine.spec.notes.split_inline``.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

from engine.pagetext import edge_indexes, edge_key, is_page_mark, repeated_edge_lines
from engine.spec.patterns import has_quantity


def _exact_edge_line(line: str) -> bool:
    """A line that starts with a number or states a quantity keeps its digits when running headers
    are sought (a section heading or table row at the top of every page is not a running header)."""
    return line[:1].isdigit() or has_quantity(line)


def _exact_edge_key(line: str) -> str:
    return edge_key(line, _exact_edge_line(line))


def clean_page_lines(pages: list[str]) -> list[list[str]]:
    """Lines of each page with running headers/footers and page-number lines removed.

    Blank lines are kept as ``""`` (paragraph breaks); the edges of a page are its first and last
    four non-blank lines.
    """
    raw: list[list[str]] = []
    for text in pages:
        lines = [line.replace("\t", " ").strip() for line in (text or "").split("\n")]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        raw.append(lines)
    repeated = repeated_edge_lines(raw, 4, max(2, (len(raw) + 1) // 2), exact=_exact_edge_line)
    out: list[list[str]] = []
    for lines in raw:
        at_edge = set(edge_indexes(lines, 4))
        number_at = set(edge_indexes(lines, 2))  # a bare page number stands on the first or last two lines
        kept: list[str] = []
        for i, line in enumerate(lines):
            if not line:
                if kept and kept[-1]:
                    kept.append("")
                continue
            if i in at_edge and (
                _exact_edge_key(line) in repeated or is_page_mark(line, at_edge=i in number_at)
            ):
                continue
            kept.append(line)
        while kept and not kept[-1]:
            kept.pop()
        out.append(kept)
    return out
