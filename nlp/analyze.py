"""analyze_database(): themes and sentiment for every text not yet analysed by this pipeline.

Texts: reviews (title + body) and messaging snapshots (headline, subheadline, value props,
main text). A text is analysed again only when the pipeline version (taxonomy/model content
+ code) or the text itself changed. Writes the NLP tables of docs/DEVELOPING.md with stable
ids, so a second run does nothing.
"""
from __future__ import annotations

import gc
import json
import marshal
import multiprocessing
import time
from hashlib import sha1
from typing import Callable, Iterable, Iterator

from sqlite_utils import Database

from rivalscope.store import now_iso, transaction

from .components import get_extension
from .pipeline import ThemeSource, build_pipeline, pipeline_version, resolve_themes, theme_definitions
from .emerging import emerging_phrases_of_file, save_emerging_phrases, update_emerging_phrases
from .schema import EMERGING_INDEXES, create_bulk_indexes, drop_bulk_indexes, ensure_nlp_schema
from .sentiment import NEGATIVE_AT, POSITIVE_AT
from .write import BatchWriter, delete_stale

Progress = Callable[[int, int], None]  # (texts done, texts to do)
Status = Callable[[str], None]  # what a run does after the texts, e.g. "building indexes…"
NLP_CHUNK = 1000  # texts per NLP task (per worker process call)
NLP_BATCH = 128  # docs each component runs in a row (nlp/batches.py)
ANALYZE_CACHE_KB = 64 * 1024  # SQLite page cache while analyze writes
INDEX_CACHE_KB = 2 * 1024  # ... and while it builds a bulk run's indexes
BATCH_MAX_ROWS = 250_000  # sentence + theme rows per transaction, whatever the batch size
BULK_MIN_TEXTS = 10_000  # a run of this many texts, and no fewer than analysed before, is a bulk run
GC_YOUNG_THRESHOLD = 50_000  # allocations between young-generation collections while analysing
_TERMINAL = frozenset(".!?…:;")


def _sentence(text: str | None) -> str:
    """A text fragment ending like a sentence, so the sentencizer splits after it."""
    if not text:
        return ""
    text = " ".join(text.split())
    if text and text[-1] not in _TERMINAL:
        text += "."
    return text


def review_text(title: str | None, body: str | None) -> str:
    return " ".join(p for p in (_sentence(title), _sentence(body)) if p)


def messaging_text(row: dict) -> str:
    parts = [_sentence(row.get("headline")), _sentence(row.get("subheadline"))]
    props = row.get("value_props")
    if isinstance(props, str) and props:
        try:
            props = json.loads(props)
        except ValueError:
            props = [props]
    parts += [_sentence(p) for p in (props or []) if isinstance(p, str)]
    parts += [_sentence(line) for line in (row.get("main_text") or "").splitlines()]
    return " ".join(p for p in parts if p)


# A text's context travels as a plain tuple (table, id, competitor, published_at, content hash,
# id of its earlier nlp_analysed row or None): a dict per text cost ~2 us per review more to
# build in _pending and to read back from marshal in a worker process.
Context = tuple
TABLE, ID, SEEN = 0, 1, 5  # (the fields read by name outside Rows.add)


def _pending(db: Database, version: str, full: bool) -> list[tuple[tuple | dict, Context]]:
    """(fields, context) for every text to analyse: item_text() makes the text of the
    fields, where the NLP runs (in the worker processes when there are some)."""
    def cond(hash_col: str) -> str:
        return "" if full else (
            f"where a.id is null or a.pipeline_version is not :v or a.content_hash is not x.{hash_col}")
    items = [((title, body), ("reviews", sid, competitor, published_at, content_hash, seen))
             for sid, competitor, title, body, content_hash, published_at, seen in db.execute(
        f"""select x.id, x.competitor, x.title, x.body, x.content_hash,
                   coalesce(x.published_at, x.first_seen_at), a.id
            from reviews x left join nlp_analysed a
              on a.source_table = 'reviews' and a.source_id = x.id {cond("content_hash")}
            order by x.rowid""", {"v": version})]
    # in id order, which the row ids follow (Rows.add)
    items.sort(key=_item_id)
    snapshots = [(r, ("messaging_snapshots", r["id"], r["competitor"], r["published_at"], r["content_hash"],
                      r["seen"])) for r in db.query(
        f"""select x.id, x.competitor, x.headline, x.subheadline, x.value_props, x.main_text,
                   x.text_hash as content_hash, x.first_seen_at as published_at, a.id as seen
            from messaging_snapshots x left join nlp_analysed a
              on a.source_table = 'messaging_snapshots' and a.source_id = x.id {cond("text_hash")}
            order by x.rowid""", {"v": version})]
    snapshots.sort(key=_item_id)
    return items + snapshots


def _item_id(item: tuple) -> str:
    return item[1][ID]


def item_text(fields: tuple | dict, ctx: Context) -> str:
    """The text of one _pending() item."""
    return review_text(*fields) if ctx[TABLE] == "reviews" else messaging_text(fields)


def _id(*parts: str | int) -> str:
    """stable_id() of parts that are never None, in one hash call (the same id)."""
    return sha1("".join(f"\x1f{p}" for p in parts).encode()).hexdigest()[:20]


# -- worker processes -----------------------------------------------------------------------

_WORKER = None  # (nlp, version, now) in worker processes


def _worker_init(source: ThemeSource, version: str, now: str) -> None:
    global _WORKER
    _WORKER = (build_pipeline(source, token_annotations=False), version, now)
    # the collector settings analyze_database() uses in its own process (the pool is forked
    # before it sets them): a worker's CPU per review fell ~7% with them (110-117 vs 118-125 us
    # at 60,000 reviews, two workers, measured when the threshold was 5,000)
    gc.set_threshold(max(gc.get_threshold()[0], GC_YOUNG_THRESHOLD), *gc.get_threshold()[1:])
    gc.freeze()  # the pipeline, and all the worker inherited, out of the collector's scans


def _worker_run(chunk: bytes) -> bytes:
    """The rows of a chunk of texts. Both travel as marshal bytes: plain tuples, lists and
    dicts of strings and numbers, which marshal writes and reads in about half of pickle's
    time (3.0 vs 6.5 us per review of rows, measured)."""
    nlp, version, now = _WORKER
    return _rows(nlp, marshal.loads(chunk), version, now).dumps()


def _rows(nlp, chunk: list[tuple[tuple | dict, Context]], version: str, now: str) -> "Rows":
    rows = Rows()
    # texts alone through nlp.pipe (it keeps their order), the contexts zipped back: pipe's
    # as_tuples costs a context attribute and two generator layers per text
    docs = nlp.pipe((item_text(fields, ctx) for fields, ctx in chunk), batch_size=NLP_BATCH)
    for doc, (_, ctx) in zip(docs, chunk):
        rows.add(doc, ctx, version, now)
    return rows


class Rows:
    """Rows of one chunk, ready for executemany (built where the NLP ran)."""

    def __init__(self):
        self.sentences, self.themes, self.reviews, self.messaging, self.seen = [], [], [], [], []
        self.stale: list[tuple[str, str]] = []
        self.counts = {"texts": 0, "reviews": 0, "messaging_snapshots": 0}

    _FIELDS = ("sentences", "themes", "reviews", "messaging", "seen", "stale", "counts")

    def dumps(self) -> bytes:
        return marshal.dumps(tuple(getattr(self, name) for name in self._FIELDS))

    @classmethod
    def loads(cls, data: bytes) -> "Rows":
        rows = cls()
        for name, value in zip(cls._FIELDS, marshal.loads(data)):
            setattr(rows, name, value)
        return rows

    def add(self, doc, ctx: Context, version: str, now: str) -> None:
        """The rows of one analysed doc (its sentence results, sentiment and theme mentions)."""
        table, sid, comp, pub, content_hash, seen = ctx
        self.counts["texts"] += 1
        self.counts[table] += 1
        if seen:
            self.stale.append((table, sid))
        sentences, themes = self.sentences, self.themes
        results = get_extension(doc, "sentence_results") or ()
        # Ids that sort like the texts (_pending's order): each table's primary key grows at
        # its end instead of at random places (writing took 28 -> 20 us per review, measured).
        prefix = f"{sid}." if table == "reviews" else f"{sid}m"
        for idx, r in enumerate(results):
            sent_id = f"{prefix}{idx:02d}"
            compound = r[4]
            # label_for(), written out: two comparisons instead of a call, ten times per review
            label = "positive" if compound >= POSITIVE_AT else "negative" if compound <= NEGATIVE_AT else "neutral"
            sentences.append((sent_id, table, sid, comp, idx, r[6], compound, label, pub, version))
            for theme, value in r[5].items():
                theme_id = f"{sent_id}:{theme}"
                label = "positive" if value >= POSITIVE_AT else "negative" if value <= NEGATIVE_AT else "neutral"
                themes.append((theme_id, sent_id, theme, comp, table, value, label, pub, version))
        if table == "reviews" and results:
            s = get_extension(doc, "sentiment")
            self.reviews.append((sid, s["compound"], s["label"], len(results), version, now))
        elif table == "messaging_snapshots":
            mentions: dict[str, int] = {}
            for theme, _, _ in get_extension(doc, "theme_mentions") or ():
                mentions[theme] = mentions.get(theme, 0) + 1
            total = sum(mentions.values())
            for theme, n in mentions.items():
                self.messaging.append((_id(sid, theme), sid, comp, theme, n, round(n / total, 4), version))
        seen_id = sid if table == "reviews" else f"{sid}m"
        self.seen.append((seen_id, table, sid, content_hash, version, len(results), now))


class _NLP:
    """Runs the pipeline over chunks of texts, here or in worker processes. The workers start
    (and build their pipelines) when this is made, so they load while the texts are read."""

    def __init__(self, source: ThemeSource, version: str, now: str, processes: int):
        self.source, self.version, self.now = source, version, now
        self.nlp = None  # built on first use, in this process
        self.pool = None
        self.processes = processes
        if processes > 1:
            self.pool = _mp().Pool(processes, initializer=_worker_init, initargs=(source, version, now))

    def results(self, items: list[tuple[tuple | dict, Context]], chunk_size: int) -> Iterator[Rows]:
        """The rows of each chunk of texts, in order."""
        chunks = [items[i:i + chunk_size] for i in range(0, len(items), chunk_size)]
        if self.pool is not None:
            for data in self.pool.imap(_worker_run, (marshal.dumps(chunk) for chunk in chunks)):
                yield Rows.loads(data)
            return
        if chunks:
            self.prepare()
        for chunk in chunks:
            yield _rows(self.nlp, chunk, self.version, self.now)

    def prepare(self) -> None:
        """Build this process's pipeline now (when it runs here)."""
        if self.pool is None and self.nlp is None:
            self.nlp = build_pipeline(self.source, token_annotations=False)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def _mp():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Job:
    """func(*args) in a process of its own; result() waits for what it returned (or raises
    what it raised). A plain process and pipe: stopping a one-worker Pool cost 40-50 ms at
    the end of every two-process run (measured with a heap of 2 million tuples), joining a
    finished process nothing."""

    def __init__(self, func, *args):
        ctx = _mp()
        self._receive, send = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_run_job, args=(send, func, args), daemon=True)
        self._process.start()
        send.close()  # (this end is the child's: recv() then sees EOF if the child dies)

    def result(self):
        try:
            ok, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(f"the worker process stopped without a result "
                               f"(exit code {self._process.exitcode})") from None
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _run_job(send, func, args) -> None:
    try:
        result = (True, func(*args))
    except BaseException as e:  # raised again in the parent, as Pool.apply_async().get() does
        result = (False, e)
    send.send(result)
    send.close()


def _database_file(db: Database) -> str | None:
    """The main database's file, None for an in-memory one."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or None
    return None


# -- writing (nlp/write.py) and the run -------------------------------------------------

def ensure_themes(db: Database, source: ThemeSource) -> int:
    """Upsert one `themes` row per theme of the taxonomy/model in use."""
    now = now_iso()
    rows = [{"id": d["name"], "taxonomy": source.name, "name": d["name"], "label": d["label"],
             "definition": d["definition"], "kind": source.kind, "updated_at": now}
            for d in theme_definitions(source)]
    with transaction(db):
        db["themes"].upsert_all(rows, pk="id")
    return len(rows)


def analyze_database(db: Database, *, themes: str = "default", full: bool = False, processes: int = 1,
                     batch_size: int = 20_000, progress: Progress | None = None,
                     emerging: bool = True, status: Status | None = None) -> dict:
    """Analyse every text not yet analysed by the current pipeline version (all with `full`).

    `progress` hears (texts analysed, texts to do) after every NLP chunk (NLP_CHUNK texts;
    each batch of batch_size texts is written in one transaction); `status` hears what
    comes after the texts (building a bulk run's indexes, updating emerging phrases).

    Returns {"pipeline_version", "themes", "texts", "reviews", "messaging_snapshots",
    "sentences", "sentence_themes", "emerging_phrases", "seconds"}.
    """
    started = time.perf_counter()
    ensure_nlp_schema(db)
    source = resolve_themes(themes)
    version = pipeline_version(source)
    ensure_themes(db, source)
    now = now_iso()
    runner = _NLP(source, version, now, max(1, processes))
    # Fewer young-generation collections (each walks the docs in flight, and reading the
    # texts triggered full ones): garbage collection took 3.4-3.7 us per review at 50,000
    # reviews with Python's 700 allocations, 2.4-3.3 with 5,000; at 60,000 reviews 2.9 us
    # with 5,000 and 0.4 with 50,000 (gc callbacks), which found nothing to free (the NLP
    # makes almost no reference cycles: 1,504 objects in 118 collections) and peaked at the
    # same memory.
    gc_threshold = gc.get_threshold()
    gc.set_threshold(max(gc_threshold[0], GC_YOUNG_THRESHOLD), *gc_threshold[1:])
    try:
        return _analyze(db, runner, source, version, now, full, max(1, batch_size), progress, emerging,
                        status, started)
    finally:
        gc.unfreeze()
        gc.set_threshold(*gc_threshold)
        runner.close()


def _analyze(db: Database, runner: _NLP, source: ThemeSource, version: str, now: str, full: bool,
             batch_size: int, progress: Progress | None, emerging: bool, status: Status | None,
             started: float) -> dict:
    # The texts are kept to the end of the run: read with the collector off (about four tuples
    # per text, nothing to free; its passes over them cost 30 ms of the 0.2 s read at 100,000
    # reviews), then frozen out of its scans (analyze_database unfreezes).
    collecting = gc.isenabled()
    gc.disable()
    try:
        items = _pending(db, version, full)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    total = len(items)
    stats = {"pipeline_version": version, "themes": source.name, "texts": 0, "reviews": 0,
             "messaging_snapshots": 0, "sentences": 0, "sentence_themes": 0}
    if progress:
        progress(0, total)

    # A bulk run (at least BULK_MIN_TEXTS texts, and no fewer than those analysed before)
    # writes without the big tables' secondary indexes and builds them at the end: writing
    # 100,000 reviews' rows took 144-164 us per review with them, 107-119 us without them
    # and the build. The earlier results of texts analysed again are deleted first, while
    # the indexes still serve.
    bulk = total >= BULK_MIN_TEXTS and total >= db.execute("select count(*) from nlp_analysed").fetchone()[0]
    if bulk:
        with transaction(db):
            delete_stale(db.conn, [(ctx[TABLE], ctx[ID]) for _, ctx in items if ctx[SEEN]])
        items = [(fields, ctx[:SEEN] + (None,)) if ctx[SEEN] else (fields, ctx) for fields, ctx in items]
        drop_bulk_indexes(db)
    if items:
        runner.prepare()
    # The pipeline (and the texts, if rewritten above) live all the run long: keep them out of
    # the collector's scans (analyze_database also collects the young generation less often).
    gc.freeze()
    # A page cache that holds the growing indexes, and few commits: every commit rewrites
    # the primary-key index pages its rows touched, and hashed ids touch nearly all of them.
    # Writing 30,000 reviews' rows took 4.7 s with SQLite's default 2 MB and a commit per
    # 1,000 texts, 2.3 s with 64 MB and 5,000; at 100,000 reviews 5.7-5.8 s with a commit
    # per 5,000 texts, 4.4-4.5 s per 20,000.
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size={-ANALYZE_CACHE_KB}")
    writer = BatchWriter(db, batch_size, BATCH_MAX_ROWS)
    try:
        analysed = 0
        # NLP runs in chunks of at most NLP_CHUNK texts (what a worker process gets); each
        # chunk's rows are written as they come, one transaction per batch of batch_size
        # texts, or sooner when long texts made BATCH_MAX_ROWS rows (nlp/write.py).
        for rows in runner.results(items, min(batch_size, NLP_CHUNK)):
            writer.add(rows)
            analysed += rows.counts["texts"]
            if progress:
                progress(analysed, total)
        writer.commit()
        runner.close()  # the workers' memory back before the indexes are built
    except BaseException:
        writer.abort()
        if bulk:
            create_bulk_indexes(db)  # never left out
        db.execute(f"PRAGMA cache_size={cache_size}")
        raise
    gc.unfreeze()
    stats.update(writer.stats)
    have = db.execute("select count(*) from emerging_phrases where pipeline_version = ?", [version]).fetchone()[0]
    update = emerging and bool(stats["texts"] or not have)
    job = None
    try:
        if bulk:
            if status:
                status("building the indexes of sentences and sentence_themes…")
            # A small cache sorts faster: SQLite's sorter then sorts cache-sized runs and merges
            # them, where a cache holding it all makes one long in-memory sort (building the
            # four indexes of 100,000 reviews' rows: 10.1-10.8 us per review with 64 MB,
            # 8.7-9.1 with 2 MB, measured).
            db.execute(f"PRAGMA cache_size={-INDEX_CACHE_KB}")
            path = _database_file(db)
            if update and runner.processes > 1 and path:
                # the two indexes emerging phrases read first; they are then worked out in a
                # process of their own while this one builds the other two
                create_bulk_indexes(db, only=EMERGING_INDEXES)
                job = _Job(emerging_phrases_of_file, path, version)
            create_bulk_indexes(db)
        db.execute(f"PRAGMA cache_size={cache_size}")
        cache_size = None
        stats["emerging_phrases"] = have if emerging else 0
        if update:
            if status:
                status("updating emerging phrases…")
            if job is not None:
                stats["emerging_phrases"] = save_emerging_phrases(db, job.result())
            else:
                stats["emerging_phrases"] = update_emerging_phrases(db, version=version)
    finally:
        if cache_size is not None:  # an index build failed
            db.execute(f"PRAGMA cache_size={cache_size}")
        if job is not None:
            job.stop()
    stats["seconds"] = round(time.perf_counter() - started, 3)
    return stats


def iter_texts(db: Database) -> Iterable[str]:
    """Every analysable text (for benchmarks and debugging)."""
    for fields, ctx in _pending(db, "", True):
        yield item_text(fields, ctx)
