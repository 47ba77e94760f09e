"""Audit text -> job metadata and infractions (go-backs). Plain Python, no Django.

Layouts read (docs/architecture.md):

* lead paragraphs: ``Go-back Infraction:``, ``Go-back:``, ``Deficiency:``, ``Violation:`` ...
  running until the next lead, a heading, a label line or a blank line, across line wraps
  and page breaks;
* blocks: ``INFRACTION #1: title`` / ``Infraction 2 - title`` / ``Item 3:`` / ``NCI-01:``
  followed by ``Location:`` / ``Issue:`` / ``Status:`` / ``Required correction:`` lines;
* QC checklists: numbered rows answering ``Yes`` / ``No`` / ``N/A`` (only ``No`` / ``Fail``
  rows are infractions), closed by a ``Total Number of Non-Conforming Items N`` line that
  is cross-checked;
* numbered or bulleted lists under an infraction heading (``Infractions Found:``,
  ``Non-Conforming Items:``, ``Findings``, ``Deficiencies`` ...), sub-bullets folded into
  their item; table rows numbered ``1 Anchor rod ...`` in sequence; items with ids such
  as ``NCI-01``;
* findings tables under a header row such as ``Item | Location | Finding | Std Ref | Status``:
  a row runs from its number to the next, its finding cell wrapped over several lines; the
  cells before the finding (location) and after it (reference, status) become fields;
* findings set as their own Title Case headings (``Missing Guy Guard at Pole 14``) over a
  description paragraph, inside an infraction section;
* as a fallback for an audit with none of the above, plain paragraphs under an
  infraction heading (``Go-Back Items``), one finding each.

A sentence cut by a page break, or by a line ending on a word such as ``and`` / ``of``,
runs on to the next line. ``label: text`` and ``ID: text`` lines (pole-by-pole notes,
inspection logs) are findings only under an infraction heading. In a checklist the answer is
its own cell: the earliest ``Y`` / ``N`` / ``Yes`` / ``No`` after the item text, so a remark
that itself begins with "No ..." keeps it.

Running headers and footers (``Page 2 of 3``, lines repeated at the top or bottom of
several pages) are dropped before reading. Lists under other headings (compliant items,
observations, notes, recommendations, required actions, summaries) are not infractions.
Every pattern is linear in the line length; the whole audit is read in one pass.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from engine.audit.metadata import AuditMetadata, extract_metadata
from engine.dates import parse_date
from engine.pagetext import edge_indexes, edge_key, is_page_mark, repeated_edge_lines

__all__ = [
    "AuditMetadata",
    "DetectedInfraction",
    "detect_infractions",
    "extract_metadata",
    "parse_date",
]


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
    fields: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# Line patterns

_WS = re.compile(r"\s+")


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (``.`` ``!`` ``?`` ``;``, maybe before a quote or bracket)."""
    return text.rstrip().rstrip("\"')]")[-1:] in (".", "!", "?", ";")


_LEAD_LABEL = (
    r"go[- ]?back(?:\s+(?:infraction|item|finding|issue))?"
    r"|deficiency|infraction|violation|discrepancy|defect"
    r"|non[- ]?conformance|non[- ]?conformity|non[- ]?conforming\s+item|nonconformance|non[- ]?compliance"
    r"|(?:(?:qa|qc|audit|field|inspection)\s+)?finding|punch[- ]?list\s+item|item|correction\s+required"
)
_LEAD = re.compile(
    rf"^(?P<label>{_LEAD_LABEL})"
    r"(?:\s*(?P<hash>#|no\.?|number)?\s*(?P<num>\d{1,3}[a-z]?)\b(?:\s+of\s+\d{1,3}\b)?)?"
    r"(?:\s*\((?P<paren>[^()]{0,40})\))?"
    r"\s*(?P<sep>:|\.(?=\s)|\s[-–—]\s|\)\s|$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_NUM_AFTER_COLON = re.compile(
    rf"^(?P<label>{_LEAD_LABEL})\s*(?:no\.?|number|#)?\s*:\s*#?(?P<num>\d{{1,3}})\s*$", re.IGNORECASE
)
# Labels that lead without a number only when followed by ':' (never "Item:").
_NEEDS_NUMBER = re.compile(r"^(?:\w+\s+)*(?:item|finding)$", re.IGNORECASE)

_ID_LEAD = re.compile(
    r"^(?P<id>[A-Z]{1,6}-\d{1,4}[A-Z]?)(?:\s*(?P<sep>:|\s[-–—]\s|\.\s|\)\s)|\s+)\s*(?P<rest>.*)$"
)
_ID_PREFIXES = {"NCI", "NCR", "NC", "DEF", "GB", "INF", "FND", "DEV", "VIO", "CAR", "DR", "NCF"}

_BARE_NUMBERED = re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>[A-Za-z].*)$")
# A findings-table row: its number, then the first cell, which may be a street address or a
# structure number ("1 1207 Marsh Rd ...", "7 2270 Commerce Way") but not a quantity ("2 ft 6 in").
_TABLE_ROW = re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>(?:[A-Za-z]|\d[\d-]*[A-Za-z]?(?:\s+[A-Z#]|$)).*)$")
_NUMBERED = re.compile(r"^(?:\((?P<n1>\d{1,3})\)|(?P<n2>\d{1,3})[.)](?!\d))\s+(?P<rest>\S.*)$")
_BULLET = re.compile(r"^[-•*–·▪◦●■□➢✓✔]\s*(?P<rest>\S.*)$")
_LETTERED = re.compile(r"^(?:\(?(?P<l>[a-h])\)|(?P<l2>[a-h])\.)\s+(?P<rest>\S.*)$")

_ANSWER = r"yes|no|n/a|na|pass|fail|y|n"
_ROW_Q = re.compile(
    rf"^(?P<num>(?:[A-Z]{{1,4}}[-.]?)?\d{{1,3}}(?:\.\d{{1,2}})?)[.)]?\s+(?P<q>[^?]{{2,}}\?)\s*(?P<ans>{_ANSWER})\b"
    r"[.:,;-]?\s*(?P<comment>.*)$",
    re.IGNORECASE,
)
# A row without an item number ("Guy guards installed? No  Guard missing at P-4"), read
# inside a checklist only.
_ROW_UNNUMBERED = re.compile(
    r"^(?P<q>[A-Z][^?]{3,}\?)\s*(?P<ans>Yes|No|N/A|NA|YES|NO|Pass|Fail|PASS|FAIL)\b[.:,;-]?\s*(?P<comment>.*)$"
)
_ROW_NUM = r"(?P<num>(?:[A-Z]{1,4}[-.]?)?\d{1,3}(?:\.\d{1,2})?)"
# Single-letter answers ("1.2 Guy guards installed N Missing at P-4"): the comment after
# the letter starts in upper case, so "Phase N conductor bonded Y" reads as answer Y.
_ROW_YN = re.compile(rf"^{_ROW_NUM}[.)]?\s+(?P<q>\S.*?)\s+(?P<ans>Y|N)(?:\s+(?P<comment>[A-Z#\d(].*))?$")
_ROW_PLAIN = re.compile(
    rf"^{_ROW_NUM}[.)]?\s+(?P<q>\S.*?)\s+(?P<ans>Yes|No|N/A|NA|YES|NO|Pass|Fail|PASS|FAIL)\b(?:\s+(?P<comment>.*))?$"
)
_NEGATIVE_ANSWERS = {"no", "n", "fail"}
# A checklist whose Yes means a defect ("Deficient (Y/N)").
_INVERTED_HEADER = re.compile(
    r"(?:deficien|non[- ]?complian|non[- ]?conform|defect|violation|go[- ]?back)\w*\s*\??\s*\(?\s*y(?:es)?\s*/\s*no?\b",
    re.IGNORECASE,
)
_CHECK_HEADER = re.compile(
    r"\byes\s*/\s*no\b|\by\s*/\s*n\b|\bpass\s*/\s*fail\b|\byes\s+no\s+n/?a\b", re.IGNORECASE
)

_COUNT_LINE = re.compile(
    r"^(?:grand\s+|overall\s+)?(?:total\s+)?(?:number\s+of\s+|no\.\s+of\s+|#\s*(?:of\s+)?)?"
    r"(?:non[- ]?conform\w*|nonconform\w*|deficien\w*|infractions?|go[- ]?backs?|failed|\"?no\"?)"
    r"(?:\s+(?:items?|responses?|answers?|found|noted|identified|conditions?|total|count))*"
    r"\s*[:=\-]?\s*(?P<n>\d{1,3})\s*$",
    re.IGNORECASE,
)

_FIELD_KEYS = (
    r"location|issue|status|required\s+correction|corrective\s+action(?:\s+required)?"
    r"|required\s+action|action\s+required|correction|description|finding|condition"
    r"|observation|problem|details?|deficiency|violation|discrepancy|defect|non[- ]?conformance"
    r"|remedy|resolution|action|measured\s+value|required\s+value|actual|specified"
    r"|spec(?:ification)?(?:\s+reference)?|reference"
    r"|standard|requirement|severity|category|priority|pole(?:\s+(?:number|no\.?|#))?"
    r"|structure|equipment|photos?|due\s+date|measured|required|title|subject|type|deadline"
)
_FIELD = re.compile(
    rf"^(?:description\s+of\s+(?:the\s+)?)?(?P<key>{_FIELD_KEYS})"
    r"(?:\s+(?:found|observed|noted|identified|description))?\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# A second field on the same line (two-column blocks): "Location: Pole 7   Status: Open".
_INLINE_FIELD = re.compile(
    r"\s(?P<key>Location|Status|Required [Cc]orrection|Corrective [Aa]ction(?: [Rr]equired)?|Severity|Priority"
    r"|Category|Due [Dd]ate|Pole(?: (?:[Nn]umber|No\.?|#))?|Structure|Spec(?:ification)?(?: [Rr]eference)?"
    r"|Reference|Deadline|LOCATION|STATUS)\s*:\s"
)
_ISSUE_KEYS = (
    "issue",
    "description",
    "finding",
    "condition",
    "observation",
    "problem",
    "details",
    "deficiency",
    "violation",
    "discrepancy",
    "defect",
    "non-conformance",
    "non_conformance",
    "nonconformance",
)
# Measured / required values are added to the description so the verdict can read them.
_VALUE_KEYS = ("measured", "measured_value", "actual", "required", "required_value", "specified")
_GENERIC_LABEL = re.compile(r"^[A-Za-z][A-Za-z /&()'.-]{0,40}:(?:\s|$)")

_NOT_A_FINDING = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}(?:deficienc|infraction|go[- ]?back|violation|issue|finding|non[- ]?conform|exception)"
    r"|\b(?:found|were|was|is|are)\s+(?:to\s+be\s+)?(?:compliant|acceptable|satisfactory|in\s+compliance)"
    r"|^the\s+following\b|\bas\s+follows\b|\blisted\s+below\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\s+(?:\w+\s+)?"
    r"(?:go[- ]?backs?|infractions?|deficienc\w*|findings?|items?|violations?|non[- ]?conform\w*)\b",
    re.IGNORECASE,
)
# A table's column-header row ("No. Description Location Status"), not a section heading.
_COLUMN_HEADER = re.compile(
    r"^(?:no\.?|#|item|ref\.?|id)\s+(?:description|finding|deficiency|infraction|question|issue|condition)\b"
    r"|\b(?:description|finding|issue|question|condition)\s+(?:location|status|comments?|remarks|pole|answer)\b",
    re.IGNORECASE,
)
# "Finding 2 (Observation): ..." is labelled as no go-back.
_NOT_GO_BACK = re.compile(r"observ|note|compliant|positive|recommend|info|no\s+go", re.IGNORECASE)
_SUMMARY_HEADING = re.compile(r"summary|overview|introduction|scope|purpose|background", re.IGNORECASE)
_NOTHING = re.compile(
    r"^(?:none|n/?a|nil|no|0|-+|none\s+(?:noted|found|observed|identified))\.?$", re.IGNORECASE
)

_COMPLIANT_HEADING = re.compile(
    r"(?<![-\w])(?:compliant|conforming|conformance|satisfactory|acceptable|passed|in\s+compliance)\b"
    r"|\bno\s+(?:\w+\s+)?(?:deficienc|infraction|go[- ]?back|violation|issue|finding|non[- ]?conform)",
    re.IGNORECASE,
)
_NON_COMPLIANT = re.compile(
    r"\bnon[- ]?(?:compliant|conforming|conformance)|\bnot\s+(?:compliant|in\s+compliance)", re.I
)
_INFRACTION_HEADING = re.compile(
    r"non[- ]?(?:compliant|conform)|nonconform|infraction|go[- ]?back|deficien|violation|discrepanc|defect"
    r"|\bfindings?\b|punch\s*list|\bissues\s+(?:found|identified|noted)|items?\s+requiring|corrections?\s+required"
    r"|failed\s+items",
    re.IGNORECASE,
)
_SECTION_WORDS = re.compile(
    r"^(?:findings?|deficiencies|infractions?|observations?|notes?|recommendations?|summary|conclusions?"
    r"|comments?|scope|signatures?|corrective\s+actions?|required\s+actions?|items?\b|compliant|general"
    r"|executive|audit|inspection|results?|go[- ]?backs?|non[- ]?conform\w*|violations?)\b",
    re.IGNORECASE,
)


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Line:
    text: str
    page: int


# ---------------------------------------------------------------------------------------
# Running headers and footers


def _looks_like_content(text: str) -> bool:
    """An item line (lead, checklist row, list item, id) is never a running header."""
    return bool(
        _LEAD.match(text)
        or _ROW_Q.match(text)
        or _NUMBERED.match(text)
        or _BULLET.match(text)
        or _ID_LEAD.match(text)
    )


def _content_lines(pages: list[str]) -> list[_Line]:
    """Lines of all pages with running headers/footers dropped; blanks at page edges removed."""
    split = [[ln.rstrip() for ln in (p or "").split("\n")] for p in pages]
    repeated = repeated_edge_lines(split, 3, 2)
    out: list[_Line] = []
    for pno, lines in enumerate(split, start=1):
        edges = edge_indexes(lines, 3)
        if not edges:
            continue
        first, last = edges[0], edges[-1]
        for i in range(first, last + 1):
            ln = lines[i]
            if ln.strip() and is_page_mark(ln, i in (first, last)):
                continue
            if i in edges and edge_key(ln) in repeated and not _looks_like_content(ln.strip()):
                continue
            out.append(_Line(ln.strip(), pno))
    # A page break is not a paragraph break: drop blanks at page joins. When blank lines
    # are everywhere (double-spaced extraction) they mark nothing: drop them all.
    blanks = sum(1 for ln in out if not ln.text)
    if blanks > 0.35 * max(len(out), 1):
        return [ln for ln in out if ln.text]
    next_page: list[int | None] = [None] * len(out)
    upcoming: int | None = None
    for k in range(len(out) - 1, -1, -1):
        next_page[k] = upcoming
        if out[k].text:
            upcoming = out[k].page
    cleaned: list[_Line] = []
    for k, ln in enumerate(out):
        if not ln.text:
            prev = cleaned[-1] if cleaned else None
            if prev is None or not prev.text or next_page[k] != prev.page:
                continue
        cleaned.append(ln)
    return cleaned


def _is_record_line(text: str) -> bool:
    """A complete ``label: text`` or ``ID: text`` line that is no lead (it ends a sentence)."""
    if not _ends_sentence(text) or _LEAD.match(text):
        return False
    m = _ID_LEAD.match(text)
    return bool(m and m.group("sep")) or bool(_GENERIC_LABEL.match(text))


_FULL_STOP_REACH = 0.9
# A line ending on a conjunction, preposition, article or comma runs on to the next line.
_DANGLING = re.compile(
    r"(?:,|\b(?:and|or|but|nor|of|the|a|an|to|at|in|on|for|by|from|with|into|onto|than|as|per|is|are|was"
    r"|were|be|been|that|which|where|while|whose|its|their|this|these|between|across|along|near|over|under)\s*)$",
    re.IGNORECASE,
)


def _wrap_width(lines: list[_Line]) -> int:
    """Typical length of a full line (a wrapped line runs close to it); 60+ for a few lines."""
    # Record lines ("CR-12: framing per drawing.") are short by nature, not wrapped.
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) >= 30 and not _is_record_line(ln.text))
    if not lengths:
        return 80
    width = lengths[round(0.9 * (len(lengths) - 1))]
    return width if len(lengths) >= 5 else max(60, width)


# ---------------------------------------------------------------------------------------
# Classification


_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_NOT_COUNT = re.compile(
    r"[\"']?(?:no|failed)\b|(?:infraction|deficiency|go[- ]?back)\s*#?\s*\d+$", re.IGNORECASE
)
_ROW_START = re.compile(r"\d{1,3}(?:\.\d{1,2})?[.)]?(?:\s+\S|$)")


# A record list's heading ends on its kind: "Pole-by-pole notes", "Inspection log".
_RECORD_HEADING = re.compile(
    r"\b(?:notes?|observations?|logs?|remarks|comments?|records?|recommendations?|checks?|inventory"
    r"|walk[- ]?down|as[- ]?found)\s*:?$",
    re.IGNORECASE,
)


def _heading_kind(text: str, after_break: bool) -> str | None:
    """``"infraction"`` / ``"other"`` when ``text`` is a section heading, else ``None``."""
    if len(text) > 90 or text[:1].islower() or not _TWO_LETTERS.search(text):
        return None
    words = text.split()
    is_heading = False
    if len(words) > 10:
        return None
    if text.endswith(":") and text.count(":") == 1:
        is_heading = True
    elif not _ends_sentence(text) and len(words) <= 8:
        letters = [c for c in text if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        if len(letters) >= 3 and upper >= 0.8 * len(letters):
            is_heading = True
        elif len(words) <= 6 and _SECTION_WORDS.match(text) and (after_break or text[0].isupper()):
            is_heading = after_break or all(w[0].isupper() or len(w) <= 3 for w in words)
        elif after_break and len(words) <= 5 and text[0].isupper() and _RECORD_HEADING.search(text):
            is_heading = not re.search(r"\d", text)
        elif after_break and len(words) <= 5 and all(w[0].isupper() or len(w) <= 3 for w in words):
            is_heading = bool(re.match(r"[A-Z]", text)) and not re.search(r"\d", text)
    if not is_heading:
        return None
    if _NON_COMPLIANT.search(text):
        return "infraction"
    if _COMPLIANT_HEADING.search(text):
        return "other"
    if re.search(
        r"\brecommend|\bobservations?\b|\bnotes?\b|\bsummary\b|\bconclusion|\blogs?\b|\bremarks\b", text, re.I
    ) and not re.search(r"go[- ]?back|infraction|deficien|violation|non[- ]?conform", text, re.I):
        return "other"
    if _INFRACTION_HEADING.search(text):
        return "infraction"
    return "other"


def _lead(text: str) -> re.Match | None:
    m = _LEAD.match(text)
    if not m:
        return None
    label, num, sep = m.group("label"), m.group("num"), m.group("sep")
    if num:
        return m  # "Infraction 2:", "Item 3 -", "INFRACTION #4" alone on its line
    if _NEEDS_NUMBER.match(label) or sep in ("", ".", ") "):
        return None  # "Item: ...", "Deficiency." and a bare "Violation" are not leads
    return m


def _is_title(text: str) -> bool:
    """A short heading-style title: ALL CAPS or Title Case, at most 8 words, no sentence end."""
    words = text.split()
    if not 1 <= len(words) <= 8 or _ends_sentence(text):
        return False
    return text.isupper() or all(w[0].isupper() for w in words if len(w) > 3 and w[0].isalpha())


def _first_answer(*matches: re.Match | None) -> re.Match | None:
    """The checklist-row reading whose answer cell comes first.

    The answer is its own cell right after the item text, so in ``2 Pad guard N No guard
    posts`` the answer is ``N`` and the remark keeps its leading ``No``.
    """
    best = None
    for m in matches:
        if m is not None and (best is None or m.start("ans") < best.start("ans")):
            best = m
    return best


_TABLE_COLUMN = re.compile(
    r"(?P<finding>(?:description\s+of\s+(?:the\s+)?)?(?:findings?|issues?|deficienc(?:y|ies)|conditions?|defects?)"
    r"|findings?|description|issues?|deficienc(?:y|ies)|conditions?(?:\s+found)?|defects?|discrepanc(?:y|ies)"
    r"|non[- ]?conformance|violations?)"
    r"|(?P<ref>std\.?\s*ref\.?|standard(?:\s+ref\.?)?|spec(?:ification)?(?:\s+ref\.?)?|ref(?:erence)?\.?)"
    r"|(?P<status>status)"
    r"|(?P<loc>location|pole(?:\s+(?:no\.?|#|number))?|structure(?:\s+(?:no\.?|#))?|equipment|facility|address)"
    r"|(?P<num>item(?:\s+(?:no\.?|#))?|no\.?|#|id)"
    r"|(?P<other>remarks|comments?|action(?:\s+required)?|corrective\s+action|due(?:\s+date)?|severity|priority"
    r"|photos?|date|category|type)",
    re.IGNORECASE,
)
_STATUS_WORD = re.compile(
    r"\s*\b(?P<status>open|closed|corrected|pending|resolved|completed?|outstanding|cleared|verified|repeat|new"
    r"|in\s+progress|not\s+corrected|corrected\s+on\s+site)\.?$",
    re.IGNORECASE,
)
# A standard reference cell: "DS-310 4.2", "OH-118", "GO 95 Rule 54.4", "022178 §3".
_REF_CELL = re.compile(
    r"(?:[A-Z]{1,6}[- ]?\d{1,6}[A-Z]?(?:[-.]\d+)*|GO\s*\d{2,3}(?:\s+Rule)?|\d{5,6})(?:\s+(?:§\s*)?\d+(?:\.\d+)*)?"
)


def _table_columns(text: str) -> list[str] | None:
    """The column kinds of a table's header row ("Item | Location | Finding | Std Ref | Status"),
    or ``None`` when ``text`` is no such row (it needs a finding column and three columns)."""
    if len(text) > 120:
        return None
    cols: list[str] = []
    pos = 0
    for m in _TABLE_COLUMN.finditer(text):
        if text[pos : m.start()].strip(" |/\t") or (m.end() < len(text) and text[m.end()].isalnum()):
            return None
        cols.append(m.lastgroup or "")
        pos = m.end()
    if text[pos:].strip(" |/\t") or len(cols) < 3 or "finding" not in cols:
        return None
    return cols


def _split_table_row(lines: list[str], cols: list[str]) -> tuple[str, dict[str, str]]:
    """A table row's finding and its other cells from the row's extracted lines.

    A wrapped finding cell comes out on its own lines, with the cells before it on the row's
    first line and the cells after it on the last; a row that did not wrap is one line, whose
    trailing status and reference cells are recognised by their form.
    """
    fields: dict[str, str] = {}
    at = cols.index("finding")
    before = [c for c in cols[:at] if c != "num"]
    after = cols[at + 1 :]
    lines = [_norm(x) for x in lines if x.strip()]
    tail = ""
    if len(lines) >= 2 and after and len(lines[-1].split()) <= 6 and not _ends_sentence(lines[-1]):
        tail = lines.pop()
    if len(lines) >= 2 and before and len(lines[0].split()) <= 8 and not _ends_sentence(lines[0]):
        fields["location" if "loc" in before else "cells"] = lines.pop(0)
    text = " ".join(lines)
    if not tail and after:
        if "status" in after and (sm := _STATUS_WORD.search(text)):
            fields["status"] = sm.group("status")
            text = text[: sm.start()].rstrip()
        head, sep, last = text.rpartition(". ")
        if "ref" in after and sep and _REF_CELL.fullmatch(last):
            fields["reference"] = last
            text = head + "."
    if tail:
        if "status" in after and (sm := _STATUS_WORD.search(tail)):
            fields["status"] = sm.group("status")
            tail = tail[: sm.start()].strip()
        if tail:
            fields["reference" if "ref" in after else "cells"] = tail
    return text, fields


def _row_complete(item: _Item) -> bool:
    """Whether a table row's cells after the finding (status, reference) have been read."""
    at = item.columns.index("finding")
    after = item.columns[at + 1 :]
    if not after:
        return False
    last = item.text[-1] if item.text else ""
    if "status" in after:
        return bool(_STATUS_WORD.search(last))
    if len(item.text) == 1:
        head, sep, last = last.rpartition(". ")
        if not sep:
            return False
    return bool(_REF_CELL.fullmatch(_norm(last)))


_OTHER_TOPIC = re.compile(
    r"recommend|summary|conclusion|signature|attachment|photo|comment|remark|background|scope|information"
    r"|details|contact|distribution|approval",
    re.IGNORECASE,
)


# Headings of sections that hold no go-backs, whatever their layout.
_QUIET_HEADING = re.compile(
    r"(?<![-\w])(?:compliant|conforming|satisfactory|acceptable|passed)|in\s+compliance|observ|\bnotes?\b|\blogs?\b"
    r"|remarks|recommend|summary|conclusion|\bno\s+(?:\w+\s+)?(?:deficienc|infraction|go[- ]?back|violation|issue|finding)",
    re.IGNORECASE,
)


def _finding_title(text: str, kind: str | None, prev: _Line | None) -> bool:
    """A finding set as its own Title Case heading, not a section heading of the report."""
    if kind == "infraction" or text.isupper() or text.endswith(":") or len(text.split()) < 2:
        return False
    if prev is not None and prev.text and not _ends_sentence(prev.text) and not prev.text.endswith(":"):
        if _heading_kind(prev.text, True) is None:
            return False  # the line before is unfinished prose
    return (
        _is_title(text)
        and not _SECTION_WORDS.match(text)
        and not _RECORD_HEADING.search(text)
        and not _COMPLIANT_HEADING.search(text)
        and not _OTHER_TOPIC.search(text)
        and not _GENERIC_LABEL.match(text)
    )


def _is_nothing(text: str) -> bool:
    return bool(_NOTHING.match(_norm(text)))


# ---------------------------------------------------------------------------------------
# Detection


class _Item:
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
        # A block headed by a title ("GO-BACK 1 - CONDUIT COVER"): the paragraph under it
        # is the finding.
        self.expect_body = title_block and _is_title(text)

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
            not self.fields or _NOT_A_FINDING.search(" ".join(self.fields.get("description", [])))
        ):
            # A title with no paragraph under it, or over a compliant note, is a heading.
            return None
        main = _norm(" ".join(self.text))
        fields = {k: _norm(" ".join(v)) for k, v in self.fields.items()}
        fields = {k: v for k, v in fields.items() if v}
        if self.layout == "table":
            main, cells = _split_table_row(self.text, self.columns)
            fields.update(cells)
            desc = _norm(main)
            head, _, last = desc.rpartition(" ")
            if not desc or _is_nothing(desc) or (_is_nothing(last) and len(head.split()) <= 3):
                return None  # "Vault 7  None": a row with its finding cell empty
            return DetectedInfraction(self.code, desc, self.page, "table", fields)
        issue = " ".join(fields[k] for k in _ISSUE_KEYS if k in fields)
        if self.layout == "checklist":
            desc = main or fields.get("subject", "")
        elif issue:
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
        values = [f"{k.split('_')[0].capitalize()}: {fields[k]}" for k in _VALUE_KEYS if k in fields]
        values = [v for v in values if v.split(": ", 1)[1].lower() not in desc.lower()]
        if values and self.layout != "checklist":
            desc = (
                f"{desc.rstrip()}{'' if desc.rstrip()[-1:] in '.!?' else '.'} " + ". ".join(values)
                if desc
                else ". ".join(values)
            )
        if self.details:
            details = [_norm(" ".join(d)) for d in self.details if d]
            fields["details"] = details
            desc = "; ".join([desc.rstrip(":")] + details) if desc else "; ".join(details)
        desc = _norm(desc)
        if not desc or _is_nothing(desc):
            return None
        layout = self.layout
        if layout == "paragraph" and fields:
            layout = "block"
        return DetectedInfraction(self.code, desc, self.page, layout, fields)


def _field_key(label: str) -> str:
    return re.sub(r"_(?:number|no\.?|#)$", "", "_".join(label.lower().split()))


def _add_fields(item: _Item, label: str, value: str) -> None:
    """Store ``label: value`` on ``item``, splitting a second field on the same line."""
    key, pos = _field_key(label), 0
    parts = []
    for m in _INLINE_FIELD.finditer(value):
        parts.append((key, value[pos : m.start()]))
        key, pos = _field_key(m.group("key")), m.end()
    parts.append((key, value[pos:]))
    for k, v in parts:
        item.fields.setdefault(k, [])
        if v.strip():
            item.fields[k].append(v)
    item.target = key


def _takes_details(item: _Item, text: str) -> bool:
    if item.layout == "list":
        return item.numbered or bool(_LETTERED.match(text))
    if item.layout == "checklist":
        return False
    return bool(item.details) or (bool(item.text) and item.text[-1].rstrip().endswith(":"))


def detect_infractions(pages: list[str]) -> tuple[list[DetectedInfraction], list[str]]:
    """Find every infraction; returns (infractions in document order, warnings such as count mismatches).

    ``pages``: the text of each page (page 1 first). Each infraction carries the 1-based page
    where it starts, a ``code`` as the audit names it (numbered ``<Lead> n`` / ``Item n``
    when the audit does not number it), its full description and labelled ``fields``.
    Warnings are human-readable strings, e.g. when a checklist's stated count of
    non-conforming items differs from its ``No`` rows. Never raises on odd text.
    """
    lines = _content_lines(pages)
    width = _wrap_width(lines)

    found: list[DetectedInfraction] = []
    warnings: list[str] = []
    counts: list[
        tuple[int, int, int, int]
    ] = []  # (stated, page, 'No' rows since the last count, all 'No' rows)
    last_count_no = 0
    lead_counter: Counter[str] = Counter()
    list_counter = 0
    section: str | None = None
    checklist = False
    table_cols: list[str] | None = None  # column kinds of the findings table being read
    checklist_rows = 0
    checklist_no = 0
    inverted = False  # the checklist's Yes marks a defect
    item: _Item | None = None
    ignoring = False  # inside a checklist row that is not an infraction (Yes / N/A)
    pending_row: _Line | None = None
    prev: _Line | None = None
    after_break = True
    # Plain paragraphs under an infraction heading are its findings when the section holds
    # no lead, list item or checklist row: kept aside until the section ends.
    # They count only in an audit with no other infraction layout.
    candidates: list[DetectedInfraction] = []
    paragraphs: list[DetectedInfraction] = []
    section_start = 0
    section_leads = 0  # lead paragraphs ("Deficiency: ...") read since the section began
    summary_section = False
    quiet_section = False  # under a compliant / notes / observations heading

    def close() -> None:
        nonlocal item, ignoring
        if item is not None:
            built = item.build()
            if built is not None:
                (candidates if item.layout == "section" else found).append(built)
        item = None
        ignoring = False

    def end_section() -> None:
        nonlocal section_start, section_leads
        close()
        if section == "infraction" and len(found) == section_start and not summary_section:
            paragraphs.extend(
                c
                for c in candidates
                if len(c.description.split()) >= 3 and not _NOT_A_FINDING.search(c.description)
            )
        candidates.clear()
        section_start = len(found)
        section_leads = 0

    def continues(text: str, page: int) -> bool:
        # A wrapped line: starts in lower case, or the line before it was full (its text ran
        # to the wrap width); a short line ending a sentence closes the paragraph.
        if prev is None or not prev.text:
            return False
        if text[:1].islower() or text[:1] in "(&,;/%":
            return True
        if not _ends_sentence(prev.text) and (page != prev.page or _DANGLING.search(prev.text)):
            # A sentence cut by a page break (running header/footer between), or a line
            # ending on a word that cannot end a sentence ("... at the corner of X and").
            return True
        # The line was cut because the next word did not fit (within the slack of a
        # proportional font); after a full stop the line must have run to the margin.
        first_word = text.split(" ", 1)[0]
        reach = len(prev.text) + 1 + len(first_word)
        return reach >= (_FULL_STOP_REACH if _ends_sentence(prev.text) else 0.8) * width

    def open_row(m: re.Match, ln: _Line) -> None:
        nonlocal item, ignoring, checklist, checklist_rows, checklist_no
        close()
        checklist = True
        checklist_rows += 1
        ans = m.group("ans")
        num = m.groupdict().get("num") or str(checklist_rows)
        if (ans.lower() in ("yes", "y")) if inverted else (ans.lower() in _NEGATIVE_ANSWERS):
            checklist_no += 1
            item = _Item(f"Item {num}", ln.page, "checklist", _norm(m.group("comment") or ""))
            item.fields = {"subject": [_norm(m.group("q"))], "answer": [ans], "item": [num]}
        else:
            ignoring = True

    for ln in lines:
        text = ln.text
        if not text:
            close()
            pending_row = None
            table_cols = None
            prev = ln
            after_break = True
            continue

        # Checklist rows (question wrapped over lines: join until the answer shows up).
        if pending_row is not None:
            joined = f"{pending_row.text} {text}"
            m = _ROW_Q.match(joined) or _first_answer(_ROW_PLAIN.match(joined), _ROW_YN.match(joined))
            if m:
                open_row(m, pending_row)
                pending_row = None
                prev = ln
                after_break = False
                continue
            if len(joined) < 300 and not _NUMBERED.match(text):
                pending_row = _Line(joined, pending_row.page)
                prev = ln
                continue
            pending_row = None
        plain_rows = checklist or (checklist_rows > 0 and section != "infraction")
        m = _ROW_Q.match(text) or (
            _first_answer(_ROW_PLAIN.match(text), _ROW_YN.match(text)) or _ROW_UNNUMBERED.match(text)
            if plain_rows
            else None
        )
        if m:
            open_row(m, ln)
            prev = ln
            after_break = False
            continue
        if (
            len(text) < 120
            and ("/" in text or "yes" in text.lower())
            and _CHECK_HEADER.search(text)
            and not _lead(text)
        ):
            close()
            checklist = True
            inverted = bool(_INVERTED_HEADER.search(text))
            prev = ln
            after_break = True
            continue
        cm = _COUNT_LINE.match(text)
        if cm and not _NOT_COUNT.match(text):
            close()
            counts.append((int(cm.group("n")), ln.page, checklist_no - last_count_no, checklist_no))
            last_count_no = checklist_no
            checklist = False
            prev = ln
            after_break = True
            continue
        if checklist and _ROW_START.match(text) and not _NUMBERED.match(text):
            close()
            pending_row = ln
            prev = ln
            continue

        # Findings tables ("Item | Location | Finding | Std Ref | Status"): a row runs from
        # its number to the next row's, its finding cell wrapped over several lines.
        cols = _table_columns(text)
        if cols and table_cols is not None and cols == table_cols:
            prev = ln  # the header row repeated on the next page; a row may run on under it
            continue
        if cols:
            # Under a compliant / notes heading the table's rows are records: the header
            # row is then neither a table start nor an infraction heading.
            if not quiet_section:
                end_section()
                section, table_cols, list_counter, checklist = "infraction", cols, 0, False
            prev = ln
            after_break = True
            continue
        if table_cols is not None:
            rm = _TABLE_ROW.match(text) or _NUMBERED.match(text)
            num = rm and (rm.groupdict().get("n") or rm.group("n1") or rm.group("n2"))
            if rm and int(num) == list_counter + 1 and not rm.group("rest")[:1].islower():
                close()
                list_counter += 1
                item = _Item(f"Item {num}", ln.page, "table", rm.group("rest"))
                item.columns = table_cols
                prev = ln
                after_break = False
                continue
            if (
                item is not None
                and item.layout == "table"
                and not _row_complete(item)
                and (
                    item.columns[-1] != "finding"
                    or not _ends_sentence(item.text[-1])
                    or continues(text, ln.page)
                )
                and not _GENERIC_LABEL.match(text)
                and not text.endswith(":")
                and not (text.isupper() and sum(w.isalpha() for w in text.split()) >= 2)
            ):
                item.text.append(text)
                prev = ln
                continue
            close()
            table_cols = None

        # Labelled parts of an open block.
        fm = _FIELD.match(text) if item is not None and item.layout != "checklist" else None
        if (
            fm
            and _lead(text)
            and (
                not item.title_block
                or any(k in item.fields for k in _ISSUE_KEYS)
                or (item.text and not item.fields and _ends_sentence(item.text[-1]))
            )
        ):
            fm = None  # "Deficiency: ..." after a "Deficiency: ..." paragraph is the next lead
        if fm:
            _add_fields(item, fm.group("key"), fm.group("value"))
            prev = ln
            after_break = False
            continue

        # Form-style number: "Item: 3", "Finding No.: 2".
        nc = _NUM_AFTER_COLON.match(text)
        if nc:
            close()
            item = _Item(
                f"{_norm(nc.group('label'))} {nc.group('num')}", ln.page, "paragraph", "", title_block=True
            )
            prev = ln
            after_break = False
            continue

        # Leads: "Go-back:", "INFRACTION #2:", "Infraction 3 - ...".
        lm = _lead(text)
        if lm:
            close()
            label = _norm(lm.group("label"))
            num = lm.group("num")
            if num:
                hashmark = lm.group("hash")
                code = f"{label} #{num}" if hashmark == "#" else _norm(f"{label} {hashmark or ''} {num}")
            else:
                lead_counter[label.lower()] += 1
                code = f"{label} {lead_counter[label.lower()]}"
            rest = lm.group("rest")
            if _is_nothing(rest) or _NOT_GO_BACK.search(lm.group("paren") or ""):
                ignoring = True
                prev = ln
                continue
            item = _Item(code, ln.page, "paragraph", rest, title_block=bool(num))
            section_leads += 1
            if num and lm.group("sep").strip() in ("-", "–", "—") and len(rest.split()) <= 8:
                # "Go Back #4 - Missing guy marker": a dashed title over its paragraph.
                item.expect_body = item.expect_body or not _ends_sentence(rest)
            prev = ln
            after_break = False
            continue

        # Items with ids such as "NCI-01: ...".
        im = _ID_LEAD.match(text)
        if im:
            prefix = im.group("id").split("-")[0]
            known = prefix in _ID_PREFIXES
            # "CR-3380: framing per drawing" lines are findings only under an infraction
            # heading; elsewhere (pole notes, inspection logs) they are records.
            # A section whose findings are lead paragraphs keeps such lines as records.
            if known or (im.group("sep") and section == "infraction" and not section_leads):
                close()
                item = _Item(im.group("id"), ln.page, "id", im.group("rest"), title_block=True)
                prev = ln
                after_break = False
                continue

        # Table rows numbered without punctuation ("2  Anchor rod exposed ...") in an
        # infraction section, when the number is the next in sequence.
        bn = _BARE_NUMBERED.match(text) if section == "infraction" and not checklist else None
        if bn and int(bn.group("n")) == list_counter + 1 and bn.group("rest")[0].isupper():
            if item is None or not item.empty():
                close()
                list_counter += 1
                item = _Item(f"Item {list_counter}", ln.page, "list", bn.group("rest"))
                item.numbered = True
                prev = ln
                after_break = False
                continue

        # Numbered / bulleted lists.
        nm = _NUMBERED.match(text)
        bm = None if nm else (_BULLET.match(text) or _LETTERED.match(text))
        if nm or bm:
            rest = (nm or bm).group("rest")
            inner = _lead(rest)
            if nm and inner and section != "other":
                close()
                num = nm.group("n1") or nm.group("n2")
                item = _Item(f"Item {num}", ln.page, "list", inner.group("rest"))
                prev = ln
                after_break = False
                continue
            if bm and item is not None and _takes_details(item, text):
                # A bullet or letter under a numbered item (or under a lead ending in ':')
                # is a detail of that item.
                item.details.append([rest])
                item.target = "detail"
                prev = ln
                after_break = False
                continue
            if section == "infraction":
                close()
                if nm:
                    num = nm.group("n1") or nm.group("n2")
                    list_counter = int(num)
                    code = f"Item {num}"
                else:
                    list_counter += 1
                    code = f"Item {list_counter}"
                if not _is_nothing(rest):
                    item = _Item(code, ln.page, "list", rest)
                    item.numbered = nm is not None
                else:
                    ignoring = True
                prev = ln
                after_break = False
                continue
            close()
            ignoring = True  # a list item elsewhere: its wrapped lines are not ours either
            prev = ln
            after_break = False
            continue

        # Headings switch the section.
        kind = _heading_kind(
            text,
            after_break or (prev is not None and (bool(_ends_sentence(prev.text)) or prev.page != ln.page)),
        )
        wrapped = (
            item is not None
            and not item.empty()
            and not _ends_sentence(prev.text if prev else ".")
            and continues(text, ln.page)
            and not text.isupper()
            and not text.endswith(":")
            and not (len(text.split()) <= 3 and _SECTION_WORDS.match(text))
            and not (
                kind
                and len(text.split()) <= 5
                and (_RECORD_HEADING.search(text) or _QUIET_HEADING.search(text))
            )
        )
        if kind == "other" and _COLUMN_HEADER.search(text):
            prev = ln
            after_break = True
            continue
        if section == "infraction" and not wrapped and _finding_title(text, kind, prev):
            # A finding set as a heading ("Missing Guy Guard at Pole 14") over its paragraph.
            close()
            list_counter += 1
            item = _Item(f"Item {list_counter}", ln.page, "titled", text)
            item.expect_body = True
            prev = ln
            after_break = True
            continue
        if kind and not wrapped:
            end_section()
            section_leads = 0
            section = kind
            summary_section = bool(_SUMMARY_HEADING.search(text))
            quiet_section = kind == "other" and bool(_QUIET_HEADING.search(text))
            list_counter = 0
            checklist = False
            prev = ln
            after_break = True
            continue

        # Other label lines ("Audit summary: ...", "Required Actions: ...") end an item.
        if _GENERIC_LABEL.match(text):
            close()
            prev = ln
            after_break = False
            continue

        # Plain text: a wrapped line of the open item, or prose.
        if item is not None and item.expect_body and not item.fields and text[:1].isupper():
            item.fields["description"] = [text]
            item.target = "description"
            item.expect_body = False
        elif item is not None and (item.empty() or continues(text, ln.page)):
            item.add(text)
        elif ignoring and continues(text, ln.page):
            pass
        else:
            close()
            if section == "infraction" and len(found) == section_start and not text.endswith(":"):
                item = _Item("", ln.page, "section", text)
        prev = ln
        after_break = False
    end_section()
    if not found:
        for n, p in enumerate(paragraphs, start=1):
            p.code, p.layout = f"Item {n}", "paragraph"
            found.append(p)

    if checklist_rows:
        # Each total covers the rows since the previous total (a checklist per section),
        # or all rows so far (a grand total).
        for stated, page, section_no, all_no in counts:
            if stated not in (section_no, all_no):
                warnings.append(
                    f"The audit states {stated} non-conforming item(s) (page {page}) but {section_no} "
                    "checklist 'No' rows were found."
                )
    elif counts and counts[-1][0] != len(found):
        stated, page = counts[-1][:2]
        warnings.append(
            f"The audit states {stated} non-conforming item(s) (page {page}) but {len(found)} infractions were found."
        )
    return found, warnings
