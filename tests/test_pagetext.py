"""Page-text clean-up (engine.pagetext) and dates (engine.dates), shared by audits and specs."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.audit.detection import detect_infractions
from engine.dates import find_date, parse_date
from engine.pagetext import edge_key, is_page_mark, repeated_edge_lines
from engine.spec.parsing import parse_spec


@pytest.mark.parametrize(
    "line,at_edge,mark",
    [
        ("Page 2 of 3", False, True),
        ("Internal use    Page 2", False, True),
        ("- 4 -", True, True),
        ("- 4 -", False, False),  # a bare number mid-page is a table cell
        ("4/12", True, True),
        ("Form QA-SG-07 (Rev 1)    Retain with job package    Page 1 of 1", True, True),
        ("Form QA-SG-07 (Rev 1)    Retain with job package    Page 1 of 1", False, False),
        ("Guy marker missing at pole 7; see the photo log for the span near the corner on page", True, False),
    ],
)
def test_page_marks(line, at_edge, mark):
    assert is_page_mark(line, at_edge) is mark


def test_running_lines_repeat_at_page_edges_whatever_the_page_number():
    pages = [
        ["Acme QA Audit - PM 4001", "body one", "Acme internal  Page 1 of 2"],
        ["Acme QA Audit - PM 4001", "body two", "Acme internal  Page 2 of 2"],
    ]
    assert repeated_edge_lines(pages, 3, 2) == {
        edge_key("Acme QA Audit - PM 4001"),
        edge_key("Acme internal  Page 1 of 2"),
    }
    assert repeated_edge_lines(pages[:1], 3, 1) == set()  # one page has no running lines
    # Lines the caller reads exactly keep their numbers: "3.1 Scope" and "3.2 Scope" differ.
    numbered = [["3.1 Scope", "a"], ["3.2 Scope", "b"]]
    assert repeated_edge_lines(numbered, 3, 2, exact=lambda ln: ln[:1].isdigit()) == set()


def test_one_page_audit_footer_ending_on_its_page_number_is_no_finding():
    text = "\n".join(
        [
            "QA Field Audit",
            "Go-Back Items",
            "The guy marker at pole 7 is missing from the down guy.",
            "",
            "The riser at pole 9 has no standoff brackets installed.",
            "",
            "Form QA-SG-07 (Rev 1)    Retain with job package    Page 1 of 1",
        ]
    )
    found, _ = detect_infractions([text])
    assert [f.description for f in found] == [
        "The guy marker at pole 7 is missing from the down guy.",
        "The riser at pole 9 has no standoff brackets installed.",
    ]


def test_spec_and_audit_sides_drop_the_same_running_footer():
    footer = "Acme Standard DS-310    Rev 2    Page {} of 2"
    spec = parse_spec(
        [
            "DS-310 Anchor Installation\nRevision 2\n1. Scope\nThis standard covers anchors.\n"
            + footer.format(1),
            "2. Anchor rods\nAnchor rods shall project 6 in above grade.\n" + footer.format(2),
        ],
        "ds310.pdf",
    )
    assert not any("Page" in c.text for c in spec.clauses)
    found, _ = detect_infractions(
        [
            "Deficiencies\nDeficiency: Anchor rod at pole 4 projects 14 in above grade.\n" + footer.format(1),
            "Deficiency: Guy marker missing at pole 5.\n" + footer.format(2),
        ]
    )
    assert [f.description for f in found] == [
        "Anchor rod at pole 4 projects 14 in above grade.",
        "Guy marker missing at pole 5.",
    ]


@pytest.mark.parametrize(
    "text,iso",
    [
        ("2025-03-01", "2025-03-01"),
        ("03/01/2025", "2025-03-01"),
        ("13/07/2026", "2026-07-13"),
        ("Effective March 1, 2025", "2025-03-01"),
        ("Sept. 3rd, 2025", "2025-09-03"),
        ("07-Mar-2026", "2026-03-07"),
        ("2025-13-45", ""),
        ("Someday 1, 2025", ""),
    ],
)
def test_dates_read_the_same_for_audits_and_specs(text, iso):
    assert parse_date(text) == iso
    assert find_date(text) == (dt.date.fromisoformat(iso) if iso else None)


def test_a_table_header_repeated_at_the_foot_of_one_page_and_the_head_of_the_next_is_not_running():
    """realtext-gb2: GO 128 Appendix A Table 2 starts near the foot of page 2 and goes on at the top of page 3
    with its header row repeated; the header was dropped as a running line on both pages, so the table was
    read without it. A real running header sits on the same edge of every page."""
    header = "Case Nature of clearance or depth Requirement Reference rules"
    pages = [
        ["GO-128 Underground", "34.3 Equipment", "text", "text", "text", "text", "Page 1 of 3"],
        [
            "GO-128 Underground",
            "text",
            "text",
            "text",
            "Appendix A, Table 2",
            header,
            "1 row one 43.4",
            "Page 2 of 3",
        ],
        ["GO-128 Underground", header, "2 row two 32.4", "3 row three 32.5", "text", "text", "Page 3 of 3"],
    ]
    running = repeated_edge_lines(pages, 4, 2)
    assert edge_key(header) not in running
    assert edge_key("GO-128 Underground") in running


def test_table_rows_at_the_foot_of_two_pages_are_no_running_footer():
    # a spec without footers whose table runs over a page break: "Class 0 1,000 5,000" and "Class 4 36,000
    # 40,000" share a key with their numbers read as "#", but differ in every value; only a line whose one
    # number changes (a page number) is a running footer. The rows were dropped from the import.
    page1 = [
        "Table I-4 Voltage Requirements",
        "Class 00 500 2,500",
        "Class 0 1,000 5,000",
        "Class 1 7,500 10,000",
        "Sheet 1",
    ]
    page2 = ["Class 2 17,000 20,000", "Class 3 26,500 30,000", "Class 4 36,000 40,000", "Sheet 2"]
    running = repeated_edge_lines([page1, page2], 4, 2)
    assert running == {"sheet #"}


def test_a_running_header_with_its_section_and_page_numbers_is_still_removed():
    # review: a CFR page header carries the section and the page number ("§ 1910.137 ... 486", "§ 1910.138 ...
    # 489"): two numbers change, and it is still the page's header
    pages = [
        [
            f"§ 1910.{137 + (i > 1)} 29 CFR Ch. XVII (7-1-23 Edition) {486 + i}",
            f"Body line {i} of the rule text.",
        ]
        for i in range(4)
    ]
    assert repeated_edge_lines(pages, 4, 2) >= {"§ #.# # cfr ch. xvii (#-#-# edition) #"}
