"""The embedded demo market: five fictional product-analytics vendors served on 127.0.0.1 in two
epochs (before and after they change prices, plans, headlines and gather reviews)."""
from __future__ import annotations

from pathlib import Path

from rivalscope.config import Config
from rivalscope.demo.market import MARKET


def demo_config(base_url: str, database: str | Path) -> Config:
    """The config a marketer would write for this market, pointed at the running server."""
    competitors = []
    for v in MARKET:
        root = f"{base_url}/{v.slug}"
        review = {"url": f"{root}/reviews", "max_pages": 10, "source": f"{v.slug}-site"}
        if v.review_markup == "js_loaded":
            review["load_more"] = "button.load-more"
        comp = {
            "name": v.name, "website": f"{root}/", "pricing": [f"{root}/pricing"],
            "messaging": [f"{root}/"], "reviews": [review], "render": "auto", "currency": v.currency,
            "ignore": ["css:#cookie-banner"],
        }
        if v.is_self:
            comp["self"] = True
        competitors.append(comp)
    data = {
        "project": "Acme Analytics vs market (demo)",
        "base_currency": "USD",
        "database": str(database),
        "user_agent": "rivalscope-demo (+https://github.com/rivalscope/rivalscope)",
        "competitors": competitors,
        "exchange_rates": [{"currency": "EUR", "rate": "1.08", "date": "2026-01-01"}],
        "allow_private_networks": ["127.0.0.1"],
        # All five vendors share one local server: politeness delays would only slow the demo.
        "crawl": {"download_delay": 0, "autothrottle": False, "per_domain_concurrency": 8},
        "themes": "default",
    }
    return Config.model_validate(data)
