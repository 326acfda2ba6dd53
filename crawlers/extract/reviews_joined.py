"""A member's date of joining printed in a review card ("Member since March 2015", "Angemeldet seit
<strong>11.08.2017</strong>"): no date of the review (moved here from reviews_dates)."""
from __future__ import annotations

import re

from .reviews_dates import find_date_text


# a member's date of joining, no review's: "Angemeldet seit <strong>11.08.2017</strong>" in a
# reviewer's profile box, "Member since March 2015", "Inscrit depuis le …"
_JOINED = re.compile(r"(?:(?:member|user|customer|reviewer)s?\s+since|joined(?:\s+(?:on|in))?|registered(?:\s+(?:on|since|in))?|"
                     r"(?:angemeldet|mitglied|dabei|registriert|kunde)\s+seit|(?:membre|inscrit|inscrite)\s+depuis(?:\s+le)?|"
                     r"inscrit(?:e)?\s+le|lid\s+sinds|(?:miembro|registrado|membro)\s+desde|(?:iscritt[oa]|membro)\s+dal|"
                     r"на\s+сайте\s+с|зарегистрирован[аоы]?|с\s+нами\s+с|członek\s+od|zarejestrowan[ya])\W*$", re.I)


_JOINED_WORD = re.compile(_JOINED.pattern.replace(r"\W*$", ""), re.I)


def joined_date(el) -> bool:
    """Whether the first date in element `el` is a member's date of joining: the words just
    before it, in the element or (when the element opens with the date) in its parent before
    the element, say so."""
    own = "".join(t for t in el.itertext() if isinstance(t, str))
    parent = el.getparent()
    if not _JOINED_WORD.search(own) and (parent is None or not _JOINED_WORD.search(
            (parent.text or "") + "".join((s.tail or "") + (s.text or "") for s in parent if s is not el))):
        return False  # (no joining word near: no date to look for)
    frag = find_date_text(own)
    if not frag:
        return False
    before = own[:own.find(frag)]
    if before.strip():
        return bool(_JOINED.search(before[-40:]))
    if parent is None:
        return False
    pre = parent.text or ""
    for sib in parent:
        if sib is el:
            return bool(_JOINED.search(pre[-40:]))
        pre += "".join(t for t in sib.itertext() if isinstance(t, str)) + (sib.tail or "")
    return False
