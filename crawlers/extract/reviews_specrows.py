"""A text printed as one row of a table of labelled rows: a shop lays each review out as a
definition list, a term ("心得：", "Comment:") then its value, the reviewer's words in one row
among rows of attributes: the tags the buyer ticked, the colour and model bought, the date of
purchase. The attribute rows are no text; the rows of prose are (the first one's label left
out, as a first "Comments:" is, later ones kept with theirs, as "Cons:" is)."""
from __future__ import annotations

import re

from .reviews_dates import find_date_text
from .reviews_layout import text_without
from .reviews_normalize import element_text
from .reviews_widgets import tag

_PROSE = re.compile(r"[，。！？、；,.!?;]")  # sentence punctuation: prose, not a value


def _rows(body_el, skip: list) -> list:
    """The <dl> rows under `body_el` that hold one term ending in a colon and one value."""
    rows = []
    for dl in body_el.iter("dl"):
        if any(dl is s or s in dl.iterancestors() for s in skip if s is not None):
            continue
        kids = [c for c in dl if tag(c)]
        if len(kids) != 2 or tag(kids[0]) != "dt" or tag(kids[1]) != "dd":
            return []
        if not element_text(kids[0]).strip().endswith((":", "：")):
            return []
        rows.append((dl, kids[1]))
    return rows


def _attribute(dd) -> bool:
    """Whether a row's value is an attribute, not prose: empty, a date alone, a set of short
    tags (two or more elements of a few characters), or a short value without a sentence's
    punctuation ("金", "Black", "64 GB")."""
    text = " ".join(element_text(dd).split())
    if not text:
        return True
    frag = find_date_text(text)
    if frag is not None and len(text) - len(frag) <= 2:
        return True
    kids = [c for c in dd if tag(c) and element_text(c).strip()]
    if len(kids) >= 2 and all(len(element_text(c).strip()) <= 12 for c in kids):
        return True
    return len(text) <= 24 and len(text.split()) <= 3 and not _PROSE.search(text)


def prose_rows(body_el, skip: list) -> str | None:
    """The text of a body made of three or more labelled rows, two or more of them attributes
    and one or more prose (and nothing else): the prose rows; else None."""
    if body_el is None:
        return None
    rows = _rows(body_el, skip)
    if len(rows) < 3:
        return None
    prose = [(dl, dd) for dl, dd in rows if not _attribute(dd)]
    if not prose or len(rows) - len(prose) < 2:
        return None
    rest = text_without(body_el, skip + [dl for dl, _ in rows])
    if rest.strip():
        return None  # (words outside the rows: the rows are not the whole text)
    (_, first), later = prose[0], prose[1:]
    return " ".join([text_without(first, skip)] + [text_without(dl, skip) for dl, _ in later])
