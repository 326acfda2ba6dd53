"""Batch 29 of real pages (East and South-East Asian shops and review sites: a map's visitor
ratings, a phone shop's rating box, a film site's and a beauty site's review feeds, a shop's
comment list of definition rows): the general rules they needed, on synthetic markup (invented
names and texts)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)


def _run(body: str, now: datetime = NOW) -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>A page</h1>{body}</body></html>"
    return extract_reviews(html, "https://shop.example/item/1", now=now)


# -- a row of star icons whose empty ones are named by a negation ("…-unstar…") -------------------

def _icon_card(name: str, lit: int, text: str) -> str:
    icons = "".join(f'<i class="icon-{"starbuy" if i < lit else "unstarbuy"}"></i>' for i in range(5))
    return (f'<li class="par"><div class="cmt-top"><p class="cmt-top-name">{name}</p></div>'
            f'<div class="cmt-intro"><div class="cmt-top-star">{icons}</div></div>'
            f'<div class="cmt-content"><p class="cmt-txt">{text}</p></div></li>')


def test_icons_named_by_a_negated_star_are_empty():
    """Five icons, the lit ones "icon-starbuy" and the rest "icon-unstarbuy": the negated name
    draws an empty star (3 and 2 stars, not 5)."""
    body = ('<ul class="comment-list">'
            + _icon_card("Tran Van Binh", 3, "Pin dùng được hai ngày, màn hình đẹp nhưng máy hơi nóng khi sạc.")
            + _icon_card("Le Thi Hoa", 2, "Nút âm lượng bị lỏng sau một tuần, mong cửa hàng hỗ trợ đổi máy.")
            + "</ul>")
    assert [r["rating"] for r in _run(body)["reviews"]] == [3.0, 2.0]


# -- a star class of a bare rating word and a letter-and-figure token ("star sa4") ---------------

def _row(dt: str, dd: str) -> str:
    return f"<dl><dt>{dt}</dt><dd>{dd}</dd></dl>"


def _comment(name: str, stars: int, when: str, tags: list[str], text: str, bought: str) -> str:
    chips = "".join(f'<q class="comm-tags"><span>{t}</span></q>' for t in tags)
    return (f'<div class="item"><div class="user"><div class="u-name"><a href="http://me.shop.example/1208.html">'
            f'           {name} </a></div>'
            f'<span class="u-level">金牌会员</span></div>'
            f'<div class="i-item"><div class="o-topic"><span class="star sa{stars}"></span>'
            f'<span><a class="date-comment" href="/c/1">{when}</a></span></div>'
            f'<div class="comment-content">{_row("标　　签：", chips)}{_row("心得：", text)}'
            f'<div class="dl-extra">{_row("颜色：", "银")}{_row("型号：", "标准版(64G)")}</div>'
            f'{_row("购买日期：", bought)}</div>'
            f'<div class="btns"><a class="btn-reply" href="#none">回复(0)</a></div></div></div>')


COMMENTS = ('<div id="comment-0" class="mc">'
            + _comment("zhang***", 5, "2019-05-20 10:11", ["做工精细", "续航好"], "外观很好看，用了一周没有问题，物流也很快。", "2019-05-12")
            + _comment("li***ng", 3, "2019-05-19 21:40", ["屏幕大"], "还可以，就是电池一般，晚上就没电了。", "2019-05-02")
            + "</div>")


def test_a_star_class_with_a_letter_and_figure_token_is_the_rating():
    """An empty <span class="star sa5">: a bare rating word and one token of a letter or two
    and a figure state the stars (5 and 3)."""
    assert [r["rating"] for r in _run(COMMENTS)["reviews"]] == [5.0, 3.0]


def test_layout_utilities_beside_a_star_word_are_no_rating():
    """Guard: "star mt5" (a margin utility) on an empty element says nothing."""
    from lxml import html as lh

    from crawlers.extract.reviews_starclass import letter_value_class
    for cls, want in (("star sa4", 4.0), ("star mt5", None), ("star p3", None), ("icon sa4", None)):
        el = lh.fromstring(f'<span class="{cls}"></span>')
        assert letter_value_class(el, cls.split()) == want


def test_text_in_one_row_of_labelled_attribute_rows_is_that_row():
    """A comment laid out as definition rows: tag chips, the words ("心得：…"), colour and model
    rows, a purchase date: the text is the words' row alone, and the date the comment's own."""
    reviews = _run(COMMENTS)["reviews"]
    assert [r["body"] for r in reviews] == ["外观很好看，用了一周没有问题，物流也很快。", "还可以，就是电池一般，晚上就没电了。"]
    assert [r["published_at"] for r in reviews] == ["2019-05-20", "2019-05-19"]


# -- a feed's elapsed-time stamps, a short CJK text, the buttons ------------------------------------

JST = timezone(timedelta(hours=9))


def _mark(user: str, when: str, film: str, year: int, score: str, text: str) -> str:
    return (f'<div class="c-movie-card"><div class="c-movie-card__left"><div class="c-media">'
            f'<div class="c-media__content"><div class="c-media__text"><a href="/users/{user}">{user}</a></div>'
            f'<div class="c-media__date">{when}</div></div></div>'
            f'<h3 class="c-movie-card__title"><a href="/movies/7">{film}<span>（{year}年製作の映画）</span></a></h3>'
            f'<div class="c-rating c-rating--{score.replace(".", "")}"><div class="c-rating__star"></div>'
            f'<div class="c-rating__score">{score}</div></div>'
            f'<p class="c-movie-card__review"><span>{text}</span></p></div>'
            f'<div class="c-movie-card__right"><a class="c-movie__jacket" href="/movies/7">'
            f'<img alt="{film}" src="/j/7.jpg"></a></div>'
            f'<div class="c-reactions"><div class="c-reactions__button"><a href="/login">コメントする</a>'
            f'<span class="c-reactions__count">0</span></div></div></div>')


FEED = ('<div class="p-movies-list">'
        + _mark("hanako", "たった今", "雨の駅", 2016, "4.0", "静かな映画でしたが最後まで目が離せませんでした。音楽も良かった。")
        + _mark("taro", "27秒", "雨の駅", 2016, "3.5", "最高")
        + _mark("jiro", "2分", "雨の駅", 2016, "2.5", "")
        + "</div>")


def test_elapsed_stamps_count_back_on_the_sites_own_calendar():
    """"たった今" (just now) and "27秒" (27 seconds) in a date-named element are dates; counted
    back from a time given in the site's zone, they fall on its own day (early on 2 June in
    Tokyo is still 1 June in UTC)."""
    reviews = _run(FEED, now=datetime(2024, 6, 2, 4, 30, tzinfo=JST))["reviews"]
    assert [r["published_at"] for r in reviews] == ["2024-06-02", "2024-06-02"]


def test_a_two_character_cjk_text_is_the_text_and_buttons_are_none():
    """A two-character Japanese text in the element named for it is the review's text (CJK
    characters weigh double), the comment button and its count are no text, and a card with a
    score but no words and only its buttons left is no review."""
    reviews = _run(FEED, now=datetime(2024, 6, 2, 4, 30, tzinfo=JST))["reviews"]
    assert [r["body"] for r in reviews][1] == "最高"
    assert len(reviews) == 2


def test_a_heading_naming_the_film_with_its_year_in_brackets_is_no_title():
    """The film's name with "(2016年製作の映画)" after it, beside its poster whose alt is the
    name alone: the reviewed film, not a title."""
    reviews = _run(FEED, now=datetime(2024, 6, 2, 4, 30, tzinfo=JST))["reviews"]
    assert [r["title"] for r in reviews] == [None, None]


def test_elapsed_stamps_are_read_only_as_a_whole_text():
    from crawlers.extract.reviews_dates import find_date_text, parse_date
    now = datetime(2024, 6, 2, 4, 30, tzinfo=JST)
    assert parse_date("3時間", now=now) == "2024-06-02"
    assert parse_date("5時間", now=now) == "2024-06-01"
    assert find_date_text("10分歩く") is None and find_date_text("23日") is None


# -- a visitor's rating card: the reviewer's counts beside the name, a like link ----------------

def _visit(name: str, width: int, count: int, avg: str, when: str, text: str) -> str:
    return (f'<li data-id="1"><a href="javascript:void(0);" class="profile_info"><img src="/p.jpg" alt=""></a>'
            f'<div class="unit_info"><em class="screen_out">작성자 : </em>'
            f'<a href="#none" class="link_user"><div class="inner_user"><span class="txt_username">{name}</span>'
            f'<div class="badge_info"><span class="ico_badge">실버 배지</span><span class="txt_badge">'
            f'<span class="screen_out">레벨</span>7</span></div></div></a>'
            f'<span class="txt_item">후기</span><span class="txt_desc">{count}</span>'
            f'<span class="txt_item">별점평균</span><span class="txt_desc">{avg}</span>'
            f'<span class="screen_out">최종수정일 : </span><span class="time_write">{when}</span></div>'
            f'<div class="star_info"><span class="ico_star star_rate"><span class="ico_star inner_star" '
            f'style="width:{width}%;"></span></span></div>'
            f'<div class="comment_info"><p class="txt_comment"><span>{text}</span>'
            f'<button type="button" class="btn_fold">더보기</button></p>'
            f'<div class="append_item"><a href="#none" class="link_like">좋아요 <span>0</span></a></div></div>'
            f'<div class="wrap_util"><ul class="list_opt"><li><a href="#none" class="link_util">신고</a></li></ul></div></li>')


VISITS = ('<div class="cont_evaluation"><strong class="total_evaluation">전체 <span>58</span></strong>'
          '<div class="ahead_info"><div class="grade_star"><em class="num_rate">4.1<span>점</span></em>'
          '<span class="ico_star star_rate"><span class="ico_star inner_star" style="width:82%"></span></span></div></div>'
          '<ul class="list_evaluation">'
          + _visit("산책", 100, 23, "4.2", "2024.05.30.", "국물 최고.")
          + _visit("여름비", 60, 4, "3.0", "2024.05.21.", "양은 많지만 조금 짜요. 다시 갈지는 모르겠어요.")
          + "</ul></div>")


def test_a_reviewers_counts_beside_the_name_do_not_outweigh_a_short_text():
    """"후기 23 별점평균 4.2" (reviews 23, average 4.2) beside the name is the reviewer's standing,
    no text: the short text in the comment element stays the review's, and the like link under
    it is no part of it."""
    reviews = _run(VISITS)["reviews"]
    assert [r["body"] for r in reviews] == ["국물 최고.", "양은 많지만 조금 짜요. 다시 갈지는 모르겠어요."]
    assert [r["rating"] for r in reviews] == [5.0, 3.0]


def test_a_count_heading_above_the_score_panel_is_the_aggregate_count():
    """"전체 58" (all 58) just above the panel of "4.1점" and its stars: the page's count."""
    assert _run(VISITS)["aggregate"] == {"rating": 4.1, "count": 58}


def test_the_stats_line_reading():
    from crawlers.extract.reviews_chrome import stats_line
    assert stats_line("후기 17 별점평균 3.1") and stats_line("Reviews 12 · Photos 3")
    assert not stats_line("3번 방문했어요 맛있어요") and not stats_line("Great value, 5 stars from me 10/10")


# -- a beauty site's review feed: the product's name above its brand ----------------------------

def _beauty(product: str, brand: str, lit: int, text: str, user: str) -> str:
    icons = "".join(f'<i class="icon-star_small{"" if i < lit else "_grey"}"></i>' for i in range(5))
    return (f'<div class="home-review-list-item"><div class="review-card"><div class="review-card-bubble">'
            f'<h1><a href="/p/{brand.lower()}/item-1?tab=reviews">{product}</a></h1>'
            f'<h2><a href="/brands/{brand.lower()}?tab=products">{brand}</a></h2>'
            f'<div class="review-card-stars"><div class="cardrv-smstarlist">{icons}</div></div>'
            f'<p><a href="/reviewer/1/2">{text}</a></p></div>'
            f'<div class="review-card-user"><h3 class="review-card-user-detail-name"><a href="/user/{user}">{user}</a></h3>'
            f'</div></div></div>')


def test_a_heading_above_a_brand_line_is_the_product_not_a_title():
    body = ('<div class="home-review-list">'
            + _beauty("Hydra Mist", "Kirana", 4, "Teksturnya ringan dan cepat meresap, cocok untuk kulit kering saya.", "sinta")
            + _beauty("Daily Gel Wash", "Lumo", 2, "Bikin kulit ketarik setelah dipakai, tidak akan beli lagi.", "rara")
            + "</div>")
    reviews = _run(body)["reviews"]
    assert [r["title"] for r in reviews] == [None, None]
    assert [r["rating"] for r in reviews] == [4.0, 2.0]


# -- a masked phone number as the name ------------------------------------------------------------

def test_a_masked_number_in_the_name_slot_is_the_author():
    """A buyer shown by a masked phone number ("139****0427") in the name's slot: that is the
    name the shop prints."""
    body = COMMENTS.replace("zhang***", "139****0427")
    assert [r["author"] for r in _run(body)["reviews"]] == ["139****0427", "li***ng"]
