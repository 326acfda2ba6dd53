"""Batch 22 of real pages (review widgets and review lists on shops' and companies' own pages: a
carousel widget of a shop's reviews, a marketplace's review box, a price-comparison site's opinion,
a course site's cards with top reviews, a directory theme's reviews tab, a critic's score in
points): the general rules they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import find_date_text, parse_date

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://shop.example/item/1", lang: str = "en") -> dict:
    html = (f"<html lang='{lang}'><head><meta charset='utf-8'></head><body><h1>Reviews</h1>{body}</body></html>")
    return extract_reviews(html, url, now=NOW)


# -- one rating drawn twice, each in a wrapper of its own ----------------------------------------

def test_a_bar_and_its_figure_in_wrappers_of_their_own_are_one_rating():
    """<span class=score><span class=bar-box><span style="width: 80%"></span></span> <span>4/5</span>
    ...: two anchors of one value with nothing printed between them are one rating; read as two
    they split the page's only review into two empty blocks and it was lost."""
    body = ('<div class="user-post user-post__card js_product-review"><div class="user-post__content">'
            '<span class="user-post__author-name">t...k</span>'
            '<span class="user-post__score"><span class="screen-reader-text">Score:</span>'
            '<span class="score-container"><span class="score-marker" style="width: 80.00%;"></span></span> '
            '<span class="user-post__score-count">4/5</span>'
            '<span class="user-post__published">Posted <time datetime="2022-03-04 10:00:00">2 years ago,</time> '
            '<time datetime="2022-02-26 09:00:00">after 6 days</time> of use</span></span>'
            '<div class="user-post__text">Quiet enough for a small flat and the tank is easy to refill, '
            'though the tray feels a little flimsy.</div></div></div>')
    reviews = _run(body, "https://prices.example/123")["reviews"]
    assert len(reviews) == 1
    assert reviews[0]["rating"] == 4.0
    assert reviews[0]["published_at"] == "2022-03-04"
    assert reviews[0]["body"].startswith("Quiet enough")


# -- a section's label after the text --------------------------------------------------------------

def test_one_labelled_section_after_the_text_is_part_of_it_and_no_title():
    """The text, then one section under a pros label ("Zalety" / "Pros") in an element named
    "feature__title": the section and its label belong to the body (as "Pros" + "Cons" do), the
    label is no title."""
    body = "".join(
        f'<div class="opinion"><span class="opinion__author">user{i}</span>'
        f'<span class="opinion__score" title="{s} out of 5 stars">{s}/5</span>'
        f'<div class="opinion__text">The printer has been reliable for months, refills are simple number {i}.</div>'
        f'<div class="feature"><div class="feature__section"><div class="feature__title">Pros</div>'
        f'<div class="feature__item">quiet printing</div><div class="feature__item">cheap ink</div></div></div></div>'
        for i, s in ((1, 4), (2, 5)))
    reviews = _run(body)["reviews"]
    assert [r["title"] for r in reviews] == [None, None]
    assert reviews[0]["body"] == ("The printer has been reliable for months, refills are simple number 1. "
                                  "Pros quiet printing cheap ink")


def test_a_lone_question_after_the_text_stays_out_of_it():
    """Guard: a lone "Helpful?" with its vote counts after the text is no labelled section."""
    body = "".join(
        f'<div class="review"><span class="stars" title="{s} out of 5 stars"></span><span class="name">Kim{i}</span>'
        f'<div class="text"><p>The courier came a day early and the box was intact, number {i}.</p></div>'
        f'<div class="after-text"><span>Helpful?</span> <a href="#">Yes (3)</a> <a href="#">No (1)</a></div></div>'
        for i, s in ((1, 5), (2, 3)))
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == [f"The courier came a day early and the box was intact, number {i}." for i in (1, 2)]


# -- star classes with the value as a modifier, item cards beside review cards ------------------------

def _course(name: str, n: int, count: int) -> str:
    return (f'<div class="cards__card"><a class="card" href="/c/{name.lower()}"><h4>{name}</h4>'
            f'<div class="card__rating"><div class="rating-stars--s{n}"></div><span>{count} Reviews</span></div>'
            f'<div class="card__cost"><b>Free</b></div></a></div>')


def _course_with_review(name: str, n: int, count: int, who: str, m: int, text: str) -> str:
    return (f'<div class="cards__card-lg"><div class="card-lg"><a class="card" href="/c/{name.lower()}"><h4>{name}</h4>'
            f'<div class="card__rating"><div class="rating-stars--s{n}"></div><span>{count} Reviews</span></div>'
            f'<button class="btn">See Details &amp; Reviews</button></a>'
            f'<div class="card-lg__top-review"><div class="top-review" data-review-id="{count}{m}">'
            f'<div class="top-review__info"><span class="top-review__name">{who}</span>'
            f'<span class="rating-stars rating-stars--s{m}"></span></div>'
            f'<div class="top-review__body">{text}</div>'
            f'<a class="btn" href="/c/{name.lower()}#reviews">Read Full Review</a></div></div></div></div>')


def test_star_class_modifier_in_half_stars_and_item_cards_are_no_reviews():
    """"rating-stars--s9": a class's modifier holds the value; above 5 on the page (s10) the
    scale is half stars (s9 = 4.5). A course's card (its stars beside "35 Reviews") is the
    course's summary, no review, and three such cards make no page score."""
    body = ('<div class="cards">' + _course("Algebra", 10, 35) + _course("Databases", 9, 4) + _course("Drawing", 8, 12)
            + _course_with_review("Statistics", 9, 56, "learner", 10,
                                  "Clear lectures and fair quizzes, the forum answered every question I had.")
            + _course_with_review("Poetry", 8, 47, "Ana", 6,
                                  "Harder than the syllabus suggests, the weekly essays took most of my evenings.")
            + "</div>")
    result = _run(body, "https://courses.example/")
    assert [(r["author"], r["rating"]) for r in result["reviews"]] == [("learner", 5.0), ("Ana", 3.0)]
    assert result["aggregate"] is None


def test_star_class_modifier_in_stars_when_none_goes_above_five():
    from crawlers.extract.reviews_normalize import page_memo
    from crawlers.extract.reviews_starclass import star_class_value
    import lxml.html

    root = lxml.html.fromstring('<div><i class="stars--4"></i><i class="stars--5"></i><i class="stars--0"></i></div>')
    with page_memo(root):
        assert [star_class_value(i) for i in root] == [4.0, 5.0, None]


# -- a carousel widget's card: the product's name is no text, the full count wins ---------------------

def _slide(rid: str, product: str, lit: int, title: str, text: str, who: str) -> str:
    stars = ('<span class="w-icon w-icon-star"></span>' * lit + '<span class="w-icon w-icon-empty-star"></span>' * (5 - lit))
    return (f'<div class="single-carousel review" data-review-id="{rid}"><div class="big-version w-hidden">'
            f'<a class="product-link-container" href="https://go.example/{rid}"><div class="product-image-container">'
            f'<img src="/p/{rid}.jpg"></div><div class="product-name carousel-review-product-text">{product} </div></a>'
            f'<div class="right-side"><div class="stars-container"><span class="w-stars carousel-stars">{stars}</span>'
            f'<span class="carousel-review-date"> 03/05/21 </span></div><div class="carousel-review-title"> {title} </div>'
            f'<div class="carousel-review-body "> {text} </div><div class="carousel-review-author">{who}</div>'
            f'</div></div></div>')


def test_the_products_name_in_a_card_is_no_text_and_a_full_count_beats_a_rounded_one():
    """A review card showing the reviewed product's name ("product-name carousel-review-product-text",
    longer than a short text): the name is the product, never the text. A badge's "12.3K" beside the
    widget's "12346 Reviews": the full count."""
    five = '<span class="w-icon w-icon-star"></span>' * 5
    body = ('<div class="badge"><span class="badge-stars">' + five + '</span><div class="badge-count">12.3K</div> <div class="badge-note">Certified reviews</div></div>'
            '<div class="carousel"><div class="bottom-line"><span class="review-stars">' + five + '</span>'
            '<span class="num-of-reviews"> 12346 Reviews </span></div>'
            + _slide("101", "Compatible Black High-Yield Toner Cartridge Twin Pack", 4, "Works", "No smudges so far.", "Dana P.")
            + _slide("102", "Remanufactured Colour Ink Cartridge Value Set of Four", 5, "Fast", "Arrived next day, prints fine.",
                     "Lee R.")
            + "</div>")
    result = _run(body)
    assert [(r["body"], r["rating"]) for r in result["reviews"]] == [("No smudges so far.", 4.0),
                                                                    ("Arrived next day, prints fine.", 5.0)]
    assert result["aggregate"] == {"rating": 5.0, "count": 12346}


# -- a directory theme's review: "__name" is the review's, "__by" the reviewer's ------------------

def _comment(i: int, by: str, role: str, score: int, title: str, text: str, gallery: str = "") -> str:
    stars = '<i class="fa fa-star"></i>' * score + '<i class="fa fa-star-o"></i>' * (5 - score)
    return (f'<li class="comment" data-reviewid="{i}"><div class="comment__inner"><div class="comment__body">'
            f'<span class="listing__rating"><span class="rating__star">{stars}</span>'
            f'<span class="rating__number">{score}</span></span>'
            f'<div class="comment__by-role"><span class="comment__by">{by}</span>'
            f'<span class="member-item__role"><i class="fa fa-user"></i> {role} </span>'
            f'<span class="comment__date">Aug {i:02d}, 2023</span></div>'
            f'<h3 class="comment__name">{title}</h3>'
            f'<div class="comment__content"><p>{text}</p>{gallery}</div>'
            f'<div class="comment__reaction"><a class="comment-like" href="#"><span class="comment-like__count">1</span></a></div>'
            f'</div></div></li>')


def test_a_heading_named_name_beside_an_author_slot_is_the_title_and_a_role_badge_no_name():
    """"comment__name" (a heading) beside "comment__by": the heading is the review's name, its
    title, whether the by-slot holds the reviewer's name or is left empty; the role badge beside
    it ("Subscriber") is neither a name nor text; a photo titled like the review is the reviewer's
    own (in a gallery), so the title stays."""
    gallery = ('<div class="comment__gallery"><a href="/u/1.jpg"><img src="/u/1.jpg" alt="Shady garden"></a></div>')
    body = ('<ol class="commentlist">'
            + _comment(1, "", "Subscriber", 5, "Lovely view", "We stayed two nights and the terrace looked over the bay.")
            + _comment(2, "Mara Stone", "Administrator", 4, "Good breakfast", "The coffee was strong and the bread came warm.")
            + _comment(3, "", "Subscriber", 4, "Shady garden", "okokok", gallery)
            + "</ol>")
    reviews = _run(body, "https://listings.example/listing/bay-view/")["reviews"]
    assert [(r["author"], r["title"]) for r in reviews] == [(None, "Lovely view"), ("Mara Stone", "Good breakfast"),
                                                           (None, "Shady garden")]
    assert reviews[2]["body"] == "okokok"
    assert [r["rating"] for r in reviews] == [5.0, 4.0, 4.0]


def test_one_latin_letter_cut_from_a_sentence_is_no_name():
    """"I came here last year…": the relative date in it made the guess cut the sentence to "I"."""
    body = '<div class="list">' + "".join(
        f'<div class="entry"><span class="stars" title="{s} out of 5 stars"></span><span class="entry__date">Aug 0{i}, 2023</span>'
        f'<p>I came here last year with friends and the lake was calm, number {i}.</p></div>'
        for i, s in ((1, 5), (2, 4))) + "</div>"
    reviews = _run(body)["reviews"]
    assert [r["author"] for r in reviews] == [None, None]
    assert reviews[0]["body"] == "I came here last year with friends and the lake was calm, number 1."


# -- a marketplace's review box ---------------------------------------------------------------------

def test_a_row_of_icons_with_a_width_overlay_shows_the_overlays_rating():
    """Five icons and, over them, a copy of the five in a span of "width: 80%": 4 stars, not 5."""
    stars = '<i class="star"></i>' * 5
    body = "".join(
        f'<div class="item"><p class="name">Buyer {i}</p><p class="days">2021-0{i}-10</p>'
        f'<span class="rating-box">{stars}<span style="width: {w}%;">{stars}</span></span>'
        f'<p class="review_detail">The fridge is quiet and keeps drinks cold, delivery was on time {i}.</p></div>'
        for i, w in ((1, 80), (2, 60)))
    reviews = _run(body)["reviews"]
    assert [r["rating"] for r in reviews] == [4.0, 3.0]


def test_vietnamese_one_year_ago_in_words():
    now = datetime(2020, 3, 20, 12)
    assert find_date_text("một năm trước") == "một năm trước"
    assert parse_date("một năm trước", now=now, lang="vi") == "2019-03-20"
    assert parse_date("Một tháng trước", now=now, lang="vi") == "2020-02-20"


# -- a critic's score in points ---------------------------------------------------------------------

def test_a_score_in_points_is_out_of_a_hundred_and_a_price_row_has_no_reviewer():
    """"<strong>92</strong> Points" in an element named rating: 92 of 100; the region beside the
    price in the item's facts row is no reviewer's name."""
    body = "".join(
        f'<li class="review-item"><a class="review-listing" href="/guide/wine-{i}/" data-review-id="{i}">'
        f'<div class="title">Estate Red {2015 + i} Valley</div>'
        f'<div class="excerpt">Ripe plum and a long finish, a wine to keep for years {i}&nbsp;...</div>'
        f'<div class="info"><span class="rating"><strong>{p}</strong> Points</span>'
        f'<span class="appellation">Rioja</span><span class="price">$4{i}</span></div></a></li>'
        for i, p in ((1, 92), (2, 88)))
    reviews = _run(f'<ul class="results">{body}</ul>')["reviews"]
    assert [r["rating"] for r in reviews] == [4.6, 4.4]
    assert [r["author"] for r in reviews] == [None, None]
