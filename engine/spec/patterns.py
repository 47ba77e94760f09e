"""The patterns and word-shape tests a spec's text is read with: document number, revision and
effective-date labels; section, item, part and appendix numbering ("54.8-B", "56.7-B(2)a", "Rule 37",
"SECTION V - ..."); exception and note leads; table titles and the tokens of a table row.

Plain Python, no Django (docs/architecture.md)."""

from __future__ import annotations

import re

from engine.dates import DATE_TEXT
from engine.vocab import COLUMN_HINTS, DOCUMENT_LABELS, SPEC_UNIT_TOKENS, labels_pattern

_NUM = r"(?P<num>[A-Z0-9]+(?:-[A-Z][a-z]+|[-./][A-Z0-9]+(?![a-z]))*)"  # "GO-95-Section-V", "TD-2908P-01"
NUMBER_LABELLED = re.compile(
    rf"(?i:\b(?:{labels_pattern(DOCUMENT_LABELS)})\b\.?)\s*(?i:no\b\.?|number\b|nbr\b\.?|#)?\s*[:#]?\s*"
    + _NUM
)
# a title block's own field line, whose whole value is the identifier, spaces and all: "Document: RUS 1728F-804",
# "Document No.: GO 95", "Document: Title 8 HVESO"
NUMBER_FIELD = re.compile(
    rf"^\s*(?i:{labels_pattern(DOCUMENT_LABELS)})\.?\s*(?i:no\.?|number|id|#)?\s*:\s*"
    r"(?P<num>(?=[^\s]*\d|\S+\s+\S*\d)[A-Za-z0-9][\w./-]*(?:\s[\w./-]+){0,3})\s*$"
)
# "Revision: Library excerpt 2 (sections as posted)": a field line's value, up to a parenthesis or a separator
REVISION_FIELD = re.compile(
    r"^\s*(?i:rev(?:ision)?)\.?\s*(?i:no\.?)?\s*:\s*(?P<rev>[^\s(;,][^(;,]{0,29}?(?:,\s*\d{4})?)\s*(?:[(;,]|$)"
)
NUMBER_LINE_START = re.compile(r"^\s*(?i:no\.|number|doc(?:ument)?\s+id)\s*[:#]?\s*" + _NUM)
# "TD-2908P-01 Rev. 3 Page 1 of 5": a running header/footer that starts with the number
FOOTER_NUMBER = re.compile(
    r"^(?P<num>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})\s+(?:[-|\u2013]\s*)?(?i:rev(?:ision)?\b|page\b)"
)
BARE_NUMBER = re.compile(r"^\s*(?P<num>(?=[A-Z0-9-]*\d)[A-Z0-9]{2,}(?:-[A-Z0-9]+)*)\s*$")
REVISION = re.compile(
    r"(?i:\brev(?:ision)?\b\.?)\s*(?i:no\.?)?\s*[:#]?\s*#?\s*"
    r"(?P<rev>\d{1,3}(?:\.\d{1,2})?[A-Za-z]?|[A-Z]{1,2}\d{0,2})(?![\w-])"
)
EFFECTIVE = re.compile(r"(?i:\beffective(?:\s+date)?(?:\s+on)?)\s*[:\-]?\s*" + DATE_TEXT)
# who issues a document, not what it is called ("State of California - Public Utilities Commission")
ISSUER = re.compile(
    r"(?i)\b(?:state of|commission|company|corporation|inc\.|department of|administration|agency|utility district)\b"
)
LABEL_VALUE = re.compile(r"^[A-Z][A-Za-z/ ]{1,30}:\s*\S")
TITLE_LABEL = re.compile(r"^\s*(?i:title|subject)\s*:\s*(?P<t>.+)$")
# "4.1.2 Text", "4.1.2. Text", "Section 4.1.2: Text", "SECTION 4 - Text", "4.1.2 Exception: ...",
# "Article 3.1 Text", "Art. 3.1", "§ 3.3", "Clause 5.2", "Rule 37", "3.1 (a) Text" / "3.1(b) Text"
# (a lettered sub-item of 3.1). The label and number are kept out of the clause text (``rest``).
SECTION = re.compile(
    r"^\s*(?P<kw>(?i:section|sec\.|article|art\.|clause|paragraph|para\.|rule|§)\s*)?"
    r"(?P<sec>\d{3,4}\.\d{1,4}(?:\((?:[a-z]{1,5}|\d{1,2}|[A-Z])\)){1,6}(?![(\w])"  # 1910.269(l)(3)(i)
    r"|\d{1,4}(?:\.\d{1,3}){0,5}(?:-[A-Z]{1,2}(?:\d{1,2}[a-z]?)?(?![A-Za-z]))?)(?P<dot>\.)?"  # 54.4-C4b
    r"(?:\s?\((?P<item>[a-z]|\d{1,2})\)(?P<sub>[a-z](?![A-Za-z]))?)?"
    r"(?P<sep>\s*[:\-\u2013\u2014)]\s*|\s+|$)(?P<rest>.*)$"
)
EXC_NOTE = re.compile(
    r"^\s*(?P<label>(?i:exceptions?|notes?))(?:\s+(?P<n>(?i:no\.?\s*)?[0-9]{1,2}|[A-Za-z]|\([a-z0-9]\)))?\s*[:.\-\u2013]\s*(?P<rest>.*)$"
)
INLINE_EXC_NOTE = re.compile(r"(?<=[.;])\s+(?=(?:Exception|EXCEPTION|Note|NOTE)S?(?:\s+\w{1,3})?\s*:)")
TABLE_TITLE = re.compile(
    r"^\s*(?:(?P<app>(?i:appendix)\s+[A-Z0-9]{1,3}),?\s+)?(?P<t>(?i:table)\s+(?:[A-Z]{0,2}-?\d+(?:[-.](?:\d+|[A-Z]\d?\b))*[A-Z]?|[A-Z](?![\w-])))"
    r"(?:\s*[:.\-\u2013\u2014]?\s+(?P<rest>[A-Z(].*))?$"
)
# a General Order's parts: "SECTION V - DETAILED CONSTRUCTION REQUIREMENTS FOR SUPPLY LINES"
PART = re.compile(r"^\s*(?i:section)\s+[IVXL]{1,5}\s*[-\u2013\u2014:.]\s*[A-Z][A-Za-z ,;()&/-]{6,}$")
# a code's article grouping its sections ("Article 18. Conductors" over Sections 2816 ...); an article whose own
# sections are numbered under it ("Article 3 Anchor Placement", "Article 3.1 ...") is a section (``numbering``)
ARTICLE = re.compile(
    r"^\s*(?i:article|art\.)\s+(?P<n>\d{1,3})\.?\s*(?:[-\u2013\u2014:]\s*|\s)[A-Z][\w ,;()&/.'-]{2,120}$"
)  # "Article 18. Conductors", "Article 3 - Section 2812.1 Fenced or Walled Enclosures"
APPENDIX = re.compile(r"^\s*(?i:appendix)\s+[A-Z0-9]{1,3}\b")
# a construction assembly or drawing designation heading its own unit, as RUS bulletins number them: "H2.1  Grounding
# Assembly - Trench Type", "VC1.11  Single-Phase Crossarm", "C-1  Crossarm Braces"
# (a dotted designation, or one parted from its title by a wide gap: "SR-99 Crossings ..." is a road, not an assembly)
DESIGNATION = re.compile(
    r"^\s*(?P<sec>[A-Z]{1,3}\d{1,2}(?:\.\d{1,2}){1,2}[A-Z]?(?=\s)|[A-Z]{1,3}-?\d{1,2}[A-Z]?(?=\s{2,}))\s+"
    r"(?P<rest>[A-Z][^.;:]{2,90})$"
)
# an editor's bracketed title after a section number ("1  [Applications for underground conduit]")
BRACKETED_TITLE = re.compile(r"^\[(?P<t>[^\[\]]{3,80})\]$")


def unbracketed(rest: str) -> str:
    """A section's title as read for its shape: an editor's bracketed title ("[Applications for underground
    conduit]") without its brackets, capitalised; any other text as it is."""
    bm = BRACKETED_TITLE.match(rest.strip())
    return bm.group("t")[:1].upper() + bm.group("t")[1:] if bm else rest


# an appendix's own heading: "Appendix A - Summary of Dimensions ...", "Appendix B, II.D  Types of Exposures"
APPENDIX_HEADING = re.compile(
    r"^\s*(?P<sec>(?i:appendix)\s+[A-Z0-9]{1,3})(?:\s*[-\u2013\u2014:.]\s+|,\s*[IVX0-9.A-Z]{1,8}\s+|\s+)"
    r"(?P<rest>[A-Z\[(].*)$"
)
STOP_HEADING = re.compile(
    r"^\s*(?i:references?|referenced documents|related documents|bibliography|revision history|"
    r"document history|revision log|change (?:log|history|record)|record of revisions|revisions)\s*:?\s*$"
)
REV_TABLE_HEADER = re.compile(r"(?i)^\s*rev(?:ision)?\.?\s+date\b")
BULLET = re.compile(r"^\s*(?:[-\u2022\u25aa\u25cf\u2013*\uf0b7]\s+|\(?[A-Za-z0-9]{1,2}[.)]\s+)")
DEFINITION_HEADING = re.compile(r"(?i)\b(?:definitions?|glossary|terms)\b")
_WORD = re.compile(r"\S+")
NUMERIC_TOKEN = re.compile(r"^[(\[]?[<>≤≥±+\-$#]?\d[\d,]*(?:\.\d+)?(?:/\d+)?[%°\"'¢]?[)\]]?[.,;]?$")
UNIT_TOKEN = re.compile(rf"^(?i:{labels_pattern(SPEC_UNIT_TOKENS)}|\(\w\))$")  # "(a)": a marker after a value
SHORT_WORD = re.compile(r"^[A-Za-z]{1,8}\.?$")  # an unlisted unit such as "turns" (needs a number before it)
COLUMN_HINT = re.compile(rf"(?i)^(?:{labels_pattern(COLUMN_HINTS)})$")
_TRAILING_WORDS = frozenset(
    "a an the of by to in on at for from with and or than as per be is are not no that which if when".split()
)
_MODAL = re.compile(r"(?i)\b(?:shall|must|should|will)\b")


def has_quantity(line: str) -> bool:
    """Does the line state a quantity with a unit ("20 ft", "#4 AWG")? Table rows do; footers don't."""
    words = line.split()
    for a, b in zip(words, words[1:], strict=False):
        if NUMERIC_TOKEN.match(a) and UNIT_TOKEN.match(b):
            return True
    return False


def prose(text: str) -> bool:
    """A sentence of body text (a long line with a verb of obligation or ending in a period)."""
    t = text.strip()
    return len(t.split()) > 12 or t.endswith(".") or bool(_MODAL.search(t))


def heading_like(text: str, limit: int = 70) -> bool:
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


def is_free_heading(line: str, prev: str) -> bool:
    """An unnumbered heading: a short title-case line after a finished sentence (or a page start)."""
    t = line.strip()
    if not heading_like(t, 60) or t.endswith(":") or BULLET.match(t):
        return False
    if prev and prev.rstrip()[-1:] not in ".:?!)" and not heading_like(prev, 60):
        return False
    return capitalised_words(t) >= 0.6


def title_words(text: str, min_len: int = 4) -> list[str]:
    """The words of ``text`` that count for title case (``min_len`` letters or more)."""
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if len(w) >= min_len]


def capitalised_words(text: str, min_len: int = 4) -> float:
    """Share of ``title_words`` that start with a capital (0.0 when there are none)."""
    words = title_words(text, min_len)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


BARE_SECTION = re.compile(r"^(?i:section\s+)?\d{1,4}(?:\.\d{1,3})*\.?$")
SECTION_STRICT = re.compile(r"^\s*(?:(?i:section)\s+)?\d{1,4}(?:\.\d{1,3})+\.?\s+[A-Z]")
# "(1) Above Public Thoroughfares: ...", "a) Residential Premises: ...", "2) a clearance of ..."
ITEM = re.compile(r"^\s*(?:\((?P<p>\d{1,2}|[a-z])\)|(?P<c>\d{1,2}|[a-z])\))\s+(?P<rest>\S.*)$")
ITEM_TITLE = re.compile(r"^(?P<t>[A-Z][^:.;]{2,80}):")


def title_case_sentence(text: str) -> bool:
    """A short title in title case that ends with a period ("Clearances above Ground, Buildings, Etc.")."""
    t = text.strip()
    if not t.endswith(".") or len(t.split()) > 12 or _MODAL.search(t):
        return False
    return len(title_words(t, 3)) >= 2 and capitalised_words(t, 3) >= 0.7


RULE_REF = re.compile(r"(?i:\brules?\s+)(?P<sec>\d{1,4}(?:\.\d{1,3}){0,5}(?:-[A-Z]{1,2}\d{0,2})?)")
UNTITLED_GRID_HEAD = re.compile(r"^(?:Row|Case)(?:\s+No\.?)?(?:\s+[A-Z]\S*(?:\s+\S+)*)?$")
TABLE_MENTION = re.compile(r"\bTable\s+(\d+[A-Z]?(?:[-.][\dA-Z]+)*)\b")
MONTH_YEAR = re.compile(r"^(?i:[a-z]{3,9})\.?\s+\d{4}\b")
ROW_VALUES_END = re.compile(r"(?:\s+(?:\d[\d,]*(?:\.\d+)?|\((?:[a-z]{1,2},?)+\)|-)){3,}\s*$")
