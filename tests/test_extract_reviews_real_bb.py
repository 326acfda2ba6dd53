"""Batch 59 of real pages (local, travel and hospitality review pages, a second pass: a restaurant
guide's list of 2010 with linked headlines and a scripted 'more' after every text, a hotel
booking site's list of 2018 with liked/disliked halves and stay lines, a review table whose next
page is served from the site's own review host): the general rules they needed, on synthetic
markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews import _same_site

NOW = datetime(2010, 8, 16, tzinfo=timezone.utc)


def _guide_review(rid: int, title: str, name: str, stars: int, date: str, text: str) -> str:
    return (f'<div class="review">'
            f'<div class="quote"> <i>&#x201c;</i><a href="/ShowReview-r{rid}-Cafe.html" id="r{rid}">{title}</a>'
            f'<i>&#x201d;</i></div>'
            f'<div class="wrap"><div class="profile"><div class="rating"><span class="rate s{stars}0">'
            f'<img src="x.gif" alt="{stars} of 5 stars"/></span></div>'
            f'<div class="username"><span class="scrname">{name}</span> <span class="contribs">4 contributions</span></div>'
            f'<div class="date">\n{date}\n</div></div></div>'
            f'<div class="summary"><div class="entry"><p>\n{text}\n'
            f'<span class="fkLnk tr{rid}" onclick="ta.call(\'openReview\', event)">more</span>\n</p></div></div></div>')


def _guide_page(reviews: str) -> str:
    return f'<html><body><div id="REVIEWS">{reviews}</div></body></html>'


LONG_TITLE = "Best fish soup on the coast, but do not let the waiters hurry you out"
TEXT_1 = ("The soup came with a saffron broth and three kinds of fish, all of it fresh and well seasoned. "
          "The terrace looks over the harbour and the bread is baked in the house every morning...")
TEXT_2 = "A quiet room, kind staff and a short menu done well. We will come back in the autumn."


def test_a_long_headline_that_is_one_link_is_the_title_not_the_text():
    # the headline sits in an element named "quote", all of it one link to the review's own page;
    # at 60+ characters it was taken for the text (and the text beside it, twice as long, lost)
    page = _guide_page(_guide_review(101, LONG_TITLE, "harbourwalker", 5, "Aug 7, 2010", TEXT_1)
                       + _guide_review(102, "Quiet and kind", "olive_tree_22", 4, "Aug 4, 2010", TEXT_2))
    got = extract_reviews(page, url="https://guide.example/Restaurant-Cafe.html", now=NOW)["reviews"]
    assert [(r["title"], r["body"], r["rating"], r["published_at"]) for r in got] == [
        (LONG_TITLE, TEXT_1, 5.0, "2010-08-07"),
        ("Quiet and kind", TEXT_2, 4.0, "2010-08-04")]


def test_a_scripted_more_after_an_uncut_text_is_no_part_of_it():
    # the site prints "more" (a span a script runs) after every text, cut with an ellipsis or not:
    # after a whole text it is the same control, not a word of the review
    page = _guide_page(_guide_review(201, "Lovely lunch", "northern_star", 5, "Jun 22, 2010", TEXT_2)
                       + _guide_review(202, "Good value", "maple_road", 4, "Jun 19, 2010",
                                       "Fair prices, big plates and the staff found us a table by the window."))
    got = extract_reviews(page, url="https://guide.example/Restaurant-Cafe.html", now=NOW)["reviews"]
    assert [r["body"] for r in got] == [
        TEXT_2, "Fair prices, big plates and the staff found us a table by the window."]


def test_a_word_more_in_the_text_itself_stays():
    # only a control (onclick, a script's link, a button) closing the text is left out
    page = _guide_page(
        _guide_review(301, "Fine", "sea_breeze", 4, "May 2, 2010", "Good food, I wish they served").replace(
            '<span class="fkLnk tr301" onclick="ta.call(\'openReview\', event)">more</span>', '<b>more</b>')
        + _guide_review(302, "Nice", "hill_top", 5, "May 1, 2010", TEXT_2))
    got = extract_reviews(page, url="https://guide.example/Restaurant-Cafe.html", now=NOW)["reviews"]
    assert got[0]["body"] == "Good food, I wish they served more"


def _hotel_review(name: str, score: str, title: str, liked: str, disliked: str, stay: str, room: str) -> str:
    return (f'<li class="review_item clearfix">'
            f'<p class="review_item_date">Reviewed: {stay[:-5]} 12, {stay[-4:]}</p>'
            f'<div class="review_item_reviewer"><div><img class="avatar-mask ava-default" src="ava/x.png" alt="{name}"></div>'
            f'<h4>\n{name}\n</h4><span class="reviewer_country"><span class="reviewer_country_flag sflag slang-is">'
            f'</span>\nIceland\n</span><div class="user_age_group"></div>'
            f'<div class="user_badge_list"><img width="20" src="b/w1.png" class="js-fly-content-tooltip" '
            f'data-content-tooltip="<p><strong>Status: Wordsmith Level 1</strong></p>" alt="Status: Wordsmith Level 1"></div>'
            f'<div class="review_item_user_review_count">7 Reviews</div>'
            f'<div class="review_item_user_helpful_count">1 helpful vote</div></div>'
            f'<div class="review_item_review"><div class="review_item_review_container">'
            f'<div class="review_item_review_header"><div class="review_item_header_score_container">'
            f'<span class="review-score-badge" role="link" aria-label="Scored {score} ">{score}</span></div>'
            f'<div class="review_item_header_content_container"><div class="review_item_header_content">'
            f'“{title}”</div></div></div>'
            f'<div class="review_item_review_content">'
            f'<p class="review_neg "><i class="review_item_icon">-</i>{disliked}</p>'
            f'<p class="review_pos "><i class="review_item_icon">+</i>{liked}</p>'
            f'<p class="review_staydate ">Stayed in {stay}</p>'
            f'<p class="review_staydate g-hidden">Stayed in <a href="/hotel#RD1">{room}</a> ({stay})</p>'
            f'</div></div></div></li>')


def _hotel_page(items: str) -> str:
    return f'<html><body><ul class="review_list">{items}</ul></body></html>'


HOTEL = _hotel_page(
    _hotel_review("Sigrun", "8.3", "Calm rooms near the old port", "Big windows and a good breakfast",
                  "The lift was slow", "March 2018", "Double Room with Balcony")
    + _hotel_review("Tomas", "6.7", "Fine for one night", "Friendly desk staff",
                    "Thin walls and a noisy street", "March 2018", "Twin Room"))


def test_the_liked_and_disliked_halves_named_short_are_the_text_without_the_stay_lines():
    # "review_neg" / "review_pos" are the two halves of the text ("pos"/"neg" as polarity
    # words); "Stayed in March 2018" and "Stayed in ROOM (March 2018)" are when and where, no text
    got = extract_reviews(HOTEL, url="https://hotels.example/hotel/port.html", now=NOW)["reviews"]
    assert [(r["body"], r["rating"]) for r in got] == [
        ("The lift was slow Big windows and a good breakfast", 4.15),
        ("Thin walls and a noisy street Friendly desk staff", 3.35)]


def test_the_heading_an_avatar_s_alt_names_is_the_author_not_the_title():
    # the reviewer's name as an <h4> beside their picture whose alt is that very name
    got = extract_reviews(HOTEL, url="https://hotels.example/hotel/port.html", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Sigrun", "Tomas"]
    assert all(r["title"] not in ("Sigrun", "Tomas") for r in got)


def _table_page(next_href: str) -> str:
    row = ('<tr><td class="ReviewSection hreview"><div class="PrimaryRatings"><img class="rating" src="r.gif" '
           'alt="{s}.0 out of 5"></div><span class="ReviewText">"<span class="description">{t}</span>"</span>'
           '<div class="ReviewerData"><span class="Reviewer">By a diner</span> '
           '<span class="dateCreated">(review submitted <span class="dtreviewed">{d}</span>)</span></div></td></tr>')
    rows = row.format(s=4, t="Good fish and a kind waiter, we sat outside until late.", d="04/12/2010") + \
        row.format(s=2, t="Cold plates and a long wait for the bill at the end.", d="04/10/2010")
    return (f'<html><body><table class="ReviewTable">{rows}</table>'
            f'<div class="Pagination">1 <a href="{next_href}" target="_blank">2</a> '
            f'<a href="{next_href}" target="_blank">next</a> &gt;&gt;</div></body></html>')


def test_the_next_page_on_the_site_s_own_review_host_is_followed():
    page = _table_page("http://reviews.diner.example/0938/1278/reviews.htm?pageNumber=2&format=noscript")
    got = extract_reviews(page, url="http://www.diner.example/aquafish", now=NOW)
    assert got["next_url"] == "http://reviews.diner.example/0938/1278/reviews.htm?pageNumber=2&format=noscript"


def test_a_next_link_to_another_site_is_not_followed():
    page = _table_page("http://ads.other.example/reviews.htm?pageNumber=2")
    got = extract_reviews(page, url="http://www.diner.example/aquafish", now=NOW)
    assert got["next_url"] is None


def test_same_site_reads_the_registry_level():
    assert _same_site("reviews.example.com", "www.example.com")
    assert _same_site("shop.example.co.uk", "www.example.co.uk")
    assert not _same_site("a.example.co.uk", "b.other.co.uk")
    assert not _same_site("example.com", "example.org")
