#!/usr/bin/env python3
"""Deterministic generator for the realtext-rus evaluation corpus.

usage: make_corpus.py [--check]

Writes specs/*.pdf, audits/*.pdf and expected.json next to this file.
Spec wording is condensed and restated (not an official copy); identifiers,
paragraph labels, tables and values follow the public sources listed in README.md
(see README for what could and could not be read at source).
People, companies, PM and notification numbers in the audits are fictional.
--check rebuilds into a temp dir, compares bytes, and verifies every labelled
infraction text is present in its audit's extracted text (pypdf).
"""

import datetime
import hashlib
import json
import os
import re
import sys
import tempfile

from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2025, 11, 3, 8, 0, 0, tzinfo=datetime.UTC)


# ----------------------------------------------------------------------------- PDF helpers
class Doc(FPDF):
    def __init__(self, header_text, footer_text):
        super().__init__(orientation="P", unit="mm", format="Letter")
        self.header_text = header_text
        self.footer_text = footer_text
        self.set_creation_date(FIXED)
        self.set_auto_page_break(True, margin=18)
        self.set_margins(16, 16, 16)
        self.alias_nb_pages()

    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, self.header_text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, f"{self.footer_text}   Page {self.page_no()} of {{nb}}", align="C")

    # text helpers
    def hd(self, text, size=11):
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def tx(self, text, size=9.5, style="", indent=0):
        self.set_font("Helvetica", style, size)
        if indent:
            self.set_x(self.l_margin + indent)
        self.multi_cell(0, size * 0.48, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.2)

    def kv(self, pairs, size=9.5):
        for k, v in pairs:
            self.set_font("Helvetica", "B", size)
            self.cell(48, 5.2, k)
            self.set_font("Helvetica", "", size)
            self.multi_cell(0, 5.2, v, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def grid(self, widths, header, rows, size=8.5, aligns=None):
        self.set_font("Helvetica", "", size)
        with self.table(
            col_widths=widths,
            text_align=aligns or "LEFT",
            line_height=size * 0.5,
            repeat_headings=1,
            first_row_as_headings=True,
        ) as t:
            r = t.row()
            for c in header:
                r.cell(c)
            for row in rows:
                r = t.row()
                for c in row:
                    r.cell(c)
        self.ln(2)


def save(pdf, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pdf.output(path)


# ----------------------------------------------------------------------------- specs
def spec_title_block(pdf, lines, doc_id, title, revision, effective, numbering):
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    for ln_ in lines:
        pdf.multi_cell(0, 7, ln_, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.kv(
        [
            ("Document:", doc_id),
            ("Title:", title),
            ("Revision:", revision),
            ("Effective date:", effective),
            ("Library copy:", "Condensed restatement, not an official copy"),
        ]
    )
    pdf.tx(
        "This library copy restates selected requirements in condensed wording. " + numbering + " Where this "
        "copy and the official text differ, the official text governs. Text in square brackets is the library's "
        "own.",
        size=8.5,
        style="I",
    )


def spec_rus(path):
    pdf = Doc(
        "RUS Bulletin 1728F-804 - Specifications and Drawings for 12.47/7.2 kV Line Construction (library excerpt)",
        "1728F-804   October 2005   Library excerpt - wording condensed",
    )
    spec_title_block(
        pdf,
        [
            "UNITED STATES DEPARTMENT OF AGRICULTURE",
            "Rural Utilities Service",
            "RUS Bulletin 1728F-804",
            "Specifications and Drawings for 12.47/7.2 kV Line Construction",
        ],
        "1728F-804",
        "Specifications and Drawings for 12.47/7.2 kV Line Construction",
        "October 2005 (supersedes RUS Bulletin 50-3 (D-804), May 9, 1983)",
        "October 2005",
        "The bulletin identifier, dates and front matter follow the bulletin; the clause and table numbers "
        "(1.1 to 4.3, Table 2-1) are the library's own arrangement of its construction specifications.",
    )
    pdf.kv(
        [
            ("Incorporated by reference:", "7 CFR Part 1728"),
            ("To:", "All RUS electric borrowers; RUS Electric Staff"),
            ("Office of primary interest:", "Distribution Branch, Electric Staff Division"),
        ]
    )
    pdf.hd("PURPOSE")
    pdf.tx(
        "The bulletin sets out RUS requirements, specifications and standards for building 12.47/7.2 kV overhead "
        "distribution lines, their associated equipment and the construction assembly units that RUS electric "
        "borrowers install. It replaces Bulletin 50-3, whose content was renumbered, renamed and updated."
    )
    pdf.hd("1  GENERAL")
    pdf.tx(
        "1.1  Workmanship. All construction shall be done in a thorough, workmanlike manner and shall agree with the "
        "staking sheets, the plans and specifications and the construction drawings of this bulletin."
    )
    pdf.tx(
        "1.2  Discontinued assemblies. Eighty-two assemblies and 24 guide drawings of Bulletin 50-3 are discontinued. "
        "Borrowers shall not use discontinued assemblies or guide drawings for new construction. Re-used assemblies "
        "carry new designations in the RUS standard numbering format (Exhibit 5), with the old Bulletin 50-3 number "
        "shown in parentheses; the new assembly and guide drawing numbers must be used."
    )
    pdf.tx(
        "1.3  Codes. Construction shall also meet the National Electrical Safety Code edition referenced by RUS and "
        "any more stringent state or local requirement. [Clearance tables of the NESC are not reproduced in this "
        "library.]"
    )
    pdf.hd("2  POLES")
    pdf.tx(
        "2.1  Setting depth. Poles shall be set to not less than the depths of Table 2-1. The 'all rock' depth applies "
        "only where the hole is in solid rock; in soil, or in soil over rock, the soil depth applies. On sloping "
        "ground the depth is measured from the low side of the hole."
    )
    pdf.tx("Table 2-1  Minimum pole setting depths", style="B")
    pdf.grid(
        (40, 45, 45),
        ("Length of pole (ft)", "Setting in soil (ft)", "Setting in all rock (ft)"),
        [
            ("20", "4.0", "3.0"),
            ("25", "5.0", "3.5"),
            ("30", "5.5", "3.5"),
            ("35", "6.0", "4.0"),
            ("40", "6.0", "4.0"),
            ("45", "6.5", "4.5"),
            ("50", "7.0", "4.5"),
            ("55", "7.5", "5.0"),
            ("60", "8.0", "5.0"),
        ],
        aligns=("CENTER", "CENTER", "CENTER"),
    )
    pdf.tx(
        "Note: deeper settings may be required by the engineer in swampy or unstable soil.",
        size=8.5,
        style="I",
    )
    pdf.tx(
        "2.2  Plumb and rake. Tangent poles shall be set plumb and in line. At angles, dead ends and other points of "
        "strain, poles shall be raked against the conductor strain by not less than 1 inch nor more than 2 inches "
        "for each 10 feet of pole length, measured after the conductors are pulled to their required tension."
    )
    pdf.tx(
        "2.3  Backfill. Pole backfill shall be tamped thoroughly over the full depth of the hole, and the surplus "
        "earth shall be banked around the pole."
    )
    pdf.hd("3  GUYS AND ANCHORS")
    pdf.tx(
        "3.1  Anchor rods. Anchors and rods shall be in line with the strain. About 6 inches of the rod shall remain "
        "above the ground. In cultivated fields, or at other locations where judged necessary, the rod projection "
        "may be increased to not more than 12 inches so that the rod eye is not buried."
    )
    pdf.tx(
        "3.2  Anchor backfill. After the anchor is set, the backfill shall be tamped thoroughly over its full depth."
    )
    pdf.tx(
        "3.3  Sequence. Guys shall be in place before the conductors are strung, so that poles are not pulled out of "
        "position by conductor tension."
    )
    pdf.tx(
        "3.4  Guy markers. A guy marker shall be installed on each anchor guy exposed to pedestrian or vehicular "
        "traffic. Elsewhere a marker may be omitted unless it is shown on the staking sheet."
    )
    pdf.hd("4  GROUNDING")
    pdf.tx(
        "4.1  Ground rods. Ground rods shall be driven their full length into undisturbed earth; the top of the "
        "rod shall be not less than 12 inches below finished grade."
    )
    pdf.tx(
        "4.2  Pole grounds. A pole ground shall be installed at every equipment pole (transformer, surge arrester, "
        "recloser, sectionalizer, regulator or capacitor). The multigrounded neutral shall be grounded at not fewer "
        "than 4 locations in each mile of line, not counting grounds at individual services."
    )
    pdf.tx(
        "4.3  Resistance. The resistance to ground of a single made electrode should not exceed 25 ohms; where it "
        "does, additional rods should be driven or the engineer consulted. [Recommendation: no mandatory limit is "
        "stated in this excerpt.]"
    )
    pdf.tx("End of excerpt.", style="I")
    save(pdf, path)


OSHA_R5 = [
    ("900", "3,000", "1.00"),
    ("1,200", "4,000", "1.02"),
    ("1,500", "5,000", "1.05"),
    ("1,800", "6,000", "1.08"),
    ("2,100", "7,000", "1.11"),
    ("2,400", "8,000", "1.14"),
    ("2,700", "9,000", "1.17"),
    ("3,000", "10,000", "1.20"),
    ("3,600", "12,000", "1.25"),
    ("4,200", "14,000", "1.30"),
    ("4,800", "16,000", "1.35"),
    ("5,400", "18,000", "1.39"),
    ("6,000", "20,000", "1.44"),
]
OSHA_R6 = [
    ("0.050 to 0.300", "Avoid contact", "Avoid contact"),
    ("0.301 to 0.750", "0.33 m (1 ft 1 in)", "0.33 m (1 ft 1 in)"),
    ("0.751 to 5.0", "0.63 m (2 ft 1 in)", "0.63 m (2 ft 1 in)"),
    ("5.1 to 15.0", "0.65 m (2 ft 2 in)", "0.68 m (2 ft 3 in)"),
    ("15.1 to 36.0", "0.77 m (2 ft 7 in)", "0.89 m (2 ft 11 in)"),
    ("36.1 to 46.0", "0.84 m (2 ft 9 in)", "0.99 m (3 ft 3 in)"),
    ("46.1 to 72.5", "1.00 m (3 ft 3 in)", "1.20 m (3 ft 11 in)"),
]


def spec_osha(path):
    pdf = Doc(
        "29 CFR 1910.269 - Electric power generation, transmission, and distribution (library excerpt)",
        "1910.269   Library revision 1 (text as amended 79 FR 20316, 2014)   Wording condensed",
    )
    spec_title_block(
        pdf,
        [
            "Occupational Safety and Health Administration, Department of Labor",
            "29 CFR 1910.269",
            "Electric power generation, transmission, and distribution",
        ],
        "1910.269",
        "Electric power generation, transmission, and distribution - paragraphs (l), (n), (p) "
        "and Tables R-5, R-6 (excerpt)",
        "Library revision 1 - final rule of April 11, 2014 (79 FR 20316), as corrected September 24, 2014",
        "2014-07-10",
        "Paragraph labels, table numbers, values, exceptions and footnotes follow the regulation.",
    )

    def para(label, text, indent=0):
        pdf.set_font("Helvetica", "B", 9)
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(0, 4.6, label, new_x="LMARGIN", new_y="NEXT")
        if text:
            pdf.tx(text, indent=indent)

    pdf.hd("1910.269(l)  Working on or near exposed energized parts.")
    para("1910.269(l)(1)", "General.")
    para(
        "1910.269(l)(1)(i)",
        "Only qualified employees may work on or with exposed energized lines or parts of equipment.",
        4,
    )
    para(
        "1910.269(l)(1)(ii)",
        "Only qualified employees may work in areas holding unguarded, uninsulated energized lines "
        "or equipment parts operating at 50 volts or more.",
        4,
    )
    para("1910.269(l)(2)", "Number of employees.")
    para(
        "1910.269(l)(2)(i)",
        "The employer shall ensure that at least two employees are present while any employee does "
        "any of the following: (A) installing, removing or repairing lines energized at more than 600 volts; (B) "
        "installing, removing or repairing deenergized lines where an employee is exposed to contact with other parts "
        "energized at more than 600 volts; (C) installing, removing or repairing equipment such as transformers, "
        "capacitors and regulators energized at more than 600 volts; (D) working with mechanical equipment, other than "
        "insulated aerial lifts, near parts energized at more than 600 volts; and (E) other work exposing an employee "
        "to electrical hazards at least as great as those of (A) through (D).",
        4,
    )
    para(
        "1910.269(l)(2)(ii)",
        "Paragraph (l)(2)(i) does not apply to: (A) routine circuit switching, where the employer "
        "can show that conditions at the site allow the work to be done safely; (B) work with live-line tools where "
        "the employee is positioned out of reach of, and not otherwise exposed to contact with, energized parts; and "
        "(C) emergency repairs, to the extent needed to safeguard the general public.",
        4,
    )
    para("1910.269(l)(3)", "Minimum approach distances.")
    para(
        "1910.269(l)(3)(i)",
        "The employer shall establish minimum approach distances no smaller than those computed by "
        "Table R-3 for ac systems (or Table R-8 for dc systems). Note: for voltages up to 72.5 kV the employer may use "
        "the distances of Table R-6 below.",
        4,
    )
    para(
        "1910.269(l)(3)(iii)",
        "The employer shall ensure that no employee approaches, or takes any conductive object, "
        "closer to exposed energized parts than the employer's established minimum approach distance, unless: (A) the "
        "employee is insulated from the energized part (rubber insulating gloves, or gloves and sleeves, insulate the "
        "employee only from the energized part being worked on); (B) the energized part is insulated, or guarded, from "
        "the employee and from any other conductive object at a different potential; or (C) the employee is "
        "insulated, isolated or guarded from any other exposed conductive object, as in live-line bare-hand work.",
        4,
    )
    para("1910.269(l)(4)", "Type of insulation.")
    para(
        "1910.269(l)(4)(i)",
        "Where an employee relies on rubber insulating gloves under (l)(3)(iii)(A), the employer "
        "shall ensure that rubber insulating sleeves are also worn. Sleeves are not needed if: (A) exposed energized "
        "parts on which the employee is not working are insulated from the employee; and (B) that insulation is "
        "installed from a position that does not expose the employee's upper arm to contact with other energized parts.",
        4,
    )
    para(
        "1910.269(l)(4)(ii)",
        "Gloves, or gloves and sleeves, shall be put on and taken off only from a position where "
        "the employee cannot reach into the minimum approach distance.",
        4,
    )
    para("1910.269(l)(8)", "Protection from flames and electric arcs.")
    para(
        "1910.269(l)(8)(v)",
        "Each employee exposed to electric-arc hazards shall wear protective clothing and equipment "
        "with an arc rating at least equal to the estimated heat energy whenever that estimate exceeds 2.0 cal/cm2. "
        "The protection shall cover the entire body, except as follows:",
        4,
    )
    para(
        "1910.269(l)(8)(v)(A)",
        "Hands need no arc-rated protection when the employee wears rubber insulating gloves "
        "with protectors or, where the estimate is not more than 14 cal/cm2, heavy-duty leather work gloves weighing at "
        "least 407 g/m2 (12 oz/yd2).",
        8,
    )
    para(
        "1910.269(l)(8)(v)(B)",
        "Feet need no arc-rated protection when heavy-duty work shoes or boots are worn.",
        8,
    )
    para(
        "1910.269(l)(8)(v)(C)",
        "The head needs no arc-rated protection when head protection meeting 1910.135 is worn "
        "and the estimated incident energy is less than 9 cal/cm2 for single-phase arcs in open air, or less than "
        "5 cal/cm2 for other exposures.",
        8,
    )
    para(
        "1910.269(l)(8)(v)(D)",
        "Head protection meeting 1910.135 plus a faceshield rated at least 8 cal/cm2 suffices "
        "where the estimate is less than 13 cal/cm2 (single-phase, open air) or 9 cal/cm2 (other exposures).",
        8,
    )
    para(
        "1910.269(l)(8)(v)(E)",
        "For single-phase arcs in open air, the arc rating of head and face protection may be "
        "4 cal/cm2 below the estimated incident energy.",
        8,
    )

    # Tables; R-6 crosses a page break with its header repeated
    pdf.hd("Table R-5 - Altitude correction factor")
    pdf.grid(
        (45, 45, 50),
        ("Altitude above sea level (m)", "Altitude above sea level (ft)", "Correction factor"),
        OSHA_R5,
        aligns=("CENTER", "CENTER", "CENTER"),
    )
    pdf.tx(
        "Note: for an altitude between two rows, use the factor for the next higher altitude.",
        size=8.5,
        style="I",
    )
    hdr = ("Nominal voltage (kV), phase to phase", "Phase-to-ground exposure", "Phase-to-phase exposure")
    if pdf.h - pdf.b_margin - pdf.get_y() < 55:
        pdf.add_page()
    pdf.hd("Table R-6 - AC live-line work minimum approach distance")
    pdf.grid((55, 60, 60), hdr, OSHA_R6[:4], aligns=("CENTER", "CENTER", "CENTER"))
    pdf.add_page()
    pdf.tx("Table R-6 - AC live-line work minimum approach distance (continued)", style="B")
    pdf.grid((55, 60, 60), hdr, OSHA_R6[4:], aligns=("CENTER", "CENTER", "CENTER"))
    pdf.tx(
        "Footnote 1 to Table R-6: the distances may be used where the worksite is at 900 m (3,000 ft) or less above "
        "sea level. Above that, the employer shall multiply them by the Table R-5 correction factor for the altitude "
        "of the work.",
        size=8.5,
    )
    pdf.tx("Footnote 2 to Table R-6: for single-phase systems, use the voltage to ground.", size=8.5)

    pdf.hd("1910.269(n)  Grounding for the protection of employees.")
    para("1910.269(n)(4)", "Protective grounding equipment.")
    para(
        "1910.269(n)(4)(i)",
        "Protective grounding equipment shall be able to conduct the maximum fault current that "
        "could flow at the point of grounding for the time needed to clear the fault.",
        4,
    )
    para(
        "1910.269(n)(4)(ii)",
        "Protective grounding equipment shall have an ampacity not less than that of No. 2 AWG copper.",
        4,
    )
    para(
        "1910.269(n)(5)",
        "Testing. Unless a previously installed ground is present, employees shall test lines and "
        "equipment and verify the absence of nominal voltage before installing any ground on them.",
    )
    para("1910.269(n)(6)", "Connecting and removing grounds.")
    para(
        "1910.269(n)(6)(i)",
        "When attaching a ground, the employee shall attach the ground-end connection first and "
        "then the other end by means of a live-line tool. For lines or equipment at 600 volts or less, insulating "
        "equipment other than a live-line tool may be used if the employer ensures the line or equipment is not "
        "energized when the ground is connected, or can show each employee is protected if it becomes energized.",
        4,
    )
    para(
        "1910.269(n)(6)(ii)",
        "When removing a ground, the grounding device shall be removed from the line or equipment "
        "with a live-line tool before the ground-end connection is removed (same 600-volt provision).",
        4,
    )

    pdf.hd("1910.269(p)  Mechanical equipment.")
    para("1910.269(p)(1)", "General requirements.")
    para(
        "1910.269(p)(1)(i)",
        "The critical safety components of mechanical elevating and rotating equipment shall "
        "receive a thorough visual inspection before use on each shift.",
        4,
    )
    para(
        "1910.269(p)(1)(ii)",
        "Vehicular equipment with an obstructed rear view may not be operated on off-highway job "
        "sites where employees are exposed unless it has a reverse signal alarm audible above the surrounding noise, "
        "or it is backed only when a designated employee signals that it is safe.",
        4,
    )
    para(
        "1910.269(p)(1)(iii)",
        "The operator of an electric line truck may not leave the controls while a load is "
        "suspended, unless the employer can show that no employee, the operator included, is endangered.",
        4,
    )
    para("1910.269(p)(2)", "Outriggers.")
    para(
        "1910.269(p)(2)(i)",
        "Mobile equipment provided with outriggers shall be operated with the outriggers extended "
        "and firmly set, except as allowed by (p)(2)(iii).",
        4,
    )
    para(
        "1910.269(p)(2)(ii)",
        "Outriggers may not be extended or retracted outside the operator's clear view unless all "
        "employees are outside the range of possible equipment motion.",
        4,
    )
    para(
        "1910.269(p)(2)(iii)",
        "Where the work area or terrain precludes outriggers, the equipment may be operated only "
        "within the maximum load ratings the manufacturer specifies for that configuration without outriggers.",
        4,
    )
    para(
        "1910.269(p)(3)",
        "Applied loads. Mechanical equipment used to lift or move lines or other material shall be "
        "used within its maximum load rating and other design limits for the conditions of use.",
    )
    para("1910.269(p)(4)", "Operations near energized lines or equipment.")
    para(
        "1910.269(p)(4)(i)",
        "Mechanical equipment shall be operated so that the minimum approach distances are kept "
        "from exposed energized lines and equipment. The insulated portion of an aerial lift operated by a qualified "
        "employee in the lift is exempt, provided the applicable distance is kept between the uninsulated portions of "
        "the lift and exposed objects at a different potential.",
        4,
    )
    para(
        "1910.269(p)(4)(ii)",
        "A designated employee other than the operator shall watch the approach distance and "
        "warn in time before the minimum approach distance is reached, unless the employer can show that the operator "
        "can accurately judge that the distance is being maintained.",
        4,
    )
    pdf.tx(
        "End of excerpt. [Tables R-3, R-7 to R-9, Appendix B and 1910.137 (electrical protective equipment) are not "
        "held in this library.]",
        style="I",
    )
    save(pdf, path)


def spec_greenbook(path):
    pdf = Doc(
        "PG&E Electric and Gas Service Requirements (Greenbook) TD-7001M - metering excerpt",
        "TD-7001M   2020-2021 edition   Library excerpt - wording condensed",
    )
    spec_title_block(
        pdf,
        [
            "Pacific Gas and Electric Company (PG&E)",
            "Electric and Gas Service Requirements",
            "(Greenbook) TD-7001M",
        ],
        "TD-7001M",
        "Electric and Gas Service Requirements (Greenbook) - Sections 2.4.2 and 5 (excerpt)",
        "2020-2021 Edition (supersedes all previous editions and revisions)",
        "2020-01-01",
        "Numbers 2.4.2, 2.4.2.E and Figure 2-20 are the manual's; the numbers 5.4 and 5.4.1 to 5.4.3 are "
        "assigned by the library to the metering requirements restated under them.",
    )
    pdf.tx(
        "The Greenbook guides applicants on PG&E requirements and policies for gas and electric service to new or "
        "remodeled installations. Local or state officials may add provisions within their jurisdiction. Applicant "
        "service and meter arrangements are subject to PG&E review and approval; applicants should contact their "
        "local PG&E representative as early in planning as possible."
    )
    pdf.hd("Section 2  Gas Service (excerpt)")
    pdf.tx("2.4.2  Gas Meter-Set Locations.", style="B")
    pdf.tx(
        "2.4.2.E  Minimum separation between gas and electric meters (Figure 2-20). A gas meter set shall be at least "
        "36 inches, measured horizontally, from an electric meter, service panel or other source of ignition. [Figure "
        "2-20 not reproduced.]"
    )
    pdf.hd("Section 5  Electric Metering: General (excerpt)")
    pdf.tx("5.4  Meter Locations.", style="B")
    pdf.tx(
        "5.4.1  Meter heights. The center of a meter shall be not less than 48 inches nor more than 75 inches above "
        "the finished grade or standing surface. Exception: for meters installed inside a meter room or a "
        "lockable meter enclosure, the minimum height may be 36 inches."
    )
    pdf.tx(
        "5.4.2  Working space. A clear, level working space shall be kept in front of every meter: at least 36 inches "
        "deep measured from the meter face, at least 30 inches wide (or the width of the meter panel, if greater) and "
        "78 inches high. Doors, gates, shrubs and stored material shall not intrude into this space."
    )
    pdf.tx(
        "5.4.3  Access. Meters shall be readily accessible to PG&E at all times. Meters should be located on the "
        "street side of the building, near the front corner, where possible."
    )
    pdf.tx(
        "End of excerpt. [Underground trench requirements (Section 3), overhead clearances (Section 4) and Table 1-1 "
        "are not held in this library.]",
        style="I",
    )
    save(pdf, path)


SPECS = [
    (
        "specs/RUS-1728F-804.pdf",
        "1728F-804",
        "Specifications and Drawings for 12.47/7.2 kV Line Construction (library excerpt)",
        "October 2005",
        spec_rus,
    ),
    (
        "specs/CFR-1910.269.pdf",
        "1910.269",
        "Electric power generation, transmission, and distribution - paragraphs (l), (n), (p), Tables R-5 and R-6 (excerpt)",
        "2014 final rule, library revision 1",
        spec_osha,
    ),
    (
        "specs/TD-7001M.pdf",
        "TD-7001M",
        "Electric and Gas Service Requirements (Greenbook), Sections 2.4.2 and 5 (excerpt)",
        "2020-2021 Edition",
        spec_greenbook,
    ),
]


# ----------------------------------------------------------------------------- audits
def I(text, verdict, document, section, why):
    return dict(text=text, verdict=verdict, document=document, section=section, why=why)


R, O, G = "1728F-804", "1910.269", "TD-7001M"

AUDITS = [
    dict(
        file="audits/RUS1-goback-narrative.pdf",
        layout="narrative",
        metadata=dict(
            pm_number="41827735",
            notification_number="230118452",
            location="County Road 12, poles 14-22, Harlan Twp",
            contractor="Prairie Ridge Line Builders, LLC",
            foreman="Wade Kessler",
            auditor="Monica Duval",
            audit_date="2025-08-19",
            score="81.82% (108/132)",
        ),
        date_printed="2025-08-19",
        title="QA FIELD AUDIT - 12.47/7.2 kV OVERHEAD LINE EXTENSION",
        intro="Single-phase 12.47/7.2 kV tap, 1.4 miles, poles 14 through 22, built to RUS Bulletin 1728F-804 "
        "assemblies. Poles and anchors checked against the staking sheets; setting depths probed at the pole.",
        infractions=[
            I(
                "Pole #14 (40 ft, class 4) set 5 ft 2 in deep in loam soil, per RUS 1728F-804 Table 2-1.",
                "VALID",
                R,
                "2.1",
                "Table 2-1 requires 6.0 ft in soil for a 40 ft pole; 5 ft 2 in is short.",
            ),
            I(
                "Pole #17 (45 ft) set 4 ft 8 in deep in a hole drilled in solid rock; auditor applied the 6.5 ft soil depth.",
                "REPEALABLE",
                R,
                "2.1",
                "The all-rock depth for a 45 ft pole is 4.5 ft; 4 ft 8 in complies.",
            ),
            I(
                "Anchor rod at pole #15 in a cultivated soybean field projects 11 inches above grade; auditor requires 6 inches maximum.",
                "REPEALABLE",
                R,
                "3.1",
                "In cultivated fields the projection may be increased to not more than 12 in; 11 in complies.",
            ),
            I(
                "Dead-end pole #20 (35 ft) raked 9 inches against the conductor strain after the conductors were tensioned.",
                "VALID",
                R,
                "2.2",
                "Rake is limited to 2 in per 10 ft of pole length (7 in for 35 ft); 9 in exceeds it.",
            ),
            I(
                "Down guy at angle pole #18 was installed after the conductors were strung and sagged; pole pulled 5 inches out of position.",
                "VALID",
                R,
                "3.3",
                "Guys shall be in place before conductors are strung.",
            ),
            I(
                "Backfill at pole #21 not tamped; loose soil has settled 3 inches around the butt.",
                "VALID",
                R,
                "2.3",
                "Backfill shall be tamped thoroughly the full depth and banked around the pole.",
            ),
            I(
                "Primary riser at pole #22: underground cable buried 30 inches; RUS Bulletin 1728F-806 requires 36 inches of cover.",
                "NEEDS_REVIEW",
                None,
                None,
                "Underground cable cover is in RUS 1728F-806, which the library does not hold.",
            ),
        ],
    ),
    dict(
        file="audits/RUS2-findings-table.pdf",
        layout="table",
        metadata=dict(
            pm_number="41833019",
            notification_number="230121907",
            location="Mill Creek Rd, poles 33-62",
            contractor="Blue Stem Electric Contractors",
            foreman="Luis Arredondo",
            auditor="Karen Sobieski",
            audit_date="2025-09-04",
            score="64.29% (90/140)",
        ),
        date_printed="09/04/2025",
        title="QA AUDIT FINDINGS - GROUNDING AND EQUIPMENT POLES",
        intro="Three-phase 12.47/7.2 kV rebuild. Ground resistance measured by fall-of-potential on each made electrode.",
        infractions=[
            I(
                "Single ground rod at transformer pole #36 measured 38 ohms to ground; auditor requires go-back for exceeding 25 ohms.",
                "REPEALABLE",
                R,
                "4.3",
                "4.3 says resistance 'should' not exceed 25 ohms: a recommendation, not a mandatory limit.",
            ),
            I(
                "Transformer pole #33 with a surge arrester has no pole ground installed.",
                "VALID",
                R,
                "4.2",
                "A pole ground shall be installed at every equipment pole.",
            ),
            I(
                "Line section poles 40-62 (1.0 mile) has only 3 pole grounds, not counting service grounds.",
                "VALID",
                R,
                "4.2",
                "The neutral shall be grounded at not fewer than 4 locations in each mile.",
            ),
            I(
                "Top of ground rod at pole #44 found 14 inches below grade; auditor states the rod top must be flush with grade, per 1728F-804 Section 2.3.",
                "REPEALABLE",
                R,
                "4.1",
                "4.1 requires the rod top to be not less than 12 in below grade; 14 in complies (and 2.3 is the pole backfill clause).",
            ),
            I(
                "Ground rod at pole #51 driven only 6 ft; remaining 2 ft cut off at rock.",
                "VALID",
                R,
                "4.1",
                "Ground rods shall be driven their full length.",
            ),
            I(
                "Crossarm assembly at pole #47 framed to a discontinued Bulletin 50-3 assembly drawing for new construction.",
                "VALID",
                R,
                "1.2",
                "Discontinued assemblies shall not be used for new construction.",
            ),
        ],
    ),
    dict(
        file="audits/OSHA1-safety-checklist.pdf",
        layout="checklist",
        metadata=dict(
            pm_number="41840266",
            notification_number="230125534",
            location="Feeder 1204, Lakeview Dr at Hwy 9",
            contractor="Northline Power Services, Inc.",
            foreman="Dean Halvorsen",
            auditor="Priya Ramaswamy",
            audit_date="2025-09-16",
            score="72.00% (108/150)",
        ),
        date_printed="2025-09-16",
        title="FIELD SAFETY OBSERVATION CHECKLIST - ENERGIZED WORK (29 CFR 1910.269)",
        intro="Observed: rubber-glove work on 12.47/7.2 kV feeder 1204 from an insulated aerial lift; cutout replacement; "
        "switching. Incident energy estimates from the crew's job briefing sheet.",
        checklist=[
            (
                "Job briefing held and documented before work?",
                "Yes",
                "Briefing sheet signed by all crew members.",
            ),
            ("At least two employees present for energized work over 600 V?", "No", 0),
            ("Switching performed per switching order?", "No", 1),
            ("Rubber insulating sleeves worn with rubber gloves?", "No", 2),
            ("Rubber insulating sleeves worn with rubber gloves (second bucket)?", "No", 3),
            ("Minimum approach distance maintained by uninsulated employees?", "No", 4),
            ("Minimum approach distance maintained (groundman with hot stick)?", "No", 5),
            ("Arc-rated clothing and head/face protection adequate for estimate?", "No", 6),
            ("Traffic control set up per permit?", "Yes", "Cones and flagger in place."),
            ("Live-line tools wiped and inspected?", "N/A", "No live-line tools used on this task."),
        ],
        infractions=[
            I(
                "Single lineworker installed a jumper on the energized 12.47 kV phase with no second employee on site; groundman had left for material.",
                "VALID",
                O,
                "1910.269(l)(2)(i)",
                "At least two employees must be present while lines energized above 600 V are worked on.",
            ),
            I(
                "One operator opened the gang-operated air-break switch alone from the ground per the switching order, site clear and dry; auditor requires a second employee.",
                "REPEALABLE",
                O,
                "1910.269(l)(2)(ii)",
                "Exception (A): routine circuit switching where site conditions allow it to be done safely.",
            ),
            I(
                "Lineman working the 7.2 kV phase in rubber gloves without rubber sleeves; adjacent phases and the neutral were not covered.",
                "VALID",
                O,
                "1910.269(l)(4)(i)",
                "Sleeves are required with gloves unless the other exposed energized parts are insulated from the employee.",
            ),
            I(
                "Lineman in second bucket worked in rubber gloves without sleeves; all adjacent energized parts were covered with line hose and blankets installed from below, upper arm not exposed.",
                "REPEALABLE",
                O,
                "1910.269(l)(4)(i)",
                "Both conditions (A) and (B) of the sleeve exception are met.",
            ),
            I(
                "Apprentice's bare hand came within 1 ft 10 in of the energized 7.2 kV phase conductor (phase-to-ground exposure) without rubber gloves.",
                "VALID",
                O,
                "1910.269(l)(3)(iii)",
                "Table R-6 gives 2 ft 2 in for 5.1-15.0 kV phase-to-ground; 1 ft 10 in is inside it with no insulation.",
            ),
            I(
                "Groundman with hot stick kept 2 ft 4 in from the energized 12.47 kV phase (phase-to-ground); auditor applied 2 ft 7 in.",
                "REPEALABLE",
                O,
                "1910.269(l)(3)(iii)",
                "2 ft 7 in is the 15.1-36.0 kV value; 12.47 kV needs 2 ft 2 in, so 2 ft 4 in complies.",
            ),
            I(
                "Lineman wore a class E hard hat without arc-rated hood or faceshield; estimated incident energy 6 cal/cm2, single-phase open-air exposure; auditor requires arc-rated head protection.",
                "REPEALABLE",
                O,
                "1910.269(l)(8)(v)(C)",
                "Head protection meeting 1910.135 suffices below 9 cal/cm2 for single-phase open-air arcs.",
            ),
        ],
    ),
    dict(
        file="audits/OSHA2-nonconforming-items.pdf",
        layout="nci",
        metadata=dict(
            pm_number="41846650",
            notification_number="230129018",
            location="Summit Pass Rd, 7,200 ft elevation",
            contractor="High Country Utility Constructors",
            foreman="Rusty Oyelaran",
            auditor="Janet Whitlock",
            audit_date="2025-10-01",
            score="58.33% (70/120)",
        ),
        date_printed="October 1, 2025",
        title="CONTRACTOR QA AUDIT - DEENERGIZED WORK AND PROTECTIVE GROUNDING",
        intro="Reconductor of a 12.47/7.2 kV line section at about 7,200 ft (2,195 m) above sea level. Portions of the work "
        "were done next to an energized parallel circuit.",
        infractions=[
            I(
                "Temporary protective grounds installed on the deenergized 12.47 kV section without first testing for absence of voltage; no previously installed ground present.",
                "VALID",
                O,
                "1910.269(n)(5)",
                "Lines must be tested for absence of nominal voltage before grounds are installed.",
            ),
            I(
                "Grounding set at structure 7 attached line end first, then the ground-end clamp.",
                "VALID",
                O,
                "1910.269(n)(6)(i)",
                "The ground-end connection must be attached first.",
            ),
            I(
                "Crew grounded the 120/240 V secondary using rubber gloves rather than a live-line tool; the secondary was tested and confirmed not energized immediately before.",
                "REPEALABLE",
                O,
                "1910.269(n)(6)(i)",
                "At 600 V or less other insulating equipment may be used if the line is not energized when grounded.",
            ),
            I(
                "Protective grounding jumpers on the cluster bar are No. 4 AWG copper.",
                "VALID",
                O,
                "1910.269(n)(4)(ii)",
                "Ampacity must be at least that of No. 2 AWG copper.",
            ),
            I(
                "At the 7,200 ft site a lineman kept 2 ft 3 in from the energized parallel 12.47 kV phase (phase-to-ground exposure); auditor states the altitude-corrected distance was not met.",
                "VALID",
                O,
                "Table R-5",
                "Above 900 m the Table R-6 2 ft 2 in (0.65 m) is multiplied by 1.14 (8,000 ft row): 0.74 m, about 2 ft 5 in; 2 ft 3 in is short.",
            ),
            I(
                "Rubber insulating gloves in use were last electrically tested 8 months ago.",
                "NEEDS_REVIEW",
                None,
                None,
                "Glove test intervals are in 1910.137, which the library does not hold.",
            ),
        ],
    ),
    dict(
        file="audits/OSHA3-infraction-blocks.pdf",
        layout="blocks",
        metadata=dict(
            pm_number="41852274",
            notification_number="230133671",
            location="Levee Rd and River Bend Subdivision",
            contractor="Delta Reach Line Constructors",
            foreman="Marcus Tillery",
            auditor="Helen Fairbanks",
            audit_date="2025-10-14",
            score="66.67% (80/120)",
        ),
        date_printed="10/14/2025",
        title="QA FIELD AUDIT - MECHANICAL EQUIPMENT NEAR ENERGIZED LINES",
        intro="Pole replacements with a digger derrick under energized 12.47/7.2 kV conductors, and bucket work from an "
        "insulated aerial lift.",
        infractions=[
            I(
                "Digger derrick set a 45 ft pole on Levee Rd with outriggers retracted; truck on level pavement where outriggers could be set.",
                "VALID",
                O,
                "1910.269(p)(2)(i)",
                "Outriggers shall be extended and firmly set unless terrain precludes them.",
            ),
            I(
                "On the narrow levee crown outriggers could not be set; derrick lifted a 1,900 lb pole within the manufacturer's 2,600 lb no-outrigger rating for that boom configuration.",
                "REPEALABLE",
                O,
                "1910.269(p)(2)(iii)",
                "Where terrain precludes outriggers, operation within the no-outrigger load rating is allowed.",
            ),
            I(
                "Derrick operator left the controls while the pole was suspended from the winch line, with two crew members guiding the butt.",
                "VALID",
                O,
                "1910.269(p)(1)(iii)",
                "The operator may not leave the controls with a suspended load when employees are endangered.",
            ),
            I(
                "No designated observer while the derrick boom was operated near energized 12.47 kV conductors; operator's view of the boom tip blocked by the pole top.",
                "VALID",
                O,
                "1910.269(p)(4)(ii)",
                "A designated employee must watch the approach distance unless the operator can judge it accurately.",
            ),
            I(
                "Insulated boom section of the aerial lift within 1 ft of the energized 7.2 kV conductor; uninsulated portions kept 4 ft away; lift operated by the qualified lineman in the bucket.",
                "REPEALABLE",
                O,
                "1910.269(p)(4)(i)",
                "The insulated portion of an aerial lift operated by a qualified employee in the lift is exempt.",
            ),
            I(
                "Derrick used on the night shift without a visual inspection of critical safety components before use.",
                "VALID",
                O,
                "1910.269(p)(1)(i)",
                "A thorough visual inspection is required before use on each shift.",
            ),
            I(
                "Aerial lift dielectric test certificate per ANSI A92.2 expired.",
                "NEEDS_REVIEW",
                None,
                None,
                "ANSI A92.2 is not in the library; no held clause sets a test interval.",
            ),
        ],
    ),
    dict(
        file="audits/GB1-meter-deficiencies.pdf",
        layout="deficiency",
        metadata=dict(
            pm_number="41860913",
            notification_number="230137205",
            location="Orchard Vista Ct, Lodi",
            contractor="Valley Oak Service Electric",
            foreman="Teresa Nakamura",
            auditor="Gordon Pruitt",
            audit_date="2025-10-22",
            score="75.00% (90/120)",
        ),
        date_printed="October 22, 2025",
        title="SERVICE INSTALLATION QA AUDIT - METERING (GREENBOOK TD-7001M)",
        intro="New single-family services, 120/240 V, at 101 through 125 Orchard Vista Ct. Heights measured from finished "
        "grade to meter center.",
        infractions=[
            I(
                "Meter at 101 Orchard Vista Ct installed 80 inches above finished grade to the center of the meter, per Greenbook 5.4.1.",
                "VALID",
                G,
                "5.4.1",
                "Maximum height to meter center is 75 in.",
            ),
            I(
                "Meter at 105 Orchard Vista Ct on the garage wall measured 44 inches to meter center above the patio slab.",
                "VALID",
                G,
                "5.4.1",
                "Minimum height is 48 in; the 36 in exception is only for meter rooms or enclosures.",
            ),
            I(
                "Meter at 109 Orchard Vista Ct inside a lockable meter enclosure measured 40 inches to meter center; auditor applied the 48 inch minimum.",
                "REPEALABLE",
                G,
                "5.4.1",
                "Exception: 36 in minimum inside a meter room or lockable enclosure; 40 in complies.",
            ),
            I(
                "Side-yard gate at 113 Orchard Vista Ct leaves only 30 inches of clear working space in front of the meter face.",
                "VALID",
                G,
                "5.4.2",
                "At least 36 in of clear working space is required in front of the meter.",
            ),
            I(
                "Gas meter set at 117 Orchard Vista Ct is 24 inches horizontally from the electric meter panel.",
                "VALID",
                G,
                "2.4.2.E",
                "A gas meter set must be at least 36 in horizontally from the electric meter.",
            ),
            I(
                "Meter at 121 Orchard Vista Ct mounted on the rear wall of the house rather than the front corner; auditor orders relocation.",
                "REPEALABLE",
                G,
                "5.4.3",
                "Front-corner location is a 'should ... where possible' preference, not a requirement.",
            ),
            I(
                "Secondary service trench at 125 Orchard Vista Ct measured 18 inches of cover; Greenbook Section 3 requires 24 inches.",
                "NEEDS_REVIEW",
                None,
                None,
                "Trench depth requirements (Greenbook Section 3) are not held in the library.",
            ),
        ],
    ),
    dict(
        file="audits/RUS3-clean.pdf",
        layout="clean",
        metadata=dict(
            pm_number="41866480",
            notification_number="230140892",
            location="Township Line Rd, poles 70-84",
            contractor="Prairie Ridge Line Builders, LLC",
            foreman="Wade Kessler",
            auditor="Monica Duval",
            audit_date="2025-10-28",
            score="100.00% (132/132)",
        ),
        date_printed="10/28/2025",
        title="QA FIELD AUDIT - 12.47/7.2 kV LINE (FINAL INSPECTION)",
        intro="Final inspection of poles 70 through 84. Setting depths, rake, anchors, guy markers and pole grounds "
        "checked against RUS Bulletin 1728F-804.",
        infractions=[],
    ),
]


# ----------------------------------------------------------------------------- audit layouts
def audit_header(pdf, a, labels):
    md = a["metadata"]
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 6.5, "CONTRACTOR QUALITY ASSURANCE PROGRAM", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, a["title"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    vals = [
        md["pm_number"],
        md["notification_number"],
        md["location"],
        md["contractor"],
        md["foreman"],
        md["auditor"],
        a["date_printed"],
        md["score"],
    ]
    pdf.kv(list(zip(labels, vals, strict=False)))


def audit_footer(pdf, a, extra=""):
    md = a["metadata"]
    pdf.ln(2)
    if extra:
        pdf.tx(extra)
    pdf.tx(f"Auditor: {md['auditor']}    Date: {a['date_printed']}")
    pdf.tx(f"Foreman: {md['foreman']}")


STD_LABELS = [
    "PM Number:",
    "Notification:",
    "Location:",
    "Contractor:",
    "Foreman:",
    "Auditor:",
    "Audit Date:",
    "Score:",
]


def build_audit(a, path):
    pdf = Doc(
        "Electric Distribution - Contractor Quality Assurance",
        "Form QA-LC-07 (Rev 3)    Retain with job package",
    )
    lay = a["layout"]
    infs = a["infractions"]
    if lay == "narrative":
        audit_header(pdf, a, STD_LABELS)
        pdf.hd("Job description", 10)
        pdf.tx(a["intro"])
        pdf.hd("Findings", 10)
        for x in infs:
            pdf.tx("Go-back Infraction: " + x["text"])
            pdf.tx("Correction required; photo on file.", size=8.5, style="I", indent=6)
        audit_footer(pdf, a, f"Total go-backs: {len(infs)}. Items not listed were inspected and accepted.")
    elif lay == "table":
        audit_header(
            pdf,
            a,
            [
                "Order No. (PM):",
                "Notification No.:",
                "Work Location:",
                "Contractor:",
                "General Foreman:",
                "QA Inspector:",
                "Inspection Date:",
                "Score:",
            ],
        )
        pdf.tx(a["intro"])
        rows = [(str(i + 1), f"P-{i + 1:02d}", x["text"], "Go-back") for i, x in enumerate(infs)]
        rows.insert(
            2, ("-", "P-obs", "Guy markers installed on all anchor guys along Mill Creek Rd.", "Accepted")
        )
        pdf.grid((10, 16, 128, 24), ("#", "Ref", "Finding", "Status"), rows)
        audit_footer(pdf, a, "Only rows with status 'Go-back' require correction.")
    elif lay == "checklist":
        audit_header(
            pdf,
            a,
            [
                "Order No. (PM):",
                "Notification No.:",
                "Work Location:",
                "Contractor:",
                "General Foreman:",
                "Safety Observer:",
                "Observation Date:",
                "Score:",
            ],
        )
        pdf.tx(a["intro"])
        pdf.tx(
            "(Mark 'No' where the practice observed does not conform and describe it in Comments.)",
            size=8.5,
            style="I",
        )
        rows = []
        for n, (item, ans, c) in enumerate(a["checklist"], 1):
            comment = infs[c]["text"] if isinstance(c, int) else c
            rows.append((str(n), item, ans, comment))
        pdf.grid((8, 52, 18, 100), ("No.", "Inspection item", "Yes / No / N/A", "Comments"), rows)
        pdf.tx(f"Total Number of Non-Conforming Items: {len(infs)}")
        audit_footer(pdf, a)
    elif lay == "nci":
        audit_header(
            pdf,
            a,
            [
                "PM #:",
                "Notification #:",
                "Job Site:",
                "Contractor:",
                "Crew Foreman:",
                "Auditor:",
                "Date of Audit:",
                "Audit Score:",
            ],
        )
        pdf.tx(a["intro"])
        pdf.hd("Non-Conforming Items", 10)
        for i, x in enumerate(infs, 1):
            pdf.tx(f"{i}. {x['text']}")
        pdf.hd("Conforming observations", 10)
        pdf.tx(
            "Job briefing held; cluster bar placed below the work position; equipotential zone established at the "
            "structures checked."
        )
        audit_footer(pdf, a)
    elif lay == "blocks":
        audit_header(pdf, a, STD_LABELS)
        pdf.hd("Job description", 10)
        pdf.tx(a["intro"])
        for i, x in enumerate(infs, 1):
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(0, 5.5, f"INFRACTION #{i}", new_x="LMARGIN", new_y="NEXT")
            pdf.tx("Issue: " + x["text"])
            pdf.tx("Status: GO-BACK - open", size=8.5)
        audit_footer(pdf, a, f"Audit summary: {len(infs)} go-back items.")
    elif lay == "deficiency":
        audit_header(pdf, a, STD_LABELS)
        pdf.tx(a["intro"])
        half = 4
        for x in infs[:half]:
            pdf.tx("Deficiency: " + x["text"])
        pdf.add_page()
        pdf.tx("(continued)", size=8.5, style="I")
        for x in infs[half:]:
            pdf.tx("Deficiency: " + x["text"])
        audit_footer(pdf, a, "Contractor to correct each deficiency and request re-inspection.")
    elif lay == "clean":
        audit_header(
            pdf,
            a,
            [
                "PM Number:",
                "Notification:",
                "Location:",
                "Contractor:",
                "Foreman:",
                "Inspector:",
                "Date:",
                "Score:",
            ],
        )
        pdf.tx(a["intro"])
        pdf.grid(
            (70, 30, 80),
            ("Item", "Result", "Remarks"),
            [
                ("Pole setting depth (Table 2-1)", "Conforming", "All 15 poles at or above table depth."),
                ("Rake at dead ends", "Conforming", "Within 1-2 in per 10 ft."),
                ("Anchor rod projection", "Conforming", "5-7 in above grade."),
                ("Pole grounds / grounds per mile", "Conforming", "5 grounds in the 0.9 mile section."),
            ],
        )
        pdf.tx("Go-back infractions: None. No go-backs identified; job accepted.")
        audit_footer(pdf, a)
    save(pdf, path)


# ----------------------------------------------------------------------------- main
def build(root):
    for f, _, _, _, fn in SPECS:
        fn(os.path.join(root, f))
    for a in AUDITS:
        build_audit(a, os.path.join(root, a["file"]))
    exp = dict(
        name="realtext-rus",
        organization="RUS borrower overhead construction, OSHA 1910.269 crew work and PG&E metering (fictional audits)",
        note="Blind corpus: condensed library excerpts of RUS Bulletin 1728F-804, 29 CFR 1910.269 and PG&E Greenbook "
        "TD-7001M; labels written by hand from the library clause text without reading the product code. "
        "'why' is ignored by score.py. audit_date is ISO; PDFs print ISO, MM/DD/YYYY or 'Month D, YYYY'.",
        specs=[dict(file=f, document=d, title=t, revision=r) for f, d, t, r, _ in SPECS],
        audits=[
            dict(
                file=a["file"],
                metadata=a["metadata"],
                expect_error=None,
                password=None,
                infractions=a["infractions"],
            )
            for a in AUDITS
        ],
    )
    with open(os.path.join(root, "expected.json"), "w") as fh:
        json.dump(exp, fh, indent=1)
        fh.write("\n")


def digest(root):
    out = {}
    for d in ("specs", "audits"):
        for n in sorted(os.listdir(os.path.join(root, d))):
            out[f"{d}/{n}"] = hashlib.sha256(open(os.path.join(root, d, n), "rb").read()).hexdigest()
    out["expected.json"] = hashlib.sha256(open(os.path.join(root, "expected.json"), "rb").read()).hexdigest()
    return out


def check():
    import pypdf

    a_dir, b_dir = tempfile.mkdtemp(), tempfile.mkdtemp()
    build(a_dir)
    build(b_dir)
    assert digest(a_dir) == digest(b_dir), "build is not deterministic"

    def norm(s):
        return re.sub(r"\s+", " ", s).strip()

    for a in AUDITS:
        text = norm(" ".join(p.extract_text() for p in pypdf.PdfReader(os.path.join(a_dir, a["file"])).pages))
        for x in a["infractions"]:
            assert norm(x["text"]) in text, (a["file"], x["text"][:60])
    for f, d, *_ in SPECS:
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(os.path.join(a_dir, f)).pages)
        assert f"Document: {d}" in text, f
    print("check ok:", len(AUDITS), "audits,", sum(len(a["infractions"]) for a in AUDITS), "infractions")


if __name__ == "__main__":
    if "--check" in sys.argv:
        check()
    else:
        build(HERE)
        print("written to", HERE)
