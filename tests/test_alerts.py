"""Alert rules against a local webhook receiver (apprise json://127.0.0.1:PORT/…): content,
digest, dedup, secrets from the environment, and notifier failures that do not fail a run."""
from __future__ import annotations

import json
import logging
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rivalscope.config import Config
from rivalscope.ops.alerts import send_alerts
from rivalscope.store.db import stable_id
from rivalscope.store.runs import finish_run, start_run
from rivalscope.store.save import save_competitors

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


class Receiver:
    def __init__(self, status: int = 200):
        self.messages: list[dict] = []
        self.status = status
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.messages.append({"path": self.path, **json.loads(body)})
                self.send_response(outer.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"json://127.0.0.1:{self.server.server_address[1]}/hook"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def make_config(rules: list[dict]) -> Config:
    return Config.model_validate({
        "project": "Acme vs market",
        "datasette_url": "http://127.0.0.1:8001",
        "competitors": [{"name": "Acme", "self": True}, {"name": "Globex"}, {"name": "Initech"}],
        "alerts": rules,
    })


def add_change(db, *, kind, competitor, subject, before=None, after=None, pct=None, field="amount",
               detected=NOW - timedelta(hours=1), run=1):
    cid = stable_id(kind, competitor, subject, before, after)
    db["changes"].insert({"id": cid, "kind": kind, "competitor": competitor, "subject": subject,
                          "field": field, "before": before, "after": after, "change_pct": pct, "run": run,
                          "detected_at": detected.strftime("%Y-%m-%dT%H:%M:%SZ")})
    return cid


@pytest.fixture
def market(db):
    config = make_config([{"on": "crawl_failed", "notify": ["json://127.0.0.1:1/x"]}])
    save_competitors(db, config.competitors)
    start_run(db, "crawl")
    return db


def test_price_change_threshold_digest_and_dedup(market, receiver):
    db = market
    big = add_change(db, kind="price_change", competitor="globex", subject="Team", before="12.00", after="15.00", pct=25.0)
    add_change(db, kind="price_change", competitor="initech", subject="Pro", before="49.00", after="50.00", pct=2.04)
    drop = add_change(db, kind="price_change", competitor="initech", subject="Basic", before="19.00", after="15.00", pct=-21.06)
    config = make_config([{"on": "price_change", "min_change_pct": 5, "notify": [receiver.url]}])

    stats = send_alerts(db, config, run_id=1, now=NOW)
    assert (stats.sent, stats.failed, stats.skipped) == (2, 0, 0)
    assert len(receiver.messages) == 1  # one digest per rule and run
    text = receiver.messages[0]["message"]
    assert receiver.messages[0]["title"] == "Acme vs market: 2 price change alerts"
    assert "Globex: Team 12.00 → 15.00 (+25.0%)" in text
    assert "Initech: Basic 19.00 → 15.00 (-21.1%)" in text
    assert "Pro" not in text  # 2 % is under the threshold
    assert f"http://127.0.0.1:8001/rivalscope/changes/{big}" in text
    assert f"http://127.0.0.1:8001/rivalscope/changes/{drop}" in text

    again = send_alerts(db, config, run_id=2, now=NOW)
    assert (again.sent, again.skipped) == (0, 2)
    assert len(receiver.messages) == 1  # the same change never alerts twice


def test_single_event_title_and_competitor_filter(market, receiver):
    db = market
    add_change(db, kind="plan_added", competitor="globex", subject="Scale", after="199.00", field="plan")
    add_change(db, kind="plan_removed", competitor="initech", subject="Premium", before="99.00", field="plan")
    config = make_config([{"on": "plan_change", "competitors": ["Initech"], "notify": [receiver.url]}])
    stats = send_alerts(db, config, now=NOW)
    assert stats.sent == 1
    assert receiver.messages[0]["title"] == "Initech: plan removed: Premium (was 99.00)"
    assert "before: 99.00" in receiver.messages[0]["message"]


def test_messaging_change_before_after(market, receiver):
    db = market
    add_change(db, kind="messaging_change", competitor="globex", subject="https://globex.example/",
               field="headline", before="Analytics for everyone", after="AI analytics for every team")
    config = make_config([{"on": "messaging_change", "notify": [receiver.url]}])
    assert send_alerts(db, config, now=NOW).sent == 1
    message = receiver.messages[0]
    assert message["title"] == "Globex: headline changed on https://globex.example/"
    assert "before: Analytics for everyone" in message["message"]
    assert "after: AI analytics for every team" in message["message"]


def test_old_changes_are_not_alerted(market, receiver):
    add_change(market, kind="messaging_change", competitor="globex", subject="u", field="headline",
               before="a", after="b", detected=NOW - timedelta(days=30))
    config = make_config([{"on": "messaging_change", "notify": [receiver.url]}])
    assert send_alerts(market, config, now=NOW).sent == 0
    assert receiver.messages == []


def test_crawl_failed(market, receiver):
    db = market
    run_id = start_run(db, "crawl")
    db["crawl_runs"].update(run_id, {"started_at": (NOW - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")})
    finish_run(db, run_id, "failed", errors=[{"url": "https://globex.example/pricing", "error": "timeout"}])
    config = make_config([{"on": "crawl_failed", "notify": [receiver.url]}])
    assert send_alerts(db, config, now=NOW).sent == 1
    assert receiver.messages[0]["title"] == f"crawl run {run_id} failed"
    assert "timeout (https://globex.example/pricing)" in receiver.messages[0]["message"]
    assert f"/rivalscope/crawl_runs/{run_id}" in receiver.messages[0]["message"]


def test_sentiment_drop_over_window(market, receiver):
    from nlp.schema import ensure_nlp_schema

    db = market
    ensure_nlp_schema(db)
    rows = []
    for i in range(6):  # support: +0.6 a month ago, -0.4 in the last 30 days
        for when, compound in ((NOW - timedelta(days=45), 0.6), (NOW - timedelta(days=5), -0.4)):
            rows.append({"id": f"{when:%m}-{i}", "sentence": f"s{when:%m}{i}", "theme": "support",
                         "competitor": "globex", "source_table": "reviews", "compound": compound,
                         "label": "x", "published_at": when.strftime("%Y-%m-%d"), "pipeline_version": "v"})
    for i in range(6):  # price: stable
        for when in (NOW - timedelta(days=45), NOW - timedelta(days=5)):
            rows.append({"id": f"p{when:%m}-{i}", "sentence": f"p{when:%m}{i}", "theme": "price",
                         "competitor": "globex", "source_table": "reviews", "compound": 0.2,
                         "label": "x", "published_at": when.strftime("%Y-%m-%d"), "pipeline_version": "v"})
    db["themes"].insert_all([{"id": t, "name": t, "label": t} for t in ("support", "price")], replace=True)
    db["sentences"].insert_all({"id": r["sentence"], "source_table": "reviews", "source_id": r["sentence"],
                                "competitor": "globex", "idx": 0, "text": "t", "compound": r["compound"],
                                "label": "x", "published_at": r["published_at"], "pipeline_version": "v"}
                               for r in rows)
    db["sentence_themes"].insert_all(rows)
    config = make_config([{"on": "sentiment_drop", "min_drop": 0.5, "window_days": 30, "notify": [receiver.url]}])
    stats = send_alerts(db, config, now=NOW)
    assert stats.sent == 1
    assert receiver.messages[0]["title"] == "Globex: sentiment on support dropped 1.00"
    assert "last 30 days: -0.40 over 6 mentions" in receiver.messages[0]["message"]
    assert send_alerts(db, config, now=NOW + timedelta(days=1)).sent == 0  # once per window


def test_failing_notifier_is_logged_without_secrets_and_retried(market, receiver, monkeypatch, caplog):
    db = market
    add_change(db, kind="price_change", competitor="globex", subject="Team", before="12.00", after="15.00", pct=25.0)
    monkeypatch.setenv("HOOK_TOKEN", "s3cret-token")
    broken = Receiver(status=500)
    try:
        config = make_config([{"on": "price_change",
                               "notify": [broken.url + "/${HOOK_TOKEN}", "json://127.0.0.1:1/refused",
                                          "slack://${MISSING_SLACK_URL}", receiver.url]}])
        with caplog.at_level(logging.WARNING):
            stats = send_alerts(db, config, now=NOW)
        assert (stats.sent, stats.failed) == (0, 1)
        assert len(stats.errors) == 3
        assert "environment variable MISSING_SLACK_URL is not set" in " ".join(stats.errors)
        assert len(broken.messages) == 1 and len(receiver.messages) == 1  # the others still got it
        logged = caplog.text + " ".join(stats.errors)
        assert "s3cret-token" not in logged and "127.0.0.1:1" not in logged
        assert "s3cret-token" not in json.dumps(list(db["alerts_sent"].rows))
        # Not marked as sent: the next run tries again, and succeeds once the notifiers do.
        broken.status = 200
        monkeypatch.setenv("MISSING_SLACK_URL", "x")
        config = make_config([{"on": "price_change", "notify": [broken.url + "/${HOOK_TOKEN}"]}])
        assert send_alerts(db, config, now=NOW).sent == 1
        assert broken.messages[-1]["path"] == "/hook/s3cret-token"
    finally:
        broken.close()
