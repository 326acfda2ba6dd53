"""Another party's answer inside a review, with no label to name it: a part after the review's own
date and text that opens with a by-line of its own - a header holding a short name line and a date
line, nothing more - and then the answer's text (an app store's developer reply: the developer's
name and the answer's date over the answer, inside the reviewer's card). The review is what the
reviewer wrote: the answer is no part of its text, however long (a labelled answer, "Response from
the owner", is reviews_lines.reply_label's)."""
from __future__ import annotations

from .reviews_dates import find_date_text
from .reviews_normalize import element_text
from .reviews_widgets import tag

_SHORT = 40  # a by-line's line: a name or a date, not a sentence


def _leaves(el) -> list:
    """The element's text-bearing leaves, in page order, with their text."""
    out = []
    for d in el.iter():
        if tag(d) and not any(tag(c) for c in d) and tag(d) not in ("script", "style"):
            t = " ".join(element_text(d).split())
            if t:
                out.append((d, t))
    return out


def _date_line(t: str) -> bool:
    """A line that is a date and little else ("May 7, 2021", "07/05/2021")."""
    if len(t) > 30 or not any(ch.isdigit() for ch in t):
        return False
    found = find_date_text(t)
    return bool(found) and len(found) >= 0.6 * len(t)


def _byline_header(head) -> bool:
    """A header of two or three short lines: one a date, one a name (a line with letters that is no date)."""
    lines = [t for _, t in _leaves(head)]
    if not 2 <= len(lines) <= 3 or any(len(t) > _SHORT for t in lines):
        return False
    return any(_date_line(t) for t in lines) and any(not _date_line(t) and sum(ch.isalpha() for ch in t) >= 2 for t in lines)


def answer_parts(block) -> list:
    """The answer parts of a review block: an element whose first child is a name-and-date header
    and whose later children hold 20 characters of text or more, when the block shows a date line
    and 40 characters of other text before it (the review's own date and text come first)."""
    leaves = _leaves(block)
    order = {id(d): i for i, (d, _) in enumerate(leaves)}
    out = []
    for el in block.iter():
        if el is block or not tag(el) or any(el is o or o in el.iterancestors() for o in out):
            continue
        kids = [c for c in el if tag(c)]
        if len(kids) < 2 or len(element_text(kids[0])) > 3 * _SHORT or not _byline_header(kids[0]):
            continue
        if sum(len(element_text(c).strip()) for c in kids[1:]) < 20:
            continue
        own = _leaves(kids[0])
        start = order.get(id(own[0][0])) if own else None
        if start is None:
            continue
        before = [t for _, t in leaves[:start]]
        if not any(_date_line(t) for t in before) or sum(len(t) for t in before if not _date_line(t)) < 40:
            continue  # (the review's own by-line and text: nothing of the review before it)
        out.append(el)
    return out
