"""Exact-decimal SQL functions used by the benchmark .sql files (and by Datasette, through
datasette/plugins/rivalscope_datasette.py, so canned queries can use them too).

SQLite has no decimal type and no median: money stays decimal text, and these functions do
the arithmetic with Python's Decimal so no figure is ever rounded through a float.
"""
from __future__ import annotations

import sqlite3
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def to_decimal(value) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bytes):
        return None
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def decimal_text(value: Decimal | None) -> str | None:
    """Exact text with at least two decimal places ("12.5" -> "12.50", "10.015" stays)."""
    if value is None:
        return None
    if value.as_tuple().exponent > -2:  # only adds zeros: exact
        value = value.quantize(Decimal("0.01"))
    return format(value, "f")


def dec_sub(a, b) -> str | None:
    """a − b, exactly; NULL when either is not a number."""
    da, db = to_decimal(a), to_decimal(b)
    if da is None or db is None:
        return None
    return decimal_text(da - db)


def dec_index(value, reference) -> float | None:
    """100 × value / reference, rounded half-up to 1 decimal; NULL without a positive reference."""
    dv, dr = to_decimal(value), to_decimal(reference)
    if dv is None or dr is None or dr <= 0:
        return None
    return float((dv * 100 / dr).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def dec_pct(after, before) -> float | None:
    """(after − before) / before × 100, rounded half-up to 2 decimals; NULL when undefined."""
    da, db = to_decimal(after), to_decimal(before)
    if da is None or db is None or db == 0:
        return None
    return float(((da - db) * 100 / db).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def median(values) -> Decimal | None:
    nums = sorted(d for d in (to_decimal(v) for v in values) if d is not None)
    if not nums:
        return None
    mid = len(nums) // 2
    if len(nums) % 2:
        return nums[mid]
    return (nums[mid - 1] + nums[mid]) / 2  # exact: halving a finite decimal terminates


class DecMedian:
    """Aggregate: exact median of decimal texts (NULLs and non-numbers ignored)."""

    def __init__(self):
        self.values: list = []

    def step(self, value):
        self.values.append(value)

    def finalize(self):
        return decimal_text(median(self.values))


def register_functions(conn: sqlite3.Connection) -> None:
    """Register dec_sub, dec_index, dec_pct and dec_median on a connection (idempotent)."""
    conn.create_function("dec_sub", 2, dec_sub, deterministic=True)
    conn.create_function("dec_index", 2, dec_index, deterministic=True)
    conn.create_function("dec_pct", 2, dec_pct, deterministic=True)
    conn.create_aggregate("dec_median", 1, DecMedian)
