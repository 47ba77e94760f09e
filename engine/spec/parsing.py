"""Spec PDF text -> document number, title, revision and clauses. Plain Python, no Django.

The rules are general (no utility's numbers or wording): they read the layout that construction
standards share.

- **Title block** (page 1): the document number follows a label (``Document``, ``Standard``,
  ``Spec No.``, ``No.``...); the title is the line after a bare number line, or the first free line;
  ``Rev``/``Revision`` and ``Effective`` give revision and effective date. A document with no number
  takes its file name's stem.
- **Running headers and footers**: lines repeated at the top or bottom of most pages (digits
  ignored) and ``Page N of M`` lines are dropped; so are revision-history tables, reference lists
  and the title-block lines.
- **Clauses**: a line starting with a section number (``3``, ``3.2``, ``4.1.2``, ``Section 4.1.2:``,
  ``Article 3.1``, ``Art. 3.1``, ``§ 3.3``, ``Clause 5.2``, ``Rule 37``; ``3.1(a)`` is item ``a`` of 3.1)
  starts a clause when the number plausibly follows the previous one (so numbered list items,
  footnote markers and values such as ``6.5 feet`` stay inside their clause); single-level numbers
  need a heading-like line unless spelt ``Section N``. ``Exception:``/``Note:`` paragraphs become
  clauses of kind ``exception``/``note`` under the section they sit in. Rows of a ``Table N-M Title``
  become ``table_row`` clauses with the table title and column headers in ``data`` and in the text.
- A document without numbered sections is cut into clauses at heading-like lines (section ``""``).

Everything is a single pass over the lines with anchored regular expressions: linear in the text.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

from engine.dates import DATE_TEXT, find_date
from engine.pagetext import edge_indexes, edge_key, ends_with_page_number, is_page_mark, repeated_edge_lines
from engine.spec.grid import Grid, read_grid

REQUIREMENT = "requirement"
EXCEPTION = "exception"
NOTE = "note"
TABLE_ROW = "table_row"
DEFINITION = "definition"

MAX_CLAUSE_CHARS = 4000  # a clause longer than this is cut (unnumbered prose only)
CHUNK_CHARS = 1200
RESTART_COST = 4.0  # section numbering starting over: worth it only for a run of several sections  # unnumbered documents: prose chunk size


@dataclass
class ParsedClause:
    """One citable clause. ``kind`` is requirement/exception/note/table_row/definition; ``page`` is 1-based."""

    section: str
    heading: str
    text: str
    kind: str
    page: int
    order: int
    data: dict = field(default_factory=dict)


@dataclass
class ParsedSpec:
    document_number: str
    title: str
    revision: str
    effective_date: dt.date | None
    clauses: list[ParsedClause]


# --- patterns ------------------------------------------------------------------------------------

_NUM = r"(?P<num>[A-Z0-9]+(?:-[A-Z][a-z]+|[-./][A-Z0-9]+(?![a-z]))*)"  # "GO-95-Section-V", "TD-2908P-01"
_NUMBER_LABELLED = re.compile(
    r"(?i:\b(?:document|doc|standard|std|spec(?:ification)?|drawing|dwg|procedure|bulletin|"
    r"guideline|manual)\b\.?)\s*(?i:no\b\.?|number\b|nbr\b\.?|#)?\s*[:#]?\s*" + _NUM
)
_NUMBER_LINE_START = re.compile(r"^\s*(?i:no\.|number|doc(?:ument)?\s+id)\s*[:#]?\s*" + _NUM)
# "TD-2908P-01 Rev. 3 Page 1 of 5": a running header/footer that starts with the number
_FOOTER_NUMBER = re.compile(
    r"^(?P<num>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})\s+(?:[-|\u2013]\s*)?(?i:rev(?:ision)?\b|page\b)"
)
_BARE_NUMBER = re.compile(r"^\s*(?P<num>(?=[A-Z0-9-]*\d)[A-Z0-9]{2,}(?:-[A-Z0-9]+)*)\s*$")
_REVISION = re.compile(
    r"(?i:\brev(?:ision)?\b\.?)\s*(?i:no\.?)?\s*[:#]?\s*#?\s*"
    r"(?P<rev>\d{1,3}(?:\.\d{1,2})?[A-Za-z]?|[A-Z]{1,2}\d{0,2})(?![\w-])"
)
_EFFECTIVE = re.compile(r"(?i:\beffective(?:\s+date)?(?:\s+on)?)\s*[:\-]?\s*" + DATE_TEXT)
# who issues a document, not what it is called ("State of California - Public Utilities Commission")
_ISSUER = re.compile(
    r"(?i)\b(?:state of|commission|company|corporation|inc\.|department of|administration|agency|utility district)\b"
)
_LABEL_VALUE = re.compile(r"^[A-Z][A-Za-z/ ]{1,30}:\s*\S")
_TITLE_LABEL = re.compile(r"^\s*(?i:title|subject)\s*:\s*(?P<t>.+)$")

# "4.1.2 Text", "4.1.2. Text", "Section 4.1.2: Text", "SECTION 4 - Text", "4.1.2 Exception: ...",
# "Article 3.1 Text", "Art. 3.1", "§ 3.3", "Clause 5.2", "Rule 37", "3.1 (a) Text" / "3.1(b) Text"
# (a lettered sub-item of 3.1). The label and number are kept out of the clause text (``rest``).
_SECTION = re.compile(
    r"^\s*(?P<kw>(?i:section|sec\.|article|art\.|clause|paragraph|para\.|rule|§)\s*)?"
    r"(?P<sec>\d{3,4}\.\d{1,4}(?:\((?:[a-z]{1,5}|\d{1,2}|[A-Z])\)){1,6}(?![(\w])"  # 1910.269(l)(3)(i)
    r"|\d{1,4}(?:\.\d{1,3}){0,5}(?:-[A-Z]{1,2}(?:\d{1,2}[a-z]?)?(?![A-Za-z]))?)(?P<dot>\.)?"  # 54.4-C4b
    r"(?:\s?\((?P<item>[a-z]|\d{1,2})\)(?P<sub>[a-z](?![A-Za-z]))?)?"
    r"(?P<sep>\s*[:\-\u2013\u2014)]\s*|\s+|$)(?P<rest>.*)$"
)
_EXC_NOTE = re.compile(
    r"^\s*(?P<label>(?i:exceptions?|notes?))(?:\s+(?P<n>(?i:no\.?\s*)?[0-9]{1,2}|[A-Za-z]|\([a-z0-9]\)))?\s*[:.\-\u2013]\s*(?P<rest>.*)$"
)
_INLINE_EXC_NOTE = re.compile(r"(?<=[.;])\s+(?=(?:Exception|EXCEPTION|Note|NOTE)S?(?:\s+\w{1,3})?\s*:)")
_TABLE_TITLE = re.compile(
    r"^\s*(?P<t>(?i:table)\s+(?:[A-Z]{0,2}-?\d+(?:[-.](?:\d+|[A-Z]\d?\b))*[A-Z]?|[A-Z](?![\w-])))"
    r"(?:\s*[:.\-\u2013\u2014]?\s+(?P<rest>[A-Z(].*))?$"
)
# a General Order's parts: "SECTION V - DETAILED CONSTRUCTION REQUIREMENTS FOR SUPPLY LINES"
_PART = re.compile(r"^\s*(?i:section)\s+[IVXL]{1,5}\s*[-\u2013\u2014:.]\s*[A-Z][A-Za-z ,;()&/-]{6,}$")
_APPENDIX = re.compile(r"^\s*(?i:appendix)\s+[A-Z0-9]{1,3}\b")
_STOP_HEADING = re.compile(
    r"^\s*(?i:references?|referenced documents|related documents|bibliography|revision history|"
    r"document history|revision log|change (?:log|history|record)|record of revisions|revisions)\s*:?\s*$"
)
_REV_TABLE_HEADER = re.compile(r"(?i)^\s*rev(?:ision)?\.?\s+date\b")
_BULLET = re.compile(r"^\s*(?:[-\u2022\u25aa\u25cf\u2013*\uf0b7]\s+|\(?[A-Za-z0-9]{1,2}[.)]\s+)")
_DEFINITION_HEADING = re.compile(r"(?i)\b(?:definitions?|glossary|terms)\b")
_WORD = re.compile(r"\S+")
_NUMERIC_TOKEN = re.compile(r"^[(\[]?[<>≤≥±+\-$#]?\d[\d,]*(?:\.\d+)?(?:/\d+)?[%°\"'¢]?[)\]]?[.,;]?$")
_UNIT_TOKEN = re.compile(
    r"^(?i:ft|feet|foot|in|inch|inches|mm|cm|m|km|mi|yd|kv|v|volts?|kva|mva|kw|a|amps?|ohms?|Ω|lbs?|kg|n|"
    r"psi|degrees?|deg|°f|°c|f|c|%|awg|kcmil|mcm|days?|hours?|hrs?|min|years?|mph|sq|\(\w\)|ft\.|in\.)$"
)
_SHORT_WORD = re.compile(r"^[A-Za-z]{1,8}\.?$")  # an unlisted unit such as "turns" (needs a number before it)
_COLUMN_HINT = re.compile(
    r"(?i)^(?:min(?:imum)?\.?|max(?:imum)?\.?|nominal|required|primary|secondary|typical|allowable|"
    r"rated|rating|size|depth|clearance|value|voltage|class|type|spacing|distance|length|width)$"
)


_TRAILING_WORDS = frozenset(
    "a an the of by to in on at for from with and or than as per be is are not no that which if when".split()
)
_MODAL = re.compile(r"(?i)\b(?:shall|must|should|will)\b")


def _exact_edge_line(line: str) -> bool:
    """A line that starts with a number or states a quantity keeps its digits when running headers
    are sought (a section heading or table row at the top of every page is not a running header)."""
    return line[:1].isdigit() or _has_quantity(line)


def _exact_edge_key(line: str) -> str:
    return edge_key(line, _exact_edge_line(line))


def _has_quantity(line: str) -> bool:
    """Does the line state a quantity with a unit ("20 ft", "#4 AWG")? Table rows do; footers don't."""
    words = line.split()
    for a, b in zip(words, words[1:], strict=False):
        if _NUMERIC_TOKEN.match(a) and _UNIT_TOKEN.match(b):
            return True
    return False


def _prose(text: str) -> bool:
    """A sentence of body text (a long line with a verb of obligation or ending in a period)."""
    t = text.strip()
    return len(t.split()) > 12 or t.endswith(".") or bool(_MODAL.search(t))


def _heading_like(text: str, limit: int = 70) -> bool:
    """A short title-ish line: capitalised, no sentence punctuation at its end, few words."""
    t = text.strip()
    if not t or len(t) > limit or not (t[0].isupper() or t[0] == "("):
        return False
    if t[-1] in ".,;" or "=" in t:
        return False
    words = t.split()
    if len(words) > 10:
        return False
    if words[-1].lower() in _TRAILING_WORDS or _MODAL.search(t):
        return False  # "Conductors shall be installed as required by" is a wrapped sentence
    letters = sum(ch.isalpha() for ch in t)
    return letters >= max(3, len(t) // 2)


def _free_heading(line: str, prev: str) -> bool:
    """An unnumbered heading: a short title-case line after a finished sentence (or a page start)."""
    t = line.strip()
    if not _heading_like(t, 60) or t.endswith(":") or _BULLET.match(t):
        return False
    if prev and prev.rstrip()[-1:] not in ".:?!)" and not _heading_like(prev, 60):
        return False
    return _capitalised_words(t) >= 0.6


def _title_words(text: str, min_len: int = 4) -> list[str]:
    """The words of ``text`` that count for title case (``min_len`` letters or more)."""
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if len(w) >= min_len]


def _capitalised_words(text: str, min_len: int = 4) -> float:
    """Share of ``_title_words`` that start with a capital (0.0 when there are none)."""
    words = _title_words(text, min_len)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


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


# --- page cleaning -------------------------------------------------------------------------------


def _page_lines(pages: list[str]) -> list[list[str]]:
    """Lines of each page with running headers/footers and page-number lines removed.

    Blank lines are kept as ``""`` (paragraph breaks); the edges of a page are its first and last
    four non-blank lines.
    """
    raw = []
    for text in pages:
        lines = [line.replace("\t", " ").strip() for line in (text or "").split("\n")]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        raw.append(lines)
    repeated = repeated_edge_lines(raw, 4, max(2, (len(raw) + 1) // 2), exact=_exact_edge_line)
    out = []
    for lines in raw:
        at_edge = set(edge_indexes(lines, 4))
        number_at = set(edge_indexes(lines, 2))  # a bare page number stands on the first or last two lines
        kept = []
        for i, line in enumerate(lines):
            if not line:
                if kept and kept[-1]:
                    kept.append("")
                continue
            if i in at_edge and (
                _exact_edge_key(line) in repeated or is_page_mark(line, at_edge=i in number_at)
            ):
                continue
            kept.append(line)
        while kept and not kept[-1]:
            kept.pop()
        out.append(kept)
    return out


_BARE_SECTION = re.compile(r"^(?i:section\s+)?\d{1,4}(?:\.\d{1,3})*\.?$")


def _split_inline(lines: list[str]) -> list[str]:
    """Put an ``Exception:``/``Note:`` that follows a sentence on the same line on its own line."""
    out = []
    for line in lines:
        if not line:
            out.append(line)
        elif ("xception" in line or "ote" in line or "XCEPTION" in line or "OTE" in line) and ":" in line:
            parts = [p.strip() for p in _INLINE_EXC_NOTE.split(line) if p.strip()]
            merged: list[str] = []
            for part in parts:
                if merged and _BARE_SECTION.match(merged[-1]):
                    merged[-1] += " " + part  # "4. Exception: ..." is one numbered exception
                else:
                    merged.append(part)
            out.extend(merged)
        else:
            out.append(line)
    return out


# --- title block ---------------------------------------------------------------------------------


@dataclass
class _TitleBlock:
    number: str = ""
    title: str = ""
    revision: str = ""
    effective: dt.date | None = None
    consumed: set = field(default_factory=set)  # indexes of page-1 lines that belong to the title block


def _title_block(first: list[str], raw_pages: list[str], body_start: int) -> _TitleBlock:
    tb = _TitleBlock()
    zone = first[:body_start]  # may hold "" (paragraph breaks)
    number_line = -1
    for i, line in enumerate(zone):
        if tb.number:
            break
        for rx in (_NUMBER_LABELLED, _NUMBER_LINE_START):
            m = rx.search(line)
            if m:
                num = _clean_number(m.group("num"))
                if _valid_number(num):
                    tb.number, number_line = num, i
                    break
    if not tb.number:
        for i, line in enumerate(zone[:8]):
            m = _BARE_NUMBER.match(line)
            if m and _valid_number(m.group("num")):
                tb.number, number_line = m.group("num"), i
                break
    if not tb.number:  # footers ("Document X Rev. 07 Page 1 of 2") still name the document
        raw_lines = [x.strip() for x in (raw_pages[0] if raw_pages else "").split("\n") if x.strip()]
        for line in raw_lines[:3] + raw_lines[-3:]:
            m = _NUMBER_LABELLED.search(line) or _FOOTER_NUMBER.match(line)
            if m and _valid_number(_clean_number(m.group("num"))):
                tb.number = _clean_number(m.group("num"))
                break
    in_history = False
    for i, line in enumerate(zone):
        if _STOP_HEADING.match(line) or _REV_TABLE_HEADER.match(line):
            in_history = True
        if in_history:
            continue
        if not tb.revision:
            m = _REVISION.search(line)
            if m:
                tb.revision = m.group("rev")
                tb.consumed.add(i)
        if tb.effective is None:
            m = _EFFECTIVE.search(line)
            if m:
                tb.effective = find_date(m.group("date"))
                if tb.effective:
                    tb.consumed.add(i)
    if tb.effective is None:
        for line in zone:
            m = _EFFECTIVE.search(line)
            if m and find_date(m.group("date")):
                tb.effective = find_date(m.group("date"))
                break
    if number_line >= 0:
        tb.consumed.add(number_line)
    # Title: an explicit "Title:" line; the rest of the number line; the line after a bare number line;
    # else the first free heading-like line.
    for i, line in enumerate(zone):
        m = _TITLE_LABEL.match(line)
        if m:
            tb.title, _ = m.group("t").strip(), tb.consumed.add(i)
            break
    if not tb.title and number_line >= 0:
        line = zone[number_line]
        m = _NUMBER_LABELLED.search(line) or _NUMBER_LINE_START.search(line) or _BARE_NUMBER.match(line)
        rest = line[m.start("num") + len(tb.number) :] if m else ""
        rest = _REVISION.split(rest)[0] if _REVISION.search(rest) else rest
        rest = rest.strip(" -\u2013\u2014:|,")
        if len(rest) >= 4 and any(ch.isalpha() for ch in rest) and _heading_like(rest, 200):
            tb.title = rest
        else:
            for j in range(number_line + 1, min(number_line + 6, len(zone))):
                cand = zone[j]
                if not cand or j in tb.consumed or _LABEL_VALUE.match(cand):
                    continue
                if (
                    any(ch.isalpha() for ch in cand)
                    and not (_SECTION.match(cand) and cand[:1].isdigit())
                    and (_heading_like(cand, 120) or not _prose(cand))
                    and not _ISSUER.search(cand)
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
                    and _heading_like(zone[j], 120)
                    and not _LABEL_VALUE.match(zone[j])
                    and not _ISSUER.search(zone[j])
                ]
                if before:  # the longest title line (a subtitle in parentheses is shorter)
                    j, tb.title = max(before, key=lambda x: len(x[1]))
                    tb.consumed.add(j)
    if not tb.title:
        free = [
            (i, line)
            for i, line in enumerate(zone[:16])
            if line
            and i not in tb.consumed
            and not _STOP_HEADING.match(line)
            and sum(ch.isalpha() for ch in line) >= 3
            and not (_SECTION.match(line) and line[:1].isdigit())
            and not _ISSUER.search(line)
        ]
        pick = next((x for x in free[:5] if _heading_like(x[1], 120) and not _LABEL_VALUE.match(x[1])), None)
        pick = (
            pick
            or next((x for x in free[:5] if _heading_like(x[1], 120)), None)
            or (free[0] if free else None)
        )
        if pick:
            tb.title = pick[1]
            tb.consumed.add(pick[0])
    if not tb.title or not tb.revision:  # running headers/footers (removed from the text) still tell
        raw_lines = [x.strip() for x in (raw_pages[0] if raw_pages else "").split("\n") if x.strip()]
        edges = raw_lines[:3] + raw_lines[-3:]
        if not tb.revision:
            m = next((m for m in map(_REVISION.search, edges) if m), None)
            tb.revision = m.group("rev") if m else ""
        if not tb.title:
            tb.title = next(
                (
                    x
                    for x in raw_lines[:3]
                    if _heading_like(x, 120)
                    and not ends_with_page_number(x)
                    and not _NUMBER_LABELLED.search(x)
                    and not _FOOTER_NUMBER.match(x)
                ),
                "",
            )
    tb.title = re.sub(r"\s+", " ", tb.title).strip()[:300]
    # Remaining short "Label: value" lines of the title block (asset type, prepared by, ...).
    for i, line in enumerate(zone):
        if _LABEL_VALUE.match(line) and len(line) < 80 and not _EXC_NOTE.match(line):
            tb.consumed.add(i)
    return tb


# --- tables --------------------------------------------------------------------------------------


_GLUE = "\x00"
_UNIT_WORD = r"(?:[A-Za-zΩ°%]{1,6}\.?)"
_RANGE_SPAN = re.compile(rf"\d[\d.,/]*(?:\s*{_UNIT_WORD})?\s*(?:-|–|to)\s*\d[\d.,/]*\s*{_UNIT_WORD}(?![\w])")
_PAREN_SPAN = re.compile(r"\([^()]{1,40}\)")


def _glue(text: str) -> str:
    """``text`` with parenthesised groups ("(8.1 m)", "(0 - 750 V)") and value ranges ("750 V - 22 kV") kept as
    one word each (their inner spaces replaced by a marker; ``_unglue`` restores them)."""

    def join(m: re.Match) -> str:
        return _GLUE.join(m.group(0).split())

    return _RANGE_SPAN.sub(join, _PAREN_SPAN.sub(join, text))


def _unglue(text: str) -> str:
    return text.replace(_GLUE, " ")


def _is_header_line(line: str) -> bool:
    """A column-header line: no quantity outside parentheses, or only value ranges naming columns
    ("Surface Secondary (0 - 750 V) Primary (750 V - 35 kV)", "Surface 0 - 750 V 750 V - 22 kV")."""
    bare = _PAREN_SPAN.sub(" ", line)
    if not _has_quantity(bare):
        return True
    ranges = _RANGE_SPAN.findall(bare)
    return len(ranges) >= 2 and not _has_quantity(_RANGE_SPAN.sub(" ", bare))


def _split_header(header: str, ncols: int) -> list[str]:
    """Split a column-header line into ``ncols`` headers at capitalised words outside parentheses; a value
    range ("750 V - 22 kV") or a parenthesised group is one word and units stay in the column names."""
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
        hinted = [i for i in cands if _COLUMN_HINT.match(words[i])]
        chosen = sorted(hinted[-need:]) if len(hinted) >= need else cands[-need:]
        if len(hinted) < need:
            rest = [i for i in cands if i not in hinted]
            chosen = sorted(hinted + rest[-(need - len(hinted)) :])
    else:
        chosen = cands
    bounds = [0, *chosen, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _caps_split(text: str) -> list[str]:
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
        units = []
        while (
            j > 0 and len(units) < 2 and (_UNIT_TOKEN.match(words[j - 1]) or _SHORT_WORD.match(words[j - 1]))
        ):
            units.append(words[j - 1])
            j -= 1
        if j > 0 and _NUMERIC_TOKEN.match(words[j - 1]):
            j -= 1
            # "6 ft 2 in" stays one cell
            if (
                j >= 2
                and units
                and units[-1].lower() in ("in", "in.", "inch", "inches")
                and words[j - 1].lower() in ("ft", "ft.", "feet", "foot")
                and _NUMERIC_TOKEN.match(words[j - 2])
            ):
                j -= 2
            cells.insert(0, " ".join(words[j:i]))
            i = j
        else:
            break
    return words[:i], cells


def _table_row(line: str, ncols: int | None) -> tuple[list[str], int]:
    words = _glue(line).split()
    label, values = _value_groups(words, (ncols - 1) if ncols and ncols > 1 else 12)
    values = [_unglue(v) for v in values]
    if values and label:
        return [_unglue(" ".join(label)), *values], len(values) + 1
    if len(values) >= 2:  # the first column is numeric too ("30 ft | 5.0 ft")
        return values, len(values)
    return [line.strip()], 1


def _is_table_row_line(line: str) -> bool:
    if len(line) > 160 or _SECTION_STRICT.match(line) or _EXC_NOTE.match(line) or _TABLE_TITLE.match(line):
        return False
    m = _SECTION.match(line) if line[:1].isdigit() else None
    if m and m.group("dot") and _section_shape(m):
        return False  # "7. Next Heading" (even one the numbering chain did not take)
    return True


_SECTION_STRICT = re.compile(r"^\s*(?:(?i:section)\s+)?\d{1,4}(?:\.\d{1,3})+\.?\s+[A-Z]")


# --- main parser ---------------------------------------------------------------------------------


@dataclass
class _Open:
    section: str
    heading: str
    kind: str
    page: int
    lines: list[str]
    data: dict = field(default_factory=dict)


def _join(lines: list[str]) -> str:
    """Join wrapped lines into paragraphs; bullets and list items keep their own lines."""
    out: list[str] = []
    for line in lines:
        line = re.sub(r"\s+", " ", line).strip()
        if not line:
            continue
        if out and not _BULLET.match(line):
            prev = out[-1]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[:1].islower():
                out[-1] = prev + line
            else:
                out[-1] = prev + " " + line
        else:
            out.append(line)
    return "\n".join(out)


def _sec_tuple(sec: str) -> tuple[int, ...]:
    """Sort key of a section number: ``4.1.2`` -> (4, 1, 2); a rule's letter suffix counts as one more
    level (``54.8-B`` -> (54, 8, 2), ``56.4-A1`` -> (56, 4, 1, 1)), as CPUC General Orders number them."""
    if "(" in sec:  # "1910.269(l)(3)(i)": always kept (forced), so the designators need only differ
        base, _, paras = sec.partition("(")
        marks = paras.rstrip(")").split(")(")
        key = tuple(int(x) for x in base.split("."))
        return key + tuple(int(x) if x.isdigit() else sum(ord(ch) for ch in x) for x in marks)
    base, _, suffix = sec.partition("-")
    key = tuple(int(x) for x in base.split("."))
    if suffix:
        letters = "".join(ch for ch in suffix if ch.isalpha())
        digits = "".join(ch for ch in suffix if ch.isdigit())
        key += (sum((ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(letters))),)
        if digits:
            key += (int(digits),)
    return key


# "(1) Above Public Thoroughfares: ...", "a) Residential Premises: ...", "2) a clearance of ..."
_ITEM = re.compile(r"^\s*(?:\((?P<p>\d{1,2}|[a-z])\)|(?P<c>\d{1,2}|[a-z])\))\s+(?P<rest>\S.*)$")
_ITEM_TITLE = re.compile(r"^(?P<t>[A-Z][^:.;]{2,80}):")


def _item_path(path: list[tuple[str, str, str]], m: re.Match) -> list[tuple[str, str, str]]:
    """The sub-item path after item line ``m``: ``(2)`` then ``a)`` gives ``(2)a``; an item of the
    same style as an open one replaces it and closes what was nested under it."""
    num, style = (m.group("p"), "paren") if m.group("p") else (m.group("c"), "close")
    kind = (style, num.isdigit())
    title = _ITEM_TITLE.match(m.group("rest"))
    for depth, (n, st, _) in enumerate(path):
        if (st, n.isdigit()) == kind:
            return [*path[:depth], (num, style, title.group("t").strip() if title else "")]
    return [*path, (num, style, title.group("t").strip() if title else "")]


def _title_case_sentence(text: str) -> bool:
    """A short title in title case that ends with a period ("Clearances above Ground, Buildings, Etc.")."""
    t = text.strip()
    if not t.endswith(".") or len(t.split()) > 12 or _MODAL.search(t):
        return False
    return len(_title_words(t, 3)) >= 2 and _capitalised_words(t, 3) >= 0.7


_RULE_REF = re.compile(r"(?i:\brules?\s+)(?P<sec>\d{1,4}(?:\.\d{1,3}){0,5}(?:-[A-Z]{1,2}\d{0,2})?)")


def _table_section(title: str, table_id: str, known: dict[str, str], current: str) -> str:
    """The section a table belongs to: a rule its title names ("Table 54.8-S (summary of Rules 54.8-B
    and 56.4-A1)" -> 54.8-B), else the section its own number starts with ("Table 4.2-1" -> 4.2), else the
    section it sits in. Only sections the document has already opened count."""
    for m in _RULE_REF.finditer(title):
        if m.group("sec") in known:
            return m.group("sec")
    number = re.sub(r"(?i)^table\s+", "", table_id)
    for cand in [number, *_ancestors(number)] if number else []:
        if cand in known and cand != number:
            # the section it sits in is that one or inside it ("Table 5-1" under 5.3): keep the nearer
            return current if current == cand or cand in _ancestors(current) else cand
    return current


def _ancestors(sec: str) -> list[str]:
    """Enclosing section numbers, nearest first: ``56.4-A1`` -> [``56.4-A``, ``56.4``, ``56``];
    ``4.1.2`` -> [``4.1``, ``4``]."""
    out = []
    if "(" in sec:  # "1910.269(l)(3)" -> ["1910.269(l)", "1910.269"]
        while "(" in sec:
            sec = sec[: sec.rindex("(")]
            out.append(sec)
        return out
    base, dash, suffix = sec.partition("-")
    if dash:
        letters = suffix.rstrip("0123456789")
        if letters and letters != suffix:
            out.append(f"{base}-{letters}")
        out.append(base)
    parts = base.split(".")
    out.extend(".".join(parts[:n]) for n in range(len(parts) - 1, 0, -1))
    return out


def _item_ordinal(item: str) -> int:
    """``b`` -> 2, ``3`` -> 3: the position of a lettered or numbered sub-item."""
    return int(item) if item.isdigit() else ord(item) - ord("a") + 1


def _plausible_next(prev: tuple[int, ...] | None, cand: tuple[int, ...], gap: int = 3) -> bool:
    """Is ``cand`` a plausible next section number after ``prev`` (allowing gaps up to ``gap``)?"""
    if prev is None:
        return cand[0] >= 1 and all(c <= 9 for c in cand[1:])
    if cand <= prev:
        return False
    k = 0
    while k < min(len(prev), len(cand)) and prev[k] == cand[k]:
        k += 1
    if k == len(cand):
        return False  # cand is an ancestor of prev
    if k == len(prev):  # a child of prev
        first_child_ok = cand[k] <= gap
        return first_child_ok and all(c <= gap for c in cand[k + 1 :])
    step = cand[k] - prev[k]
    if not 1 <= step <= (gap if k == 0 else gap + 2):
        return False
    return all(c <= gap for c in cand[k + 1 :])


_UNTITLED_GRID_HEAD = re.compile(r"^(?:Row|Case)(?:\s+No\.?)?(?:\s+[A-Z]\S*(?:\s+\S+)*)?$")
_TABLE_MENTION = re.compile(r"\bTable\s+(\d+[A-Z]?(?:[-.][\dA-Z]+)*)\b")
GRID_PAGES = 3  # a case-by-column table is read over its own page and the next two


def _grid_after(
    page_lines: list[list[str]], page: int, idx: int, title: str, accepted: set[tuple[int, int]]
) -> Grid | None:
    """The case-by-column table whose title is line ``idx`` of page ``page`` (0-based), or None."""
    stream = [(page, i, t) for i, t in enumerate(page_lines[page]) if i > idx]
    for p in range(page + 1, min(len(page_lines), page + GRID_PAGES)):
        stream.extend((p, i, t) for i, t in enumerate(page_lines[p]))

    def stop(p: int, i: int, text: str) -> bool:
        return (p, i) in accepted or bool(_TABLE_TITLE.match(text)) or bool(_STOP_HEADING.match(text))

    return read_grid(stream, title, stop)


def _grid_clauses(grid: Grid, section: str, heading: str, order: int) -> list[ParsedClause]:
    """One table-row clause per case (cells by column, note letters in ``data["grid"]``) and one note clause
    per lettered note, all under the rule the table belongs to."""
    table_id = re.match(r"(?i)\s*(table\s+\S+)", grid.title)
    tid = table_id.group(1).rstrip(" -:") if table_id else grid.title
    columns = ["Case"] + [f"Column {letter} - {text}" for letter, text in grid.columns]
    out: list[ParsedClause] = []
    for row in grid.rows:
        cells = [f"Case {row.case}: {row.label}"]
        for value, notes in zip(row.cells, row.notes, strict=True):
            v = f"{value} {grid.unit}".strip() if grid.unit and value[:1].isdigit() else value
            cells.append(v + "".join(f" ({n})" for n in notes))
        body = "; ".join(f"{c}: {v}" for c, v in zip(columns[1:], cells[1:], strict=True))
        text = f"{tid}, Case {row.case} ({row.label}) \u2014 {body}"
        data = {
            "table": grid.title,
            "columns": columns,
            "cells": cells,
            "grid": {
                "case": row.case,
                "label": row.label,
                "letters": [letter for letter, _ in grid.columns],
                "notes": row.notes,
                "unit": grid.unit,
            },
        }
        out.append(ParsedClause(section, heading[:300], text, TABLE_ROW, row.page, order + len(out), data))
    for letter, text, page in grid.notes:
        note = f"Note ({letter}) to {tid}: {text}"
        data = {"table": grid.title, "note": letter}
        out.append(ParsedClause(section, heading[:300], note, NOTE, page, order + len(out), data))
    return out


def parse_spec(pages: list[str], filename: str) -> ParsedSpec:
    """Parse the page texts of a spec PDF (``pages[i]`` is page i+1); ``filename`` gives the fallback number.

    Args:
        pages: text of each page, as from ``engine.pdftext.extract_pages``.
        filename: the uploaded file's name; its stem is the document number when the text has none.

    Returns:
        ParsedSpec with the clauses in document order (``order`` 0, 1, 2...).
    """
    stem = os.path.splitext(os.path.basename(filename or ""))[0] or "document"
    page_lines = [_split_inline(lines) for lines in _page_lines(pages)]
    first = page_lines[0] if page_lines else []

    accepted, regulation = _section_chain(page_lines)
    # The body starts on page 1 at the first accepted section line.
    body_start = next((i for i in range(len(first)) if (0, i) in accepted), len(first))
    tb = _title_block(first, pages, body_start)
    number = tb.number or stem

    clauses: list[ParsedClause] = []
    cur: _Open | None = None
    headings: dict[str, str] = {}  # section -> its heading text
    numbered = False
    skipping = False  # inside a revision-history table or reference list
    table: dict | None = None
    free_heading = ""
    last_line = ""
    ctx_section, ctx_heading = "", ""  # the section the current line sits in, and its heading
    items: list[tuple[str, str, str]] = []  # the open sub-item path of the section: (number, style, title)

    def flush() -> None:
        nonlocal cur
        if cur is None:
            return
        if cur.data.get("title_line") and len(cur.lines) > 1:
            text = cur.lines[0].strip() + "\n" + _join(cur.lines[1:])
        else:
            text = _join(cur.lines)
        cur.data.pop("title_line", None)
        if text and (cur.section or len(text) >= 20):
            for piece in _cut(text, MAX_CLAUSE_CHARS if cur.section else CHUNK_CHARS):
                clauses.append(
                    ParsedClause(
                        cur.section, cur.heading[:300], piece, cur.kind, cur.page, len(clauses), cur.data
                    )
                )
        cur = None

    def parent_heading(sec: str) -> str:
        for prefix in _ancestors(sec):
            h = headings.get(prefix) or headings.get(prefix + ".0")  # "2.0 TRENCHING" over "2.1"
            if h:
                return h
        return ""

    consumed: set[tuple[int, int]] = set()  # lines a case-by-column table has read
    parts: list[
        tuple[int, str]
    ] = []  # (clause count when it began, "SECTION VIII - ... COMMUNICATION LINES")
    for pno, lines in enumerate(page_lines, start=1):
        for idx, line in enumerate(lines):
            if _PART.match(line) and (pno - 1, idx) not in consumed:
                flush()
                parts.append((len(clauses), " ".join(line.split())))
                continue
            if parts and parts[-1][1] and _APPENDIX.match(line):
                flush()
                parts.append((len(clauses), ""))  # an appendix belongs to no part of the Order
            if pno == 1 and idx < body_start and idx in tb.consumed:
                continue
            if (pno - 1, idx) in consumed:
                continue
            if not line:
                # a paragraph break ends an exception or note; what follows belongs to the section
                if cur is not None and cur.kind in (EXCEPTION, NOTE) and not skipping and table is None:
                    section, heading = cur.section, cur.heading
                    flush()
                    cur = _Open(section, heading, REQUIREMENT, pno, [])
                continue
            if _STOP_HEADING.match(line) or _REV_TABLE_HEADER.match(line):
                flush()
                table = None
                skipping = "history" if re.search(r"(?i)rev|history|change|log", line) else "references"
                continue
            m = _SECTION.match(line) if (pno - 1, idx) in accepted else None
            if m:
                flush()
                table = None
                skipping = False
                numbered = True
                sec = m.group("sec")
                item = m.group("item")  # "3.1(b)": section 3.1, item "b" in data
                rest = m.group("rest").strip()
                em = _EXC_NOTE.match(rest)
                if em:
                    kind = EXCEPTION if em.group("label").lower().startswith("exc") else NOTE
                    heading = (headings.get(sec) if item else "") or parent_heading(sec)
                elif item:
                    kind = REQUIREMENT
                    heading = headings.get(sec) or parent_heading(sec)
                elif (
                    _heading_like(rest)
                    or _title_case_sentence(rest)
                    or m.group("dot")
                    and _heading_like(rest.rstrip("."))
                ) and not rest.endswith(":"):
                    kind = REQUIREMENT
                    heading = rest
                    headings[sec] = rest
                else:
                    kind = REQUIREMENT
                    heading = parent_heading(sec)
                if kind == REQUIREMENT and _DEFINITION_HEADING.search(heading or ""):
                    kind = DEFINITION
                elif (
                    kind == REQUIREMENT and heading == rest and re.fullmatch(r"(?i)(general\s+)?notes?", rest)
                ):
                    kind = NOTE  # "7 Notes"
                cur = _Open(sec, heading, kind, pno, [rest] if rest else [])
                ctx_section, ctx_heading = sec, heading
                items = []
                if item:
                    cur.data["item"] = f"({item}){m.group('sub') or ''}" if item.isdigit() else item
                elif rest and heading == rest:
                    cur.data["title_line"] = True
                continue
            if skipping == "references":
                if re.match(r"(?i)^(appendix|annex|attachment|disclaimer)\b", line):
                    skipping = False
                else:
                    continue
            elif skipping:
                if (
                    _heading_like(line, 50)
                    and not _REV_TABLE_HEADER.match(line)
                    and not re.match(r"^\S{1,5}\s+\d", line)
                ):
                    skipping = False  # a new unnumbered heading ends the skipped block
                else:
                    continue
            if table is None and cur is not None and ctx_section and _UNTITLED_GRID_HEAD.match(line):
                # "Row  Highest voltage classification ... / Column A: minimum radial distance": a table printed
                # without a title, named by the rule's prose ("the radial distance of Table 54.6-A")
                named = _TABLE_MENTION.findall(" ".join(cur.lines))
                grid = (
                    _grid_after(page_lines, pno - 1, idx - 1, f"Table {named[-1]}", accepted)
                    if named
                    else None
                )
                if grid is not None:
                    flush()
                    section = _table_section(grid.title, named[-1], headings, ctx_section)
                    clauses.extend(_grid_clauses(grid, section, ctx_heading or "", len(clauses)))
                    consumed |= grid.consumed
                    continue
            tm = _TABLE_TITLE.match(line)
            if tm and (tm.group("rest") or "").strip():
                flush()
                grid = _grid_after(page_lines, pno - 1, idx, line, accepted)
                if grid is not None:
                    section = _table_section(grid.title, tm.group("t"), headings, ctx_section)
                    heading = (ctx_heading if ctx_section else free_heading) or ""
                    clauses.extend(_grid_clauses(grid, section, heading, len(clauses)))
                    consumed |= grid.consumed
                    table = None
                    continue
                table = {
                    "title": re.sub(r"\s+", " ", line).strip(),
                    "columns": None,
                    "section": _table_section(line, tm.group("t"), headings, ctx_section),
                    "heading": (ctx_heading if ctx_section else free_heading) or "",
                    "ncols": None,
                }
                # rows re-open the surrounding clause afterwards
                continue
            if table is not None:
                if _is_table_row_line(line):
                    if table["columns"] is None:
                        table["columns"] = []
                        if _is_header_line(line):
                            table["header"] = line
                            continue
                        table["header"] = ""  # no header row: the first line is already a row
                    cells, n = _table_row(line, table["ncols"])
                    if n == 1 and (table["ncols"] in (None, 1) or table.get("words")):
                        # a row of words ("Guy guard Yellow plastic" under "Item Material"): split at
                        # capitalised words when the header and the row agree on the column count
                        hdr = _caps_split(table["header"])
                        row = _caps_split(line)
                        if 2 <= len(hdr) <= 4 and len(row) == len(hdr):
                            table["ncols"], table["columns"], table["words"] = len(hdr), hdr, True
                            cells, n = row, len(row)
                    if table["ncols"] is None and n > 1:
                        # the header decides how many columns there are when the first row is
                        # ambiguous ("For 21 kV circuits 6 ft 8 ft 8 ft")
                        for k in range(n, 1, -1):
                            cols = _split_header(table["header"], k)
                            if len(cols) == k:
                                break
                        if len(cols) == k and k > 1:
                            table["ncols"], table["columns"] = k, cols
                            if k != n:
                                cells, n = _table_row(line, k)
                        else:
                            table["ncols"] = n
                            table["columns"] = [table["header"]] if table["header"] else []
                    elif n == 1 and table["ncols"] and (line.endswith(".") or len(line.split()) > 12):
                        table = None  # a sentence after the table: back to prose
                    if table is not None:
                        cols = table["columns"] or ([table["header"]] if table["header"] else [])
                        if not cols:
                            body = " | ".join(cells)
                        elif len(cols) == len(cells):
                            body = "; ".join(f"{c}: {v}" for c, v in zip(cols, cells, strict=True))
                        else:
                            body = f"{' | '.join(cols)}: {' | '.join(cells)}"
                        text = f"{table['title']} \u2014 {body}"
                        clauses.append(
                            ParsedClause(
                                table["section"],
                                (table["heading"] or "")[:300],
                                text,
                                TABLE_ROW,
                                pno,
                                len(clauses),
                                {"table": table["title"], "columns": list(cols), "cells": cells},
                            )
                        )
                        continue
                else:
                    table = None
            im = _ITEM.match(line) if regulation and ctx_section and table is None else None
            if im and (cur is None or cur.kind in (REQUIREMENT, DEFINITION)):
                # "(2) Above Private Property:", "a) Residential Premises: ... 12 feet": a sub-item of
                # the rule is a clause of its own, cited by the rule's number with the item in data
                flush()
                items = _item_path(items, im)
                label = "".join(f"({n})" if style == "paren" else n for n, style, _ in items)
                heading = " — ".join(
                    [headings.get(ctx_section) or ctx_heading] + [t for _, _, t in items if t]
                )
                cur = _Open(ctx_section, heading, REQUIREMENT, pno, [line], {"item": label})
                continue
            em = _EXC_NOTE.match(line)
            if em:
                flush()
                kind = EXCEPTION if em.group("label").lower().startswith("exc") else NOTE
                heading = ctx_heading if ctx_section else free_heading
                cur = _Open(ctx_section, heading, kind, pno, [line])
                continue
            if not numbered and _free_heading(line, last_line):
                # unnumbered prose: headings cut it into clauses
                flush()
                free_heading = ctx_heading = line
                cur = _Open(
                    "", line, NOTE if re.search(r"(?i)\bnotes?\b", line) else REQUIREMENT, pno, [line]
                )
                continue
            if cur is None:  # prose after a table: the section continues
                cur = _Open(
                    ctx_section, (ctx_heading if ctx_section else free_heading) or "", REQUIREMENT, pno, []
                )
            cur.lines.append(line)
            last_line = line
    flush()
    for k, (start, part) in enumerate(parts):
        end = parts[k + 1][0] if k + 1 < len(parts) else len(clauses)
        for c in clauses[start:end] if part else []:
            c.data = {**(c.data or {}), "part": part}

    # Front matter of a numbered document: page-1 prose before the first section (title-block
    # leftovers, boilerplate "General notes") is dropped unless it is an Exception/Note paragraph or
    # a table; later pages before the first section (a tariff's preamble) are kept. Unnumbered
    # documents keep all their prose.
    if numbered:
        first_sectioned = next((i for i, c in enumerate(clauses) if c.section), len(clauses))
        kept = [
            c
            for i, c in enumerate(clauses)
            if i >= first_sectioned or c.kind in (NOTE, TABLE_ROW, EXCEPTION) or c.page > 1
        ]
        clauses = kept
    if not clauses:
        # nothing but a title block: keep the text itself citable
        text = _join([line for lines in page_lines for line in lines if line])
        first_page = next((i for i, lines in enumerate(page_lines, start=1) if any(lines)), 1)
        clauses = [
            ParsedClause("", tb.title[:300], piece, REQUIREMENT, first_page, 0)
            for piece in (_cut(text, CHUNK_CHARS) if text.strip() else [])
        ]
    for i, c in enumerate(clauses):
        c.order = i
    return ParsedSpec(number, tb.title, tb.revision, tb.effective, clauses)


_MONTH_YEAR = re.compile(r"^(?i:[a-z]{3,9})\.?\s+\d{4}\b")


_ROW_VALUES_END = re.compile(r"(?:\s+(?:\d[\d,]*(?:\.\d+)?|\((?:[a-z]{1,2},?)+\)|-)){3,}\s*$")


def _section_shape(m: re.Match) -> bool:
    """Could this section-number line start a clause at all (whatever came before it)?"""
    rest = (m.group("rest") or "").strip()
    if m.group("sep").strip() == "-" and re.match(r"[A-Z]{1,2}\d{0,2}(?:\(|\.|$)", rest):
        return False  # "54.8-B(2)." wrapped onto a line of its own: a reference, not "54.8" titled "B(2)."
    if _ROW_VALUES_END.search(rest):
        return False  # "2 Communication conductors 24 (e) 24 48 72": a table row, not a rule
    if "(" in m.group("sec"):
        return True  # a Code of Federal Regulations paragraph label ("1910.269(l)(3)(i)") is never prose
    if m.group("kw") and (_forced(m) or rest[:1].isupper()):
        return True
    cand = m.group("sec")
    if not rest or not (rest[0].isupper() or rest[0] in "(\"'\u201c"):
        return False
    if _MONTH_YEAR.match(rest) or "=" in rest[:40]:
        return False  # "7 November 2020", "3 NSGC = New System ..." (footnotes)
    if "." not in cand:
        # top-level numbers must look like headings ("4 Vertical Clearances") or exceptions/notes,
        # or be numbered paragraphs ("7. Guys shall be ...", weighted lower in the chain)
        return (
            ((_heading_like(rest) or _title_case_sentence(rest)) and not rest.endswith(":"))
            or bool(_EXC_NOTE.match(rest))
            or (m.group("dot") is not None and len(rest) >= 12)
        )
    return True


def _titled(m: re.Match) -> bool:
    """A section number followed by a title-case heading ("4.4.6. Clearances Around Doors", "37 Minimum
    Clearances of Wires above Railroads")."""
    rest = (m.group("rest") or "").strip()
    if not (_heading_like(rest) or _title_case_sentence(rest)) or rest.endswith(":"):
        return False
    if "." not in m.group("sec") and len(_title_words(rest)) < 2:
        return False  # "37 Minimum Clearances of Wires ...", not "3 Poles"
    return _capitalised_words(rest) >= 0.6


def _forced(m: re.Match) -> bool:
    """``Section 4.1.2: ...`` / ``SECTION 4 - Title`` / ``1910.269(l)(3)`` always starts a clause;
    ``Section 5.2 of ...`` at the start of a wrapped line is only a candidate like any other."""
    if "(" in m.group("sec"):
        return True
    if not m.group("kw"):
        return False
    rest = (m.group("rest") or "").strip()
    if m.group("kw").strip().lower() == "rule" and not rest[:1].isupper():
        return False  # "Rule 57.8" / "Rule 54.8-B(2)." ending a wrapped line is a reference, not a heading
    if m.group("dot") and _heading_like(rest.rstrip(".")) and not rest.endswith(":"):
        return True  # "Section 2375.19.  Clearances from Buildings." (a code section's own title)
    return bool(m.group("sep").strip()) or not rest or (_heading_like(rest) and not rest.endswith(":"))


def _candidate_weight(m: re.Match) -> float:
    """How much a section-number line counts for the chain: numbered paragraphs count half."""
    if m.group("kw") or "." in m.group("sec"):
        return 1.0
    rest = (m.group("rest") or "").strip()
    if (_heading_like(rest) and not rest.endswith(":")) or _EXC_NOTE.match(rest):
        return 1.0
    return 0.5


def _section_chain(page_lines: list[list[str]], window: int = 16) -> tuple[set[tuple[int, int]], bool]:
    """Pick the section-number lines that form the document's numbering (a best-scoring chain).

    Every line that has the shape of a numbered section is a candidate; the chosen chain maximises
    (candidates kept) - 1.5 x (numbers skipped) - 2.5 x (changes of numbering style)
    - (top-level siblings on consecutive lines, as in a list), so numbered list
    items, footnote markers and stray values lose to the real numbering. The numbering may restart
    (a book of several documents) at a cost of ``RESTART_COST``. ``Section N`` lines are
    always kept. Dynamic programming over a bounded look-back window: linear in the candidates.

    Returns:
        ``({(page_index, line_index)}`` of the accepted section lines, whether the document numbers its
        rules the way a regulation does (letter suffixes such as ``54.8-B``: sub-items become clauses)).
    """
    cands = []  # (pos, tuple, style, keyword)
    lettered = 0
    for p, lines in enumerate(page_lines):
        for i, line in enumerate(lines):
            if not line[:1].isdigit() and line[:1] not in "SsRrAaCcPp\u00a7":
                continue
            m = _SECTION.match(line)
            if m and _section_shape(m):
                sec = _sec_tuple(m.group("sec"))
                if m.group("item"):  # "3.1(b)" follows "3.1(a)" like a sub-section
                    sec += (_item_ordinal(m.group("item")),)
                style = (len(sec) == 1, m.group("dot") is not None)
                cands.append(((p, i), sec, style, _forced(m), _candidate_weight(m), _titled(m)))
                lettered += "-" in m.group("sec")
    n = len(cands)
    if not n:
        return set(), False
    # Rules numbered with letter suffixes ("54.8-B", "56.4-A1") mark a regulation (a CPUC General
    # Order and its excerpts): its rule numbers leave gaps by design, so any increasing number follows.
    sparse = lettered >= 2
    best = [0.0] * n
    back = [-1] * n
    top_style = [c[2][1] if c[2][0] else None for c in cands]
    run_best, run_arg = (
        float("-inf"),
        -1,
    )  # best chain ending before the current candidate  # numbering style of the chain's last top level
    for k, (_, sec, style, _kw, _w, _t) in enumerate(cands):
        start_cost = 0.0 if sparse else 0.5 * max(0, sec[0] - 1) + 0.5 * sum(max(0, c - 1) for c in sec[1:])
        weight = cands[k][4]
        forced = cands[k][3]
        best[k] = weight - (0.0 if forced else min(start_cost, 1.0 if cands[k][5] else 3.0))
        if forced and run_arg >= 0 and run_best + weight > best[k]:
            # an explicit "Section N:" / "Rule N." heading continues whatever came before
            best[k], back[k] = run_best + weight, run_arg
        elif run_arg >= 0 and run_best - RESTART_COST + best[k] > best[k]:
            # numbering restarts (a spec book of several documents): pay for a new run
            best[k], back[k] = run_best - RESTART_COST + best[k], run_arg
        lo = max(0, k - window)
        bound = max(best[lo:k], default=float("-inf")) + 1.0  # no predecessor can give more
        for j in range(k - 1, lo - 1, -1):
            if best[k] >= bound:
                break
            psec = cands[j][1]
            # a title-case heading ("4.4.6. Clearances Around Doors and Windows") may follow after a
            # gap, as in an excerpt of a manual; list items and stray values are not titled
            titled = cands[k][5] and cands[j][5] and _plausible_next(psec, sec, gap=99)
            if (
                sec <= psec
                or best[j] + 1.0 <= best[k]
                or not (sparse or titled or _plausible_next(psec, sec))
            ):
                continue
            skip_cost = 0.0 if sparse else 1.5 * _skipped(psec, sec)
            score = best[j] + weight - (min(skip_cost, 0.5) if titled else skip_cost)
            (pp, pi), (kp, ki) = cands[j][0], cands[k][0]
            if len(sec) == len(psec) == 1 and pp == kp and ki == pi + 1:
                score -= 0.6  # siblings on consecutive lines: more likely a numbered list
            if style[0] and top_style[j] is not None and top_style[j] != style[1]:
                score -= 2.5  # "1 Introduction" numbering does not continue as "4. item"
            if score > best[k]:
                best[k], back[k] = score, j
                top_style[k] = style[1] if style[0] else top_style[j]
        if best[k] > run_best:
            run_best, run_arg = best[k], k
    end = max(range(n), key=lambda k: (best[k], k))
    chosen = set()
    k = end
    while k >= 0:
        chosen.add(cands[k][0])
        k = back[k]
    chosen.update(c[0] for c in cands if c[3])
    return chosen, sparse


def _skipped(prev: tuple[int, ...], cand: tuple[int, ...]) -> int:
    """How many section numbers were skipped going from ``prev`` to ``cand``."""
    k = 0
    while k < min(len(prev), len(cand)) and prev[k] == cand[k]:
        k += 1
    if k == len(prev):  # child: 4 -> 4.1 skips none, 4 -> 4.3 skips two
        return max(0, cand[k] - 1)
    return max(0, cand[k] - prev[k] - 1) + sum(max(0, c - 1) for c in cand[k + 1 :])


def _cut(text: str, limit: int) -> list[str]:
    """Cut a long text at paragraph or sentence ends into pieces of at most about ``limit`` chars."""
    if len(text) <= limit:
        return [text]
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end))
            if cut > start + limit // 3:
                end = cut + 1
        pieces.append(text[start:end].strip())
        start = end
    return [p for p in pieces if p]
