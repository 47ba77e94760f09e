"""Tables in a spec's clause stream: the section a table belongs to, a case-by-column table read into one
clause per case and per lettered note (``engine.spec.grid`` reads the grid), and a titled text table read
row by row (``engine.spec.rows`` splits a row into cells), each row a ``table_row`` clause with the
table's title and column headers in ``data`` and in its text.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.layout_tables import CELL_SEP
from engine.spec.clauses import HEADING_CHARS, NOTE, TABLE_ROW, ParsedClause
from engine.spec.grid import Grid, read_grid
from engine.spec.numbering import ancestors
from engine.spec.patterns import RULE_REF, STOP_HEADING, TABLE_TITLE
from engine.spec.rows import caps_split, is_header_line, is_table_row_line, split_header, table_row

GRID_PAGES = 3  # a case-by-column table is read over its own page and the next two


def table_section(title: str, table_id: str, known: dict[str, str], current: str) -> str:
    """The section a table belongs to: a rule its title names ("Table 54.8-S (summary of Rules 54.8-B
    and 56.4-A1)" -> 54.8-B), else the section its own number starts with ("Table 4.2-1" -> 4.2), else the
    section it sits in (``current``), else, outside any section, its own name ("Table 1"). Only sections the
    document has already opened (``known``) count."""
    for m in RULE_REF.finditer(title):
        if m.group("sec") in known:
            return m.group("sec")
    number = re.sub(r"(?i)^table\s+", "", table_id)
    if current.startswith("Appendix "):
        # "Appendix A, Table 2": an appendix's numbered table is cited with it; a table whose number is its own
        # name in the document ("Table R-6", "Table 2830-S") is cited by that alone
        return table_id if re.search(r"[A-Za-z]", number) else f"{current}, {table_id}"
    for cand in [number, *ancestors(number)] if number else []:
        if cand in known and cand != number:
            # the section it sits in is that one or inside it ("Table 5-1" under 5.3): keep the nearer
            return current if current == cand or cand in ancestors(current) else cand
    if (
        re.fullmatch(r"\d{1,2}-[A-Z]|[A-Z]-?\d{0,2}", number)
        and not re.fullmatch(r"[IVXL]+", number)  # "Table IV" is numbered, not lettered
        and not current.startswith(("Table ", "Appendix "))
    ):
        # a table whose lettered number names no section ("Table 2-A" of GO 95 Rule 39, "Table R-6", "Table T") is
        # cited by its own name, wherever it is printed
        return table_id
    # outside any numbered section (a document that numbers no rules, GO 165): the table's name is its citation
    return current or table_id


def grid_after(
    page_lines: list[list[str]], page: int, idx: int, title: str, accepted: set[tuple[int, int]]
) -> Grid | None:
    """The case-by-column table whose title is line ``idx`` of page ``page`` (both 0-based), read over
    ``GRID_PAGES`` pages up to a section line (``accepted``: (page, line) of the section lines), another
    table title or a reference-list heading; None when the lines are no such table."""
    stream = [(page, i, t) for i, t in enumerate(page_lines[page]) if i > idx]
    for p in range(page + 1, min(len(page_lines), page + GRID_PAGES)):
        stream.extend((p, i, t) for i, t in enumerate(page_lines[p]))

    def stop(p: int, i: int, text: str) -> bool:
        return (p, i) in accepted or bool(TABLE_TITLE.match(text)) or bool(STOP_HEADING.match(text))

    return read_grid(stream, title, stop)


def grid_clauses(grid: Grid, section: str, heading: str, order: int) -> list[ParsedClause]:
    """One table-row clause per case (cells by column, note letters in ``data["grid"]``) and one note clause
    per lettered note, all under ``section`` (the rule the table belongs to), numbered from ``order``."""
    table_id = re.match(r"(?i)\s*(table\s+\S+)", grid.title)
    tid = table_id.group(1).rstrip(" -:") if table_id else grid.title
    columns = ["Case"] + [f"Column {letter} - {text}" for letter, text in grid.columns]
    out: list[ParsedClause] = []
    for row in grid.rows:
        cells = [f"Case {row.case}: {row.label}"]
        for value, notes in zip(row.cells, row.notes, strict=True):
            v = f"{value} {grid.unit}".strip() if grid.unit and value[:1].isdigit() else value
            cells.append(v + "".join(f" ({n})" for n in notes))
        body = "; ".join(f"{c}: {v}" for c, v in zip(columns[1:], cells[1:], strict=True))
        text = f"{tid}, Case {row.case} ({row.label}) \u2014 {body}"
        data = {
            "table": grid.title,
            "columns": columns,
            "cells": cells,
            "grid": {
                "case": row.case,
                "label": row.label,
                "letters": [letter for letter, _ in grid.columns],
                "notes": row.notes,
                "unit": grid.unit,
            },
        }
        out.append(
            ParsedClause(section, heading[:HEADING_CHARS], text, TABLE_ROW, row.page, order + len(out), data)
        )
    for letter, text, page in grid.notes:
        note = f"Note ({letter}) to {tid}: {text}"
        note_data = {"table": grid.title, "note": letter}
        out.append(
            ParsedClause(section, heading[:HEADING_CHARS], note, NOTE, page, order + len(out), note_data)
        )
    return out


def _unclosed(text: str) -> bool:
    """Whether ``text`` opens a bracket or parenthesis it does not close."""
    return text.count("[") > text.count("]") or text.count("(") > text.count(")")


_SENTENCE_BREAK = re.compile(r"[a-z)]\.\s+[A-Z]")


# a title line cut before its end ("... Requirements for Supply and")
_DANGLING_END = re.compile(r"\b(?:and|or|of|for|the|to|in|by|with|on|at)\s*$", re.IGNORECASE)


@dataclass
class TextTable:
    """A titled table read as text rows ("Table 4-1 Minimum cover", a header line, then rows).

    ``columns`` is None until the first line under the title; ``ncols`` is decided by the header and the
    first row with more than one cell; ``words`` marks rows of words split at capitalised words.
    """

    title: str
    section: str
    heading: str
    columns: list[str] | None = None
    ncols: int | None = None
    header: str = ""
    words: bool = False
    last: ParsedClause | None = None  # the row read last (a label wrapped onto the next line joins it)
    caption: list[str] = field(default_factory=list)  # prose lines between the title and the header

    def _caption(self, line: str) -> bool:
        """Whether ``line``, read before the header, is prose about the table: a sentence of six words or
        more, or the rest of one the caption has begun."""
        if self.caption and not self.caption[-1].endswith("."):
            return True
        text = line.strip()
        return len(text.split()) >= 6 and (text.endswith(".") or bool(_SENTENCE_BREAK.search(text)))

    def read(self, line: str, page: int, order: int) -> ParsedClause | bool:
        """Read the next non-blank line: a ``table_row`` clause (numbered ``order``) for a row, True for a
        line that belongs to the table but is no row (the title's wrapped end, the header), False when the
        table has ended (a section line, a sentence): the line is then read as prose."""
        if (
            self.columns is None
            and len(line) < 60
            and ((_unclosed(self.title) and line.rstrip()[-1:] in ")]") or _DANGLING_END.search(self.title))
        ):
            # "Table 113.4-S - ... [library summary of" / "113.4]", "... Requirements for Supply and" /
            # "Communication Systems": the title wrapped, the header follows
            self.title = f"{self.title} {line.strip()}"
            return True
        if self.header and " ".join(line.split()) == " ".join(self.header.split()):
            return True  # the header row repeated after a page break: the table goes on
        if CELL_SEP in self.header and CELL_SEP not in line:
            return False  # a table read by its layout writes every row with its cells parted: this line is not one
        if not is_table_row_line(line) or (self.columns is not None and line.lstrip().startswith("[")):
            return False  # a section line, or an editorial note after the rows ("[Table 36.5-A is ...]")
        if self.columns is None and self._caption(line):
            # "Distances from the employee ... to the exposed energized part. Rows are chosen by ...": prose
            # under the title says how to read the table; the header row follows it
            self.caption.append(line.strip())
            return True
        if self.columns is None:
            self.columns = []
            if is_header_line(line):
                self.header = line
                return self._caption_clause(page, order) or True
            self.header = ""  # no header row: the first line is already a row
        cells = self._cells(line)
        if cells is None:
            return False
        last = self.last
        if last is not None and self._wrapped_label(last, cells):
            # "(b) Power conductors alone or above communication" over "conductors 24 in. 30 in.": one row,
            # numbered as the label-only row it replaces
            cells = [f"{last.data['cells'][0]} {cells[0]}", *cells[1:]]
            page, order = last.page, last.order
        self.last = self._clause(cells, page, order)
        return self.last

    def _caption_clause(self, page: int, order: int) -> ParsedClause | None:
        """The caption read so far as a note of the table's section (None when there is none)."""
        if not self.caption:
            return None
        text = f"{self.title}: {' '.join(self.caption)}"
        self.caption = []
        data = {"table": self.title}
        return ParsedClause(self.section, (self.heading or "")[:HEADING_CHARS], text, NOTE, page, order, data)

    def _wrapped_label(self, last: ParsedClause, cells: list[str]) -> bool:
        """Whether ``last`` (the row read before) is only the start of this row's label."""
        first = last.data["cells"]
        return (
            (self.ncols or 1) >= 2
            and len(cells) >= 2
            and cells[0][:1].islower()
            and len(first) == 1
            and not first[0].rstrip().endswith((".", ":", ";"))
        )

    def _next_case(self, line: str) -> bool:
        """Whether ``line`` opens the row numbered after the last one ("5 Sectionalizing switches ..." after
        case 4): a numbered case row whatever its cells."""
        m = re.match(r"\s*(\d{1,3})\s+[A-Z]", line)
        prev = re.match(r"\s*(\d{1,3})\s", self.last.data["cells"][0]) if self.last is not None else None
        return bool(m and prev and int(m.group(1)) == int(prev.group(1)) + 1)

    def _cells(self, line: str) -> list[str] | None:
        """The cells of a row line (fixing the column count on the first row), or None for a sentence
        after the table."""
        cells, n = table_row(line, self.ncols)
        if n == 1 and (self.ncols in (None, 1) or self.words):
            # a row of words ("Guy guard Yellow plastic" under "Item Material"): split at capitalised words
            # when the header and the row agree on the column count
            hdr = caps_split(self.header)
            row = caps_split(line)
            if 2 <= len(hdr) <= 4 and len(row) == len(hdr):
                self.ncols, self.columns, self.words = len(hdr), hdr, True
                cells, n = row, len(row)
        if self.ncols is None and n > 1:
            # the header decides how many columns there are when the first row is ambiguous
            # ("For 21 kV circuits 6 ft 8 ft 8 ft")
            for k in range(n, 1, -1):
                cols = split_header(self.header, k)
                if len(cols) == k:
                    break
            if len(cols) == k and k > 1:
                self.ncols, self.columns = k, cols
                if k != n:
                    cells, n = table_row(line, k)
            else:
                self.ncols = n
                self.columns = [self.header] if self.header else []
        elif (
            n == 1
            and self.ncols
            and (line.endswith(".") or len(line.split()) > 12)
            and not self._next_case(line)
        ):
            return None  # a sentence after the table: back to prose
        return cells

    def _clause(self, cells: list[str], page: int, order: int) -> ParsedClause:
        cols = self.columns or ([self.header] if self.header else [])
        if not cols:
            body = " | ".join(cells)
        elif len(cols) == len(cells):
            body = "; ".join(f"{c}: {v}" for c, v in zip(cols, cells, strict=True))
        else:
            body = f"{' | '.join(cols)}: {' | '.join(cells)}"
        text = f"{self.title} \u2014 {body}"
        data = {"table": self.title, "columns": list(cols), "cells": cells}
        return ParsedClause(
            self.section, (self.heading or "")[:HEADING_CHARS], text, TABLE_ROW, page, order, data
        )
