"""Ground truth of the demo market, derived from the same facts the server renders, for tests
and for anyone checking what a crawl should have found."""
from __future__ import annotations

from decimal import Decimal

from rivalscope.demo.market import MARKET, VENDORS, Vendor


def expected_offers(slug: str, epoch: int) -> list[dict]:
    """One dict per plan and billing variant, in the field names of the pricing extractor."""
    v = VENDORS[slug]
    out = []
    for billing in (("monthly", "annual") if v.markup == "toggle" else (None,)):
        for p in v.plans[epoch]:
            amount = p.annual_amount if billing == "annual" else p.amount
            out.append({
                "plan": p.name,
                "amount": None if p.contact_sales else f"{amount:.2f}",
                "currency": None if p.contact_sales else v.currency,
                "period": "unknown" if p.contact_sales else p.period,
                "unit": p.unit if not p.contact_sales else None,
                "billing": billing,
                "is_contact_sales": p.contact_sales,
            })
    return out


def plan_names(slug: str, epoch: int) -> set[str]:
    return {p.name for p in VENDORS[slug].plans[epoch]}


def price_changes() -> list[tuple[str, str, Decimal, Decimal]]:
    """(competitor slug, plan, old amount, new amount) between epoch 1 and 2, one per billing
    variant (a page with a monthly/annual switch changes both)."""
    out = []
    for v in MARKET:
        before = {p.name: p for p in v.plans[1]}
        for p in v.plans[2]:
            old = before.get(p.name)
            if old is None or old.amount is None or p.amount is None:
                continue
            if old.amount != p.amount:
                out.append((v.slug, p.name, old.amount, p.amount))
            if v.markup == "toggle" and old.annual_amount != p.annual_amount:
                out.append((v.slug, p.name, old.annual_amount, p.annual_amount))
    return out


def plans_added() -> list[tuple[str, str]]:
    return [(v.slug, n) for v in MARKET for n in sorted(plan_names(v.slug, 2) - plan_names(v.slug, 1))]


def plans_removed() -> list[tuple[str, str]]:
    return [(v.slug, n) for v in MARKET for n in sorted(plan_names(v.slug, 1) - plan_names(v.slug, 2))]


def headline(slug: str, epoch: int) -> str:
    return VENDORS[slug].homepage[epoch].headline


def headline_changes() -> list[str]:
    return [v.slug for v in MARKET if v.homepage[1].headline != v.homepage[2].headline]


def review_count(slug: str, epoch: int) -> int:
    return len(VENDORS[slug].reviews[epoch])


def average_rating(slug: str, epoch: int) -> float:
    reviews = VENDORS[slug].reviews[epoch]
    return round(sum(r.rating for r in reviews) / len(reviews), 1)


def total_reviews(epoch: int) -> int:
    return sum(review_count(v.slug, epoch) for v in MARKET)


def js_rendered(v: Vendor) -> bool:
    return v.markup == "js"
