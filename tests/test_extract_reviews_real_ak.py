"""Batch 42 of real pages (travel beyond hotels: airline, excursion, travel-community and airline
directory home pages, 2018): a verification stamp heading the text ("✅ Trip Verified | "), a
Russian "more" toggle between a cut text and its hidden rest, a date printed inside the stars'
row, the last day of a trip's span of days in the tour's name, a wrapper named both for the
name and the text, the name of the spot reviewed and its area, table rows left open so a parser
nests each in the one before: the general rules they needed, each on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lxml import html as lxml_html

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import no_stamp
from crawlers.extract.reviews_rows import lift_stray_rows
from crawlers.extract.reviews_verified import without_stamp

NOW = datetime(2018, 3, 20, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://travel.example/", lang: str = "en", now=NOW) -> dict:
    html = f"<html lang='{lang}'><head><meta charset='utf-8'></head><body><h1>Latest reviews</h1>{body}</body></html>"
    return extract_reviews(html, url, now=now)


# -- a verification stamp heading the text, set off by a bar --------------------------------------

def _flight_card(score, slug, name, stamp, text, count=None, photo=False):
    counted = f'<span class="review-count">{count} Reviews</span>' if count else ""
    pic = (f'<div class="large_review_img"><img src="/img/placeholder.gif" data-src="/img/{slug}.jpeg" alt=""/>'
           f'<button class="close" >Close</button></div>') if photo else ""
    return (f'<li><article class="comp comp_media-review-rated list-item media"><div class="rating-10">{score}/10</div>'
            f'<div class="body"><h2 class="text_header"><a href="/airline-reviews/{slug}">{name}{counted}</a></h2>{pic}'
            f'<div class="text_content toggleEx active">{stamp} | {text}&hellip;&nbsp;'
            f'<a href="/airline-reviews/{slug}/">Read more</a></div></div></article></li>')


def test_verification_stamp_before_a_bar_is_no_text():
    cards = (_flight_card(2, "north-air", "North Air", "&#9989; Trip Verified",
                          "Oslo to Rome. The crew lost our pushchair and nobody at the desk could say where it went"),
             _flight_card(9, "south-air", "South Air", "&#10062; Not Verified",
                          "Lima to Quito in economy. Friendly crew, a warm meal and we landed twenty minutes early"),
             _flight_card(5, "east-air", "East Air", "&#9989; Trip Verified",
                          "Cairo to Athens. The seat would not recline and the screen froze, but the tea was good"))
    reviews = _run('<section class="latest-reviews-block"><ul class="items">' + "".join(cards) + "</ul></section>")["reviews"]
    assert [r["body"][:20] for r in reviews] == ["Oslo to Rome. The cr", "Lima to Quito in eco", "Cairo to Athens. The"]
    assert [r["rating"] for r in reviews] == [1.0, 4.5, 2.5]


def test_heading_with_the_things_review_count_is_no_title_and_a_button_no_name():
    cards = (_flight_card(2, "north-air", "North Air", "&#9989; Trip Verified",
                          "Oslo to Rome. The crew lost our pushchair and nobody at the desk could say where it went", 719),
             _flight_card(9, "south-port", "South Airport", "&#10062; Not Verified",
                          "The queue at security took ten minutes and the lounge had plenty of seats and food", 1163, True),
             _flight_card(5, "east-air", "East Air", "&#9989; Trip Verified",
                          "Cairo to Athens. The seat would not recline and the screen froze, but the tea was good", 12))
    reviews = _run('<section class="latest-reviews-block"><ul class="items">' + "".join(cards) + "</ul></section>")["reviews"]
    assert [r["title"] for r in reviews] == [None, None, None]
    assert [r["author"] for r in reviews] == [None, None, None]
    assert [r["rating"] for r in reviews] == [1.0, 4.5, 2.5]


def test_without_stamp():
    assert without_stamp("✅ Trip Verified | Oslo to Rome, a long delay at the gate") == "Oslo to Rome, a long delay at the gate"
    assert without_stamp("Verified Purchase | fits well and the colour is as shown") == "fits well and the colour is as shown"
    # a text whose first part before a bar is words of its own stays whole
    assert without_stamp("Great trip | would book again with this guide") == "Great trip | would book again with this guide"
    assert without_stamp("✅ Verified | short") == "✅ Verified | short"


# -- a Russian "more" toggle between a cut text and its hidden rest; a date in the stars' row -------

def _tour_review(name, tour, when, part, rest=None):
    more = f' <a class=expand-review href="#"> еще </a> <span class=hide> {rest} </span>' if rest else ""
    return (f'<div class="reviews span4"> <div class="user-name review-text"> <div class=userdata> '
            f'<span class=username>{name}</span>, <span title="{tour}"> {tour} </span> </div> '
            f'<div class="stars r5"> <span class=star></span> <span class=star></span> <span class=star></span> '
            f'<span class=star></span> <span class=star></span> <span class=date>{when}</span> </div> '
            f'<div class=review-content> <p> <span class=review-part> {part} </span>{more} </p> </div> </div> </div> ')


TOURS = (
    _tour_review("Иван П.", "Прогулка по набережной", "3 дня назад",
                 "Гид рассказывал живо и понятно, маршрут удобный, погода подвела, но мы не замёрзли,...",
                 ("потому что нас водили греться в кафе по пути, а потом показали старый маяк и рассказали о нём "
                 "много интересного, о чём не пишут в путеводителях. Всем советуем эту прогулку!")),
    _tour_review("Мария", "Экскурсия по крышам на 8-11 марта!", "5 дней назад", "Очень понравилось, спасибо!"),
    _tour_review("Олег К.", "Ночной город", "9 дней назад", "Всё отлично, спасибо гиду!"))


def _tour_page():
    return _run('<div class="carousel slide"><div class="carousel-inner"><div class="item active"><div class=row> '
                + "".join(TOURS) + "</div></div></div></div>", lang="ru")["reviews"]


def test_russian_more_toggle_between_a_cut_text_and_its_hidden_rest():
    reviews = _tour_page()
    body = reviews[0]["body"]
    assert body.startswith("Гид рассказывал живо") and body.endswith("Всем советуем эту прогулку!")
    assert "еще" not in body


def test_date_in_the_stars_row():
    reviews = _tour_page()
    day = lambda n: (NOW - timedelta(days=n)).strftime("%Y-%m-%d")
    assert [r["published_at"] for r in reviews] == [day(3), day(5), day(9)]


def test_last_day_of_a_span_of_days_is_no_stamp():
    assert no_stamp("Экскурсия по крышам на 8-11 марта!", "11 марта")
    assert no_stamp("stayed 3–5 May 2019", "5 May 2019")
    assert not no_stamp("posted 11 March 2018", "11 March 2018")
    assert not no_stamp("2018-03-11", "2018-03-11")


def test_wrapper_named_for_the_name_and_the_text_keeps_the_name_line_out():
    reviews = _tour_page()
    assert [r["author"] for r in reviews] == ["Иван П.", "Мария", "Олег К."]
    assert [r["body"] for r in reviews[1:]] == ["Очень понравилось, спасибо!", "Всё отлично, спасибо гиду!"]


# -- the name of the spot reviewed and its area: neither the writer nor the text ---------------------

def _tip(path, headline, score, kind, spot, area):
    return (f'<li class="group link_normal" onclick="location.href=\'/area/{path}/tips/\';return false;"><dl>'
            f'<dt class="ttl"><a href="/area/{path}/tips/">{headline}</a></dt>'
            f'<dd><span class="star{score.replace(".", "")}_s">{score}</span></dd>'
            f'<dd class="spot_{kind}_s spot_name">{spot}</dd><dd class="area">{area}</dd></dl>'
            f'<div><p><img src="/img/{path}.jpg" alt="{headline}" width="100" height="100" /></p></div></li>')


def test_spot_name_and_area_are_no_author_and_no_text():
    tips = (_tip("a1", "混雑", "3.5", "market", "中央市場 北口", "港町（駅前・中央）／北県"),
            _tip("a2", "ランチがおすすめ！", "4.0", "restaurant", "海の食堂 本店", "山町／西県"),
            _tip("a3", "わかりやすい駅", "4.5", "transport", "南駅", "川町／東県"))
    reviews = _run('<div class="tips_new"><h3>新着クチコミ</h3><ul>' + "".join(tips) + "</ul></div>", lang="ja")["reviews"]
    assert [r["body"] for r in reviews] == ["混雑", "ランチがおすすめ！", "わかりやすい駅"]
    assert [r["rating"] for r in reviews] == [3.5, 4.0, 4.5]
    assert [r["author"] for r in reviews] == [None, None, None]


# -- table rows left open: a parser nests each in the one before ------------------------------------

def _report_row(slug, title, date, name, text):
    return (f'<tr><td class="ie"><a href="/reports/{slug}.html"><img width="200" src="/img/{slug}.jpg" alt="{title}" /></a>'
            f'<div class="message_obzor_main"><h4><a href="/reports/{slug}.html">{title}</a></h4>'
            f'<div class="obzor_data"><span class="message_date">{date}</span> '
            f'<a class="message_reg" href="/user/{slug}">{name}</a></div> '
            f'<span style="font-size: 11px;"> {text} ...<a href="/reports/{slug}.html">&gt;&gt;&gt;</a></span>\n')


def test_rows_left_open_are_read_apart():
    rows = (_report_row("r1", "Первый рейс на новом самолёте", "16.03.2018", "Пётр Примеров",
                        "Добрый день! Вчера в нашем аэропорту впервые приземлился новый лайнер, рассказываю как это было"),
            _report_row("r2", "Москва - Рига: короткий перелёт", "12.03.2018", "Анна Образцова",
                        "Всем привет. Снова пишу про перелёт, на этот раз короткий: посадка прошла быстро, кормили"),
            _report_row("r3", "Ночной рейс на юг", "09.03.2018", "Семён Тестов",
                        "Летели ночью, в салоне было прохладно, пледы раздали сразу после взлёта, экипаж вежливый"))
    reviews = _run('<div class="block"><h2>Обзоры полетов</h2><table class="spisok-obzor"><tbody>' + "".join(rows)
                   + "</tbody></table></div>", lang="ru")["reviews"]
    assert [r["author"] for r in reviews] == ["Пётр Примеров", "Анна Образцова", "Семён Тестов"]
    assert [r["published_at"] for r in reviews] == ["2018-03-16", "2018-03-12", "2018-03-09"]
    assert reviews[0]["body"].startswith("Добрый день!") and "Всем привет" not in reviews[0]["body"]
    assert all(">>>" not in r["body"] for r in reviews)  # (the arrows linking to the whole report: its "more")


# -- a place line whose class also says "reviewer": the place visited, not the writer ----------------

def _day_card(slug, place, name, score, text):
    return (f'<div class="first-reviewer"><div class="media"><a href="/travellers/{slug}" class="img">'
            f'<img src="/img/{slug}.jpg" alt="{name}" width="50" height="50"/></a><div class="bd">'
            f'<a href="/destinations/{slug}/" class="reviewerplace-of-visit">{place}</a>'
            f'<span class="reviewer-posted-on">posted by <a href="/travellers/{slug}">{name}</a></span>'
            f'<span class="hiq-reviewer-user-rating">user rating: {score}/7</span> </div></div>'
            f'<div class="media"><p class="open-quotes">&ldquo;</p><div class="bd"><span class="review-details">{text}</span>'
            f'<p class="close-quotes">&rdquo;</p></div></div><a href="/reviews/{slug}.html" class="read-full-review">'
            f'Read full review &rsaquo;</a></div>')


def test_place_of_visit_is_no_name():
    cards = (_day_card("hill-town", "Hill Town, North State", "Asha", "7.00",
                       "A quiet town with tea gardens all around, cool evenings and friendly people at the market..."),
             _day_card("river-city", "River City, East State", "ravi", "6.50",
                       "The river front is lovely at sunset and the old fort is worth a morning, the food stalls too..."))
    reviews = _run('<div class="hiq-reviews-day"><div class="h3-home">Reviews of the Day</div>' + "".join(cards) + "</div>")["reviews"]
    assert [r["author"] for r in reviews] == ["Asha", "ravi"]
    assert [r["rating"] for r in reviews] == [5.0, 4.64]


def test_lift_stray_rows():
    root = lxml_html.document_fromstring("<table><tr><td><div>one<tr><td><div>two<tr><td>three</td></tr></div></td></tr>"
                                         "</div></td></tr></table>")
    lift_stray_rows(root)
    rows = root.xpath("//tr")
    assert [r.getparent().tag for r in rows] == ["tbody"] * 3 or [r.getparent().tag for r in rows] == ["table"] * 3
    assert [r.text_content() for r in rows] == ["one", "two", "three"]
    # a row of a table nested in a cell stays in its own table
    root = lxml_html.document_fromstring("<table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>")
    lift_stray_rows(root)
    assert [len(t.xpath("./tr|./tbody/tr")) for t in root.xpath("//table")] == [1, 1]
