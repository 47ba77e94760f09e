"""Audit metadata (engine.audit.metadata, re-exported by engine.audit.detection): labels, layouts, dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.audit.detection import AuditMetadata, extract_metadata, parse_date
from engine.pdftext import extract_pages
from tests.audit_pdf import build_pdf
from tests.shared_data import EVAL


def test_one_pair_per_line():
    text = "\n".join(
        [
            "QA Field Audit Report",
            "PM Number: 35000001",
            "Notification: 120000002",
            "Location: Pole 12, Main St and 3rd Ave",
            "Contractor: Acme Line Co",
            "Crew Foreman: R. Diaz",
            "Auditor: QA Inspector 12",
            "Audit Date: 2026-01-15",
            "Score: 46.59% (82/176)",
            "Location: Station 2+40",
        ]
    )
    assert extract_metadata([text]) == AuditMetadata(
        pm_number="35000001",
        notification_number="120000002",
        location="Pole 12, Main St and 3rd Ave",
        contractor="Acme Line Co",
        foreman="R. Diaz",
        auditor="QA Inspector 12",
        audit_date="2026-01-15",
        score="46.59% (82/176)",
    )


@pytest.mark.parametrize(
    "line, pm, notif",
    [
        ("PM #: 35111222 Notif #: 120033444", "35111222", "120033444"),
        ("PM No. 35111222    Notification No. 120033444", "35111222", "120033444"),
        ("Order / PM #: 35111222   Notification Number: 120033444", "35111222", "120033444"),
        ("Work Order / PM #: 35111222 Notif. No.: 120033444", "35111222", "120033444"),
        ("| PM # | 35111222 | Notification | 120033444 |", "35111222", "120033444"),
        ("Notification: 120033444   PM: 35111222", "35111222", "120033444"),
        ("Job 7 of the PM 35111222 package, notification 120033444 attached", "35111222", "120033444"),
    ],
)
def test_identifier_label_variants(line, pm, notif):
    md = extract_metadata([line])
    assert (md.pm_number, md.notification_number) == (pm, notif)


def test_values_on_the_line_after_their_labels():
    md = extract_metadata(["PM No.\n35111222\nNotification Number:\n120033444\nDate Audited:\n7 March 2026"])
    assert (md.pm_number, md.notification_number, md.audit_date) == ("35111222", "120033444", "2026-03-07")


def test_two_column_header_pdf_with_label_row_over_value_row():
    pdf = build_pdf(
        [
            ("row", ["Job Location: 12 Oak Ln", "Contractor: Acme Power"]),
            ("row", ["Foreman: R. Diaz", "Inspected By: K. Lee"]),
            ("row", ["Order / PM #", "Notification No.", "Date of Audit"]),
            ("row", ["35111222", "120033444", "03/07/2026"]),
            ("row", ["Overall Score:", "91.2% (135/148)"]),
            "Go-back: Guy marker missing at pole 4.",
        ]
    )
    md = extract_metadata(extract_pages(pdf).pages)
    assert md == AuditMetadata(
        pm_number="35111222",
        notification_number="120033444",
        location="12 Oak Ln",
        contractor="Acme Power",
        foreman="R. Diaz",
        auditor="K. Lee",
        audit_date="2026-03-07",
        score="91.2% (135/148)",
    )


def test_stacked_label_column_then_value_column():
    md = extract_metadata(["PM Number:\nNotification:\nLocation:\n35125285\n120045871\nPole 1147, Elm Rd"])
    assert (md.pm_number, md.notification_number, md.location) == (
        "35125285",
        "120045871",
        "Pole 1147, Elm Rd",
    )


def test_score_spacing_normalized():
    assert extract_metadata(["Audit Score: 82.35 % (140 / 170)"]).score == "82.35% (140/170)"


def test_more_label_spellings():
    md = extract_metadata(
        [
            "Auditor/Inspector: K. Lee\nSite: Elm Substation\nAudit Performed: 10/08/2025\nAudit Result: 82 % (140/170)"
        ]
    )
    assert (md.auditor, md.location, md.audit_date, md.score) == (
        "K. Lee",
        "Elm Substation",
        "2025-10-08",
        "82% (140/170)",
    )


def test_form_table_cells_without_colons():
    pdf = build_pdf(
        [
            ("row", ["PM #", "35125285", "Notif #", "120045871"]),
            ("row", ["Location", "Elm Rd, Fresno", "Contractor", "Valley Line Builders"]),
            ("row", ["Foreman", "R. Diaz", "Auditor", "K. Lee"]),
            ("row", ["Audit Date", "10/08/2025", "Score", "82.35% (140/170)"]),
            "Site conditions were reviewed by the Inspector and Contractor.",
        ]
    )
    assert extract_metadata(extract_pages(pdf).pages) == AuditMetadata(
        pm_number="35125285",
        notification_number="120045871",
        location="Elm Rd, Fresno",
        contractor="Valley Line Builders",
        foreman="R. Diaz",
        auditor="K. Lee",
        audit_date="2025-10-08",
        score="82.35% (140/170)",
    )
    assert (
        extract_metadata(["Site conditions were reviewed by the Inspector and Contractor."])
        == AuditMetadata()
    )


def test_item_locations_after_the_header_are_not_the_job_location():
    md = extract_metadata(
        ["Deficiency Report\nPM Number: 35000001\nINFRACTION #1: Cover\nLocation: Station 2+40"]
    )
    assert (md.pm_number, md.location) == ("35000001", "")
    md = extract_metadata(
        ["Deficiency Report\nLocation: Elm Rd\nGo-back: Tag missing.\nLocation: Station 2+40"]
    )
    assert md.location == "Elm Rd"


def test_prose_words_are_not_labels_and_missing_fields_stay_empty():
    md = extract_metadata(["Address the items below.\nThe contractor was on site.\nInspector notes follow."])
    assert md == AuditMetadata()
    assert md.as_dict()["pm_number"] == ""


def test_unlabelled_score_and_date_fallbacks():
    md = extract_metadata(["Field audit of October 10, 2025\nResult 82.35% (140/170) overall"])
    assert (md.audit_date, md.score) == ("2025-10-10", "82.35% (140/170)")


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2026-03-07", "2026-03-07"),
        ("2026/3/7", "2026-03-07"),
        ("03/07/2026", "2026-03-07"),
        ("3/7/26", "2026-03-07"),
        ("13/07/2026", "2026-07-13"),
        ("07.03.2026", "2026-03-07"),
        ("March 7, 2026", "2026-03-07"),
        ("Sept. 3rd, 2025", "2025-09-03"),
        ("7 Mar 2026", "2026-03-07"),
        ("07-Mar-2026", "2026-03-07"),
        ("audited on Tue, Oct 14 2025 at 9:00", "2025-10-14"),
        ("2026-02-30", ""),
        ("no date here", ""),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("corpus", ["dev"])
def test_eval_corpus_identifiers(corpus):
    expected_path = EVAL / corpus / "expected.json"
    if not expected_path.exists():
        pytest.skip("evaluation corpus not present")
    for audit in json.loads(expected_path.read_text())["audits"]:
        if audit.get("expect_error") or not audit.get("metadata"):
            continue
        md = extract_metadata(extract_pages(EVAL / corpus / audit["file"]).pages).as_dict()
        for key, value in audit["metadata"].items():
            assert md[key] == value, (audit["file"], key)
        assert len(md["audit_date"]) == 10 and md["score"]


@pytest.mark.parametrize(
    "corpus",
    ["holdout-1", "holdout-2", "holdout-3"]
    + [
        p.name
        for p in sorted((Path(__file__).resolve().parent / "corpora").glob("realtext-*"))
        if p.name != "realtext-rus2"
    ],
)
def test_holdout_corpus_identifiers(corpus):
    root = Path(__file__).resolve().parent / "corpora" / corpus
    for audit in json.loads((root / "expected.json").read_text())["audits"]:
        if audit.get("expect_error") or not audit.get("metadata"):
            continue
        md = extract_metadata(extract_pages(root / audit["file"]).pages).as_dict()
        for key, value in audit["metadata"].items():
            assert md[key] == value, (audit["file"], key)


def test_fifty_page_audit_metadata_reads_the_header_not_the_body():
    body = "\n".join(
        f"The inspector reviewed span {i}; Location: span {i}; Date: 2026-01-0{i % 9 + 1}" for i in range(40)
    )
    pages = ["PM Number: 35125285\nAudit Date: 2026-01-15\n" + body] + [body] * 49
    md = extract_metadata(pages)  # speed: `make bench` (scaling table), not a timed test
    assert (md.pm_number, md.audit_date, md.location) == (
        "35125285",
        "2026-01-15",
        "span 0",
    )


_FORM_ROWS = [
    "Work Order / PM 41000001",
    "Notification No. 120000009",
    "Site Oak Hollow Subdivision, Lot 4",
    "Contractor Northline Civil Inc",
    "Crew lead P. Brandt",
    "Auditor K. Osei",
    "Date of audit 03-Feb-2026",
    "Audit score 91.0% (91/100)",
]
_FORM_META = AuditMetadata(
    pm_number="41000001",
    notification_number="120000009",
    location="Oak Hollow Subdivision, Lot 4",
    contractor="Northline Civil Inc",
    foreman="P. Brandt",
    auditor="K. Osei",
    audit_date="2026-02-03",
    score="91.0% (91/100)",
)


@pytest.mark.parametrize("header", ["Field Value", "Item    Value", "Field | Value", ""])
def test_field_value_table_one_space_between_label_and_value(header):
    text = "\n".join(["Underground Job Audit", header, *_FORM_ROWS, "Background: the job was audited."])
    assert extract_metadata([text]) == _FORM_META


def test_field_value_table_on_alternating_lines():
    lines = ["Underground Job Audit", "Field", "Value"]
    for row in _FORM_ROWS:
        label, value = {
            "Work": ("Work Order / PM", "41000001"),
            "Notification": ("Notification No.", "120000009"),
            "Site": ("Site", "Oak Hollow Subdivision, Lot 4"),
            "Contractor": ("Contractor", "Northline Civil Inc"),
            "Crew": ("Crew lead", "P. Brandt"),
            "Auditor": ("Auditor", "K. Osei"),
            "Date": ("Date of audit", "03-Feb-2026"),
            "Audit": ("Audit score", "91.0% (91/100)"),
        }[row.split()[0]]
        lines += [label, value]
    assert extract_metadata(["\n".join([*lines, "Go-back: trench cover 20 in."])]) == _FORM_META


def test_one_space_labels_in_prose_are_not_a_form():
    text = "\n".join(
        [
            "PM Number: 41000003",
            "Site conditions were wet all week.",
            "Contractor crews arrived late on Monday.",
            "Go-back: trench cover 20 in.",
        ]
    )
    md = extract_metadata([text])
    assert (md.pm_number, md.location, md.contractor) == ("41000003", "", "")


@pytest.mark.parametrize("gap", [" ", "    "])
def test_several_labels_on_one_line_split_at_the_next_label(gap):
    text = "\n".join(
        [
            f"PM #: 41000004{gap}Notification: 120000011",
            f"Location: Birch Ln and 4th St{gap}Crew: 3 linemen{gap}Contractor: Ridgeway Power",
            f"Foreman: D. Ruiz{gap}QC reviewer: QC Tech 9{gap}Date: 2026-02-03",
            f"Auditor: L. Chen{gap}Phone: 555-0100",
        ]
    )
    assert extract_metadata([text]) == AuditMetadata(
        pm_number="41000004",
        notification_number="120000011",
        location="Birch Ln and 4th St",
        contractor="Ridgeway Power",
        foreman="D. Ruiz",
        auditor="QC Tech 9",
        audit_date="2026-02-03",
    )


def test_value_ends_at_an_unlisted_label_after_a_wide_gap():
    text = "Contractor: Ridgeway Power    Crew Size: 4\nForeman: D. Ruiz    Inspector: L. Chen"
    md = extract_metadata([text])
    assert (md.contractor, md.foreman, md.auditor) == ("Ridgeway Power", "D. Ruiz", "L. Chen")


def test_reviewer_label_and_a_location_wrapped_onto_the_next_line():
    """Safety compliance reviews name the auditor "Reviewer:"; a long location wraps its last word onto
    the next line before the header's next label ("..., Placer" / "County" / "Contractor: ..."). A short
    heading after a value that ends its line is not taken into the value."""
    text = "\n".join(
        [
            "SAFETY COMPLIANCE REVIEW",
            "PM #: 35247702 Notification #: 121039054",
            "Location: Ridge Road and Cedar Flat feeders, poles 4410 - 5130, Placer",
            "County",
            "Contractor: Sierra Powerline Services LLC Foreman: Dwayne Castellanos",
            "Reviewer: Priya Raman Date of Review: October 16, 2025",
        ]
    )
    md = extract_metadata([text])
    assert md.auditor == "Priya Raman"
    assert md.location == "Ridge Road and Cedar Flat feeders, poles 4410 - 5130, Placer County"
    short = extract_metadata(["QA AUDIT\nLocation: 12 Oak St\nFindings\n1. Pole 4 guy has no marker."])
    assert short.location == "12 Oak St"


def test_a_form_title_starting_with_a_label_word_gives_way_to_the_labelled_value():
    """realtext-mix, realtext-rus: a form titled "Contractor Safety Observation Checklist" (or set in capitals,
    "CONTRACTOR QUALITY ASSURANCE PROGRAM") was read as the contractor's name; the "Contractor: ..." line
    below names it. A safety observation form names its auditor "Observer:"."""
    text = "\n".join(
        [
            "Contractor Safety Observation Checklist - Work Near Overhead Lines",
            "PM #: 35330054",
            "Notification #: 121483947",
            "Contractor: Capitol Civil and Grading Co.",
            "Observer: Sunita Varghese",
        ]
    )
    md = extract_metadata([text])
    assert (md.contractor, md.auditor) == ("Capitol Civil and Grading Co.", "Sunita Varghese")
    caps = extract_metadata(
        [
            "CONTRACTOR QUALITY ASSURANCE PROGRAM\nPM #: 41846650\nNotification #: 230129018\n"
            "Contractor: High Country Utility Constructors\n"
        ]
    )
    assert caps.contractor == "High Country Utility Constructors"
    # A label/value table's "Auditor Jennifer Pak" is not a title: the signature line at the foot does not
    # replace it.
    tabled = extract_metadata(
        [
            "Field Value\nPM Number 35440517\nAuditor Jennifer Pak\nAudit Date October 14, 2025\n"
            "Non-Conforming Items:\n1. Conduit sweep radius 24 in.\nAuditor: Jennifer Pak October 14, 2025\n"
        ]
    )
    assert tabled.auditor == "Jennifer Pak"


def test_a_letter_to_the_contractor_names_it_in_the_addressee_block_and_the_place_in_the_subject_line():
    """realtext-gb2: an inspection letter gives the contractor and foreman in its addressee block ("Attn: Marcus
    Bell, Foreman") and the location after the job numbers of its "Re:" line; "Inspector: Sofia Antonelli."
    ends a sentence, so the full stop is not part of the name."""
    text = "\n".join(
        [
            "Underground Construction Inspection - Letter to Contractor",
            "November 12, 2025",
            "Delta Underground Constructors",
            "Attn: Marcus Bell, Foreman",
            "1180 Industrial Way, Manteca, CA",
            "Re: PM 35322019 / Notification 122108863 - Oak Court subdivision, Lots 9 - 31, Ripon",
            "Inspection score: 72.50% (116/160). Inspector: Sofia Antonelli.",
            "Dear Mr. Bell,",
            "Deficiency: The oil-filled pad-mounted transformer at Lot 14 is 2 ft 4 in from the wall.",
        ]
    )
    md = extract_metadata([text])
    assert (md.pm_number, md.notification_number) == ("35322019", "122108863")
    assert (md.contractor, md.foreman, md.auditor) == (
        "Delta Underground Constructors",
        "Marcus Bell",
        "Sofia Antonelli",
    )
    assert md.location == "Oak Court subdivision, Lots 9 - 31, Ripon"
    assert extract_metadata(["Contractor: Acme Line Corp.\n"]).contractor == "Acme Line Corp."


def test_spreadsheet_export_email_memo_and_job_line_headers():
    """realtext-rus2: a spreadsheet export prints "Field Value Field Value" over rows such as "PM_Number 35322471
    Notification 121113960" and "Location <long value> Audit_Date 2025-11-19" (nothing was read: the PM number,
    location and date were lost, and the print date was taken); an e-mail memo's author is its "From:"; a form
    that names the place only on its "Job:" line has that as its location."""
    export = "\n".join(
        [
            "QA_Findings_Export.xlsx - printed 2025-11-20",
            "Field Value Field Value",
            "PM_Number 35322471 Notification 121113960",
            "Location Prairie Hills Electric Cooperative - Hwy 12 feeder 24.9 kV reconductor, poles 8700 - 8840 "
            "Audit_Date 2025-11-19",
            "Contractor Badlands Utility Contractors LLC Foreman Jesse Two Bulls",
        ]
    )
    md = extract_metadata([export])
    assert (md.pm_number, md.notification_number, md.audit_date) == ("35322471", "121113960", "2025-11-19")
    assert (
        md.location
        == "Prairie Hills Electric Cooperative - Hwy 12 feeder 24.9 kV reconductor, poles 8700 - 8840"
    )
    memo = extract_metadata(
        [
            "From: Tom Brekke <tbrekke@example.org>\nSent: Tuesday, December 2, 2025 4:47 PM\nTo: Luis Echeverria\n"
            "Subject: QA go-backs - PM 35327093 / Notif 121118502\n"
        ]
    )
    assert memo.auditor == "Tom Brekke" and memo.pm_number == "35327093"
    sheet = extract_metadata(
        [
            "W.O. / PM No.: 35311846\nJob: Lone Tree 24.9/14.4 kV rebuild, structures 1 - 46, Custer County\n"
            "Contractor: High Plains Line Builders, Inc.\n"
        ]
    )
    assert sheet.location == "Lone Tree 24.9/14.4 kV rebuild, structures 1 - 46, Custer County"


def test_review_an_email_subject_is_no_location_and_an_abbreviation_keeps_its_stop():
    """Review: "Subject: PM 35322019 - QA Audit Results" gave the location "QA Audit Results"; "Smith & Assoc."
    lost its full stop."""
    md = extract_metadata(["Subject: PM 35322019 - QA Audit Results\nContractor: Smith & Assoc.\n"])
    assert md.location == "" and md.contractor == "Smith & Assoc." and md.pm_number == "35322019"


def test_a_letters_subject_line_after_a_phrase_wrapped_and_its_signature_block():
    """realtext-go4: "Re: QA audit, PM ..., Notification ... - Main Street ... to 9th" wraps its place onto the next
    line; the letter is signed "Sincerely," / the auditor's name / "QA Auditor, ...": the auditor."""
    text = "\n".join(
        [
            "HANFORD MUNICIPAL UTILITIES",
            "Central Valley Power Services",
            "Attn: Gus Ramirez, Foreman",
            "Re: QA audit, PM 35413318, Notification 121208140 - Main Street signal corridor, 1st Street to 9th",
            "Street, Hanford",
            "Dear Mr. Ramirez,",
            "1. At Oak and 2nd the signal hangs 14 ft 6 in above the street.",
            "Sincerely,",
            "Peter Albrecht",
            "QA Auditor, Hanford Municipal Utilities",
        ]
    )
    md = extract_metadata([text])
    assert (md.pm_number, md.notification_number) == ("35413318", "121208140")
    assert md.location == "Main Street signal corridor, 1st Street to 9th Street, Hanford"
    assert (md.foreman, md.auditor) == ("Gus Ramirez", "Peter Albrecht")


def _grid_audit(tmp_path, rows):
    path = tmp_path / "grid.pdf"
    path.write_bytes(
        build_pdf(
            [
                "Vegetation Management QA - Field Observation Checklist",
                ("table", [30, 34, 78, 48], rows),
                ("gap",),
            ]
            + ["Item 1 - Span 22", "Finding: climber working alone within 6 ft of the 12.47 kV primary."]
        )
    )
    return extract_metadata(extract_pages(path).pages)


def test_header_grid_values_read_by_column_with_a_wrapped_cell(tmp_path):
    # a label row over its value row, the location wrapping inside its own column (realtext-osha3 CL-2, FC-4):
    # plain text runs the cells together, so each value is read under its label from the page's layout
    md = _grid_audit(
        tmp_path,
        [
            ["PM No.", "Notification No.", "Location", "Contractor"],
            [
                "35402951",
                "121204873",
                "Circuit 2108 line-clearance cycle, Bluebell Ln to Hwy 20, spans 14-31",
                "Evergreen Vegetation Management Inc.",
            ],
            ["General foreman", "QA inspector", "Date", "Score"],
            ["Lonnie Pruitt", "Keith Amundsen", "Nov 13, 2025", "77.5% (31/40)"],
        ],
    )
    assert md.as_dict() == {
        "pm_number": "35402951",
        "notification_number": "121204873",
        "location": "Circuit 2108 line-clearance cycle, Bluebell Ln to Hwy 20, spans 14-31",
        "contractor": "Evergreen Vegetation Management Inc.",
        "foreman": "Lonnie Pruitt",
        "auditor": "Keith Amundsen",
        "audit_date": "2025-11-13",
        "score": "77.5% (31/40)",
    }


def test_letter_subject_names_the_visit_date_over_the_letter_date():
    # "Re: QA field visit of November 20, 2025 - PM ..., Notification ... - <place>" (realtext-osha3 LT-3): the
    # audit is the visit; the letter is dated the day after, and the place wraps onto the next line
    md = extract_metadata(
        [
            "CASCADE VALLEY PUBLIC UTILITY DISTRICT\nNovember 21, 2025\nSummit Line Constructors LLC\n"
            "Attn: Dana Whitlock, General Foreman\n"
            "Re: QA field visit of November 20, 2025 - PM 35403307, Notification 121205190 - Cascade Valley PUD -\n"
            "Wenatchee Heights 12.47 kV underbuild, poles 101-124\nDear Dana,\n1. At pole 104 the gloves ..."
        ]
    )
    assert (md.audit_date, md.pm_number, md.notification_number, md.location) == (
        "2025-11-20",
        "35403307",
        "121205190",
        "Cascade Valley PUD - Wenatchee Heights 12.47 kV underbuild, poles 101-124",
    )


def test_header_lines_of_label_and_value_cells_side_by_side(tmp_path):
    # realtext-go5 CV-2: "Contractor | Tri-County Pole Inspection Co. | Crew lead | Alan Whitaker" printed as a
    # grid; plain text reads "Location Coastal Valley ..." with one space, which is no label's value
    path = tmp_path / "pairs.pdf"
    path.write_bytes(
        build_pdf(
            [
                "INSPECTION PROGRAM QC CHECKLIST",
                (
                    "table",
                    [30, 62, 30, 62],
                    [
                        ["PM No.", "35409264", "Notification No.", "122051877"],
                        ["Contractor", "Tri-County Pole Inspection Co.", "Crew lead", "Alan Whitaker"],
                        ["Auditor", "Priya Raman", "Audit date", "October 7, 2025"],
                    ],
                ),
                (
                    "table",
                    [30, 154],
                    [["Location", "Coastal Valley Electric - Gonzales district circuit 1102"]],
                ),
                ("gap",),
                "1 Patrol interval FAIL Overhead transformers on circuit 1102 were last patrolled 3 years ago.",
            ]
        )
    )
    md = extract_metadata(extract_pages(path).pages)
    assert (md.location, md.contractor, md.foreman, md.auditor, md.audit_date) == (
        "Coastal Valley Electric - Gonzales district circuit 1102",
        "Tri-County Pole Inspection Co.",
        "Alan Whitaker",
        "Priya Raman",
        "2025-10-07",
    )


def test_a_review_letter_subject_signature_and_addressee():
    # realtext-go5 CV-3: the subject names the review before the place and runs to the margin; the addressee is a
    # project lead; the reviewer signs with a credential
    md = extract_metadata(
        [
            "COASTAL VALLEY ELECTRIC COMPANY\nOctober 14, 2025\nWestbrook Engineering & Construction\n"
            "Attention: Daniel Okafor, Project Lead\n"
            "Re: PM 35411530, Notification 122060248 - design review of the strength calculations for Coastal Valley\n"
            "Electric - Carmel Valley 21 kV line replacement, poles 1 - 44. Review rating: 64.29% (90/140).\n"
            "Dear Mr. Okafor,\nThe numbered paragraphs below are go-backs.\n1. The check uses 5,300 psi.\n"
            "Sincerely,\nHelen Marquez, P.E.\nSenior Reviewing Engineer\n"
        ]
    )
    assert (md.location, md.foreman, md.auditor, md.contractor) == (
        "Coastal Valley Electric - Carmel Valley 21 kV line replacement, poles 1 - 44",
        "Daniel Okafor",
        "Helen Marquez, P.E.",
        "Westbrook Engineering & Construction",
    )


def test_a_sentence_under_a_header_grid_is_not_its_value(tmp_path):
    # review: "Crew worked safely; ..." right under the value row was glued onto the contractor
    from engine.headgrid import resolve_grids

    layout = (
        "Contractor                 PM No.               Location                  Audit Date\n\n"
        "Evergreen Vegetation Inc.  35402951             Circuit 2108              11/20/2025\n"
        "Crew worked safely; three go-backs are listed below."
    )
    plain = (
        "Contractor PM No. Location Audit Date\nEvergreen Vegetation Inc. 35402951 Circuit 2108 11/20/2025\n"
        "Crew worked safely; three go-backs are listed below."
    )
    md = extract_metadata([resolve_grids(plain, layout)])
    assert (md.contractor, md.pm_number, md.location, md.audit_date) == (
        "Evergreen Vegetation Inc.",
        "35402951",
        "Circuit 2108",
        "2025-11-20",
    )


def test_a_table_whose_header_cells_are_labels_is_no_header_grid():
    # review: "Date | Location | Status | Remarks" over rows of values merged its first rows column by column
    from engine.headgrid import read_grids

    layout = (
        "Date          Location        Status     Remarks\n"
        "11/20/2025    Pole 4417       Open       Guard arm short\n"
        "11/20/2025    Pole 4423       Closed     Re-framed"
    )
    assert read_grids(layout) == []


def test_a_label_row_of_labels_that_are_two_labels_is_read_at_once():
    # review: "Site Location" is a label and two labels; the row pattern backtracked exponentially (6 s for 20
    # pairs). Read label by label it takes microseconds.
    from engine.headgrid import needs_layout

    assert needs_layout("Site Location " * 40 + "Date")
    assert not needs_layout("Page 1 of 3")


def test_the_salutation_is_not_part_of_the_subject_line():
    # review: a subject line running to the margin took in "Dear Ms. Whitlock," as the rest of the place
    md = extract_metadata(
        [
            "November 21, 2025\nSummit Line Constructors LLC\nAttn: Dana Whitlock, General Foreman\n"
            "Re: PM 35403307, Notification 121205190 - Orchard Rd reconductor, 1st Street to 9th Street, Fresno\n"
            "Dear Ms. Whitlock,\n1. At pole 104 the gloves were not air tested."
        ]
    )
    assert md.location == "Orchard Rd reconductor, 1st Street to 9th Street, Fresno"


def test_a_letter_to_a_construction_manager_signed_by_a_supervising_engineer():
    # realtext-go6 SG-2: the addressee's title "Construction Manager" and the signer's "Supervising Joint Pole
    # Engineer" were not read as the crew's lead and the reviewer
    page = (
        "SIERRA GOLD ELECTRIC COMPANY\n"
        "September 30, 2025\n"
        "Bayline Fiber Networks, LLC\n"
        "Attention: Priscilla Nakamura, Construction Manager\n"
        "2200 Bayshore Parkway, Oakland, California\n"
        "Re: PM 35523390, Notification 123110468 - review of pole loading for Grass Valley joint poles 1 - 40.\n"
        "Dear Ms. Nakamura,\n"
        "1. The calculation for pole 38 does not state the loading district used.\n"
        "Sincerely,\n"
        "Thomas Brennan, P.E.\n"
        "Supervising Joint Pole Engineer\n"
    )
    md = extract_metadata([page])
    assert (md.foreman, md.auditor, md.contractor) == (
        "Priscilla Nakamura",
        "Thomas Brennan, P.E.",
        "Bayline Fiber Networks, LLC",
    )
    # realtext-go7 RB-3: any engineer's title under the signature ("Compliance Review Engineer")
    md = extract_metadata([page.replace("Supervising Joint Pole Engineer", "Compliance Review Engineer")])
    assert md.auditor == "Thomas Brennan, P.E."


def test_a_qa_e_mail_names_the_crew_lead_it_goes_to_and_the_contractor_in_its_text():
    # realtext-rus2 EM-4: "To: Luis Echeverria; Construction Coordinators" and "...; contractor High Plains Line
    # Builders, Inc.)" were not read
    page = (
        "From: Tom Brekke <tbrekke@prairiehills-ec.example>\n"
        "Sent: Tuesday, December 2, 2025 4:47 PM\n"
        "To: Luis Echeverria; Construction Coordinators\n"
        "Subject: QA go-backs - PM 35327093 / Notif 121118502 - Rapid Valley tie\n"
        "Luis,\n"
        "I walked the Rapid Valley tie with your crew on 12/02/2025 (Rapid Valley tie, structures 27 - 36;\n"
        "contractor High Plains Line Builders, Inc.). Score for this visit: 70.59% (120/170).\n"
    )
    md = extract_metadata([page])
    assert (md.auditor, md.foreman, md.contractor) == (
        "Tom Brekke",
        "Luis Echeverria",
        "High Plains Line Builders, Inc.",
    )


def test_an_e_mail_to_a_list_names_no_foreman_and_prose_after_contractor_is_no_company():
    # review: "To: QA File" was taken for the foreman, "(contractor QC form not signed)" gave "QC"
    page = (
        "From: Tom Brekke <tbrekke@example.com>\n"
        "Sent: Tuesday, December 2, 2025 4:47 PM\n"
        "To: QA File; Construction Coordinators\n"
        "Subject: QA go-backs - PM 35327093 / Notif 121118502 - Rapid Valley tie\n"
        "I walked the tie today (contractor QC form not signed); the contractor I spoke with agreed.\n"
    )
    md = extract_metadata([page])
    assert (md.foreman, md.contractor) == ("", "")
