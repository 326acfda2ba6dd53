"""Revealing every review on a JavaScript page: "load more" buttons and infinite scroll.

`expand_reviews(page, load_more_selector=..., max_clicks=...)` works on a Playwright page
that has already loaded. Each round clicks the configured (or an auto-detected) "load
more" control, or, when there is none, scrolls to the bottom; it stops when a round
brings nothing new or after `max_clicks` rounds, and returns the final HTML.

Auto-detection looks for visible buttons (or link-buttons that do not navigate) whose text
says load/show/see more (reviews), mehr/weitere, plus d'avis/voir plus, ver/cargar más,
meer, altre... Per-review "read more" expanders and real pagination links are left alone.
"""
from __future__ import annotations

import asyncio

_FIND_JS = r"""
(sel) => {
  const words = /^(?:\+\s*)?(?:(?:load|show|see|view|display|read)\s+(?:\d+\s+)?(?:more|all|older|additional)(?:\s+\w+){0,3}|more\s+(?:reviews|ratings|comments|feedback|testimonials)|(?:mehr|weitere)(?:\s+\w+){0,3}\s*(?:anzeigen|laden|ansehen)|(?:mehr|weitere)\s+(?:bewertungen|rezensionen|kommentare|erfahrungen)(?:\s+\w+)?|alle\s+bewertungen(?:\s+\w+)?|(?:voir|afficher|charger)\s+(?:plus|davantage|tous|toutes)(?:\s+\w+){0,3}|plus\s+d['’]avis|(?:ver|cargar|mostrar)\s+(?:más|todas|todos)(?:\s+\w+){0,3}|más\s+(?:opiniones|reseñas|comentarios)|(?:meer|alle)\s+(?:laden|tonen|reviews|beoordelingen|ervaringen|bekijken)(?:\s+\w+){0,2}|toon\s+meer(?:\s+\w+){0,2}|(?:mostra|carica|vedi)\s+(?:altr[ei]|di più|tutte)(?:\s+\w+){0,2}|more|mehr|más|meer)\s*[.…›»+↓▾⌄]*$/i;
  const notThis = /^(?:read|lire|mehr|leer|lees|leggi)\s+(?:more|la suite|lesen|más|meer|tutto)$/i;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.disabled
      && el.getAttribute('aria-disabled') !== 'true';
  };
  let candidates = [];
  if (sel) {
    candidates = Array.from(document.querySelectorAll(sel));
  } else {
    candidates = Array.from(document.querySelectorAll('button, a, [role=button], input[type=button], input[type=submit]'))
      .filter((el) => {
        const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
        if (!text || text.length > 60 || notThis.test(text) || !words.test(text)) return false;
        if (el.tagName === 'A') {
          const href = (el.getAttribute('href') || '').trim();
          if (href && !href.startsWith('#') && !href.toLowerCase().startsWith('javascript')) return false;
        }
        if (el.closest('form') && el.type === 'submit') return false;
        return true;
      });
  }
  const el = candidates.find(visible);
  document.querySelectorAll('[data-rivalscope-load-more]').forEach((e) => e.removeAttribute('data-rivalscope-load-more'));
  if (!el) return false;
  el.setAttribute('data-rivalscope-load-more', '1');
  return true;
}
"""

_SIZE_JS = "() => [document.body ? document.body.innerText.length : 0, document.getElementsByTagName('*').length, document.documentElement.scrollHeight]"


async def _settle(page, before, wait_ms: int) -> bool:
    """Wait until the page changed from `before` (True) or `wait_ms` passed (False)."""
    step = 100
    waited = 0
    while waited < wait_ms:
        await asyncio.sleep(step / 1000)
        waited += step
        try:
            now = await page.evaluate(_SIZE_JS)
        except Exception:
            return False
        if now[:2] != before[:2]:
            # give a render burst a moment to finish
            await asyncio.sleep(0.15)
            return True
    return False


async def expand_reviews(page, *, load_more_selector: str | None = None, max_clicks: int = 20,
                         scroll: bool = True, wait_ms: int = 2500) -> str:
    """Click "load more" / scroll until nothing new appears or `max_clicks` rounds; return the HTML."""
    rounds = 0
    stalled_scrolls = 0
    while rounds < max(0, max_clicks):
        try:
            before = await page.evaluate(_SIZE_JS)
            found = await page.evaluate(_FIND_JS, load_more_selector)
        except Exception:
            break
        if found:
            rounds += 1
            try:
                target = page.locator("[data-rivalscope-load-more='1']").first
                await target.scroll_into_view_if_needed(timeout=2000)
                await target.click(timeout=3000)
            except Exception:
                break
            if not await _settle(page, before, wait_ms):
                break
            continue
        if not scroll:
            break
        try:
            await page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
        except Exception:
            break
        if await _settle(page, before, min(wait_ms, 1500)):
            rounds += 1
            stalled_scrolls = 0
            continue
        stalled_scrolls += 1
        if stalled_scrolls >= 1:
            break
    return await page.content()
