"""A page (or a fragment a site's review list sends) holding one review and nothing to anchor it:
no date, no figure, no group of alike cards. The one element named for a review's text
("rev-text", "review-body", "comment-content") that holds a paragraph of prose is that review."""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import tag

# a class token naming a review's (or a comment's) text, the review word perhaps cut short
_TEXT_NAMED = re.compile(r"(?:^|\s)(?:rev|rvw|review|comment|testimonial)[-_]?(?:text|body|content|copy)(?:$|\s)", re.I)
_MIN_TEXT = 200


def lone_text_block(root) -> list:
    """[the element] when exactly one outermost element of the page is named so and holds
    200 characters or more of text; else []."""
    named = [el for el in root.iter() if tag(el) in ("div", "p", "section", "article", "blockquote")
             and _TEXT_NAMED.search(el.get("class") or "")]
    ids = {id(el) for el in named}
    named = [el for el in named if not any(id(a) in ids for a in el.iterancestors())]
    if len(named) != 1 or len(element_text(named[0])) < _MIN_TEXT:
        return []
    return named
