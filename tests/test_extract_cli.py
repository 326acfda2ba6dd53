"""`rivalscope extract KIND FILE_OR_URL` prints the extractor's JSON."""
import json
from pathlib import Path

import pytest

from rivalscope.cli import cli

SHOP = Path(__file__).parent / "fixtures" / "site" / "shop"


def run(runner, *args):
    result = runner.invoke(cli, ["extract", *args])
    return result, (json.loads(result.stdout) if result.exit_code == 0 else None)


def test_extract_pricing_file(runner):
    result, offers = run(runner, "pricing", str(SHOP / "pricing.html"), "--url", "https://northwind.example/pricing")
    assert result.exit_code == 0, result.output
    assert sorted((o["plan"], o["amount"], o["currency"], o["period"]) for o in offers) == [
        ("Growth", "79.00", "USD", "month"), ("Starter", "19.00", "USD", "month")]


def test_extract_messaging_and_reviews_from_a_url(runner, serve_directory):
    base = serve_directory(SHOP)
    result, snap = run(runner, "messaging", f"{base}/index.html")
    assert result.exit_code == 0, result.output
    assert snap["headline"] == "Know what your users do next"
    assert snap["subheadline"] == "Product analytics for lean teams, live in five minutes."
    assert [c["text"] for c in snap["ctas"] if c["primary"]] == ["Start free trial"]
    result, out = run(runner, "reviews", f"{base}/reviews.html")
    assert result.exit_code == 0, result.output
    assert [r["rating"] for r in out["reviews"]] == [5.0, 5.0, 2.0]
    assert out["next_url"] == f"{base}/shop/reviews-2.html"  # the link is site-absolute


@pytest.mark.browser
def test_extract_render_runs_javascript(runner, serve_directory):
    base = serve_directory(SHOP)
    result, offers = run(runner, "pricing", f"{base}/pricing-js.html")
    assert result.exit_code == 0 and offers == []  # plain HTML: prices are not there yet
    result, offers = run(runner, "pricing", f"{base}/pricing-js.html", "--render")
    assert result.exit_code == 0, result.output
    assert sorted((o["plan"], o["amount"]) for o in offers) == [("Solo", "9.00"), ("Team", "49.00")]


def test_extract_bad_input(runner, serve_directory, tmp_path):
    result = runner.invoke(cli, ["extract", "pricing", str(tmp_path / "nope.html")])
    assert result.exit_code == 2 and "nope.html: no such file" in result.output
    base = serve_directory(SHOP)
    result = runner.invoke(cli, ["extract", "pricing", f"{base}/missing.html"])
    assert result.exit_code == 2 and "HTTP 404" in result.output
    result = runner.invoke(cli, ["extract", "pricing", f"{base}/data.json"])
    assert result.exit_code == 2 and "not an HTML page" in result.output
    result = runner.invoke(cli, ["extract", "pricing", str(SHOP / "pricing.html"), "--selector", "price"])
    assert result.exit_code == 2 and "expected KEY=CSS" in result.output
