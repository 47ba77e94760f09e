"""What field staff call the standards, as data: names an audit uses for a document instead of its number.

``NICKNAMES`` maps a name written in findings to a pattern matched against a held document's number or title
(the Greenbook is PG&E's "Electric and Gas Service Requirements", TD-7001M). A General Order named by number
("GO 95", "General Order No. 128") matches documents numbered ``GO-95...`` or titled "General Order No. 95".
A nickname a document gives itself in parentheses in its title ("... Requirements (Greenbook)") counts too.
docs/architecture.md says how to add one.
"""

from __future__ import annotations

import re

NICKNAMES: dict[str, str] = {
    "greenbook": r"(?i)\bTD-7001M\b|electric\s+and\s+gas\s+service\s+requirements|greenbook",
    "green book": r"(?i)\bTD-7001M\b|electric\s+and\s+gas\s+service\s+requirements|greenbook",
    "electrical safety orders": r"(?i)electrical\s+safety\s+orders|\bESO\b",
    "title 8": r"(?i)electrical\s+safety\s+orders|\bT8\b|title\s+8",
}
_GENERAL_ORDER = re.compile(r"(?i)\b(?:G\.?\s?O\.?|General\s+Order(?:\s+No\.?)?)\s*(\d{2,3}(?:-[A-Z])?)\b")
_PAREN_NAME = re.compile(r"\(([A-Z][A-Za-z]{3,}(?:\s[A-Z][A-Za-z]+)?)\)")


def named_documents(text: str, documents: dict[str, str]) -> set[str]:
    """Documents of ``documents`` (number -> title) a finding names by nickname or General Order number.

    Args:
        text: the finding.
        documents: the library's document numbers with their titles.

    Returns:
        The numbers named; empty when none is.
    """
    low = (text or "").lower()
    out: set[str] = set()
    patterns = [rx for name, rx in NICKNAMES.items() if re.search(rf"\b{re.escape(name)}\b", low)]
    for number, title in documents.items():
        for m in _PAREN_NAME.finditer(title or ""):
            if re.search(rf"\b{re.escape(m.group(1).lower())}\b", low):
                out.add(number)
        if any(re.search(rx, f"{number} {title}") for rx in patterns):
            out.add(number)
    for m in _GENERAL_ORDER.finditer(text or ""):
        n = m.group(1)
        order = re.compile(
            rf"(?i)^GO[-\s]?{re.escape(n)}(?![\d])|General\s+Order\s+(?:No\.?\s*)?{re.escape(n)}(?!\d)"
        )
        out.update(
            number for number, title in documents.items() if order.search(number) or order.search(title or "")
        )
    return out
