"""Real standards as they are written: General Order rule numbers, sub-items, CFR paragraphs,
tables named by rule, whole document identifiers (the real-standards issue, classes 1-3)."""

from __future__ import annotations

from engine.quantities import find_quantities
from engine.spec.parsing import parse_spec

GO_PAGE = """General Order No. 95
Rules for Overhead Electric Line Construction
Document: GO-95-Section-V
Revision: 3
14  Limiting Conditions Specified
Where two or more requirements set limiting conditions, the most stringent condition shall be met.
54.8  Service Drops, 0 - 750 Volts
54.8-A  Material and Size
Service drops shall be of the material and size specified in Table 8.
54.8-B  Clearances above Ground, Buildings, Etc.
The vertical clearances of service drops shall be not less than those of Table 1, with these modifications:
(1) Above Public Thoroughfares: not less than 18 feet above public thoroughfares.
(2) Above Private Thoroughfares and Other Private Property:
a) Industrial or Commercial Premises: over private driveways, not less than 16 feet.
b) Residential Premises: over private driveways on residential premises, not less than 12 feet.
56.4-A1  Over, Across or Along Public Thoroughfares (Overhead Guys)
Guys over public thoroughfares in urban districts shall have a clearance of not less than 18 feet.
"""


def _by_section(spec):
    out: dict[str, list] = {}
    for c in spec.clauses:
        out.setdefault(c.section, []).append(c)
    return out


def test_general_order_rule_numbers_with_letters_are_sections():
    spec = parse_spec([GO_PAGE], "go.pdf")
    secs = _by_section(spec)
    assert {"14", "54.8-A", "54.8-B", "56.4-A1"} <= set(secs)
    assert secs["54.8-B"][0].heading == "Clearances above Ground, Buildings, Etc."


def test_sub_items_are_clauses_of_their_rule_with_the_item_path():
    spec = parse_spec([GO_PAGE], "go.pdf")
    items = {c.data.get("item"): c for c in spec.clauses if c.section == "54.8-B" and c.data.get("item")}
    assert set(items) == {"(1)", "(2)", "(2)a", "(2)b"}
    residential = items["(2)b"]
    assert "12 feet" in residential.text and "16 feet" not in residential.text
    assert "Residential Premises" in residential.heading and "Private Property" in residential.heading


def test_whole_identifier_from_the_title_block():
    spec = parse_spec([GO_PAGE], "go.pdf")
    assert spec.document_number == "GO-95-Section-V"
    assert spec.title == "Rules for Overhead Electric Line Construction"


def test_cfr_paragraph_labels_are_sections():
    page = """29 CFR 1910.269
Document: 1910.269
Revision: 1
1910.269(l)  Working on or near exposed energized parts.
1910.269(l)(1)
General.
1910.269(l)(1)(i)
Only qualified employees may work on exposed energized lines.
1910.269(l)(3)(ii)
No employee shall approach closer than the distances of Table R-6.
"""
    secs = _by_section(parse_spec([page], "cfr.pdf"))
    assert "1910.269(l)(1)(i)" in secs and "1910.269(l)(3)(ii)" in secs
    assert "Table R-6" in secs["1910.269(l)(3)(ii)"][0].text


def test_a_table_named_for_a_rule_belongs_to_that_rule():
    page = GO_PAGE + (
        "84.8-B1  Service Drops From Open Wire Lines\nAttachments shall be not less than 6 feet below supply.\n"
        "Table 54.8-S (summary of Rules 54.8-B and 56.4-A1) - Minimum vertical clearance\n"
        "Location Clearance\nPublic thoroughfare 18 ft\nResidential driveway 12 ft\n"
    )
    rows = [c for c in parse_spec([page], "go.pdf").clauses if c.kind == "table_row"]
    assert rows and {c.section for c in rows} == {"54.8-B"}


def test_a_manual_excerpt_keeps_a_subsection_after_a_gap():
    page = """Document: TD-7001M
Revision: 1
4.4. Service Drop Clearances
Subsections 4.4.1 through 4.4.5 are not reproduced.
4.4.6. Clearances Around Doors and Windows
Service drops shall clear doors and windows by not less than 3 feet.
"""
    secs = _by_section(parse_spec([page], "gb.pdf"))
    assert "4.4.6" in secs and "3 feet" in secs["4.4.6"][0].text


def test_document_identifiers_are_not_quantities():
    assert find_quantities("per TD-7001M and pole SP-4") == []
    assert [q.text for q in find_quantities("measured 12 ft at SB-12")] == ["12 ft"]


def test_page_text_clean_up_removes_what_the_database_cannot_store():
    """Hostile-input bug 4: a ToUnicode map to lone surrogates crashed the analysis at the database."""
    from engine.pdftext import clean_text

    got = clean_text("Guy \ud800guard\x00 missing \udfff\r\nﬁnal")
    assert got == "Guy guard missing \nfinal"
    got.encode("utf-8")


def test_rules_of_a_general_order_section_are_read_across_their_gaps():
    """Class 2: a section of a General Order numbers its rules 14, 35, 37, 38, 44 ... with no letters;
    before, the numbering chain refused the gaps and Rule 37 (with its Table 1) had no section."""
    page = """General Order No. 95
Rules for Overhead Electric Line Construction
Document: GO-95-Sections-III-IV
Revision: 1
14  Limiting Conditions Specified
Where two or more requirements apply, the most stringent condition shall be met.
35  Vegetation Management
Vegetation management shall be performed to establish necessary clearances.
37  Minimum Clearances of Wires above Railroads, Thoroughfares, Buildings, Etc.
The clearances of Table 1 shall in no case be reduced more than 5 percent because of temperature and loading.
Table 1 - Basic Minimum Allowable Vertical Clearance of Wires
Case Column A Column E
Case 3 Crossing thoroughfares in urban districts 18 ft 25 ft
38  Minimum Clearances of Wires from Other Wires
Wires shall be separated by the clearances of Table 2.
44  Safety Factors
44.1  Installation and Reconstruction
Lines shall be designed with the safety factors of Table 4.
"""
    secs = _by_section(parse_spec([page], "go.pdf"))
    assert {"14", "35", "37", "38", "44", "44.1"} <= set(secs)
    assert "5 percent" in secs["37"][0].text
    assert any(c.kind == "table_row" for c in secs["37"])


def _library(pages_by_doc: dict[str, str]):
    from engine import ClauseRecord, Library

    records = []
    for name, page in pages_by_doc.items():
        spec = parse_spec([page], name)
        records += [
            ClauseRecord.of(c, document=spec.document_number, title=spec.title, revision=spec.revision)
            for c in spec.clauses
        ]
    return Library(records)


def test_a_cited_rule_the_library_does_not_hold_is_said_not_replaced():
    """Real-standards must-have: a finding citing a rule the library lacks is not judged by another rule."""
    from engine import decide

    lib = _library({"go.pdf": GO_PAGE})
    d = decide(
        "Service drop over a residential driveway measured 11 ft; GO 95 Rule 54.9-C requires 12 ft.", {}, lib
    )
    assert d.verdict == "NEEDS_REVIEW"
    assert "Rule 54.9-C" in d.reason and "does not hold" in d.reason
    assert d.citations, "the closest held clauses are still shown"
    held = decide("Service drop over a residential driveway measured 11 ft; per GO 95 Rule 54.8-B.", {}, lib)
    assert "does not hold" not in held.reason
    assert lib.unheld_references("per Rule 54.8-B(2)b") == []
    assert lib.unheld_references("per Rule 54.8-B(3)") == ["Rule 54.8-B(3)"]


def test_a_document_of_a_held_series_under_another_number_is_not_held():
    page = "Document: 1728F-804\nRevision: 1\n2.1 Pole Setting Depth\nPoles shall be set not less than 6 ft deep.\n"
    lib = _library({"rus.pdf": page})
    assert lib.unheld_references("RUS Bulletin 1728F-806 requires 36 inches of cover") == ["1728F-806"]
    assert lib.unheld_references("per RUS 1728F-804 Table 2-1") == []
    assert lib.unheld_references("pole SP-4 and vault V-12") == []


RUS_PAGE = """Document: 1728F-804
Revision: 1
2.1 Setting Depth
Poles shall be set to not less than the depths of Table 2-1; the all-rock depth applies only in solid rock.
Table 2-1  Minimum pole setting depths
Length of pole (ft) Setting in soil (ft) Setting in all rock (ft)
35 6.0 4.0
40 6.0 4.0
45 6.5 4.5
5.4 Meter Heights
The center of a meter shall be not less than 48 inches nor more than 75 inches above the finished grade.
"""


def test_a_pole_size_in_parentheses_keys_the_row_and_is_not_the_measurement():
    """RUS 1728F-804 Table 2-1: the row is the pole length (column "Length of pole (ft)"), the value compared is
    the setting depth; the auditor's "6.5 ft soil depth" names neither the place nor the measurement."""
    from engine import decide

    lib = _library({"rus.pdf": RUS_PAGE})
    short = decide(
        "Pole #14 (40 ft, class 4) set 5 ft 2 in deep in loam soil, per RUS 1728F-804 Table 2-1.", {}, lib
    )
    assert short.verdict == "VALID" and "6.0 ft" in short.reason and "5 ft 2 in" in short.reason
    rock = decide(
        "Pole #17 (45 ft) set 4 ft 8 in deep in a hole drilled in solid rock; auditor applied the 6.5 ft soil depth.",
        {},
        lib,
    )
    assert rock.verdict == "REPEALABLE" and "4.5 ft" in rock.reason


def test_nor_more_than_is_an_upper_limit():
    from engine import decide

    lib = _library({"rus.pdf": RUS_PAGE})
    d = decide("Meter installed 80 inches above finished grade to the center of the meter.", {}, lib)
    assert d.verdict == "VALID" and "at most 75 inches" in d.reason


GUYS_PAGE = """Document: GO-95-Section-V
Revision: 3
54.8  Service Drops, 0 - 750 Volts
54.8-B  Clearances above Ground, Buildings, Etc.
(2) Above Private Thoroughfares and Other Private Property:
a) Industrial or Commercial Premises: over private driveways on premises used for industrial or commercial
purposes, service drops shall have a vertical clearance of not less than 16 feet.
b) Residential Premises: over private driveways on premises used for residential purposes only, service drops
shall have a vertical clearance of not less than 12 feet.
56.4-A1  Over, Across or Along Public Thoroughfares
a) Guys over or across public thoroughfares in urban districts shall clear the ground by not less than 18 feet,
except that:
1) not less than 16 feet is permitted for the portions of guys over that part of the public thoroughfare which
is an entrance to or exit from industrial or commercial premises; and
2) not less than 14 feet is permitted for the portions of guys over that part of the public thoroughfare which
is an entrance to or exit from private residential premises.
"""


def test_a_permitted_sub_item_that_names_the_case_repeals():
    """GO 95 Rule 56.4-A1 a)2): 14 ft over an entrance to private residential premises."""
    from engine import decide

    lib = _library({"go.pdf": GUYS_PAGE})
    d = decide(
        "Down guy from pole 2214 crosses the driveway entrance from Ridge Ln to the residence (urban district) at "
        "14 ft 6 in; the guy must be 18 ft.",
        {},
        lib,
    )
    assert d.verdict == "REPEALABLE" and "14 feet" in d.reason
    low = decide(
        "Down guy crosses the driveway entrance to the residence (urban district) at 13 ft 2 in.", {}, lib
    )
    assert low.verdict == "VALID"


def test_the_auditors_premise_does_not_pick_the_rule():
    """'auditor applied the 16 ft commercial driveway clearance': the field facts (a home's driveway) pick
    54.8-B(2)b, not the commercial sub-item the auditor used."""
    from engine import decide

    lib = _library({"go.pdf": GUYS_PAGE})
    d = decide(
        "Service drop over the gravel driveway of the manufactured home on a permanent foundation measured "
        "13 ft 2 in; auditor applied the 16 ft commercial driveway clearance.",
        {},
        lib,
    )
    assert d.verdict == "REPEALABLE" and "12 feet" in d.reason


PARTS_PAGE = """Document: GO-95-Guys
Revision: 1
SECTION V - DETAILED CONSTRUCTION REQUIREMENTS FOR SUPPLY LINES
56.7  Location of Guy Insulators
56.7-A  Overhead Guys
Insulators in overhead guys shall be not less than 6 feet above the ground.
SECTION VIII - DETAILED CONSTRUCTION REQUIREMENTS FOR COMMUNICATION LINES
86.7  Location of Sectionalizing Insulators
86.7-A  Overhead Guys
All insulators in overhead guys shall be not less than 8 feet above the ground.
APPENDIX A - TABLES FOR ALL LINES
Guy markers shall be not less than 8 feet long.
"""


def test_the_part_of_the_order_tells_supply_rules_from_communication_rules():
    """GO 95 Section V governs supply lines, Section VIII communication lines: a communication guy is judged
    by Rule 86.7-A (8 ft), a guy on a 12 kV line by Rule 56.7-A (6 ft)."""
    from engine import decide

    spec = parse_spec([PARTS_PAGE], "guys.pdf")
    parts = {}
    for c in spec.clauses:
        parts.setdefault(c.section, c.data.get("part", ""))
    assert "SUPPLY LINES" in parts["56.7-A"] and "COMMUNICATION LINES" in parts["86.7-A"]
    appendix = [c for c in spec.clauses if "Guy markers" in c.text]
    assert appendix and not appendix[0].data.get("part"), "an appendix belongs to no part"
    lib = _library({"guys.pdf": PARTS_PAGE})
    comm = decide(
        "Insulator in the communication overhead guy at pole 9012 installed 7 ft 2 in above ground.", {}, lib
    )
    assert comm.verdict == "VALID" and comm.citations[0]["section"] == "86.7-A"
    supply = decide(
        "Insulator in the overhead guy of the 12 kV line at pole 9013 installed 7 ft 2 in above ground.",
        {},
        lib,
    )
    assert supply.verdict == "REPEALABLE" and supply.citations[0]["section"] == "56.7-A"


GREENBOOK_PAGE = """Electric and Gas Service Requirements (Greenbook)
Document: TD-7001M
Revision: 2025
5.4.1 Meter Heights
The center of a meter shall be not less than 48 inches nor more than 75 inches above the finished grade.
"""
OTHER_METER_PAGE = """Meter Installation Standard
Document: 068820
Revision: 4
3.2 Meter Heights
The center of a socket meter shall be not less than 48 inches nor more than 72 inches above the finished grade.
"""


def test_a_document_named_by_its_nickname_and_rule_is_preferred():
    """'per Greenbook 5.4.1' names TD-7001M (its title calls itself the Greenbook) and its Section 5.4.1."""
    from engine import decide

    lib = _library({"gb.pdf": GREENBOOK_PAGE, "std.pdf": OTHER_METER_PAGE})
    assert lib.documents_named("per Greenbook 5.4.1") == {"TD-7001M"}
    assert lib.sections_named("per Greenbook 5.4.1") == {"5.4.1"}
    d = decide("Socket meter center installed 74 inches above finished grade, per Greenbook 5.4.1.", {}, lib)
    assert (d.citations[0]["document"], d.citations[0]["section"]) == ("TD-7001M", "5.4.1")
    assert d.verdict == "REPEALABLE"


def test_letter_named_tables_and_cfr_paragraph_groups():
    """OSHA names tables by letter ("Table A", "Table R-6"); a CFR paragraph groups with its section
    (1926.1408(d)(1) with 1926.1408(a)), not with every paragraph of Part 1926."""
    from engine.library import rule_group

    page = """29 CFR 1926 Subpart CC
Document: 1926-CC
1926.1408(a)(1) Identify the work zone before operations begin.
1926.1408(d)(1) No part of the equipment may be below a power line unless the line is deenergized.
Table A - Minimum Clearance Distances
Voltage (nominal, kV, alternating current) Minimum clearance distance (feet)
up to 50 10
over 50 to 200 15
over 200 to 350 20
"""
    spec = parse_spec([page], "cc.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row"]
    assert rows and rows[0].data["table"].startswith("Table A")
    assert rule_group("1926.1408(d)(1)") == rule_group("1926.1408(a)(1)") == "1926.1408"
    assert rule_group("1926.1411(a)") != "1926.1408" and rule_group("54.8-B") == "54"
    from engine import decide

    d = decide(
        "Crane boom swung within 16 ft of the 230 kV transmission line; clearance 16 ft.",
        {},
        _library({"cc.pdf": page}),
    )
    assert d.verdict == "VALID" and "20" in d.reason


def test_or_longer_is_a_lower_bound_of_a_condition():
    """PG&E 063927 item 3: 'a service 75 feet or longer' -> the rule governs a 92 ft lateral, not a 60 ft one."""
    from engine import decide

    page = """Document: 063927
Revision: 5
3 Long Services
When a service 75 feet or longer must be installed, the applicant must contact PG&E before ordering the service
riser, conduit or termination enclosure.
"""
    lib = _library({"063927.pdf": page})
    long = decide("Service lateral is 92 ft long; the riser was ordered without contacting PG&E.", {}, lib)
    assert long.verdict == "VALID"
    short = decide("Service lateral is 60 ft long; the riser was ordered without contacting PG&E.", {}, lib)
    assert short.verdict == "REPEALABLE" and "at least 75 feet" in short.reason


def test_both_bounds_of_a_range_and_a_section_of_a_named_document_the_library_lacks():
    """'not less than 48 inches nor more than 75 inches': 44 in is below the range. 'Greenbook Section 3'
    when only Section 5 of the Greenbook is held (another document's Section 3 does not count)."""
    from engine import decide

    lib = _library({"gb.pdf": GREENBOOK_PAGE, "rus.pdf": RUS_PAGE.replace("5.4 Meter", "3 Meter")})
    low = decide("Meter on the garage wall measured 44 inches to meter center above the patio slab.", {}, lib)
    assert low.verdict == "VALID" and "48 inches" in low.reason
    assert lib.unheld_references("Greenbook Section 3 requires 24 inches of cover") == ["Greenbook Section 3"]
    assert lib.unheld_references("per Greenbook Section 5.4.1") == []
    fewer = decide(
        "Line section of 1.0 mile has only 3 pole grounds.",
        {},
        _library(
            {
                "g.pdf": "Document: 804\n4.2 Grounds\nThe neutral shall be grounded at not fewer than 4 locations in each mile.\n"
            }
        ),
    )
    assert "at least 4" in fewer.reason


MARKER_PAGE = """General Order No. 95
Document: GO-95-Section-V
Revision: 3
56.9  Guy Markers (Guy Guards)
A marker at least 8 feet long shall be securely attached to every anchor guy.
56.10  Clearances of Guys
Guys over private driveways shall clear the driveway by not less than 14 feet.
"""


def test_a_wrong_rule_number_for_a_held_rule_on_the_same_subject_is_judged_by_the_held_rule():
    """A finding naming exactly the subject of a held rule's title but citing a number the library does
    not hold (nor any rule of that number's family) is judged by the held rule, and the reason says so."""
    from engine import decide

    lib = _library({"go.pdf": MARKER_PAGE})
    d = decide("Anchor guy at pole 7 has no guy marker installed; auditor cites GO 95 Rule 88.4.", {}, lib)
    assert d.verdict == "VALID"
    assert d.citations[0]["section"] == "56.9"
    assert "Rule 88.4" in d.reason and "does not hold" in d.reason
    # a part of a held rule is not a wrong number: the library lacks that part
    part = decide("Anchor guy at pole 7 has no guy marker installed; auditor cites Rule 56.9-B.", {}, lib)
    assert part.verdict == "NEEDS_REVIEW"


def test_references_in_an_audit_written_in_capitals_are_read():
    from engine import decide

    lib = _library({"go.pdf": MARKER_PAGE})
    assert lib.unheld_references("AUDITOR CITES GO 128 RULE 33.4.") == ["RULE 33.4"]
    d = decide("GUY OVER THE PRIVATE DRIVEWAY AT LOT 4 CLEARS IT BY 12 FT; AUDITOR CITES RULE 33.4.", {}, lib)
    assert d.verdict == "NEEDS_REVIEW" and "RULE 33.4" in d.reason


def test_an_impression_without_a_measurement_needs_review():
    from engine import decide

    lib = _library({"go.pdf": MARKER_PAGE})
    d = decide(
        "Guy over the private driveway at lot 4: clearance looks inadequate; no measurement recorded.",
        {},
        lib,
    )
    assert d.verdict == "NEEDS_REVIEW"
    # realtext-ug: "appears smaller ...; no inside dimensions were taken" was VALID
    small = decide(
        "Guy marker at lot 6 appears too short; no marker dimensions were taken.",
        {},
        lib,
    )
    assert small.verdict == "NEEDS_REVIEW", small.reason
    pool = _library(
        {"go.pdf": MARKER_PAGE + "56.11  Over Swimming Pools\nGuys over swimming pools shall be avoided.\n"}
    )
    addressed = decide(
        "Guy to 430 Harmon St passes over the backyard swimming pool; clearance above the water was not recorded.",
        {},
        pool,
    )
    assert addressed.verdict == "NEEDS_REVIEW", "a street number is not a measurement"
    measured = decide("Guy over the private driveway at lot 4 clears it by 12 ft.", {}, lib)
    assert measured.verdict == "VALID"


RELEASE_PAGE = """General Order No. 95
Document: GO-95-Section-V
Revision: 3
51.7  Pole Identification
51.7-A  Pole Numbering
Every pole supporting supply conductors of more than 750 volts shall carry a pole number plate.
Section VII - Class T Circuits
72.3-A  Numbering (of poles supporting only Class T conductors)
Poles that support only Class T conductors need not carry a pole number plate as Rule 51.7 otherwise requires.
"""


def test_a_rule_that_releases_a_case_decides_over_the_rule_it_releases():
    """GO 95 Rule 71.6-A's way: "need not be marked" for a named case is a release, not a requirement."""
    from engine import decide
    from engine.requirements import modality

    assert modality("Poles that support only Class T conductors need not be marked.") == "recommended"
    lib = _library({"go.pdf": RELEASE_PAGE})
    d = decide(
        "Pole 12 supports only Class T conductors; no pole number plate; auditor cites Rule 51.7-A.", {}, lib
    )
    assert d.verdict == "REPEALABLE" and d.citations[0]["section"] == "72.3-A"
    other = decide("Pole 14 supports 12 kV supply conductors; no pole number plate.", {}, lib)
    assert other.verdict == "VALID" and other.citations[0]["section"] == "51.7-A"


def test_a_code_section_titled_after_its_number_and_a_period_starts_a_clause_after_a_gap():
    """California Code of Regulations style: "Section 2375.19.  Clearances from Buildings." after 2375.7."""
    page = """Title 8 Electrical Safety Orders
Document: CCR-T8-ESO
Revision: 1
Section 2375.7.  Conductors on Poles.
Conductors on poles shall provide a climbing space of not less than 24 in.
(d) Communication conductors alone No requirement No requirement
Section 2375.19.  Clearances from Buildings.
Open wiring shall have a clearance of not less than 8 feet from the highest point of roofs.
"""
    secs = _by_section(parse_spec([page], "ccr.pdf"))
    assert "2375.19" in secs and secs["2375.19"][0].heading.startswith("Clearances from Buildings")
    assert "8 feet" not in " ".join(c.text for c in secs["2375.7"])


def test_a_finding_no_clause_governs_shows_the_closest_clauses_without_calling_them_governing():
    from engine import decide

    lib = _library({"go.pdf": MARKER_PAGE})
    d = decide("Pole 3: RF antenna sign attached with no contact telephone number.", {}, lib)
    assert d.verdict == "NEEDS_REVIEW" and "governs" in d.reason
    assert d.citations and all(c["score"] <= 0.3 for c in d.citations)


BAND_PAGE = """General Order No. 95
Document: GO-95-Section-V
Revision: 3
51.8  Marking of Risers
51.8-A  Riser Bands
Poles that carry a supply riser of more than 750 volts in vertical configuration, not on crossarms, shall carry a
painted yellow band at least 1 foot wide around the pole. The top of the band shall be not less than 2 feet and not more than 3 feet below the riser head.
"""


def test_the_limit_said_of_the_same_thing_as_the_measurement_is_compared():
    """ "4 ft below the riser head" is compared with "not more than 3 feet below the riser head", not with the
    band's width in the neighbouring sentence."""
    from engine import decide

    lib = _library({"go.pdf": BAND_PAGE})
    d = decide(
        "Pole 6, 12 kV riser in vertical configuration, no crossarms: the top of the yellow band is 4 ft below the riser head.",
        {},
        lib,
    )
    assert d.verdict == "VALID" and "3 feet" in d.reason


def test_a_rule_asking_something_of_one_member_only_repeals_a_go_back_on_the_others():
    """GO 95 Rule 56.9 / 86.9's way: "only the outermost guy needs a marker"."""
    from engine import decide

    page = MARKER_PAGE.replace(
        "to every anchor guy.",
        "to every anchor guy. Where more than one guy is attached to one anchor rod, only the outermost guy needs a marker.",
    )
    lib = _library({"go.pdf": page})
    d = decide(
        "Two guys share one anchor rod at pole 8; the outer guy carries a guy marker, the inner guy has none.",
        {},
        lib,
    )
    assert d.verdict == "REPEALABLE" and "outermost" in d.reason
    lacking = decide("Two guys share one anchor rod at pole 8; the outermost guy has no guy marker.", {}, lib)
    assert lacking.verdict == "VALID"


VAULT_PAGE = """General Order No. 128
Document: GO-128
Revision: 2
32.8  Location of Manholes
Manholes shall be located so that the opening gives safe access. In no case shall the nearest edge of the opening be
less than 3 feet from any rail of a railroad track.
34.3-D  Clearance from Buildings
Equipment containing oil shall clear the surface of buildings by not less than 3 feet; this may be reduced to 2 feet
where the building surface is noncombustible.
"""


def test_in_no_case_less_than_is_a_lower_limit():
    from engine import decide

    lib = _library({"go.pdf": VAULT_PAGE})
    d = decide(
        "Manhole M-3 at the rail spur: the nearest edge of the opening is 2 ft 4 in from the rail.", {}, lib
    )
    assert d.verdict == "VALID" and "3 feet" in d.reason


def test_a_reduction_applies_only_where_the_finding_names_its_condition():
    from engine import decide

    lib = _library({"go.pdf": VAULT_PAGE})
    block = decide(
        "Oil-filled transformer T-1 set 2 ft 4 in from the concrete wall of the building (noncombustible surface).",
        {},
        lib,
    )
    assert block.verdict == "REPEALABLE" and "2 feet" in block.reason
    wood = decide(
        "Oil-filled transformer T-2 set 2 ft 6 in from the wood-sided wall of the building.", {}, lib
    )
    assert wood.verdict == "VALID" and "3 feet" in wood.reason


SUBRULES_PAGE = """General Order No. 128
Document: GO-128
Revision: 1
34  Manholes, Handholes and Vaults
Manholes shall be large enough for the work done in them.
34.2  Locking
They shall be secured against entry by unauthorized persons by locks or other suitable means.
36  Self-Contained Surface-Mounted Equipment
Equipment installed partly or wholly above the ground surface and not enclosed by a fence shall meet the following.
36.2  Locking
They shall be secured against entry by unauthorized persons by locks or other suitable means.
"""


def test_a_sub_rule_is_found_by_the_subject_of_its_parent_rule():
    """GO 128 Rule 34.3-C "Locking" says "compartments and enclosures"; Rule 34.3 says it is about surface-mounted
    (pad-mounted) equipment. Before, a pad-mount finding cited the manholes' locking rule."""
    from engine import decide

    lib = _library({"go128.pdf": SUBRULES_PAGE})
    pad = decide("Pad-mounted transformer T-14 not secured, no lock installed.", {}, lib)
    assert (pad.verdict, pad.citations[0]["section"]) == ("VALID", "36.2")
    manhole = decide("Manhole MH-3 not secured, no lock installed.", {}, lib)
    assert (manhole.verdict, manhole.citations[0]["section"]) == ("VALID", "34.2")


SEPARATION_PAGE = """General Order No. 128
Document: GO-128
Revision: 1
41.4  Clearances and Depths
41.4-A  From Foreign Substructures
(1) Independently installed: communication ducts shall be separated, where practicable, from gas, water, oil or
other pipe systems by at least 12 inches when paralleling and at least 6 inches when crossing.
"""


def test_where_practicable_is_a_hedge_not_a_condition_of_the_rule():
    """GO 128 Rule 41.4-A(1): before, "where practicable" made the 12-inch separation a condition, and a 6-inch
    water main was read as the rule not applying."""
    from engine import decide

    lib = _library({"go128.pdf": SEPARATION_PAGE})
    d = decide(
        "Communication conduit installed independently along Quarry Way, paralleling the existing 6-in water main "
        "with 8 in of separation.",
        {},
        lib,
    )
    assert d.verdict == "VALID" and "12 inches" in d.reason, d.reason


METER_PAGE = """Electric and Gas Service Requirements
Document: TD-7001M
Revision: 2025
5.4.2  Meter Locations.
Working space. A clear, level working space shall be kept in front of every meter: at least 36 inches deep measured
from the meter face, at least 30 inches wide (or the width of the meter panel, if greater) and 78 inches high.
"""


def test_a_condition_inside_a_parenthesis_stays_there():
    """Greenbook 5.4.2: "(or the width of the meter panel, if greater) and 78 inches high" made the 78-inch height a
    condition, and a 30-inch-deep working space was read as the rule not applying."""
    from engine import decide

    lib = _library({"gb.pdf": METER_PAGE})
    d = decide(
        "Side-yard gate at 113 Orchard Vista Ct leaves only 30 inches of clear working space in front of the meter face.",
        {},
        lib,
    )
    assert d.verdict == "VALID" and "36 inches" in d.reason, d.reason


OVERHEAD_SERVICE_PAGE = """Electric and Gas Service Requirements
Document: TD-7001M
Revision: 2025
4  Overhead Services
Overhead services are supplied from PG&E's overhead distribution lines.
4.2  General
PG&E does not supply a new overhead service to an applicant when either of the following conditions applies:
A. The building or premises are located in an area designated as an underground district.
B. The building or premises are located in an area zoned for commercial or residential use, and the installed
service equipment or load requires PG&E to use a transformer rated 75 kilovolt-amperes (kVA) or larger.
"""


def test_values_listed_after_when_either_of_the_following_applies_are_conditions():
    """Greenbook 4.2 B. Before, "75 kilovolt-amperes" read as 75 kilovolts, "(kVA) or larger" lost its
    comparator, and the 75 kVA was compared as a requirement (a 50 kVA service came back VALID)."""
    from engine import decide

    lib = _library({"gb.pdf": OVERHEAD_SERVICE_PAGE})
    small = decide(
        "New overhead service to the duplex at 2270 Commerce Way (residential zone) is served from a 50 kVA pole "
        "transformer; reviewer requires an underground service.",
        {},
        lib,
    )
    assert small.verdict == "REPEALABLE" and "75 kilovolt-amperes" in small.reason, small.reason
    large = decide(
        "New overhead service installed to the retail building at 2250 Commerce Way (commercial zone); the connected "
        "load required a 112.5 kVA transformer.",
        {},
        lib,
    )
    assert large.verdict == "VALID" and "112.5 kVA" in large.reason, large.reason


CROSSING_POLES_PAGE = """General Order No. 95
Document: GO-95-Sections-X-XI
Revision: 1
101  Supply and Communication Lines in Line Crossings
101.2  Spliced or Stub-Reinforced Poles [Original General Order 95 text]
Spliced poles, stub-reinforced poles and pole top extensions shall not be used in crossings or conflicts where
Grade A construction is required.
"""


def test_the_grade_a_case_calls_for_is_a_fact_and_a_general_order_number_is_no_count():
    """GO 95 Rule 101.2. Before, "where Grade C construction is required" was dropped as the auditor's claim, and
    "General Order 95 text" read as a count of 95 texts that the audit did not give."""
    from engine import decide

    lib = _library({"go95.pdf": CROSSING_POLES_PAGE})
    grade_a = decide(
        "Spliced pole 3331 supports the crossing span, where Grade A construction is required.", {}, lib
    )
    assert grade_a.verdict == "VALID" and "exactly 95" not in grade_a.reason, grade_a.reason
    grade_c = decide(
        "Stub-reinforced pole 3333 supports a crossing where Grade C construction is required; inspector cites "
        "Rule 101.2.",
        {},
        lib,
    )
    assert grade_c.verdict == "REPEALABLE", grade_c.reason


def test_each_value_of_a_rule_keeps_its_own_case_when_paralleling_or_crossing():
    """GO 128 Rule 41.4-A(1): 12 inches when paralleling and 6 inches when crossing. Before, "when paralleling
    and at least" made the 6 inches a condition, and a crossing at 8 in was judged by the 12 inches."""
    from engine import decide

    lib = _library({"go128.pdf": SEPARATION_PAGE})
    crossing = decide(
        "Communication duct installed independently crossing the existing 6-in water main with 8 in of separation.",
        {},
        lib,
    )
    assert crossing.verdict == "REPEALABLE" and "6 inches" in crossing.reason, crossing.reason


MANHOLE_PAGE = """General Order No. 128
Document: GO-128
Revision: 1
32  Manholes
32.5  Openings
No manhole access opening shall be smaller than 26 inches in diameter if round, or 26 inches by 24 inches if
rectangular.
"""


def test_no_opening_shall_be_smaller_than_is_a_minimum_for_each_shape():
    """GO 128 Rule 32.5. Before, "No ... shall be smaller than 26 inches" read as "less than 26 inches", and "if round,
    or" made the rectangular size a condition."""
    from engine import decide

    lib = _library({"go128.pdf": MANHOLE_PAGE})
    rect = decide("Rectangular access opening of new manhole M-17 measures 24 in by 22 in.", {}, lib)
    assert rect.verdict == "VALID", rect.reason
    round_ = decide(
        "Round access opening of manhole M-19 measures 27 in in diameter; auditor requires 30 in.", {}, lib
    )
    assert round_.verdict == "REPEALABLE" and "26 inches" in round_.reason, round_.reason


def test_a_code_section_with_a_one_word_title_starts_a_clause():
    """Title 8 "2706  Application" (one title word) was not taken for a section, so its text ran into the previous
    clause; short numbers with one word ("3 Poles") still are not sections."""
    page = """California Code of Regulations, Title 8
Document: CCR-T8-HVESO
Revision: 1
2706  Application
(a) These orders apply to all installations on systems of more than 600 volts between conductors.
2805  Vaults - General
Vaults shall be built of fire-resistant materials.
3 Poles were inspected.
"""
    sections = [c.section for c in parse_spec([page], "t8.pdf").clauses]
    assert "2706" in sections and "2805" in sections and "3" not in sections


VEGETATION_PAGE = """General Order No. 95
Document: GO-95
Revision: 1
35  Vegetation Management
Where overhead primary conductors of 750 to 22,500 volts pass through trees, a radial clearance of not less than 18
inches shall be maintained between the conductors and the vegetation, by trimming where needed.
Exceptions:
(1) The requirements of Rule 35 do not apply to conductors energized at less than 60,000 volts, where trimming or
removal is not practicable and the conductor is separated from the tree by suitable materials or devices.
(2) Where the utility has made a good faith effort to obtain permission to trim and the owner refused, the utility is
not in violation; a good faith effort is a personal contact and a written communication with proof of delivery.
"""


def test_each_numbered_exception_is_read_on_its_own():
    """GO 95 Rule 35 Exceptions (1) and (2) were one statement (a telephone refusal met "Exception (1)" on the words of
    (2), realtext-mix), and the separated-by-guards case did not meet (1), because the rule's voltage range hid the
    exception's own limit; "Where ..., a radial clearance of not less than 18 inches shall" is no condition."""
    from engine import decide
    from engine.requirements import parse_statements

    lib = _library({"go95.pdf": VEGETATION_PAGE})
    guarded = decide(
        "12 kV primary span 30-31 passes through a heritage redwood; trimming is not practicable; the phase conductors "
        "are separated from the trunk by installed non-conductive tree guards; clearance 8 in.",
        {},
        lib,
    )
    assert guarded.verdict == "REPEALABLE" and "exception" in guarded.reason, guarded.reason
    statements = parse_statements(VEGETATION_PAGE.split("35  Vegetation Management\n")[1])
    exceptions = [s.text for s in statements if s.is_exception]
    assert [t[:8] for t in exceptions] == ["Exceptio", "(1) The ", "(2) Wher"]
    assert not statements[0].is_exception


def test_a_release_of_another_thing_does_not_repeal_a_finding_about_labels():
    """holdout-2: "Tagging of secondary cables in transformer pads is not required" must not repeal a faded
    transformer nameplate (a stemmer change that made "tagging" match "labels" turned it REPEALABLE)."""
    from pathlib import Path

    from engine import ClauseRecord, Library, decide, read_pdf

    records = []
    for pdf in sorted((Path(__file__).parent / "corpora" / "holdout-2" / "specs").glob("*.pdf")):
        spec = parse_spec(read_pdf(pdf).pages, pdf.name)
        records += [
            ClauseRecord.of(c, document=spec.document_number, title=spec.title, revision=spec.revision)
            for c in spec.clauses
        ]
    d = decide(
        "Nameplate on transformer T-779 is faded and illegible.",
        {"subject": "Equipment labels and nameplates", "answer": "N", "item": "8"},
        Library(records),
    )
    assert d.verdict == "NEEDS_REVIEW", d.reason


MESSENGER_PAGE = """General Order No. 95
Document: GO-95-Section-VIII
Revision: 1
87.5  Messengers
87.5-A  Dead-ending
The fastenings or attachments by which messengers are dead-ended shall have a strength at least equal to that of
the strand to which they are attached.
"""


def test_a_go_back_resting_on_the_auditors_own_demand_is_contested_with_the_rules_text():
    """The audit states the installed condition, then what the auditor demands ("auditor requires a three-bolt
    clamp"); the rule asks something else and nothing reported falls short of it: the go-back is contested
    with the rule's words. A finding that reports the rule unmet and only cites the rule stays a go-back."""
    from engine import decide

    lib = _library({"go.pdf": MESSENGER_PAGE})
    d = decide(
        "At pole 1190 the messenger is dead-ended with a strandvise rated for the strand; auditor requires a "
        "three-bolt clamp.",
        {},
        lib,
    )
    assert d.verdict == "REPEALABLE"
    assert "three-bolt clamp" in d.reason and d.citations[0]["section"] == "87.5-A"
    cited = decide(
        "At pole 1191 the messenger dead-end fastening is weaker than the strand; auditor cites GO 95 Rule 87.5.",
        {},
        lib,
    )
    assert cited.verdict == "VALID"


BARE_NEUTRAL_PAGE = """General Order No. 95
Document: GO-95-Section-V
Revision: 3
54.8  Service Drops, 0 - 750 Volts
54.8-A  Material and Size
Service drops shall be of the material and size specified in Table 8.
Note: Resolution E-756 authorized the use of multiple-conductor service drop cable with a bare neutral conductor
for service drops of 0 - 750 volts, provided that the cable is attached at both the pole end and the building end
by means of an insulator.
"""


def test_a_permission_whose_proviso_the_finding_says_is_missing_does_not_repeal():
    """GO 95 Rule 54.8-A's note: bare-neutral cable is authorized provided it is attached by insulators at both
    ends. A drop dead-ended with no insulator stays a go-back; one on insulators is repealed. The auditor's
    corrective action in the same cell ("Install an insulator ...") is the demand, not a fact of the field."""
    from engine import decide

    lib = _library({"go.pdf": BARE_NEUTRAL_PAGE})
    missing = decide(
        "Service drop cable with a bare neutral is dead-ended at the building end with no insulator. GO 95 54.8-A "
        "Install an insulator at the building end.",
        {},
        lib,
    )
    assert missing.verdict == "VALID" and "provided that" in missing.reason
    on_insulators = decide(
        "Service drop cable with a bare neutral conductor is attached by insulators at both ends; auditor states a "
        "bare neutral is not permitted.",
        {},
        lib,
    )
    assert on_insulators.verdict == "REPEALABLE"


def test_a_title_block_field_names_the_whole_identifier_and_revision():
    """'Document: RUS 1728F-804', 'Document: GO 95', 'Document: Title 8 HVESO': the field's whole value is the
    identifier, spaces and all; 'Revision: Library excerpt 2 (sections as posted)' gives the revision before the
    parenthesis. A field that goes on to another field ('Document: TD-7001M Rev. 5') is read by its parts."""
    body = "\n12.2  Maintenance of Lines\nLines shall be kept in good condition.\n"
    cases = [
        ("Document: RUS 1728F-804\nRevision: 2", "RUS 1728F-804", "2"),
        (
            "Document: GO 95\nRevision: Library excerpt 1 (rule text as revised through 2016)",
            "GO 95",
            "Library excerpt 1",
        ),
        (
            "Document: Title 8 HVESO\nRevision: Library excerpt 2 (sections as posted)",
            "Title 8 HVESO",
            "Library excerpt 2",
        ),
        ("Document: TD-7001M Rev. 5", "TD-7001M", "5"),
        ("Document: GO-95-Section-V\nRevision: 03", "GO-95-Section-V", "03"),
    ]
    for block, number, revision in cases:
        spec = parse_spec([f"General Order No. 95\n{block}{body}"], "x.pdf")
        assert (spec.document_number, spec.revision) == (number, revision), block


CODE_PAGE = """California Code of Regulations, Title 8 - High-Voltage Electrical Safety Orders
Document: Title 8 HVESO
Revision: 2
Article 18. Conductors
2816  Insulation
(a) Conductors shall have a voltage rating of not less than the operating voltage of the circuit.
Article 19. Outdoor Wiring
2830  Insulated Conductors
(c) Direct-buried cables shall be at least 36 inches below grade.
Article 36. Work Procedures and Operating Procedures
2943  Work on or in Proximity to Underground High-Voltage Cables, Conductors or Equipment
(b) A ladder shall be used to enter a manhole or vault more than 4 feet deep.
"""


def test_a_codes_articles_group_its_sections():
    """California Title 8: "Article 18. Conductors" groups Sections 2816 ...; the sections are the clauses (a
    long title-case section title included), and the articles are parts, not rules "18", "19", "36". A standard's
    "Article 3 Anchor Placement" over "Article 3.1 ..." still numbers its own clauses."""
    spec = parse_spec([CODE_PAGE], "t8.pdf")
    assert spec.document_number == "Title 8 HVESO"
    secs = _by_section(spec)
    assert set(secs) == {"2816", "2830", "2943"}
    assert secs["2943"][0].heading.startswith("Work on or in Proximity")
    std = parse_spec(
        [
            "Document: ENG-STD-1\nRevision: 2\nArticle 1 Purpose\nThis standard sets guying rules.\n"
            "Article 3 Anchor Placement\nArticle 3.1 The anchor lead shall be not less than 10 ft.\n"
        ],
        "std.pdf",
    )
    assert {"1", "3", "3.1"} <= set(_by_section(std))


SIGN_PAGES = [
    """General Order No. 95
Document: GO 95
Revision: 1
39  Minimum Clearances of Wires from Signs
The clearance between any overhead line conductor and any sign shall not be less than the value in Table 2-A.
84.6  Vertical and Lateral Conductors
A. Open wire conductors running from one level to another shall not pass within the climbing space.
Table 2-A  Minimum Clearances of Wires from Signs
Case Nature of clearance
A: Communication cables
B: Supply conductors of 0 - 750 V
C: Supply conductors, 750 - 300,000 V
1 Vertical clearance above signs upon which men can walk 8 feet 8 feet 12 feet
2 Vertical clearance under signs which are illuminated 2 feet 3 feet Prohibited
3 Horizontal clearance from signs which are illuminated 3 feet 3 feet 6 feet
"""
]


def test_a_lettered_table_is_cited_by_its_own_name_and_a_prohibited_cell_is_read():
    """GO 95 Table 2-A printed after Rule 84.6: its rows are section "Table 2-A" (as a finding cites it), still
    grouped with the rule they are printed in; a "Prohibited" cell is a cell, so the rows after it are read."""
    from engine import decide

    spec = parse_spec(SIGN_PAGES, "go.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row"]
    assert [c.section for c in rows] == ["Table 2-A"] * 3
    assert rows[1].data["cells"][-1] == "Prohibited" and "Horizontal clearance" in rows[2].data["cells"][0]
    lib = _library({"go.pdf": SIGN_PAGES[0]})
    d = decide("The 12 kV primary passes 4 ft horizontally from the illuminated pharmacy sign.", {}, lib)
    assert (
        d.verdict == "VALID" and d.citations[0]["section"] == "Table 2-A" and "Case 3, Column C" in d.reason
    )


MODIFIER_PAGE = """General Order No. 95
Document: GO-95-Misc
Revision: 1
38  Minimum Clearances of Wires from Other Wires
The clearances between wires are those of Table 2 [not reproduced in this excerpt]. The clearances of Table 2 shall
in no case be reduced more than 10 percent because of temperature and loading.
58.3-B  Case and Lead Wire Clearances (Transformers)
(1) Above ground. (a) Lead and bus wires: the Table 1 clearances above ground apply to unprotected lead and bus
wires of transformer installations, modified as follows:
- Where Table 1, Column E, Cases 3 and 4 give 25 feet, unprotected lead and bus wires may be lower but not less
than 22 1/2 feet. [Table 1 is not reproduced in this excerpt.]
"""


def test_a_held_rule_that_modifies_an_unheld_table_governs_a_finding_citing_that_table():
    """Real-standards class 4: GO 95 Rule 58.3-B modifies Table 1 for transformer leads (not below 22 1/2 ft where
    Table 1 gives 25 ft); the library lacks Table 1 but holds 58.3-B, which decides the finding that cites Table 1.
    Rule 38 only refers to Table 2 (its tolerance sets no value): a finding citing Table 2 stays for review."""
    from engine import decide

    lib = _library({"go.pdf": MODIFIER_PAGE})
    d = decide(
        "Unprotected transformer lead wires 23 ft 2 in above the street; Table 1 Column E requires 25 ft.",
        {},
        lib,
    )
    assert d.verdict == "REPEALABLE" and d.citations[0]["section"] == "58.3-B"
    assert "Table 1" in d.reason and "22 1/2 feet" in d.reason
    wires = decide(
        "Vertical separation between the 12 kV crossarm and the communication cable measured 44 in; Table 2 "
        "requires 48 in.",
        {},
        lib,
    )
    assert wires.verdict == "NEEDS_REVIEW"


SCOPE_PAGE = """Title 8 - High-Voltage Electrical Safety Orders
Document: Title 8 HVESO
Revision: 2
2943  Work on or in Proximity to Underground High-Voltage Cables, Conductors or Equipment
(b) Manholes and vaults. (2) Employees shall use a ladder or other climbing device to enter and leave a manhole or
subsurface vault more than 4 feet (1.22 meters) deep.
"""
CLIMB_PAGE = """General Order No. 95
Document: GO-95-Section-IX
Revision: 1
93  Climbing Space on Jointly Used Poles
The climbing space shall be so correlated between conductor levels that its position around the pole does not
change by more than 90 degrees within a vertical distance of less than 8 feet.
"""


def test_a_value_that_names_which_things_a_rule_is_about_is_its_condition_not_its_limit():
    """ "A manhole more than 4 feet deep" (Title 8 2943, 1910.269(t)(1)) says which manholes need a ladder: 5 ft deep
    without a ladder stays a go-back, 42 in deep is outside the rule. GO 95 Rule 93: "does not change by more than
    90 degrees" is an upper limit, "within a vertical distance of less than 8 feet" its condition, met only by a
    value the finding gives as that distance."""
    from engine import decide

    lib = _library({"t8.pdf": SCOPE_PAGE, "go.pdf": CLIMB_PAGE})
    deep = decide(
        "Splicer entered the 5 ft deep manhole MH-2 by climbing down the cable racks; no ladder set.", {}, lib
    )
    assert deep.verdict == "VALID"
    shallow = decide("Technician stepped into the 42 in deep vault V-7 without a ladder.", {}, lib)
    assert shallow.verdict == "REPEALABLE" and "more than 4 feet" in shallow.reason
    turned = decide(
        "Climbing space turns 180 degrees around the pole over a vertical distance of 5 ft.", {}, lib
    )
    assert turned.verdict == "VALID" and "at most 90 degrees" in turned.reason
    long_run = decide("Climbing space shifts 90 degrees over a vertical distance of 10 ft.", {}, lib)
    assert long_run.verdict == "REPEALABLE"


LABEL_PAGE = """Title 8 - High-Voltage Electrical Safety Orders
Document: Title 8 HVESO
Revision: 2
2830  Insulated Conductors
(c) Depth: direct-buried cables shall be at least 36 inches deep. Exception: lesser depths are permitted where
cables rise for terminations and splices.
(d) Identification: cables shall be labeled at all circuit terminals. The labels shall show at least the phase and
circuit designation and the nearest sectionalizing points.
"""


def test_a_codes_next_titled_paragraph_ends_an_inline_exception():
    """Title 8 2830: "(d) Identification: ..." after (c)'s inline Exception is the section's requirement again, so a
    label missing its circuit designation is judged by it; a go-back on what only the auditor wants beyond it
    ("auditor also wants the cable size") is contested; an auditor writing "I am requiring 6 ft" states a claim,
    not a measurement."""
    from engine import decide
    from engine.requirements.facts import audit_facts

    spec = parse_spec([LABEL_PAGE], "t8.pdf")
    assert [c.kind for c in spec.clauses if c.text.startswith("(d)")] == ["requirement"]
    lib = _library({"t8.pdf": LABEL_PAGE})
    missing = decide("Cable labels at switch S-2 show the phase only, with no circuit designation.", {}, lib)
    assert missing.verdict == "VALID" and missing.citations[0]["section"] == "2830"
    more = decide(
        "Cable tags in SC-2 show phase, circuit and nearest sectionalizing points; auditor also wants the cable size "
        "on each tag.",
        {},
        lib,
    )
    assert more.verdict == "REPEALABLE" and "cable size" in more.reason
    facts = audit_facts("The secondary runs 3 ft 2 in from the sign; I am requiring 6 ft as for the primary.")
    assert [q.describe() for q in facts.claimed] == ["6 ft"]


def test_review_restrictions_reports_and_identifiers_are_not_misread():
    """Review of this change: "Only qualified employees are authorized" restricts (no permission); "inspector states
    no guy marker installed" reports, it demands nothing; a corrective action stops at its comma ("Extend ground
    rod, driven only 6 ft": 6 ft is measured); "Cases 3 and 4 give" is no count but "2 guys" is; "Document: Section 3
    Overview" names no document and "Revision: none" no revision; a standard's articles stay clauses beside one
    3-digit section; "Table IV" stays with its rule; a hostile run of words before a value parses at once."""
    from engine import decide
    from engine.requirements.facts import audit_facts
    from engine.requirements.statements import parse_statements

    only = _library(
        {"o.pdf": "Document: OSHA-1\nRevision: 1\n3.1  Qualified Employees\nOnly qualified employees are authorized to "
         "work on energized conductors.\n"}
    )  # fmt: skip
    assert (
        decide("Employee who is not qualified working on energized conductors.", {}, only).verdict == "VALID"
    )
    marker = _library({"go.pdf": MARKER_PAGE})
    assert (
        decide("Inspector states no guy marker installed on the anchor guy at pole 7.", {}, marker).verdict
        == "VALID"
    )
    assert [q.describe() for q in audit_facts("Extend ground rod, driven only 6 ft.").measured] == ["6 ft"]
    assert [q.kind for q in find_quantities("Where Cases 3 and 4 give 25 feet, 2 guys are needed")] == [
        "length",
        "count:guy",
    ]
    spec = parse_spec(
        ["Document: Section 3 Overview\nRevision: none\n12.2  Maintenance\nLines shall be kept.\n"], "s.pdf"
    )
    assert (spec.document_number, spec.revision) == ("s", "")
    std = parse_spec(
        ["Document: STD-9\nRevision: 1\nArticle 1 Purpose\nThis standard sets rules.\nArticle 2 Scope\nIt applies to "
         "poles.\n250  Grounding\nGrounds shall be 25 ohms or less.\n"],
        "std.pdf",
    )  # fmt: skip
    assert {"1", "2"} <= set(_by_section(std))
    roman = parse_spec(
        ["Document: GO-9\nRevision: 1\n39  Signs\nClearances shall be those of Table IV.\nTable IV  Sign Clearances\n"
         "Case Nature\nA: Cables\nB: Supply\n1 Above signs 8 feet 12 feet\n"],
        "r.pdf",
    )  # fmt: skip
    assert {c.section for c in roman.clauses if c.kind == "table_row"} <= {"39"}
    hostile = "Where Table 1, Column " + "to" * 60 + " 25 feet, wires may be lower but not less than 22 feet."
    assert parse_statements(hostile)


def test_within_x_above_or_y_below_and_portions_less_than_are_conditions():
    """GO 95 Rule 84.6-D: "covered where they are within 3 feet above or 6 feet below unprotected supply conductors":
    both values say where the rule applies; 84.6-C: "the portions of such runs that are less than 15 inches from the
    pole center line and less than 6 feet below ..." likewise. A run 4 ft below the secondary, uncovered, stays a
    go-back instead of "meeting" a limit of less than 6 ft."""
    from engine.requirements.statements import parse_statements

    d = parse_statements(
        "Vertical runs of communication cables on wood poles shall have a suitable protective covering where they "
        "are within 3 feet above or 6 feet below unprotected supply conductors on the same pole."
    )
    assert [(c.describe(), c.condition) for c in d[0].constraints] == [
        ("at most 3 feet", True),
        ("at most 6 feet", True),
    ]
    c = parse_statements(
        "Lateral runs may cross the pole, provided the portions of such runs that are less than 15 inches from the "
        "pole center line and less than 6 feet below the level of unprotected supply conductors are supported by a "
        "crossarm."
    )
    assert [x.condition for x in c[0].constraints] == [True, True]


def test_a_reduced_value_is_a_minimum_and_a_tables_modifying_notes_are_its_notes():
    """GO 95 Rule 58.1 note (b): "May be reduced to 14 feet if ..." sets 14 ft as the least allowed, not an exact
    value. GO 95 heads Table 2-A's notes "References to rules modifying minimum clearances in Table 2-A:": the
    lettered lines under it are the table's notes (cited with the table), not more of the rule printed before."""
    from engine.requirements.statements import parse_statements

    (st,) = parse_statements(
        "(b) May be reduced to 14 feet if the signal is more than 8 1/2 feet from the track."
    )
    assert [(c.comparator, c.describe(), c.condition) for c in st.constraints] == [
        (">=", "at least 14 feet", False),
        (">", "more than 8 1/2 feet", True),
    ]
    page = SIGN_PAGES[0] + (
        "References to rules modifying minimum clearances in Table 2-A:\n"
        "(a) These clearances do not apply to service drops attached to a sign to serve it.\n"
        "(c) May be reduced to 6 inches provided the illuminated sign is grounded.\n"
    )
    notes = [c for c in parse_spec([page], "go.pdf").clauses if c.kind == "note"]
    assert [c.section for c in notes] == ["Table 2-A", "Table 2-A"]
    assert notes[1].text.startswith("Note (c) to Table 2-A")


def test_wires_a_column_excepts_are_not_its_classes():
    """GO 95 Tables 1 and 2-A, Column A: "Span wires (other than trolley span wires), overhead guys and messengers,
    communication cables ...": trolley wires are excepted, so a telephone cable reads Column A, not Column B
    ("Communication open wire conductors; supply cables ... and supply service drops 0 - 750 V")."""
    from engine.tables import choose_column

    columns = [
        "Column A - Span wires (other than trolley span wires), overhead guys and messengers, communication cables "
        "and communication service drops",
        "Column B - Communication open wire conductors; supply cables treated as in Rule 57.8 and supply service "
        "drops 0 - 750 V",
        "Column C - Supply conductors and supply cables of 0 - 750 V and trolley span wires",
    ]
    assert choose_column(columns, ["A", "B", "C"], "The telephone cable passes 8 in under the sign.", []) == 0


SIGN_NOTES_PAGE = """General Order No. 95
Document: GO 95
Revision: 1
39  Minimum Clearances of Wires from Signs
The clearance between any overhead line conductor and any sign shall not be less than the value in Table 2-A.
Table 2-A  Minimum Clearances of Wires from Signs
Case Nature of clearance
A: Span wires (other than trolley span wires), overhead guys and messengers, communication cables
B: Communication open wire conductors and supply service drops 0 - 750 V
C: Supply conductors, 750 - 300,000 V
1 Vertical clearance above all signs upon which men can walk 8 feet 8 feet 12 feet
3 Vertical clearance under signs which are illuminated 2 feet (c) 2 feet Prohibited
4 Vertical clearance under signs which are non-illuminated 6 inches 1 foot Prohibited
5 Horizontal clearance from signs which are illuminated 3 feet (c) 3 feet 6 feet
References to rules modifying minimum clearances in Table 2-A:
(c) May be reduced to 6 inches provided the illuminated sign is grounded.
"""


def test_a_sign_clearance_finding_reads_its_case_column_and_note():
    """GO 95 Table 2-A: the case by where the wire runs from the sign (under / horizontal, lit or not), the column
    by the wire (a telephone cable: Column A), and the cell's own note (c) when the finding states its proviso (the
    sign is grounded): 8 in under a grounded lit sign meets 6 in; under an ungrounded one it misses 2 ft; 4 ft
    horizontally from a lit sign misses Column C's 6 ft. The reason names the case, the column and the note."""
    from engine import decide

    lib = _library({"go.pdf": SIGN_NOTES_PAGE})
    grounded = decide(
        "The telephone cable passes 8 in under the illuminated sign; the sign frame is bonded to the building ground.",
        {},
        lib,
    )
    assert grounded.verdict == "REPEALABLE"
    assert "Case 3, Column A" in grounded.reason and "note (c)" in grounded.reason
    bare = decide("The telephone cable passes 8 in under the illuminated sign.", {}, lib)
    assert bare.verdict == "VALID" and "Case 3, Column A" in bare.reason
    primary = decide("The 12 kV primary passes 4 ft horizontally from the illuminated sign.", {}, lib)
    assert primary.verdict == "VALID" and "Case 5, Column C" in primary.reason


def test_a_shortfall_against_a_cell_whose_note_the_library_lacks_needs_review():
    """GO 95 Table 2-A, Case 4, Column A: "6 inches (d)", note (d) not legible in the library copy: 4 in misses the
    cell's value, but the note may permit less, so a reviewer decides; a value that meets the cell still repeals."""
    from engine import decide

    page = SIGN_NOTES_PAGE.replace("4 Vertical clearance under signs which are non-illuminated 6 inches 1 foot", "4 Vertical clearance under signs which are non-illuminated 6 inches (d) 1 foot")  # fmt: skip
    lib = _library({"go.pdf": page})
    short = decide("The CATV cable is 4 in below the non-illuminated sign.", {}, lib)
    assert short.verdict == "NEEDS_REVIEW" and "note (d)" in short.reason
    assert decide("The CATV cable is 7 in below the non-illuminated sign.", {}, lib).verdict == "REPEALABLE"


def test_a_wires_voltage_written_with_it_names_it():
    """GO 95 Table 2: "New 12 kV distribution underbuild crosses beneath the 34.5 kV line": each voltage names its
    wire, so the case and column are read by 12 kV and 34.5 kV (not left unknown)."""
    from engine.tables import wires_in

    wires = wires_in("New 12 kV distribution underbuild crosses beneath the 34.5 kV line at Putah Creek Rd")
    assert [(w.cls, w.volts) for w in wires] == [("supply", 12000.0), ("supply", 34500.0)]
