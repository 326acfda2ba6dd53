"""A review whose text is shorter than a line: "No", "Great", "ok".

A block's text is found as the element named for it or, failing that, the element with twenty
characters or more of its own. A one-word opinion has neither, and the block's whole text would
then take in what stands beside it: an avatar's letter, a location code, the name. When the
block holds exactly one paragraph (<p>) with text, outside the parts already read, that
paragraph is the text: a site prints its reviewer's name, date and place in list items, spans
or headings, and the words the reviewer wrote in a paragraph."""
from __future__ import annotations

from .reviews_dates import find_date_text
from .reviews_layout import text_without
from .reviews_normalize import rating_from_text
from .reviews_widgets import tag


def lone_paragraph(block, inside, skip: list):
    """(the <p>, its text) when it is the block's only paragraph with text outside `skip` (and
    holds no other block element), its text neither a date nor a score; else None."""
    paragraphs = [p for p in block.iter("p") if p is not block and p not in inside
                  and text_without(p, skip).strip()]
    if len(paragraphs) != 1:
        return None
    p = paragraphs[0]
    if any(tag(c) in ("p", "div", "ul", "ol", "table", "section", "blockquote") for c in p.iterdescendants()):
        return None
    text = text_without(p, skip).strip()
    if find_date_text(text) == text or rating_from_text(text) is not None:
        return None  # (a date line or a score printed in a paragraph of its own: no text)
    return p, text
