"""benchmark, serve: thin commands over `benchmarks` and `rivalscope.serve`."""
from __future__ import annotations

import time
from pathlib import Path

import click

from . import cli
from .common import CLIError, config_option, db_option, handle_domain_errors, resolve_config, resolve_db_path


@cli.command("benchmark")
@db_option()
@config_option()
@click.option("--impact-days", type=click.IntRange(min=1), default=None,
              help="N of the price change impact table: days before/after each change (default 30).")
@handle_domain_errors
def benchmark_cmd(db_path: Path | None, config_path: Path | None, impact_days: int | None):
    """(Re)build every bench_* table from benchmarks/*.sql, atomically (readers never see a
    half-built table). Tables whose inputs do not exist yet (NLP) are built empty."""
    from benchmarks.build import BenchmarkError, build_benchmarks

    from ..store import open_db

    config = resolve_config(config_path, required=False)
    path = resolve_db_path(db_path, config)
    if not path.exists():
        raise CLIError(f"{path}: no such database (run `rivalscope crawl` first, or pass --db)")
    db = open_db(path)
    notes: list[str] = []
    started = time.perf_counter()

    def progress(done: int, total: int, message: str) -> None:
        click.echo(f"[{done}/{total}] {message}", err=True)

    try:
        counts = build_benchmarks(db, config=config, progress=progress, impact_days=impact_days, notes=notes)
    except BenchmarkError as e:
        raise CLIError(f"benchmark definitions are broken: {e}", exit_code=1) from None
    finally:
        db.close()
    for note in notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"built {len(counts)} benchmark tables ({sum(counts.values())} rows) in "
               f"{time.perf_counter() - started:.1f}s in {path}")


@cli.command("serve")
@db_option()
@config_option()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind (--public binds 0.0.0.0 unless --host is given).")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True,
              help="Port Datasette listens on.")
@click.option("--public", is_flag=True,
              help="Serve on all interfaces: every page needs the password in $RIVALSCOPE_PASSWORD "
                   "(log in at /-/login, or send 'Authorization: Bearer <password>'); no SQL for anonymous users.")
@handle_domain_errors
def serve_cmd(db_path: Path | None, config_path: Path | None, host: str, port: int, public: bool):
    """Datasette over the database (read-only) with rivalscope's metadata, dashboards and
    landing page. Binds 127.0.0.1 unless --public."""
    from ..serve import ServeError, serve

    config = resolve_config(config_path, required=False)
    path = resolve_db_path(db_path, config)

    def ready(url: str) -> None:
        click.echo(f"Serving {path} at {url}" + (" (public: log in with $RIVALSCOPE_PASSWORD)" if public else ""))
        click.echo("Press Ctrl+C to stop.")

    try:
        serve(path, host=host, port=port, public=public, config=config, on_ready=ready)
    except ServeError as e:
        raise CLIError(str(e)) from None
