"""Plain text, the last layout: a wrapped line of the open item, the description under a title,
or prose. As a fallback for an audit with no other layout, each plain paragraph under an
infraction heading (``Go-Back Items``) is one finding (``DetectionState.finish``)."""

from __future__ import annotations

import re

from engine.audit.items import Item
from engine.audit.patterns import Line, ends_sentence
from engine.audit.state import DetectionState

NAME = "prose"

# a letter's sentence that opens its list of go-backs: "The conditions below are go-backs and must be corrected",
# "the following deficiencies were found" (a plural list; "each observation below is a finding" heads blocks)
_INTRO = re.compile(
    r"(?i)\b(?:(?:numbered|lettered|listed)\s+)?(?:conditions|items|deficiencies|findings|infractions|go[- ]?backs"
    r"|violations|non-?conformances|paragraphs|entries|points)\s+(?:listed\s+|noted\s+)?below\s+(?:are|were|must|require)\b"
    # "Each numbered paragraph below records a go-back that your crew must correct"
    r"|\b(?:each|every)\s+(?:(?:numbered|lettered|listed)\s+)?(?:paragraph|item|entry|point|finding)\s+below\s+"
    r"(?:records|describes|lists|notes|is)\b"
    r"|\bthe\s+following\s+(?:\w+\s+)?(?:conditions|items|deficiencies|findings|infractions|go[- ]?backs|violations"
    r"|non-?conformances)\s+(?:are|were|must|require)\b"
)
# ... and says they are go-backs, not that they passed ("the items below were inspected and found compliant")
_DEFECT = re.compile(
    r"(?i)\bgo[- ]?backs?\b|\bdeficien|\binfraction|\bviolation|\bnon-?conform|\bmust\s+be\s+corrected\b|\brequire\s+correction\b"
)
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
_PASSED = re.compile(
    r"(?i)\bcompliant\b|\bacceptable\b|\bno\s+action\b|\bverified\b|\bwere\s+corrected\b|\bin\s+compliance\b"
)


def _sentence_to(prev: Line | None, ln: Line) -> str:
    """``ln`` with the start of its sentence from the line before ("... are in order. Each numbered" /
    "paragraph below is a go-back; ...")."""
    if prev is None or prev.page != ln.page or not prev.text or ends_sentence(prev.text):
        return ln.text
    return f"{_SENTENCE_END.split(prev.text)[-1]} {ln.text}"


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
        said = _sentence_to(st.prev, ln)
        intro = _INTRO.search(said)
        # the words from the opener on say what follows ("... was acceptable, however the following items are
        # go-backs"; "the items below were inspected and found compliant")
        if (
            st.section != "infraction"
            and intro
            and _DEFECT.search(said)
            and not _PASSED.search(said, intro.start())
        ):
            st.end_section()  # the paragraph announces the go-backs that follow
            st.section, st.quiet_section, st.list_counter, st.checklist = "infraction", False, 0, False
        elif st.section == "infraction" and len(st.found) == st.section_start and not text.endswith(":"):
            st.item = Item("", ln.page, "section", text)
    st.after_break = False
    return True
