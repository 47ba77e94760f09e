"""Builders for the audit exports: findings CSV and the repeal request PDF (fpdf2).

Both take an ``Audit`` and a list of its ``Infraction`` rows with their ``finding`` already loaded
(``select_related("finding")``), so they run no queries of their own; the views stay thin.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from fpdf import FPDF

from audits.confidence import confidence_label
from audits.models import Audit, Finding, Infraction

log = logging.getLogger(__name__)

# fpdf2 subsets fonts with fontTools, which logs every table at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

CSV_COLUMNS = [
    "audit_file",
    "pm_number",
    "notification_number",
    "code",
    "page",
    "description",
    "verdict",
    "confidence",
    "reason",
    "spec_references",
    "citations",
    "quote",
]

# Cells starting with these are formulas to a spreadsheet; prefix them so they stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Looked up in order; the first directory that has both faces is used. Without one, text is
# reduced to Latin-1 (fpdf2's core fonts) by ``latin1_text``.
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts/dejavu",
)

_LATIN1_REPLACEMENTS = {
    "≥": ">=",
    "≤": "<=",
    "≠": "!=",
    "±": "+/-",
    "‘": "'",
    "’": "'",
    "‚": ",",
    "“": '"',
    "”": '"',
    "„": '"',
    "–": "-",
    "—": "-",
    "−": "-",
    "…": "...",
    "•": "*",
    "Ω": "ohm",
    "°": " deg",
    "×": "x",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}


def verdict_of(infraction: Infraction) -> str:
    """The verdict of ``infraction`` (``NEEDS_REVIEW`` when it has no finding yet)."""
    finding = getattr(infraction, "finding", None)
    return finding.verdict if finding else Finding.Verdict.NEEDS_REVIEW


def citations_of(infraction: Infraction) -> list[dict]:
    """The citations of ``infraction``'s finding, best first (empty without a finding)."""
    finding = getattr(infraction, "finding", None)
    return list(finding.citations or []) if finding else []


def infraction_name(inf: Infraction) -> str:
    """How an infraction is named in a heading: its code when the code names it ("Go-back Infraction 2"),
    else "Infraction <code or number>" ("Infraction NCI-01", "Infraction 3")."""
    code = (inf.code or "").strip()
    if code and any(w in code.lower() for w in ("infraction", "go-back", "goback", "finding", "item")):
        return code
    return f"Infraction {code or inf.order + 1}"


def citation_label(citation: dict) -> str:
    """A one-line reference such as ``035010 Rev. 07 §4.3 p. 2`` for one citation dict."""
    parts = [str(citation.get("document") or "?")]
    if citation.get("revision"):
        parts.append(f"Rev. {citation['revision']}")
    if citation.get("section"):
        parts.append(f"§{citation['section']}")
    if citation.get("page"):
        parts.append(f"p. {citation['page']}")
    return " ".join(parts)


def _csv_safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def findings_csv(audit: Audit, infractions: Iterable[Infraction]) -> str:
    """The findings of ``audit`` as CSV text: a header row (``CSV_COLUMNS``), then one row per infraction.

    ``citations`` joins every citation's label with `` | ``; ``quote`` is the best citation's clause
    text. Cells that a spreadsheet would run as a formula are prefixed with ``'``.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for inf in infractions:
        finding = getattr(inf, "finding", None)
        citations = citations_of(inf)
        row = [
            audit.original_filename,
            audit.pm_number,
            audit.notification_number,
            inf.code,
            inf.page,
            inf.description,
            verdict_of(inf),
            confidence_label(finding.confidence) if finding else "",
            finding.reason if finding else "",
            " ".join(dict.fromkeys(str(c.get("document") or "") for c in citations if c.get("document"))),
            " | ".join(citation_label(c) for c in citations),
            citations[0].get("quote", "") if citations else "",
        ]
        writer.writerow([_csv_safe(v) for v in row])
    return out.getvalue()


def _outside_subset(ch: str) -> str:
    if ch in _LATIN1_REPLACEMENTS:
        return _LATIN1_REPLACEMENTS[ch]
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded and all(ord(c) in SUBSET_CODEPOINTS for c in folded) else "?"


def latin1_text(text: str) -> str:
    """``text`` reduced to Latin-1 for fpdf2's core fonts: ≥ becomes >=, smart quotes plain ones, ...

    Characters with no sensible replacement become ``?``.
    """
    text = "".join(_LATIN1_REPLACEMENTS.get(ch, ch) for ch in text or "")
    text = unicodedata.normalize("NFKC", text)
    return text.encode("latin-1", "replace").decode("latin-1")


def _find_font_dir() -> str | None:
    for folder in FONT_DIRS:
        if all(os.path.exists(os.path.join(folder, f)) for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")):
            return folder
    return None


# Code points kept in the cached font subset: Latin, Greek (Ω, µ), punctuation, letterlike
# symbols, arrows and mathematical operators (≥ ≤ ± ×). Others are transliterated or become "?".
SUBSET_CODEPOINTS = frozenset(
    [*range(0x20, 0x250), *range(0x370, 0x400), *range(0x2000, 0x2070), *range(0x2100, 0x2150),
     *range(0x2190, 0x2300), 0x25A0, 0x25CF]
)  # fmt: skip
_FONT_FILES: dict[str, tuple[str, str, bool]] = {}


def _subset_font(source: str, target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(SUBSET_CODEPOINTS))
    subsetter.subset(font)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    font.save(str(tmp))
    os.replace(tmp, target)


def font_files() -> tuple[str, str, bool] | None:
    """``(regular, bold, subset)`` TTF paths for the repeal PDF, or None without DejaVu on the system.

    The system's DejaVu Sans (6,000 glyphs) takes most of a second to load per document, so a
    subset (``SUBSET_CODEPOINTS``) is written once under ``<NEXA_DATA_DIR>/cache/fonts`` and reused
    by every process; when that fails the full fonts are used.
    """
    folder = _find_font_dir()
    if folder is None:
        return None
    if folder in _FONT_FILES:
        return _FONT_FILES[folder]
    regular, bold = (os.path.join(folder, f) for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
    result = (regular, bold, False)
    try:
        cache = Path(settings.DATA_DIR) / "cache" / "fonts"
        cache.mkdir(parents=True, exist_ok=True)
        targets = []
        for source in (regular, bold):
            stat = os.stat(source)
            stem = Path(source).stem
            target = cache / f"{stem}-{stat.st_size}-{int(stat.st_mtime)}-subset.ttf"
            if not target.exists():
                _subset_font(source, target)
            targets.append(str(target))
        result = (targets[0], targets[1], True)
    except Exception as exc:  # a read-only data dir or a fontTools problem: use the full fonts
        log.warning("font subset not available, using the full fonts: %s", exc)
    _FONT_FILES[folder] = result
    return result


class _RepealPdf(FPDF):
    """An A4/Letter document with a Unicode font when the system has DejaVu, else Latin-1 core fonts."""

    def __init__(self, footer_text: str):
        super().__init__(orientation="P", unit="mm", format="Letter")
        self.footer_text = footer_text
        fonts = font_files()
        self.subset = False
        if fonts:
            regular, bold, self.subset = fonts
            self.add_font("DejaVu", "", regular)
            self.add_font("DejaVu", "B", bold)
            self.family = "DejaVu"
            self.unicode = True
        else:
            self.family = "Helvetica"
            self.unicode = False
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def text_for(self, text) -> str:
        """``text`` as the current font can draw it."""
        text = "" if text is None else str(text)
        if not self.unicode:
            return latin1_text(text)
        if self.subset:
            return "".join(
                ch if ord(ch) in SUBSET_CODEPOINTS or ch == "\n" else _outside_subset(ch) for ch in text
            )
        return text

    def para(self, text, size: float = 10, style: str = "", height: float = 5, indent: float = 0):
        """A wrapped paragraph across the page width (minus ``indent`` mm on the left)."""
        self.set_font(self.family, style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            0, height, self.text_for(text), new_x="LMARGIN", new_y="NEXT", align="L"
        )  # ragged right: no gaps

    def labelled(self, label: str, value, indent: float = 0):
        """A ``label: value`` line with the label in bold (skipped when ``value`` is empty)."""
        if value in (None, ""):
            return
        self.set_x(self.l_margin + indent)
        self.set_font(self.family, "B", 10)
        label = self.text_for(f"{label}: ")
        self.cell(self.get_string_width(label) + 1, 5, label)
        self.set_font(self.family, "", 10)
        self.multi_cell(
            0, 5, self.text_for(value).replace("\n", " "), new_x="LMARGIN", new_y="NEXT", align="L"
        )

    def footer(self):
        """Page footer: the audit identifiers and ``Page n of m``."""
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.set_text_color(110)
        self.cell(0, 5, self.text_for(f"{self.footer_text} - Page {self.page_no()} of {{nb}}"), align="C")
        self.set_text_color(0)


def repeal_request_pdf(audit: Audit, infractions: Iterable[Infraction]) -> bytes:
    """A repeal request for the contractor to send to the utility, as PDF bytes.

    One section per ``REPEALABLE`` infraction: the audit's identifiers, the finding in the audit's
    words (code, page), the reason the verdict gives and the governing clause (the finding's first
    citation; the others were only candidates) with its document number, revision, section and
    page and its quoted text. An audit with no repealable infraction gets a
    one-page document saying so.
    """
    repealable = [i for i in infractions if verdict_of(i) == Finding.Verdict.REPEALABLE]
    ident = " / ".join(
        x for x in (f"PM {audit.pm_number}" if audit.pm_number else "",
                    f"Notification {audit.notification_number}" if audit.notification_number else "") if x
    ) or audit.original_filename  # fmt: skip
    pdf = _RepealPdf(footer_text=f"Repeal request - {ident}")
    pdf.set_title(f"Repeal request - {ident}")
    pdf.set_author("Nexa")
    pdf.add_page()

    pdf.para("Repeal request", size=18, style="B", height=9)
    pdf.para(
        "The contractor requests that the go-back infractions below be repealed: for each, the "
        "governing clause of the construction standard shows the work complies, or an exception, "
        "tolerance or recommendation-only clause applies.",
        size=10,
    )
    pdf.ln(3)
    pdf.para("Audit", size=13, style="B", height=7)
    for label, value in (
        ("PM number", audit.pm_number),
        ("Notification number", audit.notification_number),
        ("Location", audit.location),
        ("Contractor", audit.contractor),
        ("Crew foreman", audit.foreman),
        ("Auditor", audit.auditor),
        ("Audit date", audit.audit_date.isoformat() if audit.audit_date else ""),
        ("Score", audit.score),
        ("Audit file", audit.original_filename),
    ):
        pdf.labelled(label, value)
    pdf.labelled("Infractions requested for repeal", str(len(repealable)))
    pdf.labelled("Prepared", timezone.now().strftime("%Y-%m-%d"))

    if not repealable:
        pdf.ln(4)
        pdf.para("No infraction in this audit was found repealable.", size=11, style="B")
    for number, inf in enumerate(repealable, start=1):
        finding = inf.finding
        pdf.ln(4)
        if pdf.will_page_break(40):
            pdf.add_page()
        heading = f"{number}. {infraction_name(inf)} (audit page {inf.page})"
        pdf.para(heading, size=13, style="B", height=7)
        pdf.labelled("Audit", ident)
        pdf.para("Finding", size=10, style="B")
        pdf.para(inf.description, indent=4)
        pdf.para("Grounds for repeal", size=10, style="B")
        pdf.para(finding.reason or "(no reason recorded)", indent=4)
        pdf.labelled("Confidence", confidence_label(finding.confidence))
        for cit in (finding.citations or [])[:1]:  # the governing clause; the rest were only candidates
            title = f" - {cit['title']}" if cit.get("title") else ""
            pdf.para(f"Governing clause: {citation_label(cit)}{title}", size=10, style="B")
            pdf.set_draw_color(150)
            pdf.para(f"\u201c{cit.get('quote') or ''}\u201d", size=9, indent=4, height=4.5)
    return bytes(pdf.output())
