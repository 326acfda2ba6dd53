"""analyze, nlp annotate, themes train: thin commands over the `nlp` package."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from . import cli
from .common import (EXIT_BAD_INPUT, EXIT_FAILURES, CLIError, config_option, db_option,
                     handle_domain_errors, resolve_config, resolve_db_path)

THEMES_HELP = ("Themes: default|software|retail (bundled taxonomies), a taxonomy .yml, a model "
               "directory from `themes train`, or an installed spaCy package (never downloaded). "
               "Default: the config's `themes`, else default.")


def _themes_spec(themes: str | None, config) -> str:
    """The --themes value, else the config's `themes`; relative paths resolve against the config."""
    from nlp.taxonomy import BUNDLED

    spec = themes if themes is not None else (config.themes if config is not None else "default")
    if spec.lower() in BUNDLED:
        return spec
    if themes is None and config is not None:
        candidate = config.resolve(spec)
        if candidate.exists():
            return str(candidate)
    return spec


def _nlp_errors(fn):
    """Domain errors of the nlp package become one clean line (exit 2)."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from nlp.sentiment import LexiconError
        from nlp.taxonomy import TaxonomyError
        from nlp.train import TrainingError

        try:
            return fn(*args, **kwargs)
        except (TaxonomyError, LexiconError, TrainingError) as e:
            raise CLIError(str(e)) from None

    return wrapper


class _Progress:
    """Texts analysed, rate and ETA on stderr (one updating line on a terminal)."""

    def __init__(self):
        self.start = time.perf_counter()
        self.last = 0.0
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if done not in (0, total) and now - self.last < (0.5 if self.tty else 5.0):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        eta = (total - done) / rate if rate > 0 else 0
        msg = f"analysed {done:,}/{total:,} texts  {rate:,.0f} texts/s  ETA {eta:,.0f}s"
        if self.tty:
            click.echo("\r" + msg + " " * 4, err=True, nl=done == total)
        else:
            click.echo(msg, err=True)


def _status(message: str) -> None:
    click.echo(message, err=True)


@cli.command()
@click.option("--themes", default=None, help=THEMES_HELP)
@click.option("--full", is_flag=True, help="Re-analyse every text, not only new or changed ones.")
@click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for the NLP (2 on a 2-core machine).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=20_000, show_default=True,
              help="Texts written per database transaction (fewer when they are long).")
@db_option()
@config_option()
@handle_domain_errors
@_nlp_errors
def analyze(themes, full, processes, batch_size, db_path, config_path):
    """Themes and sentiment of reviews and messaging not yet analysed by this pipeline version.

    Writes sentences, sentence_themes, review_sentiment, messaging_themes and
    emerging_phrases. Running it again does nothing until texts or the pipeline change.
    """
    from nlp.analyze import analyze_database
    from rivalscope.store import open_db

    config = resolve_config(config_path, required=False)
    db = open_db(resolve_db_path(db_path, config))
    stats = analyze_database(db, themes=_themes_spec(themes, config), full=full, processes=processes,
                             batch_size=batch_size, progress=_Progress(),
                             status=_status)
    click.echo(
        f"{stats['texts']:,} texts analysed ({stats['reviews']:,} reviews, "
        f"{stats['messaging_snapshots']:,} messaging snapshots): {stats['sentences']:,} sentences, "
        f"{stats['sentence_themes']:,} sentence themes, {stats['emerging_phrases']:,} emerging phrases "
        f"in {stats['seconds']:.1f}s [pipeline {stats['pipeline_version']}]")


@cli.group("nlp")
def nlp_group():
    """Run the NLP pipeline on files (no database)."""


@nlp_group.command("annotate")
@click.argument("input_path", metavar="IN.jsonl", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--themes", default=None, help=THEMES_HELP)
@config_option()
@handle_domain_errors
@_nlp_errors
def annotate_cmd(input_path, themes, config_path):
    """Sentiment and themes of {"id", "text"} lines, as JSON lines on stdout.

    Output per line: {"id", "sentiment": {"compound", "label"}, "themes": [{"theme",
    "sentiment", "label"}], "sentences": [{"text", "compound", "label", "themes"}]}.
    Bad lines are reported on stderr with their number and skipped (exit 1).
    """
    from nlp.annotate import BadLine, annotate, parse_jsonl
    from nlp.pipeline import build_pipeline

    if not input_path.is_file():
        raise CLIError(f"{input_path}: file not found", EXIT_BAD_INPUT)
    config = resolve_config(config_path, required=False)
    nlp = build_pipeline(_themes_spec(themes, config))
    bad = 0
    chunk: list[dict] = []

    def flush():
        for out in annotate(chunk, nlp=nlp):
            click.echo(json.dumps(out, ensure_ascii=False))
        chunk.clear()

    with input_path.open(encoding="utf-8", errors="replace") as f:
        for item in parse_jsonl(f):
            if isinstance(item, BadLine):
                bad += 1
                click.echo(f"{input_path}:{item.line}: {item.problem}; skipped", err=True)
                continue
            chunk.append(item[1])
            if len(chunk) >= 256:
                flush()
    flush()
    if bad:
        click.echo(f"{bad} bad line(s) skipped", err=True)
        sys.exit(EXIT_FAILURES)


@cli.group("themes")
def themes_group():
    """Theme classifiers."""


@themes_group.command("train")
@click.argument("examples", metavar="EXAMPLES", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to save the model in (use it with --themes DIR).")
@click.option("--eval-split", type=click.FloatRange(0.0, 0.9), default=0.2, show_default=True,
              help="Share of examples held out to report precision/recall/F1.")
@click.option("--eval-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Report on this gold file (same formats) instead of a held-out split; "
                   "every example is then trained on.")
@click.option("--epochs", type=click.IntRange(1, 500), default=30, show_default=True,
              help="Maximum epochs (training stops early when the dev score stops improving).")
@click.option("--members", type=click.IntRange(1, 20), default=3, show_default=True,
              help="Classifiers trained from different seeds; their mean probability scores a "
                   "sentence (1: a single classifier, about a third of the time).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (split and training).")
@handle_domain_errors
@_nlp_errors
def train_cmd(examples, out_dir, eval_split, eval_file, epochs, members, seed):
    """Train a multi-label theme classifier (spaCy textcat, CPU, offline): by default the
    mean of three, trained from different seeds.

    EXAMPLES: a .jsonl file of lines {"text": ..., "themes": [...], "sentiment":
    {"theme": "positive"|"negative"|"neutral"}} (sentiment optional), or a SemEval
    aspect-category XML file (2014 Task 4, 2015/16 Task 5: categories become themes).
    Prints per-theme and micro precision/recall/F1 on the held-out split (or on
    --eval-file), then saves the model to --out.
    """
    from nlp.train import format_report, train_themes

    for path in (examples, eval_file):
        if path is not None and not path.is_file():
            raise CLIError(f"{path}: file not found", EXIT_BAD_INPUT)
    report = train_themes(examples, out_dir, eval_split=eval_split, eval_path=eval_file, epochs=epochs,
                          members=members, seed=seed, log=lambda msg: click.echo(msg, err=True))
    click.echo(format_report(report))
    click.echo(f"model saved to {out_dir} (use --themes {out_dir})")
