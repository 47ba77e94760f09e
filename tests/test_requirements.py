"""Requirement parsing (engine.requirements): comparators, applicability, modality, exceptions, materials,
tables and the audit's facts."""

import pytest

from engine.requirements import (
    applicability,
    audit_facts,
    compat,
    modality,
    parse_constraints,
    parse_materials,
    parse_statements,
    phrase_state,
    row_key,
    strip_references,
    table_row_statement,
)
from engine.vocab import FLAGS, SURFACES

pytestmark = pytest.mark.no_redis


def cons(text):
    return [(c.comparator, c.low, c.high, c.kind) for c in parse_constraints(text)]


@pytest.mark.parametrize(
    "text, comparator, feet",
    [
        ("Poles shall be set not less than 6 ft deep.", ">=", 6),
        ("Poles must be buried at least 6 feet deep.", ">=", 6),
        ("Minimum anchor depth is 5 feet.", ">=", 5),
        ("Cover shall be ≥ 36 in.", ">=", 3),
        ("The distance between pull boxes shall not exceed 500 ft.", "<=", 500),
        ("Maximum pole spacing is 150 feet.", "<=", 150),
        ("Spans shall be no more than 300 ft.", "<=", 300),
        ("Sag shall be ≤ 4 ft.", "<=", 4),
        ("Ground wire shall be not smaller than 10 ft.", ">=", 10),
        ("Warning tape shall be placed 12 in above the conduit.", "==", 1),
    ],
)
def test_single_comparators(text, comparator, feet):
    (c,) = parse_constraints(text)
    assert c.comparator == comparator
    assert (c.low if c.low is not None else c.high) == pytest.approx(feet)


def test_ranges_between_from_to_and_tolerance():
    (c,) = parse_constraints("The anchor rod eye shall project between 6 in and 12 in above grade.")
    assert (c.comparator, c.low, c.high) == ("range", 0.5, 1.0)
    (c,) = parse_constraints("Single-phase overhead transformers shall be rated from 10 kVA to 167 kVA.")
    assert (c.comparator, c.low, c.high, c.kind) == ("range", 10, 167, "power")
    (c,) = parse_constraints(
        "Crossarms shall be mounted 8 in below the top of the pole, with a tolerance of plus or minus 1 in."
    )
    assert c.comparator == "range" and c.low == pytest.approx(7 / 12) and c.high == pytest.approx(9 / 12)
    (c,) = parse_constraints("Pole shall be plumb within ±2 degrees.")
    assert c.comparator == "<=" and c.high == 2


def test_within_means_at_most():
    (c,) = parse_constraints(
        "The as-built package shall be submitted within 10 business days of job completion."
    )
    assert (c.comparator, c.high, c.kind) == ("<=", 10, "time")
    (c,) = parse_constraints("Crossarms shall be level within 2 degrees.")
    assert (c.comparator, c.high, c.kind) == ("<=", 2, "angle")


def test_comparator_after_the_value_and_awg():
    (c,) = parse_constraints("The grounding conductor shall be #2 AWG copper or larger.")
    assert c.comparator == ">=" and c.kind == "conductor_size"
    (c,) = parse_constraints("Ground wire shall be solid copper not smaller than #4 AWG.")
    assert c.comparator == ">=" and c.kind == "conductor_size"


def test_comparator_distributes_over_and():
    got = parse_constraints(
        "Ground rods shall be copper-clad steel, not less than 8 ft long and 5/8 in in diameter."
    )
    assert [(c.comparator, c.context) for c in got] == [(">=", ["long"]), (">=", ["diameter"])]


def test_each_value_keeps_its_own_applicability():
    a, b = parse_constraints(
        "Span length shall not exceed 300 ft for primary construction in Grade B areas and 250 ft in heavy "
        "loading districts."
    )
    assert a.high == 300 and a.applicability["grade"] == "b" and a.applicability["voltage"] == {"primary"}
    assert b.high == 250 and b.applicability["heavy_loading"] is True


def test_exceeds_is_a_condition_not_a_limit():
    (c, _) = parse_constraints(
        "Where the resistance of a single rod exceeds 25 ohms, a second rod shall be driven not less than 6 ft away."
    )
    assert c.comparator == ">" and c.kind == "resistance"


def test_clearance_and_cover_default_to_minimums():
    (c,) = parse_constraints("Trench depth: 48 inches for primary conduit")
    assert c.comparator == ">=" and c.applicability["voltage"] == {"primary"}


def test_applicability_words():
    app = applicability("Secondary service drop (120/240 V) over the residential driveway")
    assert app["voltage"] == {"secondary"} and app["surface"] == {"driveway"}
    assert applicability("Primary over Elm Rd (public road)")["surface"] == {"road"}
    assert applicability("over the public alley")["surface"] == {"alley"}
    assert applicability("over a pedestrian-only walkway")["surface"] == {"pedestrian"}
    assert applicability("crossing railroad tracks")["surface"] == {"railroad"}
    assert applicability("in high fire-threat districts")["hftd"] is True
    assert applicability("circuit is outside the high fire-threat district")["hftd"] is False
    assert applicability("not within a designated avian protection area")["avian"] is False
    assert applicability("for 12kV systems in contamination zone III")["zone"] == "iii"
    assert applicability("in a Grade B area")["grade"] == "b"
    assert applicability("in a rock area")["rock"] is True


def test_voltage_class_from_values_only_when_asked():
    assert "voltage" not in applicability("15kV equipment")
    assert applicability("15kV equipment", infer_voltage=True)["voltage"] == {"primary"}
    assert applicability("120/240 V service", infer_voltage=True)["voltage"] == {"secondary"}


def test_compat_counts_conflicts_and_matches():
    assert compat({"voltage": {"primary"}}, {"voltage": {"secondary"}}) == (1, 0)
    assert compat({"surface": {"road", "alley"}}, {"surface": {"alley"}}) == (0, 1)
    assert compat({"hftd": True}, {}) == (0, 0)
    assert compat({"hftd": True}, {"hftd": False}) == (1, 0)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ground rods shall be copper-clad steel.", "mandatory"),
        ("Anchors must be galvanized steel.", "mandatory"),
        ("Fiberglass crossarms are preferred in high fire-threat districts.", "recommended"),
        ("A clearance of 12 ft at the time of trimming is recommended.", "recommended"),
        ("Standoff brackets should be spaced about 5 ft apart.", "recommended"),
        ("Outside avian areas, wildlife protectors are recommended but not required.", "recommended"),
        ("The clearance may be reduced to 12 ft.", "permissive"),
        ("Span length 300 ft.", "statement"),
    ],
)
def test_modality(text, expected):
    assert modality(text) == expected


def test_statements_split_exceptions_notes_and_elsewhere():
    sts = parse_statements(
        "A minimum radial clearance of 4 ft shall be maintained between primary conductors and vegetation in "
        "high fire-threat districts. Elsewhere the minimum radial clearance is 18 in.\n"
        "Note: A clearance of 12 ft at the time of trimming is recommended in high fire-threat districts.\n"
        "Exception: Over residential driveways, the clearance of secondary service drops may be reduced to 12 ft."
    )
    assert len(sts) == 4
    first, elsewhere, note, exc = sts
    assert first.constraints[0].applicability["hftd"] is True
    assert elsewhere.applicability["hftd"] is False and elsewhere.constraints[0].low == 1.5
    assert "clearance" in elsewhere.subject  # continues the first sentence's subject
    assert note.is_note and note.modality == "recommended"
    assert exc.is_exception and exc.modality == "permissive"


def test_subject_is_the_words_before_the_verb():
    (st,) = parse_statements("Transformer tanks shall be finished in light gray.")
    assert {"transformer", "tank"} <= st.subject
    (st,) = parse_statements("It is recommended that photographs of each riser be taken.")
    assert {"photograph", "riser"} <= st.subject


def test_text_table_rows_become_statements():
    sts = parse_statements(
        "Conduit shall be installed with not less than the cover in Table 3-1.\n"
        "Table 3-1 Minimum cover\nFacility Minimum cover\nPrimary conduit 36 in\nSecondary conduit 24 in\n"
    )
    rows = [s for s in sts if s.table]
    assert [r.constraints[0].low for r in rows] == [3.0, 2.0]
    assert rows[1].applicability["voltage"] == {"secondary"}


def test_table_row_cells_pick_column_class():
    st = table_row_statement(
        "Table 4-1 Minimum vertical clearance above surface",
        ["Surface under the span", "Secondary (0-750 V)", "Primary (750 V-22.5 kV)"],
        ["Public streets, alleys and roads", "18 ft", "25 ft"],
    )
    sec, pri = st.constraints
    assert (sec.comparator, sec.low, sec.applicability["voltage"]) == (">=", 18, {"secondary"})
    assert (pri.low, pri.applicability["voltage"], pri.applicability["surface"]) == (
        25,
        {"primary"},
        {"road", "alley"},
    )


def test_table_rows_keyed_by_value_and_by_range():
    st = table_row_statement(
        "Table 3-1 Minimum pole setting depth", ["Pole length", "Minimum setting depth"], ["45 ft", "6.5 ft"]
    )
    (c,) = st.constraints
    assert c.key.contains(45) and not c.key.contains(40) and c.low == 6.5
    k = row_key("1/0 to 4/0 ACSR")
    assert k.kind == "conductor_size" and k.contains(133.1) and not k.contains(336.4)
    assert row_key("#2 AWG ACSR and smaller").contains(26.0)
    assert row_key("336.4 kcmil and larger").contains(500)
    assert row_key("Primary conduit") is None


def test_materials_one_of_and_forbidden():
    (m,) = parse_materials("Crossarms shall be Douglas fir or fiberglass.")
    assert m.options == ["douglas fir", "fiberglass"]
    (m,) = parse_materials("Conductors must be copper, not aluminum.")
    assert m.options == ["copper"] and m.forbidden == ["aluminum"]
    (m,) = parse_materials("Ground rods shall be copper-clad steel, not less than 8 ft long.")
    assert m.options == ["copper clad steel"] and m.forbidden == []
    assert parse_materials("The as-built package shall be signed by the crew foreman.") == []


def test_phrase_state_sees_negation():
    assert phrase_state("galvanized", "Non-galvanized anchors in Zone F.") is False
    assert phrase_state("signed", "As-built package not signed.") is False
    assert phrase_state("fiberglass", "Crossarms on P-40 are fiberglass.") is True
    assert phrase_state("stainless steel", "Carbon steel hardware") is None


def test_audit_facts_separate_measured_from_claimed():
    f = audit_facts("Secondary conduit measured at 26 inches of cover; auditor requires 36 inches.")
    assert [q.text for q in f.measured] == ["26 inches"] and [q.text for q in f.claimed] == ["36 inches"]
    f = audit_facts("Ground resistance measured at 45 ohms, exceeding the 25 ohm maximum requirement.")
    assert [q.text for q in f.measured] == ["45 ohms"]
    f = audit_facts("Service drop measured at 12 ft 8 in; 16 ft is required over driveways.")
    assert [q.text for q in f.measured] == ["12 ft 8 in"]
    f = audit_facts("Crossarms are fiberglass; auditor expected Douglas fir.")
    assert "douglas" not in f.facts_text.lower()


def test_strip_references():
    text = strip_references("requiring 336.4 MCM AAC per GO 95 Rule 31.2, ANSI C29.1 and NEC Article 250")
    assert "336.4 MCM" in text
    for gone in ("GO 95", "31.2", "C29.1", "Article 250"):
        assert gone not in text


def test_unless_part_becomes_an_exception():
    rule, exc = parse_statements(
        "Service conduit shall have 24 in of cover, unless encased in concrete, in which case 12 in of cover is acceptable."
    )
    assert not rule.is_exception and rule.constraints[0].low == 2.0
    assert exc.is_exception and exc.constraints[0].low == 1.0 and "conduit" in exc.subject


@pytest.mark.parametrize(
    "text, comparator",
    [
        ("Transformers shall be located no closer than 10 ft to any building opening.", ">="),
        ("Pole steps shall begin no lower than 8 ft above grade.", ">="),
        ("Splice boxes shall not be more than 400 ft apart.", "<="),
        ("Anchors shall be no farther than 30 ft from the pole.", "<="),
        ("Cover shall not be less than 30 in.", ">="),
    ],
)
def test_more_comparator_phrasings(text, comparator):
    (c,) = parse_constraints(text)
    assert c.comparator == comparator


@pytest.mark.parametrize(
    "text, measured",
    [
        ("Pad-mounted transformer is 12 ft (min. 10 ft) from the building door.", ["12 ft"]),
        ("Splice boxes 420 ft apart (spec: 400 ft max).", ["420 ft"]),
        ("Cover 30 in vs. required 36 in.", ["30 in"]),
        ("Cover measured 30 in where 36 in is the minimum.", ["30 in"]),
    ],
)
def test_claimed_values_in_other_forms(text, measured):
    assert [q.text for q in audit_facts(text).measured] == measured


def test_proper_names_are_recorded():
    assert {"elm", "maple"} <= audit_facts(
        "Conductor over Elm Rd behind 19 Maple Ct measured at 17 ft."
    ).names


def test_labels_before_values_in_a_list():
    a, b, _ = parse_constraints("Minimum cover: Primary 36 in, Secondary 24 in, Streetlight 18 in")
    assert (a.low, a.applicability["voltage"]) == (3.0, {"primary"})
    assert (b.low, b.applicability["voltage"]) == (2.0, {"secondary"})


def test_between_x_and_y_with_one_unit_is_a_range():
    assert cons("Tape shall be between 12 and 18 inches above the cable.") == [("range", 1.0, 1.5, "length")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vaults with an interior depth greater than 1.8 m shall be provided with a sump.", [(">", True)]),
        ("Vaults deeper than 1.8 m shall have a sump.", [(">", True)]),
        ("Poles taller than 40 ft shall be set at least 6 ft deep.", [(">", True), (">=", False)]),
        ("Runs exceeding 150 m shall have a pull box.", [(">", True)]),
        ("Conductors over 600 V shall be buried not less than 36 in.", [(">", True), (">=", False)]),
        (
            "Exception: transformers rated 75 kVA and below may be 1.5 m from windows.",
            [("<=", True), ("==", False)],
        ),
        # the value is the requirement itself
        ("A clearance of more than 8 ft shall be maintained.", [(">", False)]),
        ("More than 4 bends shall not be installed.", [(">", False)]),
        ("The sum of all bends shall not exceed 360 degrees.", [("<=", False)]),
        # a prohibition of what the subject names is a limit
        ("Spans longer than 90 m shall not be used.", [("<=", False)]),
    ],
)
def test_a_value_in_the_subject_is_a_trigger_not_the_requirement(text, expected):
    assert [(c.comparator, c.condition) for c in parse_constraints(text)] == expected


@pytest.mark.parametrize(
    "text, mod, alt",
    [
        ("Native backfill free of rocks larger than 2 in is acceptable.", "permissive", "native backfill"),
        ("Fiberglass crossarms may be used in lieu of wood crossarms.", "permissive", "fiberglass crossarms"),
        ("Tier 8 lids are acceptable in non-traffic areas.", "permissive", "tier 8 lids"),
        ("Poles may be set in concrete.", "permissive", ""),
        ("Aluminum conductors are not acceptable.", "mandatory", ""),
        ("Splices may not be placed in conduit.", "mandatory", ""),
        ("It is recommended that conduit be bedded in 3 in of sand padding.", "recommended", ""),
    ],
)
def test_permitted_alternatives(text, mod, alt):
    from engine.requirements import alternative_subject

    assert modality(text) == mod
    assert alternative_subject(text) == alt


def test_free_of_things_larger_than_a_value_is_a_limit():
    assert cons("Native backfill free of rocks larger than 2 in is acceptable.") == [
        ("<=", None, 2 / 12, "length")
    ]


def test_traffic_areas_and_labels_that_are_not_counts():
    assert applicability("Tier 8 lids are acceptable in non-traffic areas.")["traffic"] is False
    assert applicability("lid installed in the roadway travel lane")["traffic"] is True
    assert not [c for c in parse_constraints("Tier 8 lids are acceptable.") if c.kind.startswith("count")]


def test_identifiers_named_like_places_are_labels_not_subjects():
    assert audit_facts("Secondary service conduit to Lot 14 installed at 0.65 m of cover").labels == {"lot"}
    assert audit_facts("Tie at Pole 3 found with 4 turns").labels == {"pole"}
    assert audit_facts("Leaning pole at Pole 12.").labels == set()  # also named as the thing itself
    assert audit_facts("Conduit at Station 3 m deep.").labels == set()  # a value with a unit
    assert audit_facts("Lid installed in Tier 3 area.").labels == set()  # an applicability word


def test_applicability_synonyms():
    assert applicability("over the alley travel lane")["traffic"] is True
    assert applicability("a vehicle travel lane")["traffic"] is True
    assert applicability("along the pedestrian path")["surface"] == {"pedestrian"}
    assert applicability("across the boulevard")["surface"] == {"road"}
    assert applicability("service conductors to the house")["voltage"] == {"secondary"}


def test_every_vocabulary_word_is_found_alone():
    # the quick pre-filter is built from the same word lists, so no word is found only beside another one
    # (before: "clearance over a bike path" gave {} while "... for primary" gave a pedestrian surface)
    assert applicability("clearance over a bike path") == {"surface": {"pedestrian"}}
    for name, terms in SURFACES.items():
        for term in terms:
            if not term.startswith("re:"):
                assert applicability(f"clearance over the {term}")["surface"] == {name}, term
    for name, terms in FLAGS.items():
        for term in terms:
            assert applicability(f"located in {term} area").get(name) is True, term


def test_or_less_belongs_to_the_value_before_and_sentences_end_after_acronyms():
    got = [
        (c.comparator, c.kind, c.condition, c.explicit)
        for c in parse_constraints(
            "Exception: transformers of 50 kVA or less may be 1.5 m from fire hydrants."
        )
    ]
    assert got == [("<=", "power", True, True), ("==", "length", False, False)]
    sts = parse_statements(
        "Conduit shall be Schedule 80 PVC. Schedule 40 PVC may be used in lieu of Schedule 80."
    )
    assert [s.modality for s in sts] == ["mandatory", "permissive"]
    assert not [
        c for s in sts for c in s.constraints if c.kind.startswith("count")
    ]  # "Schedule 40" is a label


def test_an_instruction_written_as_a_command_is_mandatory():
    """Utility manuals write requirements as commands (PG&E 063927: "Install a splice box whenever cable
    pulling tensions may be exceeded ..."); the "may" of the condition does not make the command optional."""
    from engine.requirements import modality

    assert modality("Install a splice box whenever cable pulling tensions may be exceeded.") == "mandatory"
    assert modality("Do not splice conductors inside the riser.") == "mandatory"
    assert modality("Use of fiberglass crossarms may be approved by the engineer.") == "permissive"
    assert modality("A splice box may be installed at the property line.") == "permissive"


def test_a_comparator_governs_each_alternative_in_its_list():
    """GO 95 Rule 113.4: "not smaller than No. 12 BWG galvanized steel, or No. 10 AWG hard-drawn copper" (the
    BWG gauge is no quantity the engine reads; before, the AWG value was an exact size)."""
    (c,) = parse_constraints(
        "Conductors not supported on messengers shall be not smaller than No. 12 BWG galvanized steel, or No. 10 AWG "
        "hard-drawn copper or copper-covered steel."
    )
    assert c.comparator == ">=" and c.kind == "conductor_size"


def test_a_row_label_led_by_its_case_number_keys_the_value_range():
    """GO 95 Table 13: "3 Over 17,500 volts" is Case 3, for circuits over 17,500 V (before: a count of 3 "Over")."""
    key = row_key("3 Over 17,500 volts")
    assert (key.kind, key.lo, key.hi) == ("voltage", 17500.0, float("inf"))
    low = row_key("1 0 - 7,500 volts")
    assert (low.kind, low.lo, low.hi) == ("voltage", 0.0, 7500.0)


def test_a_negation_reaches_across_a_coordinated_word():
    """GO 128 Rule 31.6 (conduits sealed): "not plugged or sealed" was read as sealed."""
    assert (
        phrase_state("sealed", "Service conduit to Lot 19 is not plugged or sealed at the handhole.") is False
    )
    assert phrase_state("bonded", "The cable racks are neither grounded nor bonded.") is False
    assert phrase_state("sealed", "The conduit is plugged and sealed at both ends.") is True


def test_a_sentence_ends_after_a_closing_bracket():
    """GO 95 Rule 35 (realtext-mix): "[... not reproduced in this excerpt.] Once a company knows ... those trees should
    be removed." was one statement, so the recommendation hid behind the library's note."""
    texts = [
        (s.text, s.modality)
        for s in parse_statements(
            "[The values of Case 14 are not reproduced in this excerpt.] Once a company knows that dead trees lean "
            "toward a span, those trees should be removed."
        )
    ]
    assert texts[-1] == (
        "Once a company knows that dead trees lean toward a span, those trees should be removed.",
        "recommended",
    )


def test_review_a_dimension_word_before_an_earlier_value_does_not_qualify_a_later_one():
    """Review: "Trench width 18 in and cover 20 in" gave the 20 in cover the qualifier "wide"."""
    from engine.quantities import find_quantities
    from engine.requirements.constraints import qualifier_of

    text = "Trench width 18 in and cover 20 in"
    first, second = find_quantities(text)
    assert "wide" in qualifier_of(text, first) and "wide" not in qualifier_of(text, second)


def test_an_instrument_s_accuracy_is_no_limit_on_what_it_measures():
    # realtext-go6 SG-4: 29 CFR 1910.269(e)(8) "a minimum accuracy of plus or minus 10 percent" was read as "at
    # least 10 percent" and repealed a 14 percent LFL reading; a plumb tolerance stays a limit
    assert (
        parse_constraints("Test instruments shall have a minimum accuracy of plus or minus 10 percent.") == []
    )
    (c,) = parse_constraints("Pole shall be plumb within ±2 degrees.")
    assert c.high == 2


def test_a_requirement_written_in_the_indicative_binds():
    # realtext-osha3: "Each live-line tool is wiped clean and visually inspected for defects before use each day"
    # (a condensed 1910.269(j)(2)(i)) read as a bare statement, so "sticks not wiped down or looked over" had no
    # governing clause; a "can" in a relative clause made 1910.137's daily inspection a permission
    assert modality(
        "Each live-line tool is wiped clean and visually inspected for defects before use each day."
    ) == ("mandatory")
    assert (
        modality("(iii) Live-line tools are removed from service every 2 years for examination.")
        == "mandatory"
    )
    assert (
        modality("If a defect is still present after wiping, the tool is removed from service.")
        == "statement"
    )
    assert modality("The vault is located below grade.") == "statement"
    assert (
        modality(
            "Insulating equipment is inspected before each day's use and after any incident that can damage it."
        )
        == "mandatory"
    )
    assert modality("Fiberglass crossarms may be used in lieu of wood.") == "permissive"


def test_a_value_after_the_verb_that_names_which_things_a_rule_covers_is_its_condition():
    # realtext-rus2 EM-4: 29 CFR 1910.269(t)(1) "use a ladder ... to enter a manhole or vault exceeding 1.22 m (4 ft)
    # in depth" was read as a minimum depth, so a 6 ft vault entered without a ladder "met" it
    (c,) = parse_constraints(
        "The employer shall ensure that employees use a ladder to enter a manhole or vault exceeding 1.22 m (4 ft) "
        "in depth."
    )
    assert c.condition
    (c,) = parse_constraints(
        "Guards shall be provided around all live parts operating at more than 150 volts."
    )
    assert c.condition
    # a measure before the comparator is the limit itself
    (c,) = parse_constraints("The conductor shall have a clearance of more than 8 ft.")
    assert not c.condition
    # a classification sets no limit (GO 95 Rule 58.2-A)
    assert (
        parse_constraints(
            "A series circuit with an output above 750 volts is classed as a circuit of more than 750 volts."
        )
        == []
    )


def test_scope_release_and_definition_prose_is_no_indicative_requirement():
    # review: the indicative reading took clauses of their own ("For lines that are de-energized ...", "Lines that
    # are inspected annually are exempt") for requirements
    for text in (
        "For lines that are de-energized and grounded, the minimum approach distance does not apply.",
        "This rule applies where the conductors are guarded.",
        "Lines that are inspected annually are exempt from this rule.",
        "A system or circuit conductor that is intentionally grounded.",
        "Once the line is de-energized, the crew proceeds.",
    ):
        assert modality(text) == "statement", text


def test_only_a_short_title_joins_the_item_after_it():
    # review: "This section applies to manholes." was taken for the title of the next item
    texts = [
        s.text
        for s in parse_statements(
            "(a) Scope. This section applies to manholes. (b) Ladders. (1) Employees shall use a ladder."
        )
    ]
    assert "This section applies to manholes" in texts
    assert texts[-1] == "(b) Ladders (1) Employees shall use a ladder."


def test_a_value_in_a_relative_clause_says_which_things_are_meant():
    # realtext-go6 SG-2: GO 95 Rule 44.2's note "a material increase is an addition that increases the load by more
    # than 5 percent" was read as a minimum, so a 4 percent overlash "failed" it; a proviso keeps its limit
    c, *_ = parse_constraints(
        "Note: a material increase in load is an addition that increases the load on the structure by more than "
        "5 percent per installation."
    )
    assert c.condition
    (c, *_) = parse_constraints(
        "This clearance may grade down to 16 feet, provided that the clearance at the centerline is in no case "
        "less than 18 feet."
    )[-1:]
    assert not c.condition


def test_an_except_for_sentence_does_not_make_the_next_item_an_exception():
    # realtext-ug2 FL-4: after "(ii) Except for fuse replacement ..., guarding ... shall be maintained", the item
    # "(iii) Before guards are removed ..., barriers shall be installed" was read as an exception and repealed the
    # go-back it upholds
    sts = parse_statements(
        "(ii) Except for fuse replacement by qualified persons, guarding of energized parts within a compartment "
        "shall be maintained during operation. (iii) Before guards are removed from energized equipment, barriers "
        "shall be installed around the work area."
    )
    assert [s.is_exception for s in sts if s.text.startswith("(iii)")] == [False]


def test_prepositions_name_no_subject():
    # realtext-ug2 FL-4: "crushed-rock surfacing near transformer T2" matched the rule headed "Operations near
    # energized lines" on "near" alone (subject words are compared without GENERIC)
    from engine.requirements.statements import GENERIC

    assert {"near", "within", "around"} <= GENERIC


def test_a_relative_clause_ends_at_the_rule_s_verb_and_a_denied_condition_in_other_words():
    # review: "Conductors that cross public streets shall be more than 18 ft above ..." became a condition (the
    # relative clause ran past "shall"), and "cannot be obtained" / "25 ohms or less is not obtained" were not
    # read as denials
    (c,) = parse_constraints(
        "Conductors that cross public streets shall be more than 18 ft above the street surface."
    )
    assert not c.condition
    (c,) = parse_constraints("The rod shall have a resistance to ground that is less than 25 ohms.")
    assert not c.condition
    c, *_ = parse_constraints(
        "Where an impedance of less than 25 ohms cannot be obtained, two rods are used."
    )
    assert (c.comparator, c.low, c.condition) == (">=", 25.0, True)
    c, *_ = parse_constraints("Where an impedance of 25 ohms or less is not obtained, two rods are used.")
    assert (c.comparator, c.low) == (">", 25.0)


def test_except_in_the_following_cases_still_lists_exceptions():
    # review: with "Except for X, ... shall ..." no longer an Exception heading, a paragraph listing its
    # exceptions ("Except in the following cases, ...:") lost them
    sts = parse_statements(
        "Except in the following cases, conductors shall be covered: (1) Service drops of 300 V or less. "
        "(2) Conductors in vaults."
    )
    assert all(s.is_exception for s in sts), [(s.text, s.is_exception) for s in sts]
