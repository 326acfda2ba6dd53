"""Review extraction: what batch 14 of real saved pages taught (schema.org review markup on shop,
store-review, local-business and recipe pages, and the comment lists of recipe blogs whose
readers rate the recipe; measured with perf/eval_reviews.py on pages kept outside the
repository, see perf/realpages_sources.json). Each lesson is reproduced on a small page written
for the test, not on the saved page."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_chrome import reply_control
from crawlers.extract.reviews_icons import percent_classes

import lxml.html

NOW = datetime(2025, 6, 1, 12, tzinfo=timezone.utc)
URL = "https://kitchen.example.org/lemon-tart/"


# -- a recipe blog's comment list: each comment's content holds the name, the text, a row of five
# star icons whose class says how far each is filled ("clip-100", "clip-50", "clip-0"; the svg
# draws the same outline on all), the date link and the "Reply" link; the blog's answer nested

_STAR_SVG = ('<svg viewBox="0 0 64 64"><defs><linearGradient id="g-clip-0"><stop offset="0%"/></linearGradient>'
             '<linearGradient id="g-clip-100"><stop offset="100%"/></linearGradient></defs>'
             '<path d="m46 51-14-9-14 9 4-16-13-10 17-1 6-16 6 16 17 1-13 10z" stroke="currentColor"/></svg>')


def _stars(fills: list[int]) -> str:
    return ('<p class="kitchen-ratings">' + "".join(
        f'<span class="kitchen-rating kitchen-clip-{f} kitchen-rating-outline">{_STAR_SVG}<br/></span>' for f in fills)
        + "</p>")


def _comment(cid: int, who: str, when: str, text: str, fills: list[int] | None, answer: str | None) -> str:
    reply = (f'<ol class="children"><li class="comment byuser bypostauthor odd depth-2" id="comment-{cid + 1}">'
             f'<article class="flow-root"><div class="comment-content"><div class="comment-author vcard">'
             f'<cite class="fn">Tart Team</cite></div><p>{answer}</p>'
             f'<div class="comment-meta commentmetadata"><a href="#comment-{cid + 1}">05/02/25 @ 9:00 am</a></div>'
             f'<div class="comment-reply"><a rel="nofollow" class="comment-reply-link" href="#comment-{cid + 1}">'
             f'Reply</a> </div></div></article></li></ol>') if answer else ""
    return (f'<li class="comment even thread-even depth-1" id="comment-{cid}"><article class="flow-root">'
            f'<div class="comment-content"><div class="comment-author vcard"><cite class="fn">{who}</cite></div>'
            f'<p>{text}</p>' + (_stars(fills) if fills else "")
            + f'<div class="comment-meta commentmetadata"><a href="#comment-{cid}">{when}</a></div>'
            f'<div class="comment-reply"><a rel="nofollow" class="comment-reply-link" href="#comment-{cid}" '
            f'aria-label="Reply to {who}">Reply</a> </div></div></article>{reply}</li>')


def _blog_page() -> str:
    return ('<html lang="en"><body><article class="post"><h1>Lemon tart</h1><p>Bake it for forty minutes.</p></article>'
            '<section id="comments"><ol class="comment-list">'
            + _comment(10, "Mira Holt", "04/28/25 @ 6:12 pm",
                       "Made it for a birthday and the curd set perfectly, everyone asked for the recipe.",
                       [100, 100, 100, 100, 50], "So glad it worked out, Mira!")
            + _comment(20, "Dev Anand", "04/30/25 @ 8:40 am",
                       "Tasty, though the crust came out a little too crumbly for slicing neatly.",
                       [100, 100, 100, 0, 0], None)
            + _comment(30, "Lou Park", "05/01/25 @ 7:05 pm",
                       "Halved the sugar and it was still sweet enough for the whole family.",
                       [100, 100, 100, 100, 100], "Thanks for the tip about the sugar, Lou!")
            + "</ol></section></body></html>")


def test_star_icons_filled_to_the_percent_their_class_states():
    result = extract_reviews(_blog_page(), URL, now=NOW)
    got = [(r["author"], r["rating"], r["published_at"]) for r in result["reviews"]]
    assert got == [("Mira Holt", 4.5, "2025-04-28"), ("Dev Anand", 3.0, "2025-04-30"), ("Lou Park", 5.0, "2025-05-01")]


def test_percent_classes_reads_the_fills_and_needs_a_rating_name():
    def row(html):
        el = lxml.html.fragment_fromstring(html)
        return percent_classes(el, [k for k in el])
    assert row('<p class="stars">' + '<i class="s fill-100"></i>' * 3 + '<i class="s fill-0"></i>' * 2 + '</p>') == 3.0
    assert row('<p class="rating">' + '<i class="pct-100"></i>' * 9 + '<i class="pct-0"></i>' + '</p>') == 4.5
    # no rating name, or two kinds of fill word, or a class holding no fill: no such row
    assert row('<p class="gallery">' + '<i class="fill-100"></i>' * 5 + '</p>') is None
    assert row('<p class="stars">' + '<i class="fill-100"></i>' * 4 + '<i class="clip-0"></i></p>') is None
    assert row('<p class="stars">' + '<i class="fill-100"></i>' * 4 + '<i class="star"></i></p>') is None


def test_the_reply_link_in_a_comment_is_no_part_of_its_text_and_the_answer_no_review():
    result = extract_reviews(_blog_page(), URL, now=NOW)
    bodies = [r["body"] for r in result["reviews"]]
    assert bodies == ["Made it for a birthday and the curd set perfectly, everyone asked for the recipe.",
                      "Tasty, though the crust came out a little too crumbly for slicing neatly.",
                      "Halved the sugar and it was still sweet enough for the whole family."]


def test_reply_control_is_a_link_saying_one_reply_word():
    def el(html):
        return lxml.html.fragment_fromstring(html)
    assert reply_control(el('<div class="comment-reply"><a class="comment-reply-link" href="#c1">Reply</a> </div>'))
    assert reply_control(el('<div class="comment-reply"><button type="button">Antworten</button></div>'))
    # the shop's answer to a review is a reply, not the control to write one
    assert not reply_control(el('<div class="comment-reply"><p>Thank you, we are glad you liked it.</p></div>'))
    assert not reply_control(el('<div class="comment-reply"><a href="#c1">Thanks for the kind words</a></div>'))


# -- a shop's product reviews rated on aspects only: a definition list, each review a <dt> (the
# title linked, "Review by NAME") and a <dd> (a table of aspect bars drawn as widths, the text,
# "(Posted on M/D/YYYY)"); no overall score anywhere

def _aspect_row(name: str, pct: int) -> str:
    return (f'<tr><th>{name}</th><td><div class="rating-box"><div class="rating" style="width:{pct}%;"></div>'
            f'</div></td></tr>')


def _aspect_review(rid: int, title: str, who: str, aspects: list[tuple[str, int]], text: str, when: str) -> str:
    return (f'<dt><a href="/review/product/view/id/{rid}/">{title}</a> Review by <span>{who}</span></dt>'
            f'<dd><table class="ratings-table"><tbody>' + "".join(_aspect_row(n, p) for n, p in aspects)
            + f'</tbody></table>{text} <small class="date">(Posted on {when})</small></dd>')


def _aspect_page(reviews: list[str]) -> str:
    return ('<html lang="en"><body><div class="main-container col1-layout"><div class="product-view"><h1>Walnut desk'
            ' lamp</h1><p>Oiled walnut, linen shade, a 2 m cable.</p></div><div class="product-collateral">'
            '<div class="box-collateral box-reviews" id="customer-reviews"><h2>Customer Reviews</h2><dl>'
            + "".join(reviews) + '</dl></div><div class="form-add"><h2>Write Your Own Review</h2></div></div></div>'
            '</body></html>')


def test_reviews_rated_on_aspects_only_are_reviews_rated_by_their_mean():
    page = _aspect_page([
        _aspect_review(8, "Warm light", "Noor", [("Price", 80), ("Quality", 60)],
                       "The shade gives a soft light that suits a reading corner.", "3/14/2024"),
        _aspect_review(9, "Wobbly base", "Pel", [("Price", 40), ("Quality", 40)],
                       "The base rocks on the desk unless you fold paper under it.", "4/2/2024")])
    result = extract_reviews(page, "https://shop.example.net/walnut-desk-lamp.html", now=NOW)
    got = [(r["author"], r["rating"], r["title"], r["body"], r["published_at"]) for r in result["reviews"]]
    assert got == [("Noor", 3.5, "Warm light", "The shade gives a soft light that suits a reading corner.", "2024-03-14"),
                   ("Pel", 2.0, "Wobbly base", "The base rocks on the desk unless you fold paper under it.", "2024-04-02")]


def test_one_review_rated_on_aspects_only_is_found_too():
    page = _aspect_page([_aspect_review(8, "Warm light", "Noor", [("Price", 80), ("Quality", 80)],
                                        "The shade gives a soft light that suits a reading corner.", "3/14/2024")])
    result = extract_reviews(page, "https://shop.example.net/walnut-desk-lamp.html", now=NOW)
    assert [(r["author"], r["rating"], r["published_at"]) for r in result["reviews"]] == [("Noor", 4.0, "2024-03-14")]


def test_a_review_with_an_overall_score_beside_its_aspects_keeps_that_score():
    def review(title, who, stars, aspects, text, when):
        return (f'<div class="review"><h3>{title}</h3><span class="author">{who}</span>'
                f'<span class="stars" aria-label="Rated {stars} out of 5 stars"></span>'
                '<table>' + "".join(_aspect_row(n, p) for n, p in aspects) + f'</table><p>{text}</p>'
                f'<small class="date">{when}</small></div>')
    page = ('<html lang="en"><body><h2>Customer Reviews</h2>'
            + review("Warm light", "Noor", 5, [("Price", 80), ("Quality", 60)],
                     "The shade gives a soft light that suits a reading corner.", "3/14/2024")
            + review("Wobbly base", "Pel", 2, [("Price", 40), ("Quality", 60)],
                     "The base rocks on the desk unless you fold paper under it.", "4/2/2024")
            + '</body></html>')
    result = extract_reviews(page, "https://shop.example.net/walnut-desk-lamp.html", now=NOW)
    assert [(r["author"], r["rating"], r["body"]) for r in result["reviews"]] == [
        ("Noor", 5.0, "The shade gives a soft light that suits a reading corner."),
        ("Pel", 2.0, "The base rocks on the desk unless you fold paper under it.")]


# -- a WordPress comment list whose readers rate the recipe with five svg stars (filled paths and
# outline polygons); the theme marks every other comment "alt"/"thread-alt" and a comment with
# answers "parent", so the unrated comments differ in class from the rated ones only by that

_FILLED = '<span class="wprm-rating-star"><svg viewBox="0 0 24 24"><g><path fill="#343434" d="M12 2l3 6 7 1-5 5 1 7-6-3-6 3 1-7-5-5 7-1z"></path></g></svg></span>'
_OUTLINE = ('<span class="wprm-rating-star"><svg viewBox="0 0 24 24"><g><polygon fill="none" stroke="#343434" '
            'points="12,2.6 15,9 21.4,9 16.7,13.9 18.6,21.4 12,17.6 5.4,21.4 7.3,13.9 2.6,9 9,9 "></polygon></g></svg></span>')


def _wp_comment(cid: int, cls: str, who: str, iso: str, shown: str, text: str, stars: int | None,
                children: str = "") -> str:
    rating = ('<div class="wprm-comment-rating"><span class="wprm-rating-stars">' + _FILLED * stars + _OUTLINE * (5 - stars)
              + '</span></div>') if stars else ""
    kids = f'<ol class="children">{children}</ol>' if children else ""
    return (f'<li id="comment-{cid}" class="{cls}"><article id="div-comment-{cid}" class="comment-body">'
            f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{who}</b> '
            f'<span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-{cid}">'
            f'<time datetime="{iso}">{shown}</time></a></div></footer><div class="comment-content"><p>{text}</p>'
            f'{rating}</div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-{cid}">Reply</a>'
            f'</div></article>{kids}</li>')


def test_unrated_comments_drawn_like_the_rated_ones_but_for_alt_and_parent_classes_are_reviews():
    answer = _wp_comment(15, "comment byuser comment-author-team bypostauthor even depth-2 staff", "Team Soup",
                         "2024-02-03T10:00:00-05:00", "02.03.24 at 10:00 am", "Thanks for trying it, we are glad!", None)
    page = ('<html lang="en"><body><section id="comments"><ol class="comment-list">'
            + _wp_comment(11, "comment odd alt thread-even depth-1", "Rosa", "2024-02-01T08:00:00-05:00", "02.01.24 at 8:00 am",
                          "Too salty for us even after halving the stock cubes, would cut them further.", 2)
            + _wp_comment(12, "comment even thread-odd thread-alt depth-1", "Ben K", "2024-02-01T09:30:00-05:00",
                          "02.01.24 at 9:30 am", "Doubled the garlic and it was the best soup of the winter.", 5)
            + _wp_comment(13, "comment odd alt thread-even depth-1 parent", "Ines", "2024-02-02T18:45:00-05:00",
                          "02.02.24 at 6:45 pm", "Could the lentils be swapped for split peas without soaking them?", None,
                          answer)
            + _wp_comment(14, "comment byuser comment-author-team bypostauthor even thread-odd thread-alt depth-1 staff",
                          "Team Soup", "2024-02-04T11:00:00-05:00", "02.04.24 at 11:00 am",
                          "A note to everyone: the stock quantities are now corrected in the card above.", None)
            + _wp_comment(16, "comment even thread-even depth-1", "Walt", "2024-02-05T07:15:00-05:00", "02.05.24 at 7:15 am",
                          "Simple and warming, the kids asked for seconds right away.", 4)
            + "</ol></section></body></html>")
    result = extract_reviews(page, "https://soups.example.com/lentil-soup/", now=NOW)
    got = [(r["author"], r["rating"], r["published_at"]) for r in result["reviews"]]
    assert got == [("Rosa", 2.0, "2024-02-01"), ("Ben K", 5.0, "2024-02-01"), ("Ines", None, "2024-02-02"),
                   ("Walt", 4.0, "2024-02-05")]


def test_without_place_drops_only_place_and_state_classes():
    from crawlers.extract.reviews_cards import without_place
    assert without_place("li.alt comment parent thread-alt") == "li.comment"
    assert without_place("li.bypostauthor comment staff") == "li.bypostauthor comment staff"
    assert without_place("div.") == "div."
