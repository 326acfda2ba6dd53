"""Wait until a rendered page has stopped changing before reading it.

Prices and reviews often arrive after the load event (fetch, timers), so "loaded" is not
"ready": wait for network idle, then until the DOM size is stable for a moment.
"""
from __future__ import annotations

import asyncio
import time

DOM_SIZE = "() => document.documentElement ? document.documentElement.outerHTML.length : 0"


async def settle(page, *, idle_timeout_ms: int = 5000, stable_ms: int = 300, max_wait_s: float = 5.0) -> None:
    try:
        await page.wait_for_load_state("networkidle", timeout=idle_timeout_ms)
    except Exception:  # long-polling pages never go idle; the DOM check below still bounds us
        pass
    deadline = time.monotonic() + max_wait_s
    last = await page.evaluate(DOM_SIZE)
    while time.monotonic() < deadline:
        await asyncio.sleep(stable_ms / 1000)
        size = await page.evaluate(DOM_SIZE)
        if size == last:
            return
        last = size
