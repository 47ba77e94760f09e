"""Spec tables read by where their cells stand (engine/layout_tables.py), from real PDFs built with fpdf2.

Restates the shapes of 29 CFR 1910.137 Table I-4 (a column header stacked over two lines, the table going on
over a page break under its repeated header) and Table I-5 (cells of words that wrap), and CPUC GO 165 Table 1
(a group of indented rows, dashes for no interval). Plain page text ran such cells together; the import read
"Maximum use voltage | (1), ac" as a row and lost Table I-5's glove and sleeve rows to the paragraph before.
"""

from __future__ import annotations

import pytest
from fpdf import FPDF

from engine import ClauseRecord, Library, decide, parse_spec, read_pdf

pytestmark = pytest.mark.no_redis


CFR = (
    "Title 29 - Labor",
    "1910.137  Electrical protective equipment",
    "Document: 1910.137",
    "Revision: 2024",
)
GO165 = (
    "General Order No. 165",
    "Inspection Requirements for Electric Distribution Facilities",
    "Document: GO-165",
)


def _pdf(build, block: tuple[str, ...] = CFR) -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    for line in block:
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    build(pdf)
    return bytes(pdf.output())


def _table(pdf: FPDF, title: str, widths: list[int], rows: list[list[str]]) -> None:
    pdf.ln(3)
    pdf.cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(
        col_widths=widths, width=sum(widths), text_align="LEFT", line_height=4, first_row_as_headings=True
    ) as t:
        for cells in rows:
            row = t.row()
            for c in cells:
                row.cell(c)


def _rows(data: bytes, table: str) -> list[tuple[list[str], list[str]]]:
    """(columns, cells) of the rows the import reads under section ``table`` (or of the table so named)."""
    pages = read_pdf(data, tables=True).pages
    spec = parse_spec(pages, "spec.pdf")
    return [
        (c.data["columns"], c.data["cells"])
        for c in spec.clauses
        if c.kind == "table_row"
        and (c.section == table or str(c.data.get("table", "")).startswith(table + " "))
    ]


def _i4(pdf: FPDF) -> None:
    pdf.cell(0, 5, "1910.137(c)(2)(i)  Maximum use voltage.", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, "The maximum use voltage of the equipment conforms to Table I-4 for the class used.")
    pdf.ln(185)  # the table starts low on the page and goes on over the break
    header = ["Class of equipment", "Maximum use voltage (1), ac rms", "Retest voltage (2), ac rms"]
    rows = [["Class 00", "500", "2,500"], ["Class 0", "1,000", "5,000"], ["Class 1", "7,500", "10,000"]]
    rows += [
        ["Class 2", "17,000", "20,000"],
        ["Class 3", "26,500", "30,000"],
        ["Class 4", "36,000", "40,000"],
    ]
    _table(
        pdf, "Table I-4 - Rubber Insulating Equipment, Voltage Requirements", [50, 34, 50], [header, *rows]
    )


def test_a_stacked_column_header_and_a_table_over_a_page_break():
    data = _pdf(_i4)
    assert len(read_pdf(data).pages) == 2
    got = _rows(data, "Table I-4")
    assert [cells for _, cells in got] == [
        ["Class 00", "500", "2,500"],
        ["Class 0", "1,000", "5,000"],
        ["Class 1", "7,500", "10,000"],
        ["Class 2", "17,000", "20,000"],
        ["Class 3", "26,500", "30,000"],
        ["Class 4", "36,000", "40,000"],
    ]
    assert {tuple(cols) for cols, _ in got} == {
        ("Class of equipment", "Maximum use voltage (1), ac rms", "Retest voltage (2), ac rms")
    }


def _i5(pdf: FPDF) -> None:
    pdf.cell(0, 5, "1910.137(c)(2)(viii)  Electrical testing.", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(
        0, 5, "Rubber insulating equipment is given an electrical test at the intervals of Table I-5."
    )
    rows = [
        ["Type of equipment", "When to test"],
        ["Rubber insulating line hose", "Upon indication that insulating value is suspect and after repair."],
        [
            "Rubber insulating gloves",
            "Before first issue and every 6 months thereafter; upon indication that insulating value is suspect; "
            "after repair; and after use without protectors.",
        ],
        [
            "Rubber insulating sleeves",
            "Before first issue and every 12 months thereafter; upon indication that insulating value is suspect; "
            "and after repair.",
        ],
    ]
    _table(pdf, "Table I-5 - Rubber Insulating Equipment, Test Intervals", [50, 110], rows)


def test_cells_of_words_that_wrap_stay_in_their_rows_and_decide_an_interval():
    data = _pdf(_i5)
    got = _rows(data, "Table I-5")
    assert [cells[0] for _, cells in got] == [
        "Rubber insulating line hose",
        "Rubber insulating gloves",
        "Rubber insulating sleeves",
    ]
    assert got[2][1][1].startswith("Before first issue and every 12 months thereafter;")
    assert got[2][1][1].endswith("and after repair.")
    spec = parse_spec(read_pdf(data, tables=True).pages, "spec.pdf")
    lib = Library(
        [
            ClauseRecord.of(c, document=spec.document_number, title=spec.title, revision="1")
            for c in spec.clauses
        ]
    )
    d = decide("Rubber sleeves on truck 22 last tested 10 months ago.", {}, lib)
    assert (d.verdict, d.citations[0]["section"]) == ("REPEALABLE", "Table I-5"), d.reason
    assert "at most 12 months" in d.reason
    d = decide("Class 2 gloves: test date stamped 8 months ago, in use today.", {}, lib)
    assert (d.verdict, d.citations[0]["section"]) == ("VALID", "Table I-5"), d.reason


def _go165(pdf: FPDF) -> None:
    pdf.multi_cell(
        0, 5, "Each utility shall inspect its distribution facilities at least as often as Table 1 requires."
    )
    rows = [
        ["Facility", "Patrol - Urban", "Patrol - Rural", "Detailed - Urban", "Detailed - Rural"],
        ["Transformers", "", "", "", ""],
        ["   Overhead", "1", "2", "5", "5"],
        ["   Underground", "1", "2", "3", "3"],
        ["Wood poles which passed intrusive inspection", "---", "---", "---", "---"],
    ]
    _table(
        pdf,
        "Table 1 - Distribution Inspection Cycles (Maximum Intervals in Years)",
        [60, 25, 25, 25, 25],
        rows,
    )


def test_a_group_of_indented_rows_and_a_table_outside_any_numbered_rule():
    got = _rows(_pdf(_go165, GO165), "Table 1")
    assert [cells for _, cells in got] == [
        ["Transformers - Overhead", "1", "2", "5", "5"],
        ["Transformers - Underground", "1", "2", "3", "3"],
        ["Wood poles which passed intrusive inspection", "---", "---", "---", "---"],
    ]
    assert got[0][0] == [
        "Facility",
        "Patrol - Urban",
        "Patrol - Rural",
        "Detailed - Urban",
        "Detailed - Rural",
    ]


def test_an_audit_is_read_without_the_table_rewrite():
    # the rewrite is for spec import only: an audit's findings table keeps the text its layouts read
    data = _pdf(_i5)
    assert " | " not in "\n".join(read_pdf(data).pages)


def _long_table(pdf: FPDF) -> None:
    rows = [["Pole class", "Groundline circumference, in", "Top circumference, in"]]
    rows += [[f"Class {n}", str(30 + n), str(20 + n)] for n in range(1, 121)]
    _table(pdf, "Table 7 - Pole Dimensions", [50, 50, 50], rows)
    pdf.ln(2)
    pdf.cell(0, 5, "IV. Record Keeping", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, "Records of each pole test shall be kept for the life of the pole.")


def test_a_table_over_three_pages_keeps_its_header_out_of_its_rows_and_ends_at_a_heading():
    # review: the table was read on pages 1 and 2 only, page 3's repeated header became a data row; and a heading
    # after the rows became a row of dashes
    data = _pdf(_long_table)
    assert len(read_pdf(data).pages) >= 3
    got = _rows(data, "Table 7")
    assert [cells[0] for _, cells in got] == [f"Class {n}" for n in range(1, 121)]
    assert all(len(cells) == 3 for _, cells in got)
    text = "\n".join(read_pdf(data, tables=True).pages)
    assert "IV. Record Keeping | -" not in text and "IV. Record Keeping" in text


def _blank_corner(pdf: FPDF) -> None:
    pdf.cell(0, 5, "1910.137(c)(2)(viii)  Electrical testing.", new_x="LMARGIN", new_y="NEXT")
    rows = [
        ["", "Patrol", "Detailed", "Intrusive"],
        ["Overhead poles", "1", "5", "10"],
        ["Padmounted", "1", "5", "-"],
    ]
    _table(pdf, "Table 3 - Inspection Cycles (Maximum Intervals in Years)", [50, 30, 30, 30], rows)


def test_an_empty_header_cell_keeps_the_columns_in_place():
    # review: an empty first header cell was dropped and every value sat under the wrong column
    got = _rows(_pdf(_blank_corner), "1910.137(c)(2)(viii)")
    assert got[0] == (["-", "Patrol", "Detailed", "Intrusive"], ["Overhead poles", "1", "5", "10"])


def test_rows_a_blank_line_apart_keep_their_wrapped_lines_and_a_capitalised_parenthesis_is_no_note():
    # a table whose rows stand a blank line apart (29 CFR 1910.269 Table J-1 as a library restates it): "(FRP)"
    # right under "Fiberglass-reinforced plastic" wraps that row; it was read as a note "(a)" and ended the table
    from engine.layout_tables import read_tables

    layout = "\n".join(
        [
            "Table J-1 Live-Line Tool Tests",
            "",
            "Tool material                         Design test                     Removal interval",
            "",
            "Fiberglass-reinforced plastic         100,000 V/ft, 5                 2 years (primary",
            "(FRP)                                 min                             protection)",
            "",
            "Wood                                  75,000 V/ft, 3 min              2 years (primary protection)",
        ]
    )
    tables, _ = read_tables(layout)
    assert tables[0].lines()[2:] == [
        "Fiberglass-reinforced plastic (FRP) | 100,000 V/ft, 5 min | 2 years (primary protection)",
        "Wood | 75,000 V/ft, 3 min | 2 years (primary protection)",
    ]
