"""Larger markets built from the demo's parts, for the kill test and the crawl benchmark:
any number of vendors, each with a pricing page, a homepage and paginated reviews, all in
markups that need no browser."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rivalscope.config import Config
from rivalscope.demo.market import REVIEW_PLAN, Homepage, Plan, Vendor
from rivalscope.demo.reviews import generate_reviews

MARKUPS = ("cards", "jsonld", "microdata")
REVIEW_MARKUPS = ("plain", "jsonld")


def synthetic_market(vendors: int, review_pages: int, *, per_page: int = 10, seed: int = 0,
                     markup: str | None = None) -> dict[str, Vendor]:
    """`markup` forces one pricing markup ("js" for a site that needs the browser)."""
    out = {}
    praise = REVIEW_PLAN["acme"][2]
    for i in range(vendors):
        name = f"Vendor {i:03d}"
        slug = f"vendor-{i:03d}"
        plans = [Plan("Starter", Decimal(9 + i % 20)), Plan("Team", Decimal(29 + i % 40), unit="user"),
                 Plan("Business", Decimal(99 + i % 50))]
        home = Homepage(title=f"{name} analytics", headline=f"{name}: analytics for team {i}",
                        subheadline="Answers from your product data in minutes.",
                        primary_cta=("Start free", "/signup"), secondary_cta=("Book a demo", "/demo"),
                        description=f"{name} product analytics.", value_props=("Fast", "Simple", "Secure"),
                        social_proof=f"Trusted by {100 + i} teams")
        v = Vendor(name, slug, markup or MARKUPS[i % len(MARKUPS)], REVIEW_MARKUPS[i % len(REVIEW_MARKUPS)],
                   plans={1: plans, 2: plans}, homepage={1: home, 2: home}, reviews_per_page=per_page)
        reviews = generate_reviews(name, review_pages * per_page, praise, seed=seed * 7919 + i,
                                   start="2025-01-01", end="2026-10-31")
        v.reviews = {1: reviews, 2: reviews}
        out[slug] = v
    return out


def synthetic_config(base_url: str, database: str | Path, vendors: dict[str, Vendor], *,
                     concurrency: int = 16, max_pages: int = 1000, render: str = "never") -> Config:
    return Config.model_validate({
        "project": "synthetic market",
        "database": str(database),
        "allow_private_networks": ["127.0.0.1"],
        "crawl": {"download_delay": 0, "autothrottle": False, "concurrency": concurrency,
                  "per_domain_concurrency": concurrency},
        "competitors": [{
            "name": v.name, "render": render, "currency": v.currency,
            "pricing": [f"{base_url}/{slug}/pricing"], "messaging": [f"{base_url}/{slug}/"],
            "reviews": [{"url": f"{base_url}/{slug}/reviews", "max_pages": max_pages}],
        } for slug, v in vendors.items()],
    })
