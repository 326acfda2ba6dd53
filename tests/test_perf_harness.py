"""The benchmark harness at a tiny scale: it runs every stage, produces every figure with its
raw-library comparison, and the report parses. No timing is asserted (figures at this scale
mean nothing)."""
from __future__ import annotations

import json
import subprocess
import sys


def test_harness_runs_every_stage_and_writes_the_report(tmp_path):
    result = subprocess.run([sys.executable, "-m", "perf", "--scale", "tiny", "--repeats", "1",
                             "--out", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["errors"] == {}
    assert report["machine"]["cpus"] >= 1
    st = report["stages"]
    assert set(st) == {"crawl", "browser", "store", "analyze", "serve", "memory"}

    crawl = st["crawl"]
    assert crawl["pages"] == 2 * (2 + 2)
    for key in ("rivalscope_pages_per_min", "bare_scrapy_pages_per_min", "scrapy_bench_pages_per_min"):
        assert crawl[key]["median"] > 0 and len(crawl[key]["runs"]) == 1
    assert crawl["ratio_vs_bare"] > 0 and crawl["ratio_vs_scrapy_bench"] > 0
    assert set(st["browser"]["by_concurrency"]) == {"1", "2"}
    for row in st["browser"]["by_concurrency"].values():
        assert row["rivalscope_pages_per_min"]["median"] > 0 and row["playwright_pages_per_min"]["median"] > 0

    store = st["store"]
    assert store["reviews"] == 500 and store["ratio"] > 0 and store["process_max_rss_mb"] > 0
    analyze = st["analyze"]
    assert analyze["reviews"] == 200 and analyze["raw_words_per_s"] > 0
    assert analyze["ratio_1_process"] > 0 and analyze["speedup_2_processes"] > 0
    serve = st["serve"]
    assert serve["requests"] and all(r["p95_ms"] >= r["p50_ms"] > 0 for r in serve["requests"])
    assert serve["rebuild_s"] >= 0 and serve["serve_max_rss_mb"] > 0
    assert st["memory"] == {"available": False, "reason": "not at this scale", "seconds": st["memory"]["seconds"]}

    # --update re-runs one stage and keeps the others
    before = report["stages"]["store"]
    result = subprocess.run([sys.executable, "-m", "perf", "--scale", "tiny", "--repeats", "1", "--only", "serve",
                             "--update", "--out", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    updated = json.loads((tmp_path / "report.json").read_text())
    assert updated["stages"]["store"] == before and set(updated["updated_stages"]) == {"serve"}

    md = (tmp_path / "report.md").read_text()
    for words in ("bare Scrapy spider", "scrapy bench", "Playwright", "executemany", "spaCy+VADER",
                  "worst p95", "## Serve: every page", "## Profiled and made faster"):
        assert words in md
