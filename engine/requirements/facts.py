"""Audit facts: the measured and claimed values, applicability and labels of a finding's text, apart
from the auditor's claims and references to rules.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field

from engine.quantities import Quantity, find_quantities
from engine.requirements.applicability import APP_HINT, Applicability, applicability
from engine.retrieval import tokenize

_CLAIM_PATTERNS = [
    # (the auditor writing in the first person: "I am asking for 25 ft", "I am requiring 6 ft")
    r"\bI\s+(?:am\s+)?(?:asking\s+for|requiring|require|want|ask\s+for)\b(?:[^.;]|\.(?=\d))*",
    r"\b(?:auditor|inspector|qa|qc|reviewer|observer)\s+(?:also\s+|still\s+)?(?:requires?|required|expects?|expected|wants?|wanted|calls?\s+for|specified|asked\s+for|appl(?:y|ies|ied)|cites?|cited|prefers?|preferred|demands?|demanded|insists?|insisted)\b(?:[^.;]|\.(?=\d))*",
    # "auditor states that only the system operator may release": what the auditor holds the rule to be; "inspector
    # states no marker installed" reports the field condition
    r"\b(?:auditor|inspector|qa|qc|reviewer|observer)\s+(?:states?|stated|writes|wrote|noted)\s+(?:that\s+)?"
    r"(?=[^.;]{0,60}\b(?:only|may|must|shall|should|cannot|required?|requires)\b)(?:[^.;]|\.(?=\d))*",
    r"\b(?:standards?|specs?|specifications?|rules?|codes?|the\s+code|regulations?)\s+(?:requires?|required|calls?\s+for|specif(?:y|ies)|mandates?)\b(?:[^.;]|\.(?=\d))*",
    r"\b\d[\d.,/]*\s*(?:[a-zA-Z\"'°%]+\s*){0,2}(?:is|are|was|were)\s+(?:required|specified|expected)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:[A-Za-z-]+\s+){1,3}(?:is|are|was|were)\s+(?:required|specified|expected)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:exceed(?:s|ing|ed)?|below|under|above|over|less\s+than|more\s+than|short\s+of|greater\s+than|violat(?:es|ing|ed))\s+(?:the\s+|a\s+)?(?:required\s+|specified\s+|allowed\s+|allowable\s+|permitted\s+|design\s+)?[^.;,]{0,40}?\b(?:limit|minimum|maximum|requirements?|required|allowed|allowable|specified|standard|value)\b(?:[^.;,]|[.,](?=\d))*",
    # (not what a load needs: "the connected load required a 112.5 kVA transformer" is a fact of the job)
    r"(?<!load\s)(?<!loads\s)\b(?:requiring|required|requires|requirements?\s+of|minimum\s+of|maximum\s+of|limit\s+of)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:violating|in\s+violation\s+of|according\s+to)\b(?:[^.;]|\.(?=\d))*",
    r"\bshould\s+(?:be|have)\b(?:[^.;,]|[.,](?=\d))*",
    # the corrective action the auditor orders, capitalised as a sentence or a cell starts: "Install an insulator
    # at the building end.", "Raise to 18 ft." (verbs that are not also nouns: "Ground rod driven 6 ft" is a fact)
    r"(?-i:\b(?:Install|Replace|Provide|Add|Remove|Relocate|Raise|Resag|Re-sag|Repair|Reframe|Re-frame|Rebuild|"
    r"Reinstall|Re-install|Attach|Reattach|Re-attach|Tighten|Retension|Re-tension|Extend|Move|Reset|Re-set|Restore|"
    r"Rebury|Re-bury|Regrade|Re-grade))\b(?:[^.;,]|[.,](?=\d))*",
    r"\((?:min(?:imum)?|max(?:imum)?|req(?:uired|'d)?|spec(?:ified)?|standard|allowed)\b[^)]*\)",
    r"\b(?:spec|standard|requirement|required|req'd|allowed|allowable)\s*[:=]\s*(?:[^.;,]|[.,](?=\d))*",
    r"\b\d[\d.,/]*\s*(?:[a-zA-Z\"'°%]+\s*){0,2}(?:is|are)\s+the\s+(?:minimum|maximum|limit|requirement)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:the\s+)?(?:minimum|maximum|limit)\s+(?:is|being|of)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:vs\.?|versus)\s+(?:the\s+)?(?:required\s+|minimum\s+|maximum\s+)?\d(?:[^.;,]|[.,](?=\d))*",
]
_CLAIM_RX = re.compile("|".join(f"(?:{p})" for p in _CLAIM_PATTERNS), re.I)
_REF_RX = re.compile(
    r"\b(?:G\.?\s?O\.?|General\s+Order)\s*\d+[A-Z]?(?:\s*,?\s*Rule\s*[\d.]+)?|\bRule\s+\d+(?:\.\d+)*|"
    r"\b(?:ANSI|IEEE|NEC|NESC|ASTM|NEMA|UL|CSA|IEC|OSHA|CPUC|NFPA)\b(?:\s*(?:Article|Art\.|Section|Sec\.|Std\.?|Table)?\s*[A-Z]?\d+(?:[.-]\d+)*[A-Z]?)?|"
    r"\b(?:Document|Doc\.|Standard|Std\.)\s*(?:No\.?|#)?\s*[A-Z]{0,4}-?\d{3,}[\w-]*",
    re.I,
)


def claim_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that state the auditor's requirement rather than the field condition
    ("16 ft is required", "auditor expected Douglas fir", "exceeding the 25 ohm limit", "instead of gray")."""
    return [
        (m.start(), m.end())
        for m in _CLAIM_RX.finditer(text)
        if not (
            _CASE_REQUIRES.match(m.group(0))
            and _IN_CONDITION.search(text[max(0, m.start() - 40) : m.start()])
        )
    ]


# "a crossing where Grade C construction is required": what the case calls for, not the auditor's claim
_CASE_REQUIRES = re.compile(r"(?i)(?:[A-Za-z-]+\s+){1,3}(?:is|are)\s+required\b")
_IN_CONDITION = re.compile(r"(?i)\b(?:where|when|if|in\s+which)\s+(?:[\w-]+\s+){0,3}$")


def strip_references(text: str) -> str:
    """``text`` without citations of external rules ("GO 95 Rule 31.2", "ANSI C29.1", "NEC Article 250")."""
    return _REF_RX.sub(" ", text)


@dataclass
class Facts:
    """What an audit finding says happened in the field."""

    text: str  # the finding, external rule citations removed
    facts_text: str  # without the auditor's own requirement claims
    measured: list[Quantity]  # values observed in the field (claims excluded)
    claimed: list[Quantity]  # values the auditor said were required
    applicability: Applicability
    tokens: set[str]
    names: set[str] = field(default_factory=set)  # tokens of proper names (streets, places, people)
    # tokens of capitalised words naming an identifier ("Lot 14", "Pole 12", "Vault V-3"): a place, not a subject
    labels: set[str] = field(default_factory=set)
    written: str = ""  # the finding as written, its citations and markings ("marked UL 651") included


_NAME = re.compile(r"(?<=[a-z0-9,;)]\s)([A-Z][a-z]+)")
_ID_LABEL = re.compile(
    r"\b(?:to|at|on|near|of|from|in|behind|by|for|between|and|beside|outside|across)\s+([A-Z][a-z]+)\s+(?:No\.?\s*|#\s*)?(?=\d)"
)


def _id_labels(text: str) -> set[str]:
    """Tokens of capitalised words naming an identifier ("to Lot 14", "at Pole 12"), not a value with a unit
    ("Station 3 m") nor an applicability word ("Tier 3")."""
    out: set[str] = set()
    rest = text
    for m in _ID_LABEL.finditer(text):
        q = find_quantities(text[m.end() : m.end() + 16])
        if q and q[0].start == 0 and not q[0].kind.startswith("count:"):
            continue
        if not APP_HINT.search(text[m.start(1) : m.end() + 4].lower()):  # "Tier 3" names a place kind
            out.update(tokenize(m.group(1), keep_numbers=False))
            rest = rest.replace(m.group(0), " ")
    return out - set(tokenize(rest, keep_numbers=False))  # also named as a thing elsewhere: keep it


# a past event dated by its year ("passed its intrusive inspection in 2003", "last tested 2019", "set in 1998"):
# the time since it, at the audit's date, is what an interval rule (GO 165 Table 1) is compared with
_EVENT_YEAR = re.compile(
    r"\b(?:inspect\w*|test\w*|patroll?\w*|examin\w*|calibrat\w*|install\w*|set|replac\w*|treat\w*|passed|last)"
    r"\b[^.;]{0,40}?\b(?:in|since|during|on|of)?\s*(?P<year>(?:19|20)\d{2})\b",
    re.I,
)
# a year that is no date: an id ("Form 2019-A", "pole 2003"), a value ("2000 lb", "2000 kcmil")
_NOT_A_YEAR = re.compile(
    r"^(?:[/-]?\w|\s*(?:lb|lbs|kcmil|mcm|a|amps?|v|volts?|kv|kva|ft|in|mm|psi|%|percent)\b)", re.I
)
_ID_BEFORE = re.compile(
    r"(?i)\b(?:pole|form|no\.?|#|circuit|structure|str\.?|tower|job|order|pm|notification|unit|lot|pad|vault)\s*$"
)
# a year still to come: "next intrusive inspection due 2026", "scheduled for 2026"
_FUTURE_BEFORE = re.compile(r"(?i)\b(?:due|next|scheduled|planned|by|until|before)\b[^.;]{0,20}$")


def elapsed_since(text: str, audit_date: str) -> list[Quantity]:
    """The time from the latest year-dated past event in ``text`` to ``audit_date`` (ISO ``YYYY-MM-DD``), as one
    ``time`` quantity in days ("inspected in 2003 and again in 2015" at a 2025-09-22 audit: 10 years); ``[]``
    without a valid date, for a year still to come ("due 2026") or after the audit's, and for a number that is
    an id or a value ("Form 2019-A", "2000 lb"). Whole years from the middle of the event's year to the audit
    date, so a finding never gains time it may not have had."""
    try:
        when = datetime.date.fromisoformat(audit_date or "")
    except ValueError:
        return []  # no date, or no real one ("2025-02-30")
    at = when.year + (when.month - 1) / 12
    latest: tuple[int, int, int] | None = None  # (year, start, end)
    for e in _EVENT_YEAR.finditer(text):
        # the event's year and the years after it in its sentence ("in 2003 and again in 2015", "per Form 2019-A in
        # 2001"): the latest real one counts
        tail = re.split(r"[.;]", text[e.start("year") : e.start("year") + 60], maxsplit=1)[0]
        spans = [
            (y.group(0), e.start("year") + y.start(), e.start("year") + y.end())
            for y in re.finditer(r"\b(?:19|20)\d{2}\b", tail)
        ]
        for year, start, end in spans:
            if (
                _NOT_A_YEAR.match(text[end : end + 8])
                or _ID_BEFORE.search(text[max(0, start - 16) : start])
                or _FUTURE_BEFORE.search(text[max(0, start - 30) : start])
                or int(year) + 0.5 > at
            ):
                continue
            if latest is None or int(year) > latest[0]:
                latest = (int(year), start, end)
    if latest is None:
        return []
    years = math.floor(at - (latest[0] + 0.5))
    return [Quantity(years * 365.25, "time", latest[1], latest[2], f"{years} years since {latest[0]}")]


def audit_facts(description: str, audit_date: str = "") -> Facts:
    """Parse an infraction description into field facts (see ``claim_spans`` and ``applicability``).

    ``audit_date`` (ISO ``YYYY-MM-DD``, optional) dates the audit: a past event the finding dates by its year
    only ("inspected in 2003") is measured as the time since then (``elapsed_since``) when the finding states
    no time of its own."""
    text = strip_references(description)
    spans = claim_spans(text)
    qs = [q for q in find_quantities(text) if q.kind != "temperature"]
    measured: list[Quantity] = []
    claimed: list[Quantity] = []
    for q in qs:
        (claimed if any(s <= q.start < e for s, e in spans) else measured).append(q)
    if not any(q.kind == "time" for q in measured):
        since = [
            q
            for q in elapsed_since(text, audit_date)
            if not any(s <= q.start < e for s, e in spans) and not any(v.start <= q.start < v.end for v in qs)
        ]
        measured = sorted(measured + since, key=lambda q: q.start)
    facts_text = text
    for s, e in reversed(spans):
        facts_text = facts_text[:s] + " " + facts_text[e:]
    return Facts(
        text=text,
        facts_text=facts_text,
        measured=measured,
        claimed=claimed,
        applicability=applicability(facts_text, infer_voltage=True),
        tokens=set(tokenize(text)),
        names=set(tokenize(" ".join(_NAME.findall(text)), keep_numbers=False)),
        labels=_id_labels(text),
        written=description,
    )
