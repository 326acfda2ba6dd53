"""Rated cards with a price are products or tours on sale, not reviews, in any currency the
extractor meets: until 2026-12-08 only "$ € £ ¥" and "USD/EUR/GBP" counted, so a grid of
tours "990 ₽ per person" with their average stars came back as reviews."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_itemlines import CARD_PRICE

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)


def _page(body: str) -> str:
    return f"<html lang='ru'><head><meta charset='utf-8'></head><body><h1>Экскурсии</h1>{body}</body></html>"


def _tour(name: str, stars: int, count: int, hours: int, price: str) -> str:
    return (f'<div class="activity"><div class="time-box">{hours} часа</div>'
            f'<a class="activity-title" href="/tours/{count}"><div class="tour-name">{name}</div>'
            f'<div class="stars r{stars}"></div><span class="reviews">{count} отзывов</span>'
            f'<div class="price">{price} за человека</div></a></div>')


def test_rated_tour_cards_with_rouble_prices_are_no_reviews():
    body = ('<div class="activities">'
            + _tour("Вечерняя автобусная экскурсия по городу", 4, 56, 3, "990 ₽")
            + _tour("Прогулка на теплоходе по реке", 5, 120, 2, "500 ₽")
            + _tour("Пешеходная экскурсия по старому центру", 4, 31, 3, "2970 ₽")
            + "</div>")
    assert extract_reviews(_page(body), "https://tours.example/", now=NOW)["reviews"] == []


@pytest.mark.parametrize("text", ["990 ₽ за человека", "от 1 200 руб за билет", "₹499 only", "25 zł za osobę",
                                  "R$ 89,90", "129 kr", "₺350", "Добавить в корзину", "Add to basket"])
def test_card_prices_in_other_currencies(text):
    assert CARD_PRICE.search(text)


@pytest.mark.parametrize("text", ["I am 6 ft tall and it fits", "Rated 4 of 5 after 3 weeks",
                                  "Great value for the price", "Arrived in 2 days"])
def test_a_review_mentioning_sizes_or_value_is_no_price(text):
    assert not CARD_PRICE.search(text)
