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


# ------------------------------------------------------------------ money parsing
from crawlers.extract.pricing_money import currency_of_symbol, detect_period, detect_unit, parse_amount  # noqa: E402


@pytest.mark.parametrize("text,lang,expected", [
    ("1.234,56", "de", "1234.56"), ("1 234,56", "fr", "1234.56"), ("1,234.56", "en", "1234.56"),
    ("1'234.50", "de-ch", "1234.50"), ("1\u202f234,56", "fr", "1234.56"), ("9,99", "de", "9.99"),
    ("1.299", "de", "1299"), ("1,299", "en", "1299"), ("0.125", "en", "0.125"), ("29", "en", "29"),
])
def test_number_formats(text, lang, expected):
    assert str(parse_amount(text, lang=lang)) == expected


@pytest.mark.parametrize("symbol,url,lang,hint,expected", [
    ("$", "https://shop.example.com/p", "en", None, "USD"),
    ("$", "https://shop.example.ca/p", "en", None, "CAD"),
    ("$", "https://shop.example.com/p", "en-AU", None, "AUD"),
    ("$", "https://shop.example.com/p", "en", "NZD", "NZD"),
    ("$", "https://shop.example.com/p", "en", "EUR", "USD"),  # a hint that cannot be "$" is ignored
    ("kr", "https://butik.example.se/p", None, None, "SEK"),
    ("kr", "https://shop.example.com/p", "nb", None, "NOK"),
    ("kr.", "https://shop.example.dk/p", "da", None, "DKK"),
    ("¥", "https://shop.example.com/p", "ja", None, "JPY"),
    ("¥", "https://shop.example.cn/p", "zh", None, "CNY"),
    ("€", "https://shop.example.com/p", "en", "USD", "EUR"),
    ("CHF", "", None, None, "CHF"), ("₹", "", None, None, "INR"), ("円", "", None, None, "JPY"),
])
def test_currency_resolution(symbol, url, lang, hint, expected):
    assert currency_of_symbol(symbol, url=url, lang=lang, hint=hint) == expected


@pytest.mark.parametrize("text,period,unit", [
    ("/mo", "month", None), ("per user / month", "month", "user"), ("/seat/mo", "month", "seat"),
    ("pro Nutzer/Monat", "month", "user"), ("par utilisateur et par mois", "month", "user"),
    ("/mes por usuario", "month", "user"), ("kr/mån", "month", None), ("/år", "year", None),
    ("billed annually", "year", None), ("per 1,000 events", None, "1k events"),
    ("per 10k requests", None, "10k requests"), ("one-time", "one_time", None), ("月額", "month", None),
])
def test_period_and_unit(text, period, unit):
    assert (detect_period(text), detect_unit(text)) == (period, unit)


# ------------------------------------------------------------------ bad pages
def test_large_page_is_cut_and_still_extracted():
    """A 20 MB page: the DOM is cut at MAX_HTML_CHARS, JSON-LD anywhere in it is kept."""
    from crawlers.extract.pricing import MAX_HTML_CHARS

    base = (CORPUS / "product_jsonld_plain_en" / "page.html").read_text(encoding="utf-8")
    filler = "<div class='blob'><p>Lorem ipsum 12 dolor $3.99 sit amet</p></div>\n" * 330_000
    i = base.index("</main>")
    big = base[:i] + filler + base[i:]
    assert len(big) > 20_000_000 > MAX_HTML_CHARS
    started = time.perf_counter()
    offers = extract_pricing(big, "https://shop.example.com/products/trx2-blk-42")
    assert time.perf_counter() - started < 15
    assert [(o["plan"], o["amount"], o["currency"]) for o in offers] == [("Trail Running Shoe X2", "119.95", "USD")]


@pytest.mark.parametrize("html", [
    "", "   ", "\x00\x01\x02", "<html", "<<<>>>", "<div>" * 100_000 + "$5", b"\xff\xfe<p>\x00$5</p>",
    "<html><body>" + "<table><tr><td>$1</td>" * 2000, "<script>var a='$9.99';</script>",
    '<script type="application/ld+json">{"@type":"Product","offers":{broken</script>',
])
def test_garbage_never_raises(html):
    assert isinstance(extract_pricing(html, "https://x.example.com/p"), list)


def test_garbage_returns_nothing():
    assert extract_pricing("<html><body><p>No prices here, 42 reasons.</p></body></html>", "https://x.com/") == []
    assert extract_pricing("", "") == []


def test_selector_keys_are_documented():
    from crawlers.extract import pricing_selectors

    for key in pricing_selectors.PRICING_SELECTOR_KEYS:
        assert f"  {key} " in pricing_selectors.__doc__


@pytest.mark.parametrize("url, lang, currency", [
    ("https://shop.example.se/p", "sv", "SEK"), ("https://shop.example.no/p", "nb", "NOK"),
    ("https://shop.example.dk/p", "da", "DKK"), ("https://shop.example.nl/p", "nl", "EUR"),
    ("https://shop.example.cz/p", "cs", "CZK"), ("https://shop.example.com/p", None, "EUR"),
])
def test_no_cents_marker_takes_the_sites_currency(url, lang, currency):
    """"1.299,-" says only that there are no cents: the domain and language pick the currency."""
    html = (f'<html lang="{lang or ""}"><body><h1>Widget Pro</h1><div class="price">1.299,-</div>'
            '<button>Add to cart</button></body></html>')
    assert [(o["amount"], o["currency"]) for o in extract_pricing(html, url)] == [("1299.00", currency)]
