"""The scheduler with a fake clock: entries fire at their cron times, missed firings are not
replayed, a failing job does not stop the schedule; and the run lock."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest

from rivalscope.config import ScheduleEntry
from rivalscope.ops.lock import LockHeld, RunLock
from rivalscope.ops.scheduler import Scheduler, job_command


class FakeClock:
    def __init__(self, start: datetime):
        self.now = start
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


START = datetime(2026, 11, 23, 5, 58, tzinfo=timezone.utc)  # a Monday


def test_entries_fire_at_their_times():
    clock = FakeClock(START)
    fired = []

    def job(entry):
        fired.append((entry.job, clock.now))
        clock.now += timedelta(minutes=3)  # the job takes a while
        return 0

    entries = [ScheduleEntry(cron="0 6 * * 1", job="run"), ScheduleEntry(cron="30 */6 * * *", job="analyze")]
    s = Scheduler(entries, job, clock=clock, sleep=clock.sleep, log=lambda m: None)
    s.run(max_runs=4)
    assert fired == [
        ("run", datetime(2026, 11, 23, 6, 0, tzinfo=timezone.utc)),
        ("analyze", datetime(2026, 11, 23, 6, 30, tzinfo=timezone.utc)),
        ("analyze", datetime(2026, 11, 23, 12, 30, tzinfo=timezone.utc)),
        ("analyze", datetime(2026, 11, 23, 18, 30, tzinfo=timezone.utc)),
    ]
    assert max(clock.slept) <= 60  # wakes at least every minute (clock changes, signals)


def test_failing_job_does_not_stop_the_schedule():
    clock = FakeClock(START)
    codes = iter([RuntimeError("boom"), 1, 0])
    log = []

    def job(entry):
        code = next(codes)
        if isinstance(code, Exception):
            raise code
        return code

    s = Scheduler([ScheduleEntry(cron="0 * * * *")], job, clock=clock, sleep=clock.sleep, log=log.append)
    history = s.run(max_runs=3)
    assert [h.exit_code for h in history] == [1, 1, 0]
    assert [h.due.hour for h in history] == [6, 7, 8]
    assert any("run failed: RuntimeError: boom" in line for line in log)
    assert any("run finished with failures" in line for line in log)


def test_missed_firings_run_once():
    clock = FakeClock(START)
    fired = []

    def job(entry):
        fired.append(clock.now)
        if len(fired) == 1:
            clock.now += timedelta(hours=5)  # a long run sleeps through several firings
        return 0

    s = Scheduler([ScheduleEntry(cron="0 * * * *")], job, clock=clock, sleep=clock.sleep, log=lambda m: None)
    s.run(max_runs=3)
    assert [t.strftime("%H:%M") for t in fired] == ["06:00", "11:00", "12:00"]


def test_stop_ends_the_loop():
    clock = FakeClock(START)
    s = Scheduler([ScheduleEntry(cron="0 6 * * 1")], lambda e: 0, clock=clock, log=lambda m: None,
                  sleep=lambda seconds: s.stop())
    assert s.run() == []


def test_job_command():
    cmd = job_command("crawl", "cfg.yml", "x.db")
    assert cmd[1:] == ["-m", "rivalscope", "crawl", "-c", "cfg.yml", "--db", "x.db", "--quiet"]


def test_lock_contention_and_holder_message(tmp_path):
    db = tmp_path / "x.db"
    with RunLock(db, job="run"):
        with pytest.raises(LockHeld) as e:
            RunLock(db).acquire()
        assert f"pid {os.getpid()}" in str(e.value) and "job run" in str(e.value)
    with RunLock(db):  # released: free again
        pass


def test_lock_of_a_killed_process_does_not_block(tmp_path):
    db = tmp_path / "x.db"
    code = ("import sys, time; from rivalscope.ops.lock import RunLock; "
            f"RunLock({str(db)!r}).acquire(); print('locked', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(LockHeld) as e:
            RunLock(db).acquire()
        assert f"pid {proc.pid}" in str(e.value)
    finally:
        proc.kill()
        proc.wait()
    holder = json.loads((tmp_path / "x.db.lock").read_text())
    assert holder["pid"] == proc.pid  # the file is still there, stale
    with RunLock(db):
        pass


def test_second_concurrent_run_exits_3(tmp_path):
    cfg = tmp_path / "rivalscope.yml"
    cfg.write_text("competitors:\n  - name: Globex\n    pricing: [https://globex.example/pricing]\n")
    db = tmp_path / "x.db"
    with RunLock(db, job="run"):
        proc = subprocess.run([sys.executable, "-m", "rivalscope", "run", "-c", str(cfg), "--db", str(db)],
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3
    assert "another run holds" in proc.stderr and f"pid {os.getpid()}" in proc.stderr


def test_schedule_without_entries_is_a_clear_error(tmp_path):
    cfg = tmp_path / "rivalscope.yml"
    cfg.write_text("competitors:\n  - name: Globex\n")
    proc = subprocess.run([sys.executable, "-m", "rivalscope", "schedule", "-c", str(cfg)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "no `schedule:` entries" in proc.stderr


def test_schedule_process_stops_on_sigterm(tmp_path):
    cfg = tmp_path / "rivalscope.yml"
    cfg.write_text("competitors:\n  - name: Globex\nschedule:\n  - cron: \"0 6 * * 1\"\n")
    proc = subprocess.Popen([sys.executable, "-m", "rivalscope", "schedule", "-c", str(cfg)],
                            stderr=subprocess.PIPE, text=True)
    assert "scheduled run (0 6 * * 1)" in proc.stderr.readline()
    time.sleep(0.3)
    proc.terminate()
    assert proc.wait(15) == 0
    assert "scheduler stopped" in proc.stderr.read()
