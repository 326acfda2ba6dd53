"""The NLP tables (docs/DEVELOPING.md "NLP tables"), as the "nlp" migration set.

Never edit an applied migration; add one at the end.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("nlp")


@migrations(name="0001_nlp_tables")
def _nlp_tables(db: Database) -> None:
    db["themes"].create(
        {
            "id": str,  # the theme's key, e.g. "support" (what sentence_themes.theme holds)
            "taxonomy": str,  # taxonomy name or model name that last defined it
            "name": str,  # same as id
            "label": str,  # human label, e.g. "Reliability / bugs"
            "definition": str,  # one-line operational definition
            "kind": str,  # taxonomy | model
            "updated_at": str,
        },
        pk="id",
    )
    db["sentences"].create(
        {
            "id": str,  # stable: from source_id and idx (see 0002)
            "source_table": str,  # reviews | messaging_snapshots
            "source_id": str,
            "competitor": str,
            "idx": int,  # position of the sentence in its text
            "text": str,
            "compound": float,  # VADER compound with the domain lexicon, -1..1
            "label": str,  # positive | negative | neutral
            "published_at": str,  # review date (else first_seen_at) or snapshot first_seen_at
            "pipeline_version": str,
        },
        pk="id",
        foreign_keys=[("competitor", "competitors", "id")],
    )
    db["sentences"].create_index(["source_table", "source_id"])
    db["sentences"].create_index(["competitor", "published_at"])
    db["sentence_themes"].create(
        {
            "id": str,  # sentence id and theme (see 0002)
            "sentence": str,
            "theme": str,
            "competitor": str,
            "source_table": str,
            "compound": float,  # sentence sentiment attributed to this theme (contrast/negation applied)
            "label": str,
            "published_at": str,
            "pipeline_version": str,
        },
        pk="id",
        foreign_keys=[("sentence", "sentences", "id"), ("theme", "themes", "id"),
                      ("competitor", "competitors", "id")],
    )
    db["sentence_themes"].create_index(["theme", "competitor", "published_at"])
    db["sentence_themes"].create_index(["sentence"])
    db["review_sentiment"].create(
        {
            "review": str,
            "compound": float,  # mean of the review's non-neutral sentence compounds
            "label": str,
            "sentences": int,
            "pipeline_version": str,
            "analysed_at": str,
        },
        pk="review",
        foreign_keys=[("review", "reviews", "id")],
    )
    db["messaging_themes"].create(
        {
            "id": str,  # hash of snapshot, theme
            "snapshot": str,
            "competitor": str,
            "theme": str,
            "mentions": int,
            "share": float,  # mentions / all theme mentions of the snapshot
            "pipeline_version": str,
        },
        pk="id",
        foreign_keys=[("snapshot", "messaging_snapshots", "id"), ("theme", "themes", "id"),
                      ("competitor", "competitors", "id")],
    )
    db["messaging_themes"].create_index(["competitor", "theme"])
    # Bookkeeping: which text was analysed by which pipeline version (and its content hash).
    db["nlp_analysed"].create(
        {
            "id": str,  # from source_table and source_id (see 0002)
            "source_table": str,
            "source_id": str,
            "content_hash": str,
            "pipeline_version": str,
            "sentences": int,
            "analysed_at": str,
        },
        pk="id",
    )
    db["emerging_phrases"].create(
        {
            "id": str,  # hash of competitor, polarity, phrase
            "competitor": str,
            "polarity": str,  # negative | positive
            "phrase": str,  # lemmas, stop words removed, e.g. "export csv"
            "sentences": int,  # recent sentences of that polarity, no theme, containing it
            "share": float,  # sentences / all recent un-themed sentences of that polarity
            "example": str,  # one sentence containing it
            "window_start": str,
            "window_end": str,
            "pipeline_version": str,
            "computed_at": str,
        },
        pk="id",
        foreign_keys=[("competitor", "competitors", "id")],
    )
    db["emerging_phrases"].create_index(["competitor", "polarity", "sentences"])


@migrations(name="0002_nlp_ids_follow_text_ids")
def _ids_follow_text_ids(db: Database) -> None:
    # From here on sentence ids are the text's id and the position ("<review id>.03", a
    # snapshot's "<id>m03"), theme rows "<sentence id>:<theme>", nlp_analysed's the text's
    # id (with "m" for snapshots): they sort like the texts, so the keys grow at their end
    # while analyze writes texts in id order. The bookkeeping rows take their new ids here
    # (a re-analysis replaces them by id); sentences and their themes of earlier versions
    # are replaced when their texts are analysed again (the new code means a new version).
    db.execute("update nlp_analysed set id = source_id || "
               "(case when source_table = 'reviews' then '' else 'm' end)")


# The secondary indexes of the two big tables. analyze drops them for a bulk run and builds
# them again at its end (drop_ and create_bulk_indexes); ensure_nlp_schema() restores any
# that a killed run left out.
BULK_INDEXES = {
    "sentences": [["source_table", "source_id"], ["competitor", "published_at"]],
    "sentence_themes": [["theme", "competitor", "published_at"], ["sentence"]],
}


def ensure_nlp_schema(db: Database) -> None:
    """Apply pending "nlp" migrations and make sure the big tables' indexes exist (idempotent)."""
    migrations.apply(db)
    create_bulk_indexes(db)


# The two of them emerging phrases read (nlp/emerging.py).
EMERGING_INDEXES = {"sentences": [["competitor", "published_at"]], "sentence_themes": [["sentence"]]}


def create_bulk_indexes(db: Database, only: dict[str, list[list[str]]] | None = None) -> None:
    for table, indexes in (only or BULK_INDEXES).items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)


def drop_bulk_indexes(db: Database) -> None:
    for table, indexes in BULK_INDEXES.items():
        for columns in indexes:
            db.execute(f"drop index if exists [idx_{table}_{'_'.join(columns)}]")
