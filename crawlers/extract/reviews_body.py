"""A review block's text: the body (a body-named element, else the element with the most
text of its own), a title just before it, pros/cons sections kept together, and the labels,
headings and button texts that are not what the reviewer wrote."""
from __future__ import annotations

import re

from .reviews_bylines import connectors_only, own_text
from .reviews_chrome import action_row, link_in_row, stats_line, unquoted
from .reviews_dates import find_date_text, month_only, year_only
from .reviews_fulltext import full_twin
from .reviews_definitions import entry_term
from .reviews_inline import inline_run, without_item_lead
from .reviews_itempages import rating_named
from .reviews_layout import text_without
from .reviews_normalize import clean_text, element_text, rating_from_text, text_weight
from .reviews_specrows import prose_rows
from .reviews_short import lone_paragraph
from .reviews_teasers import cut_headline
from .reviews_headlinks import headline_link
from .reviews_linkcards import picture_caption
from .reviews_widgets import REPLY_ATTR, attrs_text, tag
from .reviews_verified import VERIFIED, may_be_verified, without_stamp
from .reviews_votes import helpful_line

QUOTES = "\"'“”„‟«»‹›「」『』‚‘’"


BODY_ATTR = re.compile(r"reviewbody|review-?body|review__?body|review-?text|review__?text|review-?content|review-?words|"
                       r"(?:^|[\s_-])(?:body|text|content|comment|description|message|quote|copy|excerpt|"
                       r"review)(?:$|[\s_-])|testimonial-?text|\bpros\b|\bcons\b", re.I)


# a layout box's body ("media__body", "card-body", "panel-body"): the box's inside, not a text's name
_LAYOUT_BODY = re.compile(r"(?:media|card|panel|modal|tile)(?:-|_|__)body", re.I)


def _text_named(a: str) -> bool:
    return bool(BODY_ATTR.search(a)) and not (_LAYOUT_BODY.search(a) and not BODY_ATTR.search(_LAYOUT_BODY.sub(" ", a)))


_SIGNED_COUNT = re.compile(r"[+−]\d{1,5}")
# (the "no" button of a vote pair too, "useless", "dislike"; and a "digg" box, a vote's other name)
NOISE_ATTR = re.compile(r"helpful|useful|useless|dislike|(?:^|[\s_-])digg(?:$|[\s_-])|vote|report|flag|share|like-?button|"
                        r"(?:^|[\s_-])likes?(?:$|[\s_-])|toolbar|feedback-?(?:btn|button|vote)|"
                        r"(?<!no)translate|read-?more|more-?link|photos|imgs|images|gallery|tags|\bpag(?:ination|er)\b", re.I)


def short_text(el, limit: int = 80) -> str:
    t = element_text(el)
    return t if 0 < len(t) <= limit else ""


class Covered:
    """The elements of `skip` and everything inside them, for fast `el in covered` tests.
    Holding the proxies keeps their ids sound (lxml hands out the live proxy of a node)."""
    __slots__ = ("_hold", "_ids")

    def __init__(self, skip: list):
        self._hold = [d for s in skip if s is not None for d in s.iter()]
        self._ids = {id(d) for d in self._hold}

    def __contains__(self, el) -> bool:
        return id(el) in self._ids


_LIST = re.compile(r"[-_]lists?(?:$|[\s_-])", re.I)


_HEADER = re.compile(r"(?:^|[\s_-])(?:header|heading)(?:$|[\s_-])", re.I)
# the reviewed product's name in the card ("carousel-review-product-text", "product-name"): no
# text of the review, however it is named (not "product-review-text": a review of a product)
# (and the name of a place or spot reviewed: "spot_name", "venue-name"; "review-product-text" is the text)
_PRODUCT_NAME = re.compile(r"(?:(?<!review-)(?<!review_)product[-_]?(?:name|title|text)|(?:^|[\s_-])(?:item|spot|venue|place)[-_]?name)"
                           r"(?:$|[\s_-])", re.I)


def find_body(block, skip: list):
    """(element, text) of the review text: a body-named element, else the element with the
    most text of its own (paragraph siblings joined), else the block minus its parts."""
    term = entry_term(block)
    if term is not None:
        skip = skip + [term]  # (a definition-list entry: the text is the description's, not the term's)
    skip = skip + [el for el in block.iter() if tag(el) and (_PRODUCT_NAME.search(el.get("class") or "") or tag(el) in (
        "span", "small", "b") and _SIGNED_COUNT.fullmatch(element_text(el)))]  # (a "+4" beside the text: its likes)
    inside = Covered(skip)
    # a class the block also gives its date or name ("media__text--small" on "- 12 mins ago" and on
    # the venue line) draws by-line parts, not the text
    meta_classes = {c for s in skip if s is not None and tag(s) and (c := (s.get("class") or "").strip())}
    best, best_text = None, ""
    strong, strong_text = None, ""  # named for the text itself, not only "review" ("review-wrapper")
    for el in block.iter():
        if not tag(el) or el in inside or tag(el) in ("a", "button") or el is block:
            continue
        a = attrs_text(el) + (" reviewbody" if el.get("itemprop") in ("reviewBody", "description") else "")
        if _text_named(a) and (el.get("class") or "").strip() not in meta_classes and not REPLY_ATTR.search(a) \
                and not NOISE_ATTR.search(a) and not _LIST.search(a) and not _HEADER.search(a) and not rating_named(a) \
                or tag(el) == "blockquote":  # (not a list of them around one review:
            # "…-comment-list", Shopee; nor the review's header row of name and scores: "review-container-header")
            t = text_without(el, skip)
            if action_row(t) or _only_chrome(t) or _linked_line(el, t, inside):
                continue  # named for comments, holding only the counters and buttons ("12 likes · Like · Reply"),
                # or named "text" and holding only the question under a review ("Was this review helpful?"),
                # or a line of links ("is drinking a <a>BEER</a> by <a>BREWERY</a> at <a>BAR</a>": an activity)
            if len(t) > len(best_text) or (best is not None and len(t) == len(best_text) and descends(el, best)):
                best, best_text = el, t
            if len(t) > len(strong_text) and (tag(el) == "blockquote" or BODY_ATTR.search(re.sub(r"review", "", a))):
                strong, strong_text = el, t
    if best is not None and strong is not None and strong is not best and len(strong_text) >= 3 \
            and descends(strong, best) and not BODY_ATTR.search(re.sub(r"review", "", attrs_text(best))):
        best, best_text = strong, strong_text  # DealerRater's "review-wrapper" around "review-content"
    if best is not None and text_weight(best_text) >= 3 \
            and not ((len(best_text) < 60 or headline_link(best, best_text))
                     and _longest_own(block, skip) > 2 * text_weight(best_text)):
        # (a short named text, or a named one that is all one link's words, a headline linking to
        # the review's own page ("quote": “<a>HEADLINE</a>”), beside a text twice as long: no text)
        # (a CJK word or two is a text: "最高"; the weight doubles each CJK character)
        # a wrapper named "content" may also hold a date line: go down to the named
        # element that carries most of the text
        while True:
            # (a box named only for the review, "reviewer-review-detail", around its headline, a "Role:"
            # line and the text: a leaf block holding most of its text is the text, named or not)
            wrapper = not BODY_ATTR.search(re.sub(r"review(?:er)?s?", "", attrs_text(best))) and tag(best) != "blockquote"
            inner = [(el, text_without(el, skip)) for el in best.iterdescendants()
                     if tag(el) and el not in inside and tag(el) not in ("a", "button")
                     and (BODY_ATTR.search(attrs_text(el)) and not REPLY_ATTR.search(attrs_text(el))
                          or el.get("itemprop") in ("reviewBody", "description"))]
            # (all of it under a wrapper also named for the writer's name, "user-name review-text": the
            # name's line beside the text is no part of it, however short the text)
            share = 0.0 if _NAME_TOO.search(best.get("class") or "") else 0.6
            inner = [(el, t) for el, t in inner if len(t) >= share * len(best_text) and len(t) >= 3]
            if not inner and wrapper:  # (the leaf block with twice the text of any other)
                leaves = sorted(((el, text_without(el, skip)) for el in best.iterdescendants() if tag(el) in ("div", "p")
                                 and el not in inside and not any(tag(c) in ("div", "p") for c in el)), key=lambda x: -len(x[1]))
                inner = leaves[:1] if leaves and len(leaves[0][1]) >= 60 and (
                    len(leaves) == 1 or len(leaves[0][1]) >= 2 * len(leaves[1][1])) else []
            if not inner:
                twin = full_twin(best, inside, skip)  # (a cut preview beside the full text: the full one)
                if twin is not None:
                    best, best_text = twin
                break
            best, best_text = max(inner, key=lambda x: len(x[1]))
        parts = _named_siblings(best, inside, skip)
        if parts:  # the liked and the disliked, each in its own named element (Booking.com)
            return best.getparent(), " ".join(text_without(p, skip) for p in parts)
        return best, best_text
    own_best, own_len = None, 0
    holders = {id(a) for s in skip if s is not None for a in s.iterancestors()}
    for el in block.iter():
        if not tag(el) or el in inside or tag(el) in ("a", "button", "script", "style"):
            continue
        own = _own_text(el, inside, holders, skip)
        n = 0 if _only_chrome(own) or action_row(own) or stats_line(own) or _linked_line(el, own, inside) \
            or picture_caption(el) else text_weight(own)  # (not the name and date already read: a byline
        # is no text; a CJK line weighs double: "배송이 빠르고 좋아요" over a handle "user123(ab****)")
        if n > own_len:
            own_best, own_len = el, n
    if own_best is not None and own_len >= 20:
        parent = own_best.getparent()
        if tag(own_best) == "p" and parent is not None and own_best is not block:  # (a block that is one <p>:
            # the paragraphs beside it are the other reviews)
            ps = [c for c in parent if tag(c) == "p" and c not in inside and len(_own_text(c)) >= 3]
            if len(ps) > 1:
                return parent, " ".join(text_without(p, skip) for p in ps)
        run = inline_run(own_best, skip)  # bare text between a cell's header and footer rows (reviews_inline)
        return own_best, without_item_lead(own_best, text_without(own_best, skip), skip) if run is None else run
    if term is not None and len(descs := [c for c in block if tag(c) == "dd"]) == 1:
        return descs[0], text_without(descs[0], skip)  # (a short text: the description, under its term)
    lone = lone_paragraph(block, inside, skip)  # (a one-word text in the block's one paragraph: reviews_short)
    if lone is not None:
        return lone
    rest = text_without(block, skip)
    return block, "" if action_row(rest) or connectors_only(rest) else rest  # (only the buttons or a by-line's
    # joining words left, "Submetido por a": a score with no words)


_NAME_TOO = re.compile(r"(?:^|\s)(?:user|author|reviewer)[-_]?name(?:$|\s)", re.I)


def _linked_line(el, text: str, inside) -> bool:
    """Whether a text is mostly (60%+) the text of two or more links inside it: a line naming
    the things a post is about, not what its writer wrote."""
    links = [a for a in el.iter("a") if a is not el and a not in inside]
    return len(links) >= 2 and sum(len(element_text(a)) for a in links) >= 0.6 * len(text)


def _named_siblings(best, inside, skip: list) -> list:
    """`best` and its siblings named as text too, each for one side ("review-positive-text",
    "review-negative-text"), in page order, when there are two or more; else []."""
    parent = best.getparent()
    if parent is None or not _POLARITY.search(attrs_text(best)):
        return []
    named = [c for c in parent if tag(c) and c not in inside and tag(c) not in ("a", "button")
             and (BODY_ATTR.search(re.sub(r"review", "", attrs_text(c))) or _POLARITY.search(attrs_text(c))
                  and BODY_ATTR.search(attrs_text(c))) and not REPLY_ATTR.search(attrs_text(c))
             and len(text_without(c, skip)) >= 3]
    if len(named) < 2 or best not in named or not all(_POLARITY.search(attrs_text(c)) for c in named):
        return []
    return named


# the two halves of a review some sites ask for apart (what was liked, what was not)
_POLARITY = re.compile(r"positive|negative|\bpros?\b|\bcons?\b|plus|minus|liked|disliked|"
                       r"advantages?|disadvantages?|vorteile|nachteile|(?:^|[\s_-])(?:pos|neg)(?:$|[\s_-])", re.I)
# (and their short names: "review_pos", "review_neg", Booking.com 2018)


def _longest_own(block, skip: list) -> int:
    inside = Covered(skip)
    holders = {id(a) for s in skip if s is not None for a in s.iterancestors()}  # (around a skipped part)
    return max((len(t) for el in block.iter()
                if tag(el) and el not in inside and tag(el) not in ("a", "button")
                and not _only_chrome(t := _own_text(el, inside, holders, skip)) and not _linked_line(el, t, inside)
                and not action_row(t) and not stats_line(t)),  # (buttons, a reviewer's counts: no rival text)
               default=0)


def vote_lines_only(text: str) -> bool:
    """Whether a text is only the site's helpful-vote lines, however long ("1 personne a trouvé
    cette évaluation utile 1 personne a trouvé cette évaluation amusante"): no reviewer's words."""
    return bool(text.strip()) and bool(_LEFTOVER_WORD.search(text)) and not strip_leftovers(text)


def _only_chrome(text: str) -> bool:
    """A line that is only what a site prints under every review: its helpful-votes counts or the
    question asking for one ("14 people found this review helpful", "Was this review helpful?"),
    or a by-line's joining words once its name and date are read ("Verfasst von am")."""
    return bool(_LEFTOVER_WORD.search(text)) and not strip_leftovers(text) or connectors_only(text)


def _own_text(el, inside=None, holders: set | None = None, skip: list | None = None) -> str:
    """Text of el and its inline children (not of nested blocks, nor of the parts in `skip`:
    the author's name in a header is not text of the header's own)."""
    parts = [el.text or ""]
    for c in el:
        if tag(c) in ("span", "b", "i", "em", "strong", "a", "br", "q", "mark", "u", "small", "abbr", "font"):
            if inside is None:
                parts.append(element_text(c))
            elif c not in inside:
                parts.append(text_without(c, skip) if id(c) in holders else element_text(c))
        parts.append(c.tail or "")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def title_before(block, body_el, skip: list):
    """A short line inside a link or named like a quote/summary, just before the body."""
    inside = Covered(skip)
    if body_el is None or body_el is block:
        return None, None
    found = None
    for el in block.iter():
        if el is body_el or descends(el, body_el) or (body_el is not None and descends(body_el, el) and el is not block):
            if el is body_el:
                break
            continue
        if el is block or not tag(el) or el in inside:
            continue
        if any(tag(c) and element_text(c) for c in el):
            continue
        t = clean_text(element_text(el))
        if not t or not (3 <= len(t) <= 120) or find_date_text(t) or year_only(t) or rating_from_text(t) is not None or helpful_line(t) \
                or _ASIDE.fullmatch(t) or any(_SOURCE.search(attrs_text(a)) or _THING_NAME.search(attrs_text(a))
                                              for a in [el, *el.iterancestors()][:3]):
            continue  # (a score's word "(Fair)"; the publication a critic wrote for; the company's name)
        linked = any(tag(a) == "a" for a in [el, *el.iterancestors()][:3])
        named = any(re.search(r"quote|summary|headline|subject", attrs_text(a)) for a in [el, *el.iterancestors()][:3])
        if linked and not named and (link_in_row(el, block) or _links_elsewhere(el)):
            continue  # a link among others (name, date, tags) or after a label ("Shelves: classics"), or to
            # another page than the review's own (the album's artist, the work reviewed)
        if linked or named:
            found = (el, unquoted(t, QUOTES))
    return found if found else _line_before(body_el, inside)


# what a link to a review's own page says in its address ("/reviews.php?id=7", "/review/rw1",
# "ShowUserReviews", "#review-12"); a link with none of it goes to another page
_OWN_PAGE = re.compile(r"review|comment|critique|crític|critic|recens|rezens|recenz|отзыв|рецензи|opini|avis|"
                       r"bewert|beoordel|valutazion|^#", re.I)


def _links_elsewhere(el) -> bool:
    """Whether the link `el` is (or lies in) goes to another page than a review's own: the item,
    its maker, a category."""
    a = next((x for x in [el, *el.iterancestors()][:3] if tag(x) == "a"), None)
    href = (a.get("href") or "").strip() if a is not None else ""
    return bool(href) and not _OWN_PAGE.search(href)


# a line wholly in brackets (a score's word, "(Fair)"), and where a review's source is named
_ASIDE = re.compile(r"\([^()]{1,40}\)")
_SOURCE = re.compile(r"(?:^|[\s_-])(?:source|publication|publisher|outlet)(?:$|[\s_-])", re.I)
# an element named for the reviewed thing's name: "review_info_company_name", "product-title", "shop-link"
_THING_NAME = re.compile(r"(?:company|business|shop|store|merchant|seller|product|place|venue|hotel|restaurant|firm|"
                         r"organi[sz]ation|brand)[-_]?(?:name|title|link)", re.I)


def headline_like(t: str) -> bool:
    """A line that may be a review's headline: 3-100 characters, no label ("Skin Type:
    Combination"), no sentence's full stop, no date (also a month alone), rating or badge."""
    return 3 <= len(t) <= 100 and ":" not in t and not t.endswith((".", "。")) and not find_date_text(t) and \
        not _ASIDE.fullmatch(t) and \
        not month_only(t) and not year_only(t) and rating_from_text(t) is None and not (may_be_verified(t) and VERIFIED.search(t))


def _line_before(body_el, inside):
    """(element, text) of an unnamed short line right before the body, when it reads like a
    headline (Sephora's title sits in a bare div above the text); else (None, None)."""
    prev = body_el.getprevious()
    while prev is not None and not tag(prev):
        prev = prev.getprevious()
    if prev is None or prev in inside or tag(prev) not in ("div", "p", "span", "strong", "b") or \
            any(tag(c) and element_text(c) for c in prev):
        return None, None
    t = clean_text(element_text(prev)) or ""
    body = element_text(body_el)
    cut = cut_headline(t, clean_text(body))  # (a title cut from the text's first words, however short the text)
    if cut and _text_named(a := attrs_text(prev)) and not re.search(r"title|headline|heading|subject|summary", a):
        return None, None  # the text's short twin named as a text ("short_review" over "long_review"), no title
    if not (headline_like(t) or cut) or len(t) * 2 > len(body) and not cut:
        return None, None
    return prev, unquoted(t, QUOTES)


def marked_body(body_el, block) -> bool:
    """Whether the text was read from the element the page's microdata names the review's
    text (itemprop="reviewBody"), or from inside it."""
    for el in [body_el, *body_el.iterancestors()] if body_el is not None else []:
        if el.get("itemprop") == "reviewBody":
            return True
        if el is block:
            break
    return False


def descends(el, anc) -> bool:
    return any(a is anc for a in el.iterancestors())


SECTION_LABEL = re.compile(
    r"(?:pros|cons|the good|the bad|advice to management|advice to others|liked|disliked|vorteile?|nachteile?|pro|contra|"
    r"points? positifs?|points? négatifs?|avantages?|inconvénients?|ventajas|desventajas|pluspunten|minpunten|voordelen|nadelen|voordeel|nadeel|"
    r"pregi|difetti|достоинства|недостатки|výhody|nevýhody|zalety|wady|fördelar|nackdelar|artılar|eksiler|"
    r"prós|contras|комментарий)\s*:?", re.I)


def labelled_sections(body_el, block, skip: list) -> str | None:
    """Pros and cons kept together: when the body sits in one of several sibling sections
    that each open with such a label ("Pros" / "Cons"), or such sections follow it, the body
    is all of them, labels included (a con read as the whole review would flip its
    sentiment)."""
    if body_el is None or body_el is block:
        return None
    if (rows := prose_rows(body_el, skip)) is not None:
        return rows  # a text in one row of labelled rows, among attribute rows (reviews_specrows)
    inside = Covered(skip)
    kids = [c for c in body_el if tag(c) and c not in inside and element_text(c).strip()]
    if len(kids) >= 2 and _question_label(kids[0]) and all(_opens_with_label(c) for c in kids):
        return _asked_first(kids, skip)  # the text is the answers to the site's questions (G2)
    if len(kids) >= 2 and all(_opens_with_label(c) for c in kids) and _byline_at_most(body_el):
        # every part of the text is a labelled section ("Pros: …", "Cons: …"), beside a by-line
        # printed as bare text ("Review by NAME  DATE", Epinions): the sections are the text
        return _asked_first(kids, skip)
    node = body_el
    for _ in range(3):
        parent = node.getparent()
        if parent is None or node is block:
            return None
        sections = [c for c in parent if tag(c) and c not in inside and _opens_with_label(c)]
        if len(sections) >= 2 and any(c is node for c in sections):
            return _asked_first(sections, skip)
        if (len(sections) >= 2 or sections and _opens_with_label(sections[0], asked=False)) \
                and all(node in c.itersiblings(preceding=True) for c in sections):
            # the text, then "Pros" and "Cons" sections after it (Indeed), or only one of them
            # ("Zalety", "Pros"; not a lone question: "Helpful? Yes (3)"): all of them
            return " ".join([text_without(body_el, skip)] + [text_without(c, skip) for c in sections])
        if parent is block:
            return None
        node = parent
    return None


def _byline_at_most(el) -> bool:
    """Whether an element's own text (its children's left out) is nothing or a dated by-line."""
    own = own_text(el)
    return not own or len(own) <= 80 and find_date_text(own) is not None


def _asked_first(sections: list, skip: list) -> str:
    """The sections' text; the site's first question left out: it is the prompt for the
    whole text (G2's "What do you like best about X?"), as a first "Comments:" is. The later
    questions stay, as "Cons" does."""
    text = " ".join(text_without(c, skip) for c in sections)
    asked = _question_label(sections[0])
    return text[len(asked):].strip() if asked and text.startswith(asked) else text


def _opens_with_label(el, asked: bool = True) -> bool:
    first = next((t.strip() for t in el.itertext() if t.strip()), "")
    return bool(first) and SECTION_LABEL.fullmatch(first) is not None or asked and bool(_question_label(el)) \
        or bool(first) and _opens_with_icon(el) is True


# an icon standing for a section's label: a thumb up or down, a plus or minus, "pros"/"cons"
_SECTION_ICON = re.compile(r"thumbs?[-_]?(?:o[-_])?(?:up|down)|(?<![a-z])(?:pros?|cons?|plus|minus|positive|negative|"
                           r"advantages?|disadvantages?)(?![a-z])", re.I)


def _opens_with_icon(el) -> bool | None:
    """Whether the first thing in `el`, before any text, is an empty element named for a pros
    or cons icon (<i class="fa fa-thumbs-o-up"></i>): a section labelled by a picture, not a
    word (True); text first (False); neither inside `el` (None)."""
    if (el.text or "").strip():
        return False
    for c in el:
        if tag(c):
            if _SECTION_ICON.search(attrs_text(c)) and not element_text(c).strip():
                return True
            if (c.text or "").strip():
                return False
            if (inner := _opens_with_icon(c)) is not None:
                return inner
        if (c.tail or "").strip():
            return False
    return None


def _question_label(el) -> str | None:
    """The question a section opens with, in an element of its own, before the answer (G2:
    "What do you dislike about X?" then the text); None when it opens otherwise."""
    first = next((t.strip() for t in el.itertext() if t.strip()), "")
    if not 8 <= len(first) <= 150 or not first.endswith(("?", "？")):
        return None
    head = next((c for c in el.iterdescendants() if tag(c) and (c.text or "").strip() == first), None)
    q = clean_text(element_text(head)) if head is not None else None
    if q != clean_text(first):
        return None  # (the question opens a paragraph that goes on: the reviewer's words)
    return q if len(clean_text(element_text(el)) or "") > len(q) + 10 else None  # (a question alone: no section)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


_BODY_LABEL_WORDS = (r"comments?|review|kommentar|commentaire|comentario|comentários|comentário|commento|opmerking|"
                     r"комментарий|отзыв|komentář|komentarz|yorum|omdöme")
_BODY_LABEL = re.compile(r"(?:" + _BODY_LABEL_WORDS + r")\s*:?", re.I)
# the same label opening the text, with its colon ("Comentários: Usamos…", Capterra)
_BODY_LABEL_PREFIX = re.compile(r"^(?:" + _BODY_LABEL_WORDS + r")\s*:\s+", re.I)


def without_section_headings(body_el, body: str | None, skip: list) -> str | None:
    """B2B review sites split a review into sections under headings ("Use cases", "Pros"):
    the headings are labels, not what the reviewer wrote."""
    if body_el is None or not body:
        return body
    heads = [h for h in body_el.iterdescendants() if tag(h) in _HEADINGS]
    first = next((c for c in body_el if tag(c)), None)
    if first is not None and first not in heads and _BODY_LABEL.fullmatch(element_text(first)) \
            and not (body_el.text or "").strip():
        heads.append(first)  # Ozon's "Комментарий" above the text: a label in an element of its own
    if not heads:
        return body
    rest = without_item_lead(body_el, text_without(body_el, skip + heads), skip + heads)
    return rest if text_weight(rest) >= 20 else body  # (a short CJK text is a text: "质量很好，物流也快")


_LEFTOVER = re.compile(
    r"\s*(?:(?:was this|did you find this) (?:review )?helpful\??.*$|war diese bewertung hilfreich\??.*$|cet avis vous a-t-il été utile\??.*$|"
    r"¿?te ha resultado útil\??.*$|(?:\d+\s+)?(?:people|personen|personnes|personas|mensen)\s+.*(?:helpful|hilfreich|utile|útil|nuttig).*$|"
    # "Personne n'a trouvé cette évaluation utile", "1 personne a trouvé cette évaluation utile" (one or nobody)
    r"(?:\d+\s+|une\s+)?personne\s+(?:n['’]\s*)?a\s+trouvé\s+(?:cette\s+évaluation|cet\s+avis|ce\s+commentaire)\s+utile.*$|"
    r"report(?: abuse)?$|melden$|signaler$|denunciar$)", re.I)


# every _LEFTOVER alternative needs one of these words: most texts skip the costly pattern
_LEFTOVER_WORD = re.compile(r"helpful|hilfreich|utile|útil|nuttig|report|melden|signaler|denunciar", re.I)


def strip_leftovers(text: str | None) -> str | None:
    t = clean_text(text)
    if not t:
        return None
    if _LEFTOVER_WORD.search(t):
        t = _LEFTOVER.sub("", t).strip()
    t = re.sub(r"^[–—\-·|•:]\s+", "", t)  # (":" left by a removed "NAME: text")
    t = _EMPTY_BRACKETS.sub("", t)  # (the brackets a toggle left: "… (<a>展开</a>)")
    t = _BODY_LABEL_PREFIX.sub("", t)
    t = VERIFIED.sub("", t).strip() if len(t) < 40 and may_be_verified(t) else without_stamp(t)
    t = t.strip()
    if len(t) >= 2 and t[0] in QUOTES and t[-1] in QUOTES:
        t = t[1:-1].strip()
    elif t[-1:] in "”“»«" and not any(q in t[:-1] for q in QUOTES if q not in "'’"):
        t = t[:-1].strip()  # a closing mark alone (the opening one drawn by the style sheet)
    if _FIGURES_ONLY.fullmatch(t):
        return None  # a count left over ("(3)", a vote beside a review with no text): no text
    return clean_text(t)


_EMPTY_BRACKETS = re.compile(r"\s*[(\[（【]\s*[)\]）】]$")
_FIGURES_ONLY = re.compile(r"[\d\s()\[\].,:;+\-/#*|]*")
