#!/usr/bin/env python3
"""Generate the realtext-go evaluation corpus (deterministic).

Specs restate (condensed, paraphrased) CPUC General Order 95 and General Order 128 rules read at
ia.cpuc.ca.gov; audits are fictional QA reports. Writes specs/*.pdf, audits/*.pdf and expected.json
next to this script. Run:  .venv/bin/python tests/corpora/realtext-go/make_corpus.py [--check]
"""

import hashlib
import json
import os
import sys
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime(2025, 7, 1, 12, 0, 0, tzinfo=UTC)

# ----------------------------------------------------------------------------------------------
# Spec documents
# ----------------------------------------------------------------------------------------------


class SpecPDF(FPDF):
    def __init__(self, running, footer_id):
        super().__init__(format="Letter")
        self.running = running
        self.footer_id = footer_id
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)
        self.set_creation_date(FIXED)
        self.set_title(running)
        self.set_author("Standards library (regulatory excerpts)")

    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, self.running, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "I", 7.5)
        self.cell(
            0,
            5,
            f"{self.footer_id}   Library revision 1   Wording condensed; the General Order governs"
            f"   Page {self.page_no()} of {{nb}}",
            align="C",
        )


def spec_title(pdf, lines, doc_id, extra):
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, "State of California - Public Utilities Commission", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 15)
    for ln in lines:
        pdf.multi_cell(0, 7, ln, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in [
        ("Document", doc_id),
        ("Revision", "Library revision 1"),
        ("Effective date", "2025-07-01"),
    ] + extra:
        pdf.cell(0, 5, f"{k}: {v}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.multi_cell(
        0,
        4.2,
        "This library copy restates the substance of the listed rules of the General Order. Rule numbers, "
        "table cases and columns, values, exceptions and notes follow the official text; the wording is "
        "condensed. Text in square brackets is the library's own. Where this copy and the General Order "
        "differ, the General Order governs.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)


def sec(pdf, text):
    pdf.ln(1.5)
    pdf.set_font("Helvetica", "B", 10.5)
    pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.5)


def rule(pdf, num, title):
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(0, 5.2, f"{num}  {title}", new_x="LMARGIN", new_y="NEXT")


def para(pdf, text, indent=0, size=9.5, style=""):
    pdf.set_font("Helvetica", style, size)
    x = pdf.l_margin
    pdf.set_x(x + indent)
    pdf.multi_cell(pdf.w - pdf.r_margin - x - indent, 4.6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.8)


def table(pdf, widths, header, rows, size=8.5, line_height=4.2, aligns=None):
    pdf.set_font("Helvetica", "", size)
    with pdf.table(
        col_widths=widths,
        line_height=line_height,
        repeat_headings=1,
        headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225)),
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
    pdf.ln(2)


def spec_go95_iii_iv():
    doc = "GO-95-Sections-III-IV"
    pdf = SpecPDF(
        "General Order 95 - Rules for Overhead Electric Line Construction - Document GO-95-Sections-III-IV",
        doc,
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    spec_title(
        pdf,
        [
            "General Order No. 95",
            "Rules for Overhead Electric Line Construction",
            "Section III - Requirements for All Lines; Section IV - Strength Requirements for All Classes of Lines",
        ],
        doc,
        [
            ("Rules in this excerpt", "14 (reference), 35, 37 with Table 1, 38, 44, 44.1, 44.3"),
            (
                "Companion documents",
                "GO-95-Section-V (supply lines), GO-95-Section-VIII (communication lines)",
            ),
        ],
    )

    sec(pdf, "SECTION I - GENERAL PROVISIONS (reprinted for reference)")
    rule(pdf, "14", "Limiting Conditions Specified")
    para(
        pdf,
        "The spacing, clearance and strength-of-construction requirements of these rules are limiting conditions, "
        "stated as minimum or maximum values as indicated. Where two or more requirements set limiting conditions, the "
        "most stringent condition shall be met, which also gives compliance with the other applicable conditions. More "
        "ample spacings and clearances and greater strength than specified may be provided where no other requirement "
        "is violated in doing so.",
    )

    sec(pdf, "SECTION III - REQUIREMENTS FOR ALL LINES")
    rule(pdf, "35", "Vegetation Management")
    para(
        pdf,
        "Where overhead conductors pass through trees and vegetation, vegetation management shall be performed to "
        "establish necessary and reasonable clearances, and the minimum clearances of Table 1, Cases 13 and 14 "
        "[not reproduced in this excerpt], measured between line conductors and vegetation under normal conditions, "
        "shall be maintained. The rule applies to all overhead supply and communication facilities covered by this "
        "Order, including facilities on lands owned and maintained by California state and local agencies.",
    )
    para(
        pdf,
        "When a supply or communication company has actual knowledge, through normal operating practices or by "
        "notification, that dead, rotten or diseased trees, or such portions of otherwise healthy trees, overhang or "
        "lean toward a span and may fall into it, those trees or portions should be removed.",
    )
    para(
        pdf,
        "Communication and supply circuits energized at 750 volts or less, including their service drops, should "
        "be kept clear of vegetation in new construction and when circuits are reconstructed or repaired, whenever "
        "practicable. When the company has actual knowledge that such a circuit shows strain or evidences abrasion "
        "from vegetation contact, the condition shall be corrected by reducing conductor tension, rearranging or "
        "replacing the conductor, pruning the vegetation, or placing mechanical protection on the conductor.",
    )
    para(
        pdf,
        "Definitions for this rule: abrasion is damage to the insulation caused by friction between vegetation and "
        "the conductor; scuffing or polishing of the insulating covering is not abrasion. Strain is present when "
        "deflection adds tension beyond the allowable tension of the span. Contact between vegetation and conductors "
        "does not, in and of itself, violate this rule. [The Exceptions to Rule 35 are not reproduced.]",
    )

    rule(pdf, "37", "Minimum Clearances of Wires above Railroads, Thoroughfares, Buildings, Etc.")
    para(
        pdf,
        "The clearances of Table 1 are the basic minimum allowable vertical clearances of wires above railroads, "
        "thoroughfares, ground and structures, and apply at a temperature of 60 degrees F and no wind. Each column "
        "applies to the class of wire or conductor named in its heading. Where a rule of another section of this "
        "Order modifies a clearance of Table 1 for a particular kind of wire (for example Rules 54.4-A, 54.8-B and "
        "56.4-A1 of GO-95-Section-V), the clearances of Table 1 apply except as so modified.",
    )
    para(
        pdf,
        "The clearances of Table 1 shall in no case be reduced more than 5 percent because of temperature and "
        "loading as specified in Rule 43. No other reduction below the tabular values is permitted by this rule.",
    )
    para(
        pdf,
        "Case 3 governs wires crossing or running along thoroughfares in urban districts and wires crossing "
        "thoroughfares in rural districts; Case 4 governs wires running along thoroughfares in rural districts and wires "
        "across other areas capable of being traversed by vehicles or agricultural equipment; Case 5 governs areas "
        "accessible to pedestrians only; Case 6 governs buildings, bridges and other structures on which persons can "
        "walk. Letter references in the table denote modifications listed in the notes following the table.",
    )
    para(
        pdf,
        "[Library note on reading Table 1: choose the column by the kind of wire and its voltage (overhead guys "
        "and span wires, Column A; communication conductors and supply service drops of 0 - 750 V, Column B; supply "
        "line conductors of 0 - 750 V, Column D; of 750 - 22,500 V, Column E; above 22,500 V, Column F) and the case "
        "by what the wire passes over. Then apply the letter notes of that cell and any rule that modifies the "
        "value for that kind of wire. Where more than one case or rule applies to the same wire, the most stringent "
        "governs (Rule 14).]",
        size=9,
        style="I",
    )
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.multi_cell(
        0,
        5,
        "Table 1 - Basic Minimum Allowable Vertical Clearance of Wires above Railroads, Thoroughfares, "
        "Ground or Structures (Cases 1 - 6; values in feet)",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(1)
    hdr = [
        "Case No.",
        "Nature of clearance",
        "Column A - Span wires (other than trolley span wires), overhead guys and messengers",
        "Column B - Communication conductors (incl. open wire, cables and service drops); supply service drops 0 - 750 V",
        "Column C - Trolley contact, feeder and span wires 0 - 5,000 V",
        "Column D - Supply conductors 0 - 750 V and supply cables treated as in Rule 57.8",
        "Column E - Supply conductors and supply cables 750 - 22,500 V",
        "Column F - Supply conductors and supply cables 22,500 - 300,000 V",
    ]
    rows = [
        [
            "1",
            "Crossing above tracks of railroads which transport or propose to transport freight cars (maximum height "
            "15 ft 1 in), where not operated by overhead contact wires",
            "25",
            "25",
            "22",
            "25",
            "28",
            "34",
        ],
        [
            "2",
            "Crossing or paralleling above tracks of railroads operated by overhead trolleys",
            "26",
            "26",
            "19",
            "27",
            "30",
            "34",
        ],
        [
            "3",
            "Crossing or along thoroughfares in urban districts, or crossing thoroughfares in rural districts",
            "18 (j) (k)",
            "18 (j) (l) (m)",
            "19",
            "20",
            "25",
            "30",
        ],
        [
            "4",
            "Above ground along thoroughfares in rural districts, or across other areas capable of being traversed "
            "by vehicles or agricultural equipment",
            "15 (k)",
            "15 (m)",
            "19",
            "16",
            "25",
            "30",
        ],
        ["5", "Above ground in areas accessible to pedestrians only", "7", "10 (m)", "19", "12", "17", "25"],
        [
            "6",
            "Vertical clearance above buildings and bridges, or other structures which do not ordinarily support "
            "conductors and on which persons can walk, whether attached or unattached",
            "8",
            "8",
            "8",
            "8",
            "12",
            "12",
        ],
    ]
    table(pdf, (10, 44, 20, 26, 18, 22, 20, 20), hdr, rows, size=8.5, line_height=5.4)
    para(pdf, "Notes to Table 1 (modifications referred to by letter):", style="B", size=9)
    para(
        pdf,
        "(j) Column A: guys over that part of a public thoroughfare which is an entrance to or exit from industrial "
        "or commercial premises, or private residential premises, may have the reduced clearances of Rule 56.4-A1(a). "
        "Column B: supply service drops over public thoroughfares may grade toward the curb line as permitted by "
        "Rule 54.8-B(1).",
        indent=4,
        size=8.8,
    )
    para(
        pdf,
        "(k) Overhead guys along public thoroughfares, above ground not normally accessible to vehicles, may have "
        "the reduced clearances of Rule 56.4-A1(b).",
        indent=4,
        size=8.8,
    )
    para(
        pdf,
        "(l) Supply service drops over private driveways, lanes and other private property accessible to "
        "vehicles: see Rule 54.8-B(2) (16 ft industrial or commercial premises; 12 ft residential premises).",
        indent=4,
        size=8.8,
    )
    para(
        pdf,
        "(m) Communication service drops: see Rule 84.8 (GO-95-Section-VIII reproduces Rule 84.8-B1 only).",
        indent=4,
        size=8.8,
    )
    para(
        pdf,
        "[Cases 7 to 14 of Table 1, including Cases 13 and 14 (clearances from vegetation) and the remaining notes, "
        "are not reproduced in this excerpt.]",
        size=8.8,
        style="I",
    )

    rule(pdf, "38", "Minimum Clearances of Wires from Other Wires")
    para(
        pdf,
        "The minimum vertical, horizontal or radial clearances between wires are those of Table 2 [not reproduced "
        "in this excerpt], based on 60 degrees F and no wind. Conductors may be dead-ended at the crossarm or have "
        "reduced clearances at points of transposition without being held in violation of Table 2, Cases 8 - 15. The "
        "clearances of Table 2 shall in no case be reduced more than 10 percent because of temperature and loading "
        "(Rule 43) or because of a difference in size or design of pins, hardware or insulators. Clearances of less "
        "than 5 inches apply between surfaces; clearances of 5 inches or more apply between center lines.",
    )

    sec(pdf, "SECTION IV - STRENGTH REQUIREMENTS FOR ALL CLASSES OF LINES")
    rule(pdf, "44", "Safety Factors")
    para(
        pdf,
        "Safety factors are the minimum allowable ratios of the ultimate strength of materials to the maximum "
        "working stresses, those stresses being the ones developed under the construction arrangement with the "
        "temperature and loadings of Rule 43. Structural materials other than wood are treated under Rules 48.2, "
        "48.3-A and 48.3-B; for wood members in bending the ratio uses the modulus of rupture.",
    )
    rule(pdf, "44.1", "Installation and Reconstruction")
    para(
        pdf,
        "Upon installation or reconstruction, lines and elements of lines shall provide at least the safety "
        "factors of Table 4 [not reproduced in this excerpt] for vertical and transverse loads and, except where "
        "longitudinal loads are balanced or grades of construction change, for longitudinal loads.",
    )
    rule(pdf, "44.3", "Replacement")
    para(
        pdf,
        "Lines or parts of lines shall be replaced or reinforced before their safety factors have been reduced "
        "(by deterioration, installation of additional facilities or similar causes): in Grades A and B construction, "
        "to less than two-thirds of the safety factors of Rule 44.1; in Grade C construction, to less than one-half of "
        "the safety factors of Rule 44.1. Grade C poles supporting only communication lines shall also conform to "
        "Rule 81.3-A [not reproduced]. In no case does this rule permit a structure or member with a safety factor "
        "of less than one.",
    )
    para(
        pdf,
        "Note: the allowed reductions of this rule are modified by the footnotes to Table 4 [not reproduced; they "
        "concern only the structures and materials the footnotes name].",
        size=8.8,
    )
    para(pdf, "End of excerpt.", style="I", size=8.8)
    return pdf


def spec_go95_v():
    doc = "GO-95-Section-V"
    pdf = SpecPDF(
        "General Order 95 - Rules for Overhead Electric Line Construction - Document GO-95-Section-V", doc
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    spec_title(
        pdf,
        [
            "General Order No. 95",
            "Rules for Overhead Electric Line Construction",
            "Section V - Detailed Construction Requirements for Supply Lines (Class H, L and T Circuits)",
        ],
        doc,
        [
            ("Rules in this excerpt", "54.4-A, 54.7, 54.8, 56.4-A1, 56.6, 56.7-A, 58.3-A"),
            ("Table 1 and Rules 37, 38", "see GO-95-Sections-III-IV"),
        ],
    )

    sec(pdf, "SECTION V - DETAILED CONSTRUCTION REQUIREMENTS FOR SUPPLY LINES")
    rule(pdf, "54.4", "Clearances")
    para(
        pdf,
        "Allowable variations in clearances because of side swing of suspension insulators, temperature, loading "
        "and the like are given in Rules 37 and 38.",
    )
    rule(pdf, "54.4-A", "Above Ground")
    para(
        pdf,
        "The minimum vertical clearances above ground are those of Rule 37, Table 1, with the following "
        "modifications:",
    )
    para(
        pdf,
        "(1) Across Arid or Mountainous Areas: supply circuits of 22,500 - 30,000 volts inclusive may have less "
        "than the 30 feet of Table 1, Case 4, Column F, but not less than 25 feet above ground, subject to a reduction "
        "of not more than 10 percent because of temperature and loading as specified in Rule 43. Only upon special "
        "permission from the Commission may a minimum of 25 feet be applied in similar areas to circuits of more than "
        "30,000 volts (not including Class E circuits); for such circuits the 25 feet shall not be reduced for "
        "conditions less than the maximum loadings or temperatures of Rules 43.1 and 43.2.",
        indent=4,
    )
    para(
        pdf,
        "(2) Lead Wires for Transformers: transformer lead wires shall have the clearances above ground of Table 1 "
        "except as modified by Rule 58.1-B [not reproduced in this excerpt].",
        indent=4,
    )
    para(
        pdf,
        "(3) Over Swimming Pools: line conductors, service drops and guys over swimming pools shall be avoided "
        "where practicable. Where they are installed over a pool, the radial and vertical clearances of this rule and "
        "Figure 54-1 apply [the values and Figure 54-1 are not reproduced in this excerpt].",
        indent=4,
    )

    rule(pdf, "54.7", "Climbing and Working Space")
    para(
        pdf,
        "This rule does not apply to non-climbable poles. Climbing space shall be maintained from the ground level "
        "and, measured from the center line of the pole, shall be provided on one side or in one quadrant of all "
        "poles or structures with the dimensions specified in these rules. The dimensions may be reduced not more "
        "than 2 percent because of line angles and minor field variations. The climbing space may be shifted "
        "laterally not more than 5 inches, provided the midpoint of its side at the pole center line stays within "
        "5 inches of that center line and the minimum distance of unprotected conductors from the center line of "
        "the pole (Table 1, Case 8) is kept.",
    )
    rule(pdf, "54.7-A", "Climbing Space (Wood Crossarm Construction)")
    para(
        pdf,
        "The climbing space shall be kept in the same position for not less than 4 feet vertically above and "
        "below each conductor level through which it passes. Where line arms and buck arms are less than 4 feet "
        "apart (below the pole top, Figure 54-8), the climbing space shall be a square of not less than the "
        "following dimension:",
    )
    table(
        pdf,
        (60, 50),
        ["Voltage of conductors (Figure 54-8)", "Dimension of square"],
        [["0 - 7,500 volts", "30 inches"], ["7,500 - 35,000 volts", "42 inches"]],
        size=9,
    )

    rule(pdf, "54.8", "Service Drops, 0 - 750 Volts")
    rule(pdf, "54.8-A", "Material and Size")
    para(
        pdf,
        "Supply service drops of 0 - 750 volts shall be of the material and size of Table 8 and Rule 49.4-C7a "
        "[not reproduced]. Note: Resolution No. E-756 (effective May 29, 1951) authorized multiple-conductor service "
        "drop cable with a bare neutral for 0 - 750 volt service drops, provided the cable is attached at both the "
        "pole end and the building end by means of an insulator.",
    )
    rule(pdf, "54.8-B", "Clearances above Ground, Buildings, Etc.")
    para(
        pdf,
        "Vertical clearances of supply service drops above ground, buildings, etc. shall be not less than those "
        "of Rule 37, Table 1, Column B, with the following modifications:",
    )
    para(
        pdf,
        "(1) Above Public Thoroughfares: not less than 18 feet. The clearance may grade from 18 feet, at a point "
        "not more than 12 feet horizontally from the curb line, down to not less than 16 feet at the curb line, "
        "provided the clearance at the centerline of any public thoroughfare is in no case less than 18 feet. Where "
        "there are no curbs, the outer limits of possible vehicular movement take the place of the curb line.",
        indent=4,
    )
    para(pdf, "(2) Above Private Thoroughfares and Other Private Property:", indent=4)
    para(
        pdf,
        "a) Industrial or Commercial Premises: over private driveways, lanes or other private property areas "
        "accessible to vehicles on premises used for industrial or commercial purposes, not less than 16 feet.",
        indent=8,
    )
    para(
        pdf,
        "b) Residential Premises: over private driveways, lanes or other private property areas accessible to "
        "vehicles on premises used for residential purposes only, not less than 12 feet.",
        indent=8,
    )
    para(
        pdf,
        "[The further modifications of Rule 54.8-B and Rules 54.8-C onward are not reproduced in this excerpt.]",
        style="I",
        size=8.8,
    )

    rule(pdf, "56", "Overhead Guys, Anchor Guys and Span Wires")
    rule(pdf, "56.4-A1", "Over, Across or Along Public Thoroughfares")
    para(
        pdf,
        "a) Guys over or across public thoroughfares in urban districts shall clear the ground by not less than "
        "18 feet (Table 1, Case 3, Column A), except that:",
        indent=4,
    )
    para(
        pdf,
        "1) not less than 16 feet is permitted for the portions of guys over that part of the public thoroughfare "
        "which is an entrance to or exit from industrial or commercial premises; and",
        indent=8,
    )
    para(
        pdf,
        "2) not less than 14 feet is permitted for the portions of guys over that part of the public thoroughfare "
        "which is an entrance to or exit from private residential premises.",
        indent=8,
    )
    para(
        pdf,
        "b) Overhead guys along public thoroughfares, above ground not normally accessible to vehicles, may have "
        "less than the clearances of Table 1, Column A, Cases 3 and 4 (18 feet and 15 feet), provided that: sections "
        "between insulators are not less than 8 feet above ground; sections between insulators and poles are not less "
        "than 7 feet above ground; and guys without insulators are not less than 7 feet above ground.",
        indent=4,
    )
    rule(pdf, "56.6", "Requirements for Sectionalizing with Insulators")
    para(
        pdf,
        "A. Guys in proximity to supply conductors of less than 35,500 volts: all portions of guys within both "
        "8 feet vertically of the level of such conductors and 6 feet radially of the surface of wood poles or "
        "structures shall not be grounded, through anchors or otherwise; where necessary, such guys shall be "
        "sectionalized by insulators located as specified in Rule 56.7.",
        indent=4,
    )
    para(
        pdf,
        "B. Guys to arms supporting conductors of less than 35,500 volts: all portions of arm guys within 6 feet of "
        "their attachment to wood crossarms (or metal crossarms on wood poles) shall not be grounded; where necessary "
        "they shall be sectionalized by insulators located as specified in Rule 56.7.",
        indent=4,
    )
    para(
        pdf,
        "C. Ungrounded overhead guys: overhead guys that are not grounded (by ground wires, grounded anchor "
        "guys, attachment to grounded metal poles or otherwise) shall be sectionalized at the locations of "
        "Rule 56.7-A (6 to 9 feet from attachments).",
        indent=4,
    )
    para(
        pdf,
        "D. Guys exposed to 22,500 volts or more: such guys shall not be sectionalized and shall be securely "
        "grounded. [The remainder of 56.6-D is not reproduced.]",
        indent=4,
    )
    rule(pdf, "56.7", "Location of Sectionalizing Insulators")
    rule(pdf, "56.7-A", "Overhead Guys")
    para(
        pdf,
        "Insulators installed in overhead guys to sectionalize them as required by Rule 56.6 shall be located not "
        "less than 6 feet and not more than 9 feet, measured along the guy, from the points of attachment to poles, "
        "crossarms or structures. In overhead guys of less than 17 feet in length with no grounded section, insulation "
        "at one location approximately equidistant from each support is sufficient. Overhead guys attached to wood "
        "poles and to grounded anchor guys or metal poles shall be sectionalized at not less than one location, 6 to "
        "9 feet from the attachment at the wood pole. In branched (bridle) guys, insulators go in the main guy and "
        "all branches except one, as far as practicable from the attachment but not more than 9 feet from it. All "
        "insulators in overhead guys shall be 8 feet or more vertically above the ground.",
    )
    para(pdf, "[Rule 56.7-B, Anchor Guys, is not reproduced in this excerpt.]", style="I", size=8.8)

    rule(pdf, "58.3", "Line Switches and Line Disconnects")
    para(
        pdf,
        "Line switches and line disconnects shall be readily accessible from climbing and working spaces; neither "
        "they nor their connecting leads shall extend into the climbing space, but they may extend into the working "
        "space.",
    )
    rule(pdf, "58.3-A", "Unenclosed")
    para(
        pdf,
        "(1) Vertical clearances between exposed energized parts of line switches and disconnects (including fused "
        "and unfused cutouts) and unprotected conductors of other circuits above and below shall be not less than "
        "those of Table 2, Cases 8 to 13; clearances between exposed parts of different phases or polarities of the "
        "same circuit, not less than Table 2, Case 17 [Table 2 not reproduced].",
        indent=4,
    )
    para(
        pdf,
        "(2) Lead wires shall be suitably insulated from the cases of cutouts and switches where they enter them. "
        "All unprotected lead wires, including miscellaneous wiring, shall clear braces, bolts and other line "
        "hardware by not less than 1.5 inches. Table 1, Case 9, Columns C, D and E calls for 3 inches from the "
        "surface of crossarms; where necessary at points of entrance to cutouts and switches, lead wires of "
        "0 - 5,000 volts only may be less than 3 inches from the crossarm surface, but not less than 1 inch.",
        indent=4,
    )
    para(
        pdf,
        "(3) Switches and cutouts shall be located so that, open or closed, all their energized parts are not less "
        "than 15 or 18 inches from the center line of the pole as required by Table 1, Case 8, and no part of such "
        "equipment is in the climbing space.",
        indent=4,
    )
    para(pdf, "End of excerpt.", style="I", size=8.8)
    return pdf


def spec_go95_viii():
    doc = "GO-95-Section-VIII"
    pdf = SpecPDF(
        "General Order 95 - Rules for Overhead Electric Line Construction - Document GO-95-Section-VIII", doc
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    spec_title(
        pdf,
        [
            "General Order No. 95",
            "Rules for Overhead Electric Line Construction",
            "Section VIII - Detailed Construction Requirements for Communication Lines (Class C Circuits)",
        ],
        doc,
        [("Rules in this excerpt", "84.8-B1, 86.5, 86.7-A, 86.9")],
    )
    sec(pdf, "SECTION VIII - DETAILED CONSTRUCTION REQUIREMENTS FOR COMMUNICATION LINES")
    rule(pdf, "84.8", "Service Drops")
    rule(pdf, "84.8-B1", "Service Drops from Open Wire Lines Supported on Crossarms")
    para(
        pdf,
        "Where open-wire communication line conductors are supported on crossarms, service drop attachments on "
        "the surface of the pole (hooks, knobs or brackets) shall be not less than 6 feet below, or 4 feet above, the "
        "level of the nearest unprotected supply conductor supported on the same pole.",
    )
    para(pdf, "[Other parts of Rule 84.8 are not reproduced in this excerpt.]", style="I", size=8.8)
    rule(pdf, "86", "Guys and Anchors")
    rule(pdf, "86.5", "Fastenings")
    para(
        pdf,
        "Guy wires shall be protected by guy thimbles or their equivalent where attached to anchor rods or through "
        "bolts. Cedar and other soft-wood poles around which a guy of 5,000 pounds or more ultimate strength is "
        "wrapped shall be protected by suitable guy shims. Hooks, lag screws or equivalent means shall be used where "
        "necessary to keep a guy from slipping along the pole.",
    )
    rule(pdf, "86.7", "Location of Sectionalizing Insulators")
    rule(pdf, "86.7-A", "Overhead Guys")
    para(pdf, "All insulators in overhead guys shall be not less than 8 feet above the ground.")
    para(
        pdf,
        "(1) Exposed: ungrounded overhead guys required by Rule 86.6-B1 to be sectionalized because of exposure "
        "to supply conductors of 250 - 22,500 volts shall have an insulator not less than 6 feet and not more than "
        "9 feet, measured along the guy, from each attachment to wood poles or structures supporting conductors; one "
        "insulator suffices where the guy is less than 17 feet long between such poles or structures.",
        indent=4,
    )
    para(
        pdf,
        "(2) In Proximity: overhead guys required by Rule 86.6-B2 to be sectionalized shall have an insulator 6 to "
        "9 feet, measured along the guy, from each attachment to poles, crossarms or structures. Guys to poles "
        "carrying no conductors are excepted where they are not in proximity to supply conductors of 0 - 35,500 volts "
        "on other poles; such guys need the insulator only at the pole that supports conductors.",
        indent=4,
    )
    rule(pdf, "86.9", "Guy Marker (Guy Guard)")
    para(
        pdf,
        "A substantial marker of suitable material (metal, plastic or other), not less than 8 feet long, shall be "
        "securely attached to all anchor guys. Where more than one guy is attached to one anchor rod, only the "
        "outermost guy needs a marker.",
    )
    para(pdf, "End of excerpt.", style="I", size=8.8)
    return pdf


def spec_go128():
    doc = "GO-128"
    pdf = SpecPDF(
        "General Order 128 - Construction of Underground Electric Supply and Communication Systems - "
        "Document GO-128",
        doc,
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    spec_title(
        pdf,
        [
            "General Order No. 128",
            "Rules for Construction of Underground Electric Supply and Communication Systems",
        ],
        doc,
        [
            ("Rules in this excerpt", "14, 20.9, 22.8, 32.8, 34.3-D, 41.4-A, 41.4-B"),
            (
                "Not reproduced",
                "Rules 17, 31.4, 33.4 (clearances and depths of supply ducts and cables), 43.3 "
                "and Appendix A",
            ),
        ],
    )
    sec(pdf, "SECTION I - GENERAL PROVISIONS")
    rule(pdf, "14", "Limiting Conditions Specified")
    para(
        pdf,
        "Spacing, clearance and strength-of-construction requirements are limiting conditions, stated as minimum "
        "or maximum values as indicated. Where two or more requirements set limiting conditions, the most stringent "
        "shall be met, which also satisfies the others. Greater strength and more ample spacings and clearances may "
        "be provided where no other requirement is violated.",
    )
    sec(pdf, "SECTION II - DEFINITIONS OF TERMS AS USED IN THESE RULES")
    rule(pdf, "20.9", "Cover")
    para(
        pdf,
        "Cover means the radial distance between the surface of an underground cable or conduit and grade.",
    )
    rule(pdf, "22.8", "Practicable")
    para(
        pdf,
        "Practicable means capable of being accomplished by reasonably available, economic and workable means.",
    )
    para(
        pdf,
        "A. Clearances and depths required by these rules are deemed impracticable only to the extent that existing "
        "structures or natural obstructions require a reduction in the immediate vicinity of the obstruction, or in "
        "exceptional, limited circumstances where the required clearance would create a condition less safe than a "
        "reduced one.",
        indent=4,
    )
    sec(pdf, "SECTION III - REQUIREMENTS FOR SUPPLY SYSTEMS")
    rule(pdf, "32.8", "Location (Manholes, Handholes and Subsurface Equipment Enclosures)")
    para(
        pdf,
        "Manholes, handholes and subsurface equipment enclosures shall be located so that the opening gives safe "
        "access and, where practicable, so that future maintenance causes minimum interference with vehicular "
        "traffic. In no case shall the nearest edge of the opening at the surface be less than 3 feet from any rail of "
        "a railroad or streetcar track. This rule does not apply where satisfactory proof is submitted to the "
        "Commission that compliance is impracticable or physically impossible within the space or location "
        "designated by proper authorities.",
    )
    rule(pdf, "34.3", "Self-Contained Surface-Mounted Equipment")
    rule(pdf, "34.3-D", "Clearance from Buildings")
    para(
        pdf,
        "Equipment containing oil shall be located so that its nearest metal parts clear the surface of buildings "
        "by not less than 3 feet; this may be reduced to 2 feet where the building surface is noncombustible. "
        "Equipment not containing oil needs no specific clearance from buildings and may be incorporated into the "
        "building structure.",
    )
    sec(pdf, "SECTION IV - REQUIREMENTS FOR COMMUNICATION SYSTEMS")
    rule(pdf, "41.4", "Clearances and Depths")
    para(
        pdf,
        "Clearances between communication duct systems for public use and other independently installed "
        "underground structures shall be as great as practicable, and the cover over these lines shall be sufficient "
        "to protect them from injury by traffic.",
    )
    rule(pdf, "41.4-A", "From Foreign Substructures (Except Supply Systems)")
    para(
        pdf,
        "(1) Independently installed: communication ducts shall be separated, where practicable, from gas, water, "
        "oil or other pipe systems by at least 12 inches when paralleling and at least 6 inches when crossing.",
        indent=4,
    )
    para(
        pdf,
        "(2) Concurrently installed: when installed concurrently with gas, water, oil or other foreign "
        "substructures, communication ducts may have less separation than (1) by mutual agreement of the parties "
        "involved.",
        indent=4,
    )
    rule(pdf, "41.4-B", "From Supply Systems")
    para(
        pdf,
        "(1) Independently installed: communication ducts shall be separated, where practicable, from supply duct "
        "systems and buried supply cables or conductors by not less than 3 inches of concrete, 4 inches of brick "
        "masonry, or 12 inches of earth.",
        indent=4,
    )
    para(
        pdf,
        "(2) Concurrently installed: when installed concurrently with supply duct systems, and with mutual "
        "agreement of the parties, communication ducts may have less separation than (1), provided the ducts of both "
        "systems are of rigid material. Where the ducts of either system are not rigid, or the supply cables or "
        "conductors are buried, the separations of (1) apply; in lieu of them the random separation provisions of "
        "Rule 43.3-B(1) [not reproduced] may be applied.",
        indent=4,
    )
    para(pdf, "End of excerpt.", style="I", size=8.8)
    return pdf


SPECS = [
    (
        "specs/GO-95-Sections-III-IV.pdf",
        "GO-95-Sections-III-IV",
        spec_go95_iii_iv,
        "General Order 95, Sections III and IV: Rules 35, 37 (Table 1), 38, 44, 44.1, 44.3 (excerpt)",
    ),
    (
        "specs/GO-95-Section-V.pdf",
        "GO-95-Section-V",
        spec_go95_v,
        "General Order 95, Section V: Rules 54.4-A, 54.7, 54.8, 56.4-A1, 56.6, 56.7-A, 58.3-A (excerpt)",
    ),
    (
        "specs/GO-95-Section-VIII.pdf",
        "GO-95-Section-VIII",
        spec_go95_viii,
        "General Order 95, Section VIII: Rules 84.8-B1, 86.5, 86.7-A, 86.9 (excerpt)",
    ),
    (
        "specs/GO-128.pdf",
        "GO-128",
        spec_go128,
        "General Order 128: Rules 14, 20.9, 22.8, 32.8, 34.3-D, 41.4 (excerpt)",
    ),
]

# ----------------------------------------------------------------------------------------------
# Audits
# ----------------------------------------------------------------------------------------------
D1, D2, D3, D4 = "GO-95-Sections-III-IV", "GO-95-Section-V", "GO-95-Section-VIII", "GO-128"
V, R, N = "VALID", "REPEALABLE", "NEEDS_REVIEW"


def inf(text, verdict, document, section, why, **kw):
    d = dict(text=text, verdict=verdict, document=document, section=section, why=why)
    d.update(kw)
    return d


class AuditPDF(FPDF):
    def __init__(self, org, form):
        super().__init__(format="Letter")
        self.org = org
        self.form = form
        self.set_auto_page_break(True, margin=18)
        self.set_margins(16, 14, 16)
        self.set_creation_date(FIXED)
        self.set_title("QA Field Audit")

    def header(self):
        self.set_font("Helvetica", "B", 9)
        self.cell(0, 5, self.org, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "I", 7.5)
        self.cell(
            0, 5, f"{self.form}    Retain with job package    Page {self.page_no()} of {{nb}}", align="C"
        )


def meta_block(pdf, title, subtitle, pairs):
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 10.5)
    pdf.cell(0, 6, subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in pairs:
        pdf.cell(0, 5, f"{k}: {v}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def body(pdf, text, style="", size=9.5, indent=0):
    pdf.set_font("Helvetica", style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.w - pdf.r_margin - pdf.l_margin - indent, 4.6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def audit1():
    md = dict(
        pm_number="41207735",
        notification_number="118840263",
        location="400-430 block Harmon St, Lodi",
        contractor="Brightline Power Constructors, LLC",
        foreman="Wes Adeyemi",
        auditor="Corinne Valdez",
        audit_date="2025-08-12",
        score="81.82% (108/132)",
    )
    infs = [
        inf(
            "12 kV primary conductors crossing Harmon St (urban district) measured 23 ft 4 in above the crown of the "
            "street at 66 degrees F, light load.",
            V,
            D1,
            "37",
            "Table 1, Case 3, Column E requires 25 ft; even the 5 percent temperature/loading allowance (23 ft 9 in) is not met, and the span was near 60 F with light load.",
        ),
        inf(
            "Second span of the 12 kV primary crossing Harmon St at Pine St measured 24 ft 1 in at 101 degrees F "
            "ambient with the circuit at peak load; auditor requires the full 25 ft of Table 1, Case 3, Column E.",
            R,
            D1,
            "37",
            "Rule 37 allows up to 5 percent reduction of Table 1 values because of temperature and loading: 25 ft x 0.95 = 23 ft 9 in; 24 ft 1 in under hot, loaded conditions complies.",
        ),
        inf(
            "12 kV primary over the fenced rear yard of 410 Harmon St, an area accessible to pedestrians only, measured "
            "18 ft 2 in; auditor applied 25 ft.",
            R,
            D1,
            "37",
            "Areas accessible to pedestrians only are Table 1, Case 5: Column E requires 17 ft, not the 25 ft of the thoroughfare case; 18 ft 2 in complies.",
        ),
        inf(
            "120/240 V open-wire secondary running along the alley behind Harmon St (urban district) measured 19 ft 2 in "
            "at 63 degrees F.",
            V,
            D1,
            "37",
            "Supply conductors 0-750 V (not a service drop) along a thoroughfare in an urban district: Table 1, Case 3, Column D, 20 ft; 19 ft 2 in is short and no temperature/loading condition applies.",
        ),
        inf(
            "12 kV primary tap over the flat, walkable roof of the garage at 422 Harmon St measured 12 ft 7 in; auditor "
            "requires 17 ft.",
            R,
            D1,
            "37",
            "Above buildings on which persons can walk, Table 1, Case 6, Column E requires 12 ft; 17 ft is the pedestrian-area value (Case 5). 12 ft 7 in complies.",
        ),
        inf(
            "Vertical separation between the 12 kV crossarm and the communication cable on pole 6614 measured 44 in; "
            "Table 2 requires 48 in.",
            N,
            None,
            None,
            "Rule 38 refers to Table 2 for wire-to-wire clearances, but Table 2 is not reproduced in the library, so the 48 in value cannot be confirmed.",
        ),
        inf(
            "Service drop to 430 Harmon St passes over the backyard swimming pool; clearance above the water level was "
            "not recorded; per GO 95 Rule 54.4-A(3).",
            N,
            None,
            None,
            "Rule 54.4-A(3) only says to avoid pools where practicable; its clearance values and Figure 54-1 are not in the library, and the audit gives no measurement.",
        ),
    ]
    pdf = AuditPDF(
        "Valley Distribution Co. - Contractor Quality Assurance - QA Field Audit, Overhead Lines",
        "Form QA-OH-02 (Rev 3)",
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    meta_block(
        pdf,
        "CONTRACTOR QUALITY ASSURANCE PROGRAM",
        "QA FIELD AUDIT - OVERHEAD PRIMARY RECONDUCTOR",
        [
            ("PM Number", md["pm_number"]),
            ("Notification", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("Auditor", md["auditor"]),
            ("Audit Date", md["audit_date"]),
            ("Score", md["score"]),
        ],
    )
    body(
        pdf,
        "Scope: reconductor of the 12 kV primary on Harmon St between Pine St and Elm St (urban district), new "
        "secondary in the rear alley and service transfers. Clearances were measured with a laser rangefinder; the "
        "ambient temperature and circuit loading reported by the control center are noted with each reading.",
    )
    body(
        pdf, "Each go-back below must be corrected and photographed before the job can be closed.", style="I"
    )
    for _i, x in enumerate(infs, 1):
        body(pdf, f"Go-back Infraction: {x['text']}")
        body(
            pdf,
            "Corrective action: correct to the governing requirement and submit photos.",
            size=8.5,
            indent=6,
        )
    body(
        pdf,
        "Items checked and found acceptable: pole numbering, cutout fusing, conductor ties, neutral continuity.",
    )
    body(pdf, f"Auditor: {md['auditor']}    Date: {md['audit_date']}")
    body(pdf, f"Foreman acknowledgement: {md['foreman']}")
    return pdf, md, infs


def audit2():
    md = dict(
        pm_number="41215502",
        notification_number="118851177",
        location="1200-1280 Marsh Rd, Turlock",
        contractor="Delta Span Electric, Inc.",
        foreman="Luis Ocampo",
        auditor="Janet Prewitt",
        audit_date="2025-08-26",
        score="70.00% (84/120)",
    )
    infs = [
        inf(
            "Service drop to 1207 Marsh Rd over the private driveway of the single-family residence measured 12 ft 5 in; "
            "auditor requires 16 ft.",
            R,
            D2,
            "54.8-B",
            "Rule 54.8-B(2)b: 12 ft over driveways on premises used for residential purposes only; 16 ft is the commercial value.",
        ),
        inf(
            "Service drop across the private drive aisle of the shopping center at 1250 Marsh Rd measured 15 ft 2 in.",
            V,
            D2,
            "54.8-B",
            "Rule 54.8-B(2)a: 16 ft over private driveways and lanes on commercial premises; 15 ft 2 in is short.",
        ),
        inf(
            "Service drop to 1262 Marsh Rd measured 16 ft 4 in at the curb line and 18 ft 1 in at the street centerline; "
            "auditor requires 18 ft across the whole street.",
            R,
            D2,
            "54.8-B",
            "Rule 54.8-B(1) lets the clearance grade to not less than 16 ft at the curb line provided the centerline keeps 18 ft; both readings comply.",
        ),
        inf(
            "Overhead guy from pole 7731 to the stub pole passes over the driveway entrance from Marsh Rd to the "
            "residence at 1270 Marsh Rd (urban district) at 14 ft 3 in.",
            R,
            D2,
            "56.4-A1",
            "Rule 56.4-A1(a)2: 14 ft is permitted over the part of the thoroughfare that is an entrance to private residential premises; 14 ft 3 in complies.",
        ),
        inf(
            "Overhead guy from pole 7735 across Marsh Rd (urban district) measured 17 ft 5 in above the road surface.",
            V,
            D2,
            "56.4-A1",
            "Rule 56.4-A1(a): 18 ft over public thoroughfares in urban districts (Table 1, Case 3, Column A); 17 ft 5 in is short.",
        ),
        inf(
            "Overhead guy along Marsh Rd over the planter strip (not accessible to vehicles): section between insulators "
            "measured 7 ft 4 in above ground.",
            V,
            D2,
            "56.4-A1",
            "Rule 56.4-A1(b): sections between insulators must be at least 8 ft above ground not accessible to vehicles; 7 ft 4 in is short.",
        ),
        inf(
            "Service drop to 1280 Marsh Rd over the side yard, accessible to pedestrians only, measured 10 ft 5 in; "
            "auditor requires 12 ft.",
            R,
            D1,
            "37",
            "Supply service drops are Table 1, Column B; Case 5 (pedestrians only) requires 10 ft. 12 ft is the Column D line-conductor value.",
        ),
    ]
    pdf = AuditPDF(
        "Valley Distribution Co. - Contractor Quality Assurance - QA Field Audit, Services and Guying",
        "Form QA-SG-07 (Rev 1)",
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    meta_block(
        pdf,
        "QA FIELD AUDIT REPORT",
        "Overhead services and guying - findings",
        [
            ("PM #", md["pm_number"]),
            ("Notification #", md["notification_number"]),
            ("Job Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("QA Auditor", md["auditor"]),
            ("Audit Date", "08/26/2025"),
            ("Audit Score", md["score"]),
        ],
    )
    body(pdf, "Findings (each row is a go-back unless marked closed):", style="B")
    rows = []
    locs = [
        "1207 Marsh Rd",
        "1250 Marsh Rd",
        "1262 Marsh Rd",
        "Pole 7731",
        "Pole 7735",
        "Pole 7738",
        "1280 Marsh Rd",
    ]
    for i, (x, loc) in enumerate(zip(infs, locs, strict=False), 1):
        rows.append([str(i), loc, x["text"], "Open"])
    table(pdf, (10, 28, 118, 18), ["Item", "Location", "Finding", "Status"], rows, size=8.5, line_height=4.4)
    body(pdf, "Measurements taken at 74 degrees F with a hot-stick measuring pole and a laser rangefinder.")
    body(pdf, f"QA Auditor: {md['auditor']}    Foreman: {md['foreman']}")
    return pdf, md, infs


def audit3():
    md = dict(
        pm_number="41222918",
        notification_number="118857340",
        location="Poles 3318-3344, Foothill Blvd, Oroville",
        contractor="Ironwood Utility Services",
        foreman="Ray Kowalczyk",
        auditor="Mina Farahani",
        audit_date="2025-09-04",
        score="72.73% (96/132)",
    )
    infs = [
        inf(
            "Pole 3318 (12 kV line arm and buck arm 30 in apart): climbing space measured 36 in square.",
            V,
            D2,
            "54.7",
            "Figure 54-8 (Rule 54.7-A): 42 in square for 7,500-35,000 V where line and buck arms are less than 4 ft apart; 36 in is short even with the 2 percent field allowance.",
        ),
        inf(
            "Pole 3322 (4,160 V line and buck arms less than 4 ft apart, 15-degree line angle): climbing space measured "
            "29-1/2 in; inspector requires 30 in.",
            R,
            D2,
            "54.7",
            "Rule 54.7 allows a reduction of not more than 2 percent for line angles and minor field variations: 30 in x 0.98 = 29.4 in; 29-1/2 in complies.",
        ),
        inf(
            "12 kV cutout lead wire on pole 3318 is 2 in from the crossarm surface at the entrance to the cutout.",
            V,
            D2,
            "58.3-A",
            "Rule 58.3-A(2): only leads of 0-5,000 V may be less than 3 in from the crossarm surface at cutout entrances; a 12 kV lead needs 3 in.",
        ),
        inf(
            "4,160 V cutout lead wire on pole 3322 is 1-1/4 in from the crossarm surface at the cutout entrance; inspector "
            "requires 3 in.",
            R,
            D2,
            "58.3-A",
            "Rule 58.3-A(2): at points of entrance to cutouts, leads of 0-5,000 V may be less than 3 in but not less than 1 in from the crossarm surface; 1-1/4 in complies.",
        ),
        inf(
            "Sectionalizing insulator in the ungrounded overhead guy from pole 3326 is installed 4 ft from the pole "
            "attachment, measured along the guy.",
            V,
            D2,
            "56.7-A",
            "Rule 56.7-A: sectionalizing insulators in overhead guys go 6 to 9 ft from the attachment; 4 ft is too close.",
        ),
        inf(
            "Overhead guy between poles 3330 and 3331 is 15 ft long with no grounded section and has one insulator near "
            "mid-length; inspector requires an insulator 6 to 9 ft from each attachment.",
            R,
            D2,
            "56.7-A",
            "Rule 56.7-A: an overhead guy under 17 ft long with no grounded section needs insulation at one location approximately equidistant from the supports.",
        ),
        inf(
            "Down guy on pole 3340, exposed to the 60 kV subtransmission circuit, has no sectionalizing insulator and is "
            "bonded to the system ground; inspector requires a guy insulator.",
            R,
            D2,
            "56.6-D",
            "Rule 56.6-D: guys exposed to 22,500 V or more shall not be sectionalized and shall be securely grounded; the installation is correct.",
        ),
        inf(
            "Pole 3344 ground wire moulding missing above grade and ground rod connection not visible.",
            N,
            None,
            None,
            "Pole grounding and ground-wire protection rules are not among the rules held in the library.",
        ),
    ]
    pdf = AuditPDF(
        "Valley Distribution Co. - Contractor Quality Control - Pole Framing Inspection",
        "Form QC-PF-11 (Rev 4)",
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    meta_block(
        pdf,
        "CONTRACTOR QUALITY CONTROL",
        "QC FIELD CHECKLIST - POLE FRAMING AND GUYING",
        [
            ("Order No. (PM)", md["pm_number"]),
            ("Notification No.", md["notification_number"]),
            ("Address / Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("General Foreman", md["foreman"]),
            ("QC Inspector", md["auditor"]),
            ("Inspection Date", md["audit_date"]),
            ("Score", md["score"]),
        ],
    )
    body(
        pdf,
        "(If an item is not in compliance, mark 'No' and describe the condition found in Comments.)",
        style="I",
        size=8.5,
    )
    items = [
        ("Climbing space on buck-arm poles (12 kV)?", "No", infs[0]["text"]),
        ("Climbing space on buck-arm poles (4 kV)?", "No", infs[1]["text"]),
        ("Pole numbers and high-voltage signs installed?", "Yes", "All poles tagged."),
        ("Cutout lead wire clearance from crossarm (12 kV)?", "No", infs[2]["text"]),
        ("Cutout lead wire clearance from crossarm (4 kV)?", "No", infs[3]["text"]),
        ("Guy insulator location from attachment?", "No", infs[4]["text"]),
        ("Guy markers on anchor guys?", "Yes", "Yellow guards installed on all anchor guys."),
        ("Short overhead guys insulated?", "No", infs[5]["text"]),
        ("Guys at subtransmission poles?", "No", infs[6]["text"]),
        ("Riser and terminator installed?", "N/A", "No riser on this job."),
        ("Pole grounds and moulding?", "No", infs[7]["text"]),
        ("Old material removed from site?", "Yes", "Site clean."),
    ]
    rows = [[str(i), a, b, c] for i, (a, b, c) in enumerate(items, 1)]
    table(
        pdf,
        (9, 52, 18, 105),
        ["No.", "Inspection item", "Yes / No / N/A", "Comments"],
        rows,
        size=8.3,
        line_height=4.3,
    )
    body(pdf, "Total Number of Non-Conforming Items: 8")
    body(
        pdf, f"QC Inspector: {md['auditor']}    Date: {md['audit_date']}    General Foreman: {md['foreman']}"
    )
    return pdf, md, infs


def audit4():
    md = dict(
        pm_number="41230064",
        notification_number="118862815",
        location="Quarry Park Subdivision, Lots 1-24, Rocklin",
        contractor="Granite Bay Trenching Co.",
        foreman="Tyrone Beckett",
        auditor="Helen Szabo",
        audit_date="2025-09-17",
        score="75.00% (99/132)",
    )
    infs = [
        inf(
            "Communication conduit installed independently along Quarry Way, paralleling the existing 6-in water main "
            "with 8 in of separation; no obstruction or other impracticability was noted.",
            V,
            D4,
            "41.4-A",
            "Rule 41.4-A(1): independently installed communication ducts need 12 in from water pipes when paralleling, where practicable; nothing made it impracticable.",
        ),
        inf(
            "Communication conduit crossing over the 1-in gas service to Lot 7 with 7 in of clearance; inspector requires "
            "12 in.",
            R,
            D4,
            "41.4-A",
            "Rule 41.4-A(1): 6 in is required when crossing; 12 in applies only when paralleling.",
        ),
        inf(
            "Joint trench on Basalt Ct: communication PVC ducts installed concurrently with rigid PVC supply ducts, 4 in of "
            "earth between them, joint trench agreement signed by both parties; inspector requires 12 in of earth.",
            R,
            D4,
            "41.4-B",
            "Rule 41.4-B(2): concurrently installed rigid ducts of both systems may have less separation by mutual agreement.",
        ),
        inf(
            "Joint trench on Shale Ln: communication duct installed concurrently alongside direct-buried 12 kV primary "
            "cable with 6 in of earth between them; no random-separation design on file.",
            V,
            D4,
            "41.4-B",
            "Rule 41.4-B(2): where the supply cable is buried, the separations of 41.4-B(1) apply (12 in of earth) unless random separation is applied; 6 in is short.",
        ),
        inf(
            "Oil-filled pad-mounted transformer T-118 set 2 ft 4 in from the concrete block wall of the clubhouse "
            "(noncombustible surface); inspector requires 3 ft.",
            R,
            D4,
            "34.3-D",
            "Rule 34.3-D: the 3 ft clearance of oil-filled equipment may be reduced to 2 ft from a noncombustible building surface.",
        ),
        inf(
            "Oil-filled pad-mounted transformer T-121 set 2 ft 6 in from the wood-sided wall of the garage at Lot 19.",
            V,
            D4,
            "34.3-D",
            "Rule 34.3-D: oil-filled equipment must clear a combustible building surface by 3 ft; 2 ft 6 in is short.",
        ),
        inf(
            "Secondary service lateral to Lot 12 has 20 in of cover; GO 128 Rule 33.4 requires 24 in.",
            N,
            None,
            None,
            "Depth requirements of Rule 33.4 are listed as not reproduced in the library's GO 128 excerpt.",
        ),
        inf(
            "Vault V-3 at the rail spur: the nearest edge of the vault opening is 2 ft 4 in from the rail.",
            V,
            D4,
            "32.8",
            "Rule 32.8: the nearest edge of the opening shall in no case be less than 3 ft from any rail; no Commission showing of impracticability is noted.",
        ),
    ]
    pdf = AuditPDF(
        "Valley Distribution Co. - Underground Construction QA - Field Inspection Report",
        "Form QA-UG-05 (Rev 2)",
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    meta_block(
        pdf,
        "UNDERGROUND CONSTRUCTION QUALITY ASSURANCE",
        "FIELD INSPECTION REPORT - JOINT TRENCH AND EQUIPMENT",
        [
            ("PM Order", md["pm_number"]),
            ("Notification Number", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("Inspector", md["auditor"]),
            ("Inspection Date", "September 17, 2025"),
            ("Score", md["score"]),
        ],
    )
    table(
        pdf,
        (45, 45, 45, 45),
        ["Trench length", "Trench type", "Systems", "Backfill"],
        [["2,140 ft", "Joint trench and independent", "Electric, telephone, CATV", "Native, compacted"]],
        size=8.5,
    )
    body(pdf, "Non-Conforming Items", style="B", size=10.5)
    for i, x in enumerate(infs, 1):
        body(pdf, f"{i}. {x['text']}")
    body(
        pdf,
        "All non-conforming items are go-backs. Contractor to correct and notify the inspector for re-inspection.",
    )
    body(pdf, f"Inspector: {md['auditor']}    Foreman: {md['foreman']}")
    return pdf, md, infs


def audit5():
    md = dict(
        pm_number="41236681",
        notification_number="118870492",
        location="Ranch Rd and Coyote Ridge, Tehachapi",
        contractor="High Desert Line Works",
        foreman="Curtis Pell",
        auditor="Angela Moreno",
        audit_date="2025-10-01",
        score="66.67% (88/132)",
    )
    blocks = [
        (
            "Subtransmission clearance, arid area",
            "Coyote Ridge spans 14-15",
            inf(
                "24 kV circuit (22,500 - 30,000 V class) across arid rangeland on Coyote Ridge measured 26 ft 3 in above "
                "ground; per Table 1, Case 4, Column F the clearance must be 30 ft.",
                R,
                D2,
                "54.4-A",
                "Rule 54.4-A(1): across arid or mountainous areas 22,500-30,000 V circuits may be less than 30 ft but not less than 25 ft; 26 ft 3 in complies.",
            ),
        ),
        (
            "Subtransmission clearance, mountainous area",
            "Coyote Ridge spans 21-22",
            inf(
                "34.5 kV circuit across the mountainous section of Coyote Ridge measured 26 ft 8 in above ground; no special "
                "permission from the Commission is on file.",
                V,
                D2,
                "54.4-A",
                "Rule 54.4-A(1): the 25 ft minimum applies to circuits over 30,000 V only upon special permission from the Commission; otherwise Table 1, Case 4, Column F (30 ft) governs.",
            ),
        ),
        (
            "Railroad crossing",
            "Span 30-31 over the freight spur",
            inf(
                "12 kV primary crossing the freight railroad spur measured 27 ft 1 in above the top of rail at 70 degrees F.",
                V,
                D1,
                "37",
                "Table 1, Case 1, Column E: 28 ft above railroads transporting freight cars; 27 ft 1 in is short and no temperature or loading condition applies.",
            ),
        ),
        (
            "Guy over commercial entrance",
            "Pole 9008",
            inf(
                "Overhead guy from pole 9008 over the entrance from Ranch Rd to the feed store (commercial premises) measured "
                "16 ft 2 in; per Rule 56.4-A1 guys over public thoroughfares need 18 ft.",
                R,
                D2,
                "56.4-A1",
                "Rule 56.4-A1(a)1: 16 ft is permitted over the part of the thoroughfare that is an entrance to commercial premises.",
            ),
        ),
        (
            "Communication guy insulator height",
            "Pole 9012",
            inf(
                "Insulator in the communication overhead guy at pole 9012 installed 7 ft 2 in above ground.",
                V,
                D3,
                "86.7-A",
                "Rule 86.7-A: all insulators in overhead guys shall be not less than 8 ft above the ground.",
            ),
        ),
        (
            "Pole strength, Grade B",
            "Pole 9020",
            inf(
                "Pole 9020 (Grade B construction, wood pole, no Table 4 footnote applies): remaining strength calculation "
                "gives 61 percent of the Rule 44.1 safety factor; pole has not been replaced or reinforced.",
                V,
                D1,
                "44.3",
                "Rule 44.3: Grade B lines must be replaced or reinforced before falling below two-thirds of the Rule 44.1 safety factors; 61 percent is below.",
            ),
        ),
        (
            "Pole strength, Grade C",
            "Pole 9024",
            inf(
                "Pole 9024 (Grade C construction, wood pole, no Table 4 footnote applies): remaining strength calculation "
                "gives 58 percent of the Rule 44.1 safety factor; auditor requires replacement at two-thirds.",
                R,
                D1,
                "44.3",
                "Rule 44.3: for Grade C the replacement point is one-half of the Rule 44.1 safety factors; 58 percent is above it.",
            ),
        ),
        (
            "Pole marking",
            "Pole 9030",
            inf(
                "Transformer pole 9030 is missing its high-voltage marking sign, per GO 95 Rule 51.6.",
                N,
                None,
                None,
                "Rule 51.6 (marking of poles) is not in the library.",
            ),
        ),
    ]
    infs = [b[2] for b in blocks]
    pdf = AuditPDF(
        "Valley Distribution Co. - Contractor Quality Assurance - QA Field Audit, Lines",
        "Form QA-OH-02 (Rev 3)",
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    meta_block(
        pdf,
        "CONTRACTOR QUALITY ASSURANCE PROGRAM",
        "QA FIELD AUDIT - SUBTRANSMISSION AND DISTRIBUTION LINES",
        [
            ("PM Number", md["pm_number"]),
            ("Notification", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("Auditor", md["auditor"]),
            ("Audit Date", "10/01/2025"),
            ("Score", md["score"]),
        ],
    )
    body(
        pdf,
        "Job description: rebuild of the 24 kV and 34.5 kV circuits over Coyote Ridge, 12 kV primary extension "
        "along Ranch Rd with a crossing of the freight spur, guying and pole replacements.",
    )
    body(
        pdf,
        "Method: clearances measured with a laser rangefinder at the lowest point of each span; pole strength "
        "from the resistograph report of 09/22/2025.",
    )
    for i, (title, loc, x) in enumerate(blocks, 1):
        body(pdf, f"INFRACTION #{i}: {title}", style="B")
        body(pdf, f"Location: {loc}", indent=4)
        body(pdf, f"Issue: {x['text']}", indent=4)
        body(pdf, "Status: GO-BACK - open", indent=4)
    body(pdf, "Audit summary: eight go-back items. Items not listed were inspected and meet requirements.")
    body(pdf, f"Auditor: {md['auditor']}    Date: 10/01/2025    Foreman: {md['foreman']}")
    return pdf, md, infs


def audit6():
    md = dict(
        pm_number="41243307",
        notification_number="118876054",
        location="Laurel Ct, Paradise",
        contractor="Canyon Communications Builders",
        foreman="Derek Lindqvist",
        auditor="Priya Raman",
        audit_date="2025-10-14",
        score="78.79% (104/132)",
    )
    infs = [
        inf(
            "Insulation of the 120/240 V service drop to 88 Laurel Ct is worn through to the conductor where a pine limb "
            "rubs it; the customer reported the contact in June and it has not been corrected.",
            V,
            D1,
            "35",
            "Rule 35: with actual knowledge (customer notification) of abrasion of a 750 V or less circuit from vegetation contact, the condition shall be corrected.",
        ),
        inf(
            "A tree branch touches the 120/240 V secondary at 92 Laurel Ct; the covering shows polishing only, with no "
            "damage to the insulation; auditor requires the branch to be cleared.",
            R,
            D1,
            "35",
            "Rule 35: polishing of the covering is not abrasion, and contact alone does not violate the rule; the 750 V or less clearing is a 'should' for new or rebuilt work.",
        ),
        inf(
            "12 kV primary in the High Fire-Threat District behind Laurel Ct measured 3 ft radial clearance to oak "
            "foliage; Table 1, Case 14 requires 4 ft.",
            N,
            None,
            None,
            "Rule 35 refers to Table 1, Cases 13 and 14, which are not reproduced in the library's Table 1 excerpt.",
        ),
        inf(
            "Telephone service drop bracket on pole 5521 is 5 ft 2 in below the 120/240 V open-wire secondary; the "
            "open-wire communication conductors on this pole are supported on crossarms.",
            V,
            D3,
            "84.8-B1",
            "Rule 84.8-B1: service drop attachments must be at least 6 ft below (or 4 ft above) the nearest unprotected supply conductor on the same pole.",
        ),
        inf(
            "Guy of 6,000 lb ultimate strength is wrapped around the cedar pole 5525 without guy shims.",
            V,
            D3,
            "86.5",
            "Rule 86.5: cedar and soft-wood poles wrapped by guys of 5,000 lb or more ultimate strength need guy shims.",
        ),
        inf(
            "Two communication anchor guys share one anchor rod at pole 5529 and only the outer guy carries a guy "
            "marker; auditor requires a marker on each guy.",
            R,
            D3,
            "86.9",
            "Rule 86.9: where more than one guy is attached to one anchor rod, only the outermost guy needs a marker.",
        ),
        inf(
            "Communication lashing wire loose for about 40 ft between poles 5531 and 5533.",
            N,
            None,
            None,
            "No rule in the library addresses cable lashing.",
        ),
    ]
    pdf = AuditPDF("Valley Distribution Co. - Joint Pole QA - Field Audit Report", "Form QA-JP-03 (Rev 1)")
    pdf.alias_nb_pages()
    pdf.add_page()
    meta_block(
        pdf,
        "JOINT POLE AND COMMUNICATION QA",
        "FIELD AUDIT REPORT - VEGETATION AND COMMUNICATION ATTACHMENTS",
        [
            ("PM Number", md["pm_number"]),
            ("Notification No.", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("Auditor", md["auditor"]),
            ("Audit Date", "October 14, 2025"),
            ("Score", md["score"]),
        ],
    )
    body(
        pdf,
        "Background: the contractor placed new communication attachments, guys and service drops on the joint "
        "poles of Laurel Ct and was responsible for reporting vegetation conditions along the route. The audit walked "
        "the whole route on October 14, 2025. The following deficiencies require a go-back.",
    )
    body(
        pdf,
        "Observations not counted as deficiencies: pole tags legible; strand grounded at the required intervals; "
        "riser guards in place at pole 5520. Photographs 1 through 22 are attached to the job package and are "
        "referred to by pole number. The customer at 88 Laurel Ct was interviewed about the reported contact.",
    )
    for k in range(14):
        body(
            pdf,
            f"Route note {k + 1}: span from pole {5518 + k} to pole {5519 + k}, {95 + 5 * k} ft; "
            f"{'Douglas fir' if k % 2 else 'cedar'} pole, Class {3 + k % 2}; strand and new attachments checked; no "
            "changes to the supply circuits were made by this contractor.",
            size=8.5,
            style="I",
        )
    for _i, x in enumerate(infs, 1):
        body(pdf, f"Deficiency: {x['text']}")
    body(pdf, "Closing: deficiencies are to be corrected within 30 days. Re-inspection on request.")
    body(pdf, f"Auditor: {md['auditor']}    Foreman: {md['foreman']}")
    return pdf, md, infs


AUDITS = [
    ("audits/RT1-goback-narrative.pdf", audit1),
    ("audits/RT2-findings-table.pdf", audit2),
    ("audits/RT3-qc-checklist.pdf", audit3),
    ("audits/RT4-underground-nci.pdf", audit4),
    ("audits/RT5-infraction-blocks.pdf", audit5),
    ("audits/RT6-deficiency-multipage.pdf", audit6),
]


def build(out):
    os.makedirs(os.path.join(out, "specs"), exist_ok=True)
    os.makedirs(os.path.join(out, "audits"), exist_ok=True)
    specs = []
    for f, doc, fn, title in SPECS:
        fn().output(os.path.join(out, f))
        specs.append(dict(file=f, document=doc, title=title, revision="Library 1"))
    audits = []
    for f, fn in AUDITS:
        pdf, md, infs = fn()
        pdf.output(os.path.join(out, f))
        audits.append(dict(file=f, metadata=md, expect_error=None, password=None, infractions=infs))
    exp = dict(
        name="realtext-go",
        organization="California overhead and underground line construction (fictional audits)",
        note="Blind corpus written from CPUC General Order 95 and 128 rule pages read at ia.cpuc.ca.gov (wording "
        "condensed; see README). Labels by hand from the clause text, without reading the product code. "
        "'why' is ignored by score.py. audit_date values are ISO; RT2 and RT5 print MM/DD/YYYY, RT4 and "
        "RT6 'Month D, YYYY'.",
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
    import re

    from pypdf import PdfReader

    def norm(t):
        return re.sub(r"\s+", " ", t)

    for s in exp["specs"]:
        text = norm(" ".join(p.extract_text() for p in PdfReader(os.path.join(out, s["file"])).pages))
        assert s["document"] in text, s
    t1 = PdfReader(os.path.join(out, "specs/GO-95-Sections-III-IV.pdf"))
    pages_with_hdr = [i for i, p in enumerate(t1.pages) if "Nature of clearance" in p.extract_text()]
    assert len(pages_with_hdr) >= 2, f"Table 1 must cross a page break with repeated header: {pages_with_hdr}"
    for a in exp["audits"]:
        text = norm(" ".join(p.extract_text() for p in PdfReader(os.path.join(out, a["file"])).pages))
        for x in a["infractions"]:
            w = set(re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", x["text"].lower()))
            got = set(re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", text.lower()))
            assert len(w & got) / len(w) > 0.95, (a["file"], x["text"])
    n = sum(len(a["infractions"]) for a in exp["audits"])
    from collections import Counter

    print("labelled:", n, dict(Counter(x["verdict"] for a in exp["audits"] for x in a["infractions"])))


if __name__ == "__main__":
    exp = build(HERE)
    if "--check" in sys.argv:
        import tempfile

        d1 = digest(HERE)
        tmp = tempfile.mkdtemp()
        build(tmp)
        d2 = digest(tmp)
        print("deterministic:", d1 == d2)
        check(HERE, exp)
