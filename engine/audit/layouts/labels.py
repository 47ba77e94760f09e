"""Other label lines (``Audit summary: ...``, ``Required Actions: ...``) end the open item; they
are no findings themselves. An issue line (``Issue: ...``) with no item open, under an infraction
heading, is a finding of its own: a block whose heading was read as the section's
(``POLE 7701`` / ``Status: GO-BACK`` / ``Issue: ...``); elsewhere in the report it is one when a
corrective action follows it (``Finding: ...`` / ``Corrective action: ...`` on a safety observation form)."""

from __future__ import annotations

from engine.audit.items import Item, add_fields
from engine.audit.patterns import FIELD, GENERIC_LABEL, ISSUE_KEYS, Line
from engine.audit.state import DetectionState

NAME = "label"


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a label line (see the module docstring)."""
    if not GENERIC_LABEL.match(ln.text):
        return False
    fm = FIELD.match(ln.text)
    item = st.item
    if item is not None and item.expect_body and item.empty() and not fm:
        # the paragraph under a lead opens with its place: "Meter at Unit B: centerline 76 in ..."
        item.add(ln.text)
        item.expect_body = False
        return True
    st.close()
    st.after_break = False
    if fm:
        item = Item("", ln.page, "paragraph", "", title_block=True)
        add_fields(item, fm.group("key"), fm.group("value"))
        if any(item.fields.get(k) for k in ISSUE_KEYS):
            st.list_counter += 1
            item.code = f"Item {st.list_counter}"
            # outside an infraction section it is a go-back only when a corrective action follows it
            item.needs_action = not (st.section == "infraction" and not st.quiet_section)
            st.item = item
    return True
