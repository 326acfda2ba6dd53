"""Batch 66 of real pages (big US/UK/EU retailers' product pages): the general rules they needed,
on synthetic markup (invented names and texts)."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_normalize import scale_rating

NOW = datetime(2019, 6, 1, tzinfo=timezone.utc)


def _product_page(reviews: list[dict], aggregate: dict) -> str:
    """A fashion shop's product page whose only reviews are in its Product JSON-LD, under the
    plural key "reviews", with a worstRating that is the lowest score given (2), not the scale's floor."""
    doc = {"@context": "http://schema.org", "@type": "Product", "name": "Linen Trousers - sand",
           "aggregateRating": dict({"@type": "AggregateRating"}, **aggregate),
           "offers": [{"@type": "Offer", "price": "39.90", "priceCurrency": "EUR"}],
           "reviews": [dict({"@type": "Review"}, **r) for r in reviews], "sku": "LT-0001"}
    return ('<html lang="de"><head><title>Linen Trousers - sand</title></head><body>'
            '<x-fragment-info style="display:block"><script type="application/ld+json">'
            + json.dumps(doc, ensure_ascii=False) + '</script></x-fragment-info></body></html>')


def _rating(value: str) -> dict:
    return {"@type": "Rating", "bestRating": 5, "worstRating": 2, "ratingValue": value}


def test_worst_rating_above_one_on_a_star_scale_is_the_lowest_score_given():
    page = _product_page(
        [{"author": "Jonas", "datePublished": "2019-04-11", "description": "Leichter Stoff, sitzt gut am Bund.",
          "reviewRating": _rating("4")},
         {"author": "Pia", "datePublished": "2019-03-02", "description": "Farbe wie auf dem Foto, sehr zufrieden.",
          "reviewRating": _rating("5")}],
        {"bestRating": 5, "ratingValue": "4.3", "reviewCount": 7, "worstRating": 2})
    out = extract_reviews(page, "https://shop.example/linen-trousers-sand.html", now=NOW)
    assert [(r["author"], r["rating"], r["published_at"]) for r in out["reviews"]] == [
        ("Jonas", 4.0, "2019-04-11"), ("Pia", 5.0, "2019-03-02")]
    assert out["aggregate"] == {"rating": 4.3, "count": 7}
    # negative floors and wide scales still map linearly; a floor of 0 or 1 keeps the ratio
    assert scale_rating(4, 5, 2) == 4.0 and scale_rating(8, 10, 3) == 4.0
    assert scale_rating(2, 3, -1) == 3.75 and scale_rating(60, 100, 20) == 2.5
    assert scale_rating(4, 5, 1) == 4.0 and scale_rating(7, 10, 0) == 3.5


def test_a_stand_in_name_in_structured_data_is_no_author():
    page = _product_page(
        [{"author": "Anonym", "datePublished": "2019-05-20", "description": "Bequem, aber die Beine sind etwas lang.",
          "reviewRating": _rating("4")},
         {"author": "Anonymous", "datePublished": "2019-05-18", "description": "Nice fabric, runs a little small.",
          "reviewRating": _rating("3")},
         {"author": "Ole", "datePublished": "2019-05-01", "description": "Gute Qualität für den Preis.",
          "reviewRating": _rating("5")}],
        {"bestRating": 5, "ratingValue": "4.0", "reviewCount": 3, "worstRating": 2})
    out = extract_reviews(page, "https://shop.example/linen-trousers-sand.html", now=NOW)
    assert [r["author"] for r in out["reviews"]] == [None, None, "Ole"]
    assert [r["rating"] for r in out["reviews"]] == [4.0, 3.0, 5.0]
