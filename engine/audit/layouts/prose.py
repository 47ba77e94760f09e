"""Plain text, the last layout: a wrapped line of the open item, the description under a title,
or prose. As a fallback for an audit with no other layout, each plain paragraph under an
infraction heading (``Go-Back Items``) is one finding (``DetectionState.finish``)."""

from __future__ import annotations

from engine.audit.items import Item
from engine.audit.patterns import Line
from engine.audit.state import DetectionState

NAME = "prose"


def read(st: DetectionState, ln: Line) -> bool:
    """Consume any line (see the module docstring); always ``True``."""
    text, item = ln.text, st.item
    if item is not None and item.expect_body and not item.fields and text[:1].isupper():
        item.fields["description"] = [text]
        item.target = "description"
        item.expect_body = False
    elif item is not None and (item.empty() or st.continues(text, ln.page)):
        item.add(text)
    elif st.ignoring and st.continues(text, ln.page):
        pass
    else:
        st.close()
        if st.section == "infraction" and len(st.found) == st.section_start and not text.endswith(":"):
            st.item = Item("", ln.page, "section", text)
    st.after_break = False
    return True
