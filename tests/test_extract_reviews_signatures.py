"""A testimonial signed on its last line with the signer's place: "Anna, Leeds", "Peter M.,
York, UK", "Anna from Leeds", "Jonas aus Köln", "Piotr z Gdańska": the name is the author,
the place no part of the text. Name particles ("Sanne de V.", "Maria da Silva") stay names."""
from __future__ import annotations

import pytest

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_bylines import signature_name

TEXTS = ["The team finished the kitchen on time and left everything spotless, highly recommended.",
         "Friendly, fast and fairly priced; we will hire them again for the bathroom next year."]


@pytest.mark.parametrize("signatures, names", [
    (("Anna, Leeds", "Peter, York"), ["Anna", "Peter"]),
    (("Anna K., Leeds", "Peter M., York, UK"), ["Anna K.", "Peter M."]),
    (("Anna Smith, Leeds", "Peter Jones, New York"), ["Anna Smith", "Peter Jones"]),
    (("Anna from Leeds", "Jonas aus Köln"), ["Anna", "Jonas"]),
    (("Sanne de V.", "Maria da Silva"), ["Sanne de V.", "Maria da Silva"]),
])
def test_signed_with_a_place(signatures, names):
    quotes = "".join(f'<div class="testimonial"><p>{t}</p><p class="sig">{s}</p></div>' for t, s in zip(TEXTS, signatures))
    html = (f"<html lang='en'><head><meta charset='utf-8'></head><body><h1>Firm</h1>"
            f"<section><h2>What clients say</h2>{quotes}</section></body></html>")
    reviews = extract_reviews(html, "https://firm.example/")["reviews"]
    assert [(r["author"], r["body"]) for r in reviews] == list(zip(names, TEXTS))


@pytest.mark.parametrize("text, name", [("Piotr, Gdańsk", "Piotr"), ("Jonas aus Köln", "Jonas"),
                                        ("Great, thanks", None), ("Sanne de V.", None), ("Anna", None)])
def test_signature_name(text, name):
    assert signature_name(text) == name
