"""Verdicts (engine.library.decide): the governing clause, the comparison and the explanation.

A small fictional standard is built from ClauseRecords (the way the spec import stores clauses, with
table rows and exceptions as their own records), then each rule of docs/architecture.md ("How a finding
is decided") is exercised. The last
tests run the dev evaluation corpus's spec PDFs through the real spec parser.
"""

import json
import os

import pytest

from engine import ClauseRecord, Library, decide
from tests import shared_data
from tests.spec_library import library_of

pytestmark = pytest.mark.no_redis

EVAL = str(shared_data.EVAL)


def R(doc, sec, text, kind="requirement", heading="", data=None, title="Test Standard"):
    return ClauseRecord(None, doc, title, "04", sec, heading, text, kind, 2, data or {})


def row(doc, sec, table, columns, cells):
    text = f"{table} — " + "; ".join(f"{c}: {v}" for c, v in zip(columns, cells, strict=True))
    return R(doc, sec, text, kind="table_row", data={"table": table, "columns": columns, "cells": cells})


CLR = ["Surface", "Secondary (0-750 V)", "Primary (750 V-34.5 kV)"]


@pytest.fixture(scope="module")
def library():
    return Library(
        [
            R("OH-1", "2", "Clearances", heading="Clearances"),
            R(
                "OH-1",
                "2.1",
                "Conductors shall be installed so that the clearance above grade is not less than the values in Table 2-1.",
                heading="Clearances",
            ),
            row(
                "OH-1",
                "2.1",
                "Table 2-1 Minimum vertical clearance",
                CLR,
                ["Streets and roads", "18 ft", "26 ft"],
            ),
            row(
                "OH-1",
                "2.1",
                "Table 2-1 Minimum vertical clearance",
                CLR,
                ["Residential driveways", "16 ft", "18 ft"],
            ),
            row(
                "OH-1",
                "2.1",
                "Table 2-1 Minimum vertical clearance",
                CLR,
                ["Walkways for pedestrians only", "12 ft", "15 ft"],
            ),
            R(
                "OH-1",
                "2.2",
                "Exception: Over residential driveways, service drops not exceeding 300 V to ground may be reduced to 12.5 ft.",
                kind="exception",
                heading="Clearances",
            ),
            R("OH-1", "3", "Poles", heading="Poles"),
            R("OH-1", "3.1", "Poles shall be set to not less than the depths in Table 3-1.", heading="Poles"),
            row(
                "OH-1",
                "3.1",
                "Table 3-1 Minimum setting depth",
                ["Pole length", "Setting depth"],
                ["40 ft", "6 ft"],
            ),
            row(
                "OH-1",
                "3.1",
                "Table 3-1 Minimum setting depth",
                ["Pole length", "Setting depth"],
                ["50 ft", "7 ft"],
            ),
            R("OH-1", "3.2", "Poles shall be plumb within 1 degree.", heading="Poles"),
            R("OH-1", "3.3", "Crossarms shall be fiberglass or Douglas fir.", heading="Poles"),
            R(
                "OH-1",
                "3.4",
                "Guy guards shall be installed on every anchor guy in areas accessible to pedestrians.",
                heading="Poles",
            ),
            R(
                "OH-1",
                "3.5",
                "Exception: A guy guard is not required inside a fenced substation yard.",
                kind="exception",
                heading="Poles",
            ),
            R("OH-1", "4", "Vegetation", heading="Vegetation"),
            R(
                "OH-1",
                "4.1",
                "A radial clearance of not less than 4 ft shall be kept between primary conductors and vegetation in high "
                "fire-threat districts. Elsewhere the minimum radial clearance is 18 in.",
                heading="Vegetation",
            ),
            R("UG-2", "5", "Grounding", heading="Grounding", title="Grounding"),
            R(
                "UG-2",
                "5.1",
                "The resistance to ground of a single rod shall not exceed 25 ohms.",
                heading="Grounding",
            ),
            R(
                "UG-2",
                "5.2",
                "Exception: When two rods are installed at least 6 ft apart and bonded, no further resistance test is required.",
                kind="exception",
                heading="Grounding",
            ),
            R(
                "UG-2",
                "5.3",
                "The grounding conductor shall be #4 AWG copper or larger.",
                heading="Grounding",
            ),
            R("UG-2", "5.4", "Transformer tanks shall be finished in light gray.", heading="Grounding"),
            R("UG-2", "6", "Records", heading="Records"),
            R("UG-2", "6.1", "It is recommended that photographs of each riser be taken.", heading="Records"),
            R(
                "UG-2",
                "6.2",
                "Bird guards shall be installed on bushings in designated avian protection areas.",
                heading="Records",
            ),
            R("UG-2", "6.3", "Hardware must be stainless steel, not galvanized.", heading="Records"),
        ]
    )


def check(d, verdict, document=None, section=None):
    assert d.verdict == verdict, d.reason
    assert 0.0 <= d.confidence <= 1.0
    if document:
        top = d.citations[0]
        assert (top["document"], top["section"]) == (document, section), d.citations[:2]
        assert set(top) == {"document", "title", "revision", "section", "page", "quote", "score"}
        assert top["quote"]


def test_measured_below_table_value_is_valid(library):
    d = decide("Primary conductor over Main Street (public road) measured at 24 ft 6 in.", {}, library)
    check(d, "VALID", "OH-1", "2.1")
    assert "24 ft 6 in" in d.reason and "26 ft" in d.reason
    assert d.details["comparisons"][0]["meets"] is False


def test_table_column_follows_voltage_class(library):
    d = decide("Secondary conductor over Main Street measured at 19 ft.", {}, library)
    check(d, "REPEALABLE", "OH-1", "2.1")
    assert "18 ft" in d.reason


def test_metric_measurement_against_feet(library):
    d = decide("Primary conductor over a pedestrian walkway measured at 4.8 m.", {}, library)
    check(d, "REPEALABLE", "OH-1", "2.1")


def test_exception_applies_when_its_conditions_are_stated(library):
    d = decide(
        "Service drop (120/240 V) over a residential driveway measured at 13 ft; auditor requires 16 ft.",
        {},
        library,
    )
    check(d, "REPEALABLE", "OH-1", "2.2")
    assert d.citations[1]["section"] == "2.1"  # the rule the exception relaxes comes next
    assert "13 ft" in d.reason


def test_exception_does_not_apply_below_its_own_limit(library):
    d = decide("Service drop (120/240 V) over a residential driveway measured at 12 ft.", {}, library)
    check(d, "VALID", "OH-1", "2.1")


def test_exception_does_not_apply_to_another_surface(library):
    d = decide("Secondary service drop over a public road measured at 17 ft.", {}, library)
    check(d, "VALID", "OH-1", "2.1")


def test_row_keyed_by_pole_length(library):
    check(decide("Pole 12 (50 ft) set at a depth of 6 ft 6 in.", {}, library), "VALID", "OH-1", "3.1")
    check(decide("Pole 12 (40 ft) set at a depth of 6'-2\".", {}, library), "REPEALABLE", "OH-1", "3.1")


def test_within_angle(library):
    check(decide("Pole 9 out of plumb by 0.5 degrees.", {}, library), "REPEALABLE", "OH-1", "3.2")
    check(decide("Pole 9 leaning 3°.", {}, library), "VALID", "OH-1", "3.2")


def test_material_one_of_and_not_allowed(library):
    d = decide("Crossarms on P-40 are fiberglass; auditor expected Douglas fir.", {}, library)
    check(d, "REPEALABLE", "OH-1", "3.3")
    check(decide("Steel crossarms installed on P-41.", {}, library), "VALID", "OH-1", "3.3")
    check(decide("Galvanized hardware installed on the riser.", {}, library), "VALID", "UG-2", "6.3")


def test_absent_item_is_valid_unless_exception(library):
    check(decide("No guy guard on the anchor guy next to the sidewalk.", {}, library), "VALID", "OH-1", "3.4")
    d = decide("No guy guard on the anchor guy; the guy is inside the fenced substation yard.", {}, library)
    check(d, "REPEALABLE", "OH-1", "3.5")


def test_area_flag_selects_the_sentence(library):
    d = decide(
        "Oak limb 30 inches from primary conductor; circuit is outside the high fire-threat district.",
        {},
        library,
    )
    check(d, "REPEALABLE", "OH-1", "4.1")
    d = decide("Oak limb 30 inches from primary conductor in a high fire-threat district.", {}, library)
    check(d, "VALID", "OH-1", "4.1")


def test_resistance_exception_with_two_bonded_rods(library):
    d = decide(
        "Ground resistance measured at 38 ohms. Two ground rods were installed 8 ft apart and bonded.",
        {},
        library,
    )
    check(d, "REPEALABLE", "UG-2", "5.2")
    check(decide("Ground resistance measured at 38 ohms at pole 7.", {}, library), "VALID", "UG-2", "5.1")


def test_awg_sizes_compare_backwards(library):
    check(decide("#6 AWG copper grounding conductor installed.", {}, library), "VALID", "UG-2", "5.3")
    check(decide("2/0 copper grounding conductor installed.", {}, library), "REPEALABLE", "UG-2", "5.3")


def test_recommendation_only_is_repealable(library):
    d = decide("No photographs of the riser were taken.", {}, library)
    check(d, "REPEALABLE", "UG-2", "6.1")
    assert "recommend" in d.reason


def test_rule_for_another_area_does_not_govern(library):
    d = decide(
        "Bushings missing bird guards; the site is not within a designated avian protection area.",
        {},
        library,
    )
    check(d, "REPEALABLE", "UG-2", "6.2")
    assert "does not govern" in d.reason


def test_no_governing_clause_needs_review(library):
    d = decide("Streetlight pole painted dark bronze instead of gray.", {}, library)
    assert d.verdict == "NEEDS_REVIEW"
    d = decide("Crew left debris in the truck bed.", {}, library)
    assert d.verdict == "NEEDS_REVIEW"


def test_numeric_rule_without_a_measurement_needs_review(library):
    d = decide("Pole setting depth at P-9 questioned by the inspector.", {}, library)
    assert d.verdict == "NEEDS_REVIEW"


def test_confidence_higher_when_a_number_was_compared(library):
    numeric = decide("Pole 9 leaning 3°.", {}, library)
    state = decide("Steel crossarms installed on P-41.", {}, library)
    assert numeric.confidence > state.confidence


def test_empty_library():
    d = decide("Pole 9 leaning 3°.", {}, Library([]))
    assert d.verdict == "NEEDS_REVIEW" and d.citations == []


def _dev_library(pages_only=False):
    """The dev corpus's specs as the spec import stores them, or (``pages_only``) one record per page."""
    from engine.pdftext import extract_pages
    from engine.spec.parsing import parse_spec

    exp = json.load(open(os.path.join(EVAL, "dev", "expected.json")))
    recs = []
    for s in exp["specs"]:
        path = os.path.join(EVAL, "dev", s["file"])
        pages = extract_pages(path).pages
        ps = parse_spec(pages, path)
        if pages_only:
            recs += [
                ClauseRecord(None, ps.document_number, ps.title, ps.revision, "", "", p, "requirement", i + 1)
                for i, p in enumerate(pages)
            ]
            continue
        recs += [
            ClauseRecord(
                None,
                ps.document_number,
                ps.title,
                ps.revision,
                c.section,
                c.heading,
                c.text,
                c.kind,
                c.page,
                c.data,
            )
            for c in ps.clauses
        ]
    return exp, Library(recs)


@pytest.mark.skipif(not os.path.isdir(os.path.join(EVAL, "dev")), reason="evaluation corpus not present")
@pytest.mark.parametrize("pages_only", [False, True], ids=["clauses", "whole-pages"])
def test_dev_corpus_verdicts_and_citations(pages_only):
    exp, lib = _dev_library(pages_only)
    total = right = cited = cite_total = 0
    for audit in exp["audits"]:
        for inf in audit["infractions"]:
            d = decide(inf["text"], {}, lib)
            total += 1
            right += d.verdict == inf["verdict"]
            if inf["document"]:
                cite_total += 1
                cited += any(
                    c["document"] == inf["document"]
                    and (c["section"] == inf["section"] or c["section"].startswith(inf["section"] + "."))
                    for c in d.citations[:2]
                )
    assert right / total >= 0.9 and cited / cite_total >= 0.9


def test_a_named_document_is_preferred_among_equal_clauses():
    lib = Library(
        [
            R("OH-7", "2.1", "Guy guards shall be yellow and not less than 8 ft long.", heading="Guys"),
            R("UG-9", "2.1", "Guy guards shall be yellow and not less than 7 ft long.", heading="Guys"),
        ]
    )
    assert lib.documents_named("per UG-9 section 2.1 and oh-7") == {"UG-9", "OH-7"}
    d = decide("Guy guard only 6 ft long (see UG-9).", {}, lib)
    check(d, "VALID", "UG-9", "2.1")
    d = decide("Guy guard only 6 ft long (see OH-7).", {}, lib)
    check(d, "VALID", "OH-7", "2.1")


def test_limit_given_as_a_formula_of_pole_length():
    lib = Library(
        [
            R(
                "S",
                "3.1",
                "Pole Installation\n- Minimum pole depth: 10% of pole length plus 2 feet",
                heading="Pole Installation",
            )
        ]
    )
    d = decide("45 ft pole set 5 ft deep.", {}, lib)
    check(d, "VALID", "S", "3.1")
    assert "6.50 ft" in d.reason
    check(decide("Pole (40 ft) buried 6 ft 6 in deep.", {}, lib), "REPEALABLE", "S", "3.1")
    assert decide("Pole depth 5 ft.", {}, lib).verdict == "NEEDS_REVIEW"


def test_counts_of_things():
    lib = Library([R("S", "4.2", "Ties shall have not less than 6 turns of tie wire.", heading="Ties")])
    check(decide("Tie at P-3 found with 4 turns of tie wire.", {}, lib), "VALID", "S", "4.2")
    check(decide("Tie at P-3 has 6 turns of tie wire.", {}, lib), "REPEALABLE", "S", "4.2")


def test_value_in_a_where_clause_is_a_condition():
    lib = Library(
        [
            R(
                "P",
                "5.1",
                "Protective bollards shall be installed where the pad is within 1.0 m of a vehicle travel lane.",
                heading="Protection",
            )
        ]
    )
    check(
        decide("No bollards at T-778; the pad is 0.5 m from the alley travel lane.", {}, lib),
        "VALID",
        "P",
        "5.1",
    )
    d = decide("No bollards at T-779; the pad is 2.5 m from the travel lane.", {}, lib)
    check(d, "REPEALABLE", "P", "5.1")
    assert "applies only" in d.reason


def test_between_x_and_y_is_a_range():
    lib = Library(
        [
            R(
                "W",
                "2.4",
                "Warning tape shall be placed between 12 and 18 inches above the cable.",
                heading="Tape",
            )
        ]
    )
    d = decide("Warning tape placed 15 in above the cable.", {}, lib)
    check(d, "REPEALABLE", "W", "2.4")
    assert "12" in d.reason and "18" in d.reason
    d = decide("Warning tape placed 20 in above the cable.", {}, lib)
    check(d, "VALID", "W", "2.4")
    check(decide("Warning tape placed 10 in above the cable.", {}, lib), "VALID", "W", "2.4")


def test_count_times_a_per_item_value_against_a_total():
    lib = Library(
        [
            R(
                "C",
                "3.1",
                "The sum of all bends in a conduit run between pull points shall not exceed 360 degrees.",
                heading="Conduit bends",
            )
        ]
    )
    d = decide("Conduit run from V-3 to T-7 has five 90-degree bends.", {}, lib)
    check(d, "VALID", "C", "3.1")
    assert "450" in d.reason and "360" in d.reason
    check(decide("Conduit run has 3 x 90° bends.", {}, lib), "REPEALABLE", "C", "3.1")
    d = decide("Conduit run has two 45-degree sweeps and three 90-degree bends.", {}, lib)
    check(d, "REPEALABLE", "C", "3.1")  # 90 + 270 = 360
    assert "360" in d.reason
    # a per-item limit compares each item, not the sum
    lib = Library([R("C", "3.2", "Each bend shall not exceed 90 degrees.", heading="Conduit bends")])
    check(decide("Conduit run has five 90-degree bends.", {}, lib), "REPEALABLE", "C", "3.2")


def test_a_trigger_in_the_subject_decides_whether_the_rule_governs():
    lib = Library(
        [
            R(
                "V",
                "4.1",
                "Vaults with an interior depth greater than 1.8 m shall be provided with a sump.",
                heading="Drainage",
            ),
            R("V", "5.1", "Poles taller than 40 ft shall be set not less than 6 ft deep.", heading="Setting"),
        ]
    )
    d = decide("Vault V-11 (1.5 m interior depth) has no sump.", {}, lib)
    check(d, "REPEALABLE", "V", "4.1")
    assert "does not govern" in d.reason and "1.5 m" in d.reason and "1.8 m" in d.reason
    check(decide("Vault V-12 (2.4 m interior depth) has no sump.", {}, lib), "VALID", "V", "4.1")
    check(decide("35 ft pole set 5 ft deep.", {}, lib), "REPEALABLE", "V", "5.1")
    check(decide("45 ft pole set 5 ft deep.", {}, lib), "VALID", "V", "5.1")
    check(decide("45 ft pole set 6 ft 6 in deep.", {}, lib), "REPEALABLE", "V", "5.1")


def test_a_where_condition_after_the_verb_decides_whether_the_rule_governs():
    lib = Library(
        [
            R(
                "P",
                "6.2",
                "A pull box shall be installed where a conduit run exceeds 150 m.",
                heading="Pull boxes",
            )
        ]
    )
    d = decide("No pull box on the 120 m conduit run from V-2.", {}, lib)
    check(d, "REPEALABLE", "P", "6.2")
    assert "does not govern" in d.reason
    check(decide("No pull box on the 200 m conduit run from V-2.", {}, lib), "VALID", "P", "6.2")


def test_an_installed_alternative_the_clause_permits_is_repealable():
    lib = Library(
        [
            R(
                "U",
                "6.1",
                "It is recommended that conduit be bedded in 3 in of sand padding. "
                "Native backfill free of rocks larger than 2 in is acceptable.",
                heading="Backfill",
            ),
            R(
                "U",
                "7.1",
                "Crossarms shall be wood. Fiberglass crossarms may be used in lieu of wood crossarms.",
                heading="Crossarms",
            ),
            R(
                "U",
                "8.1",
                "Vault lids shall be Tier 15. Tier 8 lids are acceptable in non-traffic areas.",
                heading="Vault lids",
            ),
        ]
    )
    d = decide("No sand padding placed around the conduit in the trench; native backfill used.", {}, lib)
    check(d, "REPEALABLE", "U", "6.1")
    assert "native backfill" in d.reason or "recommends" in d.reason
    check(decide("Fiberglass crossarm installed at P-12 instead of wood.", {}, lib), "REPEALABLE", "U", "7.1")
    check(decide("Steel crossarm installed at P-12 instead of wood.", {}, lib), "VALID", "U", "7.1")
    check(
        decide("Tier 8 lid installed on vault V-4 in a landscaped area.", {}, lib), "REPEALABLE", "U", "8.1"
    )


def test_a_permitted_alternative_outside_its_area_does_not_apply():
    lib = Library(
        [
            R(
                "U",
                "8.1",
                "Vault lids shall be Tier 15. Tier 8 lids are acceptable in non-traffic areas.",
                heading="Vault lids",
            )
        ]
    )
    check(
        decide("Tier 8 lid installed on vault V-4 in the roadway travel lane.", {}, lib), "VALID", "U", "8.1"
    )
    check(
        decide("Tier 8 lid installed on vault V-4 in a landscaped area.", {}, lib), "REPEALABLE", "U", "8.1"
    )


def test_exception_conditions_with_quantities_are_checked_against_the_facts():
    lib = Library(
        [
            R(
                "P",
                "2.1",
                "Padmount transformer pads shall be not less than 3 m from doors and windows of buildings.",
                heading="Clearance",
            ),
            R(
                "P",
                "2.2",
                "Exception: transformers rated 75 kVA and below may be 1.5 m from windows.",
                kind="exception",
                heading="Clearance",
            ),
            R(
                "S",
                "4.1",
                "Service drops shall have a vertical clearance of not less than 16 ft over driveways.",
                heading="Service",
            ),
            R(
                "S",
                "4.2",
                "Exception: service drops of 300 V or less over residential driveways may be 12 ft where the span is shorter than 50 ft.",
                kind="exception",
                heading="Service",
            ),
        ]
    )
    d = decide("Padmount transformer T-1 (50 kVA) pad edge is 1.8 m from a bedroom window.", {}, lib)
    check(d, "REPEALABLE", "P", "2.2")
    assert "50 kVA" in d.reason and "75 kVA" in d.reason
    check(
        decide("Padmount transformer T-5 (75 kVA) pad edge is 2 m from a bedroom window.", {}, lib),
        "REPEALABLE",
        "P",
        "2.2",
    )
    # condition unmet, or the exception's own limit unmet, or the condition not stated: the rule stands
    check(
        decide("Padmount transformer T-2 (150 kVA) pad edge is 1.8 m from a bedroom window.", {}, lib),
        "VALID",
        "P",
        "2.1",
    )
    check(
        decide("Padmount transformer T-3 (50 kVA) pad edge is 1.2 m from a bedroom window.", {}, lib),
        "VALID",
        "P",
        "2.1",
    )
    check(
        decide("Padmount transformer T-4 pad edge is 1.8 m from a bedroom window.", {}, lib),
        "VALID",
        "P",
        "2.1",
    )
    drop = "120/240 V service drop over the residential driveway at 12 ft 6 in; span {} ft."
    check(decide(drop.format(40), {}, lib), "REPEALABLE", "S", "4.2")
    check(decide(drop.format(80), {}, lib), "VALID", "S", "4.1")
    check(decide(drop.replace("120/240", "480").format(40), {}, lib), "VALID", "S", "4.1")


def test_an_identifier_word_does_not_pick_the_clause():
    lib = Library(
        [
            R(
                "OH",
                "4.1",
                "Clearance above ground shall not be less than the values in Table 4-1.",
                heading="Clearance",
            ),
            row(
                "OH",
                "4.1",
                "Table 4-1 Minimum vertical clearance",
                CLR,
                ["Driveways and parking lots", "16 ft", "18 ft"],
            ),
            R(
                "UG",
                "3.1",
                "Secondary conduit shall be installed with not less than 24 in of cover.",
                heading="Cover",
            ),
        ]
    )
    d = decide(
        "Secondary service conduit to Lot 14 installed at 0.65 m of cover; auditor requires 30 in.", {}, lib
    )
    check(d, "REPEALABLE", "UG", "3.1")


def test_trade_synonyms_find_the_governing_clause():
    lib = Library(
        [
            R(
                "U",
                "5.1",
                "Pad-mounted transformers within 1.0 m of a vehicle travel lane shall have bollards.",
                heading="Protection",
            ),
            R("U", "6.1", "Manholes shall have a cover rated for traffic loading.", heading="Manholes"),
        ]
    )
    check(
        decide("No bollards at padmount T-5; pad is 0.6 m from the alley travel lane.", {}, lib),
        "VALID",
        "U",
        "5.1",
    )
    check(
        decide("No bollards at padmount T-6; pad is 3 m from the alley travel lane.", {}, lib),
        "REPEALABLE",
        "U",
        "5.1",
    )
    assert decide("Vault V-2 cover not traffic rated.", {}, lib).citations[0]["section"] == "6.1"


@pytest.mark.parametrize(
    "clause",
    [
        "Poles shall be set to a depth of not less than 10% of the pole length plus 2 ft.",
        "Pole setting depth shall be 10 percent of the pole length plus 2 feet.",
        "Minimum setting depth: 10% of pole length + 2 ft.",
        "Poles shall be set to a depth of 10% of the length of the pole plus 2 ft.",
    ],
)
def test_setting_depth_formula_uses_the_pole_length_in_the_finding(clause):
    lib = Library([R("S", "3.1", clause, heading="Pole setting")])
    d = decide("A 40-foot pole set 5 ft 6 in deep.", {}, lib)
    check(d, "VALID", "S", "3.1")
    assert "6.00 ft" in d.reason  # 10% of 40 ft + 2 ft
    d = decide("Pole P-7 (50 ft class 3) buried 7 ft.", {}, lib)
    check(d, "REPEALABLE", "S", "3.1")
    assert "7.00 ft" in d.reason
    assert decide("Pole set 5 ft deep.", {}, lib).verdict == "NEEDS_REVIEW"


def test_alternatives_listed_with_or_and_after_a_leading_place():
    lib = Library(
        [
            R(
                "I",
                "6.1",
                "In coastal contamination zones, insulators shall be polymer. Elsewhere, porcelain or polymer insulators may be used.",
                heading="Insulators",
            ),
            R(
                "V",
                "3.2",
                "Vault lids shall be rated for H-20 loading. "
                "In non-traffic areas such as landscaping, lids rated for Tier 8 pedestrian loading are acceptable.",
                heading="Lids",
            ),
        ]
    )
    d = decide(
        "Pin insulators at pole P-3 are porcelain rather than polymer; pole is outside any contamination zone.",
        {},
        lib,
    )
    check(d, "REPEALABLE", "I", "6.1")
    d = decide(
        "Vault V-9 lid in a landscaped area is rated for Tier 8 pedestrian loading, not H-20.", {}, lib
    )
    check(d, "REPEALABLE", "V", "3.2")
    assert "tier 8" in d.reason.lower()


def test_a_total_the_finding_states_is_used_as_is():
    lib = Library(
        [
            R(
                "C",
                "4.1",
                "The total of bends between pull points shall not exceed 270 degrees.",
                heading="Bends",
            )
        ]
    )
    d = decide("Conduit run contains four 90-degree bends (360 degrees total).", {}, lib)
    check(d, "VALID", "C", "4.1")
    assert "360 degrees" in d.reason


def test_not_required_reads_as_not_required():
    lib = Library(
        [
            R("T", "4.1", "Each primary cable shall carry a permanent tag in every vault.", heading="Tags"),
            R(
                "T",
                "4.2",
                "Note: Tagging of secondary cables in transformer pads is not required.",
                kind="note",
                heading="Tags",
            ),
        ]
    )
    d = decide("Secondary cables in transformer pad T-5 are not tagged.", {}, lib)
    check(d, "REPEALABLE", "T", "4.2")
    assert "not required" in d.reason


def test_exception_for_smaller_ratings_and_alternative_materials():
    lib = Library(
        [
            R(
                "A",
                "4.1",
                "Conduit shall be Schedule 80 PVC. Schedule 40 PVC may be used in lieu of Schedule 80 where encased in concrete.",
                heading="Conduit",
            ),
            R(
                "A",
                "5.1",
                "Transformers shall be located not less than 3 m from fire hydrants.",
                heading="Location",
            ),
            R(
                "A",
                "5.2",
                "Exception: transformers of 50 kVA or less may be 1.5 m from fire hydrants.",
                kind="exception",
                heading="Location",
            ),
        ]
    )
    check(decide("Schedule 40 PVC conduit installed encased in concrete.", {}, lib), "REPEALABLE", "A", "4.1")
    check(decide("Transformer T-9 (25 kVA) is 2 m from the fire hydrant.", {}, lib), "REPEALABLE", "A", "5.2")
    check(decide("Transformer T-10 (100 kVA) is 2 m from the fire hydrant.", {}, lib), "VALID", "A", "5.1")


def test_columns_named_by_voltage_ranges_carry_the_class():
    cols = ["Surface", "0 - 750 V (ft)", "750 V - 22 kV (ft)"]
    lib = Library(
        [
            R(
                "OH",
                "4.1",
                "Clearance above ground shall be not less than the values in Table 4-1.",
                heading="Clearance",
            ),
            row("OH", "4.1", "Table 4-1 Clearance by voltage", cols, ["Roads", "18", "22"]),
        ]
    )
    check(decide("Primary (12 kV) conductor over the road measured 20 ft.", {}, lib), "VALID", "OH", "4.1")
    check(
        decide("Secondary (240 V) conductor over the road measured 20 ft.", {}, lib),
        "REPEALABLE",
        "OH",
        "4.1",
    )


def test_prohibitions_and_triggers_of_things_named_in_the_subject():
    lib = Library(
        [
            R(
                "C",
                "1.1",
                "Conductors of more than 750 V shall have a vertical clearance of not less than 25 ft over roads.",
                heading="Clearance",
            ),
            R("C", "3.1", "Ground rods shorter than 8 ft shall not be used.", heading="Ground rods"),
            R(
                "C",
                "4.1",
                "Crossarms more than 2 degrees out of level shall be reset.",
                heading="Crossarm level",
            ),
        ]
    )
    check(decide("12 kV primary conductor over the road at 23 ft.", {}, lib), "VALID", "C", "1.1")
    check(decide("240 V secondary conductor over the road at 23 ft.", {}, lib), "REPEALABLE", "C", "1.1")
    check(decide("Ground rods at P-5 are 6 ft long.", {}, lib), "VALID", "C", "3.1")
    check(decide("Ground rods at P-6 are 10 ft long.", {}, lib), "REPEALABLE", "C", "3.1")
    check(decide("Crossarm at P-7 is 3 degrees out of level.", {}, lib), "VALID", "C", "4.1")
    check(decide("Crossarm at P-8 is 1.5 degrees out of level.", {}, lib), "REPEALABLE", "C", "4.1")


def test_setting_and_existing_work_conditions_of_allowances_and_exceptions():
    lib = Library(
        [
            R(
                "MT",
                "2.1",
                "Meter bases shall be mounted between 4 ft and 5 ft above grade.",
                heading="Meter base height",
            ),
            R(
                "MT",
                "2.2",
                "In Suburban service territory, meter bases on a post may be mounted up to 5 ft 9 in above grade.",
                heading="Meter base height",
            ),
            R(
                "GY",
                "6.1",
                "The stub clearance of a push brace shall be not less than 4 ft.",
                heading="Push braces",
            ),
            R(
                "GY",
                "6.2",
                "Exception: On existing structures being reframed, the existing push brace may stay where the stub "
                "clearance is not less than 3 ft.",
                kind="exception",
                heading="Push braces",
            ),
        ]
    )
    d = decide("Meter base on a post (Urban service territory) mounted 5 ft 6 in above grade.", {}, lib)
    check(d, "VALID", "MT", "2.1")
    d = decide("Meter base on a post (Suburban service territory) mounted 5 ft 6 in above grade.", {}, lib)
    assert d.verdict == "REPEALABLE"
    check(
        decide("Push brace at a new structure has a stub clearance of 3 ft 4 in.", {}, lib),
        "VALID",
        "GY",
        "6.1",
    )
    d = decide(
        "Push brace at an existing structure being reframed has a stub clearance of 3 ft 4 in.", {}, lib
    )
    check(d, "REPEALABLE", "GY", "6.2")


def test_applicability_setting_and_work_words():
    from engine.requirements import applicability

    assert applicability("In Rural service territory, meters may")["setting"] == {"rural"}
    assert "setting" not in applicability("a non-urban district")
    assert applicability("existing poles reframed without setting a new pole")["work"] == {"existing"}
    assert applicability("at the new pole")["work"] == {"new"}


def test_the_measured_value_not_the_size_of_a_thing_is_compared():
    lib = Library(
        [
            R(
                "ST",
                "7.1",
                "The setback of a pull box from the curb shall be not less than 3 ft.",
                heading="Pull box setback",
            ),
        ]
    )
    d = decide("Setback of the pull box at the 24 ft driveway apron measured 2 ft from the curb.", {}, lib)
    check(d, "VALID", "ST", "7.1")
    assert "2 ft" in d.reason
    d = decide(
        "Pull box beside the (30 ft) driveway apron has a setback measured at 4 ft from the curb.", {}, lib
    )
    check(d, "REPEALABLE", "ST", "7.1")


def test_one_sentence_sets_limits_for_different_places_or_cases():
    lib = Library(
        [
            R(
                "UG",
                "8.1",
                "Trench backfill shall be compacted to not less than 93 percent of maximum density under roadways "
                "and parking lots, and to not less than 85 percent elsewhere.",
                heading="Trench compaction",
            ),
            R(
                "NE",
                "2.1",
                "The bond jumper shall be not smaller than #6 AWG copper on secondary pedestals and not smaller "
                "than #2 AWG copper on primary switchgear.",
                heading="Bond jumpers",
            ),
        ]
    )
    check(
        decide("Trench compaction in a garden bed measured 88 percent.", {}, lib),
        "REPEALABLE",
        "UG",
        "8.1",
    )
    check(
        decide("Trench compaction under the parking lot measured 88 percent.", {}, lib),
        "VALID",
        "UG",
        "8.1",
    )
    check(
        decide("Bond jumper on the primary switchgear SW-3 is #4 AWG copper.", {}, lib), "VALID", "NE", "2.1"
    )
    check(
        decide("Bond jumper on the secondary pedestal SP-9 is #4 AWG copper.", {}, lib),
        "REPEALABLE",
        "NE",
        "2.1",
    )


def test_table_column_chosen_by_the_findings_words_with_negation():
    cols = ["Structure", "Front (access) face", "All other faces"]
    lib = Library(
        [
            R(
                "PD",
                "9.1",
                "Switchgear pads shall be kept clear of structures by not less than the values in Table 9-1.",
                heading="Pad clearances",
            ),
            row(
                "PD",
                "9.1",
                "Table 9-1 Minimum clearance from switchgear",
                cols,
                ["Block wall", "12 ft", "4 ft"],
            ),
        ]
    )
    d = decide("Block wall is 5 ft from the rear (non-access face) of switchgear SG-4.", {}, lib)
    check(d, "REPEALABLE", "PD", "9.1")
    d = decide("Block wall is 5 ft from the front access face of switchgear SG-4.", {}, lib)
    check(d, "VALID", "PD", "9.1")


def test_table_column_by_the_findings_value_and_a_sibling_tolerance():
    def trow(cells):
        text = "Table 6-2 Conductor offset: " + " | ".join(cells)
        return R(
            "LN",
            "6.1",
            text,
            kind="table_row",
            data={"table": "Table 6-2 Conductor offset", "columns": [], "cells": cells},
        )

    lib = Library(
        [
            R("LN", "6.1", "Conductor offset shall be set to the values of Table 6-2.", heading="Offset"),
            trow(["Wire", "100 ft run", "400 ft run"]),
            trow(["#6 copper", "10 in", "30 in"]),
            R(
                "LN",
                "6.2",
                "Tolerance: measured offset shall be within +/- 2 in of the Table 6-2 value.",
                heading="Offset",
            ),
        ]
    )
    d = decide("#6 copper conductor on a run (380 ft) measured 31 in offset.", {}, lib)
    assert d.verdict == "REPEALABLE", d.reason
    assert "30 in" in d.reason
    # the repeal is on the named tolerance ground, and the reason says so
    assert d.details["rule"] == "tolerance" and "within the tolerance" in d.reason, d.reason
    exact = decide("#6 copper conductor on a run (380 ft) measured 30 in offset.", {}, lib)
    assert exact.verdict == "REPEALABLE" and exact.details.get("rule") != "tolerance", exact.reason
    d = decide("#6 copper conductor on a run (380 ft) measured 27 in offset.", {}, lib)
    assert d.verdict == "VALID", d.reason


def test_table_row_keyed_by_a_bare_count_range():
    cols = ["Lots served", "Overhead (A)", "Underground (A)"]
    lib = Library(
        [
            R(
                "SV",
                "5.1",
                "Service panels shall be rated not less than the values of Table 5-1.",
                heading="Panels",
            ),
            row("SV", "5.1", "Table 5-1 Minimum panel rating", cols, ["1 - 3", "100 A", "150 A"]),
            row("SV", "5.1", "Table 5-1 Minimum panel rating", cols, ["4 - 8", "200 A", "300 A"]),
        ]
    )
    d = decide("The underground panel serving 6 lots is rated 250 A.", {}, lib)
    assert d.verdict == "VALID", d.reason
    assert "300 A" in d.reason
    d = decide("The underground panel serving 2 lots is rated 250 A.", {}, lib)
    assert d.verdict == "REPEALABLE", d.reason
    assert "150 A" in d.reason


def test_both_bounds_of_a_range_written_as_two_limits_are_checked():
    lib = Library(
        [
            R(
                "BX",
                "3.1",
                "The pedestal lid shall be set not less than 2 in and not more than 6 in above finished grade.",
                heading="Pedestal lids",
            ),
        ]
    )
    d = decide("Pedestal lid at Lot 3 is 1 in above finished grade.", {}, lib)
    check(d, "VALID", "BX", "3.1")
    assert "at least 2 in" in d.reason
    check(decide("Pedestal lid at Lot 4 is 8 in above finished grade.", {}, lib), "VALID", "BX", "3.1")
    check(decide("Pedestal lid at Lot 5 is 4 in above finished grade.", {}, lib), "REPEALABLE", "BX", "3.1")


GUY_FITTINGS_PAGE = """General Order No. 95
Document: GO-95-Rules-56-58
Revision: 1
56.5  Fastenings
A guy wire attached to an anchor rod or to a through bolt shall be protected there by a guy thimble or by an
equivalent fitting.
56.8-A  Material
Guy insulators on supply lines shall be of porcelain, of glass, or of another suitable material.
"""


def test_a_rule_that_accepts_an_equivalent_repeals_a_go_back_for_the_named_kind():
    """GO 95 Rules 56.5 and 56.8-A accept "an equivalent fitting" and "another suitable material"."""
    from tests.test_real_standards import _library

    lib = _library({"go95.pdf": GUY_FITTINGS_PAGE})
    thimble = decide(
        "Down guy at pole 2219 is attached to the through bolt with a thimble-eye bolt, which protects the strand as "
        "a thimble does; auditor requires a separate thimble.",
        {},
        lib,
    )
    assert (thimble.verdict, thimble.citations[0]["section"]) == ("REPEALABLE", "56.5"), thimble.reason
    glass = decide(
        "Guy strain insulator at pole 2231 is a fiberglass rod insulator rather than porcelain; auditor requires porcelain.",
        {},
        lib,
    )
    assert (glass.verdict, glass.citations[0]["section"]) == ("REPEALABLE", "56.8-A"), glass.reason
    missing = decide("Down guy at pole 2220 has no guy thimble at the through bolt.", {}, lib)
    assert missing.verdict == "VALID", missing.reason


TOWER_STEPS_PAGE = """General Order No. 95
Document: GO-95-Section-VI
Revision: 1
61.7  Steps
Steps or ladders on towers shall begin not less than 7 feet 6 inches above the ground line.
Exception: where a fence or wall is used as a suitable barrier (Rule 61.6-B), the steps or ladders may extend to
ground level. [Rule 61.6-B is not reproduced in this excerpt.]
"""


def test_a_rule_named_in_brackets_of_an_exception_does_not_send_the_case_elsewhere():
    """GO 95 Rule 61.7: "(Rule 61.6-B)" explains "suitable barrier"; before, the exception was read as sending the
    case to a rule the library does not hold, and the finding came back NEEDS_REVIEW."""
    from tests.test_real_standards import _library

    lib = _library({"go95.pdf": TOWER_STEPS_PAGE})
    d = decide(
        "Step bolts on tower 15/1 begin 2 ft above the footing; the tower stands inside the substation chain-link "
        "perimeter fence, which serves as the barrier.",
        {},
        lib,
    )
    assert d.verdict == "REPEALABLE" and "exception" in d.reason, d.reason


def test_a_held_part_of_the_rule_decides_what_was_measured_beside_an_unheld_part():
    """GO 95 Rule 87.7-B (held) sets a guard arm's length; Rule 87.4-C3 (not held) says when a guard arm is
    needed. A finding that names 87.4-C3 for context and measures the arm is decided by 87.7-B, and the
    reason says 87.4-C3 is not held; a finding that turns on 87.4-C3 alone stays NEEDS_REVIEW."""
    lib = Library(
        [
            R("GO-95-VIII", "87.7", "Covering or Guarding", heading="Covering or Guarding"),
            R(
                "GO-95-VIII",
                "87.7-B",
                "Guard arms over messengers shall be not less than 4 feet long.",
                heading="Guard Arms",
            ),
        ]
    )
    d = decide(
        "At pole 1201, where the joint-use plan calls for a guard arm under Rule 87.4-C3, the guard arm "
        "installed above the messenger is 3 ft long.",
        {},
        lib,
    )
    assert d.verdict == "VALID", d.reason
    assert "87.4-C3" in d.reason and "does not hold" in d.reason
    unheld = decide("No guard arm installed at pole 1207; auditor cites Rule 87.4-C3.", {}, lib)
    assert unheld.verdict == "NEEDS_REVIEW", unheld.reason


DEFERS = """General Order 95 (library excerpt)
Document GO-95-X
Revision 1
111.1 Clearances of Poles from Tracks
In all cases the clearances from tracks to the nearest surface of poles shall be those specified in General Order
No. 26-D.
111.2 Crossing Spans
Crossing spans shall be supported by poles of sufficient strength.
"""

METERS = """Service Requirements (library excerpt)
Document TD-7001M-X
Revision 1
2.4.1 Gas Service Laterals
Gas service laterals shall be installed by the utility.
2.4.2 Gas Meter-Set Locations
E. The minimum separation between gas meter sets and electric meters shall be as shown in Figure 2-20.
2.4.3 Meter Clearance From Doors
Electric meters shall be at least 3 feet from a door opening, as shown in Figure 2-21.
"""


def test_a_clause_that_sends_its_value_to_a_document_or_figure_the_library_lacks_needs_review():
    """realtext-go3, realtext-gb2: GO 95 Rule 111.1 gives pole-to-track clearances only as "those specified in
    General Order 26-D", and a manual gives the gas-to-electric meter separation only in a figure; neither is in
    the library, so "7 ft 6 in from the nearest rail" and "24 in from the electric meter" were judged VALID by a
    clause that states no value. A clause with its own value still decides."""
    lib = library_of(([DEFERS], "go95x.pdf"), ([METERS], "meters.pdf"))
    track = decide(
        "Crossing pole 41-7 is 7 ft 6 in from the nearest rail; the pole-to-track clearance was not confirmed.",
        {},
        lib,
    )
    assert track.verdict == "NEEDS_REVIEW" and "General Order No. 26-D" in track.reason, track.reason
    assert track.citations[0]["section"] == "111.1"
    gas = decide("Separation between the gas meter set and the electric meter measured 24 in.", {}, lib)
    assert gas.verdict == "NEEDS_REVIEW" and "Figure 2-20" in gas.reason, gas.reason
    door = decide("Electric meter installed 2 ft from the door opening.", {}, lib)
    assert door.verdict == "VALID", door.reason


CONDUITS = """Underground Conduits (library excerpt)
Document 062288-X
Revision 19
1  [Applications for underground conduit]
All residential installations that require conduit should be made without concrete encasement.
4  [Conduit installed for PG&E by others]
When conduit, including service conduit, is installed for PG&E by others, it must meet the requirements of this
document. The following are also acceptable alternatives to the required rigid PVC Schedule 40 conduit:
A. single-wall PVC Schedule 40 or 80 UL 651 conduit that is so marked;
B. hot-dip galvanized rigid steel conduit conforming to ANSI Specification C80.1.
"""


def test_an_item_of_a_listed_set_of_alternatives_that_the_finding_reports_installed_repeals_the_go_back():
    """realtext-gb2, realtext-ug: PG&E 062288 item 4 lists the acceptable alternatives to PVC Schedule 40 as
    lettered items; a finding that reports one of them installed ("Schedule 80 PVC marked UL 651", "hot-dip
    galvanized rigid steel conduit") was judged VALID by "requires this". One that denies the item's marking
    ("no UL 651 marking") is not the alternative."""
    lib = library_of(([CONDUITS], "062288.pdf"))
    marked = decide(
        "Service lateral conduit at Lot B is Schedule 80 PVC marked UL 651; inspector marked it "
        "non-standard because Schedule 40 is specified.",
        {},
        lib,
    )
    assert marked.verdict == "REPEALABLE" and "alternative" in marked.reason, marked.reason
    steel = decide(
        "Driveway crossing at Lot C run in hot-dip galvanized rigid steel conduit instead of PVC "
        "Schedule 40.",
        {},
        lib,
    )
    assert steel.verdict == "REPEALABLE" and "hot-dip galvanized rigid steel conduit" in steel.reason
    pipe = decide("Service conduit at Lot A is white PVC water pipe with no UL 651 marking.", {}, lib)
    assert pipe.verdict != "REPEALABLE", pipe.reason


BRACES = """Line Construction (library excerpt)
Document 1728F-X
Revision 1
Purpose and General
The specifications of this bulletin set forth requirements for the construction of overhead distribution lines.
C-1  Crossarm Braces
Flat braces are used with 8 ft crossarms and angle braces with 10 ft crossarms. Exception: an angle brace is also
required on 8 ft crossarms where the conductors have a rated breaking strength of more than 4,500 lb.
C-2  Approach Distances
A lineman shall keep at least 2.14 ft from an energized phase of 5.1 to 15 kV (phase-to-ground exposure).
"""


def test_an_exception_that_asks_more_upholds_the_go_back_and_a_size_naming_the_case_is_no_compliance():
    """realtext-rus2: "Exception: an angle brace is also required on 8 ft crossarms where the conductors have a
    rated breaking strength of more than 4,500 lb" met by a 14,100 lb conductor repealed the go-back (an
    exception was read as a relief); and "flat braces are used with 8 ft crossarms" was "met" by "8 ft crossarm"
    (the size that names the case). realtext-osha: "at elevation 8,000 ft" was taken for the measured distance."""
    lib = library_of(([BRACES], "braces.pdf"))
    strong = decide(
        "8 ft crossarm carrying 336.4 kcmil ACSR (rated breaking strength 14,100 lb) is fitted with "
        "flat braces.",
        {},
        lib,
    )
    assert strong.verdict == "VALID" and "requires more" in strong.reason, strong.reason
    unknown = decide(
        "8 ft crossarm is fitted with flat braces; conductor not identified on the staking sheet.", {}, lib
    )
    assert "meets" not in unknown.reason and unknown.verdict != "REPEALABLE", unknown.reason
    site = decide(
        "Work site at elevation 8,000 ft: lineman kept 2 ft 3 in from the energized 12.47 kV phase.", {}, lib
    )
    assert "Measured 2 ft 3 in" in site.reason and "8,000" not in site.reason.split(";")[0], site.reason


def test_review_a_listed_alternative_the_finding_denies_or_demands_and_an_exception_that_permits_more():
    """Review of the listed-alternatives and stricter-exception grounds: "is not hot-dip galvanized rigid steel
    conduit" and "inspector requires hot-dip galvanized rigid steel conduit" name the alternative without
    reporting it installed; an exception that "shall also be permitted" relaxes the rule, it does not tighten it."""
    lib = library_of(([CONDUITS], "062288.pdf"))
    for text in (
        "Conduit installed at Lot D is not hot-dip galvanized rigid steel conduit.",
        "Thin-wall conduit installed at Lot D; inspector requires hot-dip galvanized rigid steel conduit.",
    ):
        d = decide(text, {}, lib)
        assert "as an alternative" not in d.reason, (text, d.reason)
    permits = library_of(
        (
            [
                "Service Requirements (library excerpt)\nDocument SR-X\nRevision 1\nPurpose\n"
                "The requirements of this manual apply to new services.\n"
                "3.1 Service Conduit\nService conduit shall be rigid steel conduit.\n"
                "Exception: nonmetallic conduit shall also be permitted where the service is underground.\n"
                "3.2 Meter Sockets\nMeter sockets shall be ringless.\n"
            ],
            "sr.pdf",
        )
    )
    d = decide(
        "Underground service run in nonmetallic conduit; inspector requires rigid steel conduit.", {}, permits
    )
    assert d.verdict == "REPEALABLE", d.reason


def test_an_exception_for_a_thing_without_something_covers_a_finding_that_says_its_thing_has_none():
    """realtext-gb2: GO 128 Rule 34.3 "Equipment not containing oil needs no specific clearance from buildings"
    did not reach "the dry-type (no oil) secondary switch enclosure is mounted 8 in from the building wall",
    which was judged VALID by the 3 ft clearance of oil-filled equipment."""
    lib = library_of(
        (
            [
                "General Order 128 (library excerpt)\nDocument GO-128-X\nRevision 1\n"
                "34.2 Vaults\nVaults shall be ventilated.\n"
                "34.3 Self-Contained Surface-Mounted Equipment\n"
                "Equipment installed partly or wholly above the ground surface and not enclosed by a vault, room or"
                " fence, such as switch and transformer enclosures, shall conform to the following:\n"
                "D. Clearance from buildings: equipment containing oil shall clear the surface of buildings by not less"
                " than 3 feet.\n"
                "Exception: equipment not containing oil needs no specific clearance from buildings.\n"
                "34.4 Markings\nEquipment shall be marked with the owner's name.\n"
            ],
            "go128.pdf",
        )
    )
    dry = decide(
        "The dry-type (no oil) secondary switch enclosure is mounted 8 in from the building wall.", {}, lib
    )
    assert dry.verdict == "REPEALABLE" and "exception" in dry.reason, dry.reason
    oil = decide("The oil-filled transformer is mounted 20 in from the building wall.", {}, lib)
    assert oil.verdict == "VALID", oil.reason


@pytest.mark.parametrize(
    ("finding", "verdict", "said"),
    [
        ("Rubber sleeves on truck 22 last tested 10 months ago.", "REPEALABLE", "at most 12 months"),
        ("Rubber sleeves on truck 22 last tested 14 months ago.", "VALID", "at most 12 months"),
    ],
)
def test_a_test_interval_is_the_longest_time_allowed(finding, verdict, said):
    # 1910.137 Table I-5: sleeves are retested "every 12 months"; 10 months since the last test meets it (it was
    # read as "exactly 12 months", which turned a compliant interval into a go-back)
    lib = Library(
        [
            R(
                "1910.137",
                "1910.137(c)(2)(viii)",
                "Rubber insulating sleeves are given an electrical test before first issue and every 12 months "
                "thereafter.",
                heading="Electrical testing",
            )
        ]
    )
    d = decide(finding, {}, lib)
    assert (d.verdict, said in d.reason) == (verdict, True), d.reason


def test_at_least_every_n_months_is_still_an_interval():
    # review: "retested at least every 6 months" read as at least 6 months (a 7-month-old test passed)
    lib = Library(
        [
            R(
                "1910.137",
                "1910.137(c)(2)(viii)",
                "Rubber insulating gloves shall be retested at least every 6 months.",
            )
        ]
    )
    d = decide("Class 2 gloves last tested 7 months ago.", {}, lib)
    assert (d.verdict, "at most 6 months" in d.reason) == ("VALID", True), d.reason


def _wood_table():
    cols = ["Species", "Sawed Rectangular Poles, Crossarms, Etc. (b)", "Round Poles"]
    title = "Table 5 - Wood Strengths (modulus of rupture in bending (a), lbs per square inch)"
    return Library(
        [
            R(
                "GO-95",
                "48.1",
                "The bending strength of wood members shall be taken from Table 5.",
                heading="Wood",
            ),
            row("GO-95", "48.1", title, cols, ["Cedar, western red", "4,700", "6,000"]),
            row("GO-95", "48.1", title, cols, ["Douglas fir, dense", "6,300", "6,800"]),
        ]
    )


def test_a_stress_in_psi_is_compared_with_a_table_whose_title_gives_the_unit():
    # GO 95 Rule 48.1 Table 5 (realtext-go5 CV-3): the cells are bare numbers, the title says "lbs per square
    # inch"; "6,000 psi" for western red cedar round poles is the round-pole value (no psi unit was known)
    d = decide(
        "The pole strength check for the western red cedar round poles uses 6,000 psi.", {}, _wood_table()
    )
    assert d.verdict == "REPEALABLE", d.reason
    assert "6,000 lbs per square inch" in d.reason


def test_a_time_since_an_inspection_does_not_select_a_row_keyed_by_age():
    # GO 165 Table 1 (realtext-go5 CV-2): "4 years ago" is the interval the row limits, not the age that keys
    # "Wood Poles under 15 years"
    cols = ["Facility", "Patrol - Urban", "Detailed - Urban"]
    title = "Table 1 - Distribution Inspection Cycles (Maximum Intervals in Years)"
    lib = Library(
        [
            R(
                "GO-165",
                "IV",
                "Each utility shall inspect its facilities at least as often as Table 1 requires.",
            ),
            row("GO-165", "Table 1", title, cols, ["Transformers - Underground", "1", "3"]),
            row("GO-165", "Table 1", title, cols, ["Wood Poles under 15 years", "1", "x"]),
        ]
    )
    d = decide("Underground transformers had their last detailed inspection 4 years ago.", {}, lib)
    assert (d.verdict, "at most 3 years" in d.reason) == ("VALID", True), d.reason


def test_except_as_provided_in_an_unheld_rule_still_states_the_rule():
    # GO 95 Rule 52.4-B (realtext-go5 CV-1): "shall be marked ..., except as provided in Rule 52.4-B3" was read as
    # sending the value to 52.4-B3, which the library lacks
    lib = Library(
        [
            R(
                "GO-95",
                "52.4-B",
                "(1) Urban districts: every crossarm supporting conductors of more than 750 volts shall be marked as "
                "high voltage, except as provided in Rule 52.4-B3.",
                heading="Marking of crossarms",
            )
        ]
    )
    d = decide(
        "Crossarm supporting 12 kV conductors in this urban district is not marked high voltage.", {}, lib
    )
    assert d.verdict == "VALID", d.reason


def test_an_item_of_a_list_of_defects_binds_as_the_sentence_that_lists_it():
    # 29 CFR 1910.137(c)(2)(iii) (realtext-osha3 LT-3): "(B) ozone cutting or ozone checking" under "Insulating
    # equipment with any of these defects may not be used:" was a sentence of no force
    lib = Library(
        [
            R(
                "1910.137",
                "1910.137(c)(2)(iii)",
                "Defects. Insulating equipment with any of these defects may not be used:\n(A) a hole, tear, puncture "
                "or cut;\n(B) ozone cutting or ozone checking;\n(C) an embedded foreign object;",
                heading="Defects",
            )
        ]
    )
    d = decide("An insulating glove showed ozone checking at the gauntlet and stayed in use.", {}, lib)
    assert (d.verdict, d.citations[0]["section"]) == ("VALID", "1910.137(c)(2)(iii)"), d.reason


def test_a_note_after_an_exception_is_no_exception():
    # 29 CFR 1910.269(t)(7) (realtext-ug2 UG-2): "Note to (t)(7)(i): oil leaking from joints ... could indicate an
    # impending fault" follows the exception and explains the rule; it was applied as the exception itself
    lib = Library(
        [
            R(
                "1910.269",
                "1910.269(t)(7)",
                "Where a cable in a manhole has an abnormality that could indicate an impending fault, that cable "
                "shall be deenergized before any employee works in the manhole.",
                heading="Protection against faults",
            ),
            R(
                "1910.269",
                "1910.269(t)(7)",
                "Exception: where service-load conditions require the cable to stay energized, employees may enter if "
                "they are protected by shields. Note to (t)(7)(i): oil or compound leaking from cables or joints is an "
                "abnormality that could indicate an impending fault.",
                kind="exception",
                heading="Protection against faults",
            ),
        ]
    )
    d = decide("Oil was seeping from joint J-5 in the manhole while the splicer worked there.", {}, lib)
    assert "Note to" not in d.reason and d.verdict == "VALID", d.reason


def _osha3_gloves() -> Library:
    """The library of the realtext-osha3 1910.137 spec PDF, imported as the app imports it."""
    from pathlib import Path

    from engine import parse_spec, read_pdf

    pdf = next((Path(__file__).parent / "corpora" / "realtext-osha3" / "specs").glob("CFR-1910.137*.pdf"))
    spec = parse_spec(read_pdf(pdf.read_bytes(), tables=True).pages, pdf.name)
    return Library(
        [
            ClauseRecord.of(c, document=spec.document_number, title=spec.title, revision="1")
            for c in spec.clauses
        ]
    )


def test_a_release_for_low_voltage_and_a_permission_with_an_unstated_proviso_do_not_repeal():
    # 29 CFR 1910.137(c)(2)(vii) (realtext-osha3 LT-3): "(B) Where the voltage does not exceed 250 V ac ...,
    # protector gloves need not be used with Class 00 gloves" was taken as releasing protectors on a 12.47 kV
    # phase, and "(C) Any other class of glove may be used without protector gloves ..., but only if the employer
    # can demonstrate ..." as permitting them without the demonstration: both gave REPEALABLE
    d = decide(
        "At pole 112 the lineman tying in the 12.47 kV phase wore Class 2 gloves without protectors.",
        {},
        _osha3_gloves(),
    )
    assert d.verdict == "VALID", d.reason


def test_a_hot_stick_is_a_live_line_tool():
    # 29 CFR 1910.269(j): crews write "hot stick", "shotgun stick"; the standard writes "live-line tool"
    lib = Library(
        [
            R(
                "1910.269",
                "1910.269(j)(2)",
                "Each live-line tool shall be wiped clean and visually inspected for defects before use each day.",
                heading="Condition of tools",
            ),
            R(
                "1910.269",
                "1910.269(x)",
                "Line-clearance tree trimming is pruning of trees near power lines.",
            ),
        ]
    )
    d = decide("The shotgun stick was not wiped down or looked over before the crew began work.", {}, lib)
    assert (d.verdict, d.citations[0]["section"]) == ("VALID", "1910.269(j)(2)"), d.reason


# --- second review of the real-text changes (issue #13, stop 26)


def test_a_note_of_several_sentences_after_an_exception_stays_a_note():
    lib = Library(
        [
            R(
                "1910.269",
                "1910.269(t)(7)",
                "A cable with an abnormality shall be deenergized before work in the manhole.",
            ),
            R(
                "1910.269",
                "1910.269(t)(7)",
                "Exception: where service-load conditions require it, employees may enter if protected by shields. "
                "Note to (t)(7)(i): Abnormalities include leaking oil. Oil or compound leaking from cables or joints "
                "in the manhole could indicate an impending fault.",
                kind="exception",
            ),
        ]
    )
    from engine.requirements.statements import parse_statements

    got = parse_statements(lib.units[1].text)
    assert [(s.is_exception, s.is_note) for s in got[-2:]] == [(False, True), (False, True)]


def test_except_as_provided_in_a_paragraph_is_no_proviso_and_except_as_specified_no_deferral():
    lib = Library(
        [
            R(
                "S",
                "5",
                "Except as provided in paragraph (c)(2)(vii)(C) of this section, crossarms may be installed on either "
                "face of the pole.",
                heading="Crossarms",
            ),
            R("S", "6", "Line-clearance tree trimming is pruning of trees near power lines."),
        ]
    )
    d = decide("Crossarm was installed on the street face of the pole instead of the field face.", {}, lib)
    assert d.verdict == "REPEALABLE", d.reason
    lib = Library(
        [
            R(
                "GO-95",
                "52.4-B",
                "(1) Urban districts: every crossarm supporting conductors of more than 750 volts shall be marked as "
                "high voltage, except as specified in Rule 52.4-B3.",
            )
        ]
    )
    d = decide(
        "Crossarm supporting 12 kV conductors in this urban district is not marked high voltage.", {}, lib
    )
    assert d.verdict == "VALID", d.reason


def test_a_permission_for_lower_voltages_does_not_repeal_at_a_higher_one():
    lib = Library(
        [
            R(
                "S",
                "1",
                "Employees shall wear rubber insulating gloves when working on energized conductors.",
                heading="Gloves",
            ),
            R(
                "S",
                "1.1",
                "Where the voltage does not exceed 250 V, employees may work on energized conductors without rubber "
                "insulating gloves.",
                heading="Gloves",
            ),
        ]
    )
    d = decide("Lineman worked on the energized 12 kV conductor without rubber insulating gloves.", {}, lib)
    assert d.verdict == "VALID" and "is at most 250 V" not in d.reason, d.reason


def test_a_pole_set_years_ago_is_keyed_by_its_age():
    # review: "set 25 years ago" is the pole's age; dropping it as a time since an event chose the 20-year row
    cols = ["Facility", "Intrusive"]
    title = "Table 1 - Wood Pole Intrusive Inspection Cycles (Maximum Intervals in Years)"
    lib = Library(
        [
            R(
                "GO-165",
                "IV",
                "Each utility shall inspect its facilities at least as often as Table 1 requires.",
            ),
            row("GO-165", "Table 1", title, cols, ["Wood Poles under 15 years", "x"]),
            row(
                "GO-165",
                "Table 1",
                title,
                cols,
                ["Wood Poles over 15 years which have not been subject to intrusive inspection", "10"],
            ),
            row("GO-165", "Table 1", title, cols, ["Wood poles which passed intrusive inspection", "20"]),
        ]
    )
    d = decide("Wood pole set 25 years ago has had no intrusive inspection in the last 12 years.", {}, lib)
    assert (d.verdict, "at most 10 years" in d.reason) == ("VALID", True), d.reason


def test_a_permission_the_audit_does_not_show_is_not_called_a_requirement():
    # the reason quoted "Any other class of glove may be used ..., but only if ..." as what the clause "requires"
    lib = _osha3_gloves()
    d = decide(
        "At pole 112 the lineman tying in the 12.47 kV phase wore Class 2 gloves without protectors.", {}, lib
    )
    assert "requires this (“Any other class" not in d.reason, d.reason


SWITCHBOARDS = """Title 8 High-Voltage Electrical Safety Orders
Document: T8-HVESO
Revision: 2024
2944. Work in High-Voltage Stations
(c) Every switchboard shall carry readily legible circuit identification, provided for each
circuit breaker, each disconnect switch and each grounding switch.
"""


def test_a_clause_that_names_the_finding_s_thing_past_its_grammatical_subject_governs():
    # realtext-ug2 FL-4: the clause's subject is "switchboard", the finding's thing its listed "disconnect switch":
    # the clause covered most of the finding's words yet was turned away as about another subject
    lib = library_of(([SWITCHBOARDS], "t8.pdf"))
    d = decide("Disconnect switches 89-2 and 89-3 on the new bay carry no identification.", {}, lib)
    assert d.verdict == "VALID", d.reason
    assert d.citations[0]["section"].startswith("2944"), d.citations


FALL_ARREST = """Occupational Safety and Health Standards
Document: 1910.269
Revision: 2014
1910.269(g)(2) Fall protection
(iv)(B) Personal fall arrest systems shall be rigged so that an employee can neither free fall more than 1.8 m
(6 ft) nor contact any lower level. (iv)(C)(1) Each employee working from an aerial lift shall use a fall
restraint system or a personal fall arrest system. [The enforcement memorandum expects the system to be attached
to the boom or the bucket.]
"""


def test_lettered_items_of_one_paragraph_bind_each_on_its_own():
    # realtext-rus2 EX-3: "(iv)(C)(1) Each employee ... shall use ..." ran on in one statement with the bracketed
    # "expects" note after it and was read as a recommendation (repealable); "neither free fall more than
    # 1.8 m" was read as a minimum
    lib = library_of(([FALL_ARREST], "269.pdf"))
    d = decide(
        "Lineman in the aerial lift bucket wore a harness but the lanyard was not connected to the boom or "
        "bucket anchorage.",
        {},
        lib,
    )
    assert d.verdict == "VALID", d.reason
    d = decide(
        "Pole strap rigged so that the lineman could free fall about 18 in; auditor requires zero.", {}, lib
    )
    assert d.verdict == "REPEALABLE", d.reason
    assert "at most 1.8 m" in d.reason, d.reason


INTRUSIVE = """General Order No. 165
Document: GO-165
Revision: 2024
3  Inspection Intervals
Wood poles that passed an intrusive inspection shall be intrusively inspected again at intervals of not more than
20 years.
"""


def test_a_year_dated_inspection_is_measured_to_the_audit_date():
    # realtext-go5 CV-2: "passed its intrusive inspection in 2003" gave no time to compare with the 20-year interval
    lib = library_of(([INTRUSIVE], "go165.pdf"))
    text = "Wood pole 110245 passed its intrusive inspection in 2003 and has not been intrusively inspected since."
    d = decide(text, {"audit_date": "2025-09-22"}, lib)
    assert d.verdict == "VALID" and "22 years since 2003" in d.reason, d.reason
    d = decide(
        "Wood pole 110318 passed intrusive inspection in 2009; auditor requires a 10-year cycle.",
        {"audit_date": "2025-09-22"},
        lib,
    )
    assert d.verdict == "REPEALABLE", d.reason
    assert decide(text, {}, lib).verdict == "NEEDS_REVIEW"  # no audit date: no elapsed time


PADS = """General Order No. 128
Document: GO-128
Revision: 11
21.5-A  Effectively Grounded
Where an impedance of less than 25 ohms is not obtained, the following is considered an effective ground: two
ground rods, each 8 ft long, driven at not less than 6 ft centers.
34.3-A  Securing
Pad-mounted transformers and switches shall be secured to their pads so that they cannot be shifted by hand.
34.3-C  Locking
Compartment doors of pad-mounted equipment shall be locked or bolted.
34.3-D  Clearance from Buildings
Equipment containing oil shall be located so that its nearest metal parts clear the surface of buildings by not
less than 3 ft; this may be reduced to 2 ft where the building surface is noncombustible.
"""


def test_a_reduction_for_a_noncombustible_wall_reaches_a_concrete_one():
    # realtext-go7 RB-4: "2 ft 2 in from the concrete block wall" is within the 2 ft a noncombustible surface allows
    # (GO 128 Rule 34.3-D); a garage's wall is a building's, so the 3 ft rule reaches it
    lib = library_of(([PADS], "go128.pdf"))
    d = decide(
        "Pad T-43: oil-filled transformer is 2 ft 2 in from the concrete block wall of the pump house.",
        {},
        lib,
    )
    assert d.verdict == "REPEALABLE" and "at least 2 ft" in d.reason, d.reason
    d = decide("Pad T-41: oil-filled transformer sits 2 ft 4 in from the wood-sided garage wall.", {}, lib)
    assert d.verdict == "VALID" and "at least 3 ft" in d.reason, d.reason


def test_a_condition_its_sentence_denies_is_the_opposite_condition():
    # realtext-go7 RB-2: "Where an impedance of less than 25 ohms is not obtained" was read as "less than 25 ohms",
    # so a 41 ohm single rod was out of the rule and a 22 ohm one inside it
    lib = library_of(([PADS], "go128.pdf"))
    d = decide(
        "Ground resistance at pad T-14 measured 41 ohms with a single rod; no second rod installed.", {}, lib
    )
    assert d.verdict == "VALID", d.reason
    d = decide("Pad T-47: single ground rod measured 22 ohms; inspector requires a second rod.", {}, lib)
    assert d.verdict == "REPEALABLE", d.reason


def test_the_latest_dated_event_and_only_real_years_count():
    # review: "in 2003 and again in 2015" measured 22 years; "due 2026" gave 0 years; "Form 2019-A" and
    # "2000 lb" were years
    from engine.requirements.facts import audit_facts

    def since(text):
        return [q.text for q in audit_facts(text, "2025-09-22").measured if q.kind == "time"]

    assert since("Pole 110245 passed intrusive inspection in 2003 and again in 2015.") == [
        "10 years since 2015"
    ]
    assert since("Pole 110245: next intrusive inspection due 2026.") == []
    assert since("Passed intrusive inspection per Form 2019-A in 2001.") == ["24 years since 2001"]
    assert since("Crew installed 2000 lb anchor at pole 7.") == []
    assert audit_facts("inspected in 2003", "2025-02-30").measured == []


def test_concrete_elsewhere_in_the_finding_is_no_noncombustible_wall():
    # review: "on its concrete pad" made the building surface noncombustible and repealed a 2 ft 4 in clearance
    # from a wood-sided garage
    lib = library_of(([PADS], "go128.pdf"))
    d = decide(
        "Pad T-41: oil-filled transformer on its concrete pad sits 2 ft 4 in from the wood-sided garage wall.",
        {},
        lib,
    )
    assert d.verdict == "VALID", d.reason
