"""A small lookup + suffix-rule lemmatizer (spaCy's lookup tables are not installed).

Lemmas are always lowercase, so "Crashes", "CRASHED" and "crashing" all give "crash". A
form is looked up in `lexicon/lemmas.tsv` (irregular forms); otherwise suffix rules make
candidates, and the first candidate that is a known base form (that file's base list,
VADER's lexicon, the taxonomy's lemmas) wins; with no known candidate, a conservative
default rule applies. Results are cached per form, so the cost per token is a dict lookup.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

LEMMAS_FILE = Path(__file__).parent / "lexicon" / "lemmas.tsv"
_VOWELS = set("aeiouy")
_KEEP_DOUBLE = set("lsz")  # "stalling" -> "stall", not "stal"


@lru_cache(maxsize=1)
def load_lookup() -> tuple[dict[str, str], frozenset[str]]:
    """(form -> lemma table, known base forms) from lexicon/lemmas.tsv."""
    table: dict[str, str] = {}
    bases: set[str] = set()
    for line in LEMMAS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            table[parts[0].strip()] = parts[1].strip()
            bases.add(parts[1].strip())
        else:
            bases.add(parts[0].strip())
    return table, frozenset(bases)


def _vader_words() -> frozenset[str]:
    from .sentiment import vader_lexicon

    words = set(vader_lexicon())
    return frozenset(w for w in words if w.isalpha())


class LemmaLookup:
    """Callable form -> lemma with a per-form cache."""

    def __init__(self, extra_bases: Iterable[str] = ()):
        table, bases = load_lookup()
        self.table = table
        self.core = set(bases) | {b.lower() for b in extra_bases}  # base forms we list
        self.known = self.core | _vader_words()  # VADER's words include inflected forms
        self.cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        lemma = self.cache.get(text)
        if lemma is None:
            lemma = self.cache[text] = self._lemmatize(text.lower())
        return lemma

    def _lemmatize(self, w: str) -> str:
        if w in self.table:
            return self.table[w]
        if len(w) <= 3 or not w.isalpha():
            return w
        candidates, fallback, core_only = self._candidates(w)
        known = self.core if core_only else self.known
        for c in candidates:
            if c in known:
                return c
        return w if w in self.known else fallback

    def _candidates(self, w: str) -> tuple[list[str], str, bool]:
        """Candidate lemmas (best first), the default when none is known, core-bases-only flag."""
        if w.endswith("ies") and len(w) > 4:
            return [w[:-3] + "y"], w[:-3] + "y", False
        if w.endswith("ied") and len(w) > 4:
            return [w[:-3] + "y"], w[:-3] + "y", False
        if w.endswith("sses"):
            return [w[:-2]], w[:-2], False
        if w.endswith(("ches", "shes", "xes", "zes")):
            return [w[:-2], w[:-1]], w[:-2], False
        if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
            return [w[:-1]], w[:-1], False
        if w.endswith("ing") and len(w) > 5:
            return (*self._verb_stem(w[:-3]), False)
        if w.endswith("ed") and len(w) > 3:
            return (*self._verb_stem(w[:-2], also=[w[:-1]]), False)
        # comparatives only to base forms we list ("faster" -> "fast", never "user" -> "us")
        if w.endswith("iest") and len(w) > 6:
            return [w[:-4] + "y"], w, True
        if w.endswith("ier") and len(w) > 5:
            return [w[:-3] + "y"], w, True
        if w.endswith("est") and len(w) > 5:
            stem = w[:-3]
            return [stem, stem + "e", stem[:-1]], w, True
        if w.endswith("er") and len(w) > 4:
            stem = w[:-2]
            return [stem, stem + "e", stem[:-1]], w, True
        return [], w, False

    def _verb_stem(self, stem: str, also: list[str] | None = None) -> tuple[list[str], str]:
        doubled = len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS
        cands = list(also or [])
        cands += [stem, stem + "e"]
        if doubled:
            cands.insert(0, stem[:-1])
        if doubled and stem[-1] not in _KEEP_DOUBLE:
            default = stem[:-1]
        elif stem[-1] in "cgvz" or (stem[-1] == "s" and stem[-2:-1] in _VOWELS) or stem.endswith(("at", "ur", "iz", "bl", "pl", "dl", "tl", "gl")):
            default = stem + "e"  # "pric" -> "price", "resolv" -> "resolve", "updat" -> "update"
        else:
            default = stem
        return cands, default
