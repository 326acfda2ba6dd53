"""The reviewer's name told by their picture: an avatar image whose alt is the very text of a
short element beside it (<img class="avatar" alt="Ann"> … <h4>Ann</h4>). That element is the
name, however it is set (a heading in the reviewer's box is no title of the review)."""
from __future__ import annotations

import re

from .reviews_body import Covered
from .reviews_normalize import clean_text, element_text
from .reviews_widgets import attrs_text, tag

# the picture named for the person (its class, id or file): "avatar-mask", "user-photo", "profile_pic"
_AVATAR = re.compile(r"avatar|gravatar|profile|(?:^|[\s/_-])(?:user|member|reviewer|author)[\s/_-]", re.I)
_NOT_AVATAR = re.compile(r"product|item|thumb|gallery|logo|flag|icon|badge", re.I)


def avatar_named(block, skip: list):
    """(element, name) of the element whose whole text is the alt of an avatar image in
    `block`, else (None, None)."""
    inside = Covered(skip)
    for img in block.iter("img"):  # (the picture itself is noise already: only its alt is read)
        about = attrs_text(img) + " " + (img.get("src") or "")
        if not _AVATAR.search(about) or _NOT_AVATAR.search(attrs_text(img)):
            continue
        alt = clean_text(img.get("alt") or "")
        if not alt or len(alt) > 40 or re.search(r"\d", alt):
            continue
        for el in block.iter():
            if el is block or not tag(el) or el in inside or tag(el) in ("img", "script", "style") \
                    or any(tag(c) and element_text(c).strip() for c in el):
                continue
            if clean_text(element_text(el)) == alt:
                return el, alt
    return None, None


def initials_only(el, name: str, block, name_like) -> bool:
    """Letters standing in an avatar for the picture ("CH" for Chloé, Trustpilot): no name.
    (`name_like`: reviews_authors' test of a name's shape, passed in to keep the imports one-way.)"""
    if len(name) > 3 or not name.isupper():
        return False
    leaf = next((d for d in el.iter() if tag(d) and len(d) == 0 and element_text(d) == name), el)
    for node in (leaf, *leaf.iterancestors()):
        if _AVATAR_LETTERS.search(attrs_text(node)):
            return True
        if node is block:
            break
    # the name they stand for, written out elsewhere in the review ("J" beside "Jane D.", Yotpo)
    return any(t != name and len(t) <= 40 and "".join(w[0] for w in t.split()).upper().startswith(name) and name_like(t)
               for d in block.iter() if tag(d) and len(d) == 0 and (t := element_text(d)))


_AVATAR_LETTERS = re.compile(r"avatar|user-?letter|initials?\b|monogram", re.I)
