"""Audit text -> job metadata and infractions (go-backs). Plain Python, no Django.

Each layout is one module of ``engine.audit.layouts``, registered in ``LAYOUTS`` whose order is
the precedence; they share one ``engine.audit.state.DetectionState`` (docs/architecture.md, "How
to add a layout"). Layouts read:

* lead paragraphs: ``Go-back Infraction:``, ``Go-back:``, ``Deficiency:``, ``Violation:`` ...
  running until the next lead, a heading, a label line or a blank line, across line wraps
  and page breaks;
* blocks: ``INFRACTION #1: title`` / ``Infraction 2 - title`` / ``Item 3:`` / ``NCI-01:``
  followed by ``Location:`` / ``Issue:`` / ``Status:`` / ``Required correction:`` lines;
* QC checklists: numbered rows answering ``Yes`` / ``No`` / ``N/A`` (only ``No`` / ``Fail``
  rows are infractions), closed by a ``Total Number of Non-Conforming Items N`` line that
  is cross-checked;
* numbered or bulleted lists under an infraction heading (``Infractions Found:``,
  ``Non-Conforming Items:``, ``Findings``, ``Deficiencies`` ...), sub-bullets folded into
  their item; table rows numbered ``1 Anchor rod ...`` in sequence; items with ids such
  as ``NCI-01``;
* findings tables under a header row such as ``Item | Location | Finding | Std Ref | Status``:
  a row runs from its number to the next, its finding cell wrapped over several lines; the
  cells before the finding (location) and after it (reference, status) become fields;
* findings set as their own Title Case headings (``Missing Guy Guard at Pole 14``) over a
  description paragraph, inside an infraction section, or as ALL-CAPS headings
  (``MISSING GUY GUARD AT POLE 14``);
* as a fallback for an audit with none of the above, plain paragraphs under an
  infraction heading (``Go-Back Items``), one finding each.

A sentence cut by a page break, or by a line ending on a word such as ``and`` / ``of``,
runs on to the next line. ``label: text`` and ``ID: text`` lines (pole-by-pole notes,
inspection logs) are findings only under an infraction heading. In a checklist the answer is
its own cell: the earliest ``Y`` / ``N`` / ``Yes`` / ``No`` after the item text, so a remark
that itself begins with "No ..." keeps it.

Running headers and footers (``Page 2 of 3``, lines repeated at the top or bottom of
several pages) are dropped before reading. Lists under other headings (compliant items,
observations, notes, recommendations, required actions, summaries) are not infractions.
Every pattern is linear in the line length; the whole audit is read in one pass.
"""

from __future__ import annotations

from engine.audit.items import DetectedInfraction
from engine.audit.layouts import LAYOUTS
from engine.audit.lines import content_lines, wrap_width
from engine.audit.metadata import AuditMetadata, extract_metadata
from engine.audit.state import DetectionState
from engine.dates import parse_date

__all__ = [
    "AuditMetadata",
    "DetectedInfraction",
    "detect_infractions",
    "extract_metadata",
    "parse_date",
]


def detect_infractions(pages: list[str]) -> tuple[list[DetectedInfraction], list[str]]:
    """Find every infraction; returns (infractions in document order, warnings such as count mismatches).

    ``pages``: the text of each page (page 1 first). Each infraction carries the 1-based page
    where it starts, a ``code`` as the audit names it (numbered ``<Lead> n`` / ``Item n``
    when the audit does not number it), its full description and labelled ``fields``.
    Warnings are human-readable strings, e.g. when a checklist's stated count of
    non-conforming items differs from its ``No`` rows. Never raises on odd text.
    """
    lines = content_lines(pages)
    state = DetectionState(width=wrap_width(lines))
    readers = [layout.read for layout in LAYOUTS]
    for line in lines:
        for read in readers:
            if read(state, line):
                break
        state.prev = line
    return state.finish()
