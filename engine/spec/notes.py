"""Exceptions and notes in a spec: ``Exception:`` / ``Note:`` paragraphs (GO 95's "EXCEPTION:" after a
rule, "Note 2:" in a standard) are clauses of kind ``exception`` or ``note`` under the section they sit in;
a paragraph break ends them. A section headed "Notes" is a note.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re

from engine.spec.clauses import EXCEPTION, NOTE, REQUIREMENT
from engine.spec.patterns import BARE_SECTION, EXC_NOTE, INLINE_EXC_NOTE

_NOTES_HEADING = re.compile(r"(?i)(general\s+)?notes?")
_NOTES_WORD = re.compile(r"(?i)\bnotes?\b")


def note_kind(text: str) -> str | None:
    """``EXCEPTION`` or ``NOTE`` when ``text`` opens an exception or note paragraph ("Exception: ...",
    "EXCEPTIONS:", "Note 2: ...", "Note (a) - ..."), else None."""
    m = EXC_NOTE.match(text)
    if not m:
        return None
    return EXCEPTION if m.group("label").lower().startswith("exc") else NOTE


def ends_at_break(kind: str) -> bool:
    """Whether a paragraph break ends a clause of ``kind`` (exceptions and notes; what follows them belongs
    to the section again)."""
    return kind in (EXCEPTION, NOTE)


def is_notes_heading(heading: str) -> bool:
    """Whether a numbered section's heading names it a note ("7 Notes", "12 General notes")."""
    return bool(_NOTES_HEADING.fullmatch(heading))


def heading_kind(line: str) -> str:
    """The kind of the clause an unnumbered heading opens: ``NOTE`` when it names notes, else
    ``REQUIREMENT``."""
    return NOTE if _NOTES_WORD.search(line) else REQUIREMENT


def split_inline(lines: list[str]) -> list[str]:
    """Put an ``Exception:``/``Note:`` that follows a sentence on the same line on its own line; a bare
    section number before it ("4. Exception: ...") stays with it (one numbered exception)."""
    out: list[str] = []
    for line in lines:
        if not line:
            out.append(line)
        elif ("xception" in line or "ote" in line or "XCEPTION" in line or "OTE" in line) and ":" in line:
            parts = [p.strip() for p in INLINE_EXC_NOTE.split(line) if p.strip()]
            merged: list[str] = []
            for part in parts:
                if merged and BARE_SECTION.match(merged[-1]):
                    merged[-1] += " " + part
                else:
                    merged.append(part)
            out.extend(merged)
        else:
            out.append(line)
    return out
