"""Datasette with rivalscope's metadata, dashboards, templates and plugin.

`make_datasette(db_path)` returns a configured `datasette.app.Datasette` (for in-process use
and tests); `serve(db_path)` runs it with uvicorn. The database is served under the name
"rivalscope" whatever its file name, read-only (`mode=ro`: a crawl may be writing, so
`immutable` would be wrong). Local use binds 127.0.0.1 with no login; `public=True` binds
0.0.0.0, requires a password (env RIVALSCOPE_PASSWORD) for every page and allows SQL only
to the logged-in actor.
"""
from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATASETTE_DIR = ROOT / "datasette"
DB_NAME = "rivalscope"
PASSWORD_ENV = "RIVALSCOPE_PASSWORD"


class ServeError(Exception):
    """The database or the serving options are not usable (bad input)."""


def build_metadata(*, public: bool = False, config: Any = None, password_env: str = PASSWORD_ENV) -> dict:
    """datasette/metadata.yml + bench_* tables from benchmarks/definitions.yml (+ auth when public)."""
    from benchmarks.build import load_definitions

    with open(DATASETTE_DIR / "metadata.yml", encoding="utf-8") as f:
        metadata = yaml.safe_load(f)
    db_meta = metadata["databases"][DB_NAME]
    tables = db_meta.setdefault("tables", {})
    base_currency = getattr(config, "base_currency", None)
    for name, d in load_definitions().items():
        entry: dict[str, Any] = {
            "title": d["title"],
            "description": " ".join(d["description"].split()),
            "columns": {c: spec["description"] for c, spec in d["columns"].items()},
        }
        for key in ("sort", "sort_desc", "label_column", "facets"):
            if d.get(key):
                entry[key] = copy.deepcopy(d[key])
        units = {c: spec["unit"] for c, spec in d["columns"].items() if spec.get("unit") == "day"}
        if units:  # pint units Datasette can display; money units stay in the descriptions
            entry["units"] = units
        for c, spec in d["columns"].items():
            unit = spec.get("unit")
            if unit and unit != "day":
                unit_text = unit.replace("base currency", base_currency) if base_currency else unit
                entry["columns"][c] = f"{spec['description']} Unit: {unit_text}."
        tables[name] = entry
    if config is not None and getattr(config, "project", None):
        metadata["title"] = f"rivalscope: {config.project}"
    if public:
        metadata["allow"] = {"id": "rivalscope"}  # view-instance: logged-in actor only
        metadata["allow_sql"] = {"id": "rivalscope"}  # arbitrary SQL: never anonymous
        metadata.setdefault("plugins", {})["rivalscope"] = {"auth": {"password": {"$env": password_env}}}
    return metadata


def load_settings(overrides: dict | None = None) -> dict:
    with open(DATASETTE_DIR / "settings.json", encoding="utf-8") as f:
        settings = json.load(f)
    settings.update(overrides or {})
    return settings


def make_datasette(db_path: str | Path, *, public: bool = False, config: Any = None,
                   settings: dict | None = None, password_env: str = PASSWORD_ENV):
    """A configured Datasette serving `db_path` read-only as /rivalscope."""
    from datasette.app import Datasette
    from datasette.database import Database

    path = Path(db_path)
    if not path.is_file():
        raise ServeError(f"{path}: no such database (run `rivalscope crawl` or `rivalscope demo` first)")
    if public and not os.environ.get(password_env):
        raise ServeError(f"--public needs a password: set the environment variable {password_env}")
    ds = Datasette(
        [],
        metadata=build_metadata(public=public, config=config, password_env=password_env),
        settings=load_settings(settings),
        template_dir=str(DATASETTE_DIR / "templates"),
        plugins_dir=str(DATASETTE_DIR / "plugins"),
        static_mounts=[("rivalscope-static", str(DATASETTE_DIR / "static"))]
        if (DATASETTE_DIR / "static").is_dir() else None,
    )
    if "_memory" in ds.databases:
        ds.remove_database("_memory")
    # is_mutable=True: Datasette reads through `?mode=ro` connections (it never writes here).
    ds.add_database(Database(ds, path=str(path.resolve()), is_mutable=True), name=DB_NAME)
    return ds


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001, public: bool = False,
          config: Any = None, on_ready=None) -> None:
    """Run Datasette until interrupted. `public` binds 0.0.0.0 (unless another host is given)."""
    import uvicorn
    import asyncio

    if public and host == "127.0.0.1":
        host = "0.0.0.0"
    ds = make_datasette(db_path, public=public, config=config)
    asyncio.run(ds.invoke_startup())
    if on_ready:
        on_ready(f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
