"""Unrated, undated customer quotes are found by the names of their elements; those names in
Portuguese, Spanish, Polish, Dutch, Finnish, Swedish, Danish/Norwegian, Hungarian, Czech,
Ukrainian, Vietnamese, Indonesian and Korean transliterations count too ("opinia",
"avaliacao", "arvostelu", "ulasan", "hugi"...)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)
TEXTS = ["Obsługa na najwyższym poziomie, wszystko zostało zrobione szybko i porządnie.",
         "Polecam każdemu, świetny kontakt i bardzo dobre ceny za wykonaną usługę."]


@pytest.mark.parametrize("name", ["opinia", "opinie-klienta", "avaliacao", "valoracion", "arvostelu", "omdome",
                                  "anmeldelse", "ertekeles", "hodnoceni", "vidguk", "danh-gia", "ulasan",
                                  "hugi-item", "recensie"])
def test_quotes_in_elements_named_in_other_languages(name):
    quotes = "".join(f'<div class="{name}"><p>{t}</p><p class="podpis">{who}</p></div>'
                     for t, who in zip(TEXTS, ["Anna z Krakowa", "Piotr, Gdańsk"]))
    html = (f"<html lang='pl'><head><meta charset='utf-8'></head><body><h1>Firma</h1>"
            f"<section><h2>Klienci o nas</h2>{quotes}</section></body></html>")
    reviews = extract_reviews(html, "https://firma.example/", now=NOW)["reviews"]
    assert [r["body"] for r in reviews] == TEXTS
