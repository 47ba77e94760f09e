"""One go-back being read (``Item``) and what it becomes (``DetectedInfraction``): its text, its
labelled fields, a table row's cells, sub-bullets as details."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.audit.classify import REF_CELL, STATUS_WORD, is_nothing, is_title
from engine.audit.patterns import (
    ACTION_KEYS,
    COMPLIANT_HEADING,
    INLINE_FIELD,
    ISSUE_KEYS,
    LETTERED,
    NOT_A_FINDING,
    VALUE_KEYS,
    ends_sentence,
    norm,
)


@dataclass
class DetectedInfraction:
    """One go-back: ``code`` as the audit names it ("Item 1", "INFRACTION #2", "NCI-01"), 1-based page.

    ``description`` is the finding's full text (line wraps joined, whitespace normalized);
    ``layout`` is one of ``paragraph``, ``block``, ``checklist``, ``list``, ``id``, ``table``,
    ``titled``;
    ``fields`` holds the item's labelled parts (``title``, ``location``, ``issue``,
    ``status``, ``required_correction``; for checklist rows ``subject``, ``answer``, ``item``;
    for table rows ``location``, ``reference``, ``status``; for list items with sub-bullets
    ``details``).
    """

    code: str
    description: str
    page: int
    layout: str = ""
    fields: dict[str, str | list[str]] = field(default_factory=dict)  # ``details``: a list, others: str


_GO_BACK_STATUS = re.compile(r"(?i)\s*(?:go[- ]?back|fail(?:ed)?|open|repeat|not\s+corrected|outstanding)\b")


class Item:
    __slots__ = (
        "code",
        "page",
        "layout",
        "text",
        "fields",
        "target",
        "details",
        "title_block",
        "numbered",
        "expect_body",
        "columns",
        "needs_action",
        "needs_go_back",
    )

    def __init__(self, code: str, page: int, layout: str, text: str = "", title_block: bool = False):
        self.code = code
        self.page = page
        self.layout = layout
        self.text: list[str] = [text] if text else []
        self.fields: dict[str, list[str]] = {}
        self.target: str | None = None  # field being continued, "detail", or None (main text)
        self.details: list[list[str]] = []
        self.title_block = title_block
        self.numbered = False
        self.columns: list[str] = []  # a table row's column kinds
        # a go-back only with a corrective action (a "Finding:" outside a findings part of the report)
        self.needs_action = False
        # a row of a log ("POLE-BY-POLE INSPECTION LOG"): a go-back only when its status says so
        self.needs_go_back = False
        # A block headed by a title ("GO-BACK 1 - CONDUIT COVER"): the paragraph under it
        # is the finding.
        self.expect_body = title_block and is_title(text)

    def add(self, text: str) -> None:
        if self.target == "detail" and self.details:
            self.details[-1].append(text)
        elif self.target:
            self.fields[self.target].append(text)
        else:
            self.text.append(text)

    def empty(self) -> bool:
        if self.target == "detail" and self.details:
            return not self.details[-1]
        if self.target:
            return not self.fields[self.target]
        return not self.text

    def build(self) -> DetectedInfraction | None:
        if self.layout == "titled" and (
            not self.fields
            or NOT_A_FINDING.search(" ".join(self.fields.get("description", [])))
            or self._compliant_status()
        ):
            # A title with no paragraph under it, or over a compliant note, is a heading.
            return None
        if self.needs_action and not any(_asks_action(" ".join(self.fields.get(k, []))) for k in ACTION_KEYS):
            return None
        main = norm(" ".join(self.text))
        fields = {k: norm(" ".join(v)) for k, v in self.fields.items() if k != "wrapped_comment"}
        fields = {k: v for k, v in fields.items() if v}
        if self.layout == "table":
            main, cells = split_table_row(self.text, self.columns)
            fields.update(cells)
            desc = norm(main)
            head, _, last = desc.rpartition(" ")
            if not desc or is_nothing(desc) or (is_nothing(last) and len(head.split()) <= 3):
                return None  # "Vault 7  None": a row with its finding cell empty
            if fields.pop("status_note", "").lower() in ("compliant", "record", "record only", "no action"):
                return None  # "Closed - compliant": a record kept in the table, not a go-back
            if fields.get("status", "").lower() in (
                "accept",
                "accepted",
                "pass",
                "passed",
                "ok",
                "no finding",
                "no action",
                "n/a",
                "na",
                "not applicable",
            ):
                return None  # "ACCEPT": the structure passed inspection
            if self.needs_go_back and not _GO_BACK_STATUS.match(fields.get("status", "")):
                return None  # a log's row that records the structure, not a go-back
            return DetectedInfraction(self.code, desc, self.page, "table", dict(fields))
        issue = " ".join(fields[k] for k in ISSUE_KEYS if k in fields)
        if self.layout == "checklist":
            desc = main or fields.get("subject", "")
        elif issue:
            if main and GO_BACK_ONLY.match(main):
                main = ""  # "OBSERVATION 3 - GO-BACK": the heading marks the item, it does not describe it
            if main:
                fields.setdefault("title", main)
            if main and main.lower() not in issue.lower():
                desc = f"{main} {issue}" if main[-1] in ".!?:;" else f"{main}: {issue}"
            else:
                desc = issue
        else:
            desc = main
            if fields and main and self.title_block:
                fields.setdefault("title", main)
        values = [f"{k.split('_')[0].capitalize()}: {fields[k]}" for k in VALUE_KEYS if k in fields]
        values = [v for v in values if v.split(": ", 1)[1].lower() not in desc.lower()]
        if values and self.layout != "checklist":
            desc = (
                f"{desc.rstrip()}{'' if desc.rstrip()[-1:] in '.!?' else '.'} " + ". ".join(values)
                if desc
                else ". ".join(values)
            )
        found: dict[str, str | list[str]] = dict(fields)  # the text fields, then the details list
        if self.details:
            details = [norm(" ".join(d)) for d in self.details if d]
            found["details"] = details
            desc = "; ".join([desc.rstrip(":")] + details) if desc else "; ".join(details)
        desc = norm(desc)
        if not desc or is_nothing(desc):
            return None
        layout = self.layout
        if layout == "paragraph" and found:
            layout = "block"
        return DetectedInfraction(self.code, desc, self.page, layout, found)

    def _compliant_status(self) -> bool:
        """A titled block with no issue whose status says it passed ("POLE 7702" / "Status: Acceptable -
        no findings")."""
        if any(self.fields.get(k) for k in ISSUE_KEYS) or self.fields.get("description"):
            return False
        return bool(COMPLIANT_HEADING.search(" ".join(self.fields.get("status", []))))


def _asks_action(text: str) -> bool:
    """Whether a corrective-action field asks for something ("Assign a second trained employee"), not
    "None." / "No action required."."""
    text = norm(text)
    return bool(text) and not is_nothing(text) and not re.match(r"(?i)no\b.{0,20}\baction", text)


def field_key(label: str) -> str:
    return re.sub(r"_(?:number|no\.?|#)$", "", "_".join(label.lower().split()))


def add_fields(item: Item, label: str, value: str) -> None:
    """Store ``label: value`` on ``item``, splitting a second field on the same line."""
    key, pos = field_key(label), 0
    parts = []
    for m in INLINE_FIELD.finditer(value):
        parts.append((key, value[pos : m.start()]))
        key, pos = field_key(m.group("key")), m.end()
    parts.append((key, value[pos:]))
    for k, v in parts:
        item.fields.setdefault(k, [])
        if v.strip():
            item.fields[k].append(v)
    item.target = key


def takes_details(item: Item, text: str) -> bool:
    if item.layout == "list":
        return item.numbered or bool(LETTERED.match(text))
    if item.layout == "checklist":
        return False
    return bool(item.details) or (bool(item.text) and item.text[-1].rstrip().endswith(":"))


GO_BACK_ONLY = re.compile(r"(?i)^\W*(?:go[- ]?back|open|infraction|deficiency)\W*$")
# cells leading a one-line row: a structure id ("V-104", "1104-52") and a rule reference ("GO 95 51.6-A")
_PLACE_WORD = r"(?:Lot|Unit|Pole|Span|Vault|Bldg\.?|Building|Sta\.?)\s+"  # "Lot 2", "Unit B"
_LEAD_LOCATION = re.compile(
    rf"^({_PLACE_WORD}[A-Z](?=\s)|(?:{_PLACE_WORD})?[A-Z]{{0,4}}-?\d[\w-]*(?:\s+-\s+\d[\w-]*)?)(?:\s+(?=[A-Z])|\s*$)"
)
_LEAD_CODE = re.compile(r"^([A-Z0-9]{1,3})\s+(?=[A-Z])")
_LEAD_REF = re.compile(
    r"^((?:CPUC\s+)?(?:GO|G\.O\.)\s*\d{2,3}(?:\s+Rule)?(?:\s+\d+(?:\.\d+)*(?:-[A-Z]{1,2}\d?[a-z]?)?(?:\(\w{1,3}\))*)?)"
    r"(?:\s+(?=[A-Z])|\s*$)"
)
_NOTIFICATION_CELL = re.compile(r"^(\d{8,12})\b\s*")  # a notification number cell before the finding


def _narrow(line: str, lines: list[str]) -> bool:
    """A cell line beside a wrapped finding: under half as long as the row's longest line and not the end
    of a sentence."""
    return len(line) < 0.5 * max(len(x) for x in lines) and not ends_sentence(line)


def _lead_cells(text: str, before: list[str]) -> tuple[dict[str, str], str]:
    """The location and reference cells at the start of ``text`` (as the columns before the finding name
    them), and the rest of the text."""
    got: dict[str, str] = {}
    if "loc" in before and (lm := _LEAD_LOCATION.match(text)):
        got["location"], text = lm.group(1), text[lm.end() :]
    if "other" in before and (om := _LEAD_CODE.match(text)):
        got["cells"], text = (
            om.group(1),
            text[om.end() :],
        )  # a short code cell ("B": the grade of construction)
    if "ref" in before and (rm := _LEAD_REF.match(text)):
        got["reference"], text = rm.group(1), text[rm.end() :]
    return got, text.strip()


def split_table_row(lines: list[str], cols: list[str]) -> tuple[str, dict[str, str]]:
    """A table row's finding and its other cells from the row's extracted lines.

    A wrapped finding cell comes out on its own lines, with the cells before it on the row's
    first line and the cells after it on the last; a row that did not wrap is one line, whose
    trailing status and reference cells are recognised by their form.
    """
    fields: dict[str, str] = {}
    at = cols.index("finding")
    before = [c for c in cols[:at] if c not in ("num", "id")]
    after = cols[at + 1 :]
    lines = [norm(x) for x in lines if x.strip()]
    tail = ""
    if len(lines) >= 2 and after and len(lines[-1].split()) <= 6 and not ends_sentence(lines[-1]):
        tail = lines.pop()
        # the reference and status cells may wrap too ("GO 95 Table 1" / "Case 14" / "Go-back -" / "open"):
        # lines much shorter than the finding's, before its last sentence
        while len(lines) >= 2 and len(tail.split("\n")) < 4 and _narrow(lines[-1], lines):
            tail = lines.pop() + "\n" + tail
        tail = " ".join(tail.split("\n"))
    if len(lines) >= 2 and before and len(lines[0].split()) <= 8 and not ends_sentence(lines[0]):
        first_cells = [lines.pop(0)]
        while len(lines) >= 2 and len(first_cells) < 5 and _narrow(lines[0], lines):
            first_cells.append(
                lines.pop(0)
            )  # a location cell wrapped over lines ("Span 40-41, Rock" / "Creek Rd")
        cell = " ".join(first_cells)
        if "notification" in before and (nm := _NOTIFICATION_CELL.match(cell)):
            fields["notification"], cell = nm.group(1), cell[nm.end() :].strip()
        if cell and "loc" in before and "ref" in before:
            got, rest = _lead_cells(cell + " ", before)
            if got and not rest.strip():
                fields.update(got)  # "V-107 GO 95 51.6-A": the location and reference cells side by side
                cell = ""
        if cell:
            fields["location" if "loc" in before else "cells"] = cell
    elif lines and "notification" in before and (nm := _NOTIFICATION_CELL.match(lines[0])):
        fields["notification"], lines[0] = nm.group(1), lines[0][nm.end() :].strip()
    text = " ".join(lines)
    if len(lines) == 1 and before and not fields:
        # one line, no wrap: the location and reference cells lead it ("V-104 GO 95 51.6-A Pole V-104, ...")
        got, text = _lead_cells(text, before)
        fields.update(got)
    if not tail and after:
        if "status" in after and (sm := STATUS_WORD.search(text)):
            fields["status"] = sm.group("status")
            if sm.group("status_note"):
                fields["status_note"] = sm.group("status_note")
            text = text[: sm.start()].rstrip()
        head, sep, last = text.rpartition(". ")
        if "ref" in after and sep and REF_CELL.fullmatch(last):
            fields["reference"] = last
            text = head + "."
    if tail:
        if "status" in after and (sm := STATUS_WORD.search(tail)):
            fields["status"] = sm.group("status")
            if sm.group("status_note"):
                fields["status_note"] = sm.group("status_note")
            tail = tail[: sm.start()].strip()
        if tail:
            fields["reference" if "ref" in after else "cells"] = tail
    return text, fields


def row_complete(item: Item) -> bool:
    """Whether a table row's cells after the finding (status, reference) have been read."""
    at = item.columns.index("finding")
    after = item.columns[at + 1 :]
    if not after:
        return False
    last = item.text[-1] if item.text else ""
    if "status" in after:
        return bool(STATUS_WORD.search(last))
    if len(item.text) == 1:
        head, sep, last = last.rpartition(". ")
        if not sep:
            return False
    return bool(REF_CELL.fullmatch(norm(last)))
