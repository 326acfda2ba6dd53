"""What a review block says about the thing reviewed, not the reviewer: a person's page link
(PERSON_HREF) tells a reviewer's name from a place's or product's; a linked name in a heading, or
a name in a box named for the thing ("course", "room"), is the thing's (reviews_authors skips
them when it looks for the reviewer)."""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import attrs_text, classes, tag

PERSON_HREF = re.compile(r"(?<![a-z])(?:user|people|profile|member|membre|mitglied|miembro|utente|author|customer(?!s/[a-z])|"
                         r"reviewer|uzivatel|uzytkownik|pouzivatel|benutzer|usuario|utilisateur|gebruiker|kullanici)"
                         r"(?![-_]?reviews?)|/u/|/p/|/contrib/", re.I)  # "/Profile/u1"; not the review's own page
# ("/ShowUserReviews-g2-r1", "/gp/customer-reviews/R3")


def item_in_heading(el, block) -> bool:
    """Whether `el` is a link in a heading to a page that is no person's: the name of the place
    or thing reviewed heading each review of a reviewer's list ("<h3><a href="/tokyo/…/1234/"
    class="…rst-name">"), not the reviewer's name."""
    a = el if tag(el) == "a" else next((d for d in el.iter("a")), None)
    if a is None or element_text(a) != element_text(el) or PERSON_HREF.search(a.get("href") or "") or \
            (a.get("href") or "#").startswith(("#", "javascript:")):
        return False
    return any(tag(h) in ("h1", "h2", "h3", "h4", "h5", "h6") for h in [el, *el.iterancestors()][:3] if h is not block)


# what a review is of, named by the box it sits in (a course's code in <td class="class"><span
# class="name">, a room's in <div class="room">): that thing's name, not the reviewer's
_THING = re.compile(r"(?:class|course|subject|module|lesson|product|room|hotel|property|listing|school|college|"
                    r"dish|tour)(?:$|[_-])", re.I)  # (a class token that starts so: "class", "course-info")
_NOT_THING = re.compile(r"author|user|reviewer|customer|guest|member|profile|person|client|nick|review|comment|"
                        r"rating|feedback|testimonial|opinion", re.I)


# the reviewer's tags, a box of chosen phrases ("TOUGH GRADER", "GREAT LOCATION"): no names
_TAGS = re.compile(r"(?:^|[\s_-])(?:tags?|tag-?box|tag-?list|chips?|keywords)(?:$|[\s_-])", re.I)


def in_thing_box(el, block, tags: bool = False) -> bool:
    """Whether `el` lies in a box (within three levels, below the block) named for the thing
    reviewed, not for the review or a person (or, with `tags`, in a box of tags, or one itself)."""
    for up in [el, *el.iterancestors()][:4]:
        if up is block:
            return False
        a = attrs_text(up)
        if up is not el and any(_THING.match(c) for c in classes(up)) and not _NOT_THING.search(a) \
                or tags and _TAGS.search(up.get("class") or ""):
            return True
    return False


# a link to a page that is no person's, named for the thing's name: a class "<word>-name" whose word
# names no person ("tea-name", "wine_name"; not "user-name", "display-name")
_THING_NAME = re.compile(r"([a-z]+)[-_]{1,2}name", re.I)
_PERSON_WORDS = {"user", "author", "reviewer", "customer", "display", "full", "first", "last", "nick", "screen",
                 "profile", "member", "client", "guest", "person", "real", "account", "writer", "poster", "commenter",
                 "sender", "owner", "buyer", "rater", "critic", "name"}


def _item_href(a) -> bool:
    href = a.get("href") or ""
    return tag(a) == "a" and bool(href) and not href.startswith(("#", "javascript:")) and not PERSON_HREF.search(href)


def thing_link(el) -> bool:
    """Whether `el` is a link to a page that is no person's, classed "<thing>-name" ("tea-name"):
    the thing reviewed, not the reviewer."""
    if not _item_href(el):
        return False
    words = [m.group(1).lower() for c in classes(el) if (m := _THING_NAME.fullmatch(c))]
    return any(w not in _PERSON_WORDS for w in words)


def leading_link(el):
    """(link, name) when `el`'s text opens with a link whose text is a handle and more text follows
    ("<a>NAME</a> <em>drank</em> <a>TEA</a>"), else None."""
    from .reviews_authors import _handle  # (no cycle at import time)

    first = next((c for c in el if tag(c)), None)
    if first is None or tag(first) != "a" or (el.text or "").strip() or thing_link(first):
        return None
    name = element_text(first)
    return (first, name) if name and _handle(name) and len(element_text(el)) > len(name) + 10 else None


def person_link(block, inside):
    """(link, name) of the one name the block's links to a person's page give ("/Benutzer/NAME/…"),
    else None."""
    from .reviews_authors import _handle  # (no cycle at import time)

    links = [a for a in block.iter("a") if a not in inside and PERSON_HREF.search(a.get("href") or "")
             and (t := element_text(a)) and _handle(t)]
    names = {element_text(a) for a in links}
    return (links[0], element_text(links[0])) if len(names) == 1 else None


# a trader's reputation printed beside their name: "35 feedback, 100% positive", "98.7% positive
# feedback" (a feedback system rates the seller or tradesman the card names, not its writer)
_REPUTATION = re.compile(r"(?<!\d)(?<!\d[.,])\d{1,3}(?:[.,]\d{1,2})?\s*%\s*(?:positive|positiv|positif|positivo|positief)", re.I)



def trader_boxes(block) -> list:
    """The outermost boxes in `block` (200 characters at most) that print a trader's share of
    positive feedback beside the name: the party the feedback rates and their totals, none of
    it the writer's name, the title or the text."""
    if not _REPUTATION.search(element_text(block)):
        return []
    out: list = []
    for el in block.iterdescendants():
        if not tag(el) or len(el) < 2 or any(o in el.iterancestors() for o in out):
            continue
        text = element_text(el)
        if text and len(text) <= 200 and _REPUTATION.search(text):
            out.append(el)
    return out
