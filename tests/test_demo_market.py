"""The generic extractors on every demo-market page, both epochs, against the market's facts."""
from __future__ import annotations

import asyncio
import urllib.request

import pytest

from crawlers.extract.messaging import extract_messaging
from crawlers.extract.pricing import extract_pricing
from crawlers.extract.reviews import extract_reviews
from rivalscope.demo import demo_config, expected
from rivalscope.demo.market import MARKET, VENDORS
from rivalscope.demo.server import DemoMarket

SLUGS = [v.slug for v in MARKET]
STATIC_PRICING = [v.slug for v in MARKET if v.markup != "js"]
STATIC_REVIEWS = [v.slug for v in MARKET if v.review_markup != "js_loaded"]


@pytest.fixture(scope="module")
def market():
    with DemoMarket() as m:
        yield m


def get(market, slug, path, epoch):
    market.set_epoch(epoch)
    url = f"{market.base_url}/{slug}/{path}"
    with urllib.request.urlopen(url) as r:
        return url, r.read().decode("utf-8")


def offer_facts(offers):
    keys = ("plan", "amount", "currency", "period", "unit", "billing", "is_contact_sales")
    return sorted((tuple(o.get(k) for k in keys) for o in offers), key=repr)


@pytest.mark.parametrize("epoch", [1, 2])
@pytest.mark.parametrize("slug", STATIC_PRICING)
def test_pricing_pages(market, slug, epoch):
    url, html = get(market, slug, "pricing", epoch)
    offers = extract_pricing(html, url, currency_hint=VENDORS[slug].currency)
    assert offer_facts(offers) == offer_facts(expected.expected_offers(slug, epoch))


@pytest.mark.parametrize("epoch", [1, 2])
def test_js_pricing_page_has_no_prices_without_a_browser(market, epoch):
    url, html = get(market, "initech", "pricing", epoch)
    assert extract_pricing(html, url, currency_hint="USD") == []


@pytest.mark.browser
@pytest.mark.parametrize("epoch", [1, 2])
def test_js_pricing_page_rendered(market, epoch):
    from rivalscope.fetch import render_html

    market.set_epoch(epoch)
    url = f"{market.base_url}/initech/pricing"
    variants = render_html(url, kind="pricing")
    offers = [o for _, html in variants for o in extract_pricing(html, url, currency_hint="USD")]
    assert offer_facts(offers) == offer_facts(expected.expected_offers("initech", epoch))


@pytest.mark.parametrize("epoch", [1, 2])
@pytest.mark.parametrize("slug", SLUGS)
def test_homepages(market, slug, epoch):
    url, html = get(market, slug, "", epoch)
    page = extract_messaging(html, url)
    home = VENDORS[slug].homepage[epoch]
    assert page["title"] == home.title
    assert page["headline"] == home.headline
    assert page["subheadline"] == home.subheadline
    assert page["meta_description"] == home.description
    ctas = [(c["text"], c["primary"]) for c in page["ctas"]]
    assert ctas[:2] == [(home.primary_cta[0], True), (home.secondary_cta[0], False)]
    assert page["ctas"][0]["href"].endswith(f"/{slug}{home.primary_cta[1]}")


@pytest.mark.parametrize("epoch", [1, 2])
@pytest.mark.parametrize("slug", STATIC_REVIEWS)
def test_review_pages_all_pages(market, slug, epoch):
    """Following next links from page 1 yields every review of the epoch, exactly."""
    v = VENDORS[slug]
    url, html = get(market, slug, "reviews", epoch)
    found, pages = [], 0
    while True:
        pages += 1
        result = extract_reviews(html, url)
        found += result["reviews"]
        assert result["aggregate"]["count"] == expected.review_count(slug, epoch)
        assert result["aggregate"]["rating"] == expected.average_rating(slug, epoch)
        if not result.get("next_url"):
            break
        url = result["next_url"]
        with urllib.request.urlopen(url) as r:
            html = r.read().decode("utf-8")
    truth = v.reviews[epoch]
    assert pages == -(-len(truth) // v.reviews_per_page)
    # Order within a page is not a contract (structured data may list reviews in any order).
    assert sorted((r["published_at"], r["body"], r["rating"], r["title"], r["author"]) for r in found) == \
        sorted((t.date, t.body, float(t.rating), t.title, t.author) for t in truth)


@pytest.mark.browser
def test_js_loaded_reviews_with_load_more(market):
    """Umbrella's reviews arrive by fetch(); clicking "Load more" brings every page."""
    from playwright.async_api import async_playwright

    from crawlers.actions.load_more import expand_reviews
    from rivalscope.browser import launch_options

    v = VENDORS["umbrella"]
    market.set_epoch(2)
    url = f"{market.base_url}/umbrella/reviews"

    async def run():
        async with async_playwright() as p:
            browser = await p.chromium.launch(**launch_options())
            page = await browser.new_page()
            await page.goto(url)
            html = await expand_reviews(page, load_more_selector="button.load-more", max_clicks=10)
            await browser.close()
            return html

    result = extract_reviews(asyncio.run(run()), url)
    assert sorted((r["published_at"], r["body"], r["rating"]) for r in result["reviews"]) == \
        sorted((t.date, t.body, float(t.rating)) for t in v.reviews[2])


def test_market_facts():
    """What the issue asks of the demo market holds for its data."""
    assert len(MARKET) >= 4 + 1 and sum(v.is_self for v in MARKET) == 1
    assert {v.markup for v in MARKET} >= {"jsonld", "cards", "js", "toggle"}
    assert any(v.currency == "EUR" for v in MARKET)
    assert any(p.contact_sales for v in MARKET for p in v.plans[1])
    assert any(p.unit == "user" for v in MARKET for p in v.plans[1])
    assert expected.total_reviews(1) >= 200
    assert expected.total_reviews(2) > expected.total_reviews(1)
    assert expected.price_changes() and expected.plans_added() and expected.plans_removed()
    assert expected.headline_changes()
    # Ratings agree with the text: praise only → 4–5 stars, complaints only → 1–2.
    for v in MARKET:
        for r in v.reviews[2]:
            praised = [good for _, good in r.themes]
            if all(praised):
                assert r.rating >= 4, r
            elif not any(praised):
                assert r.rating <= 2, r
    # Old reviews are unchanged in epoch 2 (re-crawls must not duplicate them).
    for v in MARKET:
        assert v.reviews[2][-len(v.reviews[1]):] == v.reviews[1]


def test_demo_config_is_valid(tmp_path):
    with DemoMarket() as m:
        config = demo_config(m.base_url, tmp_path / "demo.db")
    assert [c.slug for c in config.competitors] == SLUGS
    assert config.allow_private_networks == ["127.0.0.1"]
    assert all(c.render == "auto" for c in config.competitors)


def test_unknown_pages_are_404(market):
    for path in ("/nope/", "/acme/nope", "/acme/reviews?page=99", "/acme/reviews?page=x"):
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(market.base_url + path)
        assert e.value.code == 404
    with pytest.raises(ValueError):
        market.set_epoch(3)
