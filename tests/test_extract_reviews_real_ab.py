"""Batch 33 of real pages (home pages of Russian-language review sites, 2018: a feed of the
latest reviews of many services, each showing the service's average; an employer-review site's
quoted best reviews, its latest reviews with thumbs-up/thumbs-down sections and a sidebar of
top companies): the general rules they needed, each on synthetic markup (invented names and
texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from lxml import html as lxml_html

from crawlers.extract.reviews import _parse, extract_reviews
from crawlers.extract.reviews_layout import find_blocks
from crawlers.extract.reviews_normalize import page_memo, rating_label_line
from crawlers.extract.reviews_widgets import rating_of

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)

TEXTS = ["The delivery came two days early and the parcel was packed with care.",
         "Support answered within the hour and sorted out the wrong size for me.",
         "The colour is darker than in the photos, otherwise it does the job well."]


def _run(body: str, url: str = "https://reviews.example/") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Latest reviews</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


def _bar(value: str, width: str) -> str:
    return f"<span class='score-view' title='{value}'><span style='width: {width}%'></span></span>"


# -- a drawn widget's tooltip ----------------------------------------------------------------

def test_tooltip_figure_of_a_drawn_widget_is_the_exact_rating():
    """A box named a rating whose title prints the figure ("3.57") over a bar of width 71.3%:
    the width only rounds it (3.565 -> 3.56); the title is the rating. A tooltip that is no
    figure, or a box with no bar in it, is read as before."""
    assert rating_of(lxml_html.fromstring(_bar("3.57", "71.3"))) == 3.57
    assert rating_of(lxml_html.fromstring(_bar("2.8", "56.1"))) == 2.8
    # (no figure in the tooltip: the bar's width says it)
    assert rating_of(lxml_html.fromstring(_bar("Good", "80"))) in (None, 4.0)
    cards = "".join(
        f"<div class='last-review'><h4>Kim {n}.</h4><p class='txt'>{t}</p>"
        f"<p class='muted'>Score given: {_bar(v, w)}</p><div class='when'>0{i + 1}.03.2023</div></div><hr>"
        for i, (t, n, v, w) in enumerate(zip(TEXTS, "AB", ("3.57", "4.12"), ("71.3", "82.3"))))
    reviews = _run(cards)["reviews"]
    assert [r["rating"] for r in reviews] == [3.57, 4.12]


# -- the reviewed item's average inside each review ----------------------------------------

def _feed_item(text: str, name: str, day: str, avg: str, width: int, votes: int) -> str:
    return (f"<div class='item'><div class='left-block'><div class='product-info'>"
            f"<div class='title'><a href='/svc-{votes}/'>Service {votes}</a></div></div>"
            f"<p class='excerpt'>{text}</p>"
            f"<div class='author-info'>2023.03.{day} at 10:40 wrote: <span class='list_author'>{name}</span></div></div>"
            f"<div class='right-block'><div class='ratings'><div class='stars'>"
            f"<div class='star-grey' title='{avg}'></div><div class='star-gold' style='width:{width}%' title='{avg}'></div>"
            f"</div>Голосов: {votes}<br>Средняя оценка: {avg}<br></div>"
            f"<a href='/svc-{votes}/' class='btn'>Оставить отзыв</a></div></div>")


def test_an_items_average_over_votes_in_each_review_is_no_reviewers_rating():
    """A feed of reviews of many services, each card showing the service's stars beside
    "Голосов: 12" (votes) and "Средняя оценка: 4,83" (average): that is the service's score over
    its votes, not the reviewer's; the reviews have no rating of their own. The service's name,
    linked to the same page as the card's "Оставить отзыв" (write a review) button, is the
    reviewed item, no title."""
    items = "".join(_feed_item(t, f"Kim {n}.", f"1{i}", avg, w, v)
                    for i, (t, n, avg, w, v) in enumerate(zip(TEXTS, "ABC", ("4,83", "3,75", "4,20"), (97, 75, 84), (12, 4, 5))))
    result = _run(f"<div class='reviews items-box'>{items}</div>")
    reviews = result["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
    assert [r["rating"] for r in reviews] == [None, None, None]
    assert [r["title"] for r in reviews] == [None, None, None]
    assert [r["author"] for r in reviews] == ["Kim A.", "Kim B.", "Kim C."]
    assert [r["published_at"] for r in reviews] == ["2023-03-10", "2023-03-11", "2023-03-12"]


def test_an_average_box_beside_the_reviewers_name_stays_the_reviews_rating():
    """Guard: a review's header holding the reviewer's name, their review count ("3 reviews")
    and their own average over aspects ("Average 7.7 / 10") is no item's summary: the rating and
    the name stay the review's."""
    cards = "".join(
        f"<div class='hreview'><div class='header'><div class='name reviewer'>Kim {n}.</div>"
        f"<div class='reviews'>3 reviews</div><div class='main-rating'><div class='rating'>"
        f"<span class='value'>{v}</span><span class='best'>10</span></div><div class='caption'>Average</div></div></div>"
        f"<div class='content'><p class='description'>{t}</p></div></div>"
        for t, n, v in zip(TEXTS, "ABC", ("7.7", "9.0", "6.0")))
    reviews = _run(cards)["reviews"]
    assert [r["rating"] for r in reviews] == [3.85, 4.5, 3.0]
    assert [r["author"] for r in reviews] == ["Kim A.", "Kim B.", "Kim C."]


# -- the reviewed item's name, its cards and stand-in names ----------------------------------

def test_a_linked_name_repeating_the_cards_picture_link_is_the_reviewed_item():
    """A company's card quoting its best review: the heading links to the company's page, as the
    logo beside it and the "26 reviews" link do: the company reviewed, no title of the review."""
    cards = "".join(
        f"<div class='company'><a class='company-img' href='/company/c{i}/reviews'><img src='/logo{i}.png' alt='Logo'></a>"
        f"<div class='company-content'><h3><a href='/company/c{i}/reviews'>Company number {i}</a></h3>"
        f"<div class='muted'>Left <a href='/company/c{i}/reviews'>{20 + i} reviews</a></div></div>"
        f"<div class='best-review'><span class='review-text'>{t}</span>"
        f"<div class='muted'>Kim {n}., 0{i + 1}.10.2013, 21:34</div></div></div><hr>"
        for i, (t, n) in enumerate(zip(TEXTS, "ABC")))
    reviews = _run(cards)["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
    assert [r["title"] for r in reviews] == [None, None, None]


def test_a_name_heading_that_is_a_stand_in_is_no_title():
    """A card headed by a stand-in for a name ("Аноним", "Anonymous") and a review verb: no
    author, and no title either."""
    cards = "".join(
        f"<div class='last-review'><div class='info'><h4>{who}</h4><div>left a review of</div>"
        f"<a href='/company/c{i}'>Company {i}</a></div><div class='review-content'><p>{t}</p>"
        f"<div class='date'>2{i}.03.2018</div></div></div><hr>"
        for i, (who, t) in enumerate(zip(("Аноним", "Anonymous", "Аноним"), TEXTS)))
    reviews = _run(f"<div class='reviews'>{cards}</div>")["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
    assert [r["title"] for r in reviews] == [None, None, None]
    assert [r["author"] for r in reviews] == [None, None, None]


def test_cards_of_a_name_stars_and_a_review_count_are_no_reviews():
    """A sidebar of top companies: each card a logo, a linked name, a drawn rating and "17
    reviews", nothing else: each company's summary, neither a review block nor the page's
    score."""
    tops = "".join(
        f"<div class='company'><a class='company-img' href='/company/t{i}/reviews'><img src='/logo/{i}.png' alt='{1000 + i}'></a>"
        f"<div class='company-content'><h4><a href='/company/t{i}/reviews'>Investment and trust company of the north number {i}, LLC</a></h4>"
        f"<div class='pull-left'>{_bar(v, w)}</div><div class='pull-right'><a href='/company/t{i}/reviews'>{c} reviews</a></div></div></div>"
        for i, (v, w, c) in enumerate(zip(("5.0", "4.96", "4.95", "4.92"), ("100.0", "99.2", "99.0", "98.4"), (6, 17, 8, 10))))
    root = _parse(f"<html><body><div class='widgets'><h3>Top companies</h3>{tops}</div></body></html>")
    with page_memo(root):
        assert find_blocks(root)[0] == []
    cards = "".join(
        f"<div class='last-review'><h4>Kim {n}.</h4><p class='txt'>{t}</p>"
        f"<p class='muted'>Score given: {_bar(v, w)}</p><div class='when'>0{i + 1}.03.2023</div></div><hr>"
        for i, (t, n, v, w) in enumerate(zip(TEXTS, "AB", ("3.57", "4.12"), ("71.3", "82.3"))))
    result = _run(f"<div class='main'>{cards}</div><div class='widgets'><h3>Top companies</h3>{tops}</div>")
    assert [r["body"] for r in result["reviews"]] == TEXTS[:2]
    assert result["aggregate"] is None


# -- sections labelled by icons, a rating's label row -----------------------------------------

def test_sections_opening_with_thumbs_icons_are_all_the_text():
    """The text in two paragraphs, each opening with an icon for its kind (a thumb up for the
    good, a thumb down for the bad) instead of a word: both are the review's text, in order; the
    rating row "Rating of company:" (its label and a bar) under them is no part of it."""
    good = ["The office is close to the station.",
            "A friendly team and a manager who explains every task twice if asked, and the pay always "
            "comes on time, which matters more than anything else when the rent is due on the first."]
    bad = ["Overtime is common at the end of each quarter and it is rarely paid; the canteen closes "
           "early, so the late shift has to bring food from home, and the parking lot is always full.",
           "Parking is hard."]
    cards = "".join(
        f"<div class='last-review'><div class='info'><h4>Kim {n}.</h4></div><div class='review-content'>"
        f"<p><span class='text-success'><i class='fa fa-thumbs-o-up'></i></span><span class='review-text'>{g}</span></p>"
        f"<p><span class='text-danger'><i class='fa fa-thumbs-o-down'></i></span><span class='review-text'>{b}</span></p>"
        f"<p class='text-muted'>Rating of company: {_bar(v, w)}</p>"
        f"<div class='date'>2{i}.03.2018, 14:06</div></div></div><hr>"
        for i, (n, g, b, v, w) in enumerate(zip("AB", good, bad, ("2.8", "3.57"), ("56.1", "71.3"))))
    reviews = _run(f"<div class='reviews'>{cards}</div>")["reviews"]
    assert [r["body"] for r in reviews] == [f"{g} {b}" for g, b in zip(good, bad)]
    assert [r["rating"] for r in reviews] == [2.8, 3.57]


def test_a_rating_label_line():
    """A line that is only a rating's label: the label alone, or with a word or two before a
    colon; a sentence that opens with the word is none."""
    assert rating_label_line("Оценка компании:")
    assert rating_label_line("Rating")
    assert rating_label_line("Note globale :")
    assert not rating_label_line("Rating agency was great")
    assert not rating_label_line("Great value for the money")


# -- part 2 (collected after the rules above): a business directory's latest reviews ----------

def _directory_box(i: int, name: str, stars: str, company: str, title: str, text: str) -> str:
    return (f"<div class='review clearfix' id='reviewboxid_{i}'><div class='review_left'><a href='/users/{i}/'>"
            f"<img src='/a/{i}.png' alt=''></a></div><div class='review_right'><div class='review_right_header'>"
            f"<a href='/users/{i}/'>{name}</a> <img src='/i/box.png'> {i}</div><div class='review_box'>"
            f"<div class='review_info'><div class='review_stars stars-small'><div class='{stars}'></div></div>"
            f"<div class='review_info_company_name'><a href='/city/com/c{i}/'>{company}</a></div></div>"
            f"<div class='review_title'>{title}</div><div class='review_text'><a href='/city/com/c{i}/#userreviews_{i}'>"
            f"{text}</a></div></div></div></div>")


def test_a_star_class_spelling_the_score_as_a_word():
    """A star row's class spells the score as an English number word ("stars-five",
    "rating_four", "three-half-stars"): that is the rating; a class naming no score stays none."""
    assert rating_of(lxml_html.fromstring("<div class='stars-five'></div>")) == 5.0
    assert rating_of(lxml_html.fromstring("<div class='rating_four'></div>")) == 4.0
    assert rating_of(lxml_html.fromstring("<span class='icon three-half-stars'></span>")) == 3.5
    assert rating_of(lxml_html.fromstring("<div class='stars-small'></div>")) is None
    boxes = "".join(_directory_box(i, f"Kim {n}.", s, f"Company {n}", "Nice place", t)
                    for i, (n, s, t) in enumerate(zip("ABC", ("stars-five", "stars-four", "stars-two"), TEXTS)))
    reviews = _run(f"<div id='reviews'>{boxes}</div>")["reviews"]
    assert [r["rating"] for r in reviews] == [5.0, 4.0, 2.0]


def test_a_linked_line_named_for_the_company_is_no_title():
    """With the review's own title slot empty, the linked line before the text is the company's
    name (an element named "…company_name"): the reviewed business, no title."""
    boxes = "".join(_directory_box(i, f"Kim {n}.", "stars-five", f"Company {n}", "", t)
                    for i, (n, t) in enumerate(zip("ABC", TEXTS)))
    reviews = _run(f"<div id='reviews'>{boxes}</div>")["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
    assert [r["title"] for r in reviews] == [None, None, None]
