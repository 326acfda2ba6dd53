"""What the three spiders share: requests from the config, page statuses, rendering.

Spiders stay thin: which URLs, which extractor, which follow-ups. Every fetched page
(or refused request) becomes a PageRecord item, which the StorePipeline saves.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, AsyncIterator, Iterable

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from rivalscope.config import Competitor, Config, PageRef

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
ERROR_STATUSES = list(range(400, 600))


def decoded_text(response) -> str:
    """The body as text. A page that declares UTF-8 but is not (legacy CMSs serving
    windows-1252) would lose its € and £ signs to U+FFFD: decode it as windows-1252 instead."""
    text = response.text
    if "\ufffd" in text and response.encoding.lower().replace("-", "") in ("utf8", "utf_8"):
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError:
            return response.body.decode("cp1252", errors="replace")
    return text


def status_for_http(code: int) -> str | None:
    if code in (404, 410):
        return "not_found"
    if code in (401, 403, 429):
        return "blocked"
    if code >= 400:
        return "http_error"
    return None


def status_for_failure(failure: Failure) -> tuple[str, str]:
    """Map a request failure to (page status, one-line error)."""
    exc = failure.value
    message = f"{type(exc).__name__}: {exc}".strip()
    if failure.check(HttpError):
        return status_for_http(exc.response.status) or "http_error", f"HTTP {exc.response.status}"
    reason = getattr(exc, "page_status", None)  # set by crawlers.middlewares (address guard)
    if reason:
        return reason, message
    if failure.check(IgnoreRequest):
        if "robots.txt" in str(exc):
            return "robots_forbidden", "forbidden by robots.txt"
        if "redirect" in str(exc).lower():
            return "redirect_loop", message
        return "fetch_error", message
    if failure.check(DownloadCancelledError):
        return "too_large", message
    if failure.check(DownloadTimeoutError, CannotResolveHostError, DownloadConnectionRefusedError):
        return "fetch_error", message
    if "maxsize" in str(exc).lower() or "max size" in str(exc).lower():
        return "too_large", message
    return "fetch_error", message


class RivalSpider(scrapy.Spider):
    """Base: subclasses set `kind` and implement pages_of() and parse_page()."""

    kind: str = ""

    def __init__(self, *args, config: Config, run_id: int, competitors: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.config = config
        self.run_id = run_id
        wanted = {c.lower() for c in competitors or []}
        self.competitors = [c for c in config.competitors
                            if not wanted or c.name.lower() in wanted or c.slug in wanted]

    def pages_of(self, competitor: Competitor) -> Iterable[PageRef]:
        raise NotImplementedError

    async def start(self) -> AsyncIterator[Any]:
        for comp in self.competitors:
            if not comp.obey_robots:
                logger.warning("robots.txt is NOT obeyed for %s (obey_robots: false in the config)", comp.name)
            for ref in self.pages_of(comp):
                yield self.page_request(comp, ref, ref.url, render=self.render_mode(comp, ref) == "always")

    # -- requests ---------------------------------------------------------------------

    def render_mode(self, comp: Competitor, ref: PageRef) -> str:
        return ref.render or comp.render

    def page_request(self, comp: Competitor, ref: PageRef, url: str, *, render: bool,
                     **meta) -> scrapy.Request:
        meta.update({
            "rs_competitor": comp.slug,
            "rs_ref": ref,
            "rs_rendered": render,
            # Every error status reaches the callback, which records it; 3xx stay with the
            # RedirectMiddleware (handle_httpstatus_all would switch redirects off).
            "handle_httpstatus_list": ERROR_STATUSES,
            "dont_obey_robotstxt": not comp.obey_robots,
        })
        if render:
            # The callback needs the live page: to let it settle, click toggles, load more.
            meta["playwright"] = True
            meta["playwright_include_page"] = True
        # No dupe filter: a rendered retry re-fetches a URL on purpose, and a redirect to a URL
        # seen before (or to itself) must still end in a page row, not vanish. Spiders only
        # request configured pages and pagination capped by max_pages.
        return scrapy.Request(url, callback=self.parse_response, errback=self.on_error,
                              meta=meta, dont_filter=True)

    def competitor(self, slug: str) -> Competitor:
        by_slug = self.__dict__.get("_by_slug")
        if by_slug is None:  # slugs are computed: look them up once, not for every response
            by_slug = self.__dict__["_by_slug"] = {c.slug: c for c in self.config.competitors}
        return by_slug[slug]

    # -- responses --------------------------------------------------------------------

    def record(self, response_or_request, *, status: str, items: dict | None = None,
               error: str | None = None, body: bytes | None = None) -> dict:
        """A PageRecord item: the page row plus what was extracted from it."""
        meta = response_or_request.meta
        is_response = isinstance(response_or_request, scrapy.http.Response)
        fetched_url = response_or_request.request.url if is_response else response_or_request.url
        # After redirects the page is still the URL we asked for; where it led is final_url.
        request_url = meta.get("rs_url") or (meta.get("redirect_urls") or [fetched_url])[0]
        record = {
            "kind": self.kind,
            "competitor": meta["rs_competitor"],
            "url": request_url,
            "final_url": response_or_request.url if is_response else (
                fetched_url if fetched_url != request_url else None),
            "http_status": response_or_request.status if is_response else None,
            "status": status,
            "rendered": bool(meta.get("rs_rendered")),
            "content_type": (response_or_request.headers.get("Content-Type", b"").decode("latin-1")
                             if is_response else None),
            "body": body if body is not None else (response_or_request.body if is_response else None),
            "error": error,
        }
        record.update(items or {})
        return record

    async def parse_response(self, response):
        page = response.meta.get("playwright_page")
        try:
            async for out in self._parse(response, page):
                yield out
        finally:
            if page is not None:
                await page.close()

    async def _parse(self, response, page):
        from crawlers.extract.page_status import classify_page

        ctype = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        http_status = status_for_http(response.status)
        if http_status:
            yield self.record(response, status=http_status, error=f"HTTP {response.status}")
            return
        if ctype and not any(t in ctype for t in HTML_TYPES):
            yield self.record(response, status="not_html", error=f"content type {ctype.split(';')[0]}")
            return
        html = decoded_text(response)
        if page is not None:
            from crawlers.actions.settle import settle

            await settle(page)
            html = await page.content()
        try:
            outputs = [out async for out in self.parse_page(response, html, page)]
        except Exception as e:  # an extractor bug must not lose the page: record it and go on
            logger.exception("extracting %s failed", response.url)
            yield self.record(response, status="error", error=f"{type(e).__name__}: {e}")
            return
        for out in outputs:
            if isinstance(out, dict) and out.get("status") == "empty":
                # Nothing extracted: say why when we can tell (wall, shell, captcha…).
                # render: auto tries the browser once whatever the plain HTML looked like: a
                # consent overlay or a "loading…" shell often hides content that scripts add.
                if self.can_render(response):
                    yield self.rendered_retry(response)
                    continue
                reason = classify_page(html, response.url, http_status=response.status, content_type=ctype)
                if reason:
                    out["status"] = reason
            yield out

    def can_render(self, response) -> bool:
        """render: auto falls back to the browser once when the plain HTML yields nothing."""
        if response.meta.get("rs_rendered"):
            return False
        comp = self.competitor(response.meta["rs_competitor"])
        return self.render_mode(comp, response.meta["rs_ref"]) == "auto"

    def rendered_retry(self, response, **meta):
        comp = self.competitor(response.meta["rs_competitor"])
        keep = {k: v for k, v in response.meta.items() if k.startswith("rs_") and k not in ("rs_competitor", "rs_ref", "rs_rendered")}
        return self.page_request(comp, response.meta["rs_ref"], response.request.url, render=True,
                                 **{**keep, **meta})

    async def extract(self, fn, *args, **kwargs):
        """fn(*args, **kwargs) for a pure extractor, in a worker process when the crawl has them."""
        from crawlers.offload import offloader

        setting = self.config.crawl.extract_processes
        return await offloader(None if setting == "auto" else setting).call(fn, *args, **kwargs)

    async def parse_page(self, response, html: str, page) -> AsyncIterator[Any]:
        raise NotImplementedError
        yield  # pragma: no cover

    def on_error(self, failure: Failure):
        status, message = status_for_failure(failure)
        request = failure.request
        page = request.meta.get("playwright_page")
        if page is not None:  # an errback cannot await: close the browser tab in the background
            asyncio.ensure_future(page.close())
        if status == "robots_forbidden":
            logger.info("robots.txt forbids %s", request.url)
        yield self.record(request, status=status, error=message)
