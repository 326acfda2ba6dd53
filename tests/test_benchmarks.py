"""bench_* tables on a small seeded market, against hand-computed rows.

`seed_market(db)` is also used by the Datasette tests (test_datasette*.py).
"""
from __future__ import annotations

import sqlite3

import pytest

from benchmarks.build import BenchmarkError, build_benchmarks, load_definitions, table_sql
from benchmarks.functions import dec_index, dec_pct, dec_sub, median
from rivalscope.store import (finish_run, open_db, save_competitors, save_messaging_snapshot, save_page,
                              save_price_observations, save_reviews, start_run)

AS_OF = "2026-02-15T00:00:00Z"
XSS = "<script>alert('x')</script><b>bold</b>"


def _offer(plan, amount, period="month", **kw):
    return {"plan": plan, "amount": amount, "currency": "USD", "period": period, **kw}


def seed_market(db, *, with_nlp: bool = True) -> dict:
    """Acme (us) and four competitors, two crawls, changes, reviews and NLP rows."""
    save_competitors(db, [{"name": "Acme", "self": True, "website": "https://acme.example"},
                          {"name": "Globex"}, {"name": "Initech"}, {"name": "Umbrella"}, {"name": "Hooli"}])
    run1, run2 = start_run(db), start_run(db)
    finish_run(db, run1, "succeeded")
    finish_run(db, run2, "succeeded")

    def prices(run, comp, offers, when):
        page = save_page(db, run=run, competitor=comp, kind="pricing", url=f"https://{comp}.example/pricing",
                         status="ok", fetched_at=when)
        save_price_observations(db, run=run, page=page, competitor=comp, offers=offers, observed_at=when)
        return page

    t1, t2 = "2026-01-01T06:00:00Z", "2026-02-01T06:00:00Z"
    prices(run1, "globex", [_offer("Starter", "15.00"), _offer("Growth", "49.00")], t1)
    prices(run1, "initech", [_offer("Basic", "25.00"), _offer("Legacy", "10.00")], t1)
    prices(run2, "acme", [_offer("Free", "0", is_free=True), _offer("Pro", "30.00"),
                          _offer("Pro", "300.00", period="year", billing="annual"),
                          _offer("Business", "99.00"),
                          _offer("Enterprise", None, period="unknown", is_contact_sales=True)], t2)
    globex_page = prices(run2, "globex", [_offer("Starter", "19.00"), _offer("Growth", "49.00")], t2)
    prices(run2, "initech", [_offer("Basic", "25.00"), _offer("Plus", "60.00")], t2)
    prices(run2, "umbrella", [_offer("Solo", "240.00", period="year"), _offer("Team", "45.50")], t2)
    prices(run2, "hooli", [_offer("Solo", "22.15")], t2)

    db["changes"].insert_all([
        {"id": "ch-price", "kind": "price_change", "competitor": "globex", "page": globex_page,
         "subject": "Starter", "field": "monthly_amount", "before": "15.00", "after": "19.00",
         "change_pct": None, "run": run2, "previous_run": run1, "detected_at": "2026-02-01T06:00:00Z"},
        {"id": "ch-removed", "kind": "plan_removed", "competitor": "initech", "subject": "Legacy",
         "field": "plan", "before": "10.00", "after": None, "run": run2, "previous_run": run1,
         "detected_at": "2025-12-01T00:00:00Z"},
        {"id": "ch-msg", "kind": "messaging_change", "competitor": "globex", "subject": "https://globex.example/",
         "field": "headline", "before": XSS, "after": "New headline", "run": run2,
         "detected_at": "2026-01-20T10:00:00Z"},
    ])

    # Messaging: two versions of Globex's home page; only the latest counts as its claims.
    msg_page1 = save_page(db, run=run1, competitor="globex", kind="messaging", url="https://globex.example/", status="ok")
    msg_page2 = save_page(db, run=run2, competitor="globex", kind="messaging", url="https://globex.example/", status="ok")
    old, _, _ = save_messaging_snapshot(db, run=run1, page=msg_page1, competitor="globex",
                                        url="https://globex.example/", snapshot={"headline": "Support first"},
                                        observed_at=t1)
    new, _, _ = save_messaging_snapshot(db, run=run2, page=msg_page2, competitor="globex",
                                        url="https://globex.example/", snapshot={"headline": "Fair prices"},
                                        observed_at=t2)

    def review(rid, rating, day, body="fine", **kw):
        return {"site_id": rid, "rating": rating, "published_at": day, "body": body, "title": None, **kw}

    save_reviews(db, run=run2, page=None, competitor="globex", source="g2", reviews=[
        review("g1", 5, "2026-01-03"), review("g2", 4, "2026-01-04"), review("g3", 3, "2026-01-05"),
        review("g4", 1, "2026-01-06", body=XSS), review("g5", None, "2026-01-07"),
        review("g6", 4.5, "2026-02-02"), review("g7", 2, "2026-02-03"),
    ])
    save_reviews(db, run=run2, page=None, competitor="acme", source="support-inbox", source_type="first_party",
                 reviews=[review("a1", 5, "2026-02-05")])
    save_reviews(db, run=run2, page=None, competitor="initech", source="g2",
                 reviews=[review("i1", 4, "2026-01-12")])
    ids = {r["site_id"]: r["id"] for r in db.query("select id, site_id from reviews")}
    if not with_nlp:
        return {"runs": (run1, run2), "snapshots": (old, new), "reviews": ids}

    from nlp.schema import ensure_nlp_schema

    ensure_nlp_schema(db)
    db["themes"].insert_all([{"id": "price_value", "name": "price_value", "label": "Price / value"},
                             {"id": "support", "name": "support", "label": "Support"}])
    sentences = [  # id, competitor, review, theme, compound, label, day, text
        ("s1", "globex", "g1", "price_value", -0.6, "negative", "2026-01-10", "Way too expensive for what it is."),
        ("s2", "globex", "g2", "price_value", 0.4, "positive", "2026-01-15", "Fair price."),
        ("s3", "globex", "g3", "price_value", -0.2, "negative", "2026-01-20", "Pricey add-ons."),
        ("s4", "globex", "g4", "support", 0.8, "positive", "2026-01-05", "Support was great."),
        ("s5", "globex", "g6", "price_value", -0.5, "negative", "2026-02-10", "Price went up again, terrible."),
        ("s6", "initech", "i1", "price_value", 0.6, "positive", "2026-01-12", "Cheap and good."),
        ("s7", "globex", "g2", "price_value", 0.9, "positive", "2025-12-20", "Great value."),
    ]
    for sid, comp, rev, theme, compound, label, day, text in sentences:
        db["sentences"].insert({"id": sid, "source_table": "reviews", "source_id": ids[rev], "competitor": comp,
                                "idx": 0, "text": text, "compound": compound, "label": label, "published_at": day})
        db["sentence_themes"].insert({"id": "t" + sid, "sentence": sid, "theme": theme, "competitor": comp,
                                      "source_table": "reviews", "compound": compound, "label": label,
                                      "published_at": day})
    db["review_sentiment"].insert_all([{"review": ids["g1"], "compound": 0.5, "label": "positive"},
                                       {"review": ids["g4"], "compound": -0.3, "label": "negative"}])
    db["messaging_themes"].insert_all([
        {"id": "m1", "snapshot": old, "competitor": "globex", "theme": "support", "mentions": 5, "share": 1.0},
        {"id": "m2", "snapshot": new, "competitor": "globex", "theme": "price_value", "mentions": 3, "share": 0.75},
        {"id": "m3", "snapshot": new, "competitor": "globex", "theme": "support", "mentions": 1, "share": 0.25},
    ])
    return {"runs": (run1, run2), "snapshots": (old, new), "reviews": ids}


@pytest.fixture
def market(db):
    seed_market(db)
    counts = build_benchmarks(db, as_of=AS_OF)
    return db, counts


def rows(db, table, where="1", params=(), order="rowid"):
    return [dict(r) for r in db.query(f"select * from {table} where {where} order by {order}", params)]


def test_decimal_functions_are_exact():
    assert str(median(["19.00", "20.00", "22.15", "25.00"])) == "21.075"
    assert str(median(["49.00", "60.00", "45.50"])) == "49.00"
    assert median([None, "x"]) is None
    assert dec_sub("19.00", "15.00") == "4.00" and dec_sub("0.1", "0.3") == "-0.20"
    assert dec_sub(None, "1") is None
    assert dec_index("30.00", "21.075") == 142.3
    assert dec_pct("19.00", "15.00") == 26.67
    assert dec_index("1", "0") is None


def test_price_ladder(market):
    db, counts = market
    assert counts["bench_price_ladder"] == 11
    acme = rows(db, "bench_price_ladder", "competitor = 'acme'", order="tier_rank")
    assert [(r["plan"], r["tier_rank"], r["paid_tier"], r["monthly_amount"]) for r in acme] == [
        ("Free", 1, None, "0.00"), ("Pro", 2, 1, "30.00"), ("Business", 3, 2, "99.00"), ("Enterprise", 4, None, None)]
    pro = acme[1]
    # monthly-billed price chosen over the annual one (25.00/month); market = the 4 competitors' tier 1
    assert (pro["is_self"], pro["tiers"], pro["period"], pro["amount"]) == (1, 4, "month", "30.00")
    assert (pro["market_median"], pro["market_plans"], pro["price_index"], pro["position"]) == ("21.075", 4, 142.3, "pricier")
    assert (acme[2]["market_median"], acme[2]["price_index"]) == ("49.00", 202.0)
    assert acme[3]["is_contact_sales"] == 1 and acme[3]["price_index"] is None and acme[3]["position"] is None
    by_plan = {(r["competitor"], r["plan"]): r for r in rows(db, "bench_price_ladder")}
    assert by_plan[("globex", "Starter")]["monthly_amount"] == "19.00"  # latest run, not 15.00
    assert (by_plan[("globex", "Starter")]["price_index"], by_plan[("globex", "Starter")]["position"]) == (90.2, "cheaper")
    assert by_plan[("umbrella", "Solo")]["monthly_amount"] == "20.00"  # 240/year
    assert by_plan[("umbrella", "Solo")]["price_index"] == 94.9
    assert by_plan[("hooli", "Solo")]["position"] == "pricier"  # 105.1
    assert ("initech", "Legacy") not in by_plan  # not on the latest page
    assert by_plan[("globex", "Starter")]["competitor_name"] == "Globex"


def test_price_history_and_changes(market):
    db, _ = market
    hist = rows(db, "bench_price_history", "competitor = 'globex' and plan = 'Starter'", order="day")
    assert [(r["day"], r["monthly_amount"], r["previous_monthly_amount"], r["change_from_previous"]) for r in hist] == [
        ("2026-01-01", "15.00", None, None), ("2026-02-01", "19.00", "15.00", "4.00")]
    assert rows(db, "bench_price_history", "competitor = 'acme' and plan = 'Pro'")[0]["monthly_amount"] == "30.00"
    ch = {r["change"]: r for r in rows(db, "bench_price_changes")}
    assert set(ch) == {"ch-price", "ch-removed"}
    p = ch["ch-price"]
    assert (p["plan"], p["before"], p["after"], p["delta"], p["change_pct"], p["direction"]) == (
        "Starter", "15.00", "19.00", "4.00", 26.67, "up")
    assert (p["days_ago"], p["is_recent"], p["competitor_name"]) == (13, 1, "Globex")
    r = ch["ch-removed"]
    assert (r["kind"], r["delta"], r["change_pct"], r["direction"], r["days_ago"], r["is_recent"]) == (
        "plan_removed", None, None, None, 76, 0)


def test_review_kpis(market):
    db, _ = market
    k = {(r["competitor"], r["month"]): r for r in rows(db, "bench_review_kpis")}
    jan = k[("globex", "2026-01")]
    assert (jan["reviews"], jan["rated_reviews"], jan["avg_rating"], jan["share_positive"], jan["share_negative"]) == (
        5, 4, 3.25, 0.5, 0.25)
    assert (jan["promoters"], jan["detractors"], jan["net_rating_score"]) == (1, 2, -25.0)
    assert jan["avg_text_sentiment"] == 0.1
    feb = k[("globex", "2026-02")]
    assert (feb["reviews"], feb["avg_rating"], feb["share_negative"], feb["net_rating_score"]) == (2, 3.25, 0.5, 0.0)
    assert feb["avg_text_sentiment"] is None
    acme = k[("acme", "2026-02")]
    assert (acme["is_self"], acme["first_party_reviews"], acme["net_rating_score"]) == (1, 1, 100.0)


def test_theme_sentiment(market):
    db, _ = market
    t = {(r["competitor"], r["theme"], r["period"]): r for r in rows(db, "bench_theme_sentiment")}
    jan = t[("globex", "price_value", "2026-01")]
    assert (jan["mentions"], jan["theme_share"], jan["share_of_voice"], jan["avg_sentiment"]) == (3, 0.75, 0.75, -0.133)
    assert (jan["share_positive"], jan["share_negative"], jan["theme_label"]) == (0.3333, 0.6667, "Price / value")
    assert (jan["previous_mentions"], jan["previous_avg_sentiment"], jan["sentiment_change"]) == (1, 0.9, -1.033)
    assert jan["example_positive"] == "Fair price."
    assert jan["example_negative"] == "Way too expensive for what it is."
    feb = t[("globex", "price_value", "2026-02")]
    assert (feb["mentions"], feb["previous_mentions"], feb["sentiment_change"]) == (1, 3, -0.367)
    assert feb["example_positive"] is None
    assert t[("initech", "price_value", "2026-01")]["share_of_voice"] == 0.25
    assert t[("globex", "support", "2026-01")]["theme_share"] == 0.25
    assert len(t) == 5


def test_message_market_fit(market):
    db, _ = market
    f = {(r["competitor"], r["theme"]): r for r in rows(db, "bench_message_market_fit")}
    assert set(f) == {("globex", "price_value"), ("globex", "support"), ("initech", "price_value")}
    pv = f[("globex", "price_value")]
    assert (pv["claim_mentions"], pv["claim_share"], pv["customer_mentions"], pv["customer_share"]) == (3, 0.75, 5, 0.8333)
    assert (abs(pv["customer_avg_sentiment"]), pv["customer_share_negative"], pv["fit_gap"]) == (0.0, 0.6, -0.0833)
    assert pv["verdict"] == "claimed, not evidenced"
    sup = f[("globex", "support")]  # the old snapshot's 5 support mentions do not count
    assert (sup["claim_mentions"], sup["claim_share"], sup["customer_share"], sup["verdict"]) == (
        1, 0.25, 0.1667, "claimed and confirmed")
    ini = f[("initech", "price_value")]
    assert (ini["claim_share"], ini["customer_share"], ini["fit_gap"], ini["verdict"]) == (0.0, 1.0, -1.0, "unclaimed strength")
    assert (pv["window_start"], pv["window_end"]) == ("2025-02-11", "2026-02-10")


def test_price_change_impact_windows(market):
    db, counts = market
    assert counts["bench_price_change_impact"] == 1
    r = rows(db, "bench_price_change_impact")[0]
    assert (r["change"], r["plan"], r["before"], r["after"], r["change_pct"], r["window_days"]) == (
        "ch-price", "Starter", "15.00", "19.00", 26.67, 30)
    # before: 2026-01-02..2026-01-31 → s1, s2, s3 (s7 on 2025-12-20 is outside); after: s5
    assert (r["before_mentions"], r["before_avg_sentiment"], r["before_share_negative"]) == (3, -0.133, 0.6667)
    assert (r["after_mentions"], r["after_avg_sentiment"], r["after_share_negative"]) == (1, -0.5, 1.0)
    assert (r["sentiment_change"], r["after_window_complete"]) == (-0.367, 0)
    build_benchmarks(db, as_of=AS_OF, impact_days=15, tables=["bench_price_change_impact"])
    r = rows(db, "bench_price_change_impact")[0]
    assert (r["window_days"], r["before_mentions"], r["before_avg_sentiment"], r["after_mentions"]) == (15, 1, -0.2, 1)
    build_benchmarks(db, as_of=AS_OF, config={"benchmarks": {"impact_days": 5}}, tables=["bench_price_change_impact"])
    r = rows(db, "bench_price_change_impact")[0]
    assert (r["window_days"], r["before_mentions"], r["after_mentions"], r["sentiment_change"]) == (5, 0, 0, None)
    assert r["after_window_complete"] == 1  # 2026-02-06 <= 2026-02-10


def test_messaging_timeline_keeps_text_verbatim(market):
    db, _ = market
    (m,) = rows(db, "bench_messaging_timeline")
    assert (m["change"], m["competitor_name"], m["day"], m["url"], m["field"]) == (
        "ch-msg", "Globex", "2026-01-20", "https://globex.example/", "headline")
    assert (m["before"], m["after"]) == (XSS, "New headline")


def test_builds_empty_without_nlp_tables():
    db = open_db(None)
    seed_market(db, with_nlp=False)
    notes: list[str] = []
    counts = build_benchmarks(db, as_of=AS_OF, notes=notes)
    assert counts["bench_theme_sentiment"] == counts["bench_message_market_fit"] == 0
    assert counts["bench_price_ladder"] == 11 and counts["bench_review_kpis"] == 4
    assert counts["bench_price_change_impact"] == 1  # the change is there, with no mentions
    assert rows(db, "bench_price_change_impact")[0]["before_mentions"] == 0
    assert "NLP tables missing" in notes[0]
    # the stand-ins were temporary: the nlp migrations can still create the real tables
    assert not db["sentence_themes"].exists()
    from nlp.schema import ensure_nlp_schema

    ensure_nlp_schema(db)


def test_columns_match_definitions_and_rebuild_is_idempotent(market):
    db, counts = market
    definitions = load_definitions()
    assert set(counts) == set(definitions)
    for table, d in definitions.items():
        assert [c.name for c in db[table].columns] == list(d["columns"]), table
        assert d["description"] and all(c["description"] for c in d["columns"].values())
    again = build_benchmarks(db, as_of=AS_OF)
    assert again == counts
    leftovers = [t for t in db.table_names() if t.startswith("_bench_new_")]
    assert leftovers == []


def test_swap_is_atomic_for_readers(tmp_path):
    """A reader holding a snapshot keeps the old tables; it never sees a half-built one."""
    path = tmp_path / "m.db"
    db = open_db(path)
    seed_market(db)
    build_benchmarks(db, as_of=AS_OF)
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    reader.execute("begin")
    before = reader.execute("select count(*) from bench_review_kpis").fetchone()[0]
    save_reviews(db, run=None, page=None, competitor="hooli", source="g2",
                 reviews=[{"site_id": "h1", "rating": 3, "published_at": "2026-02-01", "body": "ok"}])
    build_benchmarks(db, as_of=AS_OF)
    assert reader.execute("select count(*) from bench_review_kpis").fetchone()[0] == before
    reader.execute("commit")
    assert reader.execute("select count(*) from bench_review_kpis").fetchone()[0] == before + 1
    reader.close()


def test_definition_drift_is_refused(market, monkeypatch):
    db, _ = market
    import benchmarks.build as build

    original = build.load_definitions()
    del original["bench_review_kpis"]["columns"]["avg_text_sentiment"]
    monkeypatch.setattr(build, "load_definitions", lambda: original)
    with pytest.raises(BenchmarkError, match="bench_review_kpis.sql returns columns"):
        build.build_benchmarks(db, as_of=AS_OF, tables=["bench_review_kpis"])
    assert "avg_text_sentiment" in table_sql("bench_review_kpis")
    assert "avg_text_sentiment" in [c.name for c in db["bench_review_kpis"].columns]  # old table kept
