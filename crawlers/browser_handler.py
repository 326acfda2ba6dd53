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
        self._started = False

    async def _maybe_launch_in_thread(self) -> None:  # engine_started: nothing to do yet
        return None

    def _engine_started(self):  # the same signal on Scrapy versions without the async API
        return None

    async def _download_request(self, request, spider=None):
        if not self._started:
            # pages that arrive together wait for one start (the provider exists before it
            # has started, so its presence is no sign that it may be used)
            async with self._start_lock:
                if not self._started:
                    await self._launch()
                    self._started = True
        return await super()._download_request(request, spider)
