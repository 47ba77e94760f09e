"""Tables as federal regulations print them (29 CFR 1910.269 Table R-6, minimum approach distances): a caption
sentence under the title, a "Row" number column, voltage ranges whose unit is in the column heading
("0.301 to 0.750" under "Nominal voltage (kV)"), and metric values with feet in parentheses under "m (ft)".
Values restate Table R-6 rows 2-5 (real-standards issue, class 3); also the 1910.269(l)(2) and (l)(3)
wording that defers to other paragraphs' exceptions or lists its own."""

from __future__ import annotations

from engine import Library, decide
from engine.spec.parsing import parse_spec
from tests.spec_library import library_of

R6 = """29 CFR 1910.269 (library excerpt)
Document 1910.269-L
Revision 1
1910.269(l)(3) Minimum approach distances
The employer shall ensure that no employee approaches closer to exposed energized parts than the minimum
approach distance, unless the employee is insulated from the energized part by rubber insulating gloves and sleeves.
Table R-6 AC Live-Line Work Minimum Approach Distance
Distances from the employee to the exposed energized part. Rows are chosen by the nominal phase-to-phase
voltage; columns by the type of exposure.
Row Nominal voltage (kV), phase-to-phase Distance, phase-to-ground exposure, m (ft) Distance, phase-to-phase exposure, m (ft)
2 0.301 to 0.750 0.33 (1.09) 0.33 (1.09)
3 0.751 to 5.0 0.63 (2.07) 0.63 (2.07)
4 5.1 to 15.0 0.65 (2.14) 0.68 (2.24)
5 15.1 to 36.0 0.77 (2.53) 0.89 (2.92)
"""


def _library() -> Library:
    return library_of(([R6], "r6.pdf"))


def test_caption_row_numbers_unitless_ranges_and_paired_units_are_read():
    spec = parse_spec([R6], "r6.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row"]
    assert [r.data["cells"][:2] for r in rows] == [
        ["2", "0.301 to 0.750"],
        ["3", "0.751 to 5.0"],
        ["4", "5.1 to 15.0"],
        ["5", "15.1 to 36.0"],
    ]
    assert rows[0].data["columns"][0] == "Row"
    caption = [c for c in spec.clauses if c.kind == "note" and c.data.get("table")]
    assert caption and "Rows are chosen by the nominal phase-to-phase voltage" in caption[0].text


def test_the_row_follows_the_voltage_and_the_value_is_in_feet():
    lib = _library()
    short = decide(
        "Apprentice came within 2 ft 0 in of the energized 12.47 kV phase while he worked without rubber "
        "gloves (phase-to-ground exposure).",
        {},
        lib,
    )
    assert short.verdict == "VALID", short.reason
    assert "2.14 ft" in short.reason
    ok = decide(
        "Lineman kept 2 ft 8 in from the energized 24.9 kV phase (phase-to-ground exposure).", {}, lib
    )
    assert ok.verdict == "REPEALABLE", ok.reason
    assert "2.53 ft" in ok.reason


def test_except_as_another_paragraph_provides_is_the_rule_not_an_exception():
    from engine.requirements.modality import EXCEPTION_LEAD

    assert not EXCEPTION_LEAD.match("Except as (l)(2)(ii) provides, at least two employees shall be present")
    assert not EXCEPTION_LEAD.match("Except as otherwise provided in Rule 54.8, the clearance shall be")
    assert EXCEPTION_LEAD.match("Except where the roof is not walkable, the clearance shall be 8 ft")


def test_a_text_table_goes_on_after_its_header_repeats_on_the_next_page():
    """Table R-6 crosses a page break with its header row printed again: rows 4 and 5 are both rows of it
    (before, the repeated header ended the table and row 5 onward became prose)."""
    first, rest = R6.split("5 15.1 to 36.0")
    header = next(line for line in R6.splitlines() if line.startswith("Row Nominal"))
    after = "1910.269(n) Grounding\nThe employer shall ensure that protective grounds are installed before work begins.\n"
    pages = [
        first,
        f"{header}\n5 15.1 to 36.0{rest}",
        after,
        after.replace("(n)", "(o)"),
        after.replace("(n)", "(p)"),
    ]
    spec = parse_spec(pages, "r6-five-pages.pdf")
    rows = [c for c in spec.clauses if c.kind == "table_row"]
    assert [(r.data["cells"][0], r.page) for r in rows] == [("2", 1), ("3", 1), ("4", 1), ("5", 2)]


GROUNDS = """29 CFR 1910.269 (library excerpt)
Document 1910.269-N
Revision 1
1910.269(n)(6) Connecting and removing grounds
When an employee attaches a ground to a line, the ground-end connection is attached first, and the other end is
then attached by means of a live-line tool. For lines operating at 600 volts or less, the employer may let the
employee use insulating equipment other than a live-line tool.
"""


def test_a_permission_whose_condition_is_not_met_leaves_the_rule_to_decide():
    """1910.269(n)(6): the 600-volt allowance is a permission; a 12.47 kV line is outside it, so the rule
    (ground end first, line end by live-line tool) decides, and the go-back stands. Before, the unmet
    condition of the permission was read as the whole rule not governing (REPEALABLE)."""
    lib = library_of(([GROUNDS], "grounds.pdf"))
    d = decide(
        "The lineman attached the line-end clamp of the ground to the deenergized 12.47 kV phase by hand, "
        "without a live-line tool, before connecting the ground end.",
        {},
        lib,
    )
    assert d.verdict == "VALID", d.reason
    assert "permission" in d.reason and "12.47 kV" in d.reason


# GO 128 Appendix A, Table 2 (summary of dimensions): each case's requirement written as words in its row
APPENDIX_TABLE = """General Order 128 (library excerpt)
Document GO-128-A
Revision 1
31.6 Sealing Service Laterals
Service conduits through which water may enter buildings shall be suitably plugged or sealed at the source of supply.
32.4 Size of Manholes
Manholes shall be large enough to house the equipment safely.
32.5 Openings
No manhole access opening shall be less than 26 inches in diameter if circular.
Appendix A - Summary of Dimensions, Clearances and Depth Requirements
Appendix A, Table 2  Miscellaneous Dimensions and Clearance Requirements for Supply and
Communication Systems
Case Nature of clearance or depth Requirement Reference rules
2 Size and shape of manholes Minimum inside dimension 4 feet by 5 feet high; see Public Utilities Code Section 8051 32.4, 42.4
4 Manhole location Manhole openings not less than 3 feet from any railroad rail 32.8, 42.8
5 Sectionalizing switches Maximum height of operating handles and viewing windows: 6-1/2 feet -
"""


def test_a_summary_table_row_written_in_words_is_a_limit_on_the_dimension_it_names():
    """realtext-gb2: the rows of GO 128 Appendix A Table 2 state their limits in words ("Maximum height ...:
    6-1/2 feet", "Minimum inside dimension 4 feet by 5 feet high"); they were read as cells under the header,
    which gave no limit (the findings came back NEEDS_REVIEW, "the tabulated values") or "at least 6-1/2 feet".
    A measured height is judged by the height limit of the row, not by its width."""
    lib = library_of(([APPENDIX_TABLE], "go128.pdf"))
    handle = decide(
        "The sectionalizing switch operating handle at the Oak Court entrance is 7 ft 2 in above grade.",
        {},
        lib,
    )
    assert handle.verdict == "VALID" and handle.citations[0]["section"] == "Appendix A, Table 2"
    assert "6-1/2 feet" in handle.reason
    window = decide(
        "The switch viewing window is 78 in above grade; the inspector cites it as above the maximum.",
        {},
        lib,
    )
    assert window.verdict == "REPEALABLE"
    height = decide(
        "Inside height of manhole M-17 measured 4 ft 8 in from the floor to the underside of the roof slab.",
        {},
        lib,
    )
    assert height.verdict == "VALID" and "5 feet" in height.reason


GROUNDING = """29 CFR 1910.269 (library excerpt)
Document 1910.269-N
Revision 1
1910.269(n)(3) Equipotential zone
Temporary protective grounds shall be placed at such locations that each employee is protected from hazardous
differences in electric potential.
1910.269(n)(4) Protective grounding equipment
(i) Protective grounding equipment shall be able to conduct the maximum fault current that could flow at the point
of grounding for the time necessary to clear the fault.
(ii) Protective grounding equipment shall have an ampacity greater than or equal to that of No. 2 AWG copper.
[AWG sizes run backwards: No. 4 AWG is smaller than No. 2 AWG; 1/0, 2/0 and 4/0 AWG are larger.]
1910.269(n)(5) Testing
Unless a previously installed ground is present, employees shall test lines and equipment for absence of voltage.
"""


def test_a_long_finding_is_judged_by_the_one_rule_retrieval_ranks_far_first_and_bracketed_notes_set_no_limit():
    """realtext-osha: a grounding-set finding full of fault-study words (kA, cycles, manufacturer) covered too
    little of (n)(4)'s wording to qualify, though retrieval ranked (n)(4) far above every other paragraph
    ("no clause governs"); and the library's bracketed note "[... No. 4 AWG is smaller than No. 2 AWG; 1/0,
    2/0 and 4/0 AWG are larger.]" was read as limits "less than 2/0", so 2/0 AWG failed."""
    lib = library_of(([GROUNDING], "n4.pdf"))
    d = decide(
        "Grounding set at structure 15 is 2/0 AWG copper rated by its manufacturer for 27 kA for 15 cycles; the "
        "utility's fault study gives 9.6 kA available at the site, cleared in 8 cycles. Auditor requires 4/0 AWG "
        "for every grounding set.",
        {},
        lib,
    )
    assert d.citations[0]["section"] == "1910.269(n)(4)", d.reason
    assert d.verdict == "REPEALABLE", d.reason
    assert "less than" not in d.reason
