"""Alerts: the config's rules turned into notifications through apprise (Slack, e-mail,
webhooks…). Each rule sends one digest per run; an event (a change, a failed crawl, a
sentiment drop in a window) is notified once, ever; a failing notifier is logged without its
URL (URLs carry secrets) and retried on the next run."""
from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from sqlite_utils import Database

from rivalscope.config import AlertRule, Config
from rivalscope.store.db import now_iso, stable_id, transaction

logger = logging.getLogger(__name__)
DB_NAME = "rivalscope"  # the database's name in Datasette (rivalscope.serve)
LOOKBACK_DAYS = 7  # events older than this are not alerted (e.g. when a rule is first added)
DIGEST_LINES = 25
_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass
class Event:
    key: str
    title: str
    lines: list[str]
    link: str | None = None


@dataclass
class AlertStats:
    sent: int = 0          # events delivered
    failed: int = 0        # events whose notification failed (retried next run)
    skipped: int = 0       # events already notified
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"alerts_sent": self.sent, "alerts_failed": self.failed, "alerts_skipped": self.skipped}


class NotifyError(Exception):
    pass


def expand_secrets(url: str) -> str:
    def repl(m):
        value = os.environ.get(m.group(1))
        if value is None:
            raise NotifyError(f"environment variable {m.group(1)} is not set")
        return value
    return _ENV.sub(repl, url)


def describe_target(url: str) -> str:
    """What a log line may say about a notifier: its scheme, never the rest of the URL."""
    scheme = url.split("://", 1)[0] if "://" in url else "?"
    return f"{scheme}://…"


def rule_name(rule: AlertRule, index: int) -> str:
    return f"{rule.on}#{index}"


def _link(config: Config, table: str, row_id) -> str | None:
    if not config.datasette_url:
        return None
    return f"{config.datasette_url.rstrip('/')}/{DB_NAME}/{table}/{row_id}"


def _since(now: datetime) -> str:
    return (now - timedelta(days=LOOKBACK_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _competitor_filter(rule: AlertRule, config: Config) -> list[str] | None:
    if not rule.competitors:
        return None
    return [config.competitor(name).slug for name in rule.competitors]


def _change_events(db: Database, config: Config, rule: AlertRule, kinds: tuple[str, ...],
                   now: datetime) -> list[Event]:
    marks = ",".join("?" * len(kinds))
    rows = db.execute(
        f"select c.id, c.kind, c.competitor, coalesce(co.name, c.competitor), c.subject, c.field, c.before,"
        f" c.after, c.change_pct, c.detected_at, p.url from changes c"
        f" left join competitors co on co.id = c.competitor left join pages p on p.id = c.page"
        f" where c.kind in ({marks}) and c.detected_at >= ? order by c.detected_at, c.id",
        [*kinds, _since(now)]).fetchall()
    only = _competitor_filter(rule, config)
    events = []
    for cid, kind, comp, comp_name, subject, fld, before, after, pct, detected, url in rows:
        if only is not None and comp not in only:
            continue
        pct = None if pct in (None, "") else Decimal(str(pct))  # stored as exact decimal text
        if kind == "price_change" and rule.min_change_pct is not None:
            if pct is None or abs(pct) < rule.min_change_pct:
                continue
        if kind == "price_change":
            title = f"{comp_name}: {subject} {before} → {after}" + (f" ({pct:+.1f}%)" if pct is not None else "")
        elif kind == "plan_added":
            title = f"{comp_name}: plan added: {subject}" + (f" at {after}" if after else "")
        elif kind == "plan_removed":
            title = f"{comp_name}: plan removed: {subject}" + (f" (was {before})" if before else "")
        elif kind == "contact_sales_change":
            title = f"{comp_name}: {subject} switched pricing: {before or '—'} → {after or '—'}"
        else:
            title = f"{comp_name}: {fld} changed on {subject}"
        lines = [f"before: {_short(before)}", f"after: {_short(after)}", f"detected: {detected}"]
        if url:
            lines.append(f"page: {url}")
        events.append(Event(key=cid, title=title, lines=lines, link=_link(config, "changes", cid)))
    return events


def _short(value, limit: int = 200) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _crawl_failed_events(db: Database, config: Config, now: datetime) -> list[Event]:
    rows = db.execute("select id, started_at, finished_at, errors from crawl_runs where kind = 'crawl' "
                      "and status = 'failed' and started_at >= ? order by id", [_since(now)]).fetchall()
    events = []
    for run_id, started, finished, errors in rows:
        samples = [e.get("error", "") + (f" ({e['url']})" if e.get("url") else "")
                   for e in json.loads(errors or "[]")[:5]]
        events.append(Event(key=f"run:{run_id}", title=f"crawl run {run_id} failed",
                            lines=[f"started {started}, ended {finished or '—'}", *samples],
                            link=_link(config, "crawl_runs", run_id)))
    return events


def _sentiment_drop_events(db: Database, config: Config, rule: AlertRule, now: datetime) -> list[Event]:
    if "sentence_themes" not in db.table_names():
        return []
    window = timedelta(days=rule.window_days)
    end = now
    start, before_start = end - window, end - 2 * window
    fmt = "%Y-%m-%d"
    sql = ("select competitor, theme, avg(compound), count(*) from sentence_themes "
           "where source_table = 'reviews' and published_at >= ? and published_at < ? group by 1, 2")
    current = {(c, t): (a, n) for c, t, a, n in db.execute(sql, [start.strftime(fmt), end.strftime(fmt) + "~"])}
    previous = {(c, t): (a, n) for c, t, a, n in db.execute(sql, [before_start.strftime(fmt), start.strftime(fmt)])}
    only = _competitor_filter(rule, config)
    names = dict(db.execute("select id, name from competitors").fetchall())
    min_drop = rule.min_drop if rule.min_drop is not None else 0.2
    bucket = int(end.timestamp() // window.total_seconds())  # at most one alert per window
    events = []
    for (comp, theme), (avg_now, n_now) in sorted(current.items()):
        if (only is not None and comp not in only) or (rule.theme and theme != rule.theme):
            continue
        if (comp, theme) not in previous:
            continue
        avg_before, n_before = previous[(comp, theme)]
        if n_now < 3 or n_before < 3 or avg_before - avg_now < min_drop:
            continue
        events.append(Event(
            key=f"{comp}/{theme}/{rule.window_days}d/{bucket}",
            title=f"{names.get(comp, comp)}: sentiment on {theme} dropped {avg_before - avg_now:.2f}",
            lines=[f"last {rule.window_days} days: {avg_now:+.2f} over {n_now} mentions",
                   f"{rule.window_days} days before: {avg_before:+.2f} over {n_before} mentions"],
            link=(f"{config.datasette_url.rstrip('/')}/{DB_NAME}/sentence_themes?competitor={comp}&theme={theme}"
                  if config.datasette_url else None)))
    return events


def events_for(db: Database, config: Config, rule: AlertRule, now: datetime) -> list[Event]:
    if rule.on == "price_change":
        return _change_events(db, config, rule, ("price_change",), now)
    if rule.on == "plan_change":
        return _change_events(db, config, rule, ("plan_added", "plan_removed", "contact_sales_change"), now)
    if rule.on == "messaging_change":
        return _change_events(db, config, rule, ("messaging_change",), now)
    if rule.on == "sentiment_drop":
        return _sentiment_drop_events(db, config, rule, now)
    if rule.on == "crawl_failed":
        return _crawl_failed_events(db, config, now)
    raise ValueError(f"unknown alert kind {rule.on!r}")


def digest(rule: AlertRule, events: list[Event], project: str) -> tuple[str, str]:
    title = events[0].title if len(events) == 1 else f"{project}: {len(events)} {rule.on.replace('_', ' ')} alerts"
    parts = []
    for e in events[:DIGEST_LINES]:
        block = [e.title, *("  " + line for line in e.lines)]
        if e.link:
            block.append(f"  {e.link}")
        parts.append("\n".join(block))
    if len(events) > DIGEST_LINES:
        parts.append(f"… and {len(events) - DIGEST_LINES} more")
    return title, "\n\n".join(parts)


def deliver(urls: list[str], title: str, body: str) -> list[str]:
    """Send to every URL; returns secret-free error messages (empty when all succeeded)."""
    import apprise

    errors = []
    for url in urls:
        target = describe_target(url)
        try:
            real = expand_secrets(url)
        except NotifyError as e:
            errors.append(f"{target}: {e}")
            continue
        app = apprise.Apprise()
        if not app.add(real):
            errors.append(f"{target}: not a valid apprise URL")
            continue
        try:
            ok = app.notify(title=title, body=body)
        except Exception as e:  # a notifier plugin bug must not fail the run
            ok, detail = False, type(e).__name__
        else:
            detail = "the notifier reported a failure"
        if not ok:
            errors.append(f"{target}: {detail}")
    return errors


def send_alerts(db: Database, config: Config, *, run_id: int | None = None,
                now: datetime | None = None) -> AlertStats:
    now = now or datetime.now(timezone.utc)
    stats = AlertStats()
    for index, rule in enumerate(config.alerts):
        name = rule_name(rule, index)
        fingerprint = stable_id(name, rule.model_dump_json(exclude={"notify"}))
        events = events_for(db, config, rule, now)
        fresh = []
        for e in events:
            row_id = stable_id(fingerprint, e.key)
            done = db.execute("select ok from alerts_sent where id = ?", [row_id]).fetchone()
            if done and done[0]:
                stats.skipped += 1
            else:
                fresh.append((row_id, e))
        if not fresh:
            continue
        title, body = digest(rule, [e for _, e in fresh], config.project)
        errors = deliver(rule.notify, title, body)
        ok = not errors
        for message in errors:
            logger.warning("alert %s: notifying %s", name, message)
            stats.errors.append(f"alert {name}: {message}")
        with transaction(db):
            db["alerts_sent"].upsert_all(
                [{"id": row_id, "rule": name, "event": e.key, "run": run_id, "sent_at": now_iso(),
                  "ok": int(ok), "summary": e.title} for row_id, e in fresh], pk="id")
        if ok:
            stats.sent += len(fresh)
        else:
            stats.failed += len(fresh)
    return stats
