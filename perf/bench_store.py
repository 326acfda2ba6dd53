"""Store throughput: reviews per second through `save_reviews` (PII masking, identity,
author hashing, look-up of what is already stored, insert) against raw
`sqlite3.executemany` of the very rows it stored, in one transaction, into a database with
the same schema (indexes and full-text triggers included), measured in the same run.

    python -m perf.bench_store --reviews 100000
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from perf.measure import note, peak_rss_mb, ratio, summary
from rivalscope.store import open_db, save_competitors, save_reviews

WORDS = ("setup support price billing dashboard export report team onboarding slow fast great clunky "
         "integration slack mobile app invoice seats plan upgrade api docs search alerts").split()
SENTENCES = ["Setup took ten minutes and the dashboards are great.", "Support never answered my ticket.",
             "Way overpriced for a small team.", "The Slack integration is seamless.",
             "Pages take forever to load.", "Billing charged us twice this month.",
             "Honestly the best tool we bought this year.", "The mobile app is clunky and slow.",
             "Reporting is powerful but confusing at first.", "The free plan is generous."]
COMPETITORS = [f"vendor-{i:02d}" for i in range(20)]
BATCH = 1000  # import-feedback and the review spider hand over reviews in batches


def generate(n: int, seed: int = 0) -> list[tuple[str, dict]]:
    """(competitor, extracted review) pairs, as the review extractor produces them."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
        body += f" Tried {rng.choice(WORDS)} and {rng.choice(WORDS)} for {rng.randint(1, 36)} months."
        out.append((COMPETITORS[i % len(COMPETITORS)], {
            "site_id": f"r{i}" if i % 2 else None, "author": f"User {i}",
            "rating": float(rng.randint(1, 5)), "title": rng.choice(SENTENCES)[:40], "body": body,
            "published_at": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "language": "en",
            "verified": bool(i % 3), "helpful_votes": i % 7, "product": None,
            "url": f"https://reviews.example/{COMPETITORS[i % len(COMPETITORS)]}?page={i // 10}"}))
    return out


def _fresh(path: Path):
    path.unlink(missing_ok=True)
    db = open_db(path)
    save_competitors(db, [{"name": c} for c in COMPETITORS])
    return db


def rivalscope_store(path: Path, reviews: list[tuple[str, dict]], batch: int) -> float:
    db = _fresh(path)
    try:
        started = time.perf_counter()
        by_comp: dict[str, list] = {}
        for comp, r in reviews:
            group = by_comp.setdefault(comp, [])
            group.append(r)
            if len(group) == batch:
                save_reviews(db, run=None, page=None, competitor=comp, source="reviews.example", reviews=group)
                by_comp[comp] = []
        for comp, group in by_comp.items():
            if group:
                save_reviews(db, run=None, page=None, competitor=comp, source="reviews.example", reviews=group)
        seconds = time.perf_counter() - started
        stored = db["reviews"].count
    finally:
        db.close()
    if stored != len(reviews):
        raise RuntimeError(f"save_reviews stored {stored} of {len(reviews)}")
    return seconds


def raw_executemany(stored_db: Path, path: Path) -> tuple[float, int]:
    """Insert the rows rivalscope stored into an empty database of the same schema."""
    _fresh(path).close()
    src = sqlite3.connect(stored_db)
    cols = [r[1] for r in src.execute("pragma table_info(reviews)")]
    rows = src.execute(f"select {', '.join(cols)} from reviews").fetchall()
    src.close()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("pragma journal_mode = wal")
    con.execute("pragma synchronous = normal")
    started = time.perf_counter()
    con.execute("begin")
    con.executemany(f"insert into reviews ({', '.join(cols)}) values ({', '.join('?' * len(cols))})", rows)
    con.execute("commit")
    seconds = time.perf_counter() - started
    con.close()
    return seconds, len(rows)


def run(scale: dict, workdir: Path, repeats: int) -> dict:
    n = scale["store_reviews"]
    reviews = generate(n)
    ours, raw, small = [], [], []
    for i in range(repeats):
        seconds = rivalscope_store(workdir / "store.db", reviews, BATCH)
        ours.append(n / seconds)
        seconds, rows = raw_executemany(workdir / "store.db", workdir / "raw.db")
        raw.append(rows / seconds)
        note(f"store run {i + 1}/{repeats}: rivalscope {ours[-1]:,.0f}, executemany {raw[-1]:,.0f} rows/s")
    # the crawler's own rhythm: one page of ten reviews per call (one transaction each)
    page_n = min(n, scale.get("store_page_reviews", 100_000))
    small.append(page_n / rivalscope_store(workdir / "store10.db", reviews[:page_n], 10))
    result = {"reviews": n, "batch": BATCH,
              "rivalscope_rows_per_s": summary(ours), "executemany_rows_per_s": summary(raw),
              "rivalscope_rows_per_s_batches_of_10": {"reviews": page_n, **summary(small)},
              "max_rss_mb": round(peak_rss_mb(), 1)}
    result["ratio"] = ratio(result["rivalscope_rows_per_s"]["median"], result["executemany_rows_per_s"]["median"])
    for name in ("store.db", "raw.db", "store10.db"):
        for suffix in ("", "-wal", "-shm"):
            (workdir / (name + suffix)).unlink(missing_ok=True)
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m perf.bench_store")
    ap.add_argument("--reviews", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rivalscope-store-") as tmp:
        print(json.dumps(run({"store_reviews": args.reviews, "store_page_reviews": args.reviews}, Path(tmp),
                             args.repeats), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
