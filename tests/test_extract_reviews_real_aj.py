"""Batch 41 of real pages (restaurant, food-delivery and table-booking review sites: home-page feeds
of review teasers, a booking site's latest guest reviews, a lone "most recent review" widget, a
top-list card with a featured review): a feed of cards linking each to one review's page with
nothing else to anchor them, a Chinese "today" running into a sentence, Czech "minutes ago", a
name after the date stamp, a name ending in a full-width colon or decorated with tildes, a
picture's caption longer than the teaser, a review box's footer row named for the review, the
call to write a review, the text's short twin above the text, a slot named for the restaurant's
name, a Portuguese "read more": the general rules they needed, each on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import find_date_text, parse_date
from crawlers.extract.reviews_linkcards import review_href
from crawlers.extract.reviews_normalize import clean_text
from crawlers.extract.reviews_parts import write_review_line

NOW = datetime(2018, 3, 20, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://food.example/", lang: str = "en") -> dict:
    html = f"<html lang='{lang}'><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- a feed of cards, each linking to one review's own page, no figure, date or review class --------

def _feed_card(cid, title, user, name, text, picture=None):
    pic = (f'<div class="pframe"><a href="/comment/{cid}"><img src="/p/{cid}.jpg" alt="x"><span>{picture}</span></a></div>'
           if picture else "")
    return (f'<div class="">{pic}<article><header><h4><a href="/comment/{cid}" class="ga">{title}</a></h4></header>'
            f'<p><a href="/home/{user}" class="author ga">{name}：</a> {text}</p></article></div>')


FEED = ('<section class="tab"><div id="t1" class="tab-content"><div class="lower">'
        + _feed_card(101, "窗邊的午後甜點", "u1", "小明同學", "這家店的鬆餅外酥內軟，奶油也不會太甜，下午茶時段人很多...")
        + _feed_card(102, "湯頭濃郁的拉麵", "u2", "~阿華~", "排隊半小時才吃到，叉燒很入味，麵條偏硬剛好...")
        + _feed_card(103, "適合聚餐的火鍋", "u3", "食記達人", "服務生很親切，肉品新鮮...", picture="某某火鍋 / 信義分店 中山路")
        + '</div></div></section>')


def test_cards_linking_to_their_review_pages_are_reviews():
    reviews = _run(FEED, lang="zh-TW")["reviews"]
    assert [r["title"] for r in reviews] == ["窗邊的午後甜點", "湯頭濃郁的拉麵", "適合聚餐的火鍋"]
    assert [r["rating"] for r in reviews] == [None, None, None]


def test_name_before_a_full_width_colon_and_one_with_tildes():
    reviews = _run(FEED, lang="zh-TW")["reviews"]
    assert [r["author"] for r in reviews] == ["小明同學", "~阿華~", "食記達人"]


def test_a_picture_caption_is_no_text():
    reviews = _run(FEED, lang="zh-TW")["reviews"]
    assert reviews[2]["body"] == "服務生很親切，肉品新鮮..."


def test_review_href():
    assert review_href("/comment/1234567") == "/comment/1234567"
    assert review_href("https://www.example.ru/msk/opinions/?tid=2700001") == "/msk/opinions/?tid=2700001"
    assert review_href("/place-x/hodnoceni/400123/") == "/place-x/hodnoceni/400123/"
    assert review_href("/comments/") is None and review_href("/blog/post-7#comments") is None


def test_no_cards_without_review_links():
    body = "".join(f'<div class="post"><h4><a href="/news/{i}">Headline {i}</a></h4>'
                   f'<p><a href="/home/u{i}" class="author">Writer {i}：</a> A long enough teaser of the news item {i}.</p></div>'
                   for i in range(3))
    assert _run(body)["reviews"] == []


# -- a Chinese "today" run into a sentence is prose, no date ----------------------------------------

def test_day_word_run_into_a_sentence_is_no_date():
    assert find_date_text("今天帶家人去吃了一家新開的早餐店") is None
    assert find_date_text("今天 12:30") == "今天"
    assert find_date_text("昨天") == "昨天"


def test_day_word_sentences_make_no_dated_blocks():
    body = "".join(f'<div class="tab-content"><article><h4><a href="/comment/{i}">標題{i}</a></h4>'
                   f'<p><a href="/home/u{i}" class="author">作者{i}：</a> 今天去了一家新開的咖啡店{i}...</p></article>'
                   f'<article><h4><a href="/comment/{i}0">另一篇{i}</a></h4>'
                   f'<p><a href="/home/v{i}" class="author">寫手{i}：</a> 份量很大，價格也算合理，還會再來{i}...</p></article></div>'
                   for i in range(2))
    reviews = _run(body, lang="zh-TW")["reviews"]
    assert len(reviews) == 4 and all(r["published_at"] is None for r in reviews)


# -- Czech minutes; the name after the date stamp -----------------------------------------------------

def test_czech_minutes_ago():
    assert parse_date("před 35 minutami", now=NOW, lang="cs") == "2018-03-20"
    assert find_date_text("před 35 minutami, Host") == "před 35 minutami"


def _guest_item(n, stars, text, when):
    lis = "".join(f'<li class="item__rating-star{" item__rating-star--full" if i < stars else ""}"></li>' for i in range(5))
    return (f'<li class="latest-item"><a href="/place-{n}/hodnoceni/{n}/"><figure><img class="restaurant-image" src="/r{n}.jpg" alt="">'
            f'<img class="user-image" src="/avatar/{n}.png" alt="" width="48" height="48">'
            f'<figcaption class="review-info"><h3 class="restaurant-name">Bistro Number {n}</h3><ul class="review-stars">{lis}</ul>'
            f'<p class="guest-review">{text}</p><div class="review-time-guest-name">{when}, Host Testovací</div>'
            f'</figcaption></figure></a></li>')


GUESTS = ('<ul class="latest-reviews-list">' + _guest_item(1, 5, "Výborná polévka, čerstvý chléb a velmi milá obsluha, určitě se sem zase vrátíme i s dětmi a babičkou na oběd…", "před 35 minutami")
          + _guest_item(2, 3, "Jídlo bylo dobré a teplé, ale na stůl jsme v sobotu večer čekali skoro celou hodinu a nikdo se neomluvil…", "před 2 hodinami") + "</ul>")


def test_name_after_the_date_stamp_in_a_line_named_for_the_guest():
    reviews = _run(GUESTS, lang="cs")["reviews"]
    assert [r["author"] for r in reviews] == ["Host Testovací", "Host Testovací"]
    assert [r["published_at"] for r in reviews] == ["2018-03-20", "2018-03-20"]
    assert [r["rating"] for r in reviews] == [5.0, 3.0]


def test_a_slot_named_for_the_restaurants_name_is_no_title():
    reviews = _run(GUESTS, lang="cs")["reviews"]
    assert [r["title"] for r in reviews] == [None, None]


# -- a lone review box: its footer row is named for it; the call to write one is no title ------------

LONE = ('<aside><div class="widget"><h4 class="widget__h4">Most Recent Review</h4>'
        '<a class="widget-venue" href="/review/some-bistro-4/">Some Bistro</a><div class="aside__recent-review__body">'
        '<blockquote class="aside__recent-review__blockquote"><q class="aside__recent-review__blockquote__q">'
        'Good soup. Slow kitchen. Friendly staff. Would come back for the bread...</q>'
        '<footer class="aside__recent-review__blockquote__footer"><div class="aside__recent-review__blockquote__stars" data-aggregate="4">'
        + '<span class="aside__recent-review__blockquote__stars--active">★</span>' * 4
        + '<span class="aside__recent-review__blockquote__stars--inactive">★</span>'
        + '</div><a href="/write-review" class="aside__recent-review__blockquote__cta">Write your review</a>'
        '<cite class="aside__recent-review__blockquote__cite"><span>Dana Example</span></cite></footer></blockquote></div></div>'
        '<div class="news"><p>Sign up for our weekly letter about new places to eat in town.</p></div></aside>')


def test_a_review_boxs_footer_row_is_not_the_review():
    reviews = _run(LONE)["reviews"]
    assert [(r["body"], r["rating"], r["author"]) for r in reviews] == [
        ("Good soup. Slow kitchen. Friendly staff. Would come back for the bread...", 4.0, "Dana Example")]


def test_the_call_to_write_a_review_is_no_title():
    assert [r["title"] for r in _run(LONE)["reviews"]] == [None]
    assert write_review_line("Write your review") and write_review_line("Write a review »")
    assert not write_review_line("Great food, we will write again") and not write_review_line(None)


# -- the text's short twin above the full text ---------------------------------------------------------

def test_the_texts_short_twin_is_no_title():
    full = ("Small place near the station with a short menu. The noodles were springy and the broth was clear, "
            "and the dumplings came out hot. We waited ten minutes at noon.")
    body = (f'<li class="toplist"><div class="with-review"><figure class="item"><a href="/r/1"><h3>Noodle Bar</h3></a>'
            f'<strong class="point"><span>4.6</span></strong></figure><div class="review-content"><figure class="user">'
            f'<figcaption>Mika</figcaption></figure><p class="short_review">{full[:60]}...</p>'
            f'<p class="long_review">{full}</p><span class="review_more_btn">more</span></div></div></li>')
    reviews = _run(body)["reviews"]
    assert [(r["title"], r["body"]) for r in reviews] == [(None, full)]


# -- "Ver mais" ----------------------------------------------------------------------------------------

def test_portuguese_read_more_toggle():
    assert clean_text("Fomos num sábado e a comida estava ótima Ver mais") == "Fomos num sábado e a comida estava ótima"
    cards = "".join(f'<div class="col"><div class="post-box"><h3>Place {i}</h3><ul class="star_rating" title="Nota {i}.0">'
                    + '<li class="star_rating_10"></li>' * i + '<li class="star_rating_00"></li>' * (5 - i)
                    + f'</ul><a class="post-box-user-name" href="/user/u{i}">Leitor {i}</a><div class="post-box-text">'
                    f'Fomos num sábado e a comida estava ótima, voltaremos com a família {i}... '
                    f'<a href="/post/p{i}">Ver mais</a></div></div></div>' for i in (4, 5))
    reviews = _run(cards, lang="pt")["reviews"]
    assert [r["body"] for r in reviews] == [f"Fomos num sábado e a comida estava ótima, voltaremos com a família {i}..."
                                            for i in (4, 5)]
