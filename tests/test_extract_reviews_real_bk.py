"""Batch 68 of real pages (European shop- and company-review platforms: a price-comparison
site's verified shop reviews, two shops' first pages): the general rules they needed, each on
synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2025, 3, 2, 13, 0)


def _card(i: int, name: str, when: str, verdict: str, score: int, *, fact: str = "", pros=(), cons=(),
          summary: str = "", percent_text: bool = True) -> str:
    """A shop review as a verified-reviews service prints it: a badge and the name in one line,
    a date line, the reviewer's recommendation as a badge, a score out of ten shown as a per cent,
    an optional fact of the order, the pros and cons lists and a summary after them."""
    lists = ""
    if pros or cons:
        lists = '<div class="c-post__attributes">'
        for kind, items in (("pros", pros), ("cons", cons)):
            if items:
                lists += (f'<ul class="c-attributes-list c-attributes-list--{kind}">'
                          + "".join(f'<li class="c-attributes-list__item">{t}</li>' for t in items) + "</ul>")
        lists += "</div>"
    shown = f'<span class="c-rating-widget__value">{score * 10} %</span>' if percent_text else ""
    return (f'<li class="c-box-list__item c-post" id="id-{i}"><div class="c-post__header">'
            f'<svg class="c-post__avatar e-icon" aria-hidden="true"><use href="#avatar"></use></svg>'
            f'<div class="c-post__basic-info"><p class="c-post__author">Ověřený zákazník&nbsp;{name}'
            f'<svg class="e-icon" aria-hidden="true"><use href="#check"></use></svg></p>'
            f'<p class="c-post__time-shop"><time class="c-post__publish-time" datetime="{when}">Přidáno před 3 hodinami'
            f'</time></p></div></div><div class="c-post__content"><div class="c-post__further-info">'
            f'<p class="c-post__recommendation">{verdict}</p>'
            f'<p class="c-rating-widget" data-rating="{score}">{shown}<svg class="c-rating" aria-hidden="true"><g>'
            f'<rect class="c-rating__backdrop" width="100%" height="100%" />'
            f'<rect class="c-rating__value" width="{score * 10}%" height="100%" /></g></svg></p>'
            + (f'<p>Zásilka přišla za <span class="c-post__delivery-time">{fact}</span></p>' if fact else "")
            + f'</div>{lists}'
            + (f'<p class="c-post__summary">{summary}</p>' if summary else "") + "</div></li>")


def _run(cards: list[str]) -> list[dict]:
    html = ('<html lang="cs"><head><meta charset="utf-8"></head><body><main><h1>Recenze obchodu</h1>'
            '<ul class="c-box-list js-pagination__content">' + "".join(cards) + "</ul></main></body></html>")
    return extract_reviews(html, "https://shops.example/obchod/recenze", now=NOW)["reviews"]


def test_a_verified_customer_badge_before_the_name_is_no_part_of_it_and_alone_it_names_nobody():
    """"Ověřený zákazník NAME" in the name's slot is the badge and the name; the slot holding the
    badge alone means the reviewer gave no name: no other line of the card (a capitalised pro, the
    date line's "Přidáno") is taken for one."""
    reviews = _run([
        _card(1, "Lucie", "2025-03-02 10:00:00", "Doporučuje obchod", 10, summary="Objednávka byla hotová za den."),
        _card(2, "", "2025-03-02 09:00:00", "Doporučuje obchod", 10, pros=["Ochotná Infolinka"]),
        _card(3, "Radek K", "2025-03-01 08:00:00", "Doporučuje obchod", 8, summary="Dobré ceny, pomalejší výdej."),
    ])
    assert [r["author"] for r in reviews] == ["Lucie", None, "Radek K"]
    assert [r["body"] for r in reviews] == ["Objednávka byla hotová za den.", "Ochotná Infolinka",
                                            "Dobré ceny, pomalejší výdej."]


def test_a_date_line_opening_with_the_czech_verb_added_names_nobody():
    """A card with no name's slot and a date line "Přidáno před 2 dny" ("added two days ago"):
    "Přidáno" is the line's verb, no name."""
    card = ('<div class="review"><div class="stars" data-rating="4"></div>'
            '<p class="when">Přidáno před 2 dny</p><p class="text">Dodávka dorazila celá a včas, díky.</p></div>')
    html = ('<html lang="cs"><body><h1>Recenze</h1>' + card * 2
            + card.replace("včas, díky", "bez škrábanců") + "</body></html>")
    reviews = extract_reviews(html, "https://shops.example/r", now=NOW)["reviews"]
    assert len(reviews) == 3 and all(r["author"] is None for r in reviews)
    assert reviews[0]["published_at"] == "2025-02-28"


def test_a_bare_data_rating_shown_as_a_per_cent_is_out_of_ten():
    """data-rating="2" with no scale stated is 2 of 5 on most sites; shown as "20 %" (or drawn as a
    lit bar 20% wide) it is 2 of 10: 1.0. Values above 5 were already read out of ten."""
    reviews = _run([
        _card(1, "Petra", "2025-03-02 10:00:00", "Nedoporučuje obchod", 2, cons=["Balík ležel týden na skladu."]),
        _card(2, "Ivo", "2025-03-02 09:00:00", "Nedoporučuje obchod", 3, cons=["Nikdo nebral telefon."],
              percent_text=False),
        _card(3, "Olga", "2025-03-01 08:00:00", "Doporučuje obchod", 8, pros=["Pěkně zabaleno."]),
    ])
    assert [r["rating"] for r in reviews] == [1.0, 1.5, 4.0]


def test_the_recommendation_badge_and_a_fact_filled_into_a_fixed_sentence_are_no_part_of_the_text():
    """The reviewer's recommendation as a badge (an element named for it) and a fixed sentence with
    a classed value slot ("Zásilka přišla za <span class=…delivery-time>2 dny</span>") are the
    site's record of the reviewer's answers: the text is the pros and cons alone."""
    reviews = _run([
        _card(1, "Marta", "2025-03-02 10:00:00", "Doporučuje obchod", 10, fact="2 dny",
              pros=["velká nabídka", "slušné ceny"]),
        _card(2, "Emil", "2025-03-02 09:00:00", "Nedoporučuje obchod", 2, fact="9 dní",
              cons=["zboží přišlo rozbité a reklamace trvala měsíc"]),
        _card(3, "Dana", "2025-03-01 08:00:00", "Doporučuje obchod", 9, pros=["rychlá odpověď"]),
    ])
    assert [r["body"] for r in reviews] == ["velká nabídka slušné ceny",
                                            "zboží přišlo rozbité a reklamace trvala měsíc", "rychlá odpověď"]
    assert all(r["title"] is None for r in reviews)


def test_a_line_named_summary_after_the_pros_and_cons_ends_the_text_and_is_no_title():
    """A line the site names "summary" printed below the pros and cons is the text's last part;
    a card with the summary alone has it as its text; a heading above a text stays its title."""
    reviews = _run([
        _card(1, "Jiří", "2025-03-02 10:00:00", "Doporučuje obchod", 7, pros=["dostupná výdejna"],
              cons=["drahé dopravné"], summary="Jinak spokojenost."),
        _card(2, "Věra", "2025-03-02 09:00:00", "Doporučuje obchod", 10, summary="Nakupuji tu opakovaně."),
        _card(3, "Aleš", "2025-03-01 08:00:00", "Doporučuje obchod", 10, pros=["pohodlné placení"],
              summary="Bez výhrad."),
    ])
    assert [(r["title"], r["body"]) for r in reviews] == [
        (None, "dostupná výdejna drahé dopravné Jinak spokojenost."), (None, "Nakupuji tu opakovaně."),
        (None, "pohodlné placení Bez výhrad.")]
    titled = ('<div class="review"><span class="stars" data-rating="5"></span><h3 class="review-title">{}</h3>'
              '<p class="review-text">{}</p><span class="by">{}</span></div>')
    html = '<html lang="cs"><body><h1>Recenze</h1>' + "".join(titled.format(*t) for t in [
        ("Skvělé", "Přišlo to druhý den ráno a vše sedí.", "Jana"), ("Dobrý výběr", "Našel jsem vše, co jsem hledal.", "Ota"),
        ("Rychle", "Výdejna byla hned za rohem a bez fronty.", "Eva")]) + "</body></html>"
    got = extract_reviews(html, "https://shops.example/r", now=NOW)["reviews"]
    assert [(r["title"], r["body"]) for r in got][:1] == [("Skvělé", "Přišlo to druhý den ráno a vše sedí.")]
