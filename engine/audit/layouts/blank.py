"""A blank line: a paragraph break. It ends the open item, a pending checklist row and a table."""

from __future__ import annotations

from engine.audit.patterns import Line
from engine.audit.state import DetectionState

NAME = "blank"


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a blank line (see the module docstring); ``False`` for any other line."""
    if ln.text:
        return False
    st.close()
    st.pending_row = None
    st.table_cols = None
    st.after_break = True
    return True
