"""A review written in sections under headings, each section a box of its own: B2B software
review sites ask their questions one by one ("Use Cases and Deployment Scope", "Pros", "Cons",
"Likelihood to Recommend") and print each answer under its heading in a box shaped like the
others. When the text found sits in one such box, the review's text is every box's answer in
order, the headings (and a score printed as one) left out; a single answer read alone would drop
the reviewer's pros and cons."""
from __future__ import annotations

from .reviews_layout import text_without
from .reviews_widgets import tag

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _shape(el) -> tuple:
    return tag(el), frozenset((el.get("class") or "").split())


def headed_sections(body_el, block, skip: list) -> str | None:
    """All the answers of the sibling boxes, each with a heading and a text of its own, of which
    one holds `body_el` (the boxes inside `block`); None when the text is in no such box."""
    if body_el is None or body_el is block:
        return None
    node = body_el
    for _ in range(8):
        parent = node.getparent()
        if parent is None or node is block:
            return None
        shape = _shape(node)
        if shape[1]:  # (boxes named alike: bare divs are any layout's)
            boxes = [c for c in parent if tag(c) and _shape(c) == shape]
            if len(boxes) >= 2 and any(b is node for b in boxes):
                texts = []
                for b in boxes:
                    heads = [h for h in b.iter() if tag(h) in _HEADINGS]
                    answer = text_without(b, skip + heads).strip() if heads else ""
                    if not answer:
                        texts = []
                        break
                    texts.append(answer)
                if texts:
                    return " ".join(texts)
        if parent is block:
            return None
        node = parent
    return None
