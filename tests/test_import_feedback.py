"""import-feedback: CSV/JSONL first-party feedback, bad rows reported by line, idempotent."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rivalscope.cli import cli
from rivalscope.feedback import FeedbackError, detect_columns, import_feedback, parse_rating, read_feedback
from rivalscope.store import open_db, save_competitors

CSV = """id,submitted_at,score,comment,customer
1,2024-03-01,9,"Great onboarding, the team loved it",Ann
2,2024-03-02,abc,Price is too high,Bob
3,2024-03-03,7,"Multi-line
comment about exports",Cy
4,not-a-date,8,Fine,Dee
5,2024-03-05,11,Too many emails,Eve
6,2024-03-06T10:00:00Z,10,"Call me on +44 20 7946 0958 or fay@example.com",Fay
7,2024-03-07,3,,Gus
1,2024-03-08,5,Duplicate id row,Hal
8,2024-03-09,0,"Terrible; cancelled",Ivy
"""

ERRORS = [
    "line 3: rating 'abc' is not a number",
    "line 6: date 'not-a-date' is not a date",
    "line 7: rating '11' is outside the 0-10 scale",
    "line 10: duplicate id '1' (first on line 2)",
]

CONFIG = """project: test
database: feedback.db
competitors:
  - name: Acme
    self: true
    website: https://acme.example
  - name: Globex
    website: https://globex.example
"""


@pytest.fixture
def files(tmp_path):
    (tmp_path / "nps.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "rivalscope.yml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_read_feedback_reports_bad_rows_and_maps_columns(files):
    parsed = read_feedback(files / "nps.csv")
    assert [str(e) for e in parsed.errors] == ERRORS
    assert parsed.columns == {"id": "id", "rating": "score", "date": "submitted_at", "title": None,
                              "author": "customer", "text": "comment"}
    assert parsed.scale == "10"
    assert parsed.skipped_empty == 1 and parsed.total == 9
    assert [(r["site_id"], r["rating"], r["published_at"], r["body"]) for r in parsed.rows] == [
        ("1", 4.5, "2024-03-01", "Great onboarding, the team loved it"),
        ("3", 3.5, "2024-03-03", "Multi-line comment about exports"),
        ("6", 5.0, "2024-03-06", "Call me on +44 20 7946 0958 or fay@example.com"),
        ("8", 0.0, "2024-03-09", "Terrible; cancelled"),
    ]
    assert parsed.lines == [2, 4, 8, 11]


def test_import_is_one_transaction_and_idempotent(files, db):
    save_competitors(db, [{"name": "Acme", "self": True}])
    first = import_feedback(db, files / "nps.csv", source="nps-q1", competitor="acme", salt="x")
    assert (first["imported"], first["new"], first["unchanged"]) == (4, 4, 0)
    again = import_feedback(db, files / "nps.csv", source="nps-q1", competitor="acme", salt="x")
    assert (again["imported"], again["new"], again["unchanged"], again["updated"]) == (4, 0, 4, 0)
    rows = list(db.query("select site_id, source, source_type, rating, body, author, author_hash "
                         "from reviews order by site_id"))
    assert [(r["site_id"], r["source_type"], r["rating"]) for r in rows] == [
        ("1", "first_party", 4.5), ("3", "first_party", 3.5), ("6", "first_party", 5.0), ("8", "first_party", 0.0)]
    assert rows[2]["body"] == "Call me on [phone] or [email]"
    assert all(r["author"] is None and len(r["author_hash"]) == 24 for r in rows)


def test_content_hash_ids_without_id_column(tmp_path, db):
    save_competitors(db, [{"name": "Acme"}])
    f = tmp_path / "tickets.jsonl"
    f.write_text("\n".join([
        json.dumps({"created_at": "2024-01-02", "subject": "Login broken", "description": "Cannot log in since the update.",
                    "requester": {"name": "Zoe"}}),
        "{not json",
        json.dumps({"created_at": "2024-01-03", "subject": "Invoice", "description": "Please resend the invoice.",
                    "csat": "4"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"created_at": 1704326400, "description": "Thanks, solved quickly!", "csat": 5}),
    ]) + "\n", encoding="utf-8")
    res = import_feedback(db, f, source="zendesk", competitor="acme")
    assert [str(e) for e in res["errors"]] == ["line 2: not valid JSON (Expecting property name enclosed in double "
                                               "quotes at column 2)", "line 4: expected a JSON object"]
    assert res["columns"]["text"] == "description" and res["columns"]["title"] == "subject"
    assert res["columns"]["author"] == "requester"
    assert res["imported"] == 3 and res["new"] == 3
    got = list(db.query("select title, body, rating, published_at from reviews order by published_at"))
    assert got == [
        {"title": "Login broken", "body": "Cannot log in since the update.", "rating": None, "published_at": "2024-01-02"},
        {"title": "Invoice", "body": "Please resend the invoice.", "rating": 4.0, "published_at": "2024-01-03"},
        {"title": None, "body": "Thanks, solved quickly!", "rating": 5.0, "published_at": "2024-01-04"},
    ]
    assert import_feedback(db, f, source="zendesk", competitor="acme")["new"] == 0
    assert db["reviews"].count == 3


@pytest.mark.parametrize("raw, scale, out", [
    ("4", "5", (4.0, None)), ("4,5", "5", (4.5, None)), ("8", "10", (4.0, None)), ("9", "nps", (4.5, None)),
    ("9.5", "nps", (None, "rating '9.5' is not an NPS score (a whole number 0-10)")),
    ("6", "5", (None, "rating '6' is outside the 0-5 scale")), ("★★★★", "5", (4.0, None)),
    ("3/5", None, (3.0, None)), ("", "5", (None, None)), ("n/a", "5", (None, "rating 'n/a' is not a number")),
])
def test_parse_rating(raw, scale, out):
    assert parse_rating(raw, scale) == out


def test_detect_columns_common_names():
    assert detect_columns(["Response ID", "Date Submitted", "How likely are you to recommend us?", "Why?"]) == {
        "id": "Response ID", "rating": "How likely are you to recommend us?", "date": "Date Submitted",
        "title": None, "author": None, "text": "Why?"}
    assert detect_columns(["Review Text", "Star Rating", "Review Date", "Reviewer"])["text"] == "Review Text"
    with pytest.raises(FeedbackError, match="column 'nope' \\(--text-column\\) not found"):
        detect_columns(["a", "b"], {"text": "nope"})


def test_cli_import_with_bad_rows(files):
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    args = ["import-feedback", str(files / "nps.csv"), "--source", "nps-q1", "-c", str(files / "rivalscope.yml")]
    r = runner.invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 1
    out = r.stdout
    assert "4 of 9 rows imported for Acme (source nps-q1: 4 new, 0 updated, 0 unchanged;" in out
    assert "1 row had no text and was skipped" in out
    err_lines = [l.strip() for l in r.stderr.splitlines() if "line " in l]
    assert err_lines == [f"{files / 'nps.csv'}: {e}" for e in ERRORS]
    r2 = runner.invoke(cli, args, catch_exceptions=False)
    assert r2.exit_code == 1 and "0 new, 0 updated, 4 unchanged" in r2.stdout
    db = open_db(files / "feedback.db")
    assert db["reviews"].count == 4
    assert [r["id"] for r in db.query("select id from competitors")] == ["acme"]
    db.close()


def test_cli_competitor_option_and_clean_file(files):
    clean = files / "clean.csv"
    clean.write_text("feedback;rating;date\nLove the API;5;2024-02-01\nDocs are thin;3;2024-02-02\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["import-feedback", str(clean), "--source", "survey", "--competitor", "globex",
                                 "-c", str(files / "rivalscope.yml")], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    db = open_db(files / "feedback.db")
    assert [(x["competitor"], x["rating"], x["body"]) for x in db.query(
        "select competitor, rating, body from reviews order by body")] == [
        ("globex", 3.0, "Docs are thin"), ("globex", 5.0, "Love the API")]
    db.close()


@pytest.mark.parametrize("setup, args, message", [
    (None, ["missing.csv"], "missing.csv: file not found"),
    ("data.xml", ["data.xml"], "unknown format '.xml'"),
    ("notext.csv", ["notext.csv"], "no text column found (columns: id, score)"),
    ("ok.csv", ["ok.csv", "--text-column", "nope"], "column 'nope' (--text-column) not found"),
    ("ok.csv", ["ok.csv", "--competitor", "Umbrella"], "no competitor named 'Umbrella'"),
])
def test_cli_bad_input_exit_2(files, setup, args, message):
    if setup == "data.xml":
        (files / setup).write_text("<feedback/>", encoding="utf-8")
    elif setup == "notext.csv":
        (files / setup).write_text("id,score\n1,4\n", encoding="utf-8")
    elif setup == "ok.csv":
        (files / setup).write_text("comment\nfine\n", encoding="utf-8")
    argv = ["import-feedback", str(files / args[0]), "--source", "s", "-c", str(files / "rivalscope.yml"), *args[1:]]
    r = CliRunner().invoke(cli, argv)
    assert r.exit_code == 2
    assert message in r.output


def test_cli_without_self_competitor(tmp_path):
    f = tmp_path / "f.csv"
    f.write_text("comment\nfine\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["import-feedback", str(f), "--source", "s", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 2
    assert "no competitor: pass --competitor NAME" in r.output
