"""Batch 63 of real pages (local and travel review pages, a third pass: a local-review site's
business page and two reviewers' profiles of 2019 with photo strips under the texts and the
reviewers' counts in bold, a review plugin's Google review card on a small firm's home page,
a travel site's widget of latest review headlines): the general rules they needed, on synthetic
markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2019, 10, 1, tzinfo=timezone.utc)


def _photo(pid: str, caption: str) -> str:
    return (f'<li style="width: 168px; height: 168px;"><div class="photo-box photo-box--interactive" data-photo-id="{pid}">'
            f'<img alt="Photo of Corner Cafe. {caption}" class="photo-box-img" src="/p/{pid}.jpg">'
            f'<div class="photo-box-overlay js-overlay"><div class="photo-box-overlay_caption">{caption}</div></div>'
            f'<a class="biz-shim js-lightbox-media-link" href="/photos?select={pid}"><span class="offscreen">{caption}</span></a>'
            f'</div></li>')


def _profile_review(rid: str, place: str, stars: int, date: str, text: str, photos: list | None = None,
                    sidebar: str = "") -> str:
    grid = ""
    if photos:
        grid = ('<ul class="photo-box-grid clearfix js-content-expandable lightbox-media-parent">'
                + "".join(_photo(f"{rid}{i}", c) for i, c in enumerate(photos))
                + '<li class="more-review-photos"><a href="/photos?user=1">See all photos from Kit L. for this place</a></li>'
                + '</ul>')
    return (f'<li><div class="review" data-review-id="{rid}">{sidebar}'
            f'<div class="review-topbar"><a class="biz-name" href="/biz/{rid}"><span>{place}</span></a></div>'
            f'<div class="review-content"><div class="biz-rating"><div class="i-stars i-stars--regular-{stars} rating-large"'
            f' title="{stars}.0 star rating"></div><span class="rating-qualifier">{date}</span></div>'
            f'<p lang="en">{text}</p>{grid}</div>'
            f'<div class="review-footer"><a class="useful" rel="useful">Useful <span class="count">2</span></a></div>'
            f'</div></li>')


def _list(items: str) -> str:
    return f'<html><body><ul class="ylist ylist-bordered reviews">{items}</ul></body></html>'


SHORT = "Kind staff and fresh bread"
LONG_CAPTION = "The window table at sunset with the harbour behind it, our favourite seat"
TEXT_A = "We came for breakfast twice during our stay and both times the eggs were done just right and the coffee was strong."
TEXT_B = "Slow service on a busy Saturday, but the soup of the day made up for most of the wait in the end."


def test_a_review_photo_strip_and_its_captions_are_no_part_of_the_text():
    # a short text under a strip of photos whose caption is longer: the caption (and its screen
    # reader's copy) was read as the text, and under a long text run into it
    page = _list(_profile_review("a1", "Corner Cafe", 5, "6/2/2019", TEXT_A, photos=["Eggs", "The coffee bar"])
                 + _profile_review("a2", "Harbour Bakery", 4, "5/21/2019", SHORT, photos=[LONG_CAPTION])
                 + _profile_review("a3", "Soup House", 3, "4/9/2019", TEXT_B))
    got = extract_reviews(page, "https://www.local.example/user_details?userid=1", now=NOW)["reviews"]
    assert [r["body"] for r in got] == [TEXT_A, SHORT, TEXT_B]
    assert [r["rating"] for r in got] == [5.0, 4.0, 3.0]
    assert [r["published_at"] for r in got] == ["2019-06-02", "2019-05-21", "2019-04-09"]


def _sidebar(name: str, friends: int, reviews: int) -> str:
    return (f'<div class="review-sidebar"><div class="ypassport media-block"><div class="media-story">'
            f'<ul class="user-passport-info"><li class="user-name"><a class="user-display-name" href="/user_details?userid={name[0]}"'
            f' id="dropdown_user-name">{name}</a></li><li class="user-location"><b>Portland, OR</b></li></ul>'
            f'<ul class="user-passport-stats"><li class="friend-count"><b>{friends}</b> friends</li>'
            f'<li class="review-count"><b>{reviews}</b> reviews</li></ul></div></div></div>')


def test_a_bold_figure_of_the_reviewers_counts_is_no_title():
    # "<b>622</b> friends" in the reviewer's box beside the review: a short bold line, read as the title
    page = _list(_profile_review("b1", "Corner Cafe", 5, "6/2/2019", TEXT_A, sidebar=_sidebar("Kit L.", 622, 145))
                 + _profile_review("b2", "Corner Cafe", 4, "5/30/2019", TEXT_B, sidebar=_sidebar("Ola M.", 17, 1204)))
    got = extract_reviews(page, "https://www.local.example/biz/corner-cafe", now=NOW)["reviews"]
    assert [r["body"] for r in got] == [TEXT_A, TEXT_B]
    assert [r["title"] for r in got] == [None, None]
    assert [r["author"] for r in got] == ["Kit L.", "Ola M."]


LONE_TEXT = ("The team answered every question we had about the closing and sent the papers a day early. "
             "Friendly people who know the paperwork well...")


def test_a_lone_review_card_is_its_whole_box_not_its_details_row():
    # one review on a firm's home page, the card's parts named as BEM elements of it: the nearest
    # box named for a review above the stars was its details row ("…-review__details": name, stars,
    # date), read as the review, and the text beside it in "…-review__content" lost
    page = ('<html><body><div class="testimonials"><div class="row"><div class="col-4"><div class="card">'
            '<div class="rv-review rv-review-301 rv-theme-places js-rv-review" data-rv-rating="4">'
            '<div class="rv-review__header"><div class="rv-review__reviewer-image"><img src="/a.jpg" alt=""></div>'
            '<div class="rv-review__details"><i class="rv-review__platform-icon"></i>'
            '<h3 class="rv-review__reviewer-name">Dora Valentine</h3>'
            '<span class="rv-review__rating"><span class="rv-stars rv-stars--4" aria-label="Rated 4"></span></span>'
            '<span class="rv-review__timestamp">March 3, 2019 via Google Maps</span></div></div>'
            f'<div class="rv-review__content"><p>{LONE_TEXT} <a class="rv-review__omission" href="https://maps.example/r/1">'
            'Read more</a></p></div></div></div></div>'
            '<div class="col-4"><div class="card"><h1>Coming soon</h1></div></div></div></div></body></html>')
    got = extract_reviews(page, "https://www.firm.example/", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"], r["body"]) for r in got] == \
        [("Dora Valentine", 4.0, "2019-03-03", LONE_TEXT)]


def _widget(items: str) -> str:
    return ('<html><body><div id="ta-widget" class="widBox"><div class="widData">'
            '<div class="widSummary"><dl><a href="https://travel.example/Place-1"><dt>Blue Door Inn</dt></a></dl></div>'
            '<div class="widRating"><dl><dt>Traveller rating</dt><dd><div class="widOverall">'
            '<span class="ui_bubble_rating bubble_45"></span> <span>212 reviews</span></div></dd></dl></div>'
            '<div class="widComponent"><dl class="widLatestReviews"><dt>Recent traveller reviews</dt>'
            f'<dd class="widOneReview"><ul class="widBullet">{items}</ul></dd></dl></div>'
            '<div class="widAll"><ul><li><a href="https://travel.example/Place-1">Read reviews</a></li></ul></div>'
            '</div></div></body></html>')


def test_a_widgets_list_of_quoted_review_headlines_are_reviews():
    # a travel site's widget on a place's own page: its average, then its latest reviews shown by
    # their headlines alone, each a line in quote marks (no stars, no name, no date): none was read
    heads = ["Lovely terrace....", "Great breakfast, quiet rooms", "AVOID!", "Back again"]
    page = _widget("".join(f'<li> <span class="widQuote">“{h}”</span> </li>' for h in heads))
    got = extract_reviews(page, "https://www.bluedoor.example/", now=NOW)
    assert [(r["body"], r["rating"], r["author"], r["title"]) for r in got["reviews"]] == [(h, None, None, None) for h in heads]
    assert got["aggregate"] == {"rating": 4.5, "count": 212}


def test_quoted_links_in_a_reviews_box_are_no_reviews():
    # a list of quoted links is a menu of review pages, not the reviews
    page = _widget("".join(f'<li><a href="/r/{i}">“{h}”</a></li>' for i, h in enumerate(["Rooms", "Food", "Staff"])))
    assert extract_reviews(page, "https://www.bluedoor.example/", now=NOW)["reviews"] == []
