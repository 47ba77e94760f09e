"""Numeric constraints: comparator + value with unit in a clause's statement ("not less than 18 feet",
"shall not exceed 5 percent", "between 30 and 36 inches"), with the words that qualify the value, the
condition it is written under, and table row keys ("3 - 5" services, "over 750 V").

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from engine.quantities import Quantity, find_quantities
from engine.requirements.applicability import Applicability, applicability, merge_app
from engine.retrieval import tokenize
from engine.vocab import (
    COMPARATIVES_AFTER,
    DIMENSION_NOUNS,
    PREVIOUS_VALUE_COMPARATIVES,
    ROW_KEY_COMPARATIVES,
    comparator_pattern,
)


@dataclass
class RowKey:
    """The value range a table row applies to (pole length 45 ft; "1/0 to 4/0 ACSR"; "#2 AWG and smaller")."""

    kind: str
    lo: float
    hi: float
    text: str
    others: tuple[float, ...] = ()  # further values a row lists ("15 kV and 25 kV")

    def contains(self, value: float) -> bool:
        eps = 1e-6 * max(1.0, abs(value))
        return self.lo - eps <= value <= self.hi + eps or any(abs(value - o) <= eps for o in self.others)


_KEY_DOWN = re.compile(
    rf"^\W*(?:[a-z][\w-]*\s+){{0,2}}?(?:(?:and|or)\s+(?:{'|'.join(ROW_KEY_COMPARATIVES['<='])})\b|max(?:imum)?\b)",
    re.I,
)
_KEY_UP = re.compile(
    rf"^\W*(?:[a-z][\w-]*\s+){{0,2}}?(?:(?:and|or)\s+(?:{'|'.join(ROW_KEY_COMPARATIVES['>='])})\b|min(?:imum)?\b|\+)",
    re.I,
)


_BARE_COUNT = re.compile(
    r"\s*(\d{1,4})\s*(?:(?:-|–|to|through)\s*(\d{1,4})|(\+|or\s+more|and\s+(?:up|over|more)))?\s*"
)
COUNT_ANY = "count:*"  # a row key of bare numbers ("3 - 5" under "Services connected"): any count of things


def count_key(label: str) -> RowKey | None:
    """A row label of bare whole numbers ("1 - 2", "13+", "4") keys the row by a count of things."""
    m = _BARE_COUNT.fullmatch(label or "")
    if not m:
        return None
    lo = float(m.group(1))
    hi = float(m.group(2)) if m.group(2) else (float("inf") if m.group(3) else lo)
    return RowKey(COUNT_ANY, min(lo, hi), max(lo, hi), label.strip())


def key_kind_matches(key_kind: str, kind: str) -> bool:
    """Whether a finding's value of ``kind`` can select a row keyed by ``key_kind`` (a bare count takes any count)."""
    return kind == key_kind or (key_kind == COUNT_ANY and kind.startswith("count:"))


def row_key(label: str) -> RowKey | None:
    """The value range named by a table row label, or None when the label names no value."""
    qs = [q for q in find_quantities(label) if q.kind != "temperature"]
    if not qs:
        return None
    if qs[0].kind.startswith("count:") and re.match(r"^\s*\d{1,2}\s+[A-Z]", label):
        # "3 Over 17,500 volts": the case number and the value range it is for; "1 Direct buried": a case
        # number alone keys nothing
        qs = qs[1:]
        if not qs:
            return None
    q = qs[0]
    if (
        len(qs) >= 2
        and qs[1].kind == q.kind
        and re.fullmatch(r"\s*(?:-|–|to|through|thru)\s*", label[q.end : qs[1].start], re.I)
    ):
        lo, hi = sorted((q.magnitude, qs[1].magnitude))
        return RowKey(q.kind, lo, hi, label[q.start : qs[1].end])
    after, before = label[q.end :], label[: q.start]
    v = q.magnitude
    if _KEY_DOWN.search(after) or re.search(r"\b(?:up\s+to|under|below|less\s+than)\s*$", before, re.I):
        return RowKey(q.kind, float("-inf"), v, label.strip())
    if _KEY_UP.search(after) or re.search(r"\b(?:over|above|more\s+than|greater\s+than)\s*$", before, re.I):
        return RowKey(q.kind, v, float("inf"), label.strip())
    others = tuple(x.magnitude for x in qs[1:] if x.kind == q.kind)
    return RowKey(q.kind, v, v, q.describe(), others)


@dataclass
class Constraint:
    """One numeric requirement. Magnitudes are in the kind's base unit (see quantities.BASE_UNITS)."""

    comparator: str  # ">=", "<=", ">", "<", "==", "range"
    kind: str
    low: float | None
    high: float | None
    text: str  # how the value was written ("25 ft", "8 in ± 1 in", "10 kVA to 167 kVA")
    context: list[str] = field(
        default_factory=list
    )  # qualifying tokens right after the value ("long", "depth")
    applicability: Applicability = field(default_factory=dict)
    key: RowKey | None = None  # table rows keyed by a value (pole length 45 ft -> depth 6.5 ft)
    explicit: bool = True  # comparator came from the text (not a default)
    direction: str | None = (
        None  # "above"/"below" when the value is measured in a direction ("12 in below grade")
    )
    # "10% of pole length plus 2 ft": the limit is fraction x (a value the finding states) + offset
    formula: tuple[float, float] | None = None
    formula_ref: list[str] = field(default_factory=list)  # words naming that value ("pole", "length")
    condition: bool = False  # the value is in a "where/when/if" clause: it says when the rule applies
    # the place or case its own part of the sentence names ("95 percent under pavement ..., 90 percent
    # elsewhere"; "#2 on single-phase taps and 1/0 on three-phase mains"): tokens, and whether it is the
    # fallback part ("elsewhere", "otherwise", "all other areas")
    place: list[str] = field(default_factory=list)
    fallback: bool = False
    # a table column named by a value ("250 ft span"): (kind, magnitude in base unit); the column whose value
    # is the finding's own value of that kind governs
    column_value: tuple[str, float] | None = None
    # ``key`` comes from the value's column ("Over 300 volts"), not its row: each column holds its own range
    column_key: bool = False
    # the value itself when a tolerance widened it into a range ("56 in" of "56 in ± 3 in"), in base units
    nominal: float | None = None
    # a condition on what another table requires ("where Table 1, Column E gives 25 feet"): met by the value the
    # finding says is required, not by the one measured (GO 95 Rule 58.3-B modifying Table 1)
    tabulated: bool = False
    # a condition that names the things the rule is about ("any manhole more than 4 feet deep", "within a vertical
    # distance of less than 8 feet"): it holds for a value the finding qualifies the same way
    scope: bool = False

    def resolved(self, ref_value: float) -> Constraint:
        """This constraint with its formula evaluated for ``ref_value`` (base unit of the kind).

        Raises TypeError when the constraint has no formula (callers resolve only ``formula`` constraints).
        """
        if self.formula is None:
            raise TypeError(f"constraint {self.text!r} has no formula to resolve")
        frac, offset = self.formula
        v = frac * ref_value + offset
        lo = v if self.comparator in (">=", ">", "==") else None
        hi = v if self.comparator in ("<=", "<") else None
        return Constraint(
            self.comparator,
            self.kind,
            lo,
            hi,
            f"{self.text} = {v:.2f} ft" if self.kind == "length" else self.text,
            self.context,
            self.applicability,
            explicit=self.explicit,
        )

    def check(self, value: float) -> bool:
        """Whether ``value`` (base unit) meets this constraint (1e-6 relative slack).

        Raises TypeError when the bound the comparator reads is None (an unresolved formula constraint).
        """
        eps = 1e-6 * max(1.0, abs(value))
        if self.comparator == ">=":
            return value >= _bound(self.low) - eps
        if self.comparator == ">":
            return value > _bound(self.low) + eps
        if self.comparator == "<=":
            return value <= _bound(self.high) + eps
        if self.comparator == "<":
            return value < _bound(self.high) - eps
        if self.comparator == "range":
            # chained: the high bound is read only when the value clears the low one
            return _bound(self.low) - eps <= value <= _bound(self.high) + eps
        return abs(value - _bound(self.low)) <= eps

    def describe(self) -> str:
        """The requirement in words, e.g. "at least 25 ft", "at most 500 ft", "10 kVA to 167 kVA"."""
        words = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than", "==": "exactly"}
        if self.comparator == "range":
            return self.text
        return f"{words[self.comparator]} {self.text}"


def _bound(v: float | None) -> float:
    """A constraint bound that ``Constraint.check`` compares with; TypeError for None, as arithmetic on None gave."""
    if v is None:
        raise TypeError("constraint bound is None")
    return v


# comparator phrases: engine.vocab.COMPARATORS
_GE, _LE, _GT, _LT = (comparator_pattern(c) for c in (">=", "<=", ">", "<"))
_CMP_BEFORE = re.compile(rf"(?P<ge>{_GE})|(?P<le>{_LE})|(?P<gt>{_GT})|(?P<lt>{_LT})", re.I)
_CMP_AFTER = re.compile(
    rf"^\W*(?:(?P<ge>(?:[a-z-]+\s+){{0,2}}?(?:or|and)\s+(?:{'|'.join(COMPARATIVES_AFTER['>='])})\b|minimum|min\b)"
    rf"|(?P<le>(?:[a-z-]+\s+){{0,2}}?(?:or|and)\s+(?:{'|'.join(COMPARATIVES_AFTER['<='])})\b|maximum|max\b))",
    re.I,
)
_AFTER_FORM = re.compile(
    rf"^\W*(?:(?:or|and)\s+(?:{'|'.join(PREVIOUS_VALUE_COMPARATIVES)})\b|minimum\b|maximum\b|min\b|max\b)",
    re.I,
)
_CONDITION = re.compile(r"\b(?:where|when|whenever|if)\b[^.;]*$", re.I)
# "separated, where practicable, from gas ... by at least 12 inches": a hedge, not a condition on the value
_HEDGE = re.compile(
    r"\b(?:where|when|if)\s+(?:(?:reasonably|otherwise)\s+)?(?:practicable|practical|feasible|possible|necessary|"
    r"applicable|appropriate)\b",
    re.I,
)


_DIMENSION_BY = re.compile(r"(?i)\d\s*(?:in(?:ches)?|ft|feet|mm|m|cm)?\.?\s*(?:by|x|\u00d7)\s*$")
_MAIN_CLAUSE = re.compile(
    r"(?i),\s+(?:a|an|the|all|each|every)\s+(?:[\w-]+\s+){0,4}(?:clearance|separation|distance|depth|cover|spacing)\b"
)
_NEXT_LIMIT = re.compile(rf"(?i)\b(?:and|or)\s+(?:{_GE}|{_LE})?\s*$")


_TABLE_GIVES = re.compile(
    r"(?i)\btables?\s+[\w.-]+(?:,?\s+(?:columns?|cases?)\s+[\w.-]+(?:(?:\s*,\s*|\s+(?:and|or|to)\s+)[\w.-]+)*)*,?\s+"
    r"(?:gives?|specif(?:y|ies)|requires?|shows?|lists?|prescribes?)\s*$"
)


# a value that says which things the rule is about, not a limit on them: "to enter any manhole more than 4 feet
# deep" (Title 8 2943, 1910.269(t)(1)), "within a vertical distance of less than 8 feet" (GO 95 Rule 93)
_SCOPE_BEFORE = re.compile(
    r"(?i)\b(?!(?:be|is|are|was|were|by|not|no|of|to|than|shall|must|may|and|or|at|kept|set|placed)\b)[a-z]{3,}"
    r"\s+(?:more|less|greater|deeper|longer|higher|taller|wider|shorter)\s+than\s*$"
)
_SCOPE_AFTER = re.compile(
    r"(?i)^\s*(?:\([^()]{0,30}\)\s*)?(?:deep|long|high|wide|tall|in\s+(?:depth|length|height|diameter))\b"
)  # "more than 4 feet (1.22 meters) deep"
# the second value of a "where within" scope ("where they are within 3 feet above or 6 feet below supply conductors")
_SCOPE_OR = re.compile(
    r"(?i)\bwithin\s+[\d\s./]+\s*(?:feet|foot|ft|inches|inch|in)\s+(?:above|below)\s+or\s*$"
)
# "portions less than 15 inches from the pole center line and less than 6 feet below supply conductors" (GO 95 84.6-C)
_PORTIONS = re.compile(
    r"(?i)\b(?:portions?|parts?|sections?|runs?)(?:\s+of\s+such\s+\w+)?(?:\s+(?:that|which)\s+are)?\s+(?:more|less)\s+than\s*$"
    r"|\band\s+less\s+than\s*$"
)
_WITHIN_DISTANCE = re.compile(
    r"(?i)\bwithin\s+(?:a\s+)?(?:[a-z]+\s+)?(?:distance|length|height|run|span)\s+of\s+(?:less\s+than\s+)?$"
)


def _scope_value(text: str, q: Quantity) -> bool:
    """Whether value ``q`` of ``text`` names which things the rule is about (``_SCOPE_BEFORE``)."""
    left = text[max(0, q.start - 60) : q.start]
    return bool(
        (_SCOPE_BEFORE.search(left) and _SCOPE_AFTER.match(text[q.end : q.end + 50]))
        or _WITHIN_DISTANCE.search(left)
        or _SCOPE_OR.search(left)
        or (_PORTIONS.search(left) and re.match(r"(?i)\s*(?:from|below|above)\b", text[q.end : q.end + 12]))
    )


def _in_condition(left: str) -> bool:
    """Whether the value at the end of ``left`` sits in a "where/when/if" clause that says when the rule applies
    (not one holding the rule's own "shall"/"must")."""
    m = _condition_before(left)
    # "Where Table 1 gives 25 feet, lead wires may be lower but not less than 22 1/2 feet": after the comma the
    # rule's own "may" clause holds the value
    return (
        m is not None
        and not re.search(r"\b(?:shall|must)\b", m.group(0), re.I)
        and not re.search(r",[^,]*\bmay\b", m.group(0), re.I)
    )


def _condition_before(left: str) -> re.Match[str] | None:
    """The "where/when/if" clause that the value at the end of ``left`` sits in, if any (hedges skipped)."""
    # "(or the width of the meter panel, if greater) and 78 inches high": a parenthesis keeps its own condition
    m = _CONDITION.search(_HEDGE.sub(" ", re.sub(r"\([^()]*\)", " ", left)))
    if m and _NEXT_LIMIT.search(m.group(0)):
        return None  # "12 inches when paralleling and at least 6 inches": the clause belonged to the value before
    if m and _MAIN_CLAUSE.search(m.group(0)):
        return (
            None  # "Where conductors pass through trees, a radial clearance of not less than 18 inches shall"
        )
    return m


# the verb of a rule: a value before it, in the subject, may say which things the rule is about
_MODAL_VERB = re.compile(
    r"\b(?:shall|must|should|may|(?:is|are)\s+(?:required|acceptable|permitted|allowed|to\s+be)|requires?|need)\b",
    re.I,
)
# "<value> of more than ..." names the required value itself ("a clearance of more than 8 ft shall be kept")
_OF_VALUE = re.compile(
    r"\b(?:clearances?|cover|depths?|distances?|heights?|lengths?|spacing|separation|width|radius|minimum|maximum|total"
    r"|sum|value|limit|resistance|tension|sag|slope|grade|angle|deviation|tolerance)\s+"
    r"of\s+(?:(?:not|no|at|more|less|greater|than|least|over|under|above|below|about)\s+)*$",
    re.I,
)
# a strict comparator after a thing and its participle ("vault exceeding", "parts operating at more than", "lines
# carrying over"): the value names which things the rule is about; a measure before it ("a depth exceeding 6 ft",
# "clearance of more than") is the limit itself
_OBJECT_CONDITION = re.compile(
    r"\b(?!(?:clearances?|depths?|distances?|heights?|lengths?|spacing|separation|widths?|spans?|thickness|diameter"
    r"|radius|sag|tension|load|be|is|are|not)\b)[a-z]{3,}\s+exceeding\s*$"
    r"|\b[a-z]{3,}ing\s+(?:at\s+)?(?:more|less|greater|fewer|higher|lower)\s+than\s*$"
    r"|\b[a-z]{3,}ing\s+(?:at\s+)?(?:above|over|below|under)\s*$"
    # in a relative clause: "an addition that increases the load on the structure by more than 5 percent" (GO 95
    # Rule 44.2's note) says which additions are meant; the clause ends at a verb of the rule ("Conductors that
    # cross streets shall be more than 18 ft above") and names no measure ("a resistance that is less than")
    r"|(?<!provided\s)(?<!so\s)(?<!such\s)(?<!except\s)(?<!ensure\s)(?<!demonstrate\s)(?<!verify\s)(?<!determine\s)"
    r"(?<!sure\s)(?<!show\s)(?<!ensures\s)\b(?:that|which|who)\s+"
    r"(?:(?!shall\b|must\b|may\b|should\b|will\b|is\b|are\b|clearances?\b|distances?\b|depths?\b|heights?\b"
    r"|resistance\b|cover\b|spacing\b|separation\b|intervals?\b)[^.;:]){0,100}\b(?:more|less|greater|fewer)\s+than\s*$",
    re.I,
)
_INVERSE = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}
# a condition its own sentence denies: "where an impedance of less than 25 ohms is not obtained"
_NOT_OBTAINED = re.compile(
    r"^\s*(?:or\s+(?:less|more|greater|fewer|lower|higher)\s+)?(?:\([^()]{1,20}\)\s*)?"
    r"(?:(?:is|are|was|were|can|could)\s+(?:not|n[o']t)|cannot)\s+"
    r"(?:be\s+)?(?:obtained|achieved|attained|attainable|obtainable|reached|met|possible|practicable|available)\b",
    re.I,
)
_CLASSED_AS = re.compile(r"\b(?:is|are)\s+(?:classed|classified|considered|deemed|regarded)\s+as\b", re.I)
# "spans longer than 90 m shall not be used": a prohibition of the things the subject names is a limit
_PROHIBITED = re.compile(
    r"^\W*(?:shall|must|may)\s+not\s+(?:be\s+)?(?:used|installed|placed|permitted|allowed|accepted|made|constructed)\b"
    r"|^\W*(?:is|are)\s+(?:not\s+(?:permitted|allowed|acceptable)|prohibited)\b",
    re.I,
)
_FORMULA = re.compile(r"^\s*of\s+(?:the\s+)?([a-z][a-z -]{2,30}?)\s*(?:\bplus\b|\+)\s*$", re.I)
_ACCURACY = re.compile(r"\baccura\w*\s+(?:of\s+)?(?:±|\+/-|\+\s*or\s*-|plus\s+or\s+minus)\s*$", re.I)
_TOL = re.compile(r"(?:±|\+/-|\+\s*or\s*-|plus\s+or\s+minus|tolerance\s+of)\W*$", re.I)
_RANGE_MID = re.compile(r"^\s*(?:-|–|to|through|and)\s*$", re.I)
_RANGE_START = re.compile(r"(?:between|from|range\s+of|rated)\s*$", re.I)
DEFAULT_GE = re.compile(
    r"\b(?:clearances?|cover|depths?|deep|separation|separated|radius|creepage|embedment|buried|burial|setback|spacing\s+from)\b",
    re.I,
)
# a period a thing recurs at: the value is the longest time allowed between two tests or inspections
INTERVAL = re.compile(
    r"\b(?:every|each|intervals?\s+(?:of|not\s+exceeding))\s*$", re.I
)  # "... every" + a time
_QUALIFIER_STOP = re.compile(r"[;,.]|\b(?:and|or|nor|if|where|when|provided|but|with)\b", re.I)


# a negated requirement around a strict comparator ("In no case shall ... be less than 3 feet", GO 128 Rule 32.8)
_IN_NO_CASE = re.compile(
    r"(?i)\b(?:in\s+no\s+case|at\s+no\s+time|under\s+no\s+circumstances|in\s+no\s+event)\s+(?:shall|may|must)\b[^.;]*$"
    # "No manhole access opening shall be smaller than 26 inches" (GO 128 Rule 32.5): at least 26 inches
    r"|(?:(?:^|[.;:]\s*|\b(?:and|but)\s+)no|(?-i:\bNo))\s+(?:[\w-]+\s+){1,5}(?:shall|may|must)\s+be\s+[^.;]*$"
    # "rigged so that an employee can neither free fall more than 1.8 m" (29 CFR 1910.269(g)(2)): at most 1.8 m
    r"|\b(?:neither|never)\s+(?:[\w-]+\s+){0,3}(?:more|less|greater|fewer)\s+than\s*$"
)


_ALTERNATIVE_GAP = re.compile(r"(?i)^[^.;:]*,\s*or\s+(?:(?:no\.?|#)\s*)?$")


def comparator_before(left: str) -> tuple[str | None, int]:
    """The comparator closest to the end of ``left`` (the words before a value), with its distance in chars."""
    best = None
    # "over"/"above"/"below"/"under" count only right before a number: the value follows ``left``
    for m in _CMP_BEFORE.finditer(left + "0"):
        if m.end() <= len(left):
            best = m
    if not best:
        return None, 10**6
    name = next(k for k in ("ge", "le", "gt", "lt") if best.group(k))
    return {"ge": ">=", "le": "<=", "gt": ">", "lt": "<"}[name], len(left) - best.end()


def _qualifier(right: str) -> list[str]:
    """Tokens right after a value, up to a clause break ("8 ft long and" -> ["long"])."""
    m = _QUALIFIER_STOP.search(right)
    seg = right[: m.start()] if m else right
    return tokenize(" ".join(seg.split()[:7]), keep_numbers=False)


def _local_app(left: str, right: str) -> Applicability:
    """Applicability named next to a value: the words after it up to a comma ("300 ft for primary construction"),
    else the label right before it ("Primary 36 in, Secondary 24 in")."""
    seg = re.split(r"[,;]", right, maxsplit=1)[0]
    app = applicability(seg)
    if not app:
        app = applicability(re.split(r"[,;:]", left)[-1])
    return app


def _subject_condition(text: str, q: Quantity) -> str | bool:
    """Whether a value with a trigger comparator ("greater than", "over", "and below") sits in the subject of
    the rule, before its verb: "Vaults with an interior depth greater than 1.8 m shall have a sump" says which
    vaults the rule is about (True). "... shall not be used" after it makes it a limit ("prohibited"). A value
    the subject names as "of" ("a clearance of more than 8 ft shall be kept") or one opening the sentence
    ("More than 4 bends ...") is the requirement itself (False)."""
    verb = _MODAL_VERB.search(text, q.end)
    if not verb or _MODAL_VERB.search(text[: q.start]):
        return False
    before = text[: q.start]
    if _OF_VALUE.search(before):
        return False
    if re.search(r"\bfree\s+(?:of|from)\s+(?:[\w-]+\s+){0,3}(?:" + _GT + "|" + _LT + r")\s*$", before, re.I):
        return "prohibited"  # "backfill free of rocks larger than 2 in": rocks at most 2 in
    head = _CMP_BEFORE.sub(" ", before)
    head = re.sub(r"^\s*(?:exceptions?|notes?)\s*\d*\s*[:.-]", " ", head, flags=re.I)
    if not re.search(r"[A-Za-z]{3,}", head):
        return False
    return "prohibited" if _PROHIBITED.match(text[verb.start() :]) else True


_PLACE_PREP = re.compile(
    r"\b(?:on|in|under|beneath|for|at|within|along|across|inside)\s+"
    # "12 inches when paralleling and 6 inches when crossing", "26 inches if round, or 26 by 24 if rectangular"
    r"|^\s*(?:in\s+diameter\s+)?(?:when|where|if)\s+(?=\w+(?:\s*[,;.]|\s+(?:or|and)\b|\s*$))"
    r"|^\s*(?:when|where|if)\s+(?=\w+ing\b)",
    re.I,
)
_FALLBACK = re.compile(
    r"\b(?:elsewhere|otherwise|(?:in|at|for|on)\s+(?:all\s+)?other\s+(?:areas?|locations?|places?|cases?|sides?))\b",
    re.I,
)


def _part_place(right: str) -> tuple[list[str], bool]:
    """The place or case named in a value's own part of a sentence: the words after a preposition up to the next
    comparator ("under pavement, driveways and sidewalks, and to not less than" -> pavement, driveway, ...), and
    whether the part is the fallback ("elsewhere", "in all other areas")."""
    m = next((m for m in _CMP_BEFORE.finditer(right) if not right[m.end() :].strip()), None)
    own = right[: m.start()] if m else right  # the next value's comparator belongs to the next part
    own = re.split(r"[;.](?:\s|$)", own, maxsplit=1)[0]
    if _FALLBACK.search(own):
        return [], True
    p = _PLACE_PREP.search(own)
    if not p:
        return [], False
    return tokenize(own[p.end() :], keep_numbers=False), False


def parse_constraints(
    text: str, base_app: Applicability | None = None, default_cmp: str | None = None
) -> list[Constraint]:
    """Numeric constraints of one statement (see module docstring for comparators and defaults).

    ``base_app`` is the applicability of the whole statement; each value adds the applicability of the words
    that follow it up to the next value ("300 ft for primary construction in Grade B areas").
    """
    base_app = base_app or {}
    if _CLASSED_AS.search(text):
        return []  # a classification ("is classed as a circuit of more than 750 volts", GO 95 Rule 58.2) sets no limit
    qs = [q for q in find_quantities(text) if q.kind != "temperature"]
    # values in parentheses right after a class word are definitions ("Secondary (0-750 V)"), not limits
    qs = [q for q in qs if not re.search(r"\(\s*[\d.\s-]*$", text[max(0, q.start - 12) : q.start])]
    # an instrument's accuracy ("a minimum accuracy of plus or minus 10 percent", 29 CFR 1910.269(e)(8)) says how
    # exact it is, no limit on what it measures ("plumb within ±2 degrees" is one)
    qs = [q for i, q in enumerate(qs) if not _ACCURACY.search(text[qs[i - 1].end if i else 0 : q.start])]
    out: list[Constraint] = []
    prev_cmp = None
    lo: float | None
    hi: float | None
    i = 0
    while i < len(qs):
        q = qs[i]
        prev_end = qs[i - 1].end if i else 0
        left = text[prev_end : q.start]
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        right = text[q.end : nxt.start if nxt else len(text)]
        fm = _FORMULA.match(right) if q.kind == "percent" and nxt else None
        if fm and nxt:
            cmp, _ = comparator_before(text[: q.start])
            cmp = cmp or (">=" if DEFAULT_GE.search(text[: q.start]) else "==")
            out.append(
                Constraint(
                    cmp,
                    nxt.kind,
                    None,
                    None,
                    f"{q.describe()} of {fm.group(1).strip()} plus {nxt.describe()}",
                    _qualifier(text[nxt.end :]),
                    base_app,
                    formula=(q.magnitude / 100.0, nxt.magnitude),
                    formula_ref=tokenize(fm.group(1), keep_numbers=False),
                )
            )
            i += 2
            continue
        # range "between X and Y", "from X to Y", "X to Y"
        if (
            nxt
            and nxt.kind == q.kind
            and _RANGE_MID.match(right)
            and (_RANGE_START.search(left) or "to" in right or "-" in right)
        ):
            lo, hi = sorted((q.magnitude, nxt.magnitude))
            after = text[nxt.end : qs[i + 2].start if i + 2 < len(qs) else len(text)]
            app = merge_app(base_app, applicability(after))
            # "Where supply conductors of 750 - 7,500 volts cross over ...": the range says when the rule applies
            in_where = _in_condition(text[: q.start])
            out.append(
                Constraint(
                    "range",
                    q.kind,
                    lo,
                    hi,
                    f"{q.describe()} to {nxt.describe()}",
                    _qualifier(after),
                    app,
                    condition=in_where,
                )
            )
            prev_cmp = None
            i += 2
            continue
        # tolerance "8 in ... plus or minus 1 in"
        if nxt and nxt.kind == q.kind and _TOL.search(right):
            tol = nxt.magnitude
            after = text[nxt.end : qs[i + 2].start if i + 2 < len(qs) else len(text)]
            app = merge_app(base_app, applicability(right))
            out.append(
                Constraint(
                    "range",
                    q.kind,
                    q.magnitude - tol,
                    q.magnitude + tol,
                    f"{q.describe()} ± {nxt.describe()}",
                    _qualifier(right),
                    app,
                )
            )
            i += 2
            continue
        # "50 kVA or less may be 1.5 m": the "or less" belongs to the value before
        own_left = re.sub(_AFTER_FORM, " ", left) if i else left
        cmp, dist = comparator_before(own_left)
        gap = re.sub(r"(?i)\bno\.", "no", own_left[len(own_left) - dist :]) if dist > 24 else ""
        if dist > 24 and not (dist <= 70 and _ALTERNATIVE_GAP.match(gap)):
            # (a list of alternatives keeps it: "not smaller than No. 12 BWG galvanized steel, or No. 10 AWG")
            cmp = None
        explicit = cmp is not None
        negated = cmp in (">", "<") and bool(_IN_NO_CASE.search(left))
        if negated:
            # "In no case shall the edge of the opening be less than 3 feet from any rail": at least 3 feet
            cmp = ">=" if cmp == "<" else "<="
        # strict comparators and "within" in a rule's subject say which things it is about
        trigger = not negated and (
            cmp in (">", "<") or (cmp is not None and bool(re.search(r"\bwithin\s*$", left, re.I)))
        )
        if cmp is None:
            ma = _CMP_AFTER.match(re.sub(r"^\s*\([^()]{1,40}\)", "", right))  # "75 kVA (rated) or larger"
            if ma:
                cmp = ">=" if ma.group("ge") else "<="
                explicit = trigger = True
        if cmp is None and prev_cmp and out and out[-1].kind == q.kind:
            cmp = prev_cmp
            explicit = True
        if cmp is None and prev_cmp is None:
            m = re.search(r"\b(minimum|min\.|at\s+least|maximum|max\.)", text[: q.start], re.I)
            if m:
                cmp = ">=" if m.group(1).lower().startswith(("min", "at")) else "<="
                explicit = True
        if q.kind == "time" and INTERVAL.search(left):
            # "retested every 12 months", "at least once every 5 years", "at intervals of 2 years": a test
            # interval is a longest time ("at least" says how often, not how long)
            cmp, explicit = "<=", True
        if cmp is None and default_cmp:
            cmp = default_cmp
        if cmp is None:
            cmp = ">=" if DEFAULT_GE.search(text[: q.start] + " " + right[:30]) else "=="
            explicit = False
        app = merge_app(base_app, _local_app(left, right))
        scope = not _in_condition(text[: q.start]) and _scope_value(text, q)
        is_cond = scope or _in_condition(text[: q.start])
        if trigger and not is_cond and _OBJECT_CONDITION.search(text[: q.start]):
            # after the verb, a value that says which things the rule covers: "... to enter a manhole or vault
            # exceeding 1.22 m (4 ft) in depth" (29 CFR 1910.269(t)(1)), "guards around all live parts operating at
            # more than 150 volts"
            is_cond = True
        if trigger and not is_cond:
            subject_cond = _subject_condition(text, q)
            if subject_cond == "prohibited":
                # "spans longer than 90 m shall not be used" -> spans at most 90 m
                cmp = _INVERSE[cmp]
            elif subject_cond:
                is_cond = True
        if is_cond and cmp in _INVERSE and _NOT_OBTAINED.match(right):
            # "Where an impedance of less than 25 ohms is not obtained" (GO 128 Rule 21.5-A): 25 ohms or more
            cmp = _INVERSE[cmp]
        lo = q.magnitude if cmp in (">=", ">", "==") else None
        hi = q.magnitude if cmp in ("<=", "<") else None
        context = _qualifier(right)
        if is_cond:
            # the thing the condition is about: "Poles taller than 40 ft" -> pole (pairs with "45 ft pole")
            words = _CMP_BEFORE.sub(" ", text[max(0, q.start - 60) : q.start]).split()[-4:]
            context = context + tokenize(" ".join(words), keep_numbers=False)
        place, fallback = _part_place(right)
        out.append(
            Constraint(
                cmp,
                q.kind,
                lo,
                hi,
                q.describe(),
                context,
                app,
                condition=is_cond,
                explicit=explicit,
                direction=direction_words(right),
                place=place,
                fallback=fallback,
                tabulated=is_cond and bool(_TABLE_GIVES.search(text[max(0, q.start - 80) : q.start])),
                scope=scope,
            )
        )
        if len(out) >= 2 and out[-2].kind == q.kind and _DIMENSION_BY.search(text[: q.start]):
            # "26 inches by 24 inches if rectangular": both sides of one dimension, one comparator, one case
            first, second = out[-2], out[-1]
            lo2 = q.magnitude if first.comparator in (">=", ">", "==") else None
            hi2 = q.magnitude if first.comparator in ("<=", "<") else None
            out[-1] = replace(
                second, comparator=first.comparator, low=lo2, high=hi2, condition=first.condition,
                explicit=first.explicit, place=second.place or first.place,
            )  # fmt: skip
            out[-2] = replace(first, place=first.place or second.place)
        prev_cmp = cmp if explicit else prev_cmp
        i += 1
    return out


# where the words before a value stop being about it: a clause break, "and" / "with" / "but", or another value
# with its unit ("Trench width 18 in and cover 20 in", "at a depth of 24 in the conduit was 6 in ...")
_LEFT_BREAK = re.compile(
    r"[;.]\s|,\s(?=\D)|\b(?:and|with|but)\b|\d+(?:\.\d+)?\s*(?:ft|in|feet|foot|inch(?:es)?|mm|cm|m)\b|\d\s*[\"']"
)


def qualifier_of(text: str, q: Quantity) -> list[str]:
    """Tokens qualifying a value in audit text: the words right after it ("8 ft long" -> ["long"]), and the
    dimension a noun before it names ("inside height of manhole M-17 measured 4 ft 8 in" -> ["high"]), in the
    adjective a limit uses ("5 feet high"; ``engine.vocab.DIMENSION_NOUNS``)."""
    left = _LEFT_BREAK.split(text[max(0, q.start - 60) : q.start])[-1]
    dims = [DIMENSION_NOUNS[w] for w in re.findall(r"[a-z]+", left.lower()) if w in DIMENSION_NOUNS]
    return _qualifier(text[q.end :]) + dims[-1:]


def direction_words(text: str) -> str | None:
    """ "above" or "below" when the words right after a value give a direction ("4 in above grade")."""
    m = re.match(r"\W*(?:\w+\s+){0,2}?(above|below|under|over)\b", text, re.I)
    if not m:
        return None
    w = m.group(1).lower()
    return "below" if w in ("below", "under") else "above"
