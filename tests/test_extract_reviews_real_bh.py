"""Batch 65 of real pages (reviews of services, professionals and courses: a bootcamp-review site's
carousels of schools' cards, each with one student's quote; a B2B directory's testimonials; a course
directory's home page with no review): the general rules they needed, on synthetic markup
(invented schools, names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2018, 3, 20, tzinfo=timezone.utc)
URL = "https://bootcamps.example/"


def _stars(n: int) -> str:
    return "".join('<i class="fa fa-star"></i>' if i < n else '<i class="fa fa-star-o"></i>' for i in range(5))


def _card(slug: str, quote: str, name: str, place: str, subjects: str, stars: int = 5, item_stars: int = 5,
          price: str = "$$") -> str:
    """A school's card: one student's stars and quoted words, then the school's own card (its name
    linked, its places and subjects each after an icon, its average in stars, its price range)."""
    return (f'<li class="span3 landing"><div class="topic"><div class="thumb-wrapper">'
            f'<div class="reviewer-card"><div class="reviewer-info transition">'
            f'<h3 class="reviewer-score">{_stars(stars)}</h3>'
            f'<div class="review-headline"><q>"{quote}"</q></div></div></div>'
            f'<div class="thumb-overlay"><div class="thumb-info">'
            f'<h4 class="topic-title"><span><img alt="{name} review" src="/img/{slug}.png"></span>'
            f'<a href="/schools/{slug}">{name}</a></h4>'
            f'<h5 class="topic-location"><i class="fa fa-map-marker"></i>{place}</h5>'
            f'<h5 class="topic-subjects"><i class="fa fa-book"></i>{subjects}</h5></div>'
            f'<div class="thumb-ratings"><div class="thumb-stars">{_stars(item_stars)}</div>'
            f'<div class="thumb-price">{price}</div></div></div></div></div></li>')


CARDS = {
    "northwind": ("Northwind changed how I approach every new problem", "Northwind Code", "Leeds, Online",
                  "Full-Stack Web Development, JavaScript, Node.js, React, SQL, Git, Testing, Career Coaching"),
    "bluebay": ("Twelve weeks at Bluebay, and I now write code for a living", "Bluebay Academy",
                "Porto, Lisbon, Online", "Data Science, Python, Statistics, Machine Learning, SQL, Visualisation"),
    "cedar": ("Cedar Lab gave me a mentor who answered every question I had", "Cedar Lab", "Online",
              "UX Design, UI Design, Prototyping, User Research, Figma, Portfolio Review"),
    "dune": ("The projects at Dune felt like real client work from the first week", "Dune Institute",
             "Austin, Denver, Online", "Mobile Development, Swift, Kotlin, Firebase, REST APIs, App Store Publishing"),
}


def _carousel(cid: str, slugs: list[str], stars: dict | None = None) -> str:
    stars = stars or {}
    items = "".join(_card(s, *CARDS[s], stars=stars.get(s, 5)) for s in slugs)
    return (f'<div id="{cid}" class="carousel slide"><div class="carousel-inner">'
            f'<div class="active item"><ul class="thumbnails">{items}</ul></div></div></div>')


def _page(*carousels: str) -> str:
    return ('<html><body><div class="highlight-section" id="landing-reviews">'
            '<h2>Featured Schools and Bootcamps</h2>' + "".join(carousels) + '</div></body></html>')


def _read(page: str) -> list[tuple]:
    got = extract_reviews(page, url=URL, now=NOW)["reviews"]
    return [(r["author"], r["rating"], r["title"], r["body"]) for r in got]


def test_each_card_gives_its_student_s_quote_and_stars():
    # the school's subjects after a book icon run twice as long as the student's short quote:
    # still the quote is the text, with the student's stars (the school's card beside it, its
    # name and its lines led by icons, is no review: reviews_iconlines)
    page = _page(_carousel("c1", ["northwind", "bluebay", "cedar", "dune"], {"bluebay": 4, "dune": 3}))
    assert _read(page) == [
        (None, 5.0, None, "Northwind changed how I approach every new problem"),
        (None, 4.0, None, "Twelve weeks at Bluebay, and I now write code for a living"),
        (None, 5.0, None, "Cedar Lab gave me a mentor who answered every question I had"),
        (None, 3.0, None, "The projects at Dune felt like real client work from the first week"),
    ]


def test_a_quotation_in_the_reviewer_s_box_is_no_name():
    # "reviewer-info" holds the stars and the quoted words: cut at its comma, the quote would
    # read as a name ('"Twelve weeks at Bluebay')
    page = _page(_carousel("c1", ["bluebay", "cedar", "dune"], {"bluebay": 4, "cedar": 4, "dune": 4}))
    assert [a for a, *_ in _read(page)] == [None, None, None]


def test_the_last_stars_of_one_card_and_the_first_of_the_next_are_two_ratings():
    # the school's average closes one card, the next student's stars open the next one, only a
    # price range ("$$") between them: two cards' ratings, not one rating drawn twice (else the
    # second student's stars are lost and the first card is read in two halves)
    # (the first student gave four stars, the school's average shows five, as the next student's)
    page = _page(_carousel("c1", ["northwind", "bluebay", "cedar"], {"northwind": 4}))
    assert _read(page) == [
        (None, 4.0, None, "Northwind changed how I approach every new problem"),
        (None, 5.0, None, "Twelve weeks at Bluebay, and I now write code for a living"),
        (None, 5.0, None, "Cedar Lab gave me a mentor who answered every question I had"),
    ]


def test_a_school_s_card_of_name_and_facts_is_no_review():
    # each card's second star row is the school's average, in the school's card (its name, its
    # places and subjects after icons, a price range): no review of its own
    page = _page(_carousel("c1", ["northwind", "bluebay"], {"northwind": 4, "bluebay": 3}))
    got = _read(page)
    assert [(rating, body) for _, rating, _, body in got] == [
        (4.0, "Northwind changed how I approach every new problem"),
        (3.0, "Twelve weeks at Bluebay, and I now write code for a living"),
    ]


def test_the_same_words_shown_again_in_a_second_carousel_are_one_review():
    # a second carousel repeats three of the first one's quotes in another order: no name, but
    # the same words and stars are the same review
    page = _page(_carousel("c1", ["northwind", "bluebay", "cedar"], {"bluebay": 4}),
                 _carousel("c2", ["dune", "cedar", "bluebay", "northwind"], {"bluebay": 4}))
    assert [body for *_, body in _read(page)] == [
        "Northwind changed how I approach every new problem",
        "Twelve weeks at Bluebay, and I now write code for a living",
        "Cedar Lab gave me a mentor who answered every question I had",
        "The projects at Dune felt like real client work from the first week",
    ]


def test_the_marks_round_a_short_quoted_text_are_no_part_of_it():
    # a short quote, read first as the card's headline and then found to be its only words: its
    # quotation marks go, as round any text (an inner pair stays)
    CARDS["wren"] = ('Wren feels like "school" in the best way', "Wren School", "Oslo",
                     "Front-End Development, HTML, CSS, JavaScript")
    try:
        page = _page(_carousel("c1", ["wren", "northwind", "bluebay"], {"wren": 4, "northwind": 4, "bluebay": 4}))
        assert _read(page)[0] == (None, 4.0, None, 'Wren feels like "school" in the best way')
    finally:
        del CARDS["wren"]


def _post(slug: str, title: str, author: str, date: str, text: str) -> str:
    return (f'<div class="col"><h2><a href="/schools/{slug}#/news/{slug}-spotlight">{title}</a></h2>'
            f'<p class="details"><span class="author"><span class="icon-user"></span>{author}</span>'
            f'<span class="date"><span class="icon-calendar"></span>{date}</span></p>'
            f'<p><strong>{text}</strong></p>'
            f'<a class="button" href="/schools/{slug}#/news/{slug}-spotlight">Continue Reading</a></div>')


def test_dated_teasers_in_a_box_of_posts_with_continue_reading_are_no_reviews():
    # a home page's "From the Community" posts: each a title, an author and a date after icons,
    # an excerpt and a "Continue Reading" link, in a box named "posts": no reviews
    page = ('<html><body><section class="main"><h4 class="blog-link"><a href="/blog">From the Community</a></h4>'
            '<div class="columns posts">'
            + _post("harbor", "Alumni Spotlight: Mira of Harbor", "Jo Lane", "3/19/2018",
                    "After years in retail, Mira wanted a job she could grow in, so she enrolled in an evening "
                    "course and now builds dashboards for a logistics firm.")
            + _post("summit", "Student Spotlight: Theo of Summit", "Jo Lane", "3/16/2018",
                    "Theo studied geology, then found he liked scripting his field data more than the field. "
                    "We asked him how the self-paced course fits around his job.")
            + '</div></section></body></html>')
    assert extract_reviews(page, url=URL, now=NOW)["reviews"] == []
