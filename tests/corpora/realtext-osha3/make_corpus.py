#!/usr/bin/env python3
"""Build the realtext-osha3 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Electrical protective equipment, live-line tools and line-clearance tree trimming: a library restating
parts of 29 CFR 1910.137 (marking, in-service care and use, Tables I-4 and I-5) and 29 CFR 1910.269
paragraphs (j) live-line tools, (r)(1) line-clearance tree trimming and the (x) definition of
line-clearance tree trimming, plus four fictional QA audits in four layouts (findings table with a
reference column, pass/fail checklist, narrative letter, Finding / Corrective action form).

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>",
that Table I-4 repeats its header row on a second page, that the PM and notification numbers and every
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
# PDF base (layout helpers copied from realtext-rus2/make_corpus.py)
# --------------------------------------------------------------------------------------------------
class Doc(FPDF):
    def __init__(self, head, foot, orientation="portrait"):
        super().__init__(orientation=orientation, format="letter", unit="mm")
        self.head, self.foot = clean(head), clean(foot)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(FIXED_DATE)
        self.set_creator("realtext-osha3 make_corpus.py")
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
PPE = "1910.137"
OSHA = "1910.269"
I4_HEAD = "Class of equipment"


def cl(pdf, num, title, text=None):
    """A numbered CFR paragraph printed as a heading line, then its text."""
    pdf.heading(num, title, size=10)
    if text:
        pdf.para(text)


def spec_ppe(path):
    doc = PPE
    pdf = Doc(
        f"29 CFR 1910.137 - Electrical protective equipment - Document {doc}",
        f"{doc}   Library excerpt 1   Condensed; the Code of Federal Regulations governs",
    )
    title_block(
        pdf,
        [
            ("Title 29 - Labor", 11),
            ("Part 1910 - Occupational Safety and Health Standards", 11),
            ("Subpart I - Personal Protective Equipment", 11),
            ("1910.137  Electrical protective equipment", 14),
        ],
        ["Sections (a)(1), (c)(1) and (c)(2) selected, with Tables I-4 and I-5"],
        doc,
        "Revised as of July 1, 2024 (final rule of April 11, 2014, 79 FR 20316)",
        "July 10, 2014",
        "(a)(1) manufacture and marking; (c)(2)(i)-(iii), (vii)-(viii) in-service care and use; Table I-4; Table I-5",
    )
    cl(
        pdf,
        "1910.137(a)",
        "Design requirements for specific types of electrical protective equipment.",
        "Rubber insulating blankets, matting, covers, line hose, gloves and sleeves meet the requirements of "
        "this paragraph.",
    )
    cl(pdf, "1910.137(a)(1)", "Manufacture and marking of rubber insulating equipment.")
    sub(pdf, "(i) Blankets, gloves and sleeves are produced by a seamless process.")
    sub(
        pdf,
        "(ii) Each item is clearly marked with its class: Class 00, Class 0, Class 1, Class 2, Class 3 or "
        "Class 4, as the case may be. Non-ozone-resistant equipment is marked Type I and ozone-resistant "
        "equipment Type II. The maker's identification and the size may also be marked.",
    )
    sub(
        pdf,
        "(iii) Markings are nonconducting and applied so as not to impair the insulating qualities of the "
        "equipment.",
    )
    sub(pdf, "(iv) On gloves, markings are confined to the cuff portion.")
    cl(pdf, "1910.137(c)", "In-service care and use of electrical protective equipment.")
    cl(
        pdf,
        "1910.137(c)(1)",
        "General.",
        "Electrical protective equipment is maintained in a safe, reliable condition.",
    )
    cl(
        pdf,
        "1910.137(c)(2)",
        "Specific requirements.",
        "The following requirements apply to rubber insulating blankets, covers, line hose, gloves and sleeves.",
    )
    cl(
        pdf,
        "1910.137(c)(2)(i)",
        "Maximum use voltage.",
        "The maximum use voltage of the equipment conforms to Table I-4 for the class used.",
    )
    sub(
        pdf,
        "(A) The maximum use voltage is the ac voltage (rms) classification of the equipment, that is, the "
        "maximum nominal design voltage of the energized system that may be safely worked. The nominal design "
        "voltage is (1) the phase-to-phase voltage on multiphase circuits, and (2) the phase-to-ground voltage on "
        "single-phase grounded circuits.",
    )
    sub(
        pdf,
        "(B) Exception: where there is no multiphase exposure in a system area and the voltage exposure is "
        "limited to the phase-to-ground potential, the phase-to-ground potential may be used in place of the "
        "phase-to-phase voltage when Table I-4 is applied.",
    )
    sub(
        pdf,
        "(C) Where the electrical equipment and devices are insulated, isolated, or both, so that the "
        "multiphase exposure on a grounded wye circuit is removed, the nominal design voltage may be taken as "
        "the phase-to-ground voltage on that circuit.",
    )
    cl(
        pdf,
        "1910.137(c)(2)(ii)",
        "Inspection before use.",
        "Insulating equipment is inspected for damage before each day's use and immediately after any incident "
        "that can reasonably be suspected of having caused damage. Insulating gloves are given an air test along "
        "with the inspection.",
    )
    cl(
        pdf,
        "1910.137(c)(2)(iii)",
        "Defects.",
        "Insulating equipment with any of these defects may not be used:",
    )
    for t in (
        "(A) a hole, tear, puncture or cut;",
        "(B) ozone cutting or ozone checking (a series of interlacing cracks produced by ozone on rubber "
        "under mechanical stress);",
        "(C) an embedded foreign object;",
        "(D) any of these texture changes: swelling, softening, hardening, or becoming sticky or inelastic;",
        "(E) any other defect that damages the insulating properties.",
    ):
        sub(pdf, t)
    # Table I-4 is placed so that it runs over the page break with its header repeated.
    room = pdf.h - pdf.b_margin - pdf.get_y()
    if room > 60:
        cl(
            pdf,
            "1910.137(c)(2)(vii)",
            "Protector gloves.",
            "Protector gloves are worn over insulating gloves, except as follows:",
        )
        protector(pdf)
        room = pdf.h - pdf.b_margin - pdf.get_y()
        placed = True
    else:
        placed = False
    if room > 48:
        pdf.ln(room - 46)
    pdf.heading("", "Table I-4 - Rubber Insulating Equipment, Voltage Requirements", size=10)
    pdf.grid(
        [
            I4_HEAD,
            "Maximum use voltage (1), ac rms",
            "Retest voltage (2), ac rms",
            "Retest voltage (2), dc avg",
        ],
        [
            ["Class 00", "500", "2,500", "10,000"],
            ["Class 0", "1,000", "5,000", "20,000"],
            ["Class 1", "7,500", "10,000", "40,000"],
            ["Class 2", "17,000", "20,000", "50,000"],
            ["Class 3", "26,500", "30,000", "60,000"],
            ["Class 4", "36,000", "40,000", "70,000"],
        ],
        (40, 44, 44, 44),
        size=9,
        line_height=6.5,
    )
    note(
        pdf,
        "(1) The maximum use voltage is the ac voltage (rms) classification of the protective equipment "
        "that designates the maximum nominal design voltage of the energized system that may be safely worked; "
        "paragraphs (c)(2)(i)(B) and (C) say when the phase-to-ground voltage may be used instead.",
    )
    note(pdf, "(2) The proof-test voltage is not to be used to determine the maximum use voltage.")
    if not placed:
        cl(
            pdf,
            "1910.137(c)(2)(vii)",
            "Protector gloves.",
            "Protector gloves are worn over insulating gloves, except as follows:",
        )
        protector(pdf)
    cl(
        pdf,
        "1910.137(c)(2)(viii)",
        "Electrical testing.",
        "Rubber insulating equipment is given an electrical test at the retest voltage of Table I-4, at the "
        "intervals of Table I-5.",
    )
    pdf.heading("", "Table I-5 - Rubber Insulating Equipment, Test Intervals", size=10)
    pdf.grid(
        ["Type of equipment", "When to test"],
        [
            [
                "Rubber insulating line hose",
                "Upon indication that insulating value is suspect and after repair.",
            ],
            [
                "Rubber insulating covers",
                "Upon indication that insulating value is suspect and after repair.",
            ],
            [
                "Rubber insulating blankets",
                "Before first issue and every 12 months thereafter (1); upon indication "
                "that insulating value is suspect; and after repair.",
            ],
            [
                "Rubber insulating gloves",
                "Before first issue and every 6 months thereafter (1); upon indication "
                "that insulating value is suspect; after repair; and after use without protectors.",
            ],
            [
                "Rubber insulating sleeves",
                "Before first issue and every 12 months thereafter (1); upon indication "
                "that insulating value is suspect; and after repair.",
            ],
        ],
        (52, 120),
        size=9,
    )
    note(
        pdf,
        "(1) If the insulating equipment has been electrically tested but not issued for service, it may "
        "not be placed into service unless it has been electrically tested within the previous 12 months.",
    )
    pdf.para(
        "[Library note: 1910.137(b) (design of other equipment), (c)(2)(iv)-(vi) and (ix)-(xii) (repair, "
        "storage, test procedures, records) and Tables I-1 to I-3 are not reproduced in this excerpt.]",
        size=8.5,
        h=4.2,
    )
    pdf.output(path)


def protector(pdf):
    sub(
        pdf,
        "(A) Protector gloves need not be used with Class 0 gloves under limited-use conditions, where "
        "small equipment and parts manipulation need unusually high finger dexterity.",
    )
    sub(
        pdf,
        "(B) Where the voltage does not exceed 250 V ac or 375 V dc, protector gloves need not be used with "
        "Class 00 gloves under the same limited-use conditions.",
    )
    sub(
        pdf,
        "(C) Any other class of glove may be used without protector gloves under the same limited-use "
        "conditions, but only if the employer can demonstrate that the possibility of physical damage to the "
        "gloves is small and the glove is one class higher than the class Table I-4 requires for the voltage "
        "involved.",
    )
    sub(
        pdf,
        "(D) Gloves used without protectors may not be used again until they have been tested under "
        "(c)(2)(viii) [and (ix)].",
    )


def spec_osha(path):
    doc = OSHA
    pdf = Doc(
        "29 CFR 1910.269 - Electric power generation, transmission, and distribution - Document 1910.269",
        f"{doc}   Library excerpt 2   Condensed; the Code of Federal Regulations governs",
    )
    title_block(
        pdf,
        [
            ("Title 29 - Labor", 11),
            ("Part 1910 - Occupational Safety and Health Standards", 11),
            ("Subpart R - Special Industries", 11),
            ("1910.269  Electric power generation, transmission, and distribution", 14),
        ],
        ["Paragraphs (j) live-line tools and (r)(1) line-clearance tree trimming; definition from (x)"],
        doc,
        "Revised as of July 1, 2024 (final rule of April 11, 2014, 79 FR 20316)",
        "July 10, 2014",
        "(j)(1)-(j)(2); (r)(1)(i)-(vi); (x) definition of line-clearance tree trimming",
    )
    cl(pdf, "1910.269(j)", "Live-line tools.")
    cl(
        pdf,
        "1910.269(j)(1)",
        "Design of tools.",
        "Live-line tool rods, tubes and poles are designed and built to withstand these minimum tests:",
    )
    sub(
        pdf,
        "(i) If the tool is made of fiberglass-reinforced plastic (FRP): 328,100 volts per meter (100,000 "
        "volts per foot) of length for 5 minutes.",
    )
    note(pdf, "Note to (j)(1)(i): tools whose rod and tube meet ASTM F711 are deemed to comply with (j)(1).")
    sub(
        pdf,
        "(ii) If the tool is made of wood: 246,100 volts per meter (75,000 volts per foot) of length for "
        "3 minutes.",
    )
    sub(pdf, "(iii) Other tests that the employer can demonstrate are equivalent.")
    cl(pdf, "1910.269(j)(2)", "Condition of tools.")
    sub(pdf, "(i) Each live-line tool is wiped clean and visually inspected for defects before use each day.")
    sub(
        pdf,
        "(ii) If a defect or contamination that could adversely affect the insulating qualities or "
        "mechanical integrity is still present after wiping, the tool is removed from service and examined and "
        "tested under (j)(2)(iii) before it returns to service.",
    )
    sub(
        pdf,
        "(iii) Live-line tools used for primary employee protection are removed from service every 2 years, "
        "and whenever (j)(2)(ii) requires, for examination, cleaning, repair and testing as follows:",
    )
    for t in (
        "(A) each tool is thoroughly examined for defects;",
        "(B) a tool with a defect or contamination that could adversely affect its insulating qualities or "
        "mechanical integrity is repaired and refinished or permanently removed from service; a tool with "
        "none is cleaned and waxed;",
        "(C) the tool is tested under (D) and (E) (1) after it has been repaired or refinished, and (2) after "
        "the examination if it was not repaired or refinished - unless the tool is made of FRP rod or "
        "foam-filled FRP tube and the employer can demonstrate that it has no defects that could cause it "
        "to fail in use;",
        "(D) the test method verifies the tool's integrity along its entire working length and, for FRP "
        "tools, its integrity under wet conditions;",
        "(E) the test voltage is 246,100 volts per meter (75,000 volts per foot) of length for 1 minute for "
        "FRP tools, or 164,000 volts per meter (50,000 volts per foot) of length for 1 minute for wood tools;",
        "(F) a tool that fails the test is permanently removed from service.",
    ):
        pdf.para(t, indent=10, gap=1.0)
    pdf.heading("", "Table J-1 [library summary of the test values of (j)(1) and (j)(2)(iii)(E)]", size=10)
    pdf.grid(
        ["Tool material", "Design test, (j)(1)", "In-service test, (j)(2)(iii)(E)", "Removal interval"],
        [
            [
                "Fiberglass-reinforced plastic (FRP)",
                "100,000 V/ft (328,100 V/m), 5 min",
                "75,000 V/ft (246,100 V/m), 1 min, wet test",
                "2 years (primary protection)",
            ],
            [
                "Wood",
                "75,000 V/ft (246,100 V/m), 3 min",
                "50,000 V/ft (164,000 V/m), 1 min",
                "2 years (primary protection)",
            ],
        ],
        (44, 44, 50, 36),
        size=8.5,
    )
    cl(
        pdf,
        "1910.269(r)",
        "Line-clearance tree trimming operations.",
        "This paragraph adds requirements for line-clearance tree trimming and its equipment.",
    )
    cl(pdf, "1910.269(r)(1)", "Electrical hazards.", "This paragraph does not apply to qualified employees.")
    sub(
        pdf,
        "(i) Before an employee climbs, enters or works around any tree, the nominal voltage of the lines "
        "posing a hazard is determined. Instead, the maximum nominal voltage to which an employee will be exposed "
        "may be determined, if all lines are considered energized at that maximum voltage.",
    )
    sub(
        pdf,
        "(ii) A second line-clearance tree trimmer is within normal (that is, unassisted) voice communication "
        "under any of these conditions:",
    )
    for t in (
        "(A) the trimmer is to approach more closely than 3.05 m (10 ft) to any conductor or electric "
        "apparatus energized at more than 750 volts;",
        "(B) branches or limbs being removed are closer to lines energized at more than 750 volts than the "
        "minimum approach distances [of Tables R-5 to R-8, not reproduced in this excerpt];",
        "(C) roping is necessary to remove branches or limbs from such conductors or apparatus.",
    ):
        pdf.para(t, indent=10, gap=1.0)
    sub(
        pdf,
        "(iii) Line-clearance tree trimmers maintain the minimum approach distances [Tables R-5 to R-8, not "
        "reproduced] from energized conductors.",
    )
    sub(
        pdf,
        "(iv) Branches that contact exposed energized conductors or equipment, or that are within the minimum "
        "approach distances, may be removed only with insulating equipment.",
    )
    note(
        pdf,
        "Note to (r)(1)(iv): a tool made of a material that the employer can demonstrate has insulating "
        "qualities meeting (j)(1) is treated as insulated under (r)(1)(iv) if the tool is clean and dry.",
    )
    sub(
        pdf,
        "(v) Ladders, platforms and aerial devices may not be brought closer to an energized part than the "
        "minimum approach distances.",
    )
    sub(
        pdf,
        "(vi) Line-clearance tree trimming may not be performed when adverse weather makes the work hazardous "
        "in spite of the work practices this section requires. Each employee trimming in the aftermath of a "
        "storm or under similar emergency conditions is trained in the special hazards of that work.",
    )
    cl(pdf, "1910.269(x)", "Definitions [excerpt].")
    pdf.para(
        "Line-clearance tree trimming. The pruning, trimming, repairing, maintaining, removing or clearing "
        "of trees, or the cutting of brush, within these distances of electric supply lines and equipment: "
        "(1) for voltages to ground of 50 kV or less, 3.05 m (10 ft); (2) for voltages to ground of more than "
        "50 kV, 3.05 m (10 ft) plus 0.10 m (4 in) for every 10 kV over 50 kV.",
        indent=5,
    )
    pdf.para(
        "[Library note: (r)(2)-(r)(8) (brush chippers, sprayers, stump cutters, power saws, backpack units, "
        "rope, fall protection), the minimum approach distance tables, and 1910.269(l) are not in this "
        "excerpt.]",
        size=8.5,
        h=4.2,
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


# ---- A1: findings table with a reference column (crew PPE and live-line tools) ---------------------
A1 = dict(
    file="audits/FT-1-crew-ppe-and-tool-findings.pdf",
    metadata=dict(
        pm_number="35402718",
        notification_number="121204466",
        location="Cascade Valley PUD - Feeder 1204 reconductor, Orchard Rd poles 41-58",
        contractor="Summit Line Constructors LLC",
        foreman="Gabe Rinaldi",
        auditor="Priya Natarajan",
        audit_date="2025-11-06",
        score="78.95% (150/190)",
    ),
    # (no, location, finding, reference, label)
    rows=[
        (
            "1",
            "Pole 44",
            "Lineman M. Ferris working the 12.47 kV three-phase crossarm (all three phases within reach, no cover-up "
            "on the adjacent phases) in Class 1 gloves.",
            "1910.137 Table I-4",
            V(
                PPE,
                "Table I-4",
                "Multiphase exposure, so the nominal design voltage is 12,470 V phase-to-phase "
                "((c)(2)(i)(A)); Class 1 has a maximum use voltage of 7,500 V.",
            ),
        ),
        (
            "2",
            "Pole 47",
            "Class 1 gloves on the 7.2 kV single-phase tap (one phase conductor and the neutral only; no other phase "
            "in the work area).",
            "1910.137",
            R(
                PPE,
                "1910.137(c)(2)(i)",
                "(c)(2)(i)(B): no multiphase exposure, so the 7,200 V phase-to-ground "
                "voltage may be used; Class 1 (7,500 V) covers it.",
            ),
        ),
        (
            "3",
            "Crew",
            "Apprentice R. Soto's Class 2 gloves: test date stamped 8 months ago, in use today.",
            "1910.137(c)(2)(viii)",
            V(PPE, "Table I-5", "Gloves are retested every 6 months after first issue; 8 months exceeds it."),
        ),
        (
            "4",
            "Truck 22",
            "Rubber sleeves on truck 22 last tested 10 months ago.",
            "Table I-5",
            R(PPE, "Table I-5", "Sleeves are retested every 12 months; 10 months is within it."),
        ),
        (
            "5",
            "Truck 22",
            "Wood hot stick: dielectric record shows 50,000 V/ft for 1 minute, 14 months ago; 75,000 V/ft required.",
            "1910.269(j)(1)",
            R(
                OSHA,
                "1910.269(j)(2)",
                "(j)(2)(iii)(E): the in-service test for wood tools is 50,000 V/ft for 1 "
                "minute, every 2 years; 75,000 V/ft is the (j)(1)(ii) design test, which does not govern retests.",
            ),
        ),
        (
            "6",
            "Pole 50",
            "Shotgun stick used as primary protection last examined and tested 27 months ago.",
            "1910.269(j)",
            V(
                OSHA,
                "1910.269(j)(2)",
                "(j)(2)(iii): primary-protection tools are removed for examination and "
                "testing every 2 years; 27 months exceeds it.",
            ),
        ),
        (
            "7",
            "Pole 52",
            "Rubber blanket in the cover-up on pole 52 tested 13 months ago.",
            "Table I-5",
            V(PPE, "Table I-5", "Blankets are retested every 12 months; 13 months exceeds it."),
        ),
        (
            "8",
            "Crew",
            "Foreman's hard hat not marked Class E.",
            "1910.135",
            N("Head protection (1910.135) is not in this library."),
        ),
        (
            "9",
            "Pole 49",
            "Line hose on pole 49 has no test date label.",
            "1910.137(c)(2)(viii)",
            R(
                PPE,
                "Table I-5",
                "Line hose is tested only upon indication that its insulating value is suspect and "
                "after repair; no periodic test date is required.",
            ),
        ),
    ],
)


def audit_a1(path):
    a, m = A1, A1["metadata"]
    pdf = Doc("Cascade Valley PUD - Contractor Safety & QA - Field Audit Findings", "CVPUD QA-FR-07 rev 3")
    pdf.add_page()
    pdf.line_text("FIELD AUDIT FINDINGS REPORT", 14, "B", h=8)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in (
        ("PM #", m["pm_number"]),
        ("Notification #", m["notification_number"]),
        ("Location", m["location"]),
        ("Contractor", m["contractor"]),
        ("Foreman", m["foreman"]),
        ("Auditor", m["auditor"]),
        ("Audit date", "11/06/2025"),
        ("Score", m["score"]),
    ):
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.cell(32, 5, clean(k + ":"))
        pdf.set_font("Helvetica", "", 9.5)
        pdf.multi_cell(0, 5, clean(v), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para("Go-back findings (contractor to correct and respond within 10 working days):", style="B")
    pdf.grid(
        ["#", "Pole / Loc.", "Finding", "Reference", "Type"],
        [[r[0], r[1], r[2], r[3], "Go-back"] for r in a["rows"]],
        (8, 22, 94, 34, 20),
        size=8.5,
    )
    pdf.para(
        "Observed compliant: tailboard briefing held and signed; glove bags hung on the truck; sticks stored "
        "in the tool tube.",
        size=9,
    )
    pdf.para(f"Auditor: {m['auditor']}        Contractor acknowledgement: ____________________", size=9)
    pdf.output(path)


# ---- A2: pass/fail checklist (line-clearance tree crew) --------------------------------------------
A2 = dict(
    file="audits/CL-2-tree-crew-checklist.pdf",
    metadata=dict(
        pm_number="35402951",
        notification_number="121204873",
        location="Cascade Valley PUD - Circuit 2108 line-clearance cycle, Bluebell Ln to Hwy 20, spans 14-31",
        contractor="Evergreen Vegetation Management Inc.",
        foreman="Lonnie Pruitt",
        auditor="Keith Amundsen",
        audit_date="2025-11-13",
        score="77.5% (31/40)",
    ),
    # (no, item, mark, comment, label)
    rows=[
        ("1", "Job briefing held and signed", "Pass", "Tailboard signed by all four.", None),
        (
            "2",
            "Voltage determined before climbing",
            "Fail",
            "No voltage recorded on the tailboard; foreman says all lines on the job are treated as 34.5 kV, the "
            "highest voltage on the circuit.",
            R(
                OSHA,
                "1910.269(r)(1)",
                "(r)(1)(i) allows determining the maximum nominal voltage instead, if all "
                "lines are considered energized at it.",
            ),
        ),
        (
            "3",
            "Second trimmer within voice communication",
            "Fail",
            "Span 17: climber trimming within 6 ft of the 12.47 kV primary alone; groundman at the chipper 150 ft "
            "down the road with the chipper running.",
            V(
                OSHA,
                "1910.269(r)(1)",
                "(r)(1)(ii)(A): closer than 10 ft to a conductor above 750 V needs a second "
                "trimmer within unassisted voice communication; 150 ft away at a running chipper is not.",
            ),
        ),
        (
            "4",
            "Second trimmer within voice communication",
            "Fail",
            "Span 22: climber topping a pine about 25 ft from the 12.47 kV primary, no second trimmer in earshot.",
            R(
                OSHA,
                "1910.269(r)(1)",
                "None of the (r)(1)(ii) conditions holds: 25 ft is beyond 10 ft and no roping "
                "or close branch removal is reported (the (x) definition's 10 ft is not reached either).",
            ),
        ),
        (
            "5",
            "Second trimmer within voice communication",
            "Fail",
            "Span 24: trimmer clearing limbs off the 120/240 V service drop alone.",
            R(
                OSHA,
                "1910.269(r)(1)",
                "(r)(1)(ii) applies only to lines energized at more than 750 V; the drop is 240 V.",
            ),
        ),
        (
            "6",
            "Branches on lines removed with insulating equipment",
            "Fail",
            "Span 19: limb touching the phase pushed off with a wet, mud-covered fiberglass pole pruner.",
            V(
                OSHA,
                "1910.269(r)(1)",
                "(r)(1)(iv): insulating equipment only; the note treats a tool as insulated "
                "only if clean and dry.",
            ),
        ),
        (
            "7",
            "Branches on lines removed with insulating equipment",
            "Fail",
            "Span 26: limb lying on the B phase removed with a fiberglass pole pruner, not a hot stick. Pruner pole "
            "carries the maker's 100,000 V/ft (j)(1) certification; clean and dry.",
            R(
                OSHA,
                "1910.269(r)(1)",
                "Note to (r)(1)(iv): a clean, dry tool of a material meeting (j)(1) counts as insulated.",
            ),
        ),
        (
            "8",
            "Minimum approach distance kept",
            "Fail",
            "Span 28: climber's saw about 2 ft 6 in from the 7.2 kV phase.",
            N("The minimum approach distance tables are not reproduced in this library."),
        ),
        ("9", "PPE: hard hat, eye and hearing protection", "Pass", "All worn.", None),
        (
            "10",
            "Chipper operation",
            "Fail",
            "Chipper feed table unattended with the engine running; discharge chute aimed at the road.",
            N("Brush chipper rules (1910.269(r)(2)) are not in this library."),
        ),
        (
            "11",
            "Weather",
            "Fail",
            "Crew kept trimming spans 30-31 with lightning visible and thunder overhead.",
            V(
                OSHA,
                "1910.269(r)(1)",
                "(r)(1)(vi): no line-clearance trimming when adverse weather makes the work "
                "hazardous; a thunderstorm overhead does.",
            ),
        ),
        (
            "12",
            "Climbing saddles and ropes inspected",
            "N/A",
            "No climbing ropes in use on this visit.",
            None,
        ),
    ],
)


def audit_a2(path):
    a, m = A2, A2["metadata"]
    pdf = Doc(
        "Cascade Valley PUD - Vegetation Management QA",
        "VM-CHK-2 Line Clearance Crew Observation",
        orientation="landscape",
    )
    pdf.add_page()
    pdf.line_text("LINE CLEARANCE TREE CREW - FIELD OBSERVATION CHECKLIST", 13, "B", h=7)
    pdf.grid(
        ["PM No.", "Notification No.", "Location", "Contractor"],
        [[m["pm_number"], m["notification_number"], m["location"], m["contractor"]]],
        (30, 36, 120, 57),
        size=8.5,
    )
    pdf.grid(
        ["General foreman", "QA inspector", "Date", "Score"],
        [[m["foreman"], m["auditor"], "Nov 13, 2025", m["score"]]],
        (60, 60, 60, 63),
        size=8.5,
    )
    rows = []
    for no, item, mark, com, _ in a["rows"]:
        rows.append(
            [
                no,
                item,
                "X" if mark == "Pass" else "",
                "X" if mark == "Fail" else "",
                "X" if mark == "N/A" else "",
                com,
            ]
        )
    pdf.grid(
        ["No.", "Item checked", "Pass", "Fail", "N/A", "Comments"], rows, (10, 62, 12, 12, 12, 135), size=8.5
    )
    n = sum(1 for r in a["rows"] if r[2] == "Fail")
    pdf.para(f"Total Number of Non-Conforming Items {n}", style="B")
    pdf.para("Fail items are go-backs; crew to respond with corrective actions.", size=9)
    pdf.output(path)


# ---- A3: narrative letter (gloves in use) ----------------------------------------------------------
A3 = dict(
    file="audits/LT-3-qa-letter-rubber-goods.pdf",
    metadata=dict(
        pm_number="35403307",
        notification_number="121205190",
        location="Cascade Valley PUD - Wenatchee Heights 12.47 kV underbuild, poles 101-124",
        contractor="Summit Line Constructors LLC",
        foreman="Dana Whitlock",
        auditor="Marisol Quintero",
        audit_date="2025-11-20",
        score="",  # the letter prints no score (was None, which score.py can never match)
    ),
    items=[
        (
            "At pole 104 the Class 2 gloves in use carried their class marking stenciled on the palm, not on the cuff.",
            V(PPE, "1910.137(a)(1)", "(a)(1)(iv): markings on gloves are confined to the cuff portion."),
        ),
        (
            "The lineman at pole 106 put on his gloves without an air test at the tailboard.",
            V(
                PPE,
                "1910.137(c)(2)(ii)",
                "(c)(2)(ii): gloves get an air test with the daily inspection before use.",
            ),
        ),
        (
            "At pole 109 the right glove of the Class 2 pair showed ozone checking at the gauntlet, and it stayed in use.",
            V(
                PPE,
                "1910.137(c)(2)(iii)",
                "(c)(2)(iii)(B): equipment with ozone cutting or checking may not be used.",
            ),
        ),
        (
            "The meter technician terminating control wiring in the 480 V recloser cabinet wore Class 0 gloves "
            "without leather protectors; the terminal-block work needed fine finger dexterity.",
            R(
                PPE,
                "1910.137(c)(2)(vii)",
                "(c)(2)(vii)(A): Class 0 gloves need no protectors under limited-use "
                "conditions calling for unusually high finger dexterity; 480 V is within Class 0 (1,000 V).",
            ),
        ),
        (
            "At pole 112 the lineman tying in the 12.47 kV phase wore Class 2 gloves without protectors.",
            V(
                PPE,
                "1910.137(c)(2)(vii)",
                "Class 2 is the class the voltage requires, not one higher, and tying in a "
                "conductor is not small-parts work; (c)(2)(vii)(C) does not apply.",
            ),
        ),
        (
            "At pole 115 a lineman wore Class 3 gloves without protectors to set small cotter keys on the 12.47 kV "
            "phase; your written assessment finds little risk of physical damage for that task.",
            R(
                PPE,
                "1910.137(c)(2)(vii)",
                "(c)(2)(vii)(C): one class higher than required (Class 3 over Class 2), "
                "small parts, and the employer shows damage is unlikely.",
            ),
        ),
        (
            "The same Class 3 pair was back in use the next day without a retest.",
            V(
                PPE,
                "1910.137(c)(2)(vii)",
                "(c)(2)(vii)(D): gloves used without protectors are retested before reuse "
                "(Table I-5 says the same).",
            ),
        ),
        (
            "A spare pair of Class 2 gloves in the truck bin, still sealed and never issued, was last tested 9 months "
            "ago; it is out of date.",
            R(
                PPE,
                "Table I-5",
                "Footnote (1) of Table I-5: unissued equipment may be placed in service if tested "
                "within the previous 12 months; the 6-month interval runs from issue.",
            ),
        ),
        (
            "Crew members wore poly-blend shirts under their rain gear instead of arc-rated clothing.",
            N("Arc-flash clothing (1910.269(l)(8)) is not in this library."),
        ),
        (
            "Overall the crew's rubber gloves looked worn and should be replaced.",
            N("Qualitative; no defect of (c)(2)(iii) is named, so the library cannot decide it."),
        ),
    ],
)


def audit_a3(path):
    a, m = A3, A3["metadata"]
    pdf = Doc("", "Cascade Valley Public Utility District No. 4 - 2200 Riverfront Way, Wenatchee WA")
    pdf.add_page()
    pdf.line_text("CASCADE VALLEY PUBLIC UTILITY DISTRICT", 13, "B", h=7)
    pdf.line_text("Construction Quality Assurance", 10)
    pdf.ln(4)
    pdf.para("November 21, 2025")
    pdf.para(
        f"{m['contractor']}\nAttn: {m['foreman']}, General Foreman\n1140 Industrial Pkwy, East Wenatchee WA"
    )
    pdf.para(
        f"Re: QA field visit of November 20, 2025 - PM {m['pm_number']}, Notification {m['notification_number']}"
        f" - {m['location']}",
        style="B",
    )
    pdf.para(f"Dear {m['foreman'].split()[0]},")
    pdf.para(
        "Thank you for hosting me on the underbuild job. Most of the rubber-goods practices I saw were sound: "
        "glove bags were on every truck and the cover-up was tested and dated. The following items are "
        "go-backs and need a written response before the next crew day:"
    )
    for i, (t, _) in enumerate(a["items"], 1):
        pdf.ensure(14)
        pdf.para(f"{i}. {t}", indent=4)
    pdf.para("Please confirm the corrections by e-mail with the glove serial numbers and test dates.")
    pdf.para(f"Sincerely,\n\n{m['auditor']}\nQA Inspector, Cascade Valley PUD")
    pdf.output(path)


# ---- A4: Finding / Corrective action form (live-line tools) ----------------------------------------
A4 = dict(
    file="audits/FC-4-finding-corrective-action-form.pdf",
    metadata=dict(
        pm_number="35403652",
        notification_number="121205618",
        location="Cascade Valley PUD - Chelan Falls substation exit, 12.47 kV feeders 3 and 4, poles 1-19",
        contractor="Columbia Basin Power Services",
        foreman="Trent Okafor",
        auditor="Helen Voss",
        audit_date="2025-12-03",
        score="84.62% (110/130)",
    ),
    # (location, finding, corrective action, label)
    blocks=[
        (
            "Truck 7",
            "FRP hot sticks in the truck's tool tube were not wiped down or looked over before the crew "
            "began work this morning.",
            "Wipe and inspect every stick daily before use.",
            V(
                OSHA,
                "1910.269(j)(2)",
                "(j)(2)(i): each tool is wiped clean and visually inspected before use each day.",
            ),
        ),
        (
            "Pole 7",
            "Insulated link stick with a crack and carbon tracking along the fiberglass was still on the "
            "truck and used on pole 7.",
            "Tag out and send to the shop.",
            V(
                OSHA,
                "1910.269(j)(2)",
                "(j)(2)(ii): a tool with a defect left after wiping is removed from service.",
            ),
        ),
        (
            "Tool records",
            "Hot sticks last sent for examination and testing 18 months ago; per 1910.269(j) they must "
            "be retested annually.",
            "Send all sticks to the shop now.",
            R(OSHA, "1910.269(j)(2)", "(j)(2)(iii): the interval is 2 years; 18 months is within it."),
        ),
        (
            "Tool records",
            "FRP rod-type tie stick examined at the shop in October, found free of defects, not "
            "electrically tested; the shop record documents the no-defect finding.",
            "Have the stick tested.",
            R(
                OSHA,
                "1910.269(j)(2)",
                "(j)(2)(iii)(C)(2): FRP rod tools need no test after an examination without "
                "repair when the employer demonstrates no defects.",
            ),
        ),
        (
            "Tool records",
            "Wood switch stick examined at the shop, not repaired or refinished, and returned to "
            "service without an electrical test.",
            "Test at the shop before reuse.",
            V(
                OSHA,
                "1910.269(j)(2)",
                "(j)(2)(iii)(C)(2): the no-test exception covers only FRP rod and foam-filled "
                "FRP tube; a wood tool is tested.",
            ),
        ),
        (
            "Truck 7",
            "New fiberglass extension stick has no record of a 100,000 V/ft test; the maker's certificate "
            "states the rod meets ASTM F711.",
            "Obtain the 100,000 V/ft test report.",
            R(
                OSHA,
                "1910.269(j)(1)",
                "Note to (j)(1)(i): rod and tube meeting ASTM F711 are deemed to comply with (j)(1).",
            ),
        ),
        (
            "Glove records",
            "Glove retest record: lineman P. Hale's Class 2 gloves were retested at 17,000 V ac.",
            "Retest at the proper voltage.",
            V(
                PPE,
                "Table I-4",
                "Class 2 retest voltage is 20,000 V ac; 17,000 V is its maximum use voltage.",
            ),
        ),
        (
            "Pole 12",
            "Grounding set ferrules loose on the pole 12 jumpers.",
            "Replace the ferrules.",
            N("Protective grounding equipment (1910.269(n)) is not in this library."),
        ),
        (
            "Pole 15",
            "Rubber insulating covers in the pole 15 cover-up have no test date.",
            "Test and date the covers.",
            R(
                PPE,
                "Table I-5",
                "Covers are tested only when their insulating value is suspect and after repair; no "
                "periodic date is required.",
            ),
        ),
        (
            "Truck 7",
            "Bucket truck boom dielectric test sticker expired.",
            "Test the boom.",
            N("Aerial-lift boom testing is not in this library."),
        ),
    ],
)


def audit_a4(path):
    a, m = A4, A4["metadata"]
    pdf = Doc(
        "Columbia Basin Power Services / Cascade Valley PUD - QA Inspection Form QI-4",
        "QI-4 Finding and Corrective Action Record",
    )
    pdf.add_page()
    pdf.line_text("QA INSPECTION - FINDINGS AND CORRECTIVE ACTIONS", 13, "B", h=7)
    pdf.grid(
        ["PM Number", "Notification", "Audit Date", "Score"],
        [[m["pm_number"], m["notification_number"], "December 3, 2025", m["score"]]],
        (40, 40, 46, 54),
    )
    pdf.grid(
        ["Location", "Contractor", "Foreman", "Auditor"],
        [[m["location"], m["contractor"], m["foreman"], m["auditor"]]],
        (70, 45, 32, 33),
    )
    for i, (loc, f, ca, _) in enumerate(a["blocks"], 1):
        pdf.ensure(26)
        pdf.band(f"Item {i} - {loc}", size=10)
        pdf.para(f"**Finding:** {f}", markdown=True)
        pdf.para(f"**Corrective action:** {ca}", markdown=True)
    pdf.para("Items reviewed with the foreman on site. Responses due within 10 days.", size=9)
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/CFR-1910.137-Electrical-Protective-Equipment-excerpt.pdf",
        PPE,
        "29 CFR 1910.137 Electrical protective equipment: (a)(1), (c)(1), (c)(2)(i)-(iii), (vii)-(viii), Tables I-4 "
        "and I-5 (excerpt)",
        "Revised as of July 1, 2024 (final rule of April 11, 2014, 79 FR 20316)",
        spec_ppe,
    ),
    (
        "specs/CFR-1910.269-Live-Line-Tools-Tree-Trimming-excerpt.pdf",
        OSHA,
        "29 CFR 1910.269 Electric power generation, transmission, and distribution: (j) live-line tools, (r)(1) "
        "line-clearance tree trimming, (x) definition (excerpt)",
        "Revised as of July 1, 2024 (final rule of April 11, 2014, 79 FR 20316)",
        spec_osha,
    ),
]
AUDITS = [(A1, audit_a1), (A2, audit_a2), (A3, audit_a3), (A4, audit_a4)]


def labelled(a):
    if a is A1:
        return [(r[2], r[4]) for r in a["rows"]]
    if a is A2:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    if a is A3:
        return a["items"]
    return [(b[1], b[3]) for b in a["blocks"]]


def expected():
    out = {
        "name": "realtext-osha3",
        "organization": "Rubber insulating equipment, live-line tools and line-clearance tree trimming (fictional audits)",
        "note": (
            "Blind corpus written from 29 CFR 1910.137 and 1910.269 (j), (r)(1) and (x) text read through the search "
            "tool's stored pages (several through identical state-plan text); wording condensed, and what was "
            "restated rather than read is listed in the README. Labels by hand from the clause text, without reading "
            "the product code. 'why' is ignored by score.py. audit_date values are ISO; FT-1 prints 11/06/2025, "
            "CL-2 'Nov 13, 2025', LT-3 'November 20, 2025' (letter dated November 21), FC-4 'December 3, 2025'."
        ),
        "specs": [dict(file=f, document=d, title=t, revision=r) for f, d, t, r, _ in SPECS],
        "audits": [],
    }
    for a, _ in AUDITS:
        infr = [dict(text=t, verdict=v, document=d, section=s, why=w) for t, (v, d, s, w) in labelled(a)]
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
            if doc == PPE:
                on = [i + 1 for i, p in enumerate(pages) if _norm(I4_HEAD) in _norm(p)]
                print(f"Table I-4 header {I4_HEAD!r} on pages {on}")
                if len(on) < 2:
                    print("Table I-4 does not repeat its header on a second page")
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
