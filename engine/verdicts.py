"""The decision for one infraction (docs/architecture.md). Plain Python, no Django.

1. retrieve candidate clause units with BM25 + synonyms and widen each to its section (rule, table,
   exceptions, notes);
2. score every statement by subject and content overlap (IDF-weighted), applicability (primary/secondary,
   surface, district, zone) and whether it constrains a kind of value the audit measured;
3. the governing statement is the best mandatory one whose subject the finding names; a recommendation
   ("recommended", "preferred", "not required") or a rule whose applicability excludes the case decides
   only when no mandatory statement governs;
4. compare measured values (pint, base units) or installed materials with the requirement; when the
   requirement is not met, an Exception of the same section whose distinctive conditions the finding states
   (and whose own limits the facts meet) makes it repealable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from engine import confidence
from engine.library import Decision, Library, Unit, unit_group
from engine.quantities import Quantity, find_quantities
from engine.requirements import (
    GENERIC,
    NOT_REQUIRED,
    Constraint,
    Facts,
    RowKey,
    Statement,
    alternative_subject,
    applicability,
    audit_facts,
    compat,
    direction_words,
    key_kind_matches,
    phrase_state,
    primary_values,
    qualifier_of,
    strip_references,
)
from engine.requirements.applicability import AppValue
from engine.retrieval import tokenize
from engine.tables import read_cell, wire_classes

VALID, REPEALABLE, NEEDS_REVIEW = "VALID", "REPEALABLE", "NEEDS_REVIEW"
# the finding says the required item is absent altogether ("no guy guard", "missing", "not installed")
_ABSENT = re.compile(
    r"\b(?:no|missing|without|lacks?|lacking|absent|omitted)\b|\bnot\s+(?:installed|provided|present|in\s+place|done|performed)\b",
    re.I,
)
# the auditor's impression, not a finding: "clearance looks inadequate; no measurement recorded"
_UNMEASURED = re.compile(
    r"(?i)\bno\s+(?:[\w-]+\s+)?(?:measurements?|readings?|values?|dimensions?)\b(?:\s+(?:or|and|nor)\s+\w+)?"
    r"\s+(?:was\s+|were\s+)?(?:recorded|taken|given|noted|made)\b"  # "no inside dimensions were taken"
    r"|\bnot\s+(?:measured|recorded)\b|\bunmeasured\b"
    r"|\b(?:looks?|appears?|seems?)\s+(?:to\s+be\s+)?(?:too\s+)?(?:inadequate|insufficient|low|short|close|tight"
    r"|marginal|small|smaller|narrow|shallow|undersized)\b"
)
STRONG_OVERLAP = 0.45  # overlap that makes a statement about the finding without its subject word
MIN_OVERLAP = 0.18  # share of the finding's IDF weight a governing statement must cover
# a clause unit whose retrieval score is this many times the next unit's: its section is clearly the finding's subject
DOMINANT_HIT = 2.0
_FIELD_KEYS = ("title", "question", "subject", "item", "category", "issue")


@dataclass
class Cand:
    unit: int
    stmt: Statement
    score: float
    overlap: float
    retrieval: float
    conflicts: int
    matches: int
    subject_ok: bool
    key_quantity: Quantity | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _group_key(unit: Unit) -> tuple[str, str]:
    return unit.document, unit_group(unit)


def _query_text(description: str, fields: Mapping[str, object]) -> str:
    parts = [description]
    for k in _FIELD_KEYS:
        v = fields.get(k)
        if isinstance(v, str) and v and v not in description:
            parts.append(v)
    return strip_references(" ".join(parts))


_AGO = re.compile(r"^\s*(?:ago|back|before\b|since\b)", re.I)


_SINCE_YEAR = re.compile(r"\byears since (?:19|20)\d{2}$")  # engine.requirements.facts.elapsed_since
_AGE_VERB = re.compile(r"(?i)\b(?:set|installed|placed|built|erected|constructed|manufactured)\s*$")


def _keying(facts: Facts) -> list[Quantity]:
    """The finding's values that may select a table row: not a time elapsed since an event ("inspected 4 years
    ago" is the interval the row limits, not the age that keys "Wood poles under 15 years"); "set 25 years ago"
    is the pole's age."""
    return [
        q
        for q in facts.measured + facts.claimed
        if not (
            q.kind == "time"
            and (_AGO.match(facts.text[q.end : q.end + 8]) or _SINCE_YEAR.search(q.text))
            and not _AGE_VERB.search(
                re.sub(r"\s+(?:in|on|during)\s*$", "", facts.text[max(0, q.start - 24) : q.start])
            )
        )
    ]


def _key_match(key: RowKey, facts: Facts) -> Quantity | None:
    for q in _keying(facts):
        if key_kind_matches(key.kind, q.kind) and key.contains(q.magnitude):
            return q
    return None


def _statement_key(st: Statement, facts: Facts) -> tuple[bool, Quantity | None]:
    """(the finding states a value of this row's key kind, matched key quantity) for a table row statement."""
    keys = [c.key for c in st.constraints if c.key is not None]
    if not keys:
        return False, None
    qs = [q for q in _keying(facts) if key_kind_matches(keys[0].kind, q.kind)]
    if not qs:
        return False, None  # nothing to select the row by: neither bonus nor penalty
    if keys[0].kind == "voltage":
        # value columns named by voltage ranges each carry their own key; "277/480 V" is one circuit, keyed
        # by its phase-to-phase voltage
        for q in _circuit_voltages(facts):
            if any(k.contains(q.magnitude) for k in keys):
                return True, q
        return True, None
    return True, _key_match(keys[0], facts)


def _circuit_voltages(facts: Facts) -> list[Quantity]:
    """The voltages the finding states, in its order, without the lower voltage of a slash pair
    ("277/480 V", "7.2/12.47 kV": phase-to-ground over phase-to-phase; the circuit is named by the second)."""
    qs = sorted((q for q in facts.measured + facts.claimed if q.kind == "voltage"), key=lambda q: q.start)
    text = facts.text
    return [
        q for q, nxt in zip(qs, [*qs[1:], None], strict=False) if not (nxt and text[q.end : nxt.start] == "/")
    ]


def _candidates(
    facts: Facts,
    q_tokens: set[str],
    library: Library,
    hits: list[tuple[int, float]],
    named: set[str] | frozenset[str] = frozenset(),
    cited: set[str] | frozenset[str] = frozenset(),
) -> list[Cand]:
    index = library.index
    known = {t for t in q_tokens if index.df.get(t) and not t[0].isdigit()}
    # words the library never uses still count (at half the top weight): a finding about a subject
    # the library does not cover must not match on its one common word
    unknown = {
        t
        for t in q_tokens
        if not index.df.get(t) and not t[0].isdigit() and len(t) > 2 and t not in facts.names
    }
    # sums over the tokens in one order: a set's order changes with the hash seed, and a sum's last bit with it,
    # which would reorder candidates that tie (the same finding decided two ways by two workers)
    total = (sum(index.idf(t) for t in sorted(known)) + 0.5 * index.idf("\x00") * len(unknown)) or 1.0
    top = hits[0][1]
    units: dict[int, float] = {}
    for rank, (u, s) in enumerate(hits):
        if s < 0.3 * top:
            continue
        # the best hits bring their section (rule, table rows, exceptions, notes); the rest come alone
        for g in library.group(u, limit=16) if rank < 4 else (u,):
            r = s / top * (1.0 if g == u else 0.6)
            units[g] = max(units.get(g, 0.0), r)
    kinds = {q.kind for q in facts.measured}
    # what each measured value is of ("4 ft below the lowest conductor"): a statement whose limit is said of the
    # same thing ("not more than 3 feet below the lowest conductor") is preferred over one of its neighbours
    # ("a band at least 1 foot wide")
    quals = [(q.kind, set(qualifier_of(facts.text, q))) for q in facts.measured if q.kind != "voltage"]
    line_class = _line_class(facts.facts_text)
    facility = _facility(wire_classes(facts.facts_text))
    if "guy" in facility and len(facility) > 1:
        facility = set()  # a guy and a conductor named together (a crossing): nothing to tell apart
    out = []
    for ui, r in units.items():
        unit = library.units[ui]
        if unit.kind == "definition":
            continue
        head = library.heading_tokens(ui)
        for st in library.statements(ui):
            if st.modality == "statement" and not st.constraints and not st.materials:
                continue  # headings, purpose and scope prose: nothing to comply with
            toks = st.tokens | head
            overlap = sum(index.idf(t) for t in sorted(known & toks)) / total
            subject = (st.subject | head) - GENERIC
            # a statement whose words cover most of the finding is about it whatever its grammatical
            # subject ("Every switchboard shall carry ... identification for each disconnect switch")
            subject_ok = bool(subject & q_tokens) or overlap >= STRONG_OVERLAP
            conflicts, matches = compat(st.applicability, facts.applicability)
            usable = [c for c in st.constraints if compat(c.applicability, facts.applicability)[0] == 0]
            if st.constraints and not usable:
                conflicts = max(conflicts, 1)
            if usable:
                matches = max(matches, max(compat(c.applicability, facts.applicability)[1] for c in usable))
            if line_class and _part_conflict(unit, line_class):
                conflicts += 1  # a communication-lines rule for a supply wire, or the other way round
            if facility and _facility_conflict(facility, st, ui, library):
                conflicts += 1  # a service-drop rule for a guy, a guy rule for a service drop
            bonus = 0.15 if any(c.kind in kinds for c in usable) else 0.0
            said_of = max(
                (
                    len(qual & set(c.context))
                    for c in usable
                    for kind, qual in quals
                    if c.kind == kind and qual
                ),
                default=0,
            )
            bonus += 0.06 * min(said_of, 3)
            keyed, keyq = _statement_key(st, facts)
            if keyed and not all(c.column_key for c in st.constraints if c.key is not None):
                # the finding's value selects this row (or rules it out); a column named by a voltage range
                # ("Systems of more than 600 V") chooses a value within the row and says nothing of the row
                bonus += 0.3 if keyq else -0.4
            if unit.document in named:
                bonus += (
                    0.1  # the finding names this document: its clauses are preferred candidates, not verdicts
                )
            if cited and unit.section in cited:
                bonus += 0.08  # the rule the finding cites is a candidate first; it still has to match
            score = 0.6 * overlap + 0.25 * r + 0.08 * matches + bonus
            out.append(Cand(ui, st, score, overlap, r, conflicts, matches, subject_ok, keyq))
    return out


def _line_class(text: str) -> str:
    """ "communication" when a finding is about communication facilities only, "supply" when it names only
    supply wires or a voltage, "" when it names both (a crossing, a joint pole) or neither (a guy alone)."""
    classes = wire_classes(text)
    supply = bool(classes & {"supply", "service_drop", "trolley"}) or bool(
        re.search(r"\d\s*(?:kV|V)\b|\bvolts?\b", text or "")
    )
    if "communication" in classes:
        return "" if supply else "communication"
    return "supply" if supply else ""


def _facility(classes: set[str]) -> set[str]:
    """Wire classes as rules are written for them: a service drop is its own facility (GO 95 Rule 54.8),
    whatever supply or communication words go with it; span wires go with guys."""
    if "service_drop" in classes:
        return {"service_drop"}
    return set(classes)


def _facility_conflict(facility: set[str], st: Statement, ui: int, library: Library) -> bool:
    """Whether a statement is written for another kind of wire than the finding's: the facility named in
    the statement, else in its heading, else in the lead of its rule ("Vertical clearances of supply
    service drops ..." above the sub-item "(2)b ... not less than 12 feet")."""
    unit = library.units[ui]
    for text in (st.text, f"{unit.heading} {unit.parent_heading}", _rule_lead(ui, library)):
        have = _facility(wire_classes(text))
        if have:
            # guys and the conductors they hold are judged by different rules (GO 95 Rule 56 vs 54);
            # conductor classes among themselves are left to applicability (a secondary rule may govern
            # the service drop)
            return ("guy" in facility) != ("guy" in have)
    return False


def _rule_lead(ui: int, library: Library) -> str:
    """The first text of the rule a unit belongs to (its lead sentence), or ""."""
    sec = library.units[ui].section
    if not sec:
        return ""
    for gi in library.group(ui):
        g = library.units[gi]
        if g.section == sec and g.kind != "table_row":
            return g.text[:400]
    return ""


def _part_conflict(unit: Unit, line_class: str) -> bool:
    """Whether the General Order part a clause sits in (GO 95 Section V "... Supply Lines", Section VIII
    "... Communication Lines"; GO 128 Section III/IV) is for the other class of lines than the finding."""
    part = str((unit.data or {}).get("part") or "").lower() if isinstance(unit.data, dict) else ""
    if not part:
        return False
    supply, communication = "supply" in part, "communication" in part
    if supply == communication:
        return False
    return (line_class == "supply" and communication) or (line_class == "communication" and supply)


_MEASURE_VERB = re.compile(
    r"\b(?:measured|measures|measuring|reads|read|tested|tests|sagged|sags|sagging|found)\b(?:\s+(?:at|to|as|only|about|approximately))?\s*$",
    re.I,
)
_ATTRIBUTE_NEXT = re.compile(
    r"^\s*(?:class\s+\w+\s+)?(?!(?:above|below|under|over|from|to|at|in|on|of|and|or|for|from|long|high|deep|wide|away|apart|clear|min|max|minimum|maximum|measured|between|beyond|past|off|short|less|more|per|each)\b)[a-z]{3,}\b",
    re.I,
)


_SITE_ATTRIBUTE = re.compile(r"(?i)\b(?:elevation|altitude)\s+(?:of\s+)?(?:about\s+|approximately\s+)?$")
_ABOVE_SEA_LEVEL = re.compile(r"(?i)\s*(?:\([^)]*\)\s*)?above\s+sea\s+level")
# "24 in vertical clearance", "4 ft horizontally from the sign": the value names the distance
_DISTANCE_NEXT = re.compile(
    r"(?i)^\s*(?:(?:[a-z]+\s+)?(?:distance|clearance|separation|spacing)|(?:horizontally|vertically|radially|laterally))\b"
)


def _measurement_cue(text: str, q: Quantity) -> float:
    """How clearly ``q`` is the value the finding measured: +1 right after a measuring verb ("measured 8 ft",
    "sagged to 38 in"); -1 when it names the size of a thing ("a 40 ft class 4 pole", "(200 ft)" after a span),
    an attribute rather than the measurement; -2 for where the site is ("at elevation 8,000 ft"); 0 otherwise."""
    before = text[max(0, q.start - 40) : q.start]
    if _SITE_ATTRIBUTE.search(before) or _ABOVE_SEA_LEVEL.match(text, q.end):
        return -2.0  # "at elevation 8,000 ft", "7,200 ft above sea level": where the site is, not a distance
    if _MEASURE_VERB.search(before):
        return 1.0
    if re.search(r"\(\s*$", before) and re.match(r"\s*[),;]", text[q.end :]):
        return -1.0  # "pole #14 (40 ft, class 4)": the size of the thing, not what was measured
    after = text[q.end : q.end + 40]
    if _DISTANCE_NEXT.match(after):
        return 1.0  # "at 20 in radial distance", "24 in vertical clearance": the value names the distance
    if _ATTRIBUTE_NEXT.match(after):
        return -1.0
    return 0.0


_NEGATED_WORD = re.compile(
    r"\b(?:non|not|no|without|other\s+than|except)[\s-]+(?:the\s+|a\s+|an\s+)?\w+", re.I
)


def _select_column(constraints: list[Constraint], facts: Facts) -> tuple[list[Constraint], Quantity | None]:
    """Of table columns named by a value ("150 ft span", "200 ft span"), keep the one at (or nearest) the value
    the finding states for that column's noun ("span P-1 to P-2 (250 ft)"); returns the value used."""
    cols = [(c, c.column_value) for c in constraints if c.column_value is not None]
    if len(cols) < 2:
        return constraints, None
    kind = cols[0][1][0]
    nouns = set(cols[0][0].place) - GENERIC
    qs = [q for q in facts.measured + facts.claimed if q.kind == kind]
    near = [
        q
        for q in qs
        if set(tokenize(facts.text[max(0, q.start - 40) : q.end + 25], keep_numbers=False)) & nouns
    ]
    if not near:
        return constraints, None
    ref = min(
        near, key=lambda q: _measurement_cue(facts.text, q)
    )  # a size stated in passing, not a measurement
    best, _ = min(cols, key=lambda cv: abs(cv[1][1] - ref.magnitude))
    return [c for c in constraints if c.column_value is None or c is best], ref


_TOLERANCE = re.compile(r"(?:±|\+/-|\+\s*or\s*-|plus\s+or\s+minus|tolerance\s+of)\s*(?=\d)", re.I)


def _with_tolerance(constraints: list[Constraint], gov: Cand, library: Library) -> list[Constraint]:
    """A table value ("56 in") widened by a tolerance that a sibling clause of the same section states for
    the table's values ("within +/- 3 in of the Table 4-1 value")."""
    st = gov.stmt
    if not st.table:
        return constraints
    tid = re.match(r"\s*(Table\s+[\w.-]+)", st.table, re.I)
    tol = None
    for gi in library.group(gov.unit):
        u = library.units[gi]
        if u.kind == "table_row":
            continue
        m = _TOLERANCE.search(u.text)
        if m and (not tid or tid.group(1).lower() in u.text.lower()):
            q = primary_values(u.text[m.end() :])
            if q and q[0].start == 0:
                tol = q[0]
                break
    if tol is None:
        return constraints
    out = []
    for c in constraints:
        if c.kind == tol.kind and c.comparator == "==" and c.low is not None:
            c = replace(
                c,
                comparator="range",
                low=c.low - tol.magnitude,
                high=c.low + tol.magnitude,
                text=f"{c.text} ± {tol.describe()}",
                nominal=c.low,
            )
        out.append(c)
    return out


def _select_parts(constraints: list[Constraint], facts: Facts) -> list[Constraint]:
    """Of several limits of one kind that one sentence sets for different places or cases ("95 percent under
    pavement ..., 90 percent elsewhere"; "#2 on single-phase taps, 1/0 on three-phase mains"), keep the part
    whose own place words the finding uses; when none does, the fallback part ("elsewhere", "otherwise");
    when there is no fallback either, all of them."""
    by_kind: dict[str, list[Constraint]] = {}
    for c in constraints:
        if not c.condition:
            by_kind.setdefault(c.kind, []).append(c)
    drop: set[int] = set()
    # words the finding negates ("the non-door side", "not in the roadway") do not name its place
    positive = set(tokenize(_NEGATED_WORD.sub(" ", facts.facts_text), keep_numbers=False))
    for group in by_kind.values():
        parts = [c for c in group if c.place or c.fallback]
        if len(parts) < 2:
            continue
        placed = [set(c.place) for c in parts if c.place]
        shared = set.intersection(*placed) if len(placed) > 1 else set()  # words every part names
        score = {id(c): 0 if c.fallback else len((set(c.place) - shared - GENERIC) & positive) for c in parts}
        best = max(score.values())
        if best:
            keep = {id(c) for c in parts if score[id(c)] == best}
        elif any(c.fallback for c in parts):
            keep = {id(c) for c in parts if c.fallback}
        else:
            continue
        drop |= {id(c) for c in parts if id(c) not in keep}
    return [c for c in constraints if id(c) not in drop]


def _pair(
    constraints: list[Constraint],
    facts: Facts,
    exclude: Quantity | list[Quantity] | list[Quantity | None] | None,
) -> list[tuple[Constraint, Quantity]]:
    """Pair constraints with the measured values they are about.

    Same kind only; pairs are taken best first by shared qualifier words ("long", "diameter", "above grade"),
    then applicability matches, then an explicit comparator. A second limit of a kind already paired needs
    its own qualifier.
    """
    skip = {id(q) for q in (exclude if isinstance(exclude, list) else [exclude]) if q is not None}
    pool = [q for q in facts.measured if id(q) not in skip]
    quals = {id(q): set(qualifier_of(facts.text, q)) for q in pool}
    cues = {id(q): _measurement_cue(facts.text, q) for q in pool}
    scored = []
    for ci, c in enumerate(constraints):
        m = compat(c.applicability, facts.applicability)[1]
        for q in pool:
            if q.kind != c.kind:
                continue
            ov = len(quals[id(q)] & set(c.context))
            # of two limits qualified like the value ("at the curb line"), the one with fewer other words
            # ("horizontally from the curb line") is the one about it
            extra = len(set(c.context) - quals[id(q)]) if ov else 0
            cue = 0.0 if c.condition else cues[id(q)]
            scored.append((-(2 * ov - 0.25 * extra + m + 0.5 * c.explicit + cue), ci, ov, c, q))
    scored.sort(key=lambda x: (x[0], x[1]))
    pairs, used_c, used_q, kinds = [], set(), set(), set()
    for _, ci, ov, c, q in scored:
        if ci in used_c or id(q) in used_q:
            continue
        if c.kind in kinds and ov == 0:
            continue
        pairs.append((c, q))
        used_c.add(ci)
        used_q.add(id(q))
        kinds.add(c.kind)
    # "not less than 12 ft and not more than 24 ft above grade": both bounds of one range hold for the same value
    for ci, c in enumerate(constraints):
        if ci in used_c or c.condition or c.comparator not in _BOUND_SIDE:
            continue
        for pc, q in list(pairs):
            if (
                pc.kind == c.kind
                and pc.comparator in _BOUND_SIDE
                and _BOUND_SIDE[pc.comparator] != _BOUND_SIDE[c.comparator]
                and (
                    set(pc.context) == set(c.context)
                    or not c.context
                    or not pc.context
                    or set(pc.context)
                    & set(c.context)  # "not less than 48 in nor more than 75 in above grade"
                )
                and pc.applicability == c.applicability
                and not pc.place
                and not c.place
            ):
                pairs.append((c, q))
                used_c.add(ci)
                break
    return pairs


_BOUND_SIDE = {">=": "low", ">": "low", "<=": "high", "<": "high"}


def _resolve_formulas(
    constraints: list[Constraint], facts: Facts
) -> tuple[list[Constraint], Quantity | None]:
    """Evaluate "N% of <pole length> plus M" limits with the value the finding gives for that reference
    (the quantity next to the reference words, else the largest of the kind); returns the reference used."""
    out, used = [], None
    for c in constraints:
        if not c.formula:
            out.append(c)
            continue
        qs = [q for q in facts.measured + facts.claimed if q.kind == c.kind]
        if len(qs) < 2:
            continue
        near = [
            q
            for q in qs
            if set(tokenize(facts.text[max(0, q.start - 25) : q.end + 25], keep_numbers=False))
            & set(c.formula_ref)
        ]
        ref = max(near or qs, key=lambda q: q.magnitude)
        used = ref
        out.append(c.resolved(ref.magnitude))
    return out, used


def _measured_value(c: Constraint, q: Quantity, facts: Facts) -> float:
    v = q.magnitude
    d = direction_words(facts.text[q.end :])
    if c.direction and d and d != c.direction:
        v = -v  # "4 in above grade" against "12 in below grade"
    return v


def _cite(unit: Unit, quote: str, score: float) -> dict[str, object]:
    return {
        "document": unit.document,
        "title": unit.title,
        "revision": unit.revision,
        "section": unit.section,
        "page": unit.page,
        "quote": " ".join(quote.split())[:300],
        "score": round(max(0.0, min(1.0, score)), 3),
    }


def _label(unit: Unit) -> str:
    return f"{unit.document} §{unit.section}" if unit.section else unit.document


def _citations(
    library: Library, first: list[tuple[int, str]], hits: list[tuple[int, float]], conf: float
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    seen: set[int] = set()
    for ui, quote in first:
        if ui in seen:
            continue
        seen.add(ui)
        out.append(_cite(library.units[ui], quote, conf if not out else conf * confidence.SECOND_CITATION))
    top = hits[0][1] if hits else 1.0
    for ui, s in hits:
        if len(out) >= 4:
            break
        if ui in seen:
            continue
        seen.add(ui)
        out.append(_cite(library.units[ui], library.units[ui].text[:200], 0.6 * s / top))
    return out


def _app_words(app: Mapping[str, AppValue]) -> str:
    parts = []
    for k, v in app.items():
        if isinstance(v, set):
            parts.append("/".join(sorted(v)))
        elif isinstance(v, bool):
            name = {"hftd": "high fire-threat districts", "avian": "avian protection areas"}.get(
                k, k.replace("_", " ")
            )
            parts.append(name if v else f"outside {name}")
        else:
            parts.append(f"{k} {v}")
    return ", ".join(parts)


def _by_exception(
    gov: Cand,
    rule_text: str,
    facts: Facts,
    pairs: list[tuple[Constraint, Quantity]],
    library: Library,
    hits: list[tuple[int, float]],
    conf: Callable[[float, Cand], float],
    details: Mapping[str, object],
    measured_txt: str = "",
) -> Decision | None:
    """The decision by an Exception of the governing rule's section that covers the finding, or None.

    The finding is REPEALABLE under the exception; when the exception sends the case to a rule or table the
    library does not hold ("these shall comply with Rule 38, Table 2, Case 16a"), it needs review instead.
    """
    group_tokens: set[str] = set()
    excs: list[tuple[int, Statement]] = []
    for gi in library.group(gov.unit):
        for s in library.statements(gi):
            if s.is_exception:
                excs.append((gi, s))
            else:
                group_tokens |= s.tokens
    for gi, exc in excs:
        applies, checked = _exception_applies(exc, group_tokens, facts, pairs)
        if not applies:
            continue
        eu = library.units[gi]
        lead = f"Measured {measured_txt}; " if measured_txt else ""
        why = f" ({'; '.join(checked)})" if checked else ""
        reason = f"{lead}the exception in {_label(eu)} applies{why}: “{_short(exc.text, 160)}”"
        reason = reason[0].upper() + reason[1:]
        details = {**details, "exception": {"section": eu.section, "checked": checked}}
        cites = [(gi, exc.text), (gov.unit, rule_text)]
        # a reference in brackets or parentheses ("a suitable barrier (Rule 61.6-B)", "[Table 8 is not
        # reproduced.]") explains a word; it does not send the case to another rule
        sends = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", exc.text)
        elsewhere = [r for r in library.unheld_references(sends) if re.match(r"(?i)rule|table", r)]
        if elsewhere:
            c = min(conf(confidence.SENT_ELSEWHERE, gov), confidence.SENT_ELSEWHERE)
            reason += f" It sends the case to {', '.join(elsewhere)}, which the spec library does not hold."
            return Decision(NEEDS_REVIEW, c, reason, _citations(library, cites, hits, c), details)
        c = conf(confidence.EXCEPTION_CHECKED if checked else confidence.EXCEPTION, gov)
        if _TIGHTENS.search(exc.text):
            # "Exception: an angle brace is also required on 8 ft crossarms where ... more than 4,500 lb": an
            # exception that adds a requirement for this case upholds the go-back
            reason = reason.replace(" applies", " applies and requires more here", 1)
            return Decision(VALID, c, reason, _citations(library, cites, hits, c), details)
        return Decision(REPEALABLE, c, reason, _citations(library, cites, hits, c), details)
    return None


# an exception that asks more of its case than the rule ("is also required", "shall also be")
_TIGHTENS = re.compile(
    r"(?i)\b(?:is|are)\s+also\s+required\b|\b(?:shall|must)\s+also\b(?!\s+be\s+(?:permitted|allowed|acceptable|used))"
)


# a thing the finding says is absent: "without rubber gloves", "no sleeves", "missing its guard"
_NEGATED_SPAN = re.compile(r"\b(?:no|without|missing|lacks?|lacking|never)\s+(?:[\w-]+\s+){0,2}[\w-]+", re.I)


# "not containing oil", "not having a neutral", "not filled with oil": the thing an exception's case lacks
_NOT_HAVING = re.compile(
    r"(?i)\bnot\s+(?:containing|having|using|carrying|filled\s+with)\s+(?:an?\s+|any\s+)?(\w+)"
)


def _negated_tokens(text: str) -> set[str]:
    """Tokens of the things ``text`` says are absent (``_NEGATED_SPAN``), for telling an exception's case
    apart from its denial."""
    return {t for m in _NEGATED_SPAN.finditer(text) for t in tokenize(m.group(0))}


def _exception_applies(
    exc: Statement, group_tokens: set[str], facts: Facts, gov: list[tuple[Constraint, Quantity]]
) -> tuple[bool, list[str]]:
    """Whether an Exception statement covers this finding; returns (applies, what was checked)."""
    if compat(exc.applicability, facts.applicability)[0]:
        return False, []
    distinct = {t for t in exc.tokens - group_tokens - GENERIC if not t[0].isdigit()}
    negated = _negated_tokens(facts.facts_text)
    fact_tokens = set(tokenize(_NEGATED_SPAN.sub(" ", facts.facts_text)))
    if len(distinct & negated - fact_tokens) > len(distinct & fact_tokens):
        # "worked without rubber gloves" against "unless the employee is insulated (rubber insulating gloves)":
        # the finding says the exception's case is absent
        return False, []
    hits = len(distinct & fact_tokens)
    # the exception is for a thing without something ("equipment not containing oil") and the finding says
    # its thing has none ("dry-type (no oil) switch"): the same absence names the same case
    absent = {t for m in _NOT_HAVING.finditer(exc.text) for t in tokenize(m.group(1))} - GENERIC
    if absent & negated:
        hits += 2
    gov_cmp = {c.kind: c.comparator for c, _ in gov}
    # a condition on a value the rule itself does not limit ("transformers rated 75 kVA and below") that the
    # finding's own value meets is evidence the exception is about this case
    # conditions of the exception ("where the span is shorter than 50 ft", "rated 75 kVA and below") are checked
    # against the finding's other values (not the one measured for the rule): unmet, the exception is out
    conds = [c for c in exc.constraints if c.condition and not c.formula]
    cond_notes = []
    for c, q in _pair(conds, facts, [q for _, q in gov]):
        if not c.check(_measured_value(c, q, facts)):
            return False, []
        cond_notes.append(f"{q.describe()} is {c.describe()}")
        hits += 1
    # (a kind the rule only ranges over, "750 to 22,500 volts", is the exception's own limit too: "energized at
    # less than 60,000 volts", GO 95 Rule 35 Exception 1)
    own = [
        c
        for c in exc.constraints
        if (c.kind not in gov_cmp or gov_cmp[c.kind] == "range")
        and c.explicit
        and not c.formula
        and not c.condition
    ]
    hits += sum(1 for c, q in _pair(own, facts, None) if c.check(q.magnitude))
    if not (hits >= 2 or (hits and len(distinct) <= 2)):
        return False, []
    notes = list(cond_notes)
    cons = []
    for c in exc.constraints:
        if c in conds:
            continue
        if compat(c.applicability, facts.applicability)[0]:
            return False, []
        if not c.explicit and c.kind in gov_cmp and gov_cmp[c.kind] in (">=", "<="):
            v = c.low if c.low is not None else c.high
            c = Constraint(gov_cmp[c.kind], c.kind, v, v, c.text, c.context, c.applicability, explicit=True)
        elif c.comparator == "==" and not c.explicit:
            # a value that describes the case ("a 120/240 V service drop"): the facts must not contradict it
            vals = [q.magnitude for q in facts.measured + facts.claimed if q.kind == c.kind]
            if vals and not any(c.check(v) for v in vals):
                return False, []
            continue
        cons.append(c)
    for c, q in _pair(cons, facts, None):
        ok = c.check(_measured_value(c, q, facts))
        notes.append(f"{q.describe()} vs {c.describe()}")
        if not ok:
            return False, notes
    # conditions on kinds the finding did not measure but did state (e.g. a voltage written in passing)
    for c in cons:
        stated = [q for q in facts.measured if q.kind == c.kind]
        if stated and c.kind in ("voltage",) and not all(c.check(q.magnitude) for q in stated):
            return False, notes
    return True, notes


def decide(description: str, fields: Mapping[str, object] | None, library: Library) -> Decision:
    """Decide one infraction against the library (the rules: module docstring, docs/architecture.md).

    Args:
        description: the finding as the audit states it (values with units, e.g. "measured at 23 ft 6 in").
        fields: layout fields from detection (``title``/``question``/``subject`` help retrieval), and the audit's
            ``audit_date`` (ISO ``YYYY-MM-DD``; a year-dated event in the finding is measured as the time since),
            or None.
        library: the active spec library.

    Returns:
        Decision with verdict, confidence 0-1, a reason naming measured and required values and the clause,
        and citations best first (the governing clause first). Never raises on odd text.
    """
    fields = fields or {}
    decision = _decide(description, fields, library)
    missing = library.unheld_references(description)
    if not missing:
        return decision
    closest = decision.citations[0] if decision.citations else None
    if (
        closest
        and decision.verdict != NEEDS_REVIEW
        and (
            _misnumbered(missing, closest, description, library)
            or _sibling_rule(missing, closest, decision, description)
            or _table_modified(missing, closest, decision, library)
        )
    ):
        # "no guy marker; auditor cites Rule 86.9": the number is not the library's, but the held rule
        # titled by the very thing the finding names governs, and the reason says so
        note = (
            f" The finding cites {', '.join(dict.fromkeys(missing))}, which the spec library does not hold; "
            f"{closest['document']} §{closest['section']} is the held rule on this subject."
        )
        return Decision(
            decision.verdict,
            round(decision.confidence * confidence.UNHELD_REFERENCE, 3),
            decision.reason + note,
            decision.citations,
            {**decision.details, "unheld_references": missing},
        )
    reason = (
        f"The finding cites {', '.join(dict.fromkeys(missing))}, which the spec library does not hold; "
        "no other rule is put in its place."
    )
    if closest:
        reason += f" Closest held clause: {closest['document']} §{closest['section']}."
    details = {
        **decision.details,
        "unheld_references": missing,
        "verdict_without_reference": decision.verdict,
    }
    return Decision(
        NEEDS_REVIEW, round(min(decision.confidence, 0.5), 3), reason, decision.citations, details
    )


# a reference the finding rests its go-back on: "per Rule X", "auditor cites Rule X", "Rule X requires ..."
_BASIS_BEFORE = re.compile(
    r"(?i)\b(?:per|cites?|cited|citing|violat\w*|contrary\s+to|see)\W+(?:GO\s*\d+\W+)?$"
)
_BASIS_AFTER = re.compile(
    r"(?i)^\W*(?:requires?|required|calls?\s+for|specifies|states|sets|says|mandates)\b"
)


def _sibling_rule(
    missing: list[str], closest: Mapping[str, object], decision: Decision, description: str
) -> bool:
    """Whether every unheld reference is another part of the rule whose held clause decided on the finding's
    own measured value, named for context rather than as the go-back's basis ("where the plan calls for a
    guard arm under Rule 87.4-C3, the guard arm is 3 ft long": Rule 87.7-B, held, sets the arm's length).
    "Rule 54.9-C requires 12 ft" or "per Rule 54.9-C" is the basis and stays unheld."""
    base = re.match(r"\d+", str(closest.get("section", "")))
    if base is None or not decision.details.get("comparisons"):
        return False
    for m in missing:
        ref = re.match(r"(?i)rule\s+(\d+)[.\d-]", m)
        at = description.find(m)
        if ref is None or ref.group(1) != base.group(0) or at < 0:
            return False
        if _BASIS_BEFORE.search(description[max(0, at - 30) : at]) or _BASIS_AFTER.match(
            description[at + len(m) : at + len(m) + 30]
        ):
            return False
    return True


# a rule that changes another's values: "modified as follows", "may be lower but not less than", "in lieu of"
# (not a tolerance: "shall in no case be reduced more than 10 percent" leaves the table's values to the table)
_MODIFIES = re.compile(
    r"(?i)\bmodified\s+as\s+follows\b|\bmay\s+(?:be\s+lower|have\s+less)\b|\breduced\s+to\s+\d"
    r"|\bin\s+lieu\s+of\b"
)


def _table_modified(
    missing: list[str], closest: Mapping[str, object], decision: Decision, library: Library
) -> bool:
    """Whether every unheld reference is a table the held rule that decided names itself, having compared the
    finding's value: the rule modifies that table for this case (GO 95 Rule 58.3-B, "the Table 1 clearances
    apply to transformer lead wires ... except that they may be reduced"), so the held rule governs though the
    table is not reproduced."""
    if not decision.details.get("comparisons"):
        return False
    texts = " ".join(
        u.text
        for u in library.units
        if u.document == closest.get("document") and u.section == closest.get("section")
    )
    if not _MODIFIES.search(texts):
        return False  # "not less than those of Table 2" refers to the table; it sets no value of its own
    for m in missing:
        # a whole table ("Table 2, Case 8" is a case the library lacks), named by the rule ("Table 1." ends a sentence)
        table = re.fullmatch(r"(?i)(table\s+[\w-]+(?:\.\d+)*)", m)
        if table is None or not re.search(rf"(?i)\b{re.escape(table.group(1))}(?![\w-]|\.\w)", texts):
            return False
    return True


def _misnumbered(
    missing: list[str], closest: Mapping[str, object], description: str, library: Library
) -> bool:
    """Whether every unheld reference is a rule number unrelated to any held rule and the closest held
    clause's own heading is wholly named by the finding ("Guy Marker (Guy Guard)" for "no guy marker"):
    then the finding cites the wrong number for a rule the library holds. A part of a held rule
    ("Rule 31.5-A" beside a held 31.5) or another document stays unheld."""
    if not all(re.match(r"(?i)rule\b", m) and not library.holds_rule_family(m) for m in missing):
        return False
    heading = next(
        (
            u.heading
            for u in library.units
            if u.document == closest["document"] and u.section == closest["section"] and u.heading
        ),
        "",
    )
    own = {t for t in tokenize(re.sub(r"\([^)]*\)", " ", heading), keep_numbers=False)} - GENERIC
    return bool(own) and own <= set(tokenize(description, keep_numbers=False))


_AUDITOR_CLAIM = re.compile(
    r"(?i)\b(?:auditor|inspector|reviewer|observer)\s+(?:also\s+|still\s+)?(?:requires?|required|expects?|expected|wants?|wanted|"
    r"calls?\s+for|specified|appl(?:y|ies|ied)|cites?|cited|states?|stated|prefers?|preferred)\b(?:[^.;]|\.(?=\d))*"
)


def _decide(description: str, fields: Mapping[str, object], library: Library) -> Decision:
    """The decision from the library's clauses alone (``decide`` adds the finding's own citations)."""
    query = _query_text(description, fields)
    audit_date = fields.get("audit_date")
    facts = audit_facts(description, audit_date if isinstance(audit_date, str) else "")
    q_tokens = set(tokenize(query, keep_numbers=False))  # bare numbers (pole ids, addresses) mislead ranking
    q_tokens -= facts.labels  # "Lot 14", "Pole 12": where, not what
    # words only the auditor's claim uses ("auditor applied the 16 ft commercial clearance") name the
    # auditor's premise, not the field condition: they do not steer which clause governs
    premise = " ".join(m.group(0) for m in _AUDITOR_CLAIM.finditer(facts.text))
    if premise:
        rest = _AUDITOR_CLAIM.sub(" ", facts.text)
        claim_only = set(tokenize(premise, keep_numbers=False)) - set(tokenize(rest, keep_numbers=False))
        if len(q_tokens - claim_only) >= 3:
            q_tokens -= claim_only
    hits = library.index.search(list(q_tokens), k=12) if q_tokens else []
    if not hits:
        return Decision(
            NEEDS_REVIEW, confidence.NO_MATCH, "No clause in the spec library matches this finding.", [], {}
        )
    every = _candidates(
        facts,
        q_tokens,
        library,
        hits,
        library.documents_named(f"{description} {query}"),
        library.sections_named(description),
    )
    group_best: dict[tuple[str, str], float] = {}
    for c in every:
        g = _group_key(library.units[c.unit])
        group_best[g] = max(group_best.get(g, 0.0), c.overlap)
    # a statement qualifies on its own overlap, or on a weaker one when its section clearly matches
    # (the rule of an Exception the finding names, a table row under a matching heading, the section of the
    # unit retrieval ranks far above the next one: a long finding's many words dilute its overlap). Unit
    # against unit: on the real-text corpora, comparing with the best unit of another section let weak
    # clauses govern findings the library does not cover.
    dominant = (
        {_group_key(library.units[hits[0][0]])}
        if len(hits) > 1 and hits[0][1] >= DOMINANT_HIT * hits[1][1]
        else set()
    )
    cands = [
        c
        for c in every
        if c.subject_ok
        and (
            c.overlap >= MIN_OVERLAP
            or (
                c.overlap >= 0.5 * MIN_OVERLAP
                and (
                    group_best[_group_key(library.units[c.unit])] >= 1.5 * MIN_OVERLAP
                    or _keyed_with_value(c, facts)  # a table row keyed by one value, compared on another
                    or _group_key(library.units[c.unit]) in dominant
                )
            )
        )
    ]
    if not cands:
        # a clearance table's case may name the place in words retrieval missed ("walkable roof" / "buildings
        # on which persons can walk"): a case-by-column table among the best hits still decides
        for ui, _ in hits[:6]:
            probe = _table_probe(ui)
            got = _grid_decision(
                probe,
                every,
                facts,
                library,
                hits,
                lambda base, _c: round(base * confidence.TABLE_FALLBACK, 3),
            )
            if got is not None:
                return got
        # the closest clauses are shown (with a low score) so the reviewer starts from them; none is called
        # the governing clause
        closest = _citations(library, [], hits[:2], 0.0)
        for cit in closest:
            score = cit["score"]
            if isinstance(score, float):  # always (``_cite`` rounds a float)
                cit["score"] = round(min(score, confidence.CLOSEST_CITATION), 3)
        return Decision(
            NEEDS_REVIEW,
            confidence.NO_GOVERNING_CLAUSE,
            "No clause in the spec library governs this finding; the closest clauses concern other subjects.",
            closest,
            {"candidates": [library.units[u].section for u, _ in hits[:3]]},
        )
    # a finding that names a case-by-column table ("Rule cited: GO 95 Rule 38, Table 2") is read by it first
    for ui in library.named_grid_rows(description):
        probe = _table_probe(ui)
        got = _grid_decision(
            probe, every, facts, library, hits, lambda base, _c: round(base * confidence.TABLE_NAMED, 3)
        )
        if got is not None:
            return got
    # a rule that modifies a table ("the 48-inch clearance of Table 2 ... shall be 60 inches where ...")
    # decides before the table when it matches the finding at least as well
    plain = [c for c in cands if not _is_grid_row(library.units[c.unit]) and not c.stmt.is_exception]
    modifier = max(plain, key=lambda c: c.score) if plain else None
    if modifier is not None and not _modifies_table(modifier, library):
        modifier = None
    for c in sorted(
        cands, key=lambda c: -c.score
    ):  # the best row first: a weaker one must not yield to the rule
        if _is_grid_row(library.units[c.unit]):
            if modifier is not None and modifier.score >= 0.8 * c.score:
                break
            got = _grid_decision(
                c, every, facts, library, hits, lambda base, _c: round(base * confidence.TABLE_NAMED, 3)
            )
            if got is not None and c.score >= 0.8 * max(x.score for x in cands):
                return got
    # a case-by-column row decides only through its table (above): read alone, its cells mislead
    cands = [c for c in cands if not _is_grid_row(library.units[c.unit])]
    main = [
        c for c in cands if not c.conflicts and not c.stmt.is_exception and c.stmt.modality != "recommended"
    ]
    recs = [
        c
        for c in cands
        if not c.conflicts
        and not c.stmt.is_exception
        and c.stmt.modality == "recommended"
        and not _release_out_of_scope(c.stmt, facts)
    ]
    confl = [c for c in cands if c.conflicts and not c.stmt.is_exception]

    def best(xs: list[Cand]) -> Cand | None:
        return max(xs, key=lambda c: c.score) if xs else None

    bm, br, bc = best(main), best(recs), best(confl)
    margin = 1.0
    if len(hits) > 1 and hits[0][1] > 0:
        margin = (hits[0][1] - hits[1][1]) / hits[0][1]

    def conf(base: float, cand: Cand) -> float:
        k = confidence
        c = (
            base * (k.MATCH_FLOOR + k.MATCH_SPAN * min(1.0, cand.overlap / k.FULL_MATCH))
            + k.APPLICABILITY_BONUS * min(cand.matches, 2)
            + k.MARGIN_BONUS * margin
        )
        return round(max(k.FLOOR, min(k.CEILING, c)), 3)

    # a rule that releases a case ("poles that support only Class T conductors need not be marked") decides
    # over the rule it releases when it names the finding at least as well
    released = (
        br is not None and bm is not None and bool(NOT_REQUIRED.search(br.stmt.text)) and br.score >= bm.score
    )
    if (
        bm
        and not released
        and (not br or bm.score >= 0.75 * br.score)
        and (not bc or bm.score >= 0.6 * bc.score)
    ):
        return _grid_decision(bm, every, facts, library, hits, conf) or _evaluate(
            bm, facts, library, hits, conf
        )
    if br and (not bc or br.score >= 0.6 * bc.score):
        u = library.units[br.unit]
        what = (
            "states this is not required"
            if NOT_REQUIRED.search(br.stmt.text)
            else "only recommends this here"
        )
        reason = f"{_label(u)} {what} (“{_short(br.stmt.text)}”); it is not a requirement."
        cites = [(br.unit, br.stmt.text)] + ([(bc.unit, bc.stmt.text)] if bc else [])
        cf = conf(confidence.RELEASED, br)
        return Decision(
            REPEALABLE, cf, reason, _citations(library, cites, hits, cf), {"rule": "recommendation"}
        )
    if bc:
        u = library.units[bc.unit]
        if u.kind == "note" and (u.data or {}).get("table"):
            # a table note for other cases ("rural districts of light loading") does not judge this finding:
            # the table it modifies does
            got = _grid_decision(
                _table_probe(bc.unit), every, facts, library, hits, lambda b, _c: conf(b, bc)
            )
            if got is not None:
                return got
        reason = (
            f"{_label(u)} applies to {_app_words(bc.stmt.applicability) or 'other cases'}; "
            f"the finding is {_app_words(facts.applicability) or 'outside that case'}, so the cited rule does not govern it."
        )
        cf = conf(confidence.NOT_GOVERNING, bc)
        return Decision(
            REPEALABLE,
            cf,
            reason,
            _citations(library, [(bc.unit, bc.stmt.text)], hits, cf),
            {"rule": "not_governing"},
        )
    return Decision(
        NEEDS_REVIEW, confidence.NO_GOVERNING_CLAUSE, "No governing clause found in the spec library.", [], {}
    )


def _release_out_of_scope(st: Statement, facts: Facts) -> bool:
    """Whether a release ("Where the voltage does not exceed 250 V ac, protector gloves need not be used", 29 CFR
    1910.137(c)(2)(vii)(B)) is written for values the finding is outside of: a voltage the finding states that
    meets none of the release's voltage bounds."""
    volts = [q for q in facts.measured + facts.claimed if q.kind == "voltage"]
    bounds = [c for c in st.constraints if c.kind == "voltage" and c.formula is None]
    if not volts or not bounds:
        return False
    try:
        return not any(all(c.check(q.magnitude) for c in bounds) for q in volts)
    except TypeError:
        return False


def _short(text: str, n: int = 140) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"


_TOTAL = re.compile(
    r"\b(?:total(?:s|ed|ing|led|ling)?|sum|combined|cumulative|aggregate|in\s+all|altogether|all\s+(?:of\s+the\s+)?\w+\s+in\s+(?:a|the|one|each))\b",
    re.I,
)
_UNIT_WORD = {
    "angle": "degrees",
    "length": "ft",
    "time": "days",
    "resistance": "ohms",
    "voltage": "V",
    "power": "kVA",
}


def _with_totals(facts: Facts, st: Statement) -> Facts:
    """Facts whose counted values ("five 90-degree bends", "3 x 90° bends") are multiplied out and summed per
    kind, for a statement that limits a total ("the sum of all bends ... shall not exceed 360 degrees").

    A value the finding itself calls a total ("totaling 450 degrees") is left as stated.
    """
    if not _TOTAL.search(st.text):
        return facts
    kinds = {c.kind for c in st.constraints}
    measured = list(facts.measured)
    for kind in kinds:
        same = [q for q in measured if q.kind == kind]
        counted = [q for q in same if q.count is not None]
        if not counted:
            continue
        stated = [
            q
            for q in same
            if q.count is None
            and (
                _TOTAL.search(facts.text[max(0, q.start - 20) : q.start])
                or _TOTAL.match(facts.text, q.end + 1)
            )
        ]
        if stated:  # "four 90-degree bends (360 degrees total)": the finding's own total
            measured = [q for q in measured if q not in counted]
            continue
        total = sum(q.magnitude * q.count for q in counted if q.count is not None)  # all of them
        parts = " + ".join(f"{q.count_text} × {q.describe()}" for q in counted)
        text = f"{parts} = {total:g} {_UNIT_WORD.get(kind, '')}".strip()
        first = counted[0]
        merged = Quantity(total, kind, first.start, counted[-1].end, text)
        measured = [q for q in measured if q not in counted]
        measured.insert(0, merged)
    if measured == facts.measured:
        return facts
    return replace(facts, measured=measured)


_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|non|without|instead\s+of|rather\s+than|in\s+place\s+of|missing|lacks?|lacking|never)\W+(?:\w+\W+){0,3}$",
    re.I,
)


def _affirmed(phrase: str, facts: Facts) -> bool:
    """Whether the finding says ``phrase`` (a thing, e.g. "native backfill") was used or installed: all its
    words are in the field facts and its last word is not negated within its own clause."""
    toks = set(tokenize(phrase))
    if not toks or not toks <= set(tokenize(facts.facts_text)):
        return False
    words = re.findall(r"[a-z0-9]+", phrase.lower())
    last = words[-1]
    stem = last[:-1] if last.endswith("s") and len(last) > 3 else last
    for m in re.finditer(rf"\b{re.escape(stem)}\w*", facts.facts_text, re.I):
        before = re.split(r"[.;,:()]", facts.facts_text[max(0, m.start() - 60) : m.start()])[-1]
        if not _NEGATED_BEFORE.search(before):
            return True
    return False


def _section_units(gov: Cand, library: Library) -> list[int]:
    """The governing unit and the units of its own section (its sentences, sub-clauses, notes, exceptions)."""
    sec = library.units[gov.unit].section
    out = [gov.unit]
    for gi in library.group(gov.unit):
        s = library.units[gi].section
        if gi != gov.unit and sec and (s == sec or s.startswith(sec + ".")):
            out.append(gi)
    return out


# "The following are also acceptable alternatives to the required PVC Schedule 40 conduit: A. ...; B. ..."
_LISTED_ALTERNATIVES = re.compile(
    r"\b(?:following|these)\s+(?:are|is)\s+(?:also\s+)?(?:acceptable|permitted|approved|allowed)"
    r"\s+(?:alternatives?|substitutes?|options?)\b[^:]*:",
    re.I,
)
_LIST_MARK = re.compile(r"(?:^|[\s;])\(?(?:[A-Z]|[a-z]|\d{1,2})[.)]\s+")
_ITEM_END = re.compile(r"\b(?:that|which|conforming|meeting|complying|in\s+accordance)\b|[;,(]", re.I)


@dataclass
class _Installed:
    """What a finding reports installed, read for listed alternatives: the finding as written (a marking it
    names, "UL 651", is a fact) without the auditor's own demands ("inspector requires ...", "should have been
    ..."), its tokens, and the tokens of what it says is absent."""

    written: str
    tokens: set[str]
    denied: set[str]

    @classmethod
    def of(cls, facts: Facts) -> _Installed:
        written = _SHOULD_HAVE.sub(" ", _AUDITOR_CLAIM.sub(" ", facts.written or facts.text))
        return cls(written, set(tokenize(written)), _negated_tokens(written))


def _listed_alternative(
    statements: list[Statement], facts: Facts, seen: _Installed
) -> tuple[Statement, str] | None:
    """The item of a listed set of alternatives ("The following are also acceptable alternatives ...: A. ...;
    B. hot-dip galvanized rigid steel conduit conforming to ANSI C80.1", PG&E 062288 item 4) that the finding
    says was installed (``seen``): most of the item's words (at least three) in it, none of them denied there
    ("no UL 651 marking") and the item not negated ("is not hot-dip galvanized ...")."""
    written, fact_tokens, denied = seen.written, seen.tokens, seen.denied
    for k, st in enumerate(statements):
        lead = _LISTED_ALTERNATIVES.search(st.text)
        if not lead or compat(st.applicability, facts.applicability)[0]:
            continue
        text = (
            st.text[lead.end() :]
            + " "
            + " ".join(x.text for x in statements[k + 1 : k + 6] if _LIST_MARK.match(x.text))
        )
        for item in _LIST_MARK.split(text):
            core = _ITEM_END.split(item, maxsplit=1)[0].strip()
            for option in [core, *re.split(r"\s+(?:or|and)\s+", core)]:
                toks = set(tokenize(option)) - GENERIC
                if len(toks) < 3 or toks & denied:
                    continue
                if len(toks & fact_tokens) >= 3 and len(toks & fact_tokens) >= 0.75 * len(toks):
                    first = re.escape(re.findall(r"[a-z0-9]+", option.lower())[0])
                    at = re.search(rf"\b{first}", written, re.I)
                    if at and _NEGATED_BEFORE.search(written[max(0, at.start() - 40) : at.start()]):
                        continue  # "is not hot-dip galvanized rigid steel conduit"
                    return st, core
    return None


# "should have been X", "instead of X": what the auditor wanted, not what was installed
_SHOULD_HAVE = re.compile(r"(?i)\b(?:should\s+(?:have\s+been|be)|must\s+be|instead\s+of)\b[^.;]*")


def _permitted_alternative_clause(
    gov: Cand, facts: Facts, library: Library, violated: bool = False
) -> tuple[int, Statement, str] | None:
    """A permissive statement of the governing clause's section whose alternative the finding says was
    installed ("native backfill is acceptable" / "native backfill used"), with its own conditions and limits
    met by the facts, or an item of a listed set of alternatives the finding reports (not when a limit of the
    governing clause is already violated: the alternative does not cure it); None otherwise."""
    seen = _Installed.of(facts) if not violated else None
    for ui in _section_units(gov, library):
        listed = _listed_alternative(library.statements(ui), facts, seen) if seen else None
        if listed:
            return ui, listed[0], listed[1]
        for st in library.statements(ui):
            alt = alternative_subject(st.text)
            if not alt or compat(st.applicability, facts.applicability)[0]:
                continue
            if any(compat(c.applicability, facts.applicability)[0] for c in st.constraints):
                continue
            # "porcelain or polymer insulators" -> "porcelain insulators", "polymer insulators"
            parts = [p.strip() for p in re.split(r"\s+or\s+|/", alt) if p.strip()]
            head = parts[-1].split()[-1] if parts else ""
            options = [p if len(p.split()) > 1 or p == parts[-1] else f"{p} {head}" for p in parts]
            alt = next(
                (
                    o
                    for o in options
                    if set(tokenize(o, keep_numbers=False)) - GENERIC and _affirmed(o, facts)
                ),
                "",
            )
            if not alt:
                continue
            checks = [c for c in st.constraints if c.explicit]
            if any(not c.check(_measured_value(c, q, facts)) for c, q in _pair(checks, facts, None)):
                continue
            return ui, st, alt
    return None


def _permitted_limit_clause(
    gov: Cand, facts: Facts, library: Library
) -> tuple[int, Statement, list[str]] | None:
    """A permissive sentence of the governing clause or sub-item that allows a lower limit at the place the
    finding measured ("may grade ... down to not less than 16 feet at the curb line"), met by the value
    measured there; None otherwise. Only limits whose qualifying words the measured value shares count."""
    unit = library.units[gov.unit]
    item = str((unit.data or {}).get("item") or "")
    fact_tokens = set(tokenize(facts.facts_text, keep_numbers=False))
    for ui in _section_units(gov, library):
        u = library.units[ui]
        sub = str((u.data or {}).get("item") or "")
        if u.section != unit.section or not sub.startswith(item):
            continue
        for pst in library.statements(ui):
            if pst is gov.stmt or pst.modality != "permissive" or pst.is_exception:
                continue
            if sub != item and len((pst.tokens - gov.stmt.tokens - GENERIC) & fact_tokens) < 2:
                continue  # a sub-item ("2) ... entrance to private residential premises") must name the case
            if compat(pst.applicability, facts.applicability)[0]:
                continue  # "In Rural service territory, ... may": not for an urban finding
            cons = [c for c in pst.constraints if not c.condition]
            if any(compat(c.applicability, facts.applicability)[0] for c in cons):
                continue
            pairs = _pair(cons, facts, None)
            placed = [
                (c, q) for c, q in pairs if sub != item or set(qualifier_of(facts.text, q)) & set(c.context)
            ]
            if placed and all(c.check(_measured_value(c, q, facts)) for c, q in placed):
                return ui, pst, [f"{q.describe()} vs {c.describe()}" for c, q in placed]
    return None


@dataclass
class Evaluation:
    """What one governing statement says about one finding, read once and shared by every ground."""

    gov: Cand
    facts: Facts
    library: Library
    hits: list[tuple[int, float]]
    conf: Callable[[float, Cand], float]
    usable: list[Constraint]  # the statement's limits that apply to this case (no conditions)
    unresolved: bool  # a limit depends on a value (a formula's input) the finding lacks
    cond_pairs: list[tuple[Constraint, Quantity]]  # the rule's conditions paired with the finding's values
    pairs: list[tuple[Constraint, Quantity]]  # the rule's limits paired with the measured values
    details: dict[str, Any]
    outcome: str | None = None  # "violated" | "complies" | None (nothing compared)
    measured_txt: str = ""
    required_txt: str = ""
    material_note: str = ""
    # the finding's circuit voltage and the voltage ranges the table's value columns cover, when none does
    outside_columns: tuple[Quantity, list[str]] | None = None
    within_tolerance: bool = False  # a value compared met its limit only through the rule's tolerance

    @property
    def unit(self) -> Unit:
        return self.library.units[self.gov.unit]

    @property
    def st(self) -> Statement:
        return self.gov.stmt

    @property
    def label(self) -> str:
        return _label(self.unit)

    @property
    def where(self) -> str:
        """`` (Table 54.6-A ...)`` when the statement is a table row, else ``""``."""
        return f" ({self.st.table})" if self.st.table else ""

    def decision(
        self, verdict: str, base: float, reason: str, cites: list[tuple[int, str]] | None = None, **extra: Any
    ) -> Decision:
        """A decision at ``base`` confidence (scaled by the match), citing ``cites`` (default: the rule)."""
        c = self.conf(base, self.gov)
        cites = cites if cites is not None else [(self.gov.unit, self.st.text)]
        return Decision(
            verdict, c, reason, _citations(self.library, cites, self.hits, c), {**self.details, **extra}
        )


def _evaluation(
    gov: Cand,
    facts: Facts,
    library: Library,
    hits: list[tuple[int, float]],
    conf: Callable[[float, Cand], float],
) -> Evaluation:
    """Read the governing statement against the finding: the limits that apply, paired with its values."""
    st = gov.stmt
    facts = _with_totals(facts, st)
    usable = [c for c in st.constraints if not compat(c.applicability, facts.applicability)[0]]
    if gov.key_quantity is not None:
        usable = [c for c in usable if c.key is None or c.key.contains(gov.key_quantity.magnitude)]
    outside = _outside_voltage_columns(usable, facts)
    if outside:
        usable = [c for c in usable if not c.column_key]
    usable = _select_parts(usable, facts)
    usable = _reductions(st.text, usable, facts)
    usable, column_ref = _select_column(usable, facts)
    n_formulas = sum(1 for c in usable if c.formula)
    usable, formula_ref = _resolve_formulas(usable, facts)
    unit = library.units[gov.unit]
    details: dict[str, Any] = {
        "governing": {"document": unit.document, "section": unit.section, "statement": st.text}
    }
    conditions = [c for c in usable if c.condition]
    usable = [c for c in usable if not c.condition]
    # a condition on what another table requires is met by the value the finding says is required
    cond_pairs = _pair([c for c in conditions if not c.tabulated], facts, gov.key_quantity) + _pair(
        [c for c in conditions if c.tabulated], replace(facts, measured=facts.claimed), None
    )
    # a value that met a condition ("45 ft pole" for "poles taller than 40 ft") is not also the measured value
    limits = _with_tolerance(usable, gov, library)
    pairs = _pair(limits, facts, [gov.key_quantity or formula_ref, column_ref] + [q for _, q in cond_pairs])
    # a value the rule names its case by ("flat braces are used with 8 ft crossarms") met by the size the finding
    # gives its thing ("8 ft crossarm carrying ...") says the case matches; it is no measurement that complies
    pairs = [
        (c, q)
        for c, q in pairs
        if not (
            c.comparator == "=="
            and not c.explicit
            and not st.table
            and c.check(q.magnitude)
            and _measurement_cue(facts.text, q) < 0
        )
    ]
    ev = Evaluation(
        gov,
        facts,
        library,
        hits,
        conf,
        usable,
        n_formulas > 0 and formula_ref is None,
        cond_pairs,
        pairs,
        details,
        outside_columns=outside,
    )
    comparisons = []
    for c, q in pairs:
        value = _measured_value(c, q, facts)
        ok = c.check(value)
        comparisons.append({"measured": q.describe(), "required": c.describe(), "meets": ok})
        if not ok and ev.outcome != "violated":
            ev.outcome, ev.measured_txt, ev.required_txt = "violated", q.describe(), c.describe()
        elif ok and ev.outcome is None:
            ev.outcome, ev.measured_txt, ev.required_txt = "complies", q.describe(), c.describe()
        if ok and c.nominal is not None and abs(value - c.nominal) > 1e-9:
            ev.within_tolerance = True  # it meets the limit only by the tolerance the rule allows
    if ev.outcome != "violated":
        _compare_materials(ev)
    if comparisons:
        details["comparisons"] = comparisons
    return ev


def _outside_voltage_columns(usable: list[Constraint], facts: Facts) -> tuple[Quantity, list[str]] | None:
    """(the finding's circuit voltage, the ranges covered) when a table row's value columns are named by
    voltage ranges ("Systems of more than 600 V: 36 in") and the circuit the finding names lies in none of
    them (a 480 V feeder): the row gives no value for that circuit. None otherwise."""
    keyed = [c for c in usable if c.column_key and c.key is not None]
    volts = _circuit_voltages(facts)
    if not keyed or not volts:
        return None
    if any(c.key is not None and c.key.contains(q.magnitude) for c in keyed for q in volts):
        return None
    return volts[0], [c.key.text for c in keyed if c.key is not None]


def _outside_columns(ev: Evaluation) -> Decision | None:
    """The table gives its value only for circuits of other voltages: it does not govern this one."""
    if ev.outside_columns is None:
        return None
    q, ranges = ev.outside_columns
    reason = (
        f"{ev.label}{ev.where} gives a value only for {' and '.join(ranges)}; the finding's circuit is "
        f"{q.describe()}, so the rule does not govern this case."
    )
    return ev.decision(REPEALABLE, confidence.CONDITION_NOT_MET, reason, rule="outside_voltage_columns")


def _compare_materials(ev: Evaluation) -> None:
    """The outcome by the statement's required materials or states ("shall be galvanized steel")."""
    for m in ev.st.materials:
        forb = [f for f in m.forbidden if phrase_state(f, ev.facts.facts_text)]
        opts = {o: phrase_state(o, ev.facts.facts_text) for o in m.options}
        if forb:
            ev.outcome = "violated"
            ev.material_note = f"{forb[0]} is not allowed; it requires {' or '.join(m.options)}"
            return
        yes = [o for o, s in opts.items() if s]
        if yes and ev.outcome is None:
            ev.outcome = "complies"
            ev.material_note = (
                f"{yes[0]} is {'one of the materials' if len(m.options) > 1 else 'what'} it requires"
            )
            if len(m.options) > 1:
                ev.material_note += f" ({' or '.join(m.options)})"
        elif any(s is False for s in opts.values()) and ev.outcome is None:
            ev.outcome, ev.material_note = "violated", f"it requires {' or '.join(m.options)}"


# ---------------------------------------------------------------- grounds, in order of precedence
# Each ground reads the Evaluation and returns a Decision when it decides the finding, or None to pass it on.
# The first that decides wins; the last always decides. docs/architecture.md says how to add one.


def _condition_not_met(ev: Evaluation) -> Decision | None:
    """The rule applies only under a condition the finding's value does not meet: it does not govern.
    A permission under such a condition ("for lines of 600 volts or less, the employer may ...") is out of
    reach instead, and the clause's mandatory statement decides (29 CFR 1910.269(n)(6))."""
    for c, q in ev.cond_pairs:
        if c.check(_measured_value(c, q, ev.facts)):
            continue
        if c.scope and not set(c.context) - GENERIC & set(
            tokenize(ev.facts.text[max(0, q.start - 40) : q.end + 30], keep_numbers=False)
        ):
            continue  # "from the ground to 12 ft" is no vertical distance over which the climbing space turns
        if ev.st.modality == "permissive":
            return _mandatory_instead(ev, f"{q.describe()} is not {c.describe()}")
        # "bollards shall be installed where the pad is within 1.0 m of a travel lane": 1.5 m away
        reason = (
            f"{ev.label} applies only when the value is {c.describe()}; the finding states {q.describe()}, "
            "so the rule does not govern this case."
        )
        base = {k: v for k, v in ev.details.items() if k != "comparisons"}
        for ui in ev.library.named_grid_rows(ev.st.text):
            # the rule modifies a table: where it does not apply, the table itself governs
            table = _grid_decision(_table_probe(ui), [], ev.facts, ev.library, ev.hits, ev.conf)
            if table is not None:
                return Decision(
                    table.verdict,
                    table.confidence,
                    f"{reason} {table.reason}",
                    table.citations
                    + _citations(ev.library, [(ev.gov.unit, ev.st.text)], [], table.confidence)[:1],
                    {**table.details, "not_governing": ev.unit.section},
                )
        score = ev.conf(confidence.CONDITION_NOT_MET, ev.gov)
        cites = _citations(ev.library, [(ev.gov.unit, ev.st.text)], ev.hits, score)
        return Decision(REPEALABLE, score, reason, cites, {**base, "rule": "condition_not_met"})
    return None


def _mandatory_instead(ev: Evaluation, why: str) -> Decision | None:
    """The decision by the governing clause's first mandatory statement (else its first rule stated in the
    indicative), when the permission ``ev`` read is out of the finding's reach (``why``); None when the
    clause has neither."""
    sts = [st for st in ev.library.statements(ev.gov.unit) if st is not ev.st and not st.is_exception]
    # a regulation may state its rule in the indicative ("the ground-end connection is attached first")
    rules = [st for st in sts if st.modality == "mandatory"] or [
        st for st in sts if st.modality == "statement" and len(st.text.split()) >= 8
    ]
    if not rules:
        return None
    got = _evaluate(replace(ev.gov, stmt=rules[0]), ev.facts, ev.library, ev.hits, ev.conf)
    note = f" The permission in the same clause does not reach this case ({why})."
    return Decision(got.verdict, got.confidence, got.reason + note, got.citations, got.details)


def _permitted_limit(ev: Evaluation) -> Decision | None:
    """Another clause of the rule permits the smaller value measured ("may be reduced to 16 inches where")."""
    if ev.outcome != "violated":
        return None
    lower = _permitted_limit_clause(ev.gov, ev.facts, ev.library)
    if not lower:
        return None
    ui, pst, checked = lower
    reason = (
        f"{_label(ev.library.units[ui])} permits less where the finding measured ({'; '.join(checked)}): "
        f"“{_short(pst.text)}”"
    )
    cites = [(ui, pst.text)] + ([(ev.gov.unit, ev.st.text)] if ui != ev.gov.unit else [])
    return ev.decision(REPEALABLE, confidence.PERMITTED_LIMIT, reason, cites, rule="permitted_limit")


def _permitted_alternative(ev: Evaluation) -> Decision | None:
    """The rule permits, as an alternative, what the finding reports installed ("or a guy guard")."""
    if ev.outcome == "complies":
        return None
    alt = _permitted_alternative_clause(ev.gov, ev.facts, ev.library, ev.outcome == "violated")
    if not alt:
        return None
    ai, ast, name = alt
    reason = (
        f"{_label(ev.library.units[ai])} permits {name} as an alternative (“{_short(ast.text)}”); "
        f"the finding reports {name} installed or used."
    )
    cites = [(ai, ast.text)] + ([(ev.gov.unit, ev.st.text)] if ai != ev.gov.unit or ast is not ev.st else [])
    return ev.decision(
        REPEALABLE, confidence.PERMITTED_ALTERNATIVE, reason, cites, rule="permitted_alternative"
    )


def _recommendation_only(ev: Evaluation) -> Decision | None:
    """The section only recommends what the go-back demands, and nothing in the rule requires it."""
    if ev.outcome == "violated" or ev.st.modality not in ("permissive", "statement"):
        return None
    rec = next(
        (
            (ui, s)
            for ui in _section_units(ev.gov, ev.library)
            for s in ev.library.statements(ui)
            if s.modality == "recommended" and not s.is_exception
        ),
        None,
    )
    if not rec or any(s.modality == "mandatory" for s in ev.library.statements(ev.gov.unit)):
        return None
    reason = (
        f"{_label(ev.library.units[rec[0]])} only recommends this (“{_short(rec[1].text)}”); "
        "it is not a requirement."
    )
    return ev.decision(
        REPEALABLE, confidence.RECOMMENDATION_ONLY, reason, [(rec[0], rec[1].text)], rule="recommendation"
    )


def _exception_ground(ev: Evaluation) -> Decision | None:
    """An Exception of the rule's section covers the finding (its conditions stated and met)."""
    if ev.outcome == "complies":
        return None
    return _by_exception(
        ev.gov, ev.st.text, ev.facts, ev.pairs, ev.library, ev.hits, ev.conf, ev.details, ev.measured_txt
    )


def _limit_not_met(ev: Evaluation) -> Decision | None:
    """The measured value (or installed material) is outside what the clause requires: the go-back stands."""
    if ev.outcome != "violated":
        return None
    if ev.measured_txt:
        reason = f"Measured {ev.measured_txt}; {ev.label}{ev.where} requires {ev.required_txt}."
        return ev.decision(VALID, confidence.MEASURED_VIOLATES, reason)
    return ev.decision(VALID, confidence.MATERIAL_FORBIDDEN, f"{ev.label} is not met: {ev.material_note}.")


def _tolerance(ev: Evaluation) -> Decision | None:
    """The measured value differs from the clause's value but lies within the tolerance the rule allows for
    it ("56 in, within +/- 3 in of the Table 4-1 value"): repeal."""
    if ev.outcome != "complies" or not ev.within_tolerance:
        return None
    reason = (
        f"Measured {ev.measured_txt} is within the tolerance {ev.label}{ev.where} allows: {ev.required_txt}."
    )
    return ev.decision(REPEALABLE, confidence.TOLERANCE, reason, rule="tolerance")


def _condition_met(ev: Evaluation) -> Decision | None:
    """The measured value (or installed material) meets what the clause requires: repeal."""
    if ev.outcome != "complies":
        return None
    if ev.measured_txt:
        reason = f"Measured {ev.measured_txt} meets {ev.label}{ev.where}, which requires {ev.required_txt}."
        return ev.decision(REPEALABLE, confidence.MEASURED_MEETS, reason)
    return ev.decision(
        REPEALABLE, confidence.MATERIAL_REQUIRED, f"Installed {ev.material_note} per {ev.label}."
    )


_OPEN_ALTERNATIVE = re.compile(
    r"(?i)\bor\s+(?:by\s+|of\s+|with\s+)?(?:an?\s+|any\s+)?(?:other\s+|another\s+)?(?:equivalent|suitable|approved|similar)\b"
)
_ALTERNATIVE_REPORTED = re.compile(
    r"(?i)\b(?:rather\s+than|instead\s+of|in\s+place\s+of|equivalent|serves\s+as|as\s+(?:a|an|the)\s+[\w-]+\s+does)\b"
)


def _equivalent_accepted(ev: Evaluation) -> Decision | None:
    """The rule accepts an equivalent or another suitable kind ("a guy thimble or an equivalent fitting", "of
    porcelain, of glass, or of another suitable material", GO 95 Rules 56.5, 56.8-A) and the finding reports one
    in place of the kind the go-back demands."""
    if ev.outcome is not None or _ABSENT.search(ev.facts.facts_text):
        return None
    m = _OPEN_ALTERNATIVE.search(ev.st.text)
    if not m or not _ALTERNATIVE_REPORTED.search(ev.facts.text):
        return None
    reason = (
        f"{ev.label} accepts {m.group(0).removeprefix('or ').strip()} (“{_short(ev.st.text)}”); the finding reports "
        "one in place of what the go-back demands."
    )
    return ev.decision(REPEALABLE, confidence.EQUIVALENT_ACCEPTED, reason, rule="equivalent_accepted")


# the condition a permission is granted under: "authorized ... provided that the cable is attached at both ends by
# insulators", "may be used only where ..."
# "provided (that) ...", "only if ...": a permission's condition ("as provided in paragraph (c)" is a reference)
_PROVISO = re.compile(
    r"(?i)\b(?:provided\s+(?!(?:in|by|for|under|with|as)\b)(?:that\s+)?|only\s+(?:when|if|where)\b"
    r"|on\s+(?:the\s+)?condition\s+that)(?P<cond>[^.;]+)"
)


def _proviso_denied(rule: str, facts: Facts) -> str:
    """The proviso of a permission that the finding says is missing ("with no insulator" against "provided
    that the cable is attached at both ends by insulators"), or ``""``."""
    negated = _negated_tokens(facts.facts_text)
    affirmed = set(tokenize(_NEGATED_SPAN.sub(" ", facts.facts_text)))
    for m in _PROVISO.finditer(rule):
        needed = {t for t in tokenize(m.group("cond")) if not t[0].isdigit()} - GENERIC
        if needed & negated - affirmed:
            return " ".join(m.group(0).split())
    return ""


def _permissive_only(ev: Evaluation) -> Decision | None:
    """The clause permits ("may") but does not require what the go-back demands. A permission granted on a
    proviso the finding says is missing (GO 95 Rule 54.8-A, Resolution E-756: bare-neutral service drop cable
    provided it is attached by insulators at both ends) does not cover it: the go-back stands."""
    if ev.st.modality != "permissive":
        return None
    proviso = _proviso_denied(ev.st.text, ev.facts)
    if proviso:
        reason = (
            f"{ev.label} permits this only {proviso} (“{_short(ev.st.text)}”), and the audit reports that is "
            "missing."
        )
        return ev.decision(VALID, confidence.PROVISO_MISSING, reason)
    if _proviso_unstated(ev.st.text, ev.facts) or _release_out_of_scope(ev.st, ev.facts):
        return None  # "may be used ..., but only if the employer can demonstrate ...": the finding shows no proviso
    reason = f"{ev.label} permits but does not require this (“{_short(ev.st.text)}”)."
    return ev.decision(REPEALABLE, confidence.PERMISSIVE_ONLY, reason)


def _proviso_unstated(rule: str, facts: Facts) -> bool:
    """Whether a permission carries a proviso ("only if the employer can demonstrate that the possibility of damage
    is small", 29 CFR 1910.137(c)(2)(vii)(C)) of which the finding states less than half the words: the
    permission is not shown to reach the case."""
    said = set(tokenize(facts.facts_text))
    for m in _PROVISO.finditer(rule):
        if not re.match(r"(?i)only\b", m.group(0)):
            continue  # "provided that ..." binds when the finding denies it (``_proviso_denied``); "only if" always
        cond = re.sub(r"\([^()]{1,8}\)", " ", m.group("cond"))  # paragraph labels, "(c)(2)(vii)"
        needed = {t for t in tokenize(cond) if not t[0].isdigit()} - GENERIC
        if len(needed) >= 3 and len(needed & said) < 0.5 * len(needed):
            return True
    return False


def _unmeasured(ev: Evaluation) -> bool:
    values = [
        q for q in ev.facts.measured if not q.kind.startswith("count")
    ]  # "430 Harmon St" counts nothing
    return not values and bool(_UNMEASURED.search(ev.facts.facts_text))


def _prohibition_reported(ev: Evaluation) -> Decision | None:
    """The clause forbids what the audit reports ("shall not pass within the climbing space")."""
    if any(q.kind == "length" for q in ev.facts.measured) or _unmeasured(ev):
        return None
    banned = _prohibited_phrase(ev.st.text, ev.facts)
    if not banned:
        return None
    reason = f"{ev.label} does not allow this (“{banned}”), and the audit reports it."
    return ev.decision(VALID, confidence.PROHIBITION_REPORTED, reason)


# a requirement whose value is set elsewhere: "minimum separation ... shown in Figure 2-20", "clearances ... shall be
# those specified in General Order 26-D", "supply risers on poles shall be installed in accordance with General
# Order No. 95"
_DEFERRED = re.compile(
    r"\b(?:(?:shown|given|specified|set\s+(?:out|forth)|listed|tabulated|illustrated)\s+(?:in|on|by)"
    r"|in\s+accordance\s+with|as\s+(?:specified|required|provided)\s+(?:in|by)|(?:those|that)\s+specified\s+in)"
    r"\s+(?:the\s+)?(?P<ref>(?:Figures?|Fig\.|Exhibit|Drawing|Detail)\s+[A-Z]?[\d][\w.-]*"
    r"|(?:CPUC\s+)?General\s+Order\s+(?:No\.\s*)?\d+[\w-]*|G\.?O\.?\s*\d+[\w-]*"
    r"|Rule\s+\d+(?:\.\d+)*(?:-[A-Z]\w*)?|Table\s+[A-Z]{0,3}-?\d[\w.-]*)",
    re.IGNORECASE,
)


def _deferred(ev: Evaluation) -> Decision | None:
    """The governing clause sets no value of its own for this case and sends it to a figure, a General Order,
    a rule or a table the spec library does not hold: a reviewer decides from that document (GO 95 Rule 111.1
    and General Order 26-D; a manual's clearance given only in a figure). A figure or exhibit is never held
    (the library holds text); a drawing or detail is held when the library holds a unit of its designation
    ("Drawing H2.1"); a rule is held by its number; a table counts as held unless the library itself says it
    is not reproduced."""
    if ev.pairs or ev.usable or ev.outcome is not None:
        return None
    for m in _DEFERRED.finditer(ev.st.text):
        if re.search(r"(?i)\bexcept\s+(?:as\s+)?$", ev.st.text[: m.start()]):
            continue  # "except as specified in Rule 52.4-B3": an exception elsewhere, the sentence sets the rule
        ref = " ".join(m.group("ref").split()).rstrip(".,;")
        if re.match(r"(?i)fig|exhibit", ref):
            held = False  # the library holds text: a figure's values are not in it
        elif re.match(r"(?i)drawing|detail", ref):
            held = ev.library.holds_section(ref.split()[-1])
        elif re.match(r"(?i)rule|table", ref):
            held = not ev.library.unheld_references(ref)
        else:
            held = bool(ev.library.documents_named(ref))
        if not held:
            reason = (
                f"{ev.label} sets no value of its own for this and sends it to {ref} "
                f"(“{_short(ev.st.text)}”), which the spec library does not hold."
            )
            return ev.decision(NEEDS_REVIEW, confidence.SENT_ELSEWHERE, reason)
    return None


def _values_missing(ev: Evaluation) -> Decision | None:
    """A limit governs but the audit gives no value to compare: a reviewer decides."""
    # a sentence that sends the values to a table ("not less than the values in Table 4-1"); a table's own row
    # of words ("Point to be grounded: The mid point") is a requirement in itself
    by_table = (
        not ev.usable
        and ev.unit.kind != "table_row"
        and bool(re.search(r"\btable\s+[\w.-]*\d", ev.st.text, re.I))
    ) or ev.unresolved
    unmeasured = _unmeasured(ev)
    if not (ev.usable or by_table or unmeasured):
        return None
    if not unmeasured and _ABSENT.search(ev.facts.facts_text):
        return None  # the required item is absent altogether: nothing to measure
    need = (
        ", ".join(sorted({x.describe() for x in ev.usable or ev.st.constraints}))[:120]
        or "the tabulated values"
    )
    reason = f"{ev.label} requires {need}, but the audit does not give the values needed to compare."
    return ev.decision(NEEDS_REVIEW, confidence.VALUES_MISSING, reason)


def _only_one_member(ev: Evaluation) -> Decision | None:
    """The rule asks it of one member only and the finding says that one complies (GO 95 Rules 56.9, 86.9:
    where more than one guy is attached to one anchor rod, only the outermost guy needs a marker)."""
    only = _only_one_needs(ev.st.text, ev.facts)
    if not only:
        return None
    reason = (
        f"{ev.label}: {only}; the finding reports that one complies, and the rule asks nothing of the others."
    )
    return ev.decision(REPEALABLE, confidence.ONLY_ONE_NEEDS, reason)


# the auditor's own demand, apart from the condition the audit reports: "auditor requires a three-bolt clamp",
# "observer cites the 4-minute reach requirement" (a value or requirement, not a rule's number: "auditor cites
# Rule 86.9" names the rule the go-back rests on)
_DEMAND = re.compile(
    r"(?i)\bI\s+am\s+(?:asking\s+for|requiring)\b(?:[^.;]|\.(?=\d))*|"
    r"\b(?:auditor|inspector|reviewer|observer)\s+(?:also\s+|still\s+|further\s+)?(?:requires?|required|expects?|"
    r"expected|wants?|wanted|calls?\s+for|insists?|insisted|demands?|demanded|"
    # a statement of what the auditor holds the rule to be, not a report ("inspector states no marker installed")
    r"(?:states?|stated|writes|wrote)\s+(?:that\s+)?(?=[^.;]{0,60}\b(?:only|may|must|shall|should|cannot|required)\b)|"
    r"cites?\s+the\s+(?!(?:GO|G\.O\.|General|Rule|Section|Table|Paragraph|Part)\b))(?:[^.;]|\.(?=\d))*"
)


def _demand_beyond_report(ev: Evaluation) -> Decision | None:
    """The go-back rests on what the auditor demands, not on a condition the audit reports against the rule.

    A finding that states the field condition and then the auditor's own demand ("one briefing was held
    before the first job; observer requires a briefing before each transformer") puts the demand, not the
    rule, at issue: the governing clause decided nothing on a value, an exception or a material, so no
    reported fact is shown to fall short of the clause's own words. The contractor contests the go-back with
    the clause's text; the confidence is modest, since the words were not compared."""
    demand = _DEMAND.search(ev.facts.written or ev.facts.text)
    if demand is None or ev.pairs:
        return None
    reason = (
        f"The go-back rests on the auditor's demand (“{_short(demand.group(0).strip(), 90)}”), but {ev.label} "
        f"asks “{_short(ev.st.text)}”, and nothing the audit reports is shown to fall short of that."
    )
    return ev.decision(REPEALABLE, confidence.DEMAND_BEYOND_RULE, reason)


def _holds(c: Constraint, q: Quantity, facts: Facts) -> bool:
    """Whether the finding's value ``q`` meets the rule's condition ``c`` (a condition said to apply must)."""
    try:
        return c.check(_measured_value(c, q, facts))
    except TypeError:
        return False


def _reported_unmet(ev: Evaluation) -> Decision:
    """A requirement with nothing to compare that the audit reports not met: the go-back stands."""
    met = "; ".join(f"{q.describe()} is {c.describe()}" for c, q in ev.cond_pairs if _holds(c, q, ev.facts))
    applies = f" applies here ({met}) and" if met else ""
    if ev.st.modality == "permissive":
        # "Any other class of glove may be used without protector gloves ..., but only if ...": the permission's
        # own condition is what the audit does not show
        reason = (
            f"{ev.label}{applies} permits this only on its conditions (“{_short(ev.st.text)}”), and the audit "
            "does not show them met."
        )
    else:
        reason = f"{ev.label}{applies} requires this (“{_short(ev.st.text)}”) and the audit reports it was not met."
    return ev.decision(VALID, confidence.REPORTED_UNMET, reason)


GROUNDS: list[tuple[str, Callable[[Evaluation], Decision | None]]] = [
    ("condition not met (the rule does not govern)", _condition_not_met),
    ("outside the table's voltage columns (the rule does not govern)", _outside_columns),
    ("permitted limit", _permitted_limit),
    ("permitted alternative", _permitted_alternative),
    ("recommendation only", _recommendation_only),
    ("exception applies", _exception_ground),
    ("limit not met", _limit_not_met),
    ("tolerance", _tolerance),
    ("condition met", _condition_met),
    ("equivalent accepted", _equivalent_accepted),
    ("permissive only", _permissive_only),
    ("prohibition reported", _prohibition_reported),
    ("value set in a document the library does not hold", _deferred),
    ("values missing", _values_missing),
    ("only one member needs it", _only_one_member),
    ("the auditor's demand, not the rule's", _demand_beyond_report),
    ("requirement reported unmet", _reported_unmet),
]


def _evaluate(
    gov: Cand,
    facts: Facts,
    library: Library,
    hits: list[tuple[int, float]],
    conf: Callable[[float, Cand], float],
) -> Decision:
    """The decision by ``gov``, the governing statement: the first of ``GROUNDS`` that decides."""
    ev = _evaluation(gov, facts, library, hits, conf)
    for _name, ground in GROUNDS:
        got = ground(ev)
        if got is not None:
            return got
    raise AssertionError("the last ground always decides")  # pragma: no cover


_REDUCED = re.compile(
    r"(?i)\bmay\s+be\s+reduced\s+to\s+(?P<value>[^,;]+?)\s+(?:where|when|if)\s+(?P<cond>[^.;]+)"
)


def _reductions(rule: str, usable: list[Constraint], facts: Facts) -> list[Constraint]:
    """Apply a rule's own reduction ("not less than 3 feet; this may be reduced to 2 feet where the building
    surface is noncombustible", GO 128 Rule 34.3-D): the reduced value replaces the others of its kind when the
    finding names the condition's own words, and is dropped when it does not."""
    out = list(usable)
    found = set(tokenize(facts.facts_text, keep_numbers=False))
    for m in _REDUCED.finditer(rule or ""):
        reduced = [c for c in out if c.text and c.text in m.group("value")]
        if not reduced:
            continue
        words = set(tokenize(m.group("cond"), keep_numbers=False)) - GENERIC
        distinct = words - set(tokenize(rule[: m.start()], keep_numbers=False))
        # the condition's words, or what they name ("noncombustible": a concrete block wall, engine.vocab.FLAGS)
        flags = {k for k, v in applicability(m.group("cond")).items() if v is True}
        met = (bool(distinct) and distinct <= found) or (
            bool(flags) and all(facts.applicability.get(k) is True for k in flags)
        )
        kinds = {c.kind for c in reduced}
        if met:
            out = [c for c in out if c in reduced or c.kind not in kinds or c.comparator not in (">=", ">")]
        else:
            out = [c for c in out if c not in reduced]
    return out


_ONLY_NEEDS = re.compile(
    r"(?i)\bonly\s+(?:the\s+)?(?P<who>[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:needs?|requires?|must\s+(?:have|carry)|shall\s+(?:have|carry))\b[^.;]*"
)


def _only_one_needs(rule: str, facts: Facts) -> str:
    """The words of a rule that ask something of one member only ("only the outermost guy needs a marker") when
    the finding names that member (by the first five letters of each of its words: "outer" for "outermost"), or
    "". The finding then reports the others lack what the rule does not ask of them."""
    m = _ONLY_NEEDS.search(rule or "")
    if not m:
        return ""
    who = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", m.group("who"))]
    if not who:
        return ""

    def names(part: str) -> bool:
        found = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", part)]
        return all(
            any(f.startswith(w[:5]) or (len(f) >= 5 and w.startswith(f[:5])) for f in found) for w in who
        )

    # the part of the finding about that member must not say it lacks the thing ("the outer guy has none")
    parts = [p for p in re.split(r"[;,]|\band\b", facts.facts_text) if names(p)]
    if parts and not any(_ABSENT.search(p) for p in parts):
        return _short(m.group(0), 90)
    return ""


_PROHIBITION = re.compile(r"(?i)\b(?:shall|must|may)\s+not\s+(?:be\s+)?(\w+)\s+([^;:.]+)")


# where-words that relate the prohibited thing to a place ("within the climbing space"): a finding says
# "through" or "in" for the same place
_RELATION_WORDS = frozenset(
    tokenize("within through into inside across between over under near beside along")
)


def _prohibited_phrase(rule: str, facts: Facts) -> str:
    """The prohibition of a rule the finding reports broken, as written ("shall not pass within the climbing
    space" for "routed through the climbing space"), or "": every content word of what is prohibited (after
    its verb, before "except") is in the finding, and there are at least two."""
    found = set(tokenize(facts.facts_text, keep_numbers=False))
    for m in _PROHIBITION.finditer(rule or ""):
        what = re.split(r"(?i)\b(?:except|unless|but|other\s+than)\b|,", m.group(2))[0]
        words = set(tokenize(what, keep_numbers=False)) - GENERIC - _RELATION_WORDS
        if len(words) >= 2 and words <= found:
            return _short(m.group(0), 90)
    return ""


_CLEARANCE_WORD = re.compile(
    r"(?i)\b(?:clearance|separation|spacing|above\s+(?:the\s+)?(?:ground|grade|street|road|crown|rail))\b"
)


def _clearance_values(facts: Facts) -> list[Quantity]:
    """The lengths a finding gives as the clearance measured, best first: values after a measuring verb or
    next to "clearance"/"separation" before other lengths (a distance "3 ft from the pole" is where, not
    what); values that size a thing ("a 40 ft pole") are left out."""
    scored = []
    for q in facts.measured:
        if q.kind != "length":
            continue
        cue = _measurement_cue(facts.text, q)
        if cue < 0:
            continue
        near = facts.text[max(0, q.start - 30) : q.end + 30]
        word = 1.0 if _CLEARANCE_WORD.search(near) else 0.0
        if re.match(r"\s*(?:from|away\s+from)\b", facts.text[q.end :]):
            word -= 1.0
        scored.append((cue + word, q))
    if not scored:
        return []
    top = max(sc for sc, _ in scored)
    return [q for sc, q in scored if sc == top]


def _table_probe(unit: int) -> Cand:
    """A candidate that only points the table reader (``_grid_decision``) at ``unit``: no statement, no
    score; the table's own rows and notes decide."""
    return Cand(
        unit, Statement("", [], [], {}, "statement", False, False, set(), set()), 0.0, 0.0, 0.0, 0, 0, True
    )


def _is_grid_row(unit: Unit) -> bool:
    return unit.kind == "table_row" and isinstance(unit.data, dict) and "grid" in unit.data


def _modifies_table(c: Cand, library: Library) -> bool:
    """Whether the rule of a candidate names a held case-by-column table: its own sentence ("the 48-inch
    clearance of Table 2 ...") or the lead of its rule ("not less than those of Rule 37, Table 1, Column B,
    with the following modifications:" above the sub-item that matched)."""
    if library.named_grid_rows(c.stmt.text):
        return True
    sec = library.units[c.unit].section
    lead = [library.units[gi].text for gi in library.group(c.unit) if library.units[gi].section == sec]
    return bool(sec) and bool(library.named_grid_rows(" ".join(lead[:3])))


def _keyed_with_value(c: Cand, facts: Facts) -> bool:
    """A table row whose key the finding's value falls in ("230 kV" in "over 200 to 350") and whose limited
    kind the finding also measured ("16 ft"), besides the key itself."""
    if c.key_quantity is None:
        return False
    kinds = {k.kind for k in c.stmt.constraints}
    return any(q.kind in kinds and q is not c.key_quantity for q in facts.measured)


def _grid_rows(library: Library, unit: int) -> list[tuple[int, dict[str, Any]]]:
    """The rows of the case-by-column table of ``unit``'s rule (the unit's own table when it is a row)."""
    u = library.units[unit]
    rows = []
    for gi in library.group(unit, limit=200):
        g = library.units[gi]
        if g.kind == "table_row" and g.section == u.section and isinstance(g.data, dict) and "grid" in g.data:
            rows.append((gi, g.data))
    if not rows:
        return []
    table = u.data.get("table") if u.kind == "table_row" and "grid" in (u.data or {}) else rows[0][1]["table"]
    return [(gi, d) for gi, d in rows if d.get("table") == table]


def _grid_decision(
    gov: Cand,
    every: list[Cand],
    facts: Facts,
    library: Library,
    hits: list[tuple[int, float]],
    conf: Callable[[float, Cand], float],
) -> Decision | None:
    """The decision by a case-by-column table of the governing rule (``engine.tables``), or None when the
    rule has no such table or the finding does not tell its column and case."""
    rows = _grid_rows(library, gov.unit)
    if not rows:
        return None
    unit = library.units[gov.unit]
    table = rows[0][1]["table"]
    notes, rule_texts = {}, []
    for gi in library.group(gov.unit, limit=200):
        g = library.units[gi]
        if g.section != unit.section:
            continue
        if g.kind == "note" and (g.data or {}).get("table") == table:
            notes[str(g.data.get("note"))] = g.text
        elif g.kind != "table_row":
            rule_texts.append(g.text)
    fact_tokens = set(tokenize(facts.facts_text, keep_numbers=False))
    # and each word alone: "private drive aisle" is a driveway and still says "private"
    fact_tokens |= {t for w in re.findall(r"[a-z]+", facts.facts_text.lower()) for t in tokenize(w)}

    def note_applies(seg: str, cell_words: str) -> bool:
        cell = set(tokenize(cell_words, keep_numbers=False))
        proviso = _PROVISO.search(seg)
        if proviso:
            # "May be reduced to 6 inches provided the illuminated sign is grounded": the proviso's own words
            # ("grounded"), all of them, are what the finding must state ("the sign frame is bonded to ground")
            need = set(tokenize(proviso.group("cond"), keep_numbers=False)) - cell - GENERIC
            return bool(need) and need <= fact_tokens
        own = set(tokenize(seg, keep_numbers=False)) - cell
        return len((own - GENERIC - {"rule", "see", "permit"}) & fact_tokens) >= 2

    lengths = _clearance_values(facts)
    volts = [q.magnitude for q in facts.measured + facts.claimed if q.kind == "voltage"]
    temps = [q for q in find_quantities(facts.text) if q.kind == "temperature"]
    out = read_cell(
        rows, notes, rule_texts, facts.facts_text, facts.text, lengths, volts, temps, note_applies
    )
    if out is None:
        return None
    cell = out.cell
    where = f"{_label(unit)} {out.label}, {cell.case_label[:90]}"
    row_text = library.units[cell.row_unit].text
    steered = _steer(out.steer, every, facts, library) if out.steer else None
    if steered is not None and out.steer is not None:
        d = _evaluate(steered, facts, library, hits, conf)
        reason = f"Note {out.note} of {where} sends this wire to Rule {''.join(out.steer)}: {d.reason}"
        cites = d.citations + [c for c in _citations(library, [(cell.row_unit, row_text)], [], d.confidence)]
        return Decision(d.verdict, d.confidence, reason, cites[:4], {**d.details, "table_note": out.note})
    details: dict[str, Any] = {
        "governing": {"document": unit.document, "section": unit.section, "statement": row_text},
        "cell": {"case": cell.case, "column": cell.letter, "value": cell.value.describe()},
    }
    by_exception = _by_exception(gov, row_text, facts, [], library, hits, conf, details)
    if by_exception is not None:
        return by_exception
    if out.measured is None and not any(q.kind == "length" for q in facts.measured + facts.claimed):
        # no distance at all ("routed through the climbing space"): the rule's prose judges it, not its table
        return None
    if out.measured is None or out.required is None:
        c = conf(confidence.VALUES_MISSING, gov)
        reason = f"{where}: {out.required_text}; the audit does not give the measured clearance."
        return Decision(
            NEEDS_REVIEW, c, reason, _citations(library, [(cell.row_unit, row_text)], hits, c), details
        )
    ok = out.measured.magnitude >= out.required - 1e-6
    m = out.measured.describe()
    details["comparisons"] = [{"measured": m, "required": out.required_text, "meets": ok}]
    c = conf(confidence.MEASURED_MEETS if ok else confidence.MEASURED_VIOLATES, gov)
    if ok:
        reason = f"Measured {m} meets {where}: {out.required_text}."
        return Decision(
            REPEALABLE, c, reason, _citations(library, [(cell.row_unit, row_text)], hits, c), details
        )
    unread = [n for n in cell.notes if n not in notes and not out.note]
    if unread:
        # the cell refers to a note the library lacks ("6 inches (d)", notes (d)-(h) not legible): the note may
        # permit less, so the shortfall is not shown
        c = conf(confidence.SENT_ELSEWHERE, gov)
        letters = ", ".join(f"({n})" for n in unread)
        reason = (
            f"Measured {m} is short of {where}: {out.required_text}, but that cell refers to note {letters}, "
            "which the spec library does not hold; a reviewer decides."
        )
        return Decision(
            NEEDS_REVIEW, c, reason, _citations(library, [(cell.row_unit, row_text)], hits, c), details
        )
    reason = f"Measured {m}; {where} requires {out.required_text}."
    return Decision(VALID, c, reason, _citations(library, [(cell.row_unit, row_text)], hits, c), details)


def _steer(ref: tuple[str, str], every: list[Cand], facts: Facts, library: Library) -> Cand | None:
    """The best statement of rule ``ref`` (section, sub-item) for the finding: a retrieved candidate when
    there is one, else the rule's statement sharing most words with the finding."""
    section, item = ref

    def held(u: Unit) -> bool:
        it = str((u.data or {}).get("item") or "")
        return u.section == section and (not item or not it or it.startswith(item))

    pool = [c for c in every if held(library.units[c.unit]) and (c.stmt.constraints or c.stmt.materials)]
    if pool:
        return max(pool, key=lambda c: (not c.conflicts, c.score))
    best = None
    for ui, u in enumerate(library.units):
        if not held(u):
            continue
        for st in library.statements(ui):
            if not st.constraints:
                continue
            score = len(st.tokens & facts.tokens) - 3 * compat(st.applicability, facts.applicability)[0]
            if best is None or score > best[0]:
                best = (score, Cand(ui, st, 0.0, 0.0, 0.0, 0, 0, True))
    return best[1] if best else None
