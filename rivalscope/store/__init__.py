"""SQLite store: connection, schema and idempotent save_* functions.

Every write of crawled data is an upsert keyed on a stable id, so re-running anything
is safe. Callers pass plain dicts (the items produced by crawlers/extract).
"""
from __future__ import annotations

from .db import ensure_schema, now_iso, open_db, stable_id, transaction
from .runs import finish_run, start_run, mark_stale_runs_failed
from .save import (
    PAGE_STATUSES,
    save_competitors,
    save_messaging_snapshot,
    save_page,
    save_price_observations,
    save_reviews,
    save_page_aggregate,
)

__all__ = [
    "PAGE_STATUSES",
    "ensure_schema",
    "finish_run",
    "mark_stale_runs_failed",
    "now_iso",
    "open_db",
    "save_competitors",
    "save_messaging_snapshot",
    "save_page",
    "save_page_aggregate",
    "save_price_observations",
    "save_reviews",
    "stable_id",
    "start_run",
    "transaction",
]
