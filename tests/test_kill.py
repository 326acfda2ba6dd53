"""Resilience: a crawl of a large local market killed with SIGKILL at random moments, several
times, then run to completion. The database must pass `pragma integrity_check` after every
kill, keep every row it already had, mark the interrupted runs failed, end with exact counts
and no duplicates; and Datasette reads it while the last crawl writes.

The figures (pages each killed run stored, errors, rows lost) are printed; run with -s to
see them."""
from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from decimal import Decimal

import pytest

from rivalscope.cli.crawl_cmds import write_config
from rivalscope.demo.server import DemoMarket
from rivalscope.demo.synthetic import synthetic_config, synthetic_market

VENDORS = 12
REVIEW_PAGES = 20
PER_PAGE = 10
KILLS = 3
SEED = 20261123


@pytest.fixture(scope="module")
def market():
    vendors = synthetic_market(VENDORS, REVIEW_PAGES, per_page=PER_PAGE, seed=3)
    with DemoMarket(vendors=vendors) as server:
        yield server, vendors


def _crawl(config_file, db) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "rivalscope", "crawl", "-c", str(config_file), "--db", str(db),
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _read_only(db) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def _snapshot(db) -> dict:
    con = _read_only(db)
    try:
        return {
            "integrity": con.execute("pragma integrity_check").fetchone()[0],
            "review_ids": {r[0] for r in con.execute("select id from reviews")},
            "snapshots": {r[0] for r in con.execute("select id from messaging_snapshots")},
            "observations": {r[0] for r in con.execute("select id from price_observations")},
            "runs": con.execute("select id, status from crawl_runs order by id").fetchall(),
            "pages": dict(con.execute("select run, count(*) from pages group by run").fetchall()),
            "errors": con.execute("select count(*) from pages where status != 'ok'").fetchone()[0],
        }
    finally:
        con.close()


class _DatasetteReader(threading.Thread):
    """Queries the database through Datasette in a loop while a crawl writes to it."""

    def __init__(self, db):
        super().__init__(daemon=True)
        self.db, self.stop, self.results, self.failures = db, threading.Event(), [], []

    def run(self):
        from rivalscope.serve import make_datasette

        async def loop():
            ds = make_datasette(self.db)
            await ds.invoke_startup()
            while not self.stop.is_set():
                r = await ds.client.get("/rivalscope.json?sql=select+count(*)+as+n+from+reviews&_shape=array")
                if r.status_code != 200:
                    self.failures.append((r.status_code, r.text[:300]))
                else:
                    self.results.append(r.json()[0]["n"])
                r = await ds.client.get("/rivalscope/pages.json?_size=5&_shape=array")
                if r.status_code != 200:
                    self.failures.append((r.status_code, r.text[:300]))
                await asyncio.sleep(0.2)

        asyncio.run(loop())


def _last_run(db) -> int:
    if not db.exists():
        return 0
    try:
        con = _read_only(db)
        try:
            return con.execute("select coalesce(max(id), 0) from crawl_runs").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _wait_for_pages(proc, db, target: int, after_run: int) -> tuple[int, float]:
    """Wait until the crawl's own run (newer than `after_run`) has stored `target` pages,
    or the crawl ended."""
    started = time.monotonic()
    stored = 0
    while proc.poll() is None and time.monotonic() - started < 120:
        if db.exists():
            try:
                con = _read_only(db)
                try:
                    stored = con.execute("select count(*) from pages where run = (select max(id) from crawl_runs) "
                                         "and run > ?", [after_run]).fetchone()[0]
                finally:
                    con.close()
            except sqlite3.Error:
                stored = 0  # the schema is still being created
            if stored >= target:
                break
        time.sleep(0.02)
    return stored, started


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                kids = [int(x) for x in f.read().split()]
        except OSError:
            kids = []
        out += kids
        todo += kids
    return out


def _still_running(pids: list[int], timeout: float) -> list[int]:
    """Those of `pids` alive (not zombies) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        alive = []
        for p in pids:
            try:
                with open(f"/proc/{p}/stat") as f:
                    if f.read().split(")")[-1].split()[0] != "Z":
                        alive.append(p)
            except OSError:
                pass
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def test_kill_9_at_random_points_then_rerun(tmp_path, market):
    server, vendors = market
    db = tmp_path / "kill.db"
    config_file = tmp_path / "rivalscope.yml"
    write_config(synthetic_config(server.base_url, db, vendors, concurrency=8), config_file)
    rng = random.Random(SEED)
    killed_runs, seen_reviews, seen_snapshots = [], set(), set()
    figures = []

    total_pages = VENDORS * (2 + REVIEW_PAGES)
    for attempt in range(KILLS):
        before = _last_run(db)
        proc = _crawl(config_file, db)
        # kill once the run has stored a random share of the pages (a moment in time would
        # depend on the machine's speed), by then extraction workers are running too
        target = rng.randint(total_pages // 10, total_pages * 2 // 3)
        stored, started = _wait_for_pages(proc, db, target, before)
        if proc.poll() is not None:
            figures.append(f"attempt {attempt + 1}: finished before {target} pages were stored")
            continue
        family = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        delay = time.monotonic() - started
        left = _still_running(family, timeout=15)
        assert not left, f"processes of the killed crawl still running: {left}"
        if not db.exists():
            figures.append(f"attempt {attempt + 1}: killed at {delay:.1f} s before the database existed")
            continue
        snap = _snapshot(db)
        assert snap["integrity"] == "ok", f"integrity after kill {attempt + 1}: {snap['integrity']}"
        # rows stored by earlier killed runs are all still there
        assert seen_reviews <= snap["review_ids"], "reviews lost after a kill"
        assert seen_snapshots <= snap["snapshots"], "messaging snapshots lost after a kill"
        seen_reviews, seen_snapshots = snap["review_ids"], snap["snapshots"]
        running = [run for run, status in snap["runs"] if status == "running"]
        killed_runs += running
        last = snap["runs"][-1][0] if snap["runs"] else None
        figures.append(f"attempt {attempt + 1}: killed at {delay:.1f} s; run {last} had stored "
                       f"{snap['pages'].get(last, 0)} pages, {len(snap['review_ids'])} reviews in total")

    # the last crawl runs to completion while Datasette reads the database
    reader = _DatasetteReader(db) if db.exists() else None
    if reader:
        reader.start()
    final = _crawl(config_file, db)
    _, stderr = final.communicate(timeout=300)
    if reader:
        reader.stop.set()
        reader.join(timeout=30)
    assert final.returncode == 0, stderr[-3000:]

    snap = _snapshot(db)
    assert snap["integrity"] == "ok"
    statuses = dict(snap["runs"])
    assert killed_runs, "no crawl was interrupted: the kill points missed every crawl"
    for run in killed_runs:
        assert statuses[run] == "failed", f"interrupted run {run} is {statuses[run]}"
    final_run = snap["runs"][-1][0]
    assert statuses[final_run] == "succeeded"
    assert seen_reviews <= snap["review_ids"] and seen_snapshots <= snap["snapshots"]

    con = _read_only(db)
    try:
        expected_reviews = VENDORS * REVIEW_PAGES * PER_PAGE
        assert len(snap["review_ids"]) == expected_reviews
        # every review exactly once (a few generated reviews share a body, hence the Counter)
        stored = Counter(con.execute("select competitor, body from reviews").fetchall())
        assert stored == Counter((slug, r.body) for slug, v in vendors.items() for r in v.reviews[1])
        # one homepage each, unchanged between runs: one snapshot each, no messaging changes
        assert con.execute("select count(*) from messaging_snapshots").fetchone()[0] == VENDORS
        assert con.execute("select count(*) from changes").fetchone()[0] == 0
        # the final run saw every page and every plan, exactly once
        assert snap["pages"][final_run] == VENDORS * (2 + REVIEW_PAGES)
        observed = sorted(con.execute("select competitor, plan, amount from price_observations where run = ?",
                                      [final_run]).fetchall())
        want_prices = sorted((slug, p.name, p.amount) for slug, v in vendors.items() for p in v.plans[1])
        assert [(c, p, Decimal(a)) for c, p, a in observed] == want_prices
    finally:
        con.close()

    if reader:
        assert not reader.failures, reader.failures[:3]
        assert reader.results, "Datasette never answered during the crawl"
        assert reader.results == sorted(reader.results), "Datasette saw the review count go down"
    lost = len(seen_reviews - snap["review_ids"])
    print("\nkill test:", *figures, sep="\n  ")
    print(f"  final run {final_run}: {snap['pages'][final_run]} pages, {len(snap['review_ids'])} reviews, "
          f"{snap['errors']} pages recorded without data (any run), {len(killed_runs)} interrupted runs marked failed, rows lost = {lost}; "
          f"Datasette answered {len(reader.results) if reader else 0} queries during it")
