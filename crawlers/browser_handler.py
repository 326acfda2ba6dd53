"""scrapy-playwright's download handler, started when a page first needs the browser.

The stock handler starts a Playwright driver (a Node process) when the engine starts, for
each scheme of each spider: a crawl of three spiders started six drivers, about 2 s of CPU,
even when every page was plain HTML. This one starts its driver on the first request that
carries meta["playwright"]; plain requests go through Scrapy's HTTP handler as before.
"""
from __future__ import annotations

import asyncio

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler


class LazyPlaywrightDownloadHandler(ScrapyPlaywrightDownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._start_lock = asyncio.Lock()

    async def _maybe_launch_in_thread(self) -> None:  # engine_started: nothing to do yet
        return None

    def _engine_started(self):  # the same signal on Scrapy versions without the async API
        return None

    async def _download_request(self, request, spider=None):
        if getattr(self, "browser_provider", None) is None:
            async with self._start_lock:
                if getattr(self, "browser_provider", None) is None:
                    await self._launch()
        return await super()._download_request(request, spider)
