"""Text rows of tables: heading lines, cells split on wide gaps or by the shape of the values
(numbers with units, ranges, parenthesised notes), so a row reads as its cells under their headings.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re

from engine.layout_tables import CELL_SEP
from engine.spec.numbering import section_shape
from engine.spec.patterns import (
    COLUMN_HINT,
    EXC_NOTE,
    NUMERIC_TOKEN,
    SECTION,
    SECTION_STRICT,
    SHORT_WORD,
    TABLE_TITLE,
    UNIT_TOKEN,
    has_quantity,
)

_GLUE = "\x00"
_UNIT_WORD = r"(?:[A-Za-zΩ°%]{1,6}\.?)"
# a range in words naming a column: "300 volts or less", "Over 300 volts", "more than 600 V", "750 V and above"
_WORDED_RANGE = (
    rf"\b(?:[Oo]ver|[Aa]bove|[Uu]nder|[Bb]elow|[Ee]xceeding|(?:[Ll]ess|[Mm]ore)\s+than)\s+\d[\d.,/]*\s*{_UNIT_WORD}(?![\w])"
    rf"|\d[\d.,/]*\s*{_UNIT_WORD}\s+(?:or\s+(?:less|more|over|under|below|above)|and\s+(?:over|above|under|below))\b"
)
_WORDED_RANGE_SPAN = re.compile(_WORDED_RANGE)
_RANGE_SPAN = re.compile(
    rf"\d[\d.,/]*(?:\s*{_UNIT_WORD})?\s*(?:-|–|to)\s*\d[\d.,/]*\s*{_UNIT_WORD}(?![\w])|{_WORDED_RANGE}"
    # a range whose unit is in the column heading ("0.301 to 0.750" under "Nominal voltage (kV)")
    r"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s+to\s+\d[\d,]*(?:\.\d+)?(?![\w.])"
)
_GLUED_RANGE = re.compile(rf"^\d[\d,]*(?:\.\d+)?{_GLUE}to{_GLUE}\d[\d,]*(?:\.\d+)?$")
_PAREN_SPAN = re.compile(r"\([^()]{1,40}\)")


def _glue(text: str) -> str:
    """``text`` with parenthesised groups ("(8.1 m)", "(0 - 750 V)") and value ranges ("750 V - 22 kV") kept as
    one word each (their inner spaces replaced by a marker; ``_unglue`` restores them)."""

    def join(m: re.Match[str]) -> str:
        return _GLUE.join(m.group(0).split())

    return _RANGE_SPAN.sub(join, _PAREN_SPAN.sub(join, text))


def _unglue(text: str) -> str:
    return text.replace(_GLUE, " ")


def is_header_line(line: str) -> bool:
    """A column-header line: no quantity outside parentheses, or only value ranges naming columns
    ("Surface Secondary (0 - 750 V) Primary (750 V - 35 kV)", "Surface 0 - 750 V 750 V - 22 kV",
    "Case Cable installation Systems of more than 600 V")."""
    bare = _PAREN_SPAN.sub(" ", line)
    if not has_quantity(bare):
        return True
    ranges = _RANGE_SPAN.findall(bare)
    enough = len(ranges) >= 2 or bool(_WORDED_RANGE_SPAN.search(bare))
    return enough and not has_quantity(_RANGE_SPAN.sub(" ", bare))


def laid_out_cells(line: str) -> list[str] | None:
    """The cells of a header or row line written with its cells parted by " | " (a table read by its layout,
    ``engine.layout_tables``; an empty cell is "-"), else None."""
    if CELL_SEP not in line:
        return None
    return [c.strip() for c in line.split(CELL_SEP)]


def split_header(header: str, ncols: int) -> list[str]:
    """Split a column-header line into ``ncols`` headers at capitalised words outside parentheses; a value
    range ("750 V - 22 kV") or a parenthesised group is one word and units stay in the column names. A header
    whose cells are parted by " | " keeps them."""
    laid = laid_out_cells(header)
    if laid is not None:
        return laid
    return [_unglue(c) for c in _split_header_words(_glue(header), ncols)]


def _split_header_words(header: str, ncols: int) -> list[str]:
    words = header.split()
    if ncols <= 1 or len(words) < ncols:
        return [header.strip()]
    cands = []
    depth = 0
    for i, w in enumerate(words):
        if i > 0 and depth == 0 and (w[0].isupper() or w[0].isdigit() and not words[i - 1][-1].isdigit()):
            cands.append(i)
        depth += w.count("(") - w.count(")")
        depth = max(depth, 0)
    need = ncols - 1
    if len(cands) < need:
        return [header.strip()]
    if len(cands) > need:
        hinted = [i for i in cands if COLUMN_HINT.match(words[i])]
        chosen = sorted(hinted[-need:]) if len(hinted) >= need else cands[-need:]
        if len(hinted) < need:
            rest = [i for i in cands if i not in hinted]
            chosen = sorted(hinted + rest[-(need - len(hinted)) :])
    else:
        chosen = cands
    bounds = [0, *chosen, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def caps_split(text: str) -> list[str]:
    """Split at every capitalised word after the first (outside parentheses)."""
    words = text.split()
    parts: list[list[str]] = []
    depth = 0
    for w in words:
        if not parts or (depth == 0 and w[:1].isupper()):
            parts.append([w])
        else:
            parts[-1].append(w)
        depth = max(0, depth + w.count("(") - w.count(")"))
    return [" ".join(p) for p in parts]


def _value_groups(words: list[str], limit: int = 12) -> tuple[list[str], list[str]]:
    """Split row words into (label words, value cells) scanning from the right.

    A value cell is a numeric token with the unit words or markers that follow it (``25 ft``,
    ``0.23328 (I)``, ``5/8 in``).
    """
    cells: list[str] = []
    i = len(words)
    while i > 0 and len(cells) < limit:
        j = i
        if j > 1 and re.fullmatch(r"\(.*\d.*\)[.,;]?", words[j - 1]):
            j -= 1  # "26.5 ft (8.1 m)": a metric equivalent stays with its value
        units: list[str] = []
        while j > 0 and len(units) < 2 and (UNIT_TOKEN.match(words[j - 1]) or SHORT_WORD.match(words[j - 1])):
            units.append(words[j - 1])
            j -= 1
        if j > 0 and (NUMERIC_TOKEN.match(words[j - 1]) or (not units and _GLUED_RANGE.match(words[j - 1]))):
            j -= 1
            # "6 ft 2 in" stays one cell
            if (
                j >= 2
                and units
                and units[-1].lower() in ("in", "in.", "inch", "inches")
                and words[j - 1].lower() in ("ft", "ft.", "feet", "foot")
                and NUMERIC_TOKEN.match(words[j - 2])
            ):
                j -= 2
            cells.insert(0, " ".join(words[j:i]))
            i = j
        else:
            break
    return words[:i], cells


def table_row(line: str, ncols: int | None) -> tuple[list[str], int]:
    """The cells of a table row line and how many there are: cells parted by " | " as written, else the label
    words and the value cells read from the right (``_value_groups``)."""
    laid = laid_out_cells(line)
    if laid is not None:
        return laid, len(laid)
    words = _glue(line).split()
    label, values = _value_groups(words, (ncols - 1) if ncols and ncols > 1 else 12)
    values = [_unglue(v) for v in values]
    if values and label:
        return [_unglue(" ".join(label)), *values], len(values) + 1
    if len(values) >= 2:  # the first column is numeric too ("30 ft | 5.0 ft")
        return values, len(values)
    return [line.strip()], 1


def is_table_row_line(line: str) -> bool:
    """Whether ``line`` may be a row of an open table: no section, exception, note or table title line, and
    short (a row read by its layout may be longer: its cells are parted)."""
    if (
        len(line) > (600 if CELL_SEP in line else 160)
        or SECTION_STRICT.match(line)
        or EXC_NOTE.match(line)
        or TABLE_TITLE.match(line)
    ):
        return False
    m = SECTION.match(line) if line[:1].isdigit() else None
    if m and m.group("dot") and section_shape(m):
        return False  # "7. Next Heading" (even one the numbering chain did not take)
    return True
