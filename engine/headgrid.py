"""Header grids: a form's row of labels with each label's value in the row (or rows) under it.

A QA form often prints its header as a grid: "PM No. | Notification No. | Location | Contractor" over
"35402951 | 121204873 | Circuit 2108, spans 14-31 | Evergreen Vegetation Inc.", a long value wrapping onto
a second line inside its own column. Plain page text joins the cells with single spaces ("35402951
121204873 Circuit 2108, spans 14-31 Evergreen ...") and may emit a wrapped cell's lines apart, so which
words belong to which label is lost; the page's layout text keeps each cell under its label.
``resolve_grids`` reads each grid's cells from the layout text by column and writes them back into the
plain text as one value line with the cells parted by wide gaps, which the metadata reader splits as any
header table's row. A header line of label and value cells side by side ("Contractor   Tri-County Pole
Co.   Crew lead   Alan Whitaker") loses its gaps the same way and is written back with a colon after each
label.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re
from collections import Counter

from engine.pagetext import consume_words, layout_cells
from engine.vocab import HEADER_LABELS, OTHER_HEADER_LABELS, label_pattern

_TERMS = sorted(
    {label_pattern(t) for terms in HEADER_LABELS.values() for t in terms}
    | {label_pattern(t) for t in OTHER_HEADER_LABELS}
    | {label_pattern(t) for t in ("date", "score", "time", "circuit", "district", "division")},
    key=len,
    reverse=True,
)
_ONE = rf"(?:{'|'.join(_TERMS)})\s*[:#]?"
_ONE_AT = re.compile(rf"{_ONE}(?:\s+|$)", re.I)  # one label at a position, the longest spelling first
_LABEL_CELL = re.compile(rf"^{_ONE}$", re.I)
_BARE_LABEL = re.compile(
    rf"^\s*(?!page\b)(?:{'|'.join(_TERMS)})\s+[A-Z0-9]", re.I
)  # "Location Coastal Valley ..."
_LABELLED = re.compile(rf"^(?:\w+\s+){{0,2}}(?:{'|'.join(_TERMS)})\s*[:#]", re.I)  # "Overall Score: 91%"
HEAD_LINES = 40  # header grids stand at the top of the page
MAX_VALUE_LINES = 4  # a value cell wraps onto at most this many lines
CELL_GAP = "   "  # written between cells: two or more spaces part cells for the metadata reader


def _label_row(line: str) -> bool:
    """Whether ``line`` is made only of labels, at least two ("PM No. Notification No. Location Contractor"),
    read label by label from the left (no backtracking: a label that is two labels, "site location", is one)."""
    text, pos, n = line.strip(), 0, 0
    while pos < len(text):
        m = _ONE_AT.match(text, pos)
        if not m or m.end() == pos:
            return False
        pos, n = m.end(), n + 1
    return n >= 2


def needs_layout(plain: str) -> bool:
    """Whether ``plain`` (a page's text) holds, near its top, a header row of labels or a line led by a label
    with no separator after it ("Contractor Tri-County Pole Co. Crew lead ..."): only then is the page's layout
    text worth reading."""
    return any(_label_row(x) or _BARE_LABEL.match(x) for x in plain.split("\n")[:HEAD_LINES])


def _column(starts: list[int], at: int) -> int | None:
    """The column a cell starting at offset ``at`` stands in: the last column starting at or before it (a
    cell may start two characters left of its label)."""
    k = None
    for i, s in enumerate(starts):
        if at >= s - 2:
            k = i
    return k


def read_grids(layout: str) -> list[tuple[str, list[str]]]:
    """(label row as printed, each label's value) of every header grid in a page's ``layout`` text (pypdf
    ``extraction_mode="layout"``): a row whose cells are all labels, then up to ``MAX_VALUE_LINES`` lines
    whose cells each stand under a label, at most one per label and line, the first of them right under the
    labels or a blank line below, the others each right under the line before and going on values above
    them (a wrapped value's lines are joined; a blank line or a labelled cell ends the grid). A grid whose value lines leave every cell empty is left out."""
    lines = layout.split("\n")[: HEAD_LINES * 3]
    grids: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(lines):
        head = layout_cells(lines[i])
        i += 1
        if len(head) < 2 or not all(_LABEL_CELL.match(c) for _, c in head):
            continue
        starts = [s for s, _ in head]
        values: list[list[str]] = [[] for _ in head]
        while i < len(lines) and not lines[i].strip():
            i += 1  # the value row may stand a blank line below its labels
        taken, table = 0, False
        # a wrapped value goes on in the very next line; a blank line ends the grid
        while i < len(lines) and lines[i].strip() and taken < MAX_VALUE_LINES and not _label_row(lines[i]):
            cols = [(_column(starts, s), c) for s, c in layout_cells(lines[i])]
            if any(k is None for k, _ in cols) or len({k for k, _ in cols}) != len(cols):
                break
            if any(
                k is not None and k + 1 < len(starts) and at + len(c) > starts[k + 1]
                for (k, c), (at, _) in zip(cols, layout_cells(lines[i]), strict=True)
            ):
                break  # a sentence across the columns, not a row of values
            if taken and len(cols) == len(starts):
                table = True  # a second full row: the labels head a table of rows, not a header's values
                break
            if taken and any(not values[k] or _LABELLED.match(c) for k, c in cols):  # type: ignore[index]
                break  # a wrapped line goes on values above it; "Overall Score: 91%" is a row of its own
            for k, c in cols:
                values[k].append(c)  # type: ignore[index]
            taken += 1
            i += 1
        if any(values) and not table:
            grids.append((" ".join(c for _, c in head), [" ".join(v) for v in values]))
    return grids


def read_pairs(layout: str) -> list[tuple[str, str]]:
    """(line as printed, line with a colon after each label) of every header line of a page's ``layout`` text
    whose cells alternate label and value ("Contractor   Tri-County Pole Co.   Crew lead   Alan Whitaker"):
    plain text keeps a single space between a label and its value, which reads as prose."""
    out = []
    for line in layout.split("\n")[: HEAD_LINES * 3]:
        cells = [c for _, c in layout_cells(line)]
        if len(cells) < 2 or len(cells) % 2:
            continue
        labels, values = cells[::2], cells[1::2]
        if all(_LABEL_CELL.match(x) for x in labels) and not any(_LABEL_CELL.match(v) for v in values):
            pairs = [f"{x.rstrip(':# ')}: {v}" for x, v in zip(labels, values, strict=True)]
            out.append((" ".join(cells), CELL_GAP.join(pairs)))
    return out


def resolve_grids(plain: str, layout: str) -> str:
    """``plain`` with each header grid's value lines replaced by one line of its cells parted by wide gaps.

    Args:
        plain: a page's text as extracted (label row, then its values joined by single spaces).
        layout: the same page's layout text, columns kept by spaces.

    Returns:
        The page text with each grid's values on the line under its label row ("35402951   121204873   Circuit
        2108, spans 14-31   Evergreen Vegetation Inc."; an empty cell is written "-"). A grid whose value
        words the plain text does not hold right under the label row is left as it was.
    """
    grids = read_grids(layout)
    pairs = dict(read_pairs(layout))
    if not grids and not pairs:
        return plain
    out = [pairs.get(" ".join(x.split()), x) for x in plain.split("\n")]
    for head, values in grids:
        at = next((k for k, x in enumerate(out) if " ".join(x.split()) == head), None)
        if at is None:
            continue
        end = consume_words(out, at + 1, Counter(" ".join(values).split()))
        if end is None:
            continue
        out[at + 1 : end] = [CELL_GAP.join(v or "-" for v in values)]
    return "\n".join(out)
