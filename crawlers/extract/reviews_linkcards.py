"""Reviews as alike cards that each link to one review's own page, with nothing else to anchor
them: no figure, no date, no class naming a review. A home page's feed of review teasers
("<h4><a href="/comment/1234567">TITLE</a></h4><p><a class="author">NAME：</a> the first words
of it...</p>"): the link's path names a review ("/comment/", "/opinions/?tid=", "/hodnoceni/")
and goes on to that review's id, and every card holds a line of text beside its links.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .reviews_normalize import element_text
from .reviews_widgets import tag

# a path segment naming one review (or comment, opinion, rating) and then its id: "/comment/1234567",
# "/restaurant-x/hodnoceni/400123/", "/msk/opinions/?tid=2700001", "/review/Ab12Cd"
_REVIEW_SEGMENT = (r"(?:reviews?|comments?|opinions?|opiniones|testimonials?|feedbacks?|bewertung(?:en)?|rezension(?:en)?|"
                   r"avis|recension[ei]|rese(?:ñ|n)as?|recenz[a-z]*|hodnocen[ií]|otzyv[a-z]*|otziv[a-z]*|yorum(?:lar)?|"
                   r"kuchikomi|dianping)")
_REVIEW_PATH = re.compile(r"/" + _REVIEW_SEGMENT + r"(?:/+[\w.-]*\d[\w.-]*/?$|/*\?.*\d)", re.I)
_MIN_OWN = 20  # characters of a card's text outside its links to the review


def review_href(href: str | None) -> str | None:
    """The path (and query) of a link to one review's own page, else None."""
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    target = parts.path + ("?" + parts.query if parts.query else "")
    return target if _REVIEW_PATH.search(target) else None


def _text_outside(card, links: list) -> int:
    return len(element_text(card)) - sum(len(element_text(a)) for a in links)


def review_link_cards(root) -> list:
    """Cards drawn alike (one signature, two or more of them), each the largest element around a
    link to one review's page that holds no link to another, with 20+ characters of text beside
    those links; [] when there are none."""
    by_target: dict[str, list] = {}
    for a in root.iter("a"):
        target = review_href(a.get("href"))
        if target is not None:
            by_target.setdefault(target, []).append(a)
    if len(by_target) < 2:
        return []
    owner: dict[int, str] = {}  # element id -> the one target it holds (or "" for several)
    for target, links in by_target.items():
        for a in links:
            for anc in [a, *a.iterancestors()]:
                held = owner.get(id(anc))
                owner[id(anc)] = target if held in (None, target) else ""
    cards = {}
    for target, links in by_target.items():
        best = None
        for a in links:
            node = a
            while (parent := node.getparent()) is not None and owner.get(id(parent)) == target \
                    and tag(parent) not in ("body", "html"):
                node = parent
            if best is None or len(element_text(node)) > len(element_text(best)):
                best = node
        if best is not None and _text_outside(best, links) >= _MIN_OWN:
            cards[target] = best
    groups: dict[str, list] = {}
    for card in cards.values():
        groups.setdefault(f"{tag(card)}.{card.get('class') or ''}", []).append(card)
    chosen = [c for members in groups.values() if len(members) >= 2 for c in members]
    if not chosen:
        return []
    order = {id(e): i for i, e in enumerate(root.iter())}
    return sorted(chosen, key=lambda e: order.get(id(e), 0))


# the part of a review a BEM element names ("aside__recent-review__blockquote__footer"): one of its
# rows, not the review; the review is further up (the blockquote holding the quote and this footer)
# (and its details row beside the avatar: "…-review__details", the name, stars and date, not the text)
_PART = re.compile(r"(?:^|\s)[\w-]*__(?:[\w-]*__)?(?:footer|header|meta|stars?|rating|author|cite|date|actions|bottom|top|details?)"
                   r"(?:$|\s|--)", re.I)


def names_part(el) -> bool:
    """Whether an element's class names it a row of a review (its footer, header, stars...)."""
    return bool(_PART.search(el.get("class") or ""))


def picture_caption(el) -> bool:
    """Whether `el` is the caption of a picture link: inside a link (two levels up at most), or
    around one, that holds an image and no other text than `el`'s (the reviewed place's name
    under its photo), no text of a review."""
    text = element_text(el).strip()
    ups = [a for a in [el, *el.iterancestors()][:3] if tag(a) == "a"][:1]
    links = ups or [a for a in el.iter("a") if element_text(a).strip() == text]
    return bool(text) and any(a.find(".//img") is not None and element_text(a).strip() == text for a in links)
