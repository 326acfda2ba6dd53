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
    assert pipeline.db["pages"].count == 1 and pipeline.db["reviews"].count == 1
    assert next(pipeline.db["pages"].rows)["status"] == "ok"
    assert not pipeline.db.conn.in_transaction


def test_failure_while_storing_facts_rolls_them_back(pipeline, monkeypatch):
    import crawlers.pipelines as mod

    def broken_aggregate(*args, **kwargs):  # called after the reviews were written
        raise ValueError("aggregate broke")

    monkeypatch.setattr(mod, "save_page_aggregate", broken_aggregate)
    item = pipeline.process_item(_item())
    assert item["status"] == "error"
    page = next(pipeline.db["pages"].rows)
    assert page["status"] == "error" and "ValueError: aggregate broke" in page["error"]
    assert pipeline.db["reviews"].count == 0  # the half-stored facts went with the failure
    assert pipeline.stats["rivalscope/pages/error"] == 1
    assert not pipeline.db.conn.in_transaction
    monkeypatch.undo()  # the crawl carries on: the next page stores normally
    pipeline.process_item({**_item(), "url": "https://globex.example/reviews?page=2"})
    assert pipeline.db["reviews"].count == 1 and pipeline.db["pages"].count == 2
