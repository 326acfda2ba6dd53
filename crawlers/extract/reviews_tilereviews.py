"""A product grid whose every tile shows one customer review.

A shop's home page lists products in tiles (picture, name, price) and puts under each one
customer's words about it in an element named for a review ("review-wrapper": the text, then
'from NAME'), one to a tile. Each named element is alone in its parent, so no group of alike
siblings forms; the tiles around them are the siblings. The named elements are the reviews (the
tile's name and price are the product's, not the review's)."""
from __future__ import annotations

import re

from .reviews_normalize import element_text, text_weight

_LEVELS = 3
_WRAPPER = re.compile(r"[-_]?(?:wrapper|wrap)\b", re.I)


# a named element that only counts reviews or votes ("12 reviews", "5 | 1 REVIEWS")
_COUNT_ONLY = re.compile(r"[\d\s|().,/★☆]*(?:reviews?|ratings?|votes?|bewertungen|avis|评价|評價|条评论|件のレビュー)?[\d\s|().]*",
                         re.I)


def tile_reviews(root, signature, keyword, exclude) -> list:
    """Elements named for a review (`keyword`; `exclude` as for any named block, but a wrapper word
    allowed: "review-wrapper" is one review's wrapper here), each alone in its parent, that sit one
    to a tile in 2+ alike sibling tiles (the same tag and classes under one parent, the tile up to
    three levels above), with a text of some length (median 30 or more, CJK counted double) that is
    no bare count; else []."""
    named = []
    for el in root.iter():
        t = el.tag if isinstance(el.tag, str) else ""
        if t.lower() not in ("div", "p", "section", "article", "blockquote", "li"):
            continue
        a = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if keyword.search(a) and not exclude.search(_WRAPPER.sub(" ", a)):
            named.append(el)
    ids = {id(e) for e in named}
    singles = [e for e in named if not any(id(x) in ids for x in e.iterancestors())
               and not any(c is not e and signature(c) == signature(e) for c in e.getparent())]
    keys: dict[int, list] = {}
    groups: dict[tuple, list] = {}
    for el in singles:
        node, chain = el, []
        for level in range(_LEVELS):
            node = node.getparent()
            parent = node.getparent() if node is not None else None
            if parent is None:
                break
            key = (level, id(parent), signature(node), signature(el))
            chain.append(key)
            groups.setdefault(key, []).append(el)
        keys[id(el)] = chain
    chosen: list = []
    taken: set[int] = set()
    for el in singles:
        if id(el) in taken:
            continue
        key = next((k for k in keys[id(el)] if len(groups[k]) >= 2), None)
        if key is None:
            continue
        members = groups[key]
        texts = [element_text(m) for m in members]
        weights = sorted(text_weight(t) for t in texts)
        if weights[len(weights) // 2] < 30 or sum(1 for t in texts if _COUNT_ONLY.fullmatch(t.strip())) * 2 >= len(texts):
            continue
        for m in members:
            if id(m) not in taken:
                taken.add(id(m))
                chosen.append(m)
    return chosen
