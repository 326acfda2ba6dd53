"""A list of items each shown with its own score: cards alike (a company's, a product's: its
name as a link and its average in stars), three or more of them outside the reviews ("Most
discussed companies", "Top rated shops"). Each score is its item's; none is the page's. So is
the item's card inside a review of it in a feed of reviews of many items (item_boxes): its
stars are the item's average, not the reviewer's rating."""
from __future__ import annotations

import re

from .reviews_dates import find_date_text
from .reviews_normalize import element_text
from .reviews_reviewed import PERSON_HREF
from .reviews_widgets import classes, rating_of, tag

_LETTERS = re.compile(r"[^\W\d_]{3}")


def _item_card(anchor):
    """(card, link) for the nearest ancestor (up to four levels) of a rating widget that holds
    named links to one address: the card of the item the widget rates; else None."""
    node = anchor
    for _ in range(4):
        node = node.getparent()
        if node is None or tag(node) in ("body", "html"):
            return None
        hrefs = {a.get("href") for a in node.iter("a") if a.get("href")
                 and _LETTERS.search(t := element_text(a)) and not re.search(r"\d", t)}
        if len(hrefs) > 1:
            return None
        if hrefs:
            return node, hrefs.pop()
    return None


def items_own_scores(anchors: list) -> set[int]:
    """The ids of the widgets among `anchors` (outside the reviews) that sit in cards alike,
    three or more, each naming an item of its own by a link (a number in the link's text, "5
    stars", is a histogram's filter, no item)."""
    groups: dict[str, list] = {}
    for a in anchors:
        found = _item_card(a)
        if found is not None:
            card, href = found
            sig = tag(card) + "." + " ".join(sorted(classes(card)))
            groups.setdefault(sig, []).append((a, href))
    out: set[int] = set()
    for sig, members in groups.items():
        if not sig.endswith(".") and len({h for _, h in members}) >= 3:
            out.update(id(a) for a, _ in members)
    return out


def item_card_zone(anchors: list, items: set[int]) -> set[int]:
    """The ids of every element in the cards of the widgets `items_own_scores` found: a figure
    printed there ("4.98/5 (14 Reviews)") is that item's, no page summary either."""
    return {id(d) for a in anchors if id(a) in items and (found := _item_card(a)) is not None for d in found[0].iter()}


def item_teaser(body: str | None, rating: float | None, block) -> bool:
    """Whether a rated card is an item's teaser, no review ("Similar apps": a picture, the name,
    the maker, a tagline and the item's average): its text is the whole text of a link to a page
    that the card's name (another link with a text of its own) and a textless link (its
    picture's) open too, and its score is no whole or half star ("Rated 4.3 stars": an average,
    no one's rating). (A review's teaser links its headline alone to the review: no name
    beside it opens the same page.)"""
    if not body or rating is None or float(rating * 2).is_integer():
        return False
    text = " ".join(body.split())
    links = [(a, h, " ".join(element_text(a).split())) for a in block.iter("a")
             if (h := (a.get("href") or "").strip())[:1] not in ("", "#") and not h.startswith("javascript:")]
    for a, href, t in links:
        if t == text:
            same = [u for o, h, u in links if o is not a and h == href]
            if any(not u for u in same) and any(u and u != text for u in same):
                return True
    return False


def _links(node) -> tuple[set, set, bool]:
    """(addresses of named links, addresses of links round a picture, any link to a person's page)."""
    named, pictured, person = set(), set(), False
    for a in node.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            continue
        person = person or PERSON_HREF.search(href) is not None
        text = element_text(a)
        if _LETTERS.search(text) and not re.search(r"\d", text):
            named.add(href)
        elif not text.strip() and any(tag(i) == "img" and not _avatar(a, i) for i in a.iter()):
            pictured.add(href)
    return named, pictured, person


_PERSON_PICTURE = re.compile(r"avatar|user|profile|author|member|reviewer|gravatar", re.I)


def _avatar(a, img) -> bool:
    """Whether a linked picture is a person's: named so, or drawn at most 64 pixels a side (a face
    beside a name, not a book's cover or a product's photo)."""
    if _PERSON_PICTURE.search(" ".join(filter(None, (a.get("class"), img.get("class"), img.get("src"))))):
        return True
    size = [int(v) for v in (img.get("width"), img.get("height")) if v and v.isdigit()]
    return len(size) == 2 and max(size) <= 64


def item_boxes(block) -> list:
    """The boxes inside a review that are the card of the item it reviews (a feed of the latest reviews
    of many books: each review beside the book's title, picture, makers and blurb): the nearest box
    round a rating widget (up to four levels, below the block) that names a page by a link with a
    name and by a link round a picture, with no link to a person's page and no date, while letters
    of the review stand outside it. Its widget is the item's average over many readers, none of the
    reviewer's, and its lines (title, makers, blurb, counts) no part of the review."""
    out: list = []
    for w in block.iter():
        if not tag(w) or any(w is o or o in w.iterancestors() for o in out) or rating_of(w) is None:
            continue
        node = w
        for _ in range(4):
            node = node.getparent()
            if node is None or node is block:
                break
            named, pictured, person = _links(node)
            if named & pictured:
                if not person and not any(tag(d) == "time" for d in node.iter()) \
                        and find_date_text(element_text(node)) is None \
                        and len(_LETTERS.findall(element_text(block))) - len(_LETTERS.findall(element_text(node))) >= 10:
                    out.append(node)
                break
    return out
