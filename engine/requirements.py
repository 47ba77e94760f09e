"""Requirements in spec clauses and facts in audit text. Plain Python, no Django.

A spec clause is split into statements (sentences, bullet lines, table rows). Each statement gets:
- ``constraints``: comparator + value with unit (``>=`` for "not less than", "at least", "minimum",
  "not smaller than", "≥", "rated for"; ``<=`` for "shall not exceed", "maximum", "no more than",
  "within", "≤"; ``>``/``<`` for conditions such as "exceeds"; ``range`` for "between X and Y",
  "from X to Y" and "X ± t"; ``==`` otherwise), with the words that qualify the value ("long", "of cover");
- ``materials``: a required material or state ("shall be Douglas fir or fiberglass", "must be copper,
  not aluminum"), as options and forbidden alternatives;
- ``applicability``: voltage class (primary/secondary), surface (road, alley, driveway, pedestrian, railroad),
  areas (high fire-threat district, avian protection area, rock, contamination zone), zone, construction
  grade, loading district — with negation ("outside", "not within", "Elsewhere");
- ``modality``: ``mandatory`` (shall, must, required), ``recommended`` (should, recommended, preferred,
  "not required") or ``permissive`` (may), and whether it is an Exception or a Note.

Domain defaults (source: GO 95 / GO 128 / NESC practice — clearances, cover, depth and separations are
minimums) give ``>=`` to a bare value whose subject is a clearance, cover, depth, separation, radius or creepage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.quantities import Quantity, find_quantities
from engine.retrieval import tokenize
from engine.vocab import EXISTING_WORK, FLAGS, SETTINGS, SURFACES, VOLTAGE_CLASSES, phrase_regex

# ---------------------------------------------------------------- applicability

_VOLT_WORDS = [(name, phrase_regex(terms)) for name, terms in VOLTAGE_CLASSES.items()]
_SURFACES = [(name, phrase_regex(terms)) for name, terms in SURFACES.items()]
_FLAGS = [(name, phrase_regex(terms)) for name, terms in FLAGS.items()]
_NEGATORS = re.compile(
    r"(?:\boutside(?:\s+of)?|\bnot\s+(?:with)?in|\bnot\s+located\s+in|\bnot\s+(?:a|an|part\s+of)|\bnon[\s-]?|\bno\b|\bbeyond|\bexcept\s+in|\bother\s+than)\W+(?:\w+\W+){0,3}$"
)
_ZONE = re.compile(r"\bzone\s+([a-z0-9]{1,4})\b")
_GRADE = re.compile(r"\bgrade\s+([a-f])\b")
_ELSEWHERE = re.compile(
    r"^\s*(?:elsewhere|otherwise|in\s+other\s+areas|outside\s+(?:of\s+)?(?:these|such)\b)", re.I
)

# the kind of place a rule is written for: a word naming the setting of a service territory, district or area
_SETTING = re.compile(rf"\b({'|'.join(SETTINGS)})\b")
# whether the work is on an existing structure (kept, transferred, reframed) or new construction
_EXISTING = phrase_regex(EXISTING_WORK)
_NEW = re.compile(r"\bnew(?:ly)?\b(?!\s+(?:or|and)\b)")
# the quick pre-filter: any word above, built from the same lists, so a word added to a list is never missed
_APP_HINT = re.compile(
    "|".join(
        [rx.pattern for _, rx in _VOLT_WORDS + _SURFACES + _FLAGS]
        + [_SETTING.pattern, _EXISTING.pattern, _NEW.pattern, _ZONE.pattern, _GRADE.pattern]
    )
)
_NEW_NEGATED = re.compile(r"\b(?:without|no|not|never)\s+(?:\w+\s+){0,2}$")


def applicability(text: str, *, infer_voltage: bool = False) -> dict:
    """Applicability facts named in ``text``.

    Returns a dict with any of: ``voltage`` (set of "primary"/"secondary"), ``surface`` (set), boolean flags
    ``hftd``, ``avian``, ``rock``, ``contamination``, ``heavy_loading``, ``light_loading`` (False when negated,
    e.g. "outside the high fire-threat district"), ``zone`` and ``grade`` labels. With ``infer_voltage``, a
    voltage written as a number sets the class (≤ 750 V secondary, above primary — the usual distribution split).
    """
    t = " ".join((text or "").lower().split())
    app: dict = {}
    if not infer_voltage and not _APP_HINT.search(t):
        return app
    volts = {name for name, rx in _VOLT_WORDS if rx.search(t)}
    if not volts and infer_voltage:
        for q in find_quantities(text):
            if q.kind == "voltage" and q.magnitude > 0:
                volts.add("secondary" if q.magnitude <= 750 else "primary")
    if volts:
        app["voltage"] = volts
    surf = {name for name, rx in _SURFACES if rx.search(t)}
    if surf:
        app["surface"] = surf
    for name, rx in _FLAGS:
        m = rx.search(t)
        if m:
            app[name] = not _NEGATORS.search(t[max(0, m.start() - 40) : m.start()])
    settings = {
        m.group(1)
        for m in _SETTING.finditer(t)
        if not re.search(
            r"\b(?:non|not|outside(?:\s+of)?)[\s-]*(?:\w+\s+){0,1}$", t[max(0, m.start() - 20) : m.start()]
        )
    }
    if settings:
        app["setting"] = settings
    work = set()
    if _EXISTING.search(t):
        work.add("existing")
    if any(not _NEW_NEGATED.search(t[max(0, m.start() - 30) : m.start()]) for m in _NEW.finditer(t)):
        work.add("new")
    if work:
        app["work"] = work
    m = _ZONE.search(t)
    if m:
        app["zone"] = m.group(1)
    m = _GRADE.search(t)
    if m:
        app["grade"] = m.group(1)
    return app


def merge_app(base: dict, extra: dict) -> dict:
    """``extra`` overrides ``base`` key by key."""
    out = dict(base)
    out.update(extra)
    return out


def compat(clause_app: dict, facts_app: dict) -> tuple[int, int]:
    """``(conflicts, matches)`` between a clause's applicability and the audit's facts.

    A key only counts when both sides state it; sets conflict when disjoint, flags and labels when different.
    """
    conflicts = matches = 0
    for key, cv in clause_app.items():
        if key not in facts_app:
            continue
        fv = facts_app[key]
        if isinstance(cv, set):
            if cv & fv:
                matches += 1
            else:
                conflicts += 1
        elif cv == fv:
            matches += 1
        else:
            conflicts += 1
    return conflicts, matches


# ---------------------------------------------------------------- modality

_MANDATORY = re.compile(
    r"\b(?:shall|must|required|is\s+to\s+be|are\s+to\s+be|need\s+to|prohibited|unacceptable)\b"
    r"|\b(?:may|can)\s+not\b|\bcannot\b|\bnot\s+(?:be\s+)?(?:permitted|allowed|acceptable)\b",
    re.I,
)
_RECOMMENDED = re.compile(
    r"\b(?:should|recommended|recommend|preferred|preferable|advisable|desirable|suggested|encouraged)\b|\bnot\s+required\b",
    re.I,
)
_PERMISSIVE = re.compile(
    r"\b(?:may|can|is\s+permitted|are\s+permitted|is\s+allowed|are\s+allowed|optional|(?:is|are)\s+(?:also\s+)?acceptable"
    r"|in\s+lieu\s+of|as\s+an\s+alternative|alternatively|may\s+be\s+substituted)\b",
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
    return "" if alt in ("it", "this", "there", "they", "these", "such") else alt


_EXCEPTION = re.compile(r"^\s*(?:exceptions?\b|except\b)|\bexception\s*(?:\d+)?\s*:", re.I)
_NOTE = re.compile(r"^\s*notes?\b\s*\d*\s*[:.-]", re.I)


# an instruction written as a command ("Install a splice box whenever ...", "Do not splice ..."), as utility
# manuals write requirements; a "may" inside it ("whenever tensions may be exceeded") does not make it optional
_IMPERATIVE = re.compile(
    r"^\s*(?:[A-Z]\.\s+|\(?[a-z0-9]{1,2}\)\s+)?(?:do\s+not|never|install|provide|set|place|maintain|keep|locate|"
    r"ground|bond|attach|secure|connect|support|protect|mark|label|seal|bury|backfill|compact|cover|remove|replace|"
    r"contact|notify|obtain|submit|use)\s+(?!of\b|results?\b|is\b|are\b)",
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
    return "statement"


# ---------------------------------------------------------------- constraints


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
    r"^\W*(?:[a-z][\w-]*\s+){0,2}?(?:(?:and|or)\s+(?:smaller|less|below|under|lower|fewer)\b|max(?:imum)?\b)",
    re.I,
)
_KEY_UP = re.compile(
    r"^\W*(?:[a-z][\w-]*\s+){0,2}?(?:(?:and|or)\s+(?:larger|more|above|over|greater|higher)\b|min(?:imum)?\b|\+)",
    re.I,
)


_BARE_COUNT = re.compile(
    r"\s*(\d{1,4})\s*(?:(?:-|–|to|through)\s*(\d{1,4})|(\+|or\s+more|and\s+(?:up|over|more)))?\s*"
)
COUNT_ANY = "count:*"  # a row key of bare numbers ("3 - 5" under "Services connected"): any count of things


def _count_key(label: str) -> RowKey | None:
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
    applicability: dict = field(default_factory=dict)
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

    def resolved(self, ref_value: float) -> Constraint:
        """This constraint with its formula evaluated for ``ref_value`` (base unit of the kind)."""
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
        """Whether ``value`` (base unit) meets this constraint (1e-6 relative slack)."""
        eps = 1e-6 * max(1.0, abs(value))
        if self.comparator == ">=":
            return value >= self.low - eps
        if self.comparator == ">":
            return value > self.low + eps
        if self.comparator == "<=":
            return value <= self.high + eps
        if self.comparator == "<":
            return value < self.high - eps
        if self.comparator == "range":
            return self.low - eps <= value <= self.high + eps
        return abs(value - self.low) <= eps

    def describe(self) -> str:
        """The requirement in words, e.g. "at least 25 ft", "at most 500 ft", "10 kVA to 167 kVA"."""
        words = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than", "==": "exactly"}
        if self.comparator == "range":
            return self.text
        return f"{words[self.comparator]} {self.text}"


@dataclass
class Material:
    """A required material or state: one of ``options``; never one of ``forbidden`` (lower-case phrases)."""

    options: list[str]
    forbidden: list[str] = field(default_factory=list)


@dataclass
class Statement:
    """A sentence, bullet line or table row of a clause, parsed."""

    text: str
    constraints: list[Constraint]
    materials: list[Material]
    applicability: dict
    modality: str
    is_exception: bool
    is_note: bool
    subject: set[str]
    tokens: set[str]
    table: str = ""  # table title for table rows


_GE = r"not\s+less\s+than|nor\s+less\s+than|(?:not|no|nor)\s+fewer\s+than|no\s+less\s+than|at\s+least|minimum(?:\s+of)?|min\.?|not\s+smaller\s+than|no\s+smaller\s+than|or\s+more|or\s+greater|or\s+larger|greater\s+than\s+or\s+equal\s+to|≥|>=|rated\s+(?:for|at)|not\s+(?:to\s+)?be\s+less\s+than|no\s+shallower\s+than|not\s+shallower\s+than|(?:no|not)\s+closer\s+than|(?:no|not)\s+nearer\s+than|(?:no|not)\s+(?:shorter|lower)\s+than|(?:no|not)\s+thinner\s+than"
_LE = r"shall\s+not\s+exceed|nor\s+more\s+than|nor\s+exceed(?:ing)?|not\s+to\s+exceed|not\s+exceed(?:ing)?|does\s+not\s+exceed|do\s+not\s+exceed|no\s+more\s+than|not\s+more\s+than|maximum(?:\s+of)?|max\.?|not\s+greater\s+than|no\s+greater\s+than|not\s+larger\s+than|no\s+larger\s+than|up\s+to|or\s+less|within|≤|<=|less\s+than\s+or\s+equal\s+to|not\s+(?:to\s+)?be\s+more\s+than|(?:no|not)\s+(?:farther|further|longer|deeper|higher)\s+than"
_GT = r"exceeds?|exceeding|more\s+than|greater\s+than|over\s+(?=\d)|above\s+(?=\d)|(?:larger|deeper|longer|taller|higher|wider|heavier|bigger|farther|further)\s+than|>"
_LT = r"less\s+than|fewer\s+than|below\s+(?=\d)|under\s+(?=\d)|(?:smaller|shallower|shorter|lower|narrower|lighter|closer|nearer)\s+than|<"
_CMP_BEFORE = re.compile(rf"(?P<ge>{_GE})|(?P<le>{_LE})|(?P<gt>{_GT})|(?P<lt>{_LT})", re.I)
_CMP_AFTER = re.compile(
    r"^\W*(?:(?P<ge>(?:[a-z-]+\s+){0,2}?(?:or|and)\s+(?:more|greater|larger|higher|heavier|above|over|longer|deeper|taller|wider)\b|minimum|min\b)"
    r"|(?P<le>(?:[a-z-]+\s+){0,2}?(?:or|and)\s+(?:less|fewer|smaller|lower|below|under|shorter|shallower|narrower)\b|maximum|max\b))",
    re.I,
)
_AFTER_FORM = re.compile(
    r"^\W*(?:(?:or|and)\s+(?:more|less|fewer|greater|larger|smaller|higher|lower|heavier|above|below|over|under)\b|minimum\b|maximum\b|min\b|max\b)",
    re.I,
)
_CONDITION = re.compile(r"\b(?:where|when|whenever|if)\b[^.;]*$", re.I)
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
# "spans longer than 90 m shall not be used": a prohibition of the things the subject names is a limit
_PROHIBITED = re.compile(
    r"^\W*(?:shall|must|may)\s+not\s+(?:be\s+)?(?:used|installed|placed|permitted|allowed|accepted|made|constructed)\b"
    r"|^\W*(?:is|are)\s+(?:not\s+(?:permitted|allowed|acceptable)|prohibited)\b",
    re.I,
)
_FORMULA = re.compile(r"^\s*of\s+(?:the\s+)?([a-z][a-z -]{2,30}?)\s*(?:\bplus\b|\+)\s*$", re.I)
_TOL = re.compile(r"(?:±|\+/-|\+\s*or\s*-|plus\s+or\s+minus|tolerance\s+of)\W*$", re.I)
_RANGE_MID = re.compile(r"^\s*(?:-|–|to|through|and)\s*$", re.I)
_RANGE_START = re.compile(r"(?:between|from|range\s+of|rated)\s*$", re.I)
_DEFAULT_GE = re.compile(
    r"\b(?:clearances?|cover|depths?|deep|separation|separated|radius|creepage|embedment|buried|burial|setback|spacing\s+from)\b",
    re.I,
)
_QUALIFIER_STOP = re.compile(r"[;,.]|\b(?:and|or|nor|if|where|when|provided|but|with)\b", re.I)


# a negated requirement around a strict comparator ("In no case shall ... be less than 3 feet", GO 128 Rule 32.8)
_IN_NO_CASE = re.compile(
    r"(?i)\b(?:in\s+no\s+case|at\s+no\s+time|under\s+no\s+circumstances|in\s+no\s+event)\s+(?:shall|may|must)\b[^.;]*$"
)


def _comparator_before(left: str) -> tuple[str | None, int]:
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


def _local_app(left: str, right: str) -> dict:
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


_PLACE_PREP = re.compile(r"\b(?:on|in|under|beneath|for|at|within|along|across|inside)\s+", re.I)
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
    text: str, base_app: dict | None = None, default_cmp: str | None = None
) -> list[Constraint]:
    """Numeric constraints of one statement (see module docstring for comparators and defaults).

    ``base_app`` is the applicability of the whole statement; each value adds the applicability of the words
    that follow it up to the next value ("300 ft for primary construction in Grade B areas").
    """
    base_app = base_app or {}
    qs = [q for q in find_quantities(text) if q.kind != "temperature"]
    # values in parentheses right after a class word are definitions ("Secondary (0-750 V)"), not limits
    qs = [q for q in qs if not re.search(r"\(\s*[\d.\s-]*$", text[max(0, q.start - 12) : q.start])]
    out: list[Constraint] = []
    prev_cmp = None
    i = 0
    while i < len(qs):
        q = qs[i]
        prev_end = qs[i - 1].end if i else 0
        left = text[prev_end : q.start]
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        right = text[q.end : nxt.start if nxt else len(text)]
        fm = _FORMULA.match(right) if q.kind == "percent" and nxt else None
        if fm:
            cmp, _ = _comparator_before(text[: q.start])
            cmp = cmp or (">=" if _DEFAULT_GE.search(text[: q.start]) else "==")
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
            out.append(
                Constraint(
                    "range", q.kind, lo, hi, f"{q.describe()} to {nxt.describe()}", _qualifier(after), app
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
        cmp, dist = _comparator_before(own_left)
        if dist > 24:
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
            ma = _CMP_AFTER.match(right)
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
        if cmp is None and default_cmp:
            cmp = default_cmp
        if cmp is None:
            cmp = ">=" if _DEFAULT_GE.search(text[: q.start] + " " + right[:30]) else "=="
            explicit = False
        app = merge_app(base_app, _local_app(left, right))
        lo = q.magnitude if cmp in (">=", ">", "==") else None
        hi = q.magnitude if cmp in ("<=", "<") else None
        cond = _CONDITION.search(text[: q.start])
        is_cond = bool(cond) and not re.search(r"\b(?:shall|must)\b", cond.group(0), re.I)
        if trigger and not is_cond:
            subject_cond = _subject_condition(text, q)
            if subject_cond == "prohibited":
                # "spans longer than 90 m shall not be used" -> spans at most 90 m
                cmp = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}[cmp]
                lo = q.magnitude if cmp in (">=", ">") else None
                hi = q.magnitude if cmp in ("<=", "<") else None
            elif subject_cond:
                is_cond = True
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
            )
        )
        prev_cmp = cmp if explicit else prev_cmp
        i += 1
    return out


# ---------------------------------------------------------------- materials

_MAT_LEAD = re.compile(
    r"\b(?:shall|must|should)\s+(?:only\s+)?(?:be|use)\s+(?:made\s+of\s+|constructed\s+of\s+|manufactured\s+from\s+|of\s+)?"
    r"|\b(?:shall|must)\s+consist\s+of\s+|\bmaterial\s*:\s*|\b(?:finished|painted|coloured|colored)\s+(?:in\s+)?",
    re.I,
)
_MAT_CUT = re.compile(
    r"[,.;:(]|\b(?:not|no|with|within|by|to|from|at|in|on|for|and\s+(?!\w+\s+or\b)|if|where|when|that|which|unless|except|located|placed|installed|mounted|rated|level|than)\b",
    re.I,
)
_VERBISH = re.compile(r"^(?:\w+ed|\w+en|level|plumb|tight|free|clear|able|used|kept|set|made|placed)\b", re.I)
_MAT_OK_PARTICIPLE = re.compile(
    r"^(?:galvanized|tinned|annealed|stranded|insulated|treated|painted|coated|copper[\s-]clad)\b", re.I
)
_FORBID = re.compile(
    r",?\s*(?:not|never|no)\s+(?!less|more|smaller|larger|greater|exceed|to|required|be\b|shallower)([a-z][a-z\s-]{1,30}?)(?=[.;,)]|$)",
    re.I,
)


def parse_materials(text: str) -> list[Material]:
    """Required materials/states of a statement: "shall be Douglas fir or fiberglass" ->
    options ["douglas fir", "fiberglass"]; "must be copper, not aluminum" -> forbidden ["aluminum"]."""
    out = []
    for m in _MAT_LEAD.finditer(text):
        rest = text[m.end() :]
        first = rest.split(" ", 1)[0] if rest else ""
        if not rest or first[:1].isdigit() or (_VERBISH.match(first) and not _MAT_OK_PARTICIPLE.match(rest)):
            continue
        if re.match(r"(?:a|an|the)\b", rest, re.I):
            rest = rest.split(" ", 1)[1] if " " in rest else ""
        cut = _MAT_CUT.search(rest)
        phrase = rest[: cut.start()] if cut else rest
        if find_quantities(phrase):
            phrase = phrase[: find_quantities(phrase)[0].start]
        options = [o.strip().lower() for o in re.split(r"\bor\b|/", phrase) if o.strip()]
        options = [" ".join(o.replace("-", " ").split()) for o in options if len(o) >= 3]
        if not options:
            continue
        forbidden = [" ".join(f.lower().replace("-", " ").split()) for f in _FORBID.findall(rest[:80])]
        out.append(Material(options, [f for f in forbidden if f]))
    return out


def phrase_state(phrase: str, text: str) -> bool | None:
    """True when ``phrase`` appears in ``text`` affirmed, False when negated ("not signed", "non-galvanized",
    "without ..."), None when absent. Hyphens count as spaces."""
    t = " " + " ".join(text.lower().replace("-", " ").split()) + " "
    p = " ".join(phrase.lower().replace("-", " ").split())
    found = None
    for m in re.finditer(rf"(?<![a-z0-9]){re.escape(p)}(?![a-z0-9])", t):
        before = t[max(0, m.start() - 25) : m.start()]
        if re.search(
            r"\b(?:not|no|non|without|instead\s+of|rather\s+than|out\s+of|missing|lacks?|lacking|never)\s+(?:\w+\s+)?$",
            before,
        ):
            found = False if found is None else found
        else:
            return True
    return found


# ---------------------------------------------------------------- statements and tables

_SENT_SPLIT = re.compile(
    r"(?:(?<=[a-z0-9)\]])|(?<=[A-Z]{2}))\.\s+(?=[A-Z])|;\s+(?=[A-Z])|(?=\bNote\s*\d*\s*:)|(?=\bExceptions?\s*\d*\s*:)"
)
_UNLESS = re.compile(r",?\s+\b(?:unless|except\s+(?:where|when|that|in|for|on|at|if))\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-•*▪–]|\(?[a-z]\)|\(?[ivx]+\))\s+", re.I)
_TABLE_TITLE = re.compile(r"^\s*Table\s+[\w.-]*\d[\w.-]*\s+[A-Z(]")
_SUBJECT_CUT = re.compile(r"\b(?:shall|must|should|may|is|are|will|be|required|requires|to\s+be)\b|:", re.I)
GENERIC = frozenset(
    tokenize(
        """minimum maximum each every all any required requirement requirements general standard standards equipment
        installation installations installed install work item items area areas new type unit units system systems
        facility facilities value values table section document note exception following provided use used
        primary secondary voltage material materials shall must measured measurement point points condition
        conditions time times level levels least more less than ft inch inches feet foot kv v set place placed
        two most specify specified"""
    )
)


def subject_tokens(text: str) -> set[str]:
    """Tokens of a statement's subject: the words before its verb ("Transformer tanks shall ..." ->
    {transformer, tank}), minus generic words."""
    text = re.sub(
        r"^\s*it\s+is\s+(?:recommended|required|preferred|suggested|advisable|desirable|mandatory)\s+that\s+",
        "",
        text,
        flags=re.I,
    )
    m = _SUBJECT_CUT.search(text)
    head = text[: m.start()] if m else " ".join(text.split()[:6])
    return set(tokenize(head, keep_numbers=False)) - GENERIC


def _join_lines(lines: list[str]) -> list[str]:
    """Join wrapped lines into paragraphs; bullets and 'Note:'/'Exception:' lines start new ones."""
    paras: list[str] = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if not paras or _BULLET.match(s) or _NOTE.match(s) or _EXCEPTION.match(s):
            paras.append(_BULLET.sub("", s))
        else:
            paras[-1] += " " + s
    return paras


def _split_table(lines: list[str]) -> tuple[list[str], list[tuple[str, str, list[str]]]]:
    """Separate table blocks (a ``Table ...`` title line, a header line, rows carrying values) from prose."""
    prose: list[str] = []
    tables: list[tuple[str, str, list[str]]] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if _TABLE_TITLE.match(ln) and i + 1 < len(lines) and not re.search(r"\b(?:shall|must)\b", ln):
            header = (
                lines[i + 1] if not find_quantities(lines[i + 1]) or re.search(r"\(", lines[i + 1]) else ""
            )
            j = i + (2 if header else 1)
            rows = []
            while (
                j < len(lines)
                and find_quantities(lines[j])
                and not re.match(r"^\s*\d+(?:\.\d+)+\s+[A-Z]", lines[j])
            ):
                rows.append(lines[j])
                j += 1
            if rows:
                tables.append((ln.strip(), header.strip(), rows))
                i = j
                continue
        prose.append(ln)
        i += 1
    return prose, tables


def _table_statements(
    title: str, header: str, rows: list[str], context: str, subj: set[str]
) -> list[Statement]:
    """One Statement per table row; the row's cells become constraints with the column's applicability."""
    cmp = None
    m = re.search(r"\b(minimum|min\.|maximum|max\.)", f"{title} {header}", re.I)
    if m:
        cmp = ">=" if m.group(1).lower().startswith("min") else "<="
    else:
        c, _ = _comparator_before(context)
        cmp = c
    # column applicability: class words in the header, in order
    hl = header.lower()
    cols = []
    for name, rx in _VOLT_WORDS:
        for mm in rx.finditer(hl):
            cols.append((mm.start(), name))
    cols = [name for _, name in sorted(cols)]
    title_tokens = set(tokenize(title + " " + header, keep_numbers=False))
    out = []
    for row in rows:
        qs = primary_values(row)
        if not qs:
            continue
        label = row[: qs[0].start].strip(" :-–")
        key = None
        cells = qs
        if not label and len(qs) >= 2:
            key, cells = RowKey(qs[0].kind, qs[0].magnitude, qs[0].magnitude, qs[0].describe()), qs[1:]
        row_app = applicability(label)
        cons = []
        for ci, q in enumerate(cells):
            app = dict(row_app)
            if len(cols) == len(cells) and len(cells) > 1:
                app["voltage"] = {cols[ci]}
            c = cmp or (">=" if _DEFAULT_GE.search(title + " " + header) else "==")
            lo = q.magnitude if c in (">=", ">", "==") else None
            hi = q.magnitude if c in ("<=", "<") else None
            col = f" ({cols[ci]})" if len(cols) == len(cells) and len(cells) > 1 else ""
            cons.append(
                Constraint(c, q.kind, lo, hi, q.describe() + col, [], app, key=key, explicit=cmp is not None)
            )
        label_tokens = set(tokenize(label, keep_numbers=False))
        out.append(
            Statement(
                text=f"{title}: {row.strip()}",
                constraints=cons,
                materials=[],
                applicability=row_app,
                modality="mandatory",
                is_exception=False,
                is_note=False,
                subject=(label_tokens - GENERIC) | subj,
                tokens=label_tokens | title_tokens | subj,
                table=title,
            )
        )
    return out


def primary_values(text: str) -> list[Quantity]:
    """Values of ``text`` without parenthetical equivalents ("18 ft (5.5 m)" -> [18 ft]) and temperatures."""
    qs = [q for q in find_quantities(text) if q.kind != "temperature"]
    return [q for q in qs if not re.search(r"\(\s*[\d.\s-]*$", text[max(0, q.start - 12) : q.start])]


def split_row_text(row: str, header: str = "") -> tuple[list[str], list[str]]:
    """(columns, cells) for a table row the spec import kept as one string: the label is the text before the
    first value, each value a cell; value columns take the voltage classes named in ``header`` in order."""
    qs = primary_values(row)
    if not qs:
        return [], [row]
    label = row[: qs[0].start].strip(" :-–")
    hl = header.lower()
    classes = sorted((m.start(), name) for name, rx in _VOLT_WORDS for m in rx.finditer(hl))
    names = [name.capitalize() for _, name in classes] if len(classes) == len(qs) else [""] * len(qs)
    if not label and len(qs) >= 2:
        return [""] + names[1:], [qs[0].text] + [q.text for q in qs[1:]]
    return [""] + names, [label] + [q.text for q in qs]


def _voltage_class_of_range(col: str) -> set[str]:
    """The voltage class a column named by a voltage range covers ("0 - 750 V" -> secondary, "750 V - 22 kV"
    -> primary; the usual distribution split at 750 V), or an empty set."""
    vs = [q.magnitude for q in find_quantities(col) if q.kind == "voltage"]
    if len(vs) != 2:
        return set()
    lo, hi = sorted(vs)
    if hi <= 750:
        return {"secondary"}
    if lo >= 600:
        return {"primary"}
    return set()


_COLUMN_FALLBACK = re.compile(r"^\s*(?:all\s+)?(?:other|remaining)\b|\b(?:elsewhere|otherwise)\b", re.I)


_HEAD_UNIT = re.compile(r"\((?:[^()]*?[\s,])?(kV|V|ft|feet|in|inches|m|mm|kVA|A)(?=[\s,)])[^()]*\)")


def table_row_statement(
    title: str, columns: list[str], cells: list[str], context: str = ""
) -> Statement | None:
    """A Statement for one table row given as cells (``columns[i]`` names ``cells[i]``).

    The first cell is the row label, or the row key when it is a value (pole length -> setting depth);
    value columns named with a voltage class ("Primary (750 V-22.5 kV)") carry that class. The comparator
    comes from "minimum"/"maximum" in the title or column name, else from ``context`` (the sentence that
    refers to the table, e.g. "not less than the values in Table 4-1").
    """
    if not cells:
        return None
    columns = list(columns) + [""] * (len(cells) - len(columns))
    label = cells[0]
    start = 1
    head_unit = _HEAD_UNIT.search(columns[0] or "")
    if head_unit and re.fullmatch(r"\s*(?:(?:up\s+to|over|to|through|and|-)\s*|[\d.,/]+\s*)+", label):
        # "Length of pole (ft)" / "40": a 40 ft row key; "Voltage (nominal, kV, ...)" / "over 50 to 200"
        label = f"{label.strip()} {head_unit.group(1)}"
    key = row_key(label) if len(cells) >= 2 else None
    if key is None and len(cells) >= 2:
        key = _count_key(label)
    kq = [q for q in find_quantities(label) if q.kind != "temperature"]
    if kq and len(label.strip()) <= len(kq[0].text) + 3:
        label = columns[0]
    row_app = applicability(label)
    cons = []
    for ci in range(start, len(cells)):
        col = columns[ci] or ""
        qs = [q for q in find_quantities(cells[ci]) if q.kind != "temperature"]
        unit = re.search(r"\(([^()]{1,12})\)\s*$", col)
        if not qs and unit and re.fullmatch(r"\s*[\d.,/ ]+\s*", cells[ci]):
            # the unit is in the column name: "Minimum cover (mm)" / "1000"
            qs = [
                q for q in find_quantities(f"{cells[ci].strip()} {unit.group(1)}") if q.kind != "temperature"
            ]
        if not qs:
            continue
        q = qs[0]
        m = re.search(r"\b(minimum|min\.|maximum|max\.)", f"{title} {col}", re.I)
        if m:
            cmp = ">=" if m.group(1).lower().startswith("min") else "<="
            explicit = True
        else:
            cmp, _ = _comparator_before(context)
            explicit = cmp is not None
            cmp = cmp or (">=" if _DEFAULT_GE.search(f"{title} {col} {context}") else "==")
        app = dict(row_app)
        volts = {name for name, rx in _VOLT_WORDS if rx.search(col.lower())} or _voltage_class_of_range(col)
        if volts:
            app["voltage"] = volts
        lo = q.magnitude if cmp in (">=", ">", "==") else None
        hi = q.magnitude if cmp in ("<=", "<") else None
        tag = f" ({col.split('(')[0].strip()})" if volts else ""
        # the column names the place or case of its value ("Door (operating) side"); "Other sides" is the fallback
        fallback = bool(_COLUMN_FALLBACK.search(col))
        place = tokenize(col, keep_numbers=False)
        cq = primary_values(col)
        column_value = (cq[0].kind, cq[0].magnitude) if cq and not volts else None
        cons.append(
            Constraint(
                cmp,
                q.kind,
                lo,
                hi,
                q.describe() + tag,
                [],
                app,
                key=key,
                explicit=explicit,
                place=place,
                fallback=fallback,
                column_value=column_value,
            )
        )
    label_tokens = set(tokenize(label, keep_numbers=False))
    title_tokens = set(tokenize(title + " " + " ".join(columns), keep_numbers=False))
    ctx_subject = subject_tokens(context) if context else set()
    text = f"{title}: " + "; ".join(f"{c}: {v}" if c else v for c, v in zip(columns, cells, strict=False))
    return Statement(
        text=text,
        constraints=cons,
        materials=[],
        applicability=row_app,
        modality="mandatory",
        is_exception=False,
        is_note=False,
        subject=(label_tokens - GENERIC) | ctx_subject | (title_tokens - GENERIC),
        tokens=label_tokens | title_tokens | ctx_subject,
        table=title,
    )


def parse_statements(text: str, heading: str = "") -> list[Statement]:
    """Split a clause's text into parsed statements (prose sentences, bullets, Note/Exception parts, table rows).

    A sentence opening with "Elsewhere"/"Otherwise" takes the negation of the previous sentence's area flags.
    """
    lines = (text or "").split("\n")
    prose, tables = _split_table(lines)
    out: list[Statement] = []
    prev_app: dict = {}
    in_exception = False
    for para in _join_lines(prose):
        if _EXCEPTION.match(para):
            in_exception = True
        pieces: list[tuple[str, bool]] = []
        for sent in _SENT_SPLIT.split(para):
            sent = sent.strip()
            m = _UNLESS.search(sent)
            if m and m.start() > 10 and not _EXCEPTION.match(sent):
                # "36 in of cover, unless encased in concrete, in which case 24 in" -> rule + exception
                pieces += [(sent[: m.start()].strip(), False), (sent[m.start() :].strip(" ,;"), True)]
            else:
                pieces.append((sent, False))
        for sent, forced in pieces:
            if len(sent) < 3:
                continue
            is_exc = forced or in_exception or bool(_EXCEPTION.match(sent))
            is_note = bool(_NOTE.match(sent))
            first_q = find_quantities(sent)
            pre = sent[: first_q[0].start] if first_q else sent
            app = applicability(pre)
            if _ELSEWHERE.match(sent):
                neg = {k: not v for k, v in prev_app.items() if isinstance(v, bool)}
                app = merge_app({k: v for k, v in prev_app.items() if k == "voltage"}, neg) | app
            sent_app_full = applicability(sent)
            mod = modality(sent)
            cons = parse_constraints(sent, app)
            mats = parse_materials(sent)
            subj = subject_tokens(
                re.sub(r"^\s*(?:exceptions?|notes?)\s*\d*\s*[:.-]\s*", "", sent, flags=re.I)
            )
            toks = set(tokenize(sent))
            if (_ELSEWHERE.match(sent) or forced) and out:
                # "Elsewhere the minimum clearance is 18 in." continues the previous sentence's subject
                subj |= out[-1].subject
                toks |= out[-1].tokens if not forced else set()
            out.append(
                Statement(
                    text=sent,
                    constraints=cons,
                    materials=mats,
                    applicability=app if cons else merge_app(sent_app_full, app),
                    modality=mod,
                    is_exception=is_exc,
                    is_note=is_note,
                    subject=subj,
                    tokens=toks,
                )
            )
            prev_app = merge_app(sent_app_full, app)
        if not _EXCEPTION.match(para):
            in_exception = False
    for title, header, rows in tables:
        ref = next((s for s in out if "table" in s.text.lower() and not s.is_exception), None)
        subj = ref.subject if ref else set()
        out.extend(_table_statements(title, header, rows, ref.text if ref else "", subj))
    return out


# ---------------------------------------------------------------- audit facts

_CLAIM_PATTERNS = [
    r"\b(?:auditor|inspector|qa|qc|reviewer|observer)\s+(?:requires?|required|expects?|expected|wants?|wanted|calls?\s+for|specified|asked\s+for|noted|appl(?:y|ies|ied)|cites?|cited|states?|stated|writes|wrote|prefers?|preferred|demands?|demanded|insists?|insisted)\b(?:[^.;]|\.(?=\d))*",
    r"\b(?:standards?|specs?|specifications?|rules?|codes?|the\s+code|regulations?)\s+(?:requires?|required|calls?\s+for|specif(?:y|ies)|mandates?)\b(?:[^.;]|\.(?=\d))*",
    r"\b\d[\d.,/]*\s*(?:[a-zA-Z\"'°%]+\s*){0,2}(?:is|are|was|were)\s+(?:required|specified|expected)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:[A-Za-z-]+\s+){1,3}(?:is|are|was|were)\s+(?:required|specified|expected)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:exceed(?:s|ing|ed)?|below|under|above|over|less\s+than|more\s+than|short\s+of|greater\s+than|violat(?:es|ing|ed))\s+(?:the\s+|a\s+)?(?:required\s+|specified\s+|allowed\s+|allowable\s+|permitted\s+|design\s+)?[^.;,]{0,40}?\b(?:limit|minimum|maximum|requirements?|required|allowed|allowable|specified|standard|value)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:requiring|required|requires|requirements?\s+of|minimum\s+of|maximum\s+of|limit\s+of)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\b(?:[^.;,]|[.,](?=\d))*",
    r"\b(?:violating|in\s+violation\s+of|according\s+to)\b(?:[^.;]|\.(?=\d))*",
    r"\bshould\s+(?:be|have)\b(?:[^.;,]|[.,](?=\d))*",
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
    return [(m.start(), m.end()) for m in _CLAIM_RX.finditer(text)]


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
    applicability: dict
    tokens: set[str]
    names: set[str] = field(default_factory=set)  # tokens of proper names (streets, places, people)
    # tokens of capitalised words naming an identifier ("Lot 14", "Pole 12", "Vault V-3"): a place, not a subject
    labels: set[str] = field(default_factory=set)


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
        if not _APP_HINT.search(text[m.start(1) : m.end() + 4].lower()):  # "Tier 3" names a place kind
            out.update(tokenize(m.group(1), keep_numbers=False))
            rest = rest.replace(m.group(0), " ")
    return out - set(tokenize(rest, keep_numbers=False))  # also named as a thing elsewhere: keep it


def audit_facts(description: str) -> Facts:
    """Parse an infraction description into field facts (see ``claim_spans`` and ``applicability``)."""
    text = strip_references(description)
    spans = claim_spans(text)
    qs = [q for q in find_quantities(text) if q.kind != "temperature"]
    measured, claimed = [], []
    for q in qs:
        (claimed if any(s <= q.start < e for s, e in spans) else measured).append(q)
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
    )


def qualifier_of(text: str, q: Quantity) -> list[str]:
    """Tokens qualifying a value in audit text: the words right after it ("8 ft long" -> ["long"])."""
    return _qualifier(text[q.end :])


def direction_words(text: str) -> str | None:
    """ "above" or "below" when the words right after a value give a direction ("4 in above grade")."""
    m = re.match(r"\W*(?:\w+\s+){0,2}?(above|below|under|over)\b", text, re.I)
    if not m:
        return None
    w = m.group(1).lower()
    return "below" if w in ("below", "under") else "above"
