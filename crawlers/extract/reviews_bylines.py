"""Review by-lines and their dates, where the general anchors miss them.

A review's by-line often prints its date as bare text beside inline markup: "Reviewed by
<strong><a>NAME</a></strong> on 03/14/2009." in a heading that also holds the member's details
in a <small>. The element's whole text is long and the date sits in no element of its own,
so it is read from the element's own text: its text and its children's tails.
"""
from __future__ import annotations

import re

from .reviews_dates import find_date_text

# elements a by-line is printed in (inline wrappers are read through their parent)
_BYLINE_TAGS = {"h2", "h3", "h4", "h5", "h6", "p", "div", "li", "td", "dd", "span", "small", "header", "footer"}


def own_text(el) -> str:
    """The text an element holds itself, its children's text left out (their tails kept)."""
    parts = [el.text or ""]
    parts.extend(c.tail or "" for c in el)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def byline_date(el) -> bool:
    """Whether an element with children prints a date in its own short text ("… on 03/14/2009.")."""
    if len(el) == 0 or not isinstance(el.tag, str) or el.tag.lower() not in _BYLINE_TAGS:
        return False
    text = own_text(el)
    return bool(text) and len(text) <= 60 and any(ch.isdigit() for ch in text) and find_date_text(text) is not None


_BLOCK_TAGS = {"div", "p", "ul", "ol", "dl", "table", "blockquote", "section", "article"}


def holds_blocks(el) -> bool:
    """Whether a by-line element also holds block elements with a text of their own (60
    characters or more beyond its by-line: Epinions prints "Review by NAME  DATE<br>" and then
    the pros and cons rows in one div): it is no part to leave out of the review's text whole.
    (A name's box with a badge under it, "Emma W. / Verified Customer", is no such holder.)"""
    if not any(isinstance(d.tag, str) and d.tag.lower() in _BLOCK_TAGS for d in el.iterdescendants()):
        return False
    return len(re.sub(r"\s+", " ", el.text_content() or "").strip()) - len(own_text(el)) >= 60


def byline_date_in(block, inside, *, now, lang, region):
    """(element, YYYY-MM-DD) of the first by-line in a block that prints its date in its own
    text, else (None, None). `inside`: the elements to pass over (a Covered)."""
    from .reviews_dates import parse_date

    for el in block.iter():
        if el is block or not isinstance(el.tag, str) or el in inside or not byline_date(el):
            continue
        d = parse_date(find_date_text(own_text(el)), now=now, lang=lang, region=region)
        if d:
            return el, d
    return None, None
