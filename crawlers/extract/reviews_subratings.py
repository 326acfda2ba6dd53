"""A review's sub-ratings set out as a table or list: rows that each pair an aspect
("Price", "Quality", "Value for Money") with its own stars or bar, nothing else. They are
figures of the review, none of them its text; a review rated on its aspects alone is rated
their mean (as Magento sums up its "Price" and "Quality" bars), or its "Overall" row."""
from __future__ import annotations

import re

from .reviews_layout import _aspect_label, text_without
from .reviews_normalize import element_text, scale_rating, to_number
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


# an aspect's row printed as its label and a bare figure ("Service 8.0", "Cuisine <em>9.0</em>")
_LABEL_FIGURE = re.compile(r"(.+?)\s*(\d{1,3}(?:[.,]\d{1,2})?)")
_FIGURE = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")


def overall_figure(block) -> tuple | None:
    """(box, rating 0-5, the bare figure) when a box in `block` holds two or more aspect rows
    that each print a label and a bare figure, and one more element that prints only a figure
    within half a point of the rows' mean: the review's own score, on the rows' scale
    (DiningCity's "Service 8.0 Atmosphere 6.0 Cuisine 8.0" then "7.3"). The figure is bare: the
    page's other figures tell its scale (reviews_scores.rescale_bares). Else None."""
    for box in block.iter("div", "ul", "tr", "dl"):
        kids = [c for c in box if tag(c) and element_text(c)]
        if not 3 <= len(kids) <= 8:
            continue
        rows, overall = [], []
        for c in kids:
            t = element_text(c)
            if _FIGURE.fullmatch(t):
                overall.append(to_number(t))
            elif (m := _LABEL_FIGURE.fullmatch(t)) and _aspect_label(m.group(1)):
                rows.append(to_number(m.group(2)))
            else:
                break
        else:
            if len(rows) >= 2 and len(overall) == 1 and None not in rows and overall[0] is not None \
                    and abs(overall[0] - sum(rows) / len(rows)) <= 0.5 and max(rows + overall) <= 100:
                return box, scale_rating(overall[0]), overall[0]
    return None
