"""A crawl of the fault-injecting site: every good page stored, every bad page recorded with the
right status, nothing fetched that robots.txt or the address rules forbid, run partial."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

import pytest
import yaml

from fault_site import FaultSite

pytestmark = [pytest.mark.slow, pytest.mark.browser]

EXPECTED = {
    "/ok": "ok", "/ok2": "ok", "/malformed": "ok", "/wrong-charset": "ok", "/throttled": "ok",
    "/garbage": "empty", "/500": "http_error", "/missing": "not_found", "/throttled-long": "blocked",
    "/slow": "fetch_error", "/reset": "fetch_error", "/truncated": "fetch_error",
    "/huge": "too_large", "/loop": "redirect_loop", "/not-html": "not_html",
    "/to-metadata": "address_forbidden", "/to-private": "address_forbidden", "/to-loopback": "address_forbidden",
    "/private/page": "robots_forbidden",
}
DIRECT_FORBIDDEN = ["http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/pricing",
                    "http://[::1]:8080/pricing", "http://metadata.google.internal/computeMetadata/v1/"]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    site = FaultSite()
    tmp = tmp_path_factory.mktemp("faults")
    db = tmp / "faults.db"
    config = {
        "allow_private_networks": ["127.0.0.1"],
        "crawl": {"timeout": 1.5, "retries": 1, "retry_backoff": 0.1, "max_retry_wait": 5,
                  "max_page_bytes": 1_000_000, "download_delay": 0, "autothrottle": False,
                  "per_domain_concurrency": 8},
        "competitors": [
            {"name": "Faulty", "render": "never", "currency": "USD",
             "pricing": [site.base + p for p in EXPECTED] + DIRECT_FORBIDDEN},
            {"name": "Scripted", "render": "always", "currency": "USD", "pricing": [site.base + "/ssrf-js"]},
        ],
    }
    cfg = tmp / "rivalscope.yml"
    cfg.write_text(yaml.safe_dump(config))
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "rivalscope", "crawl", "-c", str(cfg), "--db", str(db), "-q",
                           "--only", "pricing"], capture_output=True, text=True, timeout=300)
    seconds = time.monotonic() - started
    site.close()
    con = sqlite3.connect(db)
    yield site, con, proc, seconds
    con.close()


def test_statuses(crawled):
    site, con, proc, seconds = crawled
    assert proc.returncode == 1, proc.stdout + proc.stderr  # partial: pages failed
    got = dict(con.execute("select url, status from pages where competitor = 'faulty'").fetchall())
    want = {site.base + p: s for p, s in EXPECTED.items()}
    want.update({u: "address_forbidden" for u in DIRECT_FORBIDDEN})
    assert got == want
    errors = dict(con.execute("select status, error from pages where competitor = 'faulty' "
                              "and status = 'address_forbidden' and url like '%169.254%'").fetchall())
    assert "169.254.169.254" in errors["address_forbidden"]
    recorded = con.execute("select count(*), sum(status != 'ok') from pages").fetchone()
    print(f"\nfault crawl: {recorded[0]} pages recorded, {recorded[1]} with an error status, "
          f"{seconds:.1f} s")


def test_good_pages_data_stored(crawled):
    site, con, *_ = crawled
    rows = con.execute("select p.url, o.plan, o.amount, o.currency from price_observations o "
                       "join pages p on p.id = o.page order by 1, 2").fetchall()
    by_url: dict = {}
    for url, plan, amount, currency in rows:
        by_url.setdefault(url.removeprefix(site.base), []).append((plan, amount, currency))
    usd = [("Pro", "49.00", "USD"), ("Starter", "19.00", "USD")]
    assert by_url == {"/ok": usd, "/ok2": usd, "/malformed": usd, "/throttled": usd, "/ssrf-js": usd,
                      "/wrong-charset": [("Basis", "19.00", "EUR"), ("Pro", "49.00", "EUR")]}


def test_run_partial_with_error_samples(crawled):
    _, con, *_ = crawled
    status, stats, errors = con.execute("select status, stats, errors from crawl_runs").fetchone()
    assert status == "partial"
    assert json.loads(stats)["pages"] == len(EXPECTED) + len(DIRECT_FORBIDDEN) + 1
    assert json.loads(errors)


def test_nothing_forbidden_was_fetched(crawled):
    site, *_ = crawled
    paths = site.log.paths()
    assert "/private/page" not in paths  # robots.txt
    assert site.secret_log.paths() == []  # 127.0.0.2: not by redirect, not by the browser
    assert paths.count("/robots.txt") == 1


def test_retry_after_honoured(crawled):
    site, *_ = crawled
    first, second = site.log.times("/throttled")
    assert second - first >= 0.95
    assert len(site.log.times("/throttled-long")) == 1  # a day's wait is not honoured: given up at once
    assert len(site.log.times("/500")) == 2  # one retry


def test_database_consistent(crawled):
    _, con, *_ = crawled
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    assert con.execute("pragma foreign_key_check").fetchall() == []
