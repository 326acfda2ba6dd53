"""Batch 64 of real pages (large non-English marketplaces: Tokopedia's review feed of a product, as
a developer copied it out of the browser, and Kakaku.com's home page of March 2018 with its review
teasers among articles): the general rules they needed, each on synthetic markup (invented names
and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_bars import css_colour
from crawlers.extract.reviews_dates import find_date_text, parse_date

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://market.example/shop/item-1/review") -> dict:
    html = f"<html lang='id'><head><meta charset='utf-8'></head><body><h1>Item</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


_STAR = '<svg class="ic" viewBox="0 0 24 24" width="18" height="18" fill="{}"><path d="M12 2l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z"></path></svg>'


def _stars(lit: int, on: str = "var(--Y400, #FFC400)", off: str = "var(--N200, #D6DBE4)") -> str:
    return _STAR.format(on) * lit + _STAR.format(off) * (5 - lit)


TEXTS = ["Suaranya jernih dan kabelnya cukup panjang untuk dipakai di kantor setiap hari.",
         "Pengiriman cepat, tapi busa telinganya agak keras kalau dipakai lebih dari satu jam.",
         "Warnanya sesuai foto, bass lumayan untuk harga segini, penjual juga ramah sekali.",
         "Satu sisi mati setelah seminggu, sudah lapor ke penjual dan masih menunggu jawaban."]


def test_star_icons_drawn_in_css_variables_count_by_the_variables_fallback_colours():
    """Five svg stars whose fill is a design system's token with a fallback ("var(--Y400, #FFC400)"
    for the lit ones, "var(--N200, #D6DBE4)" for the empty ones): the stylesheet defining the
    tokens is not in the page, so the fallback colour is what is drawn; the gold ones are the
    rating (each card's star row carries no label of its own)."""
    cards = "".join(f'<div class="fb-card"><div class="fb-stars" role="img">{_stars(n)}</div>'
                    f'<span class="fb-user">{name}</span><p class="fb-text">{text}</p></div>'
                    for n, name, text in [(3, "Rina", TEXTS[0]), (5, "Bayu", TEXTS[1]), (2, "Sari", TEXTS[2])])
    reviews = _run(f'<section class="fb-list">{cards}</section>')["reviews"]
    assert [(r["author"], r["rating"]) for r in reviews] == [("Rina", 3.0), ("Bayu", 5.0), ("Sari", 2.0)]
    assert css_colour(" var(--NN200,\n #CFD5E1) ") == "#cfd5e1" and css_colour("#FFD45F") == "#ffd45f"


def _feed_card(stars: int, when: str, name: str, option: str, text: str) -> str:
    return (f'<article class="rv-card"><div class="rv-head"><div class="rv-stars" aria-label="bintang {stars}">'
            f'{_stars(stars, "#FFC400", "#D6DBE4")}</div><p class="tp-heading rv-when">{when}</p></div>'
            f'<div class="rv-user"><span>{name}</span></div>'
            f'<p class="tp-heading rv-option">{option}</p>'
            f'<p class="tp-body-heading rv-text"><span class="rv-words">{text}</span></p></article>')


def test_the_option_bought_is_neither_title_nor_text():
    """A line of its own under the reviewer's name saying which variant was bought ("Varian:
    Hitam", "Colour: Navy"), styled like every text of the card (a "heading" class): a fact of
    the purchase, no title of the review."""
    cards = "".join([_feed_card(5, "2 hari lalu", "Rina", "Varian: Hitam", TEXTS[0]),
                     _feed_card(4, "1 minggu lalu", "Bayu", "Varian: Biru", TEXTS[1]),
                     _feed_card(3, "3 minggu lalu", "Sari", "Colour: Navy", TEXTS[2])])
    reviews = _run(f'<section id="review-feed">{cards}</section>')["reviews"]
    assert [(r["rating"], r["title"], r["body"]) for r in reviews] == [
        (5.0, None, TEXTS[0]), (4.0, None, TEXTS[1]), (3.0, None, TEXTS[2])]


def test_an_age_with_a_bound_gives_no_date_and_its_first_word_no_name():
    """"Lebih dari 1 tahun lalu" ("more than 1 year ago") says only that the review is older than
    a year: no date (not a year before now), and neither its first word ("Lebih") nor any part of
    it is the reviewer's name, which follows in a span of its own."""
    def card(stars, when, name, text):  # (the age first, the stars after it)
        return (f'<article class="rv-card"><div class="rv-head"><p class="rv-when">{when}</p>'
                f'<div class="rv-stars" aria-label="bintang {stars}">{_stars(stars, "#FFC400", "#D6DBE4")}</div></div>'
                f'<div class="rv-meta"><span>{name}</span></div><p class="rv-text">{text}</p></article>')
    cards = "".join([card(5, "Lebih dari 1 tahun lalu", "Rina", TEXTS[0]), card(4, "3 hari lalu", "Bayu", TEXTS[1]),
                     card(2, "More than 1 year ago", "Sari", TEXTS[3])])
    reviews = _run(f'<section id="review-feed">{cards}</section>')["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        ("Rina", 5.0, None), ("Bayu", 4.0, "2024-05-29"), ("Sari", 2.0, None)]
    assert parse_date("Lebih dari 1 tahun lalu", now=NOW) is None
    assert parse_date("over 2 weeks ago", now=NOW) is None
    assert parse_date("1 tahun lalu", now=NOW) == "2023-06-01"
    assert find_date_text("Lebih dari 1 tahun lalu") == "1 tahun lalu"


def test_a_text_read_from_its_heading_styled_element_leaves_out_its_show_more_button():
    """Every text of a card styled as a "…-heading" (the site's typography): the element holding
    the review's words is then first taken for the title, and, being the long one, turned into
    the text. Read so, it is still read without the parts set apart, so the "Selengkapnya" (show
    more) button after the cut words is no part of it."""
    def card(stars, name, text):
        return (f'<article class="rv-card"><div class="rv-head"><div class="rv-stars" aria-label="bintang {stars}">'
                f'{_stars(stars, "#FFC400", "#D6DBE4")}</div><p class="tp-heading">3 hari lalu</p></div>'
                f'<div class="rv-user"><span class="name">{name}</span></div>'
                f'<p class="tp-heading"><span class="rv-words">{text}</span>'
                f'<button type="button" class="rv-more">Selengkapnya</button></p></article>')
    cut = [t[:60] + "... " for t in TEXTS[:3]]
    body = "".join(card(s, n, t) for s, n, t in [(5, "Rina", cut[0]), (4, "Bayu", cut[1]), (3, "Sari", cut[2])])
    reviews = _run(f'<section id="review-feed">{body}</section>')["reviews"]
    assert [(r["author"], r["rating"], r["body"]) for r in reviews] == [
        ("Rina", 5.0, cut[0].strip()), ("Bayu", 4.0, cut[1].strip()), ("Sari", 3.0, cut[2].strip())]


def test_a_feeds_review_teaser_is_its_headline_without_its_kind_label_and_the_items_spec_list():
    """A home page's feed mixes articles and review teasers in cards drawn alike: a teaser shows
    the reviewer's stars (a class "star-4"), a label of the card's kind in an element named for
    the category ("p-cat": "Reader topics"), the review's headline, and a list named for the item's
    specification (its category and model). The teaser's text is the headline; the kind label and
    the spec list are none of it, nor is the model the reviewer's name."""
    def article(kind, headline):
        return (f'<div class="feed-cell"><a href="https://mag.example/a/1" class="feed-item feed-item-mag">'
                f'<div class="feed-lines"><p class="p-cat feed-cat">{kind}</p><p class="feed-ttl">{headline}</p>'
                f'</div></a></div>')

    def teaser(stars, kind, headline, category, model):
        return (f'<div class="feed-cell"><a href="https://reviews.example/r/1/" class="feed-item feed-item-review">'
                f'<div class="feed-lines"><div class="feed-star feed-star-{stars}"></div>'
                f'<p class="p-cat feed-cat">{kind}</p><p class="feed-ttl">{headline}</p>'
                f'<ul class="feed-lines_spec"><li>{category}</li><li>{model}</li></ul></div></a></div>')
    rows = [article("Magazine - Cameras", "Ten pocket cameras we carried up a mountain this spring"),
            teaser(4, "Pro column", "Sews thick denim without a complaint, a workshop machine at home", "Sewing machines", "Stitchwell SW-15 [brown]"),
            article("Magazine - Kitchen", "Why the humble kettle got so clever this year"),
            teaser(5, "Reader topics", "Quiet spin and a timer that makes laundry day painless", "Washing machines", "Aqua-Mate AM-980"),
            article("Group site - Cars", "Road test: a small hatchback with a big boot"),
            teaser(5, "Reader topics", "No ghosting at all and a panel without a single dead pixel", "Monitors", "Vistaline VX258")]
    body = f'<div class="feed"><div class="feed-in"><div class="feed-row">{"".join(rows)}</div></div></div>'
    reviews = _run(body, "https://compare.example/")["reviews"]
    assert [(r["rating"], r["author"], r["title"], r["body"]) for r in reviews] == [
        (4.0, None, None, "Sews thick denim without a complaint, a workshop machine at home"),
        (5.0, None, None, "Quiet spin and a timer that makes laundry day painless"),
        (5.0, None, None, "No ghosting at all and a panel without a single dead pixel")]
