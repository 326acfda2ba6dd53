from pathlib import Path

import pytest

from rivalscope.cli import cli
from rivalscope.config import ConfigError, parse_config

GOOD = """
project: Test
base_currency: USD
competitors:
  - name: Acme
    self: true
    pricing: [https://acme.example/pricing]
  - name: Globex
    pricing:
      - url: https://globex.example/pricing
        toggle: button.annual
    reviews:
      - url: https://globex.example/reviews
        max_pages: 5
alerts:
  - on: price_change
    min_change_pct: 5
    notify: ["json://127.0.0.1:8099/hook"]
"""


def test_valid_config_loads():
    cfg = parse_config(GOOD)
    assert [c.name for c in cfg.competitors] == ["Acme", "Globex"]
    assert cfg.competitors[0].is_self is True
    assert cfg.competitors[1].pricing[0].toggle == "button.annual"
    assert cfg.competitors[1].reviews[0].max_pages == 5
    assert cfg.alerts[0].on == "price_change"  # YAML 1.1 would read `on` as True
    assert str(cfg.alerts[0].min_change_pct) == "5"


def problems(text):
    with pytest.raises(ConfigError) as e:
        parse_config(text)
    return e.value.problems


def test_bad_url_is_located():
    p = problems(GOOD.replace("https://globex.example/pricing", "globex.example/pricing"))
    assert p == ["competitors[1].pricing[0].url: 'globex.example/pricing' is not an http(s) URL (line 10)"]


def test_unknown_key_is_an_error():
    p = problems(GOOD + "databse: x.db\n")
    assert p == ["databse: unknown key (check the spelling; unknown keys are not allowed) (line 19)"]


def test_two_selves_rejected():
    p = problems(GOOD.replace("  - name: Globex\n", "  - name: Globex\n    self: true\n"))
    assert len(p) == 1 and "at most one competitor may be self: true (found Acme, Globex)" in p[0]


def test_bad_alert_kind_and_cron():
    p = problems(GOOD + "schedule:\n  - cron: 'every monday'\n")
    assert p == ["schedule[0].cron: 'every monday' is not a valid cron expression (line 20)"]
    p = problems(GOOD.replace("on: price_change", "on: price_drop"))
    assert len(p) == 1 and p[0].startswith("alerts[0].on: Input should be 'price_change'")


def test_yaml_syntax_error_gives_line():
    p = problems("competitors:\n  - name: [Acme\n")
    assert len(p) == 1 and p[0].startswith("YAML syntax error at line 3")


def test_extract_processes_auto_or_a_count():
    assert parse_config(GOOD).crawl.extract_processes == "auto"
    for value in (0, 3):
        assert parse_config(GOOD + f"crawl: {{extract_processes: {value}}}\n").crawl.extract_processes == value
    for bad, shown in (("many", "'many'"), ("-1", "-1"), ("true", "True")):
        assert problems(GOOD + f"crawl: {{extract_processes: {bad}}}\n") == [
            f"crawl.extract_processes: must be 'auto' or a number of processes from 0 to 64, not {shown} (line 19)"]


def test_validate_cli_exit_codes(runner, tmp_path: Path):
    good = tmp_path / "good.yml"
    good.write_text(GOOD)
    r = runner.invoke(cli, ["validate", "-c", str(good)])
    assert r.exit_code == 0, r.output
    assert "ok (2 competitors, 3 pages, 1 alert rules, 0 schedules)" in r.output
    bad = tmp_path / "bad.yml"
    bad.write_text(GOOD.replace("https://acme.example/pricing", "ftp://acme.example/p") + "typo: 1\n")
    r = runner.invoke(cli, ["validate", "-c", str(bad)])
    assert r.exit_code == 2
    assert "2 problems" in r.output
    assert "competitors[0].pricing[0].url: 'ftp://acme.example/p' is not an http(s) URL (line 7)" in r.output
    r = runner.invoke(cli, ["validate", "-c", str(tmp_path / "missing.yml")])
    assert r.exit_code == 2 and "config file not found" in r.output


def test_init_writes_a_valid_config(runner, tmp_path: Path):
    r = runner.invoke(cli, ["init", str(tmp_path)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["validate", "-c", str(tmp_path / "rivalscope.yml")])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["init", str(tmp_path)])
    assert r.exit_code != 0 and "already exists" in r.output
