#!/usr/bin/env python3
"""Generate the realtext-mix evaluation corpus (deterministic).

Specs restate (condensed, paraphrased) CPUC General Order 95 Rules 35 (with Exceptions 1 and 2), 38 with
Table 2 (Cases 1 - 7), 64.4-C, 103.5 and Appendix E; General Order 128 manhole rules and Appendix A Table 2;
OSHA 29 CFR 1926 Subpart CC power-line rules (1926.1400(c)(4), 1926.1408, 1926.1409, 1926.1411, Tables A and
T); and OSHA 29 CFR 1910 Subpart S (1910.331(c)(1), 1910.333(c)(3)). Audits are fictional QA reports.
Writes specs/*.pdf, audits/*.pdf and expected.json next to this script.

Run:  .venv/bin/python tests/corpora/realtext-mix/make_corpus.py [--check]
"""

import hashlib
import json
import os
import re
import sys
from collections import Counter
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime(2025, 12, 1, 9, 0, 0, tzinfo=UTC)

# ----------------------------------------------------------------------------------------------
# PDF helpers
# ----------------------------------------------------------------------------------------------


class Doc(FPDF):
    def __init__(self, running, footer_text, margins=(17, 15, 17)):
        super().__init__(format="Letter")
        self.running = running
        self.footer_text = footer_text
        self.set_auto_page_break(True, margin=18)
        self.set_margins(*margins)
        self.set_creation_date(FIXED)
        self.set_title(running)
        self.alias_nb_pages()

    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, self.running, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "I", 7.5)
        self.cell(0, 5, f"{self.footer_text}   Page {self.page_no()} of {{nb}}", align="C")

    def hd(self, text, size=10.5, style="B"):
        self.ln(1.2)
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, size * 0.52, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(0.6)

    def tx(self, text, size=9.5, style="", indent=0):
        self.set_font("Helvetica", style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.w - self.r_margin - self.l_margin - indent, size * 0.49, text, new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(0.9)

    def grid(self, widths, header, rows, size=8.5, line_height=4.3, aligns=None):
        self.set_font("Helvetica", "", size)
        with self.table(
            col_widths=widths,
            line_height=line_height,
            repeat_headings=1,
            headings_style=FontFace(emphasis="BOLD", fill_color=(228, 228, 228)),
            text_align=aligns or "LEFT",
            first_row_as_headings=True,
        ) as t:
            r = t.row()
            for h in header:
                r.cell(h)
            for row in rows:
                r = t.row()
                for c in row:
                    r.cell(c)
        self.ln(2)


def title_block(pdf, authority, lines, pairs, note):
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, authority, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 15)
    for ln_ in lines:
        pdf.multi_cell(0, 7, ln_, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in pairs:
        pdf.multi_cell(0, 5, f"{k}: {v}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.multi_cell(0, 4.2, note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


LIB_NOTE = (
    "This library copy restates the substance of the listed provisions in condensed wording of its own. "
    "Provision numbers, table cases and columns, values, exceptions and notes follow the published text read; "
    "text in square brackets is the library's own. Where this copy and the official text differ, the official "
    "text governs."
)

# ----------------------------------------------------------------------------------------------
# Spec 1: GO 95 (Rules 14, 35, 38 / Table 2, 64.4-C, 103.5, Appendix E)
# ----------------------------------------------------------------------------------------------


def spec_go95():
    doc = "GO-95"
    pdf = Doc(
        "General Order 95 - Rules for Overhead Electric Line Construction - library excerpt (wire clearances, vegetation)",
        f"{doc}   Library issue 2025-12   Condensed restatement; the General Order governs",
    )
    title_block(
        pdf,
        "State of California - Public Utilities Commission",
        [
            "General Order No. 95",
            "Rules for Overhead Electric Line Construction",
            "Excerpt: Clearances between Wires; Vegetation Management",
        ],
        [
            ("Document", doc),
            ("Revision", "Library issue 2025-12 (each rule carries the revision note of the text read)"),
            ("Effective date", "2025-12-01"),
            (
                "Rules in this excerpt",
                "14 (reference), 35 with Exceptions (1) and (2), 38 with Table 2 (Cases 1 - 7), 64.4-C, 103.5, Appendix E",
            ),
            (
                "Not reproduced",
                "Table 1 (except the Case 13 summary under Rule 35), Table 2 Cases 8 - 17, the lettered notes to Table 2, Rule 35 Exceptions (3) onward",
            ),
        ],
        LIB_NOTE,
    )

    pdf.hd("SECTION I - GENERAL PROVISIONS (reprinted for reference)")
    pdf.hd("14  Limiting Conditions Specified", size=10)
    pdf.tx(
        "Spacing, clearance and strength requirements in these rules are limiting values, expressed as minima or "
        "maxima as the rule states. When two or more requirements set limits on the same thing, the most stringent one "
        "must be met, and meeting it satisfies the others. Larger clearances and greater strength may be provided where "
        "doing so breaks no other requirement."
    )

    pdf.hd("SECTION III - REQUIREMENTS FOR ALL LINES")
    pdf.hd("35  Vegetation Management", size=10)
    pdf.tx(
        "Where overhead conductors pass through trees and other vegetation, the vegetation shall be managed so that "
        "necessary and reasonable clearances are kept; the minimum clearances of Table 1, Cases 13 and 14, measured "
        "between line conductors and vegetation under normal conditions, shall be maintained. Appendix E gives trimming "
        "guidelines. The rule covers every overhead supply and communication facility under this Order, including "
        "facilities on lands that California state and local agencies own and maintain."
    )
    pdf.tx(
        "[Library summary of Table 1, Case 13 - radial clearance of bare line conductors from vegetation: for supply "
        "conductors of 750 - 22,500 volts (Column E), 18 inches. The Case 13 values of the other columns and all values "
        "of Case 14 (High Fire-Threat District) are not reproduced in this excerpt.]",
        size=9,
        style="I",
    )
    pdf.tx(
        "Once a supply or communication company knows, from its normal operating practices or from a notification, "
        "that dead, rotten or diseased trees, or such portions of otherwise healthy trees, overhang or lean toward a "
        "span and may fall into it, those trees or portions should be removed."
    )
    pdf.tx(
        "Supply and communication circuits energized at 750 volts or less, service drops included, should be kept "
        "clear of vegetation in new construction and whenever circuits are reconstructed or repaired, where practicable. "
        "When the company knows that such a circuit shows strain or evidences abrasion from vegetation contact, the "
        "condition shall be corrected by reducing conductor tension, rearranging or replacing the conductor, pruning the "
        "vegetation or placing mechanical protection on the conductor. Abrasion means damage to the insulation from "
        "friction between vegetation and conductor; scuffing or polishing of the covering is not abrasion. Strain means "
        "deflection that adds tension beyond the allowable tension of the span. Vegetation touching a conductor is not, "
        "by itself alone, a violation of this rule."
    )
    pdf.tx("Exceptions:", style="B")
    pdf.tx(
        "(1) The requirements of Rule 35 do not apply to conductors, or to aerial cable that meets Rule 57.4-C, "
        "energized at less than 60,000 volts, where trimming or removal is not practicable and the conductor is separated "
        "from the tree by suitable materials or devices that prevent damage to the conductor by abrasion and grounding "
        "of the circuit through the tree.",
        indent=5,
    )
    pdf.tx(
        "(2) The requirements of Rule 35 do not apply where the utility has made a good faith effort to obtain "
        "permission to trim or remove the vegetation and permission was refused or could not be obtained. A good faith "
        "effort consists of current documentation of at least an attempted personal contact and a written communication, "
        "with documentation of its mailing or delivery; other actions showing good faith are not excluded. Where "
        "permission cannot be obtained and Exception (2) is met, the utility is not compelled to comply with Exception (1).",
        indent=5,
    )
    pdf.tx("[Exceptions (3) onward are not reproduced in this excerpt.]", size=8.8, style="I", indent=5)
    pdf.tx("Note: revised by Decision No. 12-01-032 (January 2012).", size=8.5)

    pdf.hd("38  Minimum Clearances of Wires from Other Wires", size=10)
    pdf.tx(
        "The vertical, horizontal or radial clearance of a wire from another wire shall be not less than the value of "
        "Table 2, which is based on 60 degrees F and no wind. Conductors may be dead-ended at the crossarm, or have "
        "reduced clearances at points of transposition, without being held in violation of Table 2, Cases 8 - 15."
    )
    pdf.tx(
        "The clearances of Table 2 shall in no case be reduced by more than 10 percent because of temperature and "
        "loading as specified in Rule 43, or because of a difference in the size or design of the supporting pins, "
        "hardware or insulators. Clearances under 5 inches apply between surfaces; clearances of 5 inches or more apply "
        "between center lines."
    )
    pdf.tx("Note: revised May 22, 1990 by Resolution No. SU-5.", size=8.5)
    pdf.tx(
        "[Library note on reading Table 2: each Case (row) names one wire, each Column the other wire; the table is "
        "symmetric, so Case 6, Column C and Case 3, Column F give the same clearance. Cases 1 - 7 cover wires that are "
        "not supported on the same poles: vertically at crossings in spans, and radially where colinear or approaching "
        "a crossing. Where a modification rule applies (Rule 64.4-C for tower lines, Rule 103.5 near communication "
        "poles), the most stringent applicable value governs (Rule 14). The lettered notes (b) to (qq) are not "
        "reproduced; (dd) on the 48-inch cells between communication conductors and 750 - 7,500 volt supply conductors "
        "is cross-referenced here to Rule 103.5.]",
        size=9,
        style="I",
    )

    hdr = [
        "Case\nNo.",
        "Nature of clearance / wire concerned",
        "A\nSpan wires, guys, mes-\nsengers",
        "B\nTrolley contact\n0-750 V",
        "C\nCommu-\nnication con-\nductors, cables, service drops",
        "D\nSupply\n0-\n750 V",
        "E\nSupply\n750-\n7,500 V",
        "F\nSupply\n7,500-\n20,000 V",
        "G\nSupply\n20,000-\n35,000 V",
        "H\nSupply\n35,000-\n75,000 V",
        "I\nSupply\n75,000-\n150,000 V",
        "J\nSupply\n150,000-\n300,000 V",
        "K\nSupply\n300,000-\n550,000 V",
    ]
    rows = [
        [
            "1",
            "Span wires, guys and messengers (b)",
            "18 (c)",
            "48 (d,e)",
            "24 (e)",
            "24 (e)",
            "36 (f)",
            "36",
            "72",
            "72",
            "78",
            "78 (gg)",
            "138 (hh)",
        ],
        [
            "2",
            "Trolley contact conductors 0 - 750 volts",
            "48 (d,e)",
            "-",
            "48 (d)",
            "48 (d,h)",
            "48",
            "72",
            "96",
            "96",
            "96",
            "96 (gg)",
            "156 (hh)",
        ],
        [
            "3",
            "Communication conductors",
            "24 (e)",
            "48 (d)",
            "24",
            "48 (i)",
            "48 (dd)",
            "72",
            "96",
            "96",
            "96",
            "96 (gg)",
            "156 (hh)",
        ],
        [
            "4",
            "Supply conductors, service drops and trolley feeders 0 - 750 volts (qq)",
            "24 (e)",
            "48 (d,h)",
            "48 (i)",
            "24",
            "48",
            "48",
            "96",
            "96 (oo)",
            "96",
            "96 (gg)",
            "156 (hh)",
        ],
        [
            "5",
            "Supply conductors 750 - 7,500 volts (qq)",
            "36 (f)",
            "48",
            "48 (dd)",
            "48",
            "48 (h)",
            "72",
            "96",
            "96 (oo)",
            "96",
            "96 (gg)",
            "156 (hh)",
        ],
        [
            "6",
            "Supply conductors 7,500 - 20,000 volts (qq)",
            "36",
            "72",
            "72",
            "48",
            "72",
            "72",
            "96",
            "96 (oo)",
            "96",
            "96 (gg)",
            "156 (hh)",
        ],
        [
            "7",
            "Supply conductors more than 20,000 volts (qq)",
            "72 (g)",
            "96 (g)",
            "96 (g)",
            "96 (g)",
            "96 (g)(oo)",
            "96 (g)(oo)",
            "96 (g)(oo)",
            "96 (g)(oo)",
            "96 (g)",
            "96 (gg)",
            "156 (hh)",
        ],
    ]
    widths = (9, 31, 13, 12, 14, 11, 12, 13, 13, 13, 14, 14, 14)
    cap = (
        "Table 2 - Basic Minimum Allowable Clearance of Wires from Other Wires at Crossings, in Midspans and at "
        "Supports (all clearances in inches; letters refer to notes following the table)"
    )
    pdf.add_page()
    pdf.hd(cap, size=9.5)
    pdf.tx(
        "Cases 1 - 7: clearance between wires, cables and conductors not supported on the same poles, vertically at "
        "crossings in spans, and radially where colinear or approaching a crossing.",
        size=8.8,
    )
    pdf.grid(widths, hdr, rows[:4], size=7.4, line_height=3.7, aligns="CENTER")
    pdf.tx("[Table 2 continues on the next page.]", size=8, style="I")
    pdf.add_page()
    pdf.hd(cap + " (continued)", size=9.5)
    pdf.grid(widths, hdr, rows[4:], size=7.4, line_height=3.7, aligns="CENTER")
    pdf.tx(
        "[Cases 8 - 17 of Table 2 (vertical separation between conductors on different crossarms of the same pole, "
        "line and buck arms, horizontal separation and pin spacing on the same crossarm, radial separation between "
        "phases, and the rest) and the notes (b) to (qq) are not reproduced in this excerpt.]",
        size=8.8,
        style="I",
    )

    pdf.hd(
        "SECTION VI - DETAILED CONSTRUCTION REQUIREMENTS FOR TOWER LINES AND EXTRA HIGH VOLTAGE LINES (CLASS E CIRCUITS)"
    )
    pdf.hd("64.4-C  Between Conductors", size=10)
    pdf.tx(
        "The minimum clearances between conductors are those of Rule 38, Table 2, modified for supply conductors as "
        "follows; the modifications, like the tabular values, remain subject to the variations Rule 38 allows."
    )
    pdf.tx(
        "(1) On different crossarms of the same structure, triangular and vertical configuration: crossarms that "
        "carry the conductors of one circuit at different levels (triangular or vertical configuration) need not be "
        "spaced as Table 2 requires.",
        indent=5,
    )
    pdf.tx(
        "(2) On the same crossarm, same phase or polarity: the clearances of Table 2, Cases 15 and 17, are not "
        "required between conductors that are at the same potential and of the same phase or polarity, such as bundle "
        "conductors.",
        indent=5,
    )

    pdf.hd("SECTION X - SUPPLY AND COMMUNICATION LINES IN LINE CROSSINGS OR CONFLICTS")
    pdf.hd("103.5  Crossing or Colinear Clearances", size=10)
    pdf.tx(
        "Where supply conductors of 750 - 7,500 volts cross over communication conductors, or are above and in conflict "
        "or colinear with them, within 6 feet radially of a pole or structure that supports the communication "
        "conductors, the 48-inch vertical clearance of Table 2, Case 3, Column E and Case 5, Column C shall be increased "
        "to not less than 60 inches. Beyond 6 feet from such a pole or structure, Table 2 applies unmodified."
    )
    pdf.tx("Note: text of the original Order as read; later revisions are not reflected.", size=8.5)

    pdf.hd("APPENDIX E - GUIDELINES TO RULE 35")
    pdf.tx(
        "The radial clearances below are recommended minimum clearances that should be established, at the time of "
        "trimming, between vegetation and energized conductors and associated live parts, where practicable. Good "
        "vegetation management may make larger clearances advisable for public safety or reliability until the next "
        "scheduled maintenance, and each utility may set larger clearances considering voltage, span length, sag, "
        "maintenance cycle, where in the span the vegetation stands, species, growth rate, local climate, elevation, "
        "fire risk and the State Responsibility Area rules of Public Resources Code Sections 4102 and 4293. These are "
        "guidelines; the mandatory minimum is that of Rule 35 and Table 1."
    )
    pdf.grid(
        (96, 42, 42),
        ["Voltage of lines", "Case 13 of Table 1", "Case 14 of Table 1"],
        [
            [
                "Any conductor of a line at 2,400 volts or more but less than 72,000 volts",
                "4 feet",
                "6.5 feet",
            ],
            [
                "Any conductor of a line at 72,000 volts or more but less than 110,000 volts",
                "6 feet",
                "10 feet",
            ],
            [
                "Any conductor of a line at 110,000 volts or more but less than 300,000 volts",
                "10 feet",
                "20 feet",
            ],
            ["Any conductor of a line at 300,000 volts or more", "15 feet", "20 feet"],
        ],
        size=8.8,
    )
    pdf.tx("Note: Appendix E, page 2, as revised by Decision No. 12-01-032.", size=8.5)
    pdf.tx("End of excerpt.", size=8.8, style="I")
    return pdf


# ----------------------------------------------------------------------------------------------
# Spec 2: GO 128 (manholes, covers, foreign pipes; Appendix A Table 2)
# ----------------------------------------------------------------------------------------------


def spec_go128():
    doc = "GO-128"
    pdf = Doc(
        "General Order 128 - Construction of Underground Electric Supply and Communication Systems - library excerpt (manholes)",
        f"{doc}   Library issue 2025-12   Condensed restatement; the General Order governs",
    )
    title_block(
        pdf,
        "State of California - Public Utilities Commission",
        [
            "General Order No. 128",
            "Rules for Construction of Underground Electric Supply and Communication Systems",
            "Excerpt: Manholes, Handholes and Subsurface Equipment",
        ],
        [
            ("Document", doc),
            ("Revision", "Library issue 2025-12 (original-order texts as read)"),
            ("Effective date", "2025-12-01"),
            ("Rules in this excerpt", "14, 32.5, 42.5, 42.7, 42.9, Appendix A Table 2"),
            (
                "Not reproduced",
                "Rules 17, 31.4 and 33.4 (clearances and depths of ducts and cables), 41.4, 43.3, Appendix A Table 1",
            ),
        ],
        LIB_NOTE,
    )
    pdf.hd("SECTION I - GENERAL PROVISIONS")
    pdf.hd("14  Limiting Conditions Specified", size=10)
    pdf.tx(
        "Spacing, clearance and strength requirements are limiting values stated as minima or maxima. Where several "
        "requirements limit the same thing, the most stringent governs and satisfies the rest; more ample clearances "
        "and greater strength may be provided where no other requirement is broken."
    )
    pdf.hd("SECTION III - REQUIREMENTS FOR SUPPLY SYSTEMS")
    pdf.hd("32.5  Openings (Manholes)", size=10)
    pdf.tx(
        "[Library restatement from Appendix A, Table 2.] Round manhole openings shall be not less than 26 inches in "
        "diameter; rectangular openings not less than 26 by 24 inches."
    )
    pdf.hd("SECTION IV - REQUIREMENTS FOR COMMUNICATION SYSTEMS")
    pdf.hd("42.5  Openings (Manholes)", size=10)
    pdf.tx(
        "[Library restatement from Appendix A, Table 2.] The opening sizes of Rule 32.5 apply to manholes of "
        "communication systems: not less than 26 inches in diameter, or 26 by 24 inches where rectangular."
    )
    pdf.hd("42.7  Covers", size=10)
    pdf.tx(
        "While no one is working in them, manholes and handholes shall be kept securely closed by covers strong enough "
        "for the loads that may reasonably be put on them, arranged so that a tool or appliance is needed to open them "
        "and remove the cover. (See also Rule 17.8 and Appendix B, Figure 9 [not reproduced].)"
    )
    pdf.hd("42.9  Foreign Pipes", size=10)
    pdf.tx(
        "Foreign pipes that create an unusual hazard shall be kept out of manholes where practicable; where exclusion "
        "is not practicable they shall be guarded. (See also Rule 17.6 [not reproduced].)"
    )
    pdf.hd("APPENDIX A - SUMMARY OF DIMENSIONS, CLEARANCES AND DEPTH REQUIREMENTS")
    pdf.hd(
        "Table 2 - Miscellaneous Dimensions and Clearance Requirements for Supply and Communication Systems",
        size=9.5,
    )
    pdf.grid(
        (12, 50, 80, 40),
        ["Case No.", "Nature of clearance or dimension", "Requirement", "Reference rules"],
        [
            [
                "1",
                "Risers and other above-ground terminations, from railroad tracks",
                "As required by General Orders 26-D and 118",
                "31.5-D, 33.5-D, 41.5-C, 43.4",
            ],
            [
                "2",
                "Size and shape of manholes",
                "Minimum inside dimension 4 feet, and 5 feet high (see Public Utilities Code Section 8051)",
                "32.4, 42.4",
            ],
            [
                "3",
                "Manhole openings",
                "Not less than 26 inches in diameter, or 26 by 24 inches rectangular",
                "32.5, 42.5",
            ],
            ["4", "Manhole location", "Openings not less than 3 feet from any railroad rail", "32.8, 42.8"],
            [
                "5",
                "Sectionalizing switches",
                "Operating handles and viewing windows not more than 6-1/2 feet above grade",
                "-",
            ],
            [
                "6",
                "Oil-filled equipment",
                "From building surface: 3 feet; from a noncombustible building surface: 2 feet",
                "34.3-D",
            ],
        ],
        size=8.6,
    )
    pdf.tx(
        "The dimensions and clearances above may be reduced under certain conditions; see the referenced rules.",
        size=8.8,
    )
    pdf.tx("End of excerpt.", size=8.8, style="I")
    return pdf


# ----------------------------------------------------------------------------------------------
# Spec 3: 29 CFR 1926 Subpart CC (power line safety for cranes and derricks)
# ----------------------------------------------------------------------------------------------


def spec_1926cc():
    doc = "1926-Subpart-CC"
    pdf = Doc(
        "29 CFR Part 1926 Subpart CC - Cranes and Derricks in Construction - library excerpt (power line safety)",
        f"{doc}   Library issue 2025-12   Condensed restatement; the CFR governs",
    )
    title_block(
        pdf,
        "U.S. Department of Labor - Occupational Safety and Health Administration",
        [
            "29 CFR Part 1926, Subpart CC",
            "Cranes and Derricks in Construction",
            "Excerpt: Scope Exclusion and Power Line Safety",
        ],
        [
            ("Document", doc),
            ("Revision", "Final rule of August 9, 2010 (75 FR 47906) as amended; library issue 2025-12"),
            ("Effective date", "2025-12-01 (library)"),
            (
                "Sections in this excerpt",
                "1926.1400(c)(4), 1926.1408(a)-(d), 1926.1409, 1926.1411, Table A, Table T",
            ),
            (
                "Not reproduced",
                "1926.1407 (assembly and disassembly), 1926.1410 (work closer than Table A), 1926.1427 (operator qualification)",
            ),
        ],
        LIB_NOTE + " Paragraph labels are given in full, in the form used on osha.gov.",
    )

    def p(label, text, indent=0):
        pdf.tx(f"{label}  {text}", indent=indent)

    pdf.hd("1926.1400  Scope.")
    p(
        "1926.1400(c)(4)",
        "This subpart does not cover digger derricks when they are used for augering holes for poles that carry "
        "electric or telecommunication lines, for placing and removing those poles, and for handling associated "
        "materials to be installed on or removed from the poles, or when used for any other work subject to Subpart V "
        "of this part. [Other uses of a digger derrick, such as lifting loads unrelated to pole work, remain covered.]",
    )
    pdf.hd("1926.1408  Power line safety (up to 350 kV) - equipment operations.")
    p(
        "1926.1408(a)(1)",
        "Before operations begin, identify the work zone, either by marking its boundaries (flags, or a device such as "
        "a range-limit or range-control warning device) and forbidding the operator to operate beyond them, or by "
        "defining it as the area 360 degrees around the equipment up to its maximum working radius.",
    )
    p(
        "1926.1408(a)(2)",
        "Determine whether any part of the equipment, load line or load (rigging and lifting accessories included), "
        "if operated up to the maximum working radius in the work zone, could come closer than 20 feet to a power line. "
        "If it could, meet one of Options (1), (2) or (3):",
    )
    p(
        "1926.1408(a)(2)(i)",
        "Option (1) - Deenergize and ground: confirm with the utility owner/operator that the line has been deenergized "
        "and visibly grounded at the worksite.",
        indent=5,
    )
    p(
        "1926.1408(a)(2)(ii)",
        "Option (2) - 20-foot clearance: ensure that no part of the equipment, load line or load comes closer than "
        "20 feet to the power line, by implementing the measures of paragraph (b).",
        indent=5,
    )
    p(
        "1926.1408(a)(2)(iii)",
        "Option (3) - Table A clearance: (A) determine the line's voltage and the minimum approach distance of Table A; "
        "(B) determine whether any part of the equipment, load line or load could come closer than that distance while "
        "operating up to the maximum working radius; if so, implement the measures of paragraph (b) so that it does "
        "not.",
        indent=5,
    )
    p("1926.1408(b)", "Preventing encroachment or electrocution. Where Option (2) or (3) is used:")
    p(
        "1926.1408(b)(1)",
        "Hold a planning meeting with the operator and the other workers who will be in the area to review the location "
        "of the power line and the steps that will prevent encroachment.",
        indent=5,
    )
    p("1926.1408(b)(2)", "If tag lines are used, they shall be non-conductive.", indent=5)
    p(
        "1926.1408(b)(3)",
        "Erect and maintain an elevated warning line, barricade or line of signs, in view of the operator and marked "
        "with flags or similar high-visibility markings, at 20 feet from the power line (Option (2)) or at the Table A "
        "distance (Option (3)). If the operator cannot see the elevated warning line, a dedicated spotter shall be used "
        "as in (b)(4)(ii), in addition to the measure chosen under (b)(4).",
        indent=5,
    )
    p(
        "1926.1408(b)(4)",
        "Implement at least one of: (i) a proximity alarm set to warn the operator before the encroachment distance; "
        "(ii) a dedicated spotter in continuous contact with the operator; (iii) a device that automatically warns the "
        "operator when to stop movement (range-control warning device); (iv) a device that automatically limits the "
        "range of movement; (v) an insulating link or device between the end of the load line and the load.",
        indent=5,
    )
    p(
        "1926.1408(c)",
        "Voltage information: where Option (3) is used, the utility owner/operator of the power line shall give the "
        "requested voltage information within two working days of the employer's request.",
    )
    p(
        "1926.1408(d)(1)",
        "No part of the equipment, load line or load (rigging included) may be below a power line unless the employer "
        "has confirmed that the line is deenergized and visibly grounded at the worksite [the exceptions of (d)(2) are "
        "not reproduced].",
    )
    pdf.hd("Table A - Minimum Clearance Distances", size=10)
    pdf.grid(
        (80, 100),
        ["Voltage (nominal, kV, alternating current)", "Minimum clearance distance (feet)"],
        [
            ["up to 50", "10"],
            ["over 50 to 200", "15"],
            ["over 200 to 350", "20"],
            ["over 350 to 500", "25"],
            ["over 500 to 750", "35"],
            ["over 750 to 1,000", "45"],
            [
                "over 1,000",
                "as established by the utility owner/operator or a registered professional engineer who is a qualified person for power transmission and distribution",
            ],
        ],
        size=8.8,
    )
    pdf.tx(
        "Note to Table A: the value after 'to' is included in the range; 'over 50 to 200' means up to and including 200 kV.",
        size=8.5,
    )
    pdf.hd("1926.1409  Power line safety (over 350 kV).")
    p(
        "1926.1409",
        "Sections 1926.1407 and 1926.1408 apply to power lines over 350 kV, except that for lines at or below 1,000 kV "
        "the distance '20 feet' wherever it appears in those sections is replaced by '50 feet'; for lines over 1,000 kV "
        "the minimum clearance is set by the utility owner/operator or a registered professional engineer who is a "
        "qualified person for power transmission and distribution.",
    )
    pdf.hd("1926.1411  Power line safety - while traveling under or near power lines with no load.")
    p(
        "1926.1411(a)",
        "This section covers equipment traveling under or near a power line on a construction site with no load. "
        "Equipment traveling with a load is governed by 1926.1408, 1926.1409 or 1926.1410 as applicable.",
    )
    p("1926.1411(b)", "The employer shall ensure that:")
    p(
        "1926.1411(b)(1)",
        "the boom or mast and its support system are lowered enough to meet (b)(2);",
        indent=5,
    )
    p("1926.1411(b)(2)", "the clearances of Table T are kept;", indent=5)
    p(
        "1926.1411(b)(3)",
        "the effects of speed and terrain on equipment movement, including boom or mast bounce, are considered so that Table T is not breached;",
        indent=5,
    )
    p(
        "1926.1411(b)(4)",
        "a dedicated spotter is used when any part of the equipment, while traveling, will come closer than 20 feet to the power line;",
        indent=5,
    )
    p(
        "1926.1411(b)(5)",
        "at night or in poor visibility, the power lines are illuminated or otherwise identified and a safe path of travel is identified and used.",
        indent=5,
    )
    pdf.hd("Table T - Minimum Clearance Distances While Traveling With No Load", size=10)
    pdf.grid(
        (80, 100),
        ["Voltage (nominal, kV, alternating current)", "While traveling - minimum clearance distance (feet)"],
        [
            ["up to 0.75", "4"],
            ["over 0.75 to 50", "6"],
            ["over 50 to 345", "10"],
            ["over 345 to 750", "16"],
            ["over 750 to 1,000", "20"],
            [
                "over 1,000",
                "as established by the utility owner/operator or a registered professional engineer who is a qualified person for power transmission and distribution",
            ],
        ],
        size=8.8,
    )
    pdf.tx("End of excerpt.", size=8.8, style="I")
    return pdf


# ----------------------------------------------------------------------------------------------
# Spec 4: 29 CFR 1910 Subpart S (1910.331(c)(1), 1910.333(c)(3))
# ----------------------------------------------------------------------------------------------


def spec_1910s():
    doc = "1910-Subpart-S"
    pdf = Doc(
        "29 CFR Part 1910 Subpart S - Electrical Safety-Related Work Practices - library excerpt (overhead lines)",
        f"{doc}   Library issue 2025-12   Condensed restatement; the CFR governs",
    )
    title_block(
        pdf,
        "U.S. Department of Labor - Occupational Safety and Health Administration",
        [
            "29 CFR Part 1910, Subpart S",
            "Electrical - Safety-Related Work Practices",
            "Excerpt: Scope Exclusion and Work Near Overhead Lines",
        ],
        [
            ("Document", doc),
            ("Revision", "As corrected October 5, 2015 (80 FR 60033); library issue 2025-12"),
            ("Effective date", "2025-12-01 (library)"),
            ("Sections in this excerpt", "1910.331(c)(1), 1910.333(c)(3), (c)(3)(i), (c)(3)(iii)"),
            ("Not reproduced", "1910.333(c)(3)(ii) and Table S-5 (qualified persons), 1910.335"),
        ],
        LIB_NOTE + " Paragraph labels are given in full, in the form used on osha.gov.",
    )

    def p(label, text, indent=0):
        pdf.tx(f"{label}  {text}", indent=indent)

    pdf.hd("1910.331  Scope.")
    p(
        "1910.331(c)(1)",
        "Excluded work by qualified persons: sections 1910.332 through 1910.335 do not apply to work performed by "
        "qualified persons on or directly associated with generation, transmission and distribution installations "
        "(including related communication, metering, control and transformation installations); such work is covered "
        "by 1910.269. The work practices of 1910.332 through 1910.335 still apply to unqualified persons working near "
        "those installations.",
    )
    pdf.hd("1910.333  Selection and use of work practices.")
    p(
        "1910.333(c)(3)",
        "Overhead lines. Where work is to be done near overhead lines, the lines shall be deenergized and grounded, or "
        "other protective measures (guarding, isolating or insulating) shall be provided before work starts. Where "
        "they are not, the following apply.",
    )
    p(
        "1910.333(c)(3)(i)(A)",
        "Unqualified persons, elevated: an unqualified person working in an elevated position near overhead lines shall "
        "be located so that neither the person nor the longest conductive object he or she may contact can come closer "
        "to any unguarded, energized overhead line than: for voltages to ground of 50 kV or below, 10 feet; for "
        "voltages to ground over 50 kV, 10 feet plus 4 inches for every 10 kV over 50 kV.",
        indent=5,
    )
    p(
        "1910.333(c)(3)(i)(B)",
        "Unqualified persons, on the ground: an unqualified person working on the ground near overhead lines may not "
        "bring any conductive object closer to unguarded, energized overhead lines than the distances of (c)(3)(i)(A).",
        indent=5,
    )
    p(
        "1910.333(c)(3)(iii)(A)",
        "Vehicular and mechanical equipment: any vehicle or mechanical equipment able to have parts of its structure "
        "elevated near energized overhead lines shall be operated so that a clearance of 10 feet is kept; above 50 kV "
        "the clearance increases by 4 inches for every 10 kV over 50 kV. The clearance may be reduced:",
        indent=5,
    )
    p(
        "1910.333(c)(3)(iii)(A)(1)",
        "while the vehicle is in transit with its structure lowered, to 4 feet (plus 4 inches for every 10 kV over 50 kV);",
        indent=10,
    )
    p(
        "1910.333(c)(3)(iii)(A)(2)",
        "where insulating barriers rated for the line voltage, not part of or attached to the vehicle or its raised "
        "structure, are installed to prevent contact, to a distance within the designed working dimensions of the "
        "barrier;",
        indent=10,
    )
    p(
        "1910.333(c)(3)(iii)(A)(3)",
        "for an aerial lift insulated for the voltage and operated by a qualified person, between the uninsulated "
        "portion of the lift and the line, to the distance of Table S-5 [not reproduced].",
        indent=10,
    )
    p(
        "1910.333(c)(3)(iii)(B)",
        "Employees standing on the ground may not contact the vehicle or mechanical equipment or any of its attachments "
        "unless they use protective equipment rated for the voltage, or the equipment is located so that no uninsulated "
        "part of its structure (the part that gives a conductive path to employees on the ground) can come closer to the "
        "line than the distances of (c)(3)(iii)(A).",
        indent=5,
    )
    p(
        "1910.333(c)(3)(iii)(C)",
        "Where such equipment is intentionally grounded, employees on the ground near the point of grounding may not "
        "stand at the grounding location whenever overhead line contact is possible; barricades, insulation or similar "
        "precautions shall protect them from hazardous ground potentials.",
        indent=5,
    )
    pdf.tx("End of excerpt.", size=8.8, style="I")
    return pdf


SPECS = [
    (
        "specs/GO-95-Clearances.pdf",
        "GO-95",
        spec_go95,
        "General Order 95: Rules 14, 35 (Exceptions 1-2), 38 with Table 2 Cases 1-7, 64.4-C, 103.5, Appendix E (excerpt)",
    ),
    (
        "specs/GO-128-Manholes.pdf",
        "GO-128",
        spec_go128,
        "General Order 128: Rules 14, 32.5, 42.5, 42.7, 42.9, Appendix A Table 2 (excerpt)",
    ),
    (
        "specs/CFR-1926-Subpart-CC.pdf",
        "1926-Subpart-CC",
        spec_1926cc,
        "29 CFR 1926 Subpart CC: 1926.1400(c)(4), 1926.1408, 1926.1409, 1926.1411, Tables A and T (excerpt)",
    ),
    (
        "specs/CFR-1910-Subpart-S.pdf",
        "1910-Subpart-S",
        spec_1910s,
        "29 CFR 1910 Subpart S: 1910.331(c)(1), 1910.333(c)(3) (excerpt)",
    ),
]

# ----------------------------------------------------------------------------------------------
# Audits
# ----------------------------------------------------------------------------------------------
G95, G128, CC, SS = "GO-95", "GO-128", "1926-Subpart-CC", "1910-Subpart-S"
V, R, N = "VALID", "REPEALABLE", "NEEDS_REVIEW"


def inf(text, verdict, document, section, why, **kw):
    d = dict(text=text, verdict=verdict, document=document, section=section, why=why)
    d.update(kw)
    return d


def meta_lines(pdf, pairs, two_col=False, size=9.5):
    pdf.set_font("Helvetica", "", size)
    if two_col:
        w = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
        for i in range(0, len(pairs), 2):
            for k, v in pairs[i : i + 2]:
                pdf.cell(w, 5, f"{k}: {v}")
            pdf.ln(5)
    else:
        for k, v in pairs:
            pdf.cell(0, 5, f"{k}: {v}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


# A1 - per-location list, measured vs required, ALL-CAPS headings --------------------------------


def audit1():
    md = dict(
        pm_number="35291476",
        notification_number="121448903",
        location="Elm Ave and 3rd St to Orchard Ln, Woodland",
        contractor="Sacramento Valley Line Constructors, Inc.",
        foreman="Armando Ruiz",
        auditor="Theresa Nakamura",
        audit_date="2025-10-21",
        score="77.27% (102/132)",
    )
    items = [
        (
            "SPAN 14-15, ELM AVE AT 3RD ST",
            inf(
                "New 12 kV primary tap crosses over the existing telephone cable in midspan with 5 ft 6 in (66 in) of "
                "vertical clearance, measured at 62 degrees F with the circuit lightly loaded.",
                V,
                G95,
                "38",
                "Table 2, Case 6, Column C: 72 in; the 10 percent allowance is only for temperature and loading, and 62 F / light load is the basic condition.",
            ),
            "66 in",
            "72 in",
            "GO 95 Rule 38, Table 2",
        ),
        (
            "SPAN 22-23, ORCHARD LN",
            inf(
                "12 kV primary crosses over the CATV cable in midspan with 5 ft 7 in (67 in) of vertical clearance, "
                "measured at 103 degrees F ambient with the feeder at its summer peak load.",
                R,
                G95,
                "38",
                "Table 2, Case 6, Column C is 72 in, but Rule 38 allows up to 10 percent reduction for temperature and loading: 64.8 in; 67 in under hot peak-load conditions complies.",
            ),
            "67 in",
            "72 in",
            "GO 95 Rule 38, Table 2",
        ),
        (
            "POLE 4471, 3RD ST (TELEPHONE-ONLY POLE)",
            inf(
                "4,160 V primary crosses over the telephone cable 3 ft from telephone pole 4471, which supports the "
                "telephone cable; vertical clearance 54 in.",
                V,
                G95,
                "103.5",
                "Rule 103.5: 750-7,500 V over communication within 6 ft of the communication pole needs 60 in instead of 48 in; 54 in is short.",
            ),
            "54 in",
            "60 in",
            "GO 95 Rule 103.5",
        ),
        (
            "SPAN 30-31, 3RD ST (MIDSPAN)",
            inf(
                "4,160 V primary crosses over the telephone cable at midspan, 40 ft from the nearest pole supporting "
                "the telephone cable; vertical clearance 51 in.",
                R,
                G95,
                "38",
                "Rule 103.5 applies only within 6 ft of the communication pole; at midspan Table 2, Case 5, Column C (48 in) governs and 51 in complies.",
            ),
            "51 in",
            "60 in",
            "GO 95 Rule 103.5",
        ),
        (
            "SPAN 8-9, ELM AVE ALLEY",
            inf(
                "12 kV primary of the Elm Ave line crosses above the 120/240 V secondary of the alley line with 41 in "
                "of vertical clearance at 65 degrees F.",
                V,
                G95,
                "38",
                "Table 2, Case 6, Column D: 48 in; 41 in is below even the 10 percent temperature/loading allowance (43.2 in).",
            ),
            "41 in",
            "48 in",
            "GO 95 Rule 38, Table 2",
        ),
        (
            "SPAN 11-12, ORCHARD LN REAR LOT LINE",
            inf(
                "120/240 V secondary of the new service line crosses over the existing 120/240 V secondary of the "
                "neighboring line with 27 in of vertical clearance.",
                R,
                G95,
                "38",
                "Table 2, Case 4, Column D: 24 in between 0-750 V supply conductors; 27 in complies (48 in is the value for other wire classes).",
            ),
            "27 in",
            "48 in",
            "GO 95 Rule 38, Table 2",
        ),
        (
            "SPAN 40-41, ORCHARD LN AT CREEK",
            inf(
                "Communication company span guy crosses over the 60 kV subtransmission line with 6 ft 9 in (81 in) of "
                "clearance.",
                R,
                G95,
                "38",
                "Table 2, Case 1, Column H (guys and 35,000-75,000 V): 72 in; 81 in complies. 96 in is not the value for a guy.",
            ),
            "81 in",
            "96 in",
            "GO 95 Rule 38, Table 2",
        ),
        (
            "POLE 4480, ORCHARD LN",
            inf(
                "Overhead guy from pole 4480 crosses over the 12 kV primary of the adjacent line with 30 in of "
                "clearance at 70 degrees F.",
                V,
                G95,
                "38",
                "Table 2, Case 1, Column F (guys and 7,500-20,000 V): 36 in; 30 in is short even with the 10 percent allowance (32.4 in).",
            ),
            "30 in",
            "36 in",
            "GO 95 Rule 38, Table 2",
        ),
        (
            "POLE 4486, ORCHARD LN (JOINT POLE)",
            inf(
                "Vertical separation on pole 4486 between the 12 kV crossarm and the telephone cable attached to the "
                "same pole measured 5 ft; auditor requires 6 ft per Table 2, Case 8.",
                N,
                None,
                None,
                "Same-pole vertical separation is Table 2, Case 8, which the library does not reproduce (only Cases 1-7).",
            ),
            "5 ft",
            "6 ft",
            "GO 95 Table 2, Case 8",
        ),
    ]
    pdf = Doc(
        "NORTH VALLEY ELECTRIC - CONTRACTOR QA - OVERHEAD",
        "Form QA-OH-14 Rev 2   Controlled copy when printed from QA portal",
        margins=(16, 14, 16),
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(
        0, 8, "OVERHEAD CONSTRUCTION QA AUDIT - WIRE CROSSINGS AND CLEARANCES", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(1)
    meta_lines(
        pdf,
        [
            ("PM NO.", md["pm_number"]),
            ("NOTIFICATION", md["notification_number"]),
            ("LOCATION", md["location"]),
            ("CONTRACTOR", md["contractor"]),
            ("FOREMAN", md["foreman"]),
            ("QA AUDITOR", md["auditor"]),
            ("AUDIT DATE", "10/21/2025"),
            ("AUDIT SCORE", md["score"]),
        ],
        two_col=True,
    )
    pdf.hd("SCOPE OF AUDIT", size=10.5)
    pdf.tx(
        "Reconductor of the 12 kV Elm Ave tap, new 4 kV extension on 3rd St and new secondary on Orchard Ln. All "
        "crossings were measured with a laser rangefinder from the ground at the point of crossing; the ambient "
        "temperature and loading reported by distribution operations are given with each reading."
    )
    pdf.hd("FINDINGS BY LOCATION (GO-BACKS)", size=10.5)
    for i, (loc, x, meas, req, cited) in enumerate(items, 1):
        pdf.tx(f"LOCATION {i}: {loc}", style="B", size=9.5)
        pdf.tx(f"Go-back: {x['text']}", indent=4)
        pdf.tx(
            f"Measured: {meas}     Required (per auditor): {req}     Rule cited: {cited}", indent=4, size=8.8
        )
    pdf.hd("ITEMS CHECKED - NO GO-BACK", size=10.5)
    pdf.tx(
        "Pole numbering and high-voltage signs; conductor ties; cutout fusing per fuse card; neutral continuity at all dead-ends."
    )
    pdf.tx(f"QA AUDITOR: {md['auditor']}     FOREMAN: {md['foreman']}     DATE: 10/21/2025")
    return pdf, md, [it[1] for it in items]


# A2 - vegetation findings table with wrapped cells ----------------------------------------------


def audit2():
    md = dict(
        pm_number="35304418",
        notification_number="121460275",
        location="Circuit Placerville 1104, Mosquito Rd and Rock Creek Rd, El Dorado County",
        contractor="Sierra Foothill Vegetation Services",
        foreman="Kyle Brandt",
        auditor="Maribel Ochoa",
        audit_date="2025-11-04",
        score="70.83% (68/96)",
    )
    infs = [
        inf(
            "12 kV primary span 17-18: radial clearance from the oak canopy measured 3 ft 2 in after trimming was "
            "completed; area is not in the High Fire-Threat District; auditor requires 4 ft at time of trimming per "
            "GO 95 Appendix E.",
            R,
            G95,
            "35",
            "The mandatory minimum is Table 1, Case 13 (18 in at 750-22,500 V); Appendix E's 4 ft is a recommended guideline 'where practicable'. 3 ft 2 in complies.",
        ),
        inf(
            "12 kV primary span 21-22: eucalyptus limb 14 in from the nearest phase conductor; not in the High "
            "Fire-Threat District; no exception documented.",
            V,
            G95,
            "35",
            "Table 1, Case 13, Column E: 18 in; 14 in is short and no exception is claimed.",
        ),
        inf(
            "12 kV primary span 25-26 over 4410 Rock Creek Rd: walnut limb 10 in from the conductor; the owner refused "
            "trimming; the job file holds a record of the attempted personal contact on 9/12/2025 and a certified "
            "letter with delivery receipt.",
            R,
            G95,
            "35",
            "Exception (2): good faith effort documented (attempted personal contact plus written communication with proof of delivery); Rule 35 does not apply.",
        ),
        inf(
            "12 kV primary span 27-28 over 4432 Rock Creek Rd: limb 6 in from the conductor; the owner refused "
            "trimming by telephone; no written communication to the owner is on file.",
            V,
            G95,
            "35",
            "Exception (2) needs both an attempted personal contact and a written communication with proof of mailing; a phone refusal alone does not meet it, so the 18 in minimum applies.",
        ),
        inf(
            "12 kV primary span 30-31 passes through a heritage redwood; trimming is not practicable; the phase "
            "conductors are separated from the trunk by installed non-conductive tree guards; clearance 8 in.",
            R,
            G95,
            "35",
            "Exception (1): conductors under 60,000 V where trimming is not practicable and the conductor is separated from the tree by suitable devices.",
        ),
        inf(
            "Dead ponderosa pine leaning toward span 33-34 of the 12 kV line, reported by the July patrol, not yet "
            "removed.",
            R,
            G95,
            "35",
            "Rule 35 says such trees 'should be removed' - a recommendation, not a mandatory clearance.",
        ),
        inf(
            "12 kV primary span 40-41 in the Tier 3 High Fire-Threat District: radial clearance to manzanita measured "
            "30 in; auditor cites Table 1, Case 14.",
            N,
            None,
            None,
            "The Case 14 (HFTD) mandatory values are not reproduced in the library; Appendix E's 6.5 ft is only a guideline.",
        ),
        inf(
            "Fuse pole 1104-52: flammable brush within the 10 ft radius around the pole base not cleared, per Public "
            "Resources Code 4292.",
            N,
            None,
            None,
            "PRC 4292 / 14 CCR 1254 pole clearing is not in the library.",
        ),
    ]
    notifs = [
        "121460275",
        "121460281",
        "121460290",
        "121460294",
        "121460302",
        "121460311",
        "121460319",
        "121460326",
    ]
    locs = [
        "Span 17-18, Mosquito Rd",
        "Span 21-22, Mosquito Rd",
        "Span 25-26, 4410 Rock Creek Rd",
        "Span 27-28, 4432 Rock Creek Rd",
        "Span 30-31, Rock Creek Rd",
        "Span 33-34, Rock Creek Rd",
        "Span 40-41, Rock Creek Rd (HFTD Tier 3)",
        "Pole 1104-52",
    ]
    cited = [
        "GO 95 App. E",
        "GO 95 Rule 35",
        "GO 95 Rule 35",
        "GO 95 Rule 35",
        "GO 95 Rule 35",
        "GO 95 Rule 35",
        "GO 95 Table 1 Case 14",
        "PRC 4292",
    ]
    pdf = Doc(
        "North Valley Electric - Vegetation Management QA",
        "Form VM-QA-03 (Rev 5)   Retain with work order",
        margins=(12, 14, 12),
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, "Vegetation Management Post-Work Audit", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(
        0,
        6,
        "Distribution line clearing - findings requiring contractor go-back",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(1)
    meta_lines(
        pdf,
        [
            ("PM Number", md["pm_number"]),
            ("Notification (master)", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Crew Foreman", md["foreman"]),
            ("QA Auditor", md["auditor"]),
            ("Audit Date", "November 4, 2025"),
            ("Score", md["score"]),
        ],
    )
    pdf.tx(
        "Clearances were measured with an insulated measuring stick and a laser rangefinder after the crew reported the "
        "span complete. Each row is a go-back unless its disposition says otherwise.",
        size=9,
    )
    rows = [
        [str(i), n, loc, x["text"], c, "Go-back - open"]
        for i, (x, n, loc, c) in enumerate(zip(infs, notifs, locs, cited, strict=True), 1)
    ]
    pdf.grid(
        (9, 22, 32, 86, 24, 19),
        ["No.", "Notification", "Location / span", "Finding", "Rule cited", "Disposition"],
        rows,
        size=8.2,
        line_height=4.1,
    )
    pdf.tx("Spans 1-16 and 42-60 audited with no findings. Crew to correct open items within 14 days.")
    pdf.tx(f"Auditor: {md['auditor']}    Foreman: {md['foreman']}")
    return pdf, md, infs


# A3 - ALL-CAPS observation blocks (cranes near power lines) -------------------------------------


def audit3():
    md = dict(
        pm_number="35317702",
        notification_number="121472118",
        location="Cordelia Substation Rebuild and Line 115-7 Relocation, Fairfield",
        contractor="Delta Heavy Lift and Electric, LLC",
        foreman="Grant Holloway",
        auditor="Yvonne Achebe",
        audit_date="2025-09-30",
        score="68.18% (90/132)",
    )
    blocks = [
        (
            "DIGGER DERRICK, UNIT DD-12",
            inf(
                "Digger derrick DD-12 setting a 45 ft wood distribution pole on Cordelia Rd with its boom 12 ft from the "
                "energized 12 kV conductors; auditor cites the 20 ft distance of 1926.1408(a)(2).",
                R,
                CC,
                "1926.1400(c)(4)",
                "1926.1400(c)(4): Subpart CC does not cover digger derricks placing poles that carry electric lines (Subpart V governs), so the 20 ft rule does not apply.",
            ),
        ),
        (
            "DIGGER DERRICK, UNIT DD-15",
            inf(
                "Digger derrick DD-15 used to lift a rooftop HVAC unit onto the substation control building with the "
                "boom 14 ft from the energized 12 kV line; no elevated warning line, barricade or line of signs was "
                "erected.",
                V,
                CC,
                "1926.1408(b)(3)",
                "Lifting an HVAC unit is not pole work, so the digger derrick is covered; with the line within 20 ft, 1926.1408(b)(3) requires an elevated warning line, barricade or line of signs.",
            ),
        ),
        (
            "MOBILE CRANE, 90-TON, UNIT C-3",
            inf(
                "Crane C-3 setting steel poles beside the energized 115 kV Line 115-7; Option (3) used with the line "
                "voltage confirmed in writing by the utility; elevated warning line at 15 ft and a dedicated spotter in "
                "place; closest approach of the boom tip 17 ft; auditor requires 20 ft.",
                R,
                CC,
                "Table A",
                "Table A: over 50 to 200 kV needs 15 ft under Option (3), with the (b) measures in place; 17 ft complies.",
            ),
        ),
        (
            "MOBILE CRANE, 90-TON, UNIT C-3",
            inf(
                "Crane C-3 lifting bus supports near the energized 230 kV Line 230-2 under Option (3), voltage confirmed "
                "by the utility; closest approach of the load line 18 ft.",
                V,
                CC,
                "Table A",
                "Table A: over 200 to 350 kV needs 20 ft; 18 ft is short.",
            ),
        ),
        (
            "LATTICE BOOM CRANE, UNIT C-7",
            inf(
                "Crane C-7 working beside the 500 kV Line 500-1 with the crew applying the 20 ft Option (2) distance; "
                "no voltage information was requested; closest approach of the boom 32 ft.",
                V,
                CC,
                "1926.1409",
                "1926.1409: for lines over 350 kV up to 1,000 kV the 20 ft distance becomes 50 ft; 32 ft is short.",
            ),
        ),
        (
            "MOBILE CRANE, 40-TON, UNIT C-5",
            inf(
                "Crane C-5 working under Option (2) within 20 ft of the energized 12 kV distribution line with a "
                "dedicated spotter only; no elevated warning line, barricade or line of signs erected.",
                V,
                CC,
                "1926.1408(b)(3)",
                "1926.1408(b)(3) requires the elevated warning line, barricade or line of signs in addition to one (b)(4) measure.",
            ),
        ),
        (
            "MOBILE CRANE, 40-TON, UNIT C-5 (TRAVELING)",
            inf(
                "Crane C-5 traveling with no load and the boom lowered beneath the 69 kV Line 69-4 at 12 ft clearance; "
                "auditor requires the 15 ft Table A distance.",
                R,
                CC,
                "Table T",
                "1926.1411 / Table T governs travel with no load: over 50 to 345 kV needs 10 ft; 12 ft complies.",
            ),
        ),
        (
            "MOBILE CRANE, 90-TON, UNIT C-3 (TRAVELING)",
            inf(
                "Crane C-3 traveling with no load and the boom lowered beneath the 12 kV distribution line on Cordelia "
                "Rd at 5 ft clearance.",
                V,
                CC,
                "Table T",
                "Table T: over 0.75 to 50 kV needs 6 ft while traveling; 5 ft is short.",
            ),
        ),
        (
            "OPERATOR DOCUMENTATION",
            inf(
                "Operator of crane C-7 could not produce a crane operator certification card on site, per 1926.1427.",
                N,
                None,
                None,
                "1926.1427 (operator qualification and certification) is not in the library.",
            ),
        ),
    ]
    infs = [b[1] for b in blocks]
    pdf = Doc(
        "NORTH VALLEY ELECTRIC - TRANSMISSION CONSTRUCTION SAFETY QA",
        "Form QA-TX-09 Rev 1   Page numbering per QA portal",
        margins=(18, 14, 18),
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(
        0,
        7,
        "CRANE AND DERRICK OPERATIONS NEAR ENERGIZED LINES - FIELD SAFETY AUDIT",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(1)
    meta_lines(
        pdf,
        [
            ("PM", md["pm_number"]),
            ("NOTIFICATION", md["notification_number"]),
            ("PROJECT LOCATION", md["location"]),
            ("CONTRACTOR", md["contractor"]),
            ("FOREMAN", md["foreman"]),
            ("AUDITOR", md["auditor"]),
            ("DATE OF AUDIT", "2025-09-30"),
            ("SCORE", md["score"]),
        ],
    )
    pdf.hd("SUMMARY", size=10.5)
    pdf.tx(
        "Four cranes and two digger derricks were observed over two shifts. Distances were measured with a laser "
        "rangefinder from the ground and checked against the crane's load-moment indicator. All observations below are "
        "GO-BACK items unless marked CLOSED."
    )
    for i, (equip, x) in enumerate(blocks, 1):
        pdf.hd(f"OBSERVATION {i} - GO-BACK", size=10)
        pdf.tx(f"EQUIPMENT: {equip}", indent=4, size=9)
        pdf.tx(f"CONDITION: {x['text']}", indent=4)
        pdf.tx("STATUS: OPEN - CONTRACTOR TO SUBMIT CORRECTIVE ACTION", indent=4, size=8.8)
    pdf.hd("OBSERVATIONS CLOSED ON SITE", size=10.5)
    pdf.tx(
        "Tag lines on crane C-3 replaced with non-conductive lines before the first lift (closed, no go-back)."
    )
    pdf.tx(f"AUDITOR: {md['auditor']}    FOREMAN: {md['foreman']}")
    return pdf, md, infs


# A4 - underground NCI list with location prefixes ------------------------------------------------


def audit4():
    md = dict(
        pm_number="35322961",
        notification_number="121477630",
        location="Mission Oaks Business Park, Phase 2, Vacaville",
        contractor="Golden State Underground, Inc.",
        foreman="Rosa Villanueva",
        auditor="Douglas Kerr",
        audit_date="2025-11-18",
        score="73.33% (88/120)",
    )
    items = [
        (
            "NCI-01",
            "MH-4, Sta. 12+40",
            inf(
                "Supply manhole MH-4 has a round opening of 24 in diameter.",
                V,
                G128,
                "32.5",
                "Round openings shall be not less than 26 in in diameter.",
            ),
        ),
        (
            "NCI-02",
            "MH-7, Sta. 18+05",
            inf(
                "Supply manhole MH-7 has a rectangular opening 26 in by 24 in; auditor requires a 26 in round opening or a "
                "30 in square opening.",
                R,
                G128,
                "32.5",
                "Rectangular openings of 26 by 24 in are allowed.",
            ),
        ),
        (
            "NCI-03",
            "CM-3, Mission Oaks Dr",
            inf(
                "Communication manhole CM-3 cover not seated and can be lifted off by hand without any tool; no crew was "
                "working in the manhole.",
                V,
                G128,
                "42.7",
                "Covers must be securely closed and need a tool to open while no one is working in the manhole.",
            ),
        ),
        (
            "NCI-04",
            "CM-5, Mission Oaks Dr",
            inf(
                "Communication manhole CM-5 cover is bolted down and opens only with a pentahead wrench; auditor requires a "
                "padlock on the cover.",
                R,
                G128,
                "42.7",
                "Rule 42.7 requires that a tool be needed to open the cover; a bolted pentahead cover meets it and no lock is required.",
            ),
        ),
        (
            "NCI-05",
            "CM-9, Vintage Way",
            inf(
                "A 4-in steel gas line passes through communication manhole CM-9 unguarded, an unusual hazard in the "
                "manhole; the gas company confirmed that rerouting it around the manhole is practicable.",
                V,
                G128,
                "42.9",
                "Foreign pipes creating an unusual hazard shall be excluded where practicable, otherwise guarded; neither was done.",
            ),
        ),
        (
            "NCI-06",
            "PMS-2, Vintage Way",
            inf(
                "Pad-mounted sectionalizing switch PMS-2: the viewing window is 7 ft 1 in above grade.",
                V,
                G128,
                "",
                "Appendix A Table 2: operating handles and viewing windows not more than 6-1/2 ft above grade.",
            ),
        ),
        (
            "NCI-07",
            "PMS-3, Harvest Ct",
            inf(
                "Pad-mounted sectionalizing switch PMS-3: the operating handle is 6 ft 2 in above grade; auditor requires "
                "the handle at 5 ft or lower.",
                R,
                G128,
                "",
                "Appendix A Table 2 allows up to 6-1/2 ft; 6 ft 2 in complies.",
            ),
        ),
        (
            "NCI-08",
            "Lot 14 service",
            inf(
                "Secondary service conduit to Lot 14 has 18 in of cover; auditor cites GO 128 Rule 31.4.",
                N,
                None,
                None,
                "Rule 31.4 (duct clearances and depths) is listed as not reproduced in the library.",
            ),
        ),
    ]
    pdf = Doc(
        "North Valley Electric - Underground Construction Quality Assurance",
        "Form QA-UG-11 (Rev 3)",
        margins=(18, 14, 18),
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(
        0,
        7,
        "Underground Inspection Report - Manholes and Subsurface Equipment",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(1)
    meta_lines(
        pdf,
        [
            ("PM Order", md["pm_number"]),
            ("Notification No.", md["notification_number"]),
            ("Job Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("Inspector", md["auditor"]),
            ("Inspection Date", "Nov 18, 2025"),
            ("Score", md["score"]),
        ],
    )
    pdf.grid(
        (45, 45, 45, 45),
        ["Manholes inspected", "Switches inspected", "Conduit runs", "Systems"],
        [["6", "3", "2,480 ft", "Electric, telephone, fiber"]],
        size=8.5,
    )
    pdf.hd("Non-Conforming Items", size=10.5)
    for code, loc, x in items:
        pdf.tx(f"{code} ({loc}): {x['text']}")
    pdf.tx("All non-conforming items are go-backs. Notify the inspector for re-inspection after correction.")
    pdf.tx(f"Inspector: {md['auditor']}    Foreman: {md['foreman']}")
    return pdf, md, [it[2] for it in items]


# A5 - safety checklist (Y/N/NA) for a civil contractor near overhead lines -----------------------


def audit5():
    md = dict(
        pm_number="35330054",
        notification_number="121483947",
        location="Peabody Rd Widening, Station 40+00 to 62+00, Vacaville",
        contractor="Capitol Civil and Grading Co.",
        foreman="Dale Petrosyan",
        auditor="Sunita Varghese",
        audit_date="2025-10-07",
        score="66.67% (40/60)",
    )
    infs = [
        inf(
            "Dump truck bed raised beneath the 12 kV distribution line (7.2 kV to ground) with 8 ft 6 in between the "
            "bed and the nearest conductor.",
            V,
            SS,
            "1910.333(c)(3)(iii)(A)",
            "Vehicles with elevating structures must keep 10 ft from lines of 50 kV or less.",
        ),
        inf(
            "Excavator boom working beside the 230 kV transmission line, closest approach 17 ft 2 in; auditor requires 20 ft.",
            R,
            SS,
            "1910.333(c)(3)(iii)(A)",
            "10 ft plus 4 in per 10 kV over 50 kV: at most 16 ft even taking 230 kV phase-to-phase (about 12 ft 9 in at 133 kV to ground); 17 ft 2 in complies.",
        ),
        inf(
            "Excavator traveling along the shoulder with its boom lowered and cradled, passing under the 12 kV line at "
            "5 ft clearance; auditor requires 10 ft.",
            R,
            SS,
            "1910.333(c)(3)(iii)(A)(1)",
            "In transit with the structure lowered the clearance may be reduced to 4 ft at 50 kV or less.",
        ),
        inf(
            "Laborer (unqualified) on the scaffold at the sound wall handling a 12 ft aluminum screed that could come "
            "within 6 ft of the 12 kV line (7.2 kV to ground).",
            V,
            SS,
            "1910.333(c)(3)(i)(A)",
            "An unqualified person and the longest conductive object must stay 10 ft away at 50 kV or less.",
        ),
        inf(
            "Ground hand steadying the excavator bucket by hand while the boom was within 7 ft of the 12 kV line; no "
            "voltage-rated protective equipment worn.",
            V,
            SS,
            "1910.333(c)(3)(iii)(B)",
            "Ground employees may not touch the equipment unless protected or the equipment cannot come within 10 ft.",
        ),
        inf(
            "Ground hand guiding the excavator bucket by hand; the boom was kept at least 12 ft from the 12 kV line "
            "throughout the pick; auditor writes that ground personnel may not touch equipment near lines.",
            R,
            SS,
            "1910.333(c)(3)(iii)(B)",
            "Contact is allowed where no uninsulated part of the equipment can come within the 10 ft distance; 12 ft was kept.",
        ),
        inf(
            "Utility lineman (qualified) relocating the 12 kV riser on pole 2217 with rubber gloves and sleeves, 3 ft "
            "from energized conductors; auditor cites the 10 ft distance of 1910.333(c)(3).",
            R,
            SS,
            "1910.331(c)(1)",
            "1910.333 does not apply to qualified persons working on distribution installations; 1910.269 governs.",
        ),
        inf(
            "Flagger at Station 48+00 not wearing an ANSI/ISEA 107 Class 2 high-visibility vest.",
            N,
            None,
            None,
            "Neither ANSI/ISEA 107 nor a high-visibility garment rule is in the library.",
        ),
    ]
    items = [
        ("Dump truck beds lowered near overhead lines?", "N", infs[0]["text"]),
        ("Excavator clearance from transmission line?", "N", infs[1]["text"]),
        (
            "Overhead lines identified and marked on site plan?",
            "Y",
            "Marked on the plan and with flagged stakes.",
        ),
        ("Equipment travel under lines?", "N", infs[2]["text"]),
        ("Scaffold work near lines?", "N", infs[3]["text"]),
        ("Ground personnel and equipment contact (bucket 1)?", "N", infs[4]["text"]),
        ("Ground personnel and equipment contact (bucket 2)?", "N", infs[5]["text"]),
        ("Utility crew work on riser pole 2217?", "N", infs[6]["text"]),
        ("Excavation locate tickets current?", "Y", "Ticket 2025-10-0447 valid through 10/21."),
        ("Traffic control per plan?", "N", infs[7]["text"]),
        ("Night work lighting?", "NA", "Day work only."),
    ]
    pdf = Doc(
        "North Valley Electric - Contractor Safety Observation",
        "Form SAF-CS-02 (Rev 6)",
        margins=(15, 14, 15),
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(
        0,
        7,
        "Contractor Safety Observation Checklist - Work Near Overhead Lines",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(1)
    meta_lines(
        pdf,
        [
            ("PM #", md["pm_number"]),
            ("Notification #", md["notification_number"]),
            ("Site", md["location"]),
            ("Contractor", md["contractor"]),
            ("Superintendent / Foreman", md["foreman"]),
            ("Observer", md["auditor"]),
            ("Date", "10/07/2025"),
            ("Score", md["score"]),
        ],
    )
    pdf.tx("Mark Y, N or NA. Every N is a go-back; describe what was found in Details.", size=8.8, style="I")
    rows = [[str(i), a, b, c] for i, (a, b, c) in enumerate(items, 1)]
    pdf.grid(
        (10, 55, 18, 101),
        ["Item", "Observation item", "Compliant (Y/N/NA)", "Details"],
        rows,
        size=8.4,
        line_height=4.3,
    )
    pdf.tx("Total go-backs: 8")
    pdf.tx(f"Observer: {md['auditor']}    Foreman: {md['foreman']}")
    return pdf, md, infs


# A6 - corrective action requests, narrative over several pages ----------------------------------


def audit6():
    md = dict(
        pm_number="35338817",
        notification_number="121490562",
        location="Line 115-7 and 230-2 Crossing of Putah Creek, Winters",
        contractor="Pacific Transmission Builders, Inc.",
        foreman="Howard Tso",
        auditor="Lena Marchetti",
        audit_date="2025-11-25",
        score="80.00% (96/120)",
    )
    infs = [
        inf(
            "Tower 7/14 of the 115 kV line is framed in triangular configuration; the crossarms carrying the phases of "
            "the circuit at different levels are 60 in apart vertically; auditor requires the Table 2 spacing.",
            R,
            G95,
            "64.4-C",
            "Rule 64.4-C(1): crossarms of one circuit at different levels in triangular configuration need not be spaced as in Table 2.",
        ),
        inf(
            "230 kV Line 230-2, tower 2/31: the two subconductors of each bundled phase are 18 in apart on the same "
            "crossarm; auditor cites Table 2, Case 15 horizontal separation.",
            R,
            G95,
            "64.4-C",
            "Rule 64.4-C(2): Cases 15 and 17 are not required between conductors of the same phase, such as bundle conductors.",
        ),
        inf(
            "New 12 kV distribution underbuild crosses beneath the 34.5 kV line at Putah Creek Rd with 84 in of vertical "
            "clearance, measured at 68 degrees F.",
            V,
            G95,
            "38",
            "Table 2, Case 6, Column G: 96 in; 84 in is below even the 10 percent allowance (86.4 in).",
        ),
        inf(
            "4,160 V primary crosses over the 120/240 V secondary of the farm service line with 50 in of vertical "
            "clearance, 3 ft from the pole; auditor requires 60 in per GO 95 Rule 103.5.",
            R,
            G95,
            "38",
            "Rule 103.5 concerns communication conductors only; supply 750-7,500 V over 0-750 V supply is Table 2, Case 5, Column D: 48 in; 50 in complies.",
        ),
        inf(
            "Mobile crane setting tower sections at tower 7/15 next to the energized 115 kV circuit under Option (3): "
            "closest approach of the load 13 ft.",
            V,
            CC,
            "Table A",
            "Table A: over 50 to 200 kV needs 15 ft; 13 ft is short.",
        ),
        inf(
            "Concrete cylinder test results for the tower 7/15 footings were not submitted with the as-built package.",
            N,
            None,
            None,
            "No concrete or foundation testing requirement is in the library.",
        ),
        inf(
            "Aerial marker balls were not installed on the 230 kV shield wire over Putah Creek, per FAA Advisory "
            "Circular 70/7460-1.",
            N,
            None,
            None,
            "The FAA marking circular is not in the library.",
        ),
    ]
    pdf = Doc(
        "North Valley Electric - Transmission Projects - Quality Assurance",
        "QA-TX-CAR Rev 4   Distribution: PM, contractor, QA file",
        margins=(20, 15, 20),
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, "Quality Assurance Inspection - Corrective Action Requests", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    meta_lines(
        pdf,
        [
            ("PM Number", md["pm_number"]),
            ("Notification Number", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("QA Inspector", md["auditor"]),
            ("Inspection Date", "November 25, 2025"),
            ("Score", md["score"]),
        ],
    )
    pdf.tx(
        "Background: the contractor rebuilt towers 7/12 to 7/16 of the 115 kV line and 2/30 to 2/32 of the 230 kV line "
        "at the Putah Creek crossing, and installed the 12 kV and 4 kV underbuild. The inspection covered framing, "
        "crossings, crane work during the tower erection and the as-built package. Each Corrective Action Request "
        "(CAR) below is a go-back."
    )
    for k in range(12):
        pdf.tx(
            f"Structure log {k + 1}: tower {7 if k < 8 else 2}/{12 + k if k < 8 else 22 + k}, footing inspected, "
            f"bolts torqued and marked, grounding measured {4 + k % 3}.{k % 7} ohms, insulators and hardware per the "
            "framing sheet; photographs in the job folder.",
            size=8.5,
            style="I",
        )
    for i, x in enumerate(infs, 1):
        pdf.hd(f"CAR-{md['pm_number'][-4:]}-{i:02d}", size=10)
        pdf.tx(f"Finding: {x['text']}")
        pdf.tx("Required action: correct, photograph and request re-inspection.", size=8.8, indent=4)
    pdf.tx("Closing: CARs are due within 21 days. Items not listed met the requirements.")
    pdf.tx(f"QA Inspector: {md['auditor']}    Foreman: {md['foreman']}")
    return pdf, md, infs


AUDITS = [
    ("audits/MX1-crossings-by-location.pdf", audit1),
    ("audits/MX2-vegetation-findings-table.pdf", audit2),
    ("audits/MX3-crane-observations.pdf", audit3),
    ("audits/MX4-manhole-nci.pdf", audit4),
    ("audits/MX5-safety-checklist.pdf", audit5),
    ("audits/MX6-transmission-cars.pdf", audit6),
]


def build(out):
    os.makedirs(os.path.join(out, "specs"), exist_ok=True)
    os.makedirs(os.path.join(out, "audits"), exist_ok=True)
    specs = []
    for f, doc, fn, title in SPECS:
        fn().output(os.path.join(out, f))
        specs.append(dict(file=f, document=doc, title=title, revision="Library issue 2025-12"))
    audits = []
    for f, fn in AUDITS:
        pdf, md, infs = fn()
        pdf.output(os.path.join(out, f))
        audits.append(dict(file=f, metadata=md, expect_error=None, password=None, infractions=infs))
    exp = dict(
        name="realtext-mix",
        organization="California overhead, underground and construction-safety audits (fictional)",
        note="Blind corpus written from public GO 95, GO 128 and OSHA 29 CFR 1926 Subpart CC / 1910 Subpart S text "
        "read with the search tool (wording condensed; see README). Labels by hand from the clause text, without "
        "reading the product code. 'why' is ignored by score.py. An empty section means any section of the document "
        "counts (Appendix A table rows carry no rule number of their own). audit_date values are ISO; the PDFs print "
        "MM/DD/YYYY, 'Month D, YYYY', 'Mon D, YYYY' or ISO.",
        specs=specs,
        audits=audits,
    )
    with open(os.path.join(out, "expected.json"), "w") as fh:
        json.dump(exp, fh, indent=1)
        fh.write("\n")
    return exp


def digest(out):
    h = hashlib.sha256()
    for root, _, files in sorted(os.walk(out)):
        for f in sorted(files):
            if f.endswith((".pdf", ".json")):
                h.update(f.encode())
                h.update(open(os.path.join(root, f), "rb").read())
    return h.hexdigest()


def check(out, exp):
    from pypdf import PdfReader

    def norm(t):
        return re.sub(r"\s+", " ", t)

    for s in exp["specs"]:
        text = norm(" ".join(p.extract_text() for p in PdfReader(os.path.join(out, s["file"])).pages))
        assert f"Document: {s['document']}" in text, s
    t2 = PdfReader(os.path.join(out, "specs/GO-95-Clearances.pdf"))
    pages = [i for i, p in enumerate(t2.pages) if "Nature of clearance" in p.extract_text()]
    assert len(pages) >= 2, f"Table 2 must cross a page break with its header repeated: {pages}"
    for a in exp["audits"]:
        text = norm(" ".join(p.extract_text() for p in PdfReader(os.path.join(out, a["file"])).pages)).lower()
        got = set(re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", text))
        for k in ("pm_number", "notification_number"):
            assert a["metadata"][k] in text, (a["file"], k)
        for x in a["infractions"]:
            w = set(re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", x["text"].lower()))
            assert len(w & got) / len(w) > 0.95, (a["file"], x["text"])
    n = sum(len(a["infractions"]) for a in exp["audits"])
    print("labelled:", n, dict(Counter(x["verdict"] for a in exp["audits"] for x in a["infractions"])))


if __name__ == "__main__":
    exp = build(HERE)
    if "--check" in sys.argv:
        import tempfile

        d1 = digest(HERE)
        tmp = tempfile.mkdtemp()
        build(tmp)
        print("deterministic:", d1 == digest(tmp))
        check(HERE, exp)
