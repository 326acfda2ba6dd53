"""`init` and `validate`."""
from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import click

from . import cli
from .common import EXIT_BAD_INPUT, CLIError, config_option, format_config_error
from ..config import ConfigError, load_config


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--force", is_flag=True, help="Overwrite an existing rivalscope.yml.")
def init(directory: Path, force: bool):
    """Write a commented rivalscope.yml and the default theme taxonomy into DIRECTORY."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "rivalscope.yml"
    if target.exists() and not force:
        raise CLIError(f"{target} already exists (use --force to overwrite)")
    template = resources.files("rivalscope").joinpath("templates/rivalscope.yml").read_text("utf-8")
    target.write_text(template, encoding="utf-8")
    click.echo(f"wrote {target}")
    taxonomy_dir = Path(__file__).resolve().parents[2] / "nlp" / "taxonomies"
    if taxonomy_dir.is_dir():
        out = directory / "taxonomies"
        out.mkdir(exist_ok=True)
        for f in sorted(taxonomy_dir.glob("*.yml")):
            if not (out / f.name).exists() or force:
                shutil.copy(f, out / f.name)
                click.echo(f"wrote {out / f.name}")
    click.echo("next: edit the competitors, then `rivalscope validate` and `rivalscope crawl`")


@cli.command()
@config_option(required=True)
def validate(config_path: Path):
    """Check the config; print every problem with its location; exit 2 on errors."""
    try:
        cfg = load_config(config_path)
    except ConfigError as e:
        click.echo(format_config_error(e), err=True)
        raise SystemExit(EXIT_BAD_INPUT)
    pages = sum(len(c.pricing) + len(c.messaging) + len(c.reviews) for c in cfg.competitors)
    click.echo(f"{config_path}: ok ({len(cfg.competitors)} competitors, {pages} pages, "
               f"{len(cfg.alerts)} alert rules, {len(cfg.schedule)} schedules)")
