"""Ratings written scale first ("5 üzerinden 4" in Turkish, "5-ből 4" in Hungarian, "5 में से 4"
in Hindi) and the Lithuanian and Thai words for "of" ("4 iš 5", "4 จาก 5"), in text and in a
widget's label."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_normalize import rating_from_text

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, rating", [
    ("5 üzerinden 4", 4.0), ("Ürün puanı: 5 üzerinden 4,5", 4.5), ("5-ből 4", 4.0), ("10-ből 8", 4.0),
    ("5 में से 3", 3.0), ("4 iš 5", 4.0), ("4 จาก 5 ดาว", 4.0),
])
def test_scale_first_and_more_of_words(text, rating):
    assert rating_from_text(text) == rating


@pytest.mark.parametrize("text", ["2015-ből 4", "5 üzerinden 7", "5 - 4"])
def test_no_rating_from_a_year_or_a_figure_over_its_scale(text):
    assert rating_from_text(text) is None


def test_turkish_star_widgets_labelled_scale_first():
    cards = "".join(
        f'<div class="comment"><span class="user">{name}</span>'
        f'<div class="stars" aria-label="5 üzerinden {stars} yıldız"></div>'
        f'<p class="comment-text">{text}</p><span class="date">12 Mart 2024</span></div>'
        for name, stars, text in [("Ayşe K.", 4, "Kargo hızlı geldi, ürün anlatıldığı gibi ve kaliteli."),
                                  ("Mehmet T.", 2, "Beden küçük geldi, iade süreci de biraz uzun sürdü.")])
    html = f"<html lang='tr'><head><meta charset='utf-8'></head><body><h1>Ürün</h1><div class='comments'>{cards}</div></body></html>"
    reviews = extract_reviews(html, "https://shop.example/urun/1", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        ("Ayşe K.", 4.0, "2024-03-12"), ("Mehmet T.", 2.0, "2024-03-12")]


@pytest.mark.parametrize("text, rating", [
    ("4 звёзды", 4.0), ("5 звёзд", 5.0), ("4 bintang", 4.0), ("4 ดาว", 4.0), ("4 نجوم", 4.0),
    ("4つ星", 4.0), ("별 4개", 4.0), ("3,5 звезды", 3.5),
])
def test_star_words_with_yo_and_in_more_languages(text, rating):
    """A figure and the word for stars: Russian spelt with "ё", Indonesian, Thai, Arabic,
    Japanese "つ星", and Korean's count of stars ("별 4개")."""
    assert rating_from_text(text) == rating
