"""Run the spiders for a config: one crawl_runs row, every page recorded, a final status.

Twisted's reactor cannot restart, so call run_crawl() once per process; callers that need
several crawls (demo, run) start `rivalscope crawl` in a subprocess.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rivalscope.config import Config
from rivalscope.store import finish_run, mark_stale_runs_failed, open_db, save_competitors, start_run

KINDS = ("pricing", "messaging", "reviews")


@dataclass
class CrawlResult:
    run_id: int
    status: str
    stats: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)


def _spider_classes():
    from crawlers.spiders.messaging import MessagingSpider
    from crawlers.spiders.pricing import PricingSpider
    from crawlers.spiders.reviews import ReviewsSpider

    return {"pricing": PricingSpider, "messaging": MessagingSpider, "reviews": ReviewsSpider}


def summarise_run(db, run_id: int) -> tuple[str, dict, list]:
    """Status, stats and error samples of a run, from what its pages recorded."""
    by_status = {r["status"]: r["n"] for r in db.query(
        "select status, count(*) as n from pages where run = ? group by status", [run_id])}
    by_kind = {r["kind"]: r["n"] for r in db.query(
        "select kind, count(*) as n from pages where run = ? group by kind", [run_id])}
    pages = sum(by_status.values())
    ok = by_status.get("ok", 0)
    counts = {
        "price_observations": db.execute("select count(*) from price_observations where run = ?", [run_id]).fetchone()[0],
        "messaging_snapshots_new": db.execute("select count(*) from messaging_snapshots where first_seen_run = ?", [run_id]).fetchone()[0],
        "reviews_new": db.execute("select count(*) from reviews where run = ?", [run_id]).fetchone()[0],
        "changes": db.execute("select count(*) from changes where run = ?", [run_id]).fetchone()[0],
    }
    errors = [dict(r) for r in db.query(
        "select url, kind, status, error from pages where run = ? and status != 'ok' order by url limit 50", [run_id])]
    if pages == 0:
        status = "succeeded"
    elif ok == pages:
        status = "succeeded"
    elif ok == 0:
        status = "failed"
    else:
        status = "partial"
    stats = {"pages": pages, "pages_by_status": by_status, "pages_by_kind": by_kind, **counts}
    return status, stats, errors


def run_crawl(config: Config, db_path: str | Path, *, only: list[str] | None = None,
              competitors: list[str] | None = None, progress: bool = True,
              verbose: bool = False) -> CrawlResult:
    from scrapy.crawler import CrawlerProcess

    from crawlers import offload
    from crawlers.settings import build_settings

    kinds = list(only or KINDS)
    for name in competitors or []:
        config.competitor(name)  # raises ConfigError naming the configured competitors
    db = open_db(db_path)
    try:
        save_competitors(db, config.competitors)
        mark_stale_runs_failed(db)
        run_id = start_run(db, "crawl", only=kinds, competitor_filter=",".join(competitors or []) or None)
    finally:
        db.close()
    for comp in config.competitors:
        if not comp.obey_robots:
            print(f"warning: robots.txt is not obeyed for {comp.name} (obey_robots: false)", file=sys.stderr)

    settings = build_settings(config, db_path, run_id=run_id, verbose=verbose)
    settings["RIVALSCOPE_PROGRESS"] = progress
    process = CrawlerProcess(settings)
    spiders = _spider_classes()
    for kind in kinds:
        process.crawl(spiders[kind], config=config, run_id=run_id, competitors=competitors)
    try:
        try:
            process.start()
        finally:
            offload.shutdown()
    except BaseException as e:
        db = open_db(db_path, migrate=False)
        finish_run(db, run_id, "failed", errors=[{"error": f"{type(e).__name__}: {e}"}])
        db.close()
        raise
    db = open_db(db_path, migrate=False)
    try:
        status, stats, errors = summarise_run(db, run_id)
        finish_run(db, run_id, status, stats=stats, errors=errors)
    finally:
        db.close()
    return CrawlResult(run_id=run_id, status=status, stats=stats, errors=errors)


def format_summary(result: CrawlResult) -> str:
    s = result.stats
    lines = [f"run {result.run_id}: {result.status} — {s.get('pages', 0)} pages "
             f"({json.dumps(s.get('pages_by_status', {}), sort_keys=True)}), "
             f"{s.get('price_observations', 0)} price observations, "
             f"{s.get('messaging_snapshots_new', 0)} new messaging versions, "
             f"{s.get('reviews_new', 0)} new reviews, {s.get('changes', 0)} changes"]
    for e in result.errors[:10]:
        lines.append(f"  {e['status']}: {e['url']} ({e['kind']}){' — ' + e['error'] if e.get('error') else ''}")
    if len(result.errors) > 10:
        lines.append(f"  … and {len(result.errors) - 10} more (see crawl_runs.errors)")
    return "\n".join(lines)
