"""A review written as a definition-list entry: a <dt> term, the entry's header (its title,
the reviewer's name, the date, often the stars), then the <dd> description that holds what
the reviewer wrote."""
from __future__ import annotations

from .reviews_normalize import element_text
from .reviews_widgets import tag


def entry_term(block):
    """The <dt> of a block that is a definition-list entry (a <dt>, then the <dd> elements
    after it, wrapped as one) when a <dd> holds text; else None."""
    kids = [c for c in block if tag(c)]
    if len(kids) < 2 or tag(kids[0]) != "dt" or any(tag(c) != "dd" for c in kids[1:]):
        return None
    return kids[0] if any(element_text(c).strip() for c in kids[1:]) else None


def term_of(el):
    """The <dt> of the definition-list entry whose <dd> holds `el`; else None."""
    dd = next((a for a in el.iterancestors() if tag(a) in ("dd", "dt", "dl")), None)
    if dd is None or tag(dd) != "dd":
        return None
    prev = dd.getprevious()
    while prev is not None and tag(prev) == "dd":
        prev = prev.getprevious()
    return prev if prev is not None and tag(prev) == "dt" else None


def facts_list(el) -> bool:
    """Whether `el` is a <dl> of the reviewer's facts: two or more terms, each a label followed
    by one short value ("Age" "20-29", "Sex" "male", "Job" "sales"). Its terms are labels and
    its values facts, no reviewer's name."""
    kids = [c for c in el if tag(c)] if tag(el) == "dl" else []
    terms = [c for c in kids if tag(c) == "dt"]
    if len(terms) < 2 or any(tag(c) not in ("dt", "dd") for c in kids):
        return False
    return all((d := t.getnext()) is not None and tag(d) == "dd" and 0 < len(element_text(d).strip()) <= 30
               and len(element_text(t).strip()) <= 20 for t in terms)
