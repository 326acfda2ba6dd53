"""Quotes signed by their writers, read as reviews: a testimonial is a text in quote marks and
its writer's line, the quote's signature.

- Cards of a quoted text and, right after it, a line opening with a dash ("— NAME, Grade,
  State") or with the name in bold and a dash ("<b>NAME</b> – role, company"): alike in one
  list, each is a testimonial, though nothing names them so (attributed_quotes).
- A quote box whose first line signs it ("<span>NAME</span> Parent") above the quoted text:
  the text is the quote, the signer its author, not a name printed outside the box (a tutor's
  card beside the parent's quote) (quote_after_signature).
"""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import tag

_OPEN = "\"“„«‘'"
_CLOSE = "\"”“»’'"
# a signature line opening with a dash: "— Joe, 12th Grade, Virginia", "– Anna K."
_DASH_SIGNED = re.compile(r"[—–―]\s*\S|-{1,2}\s+\S")


def _quoted(text: str) -> bool:
    t = text.strip()
    return len(t) >= 12 and t[0] in _OPEN and t[-1] in _CLOSE


# a signature line opening with the name, in bold, a dash and the role after it:
# "<strong>NAME</strong> – Marketing Manager, COMPANY"
_NAME_DASH = re.compile(r"([^—–―|]{2,40}?)\s+[—–―-]\s+\S")


def _name_signed(el, text: str) -> bool:
    m = _NAME_DASH.match(text)
    return m is not None and any(tag(b) in ("strong", "b") and element_text(b).strip() == m.group(1).strip()
                                 for b in el.iter())


def attributed_quotes(root) -> list:
    """The cards (two or more of one tag and class, their texts unlike) each holding a quoted
    text and, as the next element after it (spacers and a logo aside), a line of 80 characters or
    less led by a dash or by the name in bold and a dash ("<b>NAME</b> – role, company"): the
    signed testimonials of a list. Document order."""
    groups: dict[tuple, list] = {}
    for el in root.iter("p", "div", "span", "cite", "small", "footer", "figcaption", "h5", "h6"):
        t = element_text(el).strip()
        prev = el.getprevious()
        while prev is not None and tag(prev) and not element_text(prev).strip():
            prev = prev.getprevious()  # (past spacers and a logo between the quote and its signature)
        card = el.getparent()
        if not 3 <= len(t) <= 80 or not (_DASH_SIGNED.match(t) or _name_signed(el, t)) or prev is None \
                or not tag(prev) or card is None or not _quoted(element_text(prev)):
            continue
        groups.setdefault((tag(card), card.get("class") or ""), []).append(card)
    out = []
    for cards in groups.values():
        texts = [element_text(c) for c in cards]
        if len(cards) >= 2 and len(set(texts)) == len(texts):
            out += cards
    order = {id(x): i for i, x in enumerate(root.iter())}
    return sorted(out, key=lambda x: order.get(id(x), 0))


def quote_after_signature(body_el, body: str | None, author: str | None, author_el) -> tuple:
    """(body, author): when the text element holds two paragraphs, a short line opening with a
    name element ("<span>NAME</span> Parent") and the quoted text right after it, the text is
    the quote without its marks and the author the name, unless the author was read inside
    that element."""
    if body_el is None or not body:
        return body, author
    paras = [c for c in body_el if tag(c) == "p" and element_text(c).strip()]
    if len(paras) != 2 or paras[0].getnext() is not paras[1]:
        return body, author
    lead, quote = paras
    qt = element_text(quote).strip()
    first = next((c for c in lead if tag(c)), None)
    if not _quoted(qt) or len(element_text(lead)) > 40 or first is None or (lead.text or "").strip() \
            or first.tag not in ("span", "strong", "b", "cite"):
        return body, author
    from .reviews_authors import name_like  # (the authors' module reads the layout's, which reads this one)

    name = element_text(first).strip()
    if not (2 <= len(name) <= 40 and name_like(name)) or len((first.tail or "").strip()) > 20:
        return body, author
    inside = author_el is not None and any(a is body_el for a in author_el.iterancestors())
    return qt[1:-1].strip(), author if inside else name


def name_signature(el, text: str | None) -> bool:
    """Whether a heading taken for a title is a quote's signature: a line of 80 characters or less
    led by the name in bold and a dash ("<strong>NAME</strong> – role, company") after a quoted text
    in the same card (spacers and a logo between): the quote's writer, no title."""
    t = (text or "").strip()
    if el is None or not 3 <= len(t) <= 80 or not _name_signed(el, t):
        return False
    prev = el.getprevious()
    while prev is not None and tag(prev) and not element_text(prev).strip():
        prev = prev.getprevious()
    return prev is not None and tag(prev) and _quoted(element_text(prev))
