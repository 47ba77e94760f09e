"""Materials and states a statement requires ("shall be Douglas fir or fiberglass", "must be copper,
not aluminum") and whether a finding reports one.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.quantities import find_quantities


@dataclass
class Material:
    """A required material or state: one of ``options``; never one of ``forbidden`` (lower-case phrases)."""

    options: list[str]
    forbidden: list[str] = field(default_factory=list)


_MAT_LEAD = re.compile(
    r"\b(?:shall|must|should)\s+(?:only\s+)?(?:be|use)\s+(?:made\s+of\s+|constructed\s+of\s+|manufactured\s+from\s+|of\s+)?"
    r"|\b(?:shall|must)\s+consist\s+of\s+|\bmaterial\s*:\s*|\b(?:finished|painted|coloured|colored)\s+(?:in\s+)?",
    re.I,
)
_MAT_CUT = re.compile(
    r"[,.;:(]|\b(?:not|no|with|within|by|to|from|at|in|on|for|and\s+(?!\w+\s+or\b)|if|where|when|that|which|unless|except|located|placed|installed|mounted|rated|level|than)\b",
    re.I,
)
_VERBISH = re.compile(r"^(?:\w+ed|\w+en|level|plumb|tight|free|clear|able|used|kept|set|made|placed)\b", re.I)
_MAT_OK_PARTICIPLE = re.compile(
    r"^(?:galvanized|tinned|annealed|stranded|insulated|treated|painted|coated|copper[\s-]clad)\b", re.I
)
_FORBID = re.compile(
    r",?\s*(?:not|never|no)\s+(?!less|more|smaller|larger|greater|exceed|to|required|be\b|shallower)([a-z][a-z\s-]{1,30}?)(?=[.;,)]|$)",
    re.I,
)


def parse_materials(text: str) -> list[Material]:
    """Required materials/states of a statement: "shall be Douglas fir or fiberglass" ->
    options ["douglas fir", "fiberglass"]; "must be copper, not aluminum" -> forbidden ["aluminum"]."""
    out = []
    for m in _MAT_LEAD.finditer(text):
        rest = text[m.end() :]
        first = rest.split(" ", 1)[0] if rest else ""
        if not rest or first[:1].isdigit() or (_VERBISH.match(first) and not _MAT_OK_PARTICIPLE.match(rest)):
            continue
        if re.match(r"(?:a|an|the)\b", rest, re.I):
            rest = rest.split(" ", 1)[1] if " " in rest else ""
        cut = _MAT_CUT.search(rest)
        phrase = rest[: cut.start()] if cut else rest
        if find_quantities(phrase):
            phrase = phrase[: find_quantities(phrase)[0].start]
        options = [o.strip().lower() for o in re.split(r"\bor\b|/", phrase) if o.strip()]
        options = [" ".join(o.replace("-", " ").split()) for o in options if len(o) >= 3]
        if not options:
            continue
        forbidden = [" ".join(f.lower().replace("-", " ").split()) for f in _FORBID.findall(rest[:80])]
        out.append(Material(options, [f for f in forbidden if f]))
    return out


def phrase_state(phrase: str, text: str) -> bool | None:
    """True when ``phrase`` appears in ``text`` affirmed, False when negated ("not signed", "non-galvanized",
    "without ..."), None when absent. Hyphens count as spaces."""
    t = " " + " ".join(text.lower().replace("-", " ").split()) + " "
    p = " ".join(phrase.lower().replace("-", " ").split())
    found = None
    for m in re.finditer(rf"(?<![a-z0-9]){re.escape(p)}(?![a-z0-9])", t):
        before = t[max(0, m.start() - 25) : m.start()]
        if re.search(
            # one word may come between, or a coordinated one: "not plugged or sealed", "neither bonded nor"
            r"\b(?:not|no|non|neither|without|instead\s+of|rather\s+than|out\s+of|missing|lacks?|lacking|never)\s+"
            r"(?:\w+\s+(?:or|nor|and)\s+|\w+\s+)?$",
            before,
        ):
            found = False if found is None else found
        else:
            return True
    return found
