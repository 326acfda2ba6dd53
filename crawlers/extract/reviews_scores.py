"""What bare figures and "N out of M" rows mean in a list of reviews.

A review site may print a score as a bare figure ("8", "100") in an element named like a
score. Over a page, figures above 10 are out of 100 (a critic's "100" beside a user's "10" on
one film page), and among the others any above 5 means all of them are out of 10. Rows that
state how many of a total fall in each band ("Positive: 7 out of 7", "Mixed: 0 out of 7") are
a distribution of reviews, not reviews: their counts add up to no more than the total.
"""
from __future__ import annotations

import re

from .reviews_normalize import SCALE_WORDS, scale_rating

_COUNT_OF = re.compile(r"(?<![\d.,])(\d{1,6})\s*(?:" + SCALE_WORDS + r")\s*(\d{1,6})(?![\d.,]\d)", re.I)


def rescale_bares(layout: list[dict]) -> None:
    """Read each review's bare figure (its "_bare") on the page's scale, in place: up to 5 as
    it is, up to 10 on a 10-point scale when any figure of 10 or under is above 5, above 10
    on a 100-point scale (as scale_rating reads it already)."""
    bares = [r["_bare"] for r in layout if r.get("_bare") is not None and r["_bare"] <= 10]
    if bares and max(bares) > 5:
        for r in layout:
            if r.get("_bare") is not None and r["_bare"] <= 10:
                r["rating"] = scale_rating(r["_bare"], 10.0)


def counts_of_a_total(texts: list[str]) -> bool:
    """Whether two or more short rows each state a count out of one total that is no rating
    scale (not 5, 10 or 100), the counts adding up to no more than the total."""
    if len(texts) < 2:
        return False
    found = [_COUNT_OF.search(t) if t and len(t) <= 40 else None for t in texts]  # (a row says only that)
    if not all(found):
        return False
    totals = {int(m.group(2)) for m in found}
    if len(totals) != 1:
        return False
    total = totals.pop()
    return total not in (5, 10, 100) and sum(int(m.group(1)) for m in found) <= total


def star_bands(values: list[float | None]) -> set[int]:
    """Indexes of the widgets that draw a ratings histogram's bands: three or more in a row whose
    values are whole stars one apart (5, 4, 3, 2, 1 or 1 up to 5, each row's stars beside its
    count): a distribution of the ratings, none of them the page's average."""
    bands: set[int] = set()
    run: list[int] = []
    for i, v in enumerate(values + [None]):
        whole = v is not None and v == int(v)
        step = v - values[run[-1]] if whole and run else None
        if step in (1, -1) and (len(run) < 2 or step == values[run[-1]] - values[run[-2]]):
            run.append(i)
            continue
        if len(run) >= 3:
            bands.update(run)
        run = [run[-1], i] if step in (1, -1) else [i] if whole else []
    return bands
