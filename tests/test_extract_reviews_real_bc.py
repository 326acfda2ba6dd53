"""Batch 60 of real pages (the newest designs of the big review platforms: a company page of a
review platform as served in May 2023, CSS-module cards with data-service-review-* attributes and
the page's reviews again in a JSON-LD @graph whose reviewBody runs the printed lines together):
the general rule it needed, on synthetic markup (invented names and texts)."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_gluedlines import spaced_twin

NOW = datetime(2023, 5, 7, 8, tzinfo=timezone.utc)

LINES = ["We moved house in March and asked for the line to follow us.",
         "Nobody came on the first day.",
         "Six calls later the router arrived",
         "It works now."]
OTHER = "Quick answers from the chat team and the bill was right the first time round. Happy enough."


def _node(rid: str, name: str, stars: int, when: str, title: str, body: str) -> dict:
    return {"@type": "Review", "@id": f"https://reviews.example/#/schema/Review/{rid}",
            "author": {"@type": "Person", "name": name}, "datePublished": when, "headline": title,
            "reviewBody": body, "reviewRating": {"@type": "Rating", "bestRating": "5", "worstRating": "1",
                                                 "ratingValue": str(stars)}, "inLanguage": "en"}


def _card(name: str, stars: int, when: str, title: str, html_text: str) -> str:
    return (f'<div class="styles_cardWrapper__A1"><article class="styles_reviewCard__B2" data-service-review-card-paper="true">'
            f'<aside aria-label="Info for {name}"><a href="/users/1"><span data-consumer-name-typography="true">{name}</span>'
            f'<div class="styles_extra__C3"><span>3<!-- --> reviews</span><div><span>GB</span></div></div></a></aside>'
            f'<section class="styles_content__D4"><div class="styles_header__E5" data-service-review-rating="{stars}">'
            f'<div class="star-rating_starRating__F6"><img alt="Rated {stars} out of 5 stars" src="/stars-{stars}.svg"/></div>'
            f'<div><time dateTime="{when}" data-service-review-date-time-ago="true">2 days ago</time></div></div>'
            f'<div data-review-content="true"><a href="/reviews/1"><h2 data-service-review-title-typography="true">{title}</h2></a>'
            f'<p data-service-review-text-typography="true">{html_text}</p>'
            f'<p data-service-review-date-of-experience-typography="true"><b>Date of experience<!-- -->:</b> <!-- -->May 02, 2023</p>'
            f'</div></section></article></div>')


def _page(glued: str) -> str:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "LocalBusiness", "@id": "https://reviews.example/#/schema/Organization/shop", "name": "Shop",
         "aggregateRating": {"@type": "AggregateRating", "bestRating": "5", "worstRating": "1",
                             "ratingValue": "2.5", "reviewCount": "812"},
         "review": [{"@id": "https://reviews.example/#/schema/Review/r1"},
                    {"@id": "https://reviews.example/#/schema/Review/r2"}]},
        _node("r1", "Morag Penhale", 2, "2023-05-05T10:19:35.000Z", "Slow to move the line", glued),
        _node("r2", "Ivo Stanek", 4, "2023-05-04T09:00:00.000Z", "Fine in the end", OTHER)]}
    cards = (_card("Morag Penhale", 2, "2023-05-05T10:19:35.000Z", "Slow to move the line", "<br/>".join(LINES))
             + _card("Ivo Stanek", 4, "2023-05-04T09:00:00.000Z", "Fine in the end", OTHER))
    return (f'<html lang="en-US"><head><script type="application/ld+json">{json.dumps(graph)}</script></head>'
            f'<body><main><section data-business-unit-reviews-section="true">{cards}</section></main></body></html>')


def test_the_text_the_page_prints_on_lines_wins_over_the_markups_glued_copy():
    # the JSON-LD reviewBody drops the <br/> the card prints between lines ("…in March and asked
    # for the line to follow us.Nobody came…", "…the router arrivedIt works now."): the card's
    # reading, with the lines apart, is the review's text
    glued = "".join(LINES)
    result = extract_reviews(_page(glued), "https://reviews.example/review/shop", now=NOW)
    reviews = result["reviews"]
    assert [r["author"] for r in reviews] == ["Morag Penhale", "Ivo Stanek"]
    assert [r["rating"] for r in reviews] == [2.0, 4.0]
    assert reviews[0]["body"].split() == " ".join(LINES).split()
    assert reviews[0]["title"] == "Slow to move the line"
    assert reviews[0]["published_at"] == "2023-05-05"
    assert reviews[1]["body"] == OTHER
    assert result["aggregate"] == {"rating": 2.5, "count": 812}


def test_a_markup_text_that_already_has_its_spaces_is_kept_as_it_is():
    spaced = " ".join(LINES)
    result = extract_reviews(_page(spaced), "https://reviews.example/review/shop", now=NOW)
    assert result["reviews"][0]["body"] == spaced


def test_a_gap_inside_a_word_is_a_split_not_a_glued_line():
    # the layout reading a word split by inline markup ("su<b>per</b>b" as "su per b") is no
    # better text than the markup's: only gaps after a sentence's end or before a capital count
    assert spaced_twin("It was superb.Really.", "It was superb. Really.")
    assert spaced_twin("free callsBT has been reliable", "free calls BT has been reliable")
    assert not spaced_twin("It was superb.", "It was su per b.")
    assert not spaced_twin("Same text here.", "Same text here.")
    assert not spaced_twin("One text.", "Another text.")
    assert not spaced_twin(None, "Shown text.")
