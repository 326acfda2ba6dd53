"""The demo market's facts: five product-analytics vendors (one of them us), their plans,
homepages and reviews, in two epochs. The server renders pages from these facts and the tests
compare what the crawler found against them, so the two cannot drift apart."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rivalscope.demo.reviews import DemoReview, generate_reviews


@dataclass(frozen=True)
class Plan:
    name: str
    amount: Decimal | None          # None: "Contact sales"
    period: str = "month"           # month | year
    unit: str | None = None         # "user" for per-seat prices
    annual_amount: Decimal | None = None  # per month when billed annually (toggle pages)
    features: tuple[str, ...] = ()

    @property
    def contact_sales(self) -> bool:
        return self.amount is None


@dataclass(frozen=True)
class Homepage:
    title: str
    headline: str
    subheadline: str
    primary_cta: tuple[str, str]     # text, path under the competitor's prefix
    secondary_cta: tuple[str, str]
    description: str
    value_props: tuple[str, ...]
    social_proof: str


@dataclass
class Vendor:
    name: str
    slug: str
    markup: str                     # how its pricing page is built (see pages.py)
    review_markup: str              # how its review pages are built
    currency: str = "USD"
    is_self: bool = False
    plans: dict[int, list[Plan]] = field(default_factory=dict)      # epoch -> plans
    homepage: dict[int, Homepage] = field(default_factory=dict)     # epoch -> homepage
    reviews: dict[int, list[DemoReview]] = field(default_factory=dict)  # epoch -> newest first
    reviews_per_page: int = 15


D = Decimal
F_BASE = ("Unlimited dashboards", "Event tracking", "Email support")


def _acme() -> Vendor:
    plans = [
        Plan("Free", D("0"), features=("Up to 10k events a month", "3 dashboards", "Community support")),
        Plan("Team", D("29"), features=("1M events a month", "Unlimited dashboards", "Email support")),
        Plan("Business", D("79"), features=("10M events a month", "SSO", "Priority support")),
    ]
    home = Homepage(
        title="Acme Analytics — product analytics for growing teams",
        headline="See what your users do, not what you guess",
        subheadline="Acme turns raw product events into answers your whole team can act on.",
        primary_cta=("Start free", "/signup"), secondary_cta=("Book a demo", "/demo"),
        description="Product analytics with funnels, retention and dashboards your team will actually use.",
        value_props=("Funnels in minutes", "Retention you can trust", "Dashboards for everyone"),
        social_proof="Trusted by 4,000 product teams")
    return Vendor("Acme", "acme", "jsonld", "jsonld", is_self=True,
                  plans={1: plans, 2: plans}, homepage={1: home, 2: home})


def _globex() -> Vendor:
    e1 = [
        Plan("Starter", D("0"), unit="user", features=("Up to 3 users", "30 days of history")),
        Plan("Team", D("12"), unit="user", features=("Unlimited history", "Shared dashboards", "Slack alerts")),
        Plan("Business", D("24"), unit="user", features=("SAML SSO", "Audit log", "Phone support")),
        Plan("Enterprise", None, features=("Dedicated success manager", "Custom contracts", "99.99% SLA")),
    ]
    e2 = [e1[0], Plan("Team", D("15"), unit="user", features=e1[1].features), e1[2], e1[3]]
    h1 = Homepage(
        title="Globex Insights | Analytics your whole company understands",
        headline="Analytics your whole company understands",
        subheadline="Ask questions in plain English and get charts in seconds. No SQL required.",
        primary_cta=("Get started free", "/signup"), secondary_cta=("Talk to sales", "/contact"),
        description="Globex Insights gives every team self-serve analytics with plain-English questions.",
        value_props=("Plain-English questions", "Charts in seconds", "Alerts in Slack"),
        social_proof="Trusted by 12,000 teams worldwide")
    h2 = Homepage(
        title="Globex Insights | AI analytics for every team",
        headline="AI analytics that answers before you ask",
        subheadline="Globex watches your metrics and explains every change. No SQL required.",
        primary_cta=("Try Globex AI free", "/signup"), secondary_cta=("Talk to sales", "/contact"),
        description="Globex Insights explains changes in your metrics automatically with AI.",
        value_props=("Automatic explanations", "Charts in seconds", "Alerts in Slack"),
        social_proof="Trusted by 12,000 teams worldwide")
    return Vendor("Globex", "globex", "cards", "plain", plans={1: e1, 2: e2}, homepage={1: h1, 2: h2})


def _initech() -> Vendor:
    e1 = [
        Plan("Basic", D("19"), features=("500k events", "5 seats")),
        Plan("Pro", D("49"), features=("5M events", "25 seats", "A/B test analysis")),
        Plan("Premium", D("99"), features=("50M events", "Unlimited seats", "Data warehouse sync")),
    ]
    e2 = [e1[0], Plan("Pro", D("59"), features=e1[1].features)]
    home = Homepage(
        title="Initech Metrics",
        headline="Every metric, one source of truth",
        subheadline="Initech unifies product, marketing and revenue data in one warehouse-native workspace.",
        primary_cta=("Start your trial", "/trial"), secondary_cta=("See pricing", "/pricing"),
        description="Warehouse-native metrics for product, marketing and revenue teams.",
        value_props=("Warehouse-native", "One metric layer", "Governed definitions"),
        social_proof="Used by 900 data teams")
    return Vendor("Initech", "initech", "js", "jsonld_product",
                  plans={1: e1, 2: e2}, homepage={1: home, 2: home})


def _umbrella() -> Vendor:
    e1 = [
        Plan("Essentials", D("25"), annual_amount=D("20"), features=("1M Events", "Unbegrenzte Dashboards")),
        Plan("Growth", D("60"), annual_amount=D("50"), features=("10M Events", "Kohortenanalyse", "SSO")),
        Plan("Enterprise", None, features=("Eigene Datenhaltung in der EU", "Persönlicher Support")),
    ]
    e2 = [e1[0], Plan("Growth", D("65"), annual_amount=D("54"), features=e1[1].features), e1[2]]
    h1 = Homepage(
        title="Umbrella Analytics – Produktanalyse aus Europa",
        headline="Product analytics that stays in Europe",
        subheadline="GDPR-ready analytics hosted in Frankfurt, with every chart your product team needs.",
        primary_cta=("Start for free", "/signup"), secondary_cta=("Request a demo", "/demo"),
        description="GDPR-ready product analytics hosted in the EU.",
        value_props=("Hosted in Frankfurt", "No cookie banner needed", "Cohorts and funnels"),
        social_proof="Trusted by 2,500 European companies")
    h2 = Homepage(
        title="Umbrella Analytics – Produktanalyse aus Europa",
        headline="Privacy-first analytics, built in Europe",
        subheadline="GDPR-ready analytics hosted in Frankfurt, with every chart your product team needs.",
        primary_cta=("Start for free", "/signup"), secondary_cta=("Request a demo", "/demo"),
        description="GDPR-ready product analytics hosted in the EU.",
        value_props=("Hosted in Frankfurt", "No cookie banner needed", "Cohorts and funnels"),
        social_proof="Trusted by 3,000 European companies")
    return Vendor("Umbrella", "umbrella", "toggle", "js_loaded", currency="EUR",
                  plans={1: e1, 2: e2}, homepage={1: h1, 2: h2}, reviews_per_page=10)


def _hooli() -> Vendor:
    e1 = [
        Plan("Plus", D("39"), features=("2M events", "10 seats")),
        Plan("Max", D("89"), features=("20M events", "Unlimited seats", "Session replay")),
    ]
    e2 = [Plan("Lite", D("15"), features=("250k events", "2 seats")), *e1]
    home = Homepage(
        title="Hooli Analytics — fast answers at any scale",
        headline="Sub-second analytics at any scale",
        subheadline="Query billions of events in under a second, with session replay built in.",
        primary_cta=("Get started", "/signup"), secondary_cta=("Watch the tour", "/tour"),
        description="Fast product analytics with session replay.",
        value_props=("Sub-second queries", "Session replay", "Billions of events"),
        social_proof="Trusted by 1,200 teams")
    return Vendor("Hooli", "hooli", "microdata", "plain", plans={1: e1, 2: e2},
                  homepage={1: home, 2: home}, reviews_per_page=12)


# How many reviews each vendor has in epoch 1 and how many epoch 2 adds, and what its
# customers tend to praise or criticise (theme -> weight of praise, 0..1).
REVIEW_PLAN = {
    "acme": (40, 6, {"ease_of_use": .8, "support": .7, "price": .6, "reliability": .7,
                     "performance": .6, "integrations": .5, "onboarding": .8}),
    "globex": (60, 8, {"ease_of_use": .9, "support": .85, "price": .25, "reliability": .7,
                       "performance": .6, "integrations": .7, "onboarding": .8}),
    "initech": (40, 6, {"ease_of_use": .35, "support": .5, "price": .5, "reliability": .3,
                        "performance": .55, "integrations": .85, "onboarding": .3}),
    "umbrella": (40, 6, {"ease_of_use": .8, "support": .75, "price": .6, "reliability": .75,
                         "performance": .7, "integrations": .25, "onboarding": .7}),
    "hooli": (36, 6, {"ease_of_use": .6, "support": .4, "price": .55, "reliability": .6,
                      "performance": .9, "integrations": .6, "onboarding": .5}),
}


def build_market() -> list[Vendor]:
    vendors = [_acme(), _globex(), _initech(), _umbrella(), _hooli()]
    for seed, v in enumerate(vendors):
        first, added, praise = REVIEW_PLAN[v.slug]
        older = generate_reviews(v.name, first, praise, seed=seed * 1000 + 1,
                                 start="2026-01-06", end="2026-10-30", language="en")
        newer = generate_reviews(v.name, added, praise, seed=seed * 1000 + 2,
                                 start="2026-11-02", end="2026-11-19", language="en", id_offset=first)
        v.reviews = {1: older, 2: newer + older}
    return vendors


MARKET = build_market()
VENDORS = {v.slug: v for v in MARKET}
