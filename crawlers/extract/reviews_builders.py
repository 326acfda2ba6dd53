"""Testimonials as page builders print them on a company's own pages (WordPress page builders,
theme sliders): the parts of one testimonial sit in widgets that share the builder's generic
class names, and a quote sits in a card beside a short byline.

    <div class="builder-element builder-column">                  the card (a column)
      <div class="builder-element widget-stars">★★★★★ 5/5</div>     the rating, a widget of its own
      <div class="builder-element widget-testimonial">…text… Name</div>

    <li><div class="bq"><blockquote>…text…</blockquote></div>       a quote and its byline in a
        <div class="author"><h5>Name - Role</h5></div></li>         card, the cards siblings
"""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import tag


def holds_the_text(el, block, text_without) -> bool:
    """Whether `el`, nested in `block`, carries all of the block's text but a score: the rest
    of the block has no letter ("5/5", "★★★★★", "4.5"). Such an element is the review's own
    content in a widget sharing the builder's class with the card, no reply to it (a reply
    answers a review that has a text of its own)."""
    rest = text_without(block, [el])
    return not re.search(r"[^\W\d_]", rest)


# the byline a card adds to its quote: a name, a role and a company, a place (a line or two)
_BYLINE_MAX = 160


def byline_card(el) -> object | None:
    """The card around a quote `el` that adds only a short byline to it (its parent, when the
    parent's text beyond the quote's is a line of 1 to 160 characters), else None."""
    p = el.getparent()
    if p is None or tag(p) in ("body", "html", "main"):
        return None
    inner, outer = element_text(el), element_text(p)
    extra = len(outer) - len(inner)
    if inner and inner in outer and 0 < extra <= _BYLINE_MAX:
        return p
    return None
