"""Homepages and landing pages: what competitors say about themselves."""
from __future__ import annotations

from crawlers.spiders.base import RivalSpider


class MessagingSpider(RivalSpider):
    name = "messaging"
    kind = "messaging"

    def pages_of(self, competitor):
        return competitor.messaging

    async def parse_page(self, response, html, page):
        from crawlers.extract.messaging import extract_messaging

        comp = self.competitor(response.meta["rs_competitor"])
        ref = response.meta["rs_ref"]
        snapshot = await self.extract(extract_messaging, html, response.url, ignore=comp.ignore,
                                      selectors={**comp.selectors, **ref.selectors})
        status = "ok" if snapshot.get("headline") or snapshot.get("main_text") else "empty"
        yield self.record(response, status=status,
                          items={"snapshot": snapshot if status == "ok" else None},
                          body=html.encode("utf-8") if page is not None else None)
