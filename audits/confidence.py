"""One rounding rule for a finding's confidence in every output (page, API, CSV, PDF, admin, command).

A confidence is a number from 0 to 1 shown with two decimals, rounded half up (0.825 -> 0.83), the way a
person rounds; Python's ``f"{0.825:.2f}"`` gives "0.82" and Django's ``floatformat`` "0.83", which is why
the outputs disagreed before.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")


def round_confidence(value: float | None) -> float:
    """``value`` (0-1, or None for no finding) rounded half up to two decimals, as a float."""
    if value is None:
        return 0.0
    return float(Decimal(repr(float(value))).quantize(_CENT, rounding=ROUND_HALF_UP))


def confidence_label(value: float | None) -> str:
    """The confidence as every output prints it: ``"0.83"``."""
    return f"{round_confidence(value):.2f}"
