"""`make bench`: every benchmark, each against the raw library measured in the same run;
writes perf/results/report.md and report.json.

    python -m perf                       # full scale (about half an hour on 2 cores)
    python -m perf --scale tiny          # seconds: checks the harness, figures meaningless
    python -m perf --only store,analyze --repeats 5 --out /tmp/bench
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from perf import bench_analyze, bench_crawl, bench_memory, bench_serve, bench_store
from perf.measure import PYTHON, run_measured
from perf.report import load_improvements, write_report

SCALES = {
    "full": {"crawl_vendors": 50, "crawl_review_pages": 98, "concurrency": 16, "scrapy_bench_seconds": 10,
             "browser_pages": 120, "browser_concurrency": [1, 2, 4],
             "store_reviews": 1_000_000, "store_page_reviews": 100_000,
             "analyze_reviews": 100_000,
             "serve_reviews": 1_000_000, "serve_competitors": 20, "serve_days": 365, "serve_requests": 20,
             "demo": True},
    "tiny": {"crawl_vendors": 2, "crawl_review_pages": 2, "concurrency": 4, "scrapy_bench_seconds": 1,
             "browser_pages": 2, "browser_concurrency": [1, 2],
             "store_reviews": 500, "store_page_reviews": 200,
             "analyze_reviews": 200,
             "serve_reviews": 2_000, "serve_competitors": 3, "serve_days": 60, "serve_requests": 2,
             "demo": False},
}
STAGES = {"crawl": bench_crawl.run, "browser": bench_crawl.run_browser, "store": bench_store.run, "analyze": bench_analyze.run,
          "serve": bench_serve.run}


def machine() -> dict:
    mem = None
    try:
        mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"platform": platform.platform(), "cpu": cpu, "cpus": os.cpu_count(), "memory_gib": mem,
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version}


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of runs (1 or more)")
    return int(value)


def run_stage(stage: str, args, workdir: Path) -> dict:
    """Run one stage in a child process; its peak RSS is the stage's (raw comparison included)."""
    out = workdir / f"{stage}.json"
    m = run_measured([PYTHON, "-m", "perf", "--scale", args.scale, "--repeats", str(args.repeats),
                      "--child", stage, str(workdir), str(out)], timeout=4 * 3600, show_stderr=True)
    m.check(f"stage {stage} (its output is above)")
    result = json.loads(out.read_text())
    result["process_max_rss_mb"] = round(m.max_rss_mb, 1)
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m perf", description=__doc__.splitlines()[0])
    ap.add_argument("--scale", choices=sorted(SCALES), default="full")
    ap.add_argument("--repeats", type=_positive, default=3, help="runs per figure; the report gives the median")
    ap.add_argument("--only", default="", help="comma-separated stages: " + ",".join([*STAGES, "memory"]))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    ap.add_argument("--update", action="store_true",
                    help="keep the other stages of the existing report in --out; replace only those run")
    ap.add_argument("--child", nargs=3, metavar=("STAGE", "WORKDIR", "JSON"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    scale = SCALES[args.scale]
    if args.child:  # one stage in this process, so its peak memory is its own
        stage, workdir, out = args.child
        Path(out).write_text(json.dumps(STAGES[stage](scale, Path(workdir), args.repeats)))
        return 0
    wanted = [s for s in args.only.split(",") if s] or [*STAGES, "memory"]
    unknown = set(wanted) - {*STAGES, "memory"}
    if unknown:
        print(f"unknown stage(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "scale": args.scale,
              "repeats": args.repeats, "machine": machine(), "stages": {}, "errors": {}}
    failed = False
    with tempfile.TemporaryDirectory(prefix="rivalscope-bench-") as tmp:
        for stage in wanted:
            print(f"[{time.strftime('%H:%M:%S')}] {stage} ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            try:
                if stage == "memory":
                    result = bench_memory.demo_memory(Path(tmp)) if scale["demo"] else {"available": False,
                                                                                      "reason": "not at this scale"}
                else:
                    result = run_stage(stage, args, Path(tmp))
            except Exception as e:  # one broken stage must not hide the others' figures
                print(f"{stage} failed: {e}", file=sys.stderr)
                report["errors"][stage] = f"{type(e).__name__}: {e}"[:3000]
                failed = True
                continue
            result["seconds"] = round(time.perf_counter() - started, 1)
            report["stages"][stage] = result
    report["finished_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    previous = args.out / "report.json"
    if args.update and previous.exists():
        old = json.loads(previous.read_text())
        if old.get("scale") == args.scale:
            report["stages"] = {**old["stages"], **report["stages"]}
            report["errors"] = {**{k: v for k, v in old.get("errors", {}).items() if k not in wanted},
                                **report["errors"]}
            report["updated_stages"] = {**old.get("updated_stages", {}), **{s: report["started_at"] for s in wanted}}
            report["started_at"] = old["started_at"]
    report["improvements"] = load_improvements()
    md, js = write_report(report, args.out)
    print(md.read_text())
    print(f"written {md} and {js}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
