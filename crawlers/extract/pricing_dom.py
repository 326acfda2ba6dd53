"""DOM helpers for price extraction: parsing, text with struck-through ranges, price
candidates, hidden/billing markers. Pure functions over lxml trees."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal

import lxml.html
from lxml import etree

from .pricing_money import MONEY_RE, NUMBER_RE, currency_of_symbol, parse_amount

SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "select", "option",
             "textarea", "iframe", "object", "canvas", "math"}
STRUCK_TAGS = {"s", "del", "strike"}
STRUCK_CLASS = re.compile(
    r"(?<!with)(?<!has)(?:^|[-_\s])(?:old|was|strike|strikethrough|line-through|linethrough|crossed|crossed-out|"
    r"compare-at|compare-price|price-compare|compareprice|compare-at-price|"
    r"list-price|listprice|price-list-price|regular-price|price-regular|price--regular|"
    r"original-price|price-original|price--original|before-price|price-before|"
    r"rrp|msrp|uvp|old-price|price-old|price--old|priceold|oldprice|was-price|price-was|"
    r"reduced-from|striked|strikeprice|strike-price|normal-price|price--compare|price-standard|streich\w*)(?:$|[-_\s])",
    re.I,
)
HIDDEN_CLASS = {"hidden", "d-none", "is-hidden", "hide", "invisible", "display-none", "u-hidden",
                "js-hidden", "visually-hidden-price"}
NOISE_AREA = re.compile(
    r"(?:^|[-_\s])(?:related|recommend\w*|carousel|slider|swiper|upsell|up-sell|cross-?sell|"
    r"similar|also[-_]?(?:bought|viewed|like)|accessor\w*|bundle\w*|recently[-_]?viewed|"
    r"you[-_]?may[-_]?(?:also[-_]?)?like|product[-_]?(?:list|grid|tiles)|suggest\w*|"
    r"complete[-_]?the[-_]?look|frequently[-_]?bought|sponsored|mini[-_]?cart|cart[-_]?drawer|"
    r"megamenu|mega-menu|newsletter|cookie\w*|promo[-_]?bar|announcement|reviews?|testimonials?|"
    r"comments?|ratings?-list|blog|wishlist|other[-_]?sellers?|marketplace|offer[-_]?listing|olp)(?:$|[-_\s])",
    re.I,
)
PRICE_CLASS = re.compile(r"price|amount|cost|preis|prix|precio|prijs|pris|tarif|betrag|kosten|prezzo|"
                         r"preco|preço|cena|hinta|fiyat|価格|料金", re.I)
LAYOUT_SKIP = {"header", "nav", "footer"}
ANNUAL_TOKENS = {"annual", "annually", "yearly", "year", "years", "yr", "jahr", "jaehrlich",
                 "jahrlich", "jährlich", "annuel", "annuelle", "anual", "anuales", "jaarlijks",
                 "jaar", "arlig", "årlig", "yearlyprice", "annualprice", "perannum"}
MONTHLY_TOKENS = {"monthly", "month", "months", "mo", "monat", "monatlich", "mensuel",
                  "mensuelle", "mensual", "maandelijks", "maand", "manad", "månad",
                  "manadsvis", "månadsvis", "monthlyprice"}


@dataclass
class PriceCand:
    node: object
    amount: Decimal
    symbol: str | None
    currency: str | None
    struck: bool
    text: str            # the node's text
    before: str          # node text before the match
    after: str           # node text after the match + following siblings
    order: int           # document order of the node
    hidden: bool = False
    billing: str | None = None
    bare: bool = False   # no currency symbol seen
    extra: dict = field(default_factory=dict)


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def parse_html(html: str):
    """lxml root or None for garbage; comments/processing instructions dropped."""
    if not html or not html.strip():
        return None
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError, TypeError):
        return None
    if root is None:
        return None
    for bad in root.xpath("//script|//style|//noscript|//template|//svg"):
        if bad.getparent() is not None:
            bad.drop_tree()  # keeps the tail text
    return root


def classes(el) -> str:
    return " ".join(filter(None, [el.get("class") or "", el.get("id") or ""]))


def is_struck_el(el) -> bool:
    if not isinstance(el.tag, str):
        return False
    if el.tag in STRUCK_TAGS:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "line-through" in style:
        return True
    if any("strike" in k and v.lower() in ("true", "1", "") for k, v in el.attrib.items() if k.startswith("data-")):
        return True
    c = classes(el)
    return bool(c and STRUCK_CLASS.search(c))


def is_hidden_el(el) -> bool:
    if el.get("hidden") is not None:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(HIDDEN_CLASS & set((el.get("class") or "").lower().split()))


def is_hidden(el, stop=None) -> bool:
    cur = el
    while cur is not None and cur is not stop:
        if isinstance(cur.tag, str) and is_hidden_el(cur):
            return True
        cur = cur.getparent()
    return False


def _tokens(value: str) -> set[str]:
    value = re.sub(r"([a-z])([A-Z])", r"\1 \2", value)
    return set(t for t in re.split(r"[^a-zA-Zäöüåé]+", value.lower()) if t)


def billing_marker_el(el) -> str | None:
    """'annual' / 'monthly' when the element's class/id/data-* says which price set it is."""
    if not isinstance(el.tag, str):
        return None
    parts = []
    for k, v in el.attrib.items():
        if k in ("class", "id") or k.startswith(("data-", "x-show", "v-show", "v-if", ":class", "x-bind")):
            parts.append(k[5:] if k.startswith("data-") and v in ("", "true") else "")
            parts.append(v)
    toks = _tokens(" ".join(parts))
    if not toks:
        return None
    ann = bool(toks & ANNUAL_TOKENS)
    mon = bool(toks & MONTHLY_TOKENS)
    negated = any(el.attrib.get(k, "").strip().startswith("!") for k in ("x-show", "v-show", "v-if", "x-if"))
    if ann and not mon:
        return "monthly" if negated else "annual"  # x-show="!annual": the monthly set
    if mon and not ann:
        return "annual" if negated else "monthly"
    return None


def billing_marker(el, stop=None) -> str | None:
    cur = el
    while cur is not None and cur is not stop:
        m = billing_marker_el(cur)
        if m:
            return m
        cur = cur.getparent()
    return None


def text_ranges(el, inner=None) -> tuple[str, list[tuple[int, int]]]:
    """Normalised text of el and the character ranges that are struck through (and, with
    `inner`, the ranges of descendants that are price nodes themselves: el.inner_ranges)."""
    pieces: list[str] = []
    struck: list[tuple[int, int]] = []
    inside: list[tuple[int, int]] = []
    length = 0

    def add(s):
        nonlocal length
        if s:
            pieces.append(s)
            length += len(s)

    def walk(node, in_struck):
        nonlocal length
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS:
            add(node.tail)
            return
        s = in_struck or is_struck_el(node)
        boundary = is_hidden_el(node) or billing_marker_el(node) is not None
        if boundary:
            add(" ¦ ")
        start = length
        if node.tag in ("br", "p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"):
            add(" ")
        if (node.tag == "sup" and node.text and re.fullmatch(r"\s*\d{2}\s*", node.text) and len(node) == 0
                and pieces and re.search(r"(?:^|[^\d.,])\d+$", pieces[-1])):
            add(".")  # 12<sup>99</sup>: cents in superscript
        add(node.text)
        for child in node:
            walk(child, s)
        if s and not in_struck:
            struck.append((start, length))
        if inner is not None and node in inner:
            inside.append((start, length))
        if node.tag in ("p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6") or boundary:
            add(" ¦ " if boundary else " ")
        add(node.tail)

    s0 = is_struck_el(el)
    add(el.text)
    for child in el:
        walk(child, s0)
    raw = "".join(pieces)
    if s0:
        struck = [(0, len(raw))]
    # normalise whitespace while mapping ranges
    out, mapping = [], []
    prev_space = True
    for i, ch in enumerate(raw):
        if ch.isspace():
            if prev_space:
                continue
            ch = " "
            prev_space = True
        else:
            prev_space = False
        out.append(ch)
        mapping.append(i)
    text = "".join(out).rstrip()

    def remap(pos):
        return min(bisect.bisect_left(mapping, pos), len(text))

    if inner is not None:
        return text, [(remap(a), remap(b)) for a, b in struck], [(remap(a), remap(b)) for a, b in inside]
    return text, [(remap(a), remap(b)) for a, b in struck]


def el_text(el) -> str:
    return text_ranges(el)[0] if el is not None else ""


def short_text(el, limit=400) -> str:
    """Text of el, computed cheaply (stops after `limit` characters)."""
    out = []
    n = 0
    for t in el.itertext():
        out.append(t)
        n += len(t)
        if n > limit:
            break
    return norm(" ".join(out))


def in_area(el, rx, stop=None, tags=()) -> bool:
    cur = el
    while cur is not None and cur is not stop:
        if isinstance(cur.tag, str):
            if cur.tag in tags:
                return True
            c = classes(cur)
            if c and rx.search(c):
                return True
        cur = cur.getparent()
    return False


def find_price_candidates(root, *, url: str, lang: str | None, hint: str | None,
                          max_nodes: int = 4000) -> list[PriceCand]:
    """Every money expression on the page, anchored at the smallest element holding it."""
    body = root.find("body")
    body = body if body is not None else root
    order = {el: i for i, el in enumerate(body.iter())}
    accepted: dict = {}
    visited = 0
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        own = (el.text or "") + "".join(c.tail or "" for c in el if isinstance(c.tag, str))
        if not re.search(r"\d", own):
            continue
        visited += 1
        if visited > max_nodes:
            break
        node, bare_node = el, None
        found = None
        for _ in range(4):
            if node in accepted:
                found = node
                break
            t = short_text(node, 160)
            if len(t) > 150:
                break
            t = el_text(node)  # exact inline joining: <span>89</span>,<sup>90</sup> → 89,90
            m = MONEY_RE.search(t)
            if m:
                number = m.group("n1") if m.group("n1") is not None else m.group("n2")
                if bare_node is not None and re.sub(r"\D", "", el_text(bare_node)) not in re.sub(r"\D", "", number):
                    found = bare_node  # the money above is another price: keep the bare one
                else:
                    found = node
                break
            if bare_node is None and _bare_price_ok(node, t):
                bare_node = node
                if is_hidden_el(node) or billing_marker_el(node):  # one price of a set: stop here
                    found = node
                    break
            parent = node.getparent()
            if parent is None or parent.tag == "body":
                break
            node = parent
        found = found if found is not None else bare_node
        if found is not None:
            accepted[found] = True
    cands: list[PriceCand] = []
    for node in accepted:
        cands.extend(_cands_in(node, order.get(node, 0), url=url, lang=lang, hint=hint, inner=accepted))
    return cands


def _bare_price_ok(node, text) -> bool:
    if not re.fullmatch(r"\s*\d[\d.,\s']*(?:[.,]?[-–—])?\s*(?:/\s*\w+\.?)?\s*\*?\s*", text or ""):
        return False
    cur = node
    for _ in range(2):
        if cur is None or not isinstance(cur.tag, str):
            return False
        if cur.get("itemprop") == "price" or PRICE_CLASS.search(classes(cur)):
            return True
        cur = cur.getparent()
    return False


def _following_text(node, limit=90) -> str:
    """Text after a price node (its tail, then following siblings and their tails, then one
    level up), stopping at the next price; the other billing set's hidden prices are skipped."""
    out = []
    n = 0
    cur = node
    for _ in range(2):
        tail = norm(cur.tail)
        if tail:
            out.append(tail)
            n += len(tail)
        sib = cur.getnext()
        while sib is not None and n < limit:
            if isinstance(sib.tag, str) and sib.tag not in SKIP_TAGS:
                if is_hidden_el(sib) or billing_marker_el(sib):  # the other price set
                    tail = norm(sib.tail)
                    if tail:
                        out.append(tail)
                        n += len(tail)
                    sib = sib.getnext()
                    continue
                t = short_text(sib, limit)
                if MONEY_RE.search(t):
                    return norm(" ".join(out))[:limit]
                out.append(t)
                n += len(t)
                tail = norm(sib.tail)
                if tail:
                    out.append(tail)
                    n += len(tail)
            sib = sib.getnext()
        if out or cur.getparent() is None:
            break
        cur = cur.getparent()
        if cur is None or len(short_text(cur, 200)) > 200:
            break
    return norm(" ".join(out))[:limit]


def _cands_in(node, order: int, *, url, lang, hint, inner=None) -> list[PriceCand]:
    text, struck, inside = text_ranges(node, inner=inner or {})
    up = node.getparent()
    for _ in range(4):  # a price inside <del>/<span class="old-price">: the whole node is struck
        if up is None or up.tag == "body":
            break
        if is_struck_el(up):
            struck = [(0, len(text))]
            break
        up = up.getparent()
    matches = [m for m in MONEY_RE.finditer(text) if not any(a <= m.start() < b for a, b in inside)]
    if not matches and any(MONEY_RE.finditer(text)):
        return []
    bare = False
    if not matches:
        m = NUMBER_RE.search(text)
        matches = [m] if m else []
        bare = True
    out = []
    following = None
    for i, m in enumerate(matches):
        if bare:
            symbol, number = _sibling_symbol(node), m.group("n")
        elif m.group("n1") is not None:
            symbol, number = m.group("pre"), m.group("n1")
        else:
            symbol, number = m.group("post"), m.group("n2")
        currency = currency_of_symbol(symbol, url=url, lang=lang, hint=hint) if symbol else None
        amount = parse_amount(number, lang=lang, currency=currency)
        if amount is None:
            continue
        s = any(a <= m.start() < b for a, b in struck)
        nxt = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        after = text[m.end():nxt]
        if i + 1 == len(matches) or not re.search(r"[^\W\d_]", after):
            if following is None:
                following = _following_text(node)
            if i + 1 < len(matches):  # "$29 $24 /user/mo": the shared suffix applies to both
                after = after + " " + text[matches[-1].end():]
            after = after + " " + following
        prev_end = matches[i - 1].end() if i else 0
        out.append(PriceCand(node=node, amount=amount, symbol=symbol, currency=currency, struck=s,
                             text=text, before=text[prev_end:m.start()], after=norm(after),
                             order=order * 10 + i, bare=bare))
    return out


_SYMBOL_ONLY = re.compile(r"^\s*(" + MONEY_RE.pattern.split("(?P<pre>")[1].split(")\\s?(?P<n1>")[0] + r")\s*$", re.I)


def _sibling_symbol(node) -> str | None:
    """A currency symbol in its own element next to a bare number: <span>₹</span><span>749</span>."""
    for sib in (node.getprevious(), node.getnext()):
        if sib is not None and isinstance(sib.tag, str):
            t = short_text(sib, 12)
            if t and len(t) <= 5 and _SYMBOL_ONLY.match(t):
                return t.strip()
    parent = node.getparent()
    if parent is not None and parent.getprevious() is not None:
        t = short_text(parent.getprevious(), 12)
        if t and len(t) <= 5 and _SYMBOL_ONLY.match(t):
            return t.strip()
    return None


def depth(el) -> int:
    d = 0
    while el is not None:
        el = el.getparent()
        d += 1
    return d


def ancestors(el) -> list:
    out = []
    while el is not None:
        out.append(el)
        el = el.getparent()
    return out


def tree_distance(a, b) -> int:
    aa = ancestors(a)
    bb = set(ancestors(b))
    for i, x in enumerate(aa):
        if x in bb:
            return i + ancestors(b).index(x)
    return 99
