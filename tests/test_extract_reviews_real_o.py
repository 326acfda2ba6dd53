"""Batch 20 of real pages (testimonials on companies' own marketing pages: page-builder widgets,
theme sliders, a testimonial plugin's hReview): the general rules they needed, each on synthetic
markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)

TEXTS = [
    "The onboarding took one afternoon and the support team answered every question within the hour.",
    "We moved our whole billing workflow over in a week; reporting is clearer than anything we had.",
    "Solid product for a small team. The mobile app still lacks a few settings, but it improves monthly.",
    "Invoices that used to take a day now take minutes, and our accountant finally stopped complaining.",
]
NAMES = ["Jordan Pike", "Alex Moreno", "Sam Whitfield", "Robin Achterberg"]


def _run(body: str) -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>What our customers say</h1>{body}</body></html>"
    return extract_reviews(html, "https://vendor.example/customers/", now=NOW)


# -- a builder's column: a star widget, then a testimonial widget sharing the builder's class ---

def _builder_column(i: int) -> str:
    return (f'<div class="builder-element builder-column builder-col-50" data-id="c{i}"><div class="builder-widget-wrap">'
            f'<div class="builder-element builder-widget builder-widget-star-rating" data-id="s{i}"><div class="builder-widget-container">'
            '<div class="builder-star-rating" title="5/5" itemtype="http://schema.org/Rating" itemscope="" itemprop="reviewRating">'
            '<i class="builder-star-full"></i><i class="builder-star-full"></i><i class="builder-star-full"></i>'
            '<i class="builder-star-full"></i><i class="builder-star-full"></i> <span itemprop="ratingValue" class="screen-only">5/5</span>'
            '</div></div></div>'
            f'<div class="builder-element builder-widget builder-widget-testimonial" data-id="t{i}"><div class="builder-widget-container">'
            f'<div class="builder-testimonial-wrapper"><div class="builder-testimonial-content">{TEXTS[i]}</div>'
            '<div class="builder-testimonial-meta"><div class="builder-testimonial-details">'
            f'<div class="builder-testimonial-name">{NAMES[i]}</div></div></div></div></div></div>'
            '</div></div>')


def test_builder_widget_sharing_the_column_class_is_the_text_not_a_reply():
    body = ''.join(f'<section class="builder-section"><div class="builder-container">{_builder_column(2 * k)}{_builder_column(2 * k + 1)}'
                   '</div></section>' for k in range(2))
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
    assert [r["author"] for r in reviews] == NAMES
    assert [r["rating"] for r in reviews] == [5.0] * 4


def test_a_nested_card_with_a_text_of_its_own_beside_it_is_still_a_reply():
    # the review answered has words of its own outside the nested card: the card stays a reply
    reply = ('<div class="comment-item"><p class="by">Support team</p>'
             '<p>Thanks for the kind words, we passed them on to the whole onboarding crew.</p></div>')
    items = ''.join(f'<div class="comment-item"><span class="stars" title="4 out of 5">★★★★</span>'
                    f'<p class="by">{NAMES[i]}</p><p>{TEXTS[i]}</p>{reply if i == 0 else ""}</div>' for i in range(2))
    reviews = _run(f'<div class="comments">{items}</div>')["reviews"]
    assert [r["body"] for r in reviews] == TEXTS[:2]


# -- a theme's slider: a quote in a card beside a short byline, the cards siblings ---------------

def _quote_card(i: int, byline: str) -> str:
    return (f'<li><div class="photo"></div><div class="bq_wrapper"><blockquote>\n      {TEXTS[i]}\n    </blockquote></div>'
            f'<div class="dots"><span></span><span></span></div><div class="author"><h5>{byline}</h5>'
            '<span class="company"></span></div></li>')


def test_quote_cards_with_a_byline_are_reviews_with_their_author():
    bylines = [f"{NAMES[0]} - Head of Finance, Northwind Ltd", "J.K.", f"{NAMES[2]} - Operations Lead"]
    body = '<div class="slider"><ul class="slides">' + ''.join(_quote_card(i, b) for i, b in enumerate(bylines)) + '</ul></div>'
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == TEXTS[:3]
    assert [r["author"] for r in reviews] == [NAMES[0], "J.K.", NAMES[2]]
    assert all(r["rating"] is None for r in reviews)


def test_a_long_text_beside_the_quote_makes_no_card():
    # the quote's parent adds a whole paragraph, not a byline: no review card of it
    prose = "Our company was founded to help small firms with their paperwork. " * 4
    body = ''.join(f'<div class="story"><div><blockquote>{TEXTS[i]}</blockquote></div><p>{prose}</p></div>' for i in range(2))
    assert _run(f'<main>{body}</main>')["reviews"] == []


# -- a slider showing one testimonial twice ------------------------------------------------------

def test_an_unrated_testimonial_shown_twice_is_one_review():
    slides = [(NAMES[0], TEXTS[0]), (NAMES[1], TEXTS[1]), (NAMES[1], TEXTS[1])]
    body = ('<div class="testimonial-carousel"><div class="swiper-wrapper">'
            + ''.join(f'<div class="swiper-slide"><div class="testimonial"><div class="testimonial__text">{t}</div>'
                      f'<cite><span class="testimonial__name">{n}</span></cite></div></div>' for n, t in slides)
            + '</div></div>')
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["body"]) for r in reviews] == slides[:2]


def test_unrated_testimonials_by_one_person_with_different_texts_both_stay():
    slides = [(NAMES[0], TEXTS[0]), (NAMES[0], TEXTS[1])]
    body = ('<div class="testimonial-carousel"><div class="swiper-wrapper">'
            + ''.join(f'<div class="swiper-slide"><div class="testimonial"><div class="testimonial__text">{t}</div>'
                      f'<cite><span class="testimonial__name">{n}</span></cite></div></div>' for n, t in slides)
            + '</div></div>')
    assert len(_run(body)["reviews"]) == 2


# -- hReview-aggregate with a bare figure, a review's own rating inside it ----------------------

def test_hreview_aggregate_bare_figure_and_not_the_reviews_own_rating():
    body = ('<div class="rotator hreview-aggregate"><div class="slide hreview item">'
            '<div class="stars"><i class="fa fa-star"></i><i class="fa fa-star"></i><i class="fa fa-star"></i></div>'
            f'<div class="quote">{TEXTS[2]}</div><p class="who">{NAMES[2]}</p>'
            '<div class="microdata" style="display:none"><div class="rating">3.0</div>'
            '<div class="dtreviewed"> 2023-04-02T10:00:00+00:00</div>'
            f'<div class="reviewer"><div class="fn">{NAMES[2]}</div></div></div></div>'
            '<div class="microdata" style="display:none"><div class="rating">4.5</div><div class="count">12</div></div></div>')
    assert _run(body)["aggregate"] == {"rating": 4.5, "count": 12}


def test_hreview_aggregate_bare_figure_above_five_is_no_rating():
    body = ('<div class="hreview-aggregate"><span class="rating">8</span> <span class="count">30</span> reviews</div>'
            f'<div class="review"><p>{TEXTS[0]}</p></div>')
    assert _run(body)["aggregate"] == {"rating": None, "count": 30}
