"""Page-text clean-up shared by the audit side and the spec side (docs/architecture.md).

A PDF page's text carries lines that belong to the page, not the document: running headers and
footers (the same line at the top or bottom of several pages) and page marks (``Page 2 of 3``,
``- 4 -``, ``Internal use  Page 2``). ``engine.audit.lines`` and ``engine.spec.parsing`` both
find them with these functions before reading. Plain Python, no Django.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

__all__ = [
    "consume_words",
    "edge_indexes",
    "edge_key",
    "ends_with_page_number",
    "is_page_mark",
    "layout_cells",
    "repeated_edge_lines",
]

_DIGITS = re.compile(r"\d+")
_LAYOUT_CELL = re.compile(r"\S+(?:\s\S+)*")  # words parted by single spaces: one cell of a layout line
_PAGE_OF = re.compile(r"\bpage\s*\d+(?:\s*(?:of|/)\s*\d+)?\b", re.IGNORECASE)
# A page number alone: "4", "- 4 -", "4/12", "4 of 12", "Page 4".
_BARE_PAGE_NO = re.compile(
    r"\s*[-–]?\s*\d{1,3}\s*[-–]?\s*|\s*\d{1,4}\s*/\s*\d{1,4}\s*"
    r"|(?i:\s*(?:-\s*)?(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*-)?\s*)"
)
# A line ending on its page number: "Form QA-7 (Rev 1)  Retain with job package  Page 1 of 1".
_PAGE_FOOTER = re.compile(r"(?i)(?:^|\s)(?:page|pg\.?|sheet)\s*\d+(?:\s*(?:of|/)\s*\d+)?\s*$")


def _norm(text: str) -> str:
    return " ".join(text.split())


def ends_with_page_number(line: str) -> bool:
    """Whether ``line`` ends on a page number (``... Page 2 of 3``, ``Sheet 4``, ``pg. 7``)."""
    return bool(_PAGE_FOOTER.search(line))


def is_page_mark(line: str, at_edge: bool) -> bool:
    """A header/footer line carrying the page number.

    Anywhere on the page: ``Page 2 of 3`` with at most 40 characters of other text
    (``Internal use  Page 2``). At the top or bottom of a page (``at_edge``) also a bare number
    (``4``, ``- 4 -``, ``4/12``; elsewhere it is a table cell) and a line under 120 characters
    ending on its page number (``Form QA-SG-07 (Rev 1)  Retain with job package  Page 1 of 1``).
    """
    line = line.strip()
    if not line:
        return False
    m = _PAGE_OF.search(line) if len(line) <= 120 and "page" in line.lower() else None
    if m and len(_norm(line[: m.start()] + line[m.end() :])) <= 40:
        return True
    if _BARE_PAGE_NO.fullmatch(line):
        return at_edge
    return at_edge and len(line) < 120 and bool(_PAGE_FOOTER.search(line))


def edge_key(line: str, exact: bool = False) -> str:
    """The key under which a line repeats from page to page: whitespace and case normalised and,
    unless ``exact``, every number read as ``#`` (``Page 2`` and ``Page 3`` are one footer)."""
    key = _norm(line).lower()
    return key if exact else _DIGITS.sub("#", key)


def edge_indexes(lines: list[str], edge: int) -> list[int]:
    """Indexes of the first and last ``edge`` non-blank lines of a page (in page order)."""
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    return sorted(set(nonblank[:edge] + nonblank[-edge:]))


def repeated_edge_lines(
    pages: list[list[str]], edge: int, min_pages: int, exact: Callable[[str], bool] | None = None
) -> set[str]:
    """Keys (``edge_key``) of the running headers and footers of a document.

    ``pages``: each page's lines. A line is running when its key appears among the first ``edge``
    non-blank lines of at least ``min_pages`` pages, or among the last ``edge`` of as many: a table's
    header row repeated after a page break sits at the foot of one page and the head of the next, and
    stays; so do lines whose numbers differ in more than two places (table rows, not a page number).
    A one-page document has none. ``exact(line)`` says which lines keep their numbers in the
    key (for example a table row or numbered heading that happens to sit at the top of every page).
    """
    if len(pages) < 2:
        return set()
    tops: Counter[str] = Counter()
    feet: Counter[str] = Counter()
    numbers: dict[str, set[tuple[str, ...]]] = {}
    for lines in pages:
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        for seen, side in ((tops, nonblank[:edge]), (feet, nonblank[-edge:])):
            keys = set()
            for i in side:
                key = edge_key(lines[i], bool(exact and exact(lines[i])))
                keys.add(key)
                numbers.setdefault(key, set()).add(tuple(_DIGITS.findall(lines[i])))
            seen.update(keys)
    return {
        k for k in tops | feet if k and max(tops[k], feet[k]) >= min_pages and _few_numbers_change(numbers[k])
    }


def _few_numbers_change(numbers: set[tuple[str, ...]]) -> bool:
    """Whether lines sharing a key at the edges of pages differ in two numbers at most (a page number, "Page
    3-2", "§ 1910.137 ... 486"): table rows at the foot or head of two pages ("Class 0 1,000 5,000", "Class 4
    36,000 40,000") differ in every value and are no running header or footer."""
    if len(numbers) < 2:
        return True
    rows = list(numbers)
    width = max(len(r) for r in rows)
    varying = sum(len({r[k] if k < len(r) else "" for r in rows}) > 1 for k in range(width))
    return varying <= 2


def layout_cells(line: str) -> list[tuple[int, str]]:
    """(offset, text) of each cell of a line of pypdf's layout text: runs of words parted by single spaces
    (cells stand two or more spaces apart). Read by ``engine.headgrid`` and ``engine.layout_tables``."""
    return [(m.start(), m.group(0)) for m in _LAYOUT_CELL.finditer(line)]


def consume_words(lines: list[str], at: int, words: Counter[str]) -> int | None:
    """The index after the lines from ``lines[at]`` that hold exactly ``words`` (each line's words all among
    them, a blank line ending the run), or None when they do not: how a table or header grid read from the
    layout text is found again in the plain text."""
    want = words.copy()
    end = at
    while end < len(lines) and want.total():
        got = Counter(lines[end].split())
        if not got or got - want:
            return None
        want -= got
        end += 1
    return None if want.total() else end
