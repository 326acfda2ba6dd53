"""Batch 48 of real pages (local business directories: a city guide's firm page, 2022, whose
reviews each show a long text twice, a cut preview with its "show all" toggle beside the full
text the toggle reveals; a map service's review card, 2024): the general rules they needed,
each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2022, 4, 18, 12, 0, tzinfo=timezone.utc)

TEXTS = [
    "The corner bakery bakes its rye bread before dawn and the queue on Saturdays is worth it, the staff keep it moving fast "
    "and there is always a free taste of the seed loaf while you wait.",
    "Friendly barber who remembered how I like the back trimmed after one visit, fair prices and the chairs are comfortable.",
    "The repair shop fixed my bicycle gears the same afternoon and explained what had gone wrong without any fuss at all.",
]
TEXTS_RU = [
    "Уютная пекарня у метро, хлеб всегда свежий, а по утрам очередь движется быстро, потому что работают сразу две кассы "
    "и продавцы успевают ещё и посоветовать что-нибудь к чаю.",
    "Хороший сервис по ремонту обуви, сделали набойки за полчаса и взяли недорого, буду обращаться ещё.",
    "Неплохая химчистка, но пальто вернули на день позже обещанного, хотя качество чистки хорошее.",
]


def _run(body: str, url: str = "https://city-guide.example/firm/1") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


def _cards(texts: list[str], toggle: str) -> str:
    out = []
    for i, t in enumerate(texts):
        if len(t) > 130:  # the long one: a cut preview (most of it) and the full text side by side
            cut_at = len(t) - 25
            text = (f'<div class="item__text-wrap is-collapsed"><div class="item__text item__text--preview">'
                    f'<p>{t[:cut_at].rstrip()}...</p><p><span class="item__expand">{toggle}</span></p></div>'
                    f'<div class="item__text item__text--full"><p>{t}</p></div></div>')
        else:
            text = f'<div class="item__text-wrap"><div class="item__text item__text--full"><p>{t}</p></div></div>'
        out.append(f'<li class="feed__item"><article class="item"><div class="item__author">'
                   f'<a class="name" href="/user{i}">user{i}</a><a class="date" href="/r/{i}">{10 + i}.04.2022</a></div>'
                   f'<div class="estimation estimation--{5 - i}">{"★" * (5 - i)}{"☆" * i}</div>{text}</article></li>')
    return '<section class="feed"><h2>Reviews</h2><ul class="feed__list">' + "".join(out) + "</ul></section>"


def test_full_text_beside_its_cut_preview_is_the_body():
    r = _run(_cards(TEXTS, "Show all"))
    assert len(r["reviews"]) == 3
    first = next(x for x in r["reviews"] if x["body"].startswith(TEXTS[0][:30]))
    assert first["body"] == TEXTS[0]
    assert first["rating"] == 5.0


def test_show_whole_toggle_in_russian():
    r = _run(_cards(TEXTS_RU, "Показать целиком"))
    assert len(r["reviews"]) == 3
    first = next(x for x in r["reviews"] if x["body"].startswith(TEXTS_RU[0][:30]))
    assert first["body"] == TEXTS_RU[0]


def test_preview_needs_the_full_texts_own_start():
    from crawlers.extract.reviews_fulltext import _preview_of
    full = TEXTS[0]
    assert _preview_of(full[:60] + "... Show all", full)
    assert _preview_of(full[:60] + "…", full)
    assert not _preview_of(full[:60], full)  # no cut mark: not a preview
    assert not _preview_of("Another opening line of some other review entirely...", full)
    assert not _preview_of(full[:10] + "...", full)  # too short to tell
