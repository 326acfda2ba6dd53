"""Where the crawler may connect, and how it backs off.

AddressPolicy refuses URLs that are not http(s) or whose host resolves to a loopback,
private, link-local, reserved or cloud-metadata address, unless the config's
`allow_private_networks` allows it (True, or a list of addresses, networks and host names;
the demo allows 127.0.0.1 only). It runs after DNS resolution, on every request Scrapy
makes (redirects come back through the downloader middlewares) and on every request the
browser makes for a rendered page (scrapy-playwright's PLAYWRIGHT_ABORT_REQUEST).
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)

METADATA_HOSTS = {"metadata.google.internal", "metadata", "metadata.azure.internal", "instance-data",
                  "instance-data.ec2.internal"}
METADATA_ADDRESSES = {ipaddress.ip_address(a) for a in
                      ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")}
BROWSER_HARMLESS_SCHEMES = {"data", "blob", "about"}


class AddressForbidden(IgnoreRequest):
    page_status = "address_forbidden"


def _is_forbidden_ip(ip: ipaddress._BaseAddress) -> bool:
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    return (ip in METADATA_ADDRESSES or ip.is_loopback or ip.is_private or ip.is_link_local
            or ip.is_reserved or ip.is_multicast or ip.is_unspecified
            or ip in ipaddress.ip_network("100.64.0.0/10"))  # carrier-grade NAT


class AddressPolicy:
    def __init__(self, allow: bool | list[str] = False):
        self.allow_all = allow is True
        self.networks, self.hosts = [], set()
        for entry in (allow if isinstance(allow, list) else []):
            try:
                self.networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                self.hosts.add(entry.lower().rstrip("."))
        self._cache: dict[tuple[str, int], tuple[float, list]] = {}

    def _allowed_ip(self, ip) -> bool:
        return any(ip in net for net in self.networks)

    def precheck(self, url: str) -> tuple[str, int] | None:
        """Checks that need no DNS; returns (host, port) to resolve, or None when nothing to do."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise AddressForbidden(f"only http(s) URLs are fetched, not {scheme or 'a relative'} URL {url!r}")
        host = (parts.hostname or "").lower().rstrip(".")
        if not host:
            raise AddressForbidden(f"no host in {url!r}")
        if self.allow_all or host in self.hosts:
            return None
        if host in METADATA_HOSTS:
            raise AddressForbidden(f"{host} is a cloud metadata address")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise AddressForbidden(f"bad port in {url!r}") from None
        return host, port

    def check_addresses(self, host: str, addresses: list[str]) -> None:
        for a in addresses:
            ip = ipaddress.ip_address(a.split("%")[0])
            if _is_forbidden_ip(ip) and not self._allowed_ip(ip):
                raise AddressForbidden(f"{host} resolves to {ip}, a private, loopback, link-local or "
                                       f"metadata address (set allow_private_networks to allow it)")

    def check_sync(self, url: str) -> None:
        target = self.precheck(url)
        if target:
            self.check_addresses(target[0], self._resolve_sync(*target))

    async def check(self, url: str) -> None:
        target = self.precheck(url)
        if target:
            self.check_addresses(target[0], await self._resolve(*target))

    def _cached(self, key):
        hit = self._cache.get(key)
        return hit[1] if hit and time.monotonic() - hit[0] < 300 else None

    def _resolve_sync(self, host: str, port: int) -> list[str]:
        key = (host, port)
        if (hit := self._cached(key)) is not None:
            return hit
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror:
            return []  # unresolvable: the download fails with its own DNS error
        addresses = sorted({i[4][0] for i in infos})
        self._cache[key] = (time.monotonic(), addresses)
        return addresses

    async def _resolve(self, host: str, port: int) -> list[str]:
        key = (host, port)
        if (hit := self._cached(key)) is not None:
            return hit
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror:
            return []
        addresses = sorted({i[4][0] for i in infos})
        self._cache[key] = (time.monotonic(), addresses)
        return addresses

    async def abort_browser_request(self, request) -> bool:
        """PLAYWRIGHT_ABORT_REQUEST: True aborts a request the browser was about to make."""
        url = request.url
        if urlsplit(url).scheme.lower() in BROWSER_HARMLESS_SCHEMES:
            return False
        try:
            await self.check(url.replace("ws://", "http://", 1).replace("wss://", "https://", 1))
        except AddressForbidden as e:
            logger.warning("browser request refused: %s", e)
            return True
        return False


class AddressGuardMiddleware:
    """Refuses forbidden requests before anything else (robots.txt included) sees them."""

    def __init__(self, policy: AddressPolicy):
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("RIVALSCOPE_ADDRESS_POLICY") or AddressPolicy(False))

    async def process_request(self, request, spider=None):
        try:
            await self.policy.check(request.url)
        except AddressForbidden as e:
            logger.warning("refused %s: %s", request.url, e)
            raise
        return None


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, waiting before each one: Retry-After when a 429/503 says how long
    (up to crawl.max_retry_wait; longer asks give up at once), else exponential back-off."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RIVALSCOPE_RETRY_BACKOFF", 1.0)
        self.max_wait = settings.getfloat("RIVALSCOPE_MAX_RETRY_WAIT", 60.0)

    def _backoff(self, request) -> float:
        return min(self.max_wait, self.base * 2 ** request.meta.get("retry_times", 0))

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        if request.meta.get("retry_times", 0) >= request.meta.get("max_retry_times", self.max_retry_times):
            return response  # the spider records the final status
        wait = None
        if response.status in (429, 503):
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if wait is not None and wait > self.max_wait:
                logger.warning("%s asks to retry after %.0f s (more than %.0f s): giving up",
                               request.url, wait, self.max_wait)
                return response
        wait = self._backoff(request) if wait is None else wait
        if wait > 0:
            await asyncio.sleep(wait)
        return self._retry(request, f"HTTP {response.status}") or response

    async def process_exception(self, request, exception, spider=None):
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        if request.meta.get("retry_times", 0) >= request.meta.get("max_retry_times", self.max_retry_times):
            return None
        await asyncio.sleep(self._backoff(request))
        return self._retry(request, exception)
