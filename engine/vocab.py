"""The engine's domain words, as data. Plain Python, no Django.

Every word list the engine matches lives here; the regular expressions that find them are built from these
lists once, at import, so a word added to a list is found everywhere that list is used (including the quick
pre-filter of ``engine.requirements.applicability``; tests/test_vocab.py shows it for every list). Two ways
of writing a term, each with its builder:

* **phrases** (``phrase_pattern``; applicability, clearance tables): whole words, spaces or hyphens between
  them, an optional plural "s"; ``"re:<regex>"`` for a term that needs context;
* **labels** (``label_pattern``; comparators, audit lead words and field labels, header labels, unit tokens),
  written the way forms spell them: a space between words is any whitespace, ``~`` optional whitespace,
  ``" / "`` a slash with optional spaces around it; in a word, a final ``.`` is optional (``no.``), a ``-``
  is a hyphen, a space or nothing (``go-back``), ``[..]`` an optional part (``detail[s]``,
  ``spec[ification]``); a word written ``(a|b)`` is one of those words, ``[a|b]`` optionally one of them
  (``[construction] contractor [name]``).

The unit spellings of ``UNITS`` are literal (``kilovolt-ampere``), a final ``.`` marking an abbreviation
that may take a period (``ft.``). docs/architecture.md ("Extending") says how to add a word.

Sources: GO 95 Rules 20-22 and 54 (places, wire classes, districts), GO 128 (surfaces over duct banks),
PG&E TD-7001M (service drops, driveways), and common utility construction, QA-audit and form usage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# ---------------------------------------------------------------- applicability (engine.requirements)
# A term is a phrase: its words match with spaces or hyphens between them and an optional plural "s"
# ("service drop" finds "service-drops"). A term starting with "re:" is a regular expression, for the few
# words that need context ("rd" only as a street suffix).

# voltage class -> words naming it
VOLTAGE_CLASSES: dict[str, tuple[str, ...]] = {
    "primary": ("primary", "high voltage", "medium voltage"),
    "secondary": (
        "secondary",
        "service drop",
        "service cable",
        "service conductor",
        "service wire",
        "triplex",
        "low voltage",
    ),
}
# what the line or facility is over or beside -> words naming it
SURFACES: dict[str, tuple[str, ...]] = {
    "railroad": ("railroad", "railway", "tracks"),
    "road": (
        "road",
        "street",
        "highway",
        "roadway",
        "freeway",
        "avenue",
        "boulevard",
        r"re:\brd\b(?=\s*\(|\s*$)",
    ),
    "alley": ("alley",),
    "driveway": ("driveway", "parking", "accessible to vehicles"),
    "pedestrian": (
        "pedestrian",
        "walkway",
        "sidewalk",
        "footpath",
        "foot path",
        "footway",
        "foot way",
        "pathway",
        "bike path",
        "bicycle path",
    ),
    "water": ("navigable", "waterway"),
}
# conditions a rule is written for -> words naming them; a negation before the word ("outside the high fire
# threat district") makes the condition False
FLAGS: dict[str, tuple[str, ...]] = {
    "hftd": ("high fire threat", "hftd", "fire threat district", "tier 2", "tier 3"),
    "avian": ("avian", "raptor area", "raptor protection area"),
    "rock": ("rock", "rocky"),
    "contamination": ("contamination", "contaminated", "coastal fog"),
    "traffic": (
        "traffic",
        "travel lane",
        "traveled lane",
        "travelled lane",
        "roadway",
        "street",
        "highway",
        "driveway",
    ),
    # a building surface that does not burn (GO 128 Rule 34.3-D: oil-filled equipment may be 2 ft from one)
    "noncombustible": (
        "noncombustible",
        "non combustible",
        "concrete wall",
        "concrete block",
        "block wall",
        "brick wall",
        "masonry wall",
        "stucco wall",
        "tilt up",
        "metal siding",
    ),
    "heavy_loading": ("heavy loading",),
    "light_loading": ("light loading",),
}
# the kind of district (GO 95 Rule 20.8: urban and rural districts)
SETTINGS: tuple[str, ...] = ("urban", "suburban", "rural")
# work on an existing structure (kept, transferred, reframed); new construction is found by "new"/"newly"
EXISTING_WORK: tuple[str, ...] = ("existing", "reframe", "reframed", "reframing", "transferred")


def phrase_pattern(terms: Iterable[str]) -> str:
    """One regular-expression alternation (a ``str``) matching any of ``terms`` as whole words.

    ``terms``: phrases in lower case (words joined by spaces or hyphens, optional plural "s"), or
    ``"re:<regex>"`` for a term that needs context. Raises ``re.error`` for a bad ``re:`` term.
    """
    alts = []
    for term in terms:
        if term.startswith("re:"):
            re.compile(term[3:])
            alts.append(term[3:])
            continue
        words = [re.escape(w) for w in term.split()]
        alts.append(r"\b" + r"[\s-]+".join(words) + r"s?\b")
    return "|".join(f"(?:{a})" for a in alts)


def phrase_regex(terms: Iterable[str]) -> re.Pattern[str]:
    """``phrase_pattern(terms)`` compiled (lower-case text expected)."""
    return re.compile(phrase_pattern(terms))


# ---------------------------------------------------------------- labels: the notation (see the module docstring)
_SEPARATORS = {" ": r"\s+", " / ": r"\s*/\s*", "~": r"\s*"}
_SPECIAL = set(r".^$*+?{}[]\|()")


def _literal(text: str) -> str:
    """``text`` with the characters special in a regular expression escaped (``#``, ``-``, ``/`` and spaces
    are not: they are literal outside a character class and verbose mode)."""
    return "".join("\\" + c if c in _SPECIAL else c for c in text)


def _label_word(word: str) -> str:
    """One word of a label term: ``[..]`` an optional part, a final ``.`` optional, an inner ``-`` a hyphen,
    a space or nothing."""
    out: list[str] = []
    i = 0
    while i < len(word):
        c = word[i]
        if c == "[":
            end = word.index("]", i)
            part = _literal(word[i + 1 : end])
            out.append(part + "?" if len(word[i + 1 : end]) == 1 else f"(?:{part})?")
            i = end + 1
            continue
        if c == "." and i == len(word) - 1 and i > 0:
            out.append(r"\.?")
        elif c == "-" and 0 < i < len(word) - 1:
            out.append("[- ]?")
        else:
            out.append(_literal(c))
        i += 1
    return "".join(out)


def _label_choice(words: str) -> str:
    """``"a|b"`` -> one of the words (a group when there are several)."""
    alts = [_label_word(w) for w in words.split("|")]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def label_pattern(term: str) -> str:
    """One label term in the notation of the module docstring -> a regular expression (a ``str``).

    ``"minimum [of]"`` -> ``minimum(?:\\s+of)?``; ``"pm~(number|no.|#)"`` -> ``pm\\s*(?:number|no\\.?|#)``;
    ``"order / pm"`` -> ``order\\s*/\\s*pm``. An optional word or choice takes the space next to it along.
    Raises ``ValueError`` for an unclosed ``[``.
    """
    parts = re.split(r"( / | |~)", term)
    tokens, seps = parts[0::2], parts[1::2]
    out = ""
    taken = False  # the separator before this token went into the optional token before it
    for i, tok in enumerate(tokens):
        sep = "" if i == 0 or taken else _SEPARATORS[seps[i - 1]]
        taken = False
        optional = tok.startswith("[") and tok.endswith("]") and tok.count("[") == 1
        whole = optional or (tok.startswith("(") and tok.endswith(")") and tok.count("(") == 1)
        body = _label_choice(tok[1:-1]) if whole else _label_word(tok)
        if not optional:
            out += sep + body
        elif i + 1 < len(tokens) and seps[i] == " ":
            out += f"{sep}(?:{body}{_SEPARATORS[' ']})?"  # "[construction] contractor", "not [to] be"
            taken = True
        elif i and seps[i - 1] == " ":
            out += f"(?:{_SEPARATORS[' ']}{body})?"  # "contractor [name]"
        else:
            out += sep + (f"{body}?" if body.startswith("(?:") else f"(?:{body})?")  # "pm~[number|no.]"
    return out


def labels_pattern(terms: Iterable[str]) -> str:
    """The alternation of ``label_pattern`` of each term, in the order given (the order they are tried)."""
    return "|".join(label_pattern(t) for t in terms)


# ---------------------------------------------------------------- retrieval (engine.retrieval)
# multi-word phrases (as stemmed word sequences) -> tokens emitted; ``keep`` also emits the words themselves
PHRASE_LIST = [
    ("cross arm", "crossarm", False),
    ("guy guard|guy marker|guy shield", "guyguard", False),
    ("as built", "asbuilt", False),
    ("high fire threat|fire threat", "hftd", False),
    (
        "bird guard|bird cover|bird protector|wildlife guard|wildlife cover|wildlife protector",
        "wildlife protector",
        False,
    ),
    ("avian protection area|avian area", "avian", False),
    ("single phase", "singlephase", False),
    ("three phase", "threephase", False),
    ("service drop", "servicedrop", True),
    ("pull box", "pullbox", True),
    ("warning tape", "warningtape", True),
    ("ground rod|grounding rod", "groundrod", True),
    ("pole tag", "poletag", True),
    ("bend radiu|bending radiu|bend radius|bending radius", "bendradius", True),
    ("joint trench", "jointtrench", True),
    # GO 128 Rule 34.3 calls pad-mounted equipment "self-contained surface-mounted equipment"
    ("pad mount|pad mounted|pad type|surface mounted|surface mount", "padmount", False),
    ("hold down", "secure", False),
    # "not bolted to the pad", "bolted down": the equipment secured in place (GO 128 Rule 34.3-A)
    ("bolt to|bolt down", "secure", True),
    # what line crews call a live-line tool (29 CFR 1910.269(j)): the hot stick and its kinds
    (
        "hot stick|hotstick|shotgun stick|link stick|tie stick|switch stick|extension stick|live line tool",
        "livelinetool",
        True,
    ),
    ("look over", "inspect", True),
    # the machines 29 CFR 1910.269(p) calls "mechanical equipment", as crews name them
    (
        "mechanical equipment|digger derrick|derrick truck|boom truck|bucket truck|line truck|aerial lift|crane",
        "mechanicalequipment",
        True,
    ),
    # a lineman's harness and lanyard are his personal fall arrest system (29 CFR 1910.269(g)(2))
    (
        "full body harness|body harness|safety harness|fall arrest system|fall arrest harnes",
        "fallarrest",
        True,
    ),
    ("travel lane|traffic lane|vehicle lane|vehicular lane|traveled way|travelled way", "travellane", True),
    ("pedestrian path|pedestrian way|foot path|bike path", "pedestrian", False),
    ("service conductor|service wire|overhead service", "servicedrop", True),
    ("hand hole", "pullbox", False),
    ("guard post|protective post|protection post", "bollard", False),
    ("ground electrode|grounding electrode|driven electrode", "groundrod", True),
    ("x arm", "crossarm", False),
    # the premises a clearance is written for (GO 95 Rule 54.8-B(2)): a store's drive aisle is a commercial driveway
    ("drive aisle|private drive", "driveway", False),
    (
        "shopping center|shopping centre|strip mall|shopping mall|retail store|office building",
        "commercial",
        True,
    ),
]

# stemmed token -> canonical domain term
SYNONYMS = {
    "deep": "depth",
    "cover": "depth",
    "buried": "depth",
    "burial": "depth",
    "bury": "depth",
    "setting": "depth",
    "grounding": "ground",
    "grounded": "ground",
    "earth": "ground",
    "earthing": "ground",
    "wire": "conductor",
    "cable": "conductor",
    "tree": "vegetation",
    "limb": "vegetation",
    "branch": "vegetation",
    "oak": "vegetation",
    "brush": "vegetation",
    "foliage": "vegetation",
    "street": "road",
    "highway": "road",
    "roadway": "road",
    "freeway": "road",
    "avenue": "road",
    "boulevard": "road",
    "walkway": "pedestrian",
    # the kind of premises a clearance is written for (GO 95 Rule 54.8-B(2): residential vs commercial)
    "residence": "residential",
    "retail": "commercial",
    "home": "residential",
    "dwelling": "residential",
    "walkable": "walk",
    # a clearance "from buildings" is measured to a garage's or a house's wall too
    "garage": "build",
    "house": "build",
    "sidewalk": "pedestrian",
    "footpath": "pedestrian",
    "footway": "pedestrian",
    "pathway": "pedestrian",
    "duct": "conduit",
    "raceway": "conduit",
    "padmounted": "padmount",
    "manhole": "vault",
    "enclosure": "vault",
    # a pad-mounted unit's cabinet or compartment is its enclosure; fastening or anchoring it secures it in place
    "cabinet": "vault",
    "compartment": "vault",
    "padlock": "lock",
    "fasten": "secure",
    "fastened": "secure",
    "anchored": "secure",
    "handhole": "pullbox",
    "sagg": "sag",
    "sagged": "sag",
    "embedment": "depth",
    "xarm": "crossarm",
    "xfmr": "transformer",
    "bird": "wildlife",
    "animal": "wildlife",
    "guard": "protector",
    "label": "tag",
    "spacing": "span",
    "distance": "clearance",
    "separation": "clearance",
    "insulation": "insulation",
    "fibreglass": "fiberglass",
    "frp": "fiberglass",
    "wooden": "wood",
    "timber": "wood",
    "aluminium": "aluminum",
    "signature": "signed",
    "painted": "paint",
    "color": "paint",
    "colour": "paint",
    "finished": "paint",
    "finish": "paint",
    # OSHA's "vehicle or mechanical equipment ... elevated" (29 CFR 1910.333(c)(3)(iii)) as crews name them
    "truck": "vehicle",
    "excavator": "vehicle",
    "backhoe": "vehicle",
    "raised": "elevate",
    "raise": "elevate",
    "kcmil": "mcm",
    "retest": "test",
    "hotstick": "livelinetool",
    "examin": "inspect",
    # "a designated employee ... shall observe the approach distance" (29 CFR 1910.269(p)(4)): the observer, spotter
    "observer": "observe",
    "spotter": "observe",
    "gauge": "awg",
}

# ---------------------------------------------------------------- tables (engine.tables)
# wire class -> words naming it (in a column heading or a finding)
WIRE_CLASSES: dict[str, tuple[str, ...]] = {
    "guy": ("guy", "guys", "span wire", "span wires", "messenger", "messengers"),
    "communication": ("communication", "catv", "telephone", "telecom", "fiber", "cable tv", "coaxial"),
    "service_drop": ("service drop", "service drops"),
    "trolley": ("trolley",),
    "supply": ("supply", "primary", "secondary", "power line", "distribution line", "subtransmission", "kv"),
}
# what a wire passes over -> words naming it (in a case label or a finding)
PLACES: dict[str, tuple[str, ...]] = {
    "railroad": ("railroad", "railroads", "railway", "rail", "track", "tracks", "spur"),
    "trolley": ("trolley", "trolleys", "overhead contact"),
    "thoroughfare": (
        "thoroughfare",
        "thoroughfares",
        "street",
        "streets",
        "st",
        "road",
        "roads",
        "rd",
        "highway",
        "avenue",
        "ave",
        "boulevard",
        "blvd",
        "alley",
        "public way",
    ),
    "urban": ("urban", "city", "town"),
    "rural": ("rural", "mountainous", "farmland", "open country"),
    "vehicle": (
        "vehicle",
        "vehicles",
        "driveway",
        "driveways",
        "drive aisle",
        "private drive",
        "parking",
        "agricultural",
        "field",
        "orchard",
    ),
    "pedestrian": (
        "pedestrian",
        "pedestrians",
        "walkway",
        "sidewalk",
        "footpath",
        "foot path",
        "trail",
        "yard",
    ),
    "building": ("building", "buildings", "roof", "roofs", "garage", "house", "bridge", "bridges", "walk"),
    "crossing": ("crossing", "crosses", "across", "cross"),
    "along": ("along", "paralleling", "parallel", "running along"),
}

# ---------------------------------------------------------------- comparators (engine.requirements.constraints)
# comparator -> the phrases that put it before a value ("not less than 18 ft", "shall not exceed 5 percent"),
# label notation, tried in this order (GO 95 Rule 37, GO 128 Rule 17, NESC 232 wording)
COMPARATORS: dict[str, tuple[str, ...]] = {
    ">=": (
        "not less than",
        "nor less than",
        "(not|no|nor) fewer than",
        "no less than",
        "at least",
        "minimum [of]",
        "min.",
        "not smaller than",
        "no smaller than",
        "or more",
        "or greater",
        "or larger",
        "greater than or equal to",
        "≥",
        ">=",
        "rated (for|at)",
        "not [to] be less than",
        "no shallower than",
        "not shallower than",
        "(no|not) closer than",
        "(no|not) nearer than",
        "(no|not) (shorter|lower) than",
        "(no|not) thinner than",
        "[be] reduced to",  # "may be reduced to 14 feet": the reduced value is the new minimum
    ),
    "<=": (
        "shall not exceed",
        "nor more than",
        "nor exceed[ing]",
        "not to exceed",
        "not exceed[ing]",
        "does not exceed",
        "do not exceed",
        "no more than",
        "not more than",
        "maximum [of]",
        "max.",
        "not greater than",
        "no greater than",
        "not larger than",
        "no larger than",
        "up to",
        "or less",
        "within",
        "≤",
        "<=",
        "less than or equal to",
        "not [to] be more than",
        "(no|not) (farther|further|longer|deeper|higher) than",
        "not (change|vary|deviate|differ|shift) by more than",  # GO 95 Rule 93: "does not change by more than 90"
    ),
    ">": (
        "exceed[s]",
        "exceeding",
        "more than",
        "greater than",
        "over",
        "above",
        "(larger|deeper|longer|taller|higher|wider|heavier|bigger|farther|further) than",
        ">",
    ),
    "<": (
        "less than",
        "fewer than",
        "below",
        "under",
        "(smaller|shallower|shorter|lower|narrower|lighter|closer|nearer) than",
        "<",
    ),
}
# comparator words that count only right before a number ("over 750 V", not "over the road")
BEFORE_NUMBER_ONLY: tuple[str, ...] = ("over", "above", "below", "under")
# comparative words after "or"/"and" behind a value ("75 kVA or larger", "50 kVA and smaller")
COMPARATIVES_AFTER: dict[str, tuple[str, ...]] = {
    ">=": (
        "more",
        "greater",
        "larger",
        "higher",
        "heavier",
        "above",
        "over",
        "longer",
        "deeper",
        "taller",
        "wider",
    ),
    "<=": ("less", "fewer", "smaller", "lower", "below", "under", "shorter", "shallower", "narrower"),
}
# the "or less" of the value before, cut off before a value's own comparator is sought ("50 kVA or less may
# be 1.5 m"); a narrower list than COMPARATIVES_AFTER (widening it changes which comparator a value takes)
PREVIOUS_VALUE_COMPARATIVES: tuple[str, ...] = (
    "more",
    "less",
    "fewer",
    "greater",
    "larger",
    "smaller",
    "higher",
    "lower",
    "heavier",
    "above",
    "below",
    "over",
    "under",
)
# a table row's value range by the words after its value ("#2 AWG and smaller", "750 V and over")
ROW_KEY_COMPARATIVES: dict[str, tuple[str, ...]] = {
    "<=": ("smaller", "less", "below", "under", "lower", "fewer"),
    ">=": ("larger", "more", "above", "over", "greater", "higher"),
}


def comparator_pattern(comparator: str) -> str:
    """The phrases of ``COMPARATORS[comparator]`` (``">="``, ``"<="``, ``">"``, ``"<"``) as one alternation in
    their order; a word of ``BEFORE_NUMBER_ONLY`` followed by a space and a digit. Raises ``KeyError`` for
    another comparator."""
    return "|".join(
        label_pattern(p) + (r"\s+(?=\d)" if p in BEFORE_NUMBER_ONLY else "") for p in COMPARATORS[comparator]
    )


# ---------------------------------------------------------------- audits (engine.audit.patterns)
# the words that lead a go-back finding ("Go-back #3:", "Deficiency 2 -", "NCR 4:", "QC finding:"), label
# notation, tried in this order
INFRACTION_LEADS: tuple[str, ...] = (
    "go-back [infraction|item|finding|issue]",
    "deficiency",
    "infraction",
    "violation",
    "discrepancy",
    "defect",
    "non-conformance",
    "non-conformity",
    "non-conforming item",
    "nonconformance",
    "non-compliance",
    "[qa|qc|audit|field|inspection] finding",
    "punch-list item",
    "item",
    "correction required",
    "observation",
)
# id prefixes of findings ("NCI-01", "NCR #12", "DEF 3")
ID_PREFIXES: frozenset[str] = frozenset(
    {"NCI", "NCR", "NC", "DEF", "GB", "INF", "FND", "DEV", "VIO", "CAR", "DR", "NCF"}
)
# the field labels of a finding block ("Location:", "Required correction:", "Pole No.:"), label notation
FINDING_FIELDS: tuple[str, ...] = (
    "location",
    "issue",
    "status",
    "required correction",
    "corrective action [required]",
    "required action",
    "action required",
    "correction",
    "description",
    "finding",
    "condition",
    "observation",
    "problem",
    "detail[s]",
    "deficiency",
    "violation",
    "discrepancy",
    "defect",
    "non-conformance",
    "remedy",
    "resolution",
    "action",
    "measured value",
    "required value",
    "actual",
    "specified",
    "spec[ification] [reference]",
    "reference",
    "standard",
    "requirement",
    "severity",
    "category",
    "priority",
    "pole [number|no.|#]",
    "structure",
    "equipment",
    "photo[s]",
    "due date",
    "measured",
    "required",
    "title",
    "subject",
    "type",
    "deadline",
)
# fields (their keys: the label in lower case, spaces as "_") whose value is the finding's own description
ISSUE_FIELDS: tuple[str, ...] = (
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
# fields (keys) that ask the crew to correct something: a "Finding:" with one of these is a go-back in any part of
# the report ("Finding: ... / Corrective action: Assign a second trained employee")
ACTION_FIELDS: tuple[str, ...] = (
    "corrective_action",
    "corrective_action_required",
    "required_correction",
    "required_action",
    "action_required",
    "correction",
    "remedy",
)
# fields whose measured / required values are added to the description so the verdict can read them
VALUE_FIELDS: tuple[str, ...] = (
    "measured",
    "measured_value",
    "actual",
    "required",
    "required_value",
    "specified",
)

# ---------------------------------------------------------------- dimensions (engine.requirements.constraints)
# a noun naming the dimension a finding measured -> the adjective a limit uses for it ("inside height ... 4 ft 8 in"
# is judged by "5 feet high", not by "4 feet" of the inside width)
DIMENSION_NOUNS: dict[str, str] = {
    "height": "high",
    "width": "wide",
    "depth": "deep",
    "length": "long",
    "thickness": "thick",
}

# ---------------------------------------------------------------- audit header (engine.audit.metadata)
# field -> the label spellings real audit forms use, label notation ("PM #", "Order/PM No.", "Work Order
# Number", "QC Inspector"). Longer spellings are tried first.
_NUMBER = "number|num.|no.|#"  # "PM Number", "PM Num.", "PM No.", "PM #"
HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "pm_number": (
        f"order / pm~[{_NUMBER}]",
        f"pm / order~[{_NUMBER}]",
        f"pm~({_NUMBER})",
        "pm",
        "project maintenance~[number|no.|#]",
        "work order~[number|no.|#]",
        "order~(number|no.|#)",
    ),
    "notification_number": (f"notification~[{_NUMBER}]", f"notif.~[{_NUMBER}]"),
    "location": (
        "(job|work|site|project) location",
        "location",
        "(job|site|work) address",
        "address",
        "job site",
        "site",
    ),
    "contractor": (
        "[construction] contractor [name]",
        "contractor / crew",
        "crew / contractor",
        "contracting company",
    ),
    "foreman": ("(crew|general) foreman [name]", "foreman [name]", "crew lead[er]"),
    "auditor": (
        "(qa|qc) (auditor|inspector|reviewer)",
        "auditor [name]",
        "inspector [name]",
        "reviewer [name]",
        "[safety|field] observer [name]",
        "audited by",
        "inspected by",
        "reviewed by",
    ),
    "audit_date": (
        "(audit|inspection|review) date",
        "date of (audit|inspection|review)",
        "date (audited|inspected|performed)",
        "(audit|inspection) performed [on]",
        "date",
    ),
    "score": (
        "(overall|total|audit|final|qa|qc|review|inspection|visit|day) score",
        "score",
        "[audit] result",
        "(review|day|audit|inspection) rating",
    ),
}
# labels of header cells outside HEADER_LABELS: they end the value before them ("Foreman: D. Haskins
# QC reviewer: ..."), label notation
OTHER_HEADER_LABELS: tuple[str, ...] = (
    "crew [size|no.|number|#|id]",
    "phone",
    "tel[ephone]",
    "cell",
    "mobile",
    "e[-]mail",
    "fax",
    "supervisor",
    "[field] engineer",
    "designer",
    "planner",
    "circuit",
    "feeder",
    "substation",
    "district",
    "division",
    "region",
    "county",
    "[start|end] time",
    "weather",
    "temperature",
    "truck [no.|#]",
    "vehicle",
    "sheet",
    "page",
    "(job|work) type",
    "status",
    "comment[s]",
    "remarks",
    "note[s]",
    "signature",
    "signed [by]",
    "(approved|prepared|checked|verified) by",
    "witness",
    "permit [no.|#]",
    "ref[erence]",
    "zone",
)

# ---------------------------------------------------------------- values with units (engine.quantities)
# pint unit -> (kind, the spellings that name it, matched case-insensitively); a final "." marks an
# abbreviation that may take a period ("ft.", "in.", "deg.")
UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "foot": ("length", ("ft.", "feet", "foot", "'", "’")),
    "inch": ("length", ("in.", "inch", "inches", '"', "”", "″")),
    "meter": ("length", ("m", "meter", "meters", "metre", "metres")),
    "millimeter": ("length", ("mm", "millimeter", "millimeters", "millimetre", "millimetres")),
    "centimeter": ("length", ("cm", "centimeter", "centimeters", "centimetre", "centimetres")),
    "mile": ("length", ("mi", "mile", "miles")),
    "yard": ("length", ("yd", "yard", "yards")),
    "volt": ("voltage", ("v", "volt", "volts", "vac", "vdc")),
    "kilovolt": ("voltage", ("kv", "kilovolt", "kilovolts")),
    "ohm": ("resistance", ("ohm", "ohms", "Ω", "ω")),
    "megaohm": ("resistance", ("megohm", "megohms", "mΩ", "megaohm", "megaohms")),
    "kilovolt_ampere": (
        "power",
        ("kva", "kilovolt-ampere", "kilovolt-amperes", "kilovolt ampere", "kilovolt amperes"),
    ),
    "megavolt_ampere": (
        "power",
        ("mva", "megavolt-ampere", "megavolt-amperes", "megavolt ampere", "megavolt amperes"),
    ),
    "kilowatt": ("power", ("kw",)),
    "ampere": ("current", ("a", "amp", "amps", "ampere", "amperes")),
    "degree": ("angle", ("degree", "degrees", "deg.", "°")),
    "day": ("time", ("day", "days", "calendar day", "calendar days")),
    "business_day": ("time", ("business day", "business days", "working day", "working days")),
    "hour": ("time", ("hour", "hours", "hr", "hrs")),
    "minute": ("time", ("minute", "minutes")),
    "year": ("time", ("year", "years", "yr", "yrs")),
    "month": ("time", ("month", "months")),
    "percent": ("percent", ("%", "percent", "per cent")),
    "pound": ("force", ("lb", "lbs", "pound", "pounds")),
    # stress (a wood or steel strength, GO 95 Rule 48): "6,300 psi", "lbs per square inch"
    "psi": (
        "stress",
        (
            "psi",
            "lb/sq in",
            "lb/in2",
            "lbs per square inch",
            "lb per square inch",
            "pounds per square inch",
            "lbs per sq in",
            "lbs. per sq. in.",
            "lbs per sq. in.",
            "lb per sq. in.",
            "pounds per sq. in.",
            "lb per sq in",
            "lb/in²",
            "pounds per sq in",
        ),
    ),
    "ksi": ("stress", ("ksi",)),
    "mile/hour": ("speed", ("mph",)),
    # arc incident energy (29 CFR 1910.269(l)(8)), written per area: "4 cal/cm2"
    "calorie": ("energy", ("cal", "calorie", "calories")),
}
# conductor sizes in thousands of circular mils ("336.4 MCM", "500 kcmil")
KCMIL_UNITS: tuple[str, ...] = ("kcmil", "mcm")
# words after a "#n" that make it a wire size ("#4 solid", "#6 Cu"), not an item number
WIRE_WORDS: tuple[str, ...] = (
    "solid",
    "stranded",
    "str",
    "bare",
    "cu",
    "copper",
    "al",
    "aluminum",
    "aluminium",
    "acsr",
    "aac",
    "aaac",
    "wire",
    "conductor",
    "ground",
    "thhn",
    "tw",
    "xhhw",
)
# numbers written as words ("two ground rods", "fifteen (15) business days"), one to twenty in order
NUMBER_WORDS: tuple[str, ...] = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
# words after a number that are not the things counted ("6 feet", "2 and")
NOT_COUNTED: frozenset[str] = frozenset(
    """and or of to in on at the for from with by per than was were are is has have had times percent
    business calendar working days feet inches degrees ohms volts years months hours minutes""".split()
)
# words before a number that make it a label, not a count ("Tier 3 lids", "Class 2 poles", "GO 95"), label
# notation
COUNT_LABELS: tuple[str, ...] = (
    "tier",
    "class",
    "type",
    "grade",
    "zone",
    "size",
    "no",
    "number",
    "rev",
    "rule",
    "table",
    "section",
    "figure",
    "item",
    "step",
    "schedule",
    "sch",
    "phase",
    "circuit",
    "lot",
    "unit",
    "order",
    "go",
    "g.o",
    "bulletin",
    "resolution",
    "decision",
    "appendix",
    "exhibit",
    "part",
    "subpart",
    "article",
    # a standard's designation ("UL 651 conduit", "ANSI C80.1", "NEMA 3R"), and an article naming things already
    # counted ("the two materials have the same outside diameters")
    "ul",
    "ansi",
    "astm",
    "nema",
    "ieee",
    "csa",
    "nfpa",
    "the",
    "these",
    "those",
)

# ---------------------------------------------------------------- spec tables (engine.spec)
# the unit tokens after a number in a spec's table row or running header ("20 ft", "#4 AWG"), label notation;
# a row's value cells end at them
SPEC_UNIT_TOKENS: tuple[str, ...] = (
    "ft.",
    "feet",
    "foot",
    "in.",
    "inch",
    "inches",
    "mm",
    "cm",
    "m",
    "km",
    "mi",
    "yd",
    "kv",
    "v",
    "volt[s]",
    "kva",
    "mva",
    "kw",
    "a",
    "amp[s]",
    "ohm[s]",
    "Ω",
    "lb[s]",
    "kg",
    "n",
    "psi",
    "degree[s]",
    "deg",
    "°f",
    "°c",
    "f",
    "c",
    "%",
    "awg",
    "kcmil",
    "mcm",
    "day[s]",
    "hour[s]",
    "hr[s]",
    "min",
    "year[s]",
    "mph",
    "sq",
)
# the unit of a case-by-column table's cell ("19 in", "25 ft"), label notation
CELL_UNITS: tuple[str, ...] = (
    "in.",
    "inches",
    "inch",
    "ft.",
    "feet",
    "foot",
    "m",
    "mm",
    "cm",
    "%",
    "percent",
)
# column headings that name a value column ("Minimum", "Max.", "Clearance"), label notation
COLUMN_HINTS: tuple[str, ...] = (
    "min[imum].",
    "max[imum].",
    "nominal",
    "required",
    "primary",
    "secondary",
    "typical",
    "allowable",
    "rated",
    "rating",
    "size",
    "depth",
    "clearance",
    "value",
    "voltage",
    "class",
    "type",
    "spacing",
    "distance",
    "length",
    "width",
)
# the words that label a document's number in its title block ("Document No. TD-7001M", "Spec 035010"),
# label notation
DOCUMENT_LABELS: tuple[str, ...] = (
    "document",
    "doc",
    "standard",
    "std",
    "spec[ification]",
    "drawing",
    "dwg",
    "procedure",
    "bulletin",
    "guideline",
    "manual",
)
