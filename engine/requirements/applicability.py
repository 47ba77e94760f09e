"""Applicability: the voltage class, surface, district, area flags, zone, grade and kind of work a text
names (``applicability``), and whether a clause's applicability fits a finding's (``compat``).
The words are data in ``engine.vocab``.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import cast

from engine.quantities import find_quantities
from engine.vocab import EXISTING_WORK, FLAGS, SETTINGS, SURFACES, VOLTAGE_CLASSES, phrase_regex

# One applicability fact: a set of classes (``voltage``, ``surface``, ``setting``, ``work``), a flag
# (``hftd``, ``avian``, ...; False when negated) or a label (``zone``, ``grade``); a key always has the same kind.
AppValue = set[str] | bool | str
Applicability = dict[str, AppValue]

VOLT_WORDS = [(name, phrase_regex(terms)) for name, terms in VOLTAGE_CLASSES.items()]
_SURFACES = [(name, phrase_regex(terms)) for name, terms in SURFACES.items()]
_FLAGS = [(name, phrase_regex(terms)) for name, terms in FLAGS.items()]
_NEGATORS = re.compile(
    r"(?:\boutside(?:\s+of)?|\bnot\s+(?:with)?in|\bnot\s+located\s+in|\bnot\s+(?:a|an|part\s+of)|\bnon[\s-]?|\bno\b|\bbeyond|\bexcept\s+in|\bother\s+than)\W+(?:\w+\W+){0,3}$"
)
_ZONE = re.compile(r"\bzone\s+([a-z0-9]{1,4})\b")
_GRADE = re.compile(r"\bgrade\s+([a-f])\b")
ELSEWHERE = re.compile(
    r"^\s*(?:elsewhere|otherwise|in\s+other\s+areas|outside\s+(?:of\s+)?(?:these|such)\b)", re.I
)

# the kind of place a rule is written for: a word naming the setting of a service territory, district or area
_SETTING = re.compile(rf"\b({'|'.join(SETTINGS)})\b")
# whether the work is on an existing structure (kept, transferred, reframed) or new construction
_EXISTING = phrase_regex(EXISTING_WORK)
_NEW = re.compile(r"\bnew(?:ly)?\b(?!\s+(?:or|and)\b)")
# the quick pre-filter: any word above, built from the same lists, so a word added to a list is never missed
APP_HINT = re.compile(
    "|".join(
        [rx.pattern for _, rx in VOLT_WORDS + _SURFACES + _FLAGS]
        + [_SETTING.pattern, _EXISTING.pattern, _NEW.pattern, _ZONE.pattern, _GRADE.pattern]
    )
)
_NEW_NEGATED = re.compile(r"\b(?:without|no|not|never)\s+(?:\w+\s+){0,2}$")


def applicability(text: str, *, infer_voltage: bool = False) -> Applicability:
    """Applicability facts named in ``text``.

    Returns a dict with any of: ``voltage`` (set of "primary"/"secondary"), ``surface`` (set), boolean flags
    ``hftd``, ``avian``, ``rock``, ``contamination``, ``heavy_loading``, ``light_loading`` (False when negated,
    e.g. "outside the high fire-threat district"), ``zone`` and ``grade`` labels. With ``infer_voltage``, a
    voltage written as a number sets the class (≤ 750 V secondary, above primary — the usual distribution split).
    """
    t = " ".join((text or "").lower().split())
    app: Applicability = {}
    if not infer_voltage and not APP_HINT.search(t):
        return app
    volts = {name for name, rx in VOLT_WORDS if rx.search(t)}
    if not volts and infer_voltage:
        for q in find_quantities(text):
            if q.kind == "voltage" and q.magnitude > 0:
                volts.add("secondary" if q.magnitude <= 750 else "primary")
    if volts:
        app["voltage"] = volts
    surf = {name for name, rx in _SURFACES if rx.search(t)}
    if surf:
        app["surface"] = surf
    for name, rx in _FLAGS:
        m = rx.search(t)
        if m:
            app[name] = not _NEGATORS.search(t[max(0, m.start() - 40) : m.start()])
    settings = {
        m.group(1)
        for m in _SETTING.finditer(t)
        if not re.search(
            r"\b(?:non|not|outside(?:\s+of)?)[\s-]*(?:\w+\s+){0,1}$", t[max(0, m.start() - 20) : m.start()]
        )
    }
    if settings:
        app["setting"] = settings
    work = set()
    if _EXISTING.search(t):
        work.add("existing")
    if any(not _NEW_NEGATED.search(t[max(0, m.start() - 30) : m.start()]) for m in _NEW.finditer(t)):
        work.add("new")
    if work:
        app["work"] = work
    m = _ZONE.search(t)
    if m:
        app["zone"] = m.group(1)
    m = _GRADE.search(t)
    if m:
        app["grade"] = m.group(1)
    return app


def merge_app(base: Mapping[str, AppValue], extra: Mapping[str, AppValue]) -> Applicability:
    """``extra`` overrides ``base`` key by key."""
    out = dict(base)
    out.update(extra)
    return out


def compat(clause_app: Mapping[str, AppValue], facts_app: Mapping[str, AppValue]) -> tuple[int, int]:
    """``(conflicts, matches)`` between a clause's applicability and the audit's facts.

    A key only counts when both sides state it; sets conflict when disjoint, flags and labels when different.
    """
    conflicts = matches = 0
    for key, cv in clause_app.items():
        if key not in facts_app:
            continue
        fv = facts_app[key]
        if isinstance(cv, set):
            if cv & cast("set[str]", fv):  # the same key on both sides: a set too
                matches += 1
            else:
                conflicts += 1
        elif cv == fv:
            matches += 1
        else:
            conflicts += 1
    return conflicts, matches
