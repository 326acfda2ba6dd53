"""save_* functions: idempotent writes of crawled items.

Item shapes (the contract with crawlers/extract) are documented on each function.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Iterable

from sqlite_utils import Database

from ..money import monthly_equivalent
from .db import now_iso, stable_id, transaction

# Status of a fetched page. "ok": fetched and items extracted; the others say why not.
PAGE_STATUSES = {
    "ok": "fetched and at least one item extracted",
    "empty": "fetched, but nothing could be extracted",
    "not_found": "HTTP 404 or 410",
    "http_error": "another HTTP error status",
    "blocked": "captcha, bot wall or 401/403/429 after retries",
    "not_html": "the response is not HTML",
    "too_large": "the body exceeded crawl.max_page_bytes",
    "fetch_error": "DNS failure, timeout, connection reset or similar",
    "robots_forbidden": "robots.txt disallows the URL",
    "address_forbidden": "the URL resolves to a private, loopback or metadata address",
    "js_shell": "the page is a JavaScript shell with no content and rendering was off or failed",
    "consent_wall": "a cookie/consent wall hides the content",
    "login_required": "the page redirected to a login form",
    "redirect_loop": "too many redirects",
    "error": "extracting or storing the page raised an error (a bug: the message is in `error`)",
}


def _json(value) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=isinstance(value, dict))


def save_competitors(db: Database, competitors: Iterable) -> None:
    """Upsert config competitors (pydantic Competitor objects or dicts with name/self/website)."""
    now = now_iso()
    rows = []
    for c in competitors:
        get = c.get if isinstance(c, dict) else lambda k, d=None, c=c: getattr(c, k, d)
        from ..config import slugify

        name = get("name")
        rows.append({
            "id": slugify(name),
            "name": name,
            "is_self": int(bool(get("is_self", False) or get("self", False))),
            "website": get("website"),
            "updated_at": now,
        })
    with transaction(db):
        for row in rows:
            existing = db["competitors"].count_where("id = ?", [row["id"]])
            if existing:
                db["competitors"].update(row["id"], row)
            else:
                db["competitors"].insert({**row, "created_at": now})


def save_page(db: Database, *, run: int, competitor: str, kind: str, url: str,
              status: str, http_status: int | None = None, final_url: str | None = None,
              rendered: bool = False, content_type: str | None = None, body: bytes | None = None,
              items: int = 0, error: str | None = None, fetched_at: str | None = None) -> str:
    """Record one fetched (or refused) page; returns its id. Same run+kind+url → same row."""
    if status not in PAGE_STATUSES:
        raise ValueError(f"unknown page status {status!r}")
    page_id = stable_id(run, kind, url)
    row = {
        "id": page_id,
        "run": run,
        "competitor": competitor,
        "kind": kind,
        "url": url,
        "final_url": final_url or url,
        "http_status": http_status,
        "status": status,
        "rendered": int(bool(rendered)),
        "content_type": content_type,
        "content_hash": hashlib.sha256(body).hexdigest() if body is not None else None,
        "bytes": len(body) if body is not None else None,
        "items": items,
        "error": (error or None) and error[:2000],
        "fetched_at": fetched_at or now_iso(),
    }
    with transaction(db):
        _upsert_row(db, "pages", row)
    return page_id


def save_price_observations(db: Database, *, run: int, page: str, competitor: str,
                            offers: list[dict], base_currency: str = "USD", rates: Iterable = (),
                            observed_at: str | None = None) -> int:
    """Offers from crawlers.extract.pricing: {plan, amount (decimal text|None), currency,
    period, unit, billing, regular_amount, is_contact_sales, is_free, availability, sku,
    features[], billing_note, method, confidence}. Returns how many rows were written."""
    observed_at = observed_at or now_iso()
    rates = list(rates)
    rows = []
    for o in offers:
        plan = (o.get("plan") or "").strip() or "(unnamed)"
        rows.append({
            "id": stable_id(run, page, plan.lower(), o.get("period"), o.get("unit"), o.get("billing")),
            "run": run,
            "page": page,
            "competitor": competitor,
            "plan": plan,
            "amount": None if o.get("amount") is None else str(o["amount"]),
            "currency": o.get("currency"),
            "period": o.get("period") or "unknown",
            "unit": o.get("unit"),
            "billing": o.get("billing"),
            "regular_amount": None if o.get("regular_amount") is None else str(o["regular_amount"]),
            "monthly_amount": monthly_equivalent(o.get("amount"), o.get("period"), o.get("currency"),
                                                 base_currency, rates, observed_at),
            "base_currency": base_currency,
            "is_contact_sales": int(bool(o.get("is_contact_sales"))),
            "is_free": int(bool(o.get("is_free"))),
            "availability": o.get("availability"),
            "sku": o.get("sku"),
            "features": _json(o.get("features") or []),
            "billing_note": o.get("billing_note"),
            "method": o.get("method"),
            "confidence": o.get("confidence"),
            "observed_at": observed_at,
        })
    if rows:
        with transaction(db):
            db["price_observations"].upsert_all(rows, pk="id")
    return len(rows)


def normalise_text(text: str | None) -> str:
    """Unicode NFKC, collapsed whitespace: what a reader sees, not how it was typed."""
    if not text:
        return ""
    if not text.isascii():  # NFKC leaves ASCII as it is
        text = unicodedata.normalize("NFKC", text)
    return _WHITESPACE.sub(" ", text).strip()


_WHITESPACE = re.compile(r"\s+")


MESSAGING_FIELDS = ("title", "headline", "subheadline", "ctas", "meta_description", "og_title",
                    "og_description", "og_image", "twitter_title", "twitter_description",
                    "twitter_image", "value_props", "social_proof", "pricing_mentions", "main_text")


def flatten_snapshot(snapshot: dict) -> dict:
    """Messaging item → column dict (og/twitter sub-dicts become og_* / twitter_* columns)."""
    flat = {k: v for k, v in snapshot.items() if k not in ("og", "twitter")}
    for prefix in ("og", "twitter"):
        for k, v in (snapshot.get(prefix) or {}).items():
            flat[f"{prefix}_{k}"] = v
    return flat


def snapshot_text_hash(flat: dict) -> str:
    """Hash of what a reader would notice (messaging_changes.canonical_snapshot): versions that
    differ only in noise (whitespace, quotes, list order, tracking parameters…) share a row."""
    from .messaging_changes import canonical_snapshot

    canonical = canonical_snapshot(flat)
    return hashlib.sha256(json.dumps(canonical, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def save_messaging_snapshot(db: Database, *, run: int, page: str, competitor: str, url: str,
                            snapshot: dict, observed_at: str | None = None,
                            text_hash: str | None = None) -> tuple[str, dict | None, bool]:
    """Messaging item from crawlers.extract.messaging: {title, headline, subheadline,
    ctas[{text, href, primary}], meta_description, og{title, description, image},
    twitter{...}, value_props[], social_proof[], pricing_mentions[], main_text, language}.

    One row per distinct version of a page. Returns (snapshot id, the previous latest
    version's row or None, whether this version is new)."""
    observed_at = observed_at or now_iso()
    flat = flatten_snapshot(snapshot)
    text_hash = text_hash or snapshot_text_hash(flat)
    snap_id = stable_id(competitor, url, text_hash)
    previous = next(iter(db.query(
        "select * from messaging_snapshots where competitor = ? and url = ? "
        "order by last_seen_at desc, rowid desc limit 1", [competitor, url])), None)
    with transaction(db):
        if db["messaging_snapshots"].count_where("id = ?", [snap_id]):
            db["messaging_snapshots"].update(snap_id, {"last_seen_run": run, "last_seen_at": observed_at})
            is_new = False
        else:
            row = {"id": snap_id, "competitor": competitor, "url": url, "page": page,
                   "text_hash": text_hash, "first_seen_run": run, "last_seen_run": run,
                   "first_seen_at": observed_at, "last_seen_at": observed_at,
                   "language": flat.get("language")}
            for f in MESSAGING_FIELDS:
                v = flat.get(f)
                row[f] = _json(v) if isinstance(v, (list, dict)) else v
            db["messaging_snapshots"].insert(row)
            is_new = True
    if previous is not None and previous["id"] == snap_id:
        previous = None
    return snap_id, previous, is_new


def author_hash(author: str | None, salt: str) -> str | None:
    """Salted SHA-256 of a reviewer name (NFKC, whitespace collapsed, case-folded); None if no name."""
    name = normalise_text(author).casefold()
    if not name:
        return None
    return hashlib.sha256((salt + "\x1f" + name).encode()).hexdigest()[:24]


def review_identity(competitor: str, source: str, review: dict, *, masked_body: str | None = None) -> str:
    """Stable id: the site's review id when there is one, else a hash of competitor, source,
    author, date and the normalised text (as stored: e-mails/phones masked, case-folded).
    `masked_body`: the body already through mask_pii (saves masking it twice)."""
    from ..privacy import mask_pii

    site_id = normalise_text(str(review["site_id"])) if review.get("site_id") not in (None, "") else ""
    if site_id:
        return stable_id("review", competitor, source, "site", site_id)
    return stable_id("review", competitor, source, normalise_text(review.get("author")).casefold(),
                     (review.get("published_at") or "")[:10],
                     normalise_text((masked_body if masked_body is not None else mask_pii(review.get("body")))
                                    or review.get("title")).casefold())


def save_reviews(db: Database, *, run: int | None, page: str | None, competitor: str, source: str,
                 reviews: list[dict], source_type: str = "public", salt: str = "",
                 store_author_names: bool = False, observed_at: str | None = None) -> dict:
    """Reviews from crawlers.extract.reviews: {site_id, author, rating (0-5), title, body,
    published_at, language, verified, helpful_votes, product, url}. Text is
    masked here again (rivalscope.privacy) so no e-mail or phone number is stored; the
    author is kept only as a salted hash unless `store_author_names`.

    Identity: `review_identity`. A review seen again with another title, body or rating is
    updated and the edit recorded in `review_edits`; without a site id, a review by the same
    author on the same date from the same source counts as the same review (an edit, not a
    new one). Helpful votes and the verified flag are refreshed without counting as edits.
    One transaction for the batch. Returns {"new", "updated", "unchanged"}."""
    from ..privacy import mask_pii

    observed_at = observed_at or now_iso()
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    prepared = []
    for raw in reviews:
        r = {**raw, "title": mask_pii(raw.get("title")), "body": mask_pii(raw.get("body"))}
        rating = None if r.get("rating") is None else round(float(r["rating"]), 2)
        prepared.append((review_identity(competitor, source, raw, masked_body=r["body"]), raw, r, author_hash(raw.get("author"), salt),
                         stable_id(normalise_text(r.get("title")), normalise_text(r.get("body")), rating)))
    with transaction(db):
        # What is stored already, in two queries per batch instead of two per review.
        known = _rows_by_id(db, [p[0] for p in prepared])
        unsited = _unsited_by_author_date(db, competitor, source,
                                          [p[3] for p in prepared if not p[1].get("site_id") and p[3]])
        inserts, touched, edits = [], [], []
        for rid, raw, r, a_hash, content_hash in prepared:
            existing = known.get(rid)
            if existing is None and not raw.get("site_id") and a_hash and r.get("published_at"):
                existing = unsited.get((a_hash, r["published_at"]))
                if existing is not None:
                    rid = existing["id"]
            verified = None if r.get("verified") is None else int(bool(r["verified"]))
            if existing is None:
                row = {
                    "id": rid, "competitor": competitor, "source": source, "source_type": source_type,
                    "url": r.get("url"), "page": page, "run": run,
                    "site_id": None if r.get("site_id") in (None, "") else str(r["site_id"]),
                    "author_hash": a_hash,
                    "author": mask_pii(normalise_text(raw.get("author")) or None) if store_author_names else None,
                    "rating": r.get("rating"), "title": r.get("title"), "body": r.get("body"),
                    "language": r.get("language"), "published_at": r.get("published_at"),
                    "verified": verified, "helpful_votes": r.get("helpful_votes"), "product": r.get("product"),
                    "content_hash": content_hash, "first_seen_at": observed_at,
                    "last_seen_at": observed_at, "updated_at": None,
                }
                inserts.append(row)
                # later reviews of this batch see it as stored, as they would one call later
                known[rid] = row
                if not row["site_id"] and a_hash and row["published_at"]:
                    unsited.setdefault((a_hash, row["published_at"]), row)
                counts["new"] += 1
                continue
            refresh = {"last_seen_at": observed_at}
            for key, value in (("helpful_votes", r.get("helpful_votes")), ("verified", verified),
                               ("published_at", r.get("published_at")), ("language", r.get("language")),
                               ("product", r.get("product"))):
                if value is not None and existing[key] != value:
                    refresh[key] = value
            if existing["content_hash"] != content_hash:
                edits.append({
                    "id": stable_id(rid, existing["content_hash"], content_hash), "review": rid, "run": run,
                    "before_title": existing["title"], "before_body": existing["body"],
                    "before_rating": existing["rating"], "after_title": r.get("title"),
                    "after_body": r.get("body"), "after_rating": r.get("rating"), "edited_at": observed_at,
                })
                refresh.update({"title": r.get("title"), "body": r.get("body"), "rating": r.get("rating"),
                                "content_hash": content_hash, "updated_at": observed_at})
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
            existing.update(refresh)
            touched.append((rid, refresh))
        _insert_rows(db, "reviews", inserts)
        _update_rows(db, "reviews", touched)
        # after the inserts: an edit may be of a review first seen earlier in this batch
        for edit in edits:
            db["review_edits"].insert(edit, replace=True)
    return counts


_CHUNK = 500  # bound parameters per query stay far below SQLite's limit


def _rows_by_id(db: Database, ids: list[str]) -> dict[str, dict]:
    out = {}
    unique = list(dict.fromkeys(ids))
    for i in range(0, len(unique), _CHUNK):
        chunk = unique[i:i + _CHUNK]
        cur = db.execute(f"select * from reviews where id in ({','.join('?' * len(chunk))})", chunk)
        cols = [c[0] for c in cur.description]
        out.update((row[0], dict(zip(cols, row))) for row in cur.fetchall())
    return out


def _unsited_by_author_date(db: Database, competitor: str, source: str, hashes: list[str]) -> dict:
    """Stored reviews without a site id, by (author hash, published_at): the earliest seen."""
    out: dict = {}
    unique = list(dict.fromkeys(hashes))
    for i in range(0, len(unique), _CHUNK):
        chunk = unique[i:i + _CHUNK]
        cur = db.execute(
            "select * from reviews where competitor = ? and source = ? and (site_id is null or site_id = '') "
            f"and author_hash in ({','.join('?' * len(chunk))}) order by first_seen_at",
            [competitor, source, *chunk])
        cols = [c[0] for c in cur.description]
        for row in cur.fetchall():
            rec = dict(zip(cols, row))
            if rec["published_at"]:
                out.setdefault((rec["author_hash"], rec["published_at"]), rec)
    return out


def _upsert_row(db: Database, table: str, row: dict) -> None:
    """Insert `row`, or update every given column of the row with the same id: sqlite-utils'
    upsert does the same with two statements and schema look-ups on every call (four
    queries per crawled page)."""
    cols = list(row)
    db.conn.execute(
        f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))}) "
        f"on conflict(id) do update set {', '.join(f'[{c}] = excluded.[{c}]' for c in cols if c != 'id')}",
        [row[c] for c in cols])


def _insert_rows(db: Database, table: str, rows: list[dict]) -> None:
    """One executemany for rows that all have the same keys (sqlite-utils' insert costs
    more per row than SQLite does)."""
    if not rows:
        return
    cols = list(rows[0])
    db.conn.executemany(
        f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))})",
        [[row[c] for c in cols] for row in rows])


def _update_rows(db: Database, table: str, updates: list[tuple[str, dict]]) -> None:
    """Updates grouped by the set of columns they change, one executemany per group."""
    groups: dict[tuple, list] = {}
    for rid, values in updates:
        groups.setdefault(tuple(values), []).append([*values.values(), rid])
    for cols, params in groups.items():
        db.conn.executemany(f"update [{table}] set {', '.join(f'[{c}] = ?' for c in cols)} where id = ?", params)


def save_page_aggregate(db: Database, *, run: int, page: str, competitor: str,
                        rating: float | None, review_count: int | None,
                        observed_at: str | None = None) -> None:
    if rating is None and review_count is None:
        return
    with transaction(db):
        _upsert_row(db, "page_aggregates", {
            "id": stable_id(run, page), "page": page, "competitor": competitor, "run": run,
            "rating": rating, "review_count": review_count, "observed_at": observed_at or now_iso(),
        })
