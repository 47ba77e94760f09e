"""Values with units in spec and audit text, through pint. Plain Python, no Django.

``find_quantities(text)`` returns every quantity in a string with its span, so callers can read
the words around it (comparators, qualifiers such as "long" or "of cover").

Forms understood (sources: common US utility construction-standard notation, GO 95 / NESC usage):
- feet and inches: ``6 ft 2 in``, ``6'-2"``, ``23 ft 6 in``, ``6 feet``, ``8.5 in``, ``30 inches``;
- fractions and mixed numbers: ``5/8 in``, ``1 1/2 in``, ``6-1/2 ft``, ``6\u00bd ft``;
- metric: ``4.8 m``, ``900 mm``, ``60 cm``;
- conductor sizes: ``#6 AWG``, ``#4``, ``4/0``, ``2/0 AWG``, ``336.4 MCM``, ``500 kcmil``. AWG runs backwards
  (#6 is smaller than #4, 4/0 larger than #1); every size is converted to its cross-section in kcmil
  (AWG n has diameter 0.005 in x 92^((36 - n) / 39), area in circular mils = diameter in mils squared);
- electrical: ``V``, ``kV``, ``ohm``/``Ω``, ``megohm``, ``kVA``/``MVA``, ``A``, ``kW``;
- others: degrees of angle (``2 degrees``, ``1.5°``), temperature (``60 degrees F``), days and business
  days, hours, years, percent.

A number range written with one unit (``0-750 V``, ``10 to 167 kVA``) gives the unit to both numbers;
``120/240 V`` is two voltages, while ``5/8 in`` is a fraction.

The unit spellings, wire words, number words and count labels are data in ``engine.vocab``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

import pint

from engine.vocab import (
    COUNT_LABELS,
    KCMIL_UNITS,
    NOT_COUNTED,
    NUMBER_WORDS,
    UNITS,
    WIRE_WORDS,
    labels_pattern,
)

UREG: pint.UnitRegistry[float] = pint.UnitRegistry()
UREG.define("business_day = day")
UREG.define("kcmil_size = [conductor_size]")  # conductor cross-section, magnitude in kcmil
Q_ = UREG.Quantity

# unit spelling -> (pint unit, kind), from engine.vocab.UNITS (an abbreviation's optional period cut off)
_UNITS: dict[str, tuple[str, str]] = {
    spelling.rstrip(".") if len(spelling) > 1 else spelling: (unit, kind)
    for unit, (kind, spellings) in UNITS.items()
    for spelling in spellings
}


def _spellings(unit: str) -> str:
    """The spellings of ``unit`` as an alternation; an abbreviation may end in a period ("ft.", "in.")."""
    return "|".join(
        re.escape(s.rstrip(".")) + r"\.?" if len(s) > 1 and s.endswith(".") else re.escape(s)
        for s in UNITS[unit][1]
    )


# longest spellings first so "inches" wins over "in", "business days" over "days"
_UNIT_ALT = "|".join(
    re.escape(u) if not u.isalpha() else u
    for u in sorted(_UNITS, key=len, reverse=True)
    if u not in ("'", '"')
)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
_FRAC = r"(?:\d+(?:\s+|-(?=\d+/\d+)))?\d+/\d+|\d*[\u00bd\u00bc\u00be]"  # "1 1/2", "6-1/2", "6\u00bd"
_VALUE = rf"(?:{_FRAC}|{_NUM})"

_FT_IN = re.compile(
    rf"(?P<ft>{_NUM})\s*(?:{_spellings('foot')})\s*[-–,]?\s*(?:and\s+)?(?P<in>{_VALUE})\s*(?:{_spellings('inch')})(?![a-z])",
    re.I,
)
_AWG = re.compile(
    r"(?:#\s*(?P<n1>\d{1,2})(?:\s*AWG)?|(?P<n2>\d{1,2})\s*AWG|(?P<o>[1-4])/0(?:\s*AWG)?|(?P<o2>[1-4])\s*-?\s*ought)(?![\d/])",
    re.I,
)
_WIRE_WORD = re.compile(rf"\s*(?:{labels_pattern(WIRE_WORDS)})\b", re.I)
_KCMIL = re.compile(rf"(?P<v>{_NUM})\s*(?:{labels_pattern(KCMIL_UNITS)})\b", re.I)
_TEMP = re.compile(rf"(?P<v>-?{_NUM})\s*(?:{_spellings('degree')})\s*(?P<s>[FC])\b")
# a number glued to letters before it is part of an identifier ("TD-7001M", "SB-12", "T-2250"), not a value
_GENERAL = re.compile(
    rf"(?<![A-Za-z\d])(?<![A-Za-z]-)(?:(?<=between\s)(?P<b1>{_VALUE})\s+and\s+)?"
    rf"(?P<v>{_VALUE})(?:\s*(?:-|–|to|through)\s*(?P<v2>{_VALUE}))?(?:\s*|-)(?P<u>{_UNIT_ALT})(?![a-zA-Z0-9])(?!-12\b)",  # not a roof pitch ("4-in-12": rise per 12)
    re.I,
)
_QUOTE_UNIT = re.compile(rf"(?P<v>{_VALUE})\s*(?P<u>['’\"”″])")
_SPELLED = "|".join(NUMBER_WORDS)  # "one|two|...|twelve"
_HAS_DIGIT = re.compile(rf"\d|\b(?:{_SPELLED})\b", re.I)
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(NUMBER_WORDS, start=1)}
_TENS_BEFORE = re.compile(
    r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)[\s-]+$", re.I
)
_SPELLED_FROM = re.compile(rf"\b(?P<w>{_SPELLED})\s+(?:to|and|or|through)\s+$", re.I)
_SPELLED_UNIT = re.compile(
    rf"(?<![\w-])(?P<w>{_SPELLED})(?:\s*\(\s*(?P<d>\d{{1,4}})\s*\))?\s+(?P<u>{_UNIT_ALT})(?![a-zA-Z0-9])",
    re.I,
)
# counts: "6 turns", "two ground rods", "at least 2 bolts" -> kind "count:<noun>" (compared only with the same noun)
_COUNT = re.compile(
    rf"(?<![#\w./-])(?P<n>\d{{1,3}}|{_SPELLED})(?![\w./-])"
    r"\s+(?P<w1>[A-Za-z][A-Za-z-]{2,})(?:\s+(?P<w2>[A-Za-z][A-Za-z-]{2,}))?(?:\s+(?P<w3>[A-Za-z][A-Za-z-]{2,}))?",
    re.I,
)
# the second number of a list of labels: "Cases 3 and 4", "Rules 56.6 and 86.7"
_LABEL_LIST = re.compile(
    r"(?i)\b(?:cases?|columns?|rules?|items?|notes?|figures?|tables?)\s+[\d.]{1,6}\s*(?:,|and|or|to|through|-)\s*$"
)
_PARTICIPLE = re.compile(r"(?i)(?:ed|ing|driven|broken|drawn|sawn|hewn|given|shown|taken)$")
# "Tier 8 lids", "Class 2 poles": a label before the number, not a count
_COUNT_LABEL = re.compile(rf"\b(?:{labels_pattern(COUNT_LABELS)})\W*$", re.I)
_SLASH_PAIR = re.compile(r"^(\d+)/(\d+)$")


@dataclass
class Quantity:
    """A value found in text.

    ``magnitude`` is the value in the kind's base unit (see ``BASE_UNITS``: ft for length, V, ohm, kVA,
    degree, day, %, kcmil for conductor sizes...), converted with pint; ``value`` gives it back as a pint
    Quantity. ``kind`` is length, voltage, resistance, power, current, angle, time, percent, temperature,
    conductor_size, force, stress or speed; ``start``/``end`` index the source string; ``text`` is what it said.
    """

    magnitude: float
    kind: str
    start: int
    end: int
    text: str
    business: bool = False
    # "five 90-degree bends", "3 x 90° bends": how many items the value is given for (None: not stated)
    count: int | None = None
    count_text: str = ""

    @property
    def value(self) -> pint.Quantity[float]:
        """The value as a pint Quantity in the kind's base unit."""
        return Q_(self.magnitude, BASE_UNITS[self.kind])

    def describe(self) -> str:
        """The value as the document wrote it."""
        return " ".join(self.text.split())


_FACTORS: dict[tuple[str, str], float] = {}


def to_base(value: float, unit: str, kind: str) -> float:
    """``value`` in ``unit`` converted by pint to the base unit of ``kind`` (factors cached per unit)."""
    if kind == "temperature":
        return float(Q_(value, unit).to(BASE_UNITS[kind]).magnitude)
    f = _FACTORS.get((unit, kind))
    if f is None:
        f = float(Q_(1.0, unit).to(BASE_UNITS[kind]).magnitude)
        _FACTORS[(unit, kind)] = f
    return value * f


BASE_UNITS = {
    "length": "foot",
    "voltage": "volt",
    "resistance": "ohm",
    "power": "kilovolt_ampere",
    "current": "ampere",
    "angle": "degree",
    "time": "day",
    "percent": "percent",
    "energy": "calorie",
    "temperature": "degF",
    "conductor_size": "kcmil_size",
    "force": "pound",
    "stress": "psi",
    "speed": "mile/hour",
}


def awg_to_kcmil(gauge: int) -> float:
    """Cross-section of AWG ``gauge`` in kcmil (0 = 1/0, -1 = 2/0, -2 = 3/0, -3 = 4/0).

    Source: ASTM B258 definition of the AWG series (d = 0.005 in x 92^((36-n)/39)).
    """
    d_mils: float = 5.0 * 92 ** ((36 - gauge) / 39)
    return d_mils * d_mils / 1000.0


_VULGAR = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75}


def parse_number(text: str) -> float:
    """``"5/8"`` -> 0.625, ``"1 1/2"`` -> 1.5, ``"1,200"`` -> 1200.0; raises ValueError."""
    text = text.strip().replace(",", "")
    for sign, value in _VULGAR.items():
        if text.endswith(sign):
            return (float(text[:-1]) if text[:-1] else 0.0) + value
    text = re.sub(r"^(\d+)-(?=\d+/\d+$)", r"\1 ", text)  # "6-1/2" -> "6 1/2"
    parts = text.split()
    if len(parts) == 2 and "/" in parts[1]:
        return float(parts[0]) + float(Fraction(parts[1]))
    if "/" in text:
        return float(Fraction(text))
    return float(text)


def _is_fraction(text: str) -> bool:
    m = _SLASH_PAIR.match(text.strip())
    if not m:
        return True
    num, den = int(m.group(1)), int(m.group(2))
    return den in (2, 4, 8, 16, 32, 64) and num < den


# "in" followed by an article or a fixed phrase is the preposition ("15 in the field", "3 in front of")
_PREPOSITION_IN = re.compile(r"\s+(?:a|an|the|this|that|its|their|each|front|place)\b", re.I)
# a number written as an identifier: "#15", "No. 12", "H-12" (a letter or letters joined by a hyphen)
# what a rate is per (engine.quantities: "volts per foot"): spelling -> (the unit it is kept per, factor to it)
_PER_UNITS: dict[str, tuple[str, float]] = {
    "foot": ("ft", 1.0),
    "feet": ("ft", 1.0),
    "ft": ("ft", 1.0),
    "inch": ("ft", 12.0),
    "in": ("ft", 12.0),
    "yard": ("ft", 1 / 3),
    "yd": ("ft", 1 / 3),
    "meter": ("ft", 0.3048),
    "metre": ("ft", 0.3048),
    "m": ("ft", 0.3048),
    "centimeter": ("ft", 30.48),
    "centimetre": ("ft", 30.48),
    "cm": ("ft", 30.48),
    "square foot": ("ft2", 1.0),
    "square feet": ("ft2", 1.0),
    "square inch": ("ft2", 144.0),
    "square yard": ("ft2", 1 / 9),
    "square meter": ("ft2", 0.3048**2),
    "square metre": ("ft2", 0.3048**2),
    "square m": ("ft2", 0.3048**2),
    "square centimeter": ("cm2", 1.0),
    "square centimetre": ("cm2", 1.0),
    "square cm": ("cm2", 1.0),
    "cubic foot": ("ft3", 1.0),
    "cubic feet": ("ft3", 1.0),
    "cubic inch": ("ft3", 1728.0),
    "cubic in": ("ft3", 1728.0),
    "cubic yard": ("ft3", 1 / 27),
    "cubic yd": ("ft3", 1 / 27),
    "cubic meter": ("ft3", 0.3048**3),
    "cubic metre": ("ft3", 0.3048**3),
    "cubic m": ("ft3", 0.3048**3),
    "minute": ("min", 1.0),
    "min": ("min", 1.0),
    "hour": ("min", 1 / 60),
    "hr": ("min", 1 / 60),
    "second": ("min", 60.0),
    "sec": ("min", 60.0),
}
# "per foot", "/ft", "per sq. ft", "/cm2", "/cm 2" (a superscript as extracted), "per cubic yard"
_PER_MEASURE = re.compile(
    r"\.?\s*(?:per|/)\s*(?P<d>(?:(?:cubic|square|sq\.?|cu\.?)\s*)?(?:foot|feet|ft|inch|in|yards?|yd|meters?|metres?|m"
    r"|centimet(?:er|re)s?|cm)(?:\s?\^?[23²³](?![\d.]))?|minutes?|min|hours?|hr|seconds?|sec)(?![a-z])",
    re.I,
)


def _per_key(m: re.Match[str]) -> str:
    """The ``_PER_UNITS`` key of a matched "per ..." ("sq. ft" -> "square foot", "cm²" -> "square cm"); a
    spelling the table lacks is kept as written (its values compare only with the same spelling)."""
    d = re.sub(r"\s+", " ", m.group("d").lower()).replace("²", "2").replace("³", "3").replace("^", "")
    d = re.sub(r"^sq(?!uare)\.? ?", "square ", re.sub(r"^cu(?!bic)\.? ?", "cubic ", d)).strip()
    if d[-1] in "23" and not d.startswith(("square", "cubic")):
        d = ("square " if d[-1] == "2" else "cubic ") + d[:-1].strip()
    d = re.sub(r"(?<=\w)s$", "", d) if d.rstrip("s") + "s" == d and d not in ("feet",) else d
    return {"square ft": "square foot", "cubic ft": "cubic foot", "square in": "square inch"}.get(d, d)


def _rated(q: Quantity, per: re.Match[str] | None, last: bool = True) -> Quantity:
    """``q`` as a rate or density when ``per`` follows it ("75,000 volts per foot", "246,100 V/m", "57 pounds per
    cubic foot"): its own kind, per one unit of what it is divided by, compared only with the same kind."""
    if per is None:
        return q
    key = _per_key(per)
    base, factor = _PER_UNITS.get(key, (key, 1.0))
    q = replace(q, magnitude=q.magnitude * factor, kind=f"{q.kind}/{base}")
    return replace(q, end=per.end(), text=q.text + per.group(0)) if last else q


_STRUCTURE_BEFORE = re.compile(r"\b(?:tower|pole|structure|str\.)\s*$", re.I)
_IDENTIFIER_BEFORE = re.compile(r"(?:#|\bNo\.?\s*|\b[A-Za-z]{1,3}-)$")


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text`` in order of appearance; see the module docstring for the forms.

    Overlaps are resolved by taking the earliest, then the longest match (``6 ft 2 in`` is one length).
    """
    if not _HAS_DIGIT.search(text):
        return []
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(q: Quantity) -> None:
        if free(q.start, q.end):
            found.append(q)
            taken.append((q.start, q.end))

    for m in _FT_IN.finditer(text):
        ft, inch = parse_number(m.group("ft")), parse_number(m.group("in"))
        if inch < 12:
            add(Quantity(to_base(ft * 12 + inch, "inch", "length"), "length", m.start(), m.end(), m.group(0)))
    for m in _AWG.finditer(text):
        if m.group("n1") or m.group("n2"):
            gauge = int(m.group("n1") or m.group("n2"))
            if gauge > 40:
                continue
            if m.group("n1") and "awg" not in m.group(0).lower() and not _WIRE_WORD.match(text, m.end()):
                continue  # "#1" alone is an item number, not a wire size
        else:
            gauge = 1 - int(m.group("o") or m.group("o2"))
        add(Quantity(awg_to_kcmil(gauge), "conductor_size", m.start(), m.end(), m.group(0)))
    for m in _KCMIL.finditer(text):
        add(Quantity(parse_number(m.group("v")), "conductor_size", m.start(), m.end(), m.group(0)))
    for m in _TEMP.finditer(text):
        unit = "degF" if m.group("s") == "F" else "degC"
        add(
            Quantity(
                to_base(parse_number(m.group("v")), unit, "temperature"),
                "temperature",
                m.start(),
                m.end(),
                m.group(0),
            )
        )
    for m in _GENERAL.finditer(text):
        spelled = m.group("u")
        key = spelled if spelled in _UNITS else spelled.lower()
        if key not in _UNITS:
            continue
        unit, kind = _UNITS[key]
        # "m", "a", "in" and "v" are ordinary words too: need a digit right before (allowing a space)
        if key in ("a", "mi", "yd") and not re.match(
            rf"{_VALUE}\s*{re.escape(spelled)}$", m.group(0).strip(), re.I
        ):
            continue
        if key == "a" and spelled == "a":
            continue  # "3 a" is almost never amperes in prose
        if key == "in" and _PREPOSITION_IN.match(text, m.end("u")):
            continue  # "span 40-41 in the fire district", "pole #15 in a field": the word, not inches
        if _IDENTIFIER_BEFORE.search(text, 0, m.start("v")):
            continue  # "pole #15", "No. 12", "handhole H-12": an identifier, not a quantity
        business = unit == "business_day"
        v1, v2 = m.group("v"), m.group("v2")
        per, end = _PER_MEASURE.match(text, m.end()), m.end()
        parts: list[tuple[str, int, int]]  # each value of the match, with where it starts and ends
        if m.group("b1") is not None and v2 is None:
            # "between 12 and 18 inches": the unit belongs to both numbers
            parts = [(m.group("b1"), m.start("b1"), m.end("b1")), (v1, m.start("v"), end)]
        elif v2 is not None:
            parts = [(m.group("b1"), m.start("b1"), m.end("b1"))] if m.group("b1") is not None else []
            parts += [(v1, m.start("v"), m.end("v")), (v2, m.start("v2"), end)]
        elif "/" in v1 and not _is_fraction(v1):
            if _STRUCTURE_BEFORE.search(text, 0, m.start("v")):
                continue  # "Tower 17/2 in open rangeland": a tower's number (mile/tower), not two lengths
            a, b = v1.split("/")
            parts = [(a, m.start("v"), m.start("v") + len(a)), (b, m.start("v") + len(a) + 1, end)]
        else:
            parts = [(v1, m.start(), end)]
        for written, start, stop in parts:
            q = _make(written, unit, kind, start, stop, text, business)
            add(_rated(q, per, stop == end))
    spelled_feet: Quantity | None = None
    for m in _SPELLED_UNIT.finditer(text):
        # "six feet", "within twelve months", "fifteen (15) business days" (the figure in parentheses wins)
        spelled = m.group("u")
        key = spelled if spelled in _UNITS else spelled.lower()
        if key not in _UNITS or len(key) < 3 or _IDENTIFIER_BEFORE.search(text, 0, m.start()):
            continue  # "one in the field", "one m": the words, not units
        if _TENS_BEFORE.search(text, 0, m.start()):
            continue  # "twenty five feet": a number this reading does not spell out
        unit, kind = _UNITS[key]
        figure = m.group("d") or _NUMBER_WORDS[m.group("w").lower()]
        per = _PER_MEASURE.match(text, m.end())
        q = _rated(_make(figure, unit, kind, m.start(), m.end(), text, unit == "business_day"), per)
        if (
            spelled_feet is not None
            and unit == "inch"
            and re.fullmatch(r"[\s,]*(?:and\s+)?", text[spelled_feet.end : q.start])
        ):
            # "two feet six inches": one length
            found.remove(spelled_feet)
            taken.remove((spelled_feet.start, spelled_feet.end))
            q = replace(
                q,
                magnitude=spelled_feet.magnitude + q.magnitude,
                start=spelled_feet.start,
                text=text[spelled_feet.start : q.end],
            )
        if (lo := _SPELLED_FROM.search(text, 0, m.start())) is not None:
            # "one to two feet", "between one and two feet": the unit belongs to both numbers
            add(
                _rated(
                    _make(
                        _NUMBER_WORDS[lo.group("w").lower()],
                        unit,
                        kind,
                        lo.start("w"),
                        lo.end("w"),
                        text,
                        False,
                    ),
                    per,
                    False,
                )
            )
        add(q)
        spelled_feet = q if unit == "foot" and q.kind == "length" else None
    for m in _QUOTE_UNIT.finditer(text):
        unit, kind = _UNITS["'" if m.group("u") in "'’" else '"']
        add(_make(m.group("v"), unit, kind, m.start(), m.end(), text, False))
    for m in _COUNT.finditer(text):
        n = m.group("n").lower()
        value = float(_NUMBER_WORDS.get(n, n)) if n in _NUMBER_WORDS or n.isdigit() else None
        # the counted noun: the first plural of the next words ("two ground rods"), read past a participle
        # ("four driven ground rods"); a third word only after one
        groups = ["w1", "w2"] + (["w3"] if _PARTICIPLE.search(m.group("w1")) else [])
        words = [(g, m.group(g)) for g in groups if m.group(g)]
        g, noun = next(
            ((g, w) for g, w in words if w.lower().endswith("s") and w.lower() not in NOT_COUNTED), words[0]
        )
        if (
            value is None
            or noun.lower() in NOT_COUNTED
            or noun.lower() in _UNITS
            or noun.lower() in _NUMBER_WORDS  # "twenty five feet": a number, not five counted twenty times
            or _PARTICIPLE.search(noun)
        ):
            continue
        if _COUNT_LABEL.search(text[max(0, m.start() - 12) : m.start()]) or _LABEL_LIST.search(
            text[max(0, m.start() - 24) : m.start()]
        ):
            continue  # "Tier 8 lids", "Class 2 poles", "Cases 3 and 4 give": a label, not a count
        end = m.end(g)
        add(Quantity(value, f"count:{_count_noun(noun)}", m.start(), end, text[m.start() : end]))
    found.sort(key=lambda q: q.start)
    for q in found:
        if not q.kind.startswith("count:"):
            _attach_count(text, q)
    return found


# a count before a per-item value: "five 90-degree bends", "two (2) 45° sweeps", "3 x 90° bends", "3× 8 ft rods"
_COUNT_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(,;:]))(?P<n>(?P<w>{_SPELLED})"
    r"(?:\s*\(\s*\d{1,2}\s*\))?|\d{1,2}|(?P<p>\(\s*\d{1,2}\s*\)))\s*(?P<x>[x×*]\s*)?$",
    re.I,
)
_ITEM_NOUN = re.compile(r"\s*(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]{3,})\b", re.I)


def _attach_count(text: str, q: Quantity) -> None:
    """Set ``q.count`` when a count of items precedes the value and a noun follows it ("five 90-degree bends");
    a bare digit counts only with a multiplication sign ("3 x 90° bends")."""
    m = _COUNT_BEFORE.search(text[max(0, q.start - 20) : q.start])
    if not m or not (m.group("w") or m.group("x") or m.group("p")):
        return
    noun = _ITEM_NOUN.match(text, q.end)
    if not noun and not m.group("x"):
        return
    n = m.group("w") or m.group("n").strip("() ")
    q.count = int(_NUMBER_WORDS.get(n.lower(), n))
    q.count_text = " ".join(m.group(0).split()).rstrip("x×* ")


def _count_noun(word: str) -> str:
    from engine.retrieval import tokenize

    toks = tokenize(word, keep_numbers=False)
    return toks[0] if toks else word.lower()


def _make(value: str, unit: str, kind: str, start: int, end: int, text: str, business: bool) -> Quantity:
    return Quantity(to_base(parse_number(value), unit, kind), kind, start, end, text[start:end], business)


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in ``text``, or None."""
    qs = find_quantities(text)
    return qs[0] if qs else None


def format_quantity(q: Quantity) -> str:
    """A compact human form: lengths in ft-in when ≥ 1 ft, otherwise as written."""
    return q.describe()
