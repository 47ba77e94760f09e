"""Section numbering: the sort key and enclosing sections of a number, lettered and numbered items
("(1)", "a)") under a rule, and which section-like lines start sections (a chain of plausible
next numbers across the document, so a value or date at a line start is not taken for one).

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re

from engine.spec.patterns import (
    ARTICLE,
    EXC_NOTE,
    ITEM_TITLE,
    MONTH_YEAR,
    ROW_VALUES_END,
    SECTION,
    capitalised_words,
    heading_like,
    title_case_sentence,
    title_words,
    unbracketed,
)

RESTART_COST = 4.0  # section numbering starting over: worth it only for a run of several sections


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


def item_path(path: list[tuple[str, str, str]], m: re.Match[str]) -> list[tuple[str, str, str]]:
    """The sub-item path after item line ``m``: ``(2)`` then ``a)`` gives ``(2)a``; an item of the
    same style as an open one replaces it and closes what was nested under it."""
    num, style = (m.group("p"), "paren") if m.group("p") else (m.group("c"), "close")
    kind = (style, num.isdigit())
    title = ITEM_TITLE.match(m.group("rest"))
    for depth, (n, st, _) in enumerate(path):
        if (st, n.isdigit()) == kind:
            return [*path[:depth], (num, style, title.group("t").strip() if title else "")]
    return [*path, (num, style, title.group("t").strip() if title else "")]


def ancestors(sec: str) -> list[str]:
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


def section_shape(m: re.Match[str]) -> bool:
    """Could this section-number line start a clause at all (whatever came before it)?"""
    rest = (m.group("rest") or "").strip()
    if m.group("sep").strip() == "-" and re.match(r"[A-Z]{1,2}\d{0,2}(?:\(|\.|$)", rest):
        return False  # "54.8-B(2)." wrapped onto a line of its own: a reference, not "54.8" titled "B(2)."
    if ROW_VALUES_END.search(rest):
        return False  # "2 Communication conductors 24 (e) 24 48 72": a table row, not a rule
    if "(" in m.group("sec"):
        return True  # a Code of Federal Regulations paragraph label ("1910.269(l)(3)(i)") is never prose
    if m.group("kw") and (_forced(m) or rest[:1].isupper()):
        return True
    cand = m.group("sec")
    if not rest or not (rest[0].isupper() or rest[0] in "(\"'\u201c["):
        return False
    if MONTH_YEAR.match(rest) or "=" in rest[:40]:
        return False  # "7 November 2020", "3 NSGC = New System ..." (footnotes)
    if "." not in cand:
        # top-level numbers must look like headings ("4 Vertical Clearances", "1  [Applications for underground
        # conduit]": a title an editor supplied in brackets) or exceptions/notes, or be numbered paragraphs
        # ("7. Guys shall be ...", weighted lower in the chain)
        rest = unbracketed(rest)
        return (
            ((heading_like(rest) or title_case_sentence(rest)) and not rest.endswith(":"))
            or code_title(cand, rest)
            or bool(EXC_NOTE.match(rest))
            or (m.group("dot") is not None and len(rest) >= 12)
        )
    return True


def code_title(sec: str, rest: str) -> bool:
    """A code section's long title-case heading: "2943 Work on or in Proximity to Underground High-Voltage Cables,
    Conductors or Equipment" (California Title 8), longer than a manual's headings run."""
    return (
        len(sec) >= 3
        and "." not in sec
        and len(rest) <= 120
        and rest[-1:] not in ".,;:"
        and capitalised_words(rest) >= 0.8
        and heading_like(" ".join(rest.split()[:8]))
    )


def _titled(m: re.Match[str]) -> bool:
    """A section number followed by a title-case heading ("4.4.6. Clearances Around Doors", "37 Minimum
    Clearances of Wires above Railroads")."""
    rest = unbracketed((m.group("rest") or "").strip())
    if code_title(m.group("sec"), rest):
        return True
    if not (heading_like(rest) or title_case_sentence(rest)) or rest.endswith(":"):
        return False
    if "." not in m.group("sec") and len(m.group("sec")) < 4 and len(title_words(rest)) < 2:
        return (
            False  # "37 Minimum Clearances of Wires ...", not "3 Poles" (a code's "2706  Application" is one)
        )
    return capitalised_words(rest) >= 0.6


def _forced(m: re.Match[str]) -> bool:
    """``Section 4.1.2: ...`` / ``SECTION 4 - Title`` / ``1910.269(l)(3)`` always starts a clause;
    ``Section 5.2 of ...`` at the start of a wrapped line is only a candidate like any other."""
    if "(" in m.group("sec"):
        return True
    if not m.group("kw"):
        return False
    rest = (m.group("rest") or "").strip()
    if m.group("kw").strip().lower() == "rule" and not rest[:1].isupper():
        return False  # "Rule 57.8" / "Rule 54.8-B(2)." ending a wrapped line is a reference, not a heading
    if m.group("dot") and heading_like(rest.rstrip(".")) and not rest.endswith(":"):
        return True  # "Section 2375.19.  Clearances from Buildings." (a code section's own title)
    return bool(m.group("sep").strip()) or not rest or (heading_like(rest) and not rest.endswith(":"))


def _candidate_weight(m: re.Match[str]) -> float:
    """How much a section-number line counts for the chain: numbered paragraphs count half."""
    if m.group("kw") or "." in m.group("sec"):
        return 1.0
    rest = unbracketed((m.group("rest") or "").strip())
    if (heading_like(rest) and not rest.endswith(":")) or EXC_NOTE.match(rest):
        return 1.0
    return 0.5


def _grouping_articles(page_lines: list[list[str]]) -> set[tuple[int, int]]:
    """Lines of articles that group a code's sections rather than number them: "Article 18. Conductors" over
    Sections 2816 and 2818 (California Title 8), where no section is numbered 18.x."""
    articles = {
        (p, i): int(m.group("n"))
        for p, lines in enumerate(page_lines)
        for i, line in enumerate(lines)
        if (m := ARTICLE.match(line))
    }
    if not articles:
        return set()
    code_sections: set[str] = set()  # bare section numbers of 100 or more: a code's ("2816", "2830")
    parents: set[int] = set()  # whole numbers with sections under them ("3" of "3.1")
    for lines in page_lines:  # one pass over the section-like lines serves both
        for line in lines:
            m = SECTION.match(line)
            if m is None:
                continue
            sec = m.group("sec")
            if not m.group("kw") and int(sec.split(".")[0].split("(")[0].split("-")[0]) >= 100:
                code_sections.add(sec)
            if "." in sec:
                parents.add(int(sec.split(".")[0]))
    if len(code_sections) < 2:
        return set()  # a standard's "Article 1 Purpose" numbers its own clauses
    return {pos for pos, n in articles.items() if n not in parents}


_DOCUMENT_LINE = re.compile(r"(?i)^\s*document\s*(?:no\.?|number|#|id)?\s*[:#]\s*\S")


def section_chain(page_lines: list[list[str]], window: int = 16) -> tuple[set[tuple[int, int]], bool]:
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
    grouping = _grouping_articles(page_lines)
    # the title block ("... Article 36 ..." / "Section 2944." / "Document: CCR-T8-ESO") comes before the body: a
    # bare number line above its "Document:" line is the end of a wrapped title line, not a section
    head = page_lines[0][:20] if page_lines else []
    title_end = next((i for i, x in enumerate(head) if _DOCUMENT_LINE.match(x)), -1)
    for p, lines in enumerate(page_lines):
        for i, line in enumerate(lines):
            if not line[:1].isdigit() and line[:1] not in "SsRrAaCcPp\u00a7":
                continue
            m = SECTION.match(line)
            if p == 0 and i < title_end and m and not re.search(r"[A-Za-z]{3}", line[m.end("sec") :]):
                continue
            # "Article 36 - Section 2944 Stations and Switchyards" over "2944 Work on or in Proximity to ...": the
            # article line names the section, which is then certainly one, however long its title
            named = (
                bool(m)
                and i > 0
                and (p, i - 1) in grouping
                and bool(
                    re.search(rf"\bSection\s+{re.escape(m.group('sec'))}\b", lines[i - 1])  # type: ignore[union-attr]
                )
            )
            if m and (named or section_shape(m)) and (p, i) not in grouping:
                sec = _sec_tuple(m.group("sec"))
                if m.group("item"):  # "3.1(b)" follows "3.1(a)" like a sub-section
                    sec += (_item_ordinal(m.group("item")),)
                style = (len(sec) == 1, m.group("dot") is not None)
                cands.append(((p, i), sec, style, _forced(m) or named, _candidate_weight(m), _titled(m)))
                lettered += "-" in m.group("sec")
    n = len(cands)
    if not n:
        return set(), False
    codes = sum(1 for c in cands if len(c[1]) == 1 and c[1][0] >= 100)  # a code's bare section numbers
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
            # (a code's sections, "2830 Insulated Conductors" then "2943 Work on ...", skip by the hundred)
            # "2812.1 Fenced ..." then "2944 Work ..." too, in a code (two bare section numbers of 100 or more)
            code = len(sec) == 1 and psec[0] >= 100 and (len(psec) == 1 or codes >= 2)
            titled = cands[k][5] and cands[j][5] and _plausible_next(psec, sec, gap=999 if code else 99)
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
