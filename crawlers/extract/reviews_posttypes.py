"""Parts of a community stream that are no review, and a card's hover box.

A shop's community stream mixes kinds of post in one list, each card drawn alike and told apart
by a modifier of its class ("cm-post cm-post--rating" beside "cm-post--question" and
"cm-post--discussion"): a post named a question, an answer or a discussion that carries no rating
is no review, however alike its card. And a box named a tooltip or hover card (the reviewer's
profile: "member since", level, points, badges, shown on hover) is none of the review's text,
title or name."""
from __future__ import annotations

import re

from .reviews_widgets import rating_of, tag

# a class part naming a kind of post that is no review (split at - and _: "cm-post--question")
_NOT_REVIEW_KIND = {"question", "questions", "answer", "answers", "discussion", "discussions", "qa", "faq"}
# a class token naming a hover box: "tooltip" with a part naming the box ("tooltip-box",
# "tooltip-content"), not the element that opens it ("tooltip-trigger"; a link classed "tooltip"
# only has one: the reviewer's name, on a Dutch restaurant site)
_HOVER_PART = {"tooltip", "hovercard"}
_BOX_PART = {"box", "content", "body", "card", "popup", "pane", "panel", "inner", "container"}


def _parts(el) -> set[str]:
    return {p for p in re.split(r"[-_\s]+", (el.get("class") or "").lower()) if p}


def _token_parts(token: str) -> set[str]:
    return set(re.split(r"[-_]+", token.lower()))


def not_review_posts(blocks: list, rated_ids: set[int]) -> list:
    """`blocks` without the unrated ones whose own class names a question, an answer or a
    discussion (`rated_ids`: ids of the elements inside rated blocks or being rating anchors)."""
    out = []
    for b in blocks:
        kind = _parts(b) & _NOT_REVIEW_KIND
        if kind and not any(id(d) in rated_ids for d in b.iter()):
            continue
        out.append(b)
    return out


def hover_boxes(block) -> list:
    """Elements of `block` named a tooltip's or hover card's box that hold no rating widget."""
    out = []
    for el in block.iter():
        if el is block or tag(el) in ("", "a", "img") or not any(
                p & _HOVER_PART and (p & _BOX_PART or p == {"hovercard"})
                for p in map(_token_parts, (el.get("class") or "").split())):
            continue
        if all(rating_of(d) is None for d in el.iter() if tag(d)):
            out.append(el)
    return out
