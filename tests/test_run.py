"""`rivalscope run` end to end on the demo market: crawl → analyse → benchmark → alerts, stats
per stage in crawl_runs, alerts for real changes between two runs, sent once."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from rivalscope.cli.crawl_cmds import write_config
from rivalscope.demo import demo_config
from rivalscope.demo.server import DemoMarket
from test_alerts import Receiver

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def run(cfg, db):
    return subprocess.run([sys.executable, "-m", "rivalscope", "run", "-c", str(cfg), "--db", str(db)],
                          capture_output=True, text=True, timeout=600)


def test_run_twice_then_alerts_once(tmp_path):
    receiver = Receiver()
    db = tmp_path / "market.db"
    try:
        with DemoMarket(epoch=1) as market:
            config = demo_config(market.base_url, db)
            config.datasette_url = "http://127.0.0.1:8001"
            config.alerts = type(config).model_validate({"alerts": [
                {"on": "price_change", "min_change_pct": 10, "notify": [receiver.url]},
                {"on": "plan_change", "notify": [receiver.url]},
                {"on": "messaging_change", "competitors": ["Umbrella"], "notify": [receiver.url]},
                {"on": "crawl_failed", "notify": [receiver.url]},
            ]}).alerts
            cfg = tmp_path / "rivalscope.yml"
            write_config(config, cfg)

            first = run(cfg, db)
            assert first.returncode == 0, first.stdout + first.stderr
            assert "run 1: succeeded" in first.stdout
            assert receiver.messages == []  # nothing changed yet

            market.set_epoch(2)
            second = run(cfg, db)
            assert second.returncode == 0, second.stdout + second.stderr

            third = run(cfg, db)  # same epoch: nothing new to say
            assert third.returncode == 0, third.stdout + third.stderr
    finally:
        receiver.close()

    titles = sorted(m["title"] for m in receiver.messages)
    # ≥ 10 %: Globex Team +25 %, Initech Pro +20.4 % (Umbrella's +8 % is under the threshold).
    assert "Acme Analytics vs market (demo): 2 price change alerts" in titles
    price = next(m for m in receiver.messages if m["title"].endswith("price change alerts"))["message"]
    assert "Globex: Team 12.00 → 15.00 (+25.0%)" in price and "Initech: Pro 49.00 → 59.00 (+20.4%)" in price
    assert "Growth" not in price
    assert "Acme Analytics vs market (demo): 2 plan change alerts" in titles
    assert "Acme Analytics vs market (demo): 4 messaging change alerts" in titles  # Umbrella only
    assert len(receiver.messages) == 3  # the third run sent nothing

    con = sqlite3.connect(db)
    runs = con.execute("select id, kind, status, stats from crawl_runs order by id").fetchall()
    assert [(r[1], r[2]) for r in runs] == [("run", "succeeded"), ("crawl", "succeeded")] * 3
    stats = json.loads(runs[2][3])
    assert stats["crawl"]["crawl_run"] == runs[3][0] and stats["crawl"]["status"] == "succeeded"
    assert stats["crawl"]["pages"] > 0
    assert stats["analyze"]["ok"] and stats["analyze"]["texts"] > 0
    assert stats["benchmark"]["ok"] and stats["benchmark"]["tables"] >= 7
    assert stats["alerts"] == {"ok": True, "seconds": stats["alerts"]["seconds"],
                               "alerts_sent": 8, "alerts_failed": 0, "alerts_skipped": 0}
    assert json.loads(runs[4][3])["alerts"]["alerts_skipped"] == 8
    assert con.execute("select count(*) from alerts_sent where ok = 1").fetchone() == (8,)
    con.close()


def test_run_with_a_dead_site_is_partial_or_failed_and_exits_1(tmp_path):
    cfg = tmp_path / "rivalscope.yml"
    cfg.write_text(
        "allow_private_networks: ['127.0.0.1']\n"
        "crawl:\n  retries: 0\n"
        "competitors:\n  - name: Gone\n    pricing: ['http://127.0.0.1:9/pricing']\n    render: never\n")
    db = tmp_path / "x.db"
    proc = run(cfg, db)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    con = sqlite3.connect(db)
    kind, status, errors = con.execute("select kind, status, errors from crawl_runs where id = 1").fetchone()
    assert (kind, status) == ("run", "failed")
    assert any(e.get("stage") == "crawl" for e in json.loads(errors))
    con.close()
