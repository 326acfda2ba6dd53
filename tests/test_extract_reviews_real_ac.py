"""Batch 34 of real pages (recipe sites' own review and comment lists: a star bar measured in
pixels, SVG stars filled by gradients with hidden <defs> copies between them, a by-line whose
joining words are left once its name and date are read, a text opening with a day word, a
ratings histogram of star rows): the general rules they needed, each on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_bars import gradient_fill, pixel_bar
from crawlers.extract.reviews_bylines import connectors_only
from crawlers.extract.reviews_dates import prose_day_word
from crawlers.extract.reviews_scores import star_bands
from lxml import html as lxml_html

NOW = datetime(2023, 7, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://recipes.example/recipe/42", lang: str = "de") -> dict:
    html = f"<html lang='{lang}'><head><meta charset='utf-8'></head><body><h1>Nudelauflauf</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- a lit bar measured in pixels over 16-pixel stars ---------------------------------------------

def _bar(px: int) -> str:
    return (f'<div class="fivestar-widget clear-block" style="height: 16px; width: 85px">'
            f'<div class="jRatingColor" style="width:{px}px;"></div>'
            f'<div class="jStar" style="width: {px}px; height: 16px;"></div></div>')


def _comment(cid, name, px, subject, text, date):
    return (f'<li class="comment" id="comment-{cid}"><div class="media"><div class="media-left">'
            f'<a href="/user/{cid}"><img alt="{name} avatar" src="/user/picture/{cid}"></a></div>'
            f'<div class="media-body"><div class="media-heading">{_bar(px)}'
            f'<h3 class="h5 comment-subject">{subject}</h3></div>'
            f'Verfasst von <a href="/user/{cid}">{name}</a> am <small>{date}</small></div></div>'
            f'<div class="content commentContent"><p id="comment-content-{cid}">{text}</p></div></li>')


def test_a_bar_lit_in_pixels_over_square_stars_is_the_rating():
    """A star widget 16 pixels high whose coloured bar is 64 pixels wide lights four 16-pixel
    stars: 4.0 (80 pixels: 5.0); a bar of 0 pixels is no vote."""
    body = ('<ul class="comments">'
            + _comment(1, "Karla", 64, "Gut gelungen, nur etwas...", "Gut gelungen, nur etwas zu salzig für uns.",
                       "3. Mai 2022 - 10:01.")
            + _comment(2, "Bernd", 80, "Schmeckt der ganzen Familie...", "Schmeckt der ganzen Familie, wird es wieder geben.",
                       "9. Mai 2022 - 18:30.")
            + _comment(3, "Ute", 0, "Kann man das einfrieren?", "Kann man das einfrieren?", "12. Mai 2022 - 07:45.")
            + '</ul>')
    got = {r["author"]: r["rating"] for r in _run(body)["reviews"]}
    assert got["Karla"] == 4.0 and got["Bernd"] == 5.0
    assert got.get("Ute") is None
    widget = lxml_html.fromstring(_bar(48))
    assert pixel_bar(widget) == 3.0
    assert pixel_bar(lxml_html.fromstring(_bar(0))) is None


def test_a_short_text_beside_a_by_line_left_with_its_joining_words_is_the_text():
    """'Verfasst von NAME am DATE': once the name and the date are read, 'Verfasst von am' is left;
    it is no text rivalling a short review ('Sehr fein', in the element named for the content)."""
    body = ('<ul class="comments">'
            + _comment(1, "Karla", 80, "Sehr fein", "Sehr fein", "3. Mai 2022 - 10:01.")
            + _comment(2, "Bernd", 80, "Schmeckt der ganzen Familie...", "Schmeckt der ganzen Familie, wird es wieder geben.",
                       "9. Mai 2022 - 18:30.")
            + _comment(3, "Ute", 64, "Ein schnelles Essen für...", "Ein schnelles Essen für unter der Woche, danke.",
                       "12. Mai 2022 - 07:45.")
            + '</ul>')
    got = {r["author"]: r["body"] for r in _run(body)["reviews"]}
    assert got["Karla"] == "Sehr fein"
    assert connectors_only("Verfasst von am") and connectors_only("Posted by on")
    assert not connectors_only("Sehr fein") and not connectors_only("by")


def test_a_day_word_opening_a_sentence_is_no_date():
    """'Heute ausprobiert, ...' (tried today, ...) in the subject above a by-line's real date: the
    day word opens prose, the date is the by-line's."""
    body = ('<ul class="comments">'
            + _comment(1, "Karla", 80, "Heute ausprobiert, alle fanden es toll...",
                       "Heute ausprobiert, alle fanden es toll und es blieb nichts übrig.", "3. August 2020 - 19:40.")
            + _comment(2, "Bernd", 80, "Schmeckt der ganzen Familie...", "Schmeckt der ganzen Familie, wird es wieder geben.",
                       "9. Mai 2022 - 18:30.")
            + '</ul>')
    got = {r["author"]: r for r in _run(body)["reviews"]}
    assert got["Karla"]["published_at"] == "2020-08-03"
    assert got["Karla"]["title"] == "Heute ausprobiert, alle fanden es toll..."
    assert prose_day_word("Today I made it for six friends", "Today")
    assert not prose_day_word("Today at 3:45 PM", "Today") and not prose_day_word("Posted today", "today")


# -- SVG stars filled by gradients, a hidden <defs> copy after each ---------------------------------

_DEFS = ('<svg style="display: none"><defs><path id="star-outline" d="M0,0 L24,0 L12,24 Z"></path>'
         '<path id="star-body" d="M1,1 L23,1 L12,23 Z"></path></defs></svg>')


def _gstar(n: int, pct: int) -> str:
    return (f'<svg width="24px" height="24px" viewBox="0 0 24 24"><linearGradient id="fill-{n}" x1="0" x2="100%" y1="0" y2="0">'
            f'<stop offset="{pct}%" stop-color="#9C1F1E"></stop><stop offset="0" stop-opacity="0"></stop></linearGradient>'
            f'<use fill="url(\'#fill-{n}\')" href="#star-body"></use><use href="#star-outline" fill="#9C1F1E"></use></svg>')


def _post(uid, name, fills, text):
    stars = "".join(_gstar(uid * 10 + i, p) + _DEFS for i, p in enumerate(fills))
    return (f'<li class="conversation__post"><div class="post"><div class="post__header">'
            f'<div class="post__rating"><div class="five-star-rating">{stars}</div></div>'
            f'<div class="post__body"><div class="post__text"><div class="text truncated">{text}</div></div></div></div>'
            f'<div class="post__footer"><div class="post__author"><a href="/user/{uid}">{name}</a></div>'
            f'<button class="post__reply-action">Reply</button></div></div></li>')


def test_svg_stars_filled_by_gradients_with_hidden_defs_between_are_a_row():
    """Five star icons each followed by an <svg> holding only <defs>: the defs draw nothing, the
    row is five icons; each icon is lit as far as its gradient's first stop (100%, 50%, 0%)."""
    body = ('<div id="reviews" class="reviewFeed conversation"><h2>Reviews</h2><ol class="conversation__posts-list">'
            + _post(1, "cook_one", [100, 100, 100, 100, 50], "A cosy soup for a cold evening, the dill makes it.")
            + _post(2, "cook_two", [100, 100, 100, 0, 0], "Good base recipe, I doubled the carrots next time.")
            + '</ol></div>')
    got = {r["author"]: r["rating"] for r in _run(body, lang="en")["reviews"]}
    assert got == {"cook_one": 4.5, "cook_two": 3.0}
    assert gradient_fill(lxml_html.fromstring(_gstar(9, 60))) == 0.6


# -- a ratings histogram drawn as rows of stars is no average ---------------------------------------

def _row(n: int, title: str, width: str) -> str:
    imgs = "".join(f'<img src="/icons/{"full" if i < n else "empty"}-star.svg" role="presentation" '
                   f'alt="{f"Rated as {n} out of 5 Stars" if i == 0 else ""}">' for i in range(5))
    return (f'<li><div title="{title}"><div class="summary-bar"><div class="summary-percent" style="width: {width}">'
            f'&nbsp;</div></div><div class="rating-stars" data-ratingstars={n}>{imgs}</div></div></li>')


def test_a_histogram_of_star_rows_gives_no_aggregate():
    """'212 Ratings' over five rows whose star widgets show 5, 4, 3, 2, 1 beside 'N cooks loved
    it!': the bands of a distribution, not the recipe's average (none is printed)."""
    hist = ('<ol><li><h4 class="helpful-header">212 Ratings</h4></li>'
            + _row(5, "150 cooks loved it!", "71%") + _row(4, "40 cooks liked it!", "19%")
            + _row(3, "12 cooks thought it was OK", "6%") + _row(2, "6 cooks did not like it", "3%")
            + _row(1, "4 cooks could not eat it", "2%") + '</ol>')
    reviews = "".join(
        f'<div class="review-container"><h4 class="reviewer">{n}</h4><span class="stars stars-{s}" '
        f'aria-label="Rated {s} out of 5 stars"></span><div class="review-date">{d}</div>'
        f'<p class="review-text">{t}</p></div>'
        for n, s, d, t in [("panfan", 5, "3/2/2019", "Easy weeknight dinner, the kids asked for seconds."),
                           ("oventime", 4, "4/9/2019", "Nice and cheesy, I would add a little more garlic."),
                           ("saltybits", 3, "5/1/2019", "A bit salty with the feta, otherwise fine to make.")])
    result = _run('<section id="reviews"><h2>Reviews</h2>' + hist + reviews + '</section>', lang="en")
    assert [r["rating"] for r in result["reviews"]] == [5.0, 4.0, 3.0]
    assert result["aggregate"] is None
    assert star_bands([5.0, 4.0, 3.0, 2.0, 1.0]) == {0, 1, 2, 3, 4}
    assert star_bands([4.5, 5.0, 4.0, 3.0]) == {1, 2, 3}
    assert star_bands([4.0]) == set() and star_bands([5.0, 5.0, 4.0]) == set()
