"""Infraction detection (engine.audit.detection): each layout, running headers, negatives, eval corpora."""

from __future__ import annotations

import json
import random
import re
import signal
from pathlib import Path

import pytest

from engine.audit.detection import DetectedInfraction, detect_infractions
from engine.pdftext import extract_pages
from tests.audit_pdf import build_pdf
from tests.shared_data import EVAL


def _detect(blocks, **kw):
    return detect_infractions(extract_pages(build_pdf(blocks, **kw)).pages)


def _codes(found):
    return [f.code for f in found]


# --- lead paragraphs --------------------------------------------------------------------


def test_paragraph_spanning_page_break_skips_running_header_and_footer():
    filler = "Scope of the review: route walk with the foreman, job package, permits and staking sheet."
    blocks = [
        "PM #: 40012345",
        *[filler] * 45,
        "DEFICIENCIES",
        "Deficiency: Down guy at pole P-7 has no guy guard installed and the anchor rod is exposed 14 inches "
        "above grade, which exceeds the allowed exposure of 6 inches for anchors in a traveled area.",
        "Deficiency: Neutral connector at transformer T-55 is missing its cover.",
        "Crew was courteous and the site was left clean.",
    ]
    pages = extract_pages(
        build_pdf(
            blocks,
            header="Northstar Electric - Construction QC Review",
            footer="Northstar internal",
            width=150,
        )
    ).pages
    assert len(pages) == 2 and "Deficiency: Down guy" in pages[0] and "Page 1 of 2" in pages[0]
    found, warnings = detect_infractions(pages)
    assert warnings == []
    assert found == [
        DetectedInfraction(
            "Deficiency 1",
            "Down guy at pole P-7 has no guy guard installed and the anchor rod is exposed 14 inches above grade, "
            "which exceeds the allowed exposure of 6 inches for anchors in a traveled area.",
            1,
            "paragraph",
            {},
        ),
        DetectedInfraction(
            "Deficiency 2", "Neutral connector at transformer T-55 is missing its cover.", 2, "paragraph", {}
        ),
    ]


def test_paragraph_leads_end_at_heading_label_and_short_closing_line():
    text = "\n".join(
        [
            "FINDINGS",
            "Go-back Infraction: Crossarm on pole 12 is out of level by 3 degrees, measured with a digital level at",
            "the crossarm center.",
            "Go-back: Guy marker missing on the down guy at pole 14.",
            "Audit summary: two go-back items. Overall the job meets most requirements.",
            "Violation: Riser at pole 9 lacks a",
            "weatherhead.",
            "Contractor may respond within 30 days.",
            "RECOMMENDATIONS",
            "Deficiency: none",
        ]
    )
    found, _ = detect_infractions([text])
    assert [(f.code, f.description) for f in found] == [
        (
            "Go-back Infraction 1",
            "Crossarm on pole 12 is out of level by 3 degrees, measured with a digital level at the crossarm center.",
        ),
        ("Go-back 1", "Guy marker missing on the down guy at pole 14."),
        ("Violation 1", "Riser at pole 9 lacks a weatherhead."),
    ]


def test_blank_line_ends_a_paragraph_unless_extraction_is_double_spaced():
    single = "Go-back: Anchor rod at pole 7 exposed 14 in above grade which exceeds the\nallowed exposure.\n\nthe crew was told."
    found, _ = detect_infractions([single])
    assert [f.description for f in found] == [
        "Anchor rod at pole 7 exposed 14 in above grade which exceeds the allowed exposure."
    ]
    double = "Findings\n\nGo-back: Anchor rod at pole 7 exposed 14 in above grade which exceeds the\n\nallowed exposure.\n\nGo-back: Tag missing.\n\n"
    found, _ = detect_infractions([double])
    assert [f.description for f in found] == [
        "Anchor rod at pole 7 exposed 14 in above grade which exceeds the allowed exposure.",
        "Tag missing.",
    ]


@pytest.mark.parametrize("width", [60, 90, 130, 0])
def test_wrapped_paragraphs_rejoin_exactly_at_any_column_width(width):
    rng = random.Random(width)
    vocab = (
        "pole crossarm Elm Rd conductor 23 ft 6 in clearance measured at the mid-span below required minimum. "
        "Secondary service drop 120/240 V over driveway Ground resistance 38 ohms exceeding 25 ohm limit. "
        "Two rods were installed 8 ft apart and bonded. Transformer T-8812 P-22 GO 95 Rule 37 Douglas fir"
    ).split()
    paragraphs = [
        " ".join(rng.choice(vocab) for _ in range(rng.randint(8, 60))).rstrip(".") + "." for _ in range(6)
    ]
    blocks = ["FINDINGS", *[f"Go-back Infraction: {p}" for p in paragraphs], "SIGNATURES"]
    pages = extract_pages(build_pdf(blocks, width=width, header="Utility QA", footer="Internal use")).pages
    found, _ = detect_infractions(pages)
    assert [f.description for f in found] == paragraphs


def test_lead_with_text_on_next_line():
    found, _ = detect_infractions(["Deficiency:\nTransformer T-4 nameplate faces away from the road."])
    assert _codes(found) == ["Deficiency 1"]
    assert found[0].description == "Transformer T-4 nameplate faces away from the road."


# --- blocks --------------------------------------------------------------------------------


def test_infraction_blocks_keep_fields_and_description_reads_as_the_go_back():
    text = "\n".join(
        [
            "INFRACTION #1: Primary conduit cover",
            "Location: Station 2+40",
            "Issue: Primary conduit installed with 28 inches of cover under the",
            "driveway apron.",
            "Status: GO-BACK",
            "Required correction: Lower conduit.",
            "Infraction No. 2 - Pull box lid",
            "Issue: Pull box lid is not bolted.",
            "Status: Open",
            "Audit closed pending corrections.",
        ]
    )
    found, warnings = detect_infractions(["Header line", text])
    assert warnings == []
    assert found == [
        DetectedInfraction(
            "INFRACTION #1",
            "Primary conduit cover: Primary conduit installed with 28 inches of cover under the driveway apron.",
            2,
            "block",
            {
                "title": "Primary conduit cover",
                "location": "Station 2+40",
                "issue": "Primary conduit installed with 28 inches of cover under the driveway apron.",
                "status": "GO-BACK",
                "required_correction": "Lower conduit.",
            },
        ),
        DetectedInfraction(
            "Infraction No. 2",
            "Pull box lid is not bolted.",
            2,
            "block",
            {"title": "Pull box lid", "issue": "Pull box lid is not bolted.", "status": "Open"},
        ),
    ]


def test_block_with_violation_and_measured_required_fields():
    text = "INFRACTION #1: Conduit cover\nViolation: Conduit too shallow\nMeasured: 30 in\nRequired: 36 in\nStatus: Open"
    found, _ = detect_infractions([text])
    assert found == [
        DetectedInfraction(
            "INFRACTION #1",
            "Conduit cover: Conduit too shallow. Measured: 30 in. Required: 36 in",
            1,
            "block",
            {
                "title": "Conduit cover",
                "violation": "Conduit too shallow",
                "measured": "30 in",
                "required": "36 in",
                "status": "Open",
            },
        )
    ]


def test_numbered_lead_alone_on_its_line_and_dash_lead():
    found, _ = detect_infractions(
        ["Infraction 2\nPole tag missing.\nGo-back Infraction - Guy guard missing at P-3."]
    )
    assert [(f.code, f.description) for f in found] == [
        ("Infraction 2", "Pole tag missing."),
        ("Go-back Infraction 1", "Guy guard missing at P-3."),
    ]
    assert detect_infractions(["Deficiency. The crew fixed it.\nViolation reports are filed weekly."]) == (
        [],
        [],
    )


def test_form_style_item_numbers_and_titled_blocks():
    text = "\n".join(
        [
            "Item: 1",
            "Description: Anchor rod exposed 14 in.",
            "Location: P-7",
            "GO-BACK 2 – CONDUIT COVER",
            "Primary conduit installed with 30 inches of cover under the",
            "driveway.",
            "Infraction 3: Guy marker missing",
            "Contractor may respond within 30 days.",
        ]
    )
    found, _ = detect_infractions([text])
    assert [(f.code, f.description, f.fields) for f in found] == [
        (
            "Item 1",
            "Anchor rod exposed 14 in.",
            {"description": "Anchor rod exposed 14 in.", "location": "P-7"},
        ),
        (
            "GO-BACK 2",
            "CONDUIT COVER: Primary conduit installed with 30 inches of cover under the driveway.",
            {
                "description": "Primary conduit installed with 30 inches of cover under the driveway.",
                "title": "CONDUIT COVER",
            },
        ),
        ("Infraction 3", "Guy marker missing", {}),
    ]


def test_nci_ids_with_fields():
    found, _ = _detect(
        [
            "Notification: 300012121   PM: 40012121",
            "Non-Conformance Report",
            "NCI-01: Transformer ground",
            "Location: Pole 3",
            "Description: Ground rod driven to 6 ft; rod is 8 ft long with 2 ft exposed above grade.",
            "Corrective Action: Drive rod flush.",
            "NCI-02: Conduit cover",
            "Condition: Secondary conduit at 18 inches of cover under the sidewalk.",
        ]
    )
    assert [(f.code, f.layout, f.description) for f in found] == [
        (
            "NCI-01",
            "id",
            "Transformer ground: Ground rod driven to 6 ft; rod is 8 ft long with 2 ft exposed above grade.",
        ),
        ("NCI-02", "id", "Conduit cover: Secondary conduit at 18 inches of cover under the sidewalk."),
    ]
    assert found[0].fields == {
        "title": "Transformer ground",
        "location": "Pole 3",
        "description": "Ground rod driven to 6 ft; rod is 8 ft long with 2 ft exposed above grade.",
        "corrective_action": "Drive rod flush.",
    }


def test_equipment_ids_inside_list_items_are_not_item_ids():
    found, _ = detect_infractions(
        ["Infractions Found:\n1. TAG-2 pole replacement required\n2. P-7 guy guard missing"]
    )
    assert _codes(found) == ["Item 1", "Item 2"]


# --- checklists ------------------------------------------------------------------------------


def test_checklist_only_no_rows_with_count_cross_check_warning():
    found, warnings = _detect(
        [
            "PM No. 40055501    Notification # 300011122",
            "#  Inspection point  Pass/Fail  Remarks",
            "1 Is the anchor set in undisturbed soil? Pass",
            "2 Are guy markers installed on all guys? Fail Guy marker missing on the down guy at pole 14.",
            "3 Is the pole ground connected to the neutral? Fail Ground wire cut at the butt of pole 15 and not "
            "reconnected to",
            "the system neutral.",
            "4 Are climbing steps removed below 8 ft? N/A",
            "5 Is the transformer tank bonded? No Bond jumper installed with #8 copper.",
            "Total Number of Non-Conforming Items 2",
            "Recommendations",
            "1. Review guying standards with the crew.",
        ]
    )
    assert [(f.code, f.description, f.fields) for f in found] == [
        (
            "Item 2",
            "Guy marker missing on the down guy at pole 14.",
            {"subject": "Are guy markers installed on all guys?", "answer": "Fail", "item": "2"},
        ),
        (
            "Item 3",
            "Ground wire cut at the butt of pole 15 and not reconnected to the system neutral.",
            {"subject": "Is the pole ground connected to the neutral?", "answer": "Fail", "item": "3"},
        ),
        (
            "Item 5",
            "Bond jumper installed with #8 copper.",
            {"subject": "Is the transformer tank bonded?", "answer": "No", "item": "5"},
        ),
    ]
    assert {f.layout for f in found} == {"checklist"} and {f.page for f in found} == {1}
    assert warnings == [
        "The audit states 2 non-conforming item(s) (page 1) but 3 checklist 'No' rows were found."
    ]


def test_checklist_matching_count_no_warning_and_rows_without_question_marks():
    text = "\n".join(
        [
            "Item Question Yes/No/N/A Comments",
            "1 Poles set to required depth Yes",
            "2 Pole tags installed at correct",
            "height? No Tag on P-2 at 9 ft.",
            "3 Guy guards installed No",
            "Total Number of Non-Conforming Items 2",
        ]
    )
    found, warnings = detect_infractions([text])
    assert warnings == []
    assert [(f.code, f.description, f.fields["subject"]) for f in found] == [
        ("Item 2", "Tag on P-2 at 9 ft.", "Pole tags installed at correct height?"),
        ("Item 3", "Guy guards installed", "Guy guards installed"),
    ]


def test_checklist_rows_without_numbers_and_with_section_ids():
    text = "\n".join(
        [
            "QC Checklist  Yes/No/N/A",
            "Poles set to required depth? Yes",
            "Guy guards installed? No, guard missing at P-4.",
            "Tags installed? N/A",
            "Total Number of Non-Conforming Items 1",
            "OH-1 Crossarms level? Yes",
            "OH-2 Insulators clean? No Insulator at P-9 chipped.",
        ]
    )
    found, warnings = detect_infractions([text])
    assert warnings == []
    assert [(f.code, f.description, f.fields) for f in found] == [
        (
            "Item 2",
            "guard missing at P-4.",
            {"subject": "Guy guards installed?", "answer": "No", "item": "2"},
        ),
        (
            "Item OH-2",
            "Insulator at P-9 chipped.",
            {"subject": "Insulators clean?", "answer": "No", "item": "OH-2"},
        ),
    ]


def test_checklist_with_single_letter_answers():
    text = "\n".join(
        [
            "Ref Inspection Item Compliant (Y/N) Comments",
            "1.1 Pole setting depth meets standard Y",
            "1.2 Guy guards installed N Missing at P-4.",
            "1.3 Phase N conductor bonded Y",
            "1.4 Phase N conductor tagged N",
            "Total Non-Conforming Items: 2",
        ]
    )
    found, warnings = detect_infractions([text])
    assert warnings == []
    assert [(f.code, f.description, f.fields["subject"]) for f in found] == [
        ("Item 1.2", "Missing at P-4.", "Guy guards installed"),
        ("Item 1.4", "Phase N conductor tagged", "Phase N conductor tagged"),
    ]


def test_checklist_whose_yes_marks_a_deficiency():
    text = "Item Condition Deficient (Y/N) Remarks\n1 Anchor rod exposed Y Rod exposed 10 in at P-2.\n2 Guy marker missing N"
    found, _ = detect_infractions([text])
    assert [(f.code, f.description, f.fields["answer"]) for f in found] == [
        ("Item 1", "Rod exposed 10 in at P-2.", "Y")
    ]


def test_section_totals_and_grand_total():
    text = "\n".join(
        [
            "1 Poles set? No Pole 3 shallow.",
            "2 Tags set? No Tag missing.",
            "Total Number of Non-Conforming Items 2",
            "3 Guys guarded? No Guard missing.",
            "Total Number of Non-Conforming Items 2",
            "Grand Total Non-Conforming Items: 3",
        ]
    )
    found, warnings = detect_infractions([text])
    assert _codes(found) == ["Item 1", "Item 2", "Item 3"]
    assert warnings == [
        "The audit states 2 non-conforming item(s) (page 1) but 1 checklist 'No' rows were found."
    ]


def test_nci_ids_without_delimiter():
    found, _ = detect_infractions(
        ["Report\nNCI-01 Pole tag missing at P-22.\nNCI-02 Guy guard missing at P-4."]
    )
    assert [(f.code, f.description, f.layout) for f in found] == [
        ("NCI-01", "Pole tag missing at P-22.", "id"),
        ("NCI-02", "Guy guard missing at P-4.", "id"),
    ]


# --- numbered lists ----------------------------------------------------------------------------


def test_numbered_findings_with_sub_bullets_and_other_lists_ignored():
    found, _ = _detect(
        [
            "Deficiencies Noted:",
            "1) Pole P-21 framing:",
            "- crossarm brace bolt missing",
            "- insulator pin loose by 1/4 in",
            "2) Service drop over the driveway at 55 Pine St measured at 14 ft 2 in above grade, below the "
            "clearance required over driveways subject to truck traffic on the private road.",
            "3) Riser guard at pole P-25 is 7 ft long.",
            "Corrective Actions Required:",
            "1) Replace the brace bolt.",
            "Observations",
            "- Missing traffic cones were replaced by the crew.",
        ]
    )
    assert [(f.code, f.description) for f in found] == [
        ("Item 1", "Pole P-21 framing; crossarm brace bolt missing; insulator pin loose by 1/4 in"),
        (
            "Item 2",
            "Service drop over the driveway at 55 Pine St measured at 14 ft 2 in above grade, below the clearance "
            "required over driveways subject to truck traffic on the private road.",
        ),
        ("Item 3", "Riser guard at pole P-25 is 7 ft long."),
    ]
    assert found[0].fields == {"details": ["crossarm brace bolt missing", "insulator pin loose by 1/4 in"]}
    assert {f.layout for f in found} == {"list"}


def test_bullets_under_findings_heading_are_numbered():
    found, _ = detect_infractions(["Findings\n• Anchor rod exposed 10 in.\n• Guy marker missing at pole 4."])
    assert [(f.code, f.description) for f in found] == [
        ("Item 1", "Anchor rod exposed 10 in."),
        ("Item 2", "Guy marker missing at pole 4."),
    ]


def test_plain_paragraphs_under_go_back_heading_when_no_other_layout():
    text = "\n".join(
        [
            "Go-Back Items",
            "Anchor rod at pole 7 exposed 14 in above grade.",
            "Guy marker missing on the down guy at pole 9; the guy crosses a",
            "sidewalk.",
            "SIGNATURES",
            "Inspector: K. Lee",
        ]
    )
    found, _ = detect_infractions([text])
    assert [(f.code, f.description, f.layout) for f in found] == [
        ("Item 1", "Anchor rod at pole 7 exposed 14 in above grade.", "paragraph"),
        ("Item 2", "Guy marker missing on the down guy at pole 9; the guy crosses a sidewalk.", "paragraph"),
    ]


def test_summary_prose_is_not_a_finding_when_leads_follow():
    text = "FINDINGS SUMMARY\nThree go-back items were identified on this job.\nGO-BACK DETAILS\nGo-back: Anchor rod exposed.\n"
    found, _ = detect_infractions([text])
    assert [(f.code, f.description) for f in found] == [("Go-back 1", "Anchor rod exposed.")]
    assert detect_infractions(
        ["Findings\nNo deficiencies were found during this audit.\nAll work was found compliant."]
    ) == (
        [],
        [],
    )


def test_table_rows_numbered_without_punctuation_under_column_header():
    text = "\n".join(
        [
            "Deficiencies",
            "No. Description Location Status",
            "1 Anchor rod exposed 14 in above grade Pole 7 Open",
            "2 Guy marker missing Pole 9 Open",
            "3 Riser strap spacing 6 ft Pole 11 Closed",
        ]
    )
    found, _ = detect_infractions([text])
    # The status cell is read off the row (the location cell, unwrapped, stays in the text).
    assert [(f.code, f.description, f.fields["status"]) for f in found] == [
        ("Item 1", "Anchor rod exposed 14 in above grade Pole 7", "Open"),
        ("Item 2", "Guy marker missing Pole 9", "Open"),
        ("Item 3", "Riser strap spacing 6 ft Pole 11", "Closed"),
    ]


def test_two_fields_on_one_line_and_title_on_next_line():
    text = "INFRACTION #1\nAnchor rod exposure\nLocation: Pole 7   Status: Open\nIssue: Anchor rod exposed 14 in."
    found, _ = detect_infractions([text])
    assert found == [
        DetectedInfraction(
            "INFRACTION #1",
            "Anchor rod exposure: Anchor rod exposed 14 in.",
            1,
            "block",
            {
                "title": "Anchor rod exposure",
                "location": "Pole 7",
                "status": "Open",
                "issue": "Anchor rod exposed 14 in.",
            },
        )
    ]


def test_finding_labelled_observation_is_skipped():
    found, _ = detect_infractions(
        ["Finding 1 (Go-back): Anchor rod exposed.\nFinding 2 (Observation): Crew tidy."]
    )
    assert [(f.code, f.description) for f in found] == [("Finding 1", "Anchor rod exposed.")]


def test_checklist_with_one_cell_per_line():
    text = "\n".join(
        [
            "Item Question Yes/No/N/A Comments",
            "1",
            "Poles set to required depth?",
            "Yes",
            "2",
            "Pole tags installed at correct height?",
            "No",
            "Pole tag on P-22 installed 6 ft above ground line.",
            "3",
            "Guy guards installed?",
            "N/A",
            "Non-Conforming Items Total: 1",
        ]
    )
    found, warnings = detect_infractions([text])
    assert warnings == []
    assert [(f.code, f.description, f.fields["subject"]) for f in found] == [
        (
            "Item 2",
            "Pole tag on P-22 installed 6 ft above ground line.",
            "Pole tags installed at correct height?",
        )
    ]


# --- negatives -----------------------------------------------------------------------------------


def test_clean_audit_with_prose_compliant_lists_observations_and_notes():
    found, warnings = _detect(
        [
            "Field Audit Summary",
            "PM Number: 40077777",
            "The audit found no items missing and no failed inspections. No deficiencies were noted; the crew "
            "corrected one missing tag during the visit before the audit closed.",
            "Items Found Compliant",
            "1. Conductor sag within tolerance.",
            "2. Grounding installed and tested.",
            "Observations",
            "- Missing traffic cones at the staging area were replaced by the crew.",
            "Notes: failed splice from a previous job was not part of this scope.",
            "Non-Conforming Items: 0",
        ]
    )
    assert found == [] and warnings == []


def test_compliant_and_recommendation_sections_after_go_backs():
    text = "\n".join(
        [
            "Go-back Infraction: Ground resistance measured at 45 ohms.",
            "COMPLIANT ITEMS",
            "The following items were found to be compliant:",
            "- Warning tape installed at 12 inches below grade",
            "RECOMMENDATIONS",
            "1. Install additional grounding rods (Priority: High)",
            "CONCLUSION",
            "One infraction requires attention.",
        ]
    )
    found, _ = detect_infractions([text])
    assert [(f.code, f.description) for f in found] == [
        ("Go-back Infraction 1", "Ground resistance measured at 45 ohms.")
    ]


def test_section_heading_after_unfinished_list_item_still_ends_the_section():
    text = "Infractions Found:\n1. Riser guard at pole P-25 is 7 ft long\nRecommendations\n1. Review the standards with the crew"
    found, _ = detect_infractions([text])
    assert [(f.code, f.description) for f in found] == [("Item 1", "Riser guard at pole P-25 is 7 ft long")]


def test_empty_and_blank_pages():
    assert detect_infractions([]) == ([], [])
    assert detect_infractions(["", "   \n\n"]) == ([], [])


# --- hold-out regressions: page breaks after record lines, notes lists, "No ..." remarks --------


def test_finding_cut_by_page_break_after_short_id_lines_keeps_both_halves():
    records = [f"ST-{n}: guying per drawing, tag legible." for n in range(101, 116)]
    blocks = [
        "Work Order: 40056789",
        "Findings",
        "Deficiency: Vault lid at structure ST-100 is cracked across its full width.",
        "Structure notes",
        *records,
        # The lead's first line stops short of the margin, then the page turns.
        "Deficiency: Anchor at structure ST-118 near the corner of Elm St and",
        ("page",),
        "Oak Ave is set 4 ft from the curb; the drawing shows 6 ft.",
        "Deficiency: Pole ST-120 (40 ft, Class 3) beside the school",
        ("page",),
        "Driveway leans 4 degrees toward the road.",
        "Recommendations",
        "Re-check the anchors at the next visit.",
    ]
    pages = extract_pages(
        build_pdf(blocks, header="Valley Power | Field QA | WO 40056789", footer="Internal")
    ).pages
    assert len(pages) == 3 and "Page 2 of 3" in pages[1]
    found, _ = detect_infractions(pages)
    assert [(f.code, f.description, f.page) for f in found] == [
        ("Deficiency 1", "Vault lid at structure ST-100 is cracked across its full width.", 1),
        (
            "Deficiency 2",
            "Anchor at structure ST-118 near the corner of Elm St and Oak Ave is set 4 ft from the curb; "
            "the drawing shows 6 ft.",
            1,
        ),
        (
            "Deficiency 3",
            "Pole ST-120 (40 ft, Class 3) beside the school Driveway leans 4 degrees toward the road.",
            2,
        ),
    ]


def test_record_heading_after_a_page_break_is_not_glued_to_the_finding():
    blocks = [
        "Findings",
        "Deficiency: Guy marker missing at pole 31",
        ("page",),
        "Pole-by-pole notes",
        "Pole 32: tag legible.",
    ]
    found, _ = detect_infractions(extract_pages(build_pdf(blocks, footer="QA")).pages)
    assert [f.description for f in found] == ["Guy marker missing at pole 31"]


def test_lead_after_a_record_line_is_a_new_finding_not_a_field_of_it():
    text = "\n".join(
        [
            "Findings",
            "XR-7: tangent framing, insulators clean.",
            "Deficiency: Crossarm at XR-8 is split at the pin.",
        ]
    )
    found, _ = detect_infractions([text])
    assert [(f.code, f.description) for f in found] == [
        ("XR-7", "tangent framing, insulators clean."),
        ("Deficiency 1", "Crossarm at XR-8 is split at the pin."),
    ]


@pytest.mark.parametrize(
    "heading", ["Span-by-span notes", "Inspection log", "Field observations", "Structure remarks", None]
)
def test_labelled_record_lists_are_not_infractions(heading):
    # With no heading of their own, the records sit in a section whose findings are leads.
    blocks = [
        "Findings",
        "Deficiency: Guy marker missing on the down guy at pole 31.",
        "The inspector walked the line with the foreman and compared each structure with the drawings.",
        *([heading] if heading else []),
        *[f"BX-{n}: framing per drawing, hardware tight." for n in range(20, 32)],
        "Pole 33: riser guard secured, tag installed.",
        "Deficiency: Ground wire molding missing at pole 34.",
    ]
    found, _ = detect_infractions(extract_pages(build_pdf(blocks)).pages)
    assert [f.description for f in found] == [
        "Guy marker missing on the down guy at pole 31.",
        "Ground wire molding missing at pole 34.",
    ]


def test_id_lines_under_an_infraction_heading_are_findings():
    text = "Deficiencies Found\nBX-20: Guy guard missing at the sidewalk.\nBX-21: Anchor rod exposed 14 in."
    found, _ = detect_infractions([text])
    assert _codes(found) == ["BX-20", "BX-21"]


def test_checklist_remark_starting_with_no_keeps_it():
    blocks = [
        "Underground QC Record",
        ("row", ["#", "Check", "OK (Y/N/NA)", "Remarks"]),
        "1 Cable tags in enclosure Y",
        "2 Vehicle protection N No guard posts at pad P-12; the pad sits 1 ft from the parking stall.",
        "3 Sump in vault N No sump in vault V-4.",
        "4 Lid rating NA No traffic load here.",
        "5 Warning signs No No high-voltage sign on the pad door.",
        "Total Number of Non-Conforming Items 3",
    ]
    found, warnings = detect_infractions(extract_pages(build_pdf(blocks)).pages)
    assert warnings == []
    assert [(f.code, f.description, f.fields["answer"], f.fields["subject"]) for f in found] == [
        (
            "Item 2",
            "No guard posts at pad P-12; the pad sits 1 ft from the parking stall.",
            "N",
            "Vehicle protection",
        ),
        ("Item 3", "No sump in vault V-4.", "N", "Sump in vault"),
        ("Item 5", "No high-voltage sign on the pad door.", "No", "Warning signs"),
    ]


def test_checklist_table_with_wrapped_remarks_that_begin_with_no():
    rows = [
        ["#", "Requirement", "Y/N", "Comments"],
        [
            "1",
            "Guy guards installed where required",
            "N",
            "No guy guard on the sidewalk-side down guy at pole 8; pedestrians walk within 2 ft of it "
            "every day on the way to school.",
        ],
        ["2", "Pole tags installed", "Y", ""],
        ["3", "Connectors", "N", "No compression connector on the rod at pole 9."],
        ["4", "Site clean", "Y", "Good."],
    ]
    blocks = [
        "Overhead QC Checklist",
        ("table", [10, 50, 15, 60], rows),
        "Total Number of Non-Conforming Items 2",
    ]
    found, warnings = detect_infractions(extract_pages(build_pdf(blocks)).pages)
    assert warnings == []
    assert [(f.code, f.description) for f in found] == [
        (
            "Item 1",
            "No guy guard on the sidewalk-side down guy at pole 8; pedestrians walk within 2 ft of it "
            "every day on the way to school.",
        ),
        ("Item 3", "No compression connector on the rod at pole 9."),
    ]


# --- other utilities' layouts ---------------------------------------------------------------------


def test_findings_table_with_wrapped_finding_cells():
    rows = [
        ["Item", "Location", "Finding", "Std Ref", "Status"],
        [
            "1",
            "Pole LM-14, Birch St",
            "Down guy anchor rod exposed 16 in above finished grade in a lawn area; the guy marker is also missing.",
            "DS-310 4.2",
            "Open",
        ],
        ["2", "Vault 7", "Cable racks not bonded to the vault ground bus.", "DS-415", "Open"],
        [
            "3",
            "Pole LM-19",
            "Riser conduit straps spaced 6 ft apart over the full height of the riser above the guard; "
            "two straps are loose.",
            "DS-212 3.1",
            "Corrected",
        ],
    ]
    blocks = [
        "Lakeshore Power - Field Inspection",
        "Inspection Results",
        ("table", [12, 35, 80, 25, 18], rows),
        "All open items are to be corrected within 10 working days.",
        "Inspector: K. Lund",
    ]
    found, _ = detect_infractions(extract_pages(build_pdf(blocks)).pages)
    assert [(f.code, f.description, f.layout) for f in found] == [
        (
            "Item 1",
            "Down guy anchor rod exposed 16 in above finished grade in a lawn area; the guy marker is also missing.",
            "table",
        ),
        ("Item 2", "Cable racks not bonded to the vault ground bus.", "table"),
        (
            "Item 3",
            "Riser conduit straps spaced 6 ft apart over the full height of the riser above the guard; "
            "two straps are loose.",
            "table",
        ),
    ]
    assert found[0].fields == {
        "location": "Pole LM-14, Birch St",
        "reference": "DS-310 4.2",
        "status": "Open",
    }
    assert found[1].fields == {"location": "Vault 7", "reference": "DS-415", "status": "Open"}
    assert found[2].fields == {"location": "Pole LM-19", "reference": "DS-212 3.1", "status": "Corrected"}
    # A row whose finding cell says "None" is no finding.
    empty = [rows[0], ["1", "Vault 7", "None", "", ""]]
    assert detect_infractions(extract_pages(build_pdf([("table", [12, 35, 80, 25, 18], empty)])).pages) == (
        [],
        [],
    )


def test_findings_table_over_two_pages_with_repeated_header_and_no_status_column():
    subjects = ["Guy marker", "Riser guard", "Pole tag", "Ground molding", "Crossarm brace", "Anchor rod"]
    rows = [["No.", "Pole No.", "Description of Deficiency", "Reference"]]
    for i in range(1, 41):
        subject = subjects[i % len(subjects)]
        text = (
            f"{subject} at the corner structure is not installed per the framing drawing; the crew left the "
            f"old hardware in place and did not record it on the as-built sheet for span {i}."
            if i % 4 == 0
            else f"{subject} missing at span {i}."
        )
        rows.append([str(i), f"P-{100 + i * 7}", text, f"OH-{200 + i} 3.{i}"])
    blocks = ["Distribution QA Audit", "Deficiencies", ("table", [15, 25, 110, 30], rows), "Auditor: M. Ray"]
    pages = extract_pages(build_pdf(blocks, header="Acme Utility QA", footer="Acme")).pages
    assert len(pages) >= 2
    found, _ = detect_infractions(pages)
    assert _codes(found) == [f"Item {i}" for i in range(1, 41)]
    assert found[3].fields == {"location": "P-128", "reference": "OH-204 3.4"}
    assert found[3].description.startswith("Crossarm brace at the corner structure") and found[
        3
    ].description.endswith("as-built sheet for span 4.")
    # a row that did not wrap gives its location cell by its form, as a wrapped one does by its lines
    assert found[4].description == "Anchor rod missing at span 5."
    assert found[4].fields["location"] == "P-135"
    assert found[-1].page == len(pages)


def test_findings_table_rows_whose_location_cell_is_a_street_address():
    """A row number followed by a location cell that begins with a house number ("1 1207 Marsh Rd
    Service drop ...", "7 2270 Commerce Way" over a wrapped finding) still starts the row."""
    rows = [
        ["Item", "Location", "Finding", "Status"],
        [
            "1",
            "1207 Marsh Rd",
            "Service drop to 1207 Marsh Rd over the private driveway measured 12 ft 5 in.",
            "Open",
        ],
        [
            "2",
            "Pole 7735",
            "Overhead guy from pole 7735 across Marsh Rd measured 17 ft 5 in above the road.",
            "Open",
        ],
        [
            "3",
            "2270 Commerce Way",
            "Overhead service to the duplex at 2270 Commerce Way is served from a 50 kVA pole transformer; "
            "the reviewer states that new services in residential zones must be underground.",
            "Open",
        ],
        ["4", "1280 Marsh Rd", "Service drop over the side yard measured 10 ft 5 in.", "Closed"],
    ]
    blocks = ["Valley QA Field Audit", "Findings", ("table", [12, 35, 100, 20], rows), "Auditor: J. Prewitt"]
    found, _ = detect_infractions(extract_pages(build_pdf(blocks)).pages)
    assert [(f.code, f.layout, f.fields.get("status")) for f in found] == [
        ("Item 1", "table", "Open"),
        ("Item 2", "table", "Open"),
        ("Item 3", "table", "Open"),
        ("Item 4", "table", "Closed"),
    ]
    assert found[0].description.endswith("over the private driveway measured 12 ft 5 in.")
    assert found[2].description.endswith("must be underground.")
    # The row's number and location alone on the first line, the finding cell wrapped under it.
    text = "\n".join(
        [
            "FINDINGS",
            "Item Location Finding Reference Corrective action",
            "1 Parking entrance Service drop over the private driveway measured 14 ft 9 in. GO 95 54.8-B Raise it.",
            "2 2270 Commerce Way",
            "Overhead service to the duplex at 2270 Commerce Way",
            "is served from a 50 kVA pole transformer.",
            "Greenbook 4.2 Convert to underground.",
            "Items reviewed and found acceptable: connectors, meter panel grounding.",
        ]
    )
    found, _ = detect_infractions([text])
    assert [(f.code, f.layout) for f in found] == [("Item 1", "table"), ("Item 2", "table")]
    assert found[1].fields["location"] == "2270 Commerce Way"
    assert found[1].description.startswith("Overhead service to the duplex at 2270 Commerce Way is served")
    # A wrapped finding line that starts with a quantity ("3 ft 6 in ...") is no new row.
    text = "\n".join(
        [
            "Findings",
            "Item Location Finding Status",
            "1 2260 Commerce Way Service conductors cross the warehouse roof at",
            "2 ft 6 in above the roof, short of the required clearance. Open",
        ]
    )
    found, _ = detect_infractions([text])
    assert [f.code for f in found] == ["Item 1"] and found[0].description.endswith("required clearance.")


def test_findings_table_row_whose_location_cell_begins_with_a_decimal_value():
    """After a row that ended with its status cell, the next number starts a row whatever its location cell
    holds ("5 34.5 kV crossing At the crossing ..."); before, the table ended there and every later row was
    lost. Regulation references ("Table R-6", "(l)(3)") are read as the reference cell."""
    text = "\n".join(
        [
            "FINDINGS REGISTER",
            "No. Location Finding Rule cited Status",
            "1 P-5126 A lineman without rubber gloves was measured 2 ft 4 in from the energized phase. Table R-6 Open",
            "2 34.5 kV crossing A groundman was measured 2 ft 9 in from the energized conductor. Table R-6 Open",
            "3 P-4431",
            "The lineman's bare upper arm came within 1 ft 2 in of the energized B phase,",
            "which had no cover-up.",
            "(l)(3) Open",
        ]
    )
    found, _ = detect_infractions([text])
    assert [f.code for f in found] == ["Item 1", "Item 2", "Item 3"]
    assert found[0].fields["reference"] == "Table R-6" and found[0].description.endswith("energized phase.")
    assert found[2].fields == {"location": "P-4431", "status": "Open", "reference": "(l)(3)"}


def test_findings_table_under_a_compliant_heading_is_not_read():
    rows = [["Item", "Location", "Finding", "Status"], ["1", "Pole 4", "Framing per drawing.", "Closed"]]
    blocks = ["Compliant Items", ("table", [15, 40, 90, 25], rows)]
    assert detect_infractions(extract_pages(build_pdf(blocks)).pages) == ([], [])


def test_go_backs_numbered_gb_and_go_back_hash():
    blocks = [
        "Go-Back List",
        "GB-1: Anchor rod at pole 22 projects 15 in above grade.",
        "GB-2 - Secondary riser at pole 23 has no standoff brackets.",
        "Go Back #3",
        "Transformer T-9 nameplate faces away from the road.",
        "Go Back #4 - Missing guy marker",
        "The down guy at pole 25 has no guy marker installed.",
        "Closing remarks",
        "Crew was cooperative.",
    ]
    found, _ = detect_infractions(extract_pages(build_pdf(blocks)).pages)
    assert [(f.code, f.description) for f in found] == [
        ("GB-1", "Anchor rod at pole 22 projects 15 in above grade."),
        ("GB-2", "Secondary riser at pole 23 has no standoff brackets."),
        ("Go Back #3", "Transformer T-9 nameplate faces away from the road."),
        ("Go Back #4", "Missing guy marker: The down guy at pole 25 has no guy marker installed."),
    ]


def test_lead_label_variants_of_other_utilities():
    text = "\n".join(
        [
            "Findings",
            "Audit Finding 1 of 3: Anchor rod exposed 14 in above grade.",
            "Non-Compliance #2: Riser guard missing at pole 4.",
            "Punch List Item 3 - Pole tag missing at pole 6.",
            "QA Finding: the crew was courteous.",
        ]
    )
    found, _ = detect_infractions([text])
    assert [(f.code, f.description) for f in found] == [
        ("Audit Finding 1", "Anchor rod exposed 14 in above grade."),
        ("Non-Compliance #2", "Riser guard missing at pole 4."),
        ("Punch List Item 3", "Pole tag missing at pole 6."),
    ]


def test_corrective_action_required_forms():
    form = [
        "CORRECTIVE ACTION REQUIRED",
        "Item No.: 1",
        "Location: Pole 4410, Maple Ave",
        "Condition Found: Crossarm braces installed upside down on the double dead-end.",
        "Standard: OH-205",
        "Corrective Action Required: Reinstall the braces.",
        "Due Date: 03/30/2025",
        ("gap",),
        "Item No.: 2",
        "Location: Pole 4412",
        "Description of Deficiency: Ground wire molding missing for the lower 8 ft of the pole.",
        "Standard: OH-118",
        "Corrective Action Required: Install molding.",
        ("gap",),
        "Inspector Signature: ______",
    ]
    found, _ = detect_infractions(extract_pages(build_pdf(form)).pages)
    assert [(f.code, f.description) for f in found] == [
        ("Item 1", "Crossarm braces installed upside down on the double dead-end."),
        ("Item 2", "Ground wire molding missing for the lower 8 ft of the pole."),
    ]
    assert found[0].fields["location"] == "Pole 4410, Maple Ave"
    assert found[0].fields["standard"] == "OH-205"
    assert found[1].fields["corrective_action_required"] == "Install molding."


def test_findings_set_as_bold_headings_over_a_paragraph():
    blocks = [
        "Field Audit Findings",
        ("bold", "Missing Guy Guard at Pole 14"),
        "The down guy on pole 14 beside the sidewalk has no guy guard; pedestrians pass within 2 ft of the guy.",
        ("bold", "Improper Conduit Cover on Lateral"),
        "The secondary lateral between the pedestal and the meter has 14 in of cover where it crosses the "
        "driveway, measured at two points with a probe.",
        ("bold", "Incomplete Job Package"),
        "The as-built drawings were not signed by the foreman.",
        ("bold", "General Comments"),
        "Site was clean and traffic control was in place.",
    ]
    # A titled note over a compliant paragraph is no finding.
    clean = ["Findings", ("bold", "Traffic Control"), "Traffic control was found to be in compliance."]
    assert detect_infractions(extract_pages(build_pdf(clean)).pages) == ([], [])
    found, _ = detect_infractions(extract_pages(build_pdf(blocks, width=150)).pages)
    assert [(f.code, f.fields["title"], f.layout) for f in found] == [
        ("Item 1", "Missing Guy Guard at Pole 14", "titled"),
        ("Item 2", "Improper Conduit Cover on Lateral", "titled"),
        ("Item 3", "Incomplete Job Package", "titled"),
    ]
    assert found[1].description == (
        "Improper Conduit Cover on Lateral: The secondary lateral between the pedestal and the meter has 14 in "
        "of cover where it crosses the driveway, measured at two points with a probe."
    )


def test_findings_set_as_all_caps_headings_over_a_paragraph():
    """The ALL-CAPS layout (engine/audit/layouts/caps.py): a capitalised finding heading over its
    paragraph is a finding; capitalised report sections after the findings are not."""
    blocks = [
        "PM #: 40012345",
        "GO-BACK ITEMS",
        ("bold", "MISSING GUY GUARD AT POLE 14"),
        "The down guy at pole 14 has no guy guard installed where the guy crosses the sidewalk.",
        ("bold", "DEFECTIVE CROSSARM BRACE AT POLE 15"),
        "The crossarm brace at pole 15 is cracked through at the lower bolt hole.",
        ("bold", "RISER WITHOUT STANDOFF BRACKETS"),
        "The secondary riser at pole 17 is strapped directly to the pole with no standoff brackets.",
        ("bold", "RECOMMENDATIONS"),
        "Keep the crew on the same framing drawings for the next phase of the job.",
        ("bold", "AUDITOR CERTIFICATION"),
        "I certify that the items above were observed in the field on the audit date.",
    ]
    found, _ = detect_infractions(extract_pages(build_pdf(blocks)).pages)
    assert [(f.code, f.fields["title"], f.layout) for f in found] == [
        ("Item 1", "MISSING GUY GUARD AT POLE 14", "titled"),
        ("Item 2", "DEFECTIVE CROSSARM BRACE AT POLE 15", "titled"),
        ("Item 3", "RISER WITHOUT STANDOFF BRACKETS", "titled"),
    ]
    assert found[0].description == (
        "MISSING GUY GUARD AT POLE 14: The down guy at pole 14 has no guy guard installed where the guy "
        "crosses the sidewalk."
    )
    # Outside an infraction section, and with no paragraph under it, a capitalised line is a heading.
    quiet = ["COMPLIANT ITEMS", ("bold", "GUY GUARD AT POLE 9"), "Guard installed per the standard."]
    assert detect_infractions(extract_pages(build_pdf(quiet)).pages) == ([], [])
    bare = ["DEFICIENCIES", "MISSING GUY GUARD AT POLE 14", "", "Deficiency: Guy marker missing at pole 3."]
    assert [f.description for f in detect_infractions(["\n".join(bare)])[0]] == [
        "Guy marker missing at pole 3."
    ]


# --- speed and linear patterns ------------------------------------------------------------------------


def test_fifty_page_audit_finds_every_go_back_on_every_page():
    prose = [
        f"The inspector reviewed span {i} with the foreman; conductor sag, framing and hardware were checked "
        "against the job package and the staking sheet."
        for i in range(30)
    ]
    page = "\n".join(
        ["Utility QA Review", "PM Number: 35125285", *prose, "FINDINGS"]
        + [
            f"Go-back Infraction: Pole {i} set at a depth of 5 ft 2 in, which does not meet the setting depth "
            "requirement for a class 3 pole in native soil."
            for i in range(5)
        ]
        + [
            "1 Poles set to required depth? No Pole 3 at 5 ft.",
            "Total Number of Non-Conforming Items 1",
            "Page 1 of 50",
        ]
    )
    pages = [page] * 50
    # Speed is measured by `make bench` (scaling table: audit length 1-200 pages), not here.
    found, _ = detect_infractions(pages)
    assert len(found) == 50 * 6
    assert {f.page for f in found} == set(range(1, 51))


def test_pathological_lines_do_not_backtrack():
    nasty = [
        "1 " + "a " * 5000 + "?",
        "1 " + "word? " * 3000,
        "Go-back" + " -" * 5000,
        "NCI-" + "1" * 5000,
        "(" * 5000,
        "Item " + "1 " * 5000,
    ]
    # Catastrophic backtracking on 5,000-character lines runs for minutes, so an alarm far above
    # any normal run (a few ms) fails it without a timing budget a busy CI machine could miss.
    signal.signal(signal.SIGALRM, _backtracking)
    signal.alarm(20)
    try:
        found, _ = detect_infractions(["\n".join(nasty)])
    finally:
        signal.alarm(0)
    assert len(found) <= len(nasty)


def _backtracking(signum, frame):
    raise AssertionError("detection ran 20 s on six pathological lines: a pattern backtracks")


# --- evaluation corpora ---------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_STOP = set("the a an of to in on at is are was were and or for from by with as be not no this that".split())


def _overlap(expected: str, got: str) -> float:
    e = {w for w in _WORD.findall(expected.lower()) if w not in _STOP}
    g = {w for w in _WORD.findall(got.lower()) if w not in _STOP}
    return len(e & g) / max(len(e), 1)


HOLDOUT = Path(__file__).resolve().parent / "corpora"
FIRST_CONTACT_GAPS: dict[str, str] = {}  # corpus -> its known first-contact detection gap (strict xfail)


@pytest.mark.parametrize(
    "root",
    [
        EVAL / "dev",
        EVAL / "seed-a",
        EVAL / "seed-b",
        EVAL / "greenbook",
        HOLDOUT / "holdout-1",
        HOLDOUT / "holdout-2",
    ]
    + [
        # a corpus that arrived at the end of a stop, scored at first contact only: its known gaps are recorded
        # here (strict: the mark fails the run once they are fixed, so it must then be removed)
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=FIRST_CONTACT_GAPS[p.name]))
        if p.name in FIRST_CONTACT_GAPS
        else p
        for p in sorted(HOLDOUT.glob("realtext-*"))
    ],
    ids=lambda p: p.name,
)
def test_eval_corpus_recall_and_precision(root):
    expected_path = root / "expected.json"
    if not expected_path.exists():
        pytest.skip("evaluation corpus not present")
    expected = json.loads(expected_path.read_text())
    for audit in expected["audits"]:
        if audit.get("expect_error"):
            continue
        found, _ = detect_infractions(extract_pages(root / audit["file"]).pages)
        assert len(found) == len(audit["infractions"]), audit["file"]
        used: set[int] = set()
        for item in audit["infractions"]:
            scores = [
                (_overlap(item["text"], f.description), i) for i, f in enumerate(found) if i not in used
            ]
            best, index = max(scores, default=(0.0, -1))
            assert best >= 0.6, (audit["file"], item["text"])
            used.add(index)


def test_findings_table_with_notification_and_wrapped_cells():
    """A findings table headed "No. Notification Location / span Finding Rule cited Disposition": the
    location and the reference cells wrap over several short lines beside the finding; a one-line row
    keeps its notification apart."""
    page = """Tree Trimming Post-Work Audit
PM Number: 35990001
No. Notification Location / span Finding Rule cited Disposition
1 120000101 Span 3-4, Oak Rd
Primary span 3-4: radial clearance from the sycamore measured
2 ft 6 in after trimming; auditor requires 4 ft per the
company vegetation program.
GO 95 Rule 35 Go-back - open
2 120000102 Span 5-6, Oak Rd Primary span 5-6: pine limb 9 in from the nearest phase conductor. GO 95 Rule 35 Go-back - open
3 120000103
Span 7-8, Elm
Creek Rd (HFTD Tier
2)
Primary span 7-8 in the Tier 2 High Fire-Threat District:
radial clearance to oak measured 20 in; auditor cites Table
1, Case 14.
GO 95 Table 1
Case 14
Go-back -
open
"""
    found, _ = detect_infractions([page])
    assert [f.description.split(":")[0] for f in found] == [
        "Primary span 3-4",
        "Span 5-6, Oak Rd Primary span 5-6",
        "Primary span 7-8 in the Tier 2 High Fire-Threat District",
    ]
    assert found[0].fields["notification"] == "120000101" and found[1].fields["notification"] == "120000102"
    assert found[2].fields["location"] == "Span 7-8, Elm Creek Rd (HFTD Tier 2)"
    assert "radial clearance to oak measured 20 in" in found[2].description
    assert all(f.fields.get("status") == "open" for f in found)


def test_numbered_observations_marked_go_back_are_findings_and_closed_ones_are_not():
    page = """FIELD SAFETY AUDIT
PM: 35990002
OBSERVATION 1 - GO-BACK
EQUIPMENT: BUCKET TRUCK, UNIT BT-4
CONDITION: Bucket truck BT-4 boom 8 ft from the energized 12 kV conductors with no spotter.
STATUS: OPEN
OBSERVATION 2 - CLOSED
EQUIPMENT: DIGGER DERRICK, UNIT DD-2
CONDITION: Outrigger pads replaced before the lift.
STATUS: CLOSED
OBSERVATION 3 - GO-BACK
EQUIPMENT: CRANE C-9
CONDITION: Crane C-9 load line 12 ft from the 60 kV line; no elevated warning line.
STATUS: OPEN
"""
    found, _ = detect_infractions([page])
    assert [f.description[:20] for f in found] == ["Bucket truck BT-4 bo", "Crane C-9 load line "]
    assert found[0].fields["equipment"] == "BUCKET TRUCK, UNIT BT-4"


def test_corrective_action_requests_with_two_part_ids_alone_on_their_line():
    page = """Quality Assurance Inspection - Corrective Action Requests
PM Number: 35990003
Structure log 1: tower 4/10, bolts torqued and marked, grounding measured 4.0 ohms.
CAR-5521-01
Finding: Tower 4/11 crossarm braces missing on the east side.
Required action: correct, photograph and request re-inspection.
CAR-5521-02
Finding: Shield wire clamp at tower 4/12 not torqued.
Required action: correct, photograph and request re-inspection.
"""
    found, _ = detect_infractions([page])
    assert [(f.code, f.description) for f in found] == [
        ("CAR-5521-01", "Tower 4/11 crossarm braces missing on the east side."),
        ("CAR-5521-02", "Shield wire clamp at tower 4/12 not torqued."),
    ]


def test_findings_table_with_an_id_column_and_status_notes():
    """'Finding | Pole | Rule cited | Description of finding | Status' (realtext-go2): rows start with an id
    ("F-01"), one-line rows carry their pole and rule cells before the finding, 'Open - go-back' is a status and
    a 'Closed - compliant' row is a record. Before, only the first row was found, with its cells in it."""
    rows = [
        ["Finding", "Pole", "Rule cited", "Description of finding", "Status"],
        [
            "F-01",
            "V-104",
            "GO 95 51.6-A",
            "Pole V-104: top of the yellow band is 4 ft below the conductor.",
            "Open - go-back",
        ],
        [
            "F-02",
            "V-107",
            "GO 95 51.6-A",
            "Pole V-107, 12 kV vertical, no crossarms: band 12 in wide, top of band 2 ft 9 in below the lowest "
            "conductor; auditor requires the band to start 2 ft below the conductor.",
            "Open - go-back",
        ],
        [
            "F-X",
            "V-119",
            "GO 95 51.6-A",
            "Band and sign correct; noted for the record only.",
            "Closed - compliant",
        ],
        [
            "F-03",
            "V-130",
            "GO 95 51.6-A",
            "Pole V-130 framed on crossarms, no yellow band or sign.",
            "Open - go-back",
        ],
    ]
    blocks = ["QA AUDIT - FINDINGS TABLE", ("table", [18, 16, 26, 92, 32], rows), "Summary: 3 open go-backs."]
    found, _ = detect_infractions(extract_pages(build_pdf(blocks)).pages)
    assert [f.code for f in found] == ["F-01", "F-02", "F-03"]
    assert found[0].description == "Pole V-104: top of the yellow band is 4 ft below the conductor."
    assert found[1].description.startswith("Pole V-107, 12 kV vertical") and found[1].description.endswith(
        "below the conductor."
    )
    assert found[1].fields["location"] == "V-107" and found[1].fields["reference"] == "GO 95 51.6-A"
    assert found[2].fields["status"] == "Open"


def test_known_id_prefixes_with_a_space_before_the_number_lead_findings():
    """realtext-go2: "NCI 1. Joint pole 88412: ..." (no dash) was read as prose, two items to a paragraph."""
    pages = [
        "Non-Conforming Items:\n"
        "NCI 1. Joint pole 88412: lowest riser standoff bracket is 6 ft 8 in above the sidewalk.\n"
        "NCI 2. Joint pole 88415 stands inside the fenced yard; lowest bracket 7 ft above grade;\n"
        "auditor cites GO 95 Rule 91.4.\n"
        "NCR #3: Joint pole 88419: lowest standoff bracket at 5 ft.\n"
        "Items found conforming:\n- Riser guards.\nTotal non-conforming items: 3\n"
    ]
    found, warnings = detect_infractions(pages)
    assert [f.code for f in found] == ["NCI 1", "NCI 2", "NCR #3"] and not warnings
    assert found[1].description.endswith("auditor cites GO 95 Rule 91.4.")


def test_a_checklist_comment_starting_with_a_value_belongs_to_its_row():
    """realtext-ug: row 6 answered No on its own line, its comment below beginning "480 V feeder ..."; the comment
    was taken for a new row and merged into row 7."""
    pages = [
        "No. Inspection item Yes / No / N/A Comments\n"
        "5 Armored cable depth? No 12 kV cable is armored and buried 24 in.\n"
        "6 Low-voltage feeder depth? No\n"
        "480 V feeder from the B-6 transformer secondary to the library\n"
        "switchboard is direct-buried at 26 in; inspector cites the 36 in depth.\n"
        "7 Insulation shielding? No The 4,160 V motor feeder cable is nonshielded.\n"
    ]
    found, _ = detect_infractions(pages)
    assert [f.fields.get("item") for f in found] == ["5", "6", "7"]
    assert found[1].description.startswith("480 V feeder from the B-6") and "26 in" in found[1].description
    assert found[2].fields["subject"] == "Insulation shielding?"


def test_pole_by_pole_blocks_the_first_and_the_acceptable_ones():
    """realtext-go2: in a pole-by-pole sheet the first "POLE 7701" heading was read as the section's own
    heading, so its issue was lost, and the "Status: Acceptable - no findings." poles became findings."""
    pages = [
        "Pole-by-Pole QA Inspection\nPM: 35629905\nInspector: S. Ortiz\n"
        "POLE 7701\nStatus: GO-BACK\nIssue: Anchor guy at pole 7701 has no guy marker installed.\n"
        "Required correction: Install an 8 ft guy marker.\n"
        "POLE 7702\nStatus: Acceptable - no findings.\n"
        "POLE 7703\nStatus: GO-BACK\nIssue: Pole 7703 anchor guy marker is only 6 ft long.\n"
    ]
    found, _ = detect_infractions(pages)
    assert [f.description.split(";")[0].split(".")[0] for f in found] == [
        "Anchor guy at pole 7701 has no guy marker installed",
        "Pole 7703 anchor guy marker is only 6 ft long",
    ]


def test_photo_log_leads_with_a_field_and_a_place_label_opening_the_paragraph():
    """realtext-gb2: "Go-Back #1   Photos: IMG_4102" was read as a section heading (its paragraph became a
    finding only by the paragraph fallback), a paragraph opening "Meter at Unit B: ..." was a label line and
    lost, and an "Info (IMG_4160): ...; no action." line after the last entry joined it."""
    pages = [
        "FIELD QA PHOTO LOG\nPM #: 35330781\n"
        "Go-Back #1   Photos: IMG_4102-4103\nManhole opening at MH-3 measured 24 in diameter (circular).\n"
        "Go-Back #2   Photos: IMG_4141\nMeter at Unit B: centerline 76 in above grade.\n"
        "Info (IMG_4160): pad-mount transformer T-1 pad set level; no action.\n"
        "Reviewed by Thomas Okafor on Nov 25, 2025.\n"
    ]
    found, _ = detect_infractions(pages)
    assert [(f.code, f.description) for f in found] == [
        ("Go-Back #1", "Manhole opening at MH-3 measured 24 in diameter (circular)."),
        ("Go-Back #2", "Meter at Unit B: centerline 76 in above grade."),
    ]
    assert found[0].fields["photos"] == "IMG_4102-4103"


def test_findings_register_with_a_reference_cited_column_lot_locations_and_manual_references():
    """realtext-gb2: the header "No. Location Finding Reference cited Status" was not read as a findings table,
    so twelve go-backs were lost; a one-line row's "Lot 2" location and "Greenbook 5.4.1" reference cells
    stayed in its finding."""
    pages = [
        "No. Location Finding Reference cited Status\n"
        "1 Lot 1 Meter socket, ringless cover and sealing ring in place. Greenbook Closed - compliant\n"
        "2 Lot 2 Meter socket centerline measured 44 in above finished grade. Greenbook 5.4.1 Open\n"
        "3 Lot 9 Meter centerline measured 3 ft 10 in above the concrete walk. Greenbook Open\n"
    ]
    found, _ = detect_infractions(pages)
    assert [(f.description, f.fields) for f in found] == [
        (
            "Meter socket centerline measured 44 in above finished grade.",
            {"location": "Lot 2", "reference": "Greenbook 5.4.1", "status": "Open"},
        ),
        (
            "Meter centerline measured 3 ft 10 in above the concrete walk.",
            {"location": "Lot 9", "reference": "Greenbook", "status": "Open"},
        ),
    ]


def test_safety_observation_form_finding_and_corrective_action_blocks():
    """realtext-rus2: a field safety observation form numbers "Observation 1 - Category: ..." and gives each a
    "Finding:" and a "Corrective action:"; under the form's title (read as an observations heading) all eleven
    were lost. A finding with a corrective action is a go-back anywhere in the report; without one it stays a
    note."""
    pages = [
        "FIELD SAFETY OBSERVATION\nObserver: Dale Whitcomb\n"
        "Observation 1  -  Category: First aid  -  Location: Pole 3-118\n"
        "Finding: Three-person crew setting a transformer on the energized 14.4 kV tap had only one first-aid\n"
        "trained member on site.\n"
        "Corrective action: Assign a second first-aid trained employee.\n"
        "Observation 2  -  Category: Housekeeping  -  Location: Yard\n"
        "Finding: Material stacked neatly at the yard.\n"
        "Corrective action: None\n"
    ]
    found, _ = detect_infractions(pages)
    assert [f.description for f in found] == [
        "Three-person crew setting a transformer on the energized 14.4 kV tap had only one first-aid trained "
        "member on site."
    ]


def test_structure_keyed_inspection_sheet_rows_and_a_status_column_that_marks_go_backs():
    """realtext-rus2: an inspection sheet keys its rows by structure number ("7", "12", "40 - 41"), not 1, 2, 3,
    so no row was read; its Result column says GO-BACK or ACCEPT. In an export whose Disposition column marks
    rows "Go-back", a "Closed" row is a record, not a go-back. realtext-rus: an unnumbered "- P-obs ... Accepted"
    row between numbered rows no longer ends the table."""
    sheet = [
        "Str. No. Units / type Inspection note Result\n"
        "1 - 6 Tangent, 1-ph Pole grounds and staples checked; no exceptions. ACCEPT\n"
        "7 Tangent, 3-ph Pole ground wire is No. 8 copper. GO-BACK\n"
        "40 - 41 Span Sag in span 40-41 measured 38 in at 60 degrees F. GO-BACK\n"
        "46 Dead-end, 3-ph Crossarm braces, ground and staples as drawn. ACCEPT\n"
    ]
    found, _ = detect_infractions(sheet)
    assert [f.fields.get("status") for f in found] == ["GO-BACK", "GO-BACK"]
    assert "No. 8 copper" in found[0].description and "38 in" in found[1].description
    export = [
        "Item Structure Condition Spec ref Disposition\n"
        "1 8810 Crew began work on the deenergized section without testing it for voltage. 1910.269(m)(3) Go-back\n"
        "2 8812 Personal protective grounds at 8812 installed after the voltage test. 1910.269(n) Closed\n"
        "3 8815 Lineman in the aerial lift wore a harness but the lanyard was not connected. 1910.269(g) Go-back\n"
    ]
    found, _ = detect_infractions(export)
    assert [f.code for f in found] == ["Item 1", "Item 3"]
    table = [
        "# Ref Finding Status\n"
        "1 P-01 Transformer pole #33 with a surge arrester has no pole ground installed. Go-back\n"
        "- P-obs Guy markers installed on all anchor guys along Mill Creek Rd. Accepted\n"
        "2 P-02 Line section poles 40-62 has only 3 pole grounds. Go-back\n"
    ]
    found, _ = detect_infractions(table)
    assert [f.code for f in found] == ["Item 1", "Item 2"]


def test_review_fail_rows_none_actions_and_a_sentence_that_starts_with_a_voltage():
    """Review of this session's layouts: a FAIL row of a table whose other rows say GO-BACK is a go-back; a
    "Finding:" whose corrective action is "None." is no go-back; under a structure-keyed table "240 V service
    drop clearance ..." after a complete row is a sentence, not the row of structure 240."""
    table = [
        "Str. No. Units / type Inspection note Result\n"
        "7 Tangent, 3-ph Pole ground wire is No. 8 copper. GO-BACK\n"
        "9 Tangent, 3-ph Ground rod driven only 6 ft. FAIL\n"
    ]
    found, _ = detect_infractions(table)
    assert [f.fields.get("status") for f in found] == ["GO-BACK", "FAIL"]
    form = [
        "FIELD SAFETY OBSERVATION\n"
        "Observation 1  -  Category: Housekeeping\nFinding: Material stacked at the yard.\nCorrective action: None.\n"
        "Observation 2  -  Category: Briefing\nFinding: No job briefing was held.\nCorrective action: No action required.\n"
    ]
    assert detect_infractions(form)[0] == []
    keyed = [
        "Str. No. Units / type Inspection note Result\n"
        "7 Tangent, 3-ph Pole ground wire is No. 8 copper. GO-BACK\n"
        "240 V service drop clearance measured 11 ft over the driveway.\n"
    ]
    found, _ = detect_infractions(keyed)
    assert all(f.fields.get("location") != "240" for f in found)


def test_a_pole_by_pole_log_a_letters_numbered_go_backs_and_a_compliant_part_after_blocks():
    """realtext-go4 at first contact: a "POLE-BY-POLE INSPECTION LOG" (a log heading, so quiet) keys its table by
    pole id ("P-101") with a "Condition found" column and OK / GO-BACK results: only the GO-BACK rows are
    go-backs. A letter's "The conditions below are go-backs" opens its numbered list. "Compliant items (no
    action)" right under the last block's lines ends the findings; "PM #: 35415582" is a label, not a finding."""
    log = [
        "POLE-BY-POLE INSPECTION LOG - OVERHEAD CONSTRUCTION\n"
        "PM: 35412907        Notification: 121207733\n"
        "Pole Facility Condition found Ref. Result\n"
        "P-100 Tangent, 12 kV Framing, pins and ties as staked. OK\n"
        "P-101 Transformer bank, 12 kV Unprotected transformer lead wires 23 ft 2 in above the street. GO 95 Table 1 GO-BACK\n"
        "P-122 Tangent, 12 kV Crossarm, insulators and ground as staked. OK\n"
        "P-124 Street light, 120 V Luminaire 17 ft 6 in above the roadway (120 V). GO-BACK\n"
    ]
    found, _ = detect_infractions(log)
    assert [f.fields.get("location") for f in found] == ["P-101", "P-124"]
    letter = [
        "HANFORD MUNICIPAL UTILITIES\n"
        "Dear Mr. Ramirez,\n"
        "I audited the corridor work with your crew. The framing was neat. The conditions below are go-backs and must\n"
        "be corrected before the job is closed.\n"
        "1. At Oak and 2nd the signal hangs 14 ft 6 in above the street.\n"
        "2. The 12 kV primary passes 4 ft horizontally from the illuminated pharmacy sign.\n"
        "Please call me with any questions.\n"
    ]
    found, _ = detect_infractions(letter)
    assert [f.description[:20] for f in found] == ["At Oak and 2nd the s", "The 12 kV primary pa"]
    blocks = [
        "UNDERGROUND CONSTRUCTION QA - INFRACTION REPORT\n"
        "PM #: 35415582\n"
        "Notification #: 121210064\n"
        "INFRACTION #1:\n"
        "Location: Trench, lots 3 - 6\n"
        "Issue: Direct-buried 12 kV primary cable found at 30 in of cover.\n"
        "Status: Open\n"
        "Compliant items (no action)\n"
        "- Warning tape laid 12 in above the cable in all trenches inspected.\n"
    ]
    found, _ = detect_infractions(blocks)
    assert [f.code for f in found] == ["INFRACTION #1"]


def test_a_checklists_x_marks_are_read_by_the_column_they_stand_under(tmp_path):
    """realtext-go4: a QC checklist marks each row with an X under PASS, FAIL or N/A; plain page text keeps the X
    but not its column. The page's layout text tells the column: only the FAIL rows are go-backs, and the
    stated count of non-conforming items agrees."""
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 6, "QC CHECKLIST - OVERHEAD CONSTRUCTION", new_x="LMARGIN", new_y="NEXT")
    widths = (10, 50, 15, 15, 15, 85)
    rows = [
        ("No.", "Item checked", "PASS", "FAIL", "N/A", "Comments"),
        (
            "1",
            "Cutout leads vs crossarm",
            "",
            "X",
            "",
            "Pole 4: 12 kV cutout leads 1 1/4 in from the crossarm.",
        ),
        ("2", "Climbing space", "X", "", "", "Clear on all poles checked."),
        ("3", "Pole steps and tags", "", "", "X", "No steps on this job."),
        (
            "4",
            "Switch position",
            "",
            "X",
            "",
            "Pole 6: switch SW-6 open sits 12 in from the pole center line.",
        ),
    ]
    for row in rows:
        for w, cell in zip(widths, row, strict=True):
            pdf.cell(w, 6, cell)
        pdf.ln(6)
    pdf.cell(0, 6, "Total Number of Non-Conforming Items 2", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "checklist.pdf"
    pdf.output(str(path))
    found, warnings = detect_infractions(extract_pages(str(path)).pages)
    assert [f.fields.get("item") for f in found] == ["1", "4"] and warnings == []
    assert found[0].fields["answer"] == "FAIL" and "1 1/4 in" in found[0].description


def test_review_a_compliant_list_in_a_letter_and_checklist_marks_by_table_and_place():
    """Review: "The items below were inspected and found compliant" opens no go-back list. Checklist marks: the
    bare mark replaced is the row's answer mark, not an "x" of "3 x 4"; two checklists on one page keep their own
    rows; a comment "no marker, N/A on retest" is no header."""
    from engine.marks import resolve_marks

    letter = [
        "HANFORD UTILITIES\nDear Sir,\nThe items below were inspected and found compliant.\n"
        "1. Guy marker installed on pole 12.\n2. Ground wire moulding in place on pole 14.\n"
    ]
    assert detect_infractions(letter)[0] == []
    plain = (
        "No. Item PASS FAIL N/A Comments\n1 Crossarm 3 x 4 in brace X ok\n2 Guy X no marker, N/A on retest\n"
        "No. Item PASS FAIL N/A Comments\n1 Pole tag X fine"
    )
    layout = (
        "No.  Item                 PASS  FAIL  N/A   Comments\n"
        "1    Crossarm 3 x 4 in brace      X           ok\n"
        "2    Guy                    X                 no marker, N/A on retest\n"
        "No.  Item                 PASS  FAIL  N/A   Comments\n"
        "1    Pole tag                     X           fine"
    )
    assert resolve_marks(plain, layout).split("\n")[1:] == [
        "1 Crossarm 3 x 4 in brace FAIL ok",
        "2 Guy PASS no marker, N/A on retest",
        "No. Item PASS FAIL N/A Comments",
        "1 Pole tag FAIL fine",
    ]


def test_findings_table_with_pole_loc_and_type_columns():
    # "# Pole / Loc. Finding Reference Type" (realtext-osha3 FT-1): the header was not read as a table's, so the
    # first two rows (one of them wrapped over three lines) were lost and the "Type" cell stayed in the finding
    page = (
        "Go-back findings (contractor to correct and respond within 10 working days):\n"
        "# Pole / Loc. Finding Reference Type\n"
        "1 Pole 44\n"
        "Lineman working the 12.47 kV three-phase crossarm (all\n"
        "three phases within reach, no cover-up on the adjacent phases) in\n"
        "Class 1 gloves.\n"
        "1910.137 Table I-4 Go-back\n"
        "2 Pole 47 Class 1 gloves on the 7.2 kV single-phase tap (one phase and the neutral only). 1910.137 Go-back\n"
        "3 Pole 52 Rubber blanket in the cover-up on pole 52 tested 13 months ago. Table I-5 Go-back\n"
        "Observed compliant: tailboard briefing held and signed.\n"
    )
    found, _ = detect_infractions([page])
    assert [(f.description, f.fields.get("reference"), f.fields.get("location")) for f in found] == [
        (
            "Lineman working the 12.47 kV three-phase crossarm (all three phases within reach, no cover-up on "
            "the adjacent phases) in Class 1 gloves.",
            "1910.137 Table I-4",
            "Pole 44",
        ),
        (
            "Class 1 gloves on the 7.2 kV single-phase tap (one phase and the neutral only).",
            "1910.137",
            "Pole 47",
        ),
        ("Rubber blanket in the cover-up on pole 52 tested 13 months ago.", "Table I-5", "Pole 52"),
    ]


def test_field_log_entries_marked_by_the_legends_code():
    # realtext-go5 CV-4: "Entries marked GB are go-backs" over time-stamped entries; "--" entries are records,
    # a go-back entry wraps onto the next line; nothing was found before
    page = (
        "INSPECTOR DAILY FIELD LOG\n"
        "Entries marked GB are go-backs; the crew returns to correct them.\n"
        "07:45 -- Arrived on site; tailboard held with the crew; traffic control in place.\n"
        "09:10 GB Pole 4417: guard arm above the communication cable measured 42 in long.\n"
        "10:05 GB Pole 4421: wood protective covering 4 ft long installed around cable and messenger in lieu of a guard\n"
        "arm; inspector requires a guard arm.\n"
        "10:20 -- Pole 4423 guard arm 48 in long, 3 in above the messenger - OK.\n"
        "15:40 -- Walked the corridor with the foreman; go-backs reviewed.\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == [
        "Pole 4417: guard arm above the communication cable measured 42 in long.",
        "Pole 4421: wood protective covering 4 ft long installed around cable and messenger in lieu of a guard "
        "arm; inspector requires a guard arm.",
    ]


def test_a_status_word_legend_is_no_entry_mark():
    # "Rows marked Open are go-backs" names a findings table's status column, not a log's code
    page = (
        "Rows marked Open are go-backs; rows marked Closed - compliant are recorded for the file only.\n"
        "No. Location Finding Reference cited Status\n"
        "1 Lot 1 Meter socket level and plumb. Greenbook Closed - compliant\n"
        "2 Lot 2 Meter socket centerline measured 44 in above finished grade. Greenbook 5.4.1 Open\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == ["Meter socket centerline measured 44 in above finished grade."]


def test_a_letters_numbered_paragraphs_announced_as_go_backs():
    # realtext-go5 CV-3: "The numbered paragraphs below are go-backs" opens the list; nothing was found before
    page = (
        "Dear Mr. Okafor,\n"
        "Thank you for the calculation package. The crossarm sizes and the pole class selections are in order.\n"
        "The numbered paragraphs below are go-backs; please revise the package and resubmit.\n"
        "1. The check of the second-growth redwood crossarm at pole 20 uses 5,300 psi.\n"
        "2. The steel bracket shear check divides the full 60,000 psi tensile strength by the safety factor.\n"
        "Sincerely,\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == [
        "The check of the second-growth redwood crossarm at pole 20 uses 5,300 psi.",
        "The steel bracket shear check divides the full 60,000 psi tensile strength by the safety factor.",
    ]


def test_a_checklist_comment_wrapped_in_a_narrow_column():
    # realtext-go5 CV-2 row 5: the FAIL row's comment starts on the next line and wraps twice; only its first
    # line was kept
    page = (
        "No. Item checked Pass Fail N/A Comments\n"
        "4 Patrol interval - fire threat zones FAIL Overhead conductor on circuit 2210 was last patrolled 19 months ago.\n"
        "5 Patrol interval - fire threat zones FAIL\n"
        "Overhead transformers on rural circuit 3301 in a Very High Fire Threat\n"
        "Zone in Fresno County were last patrolled 19 months ago; auditor\n"
        "applies the one-year fire-zone interval.\n"
        "6 Detailed interval - overhead switches PASS Last detailed inspection 2021; within the cycle.\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found][1] == (
        "Overhead transformers on rural circuit 3301 in a Very High Fire Threat Zone in Fresno County were last "
        "patrolled 19 months ago; auditor applies the one-year fire-zone interval."
    )


def test_a_numbered_list_after_a_field_log_is_not_read_as_its_entries():
    # review: after "Entries marked GB are go-backs", "1. Pole 4500: ..." was taken for an entry marked "Pole"
    # (a record) and lost; a heading ends the log and the list is read as a list
    page = (
        "INSPECTOR DAILY FIELD LOG\n"
        "Entries marked GB are go-backs; the crew returns to correct them.\n"
        "09:10 GB Pole 4417: guard arm above the communication cable measured 42 in long.\n"
        "10:20 -- Pole 4423 guard arm 48 in long - OK.\n"
        "Go-backs carried from the March audit:\n"
        "1. Pole 4500: crossarm split at the pin hole.\n"
        "2. Pole 4510: guy guard missing on the down guy.\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == [
        "Pole 4417: guard arm above the communication cable measured 42 in long.",
        "Pole 4500: crossarm split at the pin hole.",
        "Pole 4510: guy guard missing on the down guy.",
    ]


def test_a_key_of_codes_names_the_go_back_entries():
    # realtext-ug2 FL-4: "Codes: GB = go-back (crew to correct)   OK = observed compliant   NI = note"
    page = (
        "FIELD INSPECTION LOG\n"
        "Codes: GB = go-back (crew to correct)   OK = observed compliant   NI = note / information\n"
        "07:05 NI Arrived at site; weather clear; crew of six; tailboard attended.\n"
        "07:20 GB Contract crew of four entered the attended substation without reporting to the operator in\n"
        "charge.\n"
        "08:10 OK Draw-out breaker 52-7 racked out in the open position; control power removed.\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == [
        "Contract crew of four entered the attended substation without reporting to the operator in charge."
    ]


def test_a_checklist_comment_ending_without_a_stop_does_not_swallow_what_follows():
    # review: a FAIL row's comment without a final period took in the heading and paragraph after the checklist
    page = (
        "No. Item checked Pass Fail N/A Comments\n"
        "1 Are guard arms installed where required? FAIL Guard arm missing at pole 4417\n"
        "General Comments\n"
        "The crew left the site clean and the tailboard was signed.\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == ["Guard arm missing at pole 4417"]


def test_a_status_of_no_finding_is_a_record():
    # realtext-ug2 UG-2: "'No finding' = observed and acceptable" rows were reported as go-backs
    page = (
        "No. Location Finding Reference Status\n"
        "1 MH-22 Adjacent energized cables in MH-22 were left uncovered. 1910.269(t)(5) Go-back\n"
        "2 MH-21 Duct plugs and racks in MH-21 clean and tight. No finding\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == ["Adjacent energized cables in MH-22 were left uncovered."]


def test_a_findings_table_with_a_column_the_vocabulary_does_not_name():
    # realtext-go6 SG-1: "No. Pole Grade Finding Cited Disposition" (Grade and Cited were unknown words, so
    # no row was read); a row over a range of poles ("201 - 203") is row 1; N/A and Accepted rows are records
    page = (
        "No. Pole Grade Finding Cited Disposition\n"
        "1 201 - 203 B Loading calculations on file; safety factors 4.3 to 5.1 at installation. GO 95 44.1 Accepted\n"
        "2 204 B New wood pole 204 designed with a calculated safety factor of 3.2 at installation. GO 95 44.1 Go-back\n"
        "3 238 C New communication pole 238 has a top circumference of 16 in. GO 95 49.1-B Go-back\n"
        "4 240 B Pole-top extension: none on this job. - N/A\n"
    )
    found, _ = detect_infractions([page])
    assert [(f.code, f.description, f.fields.get("reference")) for f in found] == [
        (
            "Item 2",
            "New wood pole 204 designed with a calculated safety factor of 3.2 at installation.",
            "GO 95 44.1",
        ),
        ("Item 3", "New communication pole 238 has a top circumference of 16 in.", "GO 95 49.1-B"),
    ]


def test_a_checklist_whose_instructions_name_its_answers_in_words():
    # realtext-go6 SG-3: "Answer Yes, No or N/A." then the column row "No. Item checked Conforming? Comments",
    # which was read as a section heading and ended the checklist: no row was found
    page = (
        "Conforming? Answer Yes, No or N/A. Each No is a non-conforming item (go-back).\n"
        "No. Item checked Conforming? Comments\n"
        "1 Guy thimbles at anchor rods Yes Thimbles installed on poles 5510 and 5511.\n"
        "2 Guy marker installed No Anchor guy at pole 5521 has no guy marker.\n"
        "Total Number of Non-Conforming Items 1\n"
    )
    found, warnings = detect_infractions([page])
    assert [f.description for f in found] == ["Anchor guy at pole 5521 has no guy marker."]
    assert warnings == []


def test_a_letter_sentence_announcing_the_go_backs_across_a_line_break():
    # realtext-go6 SG-2: "... are in order. Each numbered" / "paragraph below is a go-back; ...": the line
    # holding the opener also held "acceptable", and the next line alone did not open the list
    page = (
        "Dear Ms. Nakamura,\n"
        "We have reviewed the pole loading package. The guy sizes are acceptable, and the sag tables are in order. Each numbered\n"
        "paragraph below is a go-back; please correct the package and resubmit within 30 days.\n"
        "1. The calculations for poles 12 through 30 use light loading.\n"
        "2. The calculation for pole 38 does not state the loading district used.\n"
        "Sincerely,\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == [
        "The calculations for poles 12 through 30 use light loading.",
        "The calculation for pole 38 does not state the loading district used.",
    ]


def test_a_pass_word_before_the_go_back_opener_does_not_hide_the_list():
    # review: with the opener read across the line break, "acceptable" on the line before rejected it
    page = (
        "We audited job 12345 on Main Street. Overall the work was acceptable,\n"
        "however the following items are go-backs and must be corrected:\n"
        "1. Pole 5 guy marker missing.\n"
        "2. Pole 6 ground wire broken.\n"
    )
    found, _ = detect_infractions([page])
    assert [f.description for f in found] == ["Pole 5 guy marker missing.", "Pole 6 ground wire broken."]


def test_a_range_row_keeps_its_poles_as_the_location_and_a_heading_is_no_header():
    # review: "1 201 - 203 B ..." kept "201 - 203 B" in the finding; "Pole Findings Status Report" opened a table
    page = "No. Pole Grade Finding Cited Disposition\n1 201 - 203 B Guy marker missing on each anchor. GO 95 86.8 Go-back\n"
    (f,), _ = detect_infractions([page])
    assert (f.description, f.fields["location"]) == ("Guy marker missing on each anchor.", "201 - 203")
    from engine.audit.classify import table_columns

    assert table_columns("Pole Findings Status Report") is None
