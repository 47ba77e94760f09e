#!/usr/bin/env python3
"""Build the realtext-ug2 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Substations, underground cable work and mechanical equipment near lines: a library restating
29 CFR 1910.269 paragraphs (p) (mechanical equipment), (t)(5)-(t)(8) (underground cable work) and (u)
(substations, with Table U-4), and Title 8 CCR High-Voltage Electrical Safety Orders Sections 2812.1
(fenced or walled enclosures, with Table 2812.1-S) and 2944 (a), (b), (d) (stations and switchyards),
plus four fictional QA audits in four layouts (Pass/Fail/N/A checklist, findings table with a
Reference column, narrative letter with numbered paragraphs, field log with entry codes).

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>",
that Tables 2812.1-S and U-4 repeat their header rows on a second page, that the PM and notification
numbers and every labelled infraction text are printed in their audit, and that NEEDS_REVIEW is the only
verdict without a document.
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
        self.set_creator("realtext-ug2 make_corpus.py")
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
OSHA = "1910.269"
T8 = "CCR-T8-ESO"
T8_HEAD = "Minimum overall enclosure height"
U4_HEAD = "Exposed live parts (voltage to ground)"


def low_start(pdf, space):
    """Start a table low on the page so that it crosses the page break."""
    if pdf.get_y() < pdf.h - pdf.b_margin - space:
        pdf.set_y(pdf.h - pdf.b_margin - space)


def spec_t8(path):
    doc = T8
    pdf = Doc(
        f"California Code of Regulations, Title 8 - Electrical Safety Orders (High-Voltage) - Document {doc}",
        f"{doc}   Library excerpt   Condensed; the official Title 8 text governs",
    )
    title_block(
        pdf,
        [
            ("State of California - Department of Industrial Relations", 10),
            ("California Code of Regulations, Title 8, Subchapter 5", 14),
            ("Electrical Safety Orders - Group 2, High-Voltage Electrical Safety Orders", 11),
        ],
        [
            "Article 3 (installation requirements) Section 2812.1 and Article 36 (work procedures and "
            "operating procedures) Section 2944.",
        ],
        doc,
        "Rev. 2025-09 (library excerpt)",
        "As published by the Department of Industrial Relations (library copy compiled September 2025)",
        "Section 2812.1 Fenced or Walled Enclosures with Table 2812.1-S; Section 2944 (a), (b) and (d)",
    )

    pdf.band("Article 3 - Section 2812.1 Fenced or Walled Enclosures")
    pdf.heading("2812.1", "Fenced or Walled Enclosures")
    pdf.para(
        "(a) Height. Enclosures around high-voltage equipment shall be at least 8 feet high; where a ceiling "
        "is lower than 8 feet, the enclosure shall run from floor to ceiling."
    )
    sub(
        pdf,
        "(1) A fenced enclosure shall be at least 8 ft high, or shall combine at least 7 ft of vertical fence "
        "fabric with an extension of at least 1 ft vertical height carrying three or more strands of barbed "
        "wire or the equivalent.",
    )
    sub(
        pdf,
        "(2) Where any exposed energized part is more than 8 feet above the ground, the enclosure shall be at "
        "least 10 feet high, unless that part is more than 5 feet horizontally from the enclosure. [This "
        "paragraph raises the 8 ft value of (a) and (a)(1); see Cases 3 and 4 of Table 2812.1-S.]",
    )
    pdf.para("(b) The enclosure shall be built so that it cannot readily be climbed.")
    pdf.para(
        "(c) Openings in fences or similar enclosures shall be of a size and location such that persons are "
        "not liable to contact energized parts accidentally or to bring conducting objects into contact with "
        "them."
    )
    pdf.para(
        "(d) A gate or door in the enclosure shall be at least 2 feet 6 inches wide and 6 feet 6 inches high "
        "and readily operable. The enclosure height shall not be reduced at the gate or door."
    )
    pdf.para(
        "Table 2812.1-S summarizes the dimensional requirements of (a) and (d) by case. Lettered notes modify "
        "the cells that carry their letter."
    )
    low_start(pdf, 66)
    pdf.heading("Table 2812.1-S", "Enclosure Dimensions by Case [library summary of 2812.1 (a) and (d)]")
    rows = [
        [
            "1",
            "Fence of fabric only (outdoor); no exposed energized part more than 8 ft above ground",
            "8 ft 0 in (a)",
            "8 ft 0 in",
            "none required",
        ],
        [
            "2",
            "Fence fabric with a barbed-wire extension on top",
            "8 ft 0 in",
            "7 ft 0 in",
            "1 ft 0 in vertical, 3 or more strands of barbed wire or equivalent (b)",
        ],
        [
            "3",
            "Any exposed energized part more than 8 ft above ground and 5 ft or less horizontally from the "
            "enclosure",
            "10 ft 0 in (c)",
            "as Case 1 or 2 to make up the height",
            "as Case 2, if used",
        ],
        [
            "4",
            "Exposed energized parts more than 8 ft above ground but more than 5 ft horizontally from the "
            "enclosure",
            "8 ft 0 in (c)",
            "as Case 1 or 2",
            "as Case 2, if used",
        ],
        [
            "5",
            "Indoor enclosure or wall in a room whose ceiling is lower than 8 ft",
            "floor to ceiling (a)",
            "floor to ceiling",
            "-",
        ],
        [
            "6",
            "Gate or door in any enclosure of Cases 1 to 5",
            "same as the adjoining enclosure (d)",
            "gate opening at least 2 ft 6 in wide and 6 ft 6 in high",
            "as the adjoining enclosure",
        ],
    ]
    pdf.grid(
        [
            "Case",
            "Enclosure condition",
            T8_HEAD,
            "Minimum fence fabric or wall",
            "Extension above the fabric",
        ],
        rows,
        (14, 62, 34, 36, 34),
        size=8.5,
    )
    pdf.para("Notes to Table 2812.1-S:", style="B", size=9, gap=0.6)
    note(pdf, "(a) Where the ceiling is lower than 8 ft the enclosure runs floor to ceiling instead of 8 ft.")
    note(
        pdf,
        "(b) Fewer than three strands, or an extension of less than 1 ft vertical height, does not make up the "
        "8 ft; the enclosure is then measured by its fabric alone (Case 1).",
    )
    note(
        pdf,
        "(c) The 10 ft height of Case 3 governs over Cases 1, 2 and 4 wherever the 5 ft horizontal distance is "
        "not exceeded; measure horizontally from the exposed energized part to the enclosure.",
    )
    note(
        pdf,
        "(d) No reduction in enclosure height is permitted at a gate or door (2812.1(d)); a metal gate is "
        "grounded or bonded to the grounded enclosure (2812.1(e)).",
    )

    pdf.para(
        "(e) Metal gates or doors shall be grounded, or bonded to a grounded metal enclosure. Metal fences "
        "shall be grounded as Article 6 requires. [Article 6 is not reproduced.]"
    )
    pdf.para(
        "(f) Where buildings form part of an enclosure, no unguarded door or window may permit unintentional "
        "access to the enclosure. Where the enclosure adjoins and lies below stairways, fire escapes, balconies "
        "or windows, guards shall be installed so that persons cannot accidentally contact energized parts."
    )
    pdf.para(
        "(g) Where oil-filled apparatus inside an enclosure is next to combustible material or a combustible "
        "building, provision shall be made to confine within the enclosure the largest quantity of oil held in "
        "any one piece of apparatus."
    )
    pdf.para(
        "(h) Pressure relief devices of oil-filled apparatus [remainder of (h) not reproduced in this excerpt]."
    )
    pdf.band("Article 36 - Section 2944 Stations and Switchyards")
    pdf.heading(
        "2944",
        "Work on or in Proximity to Conductors and Equipment Located in High-Voltage Stations, or Switchyards",
    )
    pdf.para(
        "(a) Application. This section covers work on or near exposed high-voltage conductors and equipment "
        "in stations, switchyards and similar installations that Sections 2941, 2942 and 2943 do not cover."
    )
    pdf.para(
        "(b) Substation fences. Conductive fences around substations shall be grounded. When a substation "
        "fence is expanded or a section of it removed, fence sections shall be isolated, grounded or bonded as "
        "needed to protect employees from hazardous differences in electric potential. When a substation fence "
        "is extended or moved, the extended or moved fence shall meet Section 2812.1 (Table 2812.1-S)."
    )
    pdf.para(
        "(d) Identification. Every switchboard shall carry readily legible circuit identification, provided "
        "for each circuit breaker, each set of disconnecting switches and each set of grounding switches."
    )
    note(
        pdf,
        "[Not reproduced in this excerpt: 2944 (c) substation entry and (e) onward (draw-out circuit "
        "breakers and later subsections), Sections 2941 to 2943, and Article 6 grounding. The parallel federal "
        "provisions are in 29 CFR 1910.269(u) (library excerpt 1910.269).]",
    )
    pdf.output(path)


def spec_osha(path):
    doc = OSHA
    pdf = Doc(
        f"29 CFR 1910.269 - Electric Power Generation, Transmission, and Distribution - Document {doc}",
        f"{doc}   Library excerpt   Wording condensed; the Code of Federal Regulations governs",
    )
    title_block(
        pdf,
        [
            ("U.S. Department of Labor - Occupational Safety and Health Administration", 10),
            ("29 CFR 1910.269", 14),
            ("Electric Power Generation, Transmission, and Distribution (Subpart R)", 11),
        ],
        [
            "Final rule of April 11, 2014 (79 FR 20316). Paragraph labels in the osha.gov form, e.g. "
            "1910.269(p)(4). Construction work follows the parallel provisions of 29 CFR 1926 Subpart V "
            "(1926.959, 1926.965, 1926.966).",
        ],
        doc,
        "Rev. 2014-07",
        "2014-07-10",
        "1910.269(p)(1)-(p)(4) mechanical equipment; (t)(5)-(t)(8) underground cable work; (u)(1)-(u)(6) "
        "substations with Table U-4",
    )

    pdf.band("1910.269(p) Mechanical equipment")
    pdf.heading("1910.269(p)(1)", "General requirements")
    sub(
        pdf,
        "(i) The critical safety components of mechanical elevating and rotating equipment shall receive a "
        "thorough visual inspection before use on each shift. [Critical safety components are those whose "
        "failure would let the boom fall freely or rotate freely.]",
    )
    sub(
        pdf,
        "(ii) Vehicular equipment with an obstructed view to the rear may not be operated on off-highway job "
        "sites where an employee is exposed to the moving vehicle unless (A) the vehicle has a reverse signal "
        "alarm audible above the surrounding noise level, or (B) it is backed up only when a designated "
        "employee signals that it is safe to do so.",
    )
    sub(
        pdf,
        "(iii) The operator of an electric line truck may not leave the controls while a load is suspended, "
        "unless the employer can demonstrate that no employee (the operator included) is endangered.",
    )
    pdf.heading("1910.269(p)(2)", "Outriggers")
    sub(
        pdf,
        "(i) Vehicular equipment provided with outriggers shall be operated with the outriggers extended and "
        "firmly set, except as (p)(2)(iii) provides.",
    )
    sub(
        pdf,
        "(ii) Outriggers may not be extended or retracted outside the operator's clear view unless every "
        "employee is outside the range of possible equipment motion.",
    )
    sub(
        pdf,
        "(iii) Exception: where the work area or the terrain precludes outriggers, the equipment may be "
        "operated, but only within the maximum load ratings the manufacturer specifies for that configuration "
        "without outriggers.",
    )
    pdf.heading("1910.269(p)(3)", "Applied loads")
    pdf.para(
        "Mechanical equipment used to lift or move lines or other material shall be used within its maximum "
        "load rating and other design limitations for the conditions of use. [A lift at or below the rated "
        "load for the radius and configuration is within the rating; the rule sets no further margin.]"
    )
    pdf.heading("1910.269(p)(4)", "Operations near energized lines or equipment")
    sub(
        pdf,
        "(i) Mechanical equipment shall be operated so that the minimum approach distances established by the "
        "employer under 1910.269(l)(3)(i) are maintained from exposed energized lines and equipment. Exception: "
        "the insulated portion of an aerial lift operated by a qualified employee in the lift is exempt, "
        "provided the applicable minimum approach distance is kept between the uninsulated portions of the "
        "lift and exposed objects at a different potential. [The minimum approach distance tables of "
        "1910.269(l) are not reproduced in this excerpt.]",
    )
    sub(
        pdf,
        "(ii) A designated employee other than the operator shall observe the approach distance to exposed "
        "lines and equipment and give timely warning before the minimum approach distance is reached, unless "
        "the employer can demonstrate that the operator can accurately determine that the distance is being "
        "maintained.",
    )
    sub(
        pdf,
        "(iii) If the equipment could become energized during the operation, the operation shall also meet "
        "at least one of the following: (A) the energized lines or equipment exposed to contact are covered "
        "with insulating protective material that withstands the contact that could occur; (B) the equipment "
        "is insulated for the voltage involved and positioned so that its uninsulated portions cannot come "
        "closer than the minimum approach distance; or (C) each employee is protected from hazardous "
        "differences in electric potential, for example by equipment grounding, bonding, barricades and "
        "insulating protective equipment.",
    )

    pdf.band("1910.269(t) Underground electrical installations (continued)")
    note(
        pdf,
        "[Paragraphs (t)(1) to (t)(4) (access, lowering equipment, attendants, duct rods) are not reproduced in "
        "this excerpt.]",
    )
    pdf.heading("1910.269(t)(5)", "Multiple cables")
    pdf.para(
        "Where several cables are present in a work area, the cable to be worked shall be identified by "
        "electrical means, unless its identity is obvious from its distinctive appearance or location or from "
        "other readily apparent means. Cables other than the one being worked shall be protected from damage."
    )
    pdf.heading("1910.269(t)(6)", "Moving cables")
    pdf.para(
        "Energized cables that are to be moved shall be inspected for abnormalities first, except where "
        "(t)(7)(ii) permits employees to perform work that could cause a fault in an energized cable in a "
        "manhole or vault. [Paragraph (t)(7)(ii) thus modifies this rule.]"
    )
    pdf.heading("1910.269(t)(7)", "Protection against faults")
    sub(
        pdf,
        "(i) Where a cable in a manhole or vault has an abnormality that could lead to a fault or indicate an "
        "impending fault, that cable shall be deenergized before any employee works in the manhole or vault. "
        "Exception: where service-load conditions and the lack of feasible alternatives require the cable to "
        "stay energized, employees may enter if they are protected from the effects of a failure by shields or "
        "other devices able to contain a fault.",
    )
    note(
        pdf,
        "Note to (t)(7)(i): oil or compound leaking from cables or joints, broken cable sheaths or joint "
        "sleeves, hot localized surface temperatures of cables or joints, and joints swollen beyond normal "
        "tolerance are presumed to lead to, or indicate, an impending fault.",
    )
    sub(
        pdf,
        "(ii) If the work to be performed could cause a fault in a cable, that cable shall be deenergized "
        "before any employee works in the manhole or vault, with the same service-load exception and the same "
        "protection by shields or other containing devices as in (t)(7)(i).",
    )
    pdf.heading("1910.269(t)(8)", "Sheath continuity")
    pdf.para(
        "When employees work on buried cable or on cable in a manhole or vault, metallic-sheath continuity "
        "shall be maintained, or the cable sheath shall be treated as energized. [Either alternative "
        "complies.]"
    )
    note(
        pdf,
        "[Not reproduced: burial depths, trench and duct construction, manhole covers and frames, cable "
        "pulling limits, and paragraphs (t)(9) onward.]",
    )

    pdf.band("1910.269(u) Substations")
    pdf.heading("1910.269(u)(1)", "Access and working space")
    pdf.para(
        "Sufficient access and working space shall be provided and maintained about electric equipment to "
        "permit ready and safe operation and maintenance. [The rule states no dimensions; the note to (u)(1) "
        "points to the access and working-space guidelines of ANSI/IEEE C2, which are not reproduced here.]"
    )
    pdf.heading("1910.269(u)(2)", "Draw-out-type circuit breakers")
    pdf.para(
        "When employees remove or insert a draw-out-type circuit breaker, the breaker shall be in the open "
        "position. The control circuit shall also be rendered inoperable, if the design of the equipment "
        "permits."
    )
    pdf.heading("1910.269(u)(3)", "Substation fences")
    pdf.para(
        "Conductive fences around substations shall be grounded. When a fence is expanded or a section is "
        "removed, fence sections shall be isolated, grounded or bonded as necessary to protect employees from "
        "hazardous differences in electric potential."
    )
    pdf.heading("1910.269(u)(4)", "Guarding of rooms and other spaces containing electric supply equipment")
    sub(
        pdf,
        "(i) Rooms and other spaces with electric supply lines or equipment shall meet (u)(4)(ii) to (v) in "
        "the cases of Table U-4.",
    )
    sub(
        pdf,
        "(ii) Such rooms and spaces shall be enclosed within fences, screens, partitions or walls so as to "
        "minimize the possibility that unqualified persons will enter. (iii) Unqualified persons may not enter "
        "them while the lines or equipment are energized. (iv) Signs warning unqualified persons to keep out "
        "shall be displayed at the entrances. (v) Each entrance shall be kept locked, unless it is under the "
        "observation of a person attending the room or space to keep unqualified employees out.",
    )
    rows = [
        ["A", "50 to 150 volts", "within 2.4 m (8 ft) of the floor or other working surface", "-"],
        ["B", "151 to 600 volts", "within 2.6 m (8.5 ft) of the floor or other working surface", "-"],
        ["C", "more than 600 volts", "anywhere within the room or space", "Notes 1 and 2"],
        [
            "D",
            "any voltage, parts outside the heights of Cases A and B",
            "(u)(4)(ii) to (v) do not apply by reason of those parts",
            "-",
        ],
    ]
    low_start(pdf, 44)
    pdf.heading(
        "Table U-4", "When a room or space must be guarded under (u)(4) [library summary of (u)(4)(i)]"
    )
    pdf.grid(
        ["Case", U4_HEAD, "Position that makes the room a guarded space", "Modified by"],
        rows,
        (14, 48, 82, 36),
        size=8.5,
    )
    pdf.para("Notes to Table U-4:", style="B", size=9, gap=0.6)
    note(
        pdf,
        "1. Case C does not apply where the live parts are enclosed in grounded metal-enclosed equipment whose "
        "only openings are designed so that foreign objects inserted in them are deflected from energized "
        "parts.",
    )
    note(
        pdf,
        "2. Case C does not apply where the live parts are installed at a height above ground and any "
        "permanent working surface that gives protection at their voltage equivalent to that of a 2.6 m "
        "(8.5 ft) height at 50 volts.",
    )
    pdf.heading("1910.269(u)(5)", "Guarding of energized parts")
    sub(
        pdf,
        "(i) Guards shall be provided around all live parts operating at more than 150 volts to ground without "
        "an insulating covering, unless their location gives enough horizontal or vertical clearance, or both, "
        "to minimize the possibility of accidental employee contact.",
    )
    sub(
        pdf,
        "(ii) Except for fuse replacement and other necessary access by qualified persons, guarding of "
        "energized parts within a compartment shall be maintained during operation and maintenance, to prevent "
        "accidental contact and to keep dropped tools or other equipment off energized parts.",
    )
    sub(
        pdf,
        "(iii) Before guards are removed from energized equipment, barriers shall be installed around the work "
        "area to keep employees who are in the area, but not working on the equipment, from contacting the "
        "exposed live parts.",
    )
    pdf.heading("1910.269(u)(6)", "Substation entry")
    sub(
        pdf,
        "(i) On entering an attended substation, each employee other than those regularly working in the "
        "station shall report his or her presence to the employee in charge of substation activities, to "
        "receive information on special system conditions affecting employee safety.",
    )
    sub(
        pdf,
        "(ii) The job briefing required by 1910.269(c) shall cover those special system conditions, including "
        "the location of energized equipment in or next to the work area and the limits of any deenergized "
        "work area.",
    )
    note(
        pdf,
        "[Not reproduced: station yard surfacing and grounding-grid design (IEEE Std 80), equipment "
        "nameplates, fleet maintenance intervals, and the rest of 1910.269.]",
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


S2812 = "2812.1"


def U(p):
    return f"1910.269({p[0]})({p[1:]})"


# ---- A1: substation QA checklist, Pass / Fail / N/A marked with X ----------------------------------
A1 = dict(
    file="audits/SC-1-substation-fence-and-enclosure-checklist.pdf",
    metadata=dict(
        pm_number="35402716",
        notification_number="121240583",
        location="Oak Flat 60/12 kV Substation expansion, 4410 Dry Creek Road, Placer County, CA",
        contractor="Granite Ridge Electrical Constructors",
        foreman="Marisol Tejeda",
        auditor="Howard Lindqvist",
        audit_date="2025-10-21",
        score="68.42% (26/38)",
    ),
    # (no, item checked, mark P/F/NA, comment, label)
    rows=[
        (
            "1",
            "East fence extension - height",
            "F",
            "East fence extension has 7 ft 0 in of chain-link fabric and no barbed-wire extension above it.",
            V(
                T8,
                S2812,
                "Table 2812.1-S: fabric alone must be 8 ft (Case 1); 7 ft needs a 1 ft, 3-strand "
                "extension (Case 2), which is missing.",
            ),
        ),
        (
            "2",
            "North fence - height",
            "F",
            "North fence is 7 ft of fabric plus a 1 ft 2 in extension with three strands of barbed wire; "
            "inspector requires 8 ft of fabric.",
            R(
                T8,
                S2812,
                "Table 2812.1-S Case 2: 7 ft fabric with at least 1 ft of 3 or more strands is "
                "allowed; 1 ft 2 in with three strands complies.",
            ),
        ),
        (
            "3",
            "West fence - height at bus",
            "F",
            "West fence is 8 ft 0 in overall; the 12 kV bus support insulators are 11 ft above grade and "
            "3 ft 6 in inside the fence.",
            V(
                T8,
                S2812,
                "Case 3: exposed part more than 8 ft up and within 5 ft horizontally needs a 10 ft "
                "enclosure; 8 ft is short.",
            ),
        ),
        (
            "4",
            "South fence - height at line exit",
            "F",
            "South fence is 8 ft 0 in overall at the 12 kV line exit; exposed jumpers are 14 ft above grade and "
            "7 ft 9 in horizontally from the fence; inspector requires a 10 ft fence.",
            R(
                T8,
                S2812,
                "Case 4: parts more than 5 ft horizontally from the enclosure need only 8 ft; 7 ft 9 in "
                "exceeds 5 ft.",
            ),
        ),
        ("5", "Fence fabric - openings and climbability", "P", "2 in mesh, no climbing aids.", None),
        (
            "6",
            "Personnel gate - size",
            "F",
            "Personnel gate at the south entrance opens 2 ft 4 in wide by 7 ft 0 in high.",
            V(T8, S2812, "2812.1(d) / Case 6: gate at least 2 ft 6 in wide; 2 ft 4 in is narrower."),
        ),
        (
            "7",
            "Vehicle gate - height",
            "F",
            "Top of the vehicle gate sits 6 in below the adjoining 8 ft fence to clear the gate track.",
            V(T8, S2812, "2812.1(d) and Note (d): no reduction in enclosure height at a gate."),
        ),
        (
            "8",
            "Indoor 4 kV switchgear cage",
            "F",
            "Wire cage around the indoor 4 kV switchgear reaches the 7 ft 4 in ceiling of the annex; inspector "
            "requires an 8 ft enclosure.",
            R(
                T8,
                S2812,
                "2812.1(a), Case 5 and Note (a): with a ceiling under 8 ft the enclosure runs floor to "
                "ceiling, as it does.",
            ),
        ),
        ("9", "Warning signs at yard gates", "P", "Signs in place at both gates.", None),
        (
            "10",
            "Control house switchgear room - access",
            "F",
            "Switchgear room door was unlocked during the work; the station operator stayed posted at the door "
            "and logged every entry for the whole shift.",
            R(
                OSHA,
                U("u4"),
                "(u)(4)(v): an entrance may stay unlocked while a person attends it to keep "
                "unqualified employees out.",
            ),
        ),
        (
            "11",
            "Draw-out breaker 52-3 removal",
            "F",
            "Breaker 52-3 was open when racked out, but its control circuit stayed live; the breaker design has "
            "no means to disable the control circuit.",
            R(
                OSHA,
                U("u2"),
                "(u)(2): breaker open; the control circuit is made inoperable only if the design "
                "permits, and it does not.",
            ),
        ),
        (
            "12",
            "Battery charger",
            "F",
            "Station battery charger nameplate is missing.",
            N("No clause in the library governs equipment nameplates."),
        ),
        (
            "13",
            "Transformer T1 oil containment",
            "F",
            "Oil containment curb around transformer T1 is cracked along the north side.",
            N(
                "2812.1(g) requires oil confinement only next to combustible material or buildings; the checklist "
                "does not say whether T1 is, and no curb rule is in the library."
            ),
        ),
        ("14", "Yard lighting", "NA", "Lighting not yet installed (later phase).", None),
    ],
)


def audit_a1(path):
    a, m = A1, A1["metadata"]
    pdf = Doc(
        "Sierra Foothill Power - Substation Construction QA", "Form SQA-12 Substation Checklist (Rev 3)"
    )
    pdf.add_page()
    pdf.line_text("SUBSTATION CONSTRUCTION QA CHECKLIST - FENCES, GATES AND ENCLOSURES", 12, "B", h=7)
    pdf.ln(1)
    w = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    pairs = [
        ("PM No.", m["pm_number"], "Notification No.", m["notification_number"]),
        ("Inspection date", "10/21/2025", "Score", m["score"]),
        ("Contractor", m["contractor"], "Foreman", m["foreman"]),
        ("QA Inspector", m["auditor"], "Job type", "Substation expansion"),
    ]
    for k1, v1, k2, v2 in pairs:
        for k, v in ((k1, v1), (k2, v2)):
            pdf.set_font("Helvetica", "B", 8.5)
            pdf.cell(30, 6, clean(k), border=1, fill=False)
            pdf.set_font("Helvetica", "", 8.5)
            pdf.cell(w - 30, 6, clean(v), border=1)
        pdf.ln(6)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.cell(30, 6, "Location", border=1)
    pdf.set_font("Helvetica", "", 8.5)
    pdf.cell(2 * w - 30, 6, clean(m["location"]), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para(
        "Mark one box per line with X. Every item marked Fail is a go-back for the contractor; the comment "
        "states what was found. Pass and N/A items need no action.",
        size=9,
    )
    body = []
    for no, item, mark, comment, _ in a["rows"]:
        body.append(
            [
                no,
                item,
                "X" if mark == "P" else "",
                "X" if mark == "F" else "",
                "X" if mark == "NA" else "",
                comment,
            ]
        )
    pdf.grid(
        ["No.", "Item checked", "Pass", "Fail", "N/A", "Comments"], body, (10, 44, 11, 11, 11, 93), size=8.5
    )
    nf = sum(1 for r in a["rows"] if r[2] == "F")
    pdf.para(f"Total items: {len(a['rows'])}    Fail (go-back): {nf}    Re-inspection required: Yes", size=9)
    pdf.ln(2)
    pdf.para(
        f"QA Inspector: {m['auditor']}  ________________     Foreman: {m['foreman']}  ________________",
        size=9,
    )
    pdf.output(path)


# ---- A2: underground findings table with a Reference column ----------------------------------------
A2 = dict(
    file="audits/UG-2-manhole-and-vault-findings.pdf",
    metadata=dict(
        pm_number="35408853",
        notification_number="121247190",
        location="Downtown network reconductor, MH-21 to MH-27 and vaults V-9 and V-12, Reno, NV",
        contractor="Truckee Underground Services Inc.",
        foreman="Dwayne Okafor",
        auditor="Priya Raman",
        audit_date="2025-10-28",
        score="62.50% (50/80)",
    ),
    # (no, location, finding, reference, status, label)
    rows=[
        (
            "1",
            "MH-22",
            "Splicer identified the cable to be cut in MH-22 from the circuit map only; the four 12 kV cables in "
            "the manhole look identical and no cable identifier test was performed.",
            "1910.269(t)(5)",
            "Go-back",
            V(
                OSHA,
                U("t5"),
                "(t)(5): with several cables present, identify by electrical means unless identity "
                "is obvious; identical cables and a map are not obvious.",
            ),
        ),
        (
            "2",
            "MH-22",
            "Adjacent energized cables in MH-22 were left uncovered and in the swing path of the hydraulic "
            "cable cutter.",
            "",
            "Go-back",
            V(OSHA, U("t5"), "(t)(5): cables other than the one worked shall be protected from damage."),
        ),
        (
            "3",
            "V-9",
            "Only one cable passes through vault V-9; the crew opened it without an identifier test; auditor "
            "requires an identifier test on every cable before it is cut.",
            "1910.269(t)(5)",
            "Go-back",
            R(
                OSHA,
                U("t5"),
                "(t)(5) applies where multiple cables are present; a single cable's identity is obvious.",
            ),
        ),
        (
            "4",
            "MH-23",
            "Energized 12 kV cable in MH-23 was moved 18 in along the rack for the new splice without being "
            "inspected for abnormalities first.",
            "1910.269(t)(6)",
            "Go-back",
            V(
                OSHA,
                U("t6"),
                "(t)(6): energized cables to be moved shall first be inspected for abnormalities.",
            ),
        ),
        (
            "5",
            "MH-26",
            "Energized cable in MH-26 was moved to the new rack after the splicer inspected it and found no "
            "abnormalities; auditor requires every cable to be de-energized before it is moved.",
            "1910.269(t)(7)",
            "Go-back",
            R(
                OSHA,
                U("t6"),
                "(t)(6) requires only inspection before moving an energized cable; (t)(7) applies "
                "to abnormal cables or fault-causing work, neither of which is reported.",
            ),
        ),
        (
            "6",
            "MH-24",
            "Oil was seeping from the lead sleeve of joint J-5 in MH-24; the cable stayed energized while the "
            "splicer worked in the manhole, with no shield or fault blanket installed.",
            "1910.269(t)(7)",
            "Go-back",
            V(
                OSHA,
                U("t7"),
                "(t)(7)(i) and its note: leaking joint presumed to indicate a fault; deenergize, "
                "or shields are needed under the exception.",
            ),
        ),
        (
            "7",
            "V-12",
            "Joint J-8 in vault V-12 is swollen; the feeder could not be switched (no alternate feed for the "
            "hospital load) and the crew installed a fault-containment blanket around the joint before entry; "
            "auditor requires the cable to be de-energized.",
            "1910.269(t)(7)",
            "Go-back",
            R(
                OSHA,
                U("t7"),
                "(t)(7)(i) exception: service-load conditions with no feasible alternative and a "
                "fault-containing shield allow entry with the cable energized.",
            ),
        ),
        (
            "8",
            "Dig site at Sierra St",
            "Crew opened the metallic sheath of the buried cable at the Sierra St dig site with no bonding "
            "jumper across the opening and handled the sheath as grounded.",
            "1910.269(t)(8)",
            "Go-back",
            V(
                OSHA,
                U("t8"),
                "(t)(8): keep sheath continuity or treat the sheath as energized; neither was done.",
            ),
        ),
        (
            "9",
            "MH-25",
            "Sheath of cable C-31 in MH-25 was cut without a bonding jumper; the crew treated the sheath as "
            "energized (rubber gloves and sleeves for the voltage, sheath ends covered) per the tailboard.",
            "1910.269(t)(8)",
            "Go-back",
            R(
                OSHA,
                U("t8"),
                "(t)(8): treating the sheath as energized is the permitted alternative to continuity.",
            ),
        ),
        ("10", "MH-21", "Duct plugs and racks in MH-21 clean and tight.", "", "No finding", None),
        (
            "11",
            "MH-25",
            "Manhole MH-25 cover frame ring is cracked at two bolt lugs.",
            "",
            "Go-back",
            N("No clause in the library governs manhole covers or frames."),
        ),
        (
            "12",
            "Trench Sta. 4+20",
            "Primary cable in the trench at station 4+20 has 28 in of cover.",
            "GO 128",
            "Go-back",
            N(
                "Burial depth is not in the library (1910.269 excerpt has no depth rule; GO 128 is not in it)."
            ),
        ),
        (
            "13",
            "MH-27",
            "Atmosphere test recorded before entry; attendant on surface.",
            "",
            "No finding",
            None,
        ),
    ],
)


def audit_a2(path):
    a, m = A2, A2["metadata"]
    pdf = Doc(
        "Washoe Valley Electric - Underground QA Findings",
        "UG QA Report form U-4  |  Internal",
        orientation="landscape",
    )
    pdf.add_page()
    pdf.line_text("UNDERGROUND CONSTRUCTION QA - FINDINGS REPORT", 13, "B", h=7)
    pdf.ln(1)
    labels = ["PM Number", "Notification", "Audit Date", "Contractor", "Foreman", "QA Auditor"]
    values = [
        m["pm_number"],
        m["notification_number"],
        "October 28, 2025",
        m["contractor"],
        m["foreman"],
        m["auditor"],
    ]
    widths = (30, 30, 34, 62, 44, 42)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_fill_color(225, 225, 225)
    for lab, w in zip(labels, widths, strict=True):
        pdf.cell(w, 5.5, lab, border=1, fill=True)
    pdf.ln(5.5)
    pdf.set_font("Helvetica", "", 8.5)
    for val, w in zip(values, widths, strict=True):
        pdf.cell(w, 6, clean(val), border=1)
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.cell(30, 6, "Location", border=1, fill=True)
    pdf.set_font("Helvetica", "", 8.5)
    pdf.cell(sum(widths) - 30, 6, clean(m["location"]), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(30, 6, "Score", border=1)
    pdf.cell(sum(widths) - 30, 6, clean(m["score"]), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para("Status 'Go-back' = crew returns to correct; 'No finding' = observed and acceptable.", size=9)
    pdf.grid(
        ["No.", "Location", "Finding", "Reference", "Status"],
        [list(r[:5]) for r in a["rows"]],
        (12, 34, 146, 30, 20),
        size=8.5,
    )
    n = sum(1 for r in a["rows"] if r[4] == "Go-back")
    pdf.para(f"Findings listed: {len(a['rows'])}    Go-backs: {n}", size=9)
    pdf.para(f"Prepared by {m['auditor']}, Underground QA. Reviewed with {m['foreman']} on site.", size=9)
    pdf.output(path)


# ---- A3: narrative letter with numbered paragraphs (mechanical equipment) -------------------------
A3 = dict(
    file="audits/ME-3-mechanical-equipment-review-letter.pdf",
    metadata=dict(
        pm_number="35413390",
        notification_number="121252874",
        location="Snake River Road 12.47 kV pole replacement, poles 101 - 140, Canyon County, ID",
        contractor="Basin Line Constructors LLC",
        foreman="Travis Holloway",
        auditor="Elena Markovic",
        audit_date="2025-11-06",
        score="71.43% (50/70)",
    ),
    items=[
        (
            "While pole 112 hung from the winch line, the digger derrick operator left the controls and walked to "
            "the tailboard to take a phone call.",
            V(
                OSHA,
                U("p1"),
                "(p)(1)(iii): operator may not leave the controls with a load suspended; no "
                "demonstration that nobody was endangered.",
            ),
        ),
        (
            "At the laydown yard the line truck, whose rear view is obstructed, backed up without a spotter; its "
            "reverse alarm worked and was audible above the compressor.",
            R(
                OSHA,
                U("p1"),
                "(p)(1)(ii)(A): an audible reverse alarm is an alternative to a designated signaler.",
            ),
        ),
        (
            "The critical safety components of aerial lift 27 were inspected at the start of the day shift; your "
            "foreman was told to repeat that inspection before every lift during the shift.",
            R(
                OSHA,
                U("p1"),
                "(p)(1)(i): a thorough visual inspection before use on each shift; not before each lift.",
            ),
        ),
        (
            "At pole 118 the digger derrick worked with the curb-side outrigger retracted, although the pavement "
            "was level and there was room to set it.",
            V(OSHA, U("p2"), "(p)(2)(i): outriggers extended and firmly set; terrain did not preclude them."),
        ),
        (
            "At pole 131 the rear outriggers could not be set on the canal bank; the operator worked within the "
            "manufacturer's chart for the no-outrigger configuration (load 1,150 lb, chart 1,400 lb), and this "
            "was cited under 1910.269(p)(2).",
            R(
                OSHA,
                U("p2"),
                "(p)(2)(iii): where terrain precludes outriggers, operation within the no-outrigger "
                "rating is allowed.",
            ),
        ),
        (
            "At pole 124 the derrick lifted a 2,600 lb transformer at a radius where the load chart allows "
            "2,200 lb.",
            V(OSHA, U("p3"), "(p)(3): use within the maximum load rating; 2,600 lb exceeds 2,200 lb."),
        ),
        (
            "At pole 126 the crew lifted a 1,900 lb regulator at 20 ft radius, where the chart allows 2,200 lb; "
            "I consider this too close to the limit and require a larger truck for such lifts.",
            R(
                OSHA,
                U("p3"),
                "(p)(3): 1,900 lb is within the 2,200 lb rating; the rule sets no further margin.",
            ),
        ),
        (
            "While the derrick set pole 133 beside the energized 12.47 kV circuit, nobody but the operator "
            "watched the approach distance, and the tree line hid the boom tip from the operator.",
            V(
                OSHA,
                U("p4"),
                "(p)(4)(ii): a designated observer is needed unless the operator can accurately "
                "judge the distance; he could not see the tip.",
            ),
        ),
        (
            "The insulated upper boom of aerial lift 27, worked by the qualified lineman in the bucket, came "
            "within 1 ft of the energized phase; the lift's uninsulated parts stayed well beyond the minimum "
            "approach distance.",
            R(
                OSHA,
                U("p4"),
                "(p)(4)(i) exception: the insulated portion of an aerial lift operated by a "
                "qualified employee in the lift is exempt when uninsulated parts keep the distance.",
            ),
        ),
        (
            "The boom of derrick 14 came within 4 ft 6 in of the 34.5 kV underbuild conductor at pole 137.",
            N(
                "The minimum approach distance for 34.5 kV is set in the 1910.269(l) tables, which are not in the "
                "library; 4 ft 6 in cannot be compared."
            ),
        ),
        (
            "Hydraulic hoses on truck 44 are past the fleet replacement interval.",
            N("No clause in the library sets hose replacement intervals."),
        ),
    ],
)


def audit_a3(path):
    a, m = A3, A3["metadata"]
    pdf = Doc("", "Idaho Canyon Power Cooperative - Construction Quality Assurance")
    pdf.add_page()
    pdf.line_text("IDAHO CANYON POWER COOPERATIVE", 13, "B", h=7)
    pdf.line_text("Construction Quality Assurance - 2210 Cleveland Blvd, Caldwell, ID", 9)
    pdf.ln(4)
    pdf.para("November 7, 2025", size=10)
    pdf.para(f"{m['contractor']}\nAttn: {m['foreman']}, General Foreman\nPO Box 1180, Nampa, ID", size=10)
    pdf.para(
        f"Re: QA field review of November 6, 2025 - PM {m['pm_number']}, Notification "
        f"{m['notification_number']}",
        size=10,
        style="B",
    )
    pdf.para(f"Job location: {m['location']}. Review score: {m['score']}.", size=10)
    pdf.para(f"Dear Mr. {m['foreman'].split()[-1]},", size=10)
    pdf.para(
        "Thank you for the time your crews gave me during the review. Overall the job site was orderly and "
        "the tailboards were well attended. Each numbered paragraph below records a go-back that your crew "
        "must correct, and confirm in writing, before the next phase is released.",
        size=10,
        h=5.2,
    )
    for i, (text, _) in enumerate(a["items"], 1):
        pdf.ensure(14)
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(8, 5.3, f"{i}.")
        pdf.multi_cell(
            pdf.w - pdf.l_margin - pdf.r_margin - 8, 5.3, clean(text), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1.4)
    pdf.ln(1)
    pdf.para(
        "I also noted good practice: the pole-setting crew at poles 101 to 110 used cover-up on the "
        "energized phases and kept a dedicated observer throughout, and every outrigger pad at pole 140 was "
        "cribbed. These need no action.",
        size=10,
        h=5.2,
    )
    pdf.para("Please call me if you would like to walk any of these items together.", size=10)
    pdf.para(f"Sincerely,\n\n{m['auditor']}\nQA Inspector, Idaho Canyon Power Cooperative", size=10)
    pdf.output(path)


# ---- A4: field log with entry codes (substation work) ----------------------------------------------
A4 = dict(
    file="audits/FL-4-substation-field-log.pdf",
    metadata=dict(
        pm_number="35419027",
        notification_number="121259316",
        location="Mesa Verde 115/12 kV Substation bay addition, 900 Mesa Verde Drive, Kern County, CA",
        contractor="Coastline Power Constructors",
        foreman="Renata Quiroz",
        auditor="Samuel Achterberg",
        audit_date="2025-11-13",
        score="60.00% (30/50)",
    ),
    # (time, code, entry, label)
    entries=[
        ("07:05", "NI", "Arrived at site; weather clear; crew of six; tailboard attended.", None),
        (
            "07:20",
            "GB",
            "Contract crew of four entered the attended Mesa Verde substation without reporting to the operator "
            "in charge.",
            V(
                OSHA,
                U("u6"),
                "(u)(6)(i): employees not regularly working in the station shall report to the "
                "employee in charge.",
            ),
        ),
        (
            "07:35",
            "GB",
            "Station relay technician, who is assigned to Mesa Verde full time, walked into the yard without "
            "reporting to the operator.",
            R(OSHA, U("u6"), "(u)(6)(i) exempts employees regularly working in the station."),
        ),
        (
            "08:10",
            "OK",
            "Draw-out breaker 52-7 racked out in the open position; control power removed.",
            None,
        ),
        (
            "08:40",
            "GB",
            "Barrier panel removed from energized 12 kV cubicle 3 with no barrier around the work area while a "
            "helper not working on the cubicle swept the floor beside it.",
            V(
                OSHA,
                U("u5"),
                "(u)(5)(iii): barriers around the work area before guards come off energized equipment.",
            ),
        ),
        (
            "09:15",
            "GB",
            "Qualified station electrician opened the fuse compartment guard of the energized station service "
            "transformer to replace a blown fuse; inspector notes guards must never be opened while energized.",
            R(
                OSHA,
                U("u5"),
                "(u)(5)(ii) excepts fuse replacement and other necessary access by qualified persons.",
            ),
        ),
        (
            "10:00",
            "GB",
            "Pump room has exposed 480 V bus bars 8 ft 2 in above the floor; the room is open to the "
            "warehouse staff and carries no keep-out sign.",
            V(
                OSHA,
                U("u4"),
                "Table U-4 Case B: 151-600 V within 8.5 ft makes it a guarded space; it needs "
                "enclosure, signs and a lock.",
            ),
        ),
        (
            "10:30",
            "GB",
            "Storage room has exposed 120 V terminal blocks 9 ft 0 in above the floor; door unlocked and no "
            "keep-out sign.",
            R(OSHA, U("u4"), "Table U-4 Case A: 50-150 V parts only within 8 ft; at 9 ft Case D applies."),
        ),
        (
            "11:05",
            "GB",
            "The 12 kV metal-clad switchgear lineup in the warehouse annex is grounded, with louvered and "
            "baffled vents only; annex door has no keep-out sign and is not locked.",
            R(
                OSHA,
                U("u4"),
                "Table U-4 Note 1: grounded metal-enclosed equipment with deflecting openings is "
                "outside Case C.",
            ),
        ),
        (
            "11:40",
            "GB",
            "Disconnect switches 89-2 and 89-3 on the new bay carry no identification.",
            V(T8, "2944", "2944(d): each set of disconnecting switches shall carry legible identification."),
        ),
        (
            "13:10",
            "GB",
            "Grounding switch 57-1 has a legible identification plate on its operating handle; inspector wants a "
            "second plate on the switch frame.",
            R(
                T8,
                "2944",
                "2944(d) requires readily legible identification for each set of grounding switches; "
                "the handle plate provides it.",
            ),
        ),
        ("13:45", "OK", "Fence around the new bay bonded to the grid at each corner; gates jumpered.", None),
        (
            "14:20",
            "GB",
            "Yard crushed-rock surfacing near transformer T2 is thinner than 4 in.",
            N("Yard surfacing depth (IEEE Std 80) is not in the library."),
        ),
        (
            "15:00",
            "GB",
            "Working space in front of the 480 V motor control center is 28 in clear because cable reels are "
            "stored there.",
            N(
                "(u)(1) requires sufficient working space but states no dimension; the ANSI/IEEE C2 figures are "
                "not in the library."
            ),
        ),
        ("15:30", "NI", "Exit briefing held with foreman; go-backs reviewed.", None),
    ],
)


def audit_a4(path):
    a, m = A4, A4["metadata"]
    pdf = Doc("Kern Valley Electric - Field Inspection Log", "Field log KVE-FL (Rev 2) - QA copy")
    pdf.add_page()
    pdf.line_text("FIELD INSPECTION LOG - SUBSTATION CONSTRUCTION", 12.5, "B", h=7)
    pdf.ln(1)
    for ln in (
        f"Log date: 2025-11-13        PM: {m['pm_number']}        Notification: {m['notification_number']}",
        f"Site: {m['location']}",
        f"Contractor: {m['contractor']}        Crew lead: {m['foreman']}",
        f"Inspector: {m['auditor']}        Day rating: {m['score']}",
    ):
        pdf.line_text(ln, 9.5)
    pdf.ln(2)
    pdf.para(
        "Codes: GB = go-back (crew to correct)   OK = observed compliant   NI = note / information",
        size=9,
        style="B",
    )
    pdf.set_draw_color(150, 150, 150)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(2)
    for t, code, text, _ in a["entries"]:
        pdf.ensure(12)
        pdf.set_font("Courier", "", 9.5)
        pdf.cell(14, 5, t)
        pdf.set_font("Courier", "B", 9.5)
        pdf.cell(10, 5, code)
        pdf.set_font("Helvetica", "", 9.5)
        pdf.multi_cell(
            pdf.w - pdf.l_margin - pdf.r_margin - 24, 5, clean(text), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1)
    ng = sum(1 for e in a["entries"] if e[1] == "GB")
    pdf.ln(2)
    pdf.para(
        f"GB entries: {ng}. Log closed 15:45.   Inspector initials: S.A.   Crew lead initials: R.Q.", size=9
    )
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/CFR-1910.269-Mechanical-Equipment-Underground-Substations.pdf",
        OSHA,
        "29 CFR 1910.269 Electric Power Generation, Transmission, and Distribution: (p)(1)-(p)(4) mechanical "
        "equipment, (t)(5)-(t)(8) underground cable work, (u)(1)-(u)(6) substations with Table U-4 (excerpt)",
        "Rev. 2014-07",
        spec_osha,
    ),
    (
        "specs/CCR-T8-HVESO-2812.1-and-2944-excerpt.pdf",
        T8,
        "California Code of Regulations Title 8 High-Voltage Electrical Safety Orders: Section 2812.1 Fenced or "
        "Walled Enclosures with Table 2812.1-S; Section 2944 (a), (b), (d) stations and switchyards (excerpt)",
        "Rev. 2025-09 (library excerpt)",
        spec_t8,
    ),
]
AUDITS = [(A1, audit_a1), (A2, audit_a2), (A3, audit_a3), (A4, audit_a4)]


def labelled(a):
    if a is A1:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    if a is A2:
        return [(r[2], r[5]) for r in a["rows"] if r[5]]
    if a is A3:
        return a["items"]
    return [(e[2], e[3]) for e in a["entries"] if e[3]]


def expected():
    out = {
        "name": "realtext-ug2",
        "organization": "Substations, underground cable work and mechanical equipment (fictional audits)",
        "note": (
            "Blind corpus written from 29 CFR 1910.269 (p), (t)(5)-(t)(8), (u) and Title 8 CCR Sections 2812.1 "
            "and 2944, read through the search tool's stored pages (1910.269(p) through the Washington WAC "
            "mirror and summaries, (u) through OSHA eTool and Title 8 2944 text); what was restated rather than "
            "read is listed in the README. Labels by hand from the clause text, without reading the product "
            "code. 'why' is ignored by score.py. audit_date values are ISO; SC-1 prints 10/21/2025, UG-2 "
            "'October 28, 2025', ME-3 'November 6, 2025' in its Re: line (letter dated November 7), FL-4 ISO."
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
        heads = {OSHA: U4_HEAD, T8: T8_HEAD}
        for f, doc, _, _, _ in SPECS:
            pages = [p.extract_text() for p in pypdf.PdfReader(os.path.join(d1, f)).pages]
            print(f"{f}: {len(pages)} page(s)")
            if f"Document: {doc}" not in "".join(pages):
                print("no document id in", f)
                ok = False
            on = [i + 1 for i, p in enumerate(pages) if _norm(heads[doc]) in _norm(p)]
            print(f"  table header {heads[doc]!r} on pages {on}")
            if len(on) < 2:
                print("  table does not repeat its header on a second page")
                ok = False
        exp = expected()
        n = {"VALID": 0, "REPEALABLE": 0, "NEEDS_REVIEW": 0}
        for a in exp["audits"]:
            reader = pypdf.PdfReader(os.path.join(d1, a["file"]))
            txt = _norm("".join(p.extract_text() for p in reader.pages))
            c = {"VALID": 0, "REPEALABLE": 0, "NEEDS_REVIEW": 0}
            for k, v in a["metadata"].items():
                if not v:
                    print("empty metadata value:", a["file"], k)
                    ok = False
                if k in ("pm_number", "notification_number") and v not in txt:
                    print("metadata not printed:", a["file"], k)
                    ok = False
            for i in a["infractions"]:
                n[i["verdict"]] += 1
                c[i["verdict"]] += 1
                if _norm(i["text"]) not in txt:
                    print("text not found:", a["file"], i["text"][:70])
                    ok = False
                if (i["document"] is None) != (i["verdict"] == "NEEDS_REVIEW"):
                    print("document/verdict mismatch:", i["text"][:70])
                    ok = False
            print(f"{a['file']}: {len(reader.pages)} page(s), {len(a['infractions'])} labelled {c}")
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
