"""`rivalscope run`: crawl → analyse → benchmark → alerts under the database's lock.

The run gets its own `crawl_runs` row (kind "run") holding per-stage stats and error samples;
the crawl inside it keeps its usual row (kind "crawl"), whose id is in the run's stats. A
stage that fails is recorded and the stages after it still run on the data there is."""
from __future__ import annotations

import json
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rivalscope.config import Config
from rivalscope.ops.lock import RunLock
from rivalscope.store import open_db
from rivalscope.store.runs import finish_run, mark_stale_runs_failed, start_run

Echo = Callable[[str], None]


@dataclass
class RunOutcome:
    run_id: int
    status: str                     # succeeded | partial | failed
    stats: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 0 if self.status == "succeeded" else 1


def crawl_subprocess(config_file: Path, db_path: Path, *, only: list[str] | None = None,
                     competitors: list[str] | None = None, quiet: bool = True) -> int:
    """A fresh process per crawl: Twisted's reactor cannot be restarted in this one."""
    cmd = [sys.executable, "-m", "rivalscope", "crawl", "-c", str(config_file), "--db", str(db_path)]
    if only:
        cmd += ["--only", ",".join(only)]
    for name in competitors or []:
        cmd += ["--competitor", name]
    if quiet:
        cmd.append("--quiet")
    return subprocess.run(cmd).returncode


def _stage(name: str, stats: dict, errors: list, echo: Echo, fn) -> bool:
    started = time.perf_counter()
    echo(f"[{name}]")
    try:
        result = fn() or {}
    except Exception as e:
        errors.append({"stage": name, "error": f"{type(e).__name__}: {e}",
                       "where": traceback.format_exc(limit=-1).strip().splitlines()[-2:]})
        echo(f"[{name}] failed: {type(e).__name__}: {e}")
        stats[name] = {"ok": False, "seconds": round(time.perf_counter() - started, 2)}
        return False
    stats[name] = {"ok": True, "seconds": round(time.perf_counter() - started, 2), **result}
    return True


def run_pipeline(config: Config, config_file: Path, db_path: Path, *, only: list[str] | None = None,
                 competitors: list[str] | None = None, echo: Echo = print, quiet: bool = True,
                 crawl: Callable[..., int] = crawl_subprocess) -> RunOutcome:
    """Raises LockHeld when another run holds the database."""
    with RunLock(db_path, job="run"):
        db = open_db(db_path)
        try:
            mark_stale_runs_failed(db)
            run_id = start_run(db, "run", only=only, competitor_filter=",".join(competitors or []) or None)
        finally:
            db.close()
        stats: dict = {}
        errors: list = []
        crawl_status = "failed"

        def do_crawl():
            nonlocal crawl_status
            code = crawl(config_file, db_path, only=only, competitors=competitors, quiet=quiet)
            db = open_db(db_path, migrate=False)
            try:
                row = db.execute("select id, status, stats, errors from crawl_runs where kind = 'crawl' "
                                 "and id > ? order by id desc limit 1", [run_id]).fetchone()
            finally:
                db.close()
            if row is None:
                raise RuntimeError(f"the crawl exited {code} without recording a run")
            crawl_status = row[1]
            for sample in json.loads(row[3] or "[]")[:10]:
                errors.append({"stage": "crawl", **sample})
            crawl_stats = json.loads(row[2] or "{}")
            if code not in (0, 1):
                raise RuntimeError(f"the crawl exited {code}")
            return {"crawl_run": row[0], "status": row[1], "exit_code": code,
                    **{k: v for k, v in crawl_stats.items() if not isinstance(v, dict)}}

        def do_analyze():
            from nlp.analyze import analyze_database
            from rivalscope.cli.nlp_cmds import _themes_spec

            db = open_db(db_path)
            try:
                s = analyze_database(db, themes=_themes_spec(None, config))
            finally:
                db.close()
            return {k: s[k] for k in ("texts", "sentences", "sentence_themes") if k in s}

        def do_benchmark():
            from benchmarks.build import build_benchmarks

            db = open_db(db_path)
            try:
                built = build_benchmarks(db, config=config)
            finally:
                db.close()
            return {"tables": len(built), "rows": sum(built.values())}

        def do_alerts():
            from rivalscope.ops.alerts import send_alerts

            db = open_db(db_path)
            try:
                s = send_alerts(db, config, run_id=run_id)
            finally:
                db.close()
            errors.extend({"stage": "alerts", "error": m} for m in s.errors)
            return s.as_dict()

        ok = {name: _stage(name, stats, errors, echo, fn) for name, fn in
              (("crawl", do_crawl), ("analyze", do_analyze), ("benchmark", do_benchmark), ("alerts", do_alerts))}
        if not ok["crawl"] or crawl_status == "failed":
            status = "failed"
        elif crawl_status == "partial" or not all(ok.values()):  # a failed notifier is only logged
            status = "partial"
        else:
            status = "succeeded"
        db = open_db(db_path, migrate=False)
        try:
            finish_run(db, run_id, status, stats=stats, errors=errors)
        finally:
            db.close()
        return RunOutcome(run_id=run_id, status=status, stats=stats, errors=errors)


def format_outcome(o: RunOutcome) -> str:
    parts = []
    for name in ("crawl", "analyze", "benchmark", "alerts"):
        s = o.stats.get(name)
        if s is None:
            continue
        if not s.get("ok"):
            parts.append(f"{name}: failed")
            continue
        detail = {k: v for k, v in s.items() if k not in ("ok",)}
        parts.append(f"{name}: " + ", ".join(f"{k}={v}" for k, v in detail.items()))
    lines = [f"run {o.run_id}: {o.status}", *("  " + p for p in parts)]
    lines += [f"  error: {e.get('stage')}: {e.get('error')}" + (f" ({e['url']})" if e.get("url") else "")
              for e in o.errors[:10]]
    return "\n".join(lines)
