"""Price change detection: this run's price observations vs the previous run that observed
the same page URL, written as `changes` rows.

Plans are matched by normalised name (NFKC, case-folded, collapsed whitespace) + period +
billing + unit. Kinds:
  price_change          amount (or currency) differs; before/after amounts, change_pct exact text
                        (None when the currency changed or the old amount was 0)
  contact_sales_change  a plan switched between a price and "contact sales"
  plan_added            a plan not seen on that page in the previous run
  plan_removed          a plan of the previous run missing now (only when the page yielded offers
                        this run: a page that extracted nothing records no removal)
Ids are stable (competitor, url, kind, plan key, run, previous run): re-running detection adds
nothing, and an unchanged page records no change.
"""
from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from sqlite_utils import Database

from ..money import format_decimal
from .db import now_iso, stable_id, transaction

CHANGE_KINDS = ("price_change", "contact_sales_change", "plan_added", "plan_removed")


def normalise_plan(name: str | None) -> str:
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return re.sub(r"\s+", " ", text).strip()


def _key(row: dict) -> tuple:
    return (normalise_plan(row["plan"]), row.get("period") or "unknown", row.get("billing") or "",
            (row.get("unit") or "").lower())


def _dec(v) -> Decimal | None:
    if v is None or v == "":
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


def change_pct(before, after) -> str | None:
    """Percent change as exact decimal text with 2 places ("-16.67"), None when undefined."""
    b, a = _dec(before), _dec(after)
    if b is None or a is None or b == 0:
        return None
    return format_decimal((a - b) * 100 / b)


def _observations(db: Database, run: int, competitor: str, url: str | None = None) -> list[dict]:
    sql = ("select o.*, p.url as page_url from price_observations o join pages p on p.id = o.page "
           "where o.run = ? and o.competitor = ?")
    params: list = [run, competitor]
    if url is not None:
        sql += " and p.url = ?"
        params.append(url)
    return list(db.query(sql + " order by o.rowid", params))


def _by_key(rows: list[dict]) -> dict:
    out: dict = {}
    for r in rows:
        out.setdefault(_key(r), r)
    return out


def _subject(row: dict, ambiguous: set) -> str:
    plan = (row["plan"] or "").strip()
    if normalise_plan(plan) not in ambiguous:
        return plan
    bits = [b for b in (row.get("billing"), row.get("period") if row.get("period") != "unknown" else None,
                        row.get("unit") and f"per {row['unit']}") if b]
    return f"{plan} ({', '.join(bits)})" if bits else plan


def _side(row: dict | None) -> dict | None:
    if row is None:
        return None
    return {k: row.get(k) for k in ("plan", "amount", "currency", "period", "unit", "billing",
                                     "monthly_amount", "is_contact_sales", "is_free", "regular_amount")}


def _display(row: dict) -> str | None:
    if row.get("is_contact_sales"):
        return "contact sales"
    return row.get("amount")


def detect_price_changes(db: Database, run: int, competitor: str) -> int:
    """Write `changes` rows for `competitor` in `run`; returns how many new rows were written."""
    current = _observations(db, run, competitor)
    by_url: dict[str, list[dict]] = {}
    for r in current:
        by_url.setdefault(r["page_url"], []).append(r)
    rows = []
    for url, cur_rows in by_url.items():
        prev_run = db.execute(
            "select max(o.run) from price_observations o join pages p on p.id = o.page "
            "where o.competitor = ? and p.url = ? and o.run < ?", [competitor, url, run]).fetchone()[0]
        if prev_run is None:
            continue
        prev_rows = _observations(db, prev_run, competitor, url)
        cur, prev = _by_key(cur_rows), _by_key(prev_rows)
        names = [k[0] for k in set(cur) | set(prev)]
        ambiguous = {n for n in names if names.count(n) > 1}
        page = cur_rows[0]["page"]

        def add(kind, key, before_row, after_row, field=None, before=None, after=None, pct=None):
            subject_row = after_row or before_row
            rows.append({
                "id": stable_id("price", competitor, url, kind, *key, run, prev_run),
                "kind": kind, "competitor": competitor, "page": page,
                "subject": _subject(subject_row, ambiguous), "field": field,
                "before": before, "after": after, "change_pct": pct, "run": run, "previous_run": prev_run,
                "details": json.dumps({"url": url, "before": _side(before_row), "after": _side(after_row)},
                                      ensure_ascii=False, sort_keys=True),
            })

        # exact key first; then a plan whose period/unit changed (e.g. priced → contact sales,
        # whose period is unknown) is matched by name + billing when that is unambiguous.
        pairs = {key: prev.get(key) for key in cur}
        loose_prev = {}
        for key, row in prev.items():
            if key not in cur:
                loose_prev.setdefault((key[0], key[2]), []).append(key)
        for key in cur:
            if pairs[key] is None:
                cands = loose_prev.get((key[0], key[2]), [])
                same = [k for k in cur if (k[0], k[2]) == (key[0], key[2]) and pairs[k] is None]
                if len(cands) == 1 and len(same) == 1:
                    pairs[key] = prev[cands.pop()]
        matched_prev = {id(r) for r in pairs.values() if r is not None}
        for key, new in cur.items():
            old = pairs[key]
            if old is None:
                add("plan_added", key, None, new, "plan", None, _display(new))
                continue
            if bool(old["is_contact_sales"]) != bool(new["is_contact_sales"]):
                add("contact_sales_change", key, old, new, "is_contact_sales", _display(old), _display(new))
                continue
            a, b = _dec(old["amount"]), _dec(new["amount"])
            if old["currency"] != new["currency"] and a is not None and b is not None:
                add("price_change", key, old, new, "amount", f"{old['amount']} {old['currency']}",
                    f"{new['amount']} {new['currency']}", None)
            elif a != b:
                add("price_change", key, old, new, "amount", old["amount"], new["amount"],
                    change_pct(old["amount"], new["amount"]))
        for key, old in prev.items():
            if id(old) not in matched_prev:
                add("plan_removed", key, old, None, "plan", _display(old), None)
    written = 0
    if rows:
        detected_at = now_iso()
        with transaction(db):
            for row in rows:
                if db["changes"].count_where("id = ?", [row["id"]]):
                    continue
                db["changes"].insert({**row, "detected_at": detected_at})
                written += 1
    return written
