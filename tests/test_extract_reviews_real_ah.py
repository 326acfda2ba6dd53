"""Batch 39 of real pages (car owner reviews and automotive sites' home pages of 2017-2018: a car
forum's latest owner reviews, a cycling magazine's grid of articles with rated review cards, a
car magazine's grid with one rated review card): the general rules they needed, each on
synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_itemlines import price_only, priced_label, vehicle_variant

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://motoring.example/") -> dict:
    html = f"<html lang='en'><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- one rated card in a grid of articles ------------------------------------------------------

def _article(label: str, href: str, heading: str, teaser: str, rating: int | None = None) -> str:
    stars = (f'<div class="pad-top"><span class="rating rating--{rating}">Rated {rating} out of 5</span></div>'
             if rating else "")
    return (f'<article class="article col w-3"><header class="cf"><p class="cat">{label}</p></header>'
            f'<a href="{href}"><div class="img-wrap"><img src="/img/{len(heading)}.jpg" alt=""></div>'
            f'<h2 class="no-marg">{heading}</h2>{stars}'
            f'<p class="teaser">{teaser} <span class="more">&hellip;</span></p></a></article>')


_GRID_TEASERS = [
    ("News", "/news/bridge-tolls-to-rise/", "Bridge tolls to rise in the spring",
     "Drivers crossing the estuary will pay more from April, the operator confirmed this week"),
    ("Feature", "/news/cheap-runabouts-compared/", "Three cheap runabouts compared",
     "We lined up the smallest hatchbacks on sale to see which one makes the best first car"),
    ("Advice", "/advice/winter-tyres-explained/", "Winter tyres explained",
     "Everything you need to know before fitting cold-weather rubber to your family car"),
]
_REVIEW_TEASER = "Quick, quiet and roomy, though the options list makes it dear"


def _grid(card: str) -> str:
    items = [_article(*t) for t in _GRID_TEASERS]
    items.insert(1, card)
    return (f'<main><section id="latest"><h2>Latest news, reviews and advice</h2>'
            f'<div class="grid articles">{"".join(items)}</div></section></main>')


def test_the_one_rated_card_of_a_grid_linking_to_a_review_page_is_a_review():
    page = _grid(_article("Reviews", "/makeo/zephyr/estate/review/", 'Makeo <br/><span class="weight--normal"> Zephyr</span>',
                          _REVIEW_TEASER, 4))
    reviews = _run(page)["reviews"]
    assert [(r["rating"], r["body"]) for r in reviews] == [(4.0, _REVIEW_TEASER + " …")]
    assert "Reviews" not in (reviews[0]["author"] or "")  # (the card's label of its kind is no part of it)


def test_the_grid_card_is_told_by_its_label_alone():
    page = _grid(_article("Review", "/cars/makeo-zephyr-estate/", "Makeo Zephyr", _REVIEW_TEASER, 3))
    reviews = _run(page)["reviews"]
    assert [(r["rating"], r["body"]) for r in reviews] == [(3.0, _REVIEW_TEASER + " …")]


def test_a_rated_grid_card_that_names_no_review_is_not_one():
    # (a product's stars on a shop's grid of articles is no review)
    page = _grid(_article("Deals", "/deals/makeo-zephyr/", "Makeo Zephyr", _REVIEW_TEASER, 4))
    assert _run(page)["reviews"] == []


# -- markup that scores its reviews but leaves their text outside them ------------------------

def _post(kind: str, pid: int, author: str, heading: str, price: str | None, rating: float | None,
          synopsis: str | None) -> str:
    review = ""
    if rating is not None:
        review = (f'<p class="post-title-price" itemprop="offers" itemscope itemtype="http://schema.org/Offer">'
                  f'<span>&pound;{price}<meta itemprop="price" content="{price}"></span></p>'
                  f'<div itemprop="review" itemscope itemtype="http://schema.org/Review">'
                  f'<meta itemprop="author" content="{author}"><span class="rating"><span class="rate">{rating:g}</span></span>'
                  f'<div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">'
                  f'<meta itemprop="ratingValue" content="{rating:g}"><meta itemprop="bestRating" content="5"></div></div>')
    scope = ' itemscope itemtype="http://schema.org/Product"' if rating is not None else ""
    syn = f'<div class="post-content"><p itemprop="description" class="post-synopsis">{synopsis}</p></div>' if synopsis else ""
    return (f'<article itemscope itemtype="http://schema.org/CreativeWork" id="post-{pid}" class="post post-{kind}">'
            f'<meta itemprop="author" content="{author}"><figure class="post-figure"><a href="/p/{pid}/">'
            f'<img alt="{heading}" src="/i/{pid}.jpg"></a><a class="post-category" href="/c/">{kind.title()}</a></figure>'
            f'<div class="blurb"{scope}><header class="post-header"><h2 class="post-title"><a href="/p/{pid}/">'
            f'<span itemprop="name">{heading}</span></a></h2>{review}'
            f'<time class="datetime" datetime="2024-05-{pid % 28 + 1:02d} 10:00">May {pid % 28 + 1}, 2024</time></header>'
            f'{syn}</div></article>')


_SYNOPSES = ["A light trail pack with room for a full day out", "Stiff, quick and happiest on smooth roads",
             "Warm, windproof and cut long at the back"]


def test_markup_reviews_without_text_take_the_layout_cards_text():
    posts = [_post("review", 11, "Ann Rider, Trail Monthly", "Packo Lite 20 review", "90.00", 3.5, _SYNOPSES[0]),
             _post("news", 12, "Staff", "Club opens a new trail centre", None, None, "Forty miles of new singletrack"),
             _post("review", 13, "Bo Spokes", "Velo Fast 2 review", "1,999.00", 4.0, _SYNOPSES[1]),
             _post("review", 14, "Cy Gear", "Warmo Shell jacket review", "120.00", 4.0, _SYNOPSES[2])]
    page = f'<section class="posts grid">{"".join(posts)}</section>'
    reviews = _run(page)["reviews"]
    assert [(r["rating"], r["body"]) for r in reviews] == [(3.5, _SYNOPSES[0]), (4.0, _SYNOPSES[1]), (4.0, _SYNOPSES[2])]
    assert reviews[0]["author"] == "Ann Rider, Trail Monthly"  # (the markup's author, as printed there)
    assert all(r["title"] is None for r in reviews)  # (not the price beside the heading)


def test_a_rated_card_with_no_text_gets_no_price_for_one():
    posts = [_post("review", 11, "Ann Rider", "Packo Lite 20 review", "90.00", 3.5, _SYNOPSES[0]),
             _post("review", 12, "Dee Wheel", "Rollo Carbon wheelset review", "1,099.00", 4.0, None),
             _post("review", 13, "Bo Spokes", "Velo Fast 2 review", "1,999.00", 4.0, _SYNOPSES[1])]
    reviews = _run(f'<section class="posts grid">{"".join(posts)}</section>')["reviews"]
    assert [r["body"] for r in reviews if r["body"]] == [_SYNOPSES[0], _SYNOPSES[1]]
    assert not any("£" in (r["body"] or "") or "£" in (r["title"] or "") for r in reviews)


# -- lines about the item, not the review -------------------------------------------------------

def test_item_lines():
    assert price_only("£180.00") and price_only("$1,299") and price_only("from €9.995")
    assert not price_only("Worth every penny at £180")
    assert priced_label("Reviews £1,099.00") and not priced_label("Great value for £90, would buy again")
    assert vehicle_variant("Makeo Zephyr (2012 MT 98 л.с. 1.4 л.)")
    assert vehicle_variant("Makeo Breeze (1.6 MMT Comfort 2008 г.)")
    assert vehicle_variant("Makeo Breeze (2.0 TDI 150 hp)")
    assert not vehicle_variant("Great value (rated 4.5 in 2019)")
    assert not vehicle_variant("Makeo Breeze (Comfort trim)")


def test_owner_review_headed_by_the_vehicle_and_its_spec_has_no_title():
    item = ('<div class="item clearBox"><div class="title"><a href="/opinions/makeo/{m}/{n}.html">{car}</a></div>'
            '<div class="text">{text}</div><div class="details"><span>{d}</span> <a href="/users/{n}.html">{u}</a></div></div>')
    rows = [("zephyr", 101, "Makeo Zephyr (2012 MT 98 л.с. 1.4 л.)", "Пять лет езжу на этой машине и ни разу не пожалела о покупке", "22.01.17", "ridera"),
            ("breeze", 102, "Makeo Breeze (1.4 л. 75 л.с. Base)", "Подвеска жестковата, зато расход топлива радует даже зимой", "20.01.17", "riderb"),
            ("gust", 103, "Makeo Gust (1.6 MMT Комфорт 2008 г.)", "Машина тёплая и экономичная, но шумоизоляция могла бы быть лучше", "13.12.16", "riderc")]
    page = ('<div class="partition"><div class="head"><div class="title"><a href="/opinions/">Отзывы об автомобилях</a></div></div>'
            '<div class="inner">' + "".join(item.format(m=m, n=n, car=c, text=t, d=d, u=u) for m, n, c, t, d, u in rows)
            + '</div></div>')
    html = f"<html lang='ru'><head><meta charset='utf-8'></head><body>{page}</body></html>"
    reviews = extract_reviews(html, "https://cars.example/", now=NOW)["reviews"]
    assert [r["body"] for r in reviews] == [t for _, _, _, t, _, _ in rows]
    assert [r["title"] for r in reviews] == [None, None, None]
    assert [r["published_at"] for r in reviews] == ["2017-01-22", "2017-01-20", "2016-12-13"]
