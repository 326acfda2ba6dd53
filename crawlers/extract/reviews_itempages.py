"""Review cards that point at the thing reviewed, and lists that call their reviews "responses".

- item_page_title: a title slot holding one link to the reviewed thing's page, under which the
  card's own "read more" link lies ("/banks/acme/reviews/" beside "/banks/acme/reviews/1234/"),
  names the thing (a bank, a host), not the review; so does one whose link goes to a page's
  list of reviews ("/campsites/x/#reviews": the thing's reviews, not this one's own page), and
  a title slot ending with the thing's count of reviews ("North Air<span class=review-count>719
  Reviews</span>").
- rating_named: an element named for the review's rating ("user_review_rating_preview", the
  aspect rows' box) is no text of the review, though its name says "review".
- list_reply_words: the reply words ("response") a list names its own cards by: the list is
  named so and holds two or more cards of one class also named so ("response_flow" >
  "response_flow__block"); a date inside such a card is a review's, not a reply's.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .reviews_normalize import COUNT_WORDS, element_text
from .reviews_reviewed import PERSON_HREF
from .reviews_votes import _HELPFUL_WORD
from .reviews_widgets import tag

# a name that says the element holds the review's rating, however "review" is spelt into it
_RATING_NAMED = re.compile(r"review[-_]*(?:rating|score|stars?|grade)s?(?![a-z])", re.I)

_REPLY_WORD = re.compile(r"repl(?:y|ies)|responses?|answers?", re.I)


def rating_named(attrs: str) -> bool:
    """Whether an element's attributes (attrs_text) name it the review's rating box."""
    return bool(_RATING_NAMED.search(attrs))


def _path(href: str | None) -> str:
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return ""
    p = urlsplit(href.strip()).path
    return p if p.endswith("/") else p + "/"


# a link to a page's section of all its reviews ("#reviews", "#bewertungen"), not to one of them
# ("#review-20928")
_REVIEWS_SECTION = re.compile(r"#(?:[a-z]+[-_])?(?:reviews|ratings|bewertungen|avis|opiniones|recensioni|"
                              r"beoordelingen|rezensionen|opinions|testimonials)(?:[-_](?:section|list|tab|block))?$", re.I)


# a title slot the site names for the thing's name ("restaurant-name", "hotel_name"), linked or not
_THING_NAMED = re.compile(r"(?:^|[\s_-])(?:restaurant|hotel|venue|place|shop|store|company|business|product|merchant)"
                          r"[-_]?name(?:$|[\s_-])", re.I)


def item_page_title(block, title_el) -> bool:
    """Whether the title slot `title_el` is one link (its whole text) to a page under which
    another link of the block lies that carries a text (8 characters or more, no button's word):
    the reviewed thing's page, the card's text linking to the review's own page below it. (Or a
    slot the site names for the thing's name: "<h3 class="restaurant-name">".)"""
    if title_el is None:
        return False
    if _THING_NAMED.search(title_el.get("class") or ""):
        return True
    text = element_text(title_el)
    if _COUNT_END.search(text) and not _COUNT_END.fullmatch(text.strip()):
        return True  # the thing's name and its count of reviews ("North Air<span>719 Reviews</span>"): its header
    a = title_el if tag(title_el) == "a" else next((x for x in title_el.iter("a") if element_text(x) == text), None)
    base = _path(a.get("href")) if a is not None else ""
    if text and a is not None and _REVIEWS_SECTION.search((a.get("href") or "").strip()):
        return True  # the thing's list of reviews: the link names the thing
    if not text or len(base) <= 1:
        return False
    for other in block.iter("a"):
        if other is a:
            continue
        p = _path(other.get("href"))
        if p != base and p.startswith(base) and len(element_text(other)) >= 8:  # (a text, no button's word)
            return True
    return False


def list_reply_words(el, depth: int = 6) -> set[str]:
    """The reply words named by a list of cards `el` lies in, when the cards are named so too:
    those words name the reviews there, not replies."""
    words: set[str] = set()
    for card in [el, *el.iterancestors()][:depth]:
        parent = card.getparent()
        cls = card.get("class") or ""
        if parent is None or not cls:
            continue
        own = {m.group(0).lower() for m in _REPLY_WORD.finditer(cls)}
        if not own:
            continue
        alike = [s for s in parent if tag(s) and (s.get("class") or "") == cls]
        shared = {w for w in own if w in (parent.get("class") or "").lower()}
        if len(alike) >= 2 and shared:
            words |= shared
    return words


def without_words(attrs: str, words: set[str]) -> str:
    """`attrs` with the given words taken out."""
    return re.sub("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), " ", attrs, flags=re.I) \
        if words else attrs


def pictured_item_link(el, block) -> bool:
    """Whether `el` is (or holds as its whole text) a link to the same page as a picture link of
    the block that carries no text, in a card that shows the thing's average beside its review
    count (item_count_rows): the bank's or shop's name beside its logo, no reviewer's (a
    reviewer's avatar links to the reviewer's page the same way, in cards without such a row)."""
    text = element_text(el)
    a = el if tag(el) == "a" else next((x for x in el.iter("a") if element_text(x) == text), None)
    href = (a.get("href") or "").strip() if a is not None else ""
    if not text or not href or href.startswith(("#", "javascript:")) or PERSON_HREF.search(href):
        return False
    return any(o is not a and (o.get("href") or "").strip() == href and not element_text(o)
               and any(tag(i) == "img" for i in o.iter()) for o in block.iter("a")) and bool(item_count_rows(block))


def item_count_rows(block) -> list:
    """The rows in a block that hold a rating widget and only a review count beside it ("★★☆☆☆
    312 reviews"), or an average in hundredths ("(4.53)"): the reviewed thing's average, no
    rating of this review."""
    from .reviews_aggregate import stars_beside_count  # (imports the layout, which imports this module)
    from .reviews_layout import rating_anchors
    if not _COUNTED.search(text := element_text(block)) and not _HUNDREDTHS.search(text):
        return []  # (no review count or average printed: no such row; the widgets are not looked for)
    return [a.getparent() for a, _ in rating_anchors(block) if a is not block and stars_beside_count(a)]


_COUNTED = re.compile(r"\d\s*(?:" + COUNT_WORDS + r")", re.I)
_HUNDREDTHS = re.compile(r"(?<![\d.,])\d[.,]\d\d(?![\d.,])")  # (an average beside the stars, "(4.53)")
_COUNT_END = re.compile(r"\(?\d[\d,.\s]*\s*(?:" + COUNT_WORDS + r")\)?\s*$", re.I)


_INLINE = {"i", "em", "b", "strong", "span", "time", "small"}

# "… | by NAME about <a>THING</a>": the by-line names the reviewer in bare text before the thing
_BY_NAME_ABOUT = re.compile(r"(?:^|[|·•–—,]\s*|\s)by\s+([A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})\s+"
                            r"(?:about|on|for|of|regarding)\s*$")


def bare_byline_name(block, inside) -> tuple:
    """(element, name) of a by-line that prints the reviewer's name as bare text between "by"
    and "about"/"on"/"for" and a link to the thing reviewed ("Mar. 1, 2018 | by NAME about
    <a>HOST</a>")."""
    for el in block.iter():
        if not tag(el) or el in inside:
            continue
        before = el.text or ""
        for c in el:
            if tag(c) == "a" and (m := _BY_NAME_ABOUT.search(re.sub(r"\s+", " ", before).rstrip())):
                return el, m.group(1).strip()
            before += (c.text_content() if tag(c) in _INLINE else "") + (c.tail or "")
    return None, None


# "Was this review helpful? Yes 2 No 0", "Отзыв полезен? Да 0 Нет 0": the vote buttons' row
_VOTE_QUESTION = re.compile(r"[^?]{3,40}\?(?:\s*(?:yes|ja|oui|sí|si|sim|да|так|tak|ano)\s*\(?\d*\)?\s*"
                            r"(?:no|nein|non|não|нет|ні|nie|ne)\s*\(?\d*\)?)?", re.I)


def vote_question(text: str) -> bool:
    """Whether a line is only the question under a review ("Отзыв полезен?"), perhaps with its
    yes/no vote counts: no text of the review."""
    text = text.strip()
    return len(text) <= 70 and _VOTE_QUESTION.fullmatch(text) is not None and _HELPFUL_WORD.search(text) is not None


def bold_name_before_date(block, inside) -> tuple:
    """(element, name) of a bold name opening a line that goes on with a place and the date
    ("<b>NAME</b>, Moscow 02.05.2017 10:15"): the reviewer's name however it is written
    (lower-case, a '!' in it). With no place between ("<b>TITLE</b>, October 8, 2009") no name."""
    from .reviews_dates import find_date_text  # (the dates module imports the layout)
    for el in block.iter():
        if not tag(el) or el in inside or not len(el) or (el.text or "").strip():
            continue
        b = el[0]
        rest = re.sub(r"\s+", " ", (b.tail or "") + "".join(element_text(c) + (c.tail or "") for c in el[1:])).strip()
        name = element_text(b)
        day = find_date_text(rest) if rest.startswith(",") and len(rest) <= 60 else None
        if tag(b) in ("b", "strong") and len(b) == 0 and name and len(name) <= 40 and len(name.split()) <= 4 \
                and day and re.search(r"[^\W\d_]{2,}", rest.replace(day, " ")) and not find_date_text(name):
            return b, name  # (a place between: "<b>TITLE</b>, October 8, 2009" is a title and its date)
    return None, None


def vote_questions(block) -> list:
    """The elements of a block that hold only the helpfulness question (and its vote counts):
    no title and no text of the review, however the site names them ("…-quiz-title")."""
    out: list = []
    text = element_text(block)
    if "?" not in text or not _HELPFUL_WORD.search(text):
        return out
    for el in block.iterdescendants():
        if tag(el) and not any(o in el.iterancestors() for o in out) and vote_question(element_text(el)):
            out.append(el)
    return out
