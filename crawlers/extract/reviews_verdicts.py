"""Short lines of a review card that the site fills in from the reviewer's answers to its form,
no part of the text: the reviewer's recommendation set apart as a badge (an element named for
it: <p class="c-post__recommendation">Recommends the shop</p>, "Would recommend"), and a fact
the site prints as a fixed sentence with a value slot (<p>Arrived in <span class="…delivery-time">
2 days</span></p>); and a line named a title that follows the text it would head.
"""
from __future__ import annotations

import re

from .reviews_body import BODY_ATTR, Covered
from .reviews_normalize import element_text
from .reviews_widgets import SKIP_TAGS, tag

# a class naming the reviewer's recommendation ("c-post__recommendation", "styles_recommend",
# "ugc-recommendation"); not a button to recommend the review ("button__recommend": its votes)
_RECOMMEND = re.compile(r"recomm?end|recommand|empfehl|aanbevel|polec|doporu[cč]|odporu[cč]", re.I)
_BUTTON = re.compile(r"button|btn|vote|like|helpful", re.I)
_INLINE = ("span", "b", "strong", "em", "i", "small", "time", "abbr")


def verdict_lines(block) -> list:
    """Elements named for the reviewer's recommendation that hold a short line (a few words,
    no figure): the site's badge of the answer, not the reviewer's words."""
    out = []
    for el in block.iter():
        if el is block or not tag(el) or tag(el) in SKIP_TAGS or tag(el) in ("a", "button"):
            continue
        cls = el.get("class") or ""
        if not _RECOMMEND.search(cls) or _BUTTON.search(cls) or BODY_ATTR.search(re.sub(r"recomm?endations?", "", cls)):
            continue
        text = element_text(el).strip()
        if 0 < len(text) <= 60 and len(text.split()) <= 8 and not re.search(r"\d", text) \
                and not any(tag(c) in ("p", "div", "ul", "ol", "blockquote") for c in el.iterdescendants()):
            out.append(el)
    return out


def template_facts(block) -> list:
    """Short lines made of fixed words around one value the site fills in, that value in a
    classed inline element of its own holding a figure (<p>Zboží dorazilo za <span
    class="c-post__delivery-time">2 dny</span></p>): a reviewer writes no classed slots."""
    out = []
    for el in block.iter():
        if el is block or not tag(el) or tag(el) not in ("p", "div", "li", "dd") or el.get("class"):
            continue
        kids = [c for c in el if tag(c)]
        if len(kids) != 1 or tag(kids[0]) not in _INLINE or not kids[0].get("class") or len(kids[0]):
            continue
        slot, text = element_text(kids[0]).strip(), " ".join(element_text(el).split())
        words = " ".join(((el.text or "") + " " + (kids[0].tail or "")).split())
        if 0 < len(slot) <= 20 and re.search(r"\d", slot) and len(text) <= 60 \
                and re.search(r"[^\W\d_]{2,}", words) and not re.search(r"[.!?]$", words):
            out.append(el)
    return out


def after_the_text(title_el, body_el, skip: list) -> bool:
    """Whether a line taken for the review's title comes after some of its text: after the text's
    element, or inside it after a part named as the text or its pros and cons (BODY_ATTR); a line
    named "summary" printed below the pros and cons. A title heads its text; such a line is the
    text's last part. (A heading or a link above the title in the same box is no text before it;
    a heading under the text is its signature.)"""
    if title_el is None or body_el is None or title_el is body_el or any(a is title_el for a in body_el.iterancestors()):
        return False
    if not any(a is body_el for a in title_el.iterancestors()):
        if tag(title_el) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return False  # (a heading under a quote's element is its signature: reviews_slots)
        order = {id(el): i for i, el in enumerate(body_el.getroottree().getroot().iter())}
        return order.get(id(body_el), 0) < order.get(id(title_el), 0)  # (after the text's element)
    inside = Covered(skip + [title_el])
    above = {id(a) for a in title_el.iterancestors()}
    for el in body_el.iterdescendants():
        if el is title_el:
            return False
        if not tag(el) or el in inside or id(el) in above or not BODY_ATTR.search(el.get("class") or ""):
            continue
        if len(re.sub(r"\W", "", element_text(el))) >= 3:
            return True
    return False
