"""Running the pure extractors in worker processes, off the crawler's event loop.

Extraction is CPU work in Python (about 8 ms for a page of ten layout reviews) while the
crawler process is busy with Scrapy itself, so on a machine with a spare core a crawl goes
faster when pages are extracted in another process. The extractors are pure (html, url,
options → plain data), which makes that safe: a worker gets the page text and returns
JSON-like data, nothing else crosses.

Small crawls never start a worker: the first WARMUP_PAGES pages are extracted in-process,
which also keeps one-off `extract` calls and tests free of process start-up. If a worker
dies (the pool breaks), extraction goes on in-process and the crawl carries on.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait
from typing import Any, Callable

logger = logging.getLogger(__name__)

WARMUP_PAGES = 24
MAX_AUTO_PROCESSES = 4


def auto_processes(cpus: int | None = None) -> int:
    """Workers for `extract_processes: auto`: none on one core, else one per core (at most 4).
    One per core, not one per spare core: the crawler process waits on the network part of
    the time (2 cores: 1 worker 12.2 s, 2 workers 10.8 s for the same 880-page crawl)."""
    if cpus is None:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    return 0 if cpus < 2 else min(MAX_AUTO_PROCESSES, cpus)


def _watch_parent() -> None:
    """Worker initializer: exit when the crawler process dies. A worker blocks on its task
    queue, and every worker holds that queue's write end too, so a crawler killed with
    SIGKILL would otherwise leave its workers waiting forever (the kill test caught it)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch():
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="rivalscope-parent-watch", daemon=True).start()


def _warm_up() -> bool:
    """Import the extractors and load the language model, so the first page is not slow."""
    from crawlers.extract import messaging, pricing, reviews  # noqa: F401
    from crawlers.extract.reviews_normalize import detect_language

    detect_language("warming up the language identification model", None)
    return True


class Offloader:
    """Calls `fn(*args, **kwargs)` in a worker process once the crawl is big enough."""

    def __init__(self, processes: int, *, warmup: int = WARMUP_PAGES):
        self.processes = max(0, int(processes))
        self.warmup = warmup
        self.calls = 0
        self.offloaded = 0
        self._pool: ProcessPoolExecutor | None = None
        self._ready: list = []
        self._warm_up = _warm_up  # what a new worker runs first (tests replace it)
        self._broken = False

    async def call(self, fn: Callable[..., Any], *args, **kwargs) -> Any:
        self.calls += 1
        if self.processes == 0 or self._broken or self.calls <= self.warmup:
            return fn(*args, **kwargs)
        if self._pool is None:
            self._start()
        if not all(f.done() for f in self._ready):
            return fn(*args, **kwargs)  # workers still starting: this page is done here
        if self._ready:
            failed = next((f.exception() for f in self._ready if f.exception() is not None), None)
            self._ready = []
            if failed is not None:  # a worker cannot even import the extractors: do without them
                logger.warning("extraction workers failed to start (%s); extracting in the crawler process", failed)
                self._broken = True
                self.shutdown()
                return fn(*args, **kwargs)
        try:
            result = await asyncio.wrap_future(self._pool.submit(fn, *args, **kwargs))
        except BrokenProcessPool as e:
            logger.warning("an extraction worker died (%s); extracting in the crawler process from now on", e)
            self._broken = True
            self.shutdown()
            return fn(*args, **kwargs)
        self.offloaded += 1
        return result

    def _start(self) -> None:
        # spawned workers inherit the environment: one BLAS thread each
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        # spawn, not fork: the crawler process runs threads (DNS, the reactor's pool)
        self._pool = ProcessPoolExecutor(max_workers=self.processes, initializer=_watch_parent,
                                         mp_context=multiprocessing.get_context("spawn"))
        self._ready = [self._pool.submit(self._warm_up) for _ in range(self.processes)]
        logger.info("extracting pages in %d worker process(es)", self.processes)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


_current: Offloader | None = None


def offloader(processes: int | None = None) -> Offloader:
    """The crawl's shared offloader (all spiders of one process use one pool)."""
    global _current
    if _current is None:
        _current = Offloader(auto_processes() if processes is None else processes)
    return _current


def shutdown() -> None:
    global _current
    if _current is not None:
        if _current.offloaded:
            logger.info("extracted %d of %d pages in %d worker process(es)", _current.offloaded,
                        _current.calls, _current.processes)
        _current.shutdown()
        _current = None
