"""Reviews as alike cards inside one box named for them: a section whose id or class says
quotes, testimonials or reviews ("customer-quotes") holding rows drawn alike (a portrait, the
quote, "NAME | PLACE") that are named for nothing themselves. Each row is a review."""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import tag


def cards_in_named_box(boxes: list, signature) -> list:
    """The alike rows (two or more children with one signature that is not a bare tag, but for a
    list's bare items, each with 30+ characters of text, together most of the box's text, not
    all the same) of the first box in `boxes` (elements named for reviews, each alone of its
    kind) that has them, looked for down to four levels below it."""
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
                    if len(members) >= 2 and (not sig.endswith(".") or sig == "li." and tag(node) in ("ul", "ol")) \
                            and all(len(t) >= 30 for t in texts) \
                            and len(set(texts)) == len(texts) and sum(map(len, texts)) >= total / 2:
                        return members
            level = [c for node in level for c in node if tag(c)]
    return []


# a heading that names the list after it as reviews: "Latest Reviews", "Recent user reviews",
# "Neueste Bewertungen", "Derniers avis" (a home page's column of review teasers)
_REVIEWS_HEADING = re.compile(r"(?:latest|recent|newest|new|neueste|letzte|derniers|dernières|últimas|ultime|najnowsze)\s+"
                              r"(?:(?:user|member|customer|fragrance|product)\s+)?"
                              r"(?:reviews|rezensionen|bewertungen|avis|reseñas|opiniones|recensioni|recenzje|opinie)", re.I)


def headed_list(root) -> list:
    """The items of the list right after a heading naming it the latest reviews: two or more
    children of one tag, each with a link and 60+ characters of text, no two alike in text."""
    for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        if not _REVIEWS_HEADING.fullmatch(element_text(h).strip(" :")):
            continue
        box = next((s for s in h.itersiblings() if tag(s)), None)
        items = [c for c in box if tag(c)] if box is not None else []
        texts = [element_text(c) for c in items]
        if len(items) >= 2 and len({tag(c) for c in items}) == 1 and all(len(t) >= 60 for t in texts) \
                and len(set(texts)) == len(texts) and all(c.find(".//a") is not None for c in items):
            return items
    return []



# a BEM item of a block named for reviews: "reviewcarousel__item", "testimonials-slider__slide"
# (the block's name may say "carousel" or "list": the item is one review of it)
_NAMED_BLOCK_ITEM = re.compile(r"(?:^|\s)[\w-]*(?:review|testimonial|feedback|quote|opinion)[\w-]*__(?:item|slide|card|entry)"
                               r"(?=$|\s|--)", re.I)


def review_item_class(el) -> bool:
    """Whether `el`'s class names it an item of a block named for reviews (BEM)."""
    return _NAMED_BLOCK_ITEM.search(el.get("class") or "") is not None


# a box named for a product's or a page's reviews as a whole, a plural closing a class token or the
# id ("woocommerce-Reviews", "wd-single-reviews", id="reviews"): their list, no one review
_COLLECTION = re.compile(r"(?:^|[\s_-])(?:reviews|comments|testimonials|bewertungen|avis-clients)(?:$|\s)", re.I)


def review_collection(el) -> bool:
    """Whether `el`'s class or id names it the box of a page's reviews (a lone review climbed to it
    is read from the element named for it inside: the box adds its heading, the shop's reply)."""
    return _COLLECTION.search(" ".join(filter(None, (el.get("class"), el.get("id"))))) is not None


# one line set in quote marks, all of it ("“Great view”", "„Gutes Essen“", "«Très bon»")
_QUOTED_LINE = re.compile(r"[\"“”„«‹「『‘][^\"“”„«»‹›「」『』]{2,200}[\"”“»›」』’]")


def quoted_list(root) -> list:
    """The items of a list inside a box named for reviews ("widSSPReviews", "latest-reviews") when
    every item is one line in quote marks and nothing else: a travel site's widget showing a
    place's latest reviews by their headlines, unrated and unsigned. Two or more items of one
    tag, no two alike, none with a link (a list of quoted links is a menu of review pages)."""
    for box in root.iter():
        if not tag(box) or "review" not in " ".join(filter(None, (box.get("class"), box.get("id")))).lower():
            continue
        for lst in box.iter("ul", "ol"):
            items = [c for c in lst if tag(c)]
            texts = [element_text(c).strip() for c in items]
            if len(items) >= 2 and {tag(c) for c in items} == {"li"} and len(set(texts)) == len(texts) \
                    and all(_QUOTED_LINE.fullmatch(t) for t in texts) \
                    and not any(c.find(".//a") is not None for c in items):
                return items
    return []
