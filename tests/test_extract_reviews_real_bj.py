"""Batch 67 of real pages (SaaS and B2B vendors' own sites: home pages with customers' quotes, a
wall of love, G2 and Capterra reviews copied onto the page): a day word in a call to act or in a
surname ("Get started today", "See today. Plan for tomorrow.", "Nadia Hoy") is no date; a card that
is one <p> does not take the paragraphs beside it (the other cards) for its text; a link to a
customer story ("/customers/<firm>") names the firm, not the reviewer; "<b>NAME</b> of <a>FIRM</a>"
is a by-line, no text; five star images loose among a card's title and text are its rating; "an
average rating of 4.8 / 5" is the page's average. Each on synthetic markup (invented names and
texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import called_day_word, no_stamp

NOW = datetime(2023, 5, 10, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://vendor.example/") -> dict:
    html = f"<html lang='en'><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


QUOTES = (
    ("Nadia Brook", "Lumen", "Our weekly planning shrank from an afternoon to twenty minutes, and nobody misses the spreadsheet."),
    ("Omar Hoy", "Quarry Labs", "The invoices go out the same day now and clients pay them faster than they ever did before."),
    ("Lia Chen", "Tidewater", "Setting it up took one call with their team and the whole office was using it by Friday."),
)


def _quote_card(i, name, firm, text, href=None, byline=None):
    href = href or f"https://vendor.example/customers/{firm.lower().replace(' ', '-')}"
    byline = byline or f'<span><strong>{name}</strong> of <a href="{href}">{firm}</a></span>'
    return (f'<p class="quote home-quote home-quote-{i}"><em>{text}</em>'
            f'<img alt="{name} of {firm}" width="80" src="/img/{i}.jpg">{byline}</p>')


def _home(cards: str, before: str = "", after: str = "") -> str:
    return (f'<main>{before}<section id="home-customers"><h2>Trusted by 4,000 teams.</h2>'
            f'<div class="home-quote-carousel">{cards}</div></section>{after}</main>')


def _cards(**kw) -> str:
    return "".join(_quote_card(i + 1, n, f, t, **kw) for i, (n, f, t) in enumerate(QUOTES))


def test_call_to_act_with_a_day_word_is_no_date():
    # "See today. Plan for tomorrow." and "Contact us today" are headings, no review's date line: read
    # as dates they made the feature sections the page's reviews
    before = ('<section id="home-reporting"><figure><figcaption><h2>See today. Plan for tomorrow.</h2>'
              '<p>Live reports keep every project on budget and show where the hours really go each week.</p>'
              '</figcaption></figure></section>')
    after = ('<section class="support"><h2>Help when you need it</h2><p>Our support team answers within minutes, '
             'every day of the year, by phone or by mail.</p><p><strong>Contact us today</strong></p></section>')
    got = _run(_home(_cards(), before, after))["reviews"]
    assert [(r["author"], r["body"], r["published_at"]) for r in got] == [(n, t, None) for n, _, t in QUOTES]


def test_day_word_rules():
    assert called_day_word("Contact us today", "today")
    assert called_day_word("Get started for free today.", "today")
    assert called_day_word("See today. Plan for tomorrow.", "today")
    assert called_day_word("Omar Hoy of Quarry Labs", "Hoy")
    assert no_stamp("Get started for free today.", "today")
    # a stamp stays one
    assert not called_day_word("Posted today", "today")
    assert not called_day_word("Today", "Today")
    assert not called_day_word("Reviewed today at 10:30", "today")
    assert not called_day_word("Publicado hoy", "hoy")


def test_surname_like_a_day_word_is_the_name():
    got = _run(_home(_cards()))["reviews"]
    assert got[1]["author"] == "Omar Hoy" and got[1]["published_at"] is None


def test_one_paragraph_card_keeps_its_own_text():
    # each card is one <p>: the paragraphs beside it are the other cards, not more of its text
    got = _run(_home(_cards()))["reviews"]
    assert [r["body"] for r in got] == [t for _, _, t in QUOTES]


def test_customer_story_link_names_the_firm_not_the_reviewer():
    got = _run(_home(_cards()))["reviews"]
    assert [r["author"] for r in got] == [n for n, _, _ in QUOTES]


def test_name_of_firm_byline_is_no_text():
    # a firm's link to no customer page: the name is read as before, and " of FIRM" is no part of the text
    cards = "".join(_quote_card(i + 1, n, f, t, href=f"https://{f.lower().replace(' ', '')}.example/")
                    for i, (n, f, t) in enumerate(QUOTES))
    got = _run(_home(cards))["reviews"]
    assert [r["body"] for r in got] == [t for _, _, t in QUOTES]


G2_CARDS = (
    ("Fast setup for every campaign", "Budgets move between channels on their own and the weekly report is finally readable.",
     "Rosa V.", 4.5),
    ("One place for all our ads", "We stopped switching between three dashboards, and the audiences sync without any help.",
     "Tomas K.", 4.0),
    ("Saves hours each week", "Launching the same offer everywhere at once takes minutes instead of a whole morning now.",
     "Ines M.", 5.0),
)


def _g2_card(title, text, name, stars):
    full, half = int(stars), stars % 1 >= 0.5
    imgs = ['<img src="https://cdn.vendor.example/icons/icon-star-full.svg" alt="" />'] * full
    imgs += ['<img src="https://cdn.vendor.example/icons/icon-star-half.svg" alt="" />'] * half
    imgs += ['<img src="https://cdn.vendor.example/icons/icon-star-empty.svg" alt="" />'] * (5 - full - half)
    return (f'<div class="col-lg-4"><div class="star">{"".join(imgs)}<h3 class="pt-4">{title}</h3>'
            f'<p>{text}</p><br /><p class="pt-5">{name}</p><p>Mid-Market</p></div></div>')


def test_star_images_among_a_cards_title_and_text_are_its_rating():
    page = ('<section id="for"><h1>Don’t just take our word for it</h1><div class="row">'
            + "".join(_g2_card(*c) for c in G2_CARDS) + '</div></section>')
    got = _run(page)["reviews"]
    assert [(r["rating"], r["title"]) for r in got] == [(s, t) for t, _, _, s in G2_CARDS]


def test_average_rating_sentence_is_the_pages_average():
    intro = ('<div class="lead">With an average rating of 4.8 / 5, our tool is the one sales teams keep '
             '<br> when they grow.<div><a href="https://reviews.example/p/tool">More reviews</a></div></div>')
    got = _run(intro + _home(_cards()))
    assert got["aggregate"] == {"rating": 4.8, "count": None}
    assert len(got["reviews"]) == 3
