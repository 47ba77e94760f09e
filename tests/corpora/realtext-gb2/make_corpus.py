#!/usr/bin/env python3
"""Build the realtext-gb2 evaluation corpus (specs, audits, expected.json).

usage: make_corpus.py [--check]

Electric metering, gas meter separation, underground conduit and underground substructure work: a library
restating parts of PG&E's Electric and Gas Service Requirements (Greenbook, TD-7001M), PG&E Document 062288
(Underground Conduits) and CPUC General Order 128, plus four fictional QA audits in four layouts.

Deterministic: the same PDFs come out byte for byte on every run. --check builds the corpus twice in
temporary directories, compares the bytes, and checks with pypdf that every spec prints "Document: <id>",
that GO 128 Appendix A Table 2 repeats its header row on a second page, that the PM and notification numbers
and every labelled infraction text are printed in their audit, and that NEEDS_REVIEW is the only verdict
without a document.
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

_REPL = {
    "\u2013": "-",
    "\u2014": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
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
# PDF base (layout helpers follow realtext-osha/make_corpus.py)
# --------------------------------------------------------------------------------------------------
class Doc(FPDF):
    def __init__(self, head, foot):
        super().__init__(format="letter", unit="mm")
        self.head, self.foot = clean(head), clean(foot)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(FIXED_DATE)
        self.set_creator("realtext-gb2 make_corpus.py")
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

    def grid(self, headers, rows, widths, size=8.5, header_fill=(225, 225, 225)):
        self.set_font("Helvetica", "", size)
        style = FontFace(emphasis="BOLD", fill_color=header_fill)
        with self.table(
            col_widths=widths,
            headings_style=style,
            line_height=4.4,
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


DISCLAIMER = (
    "This library copy restates the substance of the listed provisions. Section, item and rule numbers, "
    "values, exceptions and notes follow the pages read; the wording is condensed. Text in square brackets "
    "is the library's own. Where this copy and the official text differ, the official text governs."
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


def note(pdf, text):
    pdf.para(text, size=8.5, h=4.2, gap=1.2)


def sub(pdf, text):
    pdf.para(text, indent=5, gap=1.0)


GB = "TD-7001M"
UGC = "062288"
GO128 = "GO-128"
T2_HEAD = "Nature of clearance or depth"


# --------------------------------------------------------------------------------------------------
# Spec 1: Greenbook (TD-7001M) excerpt
# --------------------------------------------------------------------------------------------------
def spec_greenbook(path):
    doc = GB
    pdf = Doc(
        f"PG&E Electric and Gas Service Requirements (Greenbook) - excerpt - Document {doc}",
        f"{doc}   Library revision 1   Wording condensed; the Greenbook governs",
    )
    title_block(
        pdf,
        [
            ("Pacific Gas and Electric Company (PG&E)", 10),
            ("Electric and Gas Service Requirements (Greenbook)", 14),
            ("Gas meter-set separation and electric meter installation (excerpt)", 11),
        ],
        [
            "Manual number TD-7001M (the inside title page of the 2017 and 2020 editions prints TD-7100M). "
            "Section numbers as the pages read give them; see the bracketed notes where this library placed a "
            "requirement under a number it could not read.",
        ],
        doc,
        "2016 edition as read (library revision 1)",
        "July 2016",
        "Front matter (purpose); 2.4.2 Gas meter-set locations (item E, values not reproduced); 5.4.1 meter "
        "height and working space; 5.4.2 meters in enclosures; 5.4.3 location of the main service disconnect",
    )

    pdf.band("Front matter - Purpose of the manual")
    pdf.para(
        "The Greenbook is a guide to PG&E's requirements and policies for establishing electric and gas service "
        "to new or remodeled applicant installations. Local or state officials may add provisions for equipment "
        "and materials within their own jurisdiction. Applicant gas and electric service and meter installation "
        "arrangements are subject to PG&E's review and approval, and applicants should contact their local PG&E "
        "representative early in planning. The online version is updated as changes occur and governs over the "
        "bound copy."
    )

    pdf.band("Section 2 - Gas Service")
    pdf.heading("2.4.2", "Gas Meter-Set Locations")
    pdf.para(
        "Gas meter-set locations must be approved by PG&E's service planners before the gas service lateral is "
        "installed. [The general location requirements A to D of 2.4.2 are not reproduced.]"
    )
    sub(
        pdf,
        "E. Separation and openings: (1) minimum separation between gas meter sets and electric meters, shown "
        "in Figure 2-20; (2) clearances of the meter set from building openings, vents and windows, shown in "
        "Figure 2-21. [Figures 2-20 and 2-21 and the distances they give are not reproduced in this library.]",
    )
    note(
        pdf,
        "[Because the Figure 2-20 and 2-21 distances are not reproduced, this library cannot decide whether a "
        "measured separation between a gas meter set and an electric meter, or between a meter set and a "
        "window or vent, complies.]",
    )

    pdf.band("Section 5 - Electric Metering: General (selected)")
    pdf.heading("5.4.1", "Meter Height and Working Space [number placed by this library]")
    sub(
        pdf,
        "A. Meter height is measured vertically from the ground or standing surface (finished grade, a walk, "
        "a patio slab or a deck on which the meter reader stands) to the centerline of the meter. The centerline "
        "shall be not less than 48 inches and not more than 75 inches above the ground or standing surface.",
    )
    sub(
        pdf,
        "B. A clear, level working space shall be kept in front of every meter: at least 36 inches deep, "
        "measured out from the face of the meter, and at least 30 inches wide. [The required height of the "
        "working space is not reproduced.] The working space shall not be used for storage.",
    )
    note(
        pdf,
        "[The 48-inch minimum was read as quoted from the Greenbook; the 75-inch maximum and the 36 by 30 inch "
        "working space are restated as generally published and were not read on a PG&E page. The Greenbook "
        "number of these requirements was not read; 5.4.1 is this library's placement.]",
    )
    pdf.heading("5.4.2", "Meters in Enclosures")
    pdf.para(
        "Where a meter is set inside a cabinet or recessed enclosure, PG&E's enclosure detail applies. The "
        "detail concerns the meter itself (its enclosure, not the service equipment around it). [The "
        "enclosure drawing and its dimensions are not reproduced.]"
    )
    pdf.heading("5.4.3", "Location of the Main Service Disconnect [number placed by this library]")
    pdf.para(
        "Except for transformer-rated metering equipment, applicants do not have to place the main service "
        "disconnect switch next to the meter. The switch may be inside or outside the building served, as the "
        "applicable electrical codes describe."
    )
    note(
        pdf,
        "[Read as quoted from the 2016 Greenbook. For transformer-rated (current-transformer) metering the "
        "exception does not apply, and the main service disconnect is to be adjacent to the metering "
        "equipment.]",
    )
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# Spec 2: PG&E Document 062288, Underground Conduits
# --------------------------------------------------------------------------------------------------
def spec_062288(path):
    doc = UGC
    pdf = Doc(
        f"PG&E UG-1: Conduits - UNDERGROUND CONDUITS - Document {doc}",
        f"{doc}   Rev. #19 (library copy)   Wording condensed; the PG&E document governs",
    )
    title_block(
        pdf,
        [
            ("Pacific Gas and Electric Company - Electric Distribution - Design and Construction", 10),
            ("UNDERGROUND CONDUITS", 14),
            ("UG-1: Conduits (also published in the Greenbook)", 11),
        ],
        [
            "Rev. #19 replaces Document 062288, Rev. #18. Issued 12-17-20. Purpose and Scope and General "
            "Information items 1 to 4 only.",
        ],
        doc,
        "Rev. #19",
        "2020-12-17",
        "Purpose and Scope; General Information 1 (A to C), 2, 3, 4 (with the alternatives A and B)",
    )
    pdf.band("Purpose and Scope")
    pdf.para(
        "This document covers steel and plastic conduit for electric underground installations, with or "
        "without concrete encasement."
    )
    pdf.band("General Information")
    pdf.heading("1", "[Applications for underground conduit]")
    sub(
        pdf,
        "A. Residential: all residential installations that require conduit should be made without concrete "
        "encasement.",
    )
    sub(
        pdf,
        "B. Light commercial, industrial and underground residential distribution (URD) feeder: circuits of "
        "this type that are three-way or less should normally be installed without concrete encasement. In "
        "densely populated urban areas, conduit banks of more than three primary conduits will normally "
        "require concrete encasement.",
    )
    sub(
        pdf,
        "C. Severe exposure to dig-ins and other hazards may require concrete encasement of conduit lines.",
    )
    pdf.heading("2", "[Conduit purchased by PG&E]")
    pdf.para(
        "In April 2020 PG&E stopped purchasing rigid PVC DB-120 conduit, couplings, fittings and bends for its "
        "electric distribution system. PG&E now purchases rigid single-wall or co-extruded cellular-core-wall "
        "PVC Schedule 40 conduit, couplings and fittings."
    )
    pdf.heading("3", "[Interchangeability]")
    pdf.para(
        "Rigid single-wall or co-extruded cellular-core-wall PVC Schedule 40 conduit, couplings, fittings and "
        "bends are interchangeable with the corresponding rigid PVC DB-120 items, because the two materials "
        "have the same outside diameters."
    )
    pdf.heading("4", "[Conduit installed for PG&E by others]")
    pdf.para(
        "When conduit, including service conduit, is installed for PG&E by others, it must meet the "
        "requirements of this document. The following are also acceptable alternatives to the required rigid "
        "single-wall or co-extruded cellular-core-wall PVC Schedule 40 conduit:"
    )
    sub(
        pdf,
        "A. single-wall and co-extruded cellular-core-wall PVC Schedule 40 or 80 UL 651 conduit that is so marked;",
    )
    sub(pdf, "B. hot-dip galvanized rigid steel conduit conforming to ANSI Specification C80.1.")
    pdf.para(
        "The installer is responsible for using the proper fitting to join conduits; the transition may change "
        "both conduit type and size. Where conduits of equal diameter but different wall thickness are joined, "
        "the inside edge of the spigot end must be chamfered."
    )
    note(
        pdf,
        "[The Rev. #19 page read was cut off inside item 4; the alternatives A and B and the paragraph on "
        "fittings are restated from item 2 of Rev. #17, which reads the same up to that point. Whether Rev. #19 "
        "lists DB-120 among the alternatives was not read. Conduit sizes, bend radii, depths and the rest of the "
        "document are not reproduced.]",
    )
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# Spec 3: General Order 128 excerpt
# --------------------------------------------------------------------------------------------------
def spec_go128(path):
    doc = GO128
    pdf = Doc(
        f"General Order 128 - Underground Electric Supply and Communication Systems - Document {doc}",
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
            "Adopted October 17, 1967, effective December 12, 1967 (Decisions 73195 and 73462); current text "
            "except where a rule heading says Original GO 128 text.",
        ],
        doc,
        "Library revision 1",
        "January 2006 edition",
        "Rules 14, 17 (index), 20.9, 30, 31 (index), 31.5 (Original), 31.6, 32.5 (Original), 34.3 (Original), "
        "Appendix A Table 2 (Original)",
    )
    pdf.band("Section I - General Provisions")
    pdf.heading("14", "Limiting Conditions Specified")
    pdf.para(
        "Spacing, clearance and strength requirements in these rules are limiting conditions, stated as minimum "
        "or maximum values. Where two or more requirements set limiting conditions, the most stringent one "
        "shall be met, which also satisfies the others. More strength or more ample spacing and clearance than "
        "specified may be provided where other requirements are not violated."
    )
    pdf.heading("17", "Requirements for All Supply and Communication Systems (index)")
    pdf.para(
        "Rule 17 applies to all underground supply and communication systems: 17.1 Design, Construction and "
        "Maintenance; 17.2 Inspection; 17.3 Location; 17.4 Joint Use of Excavations and Facilities; 17.5 Two or "
        "More Systems; 17.6 Encroachments; 17.7 Location Information; 17.8 Identification of Manholes, Handholes "
        "and Subsurface Equipment Enclosures; 17.9 Measurements; 17.10 Backfill of Excavations. [The text of "
        "17.1 to 17.10 is not reproduced.]"
    )
    pdf.band("Section II - Definitions")
    pdf.heading("20.9", "Cover")
    pdf.para(
        "Cover means the radial distance between the surface of an underground cable or conduit and grade."
    )
    pdf.band("Section III - Requirements for Supply Systems")
    pdf.heading("30", "General")
    pdf.para(
        "These rules cover construction of supply systems, supplemented in some cases by rules of other "
        "sections. Supply systems include cables, conductors, fused devices, switches, transformers and "
        "associated equipment installed underground, on the surface and in buildings, buried or in ducts, "
        "conduits, manholes, handholes or a combination. Terminating and access points may be above or below "
        "ground and on or in buildings."
    )
    pdf.heading("31", "Duct Systems (index)")
    pdf.para(
        "Open trenching, tunneling, boring, jacking, plowing and submersion in water, alone or combined, are "
        "recognized methods of installing duct systems. 31.1 Definition; 31.2 Maintenance and Inspection; 31.3 "
        "Construction; 31.4 Clearances and Depths; 31.5 Risers and Other Above-ground Terminations; 31.6 "
        "Sealing Service Laterals. [The text of 31.1 to 31.4, including all depth and cover requirements, is "
        "not reproduced.]"
    )
    pdf.heading("31.5", "Risers and Other Above-Ground Terminations [Original GO 128 text]")
    sub(
        pdf,
        "A. Poles: supply system risers on poles shall be installed in accordance with General Order No. 95. [GO 95 is not reproduced in this library.]",
    )
    sub(
        pdf,
        "B. Other above-ground terminations: supply duct systems, suitably protected, may terminate above ground "
        "or in buildings, in enclosures designed for the purpose, in pad-mounted transformers, in pedestals, or "
        "in other suitable terminal facilities (Appendix C, Fig. 1).",
    )
    sub(pdf, "C. Services: see Rule 33.5-C. [Not reproduced.]")
    sub(
        pdf,
        "D. Clearances from railroad tracks: above-ground terminations and facilities next to railroad tracks "
        "follow General Orders 26-D and 118. [Not reproduced.]",
    )
    pdf.heading("31.6", "Sealing Service Laterals")
    pdf.para(
        "Service conduits by which water may enter buildings shall be suitably plugged or sealed at the source "
        "of supply, such as the utility's transformer or secondary handhole, and at the supply end of the "
        "conduit where it enters the bottom of the customer's terminating enclosure."
    )
    note(
        pdf,
        "Note: the utility may require the customer or contractor to provide a means of preventing the "
        "accumulation of excess water or water pressure in the service lateral conduit. (Revised April 13, 1970 "
        "by Decision 76790 and January 13, 2006 by Decision 05-01-030.)",
    )
    pdf.heading("32.5", "Openings [Original GO 128 text]")
    pdf.para(
        "No manhole access opening shall be less than 26 inches in diameter if circular, or 26 inches by 24 "
        "inches if rectangular. Safe access shall be provided from the opening to the floor or other working "
        "surface (Appendix B, Fig. 9)."
    )
    pdf.heading("34.3", "Self-Contained Surface-Mounted Equipment [Original GO 128 text]")
    pdf.para(
        "Equipment installed partly or wholly above the ground surface and not enclosed by a vault, room or "
        "fence shall conform to the following:"
    )
    sub(
        pdf,
        "A. Strength: the case or enclosure shall be secured in place and strong enough to resist entry or "
        "damage by unauthorized persons.",
    )
    sub(
        pdf,
        "B. Guarding live parts: compartments and enclosures that contain exposed live parts in normal "
        "operation shall be designed and installed so that a person cannot pass a wire or other conducting "
        "material into the closed compartment from outside. This does not prevent normal work such as fishing "
        "ducts and installing cable.",
    )
    sub(
        pdf,
        "C. Locking: compartments and enclosures shall be secured against entry by unauthorized persons by locks or other suitable means.",
    )
    sub(
        pdf,
        "D. Clearance from buildings: equipment containing oil shall be located so that its nearest metal parts "
        "clear the surface of buildings by not less than 3 feet.",
    )
    sub(pdf, "Exception: this clearance may be reduced to 2 feet if the building surface is noncombustible.")
    sub(
        pdf,
        "Equipment not containing oil needs no specific clearance from buildings and may be incorporated into the building structure.",
    )

    pdf.band("Appendix A - Summary of Dimensions, Clearances and Depth Requirements [Original GO 128 text]")
    pdf.heading(
        "Appendix A, Table 2",
        "Miscellaneous Dimensions and Clearance Requirements for Supply and Communication Systems",
    )
    # Start the table near the foot of a page so that it crosses the page break with its header repeated.
    left = pdf.h - pdf.b_margin - pdf.get_y()
    if left > 44:
        pdf.ln(left - 44)
    pdf.grid(
        ["Case", T2_HEAD, "Requirement", "Reference rules"],
        [
            [
                "1",
                "From railroad tracks, of risers and other above-ground terminations",
                "General Orders 26-D and 118",
                "31.5-D, 33.5-D, 41.5-C, 43.4",
            ],
            [
                "2",
                "Size and shape of manholes",
                "Minimum inside dimension 4 feet by 5 feet high; see Public Utilities Code Section 8051",
                "32.4, 42.4",
            ],
            [
                "3",
                "Manhole openings",
                "Not less than 26 in diameter, or 26 x 24 in rectangular",
                "32.5, 42.5",
            ],
            [
                "4",
                "Manhole location",
                "Manhole openings not less than 3 feet from any railroad rail",
                "32.8, 42.8",
            ],
            [
                "5",
                "Sectionalizing switches",
                "Maximum height of operating handles and viewing windows: 6-1/2 feet",
                "-",
            ],
            [
                "6",
                "Oil-filled equipment",
                "From building surface: 3 feet; from noncombustible building surface: 2 feet",
                "34.3-D",
            ],
        ],
        (14, 56, 70, 40),
        size=8.5,
    )
    note(
        pdf,
        "Dimensions and clearances shown may be reduced under certain conditions; see the referenced rules. [Case numbers and the 34.3-D reference in case 6 are the library's.]",
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


def V(doc, sec, why):
    return ("VALID", doc, sec, why)


def R(doc, sec, why):
    return ("REPEALABLE", doc, sec, why)


def N(why):
    return ("NEEDS_REVIEW", None, None, why)


# ---- A1: findings register (meter sets) -----------------------------------------------------------
A1 = dict(
    file="audits/GB2-1-meter-set-findings-register.pdf",
    metadata=dict(
        pm_number="35318842",
        notification_number="122104377",
        location="Almond Grove Estates, Lots 1 - 24, Oakdale Road, Stanislaus County",
        contractor="Valley Oak Electric, Inc.",
        foreman="Ricardo Mendes",
        auditor="Hannah Lindqvist",
        audit_date="2025-11-04",
        score="81.25% (130/160)",
    ),
    # (No., Location, Finding, Reference cited, Status, label or None)
    rows=[
        (
            "1",
            "Lot 1",
            "Meter socket, ringless cover and sealing ring in place; socket level and plumb.",
            "Greenbook",
            "Closed - compliant",
            None,
        ),
        (
            "2",
            "Lot 2",
            "Meter socket centerline measured 44 in above finished grade at the new service.",
            "Greenbook 5.4.1",
            "Open",
            V(
                GB,
                "5.4.1",
                "5.4.1-A: centerline at least 48 in above the ground or standing surface; 44 in is 4 in low.",
            ),
        ),
        (
            "3",
            "Lot 3",
            "Meter centerline measured 4 ft 2 in above finished grade; auditor requires the 5 ft 0 in preferred height.",
            "Greenbook",
            "Open",
            R(
                GB,
                "5.4.1",
                "5.4.1-A: 48 in to 75 in; 4 ft 2 in = 50 in complies. No 5 ft preferred height is in the clause.",
            ),
        ),
        (
            "4",
            "Lot 5",
            'Meter centerline set at 78" above the patio slab (GO 95 Rule 54.8).',
            "GO 95 Rule 54.8",
            "Open",
            V(
                GB,
                "5.4.1",
                "Meter height is governed by the Greenbook, not GO 95 Rule 54.8 (service drops). 5.4.1-A maximum 75 in above the standing surface; 78 in is 3 in high.",
            ),
        ),
        (
            "5",
            "Lot 6",
            "Meter centerline measured 1.85 m above finished grade; auditor applied a 72 in maximum.",
            "Greenbook 5.4.1",
            "Open",
            R(
                GB,
                "5.4.1",
                "1.85 m = 72.8 in, within the 48 - 75 in range of 5.4.1-A; the 72 in maximum the auditor used is not the clause's.",
            ),
        ),
        (
            "6",
            "Lot 8",
            "Meter centerline 48 in above the wood deck the meter reader stands on (grade below the deck is 30 in lower); auditor measured from grade and recorded 78 in.",
            "Greenbook 5.4.1",
            "Open",
            R(
                GB,
                "5.4.1",
                "5.4.1-A measures from the ground or standing surface; the deck is the standing surface, so the height is 48 in, the minimum, and complies.",
            ),
        ),
        (
            "7",
            "Lot 9",
            "Meter centerline measured 3 ft 10 in above the concrete walk.",
            "Greenbook",
            "Open",
            V(GB, "5.4.1", "3 ft 10 in = 46 in, below the 48 in minimum of 5.4.1-A."),
        ),
        (
            "8",
            "Lot 11",
            "Clear working space in front of the meter face is 30 in deep, limited by a block garden wall.",
            "Greenbook 5.4.1",
            "Open",
            V(GB, "5.4.1", "5.4.1-B: at least 36 in deep from the face of the meter; 30 in is short."),
        ),
        (
            "9",
            "Lot 12",
            "Working space in front of the meter measured 40 in deep and 32 in wide; auditor cites insufficient working space per Greenbook 5.4.2.",
            "Greenbook 5.4.2",
            "Open",
            R(
                GB,
                "5.4.1",
                "The meter is surface-mounted, so 5.4.2 (enclosures) does not govern; 5.4.1-B needs 36 in deep and 30 in wide, and 40 in by 32 in complies.",
            ),
        ),
        (
            "10",
            "Lot 14",
            "A water-heater closet roof overhangs the meter working space at 5 ft 10 in above grade.",
            "Greenbook 5.4.1",
            "Open",
            N(
                "The height the working space must keep clear is not reproduced in the library (5.4.1-B), so 5 ft 10 in cannot be compared."
            ),
        ),
        (
            "11",
            "Lot 15",
            "Main service disconnect installed in the garage, 22 ft from the self-contained 200 A meter socket on the exterior wall; auditor requires the disconnect adjacent to the meter.",
            "Greenbook",
            "Open",
            R(
                GB,
                "5.4.3",
                "5.4.3: except for transformer-rated metering, the main disconnect need not be next to the meter; a self-contained 200 A socket is not transformer-rated.",
            ),
        ),
        (
            "12",
            "Clubhouse",
            "Transformer-rated (CT) metering cabinet on the east wall; main service disconnect installed on the west wall of the building, not adjacent to the metering.",
            "Greenbook",
            "Open",
            V(
                GB,
                "5.4.3",
                "5.4.3: the permission to place the disconnect away from the meter excludes transformer-rated metering equipment.",
            ),
        ),
        (
            "13",
            "Lot 18",
            "Gas meter regulator vent is 24 in from the electric meter panel (Greenbook 2.4.2).",
            "Greenbook 2.4.2",
            "Open",
            N(
                "2.4.2-E refers to Figure 2-20 for the gas-electric separation, whose distance is not reproduced in the library."
            ),
        ),
        (
            "14",
            "Lot 20",
            "Meter working space 48 in deep, level, clear of storage.",
            "Greenbook",
            "Closed - compliant",
            None,
        ),
    ],
)


def audit_a1(path):
    a = A1
    m = a["metadata"]
    pdf = Doc(
        "Electric Service Installation QA - Meter Set Findings Register (fictional audit)",
        "Form QA-MS-07 (Rev 3)   Retain with job package",
    )
    pdf.add_page()
    pdf.line_text("METER SET QA AUDIT - FINDINGS REGISTER", 13, "B", h=7)
    pdf.line_text(
        "New residential subdivision services: meter heights, working space, disconnects, gas separation", 10
    )
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
            ("Audit Date:", "11/04/2025"),
            ("Score:", m["score"]),
        ],
    )
    pdf.para(
        "Heights measured with a tape from the surface named in the finding to the meter centerline. Rows marked "
        "Open are go-backs; rows marked Closed - compliant are recorded for the file only.",
        size=9,
    )
    pdf.grid(
        ["No.", "Location", "Finding", "Reference cited", "Status"],
        [r[:5] for r in a["rows"]],
        (10, 20, 102, 24, 24),
        size=8.5,
    )
    n_open = sum(1 for r in a["rows"] if r[4] == "Open")
    pdf.para(f"Open go-backs: {n_open}. Closed: {len(a['rows']) - n_open}.", size=9)
    pdf.ln(3)
    pdf.para(f"Auditor: {m['auditor']}        Foreman: {m['foreman']}        Date: 11/04/2025", size=9)
    pdf.output(path)


# ---- A2: narrative inspection letter (pad-mounted equipment, GO 128) --------------------------------
A2 = dict(
    file="audits/GB2-2-padmount-inspection-letter.pdf",
    metadata=dict(
        pm_number="35322019",
        notification_number="122108863",
        location="Oak Court subdivision, Lots 9 - 31, Ripon",
        contractor="Delta Underground Constructors",
        foreman="Marcus Bell",
        auditor="Sofia Antonelli",
        audit_date="2025-11-12",
        score="72.50% (116/160)",
    ),
    items=[
        (
            "The oil-filled pad-mounted transformer at Lot 14 is 2 ft 4 in from the wood lap siding of the garage wall.",
            V(
                GO128,
                "34.3",
                "34.3-D: oil-filled equipment at least 3 ft from buildings; the 2 ft reduction needs a noncombustible surface, and wood lap siding is combustible. 28 in is short.",
            ),
        ),
        (
            "The oil-filled pad-mounted transformer at Lot 9 sits 26 inches from the concrete block wall of the pump house; the inspector requires 3 ft.",
            R(
                GO128,
                "34.3",
                "34.3-D exception: 2 ft where the building surface is noncombustible (concrete block); 26 in complies.",
            ),
        ),
        (
            "The dry-type (no oil) secondary switch enclosure is mounted 8 in from the building wall.",
            R(
                GO128,
                "34.3",
                "34.3-D: equipment not containing oil needs no specific clearance from buildings.",
            ),
        ),
        (
            "The oil-filled transformer at Lot 22 is 20 in from the tilt-up concrete wall.",
            V(
                GO128,
                "34.3",
                "Even with the noncombustible reduction of 34.3-D the minimum is 2 ft (24 in); 20 in is short.",
            ),
        ),
        (
            "The transformer at Lot 31 appears too close to the residence; no distance was recorded and the wall construction was not noted.",
            N("No distance, no oil/no-oil statement and no wall material: 34.3-D cannot be applied."),
        ),
        (
            "The secondary compartment of the pad-mount at Lot 14 had no padlock or other locking means at the time of inspection.",
            V(
                GO128,
                "34.3",
                "34.3-C: compartments shall be secured against unauthorized entry by locks or other suitable means.",
            ),
        ),
        (
            "The pad-mounted switch case at Lot 9 is not anchored to its pad and rocks when pushed.",
            V(GO128, "34.3", "34.3-A: the case shall be secured in place."),
        ),
        (
            "A gap of about 1/2 in at the bottom of the primary compartment door would let a wire be passed into the compartment containing exposed live parts.",
            V(
                GO128,
                "34.3",
                "34.3-B: a person must not be able to pass a wire into a closed compartment with exposed live parts.",
            ),
        ),
        (
            "The sectionalizing switch operating handle at the Oak Court entrance is 7 ft 2 in above grade.",
            V(
                GO128,
                "Appendix A, Table 2",
                "Table 2 case 5: operating handles at most 6-1/2 ft (78 in); 86 in is high.",
            ),
        ),
        (
            "The viewing window of the same sectionalizing switch is 78 in above grade; the inspector cites it as above the maximum.",
            R(
                GO128,
                "Appendix A, Table 2",
                "Table 2 case 5: maximum 6-1/2 ft = 78 in; 78 in is at the maximum, not above it.",
            ),
        ),
        (
            "The secondary duct run from the transformer at Lot 18 terminates in a secondary pedestal; the inspector states that duct systems may only terminate in pad-mounted transformers.",
            R(
                GO128,
                "31.5",
                "31.5-B: suitably protected duct systems may terminate in pedestals among other terminal facilities.",
            ),
        ),
        (
            "On riser pole 2207 feeding the subdivision, the conduit riser guard was not installed (GO 128 Rule 31.5).",
            N("31.5-A sends pole risers to General Order 95, which is not in the library."),
        ),
    ],
)


def audit_a2(path):
    a = A2
    m = a["metadata"]
    pdf = Doc(
        "Underground Construction Inspection - Letter to Contractor (fictional audit)",
        "UG-INSP-L (Rev 1)   Copy to job file",
    )
    pdf.add_page()
    pdf.para("November 12, 2025", size=10)
    pdf.para(f"{m['contractor']}\nAttn: {m['foreman']}, Foreman\n1180 Industrial Way, Manteca, CA", size=10)
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(
        0,
        5.4,
        clean(f"Re: PM {m['pm_number']} / Notification {m['notification_number']} - {m['location']}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)
    pdf.para(f"Inspection score: {m['score']}. Inspector: {m['auditor']}.", size=10)
    pdf.para(
        "Dear Mr. Bell,\n\nOn November 12, 2025 I inspected the pad-mounted transformers, switches and duct terminations "
        "installed under this job against General Order 128. The deficiencies below are go-backs and must be corrected "
        "before the facilities are energized. Each one is stated as I found it.",
        size=10,
        h=5.2,
    )
    for text, _ in a["items"]:
        pdf.ensure(14)
        pdf.para(f"**Deficiency:** {text}", size=10, h=5.4, gap=3.0, markdown=True)
    pdf.para(
        "The following were found in order and need no action: transformer pads level and grouted; secondary "
        "handholes identified; all primary elbows parked on insulated bushings. I recommend, but do not require, "
        "painting the bollards at Lot 22 safety yellow.",
        size=10,
        h=5.2,
    )
    pdf.para(f"Sincerely,\n\n{m['auditor']}\nUnderground Construction Inspector", size=10, h=5.2)
    pdf.output(path)


# ---- A3: contractor QC checklist (conduit) ---------------------------------------------------------
A3 = dict(
    file="audits/GB2-3-conduit-qc-checklist.pdf",
    metadata=dict(
        pm_number="35326655",
        notification_number="122113590",
        location="2nd Street streetscape undergrounding and Lots A - F services, Turlock",
        contractor="Central Valley Trenching Co.",
        foreman="Dale Whitaker",
        auditor="Priyanka Sethi",
        audit_date="2025-11-19",
        score="64.29% (90/140)",
    ),
    # (No., Inspection item, Yes/No/N/A, Comments, label or None)
    rows=[
        ("1", "Trench route matches the approved drawing", "Yes", "Route as staked.", None),
        (
            "2",
            "Conduit material (service)",
            "No",
            "Service conduit at Lot A is white PVC water pipe with no UL 651 marking.",
            V(
                UGC,
                "4",
                "Item 4: conduit installed by others must meet the document; the alternatives are marked UL 651 PVC Schedule 40 or 80 or ANSI C80.1 rigid steel. Unmarked water pipe is neither.",
            ),
        ),
        (
            "3",
            "Conduit material (service)",
            "No",
            "Service lateral conduit at Lot B is Schedule 80 PVC marked UL 651; inspector marked it non-standard because Schedule 40 is specified.",
            R(UGC, "4", "Item 4-A: Schedule 40 or 80 UL 651 conduit so marked is an acceptable alternative."),
        ),
        (
            "4",
            "Conduit material (driveway)",
            "No",
            "Driveway crossing at Lot C run in hot-dip galvanized rigid steel conduit (ANSI C80.1) instead of PVC Schedule 40.",
            R(
                UGC,
                "4",
                "Item 4-B: hot-dip galvanized rigid steel conduit to ANSI C80.1 is an acceptable alternative.",
            ),
        ),
        (
            "5",
            "Joints and transitions",
            "No",
            "Schedule 40 to Schedule 80 joint of equal diameter at Lot C: the inside edge of the spigot end is not chamfered.",
            V(
                UGC,
                "4",
                "Item 4: joining equal-diameter conduits of different wall thickness requires the inside edge of the spigot end to be chamfered.",
            ),
        ),
        (
            "6",
            "Encasement (services)",
            "No",
            "Residential service conduit at Lot D installed without concrete encasement.",
            R(UGC, "1", "Item 1-A: residential installations should be made without concrete encasement."),
        ),
        (
            "7",
            "Encasement (primary bank)",
            "No",
            "Four primary conduits in the downtown bank on 2nd Street installed without concrete encasement.",
            N(
                "Item 1-B: banks of more than three primary conduits in densely populated urban areas 'will normally require' encasement; whether this bank is such a case is a judgement the clause leaves open."
            ),
        ),
        (
            "8",
            "Conduit wall type",
            "No",
            "Cellular-core-wall PVC Schedule 40 conduit installed at Lot E; inspector accepts solid wall only.",
            R(
                UGC,
                "2",
                "Items 2 and 4: single-wall or co-extruded cellular-core-wall PVC Schedule 40 is the required conduit.",
            ),
        ),
        (
            "9",
            "Conduit material (service)",
            "No",
            "Contractor installed DB-120 conduit from old stock for the Lot F service run.",
            N(
                "Item 3 makes DB-120 interchangeable in dimensions and item 2 says PG&E stopped buying it; whether DB-120 installed by others is an accepted alternative under item 4 of Rev. #19 was not read."
            ),
        ),
        (
            "10",
            "Conduit material (service)",
            "No",
            "Corrugated HDPE innerduct used as the service conduit between the splice box and the meter at Lot E.",
            V(UGC, "4", "Item 4 lists the acceptable conduits; corrugated HDPE innerduct is not among them."),
        ),
        (
            "11",
            "Sealing of service conduit",
            "No",
            "Service conduit not sealed at the bottom of the customer's terminating enclosure at Lot B.",
            V(
                GO128,
                "31.6",
                "Rule 31.6: service conduits shall be plugged or sealed at the supply end where they enter the bottom of the customer's terminating enclosure.",
            ),
        ),
        (
            "12",
            "Sealing of service conduit",
            "No",
            "Service conduit at Lot A sealed at both ends; inspector requires a weep hole or drain to relieve water pressure.",
            N(
                "The Rule 31.6 note says the utility may require a means against water pressure; whether it is required on this job is the utility's decision."
            ),
        ),
        (
            "13",
            "Depth of cover",
            "No",
            "Secondary service conduit measured with 18 in of cover at the sidewalk crossing, Lot D.",
            N(
                "Depth and cover requirements (GO 128 Rule 31.4 and the 062288 depth tables) are not reproduced in the library."
            ),
        ),
        ("14", "Pull tape installed", "N/A", "Cable pulled the same day.", None),
        ("15", "Trench backfill and compaction", "Yes", "Sand bedding and compaction tested.", None),
    ],
)


def audit_a3(path):
    a = A3
    m = a["metadata"]
    pdf = Doc(
        "Central Valley Trenching Co. - Contractor Quality Control - Conduit Installation (fictional audit)",
        "Form QC-UG-02 (Rev 4)   Retain with job package",
    )
    pdf.add_page()
    pdf.line_text("CONTRACTOR QUALITY CONTROL", 12.5, "B", h=7)
    pdf.line_text("QC CHECKLIST - UNDERGROUND CONDUIT AND SERVICE LATERALS", 11, "B")
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
            ("Inspection Date:", "2025-11-19"),
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
        (10, 44, 22, 104),
        size=8.5,
    )
    n = sum(1 for r in a["rows"] if r[2] == "No")
    pdf.line_text(f"Total Number of Non-Conforming Items: {n}", 10, "B")
    pdf.ln(3)
    pdf.para(f"QC Inspector: {m['auditor']}    Date: 2025-11-19    General Foreman: {m['foreman']}", size=9)
    pdf.output(path)


# ---- A4: field photo log with Go-Back #n entries ---------------------------------------------------
A4 = dict(
    file="audits/GB2-4-field-photo-log.pdf",
    metadata=dict(
        pm_number="35330781",
        notification_number="122117204",
        location="Riverbank Commons mixed-use, 400 Patterson Road, Riverbank",
        contractor="Sierra Gold Electric & Civil",
        foreman="Angela Ruiz",
        auditor="Thomas Okafor",
        audit_date="2025-11-25",
        score="75.00% (105/140)",
    ),
    # (photo ids, text, label)
    items=[
        (
            "IMG_4102-4103",
            "Manhole opening at MH-3 measured 24 in diameter (circular).",
            V(GO128, "32.5", "Rule 32.5: a circular opening at least 26 in in diameter; 24 in is short."),
        ),
        (
            "IMG_4110",
            "Rectangular manhole opening at MH-5 is 26 in x 24 in; auditor requires 26 in clear in both directions.",
            R(GO128, "32.5", "Rule 32.5: a rectangular opening of 26 in by 24 in is the stated minimum."),
        ),
        (
            "IMG_4114",
            "Manhole opening at MH-7 measured 0.70 m diameter; auditor says it is under the 26 in minimum.",
            R(GO128, "32.5", "0.70 m = 27.6 in, more than the 26 in minimum of Rule 32.5."),
        ),
        (
            "IMG_4120-4122",
            "Manhole MH-9 inside dimension measured 4 ft wide by 4 ft 6 in high.",
            V(
                GO128,
                "Appendix A, Table 2",
                "Table 2 case 2: minimum inside dimension 4 ft by 5 ft high; 4 ft 6 in high is short.",
            ),
        ),
        (
            "IMG_4130",
            "Manhole MH-2 opening is 2 ft 6 in from the nearest rail of the spur track.",
            V(
                GO128,
                "Appendix A, Table 2",
                "Table 2 case 4: manhole openings not less than 3 ft from any railroad rail.",
            ),
        ),
        (
            "IMG_4137",
            "Light-commercial two-way primary conduit run behind the loading dock installed without concrete encasement; auditor requires encasement.",
            R(
                UGC,
                "1",
                "Item 1-B: light commercial circuits three-way or less should normally be installed without encasement.",
            ),
        ),
        (
            "IMG_4141",
            "Meter at Unit B: centerline 76 in above grade.",
            V(GB, "5.4.1", "5.4.1-A: maximum 75 in; 76 in is 1 in high."),
        ),
        (
            "IMG_4145",
            "Gas meter set installed directly below the operable bedroom window of Unit A.",
            N(
                "2.4.2-E refers to Figure 2-21 for clearances from windows and openings, whose distances are not reproduced in the library."
            ),
        ),
        (
            "IMG_4150",
            "Service conduit at Unit C not plugged at the transformer end (source of supply).",
            V(
                GO128,
                "31.6",
                "Rule 31.6: service conduits shall be plugged or sealed at the source of supply, such as the transformer.",
            ),
        ),
        (
            "IMG_4156",
            "Meter at Unit D: centerline 60 in above the stoop; auditor wrote meter height per GO 128 Rule 14.",
            R(
                GB,
                "5.4.1",
                "Meter height is governed by Greenbook 5.4.1, not GO 128 Rule 14; 60 in is within 48 - 75 in.",
            ),
        ),
    ],
)


def audit_a4(path):
    a = A4
    m = a["metadata"]
    pdf = Doc(
        "Field QA Photo Log - Underground and Metering (fictional audit)", "FQA-PL (Rev 2)   Photos on file"
    )
    pdf.add_page()
    pdf.line_text("FIELD QA PHOTO LOG", 13, "B", h=7)
    pdf.ln(1)
    header_block(
        pdf,
        [
            ("PM #:", m["pm_number"]),
            ("Notif #:", m["notification_number"]),
            ("Contractor:", m["contractor"]),
            ("Foreman:", m["foreman"]),
            ("QA Reviewer:", m["auditor"]),
            ("Date:", "Nov 25, 2025"),
            ("Score:", m["score"]),
            ("Job type:", "UG substructures, meters"),
        ],
        cols=2,
        size=9,
    )
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(36, 5.4, "Site:")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5.4, clean(m["location"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para(
        "Each entry lists the photographs taken, then the condition found. Entries are go-backs unless marked Info.",
        size=9,
    )
    pdf.para(
        "Info (IMG_4098): site overview from Patterson Road; all manhole lids marked ELECTRIC.", size=9.5
    )
    for i, (photos, text, _) in enumerate(a["items"], 1):
        pdf.ensure(16)
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.multi_cell(0, 5, clean(f"Go-Back #{i}   Photos: {photos}"), new_x="LMARGIN", new_y="NEXT")
        pdf.para(text, size=9.5, gap=2.6, indent=4)
    pdf.para("Info (IMG_4160): pad-mount transformer T-1 pad set level; no action.", size=9.5)
    pdf.ln(2)
    pdf.para(f"Reviewed by {m['auditor']} with foreman {m['foreman']} on Nov 25, 2025.", size=9)
    pdf.output(path)


# --------------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------------
SPECS = [
    (
        "specs/TD-7001M-Greenbook-Metering-Excerpt.pdf",
        GB,
        "PG&E Electric and Gas Service Requirements (Greenbook): purpose, 2.4.2 gas meter-set locations, 5.4.1 - 5.4.3 meter height, working space, enclosures and main disconnect (excerpt)",
        "2016 edition as read (library revision 1)",
        spec_greenbook,
    ),
    (
        "specs/062288-Underground-Conduits.pdf",
        UGC,
        "UNDERGROUND CONDUITS (UG-1: Conduits): Purpose and Scope, General Information 1 - 4",
        "Rev. #19",
        spec_062288,
    ),
    (
        "specs/GO-128-Underground-Excerpt.pdf",
        GO128,
        "General Order 128: Rules 14, 17, 20.9, 30, 31, 31.5, 31.6, 32.5, 34.3 and Appendix A Table 2 (excerpt)",
        "Library revision 1",
        spec_go128,
    ),
]
AUDITS = [(A1, audit_a1), (A2, audit_a2), (A3, audit_a3), (A4, audit_a4)]


def labelled(a):
    if a is A1:
        return [(r[2], r[5]) for r in a["rows"] if r[5]]
    if a is A3:
        return [(r[3], r[4]) for r in a["rows"] if r[4]]
    if a is A4:
        return [(t, lab) for _, t, lab in a["items"]]
    return a["items"]


def expected():
    out = {
        "name": "realtext-gb2",
        "organization": "Electric metering, gas meter separation, underground conduit and substructures (fictional audits)",
        "note": (
            "Blind corpus written from PG&E Greenbook (TD-7001M) passages, PG&E Document 062288 and CPUC General "
            "Order 128 text read through the search tool's stored pages; wording condensed, and values restated "
            "without a PG&E page are listed in the README. Labels by hand from the clause text, without reading "
            "the product code. 'why' is ignored by score.py. audit_date values are ISO; GB2-1 prints MM/DD/YYYY, "
            "GB2-2 'Month D, YYYY', GB2-3 ISO, GB2-4 'Mon D, YYYY'."
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
            if doc == GO128:
                on = [i + 1 for i, p in enumerate(pages) if _norm(T2_HEAD) in _norm(p)]
                print(f"Appendix A Table 2 header {T2_HEAD!r} on pages {on}")
                if len(on) < 2:
                    print("Appendix A Table 2 does not repeat its header on a second page")
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
                if _norm(clean(i["text"])) not in txt:
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
