"""The one detection state that every audit layout reads and advances (docs/architecture.md).

``detect_infractions`` offers each content line to the layouts of ``engine.audit.layouts`` in
order; the first whose ``read(state, line)`` returns ``True`` has consumed it. The state holds
what the layouts share: the item being read, the section (``"infraction"`` / ``"other"``), the
open checklist or findings table, counters, the line before, and the findings built so far.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from engine.audit.classify import RECORD_HEADING, heading_kind
from engine.audit.items import DetectedInfraction, Item
from engine.audit.lines import DANGLING, FULL_STOP_REACH
from engine.audit.patterns import (
    NEGATIVE_ANSWERS,
    NOT_A_FINDING,
    QUIET_HEADING,
    SECTION_WORDS,
    Line,
    ends_sentence,
    norm,
)

_GO_BACK_STATUS = re.compile(r"(?i)go[- ]?backs?")
_STILL_OPEN = re.compile(r"(?i)open|repeat|new|pending|outstanding|not\s+corrected|in\s+progress|fail(?:ed)?")


@dataclass
class DetectionState:
    """What the layouts share while one audit is read, line by line.

    ``width`` is the typical length of a full (wrapped) line in characters. ``prev`` is the line
    before the current one and ``after_break`` whether a paragraph break (blank line, heading)
    preceded it; the reading loop sets ``prev``, each layout sets ``after_break``.
    """

    width: int
    found: list[DetectedInfraction] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    item: Item | None = None  # the go-back being read
    ignoring: bool = False  # inside a row or list item that is no infraction (its wraps too)
    prev: Line | None = None
    after_break: bool = True
    # Sections
    section: str | None = None  # "infraction" / "other" / None before the first heading
    summary_section: bool = False
    quiet_section: bool = False  # under a compliant / notes / observations heading
    section_start: int = 0  # len(found) when the section began
    section_leads: int = 0  # lead paragraphs ("Deficiency: ...") read since the section began
    lead_counter: Counter[str] = field(default_factory=Counter)  # unnumbered leads by label
    list_counter: int = 0  # the number of the last list item or table row
    # Checklists
    checklist: bool = False
    checklist_rows: int = 0
    checklist_no: int = 0  # rows answered No (Yes when inverted)
    inverted: bool = False  # the checklist's Yes marks a defect
    pending_row: Line | None = None  # a checklist row whose answer has not shown up yet
    # (stated, page, 'No' rows since the last count, all 'No' rows)
    counts: list[tuple[int, int, int, int]] = field(default_factory=list)
    last_count_no: int = 0
    # Findings tables
    table_cols: list[str] | None = None  # column kinds of the findings table being read
    # the table is a log under a quiet heading ("POLE-BY-POLE INSPECTION LOG"): only its rows whose status says
    # go-back are findings
    table_records: bool = False
    # the mark a legend says leads go-back entries ("Entries marked GB are go-backs"), and whether the log's
    # entries are led by a time ("09:10 GB ...") or by a number
    entry_mark: str | None = None
    entry_timed: bool | None = None
    # Plain paragraphs under an infraction heading are its findings when the section holds no
    # lead, list item or checklist row: kept aside until the section ends; they count only in
    # an audit with no other infraction layout.
    candidates: list[DetectedInfraction] = field(default_factory=list)
    paragraphs: list[DetectedInfraction] = field(default_factory=list)
    _heading_line: Line | None = None
    _heading: tuple[str | None, bool] = (None, False)

    # --- items and sections ------------------------------------------------------------

    def close(self) -> None:
        """Build the open item (if it is a finding) and close it."""
        if self.item is not None:
            built = self.item.build()
            if built is not None:
                (self.candidates if self.item.layout == "section" else self.found).append(built)
        self.item = None
        self.ignoring = False

    def end_section(self) -> None:
        """Close the section: its plain paragraphs become candidates when it found nothing else."""
        self.close()
        if (
            self.section == "infraction"
            and len(self.found) == self.section_start
            and not self.summary_section
        ):
            self.paragraphs.extend(
                c
                for c in self.candidates
                if len(c.description.split()) >= 3 and not NOT_A_FINDING.search(c.description)
            )
        self.candidates.clear()
        self.section_start = len(self.found)
        self.section_leads = 0

    def start(self, item: Item, after_break: bool = False) -> None:
        """Close the open item and start reading ``item``."""
        self.close()
        self.item = item
        self.after_break = after_break

    def open_row(self, m: re.Match[str], ln: Line) -> None:
        """A checklist row (``m`` from one of the row patterns): an item when its answer is negative."""
        self.close()
        self.checklist = True
        self.checklist_rows += 1
        ans = m.group("ans")
        num = m.groupdict().get("num") or str(self.checklist_rows)
        negative = (ans.lower() in ("yes", "y")) if self.inverted else (ans.lower() in NEGATIVE_ANSWERS)
        if negative:
            self.checklist_no += 1
            comment = norm(m.group("comment") or "")
            self.item = Item(f"Item {num}", ln.page, "checklist", comment)
            self.item.fields = {"subject": [norm(m.group("q"))], "answer": [ans], "item": [num]}
            if not comment:
                self.item.fields["wrapped_comment"] = ["yes"]  # the comment starts on the lines below
        else:
            self.ignoring = True

    # --- reading lines -----------------------------------------------------------------

    def continues(self, text: str, page: int) -> bool:
        """Whether ``text`` is a wrapped line of the line before.

        It starts in lower case, or the line before was full (its text ran to the wrap width);
        a short line ending a sentence closes the paragraph.
        """
        prev = self.prev
        if prev is None or not prev.text:
            return False
        if text[:1].islower() or text[:1] in "(&,;/%":
            return True
        if not ends_sentence(prev.text) and (page != prev.page or DANGLING.search(prev.text)):
            # A sentence cut by a page break (running header/footer between), or a line
            # ending on a word that cannot end a sentence ("... at the corner of X and").
            return True
        # The line was cut because the next word did not fit (within the slack of a
        # proportional font); after a full stop the line must have run to the margin.
        first_word = text.split(" ", 1)[0]
        reach = len(prev.text) + 1 + len(first_word)
        return reach >= (FULL_STOP_REACH if ends_sentence(prev.text) else 0.8) * self.width

    def heading(self, ln: Line) -> tuple[str | None, bool]:
        """``(kind, wrapped)`` for ``ln``: its heading kind (``heading_kind``) and whether it is
        rather a wrapped line of the open item. Read once per line, when a layout first asks."""
        if self._heading_line is ln:
            return self._heading
        text, prev, item = ln.text, self.prev, self.item
        kind = heading_kind(
            text,
            self.after_break
            or (prev is not None and (bool(ends_sentence(prev.text)) or prev.page != ln.page)),
        )
        wrapped = (
            item is not None
            and not item.empty()
            and not ends_sentence(prev.text if prev else ".")
            and self.continues(text, ln.page)
            and not text.isupper()
            and not text.endswith(":")
            and not (len(text.split()) <= 3 and SECTION_WORDS.match(text))
            and not (
                kind
                and len(text.split()) <= 5
                and (RECORD_HEADING.search(text) or QUIET_HEADING.search(text))
            )
        )
        self._heading_line, self._heading = ln, (kind, wrapped)
        return self._heading

    # --- the end -----------------------------------------------------------------------

    def finish(self) -> tuple[list[DetectedInfraction], list[str]]:
        """Close the last section; the findings in document order and the warnings."""
        self.end_section()
        found, warnings = self.found, self.warnings
        if any(
            _GO_BACK_STATUS.fullmatch(str(f.fields.get("status", ""))) for f in found if f.layout == "table"
        ):
            # a table whose status column marks go-backs ("Go-back" / "Closed"): its other rows are records
            found[:] = [
                f
                for f in found
                if f.layout != "table"
                or not f.fields.get("status")
                or _GO_BACK_STATUS.fullmatch(str(f.fields["status"]))
                or _STILL_OPEN.fullmatch(str(f.fields["status"]))
            ]
        if not found:
            for n, p in enumerate(self.paragraphs, start=1):
                p.code, p.layout = f"Item {n}", "paragraph"
                found.append(p)
        if self.checklist_rows:
            # Each total covers the rows since the previous total (a checklist per section),
            # or all rows so far (a grand total).
            for stated, page, section_no, all_no in self.counts:
                if stated not in (section_no, all_no):
                    warnings.append(
                        f"The audit states {stated} non-conforming item(s) (page {page}) but {section_no} "
                        "checklist 'No' rows were found."
                    )
        elif self.counts and self.counts[-1][0] != len(found):
            stated, page = self.counts[-1][:2]
            warnings.append(
                f"The audit states {stated} non-conforming item(s) (page {page}) but {len(found)} infractions were found."
            )
        return found, warnings
