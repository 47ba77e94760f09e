"""Lead paragraphs: ``Go-back Infraction:``, ``Go-back:``, ``Deficiency:``, ``Violation:``,
``INFRACTION #2:``, ``Infraction 3 - title`` ... running until the next lead, a heading, a label
line or a blank line, across line wraps and page breaks. An unnumbered lead is numbered by its
label (``Deficiency 1``, ``Deficiency 2``); ``Deficiency: none`` and ``Finding 2 (Observation)``
are no go-backs."""

from __future__ import annotations

from engine.audit.classify import is_nothing, lead
from engine.audit.items import Item, add_fields
from engine.audit.patterns import CLOSED_MARK, FIELD, GO_BACK_MARK, NOT_GO_BACK, Line, ends_sentence, norm
from engine.audit.state import DetectionState

NAME = "lead"


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a lead line (see the module docstring)."""
    lm = lead(ln.text)
    if not lm:
        return False
    st.close()
    label = norm(lm.group("label"))
    num = lm.group("num")
    if num:
        hashmark = lm.group("hash")
        code = f"{label} #{num}" if hashmark == "#" else norm(f"{label} {hashmark or ''} {num}")
    else:
        st.lead_counter[label.lower()] += 1
        code = f"{label} {st.lead_counter[label.lower()]}"
    rest = lm.group("rest")
    closed = label.lower() == "observation" and CLOSED_MARK.search(rest) and not GO_BACK_MARK.search(rest)
    if is_nothing(rest) or NOT_GO_BACK.search(lm.group("paren") or "") or closed:
        st.ignoring = True
        return True
    fm = FIELD.match(rest) if num and not lm.group("sep").strip() else None
    item = Item(code, ln.page, "paragraph", "" if fm else rest, title_block=bool(num))
    st.start(item)
    st.section_leads += 1
    if fm:
        # "Go-Back #1   Photos: IMG_4102-4103": the lead's first field; the paragraph under it is the finding
        add_fields(item, fm.group("key"), fm.group("value"))
        item.target, item.expect_body = None, True
        return True
    if num and lm.group("sep").strip() in ("-", "–", "—") and len(rest.split()) <= 8:
        # "Go Back #4 - Missing guy marker": a dashed title over its paragraph.
        item.expect_body = item.expect_body or not ends_sentence(rest)
    return True
