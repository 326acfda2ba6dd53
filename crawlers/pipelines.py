"""StorePipeline: PageRecord items → pages + facts in SQLite, then change detection."""
from __future__ import annotations

import asyncio
import logging
import os

from rivalscope.store import (
    open_db,
    save_messaging_snapshot,
    save_page,
    save_page_aggregate,
    save_price_observations,
    save_reviews,
    transaction,
)

logger = logging.getLogger(__name__)

BATCH_PAGES = 16  # pages written per transaction at most
BATCH_SECONDS = 0.25  # how long a page waits at most before it is written


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.db_path = settings.get("RIVALSCOPE_DB")
        self.run_id = settings.getint("RIVALSCOPE_RUN_ID")
        self.config = settings.get("RIVALSCOPE_CONFIG")
        self.db = None
        self.priced_competitors: set[str] = set()
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        self.db = open_db(self.db_path, migrate=False)
        self._pending: list[dict] = []
        self._timer = None

    def process_item(self, item):
        # Pages are written in small batches, one transaction each: a commit per page cost
        # ~0.7 ms (most of it full-text indexing a new segment) and blocked the event loop.
        # A batch is written synchronously, never left open across the event loop: the other
        # spiders' pipelines write to the same database.
        self._pending.append(item)
        if len(self._pending) >= BATCH_PAGES:
            self.flush()
        elif self._timer is None:
            self._schedule_flush()
        return item

    def _schedule_flush(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no event loop (scripts, tests): flush() and close_spider() write the rest
        self._timer = loop.call_later(BATCH_SECONDS, self._flush_on_timer)

    def _flush_on_timer(self) -> None:
        self._timer = None
        try:
            self.flush()
        except Exception:  # nobody awaits a timer: log the loss here and keep crawling
            logger.exception("writing a batch of pages failed; those pages are not stored")

    def flush(self) -> None:
        """Write the pending pages, each page row with its facts, in one transaction."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        pending, self._pending = self._pending, []
        if not pending:
            return
        written = []
        with transaction(self.db):
            for item in pending:
                self.db.conn.execute("SAVEPOINT page")
                try:
                    items = self._write(item)
                except Exception:  # this page is lost (as an error in process_item would lose it), not the batch
                    self.db.conn.execute("ROLLBACK TO page")
                    logger.exception("storing page %s failed", item.get("url"))
                else:
                    written.append((item, items))
                self.db.conn.execute("RELEASE page")
        for item, items in written:
            self.stats.inc_value(f"rivalscope/pages/{item['status']}")
            self.stats.inc_value("rivalscope/items", items)

    def _write(self, item) -> int:
        """The page row and its facts (inside the caller's transaction); returns the item count."""
        kind, competitor = item["kind"], item["competitor"]
        items = 0
        if kind == "pricing":
            items = len(item.get("offers") or [])
        elif kind == "messaging":
            items = 1 if item.get("snapshot") else 0
        elif kind == "reviews":
            items = len(item.get("reviews") or [])
        page_id = save_page(
            self.db, run=self.run_id, competitor=competitor, kind=kind, url=item["url"],
            status=item["status"], http_status=item.get("http_status"), final_url=item.get("final_url"),
            rendered=item.get("rendered"), content_type=item.get("content_type"), body=item.get("body"),
            items=items, error=item.get("error"),
        )
        self.db.conn.execute("SAVEPOINT facts")
        try:
            self.save_facts(item, page_id)
        except Exception as e:  # keep crawling; the page row says what went wrong
            self.db.conn.execute("ROLLBACK TO facts")
            logger.exception("storing what %s yielded failed", item["url"])
            self.db["pages"].update(page_id, {"status": "error", "error": f"{type(e).__name__}: {e}"[:2000]})
            item["status"] = "error"
        self.db.conn.execute("RELEASE facts")
        return items

    def save_facts(self, item: dict, page_id: str) -> None:
        kind, competitor = item["kind"], item["competitor"]
        if kind == "pricing" and item.get("offers"):
            save_price_observations(self.db, run=self.run_id, page=page_id, competitor=competitor,
                                    offers=item["offers"], base_currency=self.config.base_currency,
                                    rates=self.config.exchange_rates)
            self.priced_competitors.add(competitor)
        elif kind == "messaging" and item.get("snapshot"):
            from rivalscope.store.messaging_changes import detect_messaging_changes

            comp = next(c for c in self.config.competitors if c.slug == competitor)
            snap_id, previous, is_new = save_messaging_snapshot(
                self.db, run=self.run_id, page=page_id, competitor=competitor, url=item["url"],
                snapshot=item["snapshot"])
            if is_new and previous is not None:
                detect_messaging_changes(self.db, run=self.run_id, competitor=competitor, url=item["url"],
                                         new_snapshot_id=snap_id, previous=previous, ignore=comp.ignore)
        elif kind == "reviews" and item.get("reviews"):
            privacy = self.config.privacy
            counts = save_reviews(self.db, run=self.run_id, page=page_id, competitor=competitor,
                                  source=item["source"], reviews=item["reviews"],
                                  salt=os.environ.get(privacy.salt_env, ""),
                                  store_author_names=privacy.store_author_names)
            for k, v in counts.items():
                self.stats.inc_value(f"rivalscope/reviews/{k}", v)
            agg = item.get("aggregate") or {}
            save_page_aggregate(self.db, run=self.run_id, page=page_id, competitor=competitor,
                                rating=agg.get("rating"), review_count=agg.get("count"))

    def close_spider(self):
        try:
            self.flush()
            if self.priced_competitors:
                from rivalscope.store.price_changes import detect_price_changes

                for competitor in sorted(self.priced_competitors):
                    detect_price_changes(self.db, self.run_id, competitor)
        finally:
            self.db.close()
