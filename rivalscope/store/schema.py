"""Core schema as named migrations (one set per package: nlp and benchmarks keep their own).

Never edit an applied migration; add a new one. Every fact row links to its page and run.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("rivalscope")


@migrations(name="0001_core_tables")
def _core(db: Database) -> None:
    db["competitors"].create(
        {
            "id": str,  # slug of the name
            "name": str,
            "is_self": int,
            "website": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
    )
    db["crawl_runs"].create(
        {
            "id": int,
            "kind": str,  # crawl | run | demo
            "status": str,  # running | succeeded | partial | failed
            "started_at": str,
            "finished_at": str,
            "only": str,  # which page kinds were asked for
            "competitor_filter": str,
            "pid": int,
            "stats": str,  # JSON
            "errors": str,  # JSON list of {url, error} samples
        },
        pk="id",
    )
    db["pages"].create(
        {
            "id": str,  # stable hash of run, kind, url
            "run": int,
            "competitor": str,
            "kind": str,  # pricing | messaging | reviews
            "url": str,
            "final_url": str,
            "http_status": int,
            "status": str,  # see rivalscope.store.PAGE_STATUSES
            "rendered": int,
            "content_type": str,
            "content_hash": str,
            "bytes": int,
            "items": int,
            "error": str,
            "fetched_at": str,
        },
        pk="id",
        foreign_keys=[("run", "crawl_runs", "id"), ("competitor", "competitors", "id")],
    )
    db["pages"].create_index(["competitor", "kind", "url"])
    db["pages"].create_index(["run"])

    db["price_observations"].create(
        {
            "id": str,
            "run": int,
            "page": str,
            "competitor": str,
            "plan": str,
            "amount": str,  # exact decimal as text, None for contact-sales tiers
            "currency": str,
            "period": str,  # month | year | one_time | unknown
            "unit": str,  # seat, user, 1k events ... or None (flat price)
            "billing": str,  # monthly | annual | None: toggle state the page was in
            "regular_amount": str,  # strike-through / list price when on sale
            "monthly_amount": str,  # monthly equivalent in base currency, exact decimal text
            "base_currency": str,
            "is_contact_sales": int,
            "is_free": int,
            "availability": str,
            "sku": str,
            "features": str,  # JSON list
            "billing_note": str,
            "method": str,  # json-ld | microdata | rdfa | opengraph | layout | selector
            "confidence": float,
            "observed_at": str,
        },
        pk="id",
        foreign_keys=[
            ("run", "crawl_runs", "id"),
            ("page", "pages", "id"),
            ("competitor", "competitors", "id"),
        ],
    )
    db["price_observations"].create_index(["competitor", "plan", "observed_at"])
    db["price_observations"].create_index(["run"])

    db["messaging_snapshots"].create(
        {
            "id": str,  # hash of competitor, url, text_hash: one row per distinct version
            "competitor": str,
            "url": str,
            "page": str,  # page where this version was first seen
            "title": str,
            "headline": str,
            "subheadline": str,
            "ctas": str,  # JSON [{text, href, primary}]
            "meta_description": str,
            "og_title": str,
            "og_description": str,
            "og_image": str,
            "twitter_title": str,
            "twitter_description": str,
            "twitter_image": str,
            "value_props": str,  # JSON list
            "social_proof": str,  # JSON list
            "pricing_mentions": str,  # JSON list
            "main_text": str,
            "language": str,
            "text_hash": str,
            "first_seen_run": int,
            "last_seen_run": int,
            "first_seen_at": str,
            "last_seen_at": str,
        },
        pk="id",
        foreign_keys=[
            ("competitor", "competitors", "id"),
            ("page", "pages", "id"),
            ("first_seen_run", "crawl_runs", "id"),
            ("last_seen_run", "crawl_runs", "id"),
        ],
    )
    db["messaging_snapshots"].create_index(["competitor", "url", "last_seen_at"])

    db["changes"].create(
        {
            "id": str,
            "kind": str,  # price_change | plan_added | plan_removed | contact_sales_change | messaging_change
            "competitor": str,
            "page": str,
            "subject": str,  # plan name or page URL
            "field": str,
            "before": str,
            "after": str,
            "change_pct": str,
            "run": int,
            "previous_run": int,
            "detected_at": str,
            "details": str,  # JSON
        },
        pk="id",
        foreign_keys=[
            ("competitor", "competitors", "id"),
            ("page", "pages", "id"),
            ("run", "crawl_runs", "id"),
        ],
    )
    db["changes"].create_index(["competitor", "detected_at"])
    db["changes"].create_index(["kind"])

    db["reviews"].create(
        {
            "id": str,  # stable: site id when present, else hash of competitor/source/author/date/text
            "competitor": str,
            "source": str,
            "source_type": str,  # public | first_party
            "url": str,
            "page": str,
            "run": int,  # run that first saw it
            "site_id": str,
            "author_hash": str,
            "author": str,  # only when privacy.store_author_names is true
            "rating": float,  # normalised to 0-5
            "title": str,
            "body": str,
            "language": str,
            "published_at": str,
            "verified": int,
            "helpful_votes": int,
            "product": str,
            "content_hash": str,
            "first_seen_at": str,
            "last_seen_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[
            ("competitor", "competitors", "id"),
            ("page", "pages", "id"),
            ("run", "crawl_runs", "id"),
        ],
    )
    db["reviews"].create_index(["competitor", "published_at"])
    db["review_edits"].create(
        {
            "id": str,
            "review": str,
            "run": int,
            "before_title": str,
            "before_body": str,
            "before_rating": float,
            "after_title": str,
            "after_body": str,
            "after_rating": float,
            "edited_at": str,
        },
        pk="id",
        foreign_keys=[("review", "reviews", "id")],
    )
    db["page_aggregates"].create(
        {
            "id": str,
            "page": str,
            "competitor": str,
            "run": int,
            "rating": float,
            "review_count": int,
            "observed_at": str,
        },
        pk="id",
        foreign_keys=[("page", "pages", "id"), ("competitor", "competitors", "id")],
    )


@migrations(name="0002_reviews_fts")
def _reviews_fts(db: Database) -> None:
    db["reviews"].enable_fts(["title", "body"], create_triggers=True, tokenize="porter")
    db["messaging_snapshots"].enable_fts(
        ["title", "headline", "subheadline", "main_text"], create_triggers=True, tokenize="porter"
    )


@migrations(name="0201_messaging_change_snapshots")
def _messaging_change_snapshots(db: Database) -> None:
    # Messaging changes link both versions of the page (Datasette follows the foreign keys).
    db["changes"].add_column("before_snapshot", str, fk="messaging_snapshots", fk_col="id")
    db["changes"].add_column("after_snapshot", str, fk="messaging_snapshots", fk_col="id")


@migrations(name="0202_messaging_changes_view")
def _messaging_changes_view(db: Database) -> None:
    # The view exists from the start, so Datasette can list it before the first change.
    from .messaging_changes import ensure_messaging_views

    ensure_messaging_views(db)


@migrations(name="0401_alerts_sent")
def _alerts_sent(db: Database) -> None:
    # One row per (rule, event) ever notified: the same change never alerts twice.
    db["alerts_sent"].create(
        {
            "id": str,  # hash of the rule's fingerprint and the event key
            "rule": str,  # e.g. "price_change#0" (position in the config's alerts list)
            "event": str,  # changes.id, crawl_runs.id or competitor/theme/window key
            "run": int,  # the run that sent it
            "sent_at": str,
            "ok": int,  # 1 delivered to every notifier, 0 some notifier failed
            "summary": str,
        },
        pk="id",
    )
    db["alerts_sent"].create_index(["rule"])


@migrations(name="0402_reviews_author_index")
def _reviews_author_index(db: Database) -> None:
    # save_reviews matches a review without a site id by author and date: without this index
    # each batch scanned all of the competitor's reviews (quadratic over a large import).
    db["reviews"].create_index(["competitor", "author_hash"], if_not_exists=True)
