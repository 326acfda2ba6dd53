"""Star ratings written into one class token that runs a word into the stars and their value.

Some sites print a review's stars as an empty element whose class says the value in tenths,
run together with a word before "star": class="allstar45 rating" is 4.5 stars, "allstar50" five.
The general class reading (reviews_widgets: "stars-4", "rating-45") wants "star" at a token's
start; here a token may begin with other letters, but only where the element is also named a
rating, by another class or a class part ("rating", "main-title-rating", "user-stars") or by
its RDFa/microdata property ("v:rating"), or by a camel-cased class that has "Stars" among its
words ("iReviewStarsSmallYellow smlStars40"), the value is in tenths (its last digit 0 or 5) and
at most 5 stars: that keeps words that merely end in "star" out. A check-in site writes its caps
in hundredths after a letter on an empty element named a rating ("rating small r425" is 4.25).
"""
from __future__ import annotations

import re

_WORD_STARS = re.compile(r"[a-z]+stars?([0-5])([05])")
_RATING_PART = re.compile(r"(?:^|[-_])(?:ratings?|stars?|rate)$")
_RATING_PROPERTY = re.compile(r"rating", re.I)
# a camel-cased class naming the widget by one of its words: "iReviewStarsSmallYellow"
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+")
_CAMEL_RATING = {"rating", "ratings", "star", "stars"}


def _named_rating(el, tokens: list[str]) -> bool:
    if any(_RATING_PART.search(t) for t in tokens if not _WORD_STARS.fullmatch(t)):
        return True
    if any(p.lower() in _CAMEL_RATING for t in (el.get("class") or "").split()
           if t != t.lower() and not _WORD_STARS.fullmatch(t.lower()) for p in _CAMEL_PART.findall(t)):
        return True
    return bool(_RATING_PROPERTY.search((el.get("property") or "") + " " + (el.get("itemprop") or "")))


# a rating drawn from one class token in hundredths, a letter or two before them ("rating small
# r425": 4.25 caps, Untappd); layout utilities of that shape ("w100", "mt25") are no rating
_HUNDREDTHS = re.compile(r"([a-z]{1,2})([0-5])(\d\d)")
_UTILITY = {"m", "p", "w", "h", "mt", "mb", "ml", "mr", "mx", "my", "pt", "pb", "pl", "pr", "px", "py", "fs", "lh",
            "col", "z", "o", "op", "br", "bw", "gap", "top"}


def hundredths_class(el, tokens: list[str]) -> float | None:
    """The rating an empty element named a rating spells in hundredths in one class token
    ("rating small r400" is 4.0), else None."""
    if not any(_RATING_PART.search(t) for t in tokens) or (el.text or "").strip() or len(el):
        return None
    values = [m for t in tokens if (m := _HUNDREDTHS.fullmatch(t)) and m.group(1) not in _UTILITY]
    if len(values) != 1:
        return None
    value = int(values[0].group(2)) + int(values[0].group(3)) / 100
    return value if value <= 5 else None


def word_star_class(el) -> float | None:
    """The rating a class like "allstar40 rating" gives (4.0), or "rating r425" (4.25), else None."""
    cls = (el.get("class") or "").lower()
    tokens = cls.split()
    if "star" not in cls:
        return hundredths_class(el, tokens) if "rat" in cls else None
    values = [m for t in tokens if (m := _WORD_STARS.fullmatch(t))]
    if len(values) != 1 or not _named_rating(el, tokens):
        return None
    whole, tenth = values[0].groups()
    value = int(whole) + int(tenth) / 10
    return value if value <= 5 else None


# a star class with the value as a BEM modifier: "rating-stars--s10", "stars--8" (one letter
# may open the modifier); the base names a rating or its stars
_MODIFIER = re.compile(r"((?:[a-z]+[-_])*(?:stars?|rating))(--|__)([a-z]?)(\d{1,2})")


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
    base, sep, letter, value = found[0].group(1), found[0].group(2), found[0].group(3), int(found[0].group(4))
    top = _page_top(el, base + sep + letter)
    if value == 0 or value > 10 or top > 10:
        return None
    return value / 2 if top > 5 else float(value)


# a whole number of stars run into the class word on an empty element beside a class naming its
# stars: "sstars6 starsinfo" (a timeline's); in half stars (out of 10) when that class goes above 5 on
# the page, as a modifier's value is read
_RUN_STARS = re.compile(r"([a-z]*stars?)(\d{1,2})")


def run_star_class(el) -> float | None:
    """The rating a class token "<word>starsN" gives on an empty element also classed for its stars
    or rating ("sstars6 starsinfo"), else None."""
    tokens = (el.get("class") or "").lower().split()
    found = [m for t in tokens if (m := _RUN_STARS.fullmatch(t))]
    if len(found) != 1 or (el.text or "").strip() or len(el) or not any(
            ("star" in t or "rating" in t) and t != found[0].group(0) for t in tokens):
        return None
    key, value = found[0].group(1), int(found[0].group(2))
    top = _page_top(el, key)
    if value == 0 or value > 10 or top > 10:
        return None
    return value / 2 if top > 5 else float(value)


def _page_top(el, key: str) -> float:
    """The highest value a class "<key>N" ("rating-stars--s9": "rating-stars--s") takes on the
    page (memoised per page)."""
    from .reviews_normalize import current_memo  # (no cycle at import time)

    memo = current_memo()
    if memo is not None and key in memo.scales:
        return memo.scales[key]
    pat = re.compile(re.escape(key) + r"(\d{1,2})(?![\w-])")
    root = el.getroottree().getroot()
    top = max((int(m.group(1)) for d in root.iter() if isinstance(d.tag, str)
               for m in pat.finditer((d.get("class") or "").lower())), default=0)
    if memo is not None:
        memo.scales[key] = top
    return top


# a star row's value as a percentage in the row's class: werkenntdenbesten's
# "user-rating-stars__100" over five empty spans (100 = five stars); only 100 or a figure above 50,
# which no tenths reading ("rating-45" = 4.5) or half-star count ("stars-9") can be
_PERCENT_TOKEN = re.compile(r"(?:^|[-_])(?:stars?|rating)[-_]{1,2}(100|5[1-9]|[6-9]\d)$")


def star_class_value(el) -> float | None:
    """The rating a class token states: run into a word ("allstar45"), as a modifier ("--s9") or
    as a percent ("user-rating-stars__100"), else None."""
    cls = (el.get("class") or "").lower()
    if "star" not in cls and "rat" not in cls:  # (each reading needs a star or rating/rate word,
        return sprite_class(el, cls)  # but a sprite's code letter and value, in review cards)
    v = word_star_class(el)
    if v is None:
        v = modifier_star_class(el)
    if v is None:
        v = run_star_class(el)
    if v is None:
        found = [m for t in cls.split() if (m := _PERCENT_TOKEN.search(t))]
        v = round(int(found[0].group(1)) / 20, 2) if len(found) == 1 else None
    if v is None:
        v = number_word_class(cls)
    if v is None:
        v = letter_value_class(el, cls.split())
    return paired_value_class(el) if v is None else v


# the stars as a letter or two and one figure in the class beside a bare rating word: a shop's
# comment list of 2014 draws each review's stars as an empty <span class="star sa4"> (4 stars);
# layout utilities of that shape ("mt5", "p3", "h5") are no rating
_LETTER_VALUE = re.compile(r"([a-z]{1,2})([1-5])")
_BARE_RATING = {"star", "stars", "rating", "rate"}


def letter_value_class(el, tokens: list[str]) -> float | None:
    """The rating an empty element classed only a rating word and one letter-and-figure token
    states ("star sa5" is 5.0), else None."""
    if len(tokens) != 2 or (el.text or "").strip() or len(el):
        return None
    word, value = (tokens[0], tokens[1]) if tokens[0] in _BARE_RATING else (tokens[1], tokens[0])
    m = _LETTER_VALUE.fullmatch(value)
    if word not in _BARE_RATING or not m or m.group(1) in _UTILITY or m.group(1) == "x":
        return None
    return float(m.group(2))


# the score as an English number word in a star class: "stars-five", "rating_four", "star-three-half",
# "four-stars" (a business directory's "stars-five")
_NUMBER_WORD = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_WORD_TOKEN = re.compile(r"(?:stars?|rating|rated)[-_](zero|one|two|three|four|five)(?:[-_](?:and[-_])?(half))?"
                         r"|(one|two|three|four|five)(?:[-_](?:and[-_])?(half))?[-_]stars?")


def number_word_class(cls: str) -> float | None:
    """The rating one class token spells as a number word (see _WORD_TOKEN), else None."""
    found = [m for t in cls.split() if (m := _WORD_TOKEN.fullmatch(t))]
    if len(found) != 1:
        return None
    m = found[0]
    return _NUMBER_WORD[m.group(1) or m.group(3)] + (0.5 if (m.group(2) or m.group(4)) else 0.0)


# an icon numbered by its place in a row: Drupal's fivestar draws five <div class="star star-1">
# … <div class="star star-5">, each lit or not by its child (class "on" / "off"): "star-3" is the
# third icon, not three stars
_PLACE = re.compile(r"(?:^|\s)(?:stars?|rating|rate)[-_](\d{1,2})(?:\s|$)")


def numbered_icon(el) -> bool:
    """Whether `el`'s "star-N" class numbers it among 3-10 alike siblings (1, 2, … n)."""
    parent = el.getparent()
    if parent is None or not _PLACE.search(el.get("class") or ""):
        return False
    kids = [c for c in parent if isinstance(c.tag, str) and c.tag == el.tag]
    places = [int(m.group(1)) for c in kids if (m := _PLACE.search(c.get("class") or ""))]
    return 3 <= len(kids) <= 10 and sorted(places) == list(range(1, len(kids) + 1))


# a signed figure printed by a score-classed element ("+3" in <span class="scoreButton score3">)
# is the votes a review got from readers, no rating of the item
_SIGNED = re.compile(r"[+\-\u2212\u00b1]\s?\d{1,6}")


def vote_class(el) -> bool:
    """Whether `el`'s score class only repeats the signed tally it prints ("+3"): readers' votes
    on the review (its title: "Rating of the review: +3"), not a rating."""
    text = (el.text or "").strip() if len(el) == 0 else " ".join(el.itertext()).strip()
    return _SIGNED.fullmatch(text) is not None


# the value in a short class of its own beside a base star class that lights none: NoseTime's
# <span class="star0 sa8"> (a base "star0", no star by itself, and "sa8": eight half stars); one or
# two letters and the figure, layout utilities ("mt5", "p3", "h5", "col6") excluded; the figure
# counts half stars when a class of that prefix goes above 5 on the page (up to 10), else stars
_PAIRED_BASE = re.compile(r"(?:[a-z]*[-_])?(?:stars?|rating)[-_]?0")
_PAIRED_VALUE = re.compile(r"([a-z]{1,2})(\d{1,2})")


def paired_value_class(el) -> float | None:
    """The rating a short "<letters><figure>" class gives on an empty element also classed with a
    star/rating word at 0 ("star0 sa8" is 4.0 when "sa10" is on the page), else None."""
    tokens = (el.get("class") or "").lower().split()
    if len(tokens) < 2 or (el.text or "").strip() or len(el) or not any(_PAIRED_BASE.fullmatch(t) for t in tokens):
        return None
    found = [m for t in tokens if (m := _PAIRED_VALUE.fullmatch(t)) and m.group(1) not in _UTILITY]
    if len(found) != 1:
        return None
    value, top = int(found[0].group(2)), _page_top(el, found[0].group(1))
    if value == 0 or value > 10 or top > 10:
        return None
    return value / 2 if top > 5 else float(value)


# a rating drawn from a sprite: an empty <span class="l-3-0"> before a reviewed product's name
# (a beauty site's lipsticks, 3.0 of 5): one class token, a code letter, the whole and the half;
# read only in a box named for a review, where three or more such tokens of the same letter on
# the page tell at least two values (layout utilities of that shape, "m-0-5", are no sprite)
_SPRITE = re.compile(r"([a-z])-([0-5])-([05])")
_REVIEW_BOX = re.compile(r"review|rezension|avis|opini|recens", re.I)


def sprite_class(el, cls: str) -> float | None:
    """The rating a lone "<letter>-<whole>-<half>" class on an empty element gives ("l-4-5" is
    4.5), inside a box named for a review within three levels, else None."""
    m = _SPRITE.fullmatch(cls.strip())
    if not m or m.group(1) in _UTILITY or (el.text or "").strip() or len(el) or not any(
            _REVIEW_BOX.search(a.get("class") or "") for a in list(el.iterancestors())[:3]):
        return None
    pat = re.compile(re.escape(m.group(1)) + r"-[0-5]-[05]")
    seen = [d.get("class").strip().lower() for d in el.getroottree().getroot().iter(el.tag)
            if d.get("class") and pat.fullmatch(d.get("class").strip().lower())]
    if len(seen) < 3 or len(set(seen)) < 2:
        return None
    return int(m.group(2)) + int(m.group(3)) / 10
