"""`extract {pricing,messaging,reviews} FILE_OR_URL`: one page → JSON on stdout."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import cli
from .common import CLIError
from ..fetch import FetchError, fetch_html, read_html_file, render_html


def _selectors(pairs: tuple[str, ...]) -> dict:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise CLIError(f"--selector {p!r}: expected KEY=CSS, e.g. price=.plan .amount")
        k, v = p.split("=", 1)
        out[k.strip()] = v.strip()
    return out


@cli.command()
@click.argument("kind", type=click.Choice(["pricing", "messaging", "reviews"]))
@click.argument("source")
@click.option("--url", help="The page's URL when SOURCE is a file (resolves links, currency hints).")
@click.option("--render", is_flag=True, help="Render the page in Chromium first (JavaScript pages).")
@click.option("--currency", help="Currency a bare symbol like $ means on this site (pricing).")
@click.option("--selector", "selectors", multiple=True, metavar="KEY=CSS",
              help="Per-site CSS override, e.g. --selector price='.plan .amount' (repeatable).")
@click.option("--toggle", help="CSS selector of a monthly/annual switch to click (pricing, with --render).")
def extract(kind, source, url, render, currency, selectors, toggle):
    """Extract one page (a saved FILE or a URL) and print the result as JSON."""
    sel = _selectors(selectors)
    is_url = source.startswith(("http://", "https://"))
    try:
        if is_url and render:
            variants = render_html(source, kind=kind, toggle=toggle)
            page_url = url or source
        elif is_url:
            variants = [(None, fetch_html(source))]
            page_url = url or source
        else:
            path = Path(source)
            html = read_html_file(path)
            page_url = url or path.resolve().as_uri()
            variants = render_html(path.resolve().as_uri(), kind=kind, toggle=toggle) if render else [(None, html)]
    except FetchError as e:
        raise CLIError(str(e)) from None
    result = extract_variants(kind, variants, page_url, currency=currency, selectors=sel)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def extract_variants(kind: str, variants: list[tuple[str | None, str]], url: str, *,
                     currency: str | None, selectors: dict):
    if kind == "pricing":
        from crawlers.extract.pricing import extract_pricing
        from crawlers.spiders.pricing import _dedupe

        offers = []
        for billing, html in variants:
            for o in extract_pricing(html, url, currency_hint=currency, selectors=selectors):
                if billing and not o.get("billing"):
                    o["billing"] = billing
                offers.append(o)
        return _dedupe(offers)
    html = variants[-1][1]
    if kind == "messaging":
        from crawlers.extract.messaging import extract_messaging

        return extract_messaging(html, url, selectors=selectors)
    from crawlers.extract.reviews import extract_reviews

    return extract_reviews(html, url, selectors=selectors)
