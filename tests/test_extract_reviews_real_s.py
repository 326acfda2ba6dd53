"""Batch 24 of real pages (hospitality, health and education: a teacher-rating site's tables of
ratings of two years, a hotel's own page of guest reviews, a restaurant guide's review block):
the general rules they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://rate.example/teacher/1") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Ratings</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


TEXTS = ["Clear lectures and fair exams, the weekly problem sets help a lot before each test.",
         "The labs take far too long and the instructions change every week without notice.",
         "Friendly in office hours, but the grading of the written reports felt random to me."]


def _row(i: int, day: int, aspects: list[tuple[str, str]], course: str, tags: list[str], text: str) -> str:
    breaks = "".join(f'<div class="break"><span class="score good">{v}</span><span class="descriptor">{k}</span></div>'
                     for k, v in aspects)
    tagbox = "".join(f"<span>{t}</span>" for t in tags)
    return (f'<tr id="r{i}"><td class="rating"><div class="date"> 0{day}/1{i}/2023</div>'
            f'<div class="rating-block good"><div class="rating-wrapper"><span class="rating-type">good</span></div>'
            f'<div class="breakdown">{breaks}</div></div></td>'
            f'<td class="class"><span class="name"> <span class="response">{course}</span></span>'
            f'<span class="credit">For Credit: <span class="response">Yes</span></span></td>'
            f'<td class="comments"><div class="tagbox">{tagbox}</div><p class="commentsParagraph">{text}</p>'
            f'<div class="helpful-links"><a href="#" class="helpful"><span class="count">0</span> people found this useful</a>'
            f'</div></td></tr>')


def test_a_course_code_named_name_and_the_reviewers_tags_are_no_author():
    """A bare "name" element inside a cell named for the thing rated ("<td class="class"><span
    class="name">PHY201</span>") names the course, not the reviewer; nor is one of the reviewer's
    upper-case tags in a tag box ("TOUGH GRADER") a name."""
    rows = [_row(i, i + 1, [("Overall Quality", f"{q}.0"), ("Level of Difficulty", "4.0")], code, tags, t)
            for i, (q, code, tags, t) in enumerate(zip((5, 2, 3), ("PHY201", "CHEM3B", "BIO10"),
                                                       (["TOUGH GRADER"], ["LOTS OF HOMEWORK", "TEST HEAVY"], []),
                                                       TEXTS))]
    reviews = _run('<table class="tftable">' + "".join(rows) + "</table>")["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
    assert [r["author"] for r in reviews] == [None, None, None]


def test_aspect_rows_in_a_breakdown_box_are_figures_with_their_overall_row_the_rating():
    """Rows of "<span class="score">N</span><span class="descriptor">Aspect</span>" in a box named
    "breakdown" are the review's aspect ratings: none is its title, and its rating is the
    "Overall …" row's, wherever that row stands (else their mean)."""
    rows = [_row(i, i + 1, [("Level of Difficulty", "5.0"), ("Overall Quality", f"{q}.0")], "ECON1", [], t)
            for i, (q, t) in enumerate(zip((2, 4, 1), TEXTS))]
    reviews = _run('<table class="tftable">' + "".join(rows) + "</table>")["reviews"]
    assert [r["rating"] for r in reviews] == [2.0, 4.0, 1.0]
    assert [r["title"] for r in reviews] == [None, None, None]
    rows = [_row(i, i + 1, [("Helpfulness", "4"), ("Clarity", "5")], "ECON1", [], t) for i, t in enumerate(TEXTS)]
    reviews = _run('<table class="tftable">' + "".join(rows) + "</table>")["reviews"]
    assert [r["rating"] for r in reviews] == [4.5, 4.5, 4.5]
    assert [r["title"] for r in reviews] == [None, None, None]


LONG = ("We came for the grilled sandwiches after a long drive and the staff found us a table at once. The bread "
        "was fresh, the fries crisp and the onions chopped by hand, but the sauce tasted of the jar and the soup "
        "was lukewarm by the time it reached us. I would come back for the fries and try the fish instead.")


def test_one_element_named_for_a_reviews_text_is_a_review_of_a_page_with_nothing_else():
    """A fragment holding one review's text block ("<div class="rev-text">"), no date, no figure and no
    alike cards: the one element named for a review's text with a paragraph of prose is the review;
    the "Rated" label of its wordless badge is no author."""
    body = ('<div class="rev-text"><div class="left"><div title="Fair" class="tooltip level-3">Rated</div>'
            f'&nbsp;&nbsp;</div>{LONG}</div>')
    reviews = _run(body, "https://food.example/php/reviews")["reviews"]
    assert [r["body"] for r in reviews] == [LONG]
    assert reviews[0]["author"] is None and reviews[0]["rating"] is None
    # a short line named so is no review
    assert _run('<div class="rev-text">Thanks for visiting our little shop.</div>')["reviews"] == []


def test_a_lone_rated_and_dated_card_is_read_from_its_anchor_not_as_a_lone_text_block():
    """The lone-text rule is for a page with nothing to go by: the last page of a list, one card
    with its stars and date under the page's summary and described by the page's JSON-LD, keeps
    its own reading (no stars or by-line in the text)."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": "Vendor Suite",
                     "aggregateRating": {"@type": "AggregateRating", "ratingValue": 4.1, "reviewCount": 31},
                     "review": [{"@type": "Review", "@id": "#r1", "author": {"@type": "Person", "name": "Mara K."},
                                 "datePublished": "2024-03-02", "name": "Solid tool", "reviewBody": LONG,
                                 "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5}}]})
    html = (f'<html lang="en"><head><meta charset="utf-8"><title>Vendor reviews</title>'
            f'<script type="application/ld+json">{ld}</script></head><body><main><h1>What customers say</h1>'
            '<div class="summary"><span class="avg">4.1</span> out of 5 · based on 31 reviews</div>'
            '<div class="review-list"><article class="review" id="r1"><div class="review-header">'
            '<span class="stars" aria-label="Rated 4 out of 5">★★★★☆</span> <h3 class="review-title">Solid tool</h3></div>'
            '<p class="review-meta">by <span class="author">Mara K.</span> on <time datetime="2024-03-02">March 2, 2024</time></p>'
            f'<p class="review-body">{LONG}</p></article></div>'
            '<nav class="pagination"><a href="/reviews?page=2">‹ Previous</a></nav></main></body></html>')
    reviews = extract_reviews(html, "https://vendor.example/reviews?page=3", now=NOW)["reviews"]
    assert [(r["body"], r["rating"], r["author"], r["published_at"]) for r in reviews] == [(LONG, 4.0, "Mara K.", "2024-03-02")]
