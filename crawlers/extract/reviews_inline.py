"""A review text written straight into a cell, between the block rows of its header and footer.

Older pages print a review as one table cell: a row with the helpful count, a row with the
stars, title and date, a by-line row, then the text itself as bare text and <br>s (with inline
links), then a row of vote buttons. The cell holds the most text of its own, but its whole text
would take the rows in too. When the cell's inline run (its own text and its inline children)
is at least twice as long as all its block children together, those children are the review's
header and footer lines and the text is the inline run alone.
"""
from __future__ import annotations

from .reviews_layout import text_without
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
