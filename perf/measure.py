"""What every benchmark needs: run a child process and get its wall time and peak memory,
start a benchmark site in its own process, and summarise repeated measurements."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Measured:
    returncode: int
    seconds: float
    max_rss_mb: float
    stdout: str
    stderr: str

    def check(self, what: str) -> "Measured":
        if self.returncode != 0:
            raise RuntimeError(f"{what} exited with {self.returncode}: {self.stderr.strip()[-1500:]}")
        return self


def run_measured(cmd: list[str], *, timeout: float = 3600, cwd: Path = ROOT, env: dict | None = None,
                 show_stderr: bool = False) -> Measured:
    """Run `cmd` to completion; wall time and peak RSS (MB) from wait4's rusage, which on
    Linux is the largest resident set of the child (descendants it waited for included).
    `show_stderr`: let the child's stderr (its progress) through instead of capturing it."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=None if show_stderr else err, cwd=cwd, env=env, text=True)
        deadline = started + timeout
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                killed = True
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        proc.returncode = -9 if killed else os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, seconds, usage.ru_maxrss / 1024, out.read(), err.read())


@contextmanager
def benchmark_site(vendors: int, review_pages: int, *, markup: str | None = None):
    """Serve a synthetic market from a separate process; yields (base_url, pages)."""
    cmd = [PYTHON, "-m", "perf.sites.server", "--vendors", str(vendors), "--review-pages", str(review_pages)]
    if markup:
        cmd += ["--markup", markup]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stdout.readline().split()
        if len(line) != 4 or line[0] != "PORT":
            raise RuntimeError(f"benchmark site did not start: {proc.stderr.read()[-1500:]}")
        yield f"http://127.0.0.1:{line[1]}", int(line[3])
    finally:
        proc.kill()
        proc.wait()


def note(message: str) -> None:
    """Progress of a long benchmark, on stderr."""
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def summary(values: list[float]) -> dict:
    """Median of the runs, with the runs themselves for the report."""
    return {"median": statistics.median(values), "runs": [round(v, 3) for v in values]}


def ratio(ours: float, raw: float) -> float | None:
    return round(ours / raw, 3) if raw else None


def peak_rss_mb() -> float:
    """Peak RSS of this process so far (MB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
