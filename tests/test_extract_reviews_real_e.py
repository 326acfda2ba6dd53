"""Review extraction: what real saved pages of batch 10 taught (a review-platform carousel
widget whose cards open their review in a pop-up when clicked, styled with SUIT-style
utility classes; measured with perf/eval_reviews.py on pages kept outside the repository,
see perf/realpages_sources.json). Each lesson is reproduced here on a small page written
for the test, not on the saved page."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)


def _card(name: str, stars: int, text: str, when: str, card_class: str, text_class: str) -> str:
    icons = '<i class="star-icon star--full"></i>' * stars + '<i class="star-icon star--empty"></i>' * (5 - stars)
    return (f'<div tabindex="0" class="{card_class}"><div class="card-inner"><div>'
            f'<div class="who">{name}</div>'
            f'<div class="stars" title="{stars} Stars"><div aria-hidden="true">{icons}</div></div></div>'
            f'<div class="badge"><div class="badge-text">Verified Customer</div></div>'
            f'<div class="{text_class}">{text}</div>'
            f'<div class="where">Leeds, United Kingdom, {when}</div></div></div>')


_TEXTS = [("Kim", 5, "Quick delivery and the parcel was packed with care, thank you.", "2 days ago"),
          ("Sam", 5, "Second order this year, same friendly service as the first time.", "1 week ago"),
          ("Lee", 4, "The blades arrived the next morning and the price beat every other shop.", "3 weeks ago")]


def test_cards_that_open_a_popup_are_the_reviews_not_copies_of_them():
    # every card is named for what it opens ("js-open-reviewModal"): it is no pop-up holding a
    # copy of the review, though every card repeats the same badge line and two the same rating
    cards = "".join(_card(n, s, t, w, "review-card js-open-reviewModal", "review-card__text") for n, s, t, w in _TEXTS)
    html = f'<html lang="en"><body><h2>What our customers say</h2><div class="carousel">{cards}</div></body></html>'
    out = extract_reviews(html, "https://shop.example/", now=NOW)
    got = [(r["author"], r["rating"], r["body"]) for r in out["reviews"]]
    assert got == [(n, float(s), t) for n, s, t, _ in _TEXTS]
    assert [r["published_at"] for r in out["reviews"]] == ["2024-05-30", "2024-05-25", "2024-05-11"]


def test_a_pop_up_box_itself_still_holds_a_copy():
    # a real pop-up ("review-modal") inside a card, repeating the card's text, is still a copy
    text = "The blades arrived the next morning and the price beat every other shop."
    card = _card("Lee", 4, text, "3 weeks ago", "review-card", "review-card__text")
    popup = (f'<div class="review-modal" hidden><div class="stars" title="4 Stars"><i class="star-icon star--full">'
             f'</i></div><div class="review-card__text">{text}</div></div>')
    other = _card("Kim", 5, _TEXTS[0][2], "2 days ago", "review-card", "review-card__text")
    html = (f'<html lang="en"><body><div class="list">{card[:-6]}{popup}</div>{other}</div></body></html>')
    out = extract_reviews(html, "https://shop.example/", now=NOW)
    assert [(r["author"], r["rating"]) for r in out["reviews"]] == [("Lee", 4.0), ("Kim", 5.0)]


def test_a_suit_utility_class_shared_with_the_card_makes_no_nested_reply():
    # the text element shares a "u-" utility class with its card ("u-textLeft--all"): a class
    # saying where it sits, not a nested card of the same kind (a reply)
    cards = "".join(_card(n, s, t, w, "review-item u-textLeft--all u-cursorPointer", "review-item--body u-textLeft--all")
                    for n, s, t, w in _TEXTS)
    html = f'<html lang="en"><body><div class="list">{cards}</div></body></html>'
    out = extract_reviews(html, "https://shop.example/", now=NOW)
    assert [(r["author"], r["rating"], r["body"]) for r in out["reviews"]] == [(n, float(s), t) for n, s, t, _ in _TEXTS]
