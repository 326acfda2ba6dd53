"""Plain Playwright loading a list of URLs with N pages open at once: goto until the network
is idle, read the HTML, close. The same Chromium and flags rivalscope uses.

    python -m perf.raw.browser URLS_FILE --concurrency 4    # prints {"pages": n, "seconds": s}
"""
from __future__ import annotations

import argparse
import asyncio
import json
import time

from playwright.async_api import async_playwright

from rivalscope.browser import launch_options


async def load_all(urls: list[str], concurrency: int) -> int:
    done = 0
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(**launch_options())
        context = await browser.new_context()
        gate = asyncio.Semaphore(concurrency)

        async def one(url: str) -> None:
            nonlocal done
            async with gate:
                page = await context.new_page()
                try:
                    await page.goto(url, wait_until="networkidle")
                    if await page.content():
                        done += 1
                finally:
                    await page.close()

        await asyncio.gather(*(one(u) for u in urls))
        await browser.close()
    return done


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("urls_file")
    ap.add_argument("--concurrency", type=int, default=1)
    args = ap.parse_args(argv)
    urls = [u for u in open(args.urls_file, encoding="utf-8").read().split() if u]
    started = time.perf_counter()
    pages = asyncio.run(load_all(urls, args.concurrency))
    print(json.dumps({"pages": pages, "seconds": time.perf_counter() - started}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
