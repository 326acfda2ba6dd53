"""Batch 28 of real pages (software and extension marketplaces and directories): the general rules
they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_aggregate import unrated_placeholder

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str) -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Example Tool</h1>{body}</body></html>"
    return extract_reviews(html, "https://directory.example/projects/example-tool/", now=NOW)


def _histogram() -> str:
    # star rows drawn as glyphs, then one bare count per row, all 0
    return ('<section class="stars">' + "".join(
        f'<div class="star-text stars-{n}">' + "&#9733;" * n + '</div>' for n in range(5, 0, -1)) + '</section>'
        '<section class="bargraph">' + "".join(
        f'<div class="stars-{n}" style="border-left-width: 1px">0</div>' for n in range(5, 0, -1)) + '</section>')


_EMPTY_REVIEWS = ('<section id="user-reviews"><h2>User Reviews</h2>'
                  '<p>Be the first to <a href="/projects/example-tool/reviews/new">post a review</a> of Example Tool!</p>'
                  '</section>')


# -- an item nobody has rated yet: its summary prints a zero average ----------------------------

def test_microdata_value_below_its_worst_rating_is_no_aggregate():
    # schema.org AggregateRating microdata whose value (0.0) lies below its own worstRating (1): a
    # placeholder, even with a count beside it
    page = _run('<section id="ratings"><h2>User Ratings</h2>'
                '<div itemscope itemtype="http://schema.org/AggregateRating" itemprop="aggregateRating">'
                '<span class="average" itemprop="ratingValue">0.0</span>'
                '<meta itemprop="bestRating" content="5"/><meta itemprop="worstRating" content="1"/>'
                '<meta itemprop="ratingCount" content="1"/><span>out of 5 stars</span></div>'
                + _histogram() + '</section>' + _EMPTY_REVIEWS)
    assert page["reviews"] == []
    assert page["aggregate"] is None


def test_printed_zero_average_without_a_count_is_no_aggregate():
    # no structured data: the layout reads "0.0 out of 5 stars" beside an empty histogram
    page = _run('<section id="ratings"><h2>User Ratings</h2>'
                '<div class="summary"><span class="average">0.0</span> <span>out of 5 stars</span></div>'
                + _histogram() + '</section>' + _EMPTY_REVIEWS)
    assert page["reviews"] == []
    assert page["aggregate"] is None


def test_a_real_average_stays():
    # guards: a valid microdata average, and the placeholder test only for a zero without a count
    page = _run('<div itemscope itemtype="http://schema.org/AggregateRating" itemprop="aggregateRating">'
                '<span itemprop="ratingValue">4.5</span><meta itemprop="bestRating" content="5"/>'
                '<meta itemprop="worstRating" content="1"/><meta itemprop="ratingCount" content="12"/></div>')
    assert page["aggregate"] == {"rating": 4.5, "count": 12}
    assert unrated_placeholder({"rating": 0.0, "count": None}) is None
    assert unrated_placeholder({"rating": 0.0, "count": 0}) is None
    assert unrated_placeholder({"rating": 0.0, "count": 3}) == {"rating": 0.0, "count": 3}
    assert unrated_placeholder({"rating": 3.5, "count": None}) == {"rating": 3.5, "count": None}
