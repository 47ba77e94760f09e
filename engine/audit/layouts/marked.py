"""Entries marked as go-backs by a code the audit defines: "Entries marked GB are go-backs" (or a key of codes,
"GB = go-back   OK = observed compliant") over a field log
("09:10 GB Pole 4417: guard arm ...", "10:20 -- Pole 4423 ... OK").

The legend names the mark; from then on each entry (a line led by a time or a number, or by the mark itself)
whose mark is the legend's is a finding, read to the next entry, and every other entry is a record. Plain
Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re

from engine.audit.items import Item
from engine.audit.patterns import Line
from engine.audit.state import DetectionState

NAME = "marked"

# "Entries marked GB are go-backs", "Items flagged X are deficiencies", "Lines coded 'GB' = go-back"; the mark is
# a code in capitals ("Rows marked Open are go-backs" names a findings table's status, read by the table layout)
_LEGEND = re.compile(
    r"(?i)\b(?:entries|items|lines|rows|records|observations)\s+(?:marked|flagged|coded|tagged)\s+"
    r"[\"'\u201c\u2018(]?(?P<mark>(?-i:[A-Z]{1,4})|\*{1,2}|!)[\"'\u201d\u2019)]?\s+(?:are|=|denote|mean)\s+"
    r"(?:an?\s+)?(?:go[- ]?backs?|deficienc(?:y|ies)|infractions?|findings?|non-?conformances?|violations?)\b"
)
# a key of codes: "Codes: GB = go-back (crew to correct)   OK = observed compliant   NI = note"
_CODE_KEY = re.compile(
    r"(?<![\w-])(?P<mark>(?-i:[A-Z]{1,4}))\s*(?:=|:|-)\s*(?:an?\s+)?(?:go[- ]?backs?|deficienc(?:y|ies)|infractions?"
    r"|non-?conformances?|violations?)\b",
    re.I,
)
# an entry's lead: a time ("09:10", "9:10 am") or an entry number, then its mark (a code or a dash run)
_ENTRY = re.compile(
    r"^(?P<at>(?P<time>\d{1,2}:\d{2}(?:\s*(?i:[ap]\.?m\.?))?)|\d{1,3}[.)]?)\s+(?P<mark>[A-Z]{1,4}|-{1,3}|\u2014|\*{1,2}|!)\s+"
    r"(?P<rest>\S.*)$"
)  # the mark is a code in capitals (case-sensitive: "1. Pole 4500: ..." is a list item, not an entry "Pole")


def read(st: DetectionState, ln: Line) -> bool:
    """Consume the legend, and each entry once the legend has named the mark (see the module docstring)."""
    if st.entry_mark is None:
        m = _LEGEND.search(ln.text) or _CODE_KEY.search(ln.text)
        if m:
            st.close()
            st.entry_mark = m.group("mark")
            st.section, st.quiet_section = "infraction", False
            return True
        return False
    e = _ENTRY.match(ln.text)
    if e and st.entry_timed is not None and bool(e.group("time")) != st.entry_timed:
        e = None  # entries are led the way the first one was (a time, or a number)
    if not e:
        if ln.text.rstrip().endswith(":") and not (st.item is not None and st.item.layout == "marked"):
            st.entry_mark = st.entry_timed = (
                None  # a heading ("Go-backs carried from the March audit:"): the log ended
            )
        return False
    if st.entry_timed is None:
        st.entry_timed = bool(e.group("time"))
    if e.group("mark") == st.entry_mark:
        st.start(Item(e.group("at"), ln.page, "marked", e.group("rest")))
    else:
        st.close()
        st.ignoring = True  # a record entry, and its wrapped lines
    return True
