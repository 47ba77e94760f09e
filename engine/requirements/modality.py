"""Modality: whether a statement requires (shall, must), recommends (should, preferred, "not required"),
permits (may) or excepts, and the permitted alternative a "may" statement names.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re

_MANDATORY = re.compile(
    r"\b(?:shall|must|required|is\s+to\s+be|are\s+to\s+be|need\s+to|prohibited|unacceptable)\b"
    r"|\b(?:may|can)\s+not\b|\bcannot\b|\bnot\s+(?:be\s+)?(?:permitted|allowed|acceptable)\b"
    r"|\bonly\b[^.;]{0,60}\b(?:is|are)\s+(?:\w+\s+)?authorized\b",  # "Only qualified employees are authorized"
    re.I,
)
_RECOMMENDED = re.compile(
    r"\b(?:should|recommended|recommend|preferred|preferable|advisable|desirable|suggested|encouraged)\b|\bnot\s+required\b",
    re.I,
)
_PERMISSIVE = re.compile(
    # "may"/"can" in a relative clause ("any incident that can reasonably be suspected of causing damage",
    # "equipment that may become energized") says what could happen, not what is permitted
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)\b(?:may|can|is\s+permitted|are\s+permitted|is\s+allowed|are\s+allowed|optional|(?:is|are)\s+(?:also\s+)?acceptable"
    r"|in\s+lieu\s+of|as\s+an\s+alternative|alternatively|may\s+be\s+substituted"
    r"|authorized\s+(?:the\s+)?use|(?<!only\s)(?:is|are)\s+(?:hereby\s+)?authorized)\b",
    re.I,
)
# the thing a permissive sentence allows: "Native backfill free of rocks ... is acceptable", "Fiberglass
# crossarms may be used in lieu of wood", "Tier 8 lids are acceptable in non-traffic areas"
_ALT_SUBJECT = re.compile(
    r"^\s*(?:(?:alternatively|however|otherwise|elsewhere)\s*,?\s*)?"
    r"(?P<alt>[A-Za-z0-9][\w\s/-]{2,60}?(?:\s+rated\s+(?:for|at|to)\s+[\w\s/-]{2,40}?)?)\s+"
    r"(?=(?:free\s+(?:of|from)|with|having|that|which|meeting|of|in|may|is|are|can)\b)",
    re.I,
)
# a leading place or case ("In non-traffic areas such as landscaping, ...") before the alternative
_ALT_LEAD = re.compile(r"^\s*(?:in|on|at|for|within|outside|where|when)\b[^,.;]{2,80},\s*", re.I)


_ALT_VERB = re.compile(
    r"\b(?:is|are)\s+(?:also\s+)?(?:acceptable|permitted|allowed)\b|\bin\s+lieu\s+of\b|\bas\s+an\s+alternative\b"
    r"|\balternatively\b|\bmay\s+(?:also\s+)?be\s+(?:used|substituted|installed|accepted|furnished|provided)\b",
    re.I,
)


def alternative_subject(text: str) -> str:
    """The thing a permissive statement allows as an alternative ("Native backfill ... is acceptable" ->
    "native backfill", "Fiberglass crossarms may be used in lieu of wood" -> "fiberglass crossarms"), or ""
    when the statement permits no alternative."""
    if modality(text) != "permissive" or not _ALT_VERB.search(text):
        return ""
    t = re.sub(r"^\s*(?:exceptions?|notes?)\s*\d*\s*[:.-]\s*", "", text, flags=re.I)
    t = _ALT_LEAD.sub("", t)
    t = re.sub(r"^\s*(?:the\s+use\s+of|use\s+of|a|an|the)\s+", "", t, flags=re.I)
    m = _ALT_SUBJECT.match(t)
    if not m:
        return ""
    alt = " ".join(m.group("alt").lower().split())
    if alt in ("it", "this", "there", "they", "these", "such") or re.match(r"(?:any\s+)?other\b", alt):
        return (
            ""  # "Any other class of glove may be used ... only if ...": named by exclusion, no alternative
        )
    return alt


# "Exception:", "Except where ...": an exception; "Except as (l)(2)(ii) provides, at least two employees
# shall ..." points to another paragraph's exceptions and is itself the rule
EXCEPTION_LEAD = re.compile(
    r"^\s*(?:exceptions?\b|except\b(?!\s+as\s+(?:\S+\s+){0,4}?(?:provides?|provided|permits?|permitted|specifie[sd]|required?)\b))"
    r"|\bexception\s*(?:\d+)?\s*:",
    re.I,
)
# "Note 2:", "Note to (t)(7)(i):", "Note 1 to paragraph (c)(2)(i):"
NOTE_LEAD = re.compile(r"^\s*notes?\b(?:\s+\d+)?(?:\s+to\s+[^:]{1,80}?)?\s*\d*\s*[:.-]", re.I)


# an instruction written as a command ("Install a splice box whenever ...", "Do not splice ..."), as utility
# manuals write requirements; a "may" inside it ("whenever tensions may be exceeded") does not make it optional
_IMPERATIVE = re.compile(
    r"^\s*(?:[A-Z]\.\s+|\(?[a-z0-9]{1,2}\)\s+)?(?:do\s+not|never|install|provide|set|place|maintain|keep|locate|"
    r"ground|bond|attach|secure|connect|support|protect|mark|label|seal|bury|backfill|compact|cover|remove|replace|"
    r"contact|notify|obtain|submit|use)\s+(?!of\b|results?\b|is\b|are\b)",
    re.I,
)


# a requirement written in the indicative, as condensed and plain-language texts write them ("Each live-line tool
# is wiped clean and visually inspected for defects before use each day"): a thing that "is" done to comply
_INDICATIVE = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,4}\)\s*)*(?:(?:each|every|all|any|the|a|an)\s+)?"
    # the subject: a few words, none opening a clause of its own ("For lines that are ...", "Once the line is ...")
    r"(?!(?:this|these|those|it|for|in|on|once|if|when|where|unless|after|before|while|until)\b)"
    r"(?:(?!(?:that|which|who|whom|where|when|if|once|unless)\b)[A-Za-z][\w/'()-]*,?\s+){1,8}?"
    r"(?:is|are)\s+(?:\w+ly\s+)?(?:wiped|inspected|tested|examined|removed\s+from\s+service|grounded|marked|guarded"
    r"|repaired|cleaned|tagged|bonded|locked|labell?ed|identified|de-?energized|isolated|barricaded|ventilated|attended)\b",
    re.I,
)
# a rule that releases a case ("need not be marked", "is not required", GO 95 Rule 71.6-A)
NOT_REQUIRED = re.compile(
    r"(?i)\bnot\s+required\b|\bneeds?\s+not\b|\bdo(?:es)?\s+not\s+need\s+to\b|\b(?:is|are)\s+not\s+necessary\b"
)


def modality(text: str) -> str:
    """``recommended`` ("should", "recommended", "preferred", "not required"), ``mandatory`` ("shall", "must",
    "required"), ``permissive`` ("may") or ``statement`` (none of these words)."""
    if _RECOMMENDED.search(text) and not re.search(r"\b(?:shall|must)\b(?!\s+not\s+required)", text, re.I):
        return "recommended"
    if NOT_REQUIRED.search(text):
        return "recommended"
    if _MANDATORY.search(text) or _IMPERATIVE.match(text):
        return "mandatory"
    if _PERMISSIVE.search(text):
        return "permissive"
    if _INDICATIVE.match(text):
        return "mandatory"
    return "statement"
