"""Materialise the bench_* tables from their .sql files.

Each `benchmarks/<table>.sql` is one SELECT; `definitions.yml` gives its columns (names, types
and operational definitions). `build_benchmarks` runs every SELECT into a staging table
`_bench_new_<table>` with exactly the declared columns, then swaps all staging tables in
with one transaction, so a Datasette reader sees either the old set or the new set, never a
half-built table.

Inputs that do not exist yet (the NLP tables before `rivalscope analyze` has run) are created
as empty TEMP tables for the build only: the theme tables then build empty, the database is
not changed, and the nlp migrations can still create the real tables later.
"""
from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import yaml
from sqlite_utils import Database

from .functions import register_functions

HERE = Path(__file__).resolve().parent
DEFINITIONS_PATH = HERE / "definitions.yml"

DEFAULTS = {
    "impact_days": 30,  # N of bench_price_change_impact
    "recent_days": 30,  # bench_price_changes.is_recent
    "window_days": 365,  # review window of bench_message_market_fit
    "price_themes": ["price_value", "billing"],  # themes that count as price/value talk
}

# Columns of the NLP tables (docs/DEVELOPING.md "NLP tables", nlp/schema.py), used only to
# create empty TEMP stand-ins when a table is missing.
NLP_INPUTS = {
    "themes": "id TEXT PRIMARY KEY, taxonomy TEXT, name TEXT, label TEXT, definition TEXT, kind TEXT, updated_at TEXT",
    "sentences": "id TEXT PRIMARY KEY, source_table TEXT, source_id TEXT, competitor TEXT, idx INTEGER, text TEXT, "
                 "compound REAL, label TEXT, published_at TEXT, pipeline_version TEXT",
    "sentence_themes": "id TEXT PRIMARY KEY, sentence TEXT, theme TEXT, competitor TEXT, source_table TEXT, "
                       "compound REAL, label TEXT, published_at TEXT, pipeline_version TEXT",
    "review_sentiment": "review TEXT PRIMARY KEY, compound REAL, label TEXT, sentences INTEGER, "
                        "pipeline_version TEXT, analysed_at TEXT",
    "messaging_themes": "id TEXT PRIMARY KEY, snapshot TEXT, competitor TEXT, theme TEXT, mentions INTEGER, "
                        "share REAL, pipeline_version TEXT",
}

# Indexes on input tables that the benchmark queries and dashboards rely on (idempotent).
INPUT_INDEXES = {
    "bench_idx_sentence_themes_source_published": ("sentence_themes", ["source_table", "published_at"]),
    "bench_idx_reviews_published": ("reviews", ["published_at"]),
}

SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL"}

Progress = Callable[[int, int, str], None]


class BenchmarkError(Exception):
    """A benchmark definition or query is broken (a bug, not bad user input)."""


def load_definitions(path: Path = DEFINITIONS_PATH) -> dict[str, dict]:
    """{table: {title, description, columns: {name: {type, description, unit?}}, ...}} in build order."""
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    for table, d in data.items():
        if not (HERE / f"{table}.sql").exists():
            raise BenchmarkError(f"{path}: {table} has no {table}.sql next to it")
        for col, spec in d["columns"].items():
            if spec.get("type") not in SQL_TYPES:
                raise BenchmarkError(f"{path}: {table}.{col}: type must be one of {', '.join(SQL_TYPES)}")
    return data


def table_sql(table: str) -> str:
    return (HERE / f"{table}.sql").read_text(encoding="utf-8").strip().rstrip(";")


def benchmark_settings(config: Any = None, **overrides) -> dict:
    """DEFAULTS, then the config's optional `benchmarks` section (mapping or object), then overrides."""
    settings = dict(DEFAULTS)
    section = None
    if isinstance(config, dict):
        section = config.get("benchmarks", config)
    elif config is not None:
        section = getattr(config, "benchmarks", None)
    if section is not None:
        for key in DEFAULTS:
            value = section.get(key) if isinstance(section, dict) else getattr(section, key, None)
            if value is not None:
                settings[key] = value
    settings.update({k: v for k, v in overrides.items() if v is not None})
    if int(settings["impact_days"]) < 1 or int(settings["window_days"]) < 1:
        raise ValueError("impact_days and window_days must be at least 1")
    return settings


def _has_table(conn, name: str, schema: str = "main") -> bool:
    return conn.execute(f"select 1 from {schema}.sqlite_master where type in ('table', 'view') and name = ?",
                        [name]).fetchone() is not None


def prepare_inputs(db: Database, settings: dict) -> list[str]:
    """Register functions, stand in for missing NLP tables, fill temp.bench_price_themes.
    Returns notes for the caller (e.g. which inputs were missing)."""
    conn = db.conn
    register_functions(conn)
    notes = []
    missing = [t for t in NLP_INPUTS if not _has_table(conn, t)]
    for t in missing:
        conn.execute(f"create temp table if not exists {t} ({NLP_INPUTS[t]})")
    if missing:
        notes.append(f"NLP tables missing ({', '.join(missing)}): theme benchmarks built empty; "
                     "run `rivalscope analyze` first")
    conn.execute("create temp table if not exists bench_price_themes (theme text primary key)")
    conn.execute("delete from temp.bench_price_themes")
    conn.executemany("insert or ignore into temp.bench_price_themes (theme) values (?)",
                     [(t,) for t in settings["price_themes"]])
    for name, (table, cols) in INPUT_INDEXES.items():
        if _has_table(conn, table):
            conn.execute(f"create index if not exists {name} on {table} ({', '.join(cols)})")
    if conn.in_transaction:
        conn.commit()
    return notes


def build_benchmarks(db: Database, *, config: Any = None, progress: Progress | None = None,
                     tables: list[str] | None = None, as_of: str | None = None,
                     impact_days: int | None = None, notes: list[str] | None = None) -> dict[str, int]:
    """(Re)build every bench_* table (or only `tables`); returns {table: rows}.

    `config`: a rivalscope Config or a mapping; an optional `benchmarks` section may set
    impact_days, recent_days, window_days and price_themes (see DEFAULTS). `as_of` (ISO-8601
    UTC, default now) is the reference time of `days_ago`. `progress(done, total, message)`
    is called after each table. Notes (missing inputs) are appended to `notes` when given.
    """
    from rivalscope.store import ensure_schema  # core tables must exist (idempotent)

    ensure_schema(db)
    definitions = load_definitions()
    names = list(definitions) if tables is None else tables
    unknown = [t for t in names if t not in definitions]
    if unknown:
        raise BenchmarkError(f"unknown benchmark table(s): {', '.join(unknown)}")
    settings = benchmark_settings(config, impact_days=impact_days)
    found_notes = prepare_inputs(db, settings)
    if notes is not None:
        notes.extend(found_notes)
    params = {
        "as_of": as_of or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "impact_days": int(settings["impact_days"]),
        "recent_days": int(settings["recent_days"]),
        "window_days": int(settings["window_days"]),
    }
    conn = db.conn
    counts: dict[str, int] = {}
    try:
        for i, table in enumerate(names, 1):
            started = time.perf_counter()
            counts[table] = _build_staging(conn, table, definitions[table], params)
            if progress:
                progress(i, len(names), f"{table}: {counts[table]} rows in {time.perf_counter() - started:.1f}s")
        _swap_in(conn, names, definitions)
    finally:
        for table in names:
            conn.execute(f"drop table if exists _bench_new_{table}")
        if conn.in_transaction:
            conn.commit()
    return counts


def _build_staging(conn, table: str, definition: dict, params: dict) -> int:
    columns = definition["columns"]
    sql = table_sql(table)
    try:
        cursor = conn.execute(f"select * from ({sql}) limit 0", params)
    except Exception as e:  # sqlite3.Error with the table name so the broken file is obvious
        raise BenchmarkError(f"{table}.sql: {e}") from e
    got = [d[0] for d in cursor.description]
    if got != list(columns):
        raise BenchmarkError(f"{table}.sql returns columns {got}, definitions.yml declares {list(columns)}")
    staging = f"_bench_new_{table}"
    conn.execute(f"drop table if exists {staging}")
    cols_sql = ", ".join(f"[{c}] {SQL_TYPES[spec['type']]}" for c, spec in columns.items())
    conn.execute(f"create table {staging} ({cols_sql})")
    conn.execute(f"insert into {staging} select * from ({sql})", params)
    if conn.in_transaction:
        conn.commit()
    return conn.execute(f"select count(*) from {staging}").fetchone()[0]


def _swap_in(conn, names: list[str], definitions: dict) -> None:
    """One transaction: drop the old tables, rename the staging ones, recreate indexes."""
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in names:
            conn.execute(f"drop table if exists {table}")
            conn.execute(f"alter table _bench_new_{table} rename to {table}")
            for cols in definitions[table].get("indexes") or []:
                conn.execute(f"create index idx_{table}_{'_'.join(cols)} on {table} ({', '.join(cols)})")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
