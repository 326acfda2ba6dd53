"""The benchmark report: JSON as measured, and a markdown summary of the same figures."""
from __future__ import annotations

import json
from pathlib import Path


def _n(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    if isinstance(value, dict):
        value = value["median"]
    return f"{value:,.{digits}f}"


def _r(value) -> str:
    return "–" if value is None else f"{value:.2f}×"


def render(report: dict) -> str:
    m, st = report["machine"], report["stages"]
    lines = [f"# rivalscope benchmarks ({report['scale']} scale)", "",
             f"{report['started_at']} · {m['cpu']}, {m['cpus']} CPUs, {m['memory_gib']} GiB · "
             f"Python {m['python']} · SQLite {m['sqlite']} · median of {report['repeats']} runs"
             + "".join(f" · {k} re-run {v}" for k, v in report.get("updated_stages", {}).items()), "",
             "| stage | rivalscope | raw library, same run | ratio | peak RSS |", "|---|---|---|---|---|"]
    if c := st.get("crawl"):
        lines.append(f"| crawl, {c['pages']:,} pages, concurrency {c['concurrency']} | "
                     f"{_n(c['rivalscope_pages_per_min'])} pages/min | bare Scrapy spider "
                     f"{_n(c['bare_scrapy_pages_per_min'])} pages/min | {_r(c['ratio_vs_bare'])} | "
                     f"{_n(c['max_rss_mb'])} MB |")
        lines.append(f"| crawl vs `scrapy bench` | | {_n(c['scrapy_bench_pages_per_min'])} pages/min | "
                     f"{_r(c['ratio_vs_scrapy_bench'])} | |")
    if br := st.get("browser"):
        for conc, b in br["by_concurrency"].items():
            lines.append(f"| browser, {br['pages']} JS pages, {conc} at once | "
                         f"{_n(b['rivalscope_pages_per_min'])} pages/min | Playwright "
                         f"{_n(b['playwright_pages_per_min'])} pages/min | {_r(b['ratio'])} | "
                         f"{_n(b['max_rss_mb'])} MB |")
    if s := st.get("store"):
        lines.append(f"| store {s['reviews']:,} reviews (batches of {s['batch']}) | "
                     f"{_n(s['rivalscope_rows_per_s'])} rows/s | executemany {_n(s['executemany_rows_per_s'])} "
                     f"rows/s | {_r(s['ratio'])} | {_n(s.get('process_max_rss_mb', s['max_rss_mb']))} MB |")
        small = s["rivalscope_rows_per_s_batches_of_10"]
        lines.append(f"| store, one page of 10 per call ({small['reviews']:,}) | {_n(small)} rows/s | | | |")
    if a := st.get("analyze"):
        lines.append(f"| analyze {a['reviews']:,} reviews, 1 process | {_n(a['analyze_1_texts_per_s'])} texts/s, "
                     f"{_n(a['analyze_1_words_per_s'])} words/s | spaCy+VADER {_n(a['raw_texts_per_s'])} texts/s, "
                     f"{_n(a['raw_words_per_s'])} words/s | {_r(a['ratio_1_process'])} | "
                     f"{_n(a.get('process_max_rss_mb', a['max_rss_mb']))} MB |")
        lines.append(f"| analyze, 2 processes | {_n(a['analyze_2_texts_per_s'])} texts/s | | "
                     f"{_r(a['ratio_2_processes'])} (speed-up {_r(a['speedup_2_processes'])}) | |")
    if v := st.get("serve"):
        lines.append(f"| benchmark tables on {v['reviews']:,} reviews | first build {v['first_build_s']} s, "
                     f"rebuild {v['rebuild_s']} s | | | |")
        lines.append(f"| serve: worst p95 of {len(v['requests'])} pages | {v['worst_p95_ms']} ms "
                     f"({v['worst_p95_request']}); {v['under_200ms']} under 200 ms | | | "
                     f"{_n(v['serve_max_rss_mb'])} MB |")
    if (d := st.get("memory")) and d.get("available"):
        lines.append(f"| demo end to end | {d['seconds']} s | | | {_n(d['max_rss_mb'])} MB "
                     f"(limit {d['limit_mb']} MB) |")
    if v := st.get("serve"):
        lines += ["", "## Serve: every page", "", "| request | p50 ms | p95 ms | sqlite3 p50 ms |", "|---|---|---|---|"]
        lines += [f"| {r['name']} | {r['p50_ms']} | {r['p95_ms']} | {'–' if r['sqlite3_p50_ms'] is None else r['sqlite3_p50_ms']} |"
                  for r in v["requests"]]
    if report.get("improvements"):
        lines += ["", "## Profiled and made faster (before → after)", "",
                  "| stage | change | figure | before | after | measured |", "|---|---|---|---|---|---|"]
        lines += [f"| {i['stage']} | {i['change']} | {i['figure']} | {i['before']} | {i['after']} | {i['measured']} |"
                  for i in report["improvements"]]
    if report["errors"]:
        lines += ["", "## Stages that failed", ""] + [f"- {k}: {e}" for k, e in report["errors"].items()]
    return "\n".join(lines) + "\n"


IMPROVEMENTS = Path(__file__).resolve().parent / "improvements.json"


def load_improvements(path: Path = IMPROVEMENTS) -> list[dict]:
    """The before/after record of what profiling changed (perf/improvements.json, kept by
    hand: each entry quotes two reports' figures, it is not measured by this run)."""
    return json.loads(path.read_text()) if path.exists() else []


def write_report(report: dict, out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    js, md = out / "report.json", out / "report.md"
    js.write_text(json.dumps(report, indent=2))
    md.write_text(render(report))
    return md, js
