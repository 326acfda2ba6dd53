"""A lone rating in one card of a grid: a magazine's home page lists its latest articles as
cards drawn alike (news, features, guides), and the one card that is a review carries a score
("Rated 4 out of 5"). With no other rating on the page, the rating's block climbs up to the page
itself; the review is the card around it, told from its unrated neighbours by what it says it is
(its link to a ".../review/" page, or its label "Review")."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .reviews_normalize import element_text
from .reviews_widgets import tag

# a path segment naming a review page ("/makeo/zephyr/estate/review/", "/reviews/1234-x",
# "/test-drive/..."), or a card's label that is that word alone
_REVIEW_SEGMENT = re.compile(r"^(?:[\w-]*[-_])?(?:reviews?|testberichte?|test-?drives?|essais?|avis|recensione|"
                             r"resenas?|opiniones|rezension|obzor|otzyv[a-z]*|recenze)(?:[-_][\w-]*)?$", re.I)
_REVIEW_LABEL = re.compile(r"(?:car |user |owner |expert |full )?(?:reviews?|review of the week|"
                           r"road test|first drive|test drive|essai|testbericht|recensione|reseña|"
                           r"обзор|отзывы?|тест-драйв)", re.I)  # (not "test" alone: a tester's review says just that)
_MAX_CARD = 1500  # a card's text: a headline and a teaser, not a section


def grid_card(anchor, top, signature):
    """The element around `anchor` (below `top`, the page-sized element its block climbed to)
    that is one of three or more siblings drawn alike (same tag and classes) and names itself a
    review by a link or a label; else None."""
    for up in anchor.iterancestors():
        if up is top:
            return None
        parent = up.getparent()
        if parent is None:
            return None
        sig = signature(up)
        if not sig.endswith(".") and sum(1 for s in parent if tag(s) == tag(up) and signature(s) == sig) >= 3:
            return up if len(element_text(up)) <= _MAX_CARD and _names_review(up, anchor) else None
    return None


def _names_review(card, anchor) -> bool:
    """Whether one of the card's own links leads to a review page, or a short line of the card
    (outside its rating) is a review's label."""
    rating_ids = {id(d) for d in anchor.iter()}
    for el in card.iter():
        if id(el) in rating_ids or not isinstance(el.tag, str):
            continue
        if tag(el) == "a":
            path = urlsplit(el.get("href") or "").path
            if any(_REVIEW_SEGMENT.match(seg) for seg in path.split("/") if seg):
                return True
        if len(el) == 0 and _REVIEW_LABEL.fullmatch(element_text(el).strip()):
            return True
    return False


def kind_labels(blocks: list) -> set[int]:
    """Ids of the blocks' leaf elements whose whole text is a review's label ("Reviews" on a
    magazine card): the card's kind, no part of its text."""
    return {id(el) for b in blocks for el in b.iter()
            if isinstance(el.tag, str) and len(el) == 0 and el is not b and _REVIEW_LABEL.fullmatch(element_text(el).strip())}
