"""The reviewer's own box in a review card: their name, avatar and the count of reviews they
have written ("12 reviews", a reviewer's badge). A count there is the reviewer's,
not the item's: it makes no card a summary of the item ("4.6 · 11 reviews")."""
from __future__ import annotations

import re

from .reviews_widgets import attrs_text, tag

# a class or id naming the reviewer's part of a card ("featured-review__user", "reviewer-badge",
# "author-info", "member-stats"), not a count or a summary of the item's
_REVIEWER_BOX = re.compile(r"reviewer|(?:^|[\s_-])(?:user|author|member|profile|byline)(?:$|[\s_-])", re.I)
_ITEM_WORDS = re.compile(r"count|total|summary|average|overall|aggregate|histogram|breakdown", re.I)


def reviewer_boxes(block) -> list:
    """The outermost elements in `block` (not the block itself) named for the reviewer."""
    out = []
    for el in block.iterdescendants():
        if not tag(el) or any(el is o or any(a is o for a in el.iterancestors()) for o in out):
            continue
        a = attrs_text(el)
        if _REVIEWER_BOX.search(a) and not _ITEM_WORDS.search(a):
            out.append(el)
    return out
