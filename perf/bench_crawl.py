"""Crawl throughput: the full rivalscope crawl against a bare Scrapy spider and `scrapy bench`,
and browser-rendered pages against plain Playwright, all measured in the same run.

The site is the synthetic market (perf/sites) served from its own process on 127.0.0.1:
`vendors` competitors, each with a homepage, a pricing page and `review_pages` pages of ten
reviews. rivalscope runs `rivalscope crawl` (robots.txt, extraction, storage, pagination
discovered page by page) into a fresh database; the bare spider downloads the same URLs
(given all at once) and does nothing else. Both run as child processes with the same
concurrency, and pages/min is pages over the child's wall time (start-up included).
"""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from perf.measure import PYTHON, benchmark_site, note, ratio, run_measured, summary
from perf.sites.server import crawlable_urls
from rivalscope.cli.crawl_cmds import write_config
from rivalscope.demo.synthetic import synthetic_config, synthetic_market


def _rivalscope_crawl(base_url: str, workdir: Path, vendors: dict, *, concurrency: int, render: str = "never",
                      only: str | None = None, tag: str) -> tuple[float, int, float]:
    db = workdir / f"crawl-{tag}.db"
    db.unlink(missing_ok=True)
    cfg = workdir / f"crawl-{tag}.yml"
    write_config(synthetic_config(base_url, db, vendors, concurrency=concurrency, render=render), cfg)
    cmd = [PYTHON, "-m", "rivalscope", "crawl", "-c", str(cfg), "--db", str(db), "--quiet"]
    if only:
        cmd += ["--only", only]
    m = run_measured(cmd).check("rivalscope crawl")
    con = sqlite3.connect(db)
    try:
        ok = con.execute("select count(*) from pages where status = 'ok'").fetchone()[0]
    finally:
        con.close()
    db.unlink(missing_ok=True)
    return m.seconds, ok, m.max_rss_mb


def _json_child(cmd: list[str], what: str) -> tuple[dict, float]:
    m = run_measured(cmd).check(what)
    return json.loads(m.stdout.strip().splitlines()[-1]), m.seconds


def scrapy_bench(seconds: int) -> float:
    """pages/min of `scrapy bench` (Scrapy's own local server and link-following spider)."""
    m = run_measured([PYTHON, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}",
                      "-s", "LOGSTATS_INTERVAL=1000"], timeout=seconds * 10 + 60).check("scrapy bench")
    log = m.stderr
    pages = re.search(r"'response_received_count': (\d+)", log)
    elapsed = re.search(r"'elapsed_time_seconds': ([\d.]+)", log)
    if not (pages and elapsed):
        raise RuntimeError(f"scrapy bench printed no stats: {log[-1500:]}")
    return int(pages.group(1)) / float(elapsed.group(1)) * 60


def run(scale: dict, workdir: Path, repeats: int) -> dict:
    n_vendors, review_pages, concurrency = scale["crawl_vendors"], scale["crawl_review_pages"], scale["concurrency"]
    vendors = synthetic_market(n_vendors, review_pages)
    ours, bare, bench, rss = [], [], [], []
    with benchmark_site(n_vendors, review_pages) as (base_url, pages):
        urls_file = workdir / "urls.txt"
        urls = crawlable_urls(vendors, base_url)
        urls_file.write_text("\n".join(urls))
        for i in range(repeats):
            seconds, ok, mem = _rivalscope_crawl(base_url, workdir, vendors, concurrency=concurrency, tag=str(i))
            if ok != pages:
                raise RuntimeError(f"rivalscope crawl stored {ok} ok pages of {pages}")
            ours.append(pages / seconds * 60)
            rss.append(mem)
            out, seconds = _json_child([PYTHON, "-m", "perf.raw.bare_spider", str(urls_file),
                                        "--concurrency", str(concurrency)], "bare spider")
            if out["pages"] != len(urls):
                raise RuntimeError(f"bare spider downloaded {out['pages']} of {len(urls)}")
            bare.append(len(urls) / seconds * 60)
            bench.append(scrapy_bench(scale["scrapy_bench_seconds"]))
            note(f"crawl run {i + 1}/{repeats}: rivalscope {ours[-1]:,.0f}, bare spider {bare[-1]:,.0f}, "
                 f"scrapy bench {bench[-1]:,.0f} pages/min")
    result = {
        "pages": pages, "concurrency": concurrency,
        "rivalscope_pages_per_min": summary(ours),
        "bare_scrapy_pages_per_min": summary(bare),
        "scrapy_bench_pages_per_min": summary(bench),
        "max_rss_mb": round(max(rss), 1),
    }
    result["ratio_vs_bare"] = ratio(result["rivalscope_pages_per_min"]["median"],
                                    result["bare_scrapy_pages_per_min"]["median"])
    result["ratio_vs_scrapy_bench"] = ratio(result["rivalscope_pages_per_min"]["median"],
                                            result["scrapy_bench_pages_per_min"]["median"])
    return result


def run_browser(scale: dict, workdir: Path, repeats: int) -> dict:
    """JS-rendered pricing pages (prices fetched by script): rivalscope with render: always
    against plain Playwright, at each browser concurrency."""
    n = scale["browser_pages"]
    vendors = synthetic_market(n, 1, markup="js")
    out = {"pages": n, "by_concurrency": {}}
    with benchmark_site(n, 1, markup="js") as (base_url, _):
        urls_file = workdir / "js-urls.txt"
        urls_file.write_text("\n".join(f"{base_url}/{slug}/pricing" for slug in vendors))
        for c in scale["browser_concurrency"]:
            ours, raw, rss = [], [], []
            for i in range(repeats):
                seconds, ok, mem = _rivalscope_crawl(base_url, workdir, vendors, concurrency=c, render="always",
                                                     only="pricing", tag=f"js{c}-{i}")
                if ok != n:
                    raise RuntimeError(f"rendered crawl stored {ok} ok pricing pages of {n}")
                ours.append(n / seconds * 60)
                rss.append(mem)
                res, seconds = _json_child([PYTHON, "-m", "perf.raw.browser", str(urls_file),
                                            "--concurrency", str(c)], "plain Playwright")
                raw.append(res["pages"] / seconds * 60)
                note(f"browser, {c} at once, run {i + 1}/{repeats}: rivalscope {ours[-1]:,.0f}, "
                     f"Playwright {raw[-1]:,.0f} pages/min")
            row = {"rivalscope_pages_per_min": summary(ours), "playwright_pages_per_min": summary(raw),
                   "max_rss_mb": round(max(rss), 1)}
            row["ratio"] = ratio(row["rivalscope_pages_per_min"]["median"], row["playwright_pages_per_min"]["median"])
            out["by_concurrency"][str(c)] = row
    return out
