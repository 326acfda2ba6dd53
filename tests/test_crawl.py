"""End-to-end crawls of a local fixture site through `rivalscope crawl` in a subprocess
(Twisted's reactor cannot restart inside one test process)."""
from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from rivalscope.store import open_db

SITE = Path(__file__).parent / "fixtures" / "site"

pytestmark = [pytest.mark.slow, pytest.mark.browser]


class LoggingHandler(http.server.SimpleHTTPRequestHandler):
    requested: list[str]

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.requested.append(self.path)
        super().do_GET()


@pytest.fixture
def site(tmp_path):
    """A copy of the fixture site (tests may edit it) served on 127.0.0.1, with a request log."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    requested: list[str] = []
    handler = functools.partial(type("H", (LoggingHandler,), {"requested": requested}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}", requested
    server.shutdown()
    server.server_close()


def write_config(tmp_path: Path, base: str) -> Path:
    cfg = tmp_path / "rivalscope.yml"
    cfg.write_text(f"""
project: fixture
allow_private_networks: ["127.0.0.1"]
crawl: {{download_delay: 0, autothrottle: false, retries: 0, timeout: 20}}
competitors:
  - name: Northwind
    pricing:
      - {base}/shop/pricing.html
      - {base}/shop/pricing-js.html
      - {base}/private/pricing.html
      - {base}/shop/missing.html
      - {base}/shop/data.json
    messaging: [{base}/shop/index.html]
    reviews:
      - {{url: {base}/shop/reviews.html, max_pages: 5}}
""")
    return cfg


def crawl(cfg: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rivalscope", "crawl", "-c", str(cfg), "--db", str(db), "-q"],
                          capture_output=True, text=True, timeout=180)


def pages_by_url(db, run):
    return {r["url"].split("/", 3)[3]: r for r in db.query("select * from pages where run = ?", [run])}


def test_crawl_records_every_page_and_is_idempotent(site, tmp_path):
    root, base, requested = site
    cfg, dbfile = write_config(tmp_path, base), tmp_path / "crawl.db"
    result = crawl(cfg, dbfile)
    assert result.returncode == 1, result.stderr  # some pages failed: partial
    assert "run 1: partial" in result.stdout
    db = open_db(dbfile)
    pages = pages_by_url(db, 1)
    assert {u: p["status"] for u, p in pages.items()} == {
        "shop/pricing.html": "ok",
        "shop/pricing-js.html": "ok",
        "private/pricing.html": "robots_forbidden",
        "shop/missing.html": "not_found",
        "shop/data.json": "not_html",
        "shop/index.html": "ok",
        "shop/reviews.html": "ok",
        "shop/reviews-2.html": "ok",
    }
    assert "/private/pricing.html" not in requested  # robots.txt obeyed
    assert pages["shop/pricing-js.html"]["rendered"] == 1  # render: auto fell back to the browser
    assert pages["shop/pricing.html"]["rendered"] == 0
    assert pages["shop/missing.html"]["http_status"] == 404

    prices = {(r["plan"], r["amount"], r["currency"], r["period"])
              for r in db.query("select * from price_observations where run = 1")}
    assert prices == {("Starter", "19.00", "USD", "month"), ("Growth", "79.00", "USD", "month"),
                      ("Solo", "9.00", "USD", "month"), ("Team", "49.00", "USD", "month")}
    snap = next(db["messaging_snapshots"].rows)
    assert snap["headline"] == "Know what your users do next"
    assert db["reviews"].count == 6
    assert sorted(r["rating"] for r in db["reviews"].rows) == [1.0, 2.0, 2.0, 4.0, 5.0, 5.0]
    run = db["crawl_runs"].get(1)
    assert run["status"] == "partial"
    stats = json.loads(run["stats"])
    assert stats["pages"] == 8 and stats["pages_by_status"]["ok"] == 5
    db.close()

    # Second crawl of the unchanged site: new observations, nothing duplicated, no changes,
    # and the review crawl stops after a page that brought only known reviews.
    result = crawl(cfg, dbfile)
    assert result.returncode == 1, result.stderr
    db = open_db(dbfile)
    assert db.execute("select count(*) from price_observations where run = 2").fetchone()[0] == 4
    assert db["reviews"].count == 6
    assert db["messaging_snapshots"].count == 1
    assert db["changes"].count == 0
    assert "shop/reviews-2.html" not in pages_by_url(db, 2)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_changes_between_two_crawls(site, tmp_path):
    root, base, _ = site
    cfg, dbfile = write_config(tmp_path, base), tmp_path / "crawl.db"
    crawl(cfg, dbfile)
    pricing = root / "shop" / "pricing.html"
    html = pricing.read_text()
    html = html.replace('"79.00"', '"89.00"').replace("$79", "$89")  # Growth +12.66 %
    html = html.replace('"name": "Starter", "price": "19.00"', '"name": "Scale", "price": "199.00"')
    html = html.replace('"price": "19.00", "priceCurrency": "USD", "billingDuration"', '"price": "199.00", "priceCurrency": "USD", "billingDuration"')
    html = html.replace("<h2>Starter</h2><p class=\"price\">$19", "<h2>Scale</h2><p class=\"price\">$199")
    pricing.write_text(html)
    index = root / "shop" / "index.html"
    index.write_text(index.read_text().replace("Know what your users do next", "Analytics your whole team will use"))
    crawl(cfg, dbfile)
    db = open_db(dbfile)
    changes = {(c["kind"], c["subject"].split(" ")[0] if c["kind"] != "messaging_change" else c["field"],
                c["before"], c["after"]) for c in db.query("select * from changes where run = 2")}
    assert ("price_change", "Growth", "79.00", "89.00") in changes
    assert any(k == "plan_removed" and s == "Starter" for k, s, _, _ in changes)
    assert any(k == "plan_added" and s == "Scale" for k, s, _, _ in changes)
    assert ("messaging_change", "headline", "Know what your users do next",
            "Analytics your whole team will use") in changes
    pct = db.execute("select change_pct from changes where kind = 'price_change'").fetchone()[0]
    assert pct.startswith("12.6")
