#!/usr/bin/env python3
"""Build the realtext-go7 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Maintenance, communication-line clearances and underground grounding: a library restating parts of CPUC
General Order 95 (Rules 12.2, 31.1, 31.2, 31.6, 32.1, 84.4 with a Table 1 extract, 87.4) and CPUC General
Order 128 (Rules 17, 17.3, 17.7, 21.5, 22.1, 30, 31.5, 34.3, 36.4, 36.5, 46.3), plus four fictional QA
audits in four layouts (findings table, Yes/No/N/A checklist, narrative letter, time-stamped field log).

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>"
and its revision, that the GO 128 Rule 36.5-A table repeats its header row on a second page, that the audit
metadata and every labelled infraction text are printed in their audit, and that NEEDS_REVIEW is the only
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
# PDF base (layout helpers follow realtext-osha/make_corpus.py)
# --------------------------------------------------------------------------------------------------
class Doc(FPDF):
    def __init__(self, head, foot, orientation="portrait"):
        super().__init__(orientation=orientation, format="letter", unit="mm")
        self.head, self.foot = clean(head), clean(foot)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(FIXED_DATE)
        self.set_creator("realtext-go7 make_corpus.py")
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
GO128 = "GO-128"
GO95_REV = "Rev. 2025-07"
GO128_REV = "Revision 11"
T365_HEAD = "Point to be effectively grounded"


def spec_go95(path):
    doc = GO95
    pdf = Doc(
        f"CPUC General Order 95 - Rules for Overhead Electric Line Construction - Document {doc}",
        f"{doc}   {GO95_REV} library excerpt   Condensed; the Commission's published text governs",
    )
    title_block(
        pdf,
        [
            ("Public Utilities Commission of the State of California", 10),
            ("General Order No. 95", 14),
            ("Rules for Overhead Electric Line Construction", 11),
        ],
        [
            "Section I General Provisions (Rule 12.2); Section III Requirements for All Lines (Rules 31.1, "
            "31.2, 31.6, 32.1); Section VIII Detailed Construction Requirements for Communication Lines, Class C "
            "circuits (Rules 84.4, 87.4).",
        ],
        doc,
        f"{GO95_REV} (library excerpt of the rules as published on the Commission's rule pages)",
        "2025-07-01 (library copy)",
        "Rules 12.2; 31.1, 31.2, 31.6; 32.1; 84.4, 84.4-A with Table 1 (extract) and Table 84-A; 87.4, "
        "87.4-A, 87.4-B, 87.4-C",
    )

    pdf.band("Section I - General Provisions")
    pdf.heading("12.2", "Maintenance of Lines")
    pdf.para(
        "Every line and portion of a line shall be kept in a condition that provides at least the safety "
        "factors of Rule 44.3 [not reproduced]. Lines built or rebuilt on or after the effective date of this "
        "Order shall be kept in conformity with this Order."
    )
    pdf.para(
        "Where a clearance first established before the effective date of this Order has been reduced by "
        "further sagging or other causes, restoring that original clearance is not reconstruction: the restored "
        "clearance shall meet the rules in force when the original clearance was established. Changing a "
        "clearance for any other purpose is reconstruction, and the changed clearance shall meet the rules of "
        "this Order that apply to reconstruction."
    )

    pdf.band("Section III - Requirements for All Lines")
    pdf.heading("31.1", "Design, Construction and Maintenance")
    pdf.para(
        "Supply and communication systems shall be designed, built and maintained for their intended use, "
        "with regard to the conditions under which they operate, so that safe, proper and adequate service can "
        "be furnished. For particulars these rules do not specify, design, construction and maintenance should "
        "follow accepted good practice for the local conditions known at the time."
    )
    pdf.para(
        "Work on public streets and highways shall interfere as little as possible with the operations of other "
        "utilities and with the convenience of the public, and no condition unusually dangerous to workers, "
        "pedestrians or others shall be created at any time."
    )
    pdf.heading("31.2", "Inspection of Lines")
    pdf.para(
        "Lines shall be inspected frequently and thoroughly so that they are kept in good condition and in "
        "conformity with these rules. Lines temporarily out of service shall be inspected and maintained so "
        "that they do not create a hazard. [This rule sets no fixed interval; inspection intervals for "
        "distribution facilities are set elsewhere and are not reproduced in this excerpt.]"
    )
    pdf.heading("31.6", "Abandoned Lines")
    pdf.para(
        "Lines or portions of lines that are permanently abandoned shall be removed by their owners, so that "
        "they do not become a public nuisance or a hazard to life or property."
    )
    pdf.heading("32.1", "Two or More Systems")
    pdf.para(
        "Where a clearance concerns two or more systems, the owner or operator who builds last in point of time "
        "shall establish the clearance these rules require from the facilities already in place. Each new line "
        "should also be built with a view to the requirements of the older lines in the vicinity when those are "
        "rebuilt to current standards, and later entrants shall respect the provision for future development "
        "that prior entrants have made, as shown by their installed facilities."
    )

    pdf.band("Section VIII - Detailed Construction Requirements for Communication Lines (Class C Circuits)")
    pdf.heading("84.4", "Clearances")
    pdf.para(
        "Allowed variations in clearances due to temperature, loading, dead-ending and the like are those of "
        "Rules 37 and 38 [not reproduced]."
    )
    pdf.heading("84.4-A", "Above Ground", size=9.5)
    sub(
        pdf,
        "The minimum vertical clearances of communication conductors above ground are those of Rule 37, Table 1 "
        "(Column B for communication conductors; extract below), with the following modifications:",
    )
    sub(
        pdf,
        "(1) Across arid or mountainous areas: the 15 ft of Table 1, Case 4, Column B may be reduced to not "
        "less than 13 ft over arid or mountainous areas that are not cultivated and where vehicle travel is "
        "not likely.",
    )
    sub(
        pdf,
        "(2) In rural districts: the clearance of Table 1, Case 4, Column B may be reduced to not less than 13 "
        "ft along thoroughfares in rural districts, provided no part of the line overhangs any ordinarily "
        "traveled part of the thoroughfare and vehicles are unlikely to have to cross under the conductors.",
    )
    sub(
        pdf,
        "(3) Accessible to pedestrians only: communication conductors of not more than 160 volts transmitting "
        "not more than 50 watts, and communication cables with grounded metal sheaths, may be less than the 10 "
        "ft of Table 1, Case 5, Column B above ground accessible to pedestrians only, but not less than 8 ft.",
    )
    sub(
        pdf,
        "(4) Fenced railway rights-of-way: railway signal cables run between line poles and signalling devices "
        "entirely on fenced railway rights-of-way, exposed to vehicles but not crossing thoroughfares, may be "
        "less than the 15 ft of Table 1, Case 4, Column B, but not less than 10 ft. [The remainder of (4), for "
        "such cables in areas accessible to pedestrians only, is not reproduced.]",
    )
    pdf.para(
        "Table 1 (extract) - Basic minimum vertical clearance of wires above railroads, thoroughfares and ground",
        style="B",
        gap=0.8,
    )
    pdf.grid(
        [
            "Case",
            "Nature of clearance",
            "Column A - span wires, overhead guys and messengers",
            "Column B - communication conductors (open wire, cables, service drops)",
        ],
        [
            [
                "1",
                "Crossing above tracks of railroads transporting freight cars, not operated by overhead contact wires",
                "25 ft",
                "25 ft",
            ],
            [
                "2",
                "Crossing or paralleling above tracks of railroads operated by overhead trolleys",
                "26 ft (e)",
                "26 ft (e) (f) (g)",
            ],
            [
                "3",
                "Crossing or along thoroughfares in urban districts, or crossing thoroughfares in rural districts",
                "18 ft (j) (k)",
                "18 ft (j) (l) (m)",
            ],
            [
                "4",
                "Above ground along thoroughfares in rural districts or across other areas capable of being traversed by vehicles or agricultural equipment",
                "15 ft (k)",
                "15 ft (m) (n) (p)",
            ],
            ["5", "Above ground in areas accessible to pedestrians only", "7 ft", "10 ft (m) (q)"],
            [
                "6",
                "Vertical clearance above buildings and bridges on which persons can walk",
                "8 ft (r)",
                "8 ft (r)",
            ],
        ],
        (12, 78, 40, 44),
        size=8.3,
    )
    note(
        pdf,
        "Letters in the cells refer to the notes of Table 1, which modify the minimum clearances "
        "[the notes of Table 1 are not reproduced in this excerpt; Rule 84.4-A items (1) to (4) above are the "
        "modifications that apply to communication conductors]. Columns C to F (trolley, supply conductors) are "
        "not reproduced.",
    )
    pdf.para("Table 84-A - Rule 84.4-A reductions at a glance [library summary]", style="B", gap=0.8)
    pdf.grid(
        ["Item", "Where", "Table 1 value", "Reduced to not less than", "Condition"],
        [
            [
                "(1)",
                "Arid or mountainous areas",
                "15 ft (Case 4, Col. B)",
                "13 ft",
                "not cultivated; vehicle travel not likely",
            ],
            [
                "(2)",
                "Along thoroughfares in rural districts",
                "15 ft (Case 4, Col. B)",
                "13 ft",
                "no overhang of the traveled way; vehicles unlikely to cross under",
            ],
            [
                "(3)",
                "Areas accessible to pedestrians only",
                "10 ft (Case 5, Col. B)",
                "8 ft",
                "conductors <= 160 V and <= 50 W, or cables with grounded metal sheaths",
            ],
            [
                "(4)",
                "Fenced railway rights-of-way",
                "15 ft (Case 4, Col. B)",
                "10 ft",
                "railway signal cables; not crossing thoroughfares",
            ],
        ],
        (12, 42, 34, 28, 58),
        size=8.3,
    )
    note(
        pdf,
        "Note: the summary table does not replace the text of items (1) to (4); where they differ, the text governs.",
    )

    pdf.heading("87.4", "Clearances (Communication Cables and Messengers)")
    pdf.para(
        "The conductor clearances of Rule 84.4 apply to cables and their messengers except as modified below. "
        "Clearances are measured to the nearest surface of the cable and messenger assembly, including cable "
        "rings and messenger supports."
    )
    pdf.heading("87.4-A", "Above Ground", size=9.5)
    sub(pdf, "See Rule 84.4-A.")
    pdf.heading("87.4-B", "Above Railways and Trolley Lines", size=9.5)
    sub(pdf, "(1) Railways transporting freight cars: see Rule 84.4-B1 [not reproduced].")
    sub(
        pdf,
        "(2) Railways operated by overhead trolley: the clearances of Table 1, Case 2, Columns A and B (26 ft) "
        "assume a trolley-pole throw of at most 26 ft. Messengers and cables may have less than 26 ft above the "
        "rails or running surface used by trolley cars or coaches, provided they are at least 4 ft above the "
        "trolley contact conductor and are encased in wood boxing or moulding at least 7/8 inch thick for at "
        "least 2 ft horizontally on each side of the vertical plane of each trolley contact conductor. Where "
        "such railways also carry freight cars, Rule 84.4-B1 applies as well.",
    )
    pdf.heading("87.4-C", "Between Conductors and Cables", size=9.5)
    sub(
        pdf,
        "Minimum horizontal and vertical clearances are those of Rule 38, Table 2 [not reproduced] (see also "
        "Rule 32.2-D), with these modifications:",
    )
    sub(
        pdf,
        "(1) Cable conductors: insulated cables - single conductors, duplex, triplex and paired conductors, "
        "single or grouped, with or without supporting messengers - are treated as single conductors, so no "
        "clearance is required between the individual conductors that make up the cable. [Items (2) onward "
        "are not reproduced.]",
    )
    note(
        pdf,
        "[Not reproduced in this excerpt: Rules 37 and 38 with Table 2, the notes of Table 1, Rules 44, 84.4-B "
        "to 84.4-E, 87.4-D onward, and riser and vertical-run rules. A go-back that depends on one of them is "
        "outside this library.]",
    )
    pdf.output(path)


def spec_go128(path):
    doc = GO128
    pdf = Doc(
        f"CPUC General Order 128 - Construction of Underground Electric Supply and Communication Systems - Document {doc}",
        f"{doc}   {GO128_REV} library excerpt   Condensed; the Commission's published text governs",
    )
    title_block(
        pdf,
        [
            ("Public Utilities Commission of the State of California", 10),
            ("General Order No. 128", 14),
            ("Rules for Construction of Underground Electric Supply and Communication Systems", 11),
        ],
        [
            "Section I General Provisions (Rule 17); Section II Definitions (Rules 21.5, 22.1); Section III "
            "Requirements for Supply Systems (Rules 30, 31.5, 34.3, 36.4, 36.5); Section IV Requirements for "
            "Communication Systems (Rule 46.3).",
        ],
        doc,
        f"{GO128_REV} (library excerpt; Rules 21.5, 22.1 and 46.3 as revised by Resolution SU-40, 1996)",
        "1996-10-09 (Resolution SU-40 revisions)",
        "Rules 17, 17.3, 17.7, 17.7-A; 21.5, 21.5-A; 22.1; 30; 31.5; 34.3-A to 34.3-D; 36.4; 36.5, 36.5-A with "
        "the grounding-point table; 46.3",
    )

    pdf.band("Section I - General Provisions")
    pdf.heading("17", "Requirements for All Supply and Communication Systems")
    pdf.para(
        "The rules of this group apply to all underground supply and communication systems under all "
        "conditions: 17.1 Design, Construction and Maintenance; 17.2 Inspection; 17.3 Location; 17.4 Joint Use "
        "of Excavations and Facilities; 17.5 Two or More Systems; 17.6 Encroachments; 17.7 Location "
        "Information; 17.8 Identification of Manholes, Handholes and Subsurface Equipment Enclosures; 17.9 "
        "Measurements; 17.10 Backfill of Excavations. [Only 17.3 and 17.7 are reproduced below.]"
    )
    pdf.heading("17.3", "Location")
    pdf.para(
        "Facilities shall be located with regard for the safety of property, of the general public and of the "
        "persons who build, operate and maintain them (see Rule 17.1). Meeting these rules does not relieve a "
        "utility of any location requirement of the State, a county or a city for the use of public streets "
        "or highways."
    )
    pdf.heading("17.7", "Location Information")
    pdf.para(
        "Each party owning or operating facilities shall, on request, tell any other party planning "
        "underground construction or work nearby where its underground facilities are. Receiving that "
        "information does not relieve the other party of its duty to locate the facilities accurately and to "
        "take reasonable care while working. If the work damages or interrupts existing facilities, the party "
        "doing it shall report the damage immediately to the owner of the damaged or interrupted facilities."
    )
    pdf.heading("17.7-A", "Records", size=9.5)
    sub(
        pdf,
        "The party owning or operating the facilities is responsible for keeping the records needed to comply "
        "with this rule; they shall be available for inspection at all times by the Commission or its staff.",
    )
    sub(
        pdf,
        "(1) Services: no records are required of supply system services of 0 - 750 volts located outside a "
        "public street or highway right of way, nor of communication system services. [Further items, if any, "
        "are not reproduced.]",
    )

    pdf.band("Section II - Definitions")
    pdf.heading("21.5", "Grounded")
    pdf.para("Grounded means connected to earth by a conductive path.")
    pdf.heading("21.5-A", "Effectively Grounded (Effective Ground)", size=9.5)
    sub(
        pdf,
        "Permanently connected to earth through one or more ground connections of impedance low enough, and "
        "current-carrying capacity high enough, to prevent voltages building up that may be an undue hazard to "
        "persons or to connected equipment.",
    )
    sub(
        pdf,
        "Where an impedance of less than 25 ohms is not obtained, the following is considered an effective "
        "ground for these rules: the equivalent of a ground conductor of not less than #6 AWG copper connected "
        "to two corrosion-resisting rods, each not less than 1/2 inch in diameter and 8 ft long and continuous "
        "throughout, driven to a depth of at least 8 ft in the earth at not less than 6 ft centers.",
    )
    pdf.heading("22.1", "Joint Trench Operation")
    pdf.para(
        "A trench opened and closed as a joint undertaking of two or more parties for joint occupancy; joint "
        "occupancy may exist where only elements of two or more systems are placed (see Appendix B, Figure 6 "
        "[not reproduced])."
    )

    pdf.band("Section III - Requirements for Supply Systems")
    pdf.heading("30", "General")
    pdf.para(
        "These rules cover construction of supply systems and are supplemented in some cases by rules of other "
        "sections. Supply systems include cables, conductors, fused devices, switches, transformers and related "
        "equipment installed underground, on the surface and in buildings, buried or placed in ducts, conduits, "
        "manholes, handholes or a combination of them. Terminating and access points may be above or below "
        "ground and on or in buildings."
    )
    pdf.heading("31.5", "Risers and Other Above-ground Terminations")
    pdf.heading("31.5-A", "Poles", size=9.5)
    sub(
        pdf,
        "Supply risers on poles shall be installed as required by General Order No. 95 [its riser rules are not reproduced].",
    )
    pdf.heading("31.5-B", "Other Above-ground Terminations", size=9.5)
    sub(
        pdf,
        "Supply duct systems, suitably protected, may terminate above ground "
        "or in buildings, in enclosures designed for the purpose, in pad-mounted transformers, in pedestals or "
        "in other suitable terminal facilities (see Appendix C, Fig. 1 [not reproduced]).",
    )
    pdf.heading("31.5-C", "Services", size=9.5)
    sub(pdf, "See Rule 33.5-C [not reproduced].")
    pdf.heading("31.5-D", "Clearances from Railroad Tracks", size=9.5)
    sub(
        pdf,
        "Above-ground terminations and facilities next to railroad tracks "
        "shall meet General Orders No. 26-D and No. 118 [not reproduced].",
    )
    pdf.heading("34.3", "Self-Contained Surface-Mounted Equipment")
    pdf.para(
        "Equipment installed partly or wholly above the ground surface and not enclosed by a vault, room or "
        "fence shall meet the following:"
    )
    pdf.heading("34.3-A", "Strength", size=9.5)
    sub(
        pdf,
        "The case or enclosure shall be secured in place and be strong enough to resist entry or "
        "damage by unauthorized persons.",
    )
    pdf.heading("34.3-B", "Guarding Live Parts", size=9.5)
    sub(
        pdf,
        "Compartments that contain exposed live parts in normal operation shall be "
        "designed and installed so that, when closed, a person cannot pass a wire or other conducting material "
        "into them from outside. This does not aim to prevent normal work such as fishing ducts and pulling "
        "cable.",
    )
    pdf.heading("34.3-C", "Locking", size=9.5)
    sub(
        pdf,
        "Compartments and enclosures shall be secured against entry by unauthorized persons by locks or other suitable means.",
    )
    pdf.heading("34.3-D", "Clearance from Buildings", size=9.5)
    sub(
        pdf,
        "Equipment containing oil shall be located so that its nearest metal parts "
        "clear the surface of buildings by not less than 3 ft; this may be reduced to 2 ft where the building "
        "surface is noncombustible. Equipment not containing oil needs no specific clearance from buildings and "
        "may be built into the building structure.",
    )
    pdf.heading("36.4", "Ground or Earth as a Conductor")
    pdf.para(
        "Grounding the neutral or another conductor of a direct-current, single-phase or polyphase supply "
        "system is permitted for stabilization and protection. The earth shall not be used normally as a return "
        "or circuit conductor, except as part of circuits used for impressed-current cathodic protection."
    )
    pdf.heading("36.5", "Grounding and Bonding of Conductors and Equipment")
    pdf.heading("36.5-A", "General", size=9.5)
    sub(
        pdf,
        "Supply conductors and equipment of the following kinds shall be bonded in manholes and at other places "
        "where they are accessible and close to one another, and shall be grounded as Rule 36.5-C requires "
        "(see also Appendix B, Figure 16 [not reproduced]):",
    )
    sub(
        pdf,
        "(1) Transformer windings: windings of not more than 250 volts shall be effectively grounded at the "
        "points in the table below. Exception: windings used only to energize street lighting circuits, and "
        "windings used only to energize signal and track circuits, are excluded from this item.",
    )
    # start the table low on the page so that it crosses the page break
    if pdf.get_y() < pdf.h - pdf.b_margin - 62:
        pdf.set_y(pdf.h - pdf.b_margin - 62)
    pdf.para("Rule 36.5-A(1) - Grounding points of transformer windings of 250 V or less", style="B", gap=0.8)
    pdf.grid(
        ["Item", "System", "Winding connection", T365_HEAD],
        [
            ["a)", "Single phase", "2-wire 120 volt", "One conductor"],
            [
                "a)",
                "Single phase",
                "2-wire 240 volt",
                "Intermediate point or, if not available, one conductor",
            ],
            ["a)", "Single phase", "3-wire 120/240 volt", "Mid point"],
            ["b)", "Two phase", "3-wire 240 volt", "Point common to both windings"],
            ["b)", "Two phase", "4-wire 120/240 volt", "Mid point on one phase"],
            ["b)", "Two phase", "4-wire 240 volt", "Mid points of both windings"],
            ["b)", "Two phase", "5-wire 120/240 volt", "[Mid points] connected together"],
            [
                "c)",
                "Three phase",
                "3-wire delta 120 or 240 volt",
                "Mid point of one winding, or a point common to two windings",
            ],
            [
                "c)",
                "Three phase",
                "3-wire and 4-wire star 120, 208, 240 or 120/208 volt; 3-wire T or Scott 240 volt",
                "Point common to all windings, or one conductor",
            ],
        ],
        (14, 28, 66, 66),
        size=8.5,
    )
    sub(
        pdf,
        "d) Where the secondary system is grounded at any point, the grounded conductor shall be run to each service.",
    )
    sub(pdf, "(2) Supply circuits 0 - 750 volts: the neutral conductors of 0 - 750 volt supply circuits.")
    sub(
        pdf,
        "(3) Supply circuits of more than 750 volts: the neutral conductors of supply circuits of more than 750 volts.",
    )
    sub(
        pdf,
        "(4) Metal sheaths, shields and pipes: metal sheaths and shields of supply cables, and metal pipes and "
        "conduits enclosing supply cables, except as Rule 36.5-B provides [Rule 36.5-B is not reproduced].",
    )
    sub(
        pdf,
        "(5) Metal cases of supply equipment: metal cases of transformers and similar supply equipment "
        "[the remainder of item (5) and any later items are not reproduced].",
    )
    note(
        pdf,
        "[Rule 36.5-B (exceptions) and Rule 36.5-C (method of grounding, grounding connections) are not reproduced.]",
    )

    pdf.band("Section IV - Requirements for Communication Systems")
    pdf.heading("46.3", "Occupancy with Supply Systems")
    pdf.para(
        "Police, fire alarm and traffic control circuits may occupy underground structures of supply systems "
        "with the permission of the structure owner. Circuits so installed shall not enter underground "
        "structures of public communication systems, except for authorized interconnection of communication "
        "facilities."
    )
    note(
        pdf,
        "[Not reproduced in this excerpt: Rules 17.1, 17.2, 17.4 to 17.6, 17.8 to 17.10, 31.1 to 31.4, 31.6, "
        "32, 33, 34.1, 34.2, 35, 36.1 to 36.3, 36.5-B, 36.5-C, the rest of Section IV and the appendices. A "
        "go-back that depends on one of them is outside this library.]",
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


UTIL = "Redwood Basin Electric Company"

# ---- A1: findings table (communication-line clearances, joint poles) --------------------------------
A1 = dict(
    file="audits/RB-1-communication-clearance-findings.pdf",
    metadata=dict(
        pm_number="41207733",
        notification_number="130418862",
        location="Redwood Basin Electric - Arcata Bottoms joint-pole line, poles 1 - 40, Humboldt County",
        contractor="North Coast Utility Constructors, Inc.",
        foreman="Luis Carrillo",
        auditor="Janet Okonkwo",
        audit_date="2025-08-19",
        score="72.50% (116/160)",
    ),
    # (item, pole, finding, reference, status, label-or-None)
    rows=[
        (
            "1",
            "1 - 3",
            "Communication cable 19 ft 2 in above G Street; cable rings and lashing in good order.",
            "GO 95 84.4",
            "Accepted",
            None,
        ),
        (
            "2",
            "4",
            "Telephone cable crossing Main Street in the urban district measured 16 ft 8 in above the roadway.",
            "GO 95 84.4-A",
            "Go-back",
            V(
                GO95,
                "84.4-A",
                "Table 1 Case 3 Column B: 18 ft over urban thoroughfares; 16 ft 8 in is low and no 84.4-A reduction covers streets.",
            ),
        ),
        (
            "3",
            "9",
            "CATV cable across an uncultivated mountainous slope with no vehicle access measured 13 ft 6 in above "
            "ground; inspector requires 15 ft.",
            "GO 95 84.4-A",
            "Go-back",
            R(
                GO95,
                "84.4-A",
                "84.4-A(1): over uncultivated arid or mountainous areas with no likely vehicle travel, 13 ft is enough.",
            ),
        ),
        (
            "4",
            "12",
            "Alarm service drop of 48 V and 20 W over a pedestrian-only walkway measured 8 ft 6 in above the "
            "walk; inspector requires 10 ft.",
            "GO 95 84.4-A",
            "Go-back",
            R(
                GO95,
                "84.4-A",
                "84.4-A(3): conductors of <= 160 V and <= 50 W may be as low as 8 ft where only pedestrians pass.",
            ),
        ),
        (
            "5",
            "13",
            "Communication cable over the pedestrian-only path behind the school measured 9 ft above grade; the "
            "sheath type and its grounding were not recorded.",
            "GO 95 84.4-A",
            "Go-back",
            N(
                "84.4-A(3) allows 8 ft only for grounded metal-sheath cables or <= 160 V / 50 W conductors; the sheet gives neither fact."
            ),
        ),
        (
            "6",
            "15",
            "Railway signal cable on the fenced railroad right-of-way, exposed to vehicles but not crossing any "
            "thoroughfare, measured 11 ft above ground; inspector requires 15 ft.",
            "GO 95 84.4-A",
            "Go-back",
            R(
                GO95,
                "84.4-A",
                "84.4-A(4): such railway signal cables may be not less than 10 ft; 11 ft meets it.",
            ),
        ),
        (
            "7",
            "16 - 18",
            "Service drops to the shops on 8th Street measured 18 ft 4 in minimum over the alley.",
            "-",
            "Accepted",
            None,
        ),
        (
            "8",
            "19",
            "Messenger and cable over the streetcar line measured 22 ft above the rails and 4 ft 6 in above the "
            "trolley contact wire, with no wood boxing installed.",
            "GO 95 87.4",
            "Go-back",
            V(
                GO95,
                "87.4-B",
                "87.4-B(2): less than 26 ft needs both 4 ft above the contact wire and 7/8 in wood boxing; the boxing is missing.",
            ),
        ),
        (
            "9",
            "20",
            "Cable over the streetcar tracks measured 23 ft above the rails; it is 5 ft above the trolley contact "
            "wire and encased in 1 in wood moulding for 3 ft on each side of the contact wire; inspector requires "
            "26 ft.",
            "GO 95 87.4",
            "Go-back",
            R(
                GO95,
                "87.4-B",
                "87.4-B(2): 4 ft above the contact wire plus >= 7/8 in boxing for >= 2 ft each side permits less than 26 ft.",
            ),
        ),
        (
            "10",
            "23",
            "New CATV cable placed in 2025 sits 6 in below the existing telephone cable; the CATV company states "
            "that the telephone company must raise its cable to make the clearance.",
            "GO 95 32.1",
            "Go-back",
            V(
                GO95,
                "32.1",
                "32.1: the owner who builds last establishes the clearance from facilities already in place.",
            ),
        ),
        (
            "11",
            "26",
            "Triplex telephone drop conductors are twisted together with no clearance between the individual "
            "conductors.",
            "GO 95 87.4-C",
            "Go-back",
            R(
                GO95,
                "87.4-C",
                "87.4-C(1): triplex and other insulated cables are treated as single conductors; no clearance between them.",
            ),
        ),
        (
            "12",
            "31",
            "Communication cable at pole 31 passes 14 in below the 4 kV crossarm conductors.",
            "GO 95 87.4-C",
            "Go-back",
            N("87.4-C takes its values from Rule 38 Table 2, which is not in the library."),
        ),
        (
            "13",
            "35",
            "Cable raised by 2 ft in June to clear a new billboard now measures 17 ft 4 in where it crosses Samoa "
            "Boulevard; "
            "the crew states the old clearance may be kept.",
            "GO 95 12.2",
            "Go-back",
            V(
                GO95,
                "12.2",
                "12.2: changing a clearance for another purpose is reconstruction; current Table 1 Case 3 (18 ft, crossing a thoroughfare) applies.",
            ),
        ),
        (
            "14",
            "36 - 39",
            "Down guys and guy markers on the cable poles in place; no exceptions.",
            "-",
            "Accepted",
            None,
        ),
    ],
)


def audit_a1(path):
    a, m = A1, A1["metadata"]
    pdf = Doc(f"{UTIL} - Quality Assurance", "QA-310 Joint Pole Construction Audit", orientation="landscape")
    pdf.add_page()
    pdf.line_text("JOINT POLE QA AUDIT - FINDINGS", 13, "B", h=7)
    pdf.set_font("Helvetica", "", 9.5)
    for ln in [
        f"PM Number: {m['pm_number']}",
        f"Notification Number: {m['notification_number']}",
        "Audit Date: 08/19/2025",
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
    pdf.para(
        f"Total go-backs: {n}. Accepted items require no action. Clearances measured with a calibrated height stick.",
        size=9,
    )
    pdf.para(f"Auditor signature: {m['auditor']}        Contractor acknowledgement: {m['foreman']}", size=9)
    pdf.output(path)


# ---- A2: Yes / No / N/A checklist (underground grounding and bonding) -----------------------------
A2 = dict(
    file="audits/RB-2-underground-grounding-checklist.pdf",
    metadata=dict(
        pm_number="41213590",
        notification_number="130425117",
        location="Redwood Basin Electric - Sunny Brae subdivision underground, transformers T-11 to T-24",
        contractor="Eureka Underground Services LLC",
        foreman="Dana Whitfield",
        auditor="Marcus Tran",
        audit_date="2025-09-03",
        score="58.82% (60/102)",
    ),
    # (no, item, answer Yes/No/N/A, comment, label-or-None)
    rows=[
        (
            "1",
            "Transformer cases bonded to the ground conductor",
            "Yes",
            "All 14 cases bonded; connections tight.",
            None,
        ),
        (
            "2",
            "Ground resistance at transformer pads",
            "No",
            "Ground resistance at pad T-14 measured 41 ohms with a single rod; no second rod installed.",
            V(
                GO128,
                "21.5-A",
                "21.5-A: above 25 ohms only the two-rod #6 Cu equivalent counts as effective; one rod does not.",
            ),
        ),
        (
            "3",
            "Ground resistance at splice boxes",
            "No",
            "Ground at splice box SB-3 measured 38 ohms; two 5/8 in x 8 ft copper-clad rods driven full depth 8 ft "
            "apart and joined with #4 AWG copper; auditor requires 25 ohms or less.",
            R(
                GO128,
                "21.5-A",
                "21.5-A: where 25 ohms is not obtained, two 1/2 in x 8 ft rods at >= 6 ft centers with >= #6 Cu is an effective ground.",
            ),
        ),
        (
            "4",
            "Two-rod grounds - spacing",
            "No",
            "The two ground rods at pad T-17 are driven 4 ft apart; resistance 33 ohms.",
            V(
                GO128,
                "21.5-A",
                "21.5-A: the two-rod equivalent needs at least 6 ft centers; 4 ft and 33 ohms fail.",
            ),
        ),
        (
            "5",
            "Secondary grounding point - single phase",
            "No",
            "Single-phase 3-wire 120/240 V secondary at T-15 is grounded at one outer conductor instead of the mid point.",
            V(GO128, "36.5-A", "36.5-A(1)a): 3-wire 120/240 V single phase is grounded at the mid point."),
        ),
        (
            "6",
            "Secondary grounding point - single phase",
            "No",
            "Single-phase 2-wire 240 V winding at T-16 has no intermediate tap brought out and is grounded at one "
            "conductor; auditor requires a mid-point ground.",
            R(
                GO128,
                "36.5-A",
                "36.5-A(1)a): 2-wire 240 V - intermediate point or, if none is available, one conductor.",
            ),
        ),
        (
            "7",
            "Secondary grounding point - three phase",
            "No",
            "Three-phase 4-wire star 120/208 V bank at T-18 is grounded at the point common to all windings; "
            "auditor requires a grounded phase conductor.",
            R(
                GO128,
                "36.5-A",
                "36.5-A(1)c): star 120/208 V - point common to all windings or one conductor; either is allowed.",
            ),
        ),
        (
            "8",
            "Secondary grounding - street lighting",
            "No",
            "The 240 V winding at T-19 that serves only the street lighting circuit is not grounded.",
            R(GO128, "36.5-A", "36.5-A(1): windings used only for street lighting circuits are excepted."),
        ),
        (
            "9",
            "Grounded conductor to services",
            "No",
            "Secondary is grounded at T-20, but the grounded conductor is not run to the service at 418 Elm Court.",
            V(
                GO128,
                "36.5-A",
                "36.5-A(1)d): where the secondary is grounded, the grounded conductor shall run to each service.",
            ),
        ),
        ("10", "Ground conductor continuity tested", "Yes", "Continuity confirmed at all pads.", None),
        (
            "11",
            "Cable sheath bonding in manholes",
            "No",
            "Metal sheath of the lead-covered cable in manhole M-6 is not bonded; the contractor cites the Rule "
            "36.5-B exception.",
            N("36.5-A(4) defers to 36.5-B, which is not in the library; the exception cannot be checked."),
        ),
        (
            "12",
            "Earth return circuits",
            "No",
            "The cathodic protection rectifier at the gas regulator station uses the earth as part of its impressed "
            "current circuit.",
            R(
                GO128,
                "36.4",
                "36.4: the earth may be part of impressed-current cathodic protection circuits.",
            ),
        ),
        (
            "13",
            "Earth return circuits",
            "No",
            "The 120 V irrigation pump circuit at the Jacoby Creek pump house uses the earth through its ground rod "
            "as the return conductor.",
            V(GO128, "36.4", "36.4: earth shall not be used normally as a return or circuit conductor."),
        ),
        ("14", "Pedestal ground lugs", "N/A", "No secondary pedestals in this phase.", None),
        (
            "15",
            "Ground connections",
            "No",
            "Ground conductor at T-22 is connected to its rod with a bolted bronze clamp; auditor requires an "
            "exothermic weld.",
            N("The method of grounding connections (Rule 36.5-C) is not in the library."),
        ),
    ],
)


def audit_a2(path):
    a, m = A2, A2["metadata"]
    pdf = Doc("", f"{UTIL} - Form QC-128G Underground Grounding Checklist")
    pdf.add_page()
    pdf.line_text("UNDERGROUND GROUNDING QC CHECKLIST", 14, "B", h=8, align="C")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9)
    w = pdf.w - pdf.l_margin - pdf.r_margin
    grid = [
        ("PM No.", m["pm_number"], "Notification No.", m["notification_number"]),
        ("Audit date", "September 3, 2025", "Score", m["score"]),
        ("Contractor", m["contractor"], "Crew lead", m["foreman"]),
        ("QC inspector", m["auditor"], "Sample", "14 pads, 3 manholes"),
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
    pdf.para(
        "Answer each line Yes, No or N/A. Every No is a non-conforming item and a go-back for the crew.",
        size=9,
    )
    body = [[no, item, ans, com] for no, item, ans, com, _ in a["rows"]]
    pdf.grid(
        ["No.", "Item checked", "Conforms? (Yes / No / N/A)", "Comments"], body, (9, 46, 24, 101), size=8.3
    )
    nf = sum(1 for r in a["rows"] if r[2] == "No")
    pdf.para(f"Total Number of Non-Conforming Items {nf}", size=9, style="B")
    pdf.para(f"QC inspector: {m['auditor']}    Crew lead: {m['foreman']}    Signed 09/03/2025", size=9)
    pdf.output(path)


# ---- A3: narrative letter (maintenance, abandoned lines, location records, occupancy) ---------------
A3 = dict(
    file="audits/RB-3-maintenance-records-letter.pdf",
    metadata=dict(
        pm_number="41220418",
        notification_number="130431906",
        location="Redwood Basin Electric - McKinleyville district maintenance and records review",
        contractor="Pacific Lineworks Group",
        foreman="Terrence Boyle",
        auditor="Rosa Villanueva",
        audit_date="2025-09-22",
        score="61.11% (66/108)",
    ),
    paras=[
        (
            "The retired 4 kV line along Orchard Road, permanently abandoned in 2019, is still in place on 14 poles.",
            V(GO95, "31.6", "31.6: permanently abandoned lines shall be removed by their owners."),
        ),
        (
            "The 12 kV tap on Murray Road, out of service since March while the customer decides on a rebuild, "
            "is still strung on its poles; I require its removal as an abandoned line.",
            R(
                GO95,
                "31.6",
                "31.6 covers permanently abandoned lines; a line temporarily out of service falls under 31.2.",
            ),
        ),
        (
            "The de-energized Mill Creek tap, held for a reconductor next spring, has two broken crossarm braces and "
            "a conductor hanging 9 ft above the trail; your crew states that lines out of service need no "
            "maintenance.",
            V(
                GO95,
                "31.2",
                "31.2: lines temporarily out of service shall be inspected and maintained so as not to create a hazard.",
            ),
        ),
        (
            "Your crew left a reel trailer and a coil of conductor across the Central Avenue sidewalk overnight, "
            "with no barricade or lights.",
            V(
                GO95,
                "31.1",
                "31.1: work on public streets shall create no condition unusually dangerous to pedestrians.",
            ),
        ),
        (
            "No written six-month inspection schedule exists for circuit 1108; I cite Rule 31.2 as requiring one.",
            R(
                GO95,
                "31.2",
                "31.2 requires frequent and thorough inspection but sets no six-month interval or written schedule.",
            ),
        ),
        (
            "The fiber company asked in writing on July 8 for the location of the district duct bank on Pine "
            "Street before its bore, and no location information was given to it.",
            V(
                GO128,
                "17.7",
                "17.7: each owner shall, on request, give location information to a party planning work nearby.",
            ),
        ),
        (
            "No location records are kept for the 120/240 V service laterals on private lots in the Hillcrest tract.",
            R(
                GO128,
                "17.7-A",
                "17.7-A(1): no records are required for 0 - 750 V services outside a public street right of way.",
            ),
        ),
        (
            "No location records are kept for the 120/240 V service laterals installed under Hillcrest Avenue, a "
            "public street.",
            V(
                GO128,
                "17.7-A",
                "17.7-A(1) exempts only services outside a public street or highway right of way.",
            ),
        ),
        (
            "The city traffic signal interconnect circuit occupies supply manhole M-12 with the district's written "
            "permission; I require its removal from the supply manhole.",
            R(
                GO128,
                "46.3",
                "46.3: traffic control circuits may occupy supply structures with the owner's permission.",
            ),
        ),
        (
            "From manhole M-12 the same traffic control circuit enters the telephone company's manhole TM-3, where "
            "it makes no interconnection.",
            V(
                GO128,
                "46.3",
                "46.3: such circuits shall not enter public communication structures except for authorized interconnection.",
            ),
        ),
        (
            "The trench backfill on Vista Way was not compacted to 95 percent relative compaction.",
            N(
                "Rule 17.10 (backfill of excavations) is not reproduced, and the library has no compaction value."
            ),
        ),
        (
            "The service lateral records for the Hillcrest tract do not show the depth of each lateral.",
            N(
                "17.7-A makes the owner keep the records needed for 17.7 but does not say they must show depth."
            ),
        ),
    ],
)


def audit_a3(path):
    a, m = A3, A3["metadata"]
    pdf = Doc("", f"{UTIL} - Compliance Review Letter")
    pdf.add_page()
    pdf.line_text(UTIL.upper(), 13, "B", h=7)
    pdf.line_text("Electric Operations - Compliance and Records Review", 9.5)
    pdf.line_text("2200 Harrison Avenue, Eureka, California", 9.5)
    pdf.ln(4)
    pdf.para("September 22, 2025", size=10)
    pdf.para(
        f"{m['contractor']}\nAttention: {m['foreman']}, General Foreman\n1750 Central Avenue, McKinleyville, California",
        size=10,
        h=5,
    )
    pdf.para(
        f"Re: PM {m['pm_number']}, Notification {m['notification_number']} - {m['location']}. "
        f"Review score: {m['score']}.",
        size=10,
        h=5,
        style="B",
    )
    pdf.para("Dear Mr. Boyle,", size=10)
    pdf.para(
        "Thank you for walking the district with me on September 16 and 17. Pole tagging, the switching logs and "
        "the vault inspection records were complete and well kept. Each numbered paragraph below is a go-back "
        "infraction; please correct it, or send your basis for contesting it, within 30 days.",
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
        "I also recommend, though it is not a go-back, that the crew photograph each restored trench before "
        "paving. Please call me with any questions.",
        size=10,
        h=5,
    )
    pdf.para(f"Sincerely,\n\n{m['auditor']}\nCompliance Review Engineer", size=10, h=5)
    pdf.output(path)


# ---- A4: time-stamped field log (pad-mounted equipment, terminations) ------------------------------
A4 = dict(
    file="audits/RB-4-padmount-field-log.pdf",
    metadata=dict(
        pm_number="41226051",
        notification_number="130437240",
        location="Redwood Basin Electric - Fortuna business park underground extension, pads T-40 to T-48",
        contractor="Eureka Underground Services LLC",
        foreman="Kim Sorensen",
        auditor="Walter Hughes",
        audit_date="2025-10-06",
        score="63.64% (56/88)",
    ),
    # (time, entry, label-or-None)
    entries=[
        ("07:30", "On site; tailboard with the crew; excavations barricaded.", None),
        (
            "08:05",
            "Pole 7 riser: conduit guard extends 8 ft above ground; inspector requires the guard to 10 ft.",
            N("31.5-A sends pole risers to General Order 95, whose riser rules are not in the library."),
        ),
        (
            "08:40",
            "Pad T-41: oil-filled transformer sits 2 ft 4 in from the wood-sided garage wall.",
            V(
                GO128,
                "34.3-D",
                "34.3-D: oil-filled equipment 3 ft from buildings; 2 ft only for noncombustible surfaces.",
            ),
        ),
        (
            "09:15",
            "Pad T-43: oil-filled transformer is 2 ft 2 in from the concrete block wall of the pump house; inspector "
            "requires 3 ft.",
            R(
                GO128,
                "34.3-D",
                "34.3-D: the 3 ft may be reduced to 2 ft where the building surface is noncombustible.",
            ),
        ),
        (
            "09:40",
            "Pad S-2: dry-type switch enclosure (no oil) set 10 in from the office wall; inspector requires 3 ft.",
            R(
                GO128,
                "34.3-D",
                "34.3-D: equipment not containing oil needs no specific clearance from buildings.",
            ),
        ),
        ("10:00", "Pad T-42 clearances, locks and warning signs checked - OK.", None),
        (
            "10:20",
            "Pad T-44: secondary compartment door closed but the padlock is missing and the door opens by hand.",
            V(
                GO128,
                "34.3-C",
                "34.3-C: compartments shall be secured against unauthorized entry by locks or other means.",
            ),
        ),
        (
            "10:55",
            "Pedestal P-9: ventilation slots admit a 1/8 in test wire to the live terminals with the door closed.",
            V(
                GO128,
                "34.3-B",
                "34.3-B: a closed compartment shall not let a wire be passed in to live parts.",
            ),
        ),
        (
            "11:30",
            "Pad T-46: transformer case is not bolted to the pad and can be shifted by hand.",
            V(GO128, "34.3-A", "34.3-A: the case or enclosure shall be secured in place."),
        ),
        ("12:00", "Lunch; crew re-staged the backhoe.", None),
        (
            "12:45",
            "Termination cabinet TC-1 stands 7 ft from the nearest rail of the railroad spur.",
            N("31.5-D refers to General Orders 26-D and 118, which are not in the library."),
        ),
        (
            "13:20",
            "Pedestal P-12: the primary supply duct terminates above ground in the pedestal; inspector states supply "
            "ducts must terminate in a manhole.",
            R(
                GO128,
                "31.5-B",
                "31.5-B: supply ducts may terminate above ground in pedestals or pad-mounted equipment.",
            ),
        ),
        (
            "14:00",
            "Pad T-47: single ground rod measured 22 ohms; inspector requires a second rod.",
            R(
                GO128,
                "21.5-A",
                "21.5-A: an impedance below 25 ohms is an effective ground; the two-rod rule applies only above it.",
            ),
        ),
        (
            "14:35",
            "Pad T-48 set at the edge of the shared driveway where delivery trucks turn; no bollards installed.",
            N(
                "17.3 asks only for regard to safety in location; no clause in the library sets a bollard requirement."
            ),
        ),
        ("15:10", "Reviewed the go-backs with the foreman; off site 15:30.", None),
    ],
)


def audit_a4(path):
    a, m = A4, A4["metadata"]
    pdf = Doc(f"{UTIL} - Inspector Daily Field Log", "Field log transcribed from the inspector's tablet")
    pdf.add_page()
    pdf.line_text("INSPECTOR DAILY FIELD LOG", 13, "B", h=7)
    pdf.set_font("Courier", "", 9)
    for ln in [
        f"DATE: 2025-10-06   PM#: {m['pm_number']}   NOTIF#: {m['notification_number']}",
        f"SITE: {m['location']}",
        f"CONTRACTOR: {m['contractor']}",
        f"FOREMAN: {m['foreman']}   INSPECTOR: {m['auditor']}",
        f"SCORE: {m['score']}",
    ]:
        pdf.multi_cell(0, 4.6, clean(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 9)
    pdf.para(
        "Entries marked GB are go-backs; the crew returns to correct them. Entries marked -- need no action.",
        size=9,
    )
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
        "specs/GO-95-maintenance-communication-clearances-excerpt.pdf",
        GO95,
        "CPUC General Order 95 Rules for Overhead Electric Line Construction: Rules 12.2, 31.1, 31.2, 31.6, "
        "32.1, 84.4 (with Table 1 extract and Table 84-A), 87.4 (excerpt)",
        GO95_REV,
        spec_go95,
    ),
    (
        "specs/GO-128-underground-grounding-equipment-excerpt.pdf",
        GO128,
        "CPUC General Order 128 Rules for Construction of Underground Electric Supply and Communication "
        "Systems: Rules 17, 17.3, 17.7, 21.5, 22.1, 30, 31.5, 34.3, 36.4, 36.5, 46.3 (excerpt)",
        GO128_REV,
        spec_go128,
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
        "name": "realtext-go7",
        "organization": "Line maintenance, communication-line clearances and underground grounding (fictional audits)",
        "note": (
            "Blind corpus written from CPUC GO 95 (Rules 12.2, 31.1, 31.2, 31.6, 32.1, 84.4-A with a Table 1 "
            "extract, 87.4) and GO 128 (Rules 17.3, 17.7, 21.5-A, 22.1, 30, 31.5, 34.3, 36.4, 36.5-A, 46.3) pages "
            "read through the search tool; wording condensed, and what was restated rather than read is listed "
            "in the README. Labels by hand from the clause text, without reading the product code. 'why' is "
            "ignored by score.py. audit_date values are ISO; RB-1 prints MM/DD/YYYY, RB-2 'Month D, YYYY', RB-3 "
            "'Month D, YYYY', RB-4 ISO."
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
            if doc == GO128:
                on = [i + 1 for i, p in enumerate(pages) if _norm(T365_HEAD) in _norm(p)]
                print(f"Rule 36.5-A table header {T365_HEAD!r} on pages {on}")
                if len(on) < 2:
                    print("the 36.5-A table does not repeat its header on a second page")
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
                if i["document"] and _norm(i["section"]) not in spec_text[i["document"]]:
                    print("section not printed in its spec:", i["section"], i["text"][:50])
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
