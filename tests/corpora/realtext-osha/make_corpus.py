#!/usr/bin/env python3
"""Build the realtext-osha evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Work on or near energized distribution lines and joint-use communication attachments: a library restating
OSHA 29 CFR 1910.269 (paragraphs (l), (n), (p), (q), (x), Tables R-5, R-6 and R-9, Appendix D) and CPUC
General Order 95 Sections VIII and IX (communication lines, joint poles), plus four fictional QA audits.

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>",
that Table R-6 repeats its header row on a second page, that the PM and notification numbers and every
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
FIXED_DATE = datetime.datetime(2025, 9, 1, 8, 0, 0, tzinfo=datetime.UTC)

# Characters outside latin-1 are replaced before anything is written.
_REPL = {
    "\u2013": "-",
    "\u2014": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2032": "ft",
    "\u2033": "in",
    "\u00b0": " degrees",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2022": "-",
}


def clean(t):
    for k, v in _REPL.items():
        t = t.replace(k, v)
    t.encode("latin-1")  # raises if anything is left
    return t


# --------------------------------------------------------------------------------------------------
# PDF base (layout helpers follow realtext-ug/make_corpus.py)
# --------------------------------------------------------------------------------------------------
class Doc(FPDF):
    def __init__(self, head, foot):
        super().__init__(format="letter", unit="mm")
        self.head, self.foot = clean(head), clean(foot)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(FIXED_DATE)
        self.set_creator("realtext-osha make_corpus.py")
        self.set_producer("fpdf2")
        self.alias_nb_pages()

    def header(self):
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

    # text helpers -------------------------------------------------------------------------------
    def line_text(self, text, size=9.5, style="", h=5, align="L"):
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, h, clean(text), align=align, new_x="LMARGIN", new_y="NEXT")

    def para(self, text, size=9.5, h=4.8, gap=1.6, indent=0, markdown=False):
        self.set_font("Helvetica", "", size)
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
        """Start a new page unless `space` mm are left above the bottom margin."""
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
        """Section band (e.g. 'Section VIII - Communication Lines')."""
        if self.get_y() > self.h - 50:
            self.add_page()
        self.ln(2)
        self.set_font("Helvetica", "B", size)
        self.set_fill_color(235, 235, 235)
        self.multi_cell(0, 6.5, clean(text), fill=True, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def grid(self, headers, rows, widths, size=8.5, header_fill=(225, 225, 225), align=None):
        self.set_font("Helvetica", "", size)
        style = FontFace(emphasis="BOLD", fill_color=header_fill)
        with self.table(
            col_widths=widths,
            headings_style=style,
            line_height=4.4,
            text_align=align or "LEFT",
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


# --------------------------------------------------------------------------------------------------
# Specs
# --------------------------------------------------------------------------------------------------
DISCLAIMER = (
    "This library copy restates the substance of the listed provisions. Paragraph and rule numbers, table "
    "rows, values, exceptions and notes follow the pages read; the wording is condensed. Text in square "
    "brackets is the library's own. Where this copy and the official text differ, the official text governs."
)


def title_block(pdf, top, lines, doc_id, revision, effective, contents, extra=None):
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
    if extra:
        pdf.multi_cell(0, 5, clean(extra), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.para(DISCLAIMER, size=8.5, h=4.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(3)


def note(pdf, text):
    pdf.para(text, size=8.5, h=4.2, gap=1.2)


def sub(pdf, text):
    """An indented lettered or numbered sub-paragraph of the clause above."""
    pdf.para(text, indent=5, gap=1.0)


OSHA = "1910.269"
GO95 = "GO-95-Sections-VIII-IX"
R6_HEAD = "Distance, phase-to-ground exposure"


def spec_1910_269(path):
    doc = OSHA
    pdf = Doc(
        f"29 CFR 1910.269 - Electric Power Generation, Transmission, and Distribution - Document {doc}",
        f"{doc}   Library revision 1   Wording condensed; the Code of Federal Regulations governs",
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
            "Final rule of April 11, 2014 (79 FR 20316), as corrected September 24, 2014 (79 FR 56955); "
            "paragraph labels in the osha.gov form, e.g. 1910.269(n)(4).",
        ],
        doc,
        "Library revision 1",
        "2014-07-10",
        "1910.269(a)(1); (l)(1), (l)(2), (l)(3) with Tables R-5, R-6 and R-9; (n)(2) to (n)(6); (p)(4); "
        "(q)(1); (x) selected definitions; Appendix D (nonmandatory, selected)",
    )

    pdf.band("1910.269(a) General")
    pdf.heading("1910.269(a)(1)", "Application")
    pdf.para(
        "(i) The section covers the operation and maintenance of electric power generation, control, "
        "transformation, transmission and distribution lines and equipment, including: (A) generation, "
        "transmission and distribution installations, with related communication or metering equipment, that "
        "only qualified employees can reach; (D) work on or directly associated with those installations; and "
        "(E) line-clearance tree trimming done for the organization that operates the lines. [Items (B), (C) "
        "and the rest of paragraph (a) are not reproduced.]"
    )

    # ---- (l) -------------------------------------------------------------------------------------
    pdf.band("1910.269(l) Working on or near exposed energized parts")
    pdf.para(
        "Paragraph (l) applies to work on exposed live parts, or near enough to them to expose the employee to "
        "any hazard they present."
    )
    pdf.heading("1910.269(l)(1)", "General")
    sub(
        pdf, "(i) Only qualified employees may work on or with exposed energized lines or parts of equipment."
    )
    sub(
        pdf,
        "(ii) Only qualified employees may work in areas containing unguarded, uninsulated energized lines or "
        "parts of equipment operating at 50 volts or more. Lines and equipment are to be treated as energized "
        "unless they have been deenergized under paragraph (m). [Paragraph (m) is not reproduced.]",
    )
    pdf.heading("1910.269(l)(2)", "At least two employees")
    sub(
        pdf,
        "(i) Except as (l)(2)(ii) provides, at least two employees shall be present while any employee performs "
        "any of the following: (A) installing, removing or repairing lines energized at more than 600 volts; "
        "(B) installing, removing or repairing deenergized lines where an employee is exposed to contact with "
        "other parts energized at more than 600 volts; (C) installing, removing or repairing equipment, such as "
        "transformers, capacitors and regulators, where an employee is exposed to contact with parts energized "
        "at more than 600 volts; (D) work with mechanical equipment, other than insulated aerial lifts, near "
        "parts energized at more than 600 volts; (E) other work exposing an employee to electrical hazards equal "
        "to or greater than those of (A) to (D).",
    )
    sub(
        pdf,
        "(ii) Paragraph (l)(2)(i) does not apply to: (A) routine circuit switching, where the employer can "
        "demonstrate that conditions at the site allow the work to be done safely; (B) work with live-line "
        "tools where the employee is positioned so that he or she is neither within reach of, nor otherwise "
        "exposed to contact with, energized parts; (C) emergency repairs, to the extent necessary to safeguard "
        "the general public.",
    )
    pdf.heading("1910.269(l)(3)", "Minimum approach distances")
    sub(
        pdf,
        "(i) The employer shall establish minimum approach distances no smaller than those computed by Table "
        "R-3 for ac systems or Table R-8 for dc systems. [Tables R-3, R-4, R-7 and R-8 are not reproduced. "
        "Footnote 1 to Table R-3 lets the employer use the distances of Table R-6 for voltages of 72.5 kV and "
        "less, subject to footnote 1 to Table R-6 for work sites above 900 m (3,000 ft). This library treats "
        "Table R-6 as the established distance for every line in this excerpt.]",
    )
    sub(
        pdf,
        "(ii) For voltages over 72.5 kV, the employer shall determine the maximum anticipated per-unit transient "
        "overvoltage, phase-to-ground, by an engineering analysis, or shall assume the values of Table R-9.",
    )
    sub(
        pdf,
        "(iii) The employer shall ensure that no employee approaches, or takes any conductive object, closer to "
        "exposed energized parts than the employer's established minimum approach distance, unless: (A) the "
        "employee is insulated from the energized part - rubber insulating gloves, or rubber insulating gloves "
        "and sleeves, worn under paragraph (l)(4) insulate the employee from the energized part on which he or "
        "she is working, provided the employee controls that part well enough that no uninsulated portion of "
        "the body is exposed; or (B) the energized part is insulated from the employee and from any other "
        "conductive object at a different potential; or (C) the employee is insulated from any other exposed "
        "conductive object, as in live-line barehand work under paragraph (q)(3). [Paragraphs (l)(4) and (q)(3) "
        "are not reproduced.]",
    )
    note(
        pdf,
        "[Rubber insulating gloves and sleeves insulate the employee only with regard to the part being worked "
        "on. Another energized part within the minimum approach distance must itself be insulated, covered or "
        "guarded, or the distance must be kept from it.]",
    )

    pdf.heading("Table R-9", "Assumed Maximum Per-Unit Transient Overvoltage")
    pdf.grid(
        ["Voltage range (kV), phase-to-phase", "Assumed maximum per-unit transient overvoltage"],
        [["72.6 to 420.0", "3.5"], ["420.1 to 550.0", "3.0"], ["550.1 to 800.0", "2.5"]],
        (70, 110),
    )
    note(pdf, "[Table R-9 applies only above 72.5 kV; no line in this excerpt exceeds 72.5 kV.]")

    pdf.heading("Appendix B, II.D", "Types of Exposures [reprinted from nonmandatory Appendix B]")
    pdf.para(
        "Employees working on or near energized generation, transmission and distribution systems face two "
        "kinds of exposure. The exposure is phase-to-ground (1) with respect to an energized part, when the "
        "employee is at ground potential, or (2) with respect to ground, when the employee is at the potential "
        "of the energized part during live-line barehand work. The exposure is phase-to-phase, with respect to "
        "an energized part, when the employee is at the potential of another energized part (at a different "
        "potential) during live-line barehand work. [The rest of Appendix B is not reproduced.]"
    )
    pdf.heading("Table R-6", "AC Live-Line Work Minimum Approach Distance, 72.5 kV and Less")
    pdf.para(
        "Distances from the employee (or any conductive object the employee holds) to the exposed energized "
        "part. Rows are chosen by the nominal phase-to-phase voltage of the system, subject to footnote 2; "
        "columns by the type of exposure (Appendix B, II.D).",
        size=9,
    )
    pdf.grid(
        [
            "Row",
            "Nominal voltage (kV), phase-to-phase",
            R6_HEAD + ", m (ft)",
            "Distance, phase-to-phase exposure, m (ft)",
        ],
        [
            ["1", "0.050 to 0.300", "Avoid contact", "Avoid contact"],
            ["2", "0.301 to 0.750", "0.33 (1.09)", "0.33 (1.09)"],
            ["3", "0.751 to 5.0", "0.63 (2.07)", "0.63 (2.07)"],
            ["4", "5.1 to 15.0", "0.65 (2.14)", "0.68 (2.24)"],
            ["5", "15.1 to 36.0", "0.77 (2.53)", "0.89 (2.92)"],
            ["6", "36.1 to 46.0", "0.84 (2.76)", "0.99 (3.25)"],
            ["7", "46.1 to 72.5", "1.00 (3.29)", "1.20 (3.94)"],
        ],
        (14, 50, 58, 58),
        size=9,
    )
    note(
        pdf,
        "Footnote 1: the employer may use these distances only where the work site is at an elevation of 900 m "
        "(3,000 ft) or less. For work more than 900 m (3,000 ft) above mean sea level, the employer determines "
        "the minimum approach distances by multiplying the distances in this table by the Table R-5 correction "
        "factor for the altitude of the work.",
    )
    note(pdf, "Footnote 2: for single-phase systems, use the voltage to ground.")
    note(pdf, "[The row numbers are the library's; the regulation lists the rows without numbers.]")

    pdf.heading("Table R-5", "Altitude Correction Factor")
    pdf.para(
        "The distances of Table R-6 apply at work sites at or below 900 m (3,000 ft) above mean sea level. "
        "Above that elevation the employer multiplies each Table R-6 distance by the factor below for the "
        "altitude of the work.",
        size=9,
    )
    pdf.grid(
        ["Altitude above sea level (m)", "Altitude above sea level (ft)", "Correction factor"],
        [
            ["900", "3,000", "1.00"],
            ["1,200", "4,000", "1.02"],
            ["1,500", "5,000", "1.05"],
            ["1,800", "6,000", "1.08"],
            ["2,100", "7,000", "1.11"],
            ["2,400", "8,000", "1.14"],
            ["2,700", "9,000", "1.17"],
            ["3,000", "10,000", "1.20"],
            ["3,600", "12,000", "1.25"],
            ["4,200", "14,000", "1.30"],
            ["4,800", "16,000", "1.35"],
            ["5,400", "18,000", "1.39"],
            ["6,000", "20,000", "1.44"],
        ],
        (60, 60, 60),
    )

    # ---- (n) -------------------------------------------------------------------------------------
    pdf.band("1910.269(n) Grounding for the protection of employees")
    pdf.para(
        "Paragraph (n) applies to grounding generation, transmission and distribution lines and equipment to "
        "protect employees. [Paragraph (n)(1) is summarized; (n)(7) to (n)(9) are not reproduced.]"
    )
    pdf.heading("1910.269(n)(2)", "General")
    pdf.para(
        "For employees to work lines or equipment as deenergized, the employer shall ensure that the lines or "
        "equipment are deenergized under paragraph (m) and grounded as paragraphs (n)(3) to (n)(9) specify. "
        "However, if the employer can demonstrate that installing a ground is impracticable, or that the "
        "conditions resulting from installing it would present greater hazards than working without grounds, "
        "the lines and equipment may be treated as deenergized provided all of the following are met:"
    )
    sub(pdf, "(i) the lines and equipment have been deenergized under paragraph (m);")
    sub(pdf, "(ii) there is no possibility of contact with another energized source; and")
    sub(pdf, "(iii) the hazard of induced voltage is not present.")
    pdf.heading("1910.269(n)(3)", "Equipotential zone")
    pdf.para(
        "Temporary protective grounds shall be placed at such locations, and arranged in such a manner, that "
        "the employer can demonstrate they will prevent each employee from being exposed to hazardous "
        "differences in electric potential. [Appendix C, which describes methods, is not reproduced.]"
    )
    pdf.heading("1910.269(n)(4)", "Protective grounding equipment")
    sub(
        pdf,
        "(i) Protective grounding equipment shall be able to conduct the maximum fault current that could flow "
        "at the point of grounding for the time needed to clear the fault.",
    )
    sub(
        pdf,
        "(ii) Protective grounding equipment shall have an ampacity greater than or equal to that of No. 2 AWG "
        "copper.",
    )
    sub(
        pdf,
        "(iii) Protective grounds shall have an impedance low enough that they do not delay the operation of "
        "protective devices if the lines or equipment are accidentally energized.",
    )
    note(
        pdf,
        "[AWG sizes run backwards: No. 4 AWG is smaller than No. 2 AWG; 1/0, 2/0 and 4/0 AWG are larger.]",
    )
    pdf.heading("1910.269(n)(5)", "Testing")
    pdf.para(
        "Unless a previously installed ground is present, the employer shall ensure that employees test lines "
        "and equipment and verify the absence of nominal voltage before installing any ground on them."
    )
    pdf.heading("1910.269(n)(6)", "Connecting and removing grounds")
    sub(
        pdf,
        "(i) When an employee attaches a ground to a line or to equipment, the ground-end connection is attached "
        "first, and the other end is then attached by means of a live-line tool. For lines or equipment "
        "operating at 600 volts or less, the employer may let the employee use insulating equipment other than a "
        "live-line tool if the employer ensures that the line or equipment is not energized when the ground is "
        "connected, or can demonstrate that each employee is protected from hazards that may develop if it is "
        "energized.",
    )
    sub(
        pdf,
        "(ii) When an employee removes a ground, the grounding device is first removed from the line or "
        "equipment by means of a live-line tool, and only then is the ground-end connection removed. The same "
        "600-volt allowance as in (n)(6)(i) applies.",
    )

    # ---- (p) -------------------------------------------------------------------------------------
    pdf.band("1910.269(p) Mechanical equipment")
    pdf.para("[Paragraphs (p)(1) to (p)(3) are not reproduced.]", size=9)
    pdf.heading("1910.269(p)(4)", "Operations near energized lines or equipment")
    sub(
        pdf,
        "(i) Mechanical equipment shall be operated so that the minimum approach distances of Tables R-3 "
        "through R-8 (for this library, Table R-6) are maintained from exposed energized lines and equipment. "
        "However, the insulated portion of an aerial lift operated by a qualified employee in the lift is exempt "
        "from this requirement if the applicable minimum approach distance is maintained between the uninsulated "
        "portions of the aerial lift and exposed objects having a different electrical potential.",
    )
    sub(
        pdf,
        "(ii) A designated employee other than the equipment operator shall observe the approach distance to "
        "exposed lines and equipment and give timely warnings before the minimum approach distance of (p)(4)(i) "
        "is reached, unless the employer can demonstrate that the operator can accurately determine that the "
        "minimum approach distance is being maintained.",
    )
    sub(
        pdf,
        "(iii) If, during operation, the mechanical equipment could become energized, the operation shall also "
        "comply with at least one of the following: (A) the energized lines or equipment exposed to contact are "
        "covered with insulating protective material that will withstand the type of contact that could be made "
        "during the operation; (B) the mechanical equipment is insulated for the voltage involved and is "
        "positioned so that its uninsulated portions cannot approach the energized lines or equipment any closer "
        "than the minimum approach distance; (C) each employee is protected from hazards that could arise from "
        "contact of the equipment with energized lines or equipment, by means such as using the best available "
        "ground to minimize the time the lines remain energized, bonding equipment together to minimize "
        "potential differences, providing ground mats to extend areas of equipotential, and employing "
        "insulating protective equipment or barricades against any remaining hazardous potential differences.",
    )

    # ---- (q) -------------------------------------------------------------------------------------
    pdf.band("1910.269(q) Overhead lines and live-line barehand work")
    pdf.heading("1910.269(q)(1)", "General")
    sub(
        pdf,
        "(i) Load-bearing ability: before employees subject elevated structures, such as poles or towers, to the "
        "stresses of climbing or of installing or removing equipment, the employer shall ascertain that the "
        "structures can sustain the additional or unbalanced stresses. If a pole or other structure cannot "
        "withstand the expected loads, the employer shall brace or otherwise support it so that it does not "
        "fail. [Note: Appendix D contains methods of inspecting and testing wood poles.]",
    )
    sub(
        pdf,
        "(ii) When a pole is set, moved or removed near exposed energized overhead conductors, the pole may not "
        "contact the conductors.",
    )
    sub(
        pdf,
        "(iii) When a pole is set, moved or removed near exposed energized overhead conductors, the employer "
        "shall ensure that each employee handling the pole wears electrical protective equipment or uses "
        "insulated devices, and that no employee contacts the pole with uninsulated parts of his or her body.",
    )
    sub(
        pdf,
        "(iv) To protect employees from falling into holes used for placing poles, the employer shall physically "
        "guard the holes, or ensure that employees attend the holes, whenever anyone is working nearby.",
    )
    note(pdf, "[Paragraphs (q)(2) to (q)(4) are not reproduced.]")

    # ---- (x) -------------------------------------------------------------------------------------
    pdf.band("1910.269(x) Definitions (selected)")
    for term, text in (
        (
            "Designated employee (designated person)",
            "an employee (or person) whom the employer assigns to perform specific duties under this section and "
            "who knows enough about the construction and operation of the equipment, and the hazards involved, "
            "to perform them.",
        ),
        ("Exposed", "not isolated or guarded."),
        (
            "Guarded",
            "covered, fenced, enclosed or otherwise protected by suitable covers or casings, barrier rails or "
            "screens, mats or platforms, designed to minimize the possibility, under normal conditions, of "
            "dangerous approach or inadvertent contact by persons or objects.",
        ),
        (
            "Insulated",
            "separated from other conducting surfaces by a dielectric (including air space) offering a high "
            "resistance to the passage of current.",
        ),
        (
            "Minimum approach distance",
            "the closest distance an employee may approach an energized or a grounded object.",
        ),
        (
            "Qualified employee (qualified person)",
            "an employee (person) knowledgeable in the construction and operation of the electric power "
            "generation, transmission and distribution equipment involved, and in the associated hazards.",
        ),
    ):
        pdf.para(f"**{term}** - {text}", markdown=True, gap=1.0)

    # ---- Appendix D ------------------------------------------------------------------------------
    pdf.band("Appendix D to 1910.269 - Methods of Inspecting and Testing Wood Poles (nonmandatory)")
    pdf.heading("Appendix D", "I. Introduction and II. Inspecting Wood Poles (selected)")
    pdf.para(
        "Before an employee climbs a wood pole, the employer is to determine that the pole can sustain the "
        "stresses of the work; that determination includes an inspection of the pole's condition. If the "
        "employer finds the pole unsafe to climb or to work from, the employer must secure it so that it does "
        "not fail while an employee is on it - by a line truck boom, by ropes or guys, or by lashing a new pole "
        "alongside. If a new pole is lashed alongside the defective one, employees should work from the new "
        "pole."
    )
    pdf.para(
        "A qualified employee should inspect wood poles for: A. general condition (buckling at the ground line "
        "or an unusual angle may indicate rot or a break); B. cracks (horizontal cracks across the grain may "
        "weaken the pole); C. holes (hollow spots and woodpecker holes reduce strength); D. shell rot and decay; "
        "E. knots; F. depth of setting. [The rest of Appendix D, including the test methods, is not "
        "reproduced.]"
    )
    note(
        pdf,
        "[Appendix D is nonmandatory: its 'should' statements are recommendations. The mandatory duty is "
        "paragraph (q)(1)(i).]",
    )
    pdf.output(path)


def spec_go95(path):
    doc = GO95
    pdf = Doc(
        f"General Order 95 - Overhead Electric Line Construction - Sections VIII and IX - Document {doc}",
        f"{doc}   Library revision 1   Wording condensed; the General Order governs",
    )
    title_block(
        pdf,
        [
            ("State of California - Public Utilities Commission", 10),
            ("General Order No. 95", 14),
            ("Rules for Overhead Electric Line Construction", 11),
        ],
        [
            "Section VIII: Detailed Construction Requirements for Communication Lines (Class C Circuits); "
            "Section IX: Joint Poles or Poles Jointly Used (excerpt)",
            "Current text except where a rule heading says Original GO 95 text.",
        ],
        doc,
        "Library revision 1",
        "2025-09-01",
        "Rule 22.2 (Original text, reprinted); Rules 86.2 (Original text), 87.5, 87.7 (A to D), 89.4; Rules 90, "
        "91.3 (Original text), 92 (index)",
    )
    pdf.band("Section II - Definitions (reprinted for reference)")
    pdf.heading("22.2", "Protective Covering, Suitable [Original GO 95 text]")
    pdf.para(
        "A covering of wood or other material having the electrical insulating efficiency and mechanical "
        "strength of redwood of the thickness the rule states [the thickness did not render on the page read], "
        "or hardwood moulding (oak or rock elm) three-eighths of an inch thick, or of the cross section shown in "
        "Appendix G, Figure 81, or as otherwise authorized. Impregnated fiber conduit with a wall at least 1/4 "
        "in thick, installed over metal conduit in a workmanlike manner (Appendix G, Figure 82), meets this "
        "definition. [Appendix G is not reproduced.]"
    )

    pdf.band("Section VIII - Detailed Construction Requirements for Communication Lines (Class C Circuits)")
    pdf.heading("86.2", "Guys - Use [Original GO 95 text]")
    pdf.para(
        "Where the mechanical loads on poles, towers or structures are greater than they can carry with the "
        "safety factors of Rule 44, additional strength shall be provided by guys or other suitable "
        "construction. Where guys are used with poles or similar structures that can deflect considerably "
        "before failure, the guys shall be able to carry the entire stress, the pole below the guy attachment "
        "acting merely as a strut. Guys shall be attached to structures as nearly as practicable at the center "
        "of load, and shall be kept taut and strong enough to meet the safety factors of Rule 44. [Rule 44 is "
        "not reproduced.]"
    )
    pdf.heading("87.5", "Messengers - Fastenings")
    pdf.para(
        "Messenger fastenings shall meet the safety factors of Rule 44. The fastenings or attachments by which "
        "messengers are dead-ended shall have a strength at least equal to that of the strand to which they "
        "are attached."
    )
    pdf.heading("87.7", "Covering or Guarding")
    sub(
        pdf,
        "A. Vertical and lateral cables: see Rules 84.6-C, D and E for covering or protecting vertical and "
        "lateral cables attached to the surface of poles, crossarms or structures. [Rule 84.6 is not "
        "reproduced.]",
    )
    sub(
        pdf,
        "B. Longitudinal aerial cables or messengers: where Rule 87.4-C3 requires a guard arm over longitudinal "
        "aerial cables or messengers, a guard arm at least 4 feet long shall be placed directly above them and "
        "as nearly parallel to them as practicable. Instead of the guard arm, a suitable wood covering of the "
        "length specified for guard arms may be placed around the cable and messenger. Double guard arms shall "
        "be installed above cables and messengers that are dead-ended on poles where Rule 87.4-C3 requires "
        "guard arms. No communication antenna, conductor, cable or messenger shall be supported on or attached "
        "to the top or side surface of any guard arm, except service drops and their vertical and lateral runs "
        "as Rules 84.6-C and 84.8-B2c permit. [Revised January 28, 2016 by Decision 16-01-046. Rules 87.4 "
        "(including 87.4-C3, which says when a guard arm is required) and 84.8 are not reproduced.]",
    )
    sub(pdf, "C. Crossing trolley lines: see Rule 87.4-B2. [Not reproduced.]")
    sub(
        pdf,
        "D. Risers - (1) Covered from ground level to 8 feet above the ground: risers shall be protected from "
        "the ground level to a level not less than 8 feet above the ground by: a) securely or effectively "
        "grounded iron or steel pipe (or another covering at least of equal strength) - where metallic-sheathed "
        "cable rising from underground non-metallic conduit is protected by metallic pipe or moulding, that pipe "
        "or moulding shall be effectively grounded as Rule 21.4-A specifies; or b) non-metallic conduit or rigid "
        "U-shaped moulding. [The remainder of b) and of Rule 87.7-D was not read and is not reproduced; Rule "
        "21.4-A is not reproduced.]",
    )
    pdf.heading("89.4", "Private Communication Circuits - Cables and Messengers")
    pdf.para(
        "Where private communication circuits are carried in cables, Rule 87 applies, except that such circuits "
        "may be carried in cables on crossarms that support supply conductors under Rule 89.2-A; those private "
        "communication cables must then meet Rule 57. [Rules 89.2-A and 57 are not reproduced.]"
    )

    pdf.band("Section IX - Joint Poles or Poles Jointly Used")
    pdf.heading("90", "General")
    pdf.para(
        "These rules cover certain details of construction on jointly used poles (see Rule 21.8). They add to "
        "the rules of other sections, which shall be followed in all respects except as modified here. They do "
        "not deal with the prevention or mitigation of inductive interference in communication lines from "
        "supply lines."
    )
    pdf.heading("91.3", "Stepping [Original GO 95 text]")
    pdf.para(
        "All jointly used poles that support supply conductors shall be provided with pole steps if vertical "
        "runs or risers of supply or communication conductors are attached to the surface of the pole."
    )
    sub(
        pdf,
        "Exception: jointly used poles carrying circuits operated by only one party need not be stepped, "
        "provided every vertical run or riser on the surface of the pole is covered by a suitable protective "
        "covering of wood (Rule 22.2) throughout its length above a point 8 feet from the ground line.",
    )
    sub(
        pdf,
        "The lowest step shall be not less than 7 feet 6 inches from the ground line. Above that point, steps on "
        "the same side of the pole shall be spaced not more than 36 inches apart, at least up to the height of "
        "the upper end of the topmost run or riser attached to the surface of the pole. Steps shall be placed so "
        "that the runs or risers do not interfere with their free use.",
    )
    note(
        pdf,
        "[The current Rule 91.3 was revised later (see the current text, including 91.3-B); this library "
        "restates the Original GO 95 text read.]",
    )
    pdf.heading("92", "Conductors, Cables and Messengers (index)")
    pdf.para(
        "The provisions of Rule 92 apply to conductors and cables on jointly used poles that support supply "
        "conductors: 92.1 Vertical Clearances; 92.2 Police and Fire Alarm Circuits; 92.3 Vertical Runs, Risers, "
        "Ground Wires and Hardware; 92.4 Grounding. [The text of 92.1 to 92.4 is not reproduced.]"
    )
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# Audits
# --------------------------------------------------------------------------------------------------
def header_block(pdf, pairs, cols=1, size=9.5, key_w=42):
    pdf.set_font("Helvetica", "", size)
    if cols == 1:
        for k, v in pairs:
            pdf.set_font("Helvetica", "B", size)
            pdf.cell(key_w, 5.2, clean(k))
            pdf.set_font("Helvetica", "", size)
            pdf.multi_cell(0, 5.2, clean(v), new_x="LMARGIN", new_y="NEXT")
    else:
        half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
        for i in range(0, len(pairs), 2):
            y = pdf.get_y()
            for j, (k, v) in enumerate(pairs[i : i + 2]):
                pdf.set_xy(pdf.l_margin + j * half, y)
                pdf.set_font("Helvetica", "B", size)
                pdf.cell(36, 5.4, clean(k))
                pdf.set_font("Helvetica", "", size)
                pdf.cell(half - 36, 5.4, clean(v))
            pdf.set_xy(pdf.l_margin, y + 5.4)
    pdf.ln(2)


# ---- O1: findings register (energized distribution work) -------------------------------------------
O1 = dict(
    file="audits/OS-1-energized-work-findings-register.pdf",
    metadata=dict(
        pm_number="35241176",
        notification_number="121033418",
        location="Cascade Valley Power - Ridge Road and Cedar Flat feeders, poles 4410 - 5130, Placer County",
        contractor="Summit Line Constructors, Inc.",
        foreman="Travis Holloway",
        auditor="Maria Esquivel",
        audit_date="2025-10-07",
        score="76.47% (130/170)",
    ),
    # (No., Location, Finding, Rule cited, Status, label or None)
    rows=[
        (
            "1",
            "P-4410",
            "Rubber insulating gloves on all crew members inside their test date; glove bags and protectors in "
            "use.",
            "(l)(4)",
            "Closed - compliant",
            None,
        ),
        (
            "2",
            "P-4417",
            "Apprentice's shoulder came within 2 ft 0 in of the energized 12.47 kV phase conductor while he "
            "worked without rubber gloves (phase-to-ground exposure).",
            "Table R-6",
            "Open",
            (
                "VALID",
                OSHA,
                "Table R-6",
                "Table R-6 row 4 (5.1 - 15.0 kV), phase-to-ground: 0.65 m (2.14 ft = 25.7 in); 24 in is short "
                "and the apprentice was not insulated ((l)(3)(iii)(A) does not apply).",
            ),
        ),
        (
            "3",
            "P-5120",
            "Crew kept 2 ft 4 in from the energized phase of the single-phase 14.4 kV lateral (one phase and "
            "neutral) tapped off the 24.9/14.4 kV feeder; auditor applied the 15.1 - 36.0 kV row (2.53 ft).",
            "Table R-6",
            "Open",
            (
                "REPEALABLE",
                OSHA,
                "Table R-6",
                "Table R-6 footnote 2: for single-phase systems use the voltage to ground, 14.4 kV, i.e. row 4 "
                "(2.14 ft = 25.7 in); 28 in complies. The 15.1 - 36.0 kV row is for the three-phase 24.9 kV feeder.",
            ),
        ),
        (
            "4",
            "P-5126",
            "On the three-phase 24.9 kV feeder a lineman without rubber gloves was measured 2 ft 4 in from the "
            "energized B phase (phase-to-ground exposure).",
            "Table R-6",
            "Open",
            (
                "VALID",
                OSHA,
                "Table R-6",
                "Three-phase 24.9 kV is row 5 (15.1 - 36.0 kV), phase-to-ground 0.77 m (2.53 ft = 30.4 in); "
                "28 in is short.",
            ),
        ),
        (
            "5",
            "34.5 kV crossing",
            "At the 34.5 kV sub-transmission crossing a groundman at ground potential was measured 2 ft 9 in "
            "from the energized conductor; auditor applied the phase-to-phase distance of 2.92 ft.",
            "Table R-6",
            "Open",
            (
                "REPEALABLE",
                OSHA,
                "Table R-6",
                "An employee at ground potential has a phase-to-ground exposure: row 5, 0.77 m (2.53 ft = "
                "30.4 in); 33 in complies. The 2.92 ft column is for phase-to-phase exposure.",
            ),
        ),
        (
            "6",
            "34.5 kV crossing",
            "Lineman bonded to the energized 34.5 kV A phase for live-line barehand work came within 2 ft 10 in "
            "of the energized B phase (phase-to-phase exposure).",
            "Table R-6",
            "Open",
            (
                "VALID",
                OSHA,
                "Table R-6",
                "Row 5, phase-to-phase exposure: 0.89 m (2.92 ft = 35.0 in); 34 in is short.",
            ),
        ),
        (
            "7",
            "Ridge Rd P-4422",
            "Ridge Road work site at elevation 8,000 ft: lineman without rubber gloves kept 2 ft 3 in from the "
            "energized 12.47 kV phase (phase-to-ground exposure).",
            "Table R-6",
            "Open",
            (
                "VALID",
                OSHA,
                "Table R-5",
                "Table R-6 footnote 1 and Table R-5: above 900 m (3,000 ft) multiply by the factor for 2,400 m "
                "(8,000 ft), 1.14; 2.14 ft x 1.14 = 2.44 ft (29.3 in). 27 in is short (it would pass at sea level).",
            ),
        ),
        (
            "8",
            "Cedar Flat P-4460",
            "Cedar Flat work site at elevation 2,900 ft: lineman kept 2 ft 3 in from the energized 12.47 kV "
            "phase (phase-to-ground exposure); auditor applied the Table R-5 altitude correction.",
            "Table R-5",
            "Open",
            (
                "REPEALABLE",
                OSHA,
                "Table R-6",
                "Table R-6 footnote 1: no correction at 900 m (3,000 ft) or less; row 4 phase-to-ground 2.14 ft "
                "(25.7 in); 27 in complies.",
            ),
        ),
        (
            "9",
            "P-4431",
            "Lineman wearing Class 2 rubber insulating gloves and sleeves rated for the voltage worked the "
            "energized 12.47 kV A phase directly from the bucket, holding the conductor in his gloved hands; "
            "auditor cites encroachment on the minimum approach distance.",
            "(l)(3)",
            "Open",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(l)(3)",
                "1910.269(l)(3)(iii)(A): gloves and sleeves worn under (l)(4) insulate the employee from the "
                "part on which he is working, provided he controls it; the distance rule does not apply to that part.",
            ),
        ),
        (
            "10",
            "P-4431",
            "While working the A phase in rubber gloves (no sleeves), the same lineman's bare upper arm came "
            "within 1 ft 2 in of the energized B phase, which had no cover-up.",
            "(l)(3)",
            "Open",
            (
                "VALID",
                OSHA,
                "1910.269(l)(3)",
                "1910.269(l)(3)(iii)(A) insulates only with regard to the part being worked; the B phase was "
                "neither insulated nor covered, and 14 in is inside the 2.14 ft distance.",
            ),
        ),
        (
            "11",
            "P-4436",
            "One lineman, alone on site, installed a new transformer on the energized 12.47 kV line from his "
            "bucket.",
            "(l)(2)",
            "Open",
            (
                "VALID",
                OSHA,
                "1910.269(l)(2)",
                "1910.269(l)(2)(i)(C): installing equipment such as transformers with exposure to parts above "
                "600 V needs at least two employees present; none of the (l)(2)(ii) exceptions applies.",
            ),
        ),
        (
            "12",
            "P-4440",
            "After a vehicle struck pole 4440 and brought an energized 7.2 kV conductor down across Oak Street, "
            "the troubleman, alone, opened the cutout and cut the conductor clear of the roadway before the crew "
            "arrived; auditor cites the two-employee rule.",
            "(l)(2)",
            "Open",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(l)(2)",
                "1910.269(l)(2)(ii)(C): the two-employee rule does not apply to emergency repairs to the extent "
                "necessary to safeguard the general public.",
            ),
        ),
        (
            "13",
            "212 Pine St",
            "One lineman alone reconnected the energized 120/240 V service drop at the weatherhead of 212 Pine "
            "St; auditor cites the two-employee requirement.",
            "(l)(2)",
            "Open",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(l)(2)",
                "1910.269(l)(2)(i)(A) applies to lines energized at more than 600 volts; a 120/240 V service is "
                "below that.",
            ),
        ),
        (
            "14",
            "P-4452",
            "Lineman appeared to be closer than the minimum approach distance to the energized 12.47 kV phase "
            "while tying in the jumper; the distance was not measured.",
            "(l)(3)",
            "Open",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "No distance and no exposure type are recorded, so Table R-6 cannot be applied.",
            ),
        ),
        (
            "15",
            "P-4452",
            "Cover-up (line hose) on the B and C phases installed before the jumper work began.",
            "(l)(3)",
            "Closed - compliant",
            None,
        ),
    ],
)


def audit_o1(path):
    a = O1
    m = a["metadata"]
    pdf = Doc(
        "Cascade Valley Power - Distribution Construction QA - Findings Register",
        "Form QA-OH-11 (Rev 2)   Retain with job package",
    )
    pdf.add_page()
    pdf.line_text("OVERHEAD QA AUDIT - ENERGIZED WORK FINDINGS REGISTER", 13, "B", h=7)
    pdf.line_text("Live-line work, minimum approach distances and crew size (29 CFR 1910.269)", 10)
    pdf.ln(2)
    header_block(
        pdf,
        [
            ("PM Number:", m["pm_number"]),
            ("Notification Number:", m["notification_number"]),
            ("Location:", m["location"]),
            ("Contractor:", m["contractor"]),
            ("Foreman:", m["foreman"]),
            ("Auditor:", m["auditor"]),
            ("Audit Date:", "10/07/2025"),
            ("Score:", m["score"]),
        ],
    )
    pdf.para(
        "Scope: 12.47 kV and 24.9/14.4 kV distribution work and the 34.5 kV crossing. Distances by insulated "
        "measuring stick at the moment observed. Rows marked Open are go-backs; rows marked Closed - compliant "
        "are recorded for the file only. Rule cited is the auditor's reference to 29 CFR 1910.269.",
        size=9,
    )
    pdf.grid(
        ["No.", "Location", "Finding", "Rule cited", "Status"],
        [r[:5] for r in a["rows"]],
        (10, 22, 104, 18, 26),
        size=8.5,
    )
    n_open = sum(1 for r in a["rows"] if r[4] == "Open")
    pdf.para(
        f"Open go-backs: {n_open}. Closed: {len(a['rows']) - n_open}. Re-audit of the 34.5 kV crossing scheduled "
        "with the next clearance.",
        size=9,
    )
    pdf.ln(3)
    pdf.para(f"Auditor: {m['auditor']}        Foreman: {m['foreman']}        Date: 10/07/2025", size=9)
    pdf.output(path)


# ---- O2: Non-Conforming Items (protective grounding) -----------------------------------------------
O2 = dict(
    file="audits/OS-2-protective-grounding-nci.pdf",
    metadata=dict(
        pm_number="35247702",
        notification_number="121039054",
        location="Cascade Valley Power - Bear Creek 12.47 kV reconductor, structures 10 - 46, Nevada County",
        contractor="Sierra Powerline Services LLC",
        foreman="Dwayne Castellanos",
        auditor="Priya Raman",
        audit_date="2025-10-16",
        score="70.00% (84/120)",
    ),
    items=[
        (
            "Protective grounding jumpers on the three-phase grounding set at structure 12 are No. 4 AWG copper "
            "(1910.269(n)(4)).",
            (
                "VALID",
                OSHA,
                "1910.269(n)(4)",
                "1910.269(n)(4)(ii): ampacity at least that of No. 2 AWG copper; No. 4 AWG is smaller.",
            ),
        ),
        (
            "Grounding set at structure 15 is 2/0 AWG copper rated by its manufacturer for 27 kA for 15 cycles; "
            "the utility's fault study gives 9.6 kA available at the site, cleared in 8 cycles. Auditor requires "
            "4/0 AWG for every grounding set.",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(n)(4)",
                "1910.269(n)(4)(i) and (ii): the set carries the available fault current for the clearing time "
                "and 2/0 is larger than No. 2 AWG; nothing in (n)(4) requires 4/0.",
            ),
        ),
        (
            "Grounding set at structure 18 is rated 10 kA for 15 cycles; the fault study gives 14.2 kA available "
            "at structure 18, cleared in 15 cycles.",
            (
                "VALID",
                OSHA,
                "1910.269(n)(4)",
                "1910.269(n)(4)(i): the equipment must conduct the maximum fault current for the clearing time; "
                "14.2 kA exceeds the 10 kA rating.",
            ),
        ),
        (
            "At structure 21 the crew installed grounds on the deenergized 12.47 kV line without first testing "
            "for absence of voltage; no ground had been installed there before.",
            (
                "VALID",
                OSHA,
                "1910.269(n)(5)",
                "1910.269(n)(5): test and verify absence of nominal voltage before installing any ground, "
                "unless a previously installed ground is present; none was.",
            ),
        ),
        (
            "At structure 22 the crew added a second grounding set without re-testing; the first set, installed "
            "at structure 22 after a voltage test, was still in place on all three phases.",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(n)(5)",
                "1910.269(n)(5) exempts the test where a previously installed ground is present.",
            ),
        ),
        (
            "At structure 25 the lineman attached the line-end clamp to the deenergized 12.47 kV phase by hand, "
            "without a live-line tool, before connecting the ground end to the cluster bar.",
            (
                "VALID",
                OSHA,
                "1910.269(n)(6)",
                "1910.269(n)(6)(i): ground end first, then the line end by live-line tool; the 600 V allowance "
                "does not reach 12.47 kV.",
            ),
        ),
        (
            "On the deenergized 120/240 V secondary at pole 33 the lineman attached the grounds wearing rubber "
            "insulating gloves instead of using a live-line tool; the secondary was tested dead immediately "
            "before the grounds were connected.",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(n)(6)",
                "1910.269(n)(6)(i): at 600 V or less other insulating equipment may be used if the employer "
                "ensures the line is not energized when the ground is connected.",
            ),
        ),
        (
            "When releasing the section at structure 37, the groundman removed the ground-end clamp from the "
            "cluster bar first while the line-end clamps were still on the conductors.",
            (
                "VALID",
                OSHA,
                "1910.269(n)(6)",
                "1910.269(n)(6)(ii): remove the grounding device from the line first, by live-line tool, then "
                "the ground end.",
            ),
        ),
        (
            "No grounds were installed on the single-phase 7.2 kV tap at pole 40 during the fuse replacement. "
            "The job plan records that the tap was deenergized and tagged under the switching order, that it "
            "has no crossing or parallel line and no other source that can contact it, that no induced-voltage "
            "hazard exists, and that grounding the tap is impracticable because the only attachment point is "
            "the cutout being replaced. Auditor cites missing grounds.",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(n)(2)",
                "1910.269(n)(2): where grounding is shown impracticable, lines may be treated as deenergized if "
                "(i) deenergized under (m), (ii) no possible contact with another source and (iii) no induced "
                "voltage; the job plan shows all three.",
            ),
        ),
        (
            "The line section in span 44 - 45 was worked as deenergized without grounds because the crew judged "
            "grounding impracticable in the marsh; the section parallels an energized 69 kV circuit on the same "
            "right of way for 2 miles.",
            (
                "VALID",
                OSHA,
                "1910.269(n)(2)",
                "1910.269(n)(2)(iii): the exception needs the hazard of induced voltage to be absent; a 2-mile "
                "parallel with an energized 69 kV circuit is an induced-voltage hazard.",
            ),
        ),
        (
            "Protective grounds at structure 30 were placed about one span from the work location; the auditor "
            "believes they do not form an equipotential zone, but no voltage, impedance or fault assessment was "
            "made.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "1910.269(n)(3) is a performance requirement the employer must demonstrate; the audit records "
                "no data to decide it either way.",
            ),
        ),
        (
            "Grounding clamps on the set used at structure 27 show corrosion; the ASTM F855 clamp inspection "
            "records were not available.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "ASTM F855 (grounding equipment) is not in the library.",
            ),
        ),
    ],
)


def audit_o2(path):
    a = O2
    m = a["metadata"]
    pdf = Doc(
        "Cascade Valley Power - Contractor Safety Compliance Review - Deenergized Line Work",
        "CSR-G-04 (Rev 1)   Copy to contractor and utility safety",
    )
    pdf.add_page()
    pdf.line_text("SAFETY COMPLIANCE REVIEW - PROTECTIVE GROUNDING", 12.5, "B", h=7)
    pdf.ln(1)
    header_block(
        pdf,
        [
            ("PM #:", m["pm_number"]),
            ("Notification #:", m["notification_number"]),
            ("Contractor:", m["contractor"]),
            ("Foreman:", m["foreman"]),
            ("Reviewer:", m["auditor"]),
            ("Date of Review:", "October 16, 2025"),
            ("Review Score:", m["score"]),
            ("Job Type:", "Reconductor, deenergized"),
        ],
        cols=2,
        size=9,
    )
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(36, 5.4, "Work Location:")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5.4, clean(m["location"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para(
        "The reviewer observed the clearance, testing, grounding and release of the Bear Creek line section "
        "with the general foreman. Grounding equipment ratings were checked against the utility's fault study "
        "FS-2025-118.",
        size=9.5,
    )
    pdf.line_text("Non-Conforming Items:", 10.5, "B")
    pdf.ln(1)
    for i, (text, _) in enumerate(a["items"], 1):
        pdf.ensure(14)
        pdf.set_font("Helvetica", "B", 9.5)
        y = pdf.get_y()
        pdf.cell(18, 4.8, f"NCI-{i:02d}:")
        pdf.set_xy(pdf.l_margin + 18, y)
        pdf.set_font("Helvetica", "", 9.5)
        pdf.multi_cell(
            pdf.w - pdf.l_margin - pdf.r_margin - 18, 4.8, clean(text), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1.4)
    pdf.ln(2)
    pdf.line_text("Items Reviewed - Conforming:", 10.5, "B")
    for t in (
        "Clearance and tags verified with the system operator before work began.",
        "Ground rods at the structure 12 cluster bar driven and bonded to the neutral.",
        "Job briefing held and signed at each structure.",
    ):
        pdf.para("- " + t, size=9.5, gap=0.4, indent=4)
    pdf.ln(2)
    pdf.line_text("Reviewer Notes:", 10.5, "B")
    pdf.para(
        f"NCI from the 09/24/2025 review (missing grounding set inventory) is closed. Total Non-Conforming "
        f"Items: {len(a['items'])}. Corrective action plan due within 10 working days.",
        size=9.5,
    )
    pdf.output(path)


# ---- O3: QC checklist (pole setting with mechanical equipment) ------------------------------------
O3 = dict(
    file="audits/OS-3-pole-setting-qc-checklist.pdf",
    metadata=dict(
        pm_number="35252380",
        notification_number="121044761",
        location="High Desert line extension, 24.9/14.4 kV, poles 6600 - 6620, Lassen County",
        contractor="Basin Range Electric Contractors",
        foreman="Colleen Vasquez",
        auditor="Robert Okafor",
        audit_date="2025-10-22",
        score="81.82% (108/132)",
    ),
    # (No., Inspection item, Yes/No/N/A, Comments, label or None)
    rows=[
        ("1", "Outriggers extended and set on firm footing?", "Yes", "All setups on pads.", None),
        (
            "2",
            "Boom clearance from energized lines (pole 6610)?",
            "No",
            "The uninsulated digger derrick boom came within 2 ft 3 in of the energized 24.9 kV phase "
            "(phase-to-ground) while setting pole 6610.",
            (
                "VALID",
                OSHA,
                "1910.269(p)(4)",
                "1910.269(p)(4)(i) with Table R-6 row 5 (15.1 - 36.0 kV, phase-to-ground 2.53 ft = 30.4 in); "
                "27 in is short and the derrick is not an insulated aerial lift.",
            ),
        ),
        (
            "3",
            "Aerial lift clearance (pole 6609)?",
            "No",
            "The insulated upper boom of the bucket truck came within 1 ft of the energized 24.9 kV phase while "
            "the qualified lineman in the bucket worked that phase in rubber gloves and sleeves; the "
            "uninsulated lower boom, turntable and truck stayed more than 10 ft from all energized parts.",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(p)(4)",
                "1910.269(p)(4)(i): the insulated portion of an aerial lift operated by a qualified employee in "
                "the lift is exempt when the uninsulated portions keep the minimum approach distance.",
            ),
        ),
        (
            "4",
            "Designated observer (pole 6611)?",
            "No",
            "No designated observer while the digger derrick set pole 6611 next to the energized 24.9 kV "
            "conductors; the operator's view of the boom tip was blocked by the pole.",
            (
                "VALID",
                OSHA,
                "1910.269(p)(4)",
                "1910.269(p)(4)(ii): an observer other than the operator is required unless the employer can "
                "demonstrate the operator can accurately judge the distance; his view was blocked.",
            ),
        ),
        (
            "5",
            "Designated observer (pole 6612)?",
            "No",
            "The operator set pole 6612 without a separate observer; he stood at the controls with an "
            "unobstructed view of the boom tip and the conductors, and the job plan records a range-finder check "
            "of the 10 ft boom-limit setting.",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(p)(4)",
                "1910.269(p)(4)(ii) exception: the employer demonstrated that the operator could accurately "
                "determine that the minimum approach distance was maintained.",
            ),
        ),
        (
            "6",
            "Protection if equipment could become energized (pole 6613)?",
            "No",
            "The digger derrick at pole 6613 could contact the energized 24.9 kV line; the truck was not grounded "
            "or bonded, no ground mats or barricades were used, the conductors were not covered, and the derrick "
            "is not insulated.",
            (
                "VALID",
                OSHA,
                "1910.269(p)(4)",
                "1910.269(p)(4)(iii): at least one of (A) cover-up, (B) insulated equipment or (C) grounding, "
                "bonding, mats or barricades is required; none was used.",
            ),
        ),
        (
            "7",
            "Truck grounded (pole 6614)?",
            "No",
            "The derrick truck at pole 6614 was not grounded to the system neutral; the energized 24.9 kV "
            "conductors within reach of the boom were covered with line hose and insulating blankets rated for "
            "the voltage for the whole lift. Auditor requires a truck ground.",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(p)(4)",
                "1910.269(p)(4)(iii) requires at least one of (A) to (C); (A), insulating cover-up on the "
                "exposed conductors, was used, so a truck ground is not also required.",
            ),
        ),
        (
            "8",
            "Open pole holes guarded or attended (pole 6616)?",
            "No",
            "While the crew framed pole 6615 about 10 ft away, the open hole for pole 6616 was neither covered, "
            "barricaded nor attended.",
            (
                "VALID",
                OSHA,
                "1910.269(q)(1)",
                "1910.269(q)(1)(iv): pole holes must be physically guarded or attended whenever anyone is "
                "working nearby.",
            ),
        ),
        (
            "9",
            "Open pole holes guarded or attended (pole 6617)?",
            "No",
            "The open hole for pole 6617 was not covered; a groundman was stationed at the hole the whole time "
            "the crew worked nearby. Auditor requires a cover.",
            (
                "REPEALABLE",
                OSHA,
                "1910.269(q)(1)",
                "1910.269(q)(1)(iv) allows either physical guarding or an employee attending the hole.",
            ),
        ),
        (
            "10",
            "Pole condition checked before climbing (pole 6605)?",
            "No",
            "A lineman climbed pole 6605, which has a woodpecker hole and shell rot 4 ft above grade, without any "
            "inspection or test; the pole was not braced, guyed or otherwise secured.",
            (
                "VALID",
                OSHA,
                "1910.269(q)(1)",
                "1910.269(q)(1)(i): the employer must ascertain that the pole can sustain the stresses, and "
                "brace or support it if it cannot; neither was done.",
            ),
        ),
        (
            "11",
            "Pole condition checked before climbing (pole 6602)?",
            "No",
            "Pole 6602 passed the crew's sounding and resistograph test (sound wood) and was climbed without "
            "lashing a new pole alongside; auditor requires working from a new pole lashed alongside.",
            (
                "REPEALABLE",
                OSHA,
                "Appendix D",
                "Appendix D is nonmandatory; working from a new pole lashed alongside is a 'should' and applies "
                "only to a pole found unsafe. Pole 6602 was inspected and sound, meeting (q)(1)(i).",
            ),
        ),
        (
            "12",
            "Digger derrick periodic inspection current?",
            "No",
            "The annual inspection record for the digger derrick under ANSI A10.31 is past due.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "ANSI A10.31 and derrick inspection intervals are not in the library ((p)(1) is not reproduced).",
            ),
        ),
        (
            "13",
            "Job briefing held and signed?",
            "Yes",
            "Briefing sheet signed by all six crew members.",
            None,
        ),
        ("14", "Live-line barehand work?", "N/A", "None on this job.", None),
        (
            "15",
            "Stringing near energized lines?",
            "N/A",
            "Conductors to be strung under a later order.",
            None,
        ),
    ],
)


def audit_o3(path):
    a = O3
    m = a["metadata"]
    pdf = Doc(
        "Basin Range Electric Contractors - Contractor Quality Control - Overhead Line Extension",
        "Form QC-OH-03 (Rev 5)   Retain with job package",
    )
    pdf.add_page()
    pdf.line_text("CONTRACTOR QUALITY CONTROL", 12.5, "B", h=7)
    pdf.line_text("QC CHECKLIST - POLE SETTING AND MECHANICAL EQUIPMENT NEAR ENERGIZED LINES", 11, "B")
    pdf.ln(2)
    header_block(
        pdf,
        [
            ("Order No. (PM):", m["pm_number"]),
            ("Notification No.:", m["notification_number"]),
            ("Address / Location:", m["location"]),
            ("Contractor:", m["contractor"]),
            ("General Foreman:", m["foreman"]),
            ("QC Inspector:", m["auditor"]),
            ("Inspection Date:", "2025-10-22"),
            ("Score:", m["score"]),
        ],
        size=9,
    )
    pdf.para(
        "New poles are set beside the energized three-phase 24.9 kV line (elevation about 2,700 ft). (If an "
        "item is not in compliance, mark 'No' and describe the condition found in Comments.)",
        size=8.5,
    )
    pdf.grid(
        ["No.", "Inspection item", "Yes / No / N/A", "Comments"],
        [r[:4] for r in a["rows"]],
        (10, 46, 22, 102),
        size=8.5,
    )
    n = sum(1 for r in a["rows"] if r[2] == "No")
    pdf.line_text(f"Total Number of Non-Conforming Items: {n}", 10, "B")
    pdf.ln(3)
    pdf.para(f"QC Inspector: {m['auditor']}    Date: 2025-10-22    General Foreman: {m['foreman']}", size=9)
    pdf.output(path)


# ---- O4: narrative (joint-use fiber attachments, GO 95) --------------------------------------------
O4 = dict(
    file="audits/OS-4-joint-use-fiber-narrative.pdf",
    metadata=dict(
        pm_number="35258814",
        notification_number="121050337",
        location="Foresthill Road joint-use fiber attachment, poles 1185 - 1235, Auburn",
        contractor="Golden State Fiber Builders",
        foreman="Kenji Nakamura",
        auditor="Lauren Whitfield",
        audit_date="2025-10-28",
        score="68.75% (110/160)",
    ),
    items=[
        (
            "The new 6M fiber messenger at pole 1187 is dead-ended with a preformed grip rated 5,000 lb; the "
            "strand's rated breaking strength is 6,650 lb.",
            (
                "VALID",
                GO95,
                "87.5",
                "Rule 87.5: dead-end fastenings shall be at least as strong as the strand; 5,000 lb is less than "
                "6,650 lb.",
            ),
        ),
        (
            "At pole 1190 the 10M messenger (rated breaking strength 11,500 lb) is dead-ended with a strandvise "
            "rated 11,500 lb; auditor requires a three-bolt clamp.",
            (
                "REPEALABLE",
                GO95,
                "87.5",
                "Rule 87.5 requires strength at least equal to the strand's; 11,500 lb equals it. No fastening "
                "type is prescribed.",
            ),
        ),
        (
            "At pole 1193 the fiber cable has been lashed and tied to the top surface of the existing guard arm.",
            (
                "VALID",
                GO95,
                "87.7",
                "Rule 87.7-B: no communication cable or messenger shall be supported on or attached to the top or "
                "side surface of any guard arm (service drops excepted).",
            ),
        ),
        (
            "At pole 1198, where the joint-use plan calls for a guard arm over the messenger under Rule 87.4-C3, "
            "the crew placed a 5 ft wood covering around the cable and messenger instead of a guard arm; auditor "
            "requires a guard arm.",
            (
                "REPEALABLE",
                GO95,
                "87.7",
                "Rule 87.7-B: instead of the guard arm, a suitable wood covering of the guard-arm length (at least "
                "4 ft) may be placed around the cable and messenger.",
            ),
        ),
        (
            "At pole 1201, where the joint-use plan calls for a guard arm under Rule 87.4-C3, the guard arm "
            "installed above the messenger is 3 ft long.",
            (
                "VALID",
                GO95,
                "87.7",
                "Rule 87.7-B: the guard arm shall be at least 4 ft long; 3 ft is short.",
            ),
        ),
        (
            "At pole 1207 the messenger is 5 ft 2 in below the 12 kV crossarm and no guard arm is installed.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Whether a guard arm is required is decided by Rule 87.4-C3, which the library does not reproduce.",
            ),
        ),
        (
            "The fiber riser at pole 1210 is covered with U-guard from 2 ft to 9 ft above the ground; the lowest "
            "2 ft above the ground line are bare.",
            (
                "VALID",
                GO95,
                "87.7",
                "Rule 87.7-D(1): risers shall be protected from the ground level to not less than 8 ft above the "
                "ground; the first 2 ft are unprotected.",
            ),
        ),
        (
            "The riser at pole 1212 is protected from the ground line to 8 ft 6 in by rigid U-shaped non-metallic "
            "moulding; auditor requires grounded steel pipe.",
            (
                "REPEALABLE",
                GO95,
                "87.7",
                "Rule 87.7-D(1)(b): non-metallic conduit or rigid U-shaped moulding is an alternative to grounded "
                "pipe; it reaches 8 ft 6 in, above the 8 ft minimum.",
            ),
        ),
        (
            "Joint pole 1215 carries supply and communication risers on its surface; the lowest pole step is "
            "6 ft 10 in above the ground line.",
            (
                "VALID",
                GO95,
                "91.3",
                "Rule 91.3 (Original text): the lowest step shall be not less than 7 ft 6 in from the ground line.",
            ),
        ),
        (
            "Joint pole 1218 carries only Cascade Valley Power's own 12 kV circuit and its own SCADA "
            "communication cable, both operated by that one party; it has no steps, and its riser is covered "
            "with wood moulding from 8 ft above the ground line to the top of the riser. Auditor requires pole "
            "steps.",
            (
                "REPEALABLE",
                GO95,
                "91.3",
                "Rule 91.3 exception: joint poles carrying circuits of one party need not be stepped if runs and "
                "risers are covered with wood above 8 ft from the ground line.",
            ),
        ),
        (
            "Pole steps on joint pole 1220 are spaced 34 in apart on the same side; auditor requires 30 in at "
            "most.",
            (
                "REPEALABLE",
                GO95,
                "91.3",
                "Rule 91.3 allows up to 36 in between steps on the same side; 34 in is within it.",
            ),
        ),
        (
            "The down guy at corner pole 1223 is slack: it moves 10 in sideways by hand and the pole leans toward "
            "the new cable load.",
            (
                "VALID",
                GO95,
                "86.2",
                "Rule 86.2 (Original text): guys shall be maintained taut and strong enough for the Rule 44 "
                "safety factors.",
            ),
        ),
        (
            "The anchor guy at pole 1226 has no guy marker (GO 95 Rule 86.9).",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Rule 86.9 (guy markers) is not in this library.",
            ),
        ),
        (
            "The vertical run at pole 1233 is covered with 3/8 in oak moulding; auditor rejects it as not a "
            "suitable protective covering.",
            (
                "REPEALABLE",
                GO95,
                "22.2",
                "Rule 22.2 (Original text): hardwood moulding (oak or rock elm) three-eighths of an inch thick is "
                "a suitable protective covering.",
            ),
        ),
    ],
)


def audit_o4(path):
    a = O4
    m = a["metadata"]
    pdf = Doc(
        "Cascade Valley Power - Joint Use Attachment Inspection - Field Audit Narrative",
        "JUA-N (Rev 2)   Internal",
    )
    pdf.add_page()
    pdf.line_text("FIELD AUDIT NARRATIVE - FORESTHILL ROAD FIBER ATTACHMENTS", 12.5, "B", h=7)
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in (
        ("PM", m["pm_number"]),
        ("Notification", m["notification_number"]),
        ("Location", m["location"]),
        ("Contractor", m["contractor"]),
        ("Foreman", m["foreman"]),
        ("Auditor", m["auditor"]),
        ("Audit date", "Oct 28, 2025"),
        ("Score", m["score"]),
    ):
        pdf.multi_cell(0, 5, clean(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para(
        "The auditor walked the new fiber attachment for NorCal Broadband on Cascade Valley Power joint poles "
        "with the foreman, checking messengers, guarding, risers and stepping against General Order 95. Each "
        "go-back below must be corrected and photographed before the attachment permit can close.",
        size=10,
        h=5.2,
    )
    pdf.ln(1)
    pdf.line_text("Poles inspected", 10, "B")
    pdf.grid(
        ["Poles", "Type", "Owner", "Supply circuits"],
        [
            ["1185 - 1207", "Joint pole, tangent", "Cascade Valley Power", "12 kV and 120/240 V"],
            ["1210 - 1220", "Joint pole with risers", "Cascade Valley Power", "12 kV"],
            ["1223 - 1235", "Joint pole, corner and dead-end", "Cascade Valley Power", "12 kV"],
        ],
        (34, 56, 50, 40),
        size=9,
    )
    pdf.line_text("Go-backs", 10.5, "B")
    pdf.ln(1)
    for text, _ in a["items"]:
        pdf.ensure(13)  # keep each paragraph on one page
        pdf.para(f"**Go-back Infraction:** {text}", size=10, h=5.6, gap=3.6, markdown=True)
    pdf.ln(1)
    pdf.para(
        "**Compliant items observed:** messengers at poles 1185 - 1189 bonded to the pole ground; risers at "
        "poles 1214 and 1216 covered with grounded steel pipe to 10 ft; the guard arm at pole 1204 is 6 ft long.",
        size=10,
        h=5.2,
        gap=3,
        markdown=True,
    )
    pdf.para(
        "**Recommendation:** add reflective tape to the riser guards along the school frontage. This is not a "
        "go-back.",
        size=10,
        h=5.2,
        gap=3,
        markdown=True,
    )
    pdf.para(
        "Photo log: poles 1187 - 1201 (IMG_7702 to IMG_7731), 1210 - 1233 (IMG_7735 to IMG_7790).", size=9
    )
    pdf.ln(4)
    pdf.para(f"Auditor: {m['auditor']}    Reviewed with foreman {m['foreman']} on Oct 28, 2025.", size=9.5)
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/CFR-1910.269-Energized-Work.pdf",
        OSHA,
        "29 CFR 1910.269 Electric Power Generation, Transmission, and Distribution: (a)(1), (l)(1)-(l)(3) "
        "(Tables R-5, R-6, R-9), (n)(2)-(n)(6), (p)(4), (q)(1), (x) selected definitions, Appendix D (excerpt)",
        "Library 1",
        spec_1910_269,
    ),
    (
        "specs/GO-95-Sections-VIII-IX.pdf",
        GO95,
        "General Order 95, Sections VIII and IX: Rules 22.2 (reprinted), 86.2, 87.5, 87.7, 89.4, 90, 91.3, 92 "
        "(index) (excerpt)",
        "Library 1",
        spec_go95,
    ),
]
AUDITS = [(O1, audit_o1), (O2, audit_o2), (O3, audit_o3), (O4, audit_o4)]


def labelled(a):
    if a is O1:
        return [(r[2], r[5]) for r in a["rows"] if r[5]]
    if a is O3:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    return a["items"]


def expected():
    out = {
        "name": "realtext-osha",
        "organization": "Overhead distribution work near energized lines and joint-use attachments (fictional audits)",
        "note": (
            "Blind corpus written from 29 CFR 1910.269 and CPUC General Order 95 (Sections VIII and IX) text read "
            "through the search tool's stored pages; wording condensed, and parts restated from knowledge of the "
            "2014 final rule are listed in the README. Labels by hand from the clause text, without reading the "
            "product code. 'why' is ignored by score.py. audit_date values are ISO; OS-1 prints MM/DD/YYYY, OS-2 "
            "'Month D, YYYY', OS-3 ISO, OS-4 'Mon D, YYYY'."
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
            if doc == OSHA:
                on = [i + 1 for i, p in enumerate(pages) if _norm(R6_HEAD) in _norm(p)]
                print(f"Table R-6 header {R6_HEAD!r} on pages {on}")
                if len(on) < 2:
                    print("Table R-6 does not repeat its header on a second page")
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
