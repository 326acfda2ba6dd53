"""Review pages: every review once, following pagination up to max_pages and stopping
early when a page brings only reviews stored by earlier runs."""
from __future__ import annotations

import logging
from urllib.parse import urlsplit

from rivalscope.store import open_db
from crawlers.spiders.base import RivalSpider

logger = logging.getLogger(__name__)


class ReviewsSpider(RivalSpider):
    name = "reviews"
    kind = "reviews"

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.db_path = crawler.settings.get("RIVALSCOPE_DB")
        spider._reader = None
        spider._last_finished = None
        return spider

    def reader(self):
        """A connection for the early-stop look-ups, kept for the crawl (autocommit: each
        query sees what the pipeline has committed so far)."""
        if self._reader is None:
            self._reader = open_db(self.db_path, migrate=False)
        return self._reader

    def closed(self, reason):
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def pages_of(self, competitor):
        return competitor.reviews

    def page_request(self, comp, ref, url, *, render, **meta):
        meta.setdefault("rs_page_no", 1)
        meta.setdefault("rs_url", url)
        return super().page_request(comp, ref, url, render=render, **meta)

    @staticmethod
    def source_name(ref) -> str:
        return ref.source or urlsplit(ref.url).hostname or "web"

    def known_before_this_run(self, ids: list[str]) -> int:
        """How many of these reviews an earlier crawl that ran to its end (succeeded or partial)
        had stored. Reviews stored by a crawl that was killed or failed do not count: that crawl
        may have stopped before the older pages, and stopping early on them would leave those
        pages uncrawled for good."""
        last = self.last_finished_crawl()
        if not ids or not last:  # nothing stored by a finished crawl: the first crawl of a database
            return 0
        marks = ",".join("?" * len(ids))
        return self.reader().execute(f"select count(*) from reviews where id in ({marks}) and run <= ?",
                                     [*ids, last]).fetchone()[0]

    def last_finished_crawl(self) -> int:
        """The latest crawl before this one that ran to its end (looked up once: runs before
        this one do not change while it crawls)."""
        if self._last_finished is None:
            self._last_finished = self.reader().execute(
                "select coalesce(max(id), 0) from crawl_runs where kind = 'crawl' "
                "and status in ('succeeded', 'partial') and id < ?", [self.run_id]).fetchone()[0]
        return self._last_finished

    async def parse_page(self, response, html, page):
        from crawlers.page_jobs import review_page

        comp = self.competitor(response.meta["rs_competitor"])
        ref = response.meta["rs_ref"]
        page_no = response.meta.get("rs_page_no", 1)
        if page is not None:
            from crawlers.actions.load_more import expand_reviews

            try:
                html = await expand_reviews(page, load_more_selector=ref.load_more, max_clicks=ref.max_pages - 1)
            except Exception as e:
                logger.warning("expanding reviews on %s failed: %s", response.url, e)
                html = await page.content()
        source = self.source_name(ref)
        result = await self.extract(review_page, html, response.url, selectors={**comp.selectors, **ref.selectors},
                                    competitor=comp.slug, source=source)
        reviews = result.get("reviews") or []
        yield self.record(response, status="ok" if reviews else "empty",
                          items={"reviews": reviews, "source": source, "aggregate": result.get("aggregate")},
                          body=html.encode("utf-8") if page is not None else None)
        if not reviews:
            return
        ids = result["ids"]
        if self.known_before_this_run(ids) == len(ids):
            logger.info("%s: page %d brought only known reviews; stopping", ref.url, page_no)
            return
        next_url = result.get("next_url")
        if next_url and page_no < ref.max_pages:
            yield self.page_request(comp, ref, next_url, render=bool(response.meta.get("rs_rendered")),
                                    rs_page_no=page_no + 1, rs_url=next_url)
