"""Structured data (extruct: JSON-LD, microdata, RDFa, OpenGraph) → candidate products/offers.

Everything is normalised to plain dicts:
  product = {name, sku, url, method, nested (inside an ItemList/related block), offers: [offer]}
  offer   = {name, price, low_price, currency, availability, regular, period, unit, sku}
"""
from __future__ import annotations

import json
import re

PRODUCT_TYPES = {"product", "productgroup", "softwareapplication", "webapplication",
                 "mobileapplication", "service", "individualproduct", "productmodel", "book",
                 "vehicle", "car", "videogame", "course", "event"}
OFFER_TYPES = {"offer", "aggregateoffer"}
NESTING_KEYS = {"isrelatedto", "issimilarto", "itemlistelement", "isaccessoryorsparepartfor",
                "isconsumablefor", "related", "relatedproducts", "itemlist", "hasvariant"}
AVAILABILITY = {
    "instock": "in_stock", "onlineonly": "in_stock", "limitedavailability": "in_stock",
    "instoreonly": "in_stock", "preorder": "in_stock", "presale": "in_stock", "backorder": "in_stock",
    "madetoorder": "in_stock", "outofstock": "out_of_stock", "soldout": "out_of_stock",
    "discontinued": "out_of_stock",
}
DURATION_PERIOD = {"p1m": "month", "p30d": "month", "p1y": "year", "p12m": "year", "p365d": "year",
                   "mon": "month", "ann": "year", "month": "month", "year": "year", "monthly": "month",
                   "yearly": "year", "annual": "year", "p1w": "week", "wee": "week"}


def _type_names(item: dict) -> set[str]:
    t = item.get("@type")
    types = t if isinstance(t, list) else [t]
    return {str(x).rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower() for x in types if x}


def _first(value):
    while isinstance(value, list):
        if not value:
            return None
        value = value[0]
    if isinstance(value, dict) and "@value" in value:
        return value["@value"]
    return value


def _text(value) -> str | None:
    v = _first(value)
    if isinstance(v, dict):
        v = v.get("name") or v.get("@id")
        v = _first(v)
    if v is None:
        return None
    s = re.sub(r"\s+", " ", str(v)).strip()
    return s or None


def _lower_keys(item: dict) -> dict:
    out = {}
    for k, v in item.items():
        key = k.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if k.startswith("http") else k
        out[key.lower()] = v
    return out


def _availability(value) -> str | None:
    v = _text(value)
    if not v:
        return None
    key = v.rsplit("/", 1)[-1].replace(" ", "").replace("_", "").lower()
    return AVAILABILITY.get(key)


def _period_of(spec: dict) -> tuple[str | None, str | None]:
    """(period, unit) of a UnitPriceSpecification-like dict."""
    period = None
    for key in ("billingduration", "unitcode", "unittext", "billingincrement"):
        v = _text(spec.get(key))
        if v and v.lower() in DURATION_PERIOD:
            period = DURATION_PERIOD[v.lower()]
            break
    unit = None
    ref = spec.get("referencequantity")
    if isinstance(_first(ref), dict):
        unit = _text(_lower_keys(_first(ref)).get("unittext"))
    ut = _text(spec.get("unittext"))
    if ut and ut.lower() not in DURATION_PERIOD and not unit:
        unit = ut.lower()
    return period, unit


def _offer(raw: dict) -> list[dict]:
    o = _lower_keys(raw)
    types = _type_names(raw)
    base = {
        "name": _text(o.get("name")),
        "price": _text(o.get("price")),
        "low_price": _text(o.get("lowprice")) if "aggregateoffer" in types else None,
        "currency": _text(o.get("pricecurrency")),
        "availability": _availability(o.get("availability")),
        "regular": None,
        "period": None,
        "unit": None,
        "sku": _text(o.get("sku")),
    }
    specs = o.get("pricespecification")
    specs = specs if isinstance(specs, list) else ([specs] if specs else [])
    for spec in specs:
        spec = _first(spec) if not isinstance(spec, dict) else spec
        if not isinstance(spec, dict):
            continue
        s = _lower_keys(spec)
        price = _text(s.get("price"))
        ptype = (_text(s.get("pricetype")) or "").rsplit("/", 1)[-1].lower()
        period, unit = _period_of(s)
        if ptype in ("strikethroughprice", "listprice", "msrp", "srp"):
            base["regular"] = price
            continue
        if price is not None and base["price"] is None:
            base["price"] = price
        base["currency"] = base["currency"] or _text(s.get("pricecurrency"))
        base["period"] = base["period"] or period
        base["unit"] = base["unit"] or unit
    if base["price"] is None and base["low_price"] is None and isinstance(o.get("offers"), (list, dict)):
        nested = o["offers"] if isinstance(o["offers"], list) else [o["offers"]]
        return [x for n in nested if isinstance(n, dict) for x in _offer(n)]
    return [base]


def _product(raw: dict, method: str, nested: bool) -> dict:
    p = _lower_keys(raw)
    offers_raw = p.get("offers")
    offers_raw = offers_raw if isinstance(offers_raw, list) else ([offers_raw] if offers_raw else [])
    offers = []
    for o in offers_raw:
        if isinstance(o, dict):
            offers.extend(_offer(o))
    sku = _text(p.get("sku")) or _text(p.get("mpn"))
    return {"name": _text(p.get("name")), "sku": sku, "url": _text(p.get("url")), "method": method,
            "nested": nested, "offers": offers}


def _walk(item, method: str, out: list, nested: bool = False, depth: int = 0) -> None:
    if depth > 12:
        return
    if isinstance(item, list):
        for x in item:
            _walk(x, method, out, nested, depth + 1)
        return
    if not isinstance(item, dict):
        return
    types = _type_names(item)
    if types & PRODUCT_TYPES:
        out.append(_product(item, method, nested))
    elif types & OFFER_TYPES and depth <= 1:
        out.append({"name": None, "sku": None, "url": None, "method": method, "nested": nested,
                    "offers": _offer(item)})
    for key, value in item.items():
        k = key.rsplit("/", 1)[-1].lower()
        if k in ("offers", "@context"):
            continue
        if isinstance(value, (dict, list)):
            child_nested = nested or k in NESTING_KEYS or "itemlist" in types
            if types & PRODUCT_TYPES and k not in NESTING_KEYS:
                child_nested = True  # a product inside a product (isVariantOf, model…)
            _walk(value, method, out, child_nested, depth + 1)


def _rdfa_graph(items: list) -> list[dict]:
    """Resolve RDFa's flat @id graph into nested dicts rooted at products."""
    by_id = {i.get("@id"): i for i in items if isinstance(i, dict)}

    def resolve(node, seen):
        if isinstance(node, list):
            return [resolve(x, seen) for x in node]
        if isinstance(node, dict):
            if set(node) == {"@id"} and node["@id"] in by_id and node["@id"] not in seen:
                return resolve(by_id[node["@id"]], seen | {node["@id"]})
            return {k: resolve(v, seen) for k, v in node.items()}
        return node

    roots = []
    referenced = {v.get("@id") for i in items if isinstance(i, dict) for vs in i.values()
                  if isinstance(vs, list) for v in vs if isinstance(v, dict) and set(v) == {"@id"}}
    for i in items:
        if isinstance(i, dict) and i.get("@id") not in referenced and "@type" in i:
            roots.append(resolve(i, {i.get("@id")}))
    return roots


def extract_structured(html: str, url: str) -> dict:
    """{'products': [product], 'og': {price, currency, availability, title}}; never raises."""
    result = {"products": [], "og": {}}
    low = html[:4_000_000].lower()
    syntaxes = []
    if "application/ld+json" in low:
        syntaxes.append("json-ld")
    if "itemtype" in low:
        syntaxes.append("microdata")
    if "typeof=" in low or "vocab=" in low:
        syntaxes.append("rdfa")
    if "og:" in low or "product:" in low:
        syntaxes.append("opengraph")
    if not syntaxes:
        return result
    data = {}
    try:
        import extruct

        data = extruct.extract(html, base_url=url or None, syntaxes=syntaxes, uniform=True, errors="ignore")
    except Exception:  # noqa: BLE001 - broken markup must never stop extraction
        data = {}
        if "json-ld" in syntaxes:
            data["json-ld"] = _json_ld_fallback(html)
    for syntax, method in (("json-ld", "json-ld"), ("microdata", "microdata"), ("rdfa", "rdfa")):
        items = data.get(syntax) or []
        if syntax == "rdfa":
            items = _rdfa_graph(items)
        _walk(items, method, result["products"])
    for og in data.get("opengraph") or []:
        props = {}
        for k, v in og.items():
            if k.startswith("@"):
                continue
            props[k.lower()] = _text(v)
        price = props.get("product:price:amount") or props.get("og:price:amount")
        if price:
            result["og"] = {
                "price": price,
                "currency": props.get("product:price:currency") or props.get("og:price:currency"),
                "availability": _availability((props.get("product:availability") or props.get("og:availability") or "").replace(" ", "")),
                "title": props.get("og:title"),
                "regular": props.get("product:original_price:amount"),
            }
    return result


def _json_ld_fallback(html: str) -> list:
    out = []
    for m in re.finditer(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", html, re.S | re.I):
        try:
            out.append(json.loads(m.group(1)))
        except ValueError:
            continue
    return out
