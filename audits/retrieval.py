"""Ranked retrieval of spec clauses with BM25 (bm25s) and domain synonyms. Plain Python, no Django.

Tokens are lower-cased, lightly stemmed and mapped to a canonical domain term, so "cover" finds
"depth", "cross arm" finds "crossarm", "grounding" finds "ground", "guy marker" finds "guy guard",
"bird guard" finds "wildlife protector" (source of the equivalences: common utility construction
vocabulary, GO 95 / GO 128 / NESC usage).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import bm25s
import numpy as np

STOPWORDS = frozenset(
    """a an the of to in on at is are was were be been being and or for from by with as this that these those it its
    shall must should may will can not no nor if than then there their which who whom where when while into onto
    per each all any such has have had do does did so but also other same both only very""".split()
)

# multi-word phrases joined before tokenising (regex on lower-cased text -> replacement)
_PHRASES = [
    (r"\bcross[\s-]+arms?\b", " crossarm "),
    (r"\bguy[\s-]+(?:guards?|markers?|shields?)\b", " guyguard "),
    (r"\bas[\s-]+built\b", " asbuilt "),
    (
        r"\bhigh[\s-]+fire[\s-]+threat(?:\s+districts?|\s+areas?)?\b|\bhftd\b|\bfire[\s-]+threat\s+districts?\b",
        " hftd ",
    ),
    (
        r"\bbird[\s-]+(?:guards?|covers?|protectors?)\b|\bwildlife[\s-]+(?:guards?|covers?|protectors?)\b",
        " wildlife protector ",
    ),
    (r"\bavian\s+protection\s+areas?\b|\bavian\s+areas?\b", " avian "),
    # compounds: keep the words and add the compound token
    (r"\bservice[\s-]+drops?\b", " \\g<0> servicedrop "),
    (r"\bpull[\s-]+box(?:es)?\b", " \\g<0> pullbox "),
    (r"\bwarning[\s-]+tapes?\b", " \\g<0> warningtape "),
    (r"\bground(?:ing)?[\s-]+rods?\b", " \\g<0> groundrod "),
    (r"\bpole[\s-]+tags?\b", " \\g<0> poletag "),
    (r"\bbend(?:ing)?[\s-]+radius\b", " \\g<0> bendradius "),
    (r"\bjoint[\s-]+trench(?:es)?\b", " \\g<0> jointtrench "),
    (r"\bsingle[\s-]+phase\b", " singlephase "),
    (r"\bthree[\s-]+phase\b", " threephase "),
]
_PHRASES_RE = [(re.compile(p), r) for p, r in _PHRASES]

# stemmed token -> canonical domain term
SYNONYMS = {
    "deep": "depth",
    "cover": "depth",
    "buried": "depth",
    "burial": "depth",
    "bury": "depth",
    "setting": "depth",
    "grounding": "ground",
    "grounded": "ground",
    "earth": "ground",
    "earthing": "ground",
    "wire": "conductor",
    "cable": "conductor",
    "tree": "vegetation",
    "limb": "vegetation",
    "branch": "vegetation",
    "oak": "vegetation",
    "brush": "vegetation",
    "foliage": "vegetation",
    "street": "road",
    "highway": "road",
    "roadway": "road",
    "walkway": "pedestrian",
    "sidewalk": "pedestrian",
    "footpath": "pedestrian",
    "duct": "conduit",
    "xfmr": "transformer",
    "bird": "wildlife",
    "animal": "wildlife",
    "guard": "protector",
    "label": "tag",
    "spacing": "span",
    "distance": "clearance",
    "separation": "clearance",
    "insulation": "insulation",
    "fibreglass": "fiberglass",
    "frp": "fiberglass",
    "wooden": "wood",
    "timber": "wood",
    "aluminium": "aluminum",
    "signature": "signed",
    "painted": "paint",
    "color": "paint",
    "colour": "paint",
    "finished": "paint",
    "finish": "paint",
    "kcmil": "mcm",
    "gauge": "awg",
}

_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")


def stem(word: str) -> str:
    """A light English suffix stripper (plural, -ing, -ed, -ly), enough to join "rods"/"rod", "bonded"/"bond"."""
    w = word
    if len(w) <= 3 or w[0].isdigit():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4 and w not in ("covered", "required"):
        w = w[:-2]
        if w.endswith("i"):
            w = w[:-1] + "y"
    elif w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    return w


def tokenize(text: str, *, keep_numbers: bool = True) -> list[str]:
    """Canonical tokens of ``text`` (stopwords dropped, stemmed, domain synonyms applied)."""
    t = (text or "").lower()
    for rx, rep in _PHRASES_RE:
        t = rx.sub(rep, t)
    out = []
    for w in _WORD.findall(t):
        if w in STOPWORDS:
            continue
        if w[0].isdigit() and not keep_numbers:
            continue
        s = SYNONYMS.get(w) or SYNONYMS.get(stem(w)) or stem(w)
        out.append(s)
    return out


class ClauseIndex:
    """BM25 index over the texts of a library's clause units (built once, reused for every query).

    ``texts[i]`` is the indexed text of unit ``i`` (clause text + heading + document title).
    """

    def __init__(self, texts: Sequence[str]):
        self.size = len(texts)
        corpus = [tokenize(t) or ["_empty_"] for t in texts]
        df: Counter = Counter()
        for toks in corpus:
            df.update(set(toks))
        self.df = df
        self._bm25 = None
        if corpus:
            self._bm25 = bm25s.BM25()
            self._bm25.index(corpus, show_progress=False)
            self._vocab = self._bm25.vocab_dict

    def idf(self, token: str) -> float:
        """Inverse document frequency of a canonical token (unknown tokens get the maximum)."""
        n = self.df.get(token, 0)
        return math.log(1 + (self.size - n + 0.5) / (n + 0.5))

    def search(self, query: str | Iterable[str], k: int = 10) -> list[tuple[int, float]]:
        """Top ``k`` units for ``query`` (text or canonical tokens) as ``[(unit index, BM25 score)]``, best first."""
        if self._bm25 is None:
            return []
        toks = tokenize(query) if isinstance(query, str) else list(query)
        toks = [t for t in dict.fromkeys(toks) if t in self._vocab]
        if not toks:
            return []
        scores = self._bm25.get_scores(toks)
        k = min(k, len(scores))
        idx = np.argpartition(-scores, k - 1)[:k]
        idx = idx[np.argsort(-scores[idx])]
        return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]
