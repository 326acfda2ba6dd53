"""A real browser loads the landing page and every dashboard of `rivalscope serve`: no console
errors, no request leaves 127.0.0.1 (assets are local, no CDN), and every chart is drawn."""
from __future__ import annotations

import pytest

from benchmarks.build import build_benchmarks
from conftest import served
from rivalscope.serve import build_metadata
from rivalscope.store import open_db
from test_benchmarks import AS_OF, seed_market

pytestmark = pytest.mark.browser
DASHBOARDS = build_metadata()["plugins"]["datasette-dashboards"]
# number of chart containers holding a drawn chart: a canvas, or an svg with at least one mark
DRAWN = """[...document.querySelectorAll('.dashboard-card-chart')].filter(el =>
    [...el.querySelectorAll('canvas')].some(c => c.width > 50 && c.height > 50) ||
    el.querySelectorAll('svg.marks g.role-mark path, svg.marks g.role-mark text, svg.marks g.role-mark line').length > 0
).length"""
DRAWN_JS = "() => " + DRAWN
DRAWN = "n => " + DRAWN


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "market.db"
    db = open_db(path)
    seed_market(db)
    build_benchmarks(db, as_of=AS_OF)
    db.close()
    with served(path) as base:
        yield base


def test_landing_page_and_dashboards_draw_charts(server, artifacts_dir):
    from playwright.sync_api import sync_playwright

    from rivalscope.browser import launch_options

    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_options())
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
        page.on("request", lambda r: r.url.startswith(("http://", "https://")) and not r.url.startswith(server)
                and problems.append(f"external request: {r.url}"))

        page.goto(server + "/", wait_until="networkidle")
        page.screenshot(path=str(artifacts_dir / "datasette-landing.png"), full_page=True)
        links = page.eval_on_selector_all("a.rs-dashboard", "els => els.map(e => e.getAttribute('href'))")
        assert sorted(links) == ["/-/dashboards/changes-timeline", "/-/dashboards/price-ladder",
                                 "/-/dashboards/review-trends", "/-/dashboards/theme-sentiment"]
        for href in links:
            page.goto(server + href, wait_until="networkidle")
            charts = DASHBOARDS[href.rsplit("/", 1)[1]]["charts"].values()
            expected = sum(c["library"] == "vega-lite" for c in charts)
            assert expected >= 2, href
            # vega-embed draws each chart as an <svg class="marks"> (or a canvas) with mark elements
            page.wait_for_function(DRAWN + " >= n", arg=expected, timeout=15000)
            assert page.evaluate(DRAWN_JS) == expected, href
            name = href.rsplit("/", 1)[1]
            page.screenshot(path=str(artifacts_dir / f"dashboard-{name}.png"), full_page=True)
        # a filtered dashboard still draws
        page.goto(server + "/-/dashboards/theme-sentiment?competitor=Globex&date_start=2026-01-01&date_end=",
                  wait_until="networkidle")
        page.wait_for_function(DRAWN + " >= n", arg=3, timeout=15000)
        page.screenshot(path=str(artifacts_dir / "dashboard-theme-sentiment-globex.png"), full_page=True)
        browser.close()
    assert problems == []
