"""A review's text as the markup carries it with the page's line breaks dropped: the JSON-LD
reviewBody runs the printed lines together ("…in 1 room only.Complained to BT…", "free
callsBT has been…") where the page shows them on lines of their own (<br/> between them). The
layout's reading of the same review has them apart, and is the text a reader sees. What marks
the pair is that the two are the same characters once whitespace is set aside, and every gap
the shown text adds follows a sentence's end or opens a capitalised word: the markup glued two
lines, not the layout split a word ("su<b>per</b>b" read as "su per b" keeps the markup's)."""
from __future__ import annotations

import re

_WS = re.compile(r"\s+")
_AFTER = set(".!?…:;,)\"'’”")


def spaced_twin(markup: str | None, shown: str | None) -> bool:
    """Whether `shown` is `markup` with its glued lines set apart (see the module's note)."""
    if not markup or not shown:
        return False
    m, s = _WS.sub(" ", markup).strip(), _WS.sub(" ", shown).strip()
    if m == s or m.replace(" ", "") != s.replace(" ", ""):
        return False
    added = 0
    i = 0  # position in m
    for j, ch in enumerate(s):
        if i < len(m) and m[i] == ch:
            i += 1
            continue
        if ch != " ":
            return False  # (cannot happen: same characters once spaces are set aside)
        # a gap the markup lacks: it must sit after a sentence's end or before a capital
        prev, nxt = s[j - 1] if j else "", s[j + 1] if j + 1 < len(s) else ""
        if not (prev in _AFTER or nxt.isupper() or nxt.isdigit()):
            return False
        added += 1
    return added > 0 and i == len(m)
