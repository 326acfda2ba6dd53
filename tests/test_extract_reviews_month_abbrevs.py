"""Abbreviated month names found in text (with a year only: a short word alone may be no
month) in Polish, Russian, Ukrainian, Greek and Dutch, and Lithuanian's year-first dates."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import find_date_text, parse_date

NOW = datetime(2024, 6, 15, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, lang, day", [
    ("12 sty 2024", "pl", "2024-01-12"), ("12 paź 2023", "pl", "2023-10-12"), ("12 мар. 2024", "ru", "2024-03-12"),
    ("1 сент. 2023", "ru", "2023-09-01"), ("5 лист. 2023", "uk", "2023-11-05"), ("12 Μαρ 2024", "el", "2024-03-12"),
    ("3 Μαΐ 2024", "el", "2024-05-03"), ("12 mrt. 2024", "nl", "2024-03-12"),
    ("2024 m. kovo 12 d.", "lt", "2024-03-12"), ("2023 m. gruodžio 5 d.", "lt", "2023-12-05"),
])
def test_found_in_text_and_parsed(text, lang, day):
    assert find_date_text(f"Dodano {text} · 3 odpowiedzi") == text
    assert parse_date(text, now=NOW, lang=lang) == day


@pytest.mark.parametrize("text", ["Kupiłem 2 lis i jestem zadowolony", "Было 3 мар на складе"])
def test_no_date_from_a_short_word_without_a_year(text):
    assert find_date_text(text) is None


def test_russian_cards_dated_with_an_abbreviated_month():
    cards = "".join(
        f'<div class="feedback"><span class="feedback__name">{name}</span>'
        f'<span class="feedback__rating" aria-label="{stars} из 5"></span>'
        f'<span class="feedback__date">{day}</span><p class="feedback__text">{text}</p></div>'
        for name, stars, day, text in [("Ольга", 5, "12 мар. 2024", "Отличное качество, размер подошёл, доставка быстрая."),
                                       ("Сергей", 2, "3 февр. 2024", "Ткань тонкая, после стирки села, не рекомендую.")])
    html = f"<html lang='ru'><head><meta charset='utf-8'></head><body><h1>Товар</h1><div>{cards}</div></body></html>"
    reviews = extract_reviews(html, "https://shop.example/p/1", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        ("Ольга", 5.0, "2024-03-12"), ("Сергей", 2.0, "2024-02-03")]
