"""Batch 27 of real pages (a large marketplace's product pages in another country and year: the
reviews section of a detail page): the general rule they needed, on synthetic markup (invented
names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2020, 3, 1, tzinfo=timezone.utc)

TEXT = ("The lid fits well and the handle stays cool, but the coating started to peel after a few weeks "
        "of daily use, so I cannot give it more than three stars.")
OTHER = "Sturdy and light, it heats evenly and cleans up in seconds after frying eggs every morning."


def _card(rid: str, name: str, stars: int | None, title: str, date: str, text: str) -> str:
    rating = (f'<a class="link-normal" title="{stars}.0 out of 5 stars" href="/r/{rid}">'
              f'<i class="icon icon-star star-{stars}"><span class="icon-alt">{stars}.0 out of 5 stars</span></i></a>'
              if stars else "")
    return (f'<div id="{rid}" data-hook="review" class="section review"><div id="customer-{rid}" class="section">'
            f'<div class="row"><a class="profile" href="/p/{rid}"><span class="profile-name">{name}</span></a></div>'
            f'<div class="row">{rating}<a class="review-title" href="/r/{rid}">{title}</a></div>'
            f'<span class="review-date">{date}</span>'
            f'<div class="row"><span class="review-text"><div class="expander">{text}</div>'
            f'<a href="#" class="expander-toggle">Read more</a></span></div>'
            f'<div class="row"><span class="vote-text">2 people found this helpful</span>'
            f'<a href="#" class="comment-link">Comment</a></div></div></div>')


def _list(cards: str, shown: str) -> str:
    # the reviews section around the cards: named for the reviews (no one review), with its
    # header and a sort menu of its own
    return (f'<div id="reviewsPanel" class="row spacing-large"><div class="col-right">'
            f'<h3><span data-hook="top-reviews-title">{shown}</span></h3>'
            f'<div class="sort"><select id="sort-dropdown"><option value="helpful" selected>Top reviews</option>'
            f'<option value="recent">Most recent</option></select>'
            f'<span class="dropdown-prompt">Top reviews</span></div>'
            f'<div id="review-list" class="section review-views">{cards}</div>'
            f'<div class="footer"><a href="/all-reviews">See all reviews</a></div></div></div>')


def _run(body: str) -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>A frying pan</h1>{body}</body></html>"
    return extract_reviews(html, "https://shop.example/dp/1", now=NOW)


@pytest.mark.parametrize("placeholder", ["NAME_NOT_RETURNED", "FIRST_NAME_HERE"])
def test_a_template_placeholder_in_the_name_slot_is_no_author(placeholder):
    """The name's place printing a template's placeholder (upper-case words joined by
    underscores) names nobody; the text, rating and date stay."""
    cards = (_card("R1", placeholder, 3, "Good pan, weak coating", "March 2, 2019", TEXT)
             + _card("R2", "Lee Moreno", 5, "Light and even", "March 5, 2019", OTHER))
    reviews = _run(_list(cards, "Showing 1-2 of 2 reviews"))["reviews"]
    assert [r["author"] for r in reviews] == [None, "Lee Moreno"]
    assert [r["rating"] for r in reviews] == [3.0, 5.0]


def test_a_handle_with_an_underscore_stays_a_name():
    """(guard) a user handle of two words joined by one underscore ("BIG_MIKE", "dj_sam") is
    still a name: only a placeholder of three upper-case words or more is none."""
    cards = (_card("R1", "BIG_MIKE", 3, "Good pan, weak coating", "March 2, 2019", TEXT)
             + _card("R2", "dj_sam", 5, "Light and even", "March 5, 2019", OTHER))
    reviews = _run(_list(cards, "Showing 1-2 of 2 reviews"))["reviews"]
    assert [r["author"] for r in reviews] == ["BIG_MIKE", "dj_sam"]
