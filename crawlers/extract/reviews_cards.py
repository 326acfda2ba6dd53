"""Cards of one list told alike though a page marks their place or state: WordPress gives every
other comment "alt" / "thread-alt" and a comment with replies "parent", so two readers' comments
differ in class only by where they sit and whether someone answered."""
from __future__ import annotations

import re

# class tokens that say where a card sits in its list or that it has replies, not what it is
_PLACE_OR_STATE = re.compile(r"^(?:alt|thread-alt|parent|has-children|has-replies|is-parent)$")


def without_place(signature: str) -> str:
    """A "tag.class class" signature less the classes of place and state above."""
    t, _, cls = signature.partition(".")
    return t + "." + " ".join(c for c in cls.split() if not _PLACE_OR_STATE.match(c))
