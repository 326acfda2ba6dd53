"""Pricing pages: plans and prices, both billing periods where the page has a switch."""
from __future__ import annotations

import logging

from crawlers.spiders.base import RivalSpider

logger = logging.getLogger(__name__)


def _dedupe(offers: list[dict]) -> list[dict]:
    seen, out = set(), []
    for o in offers:
        key = ((o.get("plan") or "").strip().lower(), o.get("period"), o.get("unit"), o.get("billing"))
        if key not in seen:
            seen.add(key)
            out.append(o)
    return out


class PricingSpider(RivalSpider):
    name = "pricing"
    kind = "pricing"

    def pages_of(self, competitor):
        return competitor.pricing

    async def parse_page(self, response, html, page):
        from crawlers.extract.pricing import extract_pricing

        comp = self.competitor(response.meta["rs_competitor"])
        ref = response.meta["rs_ref"]
        selectors = {**comp.selectors, **ref.selectors}
        hint = comp.currency

        variants = [(None, html)]
        if page is not None:
            from crawlers.actions.billing_toggle import capture_billing_variants

            try:
                variants = await capture_billing_variants(page, ref.toggle) or variants
            except Exception as e:  # a broken toggle must not lose the prices we have
                logger.warning("billing toggle on %s failed: %s", response.url, e)
        offers = []
        for billing, variant_html in variants:
            for o in await self.extract(extract_pricing, variant_html, response.url, currency_hint=hint,
                                        selectors=selectors):
                if billing and not o.get("billing"):
                    o["billing"] = billing
                offers.append(o)
        offers = _dedupe(offers)

        # A configured toggle whose other state is not in the plain HTML needs the browser.
        billings = {o.get("billing") for o in offers}
        if offers and ref.toggle and page is None and len(billings - {None}) < 2 and self.can_render(response):
            yield self.rendered_retry(response)
            return
        body = variants[-1][1].encode("utf-8") if page is not None else None
        yield self.record(response, status="ok" if offers else "empty", items={"offers": offers}, body=body)
