"""Document identity from the title block: number ("GO-95-Section-V", "TD-7001M", "1910.269"), title,
revision and effective date, read from labelled lines, running headers and footers, and the first
lines of the first pages.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from engine.dates import find_date
from engine.pagetext import ends_with_page_number
from engine.spec.patterns import (
    BARE_NUMBER,
    EFFECTIVE,
    EXC_NOTE,
    FOOTER_NUMBER,
    ISSUER,
    LABEL_VALUE,
    NUMBER_FIELD,
    NUMBER_LABELLED,
    NUMBER_LINE_START,
    REV_TABLE_HEADER,
    REVISION,
    REVISION_FIELD,
    SECTION,
    STOP_HEADING,
    TITLE_LABEL,
    heading_like,
    prose,
)


def _clean_number(num: str) -> str:
    # "16-U-101NORTH" (text glued to the number by the PDF generator) -> "16-U-101"
    m = re.match(r"^(.*\d)([A-Z]{4,})$", num)
    return m.group(1) if m else num


def _valid_number(num: str) -> bool:
    if not (3 <= len(num) <= 40) or not any(ch.isdigit() for ch in num):
        return False
    if re.fullmatch(r"(19|20)\d\d", num) or re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", num):
        return False  # a year or a date
    return True


# a field value that goes on to another field ("Document: TD-7001M Rev. 5") is read by the other patterns
_FIELD_OTHER = re.compile(r"(?i)\b(?:rev|revision|page|effective|dated|issued|edition)\b")


@dataclass
class _TitleBlock:
    number: str = ""
    title: str = ""
    revision: str = ""
    effective: dt.date | None = None
    consumed: set[int] = field(default_factory=set)  # indexes of page-1 lines that belong to the title block


def _wraps_label(zone: list[str], j: int) -> bool:
    """Whether line ``j`` is the wrapped end of the label line above it ("Contents of this excerpt: ...; Table
    I-4;" over "Table I-5"): that value was cut mid-list."""
    prev = zone[j - 1].rstrip() if j > 0 else ""
    return bool(LABEL_VALUE.match(prev)) and (
        prev[-1:] in ";,/-" or prev.endswith((" and", " or", " with")) or zone[j][:1].islower()
    )


def title_block(first: list[str], raw_pages: list[str], body_start: int) -> _TitleBlock:
    tb = _TitleBlock()
    zone = first[:body_start]  # may hold "" (paragraph breaks)
    number_line = -1
    for i, line in enumerate(zone):
        if tb.number:
            break
        for rx in (NUMBER_LABELLED, NUMBER_LINE_START):
            m = rx.search(line)
            if m:
                num = _clean_number(m.group("num"))
                if _valid_number(num):
                    tb.number, number_line = num, i
                    break
    if not tb.number:
        for i, line in enumerate(zone[:8]):
            m = BARE_NUMBER.match(line)
            if m and _valid_number(m.group("num")):
                tb.number, number_line = m.group("num"), i
                break
    # a "Document: RUS 1728F-804" field line names it whole, where the patterns above read only a part of it
    # ("RUS", "GO") or nothing
    field_line, field = next(
        (
            (i, m.group("num"))
            for i, m in ((i, NUMBER_FIELD.match(line)) for i, line in enumerate(zone))
            if m
            and _valid_number(m.group("num"))
            and not _FIELD_OTHER.search(m.group("num"))
            # an identifier, not a phrase: "Section 3 Overview", "2021 annual report" name no document
            and sum(w.isalpha() and not w.isupper() for w in m.group("num").split()) <= 1
        ),
        (-1, ""),
    )
    if field and field != tb.number and (not tb.number or field.startswith(tb.number)):
        tb.number, number_line = field, number_line if tb.number else field_line
    if not tb.number:  # footers ("Document X Rev. 07 Page 1 of 2") still name the document
        raw_lines = [x.strip() for x in (raw_pages[0] if raw_pages else "").split("\n") if x.strip()]
        for line in raw_lines[:3] + raw_lines[-3:]:
            m = NUMBER_LABELLED.search(line) or FOOTER_NUMBER.match(line)
            if m and _valid_number(_clean_number(m.group("num"))):
                tb.number = _clean_number(m.group("num"))
                break
    in_history = False
    for i, line in enumerate(zone):
        if STOP_HEADING.match(line) or REV_TABLE_HEADER.match(line):
            in_history = True
        if in_history:
            continue
        if not tb.revision:
            m = REVISION.search(line) or REVISION_FIELD.match(line)
            if m and m.group("rev").strip().lower() not in ("none", "n/a", "-", "na", "tbd"):
                tb.revision = m.group("rev")
                tb.consumed.add(i)
        if tb.effective is None:
            m = EFFECTIVE.search(line)
            if m:
                tb.effective = find_date(m.group("date"))
                if tb.effective:
                    tb.consumed.add(i)
    if tb.effective is None:
        for line in zone:
            m = EFFECTIVE.search(line)
            if m and find_date(m.group("date")):
                tb.effective = find_date(m.group("date"))
                break
    if number_line >= 0:
        tb.consumed.add(number_line)
    # Title: an explicit "Title:" line; the rest of the number line; the line after a bare number line;
    # else the first free heading-like line.
    for i, line in enumerate(zone):
        m = TITLE_LABEL.match(line)
        if m:
            tb.title = m.group("t").strip()
            tb.consumed.add(i)
            break
    if not tb.title and number_line >= 0:
        line = zone[number_line]
        m = NUMBER_LABELLED.search(line) or NUMBER_LINE_START.search(line) or BARE_NUMBER.match(line)
        rest = line[m.start("num") + len(tb.number) :] if m else ""
        rest = REVISION.split(rest)[0] if REVISION.search(rest) else rest
        rest = rest.strip(" -\u2013\u2014:|,")
        if len(rest) >= 4 and any(ch.isalpha() for ch in rest) and heading_like(rest, 200):
            tb.title = rest
        else:
            for j in range(number_line + 1, min(number_line + 6, len(zone))):
                cand = zone[j]
                if not cand or j in tb.consumed or LABEL_VALUE.match(cand) or _wraps_label(zone, j):
                    continue
                if (
                    any(ch.isalpha() for ch in cand)
                    and not (SECTION.match(cand) and cand[:1].isdigit())
                    and (heading_like(cand, 120) or not prose(cand))
                    and not ISSUER.search(cand)
                ):
                    tb.title = cand
                    tb.consumed.add(j)
                break
            if not tb.title:  # "Title\nDocument 123\nRevision 4": the title came first
                before = [
                    (j, zone[j])
                    for j in range(number_line - 1, max(-1, number_line - 6), -1)
                    if zone[j]
                    and j not in tb.consumed
                    and heading_like(zone[j], 120)
                    and not LABEL_VALUE.match(zone[j])
                    and not ISSUER.search(zone[j])
                ]
                # the line naming the number before its title ("1910.137  Electrical protective equipment"),
                # else the longest title line (a subtitle in parentheses is shorter)
                named = [
                    (j, zone[j][len(tb.number) :].strip(" -\u2013\u2014:"))
                    for j in range(number_line - 1, max(-1, number_line - 6), -1)
                    if zone[j].startswith(tb.number + " ") and j not in tb.consumed
                ]
                named = [(j, t) for j, t in named if heading_like(t, 120)]
                if named and len(named[0][1]) >= 4:
                    j, tb.title = named[0]
                    tb.consumed.add(j)
                elif before:
                    j, tb.title = max(before, key=lambda x: len(x[1]))
                    tb.consumed.add(j)
    if not tb.title:
        free = [
            (i, line)
            for i, line in enumerate(zone[:16])
            if line
            and i not in tb.consumed
            and not STOP_HEADING.match(line)
            and sum(ch.isalpha() for ch in line) >= 3
            and not (SECTION.match(line) and line[:1].isdigit())
            and not ISSUER.search(line)
        ]
        pick = next((x for x in free[:5] if heading_like(x[1], 120) and not LABEL_VALUE.match(x[1])), None)
        pick = (
            pick
            or next((x for x in free[:5] if heading_like(x[1], 120)), None)
            or (free[0] if free else None)
        )
        if pick:
            tb.title = pick[1]
            tb.consumed.add(pick[0])
    if not tb.title or not tb.revision:  # running headers/footers (removed from the text) still tell
        raw_lines = [x.strip() for x in (raw_pages[0] if raw_pages else "").split("\n") if x.strip()]
        edges = raw_lines[:3] + raw_lines[-3:]
        if not tb.revision:
            m = next((m for m in map(REVISION.search, edges) if m), None)
            tb.revision = m.group("rev") if m else ""
        if not tb.title:
            tb.title = next(
                (
                    x
                    for x in raw_lines[:3]
                    if heading_like(x, 120)
                    and not ends_with_page_number(x)
                    and not NUMBER_LABELLED.search(x)
                    and not FOOTER_NUMBER.match(x)
                ),
                "",
            )
    tb.title = re.sub(r"\s+", " ", tb.title).strip()[:300]
    # Remaining short "Label: value" lines of the title block (asset type, prepared by, ...).
    for i, line in enumerate(zone):
        if LABEL_VALUE.match(line) and len(line) < 80 and not EXC_NOTE.match(line):
            tb.consumed.add(i)
    return tb
