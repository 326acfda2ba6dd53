"""A review's strip of photos: a list named for pictures ("photo-box-grid", "review-gallery")
whose items each hold a picture and its caption, and a screen reader's copy of the caption in
the picture's link ("<li><img alt="…"><div class="caption">Steak for two</div><a><span
class="offscreen">Steak for two</span></a></li>"), the last item maybe a link to all of them
("See all photos from NAME"). The captions are the pictures' words, none of the review's text:
run into it, a short text ("Best florist in town") would lose to a longer caption. (A row of
cards each with a picture and stars, "thumbnails" of rated items, is no photo strip.)"""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import rating_of, tag

# (not "media": "media-block", "media-story" are layout boxes around a review's parts; nor
# "thumbnail", Bootstrap's card of an item, or "image", a logo's or a card's picture box)
_PICTURES = re.compile(r"photo|picture|gallery|lightbox", re.I)


def _named_pictures(el) -> bool:
    return _PICTURES.search(" ".join(filter(None, (el.get("class"), el.get("id"))))) is not None


def photo_strips(block) -> list:
    """The lists of pictures with captions inside a review block (none that holds a longer text)."""
    out = []
    for el in block.iter("ul", "ol", "div"):
        if el is block or not _named_pictures(el) or any(a is not block and a in out for a in el.iterancestors()):
            continue
        texted = [c for c in el if tag(c) and element_text(c).strip()]
        pictured = [c for c in texted if c.find(".//img") is not None]
        if pictured and all(c in pictured or _named_pictures(c) for c in texted) \
                and all(len(element_text(c)) <= 200 for c in texted) \
                and all(rating_of(d) is None for d in el.iter() if tag(d)):  # (cards of rated items: no photos)
            out.append(el)
    return out
