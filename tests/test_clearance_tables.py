"""Case-by-column clearance tables (GO 95 Rule 37, Table 1) read as a PDF gives them: one wrapped cell line per
text line, the header row repeated after a page break, lettered notes after the last case (the
real-standards issue, classes 3 and 4). Values restate GO 95 Table 1, Cases 1-6 (feet)."""

from __future__ import annotations

from engine import Library, decide
from engine.spec.parsing import parse_spec
from tests.spec_library import library_of

HEADER = """Case
No.
Nature of clearance
Column A -
Span wires,
overhead guys and
messengers
Column B -
Communication
conductors and
service drops;
supply service
drops 0 - 750 V
Column C
- Trolley
contact wires
0 - 5,000 V
Column D -
Supply
conductors 0
- 750 V and cables
treated as in
Rule 57.8
Column E -
Supply
conductors
750 -
22,500 V
Column F -
Supply
conductors
22,500 -
300,000 V"""

RULES = (
    """General Order 95 - Overhead Line Rules
Document GO-95-Sections-III-IV
Revision 2
37  Minimum Clearances of Wires above Railroads, Thoroughfares, Buildings, Etc.
The clearances of Table 1 are the basic minimum vertical clearances and apply at 60 degrees F and no wind.
The clearances of Table 1 shall in no case be reduced more than 5 percent because of temperature and loading.
Table 1 - Basic Minimum Allowable Vertical Clearance of Wires above Railroads, Thoroughfares, Ground or
Structures (values in feet)
"""
    + HEADER
    + """
1
Crossing above tracks of
railroads which transport
freight cars
25 25 22 25 28 34
2
Crossing or paralleling above
tracks of railroads operated by
overhead trolleys
26 26 19 27 30 34
3
Crossing or along
thoroughfares in urban
districts, or crossing
thoroughfares in rural districts
18 (j) 18 (j) (l) 19 20 25 30
4
Above ground along
thoroughfares in rural districts,
or across other areas capable
of being traversed by vehicles
15 15 19 16 25 30
5
Above ground in areas
accessible to pedestrians only
7 10 (m) 19 12 17 25
""",
    "General Order 95 - Overhead Line Rules\n"
    + HEADER
    + """
6
Vertical clearance above
buildings and other structures
on which persons can walk
8 8 8 8 12 12
Notes to Table 1 (modifications referred to by letter):
(j) Column A: guys over an entrance to private residential premises may have the reduced clearances of
Rule 56.4-A1. Column B: service drops over public thoroughfares may grade toward the curb line as
permitted by Rule 54.8-B(1).
(l) Supply service drops over private driveways and other private property accessible to vehicles: see
Rule 54.8-B(2).
(m) Communication service drops: see Rule 84.8.

38  Minimum Clearances of Wires from Other Wires
The clearances between wires are those of Table 2 [not reproduced in this excerpt].
""",
)

SERVICE_DROPS = """General Order 95 - Overhead Line Rules
Document GO-95-Section-V
Revision 2
54.8  Service Drops, 0 - 750 Volts
54.8-B  Clearances above Ground, Buildings, Etc.
Vertical clearances of service drops shall be not less than those of Table 1, Column B, with these modifications:
(1) Above Public Thoroughfares: not less than 18 feet. The clearance may grade from 18 feet, at a point not more
than 12 feet horizontally from the curb line, down to not less than 16 feet at the curb line.
(2) Above Private Thoroughfares and Other Private Property:
a) Industrial or Commercial Premises: over private driveways on commercial premises, not less than 16 feet.
b) Residential Premises: over private driveways on premises used for residential purposes only, not less than
12 feet.
"""


def _library() -> Library:
    return library_of((list(RULES), "rules.pdf"), ([SERVICE_DROPS], "drops.pdf"))


def test_cases_and_columns_are_read_across_the_page_break():
    spec = parse_spec(list(RULES), "rules.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row"]
    assert [r.data["grid"]["case"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert all(r.section == "37" for r in rows)
    case3 = rows[2]
    assert case3.data["cells"][5] == "25 ft"  # Column E
    assert case3.data["grid"]["notes"][0] == ["j"] and case3.data["grid"]["notes"][1] == ["j", "l"]
    assert case3.data["columns"][5].startswith("Column E - Supply conductors 750 - 22,500 V")
    assert rows[5].page == 2 and rows[5].data["cells"][6] == "12 ft"
    notes = {c.data["note"]: c for c in spec.clauses if c.kind == "note" and c.data.get("note")}
    assert set(notes) == {"j", "l", "m"} and "Rule 54.8-B(2)" in notes["l"].text
    # header cells ("Rule 57.8" in Column D's heading) are not rules of their own
    assert {c.section for c in spec.clauses} == {"37", "38"}


def test_the_verdict_names_the_cell_it_used():
    d = decide(
        "12 kV primary crossing Harmon St (urban district) measured 23 ft 4 in above the street.",
        {},
        _library(),
    )
    assert d.verdict == "VALID"
    assert "Case 3, Column E" in d.reason and "25 ft" in d.reason and "23 ft 4 in" in d.reason
    assert (d.citations[0]["document"], d.citations[0]["section"]) == ("GO-95-Sections-III-IV", "37")


def test_the_column_follows_the_wire_class_and_its_voltage():
    lib = _library()
    drop = decide(
        "120/240 V service drop over the side yard, accessible to pedestrians only, measured 10 ft 5 in; "
        "auditor requires 12 ft.",
        {},
        lib,
    )
    assert drop.verdict == "REPEALABLE" and "Case 5, Column B" in drop.reason and "10 ft" in drop.reason
    sub = decide("60 kV subtransmission line over a pedestrian-only path measured 24 ft.", {}, lib)
    assert sub.verdict == "VALID" and "Case 5, Column F" in sub.reason


def test_the_case_follows_what_the_wire_passes_over():
    d = decide(
        "12 kV primary over the flat, walkable roof of the garage measured 12 ft 7 in; auditor requires 17 ft.",
        {},
        _library(),
    )
    assert d.verdict == "REPEALABLE" and "Case 6, Column E" in d.reason


def test_the_rule_allows_five_percent_for_temperature_and_loading():
    lib = _library()
    hot = decide(
        "12 kV primary crossing Pine St in the urban district measured 24 ft 1 in at 101 degrees F with the "
        "circuit at peak load; auditor requires 25 ft.",
        {},
        lib,
    )
    assert hot.verdict == "REPEALABLE" and "23 ft 9 in" in hot.reason and "5 percent" in hot.reason
    basis = decide("12 kV primary crossing Pine St in the urban district measured 24 ft 1 in.", {}, lib)
    assert basis.verdict == "VALID"


def test_a_cell_note_sends_the_wire_to_the_rule_that_modifies_the_table():
    d = decide(
        "Service drop over the private driveway of the single-family residence measured 12 ft 5 in; auditor "
        "requires 16 ft.",
        {},
        _library(),
    )
    assert d.verdict == "REPEALABLE"
    assert (d.citations[0]["document"], d.citations[0]["section"]) == ("GO-95-Section-V", "54.8-B")
    assert "12 feet" in d.reason


def test_a_table_or_case_the_library_does_not_reproduce_is_needs_review():
    lib = _library()
    case14 = decide(
        "12 kV primary measured 3 ft radial clearance to oak foliage; Table 1, Case 14 requires 4 ft.",
        {},
        lib,
    )
    assert case14.verdict == "NEEDS_REVIEW" and "Table 1, Case 14" in case14.reason
    table2 = decide(
        "Vertical separation between the 12 kV crossarm and the communication cable measured 44 in; Table 2 requires 48 in.",
        {},
        lib,
    )
    assert table2.verdict == "NEEDS_REVIEW" and "Table 2" in table2.reason
    held = decide("12 kV primary crossing Harmon St measured 23 ft; Table 1, Case 3 requires 25 ft.", {}, lib)
    assert "does not hold" not in held.reason


def test_a_note_applies_on_its_own_words_not_those_of_its_column():
    """Note (m) is about communication service drops: a supply service drop in a pedestrian area keeps the
    Column B value instead of being sent to the communication rule the library does not hold."""
    d = decide(
        "Service drop over the side yard, accessible to pedestrians only, measured 10 ft 5 in; auditor requires 12 ft.",
        {},
        _library(),
    )
    assert d.verdict == "REPEALABLE" and "Case 5, Column B" in d.reason


def test_a_limit_qualified_like_the_measurement_is_the_one_compared():
    """54.8-B(1): 16 ft at the curb line, not the 12 ft horizontal distance from it."""
    d = decide(
        "Service drop measured 16 ft 4 in at the curb line and 18 ft 1 in at the street centerline; auditor "
        "requires 18 ft across the whole street.",
        {},
        _library(),
    )
    assert d.verdict == "REPEALABLE" and "16 feet" in d.reason
    worded = decide(
        "Service drop measured 16 ft 7 in above the gutter at the curb line and 18 ft 3 in at the street "
        "centerline; auditor requires 18 ft.",
        {},
        _library(),
    )
    assert worded.verdict == "REPEALABLE", "the place words may come after a few others"


WIRES = [
    """General Order 95 - Overhead Line Rules
Document GO-95-Wires
Revision 1
38  Minimum Clearances of Wires from Other Wires
The clearance of a wire from another wire shall be not less than the value of Table 2, based on 60 degrees F.
The clearances of Table 2 shall in no case be reduced more than 10 percent because of temperature and loading.
Table 2 - Clearance of Wires from Other Wires at Crossings (all clearances in inches)
Case
No.
Nature of clearance /
wire concerned
A
Span
wires,
guys, mes-
sengers
B
Commu-
nication
conductors
C
Supply
0-
750 V
D
Supply
7,500-
20,000 V
1 Span wires, guys and messengers (b) 18 24 (e) 24 36
2 Communication conductors 24 (e) 24 48 72
[Table 2 continues on the next page.]
GO-95-Wires   Library revision 1   Page 1 of 2""",
    """General Order 95 - Overhead Line Rules
Table 2 - Clearance of Wires from Other Wires at Crossings (all clearances in inches) (continued)
Case
No.
Nature of clearance /
wire concerned
A
Span
wires,
guys, mes-
sengers
B
Commu-
nication
conductors
C
Supply
0-
750 V
D
Supply
7,500-
20,000 V
3 Supply conductors 0 - 750 volts 24 48 24 48
4 Supply conductors 7,500 - 20,000 volts 36 72 48 72
GO-95-Wires   Library revision 1   Page 2 of 2
""",
]


def _wire_library() -> Library:
    return library_of((WIRES, "wires.pdf"))


def test_a_wire_against_wire_table_with_letter_headings_is_read():
    spec = parse_spec(WIRES, "wires.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row"]
    assert [r.data["grid"]["case"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[0].data["columns"][1:] == [
        "Column A - Span wires, guys, messengers",
        "Column B - Communication conductors",
        "Column C - Supply 0-750 V",
        "Column D - Supply 7,500-20,000 V",
    ]
    assert rows[1].data["cells"][1] == "24 in (e)" and rows[3].page == 2


def test_the_case_names_one_wire_and_the_column_the_other():
    lib = _wire_library()
    d = decide(
        "New 12 kV primary tap crosses over the telephone cable in midspan with 66 in of vertical clearance at 62 degrees F, lightly loaded.",
        {},
        lib,
    )
    assert d.verdict == "VALID" and "6 ft" in d.reason, "72 in: no reduction at 62 F, light load"
    guy = decide(
        "Communication company span guy crosses over the 12 kV primary with 40 in of clearance.", {}, lib
    )
    assert (
        guy.verdict == "REPEALABLE" and "3 ft" in guy.reason
    )  # Case 1, Column D or (symmetric) Case 4, Column A
    assert ("Case 1" in guy.reason and "Column D" in guy.reason) or (
        "Case 4" in guy.reason and "Column A" in guy.reason
    )
    hot = decide(
        "12 kV primary crosses over the CATV cable with 67 in of clearance at 103 degrees F with the feeder at peak load.",
        {},
        lib,
    )
    assert hot.verdict == "REPEALABLE" and "10 percent" in hot.reason


def test_a_service_drop_rule_does_not_judge_a_guy_and_an_address_is_not_a_street_crossed():
    """GO 95: guys are Rule 56, service drops Rule 54.8-B; "at 1250 Marsh Rd" says where the drop is, and a
    shopping center's drive aisle is a commercial driveway (54.8-B(2)a, 16 ft)."""
    page = SERVICE_DROPS + (
        "56.4-A1  Over, Across or Along Public Thoroughfares\n"
        "a) Guys over public thoroughfares in urban districts shall clear the ground by not less than 18 feet "
        "(Table 1, Case 3, Column A), "
        "except that:\n"
        "2) not less than 14 feet is permitted for the portions of guys over that part of the public "
        "thoroughfare which is an entrance to or exit from private residential premises.\n"
    )
    lib = library_of((list(RULES), "rules.pdf"), ([page], "drops.pdf"))
    guy = decide(
        "Overhead guy from pole 7731 passes over the driveway entrance to the residence at 1270 Marsh Rd "
        "(urban district) at 14 ft 3 in.",
        {},
        lib,
    )
    assert guy.verdict == "REPEALABLE" and guy.citations[0]["section"] == "56.4-A1"
    aisle = decide(
        "Service drop across the private drive aisle of the shopping center at 1250 Marsh Rd measured 15 ft 2 in.",
        {},
        lib,
    )
    assert (
        aisle.verdict == "VALID" and aisle.citations[0]["section"] == "54.8-B" and "16 feet" in aisle.reason
    )


# A table that letters its one value column and keys its cases by grade, loading and voltage, with cells
# carrying their own unit and a note that permits a lower value (how GO 95 Rule 49.1-B writes pole sizes).
# Invented values.
POST_PAGES = [
    """General Order No. 95
Document: GO-95-Section-IV
Revision: 4
49.4  Crossarm Posts
49.4-B  Size
The width of a crossarm post shall be not less than the value in Table 49.4-B, Column A.
Table 49.4-B  Minimum Width of Crossarm Posts
Case
Grade of
construction
Loading and circuits
Column A: minimum
width
Notes
1 Grade A Heavy loading district 9 in
2 Grade B Heavy and light loading districts 8 in (a)
3 Grade C
Circuits of 750 - 7,500 volts, heavy loading,
rural districts
8 in
""",
    """General Order No. 95
Case
Grade of
construction
Loading and circuits
Column A: minimum
width
Notes
4 Grade C Light loading, rural districts 6 in
Notes to Table 49.4-B
(a) Supply posts of Grade B construction in rural districts of light loading may have a width of not
less than 7 inches.
49.5  Other Rule
Posts shall be of sound material.
""",
]


def _post_library() -> Library:
    return library_of((POST_PAGES, "posts.pdf"))


def test_a_one_column_table_keyed_by_grade_is_read_with_its_units_and_notes():
    spec = parse_spec(POST_PAGES, "posts.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row" and c.section == "49.4-B"]
    assert [r.data["grid"]["case"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[1].data["cells"][1] == "8 in (a)"
    assert rows[2].data["grid"]["label"].startswith("Grade C Circuits of 750 - 7,500 volts")
    notes = [c for c in spec.clauses if c.kind == "note" and c.section == "49.4-B"]
    assert notes and "7 inches" in notes[0].text


def test_the_case_follows_grade_loading_district_and_voltage():
    lib = _post_library()
    d = decide(
        "Post at pole 12 (Grade C, 4,160 V primary, heavy loading rural district) is 7 in wide.", {}, lib
    )
    assert d.verdict == "VALID" and "Case 3" in d.reason and "8 in" in d.reason
    light = decide(
        "Post at pole 14 (Grade C, 240 V, rural district, light loading) is 6-1/2 in wide.", {}, lib
    )
    assert light.verdict == "REPEALABLE" and "Case 4" in light.reason


def test_a_note_permitting_a_lower_value_applies_to_the_case_it_names():
    lib = _post_library()
    d = decide("Grade B supply post in a rural district of light loading measured 7.5 in wide.", {}, lib)
    assert d.verdict == "REPEALABLE" and "note (a)" in d.reason
    urban = decide("Grade B supply post in an urban district of heavy loading measured 7.5 in wide.", {}, lib)
    assert urban.verdict == "VALID"


def test_a_pole_under_two_grades_is_held_to_the_most_stringent_case():
    lib = _post_library()
    d = decide(
        "Joint pole 9 carries a Grade A supply circuit and a Grade C communication cable, heavy loading district; post 8 in wide.",
        {},
        lib,
    )
    assert d.verdict == "VALID" and "Case 1" in d.reason


# A rule whose table has no title line: its prose names it, the header starts "Row", the cases are voltage
# ranges (how GO 95 Rule 54.6-A prints its radial distances). Invented values.
UNTITLED_PAGE = """General Order No. 95
Document: GO-95-Section-V
Revision: 2
54.4-C4b  Risers on Climbable Poles
Not more than two risers shall be run on one climbable pole.
54.6  Vertical and Lateral Conductors
54.6-C  Bare Risers
Bare risers may run vertically on a pole, but shall not pass within the climbing space; and shall clear
the conductors of other circuits by not less than the distance of Table 54.6-C.
Row  Highest voltage of the conductors concerned
Column A: minimum distance
between conductors
1 0 - 5,000 volts 10 in
2 5,000 - 20,000 volts 20 in
3 20,000 volts and above 30 in
Supports: no length of riser between supports shall exceed 10 feet.
Exception: the distances of Table 54.6-C do not apply to grounded messenger-supported fiber cables on steel
poles; these shall comply with Rule 39.2.
"""


def _untitled_library() -> Library:
    return library_of(([UNTITLED_PAGE], "risers.pdf"))


def test_a_table_without_a_title_is_read_under_the_name_its_rule_gives_it():
    spec = parse_spec([UNTITLED_PAGE], "risers.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row"]
    assert [(r.section, r.data["grid"]["case"], r.data["cells"][1]) for r in rows] == [
        ("54.6-C", "1", "10 in"),
        ("54.6-C", "2", "20 in"),
        ("54.6-C", "3", "30 in"),
    ]
    assert rows[0].text.startswith("Table 54.6-C, Case 1 (0 - 5,000 volts)")
    assert any(c.section == "54.4-C4b" for c in spec.clauses), "a rule numbered with a trailing letter"
    prose = [c.text for c in spec.clauses if c.section == "54.6-C" and c.kind == "requirement"]
    assert any("Supports:" in t for t in prose), "the rule's prose after the table stays its own"


def test_the_row_follows_the_highest_voltage_and_a_radial_distance_is_the_measurement():
    lib = _untitled_library()
    d = decide("Pole 8: 12 kV bare riser passes the 480 V conductors at 18 in radial distance.", {}, lib)
    assert d.verdict == "VALID" and "Case 2" in d.reason and "20 in" in d.reason
    top = decide("Pole 9: 34.5 kV riser clears the 12 kV conductors by 32 in.", {}, lib)
    assert top.verdict == "REPEALABLE" and "Case 3" in top.reason


def test_a_finding_without_a_distance_is_judged_by_the_rules_prose_not_its_table():
    lib = _untitled_library()
    d = decide("Pole 10: 12 kV bare riser is routed through the climbing space.", {}, lib)
    assert d.verdict == "VALID" and d.citations[0]["section"] == "54.6-C"


def test_an_exception_of_the_tables_rule_is_read_before_the_table():
    """An exception that covers the finding takes it out of the table; one that sends it to a rule the library
    does not hold needs review (GO 95 Rule 54.6-A's fiber optic exception)."""
    lib = _untitled_library()
    d = decide(
        "Steel pole 11: grounded messenger-supported fiber cable passes 6 in from a 12 kV riser.", {}, lib
    )
    assert d.verdict == "NEEDS_REVIEW" and "Rule 39.2" in d.reason and "exception" in d.reason


def test_a_column_note_printed_under_another_case_still_sends_the_wire_to_its_rule():
    # GO 95 Table 1 prints note (l) (service drops over private driveways: see Rule 54.8-B(2)) under Case 3,
    # Column B; a drive aisle reads as Case 4 (areas traversed by vehicles), and the note still governs it
    d = decide(
        "Service drop across the private drive aisle of the shopping center measured 15 ft 2 in; auditor cites "
        "Table 1, Case 4.",
        {},
        _library(),
    )
    assert d.verdict == "VALID" and "16 feet" in d.reason and "Note (l)" in d.reason, d.reason
    assert (d.citations[0]["document"], d.citations[0]["section"]) == ("GO-95-Section-V", "54.8-B")


CROSSING_RULE = """General Order 95 - Overhead Line Rules
103.5  Crossing or Colinear Clearances near Communication Poles
Where supply conductors of 750 - 7,500 volts cross over communication conductors within 6 feet of a
communication pole, the clearance of Table 2 shall be not less than 60 inches.
Beyond 6 feet from such a pole or structure, Table 2 applies unmodified.
"""


def test_the_best_table_row_decides_before_a_rule_that_modifies_its_table():
    lib = library_of((WIRES[:1] + [WIRES[1] + CROSSING_RULE], "wires.pdf"))
    d = decide(
        "120/240 V secondary of the new service line crosses over the existing 120/240 V secondary of the "
        "neighboring line with 27 in of vertical clearance.",
        {},
        lib,
    )
    assert d.verdict == "REPEALABLE" and "Case 3" in d.reason and "Column C" in d.reason, d.reason
