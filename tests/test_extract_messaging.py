"""Messaging extractor on saved pages: every labelled field asserted exactly, per fixture."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers.extract.messaging import extract_messaging

CORPUS = Path(__file__).parent / "fixtures" / "messaging"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.json").exists())
SNAPSHOT_KEYS = {"title", "headline", "subheadline", "ctas", "meta_description", "og", "twitter", "value_props",
                 "social_proof", "pricing_mentions", "main_text", "language"}

_cache: dict[str, dict] = {}


def extracted(case: str) -> tuple[dict, dict]:
    folder = CORPUS / case
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    if case not in _cache:
        meta = json.loads((folder / "meta.json").read_text()) if (folder / "meta.json").exists() else {}
        html = (folder / "page.html").read_text(encoding="utf-8")
        _cache[case] = extract_messaging(html, meta.get("url", "https://example.com/"), ignore=meta.get("ignore"))
    return _cache[case], expected


def test_corpus_is_large_and_varied():
    assert len(CASES) >= 40
    languages = {json.loads((CORPUS / c / "expected.json").read_text())["language"] for c in CASES}
    assert {"en", "de", "fr", "es"} <= languages


@pytest.mark.parametrize("case", CASES)
def test_snapshot_shape(case):
    got, _ = extracted(case)
    assert set(got) == SNAPSHOT_KEYS
    assert set(got["og"]) == set(got["twitter"]) == {"title", "description", "image"}
    for cta in got["ctas"]:
        assert set(cta) == {"text", "href", "primary"}
        assert cta["href"] is None or cta["href"].startswith(("http://", "https://", "tel:", "mailto:"))
        assert "utm_" not in (cta["href"] or "") and "gclid" not in (cta["href"] or "")
    assert sum(c["primary"] for c in got["ctas"]) <= 2


@pytest.mark.parametrize("field", ["title", "headline", "subheadline", "meta_description", "og", "twitter",
                                   "ctas", "language"])
@pytest.mark.parametrize("case", CASES)
def test_field(case, field):
    got, expected = extracted(case)
    assert got[field] == expected[field]


LIST_LABELS = [(case, field) for case in CASES for field in ("value_props", "social_proof", "pricing_mentions")
               if field in json.loads((CORPUS / case / "expected.json").read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case,field", LIST_LABELS)
def test_list_field(case, field):
    got, expected = extracted(case)
    assert got[field] == expected[field]


@pytest.mark.parametrize("case", CASES)
def test_main_text(case):
    got, expected = extracted(case)
    assert got["main_text"] and got["headline"] in got["main_text"].replace("\n", " ")
    for text in expected.get("main_text_contains", []):
        assert text in got["main_text"]
    for text in expected.get("main_text_excludes", []):
        assert text not in got["main_text"]


PAGE = """<html lang="en"><head><title>Rotor | Drones</title></head><body>
<div class="top-strip">Flash sale ends in 03:12:55!</div>
<main><section class="hero"><h1>Drones for <span class="rotating-word">farmers</span></h1>
<p>Survey 400 hectares a day. Updated 5 minutes ago.</p>
<a class="btn" href="/buy?utm_source=x&amp;fbclid=1">Buy now</a></section></main></body></html>"""


def test_ignore_patterns_css_and_regex():
    plain = extract_messaging(PAGE, "https://rotor.example/")
    assert plain["headline"] == "Drones for farmers"
    assert "Flash sale" in plain["main_text"]
    got = extract_messaging(PAGE, "https://rotor.example/",
                            ignore=["css:.rotating-word", "css:.top-strip", r"Updated \d+ minutes ago\.?"])
    assert got["headline"] == "Drones for"
    assert got["subheadline"] == "Survey 400 hectares a day."
    assert "Flash sale" not in got["main_text"] and "Updated" not in got["main_text"]
    assert got["ctas"] == [{"text": "Buy now", "href": "https://rotor.example/buy", "primary": True}]


def test_invalid_css_ignore_pattern_is_skipped():
    got = extract_messaging(PAGE, "https://rotor.example/", ignore=["css:::nope["])
    assert got["headline"] == "Drones for farmers"


def test_selectors_override_generic_rules():
    got = extract_messaging(PAGE, "https://rotor.example/",
                            selectors={"headline": ".hero p", "ctas": "a.btn", "value_props": "h1 span"})
    assert got["headline"] == "Survey 400 hectares a day. Updated 5 minutes ago."
    assert got["ctas"] == [{"text": "Buy now", "href": "https://rotor.example/buy", "primary": True}]
    assert got["value_props"] == ["farmers"]


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "not html at all", "<?xml version='1.0'?><html/>"])
def test_degenerate_input_yields_an_empty_snapshot(html):
    got = extract_messaging(html, "https://x.example/")
    assert got["headline"] is None and got["ctas"] == [] and got["title"] is None
    assert set(got) == SNAPSHOT_KEYS
