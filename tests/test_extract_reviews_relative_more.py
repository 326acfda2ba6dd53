"""Relative dates found in text as well as parsed: a unit alone meaning one ("неделю назад",
"rok temu", "před týdnem", "sebulan lalu"), an article for one ("un mese fa", "há uma semana",
"bir ay önce", "egy hete"), Brazilian "2 dias atrás", Lithuanian "prieš 3 dienas", Estonian
"3 päeva tagasi", and "last week" in seven languages."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import find_date_text, parse_date

NOW = datetime(2024, 6, 15, 12, tzinfo=timezone.utc)
WEEK, MONTH, YEAR, DAYS3 = "2024-06-08", "2024-05-15", "2023-06-15", "2024-06-12"


@pytest.mark.parametrize("text, lang, day", [
    ("неделю назад", "ru", WEEK), ("месяц назад", "ru", MONTH), ("год назад", "ru", YEAR),
    ("тиждень тому", "uk", WEEK), ("місяць тому", "uk", MONTH), ("rok temu", "pl", YEAR),
    ("tydzień temu", "pl", WEEK), ("před týdnem", "cs", WEEK), ("před rokem", "cs", YEAR),
    ("sebulan lalu", "id", MONTH), ("seminggu yang lalu", "id", WEEK),
    ("un mese fa", "it", MONTH), ("una settimana fa", "it", WEEK), ("een maand geleden", "nl", MONTH),
    ("há uma semana", "pt", WEEK), ("um mês atrás", "pt", MONTH), ("3 dias atrás", "pt", DAYS3),
    ("bir ay önce", "tr", MONTH), ("egy hete", "hu", WEEK),
    ("prieš 3 dienas", "lt", DAYS3), ("3 päeva tagasi", "et", DAYS3),
    ("geçen hafta", "tr", WEEK), ("la semaine dernière", "fr", WEEK), ("letzte Woche", "de", WEEK),
    ("la semana pasada", "es", WEEK), ("vorige week", "nl", WEEK), ("förra veckan", "sv", WEEK),
])
def test_found_in_text_and_parsed(text, lang, day):
    assert find_date_text(f"Publicado {text} · 12 curtidas") == text
    assert parse_date(text, now=NOW, lang=lang) == day


def _card(name: str, stars: int, when: str, text: str) -> str:
    return (f'<div class="review-card"><div class="head"><b class="name">{name}</b>'
            f'<span class="stars" aria-label="{stars} de 5 estrelas"></span></div>'
            f'<p class="text">{text}</p><small class="meta">Avaliado {when}</small></div>')


def test_brazilian_cards_dated_days_and_a_month_ago():
    body = ("<section class='reviews'>"
            + _card("Ana P.", 5, "2 dias atrás", "Chegou rápido e bem embalado, o produto é exatamente como na foto.")
            + _card("Carlos M.", 3, "um mês atrás", "Funciona, mas a bateria dura menos do que o anunciado pelo fabricante.")
            + "</section>")
    html = f"<html lang='pt-BR'><head><meta charset='utf-8'></head><body><h1>Produto</h1>{body}</body></html>"
    reviews = extract_reviews(html, "https://loja.example/p/1", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        ("Ana P.", 5.0, "2024-06-13"), ("Carlos M.", 3.0, MONTH)]


def test_a_dated_review_keeps_its_date_over_a_year_ago_in_its_text():
    card = ('<div class="review-card"><b class="name">Иван</b><span class="stars" aria-label="4 из 5"></span>'
            '<time datetime="2024-03-12">12 марта 2024</time>'
            '<p class="text">Купил год назад, до сих пор работает без нареканий, рекомендую.</p></div>')
    html = f"<html lang='ru'><head><meta charset='utf-8'></head><body><h1>Товар</h1>{card * 2}</body></html>"
    reviews = extract_reviews(html, "https://shop.example/p/1", now=NOW)["reviews"]
    assert reviews and all(r["published_at"] == "2024-03-12" and r["rating"] == 4.0 for r in reviews)
