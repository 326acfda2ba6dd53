"""The demo market served on 127.0.0.1 (ephemeral port), one path prefix per vendor:
/acme/, /acme/pricing, /acme/reviews?page=N, plus the JSON the JavaScript pages fetch."""
from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from rivalscope.demo import pages
from rivalscope.demo.market import VENDORS

LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32">'
        b'<rect width="120" height="32" rx="6" fill="#3b5bdb"/></svg>')


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the crawler reports what it fetched
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        epoch = self.server.epoch
        segments = [s for s in parts.path.split("/") if s]
        if parts.path == "/robots.txt":
            return self._send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        if not segments or segments[0] not in self.server.vendors:
            return self._send(404, "text/html", b"<h1>Not found</h1>")
        v, rest = self.server.vendors[segments[0]], "/".join(segments[1:])
        try:
            page_no = int(query.get("page", ["1"])[0])
        except ValueError:
            page_no = 0
        if rest == "":
            return self._html(pages.homepage(v, epoch))
        if rest == "pricing":
            return self._html(pages.pricing(v, epoch))
        if rest == "reviews":
            return self._html(pages.reviews_page(v, epoch, page_no))
        if rest == "api/plans.json" and v.markup == "js":
            return self._json(pages.plans_json(v, epoch))
        if rest == "api/reviews" and v.review_markup == "js_loaded":
            return self._json(pages.reviews_json(v, epoch, page_no))
        if rest == "logo.svg":
            return self._send(200, "image/svg+xml", LOGO)
        return self._send(404, "text/html", b"<h1>Not found</h1>")

    def _html(self, html: str | None):
        if html is None:
            return self._send(404, "text/html", b"<h1>Not found</h1>")
        self._send(200, "text/html; charset=utf-8", html.encode("utf-8"))

    def _json(self, data: dict):
        self._send(200, "application/json", json.dumps(data).encode("utf-8"))

    def _send(self, status: int, ctype: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    epoch = 1
    vendors: dict = VENDORS

    def handle_error(self, request, client_address):
        # a crawler that went away (killed, timed out) is not the server's problem
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class DemoMarket:
    """`with DemoMarket(epoch=1) as market:` serves until the block ends; `set_epoch(2)`
    switches the whole market to its changed state."""

    def __init__(self, epoch: int = 1, host: str = "127.0.0.1", port: int = 0, vendors: dict | None = None):
        self._server = _Server((host, port), _Handler)
        if vendors is not None:  # another market built from the same parts (tests, benchmarks)
            self._server.vendors = vendors
        self.set_epoch(epoch)
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-market", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def epoch(self) -> int:
        return self._server.epoch

    def set_epoch(self, epoch: int) -> None:
        if epoch not in (1, 2):
            raise ValueError(f"the demo market has epochs 1 and 2, not {epoch!r}")
        self._server.epoch = epoch

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "DemoMarket":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
