"""Parts of a review block that are easy to mistake for others: the screen-reader copy of a
rating inside a title, the reviewer's name set as a heading, the reviewer's card of details
(country, room, nights) beside the text, the name of the pictured film or product."""
from __future__ import annotations

import re

from .reviews_authors import inside_any, name_like
from .reviews_body import BODY_ATTR, VERIFIED, Covered
from .reviews_dates import find_date_text
from .reviews_layout import text_without
from .reviews_normalize import clean_text, element_text, rating_from_text
from .reviews_widgets import attrs_text, tag


def title_text(el) -> str | None:
    """A title's text without the screen-reader copy of the rating and badge a site may put
    inside it ("Bananas<span class=vc>Rated 1 out of 5Verified purchase</span>")."""
    if not len(el):
        return clean_text(element_text(el))
    extra = [d for d in el.iterdescendants() if tag(d) and (t := element_text(d)) and len(t) <= 80
             and (_RATING_WORDS.search(t) and rating_from_text(t) is not None or VERIFIED.fullmatch(t.strip()))]
    return clean_text(text_without(el, extra) if extra else element_text(el))


_RATING_WORDS = re.compile(r"\bout of\b|\bstars?\b|\brated\b|\bvon\b|\bsur\b|\bde\b|/", re.I)


def name_heading_before(block, title_el, skip: list):
    """With the title found elsewhere, a heading before it that holds a name is the
    reviewer's (Booking.com sets "Guest" or the guest's name as an h4 above the review)."""
    inside = Covered(skip)
    for el in block.iter():
        if el is title_el:
            break
        if tag(el) not in ("h1", "h2", "h3", "h4", "h5", "h6") or el in inside \
                or any(tag(c) for c in el.iterdescendants() if element_text(c)):
            continue
        t = clean_text(element_text(el))
        if t and len(t) <= 40 and name_like(t) and not find_date_text(t) and rating_from_text(t) is None \
                and not VERIFIED.search(t):
            return el, t
    return None, None


def author_card(block, author_el, fields: list):
    """The reviewer's card around the name: the largest element holding the name and none
    of the rating, date and title, when it is a few short lines (Booking.com: country, room,
    nights, kind of trip); its lines are not the review's text. None when there is none."""
    if author_el is None:
        return None
    fields = [f for f in fields if f is not None]
    node, card = author_el, None
    while True:
        parent = node.getparent()
        if parent is None or parent is block or any(inside_any(f, [parent]) for f in fields):
            break
        node = card = parent
    if card is None or any(tag(d) in ("p", "blockquote") or BODY_ATTR.search(re.sub(r"review", "", attrs_text(d)))
                           for d in card.iter() if tag(d)):
        return None
    lines = [t for t in (element_text(d) for d in card.iter() if tag(d) and len(d) == 0) if t]
    return card if len(lines) >= 3 and len(text_without(card, [author_el])) <= 150 else None


# a year after a work's name ("Love, Simon 2018", "Heat (1995)")
_YEAR_AFTER = re.compile(r"\s*\(?(?:1[89]|20)\d{2}\)?$")


def names_picture(block, title_el, title: str | None) -> bool:
    """Whether a "title" only repeats the alt text of a picture in the block that is not the
    reviewer's: the name of the film or product reviewed, shown beside its poster or photo
    (a list of reviews of many films, Letterboxd), not a title the reviewer wrote."""
    if not title:
        return False
    core = _YEAR_AFTER.sub("", title).strip().casefold()
    for img in block.iter("img"):
        alt = (img.get("alt") or "").strip().casefold()
        if len(alt) >= 2 and alt == core and not any(
                _PERSON_PICTURE.search(attrs_text(a)) for a in [img, *img.iterancestors()][:3]):
            return not inside_any(img, [title_el])
    return False


_PERSON_PICTURE = re.compile(r"avatar|profile|user|author|reviewer|member|gravatar", re.I)
