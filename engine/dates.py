"""Dates as audits and specs write them, read once for both sides (docs/architecture.md).

``find_date(text)`` gives the earliest date written anywhere in ``text``; ``parse_date(text)`` the
same as ISO ``YYYY-MM-DD`` (``""`` when there is none). Audit metadata reads the audit date with
it, spec import the effective date of a revision. Plain Python, no Django.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DATE_TEXT", "MONTHS", "find_date", "parse_date"]

# Month names and their abbreviations -> month number.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"

# The shapes of a date, each read into (year, month, day) by its reader below.
_PATTERNS = [
    ("ymd", re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")),
    ("mdy_slash", re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})\b")),
    ("dmy_dot", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
    ("mon_d_y", re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)),
    (
        "d_mon_y",
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+({_MONTH})\.?[\s,-]+(\d{{2,4}})\b", re.IGNORECASE),
    ),
]
# A date as a regex fragment (named group ``date``) for label patterns such as "Effective: <date>".
DATE_TEXT = (
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})"
)


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if len(y) == 2 else n


def _ymd(kind: str, a: str, b: str, c: str) -> tuple[int, int, int]:
    if kind == "ymd":
        return int(a), int(b), int(c)
    if kind == "mdy_slash":
        mo, d = int(a), int(b)
        if mo > 12 >= d:
            mo, d = d, mo  # "13/07/2026": the day came first
        return _year(c), mo, d
    if kind == "dmy_dot":
        return int(c), int(b), int(a)
    if kind == "mon_d_y":
        return int(c), MONTHS[a.lower()], int(b)
    return _year(c), MONTHS[b.lower()], int(a)


def find_date(text: str | None) -> dt.date | None:
    """The earliest valid date written in ``text``, or ``None``.

    Reads ``2025-10-08``, ``2025/10/08``, ``10/08/2025``, ``10-8-25`` (month first unless the
    first number is over 12), ``08.10.2025`` (day first), ``October 8, 2025``, ``Oct. 8 2025``,
    ``Sept. 3rd, 2025``, ``8 October 2025`` and ``08-Oct-2025``. Impossible dates
    (``2025-13-45``) are skipped. Never raises.
    """
    best: tuple[int, dt.date] | None = None
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text or ""):
            try:
                date = dt.date(*_ymd(kind, *m.groups()))
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), date)
            break
    return best[1] if best else None


def parse_date(text: str | None) -> str:
    """The earliest date in ``text`` as ISO ``YYYY-MM-DD``, or ``""`` (see ``find_date``)."""
    date = find_date(text)
    return date.isoformat() if date else ""
