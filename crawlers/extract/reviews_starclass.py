"""Star ratings written into one class token that runs a word into the stars and their value.

Some sites print a review's stars as an empty element whose class says the value in tenths,
run together with a word before "star": class="allstar45 rating" is 4.5 stars, "allstar50" five.
The general class reading (reviews_widgets: "stars-4", "rating-45") wants "star" at a token's
start; here a token may begin with other letters, but only where the element is also named a
rating by another class ("rating", "stars", "star"), the value is in tenths (its last digit 0 or
5) and at most 5 stars: that keeps words that merely end in "star" out.
"""
from __future__ import annotations

import re

_WORD_STARS = re.compile(r"[a-z]+stars?([0-5])([05])")
_RATING_NAME = {"rating", "ratings", "stars", "star", "rate"}


def word_star_class(el) -> float | None:
    """The rating a class like "allstar40 rating" gives (4.0), else None."""
    tokens = (el.get("class") or "").lower().split()
    if not _RATING_NAME.intersection(tokens):
        return None
    values = [m for t in tokens if (m := _WORD_STARS.fullmatch(t))]
    if len(values) != 1:
        return None
    whole, tenth = values[0].groups()
    value = int(whole) + int(tenth) / 10
    return value if value <= 5 else None
