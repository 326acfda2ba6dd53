"""Batch 31 of real pages (shop platforms' own review markup and review-app blocks, copied from
theme demos: one review in a list of reviews): the general rule they needed, on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2020, 3, 1, tzinfo=timezone.utc)

STAR = '<i class="icon icon-star"></i>'
EMPTY = '<i class="icon icon-star-empty"></i>'


def _review(rid: int, stars: int, title: str, name: str, date: str, text: str) -> str:
    return (f'<div class="app-review" id="app-review-{rid}">'
            f'<div class="app-review-header"><span class="app-starratings">{STAR * stars}{EMPTY * (5 - stars)}</span>'
            f'<h3 class="app-review-title">{title}</h3>'
            f'<span class="app-review-byline"><strong>{name}</strong> on <strong>{date}</strong></span></div>'
            f'<div class="app-review-content"><p class="app-review-body">{text}</p></div>'
            f'<div class="app-review-footer"><a href="#" id="report_{rid}" class="app-review-report">'
            f'Report as Inappropriate</a></div></div>')


def _page(reviews: str) -> str:
    return ('<html><body><div id="product-reviews" data-id="4400"><div class="app-container">'
            '<div class="app-header"><h2 class="app-header-title">Customer Reviews</h2></div>'
            f'<div class="app-content"><div class="app-reviews" id="reviews_4400">{reviews}</div></div>'
            '</div></div></body></html>')


def test_one_review_in_a_list_keeps_its_own_id_not_the_list_s():
    # a list of reviews holding one review: the block read reaches the list, whose id
    # ("reviews_4400", named in the plural) is the list's; the one review inside has its own
    page = _page(_review(90817, 4, "Handy jar", "Rowan P.", "Aug 10, 2015",
                         "The lid seals well and the glass is thicker than I expected for the price."))
    got = extract_reviews(page, url="https://shop.example/p/jar", now=NOW)["reviews"]
    assert [(r["site_id"], r["rating"], r["author"], r["published_at"]) for r in got] == \
        [("app-review-90817", 4.0, "Rowan P.", "2015-08-10")]


def test_reviews_of_a_list_keep_their_own_ids():
    # guard: two reviews in the list each give their own id (as before)
    page = _page(_review(5101, 5, "Solid", "Ida M.", "Jan 02, 2019",
                         "Arrived quickly and the handle feels strong enough for heavy loads.")
                 + _review(5102, 2, "Too small", "Oskar T.", "Feb 11, 2019",
                           "Smaller than the pictures suggest; it barely fits a paperback book."))
    got = extract_reviews(page, url="https://shop.example/p/bag", now=NOW)["reviews"]
    assert [r["site_id"] for r in got] == ["app-review-5101", "app-review-5102"]
