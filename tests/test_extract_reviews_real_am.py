"""Batch 44 of real pages (retailers' own product reviews shown on their home pages, 2018: a
mattress shop's customer-review carousel, and two sister e-tailers' community streams where one
product rating sits among product questions and a discussion, each poster's name opening a hover
box of profile facts): the general rules they needed, each on synthetic markup (invented names
and texts)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, 1, 30, tzinfo=timezone(timedelta(hours=1)))


def _run(body: str, url: str = "https://shop.example/") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


def _user(name: str, since: str, level: int, points: int) -> str:
    # the name, and a hover box of the poster's profile facts (shown on hover only)
    return (f'<div class="poster hint-trigger"><a href="/user/{name}">{name}</a>'
            f'<div class="hint-box tooltip-box"><div class="tooltip-content"><h2><strong>{name}</strong></h2>'
            f'<p>Member since {since}</p><div class="stats-table"><div class="row head"><strong>Activity</strong>'
            f'<strong>Level</strong><strong>Points</strong></div><div class="row"><div>{level}</div><div>{points}</div>'
            f'</div></div><a href="/user/{name}">Profile</a></div></div></div>')


def _stars(n: int) -> str:
    return "".join(f'<svg class="icon icon--star{" icon--star-off" if i >= n else ""}"><use href="#star"></use></svg>'
                   for i in range(5))


def _product(name: str) -> str:
    return (f'<div class="post__product"><img alt="{name}" src="/img/{len(name)}.jpg">'
            f'<div class="product-name"><span class="brand">Acme</span> {name}</div>'
            f'<a class="overlay" href="/product/{len(name)}"></a></div>')


def _post(kind: str, head: str, text: str, user: str, time: str, product: str, extra: str = "") -> str:
    return (f'<article class="feed-post feed-post--{kind}"><div class="post__main"><h2><a href="/{kind}/1">{head}</a></h2>'
            f'{text}<div class="post__details"><div class="post__author">{user}{extra}</div>'
            f'<div class="post__time">{time}</div></div>{product}</div></article>')


def _stream(rating_text: str, stars: int = 4, verified: str = "") -> str:
    posts = [
        _post("question", "How tall are the trays when stacked?", "", _user("quillpen", "May 2017", 1, 890),
              "yesterday 20:39", _product("Letter tray")),
        _post("question", "Can maps of other continents be loaded?", "", _user("trailfox", "June 2014", 9, 8332),
              "today 00:09", _product("Car navigator 6")),
        _post("rating", f'<span class="stars">{_stars(stars)}</span>{rating_text}', "",
              _user("nordwind7", "March 2012", 4, 2553), "today 00:23", _product("Compact phone"), verified),
        _post("discussion", "Headsets",
              "<p>Hello all, which headset would you pick for a desktop computer, and are there any add-ons?</p>",
              _user("pixelmoth", "May 2014", 10, 9250), "yesterday 21:50", ""),
    ]
    return f'<div class="community"><h2>The shop community</h2><div class="carousel">{"".join(posts)}</div></div>'


LONG = ("Very happy with it. Anyone after a truly pocketable phone that still runs everything fast should have "
        "a look at this one, the battery easily lasts a day.")


def test_questions_and_discussions_of_a_community_stream_are_no_reviews():
    """Posts drawn alike, told apart by a class modifier ("feed-post--question", "--discussion"
    beside "--rating"): only the rated post is a review; the others carry no rating."""
    reviews = _run(_stream(LONG))["reviews"]
    assert [r["body"] for r in reviews] == [LONG]
    assert reviews[0]["rating"] == 4.0


def test_a_hover_box_of_the_posters_profile_is_no_name_and_no_text():
    """The poster's name opens a hidden box ("tooltip-box", "tooltip-content") with the name again,
    'Member since', a table headed 'Activity / Level / Points' and a profile link: the author is
    the name, not the table's head; the box is no review of its own."""
    reviews = _run(_stream(LONG))["reviews"]
    assert len(reviews) == 1
    assert reviews[0]["author"] == "nordwind7"
    assert "Member since" not in (reviews[0]["body"] or "")


def test_a_link_classed_tooltip_is_still_the_name():
    """A link that only HAS a tooltip (class "tooltip" alone on the <a>) is no hover box: the
    reviewer's name in it stays the author."""
    cards = "".join(
        f'<div class="review"><div class="rating" data-score="{s}">{s}/5</div>'
        f'<a href="/u/{n}" title="Profile of {n}" class="tooltip"><span class="reviewer">{n}</span></a>'
        f'<span class="date">2024-05-{10 + i}</span><p class="review-text">{t}</p></div>'
        for i, (s, n, t) in enumerate([(4, "kestrel_9", LONG), (2, "moorhen", "The case cracked within a week and "
                                       "support never wrote back to me about a replacement.")]))
    reviews = _run(f'<div class="reviews">{cards}</div>')["reviews"]
    assert [r["author"] for r in reviews] == ["kestrel_9", "moorhen"]


def test_a_german_bought_this_product_line_is_a_verified_notice_not_the_text():
    """A short rating whose only text is in the heading beside the stars, and a line
    '(hat dieses Produkt gekauft)' ('has bought this product') under the name: the line is the
    verified-buyer notice, the heading's words are the text."""
    verified = '<div class="post__verified-buyer">(hat dieses Produkt gekauft)</div>'
    reviews = _run(_stream("Leise und schnell", stars=5, verified=verified))["reviews"]
    assert len(reviews) == 1
    assert reviews[0]["body"] == "Leise und schnell"
    assert reviews[0]["rating"] == 5.0


# -- part 2: an electronics maker's own store, its product tiles each showing one review --------

TILE_REVIEWS = [("Quiet all night and the app schedules it without any fuss at all", "rivermint", 1514387119),
                ("Arrived the next day, paired in a minute, battery lasts the week", "4417728", 1529575263),
                ("Fits the small kitchen corner and cooks rice evenly every time", "", 1512987469)]


def _tile(i: int, text: str, name: str, epoch: int) -> str:
    return (f'<li class="grid-item grid-item-m"><div class="figure"><a href="/p/{i}"><img src="/i/{i}.jpg" alt="Gadget {i}"></a></div>'
            f'<h3 class="title"><a href="/p/{i}">Gadget {i}</a></h3><p class="desc">A small helpful device</p>'
            f'<p class="price"><span class="num">{100 + i}</span> yuan</p>'
            f'<div class="review-wrapper"><a href="/p/{i}"><span class="review">{text}</span>'
            f'<span class="author"> 来自于 {name} 的评价 <span class="date" data-date="{epoch}"></span></span></a></div></li>')


def _grid() -> str:
    tiles = "".join(_tile(i, t, n, e) for i, (t, n, e) in enumerate(TILE_REVIEWS))
    return (f'<div class="home-box"><h2>Smart home</h2><ul class="grid-list">{tiles}'
            '<li class="grid-item grid-item-s"><h3 class="title"><a href="/p/9">Power strip</a></h3>'
            '<p class="price"><span class="num">49</span> yuan</p></li></ul></div>')


def test_one_review_in_each_tile_of_a_product_grid_is_a_review():
    """Product tiles (picture, name, price) each holding one element named for a review
    ('review-wrapper', alone in its tile): each is a review, its text the review's words, not
    the product's name or price; the date from the empty date span's epoch."""
    reviews = _run(_grid())["reviews"]
    assert [r["body"] for r in reviews] == [t for t, _, _ in TILE_REVIEWS]
    assert [r["published_at"] for r in reviews] == ["2017-12-27", "2018-06-21", "2017-12-11"]
    assert all(r["rating"] is None and r["title"] is None for r in reviews)


def test_a_framed_byline_names_the_reviewer_as_printed():
    """'来自于 NAME 的评价' ('NAME's review'): the name between the frame's halves, a user number
    too; an empty frame names nobody."""
    reviews = _run(_grid())["reviews"]
    assert [r["author"] for r in reviews] == ["rivermint", "4417728", None]


def test_tiles_showing_only_a_review_count_are_no_reviews():
    """Guard: product tiles whose review-named element holds only stars and a count
    ('★★★★☆ 12 reviews') show no review."""
    tiles = "".join(f'<li class="grid-item"><h3 class="title"><a href="/p/{i}">Gadget {i}</a></h3>'
                    f'<p class="price">{100 + i} yuan</p><div class="product-review-wrapper">★★★★☆ {10 + i} reviews</div></li>'
                    for i in range(4))
    assert _run(f'<ul class="grid-list">{tiles}</ul>')["reviews"] == []
