"""Synthetic benchmark inputs drawn with fpdf2: spec documents, audit reports, a 1 MB upload.

Plain Python (no Django). Everything is deterministic for a given seed, so a cached file is the
file a fresh run would make. The text is invented for the benchmark: realistic in shape (numbered
sections, requirement sentences with values and units, tables, exceptions, notes; go-back
paragraphs and ``INFRACTION #n`` blocks) and varied in vocabulary so BM25 ranking sees a library
whose term statistics look like a real one rather than one sentence repeated.

Lines are placed with ``FPDF.text`` (one call per line, our own wrapping), which is ~10x faster than
``cell``/``multi_cell`` and keeps the extracted text line-for-line equal to what was drawn.
"""

from __future__ import annotations

import io
import random

from fpdf import FPDF

# Bump when the output of any generator changes: cached inputs are keyed by it.
GENERATOR_VERSION = "5"

LINE_CHARS = 100  # wrap width at Helvetica 9 pt on a letter page with 15 mm margins
LINES_PER_PAGE = 54
LINE_MM = 4.4
TOP_MM = 16.0
LEFT_MM = 15.0

UTILITIES = ["Sierra Valley Power", "Cascade Ridge Electric", "Mesa Verde Energy", "Tidewater Utilities"]

# Domain vocabulary: (subject, quantity, unit, typical value range, facility)
SUBJECTS = [
    ("primary conduit", "cover", "in", (24, 48), "underground"),
    ("secondary conduit", "cover", "in", (18, 36), "underground"),
    ("service conduit", "cover", "in", (18, 30), "underground"),
    ("warning tape", "height above conduit", "in", (6, 18), "underground"),
    ("pull box", "spacing", "ft", (250, 600), "underground"),
    ("splice box", "spacing", "ft", (200, 500), "underground"),
    ("trench backfill", "compaction", "percent", (85, 95), "underground"),
    ("padmount transformer", "clearance from buildings", "ft", (3, 10), "underground"),
    ("vault lid", "load rating", "lb", (8000, 20000), "underground"),
    ("riser", "height of guard", "ft", (8, 10), "overhead"),
    ("pole", "setting depth", "ft", (5, 9), "overhead"),
    ("crossarm", "distance below pole top", "in", (4, 12), "overhead"),
    ("crossarm", "out of level", "degrees", (1, 3), "overhead"),
    ("primary conductor", "vertical clearance", "ft", (18, 30), "overhead"),
    ("service drop", "vertical clearance", "ft", (10, 18), "overhead"),
    ("secondary conductor", "clearance from buildings", "ft", (3, 8), "overhead"),
    ("guy wire", "guy guard length", "ft", (6, 8), "overhead"),
    ("anchor rod", "projection above grade", "in", (6, 12), "overhead"),
    ("ground rod", "resistance to earth", "ohms", (10, 25), "overhead"),
    ("ground rod", "spacing", "ft", (6, 10), "overhead"),
    ("ground wire", "size", "AWG", (2, 6), "overhead"),
    ("span", "length", "ft", (150, 350), "overhead"),
    ("pole tag", "height above ground line", "ft", (4, 8), "overhead"),
    ("tree limb", "radial clearance", "in", (18, 48), "overhead"),
    ("transformer", "rating", "kVA", (25, 167), "overhead"),
    ("surge arrester", "lead length", "in", (12, 36), "overhead"),
    ("cutout", "mounting height", "ft", (20, 35), "overhead"),
    ("neutral conductor", "separation from primary", "in", (30, 48), "overhead"),
    ("streetlight", "mounting height", "ft", (25, 35), "overhead"),
    ("insulator", "creepage distance", "mm", (300, 600), "overhead"),
    ("tie wire", "wraps", "turns", (4, 8), "overhead"),
    ("bonding jumper", "size", "AWG", (4, 6), "overhead"),
    ("recloser", "bypass switch clearance", "in", (18, 30), "overhead"),
    ("capacitor bank", "fuse rating", "A", (15, 65), "overhead"),
    ("trench", "width", "in", (12, 24), "underground"),
    ("duct bank", "concrete encasement", "in", (2, 4), "underground"),
    ("cable", "bending radius", "in", (12, 36), "underground"),
    ("manhole", "ladder rung spacing", "in", (12, 16), "underground"),
    ("switch", "operating clearance", "ft", (3, 6), "underground"),
    ("meter panel", "height above grade", "in", (48, 75), "overhead"),
]

CONTEXTS = [
    "in residential areas",
    "under residential driveways",
    "over public roads",
    "within a high fire-threat district",
    "in rock areas where encasement is used",
    "in contamination zones",
    "for 12 kV circuits",
    "for 21 kV circuits",
    "at 300 V to ground or less",
    "in agricultural areas",
    "within 10 ft of buildings",
    "along state highways",
    "in designated avian protection areas",
    "in coastal corrosion zones",
    "on joint-use poles",
    "in railroad crossings",
    "under sidewalks",
    "in paved streets",
    "in snow-loading areas",
    "for secondary services",
]

CONDITIONS = [
    "the conduit is encased in concrete",
    "two ground rods are installed and bonded",
    "the span is shorter than 100 ft",
    "the service is at 300 V to ground or less",
    "the facility is outside the high fire-threat district",
    "the field engineer approves an alternate in writing",
    "rock is encountered at less than the specified depth",
    "the pole is set in a concrete footing",
    "the driveway is not accessible to truck traffic",
    "a guard is installed over the full exposed length",
]

MATERIALS = [
    "galvanized steel",
    "schedule 40 PVC",
    "schedule 80 PVC",
    "copper-clad steel",
    "bare copper",
    "stainless steel",
    "fiberglass",
    "polymer concrete",
    "treated Douglas fir",
    "aluminum",
]

VERBS = ["installed", "maintained", "measured", "verified", "placed", "secured", "inspected", "constructed"]

TITLES = [
    "Conduit Installation",
    "Overhead Conductor Clearances",
    "Pole Setting and Framing",
    "Grounding of Distribution Facilities",
    "Guying and Anchors",
    "Pad-Mounted Equipment",
    "Vegetation Clearances",
    "Service Installations",
    "Pull Boxes and Splice Boxes",
    "Trenching and Backfill",
    "Crossarm Construction",
    "Wildlife Protection",
    "Streetlight Installation",
    "Cable Terminations",
    "Surge Protection",
]

_SYLLABLES = [
    "al", "ber", "cor", "dan", "el", "fen", "gar", "hol", "ir", "jak", "kel", "lin", "mor", "nev",
    "or", "pal", "quen", "ros", "sal", "tor", "ul", "var", "wes", "xan", "yor", "zel", "tra", "bri",
    "cla", "dro", "fla", "gri", "pre", "sta", "thr", "ven",
]  # fmt: skip


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    """Invented jargon words (2-4 syllables) that widen the library's vocabulary."""
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


JARGON = _pseudo_words(random.Random(1234), 4000)


def _value(rng: random.Random, lo: int, hi: int, unit: str) -> str:
    """A value in ``[lo, hi]`` written the way specs and audits write it (with its unit)."""
    if unit == "AWG":
        return f"#{rng.choice([2, 4, 6, 8, 1])} AWG"
    if unit == "degrees":
        return f"{rng.choice([1, 1.5, 2, 2.5, 3])} degrees"
    if unit == "ft" and rng.random() < 0.3:
        return f"{rng.randint(lo, hi)} ft {rng.randint(1, 11)} in"
    if unit == "percent":
        return f"{rng.randint(lo, hi)} percent"
    return f"{rng.randint(lo, hi)} {unit}"


def _jargon(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n))


def _requirement(rng: random.Random, doc_words: list[str]) -> tuple[str, str]:
    """One requirement sentence and its short heading."""
    subject, quantity, unit, (lo, hi), _ = rng.choice(SUBJECTS)
    ctx = rng.choice(CONTEXTS)
    val = _value(rng, lo, hi, unit)
    j = _jargon(rng, doc_words, rng.randint(1, 3))
    form = rng.randrange(7)
    if form == 0:
        text = f"The minimum {quantity} of {subject} {ctx} shall be {val}, measured per the {j} method."
    elif form == 1:
        text = f"{subject.capitalize()} shall be {rng.choice(VERBS)} with not less than {val} of {quantity} {ctx}."
    elif form == 2:
        text = f"The {quantity} of {subject} shall not exceed {val} {ctx}; see the {j} drawing for details."
    elif form == 3:
        text = (
            f"It is recommended that {subject} {ctx} be {rng.choice(VERBS)} with a {quantity} of {val} "
            f"where {j} conditions permit."
        )
    elif form == 4:
        text = f"{subject.capitalize()} {ctx} shall be {rng.choice(MATERIALS)}, {rng.choice(VERBS)} per {j} practice."
    elif form == 5:
        tol = _value(rng, 1, 3, unit if unit not in ("AWG", "percent") else "in")
        text = (
            f"A tolerance of plus or minus {tol} is permitted on the {quantity} of {subject} {ctx}, "
            f"provided the {j} record is kept."
        )
    else:
        v2 = _value(rng, lo, hi, unit)
        text = (
            f"The {quantity} of {subject} {ctx} shall be between {val} and {v2}; {j} installations "
            f"require inspection before backfill or energizing."
        )
    return text, f"{subject.title()} {quantity.title()}"


def _wrap(text: str, indent: str = "") -> list[str]:
    """Greedy word wrap at ``LINE_CHARS`` (``textwrap`` took half the generation time)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= LINE_CHARS:
            current += " " + word
        else:
            lines.append(current)
            current = indent + word
    if current:
        lines.append(current)
    return lines or [""]


def spec_page_lines(seed: int, number: str, title: str, revision: str, page: int, pages: int) -> list[str]:
    """The text lines of one spec page (header on page 1, sections, tables, footer)."""
    rng = random.Random(seed * 100_003 + page)
    doc_rng = random.Random(seed)
    doc_words = doc_rng.sample(JARGON, 40)
    utility = UTILITIES[seed % len(UTILITIES)]
    lines: list[str] = []
    if page == 1:
        lines += [
            f"{utility} - Electric Distribution Standards",
            f"Document {number}",
            title,
            f"Revision: {revision}",
            f"Effective date: 20{18 + seed % 7}-0{1 + seed % 9}-01",
            f"Asset type: {'Underground' if seed % 2 else 'Overhead'} distribution",
            "Revision history",
            "Rev. Date Description of change",
            f"{revision} 2025-03-01 Periodic review; clarified {_jargon(doc_rng, doc_words, 2)} and exceptions.",
            "General notes",
        ]
        lines += _wrap(
            "1. This document supersedes all previous revisions. 2. Dimensions are nominal unless a tolerance "
            "is stated. 3. Where this document and a regulatory requirement differ, the more stringent "
            "requirement applies."
        )
    body_limit = LINES_PER_PAGE - 1
    section = page * 2 - 1
    sub = 0
    while len(lines) < body_limit - 6:
        roll = rng.random()
        if sub == 0 or roll < 0.06:
            section += 1 if sub else 0
            sub = 1
            subject = rng.choice(SUBJECTS)[0]
            lines += ["", f"{section}. {subject.title()} {_jargon(rng, doc_words, 1).title()} Requirements"]
            continue
        if roll < 0.12:
            # a small table of values
            subject, quantity, unit, (lo, hi), _ = rng.choice(SUBJECTS)
            lines.append(f"Table {section}-{sub} Minimum {quantity} of {subject} ({unit})")
            lines.append("Location Primary Secondary Service")
            for ctx in rng.sample(CONTEXTS, 3):
                lines.append(
                    f"{ctx[0].upper()}{ctx[1:]} {_value(rng, lo, hi, unit)} {_value(rng, lo, hi, unit)} "
                    f"{_value(rng, lo, hi, unit)}"
                )
            continue
        text, _heading = _requirement(rng, doc_words)
        if rng.random() < 0.8:  # real clauses explain themselves: a second sentence
            subject = rng.choice(SUBJECTS)[0]
            text += (
                f" The {rng.choice(VERBS)} {subject} shall be recorded on the {_jargon(rng, doc_words, 2)} "
                f"form and made available to the inspector {rng.choice(CONTEXTS)}."
            )
        lines += _wrap(f"{section}.{sub} {text}")
        sub += 1
        if rng.random() < 0.2:
            subject, quantity, unit, (lo, hi), _ = rng.choice(SUBJECTS)
            lines += _wrap(
                f"Exception: Where {rng.choice(CONDITIONS)}, {subject} may be installed with "
                f"{_value(rng, lo, hi, unit)} of {quantity}."
            )
        elif rng.random() < 0.12:
            lines += _wrap(f"Note: {_jargon(rng, doc_words, 3)} records shall be kept with the job package.")
    lines = lines[:body_limit]
    lines.append(f"Document {number} Rev. {revision}    Page {page} of {pages}")
    return lines


def _new_pdf() -> FPDF:
    pdf = FPDF(format="letter", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=9)
    pdf.set_compression(True)
    return pdf


def _draw(pdf: FPDF, lines: list[str]) -> None:
    pdf.add_page()
    y = TOP_MM
    for line in lines:
        if line:
            pdf.text(LEFT_MM, y, line)
        y += LINE_MM


def _bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


def spec_number(index: int) -> str:
    """The 6-digit document number of library document ``index``."""
    return f"{900000 + index:06d}"


def page_text(lines: list[str]) -> str:
    """The text pypdf extracts from a page drawn from ``lines`` (blank lines leave no text)."""
    return "\n".join(line for line in lines if line)


def spec_document(index: int, pages: int) -> tuple[bytes, list[list[str]]]:
    """Draw library document ``index`` (``pages`` pages).

    Returns:
        (PDF bytes, the drawn lines of each page).
    """
    number = spec_number(index)
    title = f"{TITLES[index % len(TITLES)]} ({_jargon(random.Random(index), JARGON, 1).title()} Series)"
    revision = f"{(index % 15) + 1:02d}"
    pdf = _new_pdf()
    drawn = []
    for page in range(1, pages + 1):
        lines = spec_page_lines(index, number, title, revision, page, pages)
        _draw(pdf, lines)
        drawn.append(lines)
    return _bytes(pdf), drawn


def _audit_header(rng: random.Random, nonce: str) -> list[str]:
    pm = f"{rng.randint(30_000_000, 39_999_999)}"
    notif = f"{rng.randint(100_000_000, 129_999_999)}"
    num, den = rng.randint(60, 170), 176
    return [
        f"{rng.choice(UTILITIES)} Quality Assurance",
        "QA Field Audit Report",
        f"PM Number: {pm}",
        f"Notification: {notif}",
        f"Location: Pole {rng.randint(100, 9999)}, {rng.choice(['Elm', 'Oak', 'Main', 'Mill'])} Rd, ref {nonce}",
        f"Contractor: {rng.choice(['Valley Line Builders', 'Summit Utility Services', 'Ridge Electric'])}",
        f"Crew Foreman: Foreman ID {rng.randint(1000, 9999)}",
        f"Auditor: QA Inspector {rng.randint(100, 999):04d}",
        f"Audit Date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"Score: {100 * num / den:.2f}% ({num}/{den})",
        "This audit reviewed work completed under the job package. The following go-back infractions were",
        "documented and require correction or a spec-based response within 30 days.",
    ]


def _go_back(rng: random.Random) -> list[str]:
    subject, quantity, unit, (lo, hi), facility = rng.choice(SUBJECTS)
    ctx = rng.choice(CONTEXTS)
    val = _value(rng, max(1, lo - 6), hi + 6, unit)
    form = rng.randrange(3)
    if form == 0:
        text = f"Go-back Infraction: {subject.capitalize()} {ctx} measured at {val}, which does not meet the {quantity} requirement."
    elif form == 1:
        text = f"Go-back Infraction: {quantity.capitalize()} of {subject} at {rng.choice(['P-', 'PB-', 'Sta. '])}{rng.randint(1, 99)} found to be {val} {ctx}."
    else:
        text = (
            f"Go-back Infraction: {subject.capitalize()} installed with {rng.choice(MATERIALS)} where the job "
            f"package calls for {rng.choice(MATERIALS)} ({facility} work {ctx})."
        )
    return _wrap(text)


def _infraction_block(rng: random.Random, n: int) -> list[str]:
    subject, quantity, unit, (lo, hi), _ = rng.choice(SUBJECTS)
    val = _value(rng, max(1, lo - 6), hi + 6, unit)
    lines = [f"INFRACTION #{n}: {subject.capitalize()} {quantity}"]
    lines.append(f"Location: Station {rng.randint(1, 40)}+{rng.randint(0, 99):02d}")
    lines += _wrap(f"Issue: {subject.capitalize()} {rng.choice(CONTEXTS)} measured at {val} of {quantity}.")
    lines.append("Status: GO-BACK")
    lines.append(f"Required correction: Rework {subject} to the required {quantity}.")
    return lines


def audit_pages(seed: int, pages: int, nonce: str = "") -> list[list[str]]:
    """The text lines of a ``pages``-page audit: header, 2 infractions a page (both layouts), filler."""
    rng = random.Random(f"{seed}:{nonce}")
    out = []
    n = 0  # INFRACTION #n blocks are numbered 1, 2, 3 ... (one a page)
    for page in range(1, pages + 1):
        lines = _audit_header(rng, nonce or str(seed)) if page == 1 else [f"Audit continued, page {page}"]
        lines.append("FINDINGS" if page == 1 else "FINDINGS (continued)")
        lines += _go_back(rng)
        n += 1
        lines += _infraction_block(rng, n)
        lines.append("Compliant items observed:")
        while len(lines) < LINES_PER_PAGE - 4:
            subject = rng.choice(SUBJECTS)[0]
            lines += _wrap(
                f"- {subject.capitalize()} {rng.choice(VERBS)} {rng.choice(CONTEXTS)}; no issues noted "
                f"({_jargon(rng, JARGON, 2)})."
            )
        lines = lines[: LINES_PER_PAGE - 2]
        lines.append("Contractor may submit a written response citing the applicable standard.")
        lines.append(f"Internal use    Page {page} of {pages}")
        out.append(lines)
    return out


def audit_pdf(seed: int, pages: int, nonce: str = "") -> bytes:
    """An audit report PDF of ``pages`` pages with 2 go-backs a page (``nonce`` makes it unique)."""
    pdf = _new_pdf()
    for lines in audit_pages(seed, pages, nonce):
        _draw(pdf, lines)
    return _bytes(pdf)


def upload_pdf(target_bytes: int = 1_000_000, seed: int = 7) -> bytes:
    """A 1-page audit with an incompressible field photo, padded to about ``target_bytes`` bytes.

    The photo is random RGB noise (Flate cannot shrink it), sized so the file lands within ~1 %
    of the target.
    """
    from PIL import Image

    rng = random.Random(seed)
    side = int(((target_bytes - 6_000) / 3) ** 0.5)
    noise = rng.randbytes(side * side * 3)
    image = Image.frombytes("RGB", (side, side), noise)
    pdf = _new_pdf()
    lines = audit_pages(seed, 1, "upload")[0]
    _draw(pdf, lines[:30])
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=0)
    pdf.image(buf, x=LEFT_MM, y=TOP_MM + 31 * LINE_MM, w=100)
    return _bytes(pdf)
