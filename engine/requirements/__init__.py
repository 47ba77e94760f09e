"""Requirements in spec clauses and facts in audit text. Plain Python, no Django.

A spec clause is split into statements (sentences, bullet lines, table rows). Each statement gets:
- ``constraints``: comparator + value with unit (``>=`` for "not less than", "at least", "minimum",
  "not smaller than", "≥", "rated for"; ``<=`` for "shall not exceed", "maximum", "no more than",
  "within", "≤"; ``>``/``<`` for conditions such as "exceeds"; ``range`` for "between X and Y",
  "from X to Y" and "X ± t"; ``==`` otherwise), with the words that qualify the value ("long", "of cover");
- ``materials``: a required material or state ("shall be Douglas fir or fiberglass", "must be copper,
  not aluminum"), as options and forbidden alternatives;
- ``applicability``: voltage class (primary/secondary), surface (road, alley, driveway, pedestrian, railroad),
  areas (high fire-threat district, avian protection area, rock, contamination zone), zone, construction
  grade, loading district — with negation ("outside", "not within", "Elsewhere");
- ``modality``: ``mandatory`` (shall, must, required), ``recommended`` (should, recommended, preferred,
  "not required") or ``permissive`` (may), and whether it is an Exception or a Note.

Domain defaults (source: GO 95 / GO 128 / NESC practice — clearances, cover, depth and separations are
minimums) give ``>=`` to a bare value whose subject is a clearance, cover, depth, separation, radius or creepage.
"""

from engine.requirements.applicability import applicability, compat, merge_app
from engine.requirements.constraints import (
    COUNT_ANY,
    Constraint,
    RowKey,
    direction_words,
    key_kind_matches,
    parse_constraints,
    qualifier_of,
    row_key,
)
from engine.requirements.facts import Facts, audit_facts, claim_spans, strip_references
from engine.requirements.materials import Material, parse_materials, phrase_state
from engine.requirements.modality import NOT_REQUIRED, alternative_subject, modality
from engine.requirements.statements import (
    GENERIC,
    Statement,
    parse_statements,
    primary_values,
    split_row_text,
    subject_tokens,
    table_row_statement,
)

__all__ = [
    "COUNT_ANY",
    "GENERIC",
    "NOT_REQUIRED",
    "Constraint",
    "Facts",
    "Material",
    "RowKey",
    "Statement",
    "alternative_subject",
    "applicability",
    "audit_facts",
    "claim_spans",
    "compat",
    "direction_words",
    "key_kind_matches",
    "merge_app",
    "modality",
    "parse_constraints",
    "parse_materials",
    "parse_statements",
    "phrase_state",
    "primary_values",
    "qualifier_of",
    "row_key",
    "split_row_text",
    "strip_references",
    "subject_tokens",
    "table_row_statement",
]
