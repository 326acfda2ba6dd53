"""Reviews as alike cards inside one box named for them: a section whose id or class says
quotes, testimonials or reviews ("customer-quotes") holding rows drawn alike (a portrait, the
quote, "NAME | PLACE") that are named for nothing themselves. Each row is a review."""
from __future__ import annotations

from .reviews_normalize import element_text
from .reviews_widgets import tag


def cards_in_named_box(boxes: list, signature) -> list:
    """The alike rows (two or more children with one signature that is not a bare tag, each with
    30+ characters of text, together most of the box's text, not all the same) of the first
    box in `boxes` (elements named for reviews, each alone of its kind) that has them, looked for
    down to four levels below it."""
    for box in boxes:
        total = len(element_text(box))
        level = [box]
        for _ in range(4):
            for node in level:
                groups: dict[str, list] = {}
                for c in node:
                    if tag(c):
                        groups.setdefault(signature(c), []).append(c)
                for sig, members in groups.items():
                    texts = [element_text(m) for m in members]
                    if len(members) >= 2 and not sig.endswith(".") and all(len(t) >= 30 for t in texts) \
                            and len(set(texts)) == len(texts) and sum(map(len, texts)) >= total / 2:
                        return members
            level = [c for node in level for c in node if tag(c)]
    return []
