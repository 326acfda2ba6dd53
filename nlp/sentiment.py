"""VADER with rivalscope's domain lexicon, clause splitting and sentiment labels.

VADER is scored per sentence (and per clause for contrastive sentences), never on a whole
long text: its cost grows faster than linearly with the text's length.
"""
from __future__ import annotations

import math
import string
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from spacy.strings import get_string_id
from vaderSentiment.vaderSentiment import (BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASES,
                                           SentimentIntensityAnalyzer, SentiText, scalar_inc_dec)


DOMAIN_LEXICON_FILE = Path(__file__).parent / "lexicon" / "domain.tsv"
POSITIVE_AT, NEGATIVE_AT = 0.05, -0.05  # VADER's own recommended cut-offs on compound

# Words that turn a sentence into two clauses with (possibly) opposite sentiment.
CONTRAST_WORDS = frozenset({"but", "however", "although", "though", "whereas", "nevertheless",
                            "nonetheless", "except", "yet", "unfortunately", "sadly"})
# Contrast words that open a subordinate clause ("Although X, Y"): split at the next comma.
LEADING_CONTRAST = frozenset({"although", "though", "while", "whereas", "despite"})
CLAUSE_PUNCT = frozenset({";", ":"})
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


def _valence_lines(p: Path, first: str) -> Iterator[tuple[int, str, float]]:
    """(line number, first column, valence) of a lexicon file's entries: tab-separated
    "first<TAB>valence<TAB>note" lines, blank lines and # comments skipped."""
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            value = float(parts[1])
        except (IndexError, ValueError):
            raise LexiconError(f"{p}:{n}: expected '{first}<TAB>valence<TAB>note'") from None
        if not -4.0 <= value <= 4.0:
            raise LexiconError(f"{p}:{n}: valence {value} outside VADER's range -4..4")
        yield n, parts[0], value


@lru_cache(maxsize=4)
def domain_lexicon(path: str | None = None) -> dict[str, float]:
    """word -> valence from lexicon/domain.tsv (or another file of the same format)."""
    p = Path(path) if path else DOMAIN_LEXICON_FILE
    return {word.strip().lower(): value for _, word, value in _valence_lines(p, "word")}


DOMAIN_PHRASES_FILE = Path(__file__).parent / "lexicon" / "phrases.tsv"


@lru_cache(maxsize=4)
def domain_phrases(path: str | None = None) -> dict[tuple[str, ...], float]:
    """phrase words -> valence from lexicon/phrases.tsv (or another file of the same format)."""
    p = Path(path) if path else DOMAIN_PHRASES_FILE
    out: dict[tuple[str, ...], float] = {}
    for n, phrase, value in _valence_lines(p, "phrase"):
        words = tuple(phrase.lower().split())
        if len(words) < 2 and "-" not in phrase:
            raise LexiconError(f"{p}:{n}: a phrase needs two words or more (single words go in domain.tsv)")
        out[words] = value
    return out


_NEGATE = frozenset(NEGATE)
# One word of each of VADER's multi-word idioms and boosters ("the bomb", "kind of"), its
# least common: its idiom check can only change a valence when one is among the words around.
_IDIOM_ANCHORS = frozenset({"shit", "bomb", "ass", "bus", "yeah", "kiss", "die", "beating", "enough", "kind", "sort"})
assert all(_IDIOM_ANCHORS.intersection(key.split()) for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key)
# The words that can make VADER's rules change a lexicon word's valence when they are within
# three words before it or two after it (boosters, negations, "no", "never so", "without
# doubt", "at least", "kind of", idioms), besides any word with "n't": with none of them
# around, a lexicon word's valence is its lexicon value (capitals aside).
_CONTEXT_WORDS = frozenset(BOOSTER_DICT) | _NEGATE | _IDIOM_ANCHORS | {
    "no", "never", "without", "so", "this", "least", "kind"}


def _context_word(low: str) -> bool:
    return low in _CONTEXT_WORDS or "n't" in low


def _negated(word: str) -> bool:
    return word in _NEGATE or "n't" in word


def _vader_word(token: str) -> str:
    """VADER's word for a whitespace token: its punctuation stripped, unless that leaves two
    characters or fewer (emoticons such as ':)' stay whole)."""
    word = token.strip(string.punctuation)
    return token if len(word) <= 2 else word


class FastVader(SentimentIntensityAnalyzer):
    """VADER, same scores, faster: its rules re-run over a once-lowercased word list.

    vaderSentiment rebuilds the text character by character (emoji replacement) and
    lowercases the whole sentence again for every rule check of every sentiment word;
    with a domain lexicon (more sentiment words) that dominates the cost. This subclass
    applies the same rules, in the same order, to a word list lowercased once (emojis are
    first replaced by their descriptions, as VADER does, only in non-ASCII text).
    tests/test_vader_equivalence.py checks that both give identical scores. With
    set_phrases() (the domain lexicon's phrases.tsv), compound() also scores review idioms
    VADER's single words get wrong ("a steal", "can't go wrong", "don't buy").
    """

    _TOKEN_CACHE_MAX = 200_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # whitespace token -> VADER's word for it, lowercased; the tokens among them whose
        # word is in capitals; the lowercased words holding a phrase's anchor word
        self._tokens: dict[str, str] = {}
        self._upper: set[str] = set()
        self._anchored: set[str] = set()
        self._context: set[str] = set()  # the lowercased words _context_word() accepts
        # anchor word -> [(phrase words, the anchor's index in them, valence)]; none: VADER's
        # own scores exactly
        self._anchors: dict[str, list[tuple[tuple[str, ...], int, float]]] = {}

    def set_phrases(self, phrases: dict[tuple[str, ...], float]) -> None:
        """Score these multi-word phrases with their own valence (see lexicon/phrases.tsv).

        Each phrase is looked for only where its longest word occurs (its anchor: "steal"
        of "a steal"), so common words like "a" cost nothing."""
        anchors: dict[str, list] = {}
        for words, value in phrases.items():
            at = max(range(len(words)), key=lambda k: (len(words[k]), k))
            anchors.setdefault(words[at], []).append((words, at, value))
        self._anchors = anchors
        self._forget_tokens()

    def _forget_tokens(self) -> None:
        """Empty the token cache (after a change of lexicon or phrases)."""
        self._tokens.clear()
        self._upper.clear()
        self._anchored.clear()
        self._context.clear()

    def _phrase_matches(self, bare: list[str]) -> list[tuple[int, int, float]]:
        """(start, end, valence) of the phrases in the word list: where two overlap, the one
        starting first (then the longer) wins."""
        found = []
        for i, word in enumerate(bare):
            for words, at, value in self._anchors.get(word, ()):
                start = i - at
                if start >= 0 and tuple(bare[start:start + len(words)]) == words:
                    found.append((start, start + len(words), value))
        found.sort(key=lambda m: (m[0], m[0] - m[1]))
        out: list[tuple[int, int, float]] = []
        for m in found:
            if not out or m[0] >= out[-1][1]:
                out.append(m)
        return out

    def _without_emojis(self, text: str) -> str:
        """VADER's own emoji step (emojis replaced by their descriptions), as polarity_scores does."""
        emojis = self.emojis
        if not any(ch in emojis for ch in text):
            return text
        out, prev_space = [], True
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    out.append(" ")
                out.append(emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    def polarity_scores(self, text):
        if not text.isascii():
            return super().polarity_scores(text)
        text = text.strip()
        sentitext = SentiText(text)
        words = sentitext.words_and_emoticons
        lower = [w.lower() for w in words]
        lexical = [i for i, low in enumerate(lower) if low in self.lexicon]
        context = {low for low in lower if _context_word(low)}
        sentiments = self._valences(words, lower, lexical, sentitext.is_cap_diff, context)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    def _learn(self, tok: str) -> str:
        """Cache VADER's lowercased word for a whitespace token (and whether its word is in
        capitals, and whether it holds a phrase's anchor word)."""
        word = _vader_word(tok)
        low = self._tokens[tok] = word.lower()
        if word.isupper():
            self._upper.add(tok)
        if low.strip(string.punctuation) in self._anchors:
            self._anchored.add(low)
        if _context_word(low):
            self._context.add(low)
        return low

    def compound(self, text: str) -> float:
        """polarity_scores(text)["compound"] (what rivalscope stores), computed faster.

        Tokens are looked up in a per-analyzer cache of VADER's word rules (punctuation
        stripping, lowercase), only lexicon words go through VADER's valence rules (every
        other word scores 0 there), and a sentence without any lexicon word (or phrase)
        scores 0.0 at once, as in VADER. Without capitals, the lowercased words stand for
        VADER's words: its rules then read only their lowercase."""
        if not text.isascii():
            text = self._without_emojis(text)
        toks = text.split()
        cache = self._tokens
        lower = list(map(cache.get, toks))
        if None in lower:
            if len(cache) + len(toks) > self._TOKEN_CACHE_MAX:
                self._forget_tokens()
            lower = [cache.get(tok) or self._learn(tok) for tok in toks]
        lex = self.lexicon
        lexical = [i for i, low in enumerate(lower) if low in lex]
        phrases = ()
        if not self._anchored.isdisjoint(lower):
            phrases = self._phrase_matches([w.strip(string.punctuation) for w in lower])
        if not lexical and not phrases:
            return 0.0
        words, is_cap_diff = lower, False
        if not self._upper.isdisjoint(toks):
            words = [_vader_word(tok) for tok in toks]
            # VADER's allcap_differential: some words, not all, in capitals
            is_cap_diff = 0 < sum(1 for w in words if w.isupper()) < len(words)
        sentiments = self._valences(words, lower, lexical, is_cap_diff, self._context)
        for start, end, value in phrases:
            # the phrase's valence replaces its words'; a negation just before flips it
            sentiments[start:end] = [0.0] * (end - start)
            if any(_negated(lower[k]) for k in range(max(0, start - 3), start)):
                value *= N_SCALAR
            sentiments[start] = value
        if "but" in lower:
            sentiments = self._but_check(words, sentiments)
        total = float(sum(sentiments))
        if total == 0:
            return 0.0
        emphasis = min(text.count("!"), 4) * 0.292
        questions = text.count("?")
        if questions > 1:
            emphasis += questions * 0.18 if questions <= 3 else 0.96
        total = total + emphasis if total > 0 else total - emphasis
        return round(max(-1.0, min(1.0, total / math.sqrt(total * total + 15))), 4)

    def _valences(self, words: list[str], lower: list[str], lexical: list[int], is_cap_diff: bool,
                  context: set[str]) -> list:
        """VADER's per-word valences before the 'but' check: its rules, in its order, run for
        the lexicon words (positions `lexical`); every other word is 0 as in VADER. `context`:
        the words among `lower` that _context_word() accepts (others may be in it too)."""
        lex = self.lexicon
        n = len(words)
        sentiments: list = [0] * n
        for i in lexical:
            low = lower[i]
            if context.isdisjoint(lower[i - 3 if i > 3 else 0:i + 3]):
                valence = lex[low]  # no rule applies (see _CONTEXT_WORDS)
                if is_cap_diff and words[i].isupper():
                    valence = valence + C_INCR if valence > 0 else valence - C_INCR
                sentiments[i] = valence
                continue
            if low in BOOSTER_DICT or (low == "kind" and i < n - 1 and lower[i + 1] == "of"):
                continue
            valence = lex[low]
            if low == "no" and i != n - 1 and lower[i + 1] in lex:
                valence = 0.0
            if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") or (
                    i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")):
                valence = lex[low] * N_SCALAR
            if is_cap_diff and words[i].isupper():
                valence = valence + C_INCR if valence > 0 else valence - C_INCR
            # VADER's three look-backs: a booster before, then negations, then idioms
            if i > 0 and lower[i - 1] not in lex:
                if lower[i - 1] in BOOSTER_DICT:
                    valence = valence + scalar_inc_dec(words[i - 1], valence, is_cap_diff)
                if _negated(lower[i - 1]):
                    valence = valence * N_SCALAR
            if i > 1 and lower[i - 2] not in lex:
                if lower[i - 2] in BOOSTER_DICT:
                    sc = scalar_inc_dec(words[i - 2], valence, is_cap_diff)
                    valence = valence + (sc * 0.95 if sc != 0 else sc)
                if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                    pass
                elif _negated(lower[i - 2]):
                    valence = valence * N_SCALAR
            if i > 2 and lower[i - 3] not in lex:
                if lower[i - 3] in BOOSTER_DICT:
                    sc = scalar_inc_dec(words[i - 3], valence, is_cap_diff)
                    valence = valence + (sc * 0.9 if sc != 0 else sc)
                valence = _third_word_before(valence, lower, i)
                if not _IDIOM_ANCHORS.isdisjoint(lower[i - 3:i + 3]):
                    valence = _special_idioms_check(valence, lower, i)
            if i > 0 and lower[i - 1] == "least" and "least" not in lex:
                if i == 1 or (lower[i - 2] != "at" and lower[i - 2] != "very"):
                    valence = valence * N_SCALAR
            sentiments[i] = valence
        return sentiments


def _third_word_before(valence, lower, i):
    """VADER's negation check on the word three before a lexicon word (its quirks kept: a
    "so" or "this" just before boosts, "never so" too, "without doubt" does not negate)."""
    if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or (
            lower[i - 1] == "so" or lower[i - 1] == "this"):
        valence = valence * 1.25
    elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
        pass
    elif _negated(lower[i - 3]):
        valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence, lower, i):
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence, lower, i, lex):
    if i > 1 and lower[i - 1] not in lex and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lex and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


@lru_cache(maxsize=4)
def make_analyzer(domain: bool = True) -> SentimentIntensityAnalyzer:
    """A VADER analyzer (one per process), with the domain lexicon added when `domain`."""
    analyzer = FastVader()
    if domain:
        analyzer.lexicon.update(domain_lexicon())
        analyzer.set_phrases(domain_phrases())
        analyzer._forget_tokens()
    return analyzer


def score(text: str, *, domain: bool = True) -> float:
    """VADER compound of one sentence or clause."""
    return make_analyzer(domain).compound(text)


def _ids(words) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


_CONTRAST_IDS, _LEADING_IDS, _PUNCT_IDS = _ids(CONTRAST_WORDS), _ids(LEADING_CONTRAST), _ids(CLAUSE_PUNCT)
SPLIT_IDS = _CONTRAST_IDS | _LEADING_IDS | _PUNCT_IDS  # token ids that may split a sentence
_COMMA, _YET = get_string_id(","), get_string_id("yet")


def clause_cuts(lower: list[int], punct: list[int], alpha: list[int], start: int,
                end: int) -> list[tuple[int, int]]:
    """Split tokens start..end (one sentence) into clauses at contrastive conjunctions (doc
    token offsets), read from the doc's clause_columns() (nlp/tokentable.py).

    "great UI but support is slow" -> ["great UI", "but support is slow"];
    "Although the UI is nice, support is slow" -> ["Although the UI is nice,", "support is slow"].
    Returns [(start, end)] when there is nothing to split.
    """
    if SPLIT_IDS.isdisjoint(lower[start:end]):
        return [(start, end)]  # fast path: nothing that could split the sentence
    cuts: list[int] = []
    i = start
    while i < end:
        low = lower[i]
        if low in _LEADING_IDS and (i == start or punct[i - 1]):
            # subordinate clause first: split after the next comma inside the sentence
            j = i + 1
            while j < end and lower[j] != _COMMA:
                j += 1
            if j < end - 1 and j > i + 1:
                cuts.append(j + 1)
                i = j + 1
                continue
        elif low in _CONTRAST_IDS and i > start:
            if low == _YET and not punct[i - 1]:
                i += 1  # "not yet": not a contrast
                continue
            cuts.append(i)
        elif low in _PUNCT_IDS and start < i < end - 1:
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
    for b0, b1 in bounds:
        has_word = False
        for k in range(b0, b1):
            if alpha[k] and lower[k] not in _CONTRAST_IDS:
                has_word = True
                break
        if merged and not has_word:
            merged[-1] = (merged[-1][0], b1)
        else:
            merged.append((b0, b1))
    return merged
