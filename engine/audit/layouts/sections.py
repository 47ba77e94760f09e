"""Section headings (``DEFICIENCIES``, ``Findings:``, ``Compliant Items``, ``Notes``) switch the
section: under an infraction heading lists, tables, titles and paragraphs are findings; under any
other heading (compliant items, observations, notes, recommendations, summaries) they are not."""

from __future__ import annotations

from engine.audit.patterns import QUIET_HEADING, SUMMARY_HEADING, Line
from engine.audit.state import DetectionState

NAME = "section"


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a section heading (see the module docstring)."""
    kind, wrapped = st.heading(ln)
    if not kind or wrapped:
        return False
    st.end_section()
    st.section = kind
    st.summary_section = bool(SUMMARY_HEADING.search(ln.text))
    st.quiet_section = kind == "other" and bool(QUIET_HEADING.search(ln.text))
    st.list_counter = 0
    st.checklist = False
    st.after_break = True
    return True
