"""Is a PDF uploaded as a spec really a standard? Plain Python, no Django (docs/architecture.md).

An audit uploaded to the spec library would be imported as a READY "standard" and then turn up among
candidate citations. A QA audit reads as one: it names a PM or notification number, lists go-back
findings, and numbers no clauses the way a standard does. Such a PDF is refused with a clear message.
"""

from __future__ import annotations

from engine.audit.detection import detect_infractions
from engine.audit.metadata import extract_metadata
from engine.spec.parsing import ParsedSpec

LOOKS_LIKE_AUDIT = "looks_like_audit"
MIN_NUMBERED_CLAUSES = 3  # a standard with fewer numbered clauses than this is not a numbered standard


def audit_not_spec(pages: list[str], parsed: ParsedSpec) -> str:
    """Why ``pages`` (parsed as ``parsed``) read as a QA audit rather than a standard, or ``""``.

    A PDF is an audit when its header names a PM or notification number, the audit reader finds at least
    one go-back finding in it, and it holds fewer than ``MIN_NUMBERED_CLAUSES`` numbered clauses.
    """
    numbered = {c.section for c in parsed.clauses if c.section}
    if len(numbered) >= MIN_NUMBERED_CLAUSES:
        return ""
    meta = extract_metadata(pages)
    ids = [
        f"PM number {meta.pm_number}" if meta.pm_number else "",
        f"notification {meta.notification_number}" if meta.notification_number else "",
    ]
    ids = [i for i in ids if i]
    if not ids:
        return ""
    infractions, _ = detect_infractions(pages)
    if not infractions:
        return ""
    n = len(infractions)
    return (
        f"This PDF reads as a QA audit, not a standard ({', '.join(ids)}; {n} go-back finding{'s' if n != 1 else ''}; "
        f"{len(numbered) or 'no'} numbered clause{'s' if len(numbered) != 1 else ''}). Upload it as an audit instead."
    )
