"""StorePipeline: a page row and its facts commit together; a failure while storing the facts
rolls back whatever of them was written and leaves the page row with status error."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from scrapy.settings import Settings

from crawlers.pipelines import StorePipeline
from rivalscope.config import Config
from rivalscope.store import open_db, save_competitors, start_run


class _Stats(dict):
    def inc_value(self, key, n=1):
        self[key] = self.get(key, 0) + n


@pytest.fixture
def pipeline(tmp_path):
    db_path = tmp_path / "p.db"
    db = open_db(db_path)
    config = Config.model_validate({"competitors": [{"name": "Globex", "pricing": ["https://globex.example/pricing"],
                                                     "reviews": ["https://globex.example/reviews"]}]})
    save_competitors(db, config.competitors)
    run = start_run(db)
    db.close()
    settings = Settings({"RIVALSCOPE_DB": str(db_path), "RIVALSCOPE_RUN_ID": run, "RIVALSCOPE_CONFIG": config})
    p = StorePipeline(SimpleNamespace(settings=settings, stats=_Stats()))
    p.open_spider()
    yield p
    p.db.close()


REVIEW = {"site_id": "R1", "author": "Jane", "rating": 4.0, "title": "Good", "body": "Works well for us.",
          "published_at": "2026-01-02", "language": "en", "url": "https://globex.example/reviews"}


def _item(**extra):
    return {"kind": "reviews", "competitor": "globex", "url": "https://globex.example/reviews", "status": "ok",
            "http_status": 200, "source": "globex.example", "reviews": [REVIEW], **extra}


def test_page_and_reviews_stored(pipeline):
    pipeline.process_item(_item())
    assert pipeline.db["pages"].count == 0  # waits for its batch
    pipeline.flush()
    assert pipeline.db["pages"].count == 1 and pipeline.db["reviews"].count == 1
    assert next(pipeline.db["pages"].rows)["status"] == "ok"
    assert not pipeline.db.conn.in_transaction


def test_failure_while_storing_facts_rolls_them_back(pipeline, monkeypatch):
    import crawlers.pipelines as mod

    def broken_aggregate(*args, **kwargs):  # called after the reviews were written
        raise ValueError("aggregate broke")

    monkeypatch.setattr(mod, "save_page_aggregate", broken_aggregate)
    item = pipeline.process_item(_item())
    pipeline.flush()
    assert item["status"] == "error"
    page = next(pipeline.db["pages"].rows)
    assert page["status"] == "error" and "ValueError: aggregate broke" in page["error"]
    assert pipeline.db["reviews"].count == 0  # the half-stored facts went with the failure
    assert pipeline.stats["rivalscope/pages/error"] == 1
    assert not pipeline.db.conn.in_transaction
    monkeypatch.undo()  # the crawl carries on: the next page stores normally
    pipeline.process_item({**_item(), "url": "https://globex.example/reviews?page=2"})
    pipeline.flush()
    assert pipeline.db["reviews"].count == 1 and pipeline.db["pages"].count == 2


def _page(n: int, **extra):
    return {**_item(), "url": f"https://globex.example/reviews?page={n}",
            "reviews": [{**REVIEW, "site_id": f"R{n}", "body": f"Review number {n} works well."}], **extra}


def test_a_full_batch_is_written_at_once(pipeline):
    from crawlers.pipelines import BATCH_PAGES

    for n in range(BATCH_PAGES - 1):
        pipeline.process_item(_page(n))
    assert pipeline.db["pages"].count == 0
    pipeline.process_item(_page(BATCH_PAGES))
    assert pipeline.db["pages"].count == BATCH_PAGES and pipeline.db["reviews"].count == BATCH_PAGES
    assert pipeline.stats["rivalscope/pages/ok"] == BATCH_PAGES
    assert not pipeline.db.conn.in_transaction


def test_a_page_that_cannot_be_stored_loses_only_itself(pipeline):
    pipeline.process_item(_page(1))
    pipeline.process_item(_page(2, status="no-such-status"))
    pipeline.process_item(_page(3))
    pipeline.flush()
    assert sorted(r["url"][-1] for r in pipeline.db["pages"].rows) == ["1", "3"]
    assert pipeline.db["reviews"].count == 2
    assert not pipeline.db.conn.in_transaction


def test_closing_the_spider_writes_what_is_pending(pipeline):
    pipeline.process_item(_page(1))
    pipeline.close_spider()
    from rivalscope.store import open_db

    db = open_db(pipeline.db_path, migrate=False)
    assert db["pages"].count == 1
    db.close()
    pipeline.db = open_db(pipeline.db_path, migrate=False)  # the fixture closes it again


def test_pages_wait_at_most_batch_seconds_in_a_running_loop(pipeline):
    import asyncio

    from crawlers.pipelines import BATCH_SECONDS

    async def scenario():
        pipeline.process_item(_page(1))
        assert pipeline.db["pages"].count == 0
        await asyncio.sleep(BATCH_SECONDS + 0.2)
        assert pipeline.db["pages"].count == 1

    asyncio.run(scenario())
