"""Datasette in-process: metadata matches the schema, dashboards and canned queries return
data, crawled text is escaped, the database is read-only, --public refuses anonymous SQL."""
from __future__ import annotations

import asyncio
import base64
import sqlite3
import urllib.parse

import pytest
from datasette_dashboards import replace_opts_in_query

from benchmarks.build import build_benchmarks, load_definitions
from rivalscope.cli import cli
from rivalscope.serve import ServeError, build_metadata, make_datasette
from rivalscope.store import open_db
from test_benchmarks import AS_OF, XSS, seed_market

FILTERS = {"competitor": "Globex", "date_start": "2026-01-01", "date_end": "2026-02-28"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("ds") / "market.db"
    db = open_db(path)
    seed_market(db)
    build_benchmarks(db, as_of=AS_OF)
    db.close()
    return path


@pytest.fixture(scope="module")
def ds(db_path):
    return make_datasette(db_path)


def get(ds, path, **kw):
    async def go():
        return await ds.client.get(path, **kw)

    return asyncio.run(go())


def sql_json(ds, sql, params=None):
    qs = urllib.parse.urlencode({"sql": sql, "_shape": "objects", **(params or {})})
    return get(ds, f"/rivalscope.json?{qs}")


def test_metadata_refers_to_existing_tables_and_columns(db_path):
    metadata = build_metadata()
    conn = sqlite3.connect(db_path)
    tables = metadata["databases"]["rivalscope"]["tables"]
    for table, meta in tables.items():
        cols = [r[1] for r in conn.execute(f"pragma table_info([{table}])")]
        assert cols, f"metadata describes {table}, which does not exist"
        assert meta.get("title") and meta.get("description"), table
        for key in ("columns", "units"):
            for col in meta.get(key) or {}:
                assert col in cols, f"{table}.{col} in metadata {key} does not exist"
        for col in meta.get("facets") or []:
            assert col in cols, f"{table}: facet {col}"
        for key in ("sort", "sort_desc", "label_column"):
            if meta.get(key):
                assert meta[key] in cols, f"{table}: {key} {meta[key]}"
        if meta.get("fts_table"):
            assert conn.execute("select 1 from sqlite_master where name = ?", [meta["fts_table"]]).fetchone()
    # and the other way round: every table and column of the database is described
    names = [r[0] for r in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
        "and name not like '%_fts%' and name not like '\\_%' escape '\\'")]
    for table in names:
        assert table in tables, f"{table} has no metadata"
        cols = [r[1] for r in conn.execute(f"pragma table_info([{table}])")]
        missing = [c for c in cols if not (tables[table].get("columns") or {}).get(c)]
        assert not missing, f"{table}: columns without a description: {missing}"


def test_bench_metadata_is_generated_from_definitions():
    tables = build_metadata()["databases"]["rivalscope"]["tables"]
    for name, d in load_definitions().items():
        assert tables[name]["title"] == d["title"]
        assert list(tables[name]["columns"]) == list(d["columns"])
        assert tables[name]["columns"]["competitor"] == d["columns"]["competitor"]["description"]
    assert tables["bench_price_changes"]["units"] == {"days_ago": "day"}
    assert "Unit: base currency per month" in tables["bench_price_ladder"]["columns"]["market_median"]


def test_landing_page_links_every_dashboard_and_table(ds):
    r = get(ds, "/")
    assert r.status_code == 200
    dashboards = ds.plugin_config("datasette-dashboards")
    assert len(dashboards) == 4
    for slug in dashboards:
        assert f'href="/-/dashboards/{slug}"' in r.text
    for table in load_definitions():
        assert f'href="/rivalscope/{table}"' in r.text
    for query in ("compare_competitors", "negative_reviews_about_theme", "changes_since"):
        assert f'href="/rivalscope/{query}"' in r.text


@pytest.mark.parametrize("filters", [{}, FILTERS], ids=["all", "filtered"])
def test_every_dashboard_and_chart_returns_data(ds, filters):
    dashboards = ds.plugin_config("datasette-dashboards")
    assert set(dashboards) == {"price-ladder", "theme-sentiment", "review-trends", "changes-timeline"}
    for slug, dashboard in dashboards.items():
        qs = "?" + urllib.parse.urlencode(filters) if filters else ""
        r = get(ds, f"/-/dashboards/{slug}{qs}")
        assert r.status_code == 200, slug
        assert dashboard["title"] in r.text
        for chart_slug, chart in dashboard["charts"].items():
            if chart["library"] == "markdown":
                continue
            options = {k: v for k, v in filters.items() if k in dashboard["filters"]}
            res = sql_json(ds, replace_opts_in_query(chart["query"], options), options)
            assert res.status_code == 200, (slug, chart_slug, res.text[:300])
            rows = res.json()["rows"]
            assert rows, f"{slug}/{chart_slug} returned no rows with {filters}"
            assert not res.json().get("truncated")
        for flt in dashboard["filters"].values():
            if flt.get("query"):
                assert sql_json(ds, flt["query"]).json()["rows"]


def test_dashboard_values(ds):
    ladder = ds.plugin_config("datasette-dashboards")["price-ladder"]["charts"]["index"]
    rows = sql_json(ds, replace_opts_in_query(ladder["query"], {})).json()["rows"]
    us = [r for r in rows if r["competitor"] == "Acme (us)"]
    assert {(r["tier"], r["price_index"]) for r in us} == {("tier 1", 142.3), ("tier 2", 202.0)}
    heat = ds.plugin_config("datasette-dashboards")["theme-sentiment"]["charts"]["heatmap"]
    opts = {"competitor": "Globex", "date_start": "2026-01-01", "date_end": "2026-01-31"}
    rows = sql_json(ds, replace_opts_in_query(heat["query"], opts), opts).json()["rows"]
    assert {(r["theme"], r["mentions"], r["avg_sentiment"]) for r in rows} == {
        ("Price / value", 3, -0.133), ("Support", 1, 0.8)}


def test_canned_queries_return_data(ds):
    r = get(ds, "/rivalscope/compare_competitors.json?a=acme&b=Globex&_shape=objects")
    assert r.status_code == 200
    rows = {row["metric"]: (row["a"], row["b"]) for row in r.json()["rows"]}
    assert rows["entry paid plan"] == ("Pro 30.00 USD/month", "Starter 19.00 USD/month")
    assert rows["entry plan price index (100 = market median)"] == (142.3, 90.2)
    assert rows["average rating (stars)"] == (5.0, 3.25)
    assert rows["net rating score"] == (100.0, -16.7)  # Globex: 2 promoters, 3 detractors of 6 rated

    r = get(ds, "/rivalscope/negative_reviews_about_theme.json?theme=Price+%2F+value&competitor=globex&_shape=objects")
    assert r.status_code == 200
    assert [row["sentence"] for row in r.json()["rows"]] == [
        "Price went up again, terrible.", "Pricey add-ons.", "Way too expensive for what it is."]
    r = get(ds, "/rivalscope/negative_reviews_about_theme.json?theme=support&competitor=&_shape=objects")
    assert r.json()["rows"] == []

    r = get(ds, "/rivalscope/changes_since.json?since=2026-01-15&competitor=&_shape=objects")
    assert [row["change"] for row in r.json()["rows"]] == ["ch-price", "ch-msg"]
    r = get(ds, "/rivalscope/changes_since.json?since=2025-01-01&competitor=Initech&_shape=objects")
    assert [row["change"] for row in r.json()["rows"]] == ["ch-removed"]
    for name in ("compare_competitors", "negative_reviews_about_theme", "changes_since"):
        assert get(ds, f"/rivalscope/{name}").status_code == 200


def test_bench_table_pages_and_fts(ds):
    for table in load_definitions():
        r = get(ds, f"/rivalscope/{table}")
        assert r.status_code == 200, table
    r = get(ds, "/rivalscope/bench_price_ladder")
    assert "Exact median monthly_amount" in r.text  # column definitions are shown
    r = get(ds, "/rivalscope/reviews.json?_search=expensive&_shape=objects")
    assert r.status_code == 200
    r = get(ds, "/rivalscope/messaging_snapshots.json?_search=prices&_shape=objects")
    assert [row["headline"] for row in r.json()["rows"]] == ["Fair prices"]


def test_scraped_text_is_escaped(ds):
    for path in ("/rivalscope/reviews", "/rivalscope/bench_messaging_timeline", "/rivalscope/changes",
                 "/rivalscope/changes_since?since=2026-01-01&competitor="):
        r = get(ds, path)
        assert r.status_code == 200
        assert "<script>alert" not in r.text and "<b>bold</b>" not in r.text, path
        assert "&lt;script&gt;alert" in r.text, path


def test_database_is_opened_read_only(ds, db_path):
    conn = ds.get_database("rivalscope").connect()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("create table nope (a)")
    r = get(ds, "/rivalscope.json?" + urllib.parse.urlencode({"sql": "delete from reviews"}))
    assert r.status_code == 400
    assert sqlite3.connect(db_path).execute("select count(*) from reviews").fetchone()[0] == 9


def test_settings_for_big_tables(ds):
    assert ds.setting("suggest_facets") is False
    assert ds.setting("sql_time_limit_ms") == 3000
    assert ds.setting("facet_time_limit_ms") == 300


def test_public_requires_login_and_refuses_anonymous_sql(db_path, monkeypatch):
    monkeypatch.delenv("RIVALSCOPE_PASSWORD", raising=False)
    with pytest.raises(ServeError, match="RIVALSCOPE_PASSWORD"):
        make_datasette(db_path, public=True)
    monkeypatch.setenv("RIVALSCOPE_PASSWORD", "s3cret-pw")
    pub = make_datasette(db_path, public=True)
    sql = "/rivalscope.json?" + urllib.parse.urlencode({"sql": "select count(*) as n from reviews"})
    assert get(pub, sql).status_code == 403
    assert get(pub, "/rivalscope/bench_price_ladder.json").status_code == 403
    home = get(pub, "/")
    assert home.status_code == 302 and home.headers["location"].startswith("/-/login?next=")
    assert get(pub, "/-/dashboards/price-ladder").status_code == 302
    assert get(pub, sql, headers={"Authorization": "Bearer wrong"}).status_code == 403
    ok = get(pub, sql, headers={"Authorization": "Bearer s3cret-pw"})
    assert ok.status_code == 200 and ok.json()["rows"] == [[9]]
    basic = base64.b64encode(b"anyone:s3cret-pw").decode()
    assert get(pub, "/", headers={"Authorization": f"Basic {basic}"}).status_code == 200
    assert "s3cret-pw" not in get(pub, "/-/metadata.json", headers={"Authorization": f"Basic {basic}"}).text

    async def login(password):
        form = await pub.client.get("/-/login")
        token = form.cookies["ds_csrftoken"]
        return await pub.client.post("/-/login", data={"password": password, "csrftoken": token, "next": "/"},
                                     cookies={"ds_csrftoken": token})

    bad = asyncio.run(login("nope"))
    assert bad.status_code == 401 and "ds_actor" not in bad.cookies
    good = asyncio.run(login("s3cret-pw"))
    assert good.status_code == 302 and good.headers["location"] == "/"
    r = get(pub, sql, cookies={"ds_actor": good.cookies["ds_actor"]})
    assert r.status_code == 200
    # the local (non-public) instance in the same process is unaffected by the auth plugin
    assert get(make_datasette(db_path), sql).status_code == 200


def test_cli_benchmark_and_serve(runner, tmp_path, monkeypatch):
    path = tmp_path / "cli.db"
    db = open_db(path)
    seed_market(db, with_nlp=False)
    db.close()
    result = runner.invoke(cli, ["benchmark", "--db", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "built 8 benchmark tables" in result.output and "NLP tables missing" in result.output
    assert sqlite3.connect(path).execute("select count(*) from bench_price_ladder").fetchone()[0] == 11

    calls = {}

    def fake_serve(db_path, *, host, port, public, config, on_ready):
        calls.update(host=host, port=port, public=public)
        on_ready(f"http://{host}:{port}/")

    monkeypatch.setattr("rivalscope.serve.serve", fake_serve)
    result = runner.invoke(cli, ["serve", "--db", str(path), "--port", "8123"], catch_exceptions=False)
    assert result.exit_code == 0 and "http://127.0.0.1:8123/" in result.output
    assert calls == {"host": "127.0.0.1", "port": 8123, "public": False}
    monkeypatch.undo()
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2 and "no such database" in result.output
