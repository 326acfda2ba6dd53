"""A fast server for benchmark sites: every page of a synthetic market is rendered into
memory once, responses keep the connection alive (HTTP/1.1) and each connection gets a
thread. Run it in its own process so the crawler under test has a core to itself:

    python -m perf.sites.server --vendors 50 --review-pages 98 [--markup js]
    # prints "PORT <n> PAGES <pages>" on stdout, serves until killed
"""
from __future__ import annotations

import argparse
import http.server
import sys

from rivalscope.demo import pages
from rivalscope.demo.server import LOGO
from rivalscope.demo.synthetic import synthetic_market

HTML = "text/html; charset=utf-8"


def prerender(vendors: dict) -> dict[str, tuple[bytes, str]]:
    """Path (with query) -> (body, content type) for every page the crawl can ask for."""
    import json

    files = {"/robots.txt": (b"User-agent: *\nAllow: /\n", "text/plain")}
    for slug, v in vendors.items():
        files[f"/{slug}/"] = (pages.homepage(v, 1).encode(), HTML)
        files[f"/{slug}/pricing"] = (pages.pricing(v, 1).encode(), HTML)
        files[f"/{slug}/logo.svg"] = (LOGO, "image/svg+xml")
        if v.markup == "js":
            files[f"/{slug}/api/plans.json"] = (json.dumps(pages.plans_json(v, 1)).encode(), "application/json")
        for n in range(1, len(pages.review_pages(v, 1)) + 1):
            files[f"/{slug}/reviews?page={n}"] = (pages.reviews_page(v, 1, n).encode(), HTML)
        files[f"/{slug}/reviews"] = files[f"/{slug}/reviews?page=1"]
    return files


def crawlable_urls(vendors: dict, base_url: str) -> list[str]:
    """Every page a full crawl fetches (homepage, pricing, each review page), once."""
    out = []
    for slug, v in vendors.items():
        out += [f"{base_url}/{slug}/", f"{base_url}/{slug}/pricing", f"{base_url}/{slug}/reviews"]
        out += [f"{base_url}/{slug}/reviews?page={n}" for n in range(2, len(pages.review_pages(v, 1)) + 1)]
    return out


def make_server(files: dict[str, tuple[bytes, str]], port: int = 0) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            found = files.get(self.path) or files.get(self.path.split("?", 1)[0])
            body, ctype = found if found else (b"not found", "text/plain")
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 1024

        def handle_error(self, request, client_address):
            if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                super().handle_error(request, client_address)

    return Server(("127.0.0.1", port), Handler)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m perf.sites.server")
    ap.add_argument("--vendors", type=int, required=True)
    ap.add_argument("--review-pages", type=int, required=True)
    ap.add_argument("--markup", default=None, help="one pricing markup for every vendor (e.g. js)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    vendors = synthetic_market(args.vendors, args.review_pages, seed=args.seed, markup=args.markup)
    files = prerender(vendors)
    server = make_server(files)
    print(f"PORT {server.server_address[1]} PAGES {len(crawlable_urls(vendors, ''))}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
