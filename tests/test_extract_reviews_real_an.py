"""Batch 45 of real pages (marketplaces' seller feedback and peer ratings; the family gave only an
Etsy shop, so neighbouring service marketplaces' home pages of 2018 in Polish, German and
Spanish): a by-line that opens with the reviewer's name and a verb of reviewing before the link
to the professional reviewed ("NAME opina de <a>PRO</a>:"), and a page's aggregate printed with
the review count before the score ("9.766 opiniones … valoración media de 9,1 / 10"): the
general rules they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_bylines import verb_byline
from crawlers.extract.reviews_countfirst import count_first_aggregate
from lxml import html as lxml_html

NOW = datetime(2018, 3, 18, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://services.example/", lang: str = "en") -> dict:
    html = f"<html lang='{lang}'><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- "NAME <verb> <a>THING</a>:" as one bold line: the name opens it, the link is the thing --------

def _bubble(name, verb, slug, pro, text, width):
    return (f'<div class="col-md-4 fila"><div class="bubble"><p><b>{name} {verb} <a href="/pro-{slug}" '
            f'title="Pro: {pro}">{pro}</a>:</b><br/>{text}</p><div class="fila"><div class="rating-box right">'
            f'<div class="rating-e"></div><div class="rating-f" style="width:{width}%"></div></div></div></div>'
            f'<div class="avatar-box"><img class="avatar" src="/img/p/{slug}.jpg" alt="{name}"/></div></div>')


ES_BUBBLES = ('<div class="band"><h2>Lo que opinan los clientes</h2>'
              + _bubble("Lucía", "opina de", "101-casa-limpia", "Casa Limpia",
                        "Puntuales y muy cuidadosos con los muebles, repetiremos seguro.", "100.0")
              + _bubble("Tomás", "opina de", "102-pintor-x", "Pintores Norte",
                        "Buen trabajo aunque tardaron un día más de lo previsto.", "80.0")
              + _bubble("Elena Ruiz", "opina de", "103-mudanzas", "Mudanzas Sol",
                        "Todo llegó entero y a la hora acordada, gracias de verdad.", "100.0")
              + "</div>")


def test_name_and_verb_before_the_thing_give_the_author():
    reviews = _run(ES_BUBBLES, lang="es")["reviews"]
    assert [r["author"] for r in reviews] == ["Lucía", "Tomás", "Elena Ruiz"]
    assert [r["rating"] for r in reviews] == [5.0, 4.0, 5.0]
    assert [r["title"] for r in reviews] == [None, None, None]  # (the link names the professional)
    assert reviews[0]["body"] == "Puntuales y muy cuidadosos con los muebles, repetiremos seguro."


def test_name_and_verb_before_the_thing_in_english():
    body = ('<div class="band"><h2>What clients say</h2>'
            + _bubble("Maya", "says about", "201-fixit", "FixIt Crew",
                      "They replaced the boiler in one morning and left the room spotless.", "100.0")
            + _bubble("Owen Lake", "reviewed", "202-greenthumb", "Green Thumb",
                      "The hedges look great, though the invoice came later than promised.", "60.0")
            + "</div>")
    reviews = _run(body)["reviews"]
    assert [r["author"] for r in reviews] == ["Maya", "Owen Lake"]
    assert [r["rating"] for r in reviews] == [5.0, 3.0]


def test_verb_byline_reads_only_a_name_opening_its_line():
    doc = lxml_html.fromstring('<div><p><b>lo que opina de <a href="/x">Casa</a>:</b><br/>Texto largo de la opinión.</p></div>')
    assert verb_byline(doc, set()) is None  # (no name-shaped words before the verb)
    doc = lxml_html.fromstring('<div><p><b>Pedro opina de <a href="/x">Casa</a>:</b><br/>Texto.</p></div>')
    assert verb_byline(doc, set())[1] == "Pedro"
    doc = lxml_html.fromstring('<div><p><b>Pedro visitó <a href="/x">Casa</a>:</b><br/>Texto.</p></div>')
    assert verb_byline(doc, set()) is None  # (not a verb of reviewing)


# -- the count before the score: "9.766 opiniones … media de 9,1 / 10" ----------------------------

def test_count_before_the_score_in_a_heading_and_the_line_after():
    head = ('<div class="band"><h2 class="h2">Estamos orgullosos de las <span>9.766 opiniones</span> realizadas</h2>'
            '<p class="h5">con una valoración media de<span class="h3"> 9,1 / 10</span></p>')
    out = _run(head + ES_BUBBLES[len('<div class="band">'):], lang="es")
    assert out["aggregate"] == {"rating": 4.55, "count": 9766}
    assert len(out["reviews"]) == 3


def test_count_before_the_score_in_a_german_heading_and_line():
    body = ('<div class="band"><h3>312 Bewertungen</h3><p>Durchschnitt: 4,8 von 5 Sternen</p>'
            + ES_BUBBLES[len('<div class="band">'):])  # (the heading, the line and the reviews in one box)
    assert _run(body, lang="de")["aggregate"] == {"rating": 4.8, "count": 312}


def test_count_first_needs_a_stated_scale_and_stays_out_of_the_reviews():
    doc = lxml_html.fromstring('<div><h2>1,234 reviews</h2><p>Members since 2009, 4 offices</p></div>')
    assert count_first_aggregate(doc, set(), _NEVER) is None  # (a figure with no scale is no score)
    doc = lxml_html.fromstring('<div><div class="r"><p>3 reviews later it is still 8/10 for me</p></div></div>')
    assert count_first_aggregate(doc, {id(d) for d in doc.iter()}, _NEVER) is None  # (a review's own words)
    doc = lxml_html.fromstring('<div><h4>Más de 12 reseñas</h4><p>valoración 4,5 de 5</p></div>')
    assert count_first_aggregate(doc, set(), _NEVER) == {"rating": 4.5, "count": 12}


class _Never:
    @staticmethod
    def search(_text):
        return None


_NEVER = _Never()
