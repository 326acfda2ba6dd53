"""What a row of star icons drawn alike says when nothing in the icons tells the lit ones
from the others: the row's own class may ("star-rating count-3", Trustpilot before 2017)."""
from __future__ import annotations

import re

# a figure in a class of its own beside a class naming the row a rating: "count-3", "value-4"
_COUNT_CLASS = re.compile(r"(?:^|\s)(?:count|value|val|score|level|rate)[-_]([0-5])(?:\s|$)")
_RATING_ROW = re.compile(r"star|rating", re.I)


def class_count(row) -> float | None:
    """The stars lit, from the row's class, else None."""
    cls = row.get("class") or ""
    m = _COUNT_CLASS.search(cls)
    return float(m.group(1)) if m and _RATING_ROW.search(_COUNT_CLASS.sub(" ", cls)) else None
