"""A review text written straight into a cell, between the block rows of its header and footer.

Older pages print a review as one table cell: a row with the helpful count, a row with the
stars, title and date, a by-line row, then the text itself as bare text and <br>s (with inline
links), then a row of vote buttons. The cell holds the most text of its own, but its whole text
would take the rows in too. When the cell's inline run (its own text and its inline children)
is at least twice as long as all its block children together, those children are the review's
header and footer lines and the text is the inline run alone.

Such a cell may open with a line of links naming what is reviewed, then a line break: "<a>BOOK</a>
<br> de <a>AUTHOR</a><br>" before the text. A run of links joined only by short words or marks and
line breaks, before a longer bare text, is the reviewed item's line: no part of the text.
"""
from __future__ import annotations

import re

from .reviews_layout import text_without
from .reviews_normalize import element_text
from .reviews_widgets import tag

_BLOCKS = {"p", "div", "ul", "ol", "table", "dl", "section", "header", "footer", "form", "blockquote",
           "h1", "h2", "h3", "h4", "h5", "h6", "li"}


def inline_run(el, skip: list) -> str | None:
    """The text of `el` without its block children when it is at least twice theirs, else None."""
    blocks = [c for c in el if tag(c) in _BLOCKS and c not in skip]
    if not blocks:
        return None
    run = text_without(el, skip + blocks).strip()
    rows = sum(len(text_without(b, skip).strip()) for b in blocks)
    if len(run) < 20 or len(run) < 2 * rows:
        return None
    return run


# what may join the links of an item's line: one short word or a mark ("de", "by", ",", "-")
_JOIN = re.compile(r"(?:[^\W\d_]{1,4}|[,·|–:-])?")


def item_lead(el, skip: list) -> str | None:
    """The text of the line of links (and their joining words) that opens `el`'s own text and
    ends at a line break before a longer bare text, else None."""
    if (el.text or "").strip():
        return None
    parts, links = [], 0
    for c in el:
        if not isinstance(c.tag, str) or c in skip or not links and tag(c) in _BLOCKS:
            if (c.tail or "").strip():  # (rows before the line, a heading: left out by their own reading)
                return None
            continue
        tail = " ".join((c.tail or "").split())
        if tag(c) == "a" and len(c) <= 1 and not any(tag(d) == "img" for d in c.iter()):
            parts.append(element_text(c).strip())
            links += 1
        elif tag(c) != "br" or not links:
            return None
        if tag(c) == "br" and len(tail) >= 20:
            return " ".join(p for p in parts if p) if links else None
        if not _JOIN.fullmatch(tail):
            return None
        parts.append(tail)
    return None


def without_item_lead(el, text: str, skip: list) -> str:
    """`text` (the text of `el`) without the item's line it opens with (see item_lead)."""
    lead = item_lead(el, skip)
    if lead and text.startswith(lead) and len(text) > len(lead) + 20:
        return text[len(lead):].strip()
    return text
