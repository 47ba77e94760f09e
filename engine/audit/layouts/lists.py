"""Numbered and bulleted lists under an infraction heading (``Infractions Found:``,
``Non-Conforming Items:``, ``Deficiencies`` ...): ``1.`` / ``(2)`` / ``-`` / ``•`` items, rows
numbered without punctuation in sequence (``2  Anchor rod exposed ...``), a numbered item whose
text is a lead (``1. Deficiency: ...``); bullets and letters under a numbered item are its
details. A list under any other heading is no infraction, nor are its wrapped lines."""

from __future__ import annotations

from engine.audit.classify import is_nothing, lead
from engine.audit.items import Item, takes_details
from engine.audit.patterns import BARE_NUMBERED, BULLET, LETTERED, NUMBERED, Line
from engine.audit.state import DetectionState

NAME = "list"


def _bare_numbered(st: DetectionState, ln: Line) -> bool:
    """A row numbered without punctuation, the next number in sequence, in an infraction section."""
    bn = BARE_NUMBERED.match(ln.text) if st.section == "infraction" and not st.checklist else None
    if not (bn and int(bn.group("n")) == st.list_counter + 1 and bn.group("rest")[0].isupper()):
        return False
    if st.item is not None and st.item.empty():
        return False
    st.list_counter += 1
    item = Item(f"Item {st.list_counter}", ln.page, "list", bn.group("rest"))
    st.start(item)
    item.numbered = True
    return True


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a list item or a detail of one (see the module docstring)."""
    if _bare_numbered(st, ln):
        return True
    text = ln.text
    nm = NUMBERED.match(text)
    bm = None if nm else (BULLET.match(text) or LETTERED.match(text))
    m = nm or bm
    if m is None:
        return False
    rest = m.group("rest")
    inner = lead(rest)
    st.after_break = False
    if nm and inner and st.section != "other":
        st.start(Item(f"Item {nm.group('n1') or nm.group('n2')}", ln.page, "list", inner.group("rest")))
        return True
    if bm and st.item is not None and takes_details(st.item, text):
        # A bullet or letter under a numbered item (or under a lead ending in ':') is a detail.
        st.item.details.append([rest])
        st.item.target = "detail"
        return True
    st.close()
    if st.section != "infraction":
        st.ignoring = True  # a list item elsewhere: its wrapped lines are not ours either
        return True
    if nm:
        num = nm.group("n1") or nm.group("n2")
        st.list_counter = int(num)
        code = f"Item {num}"
    else:
        st.list_counter += 1
        code = f"Item {st.list_counter}"
    if is_nothing(rest):
        st.ignoring = True
    else:
        st.item = Item(code, ln.page, "list", rest)
        st.item.numbered = nm is not None
    return True
