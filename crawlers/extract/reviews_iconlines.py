"""Fact lines led by an icon: a card prints the facts about the thing it shows each after a small
glyph of its own, a pin before the places, a book before the subjects taught, a tag before the
categories, a calendar before a date (<h5><i class="fa fa-book"></i>React, SQL, Node.js</h5>).
Such a line is a field of the card, never what a reviewer wrote, however long it runs: a
review's text is not introduced by an icon, save a quotation mark's ("fa-quote-left") or a
speech bubble's ("fa-comment"), and the stars of a rating are read as the rating.

    <div class="card"><div class="review-headline"><q>"The best course I have taken."</q></div>
      <h4><a href="/schools/acme">Acme</a></h4>
      <h5 class="location"><i class="fa fa-map-marker"></i>Chicago, NYC, Online</h5>
      <h5 class="subjects"><i class="fa fa-book"></i>Data Science, Python, Hadoop, Spark</h5></div>
"""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import tag

# an icon's class: Font Awesome ("fa", "fas", "fa-book"), Glyphicons, Bootstrap Icons ("bi-geo"),
# Material ("material-icons"), and the generic "icon-…" / "…-icon"
_ICON_CLASS = re.compile(r"(?:^|\s)(?:fa[srlbd]?|fa-[\w-]+|glyphicon(?:-[\w-]+)?|bi-[\w-]+|material-icons(?:-\w+)?|"
                         r"icon(?:[-_][\w-]+)?|[\w-]+[-_]icon)(?:$|\s)", re.I)
# icons that may lead a review's own words or stand for its rating: quotation marks, a speech
# bubble or message, stars, hearts, thumbs (a verdict)
_TEXT_ICON = re.compile(r"quote|comment|chat|speech|message|bubble|star|heart|thumb|like|rating", re.I)


def _icon(el) -> bool:
    """Whether `el` is an empty icon element (no text, no children but an SVG's drawing)."""
    if tag(el) not in ("i", "span", "em", "svg") or element_text(el).strip():
        return False
    if len(el) and tag(el) != "svg":
        return False
    cls = el.get("class") or ""
    return bool(_ICON_CLASS.search(cls)) and not _TEXT_ICON.search(cls)


def icon_line(el) -> bool:
    """Whether `el` is a line of text led by an icon: its first content, before any text, is an
    empty icon element (not a quote, speech or rating icon), and text follows it in `el` itself."""
    if not tag(el) or (el.text or "").strip() or not len(el):
        return False
    first = el[0]
    if not _icon(first):
        return False
    return bool((first.tail or "").strip()) or any((c.tail or "").strip() or tag(c) in ("a", "span", "b", "strong")
                                                   and element_text(c).strip() for c in el[1:])


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_WORD = re.compile(r"[^\W\d_]{3}")


def facts_card(block) -> bool:
    """Whether a rated block is a card of facts about a thing, no review: its words are only a
    name (in a heading or a link) and lines each led by an icon (places, subjects), besides
    symbols ("$$", a price range) and its stars. A school's card beside a student's quote shows
    its own average so; a review has words of its writer's outside such lines."""
    led = [el for el in block.iter() if tag(el) and icon_line(el)]
    if not led:
        return False
    held = {id(d) for el in led for d in el.iter()}
    held |= {id(d) for el in block.iter() if tag(el) in _HEADINGS + ("a",) for d in el.iter()}
    words = []
    for el in block.iter():
        if not tag(el) or tag(el) in ("script", "style"):
            continue
        if id(el) not in held:
            words.append(el.text or "")
        if el is not block and id(el.getparent()) not in held:
            words.append(el.tail or "")
    return not _WORD.search(" ".join(words))
