"""Parts of a community stream that are no review, and a card's hover box.

A shop's community stream mixes kinds of post in one list, each card drawn alike and told apart
by a modifier of its class ("cm-post cm-post--rating" beside "cm-post--question" and
"cm-post--discussion"): a post named a question, an answer or a discussion that carries no rating
is no review, however alike its card. And a box named a tooltip or hover card (the reviewer's
profile: "member since", level, points, badges, shown on hover) is none of the review's text,
title or name; nor is one whose id or class names a user's pop-up ("userBox_pnlUserPopup"), nor a
dialog the card opens from a link to its id ("#md-trust") that holds its own close control (a
help text on the site's trust score)."""
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


# a pop-up or hover menu named for a person: the reviewer's profile box ("pnlUserPopup")
_POPUP_PART = {"popup", "popover", "hovercard", "hovermenu", "flyout"}
_PERSON_PART = {"user", "profile", "member", "author", "reviewer", "person"}
# a control that closes a dialog: an empty link or button classed "close" ("close-r", "btn-close")
_TRIGGER_ATTRS = ("rel", "href", "data-target", "data-href", "aria-controls", "data-toggle-target")


def _parts(el) -> set[str]:
    return {p for p in re.split(r"[-_\s]+", (el.get("class") or "").lower()) if p}


def _token_parts(token: str) -> set[str]:
    return set(re.split(r"[-_]+", token.lower()))


def _camel_parts(token: str) -> set[str]:
    """A name's words however joined: "pnlUserPopup" -> pnl, user, popup; "user-popup" too."""
    return {w.lower() for part in re.split(r"[-_]+", token) for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", part)}


_POPUP_WORD = re.compile("|".join(_POPUP_PART), re.I)
_BOX_WORDS = tuple(_HOVER_PART | _POPUP_PART)  # (one of them is in the names of every box hover_boxes keeps)


def _person_popup(el) -> bool:
    if not _POPUP_WORD.search((el.get("id") or "") + " " + (el.get("class") or "")):
        return False
    names = re.split(r"[\s_]+", el.get("id") or "") + (el.get("class") or "").split()
    return any((p := _camel_parts(n)) & _POPUP_PART and p & _PERSON_PART for n in names if n)


def _closes_itself(el) -> bool:
    """Whether an element holds an empty link or button classed to close (a dialog's "×")."""
    return any(tag(d) in ("a", "button") and not "".join(d.itertext()).strip()
               and any("close" in _token_parts(c) for c in (d.get("class") or "").split()) for d in el.iter())


def dialog_boxes(block) -> list:
    """Elements of `block` opened as a dialog from a link to their id elsewhere in the block
    ("rel='#md-trust'") that hold their own close control and no rating."""
    boxes = block.xpath(".//*[@id]")
    if not boxes:
        return []
    refs = block.xpath(" | ".join(f".//@{a}[starts-with(normalize-space(.), '#')]" for a in _TRIGGER_ATTRS))
    targets = {str(r).strip()[1:] for r in refs} - {""}
    return [el for el in boxes if el.get("id") in targets
            and _closes_itself(el) and all(rating_of(d) is None for d in el.iter() if tag(d))]


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
    """Elements of `block` named a tooltip's or hover card's box, or a person's pop-up, that hold
    no rating widget; and the dialogs the block opens (dialog_boxes)."""
    out = []
    for el in block.iter():
        names = ((el.get("class") or "") + " " + (el.get("id") or "")).lower() if isinstance(el.tag, str) else ""
        if not any(w in names for w in _BOX_WORDS):
            continue  # (no word of a hover box or pop-up in its names: the common case, decided at once)
        if el is block or tag(el) in ("", "a", "img") or not any(
                p & _HOVER_PART and (p & _BOX_PART or p == {"hovercard"})
                for p in map(_token_parts, (el.get("class") or "").split())) and not _person_popup(el):
            continue
        if all(rating_of(d) is None for d in el.iter() if tag(d)):
            out.append(el)
    return out + [d for d in dialog_boxes(block) if d not in out]
