"""A review shown twice on one page: a highlight above the list ("the most positive review",
"the most critical review" on Amazon; a featured or pinned review) repeats a review of the
list. Its link to all the reviews like it is no part of the text, and the repeat is no
second review."""
from __future__ import annotations

import re

from .reviews_normalize import COUNT_NUMBER, COUNT_WORDS, element_text
from .reviews_reviewed import PERSON_HREF

# a link naming a number of reviews: "Visualizza tutte le 1.958 recensioni positive", "See all
# 174 critical reviews", "Alle 12 Bewertungen anzeigen" (a few words either side, no more)
_MORE_REVIEWS = re.compile(r"[^\d.!?]{0,30}?(?<![\w.,])" + COUNT_NUMBER + r"\s+(?:[^\W\d]+\s+){0,2}?(?:"
                           + COUNT_WORDS + r")(?:\s+[^\W\d]+){0,2}\W{0,2}", re.I)


def more_reviews_links(block) -> list:
    """The links in `block` to more reviews of the page: navigation, not the review's text."""
    out = []
    for a in block.iter("a"):
        if a.get("href") is None or reviewer_tally(a):
            continue
        if _more_reviews(a):
            while (up := a.getparent()) is not None and up is not block and _more_reviews(up):
                a = up  # with the caret after it ("›")
            out.append(a)
    return out


# words that send the reader on ("See all 6 reviews by …"): a link so worded is navigation
# even when it goes to a person's page
_GO_WORDS = re.compile(r"\b(?:see|view|read|show|all|more|alle|mehr|tous|voir|todas|ver|tutte|vedi)\b", re.I)


def reviewer_tally(a) -> bool:
    """Whether link `a` is the reviewer's by-line: it goes to a person's page and names them
    before their tally ("NAME 6 reviews GB", Trustpilot's profile link), not more reviews."""
    m = re.match(r"\D*", t := element_text(a))
    lead = m.group(0).strip() if m else ""
    return bool(PERSON_HREF.search(a.get("href") or "")) and len(lead) >= 2 and lead != t.strip() and \
        not _GO_WORDS.search(lead)


# or a kind of them without a number, to a filtered list: "Positive reviews ›", "Critical
# reviews" (Amazon.com's highlights), "All reviews"
_KIND_OF_REVIEWS = re.compile(r"(?:[^\W\d]+\s+){1,2}(?:" + COUNT_WORDS + r")\W{0,2}", re.I)
# (a list filtered by its query: "?filterByStar=positive"; not the review's own page, whose
# title may read "Somewhat mixed review", "/ShowUserReviews-…")
_LIST_HREF = re.compile(r"[?&](?:filter\w*|stars?|rating|sort\w*)=", re.I)


def _more_reviews(el) -> bool:
    t = element_text(el)
    if len(t) > 80:
        return False
    if _MORE_REVIEWS.fullmatch(t) is not None:
        return True
    link = el if el.get("href") is not None else next(el.iter("a"), None)
    return link is not None and _KIND_OF_REVIEWS.fullmatch(t) is not None and \
        _LIST_HREF.search(link.get("href") or "") is not None


def drop_repeats(reviews: list[dict]) -> list[dict]:
    """One review per review shown: of two with the same author, rating, date and title whose
    texts hold one another (with no author, the same text of 40 characters or more), the one
    with the fuller text stays (the first of equals). Unrated,
    the texts must be the same (a slider showing one testimonial twice). When the page repeats
    reviews so (a box of highlights over the list), two dated ones with the same words
    however short are one too ("Calm"); on a page that repeats none, they are two (the same
    person's "super" for two shops in a list of latest reviews)."""
    out = _drop_twins(reviews, short=False)
    if len(out) < len(reviews):
        out = _drop_twins(out, short=True)
    return merge_copies(out)


def _drop_twins(reviews: list[dict], short: bool) -> list[dict]:
    out: list[dict] = []
    for r in reviews:
        key = _key(r)
        twin = next((i for i, o in enumerate(out) if key is not None and _key(o) == key and (
            _holds(o, r) or short and _dated_same(o, r))), None)
        if twin is None and (key := _unrated_key(r)) is not None:
            twin = next((i for i, o in enumerate(out) if _unrated_key(o) == key), None)
        if twin is None:
            out.append(r)
        elif len(_norm(r.get("body"))) > len(_norm(out[twin].get("body"))):
            out[twin] = r
    return out


def _key(r: dict):
    if r.get("rating") is None or not r.get("body"):
        return None
    if not r.get("author"):  # (no name: the same words, a line long at least, with the same rating and
        # date, are one review shown twice; a carousel of quotes repeated in a second carousel)
        text = _norm(r["body"])
        return (None, r["rating"], r.get("published_at"), r.get("title"), text) if len(text) >= 40 else None
    return (r["author"], r["rating"], r.get("published_at"), r.get("title"))


def _unrated_key(r: dict):
    text = _norm(r.get("body"))
    if not r.get("author") or r.get("rating") is not None or len(text) < 40:
        return None
    return (r["author"], r.get("published_at"), r.get("title"), text)


def _dated_same(a: dict, b: dict) -> bool:
    """The same words, however short, by the same person on the same day ("Calm")."""
    return bool(a.get("published_at")) and _norm(a.get("body")) == _norm(b.get("body"))


def _holds(a: dict, b: dict) -> bool:
    x, y = _norm(a.get("body")), _norm(b.get("body"))
    return len(min(x, y, key=len)) >= 12 and (x in y or y in x)


def _norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


# a picture viewer's or a pop-up's copy of a review, kept in the page for a script to show
_VIEWER = re.compile(r"popover|lightbox|modal|dialog", re.I)
# a name for what opens one, not for the box itself: a carousel's card that opens its review
# in a pop-up when clicked ("js-open-widgetModal", "modal-trigger", "lightbox-toggle")
_OPENER = re.compile(r"open|trigger|toggle|launch|btn|button", re.I)


def _viewer_named(el) -> bool:
    """Whether a class or the id of `el` names a viewer or pop-up (not something opening one)."""
    names = (el.get("class") or "").split() + [el.get("id") or ""]
    return any(_VIEWER.search(n) and not _OPENER.search(n) for n in names)


def viewer_copies(anchors: list) -> set[int]:
    """ids of the rating widgets of `anchors` (pairs of element and rating) that sit in a
    picture viewer or pop-up repeating the review around it: one whose element (named
    popover, lightbox, modal or dialog) sits in a card that shows the same rating outside it
    (Amazon.com's photo viewer, "cr-lightbox-popover-container", in a review with photos)."""
    out: set[int] = set()
    for el, r in anchors:
        boxes = [a for a in el.iterancestors() if _viewer_named(a)]
        if not boxes:
            continue
        box = boxes[-1]  # the outermost: the viewer itself, not its parts ("cr-lightbox-review-title")
        card = box.getparent()
        if card is not None and any(o is not el and rating == r and not _inside(o, box) and _inside(o, card)
                                    for o, rating in anchors) and _repeats(box, card):
            out.add(id(el))
    return out


def _repeats(box, card) -> bool:
    """Whether `box` repeats a line of `card` shown outside it (the review's title or text)."""
    lines = {t for d in box.iter() if isinstance(d.tag, str) and len(d) == 0 and len(t := element_text(d)) >= 12}
    return any(element_text(d) in lines for d in card.iter()
               if isinstance(d.tag, str) and len(d) == 0 and d is not box and not _inside(d, box))


def _inside(el, anc) -> bool:
    return any(a is anc for a in el.iterancestors())


# the fields a copy of a review may lack (a teaser card shows no date, or no name)
_FIELDS = ("site_id", "author", "title", "published_at", "verified", "helpful_votes")


def merge_copies(reviews: list[dict]) -> list[dict]:
    """One review per review shown twice in two runs of cards: a shown list of teaser cards
    (no date) and a hidden list of full cards (with dates), each card of one run repeating the
    card at the same distance in the other. Two cards are copies when they agree where both
    have a field (rating, author, date, title) and their texts hold one another; the distance
    is trusted when two copies or more with texts of 12 letters or more share it, and then
    short texts alike at that distance are copies too ("Calm"). The copy kept is the
    first, its missing fields taken from the other, the fuller text kept."""
    n = len(reviews)
    if n < 4:
        return reviews
    texts = [_norm(r.get("body")) for r in reviews]
    steps: dict[int, int] = {}
    for i in range(n):
        for j in range(i + 1, n):
            if len(min(texts[i], texts[j], key=len)) >= 12 and _agree(reviews[i], reviews[j], texts[i], texts[j]):
                steps[j - i] = steps.get(j - i, 0) + 1
    step = max(steps, key=lambda d: (steps[d], -d), default=None)
    if step is None or steps[step] < 2:
        return reviews
    drop = set()
    out = [dict(r) for r in reviews]
    for i in range(n - step):
        j = i + step
        if i in drop or j in drop or not texts[i] or not _agree(reviews[i], reviews[j], texts[i], texts[j]):
            continue
        if len(min(texts[i], texts[j], key=len)) < 12 and texts[i] != texts[j]:
            continue
        keep, other = out[i], reviews[j]
        for k in _FIELDS:
            if keep.get(k) is None and other.get(k) is not None:
                keep[k] = other[k]
        if len(texts[j]) > len(texts[i]):
            keep["body"] = other.get("body")
        drop.add(j)
    return [r for k, r in enumerate(out) if k not in drop]


def _agree(a: dict, b: dict, ta: str, tb: str) -> bool:
    if not ta or not tb or a.get("rating") != b.get("rating") or not (ta in tb or tb in ta):
        return False
    return all(a.get(k) is None or b.get(k) is None or a.get(k) == b.get(k) for k in ("author", "published_at", "title"))

