"""Layout heuristics for product pages: the main product's price block (near the title and
the buy button), its strike-through regular price, availability and SKU, ignoring related
products, bundles, shipping costs, instalments and unit prices."""
from __future__ import annotations

import re

from .pricing_money import detect_period
from .pricing_dom import (LAYOUT_SKIP, NOISE_AREA, PRICE_CLASS, PriceCand, classes, in_area,
                          is_hidden, norm, short_text, tree_distance)

BUY_RE = re.compile(
    r"add to (?:cart|bag|basket|trolley)|buy (?:now|it now)|^buy$|order now|purchase|pre-?order|"
    r"in den warenkorb|in den einkaufswagen|jetzt kaufen|kaufen|ajouter au panier|acheter|"
    r"añadir al carrito|añadir a la cesta|comprar|agregar al carrito|in winkelwagen|"
    r"in (?:de )?winkelmand|bestellen|toevoegen|lägg i (?:varukorg|kundvagn)|köp|"
    r"カートに入れる|購入|今すぐ買う|aggiungi al carrello|dodaj do koszyka|notify me|"
    r"benachrichtigen|sold out|ausverkauft|épuisé|agotado|uitverkocht|slutsåld|売り切れ|avvisami|"
    r"prévenez-moi|avísame|notify when|comprar agora|adicionar ao carrinho|dodaj do koszyka|"
    r"lisää ostoskoriin|sepete ekle|læg i kurv|legg i handlekurv|handlekurv", re.I)
SHIPPING_RE = re.compile(r"shipping|delivery|postage|versand|lieferung|livraison|envío|envio|"
                         r"verzend|bezorg|frakt|leverans|送料|配送|porto|spedizione|consegna|frete|"
                         r"dostawa|wysyłka|toimitus|fragt|levering", re.I)
INSTALMENT_RE = re.compile(r"instal|payments? of|\d+ ?x |\bx ?\d+\b|klarna|afterpay|affirm|paypal|"
                           r"finanz|raten|mensualit|cuotas|meses sin|termijn|delbetal|分割|per month with|"
                           r"/mo with|ab .{0,12} mtl|financ", re.I)
UNIT_PRICE_RE = re.compile(r"/ ?(?:kg|g|l|ml|m|m²|m2|100 ?g|100 ?ml|st|stk|pc|piece|unit|lb|oz)\b|"
                           r"per (?:kg|100 ?g|litre|liter|l|unit)|grundpreis|prix au (?:kg|litre)|"
                           r"precio por|jämförpris|literpreis|kilopreis", re.I)
SAVE_RE = re.compile(r"\bsave\b|you save|sie sparen|sparen sie|économisez|ahorras?|ahorro|"
                     r"bespaar|je bespaart|du sparar|spara|節約|お得|\boff\b|rabatt|%", re.I)
REGULAR_RE = re.compile(r"\bwas\b|before|regular(?:ly)?|list price|rrp|msrp|retail|compare at|"
                        r"statt|uvp|vorher|ursprünglich|avant|au lieu de|prix barré|antes|"
                        r"precio anterior|van\b|voorheen|adviesprijs|ord\.? ?pris|ordinarie|"
                        r"tidigare|通常価格|定価|参考価格|originally", re.I)
IN_STOCK_RE = re.compile(
    r"\bin stock\b|available(?! soon)|ready to ship|ships (?:today|tomorrow|in)|auf lager|"
    r"lieferbar|sofort verfügbar|verfügbar|en stock|disponible|en existencias|op voorraad|"
    r"leverbaar|direct leverbaar|i lager|finns i lager|på lager|disponibile|disponível|em estoque|"
    r"dostępny|varastossa|在庫あり|在庫有|即納", re.I)
OUT_STOCK_RE = re.compile(
    r"out of stock|sold out|currently unavailable|unavailable|no longer available|not available|"
    r"ausverkauft|nicht (?:auf lager|verfügbar|lieferbar)|derzeit nicht|vergriffen|"
    r"rupture de stock|épuisé|indisponible|plus disponible|agotado|sin existencias|no disponible|"
    r"uitverkocht|niet (?:op voorraad|leverbaar|beschikbaar)|slut i lager|slutsåld|tillfälligt slut|"
    r"ej i lager|udsolgt|ikke på lager|esaurito|non disponibile|esgotado|indisponível|niedostępny|"
    r"brak w magazynie|loppu|notify me|avvisami|在庫切れ|売り切れ|在庫なし|品切れ", re.I)
SKU_RE = re.compile(
    r"(?:\bSKU|\bArt(?:ikel)?\.?\s?-?\s?(?:Nr|no|nummer)\.?|Artikelnummer|Artikelnr\.?|Item(?: no\.?| #| number)|"
    r"Product (?:code|no\.?|number)|Model(?: no\.?| number)|Réf(?:érence)?\.?|Referencia|Ref\.|"
    r"Artikelcode|Produktnummer|Produktnr\.?|Varenr\.?|Varenummer|Varunummer|Bestellnummer|"
    r"Código|Cód\.|Codice(?: articolo| prodotto)?|Kod produktu|Kod towaru|Tuotenumero|Ürün kodu|"
    r"品番|型番|商品番号)\s*[:#：]?\s*([A-Z0-9][A-Z0-9._/-]{1,40})", re.I)


FROM_RE = re.compile(r"\bfrom\b|starting at|vanaf|\bab\b|à partir de|a partir de|desde|\bfrån\b|"
                     r"other sellers|andere verkopers|autres vendeurs|neuf et occasion|used|occasion|gebraucht|"
                     r"begagnad|usado|new \(\d+\)", re.I)


def find_anchors(root):
    """(title element, buy button element) of the main product, either may be None."""
    body = root.find("body")
    body = body if body is not None else root
    title = None
    for el in body.iter("h1"):
        if not in_area(el, NOISE_AREA, tags=LAYOUT_SKIP) and short_text(el, 40):
            title = el
            break
    if title is None:
        for el in body.iter():
            if isinstance(el.tag, str) and (el.get("itemprop") == "name" or
                                            re.search(r"product[-_]?(?:title|name)", classes(el), re.I)):
                title = el
                break
    buy = None
    for el in body.iter("button", "input", "a"):
        if in_area(el, NOISE_AREA, tags=LAYOUT_SKIP):
            continue
        t = short_text(el, 60) or (el.get("value") or "") or (el.get("aria-label") or "")
        meta = " ".join([classes(el), el.get("name") or ""])
        if (t and len(t) <= 40 and BUY_RE.search(t)) or re.search(r"add[-_]?to[-_]?cart|buy[-_]?now", meta, re.I):
            buy = el
            break
    return title, buy


# EU "Omnibus" notices: the lowest price of the last 30 days is neither the price nor the regular one.
LOWEST_RE = re.compile(r"lowest price|niedrigste[rn]? preis|tiefstpreis|prix le plus bas|prix de référence|"
                       r"najniższa cena|precio más bajo|prezzo più basso|laagste prijs|lägsta pris|"
                       r"laveste pris|alin hinta|30 (?:days|tage|jours|dni|días|giorni|dagen|dagar)", re.I)
FREE_SHIPPING_RE = re.compile(r"free (?:shipping|delivery)|kostenlos|versandkostenfrei|gratis|gratuit|"
                              r"offert|無料|fri frakt|envío gratis", re.I)


def _noise(c: PriceCand) -> bool:
    ctx = c.before[-40:] + " " + c.after[:40]
    before = c.before[-30:]
    shipping_before = SHIPPING_RE.search(before) and not FREE_SHIPPING_RE.search(before)
    shipping_after = re.match(r"\W{0,4}(?:" + SHIPPING_RE.pattern + ")", c.after, re.I)
    if shipping_before or shipping_after or re.search(r"\bship\b|to ship", before, re.I):
        return True
    # the unit after this price, not after the next one ("$29.98 52.0 ¢/oz" is a plain price)
    own_after = re.split(r"(?:^|\s)\d+[.,]\d", c.after[:20], maxsplit=1)[0]
    if INSTALMENT_RE.search(ctx) or UNIT_PRICE_RE.search(own_after) or LOWEST_RE.search(before):
        return True
    if SAVE_RE.search(c.before[-25:]) or re.match(r"\s*(?:%|off\b)", c.after):
        return True
    return False


def product_price(root, cands: list[PriceCand]):
    """(main candidate, regular candidate or None, title el, buy el); main None when unsure."""
    title, buy = find_anchors(root)
    pool = [c for c in cands if not in_area(c.node, NOISE_AREA, tags=LAYOUT_SKIP | {"aside"})
            and not is_hidden(c.node)]
    live = [c for c in pool if not c.struck and not _noise(c)
            and not REGULAR_RE.search(c.before[-25:])]
    if not live:
        return None, None, title, buy
    order_title = _order(title)
    order_buy = _order(buy)

    def score(c):
        s = 0.0
        if title is not None:
            s -= 0.35 * tree_distance(c.node, title)
            if order_title is not None and c.order // 10 < order_title:
                s -= 1.0
        if buy is not None:
            s -= 0.35 * tree_distance(c.node, buy)
        cur = c.node
        for _ in range(3):
            if cur is None:
                break
            if cur.get("itemprop") == "price":
                s += 3
                break
            if PRICE_CLASS.search(classes(cur)):
                s += 1.5
                if re.search(r"sale|special|current|final|now|actual|promo|offer|reduced|selling", classes(cur), re.I):
                    s += 0.5
                break
            cur = cur.getparent()
        if c.bare:
            s -= 1
        if FROM_RE.search(c.before[-30:]):
            s -= 3
        if c.node.tag in ("small", "sub"):
            s -= 0.5
        return (s, -c.order)

    main = max(live, key=score)
    regular = None
    twins = [c for c in live if c.amount == main.amount] or [main]  # the same price shown twice

    def near(c):
        return min(tree_distance(c.node, t.node) for t in twins)

    struck = [c for c in pool if (c.struck or REGULAR_RE.search(c.before[-25:])) and c.amount > main.amount
              and not _noise(c) and near(c) <= 8]
    if struck:
        regular = min(struck, key=lambda c: (near(c), abs(c.order - main.order)))
    else:  # <span>109,95 €</span><span>149,95 €</span>: a higher twin price right after the
        # main one, struck through by CSS only (no marker in the markup)
        nxt = main.node.getnext()
        for c in pool:
            if (c.node is nxt and c.amount > main.amount and c.currency == main.currency
                    and not norm(main.node.tail) and not _noise(c) and not detect_period(c.after[:15])):
                regular = c
                break
    return main, regular, title, buy


def _order(el):
    if el is None:
        return None
    body = el.getroottree().getroot()
    for i, x in enumerate(body.find("body").iter() if body.find("body") is not None else body.iter()):
        if x is el:
            return i
    return None


def _main_block(main_node, title, buy):
    """The smallest ancestor holding the price, the title and the buy button (bounded)."""
    from .pricing_dom import ancestors

    nodes = [n for n in (main_node, title, buy) if n is not None]
    if not nodes:
        return None
    sets = [ancestors(n) for n in nodes]
    common = [a for a in sets[0] if all(a in s for s in sets[1:])]
    return common[0] if common else None


def availability_of(block, buy) -> str | None:
    if buy is not None:
        if buy.get("disabled") is not None or buy.get("aria-disabled") == "true":
            return "out_of_stock"
        t = short_text(buy, 60)
        if OUT_STOCK_RE.search(t):
            return "out_of_stock"
    if block is None:
        return None
    for el in block.iter():
        if not isinstance(el.tag, str) or in_area(el, NOISE_AREA, stop=block):
            continue
        if el.get("itemprop") == "availability":
            v = (el.get("href") or el.get("content") or "").lower()
            if "outofstock" in v or "soldout" in v or "discontinued" in v:
                return "out_of_stock"
            if v:
                return "in_stock"
        own = norm((el.text or "") + " " + " ".join(c.tail or "" for c in el))
        if not own or len(own) > 120:
            continue
        if OUT_STOCK_RE.search(own):
            return "out_of_stock"
        if IN_STOCK_RE.search(own) and not re.search(r"\bnot\b|nicht|pas|\bno\b|niet|inte", own, re.I):
            return "in_stock"
    if buy is not None:
        return "in_stock"
    return None


def sku_of(block) -> str | None:
    if block is None:
        return None
    for el in block.iter():
        if isinstance(el.tag, str) and el.get("itemprop") == "sku":
            v = el.get("content") or short_text(el, 60)
            if v:
                return v.strip()
    t = short_text(block, 20000)
    m = SKU_RE.search(t)
    return m.group(1).rstrip(".") if m else None
