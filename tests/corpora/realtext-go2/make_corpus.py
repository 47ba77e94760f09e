#!/usr/bin/env python3
"""Generate the realtext-go2 evaluation corpus (deterministic).

Specs restate (condensed, paraphrased) CPUC General Order 95 (Sections IV, V, VIII and IX) and General Order 128
rules read on ia.cpuc.ca.gov pages; audits are fictional QA reports. Writes specs/*.pdf, audits/*.pdf and
expected.json next to this script. Run:  .venv/bin/python tests/corpora/realtext-go2/make_corpus.py [--check]
"""

import hashlib
import json
import os
import sys
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime(2025, 9, 1, 12, 0, 0, tzinfo=UTC)

V, R, N = "VALID", "REPEALABLE", "NEEDS_REVIEW"
D4, D5, D9, DU = "GO-95-Section-IV", "GO-95-Section-V", "GO-95-Sections-VIII-IX", "GO-128"

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
            f"{self.footer_id}   Library revision 2   Condensed restatement; the General Order governs"
            f"   Page {self.page_no()} of {{nb}}",
            align="C",
        )


def spec_title(pdf, lines, doc_id, extra):
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, "Public Utilities Commission of the State of California", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 15)
    for ln in lines:
        pdf.multi_cell(0, 7, ln, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in [
        ("Document", doc_id),
        ("Revision", "Library revision 2"),
        ("Effective date", "2025-09-01"),
    ] + extra:
        pdf.cell(0, 5, f"{k}: {v}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.multi_cell(
        0,
        4.2,
        "Library copy. It restates the substance of the rules listed; rule numbers, table cases and columns, "
        "values, notes and exceptions follow the Commission's text, the wording is the library's own and shorter. "
        "Square brackets mark library remarks. Rules named here but not reproduced are not part of this copy. "
        "In any difference the General Order governs.",
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


def table(pdf, widths, header, rows, size=8.5, line_height=4.2):
    pdf.set_font("Helvetica", "", size)
    with pdf.table(
        col_widths=widths,
        line_height=line_height,
        repeat_headings=1,
        headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225)),
        text_align="LEFT",
        first_row_as_headings=True,
    ) as t:
        r = t.row()
        for h in header:
            r.cell(h)
        for row in rows:
            r = t.row()
            for c in row:
                r.cell(c)


def new_spec(running, footer_id):
    pdf = SpecPDF(running, footer_id)
    pdf.alias_nb_pages()
    pdf.add_page()
    return pdf


# ---------------------------------------------------------------- GO 95 Section IV


def spec_go95_iv():
    pdf = new_spec("General Order 95 - Section IV, Strength Requirements for All Classes of Lines", D4)
    spec_title(
        pdf,
        ["General Order 95, Section IV", "Strength Requirements for All Classes of Lines (excerpt)"],
        D4,
        [
            ("Order", "General Order No. 95, Rules for Overhead Electric Line Construction"),
            ("Rules in this copy", "14 (reprinted for reference), 49.1-A, 49.1-B with Table 49.1-B, 49.1-C"),
            ("Last revision of the rules restated", "Decision No. 14-02-015 (February 5, 2014)"),
        ],
    )
    sec(pdf, "Section I - General Provisions [reprinted for reference]")
    rule(pdf, "14", "Limiting Conditions Specified")
    para(
        pdf,
        "Spacings, clearances and strengths in these rules are limiting conditions, stated as minimum or maximum "
        "values. Where two or more requirements set limiting conditions for the same installation, the most "
        "stringent one must be met; meeting it satisfies the others. Larger spacings, clearances or strength may be "
        "provided where no other requirement is violated by doing so.",
    )
    sec(pdf, "Section IV - Strength Requirements for All Classes of Lines")
    rule(pdf, "49.1", "Poles, Towers and Other Structures")
    rule(pdf, "49.1-A", "Strength (See Rule 48)")
    para(pdf, "(1) Wood poles shall be of sound timber.", indent=4)
    para(
        pdf,
        "(2) Where lateral loads make a guy or guys necessary, the guys take all lateral load and the part of the "
        "pole or structure below the guy attachment is treated merely as a strut. The pole strength requirement "
        "then applies at the point of guy attachment, not at the ground line.",
        indent=4,
    )
    para(
        pdf,
        "[Rule 48 and the safety factors of Rule 44 (Table 4) are not reproduced in this copy.]",
        indent=4,
        size=8.5,
        style="I",
    )
    rule(pdf, "49.1-B", "Dimensions")
    para(
        pdf,
        "The top circumference of a wood pole shall be not less than the value in Table 49.1-B, Column A, for the "
        "grade of construction, loading district and circuits concerned. The lettered notes modify the table "
        "values for the cases to which they are attached. Where a pole falls under more than one case (for example "
        "a jointly used pole carrying circuits built to different grades), Rule 14 applies and the largest "
        "circumference governs.",
    )
    para(
        pdf,
        "[The Order prints these values as an untitled list; the case numbers, the column letter and the note "
        "letters below are the library's, so that the values can be cited.]",
        size=8.5,
        style="I",
    )
    # push the table to the foot of the page so that it crosses the page break with its header repeated
    if pdf.get_y() < 190:
        pdf.set_y(190)
    para(pdf, "Table 49.1-B  Minimum Top Circumference of Wood Poles", style="B", size=9.5)
    hdr = [
        "Case",
        "Grade of construction",
        "Loading district, area and circuits",
        "Column A: minimum top circumference",
        "Notes",
    ]
    rows = [
        ["1", "Grade A", "Heavy loading district", "22 in", ""],
        ["2", "Grade A", "Light loading district", "19 in", ""],
        ["3", "Grade B", "Heavy and light loading districts", "19 in", "(a) (b)"],
        ["4", "Grade C", "Heavy and light loading, urban districts", "19 in", ""],
        ["5", "Grade C", "Circuits of 750 - 7,500 volts, heavy loading, rural districts", "19 in", ""],
        [
            "6",
            "Grade C",
            "Supply circuits of 0 - 750 volts and communication circuits, heavy loading, rural districts",
            "16 in",
            "",
        ],
        ["7", "Grade C", "Light loading, rural districts", "16 in", ""],
    ]
    table(pdf, (12, 30, 70, 36, 22), hdr, rows, size=8.5, line_height=5.6)
    pdf.ln(2)
    para(pdf, "Notes to Table 49.1-B", style="B", size=9)
    para(
        pdf,
        "(a) Supply poles in Grade B construction in rural districts of light loading may have a top circumference "
        "of not less than 16 inches (in place of the 19 inches of Case 3).",
        indent=4,
        size=9,
    )
    para(
        pdf,
        "(b) Communication poles in Grade B construction at crossings over major railroads may have a top "
        "circumference of not less than 16 inches, provided the poles meet the specifications of ANSI O5.1-2008.",
        indent=4,
        size=9,
    )
    rule(pdf, "49.1-C", "Setting of Poles")
    para(
        pdf,
        "The setting depths of Table 6 apply to wood poles set in firm soil or in solid rock. Where the soil is not "
        "firm, or the bearing surface will not prevent overturning or excessive movement at the ground line, "
        "deeper settings or other special methods shall be used; the same applies to unguyed poles under heavy "
        "strain and poles at corners or curves.",
    )
    para(
        pdf,
        "Where a pole was set in firm soil and the soil has since been excavated or has suffered minor ground "
        "erosion, the measured setting depth shall remain within 10 percent of the minimum values of Table 6, "
        "Columns 2 and 3.",
    )
    para(
        pdf,
        "Metal, prestressed concrete and other non-wood poles set directly in firm soil or rock shall be set at "
        "least as deep as Table 6 specifies for wood poles; where their bearing surface is insufficient under "
        "maximum loading, special measures (heel and toe bracing, concrete, bolted foundations or the like) shall be "
        "used.",
    )
    para(pdf, "[Table 6 (depths of pole setting) is not reproduced in this copy.]", size=8.5, style="I")
    return pdf


# ---------------------------------------------------------------- GO 95 Section V


def spec_go95_v():
    pdf = new_spec("General Order 95 - Section V, Detailed Construction Requirements for Supply Lines", D5)
    spec_title(
        pdf,
        [
            "General Order 95, Section V",
            "Detailed Construction Requirements for Supply Lines (Class H, L and T Circuits) (excerpt)",
        ],
        D5,
        [
            ("Order", "General Order No. 95, Rules for Overhead Electric Line Construction"),
            (
                "Rules in this copy",
                "51.6-A, 51.6-B, 54.4-C4b, 54.6-A with Table 54.6-A, 56.9; 71.6-A (Section VII, reprinted)",
            ),
        ],
    )
    sec(pdf, "Rule 51 - Poles, Towers and Structures")
    rule(pdf, "51.6", "Marking and Guarding")
    rule(pdf, "51.6-A", "Marking of Poles where Conductors are not on Crossarms")
    para(
        pdf,
        "Wood or metal poles that support conductors of more than 750 volts in vertical configuration, not on "
        "crossarms, shall carry a painted band of bright yellow at least 1 foot wide around the pole. The top of "
        "the band shall be not less than 2-1/2 feet and not more than 3 feet below the lowest conductor of each "
        "such circuit of more than 750 volts.",
    )
    para(
        pdf,
        'In place of the paint, signs located in the same way may be used. They read "High Voltage" in letters '
        "not less than 3 inches high, white on a green or black background, or are of corrosion-resisting metal "
        "with the letters cut out and clearly legible.",
    )
    para(
        pdf,
        "Rule 51.6-A does not apply to the marking of poles at the levels of supply circuits of more than 22,500 "
        "volts in rural districts. (Rule 65 covers the marking of towers; Rule 71.6-A modifies this rule for "
        "Class T poles.)",
    )
    rule(pdf, "51.6-B", "Guarding of Latticed Metal Poles and Other Latticed Structures")
    para(
        pdf,
        "A latticed metal pole or similar structure supporting supply conductors of more than 750 volts, located "
        "in an urban district, or in a rural area next to schools, dwellings or permanent or seasonal camps, in "
        "orchards, or near frequently travelled roads or trails, shall carry a barrier that prevents easy "
        "climbing. Where the bottom of the barrier is within 12 feet of the ground line, its top shall be at "
        "least 15 feet above the ground line, and the barrier shall in no case be less than 8 feet long. Where "
        "the bottom of the barrier is more than 12 feet above the ground line, the barrier shall be at least 6 "
        "feet long.",
    )
    sec(pdf, "Rule 54 - Conductors")
    rule(pdf, "54.4-C4b", "Conductors of More than 750 Volts Supported on Climbable Poles")
    para(
        pdf,
        "Where conductors of more than 750 volts are supported in vertical configuration directly on a climbable "
        "pole, without crossarms, at line terminations, angles or corners:",
    )
    para(
        pdf,
        "- vertical separation between conductors of the same circuit: not less than the pin spacings of Table 2, Case 15;",
        indent=4,
    )
    para(
        pdf,
        "- vertical separation between conductors of different circuits: not less than Table 2, Cases 8 to 13;",
        indent=4,
    )
    para(
        pdf,
        "- not more than two conductors of a circuit of 750 - 5,000 volts shall be supported directly on the pole in "
        "this way; the number of conductors of a circuit of more than 5,000 volts so supported is not limited;",
        indent=4,
    )
    para(
        pdf,
        "- branch circuits may be taken off without crossarms provided the climbing and working space of Rule 54.7 "
        "is kept; conductor clearance from the pole surface per Rule 54.4-D6b.",
        indent=4,
    )
    para(pdf, "[Table 2, Rule 54.4-D6b and Rule 54.7 are not reproduced in this copy.]", size=8.5, style="I")
    rule(pdf, "54.6", "Vertical and Lateral Conductors")
    rule(pdf, "54.6-A", "Unprotected Conductors (see Rule 20.9-E)")
    para(
        pdf,
        "Unprotected conductors may run laterally on a pole or structure, or vertically from one level to another, "
        "but shall not pass within the climbing space; shall not pass within the working space except as Rule "
        "54.7-B2 permits; shall not pass between conductors of any other circuit, except between pole-pin "
        "positions; and shall clear the conductors of other circuits by not less than the radial distance of "
        "Table 54.6-A. The row is chosen by the highest voltage classification among the conductors concerned.",
    )
    table(
        pdf,
        (16, 80, 60),
        [
            "Row",
            "Highest voltage classification of conductors concerned",
            "Column A: minimum radial distance between conductors",
        ],
        [
            ["1", "0 - 5,000 volts", "11.5 in"],
            ["2", "5,000 - 7,500 volts", "17.5 in"],
            ["3", "7,500 - 20,000 volts", "24 in"],
            ["4", "20,000 volts and above", "36 in"],
        ],
        size=8.5,
        line_height=5.2,
    )
    pdf.ln(2)
    para(
        pdf,
        "Supports: where unprotected vertical conductors are longer than 12 feet, additional supports shall be "
        "installed so that no length of conductor between supports exceeds 12 feet.",
    )
    para(
        pdf,
        "Buckarm taps: the distances of Table 54.6-A do not apply between taps in buckarm construction; the "
        "clearances of Table 2, Case 16 apply directly.",
    )
    para(
        pdf,
        "Exception: the radial distances of Table 54.6-A do not apply to uncovered, grounded, non-dielectric fiber "
        "optic cables in transition on metallic structures; these shall comply with Rule 38, Table 2, Case 16a.",
    )
    para(
        pdf,
        "[Street-light drop wires: see Rules 58.5-B3 and 92.1-F5. Those rules, Table 2 and Rule 20.9-E are not "
        "reproduced in this copy.]",
        size=8.5,
        style="I",
    )
    sec(pdf, "Rule 56 - Overhead Guys, Anchor Guys and Span Wires")
    rule(pdf, "56.9", "Guy Marker (Guy Guard)")
    para(
        pdf,
        "A substantial marker of suitable material (metal or plastic, for example), at least 8 feet long, shall be "
        "securely attached to every anchor guy. Where more than one guy is attached to the same anchor rod, only "
        "the outermost guy needs a marker.",
    )
    sec(pdf, "Section VII - Class T Circuits [reprinted for reference]")
    rule(pdf, "71.6-A", "Marking (of poles supporting only Class T conductors)")
    para(
        pdf,
        "Poles that support only Class T conductors of more than 750 volts, not on crossarms, need not be marked "
        "as supporting high-voltage conductors as Rule 51.6 otherwise requires.",
    )
    return pdf


# ---------------------------------------------------------------- GO 95 Sections VIII and IX


def spec_go95_ix():
    pdf = new_spec("General Order 95 - Sections VIII and IX, Communication Lines and Joint Poles", D9)
    spec_title(
        pdf,
        [
            "General Order 95, Sections VIII and IX",
            "Communication Lines (Class C Circuits); Joint Poles or Poles Jointly Used (excerpt)",
        ],
        D9,
        [
            ("Order", "General Order No. 95, Rules for Overhead Electric Line Construction"),
            ("Rules in this copy", "81.3-A, 90, 91.4, 93, 94.5-A, 94.5-B"),
        ],
    )
    sec(pdf, "Section VIII - Detailed Construction Requirements for Communication Lines")
    rule(pdf, "81.3-A", "Replacement of Wood Poles in Grade C Construction")
    para(
        pdf,
        "Wood poles in Grade C construction shall be replaced or reinforced before their safety factor has fallen "
        "below one. In addition, before replacement or reinforcement, the circumference of sound solid wood within "
        "18 inches above and below the ground line shall not be less than:",
    )
    table(
        pdf,
        (16, 100, 40),
        ["Case", "Pole supporting", "Minimum circumference of sound wood at the ground line"],
        [
            ["1", "10 or fewer open wire conductors", "9 in"],
            ["2", "cable, or more than 10 open wire conductors", "12 in"],
        ],
        size=8.5,
        line_height=5.2,
    )
    pdf.ln(2)
    sec(pdf, "Section IX - Joint Poles or Poles Jointly Used")
    rule(pdf, "90", "General")
    para(
        pdf,
        "Rules 90 to 94 add details for jointly used poles. They are additional to the rules of the other "
        "sections, which shall be followed in all respects except as modified here.",
    )
    rule(pdf, "91.4", "Hardware")
    para(
        pdf,
        "Riser standoff brackets on supporting structures shall be arranged with not less than 8 feet between either:",
    )
    para(pdf, "(1) the lowest bracket and the ground or other easily climbable surface, or", indent=4)
    para(pdf, "(2) the two lowest brackets.", indent=4)
    para(
        pdf,
        "Exception: Rule 91.4 does not apply where a fence or wall serves as a suitable barrier (see Rule 61.6-B).",
        indent=4,
    )
    para(pdf, "[Grounded hardware: see Rule 54.4-G, not reproduced.]", size=8.5, style="I")
    rule(pdf, "93", "Climbing Space")
    para(
        pdf,
        "Climbing space shall be provided on every jointly used pole that supports conductors; Rules 54.7 and 84.7 "
        "apply directly. The climbing space shall be so correlated between conductor levels that its position "
        "around the pole does not change by more than 90 degrees within a vertical distance of less than 8 feet. "
        "Climbing space shall be maintained from the ground level.",
    )
    rule(pdf, "94.5", "Marking (antennas on joint use poles)")
    para(
        pdf,
        "A. Antennas shall be marked in accordance with Appendix H, including Exhibit A. [Appendix H is not reproduced.]",
        indent=4,
    )
    para(pdf, "B. A joint use pole shall carry a sign for each antenna installation showing:", indent=4)
    para(pdf, "(1) the identity of the antenna operator;", indent=8)
    para(pdf, "(2) a 24-hour emergency and information contact number of the antenna operator;", indent=8)
    para(pdf, "(3) a unique identifier of the antenna installation.", indent=8)
    return pdf


# ---------------------------------------------------------------- GO 128


def spec_go128():
    pdf = new_spec(
        "GO-128 - Rules for Construction of Underground Electric Supply and Communication Systems", DU
    )
    spec_title(
        pdf,
        [
            "General Order 128",
            "Construction of Underground Electric Supply and Communication Systems (excerpt)",
        ],
        DU,
        [
            ("Order", "General Order No. 128 (adopted 1967, Decision No. 73195; as revised)"),
            ("Rules in this copy", "17.7, 17.7-A, 17.7-A(1), 31.5-A, 31.5-B, 34.3-A, 34.3-B, 34.3-C"),
        ],
    )
    sec(pdf, "Section I - General Provisions")
    rule(pdf, "17.7", "Location Information")
    para(
        pdf,
        "On request, each party owning or operating underground facilities shall tell any other party planning "
        "underground construction or work nearby where its facilities are. Receiving that information does not "
        "relieve the other party of locating the facilities accurately and taking reasonable care; any damage to "
        "or interruption of existing facilities shall be reported at once to their owner.",
    )
    rule(pdf, "17.7-A", "Records")
    para(
        pdf,
        "The party owning or operating the facilities is responsible for keeping the records needed to comply with "
        "Rule 17.7. The records shall be available for inspection at all times by the Commission or its staff.",
    )
    rule(pdf, "17.7-A(1)", "Services")
    para(
        pdf,
        "Records are not required for supply system services of 0 - 750 volts located outside a public street or "
        "highway right of way, nor for communication system services.",
    )
    sec(pdf, "Section III - Requirements for Supply Systems")
    rule(pdf, "31.5", "Risers and Other Above-Ground Terminations")
    para(
        pdf,
        "A. Poles. Supply risers on poles shall be installed in accordance with General Order No. 95.",
        indent=4,
    )
    para(
        pdf,
        "B. Other above-ground terminations. Suitably protected supply duct systems may terminate above ground or "
        "in buildings, in enclosures designed for the purpose, in pad-mounted transformers, in pedestals or in "
        "other suitable terminal facilities.",
        indent=4,
    )
    rule(pdf, "34.3", "Self-Contained Surface-Mounted Equipment")
    para(
        pdf,
        "Equipment installed partly or wholly above the ground surface and not enclosed by a vault, room or fence shall meet the following.",
    )
    rule(pdf, "34.3-A", "Strength")
    para(
        pdf,
        "The equipment case or enclosure shall be secured in place and strong enough to resist entry by, or damage "
        "from, unauthorized persons.",
    )
    rule(pdf, "34.3-B", "Guarding Live Parts")
    para(
        pdf,
        "Compartments and enclosures that contain exposed live parts in normal operation shall be designed and "
        "installed so that, when closed, no one can pass a wire or other conducting material into them from "
        "outside. Normal work such as fishing ducts and pulling cable is not meant to be prevented.",
    )
    rule(pdf, "34.3-C", "Locking")
    para(
        pdf,
        "Compartments and enclosures shall be secured against entry by unauthorized persons by locks or other suitable means.",
    )
    para(
        pdf,
        "[Not reproduced in this copy: Rules 31.4, 32, 33 (including the cable clearances and depths of Rule 33.4), "
        "34.3-D and Appendix A.]",
        size=8.5,
        style="I",
    )
    return pdf


SPECS = [
    (
        "specs/GO-95-Section-IV.pdf",
        D4,
        spec_go95_iv,
        "General Order 95, Section IV: Rules 14, 49.1-A, 49.1-B, 49.1-C (excerpt)",
    ),
    (
        "specs/GO-95-Section-V.pdf",
        D5,
        spec_go95_v,
        "General Order 95, Section V: Rules 51.6, 54.4-C4b, 54.6-A, 56.9; 71.6-A (excerpt)",
    ),
    (
        "specs/GO-95-Sections-VIII-IX.pdf",
        D9,
        spec_go95_ix,
        "General Order 95, Sections VIII and IX: Rules 81.3-A, 90, 91.4, 93, 94.5 (excerpt)",
    ),
    ("specs/GO-128.pdf", DU, spec_go128, "General Order 128: Rules 17.7, 31.5, 34.3-A to 34.3-C (excerpt)"),
]


# ----------------------------------------------------------------------------------------------
# Audits (fictional)
# ----------------------------------------------------------------------------------------------


def inf(text, verdict, document, section, why):
    return dict(text=text, verdict=verdict, document=document, section=section, why=why)


class AuditPDF(FPDF):
    def __init__(self, org, form, margins=(16, 14, 16)):
        super().__init__(format="Letter")
        self.org = org
        self.form = form
        self.set_auto_page_break(True, margin=18)
        self.set_margins(*margins)
        self.set_creation_date(FIXED)
        self.set_title("QA Audit")

    def header(self):
        self.set_font("Helvetica", "B", 9)
        self.cell(0, 5, self.org, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "I", 7.5)
        self.cell(0, 5, f"{self.form}    Page {self.page_no()} of {{nb}}", align="C")


def new_audit(org, form):
    pdf = AuditPDF(org, form)
    pdf.alias_nb_pages()
    pdf.add_page()
    return pdf


def kv(pdf, pairs, size=9.5):
    pdf.set_font("Helvetica", "", size)
    for k, v in pairs:
        pdf.cell(0, 5, f"{k}: {v}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def body(pdf, text, style="", size=9.5, indent=0):
    pdf.set_font("Helvetica", style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.w - pdf.r_margin - pdf.l_margin - indent, 4.6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def title(pdf, t, sub=None):
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, t, new_x="LMARGIN", new_y="NEXT")
    if sub:
        pdf.set_font("Helvetica", "B", 10.5)
        pdf.cell(0, 6, sub, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


# ---------------------------------------------------------------- A1: narrative, pole replacement


def audit1():
    md = dict(
        pm_number="35561204",
        notification_number="121904377",
        location="Poles 2210-2236, Dry Creek Rd, Wilton",
        contractor="Summit Line Builders, Inc.",
        foreman="Tomas Arreola",
        auditor="Janelle Okafor",
        audit_date="2025-09-16",
        score="78.26% (72/92)",
    )
    infs = [
        inf(
            "Replacement pole 2212 (Grade C, urban district of Wilton) has a top circumference of 17 in measured with "
            "a tape.",
            V,
            D4,
            "49.1-B",
            "Table 49.1-B Case 4: Grade C in urban districts needs 19 in; 17 in is short.",
        ),
        inf(
            "Pole 2214 (Grade C, 240 V secondary only, rural district, light loading) has a top circumference of "
            "16-1/2 in; auditor applied the 19 in urban value.",
            R,
            D4,
            "49.1-B",
            "Table 49.1-B Case 7: Grade C, light loading rural districts, 16 in; 16-1/2 in complies.",
        ),
        inf(
            "Pole 2216 is a Grade B supply pole in a rural district of light loading; top circumference measured 17 in "
            "against the 19 in of Grade B.",
            R,
            D4,
            "49.1-B",
            "Note (a) to Table 49.1-B lets Grade B supply poles in rural light-loading districts have 16 in; 17 in complies.",
        ),
        inf(
            "Pole 2220 (Grade A, heavy loading district) was set with a top circumference of 20 in.",
            V,
            D4,
            "49.1-B",
            "Table 49.1-B Case 1: Grade A heavy loading, 22 in; 20 in is short.",
        ),
        inf(
            "Joint pole 2224 carries the Grade A supply crossing and a Grade C communication cable, heavy loading "
            "district; top circumference 20 in. Crew states the 19 in Grade C value for the communication "
            "attachment applies.",
            V,
            D4,
            "49.1-B",
            "Rule 14 and the Rule 49.1-B text: where a pole falls under several cases the most stringent governs; the "
            "Grade A heavy-loading case (22 in) applies, 20 in fails.",
        ),
        inf(
            "Pole 2228 (45 ft, firm soil, no erosion) is set 5 ft 4 in deep; auditor states Table 6 requires 6 ft 6 in.",
            N,
            None,
            None,
            "The setting depth values are in Table 6, which the library does not reproduce; the library cannot confirm "
            "the 6 ft 6 in value.",
        ),
        inf(
            "Existing pole 2230 was set in firm soil; road grading has since removed soil at the base and the setting "
            "depth now measures 6 ft 0 in, where the auditor states Table 6, Column 2 gives 6 ft 6 in for this pole.",
            R,
            D4,
            "49.1-C",
            "Rule 49.1-C: after excavation or minor erosion the depth must stay within 10 percent of Table 6 Columns 2 "
            "and 3: 6 ft 6 in x 0.9 = 5 ft 10.2 in; 6 ft 0 in complies (taking the auditor's Table 6 value).",
        ),
        inf(
            "Communication pole 2232 (Grade C, supports a telephone cable): sound wood circumference within 18 in of "
            "the ground line measured 11 in; pole was not replaced or reinforced.",
            V,
            D9,
            "81.3-A",
            "Rule 81.3-A: poles supporting cable need 12 in of sound wood at the ground line before replacement; 11 in "
            "is short.",
        ),
        inf(
            "Communication pole 2234 (Grade C, 8 open wire conductors, no cable): sound wood circumference at the "
            "ground line 10 in; auditor requires replacement below 12 in.",
            R,
            D9,
            "81.3-A",
            "Rule 81.3-A Case 1: 10 or fewer open wire conductors, 9 in; 10 in complies. The 12 in value is for "
            "cable or more than 10 wires.",
        ),
    ]
    pdf = new_audit(
        "Sierra Foothill Electric - Quality Assurance Department", "QA-OH Narrative Report, form 11 (rev 2)"
    )
    title(pdf, "Quality Assurance Field Review", "Pole Replacement Program - Dry Creek Rd")
    kv(
        pdf,
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
        "I walked the job with the foreman on the morning of the review. Replacement poles were measured at the top "
        "with a tape after framing; setting depths were checked against the pole length brand and the as-built "
        "sheet. The grade of construction and the loading district were taken from the job package. The findings "
        "below are go-backs; each must be corrected or answered in writing within 10 working days.",
    )
    for x in infs:
        body(pdf, f"Deficiency: {x['text']}")
    body(
        pdf,
        "Recommendation (not a go-back): the crew should photograph the pole brand before setting, so that pole "
        "length and class can be verified without a bucket truck.",
        style="I",
    )
    body(
        pdf,
        "Compliant items noted: pole numbering, guying at 2218 and 2226, crossarm bracing, backfill tamping.",
    )
    body(pdf, f"Reviewed by {md['auditor']} on {md['audit_date']}. Foreman: {md['foreman']}.")
    return pdf, md, infs


# ---------------------------------------------------------------- A2: findings table, marking


def audit2():
    md = dict(
        pm_number="35578830",
        notification_number="121917552",
        location="Vasco Rd corridor, poles V-101 to V-140, Brentwood",
        contractor="Delta Overhead Services",
        foreman="Keisha Mendoza",
        auditor="Robert Lindqvist",
        audit_date="2025-09-23",
        score="84.00% (126/150)",
    )
    infs = [
        inf(
            "Pole V-104, 12 kV in vertical configuration, no crossarms: the top of the yellow band is 4 ft below the "
            "lowest conductor.",
            V,
            D5,
            "51.6-A",
            "Rule 51.6-A: the top of the band must be 2-1/2 to 3 ft below the lowest conductor; 4 ft is outside.",
        ),
        inf(
            "Pole V-107, 12 kV vertical, no crossarms: band 12 in wide, top of band 2 ft 9 in below the lowest "
            "conductor; auditor requires the band to start 2 ft below.",
            R,
            D5,
            "51.6-A",
            "Rule 51.6-A: 2-1/2 to 3 ft; 2 ft 9 in complies and the band is 1 ft wide.",
        ),
        inf(
            "Pole V-111, 21 kV vertical construction without crossarms: no yellow paint; a sign reading High Voltage "
            "in 3 in white letters on a green background is mounted 2 ft 8 in below the lowest conductor. Auditor "
            "requires the painted band.",
            R,
            D5,
            "51.6-A",
            "Rule 51.6-A allows signs in lieu of paint, 3 in white letters on green or black, located like the band; "
            "the sign complies.",
        ),
        inf(
            "Pole V-115, 12 kV vertical, no crossarms: High Voltage sign letters measure 2 in high.",
            V,
            D5,
            "51.6-A",
            "Rule 51.6-A: sign letters not less than 3 in high; 2 in fails.",
        ),
        inf(
            "Pole V-122 in open rangeland (rural district) supports a 60 kV circuit in vertical configuration on "
            "post insulators; pole is not banded or signed at the 60 kV level.",
            R,
            D5,
            "51.6-A",
            "Rule 51.6-A does not apply at the levels of supply circuits of more than 22,500 V in rural districts.",
        ),
        inf(
            "Pole V-126 supports only the light-rail 1,500 V dc Class T feeder, not on crossarms; no high voltage "
            "marking; auditor cites GO 95 Rule 51.6-A.",
            R,
            D5,
            "71.6-A",
            "Rule 71.6-A: poles supporting only Class T conductors over 750 V not on crossarms need not be marked "
            "as Rule 51.6 requires.",
        ),
        inf(
            "Pole V-130, 12 kV line framed on crossarms, no yellow band or sign; auditor cites GO 95 Rule 51.6-A.",
            R,
            D5,
            "51.6-A",
            "Rule 51.6-A covers conductors in vertical configuration not on crossarms; crossarm construction is "
            "outside it.",
        ),
        inf(
            "Latticed steel pole V-133 next to the Brentwood elementary school (12 kV): climbing barrier bottom 10 ft "
            "above ground, top 14 ft above ground.",
            V,
            D5,
            "51.6-B",
            "Rule 51.6-B: with the bottom within 12 ft of ground the top must be at least 15 ft above ground; 14 ft fails.",
        ),
        inf(
            "Latticed steel pole V-137 (12 kV, urban district): barrier bottom 13 ft above ground, barrier 6 ft 6 in "
            "long; auditor requires an 8 ft barrier reaching 15 ft.",
            R,
            D5,
            "51.6-B",
            "Rule 51.6-B: where the bottom is more than 12 ft above ground the barrier need only be 6 ft long; 6 ft 6 in complies.",
        ),
    ]
    pdf = new_audit("East Bay Energy Delivery - Contractor QA", "QA Findings Table OH-7")
    title(pdf, "QA AUDIT - FINDINGS TABLE", "Pole marking and guarding review")
    kv(
        pdf,
        [
            ("PM #", md["pm_number"]),
            ("Notification #", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("QA Auditor", md["auditor"]),
            ("Audit date", "09/23/2025"),
            ("Score", md["score"]),
        ],
    )
    body(pdf, "All findings below are go-back infractions unless marked Closed.", size=9)
    rows = []
    poles = ["V-104", "V-107", "V-111", "V-115", "V-122", "V-126", "V-130", "V-133", "V-137"]
    cited = [
        "GO 95 51.6-A",
        "GO 95 51.6-A",
        "GO 95 51.6-A",
        "GO 95 51.6-A",
        "GO 95 51.6-A",
        "GO 95 51.6-A",
        "GO 95 51.6-A",
        "GO 95 51.6-B",
        "GO 95 51.6-B",
    ]
    for i, (x, p, c) in enumerate(zip(infs, poles, cited, strict=True), 1):
        rows.append([f"F-{i:02d}", p, c, x["text"], "Open - go-back"])
    rows.insert(
        4,
        [
            "F-X",
            "V-119",
            "GO 95 51.6-A",
            "Band and sign correct; noted for the record only.",
            "Closed - compliant",
        ],
    )
    table(
        pdf,
        (14, 18, 26, 102, 24),
        ["Finding", "Pole", "Rule cited", "Description of finding", "Status"],
        rows,
        size=8.5,
        line_height=4.4,
    )
    pdf.ln(3)
    body(pdf, "Summary: 9 open go-backs, 1 closed item. Crew to correct and resubmit photographs.", size=9)
    return pdf, md, infs


# ---------------------------------------------------------------- A3: QC checklist Y/N


def audit3():
    md = dict(
        pm_number="35590117",
        notification_number="121930684",
        location="Riser and lateral work, Orchard Ln and Mill St, Yuba City",
        contractor="Feather River Electric Contractors",
        foreman="Dale Whitcomb",
        auditor="Priya Raman",
        audit_date="2025-10-02",
        score="76.47% (52/68)",
    )
    infs = [
        inf(
            "Pole 5107: 12 kV unprotected lateral conductor passes the 4,160 V circuit conductors at 20 in radial distance.",
            V,
            D5,
            "54.6-A",
            "Table 54.6-A row by highest voltage concerned (12 kV, 7,500 - 20,000 V): 24 in; 20 in fails.",
        ),
        inf(
            "Pole 5109: 480 V vertical conductor clears the 120/240 V secondary by 12 in; inspector requires 17.5 in.",
            R,
            D5,
            "54.6-A",
            "Highest voltage concerned 480 V, Table 54.6-A row 1 (0 - 5,000 V): 11.5 in; 12 in complies.",
        ),
        inf(
            "Pole 5112: 6,900 V vertical run clears the 480 V conductors by 18 in; inspector applied 24 in.",
            R,
            D5,
            "54.6-A",
            "6,900 V is in the 5,000 - 7,500 V row: 17.5 in; 18 in complies.",
        ),
        inf(
            "Pole 5115: unprotected 12 kV vertical conductor runs 15 ft between supports with no intermediate support.",
            V,
            D5,
            "54.6-A",
            "Rule 54.6-A: unprotected vertical conductors over 12 ft long need supports so that no span between "
            "supports exceeds 12 ft.",
        ),
        inf(
            "Pole 5118: unprotected 12 kV lateral conductor is routed through the climbing space on the road side of the pole.",
            V,
            D5,
            "54.6-A",
            "Rule 54.6-A: unprotected vertical and lateral conductors shall not pass within the climbing space.",
        ),
        inf(
            "Pole 5121: taps in buckarm construction are 10 in apart; inspector applied the 24 in of Rule 54.6-A.",
            N,
            None,
            None,
            "Rule 54.6-A says its distances do not apply between buckarm taps and Table 2 Case 16 applies; Table 2 "
            "is not in the library.",
        ),
        inf(
            "Steel pole 5124: grounded non-dielectric fiber optic cable in transition passes 8 in from a 12 kV conductor.",
            N,
            None,
            None,
            "Exception to Rule 54.6-A sends this case to Table 2 Case 16a, which the library does not hold.",
        ),
        inf(
            "Angle pole 5127: three conductors of the 4,160 V circuit are dead-ended in vertical configuration "
            "directly on the pole without crossarms.",
            V,
            D5,
            "54.4-C4b",
            "Rule 54.4-C4b: not more than two conductors of a 750 - 5,000 V circuit may be supported directly on the "
            "pole in vertical configuration.",
        ),
        inf(
            "Corner pole 5130: four conductors of the 12 kV circuit are supported vertically on the pole without "
            "crossarms; inspector cites the two-conductor limit.",
            R,
            D5,
            "54.4-C4b",
            "Rule 54.4-C4b: the two-conductor limit is for 750 - 5,000 V; the number of conductors of a circuit over "
            "5,000 V is not limited.",
        ),
    ]
    pdf = new_audit("Yuba Sutter Power - QC Inspection", "QC Checklist OH-RL (rev 5)")
    title(pdf, "QC INSPECTION CHECKLIST", "Risers, vertical and lateral conductors")
    kv(
        pdf,
        [
            ("PM Number", md["pm_number"]),
            ("Notification Number", md["notification_number"]),
            ("Job Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Crew Foreman", md["foreman"]),
            ("QC Inspector", md["auditor"]),
            ("Inspection Date", "10/02/2025"),
            ("Score", md["score"]),
        ],
        size=9,
    )
    items = [
        ("1", "Pole numbers and owner tags installed", "Y", "All poles tagged."),
        ("2", "Lateral conductor radial clearance from other circuits", "N", infs[0]["text"]),
        ("3", "Secondary vertical conductor clearance", "N", infs[1]["text"]),
        ("4", "Primary vertical run clearance", "N", infs[2]["text"]),
        ("5", "Vertical conductor supports", "N", infs[3]["text"]),
        ("6", "Riser conduit straps spaced per drawing", "Y", "Straps every 5 ft."),
        ("7", "Conductors clear of climbing space", "N", infs[4]["text"]),
        ("8", "Buckarm tap spacing", "N", infs[5]["text"]),
        ("9", "Fiber optic transition clearance", "N", infs[6]["text"]),
        ("10", "Vertical configuration dead-ends", "N", infs[7]["text"]),
        ("11", "Vertical configuration, corner structure", "N", infs[8]["text"]),
        ("12", "Cutout and arrester installation", "N/A", "No cutouts on this job."),
    ]
    pdf.set_font("Helvetica", "", 8.5)
    with pdf.table(
        col_widths=(10, 52, 12, 110),
        line_height=4.4,
        headings_style=FontFace(emphasis="BOLD", fill_color=(220, 230, 220)),
        repeat_headings=1,
    ) as t:
        r = t.row()
        for h in ("No.", "Inspection item", "Y / N", "Comments"):
            r.cell(h)
        for it in items:
            r = t.row()
            for c in it:
                r.cell(c)
    pdf.ln(3)
    body(pdf, "Total Number of Non-Conforming Items 9", style="B")
    body(pdf, f"Inspector: {md['auditor']}    Foreman: {md['foreman']}", size=9)
    return pdf, md, infs


# ---------------------------------------------------------------- A4: numbered NCI items, joint poles


def audit4():
    md = dict(
        pm_number="35602249",
        notification_number="121944018",
        location="Joint pole line, 1800-2100 Fulton Ave, Sacramento",
        contractor="Capitol Joint Trench & Aerial",
        foreman="Luis Carranza",
        auditor="Hannah Becker",
        audit_date="2025-10-09",
        score="70.59% (48/68)",
    )
    infs = [
        inf(
            "Joint pole 88412: lowest riser standoff bracket is 6 ft 8 in above the sidewalk and the next bracket is "
            "3 ft above it.",
            V,
            D9,
            "91.4",
            "Rule 91.4: 8 ft either from ground to the lowest bracket or between the two lowest brackets; neither is met.",
        ),
        inf(
            "Joint pole 88415 stands inside the fenced PG&E substation yard; lowest riser standoff bracket 7 ft above "
            "grade; auditor cites GO 95 Rule 91.4.",
            R,
            D9,
            "91.4",
            "Exception to Rule 91.4: it does not apply where a fence or wall is a suitable barrier.",
        ),
        inf(
            "Joint pole 88419: lowest standoff bracket at 5 ft, second bracket at 13 ft 4 in (8 ft 4 in apart); "
            "auditor requires the lowest bracket at 8 ft above ground.",
            R,
            D9,
            "91.4",
            "Rule 91.4 is met by either alternative; the two lowest brackets are 8 ft 4 in apart (alternative 2).",
        ),
        inf(
            "Joint pole 88423: climbing space turns 180 degrees around the pole between the communication level and "
            "the supply level, over a vertical distance of 5 ft.",
            V,
            D9,
            "93",
            "Rule 93: the climbing space may not change position by more than 90 degrees within less than 8 ft vertically.",
        ),
        inf(
            "Joint pole 88426: climbing space shifts 90 degrees over a vertical distance of 10 ft; auditor requires "
            "it to stay on one face.",
            R,
            D9,
            "93",
            "Rule 93 allows up to 90 degrees, and the limit concerns less than 8 ft of height; 90 degrees over 10 ft complies.",
        ),
        inf(
            "Joint pole 88430: a customer meter cabinet and conduit bank block the climbing space from the ground to "
            "12 ft; climbing space begins above the cabinet.",
            V,
            D9,
            "93",
            "Rule 93: climbing space shall be maintained from the ground level.",
        ),
        inf(
            "Joint pole 88433: antenna sign shows the operator name and the site ID but no 24-hour contact number.",
            V,
            D9,
            "94.5-B",
            "Rule 94.5-B(2) requires a 24-hour emergency and information number of the antenna operator.",
        ),
        inf(
            "Joint pole 88436: RF exposure sign on the small-cell antenna is the wrong color per Exhibit A.",
            N,
            None,
            None,
            "Rule 94.5-A refers to Appendix H and Exhibit A, which are not in the library; the audit does not say what color is required.",
        ),
    ]
    pdf = new_audit("Sacramento Joint Use Committee - Field Audit", "JU-QA Report 3")
    title(pdf, "JOINT POLE FIELD AUDIT REPORT")
    kv(
        pdf,
        [
            ("PM No.", md["pm_number"]),
            ("Notification No.", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("Auditor", md["auditor"]),
            ("Date of audit", "October 9, 2025"),
            ("Audit score", md["score"]),
        ],
    )
    body(pdf, "Audit scope: riser installation, climbing space and antenna attachments on 14 joint poles.")
    body(pdf, "Non-Conforming Items:", style="B")
    for i, x in enumerate(infs, 1):
        body(pdf, f"NCI {i}. {x['text']}", indent=4)
    body(pdf, "Items found conforming:", style="B")
    body(
        pdf,
        "- Riser guards and bonding on poles 88440 to 88452.\n- Communication cable sag and lashing.",
        indent=4,
    )
    body(pdf, f"Total non-conforming items: {len(infs)}")
    return pdf, md, infs


# ---------------------------------------------------------------- A5: ALL-CAPS underground report


def audit5():
    md = dict(
        pm_number="35617763",
        notification_number="121958290",
        location="TRACT 8841, CEDAR HOLLOW SUBDIVISION, ROSEVILLE",
        contractor="GRANITE BAY UNDERGROUND LLC",
        foreman="MARCUS ODUYA",
        auditor="ELENA VOSKRESENSKY",
        audit_date="2025-10-15",
        score="80.00% (64/80)",
    )
    infs = [
        inf(
            "PAD-MOUNTED TRANSFORMER T-14 AT LOT 22: PENTA-HEAD LOCKING BOLT MISSING AND THE CABINET DOOR OPENS "
            "WITHOUT A TOOL.",
            V,
            DU,
            "34.3-C",
            "RULE 34.3-C: COMPARTMENTS SHALL BE SECURED AGAINST UNAUTHORIZED ENTRY BY LOCKS OR OTHER SUITABLE MEANS.",
        ),
        inf(
            "PAD-MOUNTED SWITCH PMS-3: 3/4 IN GAP AT THE BOTTOM OF THE CLOSED DOOR OF THE LIVE-FRONT COMPARTMENT; A "
            "WIRE CAN BE PASSED INSIDE.",
            V,
            DU,
            "34.3-B",
            "RULE 34.3-B: A CLOSED COMPARTMENT WITH EXPOSED LIVE PARTS MUST NOT ALLOW A WIRE TO BE PASSED IN FROM OUTSIDE.",
        ),
        inf(
            "TRANSFORMER T-17 AT LOT 30 IS NOT FASTENED TO ITS PAD; HOLD-DOWN CLIPS NOT INSTALLED AND THE UNIT HAS "
            "SHIFTED 2 IN.",
            V,
            DU,
            "34.3-A",
            "RULE 34.3-A: THE CASE SHALL BE SECURED IN PLACE.",
        ),
        inf(
            "NO AS-BUILT RECORD ON FILE FOR THE 120/240 V SERVICE LATERAL TO LOT 25; THE SERVICE RUNS ENTIRELY ON "
            "PRIVATE PROPERTY OUTSIDE THE STREET RIGHT OF WAY.",
            R,
            DU,
            "17.7-A(1)",
            "RULE 17.7-A(1): NO RECORDS ARE REQUIRED FOR 0 - 750 V SUPPLY SERVICES OUTSIDE A PUBLIC STREET OR HIGHWAY RIGHT OF WAY.",
        ),
        inf(
            "NO AS-BUILT RECORD ON FILE FOR THE 120/240 V SERVICE TO THE IRRIGATION CONTROLLER, WHICH RUNS 60 FT "
            "UNDER CEDAR HOLLOW DR WITHIN THE PUBLIC STREET RIGHT OF WAY.",
            V,
            DU,
            "17.7-A",
            "THE 17.7-A(1) EXEMPTION IS ONLY FOR SERVICES OUTSIDE A STREET RIGHT OF WAY; THIS ONE IS IN THE STREET, SO "
            "RULE 17.7-A RECORDS ARE NEEDED.",
        ),
        inf(
            "NO LOCATION RECORD FOR THE 21 KV PRIMARY CABLE RUN IN THE REAR-LOT EASEMENT BETWEEN T-14 AND T-17.",
            V,
            DU,
            "17.7-A",
            "RULE 17.7-A: THE OWNER MUST KEEP THE RECORDS NEEDED FOR LOCATION INFORMATION; THE SERVICE EXEMPTION DOES "
            "NOT COVER PRIMARY CABLE.",
        ),
        inf(
            "PRIMARY CABLE IN CONDUIT ALONG LOTS 18-21 HAS 28 IN OF COVER; AUDITOR CITES GO 128 RULE 33.4.",
            N,
            None,
            None,
            "RULE 33.4 (CLEARANCES AND DEPTHS) IS NOT REPRODUCED IN THE LIBRARY, SO THE REQUIRED COVER CANNOT BE CONFIRMED.",
        ),
        inf(
            "RISER ON POLE 4471 AT THE TRACT ENTRANCE: RISER GUARD ENDS 7 FT ABOVE GRADE; AUDITOR CITES GO 128 RULE 31.5-A.",
            N,
            None,
            None,
            "RULE 31.5-A ONLY REFERS POLE RISERS TO GO 95; THE GO 95 RISER RULES ARE NOT IN THE LIBRARY.",
        ),
    ]
    pdf = new_audit("PLACER VALLEY UTILITIES - UNDERGROUND CONSTRUCTION QA", "UG-QA FORM 4 (CAPS)")
    title(pdf, "UNDERGROUND QA AUDIT - GO-BACK REPORT")
    kv(
        pdf,
        [
            ("PM NUMBER", md["pm_number"]),
            ("NOTIFICATION", md["notification_number"]),
            ("LOCATION", md["location"]),
            ("CONTRACTOR", md["contractor"]),
            ("FOREMAN", md["foreman"]),
            ("AUDITOR", md["auditor"]),
            ("AUDIT DATE", "OCTOBER 15, 2025"),
            ("SCORE", md["score"]),
        ],
    )
    body(
        pdf, "SCOPE: SUBDIVISION UNDERGROUND - PAD-MOUNTED EQUIPMENT, SERVICE LATERALS, RECORDS, POLE RISER."
    )
    body(pdf, "GO-BACK INFRACTIONS:", style="B")
    for i, x in enumerate(infs, 1):
        body(pdf, f"GO-BACK {i}: {x['text']}", indent=4)
    body(pdf, "NOTED AS COMPLIANT: SPLICE BOX LIDS, GROUNDING AT T-14 AND T-17, PAD GRADING.", size=9)
    body(pdf, "ALL GO-BACKS TO BE CLEARED BEFORE ENERGIZATION.", style="B")
    return pdf, md, infs


# ---------------------------------------------------------------- A6: per-pole blocks, mixed (some wrong rules)


def audit6():
    md = dict(
        pm_number="35629905",
        notification_number="121971126",
        location="Poles 7701-7712, Old Auburn Rd, Citrus Heights",
        contractor="Northstar Electrical Constructors",
        foreman="Gwen Takahashi",
        auditor="Samuel Ortiz-Reyes",
        audit_date="2025-10-21",
        score="73.33% (66/90)",
    )
    infs = [
        inf(
            "Anchor guy on the down-guy at pole 7701 has no guy marker installed; auditor cites GO 95 Rule 86.9.",
            V,
            D5,
            "56.9",
            "Supply-pole anchor guy: Rule 56.9 requires an 8 ft marker on every anchor guy; the cited Rule 86.9 is "
            "the communication-line rule and is not in the library.",
        ),
        inf(
            "Pole 7703 has two guys on one anchor rod; the outer guy carries an 8 ft yellow guy marker, the inner guy "
            "has none.",
            R,
            D5,
            "56.9",
            "Rule 56.9: where more than one guy is on an anchor rod, only the outermost guy needs a marker.",
        ),
        inf(
            "Pole 7704 anchor guy marker is only 6 ft long.",
            V,
            D5,
            "56.9",
            "Rule 56.9: the marker must be at least 8 ft long.",
        ),
        inf(
            "Pole 7705: 12 kV riser conductor passes the 480 V secondary at 26 in radial distance; auditor requires 36 in.",
            R,
            D5,
            "54.6-A",
            "Highest voltage concerned 12 kV: Table 54.6-A row 3, 24 in; 36 in is for 20,000 V and above. 26 in complies.",
        ),
        inf(
            "Pole 7706 (Grade C, 4,160 V primary, heavy loading rural district) has a top circumference of 18 in.",
            V,
            D4,
            "49.1-B",
            "Table 49.1-B Case 5: Grade C, circuits of 750 - 7,500 V, heavy loading, rural: 19 in; 18 in fails.",
        ),
        inf(
            "Joint pole 7708: lowest riser standoff bracket is 8 ft 2 in above ground; auditor cites GO 95 Rule 54.6-A "
            "and asks for 10 ft.",
            R,
            D9,
            "91.4",
            "Riser standoff brackets are governed by Rule 91.4 (8 ft to ground or between the two lowest brackets); "
            "8 ft 2 in complies. Rule 54.6-A is about conductor clearances.",
        ),
        inf(
            "Pole 7710: pole identification tag is missing; auditor cites GO 95 Rule 31.6.",
            N,
            None,
            None,
            "Rule 31.6 (identification) is not in the library.",
        ),
        inf(
            "Pole 7712: lateral conductor clearance looks inadequate; no measurement or voltage recorded.",
            N,
            None,
            None,
            "Rule 54.6-A needs the voltages concerned and the radial distance; the audit gives neither.",
        ),
    ]
    pdf = new_audit("Sunrise Municipal Electric - Line QA", "Pole-by-pole QA sheet PB-2")
    title(pdf, "Pole-by-Pole QA Inspection", "Old Auburn Rd rebuild")
    kv(
        pdf,
        [
            ("PM", md["pm_number"]),
            ("Notification", md["notification_number"]),
            ("Location", md["location"]),
            ("Contractor", md["contractor"]),
            ("Foreman", md["foreman"]),
            ("Inspector", md["auditor"]),
            ("Inspection date", "2025-10-21"),
            ("Score", md["score"]),
        ],
    )
    poles = ["7701", "7703", "7704", "7705", "7706", "7708", "7710", "7712"]
    corr = [
        "Install an 8 ft guy marker.",
        "Install a marker on the inner guy.",
        "Replace with an 8 ft marker.",
        "Reframe riser for 36 in clearance.",
        "Replace pole with a larger class.",
        "Raise the lowest bracket to 10 ft.",
        "Install pole tag.",
        "Verify and correct lateral clearance.",
    ]
    pdf.set_font("Helvetica", "", 9.5)
    done = 0
    for p in ["7701", "7702", "7703", "7704", "7705", "7706", "7707", "7708", "7709", "7710", "7711", "7712"]:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, f"POLE {p}", new_x="LMARGIN", new_y="NEXT")
        if p in poles:
            x = infs[done]
            body(pdf, "Status: GO-BACK", size=9, indent=4)
            body(pdf, f"Issue: {x['text']}", size=9, indent=4)
            body(pdf, f"Required correction: {corr[done]}", size=9, indent=4)
            done += 1
        else:
            body(pdf, "Status: Acceptable - no findings.", size=9, indent=4)
    body(pdf, f"Go-backs on this sheet: {len(infs)}", style="B")
    return pdf, md, infs


AUDITS = [
    ("audits/G2-1-pole-replacement-narrative.pdf", audit1),
    ("audits/G2-2-marking-findings-table.pdf", audit2),
    ("audits/G2-3-lateral-conductor-checklist.pdf", audit3),
    ("audits/G2-4-joint-pole-nci.pdf", audit4),
    ("audits/G2-5-underground-caps.pdf", audit5),
    ("audits/G2-6-pole-by-pole.pdf", audit6),
]


# ----------------------------------------------------------------------------------------------
# Build and check
# ----------------------------------------------------------------------------------------------


def build(out):
    os.makedirs(os.path.join(out, "specs"), exist_ok=True)
    os.makedirs(os.path.join(out, "audits"), exist_ok=True)
    specs = []
    for f, doc, fn, ttl in SPECS:
        fn().output(os.path.join(out, f))
        specs.append(dict(file=f, document=doc, title=ttl, revision="Library revision 2"))
    audits = []
    for f, fn in AUDITS:
        pdf, md, infs = fn()
        pdf.output(os.path.join(out, f))
        audits.append(dict(file=f, metadata=md, expect_error=None, password=None, infractions=infs))
    exp = dict(
        name="realtext-go2",
        organization="California overhead and underground line construction (fictional audits)",
        note="Blind corpus written from CPUC General Order 95 (Sections IV, V, VIII, IX) and General Order 128 rule "
        "pages read at ia.cpuc.ca.gov (wording condensed; see README). Labels by hand from the clause text, without "
        "reading the product code. 'why' is ignored by score.py. audit_date values are ISO; the audits print "
        "ISO, MM/DD/YYYY and 'Month D, YYYY' forms.",
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
    from collections import Counter

    from pypdf import PdfReader

    def norm(t):
        return re.sub(r"\s+", " ", t)

    def words(t):
        return set(re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", t.lower()))

    for s in exp["specs"]:
        text = norm(" ".join(p.extract_text() for p in PdfReader(os.path.join(out, s["file"])).pages))
        assert f"Document: {s['document']}" in text, s
    t4 = PdfReader(os.path.join(out, "specs/GO-95-Section-IV.pdf"))
    hdr = [i for i, p in enumerate(t4.pages) if "Column A: minimum top" in norm(p.extract_text())]
    assert len(hdr) >= 2, f"Table 49.1-B must cross a page break with its header repeated: {hdr}"
    for a in exp["audits"]:
        text = norm(" ".join(p.extract_text() for p in PdfReader(os.path.join(out, a["file"])).pages))
        got = words(text)
        for k in ("pm_number", "notification_number"):
            assert a["metadata"][k] in text, (a["file"], k)
        for x in a["infractions"]:
            w = words(x["text"])
            assert len(w & got) / len(w) > 0.95, (a["file"], x["text"])
            assert (x["verdict"] == N) == (x["document"] is None), x
    n = sum(len(a["infractions"]) for a in exp["audits"])
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
        assert d1 == d2
        check(HERE, exp)
