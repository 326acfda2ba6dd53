"""The date of one review block: its <time> or dated markup first, then data attributes a
script would show, then the first date printed in the block (not a purchase, stay or joining
date while another is there; a "by NAME on DATE" line or a bare time of today last)."""
from __future__ import annotations

import re

from .reviews_body import Covered, short_text
from .reviews_bylines import byline_date_in, time_today
from .reviews_dates import bounded, epoch_date, find_date_text, no_stamp, parse_date, script_date_attrs
from .reviews_joined import joined_date
from .reviews_microformats import REVIEWED_CLASS
from .reviews_normalize import element_text
from .reviews_widgets import attrs_text, tag

_DATE_ATTR = re.compile(r"date|time|posted|published|created|datum|fecha", re.I)

# a date that is not the review's: of the purchase, the stay or the experience ("Acheté le
# 02/03/2024", "Oplevelsesdato: 2. marts 2024"), used only when the block has no other
_OTHER_DATE = re.compile(r"(?:acheté|achat|bought|purchased|purchase date|date of purchase|gekauft|kaufdatum|comprado|"
                         r"acquistato|gekocht|aankoopdatum|oplevelsesdato|date of experience|erlebnisdatum|"
                         r"date de l['’]expérience|fecha de la experiencia|stayed|date of stay|aufenthalt)"
                         r"\W*(?:le|on|am|el|il|op|in|en|:)?\s*$", re.I)


_DATE_DATA = ("data-date", "data-time", "data-timestamp", "data-published", "data-created")


def find_date(block, skip: list, *, now, lang, region):
    passed: list = []  # purchase or stay dates passed over
    el, d = _find_date(block, skip, now=now, lang=lang, region=region, passed=passed)
    if el is None and passed:
        el, d = _find_date(block, skip, now=now, lang=lang, region=region, passed=None)
    if el is None:  # "Reviewed by <b>NAME</b> on 03/14/2009." beside a long <small>
        el, d = byline_date_in(block, Covered(skip), now=now, lang=lang, region=region)
    if el is None:  # "NAME, в 19:42": a time alone is today (reviews_bylines)
        el, d = time_today(block, Covered(skip), now)
    return el, d


def _find_date(block, skip: list, *, now, lang, region, passed: list | None):
    """The first date of the block; with `passed`, dates of a purchase or a stay are left out
    (and noted there)."""
    inside = Covered(skip)
    for el in block.iter():
        if not tag(el) or el in inside:
            continue
        if tag(el) == "time" or el.get("itemprop") in ("datePublished", "dateCreated") or REVIEWED_CLASS.search(
                el.get("class") or ""):  # (hReview's "dtreviewed": the review's date, not the visit's)
            # (a tooltip may hold the exact day behind "5 months ago": Best Buy's title="Mar 5, 2024 10:12 AM")
            raw = el.get("datetime") or el.get("content") or (el.get("title") if find_date_text(el.get("title")) else None) \
                or element_text(el)
            d = parse_date(raw, now=now, lang=lang, region=region)
            if d is None and raw != element_text(el):
                d = parse_date(element_text(el), now=now, lang=lang, region=region)
            if d:
                return el, d
    for el in block.iter():
        if el is block or not tag(el) or el in inside:
            continue
        # (Judge.me writes the time in data-content of its "timestamp" for a script to show)
        for attr in _DATE_DATA + (script_date_attrs(el) if _DATE_ATTR.search(attrs_text(el)) else ()):
            raw = el.get(attr)
            if raw:
                # (a Unix time is the exact day behind a rough "2 months ago" in its element or
                # a parent's text)
                d = epoch_date(raw, now=now) or parse_date(raw, now=now, lang=lang, region=region)
                if d:
                    return el, d
    for el in block.iter():
        if el is block or not tag(el) or el in inside:
            continue
        a = attrs_text(el)
        t = short_text(el, 100)
        if t and (_DATE_ATTR.search(a) or len(el) == 0 or tag(el) in ("small", "span", "p", "div", "li", "dt")):
            frag = find_date_text(t)
            if frag and joined_date(el):
                continue  # a member's date of joining ("Angemeldet seit"): never the review's
            if frag and passed is not None and _OTHER_DATE.search(t[:t.find(frag)]):
                passed.append(el)
                continue  # a purchase or stay date: the review's may follow
            if frag and not no_stamp(t, frag) and (len(t) - len(frag) < 60 or _DATE_ATTR.search(a)):
                # a child that holds a date of its own wins: minified markup runs the texts
                # of a header's parts together ("5/5" + "5h ago" reads "5/55h ago")
                for child in el.iterdescendants():
                    ct = short_text(child, 100) if tag(child) and len(child) == 0 and child not in inside else ""
                    cfrag = find_date_text(ct) if ct else None
                    if cfrag and bounded(ct, cfrag):
                        return child, None  # an age, "more than 1 year ago": the date's line, with no date
                    d = parse_date(cfrag, now=now, lang=lang, region=region) if cfrag else None
                    if d:
                        return child, d
                if bounded(t, frag):
                    return _deepest_with(el, frag, skip), None
                d = parse_date(frag, now=now, lang=lang, region=region)
                if d:
                    return _deepest_with(el, frag, skip), d
    return None, None


def _deepest_with(el, frag: str, skip: list):
    """The innermost descendant of `el` whose text still holds the date `frag`."""
    inside = Covered(skip)
    while True:
        child = next((c for c in el if tag(c) and c not in inside and frag in element_text(c)), None)
        if child is None:
            return el
        el = child
