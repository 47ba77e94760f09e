"""A table's column-header row that is no findings-table header (``No. Description Location
Status``): skipped, so that it is read neither as a heading nor as a finding."""

from __future__ import annotations

from engine.audit.patterns import COLUMN_HEADER, Line
from engine.audit.state import DetectionState

NAME = "column_header"


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a column-header row (see the module docstring)."""
    kind, _wrapped = st.heading(ln)
    if kind == "other" and COLUMN_HEADER.search(ln.text):
        st.after_break = True
        return True
    return False
