"""Review cards: told alike though a page marks their place or state (WordPress gives every
other comment "alt" / "thread-alt" and a comment with replies "parent", so two readers' comments
differ in class only by where they sit and whether someone answered), and the site's id of one."""
from __future__ import annotations

import re

# class tokens that say where a card sits in its list or that it has replies, not what it is
_PLACE_OR_STATE = re.compile(r"^(?:alt|thread-alt|parent|has-children|has-replies|is-parent)$")


def without_place(signature: str) -> str:
    """A "tag.class class" signature less the classes of place and state above."""
    t, _, cls = signature.partition(".")
    return t + "." + " ".join(c for c in cls.split() if not _PLACE_OR_STATE.match(c))


# an element id naming one review ("app-review-90817", "comment_42"); a list's, in the plural
_ONE_REVIEW_ID = re.compile(r"(?:review|comment)[-_]?\d", re.I)
_LIST_ID = re.compile(r"(?:reviews|comments|(?<![a-z])list)(?![a-z])", re.I)


def card_id(block) -> str | None:
    """The site's id of a review: a data attribute of the block or of its parent that holds a
    figure ("data-review-id", "data-id", …), or the block's own id. A block read up to a list
    holding one review (the element giving the figure has an id naming a list: "reviews_4400",
    "product-reviews") takes the id the one review inside gives itself."""
    for el in [block, *list(block.iterancestors())[:1]]:
        for attr in ("data-review-id", "data-reviewid", "data-id", "data-comment-id", "data-review", "id"):
            v = el.get(attr)
            if v and re.search(r"\d", v) and len(v) <= 80 and (attr != "id" or el is block):
                if _LIST_ID.search(el.get("id") or ""):
                    return _one_inside(block) or v
                return v
    return None


def _one_inside(block) -> str | None:
    ids = [d.get("id") for d in block.iterdescendants()
           if isinstance(d.tag, str) and _ONE_REVIEW_ID.search(d.get("id") or "")]
    return ids[0] if len(ids) == 1 and len(ids[0]) <= 80 else None
