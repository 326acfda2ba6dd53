"""crawl_runs: one row per crawl/run, with status, stats and error samples."""
from __future__ import annotations

import json
import os

from sqlite_utils import Database

from .db import now_iso, transaction

RUN_STATUSES = ("running", "succeeded", "partial", "failed")


def start_run(db: Database, kind: str = "crawl", *, only: list[str] | None = None,
              competitor_filter: str | None = None) -> int:
    with transaction(db):
        db["crawl_runs"].insert(
            {
                "kind": kind,
                "status": "running",
                "started_at": now_iso(),
                "only": ",".join(only) if only else None,
                "competitor_filter": competitor_filter,
                "pid": os.getpid(),
                "stats": "{}",
                "errors": "[]",
            }
        )
        return db.execute("select last_insert_rowid()").fetchone()[0]


def finish_run(db: Database, run_id: int, status: str, *, stats: dict | None = None,
               errors: list | None = None) -> None:
    if status not in RUN_STATUSES:
        raise ValueError(f"unknown run status {status!r}")
    with transaction(db):
        db["crawl_runs"].update(
            run_id,
            {
                "status": status,
                "finished_at": now_iso(),
                "stats": json.dumps(stats or {}, sort_keys=True),
                "errors": json.dumps((errors or [])[:50]),
            },
        )


def mark_stale_runs_failed(db: Database) -> int:
    """Runs left 'running' by a killed process become 'failed'. Returns how many."""
    stale = []
    for row in db.query("select id, pid from crawl_runs where status = 'running'"):
        pid = row["pid"]
        alive = False
        if pid and pid != os.getpid():
            try:
                os.kill(pid, 0)
                alive = True
            except OSError:
                alive = False
        if not alive:
            stale.append(row["id"])
    if stale:
        with transaction(db):
            for run_id in stale:
                db["crawl_runs"].update(
                    run_id,
                    {"status": "failed", "finished_at": now_iso(),
                     "errors": json.dumps([{"error": "interrupted: the process stopped before the run finished"}])},
                )
    return len(stale)
