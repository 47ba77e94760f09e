"""Line patterns of audits and the text primitives detection reads them with (docs/architecture.md).

The patterns the layouts in ``engine.audit.layouts`` share: lead labels, checklist answers, field labels,
heading words. The lead words, id prefixes and field labels are data in ``engine.vocab`` (``INFRACTION_LEADS``,
``ID_PREFIXES``, ``FINDING_FIELDS``). Every pattern is linear in the line length."""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine import vocab


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (``.`` ``!`` ``?`` ``;``, maybe before a quote or bracket)."""
    return text.rstrip().rstrip("\"')]")[-1:] in (".", "!", "?", ";")


def norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Line:
    text: str
    page: int


LEAD_LABEL = vocab.labels_pattern(vocab.INFRACTION_LEADS)  # "Go-back #3:", "Deficiency 2 -", "QC finding:"
# "OBSERVATION 3 - GO-BACK" / "OBSERVATION 7 - CLOSED": a numbered observation is a go-back only when its
# heading says so; one marked closed or compliant is a record
GO_BACK_MARK = re.compile(r"go[- ]?back|infraction|deficien|violation|non[- ]?conform|open", re.IGNORECASE)
CLOSED_MARK = re.compile(
    r"closed|compliant|no\s+(?:action|go[- ]?back)|corrected|satisfactory", re.IGNORECASE
)
LEAD = re.compile(
    rf"^(?P<label>{LEAD_LABEL})"
    r"(?:\s*(?P<hash>#|no\.?|number)?\s*(?P<num>\d{1,3}[a-z]?)\b(?:\s+of\s+\d{1,3}\b)?)?"
    r"(?:\s*\((?P<paren>[^()]{0,40})\))?"
    # a wide gap before a field ("Go-Back #1   Photos: IMG_4102") parts a numbered lead from its first field
    r"\s*(?P<sep>:|\.(?=\s)|\s[-–—]\s|\)\s|\s{2,}(?=[A-Z][\w /.-]{0,30}:\s)|$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
NUM_AFTER_COLON = re.compile(
    rf"^(?P<label>{LEAD_LABEL})\s*(?:no\.?|number|#)?\s*:\s*#?(?P<num>\d{{1,3}})\s*$", re.IGNORECASE
)
# Labels that lead without a number only when followed by ':' (never "Item:").
NEEDS_NUMBER = re.compile(r"^(?:\w+\s+)*(?:item|finding)$", re.IGNORECASE)

ID_LEAD = re.compile(
    r"^(?P<id>[A-Z]{1,6}-\d{1,6}(?:-\d{1,4})?[A-Z]?)(?:\s*(?P<sep>:|\s[-–—]\s|\.\s|\)\s)|\s+|$)\s*(?P<rest>.*)$"
)
ID_PREFIXES = vocab.ID_PREFIXES
# a known prefix and a number apart: "NCI 1. Joint pole 88412: ...", "NCR #12: ...", "DEF 3 - ..."
SPACED_ID_LEAD = re.compile(
    rf"^(?P<id>(?:{'|'.join(sorted(ID_PREFIXES, key=lambda p: (-len(p), p)))})\s*#?\s*\d{{1,4}})"
    r"(?P<sep>[.:)]|\s[-\u2013\u2014])\s+(?P<rest>\S.*)$"
)

BARE_NUMBERED = re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>[A-Za-z].*)$")
# A findings-table row: its number, then the first cell, which may be a street address or a
# structure number ("1 1207 Marsh Rd ...", "7 2270 Commerce Way") but not a quantity ("2 ft 6 in").
# a findings-table row under an id column: "F-01 V-104 ...", "NCI-3 ...", "F-X ..." (an unnumbered record)
ROW_ID = re.compile(r"^(?P<id>[A-Z]{1,4}-(?:\d{1,4}[A-Z]?|[A-Z]))\s+(?P<rest>\S.*)$")
# "3 Pole 12 ...", "4 1207 Marsh Rd ...", "1 201 - 203 B Loading ..." (a row over a range of structures)
TABLE_ROW = re.compile(
    r"^(?P<n>\d{1,3})\s+(?P<rest>(?:[A-Za-z]|\d[\d-]*(?:\s+-\s+\d+)?[A-Za-z]?(?:\s+[A-Z#]|$)).*)$"
)
NUMBERED = re.compile(r"^(?:\((?P<n1>\d{1,3})\)|(?P<n2>\d{1,3})[.)](?!\d))\s+(?P<rest>\S.*)$")
BULLET = re.compile(r"^[-•*–·▪◦●■□➢✓✔]\s*(?P<rest>\S.*)$")
LETTERED = re.compile(r"^(?:\(?(?P<l>[a-h])\)|(?P<l2>[a-h])\.)\s+(?P<rest>\S.*)$")

ANSWER = r"yes|no|n/a|na|pass|fail|y|n"
ROW_Q = re.compile(
    rf"^(?P<num>(?:[A-Z]{{1,4}}[-.]?)?\d{{1,3}}(?:\.\d{{1,2}})?)[.)]?\s+(?P<q>[^?]{{2,}}\?)\s*(?P<ans>{ANSWER})\b"
    r"[.:,;-]?\s*(?P<comment>.*)$",
    re.IGNORECASE,
)
# A row without an item number ("Guy guards installed? No  Guard missing at P-4"), read
# inside a checklist only.
ROW_UNNUMBERED = re.compile(
    r"^(?P<q>[A-Z][^?]{3,}\?)\s*(?P<ans>Yes|No|N/A|NA|YES|NO|Pass|Fail|PASS|FAIL)\b[.:,;-]?\s*(?P<comment>.*)$"
)
ROW_NUM = r"(?P<num>(?:[A-Z]{1,4}[-.]?)?\d{1,3}(?:\.\d{1,2})?)"
# Single-letter answers ("1.2 Guy guards installed N Missing at P-4"): the comment after
# the letter starts in upper case, so "Phase N conductor bonded Y" reads as answer Y.
ROW_YN = re.compile(rf"^{ROW_NUM}[.)]?\s+(?P<q>\S.*?)\s+(?P<ans>Y|N)(?:\s+(?P<comment>[A-Z#\d(].*))?$")
ROW_PLAIN = re.compile(
    rf"^{ROW_NUM}[.)]?\s+(?P<q>\S.*?)\s+(?P<ans>Yes|No|N/A|NA|YES|NO|Pass|Fail|PASS|FAIL)\b(?:\s+(?P<comment>.*))?$"
)
NEGATIVE_ANSWERS = {"no", "n", "fail"}
# A checklist whose Yes means a defect ("Deficient (Y/N)").
INVERTED_HEADER = re.compile(
    r"(?:deficien|non[- ]?complian|non[- ]?conform|defect|violation|go[- ]?back)\w*\s*\??\s*\(?\s*y(?:es)?\s*/\s*no?\b",
    re.IGNORECASE,
)
CHECK_HEADER = re.compile(
    r"\byes\s*/\s*no\b|\by\s*/\s*n\b|\bpass\s*/\s*fail\b|\byes\s+no\s+n/?a\b|\bpass\s+fail\s+n/?a\b"
    r"|\b(?:yes|pass),\s+(?:no|fail),?\s+or\s+n/?a\b",  # "Answer Yes, No or N/A."
    re.IGNORECASE,
)

COUNT_LINE = re.compile(
    r"^(?:grand\s+|overall\s+)?(?:total\s+)?(?:number\s+of\s+|no\.\s+of\s+|#\s*(?:of\s+)?)?"
    r"(?:non[- ]?conform\w*|nonconform\w*|deficien\w*|infractions?|go[- ]?backs?|failed|\"?no\"?)"
    r"(?:\s+(?:items?|responses?|answers?|found|noted|identified|conditions?|total|count))*"
    r"\s*[:=\-]?\s*(?P<n>\d{1,3})\s*$",
    re.IGNORECASE,
)

FIELD_KEYS = vocab.labels_pattern(vocab.FINDING_FIELDS)
FIELD = re.compile(
    rf"^(?:description\s+of\s+(?:the\s+)?)?(?P<key>{FIELD_KEYS})"
    r"(?:\s+(?:found|observed|noted|identified|description))?\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# A second field on the same line (two-column blocks): "Location: Pole 7   Status: Open".
INLINE_FIELD = re.compile(
    r"\s(?P<key>Location|Status|Required [Cc]orrection|Corrective [Aa]ction(?: [Rr]equired)?|Severity|Priority"
    r"|Category|Due [Dd]ate|Pole(?: (?:[Nn]umber|No\.?|#))?|Structure|Spec(?:ification)?(?: [Rr]eference)?"
    r"|Reference|Deadline|LOCATION|STATUS)\s*:\s"
)
ISSUE_KEYS = vocab.ISSUE_FIELDS
ACTION_KEYS = vocab.ACTION_FIELDS
# Measured / required values are added to the description so the verdict can read them.
VALUE_KEYS = vocab.VALUE_FIELDS
# "Info (IMG_4160): ...": a label may end on a parenthesized reference with digits
GENERIC_LABEL = re.compile(r"^[A-Za-z][A-Za-z /&()'.-]{0,40}(?:\([\w .,/#-]{1,30}\))?:(?:\s|$)")

NOT_A_FINDING = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}(?:deficienc|infraction|go[- ]?back|violation|issue|finding|non[- ]?conform|exception)"
    r"|\b(?:found|were|was|is|are)\s+(?:to\s+be\s+)?(?:compliant|acceptable|satisfactory|in\s+compliance)"
    r"|^the\s+following\b|\bas\s+follows\b|\blisted\s+below\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\s+(?:\w+\s+)?"
    r"(?:go[- ]?backs?|infractions?|deficienc\w*|findings?|items?|violations?|non[- ]?conform\w*)\b",
    re.IGNORECASE,
)
# A table's column-header row ("No. Description Location Status"), not a section heading.
COLUMN_HEADER = re.compile(
    r"^(?:no\.?|#|item|ref\.?|id)\s+(?:description|finding|deficiency|infraction|question|issue|condition)\b"
    r"|\b(?:description|finding|issue|question|condition)\s+(?:location|status|comments?|remarks|pole|answer)\b",
    re.IGNORECASE,
)
# "Finding 2 (Observation): ..." is labelled as no go-back.
NOT_GO_BACK = re.compile(r"observ|note|compliant|positive|recommend|info|no\s+go", re.IGNORECASE)
SUMMARY_HEADING = re.compile(r"summary|overview|introduction|scope|purpose|background", re.IGNORECASE)
NOTHING = re.compile(
    r"^(?:none|n/?a|nil|no|0|-+|none\s+(?:noted|found|observed|identified))\.?$", re.IGNORECASE
)

COMPLIANT_HEADING = re.compile(
    r"(?<![-\w])(?:compliant|conforming|conformance|satisfactory|acceptable|passed|in\s+compliance)\b"
    r"|\bno\s+(?:\w+\s+)?(?:deficienc|infraction|go[- ]?back|violation|issue|finding|non[- ]?conform)",
    re.IGNORECASE,
)
NON_COMPLIANT = re.compile(
    r"\bnon[- ]?(?:compliant|conforming|conformance)|\bnot\s+(?:compliant|in\s+compliance)", re.I
)
INFRACTION_HEADING = re.compile(
    r"non[- ]?(?:compliant|conform)|nonconform|infraction|go[- ]?back|deficien|violation|discrepanc|defect"
    r"|\bfindings?\b|punch\s*list|\bissues\s+(?:found|identified|noted)|items?\s+requiring|corrections?\s+required"
    r"|failed\s+items",
    re.IGNORECASE,
)
SECTION_WORDS = re.compile(
    r"^(?:findings?|deficiencies|infractions?|observations?|notes?|recommendations?|summary|conclusions?"
    r"|comments?|scope|signatures?|corrective\s+actions?|required\s+actions?|items?\b|compliant|general"
    r"|executive|audit|inspection|results?|go[- ]?backs?|non[- ]?conform\w*|violations?)\b",
    re.IGNORECASE,
)


OTHER_TOPIC = re.compile(
    r"recommend|summary|conclusion|signature|attachment|photo|comment|remark|background|scope|information"
    r"|details|contact|distribution|approval",
    re.IGNORECASE,
)


# Headings of sections that hold no go-backs, whatever their layout.
QUIET_HEADING = re.compile(
    r"(?<![-\w])(?:compliant|conforming|satisfactory|acceptable|passed)|in\s+compliance|observ|\bnotes?\b|\blogs?\b"
    r"|remarks|recommend|summary|conclusion|\bno\s+(?:\w+\s+)?(?:deficienc|infraction|go[- ]?back|violation|issue|finding)",
    re.IGNORECASE,
)
