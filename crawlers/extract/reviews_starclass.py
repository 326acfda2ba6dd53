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


# a star class with the value as a BEM modifier: "rating-stars--s10", "stars--8" (one letter
# may open the modifier); the base names a rating or its stars
_MODIFIER = re.compile(r"((?:[a-z]+[-_])*(?:stars?|rating))(?:--|__)([a-z]?)(\d{1,2})")


def modifier_star_class(el) -> float | None:
    """The rating a star class's modifier gives ("rating-stars--s9"), else None. The value is
    in stars when no class of that name on the page goes above 5, in half stars when one does
    (up to 10: "--s10" can only be ten halves); 0 is no stars lit, no rating."""
    cls = (el.get("class") or "").lower()
    if "--" not in cls and "__" not in cls:
        return None
    found = [m for t in cls.split() if (m := _MODIFIER.fullmatch(t))]
    if len(found) != 1:
        return None
    base, letter, value = found[0].group(1), found[0].group(2), int(found[0].group(3))
    top = _page_top(el, base, letter)
    if value == 0 or top > 10:
        return None
    return value / 2 if top > 5 else float(value)


def _page_top(el, base: str, letter: str) -> float:
    """The highest value a class "<base>--<letter>N" takes on the page (memoised per page)."""
    from .reviews_normalize import current_memo  # (no cycle at import time)

    memo = current_memo()
    key = f"{base}--{letter}"
    if memo is not None and key in memo.scales:
        return memo.scales[key]
    pat = re.compile(re.escape(key) + r"(\d{1,2})(?![\w-])")
    root = el.getroottree().getroot()
    top = max((int(m.group(1)) for d in root.iter() if isinstance(d.tag, str)
               for m in pat.finditer((d.get("class") or "").lower())), default=0)
    if memo is not None:
        memo.scales[key] = top
    return top


def star_class_value(el) -> float | None:
    """The rating a class token states, run into a word ("allstar45") or as a modifier ("--s9")."""
    v = word_star_class(el)
    return v if v is not None else modifier_star_class(el)
