"""Batch 23 of real pages (the latest-reviews lists on the home pages of European review sites:
Polish, German, Russian, Ukrainian, French, about 2018): the general rules they needed, each on
synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from lxml import html as lxml_html

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_body import Covered
from crawlers.extract.reviews_bylines import verb_byline
from crawlers.extract.reviews_normalize import clean_text, rating_from_text
from crawlers.extract.reviews_widgets import rating_of

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)

TEXTS = ["The delivery came two days early and the parcel was packed with care.",
         "Support answered within the hour and sorted out the wrong size for me.",
         "The colour is darker than in the photos, otherwise it does the job well."]


def _run(body: str, url: str = "https://reviews.example/") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Latest reviews</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- star rows -----------------------------------------------------------------------------

def test_star_row_percent_in_its_class_is_the_rating():
    """Five empty icons under a row whose class ends in a percent ("…-stars__100", "…-stars__60"):
    the class is the only score (100 = five stars); a figure up to 50 stays a tenths reading."""
    row = ('<div class="user-rating-stars user-rating-stars__{p}"><span></span><span></span><span></span>'
           '<span></span><span></span></div>')
    assert rating_of(lxml_html.fromstring(row.format(p=100))) == 5.0
    assert rating_of(lxml_html.fromstring(row.format(p=60))) == 3.0
    assert rating_of(lxml_html.fromstring('<div class="rating-45"></div>')) == 4.5  # (unchanged)
    cards = "".join(
        f'<li class="slider__item"><div class="user-rating">'
        f'<div class="user-rating-stars user-rating-stars__{p}"><span></span><span></span><span></span><span></span>'
        f'<span></span></div><p class="user-rating__content">{t}</p>'
        f'<p class="user-rating__author">von Kim {n}. am 0{i + 1}.03.2023</p></div></li>'
        for i, (p, t, n) in enumerate(zip((100, 80, 100), TEXTS, "ABC")))
    reviews = _run(f'<ul class="ratings-slider">{cards}</ul>')["reviews"]
    assert [r["rating"] for r in reviews] == [5.0, 4.0, 5.0]


def _fivestar(lit: int) -> str:
    stars = "".join(f'<div class="star star-{k}"><span class="{"on" if k <= lit else "off"}">'
                    f'{lit if k == 1 else ""}</span></div>' for k in range(1, 6))
    return f'<div class="fivestar-widget-static fivestar-widget-static-vote">{stars}</div>'


def test_icons_numbered_by_place_and_lit_by_their_child():
    """Drupal's fivestar: <div class="star star-1"> … <div class="star star-5">, each lit by its
    child (<span class="on"> / "off"; the first one's child also prints the vote), in a row named
    "…-vote": "star-3" is the third icon, not three stars, the children say how many are lit, and a
    row of stars named "vote" is the rating, no vote buttons."""
    assert rating_of(lxml_html.fromstring(_fivestar(3))) == 3.0
    assert rating_of(lxml_html.fromstring(_fivestar(3))[1]) is None  # ("star-2": the second icon)
    assert rating_of(lxml_html.fromstring('<div class="stars-4"></div>')) == 4.0  # (a row's class value: unchanged)
    cards = "".join(
        f'<div class="block list-reviews"><h3 class="title"><a href="/r/{i}">A fair buy {i}</a></h3>'
        f'<div class="userinfo"><span class="user-name">reader{i}</span>{_fivestar(lit)}</div>'
        f'<div class="clear">{t}</div></div>' for i, (lit, t) in enumerate(zip((3, 5, 2), TEXTS)))
    reviews = _run(cards)["reviews"]
    assert [r["rating"] for r in reviews] == [3.0, 5.0, 2.0]


def test_hidden_input_and_clearer_in_a_star_row_draw_nothing():
    """Five icon divs beside a hidden input (the value for a form) and an empty "clear" div: the
    row is still a row of five stars."""
    def row(lit: int) -> str:
        icons = "".join(f'<div class="alf_item icon-star{"" if k <= lit else "-empty"}" title="level {k}"></div>'
                        for k in range(1, 6))
        return (f'<div class="alf_stackLevel alf_stackLevelReadOnly"><input type="hidden" name="f" value="{lit}" />'
                f'{icons}<div class="clear"></div></div>')
    assert rating_of(lxml_html.fromstring(row(2))) == 2.0


def test_a_label_saying_rating_in_more_languages():
    """"Оценка автора: 4" (a title naming the author's score) and "Hodnocení 4 z 5": labels that say
    a rating; a label word and a word or two before the colon ("Note client : 4") read as well."""
    assert rating_from_text("Оценка автора: 4") == 4.0
    assert rating_from_text("Ocena: 3") == 3.0
    el = lxml_html.fromstring('<span class="star_ring" title="Оценка автора: 4"><span class="rate_4"></span></span>')
    assert rating_of(el) == 4.0
    assert rating_from_text("rating 12,345 ratings") is None  # (a count stays none)


def test_star_glyphs_around_a_name_are_no_rating():
    """A display name decorated with star glyphs on both sides ("°•★ Ola ★•°") is no two-star row."""
    assert rating_from_text("°•★ Ola ★•°") is None
    assert rating_from_text("★★★★☆") == 4.0
    assert rating_from_text("★★★★★ Superb") == 5.0


# -- by-lines ------------------------------------------------------------------------------

def test_reviewer_named_before_a_review_verb():
    """"<strong>NAME</strong> dodał opinię o <a>SHOP</a> - DATE" and "<span>NAME</span> <div>a noté</div>
    <a>INSURER</a>": the element before the review verb is the reviewer (also a lower-case nick or a
    sentence typed into the name field), not the linked shop after it; the short text stays the text."""
    names = ["tomek", "Ola", "paczka przyszła szybko"]
    texts = ["świetnie", "Polecam ten sklep wszystkim", "całkiem dobrze"]
    cards = "".join(
        f'<div class="rev_item"><div class="rev_rate"><span class="badge"><strong>{s}</strong> / 5</span></div>'
        f'<div class="rev_txt"><p><span class="rev_cont">{t}</span></p>'
        f'<div><span class="rev_info"><strong>{n}</strong><span> dodał opinię o <a href="/o/shop{i}">'
        f'<span class="shop">Shop{i}.example</span></a> - 1{i} marca 2023 | 18:3{i}</span></span></div></div></div>'
        for i, (s, t, n) in enumerate(zip((5, 4, 3), texts, names)))
    reviews = _run(cards)["reviews"]
    assert [r["author"] for r in reviews] == names
    assert [r["body"] for r in reviews] == texts
    assert [r["rating"] for r in reviews] == [5.0, 4.0, 3.0]
    fr = "".join(
        f'<li class="media"><div class="box"><div class="stars" title="{s} étoiles sur 5">{"★" * s}{"☆" * (5 - s)}</div>'
        f'<div class="head"><span><span class="inline">{n}</span></span> <a class="inline"></a>'
        f'<div class="inline">a noté</div> <a class="inline" href="/assureur-{i}.html">Assureur{i}</a>'
        f'<span class="oa_date" datetime="2023-03-1{i}">le 1{i} mars 2023</span></div><h3>{t}</h3></div></li>'
        for i, (s, n, t) in enumerate(zip((2, 3, 1), ("lucie_b", "pilou", "marc"), TEXTS)))
    reviews = _run(f'<ul class="list">{fr}</ul>')["reviews"]
    assert [r["author"] for r in reviews] == ["lucie_b", "pilou", "marc"]
    line = lxml_html.fromstring('<div><div><span class="type">Couple</span></div>'
                                '<div><span>Reviewed: 3 May 2023</span></div></div>')
    assert verb_byline(line, Covered([])) is None  # ("Reviewed: DATE" is a date's label, no review verb)


def test_bold_name_and_colon_opening_the_text():
    """"<b>NAME</b>: TEXT" in a feed box whose score sits beside its star ring ("<span class=none>4</span>"):
    the bold name is the reviewer, the text starts after the colon, and the figure beside the stars
    is the rating's, no text."""
    boxes = "".join(
        f'<div class="box_float"><div class="white_box"><h2><a href="/item{i}">Item {i}</a></h2>'
        f'<div class="sats"><span class="none">{s}</span><span class="star_ring" title="Оценка автора: {s}">'
        f'<span class="rate_{s}"></span></span></div>'
        f'<span class="flt"><span><b>{n}</b>: {t} &nbsp;</span>'
        f'<span class="dt">2 часа назад<span class="value-title" title="2023-03-2{i}"></span></span></span></div></div>'
        for i, (s, n, t) in enumerate(zip((4, 1, 5), ("Ivan", "maks", "Olena"), TEXTS)))
    reviews = _run(boxes)["reviews"]
    assert [r["author"] for r in reviews] == ["Ivan", "maks", "Olena"]
    assert [r["body"] for r in reviews] == TEXTS
    assert [r["rating"] for r in reviews] == [4.0, 1.0, 5.0]


def test_a_user_name_may_start_with_figures():
    """"34lis" in an element named the user's name is the reviewer's handle."""
    cards = "".join(
        f'<div class="review"><span class="user-name">{n}</span><div class="stars" title="{s} out of 5 stars"></div>'
        f'<p class="text">{t}</p></div>' for n, s, t in zip(("34lis", "7anna", "Bo3"), (5, 4, 3), TEXTS))
    reviews = _run(cards)["reviews"]
    assert [r["author"] for r in reviews] == ["34lis", "7anna", "Bo3"]


# -- what the review is about -----------------------------------------------------------------

def test_line_naming_what_the_review_is_for_is_no_title():
    """"für <b>PRACTICE</b> in <b>TOWN</b>" as a card's heading names the reviewed business: no title."""
    cards = "".join(
        f'<li class="item"><div class="user-rating"><div class="stars" title="5 out of 5 stars"></div>'
        f'<h3 class="user-rating__headline">für <b>Praxis Nummer {i}</b> in <b>Musterstadt</b></h3>'
        f'<p class="user-rating__content">{t}</p><p class="user-rating__author">von Kim {i}. am 0{i + 1}.03.2023</p>'
        f'</div></li>' for i, t in enumerate(TEXTS))
    reviews = _run(f'<ul class="slider">{cards}</ul>')["reviews"]
    assert [r["title"] for r in reviews] == [None, None, None]
    assert [r["body"] for r in reviews] == TEXTS


def test_title_repeating_an_item_picture_alt_plus_reviews_is_the_item():
    """A heading link "Shop N" beside the item's picture whose alt is "Shop N reviews" ("… отзывы"):
    the reviewed item's name, no title."""
    cards = "".join(
        f'<div class="box"><div class="item_img"><a href="/shop{i}"><img src="/i{i}.jpg" alt="Shop {i} отзывы"></a></div>'
        f'<h2><a href="/shop{i}" class="item_title">Shop {i}</a></h2>'
        f'<div class="stars" title="{s} out of 5 stars"></div><p class="text">{t}</p><span class="name">Author{i}</span></div>'
        for i, (s, t) in enumerate(zip((5, 2, 4), TEXTS)))
    reviews = _run(cards)["reviews"]
    assert [r["title"] for r in reviews] == [None, None, None]


def test_element_named_review_head_is_the_title_under_the_items_heading():
    """The reviewed product as the block's h2 and the review's own title in "h3.review-head": the
    element named the review's head is the title."""
    cards = "".join(
        f'<div class="block list-reviews"><h2 class="title"><a href="/p/{i}">Product {i}</a></h2>'
        f'<div class="text"><h3 class="review-head"><a href="/r/{i}">My verdict number {i}</a></h3>'
        f'<span class="user-name">Reader{i}</span><div class="stars" title="{s} out of 5 stars"></div>'
        f'<div class="clear">{t}</div></div></div>' for i, (s, t) in enumerate(zip((4, 5, 3), TEXTS)))
    reviews = _run(cards)["reviews"]
    assert [r["title"] for r in reviews] == [f"My verdict number {i}" for i in range(3)]


def test_photo_strip_and_more_photos_counter_are_no_text():
    """A strip of the reviewer's photos with a "+7 фото" link ("review-previews-imgs") inside the
    element holding the text, and a trailing "Читать весь отзыв" link: neither is the text."""
    cards = "".join(
        f'<div class="block list-reviews"><div class="text"><span class="user-name">Reader{i}</span>'
        f'<div class="stars" title="{s} out of 5 stars"></div>'
        f'<div class="review-previews-imgs"><div class="items"><a href="/r/{i}"><img src="/p{i}.jpg"></a></div>'
        f'<div class="review-previews-imgs-more"><a href="/r/{i}">+{i + 3} фото </a></div></div>'
        f'<div class="clear">{t}<nobr class="teaser"><a href="/r/{i}" class="more">Читать весь отзыв </a></nobr></div>'
        f'</div></div>' for i, (s, t) in enumerate(zip((4, 5, 3), TEXTS)))
    reviews = _run(cards)["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
    assert clean_text("Хороший товар. Читать далее") == "Хороший товар."
    assert clean_text("Dobry produkt. Czytaj dalej") == "Dobry produkt."


def test_short_text_in_an_element_whose_bem_part_names_the_content_is_no_author():
    """A card named for the user's rating ("user-rating") holds "user-rating__content" and
    "user-rating__author": the short text (under 60 characters) is the text, though its block part
    says "user"; the author is the author element's."""
    texts = ["Fine place, friendly staff and short waits.", TEXTS[1], "Good value, would come back again."]
    cards = "".join(
        f'<li class="item"><div class="user-rating"><div class="stars" title="5 out of 5 stars"></div>'
        f'<p class="user-rating__content">{t}</p><p class="user-rating__author">von Kim {n}. am 0{i + 1}.03.2023</p>'
        f'</div></li>' for i, (t, n) in enumerate(zip(texts, "ABC")))
    reviews = _run(f'<ul class="slider">{cards}</ul>')["reviews"]
    assert [r["body"] for r in reviews] == texts
    assert [r["author"] for r in reviews] == ["Kim A.", "Kim B.", "Kim C."]


def test_unrated_box_opening_with_a_reply_by_line_is_no_review():
    """A list mixing members' rated reviews ("NAME a noté INSURER") and the insurers' answers
    ("<a>INSURER</a> <div>a répondu à</div> <span>NAME</span>", no stars): the answers are no
    reviews. An unrated review whose owner's reply follows its text stays one."""
    def review(i: int, s: int, n: str, t: str) -> str:
        return (f'<li class="media"><div class="box"><div class="stars" title="{s} étoiles sur 5"></div>'
                f'<div class="head"><span class="inline">{n}</span> <div class="inline">a noté</div> '
                f'<a class="inline" href="/assureur-{i}.html">Assureur{i}</a><br><span class="oa_date">le 1{i} mars 2023</span>'
                f'</div><h3>{t}</h3></div></li>')

    def answer(i: int, n: str) -> str:
        return (f'<li class="media"><div class="box"><div class="head"><a class="inline" href="/assureur-{i}.html">'
                f'Assureur{i}</a> <div class="inline">a répondu à</div> <span class="inline">{n}</span><br>'
                f'<span class="oa_date">le 1{i} mars 2023</span></div>'
                f'<h3>Bonjour {n}, nous avons bien reçu votre message et revenons vers vous rapidement...</h3></div></li>')
    items = [review(0, 2, "lucie_b", TEXTS[0]), answer(1, "pilou"), review(2, 4, "marc", TEXTS[1]),
             answer(3, "zoe"), review(4, 1, "nina", TEXTS[2])]
    reviews = _run(f'<ul class="list">{"".join(items)}</ul>')["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
    assert [r["rating"] for r in reviews] == [2.0, 4.0, 1.0]
    short = ["Great!", "Fine.", "Lovely stay"]
    kept = "".join(  # (short unrated reviews with the owner's answer under the text)
        f'<div class="comment"><span class="author">Guest {i}</span><span class="date">0{i + 1}/05/2023</span>'
        f'<div class="text">{t}</div>'
        f'<div class="owner"><b>Owner</b> replied to Guest {i}: thank you for the kind words.</div></div>'
        for i, t in enumerate(short))
    assert [r["body"] for r in _run(kept)["reviews"]] == short
