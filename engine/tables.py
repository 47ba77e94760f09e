"""Reading a case-by-column clearance table for one finding. Plain Python, no Django.

A General Order clearance table (GO 95 Table 1, read by ``engine.spec.grid``) is applied the way its rule
says: the column by the kind of wire and its voltage, the case (row) by what the wire passes over, then the
cell's lettered notes (which send some wires to another rule) and the rule's allowed reduction for
temperature and loading (GO 95 Rule 37: not more than 5 percent). The wire-class and place vocabularies are
data (``engine.vocab.WIRE_CLASSES``, ``PLACES``); docs/architecture.md says how to add a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engine.quantities import Quantity, find_quantities
from engine.vocab import PLACES, WIRE_CLASSES

_FREE_OF_VEHICLES = re.compile(
    r"(?i)\bnot\s+(?:normally\s+)?accessible\s+to\s+vehicles\b|\bpedestrians?\s+only\b"
)
_VUNIT = r"(?:kV|V|volts?|kilovolts?)"
_RANGE = re.compile(
    rf"(\d[\d,]*(?:\.\d+)?)\s*({_VUNIT})?\s*(?:-|\u2013|to)\s*(\d[\d,]*(?:\.\d+)?)\s*({_VUNIT})(?![a-z])"
)
_ABOVE = re.compile(
    rf"(?i)\b(?:more|greater)\s+than\s+(\d[\d,]*(?:\.\d+)?)\s*({_VUNIT})(?![a-z])"
    rf"|(?<![\d,.\-\u2013] )(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*({_VUNIT})\s+(?:and|or)\s+(?:above|over|more)\b"
)
_PERCENT = re.compile(r"(?i)\bmore\s+than\s+(\d{1,2}(?:\.\d)?)\s*(?:percent|%)")
_HOT_OR_LOADED = re.compile(
    r"(?i)\b(?:peak|heavy|full|maximum)\s+load|(?<!lightly )(?<!light )\bloaded\b|\bhot\b|\bsag(?:ged|ging)?\b"
)
_NAMED_CASE = re.compile(r"(?i)\bcase\s+(\d{1,2})\b")
_NAMED_COLUMN = re.compile(r"\b(?i:column)\s+([A-Z])\b")
_RULE = re.compile(
    r"\bRule\s+(\d{1,4}(?:\.\d{1,3})*(?:-[A-Z]{1,2}\d{0,2})?)((?:\(\d{1,2}\)|\([a-z]\))?[a-z]?)"
)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", (text or "").lower())) + " "


def _classes(text: str, vocab: dict[str, tuple[str, ...]]) -> set[str]:
    w = _words(text)
    return {name for name, terms in vocab.items() if any(f" {t} " in w for t in terms)}


def _scale(unit: str | None) -> float:
    return 1000.0 if (unit or "").lower().startswith(("kv", "kilo")) else 1.0


def wire_classes(text: str) -> set[str]:
    """The wire classes ``text`` names (keys of ``WIRE_CLASSES``)."""
    return _classes(text, WIRE_CLASSES)


def _volt_ranges(text: str) -> list[tuple[float, float]]:
    """Voltage ranges written in a heading or case ("750 - 22,500 V", "0 - 750 volts", "more than 20,000
    volts"), in volts."""
    out = []
    for m in _RANGE.finditer(text or ""):
        lo, hi = float(m.group(1).replace(",", "")), float(m.group(3).replace(",", ""))
        out.append((lo * _scale(m.group(2) or m.group(4)), hi * _scale(m.group(4))))
    for m in _ABOVE.finditer(text or ""):
        num, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        out.append((float(num.replace(",", "")) * _scale(unit), float("inf")))  # "20,000 volts and above"
    return out


@dataclass
class Cell:
    """The table cell a finding falls in, and what was read to choose it."""

    row_unit: int
    case: str
    case_label: str
    letter: str
    column: str
    value: Quantity
    notes: list[str]  # letters


_EXCEPTED = re.compile(r"(?i)\((?:other\s+than|except|excluding|not)\b[^()]*\)")


def choose_column(columns: list[str], letters: list[str], text: str, volts: list[float]) -> int | None:
    """Index of the column for the wire the finding describes, or None when it cannot be told.

    Args:
        columns: the column headings ("Supply conductors and supply cables 750 - 22,500 V").
        letters: their letters ("E").
        text: the finding's field facts.
        volts: voltages the finding states, in volts.

    A column whose voltage range excludes a stated voltage is out; of the rest, the one sharing most wire
    classes with the finding wins, fewer other classes breaking ties (GO 95 Rule 37: "each column applies to
    the wire or conductor named"). A stated voltage with no class word means a supply conductor.
    """
    want = _classes(text, WIRE_CLASSES)
    if "service_drop" in want and "communication" not in want:
        want.discard("supply")
    if not want and volts:
        want = {"supply"}
    if not want:
        return None
    best, best_score = None, 0.0
    for i, col in enumerate(columns):
        # "Span wires (other than trolley span wires)": the wires a column excepts are not its classes
        have = _classes(_EXCEPTED.sub(" ", col), WIRE_CLASSES)
        ranges = _volt_ranges(col)
        if volts and ranges and not any(lo <= v <= hi for v in volts for lo, hi in ranges):
            continue
        shared = len(have & want)
        if not shared:
            continue
        score = 2.0 * shared - 0.5 * len(have - want) + (0.5 if volts and ranges else 0.0)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        named = _NAMED_COLUMN.search(text)
        if named and named.group(1) in letters:
            return letters.index(named.group(1))
    return best


@dataclass
class Wire:
    """A wire a finding names: its class, its voltage (V) when stated, and where it is named."""

    cls: str
    volts: float | None
    start: int


_BETWEEN_WIRES = re.compile(
    r"(?i)\b(?:and|over|under|above|below|beneath|across|cross(?:es|ing)?|between|with|from|to|of)\b"
)


def wires_in(text: str) -> list[Wire]:
    """The wires a finding names, in order ("12 kV primary ... over the telephone cable" -> supply at
    12,000 V, communication). Words naming one wire ("communication company span guy") count once: the
    last word of a run names it."""
    low = (text or "").lower()
    found = []
    for cls, terms in WIRE_CLASSES.items():
        for t in terms:
            for m in re.finditer(rf"(?<![a-z]){re.escape(t)}(?![a-z])", low):
                found.append((m.start(), m.end(), cls))
    found.sort(key=lambda x: (x[0], -x[1]))
    kept: list[tuple[int, int, str]] = []
    for start, end, cls in found:
        if kept and start < kept[-1][1]:
            continue  # inside a longer term already taken
        if kept and start - kept[-1][1] <= 14 and not _BETWEEN_WIRES.search(low[kept[-1][1] : start]):
            kept.pop()  # "12 kV primary", "communication company span guy": one wire
        kept.append((start, end, cls))
    volts = [q for q in find_quantities(text or "") if q.kind == "voltage"]
    out = []
    for start, _end, cls in kept:
        near = [
            q
            for q in volts
            if (q.end <= start and start - q.end <= 14 and not _BETWEEN_WIRES.search(low[q.end : start]))
            or q.start <= start < q.end  # "12 kV" itself names the supply wire ("the 34.5 kV line")
        ]
        out.append(Wire(cls, near[-1].magnitude if near else None, start))
    return out


def wire_match(text: str, wire: Wire) -> float | None:
    """How well a case or column heading names ``wire``; None when it names another class or a voltage
    range that excludes the wire's voltage."""
    have = _classes(text, WIRE_CLASSES)
    if wire.cls not in have:
        return None
    ranges = _volt_ranges(text)
    bonus = 0.0
    if ranges:
        if wire.volts is None:
            bonus = -0.5
        elif any(lo <= wire.volts <= hi for lo, hi in ranges):
            bonus = 2.0
        else:
            return None
    return 2.0 + bonus - 0.3 * len(have - {wire.cls})


def is_wire_table(labels: list[str]) -> bool:
    """Whether a table's cases name wires (GO 95 Table 2: wire against wire) rather than places."""
    return sum(1 for label in labels if _classes(label, WIRE_CLASSES)) >= 0.6 * max(len(labels), 1)


_ADDRESS = re.compile(
    r"\b(?:at|to|of|from|near|behind|beside|serving)\s+(?:the\s+)?(?:\d+[A-Z]?\s+)?(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:St|Rd|Ave|Ln|Ct|Way|Dr|Blvd|Pl|Street|Road|Avenue|Lane|Court|Drive)\b\.?"
)


def case_score(label: str, text: str) -> float:
    """How well a case label ("Above ground in areas accessible to pedestrians only") names the place a
    finding describes: shared place classes, with "pedestrians only" / "not accessible to vehicles" kept
    apart from vehicle areas."""
    # "the residence at 1270 Marsh Rd": an address says where the wire is, not that it crosses a street
    have, want = _classes(label, PLACES), _classes(_ADDRESS.sub(" ", text), PLACES)
    if _FREE_OF_VEHICLES.search(text):
        want = (want - {"vehicle"}) | {"pedestrian"}
    if _FREE_OF_VEHICLES.search(label):
        have = have - {"vehicle"}
    core = {"railroad", "trolley", "thoroughfare", "vehicle", "pedestrian", "building"}
    if not (have & want & core):
        return 0.0
    return 2.0 * len(have & want & core) + len(have & want - core) - 0.25 * len(have - want)


# (not "above" / "over": nearly every clearance case is above something, so the word tells no case apart)
_RELATION = {"under": "under", "below": "under", "beneath": "under", "underneath": "under"}
_HORIZONTAL = re.compile(r"(?i)\bhorizontal(?:ly)?\b")
_LIT = re.compile(r"(?i)\b(non-?)?(illuminated|lighted|lit)\b")


def relation_score(label: str, text: str) -> float:
    """How well a case label's relation to its thing ("under signs which are illuminated", "Horizontal clearance
    from signs which are non-illuminated") matches the finding's ("passes 8 in under the illuminated sign"): 1.5
    for the same direction (under, horizontal), 1 for the same lit state and -2 for the opposite one, once the
    label states a direction; 0 otherwise."""

    def rels(t: str) -> set[str]:
        out = {_RELATION[w] for w in re.findall(r"[a-z]+", t.lower()) if w in _RELATION}
        return out | ({"horizontal"} if _HORIZONTAL.search(t) else set())

    if not rels(label):
        return 0.0
    score = 1.5 * len(rels(label) & rels(text))
    lab, fin = _LIT.search(label), _LIT.search(text)
    if lab and fin:
        score += 1.0 if bool(lab.group(1)) == bool(fin.group(1)) else -2.0
    return score


# "Grade B", "Class T", "Type 2": a key a case label and a finding both state; two values of one key exclude
_KEYED = re.compile(r"\b(?i:(grade|class|type|zone|size))\s+([A-Z]{1,2}|\d{1,2})\b")
# words that name one of two exclusive conditions ("heavy" or "light" loading, "urban" or "rural" district)
EXCLUSIVE: tuple[tuple[str, str], ...] = (("heavy", "light"), ("urban", "rural"), ("new", "existing"))


def excludes(condition: str, text: str) -> bool:
    """Whether a condition (a case label, a note) names one of two exclusive words (``EXCLUSIVE``) and the
    finding only the other: "rural districts of light loading" does not describe an urban, heavy-loading pole."""
    cw, tw = set(_words(condition).split()), set(_words(text).split())
    return any(
        one in cw and other not in cw and other in tw and one not in tw
        for a, b in EXCLUSIVE
        for one, other in ((a, b), (b, a))
    )


def keyed_case_score(label: str, text: str, volts: list[float]) -> float | None:
    """How well a case label that is not a place ("Grade C Circuits of 750 - 7,500 volts, heavy loading, rural
    districts") describes a finding, or None when the label excludes it.

    Args:
        label: the case label; text: the finding's field facts; volts: voltages it states (V).

    A key both state with different values (Grade B against Grade C), a voltage range that leaves out the
    stated voltage, or one of two exclusive words (heavy/light, urban/rural) named only by the label while the
    finding names the other excludes the case (GO 95 Rule 49.1-B's cases by grade, loading and district).
    Otherwise each shared key counts 2, a voltage range holding the voltage 1 and each shared word 1.
    """
    lk = case_keys(label)
    tk = case_keys(text)
    if any(k in tk and not (v & tk[k]) for k, v in lk.items()):
        return None
    if excludes(label, text):
        return None
    lw, tw = set(_words(label).split()), set(_words(text).split())
    score = 2.0 * sum(1 for k, v in lk.items() if v & tk.get(k, set()))
    ranges = _volt_ranges(label)
    if volts and ranges:
        if not any(lo <= v <= hi for v in volts for lo, hi in ranges):
            return None
        score += 1.0
    stems = {w.rstrip("s") for w in lw if len(w) > 3} & {w.rstrip("s") for w in tw if len(w) > 3}
    return score + len(stems)


def case_keys(text: str) -> dict[str, set[str]]:
    """Keys a text states and their values: "Grade A supply and a Grade C communication cable" ->
    ``{"grade": {"A", "C"}}``."""
    out: dict[str, set[str]] = {}
    for k, v in _KEYED.findall(text or ""):
        out.setdefault(k.lower(), set()).add(v.upper())
    return out


# "may have a top circumference of not less than 16 inches", "May be reduced to 6 inches provided ..." (GO 95 Table 2-A
# note (c))
_SUBSTITUTE = re.compile(
    r"(?i)\bmay\s+(?:have|be)\b[^.;]*?\bnot\s+less\s+than\s+([^.;()]*)|\bmay\s+be\s+reduced\s+to\s+([^.;()]*)"
)


def note_minimum(note: str) -> Quantity | None:
    """The lower value a note permits in place of the table's ("Supply poles in Grade B construction in rural
    districts of light loading may have a top circumference of not less than 16 inches"), or None."""
    m = _SUBSTITUTE.search(note or "")
    if not m:
        return None
    qs = [q for q in find_quantities(m.group(1) or m.group(2)) if q.kind == "length"]
    return qs[0] if qs else None


def reduction_percent(rule_texts: list[str]) -> float:
    """The reduction a rule allows below its table values because of temperature and loading (GO 95 Rule 37:
    "shall in no case be reduced more than 5 percent because of temperature and loading"), in percent; 0 when
    none is stated."""
    for t in rule_texts:
        for sentence in re.split(r"(?<=[.;])\s+", " ".join((t or "").split())):
            low = sentence.lower()
            m = _PERCENT.search(sentence)
            if m and "reduc" in low and "temperature" in low:
                return float(m.group(1))
    return 0.0


def conditions_off_basis(text: str, temps: list[Quantity]) -> bool:
    """Whether the finding's clearance was taken away from the table's basis of 60 degrees F and no wind, with
    load: a stated temperature of 75 F or more, or peak/heavy load or sag named."""
    hot = any(q.magnitude >= 75 for q in temps if "f" in q.text.lower())
    return hot or bool(_HOT_OR_LOADED.search(text or ""))


def note_segment(note: str, letter: str) -> str:
    """The part of a table note about column ``letter`` ("Column B: supply service drops ...")."""
    parts = re.split(r"\bColumn\s+([A-Z])\s*:", note)
    if len(parts) < 3:
        return note
    for k in range(1, len(parts) - 1, 2):
        if parts[k] == letter:
            return parts[k + 1]
    return ""


def rule_refs(text: str) -> list[tuple[str, str]]:
    """``(rule, sub-item)`` references in a note ("Rule 54.8-B(2)" -> ("54.8-B", "(2)"))."""
    return [(m.group(1), m.group(2) or "") for m in _RULE.finditer(text or "")]


def cell_value(cell: str, unit: str) -> Quantity | None:
    """The value of a cell ("25 ft (j)"), with the table's unit when the cell has none."""
    text = re.sub(r"\([a-z]{1,2}\)", " ", cell or "").strip()
    qs = [q for q in find_quantities(text) if q.kind == "length"]
    if not qs and unit and re.fullmatch(r"\d[\d,]*(?:\.\d+)?", text):
        qs = [q for q in find_quantities(f"{text} {unit}") if q.kind == "length"]
    return qs[0] if qs else None


def named_case(text: str) -> str | None:
    m = _NAMED_CASE.search(text or "")
    return m.group(1) if m else None


def ft_in(feet: float) -> str:
    """A length in feet written as the General Orders do ("23 ft 9 in")."""
    whole = int(feet)
    inches = round((feet - whole) * 12)
    if inches == 12:
        whole, inches = whole + 1, 0
    return f"{whole} ft {inches} in" if inches else f"{whole} ft"


@dataclass
class GridOutcome:
    """What the table says for a finding: a comparison, or another rule a note sends the wire to."""

    cell: Cell
    label: str  # "Table 1, Case 3, Column E (Supply conductors and supply cables 750 - 22,500 V)"
    required: float | None = None  # ft, after any allowed reduction
    required_text: str = ""
    measured: Quantity | None = None
    steer: tuple[str, str] | None = None  # (rule, sub-item) a cell note refers the finding to
    note: str = ""  # the note that steers, as "(l)"


Row = tuple[int, dict[str, Any]]  # (unit index, table-row data as engine.spec.grid stores it)
CellPick = tuple[Quantity, int, dict[str, Any], int]  # (value, row unit, row data, column index)


def read_cell(
    rows: list[Row],
    notes: dict[str, str],
    rule_texts: list[str],
    facts_text: str,
    text: str,
    measured: list[Quantity],
    volts: list[float],
    temps: list[Quantity],
    note_applies: Callable[[str, str], bool],
) -> GridOutcome | None:
    """Apply a case-by-column table to a finding.

    Args:
        rows: ``(unit index, data)`` of the table's rows (``data`` as ``engine.spec.grid`` stores it).
        notes: note letter -> note text of the table.
        rule_texts: the prose of the rule the table belongs to (for its allowed reduction).
        facts_text: the finding without the auditor's requirement claims; ``text``: the whole finding.
        measured: the lengths measured in the field (ft), best cue first.
        volts: voltages the finding states (V); ``temps``: temperatures it states.
        note_applies: ``note_applies(note_text, cell_words) -> bool``, whether a note's own words (not
            those of the cell's column and case, ``cell_words``) describe the finding.

    Returns:
        The outcome, or None when the column or the case cannot be told from the finding.
    """
    first = rows[0][1]
    columns = [str(c) for c in first["columns"][1:]]
    letters = list(first["grid"]["letters"])
    unit = str(first["grid"].get("unit") or "")
    if is_wire_table([str(d["grid"]["label"]) for _, d in rows]):
        got = _wire_cell(rows, columns, unit, text)
    else:
        got = _place_cell(rows, columns, letters, unit, facts_text, text, volts)
    if got is None:
        return None
    q, ui, d, ci = got
    g = d["grid"]
    cell = Cell(ui, g["case"], g["label"], letters[ci], columns[ci], q, list(g["notes"][ci]))
    tid = re.match(r"(?i)\s*(table\s+[\w.-]+)", str(d.get("table") or ""))
    heading = re.sub(r"^Column\s+[A-Z]\s*-\s*", "", columns[ci])
    label = f"{tid.group(1) if tid else 'the table'}, Case {g['case']}, Column {letters[ci]} ({heading})"
    out = GridOutcome(cell, label)
    required = q.magnitude
    # a cell in inches ("19 in") is said in inches; feet as the General Orders write them ("23 ft 9 in")
    printed = str(d["cells"][1 + ci])
    # a cell printed in inches by a table without a unit of its own ("19 in") is said in inches; feet as
    # the General Orders write them ("23 ft 9 in")
    inches = not unit and re.search(r"(?i)\d\s*(?:in\b|in\.|inch)", printed)
    out.required_text = q.describe() if inches else ft_in(required)
    # the cell's own notes first; then a note of the same column under another case that refers the
    # finding's wire to another rule by the finding's own words (GO 95 Table 1 note (l): "supply service
    # drops over private driveways ...: see Rule 54.8-B(2)", printed under one case, governs the place
    # wherever the case reading puts it)
    column_notes = [
        n for _, other in rows for n in other["grid"]["notes"][ci] if n not in cell.notes and n in notes
    ]
    for letter in cell.notes + [n for n in dict.fromkeys(column_notes) if rule_refs(notes[n])]:
        seg = note_segment(notes.get(letter, ""), letters[ci])
        if letter not in cell.notes and not rule_refs(seg):
            continue
        if not note_applies(seg, f"{columns[ci]} {g['label']}") or excludes(seg, facts_text):
            continue
        refs = rule_refs(seg)
        if refs:
            out.steer, out.note = refs[0], f"({letter})"
            break
        lower = note_minimum(seg)
        if lower is not None and lower.magnitude < required:
            required = lower.magnitude  # the note permits less than the cell for this finding's case
            out.note = f"({letter})"
            out.required_text = f"{lower.describe()} by note ({letter}), in place of {q.describe()}"
            break
    pct = reduction_percent(rule_texts)
    if pct and conditions_off_basis(text, temps):
        required *= 1 - pct / 100
        out.required_text += (
            f", or {ft_in(required)} with the {pct:g} percent reduction allowed for temperature and loading"
        )
    out.required = required
    out.measured = min(measured, key=lambda m: m.magnitude) if measured else None
    return out


def _place_cell(
    rows: list[Row],
    columns: list[str],
    letters: list[str],
    unit: str,
    facts_text: str,
    text: str,
    volts: list[float],
) -> CellPick | None:
    """``(value, row unit, row data, column index)`` for a table whose cases are places (GO 95 Table 1)."""
    ci = 0 if len(columns) == 1 else choose_column(columns, letters, facts_text, volts)
    if ci is None:
        return None
    scored = [(case_score(d["grid"]["label"], facts_text), ui, d) for ui, d in rows]
    relation = [relation_score(d["grid"]["label"], facts_text) for _, d in rows]
    if any(relation):
        # cases told apart by where the wire runs from the thing ("Vertical clearance under signs which are
        # illuminated", "Horizontal clearance from signs ...", GO 95 Table 2-A)
        scored = [(sc + rel, ui, d) for (sc, ui, d), rel in zip(scored, relation, strict=True)]
    top = max(s for s, _, _ in scored)
    if top <= 0 and not named_case(text):
        # cases that are not places (grade of construction, loading district, voltage): keys and words
        keyed = [(keyed_case_score(d["grid"]["label"], facts_text, volts), ui, d) for ui, d in rows]
        scored = [(k, ui, d) for k, ui, d in keyed if k is not None]
        top = max((k for k, _, _ in scored), default=0.0)
        if top <= 0:
            return None
        if any(len(v) > 1 for v in case_keys(facts_text).values()):
            # a pole under more than one case (a joint pole of Grade A supply and Grade C communication):
            # the best case of each grade it states, and the most stringent of those governs (GO 95 Rule 14)
            best: dict[str, tuple[float, int, dict[str, Any]]] = {}
            for k, ui, d in scored:
                key = repr(sorted((n, sorted(v)) for n, v in case_keys(d["grid"]["label"]).items()))
                if key != "[]" and (key not in best or k > best[key][0]):
                    best[key] = (k, ui, d)
            if best:
                scored = [(top, ui, d) for _, ui, d in best.values()]
    if top <= 0:
        named = named_case(text)
        tied = [(s, ui, d) for s, ui, d in scored if d["grid"]["case"] == named]
    else:
        tied = [(s, ui, d) for s, ui, d in scored if s == top]
    valued = [(q, ui, d) for _, ui, d in tied if (q := cell_value(str(d["cells"][1 + ci]), unit)) is not None]
    if not valued:
        return None
    # two cases describe the wire equally well: the most stringent governs (GO 95 Rule 14)
    q, ui, d = max(valued, key=lambda x: x[0].magnitude)
    return q, ui, d, ci


def _wire_cell(rows: list[Row], columns: list[str], unit: str, text: str) -> CellPick | None:
    """``(value, row unit, row data, column index)`` for a wire-against-wire table (GO 95 Table 2): the case
    names one wire of the finding and the column the other; the best-named pair wins, the larger value
    breaking ties (the most stringent governs, GO 95 Rule 14)."""
    wires = wires_in(text)
    if len(wires) < 2:
        return None
    best: tuple[tuple[float, float], CellPick] | None = None
    for i, wa in enumerate(wires):
        for j, wb in enumerate(wires):
            if i == j:
                continue
            for ui, d in rows:
                rs = wire_match(str(d["grid"]["label"]), wa)
                if rs is None:
                    continue
                for ci, col in enumerate(columns):
                    cs = wire_match(col, wb)
                    if cs is None:
                        continue
                    q = cell_value(str(d["cells"][1 + ci]), unit)
                    if q is None:
                        continue
                    key = (rs + cs, q.magnitude)
                    if best is None or key > best[0]:
                        best = (key, (q, ui, d, ci))
    return best[1] if best else None
