"""Checklist marks: the ``X`` set under a ``PASS`` / ``FAIL`` / ``N/A`` column, read by where it stands.

A checklist printed as a grid marks each row's answer with an ``X`` (or a check mark) in one of its answer
columns. Plain page text keeps the mark but not its column ("1 Cutout leads ... X Pole 4: ..."), so the
answer is lost; the page's layout text keeps the columns' offsets. ``resolve_marks`` reads each row's mark
against the header's answer columns in the layout text and writes the column's word in place of the mark in
the plain text ("1 Cutout leads ... FAIL Pole 4: ..."), which the checklist layout then reads as any answer.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re

# the answer columns a checklist header names (the words, as printed)
_ANSWER = r"PASS|FAIL|N/?A|YES|NO|OK|SAT|UNSAT|DEFICIENT|ACCEPT|REJECT|C|NC|Y|N"
_ANSWER_WORD = re.compile(rf"(?<!\S)(?:{_ANSWER})(?!\S)", re.I)
_MARK = re.compile(r"(?<!\S)[Xx\u2713\u2714\u221a](?!\S)")
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})(?!\S)")
MAX_OFFSET = 6  # characters a mark may stand from its column's centre


def _header_columns(line: str) -> list[tuple[float, str]]:
    """(centre offset, word) of the answer columns a header line names; [] unless it names two or more, each
    capitalised as a column heading is (at least one longer than a letter), and the line is no numbered row
    (a comment "no marker, N/A on retest" heads nothing)."""
    if _ROW_NUMBER.match(line):
        return []
    found = [((m.start() + m.end()) / 2, m.group(0)) for m in _ANSWER_WORD.finditer(line)]
    if len(found) < 2 or not all(w[:1].isupper() for _, w in found) or not any(len(w) > 2 for _, w in found):
        return []
    return found


def needs_layout(plain: str) -> bool:
    """Whether ``plain`` (a page's text) holds a checklist header with answer columns and rows marked with a
    bare mark: only then is the page's layout text worth reading."""
    lines = plain.split("\n")
    return any(_header_columns(x) for x in lines) and any(
        _ROW_NUMBER.match(x) and _MARK.search(x) for x in lines
    )


def row_answers(layout: str) -> dict[tuple[int, str], tuple[str, int]]:
    """(table, row number) -> (the answer column word its mark stands under, which bare mark of the row's line it
    is), read from a page's ``layout`` text (pypdf ``extraction_mode="layout"``). Tables are counted by their
    header lines, so two checklists on one page keep their own rows. A row whose mark is further than
    ``MAX_OFFSET`` characters from every column, or whose mark line carries no row number, is left out."""
    answers: dict[tuple[int, str], tuple[str, int]] = {}
    columns: list[tuple[float, str]] = []
    table = -1
    for line in layout.split("\n"):
        head = _header_columns(line)
        if head:
            columns, table = head, table + 1
            continue
        row = _ROW_NUMBER.match(line)
        if not columns or row is None:
            continue
        for k, m in enumerate(_MARK.finditer(line, row.end())):
            at = (m.start() + m.end()) / 2
            centre, word = min(columns, key=lambda c: abs(c[0] - at))
            if abs(centre - at) <= MAX_OFFSET:
                answers.setdefault((table, row.group(1)), (word, k))
                break
    return answers


def resolve_marks(plain: str, layout: str) -> str:
    """``plain`` with each numbered row's answer mark replaced by the answer column it stands under.

    Args:
        plain: a page's text as extracted (rows "1 Item text X Comments").
        layout: the same page's layout text, columns kept by spaces.

    Returns:
        The page text with marks resolved ("1 Item text FAIL Comments"); unchanged where no column is known.
        The mark replaced is the row line's bare mark at the same place among its bare marks as in the layout
        text ("1 Crossarm 3 x 4 in brace X": the second).
    """
    answers = row_answers(layout)
    if not answers:
        return plain
    out = []
    table = -1
    for line in plain.split("\n"):
        if _header_columns(line):
            table += 1
        row = _ROW_NUMBER.match(line)
        got = answers.get((table, row.group(1))) if row else None
        if row and got:
            word, k = got
            marks = list(_MARK.finditer(line, row.end()))
            if k < len(marks):
                m = marks[k]
                line = line[: m.start()] + word.upper() + line[m.end() :]
        out.append(line)
    return "\n".join(out)
