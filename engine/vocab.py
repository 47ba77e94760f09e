"""The engine's domain words, as data. Plain Python, no Django.

Every word list the engine matches lives here; the regular expressions that find them are built from these
lists once, at import (``phrase_pattern``), so a word added to a list is found everywhere that list is used,
including the quick pre-filter of ``engine.requirements.applicability``. docs/architecture.md ("Extending")
says how to add a word.

Sources: GO 95 Rules 20-22 and 54 (places, wire classes, districts), GO 128 (surfaces over duct banks),
PG&E TD-7001M (service drops, driveways), and common utility construction usage.
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
    ("hold down", "secur", False),
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
    "fasten": "secur",
    "fastened": "secur",
    "anchored": "secur",
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
    "rais": "elevat",
    "raised": "elevat",
    "raise": "elevat",
    "kcmil": "mcm",
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
