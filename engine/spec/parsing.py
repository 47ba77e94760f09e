"""Spec PDF text -> document number, title, revision and clauses. Plain Python, no Django.

The rules are general (no utility's numbers or wording): they read the layout that construction
standards share.

- **Title block** (page 1): the document number follows a label (``Document``, ``Standard``,
  ``Spec No.``, ``No.``...); the title is the line after a bare number line, or the first free line;
  ``Rev``/``Revision`` and ``Effective`` give revision and effective date. A document with no number
  takes its file name's stem.
- **Running headers and footers**: lines repeated at the top or bottom of most pages (digits
  ignored) and ``Page N of M`` lines are dropped; so are revision-history tables, reference lists
  and the title-block lines.
- **Clauses**: a line starting with a section number (``3``, ``3.2``, ``4.1.2``, ``Section 4.1.2:``,
  ``Article 3.1``, ``Art. 3.1``, ``§ 3.3``, ``Clause 5.2``, ``Rule 37``; ``3.1(a)`` is item ``a`` of 3.1)
  starts a clause when the number plausibly follows the previous one (so numbered list items,
  footnote markers and values such as ``6.5 feet`` stay inside their clause); single-level numbers
  need a heading-like line unless spelt ``Section N``. ``Exception:``/``Note:`` paragraphs become
  clauses of kind ``exception``/``note`` under the section they sit in. Rows of a ``Table N-M Title``
  become ``table_row`` clauses with the table title and column headers in ``data`` and in the text.
- A document without numbered sections is cut into clauses at heading-like lines (section ``""``).

Everything is a single pass over the lines with anchored regular expressions: linear in the text.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

from engine.spec.grid import Grid, read_grid
from engine.spec.identity import title_block
from engine.spec.lines import clean_page_lines, split_inline
from engine.spec.numbering import ancestors, item_path, section_chain
from engine.spec.patterns import (
    APPENDIX,
    BULLET,
    DEFINITION_HEADING,
    EXC_NOTE,
    ITEM,
    PART,
    REV_TABLE_HEADER,
    RULE_REF,
    SECTION,
    STOP_HEADING,
    TABLE_MENTION,
    TABLE_TITLE,
    UNTITLED_GRID_HEAD,
    heading_like,
    is_free_heading,
    title_case_sentence,
)
from engine.spec.rows import caps_split, is_header_line, is_table_row_line, split_header, table_row

REQUIREMENT = "requirement"
EXCEPTION = "exception"
NOTE = "note"
TABLE_ROW = "table_row"
DEFINITION = "definition"
MAX_CLAUSE_CHARS = 4000  # a clause longer than this is cut (unnumbered prose only)
CHUNK_CHARS = 1200


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


@dataclass
class _Open:
    section: str
    heading: str
    kind: str
    page: int
    lines: list[str]
    data: dict = field(default_factory=dict)


def _join(lines: list[str]) -> str:
    """Join wrapped lines into paragraphs; bullets and list items keep their own lines."""
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


def _table_section(title: str, table_id: str, known: dict[str, str], current: str) -> str:
    """The section a table belongs to: a rule its title names ("Table 54.8-S (summary of Rules 54.8-B
    and 56.4-A1)" -> 54.8-B), else the section its own number starts with ("Table 4.2-1" -> 4.2), else the
    section it sits in. Only sections the document has already opened count."""
    for m in RULE_REF.finditer(title):
        if m.group("sec") in known:
            return m.group("sec")
    number = re.sub(r"(?i)^table\s+", "", table_id)
    for cand in [number, *ancestors(number)] if number else []:
        if cand in known and cand != number:
            # the section it sits in is that one or inside it ("Table 5-1" under 5.3): keep the nearer
            return current if current == cand or cand in ancestors(current) else cand
    return current


GRID_PAGES = 3  # a case-by-column table is read over its own page and the next two


def _grid_after(
    page_lines: list[list[str]], page: int, idx: int, title: str, accepted: set[tuple[int, int]]
) -> Grid | None:
    """The case-by-column table whose title is line ``idx`` of page ``page`` (0-based), or None."""
    stream = [(page, i, t) for i, t in enumerate(page_lines[page]) if i > idx]
    for p in range(page + 1, min(len(page_lines), page + GRID_PAGES)):
        stream.extend((p, i, t) for i, t in enumerate(page_lines[p]))

    def stop(p: int, i: int, text: str) -> bool:
        return (p, i) in accepted or bool(TABLE_TITLE.match(text)) or bool(STOP_HEADING.match(text))

    return read_grid(stream, title, stop)


def _grid_clauses(grid: Grid, section: str, heading: str, order: int) -> list[ParsedClause]:
    """One table-row clause per case (cells by column, note letters in ``data["grid"]``) and one note clause
    per lettered note, all under the rule the table belongs to."""
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
        out.append(ParsedClause(section, heading[:300], text, TABLE_ROW, row.page, order + len(out), data))
    for letter, text, page in grid.notes:
        note = f"Note ({letter}) to {tid}: {text}"
        data = {"table": grid.title, "note": letter}
        out.append(ParsedClause(section, heading[:300], note, NOTE, page, order + len(out), data))
    return out


def _unclosed(text: str) -> bool:
    """Whether ``text`` opens a bracket or parenthesis it does not close."""
    return text.count("[") > text.count("]") or text.count("(") > text.count(")")


def _join_wrapped_label(clauses: list[ParsedClause], table: dict, cells: list[str]) -> list[str]:
    """A row label wrapped onto the next line ("(b) Power conductors alone or above communication" over
    "conductors 24 in. 30 in."): the label-only row just read is dropped and its words lead this row's label.
    ``cells`` is this row's cells; returns them with the label joined."""
    prev = clauses[-1] if clauses else None
    if (
        prev is None
        or prev.kind != TABLE_ROW
        or (table["ncols"] or 1) < 2
        or len(cells) < 2
        or not cells[0][:1].islower()
        or prev.data.get("table") != table["title"]
        or len(prev.data.get("cells", [])) != 1
        or prev.data["cells"][0].rstrip().endswith((".", ":", ";"))
    ):
        return cells
    clauses.pop()
    return [f"{prev.data['cells'][0]} {cells[0]}", *cells[1:]]


def parse_spec(pages: list[str], filename: str) -> ParsedSpec:
    """Parse the page texts of a spec PDF (``pages[i]`` is page i+1); ``filename`` gives the fallback number.

    Args:
        pages: text of each page, as from ``engine.pdftext.extract_pages``.
        filename: the uploaded file's name; its stem is the document number when the text has none.

    Returns:
        ParsedSpec with the clauses in document order (``order`` 0, 1, 2...).
    """
    stem = os.path.splitext(os.path.basename(filename or ""))[0] or "document"
    page_lines = [split_inline(lines) for lines in clean_page_lines(pages)]
    first = page_lines[0] if page_lines else []

    accepted, regulation = section_chain(page_lines)
    # The body starts on page 1 at the first accepted section line.
    body_start = next((i for i in range(len(first)) if (0, i) in accepted), len(first))
    tb = title_block(first, pages, body_start)
    number = tb.number or stem

    clauses: list[ParsedClause] = []
    cur: _Open | None = None
    headings: dict[str, str] = {}  # section -> its heading text
    numbered = False
    skipping = False  # inside a revision-history table or reference list
    table: dict | None = None
    free_heading = ""
    last_line = ""
    ctx_section, ctx_heading = "", ""  # the section the current line sits in, and its heading
    items: list[tuple[str, str, str]] = []  # the open sub-item path of the section: (number, style, title)

    def flush() -> None:
        nonlocal cur
        if cur is None:
            return
        if cur.data.get("title_line") and len(cur.lines) > 1:
            text = cur.lines[0].strip() + "\n" + _join(cur.lines[1:])
        else:
            text = _join(cur.lines)
        cur.data.pop("title_line", None)
        if text and (cur.section or len(text) >= 20):
            for piece in _cut(text, MAX_CLAUSE_CHARS if cur.section else CHUNK_CHARS):
                clauses.append(
                    ParsedClause(
                        cur.section, cur.heading[:300], piece, cur.kind, cur.page, len(clauses), cur.data
                    )
                )
        cur = None

    def parent_heading(sec: str) -> str:
        for prefix in ancestors(sec):
            h = headings.get(prefix) or headings.get(prefix + ".0")  # "2.0 TRENCHING" over "2.1"
            if h:
                return h
        return ""

    consumed: set[tuple[int, int]] = set()  # lines a case-by-column table has read
    parts: list[
        tuple[int, str]
    ] = []  # (clause count when it began, "SECTION VIII - ... COMMUNICATION LINES")
    for pno, lines in enumerate(page_lines, start=1):
        for idx, line in enumerate(lines):
            if PART.match(line) and (pno - 1, idx) not in consumed:
                flush()
                parts.append((len(clauses), " ".join(line.split())))
                continue
            if parts and parts[-1][1] and APPENDIX.match(line):
                flush()
                parts.append((len(clauses), ""))  # an appendix belongs to no part of the Order
            if pno == 1 and idx < body_start and idx in tb.consumed:
                continue
            if (pno - 1, idx) in consumed:
                continue
            if not line:
                # a paragraph break ends an exception or note; what follows belongs to the section
                if cur is not None and cur.kind in (EXCEPTION, NOTE) and not skipping and table is None:
                    section, heading = cur.section, cur.heading
                    flush()
                    cur = _Open(section, heading, REQUIREMENT, pno, [])
                continue
            if STOP_HEADING.match(line) or REV_TABLE_HEADER.match(line):
                flush()
                table = None
                skipping = "history" if re.search(r"(?i)rev|history|change|log", line) else "references"
                continue
            m = SECTION.match(line) if (pno - 1, idx) in accepted else None
            if m:
                flush()
                table = None
                skipping = False
                numbered = True
                sec = m.group("sec")
                item = m.group("item")  # "3.1(b)": section 3.1, item "b" in data
                rest = m.group("rest").strip()
                em = EXC_NOTE.match(rest)
                if em:
                    kind = EXCEPTION if em.group("label").lower().startswith("exc") else NOTE
                    heading = (headings.get(sec) if item else "") or parent_heading(sec)
                elif item:
                    kind = REQUIREMENT
                    heading = headings.get(sec) or parent_heading(sec)
                elif (
                    heading_like(rest)
                    or title_case_sentence(rest)
                    or m.group("dot")
                    and heading_like(rest.rstrip("."))
                ) and not rest.endswith(":"):
                    kind = REQUIREMENT
                    heading = rest
                    headings[sec] = rest
                else:
                    kind = REQUIREMENT
                    heading = parent_heading(sec)
                if kind == REQUIREMENT and DEFINITION_HEADING.search(heading or ""):
                    kind = DEFINITION
                elif (
                    kind == REQUIREMENT and heading == rest and re.fullmatch(r"(?i)(general\s+)?notes?", rest)
                ):
                    kind = NOTE  # "7 Notes"
                cur = _Open(sec, heading, kind, pno, [rest] if rest else [])
                ctx_section, ctx_heading = sec, heading
                items = []
                if item:
                    cur.data["item"] = f"({item}){m.group('sub') or ''}" if item.isdigit() else item
                elif rest and heading == rest:
                    cur.data["title_line"] = True
                continue
            if skipping == "references":
                if re.match(r"(?i)^(appendix|annex|attachment|disclaimer)\b", line):
                    skipping = False
                else:
                    continue
            elif skipping:
                if (
                    heading_like(line, 50)
                    and not REV_TABLE_HEADER.match(line)
                    and not re.match(r"^\S{1,5}\s+\d", line)
                ):
                    skipping = False  # a new unnumbered heading ends the skipped block
                else:
                    continue
            if table is None and cur is not None and ctx_section and UNTITLED_GRID_HEAD.match(line):
                # "Row  Highest voltage classification ... / Column A: minimum radial distance": a table printed
                # without a title, named by the rule's prose ("the radial distance of Table 54.6-A")
                named = TABLE_MENTION.findall(" ".join(cur.lines))
                grid = (
                    _grid_after(page_lines, pno - 1, idx - 1, f"Table {named[-1]}", accepted)
                    if named
                    else None
                )
                if grid is not None:
                    flush()
                    section = _table_section(grid.title, named[-1], headings, ctx_section)
                    clauses.extend(_grid_clauses(grid, section, ctx_heading or "", len(clauses)))
                    consumed |= grid.consumed
                    continue
            tm = TABLE_TITLE.match(line)
            if tm and (tm.group("rest") or "").strip():
                flush()
                grid = _grid_after(page_lines, pno - 1, idx, line, accepted)
                if grid is not None:
                    section = _table_section(grid.title, tm.group("t"), headings, ctx_section)
                    heading = (ctx_heading if ctx_section else free_heading) or ""
                    clauses.extend(_grid_clauses(grid, section, heading, len(clauses)))
                    consumed |= grid.consumed
                    table = None
                    continue
                table = {
                    "title": re.sub(r"\s+", " ", line).strip(),
                    "columns": None,
                    "section": _table_section(line, tm.group("t"), headings, ctx_section),
                    "heading": (ctx_heading if ctx_section else free_heading) or "",
                    "ncols": None,
                }
                # rows re-open the surrounding clause afterwards
                continue
            if table is not None:
                title = table["title"]
                if (
                    table["columns"] is None
                    and _unclosed(title)
                    and len(line) < 60
                    and line.rstrip()[-1:] in ")]"
                ):
                    # "Table 113.4-S - ... [library summary of" / "113.4]": the title wrapped, the header follows
                    table["title"] = f"{title} {line.strip()}"
                    continue
                if is_table_row_line(line):
                    if table["columns"] is None:
                        table["columns"] = []
                        if is_header_line(line):
                            table["header"] = line
                            continue
                        table["header"] = ""  # no header row: the first line is already a row
                    cells, n = table_row(line, table["ncols"])
                    if n == 1 and (table["ncols"] in (None, 1) or table.get("words")):
                        # a row of words ("Guy guard Yellow plastic" under "Item Material"): split at
                        # capitalised words when the header and the row agree on the column count
                        hdr = caps_split(table["header"])
                        row = caps_split(line)
                        if 2 <= len(hdr) <= 4 and len(row) == len(hdr):
                            table["ncols"], table["columns"], table["words"] = len(hdr), hdr, True
                            cells, n = row, len(row)
                    if table["ncols"] is None and n > 1:
                        # the header decides how many columns there are when the first row is
                        # ambiguous ("For 21 kV circuits 6 ft 8 ft 8 ft")
                        for k in range(n, 1, -1):
                            cols = split_header(table["header"], k)
                            if len(cols) == k:
                                break
                        if len(cols) == k and k > 1:
                            table["ncols"], table["columns"] = k, cols
                            if k != n:
                                cells, n = table_row(line, k)
                        else:
                            table["ncols"] = n
                            table["columns"] = [table["header"]] if table["header"] else []
                    elif n == 1 and table["ncols"] and (line.endswith(".") or len(line.split()) > 12):
                        table = None  # a sentence after the table: back to prose
                    if table is not None:
                        cells = _join_wrapped_label(clauses, table, cells)
                        cols = table["columns"] or ([table["header"]] if table["header"] else [])
                        if not cols:
                            body = " | ".join(cells)
                        elif len(cols) == len(cells):
                            body = "; ".join(f"{c}: {v}" for c, v in zip(cols, cells, strict=True))
                        else:
                            body = f"{' | '.join(cols)}: {' | '.join(cells)}"
                        text = f"{table['title']} \u2014 {body}"
                        clauses.append(
                            ParsedClause(
                                table["section"],
                                (table["heading"] or "")[:300],
                                text,
                                TABLE_ROW,
                                pno,
                                len(clauses),
                                {"table": table["title"], "columns": list(cols), "cells": cells},
                            )
                        )
                        continue
                else:
                    table = None
            im = ITEM.match(line) if regulation and ctx_section and table is None else None
            if im and (cur is None or cur.kind in (REQUIREMENT, DEFINITION)):
                # "(2) Above Private Property:", "a) Residential Premises: ... 12 feet": a sub-item of
                # the rule is a clause of its own, cited by the rule's number with the item in data
                flush()
                items = item_path(items, im)
                label = "".join(f"({n})" if style == "paren" else n for n, style, _ in items)
                heading = " — ".join(
                    [headings.get(ctx_section) or ctx_heading] + [t for _, _, t in items if t]
                )
                cur = _Open(ctx_section, heading, REQUIREMENT, pno, [line], {"item": label})
                continue
            em = EXC_NOTE.match(line)
            if em:
                flush()
                kind = EXCEPTION if em.group("label").lower().startswith("exc") else NOTE
                heading = ctx_heading if ctx_section else free_heading
                cur = _Open(ctx_section, heading, kind, pno, [line])
                continue
            if not numbered and is_free_heading(line, last_line):
                # unnumbered prose: headings cut it into clauses
                flush()
                free_heading = ctx_heading = line
                cur = _Open(
                    "", line, NOTE if re.search(r"(?i)\bnotes?\b", line) else REQUIREMENT, pno, [line]
                )
                continue
            if cur is None:  # prose after a table: the section continues
                cur = _Open(
                    ctx_section, (ctx_heading if ctx_section else free_heading) or "", REQUIREMENT, pno, []
                )
            cur.lines.append(line)
            last_line = line
    flush()
    for k, (start, part) in enumerate(parts):
        end = parts[k + 1][0] if k + 1 < len(parts) else len(clauses)
        for c in clauses[start:end] if part else []:
            c.data = {**(c.data or {}), "part": part}

    # Front matter of a numbered document: page-1 prose before the first section (title-block
    # leftovers, boilerplate "General notes") is dropped unless it is an Exception/Note paragraph or
    # a table; later pages before the first section (a tariff's preamble) are kept. Unnumbered
    # documents keep all their prose.
    if numbered:
        first_sectioned = next((i for i, c in enumerate(clauses) if c.section), len(clauses))
        kept = [
            c
            for i, c in enumerate(clauses)
            if i >= first_sectioned or c.kind in (NOTE, TABLE_ROW, EXCEPTION) or c.page > 1
        ]
        clauses = kept
    if not clauses:
        # nothing but a title block: keep the text itself citable
        text = _join([line for lines in page_lines for line in lines if line])
        first_page = next((i for i, lines in enumerate(page_lines, start=1) if any(lines)), 1)
        clauses = [
            ParsedClause("", tb.title[:300], piece, REQUIREMENT, first_page, 0)
            for piece in (_cut(text, CHUNK_CHARS) if text.strip() else [])
        ]
    for i, c in enumerate(clauses):
        c.order = i
    return ParsedSpec(number, tb.title, tb.revision, tb.effective, clauses)


def _cut(text: str, limit: int) -> list[str]:
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
