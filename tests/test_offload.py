"""Extraction in worker processes (crawlers/offload.py): same results as in-process, small
crawls stay in-process, a dying worker does not lose pages."""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import subprocess
import sys
import threading

import pytest

from crawlers.offload import Offloader, auto_processes
from rivalscope.cli.crawl_cmds import write_config
from rivalscope.demo.synthetic import synthetic_config, synthetic_market
from rivalscope.store import open_db


def where_am_i(tag: str) -> tuple[str, int]:
    return tag, os.getpid()


def die_in_a_worker() -> str:
    if multiprocessing.parent_process() is not None:
        os._exit(3)
    return "done in the crawler process"


def refuse(value: str) -> None:
    raise ValueError(f"bad page {value}")


async def _until_offloaded(off: Offloader, fn, *args):
    """Call until a call has run in a worker (workers start in the background)."""
    for _ in range(400):
        result = await off.call(fn, *args)
        if off.offloaded:
            return result
        await asyncio.sleep(0.05)
    raise AssertionError("no call ever ran in a worker")


def test_auto_processes():
    assert auto_processes(1) == 0
    assert auto_processes(2) == 2
    assert auto_processes(16) == 4


def test_warmup_calls_stay_in_process_then_workers_take_over():
    async def scenario():
        off = Offloader(1, warmup=3)
        try:
            first = [await off.call(where_am_i, f"p{i}") for i in range(3)]
            assert [pid for _, pid in first] == [os.getpid()] * 3 and off._pool is None
            tag, pid = await _until_offloaded(off, where_am_i, "later")
            assert tag == "later" and pid != os.getpid()
        finally:
            off.shutdown()

    asyncio.run(scenario())


def test_no_workers_when_zero():
    async def scenario():
        off = Offloader(0, warmup=0)
        assert [await off.call(where_am_i, "x") for _ in range(5)] == [("x", os.getpid())] * 5
        assert off._pool is None

    asyncio.run(scenario())


def test_extractor_errors_come_back_as_they_are():
    async def scenario():
        off = Offloader(1, warmup=0)
        try:
            await _until_offloaded(off, where_am_i, "warm")
            with pytest.raises(ValueError, match="bad page 7"):
                await off.call(refuse, "7")
            assert await off.call(where_am_i, "after") != ("after", os.getpid())  # the pool still works
        finally:
            off.shutdown()

    asyncio.run(scenario())


def test_a_dying_worker_falls_back_to_the_crawler_process():
    async def scenario():
        off = Offloader(1, warmup=0)
        try:
            await _until_offloaded(off, where_am_i, "warm")
            assert await off.call(die_in_a_worker) == "done in the crawler process"
            assert await off.call(where_am_i, "next") == ("next", os.getpid())
            assert off._pool is None
        finally:
            off.shutdown()

    asyncio.run(scenario())


@pytest.mark.slow
def test_crawl_with_workers_stores_what_an_in_process_crawl_stores(tmp_path):
    """42 pages (more than the warm-up) of the synthetic market: with extraction in two
    worker processes and without, the same reviews, prices and messaging are stored."""
    from perf.sites.server import make_server, prerender

    vendors = synthetic_market(3, 12)
    server = make_server(prerender(vendors))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        results = {}
        for processes in (0, 2):
            db = tmp_path / f"w{processes}.db"
            cfg = synthetic_config(base, db, vendors, concurrency=4)
            cfg.crawl.extract_processes = processes
            write_config(cfg, tmp_path / f"w{processes}.yml")
            out = subprocess.run([sys.executable, "-m", "rivalscope", "crawl", "-c", str(tmp_path / f"w{processes}.yml"),
                                  "--db", str(db), "-q", "-v"], capture_output=True, text=True, timeout=300)
            assert out.returncode == 0, out.stderr[-3000:]
            if processes:
                assert "in 2 worker process(es)" in out.stderr
            con = open_db(db, migrate=False)
            results[processes] = {
                "pages": con.execute("select count(*), sum(status = 'ok') from pages").fetchone(),
                "reviews": con.execute("select id, competitor, rating, title, body, published_at, language "
                                       "from reviews order by id").fetchall(),
                "prices": con.execute("select competitor, plan, amount, currency, period from price_observations "
                                      "order by competitor, plan, period").fetchall(),
                "messaging": con.execute("select competitor, headline from messaging_snapshots "
                                         "order by competitor").fetchall(),
            }
            con.close()
    finally:
        server.shutdown()
        server.server_close()
    assert results[0]["pages"] == (42, 42)
    assert len(results[0]["reviews"]) == 3 * 12 * 10
    assert results[2] == results[0]


def cannot_start() -> None:
    raise ImportError("no module named lxml")


def test_workers_that_cannot_start_are_not_used():
    async def scenario():
        off = Offloader(1, warmup=0)
        off._warm_up = cannot_start
        try:
            for _ in range(400):  # until the failed start has been noticed
                assert await off.call(where_am_i, "x") == ("x", os.getpid())
                if off._broken:
                    break
                await asyncio.sleep(0.05)
            assert off._broken and off._pool is None and off.offloaded == 0
        finally:
            off.shutdown()

    asyncio.run(scenario())
