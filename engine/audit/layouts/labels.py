"""Other label lines (``Audit summary: ...``, ``Required Actions: ...``) end the open item; they
are no findings themselves."""

from __future__ import annotations

from engine.audit.patterns import GENERIC_LABEL, Line
from engine.audit.state import DetectionState

NAME = "label"


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a label line (see the module docstring)."""
    if not GENERIC_LABEL.match(ln.text):
        return False
    st.close()
    st.after_break = False
    return True
