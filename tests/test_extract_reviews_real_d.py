"""Review extraction: what batch 9 of real saved pages taught (an Etsy shop's reviews of 2021, an
ASDA groceries product page and the head of a Sainsbury's one of 2025, an AliExpress feedback
widget of 2019, a Steam review card of 2015; measured with perf/eval_reviews.py on pages kept
outside the repository, see perf/realpages_sources.json). Each lesson is reproduced on a small
page written for the test, not on the saved page."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2025, 6, 1, 12, tzinfo=timezone.utc)


# -- review scripts that are almost JSON: no outer braces, a bare word, a raw line break

def _almost_json(when: str, stars: str, title: str, who: str, text: str) -> str:
    return ('<script type="application/ld+json">"@context": "https://schema.org/",\n'
            '        "@type": "Review",\n'
            f'        "datePublished": "{when}",\n'
            '        "itemReviewed": {\n          "@type": Product,\n          "name": "Oat Crackers 200g"\n        },\n'
            f'        "reviewRating": {{\n          "@type": "Rating",\n          "ratingValue": "{stars}"\n        }},\n'
            f'        "name": "{title}",\n'
            f'        "author": {{\n          "@type": "Person",\n          "name": "{who}"\n        }},\n'
            f'        "reviewBody": "{text}"\n      </script>')


def test_review_scripts_without_braces_and_with_a_bare_word_are_read():
    page = ('<html lang="en"><head><script type="application/ld+json">{"@context": "https://schema.org/", '
            '"@type": "Product", "name": "Oat Crackers 200g", "aggregateRating": {"@type": "AggregateRating", '
            '"ratingValue": 4.3171, "reviewCount": 41}}</script>'
            + _almost_json("Tue Apr 01 2025 20:08:29 GMT+0100 (British Summer Time)", "5", "Crisp", "Oatfan12",
                           "Crisp and not too salty.\nGood with soup")
            + _almost_json("Sat Mar 15 2025 09:33:58 GMT+0000 (Greenwich Mean Time)", "2", "Stale box", "Lo B",
                           "Half of the box was stale: the seal was broken: sent back.")
            + '</head><body><div id="root"></div></body></html>')
    out = extract_reviews(page, "https://grocer.example.com/product/oat-crackers", now=NOW)
    reviews = out["reviews"]
    assert [(r["author"], r["rating"], r["title"], r["published_at"]) for r in reviews] == [
        ("Oatfan12", 5.0, "Crisp", "2025-04-01"), ("Lo B", 2.0, "Stale box", "2025-03-15")]
    assert reviews[0]["body"] == "Crisp and not too salty. Good with soup"
    # (a colon inside a string is not a member's: the text stays as it was written)
    assert reviews[1]["body"] == "Half of the box was stale: the seal was broken: sent back."
    assert out["aggregate"] == {"rating": 4.32, "count": 41}
