"""Price change detection over two crawls of a local pricing site."""
from __future__ import annotations

import json
import urllib.request

from crawlers.extract.pricing import extract_pricing
from rivalscope.config import parse_config
from rivalscope.store import save_competitors, save_page, save_price_observations, start_run
from rivalscope.store.price_changes import change_pct, detect_price_changes

CFG = parse_config("""
base_currency: USD
competitors:
  - {name: Globex, website: https://globex.example}
exchange_rates:
  - {currency: EUR, rate: "1.10", date: 2026-01-01}
""")


def pricing_page(plans: list[tuple[str, str | None]]) -> str:
    cards = "".join(
        f'<div class="plan"><h3>{name}</h3><p class="price">'
        + (f"{price} €<span>/Monat</span>" if price else "Kontakt aufnehmen") + "</p></div>"
        for name, price in plans)
    return (f'<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body><h1>Preise</h1>'
            f'<div class="plans">{cards}</div></body></html>')


def crawl(db, base_url: str, path: str) -> int:
    """One pricing crawl of the local site, as the spider does it: page, offers, changes."""
    run = start_run(db, "crawl")
    url = f"{base_url}/{path}"
    body = urllib.request.urlopen(url, timeout=5).read()
    offers = extract_pricing(body.decode("utf-8"), url)
    stable_url = "https://globex.example/preise"  # same page URL in both crawls
    page = save_page(db, run=run, competitor="globex", kind="pricing", url=stable_url, status="ok",
                     http_status=200, body=body, items=len(offers))
    save_price_observations(db, run=run, page=page, competitor="globex", offers=offers,
                            base_currency="USD", rates=CFG.exchange_rates)
    detect_price_changes(db, run, "globex")
    return run


def changes(db):
    return sorted((r["kind"], r["subject"], r["before"], r["after"], r["change_pct"])
                  for r in db.query("select * from changes"))


def test_two_crawls_record_each_change_once(db, tmp_path, serve_directory):
    save_competitors(db, CFG.competitors)
    (tmp_path / "v1.html").write_text(pricing_page([("Basis", "19,00"), ("Profi", "49,00"),
                                                   ("Team", "99,00"), ("Legacy", "9,00")]))
    (tmp_path / "v2.html").write_text(pricing_page([("Basis", "19,00"), ("Profi", "59,00"),
                                                   ("Team", None), ("Scale", "199,00")]))
    base = serve_directory(tmp_path)
    r1 = crawl(db, base, "v1.html")
    assert changes(db) == []  # first crawl: nothing to compare with
    r2 = crawl(db, base, "v2.html")
    assert changes(db) == [
        ("contact_sales_change", "Team", "99.00", "contact sales", None),
        ("plan_added", "Scale", None, "199.00", None),
        ("plan_removed", "Legacy", "9.00", None, None),
        ("price_change", "Profi", "49.00", "59.00", "20.41"),
    ]
    row = next(db.query("select * from changes where kind = 'price_change'"))
    assert (row["run"], row["previous_run"], row["field"]) == (r2, r1, "amount")
    assert json.loads(row["details"])["after"]["monthly_amount"] == "64.90"
    # re-running detection adds nothing; re-crawling the unchanged page records no change
    assert detect_price_changes(db, r2, "globex") == 0
    crawl(db, base, "v2.html")
    assert len(changes(db)) == 4


def test_subject_disambiguates_billing(db):
    save_competitors(db, CFG.competitors)
    offers = lambda m, a: [
        {"plan": "Pro", "amount": m, "currency": "USD", "period": "month", "billing": "monthly"},
        {"plan": "Pro", "amount": a, "currency": "USD", "period": "month", "billing": "annual"}]
    for m, a in (("30.00", "24.00"), ("30.00", "25.00")):
        run = start_run(db, "crawl")
        page = save_page(db, run=run, competitor="globex", kind="pricing", url="https://globex.example/pricing",
                         status="ok")
        save_price_observations(db, run=run, page=page, competitor="globex", offers=offers(m, a))
        detect_price_changes(db, run, "globex")
    assert changes(db) == [("price_change", "Pro (annual, month)", "24.00", "25.00", "4.17")]


def test_page_without_offers_records_no_removal(db):
    save_competitors(db, CFG.competitors)
    run = start_run(db, "crawl")
    page = save_page(db, run=run, competitor="globex", kind="pricing", url="https://globex.example/p", status="ok")
    save_price_observations(db, run=run, page=page, competitor="globex",
                            offers=[{"plan": "Pro", "amount": "10.00", "currency": "USD", "period": "month"}])
    run2 = start_run(db, "crawl")
    save_page(db, run=run2, competitor="globex", kind="pricing", url="https://globex.example/p", status="empty")
    assert detect_price_changes(db, run2, "globex") == 0


def test_change_pct():
    assert change_pct("49.00", "59.00") == "20.41"
    assert change_pct("30", "24") == "-20.00"
    assert change_pct("0", "10") is None
    assert change_pct(None, "10") is None
