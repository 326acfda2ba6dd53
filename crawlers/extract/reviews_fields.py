"""Reading one review block's fields: rating, author, title, body, date, votes, flags."""
from __future__ import annotations

import re
from datetime import datetime

from .reviews_authors import (_clean_author, find_author, guess_author, inside_any, name_like, review_byline,
                              unshared_reply)
from .reviews_reviewed import PERSON_HREF, trader_boxes
from .reviews_chrome import action_word, list_heading, reply_control, unquoted
from .reviews_addenda import addendum_parts
from .reviews_answers import answer_parts
from .reviews_headed import headed_sections
from .reviews_body import (BODY_ATTR, NOISE_ATTR, QUOTES, Covered, headline_like, labelled_sections, marked_body,
                           short_text, strip_leftovers, title_before, without_section_headings, find_body,
                           vote_lines_only)
from .reviews_verified import NOT_VERIFIED, VERIFIED, may_be_verified
from .reviews_aggregate import item_averages
from .reviews_avatarname import avatar_named
from .reviews_builders import holds_the_text
from .reviews_cards import card_id
from .reviews_gallery import photo_strips
from .reviews_blockdate import find_date
from .reviews_bylines import header_before_title, holds_blocks
from .reviews_microformats import hreview_parts, hreview_rating
from .reviews_leadline import after_text, bold_before_date, split_lead_line
from .reviews_signed import name_signature, quote_after_signature
from .reviews_toggles import joined_cuts, read_more_rest, toggles
from .reviews_posttypes import hover_boxes
from .reviews_verdicts import after_the_text, template_facts, verdict_lines
from .reviews_dates import find_date_text
from .reviews_highlights import more_reviews_links
from .reviews_icons import half_star_class, half_star_figure
from .reviews_itempages import item_count_rows, item_page_title, vote_questions
from .reviews_itemlists import item_boxes
from .reviews_layout import rating_anchors, text_without
from .reviews_lines import (byline_of, chip_row, detail_rows, labelled_dates, leading_labels, option_lines, place_lines,
                             reply_label, spec_lists, stay_lines, truncated_copies)
from .reviews_subratings import overall_figure, sub_rating_mean, sub_rating_rows
from .reviews_parts import (answers_question, author_card, byline_role, heading_over_stars, item_card, item_links,
                            name_heading_before, names_picture, review_head, runs_on, title_text, bold_lead)
from .reviews_normalize import (clean_text, element_text, labelled_score, rating_from_text, rating_label_line,
                                text_longer_than, to_number)
from .reviews_votes import helpful_votes, is_helpful_label
from .reviews_slots import signed_heading
from .reviews_widgets import (REPLY_ATTR, alike_icons, attrs_text, bare_rating, bem_elements, classes, rating_of, raw_mark,
                               tag)

_TITLE_ATTR = re.compile(r"title|headline|heading|subject|summary|caption-?title|(?:^|[\s_-])head(?:$|[\s_-])", re.I)
_TITLE_EXCLUDE = re.compile(r"rating|star|product|author|name|date|user|subtitle|job|avatar|profile", re.I)


# a type size named like a heading ("tw-text-heading-xs", "typography_heading-s", Material's
# "fontTitleMedium") says how a line looks, not what it is (Shopify's store names, Google Maps'
# reviewer names)
_TYPE_SIZE = re.compile(r"(?<![\w-])(?:tw-)?(?:text|typography|font)[-_]?(?:heading|title|headline)[-_]?"
                        r"(?:xxs|xs|s|m|l|xl|xxl|sm|md|lg|\dxl|small|medium|large)?(?![\w-])", re.I)


# the title of a review that the site calls a rating or a comment (Shopee's "rating-title"; ASDA's
# BEM element "pdp-description-reviews__rating-title")
_REVIEW_TITLE = re.compile(r"(?:(?<![\w-])|(?<=__))(?:rating|review|rvw|comment)s?(?:-item)?[-_]+(?:title|headline)(?![\w-])", re.I)


def _named_title(attrs: str) -> bool:
    """Whether an element's attributes (attrs_text) name it a title. (The exclusions read a
    BEM class's element part: "product-review__title" is a title.)"""
    if _REVIEW_TITLE.search(attrs):
        return True
    return bool(_TITLE_ATTR.search(_TYPE_SIZE.sub(" ", attrs))) and not _TITLE_EXCLUDE.search(bem_elements(attrs))


def find_title(block, skip: list):
    inside = Covered(skip)
    for el in block.iter():
        if el is block or not tag(el) or el in inside:
            continue
        if el.get("itemprop") in ("name", "headline") and not _of_a_party(el, block):
            t = clean_text(element_text(el))
            if t and len(t) <= 200:
                return el, t
    # an element the site names the review's title ("review-title") before any heading (a
    # reviewer's name set as a heading comes first on Booking.com)
    for el in block.iter():
        if el is block or not tag(el) or el in inside or not (_REVIEW_TITLE.search(attrs_text(el)) or review_head(el)):
            continue
        if not any(tag(d) in ("p", "div", "ul", "ol", "blockquote") for d in el.iterdescendants()):
            t = title_text(el)
            if t and len(t) <= 200 and not find_date_text(t):
                return el, t
    for el in block.iter():
        if el is block or not tag(el) or el in inside:
            continue
        a = attrs_text(el)
        if tag(el) in ("h1", "h2", "h3", "h4", "h5", "h6") or _named_title(a):
            if _in_avatar(el, block) or list_heading(el):
                continue  # the initials in an avatar ("SK", Udemy), styled as a heading; "User reviews"
            if any(tag(d) in ("p", "div", "ul", "ol", "blockquote", "section", "article") for d in el.iterdescendants()):
                continue
            if any(tag(d) and _named_title(attrs_text(d)) for d in el.iterdescendants()):
                continue  # a title row holding the title and more (a date): the inner title
            t = title_text(el)
            filled = [c for c in el if tag(c) and element_text(c)]
            if len(filled) > 1 and any(find_date_text(element_text(c)) for c in filled):
                continue  # a header row of fields (name, date, badge), not a title
            if action_word(t or ""):
                continue  # a like button whose tooltip's data attribute is named "…-title" ("Vind dit leuk")
            if t and len(t) <= 200 and not find_date_text(t) or (t and len(t) <= 200 and len(t) > 40):
                return el, unquoted(t, QUOTES)
    # a short bold lead line followed by longer text
    for el in block.iter():
        if el is block or not tag(el) or el in inside:
            continue
        if tag(el) in ("strong", "b") and el.getparent() is not None and (
                tag(el.getparent()) not in ("p", "span") or _lead_paragraph(el) or bold_lead(el)) and not after_text(el, block) \
                or tag(el) in ("strong", "b") and bold_before_date(el):
            t = clean_text(element_text(el))
            if t and 3 <= len(t) <= 120 and not find_date_text(t) and not _BARE_FIGURE.fullmatch(t):
                return el, t  # (a bold figure alone is a count, "<b>622</b> friends", or a score: no title)
    return None, None


_BARE_FIGURE = re.compile(r"[\d\s.,]+")


def _of_a_party(el, block) -> bool:
    """Whether a microdata "name" is a person's or a thing's (inside itemprop author,
    publisher or itemReviewed: GetApp repeats the reviewer's), not the review's headline."""
    return any(a.get("itemprop") in ("author", "publisher", "creator", "itemReviewed") for a in el.iterancestors()
               if a is not block)


def _both_named(title_el, body_el) -> bool:
    """Whether the site names one element the title and another the text (Judge.me's
    "jdgm-rev__title" and "jdgm-rev__body"): both are the reviewer's, even when the same."""
    return (title_el is not None and body_el is not None and title_el is not body_el
            and _named_title(attrs_text(title_el)) and bool(BODY_ATTR.search(attrs_text(body_el))))


_AVATAR = re.compile(r"avatar", re.I)


def _in_avatar(el, block) -> bool:
    for a in el.iterancestors():
        if a is block:
            return False
        if _AVATAR.search(a.get("class") or ""):
            return True
    return False


def _lead_paragraph(bold) -> bool:
    """A paragraph that is only this bold line, followed by a longer paragraph: the
    reviewer's own heading ("<p><b>Great value</b></p><p>…</p>"); or that opens with it and a
    line break before longer text ("<p><b>Great value</b><br>…</p>")."""
    p = bold.getparent()
    nxt = bold.getnext()
    if tag(p) == "p" and p[0] is bold and not (p.text or "").strip() and not (bold.tail or "").strip() \
            and nxt is not None and tag(nxt) == "br" and len((nxt.tail or "").strip()) > len(element_text(bold)):
        return True
    if tag(p) != "p" or len(p) != 1 or (p.text or "").strip() or (bold.tail or "").strip():
        return False
    nxt = p.getnext()
    return nxt is not None and tag(nxt) == "p" and len(element_text(nxt)) > len(element_text(bold))


_SUB_SCORE = re.compile(r"[^\d:：]{1,15}[:：]\s*\d{1,3}(?:[.,]\d{1,2})?\s*\S{0,2}")  # "口味：4.5", "Service: 4"


# a layout utility class ("col-xs-12", "pad-none", "text-left"; SUIT's "u-textLeft--all") says where an
# element sits, not what it is: sharing one with the block makes no nested reply (DealerRater)
_UTILITY_CLASS = re.compile(r"(?:u|col|row|pad|padding|margin|m[trblxy]?|p[trblxy]?|text|pull|float|flex|d|w|h|bg|"
                            r"border|font|align|valign|clear|clearfix|hidden|visible|relative|absolute|inline|"
                            r"block|table|width|height|line-height|small|bold|italic|gap|grid)(?:-|$)", re.I)


def noise_elements(block) -> list:
    out = []
    # a nested element shaped like the block itself is a reply or a sub-thread (WordPress
    # puts replies in <ol class="children"><li class="comment ...">); one with a line of
    # text or less is a part of the review sharing a utility class (Allegro's "mpof_ki")
    shape = {c for c in classes(block) if not re.search(r"\d|even|odd|first|last|active", c)}
    for el in block.iter():
        if el is block or not tag(el):
            continue
        if shape and tag(el) == tag(block) and shape & set(classes(el)) and text_longer_than(el, 30) \
                and {c for c in shape & set(classes(el)) if not _UTILITY_CLASS.match(c)} \
                and len(element_text(el)) < len(element_text(block)) and not holds_the_text(el, block, text_without):
            # (one holding all of the block's text is the review's own wrapper sharing a
            # framework class, "ember-view", "a-section": App Store, Amazon)
            out.append(el)
            continue
        a = unshared_reply(attrs_text(el), block)  # (not the reply words the review's own class carries)
        if reply_label(el):
            parent = el.getparent()
            out.append(parent if parent is not None and parent is not block else el)
            if parent is not None and parent is not block and element_text(parent) == element_text(el):
                out += [s for s in parent.itersiblings() if tag(s)]  # the label alone on its line: the answer follows
        elif REPLY_ATTR.search(a) and (not BODY_ATTR.search(re.sub(r"review", "", a)) or reply_control(el)) and not answers_question(el):
            out.append(el)
        elif NOISE_ATTR.search(a) and not BODY_ATTR.search(re.sub(r"review", "", a)) and not read_more_rest(el):
            if (len(element_text(el)) <= 80 or chip_row(el) or vote_lines_only(element_text(el))) \
                    and not any(tag(d) == "time" for d in el.iter()) \
                    and all(rating_of(d) is None for d in el.iter() if tag(d)):  # (stars named "vote", "star_imgs")
                out.append(el)
        elif tag(el) in ("button", "form", "img", "svg", "picture", "video", "nav"):
            # (a button may be the rating: Indeed's "4.0" opens the sub-scores; or the link to the
            # reviewer's profile, holding the name: Google Maps' <button data-href=".../contrib/…">)
            if tag(el) in ("form", "nav") or rating_of(el) is None and not (
                    tag(el) == "button" and PERSON_HREF.search(el.get("data-href") or "") and element_text(el)):
                out.append(el)
        elif len(el) == 0 and VERIFIED.fullmatch((el.text or "").strip().strip("✓✔() ").strip()):
            out.append(el)
        elif len(el) == 0 and el.text and is_helpful_label(el.text):
            out.append(el)
        elif len(el) >= 2 and all(tag(c) and len(c) == 0 and _SUB_SCORE.fullmatch(element_text(c)) for c in el):
            out.append(el)  # a row of sub-scores ("口味：4.5 环境：4.0 服务：4.0 人均：88元")
    return out + more_reviews_links(block) + item_links(block) + truncated_copies(block) + detail_rows(block) \
        + photo_strips(block) + sub_rating_rows(block) + toggles(block) + leading_labels(block) + place_lines(block) \
        + stay_lines(block) + item_averages(block) + hreview_parts(block) + hover_boxes(block) + trader_boxes(block) \
        + item_boxes(block) + addendum_parts(block) + answer_parts(block) + option_lines(block) + spec_lists(block) \
        + verdict_lines(block) + template_facts(block)  # (a "Recommends" badge, "Arrived in <span>2 days</span>")
    # (trader_boxes: a tradesman's name and "100% positive", reviews_reviewed)


_LABEL_AND_FIGURE = re.compile(r"(?:([^\W\d]+(?:\s+[^\W\d]+){0,3})\s*:?\s*)?(\d{1,2}(?:[.,]\d{1,2})?)")


def _labelled_rating_row(rating_el, block, rating):
    """The row around a rating widget that only adds a label and the same figure
    ("Avaliação geral" ★★★★½ "4,5", Capterra): all of it is the rating, none of it text."""
    row = rating_el.getparent()
    if row is None or row is block or rating is None:
        return None
    rest = text_without(row, [rating_el]).strip()
    m = _LABEL_AND_FIGURE.fullmatch(rest)
    if m and to_number(m.group(2)) == rating or rating_label_line(rest) or _counters(rest):
        return row  # (or "Оценка компании:" alone; or the review's counters beside it: "7 +1", comments and votes)
    return None


# the counters a review's stats row prints beside its stars, apart by spaces: a comment count and
# a signed vote tally ("7 +1"; not a date, "2024-05-01")
_COUNTER = re.compile(r"([+\-\u2212\u00b1]?)\d{1,6}")


def _counters(rest: str) -> bool:
    found = [_COUNTER.fullmatch(t) for t in rest.split()]
    return 1 <= len(found) <= 3 and all(found) and (len(found) >= 2 or bool(found[0].group(1)))


def _leaf_rating(block, skip: list):
    inside = Covered(skip)
    for el in block.iter():
        if el is block or not tag(el) or el in inside:
            continue
        t = element_text(el)
        if t and len(t) <= 40 and (not any(tag(c) and element_text(c) for c in el) or labelled_score(t)):
            r = rating_from_text(t)
            if r is not None and not find_date_text(t):
                return el, r
    return None, None


# a place under a name: "Leeds, United Kingdom", "Austin, TX"
_PLACE = re.compile(r"(?-i:[A-Z])[\w .'’-]*, (?-i:[A-Z])[\w .'’-]*")


def _line_beside(block, rating_el, skip: list):
    """(element, text) of a short headline right after the rating widget, in its row (Flipkart
    and Amazon put the title beside the stars); only asked once the author is known, so a
    name beside the stars is never taken for a title."""
    nxt = rating_el.getnext()
    while nxt is not None and not tag(nxt):
        nxt = nxt.getnext()
    if nxt is None or (rating_el.tail or "").strip() or inside_any(nxt, skip) or any(tag(c) and element_text(c) for c in nxt) or \
            BODY_ATTR.search(bem_elements(attrs_text(nxt))) and not _named_title(attrs_text(nxt)):
        return None, None  # (also a line the site names the text: "Tasty" in "ti-review-content")
    t = clean_text(element_text(nxt)) or ""
    if not headline_like(t) or t.isupper() or _PLACE.fullmatch(t) or 3 * len(t) > len(element_text(block)):
        return None, None  # (a label like "DINING"; a town; the text itself)
    return nxt, t.strip(QUOTES).strip()


def _name_heading(block, title_el, title: str, rating_el) -> bool:
    """A "title" that is a person's name: one to three capitalised words ("Sarah", "Mike T."),
    ahead of the rating widget, in a header whose next line is a place ("Leeds, United
    Kingdom") or nothing; a review title follows the stars or stands by them."""
    words = title.split()
    if not (1 <= len(words) <= 3 and len(title) <= 30 and all(w[:1].isupper() for w in words)
            and name_like(title)) or rating_el is None:
        return False
    for el in block.iter():  # the title must come before the rating widget
        if el is rating_el:
            break
        if el is title_el:
            nxt = title_el.getnext()
            return nxt is None or bool(_PLACE.fullmatch(element_text(nxt))) or heading_over_stars(block, el, rating_el)
    # where the score is the headline ("10/10 Excellent" in an h4), a heading after it and
    # followed at once by the date is the reviewer (Expedia's "Sarah K." then "Mar 12, 2024")
    if tag(rating_el) not in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return False
    nxt = next(iter(title_el.xpath("following::*[normalize-space(.)!=''][1]")), None)
    return nxt is not None and len(element_text(nxt)) <= 40 and find_date_text(element_text(nxt)) is not None


def _badge_after(el, text: str) -> bool:
    """A name-shaped "title" followed by a verified badge is the reviewer (Loox: <div
    class="title">Linda</div><div>Verified purchase</div>)."""
    nxt = el.getnext()
    badge = element_text(nxt) if nxt is not None and tag(nxt) else ""
    # (in a script with capitals only: a Persian title can look like a name, "عالی بود")
    return 0 < len(badge) <= 40 and may_be_verified(badge) and VERIFIED.search(badge) is not None and \
        text[:1].isupper() and name_like(text)


def _person_link(el, text: str) -> bool:
    """A "title" that is all a link to the person's profile (AlloCiné's "meta-title" name)."""
    links = [a for a in el.iter("a") if PERSON_HREF.search(a.get("href") or "")]
    return len(links) == 1 and element_text(links[0]) == text and name_like(text)


def _verified_tooltip(block) -> bool:
    """A verified badge that is only an icon with a tooltip (title="Verified buyer")."""
    for el in block.iter():
        if not tag(el):
            continue
        for label in (el.get("title"), el.get("aria-label")):
            if label and len(label) <= 40 and may_be_verified(label) and VERIFIED.search(label) \
                    and not NOT_VERIFIED.search(label):
                return True
    return False


def read_block(block, *, url: str, now: datetime | None, lang: str | None, region: str | None,
               rating: float | None = None, rating_el=None, boilerplate: set[int] = frozenset()) -> dict:
    """One layout review block → review dict (`boilerplate`: ids of elements that hold the
    same notice in every block, left out)."""
    skip = noise_elements(block) + item_count_rows(block) + vote_questions(block)  # (the thing's average; "Helpful?")
    if boilerplate:
        skip += [el for el in block.iter() if id(el) in boilerplate]
    bare, item_named = None, False
    if rating_el is None:
        anchors = sorted([(a, r) for a, r in rating_anchors(block) if not inside_any(a, skip)],
                         key=lambda ar: not hreview_rating(ar[0]))  # (hReview's own rating first)
        if anchors:
            rating_el, rating = anchors[0]
    if rating_el is None and rating is None:
        rating = rating_of(block)
        if rating is None:
            rating_el, rating = _leaf_rating(block, skip)
        if rating is None:
            rating_el, rating = alike_icons(block, skip)
        if rating is None:  # rated on its aspects alone (a table of them, read as noise): their mean
            rating = sub_rating_mean(sub_rating_rows(block))
        if rating is None and (found := overall_figure(block)):  # "Service 8.0 … 7.3" (reviews_subratings)
            rating_el, rating, bare = found
    if rating_el is not None and rating_el is not block:  # data-rating on the block itself: keep its content
        row = _labelled_rating_row(rating_el, block, rating)
        skip.append(rating_el if row is None else row)
    author_el, author = find_author(block, skip)
    if author_el is None:  # (else the text an avatar's alt names: reviews_avatarname)
        author_el, author = avatar_named(block, skip)
    skip2 = skip + ([author_el] if author_el is not None and not holds_blocks(author_el) else [])
    date_el, date = find_date(block, skip, now=now, lang=lang, region=region)
    if date_el is None and rating_el is not None and rating_el is not block:  # (the stars' row prints it: a span after the stars)
        date_el, date = find_date(rating_el, [], now=now, lang=lang, region=region)
    if date_el is not None and date_el is not author_el and not holds_blocks(date_el):
        skip2.append(date_el)  # (a by-line printing its date beside the text's own blocks stays: Epinions)
    title_el, title = find_title(block, skip2)
    if author_el is None and title_el is not None and not _REVIEW_TITLE.search(attrs_text(title_el)) and (
            _name_heading(block, title_el, title, rating_el) or _person_link(title_el, title) or review_byline(title)
            or _badge_after(title_el, title) or name_signature(title_el, title)):  # ("<b>NAME</b> – role": reviews_signed)
        author_el, author, title_el, title = title_el, _clean_author(title), None, None  # Airbnb: the guest's name
    if title_el is not None and (names_picture(block, title_el, title) or item_page_title(block, title_el)
                                 or author_el is not None and byline_role(author_el, title_el)):
        shown = item_card(block, title_el, title)  # the reviewed film's, product's or business's name (and card),
        skip2.append(title_el if shown is None else shown)  # or the reviewer's role
        title_el = title = None
    if title_el is not None:
        skip2.append(title_el)
    if author_el is None and title_el is not None:
        author_el, author = name_heading_before(block, title_el, skip2)
    if author_el is None:
        author_el, author = guess_author(block, [x for x in skip2 if x is not date_el])
        if author_el is not None:
            skip2.append(author_el)
    if title is None and author_el is not None and rating_el is not None:
        title_el, title = _line_beside(block, rating_el, skip2)
        if title_el is not None:
            skip2.append(title_el)
    skip2 += labelled_dates(block, date_el)  # "Date de l'expérience : 25 juillet 2014" (Trustpilot)
    card = author_card(block, author_el, [rating_el, date_el, title_el])
    body_el, body = find_body(block, skip2 + [card] if card is not None else skip2)
    if card is not None and body and len(body) >= 3:
        skip2.append(card)
    elif card is not None:
        body_el, body = find_body(block, skip2)
    if title_el is not None and after_the_text(title_el, body_el, skip2):
        skip2.remove(title_el)  # a "title" below the text (Heureka's summary after the pros and cons): its end
        title_el = title = None
        body_el, body = find_body(block, skip2)
    if title and len(title) >= 60 and len(body or "") * 2 < len(title):
        # the "title" holds the review's text and the rest is a line or two (Tokopedia names
        # every text element "…-heading"): it is the body
        skip2.remove(title_el)  # (its text without its parts read apart: a "show more" button after a cut text)
        body_el, body, title_el, title = title_el, text_without(title_el, skip2) or title, None, None
    if title is None:
        title_el, title = title_before(block, body_el, skip2)
        if title_el is not None and names_picture(block, title_el, title):
            title_el, title, item_named = None, None, True  # the reviewed item's name beside its picture (a course)
        if title_el is not None:
            skip2.append(title_el)
            body_el, body = find_body(block, skip2)
    if title is None and not item_named:  # a bold line opening the text, then a break (not where the item's name is)
        title_el, title, body = split_lead_line(body_el, body, skip2)
    body = labelled_sections(body_el, block, skip2) or headed_sections(body_el, block, skip2) \
        or without_section_headings(body_el, body, skip2)
    body, author = quote_after_signature(body_el, joined_cuts(block, strip_leftovers(  # (reviews_signed)
        "" if header_before_title(body_el, title_el, skip2, (author_el, date_el)) else body)), author, author_el)  # ("- DEVICE", a header)
    if runs_on(title_el, title, body_el, body):
        body = f"{title} {body}"  # a bold opening, not a title apart
    if title and not body and title_el is not None:
        body, title = strip_leftovers(title), None  # a review of one short line, beside the stars (or in its title
        # slot): its text (a quotation's marks round it left out, as round any text)
    if title and len(title) >= 2 and title[0] in QUOTES and title[-1] in QUOTES:  # G2: "Great tool"
        title = title[1:-1].strip() or None
    if title and (body and body == title and not _both_named(title_el, body_el) or byline_of(title, author)):
        title = None  # AlloCiné's name link is a "meta-title" (a reviewer may repeat a title as the text)
    author, title = signed_heading(title_el, title, body_el, author, block)  # "<p>QUOTE</p><h2>NAME</h2>"
    full = text_without(block, [])
    verified = True if may_be_verified(full) and VERIFIED.search(full) and not NOT_VERIFIED.search(full) \
        or _verified_tooltip(block) else None
    votes = helpful_votes(block)
    site_id = card_id(block)
    return {
        "_bare": (bare or bare_rating(rating_el) or raw_mark(rating_el) or half_star_figure(rating_el, rating)) if rating is not None
        else half_star_class(block, Covered(skip)),
        "site_id": site_id,
        "author": author,
        "rating": rating,
        "title": title,
        "body": body or None,
        "published_at": date,
        "_markup_body": marked_body(body_el, block),
        # identified after merging (extract_reviews): a review the markup also lists keeps the markup's
        "language": None,
        "_lang_text": " ".join(filter(None, [title, body])),
        "verified": verified,
        "helpful_votes": votes,
        "product": None,
        "url": url,
    }


