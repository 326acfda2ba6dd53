"""Benchmark rebuild and Datasette response times on a large synthetic market.

    .venv/bin/python perf/bench_serve.py [--reviews 1000000] [--competitors 20] [--requests 20]
                                         [--db PATH] [--reuse]

Generates a database (core + NLP schema) with N reviews (one analysed sentence per review,
~1.3 theme mentions each, review-level sentiment), the competitors' messaging history and a
year of daily price observations with a few price changes; rebuilds every bench_* table
(timed); starts `rivalscope serve` on 127.0.0.1 and requests every dashboard page, every
dashboard chart's data query (as the browser fetches it), every bench_* table page and every
canned query `--requests` times (after one warm-up), printing p50/p95 per URL. Each SQL-backed
request is also run with the raw `sqlite3` module (same SQL, same parameters, same run) and
the ratio p50(Datasette) / p50(sqlite3) is printed. Targets: rebuild < 60 s, p95 < 200 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.build import build_benchmarks, load_definitions  # noqa: E402
from benchmarks.functions import register_functions  # noqa: E402
from datasette_dashboards import replace_opts_in_query  # noqa: E402
from perf.measure import note  # noqa: E402
from rivalscope.serve import build_metadata  # noqa: E402
from rivalscope.store import open_db  # noqa: E402

THEMES = {
    "price_value": ("Price / value", ["Great value for the money.", "Fair price for what you get."],
                    ["Way too expensive for what it is.", "The price went up again."]),
    "billing": ("Billing", ["Billing is simple and clear."], ["They double charged my card."]),
    "ease_of_use": ("Ease of use", ["Very easy to use."], ["The interface is confusing."]),
    "onboarding": ("Onboarding", ["Onboarding was quick."], ["Setup took weeks."]),
    "support": ("Support", ["Support was fantastic and fast."], ["Support never answered my ticket."]),
    "reliability": ("Reliability / bugs", ["Rock solid, never crashes."], ["It crashes every day."]),
    "performance": ("Performance / speed", ["Pages load instantly."], ["It is painfully slow."]),
    "features": ("Features", ["Has every feature we need."], ["Missing basic features."]),
    "integrations": ("Integrations", ["Integrates with all our tools."], ["The Slack integration is broken."]),
    "documentation": ("Documentation", ["The docs are excellent."], ["Documentation is outdated."]),
    "security_privacy": ("Security / privacy", ["SSO and audit logs work well."], ["No two-factor login."]),
    "mobile": ("Mobile", ["The mobile app is great."], ["The mobile app is useless."]),
}
PLANS = ["Starter", "Team", "Business", "Enterprise"]


def generate(path: Path, *, reviews: int, competitors: int, days: int = 365, seed: int = 7) -> dict:
    """Write the synthetic market to `path`; returns row counts."""
    rnd = random.Random(seed)
    if path.exists():
        path.unlink()
    db = open_db(path)
    from nlp.schema import ensure_nlp_schema

    ensure_nlp_schema(db)
    db.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    end = date.today()
    start = end - timedelta(days=days - 1)
    comps = [f"competitor-{i:02d}" for i in range(competitors)]
    conn.executemany("insert into competitors (id, name, is_self, website, created_at, updated_at) values (?,?,?,?,?,?)",
                     [(c, f"Competitor {i:02d}" if i else "Us", int(i == 0), f"https://{c}.example",
                       f"{start}T00:00:00Z", f"{start}T00:00:00Z") for i, c in enumerate(comps)])
    conn.execute("update competitors set id = 'us' where is_self = 1")
    comps[0] = "us"
    conn.executemany("insert into themes (id, taxonomy, name, label, definition, kind) values (?,?,?,?,?,?)",
                     [(k, "software", k, v[0], f"Sentences about {v[0].lower()}.", "taxonomy") for k, v in THEMES.items()])
    # a year of daily crawls: one pricing page per competitor per day, 3-4 plans each
    price_rows, page_rows, change_rows = [], [], []
    for d in range(days):
        day = start + timedelta(days=d)
        conn.execute("insert into crawl_runs (id, kind, status, started_at, finished_at) values (?,?,?,?,?)",
                     [d + 1, "run", "succeeded", f"{day}T06:00:00Z", f"{day}T06:10:00Z"])
    for ci, comp in enumerate(comps):
        crnd = random.Random(seed * 1000 + ci)
        base = [crnd.choice([9, 12, 15, 19, 25, 29]) * m for m in (1, 2.5, 6)]
        prices = {p: f"{b:.2f}" for p, b in zip(PLANS, base)}
        change_days = {crnd.randrange(30, days): crnd.choice(PLANS[:3]) for _ in range(crnd.randint(1, 3))}
        for d in range(days):
            day = start + timedelta(days=d)
            run = d + 1
            if d in change_days:
                plan = change_days[d]
                before = prices[plan]
                after = f"{float(before) * crnd.choice([0.85, 0.9, 1.1, 1.2]):.2f}"
                prices[plan] = after
                change_rows.append((f"pc-{comp}-{d}", "price_change", comp, f"pg-{comp}-{d}", plan, "monthly_amount",
                                    before, after, None, run, run - 1, f"{day}T06:05:00Z"))
            page = f"pg-{comp}-{d}"
            page_rows.append((page, run, comp, "pricing", f"https://{comp}.example/pricing", "ok", f"{day}T06:05:00Z"))
            for p in PLANS[:3 + (ci % 2)]:
                contact = p == "Enterprise"
                amount = None if contact else prices[p]
                price_rows.append((f"po-{comp}-{d}-{p}", run, page, comp, p, amount, None if contact else "USD",
                                   "unknown" if contact else "month", "seat", "monthly", amount, "USD",
                                   int(contact), 0, "json-ld", 0.9, f"{day}T06:05:00Z"))
    conn.executemany("insert into pages (id, run, competitor, kind, url, status, fetched_at) values (?,?,?,?,?,?,?)",
                     page_rows)
    conn.executemany(
        "insert into price_observations (id, run, page, competitor, plan, amount, currency, period, unit, billing,"
        " monthly_amount, base_currency, is_contact_sales, is_free, method, confidence, observed_at)"
        " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", price_rows)
    conn.executemany("insert into changes (id, kind, competitor, page, subject, field, before, after, change_pct, run,"
                     " previous_run, detected_at) values (?,?,?,?,?,?,?,?,?,?,?,?)", change_rows)
    # messaging: a home page per competitor, a new version every ~2 months, with themes and changes
    snaps, mthemes, mchanges = [], [], []
    theme_ids = list(THEMES)
    for comp in comps:
        versions = sorted(rnd.sample(range(days), 6))
        for vi, d in enumerate(versions):
            day = start + timedelta(days=d)
            sid = f"ms-{comp}-{vi}"
            headline = f"{comp} headline version {vi}: {rnd.choice(['faster', 'simpler', 'cheaper', 'safer'])} <b>teams</b>"
            snaps.append((sid, comp, f"https://{comp}.example/", headline, f"{comp} product", "main text " * 50,
                          f"{day}T06:00:00Z", f"{(start + timedelta(days=versions[vi + 1] - 1)) if vi < 5 else end}T06:00:00Z"))
            stressed = rnd.sample(theme_ids, 4)
            total = 0
            weights = [rnd.randint(1, 6) for _ in stressed]
            total = sum(weights)
            for t, w in zip(stressed, weights):
                mthemes.append((f"mt-{sid}-{t}", sid, comp, t, w, w / total))
            if vi:
                mchanges.append((f"mc-{comp}-{vi}", "messaging_change", comp, f"https://{comp}.example/", "headline",
                                 snaps[-2][3], headline, d + 1, f"{day}T06:05:00Z", snaps[-2][0], sid))
    conn.executemany("insert into messaging_snapshots (id, competitor, url, headline, title, main_text, first_seen_at,"
                     " last_seen_at) values (?,?,?,?,?,?,?,?)", snaps)
    conn.executemany("insert into messaging_themes (id, snapshot, competitor, theme, mentions, share) values (?,?,?,?,?,?)",
                     mthemes)
    conn.executemany("insert into changes (id, kind, competitor, subject, field, before, after, run, detected_at,"
                     " before_snapshot, after_snapshot) values (?,?,?,?,?,?,?,?,?,?,?)", mchanges)
    # reviews, one analysed sentence each, 1-2 theme mentions
    batch_r, batch_s, batch_t, batch_rs = [], [], [], []
    n_mentions = 0
    day_strings = [(start + timedelta(days=d)).isoformat() for d in range(days)]
    for n in range(reviews):
        comp = comps[n % competitors]
        day = day_strings[rnd.randrange(days)]
        rating = rnd.choices([1, 2, 3, 4, 5], weights=[8, 7, 12, 30, 43])[0]
        theme = rnd.choice(theme_ids)
        positive = rating >= 4
        text = rnd.choice(THEMES[theme][1] if positive else THEMES[theme][2])
        compound = round((rnd.uniform(0.2, 0.95) if positive else rnd.uniform(-0.95, -0.1)), 3)
        label = "positive" if compound >= 0.05 else "negative"
        rid = f"r{n}"
        batch_r.append((rid, comp, "g2", "public", f"https://reviews.example/{comp}/{n}", f"site-{n}", rating,
                        f"Review {n}", text + " Overall " + ("good." if positive else "bad."), "en", day,
                        f"{day}T12:00:00Z", f"{day}T12:00:00Z"))
        batch_s.append((f"s{n}", "reviews", rid, comp, 0, text, compound, label, day))
        batch_t.append((f"t{n}", f"s{n}", theme, comp, "reviews", compound, label, day))
        n_mentions += 1
        if n % 3 == 0:
            other = theme_ids[(theme_ids.index(theme) + 1) % len(theme_ids)]
            batch_t.append((f"t{n}b", f"s{n}", other, comp, "reviews", compound, label, day))
            n_mentions += 1
        batch_rs.append((rid, compound, label, 1))
        if len(batch_r) >= 50_000 or n == reviews - 1:
            conn.executemany("insert into reviews (id, competitor, source, source_type, url, site_id, rating, title, body,"
                             " language, published_at, first_seen_at, last_seen_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                             batch_r)
            conn.executemany("insert into sentences (id, source_table, source_id, competitor, idx, text, compound, label,"
                             " published_at) values (?,?,?,?,?,?,?,?,?)", batch_s)
            conn.executemany("insert into sentence_themes (id, sentence, theme, competitor, source_table, compound, label,"
                             " published_at) values (?,?,?,?,?,?,?,?)", batch_t)
            conn.executemany("insert into review_sentiment (review, compound, label, sentences) values (?,?,?,?)", batch_rs)
            batch_r, batch_s, batch_t, batch_rs = [], [], [], []
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return {"reviews": reviews, "sentence_themes": n_mentions, "price_observations": len(price_rows),
            "price_changes": len(change_rows), "messaging_changes": len(mchanges)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def targets(db_path: Path) -> list[dict]:
    """[{name, url, sql?, params?}] — every dashboard page and chart query, bench table page, canned query."""
    meta = build_metadata()
    conn = sqlite3.connect(db_path)
    some = conn.execute("select name from competitors where is_self = 0 order by id limit 1").fetchone()[0]
    since = conn.execute("select date(max(detected_at), '-30 days') from changes").fetchone()[0]
    conn.close()
    out = []
    for slug, dash in meta["plugins"]["datasette-dashboards"].items():
        out.append({"name": f"dashboard {slug}", "url": f"/-/dashboards/{slug}"})
        for variant, opts in (("", {}), (" (filtered)", {"competitor": some})):
            for cslug, chart in dash["charts"].items():
                if chart.get("library") == "markdown":
                    continue
                options = {k: v for k, v in opts.items() if k in dash.get("filters", {})}
                sql = replace_opts_in_query(chart["query"], options)
                qs = urllib.parse.urlencode({"sql": sql, **options, "_shape": "objects"})
                out.append({"name": f"  chart {slug}/{cslug}{variant}", "url": f"/rivalscope.json?{qs}",
                            "sql": sql, "params": options})
    for table, d in load_definitions().items():
        order = f"order by [{d['sort_desc']}] desc" if d.get("sort_desc") else (f"order by [{d['sort']}]" if d.get("sort") else "")
        out.append({"name": f"table {table}", "url": f"/rivalscope/{table}",
                    "sql": f"select * from {table} {order} limit 51", "params": {}})
    queries = meta["databases"]["rivalscope"]["queries"]
    params = {"compare_competitors": {"a": "Us", "b": some},
              "negative_reviews_about_theme": {"theme": "price_value", "competitor": ""},
              "changes_since": {"since": since, "competitor": ""}}
    for name, q in queries.items():
        p = params[name]
        out.append({"name": f"query {name}", "url": f"/rivalscope/{name}?{urllib.parse.urlencode(p)}",
                    "sql": q["sql"], "params": p})
    p = {"theme": "support", "competitor": some}
    out.append({"name": "query negative_reviews_about_theme (one competitor)",
                "url": f"/rivalscope/negative_reviews_about_theme?{urllib.parse.urlencode(p)}",
                "sql": queries["negative_reviews_about_theme"]["sql"], "params": p})
    out.append({"name": "(extra) landing page", "url": "/"})
    out.append({"name": "(extra) reviews full-text search", "url": "/rivalscope/reviews?_search=crashes"})
    return out


def time_http(base: str, url: str, n: int) -> list[float]:
    times = []
    for i in range(n + 1):
        t = time.perf_counter()
        with urllib.request.urlopen(base + url, timeout=60) as r:
            r.read()
            if r.status != 200:
                raise RuntimeError(f"{url}: HTTP {r.status}")
        if i:  # first request warms caches
            times.append((time.perf_counter() - t) * 1000)
    return times


def time_sqlite(db_path: Path, sql: str, params: dict, n: int) -> list[float]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    register_functions(conn)
    times = []
    for i in range(n + 1):
        t = time.perf_counter()
        conn.execute(sql, params).fetchall()
        if i:
            times.append((time.perf_counter() - t) * 1000)
    conn.close()
    return times


def _vm_hwm_mb(pid: int) -> float | None:
    """Peak resident set of a running process (Linux), before it is stopped."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def measure(db_path: Path, *, requests: int, echo=lambda *a: None) -> dict:
    """Time the benchmark build and rebuild, then every page through `rivalscope serve`."""
    db = open_db(db_path)
    t = time.perf_counter()
    rows = build_benchmarks(db)
    first = time.perf_counter() - t
    t = time.perf_counter()
    build_benchmarks(db)
    rebuild = time.perf_counter() - t
    db.close()
    echo(f"benchmark build: {first:.1f}s (first, creates input indexes), rebuild: {rebuild:.1f}s "
         f"(target < 60 s); rows: {rows}")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "rivalscope", "serve", "--db", str(db_path), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("rivalscope serve did not start: " + (proc.stderr.read() if proc.stderr else ""))
                time.sleep(0.3)
        results = []
        echo(f"\n{'request':<58} {'p50 ms':>8} {'p95 ms':>8} {'sqlite3 p50':>12} {'ratio':>6}")
        for target in targets(db_path):
            times = time_http(base, target["url"], requests)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            raw = None
            if target.get("sql"):
                raw = statistics.median(time_sqlite(db_path, target["sql"], target["params"], requests))
            ratio = f"{p50 / raw:6.1f}" if raw else ""
            flag = "" if p95 < 200 or target["name"].startswith("(extra)") else "  > 200 ms"
            echo(f"{target['name']:<58} {p50:8.1f} {p95:8.1f} {(f'{raw:.2f}' if raw is not None else ''):>12} "
                 f"{ratio:>6}{flag}")
            results.append({"name": target["name"].strip(), "url": target["url"], "p50_ms": round(p50, 1),
                            "p95_ms": round(p95, 1), "sqlite3_p50_ms": None if raw is None else round(raw, 2)})
        serve_rss = _vm_hwm_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    measured = [r for r in results if not r["name"].startswith("(extra)")]
    worst = max(measured, key=lambda r: r["p95_ms"])
    echo(f"\nworst p95: {worst['p95_ms']} ms ({worst['name']}); "
         f"{sum(r['p95_ms'] < 200 for r in measured)}/{len(measured)} requests under 200 ms")
    return {"first_build_s": round(first, 2), "rebuild_s": round(rebuild, 2), "requests": results,
            "requests_per_url": requests, "worst_p95_ms": worst["p95_ms"], "worst_p95_request": worst["name"],
            "under_200ms": f"{sum(r['p95_ms'] < 200 for r in measured)}/{len(measured)}",
            "serve_max_rss_mb": serve_rss}


def run(scale: dict, workdir: Path, repeats: int) -> dict:
    """The harness's entry: generate the database, measure, report the generation too."""
    db_path = workdir / "serve.db"
    t = time.perf_counter()
    counts = generate(db_path, reviews=scale["serve_reviews"], competitors=scale["serve_competitors"],
                      days=scale["serve_days"])
    generated = time.perf_counter() - t
    note(f"serve: generated {scale['serve_reviews']:,} reviews in {generated:.0f} s; building and requesting")
    out = measure(db_path, requests=scale["serve_requests"])
    out.update({"reviews": scale["serve_reviews"], "competitors": scale["serve_competitors"],
                "generated_s": round(generated, 1), "rows": counts,
                "db_mb": round(db_path.stat().st_size / 1e6)})
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reviews", type=int, default=1_000_000)
    ap.add_argument("--competitors", type=int, default=20)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--requests", type=int, default=20, help="timed requests per URL (after one warm-up)")
    ap.add_argument("--db", type=Path, default=None, help="database path (default: a temporary file)")
    ap.add_argument("--reuse", action="store_true", help="reuse --db if it exists instead of generating")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="rivalscope-perf-")
        args.db = Path(tmp.name) / "perf.db"
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    if not (args.reuse and args.db.exists()):
        t = time.perf_counter()
        counts = generate(args.db, reviews=args.reviews, competitors=args.competitors, days=args.days)
        print(f"generated {args.db} in {time.perf_counter() - t:.1f}s: {counts}, "
              f"{args.db.stat().st_size / 1e6:.0f} MB")

    try:
        out = measure(args.db, requests=args.requests, echo=print)
    finally:
        if tmp is not None:
            tmp.cleanup()
    out.update({"reviews": args.reviews, "competitors": args.competitors})
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
