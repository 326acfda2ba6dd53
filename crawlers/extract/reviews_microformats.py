"""hReview and hReview-aggregate, the microformats review widgets printed before schema.org
(Bazaarvoice, Yelp, OpenTable around 2010): class names carry the meaning.

    <div class="hreview-aggregate"> … <img class="rating" alt="3.5 out of 5"> … <span class="count">33</span>
    <td class="hreview"> … <span class="dtreviewed">04/10/2010</span> …
"""
from __future__ import annotations

import re

from .reviews_normalize import element_text, rating_from_text, to_number

_AGGREGATE_CLASS = re.compile(r"(?:^|\s)hreview-aggregate(?:\s|$)")
# the date a review was written: hReview's dtreviewed (hAtom's "published" is an entry's)
REVIEWED_CLASS = re.compile(r"(?:^|\s)dtreviewed(?:\s|$)")


def names_aggregate(el) -> bool:
    """Whether an element is marked as the page's aggregate rating (hReview-aggregate, or
    schema.org AggregateRating microdata)."""
    return bool(_AGGREGATE_CLASS.search(el.get("class") or "")) or \
        (el.get("itemtype") or "").rstrip("/").endswith("AggregateRating")


def _classed(el, name: str) -> list:
    return [d for d in el.iter() if isinstance(d.tag, str) and name in (d.get("class") or "").split()]


def hreview_aggregate(root) -> dict | None:
    """{"rating", "count"} from the first hReview-aggregate element: its "rating" (a value's
    text or an image's alt: "3.5 out of 5", or an "average" inside it) and its "count" or
    "votes"."""
    for el in root.iter():
        if not isinstance(el.tag, str) or not _AGGREGATE_CLASS.search(el.get("class") or ""):
            continue
        rating = None
        reviews = _classed(el, "hreview")  # (a review's own rating inside it is no aggregate)
        own = [r for r in _classed(el, "rating") if not any(h is not el and _within(r, h) for h in reviews)]
        for r in own:
            avg = next(iter(_classed(r, "average")), None)
            raw = element_text(avg) if avg is not None else (r.get("title") or r.get("alt") or element_text(r))
            if not raw and r.tag == "img":
                raw = r.get("alt") or ""
            best = next(iter(_classed(r, "best")), None)
            value = to_number(raw)
            if best is not None and value is not None:
                from .reviews_normalize import scale_rating
                rating = scale_rating(value, to_number(element_text(best)))
            else:  # (a percentage is out of 100: Feefo's "Average 100%")
                rating = rating_from_text(raw, any_scale="%" in raw)
                if rating is None and re.fullmatch(r"\s*\d(?:[.,]\d{1,2})?\s*", raw or ""):
                    value = to_number(raw)  # a bare figure: hReview's scale is 1 to 5 unless a best says so
                    rating = value if value is not None and 0 <= value <= 5 else None
            if rating is not None:
                break
        count = None
        for name in ("count", "votes"):
            found = _classed(el, name)
            if found:
                digits = re.sub(r"\D", "", element_text(found[0]))
                if digits:
                    count = int(digits)
                    break
        if rating is not None or count is not None:
            return {"rating": rating, "count": count}
        return None
    return None


def _within(el, anc) -> bool:
    return any(a is anc for a in el.iterancestors())


def _part(el) -> str:
    """A microformat part's value: its text, or the title of an <abbr> with none (the
    value-class pattern: <abbr class="value" title="8"/>, Iens), or of an empty "value-title"
    (<span class="value-title" title="3.0"></span>, Glassdoor)."""
    return element_text(el) or (el.get("title") or "" if el.tag == "abbr" or "value-title" in (
        el.get("class") or "").split() else "")


def _values(el) -> list:
    return _classed(el, "value") or _classed(el, "value-title")


def value_best(el) -> float | None:
    """An hReview rating written out in parts: <span class="rating"><span class="value">7.7</span>
    <span class="best">10</span></span> (best 5 when not given), scaled to 0-5; else None. A
    part may be an <abbr> holding its value in its title."""
    if "rating" not in (el.get("class") or "").split():
        return None
    value = _values(el)
    if len(value) != 1:
        return None
    best = _classed(el, "best")
    v, b = to_number(_part(value[0])), to_number(_part(best[0])) if best else 5.0
    if v is None or b not in (5.0, 10.0, 100.0) or not 0 <= v <= b:
        return None
    from .reviews_normalize import scale_rating
    return scale_rating(v, b)


def hreview_rating(el) -> bool:
    """Whether an element is an hReview's own rating ("rating" with a "value" part, inside an
    element classed "hreview"): the review's score, before any aspect's score printed above it."""
    return "rating" in (el.get("class") or "").split() and bool(_values(el)) and any(
        "hreview" in (a.get("class") or "").split() for a in el.iterancestors())


def _hidden(el) -> bool:
    return "hidden" in (el.get("class") or "").split() or "display:none" in (el.get("style") or "").replace(" ", "")


def hreview_parts(block) -> list:
    """An hReview's machine-read parts in a review block, no text of it: its "item" (the thing
    reviewed, named by an "fn") and a hidden "dtreviewed" copy of the date (Glassdoor's
    <span class='hidden'><span class="item"><span class="fn">Firm</span></span><span
    class='dtreviewed'>2008-06-12 08:33 PDT</span></span> after the pros and cons)."""
    out = []
    for el in block.iter():
        cls = (el.get("class") or "").split() if isinstance(el.tag, str) else []
        if "item" in cls and _classed(el, "fn") or "dtreviewed" in cls and any(
                _hidden(a) for a in [el, *el.iterancestors()][:3]):
            out.append(el)
    return out
