"""Writing analyze's rows: each chunk's rows go in as they come, one transaction per batch.

The NLP produces rows chunk by chunk (NLP_CHUNK texts, here or in worker processes). Each
chunk is inserted as soon as it arrives, inside a transaction that is committed every
`batch_size` texts (or `max_rows` sentence and theme rows): as few commits as before (every
commit rewrites the primary-key index pages its rows touched), but no batch of rows held in
memory, and with worker processes the run's last write is one chunk's, not a whole batch's
after the workers have finished. The database's write lock is then held while a batch's
texts are analysed, about 3 s for 20,000 reviews: other writers wait (busy_timeout is 30 s),
readers do not (WAL).
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from .analyze import Rows


def insert_rows(conn: sqlite3.Connection, rows: "Rows") -> None:
    """Insert one chunk's rows (the earlier results of its texts deleted first)."""
    delete_stale(conn, rows.stale)
    conn.executemany("insert or replace into sentences (id, source_table, source_id, competitor, idx, "
                     "text, compound, label, published_at, pipeline_version) "
                     "values (?,?,?,?,?,?,?,?,?,?)", rows.sentences)
    conn.executemany("insert or replace into sentence_themes (id, sentence, theme, competitor, "
                     "source_table, compound, label, published_at, pipeline_version) "
                     "values (?,?,?,?,?,?,?,?,?)", rows.themes)
    conn.executemany("insert or replace into review_sentiment (review, compound, label, sentences, "
                     "pipeline_version, analysed_at) values (?,?,?,?,?,?)", rows.reviews)
    conn.executemany("insert or replace into messaging_themes (id, snapshot, competitor, theme, "
                     "mentions, share, pipeline_version) values (?,?,?,?,?,?,?)", rows.messaging)
    conn.executemany("insert or replace into nlp_analysed (id, source_table, source_id, content_hash, "
                     "pipeline_version, sentences, analysed_at) values (?,?,?,?,?,?,?)", rows.seen)


def delete_stale(conn: sqlite3.Connection, stale: list[tuple[str, str]]) -> None:
    """Delete the earlier results of texts analysed again ((table, id) pairs)."""
    if not stale:
        return
    reviews = [(sid,) for table, sid in stale if table == "reviews"]
    snapshots = [(sid,) for table, sid in stale if table != "reviews"]
    conn.executemany("delete from sentence_themes where sentence in "
                     "(select id from sentences where source_table = ? and source_id = ?)", stale)
    conn.executemany("delete from sentences where source_table = ? and source_id = ?", stale)
    conn.executemany("delete from review_sentiment where review = ?", reviews)
    conn.executemany("delete from messaging_themes where snapshot = ?", snapshots)


class BatchWriter:
    """add() each chunk's rows; commit() after the last one; abort() on failure (the open
    batch is rolled back, the batches committed before stay)."""

    def __init__(self, db: Database, batch_size: int, max_rows: int):
        self.conn = db.conn
        self.batch_size, self.max_rows = batch_size, max_rows
        self.texts = self.rows = 0  # in the open transaction
        self.open = False
        self.fk_on = False
        self.stats = {"texts": 0, "reviews": 0, "messaging_snapshots": 0, "sentences": 0, "sentence_themes": 0}

    def add(self, rows: "Rows") -> None:
        if not self.open:
            # Rows reference sentences/themes/competitors/reviews that exist by construction
            # (written in this transaction or read just before); skipping per-row foreign-key
            # checks halves the cost of the bulk insert. Restored at the commit.
            self.fk_on = bool(self.conn.execute("PRAGMA foreign_keys").fetchone()[0])
            if self.fk_on:
                self.conn.execute("PRAGMA foreign_keys=OFF")
            self.conn.execute("BEGIN IMMEDIATE")
            self.open = True
        insert_rows(self.conn, rows)
        for k, v in rows.counts.items():
            self.stats[k] += v
        self.stats["sentences"] += len(rows.sentences)
        self.stats["sentence_themes"] += len(rows.themes)
        self.texts += rows.counts["texts"]
        self.rows += len(rows.sentences) + len(rows.themes)
        if self.texts >= self.batch_size or self.rows >= self.max_rows:
            self.commit()

    def commit(self) -> None:
        if self.open:
            self.conn.execute("COMMIT")
            self._close()

    def abort(self) -> None:
        if self.open:
            self.conn.execute("ROLLBACK")
            self._close()

    def _close(self) -> None:
        self.open = False
        self.texts = self.rows = 0
        if self.fk_on:
            self.conn.execute("PRAGMA foreign_keys=ON")
