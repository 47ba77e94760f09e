"""Items with ids such as ``NCI-01: ...``, ``GB-2 - ...``, ``DEF-3 ...``, ``NCI 1. ...``.

A known go-back prefix (``ID_PREFIXES``) always leads; another id (``CR-3380: framing per
drawing``) leads only under an infraction heading whose findings are not lead paragraphs:
elsewhere (pole notes, inspection logs) such lines are records."""

from __future__ import annotations

from engine.audit.items import Item
from engine.audit.patterns import ID_LEAD, ID_PREFIXES, SPACED_ID_LEAD, Line
from engine.audit.state import DetectionState

NAME = "id"


def read(st: DetectionState, ln: Line) -> bool:
    """Consume an id line that leads a finding (see the module docstring)."""
    im = ID_LEAD.match(ln.text)
    if not im:
        sm = SPACED_ID_LEAD.match(ln.text)
        if sm:
            st.start(Item(sm.group("id"), ln.page, "id", sm.group("rest"), title_block=True))
            return True
        return False
    known = im.group("id").split("-")[0] in ID_PREFIXES
    if known or (im.group("sep") and st.section == "infraction" and not st.section_leads):
        st.start(Item(im.group("id"), ln.page, "id", im.group("rest"), title_block=True))
        return True
    return False
