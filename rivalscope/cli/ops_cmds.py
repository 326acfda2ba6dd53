"""`run`, `schedule` and `alerts`: unattended operation."""
from __future__ import annotations

import sys
from datetime import datetime, timezone

import click

from . import cli
from .common import (
    EXIT_LOCKED,
    CLIError,
    config_option,
    db_option,
    handle_domain_errors,
    resolve_config,
    resolve_db_path,
)
from .crawl_cmds import parse_only


def _echo_err(message: str) -> None:
    click.echo(message, err=True)


@cli.command()
@config_option()
@db_option()
@click.option("--only", help="Comma-separated page kinds to crawl: pricing,messaging,reviews (default: all).")
@click.option("--competitor", "competitors", multiple=True, help="Crawl only this competitor (repeatable).")
@click.option("--progress", is_flag=True, help="Live crawl progress on stderr.")
@handle_domain_errors
def run(config_path, db_path, only, competitors, progress):
    """Crawl, analyse, benchmark and send alerts, under the database's lock.

    Exit 0 when every stage succeeded, 1 when the run recorded failures (partial/failed),
    2 on bad input, 3 when another run holds the lock."""
    from rivalscope.ops.lock import LockHeld
    from rivalscope.ops.pipeline import format_outcome, run_pipeline

    config = resolve_config(config_path)
    kinds = parse_only(only)
    for name in competitors:
        config.competitor(name)
    db = resolve_db_path(db_path, config)
    try:
        outcome = run_pipeline(config, config.source_path, db, only=kinds, competitors=list(competitors) or None,
                               echo=_echo_err, quiet=not progress)
    except LockHeld as e:
        raise CLIError(str(e), exit_code=EXIT_LOCKED) from None
    click.echo(format_outcome(outcome))
    sys.exit(outcome.exit_code)


@cli.command()
@config_option()
@db_option()
@click.option("--once", is_flag=True, help="Fire the next due job once, then exit (for testing a schedule).")
@handle_domain_errors
def schedule(config_path, db_path, once):
    """Run the config's `schedule:` cron entries (UTC) in the foreground until stopped.

    Each job runs as `rivalscope JOB` in a child process; a failed job is logged and the
    schedule goes on. SIGTERM/SIGINT stop it between jobs (a running job finishes first)."""
    from rivalscope.ops.scheduler import Scheduler, install_signal_handlers, subprocess_runner

    config = resolve_config(config_path)
    if not config.schedule:
        raise CLIError(f"{config.source_path}: no `schedule:` entries (add e.g. `- cron: \"0 6 * * 1\"`)")
    db = resolve_db_path(db_path, config)
    scheduler = Scheduler(config.schedule, subprocess_runner(config.source_path, db),
                          log=lambda m: click.echo(m, err=True))
    install_signal_handlers(scheduler)
    scheduler.run(max_runs=1 if once else None)
    click.echo("scheduler stopped", err=True)


@cli.command()
@config_option()
@db_option()
@handle_domain_errors
def alerts(config_path, db_path):
    """Evaluate the alert rules now and notify what has not been notified yet."""
    from rivalscope.ops.alerts import send_alerts
    from rivalscope.store import open_db

    config = resolve_config(config_path)
    path = resolve_db_path(db_path, config)
    if not path.exists():
        raise CLIError(f"{path}: no such database (run `rivalscope crawl` first, or pass --db)")
    db = open_db(path)
    try:
        stats = send_alerts(db, config, now=datetime.now(timezone.utc))
    finally:
        db.close()
    for message in stats.errors:
        click.echo(f"warning: {message}", err=True)
    click.echo(f"{stats.sent} alerts sent, {stats.failed} failed (retried next time), "
               f"{stats.skipped} already sent")
    sys.exit(1 if stats.failed else 0)
