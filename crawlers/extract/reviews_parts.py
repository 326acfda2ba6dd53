"""Parts of a review block that are easy to mistake for others: the screen-reader copy of a
rating inside a title, the reviewer's name set as a heading, the reviewer's card of details
(country, room, nights) beside the text, the name of the pictured film or product (and the
linked card of the item bought), the reviewer's role in their byline."""
from __future__ import annotations

import re

from .reviews_authors import inside_any, name_like
from .reviews_reviewed import PERSON_HREF
from .reviews_body import BODY_ATTR, SECTION_LABEL, Covered
from .reviews_verified import VERIFIED
from .reviews_dates import find_date_text
from .reviews_layout import SURVEY_RESPONSE, text_without
from .reviews_normalize import COUNT_WORDS, clean_text, element_text, rating_from_text
from .reviews_widgets import attrs_text, bem_elements, rating_of, tag


def title_text(el) -> str | None:
    """A title's text without the screen-reader copy of the rating and badge a site may put
    inside it ("Bananas<span class=vc>Rated 1 out of 5Verified purchase</span>"). A section's
    label alone ("Pros", "Zalety": the heading of the review's pros, named "feature__title") is
    no title: None."""
    if not len(el):
        t = clean_text(element_text(el))
    else:
        extra = [d for d in el.iterdescendants() if tag(d) and (t := element_text(d)) and len(t) <= 80
                 and (_RATING_WORDS.search(t) and rating_from_text(t) is not None or VERIFIED.fullmatch(t.strip()))]
        t = clean_text(text_without(el, extra) if extra else element_text(el))
    return None if t and SECTION_LABEL.fullmatch(t) else t


_RATING_WORDS = re.compile(r"\bout of\b|\bstars?\b|\brated\b|\bvon\b|\bsur\b|\bde\b|/", re.I)


def name_heading_before(block, title_el, skip: list):
    """With the title found elsewhere, a heading before it that holds a name is the
    reviewer's (Booking.com sets "Guest" or the guest's name as an h4 above the review)."""
    inside = Covered(skip)
    for el in block.iter():
        if el is title_el:
            break
        if tag(el) not in ("h1", "h2", "h3", "h4", "h5", "h6") or el in inside \
                or any(tag(c) for c in el.iterdescendants() if element_text(c)):
            continue
        t = clean_text(element_text(el))
        if t and len(t) <= 40 and name_like(t) and not find_date_text(t) and rating_from_text(t) is None \
                and not VERIFIED.search(t):
            return el, t
    return None, None


def author_card(block, author_el, fields: list):
    """The reviewer's card around the name: the largest element holding the name and none
    of the rating, date and title, when it is a few short lines (Booking.com: country, room,
    nights, kind of trip); its lines are not the review's text. None when there is none."""
    if author_el is None:
        return None
    fields = [f for f in fields if f is not None]
    node, card = author_el, None
    while True:
        parent = node.getparent()
        if parent is None or parent is block or any(inside_any(f, [parent]) for f in fields):
            break
        node = card = parent
    if card is None or any(tag(d) in ("p", "blockquote") or BODY_ATTR.search(re.sub(r"review", "", attrs_text(d)))
                           for d in card.iter() if tag(d)):
        return None
    lines = [t for t in (element_text(d) for d in card.iter() if tag(d) and len(d) == 0) if t]
    rest = text_without(card, [author_el])
    return card if len(lines) >= 3 and len(rest) <= 150 or _AFFILIATION.fullmatch(rest) else None


# the rest of a by-line after the name: where the reviewer works ("<b>NAME</b> of <a>Kiva</a>", "at ACME",
# "@ ACME", ", CEO of ACME")
_AFFILIATION = re.compile(r"(?:of|at|from|with|von|bei|chez|de|di|van|@|[,|·–—-])\s*[^\W\d_][^.!?]{0,58}", re.I)


# a heading the site names the review's head ("<h3 class="review-head">", under an h2 naming the
# product reviewed): the review's title (a row named so, with the name and the date, is none)
_REVIEW_HEAD = re.compile(r"(?<![\w-])(?:review|comment)s?[-_]+head(?![\w-])", re.I)


def review_head(el) -> bool:
    return tag(el) in ("h1", "h2", "h3", "h4", "h5", "h6") and bool(_REVIEW_HEAD.search(attrs_text(el)))


# the alt of an item's picture that adds "reviews" to its name ("Shop X отзывы", "Hotel Y reviews")
_ITEM_REVIEWS = re.compile(r"\s*[-–:]?\s*(?:reviews?|ratings|opinions|отзывы|відгуки|opinie|avis|bewertungen|"
                           r"erfahrungen|rezensionen|recensioni|opiniones|opiniões|avaliações|recenze|hodnocení|"
                           r"yorumları|yorumlar|recensies|beoordelingen|omdömen|anmeldelser|arvostelut|κριτικές)")


# a year after a work's name ("Love, Simon 2018", "Heat (1995)"), or a bracket holding it
# ("(2016年製作の映画)": "a film made in 2016", a Japanese film site; "(1995 film)")
_YEAR_AFTER = re.compile(r"\s*(?:[(（]?(?:1[89]|20)\d{2}[)）]?|[(（][^()（）]{0,20}(?:1[89]|20)\d{2}[^()（）]{0,20}[)）])$")


def names_picture(block, title_el, title: str | None) -> bool:
    """Whether a "title" only repeats the alt text of a picture in the block that is not the
    reviewer's: the name of the film or product reviewed, shown beside its poster or photo
    (a list of reviews of many films, Letterboxd), not a title the reviewer wrote; also a line
    that only says what the review is for ("für <b>PLACE</b> in <b>TOWN</b>", "Review for NAME, TOWN"),
    a linked name whose page the card's item links give too (see item_href), or a brand's line
    (see brand_line), or a heading named for the business reviewed (see item_named)."""
    return _picture_named(block, title_el, title) is not None or item_line(title_el) or item_href(block, title_el) \
        or brand_line(title_el) or brand_line(_next_line(title_el)) or review_for(title) \
        or item_named(title_el)


# "Review for NAME, PLACE": a heading that only says whose review it is (a feed of the latest reviews of
# many care homes, shops, doctors), the reviewed thing's name after the word, no words of the reviewer's
_REVIEW_FOR = re.compile(r"(?:reviews?|rating|opinions?|bewertung|erfahrungsbericht|avis|opini[oó]n|recensione|recenze|"
                         r"opinia|отзыв|відгук)\s+(?:for|of|about|on|für|von|zu|über|sur|de|sobre|di|su|na|o|об|о|про)\s+(.+)",
                         re.I)
# the little words a name may hold between its capitalised ones ("Walton on Thames", "Home & Care")
_NAME_LINKS = {"&", "and", "of", "the", "on", "upon", "in", "at", "de", "la", "le", "du", "des", "y", "und", "am", "an",
               "der", "die", "das", "-", "–"}


def review_for(title: str | None) -> bool:
    m = _REVIEW_FOR.fullmatch(" ".join((title or "").split()))
    words = [w for w in re.split(r"[\s,]+", m.group(1)) if w] if m else []
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.casefold() in _NAME_LINKS for w in words)


# a class naming a heading or its link the firm's or shop's name ("kuchikomi-company-name", "employer"):
# the business reviewed, heading each review of a feed of many
_ITEM_NAMED = re.compile(r"(?:^|[-_])(?:company|employer|firm|brand|shop|store|merchant|vendor)(?:[-_]?name)?$", re.I)


def item_named(title_el) -> bool:
    """Whether a "title", or the one link it is, is named for the business reviewed (_ITEM_NAMED)."""
    links = list(title_el.iter("a"))
    els = [title_el] + (links if len(links) == 1 and element_text(links[0]) == element_text(title_el) else [])
    return any(_ITEM_NAMED.search(c) for el in els for c in (el.get("class") or "").split())


# a link asking for a review of the item: "Write a review", "Оставить отзыв", "Bewertung schreiben"
_WRITE_REVIEW = re.compile(
    r"(?:write|leave|add|post|submit|rate)\s+(?:a\s+|your\s+|this\s+)?(?:review|rating|comment|opinion)|"
    r"(?:оставить|написать|добавить)\s+отзыв|(?:залишити|написати|додати)\s+відгук|bewertung\s+(?:schreiben|abgeben)|"
    r"écrire\s+un\s+avis|donner\s+(?:un|votre)\s+avis|escribir\s+(?:una\s+)?(?:opinión|reseña)|"
    r"(?:deixar|escrever)\s+(?:uma\s+)?avalia|yorum\s+(?:yap|yaz)|napisz\s+opini|napsat\s+recenzi|scrivi\s+una\s+recensione",
    re.I)
_REVIEW_COUNT = re.compile(r"\d[\d\u00a0 .,]*\s*(?:" + COUNT_WORDS + r")", re.I)


def write_review_line(text: str | None) -> bool:
    """Whether a short line is only the call to write a review ("Write your review"): no title."""
    return bool(text) and len(text) <= 40 and _WRITE_REVIEW.fullmatch(text.strip(" .!>»›→")) is not None


def _href(a) -> str:
    return (a.get("href") or a.get("data-href") or "").split("#")[0].rstrip("/")  # (a script's link: data-href)


# the rest of a review's own address below its item's page: "/kutikomi/717938.html", "/reviews/12345"
# (one or two steps down, a review word and a number of three figures or more)
_BELOW = re.compile(r"(?:/[\w.-]+){1,2}/?")
_REVIEW_STEP = re.compile(r"review|kuchikomi|kutikomi|comment|opinion|otzyv|bewertung|avis", re.I)


def _review_below(href: str, item: str) -> bool:
    rest = href[len(item):] if item and href.startswith(item) else ""
    return bool(_BELOW.fullmatch(rest) and _REVIEW_STEP.search(rest) and re.search(r"\d{3}", rest))


def item_href(block, title_el) -> bool:
    """Whether a linked "title" links to the reviewed item's page: another link of the card
    gives the same page around the item's picture, its review count ("26 reviews") or a
    "write a review" button. A feed of reviews of many items names each one so."""
    links = [title_el] if tag(title_el) == "a" else list(title_el.iter("a"))
    if len(links) != 1 or not _href(links[0]):
        return False
    for a in block.iter():  # (any element: a script's link is a data-href, around a doctor's portrait)
        if a is not links[0] and tag(a) and _review_below(_href(a), _href(links[0])):
            return True  # the review's own page below the linked one ("/review/11601/kutikomi/717938.html")
        if a is links[0] or not tag(a) or _href(a) != _href(links[0]):
            continue
        text = element_text(a)
        if _WRITE_REVIEW.search(text) or _REVIEW_COUNT.fullmatch(text) or not text and any(
                not _PERSON_PICTURE.search(" ".join(i.attrib.values())) for i in a.iter("img")):
            return True
    return False


# the maker of the reviewed product, linked to its page or named so: "<h2><a href="/brands/acme">Acme</a>"
# under the product's name (a beauty site's review cards); neither line is the review's title
_BRAND = re.compile(r"(?:^|[/\s_-])brands?(?:$|[/\s_?-])", re.I)


def brand_line(el) -> bool:
    """Whether `el` is a short line naming a brand: named so, or holding only a link to a
    brand's page."""
    if el is None or len(element_text(el)) > 40:
        return False
    links = [a for a in el.iter("a")]
    if _BRAND.search(attrs_text(el)):
        return True
    return len(links) == 1 and element_text(links[0]) == element_text(el) and bool(_BRAND.search(links[0].get("href") or ""))


def _next_line(el):
    nxt = el.getnext() if el is not None else None
    while nxt is not None and not (tag(nxt) and element_text(nxt).strip()):
        nxt = nxt.getnext()
    return nxt


# what a review is for, in a line of its own: "für <b>Praxis X</b> in <b>Köln</b>", "about <a>Hotel</a>",
# "o <a>Sklep</a>", "sur <a>Assureur</a>": a preposition, then the reviewed thing (and its place) in
# bold or linked children, no words of the reviewer's
_FOR_WORD = re.compile(r"(?:for|about|on|für|über|zu|pour|sur|à propos de|para|sobre|per|su|voor|over|"
                       r"dla|o|pro|k|для|о|об|про|için|hakkında)$", re.I)
_CONNECTING = re.compile(r"(?:[^\W\d_]{1,4}|[,·|–-])?")  # "in", "at", "à", "w", "в", ","


def item_line(el) -> bool:
    """Whether `el` is a line naming the reviewed item after a preposition (see _FOR_WORD)."""
    if el is None or not len(el) or any(tag(c) not in ("b", "strong", "a", "em") or len(c) > 1 for c in el):
        return False
    if not _FOR_WORD.match(" ".join((el.text or "").split())):
        return False
    return all(_CONNECTING.fullmatch(" ".join((c.tail or "").split())) for c in el)


def _picture_named(block, title_el, title: str | None):
    if not title:
        return None
    core = _YEAR_AFTER.sub("", title).strip().casefold()
    cut = core[:-3] if core.endswith("...") else core[:-1] if core.endswith("…") else None
    cut = cut.rstrip(" ([-–—,:") if cut else None  # (a long name cut short: "Beginners and Returners (...")
    for img in block.iter("img"):
        if _REVIEW_MEDIA.search(img.get("src") or "") or _REVIEW_MEDIA.search(img.get("data-src") or ""):
            continue  # a photo the reviewer added, stored with the review's media: its alt is the review's title
        # (its alt, or its title when it has none: "<img src=… title="2014 Make Model"/>")
        for alt in {" ".join((img.get(n) or "").split()).casefold() for n in ("alt", "title")}:
            if len(alt) >= 2 and (alt == core or cut and len(cut) >= 12 and alt.startswith(cut) or alt.startswith(core)
                                  and _ITEM_REVIEWS.fullmatch(alt[len(core):])) and not any(
                    _PERSON_PICTURE.search(attrs_text(a)) for a in [img, *img.iterancestors()][:3]):
                return None if inside_any(img, [title_el]) else img
    return None


def item_card(block, title_el, title: str | None):
    """The card of the reviewed item around its pictured name: photo, name, price, categories,
    address (a Yelp reviewer's page lists each business so above the review), when it holds
    neither stars nor a date; its lines are no title. None when there is no such card."""
    img = _picture_named(block, title_el, title)
    if img is None:
        return None
    for card in title_el.iterancestors():
        if card is block:
            return None
        if inside_any(img, [card]):
            text = element_text(card)
            return card if len(text) <= 300 and not find_date_text(text) and rating_from_text(text) is None \
                and not any(rating_of(d) is not None for d in card.iter() if tag(d)) else None
    return None


# (and the reviewer's own photos: a "gallery" under the text, its pictures titled with the review's title)
# a picture's address in a site's store of reviews' media ("/review-media/pictures/…", "/review_images/")
_REVIEW_MEDIA = re.compile(r"reviews?[-_]?(?:media|photos?|images?|pictures?|uploads?)/", re.I)
_PERSON_PICTURE = re.compile(r"avatar|profile|user|author|reviewer|member|gravatar|gallery", re.I)


def item_links(block) -> list:
    """The links in `block` that are the card of the item reviewed: pictures that are no
    person's and lines that only repeat the link's title, a name of three words or more (a
    shop's reviews each end with the listing bought, its photo and its name twice; a name
    longer than a short review is no text of it)."""
    out = []
    for a in block.iter("a"):
        name = " ".join((a.get("title") or "").split())
        if len(name) < 12 or len(name.split()) < 3 or PERSON_HREF.search(a.get("href") or ""):
            continue
        pictures = list(a.iter("img"))
        lines = [" ".join(t.split()) for d in a.iter() if tag(d) and len(d) == 0 and (t := element_text(d))]
        if pictures and not any(_PERSON_PICTURE.search(" ".join(i.attrib.values())) for i in pictures) \
                and lines and all(t == name for t in lines):
            out.append(a)
    return out


# the element around a reviewer's name that holds their byline
_BYLINE = re.compile(r"cite|byline|author", re.I)


def byline_role(author_el, title_el) -> bool:
    """Whether a "title" sits beside (or inside) the reviewer's name in their byline
    ("<cite><span>Pn yusnita</span><span class=…__title>manager, ipoh</span></cite>",
    Elementor): the person's role and town, not the review's title."""
    if inside_any(title_el, [author_el]):
        return True
    p = author_el.getparent()
    return p is not None and title_el.getparent() is p and (tag(p) == "cite" or bool(_BYLINE.search(bem_elements(attrs_text(p))))) \
        and len(element_text(p)) <= 120 and any(s is title_el for s in author_el.itersiblings())


def heading_over_stars(block, heading, rating_el) -> bool:
    """Whether a heading stands right above the stars in a block that holds nothing else but
    one text (a law firm's reviews: "Елена", five stars, the text): a name there is the
    reviewer's, not a title."""
    nxt = heading.getnext()
    while nxt is not None and not tag(nxt):
        nxt = nxt.getnext()
    if nxt is None or not (nxt is rating_el or inside_any(rating_el, [nxt])):
        return False
    lines = [d for d in block.iter() if tag(d) and element_text(d) and not any(tag(c) and element_text(c) for c in d)
             and not inside_any(d, [heading, nxt])]
    return len(lines) == 1 and len(element_text(lines[0])) > 40


_INLINE_TITLE = {"span", "b", "strong", "em", "i"}


def runs_on(title_el, title: str | None, body_el, body: str | None) -> bool:
    """Whether a "title" is the opening words of the text set in bold, running on into it in
    one paragraph (DealerRater: "… and he got me" "the car I wanted!"): no full stop at its
    end, the text going on in lower case; or a bold sentence heading the paragraph (bold_lead),
    shown as the text's first words. The text then starts with it."""
    if not title or not body or title_el is None or body_el is None or tag(title_el) not in _INLINE_TITLE:
        return False
    paragraph = title_el.getparent()
    if paragraph is None or not (body_el.getparent() is paragraph or body_el is paragraph):
        return False
    if tag(title_el) in ("b", "strong") and bold_lead(title_el):
        return not body.startswith(title)
    return title[-1] not in ".!?…:;)\"”»" and body[:1].islower()


_QUESTION = re.compile(r"question", re.I)


def answers_question(el) -> bool:
    """Whether an element named a "response" is the reviewer's answer to a question the site
    asks (TrustRadius: "question" then "response", in one box; "question-response-container"
    inside; G2's "survey-response"), not a reply to the review."""
    if SURVEY_RESPONSE.search(attrs_text(el)):
        return True
    for node in [el, *list(el.iterancestors())[:4]]:
        if _QUESTION.search(attrs_text(node)):
            return True
        prev = node.getprevious()
        while prev is not None and not tag(prev):
            prev = prev.getprevious()
        if prev is not None and _QUESTION.search(attrs_text(prev)):
            return True
    return False


def bold_lead(bold) -> bool:
    """Whether a bold sentence opens a paragraph's text (after nothing but icons: a widget's
    stars) and longer text follows it in the paragraph: the reviewer's headline, set in bold
    at the head of the text ("<p><span>★★★★★</span><b>Works great!</b> I have used …</p>")."""
    p = bold.getparent()
    if tag(p) != "p" or (p.text or "").strip():
        return False
    if any(element_text(s).strip() or (s.tail or "").strip() for s in bold.itersiblings(preceding=True)):
        return False
    t = element_text(bold).strip()
    return 3 <= len(t) <= 80 and t[-1] in "!?." and len((bold.tail or "").strip()) > 2 * len(t)
