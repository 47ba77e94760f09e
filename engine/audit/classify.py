"""What an audit line is: a section heading and its kind, a lead, a title, a table header row
(docs/architecture.md). Pure functions over one line of text."""

from __future__ import annotations

import re

from engine.audit.patterns import (
    CLOSED_MARK,
    COMPLIANT_HEADING,
    GENERIC_LABEL,
    GO_BACK_MARK,
    INFRACTION_HEADING,
    LEAD,
    NEEDS_NUMBER,
    NON_COMPLIANT,
    NOTHING,
    OTHER_TOPIC,
    SECTION_WORDS,
    Line,
    ends_sentence,
    norm,
)

TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
NOT_COUNT = re.compile(
    r"[\"']?(?:no|failed)\b|(?:infraction|deficiency|go[- ]?back)\s*#?\s*\d+$", re.IGNORECASE
)
# (a number with a unit after it starts a sentence, not a row: "480 V feeder from the B-6 transformer ...")
ROW_START = re.compile(
    r"\d{1,3}(?:\.\d{1,2})?[.)]?(?!\s+(?:V|kV|kVA|A|ft|in|mm|m|cm|volts?|feet|inch(?:es)?|percent|%)\b)(?:\s+\S|$)"
)


# A record list's heading ends on its kind: "Pole-by-pole notes", "Inspection log".
RECORD_HEADING = re.compile(
    r"\b(?:notes?|observations?|logs?|remarks|comments?|records?|recommendations?|checks?|inventory"
    r"|walk[- ]?down|as[- ]?found)\s*:?$",
    re.IGNORECASE,
)


# a report part of things that passed, whatever its case: "Compliant items (no action)", "Items found compliant"
_COMPLIANT_PART = re.compile(
    r"(?i)^(?:compliant|conforming|satisfactory|acceptable)\s+(?:items?|work|conditions?)\b(?:\s*\([^)]*\))?$"
    r"|^items?\s+(?:found\s+)?(?:compliant|in\s+compliance|acceptable)$"
)


def heading_kind(text: str, after_break: bool) -> str | None:
    """``"infraction"`` / ``"other"`` when ``text`` is a section heading, else ``None``."""
    if len(text) > 90 or text[:1].islower() or not TWO_LETTERS.search(text):
        return None
    words = text.split()
    is_heading = False
    if len(words) > 10:
        return None
    if text.endswith(":") and text.count(":") == 1:
        is_heading = True
    elif not ends_sentence(text) and len(words) <= 8:
        letters = [c for c in text if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        if len(letters) >= 3 and upper >= 0.8 * len(letters):
            is_heading = True
        elif len(words) <= 5 and _COMPLIANT_PART.match(text):
            is_heading = True  # "Compliant items (no action)" right under the last finding's lines
        elif len(words) <= 6 and SECTION_WORDS.match(text) and (after_break or text[0].isupper()):
            is_heading = after_break or all(w[0].isupper() or len(w) <= 3 for w in words)
        elif after_break and len(words) <= 5 and text[0].isupper() and RECORD_HEADING.search(text):
            is_heading = not re.search(r"\d", text)
        elif after_break and len(words) <= 5 and all(w[0].isupper() or len(w) <= 3 for w in words):
            is_heading = bool(re.match(r"[A-Z]", text)) and not re.search(r"\d", text)
    if not is_heading:
        return None
    if NON_COMPLIANT.search(text):
        return "infraction"
    if COMPLIANT_HEADING.search(text):
        return "other"
    if re.search(
        r"\brecommend|\bobservations?\b|\bnotes?\b|\bsummary\b|\bconclusion|\blogs?\b|\bremarks\b", text, re.I
    ) and not re.search(r"go[- ]?back|infraction|deficien|violation|non[- ]?conform", text, re.I):
        return "other"
    if INFRACTION_HEADING.search(text):
        return "infraction"
    return "other"


def lead(text: str) -> re.Match[str] | None:
    m = LEAD.match(text)
    if not m:
        return None
    label, num, sep = m.group("label"), m.group("num"), m.group("sep")
    if label.lower() == "observation":
        # a numbered observation leads only when its heading marks it (go-back or closed)
        rest = m.group("rest") or ""
        return m if num and (GO_BACK_MARK.search(rest) or CLOSED_MARK.search(rest)) else None
    if num:
        return m  # "Infraction 2:", "Item 3 -", "INFRACTION #4" alone on its line
    if NEEDS_NUMBER.match(label) or sep in ("", ".", ") "):
        return None  # "Item: ...", "Deficiency." and a bare "Violation" are not leads
    return m


def is_title(text: str) -> bool:
    """A short heading-style title: ALL CAPS or Title Case, at most 8 words, no sentence end."""
    words = text.split()
    if not 1 <= len(words) <= 8 or ends_sentence(text):
        return False
    return text.isupper() or all(w[0].isupper() for w in words if len(w) > 3 and w[0].isalpha())


def first_answer(*matches: re.Match[str] | None) -> re.Match[str] | None:
    """The checklist-row reading whose answer cell comes first.

    The answer is its own cell right after the item text, so in ``2 Pad guard N No guard
    posts`` the answer is ``N`` and the remark keeps its leading ``No``.
    """
    best = None
    for m in matches:
        if m is not None and (best is None or m.start("ans") < best.start("ans")):
            best = m
    return best


TABLE_COLUMN = re.compile(
    r"(?P<finding>(?:description\s+of\s+(?:the\s+)?)?(?:findings?|issues?|deficienc(?:y|ies)|conditions?(?:\s+found)?|defects?)"
    r"|findings?|description|issues?|deficienc(?:y|ies)|conditions?(?:\s+found)?|defects?|discrepanc(?:y|ies)"
    r"|non[- ]?conformance|violations?|(?:inspection|field)\s+notes?)"
    r"|(?P<ref>(?:std\.?\s*ref\.?|standard(?:\s+ref\.?)?|spec(?:ification)?(?:\s+ref\.?)?|ref(?:erence)?\.?"
    r"|rule|code|regulation)(?:\s+(?:cited|ref\.?|reference))?|cited(?:\s+(?:rule|reference|standard))?)"
    r"|(?P<status>status|disposition|result|type)"  # "Type: Go-back / Record" says what the row is
    r"|(?P<loc>location(?:\s*/\s*(?:span|pole|structure))?|loc\.|pole(?:\s+(?:no\.?|#|number))?"
    r"|(?:structure|str\.?)(?:\s+(?:no\.?|#))?"
    r"|span|equipment|facility|address)"
    r"|(?P<notification>notification(?:\s+(?:no\.?|#|number))?)"
    r"|(?P<num>item(?:\s+(?:no\.?|#))?|no\.?|#|id)"
    r"|(?P<other>remarks|comments?|action(?:\s+required)?|corrective\s+action|due(?:\s+date)?|severity|priority"
    r"|photos?|date|category|units?(?:\s*/\s*type)?)",
    re.IGNORECASE,
)
STATUS_WORD = re.compile(
    r"\s*\b(?P<status>open|closed|corrected|pending|resolved|completed?|outstanding|cleared|verified|repeat|new"
    r"|in\s+progress|not\s+corrected|corrected\s+on\s+site|go[- ]?back|accept(?:ed)?|pass(?:ed)?|fail(?:ed)?|ok"
    r"|no\s+finding|no\s+action|n/a|not\s+applicable)"
    r"(?:\s*[-\u2013\u2014]\s*(?P<status_note>go[- ]?backs?|compliant|corrected|record(?:\s+only)?|no\s+action))?"
    r"\.?$",  # "Open - go-back", "Closed - compliant"
    re.IGNORECASE,
)
# A standard reference cell: "DS-310 4.2", "OH-118", "GO 95 Rule 54.4", "022178 §3".
REF_CELL = re.compile(
    r"(?:[A-Z]{1,6}[- ]?\d{1,6}[A-Z]?(?:[-.]\d+)*|GO\s*\d{2,3}(?:\s+Rule)?|\d{5,6})(?:\s+(?:§\s*)?\d+(?:\.\d+)*"
    r"(?:-[A-Z](?:\(\d\))?[a-z]?)?)?"  # "GO 95 49.1-B", "GO 95 56.7-B(2)a"
    # "Table R-6", "Table 2", "(l)(3)", "1910.269(l)(2)": a table or a regulation's lettered paragraph
    r"|Table\s+[A-Z]{0,3}-?\d+(?:[-.]\d+)*[A-Z]?|(?:\d{1,4}\.\d{1,4})?(?:\([a-z0-9]{1,4}\))+"
    r"|\d{4}\.\d{1,4}"  # a CFR section: "1910.137"
    # a manual named by its common name ("Greenbook", "Greenbook 5.4.1", "NESC 232")
    r"|(?:Greenbook|Green\s+Book|NESC|NEC)(?:\s+(?:§\s*)?\d+(?:\.\d+)*)?"
)


_UNNAMED_COLUMN = re.compile(r"[A-Z][a-z]{2,11}\.?")


def table_columns(text: str) -> list[str] | None:
    """The column kinds of a table's header row ("Item | Location | Finding | Std Ref | Status"),
    or ``None`` when ``text`` is no such row (it needs a finding column and three columns)."""
    if len(text) > 120:
        return None
    cols: list[str] = []
    pos = unknown = 0
    for m in [*TABLE_COLUMN.finditer(text), None]:
        gap = text[pos : m.start() if m else len(text)].strip(" |/\t")
        if gap:
            # a column the vocabulary does not name ("No. Pole Grade Finding Cited Disposition"): one capitalised
            # word between known columns, at most two of them
            if not _UNNAMED_COLUMN.fullmatch(gap) or unknown == 2:
                return None
            cols.append("other")
            unknown += 1
        if m is None:
            break
        if m.end() < len(text) and text[m.end()].isalnum():
            return None
        cols.append(m.lastgroup or "")
        pos = m.end()
    if len(cols) - unknown < 3 or "finding" not in cols:
        return None
    if unknown and (not {"status", "ref"} & set(cols) or cols[-1] == "other"):
        return None  # "Pole Findings Status Report": a heading, not a header row
    if cols.count("finding") > 1:
        # "Finding | Pole | Rule cited | Description of finding | Status": the first names the finding's id
        cols[cols.index("finding")] = "id"
    return cols


def finding_title(text: str, kind: str | None, prev: Line | None) -> bool:
    """A finding set as its own Title Case heading, not a section heading of the report."""
    if kind == "infraction" or text.isupper() or text.endswith(":") or len(text.split()) < 2:
        return False
    if prev is not None and prev.text and not ends_sentence(prev.text) and not prev.text.endswith(":"):
        if heading_kind(prev.text, True) is None:
            return False  # the line before is unfinished prose
    return (
        is_title(text)
        and not SECTION_WORDS.match(text)
        and not RECORD_HEADING.search(text)
        and not COMPLIANT_HEADING.search(text)
        and not OTHER_TOPIC.search(text)
        and not GENERIC_LABEL.match(text)
    )


def is_nothing(text: str) -> bool:
    return bool(NOTHING.match(norm(text)))
