"""Spec tables read by where their cells stand: column headers stacked over several lines, cells of words.

A standard's table printed with wrapped header cells ("Maximum use voltage (1), ac" over "rms") or cells of
several words ("Patrol - Urban", "Upon indication that insulating value is suspect") loses its columns in
plain page text: the words of neighbouring cells run together with single spaces, and a stacked header comes
out as several lines. The page's layout text keeps each cell under its column. ``resolve_tables`` finds each
titled table ("Table 1 - Distribution Inspection Cycles") in the layout text, reads its columns from the
cells' offsets, joins a header cell's stacked lines and a row's wrapped lines, prefixes the rows of a group
("Transformers" over indented "Overhead", "Underground") with the group's name, and writes the table back into
the plain text as one line per header and row with the cells parted by ``CELL_SEP``, which
``engine.spec.rows`` splits as cells. A case-by-column grid (``Column A``, letter columns: ``engine.spec.grid``)
and a table whose words the plain text does not hold in the same lines are left as they were.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from engine.pagetext import consume_words, layout_cells

CELL_SEP = " | "
_TITLE = re.compile(
    r"^\s*(?:(?i:appendix)\s+[A-Z0-9]{1,3},?\s+)?(?i:table)\s+[A-Z]{0,2}-?\d+(?:[-.](?:\d+|[A-Z]\d?\b))*[A-Z]?\s*[:.\-\u2013\u2014]?\s+[A-Z(]"
)
_VALUE = re.compile(r"(?i)^(?:[<>\u2264\u2265]?\s*\d[\d,./]*\S*|-{2,}|\u2014|x|n/?a|none)(?:\s|$)")
_GRID = re.compile(r"\bColumn\s+[A-Z]\b")
_SECTION_LINE = re.compile(r"^\d{1,4}(?:\.\d+)+\S*\s+[A-Z]")  # "1910.269(n) Grounding ...", "4.2 Cover"
_FOOTER = re.compile(r"(?i)\bpage\s+\d+(?:\s+of\s+\d+)?\s*$")  # the page's footer ends the table on it
_NOTE = re.compile(r"^\s*(?:\([a-z0-9]{1,3}\)|\[|Notes?\b|\*)")  # "(a) ...", "(1) ...", "[Library note ...]"
MAX_HEADER_LINES = 4
MAX_CELL_WORDS = 30  # a line of more words in one run is prose
_DANGLING = re.compile(r"(?i)(?:\b(?:and|or|for|of|the|to|in|on|with)|[,(])\s*$")  # a title that wraps
SLACK = 2  # characters a cell may start left of its column


@dataclass
class _Table:
    title: str
    spans: list[
        tuple[int, int]
    ]  # each column's extent (first and last character offsets) in the layout lines
    header: list[list[str]] = field(default_factory=list)
    caption: list[str] = field(default_factory=list)  # prose lines between the title and the header
    head_line: str = ""  # the header's first line as printed (found again where the table goes on)
    title_first: str = ""  # the title's first line (a title may wrap onto a second)
    rows: list[list[list[str]]] = field(default_factory=list)
    words: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = ([self.title] if self.title else []) + self.caption
        if any(self.header):
            out.append(CELL_SEP.join(" ".join(c) or "-" for c in self.header))
        out.extend(CELL_SEP.join(" ".join(c) or "-" for c in row) for row in self.rows)
        return out


def _place(spans: list[tuple[int, int]], cells: list[tuple[int, str]]) -> list[int]:
    """The column of each cell: in order when the line has a cell per column, else the column the cell
    overlaps most, or the nearest."""
    if len(cells) == len(spans):
        return list(range(len(spans)))
    return [max(range(len(spans)), key=lambda k: _fit(spans[k], at, at + len(text))) for at, text in cells]


def _fit(span: tuple[int, int], a: int, b: int) -> tuple[int, int]:
    """How well a cell from offset ``a`` to ``b`` fits a column's ``span``: its overlap, then nearness."""
    lo, hi = span
    overlap = min(b, hi) - max(a, lo)
    return (overlap, -abs(a - lo)) if overlap > 0 else (overlap, 0)


def _is_value_row(cells: list[tuple[int, str]]) -> bool:
    """A row of the table's body: its first cell a value ("0.050 to 0.300"), or most of its other cells."""
    return len(cells) >= 2 and (
        bool(_VALUE.match(cells[0][1]))
        or sum(bool(_VALUE.match(t)) for _, t in cells[1:]) >= max(1, (len(cells) - 1) // 2)
    )


def _body(lines: list[str], i: int) -> list[tuple[int, list[tuple[int, str]]]]:
    """(line index, cells) of the non-blank lines after ``lines[i]`` up to the next table title."""
    body = []
    for j in range(i + 1, len(lines)):
        if _TITLE.match(lines[j]):
            break
        if lines[j].strip():
            body.append((j, layout_cells(lines[j])))
    return body


def _header_size(body: list[tuple[int, list[tuple[int, str]]]]) -> int:
    """How many of the first lines are the column header: those before the first row of values, less a
    group's name standing alone right above it ("Transformers"); one line when no row holds values."""
    first = next((k for k, (_, c) in enumerate(body) if _is_value_row(c)), None)
    if first is None or first > MAX_HEADER_LINES:
        return 1
    left = body[0][1][0][0]  # where the table's first column starts
    while (
        first > 1
        and len(body[first - 1][1]) == 1
        and body[first - 1][1][0][0] <= left + SLACK
        and _is_group(body, first - 1)
    ):
        first -= 1
    return max(first, 1)


def _ends_table(line: str, first: str) -> bool:
    """A note, a section line or the page's footer: the table ended before it."""
    return bool(_NOTE.match(first) or _SECTION_LINE.match(first) or _FOOTER.search(line))


def _letter_columns(lines: list[str]) -> bool:
    """Whether a header line names its columns by letters alone ("Case | Nature of clearance | A | B | C"):
    a case-by-column grid, read by ``engine.spec.grid``."""
    return any(sum(bool(re.fullmatch(r"[A-Z]", t)) for _, t in layout_cells(x)) >= 3 for x in lines)


def _group_wraps(body: list[tuple[int, list[tuple[int, str]]]], k: int) -> int | None:
    """How many wrapped lines the one-cell line ``k`` has (its lower-case continuation at the same place) when
    it names a group, the row after them standing indented further ("Regulators/Capacitors [group label" /
    "restated]" / "   Overhead"); None when it names no group."""
    at = body[k][1][0][0]
    m = k + 1
    while (
        m < len(body)
        and len(body[m][1]) == 1
        and abs(body[m][1][0][0] - at) <= SLACK
        and body[m][1][0][1][:1].islower()
    ):
        m += 1
    if m < len(body) and body[m][1][0][0] > at + SLACK:
        return m - k - 1
    return None


def _is_group(body: list[tuple[int, list[tuple[int, str]]]], k: int) -> bool:
    """Whether line ``k`` (one cell) names a group of the indented rows after it."""
    return _group_wraps(body, k) is not None


def _read(lines: list[str], i: int, title: str | None) -> tuple[_Table | None, int]:
    """The table whose title is ``lines[i]`` (``title``; None: the table going on at the top of a page with its
    header repeated, ``lines[i]`` the line before the header), and the index after its last line."""
    body = _body(lines, i)
    caption: list[tuple[int, list[tuple[int, str]]]] = []
    while (
        body
        and len(body[0][1]) == 1
        and (len(body[0][1][0][1].split()) >= 6 or (caption and not caption[-1][1][0][1].endswith(".")))
    ):
        caption.append(body.pop(0))  # prose under the title says how to read the table
    n_header = _header_size(body)
    rows = body[n_header:]
    if not rows:
        return None, i + 1
    # the columns: the extent of each cell over the rows laid out as the first row of values (else the first
    # row), the first column from the line's start
    ref = next((c for _, c in rows[:6] if _is_value_row(c)), rows[0][1])
    if len(ref) < 2:
        return None, i + 1
    stop = next((k for k, (j, c) in enumerate(rows) if _ends_table(lines[j], c[0][1])), len(rows))
    same = [c for _, c in rows[:stop] if len(c) == len(ref)] or [ref]
    spans = [(min(c[k][0] for c in same), max(c[k][0] + len(c[k][1]) for c in same)) for k in range(len(ref))]
    spans[0] = (0, spans[0][1])
    table = _Table(title or "", spans, caption=[cells[0][1] for _, cells in caption])
    table.header = [[] for _ in spans]
    table.head_line = " ".join(lines[body[0][0]].split()) if n_header else ""
    for _, cells in body[:n_header]:
        for c, (_, t) in zip(_place(spans, cells), cells, strict=True):
            table.header[c].append(t)
    end = body[n_header - 1][0] + 1 if n_header else i + 1
    group, group_indent = "", -1
    ahead: list[list[list[str]]] = []  # wrapped lines standing above the next row's first line
    # whether the rows stand a blank line apart (then a line right under a row wraps it)
    starts_after_blank = [not lines[j - 1].strip() for j, c in rows if len(c) >= 2]
    spaced = len(starts_after_blank) >= 2 and 2 * sum(starts_after_blank) > len(starts_after_blank)
    skip = 0
    for k, (j, cells) in enumerate(rows):
        if skip:
            skip -= 1  # a wrapped line of the group's name, read with it
            end = j + 1
            continue
        first_at, first_text = cells[0]
        cols = _place(spans, cells)
        if any(len(t.split()) > MAX_CELL_WORDS for _, t in cells):
            break  # a paragraph, not a cell
        crossing = any(
            c + 1 < len(spans) and at + len(t) > spans[c + 1][0] + SLACK
            for c, (at, t) in zip(cols, cells, strict=True)
        )  # a sentence running across the columns
        if (
            crossing
            or _ends_table(lines[j], first_text)
            or len(set(cols)) != len(cols)
            or cols != sorted(cols)
        ):
            break  # a note, a sentence or section after the table, or a line whose cells do not fit the columns
        row: list[list[str]] = [[] for _ in spans]
        for c, (_, t) in zip(cols, cells, strict=True):
            row[c].append(t)
        prev = table.rows[-1] if table.rows else None
        wrapped = 0 not in cols or (first_text[:1].islower() and cols == [0] + cols[1:])
        if spaced and prev is not None and lines[j - 1].strip() and not ahead:
            wrapped = (
                True  # rows stand a blank line apart: a line right under one is its wrapped end ("(FRP)")
            )
        if wrapped and (ahead or not lines[j - 1].strip()):
            # after a blank line, a row's wrapped cells stand above its first line (the row's number is
            # centred on its cells): they open the next row
            ahead.append(row)
        elif prev is not None and wrapped:
            for c, (_, t) in zip(cols, cells, strict=True):
                prev[c].append(t)  # a wrapped line of the row above
        elif cols == [0] and (wraps := _group_wraps(rows, k)) is not None:
            # "Transformers" over its indented rows
            skip = wraps
            group = " ".join([first_text] + [rows[k + 1 + w][1][0][1] for w in range(wraps)])
            group_indent = first_at
        elif cols == [0] and prev is not None and lines[j - 1].strip():
            prev[0].append(
                first_text
            )  # "Wood Poles in High" / "Fire-Threat District Tier 3": the label goes on
        elif cols == [0] and prev is not None:
            break  # a line of its own after the rows ("IV. Record Keeping"): the table has ended
        else:
            if group and first_at <= group_indent:
                group = ""  # back at the group's indent: a row of its own
            for above in reversed(ahead):
                row = [a + r for a, r in zip(above, row, strict=True)]
            ahead = []
            if group:
                row[0] = [f"{group} - {' '.join(row[0])}"]
            table.rows.append(row)
        end = j + 1
    if ahead and table.rows:  # wrapped lines after the last row: its own
        for above in ahead:
            table.rows[-1] = [r + a for r, a in zip(table.rows[-1], above, strict=True)]
    if len(table.rows) < 2 or sum(bool(h) for h in table.header) < 2:
        return None, i + 1  # a table has a header of columns and rows under it
    kept = [c[0][1] for _, c in caption] + [t for j, cells in body if j < end for _, t in cells]
    table.words = Counter(" ".join(([title] if title else []) + kept).split())
    return table, end


def read_tables(layout: str, carry: str | None = None) -> tuple[list[_Table], str | None]:
    """The titled tables of a page's ``layout`` text (pypdf ``extraction_mode="layout"``), grids left out, and
    the first header line of a table running to this page's end (``carry``): the table going on under that
    header repeated at the top of the next page is read there too."""
    lines = layout.split("\n")
    out: list[_Table] = []
    i, last_end, last = 0, 0, None
    if carry:
        top = next((k for k, x in enumerate(lines[:12]) if " ".join(x.split()) == carry), None)
        if top is not None:
            table, i2 = _read(lines, top - 1, None)  # each page lays its columns out afresh
            if table is not None:
                out.append(table)
                i = last_end = i2
                last = table
    while i < len(lines):
        if not _TITLE.match(lines[i]):
            i += 1
            continue
        title, t_end = " ".join(lines[i].split()), i
        nxt = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
        if _DANGLING.search(title) and nxt is not None and len(layout_cells(lines[nxt])) == 1:
            title, t_end = (
                f"{title} {' '.join(lines[nxt].split())}",
                nxt,
            )  # "... for Supply and" / "Communication Systems"
        table, i2 = _read(lines, t_end, title)
        near = lines[i : max(i2, i + 15)]
        if table is not None and not _GRID.search(" ".join(near)) and not _letter_columns(near):
            table.title_first = " ".join(lines[i].split())
            out.append(table)
            last_end, last = i2, table
        i = max(i2, i + 1)
    rest = [x for x in lines[last_end:] if x.strip()]
    runs_on = last is not None and len(rest) <= 2  # only the page's footer after it
    return out, (last.head_line if runs_on and last is not None else None)


def needs_layout(plain: str) -> bool:
    """Whether ``plain`` (a page's text) holds a titled table (only then is the layout text worth reading)."""
    return any(_TITLE.match(x) for x in plain.split("\n"))


def resolve_tables(plain: str, layout: str, carry: str | None = None) -> tuple[str, str | None]:
    """``plain`` with each titled table's lines replaced by one line per header and row, cells parted by
    ``CELL_SEP`` (see the module docstring), and the ``carry`` for the next page (``read_tables``). A table is
    replaced only where the plain text holds exactly its words in consecutive lines, from its title (a table
    going on from the page before: from a line near the page's top)."""
    out = plain.split("\n")
    tables, carry_on = read_tables(layout, carry)
    for table in tables:
        if table.title:
            anchors = [k for k, x in enumerate(out) if " ".join(x.split()) == table.title_first]
        else:
            anchors = list(range(min(12, len(out))))
        for at in anchors:
            end = consume_words(out, at, table.words)
            if end is not None:
                out[at:end] = table.lines()
                break
    return "\n".join(out), carry_on
