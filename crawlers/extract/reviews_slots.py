"""What the alike cards of one list hold in the same place. A reviewer's name is found by its
shape (capitalised words, a profile link); a name written in lower case ("ana k", "john smith")
has no such shape, but when the other cards of the list carry their reviewers' names in one and
the same slot (the same chain of tags and classes below the card), the text in that slot of a
card is its reviewer's name too, whatever its case. Read after every card of the list is read.
So is a bold name ended by a colon that opens each card ("<strong>NAME:</strong> TEXT"), when the
names differ from card to card (a label repeats).
And the place of a heading: one that comes after the text, with at most a short line or two after
it, is the signer's name below a quote ("<p>QUOTE</p><h2>Ann</h2><div>Toronto</div>"), no title."""
from __future__ import annotations

import re
from collections import Counter

from .reviews_authors import anonymous, name_like
from .reviews_verified import VERIFIED
from .reviews_chrome import action_word
from .reviews_normalize import element_text
from .reviews_widgets import tag

# a name in the slot: one to four words of letters (dots, apostrophes, hyphens), no figures
_NAME_WORDS = re.compile(r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}")
_MIN_NAMED = 2  # cards whose reviewer's name sits in the slot


def _path(el, block) -> tuple | None:
    """The chain of (tag, class) from the card down to `el`, or None when `el` is not inside it."""
    chain = []
    node = el
    while node is not None and node is not block:
        chain.append((tag(node), " ".join((node.get("class") or "").split())))
        node = node.getparent()
    return tuple(reversed(chain)) if node is block else None


def _named_leaf(block, name: str):
    """The innermost element of the card whose whole text is the name."""
    found = None
    for el in block.iter():
        if tag(el) and " ".join(element_text(el).split()) == name:
            found = el  # (iter() goes down: the last one met is the innermost)
    return found


def _at(block, path: tuple) -> list:
    level = [block]
    for t, cls in path:
        level = [c for p in level for c in p if tag(c) == t and " ".join((c.get("class") or "").split()) == cls]
    return level


def slot_authors(reviews: list[dict], blocks: list) -> None:
    """Fill in the author of the reviews (read from `blocks`, in the same order) that have
    none, from the slot where the list's other cards carry their reviewers' names; the name is
    cut from the end of the text when the text was read with it."""
    if not any(r.get("author") is None for r in reviews) or len(reviews) < _MIN_NAMED + 1:
        return
    paths = Counter()
    for r, b in zip(reviews, blocks):
        if r.get("author"):
            leaf = _named_leaf(b, r["author"])
            p = _path(leaf, b) if leaf is not None else None
            if p:
                paths[p] += 1
    if not paths:
        return
    path, n = paths.most_common(1)[0]
    named = sum(1 for r in reviews if r.get("author"))
    if n < _MIN_NAMED or n * 2 <= named:
        return  # the names sit in no one slot
    for r, b in zip(reviews, blocks):
        if r.get("author") is not None:
            continue
        slot = _at(b, path)
        if len(slot) != 1 or len(slot[0]):
            continue
        text = " ".join(element_text(slot[0]).split())
        body = " ".join((r.get("body") or "").split())
        if not text or len(text) > 40 or not _NAME_WORDS.fullmatch(text) or text == body or anonymous(text) \
                or VERIFIED.search(text) or action_word(text):
            continue
        r["author"] = text
        if body.endswith(text) and len(body) > len(text):
            r["body"] = body[: -len(text)].rstrip()  # the text was read with the name closing it


def colon_names(reviews: list[dict], blocks: list) -> None:
    """Fill in the author of the reviews (read from `blocks`) that have none from a bold name
    ended by its colon that opens the review's text ("<strong>NAME:</strong> TEXT", a restaurant
    card's latest comment), when two or more cards of the list open so and no two of them with
    the same words: a label opening every card ("Pros:", "Comment:") repeats, names differ."""
    found = []
    for r, b in zip(reviews, blocks):
        body = " ".join((r.get("body") or "").split())
        if r.get("author") is not None or len(body) < 20:
            continue
        for el in b.iter("b", "strong"):
            text = " ".join(element_text(el).split())
            name = text[:-1].strip()
            after = " ".join((el.tail or "").split())
            if len(el) or not text.endswith((":", "：")) or not (body.startswith(text) or after and body.startswith(after[:30])):
                continue
            if _NAME_WORDS.fullmatch(name) and len(name) <= 40 and not anonymous(name) and not action_word(name):
                found.append((r, name, text))
            break
    names = [n.casefold() for _, n, _ in found]
    if len(found) < _MIN_NAMED or len(set(names)) < len(names):
        return
    for r, name, text in found:
        r["author"] = name
        if r["body"].startswith(text):
            r["body"] = r["body"][len(text):].strip()


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def signed_heading(title_el, title: str | None, body_el, author: str | None, block) -> tuple:
    """(author, title): a name-shaped heading after the text, followed in the card by short lines
    only (the signer's town, role), is the author; else the two as they were read."""
    if title_el is None or body_el is None or not title or tag(title_el) not in _HEADINGS or not name_like(title) \
            or title_el in body_el.iterancestors() or body_el in title_el.iterancestors():
        return author, title
    order = {id(el): i for i, el in enumerate(block.iter())}
    if order.get(id(title_el), -1) < order.get(id(body_el), 0):
        return author, title
    after = [el for el in block.iter() if tag(el) and order[id(el)] > order[id(title_el)] and not len(el)
             and not any(a is title_el for a in el.iterancestors())]
    if any(len(element_text(el)) > 40 for el in after):
        return author, title  # (a heading over more text: a reply's, a section's)
    return title, None
