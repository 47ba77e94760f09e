#!/usr/bin/env python3
"""Build the realtext-go5 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Crossarms, strength of materials and distribution inspection cycles: a library restating parts of CPUC
General Order 95 (Rules 48, 48.1 with Table 5, 48.2, 48.4, 49.2, 52.4, 52.5, 57.7, 72.4, 81.3-A) and CPUC
General Order 165 (purpose, definitions, Table 1 inspection cycles with its notes, records), plus four
fictional QA audits in four layouts (findings table with a Reference column, Pass/Fail/N/A checklist,
narrative review letter with numbered paragraphs, time-stamped field log).

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>",
that GO 165 Table 1 repeats its header row on a second page, that the PM and notification numbers and every
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
        self.set_creator("realtext-go5 make_corpus.py")
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
GO165 = "GO-165"
T1_HEAD = "Patrol - Urban"


def spec_go95(path):
    doc = GO95
    pdf = Doc(
        f"CPUC General Order 95 - Rules for Overhead Electric Line Construction - Document {doc}",
        f"{doc}   Rev. 2025-01 library excerpt   Condensed; the Commission's published text governs",
    )
    title_block(
        pdf,
        [
            ("Public Utilities Commission of the State of California", 10),
            ("General Order No. 95", 14),
            ("Rules for Overhead Electric Line Construction", 11),
        ],
        [
            "Section IV Strength Requirements for All Classes of Lines (Rules 48, 49.2); Section V Detailed "
            "Construction Requirements for Supply Lines (Rules 52.4, 52.5, 57.7); Section VII Class T "
            "circuits (Rule 72.4); Section VIII Communication Lines (Rule 81.3-A).",
        ],
        doc,
        "Rev. 2025-01 (library excerpt; Rule 48 and Table 5 as revised by Decision 14-02-015)",
        "2025-01-15 (library copy)",
        "Rules 48, 48.1 (Table 5), 48.2, 48.4; 49.2-A, 49.2-B, 49.2-C, 49.2-E; 52.4-A, 52.4-B; 52.5; 57.7; "
        "72.4; 81.3-A",
    )

    pdf.band("Section IV - Strength Requirements for All Classes of Lines")
    pdf.heading("48", "Strength of Materials")
    pdf.para(
        "Structural members and their connections shall be designed and built so that neither the structure "
        "nor any part of it fails or is seriously distorted at a load below its maximum working load (under the "
        "loadings of Rule 43 for the actual construction arrangement) multiplied by the safety factors of Rule "
        "44. The strength values used for materials shall be consistent with the Rule 44 safety factors. "
        "[Rules 43 and 44 and Table 4 are not reproduced in this excerpt.]"
    )
    pdf.heading("48.1", "Wood")
    pdf.para(
        "The bending strength (modulus of rupture) of wood poles, crossarms and other wood members shall be "
        "taken from Table 5, in the column for the form of the member: sawed rectangular members (crossarms, "
        "sawed poles and the like) or round poles. The notes to Table 5 modify the tabulated values."
    )
    pdf.para(
        "Table 5 - Wood Strengths (modulus of rupture in bending (a), lbs per square inch)",
        style="B",
        gap=0.8,
    )
    pdf.grid(
        ["Species", "Sawed Rectangular Poles, Crossarms, Etc. (b)", "Round Poles"],
        [
            ["Cedar, western red", "4,700", "6,000"],
            ["Douglas fir, dense", "6,300", "6,800 (c)"],
            ["Douglas fir, not dense", "5,800", "6,800 (c)"],
            ["Fir, white or red, local", "4,700", "5,600"],
            ["Pine, southern yellow, dense", "6,300", "6,800 (c)"],
            ["Pine, southern yellow, not dense", "5,800", "6,800 (c)"],
            ["Redwood, virgin", "5,300", "6,200"],
            ["Redwood, second growth", "3,900", "6,200"],
        ],
        (62, 70, 48),
        size=8.5,
    )
    note(
        pdf,
        "(a) The values are for green (freshly sawed, unseasoned) wood, determined by the criteria and standards "
        "of the USDA Wood Handbook (Agriculture Handbook 72). A species not listed may be rated from another "
        "reference, such as USDA Tropical Timbers of the World (Agriculture Handbook 607), provided its test "
        "methods meet or exceed the criteria of Handbook 72.",
    )
    note(
        pdf,
        "(b) The sawed values are for select structural grade under short-time loading with the neutral plane "
        "parallel to a side. Where the neutral plane lies on the diagonal of a square section, multiply the value "
        "by 1.4. Where the load is a long-time load (continuous for one year or more), multiply the value by "
        "0.55. Sawed members are further derated for density and second growth [derating factors not "
        "reproduced].",
    )
    note(pdf, "(c) [Text of note (c) not reproduced in this excerpt.]")
    pdf.heading("48.2", "Steel")
    pdf.para(
        "Structural steel: for tension and bending, the maximum allowable working stress is the yield point, "
        "33,000 lbs per square inch, divided by the Rule 44 safety factor. Compression: by the column formula "
        "using the yield point, the unsupported length and the radius of gyration [formula not reproduced]. "
        "Shear: the ultimate tensile strength, 60,000 lbs per square inch, multiplied by 2/3 and then divided by "
        "the safety factor."
    )
    pdf.para(
        "Where ASTM A36 steel is used, the yield point is taken as 36,000 lbs per square inch and the tensile "
        "strength as 58,000 lbs per square inch (58 ksi). For other grades, the minimum yield point and ultimate "
        "strength of the applicable ASTM specification are used."
    )
    pdf.heading("48.4", "Other Structural Materials")
    pdf.para(
        "For other structural materials the Rule 44 safety factor is applied as follows: tension - the yield "
        "strength divided by the safety factor; compression - the ultimate compressive strength (from a formula "
        "suited to the material, never above its yield strength) divided by the safety factor; shear - the "
        "ultimate shear strength divided by the safety factor. Each result is the maximum allowable working "
        "stress."
    )
    note(
        pdf,
        "[Rules 48.3 Concrete, 48.5 Conductors and guys, 48.6 Foundations and footings and 48.7 are not reproduced.]",
    )

    pdf.heading("49.2", "Crossarms")
    pdf.heading("49.2-A", "Material", size=9.5)
    sub(
        pdf,
        "(1) Wood: suitable grades of Douglas fir, southern yellow pine or another accepted species. "
        "(2) Metal: structural steel, cast steel or malleable cast iron, galvanized or otherwise protected "
        "against corrosion, or a corrosion-resisting metal or alloy.",
    )
    pdf.heading("49.2-B", "Minimum Size", size=9.5)
    sub(
        pdf,
        "(1) Wood crossarms that support or guard supply conductors shall have cross sections of at least: "
        "one piece (homogeneous) 3-1/4 x 4-1/4 inches; fabricated, each single member 1-3/4 x 4-1/4 inches; "
        "laminated 3 x 4 inches.",
    )
    sub(
        pdf,
        "Crossarms that support or guard communication conductors shall have the strength of Douglas fir of at "
        "least 3 x 4-1/2 inches. Exception: a communication crossarm 6-1/2 feet long or shorter that supports "
        "16 wires or fewer needs only the strength of Douglas fir of 2-3/4 x 3-3/4 inches.",
    )
    sub(
        pdf,
        "(2) Metal crossarms shall have dimensions, shape and section giving the strength required by Rules 46, "
        "47 and 48.2; no element shall be thinner than 3/32 inch.",
    )
    pdf.heading("49.2-C", "Strength", size=9.5)
    sub(
        pdf,
        "Crossarms shall be braced where necessary to carry unbalanced vertical loads and to keep any arm from "
        "tipping so far that clearances fall below Section III values; the bracing shall be securely attached "
        "to pole and arm. [The rest of 49.2-C and Rule 49.2-D are not reproduced.]",
    )
    pdf.heading("49.2-E", "Guard Arm", size=9.5)
    sub(
        pdf,
        "A guard arm shall be of wood or another suitable material at least 48 inches long, with the insulating "
        "efficiency required by Rule 22.8. Under Rule 46 each guard arm and its pole attachment shall withstand "
        "a vertical load of 200 pounds at either end. [Rules 22.8 and 46 are not reproduced.]",
    )

    pdf.band("Section V - Detailed Construction Requirements for Supply Lines")
    pdf.heading("52.4", "Marking of Crossarms")
    pdf.para(
        "Crossarms supporting conductors of more than 750 volts, and arms supporting equipment connected to or "
        "containing such conductors, shall be marked by a method of 52.4-A where Rules 52.4-B to 52.4-D require "
        "it, subject to the exceptions of 52.4-E [52.4-C to 52.4-E not reproduced]."
    )
    pdf.heading("52.4-A", "Methods", size=9.5)
    sub(
        pdf,
        "A crossarm to be marked as high voltage shall be painted bright yellow or, instead, carry signs reading "
        '"High Voltage" (or a pair of signs "High" and "Voltage") on face or back, in letters at least 3 inches '
        "high. The letters shall be white on a green or black background, or the sign shall be corrosion-"
        "resisting metal with the letters cut out and clearly legible.",
    )
    pdf.heading(
        "52.4-B", "Crossarms Supporting Conductors of More than 750 Volts and None of 0 - 750 Volts", size=9.5
    )
    sub(
        pdf,
        "(1) Urban districts: every crossarm supporting conductors of more than 750 volts shall be marked as "
        "high voltage, except as provided in Rule 52.4-B3 [not reproduced].",
    )
    sub(
        pdf,
        "(2) Rural districts: (a) every crossarm supporting conductors of 750 - 7,500 volts shall be marked; "
        "(b) every crossarm supporting constant-current circuits of more than 750 volts shall be marked, except "
        "as provided in 52.4-B3. [Items (c) onward not reproduced.]",
    )
    pdf.heading("52.5", "Metal Crossarms and Brackets")
    pdf.para(
        "On wood poles, metal crossarms and brackets shall not support both conductors of 750 - 7,500 volts and "
        "conductors of more than 7,500 volts. Grounded clearance requirements: Rule 54.4-G [not reproduced]."
    )
    pdf.heading("57.7", "Use of Guard Arms and Coverings")
    pdf.para(
        "A guard arm required by Rule 57.4-F [not reproduced] shall be at least 4 feet long (see Rule 20.9-D) and "
        "run parallel to the cable or messenger, not more than 4 inches above its top. Instead of the guard arm, "
        "a protective wood covering at least 4 feet long may be placed around cable and messenger."
    )
    pdf.para(
        "Double guard arms are required where such a messenger or cable is dead-ended on, or wrapped around, a "
        "wood pole less than 6 feet vertically below unprotected supply conductors of other circuits of 750 "
        "volts or less. Riser, grounded lateral and vertical runs of cable are covered as for risers (Rule "
        "54.6-E, not reproduced)."
    )
    pdf.band("Section VII - Class T Circuits")
    pdf.heading("72.4", "Marking")
    pdf.para(
        "Rule 52.4 applies to crossarms supporting Class T conductors, with this exception: a crossarm (wood or "
        "metal), or a device used instead of one, on poles or structures carrying only Class T conductors of "
        "more than 750 volts - or only such conductors and private communication conductors of the same owner - "
        "need not be marked as supporting high voltage conductors. [This rule modifies Rule 52.4.]"
    )
    pdf.band("Section VIII - Communication Lines (Class C Circuits)")
    pdf.heading("81.3-A", "Replacement of Wood Poles in Grade C Construction")
    pdf.para(
        "Grade C wood poles shall be replaced or reinforced before their safety factor falls below one. In "
        "addition, the circumference of sound solid wood, measured anywhere within 18 inches above or below the "
        "ground line, shall not be less than the following before the pole is replaced or reinforced:"
    )
    sub(pdf, "- poles supporting 10 or fewer open wire conductors: 9 inches;")
    sub(pdf, "- poles supporting cable, or more than 10 open wire conductors: 12 inches.")
    note(
        pdf,
        "[Not reproduced in this excerpt: GO 95 Rules 43-47, 49.1, 49.3 onward, 51, 53 to 56, 58 onward, and the "
        "remainder of Sections V, VII and VIII. A go-back that depends on one of them is outside this library.]",
    )
    pdf.output(path)


def spec_go165(path):
    doc = GO165
    pdf = Doc(
        f"CPUC General Order 165 - Inspection Requirements for Electric Distribution Facilities - Document {doc}",
        f"{doc}   Revision 04 library excerpt   Condensed; the Commission's published text governs",
    )
    title_block(
        pdf,
        [
            ("Public Utilities Commission of the State of California", 10),
            ("General Order No. 165", 14),
            ("Inspection Requirements for Electric Distribution and Transmission Facilities", 11),
        ],
        [
            "Appendix A: purpose, applicability, definitions, inspection standards with Table 1 (Distribution "
            "Inspection Cycles, maximum intervals in years) and its notes, records.",
        ],
        doc,
        "Revision 04 (library excerpt; Table 1 note (1) as adopted by Decision 12-01-032)",
        "2012-01-12 (Table 1 note (1))",
        "Sections I to V of Appendix A, Table 1 with note (1) and the notes that follow it",
    )
    pdf.heading("I", "Purpose")
    pdf.para(
        "This General Order sets minimum requirements for electric distribution facilities on inspection "
        "(including the maximum allowed length of inspection cycles), condition rating, scheduling and "
        "performance of corrective action, record-keeping and reporting, to ensure safe and high-quality "
        "electric service and to carry out Section 364 of Assembly Bill 1890 (Chapter 854, Statutes of 1996)."
    )
    pdf.heading("II", "Applicability")
    pdf.para(
        "The order applies to the distribution facilities of the electrical corporations subject to the "
        "Commission's jurisdiction. [Section number and wording are the library's restatement.]"
    )
    pdf.heading("III", "Definitions")
    sub(
        pdf,
        "A. Patrol: a simple visual inspection of utility equipment and structures, made to find obvious "
        "structural problems and hazards; it may be carried out in the course of other company business.",
    )
    sub(
        pdf,
        "B. Detailed: a careful examination of each piece of equipment and structure, visually and with "
        "routine diagnostic tests as appropriate, with the condition of each rated and recorded.",
    )
    sub(
        pdf,
        "C. Intrusive: an inspection that goes beyond visual and routine tests, such as movement of soil, "
        "taking of samples for analysis, or more sophisticated diagnostic tools.",
    )
    note(pdf, "[Definitions A to C are restated by the library; their lettering is the library's.]")
    pdf.heading("IV", "Standards for Inspection")
    pdf.para(
        "Each utility shall inspect its distribution facilities as needed to keep them safe and reliable, and "
        "at least as often as Table 1 requires. Table 1 is read by facility (row) and by type of inspection and "
        "district (column). A dash (---) means no interval is set for that inspection type. The cells marked x "
        "are printed so in the order [their meaning is not stated in the copy read]. The numbered note (1) "
        "modifies the cells that carry it."
    )
    rows = []
    for group in (
        "Transformers",
        "Switching/Protective Devices",
        "Regulators/Capacitors [group label restated]",
    ):
        rows.append([group, "", "", "", "", "", ""])
        rows.append(["   Overhead", "1", "2 (1)", "5", "5", "---", "---"])
        rows.append(["   Underground", "1", "2", "3", "3", "---", "---"])
        rows.append(["   Padmounted", "1", "2", "5", "5", "---", "---"])
    rows += [
        ["Overhead Conductor and Cables", "1", "2 (1)", "5", "5", "---", "---"],
        ["Streetlighting", "1", "2", "x", "x", "---", "---"],
        ["Wood Poles under 15 years", "1", "2", "x", "x", "---", "---"],
        [
            "Wood Poles over 15 years which have not been subject to intrusive inspection",
            "1",
            "2",
            "x",
            "x",
            "10",
            "10",
        ],
        ["Wood poles which passed intrusive inspection", "---", "---", "---", "---", "20", "20"],
    ]
    # start the table low on the page so that it crosses the page break
    if pdf.get_y() < pdf.h - pdf.b_margin - 75:
        pdf.set_y(pdf.h - pdf.b_margin - 75)
    pdf.para("Table 1 - Distribution Inspection Cycles (Maximum Intervals in Years)", style="B", gap=0.8)
    pdf.grid(
        [
            "Facility",
            T1_HEAD,
            "Patrol - Rural",
            "Detailed - Urban",
            "Detailed - Rural",
            "Intrusive - Urban",
            "Intrusive - Rural",
        ],
        rows,
        (58, 20, 20, 21, 21, 20, 20),
        size=8.5,
    )
    note(
        pdf,
        "(1) Rural patrol inspections shall be increased to once a year in Extreme and Very High Fire Threat "
        "Zones in these counties: Imperial, Los Angeles, Orange, Riverside, Santa Barbara, San Bernardino, San "
        "Diego and Ventura. The zones are those of the FRAP map of the California Department of Forestry and Fire "
        "Protection, or the modified FRAP map of San Diego Gas & Electric Company adopted by Decision 12-01-032 "
        "(Rulemaking 08-11-005, Phase 2); the map gives approximate boundaries, which utilities may adjust from "
        "their own judgment of local conditions.",
    )
    note(
        pdf,
        "Note: This General Order does not apply to cathodic protection systems associated with natural gas facilities.",
    )
    note(
        pdf,
        'Note: For the patrol and detailed intervals of Table 1 the term "year" has a defined meaning '
        "[definition not reproduced in this excerpt].",
    )
    pdf.heading("V", "Records")
    pdf.para(
        "Records of each inspection shall identify the circuit, area or equipment inspected, the person who "
        "inspected it, the date of the inspection and any problem found, with the scheduled date of corrective "
        "action; the date corrective action was completed shall also be recorded. [Section number and wording "
        "are the library's restatement.]"
    )
    note(
        pdf,
        "[Not reproduced: condition-rating scales, corrective-action time limits, transmission inspection "
        "cycles and annual reports. A go-back that depends on one of them is outside this library.]",
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


UTIL = "Coastal Valley Electric Company"

# ---- A1: findings table with a Reference column (crossarm installation) -----------------------------
A1 = dict(
    file="audits/CV-1-crossarm-findings-table.pdf",
    metadata=dict(
        pm_number="35402718",
        notification_number="122045391",
        location="Coastal Valley Electric - Salinas Road 12 kV rebuild, poles 1 - 26, Monterey County",
        contractor="Pacific Crest Line Services, Inc.",
        foreman="Ray Delgado",
        auditor="Monica Feld",
        audit_date="2025-09-16",
        score="78.57% (110/140)",
    ),
    # (item, pole, finding, reference, status, label-or-None)
    rows=[
        ("1", "1 - 5", "Crossarms, braces and markings checked; no exceptions.", "-", "Accepted", None),
        (
            "2",
            "6",
            "New one-piece wood crossarm on the 12 kV supply circuit measures 3 in x 4 in.",
            "GO 95 49.2-B",
            "Go-back",
            V(
                GO95,
                "49.2-B",
                "49.2-B(1): one-piece crossarm at least 3-1/4 x 4-1/4 in; 3 x 4 in is smaller.",
            ),
        ),
        (
            "3",
            "7",
            "Laminated crossarm measures 3 in x 4 in; inspector requires 3-1/4 in x 4-1/4 in.",
            "GO 95 49.2-B",
            "Go-back",
            R(
                GO95,
                "49.2-B",
                "49.2-B(1): laminated crossarms need only 3 x 4 in; 3-1/4 x 4-1/4 is the one-piece row.",
            ),
        ),
        (
            "4",
            "11",
            "Communication crossarm is 6 ft long, carries 10 wires and measures 2-3/4 in x 3-3/4 in; inspector "
            "requires 3 in x 4-1/2 in.",
            "GO 95 49.2-B",
            "Go-back",
            R(
                GO95,
                "49.2-B",
                "49.2-B(1) exception: communication arms 6-1/2 ft or shorter with 16 wires or fewer need only 2-3/4 x 3-3/4 in.",
            ),
        ),
        (
            "5",
            "12",
            "Communication crossarm 8 ft long measures 2-3/4 in x 3-3/4 in.",
            "-",
            "Go-back",
            V(GO95, "49.2-B", "49.2-B(1): an 8 ft arm is longer than 6-1/2 ft, so 3 x 4-1/2 in is required."),
        ),
        (
            "6",
            "14",
            "Steel crossarm angle legs measured 1/8 in thick; inspector requires 3/16 in minimum.",
            "GO 95 49.2-B",
            "Go-back",
            R(
                GO95,
                "49.2-B",
                "49.2-B(2): no element of a metal crossarm thinner than 3/32 in; 1/8 in is thicker.",
            ),
        ),
        (
            "7",
            "15",
            "Metal crossarm on wood pole carries both the 4,160 V circuit and the 12 kV (12,000 V) circuit.",
            "GO 95 52.5",
            "Go-back",
            V(
                GO95,
                "52.5",
                "52.5: metal arms on wood poles shall not carry both 750-7,500 V and >7,500 V conductors.",
            ),
        ),
        (
            "8",
            "16",
            "Metal crossarm on wood pole carries only the 12 kV conductors; inspector states metal arms are not "
            "permitted on wood poles.",
            "GO 95 52.5",
            "Go-back",
            R(
                GO95,
                "52.5",
                "52.5 forbids only the mix of 750-7,500 V and >7,500 V conductors; 12 kV alone is allowed.",
            ),
        ),
        ("9", "17", "Crossarm painted bright yellow end to end.", "GO 95 52.4-A", "Accepted", None),
        (
            "10",
            "18",
            "Crossarm supporting 12 kV conductors in this urban district is neither painted yellow nor fitted with "
            "High Voltage signs.",
            "GO 95 52.4",
            "Go-back",
            V(
                GO95,
                "52.4-B",
                "52.4-B(1): in urban districts every crossarm with conductors above 750 V shall be marked.",
            ),
        ),
        (
            "11",
            "19",
            "High Voltage signs on the crossarm have letters 2-1/2 in high.",
            "GO 95 52.4-A",
            "Go-back",
            V(GO95, "52.4-A", "52.4-A: sign letters at least 3 in high; 2-1/2 in is smaller."),
        ),
        (
            "12",
            "21",
            "Crossarm carries High Voltage signs with white 3 in letters on a green background instead of "
            "yellow paint; inspector requires yellow paint.",
            "GO 95 52.4-A",
            "Go-back",
            R(
                GO95,
                "52.4-A",
                "52.4-A: signs with 3 in white letters on green are allowed in lieu of yellow paint.",
            ),
        ),
        (
            "13",
            "23",
            "9 ft crossarm fitted with wood braces instead of steel braces.",
            "GO 95 49.2-C",
            "Go-back",
            N(
                "49.2-C requires bracing where necessary but says nothing on brace material; no clause in the library decides it."
            ),
        ),
        (
            "14",
            "25",
            "Crossarm out of level by 1-1/2 in across its length.",
            "-",
            "Go-back",
            N("No crossarm levelling tolerance is in the library."),
        ),
        ("15", "26", "Dead-end arms double, braced, signed.", "-", "Accepted", None),
    ],
)


def audit_a1(path):
    a, m = A1, A1["metadata"]
    pdf = Doc(f"{UTIL} - Quality Assurance", "QA-210 Construction Audit Findings", orientation="landscape")
    pdf.add_page()
    pdf.line_text("CONSTRUCTION QA AUDIT - FINDINGS", 13, "B", h=7)
    pdf.set_font("Helvetica", "", 9.5)
    for ln in [
        f"PM Number: {m['pm_number']}",
        f"Notification Number: {m['notification_number']}",
        "Audit Date: 09/16/2025",
        f"Location: {m['location']}",
        f"Contractor: {m['contractor']}",
        f"Foreman: {m['foreman']}",
        f"QA Auditor: {m['auditor']}",
        f"Audit Score: {m['score']}",
    ]:
        pdf.multi_cell(0, 4.8, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.grid(
        ["Item", "Pole", "Finding", "Reference", "Status"],
        [list(r[:5]) for r in a["rows"]],
        (14, 18, 160, 30, 22),
        size=8.5,
    )
    n = sum(1 for r in a["rows"] if r[4] == "Go-back")
    pdf.para(f"Total go-backs: {n}. Accepted items require no action.", size=9)
    pdf.para(f"Auditor signature: {m['auditor']}        Contractor acknowledgement: {m['foreman']}", size=9)
    pdf.output(path)


# ---- A2: Pass / Fail / N/A checklist (inspection program records) ----------------------------------
A2 = dict(
    file="audits/CV-2-inspection-records-checklist.pdf",
    metadata=dict(
        pm_number="35409264",
        notification_number="122051877",
        location="Coastal Valley Electric - Gonzales district circuits 1102, 1104, 1107, 2210 and 3301",
        contractor="Tri-County Pole Inspection Co.",
        foreman="Alan Whitaker",
        auditor="Priya Raman",
        audit_date="2025-10-07",
        score="60.00% (24/40)",
    ),
    # (no, item, result P/F/NA, comment, label-or-None)
    rows=[
        (
            "1",
            "Inspection records name the circuit, the inspector and the date",
            "P",
            "Complete for all five circuits.",
            None,
        ),
        (
            "2",
            "Patrol interval - overhead transformers",
            "F",
            "Overhead transformers on rural circuit 1102 were last patrolled 3 years before this audit.",
            V(GO165, "Table 1", "Table 1: rural patrol of overhead transformers at most every 2 years."),
        ),
        (
            "3",
            "Patrol interval - padmounted switches",
            "F",
            "Padmounted switches on rural circuit 1107 (outside any fire threat zone) were last patrolled 20 months "
            "ago; auditor requires annual patrols.",
            R(
                GO165,
                "Table 1",
                "Table 1: rural patrol every 2 years; 20 months is within it. Note (1) covers fire zones only.",
            ),
        ),
        (
            "4",
            "Patrol interval - fire threat zones",
            "F",
            "Overhead conductor on rural circuit 2210 in a Very High Fire Threat Zone in San Diego County was last "
            "patrolled 19 months ago.",
            V(
                GO165,
                "Table 1",
                "Table 1 note (1): once a year in Very High Fire Threat Zones of San Diego County; 19 months exceeds it.",
            ),
        ),
        (
            "5",
            "Patrol interval - fire threat zones",
            "F",
            "Overhead transformers on rural circuit 3301 in a Very High Fire Threat Zone in Fresno County were last "
            "patrolled 19 months ago; auditor applies the one-year fire-zone interval.",
            R(
                GO165,
                "Table 1",
                "Note (1) lists eight counties and Fresno is not one; the 2-year rural patrol applies.",
            ),
        ),
        (
            "6",
            "Detailed interval - underground equipment",
            "F",
            "Underground transformers in the vaults of urban circuit 1104 had their last detailed inspection 4 years "
            "ago.",
            V(GO165, "Table 1", "Table 1: underground transformers, detailed inspection every 3 years."),
        ),
        (
            "7",
            "Detailed interval - overhead switches",
            "P",
            "Last detailed inspection 2021; within the cycle.",
            None,
        ),
        (
            "8",
            "Intrusive interval - wood poles",
            "F",
            "Wood pole 110245 passed its intrusive inspection in 2003 and has not been intrusively inspected since.",
            V(
                GO165,
                "Table 1",
                "Table 1: poles that passed intrusive inspection, next one within 20 years; 2003 to 2025 is 22.",
            ),
        ),
        (
            "9",
            "Intrusive interval - wood poles",
            "F",
            "Wood pole 110318 passed intrusive inspection in 2009; auditor requires a re-test on a 10-year cycle.",
            R(
                GO165,
                "Table 1",
                "Table 1: 20 years after a passed intrusive inspection; the 10-year row is for poles never tested.",
            ),
        ),
        (
            "10",
            "Detailed inspection - streetlights",
            "F",
            "Streetlights on circuit 1104 have no detailed inspection record.",
            N("Table 1 marks streetlight detailed cells x, whose meaning the library does not state."),
        ),
        (
            "11",
            "Scope of patrol",
            "F",
            "Cathodic protection rectifiers at the gas regulator station were not included in the patrol.",
            R(
                GO165,
                "Table 1",
                "Note to Table 1: the order does not apply to cathodic protection of natural gas facilities.",
            ),
        ),
        ("12", "Groundline test results recorded", "N/A", "No pole tests in this sample.", None),
        (
            "13",
            "Grade C pole remaining strength",
            "F",
            "Pole 110377 carries telephone cable only (Grade C); sound wood circumference at groundline measured "
            "10 in.",
            V(
                GO95,
                "81.3-A",
                "81.3-A: poles supporting cable need at least 12 in of sound wood circumference.",
            ),
        ),
        (
            "14",
            "Grade C pole remaining strength",
            "F",
            "Pole 110390 (Grade C, 8 open wire conductors, no cable) shows 10 in of sound wood circumference at "
            "groundline; auditor requires 12 in.",
            R(GO95, "81.3-A", "81.3-A: 10 or fewer open wires need 9 in; 10 in meets it."),
        ),
        (
            "15",
            "Pole rejection criteria",
            "F",
            "Pole 110395 shell thickness measured 1.5 in at groundline; inspector rejected the pole.",
            N(
                "The library has no shell-thickness criterion, and the sheet gives no sound-wood circumference."
            ),
        ),
    ],
)


def audit_a2(path):
    a, m = A2, A2["metadata"]
    pdf = Doc("", f"{UTIL} - Form QC-165 Inspection Program Checklist")
    pdf.add_page()
    pdf.line_text("INSPECTION PROGRAM QC CHECKLIST", 14, "B", h=8, align="C")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9)
    w = pdf.w - pdf.l_margin - pdf.r_margin
    grid = [
        ("PM No.", m["pm_number"], "Notification No.", m["notification_number"]),
        ("Audit date", "October 7, 2025", "Score", m["score"]),
        ("Contractor", m["contractor"], "Crew lead", m["foreman"]),
        ("Auditor", m["auditor"], "Sample", "5 circuits, 60 poles"),
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
    pdf.para("Mark one box per line. Each Fail is a go-back for the inspection contractor.", size=9)
    body = []
    for no, item, res, com, _ in a["rows"]:
        body.append(
            [no, item, "X" if res == "P" else "", "X" if res == "F" else "", "X" if res == "N/A" else "", com]
        )
    pdf.grid(
        ["No.", "Item checked", "Pass", "Fail", "N/A", "Comments"], body, (9, 44, 10, 10, 10, 97), size=8.3
    )
    nf = sum(1 for r in a["rows"] if r[2] == "F")
    pdf.para(f"Total Fail: {nf}    Total Pass: {sum(1 for r in a['rows'] if r[2] == 'P')}", size=9, style="B")
    pdf.para(f"Auditor: {m['auditor']}    Crew lead: {m['foreman']}    Signed 10/07/2025", size=9)
    pdf.output(path)


# ---- A3: narrative review letter with numbered paragraphs (strength calculations) -------------------
A3 = dict(
    file="audits/CV-3-design-review-letter.pdf",
    metadata=dict(
        pm_number="35411530",
        notification_number="122060248",
        location="Coastal Valley Electric - Carmel Valley 21 kV line replacement, poles 1 - 44",
        contractor="Westbrook Engineering & Construction",
        foreman="Daniel Okafor",
        auditor="Helen Marquez, P.E.",
        audit_date="2025-10-14",
        score="64.29% (90/140)",
    ),
    paras=[
        (
            "The crossarm bending check for the dense Douglas fir sawed crossarms at pole 12 uses a modulus of "
            "rupture of 6,800 psi.",
            V(
                GO95,
                "48.1",
                "Table 5: dense Douglas fir sawed members 6,300 psi; 6,800 psi is the round-pole column.",
            ),
        ),
        (
            "The pole strength check for the western red cedar round poles uses 6,000 psi; I require the 4,700 psi "
            "value.",
            R(
                GO95,
                "48.1",
                "Table 5: western red cedar round poles 6,000 psi; 4,700 psi is the sawed column.",
            ),
        ),
        (
            "The check of the second-growth redwood crossarm at pole 20 uses 5,300 psi.",
            V(
                GO95,
                "48.1",
                "Table 5: second-growth redwood sawed 3,900 psi; 5,300 psi is the virgin redwood row.",
            ),
        ),
        (
            "The bending check for the sawed, not dense Douglas fir square brace, loaded with its neutral plane on "
            "the diagonal, uses 8,120 psi (5,800 x 1.4); the check must use 5,800 psi.",
            R(
                GO95,
                "48.1",
                "Table 5 note (b): multiply by 1.4 when the neutral plane is on the diagonal of a square.",
            ),
        ),
        (
            "The buck arm at pole 31 carries the permanent dead-end tension, yet it is checked with the full 6,300 "
            "psi value for dense Douglas fir.",
            V(
                GO95,
                "48.1",
                "Table 5 note (b): long-time (continuous one year or more) loads take 0.55 x the value.",
            ),
        ),
        (
            "The steel brace tension check uses a yield point of 36,000 psi; the mill certificate is for ASTM A36 "
            "steel, but the check must use 33,000 psi.",
            R(GO95, "48.2", "48.2: for ASTM A36 steel the yield point is taken as 36,000 psi."),
        ),
        (
            "The steel bracket shear check divides the full 60,000 psi tensile strength by the safety factor.",
            V(GO95, "48.2", "48.2 shear: 60,000 psi x 2/3, then divided by the safety factor."),
        ),
        (
            "The fiberglass crossarm calculation uses the manufacturer's ultimate strength with no safety factor "
            "applied.",
            V(
                GO95,
                "48.4",
                "48.4: other materials - ultimate or yield strength divided by the Rule 44 safety factor.",
            ),
        ),
        (
            "The calculation for the tropical hardwood (ekki) crossarms takes its bending value from a supplier "
            "brochure.",
            N(
                "Table 5 note (a) allows other references whose test methods meet Handbook 72; the letter does not say how the brochure value was tested."
            ),
        ),
        (
            "The foundation design for the steel pole at pole 40 does not state the soil bearing values used.",
            N("Rule 48.6 (foundations and footings) is not reproduced in the library."),
        ),
    ],
)


def audit_a3(path):
    a, m = A3, A3["metadata"]
    pdf = Doc("", f"{UTIL} - Engineering Quality Review")
    pdf.add_page()
    pdf.line_text(UTIL.upper(), 13, "B", h=7)
    pdf.line_text("Distribution Engineering - Quality Review Section", 9.5)
    pdf.line_text("1200 Harbor Boulevard, Monterey, California", 9.5)
    pdf.ln(4)
    pdf.para("October 14, 2025", size=10)
    pdf.para(
        f"{m['contractor']}\nAttention: {m['foreman']}, Project Lead\n455 Laureles Grade Road, Carmel Valley, California",
        size=10,
        h=5,
    )
    pdf.para(
        f"Re: PM {m['pm_number']}, Notification {m['notification_number']} - design review of the strength "
        f"calculations for {m['location']}. Review rating: {m['score']}.",
        size=10,
        h=5,
        style="B",
    )
    pdf.para("Dear Mr. Okafor,", size=10)
    pdf.para(
        "Thank you for the calculation package received on October 1. I have reviewed it against General Order "
        "95. The crossarm sizes and the pole class selections are in order. The numbered paragraphs below are "
        "go-backs; please revise the package and resubmit before construction proceeds.",
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
        "The conductor sag tables and the guy calculations were not part of this review. Please call me with any "
        "questions.",
        size=10,
        h=5,
    )
    pdf.para(f"Sincerely,\n\n{m['auditor']}\nSenior Reviewing Engineer", size=10, h=5)
    pdf.output(path)


# ---- A4: time-stamped field log (guard arms, Class T marking) ---------------------------------------
A4 = dict(
    file="audits/CV-4-field-log-guard-arms.pdf",
    metadata=dict(
        pm_number="35418807",
        notification_number="122067514",
        location="Coastal Valley Electric - Seaside light rail corridor joint poles 4415 - 4440",
        contractor="Pacific Crest Line Services, Inc.",
        foreman="Tomas Reyes",
        auditor="Gary Lindholm",
        audit_date="2025-10-21",
        score="68.75% (55/80)",
    ),
    # (time, entry, label-or-None)
    entries=[
        ("07:45", "Arrived on site; tailboard held with the crew; traffic control in place.", None),
        (
            "09:10",
            "Pole 4417: guard arm above the communication cable measured 42 in long.",
            V(GO95, "49.2-E", "49.2-E: guard arms at least 48 in long; 42 in is short."),
        ),
        (
            "09:40",
            "Pole 4419: guard arm sits 6 in above the top of the cable messenger.",
            V(GO95, "57.7", "57.7: guard arm not more than 4 in above the top of the cable or messenger."),
        ),
        (
            "10:05",
            "Pole 4421: wood protective covering 4 ft long installed around cable and messenger in lieu of a guard "
            "arm; inspector requires a guard arm.",
            R(GO95, "57.7", "57.7: a wood covering at least 4 ft long may be used instead of the guard arm."),
        ),
        ("10:20", "Pole 4423 guard arm 48 in long, 3 in above the messenger - OK.", None),
        (
            "10:30",
            "Pole 4424: single guard arm where the cable dead-ends on the wood pole 4 ft below unprotected 240 V "
            "secondary conductors.",
            V(
                GO95,
                "57.7",
                "57.7: dead-ended cable less than 6 ft below unprotected conductors of 750 V or less needs double guard arms.",
            ),
        ),
        (
            "11:15",
            "Pole 4425: single guard arm where the cable passes the pole (not dead-ended or wrapped) 4 ft below the "
            "secondary; inspector requires double guard arms.",
            R(
                GO95,
                "57.7",
                "57.7: double guard arms only where the cable is dead-ended on or wrapped around the pole.",
            ),
        ),
        ("12:00", "Lunch. Crew foreman called for the bucket truck.", None),
        (
            "13:00",
            "Pole 4430: crossarm carrying only the 1,500 V light rail trolley feeder (Class T) is not marked High "
            "Voltage.",
            R(
                GO95,
                "72.4",
                "72.4 exception: arms on poles with only Class T conductors above 750 V need not be marked.",
            ),
        ),
        (
            "13:30",
            "Pole 4432 (urban): crossarm carrying the 1,500 V trolley feeder and the 12 kV distribution circuit is "
            "not marked High Voltage.",
            V(
                GO95,
                "72.4",
                "72.4 applies Rule 52.4; its exception covers only Class T (and same-owner private communication) lines.",
            ),
        ),
        (
            "14:10",
            "Pole 4436: fiberglass guard arm rated to the insulating efficiency of Rule 22.8; inspector requires a "
            "wood guard arm.",
            R(
                GO95,
                "49.2-E",
                "49.2-E: wood or other suitable material with the Rule 22.8 insulating efficiency.",
            ),
        ),
        (
            "14:45",
            "Pole 4438: guard arm attachment bolts are 1/2 in; inspector requires 5/8 in bolts.",
            N(
                "49.2-E sets a 200 lb end load, not a bolt size; the log gives no load rating for the attachment."
            ),
        ),
        (
            "15:20",
            "Pole 4440: new crossarm is of an unidentified wood species; the crew could not produce the material "
            "certificate.",
            N(
                "49.2-A(1) accepts Douglas fir, southern yellow pine or another accepted species; the species is unknown."
            ),
        ),
        ("15:40", "Walked the corridor with the foreman; go-backs reviewed. Off site 16:05.", None),
    ],
)


def audit_a4(path):
    a, m = A4, A4["metadata"]
    pdf = Doc(f"{UTIL} - Inspector Daily Field Log", "Field log transcribed from the inspector's tablet")
    pdf.add_page()
    pdf.line_text("INSPECTOR DAILY FIELD LOG", 13, "B", h=7)
    pdf.set_font("Courier", "", 9)
    for ln in [
        f"DATE: 2025-10-21   PM#: {m['pm_number']}   NOTIF#: {m['notification_number']}",
        f"SITE: {m['location']}",
        f"CONTRACTOR: {m['contractor']}",
        f"FOREMAN: {m['foreman']}   INSPECTOR: {m['auditor']}",
        f"SCORE: {m['score']}",
    ]:
        pdf.multi_cell(0, 4.6, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 9)
    pdf.para("Entries marked GB are go-backs; the crew returns to correct them.", size=9)
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
    pdf.para(f"Logged by {m['auditor']} - end of day.", size=9)
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/GO-95-strength-crossarms-guard-arms-excerpt.pdf",
        GO95,
        "CPUC General Order 95 Rules for Overhead Electric Line Construction: Rules 48, 48.1 (Table 5 Wood "
        "Strengths), 48.2, 48.4, 49.2, 52.4, 52.5, 57.7, 72.4, 81.3-A (excerpt)",
        "Rev. 2025-01",
        spec_go95,
    ),
    (
        "specs/GO-165-distribution-inspection-cycles-excerpt.pdf",
        GO165,
        "CPUC General Order 165 Inspection Requirements for Electric Distribution and Transmission Facilities: "
        "purpose, definitions, Table 1 Distribution Inspection Cycles with notes, records (excerpt)",
        "Revision 04",
        spec_go165,
    ),
]
AUDITS = [(A1, audit_a1), (A2, audit_a2), (A3, audit_a3), (A4, audit_a4)]


def labelled(a):
    if a is A1:
        return [(r[2], r[5]) for r in a["rows"] if r[5]]
    if a is A2:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    if a is A3:
        return a["paras"]
    return [(e[1], e[2]) for e in a["entries"] if e[2]]


def expected():
    out = {
        "name": "realtext-go5",
        "organization": "Crossarms, strength of materials and distribution inspection cycles (fictional audits)",
        "note": (
            "Blind corpus written from CPUC GO 95 (Rules 48, 48.1 Table 5, 48.2, 48.4, 49.2, 52.4, 52.5, 57.7, "
            "72.4, 81.3-A) and GO 165 (Purpose, Table 1 and its notes) pages read through the search tool; "
            "wording condensed, and what was restated rather than read is listed in the README. Labels by hand "
            "from the clause text, without reading the product code. 'why' is ignored by score.py. audit_date "
            "values are ISO; CV-1 prints MM/DD/YYYY, CV-2 'Month D, YYYY', CV-3 'Month D, YYYY', CV-4 ISO."
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
        for f, doc, _, rev, _ in SPECS:
            pages = [p.extract_text() for p in pypdf.PdfReader(os.path.join(d1, f)).pages]
            print(f"{f}: {len(pages)} page(s)")
            alltext = "".join(pages)
            if f"Document: {doc}" not in alltext:
                print("no document id in", f)
                ok = False
            if _norm(rev) not in _norm(alltext):
                print("no revision in", f)
                ok = False
            if doc == GO165:
                on = [i + 1 for i, p in enumerate(pages) if _norm(T1_HEAD) in _norm(p)]
                print(f"Table 1 header {T1_HEAD!r} on pages {on}")
                if len(on) < 2:
                    print("Table 1 does not repeat its header on a second page")
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
