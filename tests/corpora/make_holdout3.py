"""Generate the holdout-3 corpus: Prairie Ridge Electric Cooperative (a rural co-op).

usage: .venv/bin/python tests/corpora/make_holdout3.py

Writes tests/corpora/holdout-3/{specs,audits}/*.pdf and expected.json.
Core PDF fonts are latin-1 only, so the text avoids typographic symbols.
"""

import json
import os

from fpdf import FPDF

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout-3")
ORG = "Prairie Ridge Electric Cooperative"


class Doc(FPDF):
    def __init__(self, header_text, footer_text):
        super().__init__(format="Letter")
        self.header_text = header_text
        self.footer_text = footer_text
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)

    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, self.header_text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, f"{self.footer_text}    Page {self.page_no()} of {{nb}}")

    def heading(self, text, size=11):
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def para(self, text, style=""):
        self.set_font("Helvetica", style, 9.5)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def tbl(self, headers, rows, widths=None, caption=None):
        if caption:
            self.heading(caption, 10)
        self.set_font("Helvetica", "", 9)
        with super().table(col_widths=widths, text_align="LEFT", line_height=5) as t:
            r = t.row()
            for c in headers:
                r.cell(c)
            for row in rows:
                r = t.row()
                for c in row:
                    r.cell(c)
        self.ln(3)


def write(pdf, path):
    pdf.alias_nb_pages()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pdf.output(path)


# --------------------------------------------------------------------------- specs

SPECS = []


def spec(number, title, revision_line, revision, history, body):
    pdf = Doc(
        f"{ORG} - Engineering Standards Manual",
        f"{number} {revision}",
    )
    pdf.add_page()
    pdf.heading(f"Standard No. {number}", 13)
    pdf.heading(title, 13)
    pdf.para(revision_line)
    pdf.para("Approved by: Manager of Engineering    Applies to: all member service territory")
    pdf.tbl(
        ["Revision", "Issued", "Summary of change"], history, widths=(25, 25, 120), caption="Revision record"
    )
    body(pdf)
    write(pdf, os.path.join(OUT, "specs", f"{number}.pdf"))
    SPECS.append(
        {
            "file": f"specs/{number}.pdf",
            "document": number,
            "title": title,
            "revision": revision,
        }
    )


def guying(pdf):
    pdf.heading("Article 1 Purpose")
    pdf.para(
        "This standard establishes the cooperative's requirements for down guys, span guys, anchors and guy "
        "guards on overhead distribution lines."
    )
    pdf.heading("Article 2 Scope")
    pdf.para("This standard applies to all guying on distribution lines operating at 25 kV and below.")
    pdf.heading("Article 3 Anchor Placement")
    pdf.para(
        "Article 3.1 The anchor lead, measured horizontally at final grade from the face of the pole to the point "
        "where the anchor rod enters the earth, shall be not less than 10 ft."
    )
    pdf.para(
        "Article 3.2 The anchor rod eye shall project not less than 6 in and not more than 12 in above final grade."
    )
    pdf.para(
        "Article 3.3 Exception: At existing structures that are transferred or reframed without setting a new pole, "
        "the existing anchor may be retained where its lead is not less than 6 ft and the anchor rod shows no sign "
        "of movement or corrosion."
    )
    pdf.heading("Article 4 Guy Guards and Markers")
    pdf.para(
        "Article 4.1 Guy guards (guy markers) shall be yellow, full-round, and not less than 8 ft long, installed "
        "with the lower end at final grade."
    )
    pdf.para(
        "Article 4.2 In Urban service territory, a guy guard shall be installed on every down guy. In Rural service "
        "territory, a guy guard is required only where the down guy is within 10 ft of a traveled way, driveway, "
        "field entrance or parking area."
    )
    pdf.heading("Article 5 Guy Insulators")
    pdf.para(
        "Article 5.1 A fiberglass guy strain insulator shall be installed in each down guy attached above the "
        "neutral, with its lower end not less than 8 ft above final grade."
    )


def overhead(pdf):
    pdf.heading("§ 1 Purpose")
    pdf.para(
        "This standard covers framing, pole top extensions, conductor sagging and right-of-way clearing."
    )
    pdf.heading("§ 2 Scope")
    pdf.para("This standard applies to overhead distribution construction at 25 kV and below.")
    pdf.heading("§ 3 Poles and Pole Top Extensions")
    pdf.para("§ 3.1 New poles shall be not shorter than 35 ft and not lighter than class 5.")
    pdf.para(
        "§ 3.2 Pole top extensions may be used on existing poles only, and shall not extend more than 6 ft above "
        "the original pole top."
    )
    pdf.para(
        "§ 3.3 Pole top extensions shall not be used to support primary phase conductors or primary equipment. "
        "They may support the neutral, a shield wire or communication attachments."
    )
    pdf.heading("§ 4 Conductor Sag")
    pdf.para(
        "§ 4.1 Conductors shall be sagged to the values of Table 4-1 for a conductor temperature of 60 deg F. For "
        "other temperatures use the cooperative's sag charts."
    )
    pdf.tbl(
        ["Conductor", "150 ft span", "200 ft span", "250 ft span", "300 ft span"],
        [
            ["#4 ACSR", "16 in", "29 in", "45 in", "65 in"],
            ["#2 ACSR", "18 in", "32 in", "50 in", "72 in"],
            ["1/0 ACSR", "20 in", "36 in", "56 in", "80 in"],
            ["4/0 ACSR", "23 in", "41 in", "64 in", "92 in"],
        ],
        widths=(40, 32, 32, 32, 32),
        caption="Table 4-1 Initial sag at 60 deg F (inches)",
    )
    pdf.para(
        "§ 4.2 Tolerance: measured sag shall be within +/- 3 in of the Table 4-1 value for spans up to 300 ft. "
        "Longer spans shall be sagged by the engineer's design."
    )
    pdf.heading("§ 5 Right-of-Way Clearing")
    pdf.para(
        "§ 5.1 Vegetation shall be trimmed to provide a radial clearance of not less than 6 ft from primary "
        "conductors at the time of trimming."
    )
    pdf.para(
        "§ 5.2 A clearance of 10 ft at the time of trimming is recommended for fast-growing species such as "
        "cottonwood, willow and silver maple."
    )
    pdf.para(
        "§ 5.3 Secondary and service conductors: vegetation need only be trimmed to relieve strain or abrasion on "
        "the conductor."
    )


def metering(pdf):
    pdf.heading("1 Purpose")
    pdf.para("This standard gives the requirements for service entrances and meter installations.")
    pdf.heading("2 Scope")
    pdf.para("This standard applies to residential and small commercial services at 600 V and below.")
    pdf.heading("3 Service Entrance and Meter Location")
    pdf.para("3.1 Service entrance height")
    pdf.para(
        "(a) The service entrance weatherhead (point of attachment) shall be not less than 12 ft and not more "
        "than 24 ft above final grade."
    )
    pdf.para(
        "(b) Exception: On existing structures where 12 ft cannot be obtained, the point of attachment may be "
        "not less than 10 ft above final grade, provided the service drop does not pass over a driveway or "
        "other area accessible to vehicles."
    )
    pdf.para("3.2 Meter height")
    pdf.para(
        "(a) Meter sockets shall be installed so that the center of the meter is between 4 ft and 6 ft above final grade."
    )
    pdf.para(
        "(b) In Rural service territory, meters mounted on a meter pole (yard pole) may be installed with the "
        "center of the meter up to 6 ft 6 in above final grade."
    )
    pdf.para("3.3 Working space")
    pdf.para("(a) A clear working space not less than 3 ft deep shall be kept in front of every meter.")
    pdf.heading("4 Service Entrance Conductors")
    pdf.para(
        "4.1 Service entrance conductors shall be copper or aluminum rated 75 deg C, sized by the member's "
        "electrician in accordance with the electrical code."
    )


def underground(pdf):
    pdf.heading("1 Purpose")
    pdf.para("This standard covers trenching, backfill, riser poles and pad-mounted equipment.")
    pdf.heading("2 Scope")
    pdf.para("This standard applies to underground distribution at 25 kV and below.")
    pdf.heading("3 Trenching and Backfill")
    pdf.para(
        "3.1 Cover over direct-buried or conduit primary cable shall be not less than 36 in; over secondary and "
        "service cable, not less than 24 in."
    )
    pdf.para(
        "3.2 Backfill shall be placed in lifts not exceeding 8 in and compacted to not less than 95 percent of "
        "standard Proctor maximum dry density under pavement, driveways and sidewalks, and to not less than 90 "
        "percent elsewhere."
    )
    pdf.heading("4 Riser Poles")
    pdf.para(
        "4.1 Cable risers shall be protected by a riser guard (U-guard) extending from 2 in below grade to not "
        "less than 10 ft above final grade."
    )
    pdf.para("4.2 Not more than two riser guards shall be installed on one pole quadrant.")
    pdf.heading("5 Pad-Mounted Equipment")
    pdf.para(
        "5.1 Cast-in-place concrete pads shall cure not less than 7 days before equipment is set on the pad."
    )
    pdf.para("5.2 Exception: Precast concrete and polymer concrete pads require no field cure time.")
    pdf.para(
        "5.3 Pad-mounted transformers and switch cabinets shall be located so that the horizontal clearances of "
        "Table 5-1 are met."
    )
    pdf.tbl(
        ["Object", "Door (operating) side", "Other sides"],
        [
            ["Fire hydrant", "10 ft", "6 ft"],
            ["Building wall, combustible", "10 ft", "10 ft"],
            ["Building wall, noncombustible", "10 ft", "3 ft"],
            ["Water meter or valve box", "10 ft", "3 ft"],
        ],
        widths=(70, 50, 50),
        caption="Table 5-1 Minimum horizontal clearance from pad-mounted equipment",
    )


def transformers(pdf):
    pdf.heading("Sec. 1 Purpose")
    pdf.para("This standard gives transformer sizing rules and primary neutral sizes for new construction.")
    pdf.heading("Sec. 2 Scope")
    pdf.para("Single-phase overhead and pad-mounted transformers serving residential members.")
    pdf.heading("Sec. 3 Transformer Sizing")
    pdf.para(
        "3.1 Single-phase transformers serving residential members shall be not smaller than the kVA rating of "
        "Table 3-1 for the number of services connected."
    )
    pdf.tbl(
        ["Services connected", "Gas or propane heat", "Electric heat"],
        [
            ["1 - 2", "25 kVA", "37.5 kVA"],
            ["3 - 5", "37.5 kVA", "50 kVA"],
            ["6 - 8", "50 kVA", "75 kVA"],
            ["9 - 12", "75 kVA", "100 kVA"],
        ],
        widths=(50, 50, 50),
        caption="Table 3-1 Minimum transformer rating (kVA)",
    )
    pdf.para(
        "3.2 Loads above the values of Table 3-1 shall be sized by the engineer from the member's load sheet."
    )
    pdf.heading("Sec. 4 Primary Neutral")
    pdf.para(
        "4.1 The primary neutral shall be not smaller than #2 AWG ACSR on single-phase taps and not smaller than "
        "1/0 AWG ACSR on three-phase mains."
    )
    pdf.para(
        "4.2 Exception: On single-phase taps in Rural service territory serving not more than 50 kVA of connected "
        "transformer capacity, a #4 AWG ACSR neutral may be used."
    )


def build_specs():
    spec(
        "ENG-STD-112",
        "Guying and Anchoring",
        "Issued 2023-05, Revision 2",
        "2",
        [["2", "2023-05", "Added exception for existing anchors."], ["1", "2019-08", "First issue."]],
        guying,
    )
    spec(
        "ENG-STD-118",
        "Overhead Line Construction",
        "Revision R4 - issued 2024-01",
        "R4",
        [["R4", "2024-01", "New sag table; clearing clauses."], ["R3", "2020-02", "Pole top extensions."]],
        overhead,
    )
    spec(
        "ENG-STD-205",
        "Service Entrances and Metering",
        "Issued 2024-02, Revision 3",
        "3",
        [["3", "2024-02", "Rural meter pole allowance."], ["2", "2021-06", "Reformatted."]],
        metering,
    )
    spec(
        "ENG-STD-310",
        "Underground Construction",
        "Issued 2022-09, Revision 5",
        "5",
        [["5", "2022-09", "Table 5-1 clearances revised."], ["4", "2018-03", "Compaction values."]],
        underground,
    )
    spec(
        "ENG-STD-415",
        "Transformer Sizing and Primary Neutral",
        "Revision R1 - issued 2025-01",
        "R1",
        [["R1", "2025-01", "First issue."]],
        transformers,
    )


# --------------------------------------------------------------------------- audits

AUDITS = []


def inf(text, verdict, document=None, section=None):
    return {"text": text, "verdict": verdict, "document": document, "section": section}


def audit_numbered():
    items = [
        inf(
            "Guy anchor lead at new 40 ft class 4 pole P-114 measured 8 ft from the pole face.",
            "VALID",
            "ENG-STD-112",
            "3.1",
        ),
        inf(
            "Anchor lead at existing pole P-207 (reframe only, no new pole set) measured 7 ft; existing anchor "
            "retained, rod shows no movement or corrosion.",
            "REPEALABLE",
            "ENG-STD-112",
            "3.3",
        ),
        inf(
            "Guy guard on the down guy at P-121 beside the Main St sidewalk (Urban service territory) is only 6 ft long.",
            "VALID",
            "ENG-STD-112",
            "4.1",
        ),
        inf(
            "No guy guard on the down guy at P-130. The guy is in a hayfield about 200 ft from the county road, in "
            "Rural service territory.",
            "REPEALABLE",
            "ENG-STD-112",
            "4.2",
        ),
        inf(
            "Pole top extension (4 ft) on existing pole P-305 supports the B phase primary conductor.",
            "VALID",
            "ENG-STD-118",
            "3.3",
        ),
        inf(
            "Sag on 1/0 ACSR primary, span P-310 to P-311 (250 ft), measured 59 in at 60 deg F; the sag table value "
            "is 56 in.",
            "REPEALABLE",
            "ENG-STD-118",
            "4.2",
        ),
        inf(
            "#2 ACSR primary span P-315 to P-316 (200 ft) sagged to 38 in at 60 deg F.",
            "VALID",
            "ENG-STD-118",
            "4",
        ),
    ]
    pdf = Doc(f"{ORG} - Quality Assurance", "QA-FORM 7   Member-owned. Internal use only.")
    pdf.add_page()
    pdf.heading("Construction QA Inspection Report - Overhead", 13)
    meta = [
        ("PM No.", "40211876"),
        ("Notification #", "310045672"),
        ("Job location", "Township Rd 14 tap, Section 22, Harlan County"),
        ("Contractor", "Midplains Line Services"),
        ("Foreman", "R. Okafor"),
        ("Inspector", "QA Field Rep 12"),
        ("Inspection date", "2025-06-17"),
        ("Score", "88.24% (150/170)"),
    ]
    for k, v in meta:
        pdf.para(f"{k}: {v}")
    pdf.para(
        "Summary: The inspector walked the complete tap line. One pole tag was missing at the start of the visit but "
        "was installed by the crew before the inspection ended, and an earlier ground test that failed was retested "
        "and passed; neither is a finding. Items below are go-backs to be corrected or answered within 21 days."
    )
    pdf.heading("Infractions Found:")
    for i, it in enumerate(items, 1):
        pdf.para(f"{i}. {it['text']}")
    pdf.heading("Items Verified (no action)")
    pdf.para("- Anchor rod eyes at P-114 through P-130 project 8 to 10 in above final grade.")
    pdf.para("- Guy strain insulators installed with lower end above 8 ft.")
    pdf.para("- Pole class and height per staking sheet.")
    pdf.heading("Recommendations")
    pdf.para(
        "Crew should carry a sag chart for the day's temperature. Consider a second guy guard where mowing occurs."
    )
    write(pdf, os.path.join(OUT, "audits", "B1-numbered.pdf"))
    AUDITS.append(
        {
            "file": "audits/B1-numbered.pdf",
            "metadata": {"pm_number": "40211876", "notification_number": "310045672"},
            "expect_error": None,
            "password": None,
            "infractions": items,
        }
    )


def audit_goback():
    items = [
        inf(
            "Backfill compaction test in the lawn area at 44 Ridge Rd measured 92 percent standard Proctor; the "
            "inspector requires 95 percent.",
            "REPEALABLE",
            "ENG-STD-310",
            "3.2",
        ),
        inf(
            "Riser guard on riser pole P-402 extends 8 ft 6 in above final grade.",
            "VALID",
            "ENG-STD-310",
            "4.1",
        ),
        inf(
            "Transformer TX-2231 was set on its cast-in-place concrete pad 4 days after the pad was poured.",
            "VALID",
            "ENG-STD-310",
            "5.1",
        ),
        inf(
            "Fire hydrant is 7 ft from the back (non-door side) of pad-mounted transformer TX-2240; inspector requires 10 ft from hydrants.",
            "REPEALABLE",
            "ENG-STD-310",
            "5.3",
        ),
        inf(
            "A 50 kVA transformer TX-2240 serves 4 homes with gas heat; inspector states a 75 kVA unit is required.",
            "REPEALABLE",
            "ENG-STD-415",
            "3.1",
        ),
        inf(
            "Primary neutral on the new three-phase main along Ridge Rd is #2 AWG ACSR.",
            "VALID",
            "ENG-STD-415",
            "4.1",
        ),
        inf(
            "Trench at 48 Ridge Rd restored with seed and straw; the member expected sod to be replaced.",
            "NEEDS_REVIEW",
        ),
    ]
    pdf = Doc(f"{ORG} - Construction Quality Program", "CQP underground audit")
    pdf.add_page()
    pdf.heading("UNDERGROUND JOB AUDIT", 13)
    pdf.tbl(
        ["Field", "Value"],
        [
            ["Work Order / PM", "40219953"],
            ["Notification No.", "310051288"],
            ["Site", "Ridge Road Estates, Phase 2"],
            ["Contractor", "Blackhawk Underground LLC"],
            ["Crew lead", "T. Lindqvist"],
            ["Auditor", "J. Mercado"],
            ["Date of audit", "17-Jun-2025"],
            ["Audit score", "79.4% (127/160)"],
        ],
        widths=(50, 120),
    )
    pdf.para(
        "Background: This subdivision job was audited after energization. The job folder was missing two pages when "
        "first opened, which the office has since supplied. The following go-back items require correction."
    )
    for it in items:
        pdf.para("Go-back: " + it["text"])
    pdf.heading("Commendations")
    pdf.para(
        "Trench depth verified at 38 in over primary at three locations. Cable ends sealed. Pad-mounted switch "
        "clearances met on the door side. Good housekeeping on site."
    )
    pdf.para("Contractor responses citing the applicable cooperative standard are due within 30 days.")
    write(pdf, os.path.join(OUT, "audits", "B2-goback.pdf"))
    AUDITS.append(
        {
            "file": "audits/B2-goback.pdf",
            "metadata": {"pm_number": "40219953", "notification_number": "310051288"},
            "expect_error": None,
            "password": None,
            "infractions": items,
        }
    )


def audit_checklist():
    rows = [
        ("Service entrance conductors correct type?", "Yes", "", None),
        (
            "Right-of-way clearing complete?",
            "No",
            "Cottonwood limbs 7 ft from the primary after trimming at P-512; 10 ft required for fast-growing species.",
            ("REPEALABLE", "ENG-STD-118", "5.2"),
        ),
        (
            "Meter height correct?",
            "No",
            "Meter center at 5 ft 8 in above final grade at 1290 County Rd 9; should be 5 ft maximum.",
            ("REPEALABLE", "ENG-STD-205", "3.2"),
        ),
        (
            "Meter pole installation correct?",
            "No",
            "Meter on yard pole at 77 Elm Ct (Urban service territory) with center 6 ft 4 in above final grade.",
            ("VALID", "ENG-STD-205", "3.2"),
        ),
        (
            "Weatherhead height correct?",
            "No",
            "Weatherhead on existing farmhouse at 1290 County Rd 9 is 10 ft 6 in above final grade; service drop "
            "passes over lawn only.",
            ("REPEALABLE", "ENG-STD-205", "3.1"),
        ),
        ("Meter working space clear?", "Yes", "", None),
        (
            "Streetlight installed correctly?",
            "No",
            "Streetlight photocell at Elm Ct faces north instead of east.",
            ("NEEDS_REVIEW", None, None),
        ),
        ("Surge arresters installed?", "N/A", "", None),
        (
            "Member notified?",
            "No",
            "No door hanger left at 77 Elm Ct before the outage.",
            ("NEEDS_REVIEW", None, None),
        ),
    ]
    items = [inf(c, *lab) for _, _, c, lab in rows if lab]
    pdf = Doc(f"{ORG} - QC", "QC checklist rev 2025")
    pdf.add_page()
    pdf.heading("Service and Metering QC Checklist", 13)
    pdf.para("PM #: 40230417        Notification: 310060955")
    pdf.para("Location: County Rd 9 and Elm Ct, Westfield    Contractor: Midplains Line Services")
    pdf.para("Foreman: D. Haskins    QC reviewer: QC Tech 3    Date: 2025-07-02    Score: 70.0% (63/90)")
    pdf.para("Mark Yes, No or N/A. Describe every No in the Comments column.", "I")
    pdf.tbl(
        ["No.", "Check item", "Yes/No/N/A", "Comments"],
        [[str(i), q, a, c] for i, (q, a, c, _) in enumerate(rows, 1)],
        widths=(10, 50, 22, 98),
    )
    pdf.para(f"Total non-conforming items: {len(items)}")
    write(pdf, os.path.join(OUT, "audits", "B3-checklist.pdf"))
    AUDITS.append(
        {
            "file": "audits/B3-checklist.pdf",
            "metadata": {"pm_number": "40230417", "notification_number": "310060955"},
            "expect_error": None,
            "password": None,
            "infractions": items,
        }
    )


def audit_clean():
    pdf = Doc(f"{ORG} - Quality Assurance", "QA-FORM 7")
    pdf.add_page()
    pdf.heading("Construction QA Inspection Report - Overhead", 13)
    for k, v in [
        ("PM No.", "40244102"),
        ("Notification #", "310072310"),
        ("Job location", "Feeder 6 reconductor, Harlan County"),
        ("Inspection date", "2025-08-05"),
        ("Score", "100% (120/120)"),
    ]:
        pdf.para(f"{k}: {v}")
    pdf.para(
        "Summary: No go-back infractions were found. A missing crossarm brace noted by the crew's own pre-check had "
        "been replaced before the inspection."
    )
    pdf.heading("Infractions Found:")
    pdf.para("None.")
    pdf.heading("Items Verified")
    pdf.para("1. Guy guards 8 ft long on all down guys in Urban service territory.")
    pdf.para("2. Sag within +/- 3 in of table values on all spans checked.")
    pdf.para("3. Pole top extensions used only for the neutral.")
    # owner password only: opens with an empty user password
    pdf.set_encryption(owner_password="prairie-owner", user_password="")
    write(pdf, os.path.join(OUT, "audits", "B4-clean.pdf"))
    AUDITS.append(
        {
            "file": "audits/B4-clean.pdf",
            "metadata": {"pm_number": "40244102", "notification_number": "310072310"},
            "expect_error": None,
            "password": None,
            "infractions": [],
        }
    )


def audit_password():
    pdf = Doc(f"{ORG} - Quality Assurance", "QA-FORM 7")
    pdf.add_page()
    pdf.heading("Construction QA Inspection Report", 13)
    pdf.para("PM No.: 40250077    Notification #: 310080144")
    pdf.heading("Infractions Found:")
    pdf.para("1. Guy anchor lead at P-601 measured 9 ft.")
    pdf.set_encryption(owner_password="prairie-owner", user_password="coop-2025")
    write(pdf, os.path.join(OUT, "audits", "B5-password.pdf"))
    AUDITS.append(
        {
            "file": "audits/B5-password.pdf",
            "metadata": None,
            "expect_error": "encrypted",
            "password": "coop-2025",
            "infractions": [],
        }
    )


def audit_scanned():
    from PIL import Image, ImageDraw

    img = Image.new("L", (1275, 1650), 255)
    d = ImageDraw.Draw(img)
    lines = [
        "PRAIRIE RIDGE ELECTRIC COOPERATIVE - QA INSPECTION (scanned copy)",
        "PM No.: 40260311   Notification #: 310091876",
        "Infractions Found:",
        "1. Riser guard on P-707 extends 7 ft above grade.",
        "2. Meter center at 3 ft 9 in above final grade.",
    ]
    for i, line in enumerate(lines):
        d.text((90, 120 + 40 * i), line, fill=0)
    pdf = FPDF(format="Letter")
    pdf.add_page()
    pdf.image(img, x=0, y=0, w=pdf.w, h=pdf.h)
    write(pdf, os.path.join(OUT, "audits", "B6-scanned.pdf"))
    AUDITS.append(
        {
            "file": "audits/B6-scanned.pdf",
            "metadata": None,
            "expect_error": "no_text_layer",
            "password": None,
            "infractions": [],
        }
    )


def main():
    build_specs()
    audit_numbered()
    audit_goback()
    audit_checklist()
    audit_clean()
    audit_password()
    audit_scanned()
    exp = {"name": "holdout-3", "organization": ORG, "specs": SPECS, "audits": AUDITS}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(exp, f, indent=1)
        f.write("\n")
    n = [i["verdict"] for a in AUDITS for i in a["infractions"]]
    print(len(n), {v: n.count(v) for v in sorted(set(n))})


if __name__ == "__main__":
    main()
