"""A review's sub-ratings set out as a table or list: rows that each pair an aspect
("Price", "Quality", "Value for Money") with its own stars or bar, nothing else. They are
figures of the review, none of them its text; a review rated on its aspects alone is rated
their mean (as Magento sums up its "Price" and "Quality" bars), or its "Overall" row."""
from __future__ import annotations

import re

from .reviews_layout import _aspect_label, text_without
from .reviews_widgets import rating_of, tag

_OVERALL = re.compile(r"overall|gesamt\w*|global|général|generale?|total|общая|ogólna", re.I)

# "Overall Quality", "Overall Rating", "Overall Experience": the overall word and one more
_OVERALL_OF = re.compile(r"(?:overall|gesamt)\s+\w+", re.I)


# a box of <div> rows named for the aspects' ratings ("sub-ratings", "rating-details", "criteria")
_ASPECT_BOX = re.compile(r"(?:^|[\s_-])(?:sub-?ratings?|sub-?scores?|detail-?ratings?|rating-?details|ratings-?breakdown|"
                         r"criteria|aspects|breakdown)(?:$|[\s_-])", re.I)


def sub_rating_rows(block) -> list:
    """The tables and lists in `block` (or boxes of rows named so) whose two or more rows are
    each an aspect label and a rating widget."""
    return [box for box in block.iter("table", "ul", "ol", "div", "dl")
            if (tag(box) not in ("div", "dl") or _ASPECT_BOX.search(box.get("class") or "")) and aspect_table(box)]


def aspect_table(box) -> bool:
    rows = _rows(box)
    return len(rows) >= 2 and all(_aspect(r) is not None for r in rows)


def aspect_tables(anchors: list) -> list:
    """The aspect tables around rating widgets, each once, in order."""
    out = []
    for a in anchors:
        box = next((p for p in a.iterancestors() if tag(p) in ("table", "ul", "ol")), None)
        if box is not None and all(box is not b for b in out) and aspect_table(box):
            out.append(box)
    return out


def sub_rating_mean(boxes: list) -> float | None:
    """The review's rating from its aspect tables: the "Overall" row's, else the mean."""
    rows = [a for box in boxes for a in (_aspect(r) for r in _rows(box)) if a is not None]
    overall = [v for label, v in rows if _OVERALL.fullmatch(label) or _OVERALL_OF.fullmatch(label)]
    if overall:
        return overall[0]
    return round(sum(v for _, v in rows) / len(rows), 2) if rows else None


def _rows(box) -> list:
    if tag(box) in ("div", "dl"):
        return [c for c in box if tag(c) == "div"]
    return list(box.iter("tr")) if tag(box) == "table" else [c for c in box if tag(c) == "li"]


def _aspect(row):
    """(label, rating) of a row that is an aspect's label and its rating widget; else None."""
    widget = next((el for el in row.iter() if tag(el) and rating_of(el) is not None), None)
    if widget is None:
        return None
    label = text_without(row, [widget])
    return (label, rating_of(widget)) if _aspect_label(label) else None
