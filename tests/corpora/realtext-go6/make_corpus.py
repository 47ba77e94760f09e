#!/usr/bin/env python3
"""Build the realtext-go6 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Pole strength, loading and communication guys, and enclosed spaces, ladders and deenergizing: a library
restating parts of CPUC General Order 95 (Rules 12.2, 43, 43.1, 43.2, 44, 44.1 with Table 4, 44.2, 44.3,
44.4, 47.3, 49.1-A, 49.1-B, 86.5, 86.6, 86.7, 86.9) and of OSHA 29 CFR 1910.269 (paragraphs (e) enclosed
spaces, (h) ladders and platforms, (m) deenergizing lines and equipment, and two (x) definitions), plus five
fictional QA audits in five layouts (landscape findings table, review letter with numbered paragraphs,
Yes/No/N/A checklist, time-stamped field log, INFRACTION blocks).

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>" and
its revision, that GO 95 Table 4 repeats its header row on a second page, that the audit metadata and every
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
# PDF base (layout helpers copied from realtext-go5/make_corpus.py)
# --------------------------------------------------------------------------------------------------
class Doc(FPDF):
    def __init__(self, head, foot, orientation="portrait"):
        super().__init__(orientation=orientation, format="letter", unit="mm")
        self.head, self.foot = clean(head), clean(foot)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(FIXED_DATE)
        self.set_creator("realtext-go6 make_corpus.py")
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
GO95 = "GO-95"
OSHA = "OSHA-1910.269"
T4_HEAD = "Grade A - At Replacement"


def spec_go95(path):
    doc = GO95
    pdf = Doc(
        f"CPUC General Order 95 - Rules for Overhead Electric Line Construction - Document {doc}",
        f"{doc}   Rev. 2025-06 library excerpt   Condensed; the Commission's published text governs",
    )
    title_block(
        pdf,
        [
            ("Public Utilities Commission of the State of California", 10),
            ("General Order No. 95", 14),
            ("Rules for Overhead Electric Line Construction", 11),
        ],
        [
            "Section I General Provisions (Rule 12.2); Section IV Strength Requirements for All Classes of Lines "
            "(Rules 43, 44, 47.3, 49.1); Section VIII Detailed Construction Requirements for Communication Lines "
            "(Class C Circuits) (Rules 86.5 - 86.9).",
        ],
        doc,
        "Rev. 2025-06 (library excerpt; Rules 43, 44 and 47.3 as revised by Decision 14-02-015)",
        "2025-06-02 (library copy)",
        "Rules 12.2; 43, 43.1, 43.2; 44, 44.1 (Table 4), 44.2, 44.3, 44.4; 47.3; 49.1-A, 49.1-B; 86.5, 86.6, "
        "86.7, 86.9",
    )

    pdf.band("Section I - General Provisions")
    pdf.heading("12.2", "Maintenance of Lines")
    pdf.para(
        "Lines and parts of lines shall be maintained so that their safety factors are not less than those of "
        "Rule 44.3. Lines built or rebuilt on or after the effective date of the Order shall be kept in "
        "conformity with it. Restoring a clearance that has been reduced by added sag or other causes is not "
        "reconstruction; changing a clearance for any other purpose is reconstruction."
    )

    pdf.band("Section IV - Strength Requirements for All Classes of Lines")
    pdf.heading("43", "Temperature and Loading")
    pdf.para(
        "The following temperature and loading conditions are used to determine the strength required of lines "
        "(see Rule 22.1). Loading includes the vertical, transverse and longitudinal components of all loads. "
        "More stringent conditions may be used in design. Less stringent conditions, or modified loading "
        "district limits, may be used only where the Commission authorizes them on application supported by "
        "United States weather records or other authenticated meteorological data."
    )
    pdf.heading("43.1", "Heavy Loading")
    pdf.para(
        "Heavy loading applies in all parts of California where the elevation exceeds 3,000 feet above sea level "
        "(Appendix A maps the approximate district; not reproduced). The loading is the resultant stress of "
        "wind, ice and dead weight under these conditions:"
    )
    sub(
        pdf,
        "A. Wind: a horizontal pressure of 6 pounds per square foot of projected area on cylindrical surfaces and "
        "10 pounds per square foot on flat surfaces. For latticed structures the exposed area of one face is "
        "increased by 50% for the opposite face, but not beyond the pressure on a solid structure of the same "
        "outside dimensions.",
    )
    sub(
        pdf,
        "B. Ice: a radial thickness of 1/2 inch of ice weighing 57 pounds per cubic foot on all conductors, in "
        "computing vertical and wind loads.",
    )
    sub(
        pdf,
        "C. Temperature: conductor temperature 0 degrees F at the time of maximum loading. A conductor "
        "temperature of at least 130 degrees F shall also be assumed for sag and its effect on structural loads "
        "due to weight span.",
    )
    pdf.heading("43.2", "Light Loading")
    pdf.para(
        "Light loading applies in all parts of California where the elevation is 3,000 feet above sea level or "
        "less. The loading is the resultant stress of wind and dead weight under these conditions: "
        "[43.2 restated by the library; the Commission's page was not read]"
    )
    sub(
        pdf,
        "A. Wind: a horizontal pressure of 8 pounds per square foot of projected area on cylindrical surfaces and "
        "13 pounds per square foot on flat surfaces; latticed structures as in Rule 43.1-A.",
    )
    sub(pdf, "B. Ice: no ice loading is assumed.")
    sub(
        pdf,
        "C. Temperature: conductor temperature 25 degrees F at the time of maximum loading; at least 130 degrees "
        "F for sag and weight-span effects.",
    )

    pdf.heading("44", "Safety Factors")
    pdf.para(
        "The safety factors in these rules are the minimum allowable ratios of the strength of materials or line "
        "elements to the effect of the design loads of Rule 43."
    )
    pdf.heading("44.1", "Installation and Reconstruction")
    pdf.para(
        "Lines and elements of lines, when installed or reconstructed, shall provide at least the safety factors "
        'of Table 4, column "At Installation" for their grade of construction, for vertical loads, for loads '
        "transverse to the line, and for loads longitudinal to the line except where longitudinal loads are "
        "balanced or the grade of construction changes (see Rule 47)."
    )
    pdf.para(
        "Table 4 - Minimum Allowable Safety Factors [values and notes restated by the library; see note (e)]",
        style="B",
        gap=0.8,
    )
    rows = [
        ["1", "Foundations, settings and footings (a)", "1.50", "1.00", "1.50", "1.00", "1.50", "1.00"],
        [
            "2",
            "Towers, and steel, concrete or other non-wood poles and structures (b)",
            "1.50",
            "1.00",
            "1.50",
            "1.00",
            "1.50",
            "1.00",
        ],
        ["3", "Wood poles (c)", "4.00", "2.67", "4.00", "2.67", "2.67", "1.33"],
        ["4", "Crossarms, wood", "2.00", "1.33", "2.00", "1.33", "2.00", "1.00"],
        ["5", "Crossarms, metal or other non-wood (b)", "1.50", "1.00", "1.50", "1.00", "1.50", "1.00"],
        ["6", "Pins and conductor fastenings", "2.00", "1.33", "2.00", "1.33", "2.00", "1.00"],
        ["7", "Conductors, span wires and messengers", "2.00", "1.33", "2.00", "1.33", "2.00", "1.00"],
        ["8", "Guys (d)", "2.00", "1.33", "2.00", "1.33", "1.33", "1.00"],
    ]
    # start the table low on the page so that it crosses the page break (the grid helper repeats the
    # header row on the next page); --check verifies the repeat
    while pdf.get_y() < pdf.h - pdf.b_margin - 58:
        pdf.ln(4)
    pdf.grid(
        [
            "Item",
            "Line element",
            "Grade A - At Installation",
            T4_HEAD,
            "Grade B - At Installation",
            "Grade B - At Replacement",
            "Grade C - At Installation",
            "Grade C - At Replacement",
        ],
        rows,
        (9, 46, 20.5, 20.5, 20.5, 20.5, 20.5, 20.5),
        size=7.5,
    )
    note(pdf, "(a) Foundations, settings and footings use the values of Rule 48.6 [not reproduced].")
    note(
        pdf,
        "(b) For structural materials other than wood the safety factor is applied to the yield or ultimate "
        "strength as Rules 48.2 to 48.4 direct [not reproduced].",
    )
    note(
        pdf,
        "(c) Grade C wood poles that support only communication lines shall also meet Rule 81.3-A (at least 9 "
        "inches of sound wood circumference within 18 inches of the ground line for 10 or fewer open wire "
        "conductors; 12 inches for cable or more than 10 open wire conductors).",
    )
    note(
        pdf,
        "(d) A guy shall in no case be allowed to fall below a safety factor of 1.00, whatever its grade.",
    )
    note(
        pdf,
        '(e) The "At Replacement" columns give the value below which the element shall be replaced or '
        "reinforced under Rule 44.3: two-thirds of the installation value in Grades A and B, one-half in Grade "
        "C, never less than 1.00. [The library restates Table 4 and these notes; the Commission's Table 4 page "
        "was not read, and its footnotes may differ.]",
    )
    pdf.heading("44.2", "Additional Construction")
    pdf.para(
        "An entity planning to add facilities that materially increase the vertical, transverse or longitudinal "
        "loading on a structure shall perform a loading calculation to make sure the addition will not reduce the "
        "safety factors below the Rule 44.3 values. It shall keep these pole loading calculations for ten years "
        "and provide them on request to authorized joint-use pole occupants and to the Commission."
    )
    note(
        pdf,
        "Note: for Rule 44.2, a material increase in load is an addition that increases the load on the "
        "structure by more than 5 percent per installation, or by more than 10 percent over a 12-month span, "
        "of the electric utility's or communication infrastructure provider's current load.",
    )
    pdf.heading("44.3", "Replacement")
    pdf.para(
        "Lines or parts of lines shall be replaced or reinforced before deterioration or added facilities reduce "
        "their safety factors below two-thirds of the Rule 44.1 values in Grades A and B, or below one-half of "
        "those values in Grade C. Grade C poles that support only communication lines shall also meet Rule "
        "81.3-A. In no case does this rule permit a structure or any member of it to have a safety factor less "
        "than one."
    )
    note(pdf, "Note: the reductions this rule allows are modified by the notes to Table 4.")
    pdf.heading("44.4", "Cooperation")
    pdf.para(
        "Every entity with facilities on the pole shall cooperate with the company performing the load "
        "calculations required by Rules 44.1, 44.2 or 44.3, and shall promptly provide or make reasonably "
        "available, on request and to the extent it exists: A. the most recent intrusive pole test data; B. any "
        "information on its facilities needed for the calculation that a field visit cannot readily obtain; C. "
        "a table of the standard input values it uses in pole loading calculations (for example standard "
        "conductor or cable sizes, tensions, equipment sizes and weights)."
    )
    pdf.para(
        "If a pole owner rejects a pole attachment or joint pole application, it shall return the application "
        "with the reasons for rejection. Where the rejection is for failing the owner's pole loading limits, the "
        "owner should also give the applicant enough information to determine how the limits were exceeded."
    )
    note(
        pdf,
        'Note: "promptly" means as soon as practicable but, absent exigent circumstances or mutual agreement, '
        "no more than fifteen (15) business days from the date of the request. Exigent circumstances include "
        "requests for intrusive data or other information on transmission poles, or requests covering a large "
        "number of poles in a limited time.",
    )
    pdf.heading("47.3", "End Supports in Grades A or B Construction")
    pdf.para(
        "In Grades A or B construction, the longitudinal load on each end support of crossings, conflicts or "
        "joint use, where these lie in lines of the same grade, is taken as an unbalanced load equal to the "
        "tension of one-third of all the conductors (overhead ground wires not counted), choosing the one-third "
        "that stresses the support most; a fraction of a conductor is rounded to the nearest whole number. The "
        "supports (poles, structures, towers, crossarms, pins, insulators, conductor fastenings and guys) shall "
        "withstand this load at all times with a safety factor of at least one."
    )
    pdf.para(
        "Excluded from this rule, where Grade B construction is required: Class L lines crossing minor railways, "
        "and the conductor fastenings of Class C circuits crossing major railways."
    )
    pdf.heading("49.1", "Poles, Towers and Other Structures")
    pdf.heading("49.1-A", "Strength", size=9.5)
    sub(
        pdf,
        "(1) Wood poles shall be of sound timber and shall meet the temperature and loading of Rule 43 and the "
        "safety factors of Rule 44, with the modulus of rupture of Rule 48.1 [not reproduced].",
    )
    sub(
        pdf,
        "(2) Non-wood poles, towers and structures, with their foundations, shall meet Rule 43 and the safety "
        "factors of Rule 44, using the structural values of Rules 48.2, 48.3 and 48.6 [not reproduced].",
    )
    sub(
        pdf,
        "(3) Where lateral loads on a pole or structure require guys, the pole below the guy attachment is "
        "treated merely as a strut and the guys take all lateral loads; the pole strength requirement then "
        "applies at the point of guy attachment rather than at the ground line.",
    )
    sub(
        pdf,
        "(4) Crossing spans: spliced or stub-reinforced poles and pole-top extensions, including the joints "
        "between their members, shall meet all vertical, transverse and longitudinal strength requirements as "
        "if a whole pole were used.",
    )
    pdf.heading("49.1-B", "Dimensions", size=9.5)
    sub(pdf, "The top circumference of wood poles shall be not less than the following:")
    pdf.grid(
        ["Grade and loading district", "Minimum top circumference (inches)"],
        [
            ["Grade A, heavy loading district", "22"],
            ["Grade A, light loading district", "19"],
            ["Grade B (1), heavy and light loading districts", "19"],
            ["Grade C, heavy and light loading, urban districts", "19"],
            ["[further rows, including Grade C rural districts, not reproduced]", "-"],
        ],
        (110, 60),
        size=8.5,
    )
    note(pdf, "(1) [The note attached to the Grade B row was not reproduced in this excerpt.]")

    pdf.band("Section VIII - Detailed Construction Requirements for Communication Lines (Class C Circuits)")
    pdf.heading("86.5", "Fastenings")
    pdf.para(
        "Guy wires shall be protected by guy thimbles, or their equivalent, where attached to anchor rods or "
        "through bolts. Cedar and other soft-wood poles around which a guy of 5,000 pounds or more ultimate "
        "strength is wrapped shall be protected by suitable guy shims. Hooks, lag screws or equivalent means "
        "shall be used where necessary to keep the guy from slipping along the pole."
    )
    pdf.heading("86.6", "Sectionalizing and Grounding Requirements")
    pdf.para(
        "Sectionalizing of guys by insulators depends on their exposure to, or proximity to, supply conductors "
        "(definitions in Rules 21.5-C and 21.5-D and Appendix G figures; not reproduced)."
    )
    pdf.heading("86.6-A", "Where Not Exposed to Supply Conductors", size=9.5)
    sub(
        pdf,
        "Guys attached to or passing poles or structures that "
        "support only communication conductors need not be sectionalized or grounded, provided they are not "
        "exposed to supply conductors of 250 - 22,500 volts and not in proximity to supply conductors of "
        "0 - 35,500 volts.",
    )
    pdf.heading("86.6-B", "Sectionalized Because of Exposure or Proximity to Supply Conductors", size=9.5)
    sub(
        pdf,
        "(1) Ungrounded overhead guys exposed to supply "
        "conductors of 250 - 22,500 volts, and not in proximity to supply conductors, shall be sectionalized by "
        "insulators located as in Rule 86.7-A(1). (2) Every overhead or anchor guy any part of which is in "
        "proximity to a wood pole and supply conductors of 0 - 35,500 volts shall be sectionalized by insulators "
        "as in Rule 86.7-A(2) or 86.7-B, and no part of it in proximity shall be grounded. Excepted are anchor "
        "guys and grounded overhead guys attached to poles at a level less than 8 feet [rest of the exception "
        "not reproduced].",
    )
    pdf.heading("86.7", "Location of Sectionalizing Insulators")
    pdf.heading("86.7-A", "Overhead Guys", size=9.5)
    sub(
        pdf,
        "Every insulator in an overhead guy shall be at least 8 feet above the ground. "
        "(1) Exposed: an ungrounded overhead guy sectionalized under Rule 86.6-B(1) shall have an insulator not "
        "less than 6 feet and not more than 9 feet, measured along the guy, from each attachment to a wood pole "
        "or structure that supports conductors; one insulator suffices where the guy is less than 17 feet long "
        "between wood poles or structures. (2) In proximity: an overhead guy sectionalized under Rule 86.6-B(2) "
        "shall have an insulator 6 to 9 feet, measured along the guy, from each attachment to poles, crossarms "
        "or structures. Exception: for a guy to a pole that supports no conductors (and not in proximity to "
        "supply conductors on other poles), the insulator is needed only 6 to 9 feet from the attachment at the "
        "pole that supports conductors.",
    )
    pdf.heading("86.7-B", "Anchor Guys", size=9.5)
    sub(
        pdf,
        "Each anchor guy sectionalized under Rule 86.6-B(2) shall have an insulator located not "
        "less than 8 feet above the ground and either 8 feet below the level of the [rest of 86.7-B not "
        "reproduced].",
    )
    pdf.heading("86.9", "Guy Marker (Guy Guard)")
    pdf.para(
        "A substantial marker of suitable material, including but not limited to metal or plastic, at least 8 "
        "feet long, shall be securely attached to every anchor guy. Where more than one guy is attached to an "
        "anchor rod, only the outermost guy needs a marker."
    )
    note(
        pdf,
        "[Not reproduced in this excerpt: GO 95 Rules 20 - 42, 45 - 46, 47.1 - 47.2, 48, 49.2 onward, Sections "
        "V - VII, Rules 80 - 86.4, 86.8, 87 onward, and the Appendices.]",
    )
    pdf.output(path)


def spec_osha(path):
    doc = OSHA
    pdf = Doc(
        f"OSHA 29 CFR 1910.269 Electric Power Generation, Transmission, and Distribution - Document {doc}",
        f"{doc}   Revision 2014-04 library excerpt   Condensed; the Federal Register text governs",
    )
    title_block(
        pdf,
        [
            ("U.S. Department of Labor - Occupational Safety and Health Administration", 10),
            ("29 CFR 1910.269", 14),
            ("Electric Power Generation, Transmission, and Distribution", 11),
        ],
        [
            "Paragraph (e) Enclosed spaces; paragraph (h) Ladders and platforms; paragraph (m) Deenergizing lines "
            "and equipment for employee protection; two definitions from paragraph (x).",
        ],
        doc,
        "Revision 2014-04 (library excerpt of the final rule published April 11, 2014, 79 FR 20316)",
        "2015-04-01 (library copy)",
        "1910.269(e)(1) - (e)(14); (h)(1) - (h)(3); (m)(1) - (m)(3); (x) Enclosed space, Hazardous atmosphere",
    )

    def para_id(num, text):
        pdf.ensure(14)
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.multi_cell(0, 5, clean(num), new_x="LMARGIN", new_y="NEXT")
        sub(pdf, text)

    pdf.band("1910.269(e) - Enclosed spaces")
    pdf.para(
        "1910.269(e) Scope. This paragraph covers enclosed spaces that employees may enter. It does not apply to "
        "vented vaults where the employer has determined, before employees enter, that the ventilation system is "
        "operating to protect them. It applies to routine entry into enclosed spaces in lieu of the permit-space "
        "entry requirements of 1910.146. If, after the precautions of paragraphs (e) and (t) are taken, the "
        "remaining hazards would endanger an entrant's life or could interfere with escape, entry shall meet "
        "the permit-space requirements of 1910.146 [not reproduced]."
    )
    note(
        pdf,
        "Note: entries made under the permit-space entry requirements of 1910.146 are considered to comply "
        "with paragraph (e).",
    )
    para_id(
        "1910.269(e)(1) Safe work practices",
        "The employer shall ensure the use of safe work practices for entry into and work in enclosed spaces "
        "and for rescue of employees from them.",
    )
    para_id(
        "1910.269(e)(2) Training",
        "Employees who enter enclosed spaces or serve as attendants shall be trained in the hazards of "
        "enclosed space entry, in entry procedures and in rescue procedures.",
    )
    para_id(
        "1910.269(e)(3) Rescue equipment",
        "The employer shall provide equipment to ensure the prompt and safe rescue of employees from the "
        "enclosed space.",
    )
    para_id(
        "1910.269(e)(4) Evaluation of potential hazards",
        "Before any entrance cover is removed, the employer shall determine whether it is safe to do so by "
        "checking for atmospheric pressure or temperature differences and by evaluating whether a hazardous "
        "atmosphere may be present. Conditions that make removal unsafe shall be eliminated before the cover "
        "is removed.",
    )
    note(
        pdf,
        "Note: the evaluation may be a check of the expected conditions, for example feeling whether the "
        "cover is hot and loosening a fastened cover gradually to release residual pressure.",
    )
    para_id(
        "1910.269(e)(5) Removal of covers",
        "When covers are removed, the opening shall be promptly guarded by a railing, temporary cover or other "
        "barrier that prevents an accidental fall through it and protects employees in the space from objects "
        "entering it.",
    )
    para_id(
        "1910.269(e)(6) Hazardous atmosphere",
        "Employees may not enter an enclosed space while it contains a hazardous atmosphere, unless the entry "
        "conforms to the permit-required confined spaces standard, 1910.146.",
    )
    para_id(
        "1910.269(e)(7) Attendants",
        "While work is performed in the enclosed space, an attendant with first-aid training shall be "
        "immediately available outside the space to give assistance if a hazard exists because of traffic "
        "patterns in the area of the opening used for entry. The attendant may perform other duties outside "
        "the space if they do not distract the attendant from monitoring the employees inside or from making "
        "sure it is safe for them to enter and exit.",
    )
    para_id(
        "1910.269(e)(8) Calibration of test instruments",
        "Test instruments used to monitor atmospheres in enclosed spaces shall be kept in calibration and "
        "shall have a minimum accuracy of plus or minus 10 percent.",
    )
    para_id(
        "1910.269(e)(9) Testing for oxygen deficiency",
        "Before an employee enters, a qualified person shall test the internal atmosphere for oxygen "
        "deficiency with a direct-reading meter or similar instrument that collects and analyzes samples on "
        "the spot. Exception: the test is not required where continuous forced-air ventilation is provided "
        "and the procedures used ensure that employees are not exposed to the hazards of oxygen deficiency.",
    )
    para_id(
        "1910.269(e)(10) Testing for flammable gases and vapors",
        "Before an employee enters, a qualified person shall test the internal atmosphere for flammable gases "
        "and vapors with a direct-reading meter or similar instrument. This test shall be made after the "
        "oxygen test and ventilation of (e)(9) show enough oxygen for the flammability test to be accurate.",
    )
    para_id(
        "1910.269(e)(11) Ventilation, and monitoring for flammable gases or vapors",
        "If flammable gases or vapors are detected or an oxygen deficiency is found, forced-air ventilation "
        "shall be used to keep oxygen at a safe level and to prevent a hazardous concentration of flammable "
        "gases and vapors from building up. Where flammable gases or vapors are initially detected at safe "
        "levels, a continuous monitoring program that ensures no increase above safe levels may be followed "
        "in lieu of ventilation.",
    )
    para_id(
        "1910.269(e)(12) Specific ventilation requirements",
        "Continuous forced-air ventilation shall begin before entry and be kept up long enough for the "
        "employer to show that a safe atmosphere exists before employees enter the work area. It shall be "
        "directed to ventilate the immediate area where employees are present and shall continue until all "
        "employees have left the space.",
    )
    para_id(
        "1910.269(e)(13) Air supply",
        "The air supply for continuous forced-air ventilation shall come from a clean source and may not "
        "increase the hazards in the enclosed space.",
    )
    para_id(
        "1910.269(e)(14) Open flames",
        "If open flames are used in an enclosed space, a test for flammable gases and vapors shall be made "
        "immediately before the open-flame device is used and at least once per hour while it is used, and "
        "more often if conditions in the space show that once per hour is not enough to detect hazardous "
        "accumulations.",
    )

    pdf.band("1910.269(h) - Ladders and platforms")
    para_id(
        "1910.269(h)(1) General",
        "Ladders used in work covered by this section shall meet Subpart D of Part 1910 [not reproduced], "
        "except as paragraph (h)(2) provides.",
    )
    note(
        pdf,
        "[Library note: an OSHA interpretation letter of May 5, 2003 states that paragraph (h) does not "
        "cover step bolts or manhole steps, despite the words in its former title.]",
    )
    para_id(
        "1910.269(h)(2) Special ladders and platforms",
        "Portable ladders and platforms used on structures or conductors in overhead line work need not meet "
        "the Subpart D design provisions for portable ladders, but they shall meet (h)(2)(i) to (h)(2)(iv).",
    )
    para_id(
        "1910.269(h)(2)(i)", "Ladders and platforms shall be secured to prevent them from becoming dislodged."
    )
    para_id(
        "1910.269(h)(2)(ii)",
        "Ladders and platforms may not be loaded in excess of the working loads for which they are designed.",
    )
    para_id(
        "1910.269(h)(2)(iii)",
        "Ladders and platforms may be used only in applications for which they are designed.",
    )
    para_id(
        "1910.269(h)(2)(iv)",
        "In the configurations in which they are used, ladders and platforms shall be capable of supporting "
        "without failure at least 2.5 times the maximum intended load.",
    )
    para_id(
        "1910.269(h)(3) Conductive ladders",
        "Portable metal ladders and other portable conductive ladders may not be used near exposed energized "
        "lines or equipment. However, in specialized high-voltage work, conductive ladders shall be used "
        "where the employer demonstrates that nonconductive ladders would present a greater hazard to "
        "employees.",
    )

    pdf.band("1910.269(m) - Deenergizing lines and equipment for employee protection")
    para_id(
        "1910.269(m)(1) Application",
        "Paragraph (m) applies to deenergizing transmission and distribution lines and equipment for the "
        "purpose of protecting employees (control of hazardous energy at generating installations is in "
        "paragraph (d)). Conductors and parts of electric equipment deenergized under procedures other than "
        "paragraph (m) shall be treated as energized.",
    )
    para_id(
        "1910.269(m)(2)(i)",
        "If a system operator is in charge of the lines or equipment and their means of disconnection, the "
        "employer shall designate one employee in the crew to be in charge of the clearance and shall comply "
        "with all of paragraph (m)(3) in the order given.",
    )
    para_id(
        "1910.269(m)(2)(ii)",
        "If no system operator is in charge, the employer shall designate one employee in the crew to be in "
        "charge of the clearance; all of paragraph (m)(3) applies, the designated employee performing the "
        "functions the system operator would otherwise perform, and all employees in the crew shall be "
        "told of the deenergizing.",
    )
    para_id(
        "1910.269(m)(2)(iii)",
        "If only one crew will work on the lines or equipment, and the means of disconnection is accessible "
        "and visible to, and under the sole control of, the employee in charge of the clearance, paragraphs "
        "(m)(3)(i), (m)(3)(iii) and (m)(3)(v) do not apply, and the tags required by the rest of paragraph "
        "(m)(3) need not be used.",
    )
    para_id(
        "1910.269(m)(2)(iv)",
        "If two or more crews will work on the same lines or equipment: (A) the crews shall coordinate under a "
        "single employee in charge of the clearance for all of them and follow paragraph (m)(3) as if they "
        "formed a single crew; or (B) each crew shall comply with paragraph (m) independently and, if there "
        "is no system operator, shall have separate tags and coordinate deenergizing and reenergizing with "
        "the other crews.",
    )
    para_id(
        "1910.269(m)(3)(i)",
        "The designated employee shall ask the system operator to deenergize the particular section of line "
        "or equipment. That employee becomes the employee in charge and is responsible for the clearance.",
    )
    para_id(
        "1910.269(m)(3)(ii)",
        "All switches, disconnectors, jumpers, taps and other means through which known sources of electric "
        "energy may be supplied to the lines and equipment shall be opened. Such means shall be rendered "
        "inoperable, unless their design does not permit it, and tagged to indicate that employees are at "
        "work.",
    )
    para_id(
        "1910.269(m)(3)(iii)",
        "Automatically and remotely controlled switches that could cause the opened disconnecting means to "
        "close shall also be tagged at the point of control, and the automatic or remote control feature "
        "shall be rendered inoperable unless its design does not permit it.",
    )
    para_id(
        "1910.269(m)(3)(iv)",
        "Tags under (m)(3)(ii) and (m)(3)(iii) need not be placed on a network protector for work on the "
        "primary feeder of its network transformer when the employer can demonstrate that: (A) every network "
        "protector is maintained so that it will immediately trip open if closed when a primary conductor is "
        "deenergized; (B) employees cannot manually place a network protector in the closed position without "
        "tools, and any manual override position is blocked, locked or otherwise disabled; and (C) the "
        "employer has procedures for manually overriding a network protector that establish, before anyone "
        "closes it, that the line it connects to is not deenergized for the protection of any employee and "
        "will stay energized.",
    )
    para_id(
        "1910.269(m)(3)(v)",
        "Tags shall prohibit operation of the disconnecting means and shall indicate that employees are at "
        "work.",
    )
    para_id(
        "1910.269(m)(3)(vi)",
        "After (m)(3)(i) to (m)(3)(v) have been followed and the system operator gives a clearance to the "
        "employee in charge, the lines and equipment to be worked shall be tested with a device designed to "
        "detect voltage to make sure they are deenergized.",
    )
    para_id(
        "1910.269(m)(3)(vii)",
        "Protective grounds shall be installed as paragraph (n) requires [not reproduced].",
    )
    para_id(
        "1910.269(m)(3)(viii)",
        "Only after (m)(3)(i) to (m)(3)(vii) have been followed may the lines and equipment be considered "
        "deenergized.",
    )
    para_id(
        "1910.269(m)(3)(ix)",
        "To transfer a clearance, the employee in charge (or that employee's supervisor, if the employee in "
        "charge must leave the worksite because of illness or other emergency) shall inform the system "
        "operator and the employees in the crew; the new employee in charge is then responsible for the "
        "clearance.",
    )
    para_id(
        "1910.269(m)(3)(x)",
        "To release a clearance, the employee in charge shall: (A) notify each employee under the clearance of "
        "the pending release; (B) make sure all employees under the clearance are clear of the lines and "
        "equipment; (C) make sure all protective grounds installed under the clearance have been removed; "
        "and (D) report this to the system operator and then release the clearance.",
    )
    para_id(
        "1910.269(m)(3)(xi)",
        "Only the employee in charge who requested the clearance may release it, unless responsibility has "
        "been transferred under (m)(3)(ix).",
    )
    para_id(
        "1910.269(m)(3)(xii)",
        "No one may remove tags without the release of the associated clearance under (m)(3)(x) and "
        "(m)(3)(xi).",
    )
    para_id(
        "1910.269(m)(3)(xiii)",
        "No one may start to reenergize the lines or equipment at a point of disconnection until all "
        "protective grounds have been removed, all crews working on them have released their clearances, all "
        "employees are clear, and all protective tags have been removed from that point of disconnection.",
    )

    pdf.band("1910.269(x) - Definitions (excerpt)")
    para_id(
        "Enclosed space",
        "A working space, such as a manhole, vault, tunnel or shaft, that has a limited means of entry or "
        "egress, is designed for periodic employee entry under normal operating conditions, and under normal "
        "conditions does not contain a hazardous atmosphere, but may contain one under abnormal conditions.",
    )
    para_id(
        "Hazardous atmosphere",
        "An atmosphere that may expose employees to death, incapacitation, impaired ability to self-rescue, "
        "injury or acute illness from: (1) flammable gas, vapor or mist above 10 percent of its lower "
        "flammable limit (LFL); (2) airborne combustible dust at or above its LFL; (3) an oxygen "
        "concentration below 19.5 percent or above 23.5 percent; (4) a substance above its permissible "
        "exposure limit; or (5) any other atmospheric condition immediately dangerous to life or health.",
    )
    note(
        pdf,
        "[Not reproduced: 1910.269(a) - (d), (f), (g), (i) - (l), (n) - (w) and the remaining "
        "definitions and appendices.]",
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


UTIL = "Sierra Gold Electric Company"
E = "1910.269"

# ---- A1: landscape findings table (pole strength / safety factors) ----------------------------------
A1 = dict(
    file="audits/SG-1-pole-strength-findings-table.pdf",
    metadata=dict(
        pm_number="35520614",
        notification_number="123107752",
        location="Sierra Gold Electric - Auburn Ravine 12 kV joint-pole rebuild, poles 201 - 240, Placer County",
        contractor="Foothill Line Constructors, Inc.",
        foreman="Wade Castellanos",
        auditor="Renee Okamura",
        audit_date="2025-09-22",
        score="72.22% (130/180)",
    ),
    # (no, pole, grade, finding, cited, disposition, label)
    rows=[
        (
            "1",
            "201 - 203",
            "B",
            "Loading calculations on file; safety factors 4.3 to 5.1 at installation.",
            "GO 95 44.1",
            "Accepted",
            None,
        ),
        (
            "2",
            "204",
            "B",
            "New wood pole 204 (Grade B) designed with a calculated safety factor of 3.2 at installation.",
            "GO 95 44.1",
            "Go-back",
            V(GO95, "44.1", "Table 4: Grade B wood poles at installation 4.00; 3.2 is below it."),
        ),
        (
            "3",
            "207",
            "B",
            "Existing wood pole 207 (Grade B) calculates at a safety factor of 2.8 after the new transformer was "
            "added; inspector requires replacement to restore a safety factor of 4.0.",
            "GO 95 44.1",
            "Go-back",
            R(
                GO95,
                "44.3",
                "44.3 / Table 4: an existing Grade B wood pole is replaced below 2.67; 2.8 meets it, and "
                "44.2 only bars additions that go below the 44.3 values.",
            ),
        ),
        (
            "4",
            "211",
            "B",
            "Existing wood pole 211 (Grade B) calculates at a safety factor of 2.4 under present loading; no "
            "replacement or reinforcement is scheduled.",
            "GO 95 44.3",
            "Go-back",
            V(
                GO95,
                "44.3",
                "44.3: Grade B replaced or reinforced before falling below 2/3 of 4.00 = 2.67; 2.4 is lower.",
            ),
        ),
        (
            "5",
            "215",
            "C",
            "Wood pole 215 carries only communication cable (Grade C), shows 31 in of sound wood circumference at "
            "the ground line and calculates at a safety factor of 1.6; inspector applies the Grade B replacement "
            "value of 2.67.",
            "GO 95 44.3",
            "Go-back",
            R(
                GO95,
                "44.3",
                "44.3 / Table 4: Grade C wood poles at replacement 1.33 (1/2 of 2.67); 1.6 meets it, and "
                "31 in exceeds the 81.3-A 12 in.",
            ),
        ),
        (
            "6",
            "218",
            "B",
            "Replacement down guy on pole 218 (Grade B) calculated at a safety factor of 1.5 at installation.",
            "GO 95 44.1",
            "Go-back",
            V(GO95, "44.1", "Table 4 item 8: guys in Grade B at installation 2.00; 1.5 is below it."),
        ),
        (
            "7",
            "222",
            "B",
            "New steel pole 222 (Grade B) designed with a safety factor of 1.6 on yield strength; inspector "
            "requires 4.0 as for wood poles.",
            "GO 95 44.1",
            "Go-back",
            R(
                GO95,
                "44.1",
                "Table 4 item 2: non-wood poles at installation 1.50; 1.6 meets it. 4.00 is the wood-pole row.",
            ),
        ),
        (
            "8",
            "224",
            "B",
            "Crossarm and pin calculations checked; values meet Table 4.",
            "GO 95 44.1",
            "Accepted",
            None,
        ),
        (
            "9",
            "226",
            "A",
            "Pole 226, end support of the 12 kV crossing over the railroad main line (Grade A), was checked with no "
            "unbalanced longitudinal load because the adjacent spans are equal.",
            "GO 95 47.3",
            "Go-back",
            V(
                GO95,
                "47.3",
                "47.3: end supports of crossings in Grade A or B take the tension of 1/3 of the "
                "conductors as unbalanced load, safety factor at least one.",
            ),
        ),
        (
            "10",
            "229",
            "B",
            "Pole 229 (Grade B): no longitudinal end-support check was made for the Class L (0 - 750 V) secondary "
            "crossing the minor spur railway; inspector cites Rule 47.3.",
            "GO 95 47.3",
            "Go-back",
            R(
                GO95,
                "47.3",
                "47.3 exclusion: where Grade B is required, Class L lines crossing minor railways are "
                "excluded.",
            ),
        ),
        (
            "11",
            "233",
            "B",
            "Guyed dead-end pole 233 checked as a strut at the guy attachment.",
            "GO 95 49.1-A",
            "Accepted",
            None,
        ),
        (
            "12",
            "238",
            "C",
            "New communication pole 238 in a Grade C rural district has a top circumference of 16 in.",
            "GO 95 49.1-B",
            "Go-back",
            N(
                "49.1-B prints the Grade C urban row (19 in) but not the Grade C rural row; the library cannot decide."
            ),
        ),
        ("13", "240", "B", "Pole-top extension: none on this job.", "-", "N/A", None),
    ],
)


def audit_a1(path):
    a, m = A1, A1["metadata"]
    pdf = Doc(
        f"{UTIL} - Distribution Quality Assurance",
        "QA-44 Pole Strength Audit Findings",
        orientation="landscape",
    )
    pdf.add_page()
    pdf.line_text("POLE STRENGTH AND LOADING QA AUDIT - FINDINGS", 13, "B", h=7)
    pdf.set_font("Helvetica", "", 9.5)
    for ln in [
        f"PM Number: {m['pm_number']}",
        f"Notification Number: {m['notification_number']}",
        "Audit Date: 09/22/2025",
        f"Location: {m['location']}",
        f"Contractor: {m['contractor']}",
        f"Foreman: {m['foreman']}",
        f"QA Auditor: {m['auditor']}",
        f"Audit Score: {m['score']}",
    ]:
        pdf.multi_cell(0, 4.8, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.para(
        "Grade = grade of construction under GO 95 Rule 42 as shown on the design. Disposition Go-back "
        "means the crew or the designer returns to correct the item.",
        size=9,
    )
    pdf.grid(
        ["No.", "Pole", "Grade", "Finding", "Cited", "Disposition"],
        [list(r[:6]) for r in a["rows"]],
        (11, 20, 14, 156, 23, 20),
        size=8.5,
    )
    n = sum(1 for r in a["rows"] if r[5] == "Go-back")
    pdf.para(f"Total go-backs: {n}. Accepted and N/A rows require no action.", size=9)
    pdf.para(f"Auditor: {m['auditor']}        Contractor acknowledgement: {m['foreman']}", size=9)
    pdf.output(path)


# ---- A2: review letter with numbered paragraphs (pole loading calculations) -------------------------
A2 = dict(
    file="audits/SG-2-pole-loading-review-letter.pdf",
    metadata=dict(
        pm_number="35523390",
        notification_number="123110468",
        location="Sierra Gold Electric - Grass Valley joint poles 1 - 40, Nevada County (fiber overlash)",
        contractor="Bayline Fiber Networks, LLC",
        foreman="Priscilla Nakamura",
        auditor="Thomas Brennan, P.E.",
        audit_date="2025-09-30",
        score="61.11% (55/90)",
    ),
    paras=[
        (
            "The calculations for poles 12 through 30, which stand at elevations between 3,400 and 3,900 feet, use "
            "light loading (8 psf wind, no ice).",
            V(
                GO95,
                "43.1",
                "43.1: heavy loading applies above 3,000 ft (6 psf wind with 1/2 in radial ice, 0 F).",
            ),
        ),
        (
            "The calculations for poles 31 through 40, at elevations of 2,100 to 2,600 feet, use light loading; our "
            "field reviewer asked for heavy loading with 1/2 in of radial ice.",
            R(
                GO95,
                "43.2",
                "43.2: light loading applies at 3,000 ft or less; heavier loading is only permitted.",
            ),
        ),
        (
            "Your overlash adds 4 percent to the load on pole 18, no other facilities were added there in the past "
            "12 months, and no loading calculation was made; our field reviewer requires a calculation for every "
            "attachment.",
            R(
                GO95,
                "44.2",
                "44.2 note: a material increase is more than 5% per installation or 10% in 12 months; "
                "4% alone needs no calculation.",
            ),
        ),
        (
            "Pole 22 received three attachments within the last 12 months, each adding 4 percent, for 12 percent in "
            "all; no loading calculation was made for the third attachment.",
            V(
                GO95,
                "44.2",
                "44.2 note: more than 10% over a 12-month span is a material increase needing a calculation.",
            ),
        ),
        (
            "The loading calculations for your 2016 attachments on poles 5 through 9 were discarded in 2023 and "
            "could not be produced when we asked for them.",
            V(GO95, "44.2", "44.2: calculations are kept for ten years; 2016 to 2023 is seven."),
        ),
        (
            "Bayline provided its table of standard input values 25 business days after our request; no exigent "
            "circumstances or agreement to extend applied.",
            V(
                GO95,
                "44.4",
                "44.4 note: promptly means no more than 15 business days absent exigency or agreement.",
            ),
        ),
        (
            "Bayline provided the requested intrusive test data for poles 1 through 4 twelve business days after "
            "the request; our field reviewer recorded the delivery as late.",
            R(GO95, "44.4", "44.4 note: 12 business days is within the 15-business-day limit."),
        ),
        (
            "The calculation for pole 38 does not state the pole's elevation or the loading district used.",
            N("Without elevation or district the loading (43.1 or 43.2) cannot be checked."),
        ),
        (
            "The calculation for western red cedar pole 40 uses a modulus of rupture of 8,000 psi.",
            N("The modulus of rupture is set by Rule 48.1, which this library does not reproduce."),
        ),
    ],
)


def audit_a2(path):
    a, m = A2, A2["metadata"]
    pdf = Doc("", f"{UTIL} - Joint Pole Engineering Review")
    pdf.add_page()
    pdf.line_text(UTIL.upper(), 13, "B", h=7)
    pdf.line_text("Joint Pole Engineering - Loading Review Desk", 9.5)
    pdf.line_text("410 Mill Street, Grass Valley, California", 9.5)
    pdf.ln(4)
    pdf.para("September 30, 2025", size=10)
    pdf.para(
        f"{m['contractor']}\nAttention: {m['foreman']}, Construction Manager\n2200 Bayshore Parkway, Oakland, "
        "California",
        size=10,
        h=5,
    )
    pdf.para(
        f"Re: PM {m['pm_number']}, Notification {m['notification_number']} - review of pole loading for "
        f"{m['location']}. Review score: {m['score']}.",
        size=10,
        h=5,
        style="B",
    )
    pdf.para("Dear Ms. Nakamura,", size=10)
    pdf.para(
        "We have reviewed the pole loading package for the overlash project against General Order 95. The guy "
        "sizes and anchor selections are acceptable, and the sag tables for the light-loading poles are in "
        "order. Each numbered paragraph below is a go-back; please correct the package and resubmit within 30 "
        "days.",
        size=10,
        h=5,
    )
    for i, (text, _) in enumerate(a["paras"], 1):
        pdf.ensure(14)
        pdf.set_font("Helvetica", "", 10)
        pdf.set_x(pdf.l_margin)
        pdf.cell(8, 5.2, f"{i}.")
        pdf.multi_cell(
            pdf.w - pdf.l_margin - pdf.r_margin - 8, 5.2, clean(text), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1.4)
    pdf.ln(1)
    pdf.para(
        "Recommendation (not a go-back): we suggest that future packages show the elevation of every pole on the "
        "summary sheet.",
        size=10,
        h=5,
    )
    pdf.para(f"Sincerely,\n\n{m['auditor']}\nSupervising Joint Pole Engineer", size=10, h=5)
    pdf.output(path)


# ---- A3: Yes / No / N/A checklist (communication guys) -----------------------------------------------
A3 = dict(
    file="audits/SG-3-communication-guys-checklist.pdf",
    metadata=dict(
        pm_number="35526041",
        notification_number="123113905",
        location="Sierra Gold Electric - Penryn Road communication guying, poles 5510 - 5545",
        contractor="Ridgeline Telecom Builders",
        foreman="Jorge Villalobos",
        auditor="Dana Whitfield",
        audit_date="2025-10-02",
        score="58.33% (21/36)",
    ),
    # (no, item, answer Yes/No/N/A, comment, label)
    rows=[
        ("1", "Guy thimbles at anchor rods", "Yes", "Thimbles installed on poles 5510 and 5511.", None),
        (
            "3",
            "Guy shims on soft-wood poles",
            "No",
            "Guy of 4,000 lb ultimate strength wrapped around cedar pole 5519 has no guy shim; inspector requires "
            "shims on every wrapped guy.",
            R(
                GO95,
                "86.5",
                "86.5: shims are required for wrapped guys of 5,000 lb or more ultimate strength.",
            ),
        ),
        (
            "4",
            "Guy marker installed",
            "No",
            "Anchor guy at pole 5521 has no guy marker.",
            V(GO95, "86.9", "86.9: a marker at least 8 ft long on every anchor guy."),
        ),
        (
            "6",
            "Guy marker material and length",
            "No",
            "Yellow plastic guy marker 8 ft long at pole 5528; inspector requires a metal guard painted white.",
            R(
                GO95,
                "86.9",
                "86.9: suitable material including metal or plastic, at least 8 ft; no colour required.",
            ),
        ),
        (
            "7",
            "Sectionalizing of overhead guys",
            "No",
            "Overhead guy between communication-only poles 5530 and 5531, with no supply conductors on or near "
            "either pole, is neither sectionalized nor grounded.",
            R(
                GO95,
                "86.6-A",
                "86.6-A: guys on communication-only poles, not exposed or in proximity, need neither.",
            ),
        ),
        (
            "8",
            "Sectionalizing insulator location",
            "No",
            "Overhead guy from joint pole 5533 (12 kV on the pole, guy in proximity) has its insulator 11 ft along "
            "the guy from the pole attachment.",
            V(
                GO95,
                "86.7-A",
                "86.7-A(2): insulator 6 to 9 ft along the guy from each attachment; 11 ft is too far.",
            ),
        ),
        (
            "9",
            "Sectionalizing insulator location",
            "No",
            "Overhead guy insulator at pole 5535 hangs 7 ft above the ground.",
            V(GO95, "86.7-A", "86.7-A: all insulators in overhead guys at least 8 ft above the ground."),
        ),
        (
            "10",
            "Sectionalizing insulator location",
            "No",
            "Exposed overhead guy 14 ft long between poles 5537 and 5538 has one insulator at mid-span; inspector "
            "requires an insulator near each pole.",
            R(
                GO95,
                "86.7-A",
                "86.7-A(1): one insulator suffices where the guy is less than 17 ft between poles.",
            ),
        ),
        (
            "11",
            "Anchor guy sectionalizing",
            "No",
            "Anchor guy at pole 5540 passes the 12 kV conductors; the insulator position could not be confirmed "
            "from the ground.",
            N("The position was not measured, and 86.7-B is only partly reproduced."),
        ),
        (
            "12",
            "Guy tension",
            "No",
            "Down guy at pole 5542 is slack.",
            N("No guy-tension clause (Rule 86.2) is in this library."),
        ),
        ("13", "Crossarm guys", "N/A", "No crossarm guys in this sample.", None),
    ],
)


def audit_a3(path):
    a, m = A3, A3["metadata"]
    pdf = Doc("", f"{UTIL} - Form QC-86 Communication Guying Checklist")
    pdf.add_page()
    pdf.line_text("QC CHECKLIST - COMMUNICATION LINE GUYS", 14, "B", h=8, align="C")
    pdf.ln(2)
    w = pdf.w - pdf.l_margin - pdf.r_margin
    grid = [
        ("PM No.", m["pm_number"], "Notification No.", m["notification_number"]),
        ("Audit date", "10/02/2025", "Score", m["score"]),
        ("Contractor", m["contractor"], "Foreman", m["foreman"]),
        ("Auditor", m["auditor"], "Sample", "36 poles, 31 guys"),
    ]
    for k1, v1, k2, v2 in grid:
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(w * 0.17, 6, clean(k1), border=1)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(w * 0.33, 6, clean(v1), border=1)
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(w * 0.17, 6, clean(k2), border=1)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(w * 0.33, 6, clean(v2), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(w * 0.17, 6, "Location", border=1)
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(w * 0.83, 6, clean(m["location"]), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para("Conforming? Answer Yes, No or N/A. Each No is a non-conforming item (go-back).", size=9)
    body = [[str(k), item, ans, com] for k, (_, item, ans, com, _l) in enumerate(a["rows"], 1)]
    pdf.grid(["No.", "Item checked", "Conforming?", "Comments"], body, (10, 46, 22, 102), size=8.3)
    nf = sum(1 for r in a["rows"] if r[2] == "No")
    pdf.para(f"Total Number of Non-Conforming Items {nf}", size=9.5, style="B")
    pdf.para(f"Auditor: {m['auditor']}    Foreman: {m['foreman']}    Signed 10/02/2025", size=9)
    pdf.output(path)


# ---- A4: time-stamped field log (enclosed spaces) -----------------------------------------------------
A4 = dict(
    file="audits/SG-4-vault-entry-field-log.pdf",
    metadata=dict(
        pm_number="35529877",
        notification_number="123118230",
        location="Sierra Gold Electric - Roseville downtown underground, vaults V-118 to V-126",
        contractor="Granite Bay Underground, Inc.",
        foreman="Luis Ferreira",
        auditor="Kim Haldane",
        audit_date="2025-10-09",
        score="55.00% (44/80)",
    ),
    entries=[
        ("07:30", "Arrived; tailboard held, entry roster and rescue tripod checked at the truck.", None),
        (
            "07:50",
            "Vault V-118: the cover was pried off before anyone checked for pressure or temperature "
            "differences or evaluated the atmosphere.",
            V(
                OSHA,
                f"{E}(e)(4)",
                "(e)(4): evaluate pressure/temperature and atmosphere before a cover is removed.",
            ),
        ),
        (
            "08:40",
            "Vault V-118: entrant went in without an oxygen test; continuous forced-air ventilation from "
            "a clean source had run since 08:15 and the crew procedure covers oxygen deficiency.",
            R(
                OSHA,
                f"{E}(e)(9)",
                "(e)(9) exception: no oxygen test needed with continuous forced-air ventilation "
                "and procedures that prevent exposure.",
            ),
        ),
        (
            "09:20",
            "Vault V-120: the gas meter label shows a last calibration in 2024; no accuracy record at the "
            "site.",
            N(
                "(e)(8) needs the meter in calibration with +/-10% accuracy; the log does not show it is out of "
                "calibration or inaccurate."
            ),
        ),
        (
            "10:40",
            "Vault V-121: flammable reading 3 percent of the LFL; the crew used continuous monitoring "
            "instead of forced-air ventilation and the inspector requires ventilation.",
            R(
                OSHA,
                f"{E}(e)(11)",
                "(e)(11): monitoring may replace ventilation when gases are initially at safe "
                "levels; 3% LFL is below the 10% of the hazardous-atmosphere definition.",
            ),
        ),
        (
            "11:15",
            "Vault V-122: flammable reading 14 percent of the LFL; two employees entered with continuous "
            "monitoring only (1910.269(e)(11)).",
            V(
                OSHA,
                f"{E}(e)(11)",
                "(e)(11): monitoring in lieu of ventilation only at safe levels; 14% LFL is a "
                "hazardous atmosphere (also barred by (e)(6)).",
            ),
        ),
        ("12:00", "Lunch.", None),
        (
            "13:30",
            "Vault V-124: the ventilation blower was started at the same moment the entrant climbed in.",
            V(
                OSHA,
                f"{E}(e)(12)",
                "(e)(12): ventilation begins before entry and runs long enough to show a safe atmosphere.",
            ),
        ),
        (
            "14:10",
            "Vault V-124: splicer using a propane torch; flammable tests made at 13:05 just before lighting "
            "and at 13:50; inspector requires a test every 30 minutes.",
            R(
                OSHA,
                f"{E}(e)(14)",
                "(e)(14): immediately before use and at least once per hour; 45 minutes meets it.",
            ),
        ),
        (
            "14:40",
            "Vault V-124: no attendant at the opening in the sidewalk while pedestrians passed within 2 ft "
            "of it.",
            V(
                OSHA,
                f"{E}(e)(7)",
                "(e)(7): first-aid-trained attendant required where traffic patterns create a hazard.",
            ),
        ),
        (
            "15:00",
            "Vented vault V-126: the crew entered without atmosphere tests after verifying that the vault "
            "ventilation system was running; inspector cites 1910.269(e).",
            R(
                OSHA,
                f"{E}(e)",
                "(e) scope: it does not apply to vented vaults once the employer has found the "
                "ventilation system operating.",
            ),
        ),
        (
            "15:45",
            "Vault V-125: the entrant had no enclosed-space rescue training record with him.",
            N(
                "(e)(2) requires training, not a record carried at the site; whether he was trained is not stated."
            ),
        ),
        ("16:10", "Walked the job with the foreman; covers replaced; off site 16:30.", None),
    ],
)


def audit_a4(path):
    a, m = A4, A4["metadata"]
    pdf = Doc(f"{UTIL} - Safety Observer Daily Log", "Field log transcribed from the observer's notebook")
    pdf.add_page()
    pdf.line_text("SAFETY OBSERVER DAILY FIELD LOG - ENCLOSED SPACE ENTRY", 12, "B", h=7)
    pdf.set_font("Courier", "", 9)
    for ln in [
        f"DATE: 2025-10-09   PM#: {m['pm_number']}   NOTIF#: {m['notification_number']}",
        f"SITE: {m['location']}",
        f"CONTRACTOR: {m['contractor']}",
        f"FOREMAN: {m['foreman']}   OBSERVER: {m['auditor']}",
        f"SCORE: {m['score']}",
    ]:
        pdf.multi_cell(0, 4.6, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para("GB = go-back (crew corrects and the observer re-checks); -- = note only.", size=9)
    for t, text, lab in a["entries"]:
        pdf.ensure(12)
        pdf.set_font("Courier", "B", 9.5)
        pdf.cell(16, 5, t)
        pdf.cell(10, 5, "GB" if lab else "--")
        pdf.set_font("Helvetica", "", 9.5)
        pdf.multi_cell(
            pdf.w - pdf.l_margin - pdf.r_margin - 26, 5, clean(text), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1)
    pdf.ln(2)
    pdf.para(f"Logged by {m['auditor']}.", size=9)
    pdf.output(path)


# ---- A5: INFRACTION blocks (deenergizing and ladders) -------------------------------------------------
A5 = dict(
    file="audits/SG-5-clearance-and-ladders-infractions.pdf",
    metadata=dict(
        pm_number="35533102",
        notification_number="123121647",
        location="Sierra Gold Electric - Lincoln 21 kV Circuit 2104 tap rebuild, poles 80 - 97",
        contractor="Foothill Line Constructors, Inc.",
        foreman="Brandon Tuttle",
        auditor="Angela Morrow",
        audit_date="2025-10-15",
        score="63.64% (70/110)",
    ),
    # (location, issue, cited, required correction, label)
    blocks=[
        (
            "Pole 84, 21 kV tap",
            "After the system operator gave the clearance, the crew began work on the deenergized tap without "
            "testing it with a voltage detector.",
            "29 CFR 1910.269(m)(3)(vi)",
            "Test for absence of voltage before grounding and work.",
            V(
                OSHA,
                f"{E}(m)(3)(vi)",
                "(m)(3)(vi): test with a device designed to detect voltage after the clearance.",
            ),
        ),
        (
            "Fused cutouts, pole 90 single-phase tap",
            "The foreman opened the cutouts feeding the single-phase tap himself; no system operator is in charge "
            "of the tap, only his crew was working, the cutouts were in view of the work and under his sole "
            "control, and no tags were hung. Inspector requires tags.",
            "29 CFR 1910.269(m)(3)(ii)",
            "Hang tags on the cutouts.",
            R(
                OSHA,
                f"{E}(m)(2)(iii)",
                "(m)(2)(iii): one crew, disconnect visible and under sole control: tags need not be used.",
            ),
        ),
        (
            "Pole 91",
            "The employee in charge released the clearance while the set of protective grounds at pole 91 was still "
            "installed.",
            "29 CFR 1910.269(m)(3)(x)",
            "Remove all grounds before release; retrain the employee in charge.",
            V(
                OSHA,
                f"{E}(m)(3)(x)",
                "(m)(3)(x)(C): all protective grounds removed before the clearance is released.",
            ),
        ),
        (
            "Network vault NV-7",
            "The network protectors in vault NV-7 were not tagged for the primary feeder work; they trip open when "
            "the primary is deenergized, cannot be closed without tools, their manual override is locked out, and "
            "the override procedure is in place. Inspector requires tags.",
            "29 CFR 1910.269(m)(3)(ii)",
            "Tag the network protectors.",
            R(
                OSHA,
                f"{E}(m)(3)(iv)",
                "(m)(3)(iv): network protector tags not needed when (A) to (C) are demonstrated.",
            ),
        ),
        (
            "Pad-mounted transformer T-418",
            "An aluminum extension ladder was used to reach the energized 480 V bus of the open pad-mounted "
            "transformer.",
            "29 CFR 1910.269(h)(3)",
            "Use a nonconductive ladder.",
            V(
                OSHA,
                f"{E}(h)(3)",
                "(h)(3): portable conductive ladders may not be used near exposed energized equipment.",
            ),
        ),
        (
            "Pole 95",
            "Pole-mounted platform marked for a 350 lb working load and tested by the maker to 900 lb carried a "
            "lineman and tools weighing 300 lb; inspector requires a platform tested to 1,000 lb.",
            "29 CFR 1910.269(h)(2)",
            "Replace the platform.",
            R(
                OSHA,
                f"{E}(h)(2)(iv)",
                "(h)(2)(iv): 2.5 x 300 lb = 750 lb; 900 lb meets it, and 300 lb is within the "
                "350 lb working load.",
            ),
        ),
        (
            "Substation 2104 230 kV yard",
            "A metal ladder was used for the bus work in the 230 kV yard; the employer's written analysis found "
            "that a fiberglass ladder would be a greater hazard there because of induced voltage. Inspector cites "
            "the ban on conductive ladders.",
            "29 CFR 1910.269(h)(3)",
            "Use a nonconductive ladder.",
            R(
                OSHA,
                f"{E}(h)(3)",
                "(h)(3): in specialized high-voltage work a conductive ladder shall be used where "
                "the employer shows a nonconductive one is the greater hazard.",
            ),
        ),
        (
            "Line truck 57",
            "A wood extension ladder with a cracked side rail was stored on the line truck and not tagged out.",
            "29 CFR 1910.269(h)(1)",
            "Remove the ladder from service.",
            N("(h)(1) refers to Subpart D for ladder condition, which the library does not reproduce."),
        ),
        (
            "Clearance form C-2104-118",
            "The clearance form for the 21 kV tap shows no time of release.",
            "Company clearance procedure",
            "Complete the form.",
            N("No record-keeping clause for clearance forms is in the library."),
        ),
    ],
    passed=[
        "Tags on the pole 84 and pole 90 switches prohibit operation and state that employees are at work.",
        "Clearance transferred at 12:30 with the system operator and the crew informed.",
    ],
)


def audit_a5(path):
    a, m = A5, A5["metadata"]
    pdf = Doc(f"{UTIL} - Field Safety Audit", "Form FSA-269 Field Safety Audit Report")
    pdf.add_page()
    pdf.line_text("FIELD SAFETY AUDIT REPORT", 14, "B", h=8)
    pdf.set_font("Helvetica", "", 9.5)
    for ln in [
        f"PM #: {m['pm_number']}      Notification #: {m['notification_number']}",
        "Date of audit: October 15, 2025",
        f"Job location: {m['location']}",
        f"Contractor: {m['contractor']}      Foreman: {m['foreman']}",
        f"Auditor: {m['auditor']}      Audit score: {m['score']}",
    ]:
        pdf.multi_cell(0, 5, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for i, (loc, issue, cited, fix, _) in enumerate(a["blocks"], 1):
        pdf.ensure(34)
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(0, 5.5, f"INFRACTION #{i}:", new_x="LMARGIN", new_y="NEXT")
        for k, v in (
            ("Location", loc),
            ("Issue", issue),
            ("Reference", cited),
            ("Status", "Open - go-back"),
            ("Required correction", fix),
        ):
            pdf.set_x(pdf.l_margin + 4)
            pdf.set_font("Helvetica", "B", 9.5)
            pdf.cell(38, 5, clean(k + ":"))
            pdf.set_font("Helvetica", "", 9.5)
            pdf.multi_cell(
                pdf.w - pdf.l_margin - pdf.r_margin - 42, 5, clean(v), new_x="LMARGIN", new_y="NEXT"
            )
        pdf.ln(2)
    pdf.band("Items observed in compliance (no action)", size=10)
    for t in a["passed"]:
        pdf.para("- " + t, size=9.5)
    pdf.para(f"Total infractions: {len(a['blocks'])}.   Auditor: {m['auditor']}", size=9.5, style="B")
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/GO-95-loading-safety-factors-communication-guys-excerpt.pdf",
        GO95,
        "CPUC General Order 95 Rules for Overhead Electric Line Construction: Rules 12.2, 43 (43.1, 43.2), 44 "
        "(44.1 with Table 4 Minimum Allowable Safety Factors, 44.2, 44.3, 44.4), 47.3, 49.1-A, 49.1-B, 86.5, 86.6, "
        "86.7, 86.9 (excerpt)",
        "Rev. 2025-06",
        spec_go95,
    ),
    (
        "specs/OSHA-1910.269-enclosed-spaces-ladders-deenergizing-excerpt.pdf",
        OSHA,
        "OSHA 29 CFR 1910.269 Electric Power Generation, Transmission, and Distribution: (e) enclosed spaces, "
        "(h) ladders and platforms, (m) deenergizing lines and equipment, (x) two definitions (excerpt)",
        "Revision 2014-04",
        spec_osha,
    ),
]
AUDITS = [(A1, audit_a1), (A2, audit_a2), (A3, audit_a3), (A4, audit_a4), (A5, audit_a5)]


def labelled(a):
    if a is A1:
        return [(r[3], r[6]) for r in a["rows"] if r[6]]
    if a is A2:
        return a["paras"]
    if a is A3:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    if a is A4:
        return [(e[1], e[2]) for e in a["entries"] if e[2]]
    return [(b[1], b[4]) for b in a["blocks"]]


def expected():
    out = {
        "name": "realtext-go6",
        "organization": "Pole loading, safety factors and communication guys; enclosed spaces, ladders and "
        "deenergizing (fictional audits)",
        "note": (
            "Blind corpus written from CPUC GO 95 (Rules 12.2, 43, 43.1, 44, 44.2, 44.3, 44.4, 47.3, 49.1, 86.5, "
            "86.6, 86.7, 86.9 read; 43.2 and Table 4 restated) and OSHA 29 CFR 1910.269 (e), (h), (m) (restated; "
            "state-plan parallels and OSHA pages read) through the search tool; wording condensed, and what was "
            "restated rather than read is listed in the README. Labels by hand from the clause text, without "
            "reading the product code. 'why' is ignored by score.py. audit_date values are ISO; SG-1 prints "
            "MM/DD/YYYY, SG-2 'Month D, YYYY', SG-3 MM/DD/YYYY, SG-4 ISO, SG-5 'Month D, YYYY'."
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
        spec_text = {}
        for f, doc, _, rev, _ in SPECS:
            pages = [p.extract_text() for p in pypdf.PdfReader(os.path.join(d1, f)).pages]
            print(f"{f}: {len(pages)} page(s)")
            alltext = "".join(pages)
            spec_text[doc] = _norm(alltext)
            if f"Document: {doc}" not in alltext:
                print("no document id in", f)
                ok = False
            if _norm(rev) not in _norm(alltext):
                print("no revision in", f)
                ok = False
            if doc == GO95:
                on = [i + 1 for i, p in enumerate(pages) if _norm(T4_HEAD) in _norm(p)]
                print(f"Table 4 header {T4_HEAD!r} on pages {on}")
                if len(on) < 2:
                    print("Table 4 does not repeat its header on a second page")
                    ok = False
        exp = expected()
        n = {"VALID": 0, "REPEALABLE": 0, "NEEDS_REVIEW": 0}
        for a in exp["audits"]:
            reader = pypdf.PdfReader(os.path.join(d1, a["file"]))
            txt = _norm("".join(p.extract_text() for p in reader.pages))
            print(f"{a['file']}: {len(reader.pages)} page(s), {len(a['infractions'])} labelled")
            for k in (
                "pm_number",
                "notification_number",
                "location",
                "contractor",
                "foreman",
                "auditor",
                "score",
            ):
                if _norm(a["metadata"][k]) not in txt:
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
                if i["section"] and _norm(i["section"]) not in spec_text[i["document"]]:
                    print("section not printed in its spec:", i["section"])
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
