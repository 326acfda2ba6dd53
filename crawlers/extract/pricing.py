"""Generic price and plan extraction: (html, url) → offers. Pure: no Scrapy, no I/O.

Sources, in order of trust:
1. structured data (extruct: JSON-LD, microdata, RDFa, OpenGraph);
2. layout heuristics: repeated plan cards / pricing tables on SaaS pricing pages, the price
   block near the title and the buy button on product pages;
3. per-competitor CSS `selectors` from the config, which override 1 and 2 when they match
   (keys documented in pricing_selectors.PRICING_SELECTOR_KEYS).

Structured data vs visible price (the deliberate rule): structured data wins when its price
is shown somewhere on the page (outside related-product areas); when the structured price
is the page's strike-through price, the visible sale price is the amount and the structured
one the regular amount; when the structured price is shown nowhere on the page it is treated
as stale markup and the visible main price wins (method "layout", lower confidence), keeping
the structured SKU and availability.

Offer shape: see docs/DEVELOPING.md. Amounts are exact decimal text with the currency's minor
units ("29.00", JPY "1980"). Pages larger than MAX_HTML_CHARS are cut (structured data blocks
anywhere in the page are kept) so a 20 MB page costs about as much as a 2 MB one.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from .pricing_dom import NOISE_AREA, LAYOUT_SKIP, find_price_candidates, in_area, is_hidden, parse_html, short_text
from .pricing_money import (currency_of_symbol, decimal_text, default_currency, detect_period,
                            detect_unit, parse_amount)
from .pricing_product import _main_block, availability_of, find_anchors, product_price, sku_of
from .pricing_saas import extract_plans
from .pricing_selectors import PRICING_SELECTOR_KEYS, extract_with_selectors
from .pricing_structured import extract_structured

MAX_HTML_CHARS = 2_000_000
PRICING_URL_RE = re.compile(r"pric|plans?\b|plans[/?#]|tarif|preise|precios|prijzen|priser|prezzi|料金|"
                            r"pricing|subscribe|abonnement|suscripci", re.I)

__all__ = ["extract_pricing", "PRICING_SELECTOR_KEYS", "MAX_HTML_CHARS"]


def extract_pricing(html: str | bytes, url: str, *, currency_hint: str | None = None,
                    selectors: dict | None = None) -> list[dict]:
    """Offers found on a pricing or product page; [] when there are none. Never raises on
    broken or hostile markup."""
    try:
        return _extract(html, url or "", currency_hint, selectors)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError,
            InvalidOperation, LookupError):
        return []


def _prepare(html) -> tuple[str, str]:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str):
        return "", ""
    html = html.replace("\x00", "")
    if len(html) <= MAX_HTML_CHARS:
        return html, html
    blocks = re.findall(r"<script[^>]+application/ld\+json[^>]*>.*?</script>", html, re.S | re.I)[:50]
    head_end = html.find("</head>", 0, MAX_HTML_CHARS)
    head = html[:head_end] if head_end > 0 else ""
    struct = "<html>" + head + "</head><body>" + "".join(b for b in blocks if len(b) < 500_000) + "</body></html>"
    return html[:MAX_HTML_CHARS], struct


def _page_lang(root) -> str | None:
    lang = root.get("lang") or root.get("xml:lang")
    if not lang:
        for meta in root.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language" or meta.get("property") == "og:locale":
                lang = meta.get("content")
                break
    return (lang or "").strip().replace("_", "-").lower() or None


def _extract(html, url, hint, selectors) -> list[dict]:
    dom_html, struct_html = _prepare(html)
    if not dom_html.strip():
        return []
    root = parse_html(dom_html)
    if root is None:
        return []
    lang = _page_lang(root)
    structured = extract_structured(struct_html, url)
    cands = find_price_candidates(root, url=url, lang=lang, hint=hint)

    s_currencies = [o["currency"] for p in structured["products"] for o in p["offers"] if o.get("currency")]
    seen = Counter(c.currency for c in cands if c.currency and not c.struck)
    fallback = (seen.most_common(1)[0][0] if seen else None) or (s_currencies[0] if s_currencies else None) \
        or default_currency(url, lang, hint)

    def currency_for(c):
        if c is not None and c.currency:
            return c.currency, True
        return fallback, False

    if selectors and any(k in PRICING_SELECTOR_KEYS for k in selectors):
        offers = extract_with_selectors(root, selectors, url=url, lang=lang, hint=hint,
                                        fallback_currency=fallback)
        if offers:
            return [_finish(o) for o in offers]

    plans = extract_plans(root, cands, currency_for=currency_for, lang=lang)
    signals = sum(1 for o in plans if o["period"] in ("month", "year", "one_time") or o["unit"] or o["is_contact_sales"]
                  or o["is_free"] or o["billing"])
    s_plans = _structured_plans(structured, hint, url, lang)
    product_like = (any(not p["nested"] and len(p["offers"]) == 1 for p in structured["products"])
                    or find_anchors(root)[1] is not None) and not PRICING_URL_RE.search(url)
    if len(plans) >= 2 and ((signals >= 2 if product_like else signals) or PRICING_URL_RE.search(url)):
        return [_finish(o) for o in _merge_plans(plans, s_plans)]
    if len(s_plans) >= 2:
        return [_finish(o) for o in s_plans]
    offer = _product_offer(root, cands, structured, currency_for, url=url, lang=lang, hint=hint)
    if offer:
        return [_finish(offer)]
    if plans and (signals or PRICING_URL_RE.search(url)):
        return [_finish(o) for o in plans]
    return []


def _finish(o: dict) -> dict:
    keys = ("plan", "amount", "currency", "period", "unit", "billing", "regular_amount",
            "is_contact_sales", "is_free", "availability", "sku", "features", "billing_note",
            "method", "confidence")
    out = {k: o.get(k) for k in keys}
    out["plan"] = (out["plan"] or "").strip() or None
    out["period"] = out["period"] if out["period"] in ("month", "year", "one_time") else "unknown"
    out["features"] = list(out["features"] or [])
    out["is_contact_sales"] = bool(out["is_contact_sales"])
    out["is_free"] = bool(out["is_free"])
    out["confidence"] = round(float(out["confidence"] or 0.5), 2)
    return out


def _amount(text, currency, lang) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(str(text).strip())
    except InvalidOperation:
        return parse_amount(str(text), lang=lang, currency=currency)


def _iso(code, hint, url, lang):
    if not code:
        return None
    return currency_of_symbol(code, url=url, lang=lang, hint=hint) or (code.upper() if len(code) == 3 else None)


def _structured_plans(structured, hint, url, lang) -> list[dict]:
    """Named offers of one product (SaaS tiers in JSON-LD); [] when it is not a plan list."""
    out = []
    for p in structured["products"]:
        if p["nested"]:
            continue
        named = [o for o in p["offers"] if o.get("name") and (o.get("price") is not None)]
        if len(named) < 2:
            continue
        for o in named:
            cur = _iso(o.get("currency"), hint, url, lang)
            amount = _amount(o["price"], cur, lang)
            if amount is None:
                continue
            out.append({"plan": o["name"], "amount": decimal_text(amount, cur), "currency": cur,
                        "period": o.get("period") or "unknown", "unit": o.get("unit"), "billing": None,
                        "regular_amount": None, "is_contact_sales": False, "is_free": amount == 0,
                        "availability": None, "sku": o.get("sku"), "features": [], "billing_note": None,
                        "method": p["method"], "confidence": 0.85})
        if out:
            break
    return out


def _norm_name(s) -> str:
    return re.sub(r"[^\w]+", "", (s or "").lower())


def _merge_plans(plans, s_plans):
    """Layout plans enriched by structured tiers of the same name (see the module rule)."""
    by_name = {}
    for s in s_plans:
        by_name.setdefault(_norm_name(s["plan"]), []).append(s)
    used = set()
    for o in plans:
        for s in by_name.get(_norm_name(o["plan"]), []):
            if o["amount"] is not None and s["amount"] == o["amount"] and s["currency"] in (None, o["currency"]):
                o["method"] = s["method"]
                o["confidence"] = 0.95
                if o["period"] == "unknown" and s["period"] != "unknown":
                    o["period"] = s["period"]
                used.add(id(s))
                break
        else:
            if by_name.get(_norm_name(o["plan"])):
                o["confidence"] = min(o["confidence"], 0.7)  # structured disagrees: visible wins
                used.update(id(s) for s in by_name[_norm_name(o["plan"])])
    names = {_norm_name(o["plan"]) for o in plans}
    extra = [s for s in s_plans if id(s) not in used and _norm_name(s["plan"]) not in names]
    return plans + extra


def _main_structured(structured, title_text: str | None):
    products = [p for p in structured["products"] if p["offers"] and any(
        o.get("price") is not None or o.get("low_price") is not None for o in p["offers"])]
    top = [p for p in products if not p["nested"]] or products
    if not top:
        return None
    t = _norm_name(title_text)
    if t:
        for p in top:
            n = _norm_name(p["name"])
            if n and (n == t or (len(n) > 4 and (n in t or t in n))):
                return p
    order = {"json-ld": 0, "microdata": 1, "rdfa": 2}
    return sorted(top, key=lambda p: order.get(p["method"], 3))[0]


def _product_offer(root, cands, structured, currency_for, *, url, lang, hint) -> dict | None:
    main, regular, title, buy = product_price(root, cands)
    title_text = short_text(title, 200) if title is not None else None
    sp = _main_structured(structured, title_text)
    og = structured.get("og") or {}
    offer = {"plan": None, "amount": None, "currency": None, "period": "one_time", "unit": None,
             "billing": None, "regular_amount": None, "is_contact_sales": False, "is_free": False,
             "availability": None, "sku": None, "features": [], "billing_note": None,
             "method": "layout", "confidence": 0.7}
    block = _main_block(main.node if main is not None else None, title, buy) if main is not None else None
    visible = [c for c in cands if not c.struck and not is_hidden(c.node)
               and not in_area(c.node, NOISE_AREA, tags=LAYOUT_SKIP | {"aside"})]
    struck_visible = [c for c in cands if c.struck and not in_area(c.node, NOISE_AREA, tags=LAYOUT_SKIP | {"aside"})]

    if sp is not None:
        so = next((o for o in sp["offers"] if o.get("price") is not None), None) or sp["offers"][0]
        s_cur = _iso(so.get("currency"), hint, url, lang)
        s_amount = _amount(so.get("price") if so.get("price") is not None else so.get("low_price"), s_cur, lang)
        s_regular = _amount(so.get("regular"), s_cur, lang)
        offer.update(plan=sp["name"] or title_text, sku=so.get("sku") or sp["sku"],
                     availability=so.get("availability"))
        if so.get("period"):
            offer["period"] = so["period"]
        offer["unit"] = so.get("unit")
        if s_amount is not None:
            shown = [c for c in visible if c.amount == s_amount and (c.currency in (None, s_cur))]
            shown_struck = [c for c in struck_visible if c.amount == s_amount]
            main_cur = currency_for(main)[0] if main is not None else None
            if main is None or (main.amount == s_amount) or (shown and not shown_struck):
                offer.update(amount=s_amount, currency=s_cur or currency_for(main)[0], method=sp["method"],
                             confidence=0.95 if (main is not None and main.amount == s_amount) or shown else 0.85)
                reg = s_regular
                if reg is None and regular is not None and main is not None and main.amount == s_amount:
                    reg = regular.amount
                offer["regular_amount"] = reg
            elif shown_struck and main is not None and main.amount < s_amount:
                offer.update(amount=main.amount, currency=main_cur or s_cur, regular_amount=s_amount,
                             method=sp["method"], confidence=0.85)
            else:  # structured price shown nowhere: stale markup, the visible price wins
                offer.update(amount=main.amount, currency=main_cur or s_cur, method="layout", confidence=0.7,
                             regular_amount=regular.amount if regular is not None else None)
    elif og.get("price"):
        o_cur = _iso(og.get("currency"), hint, url, lang)
        o_amount = _amount(og["price"], o_cur, lang)
        if o_amount is not None and (main is None or main.amount == o_amount
                                     or any(c.amount == o_amount for c in visible)):
            offer.update(plan=og.get("title") or title_text, amount=o_amount, currency=o_cur,
                         availability=og.get("availability"), method="opengraph", confidence=0.85)
            if regular is not None and regular.amount > o_amount:
                offer["regular_amount"] = regular.amount
            elif og.get("regular"):
                offer["regular_amount"] = _amount(og["regular"], o_cur, lang)
    if offer["amount"] is None:
        if main is None:
            return None
        if title is None and buy is None and not _price_like(main):
            return None
        cur, sure = currency_for(main)
        offer.update(plan=offer["plan"] or title_text or og.get("title"), amount=main.amount, currency=cur,
                     confidence=0.75 if sure else 0.6,
                     regular_amount=regular.amount if regular is not None else None)
    if main is not None and offer["method"] == "layout" or (main is not None and main.amount == offer["amount"]):
        p = detect_period(main.after[:40]) or detect_period(main.before[-20:])
        if p in ("month", "year"):
            offer["period"] = p
            offer["unit"] = offer["unit"] or detect_unit(main.after[:40])
    if not offer["plan"]:
        offer["plan"] = title_text or og.get("title")
    cur = offer["currency"]
    offer["amount"] = decimal_text(Decimal(offer["amount"]), cur)
    if offer["regular_amount"] is not None:
        reg = Decimal(offer["regular_amount"])
        offer["regular_amount"] = decimal_text(reg, cur) if reg > Decimal(offer["amount"]) else None
    offer["is_free"] = Decimal(offer["amount"]) == 0
    if offer["availability"] is None:
        offer["availability"] = availability_of(block if block is not None else title, buy)
    if offer["sku"] is None:
        offer["sku"] = sku_of(block)
    return offer


def _price_like(c) -> bool:
    from .pricing_dom import PRICE_CLASS, classes

    cur = c.node
    for _ in range(3):
        if cur is None:
            return False
        if cur.get("itemprop") == "price" or PRICE_CLASS.search(classes(cur)):
            return True
        cur = cur.getparent()
    return False
