"""`import-feedback`: first-party feedback files (CSV/JSONL) into the reviews table."""
from __future__ import annotations

from pathlib import Path

import click

from . import cli
from .common import (EXIT_BAD_INPUT, EXIT_FAILURES, CLIError, config_option, db_option,
                     handle_domain_errors, resolve_config, resolve_db_path)


@cli.command("import-feedback")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", required=True, help="Name of the feedback source, e.g. nps-2024-q1 or zendesk.")
@click.option("--competitor", help="Whose feedback this is (default: the config's `self: true` competitor).")
@click.option("--text-column", help="Column holding the feedback text (auto: comment, feedback, review, body, text...).")
@click.option("--rating-column", help="Column holding the score (auto: rating, score, stars, nps...).")
@click.option("--date-column", help="Column holding the date (auto: date, created_at, submitted_at...).")
@click.option("--id-column", help="Column with a stable row id (auto: id, response_id, ticket_id...); "
                                  "without one, rows are identified by a hash of their content.")
@click.option("--title-column", help="Column holding a title or subject.")
@click.option("--author-column", help="Column holding the author (stored as a salted hash).")
@click.option("--rating-scale", type=click.Choice(["5", "10", "nps"]),
              help="Scale of the rating column (auto: nps for NPS columns, 10 when values exceed 5).")
@click.option("--format", "fmt", type=click.Choice(["csv", "tsv", "jsonl", "json"]),
              help="File format (default: from the extension or the content).")
@config_option()
@db_option()
@handle_domain_errors
def import_feedback_cmd(file, source, competitor, text_column, rating_column, date_column, id_column,
                        title_column, author_column, rating_scale, fmt, config_path, db_path):
    """Import first-party feedback (survey answers, NPS comments, support tickets, app-store
    exports) from a CSV or JSON Lines FILE into `reviews` (source_type first_party).

    Bad rows are listed with their line number and reason; the good rows are imported in one
    transaction. Importing the same file again adds nothing. Exit 1 when some rows were bad,
    2 when the file cannot be imported at all."""
    from ..config import slugify
    from ..feedback import FeedbackError, import_feedback
    from ..privacy import author_salt
    from ..store import open_db, save_competitors

    config = resolve_config(config_path, required=False)
    comp = _competitor(config, competitor)
    db = open_db(resolve_db_path(db_path, config))
    try:
        slug = slugify(comp["name"])
        if not db["competitors"].count_where("id = ?", [slug]):
            save_competitors(db, [comp])
        privacy = config.privacy if config is not None else None
        try:
            result = import_feedback(
                db, file, source=source, competitor=slug,
                salt=author_salt(privacy.salt_env if privacy else "RIVALSCOPE_SALT"),
                store_author_names=bool(privacy and privacy.store_author_names),
                text_column=text_column, rating_column=rating_column, date_column=date_column,
                id_column=id_column, title_column=title_column, author_column=author_column,
                rating_scale=rating_scale, fmt=fmt)
        except FeedbackError as e:
            raise CLIError(str(e), EXIT_BAD_INPUT) from None
    finally:
        db.close()
    cols = ", ".join(f"{k}={v}" for k, v in result["columns"].items() if v)
    click.echo(f"{file}: {result['imported']} of {result['rows']} rows imported for {comp['name']} "
               f"(source {source}: {result['new']} new, {result['updated']} updated, "
               f"{result['unchanged']} unchanged; columns {cols}"
               + (f"; rating scale {result['scale']}" if result["scale"] else "") + ")")
    if result["skipped_empty"]:
        n = result["skipped_empty"]
        click.echo(f"{n} row{'s' if n != 1 else ''} had no text and {'were' if n != 1 else 'was'} skipped")
    if result["errors"]:
        n = len(result["errors"])
        click.echo(f"{n} bad row{'s' if n != 1 else ''} (not imported):", err=True)
        for err in result["errors"]:
            click.echo(f"  {file}: {err}", err=True)
        raise SystemExit(EXIT_FAILURES if result["imported"] else EXIT_BAD_INPUT)


def _competitor(config, name: str | None) -> dict:
    from ..config import ConfigError

    if name:
        if config is not None and config.competitors:
            try:
                c = config.competitor(name)
            except ConfigError as e:
                raise CLIError(e.problems[0]) from None
            return {"name": c.name, "self": c.is_self, "website": c.website}
        return {"name": name, "self": False, "website": None}
    if config is not None:
        for c in config.competitors:
            if c.is_self:
                return {"name": c.name, "self": True, "website": c.website}
    raise CLIError("no competitor: pass --competitor NAME or mark one competitor `self: true` in the config")
