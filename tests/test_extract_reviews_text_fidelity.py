"""Review texts are kept as the page shows them: Unicode NFC, whitespace collapsed, nothing
else. Until 2026-12-08 they were NFKC, which rewrote Chinese and Japanese full-width
punctuation ("，" "！" "（"), split Thai's SARA AM, turned Korean compatibility jamo ("ㅋㅋ")
into conjoining ones and "™" into "TM": the stored text then differed from the page, and a
search for the word as typed missed it. (Identity and edit detection still compare NFKC
forms, rivalscope/store/save.py, so a review stored before is neither new nor edited.)"""
from __future__ import annotations

import unicodedata
from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_normalize import clean_text

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize("text", [
    "服務很好，上菜也快！下次還會再來（推薦）",  # full-width punctuation
    "อร่อยมาก น้ำซุปเข้มข้น",  # Thai SARA AM (NFKC decomposes it)
    "배송 빨라요 ㅋㅋ 만족합니다 ㅠㅠ",  # Korean compatibility jamo
    "Works with Acme™ Cloud, ½ the price",  # trademark sign, a vulgar fraction
    "ｶﾀｶﾅ and ２０２４年",  # half-width katakana, full-width digits: as typed
])
def test_clean_text_keeps_the_characters_the_page_shows(text):
    assert clean_text(f"  {text}\u00a0\u3000 ") == text


def test_clean_text_composes_and_collapses_spaces():
    """NFC joins a letter and its combining accent; no-break and ideographic spaces collapse."""
    assert clean_text("Cafe\u0301\u00a0bien\u3000placé") == "Café bien placé"


def _card(name: str, stars: int, title: str, text: str, day: str) -> str:
    return (f'<div class="review"><span class="author">{name}</span>'
            f'<span class="rating" aria-label="{stars} out of 5 stars"></span>'
            f'<h3 class="review-title">{title}</h3><p class="review-text">{text}</p>'
            f'<time datetime="{day}">{day}</time></div>')


def test_titles_and_texts_keep_full_width_punctuation_and_thai():
    body = ('<section class="reviews">'
            + _card("陳小姐", 5, "超好吃！一定要再來", "湯頭很濃，服務生也很親切（推薦）。", "2024-05-01")
            + _card("สมชาย", 4, "น้ำซุปดี", "อร่อยมาก น้ำซุปเข้มข้น แต่รอนานหน่อย", "2024-05-02")
            + _card("민수", 3, "그냥 그래요 ㅠㅠ", "배송은 빨라요 ㅋㅋ 그런데 포장이 아쉬워요", "2024-05-03")
            + "</section>")
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Shop</h1>{body}</body></html>"
    reviews = extract_reviews(html, "https://shop.example/item/1", now=NOW)["reviews"]
    assert [(r["title"], r["body"], r["rating"]) for r in reviews] == [
        ("超好吃！一定要再來", "湯頭很濃，服務生也很親切（推薦）。", 5.0),
        ("น้ำซุปดี", "อร่อยมาก น้ำซุปเข้มข้น แต่รอนานหน่อย", 4.0),
        ("그냥 그래요 ㅠㅠ", "배송은 빨라요 ㅋㅋ 그런데 포장이 아쉬워요", 3.0)]
    assert all(unicodedata.is_normalized("NFC", r["body"]) for r in reviews)


def test_a_full_width_bracketed_year_after_a_works_name_is_no_title():
    """"NAME（2017年製作の映画）" beside the work's poster names the film reviewed, as
    "NAME (2017 film)" does: with the text no longer NFKC, the full-width brackets count too."""
    from crawlers.extract.reviews_parts import _YEAR_AFTER

    assert _YEAR_AFTER.search("作品名（2017年製作の映画）")
    assert _YEAR_AFTER.search("Heat (1995)")
    assert not _YEAR_AFTER.search("作品名（続編）")
