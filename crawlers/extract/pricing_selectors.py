"""Per-competitor CSS selectors (config `selectors:`), the last-resort override.

Keys (all optional, CSS; missing keys fall back to the generic heuristics inside the block):
  plan          each plan card / product block (repeated). Without it the whole page is one block.
  plan_name     the plan or product name inside a block
  price         the price inside a block (its text is parsed with price-parser)
  regular_price the strike-through / list price inside a block
  period        text giving the billing period ("/month", "per year") inside a block
  unit          text giving the unit ("per seat") inside a block
  features      each feature item inside a block
  billing_note  footnote such as "billed annually" inside a block
  availability  stock text inside a block ("In stock", "Sold out")
  sku           SKU text inside a block
Selectors for other stages (messaging, reviews) may share the dict; unknown keys are ignored here.
"""
from __future__ import annotations

import re

from .pricing_dom import PriceCand, norm, short_text
from .pricing_money import (MONEY_RE, NUMBER_RE, currency_of_symbol, decimal_text, detect_period,
                            detect_unit, parse_amount)
from .pricing_product import IN_STOCK_RE, OUT_STOCK_RE
from .pricing_saas import CONTACT_RE, FREE_RE, billing_note_of, features_of, plan_name

PRICING_SELECTOR_KEYS = ("plan", "plan_name", "price", "regular_price", "period", "unit", "features",
                         "billing_note", "availability", "sku")


def _select(el, css):
    try:
        return el.cssselect(css)
    except Exception:  # noqa: BLE001 - a bad selector from the config must not break the crawl
        return []


def _first_text(block, css) -> str | None:
    if not css:
        return None
    found = _select(block, css)
    return short_text(found[0], 300) if found else None


def _money(text, *, url, lang, hint, fallback_currency):
    if not text:
        return None, None
    m = MONEY_RE.search(text)
    if m:
        symbol = m.group("pre") if m.group("n1") is not None else m.group("post")
        number = m.group("n1") if m.group("n1") is not None else m.group("n2")
        cur = currency_of_symbol(symbol, url=url, lang=lang, hint=hint) or fallback_currency
    else:
        n = NUMBER_RE.search(text)
        if not n:
            return None, None
        number, cur = n.group("n"), fallback_currency
    amount = parse_amount(number, lang=lang, currency=cur)
    return amount, cur


def extract_with_selectors(root, selectors: dict, *, url, lang, hint, fallback_currency) -> list[dict]:
    sel = {k: v for k, v in (selectors or {}).items() if k in PRICING_SELECTOR_KEYS and v}
    if not sel.get("price") and not sel.get("plan"):
        return []
    blocks = _select(root, sel["plan"]) if sel.get("plan") else [root]
    offers = []
    for block in blocks:
        name = _first_text(block, sel.get("plan_name")) or (plan_name(block) if block is not root else None)
        if not name and block is root:
            h1 = root.find(".//h1")
            name = short_text(h1, 120) if h1 is not None else None
        price_text = _first_text(block, sel.get("price")) if sel.get("price") else None
        if price_text is None and sel.get("price") is None:
            price_text = short_text(block, 400)
        amount, cur = _money(price_text, url=url, lang=lang, hint=hint, fallback_currency=fallback_currency)
        period_text = _first_text(block, sel.get("period")) or ""
        context = " ".join(filter(None, [price_text, period_text]))
        m = MONEY_RE.search(price_text or "")
        after = (price_text or "")[m.end():] if m else (price_text or "")
        offer = {"plan": name or "(unnamed)", "amount": None, "currency": None,
                 "period": detect_period(period_text or after) or detect_period(context) or "unknown",
                 "unit": detect_unit(_first_text(block, sel.get("unit")) or after + " " + period_text),
                 "billing": None, "regular_amount": None, "is_contact_sales": False, "is_free": False,
                 "availability": None, "sku": _first_text(block, sel.get("sku")),
                 "features": ([norm(short_text(f, 300)) for f in _select(block, sel["features"])]
                              if sel.get("features") else (features_of(block, name) if block is not root else [])),
                 "billing_note": _first_text(block, sel.get("billing_note")) or
                 (billing_note_of(block) if block is not root else None),
                 "method": "selector", "confidence": 0.9}
        if amount is not None:
            offer["amount"] = decimal_text(amount, cur)
            offer["currency"] = cur
            offer["is_free"] = amount == 0
            reg, _ = _money(_first_text(block, sel.get("regular_price")), url=url, lang=lang, hint=hint,
                            fallback_currency=cur)
            if reg is not None and reg > amount:
                offer["regular_amount"] = decimal_text(reg, cur)
        elif price_text and FREE_RE.match(price_text.strip()):
            offer.update(amount=decimal_text(0, fallback_currency), currency=fallback_currency, is_free=True)
        elif price_text and CONTACT_RE.search(price_text):
            offer.update(is_contact_sales=True)
        else:
            continue
        avail = _first_text(block, sel.get("availability"))
        if avail:
            offer["availability"] = ("out_of_stock" if OUT_STOCK_RE.search(avail)
                                     else "in_stock" if IN_STOCK_RE.search(avail) else None)
        offers.append(offer)
    return offers


__all__ = ["PRICING_SELECTOR_KEYS", "extract_with_selectors", "PriceCand", "re"]
