"""rivalscope's FastVader gives vaderSentiment's own scores, with and without the domain lexicon."""
from __future__ import annotations

import random

import pytest
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

from nlp.evaluate import load_labelled
from nlp.sentiment import FastVader, domain_lexicon

TRICKY = [
    "VADER is VERY SMART, handsome, and FUNNY!!!", "The plot was good, but the characters are uncompelling.",
    "Not bad at all", "At least it isn't a horrible book.", "The book was only kind of good.",
    "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!", "no problem, no bad ui",
    "It is never so good.", "Without doubt the best.", "He is the bomb", "yeah right, great support",
    "Is it good??", "Is it good???? really????", "least helpful team", "at least it works", "very least good",
    "nor good nor bad", "no or bad", "NOT GOOD", "good BUT slow", "but", "", "   ", "!!!", "kind of",
    "Great UI but support is slow, but billing is fine.", "Catch utf-8 emoji such as \U0001F498 and \U0001F601",
    "It's not cheap; it's overpriced and buggy.", "The refund never came... terrible!", "a b c :( :-) <3",
    # non-ASCII: emojis replaced by their descriptions first, accents and other scripts as they are
    "Great product\U0001F60D", "great \U0001F60D\U0001F60D product", "The café was awful", "naïve design, LOVE it \u2764\ufe0f",
    "価格が高い but good", "Très bon! \U0001F44D", "\U0001F621 worst purchase ever \U0001F621", "“Good” — not great…",
]
WORDS = (["good", "great", "bad", "terrible", "slow", "fast", "love", "hate", "cheap", "overpriced", "buggy",
          "crash", "ok", "no", "not", "never", "isn't", "without", "doubt", "so", "this", "least", "at",
          "very", "but", "kind", "of", "the", "app", "support", "is", "was", "and", "or", "nor", "bomb",
          "shit", "yeah", "right", "die", "for", "to", ":)", ":(", "<3", "lol"]
         + sorted(BOOSTER_DICT)[:30] + sorted(NEGATE)[:20] + [w for s in SPECIAL_CASES for w in s.split()])


def _fuzz(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 14)):
            w = rng.choice(WORDS)
            r = rng.random()
            if r < 0.12:
                w = w.upper()
            elif r < 0.2:
                w = w.capitalize()
            if rng.random() < 0.15:
                w += rng.choice([",", ".", "!", "?", "!!", "...", ";", "'"])
            if rng.random() < 0.05:
                w = rng.choice(["(", '"', "'"]) + w
            words.append(w)
        out.append(" ".join(words))
    return out


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return TRICKY + [r["text"] for r in load_labelled()] + _fuzz(6000, 7)


@pytest.mark.parametrize("domain", [False, True])
def test_fast_vader_scores_equal_vaders(texts, domain):
    stock, fast = SentimentIntensityAnalyzer(), FastVader()
    if domain:
        stock.lexicon.update(domain_lexicon())
        fast.lexicon.update(domain_lexicon())
    differ = [(t, stock.polarity_scores(t), fast.polarity_scores(t), fast.compound(t)) for t in texts
              if not stock.polarity_scores(t) == fast.polarity_scores(t)
              or stock.polarity_scores(t)["compound"] != fast.compound(t)]
    assert not differ, differ[:5]
    assert sum(fast.compound(t) != 0 for t in texts) > len(texts) // 2  # the fuzz reaches the rules


def test_token_cache_is_bounded():
    fast = FastVader()
    fast._TOKEN_CACHE_MAX = 50
    for i in range(200):
        fast.compound(f"good{i} bad{i} great")
    assert len(fast._tokens) <= 50
    assert fast.compound("good bad great") == SentimentIntensityAnalyzer().polarity_scores("good bad great")["compound"]
