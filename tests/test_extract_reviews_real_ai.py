"""Batch 40 of real pages (hosting, VPN, bank and finance review sites' home pages, 2018): a box
of aspect rows named for the review's rating, a title slot linking to the page of the thing
reviewed, a list that calls its reviews "responses", a thing's average beside its review count
in every card, a bare by-line name before "about <a>THING</a>", a bold lower-case name before
the place and date, the helpfulness question in a slot named "title", a Russian "read more":
the general rules they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_itempages import (item_page_title, list_reply_words, rating_named, vote_question)
from crawlers.extract.reviews_normalize import clean_text
from lxml import html as lxml_html

NOW = datetime(2018, 3, 20, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://reviews.example/", lang: str = "en") -> dict:
    html = f"<html lang='{lang}'><head><meta charset='utf-8'></head><body><h1>Latest reviews</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- a box of aspect rows named for the review's rating: no text of the review ---------------------

def _host_card(slug, host, name, title, score, aspects, text):
    rows = "".join(f'<li>{label} <strong class="fr">{v}</strong><div class="fr stars_holder">'
                   f'<div class="full-stars" style="width: {int(float(v) * 10)}%;"></div></div></li>'
                   for label, v in zip(("Reliability", "Pricing", "User Friendly", "Support", "Features"), aspects))
    return (f'<div class="review"><div class="row"><div class="col-xs-2"><a href="/hosts/{slug}/" title="{host}">'
            f'<img src="/img/avatars/happy.png" class="round-img" alt="{name}"></a></div><div class="col-xs-10">'
            f'<h3><a href="/hosts/{slug}/" title="{host}">{title}</a></h3>'
            f'<div class="date"><i>Mar. 1, 2018</i> | by {name} about <a href="/hosts/{slug}/"><strong>{host}</strong></a></div>'
            f'<div class="company-rating-with_details clearfix"><strong class="pull-right score-high">{score}</strong>'
            f'<div class="fr stars_holder"><div class="full-stars" style="width: {int(float(score) * 10)}%;"></div></div>'
            f'<div class="user_review_rating_preview clearfix"><ul class="user_review_rating_list">{rows}</ul></div></div>'
            f'</div></div><p>{text}</p><a href="/hosts/{slug}/" class="see-all-reviews">See all {host} Reviews</a></div>')


HOST_CARDS = (
    _host_card("alpha-host", "AlphaHost", "Ann Example", "Quick and friendly", "9.4", ("10", "8.0", "10", "10", "10"),
               "The control panel was easy to learn and the support team answered within minutes every time."),
    _host_card("beta-cloud", "BetaCloud", "Bob Sample", "Too many outages", "3.6", ("2.0", "4.0", "4.0", "4.0", "4.0"),
               "My shop went offline twice in one week and the refunds took a month to arrive, sadly."),
    _host_card("gamma-web", "GammaWeb", "Cleo Placeholder", "Fine for a blog", "8.0", ("8.0", "8.0", "8.0", "8.0", "8.0"),
               "A small blog runs well here; the price went up at renewal but the speed stayed good."))


def test_aspect_box_named_for_the_rating_is_no_text():
    out = _run('<div class="latest-user-reviews"><div class="holder">' + "".join(HOST_CARDS) + "</div></div>")
    reviews = out["reviews"]
    assert [r["body"][:24] for r in reviews] == ["The control panel was ea", "My shop went offline twi",
                                                  "A small blog runs well h"]
    assert [r["rating"] for r in reviews] == [4.7, 1.8, 4.0]
    assert [r["title"] for r in reviews] == ["Quick and friendly", "Too many outages", "Fine for a blog"]


def test_bare_byline_name_before_about_the_thing():
    reviews = _run('<div class="latest-user-reviews"><div class="holder">' + "".join(HOST_CARDS) + "</div></div>")["reviews"]
    assert [r["author"] for r in reviews] == ["Ann Example", "Bob Sample", "Cleo Placeholder"]
    assert [r["published_at"] for r in reviews] == ["2018-03-01"] * 3


def test_rating_named():
    assert rating_named("user_review_rating_preview clearfix")
    assert rating_named("review-score")
    assert not rating_named("review-content")
    assert not rating_named("review_text rating-5")


# -- a title slot linking to the reviewed thing's page, the text linking below it ------------------

def _bank_cell(slug, bank, name, place, date, width, rid, text, cut=True, yes=0):
    more = '...&nbsp;<span class="homepage-review-show">Подробнее</span>' if cut else ""
    return (f'<div class="homepage-review-cell"><div class="homepage-review-title"><a href="/banks/{slug}/reviews/">{bank}</a></div>'
            f'<div class="homepage-review-info"><b>{name}</b>, {place} {date} 12:10</div>'
            f'<div class="homepage-review-rate clearfix-block"><span class="stars"><span style="width: {width}%"></span></span></div>'
            f'<div class="homepage-review-desc"><a href="https://bank.example/banks/{slug}/reviews/{rid}/">{text}{more}</a></div>'
            f'<div class="homepage-review-quiz"><div class="homepage-review-quiz-title">Отзыв полезен?</div>'
            f'<a class="homepage-review-usefull yes" href="#" data-id="{rid}">Да</a><span id="useful{rid}">{yes}</span>'
            f'<a class="homepage-review-useless no" href="#" data-id="{rid}">Нет</a><span id="useles{rid}">0</span></div></div>')


BANK_CELLS = (
    _bank_cell("first-bank", "Первый Банк", "анна", "Самара", "19.03.2018", 80, "401",
               "Очередь двигалась быстро, менеджер всё объяснил про вклад и помог с приложением"),
    _bank_cell("second-bank", "Второй Банк", "Пётр! Петров", "Москва", "14.03.2018", 20, "402",
               "Карту перевыпускали три недели, на звонки отвечали одно и то же, больше сюда не приду"),
    _bank_cell("third-bank", "Третий Банк", "Ольга", "Россия", "12.03.2018", 100, "403", "всё понятно", cut=False, yes=2))


def _bank_page():
    return _run('<div class="homepage-columns-aside"><h2>Отзывы о банках</h2><div class="homepage-review clearfix-block">'
                + "".join(BANK_CELLS) + "</div></div>", url="https://bank.example/", lang="ru")


def test_title_slot_linking_to_the_thing_reviewed_is_no_title():
    reviews = _bank_page()["reviews"]
    assert [r["title"] for r in reviews] == [None, None, None]
    assert [r["rating"] for r in reviews] == [4.0, 1.0, 5.0]


def test_item_page_title():
    card = lxml_html.fromstring('<div><div class="t"><a href="/banks/x/reviews/">X Bank</a></div>'
                                '<a href="/banks/x/reviews/7/">A long text about the branch and its queue.</a></div>')
    assert item_page_title(card, card[0])
    own = lxml_html.fromstring('<div><h3><a href="/reviews/7/">Great</a></h3><a href="/reviews/7/vote">Yes</a></div>')
    assert not item_page_title(own, own[0])  # (a vote link under the review's own page carries no text)


def test_russian_read_more_is_no_text_and_no_name():
    reviews = _bank_page()["reviews"]
    assert reviews[0]["body"].endswith("с приложением...")
    assert "Подробнее" not in reviews[1]["body"]
    assert clean_text("Текст отзыва... Подробнее") == "Текст отзыва"  # (as "… Read more" goes, its ellipsis too)


def test_bold_name_before_place_and_date_however_written():
    reviews = _bank_page()["reviews"]
    assert [r["author"] for r in reviews] == ["анна", "Пётр! Петров", "Ольга"]
    assert [r["published_at"] for r in reviews] == ["2018-03-19", "2018-03-14", "2018-03-12"]


def test_helpfulness_question_is_no_title_nor_text():
    reviews = _bank_page()["reviews"]
    assert len(reviews) == 3
    assert reviews[2]["body"] == "всё понятно"
    assert vote_question("Отзыв полезен? Да 2 Нет 0") and vote_question("Was this review helpful?")
    assert not vote_question("Is it worth it? Yes, for a small shop.")


# -- a list calling its reviews "responses"; a thing's average beside its review count ------------

def _flow(slug, bank, stars, count, text, time):
    icons = "".join(f'<i class="star-{"on" if i < stars else "off"}-small"></i>' for i in range(5))
    return (f'<div class="response_flow__block"><div class="response_flow__image"><a href="/banks/{slug}/">'
            f'<img src="/logos/{slug}.png" /></a></div><div class="response_flow__data">'
            f'<div class="response_flow__name"><a href="/banks/{slug}/" class="black">{bank}</a></div>'
            f'<div class="response_flow__rating"><div class="stars">{icons}</div><em>{count}</em></div>'
            f'<div class="response_flow__text">{text}</div>'
            f'<div class="response_flow__meta">Сегодня в {time}</div></div></div>')


FLOWS = (_flow("north", "Северный Банк", 2, "41 отзыв", "Заявку на ипотеку смотрели шесть недель и в итоге попросили принести все справки заново", "11:05"),
         _flow("south", "Южный Банк", 1, "930 отзывов", "Банкомат у дома съел карту в пятницу, вернули её только в среду после трёх звонков", "10:40"),
         _flow("east", "Восточный Кредит", 3, "2215 отзывов", "Приложение удобное, переводы проходят сразу, но кешбэк начислили с опозданием на месяц", "09:12"))


def _flow_page():
    return _run('<h4>Последние отзывы</h4><div class="box"><div class="response_flow">' + "".join(FLOWS) + "</div></div>",
                url="https://banks.example/", lang="ru")


def test_list_of_responses_dates_its_reviews():
    reviews = _flow_page()["reviews"]
    assert [r["body"][:21] for r in reviews] == ["Заявку на ипотеку смо", "Банкомат у дома съел ", "Приложение удобное, п"]
    assert [r["published_at"] for r in reviews] == ["2018-03-20"] * 3


def test_list_reply_words():
    page = lxml_html.fromstring('<div class="response_flow"><div class="response_flow__block"><span class="d">x</span></div>'
                                '<div class="response_flow__block"><span class="d">y</span></div></div>')
    assert list_reply_words(page[0][0]) == {"response"}
    review = lxml_html.fromstring('<div class="reviews"><div class="review"><div class="review-reply"><span>z</span>'
                                  '</div></div><div class="review"></div></div>')
    assert list_reply_words(review[0][0][0]) == set()  # (an owner's reply inside one review)


def test_average_beside_review_count_is_no_rating_nor_title_and_its_name_no_author():
    reviews = _flow_page()["reviews"]
    assert [r["rating"] for r in reviews] == [None, None, None]
    assert [r["title"] for r in reviews] == [None, None, None]
    assert [r["author"] for r in reviews] == [None, None, None]
