"""First-party feedback (surveys, NPS comments, support tickets, app-store exports) → reviews.

`read_feedback(path, ...)` parses a CSV/TSV or JSON Lines (or JSON array) file into review
dicts, mapping columns by name (given, or auto-detected from common names) and collecting
every bad row with its line number and reason. `import_feedback(db, path, ...)` saves the
good rows through `store.save_reviews` (source_type "first_party", one transaction), so
re-importing the same file adds nothing: ids come from the id column when there is one,
else from a hash of competitor, source, author, date and text.

No click here: the CLI (`rivalscope import-feedback`) turns FeedbackError into exit 2.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path

FIELDS = ("text", "rating", "date", "id", "title", "author")
# Column names tried in order for each field (compared case-insensitively, ignoring
# spaces, dashes and underscores); then any column whose name contains a hint word.
CANDIDATES = {
    "text": ["comment", "comments", "feedback", "review", "reviewtext", "reviewbody", "body", "text", "content",
             "message", "verbatim", "answer", "response", "npscomment", "feedbacktext", "customerfeedback",
             "description", "ticketdescription", "why", "reason", "kommentar", "commentaire", "comentario",
             "opmerking", "bewertung", "avis", "opinion"],
    "rating": ["rating", "score", "stars", "starrating", "nps", "npsscore", "csat", "csatscore", "rate",
               "reviewrating", "note", "bewertungpunkte", "puntuacion", "valoracion", "cijfer", "sterne"],
    "date": ["date", "createdat", "submittedat", "created", "submitted", "timestamp", "reviewdate", "datesubmitted",
             "submissiondate", "responsedate", "time", "datetime", "updatedat", "datum", "fecha"],
    "id": ["id", "responseid", "reviewid", "ticketid", "submissionid", "recordid", "uuid", "feedbackid",
           "commentid", "respondentid", "ticketnumber"],
    "title": ["title", "subject", "summary", "headline", "reviewtitle", "titel", "titre", "titulo"],
    "author": ["author", "name", "username", "user", "customer", "customername", "reviewer", "reviewername",
               "nickname", "respondent", "requester", "autor", "auteur"],
}
HINTS = {
    "text": ("comment", "feedback", "review", "text", "message", "body", "why", "improve"),
    "rating": ("rating", "score", "stars", "nps", "recommend"),
    "date": ("date", "time", "created", "submitted"),
    "id": (),
    "title": ("title", "subject"),
    "author": (),
}
SCALES = ("5", "10", "nps")


class FeedbackError(Exception):
    """The file cannot be imported at all (missing, unknown format, no text column...)."""


@dataclass
class RowError:
    line: int
    reason: str
    record: bool = False  # True when `line` counts JSON array items, not lines

    def __str__(self) -> str:
        return f"{'record' if self.record else 'line'} {self.line}: {self.reason}"


@dataclass
class FeedbackFile:
    format: str  # csv | jsonl | json
    columns: dict  # field -> column name used (or None)
    scale: str | None
    rows: list[dict] = field(default_factory=list)  # review dicts for save_reviews
    lines: list[int] = field(default_factory=list)  # source line of each row
    errors: list[RowError] = field(default_factory=list)
    skipped_empty: int = 0  # rows with no text at all (e.g. an NPS score without a comment)
    total: int = 0


def _key(name: str) -> str:
    return re.sub(r"[\s_\-./]+", "", str(name).strip().lower())


def detect_columns(names: list[str], given: dict | None = None) -> dict:
    """{field: column} for the given header names; explicit choices win and must exist."""
    given = {k: v for k, v in (given or {}).items() if v}
    by_key = {}
    for n in names:
        by_key.setdefault(_key(n), n)
    out: dict = {}
    used: set = set()
    for f, col in given.items():
        if col in names:
            out[f] = col
        elif _key(col) in by_key:
            out[f] = by_key[_key(col)]
        else:
            raise FeedbackError(f"column {col!r} (--{f}-column) not found; columns are: {', '.join(names) or 'none'}")
        used.add(out[f])
    for f in ("id", "rating", "date", "title", "author", "text"):
        if f in out:
            continue
        found = next((by_key[c] for c in CANDIDATES[f] if c in by_key and by_key[c] not in used), None)
        if found is None and HINTS[f]:
            found = next((n for n in names if n not in used and any(h in _key(n) for h in HINTS[f])), None)
        out[f] = found
        if found:
            used.add(found)
    return out


# -- reading files -------------------------------------------------------------------------

def _read_text(path: Path) -> str:
    if not path.exists():
        raise FeedbackError(f"{path}: file not found")
    if path.is_dir():
        raise FeedbackError(f"{path}: is a directory, not a file")
    data = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _detect_format(path: Path, text: str, fmt: str | None) -> str:
    if fmt:
        if fmt not in ("csv", "tsv", "jsonl", "json"):
            raise FeedbackError(f"unknown format {fmt!r} (use csv, tsv, jsonl or json)")
        return fmt
    ext = path.suffix.lower()
    if ext in (".csv", ".txt"):
        return "csv"
    if ext == ".tsv":
        return "tsv"
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    head = text.lstrip()[:1]
    if ext == ".json":
        return "json" if head == "[" else "jsonl"
    if head == "{":
        return "jsonl"
    if head == "[":
        return "json"
    raise FeedbackError(f"{path}: unknown format {ext or '(no extension)'!r}: expected .csv, .tsv, .jsonl or .json")


def _records(path: Path, text: str, fmt: str):
    """Yield (line, record dict | None, error reason | None) and return header names first."""
    if fmt in ("csv", "tsv"):
        sample = text[:20000]
        if fmt == "tsv":
            delimiter = "\t"
        else:
            try:
                delimiter = csv.Sniffer().sniff(sample.split("\n", 1)[0] or sample, delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return [], []
        except csv.Error as e:
            raise FeedbackError(f"{path}: line 1: cannot read the header ({e})") from None
        header = [h.strip() for h in header]
        if not any(header):
            raise FeedbackError(f"{path}: line 1: the header row is empty")
        out = []
        last = reader.line_num
        while True:
            start = last + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                out.append((start, None, f"cannot parse the CSV row ({e})"))
                last = reader.line_num
                continue
            last = reader.line_num
            if not row or all(not c.strip() for c in row):
                continue
            if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
                out.append((start, None, f"{len(row)} fields but the header has {len(header)}"))
                continue
            out.append((start, dict(zip(header, row + [""] * (len(header) - len(row)))), None))
        return header, out
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise FeedbackError(f"{path}: not valid JSON (line {e.lineno}: {e.msg})") from None
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), [data])
        if not isinstance(data, list):
            raise FeedbackError(f"{path}: expected a JSON array of objects")
        header: list[str] = []
        out = []
        for i, item in enumerate(data, 1):
            if not isinstance(item, dict):
                out.append((i, None, "expected a JSON object"))
                continue
            item = _flatten(item)
            header.extend(k for k in item if k not in header)
            out.append((i, item, None))
        return header, out
    header = []
    out = []
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            out.append((i, None, f"not valid JSON ({e.msg} at column {e.colno})"))
            continue
        if not isinstance(item, dict):
            out.append((i, None, "expected a JSON object"))
            continue
        item = _flatten(item)
        header.extend(k for k in item if k not in header)
        out.append((i, item, None))
    return header, out


def _flatten(item: dict, prefix: str = "") -> dict:
    """{"author": {"name": "x"}} → {"author.name": "x"} (plus "author" itself when it is a name)."""
    out = {}
    for k, v in item.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
            if "name" in v and not isinstance(v["name"], (dict, list)):
                out.setdefault(key, v["name"])
        else:
            out[key] = v
    return out


# -- values ----------------------------------------------------------------------------------

def _number(raw) -> Decimal | None:
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, (int, float)):
        return Decimal(str(raw))
    s = str(raw).strip().replace("\u00a0", "")
    if "★" in s or "☆" in s:
        return Decimal(s.count("★"))
    s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        raise ValueError from None


def parse_rating(raw, scale: str | None) -> tuple[float | None, str | None]:
    """(rating on 0-5, error) for one cell; scale is "5", "10" or "nps" (0-10 integers)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    text = str(raw).strip()
    m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*/\s*(\d+)\s*", text)
    try:
        if m:
            value, best = _number(m.group(1)), _number(m.group(2))
            if best <= 0 or value > best:
                return None, f"rating {text!r} is not a valid fraction"
            return round(float(value / best * 5), 2), None
        value = _number(raw)
    except (ValueError, InvalidOperation):
        return None, f"rating {text!r} is not a number"
    if scale == "nps":
        if value != value.to_integral_value() or not 0 <= value <= 10:
            return None, f"rating {text!r} is not an NPS score (a whole number 0-10)"
        return round(float(value) / 2, 2), None
    best = Decimal(10) if scale == "10" else Decimal(5)
    if not 0 <= value <= best:
        return None, f"rating {text!r} is outside the 0-{best} scale"
    return round(float(value / best * 5), 2), None


def parse_date(raw) -> tuple[str | None, str | None]:
    """('YYYY-MM-DD', error) from ISO dates/times, epoch seconds/milliseconds or common forms."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) or re.fullmatch(r"\d{9,13}", str(raw).strip()):
        seconds = float(raw)
        if seconds > 1e11:
            seconds /= 1000
        return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%d"), None
    text = str(raw).strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        dt = None
    if dt is None:
        try:
            import dateparser

            dt = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                                  "RETURN_AS_TIMEZONE_AWARE": False})
        except Exception:
            dt = None
    if dt is None:
        return None, f"date {text!r} is not a date"
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.strftime("%Y-%m-%d"), None


def _language(text: str) -> str | None:
    if len(text) < 20:
        return None
    try:
        from .language import identify

        return identify(text)
    except Exception:
        return None


def _cell(record: dict, column: str | None):
    if not column:
        return None
    v = record.get(column)
    if isinstance(v, list):
        v = " ".join(str(x) for x in v)
    return v


def read_feedback(path: str | Path, *, text_column: str | None = None, rating_column: str | None = None,
                  date_column: str | None = None, id_column: str | None = None,
                  title_column: str | None = None, author_column: str | None = None,
                  rating_scale: str | None = None, fmt: str | None = None) -> FeedbackFile:
    """Parse a feedback file; bad rows land in `.errors`, never raise for them."""
    path = Path(path)
    if rating_scale is not None and str(rating_scale) not in SCALES:
        raise FeedbackError(f"unknown rating scale {rating_scale!r} (use 5, 10 or nps)")
    text = _read_text(path)
    fmt = _detect_format(path, text, fmt)
    header, records = _records(path, text, fmt)
    cols = detect_columns(header, {"text": text_column, "rating": rating_column, "date": date_column,
                                   "id": id_column, "title": title_column, "author": author_column})
    if records and not cols["text"]:
        raise FeedbackError(f"{path}: no text column found (columns: {', '.join(header) or 'none'}); "
                            "name it with --text-column")
    scale = str(rating_scale) if rating_scale else None
    if scale is None and cols["rating"]:
        name = _key(cols["rating"])
        if "nps" in name or "recommend" in name:
            scale = "nps"
        else:
            values = []
            for _, rec, _ in records:
                try:
                    if rec is not None and str(_cell(rec, cols["rating"]) or "").strip():
                        values.append(_number(_cell(rec, cols["rating"])))
                except (ValueError, InvalidOperation):
                    pass
            scale = "10" if values and max(values) > 5 else "5"
    out = FeedbackFile(format=fmt, columns=cols, scale=scale)
    seen_ids: dict[str, int] = {}
    for line, rec, problem in records:
        out.total += 1
        if problem:
            out.errors.append(RowError(line, problem, record=fmt == "json"))
            continue
        body = _cell(rec, cols["text"])
        body = re.sub(r"\s+", " ", str(body)).strip() if body is not None else ""
        title = _cell(rec, cols["title"])
        title = re.sub(r"\s+", " ", str(title)).strip() or None if title is not None else None
        rating, err = parse_rating(_cell(rec, cols["rating"]), scale)
        if err:
            out.errors.append(RowError(line, err, record=fmt == "json"))
            continue
        date, err = parse_date(_cell(rec, cols["date"]))
        if err:
            out.errors.append(RowError(line, err, record=fmt == "json"))
            continue
        rid = _cell(rec, cols["id"])
        rid = str(rid).strip() if rid is not None and str(rid).strip() else None
        if rid is not None:
            if rid in seen_ids:
                out.errors.append(RowError(line, f"duplicate id {rid!r} (first on line {seen_ids[rid]})",
                                           record=fmt == "json"))
                continue
            seen_ids[rid] = line
        if not body and not title:
            out.skipped_empty += 1
            continue
        author = _cell(rec, cols["author"])
        author = str(author).strip() or None if author is not None else None
        out.rows.append({"site_id": rid, "author": author, "rating": rating, "title": title, "body": body or None,
                         "published_at": date, "language": _language(body or title or ""), "verified": None,
                         "helpful_votes": None, "product": None, "url": None})
        out.lines.append(line)
    return out


def import_feedback(db, path: str | Path, *, source: str, competitor: str, salt: str = "",
                    store_author_names: bool = False, observed_at: str | None = None, **options) -> dict:
    """Read and save a feedback file. Returns {"rows", "imported", "new", "updated",
    "unchanged", "skipped_empty", "errors": [RowError], "columns", "format", "scale"}."""
    from .store import save_reviews

    if not source or not source.strip():
        raise FeedbackError("--source must name where the feedback comes from (e.g. nps-2024-q1)")
    parsed = read_feedback(path, **options)
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    if parsed.rows:
        counts = save_reviews(db, run=None, page=None, competitor=competitor, source=source.strip(),
                              reviews=parsed.rows, source_type="first_party", salt=salt,
                              store_author_names=store_author_names, observed_at=observed_at)
    return {"rows": parsed.total, "imported": len(parsed.rows), **counts, "skipped_empty": parsed.skipped_empty,
            "errors": parsed.errors, "columns": parsed.columns, "format": parsed.format, "scale": parsed.scale}
