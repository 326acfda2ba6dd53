"""expand_reviews in a real Chromium: "load more" buttons (configured or detected) and infinite scroll."""
from __future__ import annotations

import asyncio

import pytest

from crawlers.actions.load_more import expand_reviews
from crawlers.extract.reviews import extract_reviews
from rivalscope.browser import launch_options

pytestmark = pytest.mark.browser

SCRIPT = """
<script>
let n = 0;
const total = %(total)d;
function addReviews(k) {
  const list = document.getElementById('list');
  for (let i = 0; i < k && n < total; i++, n++) {
    const d = document.createElement('div');
    d.className = 'review';
    d.innerHTML = '<span class="stars" aria-label="' + (n %% 5 + 1) + ' out of 5 stars"></span>' +
      '<span class="author">User ' + n + '</span><time datetime="2024-03-' + String(n %% 28 + 1).padStart(2, '0') + '">x</time>' +
      '<p>Review number ' + n + ' says the product is fine and explains why in detail.</p>';
    list.appendChild(d);
  }
  const btn = document.getElementById('more');
  if (btn && n >= total) btn.style.display = 'none';
}
</script>
"""

BUTTON_PAGE = """<!doctype html><html lang="en"><body><h1>Reviews</h1><div id="list"></div>
<button id="more" class="btn">%(label)s</button>%(script)s
<script>addReviews(3); document.getElementById('more').addEventListener('click', () => setTimeout(() => addReviews(3), 150));</script>
</body></html>"""

SCROLL_PAGE = """<!doctype html><html lang="en"><body style="margin:0"><h1>Reviews</h1><div id="list"></div>
<div id="sentinel" style="height:10px"></div>%(script)s
<script>
addReviews(3);
document.querySelectorAll('#list').forEach(() => {});
const style = document.createElement('style'); style.textContent = '.review{height:600px}'; document.head.appendChild(style);
new IntersectionObserver((entries) => { if (entries[0].isIntersecting) setTimeout(() => addReviews(3), 100); })
  .observe(document.getElementById('sentinel'));
</script></body></html>"""


@pytest.fixture
def site(tmp_path, serve_directory):
    script9 = SCRIPT % {"total": 9}
    script12 = SCRIPT % {"total": 12}
    (tmp_path / "button.html").write_text(BUTTON_PAGE % {"label": "Show more reviews", "script": script9}, "utf-8")
    (tmp_path / "button_de.html").write_text(BUTTON_PAGE % {"label": "Weitere Bewertungen laden", "script": script9}, "utf-8")
    (tmp_path / "custom.html").write_text(BUTTON_PAGE % {"label": "⌄", "script": script9}, "utf-8")
    (tmp_path / "scroll.html").write_text(SCROLL_PAGE % {"script": script12}, "utf-8")
    return serve_directory(tmp_path)


def _expand(url: str, **kwargs) -> str:
    async def run():
        from playwright.async_api import async_playwright

        async with async_playwright() as p:
            browser = await p.chromium.launch(**launch_options())
            try:
                page = await browser.new_page(viewport={"width": 1000, "height": 700})
                await page.goto(url)
                return await expand_reviews(page, **kwargs)
            finally:
                await browser.close()

    return asyncio.run(run())


def _count(html: str, url: str) -> int:
    return len(extract_reviews(html, url)["reviews"])


def test_detected_button_clicked_until_all_loaded(site):
    html = _expand(site + "/button.html", load_more_selector=None, max_clicks=10)
    result = extract_reviews(html, site + "/button.html")
    assert len(result["reviews"]) == 9
    assert [r["rating"] for r in result["reviews"]] == [1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0]
    assert result["reviews"][8]["published_at"] == "2024-03-09"


def test_click_cap_and_german_label(site):
    assert _count(_expand(site + "/button_de.html", load_more_selector=None, max_clicks=1), site) == 6


def test_configured_selector(site):
    # the "⌄" label is not recognisable: nothing happens without the selector
    assert _count(_expand(site + "/custom.html", load_more_selector=None, max_clicks=5, scroll=False), site) == 3
    assert _count(_expand(site + "/custom.html", load_more_selector="#more", max_clicks=5), site) == 9


def test_infinite_scroll_with_cap(site):
    assert _count(_expand(site + "/scroll.html", load_more_selector=None, max_clicks=2), site) == 9
    assert _count(_expand(site + "/scroll.html", load_more_selector=None, max_clicks=20), site) == 12
