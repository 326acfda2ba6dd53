"""Peak memory of the demo end to end (`rivalscope demo --no-serve`: crawl of the demo market
in a child process, analyse, benchmark). ru_maxrss from wait4 is the largest resident set of
the demo process or of any descendant it waited for (the crawl); it is not a sum over
processes, and Chromium's own processes are not included.

    .venv/bin/python -m perf.bench_memory demo     # peak RSS of `rivalscope demo --no-serve`
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from perf.measure import run_measured

LIMIT_MB = 1536  # the demo must stay under 1.5 GB


def demo_memory(workdir: Path) -> dict:
    """Peak RSS of `rivalscope demo --no-serve` (crawl of the demo market, analyse, benchmark)."""
    try:
        import rivalscope.demo  # noqa: F401
    except ImportError:
        return {"available": False, "reason": "rivalscope.demo does not exist in this checkout"}
    m = run_measured([sys.executable, "-m", "rivalscope", "demo", "--no-serve", "--db", str(workdir / "demo.db")],
                     timeout=900)
    if m.returncode != 0:
        return {"available": False, "reason": f"demo exited with {m.returncode}: {m.stderr.strip()[-500:]}"}
    return {"available": True, "seconds": round(m.seconds, 1), "max_rss_mb": round(m.max_rss_mb, 1),
            "limit_mb": LIMIT_MB, "under_limit": m.max_rss_mb < LIMIT_MB}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv != ["demo"]:
        print("usage: python -m perf.bench_memory demo", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="rivalscope-mem-") as tmp:
        print(json.dumps(demo_memory(Path(tmp)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
