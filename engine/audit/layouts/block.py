"""Blocks: an item headed ``INFRACTION #1: title`` / ``Item 3:`` / ``NCI-01:`` (opened by the lead
and id layouts) followed by labelled lines ``Location:`` / ``Issue:`` / ``Status:`` /
``Required correction:``, two fields on one line split; and form-style numbers
(``Item: 3``, ``Finding No.: 2``) that open a block."""

from __future__ import annotations

import re

from engine.audit.classify import lead
from engine.audit.items import Item, add_fields
from engine.audit.patterns import FIELD, ISSUE_KEYS, NUM_AFTER_COLON, Line, ends_sentence, norm
from engine.audit.state import DetectionState

NAME = "block"


def _field(item: Item, text: str) -> re.Match[str] | None:
    """The ``label: value`` match of a labelled part of the open ``item``, or ``None``."""
    fm = FIELD.match(text) if item.layout != "checklist" else None
    if (
        fm
        and lead(text)
        and (
            not item.title_block
            or any(k in item.fields for k in ISSUE_KEYS)
            or (item.text and not item.fields and ends_sentence(item.text[-1]))
        )
    ):
        return None  # "Deficiency: ..." after a "Deficiency: ..." paragraph is the next lead
    return fm


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a labelled part of the open item or a form-style number line."""
    text = ln.text
    item = st.item
    if item is not None and (fm := _field(item, text)):
        add_fields(item, fm.group("key"), fm.group("value"))
        st.after_break = False
        return True
    nc = NUM_AFTER_COLON.match(text)
    if nc:
        code = f"{norm(nc.group('label'))} {nc.group('num')}"
        st.start(Item(code, ln.page, "paragraph", "", title_block=True))
        return True
    return False
