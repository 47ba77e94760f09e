"""Findings tables under a header row such as ``Item | Location | Finding | Std Ref | Status``.

A row runs from its number to the next row's number, its finding cell wrapped over several
lines; the cells before the finding (location) and after it (reference, status) become fields
(``engine.audit.items.split_table_row``). The first cell may be a street address or structure
number (``1 1207 Marsh Rd ...``). The header row repeated on the next page is skipped. Under a
compliant / notes heading the table's rows are records, not findings.
"""

from __future__ import annotations

import re

from engine.audit.classify import STATUS_WORD, table_columns
from engine.audit.items import Item, row_complete
from engine.audit.patterns import GENERIC_LABEL, NUMBERED, ROW_ID, TABLE_ROW, Line, ends_sentence
from engine.audit.state import DetectionState

NAME = "table"

_ANY_ROW = re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>\S.*)$")
_KEYED_ROW = re.compile(
    r"^(?:\d{1,6}|[A-Z]{1,3}-\d{1,6}[A-Z]?)(?:\s*-\s*\d{1,6})?\s+"
    r"(?!(?:V|kV|kVA|A|ft|in|mm|m|cm|volts?|feet|inch(?:es)?|percent)\b)[A-Z]"
)  # "P-101 Transformer bank ...", "40 - 41 Span ..."; "240 V service drop ..." is a sentence, not structure 240


def _row_goes_on(st: DetectionState, ln: Line) -> bool:
    """Whether ``ln`` is more of the open row's cells (its finding wrapped, its last cells)."""
    item, text = st.item, ln.text
    return (
        item is not None
        and item.layout == "table"
        and not row_complete(item)
        and (item.columns[-1] != "finding" or not ends_sentence(item.text[-1]) or st.continues(text, ln.page))
        and not GENERIC_LABEL.match(text)
        and not (text.endswith(":") and len(text.split()) <= 5)  # a label; a long line may end "District:"
        and not (text.isupper() and sum(w.isalpha() for w in text.split()) >= 2)
    )


def _start_row(st: DetectionState, code: str, ln: Line, text: str) -> bool:
    """Start reading a row of the open findings table (its cells are the table's columns)."""
    row = Item(code, ln.page, "table", text)
    row.columns = st.table_cols or []
    row.needs_go_back = st.table_records
    st.start(row)
    return True


def _row_done(st: DetectionState) -> bool:
    """Whether no table row is open, or the open one has its last cells (status, reference)."""
    return st.item is None or st.item.layout != "table" or row_complete(st.item)


def read(st: DetectionState, ln: Line) -> bool:
    """Consume a table header row, a row's start or its wrapped cells; a line that is none of
    these ends the table (and is offered to the next layouts)."""
    text = ln.text
    cols = table_columns(text)
    if cols and st.table_cols is not None and cols == st.table_cols:
        return True  # the header row repeated on the next page; a row may run on under it
    if cols:
        if not st.quiet_section:
            st.end_section()
            st.section, st.table_cols, st.list_counter, st.checklist = "infraction", cols, 0, False
            st.table_records = False
        elif "status" in cols:
            # a log's table under its quiet heading ("INSPECTION LOG"): each row's status tells its go-backs
            st.close()
            st.table_cols, st.list_counter, st.table_records = cols, 0, True
        st.after_break = True
        return True
    if st.table_cols is None:
        return False
    rm = TABLE_ROW.match(text) or NUMBERED.match(text)
    if rm is None and st.item is not None and st.item.layout == "table" and row_complete(st.item):
        # the open row has its last cells (status): the next number starts a row whatever its first cell
        # holds ("5 34.5 kV crossing At the crossing ...")
        rm = _ANY_ROW.match(text)
    if st.table_cols[0] == "loc" and _row_done(st) and _KEYED_ROW.match(text):
        # rows keyed by structure number ("7 Tangent, 3-ph ... GO-BACK", "40 - 41 Span ..."), not counted
        # from 1: a number after a complete row starts the next one
        st.list_counter += 1
        return _start_row(st, f"Item {st.list_counter}", ln, text)
    num = rm and (rm.groupdict().get("n") or rm.group("n1") or rm.group("n2"))
    # ``num`` is set whenever ``rm`` is: both patterns capture the row number
    if rm and num and int(num) == st.list_counter + 1 and not rm.group("rest")[:1].islower():
        st.list_counter += 1
        return _start_row(st, f"Item {num}", ln, rm.group("rest"))
    im = ROW_ID.match(text) if st.table_cols[0] == "id" else None
    if im:
        # a row under an id column ("F-01 V-104 GO 95 51.6-A Pole V-104, ..."); "F-X" rows are records
        return _start_row(st, im.group("id"), ln, im.group("rest"))
    open_row = st.item
    if open_row is not None and _row_goes_on(st, ln):
        open_row.text.append(text)
        return True
    if (
        "status" in st.table_cols
        and (open_row is None or (open_row.layout == "table" and row_complete(open_row)))
        and STATUS_WORD.search(text)
    ):
        # an unnumbered row between numbered ones ("- P-obs Guy markers installed ... Accepted"): a record
        # of the table, read as a row (an accepted one is no finding) so the table goes on
        return _start_row(st, "Item -", ln, text.lstrip("-–•* "))
    st.close()
    st.table_cols = None
    return False
