"""Statements: a clause split into sentences, bullet lines and table rows, each with its constraints,
materials, applicability and modality; table rows read with their column headings.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from engine.quantities import Quantity, find_quantities
from engine.requirements.applicability import (
    ELSEWHERE,
    VOLT_WORDS,
    Applicability,
    applicability,
    merge_app,
)
from engine.requirements.constraints import (
    DEFAULT_GE,
    INTERVAL,
    Constraint,
    RowKey,
    comparator_before,
    count_key,
    parse_constraints,
    row_key,
)
from engine.requirements.materials import Material, parse_materials
from engine.requirements.modality import EXCEPTION_LEAD, NOTE_LEAD, modality
from engine.retrieval import tokenize


@dataclass
class Statement:
    """A sentence, bullet line or table row of a clause, parsed."""

    text: str
    constraints: list[Constraint]
    materials: list[Material]
    applicability: Applicability
    modality: str
    is_exception: bool
    is_note: bool
    subject: set[str]
    tokens: set[str]
    table: str = ""  # table title for table rows


_SENT_SPLIT = re.compile(
    r"(?:(?<=[a-z0-9)\]])|(?<=[A-Z]{2}))\.\s+(?=[A-Z])|;\s+(?=[A-Z])|(?=\bNote\s*\d*\s*:)|(?=\bExceptions?\s*\d*\s*:)"
    r"|(?<=\.[\])])\s+(?=[A-Z])"  # "... not reproduced in this excerpt.] Once a company knows ..."
    # "... nor contact any lower level. (iv)(C)(1) Each employee ...": the next lettered item
    r"|(?:(?<=[a-z0-9)\]])\.|(?<=\.[\])]))\s+(?=\((?:[ivx]{1,4}|[A-Za-z]|\d{1,2})\)(?:\(|\s+[A-Z]))"
)
_LISTS_EXCEPTIONS = re.compile(r"(?i)\bthe\s+following\b|\bas\s+follows\b|:\s*$|^\s*except\s*:")
_EXCEPT_FOR = re.compile(r"(?i)^\s*(?:\(?[a-z0-9]{1,4}\)\s*)*except\b(?!ions?\b)")
_ITEM_LABEL = r"\((?:[A-Za-z]|[ivx]{1,4}|\d{1,2})\)"  # "(b)", "(iv)", "(2)"
_ITEM_LEAD = re.compile(_ITEM_LABEL)
# an item's title: at most four words and no verb ("Manholes and vaults.", "(b) Ladders.")
_ITEM_TITLE = re.compile(
    rf"(?:(?:{_ITEM_LABEL})+\s+)?"
    r"(?!.*\b(?:is|are|was|were|be|applies|apply|covers?|has|have|includes?|means)\b)[A-Z][A-Za-z,&/-]*(?:\s+[A-Za-z,&/-]+){0,3}\.?"
)
_UNLESS = re.compile(r",?\s+\b(?:unless|except\s+(?:where|when|that|in|for|on|at|if))\b", re.I)
_NUMBERED_ITEM = re.compile(r"^\s*\(\d{1,2}\)\s+\S")
_BULLET = re.compile(r"^\s*(?:[-•*▪–]|\(?[a-z]\)|\(?[ivx]+\))\s+", re.I)
_TABLE_TITLE = re.compile(r"^\s*Table\s+[\w.-]*\d[\w.-]*\s+[A-Z(]")
_SUBJECT_CUT = re.compile(r"\b(?:shall|must|should|may|is|are|will|be|required|requires|to\s+be)\b|:", re.I)
GENERIC = frozenset(
    tokenize(
        """minimum maximum each every all any required requirement requirements general standard standards equipment
        installation installations installed install work item items area areas new type unit units system systems
        facility facilities value values table section document note exception following provided use used
        primary secondary voltage material materials shall must measured measurement point points condition
        conditions time times level levels least more less than ft inch inches feet foot kv v set place placed
        two most specify specified near within around beside about"""
    )
)


def subject_tokens(text: str) -> set[str]:
    """Tokens of a statement's subject: the words before its verb ("Transformer tanks shall ..." ->
    {transformer, tank}), minus generic words."""
    text = re.sub(
        r"^\s*it\s+is\s+(?:recommended|required|preferred|suggested|advisable|desirable|mandatory)\s+that\s+",
        "",
        text,
        flags=re.I,
    )
    m = _SUBJECT_CUT.search(text)
    head = text[: m.start()] if m else " ".join(text.split()[:6])
    return set(tokenize(head, keep_numbers=False)) - GENERIC


def _join_lines(lines: list[str], bullets: set[int] | None = None) -> list[str]:
    """Join wrapped lines into paragraphs; bullets and 'Note:'/'Exception:' lines start new ones. The indexes of
    the paragraphs that were bullets ("(D) Any of the following ...") are added to ``bullets``."""
    paras: list[str] = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if not paras or _BULLET.match(s) or NOTE_LEAD.match(s) or EXCEPTION_LEAD.match(s):
            if bullets is not None and _BULLET.match(s):
                bullets.add(len(paras))
            paras.append(_BULLET.sub("", s))
        elif _NUMBERED_ITEM.match(s):
            paras.append(s)  # "(2) ..." of a numbered list (kept: an exception's items stay exceptions)
        else:
            paras[-1] += " " + s
    return paras


def _split_table(lines: list[str]) -> tuple[list[str], list[tuple[str, str, list[str]]]]:
    """Separate table blocks (a ``Table ...`` title line, a header line, rows carrying values) from prose."""
    prose: list[str] = []
    tables: list[tuple[str, str, list[str]]] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if _TABLE_TITLE.match(ln) and i + 1 < len(lines) and not re.search(r"\b(?:shall|must)\b", ln):
            header = (
                lines[i + 1] if not find_quantities(lines[i + 1]) or re.search(r"\(", lines[i + 1]) else ""
            )
            j = i + (2 if header else 1)
            rows = []
            while (
                j < len(lines)
                and find_quantities(lines[j])
                and not re.match(r"^\s*\d+(?:\.\d+)+\s+[A-Z]", lines[j])
            ):
                rows.append(lines[j])
                j += 1
            if rows:
                tables.append((ln.strip(), header.strip(), rows))
                i = j
                continue
        prose.append(ln)
        i += 1
    return prose, tables


def _table_statements(
    title: str, header: str, rows: list[str], context: str, subj: set[str]
) -> list[Statement]:
    """One Statement per table row; the row's cells become constraints with the column's applicability."""
    cmp = None
    m = re.search(r"\b(minimum|min\.|maximum|max\.)", f"{title} {header}", re.I)
    if m:
        cmp = ">=" if m.group(1).lower().startswith("min") else "<="
    else:
        c, _ = comparator_before(context)
        cmp = c
    # column applicability: class words in the header, in order
    hl = header.lower()
    named = []
    for name, rx in VOLT_WORDS:
        for mm in rx.finditer(hl):
            named.append((mm.start(), name))
    cols = [name for _, name in sorted(named)]
    title_tokens = set(tokenize(title + " " + header, keep_numbers=False))
    out = []
    for row in rows:
        qs = primary_values(row)
        if not qs:
            continue
        label = row[: qs[0].start].strip(" :-–")
        key = None
        cells = qs
        if not label and len(qs) >= 2:
            key, cells = RowKey(qs[0].kind, qs[0].magnitude, qs[0].magnitude, qs[0].describe()), qs[1:]
        row_app = applicability(label)
        cons = []
        for ci, q in enumerate(cells):
            app = dict(row_app)
            if len(cols) == len(cells) and len(cells) > 1:
                app["voltage"] = {cols[ci]}
            c = cmp or (">=" if DEFAULT_GE.search(title + " " + header) else "==")
            lo = q.magnitude if c in (">=", ">", "==") else None
            hi = q.magnitude if c in ("<=", "<") else None
            col = f" ({cols[ci]})" if len(cols) == len(cells) and len(cells) > 1 else ""
            cons.append(
                Constraint(c, q.kind, lo, hi, q.describe() + col, [], app, key=key, explicit=cmp is not None)
            )
        label_tokens = set(tokenize(label, keep_numbers=False))
        out.append(
            Statement(
                text=f"{title}: {row.strip()}",
                constraints=cons,
                materials=[],
                applicability=row_app,
                modality="mandatory",
                is_exception=False,
                is_note=False,
                subject=(label_tokens - GENERIC) | subj,
                tokens=label_tokens | title_tokens | subj,
                table=title,
            )
        )
    return out


def primary_values(text: str) -> list[Quantity]:
    """Values of ``text`` without parenthetical equivalents ("18 ft (5.5 m)" -> [18 ft]) and temperatures."""
    qs = [q for q in find_quantities(text) if q.kind != "temperature"]
    return [q for q in qs if not re.search(r"\(\s*[\d.\s-]*$", text[max(0, q.start - 12) : q.start])]


def split_row_text(row: str, header: str = "") -> tuple[list[str], list[str]]:
    """(columns, cells) for a table row the spec import kept as one string: the label is the text before the
    first value, each value a cell; value columns take the voltage classes named in ``header`` in order."""
    qs = primary_values(row)
    if not qs:
        return [], [row]
    label = row[: qs[0].start].strip(" :-–")
    hl = header.lower()
    classes = sorted((m.start(), name) for name, rx in VOLT_WORDS for m in rx.finditer(hl))
    names = [name.capitalize() for _, name in classes] if len(classes) == len(qs) else [""] * len(qs)
    if not label and len(qs) >= 2:
        return [""] + names[1:], [qs[0].text] + [q.text for q in qs[1:]]
    return [""] + names, [label] + [q.text for q in qs]


def _voltage_class_of_range(col: str) -> set[str]:
    """The voltage class a column named by a voltage range covers ("0 - 750 V" -> secondary, "750 V - 22 kV"
    -> primary; the usual distribution split at 750 V), or an empty set."""
    vs = [q.magnitude for q in find_quantities(col) if q.kind == "voltage"]
    if len(vs) != 2:
        return set()
    lo, hi = sorted(vs)
    if hi <= 750:
        return {"secondary"}
    if lo >= 600:
        return {"primary"}
    return set()


def _voltage_column_key(col: str) -> RowKey | None:
    """The voltage range a value column is named by ("300 volts or less", "Over 300 volts", "750 V - 22 kV"):
    the column's value holds for circuits in that range only (Cal. Code Regs. Title 8 Table 2375.7 style).
    None when the column names no voltage range."""
    key = row_key(col)
    if key is None or key.kind != "voltage" or key.lo == key.hi:
        return None
    return key


_COLUMN_FALLBACK = re.compile(r"^\s*(?:all\s+)?(?:other|remaining)\b|\b(?:elsewhere|otherwise)\b", re.I)


_ROW_NUMBER = re.compile(r"\s*\d{1,3}\s*")
_ROW_NUMBER_COLUMN = re.compile(
    r"(?i)\s*(?:row|case|item)?\s*(?:no\.?|number|#)?\s*"
)  # "Case No.", "Row", "#"
_PAIRED_VALUE = re.compile(r"\s*([\d.,/]+)\s*\(([\d.,/]+)\)\s*")

_HEAD_UNIT = re.compile(r"\((?:[^()]*?[\s,])?(kV|V|ft|feet|in|inches|m|mm|kVA|A)(?=[\s,)])[^()]*\)")


# the unit a table's title gives its values in: "Distribution Inspection Cycles (Maximum Intervals in Years)",
# "Wood Strengths (modulus of rupture in bending (a), lbs per square inch)"
_TITLE_UNIT = re.compile(
    r"(?i)(?:\bin|,)\s+(years|months|days|feet|inches|volts|kilovolts|psi|lbs per square inch|pounds per square inch)\b"
)


def _describes_case(column: str, cell: str) -> bool:
    """Whether a row's cell names its case rather than a value: it holds no quantity but voltages ("3-wire,
    120/240 volts") and its column is no voltage range ("Systems of more than 600 V") or value column."""
    if (
        _voltage_column_key(column) is not None
        or _HEAD_UNIT.search(column)
        or not re.search(r"[A-Za-z]{3}", cell)
    ):
        return False
    return all(q.kind == "voltage" for q in find_quantities(cell))


def table_row_statement(
    title: str, columns: list[str], cells: list[str], context: str = ""
) -> Statement | None:
    """A Statement for one table row given as cells (``columns[i]`` names ``cells[i]``).

    The first cell is the row label, or the row key when it is a value (pole length -> setting depth);
    value columns named with a voltage class ("Primary (750 V-22.5 kV)") carry that class. The comparator
    comes from "minimum"/"maximum" in the title or column name, else from ``context`` (the sentence that
    refers to the table, e.g. "not less than the values in Table 4-1").
    """
    if not cells:
        return None
    columns = list(columns) + [""] * (len(cells) - len(columns))
    if len(cells) >= 3 and _ROW_NUMBER.fullmatch(cells[0]) and _ROW_NUMBER_COLUMN.fullmatch(columns[0] or ""):
        # "Row | Nominal voltage (kV) | ...": the row's number is no label; the next cell keys the row
        columns, cells = columns[1:], cells[1:]
    label = cells[0]
    start = 1
    while start < len(cells) - 1 and _describes_case(columns[start] or "", cells[start]):
        # "Single phase | 3-wire, 120/240 volts | The mid point": the cells before the last that name the case
        # (no value of their own but a voltage, under no voltage-range column) are the row's label
        label, start = f"{label}, {cells[start]}", start + 1
    head_unit = _HEAD_UNIT.search(columns[0] or "")
    if head_unit and re.fullmatch(r"\s*(?:(?:up\s+to|over|to|through|and|-)\s*|[\d.,/]+\s*)+", label):
        # "Length of pole (ft)" / "40": a 40 ft row key; "Voltage (nominal, kV, ...)" / "over 50 to 200"
        label = f"{label.strip()} {head_unit.group(1)}"
    key = row_key(label) if len(cells) >= 2 else None
    if key is None and len(cells) >= 2:
        key = count_key(label)
    kq = [q for q in find_quantities(label) if q.kind != "temperature"]
    if kq and len(label.strip()) <= len(kq[0].text) + 3:
        label = columns[0]
    row_app = applicability(label)
    cons = []
    for ci in range(start, len(cells)):
        col = columns[ci] or ""
        qs = [q for q in find_quantities(cells[ci]) if q.kind != "temperature"]
        unit = re.search(r"\(([^()]{1,12})\)\s*$", col) or _TITLE_UNIT.search(title)
        if not qs and unit and re.fullmatch(r"\s*[\d.,/ ]+\s*", cells[ci]):
            # the unit is in the column name: "Minimum cover (mm)" / "1000"
            qs = [
                q
                for q in find_quantities(f"{cells[ci].strip()} {unit.group(1).lower()}")
                if q.kind != "temperature"
            ]
        if not qs and unit and (pair := _PAIRED_VALUE.fullmatch(cells[ci])):
            # "m (ft)" / "0.65 (2.14)": the value and its equivalent in the parenthesised unit (1910.269 Table R-6)
            qs = [q for q in find_quantities(f"{pair.group(2)} {unit.group(1)}") if q.kind != "temperature"]
        if not qs:
            continue
        q = qs[0]
        m = re.search(r"\b(minimum|min\.|maximum|max\.)", f"{title} {col}", re.I)
        if m:
            cmp = ">=" if m.group(1).lower().startswith("min") else "<="
            explicit = True
        elif q.kind == "time" and INTERVAL.search(cells[ci][: q.start]):
            cmp, explicit = "<=", True  # "every 6 months thereafter": the longest time between tests
        else:
            before, _ = comparator_before(context)
            explicit = before is not None
            cmp = before or (">=" if DEFAULT_GE.search(f"{title} {col} {context}") else "==")
        if q.kind == "voltage" and cmp == "==" and not explicit:
            continue  # "4-wire star, 120/208 volts" names the case the row is for; it sets no limit
        if q.kind.startswith("count:") and cmp == "==" and not explicit and q.text[:1].isalpha():
            continue  # "One conductor" (the point to be grounded) names a thing, not a number required
        app = dict(row_app)
        volts = {name for name, rx in VOLT_WORDS if rx.search(col.lower())} or _voltage_class_of_range(col)
        if volts:
            app["voltage"] = volts
        lo = q.magnitude if cmp in (">=", ">", "==") else None
        hi = q.magnitude if cmp in ("<=", "<") else None
        tag = f" ({col.split('(')[0].strip()})" if volts else ""
        # the column names the place or case of its value ("Door (operating) side"); "Other sides" is the fallback
        fallback = bool(_COLUMN_FALLBACK.search(col))
        place = tokenize(col, keep_numbers=False)
        cq = primary_values(col)
        column_value = (cq[0].kind, cq[0].magnitude) if cq and not volts else None
        col_key = _voltage_column_key(col) if key is None and not volts else None
        if col_key is not None:
            column_value, tag = None, f" ({col.strip()})"
        cons.append(
            Constraint(
                cmp,
                q.kind,
                lo,
                hi,
                q.describe() + tag,
                [],
                app,
                key=key or col_key,
                column_key=col_key is not None,
                explicit=explicit,
                place=place,
                fallback=fallback,
                column_value=column_value,
            )
        )
    label_tokens = set(tokenize(label, keep_numbers=False))
    title_tokens = set(tokenize(title + " " + " ".join(columns), keep_numbers=False))
    ctx_subject = subject_tokens(context) if context else set()
    # the words of cells that are words ("Before first issue and every 6 months; after repair") say what the row
    # asks as much as its label does
    cell_tokens = set(tokenize(" ".join(cells[start:]), keep_numbers=False))
    text = f"{title}: " + "; ".join(f"{c}: {v}" if c else v for c, v in zip(columns, cells, strict=False))
    # a row of words binds as its cells say ("Lesser depth permitted"); a row of values is the table's limit
    words = " ".join(cells[start:])
    said = modality(words) if not cons else "mandatory"
    if said == "statement" and re.search(r"(?i)\b(?:permitted|allowed|acceptable)\b", words):
        said = "permissive"  # a cell reads "Lesser depth permitted" without the verb
    return Statement(
        text=text,
        constraints=cons,
        materials=[],
        applicability=row_app,
        modality=said if said in ("permissive", "recommended") else "mandatory",
        is_exception=False,
        is_note=False,
        subject=(label_tokens - GENERIC) | ctx_subject | (title_tokens - GENERIC),
        tokens=label_tokens | title_tokens | ctx_subject | cell_tokens,
        table=title,
    )


_FOLLOWING_CONDITIONS = re.compile(
    r"\b(?:when|where|if|whenever)\s+(?:(?:any|either|one|each|all|both)\s+of\s+)?the\s+following\b[^.:]*:",
    re.I,
)
# "... provided all of the following are met:": the items are the permission's conditions, not requirements; "...
# shall be worn, except as follows:": the items are exceptions
_PROVISO_LIST = re.compile(
    r"(?i)\b(?:provided|if|when|where|unless|only)\b[^:]*\bfollowing\b|\bexcept\b[^:]*\bfollows?\b"
)
_LISTED_ITEM = re.compile(r"^\s*(?:\(?[A-Za-z]\)|[A-Z]\.|\(?\d{1,2}\)|\d{1,2}\.)\s+\S")


_BRACKETED = re.compile(r"\[[^\[\]]{0,600}\]")


def _with_item_titles(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Each lettered item's title joined to the sentence after it ("(b) Manholes and vaults." + "(2) Employees
    shall use a ladder ..."): the title names what the item's rule is about."""
    out: list[tuple[str, bool]] = []
    for sent, forced in pieces:
        if (
            out
            and not out[-1][1]
            and _ITEM_LEAD.match(sent)
            and _ITEM_TITLE.fullmatch(out[-1][0])
            and modality(out[-1][0]) == "statement"
        ):
            sent = f"{out.pop()[0]} {sent}"
        out.append((sent, forced))
    return out


def parse_statements(text: str, heading: str = "") -> list[Statement]:
    """Split a clause's text into parsed statements (prose sentences, bullets, Note/Exception parts, table rows).

    A sentence opening with "Elsewhere"/"Otherwise" takes the negation of the previous sentence's area flags.
    """
    lines = (text or "").split("\n")
    prose, tables = _split_table(lines)
    out: list[Statement] = []
    prev_app: Applicability = {}
    in_exception = False
    under_conditions = False  # items listed after "... when either of the following conditions applies:"
    list_lead: Statement | None = None  # a binding sentence that lists its items after a colon
    bullets: set[int] = set()
    for n_para, para in enumerate(_join_lines(prose, bullets)):
        in_note = False  # a note's sentences after its first ("Note to (t)(7)(i): ... . Oil leaking ...")
        if EXCEPTION_LEAD.match(para) and not (
            _EXCEPT_FOR.match(para) and not _LISTS_EXCEPTIONS.search(para)
        ):
            in_exception = (
                True  # "Exception: ..." heads what follows; "Except for X, guarding shall ..." only itself
            )
        elif in_exception and (NOTE_LEAD.match(para) or not _NUMBERED_ITEM.match(para)):
            in_exception = False  # the exceptions' numbered items have ended
        pieces: list[tuple[str, bool]] = []
        for sent in _SENT_SPLIT.split(para):
            sent = sent.strip()
            m = _UNLESS.search(sent)
            if m and m.start() > 10 and not EXCEPTION_LEAD.match(sent):
                # "36 in of cover, unless encased in concrete, in which case 24 in" -> rule + exception
                pieces += [(sent[: m.start()].strip(), False), (sent[m.start() :].strip(" ,;"), True)]
            else:
                pieces.append((sent, False))
        for sent, forced in _with_item_titles(pieces):
            if len(sent) < 3:
                continue
            is_note = in_note or bool(NOTE_LEAD.match(sent))
            if is_note:
                in_exception = False  # "Note to (t)(7)(i): ..." after an exception explains the rule
                in_note = True
            is_exc = not is_note and (forced or in_exception or bool(EXCEPTION_LEAD.match(sent)))
            first_q = find_quantities(sent)
            pre = sent[: first_q[0].start] if first_q else sent
            app = applicability(pre)
            if ELSEWHERE.match(sent):
                neg = {k: not v for k, v in prev_app.items() if isinstance(v, bool)}
                app = merge_app({k: v for k, v in prev_app.items() if k == "voltage"}, neg) | app
            sent_app_full = applicability(sent)
            mod = modality(sent)
            # an editor's note in square brackets ("[AWG sizes run backwards: No. 4 AWG is smaller than No. 2
            # AWG]", "[Rule 37 is not reproduced]") explains the text; its values are no limits
            cons = parse_constraints(_BRACKETED.sub(lambda b: " " * len(b.group(0)), sent), app)
            if under_conditions and _LISTED_ITEM.match(sent):
                # Greenbook 4.2: "PG&E does not supply a new overhead service when either of the following
                # conditions applies: ... B. ... a transformer rated 75 kVA or larger": the values say when
                cons = [replace(c, condition=True) for c in cons]
            elif _FOLLOWING_CONDITIONS.search(sent):
                under_conditions = True
            elif not _LISTED_ITEM.match(sent):
                under_conditions = False
            mats = parse_materials(sent)
            subj = subject_tokens(
                re.sub(r"^\s*(?:exceptions?|notes?)\s*\d*\s*[:.-]\s*", "", sent, flags=re.I)
            )
            toks = set(tokenize(sent))
            if (ELSEWHERE.match(sent) or forced) and out:
                # "Elsewhere the minimum clearance is 18 in." continues the previous sentence's subject
                subj |= out[-1].subject
                toks |= out[-1].tokens if not forced else set()
            item = bool(
                n_para in bullets
                or _LISTED_ITEM.match(sent)
                or sent[:1].islower()
                or sent.rstrip().endswith((";", ","))
            )
            if list_lead is not None and mod == "statement" and item and not cons:
                # "(B) ozone cutting or ozone checking" under "Insulating equipment with any of these defects may not
                # be used:" (29 CFR 1910.137(c)(2)(iii)): an item of words binds as the sentence that lists it says
                # (an item with values keeps them as its own limits)
                mod, subj, toks = list_lead.modality, subj | list_lead.subject, toks | list_lead.tokens
                sent = f"{list_lead.text} {sent}"
            elif not item:
                list_lead = None
            out.append(
                Statement(
                    text=sent,
                    constraints=cons,
                    materials=mats,
                    applicability=app if cons else merge_app(sent_app_full, app),
                    modality=mod,
                    is_exception=is_exc,
                    is_note=is_note,
                    subject=subj,
                    tokens=toks,
                )
            )
            prev_app = merge_app(sent_app_full, app)
            if (
                sent.rstrip().endswith(":")
                and mod != "statement"
                and not under_conditions
                and not _PROVISO_LIST.search(sent)
            ):
                list_lead = out[-1]
        if not EXCEPTION_LEAD.match(para) and not _NUMBERED_ITEM.match(para):
            in_exception = False
    for title, header, rows in tables:
        ref = next((s for s in out if "table" in s.text.lower() and not s.is_exception), None)
        subj = ref.subject if ref else set()
        out.extend(_table_statements(title, header, rows, ref.text if ref else "", subj))
    return out
