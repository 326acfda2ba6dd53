"""Exact money: decimals as text, monthly equivalents in the base currency.

Rates come from the config (dated); there is never a network look-up.

Monthly equivalent = amount × rate(currency → base, latest rate dated on or before the
observation) ÷ months in the period (year 12, quarter 3, week 12/52), rounded half-up to
cents. A price per unit (per seat, per user, per 1k events) stays per unit: a per-seat plan's
monthly equivalent is per seat per month, and the offer's `unit` says so; plans are compared
like for like (benchmarks filter or group on unit). One-time and unknown periods, contact-sales
tiers and currencies without a configured rate have no monthly equivalent (None).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Iterable

PERIOD_MONTHS = {"month": Decimal(1), "year": Decimal(12), "quarter": Decimal(3), "week": Decimal(12) / Decimal(52)}


class MissingRate(Exception):
    pass


def to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def format_decimal(value: Decimal | None, places: int = 2) -> str | None:
    if value is None:
        return None
    q = Decimal(1).scaleb(-places)
    return str(value.quantize(q, rounding=ROUND_HALF_UP))


def rate_for(currency: str, base: str, rates: Iterable, on_date: str | None = None) -> Decimal:
    """Units of `base` per 1 `currency`, using the latest config rate dated on or before on_date."""
    if currency == base:
        return Decimal(1)
    day = (on_date or "9999-12-31")[:10]
    best = None
    for r in rates:
        if r.currency != currency:
            continue
        if str(r.date) <= day and (best is None or r.date > best.date):
            best = r
    if best is None:  # no rate dated early enough: fall back to the earliest one we have
        candidates = sorted((r for r in rates if r.currency == currency), key=lambda r: r.date)
        best = candidates[0] if candidates else None
    if best is None:
        raise MissingRate(f"no exchange rate for {currency} in the config's exchange_rates")
    return best.rate


def monthly_equivalent(amount, period: str | None, currency: str | None, base: str,
                       rates: Iterable = (), on_date: str | None = None) -> str | None:
    """Monthly-equivalent price in `base` as exact decimal text, or None when undefined
    (no amount, one-time or unknown period, or no rate for the currency)."""
    value = to_decimal(amount)
    if value is None or not currency or period not in PERIOD_MONTHS:
        return None
    try:
        converted = value * rate_for(currency, base, list(rates), on_date)
    except MissingRate:
        return None
    return format_decimal(converted / PERIOD_MONTHS[period])
