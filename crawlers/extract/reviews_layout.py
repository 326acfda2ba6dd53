"""Finding review blocks in a page's layout, and reading a block's fields.

Blocks are found from anchors: every rating widget (else every date, else repeated
elements named like reviews/testimonials/comments) is climbed up to the largest ancestor
that holds no other anchor; blocks that are siblings in one list and carry text are
reviews. Sub-rating rows and rating histograms (siblings with no text) are dropped.
"""
from __future__ import annotations

import re

import lxml.html

from .reviews_aggregate import STAR_FILTER, counted_card, stars_beside_count, states_score_with_count
from .reviews_builders import byline_card
from .reviews_bylines import byline_date
from .reviews_cards import without_place
from .reviews_microformats import names_aggregate
from .reviews_scores import counts_of_a_total
from .reviews_sections import cards_in_named_box, headed_list, quoted_list, review_collection, review_item_class
from .reviews_dates import find_date_text, month_only, no_stamp
from .reviews_joined import joined_date
from .reviews_definitions import term_of
from .reviews_gridcard import grid_card
from .reviews_highlights import viewer_copies
from .reviews_itemlines import CARD_PRICE
from .reviews_itempages import list_reply_words, without_words
from .reviews_linkcards import names_part, review_link_cards
from .reviews_lone import lone_cited_quote, lone_testimonial, lone_text_block
from .reviews_reviewer import reviewer_boxes
from .reviews_normalize import COUNT_WORDS, SCALE_WORDS, element_text
from .reviews_summary import credited_score, is_score_summary
from .reviews_signed import attributed_quotes
from .reviews_teasers import blog_teaser, dated_link, full_review_teasers
from .reviews_widgets import (REPLY_ATTR, SCORE_VERDICT, SKIP_TAGS, SUMMARY_ATTR, attrs_text, classes, rating_of, tag)
from .reviews_siblings import alike_cards, alike_named, narrowed_to_cards, unrated_siblings
from .reviews_posttypes import not_review_posts
from .reviews_tilereviews import tile_reviews
from .reviews_twice import shown_twice

# what a rating badge inside a review may belong to besides the review
_STAFF = re.compile(r"employee|staff|salesperson", re.I)


def rating_anchors(root) -> list:
    """Outermost rating widgets in document order."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str) or tag(el) in SKIP_TAGS:
            continue
        r = rating_of(el)
        if r is not None:
            found.append((el, r))
    ids = {id(e) for e, _ in found}
    out = []
    for el, r in found:
        if any(id(anc) in ids for anc in el.iterancestors()):
            continue
        if _STAFF.search(attrs_text(el)) or any(_STAFF.search(attrs_text(a)) for a in el.iterancestors()):
            continue  # the rating of the employee the reviewer dealt with (DealerRater), not the review's
        if out and out[-1][1] == r and (out[-1][0].getparent() is el.getparent() or shown_twice(out[-1][0], el)):
            continue  # stars and a "3/5" side by side (or each in a wrapper, nothing between): one rating, shown twice
        out.append((el, r))
    copies = viewer_copies(out) if len(out) > 1 else set()
    return [(el, r) for el, r in out if id(el) not in copies] if copies else out


def date_anchors(root) -> list:
    out = []
    for el in root.iter():
        t = tag(el)
        if not t or t in SKIP_TAGS:
            continue
        if t == "time" or el.get("itemprop") in ("datePublished", "dateCreated"):
            out.append(el)
            continue
        if len(el) == 0 or t in ("span", "small", "p", "div", "li", "td", "dd"):
            text = element_text(el)
            if text and len(text) <= 60 and (frag := find_date_text(text)) and not no_stamp(text, frag) and not any(
                    tag(c) and find_date_text(element_text(c)) for c in el):
                out.append(el)
                continue
        if byline_date(el):  # "Reviewed by <b>NAME</b> on 03/14/2009." beside a long <small>
            out.append(el)
        elif len(el) == 0 and month_only(element_text(el)):
            out.append(el)  # "August 2014" alone (Airbnb): a review's date line, too vague to store
    ids = {id(e) for e in out}
    return [e for e in out if not any(id(a) in ids for a in e.iterancestors()) and not joined_date(e)
            and not any(REPLY_ATTR.search(without_words(SURVEY_RESPONSE.sub(" ", attrs_text(a)), list_reply_words(e)))
                        for a in [e, *e.iterancestors()][:4])]  # a reply's date (not a list's "responses")


# the reviewer's answers to the site's survey, no reply: G2 names each review "survey-response-<id>"
SURVEY_RESPONSE = re.compile(r"(?:survey|questionnaire)[-_]?(?:response|answer)", re.I)


_KEYWORD = re.compile(r"review|testimon|comment|feedback|opinion|bewertung|rezension|erfahrung|"
                      r"kundenstimme|avis|temoignage|témoignage|resena|reseña|opinione|recensione|"
                      r"beoordeling|ervaring|quote|recommendation|kuchikomi|kutikomi|otzyv|otziv|recenz|yorum|"
                      r"pinglun|dianping|avaliac|valoraci|opini[ae]|recensie|arvostel|omd[oö]me|anmeldelse|"  # (评论, 点评)
                      r"[eé]rt[eé]kel|hodnocen|vidguk|danh-?gia|ulasan|hugi", re.I)  # (口コミ, отзыв, відгук, đánh giá, 후기)
_KEYWORD_EXCLUDE = re.compile(r"count|summary|average|overall|total|form|button|btn|link|nav|header|title|"
                              r"filter|sort|(?<![a-z])tab|(?-i:Tab)|stats|histogram|breakdown|write|add|cta|pagination|list|"
                              r"section|container|wrapper|carousel|slider|track", re.I)


def keyword_candidates(root) -> list:
    out = []
    for el in root.iter():
        t = tag(el)
        if not t or t in SKIP_TAGS or t in ("a", "span", "button", "input", "form", "img", "h1", "h2", "h3"):
            continue
        a = attrs_text(el)
        if t == "blockquote" or (_KEYWORD.search(a) and not _KEYWORD_EXCLUDE.search(a)) or review_item_class(el):
            out.append(el)
    return out


def _climb(anchors: list, root) -> list:
    """For each anchor: the largest ancestor that holds no other anchor."""
    count: dict[int, int] = {}
    for a in anchors:
        for anc in [a, *a.iterancestors()]:
            count[id(anc)] = count.get(id(anc), 0) + 1
    blocks = []
    for a in anchors:
        node = a
        while True:
            parent = node.getparent()
            if parent is None or tag(parent) in ("body", "html") or count.get(id(parent), 0) > 1:
                break
            node = parent
        blocks.append(node)
    return blocks


_AGGREGATE_TEXT = re.compile(r"based on|basierend auf|basé sur|basado en|gebaseerd op|basato su|"
                             r"\b\d[\d.,\s]*(?:[kKmM]|тыс\.?)?\s*(?:[^\W\d_]+\s+)??(?:" + COUNT_WORDS + r")(?!\w)|"
                             r"(?:отзывы|omdömen)\s*[:(]?\s*\d|(?:reviews|ratings|bewertungen|avis)\s*[:(]\s*\d|"
                             r"(?:average|overall|durchschnitt|moyenne|promedio|gemiddeld|media)"
                             r"(?:\s+(?:rating|score))?", re.I)
_SCALE = re.compile(r"(?<!\w)(?:" + SCALE_WORDS + r")(?!\w)\s*\d*", re.I)  # "out of 5", "out of" (its 5 read as a count)


def _text_len_without(block, skip: list) -> int:
    return len(text_without(block, skip))


_INLINE = {"span", "a", "b", "i", "em", "strong", "small", "u", "sup", "sub", "mark", "abbr", "q", "cite", "font"}


def text_without(el, skip: list) -> str:
    """Visible text of `el` leaving out the subtrees in `skip`."""
    skip_ids = {id(s) for s in skip}
    parts: list[str] = []

    def walk(node):
        t = tag(node)
        if id(node) in skip_ids or t in SKIP_TAGS or t in ("button", "select", "input", "textarea", "svg", "form"):
            pass
        else:
            if t == "br":
                parts.append(" ")
            if node.text and t:
                parts.append(node.text)
            for c in node:
                block = tag(c) and tag(c) not in _INLINE
                if block:
                    parts.append(" ")
                walk(c)
                if block:
                    parts.append(" ")
                if c.tail:  # (after the space a block ends with: "ab<br>cd<span></span>ef" is no "cd ef")
                    parts.append(c.tail)

    walk(el)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def find_blocks(root) -> tuple[list, list]:
    """(review blocks in document order, leftover rating anchors outside blocks)."""
    anchors = rating_anchors(root)
    anchor_els = [a for a, _ in anchors]
    all_anchor_els = list(anchor_els)
    aspects: list = []
    counts: set[int] = set()  # anchors that are a distribution's rows: no page score either
    for _ in range(3):
        blocks = _climb(anchor_els, root) if anchor_els else []
        accepted, dropped_anchor_ids = _accept_groups(blocks, anchor_els, counts=counts)
        if not dropped_anchor_ids:
            break
        aspects += [a for a in anchor_els if id(a) in dropped_anchor_ids]
        # a lone sub-rating row drawn like the dropped ones, in a row like theirs (a review
        # rated on one aspect only, DealerRater's "Overall Experience"), is one too (a kind
        # named by a class: a bare <img> may be any widget's)
        kinds = {k for a in anchor_els if id(a) in dropped_anchor_ids and not (k := _kind(a))[0].endswith(".")}
        anchor_els = [a for a in anchor_els if id(a) not in dropped_anchor_ids and _kind(a) not in kinds]
    if not accepted and aspects:
        # a review rated on its aspects alone (Magento's "Price" and "Quality" bars): the
        # table of them stands for its rating
        from .reviews_subratings import aspect_tables  # (imports this module)
        tables = aspect_tables(aspects)
        terms = [term_of(t) for t in tables]  # (in a definition list: its entry, read as one)
        accepted = [d for d in terms if d is not None]
        rest = [t for t, d in zip(tables, terms) if d is None]
        accepted += _accept_groups(_climb(rest, root), rest)[0] if rest else []
    if not accepted:
        dates = date_anchors(root)
        if dates:
            # (a page of one review dated and unrated, a Steam review card, is one when named so)
            accepted = [b for b in _accept_groups(_climb(dates, root), dates, need_group=len(dates) > 1)[0]
                        if not dated_link(b) and not blog_teaser(b)]  # (a blog's "<a>TITLE</a> 31 days ago", its teasers)
    if not accepted:
        # (one text block alone only on a page with no rating or date to go by: a lone rated card is
        # read from its anchor later)
        accepted = _keyword_blocks(root) or review_link_cards(root) or attributed_quotes(root) or \
            ([] if all_anchor_els or dates else lone_text_block(root)) or \
            lone_testimonial(root) or headed_list(root) or quoted_list(root) or lone_cited_quote(root)
        # (a quote named so, by the page's stars at most; "Latest Reviews"; quoted headlines; a <blockquote> + <cite>)
    else:
        extra = unrated_siblings(accepted, lambda e: without_place(_signature(e)))
        # (and cards drawn like them in another list of the page, with no score or date of their own)
        extra += alike_cards(accepted + extra, lambda e: without_place(_signature(e)),
                             lambda s: bool(_KEYWORD.search(s.partition(".")[2])), root)
        # (and a review's teaser quoted apart, with a link to the whole of it)
        extra += full_review_teasers(root, {id(d) for b in accepted + extra for d in b.iter()})
        if extra:  # a card like the rated ones, with no score (IMDb): a review too
            order = {id(e): i for i, e in enumerate(root.iter())}
            accepted = sorted(accepted + extra, key=lambda e: order.get(id(e), 0))
    accepted = not_review_posts(accepted, {id(a) for a in all_anchor_els})  # (a stream's questions and discussions)
    accepted = narrowed_to_cards(accepted, _signature)  # (a section's heading around one card: no title of it)
    in_blocks = set()
    for b in accepted:
        for d in b.iter():
            in_blocks.add(id(d))
    leftovers = [a for a in all_anchor_els if id(a) not in in_blocks and id(a) not in counts]
    return accepted, leftovers


def _accept_groups(blocks: list, anchors: list, need_group: bool = False, counts: set | None = None) -> tuple[list, set]:
    groups: dict[int, list] = {}
    parents = {}
    for b, a in zip(blocks, anchors):
        p = b.getparent()
        key = id(p) if p is not None else 0
        parents[key] = p
        groups.setdefault(key, []).append((b, a))
    accepted, dropped, moved = [], set(), {}
    for key, members in groups.items():
        # text beside the anchor (all of it when the block carries its rating as an attribute)
        own_len = [_text_len_without(b, [] if a is b else [a]) for b, a in members]
        textlens = sorted(own_len)
        median = textlens[len(textlens) // 2]
        if len(members) >= 2:
            if median < 20 or all(_aspect_label(text_without(b, [] if a is b else [a])) for b, a in members):
                # sub-rating rows: no text, or a label of a few words ("Features & Functionality")
                dropped.update(id(a) for _, a in members)
                continue
            if counts_of_a_total([element_text(a) for _, a in members]):
                dropped.update(id(a) for _, a in members)  # "Positive: 7 out of 7": a distribution's rows
                if counts is not None:
                    counts.update(id(a) for _, a in members)
                continue
            if _rating_header(text_without(members[0][0], [members[0][1]])) and all(n >= 30 for n in own_len[1:]):
                # one review's line of stars and date, then its sections, one with a score of
                # its own ("Likelihood to Recommend 10.0", TrustRadius): the later scores are
                # the review's, the review all of it
                dropped.update(id(a) for _, a in members[1:])
                continue
            texts = [element_text(b) for b, _ in members]
            priced = sum(bool(CARD_PRICE.search(t)) for t in texts)
            if priced > len(members) / 2 and median < 120:
                continue
            for (b, a), t, n in zip(members, texts, own_len):
                if len(t) < 15 or n < 8:
                    continue
                accepted.append(b)
        elif not need_group:
            b, a = members[0]
            if (tag(b) in ("body", "html", "main") or len(element_text(b)) > 4000) and \
                    (card := grid_card(a, b, _signature)) is not None:
                moved[id(card)] = a  # the one rated card of a grid of articles (a magazine's latest)
                accepted.append(card)
                continue
            if (not _KEYWORD.search(attrs_text(b)) or review_collection(b)) and not _names_review_part(b) and \
                    (n := _named_between(a, b)) is not None:
                b, moved[id(n)], own_len = n, a, [_text_len_without(n, [a])]  # a page's one review in a box named for it
            t = element_text(b)
            if tag(b) in ("body", "html", "main") or len(t) > 4000 or len(t) < 30:
                continue
            if _AGGREGATE_TEXT.search(t[:200]) and own_len[0] < 120 and (
                    not (boxes := reviewer_boxes(b)) or _AGGREGATE_TEXT.search(text_without(b, boxes)[:200])):
                continue  # (a count in the reviewer's box, "11 reviews" they wrote, is no summary's)
            if not _KEYWORD.search(attrs_text(b)) and not _names_review_part(b):
                continue
            accepted.append(b)
    order = {id(e): i for i, e in enumerate(blocks[0].getroottree().getroot().iter())} if blocks else {}
    # (nor a block printing its own rating beside a review count: the dealer's or the
    # product's card, "4.9 2,010 Lifetime Reviews", however long its text)
    anchor_of = {id(b): a for b, a in zip(blocks, anchors)} | moved
    accepted = [b for b in accepted if not _is_aggregate_block(b) and not _in_aggregate(anchor_of[id(b)], b)
                and not states_score_with_count(element_text(b), rating_of(anchor_of[id(b)]))
                and not (anchor_of[id(b)] is not b and stars_beside_count(anchor_of[id(b)]))
                and not counted_card(b, anchor_of[id(b)])]  # (a card of a name, stars and "17 reviews")
    return sorted(accepted, key=lambda e: order.get(id(e), 0)), dropped


# an aspect a review is rated on: one to four words of letters ("Ease of Use", "Value for
# Money", "Features & Functionality", "Ease-of-use"), no figure, date or sentence
_ASPECT_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_ASPECT = re.compile(_ASPECT_WORD + r"(?:(?:\s+|\s*[&/]\s*)" + _ASPECT_WORD + r"){0,3}")


def _aspect_label(text: str) -> bool:
    text = _VERDICT_AFTER.sub("", text or "")  # "Food (Outstanding)": the aspect and its score's word
    return bool(text) and len(text) <= 40 and _ASPECT.fullmatch(text) is not None and not find_date_text(text)


_VERDICT_AFTER = re.compile(r"\s*\((?:[^\W\d_]+\s?){1,3}\)$")


def _rating_header(text: str) -> bool:
    """A line of a rating's figures and a date, nothing else ("8 of 10 | 2/7/2017")."""
    frag = find_date_text(text) if text and len(text) <= 60 else None
    rest = text.replace(frag, " ") if frag else ""
    return bool(frag) and not re.search(r"[^\W\d_]{2,}", _SCALE.sub(" ", rest))


def _named_between(anchor, top):
    """The nearest element from a lone anchor up to its climbed block `top` that is named like
    a review ("user-comments") and holds a text (30+ characters), else None."""
    if anchor is top or not any(el is top for el in anchor.iterancestors()):
        return None
    for el in anchor.iterancestors():
        if el is top:
            return None
        a = attrs_text(el)
        if _KEYWORD.search(a) and not _KEYWORD_EXCLUDE.search(a) and len(element_text(el)) >= 30 and not names_part(el):
            return el  # (a review's footer row named for it, "…__review__footer", is no review: the box above it)
    return None


# a part of one review the site names so: "review-title", "review_body", "reviewText"
_REVIEW_PART = re.compile(r"review[-_]?(?:title|headline|body|text|content|card)", re.I)


def _names_review_part(block) -> bool:
    """Whether a lone block holds an element named as a part of a review (a page of one
    review: the block itself has no review-like name)."""
    return any(_REVIEW_PART.search(d.get("class") or "") for d in block.iter() if isinstance(d.tag, str))


def _in_aggregate(anchor, block) -> bool:
    """Whether a block's rating sits in an element marked as the page's aggregate inside it (a
    stats box around an hReview-aggregate header, with aspect averages beside it)."""
    return any(names_aggregate(a) or a is not anchor and credited_score(a) for a in [anchor, *anchor.iterancestors()][:8]
               if a is not block and any(x is block for x in a.iterancestors()))  # (or a badge: "5/5 ON SOMESITE")


def _is_aggregate_block(b) -> bool:
    if names_aggregate(b):
        return True  # hReview-aggregate / schema.org AggregateRating: the page's score, however long
    t = element_text(b)
    if is_score_summary(b):
        return True  # the summary's score on its scale under a heading, nothing else
    if len(STAR_FILTER.findall(t[:600])) >= 2:
        return True  # filter chips by stars ("5 Sao (949)", "4 Sao (26)"): the page's summary
    if len(t) < 160 and re.search(r"based on|basierend auf|basé sur|basado en|gebaseerd op", t, re.I):
        return True
    # named a summary and stating a count: "4,7 / 6 Weiterempfehlung 67 % 3 Bewertungen"
    if len(t) < 120 and SUMMARY_ATTR.search(attrs_text(b)) and _AGGREGATE_TEXT.search(t):
        return True
    # a score and a count and nothing else: "3,0 · 3 Bewertungen", "4.6 (120 reviews)", "9,2/10
    # Hervorragend 1.234 verifizierte Bewertungen"
    if len(t) < 60 and _AGGREGATE_TEXT.search(t):
        t = " ".join(s.strip() for s in b.itertext() if s.strip())  # spans apart: "4.7" "out of 5" "2.3K Ratings"
        rest = _SCALE.sub(" ", SCORE_VERDICT.sub(" ", _AGGREGATE_TEXT.sub(" ", t)))  # (and "out of 5")
        return len(re.sub(r"[\d\W_]+", "", rest)) < 3
    return False


def _kind(anchor) -> tuple[str, str]:
    parent = anchor.getparent()
    return _signature(anchor), _signature(parent) if parent is not None else ""


def _signature(el) -> str:
    cls = " ".join(sorted(c for c in classes(el) if not re.search(r"\d|active|odd|even|first|last|featured|highlight", c)))
    return f"{tag(el)}.{cls}"


def _card_kind(el) -> str:
    """A card's signature without its BEM modifiers: "kuchikomi--good" and "kuchikomi--bad" cards
    are one kind."""
    return re.sub(r"\s*\S+--[\w-]+", "", _signature(el))


def _keyword_blocks(root) -> list:
    cands = []
    for e in keyword_candidates(root):
        p = e.getparent()
        # a blockquote inside a card: use the card (the figure/li/div that also names the author)
        if tag(e) == "blockquote" and p is not None and tag(p) in ("figure", "li", "div", "article") and \
                sum(1 for c in p if tag(c) == "blockquote") == 1 and len(element_text(p)) < len(element_text(e)) + 200:
            e = p
        if all(e is not c for c in cands):
            cands.append(e)
    groups: dict[tuple, list] = {}
    for el in cands:
        p = el.getparent()
        groups.setdefault((id(p), _card_kind(el)), []).append(el)
    # one to a slide or a grid cell ("swiper-slide" > "elementor-testimonial"): the wrappers are
    # the siblings, each holding its element alone
    wrapped: dict[tuple, list] = {}
    for members in groups.values():
        el = members[0]
        p = el.getparent()
        g = p.getparent() if len(members) == 1 and p is not None else None
        if g is not None and element_text(p) == element_text(el):
            wrapped.setdefault((id(g), _signature(el), _signature(p)), []).append(el)
        elif g is not None and (card := byline_card(el)) is not None:  # a quote and its byline in a card
            wrapped.setdefault((id(g), _signature(el), _signature(p)), []).append(card)
    chosen = []
    for members in [*groups.values(), *wrapped.values()]:
        if len(members) < 2:
            continue
        lens = sorted(len(element_text(m)) for m in members)
        if lens[len(lens) // 2] < 30:
            continue
        chosen.extend(members)
    ids = {id(e) for e in chosen}
    chosen = [e for e in chosen if not any(id(a) in ids for a in e.iterancestors())]
    # (no group: a box named for them alone, "customer-quotes", its rows drawn alike)
    out = chosen + alike_named(chosen, _signature, _KEYWORD, root) or cards_in_named_box([m[0] for m in groups.values() if len(m) == 1], _signature) \
        or tile_reviews(root, _signature, _KEYWORD, _KEYWORD_EXCLUDE)  # (or one to each tile of a product grid)
    order = {id(x): i for i, x in enumerate(root.iter())}
    return sorted(out, key=lambda x: order.get(id(x), 0))


# the copies of slides a looped carousel adds at both ends (Swiper, Slick, Splide, Glide, Owl)
_CLONE = re.compile(r"(?:^|\s)(?:swiper-slide-duplicate|slick-cloned|splide__slide--clone|glide__slide--clone|cloned)"
                    r"(?:\s|$)")


def carousel_clone(block) -> bool:
    """Whether a block is (inside) a carousel's clone of a slide: the same review again."""
    return any(_CLONE.search(el.get("class") or "") for el in (block, *block.iterancestors()))


def boilerplate(blocks: list) -> set[int]:
    """ids of the elements whose text (40 characters or more) recurs word for word three
    times or more, in two blocks or more and in at least half of them: a site's disclaimer
    or notice on every review ("This review is the subjective opinion of a Tripadvisor
    member…"; G2's "Review collected by and hosted on G2.com." after each answer), no
    review text."""
    if len(blocks) < 2:
        return set()
    seen: dict[str, list] = {}
    for b in blocks:
        for el in b.iter():
            if el is b or not tag(el) or tag(el) in SKIP_TAGS:
                continue
            t = element_text(el)
            if 40 <= len(t) <= 600:
                els = seen.setdefault(t, [])
                if not els or els[-1][0] is not b or not any(a is els[-1][1] for a in el.iterancestors()):
                    els.append((b, el))  # the outermost element with that text, each time
    out: set[int] = set()
    for els in seen.values():
        n = len({id(b) for b, _ in els})
        if len(els) >= 3 and n >= 2 and n * 2 >= len(blocks) and not _holds_rating(els[0][1]):
            out.update(id(el) for _, el in els)
    return out


def _holds_rating(el) -> bool:
    """Whether an element holds a rating widget: the same stars on every review ("Overall
    5.0 stars Food 5.0 stars…" when all gave five) are each review's rating, no notice."""
    return any(tag(d) and tag(d) not in SKIP_TAGS and rating_of(d) is not None for d in el.iter())


def with_definitions(block):
    """A <dt> block and the <dd> elements after it (a review's text in a definition list),
    wrapped in place in one <div> to read as one review; any other block as it is. (In
    place, not copied: the page memo knows the elements of this one tree.)"""
    if tag(block) != "dt":
        return block
    dds = []
    for sib in block.itersiblings():
        if tag(sib) != "dd":
            break
        dds.append(sib)
    if not dds:
        return block
    review = lxml.html.Element("div")
    block.addprevious(review)
    for el in [block, *dds]:
        review.append(el)  # moves it, with its tail
    return review
