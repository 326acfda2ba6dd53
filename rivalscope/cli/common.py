"""Options and error handling shared by every command."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from ..config import Config, ConfigError, load_config
from ..store.db import StoreError

EXIT_OK, EXIT_FAILURES, EXIT_BAD_INPUT, EXIT_LOCKED = 0, 1, 2, 3


class CLIError(click.ClickException):
    """A clean one-line error with a chosen exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.exit_code = exit_code


def config_option(required: bool = False):
    return click.option(
        "-c", "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
        default=None if not required else "rivalscope.yml", show_default=required,
        help="Path to rivalscope.yml (default: ./rivalscope.yml when it exists).",
    )


def db_option():
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="SQLite database (default: the config's `database`, else rivalscope.db).",
    )


def resolve_config(config_path: Path | None, *, required: bool = True) -> Config | None:
    """Load the config; with no -c, use ./rivalscope.yml if present."""
    if config_path is None:
        default = Path("rivalscope.yml")
        if default.exists():
            config_path = default
        elif required:
            raise CLIError("no config: pass -c/--config PATH or run `rivalscope init` to write rivalscope.yml")
        else:
            return None
    try:
        return load_config(config_path)
    except ConfigError as e:
        raise CLIError(format_config_error(e)) from None


def format_config_error(e: ConfigError) -> str:
    where = f"{e.path}: " if e.path else ""
    if len(e.problems) == 1:
        return where + e.problems[0]
    return f"{where}{len(e.problems)} problems\n" + "\n".join(f"  {p}" for p in e.problems)


def resolve_db_path(db_path: Path | None, config: Config | None) -> Path:
    if db_path is not None:
        return db_path
    if config is not None:
        return config.database_path
    return Path("rivalscope.db")


def handle_domain_errors(fn):
    """Turn library exceptions into clean CLI errors (no tracebacks for bad input)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ConfigError as e:
            raise CLIError(format_config_error(e)) from None
        except StoreError as e:
            raise CLIError(str(e)) from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper
