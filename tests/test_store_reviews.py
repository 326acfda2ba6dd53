"""save_reviews: stable ids, no duplicates on re-save, edits recorded, no PII stored."""
from __future__ import annotations

from rivalscope.store import save_competitors, save_reviews
from rivalscope.store.save import author_hash, review_identity

REVIEWS = [
    {"site_id": "R1", "author": "Jane Doe", "rating": 4.0, "title": "Good", "language": "en",
     "body": "Works well. Call me on +44 20 7946 0958 or jane@example.com if you have questions.",
     "published_at": "2024-03-01", "verified": True, "helpful_votes": 3, "product": "Insight", "url": "https://r.example/1"},
    {"site_id": None, "author": "Bob", "rating": 2.0, "title": None, "body": "Slow support, price went up by $120.00 in 2024.",
     "published_at": "2024-02-10", "verified": None, "helpful_votes": None, "product": None, "url": "https://r.example/1"},
    {"site_id": None, "author": None, "rating": None, "title": None, "body": "Anonymous praise for the onboarding.",
     "published_at": None, "verified": None, "helpful_votes": None, "product": None, "url": "https://r.example/2"},
]


def _setup(db):
    save_competitors(db, [{"name": "Globex", "website": "https://globex.example"}])


def test_resave_adds_nothing(db):
    _setup(db)
    first = save_reviews(db, run=None, page=None, competitor="globex", source="r.example", reviews=REVIEWS, salt="s")
    again = save_reviews(db, run=None, page=None, competitor="globex", source="r.example", reviews=REVIEWS, salt="s")
    assert first == {"new": 3, "updated": 0, "unchanged": 0}
    assert again == {"new": 0, "updated": 0, "unchanged": 3}
    assert db["reviews"].count == 3
    assert db["review_edits"].count == 0


def test_edit_updates_and_records(db):
    _setup(db)
    save_reviews(db, run=None, page=None, competitor="globex", source="r.example", reviews=REVIEWS, salt="s",
                 observed_at="2024-03-02T00:00:00Z")
    edited = [dict(REVIEWS[0], rating=2.0, body="Changed my mind: exports keep failing."),
              dict(REVIEWS[1], body="Slow support. Edited: they fixed it eventually.", helpful_votes=7)]
    counts = save_reviews(db, run=None, page=None, competitor="globex", source="r.example", reviews=edited,
                          salt="s", observed_at="2024-04-01T00:00:00Z")
    assert counts == {"new": 0, "updated": 2, "unchanged": 0}
    assert db["reviews"].count == 3
    rid = review_identity("globex", "r.example", REVIEWS[0])
    row = db["reviews"].get(rid)
    assert (row["rating"], row["body"], row["updated_at"], row["first_seen_at"]) == (
        2.0, "Changed my mind: exports keep failing.", "2024-04-01T00:00:00Z", "2024-03-02T00:00:00Z")
    edits = list(db.query("select * from review_edits order by before_rating desc"))
    assert [(e["review"], e["before_rating"], e["after_rating"]) for e in edits] == [
        (rid, 4.0, 2.0), (edits[1]["review"], 2.0, 2.0)]
    assert edits[0]["before_body"].startswith("Works well. Call me on [phone] or [email]")
    assert edits[1]["after_body"] == "Slow support. Edited: they fixed it eventually."
    bob = db["reviews"].get(edits[1]["review"])
    assert bob["helpful_votes"] == 7
    # the same edit saved again records nothing more
    again = save_reviews(db, run=None, page=None, competitor="globex", source="r.example", reviews=edited, salt="s")
    assert again == {"new": 0, "updated": 0, "unchanged": 2}
    assert db["review_edits"].count == 2


def test_edit_within_one_batch(db):
    """A review and its edit in the same call (a page listing it twice, an import file with
    a correction): one review, the later text, one recorded edit, as if saved one by one."""
    _setup(db)
    first = dict(REVIEWS[0])
    later = dict(REVIEWS[0], rating=1.0, body="Edited: it broke after the update.")
    unsited = dict(REVIEWS[1])
    unsited_later = dict(REVIEWS[1], body="Slow support, but they answered in the end.")
    counts = save_reviews(db, run=None, page=None, competitor="globex", source="r.example",
                          reviews=[first, unsited, later, unsited_later], salt="s")
    assert counts == {"new": 2, "updated": 2, "unchanged": 0}
    assert db["reviews"].count == 2
    row = db["reviews"].get(review_identity("globex", "r.example", REVIEWS[0]))
    assert (row["rating"], row["body"]) == (1.0, "Edited: it broke after the update.")
    bodies = {r["body"] for r in db["reviews"].rows}
    assert "Slow support, but they answered in the end." in bodies
    assert db["review_edits"].count == 2


def test_no_email_or_phone_reaches_the_db(db):
    _setup(db)
    save_reviews(db, run=None, page=None, competitor="globex", source="r.example", salt="s",
                 reviews=[dict(REVIEWS[0], title="Mail jane@example.com or 0171 1234567")])
    row = db["reviews"].get(review_identity("globex", "r.example", REVIEWS[0]))
    assert row["body"] == "Works well. Call me on [phone] or [email] if you have questions."
    assert row["title"] == "Mail [email] or [phone]"
    dump = " ".join(str(v) for r in db.query("select * from reviews") for v in r.values())
    assert "@" not in dump and "7946" not in dump and "1234567" not in dump
    other = list(db.query("select body from reviews where body like '%$120.00 in 2024%'"))
    assert other == []  # only the first review was saved in this test


def test_prices_and_years_survive_masking(db):
    _setup(db)
    save_reviews(db, run=None, page=None, competitor="globex", source="r.example", reviews=[REVIEWS[1]], salt="s")
    assert [r["body"] for r in db.query("select body from reviews")] == ["Slow support, price went up by $120.00 in 2024."]


def test_author_names_hashed_unless_configured(db):
    _setup(db)
    save_reviews(db, run=None, page=None, competitor="globex", source="a", reviews=[REVIEWS[0]], salt="pepper")
    save_reviews(db, run=None, page=None, competitor="globex", source="b", reviews=[REVIEWS[0]], salt="pepper",
                 store_author_names=True)
    rows = {r["source"]: r for r in db.query("select source, author, author_hash from reviews")}
    assert rows["a"]["author"] is None and rows["b"]["author"] == "Jane Doe"
    assert rows["a"]["author_hash"] == rows["b"]["author_hash"] == author_hash("jane  DOE", "pepper")
    assert author_hash("Jane Doe", "pepper") != author_hash("Jane Doe", "other salt")
    assert author_hash("", "pepper") is None and author_hash(None, "pepper") is None
    assert len(author_hash("Jane Doe", "")) == 24


def test_identity_is_stable_and_specific():
    base = {"author": "Bob", "published_at": "2024-02-10", "body": "Slow  support."}
    assert review_identity("globex", "s", base) == review_identity("globex", "s", dict(base, body="slow support."))
    assert review_identity("globex", "s", base) != review_identity("initech", "s", base)
    assert review_identity("globex", "s", base) != review_identity("globex", "s", dict(base, author="Ann"))
    assert review_identity("globex", "s", dict(base, site_id="9")) == review_identity(
        "globex", "s", {"site_id": "9", "body": "other"})
    # masking is applied before hashing, so crawler and store agree
    assert review_identity("g", "s", {"body": "mail a@b.co"}) == review_identity("g", "s", {"body": "mail [email]"})


def test_full_text_search_on_reviews(db):
    _setup(db)
    save_reviews(db, run=None, page=None, competitor="globex", source="r.example", reviews=REVIEWS, salt="s")
    hits = [r["body"] for r in db["reviews"].search("support")]
    assert hits == ["Slow support, price went up by $120.00 in 2024."]
    assert [r["title"] for r in db["reviews"].search("good")] == ["Good"]
    # porter stemming: "exports" finds "export"
    save_reviews(db, run=None, page=None, competitor="globex", source="r.example", salt="s",
                 reviews=[dict(REVIEWS[0], body="Export keeps failing.")])
    assert [r["body"] for r in db["reviews"].search("exports")] == ["Export keeps failing."]


def test_a_review_stored_nfkc_is_the_same_review_in_the_page_form(db):
    """The extractor kept texts NFKC until 2026-12-08 ("，" stored as ","); it now keeps them
    as the page shows them. A review stored in the old form and crawled again in the new one
    is neither new nor an edit: identity and the edit check compare NFKC forms."""
    import unicodedata

    _setup(db)
    page_form = {"site_id": None, "author": "王小明", "rating": 4.0, "title": "很好！", "language": "zh",
                 "body": "上菜很快，服務也親切（推薦）。", "published_at": "2024-03-01", "verified": None,
                 "helpful_votes": None, "product": None, "url": "https://r.example/zh"}
    old_form = dict(page_form, title=unicodedata.normalize("NFKC", page_form["title"]),
                    body=unicodedata.normalize("NFKC", page_form["body"]))
    assert old_form["body"] != page_form["body"]
    assert save_reviews(db, run=None, page=None, competitor="globex", source="r.example",
                        reviews=[old_form], salt="s") == {"new": 1, "updated": 0, "unchanged": 0}
    assert save_reviews(db, run=None, page=None, competitor="globex", source="r.example",
                        reviews=[page_form], salt="s") == {"new": 0, "updated": 0, "unchanged": 1}
    assert db["reviews"].count == 1 and db["review_edits"].count == 0
