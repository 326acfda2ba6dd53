"""A fault-injecting site on 127.0.0.1 for crawl tests: errors, timeouts, resets, throttling,
truncated, malformed and huge bodies, wrong charsets, redirect loops and redirects to places
the crawler must never go. Every request is logged so tests can assert what was fetched."""
from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PRICING = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>Pricing</h1><div class="plans">
<div class="plan"><h3>Starter</h3><p class="price">$19 / month</p><a href="/signup">Start</a></div>
<div class="plan"><h3>Pro</h3><p class="price">$49 / month</p><a href="/signup">Start</a></div>
</div></body></html>"""

MALFORMED = """<html><head><title>Broken pricing</title><body><h1>Pricing</h2><div class=plans>
<div class="plan"><h3>Starter</h3><p class="price">$19 / month</div>
<div class="plan"><h3>Pro</h3><p class=price>$49 / month</span></b></div>
<table><tr><td>unclosed"""

GARBAGE = """<html><head><title>Broken pricing<body><h1>Pricing</h2><div class=plans>
<div class="plan"><h3>Starter<p class="price">$19 / month<div class="plan"><h3>Pro</h3><p class=price>$49
<table><tr><td>unclosed</div></span></b>\x00\x00<<<>>>"""

CP1252 = ("<!doctype html><html><head><title>Preise</title></head><body><h1>Preise</h1><div class='plans'>"
          "<div class='plan'><h3>Basis</h3><p class='price'>19 \u20ac / Monat</p></div>"
          "<div class='plan'><h3>Pro</h3><p class='price'>49 \u20ac / Monat</p></div></div></body></html>")

SSRF_PAGE = """<!doctype html><html><head><title>Pricing</title></head><body><h1>Pricing</h1>
<div class="plans"><div class="plan"><h3>Starter</h3><p class="price" id="p1">…</p></div>
<div class="plan"><h3>Pro</h3><p class="price" id="p2">…</p></div></div>
<img src="{secret}/pixel.gif">
<script>
fetch("{secret}/steal?from=fetch").catch(() => {{}});
fetch("http://169.254.169.254/latest/meta-data/").catch(() => {{}});
document.getElementById("p1").textContent = "$19 / month";
document.getElementById("p2").textContent = "$49 / month";
</script></body></html>"""


class RequestLog:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries: list[tuple[float, str]] = []

    def add(self, path: str) -> None:
        with self.lock:
            self.entries.append((time.monotonic(), path))

    def paths(self) -> list[str]:
        with self.lock:
            return [p for _, p in self.entries]

    def times(self, path: str) -> list[float]:
        with self.lock:
            return [t for t, p in self.entries if p == path]


def _server(host: str, handler) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # resets and timeouts are the point
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class FaultSite:
    """`base` on 127.0.0.1; `secret` on 127.0.0.2, which the crawler must never reach."""

    def __init__(self):
        self.log = RequestLog()
        self.secret_log = RequestLog()
        self._throttled_once = False
        site = self

        class Secret(BaseHTTPRequestHandler):
            def do_GET(self):
                site.secret_log.add(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.secret_server = _server("127.0.0.2", Secret)
        self.secret = f"http://127.0.0.2:{self.secret_server.server_address[1]}"

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def send_body(self, status, body: bytes, ctype="text/html; charset=utf-8", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def redirect(self, location):
                self.send_response(302)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self):
                site.log.add(self.path)
                path = self.path
                if path == "/robots.txt":
                    return self.send_body(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                if path in ("/ok", "/ok2"):
                    return self.send_body(200, PRICING.format(title=path).encode())
                if path == "/500":
                    return self.send_body(500, b"<h1>Internal Server Error</h1>")
                if path == "/slow":
                    time.sleep(4)
                    return self.send_body(200, PRICING.format(title="slow").encode())
                if path == "/reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    self.connection.close()
                    return
                if path == "/throttled":  # 429 with Retry-After once, then the page
                    if not site._throttled_once:
                        site._throttled_once = True
                        return self.send_body(429, b"slow down", headers=[("Retry-After", "1")])
                    return self.send_body(200, PRICING.format(title="throttled").encode())
                if path == "/throttled-long":
                    return self.send_body(429, b"come back tomorrow", headers=[("Retry-After", "86400")])
                if path == "/truncated":
                    body = PRICING.format(title="truncated").encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(body) * 2))
                    self.end_headers()
                    self.wfile.write(body)
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if path == "/malformed":
                    return self.send_body(200, MALFORMED.encode())
                if path == "/garbage":
                    return self.send_body(200, GARBAGE.encode())
                if path == "/wrong-charset":  # says utf-8, is windows-1252
                    return self.send_body(200, CP1252.encode("cp1252"))
                if path == "/huge":  # 50 MB
                    chunk = b"<p>" + b"x" * 1020 + b"</p>"
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(chunk) * 50 * 1024))
                    self.end_headers()
                    try:
                        for _ in range(50 * 1024):
                            self.wfile.write(chunk)
                    except OSError:
                        pass
                    return
                if path == "/loop":
                    return self.redirect("/loop")
                if path == "/to-metadata":
                    return self.redirect("http://169.254.169.254/latest/meta-data/")
                if path == "/to-private":
                    return self.redirect("http://10.0.0.1/admin")
                if path == "/to-loopback":
                    return self.redirect(site.secret + "/via-redirect")
                if path == "/not-html":
                    return self.send_body(200, b"%PDF-1.4 ...", "application/pdf")
                if path == "/ssrf-js":
                    return self.send_body(200, SSRF_PAGE.format(secret=site.secret).encode())
                if path.startswith("/private/"):
                    return self.send_body(200, PRICING.format(title="private").encode())
                return self.send_body(404, b"<h1>Not found</h1>")

        self.server = _server("127.0.0.1", Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        for s in (self.server, self.secret_server):
            s.shutdown()
            s.server_close()
