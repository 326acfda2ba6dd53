"""Rules found on real e-commerce review pages (batch 11), each on a synthetic page."""
from __future__ import annotations

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_summary import is_score_summary
from lxml import html as lxml_html

_STARS = ('<div class="stars" role="img" aria-label="Rating {r} out of 5">'
          + '<svg class="star"><path d="M0 0h1v1z"></path></svg>' * 5 + '</div>')


def _card(i: int, title: str, body: str, r: int, author: str, date: str) -> str:
    return (f'<div id="r{i}" class="box"><div class="item">'
            f'<div class="item__head">{title}</div><div class="item__text">{body}</div>'
            f'<div class="item__stars"><span class="widget">{_STARS.format(r=r)}'
            f'<span class="trail">{r} out of 5</span></span></div>'
            f'<div class="item__by">Written by {author}</div><div class="item__when">{date}</div></div></div>')


def _page() -> str:
    summary = ('<div class="top"><h3>Ratings summary</h3><div><span class="widget">'
               + _STARS.format(r=4.2) + '</span><div class="top__text">4.2 out of 5 </div></div></div>')
    cards = [
        _card(1, "Sturdy lid", "The lid closes firmly and nothing spilled on the way home.", 5, "penguin12", "3rd May 2024"),
        _card(2, "A bit small", "Holds less than the picture suggests, but it is well made.", 3, "rowan_b", "1st May 2024"),
        _card(3, "Good value", "Cheaper than elsewhere and arrived the next day in one piece.", 4, "M. Quill", "28th April 2024"),
    ]
    return f'<html><body><div class="section" id="reviews">{summary}{"".join(cards)}</div></body></html>'


def test_rating_summary_with_the_reviews_markup_is_no_review():
    result = extract_reviews(_page(), "https://shop.example/p/1")
    bodies = [r["body"] for r in result["reviews"]]
    assert bodies == [
        "The lid closes firmly and nothing spilled on the way home.",
        "Holds less than the picture suggests, but it is well made.",
        "Cheaper than elsewhere and arrived the next day in one piece.",
    ]
    assert [r["rating"] for r in result["reviews"]] == [5.0, 3.0, 4.0]
    assert [r["published_at"] for r in result["reviews"]] == ["2024-05-03", "2024-05-01", "2024-04-28"]


def test_score_summary_needs_only_summary_words_beside_the_score():
    def block(markup: str):
        return lxml_html.fromstring(markup)
    assert is_score_summary(block("<div><h3>Ratings summary</h3><p>4.4 out of 5</p></div>"))
    assert is_score_summary(block("<div><h3>Durchschnittliche Bewertung</h3><p>4,6/5</p></div>"))
    # a review's own words beside its score: a review
    assert not is_score_summary(block("<div><p>Great little kettle</p><p>5 out of 5</p></div>"))
    # two scores (a review's overall and an aspect) or none: not a summary
    assert not is_score_summary(block("<div><p>Rating 4 out of 5</p><p>Value 3 out of 5</p></div>"))
    assert not is_score_summary(block("<div><h3>Ratings summary</h3></div>"))
