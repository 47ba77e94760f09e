"""Spec PDF text -> document number, title, revision and clauses. Plain Python, no Django.

The rules are general (no utility's numbers or wording): they read the layout that construction
standards share.

- **Title block** (page 1): the document number follows a label (``Document``, ``Standard``,
  ``Spec No.``, ``No.``...); the title is the line after a bare number line, or the first free line;
  ``Rev``/``Revision`` and ``Effective`` give revision and effective date. A document with no number
  takes its file name's stem (``engine.spec.identity``).
- **Running headers and footers**: lines repeated at the top or bottom of most pages (digits
  ignored) and ``Page N of M`` lines are dropped (``engine.spec.lines``); so are revision-history tables,
  reference lists and the title-block lines.
- **Clauses**: a line starting with a section number (``3``, ``3.2``, ``4.1.2``, ``Section 4.1.2:``,
  ``Article 3.1``, ``Art. 3.1``, ``§ 3.3``, ``Clause 5.2``, ``Rule 37``; ``3.1(a)`` is item ``a`` of 3.1)
  starts a clause when the number plausibly follows the previous one (so numbered list items,
  footnote markers and values such as ``6.5 feet`` stay inside their clause); single-level numbers
  need a heading-like line unless spelt ``Section N`` (``engine.spec.numbering``). ``Exception:``/``Note:``
  paragraphs become clauses of kind ``exception``/``note`` under the section they sit in
  (``engine.spec.notes``). Rows of a ``Table N-M Title`` become ``table_row`` clauses with the table title
  and column headers in ``data`` and in the text (``engine.spec.tables``).
- A document without numbered sections is cut into clauses at heading-like lines (section ``""``).

Everything is a single pass over the lines with anchored regular expressions: linear in the text. This
module holds the pass (``_Pass``, one small method per kind of line, tried in order); what a clause is lives
in ``engine.spec.clauses``.
"""

from __future__ import annotations

import os
import re

from engine.spec.clauses import (
    CHUNK_CHARS,
    DEFINITION,
    EXCEPTION,
    HEADING_CHARS,
    NOTE,
    REQUIREMENT,
    TABLE_ROW,
    OpenClause,
    ParsedClause,
    ParsedSpec,
    cut_text,
    join_lines,
)
from engine.spec.grid import Grid
from engine.spec.identity import title_block
from engine.spec.lines import clean_page_lines
from engine.spec.notes import ends_at_break, heading_kind, is_notes_heading, note_kind, split_inline
from engine.spec.numbering import ancestors, code_title, item_path, section_chain
from engine.spec.patterns import (
    APPENDIX,
    APPENDIX_HEADING,
    ARTICLE,
    DEFINITION_HEADING,
    DESIGNATION,
    ITEM,
    PART,
    REV_TABLE_HEADER,
    SECTION,
    STOP_HEADING,
    TABLE_MENTION,
    TABLE_TITLE,
    UNTITLED_GRID_HEAD,
    heading_like,
    is_free_heading,
    title_case_sentence,
    unbracketed,
)
from engine.spec.tables import TextTable, grid_after, grid_clauses, table_section

__all__ = [
    "DEFINITION",
    "EXCEPTION",
    "NOTE",
    "REQUIREMENT",
    "TABLE_ROW",
    "ParsedClause",
    "ParsedSpec",
    "parse_spec",
]

_HISTORY = re.compile(r"(?i)rev|history|change|log")  # a skipped block headed so is a revision history
_MODAL_WORD = re.compile(r"(?i)\b(?:shall|must|should|may|is|are|lists?|gives?|shows?)\b")
_BACK_MATTER = re.compile(r"(?i)^(appendix|annex|attachment|disclaimer)\b")  # ends a reference list
_ROW_START = re.compile(r"^\S{1,5}\s+\d")  # "Rev 3 ...", "A 2019-04 ...": a history row, not a heading


class _Pass:
    """The state of the one pass over a spec's lines: the clause being read, the section and heading the
    line sits in, the open sub-items, an open text table, a skipped block, and the clauses so far.

    ``page_lines`` are the cleaned lines per page; ``accepted`` the (page index, line index) of the lines
    that start sections (``section_chain``); ``regulation`` whether the numbering reads as a General Order's
    (sub-items are clauses of their own); ``body_start`` the first body line of page 1 and ``title_lines``
    the page-1 lines of the title block, which are skipped.
    """

    def __init__(
        self,
        page_lines: list[list[str]],
        accepted: set[tuple[int, int]],
        regulation: bool,
        body_start: int,
        title_lines: set[int],
    ) -> None:
        self.page_lines = page_lines
        self.accepted = accepted
        self.regulation = regulation
        self.body_start = body_start
        self.title_lines = title_lines
        self.clauses: list[ParsedClause] = []
        self.cur: OpenClause | None = None
        self.headings: dict[str, str] = {}  # section -> its heading text
        self.numbered = False
        self.designated = False  # inside a designation's unit ("H2.1 ..."): its numbered notes are its own
        self.last_note = 0  # the number of the designation's last note (its notes run 1, 2, 3 ...)
        self.skipping = ""  # "history" / "references": inside a revision-history table or reference list
        self.table: TextTable | None = None
        self.notes_of = ""  # the table whose notes follow it, outside any numbered section ("Table 1")
        self.free_heading = ""
        self.last_line = ""
        self.ctx_section, self.ctx_heading = "", ""  # the section the current line sits in, and its heading
        self.items: list[
            tuple[str, str, str]
        ] = []  # the open sub-item path of the section: (number, style, title)
        self.consumed: set[tuple[int, int]] = set()  # lines a case-by-column table has read
        self.parts: list[tuple[int, str]] = []  # (clause count when it began, "SECTION VIII - ... LINES")

    def read(self, pno: int, idx: int, line: str) -> None:
        """Read line ``idx`` (0-based) of page ``pno`` (1-based)."""
        at = (pno - 1, idx)
        # (an article line that is a sentence, "Article 5 Contractor shall submit drawings", heads nothing)
        article = ARTICLE.match(line) and at not in self.accepted and not _MODAL_WORD.search(line)
        if (PART.match(line) or article) and at not in self.consumed:
            self.flush()
            self.parts.append((len(self.clauses), " ".join(line.split())))
            return
        if self.parts and self.parts[-1][1] and APPENDIX.match(line):
            self.flush()
            self.parts.append((len(self.clauses), ""))  # an appendix belongs to no part of the Order
        if (pno == 1 and idx < self.body_start and idx in self.title_lines) or at in self.consumed:
            return
        if not line:
            self._paragraph_break(pno)
            return
        if STOP_HEADING.match(line) or REV_TABLE_HEADER.match(line):
            self.flush()
            self.table = None
            self.skipping = "history" if _HISTORY.search(line) else "references"
            return
        m = SECTION.match(line) if at in self.accepted else None
        if (
            m
            and self.designated
            and m.group("dot")
            and m.group("sec") == str(self.last_note + 1)
            and not heading_like(m.group("rest").strip())  # "3. Materials" is a section; a note is a sentence
        ):
            self._designation_note(pno, m)
            return
        if m:
            self._section(m, pno)
            return
        if self._appendix(pno, line) or self._designation(pno, line):
            return
        if self._skipped(line):
            return
        steps = (
            self._untitled_grid,
            self._table_title,
            self._table_row,
            self._item,
            self._paragraph_after_note,
            self._note,
            self._unnumbered_heading,
        )
        if not any(step(pno, idx, line) for step in steps):
            self._prose(pno, line)

    def flush(self) -> None:
        """Close the clause being read into the clause list."""
        if self.cur is not None:
            self.clauses.extend(self.cur.close(len(self.clauses)))
            self.cur = None

    def finish(self, title: str) -> list[ParsedClause]:
        """The clauses in order once every line is read (``title``: the document's, for a document that is
        nothing but a title block)."""
        self.flush()
        clauses = self.clauses
        _mark_parts(clauses, self.parts)
        if self.numbered:
            clauses = _without_front_matter(clauses)
        if not clauses:
            clauses = _whole_text(self.page_lines, title)
        for i, c in enumerate(clauses):
            c.order = i
        return clauses

    def _context_heading(self) -> str:
        return (self.ctx_heading if self.ctx_section else self.free_heading) or ""

    def _parent_heading(self, sec: str) -> str:
        for prefix in ancestors(sec):
            h = self.headings.get(prefix) or self.headings.get(prefix + ".0")  # "2.0 TRENCHING" over "2.1"
            if h:
                return h
        return ""

    def _paragraph_break(self, pno: int) -> None:
        # a paragraph break ends an exception or note; what follows belongs to the section
        cur = self.cur
        if cur is not None and ends_at_break(cur.kind) and not self.skipping and self.table is None:
            self.flush()
            self.cur = OpenClause(cur.section, cur.heading, REQUIREMENT, pno, [])

    def _section(self, m: re.Match[str], pno: int) -> None:
        """A section line opens its clause ("3.1(b)": section 3.1, item "b" in ``data``)."""
        self.flush()
        self.table = None
        self.skipping = ""
        self.numbered = True
        self.designated = False
        sec, item, rest = m.group("sec"), m.group("item"), m.group("rest").strip()
        kind, heading = self._section_kind(m, sec, item, rest)
        self.cur = OpenClause(sec, heading, kind, pno, [rest] if rest else [])
        self.ctx_section, self.ctx_heading = sec, heading
        self.notes_of = ""
        self.items = []
        if item:
            self.cur.data["item"] = f"({item}){m.group('sub') or ''}" if item.isdigit() else item
        elif rest and heading == rest:
            self.cur.data["title_line"] = True

    def _designation(self, pno: int, line: str) -> bool:
        """A construction assembly or drawing designation ("H2.1  Grounding Assembly - Trench Type", RUS
        Bulletin 1728F-803) opens a unit of its own, cited by the designation."""
        dm = DESIGNATION.match(line) if self.table is None else None
        if dm is None or TABLE_TITLE.match(line):
            return False
        title = re.sub(r"\[[^\]]*\]", "", dm.group("rest")).strip()
        if not heading_like(title, 100) or len(title.split()) < 2:
            return False
        self.flush()
        self.numbered = self.designated = True
        self.last_note = 0
        self._open_titled(dm.group("sec"), title, pno)
        return True

    def _open_titled(self, sec: str, title: str, pno: int) -> None:
        """Open the clause of section ``sec`` headed by its title line ``title`` (an appendix, a designation)."""
        self.cur = OpenClause(sec, title, REQUIREMENT, pno, [title])
        self.ctx_section, self.ctx_heading = sec, title
        self.headings[sec] = title
        self.items = []
        self.cur.data["title_line"] = True

    def _designation_note(self, pno: int, m: re.Match[str]) -> None:
        """A numbered note under a designation ("2. Staples on the ground wire shall be ...") is a clause of
        that designation, its note number in ``data``."""
        self.flush()
        self.last_note += 1
        rest = m.group("rest").strip()
        self.cur = OpenClause(self.ctx_section, self.ctx_heading, REQUIREMENT, pno, [rest] if rest else [])
        self.cur.data["item"] = f"Note {m.group('sec')}"

    def _appendix(self, pno: int, line: str) -> bool:
        """An appendix heading of a numbered document ("Appendix A - Summary of Dimensions ...") opens a
        section of its own, cited "Appendix A"; its tables are cited "Appendix A, Table 2"."""
        am = APPENDIX_HEADING.match(line) if self.numbered else None
        if am is None or TABLE_TITLE.match(line):
            return False
        title = am.group("rest").split("[")[0].strip()
        if len(title) > 100 or title.endswith((".", ",", ";")) or _MODAL_WORD.search(title):
            return False  # "Appendix B lists the ..." / "Appendix A shall ...": a sentence, not a heading
        self.flush()
        self.table = None  # an appendix heading ends the table before it
        self.designated = False
        self._open_titled(" ".join(am.group("sec").split()).title(), am.group("rest").strip(), pno)
        return True

    def _section_kind(self, m: re.Match[str], sec: str, item: str | None, rest: str) -> tuple[str, str]:
        """The kind and heading of the clause section line ``m`` opens; a heading-like rest of the line is
        the section's own heading (recorded for the sections under it)."""
        kind = note_kind(rest)
        if kind:
            heading = (self.headings.get(sec) if item else "") or self._parent_heading(sec)
        elif item:
            kind, heading = REQUIREMENT, self.headings.get(sec) or self._parent_heading(sec)
        elif (
            heading_like(unbracketed(rest))
            or title_case_sentence(rest)
            or code_title(sec, rest)
            or m.group("dot")
            and heading_like(rest.rstrip("."))
        ) and not rest.endswith(":"):
            kind, heading = REQUIREMENT, rest
            self.headings[sec] = rest
        else:
            kind, heading = REQUIREMENT, self._parent_heading(sec)
        if kind == REQUIREMENT and DEFINITION_HEADING.search(heading or ""):
            kind = DEFINITION
        elif kind == REQUIREMENT and heading == rest and is_notes_heading(rest):
            kind = NOTE  # "7 Notes"
        return kind, heading

    def _skipped(self, line: str) -> bool:
        """Whether ``line`` is inside a skipped block; a back-matter heading ends a reference list, a new
        unnumbered heading a revision history."""
        if self.skipping == "references":
            if _BACK_MATTER.match(line):
                self.skipping = ""
                return False
            return True
        if self.skipping:
            if heading_like(line, 50) and not REV_TABLE_HEADER.match(line) and not _ROW_START.match(line):
                self.skipping = ""
                return False
            return True
        return False

    def _untitled_grid(self, pno: int, idx: int, line: str) -> bool:
        # "Row  Highest voltage classification ... / Column A: minimum radial distance": a table printed
        # without a title, named by the rule's prose ("the radial distance of Table 54.6-A")
        if self.table is not None or self.cur is None or not self.ctx_section:
            return False
        if not UNTITLED_GRID_HEAD.match(line):
            return False
        named = TABLE_MENTION.findall(" ".join(self.cur.lines))
        if not named:
            return False
        grid = grid_after(self.page_lines, pno - 1, idx - 1, f"Table {named[-1]}", self.accepted)
        if grid is None:
            return False
        self.flush()
        section = table_section(grid.title, named[-1], self.headings, self.ctx_section)
        self._add_grid(grid, section, self.ctx_heading or "")
        return True

    def _table_title(self, pno: int, idx: int, line: str) -> bool:
        # a titled table: a case-by-column grid, else a text table whose rows follow
        tm = TABLE_TITLE.match(line)
        if not tm or not (tm.group("rest") or "").strip():
            return False
        self.flush()
        heading = self._context_heading()
        grid = grid_after(self.page_lines, pno - 1, idx, line, self.accepted)
        if grid is not None:
            self._add_grid(grid, self._table_section(tm, grid.title), heading)
            self.table = None
            return True
        section = self._table_section(tm, line)
        # rows re-open the surrounding clause afterwards
        self.table = TextTable(re.sub(r"\s+", " ", line).strip(), section, heading)
        return True

    def _table_section(self, tm: re.Match[str], title: str) -> str:
        """The section of the table titled ``title`` (``tm``: its ``TABLE_TITLE`` match); a title that names its
        appendix ("Appendix A, Table 2 ...") is cited so."""
        section = table_section(title, tm.group("t"), self.headings, self.ctx_section)
        if tm.group("app") and not section.startswith("Appendix"):
            section = f"{' '.join(tm.group('app').split()).title()}, {tm.group('t')}"
        return section

    def _add_grid(self, grid: Grid, section: str, heading: str) -> None:
        self.clauses.extend(self._within(c) for c in grid_clauses(grid, section, heading, len(self.clauses)))
        self.consumed |= grid.consumed

    def _within(self, clause: ParsedClause) -> ParsedClause:
        """A table cited by its own name ("Table R-6") printed inside a rule keeps that rule as its context
        (``data["within"]``): retrieval groups it with the rule's sentences."""
        if self.ctx_section and clause.section != self.ctx_section and clause.section.startswith("Table "):
            clause.data = {**(clause.data or {}), "within": self.ctx_section}
        return clause

    def _table_row(self, pno: int, idx: int, line: str) -> bool:
        if self.table is None:
            return False
        got = self.table.read(line, pno, len(self.clauses))
        if got is False:
            # the table has ended: the line is read as prose; outside any numbered section, the notes that follow
            # belong to the table ("(1) Rural patrol inspections shall be increased ...", "Note: ..." under GO 165
            # Table 1)
            self.notes_of = self.table.section if not self.ctx_section else ""
            self.table = None
            return False
        if isinstance(got, ParsedClause):
            first = str((got.data or {}).get("cells", [""])[0]).split(" ", 1)[0]
            if self.designated and first in self.headings and DESIGNATION.match(f"{first} X x"):
                got.section = first  # a material list row of assembly "H3.1": cited by its assembly
            got = self._within(got)
            if self.clauses and self.clauses[-1].order == got.order:
                self.clauses[-1] = got  # the row completes the label-only row read before it
            else:
                self.clauses.append(got)
        return True

    def _item(self, pno: int, idx: int, line: str) -> bool:
        # "(2) Above Private Property:", "a) Residential Premises: ... 12 feet": a sub-item of the rule is a
        # clause of its own, cited by the rule's number with the item in data
        im = ITEM.match(line) if self.regulation and self.ctx_section and self.table is None else None
        if not im or not (self.cur is None or self.cur.kind in (REQUIREMENT, DEFINITION)):
            return False
        self.flush()
        self.items = item_path(self.items, im)
        label = "".join(f"({n})" if style == "paren" else n for n, style, _ in self.items)
        titles = [self.headings.get(self.ctx_section) or self.ctx_heading] + [
            t for _, _, t in self.items if t
        ]
        self.cur = OpenClause(self.ctx_section, " — ".join(titles), REQUIREMENT, pno, [line], {"item": label})
        return True

    def _paragraph_after_note(self, pno: int, idx: int, line: str) -> bool:
        """A code's next titled paragraph ("(d) Identification: cables shall be labeled ...") after an exception or
        note ends it: the paragraph is the section's requirement again, not more of the exception."""
        if self.cur is None or self.cur.kind == REQUIREMENT or not _TITLED_PARAGRAPH.match(line):
            return False
        self.flush()
        self.cur = OpenClause(self.ctx_section, self._context_heading(), REQUIREMENT, pno, [line])
        return True

    def _note(self, pno: int, idx: int, line: str) -> bool:
        kind = note_kind(line)
        if kind is None:
            return False
        self.flush()
        self.cur = OpenClause(self.ctx_section or self.notes_of, self._context_heading(), kind, pno, [line])
        return True

    def _unnumbered_heading(self, pno: int, idx: int, line: str) -> bool:
        # unnumbered prose: headings cut it into clauses
        if self.numbered or not is_free_heading(line, self.last_line):
            return False
        self.flush()
        self.free_heading = self.ctx_heading = line
        self.cur = OpenClause("", line, heading_kind(line), pno, [line])
        return True

    def _prose(self, pno: int, line: str) -> None:
        if self.cur is None:  # prose after a table: the section continues
            self.cur = OpenClause(self.ctx_section, self._context_heading(), REQUIREMENT, pno, [])
        self.cur.lines.append(line)
        self.last_line = line


_MODAL_WORD = re.compile(r"\b(?:shall|must|may|should)\b")
_TITLED_PARAGRAPH = re.compile(r"^\((?:[a-z]|\d{1,2})\)\s+[A-Z][\w ,'/-]{2,40}:\s")


def _mark_parts(clauses: list[ParsedClause], parts: list[tuple[int, str]]) -> None:
    """Put the part of the Order each clause sits in ("SECTION V - ...") in its ``data["part"]``."""
    for k, (start, part) in enumerate(parts):
        end = parts[k + 1][0] if k + 1 < len(parts) else len(clauses)
        for c in clauses[start:end] if part else []:
            c.data = {**(c.data or {}), "part": part}


def _without_front_matter(clauses: list[ParsedClause]) -> list[ParsedClause]:
    """Front matter of a numbered document: page-1 prose before the first section (title-block leftovers,
    boilerplate "General notes") is dropped unless it is an Exception/Note paragraph or a table; later pages
    before the first section (a tariff's preamble) are kept. Unnumbered documents keep all their prose."""
    first_sectioned = next((i for i, c in enumerate(clauses) if c.section), len(clauses))
    return [
        c
        for i, c in enumerate(clauses)
        if i >= first_sectioned or c.kind in (NOTE, TABLE_ROW, EXCEPTION) or c.page > 1
    ]


def _whole_text(page_lines: list[list[str]], title: str) -> list[ParsedClause]:
    """Nothing but a title block: the text itself, cut into pieces, is kept citable."""
    text = join_lines([line for lines in page_lines for line in lines if line])
    first_page = next((i for i, lines in enumerate(page_lines, start=1) if any(lines)), 1)
    return [
        ParsedClause("", title[:HEADING_CHARS], piece, REQUIREMENT, first_page, 0)
        for piece in (cut_text(text, CHUNK_CHARS) if text.strip() else [])
    ]


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
    reader = _Pass(page_lines, accepted, regulation, body_start, tb.consumed)
    for pno, lines in enumerate(page_lines, start=1):
        for idx, line in enumerate(lines):
            reader.read(pno, idx, line)
    return ParsedSpec(tb.number or stem, tb.title, tb.revision, tb.effective, reader.finish(tb.title))
