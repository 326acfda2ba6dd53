"""`crawl` and `demo`."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import click
import yaml

from . import cli
from .common import (
    EXIT_FAILURES,
    CLIError,
    config_option,
    db_option,
    handle_domain_errors,
    resolve_config,
    resolve_db_path,
)

KINDS = ("pricing", "messaging", "reviews")


def parse_only(value: str | None) -> list[str] | None:
    if not value:
        return None
    kinds = [k.strip() for k in value.split(",") if k.strip()]
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise CLIError(f"--only: unknown kind {', '.join(map(repr, bad))} (choose from {', '.join(KINDS)})")
    return kinds


@cli.command()
@config_option()
@db_option()
@click.option("--only", help="Comma-separated page kinds: pricing,messaging,reviews (default: all).")
@click.option("--competitor", "competitors", multiple=True, help="Crawl only this competitor (repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="No live progress.")
@click.option("--verbose", "-v", is_flag=True, help="Scrapy's INFO log on stderr.")
@handle_domain_errors
def crawl(config_path, db_path, only, competitors, quiet, verbose):
    """Run the spiders: every page recorded, prices, messaging and reviews stored.

    Exits 1 when the run recorded failed pages (status partial or failed)."""
    from crawlers.runner import format_summary, run_crawl

    config = resolve_config(config_path)
    kinds = parse_only(only)
    db = resolve_db_path(db_path, config)
    result = run_crawl(config, db, only=kinds, competitors=list(competitors) or None,
                       progress=not quiet, verbose=verbose)
    click.echo(format_summary(result))
    if result.status != "succeeded":
        sys.exit(EXIT_FAILURES)


def write_config(config, path: Path) -> None:
    data = config.model_dump(mode="json", by_alias=True, exclude={"source_path"}, exclude_none=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def crawl_in_subprocess(config_file: Path, db: Path, *, quiet: bool) -> int:
    """A fresh process per crawl: Twisted's reactor cannot be restarted."""
    cmd = [sys.executable, "-m", "rivalscope", "crawl", "-c", str(config_file), "--db", str(db)]
    if quiet:
        cmd.append("--quiet")
    return subprocess.run(cmd).returncode


def run_later_stages(db_path: Path, config, echo) -> None:
    """Analyse and benchmark (the stages after a crawl), with progress on stderr."""
    from benchmarks.build import build_benchmarks
    from nlp.analyze import analyze_database
    from rivalscope.cli.nlp_cmds import _Progress, _status, _themes_spec
    from rivalscope.store import open_db

    db = open_db(db_path)
    try:
        echo("analysing texts (themes and sentiment)…")
        stats = analyze_database(db, themes=_themes_spec(None, config), progress=_Progress(),
                                 status=_status)
        echo(f"  {stats.get('texts', 0)} texts, {stats.get('sentences', 0)} sentences, "
             f"{stats.get('sentence_themes', 0)} theme mentions")
        echo("building benchmark tables…")
        built = build_benchmarks(db, config=config)
        echo("  " + ", ".join(f"{t}: {n} rows" for t, n in built.items()))
    finally:
        db.close()


@cli.command()
@db_option()
@click.option("--no-serve", is_flag=True, help="Build the database and exit instead of serving it.")
@click.option("--port", type=int, default=8001, show_default=True, help="Datasette port.")
@click.option("--quiet", "-q", is_flag=True, help="No live crawl progress.")
@handle_domain_errors
def demo(db_path, no_serve, port, quiet):
    """The embedded demo: a fictional market on 127.0.0.1 goes through the full cycle
    (crawl, analyse, benchmark) twice, before and after it changes, then is served in Datasette."""
    from rivalscope.demo import demo_config
    from rivalscope.demo.server import DemoMarket

    db = Path(db_path or "rivalscope-demo.db").resolve()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    started = time.monotonic()
    with DemoMarket(epoch=1) as market:
        config = demo_config(market.base_url, db)
        config_file = db.with_suffix(".yml")
        write_config(config, config_file)
        click.echo(f"demo market on {market.base_url} ({len(config.competitors)} competitors); "
                   f"config written to {config_file}")
        for epoch in (1, 2):
            market.set_epoch(epoch)
            click.echo(f"crawling epoch {epoch}…")
            code = crawl_in_subprocess(config_file, db, quiet=quiet)
            if code not in (0, 1):
                raise CLIError(f"the crawl of epoch {epoch} failed (exit {code})", exit_code=1)
            run_later_stages(db, config, click.echo)
    click.echo(f"demo database: {db} (built in {time.monotonic() - started:.0f} s)")
    if no_serve:
        return
    try:
        from rivalscope.serve import serve
    except ImportError:
        raise CLIError("Datasette serving is not available in this build") from None
    def ready(url: str) -> None:
        click.echo(f"Serving {db} at {url}")
        click.echo("Press Ctrl+C to stop.")

    serve(db, port=port, config=config, on_ready=ready)
