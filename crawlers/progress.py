"""Live crawl progress on stderr: pages, items, errors, rate."""
from __future__ import annotations

import sys
import time

from scrapy import signals
from twisted.internet import task


class CrawlProgress:
    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.started = time.monotonic()
        self.loop = None
        self.pages = self.items = self.errors = 0

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler, crawler.settings.getfloat("RIVALSCOPE_PROGRESS_INTERVAL", 2.0))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        return ext

    def enabled(self) -> bool:
        return self.crawler.settings.getbool("RIVALSCOPE_PROGRESS", False)

    def item_scraped(self, item, **kw):
        self.pages += 1
        if item.get("status") != "ok":
            self.errors += 1
        self.items += len(item.get("offers") or item.get("reviews") or ([1] if item.get("snapshot") else []))

    def line(self, final: bool = False) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        name = self.crawler.spider.name if self.crawler.spider else "crawl"
        return (f"{name:>9}: {self.pages} pages, {self.items} items, {self.errors} not ok, "
                f"{self.pages / elapsed * 60:.0f} pages/min" + (" (done)" if final else ""))

    def spider_opened(self, spider):
        if self.enabled():
            self.loop = task.LoopingCall(lambda: print(self.line(), file=sys.stderr, flush=True))
            self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.enabled():
            print(self.line(final=True), file=sys.stderr, flush=True)
