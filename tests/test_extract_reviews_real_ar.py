"""Batch 49 of real pages (software download and app-review sites): the general rules they
needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_itemlists import item_teaser

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str) -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Example App</h1>{body}</body></html>"
    return extract_reviews(html, "https://apps.example/details?id=org.example.app", now=NOW)


def _stars(value: str, fill: str) -> str:
    return (f'<div aria-label="Rated {value} stars out of five stars" role="img">'
            + '<div class="st on"></div>' * 4 + f'<div class="st part"><div class="st on" style="width: {fill}%"></div></div></div>')


def _item_card(pkg: str, name: str, maker: str, tagline: str, value: str, fill: str) -> str:
    # a "Similar" card: the picture's and an overlay's textless links, the item's name, its maker
    # (another page) and a one-line tagline linking to the item again, the item's average in stars
    href = f"/details?id={pkg}"
    return (f'<div class="card"><div class="pic"><img src="/icons/{pkg}.png" alt=""><a href="{href}" aria-hidden="true" class="cover"></a></div>'
            f'<div class="info"><a href="{href}" aria-hidden="true" class="overlay"></a>'
            f'<div class="name" title="{name}"><a href="{href}"><div>{name}</div></a></div>'
            f'<div class="maker"><a href="/developer?id={maker.replace(" ", "+")}"><div>{maker}</div></a></div>'
            f'<div class="tag"><a href="{href}">{tagline}</a></div>'
            f'<div class="score">{_stars(value, fill)}</div></div></div>')


_SIMILAR = ('<section><h2>Reviews</h2><div class="score-box"><div aria-label="Rated 4.6 stars out of five stars">4.6</div>'
            '<span aria-label="12,345 ratings">12,345</span> total</div><div class="spinner">Loading...</div></section>'
            '<section class="similar"><h2><a href="/cluster?id=1">Similar</a></h2><div class="row">'
            + _item_card("org.example.one", "Pocket Garden Planner", "Greenleaf Labs", "Plan every bed and sow on time, season after season!", "4.3", "29.6")
            + _item_card("org.example.two", "Tiny Tide Tables", "Harbor Apps", "Local tides and moon phases in one quick glance.", "4.3", "27.4")
            + _item_card("org.example.three", "Cloud Sketch Pad", "Greenleaf Labs", "Draw on any device and keep your pages in sync!", "4.4", "39.9")
            + _item_card("org.example.four", "Metro Step Counter", "Stride Works", "Count steps, climb stairs and beat your own records.", "4.2", "18.1")
            + '</div></section>')


# -- a cluster of other items' cards: each its item's average, no review -------------------------

def test_similar_items_cards_are_no_reviews():
    page = _run(_SIMILAR)
    assert page["reviews"] == []


def test_item_teaser_needs_a_named_link_to_the_same_page_and_an_average():
    import lxml.html
    card = lxml.html.fragment_fromstring(_item_card("org.example.one", "Pocket Garden Planner", "Greenleaf Labs",
                                                    "Plan every bed and sow on time, season after season!", "4.3", "29.6"))
    text = "Plan every bed and sow on time, season after season!"
    assert item_teaser(text, 4.3, card)
    assert not item_teaser(text, 4.5, card)  # a half star may be one's own rating
    assert not item_teaser(text, 4.0, card)


def test_review_teaser_linking_its_headline_alone_stays_a_review():
    # a latest-reviews carousel: the picture and the headline link to the review itself, a
    # fractional score beside them (the average of the review's aspects): still reviews
    cards = "".join(
        f'<li class="carousel__item"><a class="link" href="https://my.cars.example/review/{n}/">'
        f'<img class="image" src="/img/{n}.jpg" role="img"/></a>'
        f'<a class="link carousel__title" href="https://my.cars.example/review/{n}/"><div class="carousel__spacer"></div>{t}</a>'
        f'<div class="carousel__rating">Rating:<div class="carousel__rating-i">{v}</div></div></li>'
        for n, t, v in ((101, "Two winters with the estate car, honestly told", "4.6"),
                        (102, "Reliable in town, thirsty on the motorway", "3.8"),
                        (103, "My first car and what it taught me", "4.2")))
    page = _run(f'<div class="carousel"><h2>Reviews</h2><div class="carousel__wrapper"><ul class="carousel__list">{cards}</ul></div></div>')
    assert [r["body"] for r in page["reviews"]] == ["Two winters with the estate car, honestly told",
                                                    "Reliable in town, thirsty on the motorway",
                                                    "My first car and what it taught me"]
    assert [r["rating"] for r in page["reviews"]] == [4.6, 3.8, 4.2]
