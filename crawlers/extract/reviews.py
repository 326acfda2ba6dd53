"""Reviews from one page: pure `extract_reviews(html, url)`, no Scrapy, no I/O.

Order of sources: schema.org Review/AggregateRating (JSON-LD incl. @graph and nesting,
microdata, RDFa), then a layout heuristic for repeated review blocks (merged with the
structured reviews: a page often marks up only the first few), then per-competitor CSS
selectors, which win over both when they are configured.

Selector keys (all optional; values are CSS selectors):

    review     one element per review (required for selector-based extraction)
    author, rating, title, body, date, verified, helpful
               inside a review element; `rating` may point at a star widget, an element
               with aria-label/title/data-rating/width:%, or text like "4/5"
    rating_scale   the best rating on the site when it is not printed ("10")
    next       the "next page" link (its href)
    aggregate_rating, aggregate_count   page-level average and number of reviews
    product    page-level name of the reviewed product

Ratings are on 0-5 (two decimals), dates "YYYY-MM-DD". Broken markup never raises.
"""
from __future__ import annotations

import re
from contextlib import nullcontext
from datetime import datetime
from urllib.parse import parse_qsl, urljoin, urlsplit

from .reviews_fields import read_block
from .reviews_layout import element_text, find_blocks, rating_of, tag
from .reviews_normalize import clean_text, detect_language, page_memo, parse_date, rating_from_text, scale_rating, to_number
from .reviews_schema import extract_structured

REVIEW_FIELDS = ("site_id", "author", "rating", "title", "body", "published_at", "language",
                 "verified", "helpful_votes", "product", "url")


def extract_reviews(html: str, url: str, *, selectors: dict | None = None,
                    now: datetime | None = None) -> dict:
    """{"reviews": [review], "aggregate": {"rating", "count"} | None, "next_url": str | None}.

    review = {site_id, author, rating (0-5 | None), title, body, published_at (YYYY-MM-DD |
    None), language, verified (True | None), helpful_votes, product, url}. `now` anchors
    relative dates ("3 days ago"); it defaults to the current time."""
    result = {"reviews": [], "aggregate": None, "next_url": None}
    if not html or not isinstance(html, str):
        return result
    try:
        root = _parse(html)
    except Exception:
        root = None
    lang, region = _page_lang(root)
    try:
        structured, aggregate, item = extract_structured(html, url, now=now, page_lang=lang, region=region)
    except Exception:
        structured, aggregate, item = [], None, None
    if len(structured) > 1:
        structured = _in_page_order(structured, html)
    selectors = {k: v for k, v in (selectors or {}).items() if isinstance(v, str) and v.strip()}
    # page_memo also keeps every element proxy alive: the layout code keys dicts on id(element)
    with page_memo(root) if root is not None else nullcontext():
        layout, leftovers, blocks, structured = _layout(root, url, selectors, structured,
                                                        now=now, lang=lang, region=region)
        reviews = _merge(structured, layout)
        product = _page_product(root, selectors) or item
        for r in reviews:
            r.pop("_method", None)
            r.pop("_bare", None)
            lang_text = r.pop("_lang_text", None)
            if lang_text is not None and r.get("language") is None:
                r["language"] = detect_language(lang_text, lang)
            if not r.get("product") and product:
                r["product"] = product
        result["reviews"] = [{k: r.get(k) for k in REVIEW_FIELDS} for r in reviews if r.get("body") or r.get("title")]
        if root is not None:
            try:
                sel_agg = _selector_aggregate(root, selectors)
                aggregate = (sel_agg or aggregate or _layout_aggregate(root, blocks, leftovers)
                             or _text_aggregate(root, blocks))
            except Exception:
                pass
            try:
                result["next_url"] = find_next_url(root, url, selectors.get("next"))
            except Exception:
                result["next_url"] = None
    result["aggregate"] = aggregate
    return result


def _layout(root, url: str, selectors: dict, structured: list, *, now, lang, region):
    """(layout reviews, leftover rating anchors, review blocks, structured reviews to keep)."""
    layout: list[dict] = []
    leftovers: list = []
    blocks: list = []
    if root is not None:
        if selectors.get("review"):
            try:
                layout = _from_selectors(root, selectors, url, now=now, lang=lang, region=region)
            except Exception:
                layout = []
            structured = [] if layout else structured
        else:
            try:
                blocks, leftovers = find_blocks(root)
                layout = [read_block(b, url=url, now=now, lang=lang, region=region) for b in blocks]
                # bare figures ("8.5", "4.0"): when any is above 5 the site scores out of 10
                bares = [r["_bare"] for r in layout if r.get("_bare") is not None]
                if bares and max(bares) > 5:
                    for r in layout:
                        if r.get("_bare") is not None:
                            r["rating"] = scale_rating(r["_bare"], 10.0)
            except Exception:
                layout = []
    return layout, leftovers, blocks, structured


# -- parsing -----------------------------------------------------------------------------

def _parse(html: str):
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)


def _page_lang(root) -> tuple[str | None, str | None]:
    if root is None:
        return None, None
    raw = root.get("lang") or root.get("xml:lang") or ""
    if not raw:
        for m in root.iter("meta"):
            if (m.get("http-equiv") or "").lower() == "content-language" or (m.get("property") or "") == "og:locale":
                raw = m.get("content") or ""
                break
    parts = re.split(r"[-_]", raw.strip())
    lang = parts[0].lower() or None if parts else None
    region = parts[1].upper() if len(parts) > 1 else None
    return lang, region


def _in_page_order(reviews: list[dict], html: str) -> list[dict]:
    """RDFa and microdata come back in graph order: put them back in page order."""
    from html import escape

    def pos(item):
        i, r = item
        snippet = (r.get("body") or r.get("title") or "")[:24]
        for form in (snippet, escape(snippet), escape(snippet, quote=False)):
            at = html.find(form) if form else -1
            if at >= 0:
                return (at, i)
        return (len(html), i)

    return [r for _, r in sorted(enumerate(reviews), key=pos)]


# -- merging structured and layout reviews ------------------------------------------------

def _same(a: dict, b: dict) -> int:
    """How surely two reviews are one: 3 same site id, 2 same text, 1 same opening, 0 no."""
    ida, idb = (str(x.get("site_id") or "").lstrip("#").strip() for x in (a, b))
    if ida and ida == idb:
        return 3
    ka, kb = _norm(a.get("body")), _norm(b.get("body"))
    if ka and kb:
        if ka == kb:
            return 2
        n = min(len(ka), len(kb), 40)
        # Many reviews open alike ("We switched to X from…"): a shared opening is the weakest sign.
        return 1 if n >= 12 and (ka[:n] in kb or kb[:n] in ka) else 0
    return 0


def _norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


def _merge(structured: list[dict], layout: list[dict]) -> list[dict]:
    if not structured:
        return layout
    if not layout:
        return structured
    out = [dict(r) for r in structured]
    used = set()
    extra = []
    for lr in layout:
        scores = [(_same(sr, lr), -i) for i, sr in enumerate(out) if i not in used]
        best = max(scores, default=(0, 0))
        match = -best[1] if best[0] else None
        if match is None:
            extra.append(lr)
            continue
        used.add(match)
        sr = out[match]
        for k in ("author", "rating", "title", "published_at", "verified", "helpful_votes"):
            if sr.get(k) is None and lr.get(k) is not None:
                sr[k] = lr[k]
        if lr.get("body") and sr.get("body") and len(lr["body"]) > len(sr["body"]) + 5 and \
                re.sub(r"\W", "", sr["body"].rstrip(".…")) in re.sub(r"\W", "", lr["body"]):
            sr["body"] = lr["body"]  # the markup held a truncated text
    # layout found more reviews than the markup lists: keep them only when the layout
    # agrees with the markup on the ones both saw (else it may be reading something else)
    if extra and used:
        out.extend(extra)
    elif extra and len(extra) > len(structured) and all(r.get("rating") is not None for r in extra):
        return layout
    return out


# -- selectors -----------------------------------------------------------------------------

def _select(el, css: str) -> list:
    try:
        return el.cssselect(css)
    except Exception:
        return []


def _from_selectors(root, sel: dict, url: str, *, now, lang, region) -> list[dict]:
    from .reviews_fields import read_block

    scale = to_number(sel.get("rating_scale"))
    out = []
    for block in _select(root, sel["review"]):
        base = read_block(block, url=url, now=now, lang=lang, region=region)
        r = dict(base)

        def one(key):
            found = _select(block, sel[key]) if sel.get(key) else []
            return found[0] if found else None

        for key in ("author", "title", "body"):
            if sel.get(key):
                el = one(key)
                r[key] = clean_text(element_text(el)) if el is not None else None
        if sel.get("rating"):
            el = one("rating")
            r["rating"] = None
            if el is not None:
                value = None
                if scale:
                    value = scale_rating(to_number(el.get("data-rating") or el.get("content") or
                                                   el.get("aria-label") or element_text(el)), scale)
                r["rating"] = value if value is not None else (rating_of(el, strict=False) or
                                                               rating_from_text(element_text(el)))
        if sel.get("date"):
            el = one("date")
            r["published_at"] = None
            if el is not None:
                r["published_at"] = parse_date(el.get("datetime") or element_text(el), now=now, lang=lang,
                                               region=region) or parse_date(element_text(el), now=now,
                                                                            lang=lang, region=region)
        if sel.get("verified"):
            r["verified"] = True if one("verified") is not None else None
        if sel.get("helpful"):
            el = one("helpful")
            n = to_number(element_text(el)) if el is not None else None
            r["helpful_votes"] = None if n is None else int(n)
        r.pop("_lang_text", None)
        r["language"] = detect_language(" ".join(filter(None, [r.get("title"), r.get("body")])), lang)
        out.append(r)
    return out


def _selector_aggregate(root, sel: dict) -> dict | None:
    if not sel.get("aggregate_rating") and not sel.get("aggregate_count"):
        return None
    rating = count = None
    if sel.get("aggregate_rating"):
        found = _select(root, sel["aggregate_rating"])
        if found:
            el = found[0]
            rating = rating_of(el, strict=False)
            if rating is None:
                rating = scale_rating(to_number(element_text(el)), to_number(sel.get("rating_scale")))
    if sel.get("aggregate_count"):
        found = _select(root, sel["aggregate_count"])
        if found:
            n = re.sub(r"[^\d]", "", element_text(found[0]))
            count = int(n) if n else None
    return {"rating": rating, "count": count} if rating is not None or count is not None else None


def _page_product(root, sel: dict) -> str | None:
    if root is not None and sel.get("product"):
        found = _select(root, sel["product"])
        if found:
            return clean_text(element_text(found[0]))
    return None


# -- aggregate from the layout ------------------------------------------------------------

_COUNT = re.compile(  # not the decimals of a score run into the count ("2.5" + "2件" = "2.52件")
    r"(?<![\d.,])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)\s*(?:\+\s*)?(?:customer\s+|verified\s+|user\s+|globale?\s+|total\s+)?(?:reviews?|ratings?|bewertungen|rezensionen|"
    r"avis|évaluations|notes|reseñas|opiniones|valoraciones|beoordelingen|recensies|reviews|recensioni|"
    r"valutazioni|avaliações|comentários|erfahrungen|kundenbewertungen|stemmen|votes|stimmen|calificaci[oó]n(?:es)?|"
    r"opinii|opinie|opinia|ocen[ay]?|recenzj[ie]|件|条|개)", re.I)  # no \b: "2 reviewsWrite a review"
_COUNT_AFTER = re.compile(r"\b(?:reviews?|ratings?|bewertungen|avis|reseñas|opiniones|beoordelingen|recensioni)\s*[:(]?\s*"
                          r"(\d{1,3}(?:[.,\u00a0\u202f]\d{3})+|\d+)\b", re.I)


def _spaced_text(el) -> str:
    """The element's text nodes joined by spaces: inline spans kept apart ("3,0" "3 Bewertungen")."""
    parts: list[str] = []

    def walk(node) -> None:
        if tag(node) in ("script", "style", "template"):
            return
        if node.text and tag(node):
            parts.append(node.text.strip())
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail.strip())

    walk(el)
    return " ".join(p for p in parts if p)


def _count_in(text: str) -> int | None:
    text = _OUT_OF_PHRASE.sub(" ", text or "")
    m = _COUNT.search(text) or _COUNT_AFTER.search(text)
    return int(re.sub(r"\D", "", m.group(1))) if m else None


# "3.3 Based on 3 Reviews", "3,5 Kununu Score · 2 Bewertungen": a printed score with a count
_AGG_TEXT = re.compile(
    r"(?<![\d.,/])([0-5][.,]\d{1,2})(?![\d.,%])(?:\s*(?:/|out of|von|sur|de|van)\s*5(?![\d.,]))?"
    r"[^\d]{0,40}?(?<![\d.,])(\d[\d.,]*)\s*(?:reviews?|ratings?|bewertungen|rezensionen|avis|évaluations|"
    r"reseñas|opiniones|valoraciones|calificaciones|recensioni|beoordelingen|recensies|opinii|opinie|ocen|件)", re.I)  # no \b: inline spans run together


def _text_aggregate(root, blocks: list) -> dict | None:
    """The page's score when it is printed as text, without a rating widget: the first short
    element outside the review blocks that pairs a 0-5 score with a review count."""
    in_blocks = {id(d) for b in blocks for d in b.iter()}
    for el in root.iter():
        if not tag(el) or tag(el) in ("script", "style", "head", "title") or id(el) in in_blocks:
            continue
        text = element_text(el)
        if not text or len(text) > 100 or _PRICE_NEAR.search(text):
            continue
        # adjacent spans run together in the text ("2.5" + "2 Reviews" = "2.52 Reviews"): also
        # try the text nodes apart
        m = _AGG_TEXT.search(text) or _AGG_TEXT.search(" ".join(t.strip() for t in el.itertext() if t.strip()))
        if m and not any(tag(c) and _AGG_TEXT.search(element_text(c)) for c in el):
            count = _count_in(m.group(0))
            rating = to_number(m.group(1))
            if count and rating is not None:
                return {"rating": rating, "count": count}
    return None


_PRICE_NEAR = re.compile(r"[$€£¥]\s?\d|\d\s?[€$£]|add to cart|in den warenkorb|ajouter au panier|añadir al carrito")
_OUT_OF_PHRASE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:/|out of|of|von|sur|de|van|su|op)\s*(?:5|10|100)\b", re.I)
_AGG_HINT = re.compile(r"average|overall|aggregate|summary|rating-?score|total|avg|durchschnitt|moyenne|"
                       r"promedio|gemiddeld|trustscore|score|header|hero|stats", re.I)


_BARE_COUNT = re.compile(r"\(\s*(\d{1,3}(?:[.,\u00a0]\d{3})+|\d+)\s*\)")


def _bare_count_beside(widget) -> int | None:
    """A count printed as a bare "(1,234)" right after a rating widget (Newegg, Amazon)."""
    sib = widget.getnext()
    while sib is not None and not tag(sib):
        sib = sib.getnext()
    tail = (widget.tail or "").strip()
    text = tail or (element_text(sib) if sib is not None else "")
    m = _BARE_COUNT.fullmatch(text.strip())
    return int(re.sub(r"\D", "", m.group(1))) if m else None


_STAR_FILTER = re.compile(r"([1-5])\s*(?:stars?|sterne?n?|étoiles?|estrellas?|sterren|stelle)\s*\(\s*(\d[\d,.]*)\s*\)", re.I)


def _star_filter_total(root, in_blocks: set) -> int | None:
    """The sum of filter chips "5 Star (120)", "4 Star (31)", ... where a page prints no total
    (Shopee, Lazada): None unless two star levels or more are listed."""
    levels: dict[int, int] = {}
    for el in root.iter():
        if tag(el) and len(el) == 0 and id(el) not in in_blocks and el.text and len(el.text) <= 30:
            m = _STAR_FILTER.fullmatch(el.text.strip())
            if m:
                levels.setdefault(int(m.group(1)), int(m.group(2).replace(",", "").replace(".", "")))
    return sum(levels.values()) if len(levels) >= 2 else None


def _layout_aggregate(root, blocks: list, leftovers: list) -> dict | None:
    in_blocks = set()
    for b in blocks:
        for d in b.iter():
            in_blocks.add(id(d))
    candidates = []
    for a in leftovers:
        if id(a) in in_blocks:
            continue
        node, r = a, rating_of(a)
        if r is None:
            continue
        # climb a little to find the count next to the widget
        count, near, prev = None, element_text(a), a
        for _ in range(4):
            text = element_text(node)
            if len(text) > 300:
                # the container is the whole page: look at the widget's next siblings instead
                sib = prev
                for _ in range(2):
                    sib = sib.getnext() if sib is not None else None
                    while sib is not None and not tag(sib):
                        sib = sib.getnext()
                    if sib is None:
                        break
                    count = _count_in(_spaced_text(sib))
                    if count is not None:
                        break
                break
            near = text
            count = _count_in(_spaced_text(node))
            if count is not None:
                break
            if node.getparent() is None:
                break
            prev, node = node, node.getparent()
        if count is None:
            count = _bare_count_beside(a)
        text = element_text(a.getparent() if a.getparent() is not None else a)
        numeric = re.search(r"(?<![\d.,$€£])[0-5][.,]\d(?!\d)", text if len(text) <= 300 else near) is not None
        if _PRICE_NEAR.search(near if len(near) <= 300 else ""):
            continue  # a product card (related products, carousels), not this page's score
        # star widgets round to whole or half stars; a printed score next to them is exact
        for m in re.finditer(r"(?<![\d.,])([0-5])[.,](\d)(?![\d.,]*\s*(?:/\s*10|out of 10|von 10|sur 10))", near):
            v = float(f"{m.group(1)}.{m.group(2)}")
            if abs(v - r) <= 0.5 and v != r:
                r, numeric = v, True
                break
        hint = bool(_AGG_HINT.search(" ".join(filter(None, [a.get("class"), (a.getparent().get("class") if a.getparent() is not None else None)]))))
        candidates.append((count is not None, hint, numeric, r, count))
    # histogram rows ("5 stars ... 120") also pair a rating with a count: prefer the row that
    # looks like a score (decimal figure / summary class)
    good = [c for c in candidates if c[0] and (c[1] or c[2])] or [c for c in candidates if c[1] or c[2]] or \
        [c for c in candidates if c[0]]
    if good:
        return {"rating": good[0][3], "count": good[0][4] if good[0][4] is not None else _star_filter_total(root, in_blocks)}
    # a text-only summary: "4.6 out of 5 based on 1,234 reviews"
    for el in root.iter():
        if not tag(el) or id(el) in in_blocks or tag(el) in ("script", "style", "head"):
            continue
        t = element_text(el)
        if not t or len(t) > 160:
            continue
        if any(len(element_text(c)) == len(t) for c in el if tag(c)):
            continue
        r = rating_from_text(t)
        count = _count_in(t)
        if r is not None and count is not None:
            return {"rating": r, "count": count}
    return None


# -- next page ------------------------------------------------------------------------------

_NEXT_TEXT = re.compile(r"^(?:next|next page|next reviews|more reviews|older reviews|older|›|»|>|→|⟩|"
                        r"next ›|next »|next >|next →|weiter|weiter ›|weiter »|nächste(?: seite)?|nächste ›|"
                        r"suivant|suivante|page suivante|suivant ›|siguiente|página siguiente|siguiente ›|"
                        r"volgende|volgende pagina|volgende ›|successiva|successivo|avanti|próxima|próximo|"
                        r"next\s*page\s*›?|›\s*next)$", re.I)
_PAGE_PARAMS = ("page", "p", "pg", "pagina", "seite", "paged", "pagenumber", "page_number", "pageNumber",
                "currentPage", "reviewpage", "reviewPage", "pageIndex")


def _usable_href(a, base: str) -> str | None:
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    cls = (a.get("class") or "").lower()
    if a.get("aria-disabled") == "true" or "disabled" in cls.split() or a.get("disabled") is not None:
        return None
    full = urljoin(base, href)
    if urlsplit(full).netloc != urlsplit(base).netloc:
        return None
    if full.split("#")[0] == base.split("#")[0]:
        return None
    return full.split("#")[0] if "#" in full else full


def find_next_url(root, url: str, selector: str | None = None) -> str | None:
    base = url
    for b in root.iter("base"):
        if b.get("href"):
            base = urljoin(url, b.get("href"))
            break
    if selector:
        for el in _select(root, selector):
            a = el if tag(el) == "a" else next(iter(el.iter("a")), None)
            if a is not None:
                href = _usable_href(a, base)
                if href:
                    return href
        return None
    for el in root.iter("link", "a"):
        rel = (el.get("rel") or "").lower().split()
        if "next" in rel:
            href = _usable_href(el, base)
            if href:
                return href
    for a in root.iter("a"):
        label = clean_text(element_text(a)) or clean_text(a.get("aria-label")) or clean_text(a.get("title")) or ""
        if re.search(r"\w", label):
            label = re.sub(r"[\s›»>→⟩]+$", "", label).strip()
        cls = (a.get("class") or "") + " " + (a.get("id") or "")
        if _NEXT_TEXT.match(label) or (not label.strip() and re.search(r"(?:^|[-_\s])next(?:$|[-_\s])", cls, re.I)) or \
                re.search(r"(?:^|[-_\s])(?:pagination|pager)?[-_]*next(?:[-_]page|[-_]link)?(?:$|\s)", cls, re.I) and \
                not re.search(r"prev", cls, re.I):
            href = _usable_href(a, base)
            if href:
                return href
    return _numbered_next(root, url, base)


def _page_number(u: str) -> tuple[str | None, int | None, str]:
    parts = urlsplit(u)
    q = dict(parse_qsl(parts.query))
    for p in _PAGE_PARAMS:
        for k in q:
            if k.lower() == p.lower() and re.fullmatch(r"\d{1,5}", q[k]):
                return k, int(q[k]), "query"
    m = re.search(r"/(?:page|seite|pagina|p)[/-](\d{1,5})/?$", parts.path, re.I)
    if m:
        return "path", int(m.group(1)), "path"
    return None, None, ""


def _numbered_next(root, url: str, base: str) -> str | None:
    key, current, kind = _page_number(url)
    current = current or 1
    own = urlsplit(url)
    for a in root.iter("a"):
        href = _usable_href(a, base)
        if not href:
            continue
        k, n, kd = _page_number(href)
        if n != current + 1:
            continue
        parts = urlsplit(href)
        if kd == "query" and parts.path.rstrip("/") == own.path.rstrip("/"):
            return href
        if kd == "path" and re.sub(r"/(?:page|seite|pagina|p)[/-]\d+/?$", "", parts.path) == \
                re.sub(r"/(?:page|seite|pagina|p)[/-]\d+/?$", "", own.path):
            return href
    return None
