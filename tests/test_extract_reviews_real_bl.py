"""Batch 69 of real pages (finance, car and property review sites' home pages, 2018): the general
rule they needed, on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2018, 3, 18, tzinfo=timezone.utc)

# a Knockout-style page: the review bubbles' templates (filled by a script) and one quote written
# into the page itself, for small screens
TEMPLATES = ('<script type="text/html" id="tmpl-quote-bubble"><div class="quote-bubble">'
             '<blockquote data-bind="text: review"></blockquote><cite data-bind="text: author"></cite>'
             '</div></script>')


def _page(card_class: str, quote: str, name: str) -> str:
    return ('<html><body><header><a href="/#reviews">Independent reviews</a></header>' + TEMPLATES +
            '<div class="row finder" data-anchor="reviews"><h3>Thousands of happy movers</h3>'
            '<div class="bubble-popup"><blockquote data-bind="text: review"></blockquote>'
            '<cite data-bind="text: author"></cite></div>'
            f'<div class="{card_class} visible-xs"><aside class="badge"><p>We are rated <strong>Great</strong> on</p>'
            '<div class="badge-logo"><i class="logo"></i></div></aside>'
            '<div data-bind="template: { name: \'stars\', data: 5 }"></div>'
            f'<blockquote cite="">&ldquo;{quote}&rdquo;</blockquote><cite>{name}</cite></div>'
            '</div><footer><p>Sell your flat for one fixed fee.</p></footer></body></html>')


def test_one_blockquote_and_its_cite_in_a_card_named_for_a_review_is_a_review():
    # the page's only <blockquote> with words in it, the speaker's name in the <cite> after it,
    # in a card named for a review: one customer's quote (the empty ones a script fills are none)
    page = _page("review-bubble", "Our agent answered every call on a Sunday and found us a buyer in nine days.",
                 "Imogen Thorne")
    got = extract_reviews(page, url="https://agents.example/", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["body"]) for r in got] == \
        [("Imogen Thorne", None, "Our agent answered every call on a Sunday and found us a buyer in nine days.")]


def test_a_blockquote_outside_a_card_named_for_a_review_is_no_review():
    # a pull quote of an article, cited, in a plain box: no customer's review
    page = _page("pull-box", "Our agent answered every call on a Sunday and found us a buyer in nine days.",
                 "Imogen Thorne")
    assert extract_reviews(page, url="https://agents.example/", now=NOW)["reviews"] == []


def test_a_cite_that_is_no_name_is_no_review():
    # the <cite> names a source, a sentence rather than a person
    page = _page("review-bubble", "Our agent answered every call on a Sunday and found us a buyer in nine days.",
                 "as reported in the weekly property supplement of our town")
    assert extract_reviews(page, url="https://agents.example/", now=NOW)["reviews"] == []
