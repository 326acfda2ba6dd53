"""A review drawn in two columns side by side: the first holds the reviewed item, the stars and
the by-line, the next one the review's title and text. The rating's block climbs to the first
column only (the row holds the other reviews' stars too); its text column is the element right
after it, drawn alike after every rated column of the row."""
from __future__ import annotations

import lxml.html

from .reviews_normalize import element_text
from .reviews_widgets import rating_of, tag


def _rated(el) -> bool:
    return any(tag(d) and rating_of(d) is not None for d in el.iter())


def _longest_line(el) -> int:
    """The longest text of one element in `el` (its own text and tails), links left out."""
    best = 0
    for d in el.iter():
        if not tag(d) or tag(d) == "a":
            continue
        best = max(best, len(" ".join((d.text or "").split())))
    return best


def text_columns(blocks: list) -> list:
    """`blocks` with each rated column that has its text in the column after it wrapped in
    place, with that column, in one <div> (the same list otherwise). Two or more rated
    columns of one parent and one class, each followed by an unrated element of one other
    class holding a line longer than any line of its own (links aside): the rated column
    itself carries no text but the item's name, the date and labels."""
    by_parent: dict[int, list] = {}
    for b in blocks:
        p = b.getparent()
        if p is not None and tag(b):
            by_parent.setdefault(id(p), []).append(b)
    wrap: dict[int, object] = {}
    ids = {id(b) for b in blocks}
    for members in by_parent.values():
        if len(members) < 2 or len({b.get("class") or "" for b in members}) != 1:
            continue
        cols = [b.getnext() for b in members]
        if any(c is None or not tag(c) or id(c) in ids for c in cols):
            continue
        if len({(tag(c), c.get("class") or "") for c in cols}) != 1 or \
                (tag(cols[0]), cols[0].get("class") or "") == (tag(members[0]), members[0].get("class") or ""):
            continue
        if any(_rated(c) or _longest_line(c) < 40 or _longest_line(c) <= _longest_line(b) or
               len(element_text(c)) <= len(element_text(b)) for b, c in zip(members, cols)):
            continue
        for b, c in zip(members, cols):
            wrap[id(b)] = c
    if not wrap:
        return blocks
    out = []
    for b in blocks:
        col = wrap.get(id(b))
        if col is None:
            out.append(b)
            continue
        review = lxml.html.Element("div")
        b.addprevious(review)
        review.append(b)  # moves it, with its tail (in place: the page memo knows this tree)
        review.append(col)
        out.append(review)
    return out
