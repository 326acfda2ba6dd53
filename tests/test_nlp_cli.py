"""CLI: nlp annotate (bad lines), analyze, themes train."""
from __future__ import annotations

import json

from rivalscope.cli import cli
from rivalscope.store import open_db, save_competitors, save_reviews


def test_annotate_reports_bad_lines_and_processes_the_rest(runner, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "Great UI but support is slow."}\n'
                    "not json\n"
                    '{"id": 2}\n'
                    '{"id": "b", "text": "It is not cheap."}\n')
    result = runner.invoke(cli, ["nlp", "annotate", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in lines] == [1, "b"]
    first = lines[0]
    assert set(first) == {"id", "sentiment", "themes", "sentences"}
    assert {t["theme"]: t["label"] for t in first["themes"]} == {"ease_of_use": "positive", "support": "negative"}
    assert set(first["sentences"][0]) == {"text", "compound", "label", "themes"}
    assert lines[1]["themes"] == [{"theme": "price_value", "sentiment": lines[1]["themes"][0]["sentiment"],
                                   "label": "negative"}]
    assert f"{path}:2: not valid JSON" in result.stderr
    assert f'{path}:3: missing "text"' in result.stderr


def test_annotate_clean_file_exits_0_and_missing_file_2(runner, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "Shoes run small."}\n')
    ok = runner.invoke(cli, ["nlp", "annotate", str(path), "--themes", "retail"], catch_exceptions=False)
    assert ok.exit_code == 0
    assert json.loads(ok.stdout)["themes"][0]["theme"] == "sizing"
    missing = runner.invoke(cli, ["nlp", "annotate", str(tmp_path / "nope.jsonl")], catch_exceptions=False)
    assert missing.exit_code == 2 and "file not found" in missing.stderr
    bad_themes = runner.invoke(cli, ["nlp", "annotate", str(path), "--themes", str(tmp_path / "x.yml")],
                               catch_exceptions=False)
    assert bad_themes.exit_code == 2 and "taxonomy file not found" in bad_themes.stderr


def test_analyze_command(runner, tmp_path):
    db_path = tmp_path / "r.db"
    db = open_db(db_path)
    save_competitors(db, [{"name": "Globex"}])
    save_reviews(db, run=None, page=None, competitor="globex", source="g2",
                 reviews=[{"site_id": "1", "body": "Buggy and overpriced.", "rating": 1}])
    db.close()
    first = runner.invoke(cli, ["analyze", "--db", str(db_path)], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("1 texts analysed")
    assert "analysed 1/1 texts" in first.stderr and "ETA" in first.stderr
    second = runner.invoke(cli, ["analyze", "--db", str(db_path)], catch_exceptions=False)
    assert second.stdout.startswith("0 texts analysed")
    labels = open_db(db_path).execute("select label from review_sentiment").fetchall()
    assert labels == [("negative",)]


def test_themes_train_command(runner, tmp_path):
    from test_nlp_train import toy_examples

    path = tmp_path / "ex.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in toy_examples(80)))
    result = runner.invoke(cli, ["themes", "train", str(path), "--out", str(tmp_path / "m"), "--epochs", "4"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "micro" in result.stdout and "model saved to" in result.stdout
    assert json.loads((tmp_path / "m" / "rivalscope_themes.json").read_text())["ensemble"]["pipes"] == [
        "textcat_multilabel", "textcat_multilabel_2", "textcat_multilabel_3"]  # three by default
    one = runner.invoke(cli, ["themes", "train", str(path), "--out", str(tmp_path / "m1"), "--epochs", "2",
                              "--members", "1"], catch_exceptions=False)
    assert one.exit_code == 0, one.output
    assert json.loads((tmp_path / "m1" / "rivalscope_themes.json").read_text())["ensemble"]["pipes"] == [
        "textcat_multilabel"]
    bad = runner.invoke(cli, ["themes", "train", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "m2")],
                        catch_exceptions=False)
    assert bad.exit_code == 2
