"""Review extraction: what real saved pages of batch 16 taught (e-commerce, second pass: a
marketplace's ratings-and-reviews page, a grocer's product page, a shop platform's
definition-list reviews rated on aspects, a course marketplace's latest-reviews column;
measured with perf/eval_reviews.py on pages kept outside the repository, see
perf/realpages_sources.json). Each lesson is reproduced here on a small page written for the
test, not on the saved page."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)


def _page(inner: str) -> str:
    return f'<html lang="en"><body><main>{inner}</main></body></html>'


# --- a short text under a longer title, a byline of date and name below (Jumia) ----------

def _article(stars: int, title: str, text: str, when: str, name: str) -> str:
    return (f'<article class="-pvs -hr"><div class="stars _m">{stars} out of 5<div class="in" style="width:{stars * 20}%">'
            f'</div></div><h3 class="-m -fs16">{title}</h3><p class="-pvs">{text}</p>'
            f'<div class="-df -j-bet"><div class="-pvs"><span class="-prs">{when}</span><span>by {name}</span></div>'
            f'<div class="-df -gn5">Verified Purchase</div></div></article>')


def test_a_byline_of_date_and_name_is_no_text_when_the_text_is_short():
    # the text ("Works fine") is shorter than its title and than the line holding the date
    # and the name ("03-02-2024" "by Maximiliane"); that line's text is the date's and the
    # name's, read already: no text of its own
    arts = [(5, "Really happy with it", "Works fine", "03-02-2024", "Maximiliane"),
            (4, "Good value", "Battery lasts two days on one charge.", "28-01-2024", "Bram"),
            (5, "Arrived early", "Packed well and in time.", "15-01-2024", "Ines")]
    out = extract_reviews(_page("<div>" + "".join(_article(*a) for a in arts) + "</div>"), "https://shop.example/",
                          now=NOW)
    got = [(r["rating"], r["title"], r["body"], r["author"], r["published_at"]) for r in out["reviews"]]
    assert got == [(5.0, "Really happy with it", "Works fine", "Maximiliane", "2024-02-03"),
                   (4.0, "Good value", "Battery lasts two days on one charge.", "Bram", "2024-01-28"),
                   (5.0, "Arrived early", "Packed well and in time.", "Ines", "2024-01-15")]


# --- one review in a definition list, rated on its aspects alone (Magento 1) ---------------

def _aspects(rows: list[tuple[str, int]]) -> str:
    cells = "".join(f'<tr><th>{label}</th><td><div class="rating-box"><div class="rating" style="width:{pct}%;">'
                    f'</div></div></td></tr>' for label, pct in rows)
    return f'<table class="ratings-table"><tbody>{cells}</tbody></table>'


def _entry(title: str, name: str, rows, text: str, posted: str) -> str:
    return (f'<dt><a href="https://shop.example/review/product/view/id/7/">{title}</a> Review by <span>{name}</span></dt>'
            f'<dd>{_aspects(rows)} {text} <small class="date">(Posted on {posted})</small></dd>')


_FORM = ('<div class="form-add"><h2>Write Your Own Review</h2><form action="/review/post" method="post">'
         '<table><thead><tr><th></th><th>1 star</th><th>5 stars</th></tr></thead><tbody><tr><th>Price</th>'
         '<td><input type="radio" name="r" value="1"></td><td><input type="radio" name="r" value="5"></td></tr>'
         '</tbody></table><input type="text" name="nickname"><textarea name="detail"></textarea>'
         '<button type="submit">Submit Review</button></form></div>')


def test_one_review_rated_on_aspects_alone_in_a_definition_list():
    # the only stars are the review's "Price" and "Quality" bars: the review is found, rated
    # their mean, and its text is the description's, without the aspects' labels nor the term
    # (the title link and "Review by") that runs longer than the text
    entry = _entry("Lovely little gift box", "Wren", [("Price", 60), ("Quality", 100)], "Nice box.", "3/5/2019")
    html = _page(f'<div class="box-reviews"><div class="col1"><h2>Customer Reviews</h2><dl>{entry}</dl></div>'
                 f'<div class="col2">{_FORM}</div></div>')
    out = extract_reviews(html, "https://shop.example/gift-box.html", now=NOW)
    got = [(r["rating"], r["title"], r["body"], r["author"], r["published_at"]) for r in out["reviews"]]
    assert got == [(4.0, "Lovely little gift box", "Nice box.", "Wren", "2019-03-05")]


def test_an_overall_row_among_the_aspects_is_the_rating():
    entry = _entry("Sturdy and bright", "Cole", [("Overall", 80), ("Value", 40), ("Finish", 100)],
                   "The lamp is heavier than it looks and the light is warm.", "11/20/2018")
    out = extract_reviews(_page(f'<h2>Customer Reviews</h2><dl>{entry}</dl>'), "https://shop.example/lamp.html",
                          now=NOW)
    assert [(r["rating"], r["body"]) for r in out["reviews"]] == \
        [(4.0, "The lamp is heavier than it looks and the light is warm.")]


# --- a stand-in where the name goes (a grocer's "A … Customer", "Anonymous") ----------------

def _tile(title: str, stars: int, name: str, when: str, text: str) -> str:
    icons = '<i class="icon-active"></i>' * stars + '<i class="icon-inactive"></i>' * (5 - stars)
    return (f'<div class="review-tile"><h3 class="tile-title">{title}</h3>'
            f'<div class="tile-rating" aria-label="rating of {stars} stars out of 5">{icons}</div>'
            f'<p class="tile-byline"><span class="tile-author-name">{name}</span><span class="tile-date">{when}</span></p>'
            f'<p class="tile-content">{text}</p></div>')


def test_a_stand_in_for_the_name_is_no_author():
    tiles = [("Nice and crisp", 5, "A Corner Shop Customer", "4th March 2024", "Fresh every time I bought it."),
             ("Too sweet", 2, "Anonymous", "1st March 2024", "Far sweeter than the label suggests."),
             ("Does the job", 4, "Priya", "20th February 2024", "Fine for the price, would buy again.")]
    out = extract_reviews(_page("<div>" + "".join(_tile(*t) for t in tiles) + "</div>"), "https://shop.example/",
                          now=NOW)
    assert [(r["author"], r["rating"], r["published_at"]) for r in out["reviews"]] == \
        [(None, 5.0, "2024-03-04"), (None, 2.0, "2024-03-01"), ("Priya", 4.0, "2024-02-20")]


def test_a_stand_in_on_an_unnamed_line_is_no_author():
    # no element is named for the reviewer: the first name-shaped line would be taken, but a
    # stand-in is no name
    cards = [("An Online Shopper", "Fresh every time I bought it, and well packed too.", 5, "12 March 2024"),
             ("Noor Haddad", "Far sweeter than the label suggests, sadly.", 2, "2 March 2024"),
             ("Anonymous", "Fine for the price, would buy again next week.", 4, "1 March 2024")]
    html = _page("<ul>" + "".join(
        f'<li class="review"><div class="stars" data-rating="{s}"></div><div class="meta"><span>{who}</span> · '
        f'<span>{when}</span></div><p>{text}</p></li>' for who, text, s, when in cards) + "</ul>")
    out = extract_reviews(html, "https://shop.example/", now=NOW)
    assert [(r["author"], r["rating"], r["published_at"]) for r in out["reviews"]] == \
        [(None, 5.0, "2024-03-12"), ("Noor Haddad", 2.0, "2024-03-02"), (None, 4.0, "2024-03-01")]


def test_a_bare_guest_stays_the_name_shown():
    # (a one-word label a site shows as the name, "Guest", is kept as it is shown)
    tiles = [("Nice and crisp", 5, "Guest", "4th March 2024", "Fresh every time I bought it."),
             ("Does the job", 4, "Priya", "20th February 2024", "Fine for the price, would buy again.")]
    out = extract_reviews(_page("<div>" + "".join(_tile(*t) for t in tiles) + "</div>"), "https://shop.example/",
                          now=NOW)
    assert [r["author"] for r in out["reviews"]] == ["Guest", "Priya"]


# --- the reviewed item's link before the text, its thumbnail beside it (a marketplace) ------

def _listing(item: str, shown: str, name: str, text: str) -> str:
    slug = item.lower().replace(" ", "-")
    return (f'<div class="listing listing-compact"><a href="https://market.example/courses/{slug}">{shown}</a>'
            f'<div class="clearfix"><div class="pull-left"><div class="review-stars" title="5 star rating">'
            f'<div class="review-rating review-rating-5_0"><span class="sr-only">5 star rating</span></div></div></div>'
            f'<span class="text-primary">By {name}</span></div><div class="clearfix"><div class="thumb">'
            f'<img src="/img/{slug}.jpg" alt="{item}" class="img-responsive"></div><p>{text}</p></div></div>')


def test_the_reviewed_items_name_before_the_text_is_no_title_even_cut_short():
    rows = [("Weekend Pottery Wheel Course for Beginners and Improvers", "Weekend Pottery Wheel Course for Beginners (...",
             "Tamsin", "A patient teacher and a warm studio, I left with three bowls."),
            ("Bookbinding Basics", "Bookbinding Basics", "Arno", "Clear steps and good paper, a relaxed afternoon.")]
    html = _page('<div class="listings-review"><h1>Latest reviews</h1>'
                 + "".join(_listing(*r) for r in rows) + "</div>")
    out = extract_reviews(html, "https://market.example/", now=NOW)
    assert [(r["title"], r["author"], r["rating"], r["body"]) for r in out["reviews"]] == \
        [(None, "Tamsin", 5.0, rows[0][3]), (None, "Arno", 5.0, rows[1][3])]
