#!/usr/bin/env python3
"""Build the realtext-rus2 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

24.9/14.4 kV line construction and crew safety: a library restating parts of RUS Bulletin 1728F-803
(front matter, grounding assembly drawings H2.1, H3.1, H4.1 with their notes and items, and a crossarm
bracing note) and OSHA 29 CFR 1910.269 paragraphs (b), (c), (g)(2), (m) and (t)(1)-(t)(4), plus four
fictional QA audits in four layouts (structure inspection sheet, safety observation form, spreadsheet
export, e-mail memo).

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>",
that Table H-1 repeats its header row on a second page, that the PM and notification numbers and every
labelled infraction text are printed in their audit, and that NEEDS_REVIEW is the only verdict without a
document.
"""

import datetime
import filecmp
import json
import os
import re
import shutil
import sys
import tempfile

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_DATE = datetime.datetime(2025, 10, 1, 8, 0, 0, tzinfo=datetime.UTC)

_REPL = {
    "\u2013": "-",
    "\u2014": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00b0": " degrees",
    "\u2022": "-",
}


def clean(t):
    for k, v in _REPL.items():
        t = t.replace(k, v)
    t.encode("latin-1")  # raises if anything is left
    return t


# --------------------------------------------------------------------------------------------------
# PDF base (layout helpers follow realtext-osha/make_corpus.py)
# --------------------------------------------------------------------------------------------------
class Doc(FPDF):
    def __init__(self, head, foot, orientation="portrait"):
        super().__init__(orientation=orientation, format="letter", unit="mm")
        self.head, self.foot = clean(head), clean(foot)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(FIXED_DATE)
        self.set_creator("realtext-rus2 make_corpus.py")
        self.set_producer("fpdf2")
        self.alias_nb_pages()

    def header(self):
        if not self.head:
            return
        self.set_font("Helvetica", "", 7.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, self.head, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(3)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 7.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, f"{self.foot}   Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    def line_text(self, text, size=9.5, style="", h=5, align="L"):
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, h, clean(text), align=align, new_x="LMARGIN", new_y="NEXT")

    def para(self, text, size=9.5, h=4.8, gap=1.6, indent=0, markdown=False, style=""):
        self.set_font("Helvetica", style, size)
        if indent:
            self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.w - self.l_margin - self.r_margin - indent,
            h,
            clean(text),
            new_x="LMARGIN",
            new_y="NEXT",
            markdown=markdown,
        )
        self.ln(gap)

    def ensure(self, space):
        if self.get_y() + space > self.h - self.b_margin:
            self.add_page()

    def heading(self, num, title, size=10.5):
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(1.5)
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, 5.5, clean(f"{num}  {title}" if num else title), new_x="LMARGIN", new_y="NEXT")
        self.ln(0.8)

    def band(self, text, size=11):
        if self.get_y() > self.h - 50:
            self.add_page()
        self.ln(2)
        self.set_font("Helvetica", "B", size)
        self.set_fill_color(235, 235, 235)
        self.multi_cell(0, 6.5, clean(text), fill=True, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def grid(self, headers, rows, widths, size=8.5, header_fill=(225, 225, 225), line_height=4.4):
        self.set_font("Helvetica", "", size)
        style = FontFace(emphasis="BOLD", fill_color=header_fill)
        with self.table(
            col_widths=widths,
            headings_style=style,
            line_height=line_height,
            text_align="LEFT",
            first_row_as_headings=True,
            repeat_headings=1,
            padding=1.2,
        ) as t:
            r = t.row()
            for h in headers:
                r.cell(clean(h))
            for row in rows:
                r = t.row()
                for c in row:
                    r.cell(clean(c))
        self.ln(2)


def note(pdf, text):
    pdf.para(text, size=8.5, h=4.2, gap=1.2)


def sub(pdf, text):
    pdf.para(text, indent=5, gap=1.0)


DISCLAIMER = (
    "This library copy restates the substance of the listed provisions in condensed wording. Designations, "
    "paragraph numbers, values, exceptions and notes follow the pages read, except where a bracketed note "
    "says otherwise. Text in square brackets is the library's own. Where this copy and the official text "
    "differ, the official text governs."
)


def title_block(pdf, top, lines, doc_id, revision, effective, contents):
    pdf.add_page()
    for text, size in top:
        pdf.line_text(text, size, "B", h=7 if size >= 13 else 5.5)
    for ln in lines:
        pdf.line_text(ln, 10)
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in (
        ("Document", doc_id),
        ("Revision", revision),
        ("Effective date", effective),
        ("Contents of this excerpt", contents),
    ):
        pdf.multi_cell(0, 5, clean(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.para(DISCLAIMER, size=8.5, h=4.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(3)


# --------------------------------------------------------------------------------------------------
# Specs
# --------------------------------------------------------------------------------------------------
RUS = "1728F-803"
OSHA = "1910.269"
H1_HEAD = "Material item (letter code)"


def spec_rus(path):
    doc = RUS
    pdf = Doc(
        f"RUS Bulletin 1728F-803 - Specifications and Drawings for 24.9/14.4 kV Line Construction - Document {doc}",
        f"{doc}   Library excerpt 1   Condensed; the bulletin incorporated by reference in 7 CFR 1728 governs",
    )
    title_block(
        pdf,
        [
            ("United States Department of Agriculture - Rural Utilities Service", 10),
            ("RUS Bulletin 1728F-803", 14),
            ("Specifications and Drawings for 24.9/14.4 kV Line Construction", 11),
        ],
        [
            "Incorporated by reference in 7 CFR Part 1728. Update and revision of REA Bulletin 50-5 (D-803), "
            "revised September 1969, renumbered and renamed as RUS Bulletin 1728F-803.",
        ],
        doc,
        "1728F-803 as issued (supersedes REA Bulletin 50-5 (D-803)); library excerpt 1",
        "Date of approval (no expiration date; incorporated by reference in 7 CFR Part 1728)",
        "Purpose and General; Section H grounding assemblies H2.1, H3.1 and H4.1 with their notes and items; "
        "Table H-1; note C-1 on crossarm braces",
    )

    pdf.band("Purpose and General")
    pdf.para(
        "PURPOSE: The specifications and drawings of this bulletin set forth requirements, specifications and "
        "standards for the construction of 24.9/14.4 kV overhead electric distribution lines and associated "
        "equipment and construction assembly units."
    )
    pdf.para("GENERAL: Significant changes and additions made during the update of the bulletin include:")
    sub(
        pdf,
        "(a) The bulletin has been reformatted into 19 separate sections or categories. Each section generally "
        "contains construction specifications, an index of drawings, and construction drawings of assemblies "
        "designed to perform a similar function.",
    )
    sub(
        pdf,
        "(b) New tables define maximum line angles and soil classification data. Appendix 2 documents the "
        "formula and data used to determine the line angles in the tables.",
    )
    note(
        pdf,
        "[Not reproduced in this excerpt: the construction specifications and drawings of the other sections, "
        "including pole setting, conductor stringing and sag tables, insulator and pin assemblies, guying and "
        "anchor assemblies, transformer and riser assemblies, secondary and service assemblies, and the line "
        "angle and soil tables of Appendix 2. A go-back that depends on one of them is outside this library.]",
    )

    pdf.band("Section H - Grounding Assemblies")
    pdf.para(
        "Drawings H2.1, H3.1 and H4.1 show the pole ground wire and the grounding of sectionalizing airbreak "
        "switches. Letters in parentheses are the material item codes printed in each drawing's item list "
        "(Table H-1)."
    )
    pdf.heading("H2.1", "Grounding Assembly - Trench Type")
    pdf.para(
        "The pole ground wire runs down the pole from the neutral and is laid in a trench at the foot of the "
        "pole. Alternate A and Alternate B arrangements are shown; in Alternate B the connection to the neutral "
        "is made with a compression connector when required (aluminum or copper)."
    )
    pdf.para(
        "Trench: the ground wire in the trench shall be at a depth of 12 in minimum below grade; 18 in is "
        'required whenever possible. [Drawing dimension read as \'12" Minimum (18" required whenever '
        "possible)'; the library takes it as the burial depth of the ground wire.]"
    )
    pdf.para("NOTES:", style="B", gap=0.6)
    sub(
        pdf,
        "1. The ground wire is to be located on the same side of the pole as the neutral conductor and in the "
        "quadrant opposite the climbing space or the pole top pin.",
    )
    sub(
        pdf,
        "2. Staples on the ground wire shall be 2 ft - 0 in apart, except for a distance of 8 ft above the "
        "ground and 8 ft from the top of the pole, where they shall be 6 in apart.",
    )
    sub(
        pdf,
        "3. The pole ground wire and other ground conductors shall be a minimum of No. 6 copper or equivalent.",
    )
    note(pdf, "[Notes 1 to 3 are printed on drawing H2.1. Items (p), (al) and (cj) are listed in Table H-1.]")

    pdf.heading("H3.1", "Grounding Assembly - Ground Rod Type (for Sectionalizing Airbreak Switch)")
    pdf.para(
        "A ground grid of four driven ground rods is placed where the operator stands to work the switch handle "
        "(see the detail of the ground grid, section X-X) and is connected to the switch operating handle and "
        "the pole ground wire. The ground rods are 5/8 in minimum diameter, copper covered, each with a ground "
        "rod clamp. The ground wire of the assembly is No. 2 soft-drawn (S.D.) copper, stapled with copper "
        "staples. Clamp and braid are furnished with the switch controls."
    )
    pdf.heading("H4.1", "Grounding Assembly - Platform Type (for Sectionalizing Airbreak Switch)")
    pdf.para(
        "A galvanized iron grounding platform plate is laid where the operator stands, with one driven ground "
        "rod 5/8 in minimum diameter, galvanized, a galvanized steel ground rod clamp, two ground wire clamps "
        "with lock washers, and galvanized staples. The platform is shown 2 ft - 6 in wide. Clamp and braid are "
        "furnished with the switch controls."
    )
    pdf.para(
        "NOTE: For the ground wire use soft annealed iron wire, Class C galvanizing, 3 wire, 5/16 in. "
        "[This note replaces, for assembly H4.1, the copper ground wire of Note 3 to H2.1 and of H3.1.]"
    )

    pdf.heading("C-1", "Crossarm Braces [library note]")
    pdf.para(
        "Flat braces are used with 8 ft crossarms and angle braces with 10 ft crossarms. Exception: an angle "
        "brace is also required on 8 ft crossarms where the conductors have a rated breaking strength of more "
        "than 4,500 lb (20.0 kN)."
    )
    note(
        pdf,
        "[Restated from a federal guide specification note that describes this bracing as agreeing with REA "
        "construction; the corresponding 1728F-803 drawing was not read. Metal crossarm braces reduce the "
        "effective BIL rating of the pole; wood braces may be required for raptor protection.]",
    )

    pdf.heading("Table H-1", "Material Items of Grounding Assemblies H2.1, H3.1 and H4.1")
    pdf.para("Quantities 'as req'd' are as required by the field conditions.", size=9)
    rows = [
        ["H2.1", "p", "as req'd", "Connector, compression (when required)"],
        ["H2.1", "al", "as req'd", "Staple, ground wire (spacing per Note 2)"],
        ["H2.1", "cj", "as req'd", "Wire, pole ground (minimum No. 6 copper or equivalent, Note 3)"],
        ["H3.1", "p", "as req'd", "Connector, compression"],
        ["H3.1", "aj", "4", "Rod, ground, 5/8 in minimum diameter, copper covered"],
        ["H3.1", "al", "4", "Clamp, ground rod"],
        ["H3.1", "al", "as req'd", "Staple, ground wire (copper)"],
        ["H3.1", "cj", "as req'd", "Wire, pole ground, No. 2 S.D. copper"],
        ["H4.1", "ai", "1", "Connector, compression (when required)"],
        ["H4.1", "aj", "1", "Rod, ground, 5/8 in minimum diameter (galvanized)"],
        ["H4.1", "al", "1", "Clamp, ground rod (galvanized steel)"],
        ["H4.1", "cj", "as req'd", "Staple, ground wire (galvanized)"],
        [
            "H4.1",
            "dp",
            "as req'd",
            "Wire, pole ground (soft annealed iron, Class C galvanizing, 3 wire, 5/16 in)",
        ],
        ["H4.1", "-", "2", "Clamp, ground wire, with lock washer"],
        ["H4.1", "-", "1", "Platform, grounding plate, galvanized iron"],
    ]
    # start the table low on the page so that it crosses the page break
    if pdf.get_y() < pdf.h - pdf.b_margin - 70:
        pdf.set_y(pdf.h - pdf.b_margin - 70)
    pdf.grid(["Assembly", H1_HEAD, "Quantity", "Description"], rows, (24, 40, 22, 94), size=8.5)
    note(
        pdf,
        "[Item letter codes are as printed on the drawings; the H4.1 clamp and platform rows carry no letter "
        "in the copy read. An assembly's own item list governs over the general Note 3 to H2.1.]",
    )
    pdf.output(path)


def spec_osha(path):
    doc = OSHA
    pdf = Doc(
        f"29 CFR 1910.269 - Electric Power Generation, Transmission, and Distribution - Document {doc}",
        f"{doc}   Library excerpt 2   Wording condensed; the Code of Federal Regulations governs",
    )
    title_block(
        pdf,
        [
            ("U.S. Department of Labor - Occupational Safety and Health Administration", 10),
            ("29 CFR 1910.269", 14),
            (
                "Electric Power Generation, Transmission, and Distribution (Subpart R - Special Industries)",
                11,
            ),
        ],
        [
            "Final rule of April 11, 2014 (79 FR 20316); paragraph labels in the osha.gov form, e.g. "
            "1910.269(m)(3). Construction work follows the parallel provisions of 29 CFR 1926 Subpart V "
            "(1926.952, 1926.954, 1926.961, 1926.965).",
        ],
        doc,
        "Library excerpt 2",
        "2014-07-10",
        "1910.269(b)(1)-(b)(3); (c)(1)-(c)(5); (g)(2) (selected); (m)(1)-(m)(3) (selected); (t)(1)-(t)(4)",
    )

    pdf.band("1910.269(b) Medical services and first aid")
    pdf.para(
        "The employer shall provide medical services and first aid as required in 1910.151. In addition, the "
        "following requirements apply. [1910.151 is not reproduced.]"
    )
    pdf.heading("1910.269(b)(1)", "First-aid training")
    pdf.para(
        "When employees are performing work on, or associated with, exposed lines or equipment energized at 50 "
        "volts or more, persons with first-aid training shall be available as follows:"
    )
    sub(
        pdf,
        "(i) For field work involving two or more employees at a work location, at least two trained persons "
        "shall be available. However, for line-clearance tree trimming operations performed by line-clearance "
        "tree trimmers who are not qualified employees, only one trained person need be available if all new "
        "employees are trained in first aid within 3 months of their hiring dates.",
    )
    sub(
        pdf,
        "(ii) For fixed work locations such as substations, the number of trained persons available shall be "
        "sufficient to ensure that each employee exposed to electric shock can be reached within 4 minutes by a "
        "trained person. However, where the existing number of employees is insufficient to meet this "
        "requirement (at a remote substation, for example), each employee at the work location shall be a "
        "trained employee.",
    )
    pdf.heading("1910.269(b)(2)", "First-aid supplies")
    pdf.para(
        "First-aid supplies required by 1910.151(b) shall be placed in weatherproof containers if the supplies "
        "could be exposed to the weather."
    )
    pdf.heading("1910.269(b)(3)", "First-aid kits")
    pdf.para(
        "The employer shall maintain each first-aid kit, shall ensure that it is readily available for use, and "
        "shall inspect it frequently enough to ensure that expended items are replaced. The employer also shall "
        "inspect each first-aid kit at least once per year."
    )

    pdf.band("1910.269(c) Job briefing")
    pdf.heading("1910.269(c)(1)", "Before each job")
    sub(
        pdf,
        "(i) In assigning an employee or a group of employees to perform a job, the employer shall provide the "
        "employee in charge of the job with all available information that relates to the determination of "
        "existing characteristics and conditions required by paragraph (a)(4). [(a)(4) is not reproduced.]",
    )
    sub(
        pdf,
        "(ii) The employer shall ensure that the employee in charge conducts a job briefing that meets "
        "paragraphs (c)(2), (c)(3) and (c)(4) with the employees involved before they start each job.",
    )
    pdf.heading("1910.269(c)(2)", "Subjects to be covered")
    pdf.para(
        "The briefing shall cover at least the following subjects: hazards associated with the job, work "
        "procedures involved, special precautions, energy-source controls, and personal protective equipment "
        "requirements."
    )
    pdf.heading("1910.269(c)(3)", "Number of briefings")
    sub(
        pdf,
        "(i) If the work or operations to be performed during the work day or shift are repetitive and "
        "similar, at least one job briefing shall be conducted before the start of the first job of each day or "
        "shift.",
    )
    sub(
        pdf,
        "(ii) Additional job briefings shall be held if significant changes, which might affect the safety of "
        "the employees, occur during the course of the work.",
    )
    pdf.heading("1910.269(c)(4)", "Extent of briefing")
    sub(
        pdf,
        "(i) A brief discussion is satisfactory if the work involved is routine and if the employees, by virtue "
        "of training and experience, can reasonably be expected to recognize and avoid the hazards involved in "
        "the job.",
    )
    sub(
        pdf,
        "(ii) A more extensive discussion shall be conducted if the work is complicated or particularly "
        "hazardous, or if an employee cannot be expected to recognize and avoid the hazards involved in the "
        "job.",
    )
    pdf.heading("1910.269(c)(5)", "Working alone")
    pdf.para(
        "An employee working alone need not conduct a job briefing. However, the employer shall ensure that the "
        "tasks to be performed are planned as if a briefing were required."
    )

    pdf.band("1910.269(g) Personal protective equipment")
    pdf.para(
        "[Paragraph (g)(1), general PPE requirements, and the design requirements of (g)(2)(i) to (g)(2)(iii) "
        "are summarized: personal fall arrest systems shall meet Subpart M of Part 1926, and work-positioning "
        "equipment shall meet the design rules of (g)(2)(iii).]"
    )
    pdf.heading("1910.269(g)(2)", "Fall protection - care and use (paragraph (g)(2)(iv), selected)")
    sub(
        pdf,
        "(iv)(B) Personal fall arrest systems shall be used in accordance with 1926.502(d): rigged so that an "
        "employee can neither free fall more than 1.8 m (6 ft) nor contact any lower level.",
    )
    sub(
        pdf,
        "(iv)(C)(1) Each employee working from an aerial lift shall use a fall restraint system or a personal "
        "fall arrest system. [Subpart M of Part 1926 and OSHA's 2015 enforcement memorandum expect the system to "
        "be attached to the boom or to the bucket's anchorage.]",
    )
    sub(
        pdf,
        "(iv)(C)(2) Except as (iv)(C)(3) provides, each employee in elevated locations more than 1.2 m (4 ft) "
        "above the ground on poles, towers or similar structures shall use a personal fall arrest system, "
        "work-positioning equipment, or a fall restraint system, as appropriate, if the employer has not "
        "provided other fall protection meeting Subpart D.",
    )
    sub(
        pdf,
        "(iv)(C)(3) Until March 31, 2015, a qualified employee climbing or changing location on poles, towers "
        "or similar structures need not use fall protection equipment, unless conditions, such as ice, high "
        "winds, the design of the structure, or the presence of contaminants on the structure, could cause the "
        "employee to lose his or her grip or footing. On and after April 1, 2015, each qualified employee "
        "climbing or changing location on poles, towers or similar structures shall use fall protection "
        "equipment unless the employer can demonstrate that climbing or changing location with fall protection "
        "is infeasible or creates a greater hazard than climbing or changing location without it.",
    )
    sub(
        pdf,
        "(iv)(D) Work-positioning systems shall be rigged so that an employee can free fall no more than 0.6 m "
        "(2 ft).",
    )
    sub(
        pdf,
        "(iv)(E) Anchorages for work-positioning equipment shall be capable of supporting at least twice the "
        "potential impact load of an employee's fall, or 13.3 kN (3,000 lbf), whichever is greater.",
    )

    pdf.band("1910.269(m) Deenergizing lines and equipment for employee protection")
    pdf.heading("1910.269(m)(1)", "Application")
    pdf.para(
        "Paragraph (m) applies to the deenergizing of transmission and distribution lines and equipment for the "
        "purpose of protecting employees. Conductors and parts of electric equipment that have been deenergized "
        "under procedures other than those required by paragraph (d) or (m), as applicable, shall be treated as "
        "energized."
    )
    pdf.heading("1910.269(m)(2)", "General")
    sub(
        pdf,
        "(i) If a system operator is in charge of the lines or equipment and their means of disconnection, the "
        "employer shall designate one employee in the crew to be in charge of the clearance and shall comply "
        "with all of the requirements of paragraph (m)(3) in the order specified.",
    )
    sub(
        pdf,
        "(ii) If no system operator is in charge of the lines or equipment and their means of disconnection, "
        "the employer shall designate one employee in the crew to be in charge of the clearance and to perform "
        "the functions that the system operator would otherwise perform under paragraph (m)(3).",
    )
    sub(
        pdf,
        "(iii) If only one crew will be working on the lines or equipment and if the means of disconnection is "
        "accessible and visible to, and under the sole control of, the employee in charge of the clearance, "
        "paragraphs (m)(3)(i), (m)(3)(iii) and (m)(3)(v) do not apply. Additionally, the employer does not need "
        "to use the tags required by the remaining provisions of paragraph (m)(3).",
    )
    sub(
        pdf,
        "(iv) If two or more crews will be working on the same lines or equipment, then: (A) the crews shall "
        "coordinate their activities under this paragraph (m) with a single employee in charge of the clearance "
        "for all of the crews and follow paragraph (m)(3) as if all of the crews formed a single crew, or (B) "
        "each crew shall independently comply with this paragraph (m) and, if there is no system operator in "
        "charge, each crew shall have separate tags and coordinate deenergizing and reenergizing with the other "
        "crews.",
    )
    sub(
        pdf,
        "(v) The employer shall render inoperable any disconnecting means that are accessible to individuals "
        "outside the employer's control (for example, the general public) while they are open for the purpose "
        "of protecting employees.",
    )
    pdf.heading("1910.269(m)(3)", "Deenergizing lines and equipment (selected steps)")
    sub(
        pdf,
        "(i) The employee that the employer designates under (m)(2) as being in charge of the clearance shall "
        "make a request of the system operator to deenergize the particular section of line or equipment.",
    )
    sub(
        pdf,
        "(ii) The employer shall ensure that all switches, disconnectors, jumpers, taps, and other means through "
        "which known sources of electric energy may be supplied to the particular lines and equipment to be "
        "deenergized are open. The employer shall render such means inoperable, unless its design does not so "
        "permit, and then ensure that such means are tagged to indicate that employees are at work.",
    )
    sub(
        pdf,
        "(iii) The employer shall ensure that automatically and remotely controlled switches that could cause "
        "the opened disconnecting means to close are also tagged at the points of control. The employer shall "
        "render the automatic or remote control feature inoperable, unless its design does not so permit.",
    )
    sub(
        pdf,
        "(v) After the switches are opened, rendered inoperable and tagged, the employee in charge of the "
        "clearance shall obtain from the system operator assurance that all of them are open and tagged.",
    )
    sub(
        pdf,
        "(vi) The employer shall ensure that the lines and equipment are tested to ensure that they are "
        "deenergized.",
    )
    sub(
        pdf,
        "(vii) The employer shall ensure that protective grounds are installed as required by paragraph (n).",
    )
    sub(
        pdf,
        "(viii) After the applicable requirements of (m)(3)(i) to (m)(3)(vii) have been followed and the "
        "employee in charge of the clearance gives permission to start work, the lines and equipment may be "
        "worked on as deenergized.",
    )
    sub(
        pdf,
        "(ix) When a crew working on lines or equipment can release its clearance, the employee in charge of "
        "the clearance shall: (A) notify each employee under that clearance that the clearance is being "
        "released; (B) ensure that all employees under that clearance are clear of the lines and equipment; "
        "(C) ensure that all protective grounds installed by the crew have been removed; and (D) report this "
        "information to the system operator and then release the clearance.",
    )
    sub(
        pdf,
        "(x) Only the employee in charge who requested the clearance may release it, unless the employer "
        "transfers responsibility for the clearance to another employee in charge who is informed of the "
        "transfer.",
    )
    note(
        pdf,
        "[(m)(3)(iv), the tag wording, and the later reenergizing steps are not reproduced. The library "
        "numbers the release steps (ix) and (x); see the README.]",
    )

    pdf.band("1910.269(t) Underground electrical installations")
    pdf.para(
        "Paragraph (t) provides additional requirements for work on underground electrical installations."
    )
    pdf.heading("1910.269(t)(1)", "Access")
    pdf.para(
        "The employer shall ensure that employees use a ladder or other climbing device to enter and exit a "
        "manhole or subsurface vault exceeding 1.22 m (4 ft) in depth. No employee may climb into or out of a "
        "manhole or vault by stepping on cables or hangers."
    )
    pdf.heading("1910.269(t)(2)", "Lowering equipment into manholes")
    sub(
        pdf,
        "(i) Equipment used to lower materials and tools into manholes or vaults shall be capable of supporting "
        "the weight to be lowered and shall be checked for defects before use.",
    )
    sub(
        pdf,
        "(ii) Before anyone lowers tools or material into the opening for a manhole or vault, each employee "
        "working in the manhole or vault shall be clear of the area directly under the opening.",
    )
    pdf.heading("1910.269(t)(3)", "Attendants for manholes and vaults")
    sub(
        pdf,
        "(i) While work is being performed in a manhole or vault containing energized electric equipment, an "
        "employee with first-aid and cardiopulmonary resuscitation training shall be available on the surface "
        "in the immediate vicinity of the manhole or vault entrance to render emergency assistance.",
    )
    sub(
        pdf,
        "(ii) Occasionally, the employee on the surface may briefly enter a manhole or vault to provide nonemergency assistance.",
    )
    sub(
        pdf,
        "(iii) For the purpose of inspection, housekeeping, taking readings, or similar work, an employee "
        "working alone may enter, for brief periods of time, a manhole or vault where energized cables or "
        "equipment are in service if the employer can demonstrate that the employee will be protected from all "
        "electrical hazards.",
    )
    sub(
        pdf,
        "(iv) The employer shall ensure that employees maintain reliable communications, through two-way radios "
        "or other equivalent means, among all employees involved in the job.",
    )
    pdf.heading("1910.269(t)(4)", "Duct rods")
    pdf.para(
        "If employees use duct rods, they shall install the duct rods in the direction presenting the least "
        "hazard to employees. The employer shall station an employee at the far end of the duct line being "
        "rodded to ensure that the employees maintain the required minimum approach distances."
    )
    note(
        pdf,
        "[Not reproduced: (t)(5) to (t)(9), paragraph (u) substations, 1910.137 electrical protective "
        "equipment, and the rest of 1910.269.]",
    )
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# Audits
# --------------------------------------------------------------------------------------------------
def V(doc, sec, why):
    return ("VALID", doc, sec, why)


def R(doc, sec, why):
    return ("REPEALABLE", doc, sec, why)


def N(why):
    return ("NEEDS_REVIEW", None, None, why)


# ---- A1: structure-by-structure inspection sheet (RUS grounding and crossarms) ---------------------
A1 = dict(
    file="audits/RS-1-structure-inspection-sheet.pdf",
    metadata=dict(
        pm_number="35311846",
        notification_number="121102237",
        location="Prairie Hills Electric Cooperative - Lone Tree 24.9/14.4 kV rebuild, structures 1 - 46, Custer County",
        contractor="High Plains Line Builders, Inc.",
        foreman="Cody Brandvold",
        auditor="Renee Halvorsen",
        audit_date="2025-11-04",
        score="81.25% (130/160)",
    ),
    # (structure, units, note, result, label-or-None)
    rows=[
        (
            "1 - 6",
            "Tangent, 1-ph",
            "Pole grounds, staples and neutral attachments checked; no exceptions.",
            "ACCEPT",
            None,
        ),
        (
            "7",
            "Tangent, 3-ph",
            "Pole ground wire is No. 8 copper (1728F-803 H2.1 Note 3).",
            "GO-BACK",
            V(
                RUS,
                "H2.1",
                "H2.1 Note 3: pole ground wire minimum No. 6 copper or equivalent; No. 8 is smaller.",
            ),
        ),
        (
            "9",
            "Tangent, 3-ph",
            "Pole ground installed with #4 Cu instead of the #6 Cu listed for the unit; replace with #6.",
            "GO-BACK",
            R(
                RUS,
                "H2.1",
                "H2.1 Note 3 sets a minimum of No. 6 copper; No. 4 is larger, so the ground wire complies.",
            ),
        ),
        (
            "12",
            "Small angle, 3-ph",
            'Ground wire staples on the lowest 8 ft of the pole are spaced 24" apart.',
            "GO-BACK",
            V(
                RUS,
                "H2.1",
                "H2.1 Note 2: within 8 ft above the ground staples shall be 6 in apart; 24 in is too wide.",
            ),
        ),
        (
            "15",
            "Tangent, 3-ph",
            'Ground wire staples between 9 ft and 30 ft above ground are 2\'-0" apart; inspector requires 6" '
            "spacing for the full length of the ground wire.",
            "GO-BACK",
            R(
                RUS,
                "H2.1",
                "H2.1 Note 2: 2 ft 0 in spacing is the rule; 6 in applies only to the lowest 8 ft and the top 8 ft. "
                "9 ft to 30 ft is in the 2 ft zone.",
            ),
        ),
        (
            "21",
            "Tangent, 3-ph",
            "Pole ground wire runs down the climbing space, on the face of the pole opposite the neutral.",
            "GO-BACK",
            V(
                RUS,
                "H2.1",
                "H2.1 Note 1: the ground wire goes on the neutral side, in the quadrant opposite the climbing space.",
            ),
        ),
        (
            "22",
            "Tangent, 3-ph",
            "Ground wire on neutral side, staples 6 in / 2 ft / 6 in as drawn.",
            "ACCEPT",
            None,
        ),
        (
            "24",
            "Dead-end, 3-ph",
            "Trench-type ground (H2.1): ground wire buried 14 in deep; solid rock at 15 in, confirmed with the "
            "probe bar; inspector requires 18 in.",
            "GO-BACK",
            R(
                RUS,
                "H2.1",
                "H2.1: 12 in minimum, 18 in required whenever possible; rock at 15 in made 18 in impossible and 14 in "
                "meets the 12 in minimum.",
            ),
        ),
        (
            "26",
            "Dead-end, 1-ph tap",
            "Trench-type ground: ground wire buried only 0.25 m below grade.",
            "GO-BACK",
            V(RUS, "H2.1", "0.25 m is 9.8 in, below the H2.1 minimum of 12 in."),
        ),
        (
            "28",
            "Tangent, 1-ph tap",
            "Trench-type ground: ground wire buried 15 in deep; inspector requires 18 in.",
            "GO-BACK",
            N(
                "15 in meets the 12 in minimum, but H2.1 requires 18 in 'whenever possible'; the sheet does not "
                "say whether 18 in was possible, so the library cannot decide."
            ),
        ),
        (
            "40",
            "Crossarm tangent, main line",
            "8 ft crossarm carrying 336.4 kcmil ACSR (rated breaking strength 14,100 lb) is fitted with flat braces.",
            "GO-BACK",
            V(
                RUS,
                "C-1",
                "C-1 exception: 8 ft arms need angle braces where the conductor RBS exceeds 4,500 lb; 14,100 lb does.",
            ),
        ),
        (
            "43",
            "Crossarm tangent, Elk Creek tap",
            "8 ft crossarm with 1/0 ACSR phase conductors (rated breaking strength 4,380 lb) is fitted with flat "
            "braces; inspector requires angle braces.",
            "GO-BACK",
            R(
                RUS,
                "C-1",
                "C-1: flat braces on 8 ft arms; the angle-brace exception starts above 4,500 lb and 4,380 lb is below it.",
            ),
        ),
        (
            "45",
            "Crossarm tangent",
            "8 ft crossarm is fitted with flat braces; conductor not identified on the staking sheet.",
            "GO-BACK",
            N(
                "C-1 turns on the conductor's rated breaking strength (more than 4,500 lb), which is not recorded."
            ),
        ),
        (
            "40 - 41",
            "Span",
            "Sag in span 40-41 measured 38 in at 60 degrees F; exceeds the stringing chart.",
            "GO-BACK",
            N("The sag and stringing tables of 1728F-803 are not in this library."),
        ),
        ("46", "Dead-end, 3-ph", "Crossarm braces, ground and staples as drawn.", "ACCEPT", None),
    ],
)


def audit_a1(path):
    a, m = A1, A1["metadata"]
    pdf = Doc(
        "Prairie Hills Electric Cooperative - Line Construction Inspection",
        "Form LC-7 Structure Inspection Sheet (Rev 4)",
        orientation="landscape",
    )
    pdf.add_page()
    pdf.line_text(
        "STRUCTURE INSPECTION SHEET - 24.9/14.4 kV LINE CONSTRUCTION (RUS 1728F-803)", 12.5, "B", h=7
    )
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    lines = [
        f"W.O. / PM No.: {m['pm_number']}        Notification: {m['notification_number']}        Inspection date: 11-04-2025",
        f"Job: {m['location']}",
        f"Contractor: {m['contractor']}        Foreman: {m['foreman']}        Inspector: {m['auditor']}",
        f"Structures inspected: 46        Rating: {m['score']}",
    ]
    for ln in lines:
        pdf.multi_cell(0, 5, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.para(
        "Each structure was walked and checked against the staking sheet and the 1728F-803 assembly drawings. "
        "Result GO-BACK = the crew returns to correct the item; ACCEPT = no exceptions.",
        size=9,
    )
    pdf.grid(
        ["Str. No.", "Units / type", "Inspection note", "Result"],
        [[r[0], r[1], r[2], r[3]] for r in a["rows"]],
        (22, 48, 150, 22),
        size=8.5,
    )
    n = sum(1 for r in a["rows"] if r[3] == "GO-BACK")
    pdf.para(f"Go-backs this sheet: {n}. Return inspection after the crew reports completion.", size=9)
    pdf.para(f"Inspector: {m['auditor']}        Foreman: {m['foreman']}", size=9)
    pdf.output(path)


# ---- A2: safety observation form (first aid, job briefing) -----------------------------------------
A2 = dict(
    file="audits/SF-2-field-safety-observation.pdf",
    metadata=dict(
        pm_number="35318820",
        notification_number="121109415",
        location="Prairie Hills Electric Cooperative - Cold Spring and Pine Ridge substations and 24.9 kV feeder 3, Custer County",
        contractor="High Plains Line Builders, Inc.",
        foreman="Marty Ochsner",
        auditor="Dale Whitcomb",
        audit_date="2025-11-12",
        score="72.73% (80/110)",
    ),
    # (observation title, location, finding text, corrective action, label)
    blocks=[
        (
            "First aid",
            "Pole 3-118, transformer set",
            "Three-person crew setting a transformer on the energized 14.4 kV tap had only one first-aid trained "
            "member on site.",
            "Assign a second first-aid trained employee before energized work resumes.",
            V(
                OSHA,
                "1910.269(b)(1)",
                "(b)(1)(i): field work with two or more employees needs at least two trained persons.",
            ),
        ),
        (
            "First aid",
            "Feeder 3 right-of-way, miles 4 - 6",
            "Two-person line-clearance tree trimming crew (not qualified employees) working near the energized "
            "24.9 kV line had one member with first-aid training; training records show every new hire trained "
            "within 3 months; observer requires two trained persons.",
            "Add a second trained trimmer.",
            R(
                OSHA,
                "1910.269(b)(1)",
                "(b)(1)(i) exception: for line-clearance tree trimmers who are not qualified employees one trained "
                "person suffices if all new employees are trained within 3 months.",
            ),
        ),
        (
            "First aid",
            "Pine Ridge substation",
            "At the Pine Ridge substation two first-aid trained employees were stationed in the control house; "
            "the relay technician in the far switchyard bay was about 6 minutes' walk away.",
            "Station a trained person in the yard while the technician works there.",
            V(
                OSHA,
                "1910.269(b)(1)",
                "(b)(1)(ii): each employee exposed to shock must be reachable within 4 minutes; 6 minutes is too long.",
            ),
        ),
        (
            "First aid",
            "Cold Spring substation",
            "Both employees at the remote Cold Spring substation are first-aid trained; the nearest ambulance is "
            "25 minutes away; observer cites the 4-minute reach requirement.",
            "Add a third person or arrange standby EMS.",
            R(
                OSHA,
                "1910.269(b)(1)",
                "(b)(1)(ii): where the employees present cannot meet the 4-minute rule (remote substation), each "
                "employee at the location shall be trained; both are.",
            ),
        ),
        (
            "First aid",
            "Truck 214",
            "First-aid kit was carried in an open cardboard box in the truck bed, wet from the rain.",
            "Move the supplies into a weatherproof case.",
            V(
                OSHA,
                "1910.269(b)(2)",
                "(b)(2): supplies that could be exposed to the weather shall be in weatherproof containers.",
            ),
        ),
        (
            "First aid",
            "Truck 221",
            "First-aid kit inspection tag dated 11 months before this observation; the kit was fully stocked; "
            "observer requires monthly kit inspections per 1910.269(b)(2).",
            "Start a monthly kit check.",
            R(
                OSHA,
                "1910.269(b)(3)",
                "(b)(3): inspect often enough that expended items are replaced and at least once per year; 11 months "
                "and a full kit comply. (b)(2) is about weatherproof containers.",
            ),
        ),
        (
            "Job briefing",
            "Poles 3-140 to 3-152",
            "After lunch the crew moved from the deenergized 14.4 kV tap to energized work on the 24.9 kV "
            "three-phase line without another briefing; the morning briefing covered only the deenergized tap.",
            "Hold and document a new briefing whenever the work changes.",
            V(
                OSHA,
                "1910.269(c)(3)",
                "(c)(3)(ii): a significant change affecting safety (energized three-phase work) needs an additional briefing.",
            ),
        ),
        (
            "Job briefing",
            "Feeder 3 transformer change-outs",
            "Crew performed the same routine tap change on five identical transformers; one briefing was held at "
            "7:00 a.m. before the first job; observer requires a briefing before each transformer.",
            "Brief at each location.",
            R(
                OSHA,
                "1910.269(c)(3)",
                "(c)(3)(i): repetitive and similar work needs at least one briefing before the first job of the day.",
            ),
        ),
        (
            "Job briefing",
            "Reconductor, poles 3-160 to 3-171",
            "Tailboard sheet for the reconductor job lists hazards and work procedures but does not address "
            "energy-source controls or personal protective equipment.",
            "Revise the tailboard form.",
            V(
                OSHA,
                "1910.269(c)(2)",
                "(c)(2): the briefing shall cover energy-source controls and PPE requirements as well.",
            ),
        ),
        (
            "Job briefing",
            "Cutout 14-22",
            "Troubleman working alone replaced a blown fuse link at cutout 14-22 without a job briefing; his "
            "written trip plan for the task is on file (1910.269(c)(1)).",
            "Troubleman to call in a briefing to dispatch.",
            R(
                OSHA,
                "1910.269(c)(5)",
                "(c)(5): an employee working alone need not conduct a briefing if the tasks are planned as if one were required.",
            ),
        ),
        (
            "Job briefing",
            "Highway 16 crossing",
            "Job briefing for the 24.9 kV road crossing lasted about 2 minutes; observer considers it too short.",
            "Extend briefings for crossings.",
            N(
                "(c)(4) allows a brief discussion for routine work by experienced employees and requires more for "
                "complicated or hazardous work; the form records neither the content nor the crew's experience."
            ),
        ),
    ],
)


def audit_a2(path):
    a, m = A2, A2["metadata"]
    pdf = Doc("", "HPLB Safety Department - Form SO-3 Field Safety Observation")
    pdf.add_page()
    pdf.line_text("FIELD SAFETY OBSERVATION", 14, "B", h=8, align="C")
    pdf.line_text("Electric power work - 29 CFR 1910.269 / 1926 Subpart V", 10, align="C")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 9.5)
    w = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    pairs = [
        ("Observer", m["auditor"], "Date observed", "November 12, 2025"),
        ("PM #", m["pm_number"], "Notification #", m["notification_number"]),
        ("Crew contractor", m["contractor"], "Foreman", m["foreman"]),
    ]
    for k1, v1, k2, v2 in pairs:
        pdf.cell(w, 6, clean(f"{k1}: {v1}"), border=1)
        pdf.cell(w, 6, clean(f"{k2}: {v2}"), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, clean(f"Work location: {m['location']}"), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, clean(f"Observation score: {m['score']}"), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.para(
        "Each numbered observation below is an at-risk finding the crew must correct (go-back). Good practices "
        "are listed at the end and need no action.",
        size=9,
    )
    for i, (cat, loc, finding, action, _) in enumerate(a["blocks"], 1):
        pdf.ensure(34)
        pdf.set_font("Helvetica", "B", 10)
        pdf.set_fill_color(230, 230, 230)
        pdf.cell(
            0,
            6,
            clean(f"Observation {i}  -  Category: {cat}  -  Location: {loc}"),
            fill=True,
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(1)
        pdf.para(f"**Finding:** {finding}", size=9.5, markdown=True, gap=0.8)
        pdf.para(f"**Corrective action:** {action}", size=9.5, markdown=True, gap=3)
    pdf.ensure(30)
    pdf.line_text("Good practices observed (no action)", 10, "B")
    pdf.para(
        "- Cold Spring crew tested the first-aid kit AED battery at the start of shift.\n"
        "- Briefing at pole 3-118 named the nearest hospital and the radio channel.",
        size=9.5,
    )
    pdf.ln(2)
    pdf.para(
        f"Observer signature: {m['auditor']}    Foreman acknowledgement: {m['foreman']}    Date: November 12, 2025",
        size=9,
    )
    pdf.output(path)


# ---- A3: spreadsheet-like export (switching and tagging, fall protection) --------------------------
A3 = dict(
    file="audits/EX-3-clearance-and-fall-protection-export.pdf",
    metadata=dict(
        pm_number="35322471",
        notification_number="121113960",
        location="Prairie Hills Electric Cooperative - Hwy 12 feeder 24.9 kV reconductor, poles 8700 - 8840",
        contractor="Badlands Utility Contractors LLC",
        foreman="Jesse Two Bulls",
        auditor="Karen Lindqvist",
        audit_date="2025-11-19",
        score="65.00% (78/120)",
    ),
    # (item, structure, condition, spec ref, disposition, label)
    rows=[
        (
            "1",
            "8810-8836",
            "Crew began work on the deenergized 24.9 kV section between poles 8810 and 8836 without testing it "
            "for voltage after the switches were opened and tagged.",
            "1910.269(m)(3)",
            "Go-back",
            V(
                OSHA,
                "1910.269(m)(3)",
                "(m)(3)(vi): the lines shall be tested to ensure they are deenergized before they are worked as deenergized.",
            ),
        ),
        (
            "2",
            "Sub bay 4",
            "Recloser R-41 feeding the section was opened by SCADA; no tag at the point of control and the "
            "remote-control feature was left enabled.",
            "1910.269(m)",
            "Go-back",
            V(
                OSHA,
                "1910.269(m)(3)",
                "(m)(3)(iii): remotely controlled switches shall be tagged at the point of control and the remote "
                "feature made inoperable; the single-crew exception does not reach a remote recloser.",
            ),
        ),
        (
            "3",
            "8810",
            "Single crew opened the in-line disconnect at pole 8810, in view of and under the sole control of the "
            "foreman in charge of the clearance, and hung no tags.",
            "1910.269(m)(3)",
            "Go-back",
            R(
                OSHA,
                "1910.269(m)(2)",
                "(m)(2)(iii): one crew, means of disconnection accessible, visible and under the sole control of the "
                "employee in charge: tags need not be used.",
            ),
        ),
        (
            "4",
            "8702",
            "Single crew opened the tap fuses at pole 8702, about 1 mile from the work site and out of sight of "
            "the foreman, and hung no tags.",
            "1910.269(m)(3)",
            "Go-back",
            V(
                OSHA,
                "1910.269(m)(2)",
                "The (m)(2)(iii) exception needs the means of disconnection visible to the employee in charge; fuses a "
                "mile away and out of sight must be tagged under (m)(3)(ii).",
            ),
        ),
        (
            "5",
            "Feeder",
            "Clearance C-2291 on the Hwy 12 feeder was released; the record does not show who released it or "
            "whether all employees were clear.",
            "1910.269(m)(3)",
            "Go-back",
            N(
                "(m)(3)(ix)-(x) decide who may release a clearance and how; the record gives neither, so the finding cannot be judged."
            ),
        ),
        (
            "6",
            "Feeder",
            "Foreman in charge of clearance C-2290 released it to the system operator after confirming all "
            "employees clear and all protective grounds removed; auditor states only the system operator may "
            "release a clearance.",
            "1910.269(m)(3)",
            "Go-back",
            R(
                OSHA,
                "1910.269(m)(3)",
                "(m)(3)(ix)-(x): the employee in charge who requested the clearance releases it after notifying the "
                "crew, ensuring all are clear and grounds removed, and reporting to the system operator.",
            ),
        ),
        (
            "7",
            "8812",
            "Personal protective grounds at 8812 installed after the voltage test, bracketing the work.",
            "1910.269(n)",
            "Closed",
            None,
        ),
        (
            "8",
            "8815",
            "Lineman in the aerial lift bucket wore a harness but the lanyard was not connected to the boom or "
            "bucket anchorage.",
            "1910.269(g)",
            "Go-back",
            V(
                OSHA,
                "1910.269(g)(2)",
                "(g)(2)(iv)(C)(1): each employee in an aerial lift shall use a fall restraint or fall arrest system; an unattached lanyard is neither.",
            ),
        ),
        (
            "9",
            "8818",
            "Lineman in the bucket wore a full body harness with a shock-absorbing lanyard to the bucket anchor; "
            "auditor requires a body belt and positioning lanyard.",
            "1910.67",
            "Go-back",
            R(
                OSHA,
                "1910.269(g)(2)",
                "(g)(2)(iv)(C)(1) permits a personal fall arrest system in an aerial lift; a harness and lanyard on the anchorage is one.",
            ),
        ),
        (
            "10",
            "8820",
            "Lineman stood on the pole step 3 ft 6 in above ground to attach the ground clamp, without fall protection.",
            "1910.269(g)",
            "Go-back",
            R(
                OSHA,
                "1910.269(g)(2)",
                "(g)(2)(iv)(C)(2) applies at more than 1.2 m (4 ft) above the ground; 3 ft 6 in is below it.",
            ),
        ),
        (
            "11",
            "8824",
            "Qualified lineman climbed the 45 ft pole to the crossarm in dry, calm weather without fall "
            "protection; no assessment of infeasibility or greater hazard on file.",
            "1910.269(g)",
            "Go-back",
            V(
                OSHA,
                "1910.269(g)(2)",
                "(g)(2)(iv)(C)(3): since April 1, 2015 qualified climbers use fall protection unless the employer "
                "shows it is infeasible or a greater hazard; nothing shows that.",
            ),
        ),
        (
            "12",
            "8826",
            "Pole strap rigged so that the lineman could free fall about 18 in; auditor requires zero free fall.",
            "1910.269(g)",
            "Go-back",
            R(
                OSHA,
                "1910.269(g)(2)",
                "(g)(2)(iv)(D): work-positioning systems may allow a free fall of up to 0.6 m (2 ft); 18 in is within it.",
            ),
        ),
        (
            "13",
            "8822",
            "Lineman appeared to be without fall protection for part of the climb at pole 8822; height and task not recorded.",
            "1910.269(g)",
            "Go-back",
            N(
                "Without the height and whether he was climbing or working, (g)(2)(iv)(C)(2)-(3) cannot be applied."
            ),
        ),
        (
            "14",
            "Crew",
            "Rubber insulating gloves of lineman J. Ortiz last electrically tested 7 months ago.",
            "1910.137",
            "Go-back",
            N("Glove test intervals are in 1910.137, which is not in this library."),
        ),
        (
            "15",
            "8830",
            "Tags on the pole 8830 disconnect legible and signed.",
            "1910.269(m)(3)",
            "Closed",
            None,
        ),
    ],
)


def audit_a3(path):
    a, m = A3, A3["metadata"]
    pdf = Doc(
        "QA_Findings_Export.xlsx - sheet 'Findings' - printed 2025-11-20",
        "Exported from the contractor QA tracker",
        orientation="landscape",
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8.5)
    meta = [
        ["PM_Number", m["pm_number"], "Notification", m["notification_number"]],
        ["Location", m["location"], "Audit_Date", "2025-11-19"],
        ["Contractor", m["contractor"], "Foreman", m["foreman"]],
        ["Auditor", m["auditor"], "Score", m["score"]],
    ]
    pdf.grid(
        ["Field", "Value", "Field", "Value"], meta, (30, 120, 30, 62), size=8.5, header_fill=(200, 220, 200)
    )
    pdf.ln(1)
    pdf.grid(
        ["Item", "Structure", "Condition", "Spec ref", "Disposition"],
        [list(r[:5]) for r in a["rows"]],
        (14, 26, 150, 30, 22),
        size=8.5,
        header_fill=(200, 220, 200),
    )
    n = sum(1 for r in a["rows"] if r[4] == "Go-back")
    pdf.para(f"Rows: {len(a['rows'])}   Go-back: {n}   Closed: {len(a['rows']) - n}", size=8.5)
    pdf.output(path)


# ---- A4: e-mail memo (switch grounds, transformer, underground) ------------------------------------
A4 = dict(
    file="audits/EM-4-qa-memo-switch-grounds-and-vaults.pdf",
    metadata=dict(
        pm_number="35327093",
        notification_number="121118502",
        location="Prairie Hills Electric Cooperative - Rapid Valley tie, structures 27 - 36 and URD vaults V-112 to V-118",
        contractor="High Plains Line Builders, Inc.",
        foreman="Luis Echeverria",
        auditor="Tom Brekke",
        audit_date="2025-12-02",
        score="70.59% (120/170)",
    ),
    items=[
        (
            "Str 30 airbreak switch ground grid (H3.1) has only two ground rods.",
            V(RUS, "H3.1", "H3.1 lists four ground rods (item aj, quantity 4) in the grid."),
        ),
        (
            "Str 31 switch ground rods are 5/8 in copper-covered; please replace with 3/4 in rods.",
            R(RUS, "H3.1", "H3.1: rods 5/8 in minimum diameter, copper covered; 5/8 in meets it."),
        ),
        (
            "Str 33 switch ground grid is tied to the operating handle with No. 6 copper.",
            V(
                RUS,
                "H3.1",
                "H3.1 item cj: No. 2 S.D. copper; the assembly's own item list governs over the general No. 6 minimum of Note 3.",
            ),
        ),
        (
            "Str 36 platform-type switch ground (H4.1) uses a galvanized steel rod and galvanized clamp; should be "
            "copper-covered rod per H3.1.",
            R(
                RUS,
                "H4.1",
                "H4.1 specifies a galvanized 5/8 in rod and galvanized steel clamp; H3.1 is the ground-rod type, not this assembly.",
            ),
        ),
        (
            "Transformer at str 27 mounted with the secondary bushings facing the road, not per the transformer "
            "assembly drawing.",
            N("Transformer assemblies of 1728F-803 are not in this library."),
        ),
        (
            "Splicer entered vault V-112 (6 ft deep) by stepping on the cable racks; no ladder was set.",
            V(
                OSHA,
                "1910.269(t)(1)",
                "(t)(1): a ladder is required for vaults deeper than 1.22 m (4 ft), and no one may step on cables or hangers.",
            ),
        ),
        (
            "Splicer stepped down into the 1.0 m deep pull box PB-4 without a ladder.",
            R(
                OSHA,
                "1910.269(t)(1)",
                "(t)(1) requires a ladder only above 1.22 m (4 ft); 1.0 m is shallower.",
            ),
        ),
        (
            "While the splicer worked on energized 14.4 kV elbows in MH-7, no one was on the surface; the "
            "attendant had driven to the yard.",
            V(
                OSHA,
                "1910.269(t)(3)",
                "(t)(3)(i): a first-aid/CPR trained employee must be on the surface near the entrance while work is done with energized equipment.",
            ),
        ),
        (
            "Technician entered vault V-118 alone for 10 minutes to take load readings on the energized "
            "transformers; the written assessment on file shows all energized parts dead-front and guarded; "
            "please provide an attendant.",
            R(
                OSHA,
                "1910.269(t)(3)",
                "(t)(3)(iii): an employee alone may enter briefly to take readings if the employer demonstrates "
                "protection from all electrical hazards; the assessment does.",
            ),
        ),
        (
            "Attendant at MH-7 briefly climbed down to hand the splicer a torque wrench and returned to the "
            "surface; this is not allowed.",
            R(
                OSHA,
                "1910.269(t)(3)",
                "(t)(3)(ii): the surface employee may occasionally enter briefly for nonemergency assistance.",
            ),
        ),
        (
            "Rapid Valley substation fence has a 10 in gap under the vehicle gate.",
            N("Substation guarding (1910.269(u)) and fence rules are not in this library."),
        ),
    ],
)


def audit_a4(path):
    a, m = A4, A4["metadata"]
    pdf = Doc("", "Printed from Outlook - Prairie Hills Electric Cooperative")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9.5)
    hdr = [
        ("From", f"{m['auditor']} <tbrekke@prairiehills-ec.example>"),
        ("Sent", "Tuesday, December 2, 2025 4:47 PM"),
        ("To", f"{m['foreman']}; Construction Coordinators"),
        ("Cc", "QA File"),
        (
            "Subject",
            f"QA go-backs - PM {m['pm_number']} / Notif {m['notification_number']} - Rapid Valley tie",
        ),
    ]
    for k, v in hdr:
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.cell(22, 5, clean(f"{k}:"))
        pdf.set_font("Helvetica", "", 9.5)
        pdf.multi_cell(0, 5, clean(v), new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(120, 120, 120)
    pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
    pdf.ln(4)
    pdf.para(f"{m['foreman'].split()[0]},", size=10)
    pdf.para(
        f"I walked the Rapid Valley tie with your crew on 12/02/2025 ({m['location']}; contractor "
        f"{m['contractor']}). Score for this visit: {m['score']}. The items below are go-backs; please have them "
        "corrected and send photos before the tie is energized.",
        size=10,
        h=5.2,
    )
    pdf.para("Go-backs:", size=10, style="B", gap=1)
    for text, _ in a["items"]:
        pdf.ensure(12)
        pdf.set_font("Helvetica", "", 10)
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(5, 5.4, "-")
        pdf.multi_cell(
            pdf.w - pdf.l_margin - pdf.r_margin - 9, 5.4, clean(text), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1.2)
    pdf.ln(2)
    pdf.para("Looked good (no action):", size=10, style="B", gap=1)
    pdf.para(
        "- Str 29 and 34 switch grounds complete per H3.1.\n- Duct rodding MH-9 to MH-10 had a man at the far end.",
        size=10,
        h=5.2,
    )
    pdf.para("Thanks,", size=10, gap=0.5)
    pdf.para(f"{m['auditor']}\nQA Inspector, Prairie Hills Electric Cooperative", size=10)
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/RUS-1728F-803-grounding-and-crossarm-excerpt.pdf",
        RUS,
        "RUS Bulletin 1728F-803 Specifications and Drawings for 24.9/14.4 kV Line Construction: Purpose and "
        "General; grounding assemblies H2.1, H3.1, H4.1 with Table H-1; crossarm brace note C-1 (excerpt)",
        "Library excerpt 1",
        spec_rus,
    ),
    (
        "specs/CFR-1910.269-First-Aid-Briefing-Fall-Deenergizing-Underground.pdf",
        OSHA,
        "29 CFR 1910.269 Electric Power Generation, Transmission, and Distribution: (b)(1)-(b)(3), "
        "(c)(1)-(c)(5), (g)(2) selected, (m)(1)-(m)(3) selected, (t)(1)-(t)(4) (excerpt)",
        "Library excerpt 2",
        spec_osha,
    ),
]
AUDITS = [(A1, audit_a1), (A2, audit_a2), (A3, audit_a3), (A4, audit_a4)]


def labelled(a):
    if a is A1:
        return [(r[2], r[4]) for r in a["rows"] if r[4]]
    if a is A2:
        return [(b[2], b[4]) for b in a["blocks"]]
    if a is A3:
        return [(r[2], r[5]) for r in a["rows"] if r[5]]
    return a["items"]


def expected():
    out = {
        "name": "realtext-rus2",
        "organization": "24.9/14.4 kV line construction and crew safety (fictional audits)",
        "note": (
            "Blind corpus written from RUS Bulletin 1728F-803 front matter, REA grounding-assembly drawing notes and "
            "29 CFR 1910.269 (b), (c), (g)(2), (m), (t) text read through the search tool's stored pages (several "
            "through identical state or Subpart V text); wording condensed, and what was restated rather than read "
            "is listed in the README. Labels by hand from the clause text, without reading the product code. 'why' "
            "is ignored by score.py. audit_date values are ISO; RS-1 prints MM-DD-YYYY, SF-2 'Month D, YYYY', EX-3 "
            "ISO, EM-4 'Tuesday, December 2, 2025' and 12/02/2025."
        ),
        "specs": [dict(file=f, document=d, title=t, revision=r) for f, d, t, r, _ in SPECS],
        "audits": [],
    }
    for a, _ in AUDITS:
        infr = []
        for text, (verdict, doc, sec, why) in labelled(a):
            infr.append(dict(text=text, verdict=verdict, document=doc, section=sec, why=why))
        out["audits"].append(
            dict(file=a["file"], metadata=a["metadata"], expect_error=None, password=None, infractions=infr)
        )
    return out


def build(root):
    os.makedirs(os.path.join(root, "specs"), exist_ok=True)
    os.makedirs(os.path.join(root, "audits"), exist_ok=True)
    for f, _, _, _, fn in SPECS:
        fn(os.path.join(root, f))
    for a, fn in AUDITS:
        fn(os.path.join(root, a["file"]))
    with open(os.path.join(root, "expected.json"), "w") as fh:
        json.dump(expected(), fh, indent=1)
        fh.write("\n")


def _norm(t):
    return re.sub(r"\s+", "", t)


def check():
    import pypdf

    d1, d2 = tempfile.mkdtemp(), tempfile.mkdtemp()
    try:
        build(d1)
        build(d2)
        ok = True
        files = ["expected.json"] + [s[0] for s in SPECS] + [a["file"] for a, _ in AUDITS]
        for f in files:
            if not filecmp.cmp(os.path.join(d1, f), os.path.join(d2, f), shallow=False):
                print("not deterministic:", f)
                ok = False
        for f, doc, _, _, _ in SPECS:
            pages = [p.extract_text() for p in pypdf.PdfReader(os.path.join(d1, f)).pages]
            print(f"{f}: {len(pages)} page(s)")
            if f"Document: {doc}" not in "".join(pages):
                print("no document id in", f)
                ok = False
            if doc == RUS:
                on = [i + 1 for i, p in enumerate(pages) if _norm(H1_HEAD) in _norm(p)]
                print(f"Table H-1 header {H1_HEAD!r} on pages {on}")
                if len(on) < 2:
                    print("Table H-1 does not repeat its header on a second page")
                    ok = False
        exp = expected()
        n = {"VALID": 0, "REPEALABLE": 0, "NEEDS_REVIEW": 0}
        for a in exp["audits"]:
            reader = pypdf.PdfReader(os.path.join(d1, a["file"]))
            txt = _norm("".join(p.extract_text() for p in reader.pages))
            print(f"{a['file']}: {len(reader.pages)} page(s), {len(a['infractions'])} labelled")
            for k in ("pm_number", "notification_number"):
                if a["metadata"][k] not in txt:
                    print("metadata not printed:", a["file"], k)
                    ok = False
            for i in a["infractions"]:
                n[i["verdict"]] += 1
                if _norm(i["text"]) not in txt:
                    print("text not found:", a["file"], i["text"][:70])
                    ok = False
                if (i["document"] is None) != (i["verdict"] == "NEEDS_REVIEW"):
                    print("document/verdict mismatch:", i["text"][:70])
                    ok = False
        print("labelled:", sum(n.values()), n)
        print("check", "passed" if ok else "FAILED")
        return ok
    finally:
        shutil.rmtree(d1)
        shutil.rmtree(d2)


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    build(HERE)
    print("built", HERE)
