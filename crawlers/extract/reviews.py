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
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from .reviews_aggregate import _layout_aggregate, _text_aggregate, unrated_placeholder
from .reviews_authors import section_heading
from .reviews_bylines import reply_byline
from .reviews_dates import numeric_date_order, parse_date
from .reviews_fields import read_block
from .reviews_gridcard import kind_labels
from .reviews_gluedlines import spaced_twin
from .reviews_itemlines import dated_work, price_only, priced_label, vehicle_variant
from .reviews_itemlists import item_teaser
from .reviews_places import phone_cards, place_card
from .reviews_iconlines import facts_card
from .reviews_highlights import drop_repeats
from .reviews_iconrun import wrap_icon_runs
from .reviews_layout import boilerplate, carousel_clone, find_blocks, with_definitions
from .reviews_widgets import _star_icon as star_icon, rating_of, tag
from .reviews_parts import write_review_line
from .reviews_pairs import text_columns
from .reviews_normalize import (clean_text, detect_language, element_text, page_memo, rating_from_text, scale_rating,
                                to_number)
from .reviews_microformats import hreview_aggregate
from .reviews_rows import lift_stray_rows
from .reviews_schema import extract_structured
from .reviews_scores import rescale_bares
from .reviews_slots import colon_names, slot_authors
from .reviews_state import script_data, state_aggregate, state_reviews
from .reviews_threads import threaded_reply

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
    if region is None and lang in (None, "en"):
        region = numeric_date_order(html)  # an English page without a region: its own dates tell
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
        if not reviews and root is not None and not selectors.get("review"):
            try:  # a client-rendered page: its reviews only in its scripts' data (reviews_state)
                blobs = script_data(root)
                reviews = state_reviews(blobs, url, now=now, lang=lang, region=region)
                aggregate = aggregate or (state_aggregate(blobs) if reviews else None)
            except Exception:
                reviews = []
        for r in reviews:
            r.pop("_method", None)
            r.pop("_bare", None)
            r.pop("_markup_body", None)
            lang_text = r.pop("_lang_text", None)
            if lang_text is not None and r.get("language") is None:
                r["language"] = detect_language(lang_text, lang)
            if not r.get("product") and product:
                r["product"] = product
        result["reviews"] = [{k: r.get(k) for k in REVIEW_FIELDS} for r in reviews if r.get("body") or r.get("title")]
        if root is not None:
            try:
                sel_agg = _selector_aggregate(root, selectors)
                aggregate = (sel_agg or aggregate or hreview_aggregate(root) or _layout_aggregate(root, blocks, leftovers)
                             or _text_aggregate(root, blocks, leftovers))
            except Exception:
                pass
            try:
                result["next_url"] = find_next_url(root, url, selectors.get("next"))
            except Exception:
                result["next_url"] = None
    result["aggregate"] = unrated_placeholder(aggregate)
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
                if not blocks and any(r.get("published_at") is None or not r.get("body") for r in structured):
                    # the layout saw no review, and the markup gave one no date or no text (its
                    # reviewBody an empty marker before the text): read the elements the markup
                    # marks as reviews (the date, the text may only be printed)
                    blocks = _marked_reviews(root)
                kept = [b for b in blocks if not carousel_clone(b)]  # (clones stay blocks: not the page's score)
                common = boilerplate(kept) | kind_labels(kept)  # (and a card's label of its kind, "Reviews")
                readable = text_columns([with_definitions(b) for b in kept])  # (a text in the next column)
                layout = [read_block(b, url=url, now=now, lang=lang, region=region, boilerplate=common)
                          for b in readable]
                slot_authors(layout, readable)  # a lower-case name where the other cards carry theirs
                colon_names(layout, readable)  # "<strong>NAME:</strong> TEXT" opening each card
                phoned = phone_cards(readable)  # (places' cards, each with a phone number of its own: reviews_places)
                layout = [r for r, b in zip(layout, readable) if (r["rating"] is not None or not (  # (a reply: reviews_threads)
                    reply_byline(b) or threaded_reply(b, readable)))
                          and not item_teaser(r.get("body"), r.get("rating"), b)  # (an item's card: reviews_itemlists)
                          and not place_card(r, b) and id(b) not in phoned  # (a hotel's card: its address is its
                          and not (facts_card(b) and not r["published_at"])]  # only line, or it offers the hotel's
                # phone number to call: reviews_places; a card of a thing's name and facts: reviews_iconlines)
                # (the <dt>+<dd> wrappers join the blocks: alive while the page memo is, and left
                # out of the aggregate's search)
                blocks = blocks + [r for r, b in zip(readable, kept) if r is not b]
                for r in layout:
                    if r.get("title") and (r["title"].endswith(":") or section_heading(r["title"]) or write_review_line(r["title"])
                                           or price_only(r["title"]) or vehicle_variant(r["title"])):
                        r["title"] = None  # a field's label ("Special Features:"), the section's heading,
                        # the item's price or the vehicle reviewed ("Breeze (1.6 MMT 2008 г.)")
                    if priced_label(r.get("body")) or dated_work(r.get("body")) and not (r["author"] or r["published_at"]):
                        r["body"] = None  # a card's label and price ("Reviews £1,099.00"), a work and its year: no text
                titles = {r["title"] for r in layout}
                if len(layout) >= 3 and len(titles) == 1 and None not in titles:
                    for r in layout:  # the same line on every review is a label ("Fahrzeugkauf")
                        r["title"] = None
                # bare figures ("8.5", "4.0"): when any is above 5 the site scores out of 10
                # (and one above 10 out of 100: a critic's "100" beside users' "8")
                rescale_bares(layout)
                layout = drop_repeats(layout)  # a highlight above the list repeats one of it
            except Exception:
                layout = []
    return layout, leftovers, blocks, structured


def _marked_reviews(root) -> list:
    """The outermost elements microdata marks as a Review, in page order."""
    found = [el for el in root.iter() if isinstance(el.tag, str) and el.get("itemscope") is not None
             and re.search(r"schema\.org/(?:User|Critic|Employer)?Review$", el.get("itemtype") or "")]
    ids = {id(el) for el in found}
    return [el for el in found if not any(id(a) in ids for a in el.iterancestors())]


# -- parsing -----------------------------------------------------------------------------

def _parse(html: str):
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    if "<tr" in html:
        lift_stray_rows(root)  # (rows nested in the open cell before them: reviews_rows)
    if "star" in html:
        wrap_icon_runs(root, star_icon)  # (star icons loose among a card's title and text: reviews_iconrun)
    return root


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
    # (one without a text, the markup's reviewBody an empty marker: the same reviewer on the same day)
    same = [a.get(k) is not None and a.get(k) == b.get(k) for k in ("author", "published_at")]
    return 1 if all(same) else 0


def _norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


def _merge(structured: list[dict], layout: list[dict]) -> list[dict]:
    if not structured:
        return layout
    if not layout:
        return structured
    if not any(r.get("body") or r.get("title") for r in structured):
        return _textless_markup(structured, layout)
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
        for k in ("author", "rating", "title", "published_at", "verified", "helpful_votes", "body"):
            if sr.get(k) is None and lr.get(k) is not None:
                sr[k] = lr[k]
        if lr.get("_markup_body") and lr.get("body"):
            # the layout read the very element the markup names the text, leaving out its
            # labels and notices ("Comments:", G2's question and "Review collected by…")
            sr["body"] = lr["body"]
        elif lr.get("body") and sr.get("body") and len(lr["body"]) > len(sr["body"]) + 5 and \
                re.sub(r"\W", "", sr["body"].rstrip(".…")) in re.sub(r"\W", "", lr["body"]):
            sr["body"] = lr["body"]  # the markup held a truncated text
        elif spaced_twin(sr.get("body"), lr.get("body")):
            sr["body"] = lr["body"]  # the markup ran the printed lines together (reviews_gluedlines)
    # layout found more reviews than the markup lists: keep them only when the layout
    # agrees with the markup on the ones both saw (else it may be reading something else)
    if extra and used:
        out.extend(extra)
    elif extra and len(extra) > len(structured) and all(r.get("rating") is not None for r in extra):
        return layout
    return out


def _textless_markup(structured: list[dict], layout: list[dict]) -> list[dict]:
    """The markup marks its reviews with a score and no text (a magazine card's Review holds
    its author and rating; the teaser lies outside it): the layout's reviews, each taking the
    markup's fields when both list the same scores in the same order."""
    if len(structured) != len(layout) or [r.get("rating") for r in structured] != [r.get("rating") for r in layout]:
        return layout
    out = []
    for sr, lr in zip(structured, layout):
        r = dict(lr)
        for k in ("author", "published_at", "site_id"):
            if sr.get(k) is not None:
                r[k] = sr[k]
        out.append(r)
    return out


# -- selectors -----------------------------------------------------------------------------

def _select(el, css: str) -> list:
    try:
        return el.cssselect(css)
    except Exception:
        return []


def _from_selectors(root, sel: dict, url: str, *, now, lang, region) -> list[dict]:
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


# -- next page ------------------------------------------------------------------------------

_NEXT_TEXT = re.compile(r"^(?:next|next page|next reviews|more reviews|older reviews|older|›|»|>|→|⟩|"
                        r"next ›|next »|next >|next →|weiter|weiter ›|weiter »|nächste(?: seite)?|nächste ›|"
                        r"suivant|suivante|page suivante|suivant ›|siguiente|página siguiente|siguiente ›|"
                        r"volgende|volgende pagina|volgende ›|successiva|successivo|avanti|próxima|próximo|"
                        r"next\s*page\s*›?|›\s*next)$", re.I)
_PAGE_PARAMS = ("page", "p", "pg", "pagina", "seite", "paged", "pagenumber", "page_number", "pageNumber",
                "currentPage", "reviewpage", "reviewPage", "pageIndex")


def _same_site(a: str, b: str) -> bool:
    """Whether two hosts are subdomains of one site ("reviews.example.com" and
    "www.example.com": a review list served from its own host): the last two labels, or three
    when the second is a country's registry level ("shop.example.co.uk")."""
    def site(host: str) -> str:
        labels = host.lower().split(":")[0].split(".")
        n = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "net", "ac", "gov", "ne", "or") else 2
        return ".".join(labels[-n:]) if len(labels) >= n else ""
    return bool(site(a)) and site(a) == site(b)


def _usable_href(a, base: str) -> str | None:
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    if "/" not in href and "?" not in href and href[:3].lower() == "%2f":
        href = unquote(href)  # a whole path percent-encoded for a script ("%2Fproduct%2F…%3Fpage%3D2", ASDA)
    cls = (a.get("class") or "").lower()
    if a.get("aria-disabled") == "true" or "disabled" in cls.split() or a.get("disabled") is not None:
        return None
    full = urljoin(base, href)
    if urlsplit(full).netloc != urlsplit(base).netloc and not _same_site(urlsplit(full).netloc, urlsplit(base).netloc):
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
        if not cls.strip() and tag(a.getparent()) == "li":  # <li class="next next_page"><a><i class="icon">
            cls = a.getparent().get("class") or ""
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
