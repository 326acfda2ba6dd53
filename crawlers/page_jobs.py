"""Per-page work that may run in an extraction worker (crawlers/offload.py): pure functions
of the page text, importable without Scrapy, returning plain data."""
from __future__ import annotations

from crawlers.extract.reviews import extract_reviews
from rivalscope.store.save import review_identity


def review_page(html: str, url: str, *, selectors: dict, competitor: str, source: str) -> dict:
    """extract_reviews() plus each review's stored id (the spider's early stop compares them
    with the database), so the crawler process does not hash every review a second time."""
    result = extract_reviews(html, url, selectors=selectors)
    reviews = result.get("reviews") or []
    for r in reviews:
        r.setdefault("url", url)
    result["ids"] = [review_identity(competitor, source, r) for r in reviews]
    return result
