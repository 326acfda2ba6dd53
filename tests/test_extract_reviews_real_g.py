"""Review extraction: what batch 12 of real saved pages taught (a book site's review list of 2024
whose texts are cut with a hidden full copy, a film site's user reviews of the 2024 design with
one review left unrated, a Russian review site's product page with microdata; measured with
perf/eval_reviews.py on pages kept outside the repository, see perf/realpages_sources.json).
Each lesson is reproduced on a small page written for the test, not on the saved page."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_chrome import action_row, unquoted
from crawlers.extract.reviews_normalize import clean_text

NOW = datetime(2025, 6, 1, 12, tzinfo=timezone.utc)
URL = "https://books.example.com/book/reviews/42"


# -- a book site's review: a header of links (name, date, another edition, shelves), the
# text cut short with the full copy hidden, and a footer of counters named for comments

def _book_review(rid: int, who: str, when: str, stars: int, short: str, full: str | None,
                 shelves: list[str], edition: bool, likes: int, comments: int) -> str:
    words = {1: "did not like it", 4: "really liked it", 5: "it was amazing"}[stars]
    spans = f'<span class="staticStar p10">{words}</span>' + "".join(
        f'<span class="staticStar {"p10" if i < stars else "p0"}"></span>' for i in range(1, 5))
    ed = ('<span class="greyText">&nbsp;&middot;&nbsp;</span>'
          '<a class="lightGreyText" href="/book/show/7-other">review of another edition</a>') if edition else ""
    sh = ('<div class="uitext greyText bookshelves">Shelves: '
          + ", ".join(f'<a class="actionLinkLite" href="/list/u{rid}?shelf={s}">{s}</a>' for s in shelves)
          + "</div>") if shelves else ""
    text = f'<span id="freeTextContainer{rid}">{short}</span>'
    if full is not None:
        text += (f'<span id="freeText{rid}" style="display:none">{full}</span>'
                 f'<a data-text-id="{rid}" href="#" onclick="swapContent($(this)); return false;">...more</a>')
    return (f'<div class="friendReviews"><div class="section"><div id="review_{rid}" class="review">'
            f'<a class="left imgcol" href="/user/show/u{rid}"><img alt="{who}" src="/u{rid}.jpg"></a>'
            f'<div class="left bodycol"><div class="reviewHeader uitext stacked">'
            f'<a class="reviewDate createdAt right" href="/review/show/{rid}">{when}</a> '
            f'<span class="author"><a class="user" href="/user/show/u{rid}">{who}</a></span> rated it '
            f'<span class="staticStars notranslate" title="{words}">{spans}</span>{ed}{sh}</div>'
            f'<div class="reviewText stacked"><span id="reviewTextContainer{rid}" class="readable">{text}</span></div>'
            f'<div class="reviewFooter uitext buttons"><div class="actions" id="update_comment_stuff_Review{rid}">'
            f'<a class="right flag" href="/flagged/new?resource_id={rid}">flag</a> '
            f'<span class="likeItContainer"><a href="/rating/voters/{rid}"><span class="likesCount">{likes} likes</span></a>'
            f' &middot; <a class="like_it" href="/user/new">Like</a></span> &middot; '
            f'<a href="/review/show/{rid}?from_review_page=1">see review</a>'
            f'<div id="comments_for_review_{rid}" style="display: none;"><a href="/review/{rid}/comments">'
            f'View all {comments} comments</a></div></div></div></div></div></div></div>')


def _book_page() -> str:
    return ('<html lang="en"><body><div id="bookReviews">'
            + _book_review(11, "Ann Reader", "Mar 21, 2017", 5, "Loved every page of it!", None,
                           ["classics", "owned"], True, 1129, 24)
            + _book_review(12, "Bo Lee", "May 19, 2018", 1, "Too slow for me.", None,
                           ["romance", "dull-ones"], False, 576, 21)
            + _book_review(13, "Cy Moor", "Aug 12, 2007", 5,
                           "The tea shop chapters drag at first, the letters between the sisters make up for it and",
                           "The tea shop chapters drag at first, the letters between the sisters make up for it and "
                           "the last page made me start again.", ["favorites"], False, 2387, 119)
            + "</div></body></html>")


def test_a_footer_of_counters_named_for_comments_is_not_a_short_review_s_text():
    reviews = extract_reviews(_book_page(), URL, now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        ("Ann Reader", 5.0, "2017-03-21"), ("Bo Lee", 1.0, "2018-05-19"), ("Cy Moor", 5.0, "2007-08-12")]
    assert [r["body"] for r in reviews[:2]] == ["Loved every page of it!", "Too slow for me."]


def test_links_of_a_header_row_and_labelled_shelves_are_no_title():
    reviews = extract_reviews(_book_page(), URL, now=NOW)["reviews"]
    assert [r["title"] for r in reviews] == [None, None, None]


def test_an_ellipsis_more_toggle_is_not_part_of_the_full_text():
    reviews = extract_reviews(_book_page(), URL, now=NOW)["reviews"]
    assert reviews[2]["body"] == ("The tea shop chapters drag at first, the letters between the sisters make up for it "
                                  "and the last page made me start again.")
    assert clean_text("The end of it. ...more") == "The end of it."
    assert clean_text("I wanted... more") == "I wanted... more"  # (a sentence, not a toggle)
    assert clean_text("I wanted...more") == "I wanted...more"


def test_action_rows():
    assert action_row("1129 likes · Like · see review View all 24 comments")
    assert action_row("Reply · Share · Report")
    assert not action_row("Like")  # a one-word review
    assert not action_row("Like it a lot, 5 stars")


# -- film reviews: cards alike, one without a rating

def _film_card(n: int, who: str, score: int | None, title: str, text: str, when: str) -> str:
    star = (f'<div class="sc-8c7aa573-4 buwToM"><span aria-label="{who}\'s rating: {score}" class="ipc-rating-star '
            f'review-rating"><svg viewBox="0 0 24 24"><path d="M12 20z"></path></svg>'
            f'<span class="ipc-rating-star--rating">{score}</span><span class="ipc-rating-star--maxRating">/10</span>'
            f'</span></div><div class="sc-8c7aa573-5 gBEznl">') if score is not None else '<div class="sc-8c7aa573-6 bZAIeE">'
    return (f'<article class="sc-7d2e5b85-1 cvfQlw user-review-item"><div class="ipc-list-card">'
            f'<div class="ipc-list-card__content">{star}<div class="ipc-title" data-testid="review-summary">'
            f'<a href="/review/rw{n}/"><h3 class="ipc-title__text">{title}</h3></a></div></div>'
            f'<div class="ipc-overflowText"><div class="ipc-html-content-inner-div">{text}</div></div></div>'
            f'<div class="ipc-list-card__actions"><span class="ipc-voting__label__count--up">{n}</span></div></div>'
            f'<div data-testid="reviews-author"><ul class="ipc-inline-list"><li class="ipc-inline-list__item">'
            f'<a data-testid="author-link" href="/user/ur{n}/">{who}</a></li>'
            f'<li class="ipc-inline-list__item review-date">{when}</li></ul></div></article>')


def test_a_card_drawn_like_the_rated_ones_without_a_score_is_a_review_too():
    page = ('<html lang="en"><body><section>'
            + _film_card(1, "filmfan1", 8, "A tidy heist story", "The vault scene alone is worth the ticket price.", "Aug 24, 2013")
            + _film_card(2, "cinebuff", 10, "Sharp and warm", "Quick jokes, a kind ending, and a cast that clearly had fun.", "Sep 5, 2013")
            + _film_card(3, "quietcritic", None, "Patchy but warm", "The middle hour wanders, the lighthouse finale saves it.", "Apr 25, 2014")
            + _film_card(4, "popcorn", 6, "Fine", "Good music, thin plot, the dog steals every scene.", "Jul 19, 2013")
            + "</section></body></html>")
    reviews = extract_reviews(page, "https://films.example.com/title/tt1/reviews/", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        ("filmfan1", 4.0, "2013-08-24"), ("cinebuff", 5.0, "2013-09-05"), ("quietcritic", None, "2014-04-25"),
        ("popcorn", 3.0, "2013-07-19")]
    assert reviews[2]["title"] == "Patchy but warm"


def test_a_quote_opening_only_part_of_a_title_stays():
    assert unquoted("'GLASS HOUSE' keeps its secrets", "'\"") == "'GLASS HOUSE' keeps its secrets"
    assert unquoted("\u201cGreat tool\u201d", "\u201c\u201d") == "Great tool"
    page = ('<html lang="en"><body><section>'
            + _film_card(1, "filmfan1", 8, "'GLASS HOUSE' keeps its secrets to the last reel", "A slow burn with a clean payoff.",
                         "Aug 24, 2013")
            + _film_card(2, "cinebuff", 10, "Sharp and warm", "Quick jokes, a kind ending, and a cast that clearly had fun.", "Sep 5, 2013")
            + "</section></body></html>")
    reviews = extract_reviews(page, "https://films.example.com/title/tt1/reviews/", now=NOW)["reviews"]
    assert reviews[0]["title"] == "'GLASS HOUSE' keeps its secrets to the last reel"


# -- microdata on the title's link: the link's address is no title

def test_a_microdata_name_on_a_link_gives_the_link_text_as_title_not_its_address():
    def item(n: int, who: str, title: str, text: str, when: str) -> str:
        return (f'<div class="item" itemprop="review" itemscope itemtype="http://schema.org/Review">'
                f'<link itemprop="url" href="https://reviews.example.ru/review_{n}.html">'
                f'<div class="item-left" itemprop="author" itemscope itemtype="http://schema.org/Person">'
                f'<a class="user-login" href="/profile/{who}"><span itemprop="name">{who}</span></a></div>'
                f'<div class="item-right"><div class="rating-score" title="Общий рейтинг: 4"><span>4</span></div>'
                f'<div class="review-postdate" itemprop="datePublished" content="{when}T10:00:00+03:00"><span>{when}</span></div>'
                f'<span itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">'
                f'<meta itemprop="ratingValue" content="4"><meta itemprop="bestRating" content="5"></span>'
                f'<h3><a class="review-title" href="/review_{n}.html" itemprop="name">{title}</a></h3>'
                f'<div class="review-teaser" itemprop="description">{text}</div></div></div>')
    page = ('<html lang="ru"><body><div class="review-list">'
            + item(1, "Pokupatel7", "Хороший магазин", "Доставили вовремя, коробка целая, чайник работает тихо.", "2026-01-22")
            + item(2, "Gost_12", "Надёжно", "Полгода без единой поломки, фильтр меняется за минуту.", "2025-02-23")
            + "</div></body></html>")
    reviews = extract_reviews(page, "https://reviews.example.ru/reviews/service/", now=NOW)["reviews"]
    assert [(r["author"], r["title"], r["rating"]) for r in reviews] == [
        ("Pokupatel7", "Хороший магазин", 4.0), ("Gost_12", "Надёжно", 4.0)]
