"""analyze_database: NLP tables, idempotence, re-analysis of edits, emerging phrases."""
from __future__ import annotations

import json

import pytest

from nlp.analyze import analyze_database, messaging_text, review_text
from rivalscope.store import save_competitors, save_messaging_snapshot, save_reviews

REVIEWS = [
    ("1", "Great UI", "Great UI but support is slow. The dark mode hurts my eyes terribly."),
    ("2", "Overpriced", "Way overpriced for a small team. The dark mode hurts my eyes badly."),
    ("3", None, "It crashes every day. Honestly the dark mode hurts my eyes, awful."),
    ("4", "Love it", "Setup took ten minutes and the Slack integration is seamless."),
]


def _reviews(db, competitor="globex", reviews=REVIEWS):
    save_reviews(db, run=None, page=None, competitor=competitor, source="g2", reviews=[
        {"site_id": sid, "author": "A", "rating": 3, "title": title, "body": body,
         "published_at": f"2026-10-0{i + 1}"} for i, (sid, title, body) in enumerate(reviews)])


@pytest.fixture
def store(db):
    save_competitors(db, [{"name": "Globex"}, {"name": "Initech"}])
    _reviews(db)
    return db


def test_text_assembly():
    assert review_text("Great UI", "Support is slow") == "Great UI. Support is slow."
    assert review_text(None, "Fine!") == "Fine!"
    text = messaging_text({"headline": "Ship faster", "subheadline": None,
                           "value_props": json.dumps(["Secure by default", "Integrates with Slack"]),
                           "main_text": "Pricing that scales\nNo credit card required."})
    assert text == ("Ship faster. Secure by default. Integrates with Slack. Pricing that scales. "
                    "No credit card required.")


def test_analyze_writes_tables_and_second_run_does_nothing(store):
    first = analyze_database(store)
    assert first["texts"] == 4 and first["reviews"] == 4
    assert first["sentences"] == store["sentences"].count == 10
    assert store["review_sentiment"].count == 4
    rows = {(r["theme"], r["label"]) for r in store.query(
        "select t.theme, t.label from sentence_themes t join sentences s on s.id = t.sentence "
        "where s.text = 'Great UI but support is slow.'")}
    assert rows == {("ease_of_use", "positive"), ("support", "negative")}
    assert store["themes"].get("support")["definition"].startswith("The sentence is about")
    assert store.execute("select label from review_sentiment where review = "
                         "(select id from reviews where site_id = '3')").fetchone()[0] == "negative"
    counts = {t: store[t].count for t in ("sentences", "sentence_themes", "review_sentiment", "nlp_analysed")}

    second = analyze_database(store)
    assert second["texts"] == 0 and second["sentences"] == 0
    assert {t: store[t].count for t in counts} == counts


def test_edited_review_is_reanalysed_and_full_redoes_everything(store):
    analyze_database(store)
    _reviews(store, reviews=[("3", None, "Support was amazing and fixed everything.")])
    again = analyze_database(store)
    assert again["texts"] == 1
    texts = [r["text"] for r in store.query(
        "select text from sentences where source_id = (select id from reviews where site_id = '3') order by idx")]
    assert texts == ["Support was amazing and fixed everything."]
    assert store["sentences"].count == 9  # 10 before; review 3 went from 2 sentences to 1
    full = analyze_database(store, full=True)
    assert full["texts"] == 4 and store["sentences"].count == 9


def test_other_taxonomy_is_a_new_pipeline_version(store):
    a = analyze_database(store)
    b = analyze_database(store, themes="retail")
    assert a["pipeline_version"] != b["pipeline_version"] and b["texts"] == 4
    versions = {r[0] for r in store.execute("select distinct pipeline_version from sentences")}
    assert versions == {b["pipeline_version"]}


def test_messaging_themes_shares(store):
    save_messaging_snapshot(store, run=None, page=None, competitor="initech", url="https://initech.example/",
                            snapshot={"headline": "Fast, secure project tracking",
                                      "value_props": ["Blazing fast search", "SSO and audit logs", "Affordable plans"],
                                      "main_text": "Integrates with Slack"})
    analyze_database(store)
    shares = {r["theme"]: (r["mentions"], r["share"]) for r in store.query(
        "select theme, mentions, share from messaging_themes where competitor = 'initech'")}
    assert shares["security_privacy"][0] == 3  # secure, SSO, audit
    assert shares["performance"][0] == 2  # fast, fast
    assert round(sum(s for _, s in shares.values()), 3) == 1.0


def test_emerging_phrases_from_uncovered_negative_sentences(store):
    stats = analyze_database(store)
    rows = list(store.query("select competitor, polarity, phrase, sentences from emerging_phrases"))
    assert {"competitor": "globex", "polarity": "negative", "phrase": "dark mode hurt", "sentences": 3} in rows
    assert stats["emerging_phrases"] == len(rows)


def test_two_processes_give_the_same_rows(store):
    single = analyze_database(store)
    rows1 = sorted(store.execute("select id, text, compound, label from sentences").fetchall())
    themes1 = sorted(store.execute("select id, theme, compound from sentence_themes").fetchall())
    multi = analyze_database(store, full=True, processes=2, batch_size=2)
    assert multi["texts"] == single["texts"]
    assert sorted(store.execute("select id, text, compound, label from sentences").fetchall()) == rows1
    assert sorted(store.execute("select id, theme, compound from sentence_themes").fetchall()) == themes1


def _count_commits(monkeypatch) -> list[int]:
    """The texts in each transaction analyze commits."""
    import nlp.write

    commits, real_commit = [], nlp.write.BatchWriter.commit

    def commit(self):
        if self.open:
            commits.append(self.texts)
        real_commit(self)

    monkeypatch.setattr(nlp.write.BatchWriter, "commit", commit)
    return commits


def test_a_batch_is_written_early_when_its_texts_made_many_rows(store, monkeypatch):
    import nlp.analyze
    import nlp.write

    whole = analyze_database(store)
    plain = _all_rows(store)
    monkeypatch.setattr(nlp.analyze, "NLP_CHUNK", 1)  # one text per NLP chunk
    inserts, real_insert = [], nlp.write.insert_rows
    monkeypatch.setattr(nlp.write, "insert_rows", lambda conn, rows: (inserts.append(rows.counts["texts"]),
                                                                      real_insert(conn, rows)))
    commits = _count_commits(monkeypatch)
    done = []
    analyze_database(store, full=True, progress=lambda n, total: done.append((n, total)))
    assert done == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]  # progress after every NLP chunk
    assert inserts == [1, 1, 1, 1]  # each chunk's rows written as they come...
    assert commits == [4]  # ...in one transaction: batch_size (20,000) holds all 4 texts
    monkeypatch.setattr(nlp.analyze, "BATCH_MAX_ROWS", 2)  # every text here has 2+ sentence rows
    commits.clear()
    again = analyze_database(store, full=True)
    assert commits == [1, 1, 1, 1]  # a commit per text
    assert again["sentences"] == whole["sentences"] and _all_rows(store) == plain
    commits.clear()
    monkeypatch.setattr(nlp.analyze, "BATCH_MAX_ROWS", 10**6)
    analyze_database(store, full=True, batch_size=3)
    assert commits == [3, 1]


def test_a_failure_keeps_the_batches_committed_before_it(store, monkeypatch):
    import nlp.analyze
    import nlp.write

    monkeypatch.setattr(nlp.analyze, "NLP_CHUNK", 1)
    calls, real_insert = [], nlp.write.insert_rows

    def insert(conn, rows):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        real_insert(conn, rows)

    monkeypatch.setattr(nlp.write, "insert_rows", insert)
    with pytest.raises(RuntimeError, match="disk full"):
        analyze_database(store, batch_size=2)  # texts 1-2 committed, text 3 fails
    assert store["nlp_analysed"].count == 2 and not store.conn.in_transaction
    assert store.execute("pragma foreign_keys").fetchone()[0] == 1
    monkeypatch.undo()
    assert analyze_database(store)["texts"] == 2  # the other two, next time


def test_row_ids_follow_the_texts_ids(store):
    from nlp.analyze import _id
    from rivalscope.store import stable_id

    save_messaging_snapshot(store, run=None, page=None, competitor="globex", url="https://g.example/",
                            snapshot={"headline": "Secure by default", "value_props": [], "main_text": ""})
    analyze_database(store)
    review = store.execute("select id from reviews where site_id = '1'").fetchone()[0]
    ids = [r[0] for r in store.execute("select id from sentences where source_id = ? order by idx", [review])]
    assert ids == [f"{review}.00", f"{review}.01", f"{review}.02"]
    assert {r[0] for r in store.execute("select id from sentence_themes where sentence = ?", [ids[1]])} == {
        f"{review}.01:ease_of_use", f"{review}.01:support"}
    snapshot = store.execute("select id from messaging_snapshots").fetchone()[0]
    assert store.execute("select id from sentences where source_id = ?", [snapshot]).fetchone()[0] == f"{snapshot}m00"
    assert {r[0] for r in store.execute("select id from nlp_analysed")} == {
        *(r[0] for r in store.execute("select id from reviews")), f"{snapshot}m"}
    # messaging_themes keep the store's stable ids
    assert _id("0123456789abcdef0123", "support") == stable_id("0123456789abcdef0123", "support")


def test_a_database_analysed_before_the_id_change_is_migrated(db):
    from nlp.schema import ensure_nlp_schema, migrations

    save_competitors(db, [{"name": "Globex"}])
    _reviews(db)
    migrations.apply(db, stop_before="0002_nlp_ids_follow_text_ids")
    review = db.execute("select id from reviews where site_id = '1'").fetchone()[0]
    # a bookkeeping row as the earlier version wrote it: a hashed id, an old pipeline version
    db["nlp_analysed"].insert({"id": "f" * 20, "source_table": "reviews", "source_id": review,
                               "content_hash": "old", "pipeline_version": "taxonomy:default:old",
                               "sentences": 1, "analysed_at": "2026-01-01"})
    ensure_nlp_schema(db)
    assert db.execute("select id from nlp_analysed").fetchall() == [(review,)]
    assert analyze_database(db)["texts"] == 4
    assert db["nlp_analysed"].count == 4  # replaced, not doubled
    assert analyze_database(db)["texts"] == 0


def _indexes(db):
    return {r[0] for r in db.execute("select name from sqlite_master where type = 'index' and "
                                     "tbl_name in ('sentences', 'sentence_themes') and name like 'idx_%'")}


def _all_rows(db):
    return {t: sorted(db.execute(f"select * from {t}").fetchall()) for t in
            ("sentences", "sentence_themes", "messaging_themes")}


def test_bulk_runs_write_the_same_rows_and_build_the_indexes_again(store, monkeypatch):
    import nlp.analyze

    analyze_database(store)  # 4 texts: not a bulk run
    indexes = _indexes(store)
    assert len(indexes) == 4
    plain = _all_rows(store)
    monkeypatch.setattr(nlp.analyze, "BULK_MIN_TEXTS", 1)
    import nlp.write

    dropped = []
    real_insert = nlp.write.insert_rows
    monkeypatch.setattr(nlp.write, "insert_rows", lambda conn, rows: (dropped.append(_indexes(store)),
                                                                      real_insert(conn, rows)))
    said = []
    again = analyze_database(store, full=True, status=said.append)  # every text again: a bulk run
    assert again["texts"] == 4 and dropped == [set()]  # written without the indexes...
    assert said == ["building the indexes of sentences and sentence_themes…", "updating emerging phrases…"]
    assert _indexes(store) == indexes  # ...which are back
    assert _all_rows(store) == plain
    # an edited review in a bulk run: its earlier sentences go, nothing is left twice
    _reviews(store, reviews=[("3", None, "Support was amazing and fixed everything.")])
    analyze_database(store, full=True)
    assert store["sentences"].count == 9
    assert store.execute("select count(*) from sentence_themes where sentence not in "
                         "(select id from sentences)").fetchone()[0] == 0


def test_a_failed_bulk_run_leaves_the_indexes_and_is_finished_by_the_next(store, monkeypatch):
    import nlp.analyze
    from nlp.schema import drop_bulk_indexes, ensure_nlp_schema

    monkeypatch.setattr(nlp.analyze, "BULK_MIN_TEXTS", 1)
    import nlp.write

    monkeypatch.setattr(nlp.write, "insert_rows", lambda conn, rows: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        analyze_database(store)
    assert len(_indexes(store)) == 4 and store["sentences"].count == 0
    monkeypatch.undo()
    assert analyze_database(store)["texts"] == 4
    # a process killed mid-run cannot rebuild them: opening the schema does
    drop_bulk_indexes(store)
    ensure_nlp_schema(store)
    assert len(_indexes(store)) == 4


def _fails(message):
    raise ValueError(message)


def test_a_job_in_its_own_process_returns_its_result_or_raises_its_error():
    import os
    from nlp.analyze import _Job

    job = _Job(sorted, [3, 1, 2])
    assert job.result() == [1, 2, 3]
    job.stop()
    job = _Job(_fails, "no such index")
    with pytest.raises(ValueError, match="no such index"):
        job.result()
    job.stop()
    job = _Job(os._exit, 3)  # dies without a result
    with pytest.raises(RuntimeError, match=r"stopped without a result \(exit code 3\)"):
        job.result()
    job.stop()


def test_a_bulk_run_on_two_processes_works_out_emerging_phrases_beside_the_index_build(tmp_path, monkeypatch):
    """With worker processes and a database file, emerging phrases are read in a process of
    their own once their two indexes exist, while the other two are built: the same rows."""
    import nlp.analyze
    from rivalscope.store import open_db

    monkeypatch.setattr(nlp.analyze, "BULK_MIN_TEXTS", 1)
    started = []

    class Recorded(nlp.analyze._Job):
        def __init__(self, func, *args):
            started.append(func.__name__)
            super().__init__(func, *args)

    monkeypatch.setattr(nlp.analyze, "_Job", Recorded)
    results = {}
    for processes in (1, 2):
        db = open_db(tmp_path / f"p{processes}.db")
        save_competitors(db, [{"name": "Globex"}, {"name": "Initech"}])
        _reviews(db)
        said = []
        stats = analyze_database(db, processes=processes, status=said.append)
        assert said == ["building the indexes of sentences and sentence_themes…", "updating emerging phrases…"]
        assert len(_indexes(db)) == 4
        results[processes] = (stats["emerging_phrases"], sorted(
            db.execute("select competitor, polarity, phrase, sentences, example from emerging_phrases").fetchall()))
        db.close()
    assert started == ["emerging_phrases_of_file"]  # only the two-process run
    assert results[1] == results[2] and results[1][0] >= 1
    assert ("globex", "negative", "dark mode hurt", 3) in [r[:4] for r in results[2][1]]
