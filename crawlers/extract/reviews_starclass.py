"""Star ratings written into one class token that runs a word into the stars and their value.

Some sites print a review's stars as an empty element whose class says the value in tenths,
run together with a word before "star": class="allstar45 rating" is 4.5 stars, "allstar50" five.
The general class reading (reviews_widgets: "stars-4", "rating-45") wants "star" at a token's
start; here a token may begin with other letters, but only where the element is also named a
rating, by another class or a class part ("rating", "main-title-rating", "user-stars") or by
its RDFa/microdata property ("v:rating"), the value is in tenths (its last digit 0 or 5) and at
most 5 stars: that keeps words that merely end in "star" out.
"""
from __future__ import annotations

import re

_WORD_STARS = re.compile(r"[a-z]+stars?([0-5])([05])")
_RATING_PART = re.compile(r"(?:^|[-_])(?:ratings?|stars?|rate)$")
_RATING_PROPERTY = re.compile(r"rating", re.I)


def _named_rating(el, tokens: list[str]) -> bool:
    if any(_RATING_PART.search(t) for t in tokens if not _WORD_STARS.fullmatch(t)):
        return True
    return bool(_RATING_PROPERTY.search((el.get("property") or "") + " " + (el.get("itemprop") or "")))


def word_star_class(el) -> float | None:
    """The rating a class like "allstar40 rating" gives (4.0), else None."""
    cls = (el.get("class") or "").lower()
    if "star" not in cls:
        return None
    tokens = cls.split()
    values = [m for t in tokens if (m := _WORD_STARS.fullmatch(t))]
    if len(values) != 1 or not _named_rating(el, tokens):
        return None
    whole, tenth = values[0].groups()
    value = int(whole) + int(tenth) / 10
    return value if value <= 5 else None
