"""`rivalscope demo` end to end in a subprocess (built, served at the URL it prints, stopped),
then the database it built served by Datasette (in-process) and opened by a real browser
through `rivalscope serve`."""
from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from rivalscope.demo import expected
from rivalscope.demo.market import MARKET, VENDORS

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The demo as `make demo` runs it: built, then served; the printed URL answers, then the
    server is stopped."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "rivalscope", "demo", "--db", str(path), "-q", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    watchdog = threading.Timer(300, proc.kill)  # a demo that never says "Serving" ends the loop below
    watchdog.start()
    try:
        out = []
        for line in proc.stdout:  # ends when the process does: a failed demo is reported below
            out.append(line)
            if line.startswith("Serving "):
                break
        print(f"rivalscope demo took {time.monotonic() - started:.1f} s to serve")
        text = "".join(out)
        assert f"demo database: {path}" in text and out and out[-1].startswith("Serving "), text
        url = out[-1].split(" at ", 1)[1].split()[0]
        assert url == f"http://127.0.0.1:{port}/"
        for _ in range(60):  # the URL is printed as the server starts: it answers a moment later
            try:
                with urllib.request.urlopen(url + "-/versions.json", timeout=30) as r:
                    assert r.status == 200 and "datasette" in json.loads(r.read())
                    break
            except urllib.error.URLError:
                time.sleep(0.5)
        else:
            pytest.fail(f"nothing answers at {url}")
    finally:
        watchdog.cancel()
        proc.terminate()
        proc.wait(timeout=30)
    return path


@pytest.fixture(scope="module")
def con(demo_db):
    c = sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)
    yield c
    c.close()


def rows(con, sql, *args):
    return con.execute(sql, args).fetchall()


def test_two_successful_runs(con):
    assert rows(con, "select id, status from crawl_runs order by id") == [(1, "succeeded"), (2, "succeeded")]
    assert rows(con, "select count(*) from pages where status != 'ok'") == [(0,)]
    assert rows(con, "pragma integrity_check") == [("ok",)]


def test_competitors(con):
    assert rows(con, "select id, is_self from competitors order by id") == \
        sorted((v.slug, int(v.is_self)) for v in MARKET)


def test_reviews_once_each(con):
    got = dict(rows(con, "select competitor, count(*) from reviews group by competitor"))
    assert got == {v.slug: expected.review_count(v.slug, 2) for v in MARKET}
    per_run = dict(rows(con, "select run, count(*) from reviews group by run"))
    assert per_run == {1: expected.total_reviews(1), 2: expected.total_reviews(2) - expected.total_reviews(1)}
    assert rows(con, "select count(*) from review_edits") == [(0,)]
    # Ratings exactly as published.
    for v in MARKET:
        avg = rows(con, "select round(avg(rating), 1) from reviews where competitor = ?", v.slug)[0][0]
        assert avg == expected.average_rating(v.slug, 2)


def test_price_observations_per_competitor_and_run(con):
    for v in MARKET:
        for epoch in (1, 2):
            got = rows(con, "select plan, amount, currency, billing from price_observations "
                            "where competitor = ? and run = ? order by 1, 4", v.slug, epoch)
            want = sorted((o["plan"], o["amount"], o["currency"], o["billing"])
                          for o in expected.expected_offers(v.slug, epoch))
            assert sorted(got, key=repr) == sorted(want, key=repr), (v.slug, epoch)


def test_js_rendered_prices_present(con):
    js = [v.slug for v in MARKET if expected.js_rendered(v)]
    assert js
    for slug in js:
        got = rows(con, "select plan, amount from price_observations where competitor = ? and run = 1", slug)
        assert sorted(got) == sorted((p.name, f"{p.amount:.2f}") for p in VENDORS[slug].plans[1])
        assert rows(con, "select rendered from pages where competitor = ? and kind = 'pricing'", slug)[0][0] == 1


def test_eur_prices_normalised_to_base_currency(con):
    got = rows(con, "select plan, amount, monthly_amount from price_observations "
                    "where competitor = 'umbrella' and run = 1 and billing = 'monthly' and amount is not null")
    assert sorted(got) == [("Essentials", "25.00", "27.00"), ("Growth", "60.00", "64.80")]


def test_changes_between_epochs(con):
    price = rows(con, "select competitor, before, after from changes where kind = 'price_change'")
    for slug, plan, old, new in expected.price_changes():
        assert (slug, f"{old:.2f}", f"{new:.2f}") in price
    added = rows(con, "select competitor, subject from changes where kind = 'plan_added'")
    removed = rows(con, "select competitor, subject from changes where kind = 'plan_removed'")
    assert sorted(added) == expected.plans_added()
    assert sorted(removed) == expected.plans_removed()
    headlines = rows(con, "select competitor, before, after from changes "
                          "where kind = 'messaging_change' and field = 'headline'")
    assert sorted(headlines) == sorted((s, expected.headline(s, 1), expected.headline(s, 2))
                                       for s in expected.headline_changes())
    # Unchanged competitors have no changes at all.
    assert rows(con, "select count(*) from changes where competitor = 'acme'") == [(0,)]
    assert all(run == 2 for (run,) in rows(con, "select run from changes"))


def test_later_stages_ran(con):
    tables = {name for (name,) in rows(con, "select name from sqlite_master where type = 'table'")}
    for table in ("bench_price_ladder", "bench_review_kpis", "bench_theme_sentiment", "bench_price_changes",
                  "bench_messaging_timeline"):
        assert table in tables
        assert rows(con, f"select count(*) from {table}")[0][0] > 0, table
    assert rows(con, "select count(*) from review_sentiment")[0][0] == expected.total_reviews(2)


def test_datasette_serves_the_demo_database(demo_db):
    from rivalscope.serve import make_datasette

    async def fetch():
        ds = make_datasette(demo_db)
        await ds.invoke_startup()
        out = {}
        for path in ("/", "/rivalscope", "/rivalscope/reviews.json?_shape=array&_size=5",
                     "/rivalscope/bench_price_ladder", "/rivalscope/changes.json?_shape=array&kind=price_change"):
            r = await ds.client.get(path)
            out[path] = (r.status_code, r)
        return out

    pages = asyncio.run(fetch())
    for path, (status, _) in pages.items():
        assert status == 200, path
    assert len(pages["/rivalscope/reviews.json?_shape=array&_size=5"][1].json()) == 5
    assert len(pages["/rivalscope/changes.json?_shape=array&kind=price_change"][1].json()) == \
        len(expected.price_changes())


def test_browser_opens_the_served_reviews_table(demo_db, artifacts_dir):
    from playwright.sync_api import sync_playwright

    from conftest import served
    from rivalscope.browser import launch_options

    with served(demo_db) as base:
        with sync_playwright() as p:
            browser = p.chromium.launch(**launch_options())
            page = browser.new_page()
            errors = []
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.goto(base + "/rivalscope/reviews?competitor=globex", wait_until="networkidle")
            page.screenshot(path=str(artifacts_dir / "demo-reviews-table.png"), full_page=False)
            assert "reviews" in page.title().lower()
            body_rows = page.locator("table.rows-and-columns tbody tr")
            assert body_rows.count() > 0
            assert page.locator("text=%d rows" % expected.review_count("globex", 2)).count() >= 1
            browser.close()
        assert errors == []
