"""Spec parsing (plain Python): title block, clause segmentation, tables, exceptions and notes.

Runs on the eval corpora's spec PDFs, the real utility documents and small texts written here.
"""

import json
import time
from pathlib import Path

import pytest

from engine.dates import find_date as parse_date
from engine.pdftext import extract_pages
from engine.spec.parsing import parse_spec
from tests.shared_data import SHARED, needs_shared

pytestmark = [pytest.mark.no_redis, needs_shared]

EVAL = SHARED / "eval"
REAL = SHARED / "corpus" / "utility-real"


def _parse(path: Path):
    return parse_spec(extract_pages(path).pages, path.name)


def _by_section(spec):
    out = {}
    for c in spec.clauses:
        out.setdefault(c.section, []).append(c)
    return out


@pytest.fixture(scope="module")
def dev():
    return {p.stem: _parse(p) for p in sorted((EVAL / "dev" / "specs").glob("*.pdf"))}


def _expected(corpus):
    return json.loads((EVAL / corpus / "expected.json").read_text())


# --- title block -------------------------------------------------------------------------------


def test_dev_documents_have_number_title_revision(dev):
    expected = _expected("dev")["specs"]
    assert len(expected) == len(dev) == 6
    for item in expected:
        spec = dev[Path(item["file"]).stem]
        assert spec.document_number == item["document"]
        assert spec.title == item["title"]
        assert spec.revision == item["revision"]
        assert spec.effective_date is not None


def test_effective_date_from_title_block(dev):
    assert dev["035010"].effective_date.isoformat() == "2025-03-01"


@pytest.mark.parametrize("corpus", ["seed-a", "seed-b"])
def test_seed_specs_take_their_stem_as_number(corpus):
    for item in _expected(corpus)["specs"]:
        spec = _parse(EVAL / corpus / item["file"])
        assert spec.document_number == item["document"] == Path(item["file"]).stem
        assert spec.title == item["title"]
        assert spec.revision == ""


# --- clauses cited by the eval corpora ---------------------------------------------------------


@pytest.mark.parametrize("corpus", ["dev", "seed-a", "seed-b"])
def test_every_cited_governing_clause_exists_with_its_exact_section(corpus):
    exp = _expected(corpus)
    specs = {}
    for item in exp["specs"]:
        spec = _parse(EVAL / corpus / item["file"])
        specs[spec.document_number] = {c.section for c in spec.clauses}
    cited = {
        (i["document"], i["section"]) for a in exp["audits"] for i in a["infractions"] if i.get("document")
    }
    assert cited
    missing = [(d, s) for d, s in cited if s not in specs.get(d, set())]
    assert not missing


def test_exception_clause_with_its_section_and_page(dev):
    (c,) = _by_section(dev["063010"])["3.3"]
    assert (c.kind, c.page) == ("exception", 2)
    assert c.heading == "Ground Electrodes"
    assert c.text.startswith("Exception: Where the resistance of a single rod exceeds 25 ohms")
    # complete text, across the wrapped line
    assert c.text.endswith("no further resistance test is required.")


def test_numbered_clauses_keep_page_heading_and_complete_text(dev):
    secs = _by_section(dev["035010"])
    (c43,) = secs["4.3"]
    assert (c43.kind, c43.page, c43.heading) == ("exception", 2, "Vertical Clearances")
    assert "may be reduced to 12 ft where the voltage does not exceed 300 V to ground." in c43.text
    (c4,) = secs["4"]
    assert (c4.kind, c4.text) == ("requirement", "Vertical Clearances")
    (c3,) = secs["3"]
    assert c3.kind == "definition"
    (c42,) = _by_section(dev["035020"])["4.2"]
    assert (c42.kind, c42.page, c42.text) == ("requirement", 2, "Crossarms shall be level within 2 degrees.")


def test_unnumbered_note_is_its_own_clause_under_its_section(dev):
    notes = [c for c in _by_section(dev["035010"])["6.1"] if c.kind == "note"]
    assert len(notes) == 1
    assert notes[0].text.startswith("Note: A clearance of 12 ft at the time of trimming is recommended")
    reqs = [c for c in _by_section(dev["035010"])["6.1"] if c.kind == "requirement"]
    assert "Note:" not in reqs[0].text
    (note,) = [c for c in _by_section(dev["045010"])["3.2"] if c.kind == "note"]
    assert "recommended but not required" in note.text


def test_table_rows_carry_table_title_and_column_headers(dev):
    rows = [c for c in dev["035010"].clauses if c.kind == "table_row"]
    assert len(rows) == 4
    assert all(r.section == "4.1" and r.page == 2 for r in rows)
    street = next(r for r in rows if r.data["cells"][0].startswith("Public streets"))
    assert street.data == {
        "table": "Table 4-1 Minimum vertical clearance above surface",
        "columns": ["Surface under the span", "Secondary (0-750 V)", "Primary (750 V-22.5 kV)"],
        "cells": ["Public streets, alleys and roads", "18 ft", "25 ft"],
    }
    # the text has the title and headers too, so ranking sees them
    assert "Table 4-1" in street.text and "Primary (750 V-22.5 kV): 25 ft" in street.text
    depth = [c for c in dev["035020"].clauses if c.kind == "table_row"]
    assert depth[0].data["columns"] == ["Pole length", "Minimum setting depth"]
    assert depth[0].data["cells"] == ["30 ft", "5.0 ft"]
    cover = [c for c in dev["062010"].clauses if c.kind == "table_row"]
    assert [r.data["cells"] for r in cover][0] == ["Primary conduit", "36 in"]


def test_headers_footers_revision_history_and_title_block_are_not_clauses(dev):
    for spec in dev.values():
        for c in spec.clauses:
            assert "Page 1 of 2" not in c.text and "Page 2 of 2" not in c.text
            assert "Electric Distribution Standards" not in c.text
            assert "Revision history" not in c.text and "Periodic review" not in c.text
            assert not c.text.startswith("Document ")
            assert "Effective date" not in c.text and "Asset type" not in c.text
            assert "General Order 95 and General Order 128" not in c.text  # the reference list
        assert [c.order for c in spec.clauses] == list(range(len(spec.clauses)))


def test_seed_a_section_colon_style():
    spec = _parse(EVAL / "seed-a" / "specs" / "sample_spec_book.pdf")
    assert [c.section for c in spec.clauses][:3] == ["4.1.2", "4.2.1", "4.2.2"]
    assert spec.clauses[0].text == "Poles must be buried at least 6 feet deep."


def test_seed_b_clause_continues_onto_the_next_page():
    spec = _parse(EVAL / "seed-b" / "specs" / "test_spec.pdf")
    (c33,) = _by_section(spec)["3.3"]
    assert c33.page == 1 and c33.heading == "Clearances (per GO 95)"
    assert "Horizontal clearance from buildings: 7.5 feet" in c33.text
    (c42,) = _by_section(spec)["4.2"]
    assert c42.page == 2 and "Ground resistance not to exceed 25 ohms" in c42.text


# --- real documents ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(REAL.glob("*.pdf")), ids=lambda p: p.stem)
def test_real_documents_parse(path):
    spec = _parse(path)
    assert spec.document_number
    assert spec.clauses
    assert all(c.text.strip() and c.page >= 1 for c in spec.clauses)


def test_real_paper_numbered_sections_are_clauses():
    spec = _parse(REAL / "hipas_vegetation_impact_analysis.pdf")
    assert [c.section for c in spec.clauses] == ["1", "2", "3", "3.1", "3.2"]
    (c31,) = _by_section(spec)["3.1"]
    assert c31.heading == "Vegetation Contact"
    # its numbered list stays inside the clause
    assert "1. Wind speed" in c31.text and "6. Line length" in c31.text
    assert _by_section(spec)["3.2"][0].page == 2
    assert spec.document_number == "hipas_vegetation_impact_analysis"  # "IEEE Standard 1366" is no number


def test_unnumbered_document_is_cut_at_headings():
    spec = _parse(REAL / "nawpc_wood_pole_service_life_bulletin.pdf")
    assert all(c.section == "" for c in spec.clauses)
    headings = {c.heading for c in spec.clauses}
    assert {"Environmental Factors", "Pole Removal Data"} <= headings
    assert spec.document_number == "16-U-101"


# --- rules on small texts ----------------------------------------------------------------------


def test_running_header_and_footer_removed_and_stem_fallback():
    pages = [
        "Acme Power Co. Standards Manual\nGUYING PRACTICE\nRevision B\n1 General\n"
        "1.1 Guys shall be installed on all dead-end poles.\nAcme Power Co. Standards Manual Page 1 of 2",
        "Acme Power Co. Standards Manual\n1.2 Guy guards shall be yellow.\n"
        "Acme Power Co. Standards Manual Page 2 of 2",
    ]
    spec = parse_spec(pages, "/uploads/GUY-17.pdf")
    assert spec.document_number == "GUY-17"
    assert spec.revision == "B"
    assert [c.section for c in spec.clauses] == ["1", "1.1", "1.2"]
    assert all("Acme Power" not in c.text and "Page" not in c.text for c in spec.clauses)
    assert spec.clauses[2].page == 2 and spec.clauses[2].heading == "General"


def test_labelled_number_and_title_on_one_line():
    pages = [
        "Standard No. TD-2908P-01 - Pole Guying\nRev. #13\nEffective: March 1, 2024\n1 Scope\nText here."
    ]
    spec = parse_spec(pages, "x.pdf")
    assert (spec.document_number, spec.title, spec.revision) == ("TD-2908P-01", "Pole Guying", "13")
    assert spec.effective_date.isoformat() == "2024-03-01"


def test_numbered_list_items_and_values_are_not_sections():
    pages = [
        "Document 1234\nGrounding\n1 General\n1.1 Rods shall be tested. The steps are:\n"
        "1. Drive the rod\n2. Measure the resistance\n3. Record the value\n"
        "2 Testing\n2.1 Resistance shall not exceed 25 ohms.\n6.5 ft of rod is exposed in some cases.\n"
        "2.2 Exception: Two bonded rods need no test."
    ]
    spec = parse_spec(pages, "x.pdf")
    assert [c.section for c in spec.clauses] == ["1", "1.1", "2", "2.1", "2.2"]
    assert "3. Record the value" in spec.clauses[1].text
    assert "6.5 ft of rod" in spec.clauses[3].text
    assert spec.clauses[4].kind == "exception"


def test_inline_exception_after_a_sentence_is_split_off():
    pages = [
        "Document 5555\nClearances\n4 Clearances\n4.1 Keep 8 ft from buildings. Exception: Signs need 3 ft."
    ]
    spec = parse_spec(pages, "x.pdf")
    kinds = [(c.section, c.kind) for c in spec.clauses]
    assert kinds == [("4", "requirement"), ("4.1", "requirement"), ("4.1", "exception")]
    assert spec.clauses[2].text == "Exception: Signs need 3 ft."


def test_section_keyword_style_and_numbering_restart():
    lines = [f"Section {n}.1: Requirement number {n}." for n in range(1, 7)]
    lines += [f"Section {n}.1: Second book requirement {n}." for n in range(1, 7)]
    spec = parse_spec(["Spec Book\n" + "\n".join(lines)], "book.pdf")
    assert len(spec.clauses) == 12
    assert spec.title == "Spec Book"


@pytest.mark.parametrize(
    "text,iso",
    [
        ("2025-03-01", "2025-03-01"),
        ("03/01/2025", "2025-03-01"),
        ("March 1, 2025", "2025-03-01"),
        ("Mar 1 2025", "2025-03-01"),
        ("1 March 2025", "2025-03-01"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text).isoformat() == iso


def test_parse_date_rejects_nonsense():
    assert parse_date("2025-13-45") is None
    assert parse_date("Someday 1, 2025") is None


def _synthetic_pages(count: int) -> list[str]:
    pages = []
    for p in range(1, count + 1):
        lines = ["Utility Standards Manual  Document 4711 Rev. 3", f"{p} Subject {p} Requirements"]
        for s in range(1, 7):
            lines.append(
                f"{p}.{s} Conductors of class {s} shall be installed not less than {s + 10} ft above grade in"
            )
            lines.append("areas accessible to vehicles, measured at the point of minimum clearance.")
            if s == 3:
                lines.append(f"Exception: Where rock is encountered the depth may be reduced by {s} in.")
        lines.append(f"Table {p}-1 Minimum clearance")
        lines.append("Location Primary Secondary")
        for r in range(4):
            lines.append(f"Location kind {r} {20 + r + p % 9} ft {15 + r + p % 5} ft")
        lines.append(f"Document 4711 Rev. 3    Page {p} of {count}")
        pages.append("\n".join(lines))
    return pages


def test_parsing_is_linear_and_fast():
    pages = _synthetic_pages(500)
    start = time.process_time()
    spec = parse_spec(pages, "big.pdf")
    elapsed = time.process_time() - start
    assert len([c for c in spec.clauses if c.kind == "table_row"]) == 2000
    assert len([c for c in spec.clauses if c.kind == "exception"]) == 500
    assert len({c.section for c in spec.clauses}) == 500 * 7
    assert 500 / elapsed >= 100, f"{500 / elapsed:.0f} pages/s"


def test_uppercase_decimal_zero_style_with_doc_no_label():
    pages = [
        "NORTHERN RIVERS ELECTRIC\nDoc. No.: UG-2201\nUNDERGROUND SECONDARY SERVICES\nREV 05   Effective: 01/15/2024\n"
        "1.0 GENERAL\n1.1 This standard covers secondary services.\n2.0 TRENCHING\n"
        "2.1 Service conductors shall have a minimum cover of 24 inches.\n"
        "EXCEPTION: In rock, 18 inches of cover is permitted in conduit.\n"
        "TABLE 2-1 MINIMUM COVER BY LOCATION\nLOCATION MINIMUM COVER\nResidential yard 24 in\nUnder roadway 36 in\n"
        "2.2 Backfill shall be free of rocks.",
        "NORTHERN RIVERS ELECTRIC\n3.0 CONDUIT\n3.1 Conduit shall be PVC.\na) Bends at least 24 in.\nb) Joints glued.",
    ]
    spec = parse_spec(pages, "x.pdf")
    assert (spec.document_number, spec.title, spec.revision) == (
        "UG-2201",
        "UNDERGROUND SECONDARY SERVICES",
        "05",
    )
    assert spec.effective_date.isoformat() == "2024-01-15"
    got = [(c.section, c.kind, c.heading) for c in spec.clauses]
    assert got == [
        ("1.0", "requirement", "GENERAL"),
        ("1.1", "requirement", "GENERAL"),
        ("2.0", "requirement", "TRENCHING"),
        ("2.1", "requirement", "TRENCHING"),
        ("2.1", "exception", "TRENCHING"),
        ("2.1", "table_row", "TRENCHING"),
        ("2.1", "table_row", "TRENCHING"),
        ("2.2", "requirement", "TRENCHING"),
        ("3.0", "requirement", "CONDUIT"),
        ("3.1", "requirement", "CONDUIT"),
    ]
    assert spec.clauses[5].data["columns"] == ["LOCATION", "MINIMUM COVER"]
    assert spec.clauses[-1].text == "Conduit shall be PVC.\na) Bends at least 24 in.\nb) Joints glued."


def test_title_before_the_number_line():
    spec = parse_spec(
        ["Bay Electric\nOverhead Clearances\nDocument 12345\nRevision 07\n1 Purpose\n1.1 Text."], "a.pdf"
    )
    assert (spec.document_number, spec.title, spec.revision) == ("12345", "Overhead Clearances", "07")


def test_numbered_paragraph_style_and_numbered_exception():
    text = (
        "Document 4242\nService Rules\n1. General. Service shall be provided at standard voltages.\n"
        "2. Meters shall be installed at 5 ft above grade.\nThe meter base is supplied by the customer.\n"
        "3. Clearances from gas meters shall be at least 3 ft.\nA. Horizontal measurement.\n4. Exception: None."
    )
    spec = parse_spec([text], "x.pdf")
    assert [(c.section, c.kind) for c in spec.clauses] == [
        ("1", "requirement"),
        ("2", "requirement"),
        ("3", "requirement"),
        ("4", "exception"),
    ]
    assert (
        spec.clauses[1].text
        == "Meters shall be installed at 5 ft above grade. The meter base is supplied by the customer."
    )
    assert spec.clauses[2].text.endswith("3 ft.\nA. Horizontal measurement.")


def test_word_table_rows_split_at_capitalised_words():
    text = (
        "Document 7001\nMaterials\n4 Materials\n4.1 Materials shall be as listed in Table 4-1.\n"
        "Table 4-1 Approved materials\nItem Material\nCrossarm Douglas fir or fiberglass\nGuy guard Yellow plastic\n"
        "4.2 Substitutions require approval."
    )
    rows = [c for c in parse_spec([text], "x.pdf").clauses if c.kind == "table_row"]
    assert [r.data["cells"] for r in rows] == [
        ["Crossarm", "Douglas fir or fiberglass"],
        ["Guy guard", "Yellow plastic"],
    ]
    assert all(r.data["columns"] == ["Item", "Material"] and r.section == "4.1" for r in rows)
    assert rows[1].text == "Table 4-1 Approved materials \u2014 Item: Guy guard; Material: Yellow plastic"


def test_number_title_revision_from_running_header_and_footer():
    pages = [
        "Guying Practice\nTD-2908P-01 Rev. 3 Page 1 of 2\n1 Scope\n1.1 Text here.",
        "Guying Practice\n1.2 More text.\nTD-2908P-01 Rev. 3 Page 2 of 2",
    ]
    spec = parse_spec(pages, "scan-0042.pdf")
    assert (spec.document_number, spec.title, spec.revision) == ("TD-2908P-01", "Guying Practice", "3")
    assert [c.section for c in spec.clauses] == ["1", "1.1", "1.2"]
    assert all("Guying Practice" not in c.text for c in spec.clauses)


def test_table_without_header_row():
    text = "Document 7001\nDepths\n3 Depths\nTable 3-1 Pole setting depth\n30 ft 5.0 ft\n35 ft 5.5 ft\n3.2 Backfill in lifts."
    rows = [c for c in parse_spec([text], "x.pdf").clauses if c.kind == "table_row"]
    assert [(r.data["columns"], r.data["cells"]) for r in rows] == [
        ([], ["30 ft", "5.0 ft"]),
        ([], ["35 ft", "5.5 ft"]),
    ]
    assert rows[0].text == "Table 3-1 Pole setting depth \u2014 30 ft | 5.0 ft"


def test_empty_input_gives_no_clauses_and_a_title_only_page_one_clause():
    assert parse_spec([], "a.pdf").clauses == []
    assert parse_spec(["", "  "], "b.pdf").clauses == []
    (only,) = parse_spec(["Only a title"], "c.pdf").clauses
    assert (only.text, only.section, only.page) == ("Only a title", "", 1)


def test_section_keyword_headings_and_section_references_in_prose():
    text = (
        "Document 8080\nClearances\nSECTION 4 - VERTICAL CLEARANCES\n"
        "4.1 Conductors shall be installed as required by\nSection 5.2 of this standard and the tables.\n"
        "4.2 Keep clear.\nRule 37. Minimum clearances\n37.1 See table."
    )
    spec = parse_spec([text], "x.pdf")
    assert [(c.section, c.heading) for c in spec.clauses] == [
        ("4", "VERTICAL CLEARANCES"),
        ("4.1", "VERTICAL CLEARANCES"),
        ("4.2", "VERTICAL CLEARANCES"),
        ("37", "Minimum clearances"),
        ("37.1", "Minimum clearances"),
    ]
    assert (
        spec.clauses[1].text
        == "Conductors shall be installed as required by Section 5.2 of this standard and the tables."
    )


@pytest.mark.parametrize(
    "label",
    [
        "Article {}",
        "ARTICLE {}",
        "Art. {}",
        "\u00a7 {}",
        "\u00a7{}",
        "Clause {}",
        "Section {}",
        "Sec. {}",
        "{}",
    ],
)
def test_section_label_styles(label):
    lines = [
        "Document 7001",
        "Bracket Standard",
        label.format(1) + " General Provisions",
        "These provisions cover every bracket.",
        label.format(2) + " Bracket Spacing",
        label.format("2.1") + " Brackets shall be spaced not more than 30 in apart.",
        label.format("2.2") + " In Coastal zones, brackets shall be stainless steel.",
        label.format("2.3") + " Exception: Temporary brackets may be galvanized.",
    ]
    spec = parse_spec(["\n".join(lines)], "x.pdf")
    got = [(c.section, c.kind, c.text.split("\n")[-1][:12]) for c in spec.clauses]
    assert got == [
        ("1", "requirement", "These provis"),
        ("2", "requirement", "Bracket Spac"),
        ("2.1", "requirement", "Brackets sha"),
        ("2.2", "requirement", "In Coastal z"),
        ("2.3", "exception", "Exception: T"),
    ]
    assert spec.clauses[1].heading == "Bracket Spacing"
    # the section label never stays at the start of the text (no "2.2 In." read as inches)
    assert not any(c.text[:1].isdigit() or c.text.startswith(("Art", "\u00a7", "Cl")) for c in spec.clauses)


def test_rule_numbers_and_references_in_prose_stay_inside_the_clause():
    text = (
        "Document 7002\nPractices\nRule 36 Scope\nApplies to lines.\nRule 37 Minimum Clearances\n"
        "Conductors shall clear roofs by 8 ft as stated in\nArticle 4.2 of the code and\n"
        "Clause 5.2 of the contract.\nRule 38 Guarding\nGuard all risers."
    )
    spec = parse_spec([text], "x.pdf")
    assert [c.section for c in spec.clauses] == ["36", "37", "38"]
    assert "Article 4.2 of the code and Clause 5.2 of the contract." in spec.clauses[1].text


@pytest.mark.parametrize("sep", [" ", ""])
def test_lettered_sub_items_take_their_parent_section(sep):
    text = "\n".join(
        [
            "Document 7003",
            "Meter Standard",
            "3 Meters",
            "3.1 Meter height",
            f"3.1{sep}(a) Meter centers shall be 4 ft to 6 ft above final grade.",
            f"3.1{sep}(b) Exception: Yard poles may be 6 ft 6 in above final grade.",
            f"3.2{sep}(a) Working space shall be 3 ft deep.",
            "3.3 Seals shall be applied.",
        ]
    )
    spec = parse_spec([text], "x.pdf")
    got = [(c.section, c.kind, c.data.get("item", ""), c.text[:10]) for c in spec.clauses]
    assert got == [
        ("3", "requirement", "", "Meters"),
        ("3.1", "requirement", "", "Meter heig"),
        ("3.1", "requirement", "a", "Meter cent"),
        ("3.1", "exception", "b", "Exception:"),
        ("3.2", "requirement", "a", "Working sp"),
        ("3.3", "requirement", "", "Seals shal"),
    ]
    assert spec.clauses[2].heading == spec.clauses[3].heading == "Meter height"


def test_table_header_with_spaced_dash_ranges_and_metric_equivalents():
    text = (
        "Document 7002\nClearances\n4 Vertical Clearance\n"
        "4.1 Clearances shall not be less than the values in Table 4-1.\n"
        "Table 4-1 Minimum vertical clearance\n"
        "Surface under the span Secondary (0 - 750 V) Primary (750 V - 35 kV)\n"
        "Railroad tracks 26.5 ft (8.1 m) 28 ft (8.5 m)\n"
        "Roads, streets and alleys 18 ft (5.5 m) 22 ft (6.7 m)\n"
        "4.2 Sag is measured at 60 degrees F."
    )
    rows = [c for c in parse_spec([text], "x.pdf").clauses if c.kind == "table_row"]
    assert len(rows) == 2
    assert rows[0].data["columns"] == [
        "Surface under the span",
        "Secondary (0 - 750 V)",
        "Primary (750 V - 35 kV)",
    ]
    assert rows[0].data["cells"] == ["Railroad tracks", "26.5 ft (8.1 m)", "28 ft (8.5 m)"]
    assert rows[1].data["cells"] == ["Roads, streets and alleys", "18 ft (5.5 m)", "22 ft (6.7 m)"]
    text = (
        "Document 7003\nClearances\n5 Horizontal Clearance\n"
        "Table 5-1 Minimum horizontal clearance\n"
        "Surface 0 - 750 V 750 V - 22 kV\n"
        "Walls 3 ft 6 ft\n"
        "Windows 5 ft 8 ft\n"
    )
    rows = [c for c in parse_spec([text], "y.pdf").clauses if c.kind == "table_row"]
    assert [r.data["columns"] for r in rows] == [["Surface", "0 - 750 V", "750 V - 22 kV"]] * 2
    assert rows[1].data["cells"] == ["Windows", "5 ft", "8 ft"]


def test_a_table_title_wrapped_inside_its_bracket_keeps_the_header_row():
    page = """General Order No. 95
Document: GO-95-Sections-X-XI
Revision: 1
113.4  Communication
For crossing spans, conductors not supported on messengers shall be as in Table 113.4-S.
Table 113.4-S - Railroad crossing spans, communication conductors without messenger [library summary of
113.4]
Conductor      Minimum size      Span limit
Hard-drawn copper      No. 10 AWG      -
Copper-covered steel      No. 10 AWG      -
"""
    rows = [c for c in parse_spec([page], "x.pdf").clauses if c.kind == "table_row"]
    assert rows and rows[0].data["columns"] == ["Conductor", "Minimum size", "Span limit"]
    assert rows[0].data["table"].endswith("[library summary of 113.4]")


def test_an_appendix_opens_its_own_section_and_its_table_is_cited_with_it():
    """realtext-gb2 / realtext-ug: "Appendix A - Summary of Dimensions ..." after Rule 34.3 was read as more of
    Rule 34.3, and so was its Table 2, whose title wrapped ("... for Supply and" / "Communication Systems") and
    whose rows 5 and 6 (no reference number at their end) ended the table. The appendix is a section of its
    own, the table's rows are cited "Appendix A, Table 2", each case is one row."""
    pages = [
        "Document: GO-128\n"
        "31.5 Risers\n"
        "Supply risers on poles shall be installed in accordance with General Order No. 95.\n"
        "31.6 Sealing Service Laterals\n"
        "Service conduits shall be suitably plugged or sealed at the source of supply.\n"
        "32.4 Size of Manholes\n"
        "Manholes shall be large enough to house the equipment safely.\n"
        "32.5 Openings\n"
        "No manhole access opening shall be less than 26 inches in diameter if circular.\n"
        "34.3 Self-Contained Surface-Mounted Equipment\n"
        "D. Clearance from buildings: equipment containing oil shall clear buildings by not less than 3 feet.\n"
        "Appendix A - Summary of Dimensions, Clearances and Depth Requirements\n"
        "Appendix A, Table 2  Miscellaneous Dimensions and Clearance Requirements for Supply and\n"
        "Communication Systems\n"
        "Case Nature of clearance or depth Requirement Reference rules\n"
        "3 Manhole openings Not less than 26 in diameter, or 26 x 24 in rectangular 32.5, 42.5\n"
        "4 Manhole location Manhole openings not less than 3 feet from any railroad rail 32.8, 42.8\n"
        "5 Sectionalizing switches Maximum height of operating handles and viewing windows: 6-1/2 feet -\n"
        "6 Oil-filled equipment From building surface: 3 feet; from noncombustible building surface: 2 feet 34.3-D\n"
        "Appendix D - Excerpts From Public Utilities Code (Division 4, Chapter 5, Article 3)\n"
        "8051  Inside Dimensions of Manholes\n"
        "No person shall build any manhole unless its inside measurement is not less than 4 feet.\n"
        "8055  Sanitary Condition of Manholes\n"
        "Every manhole shall be kept clean and free from standing water.\n"
    ]
    clauses = parse_spec(pages, "GO-128.pdf").clauses
    rows = [c for c in clauses if c.kind == "table_row"]
    assert [c.section for c in rows] == ["Appendix A, Table 2"] * 4
    assert [r.data["cells"][0].split()[0] for r in rows] == ["3", "4", "5", "6"]
    assert rows[0].data["table"].endswith("for Supply and Communication Systems")
    assert "Appendix A" in {c.section for c in clauses} and "Appendix D" in {c.section for c in clauses}
    assert [c.section for c in clauses if "inside measurement" in c.text][0] in ("8051", "Appendix D")
    assert all("Appendix" not in c.text for c in clauses if c.section == "34.3")


def test_assembly_designations_head_their_own_units_with_their_notes_and_material_rows():
    """realtext-rus2: RUS Bulletin 1728F-803 numbers its construction assemblies by drawing designation ("H2.1
    Grounding Assembly - Trench Type", "C-1 Crossarm Braces"); they were not read as units, so the notes under
    H2.1 became sections "2" and "3" and every finding was cited "§3". The designation heads its unit, its
    numbered notes stay in it, and a material-list row that starts with a designation is cited by it."""
    pages = [
        "RUS Bulletin 1728F-803\n"
        "Specifications and Drawings for 24.9/14.4 kV Line Construction\n"
        "Document: 1728F-803\n"
        "Revision: 1\n"
        "Section H - Grounding Assemblies\n"
        "Drawings H2.1 and H3.1 show the pole ground wire and the grounding of airbreak switches.\n"
        "H2.1  Grounding Assembly - Trench Type\n"
        "The pole ground wire runs down the pole from the neutral.\n"
        "NOTES:\n"
        "1. The ground wire is to be located on the same side of the pole as the neutral conductor.\n"
        "2. Staples on the ground wire shall be 2 ft - 0 in apart, except for 8 ft above the ground.\n"
        "3. The pole ground wire shall be a minimum of No. 6 copper or equivalent.\n"
        "H3.1  Grounding Assembly - Ground Rod Type (for Sectionalizing Airbreak Switch)\n"
        "A ground grid of four driven ground rods is placed where the operator stands.\n"
        "C-1  Crossarm Braces\n"
        "Flat braces are used with 8 ft crossarms and angle braces with 10 ft crossarms.\n"
        "Table H-1  Material Items of Grounding Assemblies\n"
        "Assembly Material item (letter code) Quantity Description\n"
        "H2.1 cj as req'd Wire, pole ground (minimum No. 6 copper)\n"
        "H3.1 aj 4 Rod, ground, 5/8 in minimum diameter, copper covered\n"
    ]
    clauses = parse_spec(pages, "1728F-803.pdf").clauses
    assert [c.section for c in clauses if "Staples on the ground wire" in c.text] == ["H2.1"]
    assert [c.section for c in clauses if "No. 6 copper or equivalent" in c.text] == ["H2.1"]
    assert {c.section for c in clauses} >= {"H2.1", "H3.1", "C-1"}
    assert "2" not in {c.section for c in clauses} and "3" not in {c.section for c in clauses}
    rows = [c for c in clauses if c.kind == "table_row"]
    assert [r.section for r in rows] == ["H2.1", "H3.1"]


def test_numbered_items_with_an_editors_bracketed_title_are_sections():
    """realtext-gb2: PG&E Document 062288 numbers its General Information items "1", "2" ... and the library
    copy gives each a bracketed title ("1  [Applications for underground conduit]"); none was read as a
    section, so every finding on the document was cited with no section."""
    pages = [
        "Document: 062288\nRevision: Rev. #19\n"
        "General Information\n"
        "1  [Applications for underground conduit]\n"
        "A. Residential: all residential installations that require conduit should be made without encasement.\n"
        "2  [Conduit purchased by PG&E]\n"
        "PG&E now purchases rigid PVC Schedule 40 conduit, couplings and fittings.\n"
        "3  [Interchangeability]\n"
        "Schedule 40 conduit is interchangeable with DB-120 conduit.\n"
        "4  [Conduit installed for PG&E by others]\n"
        "When conduit is installed for PG&E by others, it must meet the requirements of this document.\n"
    ]
    clauses = parse_spec(pages, "062288.pdf").clauses
    assert [c.section for c in clauses if "installed for PG&E by others" in c.text] == ["4"]
    assert [c.section for c in clauses if "Residential" in c.text] == ["1"]


def test_a_table_with_its_own_lettered_number_inside_an_appendix_is_cited_by_that_number():
    """realtext-osha: Table R-6 printed after an "Appendix B, II.D Types of Exposures" excerpt was cited
    "Appendix B, Table R-6"; a table whose number names it in the whole document ("Table R-6", "Table 2830-S")
    is cited by that alone, while a plain "Table 2" of an appendix keeps the appendix ("Appendix A, Table 2")."""
    pages = [
        "Document: 1910.269-X\nRevision: 1\n"
        "1910.269(l)(2) At least two employees\nAt least two employees shall be present.\n"
        "1910.269(l)(3) Minimum approach distances\nThe employer shall establish minimum approach distances.\n"
        "Appendix B, II.D  Types of Exposures\n"
        "Phase-to-ground exposure is exposure to an energized part at a different potential.\n"
        "Table R-6 AC Live-Line Work Minimum Approach Distance\n"
        "Row Nominal voltage (kV), phase-to-phase Distance, phase-to-ground exposure, m (ft)\n"
        "4 5.1 to 15.0 0.65 (2.14)\n"
    ]
    rows = [c for c in parse_spec(pages, "r6.pdf").clauses if c.kind == "table_row"]
    assert rows and {r.section for r in rows} == {"Table R-6"}


def test_review_a_road_name_is_no_designation_and_a_numbered_heading_after_notes_is_no_note():
    """Review: "SR-99 Crossings Require Caltrans Permits" (a road, one space) is no assembly designation; under
    a designation, "3. Materials" after notes 1 and 2 is a heading, not note 3; a bracketed editor's line is no
    heading."""
    from engine.spec.patterns import DESIGNATION, heading_like

    assert DESIGNATION.match("SR-99 Crossings Require Caltrans Permits") is None
    assert DESIGNATION.match("C-1  Crossarm Braces") and DESIGNATION.match(
        "H2.1 Grounding Assembly - Trench Type"
    )
    assert not heading_like("[Rule 37 is not reproduced]")
    pages = [
        "RUS Bulletin 1728F-803\nSpecifications and Drawings\nDocument: 1728F-803\nRevision: 1\n"
        "Section H - Grounding Assemblies\nDrawings H2.1 and H3.1 show the pole ground wire.\n"
        "H2.1  Grounding Assembly - Trench Type\nThe pole ground wire runs down the pole.\n"
        "1. The ground wire is to be located on the same side of the pole as the neutral conductor.\n"
        "2. Staples on the ground wire shall be 2 ft - 0 in apart.\n"
        "3. Materials\nGround rods are copper covered.\n"
    ]
    clauses = parse_spec(pages, "803.pdf").clauses
    assert [c.data.get("item") for c in clauses if "Staples" in c.text] == ["Note 2"]
    assert all(c.data.get("item") != "Note 3" for c in clauses)


def test_a_code_excerpt_with_articles_naming_their_sections():
    # realtext-ug2 (Title 8 HVESO): "Article 3 - Section 2812.1 ..." over "2812.1 Fenced or Walled Enclosures",
    # a title block whose wrapped line ends "Section 2944." above "Document:", and "Article 36 - Section 2944 ..."
    # over a long-titled "2944 Work on or in Proximity to ...". Sections were read as "3" and "36", and 2944 was
    # merged into 2812.1.
    page1 = (
        "California Code of Regulations, Title 8 - Electrical Safety Orders\n"
        "Article 3 (installation requirements) Section 2812.1 and Article 36 (work procedures and operating procedures)\n"
        "Section 2944.\n"
        "Document: CCR-T8-ESO\n"
        "Revision: Rev. 2025-09\n"
        "Article 3 - Section 2812.1 Fenced or Walled Enclosures\n"
        "2812.1  Fenced or Walled Enclosures\n"
        "(a) Height. Enclosures around high-voltage equipment shall be at least 8 feet high.\n"
        "(d) A gate or door in the enclosure shall be at least 2 feet 6 inches wide.\n"
    )
    page2 = (
        "Article 36 - Section 2944 Stations and Switchyards\n"
        "2944  Work on or in Proximity to Conductors and Equipment Located in High-Voltage Stations, or\n"
        "Switchyards\n"
        "(d) Each set of disconnecting switches shall carry readily legible identification.\n"
    )
    spec = parse_spec([page1, page2], "ccr.pdf")
    assert spec.document_number == "CCR-T8-ESO"
    sections = [c.section for c in spec.clauses]
    assert {"2812.1", "2944"} <= {s.split("(")[0] for s in sections}
    assert not {"3", "36"} & set(sections)
    assert any(c.section.startswith("2944") and "disconnecting switches" in c.text for c in spec.clauses)


def test_a_contents_line_wrapping_onto_the_next_line_is_no_title():
    # realtext-ug2: "Contents of this excerpt: ... (u)(1)-(u)(6)" over "substations with Table U-4" gave the title
    # "substations with Table U-4"
    page = (
        "29 CFR 1910.269\n"
        "Electric Power Generation, Transmission, and Distribution (Subpart R)\n"
        "Document: 1910.269\n"
        "Revision: Rev. 2014-07\n"
        "Contents of this excerpt: (p)(1)-(p)(4) mechanical equipment; (u)(1)-(u)(6)\n"
        "substations with Table U-4\n"
        "1910.269(p)  Mechanical equipment\n"
        "The critical safety components shall receive a thorough visual inspection before use on each shift.\n"
    )
    assert (
        parse_spec([page], "x.pdf").title
        == "Electric Power Generation, Transmission, and Distribution (Subpart R)"
    )


def test_a_number_led_line_in_a_decimal_manual_is_no_code_section():
    # review: after "300.2 Protector Gloves" a wrapped line "1000 Volt Class 0 Glove Selection Chart" became section
    # 1000 (the gap a code's sections leave was allowed after any decimal section)
    page = (
        "Document: SM-300\nSafety Manual\n300.1 Rubber Gloves\nGloves shall be air tested before each use.\n"
        "300.2 Protector Gloves\nProtector gloves shall be worn over rubber gloves; see the\n"
        "1000 Volt Class 0 Glove Selection Chart\nfor the class to use.\n"
    )
    sections = [c.section for c in parse_spec([page], "sm.pdf").clauses]
    assert "1000" not in sections and "300.2" in sections


def test_lettered_items_of_a_list_of_defects_bind_and_items_of_exceptions_do_not():
    from engine.requirements.statements import parse_statements

    got = parse_statements(
        "Insulating equipment with any of these defects may not be used:\n(A) a hole, tear or cut;\n"
        "(D) Any of the following texture changes: swelling, softening or becoming sticky."
    )
    assert [s.modality for s in got] == ["mandatory", "mandatory", "mandatory"]
    got = parse_statements(
        "Protector gloves shall be worn over insulating gloves, except as follows:\n(a) Class 00 gloves;"
    )
    assert got[-1].modality == "statement"


def test_a_numbered_note_to_a_paragraph_is_a_note():
    from engine.requirements.statements import parse_statements

    got = parse_statements("Note 1 to paragraph (c)(2)(i): the phase-to-ground voltage may be used.")
    assert got[0].is_note and not got[0].is_exception


def test_notes_after_a_table_of_an_unnumbered_order_belong_to_the_table():
    # CPUC GO 165 (realtext-go5): the Order numbers no rules; "Note: This General Order does not apply to cathodic
    # protection ..." under Table 1 had no section at all, so a finding it governs could not cite it
    page = (
        "General Order No. 165\nDocument: GO-165\nRevision 04\n"
        "Each utility shall inspect its facilities at least as often as Table 1 requires.\n"
        "Table 1 - Distribution Inspection Cycles (Maximum Intervals in Years)\n"
        "Facility | Patrol - Urban | Patrol - Rural\n"
        "Transformers - Overhead | 1 | 2\n"
        "Wood poles | 1 | 2\n"
        "Note: This General Order does not apply to cathodic protection systems of natural gas facilities.\n"
    )
    notes = [c for c in parse_spec([page], "go165.pdf").clauses if "cathodic" in c.text]
    assert [c.section for c in notes] == ["Table 1"]
