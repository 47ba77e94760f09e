#!/usr/bin/env python3
"""Build the realtext-go3 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints
"Document: <id>", that the PM and notification numbers and every labelled infraction text are printed
in their audit, and that NEEDS_REVIEW is the only verdict without a document.
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
# PDF base
# --------------------------------------------------------------------------------------------------
class Doc(FPDF):
    def __init__(self, head, foot):
        super().__init__(format="letter", unit="mm")
        self.head, self.foot = clean(head), clean(foot)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(FIXED_DATE)
        self.set_creator("realtext-go3 make_corpus.py")
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
    "This library copy restates the substance of the listed rules of the General Order. Rule numbers, table "
    "rows, values, exceptions and notes follow the rule pages read; the wording is condensed. Text in square "
    "brackets is the library's own. Where this copy and the General Order differ, the General Order governs."
)


def title_block(pdf, lines, doc_id, rules, extra=None):
    pdf.add_page()
    pdf.line_text("State of California - Public Utilities Commission", 10, "B")
    pdf.line_text("General Order No. 95", 14, "B", h=7)
    pdf.line_text("Rules for Overhead Electric Line Construction", 11, "B")
    for ln in lines:
        pdf.line_text(ln, 10)
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in (
        ("Document", doc_id),
        ("Revision", "Library revision 1"),
        ("Effective date", "2025-09-01"),
        ("Rules in this excerpt", rules),
    ):
        pdf.multi_cell(0, 5, clean(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
    if extra:
        pdf.multi_cell(0, 5, clean(extra), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.para(DISCLAIMER, size=8.5, h=4.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(3)


def spec_rules_56_58(path):
    doc = "GO-95-Rules-56-58"
    pdf = Doc(
        f"General Order 95 - Rules for Overhead Electric Line Construction - Document {doc}",
        f"{doc}   Library revision 1   Wording condensed; the General Order governs",
    )
    title_block(
        pdf,
        [
            "Section V - Detailed Construction Requirements for Supply Lines (Class H, L and T Circuits)",
            "Rules 56 to 58: Guys, Messengers and Insulated Cables, Line Switches (excerpt)",
        ],
        doc,
        "56.5, 56.8 (Table 13), 57.2, 57.7, 57.8, 58.3, 58.3-A",
    )

    pdf.heading("56", "Overhead Guys, Anchor Guys and Span Wires")
    pdf.para(
        "Rule 56 comprises 56.1 Definition, 56.2 Use, 56.3 Material and Strength, 56.4 Clearances, 56.5 Fastenings, "
        "56.6 Requirements for Sectionalizing with Insulators, 56.7 Location of Sectionalizing Insulators, 56.8 Guy "
        "Insulators and 56.9 Guy Marker (Guy Guard). [Only 56.5 and 56.8 are reproduced in this excerpt.]"
    )

    pdf.heading("56.5", "Fastenings")
    pdf.para(
        "A guy wire attached to an anchor rod or to a through bolt shall be protected there by a guy thimble or by "
        "an equivalent fitting."
    )

    pdf.heading("56.8", "Guy Insulators")
    pdf.para(
        "Insulators that sectionalize guys shall meet 56.8-A to 56.8-C. The voltage that governs is the highest "
        "voltage carried at the level of the pole, tower, structure or crossarm nearest to which the guy is "
        "attached, and also the voltage of any higher-voltage circuit through which the guy passes."
    )
    pdf.heading("56.8-A", "Material")
    pdf.para(
        "Guy insulators on supply lines shall be of porcelain, of glass, or of another suitable material."
    )
    pdf.heading("56.8-B", "Strength")
    pdf.para("See Rule 44, Table 4 and Rule 49.5-B. [Neither is reproduced in this excerpt.]")
    pdf.heading("56.8-C", "Voltage Requirements")
    pdf.para(
        "Guy insulators on supply lines shall be so designed that their dry flashover voltage is not more than 75 "
        "percent of their puncture voltage at operating frequency. Tested under the maximum mechanical loadings this "
        "Order specifies for the guy construction involved, their dry flashover voltage shall be not less than the "
        "value of Table 13."
    )
    pdf.ensure(52)
    pdf.line_text("Table 13 - Guy Insulator Flashover Voltage", 9.5, "B")
    pdf.ln(1)
    pdf.grid(
        [
            "Case",
            "Nominal voltage of circuits nearest the point of attachment (a)",
            "Minimum dry flashover voltage of the insulator (b)",
        ],
        [
            ["1", "0 - 7,500 volts", "15,000 volts"],
            ["2", "7,500 - 17,500 volts", "Double the circuit voltage"],
            ["3", "Over 17,500 volts", "35,000 volts"],
        ],
        (14, 86, 80),
    )
    pdf.para(
        "(a) The voltage is that of 56.8: the highest voltage at the level nearest the guy attachment, and of any "
        "higher-voltage circuit through which the guy passes.",
        size=8.5,
        h=4.2,
        gap=0.6,
    )
    pdf.para(
        "(b) As tested in accordance with the Standards (No. 41, March 1930) of the American Institute of Electrical "
        "Engineers, under the maximum mechanical loadings of this Order. [The case numbers and the letters (a) and "
        "(b) are the library's.]",
        size=8.5,
        h=4.2,
    )

    pdf.heading("57", "Messengers and Insulated Cables")
    pdf.para(
        "Rule 57 comprises 57.1 Definition, 57.2 Use of Messenger, 57.3 Material and Strength, 57.4 Clearances, 57.5 "
        "Fastenings, 57.6 Sectionalizing of Messengers with Insulators, 57.7 Use of Guard Arms and Coverings, 57.8 "
        "Bonding and Grounding and 57.9 Sags. [57.1, 57.3 to 57.6 and 57.9 are not reproduced.]"
    )
    pdf.heading("57.2", "Use of Messenger")
    pdf.para(
        "Where a cable is so heavy that, supporting itself, it would not meet the safety factors of Table 4, it shall "
        "be attached to a stranded messenger that carries its weight. [Table 4 is not reproduced.]"
    )
    pdf.heading("57.7", "Use of Guard Arms and Coverings")
    pdf.para(
        "A guard arm required by Rule 57.4-F shall be at least 4 feet long, shall run parallel to the cable or "
        "messenger, and shall be not more than 4 inches above the top of it. In lieu of the guard arm, a suitable "
        "protective covering (Rule 22.8) at least 4 feet long may be placed around the cable and messenger."
    )
    pdf.para(
        "Double guard arms shall be used where such a messenger or cable is dead-ended on, or wrapped around, a wood "
        "pole at a vertical separation of less than 6 feet below unprotected supply conductors of other circuits "
        "of 750 volts or less."
    )
    pdf.para(
        "Portions of cable in the form of a riser, or of a grounded lateral or vertical run, shall be covered as Rule "
        "54.6-E specifies for risers. [Rule 54.6-E is not reproduced.]"
    )
    pdf.heading("57.8", "Bonding and Grounding")
    pdf.para(
        "The provisions of Rules 57.4, 57.6 and 57.7 for grounded cables and grounded messengers apply only to cables "
        "with metallic sheaths, and to messengers, that are effectively grounded at both ends of each run and at "
        "intermediate points not more than 800 feet apart. Where such a metal-sheathed cable is supported on a "
        "messenger, each section of cable between splices shall be permanently bonded to the messenger at not less "
        "than two locations."
    )
    pdf.para(
        "Cables that are not bonded and grounded as above shall meet the requirements for unprotected supply "
        "conductors, with the modifications given in the several parts of Rule 57."
    )

    pdf.heading("58.3", "Line Switches and Line Disconnects")
    pdf.para(
        "Line switches and line disconnects shall be located so that they are readily accessible from the climbing "
        "and working spaces. Neither the devices nor their connecting leads shall extend into the climbing space; "
        "they may extend into the working space."
    )
    pdf.heading("58.3-A", "Unenclosed")
    pdf.para(
        "(1) Vertical clearances between exposed energized parts of line switches and line disconnects (fused and "
        "unfused line cutouts included) and unprotected conductors of other circuits above and below shall be not "
        "less than those of Table 2, Cases 8 to 13. Clearances between exposed parts energized from the same "
        "circuit, of different phases or polarities, shall be not less than those of Table 2, Case 17. [Table 2 is "
        "not reproduced.]"
    )
    pdf.para(
        "(2) Lead wires shall be suitably insulated from the cases of cutouts and switches where they enter. All "
        "unprotected lead wires, miscellaneous wiring included, shall clear braces, bolts and other line hardware "
        "by not less than 1.5 inches. Where necessary at the point of entrance to a cutout or switch, lead wires of "
        "0 - 5,000 volts may be less than the 3 inches from the surface of crossarms of Table 1, Case 9 (Columns C, "
        "D and E), but not less than 1 inch from such surfaces."
    )
    pdf.para(
        "(3) Switches and cutouts shall be located so that, in either the open or the closed position, all their "
        "energized parts are not less than 15 or 18 inches from the center line of the pole, as Table 1, Case 8 "
        "requires [Table 1, Case 8 is not reproduced], and no part of the equipment is in the climbing space, "
        "except nonmetallic interphase shafts of gang-operated switches and their unbonded mounting hardware. [The "
        "remainder of 58.3-A(3), and 58.3-B onward, are not reproduced.]"
    )
    pdf.output(path)


def spec_section_vi(path):
    doc = "GO-95-Section-VI"
    pdf = Doc(
        f"General Order 95 - Rules for Overhead Electric Line Construction - Document {doc}",
        f"{doc}   Library revision 1   Wording condensed; the General Order governs",
    )
    title_block(
        pdf,
        [
            "Section VI - Detailed Construction Requirements for Tower Lines and Extra High Voltage Lines "
            "(Class E Circuits)",
            "Towers: material, stepping, marking and guy clearances (excerpt)",
        ],
        doc,
        "22.1-C (reprinted), 51.7 (reprinted), 61.3-A, 61.3-B, 61.7, 65 (original text), 66.4",
        extra="Rule 65 is reproduced from the Original General Order 95 text, under its original number.",
    )

    pdf.heading("22.1-C", "Tower Lines [definition, reprinted from Section II]")
    pdf.para(
        "Tower lines (Class E, H, L and T) are supply lines carried on metal supporting structures whose outside "
        "dimension at ground level, measured along or across the line in a horizontal plane, is more than 4 feet. "
        "Metal supporting structures such as A-frames or H-structures whose supports measure more than 4 feet from "
        "the outside of one to the outside of another at ground level are classed as towers."
    )
    pdf.heading("51.7", "Stepping [reprinted from Section V] (See Rule 91.3-B)")
    pdf.para(
        "On any stepped pole, tower or structure, the lowest step shall be not less than 7 feet 6 inches above the "
        "ground line. Above that point, steps on the same side of the pole, tower or structure shall be not more "
        "than 36 inches apart. [Rule 91.3-B is not reproduced.]"
    )

    pdf.heading("61", "Towers and Structures")
    pdf.para(
        "61.1 Definition (see Rule 21.9-C); 61.2 Maintenance and Inspection (see Rules 31.1 and 31.2); 61.3 Material "
        "and Strength; 61.4 Clearances (from railroad tracks, see Rule 36 and Appendix E); 61.5 Dimensions and "
        "Settings (see Section IV); 61.6 and 61.7. [Only 61.3 and 61.7 are reproduced.]"
    )
    pdf.heading("61.3", "Material and Strength (also see Section IV)")
    pdf.heading("61.3-A", "Material")
    pdf.para(
        "(1) Tower Members: tower members shall have a thickness of metal not less than that of Table 61.3-A. All "
        "iron or steel members of towers, and all hardware subject to injurious corrosion under the prevailing "
        "conditions, shall be protected by galvanizing, painting or another treatment that effectively retards "
        "corrosion."
    )
    pdf.ensure(30)
    pdf.line_text(
        "Table 61.3-A - Minimum Metal Thickness of Tower Members [tabular layout is the library's]", 9.5, "B"
    )
    pdf.ln(1)
    pdf.grid(
        ["Finish of steel", "Main corner members", "Other members"],
        [["Galvanized steel", "3/16 inch", "1/8 inch"], ["Painted steel", "1/4 inch", "3/16 inch"]],
        (60, 60, 60),
    )
    pdf.para(
        "(2) Overhead Ground Wires or Lightning Protection Wires: these shall be galvanized steel cable not less than "
        "1/4 inch in diameter, or another corrosion-resistant material of equal tensile strength. Where overhead "
        "ground wires are not used, an effort shall be made to obtain an effectively grounded structure."
    )
    pdf.para(
        "(3) Guys and Anchor Rods: a) Guys shall be galvanized steel strand not less than 5/16 inch in diameter, or "
        "another corrosion-resistant material of equal tensile strength; or they shall be rolled rods of galvanized "
        "steel or other corrosion-resistant material with a tensile strength not less than that of 5/16 inch "
        "galvanized steel strand. b) Anchor rods shall be galvanized steel not less than 5/8 inch in diameter, or "
        "shall be of equal strength and durability."
    )
    pdf.heading("61.3-B", "Strength")
    pdf.para(
        "Where support structures are used that cannot withstand substantially as great a stress longitudinally as "
        "transversely, longitudinal guying shall be used. The line as a whole shall be designed so that the failure "
        "of one support structure does not cause successive failures of more than ten additional support "
        "structures."
    )

    pdf.heading("61.7", "Stepping")
    pdf.para(
        "All towers that workers are required to climb shall be provided with steps or ladders. Steps or ladders "
        "shall start not less than 7 feet 6 inches above the ground line, or above any easily climbed foreign "
        "structure within 6 feet of the tower from which one could reach or step, tower footings included. Steps on "
        "the same side of the tower legs shall be not more than 36 inches apart."
    )
    pdf.para(
        "Exception: where a fence or wall is used as a suitable barrier (Rule 61.6-B), the steps or ladders may extend "
        "to ground level. [Rule 61.6-B is not reproduced.]"
    )
    pdf.para(
        "Where the members of the tower are so arranged that qualified persons may climb the tower safely, no steps "
        "or ladders need be provided."
    )

    pdf.heading("65", "Marking [Original General Order 95 text]")
    pdf.para(
        "Fabricated steel towers and similar structures of a design easily climbed, located in urban districts or in "
        "cultivated agricultural areas near roads or trails that are frequently traveled, shall carry a sign worded "
        "to warn the public of the danger of climbing them. The sign shall be placed and arranged so that it can be "
        "read from the four corners of the structure."
    )
    pdf.para(
        "Such signs shall be neither less than 8 feet nor more than 20 feet above ground, except that where the "
        "lowest horizontal member of the tower is more than 20 feet above the ground, the sign shall be not more "
        "than 30 feet above the ground."
    )

    pdf.heading("66.4", "Clearances [overhead guys of tower lines]")
    pdf.para(
        "The basic minimum clearances of overhead guys above the ground and from other wires or cables are those of "
        "Tables 1 and 2, and Rules 37 and 38 give the modifications of those basic clearances. [Tables 1 and 2 and "
        "Rules 37 and 38 are not reproduced.] Along public thoroughfares or railways, the minimum clearance of 18 "
        "feet for overhead guys of high voltage supply lines shall not be decreased."
    )
    pdf.para(
        "For clearances of anchor guys from overhead guys, span wires and conductors supported on other poles or "
        "structures, see Rule 56.4 [not reproduced]."
    )
    pdf.output(path)


def spec_sections_x_xi(path):
    doc = "GO-95-Sections-X-XI"
    pdf = Doc(
        f"General Order 95 - Rules for Overhead Electric Line Construction - Document {doc}",
        f"{doc}   Library revision 1   Wording condensed; the General Order governs",
    )
    title_block(
        pdf,
        [
            "Section X - Supply and Communication Lines in Line Crossings or Conflicts",
            "Section XI - Supply Lines or Communication Lines Crossing over Railroads (excerpt)",
        ],
        doc,
        "100, 101.1, 101.2, 103.1-A, 103.4, 104, 110, 111.1, 113.3, 113.4",
        extra="Rules 101.1, 101.2 and 104 are reproduced from the Original General Order 95 text.",
    )

    pdf.line_text("SECTION X - SUPPLY AND COMMUNICATION LINES IN LINE CROSSINGS OR CONFLICTS", 10, "B")
    pdf.heading("100", "General")
    pdf.para(
        "These rules cover certain details of construction for supply and communication lines in line crossings or "
        "conflicts. They apply in general to the line at the higher elevation; however, the owner or operator who "
        "is last in point of time to construct or erect facilities shall establish the required clearances. They "
        "supplement the rules for these classes of line in general and the construction details for such lines "
        "where alone, which shall be followed in all respects except as modified here."
    )
    pdf.heading("101.1", "Height Adjacent to Crossing [Original GO 95 text]")
    pdf.para(
        "The vertical difference in conductor level between the crossing support and the adjacent poles, towers or "
        "structures shall at all times be less than would put an uplift strain on the pin, insulator or tie at the "
        "supports adjacent to the crossing span, unless due precaution is taken to keep the conductor from becoming "
        "detached from the crossarm."
    )
    pdf.heading("101.2", "Spliced or Stub-Reinforced Poles [Original GO 95 text]")
    pdf.para(
        "Spliced poles, stub-reinforced poles and pole top extensions shall not be used in crossings or conflicts "
        "where Grade A construction is required."
    )
    pdf.heading("103.1", "Prevention of Conductor Breakage and Burning of Supports")
    pdf.heading("103.1-A", "Splices and Taps")
    pdf.para(
        "(1) Splices in Crossing Spans, Mutual Consent: in crossing spans where Grade A construction is required, no "
        "splice shall be made or permitted unless the mutual consent of all parties involved in the span has been "
        "obtained. Nothing in 103.1-A(1) requires splices to be made, or authorizes a splice in such a span without "
        "the consent of every party owning or operating overhead lines in it."
    )
    pdf.para(
        "(2) Splices and Taps in Crossing Spans: in crossing spans where Grade A construction is required, splices "
        "and taps shall be avoided as far as practicable. Where a splice cannot practicably be avoided, it shall be "
        "of a type, and so made, as to have a strength practically equal to that of the conductor. Splices and taps "
        "should not be made in the spans adjacent to such a crossing span if the crossing span is not dead-ended. "
        "Splices or taps in spans adjacent to a Grade A crossing span shall, if practicable, be placed nearer to the "
        "crossing support than the nearest conductor crossed over. This rule does not prohibit splices or taps on "
        "the free ends of conductors dead-ended in the crossing span."
    )
    pdf.para("[103.1-B, Supply Conductor Supports, and 103.2 and 103.3 are not reproduced.]", size=8.5)
    pdf.heading("103.4", "Communication Wires")
    pdf.para(
        "Paired-wire line conductors, and single conductors smaller than Table 8 specifies for the grade of "
        "construction involved, shall not be used without supporting messengers, except where the circuits crossed "
        "over are of less than 750 volts. [Table 8 is not reproduced.] For communication service drops crossing over "
        "supply conductors, see Rules 32.2-F and 32.2-G [not reproduced]."
    )
    pdf.heading("104", "Insulators for Supply Conductors [Original GO 95 text]")
    pdf.para(
        "Where grounded pins are used at crossings while ungrounded construction is used on other parts of the line, "
        "the insulators on the grounded supports shall have a rating 25 percent greater than the flashover voltage "
        "values of the line insulators used on ungrounded pins, except where these values exceed those of Table 12, "
        "Rule 55.3, by 50 percent. [Table 12 is not reproduced.] As an alternative, where suspension insulators are "
        "used, the conductors may be protected at their points of attachment by arcing shields."
    )

    pdf.ln(2)
    pdf.line_text("SECTION XI - SUPPLY LINES OR COMMUNICATION LINES CROSSING OVER RAILROADS", 10, "B")
    pdf.heading("110", "General")
    pdf.para(
        "These rules cover certain details of construction for supply or communication lines crossing over "
        "railroads, crossings over street railways excluded. They supplement the rules for lines in general and the "
        "construction details for each class of line where alone, which shall be followed in all respects except "
        "where clearly inapplicable to railroad crossing construction or where specifically modified here."
    )
    pdf.para(
        "Wherever a utility wishes to cross railroad tracks with any of its wires at a location other than a public "
        "thoroughfare, or a railroad wishes to cross beneath the wires of a utility at such a location, the consent "
        "of the utility whose facilities are crossed shall be obtained."
    )
    pdf.heading("111.1", "Location")
    pdf.para(
        "Poles or towers supporting crossing spans shall be located outside the railroad company's right-of-way "
        "wherever practicable, as far as practicable from flammable material or structures, and as nearly as "
        "practicable in line with the adjoining span on each side. The crossing span and the next adjoining spans "
        "shall be kept free from trees that might fall into the line."
    )
    pdf.para(
        "In all cases the clearances from tracks to the nearest surface of poles, towers or structures shall be "
        "those specified in General Order No. 26-D (see Appendix E). [General Order No. 26-D and Appendix E are not "
        "reproduced.]"
    )
    pdf.para("[Rules 112, 113.1 and 113.2 are not reproduced.]", size=8.5)
    pdf.heading("113.3", "Limitation of Span Length")
    pdf.para(
        "The crossing span shall be made as short as practicable. In no case shall the crossing span be longer than "
        "the normal span of the line, and the next adjoining span shall be no longer than one and one-half times "
        "the normal span. Spans of extraordinary length made necessary by unusual conditions of topography shall be "
        "considered exceptions to this rule."
    )
    pdf.heading("113.4", "Communication")
    pdf.para(
        "For crossing spans, conductors not supported on messengers shall be not smaller than No. 12 BWG galvanized "
        "steel, or No. 10 AWG hard-drawn copper or copper-covered steel. Exception: paired wire in which each wire "
        "has an ultimate strength of not less than 170 pounds may be used without a supporting messenger in spans "
        "not exceeding 100 feet in Heavy Loading Districts or 150 feet in Light Loading Districts."
    )
    pdf.ensure(45)
    pdf.line_text(
        "Table 113.4-S - Railroad crossing spans, communication conductors without messenger "
        "[library summary of 113.4]",
        9.5,
        "B",
    )
    pdf.ln(1)
    pdf.grid(
        ["Conductor", "Minimum size", "Span limit"],
        [
            ["Galvanized steel", "No. 12 BWG", "-"],
            ["Hard-drawn copper", "No. 10 AWG", "-"],
            ["Copper-covered steel", "No. 10 AWG", "-"],
            [
                "Paired wire (Exception)",
                "each wire 170 lb ultimate strength or more",
                "100 ft (Heavy Loading District); 150 ft (Light Loading District)",
            ],
        ],
        (48, 62, 70),
    )
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# Audits
# --------------------------------------------------------------------------------------------------
def header_block(pdf, pairs, cols=1, size=9.5):
    pdf.set_font("Helvetica", "", size)
    if cols == 1:
        for k, v in pairs:
            pdf.set_font("Helvetica", "B", size)
            pdf.cell(42, 5.2, clean(k))
            pdf.set_font("Helvetica", "", size)
            pdf.multi_cell(0, 5.2, clean(v), new_x="LMARGIN", new_y="NEXT")
    else:
        half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
        for i in range(0, len(pairs), 2):
            y = pdf.get_y()
            for j, (k, v) in enumerate(pairs[i : i + 2]):
                pdf.set_xy(pdf.l_margin + j * half, y)
                pdf.set_font("Helvetica", "B", size)
                pdf.cell(34, 5.4, clean(k))
                pdf.set_font("Helvetica", "", size)
                pdf.cell(half - 34, 5.4, clean(v))
            pdf.set_xy(pdf.l_margin, y + 5.4)
    pdf.ln(2)


A1 = dict(
    file="audits/G3-1-tower-findings-table.pdf",
    metadata=dict(
        pm_number="41318806",
        notification_number="119004417",
        location="Newark-Ardenwood 115 kV Line, Towers 14/1 - 17/2, Fremont",
        contractor="Ridgeback Tower Erectors, Inc.",
        foreman="Dale Ostrowski",
        auditor="Helena Marsh",
        audit_date="2025-09-17",
        score="76.47% (130/170)",
    ),
    rows=[
        (
            "1",
            "Tower 14/2",
            "Step bolts start 7 ft 10 in above the ground line and are spaced 18 in; no exception taken.",
            "61.7",
            "Closed - compliant",
            None,
        ),
        (
            "2",
            "Tower 14/3",
            "Lowest step bolt on tower 14/3 measured 6 ft 9 in above the ground line.",
            "61.7",
            "Open",
            (
                "VALID",
                "GO-95-Section-VI",
                "61.7",
                "Rule 61.7: steps or ladders shall start not less than 7 ft 6 in above the ground line; 6 ft 9 in is short.",
            ),
        ),
        (
            "3",
            "Tower 14/4",
            "Lowest step on tower 14/4 measured 7 ft 8 in above the ground line; auditor requires 8 ft.",
            "61.7",
            "Open",
            (
                "REPEALABLE",
                "GO-95-Section-VI",
                "61.7",
                "Rule 61.7 requires not less than 7 ft 6 in; 7 ft 8 in complies and the 8 ft has no basis in the rule.",
            ),
        ),
        (
            "4",
            "Tower 15/1",
            "Step bolts on tower 15/1 begin 2 ft above the footing; the tower stands inside the "
            "substation chain-link perimeter fence, which serves as the barrier.",
            "61.7",
            "Open",
            (
                "REPEALABLE",
                "GO-95-Section-VI",
                "61.7",
                "Rule 61.7 Exception: where a fence or wall is used as a suitable barrier, steps may extend to ground level.",
            ),
        ),
        (
            "5",
            "Tower 15/3",
            "Lowest step on tower 15/3 is 8 ft 2 in above the ground line but only 5 ft 10 in above the "
            "top of an easily climbed concrete block wall 4 ft from the tower leg.",
            "61.7",
            "Open",
            (
                "VALID",
                "GO-95-Section-VI",
                "61.7",
                "Rule 61.7 measures the 7 ft 6 in from any easily climbed foreign structure within 6 ft of the tower; the "
                "wall is 4 ft away and the step is only 5 ft 10 in above it.",
            ),
        ),
        (
            "6",
            "Span 15/4-15/5",
            "New overhead ground wire in span 15/4-15/5 is 7/32 in galvanized steel cable.",
            "61.3",
            "Open",
            (
                "VALID",
                "GO-95-Section-VI",
                "61.3-A",
                "Rule 61.3-A(2): overhead ground wires shall be galvanized steel cable not less than 1/4 in; 7/32 in "
                "(0.219 in) is smaller.",
            ),
        ),
        (
            "7",
            "Tower 15/6",
            "Down guy on dead-end tower 15/6 is 3/8 in galvanized steel strand; auditor requires 7/16 in "
            "strand.",
            "-",
            "Open",
            (
                "REPEALABLE",
                "GO-95-Section-VI",
                "61.3-A",
                "Rule 61.3-A(3)a: tower guys shall be galvanized steel strand not less than 5/16 in; 3/8 in exceeds it.",
            ),
        ),
        (
            "8",
            "Tower 15/6",
            "Anchor rod for the tower 15/6 down guy measured 1/2 in diameter galvanized steel.",
            "-",
            "Open",
            (
                "VALID",
                "GO-95-Section-VI",
                "61.3-A",
                "Rule 61.3-A(3)b: anchor rods shall be galvanized steel not less than 5/8 in; 1/2 in is smaller.",
            ),
        ),
        (
            "9",
            "Tower 16/1",
            "Replacement bracing (other members, not main corner members) on tower 16/1 is galvanized "
            "steel angle 1/8 in thick; auditor requires 3/16 in.",
            "61.3",
            "Open",
            (
                "REPEALABLE",
                "GO-95-Section-VI",
                "61.3-A",
                "Rule 61.3-A(1): galvanized steel other members need 1/8 in; 3/16 in is the galvanized main corner (or painted "
                "other member) value.",
            ),
        ),
        (
            "10",
            "Tower 16/3",
            "Do-not-climb sign on tower 16/3 (urban district, Mission Blvd) is mounted 24 ft above "
            "ground; the lowest horizontal member of the tower is 26 ft above ground.",
            "-",
            "Open",
            (
                "REPEALABLE",
                "GO-95-Section-VI",
                "65",
                "Rule 65: signs go 8-20 ft above ground, but where the lowest horizontal member is more than 20 ft up the sign "
                "may be up to 30 ft; 24 ft complies.",
            ),
        ),
        (
            "11",
            "Tower 17/2",
            "Tower 17/2 in open rangeland (rural, not cultivated, no road or trail nearby) has no "
            "warning sign; auditor requires one.",
            "-",
            "Open",
            (
                "REPEALABLE",
                "GO-95-Section-VI",
                "65",
                "Rule 65 applies only in urban districts or cultivated agricultural areas near frequently traveled roads or "
                "trails; this tower is in neither.",
            ),
        ),
        (
            "12",
            "Tower 16/4",
            "Warning sign at 12 ft above ground, readable from all four corners.",
            "-",
            "Closed - compliant",
            None,
        ),
        (
            "13",
            "Tower 16/5",
            "Overhead guy from tower 16/5 to the stub pole along Mission Blvd measured 17 ft 4 in above "
            "the road shoulder at 95 degrees F; crew claims the Rule 37 temperature allowance.",
            "66.4",
            "Open",
            (
                "VALID",
                "GO-95-Section-VI",
                "66.4",
                "Rule 66.4: along public thoroughfares the 18 ft minimum for overhead guys of high voltage supply lines shall "
                "not be decreased, so no temperature allowance applies; 17 ft 4 in is short.",
            ),
        ),
        (
            "14",
            "Tower 16/5",
            "Anchor rod for the tower 16/5 stub guy appears undersized; its diameter was not measured.",
            "-",
            "Open",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Rule 61.3-A(3)b needs the rod diameter (5/8 in minimum); the audit gives no measurement.",
            ),
        ),
        (
            "15",
            "Tower 16/6",
            "Foundation concrete at the top of the pier of tower 16/6, leg C, shows honeycombing.",
            "-",
            "Open",
            ("NEEDS_REVIEW", None, None, "No rule in the library covers tower foundation concrete."),
        ),
    ],
)


def audit_a1(path):
    a = A1
    m = a["metadata"]
    pdf = Doc(
        "Coastline Power & Light - Transmission Construction QA - Findings Register",
        "Form QA-TR-03 (Rev 2)   Retain with job package",
    )
    pdf.add_page()
    pdf.line_text("TRANSMISSION QA AUDIT - FINDINGS REGISTER", 13, "B", h=7)
    pdf.line_text("Tower stepping, hardware and guying after reconductor", 10)
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
            ("Audit Date:", "09/17/2025"),
            ("Score:", m["score"]),
        ],
    )
    pdf.para(
        "Scope: step bolts, ground wire, guys, anchors and warning signs on towers 14/1 to 17/2. Measurements by steel "
        "tape and laser rangefinder. Rows marked Open are go-backs; rows marked Closed - compliant are recorded for "
        "the file only.",
        size=9,
    )
    pdf.grid(
        ["No.", "Structure", "Finding", "Rule cited", "Status"],
        [r[:5] for r in a["rows"]],
        (10, 24, 100, 18, 28),
        size=8.5,
    )
    pdf.para(
        "Notes: re-measure all step heights after the crew regrades the pads at towers 15/2 to 15/4. Open go-backs: "
        "13. Closed: 2.",
        size=9,
    )
    pdf.ln(3)
    pdf.para("Auditor: Helena Marsh        Foreman: Dale Ostrowski        Date: 09/17/2025", size=9)
    pdf.output(path)


A2 = dict(
    file="audits/G3-2-distribution-gobacks.pdf",
    metadata=dict(
        pm_number="41322740",
        notification_number="119011862",
        location="Orchard Ave and Birch Ln, poles 2215-2263, Hayward",
        contractor="Bayline Electrical Contractors",
        foreman="Marisol Tejada",
        auditor="Grant Whitfield",
        audit_date="2025-09-23",
        score="84.21% (160/190)",
    ),
    items=[
        (
            "Guy strand at the anchor rod eye on pole 2217 is attached without a guy thimble.",
            (
                "VALID",
                "GO-95-Rules-56-58",
                "56.5",
                "Rule 56.5: guy wires attached to anchor rods shall be protected by guy thimbles or equivalent.",
            ),
        ),
        (
            "Down guy at pole 2219 is attached to the through bolt with a thimble-eye bolt, which protects the strand as a "
            "thimble does; auditor requires a separate guy thimble.",
            (
                "REPEALABLE",
                "GO-95-Rules-56-58",
                "56.5",
                "Rule 56.5 accepts a guy thimble or its equivalent; the thimble-eye bolt is the equivalent fitting.",
            ),
        ),
        (
            "Guy insulator in the down guy at pole 2223, attached at the 12 kV crossarm level, has a rated dry flashover "
            "of 20 kV.",
            (
                "VALID",
                "GO-95-Rules-56-58",
                "56.8-C",
                "Table 13, Case 2 (7,500 - 17,500 V): double the circuit voltage, 24 kV; 20 kV is short.",
            ),
        ),
        (
            "Guy insulator on the pole 2225 guy at the 4,160 V level has a rated dry flashover of 25 kV; auditor requires "
            "30 kV.",
            (
                "REPEALABLE",
                "GO-95-Rules-56-58",
                "56.8-C",
                "Table 13, Case 1 (0 - 7,500 V): 15,000 V; 25 kV complies. Doubling applies only to 7,500 - 17,500 V.",
            ),
        ),
        (
            "Guy insulator on pole 2229, attached at the 21 kV level, is rated 40 kV dry flashover; auditor requires 42 kV "
            "(twice the circuit voltage).",
            (
                "REPEALABLE",
                "GO-95-Rules-56-58",
                "56.8-C",
                "Table 13, Case 3 (over 17,500 V): 35,000 V, not double the circuit voltage; 40 kV complies.",
            ),
        ),
        (
            "Guy strain insulator at pole 2231 is a fiberglass rod insulator rather than porcelain; auditor requires "
            "porcelain.",
            (
                "REPEALABLE",
                "GO-95-Rules-56-58",
                "56.8-A",
                "Rule 56.8-A allows porcelain, glass or other suitable material; porcelain is not required.",
            ),
        ),
        (
            "Guard arm over the grounded cable on pole 2233 is 3 ft 6 in long.",
            (
                "VALID",
                "GO-95-Rules-56-58",
                "57.7",
                "Rule 57.7: guard arms shall be at least 4 ft long; 3 ft 6 in is short.",
            ),
        ),
        (
            "Messenger dead-ended on pole 2237 at 4 ft 8 in below the 120/240 V open-wire secondary of another circuit has "
            "a single guard arm.",
            (
                "VALID",
                "GO-95-Rules-56-58",
                "57.7",
                "Rule 57.7: double guard arms where a messenger is dead-ended less than 6 ft below unprotected supply "
                "conductors of other circuits of 750 V or less; 4 ft 8 in with one arm fails.",
            ),
        ),
        (
            "In place of a guard arm, the cable and messenger on pole 2241 are enclosed in a protective covering 5 ft long; "
            "auditor requires a guard arm.",
            (
                "REPEALABLE",
                "GO-95-Rules-56-58",
                "57.7",
                "Rule 57.7: in lieu of the guard arm, a suitable protective covering at least 4 ft long may be used; 5 ft "
                "complies.",
            ),
        ),
        (
            "Messenger of the cable run along Orchard Ave is grounded at both ends only; the run is 1,350 ft long with no "
            "intermediate ground.",
            (
                "VALID",
                "GO-95-Rules-56-58",
                "57.8",
                "Rule 57.8: grounded messengers need grounds at both ends and at intermediate points not more than 800 ft "
                "apart; 1,350 ft without one fails.",
            ),
        ),
        (
            "Unprotected 12 kV jumper lead on pole 2253 passes 1 in from the crossarm brace bolt.",
            (
                "VALID",
                "GO-95-Rules-56-58",
                "58.3-A",
                "Rule 58.3-A(2): unprotected lead wires shall clear braces, bolts and other hardware by not less than 1.5 in.",
            ),
        ),
        (
            "Unprotected lead wire on pole 2255 clears the crossarm brace by 1-3/4 in; auditor requires 3 in.",
            (
                "REPEALABLE",
                "GO-95-Rules-56-58",
                "58.3-A",
                "Rule 58.3-A(2): 1.5 in from braces, bolts and hardware; the 3 in is the crossarm-surface value of Table 1, "
                "Case 9. 1-3/4 in complies.",
            ),
        ),
        (
            "Energized parts of the 21 kV cutout on pole 2259 are 16 in from the center line of the pole.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Rule 58.3-A(3) requires 15 or 18 in as Table 1, Case 8 specifies; Case 8 is not reproduced, so which value "
                "governs 21 kV cannot be confirmed.",
            ),
        ),
    ],
)


def audit_a2(path):
    a = A2
    m = a["metadata"]
    pdf = Doc(
        "Coastline Power & Light - Distribution Quality Assurance",
        "QA-GB-12 (Rev 5)   Distribution: Field Ops, Contract Mgmt",
    )
    pdf.add_page()
    pdf.line_text("QA GO-BACK REPORT - OVERHEAD DISTRIBUTION", 13, "B", h=7)
    pdf.ln(1)
    header_block(
        pdf,
        [
            ("PM #:", m["pm_number"]),
            ("Notification #:", m["notification_number"]),
            ("Contractor:", m["contractor"]),
            ("Crew Foreman:", m["foreman"]),
            ("QA Inspector:", m["auditor"]),
            ("Date of Audit:", "September 23, 2025"),
            ("Audit Score:", m["score"]),
            ("Job Type:", "Reconductor and guying"),
        ],
        cols=2,
        size=9,
    )
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(34, 5.4, "Work Location:")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5.4, clean(m["location"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.line_text("Go-Backs Identified:", 10.5, "B")
    pdf.ln(1)
    for i, (text, _) in enumerate(a["items"], 1):
        pdf.set_font("Helvetica", "", 9.5)
        y = pdf.get_y()
        pdf.cell(8, 4.8, f"{i}.")
        pdf.set_xy(pdf.l_margin + 8, y)
        pdf.multi_cell(
            pdf.w - pdf.l_margin - pdf.r_margin - 8, 4.8, clean(text), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1.2)
    pdf.ln(2)
    pdf.line_text("Items Inspected - No Exceptions:", 10.5, "B")
    for t in (
        "Guy thimbles at poles 2215, 2221 and 2227.",
        "Guy insulator at pole 2227 (12 kV level) rated 30 kV dry flashover.",
        "Messenger bonding at splice poles 2243 and 2251, two bonds per cable section.",
    ):
        pdf.para("- " + t, size=9.5, gap=0.4, indent=4)
    pdf.ln(2)
    pdf.line_text("Auditor Notes:", 10.5, "B")
    pdf.para(
        "Crew to submit as-built redlines and insulator cut sheets within 5 working days. Re-inspection will be "
        "scheduled after corrections. Total go-backs: 13.",
        size=9.5,
    )
    pdf.output(path)


A3 = dict(
    file="audits/G3-3-railroad-crossing-narrative.pdf",
    metadata=dict(
        pm_number="41330158",
        notification_number="119020473",
        location="Niles Canyon Rd rail crossings, poles 41-6 to 45-2, Sunol",
        contractor="Tri-Valley Line Builders",
        foreman="Curtis Ngata",
        auditor="Renee Castellanos",
        audit_date="2025-10-02",
        score="80.00% (112/140)",
    ),
    items=[
        (
            "Crossing span over the UPRR main track between poles 41-7 and 41-8 measured 265 ft; the normal span of the "
            "line is 240 ft.",
            (
                "VALID",
                "GO-95-Sections-X-XI",
                "113.3",
                "Rule 113.3: the crossing span shall in no case be longer than the normal span; 265 ft exceeds 240 ft.",
            ),
        ),
        (
            "Adjoining span 41-8 to 41-9 is 330 ft long against the 240 ft normal span; auditor requires it not to exceed "
            "the normal span.",
            (
                "REPEALABLE",
                "GO-95-Sections-X-XI",
                "113.3",
                "Rule 113.3: the next adjoining span may be up to 1-1/2 times the normal span, 360 ft; 330 ft complies.",
            ),
        ),
        (
            "Crossing span over the Sierra Northern spur at poles 44-2/44-3 is 410 ft where the line spans the Alder Creek "
            "ravine; normal span 250 ft.",
            (
                "REPEALABLE",
                "GO-95-Sections-X-XI",
                "113.3",
                "Rule 113.3: spans of extraordinary length made necessary by unusual topography are exceptions.",
            ),
        ),
        (
            "Crossing span over the spur at poles 45-1/45-2 appears longer than the normal span; the span length was not "
            "recorded.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Rule 113.3 compares the crossing span with the normal span; the audit records neither length.",
            ),
        ),
        (
            "Telephone open-wire conductors in the railroad crossing span at pole 41-7 are No. 12 AWG hard-drawn copper, "
            "not carried on a messenger.",
            (
                "VALID",
                "GO-95-Sections-X-XI",
                "113.4",
                "Rule 113.4: hard-drawn copper without messenger shall be not smaller than No. 10 AWG; No. 12 AWG is smaller.",
            ),
        ),
        (
            "Communication conductors crossing the spur at pole 42-1 are No. 8 AWG copper-covered steel without a "
            "messenger; auditor requires a messenger.",
            (
                "REPEALABLE",
                "GO-95-Sections-X-XI",
                "113.4",
                "Rule 113.4 allows conductors without messenger if not smaller than No. 10 AWG copper-covered steel; No. 8 "
                "AWG is larger.",
            ),
        ),
        (
            "Paired wire crossing the spur at pole 42-6 has no messenger; span 140 ft, Light Loading District, each wire "
            "rated 200 lb ultimate strength; auditor requires a messenger.",
            (
                "REPEALABLE",
                "GO-95-Sections-X-XI",
                "113.4",
                "Rule 113.4 Exception: paired wire of at least 170 lb per wire may be used without messenger in spans up to "
                "150 ft in Light Loading Districts.",
            ),
        ),
        (
            "A eucalyptus within falling distance of the crossing span 41-7/41-8 has not been removed.",
            (
                "VALID",
                "GO-95-Sections-X-XI",
                "111.1",
                "Rule 111.1: the crossing span and next adjoining spans shall be kept free from trees that might fall into "
                "the line.",
            ),
        ),
        (
            "Crossing pole 41-7 is 7 ft 6 in from the nearest rail; the required pole-to-track clearance was not confirmed.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Rule 111.1 refers pole-to-track clearances to General Order 26-D, which is not in the library.",
            ),
        ),
        (
            "Line truck parked within the railroad foul zone at pole 42-3 without a railroad flagman present.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "No rule in the library covers railroad flagging or work within the foul zone.",
            ),
        ),
    ],
)


def audit_a3(path):
    a = A3
    m = a["metadata"]
    pdf = Doc(
        "Coastline Power & Light - Overhead Line Inspection - Field Audit Narrative",
        "OLI-N (Rev 1)   Internal",
    )
    pdf.add_page()
    pdf.line_text("FIELD AUDIT NARRATIVE - RAILROAD CROSSINGS, POLES 41-6 TO 45-2", 12.5, "B", h=7)
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in (
        ("PM", m["pm_number"]),
        ("Notification", m["notification_number"]),
        ("Location", m["location"]),
        ("Contractor", m["contractor"]),
        ("Foreman", m["foreman"]),
        ("Auditor", m["auditor"]),
        ("Audit date", "2025-10-02"),
        ("Score", m["score"]),
    ):
        pdf.multi_cell(0, 5, clean(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para(
        "The auditor walked the UPRR main-line crossing (poles 41-6 to 41-9), the Sierra Northern spur crossing "
        "(poles 42-1 to 44-3) and the spur crossing at poles 45-1/45-2 with the foreman. The normal span of the line "
        "is 240 ft on the main-line section and 250 ft on the spur section. The job lies in the Light Loading "
        "District. Each go-back below must be corrected and photographed before the job can close.",
        size=10,
        h=5.2,
    )
    pdf.ln(1)
    pdf.line_text("Crossings walked", 10, "B")
    pdf.grid(
        ["Crossing", "Railroad", "Crossing poles", "Normal span of line"],
        [
            ["Main line", "UPRR", "41-7 / 41-8", "240 ft"],
            ["Spur (north)", "Sierra Northern", "42-1 to 44-3", "250 ft"],
            ["Spur (south)", "Sierra Northern", "45-1 / 45-2", "250 ft"],
        ],
        (40, 45, 45, 50),
        size=9,
    )
    pdf.line_text("Go-backs", 10.5, "B")
    pdf.ln(1)
    for text, _ in a["items"]:
        pdf.ensure(13)  # keep each paragraph on one page
        pdf.para(f"**Go-back Infraction:** {text}", size=10, h=5.6, gap=3.6, markdown=True)
    pdf.ln(1)
    pdf.para(
        "**Compliant items observed:** the crossing poles 41-7 and 41-8 are in line with the adjoining spans, and the "
        "crossing-span conductors at 44-2/44-3 are dead-ended with no splices. No exceptions were taken to the "
        "guying at the crossing structures.",
        size=10,
        h=5.2,
        gap=3,
        markdown=True,
    )
    pdf.para(
        "**Recommendation:** consider replacing the weathered crossarm at pole 41-8 at the next planned outage. This "
        "is not a go-back.",
        size=10,
        h=5.2,
        gap=3,
        markdown=True,
    )
    pdf.para(
        "Photo log: 41-7 (IMG_2231 to IMG_2236), 41-8 (IMG_2237 to IMG_2240), 42-1 (IMG_2241), 42-6 (IMG_2244), "
        "44-2/44-3 (IMG_2250 to IMG_2258).",
        size=9,
    )
    pdf.ln(4)
    pdf.para("Auditor: Renee Castellanos    Reviewed with foreman Curtis Ngata on 2025-10-02.", size=9.5)
    pdf.output(path)


A4 = dict(
    file="audits/G3-4-crossing-qc-checklist.pdf",
    metadata=dict(
        pm_number="41334095",
        notification_number="119026618",
        location="Decoto Rd crossings, poles 3305-3339, Union City",
        contractor="Bayline Electrical Contractors",
        foreman="Tomas Reyes-Albright",
        auditor="Priyanka Desai",
        audit_date="2025-10-09",
        score="79.17% (114/144)",
    ),
    rows=[
        (
            "1",
            "Pole steps - lowest step height?",
            "No",
            "Lowest pole step on steel pole 3307 is 6 ft 11 in above the ground line.",
            (
                "VALID",
                "GO-95-Section-VI",
                "51.7",
                "Rule 51.7: the lowest step on any stepped pole shall be not less than 7 ft 6 in above the ground line.",
            ),
        ),
        (
            "2",
            "Pole steps - spacing?",
            "No",
            "Pole steps on pole 3309 are spaced 34 in apart on the same side; inspector requires 30 in.",
            (
                "REPEALABLE",
                "GO-95-Section-VI",
                "51.7",
                "Rule 51.7 allows steps up to 36 in apart on the same side; 34 in complies.",
            ),
        ),
        (
            "3",
            "Pole steps - spacing (pole 3311)?",
            "No",
            "Step spacing on pole 3311 was not measured; steps look uneven.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Rule 51.7 sets a 36 in maximum, but the audit gives no measurement.",
            ),
        ),
        ("4", "Guy thimbles at anchor rods?", "Yes", "Thimbles installed at all anchors.", None),
        (
            "5",
            "Crossing poles (Grade A crossings)?",
            "No",
            "Spliced pole 3331 supports the crossing span over the 60 kV circuit, where Grade A construction is required.",
            (
                "VALID",
                "GO-95-Sections-X-XI",
                "101.2",
                "Rule 101.2: spliced poles shall not be used in crossings where Grade A construction is required.",
            ),
        ),
        (
            "6",
            "Crossing poles (other crossings)?",
            "No",
            "Stub-reinforced pole 3333 supports a crossing where Grade C construction is required; inspector cites Rule "
            "101.2.",
            (
                "REPEALABLE",
                "GO-95-Sections-X-XI",
                "101.2",
                "Rule 101.2 applies only where Grade A construction is required; this crossing is Grade C.",
            ),
        ),
        (
            "7",
            "Splices in crossing spans?",
            "No",
            "Splice made in the Grade A crossing span between poles 3331 and 3335 without the consent of the communication "
            "company whose line is crossed.",
            (
                "VALID",
                "GO-95-Sections-X-XI",
                "103.1-A",
                "Rule 103.1-A(1): no splice in a Grade A crossing span without the mutual consent of all parties involved.",
            ),
        ),
        (
            "8",
            "Insulators at grounded-pin crossings?",
            "No",
            "At crossing pole 3337, which has grounded construction while the rest of the line is ungrounded, the "
            "conductors are on suspension insulators protected by arcing shields at the attachments; inspector requires "
            "insulators rated 25 percent above the line insulators.",
            (
                "REPEALABLE",
                "GO-95-Sections-X-XI",
                "104",
                "Rule 104: as an alternative to the 25 percent higher rating, conductors on suspension insulators may be "
                "protected by arcing shields.",
            ),
        ),
        (
            "9",
            "Communication wires crossing supply lines?",
            "No",
            "Paired-wire communication drop crossing over the 120/240 V secondary at pole 3325 has no supporting messenger; "
            "inspector cites Rule 103.4.",
            (
                "REPEALABLE",
                "GO-95-Sections-X-XI",
                "103.4",
                "Rule 103.4 exempts crossings over circuits of less than 750 V; the secondary is 120/240 V.",
            ),
        ),
        (
            "10",
            "Guy shims on soft-wood poles?",
            "No",
            "Guy of 6,000 lb ultimate strength wrapped around cedar pole 3339 has no guy shims.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "The library's Rule 56.5 covers guy thimbles only; no rule in the library requires guy shims.",
            ),
        ),
        ("11", "Old material removed from site?", "Yes", "Site clean.", None),
        ("12", "Pole tags installed?", "N/A", "Tags by pole owner.", None),
    ],
)


def audit_a4(path):
    a = A4
    m = a["metadata"]
    pdf = Doc(
        "Bayline Electrical Contractors - Contractor Quality Control - Line Crossings",
        "Form QC-LC-02 (Rev 3)   Retain with job package",
    )
    pdf.add_page()
    pdf.line_text("CONTRACTOR QUALITY CONTROL", 12.5, "B", h=7)
    pdf.line_text("QC CHECKLIST - LINE CROSSINGS AND POLE HARDWARE", 11, "B")
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
            ("Inspection Date:", "10/09/2025"),
            ("Score:", m["score"]),
        ],
        size=9,
    )
    pdf.para(
        "(If an item is not in compliance, mark 'No' and describe the condition found in Comments.)", size=8.5
    )
    pdf.grid(
        ["No.", "Inspection item", "Yes / No / N/A", "Comments"],
        [r[:4] for r in a["rows"]],
        (10, 48, 22, 100),
        size=8.5,
    )
    n = sum(1 for r in a["rows"] if r[2] == "No")
    pdf.line_text(f"Total Number of Non-Conforming Items: {n}", 10, "B")
    pdf.ln(3)
    pdf.para(f"QC Inspector: {m['auditor']}    Date: 10/09/2025    General Foreman: {m['foreman']}", size=9)
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/GO-95-Rules-56-58.pdf",
        "GO-95-Rules-56-58",
        "General Order 95, Section V: Rules 56.5, 56.8 (Table 13), 57.2, 57.7, 57.8, 58.3-A (excerpt)",
        spec_rules_56_58,
    ),
    (
        "specs/GO-95-Section-VI.pdf",
        "GO-95-Section-VI",
        "General Order 95, Section VI: Rules 61.3, 61.7, 65 (original), 66.4, with 22.1-C and 51.7 reprinted (excerpt)",
        spec_section_vi,
    ),
    (
        "specs/GO-95-Sections-X-XI.pdf",
        "GO-95-Sections-X-XI",
        "General Order 95, Sections X and XI: Rules 100, 101.1, 101.2, 103.1-A, 103.4, 104, 110, 111.1, 113.3, 113.4 "
        "(excerpt)",
        spec_sections_x_xi,
    ),
]
AUDITS = [(A1, audit_a1), (A2, audit_a2), (A3, audit_a3), (A4, audit_a4)]


def labelled(a):
    if "rows" in a and a is A1:
        return [(r[2], r[5]) for r in a["rows"] if r[5]]
    if "rows" in a:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    return a["items"]


def expected():
    out = {
        "name": "realtext-go3",
        "organization": "California overhead transmission and distribution construction (fictional audits)",
        "note": (
            "Blind corpus written from CPUC General Order 95 rule pages (Sections V, VI, X and XI) read through the "
            "search tool's stored ia.cpuc.ca.gov pages; wording condensed (see README). Labels by hand from the "
            "clause text, without reading the product code. 'why' is ignored by score.py. audit_date values are "
            "ISO; G3-1 and G3-4 print MM/DD/YYYY, G3-2 'Month D, YYYY', G3-3 ISO."
        ),
        "specs": [dict(file=f, document=d, title=t, revision="Library 1") for f, d, t, _ in SPECS],
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
    for f, _, _, fn in SPECS:
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
        for f, doc, _, _ in SPECS:
            txt = "".join(p.extract_text() for p in pypdf.PdfReader(os.path.join(d1, f)).pages)
            if f"Document: {doc}" not in txt:
                print("no document id in", f)
                ok = False
        exp = expected()
        n = {"VALID": 0, "REPEALABLE": 0, "NEEDS_REVIEW": 0}
        for a in exp["audits"]:
            txt = _norm("".join(p.extract_text() for p in pypdf.PdfReader(os.path.join(d1, a["file"])).pages))
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
