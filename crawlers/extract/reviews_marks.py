"""Ratings printed as marks rather than drawn: a labelled figure, an image's alt of asterisks,
a star image whose file is numbered.

Older and smaller review sites print a review's score as a label and a figure alone in an
element of its own ("Оценка: 10", "Rating: 4") with no scale stated, or show it as one picture:
an image whose alt is a row of asterisks ("****") or whose file is numbered by the score
("/rating/stars/4.gif", "starslittle_9.gif"). A figure with no stated scale is a raw one: over a
page, any such figure above 5 means all of them are out of 10 (reviews_scores.rescale_bares);
the raw figure is what `raw_mark` returns.
"""
from __future__ import annotations

import re

from .reviews_normalize import SCALE_WORDS, element_text, labelled_score, scale_rating, to_number

# a figure with its scale in the text ("4 out of 5", "8/10"): no raw figure
_SCALED = re.compile(r"\d\s*(?:" + SCALE_WORDS + r")\s*\d|\d\s*/\s*\d", re.I)
# an image's alt or title of asterisks alone: how many stars it draws ("****")
_ASTERISKS = re.compile(r"\s*(\*{1,5})\s*")
# what names an image a rating's: its class or its file's path
_RATING_NAMED = re.compile(r"star|rating|rated|score|hodnoc|ocen|note|bewert", re.I)
# a star image numbered by its score: "/rating/stars/4.gif" (a folder of them) or
# "starslittle_9.gif" (a file word opening with "stars"/"rating" and the figure after a separator)
_NUMBERED_FILE = re.compile(r"(?:/(?:stars|ratings?)/(\d{1,2})|(?:^|/)(?:stars|rating)[a-z]*[-_](\d{1,2}))"
                            r"\.(?:png|gif|svg|jpe?g|webp)$", re.I)


def labelled_figure(el) -> float | None:
    """The figure of an element that prints only a rating label and a figure with no scale
    ("Оценка: 10", "Overall Rating: 6" in an element of its own), else None."""
    if len(el) > 2:
        return None
    text = element_text(el).replace("\u00a0", " ").strip()
    if not text or len(text) > 40 or _SCALED.search(text) or not labelled_score(_after_first_word(text)):
        return None
    return to_number(re.findall(r"\d+(?:[.,]\d+)?", text)[-1])


def _after_first_word(text: str) -> str:
    """"Overall Rating: 6" → "Rating: 6" when the label proper follows a qualifier, else the text."""
    if labelled_score(text):
        return text
    head, _, rest = text.partition(" ")
    return rest if head.isalpha() and len(head) <= 12 else text


def file_figure(el) -> float | None:
    """The score a star image's numbered file name states (0-10), else None."""
    m = _NUMBERED_FILE.search((el.get("src") or "").split("?")[0])
    if not m:
        return None
    v = to_number(m.group(1) or m.group(2))
    return v if v is not None and v <= 10 else None


def image_score(el, named_file) -> float | None:
    """The rating one <img> shows: an alt (or title) of asterisks on an image named a rating's,
    its file named by its value (`named_file`, the widgets' reading, when it has no alt) or a
    numbered star file."""
    src = el.get("src") or ""
    m = _ASTERISKS.fullmatch(el.get("alt") or el.get("title") or "")
    if m and _RATING_NAMED.search((el.get("class") or "") + " " + src):
        return scale_rating(float(len(m.group(1))), 5.0)
    if not el.get("alt") and (r := named_file(src)) is not None:
        return r
    v = file_figure(el)
    return scale_rating(v) if v else None


def raw_mark(el) -> float | None:
    """The raw figure of a mark with no stated scale (a labelled figure, a numbered star file)
    in `el` or its first such descendant, for the page's scale to read (reviews_scores)."""
    for d in el.iter() if el is not None else ():
        if not isinstance(d.tag, str):
            continue
        v = file_figure(d) if d.tag == "img" else labelled_figure(d) if len(d) <= 2 else None
        if v is not None:
            return v
    return None


# whole star values joined by commas, each above the one before ("4,5", "1,2,3"): a list
_STAR_LIST = re.compile(r"\s*([1-5])(?:\s*,\s*([1-5])){1,4}\s*")


def star_filter(value: str, el) -> bool:
    """Whether a rating attribute's value lists star values to show, not a score: whole stars
    joined by commas, rising ("4,5": a review widget's filter, reviews of four and five stars)
    on an element holding nothing yet (a third-party widget the script fills). A score written
    with a decimal comma names no rising list ("4,5" on a drawn row of stars stays 4.5)."""
    if not _STAR_LIST.fullmatch(value or "") or len(el) or (el.text or "").strip():
        return False
    digits = [int(d) for d in re.findall(r"\d", value)]
    return all(b > a for a, b in zip(digits, digits[1:]))
