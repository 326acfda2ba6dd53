"""A review's title set as a bold line that opens its text, ended by a line break.

Some lists print a review as one block: the stars, then the title in bold on a line of its own
(<b>Great read</b><br/>), then the text running on in the same element. The bold line is the
title, not the text's first words: a line break ends it (a bold opening that runs on into the
text in the same line is reviews_parts.runs_on's case, and stays part of the text).
"""
from __future__ import annotations

import re

from .reviews_dates import find_date_text
from .reviews_layout import text_without
from .reviews_normalize import element_text
from .reviews_widgets import tag


def _line_end(el, top):
    """The node after `el`'s line: its next sibling, climbing out of wrappers it ends; None
    when text runs on after it."""
    node = el
    while True:
        if (node.tail or "").strip():
            return None
        nxt = node.getnext()
        if nxt is not None or node is top or node.getparent() is None:
            return nxt
        node = node.getparent()


def split_lead_line(body_el, body: str | None, skip: list):
    """(title element, title, body) when the body opens with a bold line ended by a <br>,
    else (None, None, body)."""
    if body_el is None or not body:
        return None, None, body
    bold = next((b for b in body_el.iter() if tag(b) in ("b", "strong") and b not in skip), None)
    if bold is None:
        return None, None, body
    title = element_text(bold).strip()
    if not title or len(title) > 150 or not body.startswith(title):
        return None, None, body
    end = _line_end(bold, body_el)
    if end is None or tag(end) != "br":
        return None, None, body
    rest = text_without(body_el, skip + [bold]).strip()
    if len(rest) < 3:
        return None, None, body
    return bold, title, rest


def bold_before_date(bold) -> bool:
    """Whether a bold element opens a short line that is itself and a date after a comma
    ("<b>A fine read</b>, <nobr>March 10, 2010</nobr>", Amazon around 2010): the review's title,
    wherever it stands in the block (a helpful count and the stars may come first). A name so
    printed ("<b>Mary Lee</b>, March 10, 2010") is a by-line, no title."""
    from .reviews_authors import name_like  # (imports this module's neighbours)

    if name_like(element_text(bold).strip()):
        return False
    line = bold.getparent()
    if line is None or (line.text or "").strip():
        return False
    rest = text_without(line, [bold]).strip()
    frag = find_date_text(rest) if rest.startswith(",") and len(rest) <= 40 else None
    return bool(frag) and re.fullmatch(r",\s*" + re.escape(frag) + r"\W*", rest) is not None


def after_text(el, block) -> bool:
    """Whether a longer text (40+ characters) comes before `el` in the block, in an element or
    as bare text: a bold name under a quote is a signature, a bold phrase inside running text
    ("… the record turns at <strong>TRACK</strong> into …") a part of it, neither a title."""
    node = el
    while node is not None and node is not block:
        parent = node.getparent()
        before = list(node.itersiblings(preceding=True))
        bare = "".join((s.tail or "") for s in before).strip() + ((parent.text or "").strip() if parent is not None else "")
        if len(bare) > 40 or any(tag(s) and len(element_text(s)) > 40 for s in before):
            return True
        node = parent
    return False
