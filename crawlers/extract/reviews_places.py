"""A place's card in a listing, no review: a hotel or restaurant tile shows the place's name, its
address after a map-pin icon, its class in stars or its guests' average, and a price. Read as a
review, such a card's only line of text is the address ("Siteler, Marmaris, Muğla"); a review's
text is never the line a pin icon leads (where a review card has a pin, it marks the reviewer's
or the place's location beside the text). A card whose text is that line alone, with no reviewer
and no date, is the place's card. So are rated cards that each offer a place's phone number to call (a
"tel:" link of one number in each card, two numbers or more among them: a hotel portal's result
items, each hotel's class in stars and its own description beside a booking button); a review
carries no phone link of the place it reviews.
"""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import tag

# an icon's class naming a location pin: Font Awesome's "fa-map-marker", "fa-map-pin",
# "fa-location-dot", Bootstrap's "bi-geo-alt", "icon-location", Material's "place"/"location_on"
_PIN_CLASS = re.compile(r"(?:^|[\s_-])(?:map[-_]?(?:marker|pin)(?:[-_]alt)?|location(?:[-_](?:dot|pin|arrow|on|marker))?|"
                        r"geo(?:[-_]alt)?(?:[-_]fill)?|pin[-_]drop|place)(?:$|[\s_])", re.I)
# a ligature icon's name written as its text (Material Icons)
_PIN_GLYPH = {"place", "location_on", "room", "pin_drop", "\U0001F4CD"}
_ICON_TAGS = ("i", "span", "svg", "em", "img")


def pin_icon(el) -> bool:
    """Whether `el` is an icon of a location pin: an empty icon element (or one holding only the
    pin's glyph name) classed for a pin."""
    if tag(el) not in _ICON_TAGS or len(el) and tag(el) != "svg":
        return False
    text = element_text(el).strip()
    if text and text not in _PIN_GLYPH:
        return False
    return bool(_PIN_CLASS.search(el.get("class") or "")) or (bool(text) and "icon" in (el.get("class") or ""))


def pin_lines(block) -> set[str]:
    """The lines a pin icon leads inside `block`: the text right after the icon (its tail), else
    the text of the element that follows it (whitespace collapsed)."""
    lines = set()
    for el in block.iter():
        if not tag(el) or not pin_icon(el):
            continue
        text = " ".join((el.tail or "").split())
        if not text:
            nxt = el.getnext()
            text = " ".join(element_text(nxt).split()) if nxt is not None else ""
        if text:
            lines.add(text)
    return lines


def place_card(review: dict, block) -> bool:
    """Whether a rated card read as `review` is a place's card: its text is the line a pin icon
    leads, and it names no reviewer and no date."""
    body = " ".join((review.get("body") or "").split())
    if not body or review.get("author") or review.get("published_at"):
        return False
    return body in pin_lines(block)


_CARD_LEVELS = 3  # (a block's card: itself or an ancestor at most three levels up)
_CARD_TEXT = 2000  # (characters at most: a card, no page or list of cards)


def _card_phone(block) -> str | None:
    """The one phone number a "tel:" link offers in `block`'s card: the nearest of the block and
    its ancestors (up to three levels, a card's size) that holds a tel: link, when it links to one
    number only; else None."""
    node = block
    for _ in range(_CARD_LEVELS + 1):
        if node is None or tag(node) in ("body", "html") or len(element_text(node)) > _CARD_TEXT:
            return None
        numbers = {"".join(ch for ch in (a.get("href") or "")[4:] if ch.isdigit())
                   for a in node.iter("a") if (a.get("href") or "").strip().lower().startswith("tel:")}
        numbers.discard("")
        if numbers:
            return numbers.pop() if len(numbers) == 1 else None
        node = node.getparent()
    return None


def phone_cards(blocks: list) -> set[int]:
    """The ids of the blocks that are places' listing cards: each card offers a phone number of
    its own, and the cards offer two numbers or more (a list of places; one number beside the
    reviews is the shop's hotline, no card's)."""
    phones = {id(b): p for b in blocks if (p := _card_phone(b)) is not None}
    return set(phones) if len(set(phones.values())) >= 2 else set()
