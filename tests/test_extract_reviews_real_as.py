"""Batch 50 of real pages (pharmacy and health-product shops' home pages, 2018): the general
rules they needed, on synthetic markup (invented names, products and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2021, 6, 1, tzinfo=timezone.utc)


def _pair(product: str, score: int, date: str, title: str, text: str) -> str:
    return (f'<div class="thumb-col grid-2"><a href="/item/{score}"><img alt="{product}" src="/i.jpg"/>'
            f'<p>{product}</p></a><div class="stars"><div class="stars-drawn" data-score="{score}"></div></div>'
            f'<span class="when">by customer, on {date}</span></div>'
            f'<div class="grid-2"><div class="head">{title}</div><div class="words">{text}</div>'
            f'<a href="/item/{score}#r">Read the review</a></div>')


def test_a_rated_column_takes_the_title_and_text_of_the_column_after_it():
    html = ('<html><body><div class="latest"><div class="row"><h2>Customer ratings</h2>'
            + _pair("Herbal Sleep Drops", 4, "03/12/2021", "Calmer nights",
                    "Two weeks in and I fall asleep faster than before; the taste is mild enough.")
            + _pair("Zinc Lozenges Lemon", 5, "03/11/2021", "Works for me",
                    "Took them at the first scratch in my throat and the cold never really started.")
            + _pair("Arch Support Insoles", 2, "03/10/2021", "Too firm",
                    "They pinch at the heel after an hour of walking, so I went back to my old pair.")
            + '</div></div></body></html>')
    got = extract_reviews(html, "https://shop.example/", now=NOW)["reviews"]
    assert [r["rating"] for r in got] == [4.0, 5.0, 2.0]
    assert [r["title"] for r in got] == ["Calmer nights", "Works for me", "Too firm"]
    assert got[1]["body"].startswith("Took them at the first scratch")
    assert all("Herbal" not in (r["body"] or "") for r in got)
    assert [r["published_at"] for r in got] == ["2021-03-12", "2021-03-11", "2021-03-10"]


def _quote(text: str, name: str) -> str:
    return (f'<div class="testimonial"><span>&ldquo;{text}&rdquo;</span>'
            f'<div class="profile"><img src="/p.png" alt="{name}"/> {name}</div></div>')


def test_a_widgets_list_of_star_values_to_show_is_no_rating():
    # an empty third-party widget asked to show four- and five-star reviews ("4,5"), beside the
    # shop's own quoted customers
    html = ('<html><body><div class="menu-drop">'
            + _quote("Ordering my repeat items takes a minute and they always arrive on time.", "Nora Pell")
            + _quote("The pharmacist called back the same day to check my dose, very reassuring.", "Ivo Marsh")
            + _quote("Plain packaging and free delivery, I would not go anywhere else now.", "Tess Quill")
            + '</div><div class="site"><div class="row"><h1>About the shop</h1><p>An online pharmacy delivering'
            ' repeat prescriptions across the country for years.</p></div><div class="row reviews"><div class="col">'
            '<span class="h1"><a href="/survey">What our customers say about our service</a></span></div>'
            '<div class="col"><div class="score-widget" data-stars="4,5" data-template="x1"></div></div></div>'
            '</div></body></html>')
    got = extract_reviews(html, "https://shop.example/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Nora Pell", "Ivo Marsh", "Tess Quill"]
    assert all(r["rating"] is None for r in got)
    assert got[0]["body"].startswith("Ordering my repeat items")


def test_a_decimal_comma_on_a_drawn_row_of_stars_stays_a_score():
    from crawlers.extract.reviews_marks import star_filter
    import lxml.html
    drawn = lxml.html.fromstring('<span class="stars" data-stars="4,5"><i></i><i></i></span>')
    empty = lxml.html.fromstring('<div class="w" data-stars="4,5"></div>')
    falling = lxml.html.fromstring('<div class="w" data-stars="5,4"></div>')
    assert not star_filter("4,5", drawn)
    assert star_filter("4,5", empty)
    assert star_filter("1,2,3,4,5", empty)
    assert not star_filter("5,4", falling)
    assert not star_filter("4.5", empty)
