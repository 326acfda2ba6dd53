"""An owner's, seller's or host's answer under a review, labelled in the review's language
("Ответ продавца", "Réponse du propriétaire", "オーナーからの返信", "사장님 답글"…) on a line of its
own, the answer in the lines after it, in elements the site does not name as a reply: no part of
the review's text. A text that merely
opens with such words ("Company reply was slow…") stays the text."""
from __future__ import annotations

from datetime import datetime, timezone

import lxml.html
import pytest

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_lines import reply_label

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)
TEXT = "Quality is excellent and delivery was fast, I would order again without a doubt."
ANSWER = "Thank you very much for your kind words, we hope to see you again soon!"


@pytest.mark.parametrize("label", [
    "Ответ продавца", "Réponse du propriétaire", "Resposta da empresa", "Risposta del proprietario", "Svar från ägaren",
    "Odpowiedź sprzedawcy", "Satıcı yanıtı", "Відповідь власника", "Tulajdonos válasza", "Omistajan vastaus",
    "Phản hồi từ người bán", "オーナーからの返信", "商家回复", "사장님 답글", "תגובת הבעלים", "رد المالك",
    "Host response", "Antwort vom Verkäufer", "Respuesta del anfitrión",
])
def test_an_answer_labelled_in_the_reviews_language_is_no_text(label):
    cards = "".join(
        f'<div class="item"><span class="who">{name}</span><span class="stars" aria-label="{n} out of 5 stars"></span>'
        f'<div class="txt"><p>{TEXT}</p><p><b>{label}</b></p><p>{ANSWER}</p></div></div>'
        for name, n in [("Alex", 5), ("Sam", 4)])
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Item</h1><div class='items'>{cards}</div></body></html>"
    reviews = extract_reviews(html, "https://shop.example/i/1", now=NOW)["reviews"]
    assert [(r["rating"], r["body"]) for r in reviews] == [(5.0, TEXT), (4.0, TEXT)]


@pytest.mark.parametrize("text, label", [
    ("Ответ продавца", True), ("Ответ продавца:", True), ("Response from the owner 2 weeks ago", True),
    ("Company reply was slow and unhelpful", False), ("Ответ продавца пришёл быстро", False),
    ("Respuesta rápida y amable", False),
])
def test_a_label_is_short_and_alone(text, label):
    assert reply_label(lxml.html.fragment_fromstring(f"<b>{text}</b>")) is label
