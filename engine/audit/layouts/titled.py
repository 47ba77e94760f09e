"""Findings set as their own Title Case headings (``Missing Guy Guard at Pole 14``) over a
description paragraph, inside an infraction section. A title with no paragraph under it (or over
a compliant note) is a heading, not a finding (``Item.build``)."""

from __future__ import annotations

from engine.audit.classify import finding_title
from engine.audit.items import Item
from engine.audit.patterns import Line
from engine.audit.state import DetectionState

NAME = "titled"


def open_title(st: DetectionState, ln: Line) -> None:
    """Start a finding titled by ``ln``; the paragraph under it becomes its description."""
    st.list_counter += 1
    item = Item(f"Item {st.list_counter}", ln.page, "titled", ln.text)
    st.start(item, after_break=True)
    item.expect_body = True


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a Title Case finding title (see the module docstring)."""
    kind, wrapped = st.heading(ln)
    if st.section == "infraction" and not wrapped and finding_title(ln.text, kind, st.prev):
        open_title(st, ln)
        return True
    return False
