"""Throughput of `analyze` against the raw libraries, measured in the same run.

    .venv/bin/python -m perf.bench_analyze [--reviews 100000] [--seed 0]

Generates N reviews (2-6 sentences each, themed and unthemed, positive and negative) into
a temporary database, then measures:
  raw       blank spaCy + sentencizer + a per-token lookup lemmatizer, then VADER per
            sentence (perf/raw/nlp_pipeline.py; texts in memory, no database, no themes)
  analyze   analyze_database() with 1 process, then with 2 processes (each on its own copy
            of the database): reading, themes, sentiment, contrast, writing every table
and prints texts/s, the ratio analyze/raw (aim >= 0.6) and the 2-process speed-up (aim >= 1.6).
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from nlp.analyze import analyze_database, review_text
from perf.measure import PYTHON, note, peak_rss_mb, ratio, run_measured, summary
from rivalscope.store import open_db, save_competitors, save_reviews

SENTENCES = [
    "Great UI but support is slow.", "The app crashes every time I export a report.",
    "Way overpriced for a small team.", "Setup took ten minutes.", "The Slack integration is seamless.",
    "Support never answered my ticket.", "Pages take forever to load.", "I love the new dashboard.",
    "Billing charged us twice this month.", "The documentation is outdated.",
    "We use it for client projects every day.", "The mobile app is clunky and slow.",
    "Honestly the best tool we have bought this year.", "It is not cheap, but it is worth it.",
    "Our whole team switched over in a week.", "Search is fast and accurate.",
    "The dark mode hurts my eyes.", "Permissions are too coarse for a big company.",
    "Customer service was friendly and quick.", "After the update it freezes constantly.",
    "Reporting is powerful but confusing at first.", "The free plan is generous.",
    "Nothing special, it does the job.", "The onboarding call was useful.",
]
TITLES = ["Great tool", "Disappointed", "Solid", "Not worth it", "Love it", None, None]


def generate(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [{"site_id": str(i), "author": f"user{i % 977}", "rating": rng.randint(1, 5),
             "title": rng.choice(TITLES),
             "body": " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6))),
             "published_at": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"} for i in range(n)]


def build_db(path: Path, reviews: list[dict]) -> None:
    db = open_db(path)
    names = ["Globex", "Initech", "Umbrella", "Hooli", "Acme"]
    save_competitors(db, [{"name": n} for n in names])
    for i in range(0, len(reviews), 2000):
        save_reviews(db, run=None, page=None, competitor=names[(i // 2000) % len(names)].lower(),
                     source="bench", reviews=reviews[i:i + 2000])
    db.close()


def raw_throughput(texts: list[str]) -> tuple[float, int]:
    """Texts/s of the raw libraries (perf/raw/nlp_pipeline.py), and the sentences they scored.

    Building the pipeline and loading VADER's lexicon count, as building analyze's pipeline
    counts in its figure (0.09-0.10 s against 0.14-0.15 s, each in a fresh process; both
    sides' imports are done before either clock starts). Until 2026-12-07 the raw side's
    loading was left out of its time."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from perf.raw.nlp_pipeline import raw_analyze, raw_pipeline

    started = time.perf_counter()
    nlp, vader = raw_pipeline(), SentimentIntensityAnalyzer()
    sentences = raw_analyze(nlp, vader, texts)
    return len(texts) / (time.perf_counter() - started), sentences


def analyze_throughput(src: Path, workdir: Path, processes: int) -> tuple[float, dict]:
    path = workdir / f"analyze-{processes}.db"
    shutil.copy(src, path)
    db = open_db(path)
    started = time.perf_counter()
    stats = analyze_database(db, processes=processes)
    elapsed = time.perf_counter() - started
    db.close()
    return stats["texts"] / elapsed, stats


def _measure(kind: str, workdir: Path, n: int) -> tuple[float, float]:
    """(texts/s, peak RSS MB) of one measurement, in a process of its own: measured one after
    another in the harness's process, each run inherited the last one's heap (the generated
    reviews, the raw pipelines' and analyze's leftovers), and analyze on one process slowed run
    by run (8,270 then 7,250 texts/s after a second raw run, 8,330 in a fresh process)."""
    code = ("import sys; from pathlib import Path; import perf.bench_analyze as b; "
            "print(b._measure_here(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])))")
    m = run_measured([PYTHON, "-c", code, kind, str(workdir), str(n)]).check(f"benchmark measurement {kind}")
    return float(m.stdout.strip().splitlines()[-1]), m.max_rss_mb


def _measure_here(kind: str, workdir: Path, n: int) -> float:
    if kind == "raw":
        reviews = generate(n, 0)
        texts = [review_text(r["title"], r["body"]) for r in reviews]
        del reviews
        return raw_throughput(texts)[0]
    return analyze_throughput(workdir / "analyze-src.db", workdir, int(kind))[0]


def run(scale: dict, workdir: Path, repeats: int) -> dict:
    """Median texts/s and words/s of the raw libraries and of analyze with 1 and 2 processes,
    each measured in a fresh process (_measure)."""
    n = scale["analyze_reviews"]
    reviews = generate(n, 0)
    build_db(workdir / "analyze-src.db", reviews)
    words = sum(len(review_text(r["title"], r["body"]).split()) for r in reviews)
    del reviews
    raw, one, two, rss = [], [], [], [peak_rss_mb()]
    for i in range(repeats):
        for kind, rates in (("raw", raw), ("1", one), ("2", two)):
            rate, peak = _measure(kind, workdir, n)
            rates.append(rate)
            rss.append(peak)
        note(f"analyze run {i + 1}/{repeats}: raw {raw[-1]:,.0f}, 1 process {one[-1]:,.0f}, "
             f"2 processes {two[-1]:,.0f} texts/s")
    for name in ("analyze-src.db", "analyze-1.db", "analyze-2.db"):
        for suffix in ("", "-wal", "-shm"):
            (workdir / (name + suffix)).unlink(missing_ok=True)
    out = {"reviews": n, "words": words, "cpus": os.cpu_count(),
           "raw_texts_per_s": summary(raw), "analyze_1_texts_per_s": summary(one),
           "analyze_2_texts_per_s": summary(two), "max_rss_mb": round(max(rss), 1)}
    per_word = words / n
    for key in ("raw", "analyze_1", "analyze_2"):
        out[f"{key}_words_per_s"] = round(out[f"{key}_texts_per_s"]["median"] * per_word)
    out["ratio_1_process"] = ratio(out["analyze_1_texts_per_s"]["median"], out["raw_texts_per_s"]["median"])
    out["ratio_2_processes"] = ratio(out["analyze_2_texts_per_s"]["median"], out["raw_texts_per_s"]["median"])
    out["speedup_2_processes"] = ratio(out["analyze_2_texts_per_s"]["median"], out["analyze_1_texts_per_s"]["median"])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reviews", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        reviews = generate(args.reviews, args.seed)
        t = time.perf_counter()
        build_db(tmp / "bench.db", reviews)
        print(f"generated {args.reviews:,} reviews in {time.perf_counter() - t:.1f}s "
              f"({os.cpu_count()} CPUs)")
        texts = [review_text(r["title"], r["body"]) for r in reviews]
        raw, sentences = raw_throughput(texts)
        print(f"raw libraries   {raw:10,.0f} texts/s  ({sentences:,} sentences)")
        one, stats = analyze_throughput(tmp / "bench.db", tmp, 1)
        print(f"analyze 1 proc  {one:10,.0f} texts/s  ratio {one / raw:.2f}  "
              f"({stats['sentences']:,} sentences, {stats['sentence_themes']:,} sentence themes)")
        two, _ = analyze_throughput(tmp / "bench.db", tmp, 2)
        print(f"analyze 2 procs {two:10,.0f} texts/s  ratio {two / raw:.2f}  speed-up {two / one:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
