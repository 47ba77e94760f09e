"""The audit layouts, in precedence order (docs/architecture.md, "How to add a layout").

Each layout is a module with ``NAME`` and ``read(state, line) -> bool``: it reads ``line`` into
the shared ``engine.audit.state.DetectionState`` and returns ``True`` when it consumed the line.
``detect_infractions`` offers each line to ``LAYOUTS`` in this order; the first that consumes
it wins, so a layout placed earlier takes precedence over the ones after it. ``prose`` consumes
every line and stays last.
"""

from engine.audit.layouts import (
    blank,
    block,
    caps,
    checklist,
    column_header,
    ids,
    labels,
    lead,
    lists,
    marked,
    prose,
    sections,
    table,
    titled,
)

LAYOUTS = (
    blank,  # a paragraph break ends the open item, a pending row, a table
    checklist,  # Yes / No / N/A rows, their header, "Total non-conforming items N"
    marked,  # "Entries marked GB are go-backs", then "09:10 GB Pole 4417: ..." / "10:20 -- ..." entries
    table,  # findings tables under "Item | Location | Finding | Std Ref | Status"
    block,  # "Location:" / "Issue:" lines of an open block; "Item: 3"
    lead,  # "Go-back:", "Deficiency:", "INFRACTION #2 - title"
    ids,  # "NCI-01: ...", "GB-2 - ..."
    lists,  # "1." / "-" / "2  Anchor rod ..." under an infraction heading
    column_header,  # "No. Description Location Status" (skipped)
    caps,  # "MISSING GUY GUARD AT POLE 14" over its paragraph
    titled,  # "Missing Guy Guard at Pole 14" over its paragraph
    sections,  # headings switch the section
    labels,  # "Audit summary: ..." ends an item
    prose,  # wrapped lines, descriptions, paragraph fallback (always last)
)

__all__ = ["LAYOUTS"]
