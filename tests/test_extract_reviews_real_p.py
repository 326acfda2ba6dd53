"""Batch 21 of real pages (a film site's user reviews of about 2016, a game store's most helpful
reviews, an online shop's review table from a review service, employer reviews): the general rules
they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import find_date_text, parse_date
from crawlers.extract.reviews_normalize import rating_from_text

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://shop.example/item/1") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Reviews</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


SHORTS = ["The second half drags and the jokes", "Great sound design and a brave ending but the",
          "I expected more from the cast, the story"]
RESTS = [" wear thin long before the final scene.", " middle part loses its way for a while.",
         " never gives them anything to do."]


def _expandable(i: int, score: int, short: str, rest: str) -> str:
    return (f'<li class="review user_review"><div class="review_content"><div class="review_stats">'
            f'<div class="name"><span>Viewer{i}</span></div><div class="date">May  {i}, 2021</div>'
            f'<div class="review_grade"><div class="metascore_w user indiv">{score}</div></div></div>'
            f'<div class="review_body"><span class="inline_expand_collapse inline_collapsed">'
            f'<span class="blurb blurb_collapsed">{short}</span>'
            f'<span class="blurb blurb_expanded">{short}{rest}</span>'
            f'<span class="blurb_etc">\u2026</span> <a class="toggle_expand" href="/r/{i}">Expand</a></span></div>'
            f'</div></li>')


def test_collapsed_copy_beside_an_element_named_the_expanded_whole_is_no_text():
    """"blurb_collapsed" + "blurb_expanded" (a stylesheet shows one at a time): the expanded element
    holds the whole text, and the collapsed copy it starts with is no part of it."""
    body = '<ol class="reviews user_reviews">' + "".join(
        _expandable(i + 1, s, a, b) for i, (s, a, b) in enumerate(zip((4, 8, 6), SHORTS, RESTS))) + "</ol>"
    reviews = _run(body, "https://films.example/movie/x/user-reviews")["reviews"]
    assert [r["body"] for r in reviews] == [a + b for a, b in zip(SHORTS, RESTS)]
    assert [r["rating"] for r in reviews] == [2.0, 4.0, 3.0]


def _card(i: int, day: int, text: str) -> str:
    return (f'<div class="review_box"><div class="leftcol"><div class="persona_name"><a href="/id/p{i}/">player{i}</a></div>'
            f'<div class="num_owned_games"><a href="/id/p{i}/games">{10 + i} products in account</a></div></div>'
            f'<div class="rightcol"><a class="vote_header" href="/id/p{i}/rec/1/"><div class="title">Recommended</div>'
            f'<div class="hours">{i}.5 hrs on record</div></a>'
            f'<div class="postedDate">Posted: {day} March</div><div class="content">{text}</div>'
            f'<div class="control_block"><span class="text">Was this review helpful?</span>'
            f'<a class="btn" href="#">Yes</a> <a class="btn" href="#">No</a></div>'
            f'<div class="vote_info">{20 + i} people found this review helpful<br>{i} people found this review funny</div>'
            f'</div></div>')


def test_helpful_question_and_counts_are_no_text_beside_a_short_text():
    """A text shorter than the "Was this review helpful?" question under it (in an element named
    "text") and than the vote counts: the text is the review's, the question and counts are not."""
    texts = ["Worth every minute of it, the puzzles are clever and fair.", "Buy it now.", "Short and sweet"]
    body = '<div class="reviews">' + "".join(_card(i + 1, i + 2, t) for i, t in enumerate(texts)) + "</div>"
    reviews = _run(body, "https://games.example/app/1/")["reviews"]
    assert [r["body"] for r in reviews] == texts
    assert [r["published_at"] for r in reviews] == ["2024-03-02", "2024-03-03", "2024-03-04"]


def test_figure_beside_five_identical_glyphs_is_the_rating():
    """"3.0★★★★★": five identical glyphs a stylesheet colours, beside the figure that says how many
    are lit; a glyph row with empty stars still counts its glyphs."""
    assert rating_from_text("3.0★★★★★") == 3.0
    assert rating_from_text("★★★★★ 4,5") == 4.5
    assert rating_from_text("★★★☆☆") == 3.0
    cards = "".join(
        f'<li class="emp-review"><time class="date">{d} April 2021</time><h2><a class="reviewLink" href="/r/{i}">Title {i}</a></h2>'
        f'<div class="rating-info"><div class="ratingNum">{v}</div><span class="stars">'
        + "".join('<span role="button">\u2605</span>' for _ in range(5)) +
        f'</span></div><p class="body">{t}</p></li>'
        for i, (d, v, t) in enumerate(zip((4, 9, 12), ("3.0", "4.0", "2.0"),
                                          ("Friendly team and good training for new starters.",
                                           "Flexible hours and a manager who listens to ideas.",
                                           "Long shifts and very little support from the office.")), 1))
    reviews = _run(f'<ol class="reviews">{cards}</ol>', "https://jobs.example/reviews/acme")["reviews"]
    assert [r["rating"] for r in reviews] == [3.0, 4.0, 2.0]


def test_day_month_year_joined_by_hyphens_is_a_date():
    """"16-Apr-2018" (a review service's table): a date, and a row's date cell makes a review of the
    comment beside it."""
    assert find_date_text("Date 16-Apr-2018 more") == "16-Apr-2018"
    assert parse_date("03-Jan-2018") == "2018-01-03"
    assert find_date_text("ref AB-12-Apr-2018") is None
    rows = "".join(
        f'<tr><th>{d}</th><td>Product: <br/><img src="/img/plus.gif" /><img src="/img/plus.gif" /></td>'
        f'<td><font id="c{i}">{t}</font></td><td><font id="r{i}"></font></td></tr>'
        for i, (d, t) in enumerate(zip(("12-Mar-2019", "02-Feb-2019", "28-Jan-2019"),
                                       ("Arrived quickly and fits as described.",
                                        "Comfortable from the first day, would order again.",
                                        "Colour slightly darker than the photo but fine.")), 1))
    table = ('<table class="data-table hreview" id="product-feedback"><thead><tr><th>Date</th><th>Score</th>'
             f'<th>Customer Comment</th><th>Our Response</th></tr></thead><tbody>{rows}</tbody></table>')
    reviews = _run(table)["reviews"]
    assert [(r["published_at"], r["rating"]) for r in reviews] == [
        ("2019-03-12", None), ("2019-02-02", None), ("2019-01-28", None)]


def test_hreview_aggregate_rating_as_a_percentage():
    """hReview-aggregate "Average <span class="rating">90%</span> (<span class="count">12</span>
    reviews)": 90 of 100, 4.5 of 5."""
    body = ('<div class="reviews-block"><p>Our customers say</p><span class="hreview-aggregate">'
            '<span class="item"><span class="fn">Shop reviews</span></span> : Average <span class="rating">90%</span> '
            '(<span class="count">12</span> reviews)</span></div>')
    assert _run(body)["aggregate"] == {"rating": 4.5, "count": 12}
