"""A review's headline set as one link to the review's own page, in an element named like a
text ("quote": <div class="quote">“<a href="/ShowUserReviews-…">HEADLINE</a>”</div>): the
element's words are all the link's, so it is the title line, not the text, when the block
holds a longer text of its own."""
from __future__ import annotations

from .reviews_normalize import element_text, letters_only
from .reviews_widgets import tag


def headline_link(el, text: str) -> bool:
    """Whether all the words of `el` (its `text`) are the words of one link inside it."""
    links = [a for a in el.iter("a") if tag(a) == "a" and (a.get("href") or "").strip()
             and not (a.get("href") or "").strip().startswith(("#", "javascript:"))]
    if len(links) != 1:
        return False
    own = letters_only(text)
    return bool(own) and letters_only(element_text(links[0])) == own
