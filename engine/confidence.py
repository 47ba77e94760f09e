"""The confidence each decision starts from, by ground. Plain Python, no Django.

``engine.verdicts`` scales these by how well the governing clause matched the finding (its share of the
finding's weight, applicability matches, the retrieval margin), so they rank grounds rather than promise a
probability. Highest where the audit gives a value and the clause a limit; lowest where a reviewer decides.
"""

MEASURED_VIOLATES = 0.92  # a measured value is outside the clause's limit
MEASURED_MEETS = 0.90  # a measured value meets the clause's limit
TOLERANCE = 0.86  # the measured value misses the limit but lies within the tolerance the rule allows
EXCEPTION_CHECKED = 0.88  # an exception applies and the finding's values meet its own conditions
CONDITION_NOT_MET = 0.85  # the rule applies only under a condition the finding's value does not meet
PERMITTED_LIMIT = 0.85  # another clause of the rule permits the smaller value the finding measured
PERMITTED_ALTERNATIVE = 0.82  # the rule permits what the finding reports installed instead
MATERIAL_FORBIDDEN = 0.82  # the finding reports a material or state the clause does not allow
MATERIAL_REQUIRED = 0.80  # the finding reports the material or state the clause requires
RECOMMENDATION_ONLY = 0.78  # the section only recommends (or releases) what the go-back demands
RELEASED = 0.80  # the best clause states the case is not required or only recommended
EXCEPTION = 0.75  # an exception's words match the finding, with no value to check
PROHIBITION_REPORTED = 0.75  # the clause forbids what the audit reports
ONLY_ONE_NEEDS = 0.75  # the rule asks it of one member only, and that one complies
NOT_GOVERNING = 0.70  # the best clause is written for other cases (district, voltage, surface)
EQUIVALENT_ACCEPTED = (
    0.72  # the rule accepts an equivalent or other suitable kind, and the finding reports one
)
PROVISO_MISSING = 0.72  # a permission's proviso is what the finding says is missing
PERMISSIVE_ONLY = 0.70  # the clause permits but does not require
DEMAND_BEYOND_RULE = 0.60  # the go-back rests on the auditor's demand, not a reported shortfall
REPORTED_UNMET = 0.68  # a requirement with no value to compare, reported not met
SENT_ELSEWHERE = 0.60  # an exception sends the case to a rule or table the library does not hold
VALUES_MISSING = 0.50  # a limit governs but the audit gives no value to compare
NO_GOVERNING_CLAUSE = 0.50  # clauses match some words but none governs the subject
NO_MATCH = 0.30  # no clause in the library matches the finding at all
CLOSEST_CITATION = (
    0.30  # the most a citation scores when it is only the closest clause, not the governing one
)

# How a base confidence is scaled (``engine.verdicts``):
MATCH_FLOOR = 0.82  # share of the base a governing clause keeps however weakly it matched ...
MATCH_SPAN = 0.18  # ... plus up to this share as its match reaches FULL_MATCH of the finding's weight
FULL_MATCH = 0.5
APPLICABILITY_BONUS = 0.03  # per applicability fact the clause and the finding share (two at most)
MARGIN_BONUS = 0.03  # times the retrieval margin of the best clause over the next
FLOOR, CEILING = 0.05, 0.99  # no decision is certain either way
TABLE_NAMED = 0.95  # a case-by-column table the finding names or retrieval ranks first
TABLE_FALLBACK = 0.90  # a case-by-column table found only among the best hits
SECOND_CITATION = 0.90  # each citation after the governing one
UNHELD_REFERENCE = 0.90  # the finding also cites a rule the library does not hold
