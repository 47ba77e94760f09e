"""Collecting figures, printing them as tables and judging them against the targets (docs/architecture.md,
"Performance targets", and the performance issue). Plain Python."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class NotAvailable(Exception):
    """A benchmark section cannot run yet (a component has not landed); the message says why."""


def fmt(value, digits: int = 3) -> str:
    """Format one figure for a table cell.

    ``None`` -> "-"; ints get thousands separators; floats keep ``digits`` significant digits
    (never scientific notation, at most 3 decimals); strings pass through.
    """
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        if value == 0:
            return "0"
        magnitude = int(math.floor(math.log10(abs(value))))
        decimals = min(3, max(0, digits - 1 - magnitude))
        return f"{value:,.{decimals}f}"
    return str(value)


def format_table(headers: list[str], rows: list[list]) -> str:
    """Render ``rows`` under ``headers`` as a plain-text table; numeric columns are right-aligned."""
    cells = [[fmt(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows) if rows else False
        for i in range(len(headers))
    ]

    def line(values: list[str]) -> str:
        parts = [v.rjust(widths[i]) if numeric[i] else v.ljust(widths[i]) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out)


@dataclass
class Section:
    """One block of the report: a table of figures plus the same figures as JSON."""

    key: str
    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unavailable: str = ""
    seconds: float = 0.0

    def render(self) -> str:
        """The section as printed text."""
        out = [f"== {self.title}"]
        if self.unavailable:
            out.append(f"not available: {self.unavailable}")
        if self.rows:
            out.append(format_table(self.headers, self.rows))
        out += [f"  {n}" for n in self.notes]
        return "\n".join(out)


@dataclass
class Target:
    """A performance target (docs/architecture.md): ``figure(figures) -> value or None`` compared with ``limit``."""

    name: str
    text: str
    figure: Callable[[dict], float | None]
    op: str  # "<" or ">="
    limit: float
    unit: str


def _get(*path):
    def getter(figures: dict):
        node = figures
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node if isinstance(node, int | float) and not isinstance(node, bool) else None

    return getter


TARGETS = [
    Target("submit_rate", "POST /analyze-audit-async (1 MB) saturated >= 150 req/s (50 closed-loop clients)",
           _get("submit", "concurrent", "rps"), ">=", 150, "req/s"),
    Target("submit_p99", "POST /analyze-audit-async (1 MB) p99 < 50 ms, 50 users open loop at 25 req/s",
           _get("submit", "open_loop", "p99_ms"), "<", 50, "ms"),
    Target("analysis", "10-page audit vs 2,000-page library < 0.5 s of worker time (CPU)",
           _get("stages", "worker_seconds"), "<", 0.5, "s"),
    Target("cold_start_2k", "cold start (library ready + first analysis) < 1 s at 2,000 pages",
           _get("stages", "cold_start_ms"), "<", 1000, "ms"),
    Target("cold_start_10k", "cold start (library ready + first analysis) < 3 s at 10,000 pages",
           _get("memory", "large", "cold_start_ms"), "<", 3000, "ms"),
    Target("throughput", ">= 30,000 audits/h steady, 2 workers, cache off, 2,000-page library (300 audits)",
           _get("throughput", "cache_off", "audits_per_hour_steady"), ">=", 30000, "audits/h"),
    Target("throughput_10k", ">= 20,000 audits/h steady, 2 workers, cache off, 10,000-page library",
           _get("throughput", "cache_off_10k", "audits_per_hour_steady"), ">=", 20000, "audits/h"),
    Target("memory", "worker peak RSS < 300 MB with a 10,000-page library (10-page audits)",
           _get("memory", "large", "peak_10p_mb"), "<", 300, "MB"),
    Target("memory_pair", "two workers together < 450 MB (PSS) with a 10,000-page library",
           _get("memory", "pair_pss_mb"), "<", 450, "MB"),
    Target("spec_import", "spec import >= 100 pages/s per core (pages per CPU-second)",
           _get("spec_import", "pages_per_second"), ">=", 100, "pages/s"),
    Target("pages", "every staff page < 200 ms with 100 audits and 50 specs (slowest page, median)",
           _get("pages", "slowest_ms"), "<", 200, "ms"),
]  # fmt: skip


def judge(figures: dict) -> list[dict]:
    """Compare the figures with each target.

    Returns:
        ``[{"target", "text", "value", "unit", "status"}]`` with status "met", "NOT MET" or
        "not available".
    """
    out = []
    for t in TARGETS:
        value = t.figure(figures)
        if value is None:
            status = "not available"
        elif (value < t.limit) if t.op == "<" else (value >= t.limit):
            status = "met"
        else:
            status = "NOT MET"
        out.append({"target": t.name, "text": t.text, "value": value, "unit": t.unit, "status": status})
    out.append(
        {
            "target": "accuracy",
            "text": "detection >= 95 %, verdict >= 90 %, citation >= 90 % on unseen corpora",
            "value": None,
            "unit": "",
            "status": "not measured here (make eval)",
        }
    )
    return out


@dataclass
class Report:
    """All sections of one run, the header lines and the target verdicts."""

    header: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def figures(self) -> dict:
        """``{section key: figures}``; an unavailable section gives ``{"not_available": reason}``."""
        out = {}
        for s in self.sections:
            out[s.key] = dict(s.figures)
            if s.unavailable:
                out[s.key]["not_available"] = s.unavailable
        return out

    def render_targets(self) -> str:
        """The target comparison block, one line per performance target."""
        rows = [[v["text"], fmt(v["value"]) + (f" {v['unit']}" if v["value"] is not None else ""), v["status"]]
                for v in judge(self.figures())]  # fmt: skip
        return "== Targets\n" + format_table(["target", "measured", "status"], rows)

    def render(self) -> str:
        """The whole report as printed to stdout."""
        parts = ["\n".join(self.header)] + [s.render() for s in self.sections] + [self.render_targets()]
        return "\n\n".join(parts)

    def to_json(self) -> dict:
        """The JSON document written to ``benchmarks/out/results.json``."""
        return {
            **self.extra,
            "header": self.header,
            "figures": self.figures(),
            "targets": judge(self.figures()),
        }

    def write_json(self, path: Path) -> None:
        """Write ``to_json()`` to ``path`` (parents created)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=2, default=str))
