"""Case-by-column clearance tables, as the General Orders write them. Plain Python, no Django.

GO 95 Table 1 (and tables written like it) is a grid: columns are lettered wire classes with voltage ranges
("Column E - Supply conductors and supply cables 750 - 22,500 V"), rows are numbered cases naming what the
wire passes over ("3  Crossing or along thoroughfares in urban districts ..."), cells are values with letter
references to the notes after the table ("18 (j) (k)"). Extracted from a PDF, each wrapped cell line is a
line of its own, the header row repeats after a page break and the notes follow the last row. ``read_grid``
reads that stream back into cases, columns, cells and notes (docs/architecture.md, "How documents are
numbered").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.vocab import CELL_UNITS, labels_pattern

_COLUMN = re.compile(r"\bColumn\s+([A-Z])\b\s*[-\u2013\u2014:]?\s*")
_CASE_ONLY = re.compile(r"^\s*(\d{1,2})\s*$")
_CASE_LINE = re.compile(r"^\s*(\d{1,2})\s+(?=[A-Z])(.*)$")
# "1 0 - 5,000 volts 11.5 in": a case whose label is a range of values (taken when the values parse)
_CASE_LINE_NUM = re.compile(r"^\s*(\d{1,2})\s+(?=\d)(.*[A-Za-z].*)$")
# a cell value; "Prohibited" (GO 95 Table 2-A) is a cell no clearance meets
_VALUE = re.compile(r"^(?:\d[\d,]*(?:\.\d+)?|\d+'(?:-?\d+\")?|[\u2014\u2013-]|N/?A|NR|(?i:prohibited|none))$")
_NOTE_REF = re.compile(r"^(?:\([a-z]{1,2}(?:,[a-z]{1,2})*\))+$")  # "(j)", "(d,e)", "(g)(oo)"
_CELL_UNIT = re.compile(rf"(?i)^(?:{labels_pattern(CELL_UNITS)})$")  # "19 in"
_LETTER_LINE = re.compile(
    r"^(?:Column\s+)?([A-Z])(?:\s*[-\u2013\u2014:]\s*(.*)|\s*)$"
)  # "A", "Column E - Supply"
_NOTE_LINE = re.compile(r"^\s*\(([a-z]{1,2})\)\s+(\S.*)$")
# "Notes to Table 1", "References to rules modifying minimum clearances in Table 2-A:" (GO 95's heading of its notes)
_NOTES_HEAD = re.compile(r"(?i)^\s*(?:notes?|references\s+to\s+rules\s+modifying)\b.*\btable\b")
_UNIT = re.compile(r"(?i)\b(?:values?\s+)?in\s+(feet|inches|meters|millimeters)\b|\((ft|in|feet|inches)\)")
_UNITS = {"feet": "ft", "ft": "ft", "inches": "in", "in": "in", "meters": "m", "millimeters": "mm"}
MAX_LABEL_LINES = 14  # a case label longer than this is prose, not a table row


@dataclass
class GridRow:
    case: str  # "3"
    label: str  # "Crossing or along thoroughfares in urban districts, ..."
    cells: list[str]  # one per column, as printed ("18", "-")
    notes: list[list[str]]  # per column, the letters of the notes referred to ("j", "k")
    page: int  # 1-based


@dataclass
class Grid:
    title: str
    unit: str  # "ft" when the table says its values are in feet; "" when each cell carries its unit
    columns: list[tuple[str, str]]  # (letter, description)
    rows: list[GridRow] = field(default_factory=list)
    notes: list[tuple[str, str, int]] = field(default_factory=list)  # (letter, text, page)
    consumed: set[tuple[int, int]] = field(default_factory=set)  # (page index, line index) read


def _values(tokens: list[str]) -> tuple[list[str], list[list[str]]] | None:
    """Cells and their note letters when every token is a value or a note reference; else None."""
    cells: list[str] = []
    notes: list[list[str]] = []
    for tok in tokens:
        m = _NOTE_REF.match(tok)
        if m:
            if not cells:
                return None
            notes[-1].extend(re.findall(r"[a-z]{1,2}", tok))
        elif _VALUE.match(tok):
            cells.append(tok)
            notes.append([])
        elif cells and _CELL_UNIT.match(tok) and cells[-1][:1].isdigit() and " " not in cells[-1]:
            cells[-1] += f" {tok}"  # a cell that carries its own unit ("19 in")
        else:
            return None
    return cells, notes


def _row_values(line: str, ncols: int) -> tuple[str, list[str], list[list[str]]] | None:
    """``(label text before the values, cells, notes)`` when ``line`` ends with ``ncols`` values."""
    tokens = line.split()
    for start in range(len(tokens)):
        got = _values(tokens[start:])
        if got and len(got[0]) == ncols:
            return " ".join(tokens[:start]), got[0], got[1]
        if got is not None:
            break
    return None


def _starts_case(text: str, ncols: int) -> bool:
    """A case number alone ("3") or a case written on one line with its values ("1 Span wires ... 18 48")."""
    if _CASE_ONLY.match(text):
        return True
    m = _CASE_LINE.match(text) or _CASE_LINE_NUM.match(text)
    got = _row_values(m.group(2), ncols) if m else None
    return bool(m and got and (m.re is _CASE_LINE or re.search(r"[A-Za-z]", got[0])))


def _join_heading(lines: list[str]) -> str:
    """A column heading from its wrapped lines: "mes-" + "sengers" -> "messengers", "750-" + "7,500 V" ->
    "750-7,500 V", "Column C" + "- Trolley" -> "Trolley"."""
    out = ""
    for line in (x.strip() for x in lines):
        if not line:
            continue
        if out.endswith("-") and not out.endswith(" -") and (line[:1].islower() or line[:1].isdigit()):
            out = out[:-1] + line if line[:1].islower() else out + line
        else:
            out = f"{out} {line}" if out else line
    return " ".join(out.lstrip("-\u2013\u2014 ").split()).strip(" ,;")


def read_grid(
    stream: list[tuple[int, int, str]], title: str, stop: Callable[[int, int, str], bool]
) -> Grid | None:
    """Read a case-by-column table from the lines after its title.

    Args:
        stream: ``(page index, line index, text)`` of the lines after the title line, in document order
            (running headers and footers already removed); blank lines are ``""``.
        title: the table's title line ("Table 1 - Basic Minimum Allowable Vertical Clearance ...").
        stop: ``stop(page, line, text)`` is true for a line that starts something else (a rule heading).

    Returns:
        The grid, or None when the lines are not a lettered-column table with numbered cases (the caller
        then reads the table as plain rows).
    """
    pre: list[str] = []
    header: list[str] = []
    cols: list[tuple[str, list[str]]] = []  # (letter, heading lines)
    opening: set[tuple[int, int]] = set()
    min_cols = 2  # columns a grid needs; 1 when its one column is written "Column A"
    i = 0
    # title continuation and row labels, then the column headings up to the first case
    while i < len(stream):
        p, li, text = stream[i]
        if not text:
            i += 1
            continue
        if not cols and stop(p, li, text):
            return None  # a heading before any column: not a grid (inside the header, "Rule 57.8" is text)
        if len(cols) >= min_cols and _starts_case(text, len(cols)):
            break
        m = _LETTER_LINE.match(text)
        expected = chr(ord(cols[-1][0]) + 1) if cols else "A"
        if m and m.group(1) == expected and (cols or m.group(1) == "A"):
            cols.append((m.group(1), [m.group(2) or ""]))
            if m.group(1) == "A" and text.lstrip().startswith("Column"):
                # "Column A: minimum top circumference": a table may letter its one value column
                min_cols = 1
        elif cols:
            cols[-1][1].append(text)
        else:
            pre.append(text)
        (header if cols else pre[:0]).append(text)
        opening.add((p, li))
        if len(pre) > 10 or len(header) > 120:
            return None
        i += 1
    columns = [(letter, _join_heading(lines)) for letter, lines in cols]
    if columns:  # a trailing "Notes" heading names the note letters after the values, not a column
        columns[-1] = (columns[-1][0], re.sub(r"\s+Notes?$", "", columns[-1][1]))
    if len(columns) < min_cols or i >= len(stream):
        return None
    unit_m = _UNIT.search(" ".join([title] + pre))
    unit = _UNITS[(unit_m.group(1) or unit_m.group(2)).lower()] if unit_m else ""
    # "Table 1 - ... Ground or" / "Structures (Cases 1 - 6; values in feet)": the title goes on
    full_title = f"{title} {pre[0]}" if pre and len(pre[0].split()) > 3 else title
    grid = Grid(" ".join(full_title.split()), unit, columns, consumed=opening)
    repeated = set(pre) | set(header) | {title}
    ncols = len(columns)
    case: str | None = None
    label: list[str] = []
    page = 0
    last_ok = i - 1
    while i < len(stream):
        p, li, text = stream[i]
        if not text:
            i += 1
            continue
        bare = re.sub(r"(?i)\s*\(continued\)\s*$", "", text)
        if (
            text in repeated
            or bare in repeated
            or (case is None and re.match(r"(?i)^table\s+\S+.*\bcontinued\b", text))
        ):
            grid.consumed.add((p, li))
            i += 1
            continue
        if case is None and text.startswith("[") and text.endswith("]") and "continue" in text.lower():
            i += 1  # "[Table 2 continues on the next page.]": an editorial line inside the table
            continue
        if case is None:
            m = _CASE_ONLY.match(text) or _CASE_LINE.match(text)
            if not m and _starts_case(text, ncols):
                m = _CASE_LINE_NUM.match(text)
            if not m or stop(p, li, text) and not _CASE_ONLY.match(text):
                break
            case, page = m.group(1), p + 1
            rest = m.group(2) if m.re is not _CASE_ONLY else ""
            label = []
            grid.consumed.add((p, li))
            i += 1
            if rest:
                got = _row_values(rest, ncols)
                if got:
                    grid.rows.append(GridRow(case, got[0], got[1], got[2], page))
                    case, last_ok = None, i - 1
                else:
                    label.append(rest)
            continue
        got = _row_values(text, ncols)
        if got:
            label.append(got[0])
            grid.rows.append(GridRow(case, " ".join(" ".join(label).split()), got[1], got[2], page))
            grid.consumed.add((p, li))
            case, last_ok = None, i
            i += 1
            continue
        label.append(text)
        grid.consumed.add((p, li))
        if len(label) > MAX_LABEL_LINES:
            return None
        i += 1
    if len(grid.rows) < 2:
        return None
    # lines of an unfinished row are not the table's
    kept = {(p, li) for p, li, _ in stream[: last_ok + 1]}
    grid.consumed &= kept
    _read_notes(stream, last_ok + 1, grid, stop)
    return grid


def _read_notes(
    stream: list[tuple[int, int, str]], i: int, grid: Grid, stop: Callable[[int, int, str], bool]
) -> None:
    """The lettered notes after the table ("(j) Column A: guys over ..."), until a blank line, a bracketed
    editorial line or a rule heading."""
    open_note: list[Any] | None = None
    while i < len(stream):
        p, li, text = stream[i]
        if not text or text.startswith("[") or stop(p, li, text):
            break
        if _NOTES_HEAD.match(text) and not grid.notes and open_note is None:
            grid.consumed.add((p, li))
            i += 1
            continue
        m = _NOTE_LINE.match(text)
        if m:
            if open_note:
                grid.notes.append((open_note[0], " ".join(open_note[1]), open_note[2]))
            open_note = [m.group(1), [m.group(2)], p + 1]
        elif open_note is not None:
            open_note[1].append(text)
        else:
            break
        grid.consumed.add((p, li))
        i += 1
    if open_note:
        grid.notes.append((open_note[0], " ".join(open_note[1]), open_note[2]))
