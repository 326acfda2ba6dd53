"""Billing toggle capture through a real Chromium on local pages."""
from __future__ import annotations

import asyncio

import pytest

from crawlers.actions.billing_toggle import capture_billing_variants
from crawlers.extract.pricing import extract_pricing
from rivalscope.browser import launch_options

BUTTONS = """<!doctype html><html lang="en"><body><h1>Pricing</h1>
<div class="billing"><button id="m" class="active" aria-pressed="true">Monthly</button>
<button id="y" aria-pressed="false">Yearly <small>save 20%</small></button></div>
<div class="plans">
 <div class="plan"><h3>Starter</h3><p class="price"><span class="amt">$10</span>/mo</p></div>
 <div class="plan"><h3>Team</h3><p class="price"><span class="amt">$30</span>/mo</p></div>
</div>
<script>
const prices = {monthly: ["$10", "$30"], annual: ["$8", "$24"]};
function set(kind) {
  document.querySelectorAll('.amt').forEach((el, i) => el.textContent = prices[kind][i]);
  document.getElementById('m').setAttribute('aria-pressed', kind === 'monthly');
  document.getElementById('y').setAttribute('aria-pressed', kind === 'annual');
  document.getElementById('m').classList.toggle('active', kind === 'monthly');
  document.getElementById('y').classList.toggle('active', kind === 'annual');
}
document.getElementById('m').onclick = () => set('monthly');
document.getElementById('y').onclick = () => setTimeout(() => set('annual'), 150);
</script></body></html>"""

SWITCH = """<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body><h1>Preise</h1>
<label class="toggle"><span>Monatlich</span>
<input type="checkbox" id="billing-period" class="billing-toggle" style="opacity:0;position:absolute">
<span class="knob"></span><span>Jährlich</span></label>
<div class="plans">
 <div class="plan"><h3>Basis</h3><p class="price"><span class="amt">12,00 €</span> /Monat</p></div>
 <div class="plan"><h3>Profi</h3><p class="price"><span class="amt">29,00 €</span> /Monat</p></div>
</div>
<script>
document.getElementById('billing-period').addEventListener('change', (e) => {
  const v = e.target.checked ? ["10,00 €", "24,00 €"] : ["12,00 €", "29,00 €"];
  document.querySelectorAll('.amt').forEach((el, i) => el.textContent = v[i]);
});
</script></body></html>"""

NOTHING = """<!doctype html><html><body><h1>Pricing</h1><div class="plan"><h3>Only</h3>
<p class="price">$5/mo</p></div></body></html>"""


async def _capture(base_url: str, path: str, selector=None):
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(**launch_options())
        try:
            page = await browser.new_page()
            await page.goto(f"{base_url}/{path}")
            return await capture_billing_variants(page, selector)
        finally:
            await browser.close()


@pytest.fixture
def site(tmp_path, serve_directory):
    (tmp_path / "buttons.html").write_text(BUTTONS)
    (tmp_path / "switch.html").write_text(SWITCH)
    (tmp_path / "nothing.html").write_text(NOTHING)
    return serve_directory(tmp_path)


def _amounts(html, url):
    return [(o["plan"], o["amount"], o["billing"]) for o in extract_pricing(html, url)]


@pytest.mark.browser
def test_automatic_toggle_buttons(site):
    variants = asyncio.run(_capture(site, "buttons.html"))
    assert [b for b, _ in variants] == ["monthly", "annual"]
    url = "https://acme.example/pricing"
    assert _amounts(variants[0][1], url) == [("Starter", "10.00", "monthly"), ("Team", "30.00", "monthly")]
    assert _amounts(variants[1][1], url) == [("Starter", "8.00", "annual"), ("Team", "24.00", "annual")]
    assert "data-rivalscope-toggle" not in variants[1][1]


@pytest.mark.browser
def test_automatic_switch_checkbox(site):
    variants = asyncio.run(_capture(site, "switch.html"))
    assert [b for b, _ in variants] == ["monthly", "annual"]
    url = "https://preise.example.de/preise"
    assert [o["amount"] for o in extract_pricing(variants[0][1], url)] == ["12.00", "29.00"]
    assert [o["amount"] for o in extract_pricing(variants[1][1], url)] == ["10.00", "24.00"]


@pytest.mark.browser
def test_configured_selector(site):
    variants = asyncio.run(_capture(site, "buttons.html", "#y"))
    assert [b for b, _ in variants] == ["monthly", "annual"]
    assert _amounts(variants[1][1], "https://acme.example/pricing") == [
        ("Starter", "8.00", "annual"), ("Team", "24.00", "annual")]


@pytest.mark.browser
def test_nothing_to_click_returns_current_html(site):
    variants = asyncio.run(_capture(site, "nothing.html"))
    assert len(variants) == 1 and variants[0][0] is None and "$5/mo" in variants[0][1]
    missing = asyncio.run(_capture(site, "nothing.html", "#does-not-exist"))
    assert len(missing) == 1
    broken = asyncio.run(_capture(site, "nothing.html", "::not a selector::"))
    assert len(broken) == 1
