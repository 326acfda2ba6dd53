"""Pricing extractor: every fixture of tests/fixtures/pricing asserted field by field."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from crawlers.extract.pricing import extract_pricing

CORPUS = Path(__file__).resolve().parent / "fixtures" / "pricing"
CASES = sorted(d.name for d in CORPUS.iterdir() if (d / "expected.json").exists())
FIELDS = ("plan", "amount", "currency", "period", "unit", "billing", "regular_amount", "is_contact_sales",
          "is_free", "availability", "sku", "features", "billing_note", "method")


def run_case(name: str) -> tuple[list[dict], list[dict]]:
    d = CORPUS / name
    meta = json.loads((d / "meta.json").read_text()) if (d / "meta.json").exists() else {}
    html = (d / "page.html").read_text(encoding="utf-8")
    got = extract_pricing(html, meta.get("url", ""), currency_hint=meta.get("currency_hint"),
                          selectors=meta.get("selectors"))
    return got, json.loads((d / "expected.json").read_text(encoding="utf-8"))


def test_corpus_is_large_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("name", CASES)
def test_fixture(name):
    got, expected = run_case(name)
    assert [o["plan"] for o in got] == [o["plan"] for o in expected]
    for g, e in zip(got, expected):
        assert set(g) == set(FIELDS) | {"confidence"}
        assert 0.0 <= g["confidence"] <= 1.0
        for field in FIELDS:
            assert g[field] == e[field], f"{name}: {e['plan']}.{field}"
