"""Store: idempotent saves, runs, migrations on an existing database."""
import sqlite3
from decimal import Decimal

from rivalscope.config import parse_config
from rivalscope.money import monthly_equivalent
from rivalscope.store import (
    finish_run,
    mark_stale_runs_failed,
    open_db,
    save_competitors,
    save_messaging_snapshot,
    save_page,
    save_page_aggregate,
    save_price_observations,
    save_reviews,
    start_run,
)

CFG = parse_config("""
competitors:
  - {name: Acme Analytics, self: true, website: https://acme.example}
  - {name: Globex, website: https://globex.example}
exchange_rates:
  - {currency: EUR, rate: "1.10", date: 2026-01-01}
  - {currency: EUR, rate: "1.20", date: 2026-06-01}
""")

OFFERS = [
    {"plan": "Team", "amount": "49.00", "currency": "EUR", "period": "month", "unit": "seat",
     "billing": "monthly", "features": ["SSO"], "method": "json-ld", "confidence": 0.95},
    {"plan": "Team", "amount": "490.00", "currency": "EUR", "period": "year", "unit": "seat",
     "billing": "annual", "method": "json-ld", "confidence": 0.95},
    {"plan": "Enterprise", "amount": None, "currency": None, "period": "unknown",
     "is_contact_sales": True, "method": "layout", "confidence": 0.7},
]
SNAPSHOT = {"title": "Acme", "headline": "Analytics  for teams", "subheadline": "Ship faster",
            "ctas": [{"text": "Start free", "href": "https://acme.example/signup", "primary": True}],
            "og": {"title": "Acme", "description": "d", "image": None}, "value_props": ["Fast"],
            "main_text": "Analytics for teams. Ship faster.", "language": "en"}
REVIEWS = [
    {"site_id": "r1", "author": "Jane Doe", "rating": 4.0, "title": "Good",
     "body": "Great tool, mail me at jane@example.com or +1 (555) 123-4567", "published_at": "2026-03-01"},
    {"author": "Bob", "rating": 2.0, "title": "Meh", "body": "Support is slow.", "published_at": "2026-03-02"},
]


def table_rows(db, table):
    return sorted(tuple(r.values()) for r in db[table].rows)


def save_everything(db, run):
    page = save_page(db, run=run, competitor="globex", kind="pricing", url="https://globex.example/pricing",
                     status="ok", http_status=200, body=b"<html>", items=3)
    save_price_observations(db, run=run, page=page, competitor="globex", offers=OFFERS,
                            base_currency="USD", rates=CFG.exchange_rates, observed_at="2026-07-01T00:00:00Z")
    save_messaging_snapshot(db, run=run, page=page, competitor="globex", url="https://globex.example/",
                            snapshot=SNAPSHOT, observed_at="2026-07-01T00:00:00Z")
    save_reviews(db, run=run, page=page, competitor="globex", source="globex.example", reviews=REVIEWS,
                 salt="s", observed_at="2026-07-01T00:00:00Z")
    save_page_aggregate(db, run=run, page=page, competitor="globex", rating=4.2, review_count=120)
    return page


def test_every_save_twice_leaves_the_same_rows(db):
    save_competitors(db, CFG.competitors)
    run = start_run(db)
    save_everything(db, run)
    tables = ["competitors", "pages", "price_observations", "messaging_snapshots", "reviews",
              "page_aggregates", "review_edits"]
    first = {t: table_rows(db, t) for t in tables}
    save_competitors(db, CFG.competitors)
    save_everything(db, run)
    second = {t: table_rows(db, t) for t in tables}
    for t in tables:
        if t == "competitors":  # updated_at moves; ids and names stay
            assert [r[:4] for r in first[t]] == [r[:4] for r in second[t]]
        else:
            assert first[t] == second[t], t
    assert db["competitors"].count == 2
    assert db["price_observations"].count == 3
    assert db["messaging_snapshots"].count == 1
    assert db["reviews"].count == 2
    acme = db["competitors"].get("acme-analytics")
    assert acme["is_self"] == 1 and acme["name"] == "Acme Analytics"


def test_second_run_adds_observations_not_duplicates(db):
    save_competitors(db, CFG.competitors)
    r1, r2 = start_run(db), start_run(db)
    save_everything(db, r1)
    save_everything(db, r2)
    assert db["pages"].count == 2
    assert db["price_observations"].count == 6  # history: one set per run
    assert db["messaging_snapshots"].count == 1  # unchanged page: same version
    snap = next(db["messaging_snapshots"].rows)
    assert (snap["first_seen_run"], snap["last_seen_run"]) == (r1, r2)
    assert db["reviews"].count == 2


def test_money_is_exact_and_normalised(db):
    save_competitors(db, CFG.competitors)
    run = start_run(db)
    save_everything(db, run)
    rows = {(r["plan"], r["period"]): r for r in db["price_observations"].rows}
    team_m, team_y = rows[("Team", "month")], rows[("Team", "year")]
    assert team_m["amount"] == "49.00" and team_m["currency"] == "EUR" and team_m["unit"] == "seat"
    assert team_m["monthly_amount"] == "58.80"  # 49 EUR * 1.20 (rate dated 2026-06-01)
    assert team_y["monthly_amount"] == "49.00"  # 490 * 1.20 / 12
    assert rows[("Enterprise", "unknown")]["is_contact_sales"] == 1
    assert rows[("Enterprise", "unknown")]["monthly_amount"] is None
    assert monthly_equivalent("10", "month", "EUR", "USD", CFG.exchange_rates, "2026-02-01") == "11.00"
    assert monthly_equivalent("10", "month", "GBP", "USD", CFG.exchange_rates) is None
    assert monthly_equivalent(Decimal("120"), "year", "USD", "USD") == "10.00"


def test_reviews_private_data_masked_and_edits_recorded(db):
    save_competitors(db, CFG.competitors)
    run = start_run(db)
    save_everything(db, run)
    r = db["reviews"].get(next(x["id"] for x in db["reviews"].rows if x["site_id"] == "r1"))
    assert "jane@example.com" not in r["body"] and "[email]" in r["body"]
    assert "555" not in r["body"] and "[phone]" in r["body"]
    assert r["author"] is None and len(r["author_hash"]) == 24
    edited = [dict(REVIEWS[0], body="Changed my mind: it is slow.", rating=2.0)]
    counts = save_reviews(db, run=run, page=None, competitor="globex", source="globex.example",
                          reviews=edited, salt="s")
    assert counts == {"new": 0, "updated": 1, "unchanged": 0}
    assert db["reviews"].count == 2
    edit = next(db["review_edits"].rows)
    assert edit["before_rating"] == 4.0 and edit["after_rating"] == 2.0
    assert db["reviews"].get(r["id"])["body"] == "Changed my mind: it is slow."


def test_runs_and_stale_runs(db):
    run = start_run(db, "crawl", only=["pricing"])
    assert db["crawl_runs"].get(run)["status"] == "running"
    finish_run(db, run, "partial", stats={"pages": 3}, errors=[{"url": "u", "error": "e"}])
    row = db["crawl_runs"].get(run)
    assert row["status"] == "partial" and row["stats"] == '{"pages": 3}' and row["only"] == "pricing"
    stale = start_run(db)
    db["crawl_runs"].update(stale, {"pid": 2 ** 22 + 12345})  # a pid that is not running
    assert mark_stale_runs_failed(db) == 1
    assert db["crawl_runs"].get(stale)["status"] == "failed"


def test_migrations_apply_to_an_existing_database_without_loss(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    save_competitors(db, CFG.competitors)
    run = start_run(db)
    save_everything(db, run)
    counts = {t: db[t].count for t in ("competitors", "pages", "price_observations", "reviews")}
    # Forget the record of the last migration, as if the database predates it.
    db.execute("delete from _sqlite_migrations where name = '0002_reviews_fts'")
    db.execute("drop table if exists reviews_fts")
    for t in ("reviews", "messaging_snapshots"):
        for trig in db.execute(f"select name from sqlite_master where type='trigger' and tbl_name='{t}'").fetchall():
            db.execute(f"drop trigger {trig[0]}")
    db.execute("drop table if exists messaging_snapshots_fts")
    db.close()
    db = open_db(path)  # applies the pending migration
    assert {t: db[t].count for t in counts} == counts
    assert [r["id"] for r in db["reviews"].search("slow")]  # FTS rebuilt over the old rows
    names = [r[0] for r in db.execute("select name from _sqlite_migrations where migration_set='rivalscope'")]
    assert "0002_reviews_fts" in names and len(names) == len(set(names))
    db.close()
    sqlite3.connect(path).execute("pragma integrity_check").fetchone()


def test_new_databases_get_large_pages_and_old_ones_keep_theirs(tmp_path):
    from rivalscope.store.db import PAGE_SIZE

    new = open_db(tmp_path / "new.db")
    assert new.execute("pragma page_size").fetchone()[0] == PAGE_SIZE == 16384
    new.close()
    old_path = tmp_path / "old.db"
    conn = sqlite3.connect(old_path)  # a database made before (SQLite's 4 KiB pages)
    conn.execute("pragma journal_mode=wal")
    conn.execute("create table note (x)")
    conn.commit()
    conn.close()
    old = open_db(old_path)  # migrated, written to, and still 4 KiB
    assert old.execute("pragma page_size").fetchone()[0] == 4096
    save_competitors(old, [{"name": "Acme"}])
    assert [r["id"] for r in old["competitors"].rows] == ["acme"]
    old.close()
