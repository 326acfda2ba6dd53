"""Messaging change detection: noise records nothing, real edits exactly the expected rows.

Every pair goes through extract → save_messaging_snapshot → detect_messaging_changes on an
in-memory database, as the crawler does.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers.extract.messaging import extract_messaging
from rivalscope.store import save_competitors, save_messaging_snapshot, save_page, start_run
from rivalscope.store.messaging_changes import (
    VIEW,
    canonical_snapshot,
    detect_messaging_changes,
    diff_snapshots,
    ensure_messaging_views,
    normalise,
    strip_tracking,
    url_key,
    mask_volatile,
    word_diff,
)
from rivalscope.store.save import flatten_snapshot, snapshot_text_hash

PAIRS = Path(__file__).parent / "fixtures" / "messaging_pairs"
CASES = sorted(p.name for p in PAIRS.iterdir() if (p / "expected_changes.json").exists())


def crawl(db, html: str, url: str, ignore=None, competitor="acme"):
    """One crawl of one page: run, page row, snapshot, change detection. → (run, snap id, n changes, is_new)."""
    run = start_run(db)
    page = save_page(db, run=run, competitor=competitor, kind="messaging", url=url, status="ok",
                     http_status=200, body=html.encode())
    snapshot = extract_messaging(html, url, ignore=ignore)
    snap_id, previous, is_new = save_messaging_snapshot(db, run=run, page=page, competitor=competitor,
                                                        url=url, snapshot=snapshot)
    n = detect_messaging_changes(db, run=run, competitor=competitor, url=url, new_snapshot_id=snap_id,
                                 previous=previous, ignore=ignore)
    return run, snap_id, n, is_new


@pytest.fixture
def store(db):
    save_competitors(db, [{"name": "Acme", "website": "https://acme.example/"}])
    return db


def load(case: str):
    folder = PAIRS / case
    meta = json.loads((folder / "meta.json").read_text())
    expected = json.loads((folder / "expected_changes.json").read_text(encoding="utf-8"))
    return ((folder / "before.html").read_text(encoding="utf-8"), (folder / "after.html").read_text(encoding="utf-8"),
            meta["url"], meta.get("ignore"), expected)


def rows(db):
    return [{"field": r["field"], "before": r["before"], "after": r["after"]} for r in db.query(
        "select field, before, after from changes where kind = 'messaging_change' order by field, before, after")]


def key(change):
    return (change["field"], change["before"] or "", change["after"] or "")


def test_pairs_cover_noise_and_edits():
    assert sum(c.startswith("noise_") for c in CASES) >= 10
    assert sum(c.startswith("edit_") for c in CASES) >= 6


@pytest.mark.parametrize("case", CASES)
def test_pair(store, case):
    before, after, url, ignore, expected = load(case)
    assert before != after
    _, first, n0, _ = crawl(store, before, url, ignore)
    assert n0 == 0
    run, second, n, is_new = crawl(store, after, url, ignore)
    assert sorted(rows(store), key=key) == sorted(expected, key=key)
    assert n == len(expected)
    if not expected:
        # Noise does not even create a new version of the page.
        assert not is_new and second == first
        assert store["messaging_snapshots"].count == 1


@pytest.mark.parametrize("case", [c for c in CASES if c.startswith("edit_")])
def test_rerunning_detection_adds_nothing(store, case):
    before, after, url, ignore, expected = load(case)
    crawl(store, before, url, ignore)
    run, second, n, _ = crawl(store, after, url, ignore)
    previous = next(store.query("select * from messaging_snapshots where id != ?", [second]))
    again = detect_messaging_changes(store, run=run, competitor="acme", url=url, new_snapshot_id=second,
                                     previous=previous, ignore=ignore)
    assert again == n == store["changes"].count


def test_change_rows_link_both_snapshots_and_the_view_shows_them(store):
    before, after, url, ignore, _ = load("edit_headline")
    run1, first, _, _ = crawl(store, before, url, ignore)
    run2, second, _, _ = crawl(store, after, url, ignore)
    row = next(store.query("select * from changes"))
    assert (row["kind"], row["competitor"], row["subject"], row["run"], row["previous_run"]) == \
        ("messaging_change", "acme", url, run2, run1)
    assert (row["before_snapshot"], row["after_snapshot"]) == (first, second)
    details = json.loads(row["details"])
    assert (details["before_snapshot"], details["after_snapshot"], details["url"]) == (first, second, url)
    ensure_messaging_views(store)
    ensure_messaging_views(store)  # idempotent
    view = list(store.query(f"select * from {VIEW}"))
    assert len(view) == 1
    v = view[0]
    assert (v["competitor_name"], v["url"], v["field"]) == ("Acme", url, "headline")
    assert (v["before"], v["after"]) == ("Analytics that answers questions", "Analytics your whole team can use")
    assert (v["before_headline"], v["after_headline"]) == (v["before"], v["after"])
    assert (v["before_snapshot"], v["after_snapshot"]) == (first, second)


def test_going_back_to_an_old_version_is_a_change_again(store):
    before, after, url, ignore, _ = load("edit_headline")
    crawl(store, before, url, ignore)
    crawl(store, after, url, ignore)
    run, snap, n, is_new = crawl(store, before, url, ignore)
    assert (n, is_new) == (1, False)
    fields = [(r["field"], r["before"], r["after"]) for r in store.query("select * from changes order by run")]
    assert fields[-1] == ("headline", "Analytics your whole team can use", "Analytics that answers questions")
    assert store["messaging_snapshots"].count == 2


def test_first_snapshot_records_nothing(store):
    before, _, url, ignore, _ = load("edit_headline")
    _, _, n, is_new = crawl(store, before, url, ignore)
    assert (n, is_new) == (0, True)
    assert store["changes"].count == 0


def test_ignore_pattern_added_later_hides_an_old_difference(store):
    """The previous row was stored before the competitor got an ignore pattern."""
    before, after, url, _, _ = load("noise_counter_regex_ignore")
    crawl(store, before, url)
    _, _, n, _ = crawl(store, after, url, ignore=None)
    assert n == 2  # without the pattern the counter is a social-proof change
    store.execute("delete from changes")
    previous = next(store.query("select * from messaging_snapshots order by first_seen_run limit 1"))
    newest = next(store.query("select * from messaging_snapshots order by first_seen_run desc limit 1"))
    n = detect_messaging_changes(store, run=99, competitor="acme", url=url, new_snapshot_id=newest["id"],
                                 previous=previous, ignore=[r"Trusted by [\d,]+\+? teams"])
    assert n == 0 and store["changes"].count == 0


def test_main_text_diff_is_word_level():
    ops = word_diff("ships improvements every week , and more", "ships improvements every day , and more")
    assert ops == [{"op": "replace", "before": "week", "after": "day",
                    "context_before": "ships improvements every", "context_after": ", and more"}]
    changes = diff_snapshots({"main_text": "Our team ships every week.\nMore text here."},
                             {"main_text": "Our team ships every day.\nMore text here."})
    assert [(c["field"], c["before"], c["after"]) for c in changes] == [("main_text", "week.", "day.")]
    assert changes[0]["details"]["words_added"] == 1


def test_normalisation():
    assert normalise("  “Smart” — analytics\u00a0for\u200b teams ") == '"Smart" - analytics for teams'
    assert normalise("ﬁnd your data", None) == "find your data"
    assert normalise("Join 10,482 teams today", [r"\d[\d,]* teams"]) == "Join today"
    assert normalise("Join 10,482 teams today", ["css:.x"]) == "Join 10,482 teams today"
    assert strip_tracking("https://a.example/x?utm_source=y&id=3&gclid=z#top") == "https://a.example/x?id=3#top"
    assert strip_tracking("https://a.example/x;jsessionid=ABC?_token=1") == "https://a.example/x"
    assert url_key("https://WWW.a.example:443/x/?b=2&a=1") == url_key("http://a.example/x?a=1&b=2")
    assert url_key("https://a.example/og.1a2b3c4d5e.png?v=3", asset=True) == url_key("https://a.example/og.png", asset=True)
    assert url_key("https://a.example/og.png?v=3") != url_key("https://a.example/og.png")


def test_volatile_text_is_masked():
    assert mask_volatile("Good morning! Sale ends: 3 days left, 02:11:09 remaining. © 2024-2025 Acme. "
                         "Updated Nov 3, 2025, posted 5 minutes ago on 2025-11-03") == (
        "<greeting>! Sale ends: <countdown>, <time> remaining. © <year> Acme. "
        "Updated <date>, posted <ago> on <date>")
    assert mask_volatile("Plans from $29 per month") == "Plans from $29 per month"


def test_hash_ignores_noise_but_not_edits():
    base = {"title": "Acme", "headline": "Analytics that answers", "ctas": [
        {"text": "Start", "href": "https://a.example/s?utm_source=x", "primary": True},
        {"text": "Demo", "href": "https://a.example/d", "primary": False}],
        "value_props": ["Fast", "Private"], "main_text": "Acme © 2025. Analytics that answers."}
    noisy = {**base, "headline": " Analytics  that answers ", "value_props": ["Private", "Fast"],
             "ctas": list(reversed([{**c, "text": c["text"].upper(), "href": c["href"].split("?")[0]}
                                    for c in base["ctas"]])),
             "main_text": "Acme © 2026. Analytics that answers."}
    assert snapshot_text_hash(flatten_snapshot(base)) == snapshot_text_hash(flatten_snapshot(noisy))
    assert canonical_snapshot(base) == canonical_snapshot(noisy)
    edited = {**base, "headline": "Analytics that answers everything"}
    assert snapshot_text_hash(flatten_snapshot(base)) != snapshot_text_hash(flatten_snapshot(edited))
    assert diff_snapshots(base, noisy) == []


def test_two_crawls_of_a_local_site(store, serve_directory):
    """Fetched over HTTP from 127.0.0.1, as the spider would; the page URL is the same both times."""
    import urllib.request

    base = serve_directory(PAIRS / "edit_ctas")
    url = "https://acme.example/"
    runs = []
    for name in ("before.html", "after.html", "after.html"):
        html = urllib.request.urlopen(f"{base}/{name}", timeout=5).read().decode("utf-8")
        runs.append(crawl(store, html, url))
    assert [(n, is_new) for _, _, n, is_new in runs] == [(0, True), (3, True), (0, False)]
    got = sorted((r["field"], r["before"], r["after"], r["run"], r["previous_run"])
                 for r in store.query("select * from changes"))
    r1, r2 = runs[0][0], runs[1][0]
    assert got == [
        ("cta_added", None, "Talk to sales (https://acme.example/contact-sales)", r2, r1),
        ("cta_changed", "Start free trial (https://acme.example/signup)", "Try Acme free (https://acme.example/signup)", r2, r1),
        ("cta_removed", "Book a demo (https://acme.example/demo)", None, r2, r1),
    ]
    snap = next(store.query("select * from messaging_snapshots where id = ?", [runs[1][1]]))
    assert (snap["first_seen_run"], snap["last_seen_run"]) == (r2, runs[2][0])
