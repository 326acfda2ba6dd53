"""The browser starts with the first page that needs it (crawlers/browser_handler.py):
plain crawls never start Playwright, and rendered pages that arrive together all wait for
the one start."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading

import pytest

from rivalscope.cli.crawl_cmds import write_config
from rivalscope.demo.synthetic import synthetic_config, synthetic_market

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def js_market():
    from perf.sites.server import make_server, prerender

    vendors = synthetic_market(4, 1, markup="js")
    server = make_server(prerender(vendors))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", vendors
    server.shutdown()
    server.server_close()


def _crawl(tmp_path, base, vendors, render: str):
    db = tmp_path / f"{render}.db"
    write_config(synthetic_config(base, db, vendors, concurrency=4, render=render), tmp_path / f"{render}.yml")
    out = subprocess.run([sys.executable, "-m", "rivalscope", "crawl", "-c", str(tmp_path / f"{render}.yml"),
                          "--db", str(db), "--only", "pricing", "-q", "-v"], capture_output=True, text=True, timeout=300)
    con = sqlite3.connect(db)
    try:
        rows = con.execute("select status, rendered, error from pages").fetchall()
        prices = con.execute("select count(*) from price_observations").fetchone()[0]
    finally:
        con.close()
    return out, rows, prices


def test_rendered_pages_arriving_together_share_one_browser_start(tmp_path, js_market):
    base, vendors = js_market
    out, rows, prices = _crawl(tmp_path, base, vendors, "always")
    assert out.returncode == 0, out.stderr[-3000:]
    assert rows == [("ok", 1, None)] * 4
    assert prices > 0
    assert out.stderr.count("Starting download handler") == 1


def test_a_plain_crawl_never_starts_playwright(tmp_path, js_market):
    base, vendors = js_market
    out, rows, _ = _crawl(tmp_path, base, vendors, "never")
    assert "Starting download handler" not in out.stderr
    assert len(rows) == 4 and all(rendered == 0 for _, rendered, _ in rows)
