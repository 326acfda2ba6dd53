"""The page's aggregate rating and review count, read from the layout when no markup gives
them: a leftover rating widget with a count near it, a printed "4.6 out of 5 based on 1,234
reviews", or the sum of "5 Star (120)" filter chips."""
from __future__ import annotations

import re

from .reviews_countfirst import average_phrase, count_first_aggregate, shown_text
from .reviews_itemlists import item_card_zone, items_own_scores
from .reviews_normalize import element_text
from .reviews_scores import star_bands
from .reviews_widgets import rating_of, tag
from .reviews_normalize import (COUNT_NUMBER, COUNT_WORDS, SCALE_WORDS, ascii_digits, rating_from_text, scale_rating,
                                to_number)


# one word between a count and its count word: "1,234 verified reviews", "2,345 Dining Reviews"
# (a capitalised word, so "Top 10 positive reviews" is no count; not "5 Star Reviews": a
# histogram row)
_QUALIFIER = (r"(?:(?:customer|verified|user|product|globale?|total|verifizierte[n]?|vérifiés|verificad[oa]s|"
              r"geverifieerde|star(?=\s+ratings))\s+|"
              r"(?!(?:stars?|sterne?n?|étoiles?|estrellas?|sterren)\b)(?-i:[A-Z][a-z]+)\s+)?")
_COUNT = re.compile(  # not the decimals of a score run into the count ("2.5" + "2件" = "2.52件")
    r"(?<![\d.,])" + COUNT_NUMBER + r"\s*(?:\+\s*)?" + _QUALIFIER + "(?:"
    + COUNT_WORDS + ")", re.I)  # no \b: "2 reviewsWrite a review"
_COUNT_AFTER = re.compile(r"(?<!\w)(?:reviews?|ratings?|bewertungen|avis|reseñas|opiniones|beoordelingen|recensioni|"
                          r"отзывы|omdömen|전체|후기|리뷰|全部评价|全部評價)\s*[:(]?\s*" + COUNT_NUMBER + r"(?!\w|[.,]\d)",
                          re.I)  # not "rating 4.8"; "전체 58" (all 58), "全部评价(1200)"


def count_value(text: str) -> int:
    """'1,234' / '1.234' / '1 234' -> 1234; '1.2K' -> 1200; '2M' -> 2000000; '1.2万' -> 12000."""
    t = text.strip().lower().rstrip(".")
    scale = (1_000_000 if t.endswith("m") else 1000 if t.endswith(("k", "тыс"))
             else 10_000 if t.endswith(("万", "萬")) else 1)
    if scale == 1:
        return int(re.sub(r"\D", "", t))
    return round(float(re.sub(r"[^\d.,]", "", t).replace(",", ".")) * scale)


def _spaced_text(el) -> str:
    """The element's text nodes joined by spaces: inline spans kept apart ("3,0" "3 Bewertungen")."""
    parts: list[str] = []

    def walk(node) -> None:
        if tag(node) in ("script", "style", "template"):
            return
        if node.text and tag(node):
            parts.append(node.text.strip())
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail.strip())

    walk(el)
    return ascii_digits(" ".join(p for p in parts if p))


# a count of ratings, where a count of reviews may follow ("12,345 Ratings & 1,234 Reviews",
# "1 234 ocen i 312 recenzji"): the reviews are the count
_RATINGS_WORD = re.compile(r"(?:ratings?|ocen[ay]?|calificaciones|valoraciones|évaluations|notes|valutazioni|betyg|"
                           r"оцен(?:ок|ки|ка)|оцін(?:ок|ки|ка)|penilaian|hinnangut|hinnangud|रेटिंग|மதிப்பீடுகள்)\s*$", re.I)
_REVIEWS_WORD = re.compile(r"(?:reviews?|recenzj[ie]|opinii|reseñas|opiniones|avis|critiques|recensioni|recensies|rezensionen|"
                           r"recensioner|отзыв(?:ов|а|ы)?|відгук(?:ів|и)?|ulasan|arvustust|arvustused|mnenj[ae]?|"
                           r"समीक्षाएं|समीक्षाएँ|समीक्षा|விமர்சனங்கள்)\s*$", re.I)


def _count_in(text: str) -> int | None:
    """The review count in a summary's text; of "12,345 Ratings & 1,234 Reviews", the reviews."""
    text = _OUT_OF_PHRASE.sub(" ", text or "")
    m = _COUNT.search(text)
    if m and _RATINGS_WORD.search(m.group(0)):
        reviews = next((r for r in _COUNT.finditer(text, m.end()) if _REVIEWS_WORD.search(r.group(0))), None)
        m = reviews or m
    m = m or _COUNT_AFTER.search(text)
    return count_value(m.group(1)) if m else None


# " / 5", " out of 5", " din 5" after a printed score
_OUT_OF_5 = r"(?:\s*(?:" + SCALE_WORDS + r")\s*5(?![\d.,]))?"
# "3.3 Based on 3 Reviews", "3,5 Kununu Score · 2 Bewertungen": a printed score with a count
_AGG_TEXT = re.compile(
    r"(?<![\d.,/])([0-5][.,]\d{1,2})(?![\d.,%])" + _OUT_OF_5
    + r"[^\d]{0,40}?(?<![\d.,])" + COUNT_NUMBER + r"\s*" + _QUALIFIER + "(?:" + COUNT_WORDS + ")", re.I)  # no \b: inline spans run together
# ... or with the count word first: "4,6 / 5 Отзывы 312"
_AGG_TEXT_WORD_FIRST = re.compile(
    r"(?<![\d.,/])([0-5][.,]\d{1,2})(?![\d.,%])" + _OUT_OF_5
    + r"[^\d]{0,30}?(?:" + COUNT_WORDS + r")\s*[:(]?\s*" + COUNT_NUMBER + r"(?!\w)", re.I)

# ... or a whole score out of 5 ("評価スコア: 5/5, 132 レビューに基づく")
_AGG_TEXT_WHOLE = re.compile(
    r"(?<![\d.,/])([0-5])\s*/\s*5(?![\d.,])[^\d]{0,40}?(?<![\d.,])" + COUNT_NUMBER + r"\s*" + _QUALIFIER
    + "(?:" + COUNT_WORDS + ")", re.I)

# ... or on its own scale: "Note moyenne 15.2/20 (1 234 avis)" (jeuxvideo.com), "8,6/10 · 312 reviews"
_AGG_TEXT_SCALED = re.compile(
    r"(?<![\d.,/])(\d{1,2}(?:[.,]\d{1,2})?)\s*/\s*(10|20|100)(?![\d.,])"
    + r"[^\d]{0,40}?(?<![\d.,])" + COUNT_NUMBER + r"\s*" + _QUALIFIER + "(?:" + COUNT_WORDS + ")", re.I)


def stars_beside_count(anchor) -> bool:
    """Whether a rating widget's row adds only a review count to it ("★★★★½ 75 Reviews", the
    stars only drawn), or an average in hundredths ("(4.53)"): an item's summary (a course's, a
    product's, a restaurant's card), which no review of it shows."""
    row = anchor.getparent()
    for _ in range(2):  # (the widget alone in a wrapper of its own: "<div class=value>★★★★½</div> <div>75 Reviews</div>")
        if row is None or row.getparent() is None or " ".join(row.itertext()).split() != " ".join(anchor.itertext()).split():
            break
        anchor, row = row, row.getparent()
    if row is None:
        return False
    rest = " ".join(t.strip() for t in row.itertext() if t.strip())
    drawn = element_text(anchor)
    rest = (rest.replace(drawn, " ") if drawn else rest).strip()
    if rest and (m := _AVERAGE_FIGURE.fullmatch(rest)) and m.group(1) not in ("00", "50"):
        return True  # an average beside the stars ("★★★½☆☆ (3.62)"): two decimals, no whole or half star
    return bool(rest) and len(rest) <= 40 and re.fullmatch(r"\(?\s*" + _COUNT.pattern + r"\s*\)?", rest, re.I) is not None


# a score in hundredths alone beside a star row: an average of many ratings ("(4.53)", "3,62")
_AVERAGE_FIGURE = re.compile(r"\(?\s*\d[.,](\d\d)\s*\)?")


def states_score_with_count(text: str, rating: float | None) -> bool:
    """Whether `text` prints `rating` as a score beside a review count ("4.9 2,010 Lifetime
    Reviews"): a business's or a product's summary, which no review of it states."""
    if rating is None or not text:
        return False
    return any(to_number(m.group(1)) == rating for m in _AGG_TEXT.finditer(text))


def _text_aggregate(root, blocks: list, leftovers: list = ()) -> dict | None:
    """The page's score when it is printed as text, without a rating widget: the first short
    element outside the review blocks (and outside the cards of items each with its own
    score, `leftovers`' list of companies) that pairs a 0-5 score with a review count."""
    in_blocks = {id(d) for b in blocks for d in b.iter()} | item_card_zone(leftovers, items_own_scores(leftovers))
    holders = _review_holders(blocks)
    for el in root.iter():
        if not tag(el) or tag(el) in ("script", "style", "head", "title") or id(el) in in_blocks:
            continue
        text = ascii_digits(element_text(el))
        if not text or len(text) > 100 or _PRICE_NEAR.search(text) or _beside_one_review(el, holders):
            continue  # (nor an item's score in one review's box: an album's average over its review)
        # adjacent spans run together in the text ("2.5" + "2 Reviews" = "2.52 Reviews"): also
        # try the text nodes apart
        spaced = ascii_digits(" ".join(t.strip() for t in shown_text(el) if t.strip()))  # (not a script's data)
        m = _AGG_TEXT.search(spaced) or _AGG_TEXT.search(text) or _AGG_TEXT_WORD_FIRST.search(spaced) \
            or _AGG_TEXT_WHOLE.search(spaced)
        if m and not any(tag(c) and (_AGG_TEXT.search(element_text(c)) or _AGG_TEXT_WORD_FIRST.search(element_text(c))
                                     or _AGG_TEXT_WHOLE.search(element_text(c))) for c in el):
            count = count_value(m.group(2))
            if _RATINGS_WORD.search(m.group(0)):  # "12,345 Ratings & 1,234 Reviews": the reviews
                count = _count_in(spaced) or count
            rating = to_number(m.group(1))
            if count and rating is not None:
                return {"rating": rating, "count": count}
        m = None if m else _AGG_TEXT_SCALED.search(spaced)
        if m and not any(tag(c) and _AGG_TEXT_SCALED.search(element_text(c)) for c in el):
            value, best = to_number(m.group(1)), float(m.group(2))
            if value is not None and value <= best:
                return {"rating": scale_rating(value, best), "count": count_value(m.group(3))}
    return count_first_aggregate(root, in_blocks, _PRICE_NEAR) \
        or average_phrase(root, in_blocks)  # "9.766 opiniones … media de 9,1 / 10"; "an average rating of 4.9 / 5"


_PRICE_NEAR = re.compile(r"[$€£¥]\s?\d|\d\s?[€$£]|add to cart|in den warenkorb|ajouter au panier|añadir al carrito")
_OUT_OF_PHRASE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:" + SCALE_WORDS + r")\s*(?:5|10|100)\b", re.I)
_AGG_HINT = re.compile(r"average|overall|aggregate|summary|rating-?score|total|avg|durchschnitt|moyenne|"
                       r"promedio|gemiddeld|trustscore|score|header|hero|stats", re.I)


_BARE_COUNT = re.compile(r"\(\s*(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)\s*\)")


def _bare_count_beside(widget) -> int | None:
    """A count printed as a bare "(1,234)" right after a rating widget (Newegg, Amazon), or
    after the element that holds the widget and nothing else (Etsy's shop reviews)."""
    text = element_text(widget)
    for _ in range(3):
        up = widget.getparent()
        if widget.getnext() is not None or (widget.tail or "").strip() or up is None or element_text(up) != text:
            break
        widget = up
    sib = widget.getnext()
    while sib is not None and not tag(sib):
        sib = sib.getnext()
    tail = (widget.tail or "").strip()
    text = tail or (element_text(sib) if sib is not None else "")
    m = _BARE_COUNT.fullmatch(text.strip())
    return int(re.sub(r"\D", "", m.group(1))) if m else None


_FIGURE_NAME = re.compile(r"rating|score|average|stars?", re.I)


def _hidden_figure(widget) -> float | None:
    """The exact score a star widget holds in a hidden input named like a rating (Etsy's
    four-decimal average behind five stars and a screen-reader "5 out of 5 stars"), to two decimals."""
    for el in widget.iter("input"):
        if (el.get("type") or "").lower() == "hidden" and _FIGURE_NAME.search(el.get("name") or ""):
            v = to_number(el.get("value") or "")
            if v is not None and 0 < v <= 5:
                return round(v, 2)
    return None


# a printed score (out of 5) and a bare count in brackets, nothing else
_BARE_COUNT_AFTER_SCORE = re.compile(r"[0-5](?:[.,]\d{1,2})?" + _OUT_OF_5 + r"\s*\(\s*(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)\s*\)",
                                     re.I)
STAR_FILTER = re.compile(r"([1-5])\s*(?:stars?|sterne?n?|étoiles?|estrellas?|estrelas?|sterren|stelle|sao|bintang|ดาว)"
                          r"\s*\(\s*" + COUNT_NUMBER + r"\s*\)", re.I)  # (Shopee, Lazada: "5 Sao (949)", "5 Bintang (12)")


def _star_filter_total(root, in_blocks: set) -> int | None:
    """The sum of filter chips "5 Star (120)", "4 Star (31)", ... where a page prints no total
    (Shopee, Lazada): None unless two star levels or more are listed. When a chip's count is
    abbreviated ("5 Star (1.1k)") the sum is rough: a count printed on its own elsewhere
    ("1.2k Ratings") near that sum is the page's."""
    levels: dict[int, int] = {}
    rough = False
    for el in root.iter():
        if tag(el) and len(el) == 0 and id(el) not in in_blocks and el.text and len(el.text) <= 30:
            m = STAR_FILTER.fullmatch(ascii_digits(el.text.strip()))
            if m:
                levels.setdefault(int(m.group(1)), count_value(m.group(2)))
                rough = rough or not m.group(2).replace(",", "").replace(".", "").isdigit()
    if len(levels) < 2:
        return None
    total = sum(levels.values())
    if rough:
        for el in root.iter():
            if tag(el) and len(el) == 0 and id(el) not in in_blocks and el.text and len(el.text) <= 30:
                m = _COUNT.fullmatch(ascii_digits(el.text.strip()))  # a count and nothing else
                if m and abs(count_value(m.group(1)) - total) <= 0.15 * total:
                    return count_value(m.group(1))
    return total


def _review_holders(blocks: list) -> dict[int, int]:
    """How many review blocks each ancestor (six levels up) of a block holds; none with fewer than two blocks."""
    holders: dict[int, int] = {}
    for b in blocks if len(blocks) >= 2 else ():
        for anc in list(b.iterancestors())[:6]:
            holders[id(anc)] = holders.get(id(anc), 0) + 1
    return holders


def _beside_one_review(el, holders: dict[int, int]) -> bool:
    """Whether a score sits in one review's own box, beside its block and apart from the others'
    (an album's average over the review of it): the reviewed item's score, not the page's. The
    nearest of its ancestors (four levels up) that holds a review block holds that one only."""
    for anc in list(el.iterancestors())[:4]:
        if id(anc) in holders:
            return holders[id(anc)] == 1
    return False


def _layout_aggregate(root, blocks: list, leftovers: list) -> dict | None:
    in_blocks = set()
    for b in blocks:
        for d in b.iter():
            in_blocks.add(id(d))
    holders = _review_holders(blocks)
    outside = [a for a in leftovers if id(a) not in in_blocks and not _beside_one_review(a, holders)]
    if len({_spaced_text(a.getparent()) for a in outside if stars_beside_count(a)}) >= 3 \
            or sum(any(counted_card(c, a) for c in list(a.iterancestors())[:4]) for a in outside) >= 3:
        return None  # stars and a count on three items' cards or more (a list of courses): each its own, none the page's
    items = items_own_scores(outside)
    item_zone = item_card_zone(outside, items)
    outside = [a for a in outside if id(a) not in items]  # (a list of companies' cards, each with its average)
    candidates, bands = [], star_bands([rating_of(a) for a in outside])  # (a histogram's rows: reviews_scores)
    for a in (a for i, a in enumerate(outside) if i not in bands):
        node, r = a, rating_of(a)
        if r is None:
            continue
        lone = element_text(a) in ("★", "⭐")  # one star beside a score ("4.6 ★"): a decoration
        # climb a little to find the count next to the widget
        count, near, near_node, prev = None, element_text(a), a, a
        for _ in range(4):
            text = element_text(node)
            if len(text) > 300:
                # the container is the whole page: look at the widget's next siblings instead
                sib = prev
                for _ in range(2):
                    sib = sib.getnext() if sib is not None else None
                    while sib is not None and not tag(sib):
                        sib = sib.getnext()
                    if sib is None or any(id(d) in in_blocks for d in sib.iter()):
                        break  # not into the reviews (a reviewer's own "45 avis")
                    count = _count_in(_spaced_text(sib))
                    if count is not None:
                        break
                break
            near, near_node = text, node
            count = _count_in(_spaced_text(node))
            if count is None:
                count = named_count(node, in_blocks)  # "Average rating: 4.7" + <div class="votes">342,274</div>
            if count is not None:
                break
            if node.getparent() is None:
                break
            prev, node = node, node.getparent()
        if count is None:  # the widget's own data attribute (a recipe card's stars: data-average="5" data-count="3")
            count = next((int(v) for n in _COUNT_ATTRS if (v := (a.get(n) or "").strip()).isdigit() and int(v) > 0), None)
        if count is None:  # in a tooltip: "Weighted average of 3.9 based on 12,345 ratings" (Letterboxd)
            count = next((c for c in (_count_in(ascii_digits(d.get(n) or "")) for d in a.iter() if tag(d)
                                      for n in ("title", "aria-label")) if c is not None), None)
        if count is None:
            count = _bare_count_beside(a)
        if count is None:  # a count heading just above the score's panel ("전체 58" over "4.1점 ★★★★", a map site)
            above = near_node.getprevious()
            if above is not None and tag(above) and not any(id(d) in in_blocks for d in above.iter()):
                count = _count_in(_spaced_text(above))
        if count is None:
            m = _BARE_COUNT_AFTER_SCORE.fullmatch(_spaced_text(a))  # "4.5 out of 5 (1,234)" in the widget
            count = int(re.sub(r"\D", "", m.group(1))) if m else None
        text = element_text(a.getparent() if a.getparent() is not None else a)
        numeric = re.search(r"(?<![\d.,$€£])[0-5][.,]\d(?!\d)", text if len(text) <= 300 else near) is not None
        if _PRICE_NEAR.search(near if len(near) <= 300 else ""):
            continue  # a product card (related products, carousels), not this page's score
        exact = _hidden_figure(a)  # the figure behind the stars, kept for a script
        if exact is not None and exact != r and abs(exact - r) <= 0.5:
            r, numeric = exact, True
        # star widgets round to whole or half stars; a printed score next to them is exact
        # (read with the text nodes apart: "2.5" + "2件" is no 2.52)
        # (not a scale after it: "4,8 / 5.0")
        for m in re.finditer(r"(?<![\d.,])(?<!/)(?<!/ )([0-5])[.,](\d{1,2})(?![\d.,])(?!\s*(?:/\s*10|out of 10|von 10|sur 10))",
                             _spaced_text(near_node)):
            v = float(f"{m.group(1)}.{m.group(2)}")
            if v == r:
                break  # the widget's own figure
            if abs(v - r) <= 0.5 or lone:
                r, numeric = v, True
                break
        hint = bool(_AGG_HINT.search(" ".join(filter(None, [a.get("class"), (a.getparent().get("class") if a.getparent() is not None else None)]))))
        candidates.append((count is not None, hint, numeric, r, count))
    # histogram rows ("5 stars ... 120") also pair a rating with a count: prefer the row that
    # looks like a score (decimal figure / summary class)
    good = [c for c in candidates if c[0] and (c[1] or c[2])] or [c for c in candidates if c[1] or c[2]] or \
        [c for c in candidates if c[0]]
    if good:
        count = good[0][4] if good[0][4] is not None else _star_filter_total(root, in_blocks)
        # a count shown rounded ("12.3K" on a badge) and in full elsewhere ("12346 Reviews"): the full one
        full = [c[4] for c in candidates if c[3] == good[0][3] and c[4] and count and count % 100 == 0
                and c[4] % 100 and abs(c[4] - count) <= 0.005 * count]
        return {"rating": good[0][3], "count": full[0] if full else count}
    # a text-only summary: "4.6 out of 5 based on 1,234 reviews"
    for el in root.iter():
        if not tag(el) or id(el) in in_blocks or id(el) in item_zone or tag(el) in ("script", "style", "head"):
            continue
        t = element_text(el)
        if not t or len(t) > 160:
            continue
        if any(len(element_text(c)) == len(t) for c in el if tag(c)) or item_zone and any(
                id(d) in item_zone for d in el.iterdescendants()):
            continue  # (a box of items' cards: each figure in it is an item's)
        r = rating_from_text(t)
        count = _count_in(_spaced_text(el))  # spans apart: "4.5 out of 5" "1.2K ratings", not "51.2K"
        if r is not None and count is not None:
            return {"rating": r, "count": count}
    return None


# a rating widget's attribute holding how many rated ("data-count" beside "data-average")
_COUNT_ATTRS = ("data-count", "data-votes", "data-rating-count", "data-ratings-count", "data-review-count", "data-reviews-count")


# a class naming an element the count of votes or ratings ("votes", "reviews-num", "rating-count")
_COUNT_NAME = re.compile(r"(?:^|[\s_-])(?:votes?|count|num|total)(?:$|[\s_-])", re.I)
_BARE_FIGURE = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+")


def named_count(node, in_blocks: set) -> int | None:
    """The figure of the one element in `node` (a score's panel) named for the count and
    holding a bare number: the count printed with no word beside it."""
    found = [el for el in node.iter() if tag(el) and id(el) not in in_blocks and _COUNT_NAME.search(el.get("class") or "")
             and _BARE_FIGURE.fullmatch(element_text(el).strip())]
    return count_value(element_text(found[0])) if len(found) == 1 else None


def unrated_placeholder(aggregate: dict | None) -> dict | None:
    """The summary of an item nobody has rated yet is no aggregate: an average of 0 with no ratings
    counted ("0.0 out of 5 stars" over an empty histogram)."""
    if aggregate and aggregate.get("rating") == 0 and not aggregate.get("count"):
        return None
    return aggregate


# the reviewed item's own average, printed inside a review of it: a count of votes (or
# reviews) and a word saying "average" ("Голосов: 12 Средняя оценка: 4,83", "Ø 4.2 · 31 votes")
_AVERAGE_WORD = re.compile(r"средн|середн|average|(?<![a-z])avg(?![a-z])|ø|durchschnitt|moyenne|(?<![a-z])media(?![a-z])|"
                           r"média|promedio|gemiddeld|ortalama|średni|průměr|átlag|medie|μέσ|متوسط|平均", re.I)
_VOTES = r"(?:" + COUNT_WORDS + r"|голос(?:ов|а|ів|и)?|głos(?:ów|y)?|hlas(?:ů|y)?|oy(?:lar)?|votos?)"
_VOTE_COUNT = re.compile(r"(?<![\d.,])\d[\d\u00a0 ]*\s*" + _VOTES + r"|" + _VOTES + r"\s*[:(]?\s*\d", re.I)


def item_averages(block) -> list:
    """The boxes in a review that hold a rating widget with a vote count and an "average" word
    (120 characters at most): the reviewed item's score over many votes, shown in each review
    of a feed of reviews of many items; none is the reviewer's own rating. So is a box whose
    count says the score is drawn from it ("from 136 reviews", "来自136条点评"), with the
    item's name beside it."""
    whole = element_text(block)
    if not _AVERAGE_WORD.search(whole) and not _FROM_COUNT.search(whole):
        return []
    out: list = []
    for el in block.iterdescendants():
        if not tag(el) or any(o in el.iterancestors() for o in out):
            continue
        text = element_text(el)
        if text and len(text) <= 120 and (_AVERAGE_WORD.search(text) and _VOTE_COUNT.search(text) and not re.search(
                r"[^\W\d_]", _AVERAGE_LABEL.sub(" ", _VOTE_COUNT.sub(" ", text))) or _FROM_COUNT.search(text)) \
                and any(rating_of(d) is not None for d in el.iter() if tag(d)):
            out.append(el)  # (the box says nothing else: no reviewer's name beside it)
    return out


# a count the score is drawn from: "based on 12 reviews", "from 136 reviews", "aus 12 Bewertungen",
# "来自136条点评", "基于12条评价" (not a reviewer's own "12 reviews" written)
_FROM_COUNT = re.compile(r"(?:(?<![^\W\d_])(?:based on|from|basierend auf|aus|basé sur|basado en|baseado em|"
                         r"gebaseerd op|basato su|на основе|на основании)\s+|来自|基于|根据)\s*" + COUNT_NUMBER
                         + r"\s*(?:" + COUNT_WORDS + r")", re.I)


# the "average" word and a word or two after it, to a colon ("Средняя оценка:", "Average rating")
_AVERAGE_LABEL = re.compile(r"[^\W\d_]*(?:" + _AVERAGE_WORD.pattern + r")[^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s*:?", re.I)


_NAME_TAGS = ("a", "h1", "h2", "h3", "h4", "h5", "h6")


def counted_card(block, anchor) -> bool:
    """Whether a block is an item's card, no review: besides its rating widget it prints only
    the item's name (linked, or a heading) and a review count ("NAME ★★★★★ 17 reviews", a
    sidebar's top companies): one name element, where a review has its text and its author's."""
    if anchor is block:
        return False
    named, counted, names = 0, False, set()
    for el in block.iter():
        if not tag(el):
            continue
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            text = (text or "").strip()
            if not text or owner is None or anchor in owner.iterancestors() or owner is anchor:
                continue
            chain = [owner, *owner.iterancestors()]
            chain = chain[:next((i for i, a in enumerate(chain) if a is block), len(chain))]
            if _COUNT.fullmatch(text):
                counted = True
            elif (name := next((a for a in chain if tag(a) in _NAME_TAGS), None)) is not None:
                named += len(text)
                names.add(id(name))
            else:
                return False
    return counted and len(names) == 1 and 0 < named <= 80
