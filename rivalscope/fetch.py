"""Fetching one page outside a crawl (the `extract` command): plain HTTP or Chromium."""
from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from pathlib import Path

from w3lib.encoding import html_to_unicode

from . import __version__

USER_AGENT = f"rivalscope/{__version__} (+https://github.com/rivalscope/rivalscope)"
MAX_BYTES = 20 * 1024 * 1024


class FetchError(Exception):
    pass


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode with the declared charset (header, then <meta>), else detection."""
    _, text = html_to_unicode(content_type, body)
    return text


def read_html_file(path: Path) -> str:
    if not path.exists():
        raise FetchError(f"{path}: no such file")
    if path.is_dir():
        raise FetchError(f"{path}: is a directory, expected an HTML file")
    return decode_html(path.read_bytes())


def fetch_html(url: str, *, timeout: float = 30, user_agent: str = USER_AGENT) -> str:
    req = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept": "text/html,*/*;q=0.8"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read(MAX_BYTES + 1)
            ctype = resp.headers.get("Content-Type")
    except urllib.error.HTTPError as e:
        raise FetchError(f"{url}: HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise FetchError(f"{url}: cannot fetch ({getattr(e, 'reason', e)})") from None
    if len(body) > MAX_BYTES:
        raise FetchError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    if ctype and "html" not in ctype.lower() and "xml" not in ctype.lower():
        raise FetchError(f"{url}: not an HTML page (Content-Type {ctype})")
    return decode_html(body, ctype)


def render_html(url: str, *, kind: str = "messaging", toggle: str | None = None,
                timeout: float = 30) -> list[tuple[str | None, str]]:
    """Render in Chromium; pricing pages also yield the other billing period's HTML,
    review pages are expanded ("load more", infinite scroll)."""
    return asyncio.run(_render(url, kind, toggle, timeout))


async def _render(url: str, kind: str, toggle: str | None, timeout: float):
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import async_playwright

    from .browser import launch_options

    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(**launch_options())
            try:
                page = await browser.new_page(user_agent=USER_AGENT)
                await page.goto(url, wait_until="networkidle", timeout=timeout * 1000)
                if kind == "pricing":
                    from crawlers.actions.billing_toggle import capture_billing_variants

                    return await capture_billing_variants(page, toggle) or [(None, await page.content())]
                if kind == "reviews":
                    from crawlers.actions.load_more import expand_reviews

                    return [(None, await expand_reviews(page, load_more_selector=None, max_clicks=20))]
                return [(None, await page.content())]
            finally:
                await browser.close()
    except PlaywrightError as e:
        raise FetchError(f"{url}: the browser could not render the page ({str(e).splitlines()[0]})") from None
