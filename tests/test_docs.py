"""Every command has help and a row in the README's command table; every option has help and
is mentioned in the README."""
from __future__ import annotations

from pathlib import Path

import click

from rivalscope.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(cmd: click.Command, path: tuple[str, ...] = ()):
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, path + (name,))
    else:
        yield " ".join(path), cmd


COMMANDS = list(_commands(cli))


def test_the_cli_has_its_commands():
    names = [name for name, _ in COMMANDS]
    assert {"analyze", "nlp annotate", "themes train", "import-feedback", "extract", "crawl", "run"} <= set(names)


def test_every_command_has_help_and_a_readme_row():
    for name, cmd in COMMANDS:
        assert (cmd.help or "").strip(), f"{name}: no help text"
        assert f"| `{name}" in README, f"{name}: no row in the README's command table"


def test_every_option_has_help_and_a_readme_mention():
    for name, cmd in COMMANDS:
        for param in cmd.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert (param.help or "").strip(), f"{name} {param.opts[0]}: no help text"
                assert any(opt in README for opt in param.opts), f"{name} {param.opts[0]}: not in the README"
