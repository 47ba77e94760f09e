"""Tables whose value columns are named by voltage ranges written in words ("300 volts or less", "Over 300
volts", "Systems of more than 600 V"), as Cal. Code Regs. Title 8 §2375.7 tabulates horizontal climbing space
(24 in for power conductors alone at 300 V or less, 30 in over 300 V or below communication conductors). The
header is one line of words, a row label wraps onto the next line, and a finding names its circuit "120/240 V"
or "277/480 V" (real-standards issue, class 3)."""

from __future__ import annotations

from engine import Library, decide
from engine.spec.parsing import parse_spec
from tests.spec_library import library_of

CLIMBING = """Electrical Safety Orders (library excerpt)
Document ESO-2375
Revision 1
2375.7 Conductors on Poles.
Conductors supported on poles shall provide a horizontal climbing space of not less than the following table.
Table 2375.7 - Minimum horizontal climbing space on poles
Arrangement of conductors on the pole 300 volts or less Over 300 volts
(a) Power conductors below communication conductors 30 in. (762 mm) 30 in. (762 mm)
(b) Power conductors alone or above communication
conductors 24 in. (610 mm) 30 in. (762 mm)
"""

DEPTH = """Underground Orders (library excerpt)
Document UGO-30
Revision 1
30.2 Depth of cable.
Table 30.2 - Depth of direct-buried cable by system voltage
Case Cable installation Systems of more than 600 V
1 Direct buried cable, at least 36 in
"""


def _library(*texts: str) -> Library:
    return library_of(*(([text], f"spec-{i}.pdf") for i, text in enumerate(texts)))


def test_a_header_of_voltage_ranges_in_words_names_the_value_columns():
    spec = parse_spec([CLIMBING], "climbing.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row"]
    assert [r.data["columns"] for r in rows] == [
        ["Arrangement of conductors on the pole", "300 volts or less", "Over 300 volts"]
    ] * 2
    # the wrapped label "(b) ... communication" / "conductors 24 in. ..." is one row
    assert rows[1].data["cells"] == [
        "(b) Power conductors alone or above communication conductors",
        "24 in. (610 mm)",
        "30 in. (762 mm)",
    ]


def test_the_column_is_chosen_by_the_circuit_voltage():
    lib = _library(CLIMBING)
    high = decide(
        "Climbing space on pole 7 (277/480 V power conductors below communication) measured 26 in.", {}, lib
    )
    assert high.verdict == "VALID", high.reason
    assert "30 in" in high.reason and "Over 300 volts" in high.reason
    low = decide(
        "Climbing space on pole 9 (120/240 V power conductors below communication) measured 28 in.", {}, lib
    )
    assert low.verdict == "VALID", low.reason
    assert "300 volts or less" in low.reason


def test_a_circuit_outside_every_voltage_column_is_not_governed_by_the_table():
    lib = _library(DEPTH)
    d = decide("480 V feeder cable direct buried at 26 in depth; inspector requires 36 in.", {}, lib)
    assert d.verdict == "REPEALABLE", d.reason
    assert "480 V" in d.reason and "does not govern" in d.reason
    hv = decide("12 kV direct buried cable at 26 in depth.", {}, lib)
    assert hv.verdict == "VALID", hv.reason
