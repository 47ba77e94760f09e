"""Findings written as ALL-CAPS headings over their paragraph, inside an infraction section::

    GO-BACK ITEMS
    MISSING GUY GUARD AT POLE 14
    The down guy at pole 14 has no guy guard installed where the guy crosses the sidewalk.

Read like a Title Case title (``titled``): the paragraph (or the labelled lines) under the
heading is the finding; a heading with nothing under it is no finding. A heading that names a
report section (``RECOMMENDATIONS``, ``COMPLIANT ITEMS``, ``AUDITOR CERTIFICATION``) still
switches the section. This module is the worked example of adding a layout
(docs/architecture.md, "How to add a layout").
"""

from __future__ import annotations

import re

from engine.audit.classify import RECORD_HEADING
from engine.audit.layouts.titled import open_title
from engine.audit.patterns import (
    COMPLIANT_HEADING,
    GENERIC_LABEL,
    OTHER_TOPIC,
    QUIET_HEADING,
    SECTION_WORDS,
    Line,
    ends_sentence,
)
from engine.audit.state import DetectionState

NAME = "caps"

# Report parts that are set in capitals too and are never a finding.
_REPORT_PART = re.compile(
    r"certif|sign[- ]?off|acknowledg|\bcrew\b|\bjob\b|\bgeneral\b|\bphotos?\b", re.IGNORECASE
)


def caps_title(text: str, kind: str | None, prev: Line | None) -> bool:
    """Whether ``text`` is a finding set as an ALL-CAPS heading (2-10 words, no sentence end).

    ``kind`` is the line's heading kind (``classify.heading_kind``): a heading with infraction
    words ("DEFECTIVE CROSSARM AT POLE 12") counts only when it names a structure by number,
    else it is the section's own heading ("DEFICIENCIES NOTED"). ``prev`` is the line before:
    after unfinished prose the line is its wrapped end.
    """
    words = text.split()
    if not text.isupper() or not 2 <= len(words) <= 10 or text.endswith(":") or ends_sentence(text):
        return False
    if re.match(r"^[A-Z][A-Z #./]{0,30}:\s*[\d-]+$", text):
        return False  # "PM #: 35415582": a label and its number
    if kind == "infraction" and not re.search(r"\d", text):
        return False
    if prev is not None and prev.text and not ends_sentence(prev.text) and not prev.text.endswith(":"):
        if not prev.text.isupper():
            return False
    return not (
        SECTION_WORDS.match(text)
        or RECORD_HEADING.search(text)
        or COMPLIANT_HEADING.search(text)
        or QUIET_HEADING.search(text)
        or OTHER_TOPIC.search(text)
        or GENERIC_LABEL.match(text)
        or _REPORT_PART.search(text)
    )


def read(st: DetectionState, ln: Line) -> bool:
    """Consume an ALL-CAPS finding heading (see the module docstring)."""
    kind, wrapped = st.heading(ln)
    if st.section == "infraction" and not wrapped and caps_title(ln.text, kind, st.prev):
        open_title(st, ln)
        return True
    return False
