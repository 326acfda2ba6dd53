"""Batch 61 of real pages (e-commerce review widgets: a review app's all-reviews page as the
browser rendered it, a summary of lit stars over a masonry of cards): the general rule it
needed, on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_normalize import labelled_score, rating_from_text

NOW = datetime(2024, 5, 1, tzinfo=timezone.utc)

ON = '<span class="app-star app--on"></span>'


def _card(rid: str, name: str, day: str, title: str, text: str) -> str:
    return (f'<div class="app-rev app-divider-top" data-review-id="{rid}" style="position: absolute; left: 0px;">'
            f'<div class="app-rev__header"><span class="app-rev__author">{name}</span>'
            f'<span class="app-rev__timestamp" data-content="{day} 10:00:00 UTC">{day}</span>'
            f'<span class="app-rev__rating" data-score="5" aria-label="5 star review" role="img">{ON * 5}</span></div>'
            f'<div class="app-rev__content"><b class="app-rev__title">{title}</b>'
            f'<div class="app-rev__body"><p>{text}</p></div></div></div>')


def test_a_summary_label_saying_the_average_is_its_figure_beats_its_lit_stars():
    # the summary shows five lit stars (a 4.62 average rounds up to them) and says the exact
    # figure only in its label: "Average rating is 4.62"
    page = ('<html><body><article class="app-widget app-all-reviews"><div class="app-all-reviews__header">'
            '<div class="app-all-reviews__summary"><div class="app-all-reviews__summary-stars" tabindex="0" '
            f'aria-label="Average rating is 4.62" role="img"> {ON * 5} </div>'
            '<div class="app-all-reviews__summary-text">Based on 310 reviews</div></div></div>'
            '<div class="app-all-reviews__body" style="position: relative;">'
            + _card("r1", "Imre Talvik", "2024-03-02", "Sturdy kettle", "Boils fast and the handle stays cool to the touch.")
            + _card("r2", "Odile B.", "2024-02-11", "Nice colour", "The enamel matches my kitchen and it pours without dripping.")
            + '</div></article></body></html>')
    got = extract_reviews(page, url="https://shop.example/pages/reviews", now=NOW)
    assert got["aggregate"] == {"rating": 4.62, "count": 310}
    assert [(r["author"], r["rating"], r["published_at"]) for r in got["reviews"]] == \
        [("Imre Talvik", 5.0, "2024-03-02"), ("Odile B.", 5.0, "2024-02-11")]


def test_a_rating_word_then_is_then_a_figure_reads_as_a_rating():
    assert rating_from_text("Average rating is 4.77") == 4.77
    assert rating_from_text("Bewertung ist 4,5") == 4.5
    assert rating_from_text("note est de 4,2") == 4.2
    assert labelled_score("Rating is 4")
    # not a count, not a word that starts with "is"
    assert rating_from_text("rating is 12,345") is None
    assert rating_from_text("rating istanbul 4") is None
