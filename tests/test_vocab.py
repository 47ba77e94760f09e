"""The engine's words are data (engine/vocab.py) and its patterns are built from them once, at import: a word
added to a list is found by every pattern built from that list, with no second copy to update.

One fresh interpreter loads ``engine.vocab``, adds a made-up word to each list, then imports the engine (which
builds its patterns from the lists as they are now) and reads each word back through every pattern and
function built from its list. No Django.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from engine.vocab import label_pattern

ROOT = pathlib.Path(__file__).resolve().parent.parent

# each made-up word added to its list, before anything else of the engine is imported
_ADD = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("engine.vocab", "engine/vocab.py")
v = importlib.util.module_from_spec(spec)
sys.modules["engine.vocab"] = v
spec.loader.exec_module(v)
v.COMPARATORS[">="] += ("no skimpier than",)
v.COMPARATORS[">"] += ("loftier than",)
v.COMPARATIVES_AFTER[">="] += ("beefier",)
v.PREVIOUS_VALUE_COMPARATIVES += ("beefier",)
v.ROW_KEY_COMPARATIVES[">="] += ("beefier",)
v.INFRACTION_LEADS += ("snag",)
v.ID_PREFIXES |= {"SNG"}
v.FINDING_FIELDS += ("hazard",)
v.HEADER_LABELS["pm_number"] += ("job ticket~[number|no.|#]",)
v.OTHER_HEADER_LABELS += ("lineman",)
v.UNITS["foot"] = ("length", v.UNITS["foot"][1] + ("foots",))
v.UNITS["degree"] = ("angle", v.UNITS["degree"][1] + ("degs.",))
v.WIRE_WORDS += ("tinned",)
v.NUMBER_WORDS += ("twentyone",)
v.COUNT_LABELS += ("lane",)
v.SPEC_UNIT_TOKENS += ("furlong[s]",)
v.CELL_UNITS += ("yd",)
v.COLUMN_HINTS += ("gap",)
v.DOCUMENT_LABELS += ("directive",)
v.SURFACES["pedestrian"] += ("skate path",)
v.FLAGS["hftd"] += ("red flag area",)
"""

# check name -> expression that is true when the word is found (run after _ADD and ``import engine``)
CHECKS = {
    # comparators: engine.requirements.constraints
    "comparator before a value": 'c.comparator_before("cover no skimpier than ") == (">=", 1)',
    "comparator pattern": 'c._CMP_BEFORE.search("no skimpier than 3").group("ge") is not None',
    "comparator in a limit list": 'c._NEXT_LIMIT.search("12 inches when paralleling and no skimpier than ")',
    "comparator in a constraint": (
        'c.parse_constraints("The cover shall be no skimpier than 30 inches.")[0].comparator == ">="'
    ),
    "strict comparator in a rule's subject": (
        'c._subject_condition("Backfill free of rocks loftier than 2 in shall be used.",'
        ' q.find_quantities("Backfill free of rocks loftier than 2 in shall be used.")[0]) == "prohibited"'
    ),
    "comparative after a value": 'c._CMP_AFTER.match(" or beefier").group("ge") is not None',
    "comparative of the value before": 'c._AFTER_FORM.match(" or beefier")',
    "comparative of a row key": 'c.row_key("#2 AWG and beefier").hi == float("inf")',
    # audits: engine.audit.patterns, engine.audit.detection
    "lead label": 'p.LEAD.match("Snag 1: Pole tag missing").group("label") == "Snag"',
    "lead label before a colon number": 'p.NUM_AFTER_COLON.match("Snag: 3")',
    "lead label in detection": (
        'len(d.detect_infractions(["Snag 1: Pole tag missing at pole 7.\\nSnag 2: Guy guard missing at pole 9."])[0])'
        " == 2"
    ),
    "id prefix": 'p.SPACED_ID_LEAD.match("SNG 4: Guy guard missing")',
    "finding field": 'p.FIELD.match("Hazard: exposed conductor").group("key") == "Hazard"',
    # audit header: engine.audit.metadata
    "header label at a line start": 'm.extract_metadata(["Job Ticket No. 30412345"]).pm_number == "30412345"',
    "header label inside a line": (
        'm.extract_metadata(["Date: 2024-03-05   Job Ticket: 30412345"]).pm_number == "30412345"'
    ),
    "header label in a label row": (
        'm.extract_metadata(["Job Ticket    Auditor\\n30412345    J. Ruiz"]).pm_number == "30412345"'
    ),
    "header label ends the value before it": (
        'm.extract_metadata(["Location: 12 Main St Job Ticket: 30412345"]).location == "12 Main St"'
    ),
    "other header label ends the value before it": (
        'm.extract_metadata(["Foreman: D. Haskins Lineman: J. Doe"]).foreman == "D. Haskins"'
    ),
    # values with units: engine.quantities
    "unit spelling": '[(x.kind, x.magnitude) for x in q.find_quantities("6 foots")] == [("length", 6.0)]',
    "unit spelling in feet and inches": '[x.text for x in q.find_quantities("6 foots 2 in")] == ["6 foots 2 in"]',
    "unit spelling of a temperature": '[x.kind for x in q.find_quantities("60 degs. F")] == ["temperature"]',
    "wire word": '[x.kind for x in q.find_quantities("#6 tinned")] == ["conductor_size"]',
    "number word counts": '[x.magnitude for x in q.find_quantities("twentyone bolts")] == [21.0]',
    "number word before a value": '[x.count for x in q.find_quantities("twentyone 90-degree bends")] == [21]',
    "count label": 'q.find_quantities("Lane 3 poles") == []',
    # spec tables: engine.spec
    "unit token of a table row": 'sp.UNIT_TOKEN.match("furlongs") and sp.has_quantity("Span 30 furlongs")',
    "cell unit of a grid": 'g._CELL_UNIT.match("yd")',
    "column hint": 'sp.COLUMN_HINT.match("Gap")',
    "document label": 'sp.NUMBER_LABELLED.search("Directive No. TD-1234").group("num") == "TD-1234"',
    # applicability (phrases): engine.requirements.applicability, pre-filter included
    "surface word": 'a.applicability("clearance over a skate path") == {"surface": {"pedestrian"}}',
    "flag word": 'a.applicability("poles in a red flag area") == {"hftd": True}',
}

_RUN = """
import engine
mod = sys.modules
d, m, p = mod["engine.audit.detection"], mod["engine.audit.metadata"], mod["engine.audit.patterns"]
q, a = mod["engine.quantities"], mod["engine.requirements.applicability"]
c, g, sp = mod["engine.requirements.constraints"], mod["engine.spec.grid"], mod["engine.spec.patterns"]
checks = json.loads(sys.argv[1])
print(json.dumps({name: bool(eval(expr)) for name, expr in checks.items()}))
"""


@pytest.fixture(scope="module")
def found() -> dict[str, bool]:
    out = subprocess.run(
        [sys.executable, "-c", _ADD + _RUN, json.dumps(CHECKS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, bool] = json.loads(out.stdout)
    return result


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_a_word_added_to_a_list_is_found_by_every_pattern_built_from_it(found: dict[str, bool], check: str):
    assert found[check], f"{check}: {CHECKS[check]}"


def test_the_words_are_not_found_without_being_added():
    """The made-up words are no words of the engine as it ships (so the checks above test the additions)."""
    from engine.audit.metadata import extract_metadata
    from engine.quantities import find_quantities
    from engine.requirements.constraints import comparator_before

    assert comparator_before("cover no skimpier than ") == (None, 10**6)
    assert [x.kind for x in find_quantities("6 foots")] == ["count:foot"]
    assert extract_metadata(["Job Ticket No. 30412345"]).pm_number == ""


@pytest.mark.parametrize(
    ("term", "pattern"),
    [
        ("minimum [of]", r"minimum(?:\s+of)?"),
        ("(not|no|nor) fewer than", r"(?:not|no|nor)\s+fewer\s+than"),
        ("not [to] be less than", r"not\s+(?:to\s+)?be\s+less\s+than"),
        ("exceed[s]", r"exceeds?"),
        ("order / pm~[number|num.|no.|#]", r"order\s*/\s*pm\s*(?:number|num\.?|no\.?|#)?"),
        ("[construction] contractor [name]", r"(?:construction\s+)?contractor(?:\s+name)?"),
        ("go-back [infraction|item]", r"go[- ]?back(?:\s+(?:infraction|item))?"),
        ("spec[ification] [reference]", r"spec(?:ification)?(?:\s+reference)?"),
        ("g.o", r"g\.o"),
    ],
)
def test_label_notation(term: str, pattern: str):
    """The label notation of engine/vocab.py and the regular expression it stands for."""
    assert label_pattern(term) == pattern


def test_a_harness_is_a_personal_fall_arrest_system():
    # realtext-rus2 EX-3: the finding says "harness", 29 CFR 1910.269(g)(2) says "personal fall arrest system"
    from engine.retrieval import tokenize

    assert "fallarrest" in tokenize("wore a full body harness") and "fallarrest" in tokenize(
        "a personal fall arrest system"
    )


def test_crews_names_for_mechanical_equipment_and_its_observer():
    # realtext-osha OS-3: "No designated observer while the digger derrick set pole 6611" did not reach 29 CFR
    # 1910.269(p)(4) ("A designated employee ... shall observe the approach distance" of mechanical equipment)
    from engine.retrieval import tokenize

    finding = set(tokenize("No designated observer while the digger derrick set pole 6611"))
    rule = set(tokenize("a designated employee shall observe the approach distance of mechanical equipment"))
    assert {"observe", "mechanicalequipment"} <= finding & rule


def test_a_padlock_is_a_lock_and_bolted_down_is_secured():
    # realtext-go7 RB-4: "the padlock is missing" and "not bolted to the pad" did not reach GO 128 Rule 34.3-C
    # ("secured ... by locks") and 34.3-A ("secured in place")
    from engine.retrieval import tokenize

    assert "lock" in tokenize("the padlock is missing")
    assert "secure" in tokenize("transformer case is not bolted to the pad")
