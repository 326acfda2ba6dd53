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


# a class or id naming a testimonial (a customer's quote about the business), not a list of them
# (or a person's quote named for the person: "user-quote", "patient-quote", "customer_quote")
_TESTIMONIAL = re.compile(r"testimonial(?!s?[-_]?(?:list|slider|carousel|section|wrapper|container|nav|dots))|"
                          r"(?<![\w-])(?:user|customer|client|patient|guest|member)[-_]?quote"
                          r"(?!s?[-_]?(?:list|slider|carousel|section|wrapper|container|nav|dots|body|text|icon|mark))", re.I)
_QUOTE_MIN, _QUOTE_MAX = 40, 1200


def lone_testimonial(root) -> list:
    """[the element] when a page shows one testimonial: exactly one outermost element named so
    (its class or id) holding a quote of 40+ characters and a line beside it (the customer's
    name), the rest of the page drawn with no review; else []."""
    named = [el for el in root.iter() if tag(el) in ("div", "section", "article", "li", "figure", "blockquote")
             and _TESTIMONIAL.search(" ".join(filter(None, (el.get("class"), el.get("id"))))) and element_text(el).strip()]
    # (an empty one is a list a script fills)
    ids = {id(el) for el in named}
    named = [el for el in named if not any(id(a) in ids for a in el.iterancestors())]
    if len(named) != 1 or not _QUOTE_MIN <= len(element_text(named[0])) <= _QUOTE_MAX:
        return []
    lines = [t for d in named[0].iter() if tag(d) and not any(tag(c) != "br" for c in d) and (t := element_text(d).strip())]
    # (a quote's paragraph broken by <br>s is one line)
    quote = max(lines, key=len, default="")
    return named if len(quote) >= _QUOTE_MIN and len(lines) >= 2 else []


# a card's class or id naming a review, a testimonial, a quote or feedback ("review-bubble",
# "quote-card", "feedback-item")
_CARD_NAMED = re.compile(r"(?:^|[\s_-])(?:reviews?|testimonials?|quotes?|feedbacks?)(?:$|[\s_-])", re.I)


def lone_cited_quote(root) -> list:
    """[the card] when a page shows one customer's quote the HTML way: the page's only <blockquote>
    with words in it (40-1,200 characters; the empty ones a script fills are none) followed by a
    <cite> holding a name (the speaker), in a card whose class or id names a review, a
    testimonial, a quote or feedback; else []."""
    from .reviews_authors import name_like  # (the authors' module reads the layout's, which reads this one)

    quotes = [q for q in root.iter("blockquote") if element_text(q).strip()]
    if len(quotes) != 1:
        return []
    quote = quotes[0]
    card, cite = quote.getparent(), quote.getnext()
    while cite is not None and tag(cite) and tag(cite) != "cite" and not element_text(cite).strip():
        cite = cite.getnext()  # (past spacers)
    if card is None or cite is None or tag(cite) != "cite" \
            or not _CARD_NAMED.search(" ".join(filter(None, (card.get("class"), card.get("id"))))):
        return []
    name = " ".join(element_text(cite).split())
    if not (_QUOTE_MIN <= len(element_text(quote).strip()) <= _QUOTE_MAX and 2 <= len(name) <= 40 and name_like(name)):
        return []
    return [card]
