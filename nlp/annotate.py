"""annotate(): texts in, sentiment + themes out (the `rivalscope nlp annotate` shape)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Iterator

from .pipeline import build_pipeline, doc_result


@dataclass
class BadLine:
    line: int
    problem: str


def parse_jsonl(lines: Iterable[str]) -> Iterator[tuple[int, dict] | BadLine]:
    """Input lines {"id": ..., "text": "..."}; yields (line number, record) or BadLine."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            yield BadLine(n, f"not valid JSON ({e.msg})")
            continue
        if not isinstance(rec, dict):
            yield BadLine(n, "expected a JSON object with id and text")
        elif "id" not in rec:
            yield BadLine(n, "missing \"id\"")
        elif not isinstance(rec.get("text"), str):
            yield BadLine(n, "missing \"text\" (a string)")
        else:
            yield n, rec


def annotate(records: Iterable[dict], *, themes: str = "default", nlp=None,
             batch_size: int = 256) -> Iterator[dict]:
    """For each {"id", "text"}: {"id", "sentiment", "themes", "sentences"}."""
    nlp = nlp or build_pipeline(themes)
    pairs = ((r["text"], r["id"]) for r in records)
    for doc, rid in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield {"id": rid, **doc_result(doc)}
