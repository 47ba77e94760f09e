"""Retrieval and verdicts: infraction + spec library -> VALID / REPEALABLE / NEEDS_REVIEW. Plain Python.

The rules follow docs/architecture.md: BM25 retrieval (``engine.retrieval``) only finds candidate clauses; the
verdict comes from the governing clause's requirement (``engine.requirements``) compared with the audit's
facts (``engine.verdicts``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import repeat
from sys import intern
from types import MappingProxyType
from typing import Any, Protocol

from engine.aliases import named_documents
from engine.requirements import (
    Statement,
    parse_statements,
    primary_values,
    split_row_text,
    table_row_statement,
)
from engine.retrieval import ClauseIndex, tokenize
from engine.spec.numbering import ancestors

# the case number leading a table row ("3 Manhole openings ..."), and a limit said in words in a row's cells
_REQUIREMENT_COLUMN = re.compile(r"(?i)\brequirements?\b")
_CASE_NUMBER = re.compile(r"^\s*\d{1,3}\s+(?=[A-Z])")
_WORDED_LIMIT = re.compile(
    r"\b(?:not\s+(?:less|more|greater)\s+than|at\s+(?:least|most)|minimum|maximum|no\s+(?:less|more)\s+than)\b",
    re.I,
)
ENGINE_VERSION = "1.92"  # bump when verdict logic changes: cached results keyed by it are recomputed


# The JSON data a spec clause carries beside its text ("item", "table", "columns", "cells", "grid", "note",
# "part"): values as the spec import stored them (str, bool, lists of str, a grid object).
ClauseData = Mapping[str, Any]


class ClauseFields(Protocol):
    """What ``ClauseRecord.of`` reads of a clause: a stored ``specs.models.SpecClause`` or an
    ``engine.spec.parsing.ParsedClause`` (``page`` 1-based)."""

    @property
    def section(self) -> str: ...
    @property
    def heading(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def page(self) -> int: ...
    @property
    def data(self) -> ClauseData: ...


class StatementSource(Protocol):
    """Where a Library reads units' parsed statements instead of parsing them (``engine.snapshot``)."""

    def get(self, unit: int) -> list[Statement] | None: ...


@dataclass
class ClauseRecord:
    """A clause as the engine sees it (no Django model)."""

    id: int | None
    document: str
    title: str
    revision: str
    section: str
    heading: str
    text: str
    kind: str
    page: int
    data: ClauseData = field(default_factory=dict)

    @classmethod
    def of(
        cls, clause: ClauseFields, *, document: str, title: str, revision: str, id: int | None = None
    ) -> ClauseRecord:
        """A record from any clause with ``section``, ``heading``, ``text``, ``kind``, ``page`` and
        ``data`` attributes (a stored ``SpecClause`` or a freshly parsed ``ParsedClause``)."""
        return cls(
            id=id,
            document=document,
            title=title,
            revision=revision,
            section=clause.section,
            heading=clause.heading,
            text=clause.text,
            kind=clause.kind,
            page=clause.page,
            data=clause.data,
        )


class TextSource(Protocol):
    """Where units loaded from a snapshot read their text (``engine.snapshot``)."""

    def text(self, unit: int) -> str: ...


@dataclass(slots=True)
class Unit:
    """A citable piece of a clause: the record itself, or a numbered sub-clause found inside its text.

    ``text`` is held in memory when the unit is built, and read from the snapshot's memory-mapped text
    store when it was loaded from one (``_text`` None): the texts are a library's largest part, and
    mapped pages are shared by every worker on a machine."""

    record: int  # index of the clause record the unit was cut from
    document: str
    title: str
    revision: str
    section: str
    heading: str
    parent_heading: str
    _text: str | None
    kind: str
    page: int
    data: ClauseData = field(default_factory=dict)
    _texts: TextSource | None = field(default=None, init=False, repr=False, compare=False)
    _at: int = field(default=-1, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The unit's text."""
        got = self._text
        if got is not None:
            return got
        if self._texts is None:
            raise RuntimeError("a unit loaded from a snapshot has no text store attached")
        return self._texts.text(self._at)


# Statements read from a snapshot's store are kept for this many units, oldest out first: a 200-page
# audit touches ~25,000 units (~90 MB of statements), a 10-page one ~1,300; reading one again costs ~20 us.
STORED_STATEMENTS_KEPT = 4096
_NO_DATA: ClauseData = MappingProxyType({})
# the unit fields a pickled Library keeps, by column (the texts go to the snapshot's text store)
_UNIT_COLUMNS = (
    "record",
    "document",
    "title",
    "revision",
    "section",
    "heading",
    "parent_heading",
    "kind",
    "page",
    "data",
)

# "4.1 Conductors shall ...", "Section 4.1.2: Poles ...", "3 Setting Depth"; not "45 ft 6.5 ft" table rows
_NUMBERED = re.compile(r"^\s*(?:Section\s+|§\s*)?(\d{1,3}(?:\.\d{1,3}){0,4})(?:\.|:)?\s+(?=[A-Z(])(.*)$")
# "Rule 54.4-A(3)", "Rule 37", "Rule 56.7-B(2)a" (a General Order rule and its sub-item)
_RULE_REF = re.compile(
    r"\b(?i:rule)\s+(?P<sec>\d{1,4}(?:\.\d{1,3})*(?:-[A-Z]{1,2}\d{0,2})?)"
    r"(?P<item>(?:\(\d{1,2}\)|\([a-zA-Z]\))?[a-zA-Z]?)(?![\w-])(?!\.\d)"
)
_DOC_ID = re.compile(r"\b[A-Z0-9]*\d[A-Z0-9]*(?:-[A-Z0-9]+)+\b")
_DOC_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{2,}[A-Za-z0-9]")
_SECTION_REF = re.compile(
    r"(?i:\b(?:rule|section|sec\.|greenbook|green\s+book|standard|bulletin)\s+|§\s*)"
    r"(?:[A-Z]{1,4}-?[\dA-Z]+\s+)?(?P<sec>\d{1,4}(?:\.\d{1,3})*(?:-[A-Z]{1,2}\d{0,2})?)"
)
_NAMED_SECTION = re.compile(
    r"(?i)\b(?:greenbook|green\s+book|G\.?\s?O\.?\s*\d{2,3}|General\s+Order(?:\s+No\.?)?\s*\d{2,3})\s*,?\s*"
    r"(?:section|sec\.|§)\s*(?P<sec>\d{1,4}(?:\.\d{1,3})*)\b"
)
# "Table 1, Case 4" and, in an audit written in capitals, "TABLE 1, CASE 4"
_TABLE_REF = re.compile(r"\b(?i:table)\s+(\d+[A-Z]?(?:[-.]\d+)?)\b(?:,?\s+(?i:cases?)\s+(\d{1,2})\b)?")
_TABLE_ID = re.compile(r"(?i)\s*table\s+(\d+[A-Z]?(?:[-.]\d+)?)\b")
_FOOTER = re.compile(r"\bPage\s+\d+\s+of\s+\d+\b", re.I)


_CFR_SECTION = re.compile(r"^(\d{3,4}\.\d{1,4})(?=\(|$)")


def unit_group(u: Unit) -> str:
    """The rule ``u`` is grouped with: its own section's (``rule_group``), or for a table cited by its own name
    the rule it is printed in (``data["within"]``); ``#<record>`` when it has no section."""
    within = u.data.get("within") if isinstance(u.data, dict) else None
    section = str(within or u.section)
    return rule_group(section) if section else f"#{u.record}"


def rule_group(section: str) -> str:
    """The rule a section belongs to for grouping its sentences, tables, notes and exceptions: the top-level
    number ("37" of "37.2", "54" of "54.8-B"), or for a Code of Federal Regulations paragraph its section
    ("1926.1408" of "1926.1408(d)(1)", "1910.269" of "1910.269(l)(2)")."""
    m = _CFR_SECTION.match(section or "")
    return m.group(1) if m else (section or "").split(".")[0]


def _looks_like_heading(rest: str) -> bool:
    words = rest.split()
    return 0 < len(words) <= 7 and not re.search(r"\b(?:shall|must|should|may|is|are)\b|[.;]$", rest)


def split_units(index: int, rec: ClauseRecord) -> list[Unit]:
    """Split a record whose text holds several numbered clauses (a whole page or section) into units.

    A record that is already one clause stays whole. Numbered lines must be children of the record's own
    section (or the record has none), so table rows and list items are never mistaken for clauses.
    """
    # Thousands of units repeat a document's number, title and revision and a rule's heading: one string
    # object each (kept shared by a snapshot's pickle) instead of one per unit.
    document, title, revision = intern(rec.document), intern(rec.title), intern(rec.revision)
    base = Unit(
        index,
        document,
        title,
        revision,
        intern(rec.section),
        intern(rec.heading),
        "",
        rec.text,
        intern(rec.kind),
        rec.page,
        rec.data or {},
    )
    if rec.kind == "table_row":
        return [base]
    lines = (rec.text or "").split("\n")
    starts = []
    for i, ln in enumerate(lines):
        m = _NUMBERED.match(ln)
        if not m:
            continue
        num = m.group(1)
        if rec.section and not (num.startswith(rec.section + ".")):
            continue
        if re.match(r"^\d+(?:\.\d+)?\s*(?:ft|in|m|mm|kv|v|%)\b", ln.strip(), re.I):
            continue
        starts.append((i, num, m.group(2)))
    if not starts:
        return [base]
    units: list[Unit] = []
    headings: dict[str, str] = {}
    if starts[0][0] > 0:
        pre = "\n".join(lines[: starts[0][0]]).strip()
        if pre:
            units.append(replace(base, _text=pre))
    for n, (i, num, rest) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body_lines = [rest] + lines[i + 1 : end]
        heading = ""
        if _looks_like_heading(rest):
            heading = rest.strip()
            body_lines = lines[i + 1 : end]
            headings[num] = heading
        body = "\n".join(ln for ln in body_lines if not _FOOTER.search(ln)).strip()
        parent = num.rsplit(".", 1)[0] if "." in num else ""
        parent_heading = headings.get(parent, "") or (rec.heading if rec.section else "")
        units.append(
            Unit(
                index,
                document,
                title,
                revision,
                intern(num),
                intern(heading or parent_heading),
                intern(parent_heading),
                body,
                "exception" if re.match(r"\s*exception", rest, re.I) else base.kind,
                rec.page,
            )
        )
    return units


class Library:
    """The active clauses of the spec library with a ranking index, built once per library version.

    ``units`` are the citable pieces (records split into numbered sub-clauses when a record holds several);
    ``index`` ranks them by BM25 over clause text + heading + document title. Parsed statements are cached
    per unit on first use.
    """

    def __init__(self, clauses: list[ClauseRecord]):
        self.clause_count = len(clauses)
        self.units: list[Unit] = []
        for i, rec in enumerate(clauses):
            self.units.extend(split_units(i, rec))
        _inherit_headings(self.units)
        self.index = ClauseIndex(
            [f"{u.text}\n{u.heading}\n{u.parent_heading}\n{u.title}" for u in self.units]
        )
        self._groups: dict[tuple[str, str], list[int]] = {}
        self._documents = {u.document.lower(): u.document for u in self.units if len(u.document) >= 3}
        self._titles = {u.document: u.title for u in self.units}
        self._doc_sections: dict[str, set[str]] = {}
        for u in self.units:
            if u.section:
                self._doc_sections.setdefault(u.document, set()).add(u.section)
        # rule numbers held, and the sub-items held under each ("54.8-B" -> {"(1)", "(2)b"})
        self._sections: dict[str, set[str]] = {}
        for u in self.units:
            if u.section:
                item = u.data.get("item") if isinstance(u.data, dict) else None
                self._sections.setdefault(u.section, set()).update([str(item)] if item else [])
        for i, u in enumerate(self.units):
            self._groups.setdefault((u.document, unit_group(u)), []).append(i)
        self._tables = _TableFacts(self.units)
        self._setup_caches()

    def _setup_caches(self) -> None:
        self._parsed: dict[int, list[Statement]] = {}
        self._heads: dict[int, set[str]] = {}
        self._store: StatementSource | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        """Pickled (``engine.snapshot``) without its caches, lock and statement store, with its units as
        one list per field (unpickling then makes no short-lived object per unit between the ones it
        keeps: about 90 MB less resident memory for 190,000 units) and without their texts, which
        ``engine.snapshot`` saves apart."""
        state = dict(self.__dict__)
        for name in ("_parsed", "_heads", "_store", "_lock"):
            state.pop(name, None)
        state["units"] = {name: [getattr(u, name) for u in self.units] for name in _UNIT_COLUMNS}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        columns = state.pop("units")
        # one read-only empty mapping for the units without data (most of them), not a dict each
        columns["data"] = [d if d else _NO_DATA for d in columns["data"]]
        self.__dict__.update(state)
        texts = repeat(None)  # read from the text store attached by engine.snapshot (attach_texts)
        c = columns
        self.units = list(
            map(
                Unit,
                c["record"], c["document"], c["title"], c["revision"], c["section"], c["heading"],
                c["parent_heading"], texts, c["kind"], c["page"], c["data"],
            )
        )  # fmt: skip
        for i, u in enumerate(self.units):
            u._at = i
        self._setup_caches()

    def attach_texts(self, store: TextSource) -> None:
        """Read the units' texts from ``store`` (a loaded snapshot's; the pickle holds none)."""
        for u in self.units:
            if u._text is None:
                u._texts = store

    def __len__(self) -> int:
        """The number of clause records the library was built from."""
        return self.clause_count

    def attach_statements(self, store: StatementSource) -> None:
        """Read units' statements from ``store`` (saved by ``engine.snapshot``) instead of parsing them."""
        self._store = store

    def statements(self, unit: int) -> list[Statement]:
        """Parsed statements of unit ``unit`` (cached; from the snapshot's store when one is attached)."""
        got = self._parsed.get(unit)
        if got is None:
            got = self._store.get(unit) if self._store is not None else None
            if got is None:
                got = self.parse_unit(unit)
            with self._lock:
                if self._store is not None and len(self._parsed) >= STORED_STATEMENTS_KEPT:
                    self._parsed.pop(next(iter(self._parsed)), None)  # the oldest: read again if needed
                self._parsed[unit] = got
        return got

    def parse_unit(self, unit: int) -> list[Statement]:
        """Parse the statements of unit ``unit`` (uncached): a table row's cells against its table's header
        and referring sentence, or a clause's sentences, exceptions and notes."""
        u = self.units[unit]
        cells = u.data.get("cells") if isinstance(u.data, dict) else None
        if u.kind == "table_row" and cells:
            table = str(u.data.get("table") or "")
            columns = [str(c) for c in u.data.get("columns") or []]
            cells = [str(c) for c in cells]
            named = " ".join(columns)  # the columns the row was stored under (before any split below)
            words = _CASE_NUMBER.sub("", " ".join(cells))
            st = None
            if len(cells) < 2:  # a row kept as one string: split it here (the header row is no rule)
                header = self._table_header(unit, table)
                if cells[0] != header:
                    columns, cells = split_row_text(cells[0], header)
                    st = table_row_statement(table, columns, cells, self._table_context(unit, table))
            else:
                if not any(columns):
                    header_cells = self._header_cells(unit, table)
                    if header_cells == cells:
                        cells = []  # the header row itself names columns: no rule
                    elif header_cells and len(header_cells) == len(cells):
                        columns = header_cells
                st = (
                    table_row_statement(table, columns, cells, self._table_context(unit, table))
                    if cells
                    else None
                )
            # a row whose cells gave a keyed or explicit limit (a voltage column) keeps it
            weak = st is None or all(not c.explicit and c.key is None for c in st.constraints)
            if weak and _WORDED_LIMIT.search(words):
                prose = self._prose_row(unit, table, named, words)
                if prose:
                    return prose
            return [st] if st else []
        got = parse_statements(u.text, u.heading)
        if u.kind in ("exception", "note"):
            for stmt in got:
                # a note printed after an exception ("Note to (t)(7)(i): oil leaking from joints ...") explains the
                # rule; it is no exception to it
                stmt.is_exception = stmt.is_exception or (u.kind == "exception" and not stmt.is_note)
                stmt.is_note = stmt.is_note or u.kind == "note"
        return got

    def _prose_row(self, unit: int, table: str, named: str, words: str) -> list[Statement]:
        """The statements of a table row written as prose ("3 Manhole openings Not less than 26 in diameter, or
        26 x 24 in rectangular", "5 Sectionalizing switches Maximum height of ... 6-1/2 feet", GO 128 Appendix A
        Table 2), read as sentences and made requirements, as a table's rows are; ``[]`` unless the table has a
        "Requirement" column (``named``: its stored column names; else its header row). In other tables a worded
        value is a case's condition ("two layers of steel tape each at least 0.020 in": lesser depth permitted)."""
        if not _REQUIREMENT_COLUMN.search(named) and not _REQUIREMENT_COLUMN.search(
            self._table_header(unit, table)
        ):
            return []
        return [
            replace(x, modality="mandatory", table=table)
            for x in parse_statements(words, table)
            if x.constraints
        ]

    def _table_header(self, unit: int, table: str) -> str:
        """The first row of ``table`` when it names columns rather than values (a header kept as a row)."""
        for gi in self.group(unit, limit=60):
            g = self.units[gi]
            if g.kind == "table_row" and str(g.data.get("table") or "") == table:
                cells = g.data.get("cells") or []
                text = " ".join(str(c) for c in cells)
                if not primary_values(text) or re.search(r"\((?:\s*[\d.]+\s*-)", text):
                    return text
                return ""
        return ""

    def _header_cells(self, unit: int, table: str) -> list[str]:
        """The cells of ``table``'s first row when they name columns by a value and a noun ("Conductor",
        "150 ft span", "200 ft span") rather than give bare values ("16 in"); else []."""
        for gi in self.group(unit, limit=60):
            g = self.units[gi]
            if g.kind == "table_row" and str(g.data.get("table") or "") == table:
                cells = [str(c) for c in g.data.get("cells") or []]
                if len(cells) < 3 or primary_values(cells[0]):
                    return []
                for c in cells[1:]:
                    qs = primary_values(c)
                    rest = c[qs[0].end :] if qs else ""
                    if not qs or not re.search(r"[A-Za-z]{3,}", rest):
                        return []
                return cells
        return []

    def _table_context(self, unit: int, table: str) -> str:
        """The sentence of the same section that refers to ``table`` ("not less than the values in Table 4-1")."""
        tid = re.match(r"\s*(Table\s+[\w.-]+)", table, re.I)
        u = self.units[unit]
        for gi in self.group(unit):
            g = self.units[gi]
            if g.kind == "table_row" or unit_group(g) != unit_group(u):
                continue
            if tid and tid.group(1).lower() in g.text.lower():
                return g.text
        return ""

    def group(self, unit: int, limit: int = 24) -> list[int]:
        """Units of the same document and top-level section as ``unit`` (its rule, exceptions, notes, tables).

        A long section is cut to the ``limit`` units nearest ``unit`` in document order.
        """
        u = self.units[unit]
        members = self._groups.get((u.document, unit_group(u)), [unit])
        if len(members) <= limit:
            return members
        return sorted(sorted(members, key=lambda i: abs(i - unit))[:limit])

    def unheld_references(self, text: str) -> list[str]:
        """References in a finding to rules or documents the library does not hold, as written.

        Two kinds are read: ``Rule 54.4-A(3)`` (a General Order rule, optionally with its sub-item) and a
        document of a series the library holds under another number (``1728F-806`` beside a held
        ``1728F-804``). A reference to anything held returns ``[]``: the finding's own citation governs
        retrieval then. Other citations (``ANSI C29.1``, ``NEC 230``) are not judged: the library holds
        the utility's standards, not every standard its clauses build on.
        """
        missing, held = [], False
        for m in _RULE_REF.finditer(text or ""):
            if self._holds_rule(m.group("sec"), (m.group("item") or "").lower()):
                held = True
            else:
                missing.append(m.group(0).strip())
        for m in _DOC_ID.finditer(text or ""):
            word = m.group(0)
            if word.lower() in self._documents:
                held = True
            elif "-" in word and word.rsplit("-", 1)[0].lower() in self._series():
                missing.append(word)
        return ([] if held else missing) + self._unheld_tables(text or "") + self._unheld_sections(text or "")

    def _unheld_sections(self, text: str) -> list[str]:
        """Sections of a held document that a finding cites by the document's name and the library lacks
        ("Greenbook Section 3 requires 24 inches" when only Sections 2 and 5 of the Greenbook are held)."""
        out = []
        for m in _NAMED_SECTION.finditer(text):
            sec = m.group("sec")
            docs = named_documents(m.group(0), self._titles)
            if not docs:
                continue
            held = set().union(*(self._doc_sections.get(d, set()) for d in docs))
            if not any(s == sec or s.startswith((sec + ".", sec + "-")) for s in held):
                out.append(" ".join(m.group(0).split()))
        return out

    def _unheld_tables(self, text: str) -> list[str]:
        """Table references ("Table 2", "Table 1, Case 14") to a table or case the library itself says it
        does not reproduce: a case-by-column table that lacks the case, or a table a clause calls "not
        reproduced" / "not included"."""
        out = []
        for m in _TABLE_REF.finditer(text):
            tid, case = m.group(1), m.group(2)
            if re.search(
                r"(?i)\b(?:no|not|without)\s+(?:the\s+)?$", text[max(0, m.start() - 14) : m.start()]
            ):
                continue  # "no Table 4 footnote applies": the finding does not rely on that table
            cases = self._tables.cases.get(tid.lower())
            if cases is not None:
                if case and case not in cases:
                    out.append(f"Table {tid}, Case {case}")
                continue
            if tid.lower() in self._tables.withheld and tid.lower() not in self._tables.held:
                out.append(f"Table {tid}")
        return out

    def named_grid_rows(self, text: str) -> list[int]:
        """One row unit of each case-by-column table a finding names ("Rule 38, Table 2"), tables of a
        document the finding names first."""
        named = self.documents_named(text) if _TABLE_REF.search(text or "") else set()
        out: list[int] = []
        for m in _TABLE_REF.finditer(text or ""):
            rows = [i for doc, i in self._tables.grid_firsts.get(m.group(1).lower(), ())]
            rows.sort(key=lambda i: self.units[i].document not in named)
            out.extend(i for i in rows if i not in out)
        return out

    def _holds_rule(self, section: str, item: str) -> bool:
        """Is rule ``section`` (or a sub-clause of it) held, with sub-item ``item`` when one is named?"""
        subs = [s for s in self._sections if s == section or s.startswith((section + ".", section + "-"))]
        if item and not item.startswith("(") and section + item in self._sections:
            return True  # "Rule 54.4-C4b": a rule numbered with its letter, not a sub-item of 54.4-C4
        if not subs:
            return False
        items = set().union(*(self._sections[s] for s in subs))
        if not item or not items:
            return True  # no sub-items were read from that rule: it cannot be told which it holds
        return any(held.startswith(item) for held in items)

    def holds_section(self, section: str) -> bool:
        """Whether the library holds a unit numbered ``section`` exactly ("H2.1", "54.8-B")."""
        return section in self._sections

    def holds_rule_family(self, reference: str) -> bool:
        """Whether the library holds the rule a reference names or the rule it belongs to.

        Args:
            reference: as ``unheld_references`` returns it ("Rule 31.5-A", "RULE 86.9").

        "Rule 31.5-A" belongs to Rule 31.5 and "Rule 86.9" to Rule 86 (GO 95 and GO 128 number a rule's
        parts under it). False for anything that is not a rule reference.
        """
        m = _RULE_REF.search(reference or "")
        if not m:
            return False
        sec = m.group("sec")
        family = {sec, sec.split("-")[0]}
        family |= {f.rsplit(".", 1)[0] for f in list(family) if "." in f}
        return any(self._holds_rule(f, "") for f in family)

    def _series(self) -> set[str]:
        """Series of the held document numbers that carry a digit before their last hyphen
        (``1728F`` of ``1728F-804``, ``TD-2908P`` of ``TD-2908P-01``), lower case."""
        return {
            d.rsplit("-", 1)[0]
            for d in self._documents
            if "-" in d and any(ch.isdigit() for ch in d.rsplit("-", 1)[0])
        }

    def documents_named(self, text: str) -> set[str]:
        """Library document numbers written in ``text`` ("per 035010 Section 4.3", "TD-2908P-01") or named
        by what the field calls them ("per Greenbook 5.4.1", "GO 95 Rule 37": ``engine.aliases``)."""
        by_number = {
            self._documents[w.lower()] for w in _DOC_WORD.findall(text or "") if w.lower() in self._documents
        }
        return by_number | named_documents(text, self._titles)

    def sections_named(self, text: str) -> set[str]:
        """Rule or section numbers a finding cites ("per GO 95 Rule 54.8-B", "Greenbook 5.4.1", "Section
        4.4.6", "§ 2.1") that the library holds."""
        got = {m.group("sec") for m in _SECTION_REF.finditer(text or "")}
        return {sec for sec in got if sec in self._sections}

    def heading_tokens(self, unit: int) -> set[str]:
        """Canonical tokens of a unit's heading and parent heading (cached)."""
        got = self._heads.get(unit)
        if got is None:
            u = self.units[unit]
            got = set(tokenize(f"{u.heading} {u.parent_heading}", keep_numbers=False))
            self._heads[unit] = got
        return got


# "Table 3 ... not reproduced": a clause saying the library does not hold that table (lookahead, so
# "Table 1 and Table 2 are not reproduced" names both)
_WITHHELD_TABLE = re.compile(
    r"(?i)\bTable\s+(\d+[A-Z]?(?:[-.]\d+)?)\b(?=[^.]{0,40}?\bnot\s+(?:reproduced|included))"
)


class _TableFacts:
    """What a library holds of its tables, read in one pass when the library is built (table ids lower
    case): ``grid_firsts`` id -> [(document, first row unit)] of each case-by-column table, ``cases``
    id -> case numbers held, ``held`` ids with any row, ``withheld`` ids a clause calls not reproduced."""

    def __init__(self, units: list[Unit]):
        self.grid_firsts: dict[str, list[tuple[str, int]]] = {}
        self.cases: dict[str, set[str]] = {}
        self.held: set[str] = set()
        self.withheld: set[str] = set()
        for i, u in enumerate(units):
            self.withheld.update(m.group(1).lower() for m in _WITHHELD_TABLE.finditer(u.text))
            if u.kind != "table_row" or not isinstance(u.data, dict):
                continue
            m = _TABLE_ID.match(str(u.data.get("table") or ""))
            if not m:
                continue
            tid = m.group(1).lower()
            self.held.add(tid)
            if "grid" not in u.data:
                continue
            firsts = self.grid_firsts.setdefault(tid, [])
            if all(doc != u.document for doc, _ in firsts):
                firsts.append((u.document, i))
            if grid := u.data["grid"]:
                self.cases.setdefault(tid, set()).add(str(grid.get("case")))


def _inherit_headings(units: list[Unit]) -> None:
    """Give a unit without a parent heading the heading of its nearest enclosing section in the same document
    ("34.3-C Locking" under "34.3 Self-Contained Surface-Mounted Equipment"), so a finding that names the
    thing the parent section is about still finds the sub-rule."""
    heads: dict[tuple[str, str], str] = {}
    for u in units:
        if u.section and u.heading and u.kind != "table_row":
            heads.setdefault((u.document, u.section), u.heading)
    for u in units:
        if u.parent_heading or not u.section or u.kind == "table_row":
            continue
        for anc in ancestors(u.section):
            head = heads.get((u.document, anc))
            if head and head != u.heading:
                u.parent_heading = head
                break


@dataclass
class Decision:
    verdict: str  # "VALID" | "REPEALABLE" | "NEEDS_REVIEW"
    confidence: float
    reason: str
    # [{"document","title","revision","section","page","quote","score"}], best first
    citations: list[dict[str, Any]]
    details: dict[str, Any] = field(default_factory=dict)
