"""Batch 26 of real pages (an app store's pages of three designs and two languages: review cards
whose title slot may hold the review's only line, a shown run of teaser cards repeated by a hidden
run of full cards, a hidden "full review" link, a list heading inside the first card's wrapper, a
score panel whose count is a bare figure): the general rules they needed, each on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_aggregate import named_count
from crawlers.extract.reviews_bylines import header_before_title
from crawlers.extract.reviews_chrome import action_word, list_heading
from crawlers.extract.reviews_highlights import merge_copies

NOW = datetime(2016, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://apps.example/details?id=demo", lang: str = "en") -> dict:
    html = (f"<html lang='{lang}'><head><meta charset='utf-8'></head><body><h1>Demo app</h1>{body}</body></html>")
    return extract_reviews(html, url, now=NOW)


# -- a card whose title slot holds the review's only line, after a by-line's tail ----------------

def _stars(n: int) -> str:
    on = '<i class="star star-on"></i>' * n + '<i class="star star-off"></i>' * (5 - n)
    return f'<div class="stars" title="Rating: {n}.0 stars">{on}</div>'


def _card(name, date, device, n, head, text=None):
    p = f'<p class="entry-text">{text}</p>' if text else ""
    return (f'<div class="entry"><span class="entry-author"><strong>{name}</strong></span>'
            f'<span class="entry-date"> - {date}</span> - {device} with version 2.0'
            f'<div class="entry-line">{_stars(n)}<h4 class="entry-title">{head}</h4></div>{p}'
            f'<div class="entry-footer"><div class="entry-label">&nbsp;</div></div></div><hr>')


def test_a_title_slot_holding_the_only_line_after_a_header_tail_is_the_text():
    """' - DEVICE with version 2.0' printed after the date in the card's own text, then the stars
    and a heading named the title, and no text element: the device line is the header's, the
    heading is the review's only line (its text)."""
    body = ('<div class="entries">'
            + _card("Ola", "March 2, 2015", "Phone One", 2, "Too slow to enjoy",
                    "Crashes whenever I rotate the screen and the settings page stays blank.")
            + _card("Bea", "March 5, 2015", "Tablet Seven", 5, "Lovely sounds and colours")
            + _card("Kit", "March 9, 2015", "Phone Two", 4, "Calm")
            + '</div>')
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["rating"], r["title"], r["body"], r["published_at"]) for r in reviews] == [
        ("Ola", 2.0, "Too slow to enjoy",
         "Crashes whenever I rotate the screen and the settings page stays blank.", "2015-03-02"),
        ("Bea", 5.0, None, "Lovely sounds and colours", "2015-03-05"),
        ("Kit", 4.0, None, "Calm", "2015-03-09"),
    ]


def test_a_text_with_its_title_after_it_in_an_element_of_its_own_stays_the_text():
    """(guard) The text, then a title span at its end, in a content element holding no name or
    date: the text before the title is the review's."""
    body = "".join(
        f'<div class="tour-review"><div class="tour-review__head"><span class="tour-review__name">{n}</span>'
        f'<time datetime="2024-0{i}-10">{i} days ago</time>{_stars(5)}</div>'
        f'<div class="tour-review__content">We walked the old market and tasted more than we could count, '
        f'number {i}.<span class="tour-review__title">A day of tastes {i}</span></div></div>'
        for i, n in ((1, "Ana"), (2, "Ben")))
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == [
        "We walked the old market and tasted more than we could count, number 1.",
        "We walked the old market and tasted more than we could count, number 2."]
    assert [r["title"] for r in reviews] == ["A day of tastes 1", "A day of tastes 2"]


def test_header_before_title_needs_the_name_or_date_before_the_title():
    import lxml.html

    el = lxml.html.fromstring('<div><b>Ola</b> - Phone One<h4>Calm</h4></div>')
    name, head = el.find("b"), el.find("h4")
    assert header_before_title(el, head, [name, head], (name, None))
    assert not header_before_title(el, head, [head], (None, None))
    el2 = lxml.html.fromstring('<div><b>Ola</b> - Phone One<h4>Calm</h4>The rest of it</div>')
    assert not header_before_title(el2, el2.find("h4"), [el2.find("b"), el2.find("h4")], (el2.find("b"), None))


# -- a shown run of teaser cards and a hidden run of full cards ----------------------------------

_TEXTS = [("Too slow to enjoy", 2, "Crashes whenever I rotate the screen and the settings page stays blank."),
          ("", 5, "Lovely sounds and colours"),
          ("", 5, "Calm"),
          ("Hours gone", 5, "I open it every evening on the bus and it still surprises me.")]
_DATES = ["September 12, 2014", "November 19, 2014", "September 3, 2014", "August 28, 2014"]


def _teaser(i, title, n, text):
    return (f'<div class="featured" data-expand-to="user-{i}"><span class="author-name"> A Store User </span>'
            f'<div class="star-box" aria-label=" Rated {n} stars out of five stars "><div class="cur" style="width: {n * 20}%;"></div></div>'
            f'<div class="quoted"><div class="review-text"><span class="review-title">{title}</span> {text} </div></div></div>')


def _full(i, title, n, text, date, link="Full Review"):
    return (f'<div><div class="single-review"><div class="review-header"><span class="author-name"> A Store User </span>'
            f'<span class="review-date">{date}</span>'
            f'<div class="star-box" aria-label=" Rated {n} stars out of five stars "><div class="cur" style="width: {n * 20}%;"></div></div></div>'
            f'<div class="review-body"><span class="review-title">{title}</span> {text} '
            f'<div class="review-link" style="display:none"> <a class="button tiny" href="#">{link}</a> </div></div></div></div>')


def test_teaser_cards_repeated_by_hidden_full_cards_are_one_review_each_with_the_date():
    """Four teaser cards (no date) shown, the same four as full cards in a hidden list (dated, each
    with a hidden 'Full Review' link): four reviews, each with its date, the link no text; the
    short 'Calm' is paired at the distance the longer copies share."""
    body = ('<div class="reviews-section"><div class="preview">'
            + "".join(_teaser(i, *t) for i, t in enumerate(_TEXTS))
            + '</div><div class="all-reviews" style="display:none"><div class="reviews-heading"> User reviews </div>'
            + "".join(_full(i, *t, d) for i, (t, d) in enumerate(zip(_TEXTS, _DATES))) + '</div></div>')
    reviews = _run(body)["reviews"]
    assert [(r["rating"], r["title"], r["body"], r["published_at"]) for r in reviews] == [
        (2.0, "Too slow to enjoy", _TEXTS[0][2], "2014-09-12"),
        (5.0, None, "Lovely sounds and colours", "2014-11-19"),
        (5.0, None, "Calm", "2014-09-03"),
        (5.0, "Hours gone", _TEXTS[3][2], "2014-08-28"),
    ]


def test_a_hidden_full_review_link_is_no_text_in_french_too():
    assert action_word("Avis complet")
    body = ('<div class="all-reviews">'
            + "".join(_full(i, "", n, t, d, link="Avis complet") for i, (n, t, d) in enumerate(
                ((5, "Appli simple et rapide, je recommande", "3 mars 2015"),
                 (4, "Pratique mais il manque un widget", "5 mars 2015"))))
            + '</div>')
    reviews = _run(body, lang="fr")["reviews"]
    assert [r["body"] for r in reviews] == ["Appli simple et rapide, je recommande", "Pratique mais il manque un widget"]


def test_merge_copies_pairs_runs_but_not_two_people_with_the_same_words():
    base = [{"author": a, "rating": 5.0, "title": None, "body": b, "published_at": d}
            for a, b, d in (("Ann", "A long enough line of praise for the app", None),
                            ("Bo", "Another long line about the widget working well", None),
                            ("Ann", "A long enough line of praise for the app", "2015-03-01"),
                            ("Bo", "Another long line about the widget working well", "2015-03-02"),
                            ("Cy", "Cool", "2015-03-03"),
                            ("Di", "Cool", "2015-03-03"))]
    out = merge_copies(base)
    assert [(r["author"], r["body"][:4], r["published_at"]) for r in out] == [
        ("Ann", "A lo", "2015-03-01"), ("Bo", "Anot", "2015-03-02"), ("Cy", "Cool", "2015-03-03"), ("Di", "Cool", "2015-03-03")]
    # one copy alone is no run: left as it is
    assert merge_copies(base[:1] + base[2:3] + base[4:]) == base[:1] + base[2:3] + base[4:]


def test_the_same_short_words_by_the_same_person_on_the_same_day_are_one_review():
    """An overview box repeats the first cards of the list below; one of them is one word
    ("Calm"): each review once (the long ones were already paired by their texts)."""
    ola = _card("Ola", "March 2, 2015", "Phone One", 2, "Too slow to enjoy",
                "Crashes whenever I rotate the screen and the settings page is blank.")
    kit = _card("Kit", "March 9, 2015", "Phone Two", 4, "Calm")
    bea = _card("Bea", "March 5, 2015", "Tablet Seven", 5, "Lovely", "Sounds and colours are a treat in the evenings.")
    body = (f'<div class="overview-reviews"><h2>Highlights</h2>{ola}{kit}</div>'
            f'<div class="all-reviews"><h2>Everything</h2>{ola}{kit}{bea}</div>')
    reviews = _run(body)["reviews"]
    assert sorted(r["body"] for r in reviews) == ["Calm", "Crashes whenever I rotate the screen and the settings page is blank.",
                                                  "Sounds and colours are a treat in the evenings."]


def test_the_same_short_words_twice_in_a_list_that_repeats_nothing_are_two_reviews():
    """A list of latest reviews where one person left the same "Calm" for two things on one day
    (merged at the batch 22-27 merge: a list that repeats no longer review holds no copies)."""
    cards = [_card("Kit", "March 9, 2015", "Phone Two", 4, "Calm"),
             _card("Ola", "March 9, 2015", "Phone One", 2, "Too slow to enjoy",
                   "Crashes whenever I rotate the screen and the settings page is blank."),
             _card("Kit", "March 9, 2015", "Phone Two", 4, "Calm"),
             _card("Bea", "March 9, 2015", "Tablet Seven", 5, "Lovely", "Sounds and colours are a treat in the evenings.")]
    reviews = _run('<div class="all-reviews"><h2>Latest</h2>' + "".join(cards) + "</div>")["reviews"]
    assert [r["body"] for r in reviews].count("Calm") == 2 and len(reviews) == 4


# -- the heading of the list, inside the first card's wrapper -------------------------------------

def test_a_heading_named_for_the_list_of_reviews_is_no_title():
    """<div><h2 class="reviews-heading">What players say</h2><div class="single-review">…: the first
    card's wrapper also holds the list's heading; the card's own title slot is empty."""
    assert list_heading(__import__("lxml.html").html.fromstring('<h2 class="reviews-heading">x</h2>'))
    # (a heading whose words name a list of reviews, "User reviews", was already none: these do not)
    cards = [_full(i, "", n, t, d) for i, (n, t, d) in enumerate(
        ((5, "Quick to set up and the reminders just work every single morning", "June 1, 2015"),
         (3, "Fine on the phone but the tablet layout cuts off half the buttons", "June 2, 2015")))]
    body = ('<div class="column"><div><h2 class="reviews-heading">What players say</h2>' + cards[0][5:] + cards[1] + '</div>')
    reviews = _run(body)["reviews"]
    assert [r["title"] for r in reviews] == [None, None]
    assert [r["published_at"] for r in reviews] == ["2015-06-01", "2015-06-02"]


# -- a score panel whose count is a bare figure -----------------------------------------------------

def test_a_bare_count_named_votes_beside_the_average_is_the_count_not_a_histogram_row():
    """'Average rating: 4.5' + stars + <div class="votes">6</div> after a histogram of 'N star'
    rows: the count is the named bare figure, not the last row's figure before 'Average rating'."""
    rows = "".join(f'<tr><td class="msg">{s} star</td><td><span class="bar" style="width:{w}px"></span> <span>{c}</span></td></tr>'
                   for s, w, c in ((5, 150, 5), (4, 0, 0), (3, 0, 0), (2, 30, 1), (1, 0, 0)))
    body = (f'<div class="overview"><h2>User Reviews</h2><div><div class="histogram"><table>{rows}</table></div>'
            '<div class="average-rating"><div class="average-rating-title">Average rating:</div>'
            '<div class="average-rating-value">4.5</div><div class="average-rating-stars">'
            '<div class="stars" title="Rating: 4.5 stars"></div></div><div class="votes">6</div></div></div>'
            '<div class="entries">'
            + _card("Ola", "March 2, 2015", "Phone One", 2, "Too slow to enjoy",
                    "Crashes whenever I rotate the screen and the settings page stays blank.")
            + _card("Bea", "March 5, 2015", "Tablet Seven", 5, "Lovely", "Sounds and colours are a treat in the evenings.")
            + '</div></div>')
    assert _run(body)["aggregate"] == {"rating": 4.5, "count": 6}
    import lxml.html
    panel = lxml.html.fromstring('<div><div class="reviews-num">1,234</div><span class="bar-number">9</span></div>')
    assert named_count(panel, set()) == 1234
