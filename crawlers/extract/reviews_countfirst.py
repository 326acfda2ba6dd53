"""A page's aggregate printed as a review count in a short heading and the score on a stated
scale in the short line right after it: "<h2>9.766 opiniones realizadas</h2> <p>con una
valoración media de 9,1 / 10</p>" (reviews_aggregate reads a count and a score printed in one
element; here neither element holds both)."""
from __future__ import annotations

import re

from .reviews_normalize import COUNT_NUMBER, COUNT_WORDS, SCALE_WORDS, ascii_digits, element_text, scale_rating, to_number
from .reviews_widgets import tag

# a count of reviews, then within a few words (no figure between) a score on a stated scale
_COUNT_THEN_SCORE = re.compile(
    r"(?<![\d.,])" + COUNT_NUMBER + r"\s*(?:[^\W\d_]+\s+)?(?:" + COUNT_WORDS + r")(?!\w)[^\d]{0,60}?"
    r"(?<![\d.,/])(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:" + SCALE_WORDS + r")\s*(5|10|20|100)(?![\d.,%])", re.I)
_SKIP = ("script", "style", "head", "title", "template")


def _read(text: str) -> dict | None:
    m = _COUNT_THEN_SCORE.search(text)
    if not m:
        return None
    value, best = to_number(m.group(2)), float(m.group(3))
    from .reviews_aggregate import count_value  # (the aggregate module imports this one)
    count = count_value(m.group(1))
    if value is None or value > best or not count:
        return None
    return {"rating": scale_rating(value, best), "count": count}


def shown_text(root):
    """The page's text without its scripts and styles (a page's state can be megabytes of JSON)."""
    for el in root.iter():
        if tag(el) and tag(el) not in _SKIP and el.text:
            yield el.text
        if el.tail and el is not root:
            yield el.tail


def count_first_aggregate(root, in_blocks: set, price_near) -> dict | None:
    """{rating, count} from the first short element outside the reviews that prints a review
    count, whose next sibling (short too) goes on with a score out of 5, 10, 20 or 100."""
    if not _COUNT_THEN_SCORE.search(ascii_digits(" ".join(" ".join(shown_text(root)).split()))):
        return None  # (nowhere on the page: no element is read)
    for el in root.iter():
        if not tag(el) or tag(el) in _SKIP or id(el) in in_blocks:
            continue
        text = ascii_digits(element_text(el))
        if not text or len(text) > 100 or price_near.search(text):
            continue
        nxt = el.getnext()
        while nxt is not None and not tag(nxt):
            nxt = nxt.getnext()
        # (neither may hold a review or an item's own card: "Sponsors" + a list of firms, each
        # "4.97/5 (31 Reviews)", is no count and score of the page)
        after = ascii_digits(element_text(nxt)) if nxt is not None and not any(
            id(d) in in_blocks for d in nxt.iter()) and not any(id(d) in in_blocks for d in el.iter()) else ""
        found = _read(text + " " + after) if after and len(after) <= 100 else None
        if found:
            return found
    return None


# "an average rating of 4.9 / 5", "average score: 4.7 out of 5", "Durchschnittsbewertung von 4,8 / 5": the
# page's average on its scale, in a sentence of the page's own, with no count of reviews
_AVERAGE_OF = re.compile(
    r"(?:average|avg\.?|mean|overall|durchschnittliche?|moyenne|promedio|media|gemiddelde?)\s+(?:customer\s+|user\s+)?"
    r"(?:rating|score|bewertung|note|calificaci[oó]n|valutazione|beoordeling)\s*(?:of|is|:|von|de|di|van|van\s+een)?\s*"
    r"(\d(?:[.,]\d{1,2})?)\s*(?:/|out\s+of|von|sur|de|su|op|van)\s*(5|10)(?![\d.,]\d)", re.I)


def average_phrase(root, in_blocks: set) -> dict | None:
    """{rating, count: None} from the first element outside the reviews (300 characters at most)
    whose sentence states the page's average on a scale of 5 or 10; None when none does."""
    found = None
    for el in root.iter():
        if not tag(el) or tag(el) in _SKIP or id(el) in in_blocks:
            continue
        text = ascii_digits(element_text(el))
        m = _AVERAGE_OF.search(text) if text and len(text) <= 300 else None
        if m and not any(id(d) in in_blocks for d in el.iter()):
            value, best = to_number(m.group(1)), float(m.group(2))
            if value is not None and value <= best:
                found = {"rating": scale_rating(value, best), "count": None}
                break  # (the outermost in document order: its children say the same)
    return found
