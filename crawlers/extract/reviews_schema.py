"""schema.org Review / AggregateRating from JSON-LD, microdata and RDFa.

JSON-LD is parsed here (tolerantly: comments, trailing commas, several objects per
script); microdata and RDFa come from extruct. Every syntax is turned into plain nested
dicts with short property names, then walked for Review nodes (also nested in Product,
Organization, LocalBusiness, SoftwareApplication, @graph, or referenced by @id).
"""
from __future__ import annotations

import json
import re

from .reviews_body import QUOTES
from .reviews_dates import parse_date
from .reviews_normalize import clean_text, scale_rating, to_number

REVIEW_TYPES = {"review", "userreview", "criticreview", "employerreview", "recommendation",
                "clip review"}
SCHEMA_PREFIX = re.compile(r"^https?://(?:www\.)?schema\.org/")


def _types(node: dict) -> set[str]:
    t = node.get("@type") or node.get("type") or []
    if isinstance(t, str):
        t = [t]
    out = set()
    for x in t:
        if isinstance(x, str):
            out.add(SCHEMA_PREFIX.sub("", x).split("/")[-1].split("#")[-1].lower())
    return out


# -- JSON-LD ---------------------------------------------------------------------------

_LD_SCRIPT = re.compile(r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script>",
                        re.I | re.S)


_BARE_WORD = re.compile(r"[A-Za-z_$][\w$.]*")


def _repaired(text: str) -> str:
    """Text that is almost JSON made JSON: the members of an object written without its braces
    ('"@context": "…", "@type": "Review", …') are wrapped in them, and a bare word given as a
    value ('"@type": Product') is quoted; strings are left as they are."""
    out, i, n, last = [], 0, len(text), ""
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i, last = j + 1, '"'
            continue
        m = _BARE_WORD.match(text, i) if last == ":" else None
        if m:
            word = m.group(0)
            out.append(word if word in ("true", "false", "null") else '"' + word + '"')
            i, last = m.end(), '"'
            continue
        out.append(c)
        if not c.isspace():
            last = c
        i += 1
    fixed = "".join(out).strip()
    if re.match(r'"[^"]+"\s*:', fixed):
        fixed = "{" + fixed.rstrip(",; \t\r\n") + "}"
    return fixed


def _loads_lenient(text: str) -> list:
    text = text.strip()
    text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text)
    text = re.sub(r"^\s*<!--|-->\s*$", "", text).strip()
    if not text:
        return []
    out = _loads_candidates(text)
    if not any(isinstance(o, (dict, list)) for o in out):
        out = _loads_candidates(_repaired(text))
    return out


def _loads_candidates(text: str) -> list:
    for candidate in (text, re.sub(r",\s*([}\]])", r"\1", text)):
        out, pos, dec = [], 0, json.JSONDecoder(strict=False)
        try:
            while pos < len(candidate):
                while pos < len(candidate) and candidate[pos] in " \t\r\n;,":
                    pos += 1
                if pos >= len(candidate):
                    break
                obj, pos = dec.raw_decode(candidate, pos)
                out.append(obj)
            return out
        except (ValueError, RecursionError):
            if out:
                return out
            continue
    return []


def jsonld_documents(html: str) -> list:
    docs = []
    for m in _LD_SCRIPT.finditer(html or ""):
        docs.extend(_loads_lenient(m.group(1)))
    return docs


# -- RDFa (expanded JSON-LD from extruct) → compact dicts -------------------------------

def _compact_rdfa(nodes: list) -> list:
    by_id = {n.get("@id"): n for n in nodes if isinstance(n, dict) and n.get("@id")}
    referenced = set()
    for n in nodes:
        for k, vals in n.items():
            if k.startswith("@") or not isinstance(vals, list):
                continue
            for v in vals:
                if isinstance(v, dict) and "@id" in v and v["@id"] in by_id and v["@id"] != n.get("@id"):
                    referenced.add(v["@id"])

    def convert(n: dict, depth: int, seen: frozenset) -> dict:
        out = {"@type": [SCHEMA_PREFIX.sub("", t) for t in n.get("@type", [])]}
        if n.get("@id") and not str(n["@id"]).startswith("_:"):
            out["@id"] = n["@id"]
        for k, vals in n.items():
            if k.startswith("@") or not SCHEMA_PREFIX.match(k):
                continue
            key = SCHEMA_PREFIX.sub("", k)
            conv = []
            for v in vals if isinstance(vals, list) else [vals]:
                if isinstance(v, dict) and "@value" in v:
                    conv.append(v["@value"])
                elif isinstance(v, dict) and "@id" in v:
                    ref = by_id.get(v["@id"])
                    if ref is not None and depth < 8 and v["@id"] not in seen:
                        conv.append(convert(ref, depth + 1, seen | {v["@id"]}))
                    else:
                        conv.append(v["@id"])
            out[key] = conv[0] if len(conv) == 1 else conv
        return out

    roots = [n for n in nodes if isinstance(n, dict) and n.get("@type") and n.get("@id") not in referenced]
    return [convert(n, 0, frozenset([n.get("@id")])) for n in roots]


def structured_documents(html: str, url: str) -> list[tuple[str, object]]:
    """[(syntax, document)] for json-ld, microdata and rdfa; never raises."""
    out: list[tuple[str, object]] = [("json-ld", d) for d in jsonld_documents(html)]
    lowered = (html or "").lower()
    syntaxes = []
    if "itemscope" in lowered or "itemprop" in lowered:
        syntaxes.append("microdata")
    if "typeof=" in lowered or "property=" in lowered and "vocab=" in lowered:
        syntaxes.append("rdfa")
    if syntaxes:
        try:
            import extruct

            data = extruct.extract(html, base_url=url, syntaxes=syntaxes, uniform=True, errors="ignore")
        except Exception:
            data = {}
        for d in data.get("microdata") or []:
            out.append(("microdata", d))
        try:
            rdfa = _compact_rdfa(data.get("rdfa") or [])
        except Exception:
            rdfa = []
        for d in rdfa:
            out.append(("rdfa", d))
    return out


# -- walking ---------------------------------------------------------------------------

def _first(v):
    if isinstance(v, list):
        return v[0] if v else None
    return v


def _text(v) -> str | None:
    v = _first(v)
    if isinstance(v, dict):
        v = v.get("name") or v.get("@value") or v.get("text")
        v = _first(v)
    if v is None or isinstance(v, (dict, list)):
        return None
    return clean_text(str(v))


def _rating(v) -> float | None:
    v = _first(v)
    if isinstance(v, dict):
        value = to_number(v.get("ratingValue"))
        best = to_number(v.get("bestRating"))
        worst = to_number(v.get("worstRating"))
        return scale_rating(value, best, worst)
    return scale_rating(to_number(v))


def _index_ids(node, ids: dict, depth: int = 0) -> None:
    if depth > 30:
        return
    if isinstance(node, dict):
        if isinstance(node.get("@id"), str) and len(node) > 1:
            ids.setdefault(node["@id"], node)
        for v in node.values():
            _index_ids(v, ids, depth + 1)
    elif isinstance(node, list):
        for v in node:
            _index_ids(v, ids, depth + 1)


def extract_structured(html: str, url: str, *, now=None, page_lang: str | None = None,
                       region: str | None = None) -> tuple[list[dict], dict | None, str | None]:
    """(reviews, aggregate, item) from schema.org markup; item is the reviewed thing's name."""
    reviews: list[dict] = []
    aggregates: list[tuple[int, dict]] = []
    seen: set[int] = set()
    items: list[tuple[int, str]] = []
    method_of_first = None
    for syntax, doc in structured_documents(html, url):
        ids: dict = {}
        _index_ids(doc, ids)

        def walk(node, product, depth):
            nonlocal method_of_first
            if depth > 30:
                return
            if isinstance(node, list):
                for v in node:
                    walk(v, product, depth + 1)
                return
            if not isinstance(node, dict):
                return
            if set(node) == {"@id"} and node["@id"] in ids:
                node = ids[node["@id"]]
            if id(node) in seen:
                return
            seen.add(id(node))
            types = _types(node)
            if types & REVIEW_TYPES and (node.get("reviewBody") or node.get("reviewRating")
                                        or node.get("description") or node.get("author")):
                r = _review(node, product, url, now=now, page_lang=page_lang, region=region)
                if r is not None:
                    r["_method"] = syntax
                    reviews.append(r)
                    method_of_first = method_of_first or syntax
                return
            if "aggregaterating" in types:
                agg = _aggregate(node)
                if agg:
                    aggregates.append((depth, agg))
                return
            name = _text(node.get("name")) if types else None
            if name and (node.get("aggregateRating") is not None or node.get("review") is not None):
                items.append((depth, name))
            if node.get("aggregateRating") is not None:
                agg = _aggregate(_first(node.get("aggregateRating")))
                if agg:
                    aggregates.append((depth, agg))
                    seen.add(id(_first(node.get("aggregateRating"))))
            for k, v in node.items():
                if k in ("@context", "aggregateRating"):
                    continue
                walk(v, name if (types and name and k in ("review", "reviews", "@graph")) else product,
                     depth + 1)

        walk(doc, None, 0)
    aggregate = min(aggregates, key=lambda x: x[0])[1] if aggregates else None
    item = min(items, key=lambda x: x[0])[1] if items else None
    return _dedupe(reviews), aggregate, item


def _aggregate(node) -> dict | None:
    if not isinstance(node, dict):
        return None
    value, worst = to_number(node.get("ratingValue")), to_number(node.get("worstRating"))
    if value is not None and worst is not None and value < worst:
        return None  # a value below its own worstRating ("0.0" where 1 is the least) is a placeholder
    rating = scale_rating(value, to_number(node.get("bestRating")), worst)
    count = to_number(node.get("reviewCount"))
    if count is None:
        count = to_number(node.get("ratingCount"))
    if rating is None and count is None:
        return None
    return {"rating": rating, "count": None if count is None else int(count)}


def _review(node: dict, product: str | None, url: str, *, now, page_lang, region) -> dict | None:
    from .reviews_authors import anonymous
    from .reviews_normalize import detect_language

    body = _text(node.get("reviewBody")) or _text(node.get("description")) or _text(node.get("text"))
    title = _text(node.get("name")) or _text(node.get("headline"))
    if title and re.fullmatch(r"(?:https?:)?//\S+", title):
        title = None  # microdata reads a link's href: itemprop="name" on the title's <a> gives its address
    if title and len(title) >= 2 and title[0] in QUOTES and title[-1] in QUOTES:
        title = title[1:-1].strip() or None  # a title shown in quotes (G2's microdata name: "Great tool")
    if title and body and title == body:
        title = None
    if body and len(body) >= 2 and body[0] in QUOTES and body[-1] in QUOTES and body[0] not in body[1:-1]:
        body = body[1:-1].strip() or body  # a text shown in quotes, as the layout reads it (strip_leftovers)
    author = _text(node.get("author")) or _text(node.get("creator"))
    if author and anonymous(author):
        author = None  # a stand-in for a reviewer who gave no name ("Anonymous", "Anonym"), as the layout reads it
    date_raw = _first(node.get("datePublished")) or _first(node.get("dateCreated")) or _first(node.get("dateModified"))
    item = _first(node.get("itemReviewed"))
    if isinstance(item, dict):
        product = _text(item.get("name")) or product
    site_id = _text(node.get("identifier"))
    rid = node.get("@id")
    if not site_id and isinstance(rid, str) and not rid.startswith("_:") and rid.rstrip("/") != url.rstrip("/"):
        site_id = rid
    lang = _text(node.get("inLanguage"))
    votes = to_number(_first(node.get("upvoteCount")) or _first(node.get("helpfulCount")))
    review = {
        "site_id": site_id,
        "author": author,
        "rating": _rating(node.get("reviewRating")),
        "title": title,
        "body": body,
        "published_at": parse_date(str(date_raw), now=now, lang=page_lang, region=region) if date_raw else None,
        "language": (lang.split("-")[0].lower() if lang else detect_language(body, page_lang)),
        "verified": None,
        "helpful_votes": None if votes is None else int(votes),
        "product": product,
        "url": _text(node.get("url")) or url,
    }
    if not (review["body"] or review["title"] or review["rating"] is not None):
        return None
    return review


def _dedupe(reviews: list[dict]) -> list[dict]:
    out, keys = [], set()
    for r in reviews:
        key = (r.get("site_id") or "", (r.get("author") or "").lower(), (r.get("body") or "")[:200].lower(),
               r.get("rating"))
        if key in keys:
            continue
        keys.add(key)
        out.append(r)
    return out
