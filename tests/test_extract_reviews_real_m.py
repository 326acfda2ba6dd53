"""Review extraction: what real saved pages of batch 18 taught (local businesses and services:
business-page review lists of a city guide in two designs, a gourmet site's reviewer list, a
Chinese shop-review list whose characters are partly drawn by a font of its own, a holiday
rental's review panel, WordPress review widgets, a hotel review page in French; measured
with perf/eval_reviews.py on pages kept outside the repository, see
perf/realpages_sources.json). Each lesson is reproduced here on a small page written for the
test, not on the saved page; names and texts are invented."""
from __future__ import annotations

from datetime import datetime, timezone

import lxml.html
import pytest

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_layout import text_without

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)
URL = "https://guide.example/place/42"


def _page(inner: str) -> str:
    return f'<html lang="en"><body><main>{inner}</main></body></html>'


def _reviews(html: str, url: str = URL):
    return extract_reviews(html, url, now=NOW)


# --- a star picture whose file name says the score and its colour ("stars_4_yellow.png") ----

def _slide(stars: int, text: str, name: str, role: str, company: str, who: str = "sig") -> str:
    return (f'<div class="col"><div class="card"><div class="bubble"><p class="txt">'
            f'<span class="star-imgs"><img src="https://cdn.example/imgs/stars_{stars}_yellow.png" alt="">'
            f'&nbsp;&nbsp;</span>{text}</p></div><span class="pic"><img src="/a/{stars}.jpg" alt="thumb"></span> '
            f'<span class="{who}">{name}<br>{role}, <a href="https://{company.lower()}.example">{company}</a></span>'
            f'</div></div>')


_SLIDES = [(5, "Set it up in ten minutes and it has run without a hitch since then.", "Wendel Ostrova", "Owner",
            "Bakehouse"),
           (4, "Good plugin, the support answered my question within the day.", "Pia Lindqvist", "Director",
            "Harbourlight"),
           (5, "Our visitors read the reviews before they book, exactly what we needed.", "Tomas Reyes",
            "Manager", "Hillcrest")]


@pytest.mark.parametrize("who", ["sig", "who"])  # (a line named for nothing, or for the person)
def test_star_picture_named_with_its_colour_is_the_rating_and_a_signature_names_the_author(who):
    out = _reviews(_page('<div class="row">' + "".join(_slide(*s, who=who) for s in _SLIDES) + "</div>"))
    got = [(r["rating"], r["author"], r["body"]) for r in out["reviews"]]
    assert got == [(5.0, "Wendel Ostrova", _SLIDES[0][1]), (4.0, "Pia Lindqvist", _SLIDES[1][1]),
                   (5.0, "Tomas Reyes", _SLIDES[2][1])]


def test_a_bold_sentence_heading_the_paragraph_is_the_title_and_stays_in_the_text():
    lead = "Does exactly what it says!"
    rest = "I added it to our booking page on Monday and the reviews showed up right away."
    slides = [(5, f"<b>{lead}</b> {rest}", "Wendel Ostrova", "Owner", "Bakehouse"), *_SLIDES[1:]]
    out = _reviews(_page('<div class="row">' + "".join(_slide(*s) for s in slides) + "</div>"))
    first = out["reviews"][0]
    assert (first["title"], first["body"]) == (lead, f"{lead} {rest}")


# --- unrated cards dated by a month alone ("August 2014"), a next link that is only an icon ---

def _rental_card(name: str, text: str, month: str) -> str:
    return (f'<div class="row"><div class="col-3"><a href="/users/show/{len(name)}1"><img alt="{name}" src="/u.png">'
            f'</a><div class="name"><a href="/users/show/{len(name)}1">{name}</a></div></div>'
            f'<div class="col-9"><div class="row-space-2"><div class="review-text expandable">'
            f'<div class="expandable-content"><p>{text}</p></div></div>'
            f'<div class="text-muted review-subtext"><div class="date">{month}</div></div></div></div></div>'
            f'<div class="row"><div class="col-9"><hr></div></div>')


_STAYS = [("Oskar", "Bright flat close to the tram, the host left a map with good bakeries.", "August 2014"),
          ("Mirela", "Quiet street, comfortable bed and a kitchen with everything we needed.", "July 2014"),
          ("Bastien", "Check-in was easy and the flat looked just like the photos.", "July 2014")]


def test_unrated_cards_dated_by_a_month_alone_are_reviews_without_a_date():
    html = _page('<div class="panel-body">' + "".join(_rental_card(*s) for s in _STAYS) + "</div>")
    out = _reviews(html, "https://stays.example/rooms/77")
    got = [(r["author"], r["body"], r["rating"], r["published_at"]) for r in out["reviews"]]
    assert got == [(n, t, None, None) for n, t, _ in _STAYS]


def test_a_next_link_of_an_icon_alone_in_an_item_named_next():
    pager = ('<div class="pagination"><ul><li class="active"><a href="/rooms/77?page=1">1</a></li>'
             '<li><a href="/rooms/reviews/77?page=2">2</a></li>'
             '<li class="next next_page"><a rel="nofollow" href="/rooms/reviews/77?page=2">'
             '<i class="icon icon-caret-right"></i></a></li></ul></div>')
    html = _page('<div class="panel-body">' + "".join(_rental_card(*s) for s in _STAYS) + pager + "</div>")
    out = _reviews(html, "https://stays.example/rooms/77")
    assert out["next_url"] == "https://stays.example/rooms/reviews/77?page=2"


# --- a cut copy beside the hidden whole, each missing other characters; a "less" toggle -----

def _dish(name: str, shown: str, whole: str, when: str) -> str:
    return (f'<li><div class="main-review"><div class="dper-info"><a class="name" href="/member/{len(name)}">{name}</a>'
            f'</div><div class="review-rank"><span class="sml-rank-stars sml-str40 star"></span><span class="score">'
            f'<span class="item">Taste: very good</span><span class="item">Setting: good</span></span></div>'
            f'<div class="review-truncated-words">{shown}<div class="more-words"><a href="javascript:;" '
            f'class="fold">Read more</a></div></div><div class="review-words Hide">{whole}'
            f'<div class="less-words"><a href="javascript:;" class="unfold">Show less</a></div></div>'
            f'<div class="misc-info"><span class="time">{when}</span></div></div></li>')


def test_a_cut_copy_missing_other_characters_than_the_hidden_whole_is_no_text():
    # the visible copy ends in "..." and is made of the same letters as the hidden whole,
    # though a character or two of each is drawn by a font (an empty element): the hidden
    # whole is the text; its "Show less" toggle is no part of it
    shown = ('The noo<span class="fo-a"></span>les were fresh and the bro<span class="fo-b"></span>h was rich, the '
             'dumplings were good too and the sta...')
    whole = ('The <span class="fo-c"></span>oodles were fresh and the broth was rich, the dumplings were '
             'good too and the staff brought extra tea without asking.')
    dishes = [_dish("Lanfen", shown, whole, "2024-03-02 19:20"),
              _dish("Haoyu", "Good spicy soup and quick service...",
                    "Good spicy soup and quick service, we will come back for the lamb skewers next time.",
                    "2024-03-01 12:05")]
    out = _reviews(_page('<div class="reviews-items"><ul>' + "".join(dishes) + "</ul></div>"))
    got = [(r["author"], r["rating"], r["body"], r["published_at"]) for r in out["reviews"]]
    assert got == [("Lanfen", 4.0, "The oodles were fresh and the broth was rich, the dumplings were good too and "
                                   "the staff brought extra tea without asking.", "2024-03-02"),
                   ("Haoyu", 4.0, "Good spicy soup and quick service, we will come back for the lamb skewers "
                                  "next time.", "2024-03-01")]


def test_no_space_after_the_text_that_follows_a_line_break():
    el = lxml.html.fromstring('<div>first line<br>sec<span class="fo-a"></span>ond line</div>')
    assert text_without(el, []) == "first line second line"


# --- the reviewer's place in bold, a heading "Review from NAME" for screen readers ----------

def _city_review(name: str, place: str, stars: int, day: str, text: str) -> str:
    return (f'<li><div class="review" itemprop="review" itemscope itemtype="http://schema.org/Review">'
            f'<div class="review-sidebar"><ul class="user-passport-info"><li class="user-name">'
            f'<a class="user-display-name" href="/user_details?userid={len(name)}">{name}</a></li>'
            f'<li class="user-location"><b>{place}</b></li></ul></div>'
            f'<div class="review-wrapper"><div class="review-content"><div class="biz-rating">'
            f'<div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">'
            f'<i class="star-img stars_{stars}" title="{stars}.0 star rating"></i>'
            f'<meta itemprop="ratingValue" content="{stars}.0"></div>'
            f'<span class="rating-qualifier"><meta itemprop="datePublished" content="{day}">{day}</span></div>'
            f'<p class="review_comment" itemprop="description" lang="en">{text}</p></div></div></div></li>')


def test_the_reviewers_place_in_bold_is_no_title():
    rows = [("Marta Q.", "Portland, OR", 5, "2024-04-02", "The tasting menu was worth the wait and the staff were warm."),
            ("Devin L.", "Salem, OR", 3, "2024-04-01", "Good food but the room was loud and the service slow."),
            ("Ilse K.", "Eugene, OR", 4, "2024-03-28", "Lovely desserts, a bit pricey for the portions we got.")]
    out = _reviews(_page('<ul class="reviews">' + "".join(_city_review(*r) for r in rows) + "</ul>"))
    got = [(r["author"], r["title"], r["rating"], r["published_at"]) for r in out["reviews"]]
    assert got == [(n, None, float(s), d) for n, _, s, d, _ in rows]


def test_a_heading_that_only_says_whose_review_it_is_is_no_title():
    def card(name, stars, day, text):
        return (f'<li class="review" itemprop="review" itemscope itemtype="http://schema.org/Review">'
                f'<h4 class="offscreen">Review from <span itemprop="author">{name}</span></h4>'
                f'<div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">'
                f'<meta itemprop="ratingValue" content="{stars}.0"></div>'
                f'<meta itemprop="datePublished" content="{day}"><span class="date">{day}</span>'
                f'<p class="review_comment" itemprop="description">{text}</p></li>')
    rows = [("Noor B.", 5, "2023-10-31", "Romantic room, very good fish and a dessert we still talk about."),
            ("Jens T.", 4, "2023-10-29", "Friendly service, the steak was perfect, book well ahead.")]
    out = _reviews(_page('<ul class="reviews">' + "".join(card(*r) for r in rows) + "</ul>"))
    assert [(r["author"], r["title"]) for r in out["reviews"]] == [("Noor B.", None), ("Jens T.", None)]


# --- a reviewer's list: each item headed by the place reviewed, the title named "…__title" --

def _visit(rid: int, place: str, score: str, title: str, text: str, day: str) -> str:
    return (f'<div class="bookmark"><div class="rvw-item"><div class="rvw-item__rst-data"><h3>'
            f'<a class="rvw-item__rst-name" href="https://gourmet.example/tokyo/A13/{rid}/">{place}</a>'
            f'<span class="rvw-item__rst-area">(Ginza / Sushi)</span></h3></div>'
            f'<ul class="rvw-item__ratings"><li><p class="c-rating"><span>Dinner score:</span><i class="c-rating__star">'
            f'</i><b class="c-rating__val">{score}</b></p></li></ul>'
            f'<div class="rvw-item__contents"><p class="rvw-item__title"><a href="/rvwr/someone/rvwdtl/{rid}/">'
            f'<strong>{title}</strong></a></p><div class="rvw-item__rvw-comment"><p>{text}</p></div>'
            f'<p class="rvw-item__edited-date">{day}<span> updated</span></p></div></div></div>')


def test_the_place_heading_each_item_of_a_reviewers_list_is_neither_title_nor_author():
    rows = [(101, "Kaito", "4.8", "A counter worth the trip", "Twelve pieces, each better than the last, and a calm room.",
             "2018/12/12"),
            (102, "Minori", "4.5", "Seasonal and precise", "The autumn course was balanced and the broth outstanding.",
             "2018/11/26")]
    out = _reviews(_page('<div class="list">' + "".join(_visit(*r) for r in rows) + "</div>"),
                   "https://gourmet.example/rvwr/someone/list/")
    got = [(r["title"], r["author"], r["rating"], r["body"], r["published_at"]) for r in out["reviews"]]
    assert got == [("A counter worth the trip", None, 4.8, rows[0][4], "2018-12-12"),
                   ("Seasonal and precise", None, 4.5, rows[1][4], "2018-11-26")]


# --- hReview items scored out of 10 in parts, aspect rows in a box of divs, a header row ------

def _hreview(name: str, subs: tuple, score: str, title: str, iso: str, text: str) -> str:
    rows = "".join(f'<div class="sub-rating"><div class="rating-value">{v}</div><div class="caption">{c}</div></div>'
                   for v, c in zip(subs, ("Price/Quality", "Atmosphere", "Service")))
    return (f'<div class="divider"></div><div class="hreview"><div class="row"><div class="span8 review-container-header">'
            f'<span class="item hide"><span class="fn">Beach Pavilion</span></span>'
            f'<div class="user-info"><div class="name reviewer">{name}</div><div class="reviews">3 reviews written</div></div>'
            f'<div class="sub-ratings">{rows}</div><div class="main-rating"><div class="rating"><span class="value">'
            f'{score}</span><span class="best hide">10</span></div><div class="caption">Average</div></div></div></div>'
            f'<div class="row review-container-text"><div class="content"><h3 class="summary">{title}</h3>'
            f'<div class="text"><span class="dtreviewed">{iso[8:]}-{iso[5:7]}-{iso[:4]}<span class="value-title" '
            f'title="{iso}"></span></span><br /><span class="description">{text}</span></div></div></div></div>')


_HREVIEWS = [("Saskia", ("7.0", "8.0", "8.0"), "7.7", "Dinner by the sea", "2014-08-11",
              "Relaxed place on the beach, good burger, a little pricey for what you get."),
             ("Joost", ("6.0", "8.0", "7.0"), "7.0", "Could be better", "2014-05-27", "The food was only average."),
             ("Lieke", ("9.0", "10.0", "9.0"), "9.3", "Lovely lunch", "2014-03-19",
              "Flexible staff, we moved our booking twice without any trouble and the lunch was lovely.")]


def test_hreview_items_rated_out_of_ten_in_parts_beside_their_aspect_rows():
    # the review's own score is the hReview "rating" (value 7.7, best 10): 3.85 of 5, not
    # an aspect row's ("Price/Quality 7.0", in a box of rows named "sub-ratings"); a short
    # text (the second) is still the text, not the header row above it (name and scores)
    out = _reviews(_page('<div id="reviews">' + "".join(_hreview(*h) for h in _HREVIEWS) + "</div>"))
    got = [(r["author"], r["rating"], r["title"], r["body"], r["published_at"]) for r in out["reviews"]]
    assert got == [(n, round(float(s) / 2, 2), t, x, d) for n, _, s, t, d, x in _HREVIEWS]
