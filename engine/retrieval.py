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

from engine.vocab import PHRASE_LIST, SYNONYMS

STOPWORDS = frozenset(
    """a an the of to in on at is are was were be been being and or for from by with as this that these those it its
    shall must should may will can not no nor if than then there their which who whom where when while into onto
    per each all any such has have had do does did so but also other same both only very""".split()
)

PHRASES: dict[tuple[str, ...], tuple[list[str], bool]] = {}
for _alts, _out, _keep in PHRASE_LIST:
    for _alt in _alts.split("|"):
        PHRASES[tuple(_alt.split())] = (_out.split(), _keep)
_PHRASE_FIRST = {k[0] for k in PHRASES}

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
        if w.endswith("ing") and len(w) > 5:
            w = _silent_e(w[:-3])  # "buildings" -> "build", as "building" -> "build"
    elif w.endswith("ing") and len(w) > 5:
        w = _silent_e(w[:-3])
    elif w.endswith("ed") and len(w) > 4 and w not in ("covered", "required"):
        w = w[:-2]
        if w.endswith("i"):
            w = w[:-1] + "y"
        else:
            w = _silent_e(w)
    elif w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    return w


# a stem that lost a silent "e" with its "-ed" / "-ing": "fenc(ed)", "secur(ed)", "locat(ed)", "energiz(ed)",
# "enclos(ed)", "remov(ed)", "damag(ed)", "rais(ed)" take it back, so "fenced" and "fence" are one token
# ("poured", "during", "casing", "housing" keep theirs: pour, dur, cas, hous)
_SILENT_E = re.compile(r"(?:(?<=[aeioun])c|os|ais|iz|v|(?<=[cjs])ur|(?<=[^aeiou])at|ag)$")


def _silent_e(w: str) -> str:
    return w + "e" if len(w) >= 3 and _SILENT_E.search(w) else w


_CANON: dict[str, str | None] = {}
_STEM: dict[str, str] = {}


def _stem(w: str) -> str:
    got = _STEM.get(w)
    if got is None:
        got = stem(w)
        if len(_STEM) < 200_000:
            _STEM[w] = got
    return got


def _canon(w: str) -> str | None:
    """Canonical form of one lower-case word (None for stopwords), memoised."""
    got = _CANON.get(w, "")
    if got != "":
        return got
    if w in STOPWORDS:
        c = None
    else:
        st = _stem(w)
        c = SYNONYMS.get(w) or SYNONYMS.get(st) or st
    if len(_CANON) < 200_000:
        _CANON[w] = c
    return c


_PF_MEMO: dict[str, bool] = {}


def _phrase_start(w: str) -> bool:
    got = _PF_MEMO.get(w)
    if got is None:
        got = w in _PHRASE_FIRST or _stem(w) in _PHRASE_FIRST
        if len(_PF_MEMO) < 200_000:
            _PF_MEMO[w] = got
    return got


def _phrase_at(words: list[str], i: int) -> tuple[int, list[str], bool] | None:
    n = len(words)
    for size in (3, 2):
        if i + size <= n:
            raw = tuple(words[i : i + size])
            hit = PHRASES.get(raw) or PHRASES.get(tuple(_stem(x) for x in raw))
            if hit:
                return size, hit[0], hit[1]
    return None


def tokenize(text: str, *, keep_numbers: bool = True) -> list[str]:
    """Canonical tokens of ``text``: lower-cased words, stopwords dropped, light stemming, domain synonyms,
    and domain phrases joined ("cross arm" -> crossarm, "guy marker" -> guyguard)."""
    words = _WORD.findall((text or "").lower())
    out: list[str] = []
    memo = _CANON
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if _PF_MEMO.get(w) is not False and _phrase_start(w):
            hit = _phrase_at(words, i)
            if hit:
                size, toks, keep = hit
                if keep:
                    out.extend(c for c in (_canon(x) for x in words[i : i + size]) if c)
                out.extend(toks)
                i += size
                continue
        i += 1
        if not keep_numbers and w[0].isdigit():
            continue
        c = memo.get(w, "")
        if c == "":
            c = _canon(w)
        if c:
            out.append(c)
    return out


class ClauseIndex:
    """BM25 index over the texts of a library's clause units (built once, reused for every query).

    ``texts[i]`` is the indexed text of unit ``i`` (clause text + heading + document title).
    """

    def __init__(self, texts: Sequence[str]):
        self.size = len(texts)
        corpus = [tokenize(t) or ["_empty_"] for t in texts]
        df: Counter[str] = Counter()
        for toks in corpus:
            df.update(set(toks))
        self.df = df
        self._bm25 = None
        if corpus:
            self._bm25 = bm25s.BM25()
            self._bm25.index(corpus, show_progress=False)
            self._vocab = self._bm25.vocab_dict

    @property
    def bm25(self) -> bm25s.BM25 | None:
        """The bm25s index (None for an empty library)."""
        return self._bm25

    def attach(self, bm25: bm25s.BM25) -> None:
        """Use ``bm25`` (a saved index loaded back, ``engine.snapshot``) as this index's matrices."""
        self._bm25 = bm25
        self._vocab = bm25.vocab_dict

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the bm25s matrices: ``engine.snapshot`` saves those apart and memory-maps them."""
        state = dict(self.__dict__)
        state["_bm25"] = None
        state.pop("_vocab", None)
        return state

    def idf(self, token: str) -> float:
        """Inverse document frequency of a canonical token (unknown tokens get the maximum)."""
        n = self.df.get(token, 0)
        return math.log(1 + (self.size - n + 0.5) / (n + 0.5))

    def search(self, query: str | Iterable[str], k: int = 10) -> list[tuple[int, float]]:
        """Top ``k`` units for ``query`` (text or canonical tokens) as ``[(unit index, BM25 score)]``, best first."""
        if self._bm25 is None:
            return []
        toks = tokenize(query) if isinstance(query, str) else list(query)
        # in one order whatever order they come in (a set's order changes with the hash seed, and the BM25 sum's
        # last bit with it, which reorders units that tie)
        toks = sorted({t for t in toks if t in self._vocab})
        if not toks:
            return []
        scores = self._bm25.get_scores(toks)
        k = min(k, len(scores))
        idx = np.argpartition(-scores, k - 1)[:k]
        idx = idx[np.argsort(-scores[idx])]
        return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]
