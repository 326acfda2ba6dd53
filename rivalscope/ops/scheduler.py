"""`rivalscope schedule`: the config's cron entries run in the foreground (for systemd or a
container). Each job runs as a child process (`rivalscope JOB`), so a crash in one run cannot
take the scheduler down, and the run lock keeps jobs from overlapping."""
from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from croniter import croniter

from rivalscope.config import ScheduleEntry

logger = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Fired:
    entry: ScheduleEntry
    due: datetime
    started: datetime
    finished: datetime
    exit_code: int


def job_command(job: str, config_file: Path, db_path: Path | None) -> list[str]:
    cmd = [sys.executable, "-m", "rivalscope", job, "-c", str(config_file)]
    if db_path is not None:
        cmd += ["--db", str(db_path)]
    if job == "crawl":
        cmd.append("--quiet")
    return cmd


class Scheduler:
    """Fires each entry at its cron times (UTC). `clock` and `sleep` are injectable so tests can
    drive time; `run_job(entry) -> exit code` does the work."""

    def __init__(self, entries: list[ScheduleEntry], run_job: Callable[[ScheduleEntry], int], *,
                 clock: Clock = utc_now, sleep: Callable[[float], None] | None = None,
                 log: Callable[[str], None] = print):
        if not entries:
            raise ValueError("the config has no `schedule:` entries")
        self.entries, self.run_job, self.clock, self.log = entries, run_job, clock, log
        self._stop = threading.Event()
        self.sleep = sleep or (lambda seconds: self._stop.wait(seconds))
        start = clock()
        self._next = [croniter(e.cron, start).get_next(datetime) for e in entries]
        self.history: list[Fired] = []

    def stop(self, *_args) -> None:
        self._stop.set()

    def next_due(self) -> tuple[datetime, int]:
        i = min(range(len(self.entries)), key=lambda k: self._next[k])
        return self._next[i], i

    def run(self, max_runs: int | None = None) -> list[Fired]:
        for e, due in zip(self.entries, self._next):
            self.log(f"scheduled {e.job} ({e.cron}); next at {due:%Y-%m-%d %H:%M} UTC")
        while not self._stop.is_set():
            due, i = self.next_due()
            now = self.clock()
            if now < due:
                self.sleep(min((due - now).total_seconds(), 60.0))
                continue
            entry = self.entries[i]
            # Catch up by skipping missed times: a scheduler that slept through three firings
            # runs the job once, not three times.
            self._next[i] = croniter(entry.cron, max(now, due)).get_next(datetime)
            started = self.clock()
            self.log(f"{started:%Y-%m-%d %H:%M:%S} starting {entry.job} (due {due:%H:%M})")
            try:
                code = self.run_job(entry)
            except Exception as e:  # the scheduler survives any failure of a job
                logger.exception("scheduled %s failed", entry.job)
                self.log(f"{entry.job} failed: {type(e).__name__}: {e}")
                code = 1
            finished = self.clock()
            self.history.append(Fired(entry, due, started, finished, code))
            word = {0: "succeeded", 1: "finished with failures", 3: "skipped: another run holds the lock"}
            self.log(f"{finished:%Y-%m-%d %H:%M:%S} {entry.job} {word.get(code, f'exited {code}')}; "
                     f"next at {self._next[i]:%Y-%m-%d %H:%M} UTC")
            if max_runs is not None and len(self.history) >= max_runs:
                break
        return self.history


def subprocess_runner(config_file: Path, db_path: Path | None) -> Callable[[ScheduleEntry], int]:
    def run_job(entry: ScheduleEntry) -> int:
        return subprocess.run(job_command(entry.job, config_file, db_path)).returncode
    return run_job


def install_signal_handlers(scheduler: Scheduler) -> None:
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, scheduler.stop)
