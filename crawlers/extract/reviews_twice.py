"""One rating drawn twice: a bar or a row of stars, and right after it the same value as a
figure ("4/5"), each in a wrapper of its own (<span class="score-container"><span
style="width: 80%"></span></span> <span class="score-count">4/5</span>). Side by side in one
parent the layout already reads them as one; in wrappers of their own they are siblings only
further up, and two anchors of one review would split it in two empty blocks. What makes them
one is that nothing is printed between them."""
from __future__ import annotations

import re


def _texts_between(first, second) -> str | None:
    """The text printed after `first` ends and before `second` starts (their nearest common
    ancestor walked in order), or None when `second` does not come after `first`."""
    ancestors = {id(a) for a in first.iterancestors()}
    common = next((a for a in second.iterancestors() if id(a) in ancestors), None)
    if common is None:
        return None
    parts: list[str] = []
    state = {"after": False, "done": False}

    def walk(node):
        if state["done"]:
            return
        if node is second:
            state["done"] = True
            return
        if node is first:
            state["after"] = True
            if node.tail:
                parts.append(node.tail)
            return
        if state["after"] and node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
            if state["done"]:
                return
            if state["after"] and child is not first and child.tail:
                parts.append(child.tail)

    walk(common)
    return "".join(parts) if state["after"] and state["done"] else None


# the items of a list, a table's rows, articles: a rating in one and a rating in the next are two
_ITEMS = ("li", "tr", "article")


def _item(el):
    return next((a for a in el.iterancestors() if isinstance(a.tag, str) and a.tag in _ITEMS), None)


def shown_twice(first, second) -> bool:
    """Whether two equal ratings in document order are one rating shown twice: nothing but
    white space between them (no label, no name, no text of a review), and both in one item of
    a list (the last stars of one card and the first of the next, with only a "$$" between, are
    two cards' ratings)."""
    between = _texts_between(first, second)
    if between is None or re.search(r"\w", between):
        return False
    item = _item(first)
    return item is None or any(a is item for a in second.iterancestors())
