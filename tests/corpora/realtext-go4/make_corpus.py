#!/usr/bin/env python3
"""Build the realtext-go4 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Overhead miscellaneous equipment and underground cable rules: a library restating parts of CPUC General
Order 95 (Rules 12.2, 39 with Table 2-A, 52.5, 54.4-H2, 58.1, 58.2, 58.3-B, 58.5 and 84.6, read from the
stored ia.cpuc.ca.gov pages) and of the California High-Voltage Electrical Safety Orders (Title 8 CCR
sections 2816, 2823, 2830 and 2943, read from the stored dir.ca.gov pages), plus four fictional QA audits
in four layouts (pole-by-pole log, narrative letter, pass/fail checklist, INFRACTION blocks).

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>",
that Table 2-A repeats its header row on a second page, that the PM and notification numbers and every
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
        self.set_creator("realtext-go4 make_corpus.py")
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
GO95 = "GO 95"
T8 = "Title 8 HVESO"
T2A_HEAD = "Nature of clearance / type of sign"


def spec_go95(path):
    doc = GO95
    pdf = Doc(
        "General Order No. 95 - Rules for Overhead Electric Line Construction - Document GO 95",
        "GO 95   Library excerpt 1   Condensed; the Order as published by the Commission governs",
    )
    title_block(
        pdf,
        [
            ("Public Utilities Commission of the State of California", 10),
            ("General Order No. 95", 14),
            ("Rules for Overhead Electric Line Construction", 11),
        ],
        [
            "Adopted 1941 and revised by the Commission's decisions and resolutions; rule notes below give the "
            "revision shown on the page read. Rules 52.5 and 58.1 to 58.5 are printed in the numbering and "
            "wording of the Order's earlier text as read (the miscellaneous-equipment rules were later "
            "renumbered).",
        ],
        doc,
        "Library excerpt 1 (rule text as revised through Decision 16-01-046, January 28, 2016, where shown)",
        "As noted under each rule",
        "Rules 12.2, 39 with Table 2-A, 52.5, 54.4-H2, 58.1, 58.2, 58.3-B, 58.5 and 84.6 (A to D)",
    )

    pdf.band("Section I - General Provisions")
    pdf.heading("12.2", "Maintenance of Lines")
    pdf.para(
        "Lines and their parts are to be kept in a condition that gives safety factors at least those of Rule "
        "44.3. Lines built or rebuilt on or after the effective date of the Order are to be kept in conformity "
        "with the Order."
    )
    pdf.para(
        "Restoring a clearance that was first established before the effective date of the Order, where the "
        "original clearance has been reduced by added sag or other causes, is not reconstruction: the restored "
        "clearance need only conform to the rules in effect when the original clearance was established. A "
        "clearance changed for any other purpose is reconstruction, and the changed clearance shall comply with "
        "the rules of this Order that apply to reconstruction."
    )
    note(pdf, "[Rule 44.3 is not reproduced in this excerpt.]")

    pdf.band("Section III - Requirements for All Lines")
    pdf.heading("39", "Minimum Clearances of Wires from Signs")
    pdf.para(
        "The clearance between any overhead line conductor and any sign, whether the sign is mounted on a "
        "building, on an isolated structure or otherwise, shall not be less than the value in Table 2-A, taken "
        "at 60 degrees F and no wind."
    )
    pdf.para(
        "Temperature and loading (Rule 43) shall in no case reduce a Table 2-A clearance by more than 10%. "
        "Clearances of more than 5 inches are measured from conductor centerlines; lesser clearances from the "
        "conductor surfaces."
    )

    pdf.heading("52.5", "Metal Arms [earlier text of the Order]")
    pdf.para(
        "Metal crossarms on wood poles shall not carry conductors of 750 - 7,500 volts together with conductors "
        "of more than 7,500 volts."
    )
    sub(
        pdf,
        "A. Supporting conductors of 0 - 7,500 volts: metal crossarms on wood poles carrying such conductors "
        "shall not be permanently grounded. Immediately before each period of work at the location they shall "
        "be proven by test to be not energized, and during all work on de-energized conductors at that location "
        "they shall be temporarily and securely grounded and connected to the de-energized conductors involved.",
    )
    sub(
        pdf,
        "B. Supporting only conductors of more than 7,500 volts: metal crossarms on wood poles carrying "
        "conductors of more than one circuit above 7,500 volts shall be effectively grounded. In lieu of this, "
        "at the location of work on other de-energized conductors, such crossarms may instead be connected to "
        "the de-energized conductors and securely grounded for the period of the work.",
    )

    pdf.band("Section V - Detailed Construction Requirements for Supply Lines (Class H, L and T Circuits)")
    pdf.heading("54.4-H2", "Attached Conductors")
    pdf.para(
        "Unprotected conductors of not more than 22,500 volts may be supported by attachment to buildings, "
        "bridges and other structures. For such conductors of 0 - 750 volts the clearances of Table 1, Case 7, "
        "Columns B, C and D apply. For such conductors of 750 - 22,500 volts the minimum horizontal clearance "
        "is 8 feet."
    )
    pdf.para(
        "Instead of meeting these clearances as unprotected conductors, supply conductors may be run on the "
        "surface of buildings, bridges and other structures in grounded metal conduit or another grounded "
        "sheath or shield that is suitably protected from mechanical injury."
    )
    note(pdf, "Note: Revised August 9, 1966 by Decision No. 71094 (21,000 volts changed to 22,500 volts).")

    pdf.heading("58.1", "Traffic Signals [earlier text of the Order]")
    pdf.para("Traffic signals supported on overhead suspensions are treated as follows:")
    sub(
        pdf,
        "A. Messenger and span wire clearances: the suspension messenger or span wire of every traffic signal "
        "shall have the clearances prescribed for span wires in Table 1, Column A and Table 2, Column A.",
    )
    sub(
        pdf,
        "B. Lead wires: lead wires of 0 - 750 volts to traffic signals supported on messengers may have less "
        "than the clearance above ground of Table 1, Column D, Cases 2 and 3, provided they are kept at the "
        "clearance above ground that Table 1, Column A, Cases 2 and 3 gives for the messenger supporting them.",
    )
    note(
        pdf,
        "[Table 1 is not reproduced. The values this rule modifies and substitutes, as printed in the copy "
        "read: Case 2 (railroads operated by overhead trolleys) Column A 26 ft, Column D 27 ft; Case 3 "
        "(thoroughfares in urban districts and crossings in rural districts) Column A 18 ft, Column D 20 ft.]",
    )
    sub(
        pdf,
        "C. Clearances above thoroughfares: traffic signals supported by span wires and supplied from circuits "
        "of 0 - 750 volts shall be at least 14 feet vertically above the thoroughfare over which they hang, "
        "except that over a thoroughfare used by the following conveyances the signal shall have at least the "
        "clearance listed:",
    )
    pdf.grid(
        ["Conveyance using the thoroughfare", "Minimum clearance of signal above thoroughfare"],
        [
            [
                "Street railways and coach lines operated by overhead trolley",
                "Height of trolley conductor plus 1 foot (a)",
            ],
            ["Railroads which transport freight cars", "25 feet (b)"],
            ["Double deck motor coaches", "18 feet"],
        ],
        (95, 85),
        size=8.5,
    )
    sub(
        pdf,
        "(a) May be reduced to 14 feet if the signal is more than 8 1/2 feet from the nearest trolley contact "
        "conductor and is kept at least 1 foot radially from trolley span wires.",
    )
    sub(
        pdf,
        "(b) May be reduced to 14 feet if the signal is more than 8 1/2 feet from the center line of the track.",
    )
    note(
        pdf,
        "[The provisions of 58.1 for signals supplied directly from circuits above 750 volts are not reproduced.]",
    )

    pdf.heading("58.2", "Street Lighting Equipment [earlier text of the Order]")
    sub(
        pdf,
        "A. Circuit voltage: a constant-current series lighting circuit supplied from a transformer or device "
        "with an open-circuit output voltage above 750 volts is classed as a circuit of more than 750 volts. "
        "This does not apply where the transformer or device has a normal full-load output of 750 volts or "
        "less and is fitted with effective protective devices that prevent the open-circuit voltage from "
        "persisting on the circuit. A series circuit meeting the 0 - 750 volt specifications may be treated as "
        "a circuit of more than 750 volts, provided it is so treated consistently throughout.",
    )
    sub(
        pdf,
        "B. Clearances. (1) Above ground: no part of street lighting equipment shall be less than 20 feet above "
        "a thoroughfare, except that lamps on brackets or fixtures extending not more than 48 inches from the "
        "face of the pole or from the street side of the curb may be at 15 feet, provided the voltage does not "
        "exceed 750 volts.",
    )
    sub(
        pdf,
        "(2) Above railways and trolley lines: street lighting equipment less than 8 1/2 feet horizontally from "
        "the center line of tracks of railroads not operated by overhead trolley shall be at least 25 feet above "
        "the tracks. Equipment less than 8 1/2 feet horizontally from the track center line or from the nearest "
        "trolley contact conductor shall be at least 4 feet above the level of the contact conductor and at "
        "least 23 or 26 feet above the running surface, according to the location of the contact conductors "
        "(Rule 74.4-B1). [The rest of B(2), for equipment 8 1/2 feet or more from the tracks, was not read.]",
    )

    pdf.heading("58.3-B", "Case and Lead Wire Clearances (Transformers) [earlier text of the Order]")
    pdf.para(
        "(1) Above ground. (a) Lead and bus wires: the Table 1 clearances above ground apply to unprotected lead "
        "and bus wires of transformer installations, modified as follows:"
    )
    sub(
        pdf,
        "- Where Table 1, Column E, Cases 3 and 4 give 25 feet, unprotected lead and bus wires may be lower but "
        "not less than 22 1/2 feet; where Rule 54.4-A2b permits a clearance of 18 feet above ground, such lead "
        "and bus wires shall be at least 18 feet.",
    )
    sub(
        pdf,
        "- Where Table 1, Column F, Cases 3 and 4 give 30 feet, unprotected lead and bus wires may be lower but "
        "not less than 27 feet.",
    )
    sub(
        pdf,
        "- On structures of two or more poles, unprotected lead and bus wires may be below the 22 1/2 feet or "
        "27 feet above, or below the 25 feet of Table 1, Column F, Case 5, but not less than 20 feet above "
        "ground, provided they are guarded by transformer platform flooring extending at least 1 foot "
        "horizontally outside the vertical planes of all lead and bus wires on the structure.",
    )
    sub(
        pdf,
        "(b) Cases: transformer cases supported on poles or structures shall be at least 17 feet above the "
        "ground. [The copy read continues with an exception for areas not in any way accessible to vehicles, "
        "but its wording is incomplete ('... the clearance of cases above ground shall be effectively "
        "grounded'); the reduced clearance and its condition could not be read.]",
    )
    pdf.para(
        "(2) From buildings: transformers on poles shall be placed so that their normally unenergized parts "
        "clear building surfaces by at least 3 feet horizontally or by at least 8 feet vertically. [The "
        "clearances of unprotected lead and bus wires from buildings, which follow, were not read; 58.3-B(3) "
        "is not reproduced.]"
    )
    note(
        pdf,
        "[Text as printed as the original version in the Commission's change page for Decision No. 72984. "
        "Rule 54.4-A2b and Table 1 are not reproduced; the Table 1 values named in this rule are the ones it "
        "modifies.]",
    )

    pdf.heading("58.5", "Line Switches and Disconnects [earlier text of the Order]")
    sub(
        pdf,
        "A. Clearance between energized parts: unenclosed switches on poles or pole structures shall have at "
        "least the Table 2, Case 15 clearance between the center lines of the separate phase units, and at least "
        "the Table 2, Case 17 clearance between exposed parts energized from different phases or polarities of "
        "the same circuit. [Table 2 is not reproduced.]",
    )
    sub(
        pdf,
        "B. Clearance between unenergized parts and unprotected conductors: metal switch cases, and normally "
        "unenergized metal parts in contact with them, shall clear all unprotected conductors except their own "
        "connecting leads by the distances Rule 58.3-B3 gives for unenergized metal parts of transformers. "
        "[58.3-B3 is not reproduced.]",
    )
    sub(
        pdf,
        "C. Lead wires: lead wires shall be suitably insulated from metal or wood cases of cutouts and switches "
        "where they enter them. All unprotected lead wires, including miscellaneous wiring, shall clear braces, "
        "bolts and other line hardware by at least 1 1/2 inches [the copy read prints '1 inches'; the library takes the fraction as lost in transcription]. Where necessary at the points of entrance to "
        "cutouts and switches, lead wires of 0 - 5,000 volts may be closer than 3 inches to the surface of the "
        "crossarm (Table 1, Case 9, Columns C, D and E) but not closer than 1 inch.",
    )
    sub(
        pdf,
        "D. Climbing and working space: switches and cutouts shall be placed so that, open or closed, they are "
        "at least 15 or 18 inches from the center line of the pole as Table 1, Case 8 requires, and no part of "
        "the equipment shall be in the climbing space. [The rest of D was not read; Table 1, Case 8 is not "
        "reproduced.]",
    )

    pdf.band("Section VIII - Detailed Construction Requirements for Communication Lines (Class C Circuits)")
    pdf.heading("84.6", "Vertical and Lateral Conductors")
    sub(
        pdf,
        "A. Open wire: open wire conductors running from one level to another on a pole or structure shall not "
        "pass within the climbing space (Rule 84.7) and shall not pass between conductors of any other circuit, "
        "except between pole-pin conductor positions.",
    )
    sub(
        pdf,
        "B. Ground wires: ground wires, other than lightning protection wires not attached to equipment and "
        "ground wires on grounded structures, shall be covered by metal pipe, by a suitable covering of wood or "
        "metal, or by plastic conduit material (Rule 22.8-A) for a distance above ground enough to protect them "
        "from mechanical injury, and in no case less than 7 feet. The covering may be omitted where the ground "
        "wire in this 7 foot section has a mechanical strength at least equal to that of No. 6 AWG "
        "medium-hard-drawn copper. Portions of ground wires on the surface of wood poles within 6 feet vertically "
        "of unprotected supply conductors on the same pole shall have a suitable protective covering (Rule 22.8).",
    )
    sub(
        pdf,
        "C. Lateral conductors: lateral runs of suitably insulated communication conductors on poles that "
        "support supply conductors may cross the pole, or run laterally from it, closer than the 15 inches from "
        "center line of Table 1, Case 8, provided the portions of such runs that are less than 15 inches from "
        "the pole center line and less than 6 feet below the level of unprotected supply conductors are "
        "supported by and underneath the bottom surface of a crossarm or guard arm, or on the side of such arm "
        "at least 2 inches [remainder of C not read].",
    )
    sub(
        pdf,
        "D. Vertical runs: vertical runs of communication wires or cables on the surface of wood poles or "
        "structures shall have a suitable protective covering (Rule 22.2) where they are within 3 feet above or "
        "6 feet below unprotected supply conductors on the same pole or structure. Such runs on the surface of a "
        "wood pole shall also be covered where within a 6 foot radius of any other pole supporting supply "
        "conductors, except the portions more than 3 feet above or 6 feet below the level of those unprotected "
        "supply conductors. Cable and drop wire runs to or from terminal boxes are exempt from covering where "
        "guard arms are installed above messengers or longitudinal cables that are less than 6 feet but not less "
        "than 4 feet below unprotected supply conductors of 0 - 750 volts, or where cables are supported on "
        "crossarms at least 15 inches from the pole center line: in those cases a metal-sheathed cable run on "
        "the surface of the pole below the guard arm and in the same quadrant as the longitudinal cable, or below "
        "and on the same side of the pole as a crossarm supporting a longitudinal cable, need not be covered.",
    )
    note(
        pdf,
        "Notes: 84.6-B revised May 1, 1961 (Resolution E-1088), February 13, 1980 (Resolution E-1863) and "
        "January 19, 1994 (Resolution SU-25). 84.6-D as printed as the original version in the change page for "
        "Decision 07-02-030; its provisions for bridled runs are not reproduced.",
    )

    # Table 2-A starts low on the page so that it crosses the page break
    pdf.heading(
        "Table 2-A", "Minimum Clearances of Wires from Signs Mounted on Buildings and Isolated Structures (a)"
    )
    pdf.para(
        "Letter references denote modifications of the minimum clearances, given in the notes that follow the "
        "table. Column letters A to E and case numbers 1 to 6 are the library's labels for the columns and rows "
        "as printed.",
        size=9,
    )
    if pdf.get_y() < pdf.h - pdf.b_margin - 60:
        pdf.set_y(pdf.h - pdf.b_margin - 60)
    pdf.grid(
        [
            "Case",
            T2A_HEAD,
            "A: Span wires (other than trolley span wires), overhead guys and messengers, communication cables and communication service drops",
            "B: Communication open wire conductors; supply cables treated as in Rule 57.8 and supply service drops 0 - 750 V",
            "C: Supply conductors and supply cables of 0 - 750 V and trolley span wires",
            "D: Supply conductors and supply cables, 750 - 300,000 V (b)",
            "E: Supply conductors and supply cables, 300 - 550 kV",
        ],
        [
            [
                "1",
                "Vertical clearance above all signs upon which men can walk",
                "8 feet",
                "8 feet",
                "8 feet",
                "12 feet",
                "20 feet (g)",
            ],
            [
                "2",
                "Vertical clearance above all signs upon which men cannot walk",
                "2 feet",
                "2 feet",
                "3 feet",
                "8 feet",
                "20 feet (g)",
            ],
            [
                "3",
                "Vertical clearance under signs which are illuminated",
                "2 feet (c)",
                "2 feet (e)",
                "3 feet",
                "Prohibited (f)",
                "-",
            ],
            [
                "4",
                "Vertical clearance under signs which are non-illuminated",
                "6 inches (d)",
                "1 foot",
                "3 feet",
                "Prohibited (f)",
                "-",
            ],
            [
                "5",
                "Horizontal clearance from signs which are illuminated",
                "3 feet (c)",
                "3 feet (e)",
                "3 feet",
                "6 feet",
                "15 feet (h)",
            ],
            [
                "6",
                "Horizontal clearance from signs which are non-illuminated",
                "6 inches (d)",
                "1 foot",
                "3 feet",
                "6 feet",
                "15 feet (h)",
            ],
        ],
        (11, 37, 30, 30, 24, 24, 24),
        size=7.8,
        line_height=3.9,
    )
    pdf.para("References to rules modifying minimum clearances in Table 2-A:", size=9, style="B", gap=0.6)
    sub(
        pdf,
        "(a) These clearances do not apply to service drop conductors attached to a sign for the purpose of serving that sign.",
    )
    sub(
        pdf,
        "(b) Nothing here authorizes noncompliance with the standards of the California Division of Industrial "
        "Safety on preventing accidents due to proximity of high-voltage lines.",
    )
    sub(pdf, "(c) May be reduced to 6 inches provided the illuminated sign is grounded.")
    note(
        pdf,
        "[Notes (d) to (h) were not legible in the copy read and are not reproduced. A go-back whose clearance "
        "turns on note (d), (e), (f), (g) or (h) cannot be decided from this library. Dash: no value printed.]",
    )
    pdf.output(path)


def spec_t8(path):
    doc = T8
    pdf = Doc(
        "California Code of Regulations, Title 8, Subchapter 5 - Electrical Safety Orders, Group 2 - Document Title 8 HVESO",
        "Title 8 HVESO   Library excerpt 2   Condensed; the official California Code of Regulations governs",
    )
    title_block(
        pdf,
        [
            ("California Code of Regulations - Title 8, Industrial Relations", 10),
            ("Subchapter 5. Electrical Safety Orders - Group 2. High-Voltage Electrical Safety Orders", 12),
            ("Article 18. Conductors; Article 19. Outdoor Wiring; Article 36. Work Procedures", 11),
        ],
        [
            "Section numbers as in the Code (for example Section 2830(c)); bracketed references at the end of a "
            "subsection give the Title 24, Part 3 source printed with it.",
        ],
        doc,
        "Library excerpt 2 (sections as posted by the Department of Industrial Relations)",
        "As registered for each section",
        "Sections 2816, 2823, 2830 (a) to (f) and 2943 (a) and (b)(1) to (b)(4)",
    )

    pdf.band("Article 18. Conductors")
    pdf.heading("2816", "Insulation")
    sub(
        pdf,
        "(a) Conductors shall be insulated except where these orders specifically permit uninsulated conductors, "
        "and shall have a voltage rating of not less than the operating voltage of the circuit.",
    )
    sub(
        pdf,
        "(b) Conductor insulation shall be of a type approved for the voltage, operating temperature and location "
        "of use. (1) Wet locations: conductors in wet locations above or below ground shall be moisture-resistant "
        "or of a type approved for wet conditions. (2) Corrosive conditions: conductors exposed to oils, greases, "
        "vapors, gases, fumes, liquids or other substances harmful to the conductor or insulation shall be of a "
        "type approved for that use.",
    )
    sub(
        pdf,
        "(c) Distinguishable: insulated conductors shall be distinguishable, by color or other suitable means, as "
        "grounded, ungrounded or equipment grounding conductors.",
    )

    pdf.band("Article 19. Outdoor Wiring")
    pdf.heading("2823", "General")
    sub(
        pdf,
        "(a) Scope: this article applies to electrical equipment or exposed wiring run between buildings or "
        "structures; service entrance equipment and wiring follow Article 4, and equipment in flammable "
        "atmospheres Article 34. Section V of General Order No. 95 (1981 edition) is incorporated by reference "
        "and shall be complied with in all features of line construction used in outside wiring, and Section III "
        "of General Order No. 128 (1974 edition) likewise in all features of underground construction, in each "
        "case except as modified by this article. (Title 24, Part 3, Section 3-710-81.)",
    )
    sub(
        pdf,
        "(b) Wiring methods: exposed outside wiring may be (1) multiple conductor cable suitable for the purpose, "
        "or (2) bare, covered or insulated conductors on insulating supports, suitably protected by isolation, "
        "screening or guarding. (c) Overhead conductors shall conform to Article 18.",
    )
    note(
        pdf,
        "[General Order No. 128 is not reproduced in this library. Where Section 2830 sets a value for underground "
        "cables, it is the article's modification of the incorporated General Order.]",
    )

    pdf.heading("2830", "Insulated Conductors")
    sub(
        pdf,
        "(a) General: insulated cables shall be of a type suitable for the voltage and service conditions. Every "
        "cable installed underground shall have a grounded metallic sheath, a shield, or a bare concentric "
        "grounded conductor, or shall be run in grounded metallic conduit. (3-710-88(a).)",
    )
    sub(
        pdf,
        "(b) Cable installed in buildings: inside buildings, cables energized above 35,000 volts shall be encased "
        "in at least 3 inches of concrete or equivalent fire-resistant material.",
    )
    sub(
        pdf,
        "(c) Direct buried cables: cables buried directly, or in flexible nonmetallic enclosures, shall be at a "
        "depth of at least 36 inches. A lesser depth is permitted where the cable is armored with at least No. 12 "
        "BWG steel wire closely wound, or with two layers of steel tape each at least 0.020 inch thick, or where "
        "a layer of concrete at least 3 inches thick protects the cable from above.",
    )
    sub(
        pdf,
        "EXCEPTION: Depths less than those listed are permitted where cables rise for terminations and splices "
        "or where access is otherwise required. (3-710-88(c).)",
    )
    sub(
        pdf,
        "(d) Identification: cables shall be labeled at all circuit terminals, sectionalizing points, vaults, "
        "rooms and the like. A label shall show at least the phase and circuit designation and the nearest "
        "sectionalizing points. (1) Labels shall be changed at the same time as the circuit is changed.",
    )
    sub(
        pdf,
        "(e) Neutral conductor: the size and insulation of neutral conductors shall be as Section 2818 requires. [Section 2818 is not reproduced.]",
    )
    sub(
        pdf,
        "(f) Shielding: every cable normally operated above 5,000 volts shall have insulation shielding, except "
        "that shielding is not required for series street lighting circuits operating at [value not legible in "
        "the copy read; the limit of this exception is not reproduced].",
    )

    pdf.band("Article 36. Work Procedures and Operating Procedures")
    pdf.heading("2943", "Work on or in Proximity to Underground High-Voltage Cables, Conductors or Equipment")
    sub(
        pdf,
        "(a) Application: all work on or near underground high-voltage cables, conductors or equipment, and the "
        "operations needed to raise or lower them to or from such underground locations.",
    )
    sub(
        pdf,
        "(b) Manholes, vaults or similar structures. (1) The employer shall determine whether entry falls under "
        "Section 2943.1 (enclosed spaces) or the permit-required confined space orders, and comply with them. "
        "(2) Employees shall use a ladder or other climbing device to enter and leave a manhole or subsurface "
        "vault more than 4 feet (1.22 meters) deep, and shall not climb in or out by stepping on cables or "
        "hangers. (3) Whenever the cover of a manhole, vault or similar structure is off: (A) an employee shall "
        "be stationed at the surface as long as workers are inside, and (B) warning devices shall be placed to "
        "warn vehicle or pedestrian traffic and left until the cover is back. (4) Attendants: while work is done "
        "in a manhole or vault containing energized electric equipment, an employee with first-aid training shall "
        "be available on the surface in the immediate vicinity [remainder of (b)(4) and the following "
        "subsections not read].",
    )
    note(
        pdf,
        "[Not reproduced: Sections 2943.1 and 2944 onward, Article 4 service requirements, the construction "
        "safety orders on excavations, and any requirement on trench backfill, pads or enclosures.]",
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


# ---- A1: pole-by-pole log (transformers, street lights) --------------------------------------------
A1 = dict(
    file="audits/PL-1-pole-by-pole-inspection-log.pdf",
    metadata=dict(
        pm_number="35412907",
        notification_number="121207733",
        location="Fresno Avenue 12 kV / 34.5 kV overhead rebuild, poles P-100 to P-130, Kerman",
        contractor="Sierra Line Constructors, Inc.",
        foreman="Ray Okafor",
        auditor="Linda Choi",
        audit_date="2025-10-14",
        score="78.13% (125/160)",
    ),
    # (pole, facility, condition found, ref, result, label-or-None)
    rows=[
        ("P-100", "Tangent, 12 kV", "Framing, pins and ties as staked.", "", "OK", None),
        (
            "P-101",
            "Transformer bank, 12 kV",
            "Unprotected transformer lead wires 23 ft 2 in above the street; Table 1 Column E requires 25 ft.",
            "GO 95 Table 1",
            "GO-BACK",
            R(
                GO95,
                "58.3-B",
                "58.3-B(1)(a): lead wires may be below the 25 ft of Table 1 Column E, Cases 3-4, down to 22 1/2 ft; 23 ft 2 in complies.",
            ),
        ),
        (
            "P-104",
            "Transformer, 12 kV",
            "Transformer lead wires (12 kV) measured 21 ft 9 in above the road.",
            "58.3-B",
            "GO-BACK",
            V(
                GO95,
                "58.3-B",
                "58.3-B(1)(a): the reduced lead-wire clearance is 22 1/2 ft (18 ft only where 54.4-A2b permits, not claimed); 21 ft 9 in is below it.",
            ),
        ),
        (
            "P-107",
            "Transformer, 34.5 kV",
            "Single-pole 34.5 kV step-down transformer: unprotected leads 28 ft over the county road; "
            "auditor applied the 30 ft Column F value.",
            "GO 95 Table 1, Col. F",
            "GO-BACK",
            R(
                GO95,
                "58.3-B",
                "58.3-B(1)(a): lead wires under Table 1 Column F, Cases 3-4 (30 ft) may be as low as 27 ft; 28 ft complies.",
            ),
        ),
        (
            "P-109",
            "Two-pole platform, 34.5 kV",
            "Two-pole transformer platform: 34.5 kV lead wires 21 ft above ground; platform flooring extends "
            "6 in beyond the outer lead wires.",
            "",
            "GO-BACK",
            V(
                GO95,
                "58.3-B",
                "58.3-B(1)(a): 20 ft is allowed on multi-pole structures only where the flooring extends at least 1 ft outside "
                "all lead wires; 6 in does not, so 27 ft applies and 21 ft is too low.",
            ),
        ),
        (
            "P-110",
            "Two-pole platform, 34.5 kV",
            "Bus wires on the P-110 platform are 20 ft 6 in above grade; flooring extends 14 in outside the "
            "vertical planes of all lead and bus wires; inspector requires 27 ft.",
            "58.3-B",
            "GO-BACK",
            R(
                GO95,
                "58.3-B",
                "58.3-B(1)(a): on a structure of two or more poles, 20 ft suffices where flooring extends at least 1 ft outside "
                "the lead and bus wires; 14 in does and 20 ft 6 in exceeds 20 ft.",
            ),
        ),
        (
            "P-115",
            "Transformer, 12 kV",
            "Transformer case 15 ft 6 in above ground in a fenced pasture corner that vehicles cannot reach.",
            "58.3-B",
            "GO-BACK",
            N(
                "58.3-B(1)(b) has an exception for areas not accessible to vehicles, but the library copy could not "
                "read its reduced clearance or condition; the 15 ft 6 in case cannot be judged."
            ),
        ),
        (
            "P-121",
            "Transformer, 12 kV",
            "Transformer 2 ft horizontally from the garage wall; it sits 9 ft above the garage roof. Relocate "
            "to 3 ft.",
            "GO 95 58.3-B(2)",
            "GO-BACK",
            R(
                GO95,
                "58.3-B",
                "58.3-B(2): 3 ft horizontally OR 8 ft vertically; 9 ft above the roof meets the vertical alternative.",
            ),
        ),
        ("P-122", "Tangent, 12 kV", "Crossarm, insulators and ground as staked.", "", "OK", None),
        (
            "P-124",
            "Street light, 120 V",
            "Street light on a 6 ft mast arm, luminaire 17 ft 6 in above the roadway (120 V).",
            "",
            "GO-BACK",
            V(
                GO95,
                "58.2",
                "58.2-B(1): 20 ft above thoroughfares; the 15 ft reduction is only for brackets extending 48 in or less, and a 6 ft arm extends 72 in.",
            ),
        ),
        (
            "P-125",
            "Street light, 240 V",
            "Luminaire on a 4 ft bracket from the pole face is 15 ft 8 in above the street (240 V); auditor "
            "requires 20 ft per 58.2.",
            "58.2",
            "GO-BACK",
            R(
                GO95,
                "58.2",
                "58.2-B(1): brackets extending not more than 48 in may be at 15 ft where the voltage is 750 V or less; 4 ft = 48 in, 240 V, 15 ft 8 in.",
            ),
        ),
        (
            "P-127",
            "Street light, series",
            "Series street light (6.6 A constant current, regulator open-circuit output 2,400 V, no open-circuit "
            "protective device) on a 3 ft bracket, 16 ft above the street.",
            "",
            "GO-BACK",
            V(
                GO95,
                "58.2",
                "58.2-A classes the circuit above 750 V (open-circuit output 2,400 V, no protective device), so the 15 ft bracket "
                "reduction of B(1) is unavailable and 20 ft applies.",
            ),
        ),
        ("P-130", "Dead-end, 12 kV", "Dead-end and guys as staked.", "", "OK", None),
    ],
)


def audit_a1(path):
    a, m = A1, A1["metadata"]
    pdf = Doc(
        "Valley Electric Cooperative - QA Field Services",
        "Form QA-OH-11 Pole-by-Pole Inspection Log",
        orientation="landscape",
    )
    pdf.add_page()
    pdf.line_text("POLE-BY-POLE INSPECTION LOG - OVERHEAD CONSTRUCTION", 12.5, "B", h=7)
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    lines = [
        f"PM: {m['pm_number']}        Notification: {m['notification_number']}        Date of audit: 10/14/2025",
        f"Location: {m['location']}",
        f"Contractor: {m['contractor']}        Foreman: {m['foreman']}        QA auditor: {m['auditor']}",
        f"Score: {m['score']}",
    ]
    for ln in lines:
        pdf.multi_cell(0, 5, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.para(
        "Result GO-BACK = crew returns and corrects; OK = no finding. Measurements by laser rangefinder at the "
        "time of the audit.",
        size=9,
    )
    pdf.grid(
        ["Pole", "Facility", "Condition found", "Ref.", "Result"],
        [list(r[:5]) for r in a["rows"]],
        (18, 40, 128, 38, 20),
        size=8.5,
    )
    n = sum(1 for r in a["rows"] if r[4] == "GO-BACK")
    pdf.para(f"Total go-backs: {n}.   Auditor: {m['auditor']}   Foreman: {m['foreman']}", size=9)
    pdf.output(path)


# ---- A2: narrative letter (traffic signals, signs, attached conductors, maintenance) ---------------
A2 = dict(
    file="audits/LT-2-qa-letter-signals-and-signs.pdf",
    metadata=dict(
        pm_number="35413318",
        notification_number="121208140",
        location="Main Street signal and sign corridor, 1st Street to 9th Street, Hanford",
        contractor="Central Valley Power Services",
        foreman="Gus Ramirez",
        auditor="Peter Albrecht",
        audit_date="2025-10-21",
        score="84.00% (126/150)",
    ),
    # paragraphs: (lead-in sentence or None, go-back text, label)
    items=[
        (
            "At Oak and 2nd the signal hangs 14 ft 6 in above the street; Oak is the Line 7 double-deck coach route.",
            V(
                GO95,
                "58.1",
                "58.1-C table: over a thoroughfare used by double deck motor coaches the signal needs 18 ft.",
            ),
        ),
        (
            "On Harbor Boulevard the freight spur runs in the street 10 ft from the signal (measured to the track "
            "center line); the signal is 16 ft up and I am asking for 25 ft.",
            R(
                GO95,
                "58.1",
                "58.1-C note (b): 25 ft may be reduced to 14 ft where the signal is more than 8 1/2 ft from the track center line; 10 ft is.",
            ),
        ),
        (
            "On Front Street the signal is 6 ft from the center line of the freight track and 19 ft above the rails.",
            V(
                GO95,
                "58.1",
                "58.1-C: railroads transporting freight cars need 25 ft; note (b) needs more than 8 1/2 ft from the track, 6 ft is not.",
            ),
        ),
        (
            "The 120 V signal lead wires supported on the messenger over Main Street hang at 18 ft 6 in; Table 1 "
            "Column D calls for 20 ft.",
            R(
                GO95,
                "58.1",
                "58.1-B: messenger-supported lead wires of 0 - 750 V may be below Column D if kept at the messenger's Column A clearance (Case 3, 18 ft); 18 ft 6 in is.",
            ),
        ),
        (
            "The 12 kV primary passes 4 ft horizontally from the illuminated pharmacy sign on the building at 410 Main.",
            V(
                GO95,
                "Table 2-A",
                "Table 2-A, horizontal clearance from illuminated signs, Column D (750 - 300,000 V): 6 ft.",
            ),
        ),
        (
            "The 240 V secondary runs 3 ft 2 in horizontally from the lighted bakery sign; I am requiring 6 ft as "
            "for the primary.",
            R(
                GO95,
                "Table 2-A",
                "Table 2-A, horizontal from illuminated signs, Column C (supply 0 - 750 V): 3 ft; 3 ft 2 in complies. 6 ft is Column D.",
            ),
        ),
        (
            "The telephone cable passes 8 in under the illuminated tire-shop sign; the sign frame is bonded to "
            "the building ground.",
            R(
                GO95,
                "Table 2-A",
                "Table 2-A, vertical under illuminated signs, Column A: 2 ft (c); note (c) reduces it to 6 in where the sign is grounded; 8 in complies.",
            ),
        ),
        (
            "The CATV cable is 4 in below the non-illuminated tire-shop sign.",
            N(
                "Table 2-A, Column A, vertical under non-illuminated signs is 6 inches (d); note (d) is not legible in the library copy and may modify the value."
            ),
        ),
        (
            "Span 14-15: the 4 kV conductors were re-sagged back to the 23 ft clearance originally established "
            "when the line was built in 1938 (it had sagged since); today's Table 1 value is required.",
            R(
                GO95,
                "12.2",
                "12.2: restoring a pre-Order clearance lost to sag is not reconstruction; the current Table 1 value does not govern it.",
            ),
        ),
        (
            "Span 16-17: the crew raised the 4 kV conductors to 23 ft 6 in while moving them to a new crossarm "
            "position for the new service; the clearance must meet the current 25 ft of Table 1, Column E.",
            V(
                GO95,
                "12.2",
                "12.2: a clearance changed for any other purpose is reconstruction and must meet today's rules (Column E, Case 3, 25 ft as cited in 58.3-B).",
            ),
        ),
        (
            "At the pump house on 9th Street the 12 kV unprotected conductors are attached to the wall with a "
            "6 ft horizontal clearance.",
            V(
                GO95,
                "54.4-H2",
                "54.4-H2: attached unprotected conductors of 750 - 22,500 V need at least 8 ft horizontal clearance.",
            ),
        ),
        (
            "The guy near the church sign on 3rd Street looks too close to the sign.",
            N(
                "Qualitative; no measurement, sign type or guy position is given, so no clearance can be compared."
            ),
        ),
    ],
)


def audit_a2(path):
    a, m = A2, A2["metadata"]
    pdf = Doc("", "Hanford Municipal Utilities - Quality Assurance")
    pdf.add_page()
    pdf.line_text("HANFORD MUNICIPAL UTILITIES", 13, "B", h=7)
    pdf.line_text("Electric Division - Quality Assurance, 900 E. Lacey Blvd., Hanford, CA", 9)
    pdf.ln(4)
    pdf.para("October 21, 2025", size=10)
    pdf.para(f"{m['contractor']}\nAttn: {m['foreman']}, Foreman", size=10)
    pdf.para(
        f"Re: QA audit, PM {m['pm_number']}, Notification {m['notification_number']} - {m['location']}",
        size=10,
        style="B",
    )
    pdf.para(f"Dear Mr. {m['foreman'].split()[-1]},", size=10)
    pdf.para(
        f"I audited the corridor work with your crew on October 21, 2025. The job scored {m['score']}. Overall "
        "the framing and the new service drops were neat and well tagged. The conditions below are go-backs and "
        "must be corrected before the job is closed.",
        size=10,
        h=5.2,
    )
    for i, (text, _) in enumerate(a["items"], 1):
        pdf.ensure(14)
        pdf.para(f"{i}. {text}", size=10, h=5.2, gap=1.8, indent=4)
    pdf.para(
        "Recommendation (no action required): consider photo-logging the sign clearances at final inspection.",
        size=10,
        h=5.2,
    )
    pdf.para("Please call me with any questions.", size=10)
    pdf.para(f"Sincerely,\n\n{m['auditor']}\nQA Auditor, Hanford Municipal Utilities", size=10)
    pdf.output(path)


# ---- A3: QC checklist with pass/fail columns (switches, metal arms, communication runs) ------------
A3 = dict(
    file="audits/CK-3-qc-checklist-switches-arms-comm.pdf",
    metadata=dict(
        pm_number="35414060",
        notification_number="121208977",
        location="Lemoore 12 kV tie, poles 1 - 20, Avenue 18",
        contractor="Kings River Utility Contractors",
        foreman="Dana Whitfield",
        auditor="Samir Haddad",
        audit_date="2025-10-28",
        score="70.00% (84/120)",
    ),
    # (no., item checked, result PASS/FAIL/N/A, comments, label)
    rows=[
        (
            "2",
            "Cutout leads at entrance vs crossarm",
            "FAIL",
            "Pole 4: 12 kV cutout leads at the point of entrance are 1 1/4 in from the crossarm surface; 3 in required.",
            V(
                GO95,
                "58.5",
                "58.5-C: the reduction below 3 in (to 1 in) is only for lead wires of 0 - 5,000 V; 12 kV leads need 3 in.",
            ),
        ),
        (
            "3",
            "Cutout leads at entrance vs crossarm",
            "FAIL",
            "Pole 5: 2.4 kV cutout leads at the point of entrance 1 1/2 in from the crossarm face; inspector wants 3 in.",
            R(
                GO95,
                "58.5",
                "58.5-C: at points of entrance, 0 - 5,000 V lead wires may be closer than 3 in but not closer than 1 in; 1 1/2 in complies.",
            ),
        ),
        (
            "4",
            "Switch position vs pole center line",
            "FAIL",
            "Pole 6: line switch SW-6 in the open position sits 12 in from the pole center line.",
            V(
                GO95,
                "58.5",
                "58.5-D: switches open or closed at least 15 or 18 in from the pole center line; 12 in is below both.",
            ),
        ),
        (
            "5",
            "Switch position vs pole center line",
            "FAIL",
            "Pole 7: 12 kV fused cutout mounted 16 in from the center line of the pole.",
            N(
                "58.5-D requires 15 or 18 in as Table 1, Case 8 requires; Case 8 is not in the library, so which applies to 12 kV (16 in meets 15, not 18) is open."
            ),
        ),
        (
            "6",
            "Phase spacing of gang switch",
            "FAIL",
            "Pole 8: phase units of the three-phase gang switch are 20 in center to center.",
            N("58.5-A refers to Table 2, Case 15, which is not reproduced in the library."),
        ),
        ("7", "Climbing space", "PASS", "Clear on all poles checked.", None),
        (
            "8",
            "Metal crossarms on wood poles",
            "FAIL",
            "Pole 9: steel crossarm carries both the 4.16 kV circuit and the 12 kV circuit.",
            V(
                GO95,
                "52.5",
                "52.5: metal arms on wood poles shall not carry both 750 - 7,500 V and more-than-7,500 V conductors.",
            ),
        ),
        (
            "9",
            "Metal crossarms on wood poles",
            "FAIL",
            "Pole 10: steel crossarm supporting only 4 kV conductors is not bonded to the pole ground; inspector requires permanent grounding.",
            R(
                GO95,
                "52.5",
                "52.5-A: metal arms carrying 0 - 7,500 V conductors shall NOT be permanently grounded; leaving it unbonded is correct.",
            ),
        ),
        (
            "11",
            "Metal crossarms on wood poles",
            "FAIL",
            "Pole 12: steel crossarm carrying two 21 kV circuits is not grounded; the district's work procedure grounds such arms to the de-energized conductors for every work period.",
            R(
                GO95,
                "52.5",
                "52.5-B: effective grounding, or in lieu connection to the de-energized conductors and grounding during the work; the procedure provides the alternative.",
            ),
        ),
        (
            "12",
            "Comm ground wire covering",
            "FAIL",
            "Pole 14: communication ground wire has no covering for the first 7 ft; the wire is No. 4 AWG medium-hard-drawn copper.",
            R(
                GO95,
                "84.6",
                "84.6-B: the covering may be omitted where the 7 ft section is at least as strong as No. 6 AWG medium-hard-drawn copper; No. 4 is larger.",
            ),
        ),
        (
            "14",
            "Comm vertical runs",
            "FAIL",
            "Pole 16: communication vertical run uncovered 4 ft below the 240 V secondary; no guard arm, no terminal box.",
            V(
                GO95,
                "84.6",
                "84.6-D: vertical runs within 6 ft below unprotected supply conductors on the same pole shall be covered.",
            ),
        ),
        (
            "15",
            "Comm vertical runs",
            "FAIL",
            "Pole 18: communication riser run uncovered from 7 ft below the secondary down; no other pole within 6 ft; inspector requires U-guard.",
            R(
                GO95,
                "84.6",
                "84.6-D: covering is required within 3 ft above or 6 ft below supply conductors (or within 6 ft of another supply pole); 7 ft below is outside.",
            ),
        ),
        (
            "16",
            "Comm lateral runs",
            "FAIL",
            "Pole 19: insulated communication lateral crosses the pole 10 in from center line, 4 ft below the 12 kV, stapled to the pole face.",
            V(
                GO95,
                "84.6",
                "84.6-C: portions less than 15 in from center line and less than 6 ft below supply must be supported under (or on the side of) a crossarm or guard arm.",
            ),
        ),
        ("17", "Pole steps and tags", "N/A", "No steps on this job.", None),
    ],
)


def audit_a3(path):
    a, m = A3, A3["metadata"]
    pdf = Doc("", "KRUC Form QC-14 Overhead Construction Checklist - Rev. 6")
    pdf.add_page()
    pdf.line_text("QC CHECKLIST - OVERHEAD CONSTRUCTION", 13, "B", h=7, align="C")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9)
    w = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    pairs = [
        ("PM Number", m["pm_number"], "Notification No.", m["notification_number"]),
        ("Contractor", m["contractor"], "Crew Foreman", m["foreman"]),
        ("QC Inspector", m["auditor"], "Inspection Date", "10/28/2025"),
    ]
    for k1, v1, k2, v2 in pairs:
        pdf.cell(w, 6, clean(f"{k1}: {v1}"), border=1)
        pdf.cell(w, 6, clean(f"{k2}: {v2}"), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, clean(f"Job Location: {m['location']}"), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, clean(f"Score: {m['score']}"), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para(
        "Mark each item PASS, FAIL or N/A. Every FAIL is a go-back; describe the condition in Comments.",
        size=8.5,
    )
    table_rows = []
    for no, (_, item, res, com, _) in enumerate(a["rows"], 1):
        table_rows.append(
            [
                str(no),
                item,
                "X" if res == "PASS" else "",
                "X" if res == "FAIL" else "",
                "X" if res == "N/A" else "",
                com,
            ]
        )
    pdf.grid(
        ["No.", "Item checked", "PASS", "FAIL", "N/A", "Comments"],
        table_rows,
        (10, 38, 12, 12, 11, 97),
        size=8.2,
    )
    n = sum(1 for r in a["rows"] if r[2] == "FAIL")
    pdf.para(f"Total Number of Non-Conforming Items {n}", size=9, style="B")
    pdf.para(f"Inspector signature: {m['auditor']}        Foreman: {m['foreman']}", size=9)
    pdf.output(path)


# ---- A4: INFRACTION blocks (underground cables, vaults) --------------------------------------------
A4 = dict(
    file="audits/IF-4-underground-infraction-report.pdf",
    metadata=dict(
        pm_number="35415582",
        notification_number="121210064",
        location="Elm Court subdivision URD, lots 1 - 42, Visalia",
        contractor="Tulare Trenching & Electric LLC",
        foreman="Mike Santos",
        auditor="Karen Yoshida",
        audit_date="2025-11-05",
        score="66.67% (80/120)",
    ),
    # (location, issue, required correction, label)
    blocks=[
        (
            "Trench, lots 3 - 6",
            "Direct-buried 12 kV primary cable found at 30 in of cover.",
            "Lower the cable to 36 in.",
            V(
                T8,
                "2830",
                "2830(c): direct-buried cables at least 36 in deep unless armored or under 3 in of concrete; none stated.",
            ),
        ),
        (
            "Trench, lots 7 - 9",
            "Direct-buried 12 kV cable at 24 in; the cable is armored with closely wound No. 12 BWG steel wire. Inspector requires 36 in.",
            "Lower to 36 in.",
            R(
                T8,
                "2830",
                "2830(c): a lesser depth is permitted for cable armored with at least No. 12 BWG steel wire closely wound.",
            ),
        ),
        (
            "Trench, lots 10 - 12",
            "Direct-buried 21 kV cable at 26 in with a 2 in concrete cap poured over it.",
            "Lower to 36 in or increase the cap.",
            V(
                T8,
                "2830",
                "2830(c): the concrete alternative needs a layer at least 3 in thick; 2 in does not qualify, so 36 in applies.",
            ),
        ),
        (
            "Pad-mount T-4",
            "Primary cable comes up to 18 in of cover within 3 ft of the pad-mounted transformer termination; auditor requires 36 in throughout.",
            "Re-bury at 36 in.",
            R(
                T8,
                "2830",
                "2830(c) EXCEPTION: lesser depths are permitted where cables rise for terminations and splices.",
            ),
        ),
        (
            "Street crossing, Elm Ct",
            "12 kV primary in rigid PVC conduit at 30 in of cover; auditor applies the 36 in direct-burial depth.",
            "Lower the conduit.",
            N(
                "2830(c) covers direct-buried cable and flexible nonmetallic enclosures, not rigid conduit; the duct depth rules of GO 128 that would govern are not in the library."
            ),
        ),
        (
            "Switch cabinet SC-2",
            "Cable tags in SC-2 show phase, circuit and nearest sectionalizing points; auditor also wants the cable size on each tag.",
            "Re-tag with size.",
            R(
                T8,
                "2830",
                "2830(d): the minimum label content is phase, circuit designation and nearest sectionalizing points, all present.",
            ),
        ),
        (
            "Lot 22 service",
            "4,160 V cable feeding the lift station has no insulation shielding.",
            "Replace with shielded cable.",
            R(
                T8,
                "2830",
                "2830(f): insulation shielding is required for cables normally operated above 5,000 V; 4,160 V is below.",
            ),
        ),
        (
            "Street light loop",
            "Series street lighting cable on the 6,600 V regulator loop is unshielded.",
            "Replace with shielded cable.",
            N(
                "2830(f) exempts series street lighting circuits operating up to a limit the library copy could not read; 6,600 V may or may not be within it."
            ),
        ),
        (
            "Jumper, cabinet SC-2",
            "Bus jumper in SC-2 is 5 kV-rated cable on the 12 kV circuit.",
            "Replace with 15 kV-rated cable.",
            V(
                T8,
                "2816",
                "2816(a): conductors shall have a voltage rating not less than the operating voltage of the circuit.",
            ),
        ),
        (
            "Manhole MH-2",
            "Splicer entered the 5 ft deep manhole MH-2 by climbing down the cable racks; no ladder set.",
            "Use a ladder.",
            V(
                T8,
                "2943",
                "2943(b)(2): ladder required for manholes more than 4 ft deep; no stepping on cables or hangers.",
            ),
        ),
        (
            "Handhole HH-7",
            "Technician stepped into the 42 in deep handhole HH-7 without a ladder.",
            "Use a ladder for all entries.",
            R(
                T8,
                "2943",
                "2943(b)(2): the ladder rule applies to structures more than 4 ft (48 in) deep; 42 in is not.",
            ),
        ),
        (
            "Pad, transformer T-9",
            "Transformer pad T-9 is 3/4 in out of level across its width.",
            "Re-set the pad.",
            N("No clause in the library governs pad level."),
        ),
        (
            "Trench, lots 30 - 42",
            "Trench backfill not compacted; see GO 128 Rule 17.10.",
            "Re-compact.",
            N("GO 128 Rule 17.10 (backfill) is not in the library."),
        ),
    ],
)


def audit_a4(path):
    a, m = A4, A4["metadata"]
    pdf = Doc("Southern Valley Gas & Electric - Underground QA", "UG QA Infraction Report - form UG-9")
    pdf.add_page()
    pdf.line_text("UNDERGROUND CONSTRUCTION QA - INFRACTION REPORT", 13, "B", h=7)
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    for ln in (
        f"PM #: {m['pm_number']}",
        f"Notification #: {m['notification_number']}",
        f"Job location: {m['location']}",
        f"Contractor: {m['contractor']}",
        f"Foreman: {m['foreman']}",
        f"QA inspector: {m['auditor']}",
        "Audit date: 05-Nov-2025",
        f"Audit score: {m['score']}",
    ):
        pdf.multi_cell(0, 5, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for i, (loc, issue, fix, _) in enumerate(a["blocks"], 1):
        pdf.ensure(30)
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, clean(f"INFRACTION #{i}:"), new_x="LMARGIN", new_y="NEXT")
        pdf.para(f"Location: {loc}", size=9.5, gap=0.4, indent=4)
        pdf.para(f"Issue: {issue}", size=9.5, gap=0.4, indent=4)
        pdf.para(f"Required correction: {fix}", size=9.5, gap=0.4, indent=4)
        pdf.para("Status: Open", size=9.5, gap=2.5, indent=4)
    pdf.ensure(20)
    pdf.line_text("Compliant items (no action)", 10, "B")
    pdf.para(
        "- Warning tape laid 12 in above the cable in all trenches inspected.\n"
        "- Ladder used at MH-1 and MH-3; attendant present.",
        size=9.5,
    )
    pdf.para(f"Inspector: {m['auditor']}", size=9.5)
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/GO95-Rules-12.2-39-52.5-54.4-H2-58-84.6-excerpt.pdf",
        GO95,
        "General Order No. 95 Rules for Overhead Electric Line Construction: Rules 12.2, 39 with Table 2-A, 52.5, "
        "54.4-H2, 58.1, 58.2, 58.3-B, 58.5, 84.6 (excerpt)",
        "Library excerpt 1 (rule text as revised through Decision 16-01-046, January 28, 2016, where shown)",
        spec_go95,
    ),
    (
        "specs/CCR-Title8-HVESO-2816-2823-2830-2943-excerpt.pdf",
        T8,
        "California Code of Regulations Title 8, High-Voltage Electrical Safety Orders: Sections 2816, 2823, 2830, "
        "2943 (excerpt)",
        "Library excerpt 2 (sections as posted by the Department of Industrial Relations)",
        spec_t8,
    ),
]
AUDITS = [(A1, audit_a1), (A2, audit_a2), (A3, audit_a3), (A4, audit_a4)]


def labelled(a):
    if a is A1:
        return [(r[2], r[5]) for r in a["rows"] if r[5]]
    if a is A2:
        return a["items"]
    if a is A3:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    return [(b[1], b[3]) for b in a["blocks"]]


def expected():
    out = {
        "name": "realtext-go4",
        "organization": "Overhead miscellaneous equipment and underground cables, California (fictional audits)",
        "note": (
            "Blind corpus written from CPUC General Order 95 rule pages (ia.cpuc.ca.gov: Rules 12.2, 39 and Table 2-A, "
            "54.4-H2, 84.6 current text; 52.5, 58.1, 58.2, 58.3-B, 58.5 and 84.6-D in the earlier text shown on the "
            "Commission's original-GO and change pages) and Title 8 CCR High-Voltage Electrical Safety Orders "
            "sections 2816, 2823, 2830, 2943 (dir.ca.gov), read through the search tool's stored pages; wording "
            "condensed, unread parts marked in the specs and listed in the README. Labels by hand from the clause "
            "text, without reading the product code. 'why' is ignored by score.py. audit_date values are ISO; PL-1 "
            "prints MM/DD/YYYY, LT-2 'October 21, 2025', CK-3 MM/DD/YYYY, IF-4 '05-Nov-2025'."
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
            if doc == GO95:
                on = [i + 1 for i, p in enumerate(pages) if _norm(T2A_HEAD) in _norm(p)]
                print(f"Table 2-A header {T2A_HEAD!r} on pages {on}")
                if len(on) < 2:
                    print("Table 2-A does not repeat its header on a second page")
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
