"""Generate the example inputs in ``examples/``: a spec PDF and an audit PDF to try Nexa with.

Both documents are fictional and written for this project: "Cascade Foothills Power" standard
OH-GR-310 (down guys, guy guards, anchor rods and riser protection), and a QA field audit of a
job built under it with six go-backs. Under the standard, two of the go-backs are valid, three can
be repealed (an exception applies, the measured value is within the allowed range, the clause is
only a recommendation) and one has no governing clause (needs review).

Run from the project root (writes ``examples/*.pdf``; the output is byte-for-byte reproducible):

    .venv/bin/python examples/make_examples.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FIXED_DATE = dt.datetime(2026, 2, 15, 12, 0, tzinfo=dt.UTC)

SPEC_FILE = "OH-GR-310-down-guys-and-risers.pdf"
AUDIT_FILE = "audit-PM41870362.pdf"


class _Doc(FPDF):
    """A letter-size PDF with a running footer (``footer_text`` and ``Page N of M``)."""

    footer_text = ""

    def footer(self):
        """Draw the running footer on every page."""
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 8, f"{self.footer_text}    Page {self.page_no()} of {{nb}}", align="C")


def _new(footer: str, title: str) -> _Doc:
    pdf = _Doc(format="letter")
    pdf.footer_text = footer
    pdf.set_title(title)
    pdf.set_author("Cascade Foothills Power (fictional)")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    return pdf


def _line(pdf: _Doc, text: str, size: int = 10, style: str = "", gap: float = 1.5) -> None:
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def build_spec(path: Path) -> None:
    """Write the spec PDF: standard OH-GR-310 Rev. 5 with numbered sections, a table and an exception."""
    pdf = _new("Document OH-GR-310 Rev. 5", "OH-GR-310 Down Guys, Guy Guards and Riser Protection")
    _line(pdf, "Cascade Foothills Power - Overhead Construction Standards", 9)
    _line(pdf, "Document OH-GR-310", 14, "B", 0.5)
    _line(pdf, "Down Guys, Guy Guards and Riser Protection", 13, "B", 0.5)
    _line(pdf, "Revision: 5", 10, gap=0.5)
    _line(pdf, "Effective date: 2026-02-15", 10, gap=4)

    _line(pdf, "1 Scope", 11, "B")
    _line(
        pdf,
        "This standard covers down guys, guy guards, anchor rods and riser conduit protection on "
        "wood distribution poles built by company crews and contractors.",
    )

    _line(pdf, "2 Down Guys and Anchors", 11, "B")
    _line(
        pdf,
        "2.1 Guy strand. Each down guy shall use extra-high-strength (EHS) steel strand not smaller "
        "than the size given in Table 2-1 for the largest conductor on the pole.",
    )
    _line(pdf, "Table 2-1 Minimum guy strand by conductor size", 10, "B", 1)
    pdf.set_font("Helvetica", size=10)
    with pdf.table(col_widths=(90, 80), text_align="LEFT", line_height=6) as table:
        for row in (
            ("Largest conductor", "Minimum guy strand"),
            ("#2 AWG ACSR and smaller", "1/4 in EHS"),
            ("1/0 to 4/0 ACSR", "3/8 in EHS"),
            ("336.4 kcmil and larger", "7/16 in EHS"),
        ):
            table.row(row)
    pdf.ln(3)
    _line(
        pdf,
        "2.2 Guy lead. The horizontal distance from the pole base to the anchor rod shall be not less "
        "than one third of the height of the guy attachment above grade.",
    )
    _line(
        pdf,
        "2.3 Guy guards. A yellow guy guard not less than 8 ft long shall be installed on every down "
        "guy in areas accessible to pedestrians or vehicles.",
    )
    _line(
        pdf,
        "Exception: A guy guard is not required on a down guy located entirely within a fenced "
        "substation yard or a fenced agricultural field closed to the public.",
    )
    _line(
        pdf,
        "2.4 Anchor rod projection. The anchor rod eye shall project between 6 in and 12 in above "
        "finished grade after backfill is compacted.",
    )

    _line(pdf, "3 Riser Protection", 11, "B")
    _line(
        pdf,
        "3.1 Riser guard. Riser conduit shall be covered by U-guard or schedule 80 conduit from 1 ft "
        "below grade to not less than 10 ft above grade.",
    )
    _line(
        pdf,
        "3.2 Standoff brackets. Riser standoff brackets should be spaced about 5 ft apart; closer "
        "spacing is recommended in high-wind areas.",
    )
    _line(
        pdf,
        "3.3 Riser position. Risers shall be placed on the pole quadrant facing away from traffic.",
    )
    _line(
        pdf,
        "Note: Where no quadrant faces away from traffic, a protective bollard may be placed between "
        "the riser and the roadway.",
    )
    pdf.output(str(path))


def build_audit(path: Path) -> None:
    """Write the audit PDF: PM 41870362, notification 230918455, six go-back infractions."""
    pdf = _new("Cascade Foothills Power QA - internal use", "QA Field Audit PM 41870362")
    _line(pdf, "Cascade Foothills Power Quality Assurance", 9)
    _line(pdf, "QA Field Audit Report", 14, "B", 3)
    for label, value in (
        ("PM Number", "41870362"),
        ("Notification", "230918455"),
        ("Location", "Poles 77-1042 to 77-1048, Ridgeback Ln and Quarry Rd, Millbrook"),
        ("Contractor", "Summit Line Services"),
        ("Crew Foreman", "R. Okafor"),
        ("Auditor", "QA Inspector 5520"),
        ("Audit Date", "2026-01-20"),
        ("Score", "71.43% (50/70)"),
    ):
        _line(pdf, f"{label}: {value}", gap=0.5)
    pdf.ln(3)
    _line(
        pdf,
        "This audit reviewed the guying and riser work completed under the job package. The go-back "
        "infractions below require correction or a written response citing the standard within 30 days.",
    )
    _line(pdf, "FINDINGS", 11, "B")
    for text in (
        "Pole 77-1042: the down guy along the Quarry Rd sidewalk has no guy guard installed.",
        "Pole 77-1045: no guy guard on the down guy. The guy and its anchor are inside the fenced "
        "Millbrook substation yard.",
        "Pole 77-1042: anchor rod eye projects 9 in above finished grade; the auditor considers this "
        "too high.",
        "Pole 77-1048: riser U-guard extends only 7 ft above grade.",
        "Pole 77-1048: riser standoff brackets spaced 6 ft apart.",
        "Pole 77-1046: step bolts painted a non-standard color.",
    ):
        _line(pdf, f"Go-back Infraction: {text}")
    pdf.ln(2)
    _line(
        pdf,
        "Compliant items: pole numbering tags, guy strand size and guy lead were verified and found "
        "acceptable.",
    )
    _line(
        pdf,
        "Contractor may submit a written response citing the applicable standard for any item believed "
        "to be in compliance.",
    )
    pdf.output(str(path))


def main() -> None:
    """Write both example PDFs next to this script and print their paths."""
    for name, build in ((SPEC_FILE, build_spec), (AUDIT_FILE, build_audit)):
        target = HERE / name
        build(target)
        print(f"wrote {target.relative_to(HERE.parent)} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
