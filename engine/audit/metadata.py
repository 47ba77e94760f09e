"""Audit header -> job metadata (PM number, notification number, people, date, score).

Plain Python, no Django. Reads ``Label: value`` pairs in the label spellings real audit
forms use (``engine.vocab.HEADER_LABELS``), whether one pair per line, several pairs on one line (two-column header
tables), the value on the line after its label, or a row of labels over a row of values.
All patterns are linear (no nested quantifiers), so a long audit is read in one pass.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from engine.dates import parse_date
from engine.vocab import HEADER_LABELS, OTHER_HEADER_LABELS, label_pattern, labels_pattern


@dataclass
class AuditMetadata:
    """The job identifiers and header facts of one audit; ``""`` when the audit lacks one."""

    pm_number: str = ""
    notification_number: str = ""
    location: str = ""
    contractor: str = ""
    foreman: str = ""
    auditor: str = ""
    audit_date: str = ""  # ISO 8601 (YYYY-MM-DD) or ""
    score: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The metadata as a plain dict of ``str`` values (the ``audit`` object of the result)."""
        return asdict(self)


# Label spellings per field (engine.vocab.HEADER_LABELS, as regular expressions). Order inside a field does
# not matter: the combined pattern tries longer spellings first.
_LABELS: dict[str, list[str]] = {
    fld: [label_pattern(t) for t in terms] for fld, terms in HEADER_LABELS.items()
}

# Spellings, longest first, each with its field.
_SPELLINGS = sorted(
    ((spelling, fld) for fld, spellings in _LABELS.items() for spelling in spellings),
    key=lambda x: -len(x[0]),
)
_ALT = "|".join(f"(?P<f{i}>{s})" for i, (s, _) in enumerate(_SPELLINGS))
# A label at the start of a line / cell: value follows after ':' '#' '-' or whitespace.
_LABEL_AT_START = re.compile(
    rf"(?:{_ALT})(?P<sep>\s*(?::|#|-(?=\s))|\s{{2,}}|\t|\s(?=\S)|\s*$)", re.IGNORECASE
)
# Free-text fields need a real separator (':' '#' '-', a wide gap, or the value on the next
# line): "Address the ..." in prose is not a label.
_TEXT_FIELDS = {"location", "contractor", "foreman", "auditor"}
# A label inside a line (second column): must be followed by ':' (or be a '#' label) and
# preceded by whitespace or a separator.
_LABEL_INSIDE = re.compile(rf"(?:(?<=\s)|(?<=\|)|(?<=/))(?:{_ALT})\s*:", re.IGNORECASE)

# A row of labels only (a header table's label row; the values are on the next line).
_LABEL_CELL = re.compile(rf"(?:{_ALT})\s*:?(?:\s+|$)", re.IGNORECASE)

# Labels of header cells outside the metadata set: they end the value before them
# ("Foreman: D. Haskins QC reviewer: QC Tech 3" -> foreman "D. Haskins").
_OTHER_LABELS = labels_pattern(OTHER_HEADER_LABELS)
# A value ends at the next label: a known one (metadata or other) followed by ':' after a space,
# or any capitalized one-to-three-word label followed by ':' after a wide gap / '|'.
_NEXT_LABEL = re.compile(
    rf"(?:(?<=\s)(?:{_ALT}|{_OTHER_LABELS})\s*:(?=\s|$))"
    r"|(?:(?:\s{2,}|\t|\s*\|\s*)[A-Z][A-Za-z.'&/-]*(?:[ ][A-Za-z][A-Za-z.'&/-]*){0,2}\s?:(?=\s|$))",
    re.IGNORECASE,
)
# "Field  Value": the header of a two-column label/value table; rows under it may part label
# and value by a single space ("Contractor Blackhawk Underground LLC").
_FIELD_VALUE_HEADER = re.compile(
    r"^(?:\s*(?:field|item|label|description|attribute|particulars?|information)s?\s*[|:]?\s+"
    r"(?:value|details?|entry|entries|information|data|response)s?){1,2}\s*$",  # "Field Value Field Value"
    re.IGNORECASE,
)
# Consecutive label-led lines that make a two-column form even without a header row.
_FORM_RUN = 3
_UNDERSCORED = re.compile(r"(?<=[A-Za-z])_(?=[A-Za-z])")

_PM_ANYWHERE = re.compile(
    r"\bPM\s*(?:order\s*)?(?:number|num\.?|no\.?|#)?\s*[:#]?\s*(\d{6,12})\b", re.IGNORECASE
)
_NOTIF_ANYWHERE = re.compile(
    r"\bnotif(?:ication)?\.?\s*(?:number|num\.?|no\.?|#)?\s*[:#]?\s*(\d{6,12})\b", re.IGNORECASE
)
_SCORE_ANYWHERE = re.compile(r"\d{1,3}(?:\.\d+)?\s*%\s*\(\s*\d+\s*/\s*\d+\s*\)")
_DIGITS = re.compile(r"\d{6,12}")
_SEP = re.compile(r"\s{2,}|\t|\s*\|\s*")

_FIRST_ITEM = re.compile(
    r"\s*(?:(?:go[- ]?back(?:\s+infraction)?|infraction|deficiency|violation|finding|item)\s*(?:#\s*)?\d{0,3}\s*[:\-–]"
    r"|(?:infraction|finding|item)\s*#?\s*\d{1,3}\b|[A-Z]{2,5}-\d{1,3}\s*:)",
    re.IGNORECASE,
)
_HEADER_PAGES = 2
_HEADER_LINES = 200


def _field_of(match: re.Match[str]) -> str:
    for name, value in match.groupdict().items():
        if value is not None and name != "sep":
            return _SPELLINGS[int(name[1:])][1]
    return ""


def _label_at(line: str, pos: int, form_row: bool = False) -> re.Match[str] | None:
    """The label at ``pos``; a free-text label parted from its value by one space only counts
    in a form row (a row of a label/value table)."""
    m = _LABEL_AT_START.match(line, pos)
    if m and m.group("sep") == " " and _field_of(m) in _TEXT_FIELDS:
        if not (form_row and _form_value(line[m.end() :])):
            return None
    return m


def _form_value(text: str) -> bool:
    """Does ``text`` read as a form cell's value (a name, an address) rather than the rest of a
    sentence ("conditions were wet all week.")? Capitalized or a number, a few words, no
    sentence end (an abbreviation such as "Inc." may end it)."""
    words = text.split()
    if not words or len(words) > 8 or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    last = words[-1]
    return not (last.endswith((".", "!", "?")) and len(last.rstrip(".!?")) > 3)


def _label_spans(line: str, form_row: bool = False, tabled: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, field) of every label in ``line``: one at its start, others followed by ':'."""
    spans: list[tuple[int, int, str]] = []
    stripped = len(line) - len(line.lstrip())
    m = _label_at(line, stripped, form_row)
    if m:
        spans.append((m.start(), m.end(), _field_of(m)))
    pos = spans[0][1] if spans else 0
    if ":" in line[pos:]:
        for m in _LABEL_INSIDE.finditer(line, pos):
            spans.append((m.start(), m.end(), _field_of(m)))
    # A cell start after a wide gap ("PM Number 3512   Notification 1200") needs no colon.
    for gap in _SEP.finditer(line):
        if any(s <= gap.end() < e or s == gap.end() for s, e, _ in spans):
            continue
        m = _label_at(line, gap.end())
        if m and m.end() > gap.end():
            spans.append((m.start(), m.end(), _field_of(m)))
    spans.sort()
    # Drop overlaps (keep the earliest).
    out: list[tuple[int, int, str]] = []
    for s in spans:
        if not out or s[0] >= out[-1][1]:
            out.append(s)
    if len(out) <= 1:
        cells = _cell_spans(line)
        if len(cells) >= 2 and cells[0][0] == stripped and (tabled or _plausible_cells(line, cells)):
            return cells  # a row under a "Field Value" header holds label/value pairs, long values included
    return out


_DANGLING = {"the", "a", "an", "by", "and", "or", "of", "to", "in", "at", "for", "with", "on", "was", "were"}


def _plausible_cells(line: str, cells: list[tuple[int, int, str]]) -> bool:
    """Form cells hold short values; prose broken at capitalized words does not."""
    for k, (_s, end, _f) in enumerate(cells):
        stop = cells[k + 1][0] if k + 1 < len(cells) else len(line)
        words = line[end:stop].split()
        if not words or len(words) > 6 or words[-1].lower() in _DANGLING:
            return False
    return True


_WORD_START = re.compile(r"(?:^|(?<=\s))[A-Z]")


def _cell_spans(line: str) -> list[tuple[int, int, str]]:
    """Labels of a form row whose cells have no colons ("Location Elm Rd Contractor Acme"):
    capitalized label words at word starts, single spaces allowed."""
    out: list[tuple[int, int, str]] = []
    for w in _WORD_START.finditer(line):
        if out and w.start() < out[-1][1]:
            continue
        m = _LABEL_AT_START.match(line, w.start())
        if m and m.end() > w.start() and (m.group("sep") or "").strip() != "-":
            out.append((m.start(), m.end(), _field_of(m)))
    return out


def _label_row(line: str) -> list[str]:
    """Fields of a line made only of labels (at least two), else ``[]``."""
    pos, fields = 0, []
    text = line.strip()
    while pos < len(text):
        m = _LABEL_CELL.match(text, pos)
        if not m or m.end() == pos:
            return []
        fields.append(_field_of(m))
        pos = m.end()
    return fields if len(fields) >= 2 else []


def _assign_row(pending: list[str], line: str, found: dict[str, str]) -> None:
    """Values of a label row, from the line under it: by cell, else by the values' shapes."""
    cells = [c for c in _SEP.split(line.strip()) if c.strip()]
    if len(cells) != len(pending):
        cells = [line.strip()] if len(pending) == 1 else line.split()
    if len(cells) == len(pending):
        for fld, cell in zip(pending, cells, strict=True):
            v = _fit(fld, cell)
            if v and fld not in found:
                found[fld] = v
        return
    digits = iter(_DIGITS.findall(line))
    for fld in pending:
        if fld in ("pm_number", "notification_number"):
            v = next(digits, "")
        elif fld in ("audit_date", "score"):
            v = _fit(fld, line)
        else:
            continue
        if v and fld not in found:
            found[fld] = v


def _form_rows(lines: list[str]) -> tuple[set[int], set[int]]:
    """Indexes of lines that are rows of a two-column label/value form: the lines under a
    ``Field Value`` header row that start with a label, and runs of at least ``_FORM_RUN``
    consecutive (non-blank) lines that each start with a label; and, of those, the rows under a
    ``Field Value`` header."""
    rows: set[int] = set()
    tabled: set[int] = set()
    run: list[int] = []
    under_header = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _FIELD_VALUE_HEADER.match(line):
            under_header, run = True, []
            continue
        m = _LABEL_AT_START.match(line, len(line) - len(line.lstrip()))
        if m and m.end() > len(line) - len(line.lstrip()):
            run.append(i)
            if under_header:
                rows.add(i)
                tabled.add(i)
            if len(run) >= _FORM_RUN:
                rows.update(run)
        else:
            under_header, run = False, []
    return rows, tabled


def _weak_label(label: str) -> bool:
    """A label parted from its value by a single space only (no ':', '#', '-', '|', tab or wide gap)."""
    return not re.search(r"[:#|\t-]|\s{2}", label)


_ABBREVIATION_END = re.compile(r"(?i)\b(?:inc|co|corp|ltd|llc|st|ave|rd|blvd|dr|jr|sr|no|e\.g|i\.e|[a-z])\.$")


def _cut_at_next_label(raw: str) -> str:
    """``raw`` up to the next label in it, when text comes before that label; the full stop of the sentence the
    label follows is no part of the value ("..., Canyon County, ID. Review score: 71%"), an abbreviation's is
    ("Acme Inc. Foreman: ...")."""
    for m in _NEXT_LABEL.finditer(raw):
        if _clean_value(raw[: m.start()]):
            return _without_stop(raw[: m.start()])
    return raw


def _without_stop(value: str) -> str:
    """``value`` without the full stop that ends its sentence before a next label (an abbreviation keeps it)."""
    value = value.rstrip()
    return value[:-1] if value.endswith(".") and not _ABBREVIATION_END.search(value) else value


def _clean_value(value: str) -> str:
    value = value.strip().strip("|").strip()
    value = re.sub(r"\s+", " ", value)
    return value.strip(" :-#|,;")


def _fit(fld: str, value: str) -> str:
    """The value normalized for its field, or ``""`` when it cannot be that field."""
    value = _clean_value(value)
    if not value:
        return ""
    if fld in ("pm_number", "notification_number"):
        m = _DIGITS.search(value)
        return m.group(0) if m else ""
    if fld == "audit_date":
        return parse_date(value)
    if fld == "score":
        full = _SCORE_ANYWHERE.search(value)
        value = full.group(0) if full else value
        value = re.sub(r"\s*/\s*", "/", re.sub(r"\s+%", "%", value))
        return value if re.search(r"\d", value) else ""
    if not re.search(r"[A-Za-z0-9]", value):
        return ""
    if fld in ("foreman", "auditor") and _PERSON_WITH_STOP.fullmatch(value):
        value = value[:-1]  # "Inspector: Sofia Antonelli." ends a sentence ("Smith & Assoc." keeps its stop)
    return value


# A letter to the contractor: the addressee block ("Delta Underground Constructors" / "Attn: Marcus
# Bell, Foreman") and the subject line ("Re: PM 35322019 / Notification 122108863 - Oak Court, Ripon").
_ATTN = re.compile(r"^\s*(?:attn|attention)\s*[:.]?\s+(?P<name>[^,]+?)\s*(?:,\s*(?P<title>.+?))?\s*$", re.I)
_PERSON = re.compile(r"[A-Z][a-z'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'-]+){1,2}")  # "Dana R. Whitlock"
_PERSON_WITH_STOP = re.compile(rf"{_PERSON.pattern}\.")
_EMAIL_FROM = re.compile(
    r"^\s*(?i:from)\s*:\s*(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3})\s*(?:<[^>]*>|\[[^\]]*\])?\s*$"
)
# "To: Luis Echeverria; Construction Coordinators": a person's name (a list or a role is none)
_EMAIL_TO = re.compile(r"^\s*(?i:to)\s*:\s*(?P<rest>.+)$")
_PERSON_NAME = re.compile(rf"(?P<name>{_PERSON.pattern})\s*(?:[;,<(]|$)")
_NOT_A_PERSON = re.compile(
    r"(?i)\b(?:qa|qc|file|list|distribution|operations|field|construction|coordinators?|team|crew|dept|department"
    r"|group|office|staff|all|engineering|records?|inspectors?|supervisors?)\b"
)
# "...; contractor High Plains Line Builders, Inc.)": a company's name, ending as companies are named
_INLINE_CONTRACTOR = re.compile(
    r"(?:^|[;(,])\s*(?:the\s+)?contractor\s+(?:is\s+|was\s+)?(?P<name>(?:[A-Z][\w&'-]*\s+){0,5}"
    r"(?:Inc\.|Incorporated|LLC|L\.L\.C\.|Co\.|Corp\.|Corporation|Company|Ltd\.|Constructors|Builders|Contracting"
    r"|Contractors|Construction|Electric|Services|Utilities)(?:,?\s+(?:Inc\.|LLC|Co\.|Corp\.|Ltd\.))?)"
)
_EMAIL_HEADER = re.compile(r"^\s*(?:sent|date|to|cc|subject)\s*:", re.I)
_JOB_LINE = re.compile(r"^\s*job(?:\s+name)?\s*:\s*(?P<job>\S.{5,})$", re.I)
# a letter's subject line (an e-mail's "Subject:" is a title, not a place)
_RE_LINE = re.compile(r"^\s*re\s*:\s*(?P<rest>.+)$", re.I)
_RE_IDS = re.compile(
    r"^(?:[A-Za-z][A-Za-z ]{0,30},)?"  # "Re: QA audit, PM 35413318, ..."
    # "Re: QA field visit of November 20, 2025 - PM 35403307, ...": the visit's date, then the identifiers
    r"(?:[A-Za-z][A-Za-z ]{0,40}\b(?:of|on)\s+(?P<visit>[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[\d/.-]{6,10})"
    r"\s*[-\u2013\u2014:,]\s*)?"
    r"(?:\s*(?:/|,|and)?\s*(?:pm|order|notification|notif\.?|job)\s*(?:number|no\.?|#)?\s*[:#]?\s*\d{6,12})+"
    r"\s*[-\u2013\u2014:,]\s*",
    re.I,
)


_SALUTATION = re.compile(r"(?i)^(?:dear|to\s+whom|hello|hi)\b")
_CLOSING = re.compile(r"(?i)^\s*(?:sincerely|regards|best\s+regards|respectfully|thank\s+you)\s*,?\s*$")
_AUDITOR_TITLE = re.compile(
    r"(?i)\b(?:auditor|inspector|reviewer|(?:[\w-]+\s+){1,3}engineer"
    r"|quality\s+(?:assurance|review)|qa|qc)\b"
)
_CREDENTIAL = re.compile(r",\s*(?:P\.\s?E\.|PE|CSP|CUSP|Jr\.|Sr\.)\s*$")  # "Helen Marquez, P.E."
# the addressee's title that makes them the crew's lead ("Attn: Dana Whitlock, General Foreman")
_CREW_LEAD = re.compile(
    r"(?i)\b(?:foreman|(?:crew|project|job|site)\s+lead(?:er)?|superintendent|(?:construction|field)\s+manager)\b"
)
# a subject line's activity before its place: "design review of the strength calculations for <place>"
_ACTIVITY = re.compile(
    r"(?i)^\s*(?:\w+\s+){0,3}(?:review|audit|inspection|visit|walk(?:down)?|observation)"
    r"(?:\s+[\w-]+){0,6}\s+(?:for|at|on)\s+(?=[A-Z0-9])"
)


def _letter_fields(lines: list[str]) -> dict[str, str]:
    """Contractor, foreman and location of a letter's addressee block and subject line, the auditor of an
    e-mail's "From:" line, and the job named by a "Job:" line as the location of a form without a location
    label (``{}`` if none)."""
    got: dict[str, str] = {}
    for i, line in enumerate(lines):
        if (m := _EMAIL_FROM.match(line)) and any(_EMAIL_HEADER.match(x) for x in lines[i + 1 : i + 4]):
            got["auditor"] = _clean_value(m.group("name"))
            # the QA e-mail goes to the crew's lead first ("To: Luis Echeverria; Construction Coordinators")
            to = next((t for x in lines[i + 1 : i + 4] if (t := _EMAIL_TO.match(x))), None)
            people = [
                p.group("name")
                for part in re.split(r"[;,]", to.group("rest") if to else "")
                if (p := _PERSON_NAME.match(part.strip())) and not _NOT_A_PERSON.search(p.group("name"))
            ]
            if people:
                got["foreman"] = people[0]
            continue
        if (m := _INLINE_CONTRACTOR.search(line)) and "contractor" not in got:
            got["contractor"] = _clean_value(
                m.group("name")
            )  # "...; contractor High Plains Line Builders, Inc.)"
        if (m := _JOB_LINE.match(line)) and not _DIGITS.fullmatch(m.group("job").strip()):
            got.setdefault("location", _clean_value(_cut_at_next_label(m.group("job"))))
            continue
        if (m := _ATTN.match(line)) and i > 0:
            company = next((ln.strip() for ln in reversed(lines[:i]) if ln.strip()), "")
            if company and not parse_date(company) and ":" not in company and _form_value(company):
                got["contractor"] = _clean_value(company)
            if _CREW_LEAD.search(m.group("title") or ""):
                got["foreman"] = _clean_value(m.group("name"))
        elif (m := _RE_LINE.match(line)) and (ids := _RE_IDS.match(m.group("rest"))):
            rest = m.group("rest")[ids.end() :]
            if ids.group("visit") and parse_date(ids.group("visit")):
                got["audit_date"] = parse_date(ids.group("visit"))  # the visit's date, not the letter's
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            # the line ran to the margin and the next is no labelled line ("Inspection score: 72.50%")
            full = (
                len(line) >= 0.85 * max(len(x) for x in lines[:60])
                and bool(nxt)
                and not re.match(r"[\w ]{1,30}:", nxt)
                and not _SALUTATION.match(nxt)
            )
            if (
                full
                or rest.rstrip().endswith(("to", "and", ",", "-", "\u2013"))
                or (nxt and len(nxt.split()) <= 4 and ":" not in nxt and not _SALUTATION.match(nxt))
            ):
                rest = (
                    f"{rest} {nxt}"  # the subject line wrapped ("... 1st Street to 9th" / "Street, Hanford")
                )
            rest = _ACTIVITY.sub("", rest)  # "design review of the calculations for <place>"
            rest = re.split(r"\.\s+(?=[A-Z][\w ]{0,30}:)", rest, maxsplit=1)[
                0
            ]  # "... 1 - 44. Review rating: 64%"
            place = _clean_value(rest)
            if place:
                got.setdefault("location", place)
        elif _CLOSING.match(line) and i + 2 < len(lines) and _AUDITOR_TITLE.search(lines[i + 2]):
            name = lines[i + 1].strip()  # "Sincerely," / "Peter Albrecht" / "QA Auditor, Hanford ..."
            if _PERSON.fullmatch(_CREDENTIAL.sub("", name)):
                got.setdefault("auditor", name)
    return got


def _wrapped_value(line: str, lines: list[str], i: int, form_rows: set[int]) -> bool:
    """Whether ``line`` (no label of its own) is the wrapped end of the value on the line before: a few
    words, no colon, and the header's labels go on right after it."""
    words = line.split()
    if not words or len(words) > 4 or ":" in line or line.isupper():
        return False
    nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return nxt is not None and bool(_label_spans(lines[nxt], nxt in form_rows))


def extract_metadata(pages: list[str]) -> AuditMetadata:
    """Read PM number, notification number, location, contractor, foreman, auditor, date, score.

    ``pages``: the text of each page (page 1 first). The first labelled value of each field
    wins (the header comes before any per-item ``Location:`` lines). PM and notification
    numbers are digit strings (typically 8 and 9 digits); ``audit_date`` is ISO
    ``YYYY-MM-DD``; ``score`` keeps the audit's wording with whitespace normalized
    (``46.59% (82/176)``). Fields the audit lacks stay ``""``. Never raises.
    """
    found: dict[str, str] = {}
    # Header fields sit at the top: labels are read on the first pages only; the
    # identifiers and the score are also searched in the whole text below.
    lines = [ln for page in pages[:_HEADER_PAGES] for ln in (page or "").split("\n")][:_HEADER_LINES]
    # a spreadsheet export names its cells "PM_Number", "Audit_Date"
    lines = [_UNDERSCORED.sub(" ", ln) for ln in lines]
    # Fields whose values come on following lines: one group per label line (a label row
    # takes one value row; a column of stacked labels takes one value line each).
    pending: list[list[str]] = []
    header_done = False  # past the first infraction: its "Location:" is not the job's
    form_rows, tabled = _form_rows(lines)
    wrapped: str | None = None  # a text field whose value ended its line (it may go on below)
    # Text fields read from a label parted from its value by one space only ("Contractor Safety
    # Observation Checklist", a form title): a later "Contractor: ..." with a real separator wins.
    weak: set[str] = set()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if not header_done and _FIRST_ITEM.match(line):
            header_done = True
            for fld in _TEXT_FIELDS:
                found.setdefault(fld, "")
        row = _label_row(line)
        if row:
            pending.append(row)
            continue
        spans = _label_spans(line, i in form_rows, i in tabled)
        if not spans:
            if pending:
                _assign_row(pending.pop(0), line, found)
            elif wrapped is not None and _wrapped_value(line, lines, i, form_rows):
                found[wrapped] = f"{found[wrapped]} {line.strip()}"  # "..., Placer" / "County"
            wrapped = None
            continue
        wrapped = None
        new_pending: list[str] = []
        for k, (start, end, fld) in enumerate(spans):
            stop = spans[k + 1][0] if k + 1 < len(spans) else len(line)
            raw = line[end:stop]
            if fld in _TEXT_FIELDS:
                raw = _cut_at_next_label(raw)
                if k + 1 < len(spans):
                    raw = _without_stop(raw)  # "Job location: ..., ID. Review score: 71%"
            v = _fit(fld, raw)
            if v:
                if fld not in found or (fld in weak and not _weak_label(line[start:end])):
                    found[fld] = v
                    weak.discard(fld)
                    if fld in _TEXT_FIELDS and _weak_label(line[start:end]) and i not in tabled:
                        weak.add(fld)
                    if fld in _TEXT_FIELDS and k == len(spans) - 1 and raw.strip() == line[end:].strip():
                        wrapped = fld  # the value ran to the end of its line: it may wrap onto the next
            elif not _clean_value(raw):
                new_pending.append(fld)
        if new_pending and (len(new_pending) == len(spans) or len(new_pending) == 1):
            pending.append(new_pending)
        else:
            pending = []
        if len(found) == len(_LABELS) and not weak:
            break
    for fld, v in _letter_fields(lines).items():
        if not found.get(fld):
            found[fld] = v
    text = "\n".join(pages)
    if "pm_number" not in found:
        m = _PM_ANYWHERE.search(text)
        if m:
            found["pm_number"] = m.group(1)
    if "notification_number" not in found:
        m = _NOTIF_ANYWHERE.search(text)
        if m:
            found["notification_number"] = m.group(1)
    if "score" not in found:
        m = _SCORE_ANYWHERE.search(text)
        if m:
            found["score"] = re.sub(r"\s+", " ", m.group(0))
    if "audit_date" not in found and pages:
        found["audit_date"] = parse_date(pages[0][:3000])
    return AuditMetadata(**{k: v for k, v in found.items() if v})
