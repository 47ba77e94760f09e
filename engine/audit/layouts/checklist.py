"""QC checklists: numbered rows answering ``Yes`` / ``No`` / ``N/A`` (only ``No`` / ``Fail`` rows,
or ``Yes`` under a "Deficient (Y/N)" header, are infractions), a question wrapped over lines
joined until its answer shows up, and ``Total Number of Non-Conforming Items N`` lines that are
cross-checked against the rows (``DetectionState.finish``)."""

from __future__ import annotations

import re

from engine.audit.classify import NOT_COUNT, ROW_START, first_answer, lead
from engine.audit.patterns import (
    CHECK_HEADER,
    COUNT_LINE,
    INVERTED_HEADER,
    NUMBERED,
    ROW_PLAIN,
    ROW_Q,
    ROW_UNNUMBERED,
    ROW_YN,
    Line,
    ends_sentence,
)
from engine.audit.state import DetectionState

NAME = "checklist"

MAX_COMMENT_LINES = 4  # a comment cell wraps onto at most this many lines
# a heading or a labelled line ("General Comments", "Overall score: 95%"): no comment's wrapped end
_COLUMNS_ROW = re.compile(r"(?i)^(?:no\.?|#|item)\s+[^\d]{0,60}\b(?:comments?|remarks|notes|answer|result)$")
_HEADING_LIKE = re.compile(r"^(?:[A-Z][\w/&-]*(?:\s+[A-Z][\w/&-]*){0,3}\s*:?$|[^:]{1,30}:\s)")


def _pending_row(st: DetectionState, row: Line, ln: Line) -> bool:
    """Join ``ln`` to ``row`` (``st.pending_row``), whose answer has not shown up yet; ``True`` when
    consumed."""
    joined = f"{row.text} {ln.text}"
    m = ROW_Q.match(joined) or first_answer(ROW_PLAIN.match(joined), ROW_YN.match(joined))
    if m:
        st.open_row(m, row)
        st.pending_row = None
        st.after_break = False
        return True
    if len(joined) < 300 and not NUMBERED.match(ln.text):
        st.pending_row = Line(joined, row.page)
        return True
    st.pending_row = None
    return False


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a checklist row, header or count line (see the module docstring)."""
    text = ln.text
    if st.pending_row is not None and _pending_row(st, st.pending_row, ln):
        return True
    if st.checklist and _COLUMNS_ROW.match(text):
        st.after_break = (
            True  # the checklist's column headings under its instructions ("No. Item ... Comments")
        )
        return True
    plain_rows = st.checklist or (st.checklist_rows > 0 and st.section != "infraction")
    m = ROW_Q.match(text) or (
        first_answer(ROW_PLAIN.match(text), ROW_YN.match(text)) or ROW_UNNUMBERED.match(text)
        if plain_rows
        else None
    )
    if m:
        st.open_row(m, ln)
        st.after_break = False
        return True
    if (
        len(text) < 120
        and ("/" in text or "yes" in text.lower())
        and CHECK_HEADER.search(text)
        and not lead(text)
    ):
        st.close()
        st.checklist = True
        st.inverted = bool(INVERTED_HEADER.search(text))
        st.after_break = True
        return True
    cm = COUNT_LINE.match(text)
    if cm and not NOT_COUNT.match(text):
        st.close()
        st.counts.append((int(cm.group("n")), ln.page, st.checklist_no - st.last_count_no, st.checklist_no))
        st.last_count_no = st.checklist_no
        st.checklist = False
        st.after_break = True
        return True
    if st.checklist and ROW_START.match(text) and not NUMBERED.match(text):
        st.close()
        st.pending_row = ln
        return True
    item = st.item
    if (
        item is not None
        and item.layout == "checklist"
        and item.fields.get("wrapped_comment")
        and 0 < len(item.text) < MAX_COMMENT_LINES
        and not ends_sentence(item.text[-1])
        and not _HEADING_LIKE.match(text)
    ):
        item.add(text)  # the row's comment began under its answer in a narrow column: its sentence goes on
        return True
    return False
