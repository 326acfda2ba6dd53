"""A bare Scrapy spider that only downloads a list of URLs: no parsing, no storage, no robots.txt.

    python -m perf.raw.bare_spider URLS_FILE --concurrency 16    # prints {"pages": n, "seconds": s}
"""
from __future__ import annotations

import argparse
import json
import time

import scrapy
from scrapy.crawler import CrawlerProcess


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: list[str], **kwargs):
        super().__init__(**kwargs)
        self.urls = urls
        self.pages = 0

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, dont_filter=True)

    def parse(self, response):
        self.pages += 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("urls_file")
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args(argv)
    urls = [u for u in open(args.urls_file, encoding="utf-8").read().split() if u]
    process = CrawlerProcess({
        "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False, "ROBOTSTXT_OBEY": False,
        "CONCURRENT_REQUESTS": args.concurrency, "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
        "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "COOKIES_ENABLED": False,
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    })
    crawler = process.create_crawler(BareSpider)
    started = time.perf_counter()
    process.crawl(crawler, urls=urls)
    process.start()
    print(json.dumps({"pages": crawler.spider.pages, "seconds": time.perf_counter() - started}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
