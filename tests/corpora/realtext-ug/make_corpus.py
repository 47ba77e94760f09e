#!/usr/bin/env python3
"""Build the realtext-ug evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Underground and service work: CPUC General Order 128 (Sections I-IV, Appendices A and D), PG&E document
062288 (Underground Conduits, a Greenbook document) and the California Title 8 High-Voltage Electrical
Safety Orders (Sections 2706, 2805, 2823, 2830), plus four fictional QA audits.

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints
"Document: <id>", that at least one spec table repeats its header row on a second page, that the PM and
notification numbers and every labelled infraction text are printed in their audit, and that
NEEDS_REVIEW is the only verdict without a document.
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
        self.set_creator("realtext-ug make_corpus.py")
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
        """Section band (e.g. 'Section III - Requirements for Supply Systems')."""
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
    "This library copy restates the substance of the listed provisions. Rule and section numbers, table "
    "rows, values, exceptions and notes follow the pages read; the wording is condensed. Text in square "
    "brackets is the library's own. Where this copy and the official text differ, the official text governs."
)


def title_block(pdf, top, lines, doc_id, revision, effective, contents, extra=None):
    pdf.add_page()
    for _i, (text, size) in enumerate(top):
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


def spec_go128(path):
    doc = "GO-128-Sections-I-IV"
    pdf = Doc(
        f"General Order 128 - Construction of Underground Electric Supply and Communication Systems - Document {doc}",
        f"{doc}   Library revision 1   Wording condensed; the General Order governs",
    )
    title_block(
        pdf,
        [
            ("State of California - Public Utilities Commission", 10),
            ("General Order No. 128", 14),
            ("Rules for Construction of Underground Electric Supply and Communication Systems", 11),
        ],
        [
            "Sections I to IV, Appendix A Table 2 and Appendix D (excerpt)",
            "Adopted October 17, 1967 (Decision No. 73195); current text as revised through Decision 05-01-030, "
            "except where a rule heading says Original text",
        ],
        doc,
        "Library revision 1",
        "2025-09-01",
        "Rules 14, 17.3, 17.7, 17.7-A, 20.9, 21.4, 21.5, 21.5-A, 22.1, 23.4, 23.7, 31 (index), 31.5, 31.6, "
        "32 (index), 32.4, 32.5, 32.8, 33 (index), "
        "34.3-A to 34.3-D, 36.4, 36.5-A (Table 36.5-A), 41.4-A, 41.4-B (Table 41.4-S), 42.3, 42.7, 43.4; "
        "Appendix A Table 2; Appendix D (Public Utilities Code Sections 8051 and 8055)",
    )

    # ---- Section I ------------------------------------------------------------------------------
    pdf.band("Section I - General Provisions")
    pdf.heading("14", "Limiting Conditions Specified")
    pdf.para(
        "The spacings, clearances and strengths of construction required by these rules are limiting "
        "conditions, given as minimum or maximum values as the rule states. Where two or more requirements set "
        "limiting conditions, the most stringent one shall be met, and meeting it satisfies the others. More "
        "strength and more generous spacings and clearances than required may be desirable and may be provided, "
        "as long as no other requirement is violated."
    )
    pdf.heading("17", "Requirements for All Supply and Communication Systems")
    pdf.para(
        "These rules apply to all underground supply and communication systems under all conditions. Rule 17 "
        "comprises 17.1 Design, Construction, and Maintenance; 17.2 Inspection; 17.3 Location; 17.4 Joint Use of "
        "Excavations and Facilities; 17.5 Two or More Systems; 17.6 Encroachments; 17.7 Location Information; "
        "17.8 Identification of Manholes, Handholes and Subsurface Equipment Enclosures; 17.9 Measurements; 17.10 "
        "Backfill of Excavations. [Only 17.3 and 17.7 are reproduced in this excerpt.]"
    )
    pdf.heading("17.3", "Location [Original GO 128 text]")
    pdf.para(
        "Facilities shall be located with regard to the safety of property, of the general public and of the "
        "persons who build, operate and maintain them (see Rule 17.1). Complying with these rules does not "
        "relieve a utility of any location requirement that the State, a county or a city imposes on the use of "
        "public streets or highways."
    )
    pdf.heading("17.7", "Location Information")
    pdf.para(
        "Each party that owns or operates underground facilities shall, on request, tell any other party that "
        "plans underground construction or work nearby where its facilities are. Receiving that information does "
        "not relieve the other party of its duty to locate the facilities accurately and to use reasonable care "
        "during the work. If existing facilities are damaged or interrupted, the other party shall report it at "
        "once to the owner of the facilities."
    )
    pdf.heading("17.7-A", "Records")
    pdf.para(
        "The party owning or operating the facilities is responsible for keeping the records needed to comply "
        "with this rule. The records shall be open to inspection by the Commission or its staff at all times."
    )
    pdf.para(
        "(1) Services: records are not required for supply-system services of 0 - 750 volts located outside a "
        "public street or highway right of way, nor for communication-system services.",
        indent=4,
    )

    # ---- Section II -----------------------------------------------------------------------------
    pdf.band("Section II - Definitions of Terms as Used in These Rules")
    pdf.heading("20.9", "Cover")
    pdf.para(
        "Cover means the radial distance between the surface of an underground cable or conduit and grade. "
        "[Final version as revised by Resolution SU-40.]"
    )
    pdf.heading("21.4", "Grade")
    pdf.para(
        "Grade means the surface (earth, roadway, sidewalk, landscaping, etc.) at a given point or place."
    )
    pdf.heading("21.5", "Grounded")
    pdf.para("Grounded means connected to earth by a conductive path.")
    pdf.heading("21.5-A", "Effectively Grounded (Effective Ground)")
    pdf.para(
        "Permanently connected to earth through one or more ground connections of low enough impedance, and "
        "with enough current-carrying capacity, to prevent voltages from building up that could be an undue "
        "hazard to persons or to connected equipment."
    )
    pdf.para(
        "Where an impedance of less than 25 ohms is not obtained, the following is considered an effective ground "
        "for these rules: a ground conductor not smaller than #6 AWG copper, continuous throughout, connected to "
        "two corrosion-resisting rods, each not less than 1/2 inch in diameter and 8 feet long, driven to a depth "
        "of at least 8 feet in the earth, with the rods not less than 6 feet apart (centers)."
    )
    pdf.heading("22.1", "Joint Trench Operation")
    pdf.para(
        "A trench opened and closed as a joint effort of two or more parties for joint occupancy. Joint occupancy "
        "may occur with only elements of two or more systems being placed."
    )
    pdf.heading("23.4", "Subsurface Equipment Enclosure")
    pdf.para(
        "A chamber in a supply system, usually smaller than a manhole, with a removable top or cover, that gives "
        "access to transformers, cables or other equipment or apparatus."
    )
    pdf.heading("23.7", "Vault")
    pdf.para(
        "An isolated, fire-resistant enclosure above or below ground or in a building, large enough for a person "
        "to enter, with working space, in which transformers or other equipment may be installed and maintained."
    )

    # ---- Section III ----------------------------------------------------------------------------
    pdf.band("Section III - Requirements for Supply Systems")
    pdf.heading("31", "Duct Systems")
    pdf.para(
        "Open trenching, tunneling, boring, jacking, plowing and submersion in water, alone or combined, are among "
        "the recognized methods of installing duct systems. Rule 31 comprises 31.1 Definition, 31.2 Maintenance and "
        "Inspection, 31.3 Construction, 31.4 Clearance and Depths, 31.5 Risers and Other Above-ground Terminations "
        "and 31.6 Sealing Service Laterals. [31.1 to 31.4 are not reproduced.]"
    )
    pdf.heading("31.5", "Risers and Other Above-Ground Terminations [Original GO 128 text]")
    pdf.para(
        "A. Poles: supply-system risers on poles shall be installed in accordance with General Order No. 95. "
        "B. Other above-ground terminations: suitably protected supply duct systems may terminate above ground or "
        "in buildings, in enclosures designed for the purpose, in pad-mounted transformers, in pedestals or in "
        "other suitable terminal facilities. C. Services: see Rule 33.5-C. D. Clearances of above-ground "
        "terminations next to railroad tracks: per General Orders 26-D and 118. [Rule 33.5-C and General Orders "
        "26-D and 118 are not reproduced.]"
    )
    pdf.heading("31.6", "Sealing Service Laterals")
    pdf.para(
        "Service conduits through which water may enter buildings shall be suitably plugged or sealed at the "
        "source of supply, such as the utility's transformer or secondary handhole, and at the supply end of the "
        "conduit that enters the bottom of the customer's terminating enclosure."
    )
    note(
        pdf,
        "Note: the utility may require the customer or contractor to provide a means of preventing excess water "
        "or water pressure from accumulating in the service lateral conduit. [Revised April 13, 1970 by Decision "
        "No. 76970 and by Decision No. 05-01-030.]",
    )
    pdf.heading("32", "Manholes, Handholes and Subsurface Equipment Enclosures")
    pdf.para(
        "The provisions of this rule on manholes also apply to vaults and trenches. Rule 32 comprises 32.1 "
        "Definitions, 32.2 Maintenance and Inspection, 32.3 Materials and Strength, 32.4 Size and Shape, 32.5 "
        "Openings, 32.6 Drainage, 32.7 Covers, 32.8 Location, 32.10 Foreign Pipes, 32.11 Incidental Wirings and "
        "Facilities, 32.12 Explosion Protection. [32.1 to 32.3, 32.6, 32.7 and 32.10 to 32.12 are not reproduced.]"
    )
    pdf.heading("32.4", "Size and Shape")
    pdf.para(
        "Manholes shall give enough working space for the cables and equipment in them to be properly and safely "
        "installed, supported, operated and maintained. Manholes shall not be built smaller than Public Utilities "
        "Code Section 8051 requires (see Appendix D). Handholes and subsurface equipment enclosures shall be large "
        "enough to house safely the transformers, switches, cables, splices, connectors and associated apparatus, "
        "arranged so that they can be safely installed, operated and maintained."
    )
    pdf.heading("32.5", "Openings [Original GO 128 text]")
    pdf.para(
        "No manhole access opening shall be smaller than 26 inches in diameter if round, or 26 inches by 24 inches "
        "if rectangular. Safe access shall be provided from the opening to the floor or other working surface."
    )
    pdf.heading("32.8", "Location")
    pdf.para(
        "Manholes, handholes and subsurface equipment enclosures shall be located so that the opening gives safe "
        "access and, where practicable, so that later maintenance work interferes as little as possible with the "
        "normal flow of vehicular traffic. In no case shall the nearest edge of the opening at the surface be less "
        "than 3 feet from any rail of a railroad or streetcar track."
    )
    pdf.para(
        "This rule does not apply where satisfactory proof is submitted to the Commission that compliance is "
        "impracticable or physically impossible in the space or location designated by the proper authorities. "
        "[The Original GO 128 text gave 8 feet; the current text, restated here, gives 3 feet.]"
    )
    pdf.heading("33", "Cables")
    pdf.para(
        "Rule 33 covers material, construction, installation, maintenance, inspection, clearances and depths of "
        "supply cables. Nothing in these rules prohibits cables directly buried, installed in pipes and ducts at the "
        "site, preassembled in ducts before installation, installed in tunnels, shafts or cable trenches, or placed "
        "on or under the surface of bodies of water. Rule 33 comprises 33.1 Definitions, 33.2 Maintenance and "
        "Inspection, 33.3 Materials, 33.4 Clearances and Depths, 33.5 Above-ground Installations, 33.6 Arrangements "
        "in Manholes, Vaults, and Enclosures and 33.7 Grounding and Bonding. [No part of Rule 33, including the "
        "clearances and depths of 33.4 and Appendix A Table 1, is reproduced in this excerpt.]"
    )
    pdf.heading("34.3", "Self-Contained Surface-Mounted Equipment [Original GO 128 text]")
    pdf.para(
        "Equipment installed partly or wholly above the ground surface and not enclosed by a vault, room or fence "
        "shall meet 34.3-A to 34.3-D. [34.3-B was later revised by Decision 05-01-030; its current wording was not "
        "read and the original wording is restated.]"
    )
    pdf.heading("34.3-A", "Strength")
    pdf.para(
        "The equipment case or enclosure shall be secured in place and strong enough to resist entry into, or "
        "damage to, the equipment by unauthorized persons."
    )
    pdf.heading("34.3-B", "Guarding Live Parts")
    pdf.para(
        "Compartments and enclosures that contain exposed live parts in normal operation shall be designed and "
        "installed so that, when closed, no one can pass a wire or other conducting material into them from "
        "outside. This is not meant to prevent normal work such as fishing ducts and installing cable."
    )
    pdf.heading("34.3-C", "Locking")
    pdf.para(
        "Compartments and enclosures shall be made secure against entry by unauthorized persons by locks or other "
        "suitable means."
    )
    pdf.heading("34.3-D", "Clearance From Buildings")
    pdf.para(
        "Equipment containing oil shall be located so that its nearest metal parts clear the surface of buildings "
        "by not less than 3 feet. This clearance may be reduced to 2 feet where the building surface is "
        "noncombustible. Equipment not containing oil needs no specific clearance from buildings and may be "
        "incorporated into the building structure."
    )
    pdf.heading("36.4", "Ground or Earth as a Conductor [Original GO 128 text]")
    pdf.para(
        "Grounding the neutral or another conductor of a direct-current, single-phase or polyphase supply system "
        "is permitted for stabilization and protection. The earth shall not be used as a normal return or circuit "
        "conductor, except as part of circuits used for impressed-current cathodic protection."
    )
    pdf.heading("36.5", "Grounding and Bonding of Conductors and Equipment")
    pdf.heading("36.5-A", "General")
    pdf.para(
        "The following supply conductors and equipment shall be bonded in manholes and at other places where they "
        "are accessible and near one another, and shall be grounded in accordance with Rule 36.5-C (see also "
        "Appendix B, Figure 16). [Rule 36.5-C and Appendix B are not reproduced.]"
    )
    pdf.para(
        "(1) Transformer windings: windings of 250 volts or less, except those used only to energize street "
        "lighting circuits or only to energize signal and track circuits, shall be effectively grounded (Rule "
        "21.5-A) at the points given in Table 36.5-A. Where the secondary system is grounded at any point, the "
        "grounded conductor shall be run to each service.",
        indent=4,
    )
    pdf.para("(2) Supply circuits 0 - 750 volts: the neutral conductors of these circuits.", indent=4)
    pdf.para(
        "(3) Supply circuits of more than 750 volts: the neutral conductors of these circuits.", indent=4
    )
    pdf.para(
        "(4) Metal sheaths, shields and pipes: metal sheaths and shields of supply cables, and metal pipes and "
        "conduits enclosing supply cables, except as Rule 36.5-B provides. [Rule 36.5-B is not reproduced.]",
        indent=4,
    )
    pdf.para(
        "(5) Metal cases of supply equipment, such as transformer cases. [The remainder of (5) is not "
        "reproduced.]",
        indent=4,
    )
    pdf.ensure(30)
    pdf.line_text("Table 36.5-A - Grounding Points of Transformer Windings of 250 Volts or Less", 9.5, "B")
    pdf.ln(1)
    pdf.grid(
        ["Case", "System", "Winding arrangement and voltage", "Point to be grounded"],
        [
            ["1", "Single phase", "2-wire, 120 volts", "One conductor"],
            [
                "2",
                "Single phase",
                "2-wire, 240 volts",
                "An intermediate point or, if none is available, one conductor",
            ],
            ["3", "Single phase", "3-wire, 120/240 volts", "The mid point"],
            ["4", "Two phase", "3-wire, 240 volts", "The point common to both windings"],
            ["5", "Two phase", "4-wire, 120/240 volts", "The mid point of one phase"],
            ["6", "Two phase", "4-wire, 240 volts", "The mid points of both windings"],
            ["7", "Two phase", "5-wire, 120/240 volts", "Connected together (as printed in the rule)"],
            [
                "8",
                "Three phase",
                "3-wire delta, 120 or 240 volts",
                "The mid point of one winding, or a point common to two windings",
            ],
            [
                "9",
                "Three phase",
                "3-wire and 4-wire star (wye), 120, 208, 240 or 120/208 volts; 3-wire T or Scott, 240 volts",
                "The point common to all windings, or one conductor",
            ],
        ],
        (14, 30, 66, 70),
    )
    note(
        pdf,
        "[Table 36.5-A is the library's layout of Rule 36.5-A(1)(a) to (c), which the General Order gives as a "
        "list; the case numbers are the library's.]",
    )

    # ---- Section IV -----------------------------------------------------------------------------
    pdf.band("Section IV - Requirements for Communication Systems")
    pdf.heading("41.4", "Clearances and Depths [Original GO 128 text]")
    pdf.para(
        "The clearance between duct systems of communication lines for public use and other underground "
        "structures installed independently shall be as great as practicable. The distance between the top "
        "covering of these lines and the surface above them shall be enough to protect the system from injury by "
        "traffic."
    )
    pdf.heading("41.4-A", "From Foreign Substructures (Except Supply Systems)")
    pdf.para(
        "(1) Independently installed: ducts carrying communication cables and conductors for public use, when "
        "independently installed, shall be separated where practicable from gas, water, oil or other pipe systems "
        "by a clearance of at least 12 inches when paralleling and at least 6 inches when crossing.",
        indent=4,
    )
    pdf.para(
        "(2) Concurrently installed: such ducts installed concurrently with gas, water, oil or other foreign "
        "substructures may be installed with less separation than (1) requires, by mutual agreement of the "
        "parties involved.",
        indent=4,
    )
    pdf.heading("41.4-B", "From Supply Systems")
    pdf.para(
        "(1) Independently installed: ducts carrying communication cables and conductors for public use, when "
        "independently installed, shall be separated where practicable from supply duct systems and from buried "
        "supply cables or conductors by not less than 3 inches of concrete, 4 inches of brick masonry, or 12 "
        "inches of earth.",
        indent=4,
    )
    pdf.para(
        "(2) Concurrently installed: such ducts installed concurrently with supply duct systems may, by mutual "
        "agreement of the parties involved, be installed with less separation than B(1) requires, provided the "
        "ducts of both systems are of rigid material. Where the ducts of either system are not rigid, or the "
        "supply cables or conductors are buried, the separations of B(1) apply; in lieu of them, the random "
        "separation provisions of Rule 43.3-B(1) may be applied. [Rule 43.3 and the rest of Rule 41.4 are not "
        "reproduced.]",
        indent=4,
    )
    pdf.ensure(48)
    pdf.line_text(
        "Table 41.4-S - Separation of Communication Ducts (library summary of Rule 41.4-A and 41.4-B)",
        9.5,
        "B",
    )
    pdf.ln(1)
    pdf.grid(
        [
            "Case",
            "Installation",
            "From gas, water, oil or other pipe systems",
            "From supply ducts and buried supply cables",
        ],
        [
            [
                "1",
                "Independently installed, paralleling",
                "12 in",
                "3 in of concrete, 4 in of brick masonry, or 12 in of earth",
            ],
            [
                "2",
                "Independently installed, crossing",
                "6 in",
                "3 in of concrete, 4 in of brick masonry, or 12 in of earth",
            ],
            [
                "3",
                "Concurrently installed",
                "Less than Case 1 or 2 by mutual agreement",
                "Less than Case 1 by mutual agreement if the ducts of both systems are rigid; otherwise Case 1 "
                "(or random separation, Rule 43.3-B(1))",
            ],
        ],
        (14, 42, 52, 72),
    )
    pdf.heading("42.3", "Material and Strength")
    pdf.para(
        "The materials, design and construction of communication manholes, handholes and other underground boxes "
        "shall give enough strength to carry, with a suitable margin of safety, the loads that may reasonably be "
        "imposed on them. Manholes and handholes in street areas subject to vehicular traffic shall be built to "
        "withstand H-20-44 highway loading as designated by the American Association of State Highway Officials. "
        "Manhole floors shall meet Public Utilities Code Section 8054. [Section 8054 is not reproduced.]"
    )
    pdf.heading("42.7", "Covers [Original GO 128 text]")
    pdf.para(
        "Communication manholes and handholes, when not being worked in, shall be securely closed by covers strong "
        "enough to carry the loads that may reasonably be imposed on them, and arranged so that a tool or "
        "appliance is needed to open them and remove the cover. (Also see Rule 17.8.)"
    )
    pdf.heading("43.4", "Risers and Other Above Grade Terminations [Original GO 128 text]")
    pdf.para(
        "Risers and other above-grade terminations of buried communication lines shall meet the requirements of "
        "Rule 41.5 for duct lines. [Rule 41.5 is not reproduced.]"
    )

    # ---- Appendix A ------------------------------------------------------------------------------
    pdf.band("Appendix A - Summary of Dimensions, Clearances and Depth Requirements")
    pdf.line_text(
        "Table 2 - Miscellaneous Dimensions and Clearance Requirements for Supply and Communication Systems "
        "[Original GO 128 text]",
        9.5,
        "B",
    )
    pdf.ln(1)
    pdf.grid(
        ["Case", "Nature of clearance or dimension", "Requirement", "Reference rules"],
        [
            [
                "1",
                "Risers and other above-ground terminations, from railroad tracks",
                "General Orders 26-D and 118",
                "31.5-D, 33.5-D, 41.5-C, 43.4",
            ],
            [
                "2",
                "Size and shape of manholes",
                "Minimum inside dimensions 4 feet, and 5 feet high; see Public Utilities Code Section 8051",
                "32.4, 42.4",
            ],
            [
                "3",
                "Manhole openings",
                "Not less than 26 in diameter, or 26 x 24 in rectangular",
                "32.5, 42.5",
            ],
            ["4", "Manhole location", "Openings not less than 3 feet from any railroad rail", "32.8, 42.8"],
            [
                "5",
                "Sectionalizing switches",
                "Operating handles and viewing windows not higher than 6-1/2 feet",
                "-",
            ],
            [
                "6",
                "Oil-filled equipment",
                "From building surface: 3 feet; from a noncombustible building surface: 2 feet",
                "-",
            ],
        ],
        (14, 52, 74, 40),
    )
    note(
        pdf,
        "Dimensions and clearances shown may be reduced under certain conditions; see the referenced rules. [The "
        "case numbers are the library's; the table read lists the cases without numbers.]",
    )

    # ---- Appendix D ------------------------------------------------------------------------------
    pdf.band("Appendix D - Excerpts From Public Utilities Code (Division 4, Chapter 5, Article 3)")
    pdf.heading("8051", "Inside Dimensions of Manholes and Underground Rooms [library title]")
    pdf.para(
        "No person shall build or rebuild any subway, manhole, chamber or underground room used, or to be used, "
        "to contain, encase, cover or conduct any wire, cable or appliance for conducting or handling electricity, "
        "unless its inside measurement is not less than 4 feet at the maximum points between the side walls and "
        "between the end walls, and not less than 5 feet at all points between the floor and the top or ceiling; "
        "or, if circular, not less than 4 feet inside diameter and not less than 5 feet at all points between "
        "floor and ceiling."
    )
    pdf.para(
        "This section does not apply to any such subway, manhole, chamber or underground room in which no person "
        "is intended or required to work or be employed. It also does not apply where satisfactory proof is "
        "submitted to the Commission that compliance is impracticable or physically impossible in the space or "
        "location designated by the proper municipal authorities."
    )
    pdf.heading("8055", "Sanitary Condition of Manholes and Underground Rooms [library title]")
    pdf.para(
        "No person shall build, rebuild or maintain any such subway, manhole, chamber or underground room unless "
        "it is kept at all times in a sanitary condition and free from stagnant water, seepage or other drainage, "
        "or any offensive matter dangerous to health, by sewer connection or otherwise. This section does not "
        "apply to any such subway, manhole, chamber or underground room in which no person is intended or required "
        "to work or be employed."
    )
    note(pdf, "[Public Utilities Code Sections 8052 to 8054, 8056 and 8057 are not reproduced.]")
    pdf.output(path)


def spec_062288(path):
    doc = "062288"
    pdf = Doc(
        f"UG-1: Conduits   Greenbook   Underground Conduits   Document {doc}   Rev. #17",
        f"{doc}   Rev. #17: 08-15-17   Library restatement; the PG&E document governs",
    )
    title_block(
        pdf,
        [
            ("Pacific Gas and Electric Company - Electric Distribution", 10),
            ("UNDERGROUND CONDUITS", 14),
            (
                "UG-1: Conduits - also included in the Electric and Gas Service Requirements (Greenbook, TD-7001M)",
                10,
            ),
        ],
        [
            "Asset type: Electric Distribution   Function: Design and Construction   Prepared by: ABB1",
            "Rev. #17: this document replaces PG&E Document 062288, Rev. #16.",
        ],
        doc,
        "Rev. #17 (library restatement 1)",
        "08-15-17",
        "Purpose and Scope; General Information items 1 and 2",
        extra=(
            "Library note: item titles are the library's; the document numbers its items 1, 2, 3 without titles. "
            "Rev. #19 (12-17-20) later records that PG&E stopped buying DB-120 conduit in April 2020 and buys PVC "
            "Schedule 40; this library restates Rev. #17."
        ),
    )
    pdf.heading("", "Purpose and Scope")
    pdf.para(
        "This document covers steel and plastic conduit for electric underground installations, with or without "
        "concrete encasement."
    )
    pdf.heading("", "General Information")
    pdf.heading("1", "Applications for Underground Conduit")
    pdf.para(
        "A. Residential: all residential installations that need conduit should be made without concrete "
        "encasement.",
        indent=4,
    )
    pdf.para(
        "B. Light commercial, industrial, and underground residential distribution (URD) feeder: circuits of this "
        "type that are three-way or less should normally be installed without concrete encasement. In densely "
        "populated urban areas, conduit banks with more than three primary conduits will normally require "
        "concrete encasement.",
        indent=4,
    )
    pdf.para(
        "C. Severe exposure to dig-ins and other hazards may require concrete encasement of conduit lines.",
        indent=4,
    )
    pdf.para(
        "D. Railroad crossings: for any railroad crossing, single-wall or co-extruded cellular-core-wall PVC "
        "Schedule 40 conduit to UL 651 is required.",
        indent=4,
    )
    pdf.heading("2", "Conduit Installed for PG&E by Others")
    pdf.para(
        "When conduit, service conduit included, is to be installed for PG&E by others, the following are "
        "acceptable alternatives to the ASTM F512 (DB-120) conduits listed in this document:"
    )
    pdf.para(
        "A. Single-wall and co-extruded cellular-core-wall PVC Schedule 40 or Schedule 80 conduit to UL 651 that is "
        "so marked.",
        indent=4,
    )
    pdf.para(
        "B. Hot-dip galvanized rigid steel conduit conforming to American National Standards Institute (ANSI) "
        "Specification C80.1.",
        indent=4,
    )
    pdf.para(
        "The installer is responsible for using the proper fitting to join conduits; the transition may change "
        "both the conduit type and the size. Where conduits of equal diameter but different wall thicknesses are "
        "joined, the inside edge of the spigot end must be chamfered."
    )
    note(
        pdf,
        "[Item 3, which begins with the current-carrying capacity of cables in conduit, and the rest of the "
        "document (conduit tables, bends, installation details and the revision history) are not reproduced.]",
    )
    pdf.output(path)


def spec_t8(path):
    doc = "CCR-T8-HVESO"
    pdf = Doc(
        f"California Code of Regulations, Title 8 - High-Voltage Electrical Safety Orders - Document {doc}",
        f"{doc}   Library revision 1   Wording condensed; the regulation governs",
    )
    title_block(
        pdf,
        [
            ("California Code of Regulations, Title 8, Division 1, Chapter 4", 10),
            ("Subchapter 5. Electrical Safety Orders", 13),
            ("Group 2. High-Voltage Electrical Safety Orders", 11),
        ],
        [
            "Article 2 (Administration), Article 3 (vaults) and Article 19 (Outdoor Wiring, formerly Article 68) "
            "(excerpt)",
        ],
        doc,
        "Library revision 1",
        "2025-09-01",
        "Sections 2706(a), 2805, 2823(a), 2830 (Table 2830-S)",
    )
    pdf.heading("2706", "Application")
    pdf.para(
        "(a) These High-Voltage Electrical Safety Orders apply to all electrical installations and equipment that "
        "operate, or are intended to operate, on systems of more than 600 volts between conductors, and to all "
        "work performed directly on or near such installations, equipment or systems, in all places of employment "
        "in California as defined in Labor Code Section 6303. They do not apply to:"
    )
    pdf.para(
        "(1) installations of conductors and equipment in ships, watercraft, railway rolling stock or aircraft;",
        indent=4,
    )
    pdf.para(
        "(2) installations of conductors, equipment and associated enclosures that are subject to the "
        "jurisdiction of the California Public Utilities Commission and owned, operated and maintained by an "
        "electric, communication or electric railway utility.",
        indent=4,
    )
    pdf.para(
        "Exception No. 1: these orders apply to conduit, vaults and similar enclosures containing a utility's "
        "conductors and equipment when located indoors on premises not used exclusively for utility purposes, but "
        "not to the utility's conductors and equipment in them. Exception No. 2: Article 36 (Work and Operating "
        "Procedures) and Article 38 (Line Clearance Tree Trimming Operations) apply to all work performed by "
        "electric utilities and electric railways. [Subsection (b), Extent of Application, is not reproduced.]"
    )
    pdf.heading("2805", "Vaults - General")
    pdf.para(
        "Transformer vaults shall be built to contain fire and combustible liquids within the vault and to prevent "
        "unauthorized access."
    )
    for t in (
        "(a) Strength: vault structures shall be strong enough for the loads they may carry and to support the "
        "equipment mounted in them.",
        "(b) Wall material: interior walls shall be assemblies of materials approved for not less than one-hour, "
        "noncombustible, fire-resistive construction.",
        "(c) Doors: door openings shall be protected by approved one-hour rated fire door and frame assemblies.",
        "(d) Ceiling access: ceiling access opening covers or grates weighing less than 100 pounds shall be "
        "securely fastened in place. Openings shall be at least 26 inches in diameter or 24 inches by 26 inches. "
        "Safe access shall be provided from the opening to the floor or other working surface.",
        "(e) Ventilating ducts: all ventilating flues or ducts shall be of noncombustible construction.",
        "(f) Ventilating openings shall not be through the vault door, except where the door opens to the outdoors.",
        "(g) Adequate ventilation: vaults shall be ventilated well enough to keep equipment temperatures below "
        "those at which the equipment may be safely operated.",
        "(h) Drainage: where sumps drain to a sewage system, a suitable trap shall be installed to keep sewer gas "
        "out of the vault.",
        "(i) Foreign pipes and accessories: no pipe or duct system foreign to the electrical installation shall "
        "enter or pass through a transformer vault. Exception: piping or other facilities provided for vault fire "
        "protection or for transformer cooling are not considered foreign to the electrical installation.",
        "(j) Material shall not be stored in transformer vaults.",
    ):
        pdf.para(t, indent=4, gap=1.0)
    pdf.heading("2823", "General (Article 19, Outdoor Wiring)")
    pdf.para(
        "(a) Scope: this article applies to electrical equipment or exposed wiring run between buildings or "
        "structures. Service-entrance equipment and wiring shall comply with Article 4, and equipment and wiring in "
        "flammable atmospheres with Article 34. Section V of General Order No. 95 (1981 edition) shall be complied "
        "with in all features of line construction used in outside wiring, and Section III of General Order No. "
        "128 (1974 edition), Rules for Construction of Underground Electric Supply and Communication Systems, in "
        "all features of underground construction used in outside wiring, in each case except as this article "
        "modifies them. Both are incorporated by reference. [Subsections (b) and (c) are not reproduced.]"
    )
    pdf.heading("2830", "Insulated Conductors")
    for t in (
        "(a) General: insulated cables shall be of a type suitable for the voltage and service conditions. All "
        "cables installed underground shall have a grounded metallic sheath, shield or bare concentric grounded "
        "conductor, or shall be installed in grounded metallic conduit.",
        "(b) Cable installed in buildings: where installed in buildings, cables energized above 35,000 volts shall "
        "be encased in at least 3 inches of concrete or equivalent fire-resistant material.",
        "(c) Direct buried cables: direct buried cables, or cables in flexible nonmetallic enclosures, shall be "
        "installed at a depth of at least 36 inches. Lesser depths are permitted if the cable is armored with at "
        "least No. 12 BWG steel wire closely wound, or with two layers of steel tape each at least 0.020 inch "
        "thick, or if the cable is protected by a layer of concrete at least 3 inches thick above it. Exception: "
        "lesser depths than those listed are permitted where cables rise for terminations and splices, or where "
        "access is otherwise required.",
        "(d) Identification: cables shall be labeled at all circuit terminals, sectionalizing points, vaults, "
        "rooms, etc. The labels shall show at least the phase and circuit designation and the nearest "
        "sectionalizing points. (1) Labels shall be changed at the same time as the circuit is changed.",
        "(e) Neutral conductor: size and insulation per Section 2818. [Section 2818 is not reproduced.]",
        "(f) Shielding: all cables normally operated above 5,000 volts shall have insulation shielding, except "
        "that shielding is not required for series street lighting circuits [the remainder of (f) was not read "
        "and is not reproduced].",
    ):
        pdf.para(t, indent=4, gap=1.0)
    pdf.ensure(52)
    pdf.line_text(
        "Table 2830-S - Depth of Underground Cable by System Voltage (library summary of 2706 and 2830(c))",
        9.5,
        "B",
    )
    pdf.ln(1)
    pdf.grid(
        ["Case", "Cable installation", "Systems of 600 V or less", "Systems of more than 600 V"],
        [
            [
                "1",
                "Direct buried, or in a flexible nonmetallic enclosure",
                "Not covered by Group 2 (see 2706)",
                "At least 36 in",
            ],
            [
                "2",
                "Armored: No. 12 BWG steel wire closely wound, or two layers of steel tape each at least 0.020 in",
                "Not covered by Group 2",
                "Lesser depth permitted",
            ],
            [
                "3",
                "Protected by a concrete layer at least 3 in thick above the cable",
                "Not covered by Group 2",
                "Lesser depth permitted",
            ],
            [
                "4",
                "Where cables rise for terminations and splices, or where access is otherwise required (Exception)",
                "Not covered by Group 2",
                "Lesser depth permitted",
            ],
        ],
        (14, 76, 42, 48),
    )
    note(pdf, "[Table 2830-S is the library's summary; the regulation gives these values as prose.]")
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


GO128 = "GO-128-Sections-I-IV"
UC = "062288"
T8 = "CCR-T8-HVESO"

# ---- U1: findings register ------------------------------------------------------------------------
U1 = dict(
    file="audits/UG-1-manhole-vault-findings-register.pdf",
    metadata=dict(
        pm_number="35211846",
        notification_number="121004583",
        location="Lawrence Station Rd UG rebuild, Manholes M-14 - M-23, Sunnyvale",
        contractor="Peninsula Underground Constructors, Inc.",
        foreman="Raul Espinoza",
        auditor="Kathleen Brandt",
        audit_date="2025-10-14",
        score="81.25% (130/160)",
    ),
    rows=[
        (
            "1",
            "M-14",
            "Round access opening measured 30 in; steps and ladder in place.",
            "32.5",
            "Closed - compliant",
            None,
        ),
        (
            "2",
            "M-17",
            "Rectangular access opening of new manhole M-17 measures 24 in by 22 in.",
            "32.5",
            "Open",
            (
                "VALID",
                GO128,
                "32.5",
                "Rule 32.5: a rectangular opening shall be at least 26 in by 24 in; 24 x 22 in is short on both sides.",
            ),
        ),
        (
            "3",
            "M-19",
            "Round access opening of manhole M-19 measures 27 in in diameter; auditor requires 30 in.",
            "32.5",
            "Open",
            (
                "REPEALABLE",
                GO128,
                "32.5",
                "Rule 32.5: a round opening shall be at least 26 in; 27 in complies and the 30 in has no basis.",
            ),
        ),
        (
            "4",
            "M-17",
            "Inside height of manhole M-17 measured 4 ft 8 in from the floor to the underside of the roof slab.",
            "32.4",
            "Open",
            (
                "VALID",
                GO128,
                "8051",
                "Rule 32.4 defers to PUC Section 8051 (Appendix D): at least 5 ft at all points between floor and "
                "ceiling; 4 ft 8 in is short.",
            ),
        ),
        (
            "5",
            "SB-3",
            "Splice box SB-3 (cables are spliced from grade; the box is not designed for anyone to enter) is 30 in "
            "deep inside; auditor cites the 5 ft manhole height.",
            "32.4",
            "Open",
            (
                "REPEALABLE",
                GO128,
                "8051",
                "PUC 8051 does not apply to a chamber in which no person is intended or required to work.",
            ),
        ),
        (
            "6",
            "M-21",
            "Nearest edge of the manhole M-21 opening is 2 ft 6 in from the nearest rail of the Union Pacific spur "
            "track.",
            "32.8",
            "Open",
            (
                "VALID",
                GO128,
                "32.8",
                "Rule 32.8: not less than 3 ft from any rail; 2 ft 6 in is short and no Commission waiver is claimed.",
            ),
        ),
        (
            "7",
            "T-412",
            "Oil-filled pad-mounted transformer T-412 stands 2 ft 4 in from the wood-sided wall of the building at "
            "1180 Lawrence Station Rd.",
            "34.3",
            "Open",
            (
                "VALID",
                GO128,
                "34.3-D",
                "Rule 34.3-D: oil-filled equipment shall clear building surfaces by 3 ft (2 ft only for a "
                "noncombustible surface); a wood-sided wall is combustible, so 2 ft 4 in is short.",
            ),
        ),
        (
            "8",
            "T-415",
            "Oil-filled transformer T-415 clears the concrete wall by 2 ft 6 in.",
            "34.3",
            "Closed - compliant",
            None,
        ),
        (
            "9",
            "SW-7",
            "Dry-type (no oil) pad-mounted switch SW-7 is 10 in from the concrete parking-structure wall; auditor "
            "requires 3 ft.",
            "34.3",
            "Open",
            (
                "REPEALABLE",
                GO128,
                "34.3-D",
                "Rule 34.3-D: equipment not containing oil needs no specific clearance from buildings.",
            ),
        ),
        (
            "10",
            "T-412",
            "Ground resistance at transformer T-412 measured 41 ohms with a single 5/8 in by 8 ft ground rod.",
            "36.5",
            "Open",
            (
                "VALID",
                GO128,
                "21.5-A",
                "Rule 21.5-A: an effective ground needs less than 25 ohms or the equivalent of two 8 ft rods at 6 ft "
                "centers with #6 AWG copper; one rod at 41 ohms is neither.",
            ),
        ),
        (
            "11",
            "T-415",
            "Ground resistance at transformer T-415 measured 38 ohms; two 5/8 in by 8 ft copper-clad rods are driven "
            "full depth 8 ft apart and bonded with #4 AWG copper.",
            "36.5",
            "Open",
            (
                "REPEALABLE",
                GO128,
                "21.5-A",
                "Rule 21.5-A: where 25 ohms is not obtained, #6 AWG copper (here #4, larger) to two rods of at "
                "least 1/2 in x 8 ft at not less than 6 ft centers (here 8 ft) is an effective ground.",
            ),
        ),
        (
            "12",
            "T-420",
            "The secondary of single-phase 120/240 V three-wire transformer T-420 is grounded at one outer (line) "
            "conductor instead of at the mid point.",
            "36.5",
            "Open",
            (
                "VALID",
                GO128,
                "36.5-A",
                "Rule 36.5-A(1), Table 36.5-A Case 3: a 3-wire 120/240 V single-phase winding is grounded at the mid point.",
            ),
        ),
        (
            "13",
            "T-422",
            "Three-phase 120/208 V four-wire wye transformer T-422 is grounded at the common point of the windings; "
            "auditor requires a separate ground at each phase winding.",
            "36.5",
            "Open",
            (
                "REPEALABLE",
                GO128,
                "36.5-A",
                "Table 36.5-A Case 9: 4-wire star 120/208 V is grounded at the point common to all windings (or one "
                "conductor); no ground per phase winding is required.",
            ),
        ),
        (
            "14",
            "V-5",
            "Vault V-5 covers carry no owner name or identification marking.",
            "17.8",
            "Open",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Identification of covers is Rule 17.8, which the library does not reproduce.",
            ),
        ),
    ],
)


def audit_u1(path):
    a = U1
    m = a["metadata"]
    pdf = Doc(
        "Bayshore Electric - Underground Construction QA - Findings Register",
        "Form QA-UG-07 (Rev 4)   Retain with job package",
    )
    pdf.add_page()
    pdf.line_text("UNDERGROUND QA AUDIT - FINDINGS REGISTER", 13, "B", h=7)
    pdf.line_text("Manholes, splice boxes, pad-mounted equipment and grounding after cable replacement", 10)
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
            ("Audit Date:", "10/14/2025"),
            ("Score:", m["score"]),
        ],
    )
    pdf.para(
        "Scope: new manholes M-17 and M-19, existing M-14 and M-21, splice box SB-3, vault V-5, pad-mounted "
        "transformers T-412 to T-422 and switch SW-7. Dimensions by steel tape; ground resistance by fall-of-"
        "potential tester. Rows marked Open are go-backs; rows marked Closed - compliant are recorded for the "
        "file only.",
        size=9,
    )
    pdf.grid(
        ["No.", "Structure", "Finding", "Rule cited", "Status"],
        [r[:5] for r in a["rows"]],
        (10, 20, 104, 18, 28),
        size=8.5,
    )
    n_open = sum(1 for r in a["rows"] if r[4] == "Open")
    n_closed = len(a["rows"]) - n_open
    pdf.para(
        f"Notes: T-420 and T-422 secondary grounds to be re-inspected with the meter crew. Open go-backs: {n_open}. "
        f"Closed: {n_closed}.",
        size=9,
    )
    pdf.ln(3)
    pdf.para(f"Auditor: {m['auditor']}        Foreman: {m['foreman']}        Date: 10/14/2025", size=9)
    pdf.output(path)


# ---- U2: Non-Conforming Items (service laterals) -------------------------------------------------
U2 = dict(
    file="audits/UG-2-service-lateral-nci.pdf",
    metadata=dict(
        pm_number="35219402",
        notification_number="121011276",
        location="Oak Meadow Subdivision, Lots 12 - 30, Morgan Hill",
        contractor="Hillside Joint Trench Co.",
        foreman="Darnell Whitaker",
        auditor="Sofia Lindqvist",
        audit_date="2025-10-21",
        score="77.78% (98/126)",
    ),
    items=[
        (
            "Service conduit to Lot 14 is 2 in Schedule 40 PVC with no UL 651 marking visible on any length.",
            (
                "VALID",
                UC,
                "2",
                "062288 item 2A: Schedule 40 or 80 PVC is an acceptable alternative to DB-120 only if it is to UL 651 and so marked.",
            ),
        ),
        (
            "Service conduit to Lot 15 is hot-dip galvanized rigid steel conduit conforming to ANSI C80.1; inspector "
            "requires PVC.",
            (
                "REPEALABLE",
                UC,
                "2",
                "062288 item 2B: hot-dip galvanized rigid steel conduit to ANSI C80.1 is an acceptable alternative.",
            ),
        ),
        (
            "At Lot 17 a 2 in Schedule 80 PVC conduit is joined to 2 in DB-120 conduit and the inside edge of the "
            "spigot end is not chamfered.",
            (
                "VALID",
                UC,
                "2",
                "062288 item 2: where equal-diameter conduits of different wall thickness are joined, the spigot end must be chamfered inside.",
            ),
        ),
        (
            "Service conduit to Lot 18 under the landscaped parkway is not concrete-encased; inspector requires "
            "concrete encasement.",
            (
                "REPEALABLE",
                UC,
                "1",
                "062288 item 1A: residential installations needing conduit should be made without concrete encasement.",
            ),
        ),
        (
            "Service conduit to Lot 19 is not plugged or sealed at the secondary handhole (source end); water was "
            "standing in the conduit.",
            (
                "VALID",
                GO128,
                "31.6",
                "Rule 31.6: service conduits shall be sealed at the source of supply, such as the secondary handhole, and at the supply end of the customer's enclosure.",
            ),
        ),
        (
            "No as-built record was submitted for the 120/240 V service lateral to Lot 21, which runs entirely on "
            "private property outside the street right of way.",
            (
                "REPEALABLE",
                GO128,
                "17.7-A",
                "Rule 17.7-A(1): records are not required for 0 - 750 V supply services outside a public street or highway right of way.",
            ),
        ),
        (
            "The service lateral to Lot 30 crosses under the Union Pacific spur track in DB-120 conduit.",
            (
                "VALID",
                UC,
                "1",
                "062288 item 1D: any railroad crossing requires PVC Schedule 40 conduit to UL 651; DB-120 does not meet it.",
            ),
        ),
        (
            "In the Monarch Way joint trench the communication duct, installed concurrently with the supply conduit "
            "under the joint trench agreement of both parties, is 4 in from the supply conduit; both are rigid PVC. "
            "Inspector requires 12 in of earth.",
            (
                "REPEALABLE",
                GO128,
                "41.4-B",
                "Rule 41.4-B(2): concurrently installed communication and supply ducts may have less separation by "
                "mutual agreement when the ducts of both systems are rigid.",
            ),
        ),
        (
            "Gas service riser and electric meter panel at Lot 25 are 24 in apart.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Gas and electric meter separation (Greenbook 2.4.2.E) is not in this library.",
            ),
        ),
        (
            "Meter working space at Lot 26 is obstructed by an air-conditioning condenser set 28 in in front of the "
            "meter.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Meter working space is not covered by any document in this library.",
            ),
        ),
        (
            "Separation between the communication duct and the supply conduit at Lot 28 looks less than required; "
            "it was not measured.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Rule 41.4-B needs the separation, the medium and how the ducts were installed; the audit gives none.",
            ),
        ),
    ],
)


def audit_u2(path):
    a = U2
    m = a["metadata"]
    pdf = Doc(
        "Summit Field Inspection Services - Applicant-Installed Substructure Inspection for PG&E",
        "SFIS-UG-3 (Rev 2)   Copy to PG&E inspector and applicant",
    )
    pdf.add_page()
    pdf.line_text("APPLICANT INSTALLATION QA - SERVICE LATERALS AND JOINT TRENCH", 12.5, "B", h=7)
    pdf.ln(1)
    header_block(
        pdf,
        [
            ("PM #:", m["pm_number"]),
            ("Notification #:", m["notification_number"]),
            ("Contractor:", m["contractor"]),
            ("Foreman:", m["foreman"]),
            ("QA Inspector:", m["auditor"]),
            ("Date of Audit:", "October 21, 2025"),
            ("Audit Score:", m["score"]),
            ("Job Type:", "Residential UG services"),
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
        "Conduit, service laterals and the Monarch Way joint trench were inspected open-trench before backfill. "
        "Conduit installed by the applicant for PG&E is checked against PG&E Document 062288 and General Order "
        "128.",
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
    pdf.line_text("Items Inspected - Conforming:", 10.5, "B")
    for t in (
        "Service conduits to Lots 12, 13 and 16 are Schedule 40 PVC marked UL 651.",
        "Lot 20 service conduit sealed at the transformer and at the bottom of the meter panel.",
        "Pull tape installed in all service conduits.",
    ):
        pdf.para("- " + t, size=9.5, gap=0.4, indent=4)
    pdf.ln(2)
    pdf.line_text("Inspector Notes:", 10.5, "B")
    pdf.para(
        f"NCI from the 09/30/2025 visit (missing pull tape at Lot 16) is closed. Total Non-Conforming Items: "
        f"{len(a['items'])}. Re-inspection before backfill is required.",
        size=9.5,
    )
    pdf.output(path)


# ---- U3: QC checklist (customer-owned 12 kV campus) ----------------------------------------------
U3 = dict(
    file="audits/UG-3-campus-12kv-qc-checklist.pdf",
    metadata=dict(
        pm_number="35224417",
        notification_number="121018830",
        location="Sierra Vista College 12 kV loop (customer-owned), Switches S-2 - S-4, Gilroy",
        contractor="Valley High Voltage Electric",
        foreman="Marcus Oyelaran",
        auditor="Janet Kowalczyk",
        audit_date="2025-10-28",
        score="83.33% (100/120)",
    ),
    rows=[
        ("1", "Cable identification labels at switches?", "Yes", "Labels at S-3 and S-4 complete.", None),
        (
            "2",
            "Direct-buried 12 kV cable depth?",
            "No",
            "12 kV direct-buried cable between switch S-2 and transformer B-6 measured 30 in below grade.",
            (
                "VALID",
                T8,
                "2830",
                "Section 2830(c): direct-buried cable at least 36 in; 30 in is short and no armor or concrete is present.",
            ),
        ),
        (
            "3",
            "Direct-buried 12 kV cable depth (B-7)?",
            "No",
            "12 kV cable to transformer B-7 is 28 in deep under a 4 in red-dyed concrete cap poured over the cable.",
            (
                "REPEALABLE",
                T8,
                "2830",
                "Section 2830(c): lesser depth is permitted where at least 3 in of concrete protects the cable; 4 in is present.",
            ),
        ),
        (
            "4",
            "Direct-buried 12 kV cable depth (S-3 riser)?",
            "No",
            "12 kV cable is 14 in deep within 3 ft of the riser base at switch S-3, where it rises to the "
            "termination.",
            (
                "REPEALABLE",
                T8,
                "2830",
                "Section 2830(c) Exception: lesser depths are permitted where cables rise for terminations.",
            ),
        ),
        (
            "5",
            "Armored cable depth?",
            "No",
            "12 kV cable from switch S-4 to transformer B-8 is armored with two layers of 0.015 in steel tape and "
            "buried 24 in.",
            (
                "VALID",
                T8,
                "2830",
                "Section 2830(c): the armor exemption needs two layers of steel tape each at least 0.020 in; 0.015 in "
                "does not qualify, so 36 in applies and 24 in is short.",
            ),
        ),
        (
            "6",
            "Low-voltage feeder depth?",
            "No",
            "480 V feeder from the B-6 transformer secondary to the library switchboard is direct-buried at 26 in; "
            "inspector cites the 36 in high-voltage depth.",
            (
                "REPEALABLE",
                T8,
                "2706",
                "Section 2706(a): the High-Voltage Electrical Safety Orders apply only to systems over 600 V; the 480 V feeder is outside them.",
            ),
        ),
        (
            "7",
            "Insulation shielding?",
            "No",
            "The 4,160 V motor feeder cable to the chiller plant is nonshielded; inspector requires insulation "
            "shielding.",
            (
                "REPEALABLE",
                T8,
                "2830",
                "Section 2830(f): insulation shielding is required for cables normally operated above 5,000 V; 4,160 V is below.",
            ),
        ),
        (
            "8",
            "Cable identification labels (S-2)?",
            "No",
            "Cable labels at switch S-2 show the phase only, with no circuit designation or nearest sectionalizing "
            "point.",
            (
                "VALID",
                T8,
                "2830",
                "Section 2830(d): labels shall show at least phase and circuit designation and the nearest sectionalizing points.",
            ),
        ),
        (
            "9",
            "Vault TV-1 door?",
            "No",
            "Transformer vault TV-1 door and frame assembly is rated 20 minutes.",
            (
                "VALID",
                T8,
                "2805",
                "Section 2805(c): vault door openings need approved one-hour rated fire door and frame assemblies.",
            ),
        ),
        (
            "10",
            "Foreign piping in vault TV-1?",
            "No",
            "Fire sprinkler piping serving vault TV-1 passes through the vault; inspector requires its removal.",
            (
                "REPEALABLE",
                T8,
                "2805",
                "Section 2805(i) Exception: piping for vault fire protection is not foreign to the electrical installation.",
            ),
        ),
        (
            "11",
            "Vault TV-2 ceiling access?",
            "No",
            "The 85 lb ceiling access cover of vault TV-2 is not fastened in place.",
            (
                "VALID",
                T8,
                "2805",
                "Section 2805(d): ceiling access covers weighing less than 100 lb shall be securely fastened in place.",
            ),
        ),
        (
            "12",
            "Vault TV-2 ventilation?",
            "No",
            "Vault TV-2 ventilation appears inadequate; no temperature readings were taken.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Section 2805(g) turns on safe equipment temperatures; the audit records no reading.",
            ),
        ),
        ("13", "Vault drainage trap?", "N/A", "No sump in TV-1 or TV-2.", None),
        (
            "14",
            "Concrete encasement in buildings (over 35 kV)?",
            "N/A",
            "No cable above 35 kV on this job.",
            None,
        ),
    ],
)


def audit_u3(path):
    a = U3
    m = a["metadata"]
    pdf = Doc(
        "Valley High Voltage Electric - Contractor Quality Control - Customer-Owned High Voltage",
        "Form QC-HV-05 (Rev 1)   Retain with job package",
    )
    pdf.add_page()
    pdf.line_text("CONTRACTOR QUALITY CONTROL", 12.5, "B", h=7)
    pdf.line_text("QC CHECKLIST - UNDERGROUND HIGH-VOLTAGE CABLE AND VAULTS", 11, "B")
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
            ("Inspection Date:", "10/28/2025"),
            ("Score:", m["score"]),
        ],
        size=9,
    )
    pdf.para(
        "The 12 kV loop, 4,160 V chiller feeder and 480 V feeders are owned and maintained by the college (not "
        "utility property). Depths measured from grade to the top of the cable or cap. (If an item is not in "
        "compliance, mark 'No' and describe the condition found in Comments.)",
        size=8.5,
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
    pdf.para(f"QC Inspector: {m['auditor']}    Date: 10/28/2025    General Foreman: {m['foreman']}", size=9)
    pdf.output(path)


# ---- U4: narrative (downtown duct bank) -----------------------------------------------------------
U4 = dict(
    file="audits/UG-4-duct-bank-narrative.pdf",
    metadata=dict(
        pm_number="35230951",
        notification_number="121025519",
        location="2nd St and Market St duct bank, Manholes M-31 - M-34, San Jose",
        contractor="Metro Conduit & Civil, LLC",
        foreman="Tomasz Wierzbicki",
        auditor="Angela Ruiz-Parker",
        audit_date="2025-11-04",
        score="72.22% (104/144)",
    ),
    items=[
        (
            "The duct bank on 2nd St between M-31 and M-32, in the downtown core, carries four primary conduits "
            "direct-buried without concrete encasement.",
            (
                "VALID",
                UC,
                "1",
                "062288 item 1B: in densely populated urban areas, banks of more than three primary conduits will normally require concrete encasement.",
            ),
        ),
        (
            "The three-conduit (three-way) primary bank on Alder Ln serving the light-industrial park is installed "
            "without concrete encasement; auditor requires encasement.",
            (
                "REPEALABLE",
                UC,
                "1",
                "062288 item 1B: light commercial and industrial circuits of three-way or less should normally be installed without encasement.",
            ),
        ),
        (
            "The independently installed communication duct of Bayshore Fiber crosses the 8 in water main on "
            "Market St with 8 in of clearance; auditor requires 12 in.",
            (
                "REPEALABLE",
                GO128,
                "41.4-A",
                "Rule 41.4-A(1): 12 in applies when paralleling; 6 in when crossing. 8 in at a crossing complies.",
            ),
        ),
        (
            "The same communication duct parallels the 6 in gas main on Market St for 60 ft with 9 in of clearance.",
            (
                "VALID",
                GO128,
                "41.4-A",
                "Rule 41.4-A(1): at least 12 in when paralleling pipe systems; 9 in is short.",
            ),
        ),
        (
            "In the concrete-encased bank on 2nd St the communication ducts are separated from the supply ducts by "
            "4 in of concrete; auditor requires 12 in.",
            (
                "REPEALABLE",
                GO128,
                "41.4-B",
                "Rule 41.4-B(1): 3 in of concrete, 4 in of brick masonry or 12 in of earth; 4 in of concrete complies.",
            ),
        ),
        (
            "Communication handhole CH-6 is set in the landscaped median, where no vehicles can reach it, with a "
            "pedestrian-rated lid rather than H-20; auditor cites Rule 42.3.",
            (
                "REPEALABLE",
                GO128,
                "42.3",
                "Rule 42.3 requires H-20-44 loading only in street areas subject to vehicular traffic; the median is not.",
            ),
        ),
        (
            "Supply handhole H-12 in the Market St parking lane has a lid with no load rating marked.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Strength of supply handholes is Rule 32.3, not reproduced; Rule 42.3 governs communication "
                "structures only.",
            ),
        ),
        (
            "The cover of communication manhole CM-3 can be lifted by hand without a tool; the lifting lug is loose "
            "and no bolts are fitted.",
            (
                "VALID",
                GO128,
                "42.7",
                "Rule 42.7: covers shall be arranged so that a tool or appliance is needed to open and remove them.",
            ),
        ),
        (
            "Manhole M-32, which crews enter to work, has 6 in of standing water on the floor and its sump is not "
            "connected.",
            (
                "VALID",
                GO128,
                "8055",
                "PUC Section 8055 (Appendix D): manholes shall be kept free from stagnant water, by sewer connection or otherwise.",
            ),
        ),
        (
            "Splice box SB-7 (24 in deep, not intended for anyone to enter) holds standing water; auditor cites the "
            "manhole drainage requirement.",
            (
                "REPEALABLE",
                GO128,
                "8055",
                "PUC 8055 does not apply to a chamber in which no person is intended or required to work.",
            ),
        ),
        (
            "Manhole M-34 appears smaller than the required size; no inside dimensions were taken.",
            (
                "NEEDS_REVIEW",
                None,
                None,
                "Rule 32.4 and PUC 8051 set 4 ft and 5 ft minimums, but the audit gives no measurement.",
            ),
        ),
    ],
)


def audit_u4(path):
    a = U4
    m = a["metadata"]
    pdf = Doc(
        "Bayshore Electric - Underground Construction Inspection - Field Audit Narrative",
        "UCI-N (Rev 3)   Internal",
    )
    pdf.add_page()
    pdf.line_text("FIELD AUDIT NARRATIVE - 2ND ST / MARKET ST DUCT BANK", 12.5, "B", h=7)
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9.5)
    for k, v in (
        ("PM", m["pm_number"]),
        ("Notification", m["notification_number"]),
        ("Location", m["location"]),
        ("Contractor", m["contractor"]),
        ("Foreman", m["foreman"]),
        ("Auditor", m["auditor"]),
        ("Audit date", "2025-11-04"),
        ("Score", m["score"]),
    ):
        pdf.multi_cell(0, 5, clean(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para(
        "The auditor walked the open trench on 2nd St and Market St and the Alder Ln extension with the foreman, "
        "and entered manholes M-31 to M-34. The communication facilities in the trench belong to Bayshore Fiber "
        "and were installed independently of the supply ducts except where the narrative says otherwise. Each "
        "go-back below must be corrected and photographed before the job can close.",
        size=10,
        h=5.2,
    )
    pdf.ln(1)
    pdf.line_text("Structures inspected", 10, "B")
    pdf.grid(
        ["Structure", "Type", "Owner", "Entered"],
        [
            ["M-31 / M-32", "Supply manhole", "Bayshore Electric", "Yes"],
            ["M-34", "Supply manhole", "Bayshore Electric", "Yes"],
            ["SB-7", "Splice box", "Bayshore Electric", "No (not for entry)"],
            ["CM-3, CH-6", "Communication manhole, handhole", "Bayshore Fiber", "No"],
        ],
        (40, 60, 45, 35),
        size=9,
    )
    pdf.line_text("Go-backs", 10.5, "B")
    pdf.ln(1)
    for text, _ in a["items"]:
        pdf.ensure(13)  # keep each paragraph on one page
        pdf.para(f"**Go-back Infraction:** {text}", size=10, h=5.6, gap=3.6, markdown=True)
    pdf.ln(1)
    pdf.para(
        "**Compliant items observed:** M-31 access opening is 30 in round with a fixed ladder; the Alder Ln "
        "conduits are Schedule 40 PVC marked UL 651; CM-3 and CH-6 carry the owner's name on the covers.",
        size=10,
        h=5.2,
        gap=3,
        markdown=True,
    )
    pdf.para(
        "**Recommendation:** consider a cathodic-protection test station at the Market St gas crossing at the "
        "next outage. This is not a go-back.",
        size=10,
        h=5.2,
        gap=3,
        markdown=True,
    )
    pdf.para("Photo log: M-32 (IMG_4410 to IMG_4418), SB-7 (IMG_4420), CM-3 (IMG_4425 to IMG_4427).", size=9)
    pdf.ln(4)
    pdf.para(f"Auditor: {m['auditor']}    Reviewed with foreman {m['foreman']} on 2025-11-04.", size=9.5)
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/GO-128-Sections-I-IV.pdf",
        GO128,
        "General Order 128, Sections I-IV: Rules 14, 17.3, 17.7-A, 20.9, 21.4, 21.5-A, 22.1, 23.4, 23.7, 31.5, 31.6, "
        "32.4, 32.5, 32.8, 34.3-A to D (with the Rule 17, 31, 32 and 33 indexes), 36.4, 36.5-A (Table 36.5-A), 41.4-A/B (Table 41.4-S), 42.3, 42.7, 43.4; "
        "Appendix A Table 2; Appendix D (PUC 8051, 8055) (excerpt)",
        "Library 1",
        spec_go128,
    ),
    (
        "specs/062288-Underground-Conduits.pdf",
        UC,
        "PG&E Document 062288, Underground Conduits (UG-1: Conduits, Greenbook), Rev. #17: Purpose and Scope, "
        "General Information 1-2 (excerpt)",
        "17",
        spec_062288,
    ),
    (
        "specs/CCR-T8-HVESO.pdf",
        T8,
        "California Title 8 High-Voltage Electrical Safety Orders: Sections 2706(a), 2805, 2823(a), 2830 (Table "
        "2830-S) (excerpt)",
        "Library 1",
        spec_t8,
    ),
]
AUDITS = [(U1, audit_u1), (U2, audit_u2), (U3, audit_u3), (U4, audit_u4)]


def labelled(a):
    if a is U1:
        return [(r[2], r[5]) for r in a["rows"] if r[5]]
    if a is U3:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    return a["items"]


def expected():
    out = {
        "name": "realtext-ug",
        "organization": "California underground distribution and service construction (fictional audits)",
        "note": (
            "Blind corpus written from CPUC General Order 128 rule pages, PG&E document 062288 (a Greenbook "
            "document) and California Title 8 High-Voltage Electrical Safety Orders, read through the search "
            "tool's stored pages; wording condensed (see README). Labels by hand from the clause text, without "
            "reading the product code. 'why' is ignored by score.py. audit_date values are ISO; UG-1 and UG-3 "
            "print MM/DD/YYYY, UG-2 'Month D, YYYY', UG-4 ISO."
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
        repeated = []
        for f, doc, _, _, _ in SPECS:
            pages = [p.extract_text() for p in pypdf.PdfReader(os.path.join(d1, f)).pages]
            if f"Document: {doc}" not in "".join(pages):
                print("no document id in", f)
                ok = False
            for head in (
                "Point to be grounded",
                "Nature of clearance or dimension",
                "Systems of more than 600 V",
            ):
                on = [i + 1 for i, p in enumerate(pages) if head in p]
                if len(on) > 1:
                    repeated.append((f, head, on))
        if not repeated:
            print("no spec table repeats its header on a second page")
            ok = False
        for f, head, on in repeated:
            print(f"table header {head!r} in {f} on pages {on}")
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
