"""A quotation is someone's words, never their name: an element that holds a quotation (a <q> or
<blockquote> of words, or a text of several words opening with a quotation mark and closing with
one) holds what a reviewer said. Named for the reviewer's box though it be ("reviewer-info"
around the stars and the quoted words of a school's card), its text is no by-line: cut at its
first comma, '"I have nearly finished the program' would read as a name.
"""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import tag

_OPEN = "\"“„«‹「『‘'"
_CLOSE = "\"”“»›」』’'"


def quoted_words(el) -> bool:
    """Whether `el` holds a quotation of three words or more: a <q> or <blockquote> inside it (or
    itself), or a text that opens with a quotation mark and ends with one."""
    for q in el.iter("q", "blockquote"):
        if len(element_text(q).split()) >= 3:
            return True
    t = " ".join(element_text(el).split())
    return len(t) >= 2 and t[0] in _OPEN and t[-1] in _CLOSE and len(re.findall(r"\w+", t)) >= 3 and tag(el) != "a"
