"""HTML of the demo market's pages, rendered from the facts in market.py. Each vendor's pages
use a different markup (JSON-LD, plain cards, JavaScript, a billing switch, microdata) so the
demo exercises every path of the generic extractors."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from html import escape

from rivalscope.demo.market import Plan, Vendor

SYMBOL = {"USD": "$", "EUR": "€"}


def _money(amount: Decimal, currency: str) -> str:
    text = f"{amount:.2f}".removesuffix(".00")
    if currency == "EUR":
        return f"{text.replace('.', ',')}&nbsp;€"
    return f"{SYMBOL[currency]}{text}"


def layout(v: Vendor, title: str, body: str, *, head: str = "", description: str = "") -> str:
    p = f"/{v.slug}"
    meta = f'<meta name="description" content="{escape(description)}">' if description else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
{meta}
{head}
<style>
body{{font-family:system-ui,sans-serif;margin:0;color:#1d2433}}
header,footer{{padding:12px 24px;background:#f4f6fa}} nav a{{margin-right:16px}}
main{{max-width:1100px;margin:0 auto;padding:24px}} .plans{{display:flex;gap:16px}}
.plan{{border:1px solid #d8dde8;border-radius:8px;padding:16px;flex:1}}
.cookie{{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:8px}}
[hidden]{{display:none}}
</style>
</head>
<body>
<header class="site-header">
  <a class="logo" href="{p}/"><img src="{p}/logo.svg" alt="{escape(v.name)}"> {escape(v.name)}</a>
  <nav><a href="{p}/product">Product</a><a href="{p}/pricing">Pricing</a><a href="{p}/reviews">Customers</a><a href="{p}/login">Log in</a></nav>
</header>
<main>
{body}
</main>
<footer class="site-footer">
  <p>© 2026 {escape(v.name)} Inc. · <a href="{p}/privacy">Privacy</a> · <a href="{p}/terms">Terms</a> · <a href="{p}/careers">Careers</a></p>
</footer>
<div class="cookie" id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button> <button>Settings</button></div>
</body>
</html>
"""


def homepage(v: Vendor, epoch: int) -> str:
    h = v.homepage[epoch]
    p = f"/{v.slug}"
    head = (f'<meta property="og:title" content="{escape(h.headline)}">\n'
            f'<meta property="og:description" content="{escape(h.description)}">\n'
            f'<meta property="og:image" content="{p}/og.png">\n'
            f'<meta name="twitter:card" content="summary_large_image">')
    props = "".join(f"<li><h3>{escape(x)}</h3><p>{escape(x)} without extra work.</p></li>" for x in h.value_props)
    body = f"""
<section class="hero">
  <h1>{escape(h.headline)}</h1>
  <p class="lead">{escape(h.subheadline)}</p>
  <a class="btn btn-primary" href="{p}{h.primary_cta[1]}">{escape(h.primary_cta[0])}</a>
  <a class="btn btn-secondary" href="{p}{h.secondary_cta[1]}">{escape(h.secondary_cta[0])}</a>
</section>
<section class="features"><h2>Why teams choose {escape(v.name)}</h2><ul>{props}</ul></section>
<section class="proof"><p>{escape(h.social_proof)}</p></section>
"""
    return layout(v, h.title, body, head=head, description=h.description)


def _price_text(plan: Plan, currency: str, amount: Decimal | None = None) -> str:
    amount = plan.amount if amount is None else amount
    unit = " per user" if plan.unit == "user" else ""
    return f"{_money(amount, currency)}{unit} / month"


def _features(plan: Plan) -> str:
    return "<ul class=\"features\">" + "".join(f"<li>{escape(f)}</li>" for f in plan.features) + "</ul>"


def _card(v: Vendor, plan: Plan, price_html: str) -> str:
    cta = "Contact sales" if plan.contact_sales else ("Get started" if plan.amount else "Sign up free")
    return (f'<div class="plan"><h3>{escape(plan.name)}</h3>{price_html}{_features(plan)}'
            f'<a class="btn" href="/{v.slug}/signup?plan={plan.name.lower()}">{cta}</a></div>')


def pricing(v: Vendor, epoch: int) -> str:
    plans = v.plans[epoch]
    builder = {"jsonld": _pricing_jsonld, "cards": _pricing_cards, "js": _pricing_js,
               "toggle": _pricing_toggle, "microdata": _pricing_microdata}[v.markup]
    body = f"<h1>Pricing</h1><p>Simple plans that grow with you.</p>{builder(v, plans)}"
    return layout(v, f"Pricing — {v.name}", body, description=f"{v.name} plans and pricing.",
                  head=_jsonld_offers(v, plans) if v.markup == "jsonld" else "")


def _pricing_cards(v: Vendor, plans: list[Plan]) -> str:
    cards = []
    for plan in plans:
        price = ('<p class="price">Custom pricing</p>' if plan.contact_sales
                 else f'<p class="price">{_price_text(plan, v.currency)}</p>')
        cards.append(_card(v, plan, price))
    return f'<div class="plans">{"".join(cards)}</div><p class="note">Prices exclude VAT.</p>'


def _pricing_jsonld(v: Vendor, plans: list[Plan]) -> str:
    return _pricing_cards(v, plans)


def _jsonld_offers(v: Vendor, plans: list[Plan]) -> str:
    offers = [{
        "@type": "Offer", "name": p.name, "price": f"{p.amount:.2f}", "priceCurrency": v.currency,
        "priceSpecification": {"@type": "UnitPriceSpecification", "price": f"{p.amount:.2f}",
                               "priceCurrency": v.currency, "unitCode": "MON", "billingDuration": "P1M"},
        "availability": "https://schema.org/InStock",
    } for p in plans if not p.contact_sales]
    data = {"@context": "https://schema.org", "@type": "SoftwareApplication", "name": f"{v.name} Analytics",
            "applicationCategory": "BusinessApplication", "offers": offers}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _pricing_js(v: Vendor, plans: list[Plan]) -> str:
    # The plain HTML has no prices at all: they arrive from /api/plans.json after load.
    cards = "".join(_card(v, p, f'<p class="price" data-plan="{p.name.lower()}">…</p>') for p in plans)
    return f"""<div class="plans" id="plans">{cards}</div>
<script>
fetch("/{v.slug}/api/plans.json").then(r => r.json()).then(data => {{
  for (const plan of data.plans) {{
    const el = document.querySelector('[data-plan="' + plan.id + '"]');
    if (el) el.textContent = plan.label;
  }}
}});
</script>"""


def plans_json(v: Vendor, epoch: int) -> dict:
    return {"plans": [{"id": p.name.lower(), "label": _price_text(p, v.currency)} for p in v.plans[epoch]]}


def _pricing_toggle(v: Vendor, plans: list[Plan]) -> str:
    cards = []
    for plan in plans:
        if plan.contact_sales:
            price = '<p class="price">Contact sales for a quote</p>'
        else:
            price = (f'<p class="price" data-billing="monthly">{_price_text(plan, v.currency)}</p>'
                     f'<p class="price" data-billing="annual" hidden>'
                     f'{_price_text(plan, v.currency, plan.annual_amount)}, billed annually</p>')
        cards.append(_card(v, plan, price))
    return f"""<div class="billing-switch" role="tablist">
  <button role="tab" aria-selected="true" data-period="monthly">Monthly</button>
  <button role="tab" aria-selected="false" data-period="annual">Annual (save 20%)</button>
</div>
<div class="plans">{"".join(cards)}</div>
<p class="note">Alle Preise zzgl. MwSt.</p>
<script>
document.querySelectorAll('[data-period]').forEach(btn => btn.addEventListener('click', () => {{
  const period = btn.dataset.period;
  document.querySelectorAll('[data-period]').forEach(b => b.setAttribute('aria-selected', String(b === btn)));
  document.querySelectorAll('[data-billing]').forEach(el => {{ el.hidden = el.dataset.billing !== period; }});
}}));
</script>"""


def _pricing_microdata(v: Vendor, plans: list[Plan]) -> str:
    cards = []
    for plan in plans:
        amount = f"{plan.amount:.2f}"
        cards.append(
            f'<div class="plan" itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
            f'<h3 itemprop="name">{escape(plan.name)}</h3>'
            f'<p class="price"><meta itemprop="priceCurrency" content="{v.currency}">'
            f'<span itemprop="price" content="{amount}">{_money(plan.amount, v.currency)}</span> / month</p>'
            f'{_features(plan)}<a class="btn" href="/{v.slug}/signup">Start trial</a></div>')
    return (f'<div itemscope itemtype="https://schema.org/Product"><meta itemprop="name" content="{v.name} Analytics">'
            f'<div class="plans">{"".join(cards)}</div></div>')


# --- reviews --------------------------------------------------------------------------------

def review_pages(v: Vendor, epoch: int) -> list[list]:
    reviews = v.reviews[epoch]
    n = v.reviews_per_page
    return [reviews[i:i + n] for i in range(0, len(reviews), n)] or [[]]


def _stars(rating: int) -> str:
    return "★" * rating + "☆" * (5 - rating)


def _long_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def _aggregate(v: Vendor, epoch: int) -> tuple[float, int]:
    reviews = v.reviews[epoch]
    return round(sum(r.rating for r in reviews) / len(reviews), 1), len(reviews)


def _pager(v: Vendor, page_no: int, pages: int) -> tuple[str, str]:
    base = f"/{v.slug}/reviews"
    links, head = [], ""
    if page_no > 1:
        links.append(f'<a href="{base}?page={page_no - 1}">‹ Previous</a>')
    if page_no < pages:
        links.append(f'<a class="next" href="{base}?page={page_no + 1}">Next ›</a>')
        head = f'<link rel="next" href="{base}?page={page_no + 1}">'
    return f'<nav class="pagination">{" ".join(links)}</nav>', head


def reviews_page(v: Vendor, epoch: int, page_no: int) -> str | None:
    pages = review_pages(v, epoch)
    if not 1 <= page_no <= len(pages):
        return None
    avg, count = _aggregate(v, epoch)
    pager, head = _pager(v, page_no, len(pages))
    if v.review_markup == "js_loaded":
        return _reviews_js_shell(v, avg, count)
    blocks = "".join(_review_block(v, r) for r in pages[page_no - 1])
    if v.review_markup in ("jsonld", "jsonld_product"):
        head += _reviews_jsonld(v, pages[page_no - 1], avg, count)
    body = (f'<h1>What customers say about {escape(v.name)}</h1>'
            f'<div class="summary"><span class="avg">{avg}</span> out of 5 · based on {count} reviews</div>'
            f'<div class="review-list">{blocks}</div>{pager}')
    return layout(v, f"{v.name} reviews", body, head=head)


def _review_block(v: Vendor, r) -> str:
    return (f'<article class="review" id="{r.id}"><div class="review-header">'
            f'<span class="stars" aria-label="Rated {r.rating} out of 5">{_stars(r.rating)}</span> '
            f'<h3 class="review-title">{escape(r.title)}</h3></div>'
            f'<p class="review-meta">by <span class="author">{escape(r.author)}</span> on '
            f'<time datetime="{r.date}">{_long_date(r.date)}</time></p>'
            f'<p class="review-body">{escape(r.body)}</p></article>')


def _reviews_jsonld(v: Vendor, reviews, avg: float, count: int) -> str:
    items = [{"@type": "Review", "@id": f"#{r.id}", "author": {"@type": "Person", "name": r.author},
              "datePublished": r.date, "name": r.title, "reviewBody": r.body,
              "reviewRating": {"@type": "Rating", "ratingValue": r.rating, "bestRating": 5, "worstRating": 1}}
             for r in reviews]
    data = {"@context": "https://schema.org", "@type": "Product", "name": f"{v.name} Analytics",
            "aggregateRating": {"@type": "AggregateRating", "ratingValue": avg, "reviewCount": count},
            "review": items}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _reviews_js_shell(v: Vendor, avg: float, count: int) -> str:
    # Reviews arrive from /api/reviews?page=N; "Load more" appends the next page.
    body = f"""<h1>Kundenstimmen: {escape(v.name)}</h1>
<div class="summary"><span class="avg">{avg}</span> out of 5 · based on {count} reviews</div>
<div class="review-list" id="reviews"><p class="loading">Loading reviews…</p></div>
<button class="load-more" id="load-more" hidden>Load more reviews</button>
<script>
let page = 1;
function stars(n) {{ return "★".repeat(n) + "☆".repeat(5 - n); }}
function esc(s) {{ const d = document.createElement("div"); d.textContent = s; return d.innerHTML; }}
async function load() {{
  const res = await fetch("/{v.slug}/api/reviews?page=" + page);
  const data = await res.json();
  const list = document.getElementById("reviews");
  list.querySelector(".loading")?.remove();
  for (const r of data.reviews) {{
    const el = document.createElement("article");
    el.className = "review"; el.id = r.id;
    el.innerHTML = '<div class="review-header"><span class="stars" aria-label="Rated ' + r.rating +
      ' out of 5">' + stars(r.rating) + '</span> <h3 class="review-title">' + esc(r.title) + '</h3></div>' +
      '<p class="review-meta">by <span class="author">' + esc(r.author) + '</span> on <time datetime="' +
      r.date + '">' + r.long_date + '</time></p><p class="review-body">' + esc(r.body) + '</p>';
    list.appendChild(el);
  }}
  const more = document.getElementById("load-more");
  more.hidden = !data.has_more;
  page += 1;
}}
document.getElementById("load-more").addEventListener("click", load);
load();
</script>"""
    return layout(v, f"{v.name} reviews", body)


def reviews_json(v: Vendor, epoch: int, page_no: int) -> dict:
    pages = review_pages(v, epoch)
    chunk = pages[page_no - 1] if 1 <= page_no <= len(pages) else []
    return {"page": page_no, "has_more": page_no < len(pages),
            "reviews": [{"id": r.id, "author": r.author, "rating": r.rating, "title": r.title,
                         "body": r.body, "date": r.date, "long_date": _long_date(r.date)} for r in chunk]}
