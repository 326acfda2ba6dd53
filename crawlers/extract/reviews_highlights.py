"""A review shown twice on one page: a highlight above the list ("the most positive review",
"the most critical review" on Amazon; a featured or pinned review) repeats a review of the
list. Its link to all the reviews like it is no part of the text, and the repeat is no
second review."""
from __future__ import annotations

import re

from .reviews_normalize import COUNT_NUMBER, COUNT_WORDS, element_text

# a link naming a number of reviews: "Visualizza tutte le 1.958 recensioni positive", "See all
# 174 critical reviews", "Alle 12 Bewertungen anzeigen" (a few words either side, no more)
_MORE_REVIEWS = re.compile(r"[^\d.!?]{0,30}?(?<![\w.,])" + COUNT_NUMBER + r"\s+(?:[^\W\d]+\s+){0,2}?(?:"
                           + COUNT_WORDS + r")(?:\s+[^\W\d]+){0,2}\W{0,2}", re.I)


def more_reviews_links(block) -> list:
    """The links in `block` to more reviews of the page: navigation, not the review's text."""
    out = []
    for a in block.iter("a"):
        if a.get("href") is None:
            continue
        if _more_reviews(a):
            while (up := a.getparent()) is not None and up is not block and _more_reviews(up):
                a = up  # with the caret after it ("›")
            out.append(a)
    return out


def _more_reviews(el) -> bool:
    t = element_text(el)
    return len(t) <= 80 and _MORE_REVIEWS.fullmatch(t) is not None


def drop_repeats(reviews: list[dict]) -> list[dict]:
    """One review per review shown: of two with the same author, rating, date and title whose
    texts hold one another, the one with the fuller text stays (the first of equals)."""
    out: list[dict] = []
    for r in reviews:
        key = _key(r)
        twin = next((i for i, o in enumerate(out) if key is not None and _key(o) == key and _holds(o, r)), None)
        if twin is None:
            out.append(r)
        elif len(_norm(r.get("body"))) > len(_norm(out[twin].get("body"))):
            out[twin] = r
    return out


def _key(r: dict):
    if not r.get("author") or r.get("rating") is None or not r.get("body"):
        return None
    return (r["author"], r["rating"], r.get("published_at"), r.get("title"))


def _holds(a: dict, b: dict) -> bool:
    x, y = _norm(a.get("body")), _norm(b.get("body"))
    return len(min(x, y, key=len)) >= 12 and (x in y or y in x)


def _norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())
