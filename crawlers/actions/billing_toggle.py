"""Capture both states of a pricing page's monthly/annual switch (Playwright page action).

    variants = await capture_billing_variants(page, toggle_selector)   # page already loaded
    # [("monthly", html_as_loaded), ("annual", html_after_click)]

With `toggle_selector` (per-page config) that element is clicked. Without it an automatic
attempt looks for a visible control whose text, aria-label, value or data-/class attributes
mention the other billing period (annual/yearly/monthly in several languages), else a
billing switch (role=switch, a checkbox or radio named like billing/period/annual). Nothing to
click, a click that fails, or a page that does not change: only the current HTML is returned.
It never raises for a missing or broken toggle. The billing state of each HTML is read from the
rendered switch (crawlers.extract.pricing_saas.toggle_state), else inferred from what was clicked.
"""
from __future__ import annotations

import asyncio
import re

from crawlers.extract.pricing_dom import parse_html
from crawlers.extract.pricing_saas import toggle_state

ANNUAL_WORDS = (r"annual|annually|yearly|\byear\b|per year|jährlich|jahres|\bjahr\b|annuel|annuelle|\ban\b|"
                r"anual|\baño\b|jaarlijks|\bjaar\b|årsvis|årlig|\bår\b|年払い|年額|年間")
MONTHLY_WORDS = (r"monthly|\bmonth\b|per month|monatlich|\bmonat\b|mensuel|mensuelle|\bmois\b|mensual|"
                 r"\bmes\b|maandelijks|\bmaand\b|månadsvis|månedlig|\bmånad\b|月払い|月額|月間")

_FIND_JS = r"""
([annualRe, monthlyRe, want]) => {
  const annual = new RegExp(annualRe, 'i'), monthly = new RegExp(monthlyRe, 'i');
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const describe = (el) => {
    let t = (el.innerText || el.textContent || '').trim();
    if (el.tagName === 'INPUT' && el.id) {
      const lab = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (lab) t = lab.innerText.trim();
    }
    const attrs = [el.getAttribute('aria-label'), el.getAttribute('value'), el.getAttribute('name'),
                   el.id, el.getAttribute('class'), el.getAttribute('title')];
    for (const a of el.attributes) if (a.name.startsWith('data-')) attrs.push(a.name + ' ' + a.value);
    return [t, attrs.filter(Boolean).join(' ')];
  };
  const sel = 'button,[role=switch],[role=tab],[role=radio],[role=button],label,input[type=checkbox],' +
              'input[type=radio],a,li,span,div';
  const nodes = Array.from(document.querySelectorAll(sel)).filter(el => !el.closest('header nav, footer'));
  const targets = [], switches = [];
  for (const el of nodes) {
    const [text, attrs] = describe(el);
    const isSwitch = el.getAttribute('role') === 'switch' ||
      (el.tagName === 'INPUT' && el.type === 'checkbox' && /bill|annual|year|month|period|interval|toggle|plan|jahr|monat/i.test(attrs));
    if (isSwitch) { switches.push(el); continue; }
    if (!text || text.length > 40) continue;
    if (el.tagName === 'DIV' || el.tagName === 'SPAN' || el.tagName === 'LI') {
      // only leaf-ish wrappers that look clickable
      if (el.children.length > 2) continue;
      const s = getComputedStyle(el);
      if (s.cursor !== 'pointer' && !el.onclick && !el.getAttribute('tabindex')) continue;
    }
    const a = annual.test(text) || annual.test(attrs), m = monthly.test(text) || monthly.test(attrs);
    if (a === m) continue;
    if ((want === 'annual' && a) || (want === 'monthly' && m) || (want === null && a)) targets.push(el);
  }
  const pick = targets.find(visible) || switches.find(visible) || targets[0] || switches[0];
  if (!pick) return null;
  document.querySelectorAll('[data-rivalscope-toggle]').forEach(e => e.removeAttribute('data-rivalscope-toggle'));
  pick.setAttribute('data-rivalscope-toggle', '1');
  const [text] = describe(pick);
  return {text: text.slice(0, 60), isSwitch: switches.includes(pick)};
}
"""
_UNMARK_JS = "() => document.querySelectorAll('[data-rivalscope-toggle]').forEach(e => e.removeAttribute('data-rivalscope-toggle'))"
_JS_CLICK = "(el) => el.click()"


def billing_state(html: str) -> str | None:
    root = parse_html(html)
    return toggle_state(root) if root is not None else None


def _other(state: str | None) -> str | None:
    return {"monthly": "annual", "annual": "monthly"}.get(state or "")


def _state_of_text(text: str | None) -> str | None:
    if not text:
        return None
    a = re.search(ANNUAL_WORDS, text, re.I)
    m = re.search(MONTHLY_WORDS, text, re.I)
    if a and not m:
        return "annual"
    if m and not a:
        return "monthly"
    return None


async def _click(page, locator) -> bool:
    try:
        await locator.click(timeout=2500)
        return True
    except Exception:  # noqa: BLE001 - covered, hidden or detached: try a DOM click
        try:
            await locator.evaluate(_JS_CLICK, timeout=2500)
            return True
        except Exception:  # noqa: BLE001
            return False


async def _settled_content(page, before: str, timeout: float = 3.0) -> str:
    """HTML after a click: wait until it differs from `before` and stops changing."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    html = before
    while loop.time() < deadline:
        await asyncio.sleep(0.1)
        try:
            html = await page.content()
        except Exception:  # noqa: BLE001 - navigation in progress
            continue
        if html != before:
            break
    last = html
    for _ in range(10):  # let animations / re-renders finish
        await asyncio.sleep(0.1)
        try:
            html = await page.content()
        except Exception:  # noqa: BLE001
            break
        if html == last:
            break
        last = html
    return html


async def capture_billing_variants(page, toggle_selector: str | None = None) -> list[tuple[str | None, str]]:
    """[(billing, html), ...]: the page as loaded, then (when a toggle was clicked and the page
    changed) the other billing state. billing is "monthly", "annual" or None when unknown."""
    try:
        html0 = await page.content()
    except Exception:  # noqa: BLE001 - a closed or crashed page: nothing to capture
        return []
    state0 = billing_state(html0)
    variants: list[tuple[str | None, str]] = [(state0, html0)]
    clicked_text = None
    try:
        if toggle_selector:
            locator = page.locator(toggle_selector).first
            if await locator.count() == 0:
                return variants
            clicked_text = await locator.evaluate("(el) => (el.innerText || el.getAttribute('aria-label') || '').trim()")
        else:
            found = await page.evaluate(_FIND_JS, [ANNUAL_WORDS, MONTHLY_WORDS, _other(state0)])
            if not found:
                return variants
            clicked_text = None if found.get("isSwitch") else found.get("text")
            locator = page.locator("[data-rivalscope-toggle]").first
        html_before = await page.content()
        if not await _click(page, locator):
            return variants
        if not toggle_selector:
            try:
                await page.evaluate(_UNMARK_JS)
            except Exception:  # noqa: BLE001
                pass
        html1 = await _settled_content(page, html_before)
        if html1 == html0 or html1 == html_before:
            return variants
    except Exception:  # noqa: BLE001 - the crawl goes on with what we have
        return variants
    state1 = billing_state(html1)
    clicked = _state_of_text(clicked_text)
    if state1 is None or state1 == state0:
        state1 = clicked if clicked and clicked != state0 else _other(state0)
    if state0 is None:
        state0 = _other(state1)
        variants[0] = (state0, html0)
    if state1 == state0:
        state1 = None
    variants.append((state1, html1))
    return variants
