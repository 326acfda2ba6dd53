"""VADER with rivalscope's domain lexicon, clause splitting and sentiment labels.

VADER is scored per sentence (and per clause for contrastive sentences), never on a whole
long text: its cost grows faster than linearly with the text's length.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

DOMAIN_LEXICON_FILE = Path(__file__).parent / "lexicon" / "domain.tsv"
POSITIVE_AT, NEGATIVE_AT = 0.05, -0.05  # VADER's own recommended cut-offs on compound

# Words that turn a sentence into two clauses with (possibly) opposite sentiment.
CONTRAST_WORDS = frozenset({"but", "however", "although", "though", "whereas", "nevertheless",
                            "nonetheless", "except", "yet", "unfortunately", "sadly"})
# Contrast words that open a subordinate clause ("Although X, Y"): split at the next comma.
LEADING_CONTRAST = frozenset({"although", "though", "while", "whereas", "despite"})
CLAUSE_PUNCT = frozenset({";", ":"})
_ANY_CONTRAST = tuple(CONTRAST_WORDS | LEADING_CONTRAST)


class LexiconError(ValueError):
    pass


def label_for(compound: float) -> str:
    """positive (>= 0.05), negative (<= -0.05) or neutral: VADER's standard thresholds."""
    if compound >= POSITIVE_AT:
        return "positive"
    if compound <= NEGATIVE_AT:
        return "negative"
    return "neutral"


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's own lexicon (a copy)."""
    return dict(SentimentIntensityAnalyzer().lexicon)


@lru_cache(maxsize=4)
def domain_lexicon(path: str | None = None) -> dict[str, float]:
    """word -> valence from lexicon/domain.tsv (or another file of the same format)."""
    p = Path(path) if path else DOMAIN_LEXICON_FILE
    out: dict[str, float] = {}
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            value = float(parts[1])
        except (IndexError, ValueError):
            raise LexiconError(f"{p}:{n}: expected 'word<TAB>valence<TAB>note'") from None
        if not -4.0 <= value <= 4.0:
            raise LexiconError(f"{p}:{n}: valence {value} outside VADER's range -4..4")
        out[parts[0].strip().lower()] = value
    return out


@lru_cache(maxsize=4)
def make_analyzer(domain: bool = True) -> SentimentIntensityAnalyzer:
    """A VADER analyzer (one per process), with the domain lexicon added when `domain`."""
    analyzer = SentimentIntensityAnalyzer()
    if domain:
        analyzer.lexicon.update(domain_lexicon())
    return analyzer


def score(text: str, *, domain: bool = True) -> float:
    """VADER compound of one sentence or clause."""
    return make_analyzer(domain).polarity_scores(text)["compound"]


def clause_bounds(sent) -> list[tuple[int, int]]:
    """Split a sentence span into clauses at contrastive conjunctions (doc token offsets).

    "great UI but support is slow" -> ["great UI", "but support is slow"];
    "Although the UI is nice, support is slow" -> ["Although the UI is nice,", "support is slow"].
    Returns [(sent.start, sent.end)] when there is nothing to split.
    """
    start, end = sent.start, sent.end
    text = sent.text.lower()
    if ";" not in text and ":" not in text and not any(w in text for w in _ANY_CONTRAST):
        return [(start, end)]  # fast path: nothing that could split the sentence
    doc = sent.doc
    cuts: list[int] = []
    i = start
    while i < end:
        low = doc[i].lower_
        if low in LEADING_CONTRAST and (i == start or doc[i - 1].is_punct):
            # subordinate clause first: split after the next comma inside the sentence
            j = i + 1
            while j < end and doc[j].text != ",":
                j += 1
            if j < end - 1 and j > i + 1:
                cuts.append(j + 1)
                i = j + 1
                continue
        elif low in CONTRAST_WORDS and i > start:
            if low == "yet" and not doc[i - 1].is_punct:
                i += 1  # "not yet": not a contrast
                continue
            cuts.append(i)
        elif doc[i].text in CLAUSE_PUNCT and start < i < end - 1:
            cuts.append(i + 1)
        i += 1
    if not cuts:
        return [(start, end)]
    bounds, prev = [], start
    for c in cuts:
        if c > prev:
            bounds.append((prev, c))
            prev = c
    if prev < end:
        bounds.append((prev, end))
    # merge clauses with no word in them (e.g. a trailing "though.")
    merged: list[tuple[int, int]] = []
    for b in bounds:
        has_word = any(t.is_alpha and t.lower_ not in CONTRAST_WORDS for t in doc[b[0]:b[1]])
        if merged and not has_word:
            merged[-1] = (merged[-1][0], b[1])
        else:
            merged.append(b)
    return merged
