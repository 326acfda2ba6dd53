"""A text shown twice in one holder: a collapsed preview, cut with an ellipsis and followed by
its "show all" toggle, and right beside it the full text the toggle reveals (<div class="text
preview"><p>The first words …</p><p><span>Show all</span></p></div> <div class="text full">The
first words and the rest.</div>). The holder's whole text is both run together; the review's
text is the full one. What marks the pair is that the preview, without its toggle and its
ellipsis, is where the full text begins."""
from __future__ import annotations

import re

from .reviews_layout import text_without
from .reviews_normalize import letters_only
from .reviews_widgets import tag

_CUT = re.compile(r"\s*(?:…|\.{3})\s*$")


def _preview_of(short: str, full: str) -> bool:
    """Whether `short` is `full` cut with an ellipsis (a toggle's words after the cut allowed)."""
    from .reviews_toggles import toggle_phrase  # (imported here: the toggles read the body's labels)
    words = short.split()
    for k in range(min(3, len(words)), -1, -1):  # the toggle's words after the cut ("… Show all")
        head, toggle = " ".join(words[:len(words) - k]), " ".join(words[len(words) - k:])
        if k and not toggle_phrase(toggle):
            continue
        if not _CUT.search(head):
            continue
        lead = letters_only(_CUT.sub("", head))
        rest = letters_only(full)
        return len(lead) >= 20 and len(rest) > len(lead) and rest.startswith(lead)
    return False


def full_twin(best, inside, skip: list):
    """The element holding the full text when `best` holds a cut preview of it beside it (both
    among its element children, or its only child's), else None."""
    holder = best
    for _ in range(3):
        kids = [c for c in holder if tag(c) and c not in inside and tag(c) not in ("a", "button", "script", "style")]
        if len(kids) >= 2:
            break
        if len(kids) != 1:
            return None
        holder = kids[0]
    else:
        return None
    texts = [(c, text_without(c, skip).strip()) for c in kids]
    for full, ft in texts:
        if any(s is not full and st and _preview_of(st, ft) for s, st in texts) \
                and sum(len(t) for c, t in texts if c is not full) <= len(ft) + 40:
            return full, ft
    return None
