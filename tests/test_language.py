"""rivalscope.language.identify gives py3langid's answers (it only computes them faster), and
prefers the expected language over a close relative."""
from __future__ import annotations

import py3langid
import pytest

from rivalscope.language import identify

TEXTS = [
    "Setup took ten minutes and the dashboards were useful from day one.",
    "Die Einrichtung war in wenigen Minuten erledigt und der Support hat alle meine Fragen beantwortet.",
    "Le produit fonctionne bien mais le prix a beaucoup augmenté au renouvellement.",
    "¡Excelente! Lo recomiendo totalmente, el soporte respondió en veinte minutos.",
    "Het product werkt betrouwbaar, maar de prijs is na de verlenging flink gestegen.",
    "Prodotto affidabile, ma il prezzo è aumentato parecchio al rinnovo.",
    "Produkt działa dobrze, ale cena wzrosła po odnowieniu subskrypcji.",
    "短いテキスト日本語のレビューです。とても良い製品でした。",
    "Очень удобный сервис, пользуемся каждый день всей командой.",
    "",
    "1234 5678 !!!",
    "Mixed: great tool, sehr gut, très bien, muy bueno.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_answer_as_py3langid(text):
    assert identify(text) == py3langid.classify(text)[0]


def test_same_answers_on_generated_reviews():
    from perf.bench_analyze import generate

    texts = [r["body"] for r in generate(300, 7)]
    assert [identify(t) for t in texts] == [py3langid.classify(t)[0] for t in texts]


def test_expected_language_wins_over_a_close_relative_only():
    ru = "Разочарование. После последнего обновления приложение постоянно зависает, а поддержка не отвечает уже неделю."
    assert identify(ru) == "bg"  # py3langid's answer on its own
    assert identify(ru, "ru") == "ru"  # a Russian page: Russian
    de = "Die Einrichtung war in wenigen Minuten erledigt und der Support hat alle meine Fragen schnell beantwortet."
    assert identify(de, "en") == "de"  # a German review on an English page stays German
    assert identify(TEXTS[0], "de") == "en"
    assert identify(TEXTS[0], "xx") == "en"  # an unknown code changes nothing


def test_a_page_language_the_model_does_not_know_wins_narrow_calls():
    # py3langid knows no Uzbek: Uzbek reviews come out as Quechua, Swahili or Malay, narrowly
    uz = ("Yaxshi, lekin qimmat. Mahsulot yaxshi ishlaydi, lekin obunani yangilashda narx ancha oshdi. "
          "Kichik kompaniya uchun qimmat.")
    assert identify(uz) != "uz"
    assert identify(uz, "uz") == "uz"
    # a review in a language it knows stays in it on that page
    ru = "Хорошо, но дорого. Продукт работает стабильно, но при продлении подписки цена сильно выросла."
    assert identify(ru, "uz") == "ru"
    assert identify(TEXTS[0], "uz") == "en"
